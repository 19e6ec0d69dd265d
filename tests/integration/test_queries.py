"""Each query of queries/*.rq answered on district-luohu-2023 (through the real pipeline),
on the national reports 2023→2024→2025, and on the synthetic 青禾区 reports (exact rows).

On the real report the expected rows are computed from the Analysis records the graph was
built from (so a query is checked exactly, whatever the extractors found), and spot-checked
against the answer key (../shared/gold/luohu_2023.json) where it is exact.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kg.iri import Minter, government_key, indicator_label, normalise_key
from kg.model import EntityType, Qualifier, Status
from kg.pipeline import analyse
from kg.rdf import build_graph
from kg.store import library_queries, sparql

_spec = importlib.util.spec_from_file_location(
    "rdf_synthetic", Path(__file__).resolve().parent.parent / "fixtures" / "rdf_synthetic.py"
)
syn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(syn)

pytestmark = pytest.mark.corpus


def _dump(analyses, path: Path) -> Path:
    build_graph(analyses).serialize(path, format="nt", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def luohu(corpus):
    return analyse(corpus / "district-luohu-2023.txt")


@pytest.fixture(scope="module")
def luohu_data(luohu, tmp_path_factory) -> Path:
    return _dump([luohu], tmp_path_factory.mktemp("luohu") / "graph.nt")


@pytest.fixture(scope="module")
def luohu_gold(gold) -> dict:
    return json.loads((gold / "luohu_2023.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def national_data(corpus, tmp_path_factory) -> Path:
    analyses = [analyse(corpus / f"national-china-{y}.txt") for y in (2023, 2024, 2025)]
    return _dump(analyses, tmp_path_factory.mktemp("national") / "graph.nt")


@pytest.fixture(scope="module")
def syn_data(tmp_path_factory) -> Path:
    return _dump([syn.analysis_2023(), syn.analysis_2024()], tmp_path_factory.mktemp("syn") / "graph.nt")


def q(name: str, data: Path, **params):
    return sparql(name, data=[data], params=params).rows


def test_every_library_query_has_a_test_here():
    here = Path(__file__).read_text(encoding="utf-8")
    for name in library_queries():
        assert f'"{name}"' in here, name


# ---------------------------------------------------------------- report level


def test_report_overview_on_luohu(luohu, luohu_data, luohu_gold):
    (row,) = q("report_overview", luohu_data)
    meta = luohu_gold["report"]
    assert row["government"] == luohu.report.meta.government
    assert (row["plan_year"], row["review_year"]) == (meta["plan_year"], meta["review_year"]) == (2023, 2022)
    assert row["date"] == meta["delivery_date"] and row["speaker"] == meta["speaker"]
    assert row["parts"] == len(luohu_gold["parts"])
    assert row["sections"] == len(luohu.report.sections)
    assert row["sentences"] == len(luohu.report.sentences)
    assert row["observations"] == len({(x.start, x.end, normalise_key(x.indicator)) for x in luohu.quantities})
    assert row["glossary_terms"] == len(luohu_gold["glossary"])


def test_report_outline_on_luohu_matches_the_answer_key(luohu_data, luohu_gold):
    rows = q("report_outline", luohu_data)
    roles = {p["part"]: p["role"] for p in luohu_gold["parts"]}
    assert {(r["part"], r["role"]) for r in rows} == set(roles.items())
    got = [(r["part"], r["section"], r["section_title"]) for r in rows]
    want = [(s["part"], s["number"], s["title"]) for s in luohu_gold["sections"] if s.get("numbered", True)]
    assert sorted(got) == sorted(want)


# ---------------------------------------------------------------- figures


def test_plan_year_targets_on_luohu_are_the_target_quantities(luohu, luohu_data, luohu_gold):
    rows = q("plan_year_targets", luohu_data)
    want = sorted((x.start, x.indicator, x.value, x.unit, x.qualifier.value) for x in luohu.quantities
                  if x.status is Status.TARGET)
    got = [(r["indicator"], r["value"], r["unit"], r["qualifier"]) for r in rows]
    assert got == [w[1:] for w in want]
    assert all(r["sentence"] and r["surface"] in r["sentence"] for r in rows)
    # the headline target of the answer key: GDP growth 6.5% 左右
    gdp = [g for g in luohu_gold["quantities"] if g["status"] == "target" and g["indicator"].startswith("地区生产总值")]
    assert gdp and any(
        r["value"] == Decimal(str(gdp[0]["value"])) and r["unit"] == gdp[0]["unit"] and r["qualifier"] == gdp[0]["qualifier"]
        and r["year"] == gdp[0]["year"] for r in rows)


def test_actuals_of_targeted_indicators_on_luohu(luohu, luohu_data):
    rows = q("actuals_of_targeted_indicators", luohu_data)
    targets = [x for x in luohu.quantities if x.status is Status.TARGET and normalise_key(x.indicator)]
    actuals = [x for x in luohu.quantities if x.status is Status.ACTUAL and normalise_key(x.indicator)]
    # paired by indicator node = by indicator key (地区生产总值增长 ≡ 全市地区生产总值)
    want = Counter((normalise_key(t.indicator), a.value, t.value) for t in targets for a in actuals
                   if indicator_label(t.indicator) == indicator_label(a.indicator) and t.kind == a.kind)
    got = Counter((normalise_key(r["indicator"]), r["actual"], r["target"]) for r in rows)
    assert got == want


def test_indicator_over_years_on_luohu_lists_every_dated_figure(luohu, luohu_data):
    rows = q("indicator_over_years", luohu_data)
    want = Counter((normalise_key(x.indicator), x.year, x.status.value, x.value) for x in luohu.quantities
                   if x.year is not None and normalise_key(x.indicator))
    assert Counter((normalise_key(r["indicator"]), r["year"], r["status"], r["value"]) for r in rows) == want
    gdp = q("indicator_over_years", luohu_data, indicator_contains="地区生产总值")
    assert gdp and all("地区生产总值" in r["indicator"] or "地区生产总值" in r["indicator_key"] for r in gdp)
    # one node per indicator key: every row's key is the key of its phrase
    assert all(r["indicator_key"] == indicator_label(r["indicator"]) for r in rows)


def test_estimates_on_luohu(luohu, luohu_data):
    rows = q("estimates", luohu_data)
    assert sorted(r["value"] for r in rows) == sorted(x.value for x in luohu.quantities if x.status is Status.ESTIMATE)


def test_targets_vs_outcomes_on_the_national_reports(national_data):
    rows = q("targets_vs_outcomes", national_data)
    assert rows and {r["verdict"] for r in rows} <= {"met", "missed", "unclear"}
    gdp = {(r["year"], r["target"], r["actual"], r["verdict"]) for r in rows
           if r["indicator"] == "国内生产总值" and r["target_unit"] == "%"}
    # 2023: 5% 左右 → 5.2%; 2024: 5% 左右 → 5% (both reported in the next year's review)
    assert (2023, Decimal("5"), Decimal("5.2"), "met") in gdp
    assert (2024, Decimal("5"), Decimal("5"), "met") in gdp
    # 2025's main targets have no outcome yet: kept, unclear (as kg targets lists them)
    assert all(r["year"] in (2023, 2024) or (r["actual"] is None and r["verdict"] == "unclear") for r in rows)


def _with(analysis, **changes):
    """The analysis with quantities changed by surface: {surface: dict of fields}."""
    qs = tuple(replace(x, **changes.get(x.surface, {})) for x in analysis.quantities)
    return replace(analysis, quantities=qs)


@pytest.mark.parametrize(
    "indicator,target,qualifier,direction,actual,adirection,verdict",
    [
        ("地区生产总值", "6", Qualifier.APPROX, "up", "6.2", "up", "met"),      # floor, above
        ("地区生产总值", "6", Qualifier.APPROX, "up", "5.8", "up", "met"),      # within 5 %
        ("地区生产总值", "6", Qualifier.APPROX, "up", "5.6", "up", "missed"),   # below tolerance
        ("地区生产总值", "6", Qualifier.GE, "up", "5.9", "up", "missed"),       # 以上 is strict floor
        ("城镇调查失业率", "6", Qualifier.APPROX, "up", "6.2", "up", "met"),    # ceiling, within 5 %
        ("城镇调查失业率", "6", Qualifier.APPROX, "up", "6.5", "up", "missed"), # ceiling, above
        ("城镇调查失业率", "6", Qualifier.LE, "up", "5.0", "up", "met"),
        ("单位能耗", "3", Qualifier.GE, "down", "3.5", "down", "met"),          # 下降3%以上, fell 3.5
        ("单位能耗", "3", Qualifier.GE, "down", "2.0", "down", "missed"),
    ],
)
def test_targets_vs_outcomes_verdicts_on_synthetic_reports(tmp_path, indicator, target, qualifier, direction,
                                                           actual, adirection, verdict):
    a23 = _with(syn.analysis_2023(), **{"6%": dict(indicator=indicator, value=Decimal(target), qualifier=qualifier,
                                                  direction=direction)})
    a24 = _with(syn.analysis_2024(), **{"6.2%": dict(indicator=indicator, value=Decimal(actual), direction=adirection)})
    rows = q("targets_vs_outcomes", _dump([a23, a24], tmp_path / "g.nt"))
    got = [(r["indicator"], r["year"], r["verdict"]) for r in rows if r["indicator"] == indicator and r["actual"] is not None]
    assert got == [(indicator, 2023, verdict)]


def test_targets_vs_outcomes_exact_rows_on_synthetic_reports(syn_data):
    rows = q("targets_vs_outcomes", syn_data)
    # one row per target; main targets with no outcome are kept as unclear (as kg targets)
    assert [(r["government"], r["indicator"], r["year"], r["target"], r["qualifier"], r["actual"], r["verdict"])
            for r in rows if r["actual"] is not None] == [(syn.GOVERNMENT, "地区生产总值", 2023, Decimal("6"), "approx", Decimal("6.2"), "met")]
    assert all(r["verdict"] == "unclear" for r in rows if r["actual"] is None)
    rows = [r for r in rows if r["actual"] is not None]
    assert rows[0]["target_sentence"].startswith("主要预期目标是")
    assert rows[0]["actual_sentence"] == "全年地区生产总值1290亿元、增长6.2%。"


def test_plan_year_targets_exact_rows_on_synthetic_reports(syn_data):
    rows = q("plan_year_targets", syn_data)
    assert [(r["year"], r["indicator"], r["surface"], r["value"], r["unit"], r["qualifier"], r["kind"], r["direction"])
            for r in rows] == [
        (2023, "地区生产总值", "6%", Decimal("6"), "%", "approx", "change", "up"),
        (2023, "一般公共预算收入", "5%", Decimal("5"), "%", "ge", "change", "up"),
        (2024, "地区生产总值", "5.5%", Decimal("5.5"), "%", "approx", "change", "up"),
    ]


def test_indicator_over_years_exact_rows_on_synthetic_reports(syn_data):
    rows = q("indicator_over_years", syn_data, indicator_contains="地区生产总值")
    assert [(r["year"], r["status"], r["value"], r["unit"]) for r in rows] == [
        (2022, "actual", Decimal("1200.5"), "亿元"), (2022, "actual", Decimal("5.1"), "%"),
        (2023, "actual", Decimal("1290"), "亿元"), (2023, "actual", Decimal("6.2"), "%"),
        (2023, "target", Decimal("6"), "%"), (2024, "target", Decimal("5.5"), "%"),
    ]


def test_actuals_and_estimates_exact_rows_on_synthetic_reports(syn_data, tmp_path):
    rows = q("actuals_of_targeted_indicators", syn_data)
    assert [(r["indicator"], r["actual_year"], r["actual"], r["target_year"], r["target"]) for r in rows] == [
        ("地区生产总值", 2022, Decimal("5.1"), 2023, Decimal("6")),
        ("地区生产总值", 2023, Decimal("6.2"), 2024, Decimal("5.5")),
    ]
    assert q("estimates", syn_data) == ()
    est = _with(syn.analysis_2023(), **{"3000家": dict(status=Status.ESTIMATE)})
    rows = q("estimates", _dump([est], tmp_path / "e.nt"))
    assert [(r["indicator"], r["value"], r["unit"]) for r in rows] == [("新增市场主体", Decimal("3000"), "家")]


# ---------------------------------------------------------------- things and glossary


def _mention_spans(analysis, etype):
    """Mention spans per node, keyed by the node's label: the entity's name, or for an
    administrative division the gazetteer's name (香港 → 香港特别行政区)."""
    minter = Minter.create()
    gov = government_key(analysis.report)
    out = {}
    for e in analysis.entities:
        if e.type is etype and normalise_key(e.name):
            iri = minter.entity(gov, e.type, e.name, e.subtype, e.aliases)
            label = normalise_key(minter.division_name(iri) or e.name)
            out.setdefault(label, set()).update((m.start, m.end) for m in e.mentions)
    return out


def test_places_by_type_counts_every_mention_on_luohu(luohu, luohu_data):
    rows = q("places_by_type", luohu_data)
    got = {}
    for r in rows:
        got[normalise_key(r["place"])] = max(got.get(normalise_key(r["place"]), 0), r["mentions"])
    want = {k: len(v) for k, v in _mention_spans(luohu, EntityType.PLACE).items()}
    assert {k: got.get(k) for k in want} == want
    types = {r["type"] for r in rows}
    assert "AdministrativeArea" in types and types <= {
        "Place", "AdministrativeArea", "KeyArea", "Port", "Block", "Community", "GreenSpace", "WaterBody",
        "TransportLink", "Building"}


def test_places_by_type_exact_rows_on_synthetic_reports(syn_data):
    rows = q("places_by_type", syn_data)
    assert [(r["type"], r["place"], r["mentions"], r["reports"]) for r in rows] == [
        ("AdministrativeArea", "青禾区", 1, 1), ("AdministrativeArea", "江川市", 0, 0),
        ("GreenSpace", "东湖公园", 2, 2), ("KeyArea", "白石片区", 3, 1),
    ]


def test_sections_mentioning_place_on_luohu(luohu, luohu_data):
    rows = q("sections_mentioning_place", luohu_data)
    want = Counter()
    for key, spans in _mention_spans(luohu, EntityType.PLACE).items():
        for s, _e in spans:
            _p, sec = luohu.report.locate(s)
            if sec is not None:
                want[(key, sec.key)] += 1
    got = Counter()
    for r in rows:
        got[(normalise_key(r["place"]), r["section_key"])] = r["mentions"]
    assert got == want
    # narrowed to one place: only rows of places whose name contains it
    some = next(iter(want))[0][:2]
    assert all(some in r["place"] for r in q("sections_mentioning_place", luohu_data, place_contains=some))


def test_sections_mentioning_place_exact_rows_on_synthetic_reports(syn_data):
    rows = q("sections_mentioning_place", syn_data, place_contains="白石")
    assert [(r["place"], r["section_key"], r["section"], r["mentions"]) for r in rows] == [
        ("白石片区", "1.2", "城市品质持续提升", 2), ("白石片区", "2.1", "推动产业集聚", 1)]


def test_organisations_by_type_on_luohu(luohu, luohu_data):
    rows = q("organisations_by_type", luohu_data)
    gov = normalise_key(luohu.report.meta.government or "")
    want = {k: len(v) for k, v in _mention_spans(luohu, EntityType.ORGANIZATION).items() if k != gov}
    got = {normalise_key(r["organisation"]): r["mentions"] for r in rows}
    assert {k: got.get(k) for k in want} == want


def test_policy_documents_on_luohu_are_policies_named_in_title_marks(luohu, luohu_data):
    rows = q("policy_documents", luohu_data)
    text = luohu.report.text.text
    want = {normalise_key(e.name) for e in luohu.entities if e.type is EntityType.POLICY
            and any(text[max(0, m.start - 1):m.start] == "《" or "《" in m.surface for m in e.mentions)}
    assert {normalise_key(r["policy"]) for r in rows} == want
    assert all(r["sentence"] for r in rows)


def test_policy_documents_exact_rows_on_synthetic_reports(syn_data):
    rows = q("policy_documents", syn_data)
    assert [(r["policy"], r["section_key"]) for r in rows] == [("《青禾区促进产业发展若干措施》", "2.1")]


def test_programmes_in_area_on_luohu(luohu, luohu_data):
    rows = q("programmes_in_area", luohu_data)
    by_name = {normalise_key(n): e for e in luohu.entities for n in (e.name, *e.aliases)}
    located = {(normalise_key(r.object), normalise_key(r.subject)) for r in luohu.relations
               if r.predicate == "located_in" and by_name.get(normalise_key(r.subject)) is not None
               and by_name[normalise_key(r.subject)].type is EntityType.PROGRAMME}
    got = {(normalise_key(r["area"]), normalise_key(r["programme"])) for r in rows if r["how"] == "located_in"}
    assert located <= {(a, normalise_key(by_name[p].name) if p in by_name else p) for a, p in got} | got
    plan = [p for p in luohu.report.parts if p.role.value == "plan"]
    for r in rows:
        if r["how"] == "same_sentence":
            assert r["programme"] in r["sentence"] or normalise_key(r["programme"]) in normalise_key(r["sentence"])


def test_programmes_in_area_exact_rows_on_synthetic_reports(syn_data):
    rows = q("programmes_in_area", syn_data, area_contains="白石")
    assert [(r["area"], r["programme"], r["how"]) for r in rows] == [
        ("白石片区", "“3+2”产业计划", "located_in"), ("白石片区", "“3+2”产业计划", "same_sentence")]


def test_relations_with_evidence_on_luohu(luohu, luohu_data):
    rows = q("relations_with_evidence", luohu_data)
    assert rows
    text = luohu.report.text.text
    spans = {text[r.start:r.end] for r in luohu.relations}
    assert {r["evidence"] for r in rows} <= spans
    assert {r["predicate"] for r in rows} <= {"partOf", "locatedIn", "organisedBy", "runBy", "definedIn"}


def test_relations_with_evidence_exact_rows_on_synthetic_reports(syn_data):
    rows = q("relations_with_evidence", syn_data)
    assert [(r["subject"], r["predicate"], r["object"], r["evidence"]) for r in rows] == [
        ("“3+2”产业计划", "locatedIn", "白石片区", "在白石片区实施“3+2”产业计划"),
        ("白石片区", "partOf", "青禾区", "在白石片区实施“3+2”产业计划"),
    ]


def test_glossary_term_on_luohu_matches_the_answer_key(luohu_data, luohu_gold):
    entry = next(g for g in luohu_gold["glossary"] if g["key"] == "1+5+3+N")
    rows = q("glossary_term", luohu_data, key_is="1+5+3+N")
    symbols = []
    for r in rows:
        if (r["position"], r["symbol"]) not in symbols:
            symbols.append((r["position"], r["symbol"]))
    assert [s for _p, s in symbols] == [c["symbol"] for c in entry["components"]]
    assert rows[0]["term"] == entry["term"] and rows[0]["definition"] == entry["definition"]
    five = [r["member"] for r in rows if r["symbol"] == "5"]
    want = next(c for c in entry["components"] if c["symbol"] == "5")["members"]
    assert five == want


def test_glossary_term_lists_every_entry_of_luohu(luohu_data, luohu_gold):
    rows = q("glossary_term", luohu_data)
    assert {normalise_key(r["key"]) for r in rows} == {normalise_key(g["key"]) for g in luohu_gold["glossary"]}


def test_glossary_term_exact_rows_on_synthetic_reports(syn_data):
    rows = q("glossary_term", syn_data, key_is="3+2")
    assert [(r["position"], r["symbol"], r["meaning"], r["member_position"], r["member"]) for r in rows] == [
        (1, "3", "3个主导产业", 1, "金融"), (1, "3", "3个主导产业", 2, "商贸"), (1, "3", "3个主导产业", 3, "科技"),
        (2, "2", "2个支撑平台", 1, "青禾科创中心"), (2, "2", "2个支撑平台", 2, "东湖会展中心")]


def test_glossary_mentions_on_luohu(luohu, luohu_data):
    rows = q("glossary_mentions", luohu_data)
    want = Counter(normalise_key(t.entry.key or t.entry.term) for t in luohu.glossary_terms for _ in
                   {(m.start, m.end) for m in t.mentions})
    got = Counter(normalise_key(r["key"] or r["term"]) for r in rows)
    assert got == want
    assert all(r["surface"] in r["sentence"] for r in rows if r["sentence"])


def test_glossary_mentions_exact_rows_on_synthetic_reports(syn_data):
    rows = q("glossary_mentions", syn_data)
    assert [(r["key"], r["section_key"], r["surface"]) for r in rows] == [("3+2", "2.1", "“3+2”产业计划")]


def test_entity_mentions_by_section_on_luohu(luohu, luohu_data):
    rows = q("entity_mentions_by_section", luohu_data)
    places = Counter()
    for key, spans in _mention_spans(luohu, EntityType.PLACE).items():
        secs = {luohu.report.locate(s)[1] for s, _ in spans}
        for sec in secs:
            if sec is not None:
                places[sec.key] += 1
    assert {r["section_key"]: r["places"] for r in rows if r["places"]} == dict(places)


def test_entity_mentions_by_section_exact_rows_on_synthetic_reports(syn_data):
    rows = q("entity_mentions_by_section", syn_data)
    assert [(r["section_key"], r["places"], r["programmes"], r["policies"]) for r in rows] == [
        ("1.2", 2, 0, 0), ("2.1", 2, 1, 1), ("1.1", 0, 1, 0), ("2.1", 1, 0, 0)]


NATIONAL_ABSENCE = (2018, 2020, 2023, 2024)


@pytest.fixture(scope="module")
def national_absence_data(corpus, tmp_path_factory) -> Path:
    analyses = [analyse(corpus / f"national-china-{y}.txt") for y in NATIONAL_ABSENCE]
    return _dump(analyses, tmp_path_factory.mktemp("national-absence") / "graph.nt")


def _target_key(government, key, year, target, actual, verdict, strict):
    norm = (lambda v: None if v is None or v == "" else format(Decimal(str(v)).normalize(), "f"))
    return (str(government), str(key), int(year), norm(target), norm(actual), str(verdict), str(strict))


def test_targets_vs_outcomes_gives_the_rows_of_kg_targets_with_explicit_absences(corpus, national_absence_data):
    """The SPARQL query and `kg targets` (kg.indicators.target_table) list the same targets,
    outcomes and verdicts — the 2020 report's "没有提出全年经济增速具体目标" included."""
    from kg.indicators import target_table

    table = target_table([corpus / f"national-china-{y}.txt" for y in NATIONAL_ABSENCE])
    want = Counter(_target_key(o.government, o.indicator_key, o.year, o.target_value, o.actual_value, o.verdict,
                               o.verdict_strict) for o in table)
    rows = q("targets_vs_outcomes", national_absence_data)
    got = Counter(_target_key(r["government"], r["indicator_key"], r["year"], r["target"], r["actual"], r["verdict"],
                              r["verdict_strict"]) for r in rows)
    assert got == want, {"only_sparql": list(got - want)[:3], "only_kg_targets": list(want - got)[:3]}
    absent = [r for r in rows if r["verdict"] == "no target"]
    assert [(r["indicator_key"], r["year"]) for r in absent] == [("生产总值", 2020)]
    assert "没有提出全年经济增速具体目标" in absent[0]["target_sentence"]
