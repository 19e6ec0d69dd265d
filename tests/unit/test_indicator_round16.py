"""Bare and garbled labels, and national labels and years (session 11, branch s11/ind16; docs/indicator-sample.md).

Two synthetic reports (invented names and figures) hold one sentence per shape:
tests/fixtures/quantities-bare-labels-2052.txt (a city report, review 2051, plan 2052) and
tests/fixtures/quantities-late-year-2053.txt (a plan report delivered late in the year it reviews).
Each test names the shape and the label or year a reader expects (loaders/data/bare_labels.tsv).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.quantities import extract_quantities
from kg.pipeline import parse

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-bare-labels-2052.txt"
LATE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-late-year-2053.txt"


@pytest.fixture(scope="module")
def late() -> dict[str, list]:
    out: dict[str, list] = {}
    for q in extract_quantities(parse(LATE)):
        out.setdefault(q.surface, []).append(q)
    return out


def test_a_bare_generic_measure_takes_the_topic_of_the_clause_before(by) -> None:
    # "加快发展A机构，覆盖率提高到55%": the coverage is A's
    assert by["55%"][0].indicator == "社区嵌入式托育机构覆盖率"
    assert by["96%"][0].indicator == "县、乡、村三级快递物流网络覆盖率"
    # "深入开展A整治，解决N个问题": the problems the campaign solved
    assert by["4312个"][0].indicator == "城乡道路和背街小巷环境整治解决问题"


def test_a_clause_opening_with_its_verb_takes_the_quoted_subject_before(by) -> None:
    # "“X”上线…，汇聚…近N个"
    assert by["近2300个"][0].indicator == "“青川政务通”汇聚办事网点"


def test_a_member_of_verbs_alone_takes_the_noun_of_the_member_before(by) -> None:
    # "新建成A2.4万套、交付1.6万套": not 新建成交付 (two verbs, no noun)
    assert by["1.6万套"][0].indicator == "交付保障性安居房"
    # "清理A1800件，废止420件，修订215件"
    assert by["420件"][0].indicator == "废止各类规范性文件"
    assert by["215件"][0].indicator == "修订各类规范性文件"
    assert by["1800件"][0].indicator == "清理各类规范性文件"  # the first member keeps its own


def test_a_change_labelled_with_its_base_measures_the_level_before_it(by) -> None:
    # "新建城市道路412公里，比上年完成数增长23%"; "科技支出为58亿元，比上年科技支出决算数增长6.4%"
    assert by["23%"][0].indicator == "新建城市道路"
    assert by["6.4%"][0].indicator.endswith("科技支出")
    assert not by["6.4%"][0].indicator.startswith("比")


def test_a_label_cut_at_a_parenthesis_is_the_noun_before_it(by) -> None:
    # "…投资额（包括A、B、C方面的基本建设）共为N": not "C方面的基本建设）"
    label = by["386亿元"][0].indicator
    assert label.endswith("固定资产投资额") and "）" not in label


def test_a_label_ends_before_a_locative_or_a_bare_you(by) -> None:
    assert by["320个"][0].indicator.endswith("劳务合作社")  # "组织在N个合作社中。"
    assert by["千种"][0].indicator == "企业试制的新产品"  # "新产品有上千种"


def test_the_first_years_of_a_span_named_before_a_list_date_its_members(by) -> None:
    # "能耗由前三年分别上升a、b、c，转为下降d" (reviewing 2051): a, b, c are 2048-2050; d is 2051
    assert [by[s][0].year for s in ("3.1%", "2.4%", "0.6%", "1.4%")] == [2048, 2049, 2050, 2051]
    assert all(by[s][0].indicator == "单位地区生产总值能耗" for s in ("3.1%", "2.4%", "0.6%", "1.4%"))


def test_a_label_opening_with_the_year_before_dates_the_row(late) -> None:
    # a review delivered late in 2052: "…，2051年社会商品零售总额812亿元，比上年增加60亿元，增长7.3%"
    assert late["7.3%"][0].year == 2051
    assert late["812亿元"][0].year == 2051
    # a later year between the label and the figure keeps the figure's own year
    assert late["5.6%"][0].year == 2052


def test_targets_recalled_as_not_reached_are_the_years_targets(by) -> None:
    # "没有实现年初确定的A降低3.5%左右、B减少2.5%的目标": neither is an outcome
    assert (by["3.5%"][0].status.value, by["3.5%"][0].year) == ("target", 2051)
    assert (by["2.5%"][0].status.value, by["2.5%"][0].year) == ("target", 2051)


def test_a_label_of_the_verb_or_a_quote_mark_alone_takes_the_object_after_the_figure(by) -> None:
    assert by["12条"][0].indicator == "出台促进外贸稳定增长政策措施"  # not the bare verb
    assert by["80个"][0].indicator == "建成“10分钟健身圈”"  # not a lone quote mark


def test_the_base_year_of_a_multiple_is_no_part_of_the_label(by) -> None:
    # "粮食产量312万吨，等于2046年的1.6倍"
    assert by["1.6倍"][0].indicator == "粮食产量"


def test_last_years_carry_over_in_a_budget_does_not_date_the_budget(by) -> None:
    # "2052年财政预算规定，本年收入共为A，上年结转收入B，收入总数共为C": all of the 2052 budget
    assert [(by[s][0].status.value, by[s][0].year) for s in ("480亿元", "12亿元", "492亿元")] == [("target", 2052)] * 3


def test_a_measure_after_the_last_member_of_a_respective_list_is_every_members(by) -> None:
    # "茶叶、柑橘、蚕茧、桑产量分别增长a、b、c、d": not bare 茶叶 (tea what?)
    assert [by[s][0].indicator for s in ("8.2%", "6.7%", "3.9%")] == ["茶叶产量", "柑橘产量", "蚕茧产量"]


def test_a_label_after_the_figure_never_ends_inside_a_word(by) -> None:
    # "连续9年提高…基本养老金": the label runs to the word's end, not "…基本养"
    assert by["9年"][0].indicator.endswith("基本养老金")


def test_a_member_named_right_after_the_comma_keeps_the_members_verb(by) -> None:
    # "更新改造A15套、B111公里、C80公里", "淘汰落后的A产能N吨、B产能M吨", "新增A学位3000个、B学位1500个"
    assert by["111公里"][0].indicator == "更新改造供水管网"
    assert by["80公里"][0].indicator == "更新改造老旧燃气管道"
    assert by["211万吨"][0].indicator == "淘汰落后的炼铁产能"
    assert by["1500个"][0].indicator == "新增义务教育学位"
    assert by["36个"][0].indicator == "城镇老旧小区改造"  # a member with a verb of its own keeps none


def test_a_span_of_two_years_opening_a_plan_sentence_is_the_years_just_reviewed(by) -> None:
    # "在交通运输方面：两年铁路的货物周转量增长27%…", "…的收入，两年增长约13%" in a plan part
    assert [(by[s][0].status.value, by[s][0].year) for s in ("27%", "19%", "约13%")] == [("actual", 2051)] * 3
    # "今明两年…增长11%左右" is still the plan's
    assert (by["11%"][0].status.value, by["11%"][0].year) == ("target", 2052)


def test_a_yearly_average_phrase_alone_measures_the_figure_before_it(by) -> None:
    # "A…增长8.4%，…又…增长7.4%。两年平均每年增长7.9%": the sentence opens with the phrase
    assert by["7.9%"][0].indicator == "工业农业总产值"
    # "B平均每年提高6.3%，远远超过…的二十五年间平均每年增长2.6%的速度": the same sentence
    assert by["2.6%"][0].indicator == "城乡居民人均消费支出"


def test_five_years_before_an_investment_or_a_new_capacity_fall_due_at_the_horizon(by) -> None:
    # "大力发展电力工业，五年新增装机容量650万千瓦" in the 2052 plan: due at the five years' end
    assert (by["650万千瓦"][0].status.value, by["650万千瓦"][0].year) == ("target", 2056)


def test_the_budget_verb_is_no_part_of_the_measure(by) -> None:
    assert by["3.2%"][0].indicator == "赤字率"  # "赤字率拟按3.2%安排", not 赤字率拟按安排
    assert by["52亿元"][0].indicator == "市级预算内投资"
