"""Quantity families from the session-8 development draws (docs/indicator-sample.md).

A synthetic report (tests/fixtures/quantities-genre-families-2044.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2044.txt"


def test_a_count_opening_its_clause_is_named_by_the_phrase_after_it(by) -> None:
    assert by["8.6万名"][0].indicator == "脱贫群众稳定增收"
    assert by["32项"][0].indicator == "为民办实事项目"


def test_a_number_of_times_names_the_change_it_counts(by) -> None:
    assert by["五次"][0].indicator == "下调公积金贷款利率"
    assert by["两次"][0].indicator == "降低职工门诊报销起付线"


def test_a_share_opening_its_clause_names_what_the_share_does(by) -> None:
    assert by["65%"][0].indicator == "乡镇（街道）完成应急体系规范化建设"


def test_the_second_of_a_pair_is_not_named_by_the_level_after_it(by) -> None:
    assert by["15830元"][0].indicator == "农村居民人均可支配收入"


def test_a_bare_verb_of_benefit_or_an_offsetting_set_names_nothing(by) -> None:
    assert by["3.2亿人次"][0].indicator == ""  # "…，3.2亿人次受益": 受益 alone says nothing
    assert "增减" not in by["十二亿元"][0].indicator


def test_a_space_inside_a_latin_name_and_number_is_joined(by) -> None:
    assert by["11.7%"][0].indicator == "广义货币M2"


def test_the_base_of_a_comparison_with_a_named_year_is_that_years_actual(by) -> None:
    q = by["270亿元"][0]
    assert (q.indicator, q.status.value, q.year) == ("工业总产值", "actual", 2036)


def test_xianzai_de_is_framing_and_a_count_to_date(by) -> None:
    q = by["七十六个"][0]  # in the plan part: the level reached by now
    assert (q.indicator, q.status.value, q.year) == ("小水泥厂", "actual", 2043)


def test_a_count_naming_a_set_of_payments_is_no_measure(by) -> None:
    assert "两项" not in by  # "残疾人两项补贴6亿元"
    assert by["6亿元"][0].indicator.endswith("残疾人两项补贴")


def test_a_count_referring_back_to_the_items_above_is_no_measure(by) -> None:
    assert "八项" not in by  # "除以上八项工作以外"


def test_deng_closing_a_list_before_its_head_noun_is_not_kept_in_the_last_member(by) -> None:
    assert by["12.8%"][0].indicator == "电子产业增加值"


def test_zaijian_opens_a_counted_noun_not_a_frame(by) -> None:
    assert by["3条"][0].indicator.startswith("在建城际铁路")


def test_a_list_of_levels_shares_the_noun_after_the_last_level(by) -> None:
    assert [by[s][0].indicator for s in ("14家", "96家")] == ["国家级技术中心", "省级技术中心"]


def test_a_member_ending_in_shu_is_a_measure_of_its_own(by) -> None:
    assert [by[s][0].indicator for s in ("9.1%", "4.4%")] == ["刑事立案数", "道路交通事故数"]


def test_sou_ci_is_a_count_unit(by) -> None:
    assert by["86艘次"][0].unit == "艘次"


def test_n_characters_of_a_slogan_are_no_count(by) -> None:
    assert "十二个" not in by  # "在“稳中求进、以进促稳、先立后破”十二个字上下功夫"


def test_a_bare_rate_after_a_count_is_the_rate_of_what_was_counted(by) -> None:
    assert by["98.7%"][0].indicator == "群众诉求办结率"


def test_a_contrasting_conjunction_and_adverb_are_framing(by) -> None:
    assert by["7.3%"][0].indicator == "整个工业"  # "而整个工业却增长"
    assert by["71%"][0].indicator == "财政用于民生的比例"  # "但财政用于民生的比例"


def test_year_end_is_a_frame_and_the_share_names_who(by) -> None:
    assert by["96%"][0].indicator == "学生都能在新校舍中学习"  # "确保今年底96%以上的学生…"


def test_a_qualifier_of_the_next_figure_is_not_the_counted_noun(by) -> None:
    assert by["17个"][0].indicator == "保交楼项目"  # "17个保交楼项目近6000套房顺利交付"


def test_a_count_keeps_the_award_or_approval_its_noun_received(by) -> None:
    assert by["12项"][0].indicator == "改革成果获国家部委复制推广"


def test_a_bare_project_count_after_a_list_names_the_listed_projects(by) -> None:
    assert by["14个"][0].indicator == "东湖大道、西山配套商业开发等项目"


def test_members_with_verbs_of_their_own_are_not_padded(by) -> None:
    assert by["10.2%"][0].indicator == "接待游客"


def test_a_named_year_after_jihua_guiding_dates_the_target(by) -> None:
    q = by["3.6亿吨"][0]
    assert (q.status.value, q.year) == ("target", 2046)


def test_from_a_month_on_is_no_part_of_the_subject(by) -> None:
    assert by["2150亿美元"][0].indicator == "外贸出口"


def test_each_investment_of_a_list_names_the_project_after_de(by) -> None:
    assert [by[s][0].indicator for s in ("52亿元", "18亿元")] == ["甲乙一体化总投资", "丙丁显示面板总投资"]
    assert by["30个"][0].indicator == "投资10亿元以上重点项目"


def test_passenger_and_freight_split_like_revenue_and_spending(by) -> None:
    assert [by[s][0].indicator for s in ("650万人次", "9.8万吨")] == ["客运吞吐量", "货运吞吐量"]


def test_duijie_is_no_boundary_of_the_cap(by) -> None:
    assert "对接促成意向性合作项目" in by["186个"][0].indicator


def test_a_pdf_page_number_inside_an_indicator_is_dropped(by) -> None:
    assert by["6.3%"][0].indicator == "一般公共预算收入"


def test_a_traditional_zengzhang_is_a_change_verb(by) -> None:
    assert by["四倍"][0].indicator.endswith("學生人數")


def test_a_reach_after_a_rate_is_of_the_measure_before_the_rate(by) -> None:
    assert by["7.6万户"][0].indicator.endswith("化解问题楼盘惠及")  # not 化解率惠及


def test_bi_qian_wu_nian_is_framing(by) -> None:
    assert by["1730亿元"][0].indicator == "财政支持农村生产支出"


def test_a_short_verb_phrase_after_the_count_is_kept_whole(by) -> None:
    assert by["23个"][0].indicator == "项目落地东港临港产业园、西岭合作产业园"
    assert by["3人"][0].indicator == "荣获“江淮大工匠”称号"


def test_a_bare_milestone_passed_by_each_of_a_count_is_no_measure(by) -> None:
    assert "百亿" not in by  # "4个产业链突破百亿"
    assert by["1520亿元"][0].indicator == "水产品加工产值"


def test_the_second_start_value_of_a_pair_has_the_named_year(by) -> None:
    assert by["15900元"][0].year == 2038


def test_a_share_of_the_budget_after_wei_takes_the_figure_before(by) -> None:
    assert by["112.4%"][0].indicator.endswith("方面支出为预算数")


def test_the_two_superpowers_are_no_count(by) -> None:
    assert "两个" not in by


def test_a_listed_count_of_project_works_names_the_list(by) -> None:
    assert by["12个"][0].indicator == "古城广场、大明文旅综合体、湖滨夜游等项目建设"


def test_a_work_share_done_keeps_its_own_subject(by) -> None:
    assert by["68%"][0].indicator == "东西高铁碧川段完成工程量"


def test_a_size_class_of_counties_is_no_count_of_people(by) -> None:
    assert "30万" not in by


def test_a_count_with_yishang_is_the_next_member_not_a_threshold(by) -> None:
    assert by["80个"][0].indicator == "团组"


def test_a_comparison_with_a_named_plan_period_is_framing(by) -> None:
    assert by["61.2%"][0].indicator == "实际利用外资"


def test_a_share_in_a_total_keeps_its_subject(by) -> None:
    assert by["3.5个百分点"][0].indicator == "服务业增加值在地区生产总值中的比重"


def test_a_cause_opening_the_clause_is_framing(by) -> None:
    assert by["37.4%"][0].indicator == "水电站发电量"


def test_a_trailing_yao_is_framing_but_xuyao_is_a_verb(by) -> None:
    assert by["3.3%"][0].indicator == "二氧化碳排放强度"


def test_ton_sea_miles_are_a_freight_unit(by) -> None:
    q = by["六十二亿吨海里"][0]
    assert (q.unit, q.indicator) == ("亿吨海里", "沿海货物周转量")


def test_wancheng_lv_is_a_rate_not_a_frame(by) -> None:
    assert by["117%"][0].indicator.endswith("5G基站完成率")


def test_the_two_special_administrative_regions_are_no_count(by) -> None:
    assert "两个" not in by


def test_a_stock_after_a_count_names_the_counted_noun(by) -> None:
    assert by["386家"][0].indicator.endswith("科技型企业保有量")


def test_yi_er_san_chan_without_dun_splits_into_three_sectors(by) -> None:
    assert [by[s][0].indicator for s in ("4.6%", "3.1%", "3.4%")] == ["第一产业", "第二产业", "第三产业"]


def test_a_doubling_before_the_level_reached_leaves_the_subject(by) -> None:
    assert by["5120万元"][0].indicator == "技术合同成交额"


def test_you_before_a_per_head_standard_is_framing(by) -> None:
    assert by["210元"][0].indicator.endswith("补助标准每人每年")


def test_the_last_n_years_before_new_firms_is_a_time_frame(by) -> None:
    assert "近两年" not in by
