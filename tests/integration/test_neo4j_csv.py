"""`kg export -f neo4j-csv` → the real `neo4j-admin database import full` (from the Maven
Central jars kg fetches) → a Neo4j server on that store → exported back: the same RDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.neo4j_csv import admin_import, write_neo4j_csv
from kg.neo4j_store import Neo4jSettings, export_graph
from kg.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORTS = [FIXTURES / "rdf-qinghe-2023.txt", FIXTURES / "rdf-qinghe-2024.txt"]
PASSWORD = "kg-test-password"


@pytest.mark.neo4j
def test_an_admin_import_of_the_csv_exports_the_same_graph(tmp_path):
    from kg.neo4jserver import start

    graph = load_graph(REPORTS)
    files = write_neo4j_csv(graph, tmp_path / "csv")
    assert any(f.name.startswith("nodes-") for f in files) and any(f.name.startswith("rels-") for f in files)
    out = admin_import(files, tmp_path / "home")
    assert "IMPORT DONE" in out
    server = start(password=PASSWORD, data_dir=tmp_path / "home", timeout=600)
    try:
        back = export_graph(Neo4jSettings(uri=server.uri, user="neo4j", password=PASSWORD, database="neo4j"))
    finally:
        server.stop()
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


def test_the_csv_has_one_header_per_file_and_typed_columns(tmp_path):
    import csv

    graph = load_graph(REPORTS[:1])
    files = write_neo4j_csv(graph, tmp_path)
    nodes = [f for f in files if f.name.startswith("nodes-")]
    rows = 0
    for f in nodes:
        with open(f, encoding="utf-8", newline="") as fh:
            header, *body = list(csv.reader(fh))
        assert header[:2] == ["iri:ID", ":LABEL"]
        assert all(":" in h for h in header[2:])
        assert all(len(r) == len(header) for r in body)
        assert all(r[1].split("\x1f")[0] == "Resource" for r in body)
        rows += len(body)
    from rdflib import URIRef
    from rdflib.namespace import RDF

    nodes = {str(s) for s in graph.subjects()} | {str(o) for _s, p, o in graph if isinstance(o, URIRef) and p != RDF.type}
    assert rows == len(nodes)  # one row per node (classes become labels, not nodes)
