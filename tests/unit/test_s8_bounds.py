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
    ("深入实施土地综合整治（多田套合工程），推进永久基本农田集中连片。", "田套合工程"),  # 多|田: a number word counting nothing
    ("推进一城一妇女儿童医院等改革事项。", "妇女儿童医院"),
])
def test_a_name_cut_after_a_lone_character_is_dropped(text, cut):
    assert cut not in _picked(text)


def test_a_name_after_a_verb_and_its_complement_stays():
    picked = _picked("落实好青禾化债方案，用好云溪文创平台。")
    assert "青禾化债方案" in picked and "云溪文创平台" in picked, picked
