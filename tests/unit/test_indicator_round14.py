"""Label families from session 10, second round (docs/indicator-sample.md, branch s10/ind14).

A synthetic report (tests/fixtures/quantities-list-verbs-2051.txt, invented names and figures) holds
one sentence per shape: a list of figures that shares one leading verb. Its later members keep the
whole verb (a chain of works verbs stays whole), not when they have a verb of their own or count a stock.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-list-verbs-2051.txt"


def test_a_chain_of_works_verbs_stays_whole_on_a_later_member(by) -> None:
    assert by["31所"][0].indicator == "新建改扩建幼儿园"
    assert by["67所"][0].indicator == "新建改扩建中小学"  # not 新建中小学 (new-built only)
    assert by["44.6公里"][0].indicator == "新建改建雨污管网"
    assert by["388公里"][0].indicator == "建设改造农村电网"


def test_a_verb_after_a_frame_is_shared_by_the_later_member(by) -> None:
    assert by["17家"][0].indicator == "建设企业联合创新中心"  # not a stock of centres


def test_a_verb_before_figures_joined_by_he_is_shared(by) -> None:
    assert by["14户"][0].indicator == "新增单项冠军企业"


def test_a_verb_of_winning_a_title_is_shared(by) -> None:
    assert by["19所"][0].indicator == "新争创省级示范性幼儿园"


def test_a_member_with_its_own_verb_or_a_stock_keeps_no_shared_verb(by) -> None:
    assert by["1900套"][0].indicator == "配租"  # its own verb
    assert not by["43家"][0].indicator.startswith("新增")  # a stock: 累计达到
    assert by["310亩"][0].indicator == "新增耕地"  # 建设 of 建设用地 is a noun, no verb of the list


def test_a_count_after_a_shared_verb_covers_every_member_named(by) -> None:
    # "引进A、B项目N个": N counts both members, not the last one's alone
    assert by["23个"][0].indicator == "引进央企二级子公司、行业百强企业项目"


def test_a_member_after_a_counted_member_takes_no_earlier_member(by) -> None:
    assert "120口" not in by["860个"][0].indicator  # the figure before is the first member's own
