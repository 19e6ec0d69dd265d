"""networkx views of the graph: statistics, centrality, components, GraphML.

The RDF graph is the canonical form; :func:`to_networkx` makes a faithful directed
multigraph of it (one node per IRI with an ``rdf:type``, one edge per object triple between
two such nodes, literals as node attributes), so the same analysis runs on a graph built
here, on a Turtle dump from anywhere, or on one exported back from Neo4j.

Results are plain dicts (as networkx returns them); nothing is mutated; sampling for
betweenness on large graphs takes a ``seed`` so runs repeat.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef

from kg.vocab import KG

LABELS = (SKOS.prefLabel, RDFS.label)
BETWEENNESS_EXACT_MAX = 2000
"""Above this many nodes betweenness is estimated from a seeded sample of pivots."""


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(files("kg.ontology") / "kg.ttl", format="turtle")
    return g


def subclasses(cls: URIRef) -> frozenset[URIRef]:
    """``cls`` and every class below it in the ontology (rdfs:subClassOf*)."""
    onto = _ontology()
    return frozenset(onto.transitive_subjects(RDFS.subClassOf, cls))


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            tail = iri.rsplit(sep, 1)[1]
            if tail:
                return tail
    return iri


def _label(graph: Graph, node: URIRef) -> str | None:
    best = None
    for p in LABELS:
        for lit in graph.objects(node, p):
            if isinstance(lit, Literal):
                if lit.language in ("zh", None) or best is None:
                    best = str(lit)
                if lit.language == "zh":
                    return best
    return best


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A directed multigraph: typed IRI nodes, object-property edges keyed by predicate.

    Node attributes: ``iri``, ``types`` (class local names, sorted), ``label``, and each
    datatype property by local name (several values joined with " | "). Edge attribute
    ``predicate`` holds the property IRI; the edge key is its local name.
    """
    g = nx.MultiDiGraph()
    typed: dict[URIRef, set[str]] = {}
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, (URIRef, BNode)):
            typed.setdefault(s, set()).add(local_name(str(o)))
    for node, types in typed.items():
        attrs: dict[str, Any] = {
            "iri": str(node),
            "types": " ".join(sorted(types)),
            "label": _label(graph, node) or "",
        }
        for p, o in graph.predicate_objects(node):
            if isinstance(o, Literal):
                key = local_name(str(p))
                if key in attrs and key not in ("label",):
                    attrs[key] = f"{attrs[key]} | {o}"
                elif key != "label":
                    attrs[key] = str(o)
        g.add_node(str(node), **attrs)
    for s, p, o in graph:
        if p == RDF.type or isinstance(o, Literal):
            continue
        if s in typed and o in typed:
            g.add_edge(str(s), str(o), key=local_name(str(p)), predicate=str(p))
    return g


RELATIONS = (KG.partOf, KG.locatedIn, KG.runBy, KG.organisedBy, KG.definedIn)
"""Stated relations between named things (GUIDELINES §6), as edges of the entity network."""


def entity_network(graph: Graph) -> nx.Graph:
    """Named things linked when the text mentions them in the same sentence (edge weight:
    the number of such sentences) or states a relation between them (``relations``)."""
    from itertools import combinations

    from kg.vocab import OA

    named = _members(graph, subclasses(KG.NamedThing))
    net = nx.Graph()
    for v in named:
        net.add_node(v, label=_label(graph, URIRef(v)) or "")
    by_sentence: dict[str, set[str]] = {}
    for mention, body in graph.subject_objects(OA.hasBody):
        if str(body) not in named:
            continue
        for span in graph.objects(mention, OA.hasTarget):
            for sentence in graph.objects(span, KG.inSentence):
                by_sentence.setdefault(str(sentence), set()).add(str(body))
    for members in by_sentence.values():
        for a, b in combinations(sorted(members), 2):
            w = net.get_edge_data(a, b, {}).get("weight", 0)
            net.add_edge(a, b, weight=w + 1)
    for p in RELATIONS:
        for s, o in graph.subject_objects(p):
            if str(s) in named and str(o) in named:
                rel = net.get_edge_data(str(s), str(o), {}).get("relations", "")
                name = local_name(str(p))
                net.add_edge(str(s), str(o), relations=f"{rel} {name}".strip())
    return net


def _members(graph: Graph, classes: Iterable[URIRef]) -> set[str]:
    out: set[str] = set()
    for cls in classes:
        out.update(str(s) for s in graph.subjects(RDF.type, cls))
    return out


def graph_stats(graph: Graph, *, top: int = 10, seed: int = 0) -> dict[str, Any]:
    """Counts by class and relationship over the whole graph; the most connected places and
    programmes (degree and betweenness) and the connected components of the entity network
    (:func:`entity_network`: co-mention in a sentence and stated relations)."""
    nxg = to_networkx(graph)
    by_class = Counter(local_name(str(o)) for o in graph.objects(None, RDF.type))
    by_rel = Counter(k for _, _, k in nxg.edges(keys=True))
    simple = entity_network(graph)
    n = simple.number_of_nodes()
    if n == 0:
        betweenness: dict[str, float] = {}
    elif n <= BETWEENNESS_EXACT_MAX:
        betweenness = nx.betweenness_centrality(simple)
    else:
        betweenness = nx.betweenness_centrality(simple, k=min(n, 500), seed=seed)
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)

    def ranked(classes: Iterable[URIRef]) -> dict[str, list[dict[str, Any]]]:
        nodes = _members(graph, classes) & set(simple.nodes)

        def rows(score) -> list[dict[str, Any]]:
            best = sorted(nodes, key=lambda v: (-score(v), v))[:top]
            return [
                {"iri": v, "label": simple.nodes[v].get("label", ""), "score": score(v)}
                for v in best
            ]

        return {
            "by_degree": rows(lambda v: simple.degree(v)),
            "by_betweenness": rows(lambda v: round(betweenness.get(v, 0.0), 6)),
        }

    return {
        "triples": len(graph),
        "nodes": nxg.number_of_nodes(),
        "edges": nxg.number_of_edges(),
        "by_class": dict(sorted(by_class.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_relationship": dict(sorted(by_rel.items(), key=lambda kv: (-kv[1], kv[0]))),
        "places": ranked(subclasses(KG.Place)),
        "programmes": ranked(subclasses(KG.Programme)),
        "entity_network": {"nodes": n, "edges": simple.number_of_edges()},
        "components": {
            "count": len(components),
            "largest": components[:top],
            "isolated": sum(1 for c in components if c == 1),
        },
    }


def write_graphml(graph: Graph, path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Write the networkx view as GraphML (Gephi, yEd, Cytoscape read it)."""
    nxg = to_networkx(graph)
    nx.write_graphml(nxg, os.fspath(path))
    return nxg
