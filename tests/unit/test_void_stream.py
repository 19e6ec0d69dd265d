"""void.ttl is written as it is made (kg.export.dataset_triples → write_void through
pyoxigraph's Turtle writer), with the statements a set of them would hold: each source file
once, each report once, the same file under two names one distribution with two titles."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID
from rdflib.compare import isomorphic

from kg.atomic import Staging
from kg.export import GraphStats, SourceFile, dataset_triples, describe_dataset, write_void

BASE = "https://example.org/kg/"
R1, R2 = BASE + "report/a-2030", BASE + "report/b-2031"
SOURCES = [
    SourceFile("in/b.txt", "b" * 64, 200, "text/plain", R2),
    SourceFile("in/a.txt", "a" * 64, 100, "text/plain", R1),
    SourceFile("copy/a-again.txt", "a" * 64, 100, "text/plain", R1),  # the same file, another name
    SourceFile("in/a.txt", "a" * 64, 100, "text/plain", R1),  # listed twice
    SourceFile("other/a.txt", "a" * 64, 100, "text/plain", R1),  # the same name in another folder
]
STATS = GraphStats(triples=42, classes=Counter({"https://example.org/C": 3}), subjects=7)
WHEN = datetime(2030, 3, 5, tzinfo=UTC)


def _written(tmp_path) -> Graph:
    out = tmp_path / "void.ttl"
    with Staging() as stage:
        write_void(stage, out, dataset_triples(STATS, SOURCES, base_iri=BASE, created=WHEN,
                                               dumps=[("graph.nt", "application/n-triples")]))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("@prefix")  # Turtle with the project's prefixes
    return Graph().parse(data=text, format="turtle")


def test_written_turtle_is_the_description(tmp_path):
    g = _written(tmp_path)
    assert isomorphic(g, describe_dataset(STATS, SOURCES, base_iri=BASE, created=WHEN,
                                          dumps=[("graph.nt", "application/n-triples")]))
    ds = next(g.subjects(RDF.type, VOID.Dataset))
    assert set(g.objects(ds, DCTERMS.hasPart)) == {URIRef(R1), URIRef(R2)}
    assert len(set(g.objects(ds, PROV.wasDerivedFrom))) == 2  # two distinct files
    src_a = URIRef(f"{ds}/source/{'a' * 64}")
    assert set(g.objects(src_a, DCTERMS.title)) == {Literal("a.txt"), Literal("a-again.txt")}
    assert set(g.objects(src_a, RDFS.label)) == {Literal("a.txt"), Literal("a-again.txt")}
    assert list(g.objects(src_a, DCAT.byteSize)) == [Literal(100, datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))]
    assert (URIRef(R1), PROV.wasDerivedFrom, src_a) in g
    assert g.value(ds, VOID.triples) == Literal(42)


def test_no_statement_written_twice(tmp_path):
    triples = list(dataset_triples(STATS, SOURCES, base_iri=BASE, created=WHEN))
    assert len(triples) == len(set(triples))
