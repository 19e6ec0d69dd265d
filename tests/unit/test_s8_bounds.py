"""Session 8, precision on the edges of names (issue 9): routes named by their ends and the
places they pass (甲经乙至丙), and names whose first characters jieba cut off into a lone
character before them. Synthetic sentences in the genre's shape with invented names (青禾,
云溪, 翠岭); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names as _picked


@pytest.mark.parametrize("text, whole, cut", [
    ("加快建设青禾经云溪至翠岭高速公路，推进港口建设。", "青禾经云溪至翠岭高速公路", "云溪至翠岭高速公路"),
    ("开工建设青禾至云溪公路二期工程等项目。", "青禾至云溪公路二期工程", "云溪公路二期工程"),
])
def test_a_route_is_named_from_its_first_end(text, whole, cut):
    picked = _picked(text)
    assert whole in picked, picked
    assert cut not in picked


def test_a_verb_before_zhi_opens_no_route():
    picked = _picked("全年提高至云溪公路养护工程标准。")
    assert "提高至云溪公路养护工程" not in picked, picked


@pytest.mark.parametrize("text, cut", [
    ("建成全省首个全流域入河排污口数字监控平台。", "流域入河排污口数字监控平台"),  # 首个|全|流域: an adjective no verb governs
    ("深入实施土地综合整治（多田云合工程），推进永久基本农田集中连片。", "田云合工程"),  # 多|田: a number word counting nothing
    ("推进一城一妇女儿童医院等改革事项。", "妇女儿童医院"),
])
def test_a_name_cut_after_a_lone_character_is_dropped(text, cut):
    assert cut not in _picked(text)


def test_a_name_after_a_verb_and_its_complement_stays():
    picked = _picked("落实好青禾化债方案，用好云溪文创平台。")
    assert "青禾化债方案" in picked and "云溪文创平台" in picked, picked


def test_a_numbered_road_before_zhi_is_no_part_of_the_place_it_starts_from():
    picked = _picked("建成G530青禾桥至云溪、S225翠岭山至万溪一级公路。")
    assert "青禾桥" in picked and "翠岭山" in picked, picked
    assert "G530青禾桥" not in picked and "S225翠岭山" not in picked


def test_a_long_package_topic_takes_no_verb_before_it():
    picked = _picked("严格落实市委实施细则，修订政府系统全面从严治党“34条”，加强作风建设。")
    assert "政府系统全面从严治党“34条”" in picked, picked
    assert "修订政府系统全面从严治党“34条”" not in picked


def test_a_short_package_topic_keeps_its_verb():
    picked = _picked("出台稳外贸“21条”、助力中小微企业“28条”。")
    assert "稳外贸“21条”" in picked and "助力中小微企业“28条”" in picked, picked


def test_a_boundary_verb_tagged_as_an_adjective_ends_a_package_topic():
    picked = _picked("精准落实民营经济青禾“31条”、省“32条”。")
    assert "民营经济青禾“31条”" in picked, picked
    assert not any(n.startswith("精准") for n in picked)


def test_a_revising_verb_is_no_part_of_the_policy_it_revises():
    picked = _picked("抓紧修订青禾投资产业目录，鼓励外资投向高端制造。")
    assert "修订青禾投资产业目录" not in picked, picked


def test_a_number_jieba_split_stays_at_the_head_of_the_name():
    picked = _picked("出席二十国集团领导人峰会、金砖国家领导人会晤。")
    assert "二十国集团领导人峰会" in picked, picked
    assert "十国集团领导人峰会" not in picked


def test_a_list_item_cut_at_zhi_is_no_name():
    picked = _picked("建成青禾高铁翠岭至云溪支线、万溪城至青山铁路，完成集通铁路改造。")
    assert "云溪支线" not in picked, picked


def test_a_numbered_institution_keeps_its_ordinal():
    picked = _picked("建成市第三中心医院云溪院区、市口腔医院青禾院区。")
    assert "市第三中心医院云溪院区" in picked, picked
    assert "中心医院云溪院区" not in picked


def test_a_boundary_word_split_at_the_name_edge_stays_out_of_the_name():
    picked = _picked("有效益的投资。对标省“青禾万亿”工程，深入开展招商。")
    assert not any(n.startswith("标") for n in picked), picked
    assert "“青禾万亿”工程" in picked


def test_a_platform_glued_before_a_place_closes_its_own_name():
    picked = _picked("监管场地获批。青禾贸易数字化平台云溪机场综合服务中心启用。")
    assert "云溪机场综合服务中心" in picked, picked
    assert not any(n.startswith("青禾贸易") and n.endswith("服务中心") for n in picked)


def test_dao_joining_two_places_is_no_part_of_a_name():
    picked = _picked("实现青禾高新区到云溪片区“无感通过”。")
    assert "青禾高新区到云溪片区" not in picked, picked


def test_a_second_launching_verb_stays_out_of_the_policy():
    picked = _picked("落实落细“青禾议题”制度，主题教育取得显著成效。")
    assert not any(n.startswith("落细") for n in picked), picked


def test_a_launching_verb_carries_a_long_package_topic_with_its_opening_verb():
    picked = _picked("召开大会，出台促进青禾经济高质量发展“18条”，发布清单。")
    assert "促进青禾经济高质量发展“18条”" in picked, picked


def test_a_container_road_leaves_no_zhi_at_the_head_of_the_name():
    picked = _picked("建成通车，青禾高铁至云溪连接线顺利开工。")
    assert not any(n.startswith("至") for n in picked), picked


def test_a_rank_is_no_name():
    picked = _picked("服务业成为第一大产业，工业化与信息化深度融合。")
    assert "第一大产业" not in picked, picked


def test_a_development_zone_split_at_jing_is_no_route():
    picked = _picked("深化青禾经开区省级碳达峰试点园区建设。")
    assert "青禾经开区省级碳达峰试点" not in picked, picked


@pytest.mark.parametrize("text, cut", [
    ("加快建设四曲湾湿地公园，完善配套设施。", "湾湿地公园"),  # 四曲|湾: the first character went to the word before
    ("大力发展特色农业、生态旅游等沿黄优势产业。", "黄优势产业"),  # 沿|黄: a one-character word makes a word with it
])
def test_a_name_whose_first_character_went_to_the_word_before_is_dropped(text, cut):
    assert cut not in _picked(text)


def test_a_verb_opening_a_name_after_a_mistagged_word_keeps_the_name():
    picked = _picked("建立健全抓项目促投资“青禾条块”协调联动机制，统筹各类资源。")
    assert "抓项目促投资“青禾条块”协调联动机制" in picked, picked


@pytest.mark.parametrize("text, bad", [
    ("多国代表在青禾举行会议，商定合作事项。", "青禾举行会议"),  # 举行: a verb acting on the meeting
    ("有力有序有效推进工程建设，确保按期完工。", "有效推进工程"),  # 推进|工程|建设: the works being built
    ("加密青禾高铁动车组开行频次。", "加密青禾高铁"),  # 加密: a verb jieba tags a place
])
def test_a_verb_acting_on_the_thing_is_no_part_of_its_name(text, bad):
    assert bad not in _picked(text)


def test_a_topic_verb_still_opens_a_programme_name():
    picked = _picked("实施青禾教育强国推进工程，开展云溪产业提升行动。")
    assert "云溪产业提升行动" in picked, picked
