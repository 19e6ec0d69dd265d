"""kg.links: plan-year targets and their outcomes, linked across reports at build time
(synthetic triples in the graph's shape, and the synthetic fixture reports)."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.export import build_dump
from kg.links import COUNTS, LinkIndex, index_report, link_chunks, link_lines
from kg.vocab import KG

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORTS = [FIXTURES / "rdf-qinghe-2023.txt", FIXTURES / "rdf-qinghe-2024.txt"]
B = "https://kg.example.org/"
GOV = URIRef(B + "gov/qinghe")
OBSERVED = URIRef("http://www.w3.org/ns/sosa/observedProperty")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _report(year: int, obs: list[dict]) -> tuple[str, list[tuple]]:
    """Triples of one report of plan year ``year`` with observations ``obs`` (name, status,
    key, year, start, and optional kind, unit, period, section, value)."""
    rep = f"{B}report/qinghe-{year}"
    r = URIRef(rep)
    t = [(r, KG.planYear, Literal(year)), (r, KG.government, GOV)]
    for o in obs:
        s = URIRef(f"{rep}/obs/{o['name']}")
        ind = URIRef(f"{B}indicator/qinghe/{o['key']}")
        span = URIRef(f"{rep}/span/{o['start']}")
        t += [(s, KG.status, getattr(KG, o["status"])), (s, OBSERVED, ind),
              (s, KG.refYear, Literal(o["year"])), (s, KG.kind, getattr(KG, o.get("kind", "Change"))),
              (s, KG.qualifier, KG.Approximately), (s, KG.normalisedUnit, Literal(o.get("unit", "%"))),
              (s, KG.normalisedValue, Literal(o.get("value", "5"))), (s, KG.inReport, r), (s, KG.span, span),
              (span, KG.start, Literal(o["start"])), (ind, SKOS.notation, Literal(o["key"]))]
        if "period" in o:
            t.append((s, KG.period, Literal(o["period"])))
        if "section" in o:
            t.append((s, KG.sectionKey, Literal(o["section"])))
    return rep, t


def _links(*reports: tuple[str, list[tuple]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for _rep, line in link_lines([index_report(t, rep) for rep, t in reports]):
        s, p, o = line.split(" ", 2)
        o = o[:-3]
        out.setdefault(p.strip("<>").rsplit("#", 1)[1], set()).add(
            f"{s.strip('<>').rsplit('/', 1)[1]}>{o.strip('<>').rsplit('/', 1)[1] if o.startswith('<') else o}")
    return out


def test_a_target_links_to_the_next_reports_actual_before_its_estimate_and_not_a_multi_year_figure():
    plan = _report(2024, [{"name": "t", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 10},
                          # restated later: the same target, no second PlanTarget
                          {"name": "t2", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 90},
                          # not the plan year: no PlanTarget
                          {"name": "t3", "status": "Target", "key": "地区生产总值", "year": 2027, "start": 95,
                           "value": "6"}])
    review = _report(2025, [{"name": "e", "status": "Estimate", "key": "地区生产总值", "year": 2024, "start": 5},
                            {"name": "m", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 7,
                             "period": "multi-year"},
                            {"name": "a", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 50},
                            {"name": "x", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 3,
                             "kind": "Amount"}])
    links = _links(plan, review)
    assert links["type"] == {"t>ontology#PlanTarget"}
    assert links["outcome"] == {"t>a"}
    # without the actual, the estimate; a one-year target never takes the multi-year figure
    review2 = (review[0], [t for t in review[1] if not str(t[0]).endswith("/obs/a")])
    assert _links(plan, review2)["outcome"] == {"t>e"}


def test_failing_the_same_indicator_a_key_that_extends_the_targets_is_taken():
    plan = _report(2024, [{"name": "t", "status": "Target", "key": "粮食产量", "year": 2024, "start": 10}])
    review = _report(2025, [{"name": "a", "status": "Actual", "key": "粮食产量首次跃上", "year": 2024, "start": 5},
                            {"name": "b", "status": "Actual", "key": "粮食", "year": 2024, "start": 1}])
    assert _links(plan, review)["outcome"] == {"t>a"}
    # a key of fewer than 4 characters is never extended
    short = _report(2024, [{"name": "t", "status": "Target", "key": "粮食", "year": 2024, "start": 10}])
    review3 = _report(2025, [{"name": "a", "status": "Actual", "key": "粮食产量", "year": 2024, "start": 5}])
    assert "outcome" not in _links(short, review3)


def test_links_do_not_depend_on_the_order_reports_arrive_in():
    plan = _report(2024, [{"name": "t", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 10}])
    review = _report(2025, [{"name": "a", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 50},
                            {"name": "t", "status": "Target", "key": "地区生产总值", "year": 2025, "start": 60}])
    one = link_lines([index_report(t, rep) for rep, t in (plan, review)])
    two = link_lines([index_report(t, rep) for rep, t in (review, plan)])
    kept = [line for _rep, line in one if "ontology#kept" in line]  # the kept target's row copies
    assert one == two == sorted(one) and len(one) == 3 + 2 * len(COUNTS) + len(kept)  # the links, each report's counts


def _moved(report: tuple[str, list[tuple]], name: str) -> tuple[str, list[tuple]]:
    """The same report of another government (every IRI's "qinghe" renamed)."""
    rep, triples = report
    def m(x):
        return URIRef(str(x).replace("qinghe", name)) if isinstance(x, URIRef) else x
    return rep.replace("qinghe", name), [tuple(m(x) for x in t) for t in triples]


def test_the_build_index_on_disk_links_as_memory_does_one_government_at_a_time_and_leaves_no_file(tmp_path):
    plan = _report(2024, [{"name": "t", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 10}])
    review = _report(2025, [{"name": "a", "status": "Actual", "key": "地区生产总值", "year": 2024, "start": 50},
                            {"name": "t", "status": "Target", "key": "地区生产总值", "year": 2025, "start": 60}])
    reports = [plan, review, _moved(plan, "yunxi"), _moved(review, "yunxi"), _moved(review, "baisha")]
    indexes = [index_report(t, rep) for rep, t in reports]
    expected = link_lines(indexes)
    kept = [line for _rep, line in expected if "ontology#kept" in line]  # the kept targets' row copies
    assert len(expected) == 7 + 5 * len(COUNTS) + len(kept) and len({rep for rep, _line in expected}) == 5
    index = LinkIndex(tmp_path)
    for i in reversed(indexes):
        index.add(i)
    assert len(list(index)) == 3  # one part per government
    chunks = list(link_chunks(index))
    assert [c.report for c in chunks] == sorted({rep for rep, _line in expected})
    assert "".join(c.text for c in chunks) == "".join(line for _rep, line in expected)
    assert list(tmp_path.iterdir()) == []  # the temporary index is gone once the links are written


def test_the_build_writes_the_links_kg_targets_makes(tmp_path):
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    build_dump(REPORTS, tmp_path, "nt", workers=1)
    st = ox.Store()
    st.load(path=str(tmp_path / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    q = """PREFIX kg: <https://kg.example.org/ontology#>
      SELECT ?ts ?as WHERE { ?t a kg:PlanTarget ; kg:outcome ?a ; kg:span/kg:start ?ts . ?a kg:span/kg:start ?as }"""
    graph = {(int(r["ts"].value), int(r["as"].value)) for r in st.query(q)}
    from kg.indicators import target_table

    python = {(o.target_start, o.actual_start) for o in target_table(REPORTS) if o.actual_start is not None}
    assert graph and graph == python


def test_the_build_index_links_a_large_government_part_by_part_as_memory_does_all_at_once(tmp_path):
    # one government, targets and candidates spread over keys, key heads, kinds, units and
    # years; a key extending the target's (the head lookup crosses indicators); the review
    # twice from two files with one report IRI, the second copy's estimate earlier and in
    # another unit (the first copy of an observation is the one used, here and in memory)
    obs = [{"name": f"t{k}{u}", "status": "Target", "key": k, "year": 2024, "start": 10 + i, "unit": u}
           for i, (k, u) in enumerate((k, u) for k in ("粮食产量", "地区生产总值", "财政收入", "粮食") for u in ("%", "亿元"))]
    obs.append({"name": "tkind", "status": "Target", "key": "粮食产量", "year": 2024, "start": 40, "kind": "Amount"})
    plan = _report(2024, obs)
    cands = [{"name": "a1", "status": "Actual", "key": "粮食产量首次跃上", "year": 2024, "start": 5},
             {"name": "a2", "status": "Estimate", "key": "地区生产总值", "year": 2024, "start": 6, "unit": "亿元"},
             {"name": "a3", "status": "Actual", "key": "粮食产量", "year": 2024, "start": 7, "kind": "Amount"},
             {"name": "a4", "status": "Actual", "key": "粮食", "year": 2024, "start": 8},
             {"name": "a5", "status": "Actual", "key": "财政收入", "year": 2024, "start": 9, "unit": "亿元"},
             {"name": "a6", "status": "Actual", "key": "地区生产总值", "year": 2023, "start": 11}]
    review = _report(2025, cands)
    copy = _report(2025, [dict(c, start=1, unit="%") if c["name"] == "a2" else c for c in cands]
                   + [{"name": "a7", "status": "Estimate", "key": "地区生产总值", "year": 2024, "start": 2, "unit": "亿元"}])
    indexes = [index_report(t, rep) for rep, t in (plan, review, copy)]
    expected = link_lines(indexes)
    assert sum(" <https://kg.example.org/ontology#outcome> " in line for _rep, line in expected) == 5
    index = LinkIndex(tmp_path)
    for i in indexes:
        index.add(i)
    assert len(list(index)) == 1  # one government
    parts = index._db.execute("SELECT COUNT(DISTINCT part) FROM idx").fetchone()[0]
    assert parts >= 8  # ...linked in parts
    assert any(line.endswith("/obs/a7> .\n") for _rep, line in expected)  # not the copy's a2, not linked
    assert list(index.lines()) == expected
    index.close()


def test_each_report_gets_its_counts_of_parts_sections_sentences_figures_mentions_and_glossary_terms(tmp_path):
    rep, triples = _report(2024, [{"name": "t", "status": "Target", "key": "地区生产总值", "year": 2024, "start": 10}])
    r = URIRef(rep)
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    for i in range(3):  # three sentences, one of them typed twice; a part; a section of another report
        sen = URIRef(f"{rep}/sentence/{i}")
        triples += [(sen, RDF.type, KG.Sentence), (sen, KG.inReport, r)]
    triples += [(URIRef(f"{rep}/sentence/0"), RDF.type, KG.Sentence), (URIRef(f"{rep}/part/1"), RDF.type, KG.Part),
                (URIRef(f"{rep}/part/1"), KG.inReport, r), (URIRef(f"{rep}/section/1"), RDF.type, KG.Section),
                (URIRef(f"{rep}/section/1"), KG.inReport, URIRef(B + "report/other"))]
    for i in range(2):  # two mentions derived from the report; a glossary term linked by kg:inReport only
        m = URIRef(f"{rep}/mention/{i}")
        triples += [(m, RDF.type, KG.Mention), (m, prov, r)]
    triples += [(URIRef(f"{rep}/term/1"), RDF.type, KG.GlossaryTerm), (URIRef(f"{rep}/term/1"), KG.inReport, r)]
    counts = {line.split(" ")[1].rsplit("#", 1)[1].rstrip(">"): int(line.split('"')[1])
              for _rep, line in link_lines([index_report(triples, rep)]) if "Count> " in line}
    assert counts == {"partCount": 1, "sectionCount": 0, "sentenceCount": 3, "observationCount": 0,
                      "mentionCount": 2, "glossaryTermCount": 0}
    # the build's on-disk index writes the same lines; a second report of one IRI keeps the first's counts
    index = LinkIndex(tmp_path)
    index.add(index_report(triples, rep))
    index.add(index_report(triples[:2], rep))
    lines = list(index.lines())
    assert lines == link_lines([index_report(triples, rep), index_report(triples[:2], rep)])
    assert sum("Count> " in line for _rep, line in lines) == len(COUNTS)
    assert any('#sentenceCount> "3"' in line for _rep, line in lines)
    index.close()


def test_a_policy_named_in_title_marks_is_marked_once_whichever_report_names_it(tmp_path):
    from kg.vocab import OA

    def named(rep: str, i: int, body: URIRef, exact: str, prefix: str | None, quote: bool = True) -> list[tuple]:
        m, span, sel = URIRef(f"{rep}/mention/{i}"), URIRef(f"{rep}/span/{i}"), URIRef(f"{rep}/span/{i}/quote")
        t = [(m, OA.hasBody, body), (m, OA.hasTarget, span), (span, OA.hasSelector, sel), (sel, OA.exact, Literal(exact))]
        if quote:
            t.append((sel, RDF.type, OA.TextQuoteSelector))
        if prefix is not None:
            t.append((sel, OA.prefix, Literal(prefix)))
        return t

    doc, law, plan, firm = (URIRef(f"{B}policy/{n}") for n in ("doc", "law", "plan", "firm"))
    rep, triples = _report(2024, [])
    triples += [(p, RDF.type, KG.Policy) for p in (doc, law, plan)] + [(firm, RDF.type, KG.Organization)]
    triples += named(rep, 1, doc, "十四五规划", "实施《")           # the mark right before the mention
    triples += named(rep, 2, law, "《条例》", None)                  # the text carries the marks
    triples += named(rep, 3, plan, "行动计划", "实施")               # no marks: not a document
    triples += named(rep, 4, plan, "行动计划", "《", quote=False)    # not a text-quote selector
    triples += named(rep, 5, firm, "公司", "《")                     # not a policy
    rep2, triples2 = _report(2025, [])  # a later report names the same document so too: marked once
    triples2 += named(rep2, 1, doc, "十四五规划", "《") + [(doc, RDF.type, KG.Policy)]
    lines = link_lines([index_report(triples, rep), index_report(triples2, rep2)])
    marked = [(r, line.split(" ")[0]) for r, line in lines if "#namedInTitleMarks> " in line]
    assert marked == [(rep, f"<{doc}>"), (rep, f"<{law}>")]
    index = LinkIndex(tmp_path)
    index.add(index_report(triples, rep))
    index.add(index_report(triples2, rep2))
    assert list(index.lines()) == lines
    index.close()


def test_the_names_of_places_and_areas_get_their_bigrams_once_in_the_smallest_report_that_names_them(tmp_path):
    from rdflib.namespace import RDFS

    def zh(text: str) -> Literal:
        return Literal(text, lang="zh")

    port, zone, firm, org, block, stmt = (URIRef(f"{B}entity/{n}") for n in ("port", "zone", "firm", "org", "block", "s"))
    rep, triples = _report(2025, [])
    triples += [(port, RDF.type, KG.Place), (port, RDFS.label, zh("东港口岸")),       # a place
                (firm, RDF.type, KG.Organization), (firm, RDFS.label, zh("港务公司")),  # not a place, no relation
                (org, RDFS.label, zh("港区管委会")), (firm, KG.partOf, org),           # an object of kg:partOf
                (block, RDFS.label, zh("港城街区")),                                     # an object of a located-in statement
                (stmt, RDF.predicate, KG.locatedIn), (stmt, RDF.object, block), (stmt, RDF.subject, firm),
                (zone, RDF.type, KG.Place), (zone, RDFS.label, zh("港"))]              # one character: no bigram
    rep0, triples0 = _report(2024, [])  # an earlier report names the port too: its bigrams go with it
    triples0 += [(port, RDF.type, KG.Place), (port, RDFS.label, zh("东港口岸"))]
    lines = link_lines([index_report(triples, rep), index_report(triples0, rep0)])
    grams = sorted((r, line.split(" ")[0], line.split('"')[1]) for r, line in lines if "#nameBigram> " in line)
    assert grams == sorted([(rep0, f"<{port}>", g) for g in ("东港", "港口", "口岸")]
                           + [(rep, f"<{org}>", g) for g in ("港区", "区管", "管委", "委会")]
                           + [(rep, f"<{block}>", g) for g in ("港城", "城街", "街区")])
    # the build's on-disk index writes the same lines, in either order of the reports
    for order in ((triples, rep), (triples0, rep0)), ((triples0, rep0), (triples, rep)):
        index = LinkIndex(tmp_path)
        for t, r in order:
            index.add(index_report(t, r))
        assert list(index.lines()) == lines
        index.close()


def test_each_section_with_a_mention_gets_its_counts_of_the_distinct_things_its_mentions_name(tmp_path):
    from kg.links import SECTION_COUNTS
    from kg.vocab import OA

    rep, triples = _report(2024, [])
    sec1, sec2, sec3 = (URIRef(f"{rep}/section/{i}") for i in (1, 2, 3))
    port, park, firm, plan, thing = (URIRef(f"{B}entity/{n}") for n in ("port", "park", "firm", "plan", "thing"))
    triples += [(port, RDF.type, KG.Place), (park, RDF.type, KG.Place), (firm, RDF.type, KG.Organization),
                (firm, RDF.type, KG.Place), (plan, RDF.type, KG.Policy)]  # thing: of none of the five classes

    def mention(i: int, body: URIRef, sec: URIRef, typed: bool = True) -> list[tuple]:
        m, span = URIRef(f"{rep}/mention/{i}"), URIRef(f"{rep}/span/{i}")
        t = [(m, OA.hasBody, body), (m, OA.hasTarget, span), (span, KG.inSection, sec)]
        return t + [(m, RDF.type, KG.Mention)] if typed else t

    triples += mention(1, port, sec1) + mention(2, port, sec1) + mention(3, park, sec1)  # the port once
    triples += mention(4, firm, sec1) + mention(5, plan, sec1, typed=False)             # not a kg:Mention
    triples += mention(6, thing, sec2)                                                  # a row of zeros
    triples += [(URIRef(f"{rep}/span/9"), KG.inSection, sec3)]                          # no mention: no counts
    lines = link_lines([index_report(triples, rep)])
    counts = {(line.split(" ")[0], line.split(" ")[1].rsplit("#", 1)[1].rstrip(">")): int(line.split('"')[1])
              for _rep, line in lines if "Count> " in line and "/section/" in line}
    names = [prop.rsplit("#", 1)[1] for _cls, prop in SECTION_COUNTS]
    assert counts == {**{(f"<{sec1}>", n): v for n, v in zip(names, (3, 1, 0, 0, 0))},
                      **{(f"<{sec2}>", n): 0 for n in names}}
    index = LinkIndex(tmp_path)
    index.add(index_report(triples, rep))
    index.add(index_report(triples[:-3], rep))  # a second file of the same report: the first's counts kept
    assert list(index.lines()) == link_lines([index_report(triples, rep), index_report(triples[:-3], rep)])
    index.close()


def test_each_thing_gets_the_sentences_its_mentions_stand_in_with_their_report(tmp_path):
    from kg.vocab import OA

    def mention(rep: str, i: int, body: URIRef, sentence: str | None) -> list[tuple]:
        m, span = URIRef(f"{rep}/mention/{i}"), URIRef(f"{rep}/span/m{i}")
        t = [(m, RDF.type, KG.Mention), (m, OA.hasBody, body), (m, OA.hasTarget, span)]
        return t + ([(span, KG.inSentence, URIRef(f"{rep}/sentence/{sentence}"))] if sentence else [])

    port, park = URIRef(f"{B}entity/port"), URIRef(f"{B}entity/park")
    rep1, t1 = _report(2024, [])
    rep2, t2 = _report(2025, [])
    t1 += mention(rep1, 1, port, "1") + mention(rep1, 2, port, "1") + mention(rep1, 3, park, None)
    t2 += mention(rep2, 1, port, "4")
    lines = link_lines([index_report(t2, rep2), index_report(t1, rep1)])
    sentences = {(r, line.split(" ")[0], line.split(" ")[2]) for r, line in lines if "#mentionedInSentence> " in line}
    assert sentences == {(rep1, f"<{port}>", f"<{rep1}/sentence/1>"), (rep2, f"<{port}>", f"<{rep2}/sentence/4>")}
    # the build's on-disk index: the same lines; a second file of one report IRI written once
    index = LinkIndex(tmp_path)
    for t, r in ((t1, rep1), (t2, rep2), (t1, rep1)):
        index.add(index_report(t, r))
    assert list(index.lines()) == lines
    index.close()


def test_a_target_is_paired_with_the_actuals_its_report_states_for_the_same_indicator_and_kind():
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    rep, triples = _report(2025, [
        {"name": "t", "status": "Target", "key": "gdp", "year": 2025, "start": 10},
        {"name": "a", "status": "Actual", "key": "gdp", "year": 2024, "start": 5},
        {"name": "a2", "status": "Actual", "key": "gdp", "year": 2024, "start": 7, "kind": "Amount"}, # another kind
        {"name": "a3", "status": "Actual", "key": "grain", "year": 2024, "start": 8},                # another indicator
        {"name": "e", "status": "Estimate", "key": "gdp", "year": 2024, "start": 9},                 # not an actual
        {"name": "a4", "status": "Actual", "key": "gdp", "year": 2024, "start": 11}])                # not from the report
    triples += [(URIRef(f"{rep}/obs/{n}"), derived, URIRef(rep)) for n in ("t", "a", "a2", "a3", "e", "a5")]
    triples += [(URIRef(f"{rep}/obs/{n}"), RDF.type, KG.Observation) for n in ("t", "a", "a2", "a3", "e", "a4")]
    triples += _report(2025, [{"name": "a5", "status": "Actual", "key": "gdp", "year": 2024, "start": 12}])[1]  # no kg:Observation
    assert _links((rep, triples))["pairedActual"] == {"t>a"}


def test_a_pairs_observations_carry_copies_of_the_values_its_row_gives():
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    rep, triples = _report(2025, [
        {"name": "t", "status": "Target", "key": "gdp", "year": 2025, "start": 10},
        {"name": "a", "status": "Actual", "key": "gdp", "year": 2024, "start": 5},
        {"name": "u", "status": "Target", "key": "grain", "year": 2025, "start": 20}])  # no actual: no copies
    for n, v, unit in (("t", "5.5", "%"), ("a", "5.2", "%"), ("u", "1", "亿斤")):
        s = URIRef(f"{rep}/obs/{n}")
        triples += [(s, derived, URIRef(rep)), (s, RDF.type, KG.Observation),
                    (s, KG.statedValue, Literal(v)), (s, KG.statedUnit, Literal(unit))]
    t = URIRef(f"{rep}/obs/t")
    triples += [(t, KG.statedIndicator, Literal("全市生产总值增长", lang="zh")),
                (URIRef(f"{B}indicator/qinghe/gdp"), SKOS.prefLabel, Literal("生产总值", lang="zh"))]
    links = _links((rep, triples))
    assert links["pairedActual"] == {"t>a"}
    assert links["pairedReport"] == {"t>qinghe-2025"}
    assert links["pairedIndicator"] == {'t>"全市生产总值增长"@zh'}  # the stated phrase before the node's label
    assert links["pairedQualifier"] == {'t>"approx"'}
    assert links["pairedValue"] == {'t>"5.5"', 'a>"5.2"'}
    assert links["pairedUnit"] == {'t>"%"', 'a>"%"'}
    assert links["pairedYear"] == {f't>"2025"^^<{XSD_INTEGER}>', f'a>"2024"^^<{XSD_INTEGER}>'}
    assert links["pairedStart"] == {f't>"10"^^<{XSD_INTEGER}>', f'a>"5"^^<{XSD_INTEGER}>'}
    # without a stated phrase: the indicator node's label
    triples.remove((t, KG.statedIndicator, Literal("全市生产总值增长", lang="zh")))
    assert _links((rep, triples))["pairedIndicator"] == {'t>"生产总值"@zh'}


def test_a_relation_assertion_carries_copies_of_its_evidence():
    from kg.vocab import OA

    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    rep, triples = _report(2025, [])
    a, span, sel, sen = (URIRef(f"{rep}/{x}") for x in ("assertion/1", "span/r1", "selector/r1", "sentence/3"))
    triples += [(a, RDF.type, KG.RelationAssertion), (a, derived, URIRef(rep)), (a, KG.span, span),
                (span, KG.start, Literal(40)), (span, OA.hasSelector, sel), (sel, OA.exact, Literal("甲园区位于乙区")),
                (span, KG.inSentence, sen), (sen, KG.text, Literal("甲园区位于乙区，加快建设。", lang="zh"))]
    # a span of another kind of annotation: no copies
    m, mspan = URIRef(f"{rep}/mention/1"), URIRef(f"{rep}/span/m1")
    triples += [(m, RDF.type, KG.Mention), (m, KG.span, mspan), (mspan, KG.start, Literal(41))]
    links = _links((rep, triples))
    assert links["evidenceReport"] == {"1>qinghe-2025"}
    assert links["evidenceStart"] == {f'1>"40"^^<{XSD_INTEGER}>'}
    assert links["evidenceText"] == {'1>"甲园区位于乙区"'}
    assert links["evidenceSentence"] == {'1>"甲园区位于乙区，加快建设。"@zh'}
    # no sentence: no copy of one (the query's sentence is then unbound)
    triples.remove((span, KG.inSentence, sen))
    assert "evidenceSentence" not in _links((rep, triples))
