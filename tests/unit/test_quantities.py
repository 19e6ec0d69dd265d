"""Quantities in a synthetic report in the genre's shape (tests/fixtures)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.loaders.quantities import extract_quantities, indicator_key
from kg.model import Kind, Qualifier, Status
from kg.pipeline import parse

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "county-series" / "quantities-county-2031.txt"


@pytest.fixture(scope="module")
def found():
    report = parse(FIXTURE)
    qs = extract_quantities(report)
    return report, {q.surface: q for q in qs}, qs


def test_every_span_is_its_surface(found) -> None:
    report, _, qs = found
    assert qs
    for q in qs:
        assert report.text.text[q.start : q.end] == q.surface
        if q.indicator_start is not None:
            assert report.text.text[q.indicator_start : q.indicator_end] == q.indicator


def test_level_and_growth_of_the_review_year(found) -> None:
    _, by, _ = found
    level, growth = by["812.5亿元"], by["4.6%"]
    assert (level.value, level.unit, level.kind) == (Decimal("812.5"), "亿元", Kind.AMOUNT)
    assert level.normalised_value == Decimal("81250000000") and level.normalised_unit == "元"
    assert (growth.kind, growth.direction) == (Kind.CHANGE, "up")
    assert level.indicator == growth.indicator == "地区生产总值"
    assert level.status == Status.ACTUAL and level.year == 2030 and level.section == "1.0"


def test_estimate_is_read_from_yuji_and_spreads_to_the_share(found) -> None:
    _, by, _ = found
    assert by["36.2亿元"].status == Status.ESTIMATE
    share = by["近五成"]
    assert (share.value, share.unit, share.kind, share.qualifier) == (50, "%", Kind.RATIO, Qualifier.APPROX)
    assert share.status == Status.ESTIMATE


def test_glued_qualifier_is_in_the_surface_and_trailing_one_is_not(found) -> None:
    _, by, _ = found
    assert by["超12万平方米"].qualifier == Qualifier.GT
    assert by["超12万平方米"].normalised_value == 120000
    assert by["45万吨"].qualifier == Qualifier.GE
    assert by["5.5%"].qualifier == Qualifier.LE
    assert by["20家"].qualifier == Qualifier.GE  # 不少于


def test_counts_take_the_noun_after_the_measure_word(found) -> None:
    _, by, _ = found
    assert by["1.5万名"].kind == Kind.COUNT
    assert "农民工" in by["1.5万名"].indicator
    many = by["20多万"]
    assert (many.value, many.unit, many.qualifier) == (20, "万人", Qualifier.GT)


def test_per_unit_figures_are_ratios_and_denominators_are_not_quantities(found) -> None:
    _, by, qs = found
    assert by["3.2名"].kind == Kind.RATIO
    assert by["3.1%"].kind == Kind.CHANGE and by["3.1%"].direction == "down"
    assert not any(q.surface.startswith(("千名", "万元")) for q in qs)
    assert by["28微克/立方米"].unit == "微克/立方米"
    assert by["91.3%"].kind == Kind.RATIO


def test_names_ordinals_slogans_and_years_are_not_quantities(found) -> None:
    report, _, qs = found
    surfaces = {q.surface for q in qs}
    for s in ("二十大", "三个", "3号线", "二期", "十二届", "2030年", "2031年", "5G"):
        assert not any(s in x for x in surfaces), s
    text = report.text.text
    assert all(not text[q.start - 1 : q.start] == "第" for q in qs)


def test_plan_part_figures_are_targets_of_the_plan_year(found) -> None:
    _, by, _ = found
    gdp = by["5%"]
    assert (gdp.status, gdp.year, gdp.qualifier, gdp.section) == (Status.TARGET, 2031, Qualifier.APPROX, "2.0")
    assert (gdp.kind, gdp.direction) == (Kind.CHANGE, "up")
    assert by["300个"].status == Status.TARGET and by["300个"].section == "2.1"
    assert by["超10亿元"].qualifier == Qualifier.GT


def test_glossary_and_chrome_are_outside_the_body() -> None:
    # nothing before the first part is a quantity (the byline's dates are not figures)
    report = parse(FIXTURE)
    first = report.parts[0].heading_start
    assert all(q.start >= first for q in extract_quantities(report))


@pytest.mark.parametrize(
    ("a", "b"),
    [("地区生产总值增长", "国内生产总值"), ("GDP", "全市地区生产总值"), ("规上工业增加值", "规模以上工业增加值增速"),
     ("公共财政预算收入", "地方一般公共预算收入"), ("CPI", "居民消费价格涨幅"), ("年末城镇调查失业率", "城镇调查失业率")],
)
def test_indicator_key_unifies_the_genres_synonyms(a: str, b: str) -> None:
    assert indicator_key(a) == indicator_key(b)


def test_indicator_key_keeps_different_indicators_apart() -> None:
    assert indicator_key("金融业增加值") != indicator_key("规模以上工业增加值")
    assert indicator_key("固定资产投资") != indicator_key("社会消费品零售总额")


def test_ranks_are_not_quantities(found) -> None:
    _, by, _ = found
    assert "12位" not in by and "5位" not in by


def test_enumerators_are_not_part_of_the_indicator(found) -> None:
    _, by, _ = found
    q = by["1.2万名"]
    assert not q.indicator.startswith("二是")
    assert "高校毕业生" in q.indicator


def test_life_expectancy_is_a_quantity_but_an_age_threshold_is_not(found) -> None:
    _, by, _ = found
    assert by["79.5岁"].kind == Kind.AMOUNT and by["79.5岁"].unit == "岁"
    assert "60岁" not in by
    assert "老人" in by["2.1万名"].indicator


def test_plan_part_looking_back_states_an_actual_of_the_review_year(found) -> None:
    _, by, _ = found
    q = by["44万吨"]
    assert (q.status, q.year) == (Status.ACTUAL, 2030)
    assert by["45万吨"].status == Status.TARGET


def test_rate_noun_with_a_level_verb_is_a_change(found) -> None:
    _, by, _ = found
    cpi = by["3%"]
    assert (cpi.kind, cpi.direction, cpi.qualifier) == (Kind.CHANGE, "up", Qualifier.APPROX)


def test_respectively_gives_each_figure_its_own_subject(found) -> None:
    _, by, _ = found
    assert by["5.1%"].indicator == "城镇居民人均可支配收入"
    assert by["6.3%"].indicator == "农村居民人均可支配收入"
    assert by["860元"].indicator == "城镇低保标准"
    assert by["720元"].indicator == "农村低保标准"


def test_durations_count_but_temporal_references_do_not(found) -> None:
    _, by, qs = found
    assert by["2个月"].unit == "个月" and by["2个月"].kind == Kind.AMOUNT
    assert not any("五年" in q.surface for q in qs)
    assert (by["4.2%"].kind, by["4.2%"].direction) == (Kind.CHANGE, "up")


def test_a_review_clause_naming_an_earlier_year_refers_to_it(found) -> None:
    _, by, _ = found
    base, now = by["1.2万个"], by["2.6万个"]
    assert (base.year, now.year) == (2025, 2030)
    assert base.indicator == now.indicator


# ------------------------------------------------------------------ invariants

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.loaders.structure import parse_report  # noqa: E402
from kg.model import Text  # noqa: E402

_PIECES = st.sampled_from([
    "一、2030年工作回顾\n", "二、2031年工作安排\n", "（一）", "全年", "地区生产总值", "增长", "下降", "近", "超",
    "约", "以上", "左右", "以内", "预计", "力争", "控制在", "新增", "企业", "学位", "2630.2", "１２", "1,200", "二十",
    "两", "千", "万", "亿", "八成", "百分之四点五", "多", "%", "％", "个", "家", "亿元", "万人", "平方公里",
    "微克/立方米", "个百分点", "—", "-", "、", "，", "。", "\n", "“", "”", "第", "号线", "+", "年", "月", "日",
    "每万名", "A", "5G", "届", "次", "大", "倍", "岁", " ",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=60).map("".join))
def test_extraction_never_fails_and_every_span_is_its_surface(body: str) -> None:
    source = "各位代表：\n" + body
    report = parse_report(Text(source=source, text=source))
    for q in extract_quantities(report):
        assert source[q.start : q.end] == q.surface
        assert q.value >= 0
        if q.indicator_start is not None:
            assert source[q.indicator_start : q.indicator_end] == q.indicator
        if q.kind == Kind.CHANGE:
            assert q.direction in ("up", "down")
        else:
            assert q.direction is None


def test_a_plan_whose_heading_was_lost_is_still_a_plan() -> None:
    path = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-lost-plan-heading-2041.txt"
    report = parse(path)
    by = {}
    for q in extract_quantities(report):
        by.setdefault(q.surface, []).append(q)
    assert [q.status for q in by["1520.4亿元"]] == [Status.ACTUAL]
    assert by["1520.4亿元"][0].year == 2040
    gdp = by["6%"][0]
    assert (gdp.status, gdp.year, gdp.qualifier) == (Status.TARGET, 2041, Qualifier.APPROX)
    assert by["2000个"][0].status == Status.TARGET


MILESTONE_REPORT = """青禾县2032年政府工作报告

各位代表：

一、2031年工作回顾

过去一年，全县经营主体突破12万大关，生产总值增长5.1%。

二、2032年工作安排

今年经济社会发展的主要预期目标是：地区生产总值跨越千亿台阶，增长6%以上；工业总产值迈上两千亿台阶。
"""


def test_a_magnitude_before_a_milestone_noun_is_money_and_the_next_growth_keeps_the_subject(tmp_path: Path) -> None:
    path = tmp_path / "county-milestone-2032.txt"
    path.write_text(MILESTONE_REPORT, encoding="utf-8")
    report = parse(path)
    by = {q.surface: q for q in extract_quantities(report)}
    level = by["千亿"]
    assert (level.value, level.unit, level.kind, level.qualifier) == (1000, "亿元", Kind.AMOUNT, Qualifier.GT)
    assert level.indicator == "地区生产总值" and level.status == Status.TARGET
    growth = by["6%"]
    assert growth.indicator == "地区生产总值" and growth.qualifier == Qualifier.GE
    assert by["两千亿"].unit == "亿元" and by["两千亿"].value == 2000
    # a count of ten thousands before 大关 is not money
    assert not any(q.unit.endswith("元") and "经营主体" in q.indicator for q in by.values())
