"""Quantity families from session 9 (docs/indicator-sample.md, branch s9/ind10).

A synthetic report (tests/fixtures/quantities-genre-families-2046.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects. Most are the status and
year cues inside a sentence that overrule its part, the way the older national reports mix review
and plan inside one part.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2046.txt"


def _sy(by, surface: str, i: int = 0) -> tuple[str, int | None]:
    q = by[surface][i]
    return q.status.value, q.year


def test_a_review_paragraph_that_met_its_target_stays_a_review(by) -> None:
    # "实现了年初预定的调控目标" and "将近" are no plan cues
    assert _sy(by, "580多亿元") == ("actual", 2045)
    assert _sy(by, "12.5%") == ("actual", 2045)
    assert _sy(by, "3万吨") == ("actual", 2045)


def test_last_years_target_recalled_in_the_review_is_that_years_target(by) -> None:
    assert _sy(by, "百分之四") == ("target", 2045)


def test_a_year_after_the_report_cannot_hold_an_actual(by) -> None:
    assert _sy(by, "九万吨") == ("target", 2052)


def test_the_base_a_plan_starts_from_is_last_years_actual(by) -> None:
    assert _sy(by, "百分之七") == ("target", 2046)
    assert _sy(by, "百分之九") == ("actual", 2045)


def test_a_state_reached_by_now_in_a_plan_part_is_an_actual(by) -> None:
    assert _sy(by, "2300多个") == ("actual", 2045)  # "目前…有2300多个"
    assert _sy(by, "9个") == ("actual", 2045)  # "9个项目已经建成投产"
    assert _sy(by, "15个") == ("target", 2046)
    assert _sy(by, "6万人") == ("target", 2046)


def test_a_past_years_level_named_in_a_plan_part_is_that_years_actual(by) -> None:
    assert _sy(by, "1800多家") == ("actual", 2044)  # "在2035年到2044年的十年间…增加到1800多家"


def test_later_members_of_a_list_keep_the_new_of_the_first(by) -> None:
    assert by["8家"][0].indicator == "新增重点小巨人企业"  # the member keeps its own 重点
    assert by["3家"][0].indicator == "新增单项冠军企业"
    assert by["5家"][0].indicator == "新入选卓越级智能工厂"  # not a stock of 5
    assert by["4个"][0].indicator == "复核通过"  # a member with a verb of its own


def test_a_size_class_after_new_is_no_amount(by) -> None:
    assert "超20亿元" not in by  # "新增超20亿元企业7家"
    assert by["7家"][0].indicator == "新增超20亿元企业"


def test_members_named_after_their_figures_share_the_first_ones_verb(by) -> None:
    assert [by[s][0].indicator for s in ("13家", "16家")] == ["新增省级绿色工厂", "新增省级数字化车间"]  # "新增2个X、13家Y、16家Z"
    assert by["11个"][0].indicator == "新增省级旅游重点村"  # a member joined by 和


def test_yue_of_a_word_is_no_qualifier_in_the_surface(by) -> None:
    assert "三千万元" in by and "约三千万元" not in by  # "节约三千万元"


def test_the_size_class_of_one_firm_is_no_amount(by) -> None:
    assert "100亿元" not in by  # "成为全市首家100亿元企业"


def test_an_editorial_note_is_no_part_of_the_label(by) -> None:
    assert by["680亿元"][0].indicator == "全年实现地区生产总值"


def test_a_figure_named_as_the_set_target_in_a_review_is_that_years_target(by) -> None:
    assert _sy(by, "7%") == ("target", 2045)  # "略低于7%的预定目标"
    assert _sy(by, "6.8%") == ("actual", 2045)


def test_last_years_plan_as_a_base_is_no_plan_cue(by) -> None:
    assert _sy(by, "近80亿元") == ("actual", 2045)  # "去年…全年财政赤字还比年初计划少了"


def test_a_budget_verb_names_its_purpose(by) -> None:
    assert by["46亿元"][0].indicator == "市财政将安排用于支持职业教育发展"  # the clause after
    assert by["9亿元"][0].indicator == "实施农村学校校舍改造市财政将投入"  # else the clause before


def test_a_comparison_of_past_years_opening_the_sentence_dates_its_clauses(by) -> None:
    assert _sy(by, "61亿元") == ("actual", 2045)  # "2045年同2035年相比，…；财政收入由19亿元增加到61亿元"
    assert _sy(by, "19亿元") == ("actual", 2035)  # the start value is the base year's


def test_a_count_since_a_past_point_in_a_plan_part_is_an_actual(by) -> None:
    assert by["二十三万人"][0].status.value == "actual"  # "建市以来…增加了"
    assert by["三百多个"][0].status.value == "actual"  # "近三年来，在三百多个村…"


def test_a_past_year_named_with_zai_in_a_plan_part_is_that_years_actual(by) -> None:
    assert _sy(by, "九千元") == ("actual", 2043)  # "在2043年修建的…单位造价高达九千元"


def test_a_review_sentence_repeated_in_a_plan_part_keeps_its_review_status(by) -> None:
    # a source file that holds its review twice: the copy in the plan part is no plan
    assert [_sy(by, "百分之四点五", i) for i in (0, 1)] == [("actual", 2045), ("actual", 2045)]
    assert [_sy(by, "四十二万吨", i) for i in (0, 1)] == [("actual", 2045), ("actual", 2045)]


def test_the_rate_now_in_force_is_no_target(by) -> None:
    assert _sy(by, "百分之十三") == ("actual", 2045)  # "将…现行13%的税率降至11%"
    assert _sy(by, "百分之十一") == ("target", 2046)


def test_counts_of_levels_joined_by_he_share_the_noun_and_the_verb(by) -> None:
    assert [by[s][0].indicator for s in ("3个", "14个")] == ["发展壮大国家级先进制造业集群", "发展壮大省级先进制造业集群"]


def test_this_years_estimate_in_a_report_delivered_late_is_of_the_year_reviewed() -> None:
    from kg.loaders.quantities import extract_quantities
    from kg.pipeline import parse

    late = {q.surface: q for q in extract_quantities(parse(FIXTURE.parent / "quantities-late-delivery-2047.txt"))}
    assert (late["十多亿元"].status.value, late["十多亿元"].year) == ("estimate", 2046)  # "今年的…预计达"
    assert (late["百分之四十一"].status.value, late["百分之四十一"].year) == ("estimate", 2046)
    assert (late["百分之四十三"].year, late["百分之七"].year) == (2047, 2047)  # next year's plan stays


def test_lai_of_n_years_lai_is_no_part_of_the_measure(by) -> None:
    assert by["九十億元"][0].indicator == "市財政用於教育的經費"  # "五年來市財政用於…" (a 1950s text in traditional characters)


def test_traditional_yu_after_a_numeral_means_more_than(by) -> None:
    q = by["二萬三千餘人"][0]  # "幹部已有二萬三千餘人": 餘 is 余 (more than), not part of the noun
    assert (q.value, q.unit, q.qualifier.value) == (23000, "人", "gt")
    assert "餘" not in q.indicator


def test_the_year_opening_the_sentence_dates_its_later_clauses(by) -> None:
    assert _sy(by, "百分之二十九") == ("actual", 2040)  # "2040年，…比重达到46%，在零售中的比重达到29%"


def test_graduates_expected_are_no_target(by) -> None:
    assert _sy(by, "3.8万人") == ("estimate", 2046)  # "今年高校毕业生将达3.8万人"


def test_traditional_estimate_and_future_words_in_a_review(by) -> None:
    assert by["九十五萬噸"][0].status.value == "estimate"  # 預計
    assert _sy(by, "百分之二十六") == ("target", 2046)  # "在2046年將由…上升爲26%" in a review part


def test_an_estimate_as_the_base_of_a_comparison_is_no_estimate_cue(by) -> None:
    assert _sy(by, "3.5万吨") == ("target", 2046)  # "比2045年预计增加3.5万吨": the plan's increase
