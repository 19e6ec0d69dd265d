"""Neo4j through the CLI, with the real server the session starts (tests/conftest.py):
loads killed half-way or run at the same time end in the graph one clean load gives
(compared by a full export); no password ever shows; the local server reads no host file
and no URL; odd text goes through build, dump, load and query unchanged."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgrun import REPORT_A, REPORT_B, REPORT_C, TIMEOUT, fails_cleanly, kg, kg_command, signal_when, succeeds

KG_TEXT = URIRef("https://kg.example.org/ontology#text")


def _auth(target: Any) -> list[str]:
    return ["--uri", target.uri, "--user", target.user, "--database", target.database]


def _env(target: Any) -> dict[str, str]:
    return {"NEO4J_PASSWORD": target.password or ""}


def _export(target: Any) -> Graph:
    from kg.neo4j_store import Neo4jSettings, export_graph

    return export_graph(Neo4jSettings(uri=target.uri, user=target.user, password=target.password,
                                      database=target.database))


def _wipe(driver: Any, target: Any) -> None:
    with driver.session(database=target.database) as s:
        s.run("MATCH (n) DETACH DELETE n").consume()


def _nodes(driver: Any, target: Any) -> int:
    with driver.session(database=target.database) as s:
        return s.run("MATCH (n:Resource) RETURN count(n) AS n").single()["n"]


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N-Triples of the three synthetic reports and the sample (a few thousand triples)."""
    out = tmp_path_factory.mktemp("dump")
    succeeds(kg("build", REPORT_A, REPORT_B, REPORT_C, "--sample", "--out", out, "--format", "nt",
                "--no-validate"))
    return out / "graph.nt"


@pytest.fixture(scope="module")
def clean_export(dump: Path, neo4j_server: Any, neo4j_driver: Any) -> Graph:
    """The graph one clean load of ``dump`` gives, read back by a full export."""
    _wipe(neo4j_driver, neo4j_server)
    succeeds(kg("load", dump, *_auth(neo4j_server), env=_env(neo4j_server)))
    return _export(neo4j_server)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_load_cut_off_and_run_again_equals_one_clean_load(
        sig: int, dump: Path, clean_export: Graph, neo4j_clean: Any, neo4j_driver: Any) -> None:
    target = neo4j_clean
    code, stderr = signal_when(["load", str(dump), *_auth(target), "--batch-size", "20"],
                               lambda: _nodes(neo4j_driver, target) >= 200, sig, env=_env(target), poll=0.05)
    assert "Traceback" not in stderr, stderr
    if sig == signal.SIGINT:
        assert code == 130 and "kg: interrupted" in stderr, stderr
    partial = _export(target)
    assert len(partial) < len(clean_export)  # really cut off half-way
    succeeds(kg("load", dump, *_auth(target), env=_env(target)))
    assert isomorphic(_export(target), clean_export)


def test_two_loads_of_overlapping_reports_at_once_equal_one_clean_load(
        tmp_path: Path, neo4j_clean: Any, neo4j_driver: Any) -> None:
    target = neo4j_clean
    builds = {}
    for name, reports in {"ab": (REPORT_A, REPORT_B), "bc": (REPORT_B, REPORT_C), "abc": (REPORT_A, REPORT_B, REPORT_C)}.items():
        succeeds(kg("build", *reports, "--out", tmp_path / name, "--format", "nt", "--no-validate"))
        builds[name] = tmp_path / name / "graph.nt"
    env = {**os.environ, **_env(target)}
    procs = [subprocess.Popen([*kg_command(), "load", str(builds[n]), *_auth(target), "--batch-size", "50"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for n in ("ab", "bc")]
    errs = [p.communicate(timeout=TIMEOUT)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    concurrent = _export(target)
    _wipe(neo4j_driver, target)
    succeeds(kg("load", builds["abc"], *_auth(target), env=_env(target)))
    assert isomorphic(concurrent, _export(target))


# ------------------------------------------------------------------------- secrets


def _no_secret(run: Any, secret: str) -> None:
    assert secret not in run.stdout and secret not in run.stderr, str(run)


@pytest.mark.parametrize("how", ["flag", "env", "uri"])
def test_a_password_never_shows_when_the_server_cannot_be_reached(how: str, tmp_path: Path) -> None:
    secret = "Sup3r-s3cret-pw"
    uri, args, env = "bolt://127.0.0.1:9", [], {}
    if how == "flag":
        args = ["--password", secret]
    elif how == "env":
        env = {"NEO4J_PASSWORD": secret}
    else:
        uri = f"bolt://neo4j:{secret}@127.0.0.1:9"
    tiny = tmp_path / "tiny.nt"
    tiny.write_text('<http://ex.org/a> <http://ex.org/b> "c" .\n')
    r = kg("load", tiny, "--uri", uri, *args, "--no-ontology", env=env, cwd=tmp_path)
    fails_cleanly(r, "127.0.0.1:9")
    _no_secret(r, secret)
    assert not any(secret in p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())


@pytest.mark.parametrize("how", ["flag", "env", "uri"])
def test_a_wrong_password_is_one_line_without_it(how: str, neo4j_server: Any) -> None:
    # another user than the tests': Neo4j locks a user out for a while after 3 failures
    secret = "Wr0ng-but-s3cret"
    uri = neo4j_server.uri
    args: list[str] = []
    env = {"NEO4J_PASSWORD": ""}
    if how == "flag":
        args = ["--password", secret]
    elif how == "env":
        env = {"NEO4J_PASSWORD": secret}
    else:
        uri = uri.replace("bolt://", f"bolt://kg-nobody:{secret}@")
    r = kg("cypher", "RETURN 1 AS one", "--uri", uri, "--user", "kg-nobody", *args, env=env)
    fails_cleanly(r, "password")
    _no_secret(r, secret)


def test_the_password_in_a_uri_works_and_never_shows(dump: Path, neo4j_server: Any) -> None:
    uri = neo4j_server.uri.replace("bolt://", f"bolt://{neo4j_server.user}:{neo4j_server.password}@")
    r = kg("cypher", "RETURN 1 AS one", "--uri", uri, "-f", "json", env={"NEO4J_PASSWORD": ""})
    succeeds(r)
    assert json.loads(r.stdout) == [{"one": 1}]
    _no_secret(r, neo4j_server.password)


def test_the_server_log_and_state_file_hold_no_password(neo4j_server: Any, tmp_path: Path) -> None:
    from kg.neo4jserver import write_state

    server = neo4j_server.server
    if server is None:
        pytest.skip("KG_TEST_NEO4J_URI names a server of your own")
    assert neo4j_server.password not in server.log_path.read_text(errors="replace")
    state = write_state(server, tmp_path / "state.json")
    assert neo4j_server.password not in state.read_text()
    assert neo4j_server.password not in repr(server)


# ------------------------------------------------------------- the local server


def test_load_csv_cannot_read_a_host_file(neo4j_server: Any) -> None:
    if neo4j_server.server is None:
        pytest.skip("KG_TEST_NEO4J_URI names a server of your own")
    r = kg("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1",
           *_auth(neo4j_server), env=_env(neo4j_server))
    fails_cleanly(r)
    assert "root:" not in r.stdout


def test_load_csv_cannot_fetch_a_url(neo4j_server: Any) -> None:
    if neo4j_server.server is None:
        pytest.skip("KG_TEST_NEO4J_URI names a server of your own")
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/x.csv"
        r = kg("cypher", f"LOAD CSV FROM '{url}' AS row RETURN row", *_auth(neo4j_server), env=_env(neo4j_server))
    finally:
        httpd.shutdown()
    fails_cleanly(r)
    assert hits == []


def test_server_refuses_auth_off_on_an_open_address() -> None:
    fails_cleanly(kg("server", "start", "--no-auth", "--host", "0.0.0.0", timeout=60), "--no-auth")


def test_server_refuses_a_password_and_no_auth_together() -> None:
    fails_cleanly(kg("server", "start", "--no-auth", "--password", "abcdefgh12", timeout=60), "--no-auth")


# --------------------------------------------------------------------- injection

ODD = ('推进“数字}青禾\\"{”建设，实施<示范>工程\\一期，'
       'SELECT * WHERE { <s> <p> "o" } MATCH (n) DETACH DELETE n ${x} [/x] :x: \'DROP TABLE t\' --。')


def test_odd_text_survives_build_dump_load_and_query_unchanged(tmp_path: Path, neo4j_clean: Any) -> None:
    target = neo4j_clean
    text = REPORT_A.read_text(encoding="utf-8").replace(
        "（一）推动产业集聚。", f"（一）推动产业集聚。{ODD}")
    report = tmp_path / "odd.txt"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    succeeds(kg("build", report, "--out", out, "--format", "nt", "--no-validate"))
    dumped = Graph().parse(out / "graph.nt", format="nt")
    found = [str(o) for o in dumped.objects(None, KG_TEXT) if "DETACH DELETE" in str(o)]
    assert found and ODD in found[0], found
    sentence = found[0]
    # SPARQL, the value as a --bind parameter
    q = "SELECT ?s WHERE { VALUES ?t { UNDEF } ?s kg:text ?x FILTER(str(?x) = ?t) }"
    r = kg("sparql", q, "--data", out / "graph.nt", "--bind", f"t={sentence}", "-f", "json")
    succeeds(r)
    assert len(json.loads(r.stdout)) == 1
    # Neo4j: load, query with the value as a parameter, export unchanged
    succeeds(kg("load", out / "graph.nt", *_auth(target), env=_env(target)))
    r = kg("cypher", "MATCH (n:Sentence) WHERE n.text_zh = $t RETURN n.text_zh AS text", "--param",
           f"t={json.dumps(sentence, ensure_ascii=False)}", *_auth(target), "-f", "json", env=_env(target))
    succeeds(r)
    assert json.loads(r.stdout) == [{"text": sentence}]
    back = _export(target)
    assert Literal(sentence, lang="zh") in set(back.objects(None, KG_TEXT))
