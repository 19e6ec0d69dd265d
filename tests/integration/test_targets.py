"""Targets of one national report linked to the outcomes the next one reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.indicators import indicator_table, link_targets

pytestmark = pytest.mark.corpus

YEARS = (2023, 2024, 2025)


@pytest.fixture(scope="module")
def rows(corpus: Path):
    return indicator_table([corpus / f"national-china-{y}.txt" for y in YEARS])


@pytest.fixture(scope="module")
def outcomes(rows):
    return link_targets(rows)


def _one(outcomes, year: int, key: str, kind: str):
    found = [o for o in outcomes if o.year == year and o.indicator_key == key and o.target_kind == kind and o.actual_report]
    assert found, (year, key, kind)
    return found[0]


@pytest.mark.parametrize("year", [2023, 2024])
def test_gdp_growth_target_is_linked_to_next_years_outcome(outcomes, year: int) -> None:
    o = _one(outcomes, year, "生产总值", "change")
    assert o.target_value == 5 and o.target_qualifier == "approx"
    assert str(year + 1) in Path(o.actual_report).name
    assert o.actual_value >= 5
    assert o.verdict == "met"


def test_unemployment_ceiling_is_met_by_a_lower_rate(outcomes) -> None:
    o = _one(outcomes, 2023, "城镇调查失业率", "ratio")
    assert (o.target_value, o.actual_value) == (Decimal("5.5"), Decimal("5.2"))
    assert o.verdict == "met" and o.rule.startswith("ceiling")


def test_jobs_and_grain_floors(outcomes) -> None:
    jobs = _one(outcomes, 2024, "城镇新增就业", "count")
    assert (jobs.target_value, jobs.target_unit, jobs.actual_value) == (1200, "万人", 1256)
    assert jobs.verdict == "met"
    grain = _one(outcomes, 2023, "粮食产量", "amount")
    assert grain.actual_value == Decimal("1.39") and grain.verdict == "met"


def test_energy_intensity_reduction_compares_signed_changes(outcomes) -> None:
    o = _one(outcomes, 2024, "单位国内生产总值能耗", "change")
    assert o.target_direction == "down" and o.actual_direction == "down"
    assert o.verdict == "met"


def test_targets_of_the_last_year_have_no_outcome(outcomes) -> None:
    last = [o for o in outcomes if o.year == 2025]
    assert last and all(o.verdict == "unclear" and not o.actual_report for o in last)


def test_every_row_cites_its_sentence(rows) -> None:
    for r in rows:
        assert r.surface in r.sentence.replace(" ", "") or r.surface.replace(" ", "") in r.sentence.replace(" ", "")
