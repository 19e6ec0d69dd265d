"""networkx views: the graph mirrors the triples; rankings and components are right."""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from kg.analysis import entity_network, graph_stats, to_networkx, write_graphml
from kg.cli import app
from kg.vocab import KG, OA

EX = Namespace("https://example.org/t/")


def _graph() -> Graph:
    """Three places and a programme; A and B share two sentences, B and C one; P in B."""
    g = Graph()
    for name, cls in (("A", KG.AdministrativeArea), ("B", KG.KeyArea), ("C", KG.Port), ("P", KG.Programme)):
        g.add((EX[name], RDF.type, cls))
        g.add((EX[name], RDF.type, KG.NamedThing))
        g.add((EX[name], SKOS.prefLabel, Literal(f"{name}地", lang="zh")))
    mentions = [("A", "s1"), ("B", "s1"), ("A", "s2"), ("B", "s2"), ("B", "s3"), ("C", "s3")]
    for i, (body, sentence) in enumerate(mentions):
        m, span = EX[f"m{i}"], EX[f"span{i}"]
        g.add((m, RDF.type, KG.Mention))
        g.add((m, OA.hasBody, EX[body]))
        g.add((m, OA.hasTarget, span))
        g.add((span, RDF.type, KG.TextSpan))
        g.add((span, KG.inSentence, EX[sentence]))
        g.add((EX[sentence], RDF.type, KG.Sentence))
    g.add((EX.P, KG.locatedIn, EX.B))
    return g


def test_to_networkx_has_one_node_per_typed_iri_and_one_edge_per_object_triple():
    g = _graph()
    nxg = to_networkx(g)
    typed = {str(s) for s in g.subjects(RDF.type, None)}
    assert set(nxg.nodes) == typed
    object_triples = [
        (s, p, o) for s, p, o in g if p != RDF.type and isinstance(o, URIRef) and str(o) in typed
    ]
    assert nxg.number_of_edges() == len(object_triples)
    assert nxg.nodes[str(EX.A)]["label"] == "A地"
    assert nxg.has_edge(str(EX.P), str(EX.B), key="locatedIn")


def test_entity_network_weights_co_mentions_by_sentence_and_keeps_stated_relations():
    net = entity_network(_graph())
    assert net[str(EX.A)][str(EX.B)]["weight"] == 2
    assert net[str(EX.B)][str(EX.C)]["weight"] == 1
    assert not net.has_edge(str(EX.A), str(EX.C))
    assert net[str(EX.P)][str(EX.B)]["relations"] == "locatedIn"


def test_graph_stats_ranks_the_hub_place_first_and_counts_components():
    s = graph_stats(_graph(), top=2)
    assert s["places"]["by_degree"][0]["label"] == "B地"
    assert s["places"]["by_degree"][0]["score"] == 3  # A, C, P
    assert s["places"]["by_betweenness"][0]["label"] == "B地"
    assert len(s["places"]["by_degree"]) == 2
    assert s["programmes"]["by_degree"][0]["label"] == "P地"
    assert s["components"]["count"] == 1
    assert s["by_class"]["Mention"] == 6


def test_graphml_round_trips_through_networkx(tmp_path):
    path = tmp_path / "g.graphml"
    written = write_graphml(_graph(), path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == written.number_of_nodes()
    assert back.number_of_edges() == written.number_of_edges()


def test_kg_stats_reads_a_turtle_dump(tmp_path):
    path = tmp_path / "g.ttl"
    _graph().serialize(path, format="turtle")
    result = CliRunner().invoke(app, ["stats", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"count": 1' in result.output
