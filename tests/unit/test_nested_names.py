"""Names nested inside a longer name that are names of their own (GUIDELINES §5, issue 9):
synthetic sentences in the genre's shape, invented names (青禾, 云溪, 翠岭…)."""

from __future__ import annotations

import pytest


from spans_of import nested as _nested


@pytest.mark.parametrize("text, body, label", [
    ("育才中学云溪学校开工建设。", "育才中学", "Organization/education"),
    ("青禾医院翠屏河院区投入运营。", "青禾医院", "Organization/health"),
])
def test_body_opening_its_branch_name_is_nested(text, body, label):
    assert _nested(text).get(body) == label


def test_body_wins_over_a_place_a_shorter_head_made_inside_it():
    nested = _nested("青禾医院翠屏河院区投入运营。")
    assert not any(n.startswith("青禾医院") and n != "青禾医院" for n in nested)


def test_no_body_split_across_a_bracket():
    nested = _nested("云溪师范大学（青禾）附属翠岭学校揭牌办学。")
    assert "云溪师范大学" not in nested


@pytest.mark.parametrize("text, place", [
    ("开工青禾西路西延三期。", "青禾西路"),              # a phase of the road's extension
    ("建成青禾运河云溪段二通道。", "青禾运河"),      # a work on a stretch of the canal
])
def test_place_opening_a_stretch_or_phase_of_itself_is_nested(text, place):
    assert _nested(text).get(place, "").startswith("Place")


def test_mountain_opening_a_zone_on_it_is_nested():
    assert _nested("推动翠屏山未来谷建设。").get("翠屏山") == "Place/green"


def test_counted_kind_of_hospital_is_no_body():
    assert "全县二级医院" not in _nested("推动全县二级医院云溪院区建设。")


def test_feature_with_a_division_glued_in_front_is_not_nested():
    nested = _nested("推进东湖翠湖生态岛试验区建设。")
    assert not any(n.endswith("翠湖") for n in nested)
