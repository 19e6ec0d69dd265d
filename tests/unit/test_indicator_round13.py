"""Status and year of national-report figures (session 10, branch s10/ind13; docs/indicator-sample.md).

A synthetic report in the shape of the older national reports (tests/fixtures/quantities-national-status-2048.txt,
invented names and figures: review 2047, plan 2048) holds one sentence per family; each test names the shape
and the status and year a reader expects. The cues sit inside the sentence, not in the part.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-national-status-2048.txt"


def _sy(by, surface: str, i: int = 0) -> tuple[str, int | None]:
    q = by[surface][i]
    return q.status.value, q.year


def test_a_figure_in_a_condition_and_its_consequence_is_an_estimate(by) -> None:
    # "只要…降低百分之三，一年就可以增加收入十七亿元": what would follow, neither plan nor outcome
    assert _sy(by, "百分之三") == ("estimate", 2048)
    assert _sy(by, "十七亿元") == ("estimate", 2048)
    assert _sy(by, "一亿七千万元") == ("estimate", 2048)  # in the review part too


def test_a_computing_convention_or_a_negative_condition_is_no_hypothesis(by) -> None:
    assert _sy(by, "四百二十亿元") == ("actual", 2047)  # "如果按…不变价格计算，…则为"
    assert _sy(by, "五十一万吨") == ("target", 2048)  # "如果没有特大的灾害，…将达到"
    assert _sy(by, "百分之九") == ("target", 2048)
