"""The target → outcome rule shared by ``kg targets`` and the build's links."""

from __future__ import annotations

from kg.outcomes import OutcomeIndex

GOV, YEAR, KIND, UNIT = "云溪市", 2023, "change", "%"


def _index(*cands: tuple) -> OutcomeIndex[str]:
    index: OutcomeIndex[str] = OutcomeIndex()
    for key, report, multi, order, item in cands:
        index.add(GOV, key, key, YEAR, KIND, UNIT, report, multi, order, item)
    return index


def _best(index: OutcomeIndex[str], key: str = "粮食产量", report: str = "r2023", one_year: bool = True) -> str | None:
    return index.best(GOV, key, key, YEAR, KIND, UNIT, report, one_year)


def test_the_first_candidate_in_the_callers_order_of_another_report_wins() -> None:
    index = _index(("粮食产量", "r2024", False, 2, "second"), ("粮食产量", "r2024", False, 1, "first"),
                   ("粮食产量", "r2023", False, 0, "same report"))
    assert _best(index) == "first"


def test_ties_keep_the_first_added() -> None:
    assert _best(_index(("粮食产量", "r2024", False, 1, "a"), ("粮食产量", "r2024", False, 1, "b"))) == "a"


def test_a_multi_year_figure_is_no_outcome_of_a_one_year_target() -> None:
    index = _index(("粮食产量", "r2024", True, 0, "five-year total"))
    assert _best(index) is None
    assert _best(index, one_year=False) == "five-year total"


def test_a_longer_key_serves_only_when_the_key_has_no_outcome() -> None:
    longer = ("粮食产量首次跃上", "r2024", False, 0, "longer")
    assert _best(_index(longer)) == "longer"
    assert _best(_index(longer, ("粮食产量", "r2024", False, 5, "exact"))) == "exact"
    assert _best(_index(("粮食总产量", "r2024", False, 0, "other"))) is None  # not a prefix
    assert _best(_index(("就业人数增加", "r2024", False, 0, "x")), key="就业") is None  # key too short
