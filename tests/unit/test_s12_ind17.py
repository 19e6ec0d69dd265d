"""Status and year of indicator rows that fresh samples read wrong (session 12, branch s12/ind17;
docs/indicator-sample.md, seeds 8743 and 8744).

Synthetic reports in the genre's shape (invented governments, years and figures), written to a
temporary folder: a city report (review 2051, plan 2052), a national report (review 2027, plan
2028, inside an invented “十五五” period) and a national report of the 1980s (本世纪末 → 2000).
Each test names the shape and what a reader expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.quantities import extract_quantities
from kg.pipeline import parse

CITY = """青川市2052年政府工作报告

各位代表：

一、2051年工作回顾

过去一年，我们主要做了以下工作。新建社区养老服务站18个。建成城区15分钟、乡村30分钟医疗服务圈。打造5分钟邻里、15分钟社区、30分钟村镇、城乡片区美丽城镇生活圈。全市通勤时间缩短10分钟。构建乡村30分钟重点疾病救治服务圈。

二、2052年工作安排

今年全市高校毕业生6.2万多人，再创历史新高。帮助3.2万名高校毕业生就业。打造5分钟应急救援圈。提质15分钟“健身圈”“阅读圈”。鼓励各县（区）集中发展1至2个主导产业。新建口袋公园20到30个。新增停车泊位3000—5000个。将职工医保、城乡居民医保门诊慢特病报销种类分别由18种、27种均扩大到41种。
"""

NATIONAL = """政府工作报告

——2028年3月5日在第十六届全国人民代表大会第三次会议上

各位代表：

一、2027年工作回顾

过去一年，经济运行总体平稳。2027年新建铁路营业里程由上年的2.1万公里增加到2.4万公里。全国城镇化率由前年的61.5％提高到63.2％。基本建设2026年交付使用的固定资产占投资的比重，由上年的71.3％提高到80.6％。

二、2028年工作总体部署

今年高校毕业生1320多万人，再创历史新高。今年高校毕业生达1344万人，要促进市场化社会化就业。预计今年应届毕业生超过1360万人。帮助12万名高校毕业生就业。坚决淘汰落后生产能力。“十五五”期间，关停4000万千瓦小火电机组，今年要关停800万千瓦；五年淘汰落后炼铁产能8000万吨、落后炼钢产能4500万吨，今年力争分别淘汰2000万吨和2500万吨。
"""

EIGHTIES = """政府工作报告

——1987年3月25日在第六届全国人民代表大会第五次会议上

各位代表：

一、1986年工作回顾

过去一年，国民经济稳定增长。全国粮食产量比上年增长3.1%。

二、1987年工作安排

为实现本世纪末把全国人口控制在十二亿五千万以内的目标，作出坚持不懈的努力。到本世纪末，全国粮食生产必须争取达到五千五百亿公斤。根据到本世纪末人民生活达到小康水平的目标和今后五年生产发展的可能，计划草案规定，全国农民的纯收入平均每年增长百分之六。在一九八七年上半年，青川棉纺厂每件纱的平均用棉量已降低到三百九十二斤。
"""


def _by(path: Path, text: str) -> dict[str, list]:
    path.write_text(text, encoding="utf-8")
    out: dict[str, list] = {}
    for q in extract_quantities(parse(path)):
        out.setdefault(q.surface, []).append(q)
    return out


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> dict[str, list]:
    return _by(tmp_path_factory.mktemp("ind17") / "city-qingchuan-2052.txt", CITY)


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> dict[str, list]:
    return _by(tmp_path_factory.mktemp("ind17") / "national-china-2028.txt", NATIONAL)


@pytest.fixture(scope="module")
def eighties(tmp_path_factory) -> dict[str, list]:
    return _by(tmp_path_factory.mktemp("ind17") / "national-china-1987.txt", EIGHTIES)


def _sy(by: dict[str, list], surface: str, i: int = 0) -> tuple[str, int | None]:
    q = by[surface][i]
    return q.status.value, q.year


# 1. the size of this year's graduating cohort is an estimate of the plan year, not a target


def test_this_years_cohort_is_an_estimate(national, city) -> None:
    assert _sy(national, "1320多万人") == ("estimate", 2028)  # "今年高校毕业生N多万人，再创历史新高"
    assert _sy(national, "1344万人") == ("estimate", 2028)  # "今年高校毕业生达N万人"
    assert _sy(national, "1360万人") == ("estimate", 2028)  # "预计今年应届毕业生超过N万人"
    assert _sy(city, "6.2万多人") == ("estimate", 2052)  # a city writes the same: "今年全市高校毕业生…"


def test_graduates_the_government_helps_stay_a_target(national, city) -> None:
    assert _sy(national, "12万名") == ("target", 2028)  # "帮助N万名高校毕业生就业": the plan's action
    assert _sy(city, "3.2万名") == ("target", 2052)


# 2. a duration that names a service circle is no quantity, in a list of such names too


def test_a_service_circle_gives_no_row(city) -> None:
    for surface in ("15分钟", "30分钟", "5分钟"):
        assert surface not in city, city.get(surface)


def test_a_duration_that_measures_stays(city) -> None:
    assert "通勤时间" in city["10分钟"][0].indicator  # "通勤时间缩短10分钟"


# 3. a start value named relative to the clause's year (由上年的A / 由前年的A)


def test_a_start_value_of_last_year_is_the_year_before_the_clause(national) -> None:
    assert _sy(national, "2.1万公里") == ("actual", 2026)
    assert _sy(national, "2.4万公里") == ("actual", 2027)
    assert _sy(national, "61.5％") == ("actual", 2025)  # 前年: two years before
    assert national["61.5％"][0].indicator.endswith("城镇化率")  # (由前年 is no part of the label)


def test_a_subject_clause_names_the_year_of_the_change(national) -> None:
    # "基本建设2026年交付使用的…比重，由上年的A提高到B" in the review of 2027: B is 2026's, A 2025's
    assert _sy(national, "80.6％") == ("actual", 2026)
    assert _sy(national, "71.3％") == ("actual", 2025)


def test_a_list_of_start_values_in_the_plan_is_last_years_level(city) -> None:
    # "将A、B报销种类分别由18种、27种均扩大到41种": 18 and 27 are in force now, 41 is the target
    assert _sy(city, "18种") == ("actual", 2051)
    assert _sy(city, "27种") == ("actual", 2051)
    assert _sy(city, "41种") == ("target", 2052)


# 4. a five-year plan's goal falls due in the plan's last year; 本世纪末 is 2000 in the 1980s


def test_a_five_year_goal_after_the_plan_named_gets_its_last_year(national) -> None:
    assert _sy(national, "4000万千瓦") == ("target", 2030)  # "“十五五”期间，关停N"
    assert _sy(national, "8000万吨") == ("target", 2030)  # "；五年淘汰…N"
    assert _sy(national, "4500万吨") == ("target", 2030)


def test_this_years_share_of_a_five_year_goal_is_this_years(national) -> None:
    assert _sy(national, "800万千瓦") == ("target", 2028)  # "“十五五”期间，…，今年要关停N"
    assert _sy(national, "2000万吨") == ("target", 2028)  # "今年力争分别淘汰A和B"


def test_the_end_of_the_century_is_its_year(eighties) -> None:
    assert _sy(eighties, "十二亿五千万") == ("target", 2000)
    assert _sy(eighties, "五千五百亿公斤") == ("target", 2000)


def test_a_century_goal_only_cited_leaves_the_plan_its_year(eighties) -> None:
    # "根据到本世纪末…的目标和今后五年…，计划草案规定，…平均每年增长N": the plan's own horizon
    assert _sy(eighties, "百分之六") == ("target", 1991)


def test_a_part_of_the_plan_year_gone_by_is_an_actual(eighties) -> None:
    # "在一九八七年上半年，…已降低到N" in the plan part of the 1987 report: already happened
    assert _sy(eighties, "三百九十二斤") == ("actual", 1987)


# 5. ranges of counts keep both ends (value and value_max)


@pytest.mark.parametrize(("surface", "low", "high"), [("1至2个", 1, 2), ("20到30个", 20, 30), ("3000—5000个", 3000, 5000)])
def test_a_count_range_keeps_both_ends(city, surface: str, low: int, high: int) -> None:
    q = city[surface][0]
    assert (q.value, q.value_max) == (low, high)


def test_a_range_of_approximate_ends_keeps_both() -> None:
    # "增产薯类一百多亿斤到二百多亿斤": both ends carry 多, the range is one figure
    from kg.loaders.numbers import find_figures

    (fig,) = [f for f in find_figures("能增产杂粮三百多亿斤到四百多亿斤。") if f.unit]
    assert (fig.value, fig.value_max, fig.unit) == (300, 400, "亿斤")
