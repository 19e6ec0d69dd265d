"""Status and year of national-report figures (session 10, branch s10/ind13; docs/indicator-sample.md).

A synthetic report in the shape of the older national reports (tests/fixtures/quantities-national-status-2048.txt,
invented names and figures: review 2047, plan 2048) holds one sentence per family; each test names the shape
and the status and year a reader expects. The cues sit inside the sentence, not in the part.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-national-status-2048.txt"


def _sy(by, surface: str, i: int = 0) -> tuple[str, int | None]:
    q = by[surface][i]
    return q.status.value, q.year


def test_a_figure_in_a_condition_and_its_consequence_is_an_estimate(by) -> None:
    # "只要…降低百分之三，一年就可以增加收入十七亿元": what would follow, neither plan nor outcome
    assert _sy(by, "百分之三", -1) == ("estimate", 2048)
    assert _sy(by, "十七亿元") == ("estimate", 2048)
    assert _sy(by, "一亿七千万元") == ("estimate", 2048)  # in the review part too


def test_a_computing_convention_or_a_negative_condition_is_no_hypothesis(by) -> None:
    assert _sy(by, "四百二十亿元") == ("actual", 2047)  # "如果按…不变价格计算，…则为"
    assert _sy(by, "五十一万吨") == ("target", 2048)  # "如果没有特大的灾害，…将达到"
    assert _sy(by, "百分之九") == ("target", 2048)


def test_a_figure_named_as_the_plans_requirement_in_a_review_is_that_years_target(by) -> None:
    # "比上年增长百分之五点二，超过计划增长百分之三的要求"
    assert _sy(by, "百分之三", 0) == ("target", 2047)
    assert by["百分之三"][0].indicator == "农业总产值"  # the bare 要求 measures the figure before it
    assert _sy(by, "百分之五点二") == ("actual", 2047)


def test_the_start_of_a_change_over_a_span_of_years_is_the_level_before_the_span(by) -> None:
    assert _sy(by, "六千万米") == ("actual", 2044)  # "这三年中，…由A增加到B": A is 2044's
    assert _sy(by, "九千万米") == ("actual", 2047)


def test_a_later_year_opening_a_plan_clause_dates_the_target(by) -> None:
    assert _sy(by, "百分之三点五") == ("target", 2050)  # "2050年…比重达到百分之三点五"


def test_a_count_since_a_past_point_after_joint_efforts_is_an_actual(by) -> None:
    assert _sy(by, "十二万人") == ("actual", 2047)  # "建市以来，经过…共同努力，…增加了"


def test_a_year_before_1949_named_in_a_plan_part_dates_an_actual(by) -> None:
    assert _sy(by, "九千吨") == ("actual", 1937)  # "在战前产量最高的一九三七年"


def test_last_year_in_a_report_delivered_late_is_the_year_before_the_one_reviewed() -> None:
    from kg.loaders.quantities import extract_quantities
    from kg.pipeline import parse

    late = {q.surface: q for q in extract_quantities(parse(FIXTURE.parent / "quantities-national-late-2050.txt"))}
    assert (late["六亿元"].status.value, late["六亿元"].year) == ("actual", 2048)  # "去年…比上年减少六亿元"
    assert (late["九百亿元"].status.value, late["九百亿元"].year) == ("estimate", 2049)  # 今年 is the year reviewed


def test_what_a_past_measure_brought_in_a_plan_part_is_an_actual(by) -> None:
    # "由八十个减少到现在的五十个，结果…成本由一百二十元降到九十五元"
    assert _sy(by, "九十五元") == ("actual", 2047)
    assert _sy(by, "一百二十元") == ("actual", 2046)


def test_the_start_level_per_head_is_the_level_in_force(by) -> None:
    assert _sy(by, "三百元") == ("actual", 2047)  # "将…补助标准由每人每年三百元提高到四百元"
    assert by["四百元"][0].status.value == "target"


def test_the_outlines_yearly_average_is_a_target_of_the_plans_last_year(by) -> None:
    assert _sy(by, "百分之六") == ("target", 2050)  # "《纲要（草案）》提出，…年均增长百分之六左右"


def test_what_has_been_done_in_a_plan_part_is_an_actual(by) -> None:
    # "各区还办了四十多所职业学校，在校学生一万二千人": a verb with 了 and no plan cue
    assert _sy(by, "四十多所") == ("actual", 2047)
    assert _sy(by, "一万二千人") == ("actual", 2047)


def test_a_span_of_years_opening_the_sentence_reaches_its_later_clauses(by) -> None:
    # "两年来，…；全市工资总额共增长百分之二十一，…" in a plan part: the span is past
    assert _sy(by, "百分之二十一") == ("actual", 2047)
    assert _sy(by, "百分之八", -1) == ("actual", 2047)


def test_qizhong_carries_on_the_year_of_the_sentence_before(by) -> None:
    # "到2052年，…高于2030年至2047年…的水平。其中，城镇居民…平均每年递增百分之三点一"
    assert _sy(by, "百分之三点一") == ("target", 2052)


def test_a_year_opening_a_review_clause_dates_the_end_of_its_change(by) -> None:
    assert _sy(by, "百分之零点八") == ("actual", 2046)  # "2046年…由上年的百分之零点九下降到百分之零点八"


def test_a_span_in_chinese_numerals_dates_the_start_level(by) -> None:
    assert _sy(by, "三十亿度") == ("actual", 2042)  # "从二〇四二年至二〇四七年，…由三十亿度增加到"


def test_last_years_level_as_the_start_is_no_review_cue(by) -> None:
    # "今年拟安排…，赤字率从去年的百分之二点一提高到百分之二点四"
    assert _sy(by, "百分之二点四") == ("target", 2048)
    assert _sy(by, "百分之二点一") == ("actual", 2047)


def test_a_list_an_estimate_introduces_is_estimated(by) -> None:
    # "把…2047年预计产量同2040年比较一下，可以看到以下数字：原煤…；钢材…"
    assert _sy(by, "九百万吨") == ("estimate", 2047)
    assert _sy(by, "二百万吨") == ("estimate", 2047)


def test_a_later_year_with_jiang_inside_the_clause_dates_the_target(by) -> None:
    assert _sy(by, "百分之四十二") == ("target", 2052)  # "…2052年将达到…，比2047年增长"


def test_this_year_in_a_five_year_plan_part_is_the_plan_year(by) -> None:
    assert _sy(by, "十五个") == ("target", 2048)  # "在今年进行建设的…，其中包括十五个"
    assert _sy(by, "八百公里") == ("target", 2050)  # "五年内…": the plan's horizon


def test_a_span_named_as_the_base_of_a_multiple_is_no_date(by) -> None:
    assert _sy(by, "一点七倍") == ("actual", 2047)  # "是2030年到2042年投入总和的一点七倍"


def test_a_short_clause_of_a_review_sentence_repeated_in_a_plan_part_keeps_its_review_status(by) -> None:
    # "…；限额以上技术改造项目四十二个。" twice (a file holding its review twice)
    assert [_sy(by, "四十二个", i) for i in (0, 1)] == [("actual", 2047), ("actual", 2047)]


def test_a_paragraph_on_this_years_plan_in_a_five_year_plan_part_is_of_the_plan_year(by) -> None:
    assert _sy(by, "百分之十一") == ("target", 2048)  # "2048年的国民经济计划，…。…将增长百分之十一"


def test_a_five_year_total_in_a_plan_part_is_due_at_the_plans_end(by) -> None:
    assert _sy(by, "三百一十亿元") == ("target", 2050)  # "五年合计全市财政收入为…" (第十九个五年计划: 2046–2050)


def test_a_time_phrase_alone_is_no_label(by) -> None:
    # "…工资总额比上年增长百分之十二，其中第四季度增长百分之十九": the quarter's growth of the same measure
    q = by["百分之十九"][0]
    assert "第四季度" in q.indicator and "职工工资总额" in q.indicator  # the measure, over the quarter
    assert (q.status.value, q.year) == ("actual", 2047)


def test_a_past_years_level_as_the_base_of_a_multiple_or_share_dates_nothing(by) -> None:
    assert _sy(by, "二点一倍") == ("actual", 2047)  # "达到2040年的二点一倍": 2047's level, against 2040's
    assert _sy(by, "百分之一百零六") == ("actual", 2047)  # "恢复到2044年的百分之一百零六"


def test_a_plan_recalled_in_a_review_is_a_target(by) -> None:
    assert _sy(by, "三万亩") == ("target", 2047)  # "原定全年新增灌溉面积三万亩，实际完成四万亩"
    assert _sy(by, "四万亩") == ("actual", 2047)


def test_what_was_set_up_or_has_been_reached_in_a_plan_part_is_an_actual(by) -> None:
    assert _sy(by, "十二个") == ("actual", 2047)  # "各县还成立了十二个合作联社"
    assert _sy(by, "四十二万人") == ("actual", 2047)  # "…人口已达四十二万人"


def test_the_year_opening_a_sentence_reaches_its_clauses_after_a_semicolon(by) -> None:
    # "2046年全市油料产量九万吨，…；肉类产量六万吨，比上年增加五千吨。"
    assert _sy(by, "六万吨") == ("actual", 2046)
    assert _sy(by, "五千吨") == ("actual", 2046)


def test_a_paragraph_on_a_named_five_year_plan_after_a_topic_dates_its_targets(by) -> None:
    # "在科学技术方面，第十九个五年计划规定，…。对十二个科技项目进行攻关。" (2046–2050)
    assert _sy(by, "十二个", -1) == ("target", 2050)
    assert _sy(by, "二十项") == ("target", 2050)


def test_a_year_the_plan_rules_on_is_a_target_of_that_year_even_in_a_review(by) -> None:
    # "按照计划规定，2050年全市粮食产量达到八十万吨，比2045年的七十万吨增加十万吨"
    assert _sy(by, "八十万吨") == ("target", 2050)
    assert _sy(by, "十万吨") == ("target", 2050)
    assert _sy(by, "七十万吨") == ("actual", 2045)  # the base


def test_an_estimate_names_its_year(by) -> None:
    assert _sy(by, "二点四倍") == ("estimate", 2048)  # "2048年预计全市工业总产值将等于2040年的二点四倍"


def test_a_past_year_followed_by_the_plan_year_in_a_plan_part_dates_nothing(by) -> None:
    # "2047年只生产三百台，2048年将生产五百台，增长百分之六十七": the last year named is the plan's
    assert _sy(by, "百分之六十七") == ("target", 2048)
    assert _sy(by, "三百台") == ("actual", 2047)


def test_traditional_jiao_names_a_base_year(by) -> None:
    assert _sy(by, "百分之七點五") == ("actual", 2047)  # "…達到九億元，較2046年增長了百分之七點五"


def test_the_first_years_of_a_span_in_a_plan_part_are_past(by) -> None:
    assert by["八万件"][0].status.value == "actual"  # "全市棉纱产量前三年共增加了八万件"


def test_a_comparison_whose_base_year_is_described_dates_its_later_year(by) -> None:
    assert _sy(by, "一点九倍") == ("actual", 2047)  # "2047年同实现恢复的2040年相比，…增长一点九倍"
