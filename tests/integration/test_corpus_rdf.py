"""Every report of ../shared/corpus builds into a graph that conforms to shapes.ttl; the
dumps round-trip; builds are deterministic; `kg sparql` answers on a store of the corpus."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import build_dump
from kg.pipeline import analyse
from kg.rdf import analysis_to_graph
from kg.store import library_queries, sparql
from kg.vocab import KG

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    summary = build_dump([corpus], out / "dump", "nt", validate=True, store=out / "store")
    return out, summary


def test_every_corpus_report_builds_and_conforms_to_the_shapes(corpus, corpus_build):
    _out, summary = corpus_build
    files = sorted(p.name for p in corpus.glob("*.txt"))
    assert sorted(Path(p).name for p, _ in summary.reports) == files
    assert summary.failed == []
    assert [(Path(p).name, r[:2000]) for p, r in summary.invalid] == []


def test_each_corpus_report_gets_its_own_iri_from_government_and_delivery(corpus_build):
    _out, summary = corpus_build
    iris = [iri for _p, iri in summary.reports]
    assert len(set(iris)) == len(iris)
    assert summary.collisions == []
    hailaer = sorted(iri for p, iri in summary.reports if "hailaer" in p)
    # government + delivery date (else year + checksum): the year leads the key
    assert [i.rsplit("/", 1)[1][:4] for i in hailaer] == ["2012", "2014", "2016", "2019"]
    assert len({i.rsplit("/", 1)[0] for i in hailaer}) == 1  # one government


def test_a_division_is_one_node_across_governments(corpus_build):
    out, _summary = corpus_build
    rows = sparql(
        """SELECT ?place (COUNT(DISTINCT ?g) AS ?n) WHERE {
             ?place a kg:AdministrativeArea ; kg:government ?g .
             FILTER(CONTAINS(STR(?place), "/division/")) }
           GROUP BY ?place HAVING (COUNT(DISTINCT ?g) >= 2)""",
        store=out / "store",
    ).rows
    assert rows, "no administrative division is shared by two governments' reports"


def test_void_description_counts_what_was_written(corpus_build):
    out, summary = corpus_build
    lines = sum(1 for _ in open(out / "dump" / "graph.nt", encoding="utf-8"))
    assert lines == summary.triples
    void = (out / "dump" / "void.ttl").read_text(encoding="utf-8")
    assert f"void:triples {summary.triples}" in void


def test_kg_sparql_answers_every_library_query_on_the_corpus_store(corpus_build, corpus):
    out, _summary = corpus_build
    for name in library_queries():
        res = sparql(name, store=out / "store")  # runs without error (its speed: bench/bench_queries.py)
        assert res.vars, name
    res = CliRunner().invoke(app, ["sparql", "report_overview", "--store", str(out / "store"), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == len(list(corpus.glob("*.txt")))
    assert all(int(r["sentences"]) > 0 and int(r["parts"]) > 0 for r in rows)


def test_national_indicators_are_one_node_across_years(corpus_build):
    out, _summary = corpus_build
    rows = sparql(
        """SELECT ?ind (COUNT(DISTINCT ?r) AS ?n) WHERE {
             ?o sosa:observedProperty ?ind ; prov:wasDerivedFrom ?r . ?r kg:government/rdfs:label "国务院"@zh }
           GROUP BY ?ind HAVING (COUNT(DISTINCT ?r) >= 3)""",
        store=out / "store",
    ).rows
    assert rows, "no indicator of the State Council appears in three or more national reports"


@pytest.fixture(scope="module")
def luohu_graph(corpus):
    return analysis_to_graph(analyse(corpus / "district-luohu-2023.txt"))


def test_turtle_dump_of_luohu_round_trips_isomorphic(luohu_graph):
    back = Graph().parse(data=luohu_graph.serialize(format="turtle"), format="turtle")
    assert len(back) == len(luohu_graph) and isomorphic(back, luohu_graph)


def test_every_sentence_and_span_quotes_the_source_text(corpus, luohu_graph):
    text = (corpus / "district-luohu-2023.txt").read_text(encoding="utf-8")
    OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")
    OA_START = URIRef("http://www.w3.org/ns/oa#start")
    OA_END = URIRef("http://www.w3.org/ns/oa#end")
    n = 0
    for s in luohu_graph.subjects(predicate=KG.text):
        start = int(luohu_graph.value(s, KG.start))
        end = int(luohu_graph.value(s, KG.end))
        assert text[start:end] == str(luohu_graph.value(s, KG.text))
        n += 1
    assert n > 300
    for sel in luohu_graph.subjects(predicate=OA_START):
        span = next(luohu_graph.subjects(predicate=None, object=sel))
        quote = next(o for o in luohu_graph.objects(span, URIRef("http://www.w3.org/ns/oa#hasSelector"))
                     if luohu_graph.value(o, OA_EXACT) is not None)
        s, e = int(luohu_graph.value(sel, OA_START)), int(luohu_graph.value(sel, OA_END))
        assert text[s:e] == str(luohu_graph.value(quote, OA_EXACT))


def test_two_builds_give_identical_sorted_ntriples(corpus, tmp_path):
    inputs = [corpus / "district-luohu-2023.txt", corpus / "national-china-2024.txt"]
    a = build_dump(inputs, tmp_path / "a", "nt")
    b = build_dump(inputs, tmp_path / "b", "nt")
    one = sorted((tmp_path / "a" / "graph.nt").read_text(encoding="utf-8").splitlines())
    two = sorted((tmp_path / "b" / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert a.triples == b.triples == len(one) and one == two
