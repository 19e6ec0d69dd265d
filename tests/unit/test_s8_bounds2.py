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


def test_a_common_item_joined_by_he_shares_the_head_too():
    picked = _picked("全国社区和居家养老提升项目获表扬。")
    assert "居家养老提升项目" not in picked, picked


def test_items_joined_by_he_with_their_own_heads_stay():
    picked = _picked("实施青禾振兴工程和云溪培育工程，建设青禾社区、云溪人才计划。")
    assert "云溪培育工程" in picked and "云溪人才计划" in picked, picked
