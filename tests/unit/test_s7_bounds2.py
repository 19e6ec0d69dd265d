"""Session 7, second precision round on the edges of names (issue 9): a verb that opens a
programme's or a policy's printed name, a works' building verb, an edition before a river
basin, a year alone before 行动. Synthetic sentences in the genre's shape with invented names
(青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names as _picked


@pytest.mark.parametrize("text, whole", [
    ("深入实施激励青禾企业创新专项行动，依靠政策引导。", "激励青禾企业创新专项行动"),
    ("新出台促进青禾服务业高质量发展若干措施，持续实施技改。", "促进青禾服务业高质量发展若干措施"),
])
def test_a_verb_after_the_carrying_verb_opens_the_name(text, whole):
    picked = _picked(text)
    assert whole in picked, picked
    assert whole[2:] not in picked


def test_a_works_launched_and_built_starts_after_the_building_verb():
    picked = _picked("启动建设青禾智脑二期工程，加快建设智慧城市。")
    assert "青禾智脑二期工程" in picked
    assert "建设青禾智脑二期工程" not in picked


def test_an_edition_opens_no_place():
    picked = _picked("举办生态文明论坛年会、第三届青禾流域生态保护主题宣传实践月活动。")
    assert not any(n.startswith("第三届") and n.endswith("流域") for n in picked), picked


def test_a_year_alone_names_no_programme():
    picked = _picked("青禾重大事故隐患专项排查整治2023行动、安全生产隐患大排查扎实推进。")
    assert "2023行动" not in picked, picked


def test_a_division_holds_no_event_before_it():
    from spans_of import names_and_nested
    found = names_and_nested("放大世界青禾大会云溪镇峰会效应，拓展会展功能。")
    assert "世界青禾大会云溪镇峰会" in found
    assert "世界青禾大会云溪镇" not in found, found


@pytest.mark.parametrize("text, cut, whole", [
    ("推进青禾东绕城、云溪高速公路建设。", "青禾东绕城", "云溪高速公路"),  # a ring road without its 高速
    ("G5青禾、G42云溪高速扩容项目有序推进。", "G5青禾", "G42云溪高速"),  # codes of unequal length
])
def test_a_list_item_sharing_the_road_head_is_no_name(text, cut, whole):
    picked = _picked(text)
    assert whole in picked and cut not in picked, picked


def test_a_ring_road_section_is_no_building():
    picked = _picked("青禾国际机场四期、云溪高速南绕城段等工程加快推进。")
    assert "南绕城" not in picked, picked


def test_the_area_around_a_thing_is_no_list_item():
    picked = _picked("加快云溪村、青禾湖周边、宁禾铁路周边等13个片区改造。")
    assert "青禾湖周边" not in picked, picked
    assert "宁禾铁路" in picked


def test_the_tail_of_a_longer_works_name_is_no_name():
    picked = _picked("青禾高速扩容项目控制性工程开工建设，中心城区外环快速路建成。")
    assert "项目控制性工程" not in picked, picked
    assert "项目投资攻坚年行动" in _picked("实施项目投资攻坚年行动，梯次推进。")  # after its carrier it stays


def test_a_host_and_its_partner_in_brackets_open_the_name():
    picked = _picked("推进中国（青禾）云溪产业园建设。")
    assert "中国（青禾）云溪产业园" in picked, picked
    assert "云溪产业园" not in picked


def test_an_edition_after_a_conjunction_opens_the_second_name():
    picked = _picked("深入开展“青禾”及第26个云溪文化月系列活动，创新实施。")
    assert "第26个云溪文化月系列活动" in picked, picked
    assert not any(n.startswith("“青禾”及") for n in picked)


def test_a_road_section_through_an_area_names_no_area():
    picked = _picked("改造提升青禾路科学城段和云溪场镇。")
    assert "青禾路科学城" not in picked, picked
    assert "青禾科学城" in _picked("建设青禾科学城。")


@pytest.mark.parametrize("text, glued, whole", [
    ("抓好宁荆和云沙铁路改造升级。", "宁荆和云沙铁路", "云沙铁路"),  # jieba's one word over 和
])
def test_a_conjunction_jieba_glued_into_a_name_splits_it(text, glued, whole):
    picked = _picked(text)
    assert whole in picked and glued not in picked, picked


def test_shixing_is_a_verb_before_a_system():
    picked = _picked("70%以上的关键技术攻关实行“揭榜挂帅”制度。")
    assert "“揭榜挂帅”制度" in picked, picked
    assert not any(n.startswith("关键技术") for n in picked)


def test_an_organisation_opening_with_a_bare_centre_word_is_a_tail():
    picked = _picked("青禾组织一类中心STEM教育研究所落户云溪。")
    assert "中心STEM教育研究所" not in picked, picked


def test_an_edition_without_di_stays_in_the_meeting_name():
    picked = _picked("在四届人大第一次会议上，号召全国人民。")
    assert "四届人大第一次会议" in picked, picked
    assert "人大第一次会议" not in picked


@pytest.mark.parametrize("text, glued", [
    ("成功推动青禾银行吸收合并云溪银行。", "青禾银行吸收合并云溪银行"),
    ("把部分青禾普通高中改为云溪职业中学。", "部分青禾普通高中改为云溪职业中学"),
])
def test_a_merger_or_a_change_verb_stays_out_of_the_name(text, glued):
    assert glued not in _picked(text)


def test_an_item_before_a_shared_works_head_is_no_programme():
    picked = _picked("推进医疗卫生惠民、科技文化体育惠民、农村供水工程维修养护。")
    assert "科技文化体育惠民" not in picked and "文化体育惠民" not in picked, picked


def test_who_takes_part_is_no_part_of_the_programme():
    picked = _picked("推动更多企业参与“青禾出海”系列行动，拓展市场。")
    assert "“青禾出海”系列行动" in picked, picked
    assert not any(n.startswith("更多") for n in picked)


def test_a_numbered_package_takes_its_whole_topic():
    picked = _picked("出台促进云溪楼宇市场平稳健康发展18条措施。")
    assert any(n.startswith("促进云溪楼宇市场") for n in picked), picked


def test_the_state_before_a_named_region_is_no_part_of_it():
    picked = _picked("整改被列为国家青禾经济带正面典型案例。")
    assert "青禾经济带" in picked and "国家青禾经济带" not in picked, picked
