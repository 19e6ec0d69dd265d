"""Quantity families from the session-7 development draws (docs/indicator-sample.md).

A synthetic report (tests/fixtures/quantities-genre-families-2043.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2043.txt"


def test_a_line_break_inside_a_word_is_joined(by) -> None:
    assert by["7家"][0].indicator == "新增市级研发平台"


def test_on_the_basis_of_is_a_frame_not_the_noun(by) -> None:
    assert by["0.27个百分点"][0].indicator == "经营性债务综合融资成本"


def test_a_digit_count_restating_a_closed_list_is_no_measure(by) -> None:
    assert "3个" not in by  # "A、B、C等3个主导产业"
    assert by["4个"][0].indicator == "新增省级试点"  # what is new is counted
    assert by["215个"][0].indicator == "重大产业项目建设"  # 扩建 ends a member, no lead verb


def test_a_named_set_after_de_is_no_count(by) -> None:
    assert "三大" not in by  # "过去开展的三大会战"


def test_shoudao_is_the_verb_of_receipt(by) -> None:
    assert by["１，２３４，５６７，０００元"][0].indicator == "商业收入"
    assert by["９６．２１％"][0].indicator == "商业收入完成预算数"


def test_a_later_member_with_its_own_verb_takes_no_elided_verb(by) -> None:
    assert by["17处"][0].indicator == "完善扩繁群"


def test_a_list_of_verbs_is_elided_whole(by) -> None:
    assert by["12座"][0].indicator == "新建、改扩建污水处理厂"


def test_what_a_run_repeats_is_not_cut_mid_word(by) -> None:
    assert by["6年"][0].indicator == "连续提高企业退休人员基本养老金水平"


def test_a_class_word_after_a_verb_is_part_of_the_noun(by) -> None:
    assert by["1398亿元"][0].indicator == "重点实施类项目完成投资"


def test_zhengqu_dao_is_framing_but_daowei_is_not_split(by) -> None:
    assert by["172.5亿元"][0].indicator == "上级转移支付资金"
    assert by["16.2亿元"][0].indicator.startswith("到位")


def test_a_rank_after_the_verb_phrase_is_not_the_noun(by) -> None:
    assert by["18家"][0].indicator == "企业入选省民营企业百强"
    assert by["5个"][0].indicator == "粮油品种入选国家、省良种登记"  # a list of levels stays


def test_zhishao_and_reng_are_framing(by) -> None:
    assert by["三千万亩"][0].indicator == "荒地开垦的规划设计工作"
    assert by["11%"][0].indicator == "全部农业税在农业产量中所占的比例"


def test_a_paragraph_of_a_named_five_year_plan_dates_its_targets_at_the_plan_end(by) -> None:
    assert (by["402亿元"][0].status.value, by["402亿元"][0].year) == ("target", 2045)
    assert by["8.1%"][0].year == 2045


def test_deposits_and_loans_split_like_revenue_and_spending(by) -> None:
    assert by["8.4%"][0].indicator == "金融机构人民币存款余额"
    assert by["12.3%"][0].indicator == "金融机构人民币贷款余额"


def test_a_member_with_he_inside_it_is_one_member(by) -> None:
    assert by["9.2%"][0].indicator == "金融业增加值"
    assert by["15.1%"][0].indicator == "软件和信息服务业增加值"


def test_a_conjunct_after_a_count_is_no_threshold_of_it(by) -> None:
    # the conjunct after 和 also shares the first member's verb (认定…362户和…2户; session 9)
    assert by["2户"][0].indicator == "认定种子独角兽企业"


def test_the_next_member_starts_after_the_noun_counted_before(by) -> None:
    assert by["28万人"][0].indicator == "新增注册用户"


def test_the_same_period_of_last_year_is_framing(by) -> None:
    assert by["81%"][0].indicator == "建筑安装工程"


def test_categories_of_people_and_sets_of_directives_are_no_counts(by) -> None:
    assert "五类" not in by
    assert "六项" not in by


def test_digits_with_wan_and_qian_read_as_one_number(by) -> None:
    q = by["1万6千多户"][0]
    assert (q.value, q.unit, q.qualifier.value) == (Decimal("1.6"), "万户", "gt")
    assert (by["5千多户"][0].value, by["5千多户"][0].unit) == (Decimal("5000"), "户")


def test_a_list_closed_by_deng_gongji_names_the_sum(by) -> None:
    assert by["1.5亿元"][0].indicator == "临时救助金、残疾人补贴、孤儿生活补助、高龄津贴"


def test_dayu_is_a_qualifier(by) -> None:
    q = by["42%"][0]
    assert (q.indicator, q.qualifier.value) == ("可透水地面面积比例", "gt")


def test_a_daily_average_takes_the_noun_of_the_figure_before(by) -> None:
    assert by["1.1万户"][0].indicator == "企业平均每天新增"  # the noun, without the verb 新登记


def test_a_level_naming_projects_a_rule_applies_to_is_no_amount(by) -> None:
    assert "10亿元" not in by  # "10亿元以上在谈项目由市级领导牵头联系"
    assert "1亿元" in by  # "安排1亿元以上项目前期经费": funds, an amount


def test_later_measures_share_the_first_members_subject(by) -> None:
    assert by["11.5%"][0].indicator == "7家市属国有企业营业收入"
    assert by["14%"][0].indicator == "7家市属国有企业利润"


def test_a_count_after_yongyu_names_what_follows_de(by) -> None:
    assert by["1300万人次"][0].indicator == "职工技能提升和转岗转业培训"


def test_a_predicate_between_subject_and_change_is_skipped(by) -> None:
    assert by["3.6%"][0].indicator == "规上工业增加值"  # "扭负为正、增长3.6%"


def test_a_comparison_base_is_framing(by) -> None:
    assert [by[s][0].indicator for s in ("31%", "33%")] == ["生产安全事故起数", "生产安全事故死亡人数"]  # the deaths are the accidents' (round 11)


def test_a_count_before_a_rate_counts_the_units_not_the_rate(by) -> None:
    assert not by["216个"][0].indicator.endswith("覆盖率")


def test_a_count_of_a_class_above_a_level_keeps_the_level(by) -> None:
    assert "超50亿元" not in by  # the level names the class
    assert by["6个"][0].indicator == "超50亿元的特色产业集群"


def test_a_level_in_parentheses_is_no_part_of_the_noun(by) -> None:
    assert by["152个"][0].indicator == "产业项目新开工"


def test_people_counted_by_what_they_gain(by) -> None:
    assert by["589万人"][0].indicator == "实现饮用水水源替换"


def test_a_bare_rate_head_takes_the_rates_whole_name(by) -> None:
    assert by["67%"][0].indicator == "中心城区生活污水集中收集率"


def test_a_list_of_policy_packages_named_by_their_count_is_no_measure(by) -> None:
    assert "21条" not in by and "37条" not in by


def test_a_bare_output_takes_the_sector_of_the_clause_before(by) -> None:
    assert by["5.5%"][0].indicator == "建筑业总产值"


def test_ton_kilometres_are_one_unit(by) -> None:
    q = by["一百五十四亿吨公里"][0]
    assert (q.unit, q.indicator) == ("亿吨公里", "内河货物周转量")


def test_a_change_after_a_colon_topic_takes_the_topic(by) -> None:
    assert by["二点二倍"][0].indicator == "钢"


def test_afforestation_is_its_own_noun(by) -> None:
    assert by["87万亩"][0].indicator == "造林"


def test_a_second_measure_drops_the_first_measures_noun(by) -> None:
    assert by["380亿元"][0].indicator == "政府参股基金总规模"
    assert by["91亿元"][0].indicator == "现代能源产业产值"
    assert by["310亿元"][0].indicator == "市属国企营业收入"


def test_a_money_level_before_a_count_stays_in_its_noun(by) -> None:
    assert by["26家"][0].indicator == "20亿元企业"


def test_gongjian_is_no_stage_verb(by) -> None:
    assert "川渝共建成渝" in by["14个"][0].indicator  # 建成 inside 共建成渝 is no stage verb


def test_a_level_above_the_average_is_no_growth(by) -> None:
    assert by["4.8个百分点"][0].indicator == "高中阶段毛入学率高于全国平均水平"


def test_dual_structure_and_batches_are_no_quantities(by) -> None:
    assert "二元" not in by and "三批" not in by
    assert by["176项"][0].indicator in ("推出惠企政策", "惠企政策")  # 分三批 is framing


def test_a_contribution_takes_the_subject_of_its_own_clause_group(by) -> None:
    assert by["71%"][0].indicator == "工业增加值对GDP增长贡献率"


def test_a_digit_count_restating_three_named_members_is_no_measure(by) -> None:
    assert "4条" not in by


def test_the_three_sectors_split_into_their_value_added(by) -> None:
    assert [by[s][0].indicator for s in ("4.1%", "8.2%", "6.3%")] == ["第一产业增加值", "第二产业增加值", "第三产业增加值"]


def test_a_split_into_fields_and_a_circled_number_are_framing(by) -> None:
    assert "13个" not in by
    assert by["32.1万人次"][0].indicator == "职业技能培训"


def test_du_with_a_magnitude_is_kilowatt_hours(by) -> None:
    q = by["61.2亿度"][0]
    assert (q.unit, q.normalised_unit) == ("亿度", "千瓦时")
    assert by["56.1%"][0].indicator.startswith("新能源发电量")


def test_a_reach_after_a_payout_names_whose_reach(by) -> None:
    assert by["超11万家次"][0].indicator == "“甲快兑”平台兑付资金惠及企业"


def test_duijie_keeps_its_dui(by) -> None:
    assert by["310余个"][0].indicator == "对接成果转化项目"


def test_a_new_level_reached_is_no_part_of_the_noun(by) -> None:
    assert by["30147.5亿元"][0].indicator == "地区生产总值"


def test_afforestation_is_no_elided_verb_of_the_next_member(by) -> None:
    assert by["451万亩"][0].indicator == "退化草原修复治理"


def test_a_year_named_in_a_plan_part_dates_the_target(by) -> None:
    assert by["651亿元"][0].year == 2045


def test_a_voltage_class_stays_in_the_counted_noun(by) -> None:
    assert by["21个"][0].indicator == "建成500千伏输变电工程"


def test_a_composite_output_takes_the_sector_of_the_clause_before(by) -> None:
    assert by["31亿元"][0].indicator == "天麻产业综合产值"


def test_deng_closing_a_change_keeps_the_measure(by) -> None:
    assert by["8.7%"][0].indicator == "市管国企上缴税费"


def test_a_digit_category_of_people_is_no_count(by) -> None:
    assert "9类" not in by
    assert by["7.6%"][0].indicator.endswith("困难群众救助保障标准")


def test_qian_of_qianwa_belongs_to_the_unit(by) -> None:
    q = by["一万二千千瓦"][0]
    assert (q.value, q.unit) == (Decimal("12000"), "千瓦")
