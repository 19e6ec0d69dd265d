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


# ------------------------------------------------------------- national series, 1980–2025

# Every GDP (GNP before 1994) growth target the national reports in ../shared/bulk state,
# read by hand from the texts (docs/TARGETS.md): year → (value, value_max, qualifier, outcome).
# None as outcome: the next report is absent or states no one-year figure for it.
NATIONAL_GDP = {
    1991: ("4.5", None, "none", "7"), 1992: ("6", None, "none", "12.8"), 1993: ("8", None, "none", "13.4"),
    1994: ("9", None, "none", "11.8"), 1995: ("8", "9", "none", "10.2"), 1996: ("8", None, "none", "9.7"),
    1997: ("8", None, "none", "8.8"), 1998: ("8", None, "none", "7.8"), 1999: ("7", None, "approx", None),
    2003: ("7", None, "approx", "9.1"), 2004: ("7", None, "approx", "9.5"), 2005: ("8", None, "approx", "9.9"),
    2006: ("8", None, "approx", "10.7"), 2007: ("8", None, "approx", None), 2008: ("8", None, "approx", "9"),
    2009: ("8", None, "approx", "8.7"), 2010: ("8", None, "approx", "10.3"), 2011: ("8", None, "approx", "9.2"),
    2012: ("7.5", None, "none", "7.8"), 2013: ("7.5", None, "approx", "7.7"), 2014: ("7.5", None, "approx", "7.4"),
    2015: ("7", None, "approx", "6.9"), 2016: ("6.5", "7", "none", "6.7"), 2017: ("6.5", None, "approx", "6.9"),
    2018: ("6.5", None, "approx", "6.6"), 2019: ("6", "6.5", "none", "6.1"), 2022: ("5.5", None, "approx", "3"),
    2023: ("5", None, "approx", "5.2"), 2024: ("5", None, "approx", "5"), 2025: ("5", None, "approx", None),
}


@pytest.fixture(scope="module")
def national(shared: Path):
    from kg.indicators import target_table

    folder = shared / "bulk" / "national"
    if not folder.is_dir():
        pytest.fail(f"missing {folder}")
    return [o for o in target_table([folder]) if o.indicator_key == "生产总值" and o.target_kind == "change"]


def test_every_stated_national_gdp_target_and_its_outcome(national) -> None:
    by_year: dict[int, list] = {}
    for o in national:
        by_year.setdefault(o.year, []).append(o)
    for year, (value, value_max, qualifier, outcome) in NATIONAL_GDP.items():
        rows = [o for o in by_year.get(year, []) if o.target_value == Decimal(value)]
        assert rows, (year, [(o.target_value, o.target_sentence[:30]) for o in by_year.get(year, [])])
        o = rows[0]
        assert (o.target_value_max, o.target_qualifier) == (Decimal(value_max) if value_max else None, qualifier), year
        if outcome is None:
            assert o.actual_value is None, (year, o.actual_value, o.actual_sentence[:40])
        else:
            assert o.actual_value == Decimal(outcome), (year, o.actual_value, o.actual_sentence[:40])
            assert o.verdict in ("met", "missed") and o.verdict_strict in ("met", "missed")


def test_no_national_gdp_target_is_invented(national) -> None:
    years = {o.year for o in national if o.target_value is not None}
    assert years <= set(NATIONAL_GDP), sorted(years - set(NATIONAL_GDP))


def test_the_year_without_a_gdp_target_says_so(national) -> None:
    (absent,) = [o for o in national if o.year == 2020]
    assert absent.verdict == "no target" and absent.target_value is None


def test_city_2024_gdp_growth_targets(shared: Path) -> None:
    from kg.indicators import indicator_table

    files = sorted((shared / "bulk" / "city-2024").glob("*.txt"))
    assert len(files) == 134
    found = {
        Path(r.report).stem for r in indicator_table(files)
        if r.status == "target" and r.year == r.plan_year and r.indicator_key == "生产总值"  # 池州 is a 2023 report
        and r.kind == "change" and r.normalised_unit == "%"
    }
    # the rest set no figure: relative to the province (luzhou, yibin, ziyang) or a slogan (liangshan)
    assert len(found) >= 130, sorted(f.stem for f in files if f.stem not in found)


# ------------------------------------------------------------- the library query agrees


def _norm(v):
    return None if v is None else format(Decimal(str(v)).normalize(), "f")


@pytest.mark.parametrize("which", ["national", "series"])
def test_the_sparql_library_query_gives_the_same_rows_as_kg_targets(which: str, corpus: Path, tmp_path: Path) -> None:
    from collections import Counter

    from kg.indicators import target_table
    from kg.pipeline import analyse
    from kg.rdf import build_graph
    from kg.store import sparql

    if which == "national":
        paths = [corpus / f"national-china-{y}.txt" for y in YEARS]
    else:
        paths = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "county-series").glob("*.txt"))
    dump = tmp_path / "g.nt"
    build_graph([analyse(p) for p in paths]).serialize(dump, format="nt", encoding="utf-8")
    rows = sparql("targets_vs_outcomes", data=[dump], params={}).rows
    got = Counter((r["year"], r["indicator_key"], _norm(r["target"]), _norm(r.get("target_max")), _norm(r.get("actual")),
                   r["verdict"], r["verdict_strict"]) for r in rows)
    want = Counter((o.year, o.indicator_key, _norm(o.target_value), _norm(o.target_value_max), _norm(o.actual_value),
                    o.verdict, o.verdict_strict) for o in target_table(paths) if o.verdict != "no target")
    assert got == want, {"only_sparql": list((got - want).elements())[:5], "only_kg": list((want - got).elements())[:5]}
    # one row per target: never two outcomes for one target
    per_target = Counter((r["year"], r["indicator_key"], _norm(r["target"]), r["target_sentence"]) for r in rows)
    assert max(per_target.values()) == 1
    # no five-year average or cumulative total serves as an outcome, and no slogan is met
    assert not any(r["actual_sentence"] and ("年均" in r["actual_sentence"] or "累计" in r["actual_sentence"])
                   and r["verdict"] != "unclear" for r in rows)
