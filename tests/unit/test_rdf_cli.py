"""`kg build`, `kg validate`, `kg sparql` end to end on synthetic fixture reports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORTS = [FIXTURES / "rdf-qinghe-2023.txt", FIXTURES / "rdf-qinghe-2024.txt"]


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    res = _run("build", *map(str, REPORTS), "--out", str(out / "ttl"), "--store", str(out / "store"))
    assert res.exit_code == 0, res.output
    return out


def test_build_writes_turtle_void_and_a_summary(built):
    ttl = built / "ttl" / "graph.ttl"
    void = built / "ttl" / "void.ttl"
    assert ttl.is_file() and void.is_file()
    g = Graph().parse(ttl)
    d = Graph().parse(void)
    (n,) = [int(o) for o in d.objects(None, __import__("rdflib").namespace.VOID.triples)]
    assert n == len(g)
    text = void.read_text(encoding="utf-8")
    for needle in ("spdx:checksumValue", "dcterms:license", "dcterms:created", "void:classPartition", "rdf-qinghe-2023.txt"):
        assert needle in text


def test_void_lists_each_source_with_its_sha256(built):
    import hashlib

    text = (built / "ttl" / "void.ttl").read_text(encoding="utf-8")
    for r in REPORTS:
        assert hashlib.sha256(r.read_bytes()).hexdigest() in text


def test_build_ntriples_equals_turtle(built, tmp_path):
    res = _run("build", *map(str, REPORTS), "--out", str(tmp_path), "--format", "nt", "--no-validate")
    assert res.exit_code == 0, res.output
    nt = Graph().parse(tmp_path / "graph.nt", format="nt")
    assert isomorphic(nt, Graph().parse(built / "ttl" / "graph.ttl"))


def test_build_to_stdout(tmp_path):
    res = _run("build", str(REPORTS[1]), "--out", "-", "--format", "nt", "--no-validate")
    assert res.exit_code == 0
    assert "<https://kg.example.org/report/" in res.stdout


def test_build_honours_base_iri(tmp_path):
    res = _run("build", str(REPORTS[1]), "--out", str(tmp_path), "--base-iri", "https://data.example.gov.cn/kg/", "--no-validate")
    assert res.exit_code == 0, res.output
    assert "<https://data.example.gov.cn/kg/report/" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_build_missing_input_is_one_line_exit_2(tmp_path):
    res = _run("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path))
    assert res.exit_code == 2
    assert res.stderr.strip().count("\n") == 0 and "missing.txt" in res.stderr


def test_validate_exit_codes(built, tmp_path):
    ok = _run("validate", str(built / "ttl" / "graph.ttl"))
    assert ok.exit_code == 0, ok.output
    g = Graph().parse(built / "ttl" / "graph.ttl")
    from kg.vocab import KG

    obs = next(g.subjects(__import__("rdflib").RDF.type, KG.Observation))
    g.remove((obs, KG.statedValue, None))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    bad = _run("validate", str(broken))
    assert bad.exit_code == 1
    assert "stated value" in bad.stdout and str(obs) in bad.stdout
    missing = _run("validate", str(tmp_path / "nope.ttl"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("@prefix : <x> . :a :b", encoding="utf-8")
    assert _run("validate", str(garbage)).exit_code == 2


def test_sparql_on_the_store_as_csv_and_json(built):
    res = _run("sparql", "plan_year_targets", "--store", str(built / "store"), "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    got = {(r["indicator"], r["value"], r["unit"], r["qualifier"], r["year"]) for r in rows}
    assert ("地区生产总值", "6", "%", "approx", "2023") in got
    assert ("地区生产总值", "5.5", "%", "approx", "2024") in got
    assert all(r["sentence"].startswith("主要预期目标是") for r in rows)
    js = _run("sparql", "targets_vs_outcomes", "--store", str(built / "store"), "--format", "json")
    data = json.loads(js.stdout)
    gdp = [r for r in data if r["indicator"] == "地区生产总值" and r["target_unit"] == "%"]
    # one row per target: 2024's main target has no outcome yet (kept, unclear, as kg targets)
    assert [(r["year"], r["target"], r["actual"], r["verdict"]) for r in gdp] == [(2023, 6, 6.2, "met"), (2024, 5.5, None, "unclear")]


def test_sparql_table_and_bind(built):
    res = _run("sparql", "glossary_term", "--store", str(built / "store"), "--bind", "key_is=3+2")
    assert res.exit_code == 0, res.output
    assert "3个主导产业" in res.stdout


def test_sparql_errors_are_one_line_exit_2(built, tmp_path):
    syntax = _run("sparql", "SELEC ?x", "--store", str(built / "store"))
    assert syntax.exit_code == 2 and "SPARQL syntax error" in syntax.stderr
    assert syntax.stderr.strip().count("\n") == 0
    nostore = _run("sparql", "ASK {}", "--store", str(tmp_path / "none"))
    assert nostore.exit_code == 2 and "no store" in nostore.stderr
    nofile = _run("sparql", "ASK {}", "--data", str(tmp_path / "none.ttl"))
    assert nofile.exit_code == 2 and "no such file" in nofile.stderr


def test_sparql_list_names_the_library():
    res = _run("sparql", "--list")
    assert res.exit_code == 0
    names = [ln.split("\t")[0] for ln in res.stdout.splitlines()]
    assert len(names) >= 12 and "targets_vs_outcomes" in names


def test_build_keep_going_skips_an_unreadable_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(REPORTS[1].read_bytes())
    (folder / "b-empty.txt").write_bytes(b"")
    stop = _run("build", str(folder), "--out", str(tmp_path / "stop"), "--no-validate")
    assert stop.exit_code == 2 and "b-empty.txt" in stop.stderr
    go = _run("build", str(folder), "--out", str(tmp_path / "go"), "--no-validate", "--keep-going")
    assert go.exit_code == 0, go.output
    assert "b-empty.txt: skipped" in go.stderr and "built 1 report" in go.stderr


def test_build_warns_when_two_different_files_get_one_report_iri(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    body = REPORTS[1].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(body, encoding="utf-8")
    (folder / "b.txt").write_text(body.replace("建设东湖公园二期", "建设东湖公园三期"), encoding="utf-8")
    res = _run("build", str(folder), "--out", str(tmp_path / "out"), "--no-validate")
    assert res.exit_code == 0, res.output
    assert "give one report IRI" in res.stderr and "a.txt, b.txt" in res.stderr
