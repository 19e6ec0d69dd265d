"""Label families from session 10 (docs/indicator-sample.md, branch s10/ind12).

A synthetic report (tests/fixtures/quantities-genre-families-2050.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects: a label says what is
counted and whose.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2050.txt"


def test_a_later_level_member_keeps_the_verb_of_the_first(by) -> None:
    assert by["4项"][0].indicator == "承办国家级赛事"
    assert by["7项"][0].indicator == "承办省级赛事"  # not a stock of provincial events


def test_a_respective_member_that_counts_people_takes_no_noun_of_the_next(by) -> None:
    assert by["12%"][0].indicator == "东岭游客"
    assert by["23%"][0].indicator == "西岭游客"  # not 西岭游客消费
    assert by["9%"][0].indicator == "旅游人均消费"


def test_a_generic_measure_carries_the_area_its_sentence_supports(by) -> None:
    assert by["370亿元"][0].indicator == "东坡园区总产值"  # not the city's whole output


def test_a_generic_measure_carries_a_short_topic_sentence_before_it(by) -> None:
    assert by["742个"][0].indicator == "乡村示范建设实施项目"


def test_a_generic_measure_carries_the_event_its_sentence_opens_with(by) -> None:
    assert by["76个"][0].indicator == "西川第9届恳亲大会签约项目"


def test_a_generic_measure_carries_the_industry_its_sentence_develops(by) -> None:
    assert by["61个"][0].indicator == "绿色食品产业新引进项目"
    assert by["27个"][0].indicator == "绿色食品产业新开工项目"


def test_a_years_total_or_a_measure_named_in_its_own_clause_takes_no_topic(by) -> None:
    assert by["1753个"][0].indicator == "签约项目"  # 全年: the year's signings, not the fair's
    assert not by["15.9%"][0].indicator.startswith("新兴产业")  # 新材料产业 is named in its own clause


def test_a_task_completed_is_the_measure_of_the_figure_before(by) -> None:
    assert by["100％"][0].indicator == "城乡居民基本医疗保险参保扩面任务完成率"
    assert by["136.2％"][0].indicator == "职工养老保险参保扩面年度任务完成率"


def test_a_grade_shares_the_class_the_last_member_names(by) -> None:
    assert by["4家"][0].indicator == "企业获评A级环保绩效企业"  # A级 of what


def test_a_duration_naming_a_facility_or_a_policy_is_no_quantity(by) -> None:
    assert "24小时" not in by and "240小时" not in by
    assert by["144小时"][0].indicator.startswith("过境免签境内停留时间")  # a stay, measured


def test_a_years_investment_is_of_the_projects_counted_before(by) -> None:
    assert by["418亿元"][0].indicator == "东湖片区重点项目年度投资"


def test_a_years_investment_carries_the_projects_its_sentence_runs(by) -> None:
    assert by["29亿元"][0].indicator == "十大生态修复项目年度投资"


def test_a_respective_investment_takes_no_single_members_projects(by) -> None:
    assert by["211亿元"][0].indicator != "市重点项目年度投资"  # 211 is the provincial projects'


def test_a_frame_or_a_change_verb_closing_the_label_is_no_part_of_it(by) -> None:
    assert by["7万亩"][0].indicator == "冬春小麦种植面积"  # not …面积扩 (扩增到)
    assert by["131亿斤"][0].indicator == "粮食产量"  # not …在灾情影响下


def test_a_count_after_qizhong_at_a_money_level_is_the_main_counts_things_at_that_level(by) -> None:
    assert by["17个"][0].indicator == "新备案超50亿元项目"  # not the main count's 超10亿元
    assert by["6个"][0].indicator == "新备案超100亿元项目"
    assert by["9个"][0].indicator == "新引进50-100亿元制造业项目"  # keeps the verb and the kind


def test_a_pair_joined_by_he_before_two_figures_is_read_one_each(by) -> None:
    assert by["71392元"][0].indicator == "城镇居民人均可支配收入"
    assert by["38825元"][0].indicator == "农村居民人均可支配收入"
    assert by["457万亩"][0].indicator == "粮食种植面积"
    assert by["162万吨"][0].indicator == "粮食产量"  # the crop's output, not a bare 产量


def test_an_estimate_cue_is_no_part_of_a_label(by) -> None:
    assert by["326个"][0].indicator == "市重点项目"  # not 市重点项目预计


def test_an_investment_after_a_list_of_stages_is_of_the_projects(by) -> None:
    assert by["433亿元"][0].indicator == "重大项目投资"  # not of the completed ones only


def test_a_size_class_of_places_is_no_count(by) -> None:
    assert "30户" not in by and "1800人" not in by
    assert by["93.6%"][0].indicator.startswith("30户以上自然村寨")  # the class stays in the rate's label
    assert by["7000人"][0].unit == "人"  # people served, counted


def test_a_count_under_a_distributive_subject_is_a_level_for_each(by) -> None:
    q = by["1至3个"][0]
    assert (q.indicator, q.value, q.value_max) == ("各县（市）特色产业", 1, 3)  # a range per county
    assert by["4个"][0].indicator == "每个县（市、区）高品质商圈"
    assert not by["6个"][0].indicator.startswith("各县")  # 各县区、市管园区: a list, no distributive of one


def test_a_small_numeral_naming_a_set_of_programmes_is_no_count(by) -> None:
    assert "七大" not in by and "四个" not in by and "两只" not in by
    assert by["十一个"][0].unit == "个"  # units counted, the plan only names their period
    assert "五項" not in by  # traditional script too
    assert by["六個"][0].unit == "个"  # ministries counted: a plan of theirs is no named set


def test_a_since_frame_is_no_part_of_a_label(by) -> None:
    assert not by["1.3万件"][0].indicator.startswith("以来")


def test_a_second_measure_after_a_semicolon_keeps_the_subject(by) -> None:
    assert by["318.99亿元"][0].indicator == "市属国有企业所有者权益"


def test_a_scope_adjective_and_an_over_cue_stay_right(by) -> None:
    assert by["三成"][0].indicator.startswith("全市性")  # 全市性 is no framing 全市
    assert not by["百亿元"][0].indicator.endswith("上")  # 上百亿: over a hundred


def test_a_figure_inside_a_frame_measures_the_frames_subject(by) -> None:
    assert by["超4成"][0].indicator == "对美贸易"


def test_later_members_of_a_per_head_list_are_per_head_too(by) -> None:
    assert by["3.47个"][0].indicator == "每千人执业（助理）医师数"


def test_the_verb_before_an_enumeration_of_events_stays_with_the_count(by) -> None:
    assert by["12场"][0].indicator == "承办高水平赛事"
    assert by["31条"][0].indicator == "升级城市道路"  # 升级 opens an enumeration too


def test_a_years_investment_of_the_projects_named_after_de(by) -> None:
    assert by["1170亿元"][0].indicator.endswith("市重大产业项目年度投资")


def test_this_year_before_a_repeated_change_is_no_part_of_the_label(by) -> None:
    assert by["8.7%"][0].indicator == "企业退休人员基本养老金"


def test_a_whole_chain_output_carries_the_industry_not_a_verb_phrase(by) -> None:
    assert by["17%"][0].indicator == "豆制品产业全产业链产值"  # not 壮大龙头企业…


def test_a_national_key_laboratory_keeps_its_class(by) -> None:
    assert by["8家"][0].indicator == "全国重点实验室"  # not all laboratories


def test_the_level_after_a_rate_change_is_of_the_same_subject(by) -> None:
    assert by["15%"][0].indicator == by["18%"][0].indicator == "制造业等行业税率"


def test_a_bare_new_area_is_of_the_named_thing_just_measured(by) -> None:
    assert by["13万亩"][0].indicator == "新建“三园一林”面积"


def test_basic_insurance_keeps_its_name(by) -> None:
    assert by["96.5%"][0].indicator == "基本医疗保险参保率"  # 基本 is part of the scheme's name


def test_a_one_clause_output_sentence_measures_the_sector_the_sentence_before_opens_with(by) -> None:
    assert by["781亿元"][0].indicator == "新医药产业产值"


def test_an_area_naming_the_size_of_the_places_counted_is_no_amount(by) -> None:
    assert "2万亩" not in by
    assert by["3个"][0].indicator == "新建2万亩以上“林下粮仓”示范基地"


def test_a_period_member_is_the_same_measure_by_then(by) -> None:
    assert by["81%"][0].indicator == "新建项目开工率上半年"


def test_a_price_deflation_clause_is_framing(by) -> None:
    assert by["百分之六"][0].indicator == "农村居民人均纯收入"


def test_a_second_measure_joined_by_dun_keeps_the_subject(by) -> None:
    assert by["17亿元"][0].indicator == "国有企业利润总额"


def test_an_output_after_a_harvest_clause_is_the_crops(by) -> None:
    assert by["63.3万吨"][0].indicator == "粮食产量"  # not the farmland built just before


def test_a_comparison_with_the_last_edition_is_framing(by) -> None:
    assert by["3.1%"][0].indicator == "意向成交"


def test_a_quarter_after_qizhong_is_the_same_measure_in_that_quarter(by) -> None:
    assert by["37%"][0].indicator == "职工工资总额第四季度"  # not a bare time phrase


def test_the_next_figures_qualifier_is_no_part_of_a_count(by) -> None:
    assert by["41个"][0].indicator == "赛事场馆服务市民"  # not …服务市民超


def test_counts_of_levels_set_by_government_share_the_noun(by) -> None:
    assert by["22项"][0].indicator.startswith("省定民生实事")


def test_a_total_length_after_a_new_length_is_the_same_networks(by) -> None:
    assert by["919公里"][0].indicator == "运营总里程"  # not 运营里程总里程


def test_counts_of_size_classes_share_the_noun_and_the_classes_are_no_amounts(by) -> None:
    assert by["11个"][0].indicator == "过百亿项目"
    assert by["23个"][0].indicator == "过50亿项目"
    assert "百亿" not in by and "50亿" not in by


def test_a_quoted_milestone_before_the_level_leaves_the_subject(by) -> None:
    assert by["352.63亿元"][0].indicator == "旅游综合收入"  # not an empty label


def test_a_respective_list_before_a_rank_keeps_its_members_and_their_subject(by) -> None:
    assert by["2171家"][0].indicator == "规上食品加工企业数量"
    assert by["3249亿元"][0].indicator == "规上食品加工企业营业收入"
