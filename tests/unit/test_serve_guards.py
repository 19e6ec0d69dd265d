"""kg.serve pieces that need no server: the query guards, paths ↔ IRIs, negotiation,
the result serialisers (checked by parsing them back with pyoxigraph)."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from kg.iri import Minter
from kg.serve.engine import QueryRefused, check_query, serialize_solutions
from kg.serve.links import Base, negotiate, uri_to_iri
from kg.serve.library import describe


@pytest.mark.parametrize("query", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\n# a comment\nDELETE WHERE { ?s ?p ?o }",
    "  load <http://example.org/data.ttl>",
    "BASE <urn:b/> WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_guard_refuses_updates_as_read_only(query):
    with pytest.raises(QueryRefused) as exc:
        check_query(query)
    assert exc.value.status == 403 and "read-only" in str(exc.value)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { VALUES ?ep { <http://example.org/sparql> } SERVICE ?ep { ?s ?p ?o } }",
])
def test_guard_refuses_service(query):
    with pytest.raises(QueryRefused) as exc:
        check_query(query)
    assert exc.value.status == 403 and "SERVICE" in str(exc.value)


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s rdfs:label "SERVICE <x> and INSERT" }',
    "SELECT ?s WHERE { ?s <http://example.org/SERVICE> ?o }  # SERVICE <http://x/> in a comment",
    "PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:SERVICE ?o }",
    "SELECT ?insert WHERE { ?insert a kg:Report }",
])
def test_guard_lets_queries_that_only_spell_the_keywords_through(query):
    check_query(query)


def test_path_to_iri_decodes_chinese_and_keeps_escaped_ascii():
    minter = Minter.create("https://kg.example.org/")
    iri = minter.entity("青禾区人民政府", "Programme", "“1+5+3+N”大兵团作战机制")
    assert "%2B" in iri and "大兵团" in iri
    from urllib.parse import quote

    sent = quote(iri.removeprefix("https://kg.example.org"), safe="/%")  # as a browser sends it
    assert Base(minter.base).path_to_iri(sent) == iri
    assert uri_to_iri("/a%2b%e9%9d%92") == "/a%2B青"
    assert uri_to_iri("/bad%ff%e9") == "/bad%FF%E9"  # not UTF-8: kept escaped


def test_base_with_a_path_answers_with_and_without_the_prefix():
    base = Base("https://data.example.gov.cn/kg/")
    assert base.path == "/kg/"
    assert base.path_to_iri("/kg/report/x/2024") == "https://data.example.gov.cn/kg/report/x/2024"
    assert base.path_to_iri("/report/x/2024") == "https://data.example.gov.cn/kg/report/x/2024"
    assert base.href("https://data.example.gov.cn/kg/gov/x") == "/kg/gov/x"
    assert base.href("http://www.w3.org/2000/01/rdf-schema#label") is None


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "text/turtle"),
    ("*/*", "text/turtle"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("application/ld+json", "application/ld+json"),
    ("application/ld+json;q=0.5, text/turtle;q=0.9", "text/turtle"),
    ("text/*", "text/turtle"),
    ("image/png", None),
    ("text/turtle;q=0, */*", "application/ld+json"),
])
def test_negotiate_picks_the_clients_preference(accept, expected):
    assert negotiate(accept, ["text/turtle", "application/ld+json", "text/html"]) == expected


def _rows():
    return ["s", "label", "n"], [
        [ox.NamedNode("https://kg.example.org/report/青禾区人民政府/2024-01-06"), ox.Literal("报告, \"一\"", language="zh"),
         ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))],
        [ox.BlankNode("b0"), None, ox.Literal("x\ty")],
    ]


def test_serialisers_parse_back_to_the_same_terms():
    names, rows = _rows()
    for fmt, oxfmt in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                       ("tsv", ox.QueryResultsFormat.TSV)):
        body = serialize_solutions(names, rows, fmt)
        parsed = ox.parse_query_results(io.BytesIO(body), format=oxfmt)
        assert [v.value for v in parsed.variables] == names
        back = [[sol[n] for n in names] for sol in parsed]
        assert [[str(t) if t is not None else None for t in r] for r in back[:1]] == \
               [[str(t) for t in rows[0]]], fmt
        assert back[1][1] is None and back[1][2] == ox.Literal("x\ty")
    csv_text = serialize_solutions(names, rows, "csv").decode()
    assert csv_text.splitlines()[1] == 'https://kg.example.org/report/青禾区人民政府/2024-01-06,"报告, ""一""",3'
    assert json.loads(serialize_solutions(names, rows, "json"))["results"]["bindings"][1]["s"]["type"] == "bnode"


def test_describe_reads_the_whole_comment_block_and_parameters():
    text = ("# First sentence. Second sentence\n# continues here.\n#\n# Parameter ?place (UNDEF = all).\n"
            "SELECT ?x WHERE {\n  VALUES ?place { UNDEF }\n  VALUES ?year { UNDEF }\n}\n")
    info = describe("q", text)
    assert info.title == "First sentence."
    assert info.description == "First sentence. Second sentence continues here.\nParameter ?place (UNDEF = all)."
    assert info.parameters == ("place", "year")
