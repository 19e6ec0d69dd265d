"""Analyses → triples: ontology terms, provenance to span and sentence, identity, dumps."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, SOSA, XSD

from kg.export import DumpFormat, serialize
from kg.iri import Minter
from kg.model import Analysis, Text
from kg.rdf import analysis_to_graph, build_graph, decimal_literal, iter_triples
from kg.validate import ontology_graph, validate
from kg.vocab import KG, OA

_spec = importlib.util.spec_from_file_location(
    "rdf_synthetic", Path(__file__).resolve().parent.parent / "fixtures" / "rdf_synthetic.py"
)
syn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(syn)

M = Minter.create("https://kg.example.org/")
R23 = URIRef(M.report_of(syn.report_2023()))
R24 = URIRef(M.report_of(syn.analysis_2024().report))


@pytest.fixture(scope="module")
def a23() -> Analysis:
    return syn.analysis_2023()


@pytest.fixture(scope="module")
def a24() -> Analysis:
    return syn.analysis_2024()


@pytest.fixture(scope="module")
def both(a23, a24) -> Graph:
    return build_graph([a23, a24], base_iri="https://kg.example.org/")


def _one(g: Graph, s, p):
    vals = list(g.objects(s, p))
    assert len(vals) == 1, (s, p, vals)
    return vals[0]


# ------------------------------------------------------------------ ontology


def test_every_ontology_term_has_zh_and_en_labels_and_comments():
    g = ontology_graph()
    terms = [s for s in g.subjects(RDF.type, None) if str(s).startswith(str(KG)) and (
        (s, RDF.type, OWL.Class) in g or (s, RDF.type, OWL.ObjectProperty) in g
        or (s, RDF.type, OWL.DatatypeProperty) in g or (s, RDF.type, OWL.NamedIndividual) in g)]
    assert len(terms) > 60
    for t in terms:
        for p in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(t, p)}
            assert {"zh", "en"} <= langs, (t, p)


def test_vocab_namespace_lists_exactly_the_ontology_terms():
    g = ontology_graph()
    defined = {str(s)[len(str(KG)):] for s in g.subjects() if str(s).startswith(str(KG))}
    declared = set(KG.__annotations__)
    assert declared == defined


def test_ontology_reuses_w3c_vocabularies_for_the_core_classes():
    g = ontology_graph()
    supers = {c: {str(o) for o in g.transitive_objects(c, RDFS.subClassOf)} for c in
              (KG.GlossaryTerm, KG.Observation, KG.Indicator, KG.Organization, KG.Place, KG.TextSpan, KG.Mention)}
    assert str(SKOS.Concept) in supers[KG.GlossaryTerm]
    assert "http://purl.org/linked-data/cube#Observation" in supers[KG.Observation]
    assert str(SOSA.Observation) in supers[KG.Observation]
    assert "http://www.w3.org/ns/org#Organization" in supers[KG.Organization]
    assert "https://schema.org/Place" in supers[KG.Place]
    assert str(OA.SpecificResource) in supers[KG.TextSpan]
    assert str(OA.Annotation) in supers[KG.Mention]


def test_graph_uses_only_terms_the_ontology_defines(both):
    defined = {str(s) for s in ontology_graph().subjects()}
    used = {str(t) for triple in both for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert used and used <= defined


# ------------------------------------------------------------------ validity


def test_synthetic_reports_conform_to_the_shapes(both):
    conforms, text = validate(both)
    assert conforms, text


def test_structure_only_analysis_builds_and_conforms(a23):
    g = analysis_to_graph(syn.structure_only(a23))
    assert (R23, RDF.type, KG.Report) in g
    assert len(list(g.subjects(RDF.type, KG.Section))) == 3
    conforms, text = validate(g)
    assert conforms, text


def test_shapes_report_an_observation_without_its_span(a23):
    g = analysis_to_graph(a23)
    obs = next(g.subjects(RDF.type, KG.Observation))
    g.remove((obs, KG.span, None))
    conforms, text = validate(g)
    assert not conforms
    assert "evidence span" in text and str(obs) in text


def test_shapes_report_a_bad_status(a23):
    g = analysis_to_graph(a23)
    obs = next(g.subjects(RDF.type, KG.Observation))
    g.set((obs, KG.status, KG.Up))
    conforms, text = validate(g)
    assert not conforms
    assert "ontology#status" in text or "kg:status" in text


# ------------------------------------------------------------------ provenance


def test_every_fact_reaches_its_report_span_and_sentence_text(both, a23):
    facts = [s for c in (KG.Observation, KG.Mention, KG.RelationAssertion, KG.GlossaryTerm)
             for s in both.subjects(RDF.type, c)]
    assert len(facts) > 20
    for f in facts:
        span = _one(both, f, KG.span)
        report = _one(both, span, OA.hasSource)
        assert (f, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), report) in both
        if (f, RDF.type, KG.GlossaryTerm) in both:
            continue  # glossary entries lie after the body's sentences
        sentence = _one(both, span, KG.inSentence)
        text = str(_one(both, sentence, KG.text))
        start, end = int(_one(both, span, KG.start)), int(_one(both, span, KG.end))
        s_start = int(_one(both, sentence, KG.start))
        quote = next(o for o in both.objects(span, OA.hasSelector) if (o, RDF.type, OA.TextQuoteSelector) in both)
        exact = str(_one(both, quote, OA.exact))
        assert text[start - s_start:end - s_start] == exact


def test_observation_carries_value_unit_status_year_and_qualifier(both, a23):
    q = next(q for q in a23.quantities if q.surface == "6%")
    o = URIRef(M.observation(str(R23), q.indicator, q.start, q.end))
    assert (o, RDF.type, KG.TargetObservation) in both
    assert _one(both, o, KG.statedValue) == Literal("6.0", datatype=XSD.decimal)
    assert str(_one(both, o, KG.statedUnit)) == "%"
    assert _one(both, o, KG.status) == KG.Target
    assert _one(both, o, KG.qualifier) == KG.Approximately
    assert _one(both, o, KG.kind) == KG.Change and _one(both, o, KG.direction) == KG.Up
    assert int(_one(both, o, KG.refYear)) == 2023
    assert (o, KG.sectionKey, Literal("2.0")) in both  # the plan part's preamble: no section node
    assert not list(both.objects(o, KG.inSection))
    q11 = a23.quantities[0]
    o11 = URIRef(M.observation(str(R23), q11.indicator, q11.start, q11.end))
    assert _one(both, o11, KG.inSection) == URIRef(f"{R23}/section/1.1")


def test_normalised_value_is_a_plain_decimal_without_exponent(both, a23):
    q = a23.quantities[0]
    o = URIRef(M.observation(str(R23), q.indicator, q.start, q.end))
    v = _one(both, o, KG.normalisedValue)
    assert str(v) == "120050000000.0" and v.datatype == XSD.decimal
    assert decimal_literal(Decimal("2.6302E+11")) == Literal("263020000000.0", datatype=XSD.decimal)


def test_position_selector_counts_in_the_source_for_html(a23):
    rep = a23.report
    body = rep.text.text
    # pretend the page had 5 characters of markup before the text: source offsets shift by 5
    html = "<p>..." + body
    offsets = tuple(i + 6 for i in range(len(body) + 1))
    text = replace(rep.text, source=html, offsets=offsets, media_type="text/html")
    a = replace(a23, report=replace(rep, text=text))
    g = analysis_to_graph(a)
    q = a.quantities[0]
    span = URIRef(M.span(str(R23), q.start, q.end))
    pos = URIRef(f"{span}/position")
    assert int(_one(g, span, KG.start)) == q.start
    assert int(_one(g, pos, OA.start)) == q.start + 6
    assert html[int(_one(g, pos, OA.start)):int(_one(g, pos, OA.end))] == q.surface


# ------------------------------------------------------------------ identity across reports


def test_same_place_and_indicator_of_one_government_are_one_node_across_reports(both):
    park = URIRef(M.place(syn.GOVERNMENT, "东湖公园"))
    assert set(both.objects(park, KG.mentionedIn)) == {R23, R24}
    gdp = URIRef(M.indicator(syn.GOVERNMENT, "地区生产总值"))
    reports = {_one(both, o, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
               for o in both.subjects(SOSA.observedProperty, gdp)}
    assert reports == {R23, R24}


def test_report_links_government_jurisdiction_and_parent_place(both):
    gov = _one(both, R23, KG.government)
    place = _one(both, R23, KG.jurisdiction)
    assert place == URIRef(M.place(syn.GOVERNMENT, "青禾区"))
    assert (gov, KG.jurisdiction, place) in both
    assert (place, KG.partOf, URIRef(M.place(syn.GOVERNMENT, "江川市"))) in both
    assert (place, RDF.type, KG.AdministrativeArea) in both


def test_entity_types_subtypes_and_parent(both):
    area = URIRef(M.place(syn.GOVERNMENT, "白石片区"))
    assert {KG.Place, KG.KeyArea, KG.NamedThing} <= set(both.objects(area, RDF.type))
    assert (area, KG.partOf, URIRef(M.place(syn.GOVERNMENT, "青禾区"))) in both
    pol = URIRef(M.entity(syn.GOVERNMENT, "Policy", "青禾区促进产业发展若干措施"))
    assert (pol, RDF.type, KG.Policy) in both


def test_relations_are_direct_triples_and_reified_with_evidence(both):
    prog = URIRef(M.entity(syn.GOVERNMENT, "Programme", "3+2产业计划"))
    area = URIRef(M.place(syn.GOVERNMENT, "白石片区"))
    assert (prog, KG.locatedIn, area) in both
    stmts = [s for s in both.subjects(RDF.predicate, KG.locatedIn)]
    assert len(stmts) == 1
    assert _one(both, stmts[0], RDF.subject) == prog and _one(both, stmts[0], RDF.object) == area


# ------------------------------------------------------------------ glossary


def test_glossary_term_is_a_skos_concept_with_ordered_components_and_members(both):
    term = URIRef(M.glossary_term(str(R23), "3+2"))
    assert (term, RDF.type, SKOS.Concept) in both
    assert str(_one(both, term, SKOS.notation)) == "3+2"
    comps = sorted(both.objects(term, KG.hasComponent), key=lambda c: int(_one(both, c, KG.position)))
    assert [str(_one(both, c, SKOS.notation)) for c in comps] == ["3", "2"]
    members = sorted(both.objects(comps[0], KG.hasMember), key=lambda m: int(_one(both, m, KG.position)))
    assert [str(_one(both, m, SKOS.prefLabel)) for m in members] == ["金融", "商贸", "科技"]
    # a member that names a known entity points to it
    assert _one(both, members[0], KG.denotes) == URIRef(M.entity(syn.GOVERNMENT, "Sector", "金融"))
    mentions = list(both.subjects(OA.hasBody, term))
    assert len(mentions) == 1


# ------------------------------------------------------------------ dumps


@pytest.mark.parametrize("fmt,parse", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_dump_round_trips_to_an_isomorphic_graph(both, fmt, parse):
    text = serialize(both, DumpFormat(fmt))
    back = Graph().parse(data=text, format=parse)
    assert isomorphic(both, back)


def test_turtle_dump_uses_prefixes(both):
    text = serialize(both, DumpFormat.ttl)
    assert "@prefix kg: <https://kg.example.org/ontology#>" in text
    assert "kg:Observation" in text


def test_jsonld_dump_uses_the_context_terms(both):
    doc = json.loads(serialize(both, DumpFormat.jsonld))
    assert doc["@context"]["kg"] == str(KG)
    assert "statedValue" in json.dumps(doc, ensure_ascii=False)


def test_two_builds_give_identical_sorted_ntriples(a23, a24):
    one = sorted(build_graph([a23, a24]).serialize(format="nt").splitlines())
    two = sorted(build_graph([syn.analysis_2023(), syn.analysis_2024()]).serialize(format="nt").splitlines())
    assert one == two and len(one) > 500


def test_streamed_triples_equal_the_built_graph_without_repeats(a23, a24, both):
    streamed = list(iter_triples([a23, a24], "https://kg.example.org/"))
    assert len(streamed) == len(set(streamed)) == len(both)
    assert set(streamed) == set(both)


def test_no_blank_nodes_in_a_built_graph(both):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in both for t in triple)


def test_base_iri_changes_every_data_iri_but_not_the_vocabulary(a23):
    g = analysis_to_graph(a23, base_iri="https://data.example.gov.cn/")
    subjects = {str(s) for s in g.subjects()}
    assert all(s.startswith("https://data.example.gov.cn/") for s in subjects)
    assert (URIRef(str(R23).replace("https://kg.example.org/", "https://data.example.gov.cn/")),
            RDF.type, KG.Report) in g


def test_position_selectors_point_into_the_html_markup_of_a_real_page():
    """Read an HTML page through the real pipeline: each TextPositionSelector slices the
    page's source, which unescaped and untagged is the quoted text (&#49;&#x32;个 → 12个)."""
    import html
    import re

    from kg.pipeline import analyse

    a = analyse(Path(__file__).resolve().parent.parent / "fixtures" / "read_page.html")
    source = a.report.text.source
    g = analysis_to_graph(a)
    checked = 0
    for sel in g.subjects(RDF.type, OA.TextPositionSelector):
        span = next(g.subjects(OA.hasSelector, sel))
        quote = next(o for o in g.objects(span, OA.hasSelector) if (o, RDF.type, OA.TextQuoteSelector) in g)
        raw = source[int(_one(g, sel, OA.start)):int(_one(g, sel, OA.end))]
        assert html.unescape(re.sub(r"<[^>]+>", "", raw)) == str(_one(g, quote, OA.exact))
        checked += 1
    assert checked >= 4
    assert any(str(o) == "12个" for o in g.objects(None, OA.exact))


def test_one_indicator_node_per_key_the_phrase_stays_on_each_observation(a23, a24):
    # the 2024 report words GDP growth differently: still the same indicator node
    qs = tuple(replace(x, indicator="全市地区生产总值增长") if x.surface == "6.2%" else x for x in a24.quantities)
    g = build_graph([a23, replace(a24, quantities=qs)], base_iri="https://kg.example.org/")
    gdp = URIRef(M.indicator(syn.GOVERNMENT, "地区生产总值"))
    assert gdp == URIRef(M.indicator(syn.GOVERNMENT, "全市地区生产总值增长"))
    obs = set(g.subjects(SOSA.observedProperty, gdp))
    assert {_one(g, o, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) for o in obs} == {R23, R24}
    assert {str(_one(g, o, KG.statedIndicator)) for o in obs} == {"地区生产总值", "全市地区生产总值增长"}
    # the node is labelled with its key (one prefLabel), the same whichever reports are loaded
    assert set(g.objects(gdp, SKOS.prefLabel)) == {Literal("生产总值", lang="zh")}
    assert set(g.objects(gdp, SKOS.notation)) == {Literal("生产总值")}
    assert set(g.predicate_objects(gdp)) == set(build_graph([a23]).predicate_objects(gdp))
    phrases = {x.indicator for a in (a23, a24) for x in a.quantities}  # the 2024 rewording adds no node
    assert len(set(g.subjects(RDF.type, KG.Indicator))) == len(phrases) == 4
    conforms, report = validate(g)
    assert conforms, report


def test_two_files_read_as_the_same_government_and_year_are_two_reports(a23):
    # faulty metadata: another file, same government and plan year, no delivery date
    other = replace(a23.report, meta=replace(a23.report.meta, delivery_date=None),
                    text=replace(a23.report.text, sha256="0" * 64))
    first = replace(a23.report, meta=replace(a23.report.meta, delivery_date=None))
    g = build_graph([replace(a23, report=first), replace(a23, report=other)])
    assert len(set(g.subjects(RDF.type, KG.Report))) == 2
