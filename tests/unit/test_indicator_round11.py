"""Quantity families from session 9, second round (docs/indicator-sample.md, branch s9/ind11).

A synthetic report (tests/fixtures/quantities-genre-families-2048.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects. Most keep the verb or the
subject that makes a label mean something: a count of things acted on is measured by the action.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2048.txt"


def test_a_later_member_keeps_the_action_of_the_first(by) -> None:
    assert by["82万只"][0].indicator == "出栏肉羊"  # not a stock of sheep
    assert by["3条"][0].indicator == "争创示范带"


def test_the_verb_opening_an_enumeration_stays_with_the_counted_noun(by) -> None:
    assert by["20个"][0].indicator == "提档升级老码头"


def test_a_list_its_verb_opens_is_one_label(by) -> None:
    assert by["56所"][0].indicator == "升级改造社区卫生服务中心、乡镇卫生院和标准化村卫生室"


def test_a_verb_that_is_the_measure_takes_no_noun_from_the_figure_before(by) -> None:
    assert by["10300亩"][0].indicator == "出让"  # not 出让收储


def test_a_bare_verb_takes_no_noun_from_another_sentence(by) -> None:
    assert by["97公里"][0].indicator == "提质改造"  # not 提质改造…占比


def test_a_level_inside_a_word_is_no_list_of_levels(by) -> None:
    assert by["百分之五"][0].indicator.startswith("市本级")  # not cut at 区、 inside 社区 or （市、区）


def test_a_later_count_of_events_keeps_the_subject_of_the_first(by) -> None:
    assert by["16.2%"][0].indicator == "安全生产事故死亡人数"  # not all deaths


def test_a_bare_change_clause_after_a_respective_list_measures_its_members(by) -> None:
    assert by["38%"][0].indicator == "光伏产业产值"
    assert by["26%"][0].indicator == "储能产业产值"


def test_a_share_of_a_past_years_level_names_that_year(by) -> None:
    assert by["104.2%"][0].indicator == "接待游客相当于2039年的"
    assert by["109.6%"][0].indicator == "旅游收入相当于2039年的"


def test_a_capacity_inside_a_listed_projects_name_is_no_quantity(by) -> None:
    assert "200万千瓦" not in by and "85万千瓦" not in by and "120万吨" not in by
    assert by["96万吨"][0].indicator == "生产钢材"  # an output, not a name
    assert by["300万千瓦"][0].indicator == "新增光伏装机"


def test_an_income_level_naming_a_group_is_no_amount(by) -> None:
    assert "1万元" not in by  # "年收入1万元以下家庭动态清零"


def test_wei_min_opens_a_counted_name_not_a_purpose(by) -> None:
    assert by["109件"][0].indicator == "创新开展“为民优服务”事项"


def test_an_investment_size_after_a_count_is_the_counted_projects(by) -> None:
    assert by["2万亿元"][0].indicator == "动态储备项目投资规模"


def test_an_agreed_investment_after_a_count_of_a_scope_keeps_the_scope(by) -> None:
    assert by["115.3亿元"][0].indicator == "东海地区项目协议投资额"  # a part, not the total


def test_signed_and_landed_is_shared_by_later_members(by) -> None:
    assert by["25个"][0].indicator == "签约落地50亿元及以上项目"


def test_a_rate_after_a_count_of_the_parks_is_the_parks_rate(by) -> None:
    assert by["57%"][0].indicator == "园区主导产业集中度"


def test_one_named_project_before_deng_names_the_counted_projects(by) -> None:
    assert by["12个"][0].indicator == "滨江产业交流中心等项目建设"  # not bare 项目建设


def test_a_bare_measure_takes_the_subject_of_an_evaluative_clause_before(by) -> None:
    assert by["13.4%"][0].indicator == "现代物流业营收"


def test_at_a_yearly_rate_is_framing(by) -> None:
    assert by["百分之七点二"][0].indicator == "整个工业"  # not 整个工业却以每年


def test_can_reach_is_no_label(by) -> None:
    assert by["百分之三点八"][0].indicator == "粮食总产量的增长速度"  # not 可以


def test_a_scope_clause_between_subject_and_verb_is_skipped(by) -> None:
    assert by["六百四十二亿元"][0].indicator.startswith("工业总产值")  # not empty, not 包括…在内


def test_list_members_share_the_export_of_the_last(by) -> None:
    assert by["31.2%"][0].indicator == "“新三样”产品出口"
    assert by["18.4%"][0].indicator == "中间品出口"
    assert by["58%"][0].indicator != "进口"  # a bare 进口 member is no head of its own


def test_a_count_of_things_made_keeps_the_making(by) -> None:
    assert by["117户"][0].indicator == "培育高新技术企业"  # not a stock of firms


def test_a_speed_naming_a_lines_class_is_no_quantity(by) -> None:
    assert "350公里" not in by


def test_the_investment_of_projects_named_after_de_drops_the_lead_verb(by) -> None:
    assert by["88亿元"][0].indicator == "26个水利项目总投资"  # not 抓好总投资


def test_planned_is_shared_by_later_members(by) -> None:
    assert by["500个"][0].indicator == "新谋划现代服务业项目"


def test_traditional_jiang_after_this_year_is_framing(by) -> None:
    assert by["十二萬多公里"][0].indicator == "全國公路的通車里程"
