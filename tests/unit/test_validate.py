"""The shapes compiled to SPARQL find exactly the violations pySHACL finds (synthetic
fixture reports, broken on purpose in every way the shapes check), and the one reader of
dump files fails the same way for every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.errors import InputError, ParseError
from kg.export import build_dump
from kg.validate import compiled_shapes, read_quads, store_violations, validate, validate_files
from kg.vocab import KG, OA

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORT = FIXTURES / "rdf-qinghe-2024.txt"


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("val")
    build_dump([REPORT], out, "nt", workers=1)
    return out / "graph.nt"


def _pyshacl_violations(g: Graph) -> set[tuple[str, str]]:
    from pyshacl import validate as shacl

    from kg.validate import shapes_graph

    _c, results, _t = shacl(g, shacl_graph=shapes_graph(), inference="none", allow_warnings=False)
    return {(str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultPath)))
            for r in results.subjects(RDF.type, SH.ValidationResult)}


def _sparql_violations(g: Graph) -> set[tuple[str, str]]:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return {(v.focus, v.path) for v in store_violations(store)}


def _broken(dump: Path) -> Graph:
    g = Graph().parse(dump, format="nt")
    first = lambda cls: sorted(g.subjects(RDF.type, cls))[0]  # noqa: E731
    obs = first(KG.Observation)
    g.remove((obs, KG.statedValue, None))                                    # minCount
    g.set((obs, KG.status, KG.Up))                                           # in
    g.add((obs, KG.refYear, Literal("2024")))                                # datatype
    sec = first(KG.Section)
    g.add((sec, KG.start, Literal(10**9)))                                   # maxCount, lessThanOrEquals
    g.set((sec, KG.sectionKey, Literal("one.two")))                          # pattern
    span = sorted(g.subjects(RDF.type, KG.TextSpan))[1]
    g.set((span, KG.start, Literal(-5)))                                     # minInclusive
    sel = next(g.objects(span, OA.hasSelector))
    g.remove((sel, RDF.type, None))                                          # or (of classes)
    men = first(KG.Mention)
    g.set((men, OA.hasBody, URIRef("https://example.org/nothing")))         # or, class
    quote = first(OA.TextQuoteSelector)
    g.set((quote, OA.exact, Literal("")))                                    # minLength
    rep = first(KG.Report)
    g.add((rep, KG.planYear, Literal(2025, datatype=XSD.integer)))          # maxCount
    g.remove((first(KG.Sentence), KG.text, None))
    return g


def test_every_constraint_of_the_shapes_is_compiled():
    components = {c.component for c in compiled_shapes()}
    assert {"minCount", "maxCount", "class", "datatype", "pattern", "in", "minInclusive", "lessThan",
            "lessThanOrEquals", "minLength", "or"} <= components


def test_a_kg_graph_conforms_for_both_engines(dump):
    g = Graph().parse(dump, format="nt")
    assert validate(g)[0] and validate(g, engine="pyshacl")[0]


def test_the_sparql_engine_finds_what_pyshacl_finds(dump):
    g = _broken(dump)
    expect = _pyshacl_violations(g)
    assert len(expect) >= 10
    assert _sparql_violations(g) == expect


def test_validate_files_reports_violations_with_messages(dump, tmp_path):
    g = _broken(dump)
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    conforms, text = validate_files([bad])
    assert not conforms
    assert "an observation has one stated value" in text


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".nq", ".trig", ".jsonld"])
def test_one_error_type_for_a_bad_file_in_any_format(tmp_path, suffix):
    bad = tmp_path / f"bad{suffix}"
    bad.write_text("<a> <b> \"unterminated .\n{", encoding="utf-8")
    with pytest.raises(ParseError, match=f"bad{suffix}: not valid RDF"):
        list(read_quads([bad]))
    with pytest.raises(ParseError, match=f"bad{suffix}: not valid RDF"):
        validate_files([bad])
    with pytest.raises(InputError, match="no such file"):
        list(read_quads([tmp_path / f"missing{suffix}"]))


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".trig"])
def test_load_graph_reads_a_bad_dump_with_the_one_error(tmp_path, suffix):
    from kg.pipeline import load_graph

    bad = tmp_path / f"bad{suffix}"
    bad.write_text("<a> <b> \"unterminated .\n", encoding="utf-8")
    with pytest.raises(ParseError, match=f"bad{suffix}: not valid RDF"):
        load_graph([bad])


def test_export_stats_and_validate_fail_on_a_bad_dump_with_one_line(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <https://x.example/> . :a :b", encoding="utf-8")
    for cmd in ("export", "stats", "validate"):
        res = subprocess.run([sys.executable, "-m", "kg", cmd, str(bad)], capture_output=True, text=True)
        assert res.returncode == 2, (cmd, res.stderr)
        assert "bad.ttl: not valid RDF" in res.stderr and "Traceback" not in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_load_graph_reads_named_graph_dumps_merged(tmp_path):
    nq = tmp_path / "g.nq"
    nq.write_text('<https://x.example/a> <https://x.example/p> "1" <https://x.example/g1> .\n'
                  '<https://x.example/a> <https://x.example/p> "1" <https://x.example/g2> .\n', encoding="utf-8")
    from kg.pipeline import load_graph

    assert len(load_graph([nq])) == 1
