"""The RDF <-> property-graph mapping of kg.neo4j_store, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.neo4j_store import (
    GENERIC_REL,
    SKOLEM_PREFIX,
    Neo4jSettings,
    default_mapping,
    graph_to_rows,
    literal_entry,
    merge_props,
    rows_to_graph,
)

KG = Namespace("https://kg.example.org/ontology#")
EX = Namespace("https://data.example.org/x/")
OTHER = Namespace("http://other.example.net/v#")


def _round_trip(g: Graph) -> Graph:
    pg = graph_to_rows(g)
    nodes = [(iri, pg.labels.get(iri, ()), props) for iri, props in pg.nodes.items()]
    rels = [(r["s"], typ, r.get("p"), r["o"]) for typ, rows in pg.rels.items() for r in rows]
    return rows_to_graph(nodes, rels)


def test_mapping_labels_and_types_are_safe_identifiers_from_the_ontology():
    m = default_mapping()
    assert m.labels[str(KG.Place)] == "Place"
    assert m.labels[str(KG.Report)] == "Report"
    assert m.rel_types[str(KG.locatedIn)] == "LOCATED_IN"
    assert m.props[str(KG.statedValue)] == ("stated_value", str(XSD.decimal))
    assert m.props[str(RDFS.label)] == ("label", None)
    for label in m.labels.values():
        assert label.isidentifier() and label[0].isupper()
    for typ in m.rel_types.values():
        assert typ.replace("_", "").isalnum() and typ.upper() == typ


def test_mapping_names_every_kg_class_and_property_of_the_ontology_as_rdflib_reads_it():
    """default_mapping reads kg.ttl with pyoxigraph: every kg class, object property and
    datatype property (with its XSD range) that rdflib finds there is in the mapping."""
    from importlib import resources

    from rdflib.namespace import OWL

    from kg.neo4j_store import KG_NS

    onto = Graph().parse(resources.files("kg.ontology").joinpath("kg.ttl").read_bytes(), format="turtle")
    m = default_mapping()
    kg_terms = lambda kind: {str(t) for t in onto.subjects(RDF.type, kind) if str(t).startswith(KG_NS)}  # noqa: E731
    assert kg_terms(OWL.Class) and kg_terms(OWL.Class) <= set(m.labels)
    assert kg_terms(OWL.ObjectProperty) and kg_terms(OWL.ObjectProperty) <= set(m.rel_types)
    assert kg_terms(OWL.DatatypeProperty) and kg_terms(OWL.DatatypeProperty) <= set(m.props)
    for prop in kg_terms(OWL.DatatypeProperty):
        rng = onto.value(URIRef(prop), RDFS.range)
        assert m.props[prop][1] == (str(rng) if rng is not None and str(rng).startswith(str(XSD)) else None)


def test_language_tagged_literals_keep_both_languages():
    m = default_mapping()
    assert literal_entry(str(RDFS.label), Literal("罗湖区", lang="zh"), m) == [("label_zh", "罗湖区")]
    assert literal_entry(str(RDFS.label), Literal("Luohu", lang="en"), m) == [("label_en", "Luohu")]
    assert literal_entry(str(RDFS.label), Literal("羅湖", lang="zh-Hant"), m) == [("label@zh-Hant", "羅湖")]


def test_decimals_are_kept_exact_beside_a_float():
    m = default_mapping()
    entry = literal_entry(str(KG.statedValue), Literal("6.50", datatype=XSD.decimal), m)
    assert entry == [("stated_value", 6.5), ("stated_value_decimal", "6.50")]


def test_values_of_another_datatype_keep_their_lexical_form_and_datatype():
    m = default_mapping()
    lit = Literal("2023-W01", datatype=OTHER.week)
    assert literal_entry(str(KG.statedValue), lit, m) == [(f"stated_value^^{OTHER.week}", "2023-W01")]
    assert literal_entry(str(OTHER.p), Literal("x"), m) == [(str(OTHER.p), "x")]


def test_unknown_predicates_become_generic_relationships_with_the_predicate():
    g = Graph()
    g.add((EX.a, OTHER.twinnedWith, EX.b))
    g.add((EX.a, KG.locatedIn, EX.c))
    pg = graph_to_rows(g)
    assert pg.rels[GENERIC_REL] == [{"s": str(EX.a), "o": str(EX.b), "p": str(OTHER.twinnedWith)}]
    assert pg.rels["LOCATED_IN"] == [{"s": str(EX.a), "o": str(EX.c)}]


def test_unknown_classes_go_to_rdf_types_not_labels():
    g = Graph()
    g.add((EX.a, RDF.type, KG.Place))
    g.add((EX.a, RDF.type, OTHER.Place))
    pg = graph_to_rows(g)
    assert pg.labels[str(EX.a)] == {"Place"}
    assert pg.nodes[str(EX.a)]["rdf_types"] == str(OTHER.Place)


def test_blank_nodes_get_the_same_skolem_iris_whatever_the_parser_called_them(fixtures: Path):
    text = (fixtures / "rdf" / "portal_sample.ttl").read_text(encoding="utf-8")
    one = graph_to_rows(Graph().parse(data=text, format="turtle"))
    two = graph_to_rows(Graph().parse(data=text, format="turtle"))
    skolems = sorted(i for i in one.nodes if i.startswith(SKOLEM_PREFIX))
    assert len(skolems) == 2
    assert skolems == sorted(i for i in two.nodes if i.startswith(SKOLEM_PREFIX))


def test_sample_graph_survives_the_round_trip(fixtures: Path):
    g = Graph().parse(fixtures / "rdf" / "portal_sample.ttl")
    assert isomorphic(_round_trip(g), g)


_iris = st.sampled_from([EX.a, EX.b, EX.c, OTHER.d])
_preds = st.sampled_from([RDFS.label, KG.statedValue, KG.refYear, KG.headingDefect, KG.locatedIn,
                          KG.statedUnit, OTHER.p, OTHER.q, RDF.type])
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)
_literals = st.one_of(
    _text.map(Literal),
    st.tuples(_text, st.sampled_from(["zh", "en", "zh-Hant"])).map(lambda t: Literal(t[0], lang=t[1])),
    st.integers(-10**6, 10**6).map(Literal),
    st.booleans().map(Literal),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: Literal(d, datatype=XSD.decimal)),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: Literal(f, datatype=XSD.double)),
)
_objects = st.one_of(_iris, _literals, st.sampled_from([KG.Place, KG.Report, OTHER.Klass]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_iris, _preds, _objects), max_size=25), st.booleans())
def test_any_graph_survives_the_round_trip(triples, with_blank):
    g = Graph()
    for s, p, o in triples:
        g.add((s, p, o))
    if with_blank and triples:
        b = BNode()
        g.add((triples[0][0], KG.span, b))
        g.add((b, KG.start, Literal(3)))
    assert isomorphic(_round_trip(g), g)


def test_settings_come_from_arguments_then_environment_and_hide_the_password():
    env = {"NEO4J_URI": "neo4j://db.example:7687", "NEO4J_PASSWORD": "s3cret-pass", "NEO4J_DATABASE": "kg"}
    s = Neo4jSettings.from_env(env=env)
    assert (s.uri, s.user, s.password, s.database) == ("neo4j://db.example:7687", "neo4j", "s3cret-pass", "kg")
    assert "s3cret-pass" not in repr(s)
    s = Neo4jSettings.from_env(uri="bolt://other:7687", database="neo4j", env=env)
    assert (s.uri, s.database) == ("bolt://other:7687", "neo4j")
    assert Neo4jSettings.from_env(env={}).uri == "bolt://localhost:7687"


@pytest.mark.parametrize("value", [Literal("2031-01-15", datatype=XSD.date), Literal("2031", datatype=XSD.gYear)])
def test_declared_dates_and_years_round_trip(value):
    g = Graph()
    pred = URIRef("http://purl.org/dc/terms/issued") if value.datatype == XSD.date else OTHER.year
    g.add((EX.a, pred, value))
    assert isomorphic(_round_trip(g), g)


def test_merge_props_unites_old_and_new_values_of_a_key():
    old = {"iri": "x", "altLabel_zh": ["甲", "乙"], "label_zh": "甲地", "kept": 1}
    new = {"iri": "x", "altLabel_zh": "丙", "label_zh": "甲地"}
    merged = merge_props(old, new)
    assert merged["altLabel_zh"] == ["丙", "乙", "甲"]
    assert merged["label_zh"] == "甲地"
    assert "kept" not in merged  # SET n += merged leaves keys the new load lacks alone


def test_merge_props_rederives_floats_beside_exact_decimals():
    merged = merge_props({"value_decimal": "1.10", "value": 1.1}, {"value_decimal": "2.5", "value": 2.5})
    assert merged["value_decimal"] == ["1.10", "2.5"]
    assert merged["value"] == [1.1, 2.5]


def test_merge_props_of_equal_values_changes_nothing():
    props = {"iri": "x", "label_zh": "甲", "altLabel_zh": ["乙", "丙"]}
    assert merge_props(props, dict(props)) == props


def _streamed_rows(plain) -> dict:
    """The node rows the streaming load makes from plain triples, in one window."""
    from kg.neo4j_store import _NodeWindow

    window = _NodeWindow(default_mapping())
    for s, p, o in plain:
        window.add(s, p, o)
    return {iri: (labels, props) for iri, labels, props in window.take()}


def test_streamed_rows_from_a_dump_equal_the_rows_of_the_whole_graph(tmp_path: Path):
    """The streaming load (pyoxigraph quads → plain tuples → rows) gives each node the
    properties and labels graph_to_rows gives it from the rdflib graph of the same dump."""
    from kg.neo4j_store import plain_quads, plain_triples
    from kg.validate import read_quads

    g = Graph()
    for i in range(3):
        p = EX[f"place-{i}"]
        g.add((p, RDF.type, KG.Place))
        g.add((p, RDFS.label, Literal(f"地点{i}", lang="zh")))
        g.add((p, RDFS.label, Literal(f"Place {i}", lang="en-GB")))
        g.add((p, KG.statedValue, Literal(f"{i}.50", datatype=XSD.decimal)))
        g.add((p, KG.statedValue, Literal(f"{i}.5", datatype=XSD.decimal)))
        g.add((p, OTHER.note, Literal("plain")))
        g.add((p, RDF.type, OTHER.Unknown))
        g.add((p, KG.locatedIn, EX["country"]))
    dump = tmp_path / "g.nt"
    g.serialize(dump, format="nt", encoding="utf-8")
    want = graph_to_rows(g)
    expected = {iri: (sorted(want.labels.get(iri, ())), props) for iri, props in want.nodes.items()}
    assert _streamed_rows(plain_quads(read_quads([dump]))) == expected
    assert _streamed_rows(plain_triples(g)) == expected
    assert expected[str(EX["country"])] == ([], {})  # an object-only node is a row too


def test_a_node_split_over_two_windows_merges_to_its_one_window_props():
    """A node whose triples fall in two windows is written twice; merge_props of the two
    rows (what the second write does against the stored node) equals the one-window row."""
    from kg.neo4j_store import plain_triples

    g = Graph()
    p = EX["place"]
    first = [(p, RDFS.label, Literal("甲", lang="zh")), (p, KG.statedValue, Literal("1.50", datatype=XSD.decimal))]
    second = [(p, RDFS.label, Literal("乙", lang="zh")), (p, KG.statedValue, Literal("2.5", datatype=XSD.decimal))]
    for t in first + second:
        g.add(t)
    one = _streamed_rows(plain_triples(g))[str(p)][1]
    a = _streamed_rows(plain_triples(first))[str(p)][1]
    b = _streamed_rows(plain_triples(second))[str(p)][1]
    assert merge_props(a, b) == one


def test_pack_cuts_groups_into_transactions_of_at_most_the_batch_size_in_one_lock_order():
    from kg.neo4j_store import _pack

    groups = {("Place",): [["p3"], ["p1"], ["p2"]], (): [["n2"], ["n1"]], ("Indicator", "Place"): [["i1"]]}
    batches = list(_pack(groups, 2, lambda r: r))
    assert [sum(len(rows) for _, rows in b) for b in batches] == [2, 2, 2]
    # unlabelled first, then groups by their labels; rows sorted inside a group: one order for every load
    assert [(k, [r[0] for r in rows]) for b in batches for k, rows in b] == [
        ((), ["n1", "n2"]), (("Indicator", "Place"), ["i1"]), (("Place",), ["p1"]), (("Place",), ["p2", "p3"])]
    assert list(_pack({}, 5, lambda r: r)) == []


class _FakeTx:
    """Answers the node queries as a server holding ``stored`` (iri -> properties) would."""

    def __init__(self, stored):
        self.stored, self.calls = stored, []

    def run(self, query, rows):
        self.calls.append((query, rows))
        matched = [{"iri": r["iri"], "props": self.stored[r["iri"]]} for r in rows
                   if isinstance(r, dict) and "props" in r and "ON MATCH" in query and r["iri"] in self.stored]

        class Result(list):
            def consume(self):
                return type("Summary", (), {"counters": None})()

        return Result(matched)


def test_node_rows_unite_stored_values_and_write_only_nodes_that_change():
    from kg.neo4j_store import SET_MERGED, _write_node_rows

    tx = _FakeTx({"a": {"iri": "a", "label": "x"}, "b": {"iri": "b", "label": ["x", "y"]}})
    rows = [("a", ["Place"], {"label": "y"}), ("b", ["Place"], {"label": "y"}),
            ("c", ["Place"], {"label": "z"}), ("d", [], {})]
    _write_node_rows(tx, [(("Place",), rows[:3]), ((), rows[3:])])
    merged = [rows for query, rows in tx.calls if query == SET_MERGED]
    # a gains y beside x; b already holds y (nothing to write); c is new (set in the MERGE)
    assert merged == [[{"iri": "a", "props": {"label": ["x", "y"]}}]]
    assert any(rows == ["d"] for _, rows in tx.calls)  # a node without properties: MERGE only


# ----------------------------------------------------------------------- load internals

_R1 = "https://kg.example.org/report/甲区人民政府/2024-01-09"
_R2 = "https://kg.example.org/report/乙县人民政府/2024-01-10"
_NQ = (f"<{_R1}> <{RDF.type}> <{KG.Report}> <https://g.example.org/1> .\n"
       f"<{_R1}/part/1> <{RDFS.label}> \"一\\n\\\"引\\\"\"@zh-hant <https://g.example.org/1> .\n"
       f"<{_R1}/part/1> <{RDFS.label}> \"一\\n\\\"引\\\"\"@zh-hant <https://g.example.org/2> .\n"
       f"<{_R1}/part/1> <{KG.statedValue}> \"6.50\"^^<{XSD.decimal}> .\n"
       f"<{_R1}/part/1> <{KG.inReport}> <{_R1}> .\n"
       f"<{_R2}> <{RDF.type}> <{KG.Report}> .\n"
       f"<{_R2}/s/1> <{RDFS.label}> \"二\" .\n"
       f"<https://kg.example.org/gov/甲区> <{RDFS.label}> \"甲区\"@zh .\n")


def test_the_load_sums_the_same_report_keys_as_dump_report_keys(tmp_path: Path) -> None:
    from kg.neo4j_store import _dump_reports, _ReportKeys
    from kg.pipeline import dump_report_keys
    from kg.validate import read_quads

    dump = tmp_path / "a.nq"
    dump.write_text(_NQ, encoding="utf-8")
    expected = dump_report_keys([dump])
    reports, blank = _dump_reports([dump])
    assert reports == {_R1, _R2} and not blank
    assert _ReportKeys(reports).scan([dump]) == expected
    keyer = _ReportKeys(reports)
    next(keyer.feed(read_quads([dump])))  # a pass abandoned (the load's emptiness check)
    assert not keyer.complete
    assert len(list(keyer.feed(read_quads([dump])))) == 8 and keyer.complete  # quads pass through
    assert keyer.keys() == expected
    assert keyer.keys()[_R1].startswith("4-")  # the triple in two named graphs counts once
    blank_dump = tmp_path / "b.nt"
    blank_dump.write_text(f"<{_R1}> <{KG.span}> _:b .\n", encoding="utf-8")
    assert _dump_reports([blank_dump]) == (set(), True)


def test_relationships_go_in_batches_of_at_most_batch_size_grouped_by_object() -> None:
    from kg.neo4j_store import _Distinct, _write_rels_pass

    class Writers:
        def __init__(self) -> None:
            self.batches: list[list[tuple[str, list[list[object]]]]] = []

        def put(self, worker: int, fn: object, batch: list[tuple[str, list[list[object]]]]) -> None:
            assert worker == 0
            self.batches.append(batch)

    hub, other = "https://x.org/hub", "https://x.org/other"
    triples = [(f"https://x.org/s{i:02d}", str(KG.inReport), hub) for i in range(7)]
    triples += [("https://x.org/s00", "http://ex.org/p", other), ("https://x.org/s00", str(RDF.type), other),
                ("https://x.org/s00", str(RDFS.label), ("a", None, None))]
    w, rels = Writers(), _Distinct()
    _write_rels_pass(iter(triples), w, 1, 3, rels, default_mapping())  # type: ignore[arg-type]
    sizes = [sum(len(row[-1]) for _, rows, _ in batch for row in rows) for batch in w.batches]
    assert sizes == [3, 3, 2] and rels.count() == 8
    sent = {(typ, *row[:-1], s) for batch in w.batches for typ, rows, _ in batch for row in rows for s in row[-1]}
    assert sent == {("IN_REPORT", hub, s) for s, _, _ in triples[:7]} | {(GENERIC_REL, other, "http://ex.org/p", "https://x.org/s00")}
    first = w.batches[0][0]
    assert first[0] == "IN_REPORT" and first[1] == [[hub, ["https://x.org/s00", "https://x.org/s01", "https://x.org/s02"]]]
    assert not any(merge for batch in w.batches for _, _, merge in batch)  # MERGE-mode: no MERGE groups needed


def test_a_create_mode_load_sends_a_relationship_once_and_merges_one_seen_in_an_earlier_window() -> None:
    from kg.neo4j_store import _Distinct, _RelWrites, _write_rels_pass

    class Writers:
        def __init__(self) -> None:
            self.batches: list[list[tuple[str, list[list[object]], bool]]] = []

        def put(self, worker: int, fn: object, batch: list[tuple[str, list[list[object]], bool]]) -> None:
            self.batches.append(batch)

    hub = "https://x.org/hub"
    t = [(f"https://x.org/s{i}", str(KG.inReport), hub) for i in range(5)]
    # window 1 (4 sightings at batch size 1): s0 twice in it; window 2 repeats s1
    triples = [t[0], t[0], t[1], t[2], t[3], t[1], t[4]]
    w, rels = Writers(), _Distinct()
    _write_rels_pass(iter(triples), w, 1, 1, rels, default_mapping(), _RelWrites(7))  # type: ignore[arg-type]
    sent = [(row[-1], merge) for batch in w.batches for _, rows, merge in batch for row in rows]
    assert sent == [([t[0][0]], False), ([t[1][0]], False), ([t[2][0]], False),
                    ([t[3][0]], False), ([t[4][0]], False), ([t[1][0]], True)]
    assert rels.count() == 5


def test_report_keys_found_and_summed_over_two_passes_equal_dump_report_keys(tmp_path: Path) -> None:
    from kg.neo4j_store import _BlankNodes, _ReportKeys
    from kg.pipeline import dump_report_keys
    from kg.validate import read_quads

    dump = tmp_path / "a.nq"
    dump.write_text(_NQ, encoding="utf-8")
    keyer = _ReportKeys(set(), discover=True)
    assert len(list(keyer.feed(read_quads([dump])))) == 8 and not keyer.complete  # pass 1 finds the reports
    assert keyer.reports == {_R1, _R2}
    assert len(list(keyer.feed(read_quads([dump])))) == 8 and keyer.complete  # pass 2 sums
    assert keyer.keys() == dump_report_keys([dump]) == _ReportKeys(set(), discover=True).scan([dump])
    blank_dump = tmp_path / "b.nt"
    blank_dump.write_text(f"<{_R1}> <{RDF.type}> <{KG.Report}> .\n<{_R1}> <{KG.span}> _:b .\n", encoding="utf-8")
    with pytest.raises(_BlankNodes):
        list(_ReportKeys(set(), discover=True).feed(read_quads([blank_dump])))


def test_node_ids_name_relationship_ends_by_id_and_give_up_on_an_unknown_or_clashing_iri(monkeypatch) -> None:
    import kg.neo4j_store as store

    ids = store._NodeIds()
    ids.add([("https://x.org/a", 10), ("https://x.org/b", 11), ("https://x.org/hub", 12)])
    ids.add([("https://x.org/hub", 12)])  # a bare node MERGEd again in a later window: same id
    assert ids.seal()
    groups = [("IN_REPORT", [["https://x.org/hub", ["https://x.org/a", "https://x.org/b"]]], False),
              (store.GENERIC_REL, [["https://x.org/a", "http://ex.org/p", ["https://x.org/b"]]], False),
              ("IN_REPORT", [["https://x.org/hub", ["https://x.org/a"]]], True)]  # MERGE rows stay IRIs
    assert ids.rows(groups) == [("IN_REPORT", [[12, [10, 11]]], False),
                                (store.GENERIC_REL, [[10, "http://ex.org/p", [11]]], False), groups[2]]
    assert ids.rows([("IN_REPORT", [["https://x.org/hub", ["https://x.org/zz"]]], False)]) is None
    # two IRIs of one hash with different ids: neither is named by id
    clash = store._NodeIds()
    monkeypatch.setattr(store, "hash", lambda s: 1 if s in ("https://x.org/a", "https://x.org/b") else 2, raising=False)
    clash.add([("https://x.org/a", 10), ("https://x.org/b", 11), ("https://x.org/hub", 12)])
    assert clash.seal()
    assert clash.rows([("IN_REPORT", [["https://x.org/hub", ["https://x.org/a"]]], False)]) is None
    assert clash.rows([("IN_REPORT", [["https://x.org/hub", []]], False)]) == [("IN_REPORT", [[12, []]], False)]
    # past the cap the load names nodes by IRI
    monkeypatch.setattr(store, "ID_CAP", 2)
    capped = store._NodeIds()
    capped.add([("https://x.org/a", 10), ("https://x.org/b", 11), ("https://x.org/c", 12)])
    assert not capped.seal()


def test_create_mode_node_rows_return_each_nodes_id_in_row_order() -> None:
    from kg.neo4j_store import RETURN_ID, _write_node_rows

    class Tx:
        def __init__(self) -> None:
            self.calls: list[tuple[str, list]] = []

        def run(self, query: str, rows: list):
            self.calls.append((query, rows))
            ids = [100 + len(self.calls) * 10 + i for i in range(len(rows))] if query.endswith(RETURN_ID) else []

            class Result:
                def single(self, strict: bool = False):
                    return [ids]

                def consume(self):
                    return type("Summary", (), {"counters": None})()

            return Result()

    tx, pairs = Tx(), [("stale", 1)]
    rows = [("a", ["Place"], {"label": "x"}), ("b", ["Place"], {"label": "y"}), ("c", ["Place"], {})]
    _write_node_rows(tx, [(("Place",), rows)], True, pairs)  # type: ignore[arg-type]
    assert [q.startswith("CYPHER replan=skip UNWIND $rows AS row CREATE") for q, _ in tx.calls] == [True, False]
    assert pairs == [("a", 110), ("b", 111), ("c", 120)]  # the stale pair of a failed try is gone
    tx = Tx()
    _write_node_rows(tx, [(("Place",), rows)], True)  # type: ignore[arg-type]
    assert not any(q.endswith(RETURN_ID) for q, _ in tx.calls)


def test_an_iri_seen_only_as_an_object_waits_for_its_own_triples_or_the_last_window() -> None:
    from kg.neo4j_store import _NodeWindow

    window = _NodeWindow(default_mapping())
    window.add("https://x.org/a", str(KG.inReport), "https://x.org/r")
    window.add("https://x.org/a", str(KG.inReport), "https://x.org/b")
    window.add("https://x.org/b", str(RDFS.label), ("乙", "zh", None))
    assert {iri for iri, _, _ in window.take(final=False)} == {"https://x.org/a", "https://x.org/b"}
    window.add("https://x.org/r", str(RDFS.label), ("报告", "zh", None))  # r's own triples, a window later
    window.add("https://x.org/c", str(KG.inReport), "https://x.org/d")
    rows = window.take(final=False)
    assert [(iri, props) for iri, _, props in rows if iri == "https://x.org/r"] == [("https://x.org/r", {"label_zh": "报告"})]
    assert "https://x.org/d" not in {iri for iri, _, _ in rows}
    assert window.take() == [("https://x.org/d", [], {})]  # the last window writes what is left bare


def test_a_create_mode_load_merges_a_node_it_wrote_in_an_earlier_window_and_unites_its_values() -> None:
    from kg.neo4j_store import SET_MERGED, _Distinct, _flush_nodes, _NodeWindow, _NodeWrites, _Sent, _write_node_rows

    class Writers:
        def __init__(self) -> None:
            self.batches: list = []

        def put(self, worker: int, fn: object, batch: object) -> None:
            self.batches.append(batch)

    window, w, nodes = _NodeWindow(default_mapping()), Writers(), _Distinct()
    write, sent = _NodeWrites(True), _Sent()
    window.add("https://x.org/a", str(RDFS.label), ("甲", "zh", None))
    _flush_nodes(window, w, 1, nodes, 10, write, final=False, sent=sent)  # type: ignore[arg-type]
    window.add("https://x.org/a", str(RDFS.label), ("甲区", "zh", None))  # a's triples split in the dump
    window.add("https://x.org/b", str(RDFS.label), ("乙", "zh", None))
    _flush_nodes(window, w, 1, nodes, 10, write, sent=sent)  # type: ignore[arg-type]
    assert [again for _, again in w.batches] == [frozenset(), frozenset({"https://x.org/a"})]

    class Tx:
        def __init__(self) -> None:
            self.calls: list = []

        def run(self, query: str, rows: list):
            self.calls.append((query, rows))
            records = [{"iri": r["iri"], "id": 7, "props": {"iri": r["iri"], "label_zh": "甲"}}
                       for r in rows if isinstance(r, dict) and "id(n) AS id" in query]

            class Result(list):
                def single(self, strict: bool = False):
                    return [[8 for _ in rows]]

                def consume(self):
                    return type("Summary", (), {"counters": None})()

            return Result(records)

    tx, pairs = Tx(), []
    groups, again = w.batches[1]
    _write_node_rows(tx, groups, True, pairs, again)  # type: ignore[arg-type]
    created = [rows for query, rows in tx.calls if " CREATE (n" in query]
    assert [r["iri"] for rows in created for r in rows] == ["https://x.org/b"]
    assert sorted(pairs) == [("https://x.org/a", 7), ("https://x.org/b", 8)]
    assert [rows for query, rows in tx.calls if query == SET_MERGED] == [
        [{"iri": "https://x.org/a", "props": {"label_zh": ["甲", "甲区"]}}]]


def test_the_load_passes_convert_quads_and_sum_report_keys_in_one_loop(tmp_path: Path) -> None:
    """plain_quads with a keyer gives the plain tuples plain_quads gives alone, finds the
    reports in its first pass and sums dump_report_keys' keys in its second (a triple in
    two named graphs counted once); a blank node stops the load's streamed passes."""
    from kg.neo4j_store import _BlankNodes, _ReportKeys, plain_quads
    from kg.pipeline import dump_report_keys
    from kg.validate import read_quads

    dump = tmp_path / "a.nq"
    dump.write_text(_NQ, encoding="utf-8")
    alone = list(plain_quads(read_quads([dump])))
    assert ("https://kg.example.org/gov/甲区", str(RDFS.label), ("甲区", "zh", None)) in alone
    assert any(o[1] == "zh-Hant" for _, _, o in alone if type(o) is tuple)  # BCP 47 case
    keyer = _ReportKeys(set(), discover=True)
    assert list(plain_quads(read_quads([dump]), keyer)) == alone and not keyer.complete
    assert keyer.reports == {_R1, _R2}
    assert list(plain_quads(read_quads([dump]), keyer)) == alone and keyer.complete
    assert keyer.keys() == dump_report_keys([dump])
    assert keyer.keys()[_R1].startswith("4-")
    assert list(plain_quads(read_quads([dump]), keyer)) == alone  # complete: converts only
    blank_dump = tmp_path / "b.nt"
    blank_dump.write_text(f"<{_R1}> <{RDF.type}> <{KG.Report}> .\n<{_R1}> <{KG.span}> _:b .\n", encoding="utf-8")
    with pytest.raises(_BlankNodes):
        list(plain_quads(read_quads([blank_dump]), _ReportKeys(set(), discover=True)))
    assert list(plain_quads(read_quads([blank_dump]))) == [(_R1, str(RDF.type), str(KG.Report))]


def test_report_key_sums_wrap_modulo_two_to_the_128() -> None:
    """The numpy sum of 128-bit digests equals Python's exact sum modulo 2**128, duplicates
    counted once."""
    import random

    from kg.neo4j_store import _digests_key

    rnd = random.Random(5)
    digests = [rnd.getrandbits(128) for _ in range(300)] + [(1 << 128) - 1] * 3 + [(1 << 127) + 5] * 2
    buf = bytearray(b"".join(d.to_bytes(16, "big") for d in digests + digests[:40]))
    distinct = set(digests)
    assert _digests_key(buf) == f"{len(distinct)}-{sum(distinct) % (1 << 128):032x}"
    assert _digests_key(bytearray()) == f"0-{0:032x}"


def test_a_node_window_keys_literals_as_literal_parts_entry_does() -> None:
    """The window's cached keys (a literal whose value is its lexical form) and the
    converted values (the declared datatype's) give the rows literal_parts_entry gives."""
    from kg.neo4j_store import _NodeWindow, literal_parts_entry

    m = default_mapping()
    triples = [("https://x.org/a", str(RDFS.label), ("甲", "zh", None)),
               ("https://x.org/a", str(RDFS.label), ("A", "en-GB", None)),
               ("https://x.org/a", str(KG.statedValue), ("6.50", None, str(XSD.decimal))),
               ("https://x.org/a", str(KG.statedValue), ("7", None, str(XSD.integer))),
               ("https://x.org/a", str(KG.statedValue), ("8", None, None)),
               ("https://x.org/a", str(OTHER.note), ("n", None, str(XSD.date))),
               ("https://x.org/b", str(OTHER.note), ("n", "fr", None)),
               ("https://x.org/b", str(RDFS.label), ("乙", "zh", None))]
    window = _NodeWindow(m)
    assert window.fill(iter(triples * 2), 1 << 30) == 16
    want: dict = {}
    for s, p, o in triples * 2:
        for key, value in literal_parts_entry(p, *o, m):
            want.setdefault(s, {}).setdefault(key, []).append(value)
    from kg.neo4j_store import _props

    assert {iri: props for iri, _, props in window.take()} == {s: _props(v) for s, v in want.items()}
    window.fill(iter(triples), 2)  # stops once the window holds two nodes
    assert len(window) == 2 and set(window.values) == {"https://x.org/a", "https://x.org/b"}


def test_the_relationship_pass_reads_only_the_triples_that_become_relationships(tmp_path: Path) -> None:
    """A dump source's links() are its triples with an IRI object and a predicate other
    than rdf:type, in order; still summing the reports' keys over every quad; a source
    chained with more triples keeps them."""
    from kg.neo4j_store import _Chained, _DumpSource, _links, _ReportKeys
    from kg.pipeline import dump_report_keys

    dump = tmp_path / "a.nq"
    dump.write_text(_NQ, encoding="utf-8")
    keyer = _ReportKeys(set(), discover=True)
    source = _DumpSource([dump], set(), False, keyer)
    every = list(source())
    links = [t for t in every if type(t[2]) is str and t[1] != str(RDF.type)]
    assert links and len(links) < len(every)
    assert list(source.links()) == links and keyer.keys() == dump_report_keys([dump])
    more = [("https://x.org/a", str(RDFS.label), ("甲", "zh", None))]
    chained = _Chained(source, lambda: iter(more))
    assert list(chained()) == every + more and list(_links(chained)()) == links + more
    plain = lambda: iter(every)  # noqa: E731 - a source without links(): all of it
    assert list(_links(plain)()) == every


def test_report_keys_written_to_disk_in_small_pieces_equal_dump_report_keys(tmp_path: Path, monkeypatch) -> None:
    """The reports' digests go to a temporary file when the report changes and past
    KEYS_SPILL_BYTES; read back report by report they give dump_report_keys' keys (a triple
    in two named graphs, or read again after an abandoned pass, counted once)."""
    import kg.neo4j_store as store
    from kg.pipeline import dump_report_keys
    from kg.validate import read_quads

    monkeypatch.setattr(store, "KEYS_SPILL_BYTES", 16)  # a piece per triple
    dump = tmp_path / "a.nq"
    dump.write_text(_NQ, encoding="utf-8")
    expected = dump_report_keys([dump])
    keyer = store._ReportKeys(set(), discover=True)
    list(store.plain_quads(read_quads([dump]), keyer))
    next(store.plain_quads(read_quads([dump]), keyer))  # a summing pass abandoned after one quad
    list(store.plain_quads(read_quads([dump]), keyer))
    assert keyer.complete and keyer.file is not None and not keyer.buf
    assert keyer.keys() == expected and keyer.keys() == expected  # read back, again
    assert len(keyer.pieces[_R1]) > 2  # more than one piece
    keyer.close()
    assert keyer.file is None
    fed = store._ReportKeys(set(expected))
    next(fed.feed(read_quads([dump])))
    assert fed.scan([dump]) == expected


def test_distinct_counts_exactly_over_windows_written_to_disk() -> None:
    """Hashes handed over window by window (each written to the temporary file in parts by
    their top bits) are counted once each, repeats across windows and parts included."""
    import numpy as np

    from kg.neo4j_store import DISTINCT_PARTS, _Distinct

    rng = np.random.default_rng(3)
    keys = rng.integers(-(1 << 62), 1 << 62, size=5000).tolist()
    d, seen = _Distinct(), set()
    for w in range(7):
        window = keys[w * 600:(w + 1) * 600] + keys[:50]  # 50 repeated in every window
        for k in window:
            d.add(k)
        seen.update(window)
        got = d.window()
        assert got.tolist() == [hash(k) for k in window]
    d.add(keys[-1])  # still in memory when counted
    seen.add(keys[-1])
    assert len(d.counts) == 7 * DISTINCT_PARTS
    assert d.count() == len(seen)
    assert _Distinct().count() == 0


def test_sent_names_the_hashes_seen_in_an_earlier_window() -> None:
    """The Bloom filter of a CREATE-mode load: a hash is 'again' when an earlier window
    held it, not when only its own window holds it twice."""
    import numpy as np

    from kg.neo4j_store import _Sent

    rng = np.random.default_rng(4)
    a, b = rng.integers(-(1 << 63), 1 << 63, size=(2, 3000), dtype=np.int64)
    sent = _Sent()
    assert sent.again(np.concatenate([a, a[:10]])) == set()
    again = sent.again(np.concatenate([b, a[5:20]]))
    assert again >= set(a[5:20].tolist()) and len(again - set(a[5:20].tolist())) <= 1  # false positives: rare
    assert sent.again(b[:3]) == set(b[:3].tolist()) and sent.count == 6028
    assert sent.again(np.empty(0, dtype=np.int64)) == set()
