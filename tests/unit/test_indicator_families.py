"""Quantity families from the second hand-read sample (docs/indicator-sample.md, seed 2026).

A synthetic report (tests/fixtures/quantities-genre-families-2038.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from pathlib import Path

from kg.loaders.quantities import extract_quantities
from kg.model import Qualifier, Status
from kg.pipeline import parse

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2038.txt"


def test_a_money_threshold_naming_a_class_of_projects_is_not_a_quantity(by) -> None:
    assert "亿元" not in by  # "24个过亿元项目", "引进亿元以上重大项目"
    assert by["24个"][0].indicator == "过亿元项目落地建设"
    assert by["41个"][0].indicator == "新签约过亿元项目"
    assert by["63个"][0].indicator == "引进亿元以上重大项目"


def test_revenue_and_expenditure_respectively_split(by) -> None:
    rev, exp = by["900亿元"][0], by["3000亿元"][0]
    assert (rev.indicator, exp.indicator) == ("一般公共预算收入", "一般公共预算支出")
    # 突破 before the first member speaks for both
    assert rev.qualifier == exp.qualifier == Qualifier.GT
    assert (by["5.1%"][0].indicator, by["3.2%"][0].indicator) == ("外贸进口", "外贸出口")


def test_a_count_restating_the_list_before_it_is_not_a_quantity(by) -> None:
    assert "两个" not in by


def test_a_topic_clause_names_the_measure_of_a_bare_comparison(by) -> None:
    assert [by[s][0].indicator for s in ("二百八十六万吨", "六百万吨", "一点一倍")] == ["水泥"] * 3
    assert by["百分之九点八"][0].indicator == "社会商品零售总额"
    # "由A上升到B": B is the same share as A, not a fragment of the verb
    assert by["百分之六十三"][0].indicator == "国营工业所占的比重"


def test_a_count_after_a_list_ending_in_deng_takes_the_list(by) -> None:
    assert by["10家"][0].indicator == "新组建省实验室、产业创新研究院"


def test_a_run_of_years_names_what_repeats(by) -> None:
    assert by["3年"][0].indicator == "信访总量连续下降"


def test_a_net_increase_keeps_its_verb_and_the_noun_before(by) -> None:
    assert by["102家"][0].indicator == "净增规模工业企业"


def test_a_horizon_in_years_dates_the_target_at_its_end(by) -> None:
    hospitals = by["20所"][0]
    assert (hospitals.status, hospitals.year, hospitals.period) == (Status.TARGET, 2040, "multi-year")
    assert by["30万人"][0].year == 2042  # 未来五年
    housing = by["100个"][0]
    assert (housing.indicator, housing.year) == ("改造老旧小区", 2039)  # 用两年时间
    assert by["5%"][0].year == 2038  # the plan year's own target is untouched


def test_a_list_of_levels_is_one_modifier_and_a_phrase_that_fits_is_not_cut(by) -> None:
    assert by["114个"][0].indicator == "新创建国家、省级文化体育旅游休闲品牌"


def test_a_count_before_a_result_verb_is_named_by_the_verb_phrase(by) -> None:
    # not the topic of the clause before ("…有声有色"): no framing word stands before the count
    assert by["1人"][0].indicator == "获评全国乡村阅读推广人"


def test_a_threshold_after_the_count_stays_in_its_noun(by) -> None:
    assert "超百亿元" not in by  # luohu's key reads "超N亿元企业" as revenue only with digits
    assert by["2家"][0].indicator == "新增南星玻璃产值超百亿元企业"


def test_a_comparable_basis_is_framing_not_the_indicator(by) -> None:
    assert by["13.6%"][0].indicator == "一般公共预算收入"  # "同口径增长13.6%"


def test_a_level_with_yishang_before_a_count_of_projects_is_a_threshold(by) -> None:
    assert "2000万元" not in by and "10亿元" not in by
    assert by["123个"][0].indicator == "新签约投资2000万元以上设施农业项目"
    assert by["60个"][0].indicator == "10亿元以上项目"


def test_an_age_range_in_zhousui_is_not_a_quantity(by) -> None:
    assert not any("周" in s for s in by)


def test_the_start_value_of_a_respective_change_and_its_members(by) -> None:
    assert by["2300元"][0].indicator == "在职、退休职工年度最高支付限额"
    assert (by["5000元"][0].indicator, by["6000元"][0].indicator) == (
        "在职职工年度最高支付限额", "退休职工年度最高支付限额")


def test_a_share_takes_the_subject_of_the_clause_before(by) -> None:
    assert by["百分之三十二"][0].indicator == "实际完成的投资额占五年投资总额"


def test_time_frames_and_deadlines(by) -> None:
    assert "近两年" not in by and "两年" not in by  # "近两年，又提出…"
    assert by["2小时"][0].indicator == "到达现场"  # not the figure of the sentence before
    assert by["24小时"][0].indicator == "完成核酸检测"


def test_changci_is_one_measure_word(by) -> None:
    assert by["2.9万场次"][0].unit == "万场次"


def test_this_years_targets_in_a_part_named_after_the_five_year_plan() -> None:
    """A part titled after the new five-year plan's first year states this year's targets."""
    path = FIXTURE.with_name("quantities-five-year-opening-2036.txt")
    got = {(q.indicator, q.surface): q for q in extract_quantities(parse(path))}
    horizon = got[("地区生产总值", "5%")]  # 到2040年，…年均增长5%
    assert (horizon.year, horizon.period) == (2040, "multi-year")
    for key in (("地区生产总值", "5.5%"), ("城镇调查失业率", "5%"), ("城镇新增就业", "50万人")):
        assert (got[key].status, got[key].year, got[key].period) == (Status.TARGET, 2036, "year"), key


def test_a_numeral_inside_a_word_is_not_a_start_value(by) -> None:
    # 零部件 holds 零: not "由A分别提高到…"
    assert (by["750亿元"][0].indicator, by["850亿元"][0].indicator) == ("新能源产业产值", "汽车零部件产业产值")


def test_a_share_after_a_figure_of_its_own_clause_takes_that_figure(by) -> None:
    assert by["28.3%"][0].indicator == "数字经济核心产业增加值占GDP比重"


def test_a_fenbie_change_after_two_figures_takes_their_subjects_without_the_verb(by) -> None:
    assert (by["44.6%"][0].indicator, by["35.2%"][0].indicator) == ("接待游客", "旅游总收入")


def test_wei_inside_a_word_does_not_end_the_noun(by) -> None:
    assert by["26家"][0].indicator == "企业成为省级专精特新中小企业"
    assert by["3名"][0].indicator.startswith("见义勇为人员")  # (session 8: the award it received is kept too)


def test_a_start_value_after_a_span_of_years_takes_the_first_year(by) -> None:
    assert by["103.97亿元"][0].year == 2018


def test_a_change_of_a_noun_after_de(by) -> None:
    assert by["20％"][0].indicator == "一般性支出"


def test_list_members_share_a_sales_head_noun(by) -> None:
    assert (by["98%"][0].indicator, by["23%"][0].indicator) == ("新能源汽车销售额", "智能家电销售额")


def test_output_after_an_area_takes_the_crop(by) -> None:
    assert by["234万吨"][0].indicator == "粮食产量"


def test_a_one_character_noun_is_an_indicator(by) -> None:
    assert by["四万吨"][0].indicator == "纸"


def test_comparison_bases_are_framing(by) -> None:
    assert by["２％"][0].indicator == "产品销售收入"  # 比年度计划增加了
    assert by["2.1%"][0].indicator == by["2.3%"][0].indicator == "赤字率"  # 从去年的A提高到B
    assert by["1.4倍"][0].indicator == "重大工程投资是上个五年"


def test_vague_magnitudes_and_evaluative_predicates(by) -> None:
    assert "十亿元" not in by  # 几十亿元
    assert by["1.09万吨"][0].indicator == "粮食产量"  # 屡创历史新高，去年达到…


def test_a_part_on_a_five_year_plan_named_in_full_dates_its_figures_at_the_plans_end() -> None:
    qs = extract_quantities(parse(FIXTURE.with_name("quantities-named-plan-2038.txt")))
    steel = next(q for q in qs if q.surface == "四百万吨")
    assert steel.year == 2025  # the 14th plan ends in 2025, not the report's year + 4
    # "过50亿元、过100亿元项目": a list of thresholds naming one class of projects
    assert not any(q.unit.endswith("元") for q in qs)


def test_income_thresholds_of_villages(by) -> None:
    assert "20万元" not in by and "100万元" not in by
    assert by["60%"][0].indicator == "集体收入20万元以上村占比"
    assert by["240个"][0].indicator == "100万元以上村"


def test_a_multiple_of_a_base_year_is_this_years_figure(by) -> None:
    times = by["二点六倍"][0]
    assert (times.indicator, times.year) == ("棉纱", 2037)  # (session 11: the base year leaves the label)


def test_a_year_after_a_percent_range_word_is_not_its_upper_end(by) -> None:
    share = by["百分之三十九点七"][0]  # "由A年的百分之X到B年上升为百分之Y"
    assert (share.value_max, share.year) == (None, 2030)
    assert by["百分之四十五点四"][0].indicator == share.indicator == "生产资料的产值在工业总产值中所占的比重"


def test_the_scope_of_a_survey_is_not_a_quantity_and_the_topic_lies_before_it(by) -> None:
    assert "十二个" not in by
    assert by["七千六百九十个"][0].indicator == "社办的农业科学试验研究组织"
    assert "五项" not in by  # 五项条件: a doctrine


def test_a_topic_with_a_per_unit_base_names_each_years_level(by) -> None:
    assert {by[s][0].indicator for s in ("31.5元", "35.5元", "36.3元")} == {"每百元工业固定资产净值提供的税收利润"}


def test_price_adjustment_and_approximation_words_are_framing(by) -> None:
    assert by["百分之七点八"][0].indicator == "社会商品零售总额"
    assert by["十三个百分点"][0].indicator == "食品价格上涨的因素"


def test_a_line_break_inside_a_sentence_does_not_end_the_clause(by) -> None:
    assert by["9.6%"][0].indicator == "社会消费品零售总额"


def test_qian_yue_is_signing_not_about(by) -> None:
    q = next(x for s, v in by.items() if s.endswith("102亿元") for x in v)
    assert q.indicator == "现场签约" and q.qualifier == Qualifier.NONE


def test_multiples_in_a_row_do_not_chain_their_bases(by) -> None:
    assert by["十三点七倍"][0].indicator == "钢等于二〇一九年"


def test_gongtong_is_not_a_total(by) -> None:
    assert by["15次"][0].indicator == "共同开展执法巡查和应急演练"


def test_a_paragraph_break_inside_a_sentence(by) -> None:
    assert by["150个"][0].indicator == "农业产业化项目"


def test_a_horizon_with_yong_is_not_a_duration_measure(by) -> None:
    assert [q.indicator for q in by.get("三年", [])] == ["连续增产"]  # not "用三年左右的时间"


def test_a_projects_stage_takes_the_noun_of_the_list(by) -> None:
    assert by["20个"][0].indicator == "竣工投产项目"


def test_a_contribution_takes_the_sentences_subject(by) -> None:
    assert by["65.5%"][0].indicator == "服务业增加值对GDP增长贡献率"


def test_slogans_scopes_and_frames(by) -> None:
    assert "四个" not in by and "84个" not in by
    assert by["14.7％"][0].indicator == "产值"  # 2035年比上年产值增长
    assert by["95亿元"][0].indicator == "中央财政支出"  # 为此
    assert by["12%"][0].indicator == "外贸进出口"  # 在…的情况下增长12%


def test_a_range_of_yi_and_wan_numerals_folds_both_ends() -> None:
    from decimal import Decimal

    from kg.loaders.numbers import find_figures

    (f,) = [f for f in find_figures("吞吐量四亿六千八百万至四亿七千五百万吨") if f.unit]
    assert (f.value, f.value_max, f.unit) == (Decimal("4.68"), Decimal("4.75"), "亿吨")


def test_a_five_year_plan_part_reviewing_the_plan_just_ended_and_opening_the_new_one() -> None:
    got = {q.surface: q for q in extract_quantities(parse(FIXTURE.with_name("quantities-five-year-review-2036.txt")))}
    # "“十六五”时期，…这五年，…能耗累计下降14%": the outcome of the plan that ended in 2035
    assert (got["14%"].status, got["14%"].year) == (Status.ACTUAL, 2035)
    assert (got["5%"].status, got["5%"].year) == (Status.TARGET, 2040)  # 到2040年
    # the part that opens the new plan's first year ("开好局") sets this year's tasks
    grain = got["1255万亩"]
    assert (grain.status, grain.year, grain.period) == (Status.TARGET, 2036, "year")


def test_a_base_at_the_end_of_a_plan_and_an_unmarked_pair_with_a_verb(by) -> None:
    base = by["9323.1亿元"][0]
    assert (base.indicator, base.year) == ("地区生产总值", 2020)
    assert by["5.6％"][0].indicator == "国内游客人次"


def test_words_that_begin_with_a_lead_verbs_character(by) -> None:
    assert by["1203个"][0].indicator == "在库500万元以上投资项目"
    assert by["2.97万亿美元"][0].indicator == "对外贸易总额"
    assert by["三年"][0].indicator == "连续增产"
    assert by["198亿元"][0].indicator == "中央财政赤字"  # 比上年预算减少


def test_a_pair_of_rates_after_chengxiang_is_not_split_into_town_and_country(by) -> None:
    assert (by["92%"][0].indicator, by["96%"][0].indicator) == ("城乡供水一体化率", "规模化供水率")


def test_slogans_rank_fields_and_start_of_year_bases(by) -> None:
    assert "三大" not in by and "七个" not in by and "86个" not in by
    assert by["1301个"][0].indicator == "重大项目"


def test_a_year_before_which_something_was_built_does_not_date_a_target(by) -> None:
    villages = next(q for q in by["8个"] if q.indicator == "新增省特色田园乡村")  # "加快2000年前…，新增…8个"
    assert (villages.status, villages.year) == (Status.TARGET, 2038)


def test_families_of_the_seed_1618_draw(by) -> None:
    assert by["5344户"][0].indicator == "及时消除返贫致贫风险"  # 及时 is not 及
    assert "近5年" not in by  # a time frame
    assert [by[s][0].indicator for s in ("4.2%", "5.3%", "5.4%")] == ["第一产业增加值", "第二产业增加值", "第三产业增加值"]
    assert by["三百五十五元"][0].indicator == "农民的纯收入平均每人"
    assert by["0.3个百分点"][0].indicator == "规模工业增加值增速高于全国"
    assert by["千家"][0].qualifier == Qualifier.GT  # 上千家
    assert [by[s][0].indicator for s in ("15亿元", "20亿元", "35亿元")] == ["市场采购贸易额", "互市贸易额", "跨境电商贸易额"]
