"""Session 8, second round on the edges of names (issue 9): words jieba tags in ways that
cut a name short or carry a clause into it. Synthetic sentences in the genre's shape with
invented names (青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

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
