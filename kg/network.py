"""The entity network: places, programmes, organisations, policies and sectors, linked by
the relations extracted between them and by co-mention in one sentence.

``kg export -f graphml`` writes the whole RDF graph (mentions, spans, selectors — most of
its nodes); network tools (Gephi, networkx, igraph) want this smaller graph instead:

- a node per entity (an IRI typed kg:Place, kg:Programme, kg:Organization, kg:Policy or
  kg:Sector) with ``label``, ``type``, ``government``, ``mentions`` (its kg:Mention
  annotations) and ``reports`` (distinct reports mentioning it);
- a ``relation`` edge per (subject, predicate, object) triple between two entities (kg:locatedIn,
  kg:organisedBy, …), directed, ``relation`` the predicate's local name, ``weight`` the
  number of relation assertions (evidence spans) stating it, at least 1;
- a ``co-mention`` edge per pair of entities mentioned in one sentence, undirected (source
  sorts before target), ``weight`` the number of such sentences.

Built from an rdflib graph (a dump, reports, or the graph read back from Neo4j). Output
order is sorted (IRIs, then kinds), so two runs write the same files.
"""

from __future__ import annotations

import csv
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.vocab import KG, OA

ENTITY_TYPES = ("Place", "Programme", "Organization", "Policy", "Sector")
_CLASS = {KG[t]: t for t in ENTITY_TYPES}
_SKIP_PREDICATES = frozenset({RDF.type, KG.government, KG.mentionedIn})


@dataclass(frozen=True, slots=True)
class EntityNode:
    iri: str
    label: str
    type: str
    government: str
    mentions: int
    reports: int


@dataclass(frozen=True, slots=True)
class EntityEdge:
    source: str
    target: str
    kind: str
    """``relation`` (directed) or ``co-mention`` (undirected)."""
    relation: str
    """The predicate's local name (``locatedIn``) or ``co_mention``."""
    weight: int


@dataclass(frozen=True, slots=True)
class EntityNetwork:
    nodes: tuple[EntityNode, ...]
    edges: tuple[EntityEdge, ...]

    def to_networkx(self) -> nx.MultiDiGraph:
        """A multigraph: node attributes as above, edges keyed ``kind:relation``."""
        g = nx.MultiDiGraph()
        for n in self.nodes:
            g.add_node(n.iri, label=n.label, type=n.type, government=n.government,
                       mentions=n.mentions, reports=n.reports)
        for e in self.edges:
            g.add_edge(e.source, e.target, key=f"{e.kind}:{e.relation}", kind=e.kind, relation=e.relation,
                       weight=e.weight, directed=e.kind == "relation")
        return g


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _label(graph: Graph, node: URIRef) -> str:
    found = sorted(str(o) for p in (SKOS.prefLabel, RDFS.label) for o in graph.objects(node, p) if isinstance(o, Literal))
    return min(found, key=lambda s: (len(s), s)) if found else _local(str(node))


def entity_network(graph: Graph) -> EntityNetwork:
    """The entity network of an RDF graph built by kg (see the module docstring)."""
    types: dict[URIRef, str] = {}
    for cls, name in _CLASS.items():
        for s in graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                prev = types.get(s)
                # one type per node: the first in ENTITY_TYPES order
                if prev is None or ENTITY_TYPES.index(name) < ENTITY_TYPES.index(prev):
                    types[s] = name
    mentions: Counter[URIRef] = Counter()
    reports: dict[URIRef, set[str]] = defaultdict(set)
    in_sentence: dict[str, set[URIRef]] = defaultdict(set)
    for m in graph.subjects(RDF.type, KG.Mention):
        body = graph.value(m, OA.hasBody)
        if body not in types:
            continue
        mentions[body] += 1
        rep = graph.value(m, KG.inReport)
        if rep is not None:
            reports[body].add(str(rep))
        span = graph.value(m, KG.span)
        sent = graph.value(span, KG.inSentence) if span is not None else None
        if sent is not None:
            in_sentence[str(sent)].add(body)
    for e in types:
        reports[e].update(str(r) for r in graph.objects(e, KG.mentionedIn))
    evidence: Counter[tuple[str, str, str]] = Counter()
    for ra in graph.subjects(RDF.type, KG.RelationAssertion):
        s, p, o = (graph.value(ra, q) for q in (RDF.subject, RDF.predicate, RDF.object))
        if s in types and o in types and p is not None:
            evidence[(str(s), str(p), str(o))] += 1
    relations: dict[tuple[str, str, str], int] = {}
    for s in types:
        for p, o in graph.predicate_objects(s):
            if o in types and p not in _SKIP_PREDICATES and o != s:
                relations[(str(s), str(p), str(o))] = max(1, evidence.get((str(s), str(p), str(o)), 0))
    for key, n in evidence.items():  # assertions whose triple was not asserted directly
        relations.setdefault(key, n)
    comention: Counter[tuple[str, str]] = Counter()
    for members in in_sentence.values():
        for a, b in combinations(sorted(str(x) for x in members), 2):
            comention[(a, b)] += 1
    nodes = tuple(
        EntityNode(str(e), _label(graph, e), t, str(graph.value(e, KG.government) or ""),
                   mentions[e], len(reports[e]))
        for e, t in sorted(types.items(), key=lambda kv: str(kv[0]))
    )
    edges = [EntityEdge(s, o, "relation", _local(p), n) for (s, p, o), n in relations.items()]
    edges += [EntityEdge(a, b, "co-mention", "co_mention", n) for (a, b), n in comention.items()]
    edges.sort(key=lambda e: (e.kind != "relation", e.source, e.target, e.relation))
    return EntityNetwork(nodes, tuple(edges))


NODE_COLUMNS = ("id", "label", "type", "government", "mentions", "reports")
EDGE_COLUMNS = ("source", "target", "source_label", "target_label", "kind", "relation", "weight", "directed")


def write_edges_csv(net: EntityNetwork, stream: IO[str]) -> None:
    """The edge list (Gephi's "Source,Target,…" import works on it as is)."""
    label = {n.iri: n.label for n in net.nodes}
    w = csv.writer(stream, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    for e in net.edges:
        w.writerow([e.source, e.target, label.get(e.source, ""), label.get(e.target, ""), e.kind, e.relation,
                    e.weight, "true" if e.kind == "relation" else "false"])


def write_nodes_csv(net: EntityNetwork, stream: IO[str]) -> None:
    w = csv.writer(stream, lineterminator="\n")
    w.writerow(NODE_COLUMNS)
    for n in net.nodes:
        w.writerow([n.iri, n.label, n.type, n.government, n.mentions, n.reports])


def write_network(net: EntityNetwork, fmt: str, out: str | os.PathLike[str], stdout: IO | None = None) -> list[str]:
    """Write ``net`` as ``graphml`` or ``csv`` to ``out`` ('-' = ``stdout``); returns the
    files written. CSV to a file also writes the node table beside it (``NAME.nodes.csv``)."""
    import sys

    if fmt not in ("graphml", "csv"):
        raise ValueError(f"the entity network is written as graphml or csv, not {fmt}")
    to_stdout = str(out) == "-"
    if fmt == "graphml":
        g = net.to_networkx()
        if to_stdout:
            nx.write_graphml(g, (stdout or sys.stdout).buffer)
            return []
        nx.write_graphml(g, str(out))
        return [str(out)]
    if to_stdout:
        write_edges_csv(net, stdout or sys.stdout)
        return []
    path = Path(out)
    with open(path, "w", encoding="utf-8", newline="") as f:
        write_edges_csv(net, f)
    nodes = path.with_name(path.name.removesuffix(".csv") + ".nodes.csv")
    with open(nodes, "w", encoding="utf-8", newline="") as f:
        write_nodes_csv(net, f)
    return [str(path), str(nodes)]


def summary(net: EntityNetwork) -> str:
    kinds = Counter(e.kind for e in net.edges)
    types = Counter(n.type for n in net.nodes)
    return (f"{len(net.nodes)} entities ({', '.join(f'{t} {types[t]}' for t in ENTITY_TYPES if types[t])}), "
            f"{kinds['relation']} relation and {kinds['co-mention']} co-mention edges")


__all__ = ["EntityEdge", "EntityNetwork", "EntityNode", "entity_network", "write_network", "summary",
           "write_edges_csv", "write_nodes_csv", "ENTITY_TYPES"]

