"""Neo4j as a property-graph view of RDF triples (the only module that imports `neo4j`).

Any RDF graph loads, kg's own or one a portal publishes; exporting gives back a graph
isomorphic to what was loaded (``rdflib.compare.isomorphic``).

The mapping (one IRI = one node):

* every subject and every IRI object is a node labelled ``Resource`` with an ``iri``
  property (uniqueness constraint ``resource_iri``); blank nodes get stable skolem IRIs
  under :data:`SKOLEM_PREFIX` (from rdflib's canonical labelling, so the same input gives
  the same IRIs on every run) and turn back into blank nodes on export;
* ``rdf:type`` of a known class adds the class's label (``Place``, ``Report``, …); other
  classes are kept in the list property ``rdf_types``;
* a literal becomes a property: known predicates have short snake_case names
  (``rdfs:label`` -> ``label``, ``kg:statedValue`` -> ``stated_value``); language-tagged
  values get the language as suffix (``label_zh``, ``label_en``; odd tags ``label@zh-Hant``);
  values of the predicate's declared datatype are stored natively (integer, boolean,
  date, double; gYear as integer) and ``xsd:decimal`` as a float beside its exact
  lexical form (``stated_value`` 6.5 and ``stated_value_decimal`` "6.50"); any other
  datatype as its lexical form under ``name^^datatype-IRI``; unknown predicates under
  their full IRI (``http://ex.org/p``, ``http://ex.org/p@en``, ``http://ex.org/p^^…``).
  Several values make a list;
* an IRI object of a known predicate becomes a relationship of a fixed type
  (``kg:locatedIn`` -> ``LOCATED_IN``, ``skos:broader`` -> ``BROADER``); unknown predicates
  become ``RELATED`` relationships with the predicate in their ``iri`` property.

Labels and relationship types come only from :func:`default_mapping` (the classes and
properties of the shipped ontology plus a fixed table of W3C terms), never from the data,
and every Cypher string is static: data travels in parameters only. A load streams: dumps
are read by kg's one reader (:func:`kg.validate.read_quads`) straight into rows, one window
of nodes at a time (never an rdflib graph; see :func:`load_triples`), written as batched
``UNWIND $rows … MERGE … ON CREATE SET n += row.props`` inside ``session.execute_write`` on a few
writer threads, every node before any relationship, after ``CREATE CONSTRAINT … IF NOT EXISTS``. Everything is a MERGE (a
load that starts on a graph without nodes CREATEs nodes while the IRI constraint lets it:
:class:`_NodeWrites`), so a load repeated or cut off and re-run ends in the same graph. A node that is already there keeps
what earlier loads gave it: each property set is the union of its stored and new values
(:func:`merge_props`; read under a write lock, only for nodes the MERGE found, and written
back only when it changes), as loading RDF adds triples and never drops one (``--wipe``
starts afresh). Rows go in transactions of ``batch_size`` rows, one query per label or
relationship type (grouped over a window of several batches), and every load query runs
with ``CYPHER replan=skip`` (see :data:`REPLAN_SKIP`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, SOSA, VOID, XSD

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as nx

from kg.errors import StoreError, redact, register_secret

log = logging.getLogger(__name__)
if logging.getLogger("neo4j").level == logging.NOTSET:
    # The driver logs each failed connection attempt (~10 lines when a server dies
    # mid-load); kg says what went wrong once, as a StoreError. Configure the "neo4j"
    # logger yourself to see the driver's own lines.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)

KG_NS = "https://kg.example.org/ontology#"
OA = "http://www.w3.org/ns/oa#"
ORG = "http://www.w3.org/ns/org#"
QB = "http://purl.org/linked-data/cube#"
SCHEMA = "https://schema.org/"

SKOLEM_PREFIX = "https://kg.example.org/.well-known/genid/"
"""Blank nodes become IRIs under this prefix in Neo4j (RFC 7511 style) and come back as
blank nodes on export."""

RESOURCE = "Resource"
GENERIC_REL = "RELATED"
IRI_KEY = "iri"
TYPES_KEY = "rdf_types"
DECIMAL_SUFFIX = "_decimal"

_LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_SIMPLE_LANG = re.compile(r"^[a-z]{2,3}$")

# W3C terms kg uses (or portals commonly use), with their fixed Neo4j names.
_W3C_LABELS: dict[str, str] = {
    str(SKOS.Concept): "Concept",
    str(SKOS.ConceptScheme): "ConceptScheme",
    OA + "Annotation": "Annotation",
    OA + "SpecificResource": "SpecificResource",
    OA + "TextPositionSelector": "TextPositionSelector",
    OA + "TextQuoteSelector": "TextQuoteSelector",
    str(RDF.Statement): "Statement",
    str(DCAT.Dataset): "Dataset",
    str(DCAT.Distribution): "Distribution",
}
_W3C_RELS: dict[str, str] = {
    str(DCTERMS.isPartOf): "IS_PART_OF",
    str(DCTERMS.hasPart): "HAS_PART",
    str(DCTERMS.spatial): "SPATIAL",
    str(DCTERMS.publisher): "PUBLISHER",
    str(DCTERMS.creator): "CREATOR",
    str(DCTERMS.language): "LANGUAGE",
    str(DCTERMS.license): "LICENSE",
    str(DCTERMS.conformsTo): "CONFORMS_TO",
    str(DCTERMS.subject): "SUBJECT",
    str(DCTERMS.source): "SOURCE",
    str(SKOS.inScheme): "IN_SCHEME",
    str(SKOS.broader): "BROADER",
    str(SKOS.narrower): "NARROWER",
    str(SKOS.related): "SKOS_RELATED",
    str(SKOS.topConceptOf): "TOP_CONCEPT_OF",
    str(SKOS.hasTopConcept): "HAS_TOP_CONCEPT",
    str(SKOS.exactMatch): "EXACT_MATCH",
    OA + "hasSelector": "HAS_SELECTOR",
    OA + "hasTarget": "HAS_TARGET",
    OA + "hasSource": "HAS_SOURCE",
    OA + "hasBody": "HAS_BODY",
    OA + "motivatedBy": "MOTIVATED_BY",
    str(SOSA.observedProperty): "OBSERVED_PROPERTY",
    str(SOSA.hasFeatureOfInterest): "HAS_FEATURE_OF_INTEREST",
    str(PROV.wasDerivedFrom): "WAS_DERIVED_FROM",
    str(PROV.wasGeneratedBy): "WAS_GENERATED_BY",
    str(PROV.wasAttributedTo): "WAS_ATTRIBUTED_TO",
    ORG + "subOrganizationOf": "SUB_ORGANIZATION_OF",
    ORG + "hasSubOrganization": "HAS_SUB_ORGANIZATION",
    QB + "dataSet": "DATA_SET",
    SCHEMA + "containedInPlace": "CONTAINED_IN_PLACE",
    str(RDF.subject): "STATEMENT_SUBJECT",
    str(RDF.predicate): "STATEMENT_PREDICATE",
    str(RDF.object): "STATEMENT_OBJECT",
    str(OWL.sameAs): "SAME_AS",
    str(RDFS.seeAlso): "SEE_ALSO",
    str(RDFS.subClassOf): "SUB_CLASS_OF",
    str(VOID.vocabulary): "VOCABULARY",
    str(VOID.dataDump): "DATA_DUMP",
    str(VOID.classPartition): "CLASS_PARTITION",
    str(DCAT.distribution): "DISTRIBUTION",
}
# predicate -> (property name, declared datatype or None)
_W3C_PROPS: dict[str, tuple[str, str | None]] = {
    str(RDFS.label): ("label", None),
    str(RDFS.comment): ("comment", None),
    str(SKOS.prefLabel): ("pref_label", None),
    str(SKOS.altLabel): ("alt_label", None),
    str(SKOS.hiddenLabel): ("hidden_label", None),
    str(SKOS.definition): ("definition", None),
    str(SKOS.notation): ("notation", None),
    str(SKOS.note): ("note", None),
    str(DCTERMS.title): ("title", None),
    str(DCTERMS.description): ("description", None),
    str(DCTERMS.identifier): ("identifier", None),
    str(DCTERMS.date): ("date", str(XSD.date)),
    str(DCTERMS.issued): ("issued", str(XSD.date)),
    str(DCTERMS.created): ("created", None),
    str(DCTERMS.modified): ("modified", None),
    str(DCTERMS.format): ("format", None),
    OA + "exact": ("exact", None),
    OA + "prefix": ("prefix", None),
    OA + "suffix": ("suffix", None),
    OA + "start": ("oa_start", str(XSD.integer)),
    OA + "end": ("oa_end", str(XSD.integer)),
    SCHEMA + "name": ("name", None),
    str(VOID.triples): ("void_triples", str(XSD.integer)),
    str(VOID.entities): ("void_entities", str(XSD.integer)),
    str(VOID.distinctSubjects): ("void_distinct_subjects", str(XSD.integer)),
    str(VOID.uriSpace): ("void_uri_space", None),
    str(DCAT.byteSize): ("byte_size", None),
    str(DCAT.mediaType): ("media_type", None),
}

_INTEGER_TYPES = {
    str(XSD[t])
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}
_DOUBLE_TYPES = {str(XSD.double), str(XSD.float)}
_PLAIN_TYPES = {None, str(XSD.string), str(RDF.langString)}
_XSD_DECIMAL = str(XSD.decimal)
_XSD_STRING = str(XSD.string)
_RDF_TYPE = str(RDF.type)
_XSD_GYEAR, _XSD_BOOLEAN, _XSD_DATE = str(XSD.gYear), str(XSD.boolean), str(XSD.date)


def _snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    s = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", s)
    return s.lower()


@dataclass(frozen=True, slots=True)
class GraphMapping:
    """The fixed RDF -> property graph names. Built once from the ontology, not from data."""

    labels: Mapping[str, str]  # class IRI -> label
    rel_types: Mapping[str, str]  # predicate IRI -> relationship type
    props: Mapping[str, tuple[str, str | None]]  # predicate IRI -> (name, datatype)
    label_classes: Mapping[str, str] = field(default_factory=dict)
    type_predicates: Mapping[str, str] = field(default_factory=dict)
    name_predicates: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for iri, label in self.labels.items():
            if not _LABEL_RE.match(label) or label == RESOURCE:
                raise ValueError(f"bad label {label!r} for {iri}")
        for iri, typ in self.rel_types.items():
            if not _TYPE_RE.match(typ) or typ == GENERIC_REL:
                raise ValueError(f"bad relationship type {typ!r} for {iri}")
        for iri, (name, _) in self.props.items():
            if not _NAME_RE.match(name) or name in (IRI_KEY, TYPES_KEY) or name.endswith(DECIMAL_SUFFIX):
                raise ValueError(f"bad property name {name!r} for {iri}")
        for what, mapping in (("label", self.labels), ("type", self.rel_types)):
            values = list(mapping.values())
            if len(values) != len(set(values)):
                raise ValueError(f"two IRIs share a {what}")
        names = [n for n, _ in self.props.values()]
        if len(names) != len(set(names)):
            raise ValueError("two predicates share a property name")
        object.__setattr__(self, "label_classes", {v: k for k, v in self.labels.items()})
        object.__setattr__(self, "type_predicates", {v: k for k, v in self.rel_types.items()})
        object.__setattr__(self, "name_predicates", {n: (p, d) for p, (n, d) in self.props.items()})


@lru_cache(maxsize=1)
def default_mapping() -> GraphMapping:
    """kg's classes and properties (ontology/kg.ttl) plus the fixed table of W3C terms.
    The ontology is read with pyoxigraph (its terms in file order): rdflib's Turtle parser
    took ~0.1 CPU-s, in every `kg load` process."""
    import pyoxigraph as ox

    kinds: dict[str, list[str]] = {str(OWL.Class): [], str(OWL.ObjectProperty): [], str(OWL.DatatypeProperty): []}
    ranges: dict[str, str] = {}
    rdf_type, rdfs_range, named = str(RDF.type), str(RDFS.range), ox.NamedNode
    with resources.files("kg.ontology").joinpath("kg.ttl").open("rb") as f:
        for t in ox.parse(f, format=ox.RdfFormat.TURTLE):
            s, o = t.subject, t.object
            if type(s) is not named or type(o) is not named:
                continue
            p = t.predicate.value
            if p == rdf_type and o.value in kinds:
                kinds[o.value].append(s.value)
            elif p == rdfs_range:
                ranges.setdefault(s.value, o.value)
    labels = dict(_W3C_LABELS)
    rels = dict(_W3C_RELS)
    props = dict(_W3C_PROPS)
    for cls in dict.fromkeys(kinds[str(OWL.Class)]):
        if cls.startswith(KG_NS):
            labels[cls] = cls[len(KG_NS):]
    taken = set(props_names := {n for n, _ in props.values()})
    for prop in dict.fromkeys(kinds[str(OWL.ObjectProperty)]):
        if prop.startswith(KG_NS):
            rels[prop] = _snake(prop[len(KG_NS):]).upper()
    for prop in dict.fromkeys(kinds[str(OWL.DatatypeProperty)]):
        if prop.startswith(KG_NS):
            name = _snake(prop[len(KG_NS):])
            if name in taken:
                name = "kg_" + name
            rng = ranges.get(prop)
            props[prop] = (name, rng if rng is not None and rng.startswith(str(XSD)) else None)
            taken.add(name)
    del props_names
    # kg names win over W3C ones for the same label (kg classes are what the data uses).
    seen: dict[str, str] = {}
    for iri, label in sorted(labels.items(), key=lambda kv: (not kv[0].startswith(KG_NS), kv[0])):
        if label in seen:
            del labels[iri]
        else:
            seen[label] = iri
    return GraphMapping(labels=labels, rel_types=rels, props=props)


# ------------------------------------------------------------------ RDF -> rows (pure)


@dataclass(slots=True)
class PropertyGraph:
    """Rows ready for Neo4j: what :func:`graph_to_rows` makes and :func:`rows_to_graph` reads."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # iri -> props
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> labels
    rels: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))  # type -> rows

    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.rels.values())


def skolemize(graph: Graph) -> Graph:
    """The graph with every blank node replaced by a stable IRI under SKOLEM_PREFIX.

    The IRI is rdflib's canonical blank-node label (rdflib.compare) of the triples that
    touch blank nodes, so the same triples give the same IRIs whatever the parser called
    the blank nodes.
    """
    blank = Graph()
    rest: list[tuple[Any, Any, Any]] = []
    for triple in graph:
        if isinstance(triple[0], BNode) or isinstance(triple[2], BNode):
            blank.add(triple)
        else:
            rest.append(triple)
    if not len(blank):
        return graph
    from rdflib.compare import to_canonical_graph

    # Only the triples that touch a blank node are canonicalised (the labels depend on
    # them alone): cheap even when a large graph carries a few blank nodes.
    out = Graph()
    for triple in rest:
        out.add(triple)
    for s, p, o in to_canonical_graph(blank):
        out.add((_skolem(s), p, _skolem(o)))
    return out


def _skolem(term: Any) -> Any:
    return URIRef(SKOLEM_PREFIX + str(term)) if isinstance(term, BNode) else term


def _canonical(lex: str, value: Any, datatype: str) -> bool:
    return str(Literal(value, datatype=URIRef(datatype))) == lex


def literal_entry(
    pred: str, lit: Literal, mapping: GraphMapping
) -> list[tuple[str, Any]]:
    """The property key(s) and value(s) a literal becomes (see the module docstring)."""
    dtype = None if lit.datatype is None else str(lit.datatype)
    return literal_parts_entry(pred, str(lit), lit.language or None, dtype, mapping)


def literal_parts_entry(
    pred: str, lex: str, lang: str | None, dtype: str | None, mapping: GraphMapping
) -> list[tuple[str, Any]]:
    """:func:`literal_entry` on a literal's parts (lexical form, language, datatype IRI or
    None for a plain string): the streaming load never builds rdflib terms."""
    known = mapping.props.get(pred)
    if known is None:
        if lang:
            return [(f"{pred}@{lang}", lex)]
        if dtype is None:
            return [(pred, lex)]
        return [(f"{pred}^^{dtype}", lex)]
    name, declared = known
    if lang:
        if _SIMPLE_LANG.match(lang):
            return [(f"{name}_{lang}", lex)]
        return [(f"{name}@{lang}", lex)]
    if dtype is None:
        # A plain literal where the ontology declares a datatype: under the predicate IRI,
        # so the bare name only ever holds values of the declared type.
        return [(name, lex)] if declared in _PLAIN_TYPES else [(pred, lex)]
    if dtype == declared:
        if dtype == _XSD_DECIMAL:
            try:
                return [(name, float(lex)), (name + DECIMAL_SUFFIX, lex)]
            except ValueError:
                pass
        else:
            native = _native(lex, dtype)
            if native is not None:
                return [(name, native)]
    return [(f"{name}^^{dtype}", lex)]


def _native(lex: str, dtype: str) -> Any:
    """The native value for a canonical lexical form of `dtype`, or None."""
    try:
        if dtype in _INTEGER_TYPES:
            v: Any = int(lex)
            return v if str(v) == lex else None
        if dtype == _XSD_GYEAR:
            return int(lex) if re.fullmatch(r"[0-9]{4}", lex) else None
        if dtype in _DOUBLE_TYPES:
            v = float(lex)
            return v if _canonical(lex, v, dtype) else None
        if dtype == _XSD_BOOLEAN:
            return {"true": True, "false": False}.get(lex)
        if dtype == _XSD_DATE:
            d = dt.date.fromisoformat(lex)
            return d if d.isoformat() == lex else None
    except ValueError:
        return None
    return None


def graph_to_rows(graph: Graph, mapping: GraphMapping | None = None) -> PropertyGraph:
    """Turn RDF triples into node and relationship rows (pure; no server)."""
    mapping = mapping or default_mapping()
    graph = skolemize(graph)
    pg = PropertyGraph()
    values: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    node_iris: set[str] = set()
    rdf_type = str(RDF.type)
    for s, p, o in graph:
        if not isinstance(s, URIRef) or not isinstance(p, URIRef):
            continue  # generalised RDF (literal subjects) has no place in a property graph
        si, pi = str(s), str(p)
        node_iris.add(si)
        if isinstance(o, Literal):
            for key, value in literal_entry(pi, o, mapping):
                values[si][key].append(value)
        elif pi == rdf_type:
            label = mapping.labels.get(str(o))
            if label:
                pg.labels[si].add(label)
            else:
                values[si][TYPES_KEY].append(str(o))
        else:
            oi = str(o)
            node_iris.add(oi)
            typ = mapping.rel_types.get(pi)
            if typ:
                pg.rels[typ].append({"s": si, "o": oi})
            else:
                pg.rels[GENERIC_REL].append({"s": si, "o": oi, "p": pi})
    for iri in node_iris:
        props: dict[str, Any] = {}
        for key, vals in values.get(iri, {}).items():
            props[key] = vals[0] if len(vals) == 1 else _sorted(key, vals)
        pg.nodes[iri] = props
    # Keep decimal pairs aligned: sort the exact strings, derive the floats in that order.
    for props in pg.nodes.values():
        for key in [k for k in props if k.endswith(DECIMAL_SUFFIX)]:
            exact = props[key]
            if isinstance(exact, list):
                props[key[: -len(DECIMAL_SUFFIX)]] = [float(x) for x in exact]
    for rows in pg.rels.values():
        rows.sort(key=lambda r: (r["s"], r.get("p", ""), r["o"]))
    return pg


def _sorted(key: str, vals: list[Any]) -> list[Any]:
    try:
        return sorted(set(vals))
    except TypeError:  # mixed types cannot be one Neo4j list
        raise StoreError(f"property {key!r} would mix value types {sorted({type(v).__name__ for v in vals})}")


# ------------------------------------------------------------------ rows -> RDF (pure)


def rows_to_graph(
    nodes: Iterable[tuple[str, Iterable[str], Mapping[str, Any]]],
    rels: Iterable[tuple[str, str, str | None, str]],
    mapping: GraphMapping | None = None,
) -> Graph:
    """Rebuild RDF from nodes ``(iri, labels, props)`` and relationships ``(s, type, iri, o)``."""
    mapping = mapping or default_mapping()
    g = Graph()

    def term(iri: str) -> URIRef | BNode:
        if iri.startswith(SKOLEM_PREFIX):
            return BNode(iri[len(SKOLEM_PREFIX):])
        return URIRef(iri)

    for iri, labels, props in nodes:
        s = term(iri)
        for label in labels:
            cls = mapping.label_classes.get(label)
            if cls:
                g.add((s, RDF.type, URIRef(cls)))
        for t in _as_list(props.get(TYPES_KEY, [])):
            g.add((s, RDF.type, term(t)))
        for key, value in props.items():
            if key in (IRI_KEY, TYPES_KEY):
                continue
            for p, lit in _literals(key, value, props, mapping):
                g.add((s, URIRef(p), lit))
    for s_iri, typ, p_iri, o_iri in rels:
        pred = p_iri if typ == GENERIC_REL else mapping.type_predicates.get(typ)
        if pred:
            g.add((term(s_iri), URIRef(pred), term(o_iri)))
    return g


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _literals(key: str, value: Any, props: Mapping[str, Any], mapping: GraphMapping) -> Iterator[tuple[str, Literal]]:
    vals = _as_list(value)
    if "^^" in key:
        base, dtype = key.split("^^", 1)
        pred = _pred(base, mapping)
        if pred:
            for v in vals:
                yield pred, Literal(str(v), datatype=URIRef(dtype))
        return
    if key in mapping.name_predicates:
        pred, declared = mapping.name_predicates[key]
        if declared == str(XSD.decimal) and key + DECIMAL_SUFFIX in props:
            return  # the floats beside exact decimals
        for v in vals:
            yield pred, _typed(v, declared)
        return
    if key.endswith(DECIMAL_SUFFIX) and key[: -len(DECIMAL_SUFFIX)] in mapping.name_predicates:
        pred, _ = mapping.name_predicates[key[: -len(DECIMAL_SUFFIX)]]
        for v in vals:
            yield pred, Literal(str(v), datatype=XSD.decimal)
        return
    if "@" in key:
        base, lang = key.rsplit("@", 1)
        pred = _pred(base, mapping)
        if pred:
            for v in vals:
                yield pred, Literal(str(v), lang=lang)
        return
    head, _, lang = key.rpartition("_")
    if head in mapping.name_predicates and _SIMPLE_LANG.match(lang):
        pred, _ = mapping.name_predicates[head]
        for v in vals:
            yield pred, Literal(str(v), lang=lang)
        return
    if ":" in key:  # an unknown predicate's plain literal
        for v in vals:
            yield key, Literal(str(v))
    # anything else was not written by this module (a user's own property): not RDF


def _pred(base: str, mapping: GraphMapping) -> str | None:
    if base in mapping.name_predicates:
        return mapping.name_predicates[base][0]
    return base if ":" in base else None


def _typed(value: Any, declared: str | None) -> Literal:
    if hasattr(value, "to_native"):
        value = value.to_native()
    if declared in _PLAIN_TYPES:
        return Literal(str(value))
    if declared == str(XSD.gYear):
        return Literal(str(value), datatype=XSD.gYear)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=URIRef(declared))
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=URIRef(declared))
    if isinstance(value, float):
        return Literal(str(Literal(value, datatype=URIRef(declared))), datatype=URIRef(declared))
    return Literal(str(value), datatype=URIRef(declared))


# ------------------------------------------------------------------ Neo4j I/O


DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Where to connect. The password never appears in repr, logs or messages."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Neo4jSettings:
        """Arguments first, then NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE."""
        env = os.environ if env is None else env
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or DEFAULT_USER,
            password=password if password is not None else (env.get("NEO4J_PASSWORD") or None),
            database=database or env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        )

    def __post_init__(self) -> None:
        # bolt://user:password@host: the credentials leave the URI (which is shown in
        # messages) for the auth token; the password is masked wherever kg writes.
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(self.uri)
        if parts.username is not None or parts.password is not None:
            host = parts.netloc.rsplit("@", 1)[1]
            object.__setattr__(self, "uri", parts._replace(netloc=host).geturl())
            if parts.username:
                object.__setattr__(self, "user", unquote(parts.username))
            if parts.password is not None and self.password is None:
                object.__setattr__(self, "password", unquote(parts.password))
        register_secret(self.password)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password) if self.password else None


def local_password(uri: str, user: str = DEFAULT_USER) -> str | None:
    """The password ``kg server start`` generated, for user neo4j on a server on this
    machine (None otherwise, or when there is none)."""
    from urllib.parse import urlsplit

    from kg.neo4jserver import is_loopback, stored_password

    try:
        host = urlsplit(uri).hostname or ""
    except ValueError:
        return None
    if user != DEFAULT_USER or not is_loopback(host):
        return None
    try:
        return stored_password()
    except StoreError:
        return None


def _describe(exc: BaseException, settings: Neo4jSettings) -> str:
    """One line saying what went wrong with the server, without secrets."""
    where = f"Neo4j at {redact(settings.uri)}"
    code = (exc.code or "") if isinstance(exc, nx.Neo4jError) else ""
    if isinstance(exc, nx.AuthError) or "Unauthorized" in code:
        return (f"{where} refused user {settings.user!r}: wrong user or password "
                "(give --password or set NEO4J_PASSWORD)")
    if "DatabaseNotFound" in code:
        return (f"{where} has no database {settings.database!r} "
                "(create it, or name another with --database / NEO4J_DATABASE)")
    if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired)):
        return f"cannot reach {where}: {_first_line(exc)} (is it running? check --uri / NEO4J_URI)"
    if isinstance(exc, nx.ConfigurationError):
        return f"bad Neo4j settings for {redact(settings.uri)}: {_first_line(exc)}"
    if isinstance(exc, ValueError):
        return f"bad Neo4j URI {redact(settings.uri)!r}: {_first_line(exc)}"
    return f"{where}: {type(exc).__name__}: {_first_line(exc)}"


def _first_line(exc: BaseException) -> str:
    text = (exc.message if isinstance(exc, nx.Neo4jError) else None) or str(exc) or type(exc).__name__
    return redact(" ".join(str(text).split())[:300])


def connect(settings: Neo4jSettings) -> neo4j.Driver:
    """A driver that has reached the server, logged in and found the database."""
    try:
        # execute_write retries what the driver deems retryable (a lost connection, a
        # deadlock) for this long; deadlocks get longer in _execute_write, a server that
        # went away does not keep a load waiting for minutes
        driver = GraphDatabase.driver(settings.uri, auth=settings.auth, connection_timeout=15,
                                      max_transaction_retry_time=DRIVER_RETRY_SECONDS)
    except Exception as exc:  # noqa: BLE001 - bad URI schemes raise several types
        raise StoreError(_describe(exc, settings)) from exc
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=settings.database)
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        driver.close()
        raise StoreError(_describe(exc, settings)) from exc
    return driver


@dataclass(slots=True)
class LoadSummary:
    """What a load did (Neo4j's own counters)."""

    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    batches: int = 0
    seconds: float = 0.0

    def count(self, counters: Any) -> None:
        """Add one query's counters."""
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.labels_added += counters.labels_added


CONSTRAINT = (
    "CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE"
)
REPLAN_SKIP = "CYPHER replan=skip "
"""The load's queries have one good plan whatever the statistics (seeks on the unique
IRI constraint): a plan once made is kept when the data grows or shrinks (Neo4j would
otherwise plan each of the ~100 load queries again, ~20 ms of server CPU each, whenever
the counts change a lot, as between a wipe and a load)."""
WIPE = "MATCH (n:Resource) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
WIPE_MARKERS = "MATCH (m:KgLoad) DELETE m"
COUNT_RESOURCES = "MATCH (n:Resource) RETURN count(n)"
"""From the count store: whether the load starts on a graph without nodes (then it
CREATEs the nodes that bring properties: see :class:`_NodeWrites`)."""
READ_MARKERS = "UNWIND $reports AS r MATCH (m:KgLoad {report: r}) RETURN m.report AS report, m.key AS key"
WRITE_MARKERS = "UNWIND $rows AS row MERGE (m:KgLoad {report: row.report}) SET m.key = row.key"
"""A ``KgLoad`` node per loaded report holds the content key of the triples loaded for it
(:func:`kg.pipeline.dump_report_keys`); it is not a ``Resource``, so exports and queries
never see it. Written after a load succeeds, so a cut-off load is redone in full."""


BEGIN_RUN = ("MERGE (c:KgLoadRuns) ON CREATE SET c.active = 0, c.seq = 0 "
             "SET c.active = c.active + 1, c.seq = c.seq + 1 "
             "RETURN c.active AS active, c.seq AS seq, elementId(c) AS id")
RUN_SEQ = "MATCH (c:KgLoadRuns) RETURN c.seq AS seq"
END_RUN = ("MATCH (c:KgLoadRuns) WHERE elementId(c) IN $ids "
           "SET c.active = c.active - 1 WITH c WHERE c.active <= 0 DELETE c")
WIPE_RUNS = "MATCH (c:KgLoadRuns) DELETE c"
"""One ``KgLoadRuns`` node counts the loads running (``active``) and those ever begun
since it was made (``seq``): a load adds one to both before it writes anything and takes
one off ``active`` when it ends (the last one out deletes the node, so a finished load
leaves no trace). A load that began alone (``active`` 1) on a graph without nodes may
CREATE its relationships instead of MERGEing them, as long as ``seq`` is still its own:
:class:`_RelWrites` checks that in each CREATE transaction after its writes. Not a
``Resource`` and not a ``KgLoad``: exports, queries and the load markers never see it.
A load killed by SIGKILL leaves ``active`` too high: later loads MERGE (correct, a little
slower) until ``--wipe`` or an emptied database removes the node. Two loads that begin at
the same instant may each make a counter node: neither is then alone, and each counts
out of the node(s) it counted into (by element id)."""


def _rel_query(typ: str, create: bool = False, by_id: bool = False) -> str:
    # rows are lists [object IRI, [subject IRIs]] (with the predicate IRI between them for
    # RELATED): one seek of the object for all the subjects that point to it (kg's graphs
    # have hubs: the report, its sections, the government), and smaller to send than maps.
    # ``create``: CREATE instead of MERGE, for a load alone on a graph it found empty (see
    # :class:`_RelWrites`): no read of the end nodes' relationships, no lock-and-check.
    # ``by_id``: the rows name the end nodes by the internal ids their CREATE returned
    # (:class:`_NodeIds`), sought directly instead of in the IRI index (CREATE mode only).
    write = "CREATE" if create else "MERGE"
    o_seek, s_seek = (("MATCH (o) WHERE id(o) = row[0] ", "MATCH (s) WHERE id(s) = si ") if by_id else
                      ("MATCH (o:Resource {iri: row[0]}) ", "MATCH (s:Resource {iri: si}) "))
    if typ == GENERIC_REL:
        return (
            REPLAN_SKIP + "UNWIND $rows AS row " + o_seek + "UNWIND row[2] AS si " + s_seek +
            f"{write} (s)-[:{GENERIC_REL} {{iri: row[1]}}]->(o)"
        )
    assert _TYPE_RE.match(typ)
    return (
        REPLAN_SKIP + "UNWIND $rows AS row " + o_seek + "UNWIND row[1] AS si " + s_seek +
        f"{write} (s)-[:{typ}]->(o)"
    )


@lru_cache(maxsize=1)
def _merge_rel_queries() -> dict[str, str]:
    """Every relationship MERGE query, made once from the fixed mapping."""
    return {typ: _rel_query(typ) for typ in [*default_mapping().rel_types.values(), GENERIC_REL]}


@lru_cache(maxsize=1)
def _create_rel_queries() -> dict[str, str]:
    return {typ: _rel_query(typ, create=True) for typ in [*default_mapping().rel_types.values(), GENERIC_REL]}


@lru_cache(maxsize=1)
def _create_rel_by_id_queries() -> dict[str, str]:
    return {typ: _rel_query(typ, create=True, by_id=True) for typ in [*default_mapping().rel_types.values(), GENERIC_REL]}


def _write(tx: neo4j.ManagedTransaction, query: str, rows: list[Any]) -> Any:
    return tx.run(query, rows=rows).consume().counters


def merge_props(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The properties to SET on a node that already holds ``old``: each of ``new``'s keys
    with the union of its old and new values (an RDF load adds triples, it never drops
    one: a label or alias one report gave stays when the next report's load arrives).
    Float partners of exact decimals are derived again from the merged strings."""
    out: dict[str, Any] = {}
    for key, value in new.items():
        if key == "iri" or key not in old or old[key] == value:
            out[key] = value
            continue
        merged = set(old[key] if isinstance(old[key], list) else [old[key]])
        merged |= set(value if isinstance(value, list) else [value])
        out[key] = merged.pop() if len(merged) == 1 else _sorted(key, list(merged))
    for key in [k for k in out if k.endswith(DECIMAL_SUFFIX)]:
        exact = out[key]
        out[key[: -len(DECIMAL_SUFFIX)]] = [float(x) for x in exact] if isinstance(exact, list) else float(exact)
    return out


# ------------------------------------------------------------------ streaming load
#
# A load never holds the graph. Triples arrive as plain tuples ``(s, p, o)``: ``o`` an IRI
# string, or a literal ``(lexical form, language or None, datatype IRI or None)``. Pass 1
# gathers the properties and labels of a window of nodes and writes them; pass 2 writes
# the relationships (their end nodes all exist by then). Node writes go to a few threads,
# each with its own session; a node always goes to the same thread (by its IRI), so two
# transactions never race on one node's properties, and each thread writes its batches
# in order. Relationships go to one thread (they lock both end nodes: see load_triples),
# still concurrent with the client turning the next triples into rows. Memory is one
# window per pass (WINDOW_BATCHES batches per writer), whatever the size of the input.
#
# Where a load's CPU went (87 k triples, 12 k nodes, 35 k relationships, client + server
# JVM): the server planned its ~100 label- and type-specific queries again after every
# large change in the counts (about half of its CPU: now replan=skip); a transaction
# running one small query per label and type cost more than its rows (now grouped over
# a window); every node was read back and write-locked before its write (now only nodes
# the MERGE found). Then (same dump, warm server): relationships sent grouped by object
# (one seek of a hub for all its subjects: the relationship pass ~1.6 -> ~1.2 CPU-s),
# nodes CREATEd on a graph without nodes (:class:`_NodeWrites`; the node pass ~0.8 ->
# ~0.6), the reports' content keys summed in the load's own two passes when nothing can
# be skipped (:class:`_ReportKeys`; the client ~1.45 -> ~1.1: two streaming passes instead
# of four). Then: a load that began alone on a graph without nodes CREATEs its
# relationships (BEGIN_RUN, :class:`_RelWrites`: no read of the end nodes' chains, no
# lock-and-check; the relationship pass ~1.5 -> ~1.2 server CPU-s), and a node gets all
# its labels in its one write (a third of kg's nodes have two or three classes; before,
# each further label was one more seek and write). Where the server's CPU goes now
# (JFR samples of the Bolt worker, 2 CPU-s for the 87 k triples): committing (commands
# extracted from the transaction state, applied to the stores, ~50 %), the per-row seeks
# of the IRI index (~25 % of the relationship pass, half of it the lock a seek in a
# writing query takes: a range seek, which takes none, measured no cheaper) and the
# release of those locks at commit (~15 %); planning ~3 %, GC and JIT ~10 % of the JVM.
# That is the write of the graph itself. The client's share is reading the dump twice,
# hashing the reports' triples (content keys) and encoding rows for Bolt. Then (session
# 7): a CREATE-mode load names its relationships' end nodes by the internal ids its node
# writes returned (:class:`_NodeIds`: no index seek, no index lock; server ~1.7 -> ~1.1
# CPU-s for the 87 k triples), and stays in CREATE mode over several node windows (nodes
# written before are MERGEd alone; object-only IRIs wait for their own triples). Then
# (session 8, the client ~1.0 -> ~0.8 CPU-s): each pass reads the dump in one loop
# (:func:`plain_quads` with the keyer: conversion, report discovery and content keys
# together; a subject's IRI one string), the relationship pass converts no literal
# (:meth:`_DumpSource.links`), the node window is filled in one loop with literal keys
# made once per predicate, language and datatype, the keys' digests are summed in numpy,
# and no load imports kg.rdf (language tags) or parses the ontology with rdflib (the
# mapping: pyoxigraph). Measured and not kept: elementId() for id() (~8 % more CPU), one
# relationship query a transaction with dynamic types (no gain).

Plain = tuple[str, str, Any]
"""A triple as plain values: subject IRI, predicate IRI, object IRI or literal parts."""

DEFAULT_BATCH_SIZE = 2000
"""Rows per write transaction: each query costs the server more than its rows (measured
on 87 k triples: 2000 rows 8 % less CPU than 1000, 5000 a little less again for 2.5x the
client's window)."""
DEFAULT_WRITERS = 2
"""Concurrent write transactions: the server works on one batch while the client turns
the next triples into rows (more gain nothing on a 2-core server)."""
TRANSACTION_RETRY_SECONDS = 300.0
"""How long a write transaction is retried on transient errors (deadlocks between
concurrent loads of overlapping reports) before the load stops with an error."""
DRIVER_RETRY_SECONDS = 15.0
"""How long the driver retries a transaction on its own (a lost connection among them:
a server that died mid-load is reported after this long, not after the deadlock budget)."""


def _retry_transient(work: Callable[[], Any]) -> Any:
    """``work()``, retried on transient server errors (deadlocks between concurrent loads)
    for up to TRANSACTION_RETRY_SECONDS."""
    import random

    deadline = time.monotonic() + TRANSACTION_RETRY_SECONDS
    while True:
        try:
            return work()
        except nx.TransientError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.2, 2.0))


def _execute_write(session: neo4j.Session, fn: Callable[..., Any], *args: Any) -> Any:
    """``session.execute_write(fn, *args)``, retried as :func:`_retry_transient` says."""
    return _retry_transient(lambda: session.execute_write(fn, *args))


def plain_triples(triples: Iterable[tuple[Any, Any, Any]]) -> Iterator[Plain]:
    """rdflib triples as plain tuples (subjects that are not IRIs are skipped: generalised
    RDF has no place in a property graph; skolemize blank nodes first)."""
    for s, p, o in triples:
        if not isinstance(s, URIRef) or not isinstance(p, URIRef):
            continue
        if isinstance(o, Literal):
            yield str(s), str(p), (str(o), o.language or None, None if o.datatype is None else str(o.datatype))
        elif isinstance(o, URIRef):
            yield str(s), str(p), str(o)


def plain_quads(quads: Iterable[Any], keyer: _ReportKeys | None = None, links_only: bool = False) -> Iterator[Plain]:
    """pyoxigraph quads (:func:`kg.validate.read_quads`) as plain tuples, named graphs
    merged; the same literal parts :func:`kg.rdf.from_ox` gives (xsd:string is a plain
    literal, language tags in BCP 47 case). With ``keyer`` (not yet complete), also what
    ``keyer.feed`` does on the way, in the same loop (the load's two passes: one loop a
    quad instead of three stacked generators): find the reports, or sum their content
    keys; a blank node then raises :class:`_BlankNodes`. A subject's IRI is one string
    for all its consecutive triples (its hash computed once in the rows' dicts). With
    ``links_only``, only the triples that become relationships (an IRI object, a predicate
    other than rdf:type) come out: the relationship pass converts no literal."""
    import pyoxigraph as ox

    if keyer is not None and keyer.complete:
        keyer = None
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode
    discover = keyer is not None and keyer.discovering
    summing = keyer is not None and not discover
    if summing:
        import hashlib

        from kg.pipeline import _report_of

        blake, reports, spill = hashlib.blake2b, keyer.reports, KEYS_SPILL_BYTES
    found: set[str] = keyer.reports if keyer is not None else set()
    langs: dict[str, str] = {}
    last: Any = None
    sv: str | None = None
    buf: bytearray | None = None
    for q in quads:
        s, o = q.subject, q.object
        if s != last:
            last = s
            if type(s) is named:
                sv = s.value
                if summing:  # dumps hold a subject's triples together: one lookup a subject
                    rep = _report_of(sv, reports)
                    if rep != keyer.rep or len(keyer.buf) >= spill:
                        keyer.switch(rep)
                    buf = None if rep is None else keyer.buf
            else:
                if keyer is not None and type(s) is blank:
                    raise _BlankNodes
                sv = None
        if sv is None:
            continue
        if buf is not None:
            buf += blake(str(q.triple).encode("utf-8"), digest_size=16).digest()
        to = type(o)
        if to is literal:
            if links_only:
                continue
            lang = o.language
            if lang:
                yield sv, q.predicate.value, (o.value, langs.get(lang) or _lang_case(lang, langs), None)
            else:
                dtype = o.datatype.value
                yield sv, q.predicate.value, (o.value, None, None if dtype == _XSD_STRING else dtype)
        elif to is named:
            p, ov = q.predicate.value, o.value
            if discover and ov == _KG_REPORT and p == _RDF_TYPE:
                found.add(sv)
            if links_only and p == _RDF_TYPE:
                continue
            yield sv, p, ov
        elif keyer is not None and to is blank:
            raise _BlankNodes
    if discover:
        keyer.found_all()
    elif summing:
        keyer.switch(None)
        keyer.complete = True


def _lang_case(tag: str, cache: dict[str, str]) -> str:
    """``kg.rdf.bcp47_case(tag)``, kept in ``cache``; a tag without subtags needs no
    import of kg.rdf (pyoxigraph gives it in lower case, which is BCP 47's case for it)."""
    if "-" in tag:
        from kg.rdf import bcp47_case

        cased = bcp47_case(tag)
    else:
        cased = tag.lower()
    if len(cache) < 1000:
        cache[tag] = cased
    return cased


_KG_REPORT = KG_NS + "Report"


class _Distinct:
    """How many distinct strings were seen: a 64-bit hash per sighting, counted once at
    the end, so the summary's node and relationship counts stay exact without a set of
    IRIs. The hashes of the current window are kept in memory; :meth:`window` hands them
    over and writes them to an anonymous temporary file, cut into DISTINCT_PARTS parts by
    their top bits, and :meth:`count` reads the file back one part at a time: the memory
    the count takes is a window's, or a part's at the end, however large the load."""

    def __init__(self) -> None:
        from array import array

        self.hashes = array("q")
        self.file: Any = None
        self.size = 0
        self.starts = array("q")  # per window written: its offset in the file
        self.counts = array("q")  # per window written: DISTINCT_PARTS counts

    def add(self, key: Any) -> None:
        self.hashes.append(hash(key))

    def window(self) -> Any:
        """The hashes added since the last call, as a numpy int64 array (then on disk)."""
        from array import array

        import numpy as np

        h = np.frombuffer(self.hashes, dtype=np.int64)
        self.hashes = array("q")
        if len(h):
            part = (h.view(np.uint64) >> np.uint64(64 - DISTINCT_BITS)).astype(np.intp)
            data = h[np.argsort(part, kind="stable")]
            if self.file is None:
                import tempfile

                self.file = tempfile.TemporaryFile(prefix="kg-load-")
            self.file.write(data.tobytes())
            self.starts.append(self.size)
            self.counts.extend(np.bincount(part, minlength=DISTINCT_PARTS).tolist())
            self.size += data.nbytes
        return h

    def count(self) -> int:
        import os

        import numpy as np

        self.window()
        if self.file is None:
            return 0
        self.file.flush()
        fd = self.file.fileno()
        counts = np.frombuffer(self.counts, dtype=np.int64).reshape(-1, DISTINCT_PARTS)
        offsets = np.frombuffer(self.starts, dtype=np.int64)[:, None] + 8 * (np.cumsum(counts, axis=1) - counts)
        total = 0
        for p in range(DISTINCT_PARTS):
            part = b"".join(os.pread(fd, 8 * int(n), int(at)) for at, n in zip(offsets[:, p], counts[:, p]) if n)
            if part:
                total += int(np.unique(np.frombuffer(part, dtype=np.int64)).size)
        self.file.close()
        self.file, self.size = None, 0
        self.starts, self.counts = type(self.starts)("q"), type(self.counts)("q")
        return total


DISTINCT_BITS = 6
DISTINCT_PARTS = 1 << DISTINCT_BITS
"""A load's node and relationship hashes are counted in this many parts (by their top
bits): at the end, one part at a time in memory."""


class _NodeWindow:
    """The properties and labels of the nodes seen since the last flush. IRIs seen only
    as objects are held back (``pending``) until they are seen as subjects or the pass
    ends: a node written bare in one window and with its properties in a later one would
    have to be MERGEd (read back and united) there instead of CREATEd (kg's dumps are
    sorted by subject, so a node's own triples come together but the IRIs it points to
    come before or after)."""

    def __init__(self, mapping: GraphMapping) -> None:
        self.mapping = mapping
        self.values: dict[str, dict[str, list[Any]]] = {}
        self.labels: dict[str, set[str]] = {}
        self.objects: dict[str, None] = {}
        self.pending: dict[str, None] = {}
        self.literal_keys: dict[tuple[str, str | None, str | None], str] = {}

    def __len__(self) -> int:
        return len(self.values) + len(self.objects)

    def add(self, s: str, p: str, o: Any) -> None:
        self.fill(iter(((s, p, o),)), 1 << 62)

    def fill(self, triples: Iterator[Plain], size: int) -> int:
        """Add ``triples`` until the window holds ``size`` nodes (subjects and IRIs seen
        as objects) or they run out; returns how many were read. A literal whose property
        value is its lexical form (all but the values of a predicate's declared datatype)
        goes under a key made once for its predicate, language and datatype."""
        values, labels, objects = self.values, self.labels, self.objects
        mapping, keys = self.mapping, self.literal_keys
        class_labels = mapping.labels
        read = 0
        last: str | None = None
        vals: dict[str, list[Any]] = {}
        for s, p, o in triples:
            read += 1
            grown = False
            if s is not last:  # a subject's consecutive triples share one string (plain_quads)
                last = s
                got = values.get(s)
                if got is None:
                    got = values[s] = {}
                    grown = True
                vals = got
            if type(o) is tuple:
                lex, lang, dtype = o
                key = keys.get((p, lang, dtype))
                if key is None:
                    key = _literal_key(p, lang, dtype, mapping)
                    if len(keys) < LITERAL_KEYS_CAP:
                        keys[(p, lang, dtype)] = key
                if key:
                    have = vals.get(key)
                    if have is None:
                        vals[key] = [lex]
                    else:
                        have.append(lex)
                else:
                    for key, value in literal_parts_entry(p, lex, lang, dtype, mapping):
                        vals.setdefault(key, []).append(value)
            elif p == _RDF_TYPE:
                label = class_labels.get(o)
                if label:
                    labels.setdefault(s, set()).add(label)
                else:
                    vals.setdefault(TYPES_KEY, []).append(o)
            elif o not in values and o not in objects:
                objects[o] = None
                grown = True
            if grown and len(values) + len(objects) >= size:
                break
        return read

    def take(self, final: bool = True) -> list[tuple[str, list[str], dict[str, Any]]]:
        """The rows ``(iri, labels, props)`` of the window's subjects, which is then empty;
        the IRIs seen only as objects (bare rows) when ``final`` or past PENDING_CAP."""
        values, pending = self.values, self.pending
        pending.update(self.objects)
        for iri in values:
            pending.pop(iri, None)
        rows = [(iri, sorted(self.labels.get(iri, ())), _props(vals)) for iri, vals in values.items()]
        if final or len(pending) > PENDING_CAP:
            rows += [(iri, [], {}) for iri in pending]
            self.pending = {}
        self.values, self.labels, self.objects = {}, {}, {}
        return rows


LITERAL_KEYS_CAP = 10_000
"""At most this many (predicate, language, datatype) keys are kept by a node window."""


def _literal_key(pred: str, lang: str | None, dtype: str | None, mapping: GraphMapping) -> str:
    """The property key of a literal of ``pred``, ``lang`` and ``dtype`` when its value is
    its lexical form (see :func:`literal_parts_entry`); "" when the value is converted
    (a value of the predicate's declared datatype: a number, date, boolean, decimal)."""
    known = mapping.props.get(pred)
    if known is not None and not lang and dtype is not None and dtype == known[1]:
        return ""
    return literal_parts_entry(pred, "", lang, dtype, mapping)[0][0]


PENDING_CAP = 200_000
"""At most this many object-only IRIs are held back across node windows (a few tens of
MB); past it they are written bare at once."""


def _props(values: dict[str, list[Any]]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, vals in values.items():
        if len(vals) == 1:
            props[key] = vals[0]
        else:
            unique = _sorted(key, vals)
            props[key] = unique[0] if len(unique) == 1 else unique
    # Keep decimal pairs aligned: sort the exact strings, derive the floats in that order.
    for key in [k for k in props if k.endswith(DECIMAL_SUFFIX)]:
        exact = props[key]
        if isinstance(exact, list):
            props[key[: -len(DECIMAL_SUFFIX)]] = [float(x) for x in exact]
    return props


Labels = tuple[str, ...]
"""A node's labels besides ``Resource`` (sorted; empty for none)."""


def _label_set(labels: Labels) -> str:
    for label in labels:
        assert _LABEL_RE.match(label)
    return f" SET n:{':'.join(labels)}" if labels else ""


def _merge_new_query(labels: Labels) -> str:
    """MERGE nodes that bring properties: a new node gets them at once (no read-back); a
    node already there is write-locked (a property set and removed, held to the end of
    the transaction, so a concurrent load cannot change it between read and write) and
    its stored properties come back, to be united with the new ones on the client."""
    return (REPLAN_SKIP + "UNWIND $rows AS row MERGE (n:Resource {iri: row.iri}) "
            "ON CREATE SET n += row.props ON MATCH SET n._kg_lock = true" + _label_set(labels) +
            " WITH n, row WHERE n._kg_lock IS NOT NULL REMOVE n._kg_lock "
            "RETURN row.iri AS iri, properties(n) AS props")


def _merge_new_id_query(labels: Labels) -> str:
    """:func:`_merge_new_query` returning every row's node id too (the stored properties
    only for nodes that were there), for a CREATE-mode load that keeps ids."""
    return (REPLAN_SKIP + "UNWIND $rows AS row MERGE (n:Resource {iri: row.iri}) "
            "ON CREATE SET n += row.props ON MATCH SET n._kg_lock = true" + _label_set(labels) +
            " WITH n, row, n._kg_lock IS NOT NULL AS old REMOVE n._kg_lock "
            "RETURN row.iri AS iri, id(n) AS id, CASE WHEN old THEN properties(n) END AS props")


def _merge_bare_query(labels: Labels) -> str:
    """MERGE nodes that bring no properties (IRI objects, subjects with only a type)."""
    return REPLAN_SKIP + "UNWIND $rows AS row MERGE (n:Resource {iri: row})" + _label_set(labels)


def _create_new_query(labels: Labels) -> str:
    """CREATE nodes that bring properties, in a load that holds them new (see
    :class:`_NodeWrites`): no read-back, no lock dance; the constraint ``resource_iri``
    refuses the whole transaction if one of them exists after all."""
    for label in labels:
        assert _LABEL_RE.match(label)
    # rows are the node's whole property map, its IRI among them: the node is made with
    # its labels and set from the map in one step
    return REPLAN_SKIP + f"UNWIND $rows AS row CREATE (n:{':'.join((RESOURCE, *labels))}) SET n = row"


SET_MERGED = REPLAN_SKIP + "UNWIND $rows AS row MATCH (n:Resource {iri: row.iri}) SET n += row.props"


@lru_cache(maxsize=None)
def _node_queries(labels: Labels) -> tuple[str, str, str]:
    """The MERGE-with-properties, MERGE-bare and CREATE queries of nodes with ``labels``
    (all of them in the one write: a node of two or three kg classes is not sought again
    to add the others). Labels come from the fixed mapping only, so there are few sets."""
    return _merge_new_query(labels), _merge_bare_query(labels), _create_new_query(labels)


RETURN_ID = " RETURN collect(id(n)) AS ids"
"""Appended to the CREATE and MERGE-bare queries of a CREATE-mode load: the internal ids
of the rows' nodes, in the rows' order (UNWIND keeps it), in one record (a record a row
cost the client more than the lookups save), for :class:`_NodeIds`."""


NodeRow = tuple[str, list[str], dict[str, Any]]


def _write_node_rows(tx: neo4j.ManagedTransaction, groups: list[tuple[Labels, list[NodeRow]]],
                     create: bool = False, ids: list[tuple[str, int]] | None = None,
                     again: frozenset[str] = frozenset()) -> list[Any]:
    """MERGE batches of nodes, one query per set of labels (rows sorted by IRI), uniting
    the properties of nodes already there with the new ones (read under a write lock and
    written in one transaction, so a retried or re-run batch gives the same). With
    ``create``, the nodes that bring properties are CREATEd instead (see
    :class:`_NodeWrites`); nodes without are always MERGEd. With ``ids`` (and ``create``),
    every node's ``(iri, internal id)`` is put in that list (emptied first: a retried
    transaction starts it again). ``again``: IRIs this load wrote in an earlier window
    (a subject whose triples are split in the dump): MERGEd even in a CREATE-mode load."""
    counters: list[Any] = []
    if ids is not None:
        ids.clear()
    for labels, rows in groups:
        merge_new, merge_bare, create_new = _node_queries(labels)
        with_props = [{"iri": iri, "props": props} for iri, _, props in rows if props]
        bare = [iri for iri, _, props in rows if not props]
        fresh: list[dict[str, Any]] = []
        if create and again:
            fresh = [row for row in with_props if row["iri"] not in again]
            with_props = [row for row in with_props if row["iri"] in again]
        elif create:
            fresh, with_props = with_props, []
        if fresh:
            # the row's own property map, its IRI added (no copy: a retried transaction,
            # or one MERGEd after all, sets the same IRI again)
            maps = []
            for row in fresh:
                props = row["props"]
                props[IRI_KEY] = row["iri"]
                maps.append(props)
        if fresh and ids is not None:
            result = tx.run(create_new + RETURN_ID, rows=maps)
            ids += zip([row["iri"] for row in fresh], result.single(strict=True)[0], strict=True)
            counters.append(result.consume().counters)
        elif fresh:
            counters.append(tx.run(create_new, rows=maps).consume().counters)
        if with_props:
            if ids is not None:
                result = tx.run(_merge_new_id_query(labels), rows=with_props)
                stored = {}
                for r in result:
                    ids.append((r["iri"], r["id"]))
                    if r["props"] is not None:
                        stored[r["iri"]] = r["props"]
            else:
                result = tx.run(merge_new, rows=with_props)
                stored = {r["iri"]: r["props"] for r in result}
            counters.append(result.consume().counters)
            if stored:
                changed = []
                for row in with_props:
                    old = stored.get(row["iri"])
                    if old is not None:
                        props = merge_props(old, row["props"])
                        if any(old.get(k) != v for k, v in props.items()):
                            changed.append({"iri": row["iri"], "props": props})
                if changed:
                    counters.append(tx.run(SET_MERGED, rows=changed).consume().counters)
        if bare and ids is not None:
            result = tx.run(merge_bare + RETURN_ID, rows=bare)
            ids += zip(bare, result.single(strict=True)[0], strict=True)
            counters.append(result.consume().counters)
        elif bare:
            counters.append(tx.run(merge_bare, rows=bare).consume().counters)
    return counters


RelGroup = tuple[str, list[list[Any]], bool]
"""Relationship rows of one type: ``(type, rows, merge)``; ``merge`` keeps MERGE for rows
whose relationships a CREATE-mode load may have sent before (see :func:`_flush_rels`)."""


class _NotAlone(Exception):
    """Another load began after this one: its CREATE transaction is rolled back."""


def _write_rel_rows(tx: neo4j.ManagedTransaction, groups: list[RelGroup], seq: int | None = None) -> list[Any]:
    """MERGE batches of relationships, one query per type. With ``seq`` (the load's run
    number, see BEGIN_RUN), CREATE them, then check, inside the same transaction, that no
    other load has begun since this one: the CREATEs hold their end nodes' locks by then,
    so a load that begins later and MERGEs the same relationship waits for this commit and
    finds it; if one has begun, :class:`_NotAlone` rolls the transaction back."""
    merge_queries = _merge_rel_queries()
    create_queries = _create_rel_queries()
    by_id_queries = _create_rel_by_id_queries()
    counters = []
    for typ, rows, merge in groups:
        if seq is None or merge:
            query = merge_queries[typ]
        else:  # rows of ids (ints) from _RelWrites, or of IRIs
            query = (by_id_queries if rows and type(rows[0][0]) is int else create_queries)[typ]
        counters.append(tx.run(query, rows=rows).consume().counters)
    if seq is not None and [r["seq"] for r in tx.run(RUN_SEQ)] != [seq]:
        raise _NotAlone
    return counters


class _RelWrites:
    """Writes relationship batches: CREATE while the load may (``seq`` set: it began alone
    on a graph without nodes, see BEGIN_RUN), MERGE from the first batch on that finds
    another load begun since (that batch is rolled back and MERGEd)."""

    def __init__(self, seq: int | None, ids: _NodeIds | None = None) -> None:
        self.seq = seq
        self.ids = ids

    @property
    def create(self) -> bool:
        return self.seq is not None

    def stop_creating(self) -> None:
        self.seq = None

    def __call__(self, session: neo4j.Session, groups: list[RelGroup]) -> list[Any]:
        seq = self.seq
        if seq is not None:
            by_id = self.ids.rows(groups) if self.ids is not None else None
            try:
                return _execute_write(session, _write_rel_rows, by_id or groups, seq)
            except _NotAlone:
                self.seq = None
                log.debug("another load began: relationships are MERGEd from now on")
        return _execute_write(session, _write_rel_rows, groups)


class _NodeWrites:
    """Writes node batches. A load that starts on a database without ``Resource`` nodes
    CREATEs the nodes that bring properties (measured: a fifth less server CPU for the
    node pass than MERGE with its read-back) as long as none of them exists: when one
    does (a concurrent load wrote it, or this load's earlier batch made it bare or from
    other triples), the constraint ``resource_iri`` refuses the batch, nothing of it is
    written, and it and every later batch go the MERGE way. So no node is ever doubled
    and no property lost, whatever runs beside the load."""

    def __init__(self, create: bool, ids: _NodeIds | None = None) -> None:
        self.create = create
        self.ids = ids if create else None

    def __call__(self, session: neo4j.Session, batch: tuple[list[tuple[Labels, list[NodeRow]]], frozenset[str]]
                 | list[tuple[Labels, list[NodeRow]]]) -> list[Any]:
        groups, again = batch if isinstance(batch, tuple) else (batch, frozenset())
        if self.create:
            ids = self.ids
            pairs: list[tuple[str, int]] | None = [] if ids is not None else None
            try:
                counters = _execute_write(session, _write_node_rows, groups, True, pairs, again)
            except nx.ConstraintError:
                self.create, self.ids = False, None
                log.debug("a node of the load exists already: MERGE from now on")
            else:
                if ids is not None and pairs is not None:
                    ids.add(pairs)
                return counters
        return _execute_write(session, _write_node_rows, groups)


class _NodeIds:
    """The internal ids of the nodes a CREATE-mode load wrote, by a 64-bit hash of their
    IRIs (16 bytes a node, at most ID_CAP nodes), so its CREATEd relationships name their
    end nodes by id (a direct seek) instead of by IRI (a seek in the IRI index and its
    lock). Only while the load stays in CREATE mode: its nodes were made by it on a graph
    without nodes, and a relationship transaction that runs after another load has begun
    (one that may wipe the graph, so ids may name other nodes) is rolled back and MERGEd
    by IRI (:class:`_RelWrites`). Two IRIs of one hash are left out (their relationships
    go by IRI), so a hash never names the wrong node."""

    def __init__(self) -> None:
        import threading
        from array import array

        self.lock = threading.Lock()
        self.hashes, self.values = array("q"), array("q")
        self.keys: Any = None
        self.ids: Any = None

    def add(self, pairs: list[tuple[str, int]]) -> None:
        with self.lock:
            if self.hashes is None:
                return
            if len(self.hashes) + len(pairs) > ID_CAP:
                self.hashes = self.values = None  # too many: relationships by IRI
                return
            self.hashes.extend([hash(iri) for iri, _ in pairs])
            self.values.extend([i for _, i in pairs])

    def seal(self) -> bool:
        """Sort the ids for lookups (after the node pass); False when there are none."""
        import numpy as np

        if self.hashes is None or not len(self.hashes):
            return False
        h = np.frombuffer(self.hashes, dtype=np.int64)
        v = np.frombuffer(self.values, dtype=np.int64)
        order = np.lexsort((v, h))
        h, v = h[order], v[order]
        # one node MERGEd bare in two windows: the same id twice, kept once; two IRIs of
        # one hash (different ids): both left out
        keep = np.ones(len(h), dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (v[1:] != v[:-1])
        h, v = h[keep], v[keep]
        clash = np.zeros(len(h), dtype=bool)
        clash[1:] |= h[1:] == h[:-1]
        clash[:-1] |= h[1:] == h[:-1]
        self.keys, self.ids = h[~clash], v[~clash]
        self.hashes = self.values = None
        return len(self.keys) > 0

    def rows(self, groups: list[RelGroup]) -> list[RelGroup] | None:
        """``groups`` with the rows of the CREATE groups naming nodes by id; None when a
        node of them has no id here (the batch then goes by IRI)."""
        import numpy as np

        if self.keys is None:
            return None
        iris: list[str] = []
        for typ, rows, merge in groups:
            if not merge:
                for row in rows:
                    iris.append(row[0])
                    iris += row[-1]
        if not iris:
            return None
        q = np.fromiter(map(hash, iris), dtype=np.int64, count=len(iris))
        at = np.minimum(np.searchsorted(self.keys, q), len(self.keys) - 1)
        if not bool((self.keys[at] == q).all()):
            return None
        found = self.ids[at].tolist()
        k = 0
        out: list[RelGroup] = []
        for typ, rows, merge in groups:
            if merge:
                out.append((typ, rows, merge))
                continue
            new_rows: list[list[Any]] = []
            for row in rows:
                head, end = found[k], k + 1 + len(row[-1])
                subjects = found[k + 1:end]
                k = end
                new_rows.append([head, row[1], subjects] if typ == GENERIC_REL else [head, subjects])
            out.append((typ, new_rows, merge))
        return out


ID_CAP = 5_000_000
"""At most this many node ids are kept by a CREATE-mode load (80 MB); past it, its
relationships name their end nodes by IRI."""


class _Writers:
    """Threads writing batches, each in its own session and in the order given to it.
    The first error stops them all and is raised by the next :meth:`put` or :meth:`wait`."""

    def __init__(self, driver: neo4j.Driver, database: str, n: int, summary: LoadSummary,
                 progress: Callable[[int, int | None], None] | None) -> None:
        import queue
        import threading

        self.summary, self.progress = summary, progress
        self.error: BaseException | None = None
        self.done = 0
        self.lock = threading.Lock()
        self.queues = [queue.Queue(maxsize=2) for _ in range(n)]
        self.threads = [threading.Thread(target=self._run, args=(driver, database, q), daemon=True,
                                         name=f"kg-neo4j-writer-{i}") for i, q in enumerate(self.queues)]
        for t in self.threads:
            t.start()

    def _run(self, driver: neo4j.Driver, database: str, q: Any) -> None:
        # id() (the CREATE-mode relationships' seeks) is deprecated in Cypher 5: no notice
        with driver.session(database=database, notifications_disabled_categories=["DEPRECATION"]) as session:
            while True:
                item = q.get()
                try:
                    if item is None:
                        return
                    if self.error is None:
                        counters = item[0](session, item[1])
                        with self.lock:
                            for c in counters:
                                self.summary.count(c)
                            self.summary.batches += 1
                            self.done += 1
                            if self.progress:
                                self.progress(self.done, None)
                except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                    with self.lock:
                        self.error = self.error or exc
                finally:
                    q.task_done()

    def put(self, worker: int, fn: Callable[[neo4j.Session, Any], list[Any]], rows: Any) -> None:
        """Have writer ``worker`` run ``fn(session, rows)`` (it returns the counters)."""
        self._check()
        self.queues[worker].put((fn, rows))

    def wait(self) -> None:
        for q in self.queues:
            q.join()
        self._check()

    def _check(self) -> None:
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """End the threads (after :meth:`wait`, or on the way out of an error: a thread
        that saw an error only drains its queue)."""
        if self.error is None:
            for q in self.queues:
                q.put(None)
            for t in self.threads:
                t.join()
        else:
            for q in self.queues:
                try:
                    q.put_nowait(None)
                except Exception:  # noqa: BLE001 - a full queue drains and the daemon thread ends with kg
                    pass


def _pack(groups: Mapping[Any, list[Any]], size: int, row_key: Callable[[Any], Any]) -> Iterator[list[tuple[Any, list[Any]]]]:
    """The rows of ``groups`` (label or type -> rows) cut into transactions of at most
    ``size`` rows, each a list of ``(group, rows)``: groups in name order, rows sorted
    within a group, so every load takes its locks in one order (fewer deadlocks), and a
    transaction runs few queries (each query costs the server more than its rows)."""
    batch: list[tuple[Any, list[Any]]] = []
    room = size
    for key in sorted(groups):
        rows = sorted(groups[key], key=row_key)
        while rows:
            take, rows = rows[:room], rows[room:]
            batch.append((key, take))
            room -= len(take)
            if not room:
                yield batch
                batch, room = [], size
    if batch:
        yield batch


WINDOW_BATCHES = 4
"""A window (of nodes in pass 1, of relationships in pass 2) holds this many batches per
writer: enough that most transactions run one query of ``batch_size`` rows."""


def _write_nodes_pass(triples: Iterable[Plain], writers: _Writers, n: int, batch_size: int,
                      nodes: _Distinct, mapping: GraphMapping, write: _NodeWrites | None = None) -> int:
    """Pass 1: every node with its properties and labels. Returns the triples read."""
    window = _NodeWindow(mapping)
    window_size = batch_size * n * WINDOW_BATCHES
    seen = 0
    sent = _Sent()
    it = iter(triples)
    while True:
        seen += window.fill(it, window_size)
        if len(window) < window_size:
            break
        _flush_nodes(window, writers, n, nodes, batch_size, write, final=False, sent=sent)
    _flush_nodes(window, writers, n, nodes, batch_size, write, sent=sent)
    return seen


def _flush_nodes(window: _NodeWindow, writers: _Writers, n: int, nodes: _Distinct, batch_size: int,
                 write: _NodeWrites | None = None, final: bool = True, sent: _Sent | None = None) -> None:
    """The window's node rows to the writers (a node always to the same one); in a
    CREATE-mode load, with the IRIs of them written in an earlier window (to MERGE)."""
    write = write or _NodeWrites(False)
    shards: list[dict[Labels, list[NodeRow]]] = [defaultdict(list) for _ in range(n)]
    rows = window.take(final)
    for row in rows:
        nodes.add(row[0])
        shards[hash(row[0]) % n][tuple(row[1])].append(row)
    again: frozenset[str] = frozenset()
    hashes = nodes.window()
    if sent is not None and write.create:
        if sent.count > SENT_CAP:
            write.create, write.ids = False, None
        else:
            seen = sent.again(hashes)
            if seen:
                again = frozenset(row[0] for row in rows if row[2] and hash(row[0]) in seen)
    for i, groups in enumerate(shards):
        for batch in _pack(groups, batch_size, lambda r: r[0]):
            writers.put(i, write, (batch, again))


SENT_CAP = 2_000_000
"""A CREATE-mode load remembers the relationships (and nodes) it sent (:class:`_Sent`), so
a triple seen again in a later window is MERGEd, not CREATEd twice; past this many it
MERGEs the rest (the filter's false positives stay rare)."""


def _write_rels_pass(triples: Iterable[Plain], writers: _Writers, n: int, batch_size: int,
                     rels: _Distinct, mapping: GraphMapping, write: _RelWrites | None = None) -> None:
    """Pass 2: every relationship (IRI object, predicate other than rdf:type), grouped
    by type and object (``n`` is 1: see :func:`load_triples`)."""
    write = write or _RelWrites(None)
    window: dict[str, dict[Any, list[str]]] = defaultdict(lambda: defaultdict(list))
    window_size = batch_size * n * WINDOW_BATCHES
    size = 0
    rel_types, seen = mapping.rel_types, rels.add
    sent = _Sent()
    for s, p, o in triples:
        if type(o) is not str or p == _RDF_TYPE:
            continue
        typ = rel_types.get(p)
        if typ:
            window[typ][o].append(s)
            seen((s, typ, o))
        else:
            window[GENERIC_REL][(o, p)].append(s)
            seen((s, p, o))
        size += 1
        if size >= window_size:
            _flush_rels(window, writers, batch_size, write, sent, rels)
            size = 0
    _flush_rels(window, writers, batch_size, write, sent, rels)


class _Sent:
    """Which of the relationships (or nodes) a CREATE-mode load sends in a window it sent in
    an earlier window: a Bloom filter over the 64-bit hashes :class:`_Distinct` keeps of
    them (SENT_BITS bits, SENT_PROBES probes: a fixed 2 MiB, however large the load). A
    false positive (about 1 in 50,000 at 500,000 relationships, 1 in 55 at SENT_CAP) only
    MERGEs a relationship or node that a CREATE would have written the same."""

    def __init__(self) -> None:
        import numpy as np

        self.count = 0
        self.bits = np.zeros(1 << (SENT_BITS - 3), dtype=np.uint8)

    def again(self, window: Any) -> set[int]:
        """The hashes of ``window`` (a numpy int64 array) that an earlier call saw (a
        triple in two windows, or a false positive); they count as seen from now on."""
        import numpy as np

        if not len(window):
            return set()
        x = window.view(np.uint64)
        mask = np.uint64((1 << SENT_BITS) - 1)
        a = x >> np.uint64(64 - SENT_BITS)
        b = (x & mask) | np.uint64(1)
        probes = [(a + np.uint64(i) * b) & mask for i in range(SENT_PROBES)]
        bits = self.bits
        hit = np.ones(len(x), dtype=bool)
        for p in probes:
            hit &= (bits[p >> np.uint64(3)] >> (p & np.uint64(7)).astype(np.uint8)) & np.uint8(1) == 1
        for p in probes:
            byte, bit = p >> np.uint64(3), (p & np.uint64(7)).astype(np.uint8)
            for j in range(8):  # one bit at a time: bytes repeated in one assignment set the same bit
                on = bit == j
                bits[byte[on]] |= np.uint8(1 << j)
        self.count += len(x)
        return set(window[hit].tolist())


SENT_BITS = 24
SENT_PROBES = 6


def _flush_rels(window: dict[str, dict[Any, list[str]]], writers: _Writers, batch_size: int,
                write: _RelWrites | None = None, sent: _Sent | None = None, rels: _Distinct | None = None) -> None:
    """The window's relationships in transactions of at most ``batch_size`` relationships,
    each a list of ``(type, rows, merge)``: types in name order, rows by object, subjects
    sorted (every load takes its locks in one order), a hub's subjects cut across
    transactions. A relationship twice in the window goes once; in a CREATE-mode load, one
    sent in an earlier window goes to a MERGE group (the same triple twice in a dump, or
    in the dump and the ontology)."""
    write = write or _RelWrites(None)
    sections: list[tuple[str, bool, list[tuple[Any, list[str]]]]] = [
        (typ, False, [(key, sorted(set(window[typ][key]))) for key in sorted(window[typ])]) for typ in sorted(window)]
    window.clear()
    hashes = rels.window() if rels is not None else None
    if write.create and sent is not None and hashes is not None:
        if sent.count > SENT_CAP:
            write.stop_creating()
        else:
            again = sent.again(hashes)
            if again:
                sections = _split_sent(sections, again)
    batch: list[RelGroup] = []
    room = batch_size
    for typ, merge, keys in sections:
        rows: list[list[Any]] = []
        for key, subjects in keys:
            head = list(key) if typ == GENERIC_REL else [key]
            while subjects:
                take, subjects = subjects[:room], subjects[room:]
                rows.append([*head, take])
                room -= len(take)
                if not room:
                    batch.append((typ, rows, merge))
                    writers.put(0, write, batch)
                    batch, rows, room = [], [], batch_size
        if rows:
            batch.append((typ, rows, merge))
    if batch:
        writers.put(0, write, batch)


def _split_sent(sections: list[tuple[str, bool, list[tuple[Any, list[str]]]]],
                again: set[int]) -> list[tuple[str, bool, list[tuple[Any, list[str]]]]]:
    """Each type's relationships whose hash is in ``again`` (sent before) in a MERGE
    section after the type's CREATE one (hashes as :func:`_write_rels_pass` adds them)."""
    out: list[tuple[str, bool, list[tuple[Any, list[str]]]]] = []
    for typ, _, keys in sections:
        fresh: list[tuple[Any, list[str]]] = []
        old: list[tuple[Any, list[str]]] = []
        for key, subjects in keys:
            seen = [hash((s, key[1], key[0]) if typ == GENERIC_REL else (s, typ, key)) in again for s in subjects]
            if not all(seen):
                fresh.append((key, [s for s, f in zip(subjects, seen) if not f]))
            if any(seen):
                old.append((key, [s for s, f in zip(subjects, seen) if f]))
        out += [(typ, False, fresh)] if fresh else []
        out += [(typ, True, old)] if old else []
    return out


def load_triples(
    source: Callable[[], Iterable[Plain]],
    settings: Neo4jSettings,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    writers: int = DEFAULT_WRITERS,
    progress: Callable[[int, int | None], None] | None = None,
    driver: neo4j.Driver | None = None,
) -> LoadSummary:
    """Load the plain triples ``source()`` yields (called twice: once for the nodes, once
    for the relationships, then ``source.links()`` instead when it has that method: the
    relationship triples only) into Neo4j, in bounded memory. Idempotent and resumable: every
    write is a MERGE or a CREATE the IRI constraint guards (:class:`_NodeWrites`), so a load run twice creates nothing and a load cut off and run
    again ends in the graph one clean load gives. Raises StoreError."""
    if batch_size < 1:
        raise StoreError(f"--batch-size must be at least 1, not {batch_size}")
    began = time.monotonic()
    mapping = default_mapping()
    summary = LoadSummary()
    n = max(1, writers)
    own = driver is None
    drv = driver or connect(settings)
    pool: _Writers | None = None
    run: _Run | None = None
    nodes, rels = _Distinct(), _Distinct()
    try:
        with drv.session(database=settings.database) as session:
            # schema locks: a load starting while another writes can deadlock here too
            _retry_transient(lambda: session.run(CONSTRAINT).consume())
            _retry_transient(lambda: session.run("CALL db.awaitIndexes(300)").consume())
            if wipe:
                session.run(WIPE).consume()
                session.run(WIPE_MARKERS).consume()
                session.run(WIPE_RUNS).consume()
            # counted in first, then the count of nodes: a load that wrote before it was
            # either counted in before this one (active > 1), or has ended (its nodes count)
            run = _begin_run(session)
            empty = session.run(COUNT_RESOURCES).single(strict=True)[0] == 0
        if progress:
            progress(0, None)
        pool = _Writers(drv, settings.database, n, summary, progress)
        node_writes = _NodeWrites(empty, _NodeIds() if empty and run is not None and run.alone_seq is not None else None)
        summary.triples = _write_nodes_pass(source(), pool, n, batch_size, nodes, mapping, node_writes)
        pool.wait()  # every node exists before a relationship names it
        ids = node_writes.ids if node_writes.create and node_writes.ids is not None and node_writes.ids.seal() else None
        if not summary.triples:
            return _finish(summary, nodes, rels, began)
        # Relationships on one writer: MERGE of a relationship locks both end nodes, and
        # kg's graphs have hubs (the report, the government) that every batch touches, so
        # concurrent relationship transactions only wait on each other or deadlock and retry.
        # (CREATEd relationships on two writers measured no faster either, on 2 cores.)
        _write_rels_pass(_links(source)(), pool, 1, batch_size, rels, mapping,
                         _RelWrites(run.alone_seq if empty and run is not None else None, ids))
        pool.wait()
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        msg = _describe(exc, settings)
        if summary.batches:
            msg += f"; stopped after {summary.batches} batches — run the same load again to finish it"
        raise StoreError(msg) from exc
    finally:
        if pool is not None:
            pool.close()
        if run is not None:
            _end_run(drv, settings, run)
        if own:
            drv.close()
    return _finish(summary, nodes, rels, began)


@dataclass(slots=True)
class _Run:
    """This load in the run counter (BEGIN_RUN): the counter nodes it counted into, and
    its run number when it began alone (then it may CREATE relationships)."""

    ids: list[str]
    alone_seq: int | None


def _begin_run(session: neo4j.Session) -> _Run | None:
    """Count this load in (BEGIN_RUN); None when that failed (the load just MERGEs)."""
    for _ in range(3):
        try:
            rows = _execute_write(session, lambda tx: [(r["active"], r["seq"], r["id"]) for r in tx.run(BEGIN_RUN)])
        except nx.Neo4jError as exc:  # the counter deleted under us by the last load out
            log.debug("load counter: %s", _first_line(exc))
            continue
        alone = rows[0][1] if len(rows) == 1 and rows[0][0] == 1 else None
        return _Run([r[2] for r in rows], alone)
    return None


def _end_run(drv: neo4j.Driver, settings: Neo4jSettings, run: _Run) -> None:
    """Count this load out (END_RUN); best effort: a load that cannot leaves later loads
    MERGEing (see BEGIN_RUN)."""
    try:
        with drv.session(database=settings.database) as session:
            _retry_transient(lambda: session.run(END_RUN, ids=run.ids).consume())
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        log.debug("load counter not decremented: %s", _first_line(exc))


def _finish(summary: LoadSummary, nodes: _Distinct, rels: _Distinct, began: float) -> LoadSummary:
    summary.nodes, summary.relationships = nodes.count(), rels.count()
    summary.seconds = time.monotonic() - began
    log.info("loaded %d triples as %d nodes, %d relationships in %.1f s",
             summary.triples, summary.nodes, summary.relationships, summary.seconds)
    return summary


def load_graph(
    graph: Graph,
    settings: Neo4jSettings,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    writers: int = DEFAULT_WRITERS,
    progress: Callable[[int, int | None], None] | None = None,
    driver: neo4j.Driver | None = None,
) -> LoadSummary:
    """Load RDF `graph` into Neo4j (idempotent, resumable; blank nodes get their skolem
    IRIs). Raises StoreError."""
    graph = skolemize(graph)
    summary = load_triples(lambda: plain_triples(graph), settings, batch_size=batch_size, wipe=wipe,
                           writers=writers, progress=progress, driver=driver)
    summary.triples = len(graph)
    return summary


EXPORT_NODES = "MATCH (n:Resource) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"
EXPORT_RELS = (
    "MATCH (s:Resource)-[r]->(o:Resource) "
    "RETURN s.iri AS s, type(r) AS type, r.iri AS p, o.iri AS o"
)


def export_graph(settings: Neo4jSettings, *, driver: neo4j.Driver | None = None) -> Graph:
    """Read every Resource node and relationship back as RDF (inverse of load_graph)."""
    own = driver is None
    drv = driver or connect(settings)
    try:
        with drv.session(database=settings.database, default_access_mode=neo4j.READ_ACCESS) as session:
            nodes = [(r["iri"], r["labels"], r["props"]) for r in session.run(EXPORT_NODES)]
            rels = [(r["s"], r["type"], r["p"], r["o"]) for r in session.run(EXPORT_RELS)]
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        raise StoreError(_describe(exc, settings)) from exc
    finally:
        if own:
            drv.close()
    return rows_to_graph(nodes, rels)


_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True, slots=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]


def run_cypher(
    query: str,
    settings: Neo4jSettings,
    params: Mapping[str, Any] | None = None,
    *,
    driver: neo4j.Driver | None = None,
) -> CypherResult:
    """Run one read query (a researcher's Cypher) and return plain Python values.

    Parameters the query names but `params` does not give are null (the library's
    queries read a null parameter as "no filter").
    """
    values = {name: None for name in _PARAM_RE.findall(query)}  # unset parameters are null
    values.update(params or {})
    own = driver is None
    drv = driver or connect(settings)
    # the library's queries read optional properties on purpose: the server's notices
    # that a property key is absent from the data (UNRECOGNIZED) are noise for them
    quiet = [neo4j.NotificationDisabledCategory.UNRECOGNIZED] if query in library_queries().values() else None
    try:
        with drv.session(database=settings.database, default_access_mode=neo4j.READ_ACCESS,
                         notifications_disabled_categories=quiet) as session:
            records, keys = session.execute_read(lambda tx: (lambda r: (list(r), r.keys()))(tx.run(query, values)))
    except nx.CypherSyntaxError as exc:
        raise StoreError(f"Cypher syntax error: {_first_line(exc)}") from exc
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        raise StoreError(_describe(exc, settings)) from exc
    finally:
        if own:
            drv.close()
    return CypherResult(columns=list(keys), rows=[[plain(v) for v in r.values()] for r in records])


def plain(value: Any) -> Any:
    """Driver values as plain Python (nodes as property dicts, temporal as ISO strings)."""
    if isinstance(value, neo4j.graph.Node):
        return dict(value)
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def library_queries() -> dict[str, str]:
    """The Cypher library (queries/*.cypher), name -> text."""
    from kg.queries import library

    return library(".cypher")


def read_cypher(query_or_file: str) -> str:
    """The query text: a .cypher file's content, a library query (``name`` or
    ``name.cypher``), or the string itself."""
    from kg.queries import read

    return read(query_or_file, ".cypher")


def ontology_graph() -> Graph:
    """kg's ontology (ontology/kg.ttl): loaded beside the data so Cypher can follow class
    hierarchies and read the notations of kg's individuals (statuses, qualifiers, roles)."""
    g = Graph()
    with resources.files("kg.ontology").joinpath("kg.ttl").open("rb") as f:
        g.parse(f, format="turtle")
    return g


@dataclass
class InputsLoad:
    """What :func:`load_inputs` did: the load itself and the reports it skipped."""

    load: LoadSummary
    reports: int = 0
    skipped: list[str] = field(default_factory=list)


def load_inputs(
    inputs: list[str | os.PathLike[str]],
    settings: Neo4jSettings,
    *,
    base_iri: str | None = None,
    ontology: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    skip_unchanged: bool = True,
    writers: int = DEFAULT_WRITERS,
    progress: Callable[[int, int | None], None] | None = None,
) -> InputsLoad:
    """``kg load``: reports and dumps into Neo4j. Dumps are streamed from kg's one reader
    (:func:`kg.validate.read_quads`) straight into rows, batch by batch: the client holds
    one window of rows, never the graph. With ``skip_unchanged``, the reports of the dumps
    whose content key Neo4j already holds (from an earlier load of the same triples) are
    left out before they become rows; when every report is unchanged, so are the shared
    nodes they state, and a reload of unchanged data costs a few streaming passes over the
    files and a query. Reports (analysed on the way) and dumps with blank nodes (their
    skolem IRIs come from the whole graph) go through one rdflib graph instead."""
    from pathlib import Path

    from kg.pipeline import RDF_SUFFIXES

    dumps = [p for p in inputs if Path(p).suffix.lower() in RDF_SUFFIXES]
    only_dumps = len(dumps) == len(inputs)
    files = _files_key(dumps) if dumps and only_dumps else None
    drv = connect(settings)
    try:
        keys = _unchanged_files(drv, settings, files) if files and skip_unchanged and not wipe else None
        same_files = keys is not None
        blank = False
        keyer: _ReportKeys | None = None
        stored: dict[str, str] = {}
        if keys is None and only_dumps and (wipe or not skip_unchanged or not _any_marker(drv, settings)):
            # nothing to skip: the reports are found in the load's first pass over the
            # dumps and their keys summed in the second (two streaming passes fewer)
            keyer, keys = _ReportKeys(set(), discover=True), {}
        if keys is None:
            reports, blank = _dump_reports(dumps) if dumps else (set(), False)
            keyer = _ReportKeys(reports) if reports else None
            keys = {}
            if keyer is not None and skip_unchanged and not wipe:
                stored = _stored_keys(drv, settings, reports)
            if keyer is not None and (stored or not only_dumps or blank):
                # reports loaded before: their keys decide what to skip, before the load
                # (and reports analysed on the way go through a graph: no pass to share)
                keys = keyer.scan(dumps)
                keyer.close()
                keyer = None
        unchanged: set[str] = set(keys) if same_files else set()
        if keys and not same_files:
            unchanged = {r for r, k in stored.items() if keys[r] == k}
        if same_files:
            # the very files whose load completed, every report's key still current: the
            # graph holds all their triples (a load never drops one): nothing to read
            source: Callable[[], Iterable[Plain]] = lambda: iter(())  # noqa: E731
        elif only_dumps and not blank:
            # no report of these dumps loaded before: their keys are summed on the way, in
            # the load's passes over the dumps
            source = _DumpSource(dumps, unchanged, unchanged == set(keys) and bool(unchanged), keyer)
        else:
            source = _graph_source(inputs, base_iri, unchanged)
        try:
            summary = _load_source(source, settings, unchanged, ontology, batch_size=batch_size, wipe=wipe,
                                   writers=writers, progress=progress, driver=drv)
        except _BlankNodes:
            # found in the first pass: what was written holds (nodes of IRIs, MERGEd again
            # now); the whole input goes through one skolemized graph, without keys
            blank, keyer = True, None
            summary = _load_source(_graph_source(inputs, base_iri, set()), settings, unchanged, ontology,
                                   batch_size=batch_size, wipe=wipe, writers=writers, progress=progress, driver=drv)
        if keyer is not None:
            keys = keyer.keys() if keyer.complete else keyer.scan(dumps)
            keyer.close()
        if keys:
            markers = [{"report": r, "key": k} for r, k in sorted(keys.items())]
            if files:
                markers.append({"report": files, "key": json.dumps(keys, sort_keys=True)})
            try:
                with drv.session(database=settings.database) as session:
                    _execute_write(session, _write, WRITE_MARKERS, markers)
            except (nx.Neo4jError, nx.DriverError, OSError) as exc:
                raise StoreError(_describe(exc, settings)) from exc
    finally:
        drv.close()
    log.info("skipped %d unchanged report(s) of %d", len(unchanged), len(keys))
    return InputsLoad(load=summary, reports=len(keys), skipped=sorted(unchanged))


def _load_source(source: Callable[[], Iterable[Plain]], settings: Neo4jSettings, unchanged: set[str],
                 ontology: bool, **kw: Any) -> LoadSummary:
    if not unchanged and next(iter(source()), None) is None:
        from kg.errors import InputError

        raise InputError("nothing to load: the inputs hold no triples")
    if ontology:
        onto = skolemize(ontology_graph())
        source = _Chained(source, lambda: plain_triples(onto))
    return load_triples(source, settings, **kw)


def _any_marker(drv: neo4j.Driver, settings: Neo4jSettings) -> bool:
    """Whether the graph holds a load marker (of any report)."""
    try:
        with drv.session(database=settings.database) as session:
            return session.run("MATCH (m:KgLoad) RETURN 1 LIMIT 1").single() is not None
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        raise StoreError(_describe(exc, settings)) from exc


FILES_MARKER = "files:"
"""A ``KgLoad`` node whose ``report`` is this prefix and the SHA-256 of the dump files'
bytes holds (as JSON) the content key of every report those files hold, written when
their load completed."""


def _files_key(dumps: list[Any]) -> str | None:
    """The marker name of this set of dump files (their bytes, in order), or None when one
    cannot be read (the reader then says why)."""
    import hashlib

    h = hashlib.sha256()
    for p in dumps:
        try:
            with open(p, "rb") as f:
                h.update(hashlib.file_digest(f, "sha256").digest())
        except OSError:
            return None
    return FILES_MARKER + h.hexdigest()


def _stored_keys(drv: neo4j.Driver, settings: Neo4jSettings, reports: Iterable[str]) -> dict[str, str]:
    try:
        with drv.session(database=settings.database) as session:
            return {r["report"]: r["key"] for r in session.run(READ_MARKERS, reports=sorted(reports))}
    except (nx.Neo4jError, nx.DriverError, OSError) as exc:
        raise StoreError(_describe(exc, settings)) from exc


def _unchanged_files(drv: neo4j.Driver, settings: Neo4jSettings, files: str) -> dict[str, str] | None:
    """The reports' keys of these very dump files when their load completed before and
    every one of those reports still holds that key (no later load of a changed version);
    None otherwise. Makes a reload of unchanged dumps cost a hash of the files and two
    queries, no parsing."""
    stored = _stored_keys(drv, settings, [files]).get(files)
    if stored is None:
        return None
    keys = json.loads(stored)
    if not keys or _stored_keys(drv, settings, keys) != keys:
        return None
    return keys


def _chain(*parts: Iterable[Plain]) -> Iterator[Plain]:
    for part in parts:
        yield from part


class _DumpSource:
    """The dumps' triples, streamed afresh on each call (blank-node-free dumps only); with
    ``keyer``, the quads of each call go through it until one call has read them all.
    :meth:`links`: only the triples that become relationships (what the relationship pass
    reads; see :func:`load_triples`)."""

    def __init__(self, dumps: list[Any], skip: set[str], skip_minted: bool,
                 keyer: _ReportKeys | None = None) -> None:
        self.dumps, self.skip, self.skip_minted, self.keyer = dumps, skip, skip_minted, keyer

    def __call__(self, links_only: bool = False) -> Iterator[Plain]:
        if not self.skip:
            from kg.validate import read_quads

            return plain_quads(read_quads(self.dumps), self.keyer, links_only)
        from kg.pipeline import dump_quads

        quads = dump_quads(self.dumps, skip_reports=self.skip, skip_minted=self.skip_minted)
        return plain_quads(quads, self.keyer, links_only)

    def links(self) -> Iterator[Plain]:
        return self(links_only=True)


class _Chained:
    """A source followed by more triples (kg's ontology), with the source's :meth:`links`."""

    def __init__(self, source: Callable[[], Iterable[Plain]], more: Callable[[], Iterable[Plain]]) -> None:
        self.source, self.more = source, more

    def __call__(self) -> Iterator[Plain]:
        return _chain(self.source(), self.more())

    def links(self) -> Iterator[Plain]:
        return _chain(_links(self.source)(), self.more())


def _links(source: Callable[[], Iterable[Plain]]) -> Callable[[], Iterable[Plain]]:
    """What the relationship pass reads of ``source``: its ``links`` when it has one (the
    relationship triples only), else all of it (the pass skips the others itself)."""
    return getattr(source, "links", source)


def _dump_reports(dumps: list[Any]) -> tuple[set[str], bool]:
    """The reports of the dumps (subjects typed kg:Report) and whether they hold a blank
    node (then no reports: blank nodes get skolem IRIs from the whole graph's canonical
    labelling, so a part of the graph cannot be skipped without renaming them). One
    streaming pass."""
    from kg.validate import read_quads

    keyer = _ReportKeys(set(), discover=True)
    try:
        for _ in keyer.feed(read_quads(dumps)):
            pass
    except _BlankNodes:
        return set(), True
    return keyer.reports, False


class _BlankNodes(Exception):
    """A dump read as streamed holds a blank node after all."""


class _ReportKeys:
    """The content key of every report of a dump, as :func:`kg.pipeline.dump_report_keys`
    gives it (the same keys: a test compares them): the count and the sum modulo 2**128 of
    the 128-bit BLAKE2b digests of the report's distinct triples (subject the report or
    under its IRI) in N-Triples form. Summed from the quads fed through :meth:`feed`
    (twice-seen triples count once), or by :meth:`scan`.

    The digests (16 bytes a triple) do not stay in memory: those of the report being read
    are collected in :attr:`buf` and written to an anonymous temporary file when the
    report changes or past KEYS_SPILL_BYTES (:meth:`switch`); :meth:`keys` reads them
    back one report at a time. The client holds one report's digests at most, however
    large the dump (what is left per report: the offsets of its pieces in the file)."""

    def __init__(self, reports: set[str], discover: bool = False) -> None:
        self.reports = reports
        self.complete = False
        self.discovering = discover
        self.rep: str | None = None  # the report whose digests buf holds
        self.buf = bytearray()
        self.file: Any = None
        self.size = 0
        # each report's pieces in the file, (offset, length) pairs; a triple read twice
        # (from two named graphs, or a pass abandoned and read again) is there twice:
        # :meth:`keys` counts it once
        self.pieces: dict[str, list[int]] = {}

    def switch(self, rep: str | None) -> None:
        """The digests collected so far go to the file (under :attr:`rep`); from now on
        :attr:`buf` collects those of ``rep``."""
        if self.buf:
            import tempfile

            if self.file is None:
                self.file = tempfile.TemporaryFile(prefix="kg-load-keys-")
            self.file.write(self.buf)
            self.pieces.setdefault(self.rep, []).extend((self.size, len(self.buf)))  # type: ignore[arg-type]
            self.size += len(self.buf)
            self.buf = bytearray()
        self.rep = rep

    def feed(self, quads: Iterable[Any]) -> Iterator[Any]:
        """``quads`` as they are, summed on the way; complete once they are all read.
        Made with ``discover``, the first complete pass finds the reports instead (and
        raises :class:`_BlankNodes` at a blank node), the next one sums. (The load's own
        passes do the same inside :func:`plain_quads`.)"""
        if self.discovering:
            yield from self._discover(quads)
            return
        import hashlib

        from kg.pipeline import _report_of

        blake, reports, spill = hashlib.blake2b, self.reports, KEYS_SPILL_BYTES
        last: Any = None
        buf: bytearray | None = None
        for q in quads:
            s = q.subject
            if s != last:  # dumps hold a subject's triples together: one lookup per subject
                last = s
                rep = _report_of(s.value, reports)
                if rep != self.rep or len(self.buf) >= spill:
                    self.switch(rep)
                buf = None if rep is None else self.buf
            if buf is not None:
                buf += blake(str(q.triple).encode("utf-8"), digest_size=16).digest()
            yield q
        self.switch(None)
        self.complete = True

    def _discover(self, quads: Iterable[Any]) -> Iterator[Any]:
        import pyoxigraph as ox

        rdf_type, report = ox.NamedNode(_RDF_TYPE), ox.NamedNode(_KG_REPORT)
        blank, reports = ox.BlankNode, self.reports
        for q in quads:
            if type(q.subject) is blank or type(q.object) is blank:
                raise _BlankNodes
            if q.object == report and q.predicate == rdf_type:
                reports.add(q.subject.value)
            yield q
        self.found_all()

    def found_all(self) -> None:
        """The discovering pass has read every quad: the next one sums."""
        self.discovering = False

    def scan(self, dumps: list[Any]) -> dict[str, str]:
        """The keys, from one streaming pass over ``dumps`` (two when still discovering)."""
        from kg.validate import read_quads

        while not self.complete:
            for _ in self.feed(read_quads(dumps)):
                pass
        return self.keys()

    def digests(self, report: str) -> bytearray:
        """The digests summed for ``report`` so far (read back from the file)."""
        self.switch(self.rep)
        out = bytearray()
        pieces = self.pieces.get(report, ())
        if pieces:
            import os

            self.file.flush()
            fd = self.file.fileno()
            for i in range(0, len(pieces), 2):
                out += os.pread(fd, pieces[i + 1], pieces[i])
        return out

    def keys(self) -> dict[str, str]:
        return {r: _digests_key(self.digests(r)) for r in sorted(self.reports)}

    def close(self) -> None:
        """Drop the temporary file (it has no name: the system removes it once closed)."""
        if self.file is not None:
            self.file.close()
            self.file = None
        self.pieces, self.size, self.buf = {}, 0, bytearray()


KEYS_SPILL_BYTES = 1 << 20
"""The reports' digests held in memory before they go to the temporary file (1 MiB)."""


def _digests_key(buf: bytearray) -> str:
    """``count-sum``: how many distinct 128-bit digests ``buf`` holds and their sum
    modulo 2**128 (big-endian numbers, as :func:`kg.pipeline.dump_report_keys` sums them),
    in numpy: sorted and deduplicated as pairs of 64-bit halves, the high halves summed
    modulo 2**64 (all that counts modulo 2**128), the low halves in 32-bit parts (exact)."""
    import numpy as np

    if not buf:
        return f"0-{0:032x}"
    pairs = np.unique(np.frombuffer(buf, dtype=">u8").reshape(-1, 2).astype(np.uint64), axis=0)
    hi, lo = pairs[:, 0], pairs[:, 1]
    low = int((lo & np.uint64(0xFFFFFFFF)).sum(dtype=np.uint64)) + (int((lo >> np.uint64(32)).sum(dtype=np.uint64)) << 32)
    total = ((int(hi.sum(dtype=np.uint64)) << 64) + low) % (1 << 128)
    return f"{len(pairs)}-{total:032x}"


def _graph_source(inputs: list[Any], base_iri: str | None, skip: set[str]) -> Callable[[], Iterator[Plain]]:
    """Reports and dumps read into one rdflib graph (skolemized), for what cannot stream."""
    from kg.pipeline import load_graph as read_graph

    graph = skolemize(read_graph(inputs, base_iri, skip_reports=skip))
    return lambda: plain_triples(graph)
