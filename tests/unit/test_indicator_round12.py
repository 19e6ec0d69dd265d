"""Label families from session 10 (docs/indicator-sample.md, branch s10/ind12).

A synthetic report (tests/fixtures/quantities-genre-families-2050.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects: a label says what is
counted and whose.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2050.txt"


def test_a_later_level_member_keeps_the_verb_of_the_first(by) -> None:
    assert by["4项"][0].indicator == "承办国家级赛事"
    assert by["7项"][0].indicator == "承办省级赛事"  # not a stock of provincial events


def test_a_respective_member_that_counts_people_takes_no_noun_of_the_next(by) -> None:
    assert by["12%"][0].indicator == "东岭游客"
    assert by["23%"][0].indicator == "西岭游客"  # not 西岭游客消费
    assert by["9%"][0].indicator == "旅游人均消费"
