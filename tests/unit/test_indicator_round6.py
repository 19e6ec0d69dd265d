"""Quantity families from the session-6 development draws (docs/indicator-sample.md).

A synthetic report (tests/fixtures/quantities-genre-families-2042.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2042.txt"


def test_a_list_prints_its_unit_once_after_the_last_member(by) -> None:
    assert [by[s][0].unit for s in ("12.6万", "4.8万", "2.3万平方公里")] == ["万平方公里"] * 3
    assert by["4.8万"][0].indicator == "荒漠化面积"
    assert by["18.6个"][0].unit == "个百分点"  # "18.6个和11.9个百分点"


def test_a_year_span_or_gong_keeps_the_word_it_opens(by) -> None:
    assert by["2406亿元"][0].indicator == "中央财政用于农业的投入"  # 五年 is the frame, 中央 stays
    assert by["3.5万人"][0].indicator == "共富搬迁"  # 共 of 共富 is no "in all"


def test_a_numbered_set_of_activities_is_no_measure(by) -> None:
    assert "十类" not in by


def test_a_bare_magnitude_takes_no_measure_word_of_a_count_after_it(by) -> None:
    assert not any(q.unit.endswith("亿个") for qs in by.values() for q in qs)  # "7个过百亿、12个过50亿项目"


def test_gong_before_jiancheng_is_in_all(by) -> None:
    assert by["三十多万个"][0].indicator == "建成投产项目"


def test_zai_of_zaixiao_is_no_cut(by) -> None:
    assert by["百分之四十"][0].indicator.startswith("职业高中在校学生数")


def test_a_change_since_the_start_of_the_year_keeps_the_subject(by) -> None:
    assert by["1068亿美元"][0].indicator == "外汇储备"  # "比年初增加": no indicator 比年初 (session 8: 年底 is a frame)


def test_revenue_after_a_count_is_the_counted_units_revenue(by) -> None:
    assert by["49.6亿元"][0].indicator == "专业镇经营主体营业收入"


def test_zhong_of_gaozhong_is_no_frame_after_zaixiao(by) -> None:
    assert by["百分之四十五"][0].indicator.startswith("中等职业技术学校在校学生")


def test_a_total_after_a_list_of_stages_keeps_the_list(by) -> None:
    assert by["2000亿元"][0].indicator == "在建、拟建亿元以上新材料类项目总投资"


def test_a_policy_term_or_a_time_frame_is_no_measure(by) -> None:
    assert "30年" not in by  # "再延长30年试点"
    assert "近三十年" not in by  # "经过近三十年的建设"


def test_a_count_naming_a_rate_is_no_measure(by) -> None:
    assert "两项" not in by
    assert by["98%"][0].indicator == "残疾人两项补贴覆盖率"


def test_a_start_value_takes_no_verb_of_change(by) -> None:
    assert by["29个"][0].indicator == "跨部门综合监管事项"  # "从29个拓展到81个"


def test_an_adverb_before_the_figure_is_no_part_of_the_indicator(by) -> None:
    assert by["二百万吨"][0].indicator == "钢产量"  # "钢产量只二百万吨"
    assert by["145个"][0].indicator == "同我国建交的国家总数"  # "总数现已达到145个"
    assert by["10亿元"][0].indicator.endswith("首只科创股权投资基金")  # 只 of 首只 is a measure word


def test_a_class_of_water_and_a_restated_pair_are_no_counts(by) -> None:
    assert "五类" not in by  # "劣五类水体"
    assert "两条" not in by  # "发展和生态两条底线"


def test_a_run_of_the_growth_takes_the_figure_before(by) -> None:
    assert by["三年"][0].indicator.startswith("高新技术企业增幅连续")


def test_a_share_that_does_something_names_what_it_does(by) -> None:
    assert by["93%"][0].indicator == "老旧小区治理实现物业化服务比例"


def test_a_pronoun_takes_the_figure_before(by) -> None:
    assert by["百分之十五"][0].indicator == by["一百零一亿元"][0].indicator


def test_a_sector_member_takes_the_measure_of_the_last(by) -> None:
    assert by["21.3%"][0].indicator == "新能源产业增加值"


def test_a_count_after_a_verb_of_change_counts_its_noun(by) -> None:
    assert by["24个"][0].indicator == "开放口岸"  # not the 沿边城市 of the figure before


def test_a_rate_takes_the_scheme_of_the_count_before(by) -> None:
    assert by["63%"][0].indicator.endswith("“民生保”参保率")


def test_radii_and_sizes_of_each_are_no_measures(by) -> None:
    assert "10公里" not in by  # "10公里范围内"
    assert "超2亿美元" not in by  # "单个投资超2亿美元外资项目"
    assert "20万元" not in by and "50万元" not in by  # "20万元、50万元以上的村分别达到…"


def test_a_level_member_takes_the_noun_of_the_member_before(by) -> None:
    assert by["6项"][0].indicator == "承办省级赛事"  # keeps the verb of the first member (seed-8740 readers, session 10)


def test_a_count_of_firms_is_no_measure_of_their_output(by) -> None:
    assert by["70家"][0].indicator == "“1358”龙头企业"
    assert by["9.6%"][0].indicator == "“1358”龙头企业产值"


def test_classes_fields_and_altitudes_are_no_measures(by) -> None:
    assert "30亿元" not in by  # "突破30亿元以上先进制造业项目、…"
    assert "70个" not in by  # "在全国70个大城市…中位列第9位"
    assert "4000米" not in by  # "海拔4000米以上乡镇"


def test_xiangci_is_a_count_unit(by) -> None:
    assert by["2000项次"][0].unit == "项次"


def test_a_class_of_serious_cases_is_no_count(by) -> None:
    assert "七类" not in by


def test_a_threshold_member_before_its_count_is_no_amount(by) -> None:
    assert "50亿元" not in by  # "100亿元以上项目4个、50亿元以上12个"


def test_deng_closing_an_amount_keeps_the_measure(by) -> None:
    assert by["14.7亿元"][0].indicator == "新增减税降费"


def test_a_verb_before_the_next_member_is_this_members(by) -> None:
    assert by["176个"][0].indicator == "项目开工"


def test_a_comparison_year_and_ge_are_framing(by) -> None:
    assert by["百分之三点五"][0].indicator == "1957年的工业总产值"
    assert by["2户"][0].indicator == "专精特新中小企业和企业技术中心"


def test_an_urban_rural_pair_splits_without_fenbie(by) -> None:
    assert by["4%"][0].indicator == "城镇居民人均可支配收入"
    assert by["7.2%"][0].indicator == "农村居民人均可支配收入"


def test_a_bare_output_takes_the_sector_of_the_paragraph(by) -> None:
    assert by["55亿元"][0].indicator == "新材料产业产值"
    assert by["100亿元"][0].indicator == "磷化工供应链平台营收"


def test_quan_bu_after_the_counted_noun_is_no_part_of_it(by) -> None:
    assert by["86个"][0].indicator == "重建项目"


def test_a_population_as_an_attribute_is_no_measure(by) -> None:
    assert "十三亿多人" not in by


def test_sector_paragraph_fangmian_and_beizeng(by) -> None:
    assert by["120亿元"][0].indicator == "新型建材产业产值"
    assert by["40户"][0].indicator == "蓝鲸倍增企业"  # 增 of 倍增 is no verb of the next figure


def test_a_member_that_is_a_measure_is_not_padded(by) -> None:
    assert by["24.19％"][0].indicator == "接待游客人次"


def test_sets_of_tasks_are_no_measures(by) -> None:
    assert "六项" not in by


def test_a_share_of_a_noun_doing_something(by) -> None:
    assert by["60%"][0].indicator == "社区达到“三公里”充分就业标准比例"
    assert by["15％"][0].indicator == "减少收入的农户占比"


def test_total_investment_after_a_count_takes_its_noun(by) -> None:
    assert by["691.5亿元"][0].indicator == "氧化铝纤维等项目投资总额"


def test_named_sets_of_programmes_are_no_counts(by) -> None:
    assert "十大" not in by and "六大" not in by and "十项" not in by
    assert by["385个"][0].value == 385


def test_bei_ban_is_a_half_more(by) -> None:
    assert by["五倍半"][0].value == Decimal("5.5")
