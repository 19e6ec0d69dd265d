"""Session 8, second round on the edges of names (issue 9): words jieba tags in ways that
cut a name short or carry a clause into it. Synthetic sentences in the genre's shape with
invented names (青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names as _picked


def test_an_age_group_tagged_as_a_time_stays_inside_the_name():
    picked = _picked("投用市老年福利服务中心三期，建成青禾青年创业中心。")
    assert any(n.startswith("市老年福利服务中心") for n in picked), picked
    assert not any(n.startswith("福利服务中心") for n in picked), picked
    assert "青禾青年创业中心" in picked, picked


def test_a_date_tagged_as_a_time_still_stays_out():
    picked = _picked("今年青禾创业中心投入运营。")
    assert "青禾创业中心" in picked, picked
    assert not any(n.startswith("今年") for n in picked), picked


@pytest.mark.parametrize("text, cut", [
    ("推进供水、交通、环卫、园林补短板强弱项行动。", "园林补短板强弱项行动"),
    ("持续开展餐饮、住宿行业服务质量提升行动。", "住宿行业服务质量提升行动"),
    ("高质量编制市、县国土空间总体规划。", "县国土空间总体规划"),
])
def test_the_last_item_of_a_list_sharing_its_head_is_no_name(text, cut):
    assert cut not in _picked(text)


@pytest.mark.parametrize("text, kept", [
    ("实施青禾振兴工程、云溪培育工程。", "云溪培育工程"),  # each item has its own head
    ("实施名院工程、名科工程。", "名科工程"),
    ("推进青禾、云溪人才计划。", "云溪人才计划"),  # a place opens the name
    ("发展文化、体育产业。", "体育产业"),  # an industry is one on its own
])
def test_a_list_of_names_keeps_its_last_item(text, kept):
    assert kept in _picked(text), _picked(text)



def test_a_name_after_he_stays():  # 和 joins whole phrases as often as items sharing a head
    picked = _picked("以发展农业生产和农村互助合作运动为重点。")
    assert "农村互助合作运动" in picked, picked


def test_a_name_opening_with_a_joined_place_abbreviation_stays():
    picked = _picked("青禾入渝、川渝特高压交流工程建成投用。")
    assert "川渝特高压交流工程" in picked, picked


@pytest.mark.parametrize("text, whole, clause", [
    ("灾区群众认为青禾人民政府是好政府。", "青禾人民政府", "灾区群众认为青禾人民政府"),
    ("机场改扩建工程移交云溪机场集团运营。", "云溪机场集团", "机场改扩建工程移交云溪机场集团"),
    ("青禾高新区升至国家级高新区。", "青禾高新区", "青禾高新区升至国家级高新区"),
])
def test_a_clause_verb_ends_a_name_growing_leftwards(text, whole, clause):
    picked = _picked(text)
    assert clause not in picked, picked
    assert whole in picked, picked


def test_a_name_after_ping_wei_takes_no_character_of_it():  # 获评为|X: jieba's 评为 is no name part
    picked = _picked("青禾市“云溪夜游”获评为中国文化旅游博览会“沉浸式产业精品项目”。")
    assert "中国文化旅游博览会" in picked, picked
    assert "为中国文化旅游博览会" not in picked, picked
