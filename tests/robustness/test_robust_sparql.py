"""`kg sparql`: a --bind value can never change the query; SERVICE only when asked;
updates refused as updates; every failure one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgrun import fails_cleanly, kg, succeeds

PARAM_QUERY = "SELECT ?x WHERE { VALUES ?x { UNDEF } }"


def _sparql(good_build: Path, query: str, *args: str):
    return kg("sparql", query, "--data", good_build / "graph.nt", *args)


INJECTIONS = [  # written <…>: read as an IRI, which these are not
    "<http://ex.org/a> } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #>",
    "<http://ex.org/a> } . ?s ?p ?o . FILTER(true) <http://ex.org/b>",
    "<http://ex.org/a>} UNION { ?s ?p ?x }#>",
    "<http://ex.org/a\\u003E>",
    "<javascript:alert(1)> <x>",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_bind_refuses_an_iri_that_would_change_the_query(value: str, good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, PARAM_QUERY, "--bind", f"x={value}", "-f", "json"), "IRI")


LITERALS = [  # anything else: one string literal, whatever it holds
    "<http://ex.org/a> } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o",
    '" } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #',
    "a'b\"c\\d",
    "} ; DROP ALL ; {",
    "line\nbreak\r\ttab",
    "[/x] :x: {y} <z> SELECT DELETE",
]


@pytest.mark.parametrize("value", LITERALS)
def test_bind_passes_a_literal_unchanged(value: str, good_build: Path) -> None:
    r = _sparql(good_build, PARAM_QUERY, "--bind", f"x={value}", "-f", "json")
    succeeds(r)
    assert json.loads(r.stdout) == [{"x": value}]


def test_bind_of_a_real_iri_selects_it(good_build: Path) -> None:
    q = "SELECT ?t WHERE { VALUES ?r { UNDEF } ?r a ?t }"
    r = _sparql(good_build, "SELECT ?r WHERE { ?r a kg:Report }", "-f", "json")
    succeeds(r)
    report = json.loads(r.stdout)[0]["r"]
    r = _sparql(good_build, q, "--bind", f"r=<{report}>", "-f", "json")
    succeeds(r)
    assert any(row["t"].endswith("#Report") for row in json.loads(r.stdout))


def test_bind_of_an_unknown_parameter_fails_in_one_line(good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, PARAM_QUERY, "--bind", "nope=1"), "?nope")


def test_bind_with_a_bad_name_fails_in_one_line(good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, PARAM_QUERY, "--bind", "x y=1"), "parameter name")


def test_service_is_refused_unless_asked(good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
                  "SERVICE", "--allow-service")


def test_service_hidden_in_lower_case_and_comments_is_refused(good_build: Path) -> None:
    q = "# a comment\nSELECT * WHERE {\n  service\n<http://127.0.0.1:9/> { ?s ?p ?o } }"
    fails_cleanly(_sparql(good_build, q), "SERVICE")


def test_the_word_service_in_a_string_is_not_refused(good_build: Path) -> None:
    r = _sparql(good_build, 'SELECT ?x WHERE { BIND("SERVICE <http://x/>" AS ?x) }', "-f", "json")
    succeeds(r)
    assert json.loads(r.stdout) == [{"x": "SERVICE <http://x/>"}]


def test_a_failing_service_call_allowed_is_one_line(good_build: Path) -> None:
    r = _sparql(good_build, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--allow-service")
    fails_cleanly(r, "query failed")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://ex.org/>\nCLEAR ALL",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "DROP GRAPH <http://ex.org/g>",
])
def test_updates_are_refused_as_updates(update: str, good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, update), "SPARQL update")


def test_a_syntax_error_is_one_line(good_build: Path) -> None:
    fails_cleanly(_sparql(good_build, "SELECT ?x WHERE { ?x ?y }"), "syntax")


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    fails_cleanly(kg("sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", tmp_path / "none"), "no store")


def test_a_broken_dump_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://ex.org/a> <http://ex.org/b> \"unterminated .\n")
    fails_cleanly(kg("sparql", "SELECT * WHERE { ?s ?p ?o }", "--data", bad), "bad.nt")


def test_keywords_as_prefixed_names_are_not_refused(good_build: Path) -> None:
    q = "PREFIX load: <http://ex.org/> SELECT ?x WHERE { BIND(load:service AS ?x) }"
    r = _sparql(good_build, q, "-f", "json")
    succeeds(r)
    assert json.loads(r.stdout) == [{"x": "http://ex.org/service"}]
