"""Session 7 precision rules on the edges of names (issue 9): names cut before a longer head
word, list items that share the list's head, names that start with a fragment of the word
before them. Synthetic sentences in the genre's shape with invented names (青禾, 云溪); each
test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names_and_nested as _names
from spans_of import names as _picked


@pytest.mark.parametrize("text, whole, cut", [
    ("青禾港铁路专用线建成通车。", "青禾港铁路专用线", "青禾港铁路"),
    ("加快建设云溪铁路专用线。", "云溪铁路专用线", "云溪铁路"),
    ("加快云溪经开区建设。", "云溪经开区", "云溪"),
])
def test_a_longer_head_after_the_head_closes_the_name(text, whole, cut):
    picked = _picked(text)
    assert whole in picked and cut not in picked


@pytest.mark.parametrize("text, whole, cut", [
    ("建设青禾生态产品价值实现机制试点，打造品牌。", "青禾生态产品价值实现机制试点", "青禾生态产品价值实现机制"),
])
def test_a_pilot_right_after_the_head_belongs_to_the_name(text, whole, cut):
    picked = _picked(text)
    assert cut not in picked
    if whole:
        assert picked.get(whole) == "Programme"


@pytest.mark.parametrize("text, cut, whole", [
    ("推进宁禾、铜溪高速建设。", "宁禾", "铜溪高速"),
    ("加快青禾、云溪铁路前期工作。", "青禾", "云溪铁路"),
    ("全力争取祁禾、黄溪高速公路项目。", "祁禾", "黄溪高速公路项目"),  # under a project word
    ("抓好南禾、阆溪高速等项目建设。", "南禾", "阆溪高速"),  # a list closed by its category
    ("加快建设久禾、三溪水库。", "久禾", "三溪水库"),
])
def test_a_road_item_sharing_the_head_after_it_is_no_name(text, cut, whole):
    picked = _picked(text)
    assert cut not in picked and whole in picked


@pytest.mark.parametrize("text, item", [
    ("建成水贝、金岭社区服务中心。", "水贝"),  # an area's or community's own name
    ("深挖青禾、良溪、大运河三大文化遗产内涵。", "良溪"),  # not as long as the modifier 大
])
def test_an_item_that_is_a_name_alone_stays(text, item):
    assert item in _names(text)


def test_a_place_word_glued_to_the_last_item_is_the_shared_head():
    picked = _picked("推动青禾、云溪化工园区重新认定。")
    assert picked.get("云溪化工园区") == "Place/building"
    assert "云溪化工" not in picked and picked.get("青禾") != "Place/building"


@pytest.mark.parametrize("text, whole, cut", [
    ("力争驮禾水库开工。", "驮禾水库", "禾水库"),
    ("加快推动三茅溪片区开发。", "三茅溪片区", "茅溪片区"),
])
def test_a_lone_character_split_off_the_name_belongs_to_it(text, whole, cut):
    picked = _picked(text)
    assert whole in picked and cut not in picked


@pytest.mark.parametrize("text, bad", [
    ("做大做强青禾现代产业学院。", "做大做强青禾现代产业学院"),  # 强 ends 做大做强
    ("推进新青禾路建设。", "新青禾路"),  # 新 stands before names on its own
])
def test_a_character_of_a_word_before_the_name_stays_out(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, name", [
    ("打响青禾（云溪）进口商品博览会品牌。", "青禾（云溪）进口商品博览会"),
    ("深入践行“四下基层”工作制度。", "“四下基层”工作制度"),
])
def test_a_verb_of_promoting_is_no_part_of_the_name(text, name):
    assert name in _picked(text)


def test_a_verb_phrase_of_support_stays_out_of_the_name():
    picked = _picked("全力支持云溪新区建设。")
    assert "云溪新区" in picked and "全力支持云溪新区" not in picked


def test_a_mechanism_set_up_by_its_kind_is_no_name_but_a_regulation_enforced_stays():
    assert not any(n.endswith("增收节支机制") for n in _names("建立健全增收节支机制，全面实行零基预算。"))
    assert "重大行政决策程序规定" in _picked("严格执行重大行政决策程序规定，切实把工作做好。")


def test_a_verb_of_setting_up_is_no_part_of_a_listed_name():
    assert not any(n.startswith("新设") for n in _names("新设青禾、云溪自贸试验区。"))


def test_a_head_character_glued_to_the_name_after_it_goes_back():
    picked = _picked("加快中国—东盟产业合作区青禾片区总体规划。")
    assert not any(n.startswith("区青禾") for n in picked)
    assert "中国—东盟产业合作区青禾片区总体规划" in picked


@pytest.mark.parametrize("text, name", [
    ("实施好青禾医疗卫生强基工程。", "青禾医疗卫生强基工程"),  # 好 completes the verb
    ("新（改）建主城区云溪绿道33公里。", "主城区云溪绿道"),  # 建 acts on the name
])
def test_a_verbs_complement_or_a_lone_verb_is_no_fragment_of_the_name(text, name):
    assert name in _picked(text)


def test_an_item_with_the_shared_place_word_of_its_own_stays():
    picked = _picked("加快建设青禾牧业沙尔营养殖园区、云溪奶牛绿色园区。")
    assert picked.get("青禾牧业沙尔营养殖园区") == "Place/building"


@pytest.mark.parametrize("text, name", [
    ("继续抓好招商引资“一把手”工程。", "招商引资“一把手”工程"),
    ("织密青禾公路连接线，拓展延长线。", "青禾公路连接线"),
])
def test_verbs_of_going_on_and_weaving_are_no_part_of_the_name(text, name):
    picked = _picked(text)
    assert name in picked and not any(n.endswith(name) and n != name for n in picked)


def test_a_name_does_not_start_with_the_second_half_of_a_word():
    assert "板强弱项行动" not in _names("加快园林绿化等补短板强弱项行动，加快县域商业体系建设。")


def test_a_days_name_opens_the_event_named_after_it_but_a_date_does_not():
    assert "世界城市日中国主场活动" in _picked("成功举办世界城市日中国主场活动。")
    assert "青禾公园" in _picked("5月1日青禾公园开放。")


@pytest.mark.parametrize("text, bad", [
    ("13个项目入选国家“十四五”规划重大工程项目库。", "国家“十四五”规划重大工程项目"),
    ("培育青禾平台型企业。", "青禾平台"),
])
def test_a_head_glued_to_a_kind_suffix_closes_no_name(text, bad):
    assert bad not in _names(text)


def test_an_item_closed_by_its_own_head_keeps_its_name_before_a_shared_place_word():
    assert _picked("加快青禾万象城、创悦中心、云溪综合体建设。").get("创悦中心") == "Place/building"


def test_a_road_and_river_before_a_bridge_make_no_river_name():
    names = _names("青禾路淮河大桥开工建设。")
    assert "青禾路淮河大桥" in names and "青禾路淮河" not in names


def test_an_aspect_particle_opens_no_name():
    assert not any(n.startswith("了") for n in _names("民族地区推行了公务员制度。"))


def test_a_river_before_its_reservoir_area_stays_a_name():
    assert "白禾河" in _names("以白禾河库区、青溪河为样板。")


def test_verbs_of_doing_well_are_no_fragment_or_part_of_the_name():
    assert "三峡禾工程" in _picked("要集中力量搞好三峡禾工程建设。")
