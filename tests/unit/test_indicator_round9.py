"""Quantity families from the second round of session 8 (docs/indicator-sample.md, branch s8/ind9).

A synthetic report (tests/fixtures/quantities-genre-families-2045.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2045.txt"


def test_a_milestone_passed_after_the_level_is_no_measure_of_its_own(by) -> None:
    assert "2000亿元" not in by  # "总量达2168.5亿元，首破2000亿元大关"
    assert by["2168.5亿元"][0].value == 2168.5
    assert by["48万户"][0].indicator == "新登记经营主体"  # after a growth rate the level passed is the level


def test_a_policy_package_named_by_its_counts_is_no_count(by) -> None:
    assert "5大" not in by and "28条" not in by  # "5大行动28条政策"


def test_a_list_of_policy_packages_named_by_their_counts_is_no_count(by) -> None:
    assert not {"14条", "12条", "11条"} & set(by)  # "出台工业14条、商贸12条、住房11条和…等措施"


def test_a_named_set_of_great_tasks_is_no_count(by) -> None:
    assert "五件" not in by  # "干好五件大事"


def test_the_last_n_years_before_a_plan_is_a_time_frame(by) -> None:
    assert "近三年" not in by and "三年" not in by
    assert by["612个"][0].indicator.endswith("计划实施项目")


def test_a_capacity_inside_a_projects_name_is_no_measure(by) -> None:
    assert "30万吨" not in by  # "实施青澜石化30万吨丙烯酸等产业链重点项目"
    assert by["185万千瓦"][0].indicator.startswith("开工建设")  # a capacity right after the verb is measured


def test_size_classes_of_a_list_of_project_counts_are_no_measures(by) -> None:
    assert "40亿元" not in by and "8亿元" not in by  # "引进3个40亿元以上、6个8亿元以上优质项目"
    assert by["3个"][0].value == 3


def test_counts_of_levels_share_the_noun_after_the_last_and_the_verb_before_the_first(by) -> None:
    assert [by[s][0].indicator for s in ("3家", "17家", "42家")] == [
        "新增国家级创新创业平台", "新增省级创新创业平台", "新增市级创新创业平台"]


def test_a_bare_head_of_cases_keeps_its_verb_and_listed_kinds(by) -> None:
    assert by["260起"][0].indicator == "侦破非法采砂、电信诈骗、食品安全等案件"


def test_earlier_counts_of_a_list_take_the_award_the_last_received(by) -> None:
    assert [by[s][0].indicator for s in ("4个", "9个")] == ["镇街被评为省级儿童友好示范点", "社区被评为省级儿童友好示范点"]


def test_a_fenbie_clause_after_a_comparison_frame_measures_the_members_before_it(by) -> None:
    assert [by[s][0].indicator for s in ("21.7亿元", "13.2亿元")] == ["上级专项资金", "政府债券限额"]


def test_the_excess_over_the_plan_is_of_the_measure_just_before(by) -> None:
    assert by["17%"][0].indicator == "省列重大项目完成投资超年度计划"


def test_zheng_of_zhengzai_is_no_part_of_the_counted_noun(by) -> None:
    assert by["19家"][0].indicator == "市属企业"


def test_he_of_hemei_is_no_conjunction(by) -> None:
    assert by["14个"][0].indicator.endswith("和美乡村精品示范村")


def test_a_size_with_de_naming_the_class_counted_is_no_measure(by) -> None:
    assert "300吨" not in by and "超800亩" not in by and "800亩" not in by
    assert [by[s][0].value for s in ("8个", "12个")] == [8, 12]


def test_te_bie_shi_is_framing(by) -> None:
    assert [by[s][0].indicator for s in ("7.5%", "9.5%")] == ["民间投资", "工业投资"]


def test_dui_fei_is_trade_with_africa_not_a_verb(by) -> None:
    assert by["16%"][0].indicator == "对非贸易额"


def test_bare_funds_name_their_source_or_the_projects_just_counted(by) -> None:
    assert by["3.46亿元"][0].indicator == "新增国债项目资金"
    assert by["4亿元"][0].indicator == "国家城市更新试点资金支持"


def test_cai_before_the_level_is_framing_but_not_in_yin_cai(by) -> None:
    assert by["八百四十万吨"][0].indicator == "水泥产量"  # 全市 is framing too
    assert by["70人次"][0].indicator == "柔性引才"


def test_a_capacity_keeps_the_listed_products(by) -> None:
    assert by["9万吨"][0].indicator.endswith("锂电铜箔、电池铝箔生产能力")
