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
