"""Indicator phrases of the genre's harder shapes (docs/indicator-sample.md lists the classes).

A synthetic report (tests/fixtures/quantities-indicator-phrases-2037.txt, invented names) has
one sentence per class; each test names the shape and the indicator a reader expects.
"""

from __future__ import annotations

from pathlib import Path

from kg.model import Status

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-indicator-phrases-2037.txt"


def ind(by, surface: str, i: int = 0) -> str:
    return by[surface][i].indicator


def test_a_long_respectively_list_is_split_from_the_clause_not_the_cut_indicator(by) -> None:
    assert [ind(by, s) for s in ("15.1%", "18.2%", "22.3%", "27.4%")] == [
        "新能源产业产值", "新材料产业产值", "高端装备制造产业产值", "新一代信息技术产业产值"]
    assert (ind(by, "5120元"), ind(by, "2340元")) == ("城镇居民人均可支配收入", "农村居民人均可支配收入")


def test_two_levels_of_government_respectively(by) -> None:
    assert ind(by, "2.5%") == "市级财政科技支出占一般公共预算支出比重"
    assert ind(by, "1.5%") == "县级财政科技支出占一般公共预算支出比重"


def test_the_subject_in_the_clause_before(by) -> None:
    assert ind(by, "66.2万户") == "经营主体"  # "经营主体增量提质，达到66.2万户"
    assert (ind(by, "152.6亿元"), ind(by, "218.4亿元")) == ("智能装备产业产值", "绿色建材产业产值")
    # "平均每年实际增长5.5%和6.6%": the members of the list just before
    assert (ind(by, "5.5%"), ind(by, "6.6%")) == ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    assert ind(by, "2.1%") == "债款支出占本年预算支出"
    assert ind(by, "108.5%") == "工业收入完成预算数"


def test_the_measure_after_respectively_joins_each_member(by) -> None:
    assert (ind(by, "320万亩"), ind(by, "45万亩")) == ("粮食稳定播种", "蔬菜稳定播种")


def test_a_respective_list_without_fenbie(by) -> None:
    assert ind(by, "720个") == "新开工亿元以上产业项目"
    assert ind(by, "430个") == "新竣工亿元以上产业项目"


def test_bare_verbs_and_nouns_keep_what_makes_them_usable(by) -> None:
    assert ind(by, "88家") == "累计上市企业"  # a running total, not 新增
    assert ind(by, "1320家") == "兑付资金惠及企业"  # 惠及 keeps its verb and the payout it follows (session 7)
    assert ind(by, "8个") == "新签约10亿元以上产业项目"  # the threshold stays with the noun, the main count's verb and kind too (session 10)
    assert ind(by, "36个") == "新开工10亿元以上项目"  # the elided noun of the figure before
    assert ind(by, "5万亩") == "新植造林"
    assert ind(by, "5部") == "作品获文华奖"


def test_names_with_numerals_are_not_cut(by) -> None:
    assert ind(by, "6个") == "村被认定为第二批全国乡村治理示范村"
    assert ind(by, "15个") == "制定落实重点产业发展三年行动计划"
    assert ind(by, "二亿一千万吨") == ind(by, "三亿二千万吨") == "港口吞吐能力"


def test_slogans_and_signing_are_not_quantities(by) -> None:
    assert "两个" not in by and "两种" not in by
    assert not any(s.startswith("约") for s in by)  # 新签约亿元以上: 约 is part of 签约


def test_a_count_to_date_in_a_plan_is_an_actual(by) -> None:
    visits = by["12次"][0]
    assert (visits.status, visits.year, visits.period) == (Status.ACTUAL, 2036, "multi-year")


def test_respectively_after_a_list_of_figures_without_a_subject(by) -> None:
    assert ind(by, "35.5%") == "口岸进境航班占全省"
    assert ind(by, "28.5%") == "进境人员占全省"


def test_a_second_measure_of_the_same_subject(by) -> None:
    assert ind(by, "90万吨") == "粮食总产量"  # not 粮食播种面积总产量


def test_words_that_look_like_framing_but_belong_to_the_noun(by) -> None:
    assert ind(by, "75%") == "重点人群签约率"
    assert ind(by, "58.2%") == "服务业对经济增长贡献率"
    assert ind(by, "五百二十个") == "施工的重点项目"  # "五年内" is framing
    assert ind(by, "12%") == "批发零售等行业税率"


def test_an_address_to_the_people_is_not_a_quantity(by) -> None:
    assert "320万" not in by and "二百万人" not in by and not any("人民" in q.indicator for qs in by.values() for q in qs)


def test_words_that_begin_with_a_lead_verb(by) -> None:
    assert ind(by, "1.2万件") == "有效发明专利拥有量"
    assert ind(by, "十二万人") == "在校学生"
    assert ind(by, "2.1万家") == "释放资金惠及市场主体"  # 惠及 is no lead verb; whose reach: the figure before
    assert ind(by, "6%") == "经济增长"
    assert "两个" not in by
