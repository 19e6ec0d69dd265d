"""The row copies the build writes on the targets queries/targets_vs_outcomes.rq lists (kg.links:
kg:keptKey …): on a target with an outcome and on a main target, the target's own values; on no
other target. Synthetic reports in the genre's shape (a plan year, a target, next year's actual)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.links import KEPT_COPIES, LinkIndex, index_report, link_chunks, link_lines
from kg.vocab import KG, SOSA

B = "https://kg.example.org/"
GOV = URIRef(B + "gov/qinghe")
KEPT = B + "ontology#kept"


def _report(year: int, obs: list[dict]) -> tuple[str, list[tuple]]:
    """One report of plan year ``year`` with observations ``obs`` (name, status, key, year, start,
    value, and optional section), each with a stated value and unit, a qualifier and a sentence."""
    rep = f"{B}report/qinghe-{year}"
    r = URIRef(rep)
    t = [(r, KG.planYear, Literal(year)), (r, KG.government, GOV)]
    for o in obs:
        s = URIRef(f"{rep}/obs/{o['name']}")
        ind = URIRef(f"{B}indicator/qinghe/{o['key']}")
        span, sen = URIRef(f"{rep}/span/{o['start']}"), URIRef(f"{rep}/sentence/{o['start']}")
        t += [(s, KG.status, getattr(KG, o["status"])), (s, SOSA.observedProperty, ind), (s, KG.government, GOV),
              (s, KG.refYear, Literal(o["year"])), (s, KG.kind, KG.Change), (s, KG.qualifier, KG.AtLeast),
              (s, KG.normalisedUnit, Literal("%")), (s, KG.normalisedValue, Literal(o["value"], datatype=XSD.decimal)),
              (s, KG.statedValue, Literal(o["value"], datatype=XSD.decimal)), (s, KG.statedUnit, Literal("%")),
              (s, KG.statedIndicator, Literal(o["key"] + "增长", lang="zh")), (s, KG.inReport, r), (s, KG.span, span),
              (span, KG.start, Literal(o["start"])), (span, KG.inSentence, sen),
              (sen, KG.text, Literal(f"{o['key']}增长{o['value']}%。", lang="zh")), (ind, SKOS.notation, Literal(o["key"]))]
        if "section" in o:
            t.append((s, KG.sectionKey, Literal(o["section"])))
    return rep, t


def _copies(lines: list[tuple[str, str]]) -> dict[str, set[str]]:
    """kept property → the "name object" pairs of its copies."""
    out: dict[str, set[str]] = {}
    for _rep, line in lines:
        s, p, o = line.split(" ", 2)
        if p.startswith("<" + KEPT):
            out.setdefault(p.strip("<>").rsplit("#", 1)[1], set()).add(f"{s.strip('<>').rsplit('/', 1)[1]} {o[:-3]}")
    return out


PLAN = _report(2024, [
    {"name": "linked", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 10, "value": "6", "section": "1.2"},
    {"name": "main", "status": "Target", "key": "粮食产量", "year": 2024, "start": 20, "value": "1", "section": "2.0"},
    {"name": "other", "status": "Target", "key": "城镇新增就业", "year": 2024, "start": 30, "value": "3", "section": "2.1"},
])
REVIEW = _report(2025, [{"name": "a", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 50, "value": "6.2"}])


def test_a_kept_target_carries_copies_of_its_own_values_and_no_other_target_does():
    copies = _copies(link_lines([index_report(t, rep) for rep, t in (PLAN, REVIEW)]))
    assert set(copies) == {prop for prop, _path in KEPT_COPIES} - {"keptValueMax", "keptDirection"}
    for prop, pairs in copies.items():
        assert {p.split(" ", 1)[0] for p in pairs} == {"linked", "main"}, prop  # "other": no outcome, not main
    assert copies["keptValue"] == {'linked "6"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                                   'main "1"^^<http://www.w3.org/2001/XMLSchema#decimal>'}
    assert copies["keptKey"] == {'linked "地区生产总值"', 'main "粮食产量"'}
    assert copies["keptYear"] == {f'{n} "2024"^^<http://www.w3.org/2001/XMLSchema#integer>' for n in ("linked", "main")}
    assert copies["keptQualifier"] == {f"{n} <{KG.AtLeast}>" for n in ("linked", "main")}
    assert copies["keptGovernment"] == {f"{n} <{GOV}>" for n in ("linked", "main")}
    assert copies["keptSentence"] == {'linked "地区生产总值增长6%。"@zh', 'main "粮食产量增长1%。"@zh'}


def test_without_the_next_report_only_the_main_target_is_kept():
    copies = _copies(link_lines([index_report(PLAN[1], PLAN[0])]))
    assert {p.split(" ", 1)[0] for pairs in copies.values() for p in pairs} == {"main"}


def test_the_build_index_on_disk_writes_the_same_copies_as_memory(tmp_path):
    indexes = [index_report(t, rep) for rep, t in (REVIEW, PLAN)]
    index = LinkIndex(tmp_path)
    for i in indexes:
        index.add(i)
    text = "".join(c.text for c in link_chunks(index))
    assert text == "".join(line for _rep, line in link_lines(indexes)) and KEPT + "Sentence" in text
