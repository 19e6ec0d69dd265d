"""The local pyoxigraph store and SPARQL over it or over dump files."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from kg.errors import InputError, ParseError, StoreError
from kg.export import DumpFormat, serialize
from kg.rdf import build_graph
from kg.store import bind_parameters, library_queries, load_store, read_query, sparql

_spec = importlib.util.spec_from_file_location(
    "rdf_synthetic", Path(__file__).resolve().parent.parent / "fixtures" / "rdf_synthetic.py"
)
syn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(syn)

COUNT_SENTENCES = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Sentence }"


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("dumps")
    g = build_graph([syn.analysis_2023(), syn.analysis_2024()])
    out = {}
    for fmt in DumpFormat:
        p = d / f"graph.{fmt.value}"
        p.write_text(serialize(g, fmt), encoding="utf-8")
        out[fmt.value] = p
    out["sentences"] = len(syn.report_2023().sentences) + len(syn.report_2024().sentences)
    return out


@pytest.fixture(scope="module")
def store_dir(dumps, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("store") / "kgstore"
    load_store(d, [dumps["ttl"]], replace=True)
    return d


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_every_dump_format_answers_the_same_count(dumps, fmt):
    rows = sparql(COUNT_SENTENCES, data=[dumps[fmt]]).rows
    assert rows == ({"n": dumps["sentences"]},)


def test_persistent_store_answers_after_reopening(store_dir, dumps):
    assert sparql(COUNT_SENTENCES, store=store_dir).rows == ({"n": dumps["sentences"]},)


def test_loading_with_replace_does_not_accumulate(store_dir, dumps):
    first = load_store(store_dir, [dumps["nt"]], replace=True)
    again = load_store(store_dir, [dumps["nt"]], replace=True)
    assert first == again


def test_answers_are_python_values(store_dir):
    q = """SELECT ?v ?y ?unit ?flag WHERE {
      ?o kg:surface "1200.5亿元"@zh ; kg:statedValue ?v ; kg:refYear ?y ; kg:statedUnit ?unit .
      ?sec a kg:Section ; kg:sectionKey "1.1" ; kg:headingDefect ?flag ; kg:inReport ?r .
      ?o prov:wasDerivedFrom ?r }"""
    (row,) = sparql(q, store=store_dir).rows
    assert row == {"v": Decimal("1200.5"), "y": 2022, "unit": "亿元", "flag": False}


def test_ask_and_construct_queries(store_dir):
    assert sparql("ASK { ?r a kg:Report }", store=store_dir).rows == ({"ask": True},)
    res = sparql("CONSTRUCT { ?r a kg:Report } WHERE { ?r a kg:Report }", store=store_dir)
    assert res.vars == ("s", "p", "o") and len(res) == 2


def test_the_ontology_is_in_the_store_for_notations_and_subclasses(store_dir):
    q = "SELECT ?n WHERE { kg:Target skos:notation ?n . kg:Port rdfs:subClassOf kg:Place }"
    assert sparql(q, store=store_dir).rows == ({"n": "target"},)


def test_syntax_error_is_a_parse_error(store_dir):
    with pytest.raises(ParseError, match="SPARQL syntax error"):
        sparql("SELEC ?x WHERE { ?x ?p ?o }", store=store_dir)


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        sparql(COUNT_SENTENCES, store=tmp_path / "nothing")


def test_unreadable_store_is_a_store_error(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError):
        sparql(COUNT_SENTENCES, store=bad)


def test_missing_or_bad_data_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        sparql(COUNT_SENTENCES, data=[tmp_path / "missing.ttl"])
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(ParseError, match="not valid RDF"):
        sparql(COUNT_SENTENCES, data=[bad])
    (tmp_path / "x.csv").write_text("a")
    with pytest.raises(InputError, match="unknown RDF file type"):
        sparql(COUNT_SENTENCES, data=[tmp_path / "x.csv"])


def test_store_or_data_must_be_given_exactly_once(dumps, store_dir):
    with pytest.raises(InputError):
        sparql(COUNT_SENTENCES)
    with pytest.raises(InputError):
        sparql(COUNT_SENTENCES, store=store_dir, data=[dumps["ttl"]])


def test_bind_parameters_fills_values_undef_and_escapes():
    q = 'SELECT * WHERE { VALUES ?key_is { UNDEF } ?s ?p ?o }'
    assert 'VALUES ?key_is { "1+5+3+N" }' in bind_parameters(q, {"key_is": "1+5+3+N"})
    assert r'"a\"b"' in bind_parameters(q, {"key_is": 'a"b'})
    assert "<https://x.org/a>" in bind_parameters(q, {"key_is": "<https://x.org/a>"})
    with pytest.raises(InputError, match="no parameter"):
        bind_parameters(q, {"other": "x"})


def test_read_query_takes_text_files_and_library_names(tmp_path):
    f = tmp_path / "q.rq"
    f.write_text(COUNT_SENTENCES)
    assert read_query(str(f)) == COUNT_SENTENCES
    assert read_query("plan_year_targets") == library_queries()["plan_year_targets"]
    assert read_query(COUNT_SENTENCES) == COUNT_SENTENCES
    with pytest.raises(InputError):
        read_query("no_such_query.rq")


def test_library_has_at_least_twelve_documented_queries():
    lib = library_queries()
    assert len(lib) >= 12
    for name, text in lib.items():
        assert text.lstrip().startswith("#"), name


def test_empty_folder_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        sparql(COUNT_SENTENCES, store=tmp_path)


# ---------------------------------------------------------------- each triple answered once


def _rows(result) -> list[tuple]:
    return [tuple(r.values()) for r in result.rows]


@pytest.fixture(scope="module")
def with_ontology(dumps, tmp_path_factory) -> Path:
    """A dump a user built with the ontology added (data + ontology/kg.ttl in one file)."""
    from rdflib import Graph

    from kg.validate import ontology_graph

    g = Graph()
    g.parse(dumps["nt"], format="nt")
    for t in ontology_graph():
        g.add(t)
    p = tmp_path_factory.mktemp("withonto") / "graph_and_ontology.ttl"
    g.serialize(p, format="turtle", encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def per_report_trig(tmp_path_factory) -> Path:
    """TriG with one named graph per report: the shared government, places and indicators
    are written in both graphs."""
    from rdflib import Dataset, URIRef

    from kg.links import with_links
    from kg.rdf import analysis_triples, report_iri

    ds = Dataset()
    # the links a build writes after the last report (kg.links) go in their target's report graph
    batches = ((str(report_iri(a)), analysis_triples(a)) for a in (syn.analysis_2023(), syn.analysis_2024()))
    for rep, triples in with_links(batches):
        ng = ds.graph(URIRef(rep))
        for t in triples:
            ng.add(t)
    p = tmp_path_factory.mktemp("trig") / "graph.trig"
    ds.serialize(p, format="trig", encoding="utf-8")
    return p


@pytest.mark.parametrize("name", ["plan_year_targets", "targets_vs_outcomes", "indicator_over_years", "places_by_type"])
def test_a_dump_that_carries_the_ontology_answers_each_row_once(dumps, with_ontology, name):
    plain = _rows(sparql(name, data=[dumps["nt"]]))
    assert plain
    assert _rows(sparql(name, data=[with_ontology])) == plain
    # also when the ontology comes twice: in the dump and as its own file
    from importlib.resources import files

    onto = Path(str(files("kg.ontology") / "kg.ttl"))
    assert _rows(sparql(name, data=[with_ontology, onto])) == plain


def test_a_persistent_store_of_a_dump_with_the_ontology_answers_each_row_once(dumps, with_ontology, tmp_path):
    plain = _rows(sparql("plan_year_targets", data=[dumps["nt"]]))
    load_store(tmp_path / "s", [with_ontology], replace=True)
    assert _rows(sparql("plan_year_targets", store=tmp_path / "s")) == plain
    # loading more on top (no replace) keeps one copy of everything
    load_store(tmp_path / "s", [dumps["nt"]])
    assert _rows(sparql("plan_year_targets", store=tmp_path / "s")) == plain


@pytest.mark.parametrize("name", ["plan_year_targets", "targets_vs_outcomes", "report_overview", "places_by_type"])
def test_triples_in_several_named_graphs_are_answered_once(dumps, per_report_trig, name):
    assert _rows(sparql(name, data=[per_report_trig])) == _rows(sparql(name, data=[dumps["nt"]]))
    # the named graphs stay queryable
    graphs = sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?r a kg:Report } }", data=[per_report_trig])
    assert len(graphs) == 2


def test_a_store_whose_ontology_is_only_in_its_named_graph_still_answers(dumps, tmp_path):
    """A store loaded the old way (data in the default graph, the ontology only in its
    named graph) answers the library queries that read the ontology's codes."""
    import pyoxigraph as ox

    from kg.store import run_query
    from kg.vocab import ONTOLOGY_IRI

    st = ox.Store()
    st.bulk_load(path=str(dumps["nt"]), format=ox.RdfFormat.N_TRIPLES)
    from importlib.resources import files

    st.load((files("kg.ontology") / "kg.ttl").read_bytes(),
            format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))
    got = _rows(run_query(st, library_queries()["plan_year_targets"]))
    assert got and got == _rows(sparql("plan_year_targets", data=[dumps["nt"]]))


def test_sparql_data_parses_a_dump_once_and_reuses_it(dumps, tmp_path, monkeypatch):
    from kg import store as kgstore

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    first = sparql(COUNT_SENTENCES, data=(dumps["nt"],)).rows
    (entry,) = [d for d in (tmp_path / "cache").iterdir() if d.is_dir()]
    stamp = (entry / "complete").stat().st_mtime_ns
    calls = []
    monkeypatch.setattr(kgstore, "fill_store", lambda *a, **k: calls.append(a))
    assert sparql(COUNT_SENTENCES, data=(dumps["nt"],)).rows == first == ({"n": dumps["sentences"]},)
    assert calls == [] and (entry / "complete").stat().st_mtime_ns == stamp  # not parsed again
    monkeypatch.undo()
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    # another file (or changed contents) is another entry
    copy = tmp_path / "copy.nt"
    copy.write_bytes(dumps["nt"].read_bytes() + b"<https://x.example/a> <https://x.example/b> <https://x.example/c> .\n")
    assert sparql("SELECT (COUNT(*) AS ?n) WHERE { <https://x.example/a> ?p ?o }", data=(copy,)).rows == ({"n": 1},)
    assert len([d for d in (tmp_path / "cache").iterdir() if d.is_dir()]) == 2


def test_sparql_data_falls_back_to_memory_when_the_cache_cannot_be_written(dumps, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    assert sparql(COUNT_SENTENCES, data=(dumps["ttl"],)).rows == ({"n": dumps["sentences"]},)
