"""kg.network: the entity network of a (synthetic) graph in kg's shape."""

from __future__ import annotations

import csv
import io

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.network import entity_network, write_network
from kg.vocab import KG, OA

B = "https://kg.example.org/"
GOV = URIRef(B + "gov/青禾区人民政府")
R1, R2 = URIRef(B + "report/青禾区人民政府/2023-01-05"), URIRef(B + "report/青禾区人民政府/2024-01-06")
PARK = URIRef(B + "gov/青禾区人民政府/place/青禾科技园")
PROG = URIRef(B + "gov/青禾区人民政府/programme/青禾科技园二期工程")
SECT = URIRef(B + "gov/青禾区人民政府/sector/数字经济")
BUREAU = URIRef(B + "gov/青禾区人民政府/organization/区科技局")


def _graph() -> Graph:
    g = Graph()
    for node, cls, label in ((PARK, KG.Place, "青禾科技园"), (PROG, KG.Programme, "青禾科技园二期工程"),
                             (SECT, KG.Sector, "数字经济"), (BUREAU, KG.Organization, "区科技局")):
        g.add((node, RDF.type, cls))
        g.add((node, RDF.type, KG.NamedThing))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
        g.add((node, KG.government, GOV))
    g.add((PROG, KG.locatedIn, PARK))
    g.add((PROG, KG.mentionedIn, R1))
    # mentions: (report, sentence start, entity)
    mentions = [(R1, 10, PARK), (R1, 10, PROG), (R1, 10, SECT), (R1, 50, PARK), (R1, 50, SECT),
                (R2, 7, PARK), (R2, 7, SECT), (R2, 90, BUREAU)]
    for i, (rep, sent, ent) in enumerate(mentions):
        m, span = URIRef(f"{rep}/mention/{i}"), URIRef(f"{rep}/span/{sent}-{i}")
        g.add((m, RDF.type, KG.Mention))
        g.add((m, OA.hasBody, ent))
        g.add((m, KG.inReport, rep))
        g.add((m, KG.span, span))
        g.add((span, KG.inSentence, URIRef(f"{rep}/sentence/{sent}-{sent + 30}")))
    for i, rep in enumerate((R1, R2)):  # the same relation stated twice
        ra = URIRef(f"{rep}/relation/{i}")
        g.add((ra, RDF.type, KG.RelationAssertion))
        g.add((ra, RDF.subject, PROG))
        g.add((ra, RDF.predicate, KG.locatedIn))
        g.add((ra, RDF.object, PARK))
    return g


def test_network_counts_mentions_and_reports_per_entity():
    net = entity_network(_graph())
    by = {n.iri: n for n in net.nodes}
    assert set(by) == {str(PARK), str(PROG), str(SECT), str(BUREAU)}
    assert (by[str(PARK)].type, by[str(PARK)].mentions, by[str(PARK)].reports) == ("Place", 3, 2)
    assert (by[str(PROG)].type, by[str(PROG)].mentions, by[str(PROG)].reports) == ("Programme", 1, 1)
    assert by[str(BUREAU)].type == "Organization" and by[str(BUREAU)].label == "区科技局"


def test_network_weights_co_mention_by_sentences_and_relations_by_assertions():
    net = entity_network(_graph())
    edges = {(e.source, e.target, e.relation): e for e in net.edges}
    rel = edges[(str(PROG), str(PARK), "locatedIn")]
    assert rel.kind == "relation" and rel.weight == 2
    a, b = sorted((str(PARK), str(SECT)))
    assert edges[(a, b, "co_mention")].weight == 3  # sentences 10 and 50 of R1, 7 of R2
    assert all(e.source < e.target for e in net.edges if e.kind == "co-mention")
    assert not any(str(BUREAU) in (e.source, e.target) for e in net.edges)  # mentioned alone


def test_network_graphml_reads_back_with_types_and_weights(tmp_path):
    net = entity_network(_graph())
    out = tmp_path / "net.graphml"
    assert write_network(net, "graphml", out) == [str(out)]
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.number_of_nodes() == 4 and g.number_of_edges() == len(net.edges)
    assert g.nodes[str(PARK)]["type"] == "Place" and g.nodes[str(PARK)]["mentions"] == 3
    weights = sorted(d["weight"] for _, _, d in g.edges(data=True) if d["kind"] == "relation")
    assert weights == [2]


def test_network_csv_is_an_edge_list_with_a_node_table_beside(tmp_path):
    net = entity_network(_graph())
    files = write_network(net, "csv", tmp_path / "net.csv")
    assert files == [str(tmp_path / "net.csv"), str(tmp_path / "net.nodes.csv")]
    edges = list(csv.DictReader(open(files[0], encoding="utf-8")))
    nodes = list(csv.DictReader(open(files[1], encoding="utf-8")))
    assert len(edges) == len(net.edges) and len(nodes) == 4
    assert {e["kind"] for e in edges} == {"relation", "co-mention"}
    assert edges[0]["source_label"] == "青禾科技园二期工程" and edges[0]["directed"] == "true"


def test_network_output_is_deterministic():
    one, two = io.StringIO(), io.StringIO()
    write_network(entity_network(_graph()), "csv", "-", stdout=one)
    g = Graph()
    for t in sorted(_graph(), reverse=True):  # the same triples added in another order
        g.add(t)
    write_network(entity_network(g), "csv", "-", stdout=two)
    assert one.getvalue() == two.getvalue()
