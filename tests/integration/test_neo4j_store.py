"""kg.neo4j_store against the real Neo4j the session starts: load, idempotency, kill and
resume, round trip, failures, and the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import StoreError
from kg.neo4j_store import Neo4jSettings, export_graph, graph_to_rows, load_graph, run_cypher
from kg.neo4jserver import free_port

KG = Namespace("https://kg.example.org/ontology#")
EX = Namespace("https://data.example.org/gov/")
OTHER = Namespace("http://other.example.net/vocab#")


@pytest.fixture
def settings(neo4j_clean) -> Neo4jSettings:
    return Neo4jSettings(
        uri=neo4j_clean.uri, user=neo4j_clean.user, password=neo4j_clean.password,
        database=neo4j_clean.database,
    )


@pytest.fixture
def sample(fixtures: Path) -> Graph:
    return Graph().parse(fixtures / "rdf" / "portal_sample.ttl")


def _count(driver, db: str, query: str) -> int:
    records, _, _ = driver.execute_query(query, database_=db)
    return records[0][0]


def _synthetic(n: int, blank: bool = True) -> Graph:
    """n places in a chain, each with labels in two languages, a decimal and (if `blank`)
    a blank-node span."""
    g = Graph()
    for i in range(n):
        p = EX[f"place-{i}"]
        g.add((p, RDF.type, KG.Place))
        g.add((p, RDFS.label, Literal(f"地点{i}", lang="zh")))
        g.add((p, RDFS.label, Literal(f"Place {i}", lang="en")))
        g.add((p, KG.statedValue, Literal(f"{i}.50", datatype=XSD.decimal)))
        if i:
            g.add((p, KG.locatedIn, EX[f"place-{i - 1}"]))
        b = BNode() if blank else EX[f"span-{i}"]
        g.add((p, KG.span, b))
        g.add((b, KG.start, Literal(i)))
        g.add((b, KG.end, Literal(i + 3)))
    return g


def test_load_then_export_gives_back_an_isomorphic_graph(settings, sample):
    summary = load_graph(sample, settings, batch_size=3)
    assert summary.nodes_created == summary.nodes == 8
    back = export_graph(settings)
    assert isomorphic(back, sample)


def test_loading_twice_creates_nothing_new(settings, sample, neo4j_driver):
    first = load_graph(sample, settings)
    second = load_graph(sample, settings)
    assert first.nodes_created > 0 and first.relationships_created > 0
    assert (second.nodes_created, second.relationships_created, second.labels_added) == (0, 0, 0)
    db = settings.database
    assert _count(neo4j_driver, db, "MATCH (n) RETURN count(n)") == first.nodes
    assert _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)") == first.relationships


def test_load_maps_types_literals_and_predicates_as_documented(settings, sample, neo4j_driver):
    load_graph(sample, settings)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Place:AdministrativeArea:Resource {iri: $iri}) "
        "RETURN p.label_zh AS zh, p.label_en AS en, p.alt_label_zh AS alt",
        iri=str(EX["place-sample"]), database_=settings.database,
    )
    assert [(r["zh"], r["en"], r["alt"]) for r in records] == [("示例区", "Sample District", ["样本区", "示例"])]
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (o:Observation:TargetObservation)-[:REF_AREA]->(:Place) "
        "RETURN o.stated_value AS v, o.stated_value_decimal AS exact, o.ref_year AS year, "
        "o.heading_defect AS defect",
        database_=settings.database,
    )
    # rdflib normalises "+2031"^^xsd:integer to 2031 while parsing.
    assert [(r["v"], r["exact"], r["year"], r["defect"]) for r in records] == [(6.5, "6.50", 2031, False)]
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (r:Report) RETURN r.plan_year AS plan, r.issued AS issued, r.rdf_types AS types",
        database_=settings.database,
    )
    (rec,) = records
    assert rec["plan"] == 2031 and rec["issued"].iso_format() == "2031-01-15"
    assert rec["types"] == str(OTHER.Document)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (:Place)-[r:RELATED]->(x) RETURN r.iri AS p, x.iri AS o", database_=settings.database
    )
    assert [(r["p"], r["o"]) for r in records] == [(str(OTHER.twinnedWith), str(EX["place-abroad"]))]


def test_every_node_has_a_unique_iri_under_a_constraint(settings, sample, neo4j_driver):
    load_graph(sample, settings)
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes, properties",
        database_=settings.database,
    )
    assert [(r["labelsOrTypes"], r["properties"]) for r in records] == [(["Resource"], ["iri"])]
    assert _count(neo4j_driver, settings.database, "MATCH (n) WHERE NOT n:Resource OR n.iri IS NULL RETURN count(n)") == 0
    with pytest.raises(Exception, match="already exists"):
        neo4j_driver.execute_query("CREATE (:Resource {iri: $iri})", iri=str(EX["place-sample"]),
                                   database_=settings.database)


def test_labels_and_types_never_come_from_the_data(settings, neo4j_driver):
    # Same local names as kg's Place and locatedIn, other namespace: no label, no type.
    g = Graph()
    g.add((EX.thing, RDF.type, OTHER.Place))
    g.add((EX.thing, OTHER.locatedIn, EX.other))
    load_graph(g, settings)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n {iri: $iri})-[r]->(o) RETURN labels(n) AS labels, n.rdf_types AS types, type(r) AS t, r.iri AS p",
        iri=str(EX.thing), database_=settings.database,
    )
    (rec,) = records
    assert rec["labels"] == ["Resource"] and rec["types"] == str(OTHER.Place)
    assert rec["t"] == "RELATED" and rec["p"] == str(OTHER.locatedIn)
    assert isomorphic(export_graph(settings), g)


def test_a_second_graph_shares_nodes_with_the_first(settings, neo4j_driver):
    a, b = _synthetic(6, blank=False), _synthetic(10, blank=False)  # places 0..5 in both
    load_graph(a, settings)
    second = load_graph(b, settings)
    assert second.nodes_created == 2 * 4  # only places 6..9 and their spans are new
    db = settings.database
    assert _count(neo4j_driver, db, "MATCH (n:Place) RETURN count(n)") == 10
    assert isomorphic(export_graph(settings), a + b)


def test_a_later_load_keeps_the_values_an_earlier_load_gave_a_shared_node(settings, neo4j_driver):
    from rdflib.namespace import SKOS

    place = URIRef("https://data.example.org/gov/x/place/p")
    first, second = Graph(), Graph()
    for g, alias in ((first, "甲"), (second, "乙")):
        g.add((place, RDF.type, URIRef("https://kg.example.org/ontology#Place")))
        g.add((place, SKOS.altLabel, Literal(alias, lang="zh")))
    load_graph(first, settings)
    load_graph(second, settings)
    assert isomorphic(export_graph(settings), first + second)
    again = load_graph(second, settings)
    assert again.nodes_created == 0 and isomorphic(export_graph(settings), first + second)


def test_blank_nodes_load_once_however_the_parser_names_them(settings, neo4j_driver, sample):
    text = sample.serialize(format="nt")
    load_graph(Graph().parse(data=text, format="nt"), settings)
    again = load_graph(Graph().parse(data=text, format="nt"), settings)  # fresh blank node ids
    assert again.nodes_created == 0
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:TextPositionSelector) RETURN n.iri AS iri", database_=settings.database
    )
    assert len(records) == 2 and all(r["iri"].startswith("https://kg.example.org/.well-known/genid/") for r in records)


def test_a_killed_load_rerun_ends_in_the_same_graph_as_a_clean_load(settings, neo4j_driver, tmp_path):
    g = _synthetic(400)
    dump = tmp_path / "big.nt"
    g.serialize(dump, format="nt")
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
           "NEO4J_PASSWORD": settings.password or "", "NEO4J_DATABASE": settings.database}
    cmd = [sys.executable, "-m", "kg", "load", str(dump), "--batch-size", "1", "--no-ontology"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    db = settings.database
    try:
        deadline = time.monotonic() + 120
        partial = 0
        while time.monotonic() < deadline and proc.poll() is None:
            partial = _count(neo4j_driver, db, "MATCH (n:Resource) RETURN count(n)")
            if partial >= 50:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the load finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    nodes_at_kill = _count(neo4j_driver, db, "MATCH (n:Resource) RETURN count(n)")
    rels_at_kill = _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)")
    assert 0 < nodes_at_kill and rels_at_kill < 799  # really cut off half-way
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert isomorphic(export_graph(settings), g)
    assert _count(neo4j_driver, db, "MATCH (n:Resource) RETURN count(n)") == 800
    assert _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)") == 399 + 400


def test_wrong_password_is_a_one_line_store_error_without_the_password(settings, sample):
    if not settings.password:
        pytest.skip("the test server has auth off")
    bad = Neo4jSettings(uri=settings.uri, user=settings.user, password="wrong-secret-xyz", database=settings.database)
    with pytest.raises(StoreError, match="refused user 'neo4j': wrong user or password") as err:
        load_graph(sample, bad)
    assert "wrong-secret-xyz" not in str(err.value) and "\n" not in str(err.value)


def test_unreachable_server_is_a_store_error(sample):
    nowhere = Neo4jSettings(uri=f"bolt://127.0.0.1:{free_port()}", password="whatever-pw")
    with pytest.raises(StoreError, match="cannot reach Neo4j at bolt://127.0.0.1"):
        load_graph(sample, nowhere)


def test_missing_database_is_a_store_error(settings, sample):
    missing = Neo4jSettings(uri=settings.uri, user=settings.user, password=settings.password,
                            database="nosuchdb")
    with pytest.raises(StoreError, match="has no database 'nosuchdb'"):
        load_graph(sample, missing)


def test_cypher_runs_read_queries_with_parameters(settings, sample):
    load_graph(sample, settings)
    result = run_cypher(
        "MATCH (p:Place {iri: $iri}) RETURN p.label_zh AS zh, p.label_en AS en",
        settings, {"iri": str(EX["place-sample"])},
    )
    assert result.columns == ["zh", "en"] and result.rows == [["示例区", "Sample District"]]
    with pytest.raises(StoreError, match="Cypher syntax error"):
        run_cypher("MATCH (n RETURN n", settings)


def _kg(args: list[str], target, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": target.uri, "NEO4J_USER": target.user,
           "NEO4J_PASSWORD": target.password or "", "NEO4J_DATABASE": target.database}
    return subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True,
                          text=True, timeout=300, **kw)


def test_cli_load_cypher_and_export_round_trip(settings, fixtures, sample, neo4j_clean, tmp_path):
    ttl = fixtures / "rdf" / "portal_sample.ttl"
    done = _kg(["load", str(ttl), "--no-ontology"], neo4j_clean)
    assert done.returncode == 0, done.stderr
    assert "loaded 42 triples" in done.stderr and "8 nodes (8 created)" in done.stderr
    again = _kg(["load", str(ttl), "--no-ontology"], neo4j_clean)
    # the sample has blank nodes: loaded whole again (skolem IRIs come from the whole graph), creating nothing
    assert "8 nodes (0 created)" in again.stderr and "(0 created), " in again.stderr
    assert "unchanged, skipped" not in again.stderr
    out = _kg(["cypher", "MATCH (p:Place) RETURN p.label_zh AS zh", "--format", "json"], neo4j_clean)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"zh": "示例区"}]
    exported = _kg(["export", "--from-neo4j", "--format", "ttl"], neo4j_clean)
    assert exported.returncode == 0, exported.stderr
    assert isomorphic(Graph().parse(data=exported.stdout, format="turtle"), sample)
    for p in (done, again, out, exported):
        assert (neo4j_clean.password or "@@none@@") not in p.stdout + p.stderr


def test_cli_wrong_password_exits_2_with_one_line(neo4j_clean, fixtures):
    if not neo4j_clean.password:
        pytest.skip("the test server has auth off")
    env = {**os.environ, "NEO4J_PASSWORD": "wrong-secret-xyz"}
    done = subprocess.run(
        [sys.executable, "-m", "kg", "load", str(fixtures / "rdf" / "portal_sample.ttl"),
         "--uri", neo4j_clean.uri],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "wrong user or password" in lines[0]
    assert "wrong-secret-xyz" not in done.stderr


# ------------------------------------------------------------------ Cypher library parity

PARITY_REPORTS = ("district-luohu-2023.txt", "national-china-2024.txt", "national-china-2025.txt")


def _library_pairs() -> list[str]:
    from kg.neo4j_store import library_queries as cypher_library
    from kg.store import library_queries as sparql_library

    return sorted(set(cypher_library()) & set(sparql_library()))


def test_every_cypher_query_has_a_sparql_twin_and_there_are_at_least_12():
    from kg.neo4j_store import library_queries as cypher_library
    from kg.store import library_queries as sparql_library

    cypher = cypher_library()
    assert len(cypher) >= 12
    assert set(cypher) <= set(sparql_library()), set(cypher) - set(sparql_library())
    for name, text in cypher.items():
        assert text.startswith("//"), f"{name}.cypher has no header comment"


@pytest.fixture(scope="module")
def report_graphs(corpus: Path) -> dict[str, Graph]:
    """Each parity report built on its own (kg's pipeline)."""
    from kg.pipeline import load_graph as build

    return {name: build([corpus / name]) for name in PARITY_REPORTS}


def test_a_second_real_report_adds_to_the_graph_and_shares_nodes(report_graphs, settings, neo4j_driver):
    first, second = report_graphs["national-china-2024.txt"], report_graphs["national-china-2025.txt"]
    one = load_graph(first, settings)
    two = load_graph(second, settings)
    shared = set(graph_to_rows(first).nodes) & set(graph_to_rows(second).nodes)
    assert shared, "two reports of one government share no IRI (government, places, indicators)"
    assert two.nodes_created == two.nodes - len(shared)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (g:Government)<-[:GOVERNMENT]-(r:Report) RETURN g.iri AS g, count(r) AS reports",
        database_=settings.database,
    )
    assert [r["reports"] for r in records] == [2]  # one government node, both reports on it
    assert one.nodes_created == one.nodes
    assert isomorphic(export_graph(settings), first + second)


@pytest.fixture(scope="module")
def parity_data(report_graphs, tmp_path_factory) -> tuple[Graph, Path, int]:
    """Three real reports (one district, two consecutive national ones) as triples + a dump."""
    from kg.neo4j_store import ontology_graph

    graph = Graph()
    for g in report_graphs.values():
        graph += g
    dump = tmp_path_factory.mktemp("parity") / "graph.nt"
    graph.serialize(dump, format="nt")
    full = graph + ontology_graph()
    return full, dump, len(graph_to_rows(full).nodes)


def _norm(value):
    """One comparable form for both engines: numbers by value, dates as ISO strings."""
    import datetime
    from decimal import Decimal, InvalidOperation

    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str) and value and value.lstrip("-").replace(".", "", 1).isdigit():
        try:
            return format(Decimal(value).normalize(), "f")
        except InvalidOperation:
            return value
    return str(value)


@pytest.mark.parametrize("name", _library_pairs())
def test_cypher_query_answers_like_its_sparql_twin(name, parity_data, neo4j_server, neo4j_driver):
    from collections import Counter

    from kg import store
    from kg.neo4j_store import library_queries as cypher_library

    graph, dump, n_nodes = parity_data
    settings = Neo4jSettings(uri=neo4j_server.uri, user=neo4j_server.user,
                             password=neo4j_server.password, database=neo4j_server.database)
    nodes = _count(neo4j_driver, settings.database, "MATCH (n:Resource) RETURN count(n)")
    loaded = _count(neo4j_driver, settings.database,
                    "MATCH (r:Report) RETURN count(r)") == len(PARITY_REPORTS)
    if not loaded or nodes != n_nodes:
        load_graph(graph, settings, wipe=True)
    sparql = store.run_query(store.memory_store([dump]), store.library_queries()[name])
    cypher = run_cypher(cypher_library()[name], settings)
    assert cypher.columns == list(sparql.vars)
    want = Counter(tuple(_norm(row.get(v)) for v in sparql.vars) for row in sparql.rows)
    got = Counter(tuple(_norm(v) for v in row) for row in cypher.rows)
    assert got == want, {"only_sparql": list((want - got))[:3], "only_cypher": list((got - want))[:3]}



def test_neo4j_routing_uris_work_against_a_single_server(settings, sample):
    routed = Neo4jSettings(uri=settings.uri.replace("bolt://", "neo4j://"), user=settings.user,
                           password=settings.password, database=settings.database)
    load_graph(sample, routed)
    assert isomorphic(export_graph(routed), sample)


def test_a_server_that_goes_away_mid_load_is_a_one_line_error_and_a_rerun_completes(tmp_path):
    import threading

    from kg.neo4jserver import start

    g = _synthetic(300, blank=False)
    password = "mid-load-password"
    data = tmp_path / "store"
    server = start(password=password, data_dir=data, timeout=240, quick_start=True)
    settings = Neo4jSettings(uri=server.uri, password=password)
    errors: list[BaseException] = []
    progress: list[int] = []

    def run() -> None:
        try:
            load_graph(g, settings, batch_size=1, progress=lambda done, total: progress.append(done))
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            errors.append(exc)

    worker = threading.Thread(target=run)
    try:
        worker.start()
        deadline = time.monotonic() + 120
        while (not progress or progress[-1] < 20) and time.monotonic() < deadline and worker.is_alive():
            time.sleep(0.05)
        assert worker.is_alive(), "the load finished before the server could be killed"
        os.kill(server.pid, signal.SIGKILL)
        worker.join(timeout=180)
    finally:
        server.stop()
    assert not worker.is_alive()
    (err,) = errors
    assert isinstance(err, StoreError)
    message = str(err)
    assert "\n" not in message and password not in message
    assert "run the same load again" in message
    # Same store, restarted: the re-run completes the graph.
    with start(password=password, data_dir=data, timeout=240, quick_start=True) as again:
        settings = Neo4jSettings(uri=again.uri, password=password)
        load_graph(g, settings)
        assert isomorphic(export_graph(settings), g)


def test_cli_exports_graphml_from_neo4j_like_the_file_view(neo4j_clean, fixtures, sample, tmp_path):
    import networkx as nx

    from kg.analysis import to_networkx

    ttl = fixtures / "rdf" / "portal_sample.ttl"
    assert _kg(["load", str(ttl), "--no-ontology"], neo4j_clean).returncode == 0
    out = tmp_path / "graph.graphml"
    done = _kg(["export", "--from-neo4j", "--format", "graphml", "--out", str(out)], neo4j_clean)
    assert done.returncode == 0, done.stderr
    got = nx.read_graphml(out)
    want = to_networkx(sample)
    assert got.number_of_nodes() == want.number_of_nodes() > 0
    assert got.number_of_edges() == want.number_of_edges()
    iris = {n for n in want.nodes if n.startswith("http")}  # blank nodes get new ids
    assert iris and iris <= set(got.nodes)


def test_kg_stats_from_neo4j_counts_like_the_file_view(neo4j_clean, fixtures, tmp_path):
    import json

    ttl = fixtures / "rdf" / "portal_sample.ttl"
    assert _kg(["load", str(ttl), "--no-ontology"], neo4j_clean).returncode == 0
    from_server = _kg(["stats", "--from-neo4j", "--json"], neo4j_clean)
    from_file = _kg(["stats", str(ttl), "--json"], neo4j_clean)
    assert from_server.returncode == 0, from_server.stderr
    got, want = json.loads(from_server.stdout), json.loads(from_file.stdout)
    assert got["by_class"] == want["by_class"]
    assert got["nodes"] == want["nodes"] > 0


def test_a_reload_of_unchanged_reports_skips_them_and_a_changed_one_is_loaded(settings, tmp_path):
    """kg load keeps a content key per report: a reload of the same dump writes nothing of
    it; a dump where one report changed reloads that report only; --reload-all reads all."""
    import os as _os

    from kg.export import build_dump
    from kg.neo4j_store import load_inputs
    from kg.pipeline import load_graph as read_graph

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    reports = [fixtures / "rdf-qinghe-2023.txt", fixtures / "rdf-qinghe-2024.txt"]
    _os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    build_dump(reports, tmp_path / "a", "nt")
    dump = tmp_path / "a" / "graph.nt"
    first = load_inputs([dump], settings, ontology=False)
    assert first.reports == 2 and first.skipped == [] and first.load.nodes_created > 100
    again = load_inputs([dump], settings, ontology=False)
    assert len(again.skipped) == 2
    assert again.load.triples == 0 and again.load.batches == 0
    assert isomorphic(export_graph(settings), read_graph([dump]))
    # one report changes (a triple more under its IRI): only it is read and loaded again
    rep = sorted(again.skipped)[0]
    changed = tmp_path / "changed.nt"
    extra = f'<{rep}/note> <http://www.w3.org/2000/01/rdf-schema#label> "补充" .\n'
    changed.write_text(dump.read_text("utf-8") + extra, encoding="utf-8")
    third = load_inputs([changed], settings, ontology=False)
    assert third.skipped == [sorted(again.skipped)[1]]
    assert 0 < third.load.triples < first.load.triples
    assert isomorphic(export_graph(settings), read_graph([changed]))
    full = load_inputs([changed], settings, ontology=False, skip_unchanged=False)
    assert full.skipped == [] and full.load.triples == first.load.triples + 1
    assert full.load.nodes_created == 0


def test_a_dump_streamed_in_small_windows_by_two_writers_loads_the_whole_graph(settings, neo4j_driver, tmp_path):
    """`kg load` of a dump streams rows (no rdflib graph): with windows of a few nodes, a
    node's triples scattered over the file arrive in several batches on its one writer
    thread, and the graph is still exactly the dump's; counts are exact; a second load
    creates nothing."""
    import random

    from kg.neo4j_store import load_inputs

    g = _synthetic(60, blank=False)
    lines = g.serialize(format="nt").splitlines(keepends=True)
    random.Random(3).shuffle(lines)  # a node's triples spread over many windows
    dump = tmp_path / "shuffled.nt"
    dump.write_text("".join(lines), encoding="utf-8")
    first = load_inputs([dump], settings, ontology=False, batch_size=5, writers=2)
    db = settings.database
    rows = graph_to_rows(g)
    assert first.load.triples == len(g)
    assert first.load.nodes == len(rows.nodes) == _count(neo4j_driver, db, "MATCH (n:Resource) RETURN count(n)")
    assert first.load.relationships == rows.relationship_count() == _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)")
    assert first.load.batches > 10
    assert isomorphic(export_graph(settings), g)
    again = load_inputs([dump], settings, ontology=False, batch_size=7, writers=3)
    assert (again.load.nodes_created, again.load.relationships_created, again.load.labels_added) == (0, 0, 0)
    assert isomorphic(export_graph(settings), g)


def _spy_rel_writes(monkeypatch, before_first=None) -> list:
    """Record, per relationship transaction, whether it ran as CREATE (a run number) or
    MERGE (None); ``before_first`` runs once, before the first one."""
    import kg.neo4j_store as store

    class Calls(list):
        by_id: list[bool] = []  # per CREATE group: its rows name the end nodes by internal id

    calls = Calls()
    calls.by_id = []
    real = store._write_rel_rows

    def spy(tx, groups, seq=None):
        if before_first is not None and not calls:
            before_first()
        calls.append(seq)
        calls.by_id += [type(rows[0][0]) is int for _, rows, merge in groups if seq is not None and not merge and rows]
        return real(tx, groups, seq)

    monkeypatch.setattr(store, "_write_rel_rows", spy)
    return calls


def _repeating_dump(tmp_path: Path) -> tuple[Path, Graph]:
    g = _synthetic(40, blank=False)
    lines = sorted(g.serialize(format="nt").splitlines(keepends=True))
    dump = tmp_path / "repeats.nt"
    dump.write_text("".join(lines + lines[::3]), encoding="utf-8")  # a third of the triples twice, far apart
    return dump, g


def test_a_load_alone_on_an_empty_graph_creates_each_relationship_once_and_leaves_no_counter(
        settings, neo4j_driver, tmp_path, monkeypatch):
    from kg.neo4j_store import load_inputs

    dump, g = _repeating_dump(tmp_path)
    calls = _spy_rel_writes(monkeypatch)
    done = load_inputs([dump], settings, ontology=False, batch_size=5)
    db = settings.database
    distinct = graph_to_rows(g).relationship_count()
    assert calls and all(seq is not None for seq in calls)  # CREATE mode throughout
    # nodes in many windows, a third of them twice: those MERGEd, the load still CREATEs
    # the rest and names every relationship it CREATEs by the ids its node writes returned
    assert calls.by_id and all(calls.by_id)
    assert _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)") == distinct == done.load.relationships_created
    assert _count(neo4j_driver, db, "MATCH (c:KgLoadRuns) RETURN count(c)") == 0
    assert isomorphic(export_graph(settings), g)


def test_a_load_alone_on_an_empty_graph_names_relationship_ends_by_the_ids_its_node_creates_returned(
        settings, neo4j_driver, tmp_path, monkeypatch):
    from kg.neo4j_store import load_inputs

    g = _synthetic(40, blank=False)
    dump = tmp_path / "once.nt"
    dump.write_text("".join(sorted(g.serialize(format="nt").splitlines(keepends=True))), encoding="utf-8")
    calls = _spy_rel_writes(monkeypatch)
    done = load_inputs([dump], settings, ontology=False, batch_size=50)  # one node window: every node CREATEd
    assert calls and all(seq is not None for seq in calls)
    assert calls.by_id and all(calls.by_id)
    assert done.load.relationships_created == graph_to_rows(g).relationship_count()
    assert _count(neo4j_driver, settings.database, "MATCH ()-[r]->() RETURN count(r)") == done.load.relationships_created
    assert isomorphic(export_graph(settings), g)


def test_a_load_that_seeks_nodes_by_id_puts_no_deprecation_notice_in_the_logs(
        settings, neo4j_driver, tmp_path, monkeypatch, caplog):
    """A CREATE-mode load seeks its relationships' end nodes with id() (deprecated in
    Cypher 5; elementId() measured ~8 % more CPU): its sessions turn deprecation notices
    off, so a user who logs the driver's notifications sees none from `kg load`."""
    import logging

    from kg.neo4j_store import load_inputs

    caplog.set_level(logging.DEBUG, logger="neo4j.notifications")
    with neo4j_driver.session(database=settings.database) as session:  # the logger does catch them
        session.run("MATCH (n) WHERE id(n) = -1 RETURN n").consume()
    assert any("deprecat" in r.getMessage().lower() for r in caplog.records)
    caplog.clear()
    g = _synthetic(20, blank=False)
    dump = tmp_path / "once.nt"
    dump.write_text("".join(sorted(g.serialize(format="nt").splitlines(keepends=True))), encoding="utf-8")
    calls = _spy_rel_writes(monkeypatch)
    load_inputs([dump], settings, ontology=False, batch_size=50)
    assert calls.by_id and all(calls.by_id)  # the id() queries ran
    assert not [r.getMessage() for r in caplog.records if "deprecat" in r.getMessage().lower()]


def test_a_load_beside_another_running_one_merges_its_relationships(settings, neo4j_driver, tmp_path, monkeypatch):
    from kg.neo4j_store import load_inputs

    dump, g = _repeating_dump(tmp_path)
    db = settings.database
    neo4j_driver.execute_query("CREATE (:KgLoadRuns {active: 1, seq: 4})", database_=db)  # another load, running
    calls = _spy_rel_writes(monkeypatch)
    load_inputs([dump], settings, ontology=False, batch_size=5)
    assert calls and all(seq is None for seq in calls)
    assert _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)") == graph_to_rows(g).relationship_count()
    assert _count(neo4j_driver, db, "MATCH (c:KgLoadRuns) RETURN c.active") == 1  # the other one's count stays
    assert isomorphic(export_graph(settings), g)


def test_a_load_that_another_begins_beside_rolls_back_its_create_and_merges(settings, neo4j_driver, tmp_path, monkeypatch):
    """Another load counted in after this one began: the CREATE transaction that sees it
    is rolled back and written again by MERGE, as is every later one; nothing doubles."""
    from kg.neo4j_store import BEGIN_RUN, load_inputs

    dump, g = _repeating_dump(tmp_path)
    db = settings.database
    calls = _spy_rel_writes(monkeypatch, lambda: neo4j_driver.execute_query(BEGIN_RUN, database_=db))
    load_inputs([dump], settings, ontology=False, batch_size=5)
    assert calls[0] is not None and calls[1] is None and all(seq is None for seq in calls[1:])
    assert _count(neo4j_driver, db, "MATCH ()-[r]->() RETURN count(r)") == graph_to_rows(g).relationship_count()
    assert isomorphic(export_graph(settings), g)


def test_a_load_that_finds_two_counters_merges_and_counts_out_of_both(settings, neo4j_driver, tmp_path, monkeypatch):
    """Two loads that began at one instant made a counter node each: a load that counts
    into both is not alone, and takes itself off both again."""
    from kg.neo4j_store import load_inputs

    dump, g = _repeating_dump(tmp_path)
    db = settings.database
    neo4j_driver.execute_query("CREATE (:KgLoadRuns {active: 1, seq: 1}), (:KgLoadRuns {active: 2, seq: 3})", database_=db)
    calls = _spy_rel_writes(monkeypatch)
    load_inputs([dump], settings, ontology=False, batch_size=5)
    assert calls and all(seq is None for seq in calls)
    records, _, _ = neo4j_driver.execute_query("MATCH (c:KgLoadRuns) RETURN c.active AS a ORDER BY a", database_=db)
    assert [r["a"] for r in records] == [1, 2]
    assert isomorphic(export_graph(settings), g)
