"""SHACL validation of kg graphs against ontology/shapes.ttl, and the one streaming reader
of RDF dump files.

Two engines give the same verdict on kg's shapes:

* ``sparql`` (the default): each property constraint of the shapes is compiled into one
  SPARQL query that finds its violations, run by pyoxigraph over a store (in memory for
  one report; on disk for a whole dump, so memory stays flat). Every query is anchored on
  the shape's target class and reads each focus node's values once: its cost grows
  linearly with the graph. It supports the SHACL Core components kg's shapes use
  (targetClass; minCount, maxCount, class, datatype, pattern, in, minInclusive,
  lessThan, lessThanOrEquals, minLength, or of classes) and refuses shapes with others.
* ``pyshacl``: the reference implementation over an rdflib graph (~1 s per 10k triples;
  about half of a build's CPU when run per report).

No inference runs and the ontology is not mixed in: kg writes every class a shape targets
or checks explicitly on each node (a port is typed ``kg:Port`` AND ``kg:Place``), so a
graph from elsewhere must be just as explicit to conform.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, ParseError

log = logging.getLogger(__name__)

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml", ".owl": "xml"}
_OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
}
ENGINES = ("sparql", "pyshacl")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """ontology/shapes.ttl, parsed once."""
    return Graph().parse(data=(files("kg.ontology") / "shapes.ttl").read_text("utf-8"), format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """ontology/kg.ttl, parsed once."""
    return Graph().parse(data=(files("kg.ontology") / "kg.ttl").read_text("utf-8"), format="turtle")


def rdf_format(path: str | os.PathLike[str]) -> str:
    """The rdflib parser name for a dump file, from its suffix."""
    fmt = _FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type (use .ttl, .nt, .jsonld, .trig, .nq)")
    return fmt


# ------------------------------------------------------------------ the one reader


def ox_format(path: str | os.PathLike[str]) -> ox.RdfFormat:
    """The pyoxigraph format of a dump file, from its suffix."""
    fmt = _OX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type (use .ttl, .nt, .jsonld, .trig, .nq)")
    return fmt


def read_quads(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ox.Quad]:
    """Every quad of the dump files, streamed (pyoxigraph's parser: nothing held).

    The one reader of RDF files for ``kg load``, ``kg export``, ``kg stats`` and
    ``kg validate``: a missing file or unknown suffix is an :class:`InputError`, bad
    syntax a :class:`ParseError` naming the file and line, whatever the format."""
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.is_file():
            raise InputError(f"{p}: no such file")
        ox_format(p)
    for p in paths:
        fmt = ox_format(p)
        try:
            with open(p, "rb") as f:
                yield from ox.parse(f, format=fmt)
        except SyntaxError as exc:
            raise ParseError(f"{p}: not valid RDF: {' '.join(str(exc).split())}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{p}: cannot be read: {exc}") from exc


def load_graph(paths: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]) -> Graph:
    """Dump files as one rdflib graph (named graphs merged), read by :func:`read_quads`."""
    from kg.rdf import from_ox

    g = Graph()
    for q in read_quads(paths):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


# ------------------------------------------------------------------ shapes as SPARQL

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUPPORTED = {f"{SH}{n}" for n in (
    "path", "minCount", "maxCount", "class", "datatype", "pattern", "in", "minInclusive", "lessThan",
    "lessThanOrEquals", "minLength", "or", "message", "name", "description", "severity")}


@dataclass(frozen=True, slots=True)
class Check:
    """One compiled constraint: the SPARQL finding its violations (?focus, ?value)."""

    shape: str
    path: str
    component: str
    message: str
    query: str


def _iri(term) -> str:
    return f"<{term}>"


def _list(g: Graph, head) -> list:
    from rdflib.collection import Collection

    return list(Collection(g, head))


@lru_cache(maxsize=1)
def compiled_shapes() -> tuple[Check, ...]:
    """kg's shapes as SPARQL checks (see the module docstring), in a stable order."""
    from rdflib import URIRef
    from rdflib.namespace import SH as SHNS

    g = shapes_graph()
    checks: list[Check] = []
    for shape in sorted(set(g.subjects(SHNS.targetClass, None)), key=str):
        targets = sorted(g.objects(shape, SHNS.targetClass), key=str)
        focus = " UNION ".join(f"{{ ?focus a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_iri(c)} }}"
                               for c in targets)
        for prop in sorted(g.objects(shape, SHNS.property), key=lambda p: str(g.value(p, SHNS.path))):
            path = g.value(prop, SHNS.path)
            if not isinstance(path, URIRef):
                raise NotImplementedError(f"{shape}: only predicate paths are compiled")
            for p, _ in g.predicate_objects(prop):
                if str(p) not in _SUPPORTED:
                    raise NotImplementedError(f"{shape}: {p} is not compiled to SPARQL")
            msg = g.value(prop, SHNS.message)
            base = f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} "
            vals = f"?focus {_iri(path)} ?value ."

            def add(component: str, query: str, default: str) -> None:
                checks.append(Check(str(shape), str(path), component, str(msg) if msg else default, query))

            for c, o in sorted(g.predicate_objects(prop), key=lambda x: (str(x[0]), str(x[1]))):
                c = str(c)[len(SH):]
                if c == "minCount":
                    add(c, f"SELECT ?focus (SAMPLE(?v) AS ?value) WHERE {{ {focus} OPTIONAL {{ ?focus {_iri(path)} ?v }} }} "
                           f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) < {int(o)})", f"fewer than {int(o)} values")
                elif c == "maxCount":
                    add(c, f"SELECT ?focus (SAMPLE(?v) AS ?value) WHERE {{ {focus} ?focus {_iri(path)} ?v }} "
                           f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) > {int(o)})", f"more than {int(o)} values")
                elif c == "class":
                    add(c, base + vals + f" FILTER NOT EXISTS {{ ?value a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_iri(o)} }} }}",
                        f"value is not a {o}")
                elif c == "datatype":
                    if str(o) == "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString":
                        cond = "!(isLiteral(?value) && LANG(?value) != \"\")"
                    else:
                        cond = f"!(isLiteral(?value) && LANG(?value) = \"\" && DATATYPE(?value) = {_iri(o)})"
                    add(c, base + vals + f" FILTER({cond}) }}", f"value does not have datatype {o}")
                elif c == "pattern":
                    rx = str(o).replace("\\", "\\\\").replace('"', '\\"')
                    add(c, base + vals + f' FILTER(isBlank(?value) || !REGEX(STR(?value), "{rx}")) }}',
                        f"value does not match {o}")
                elif c == "in":
                    allowed = ", ".join(_iri(x) if isinstance(x, URIRef) else x.n3() for x in _list(g, o))
                    add(c, base + vals + f" FILTER(?value NOT IN ({allowed})) }}", f"value is not one of {allowed}")
                elif c == "minInclusive":
                    add(c, base + vals + f" FILTER(!COALESCE(?value >= {o.n3()}, false)) }}", f"value is less than {o}")
                elif c in ("lessThan", "lessThanOrEquals"):
                    op = "<" if c == "lessThan" else "<="
                    add(c, base + vals + f" ?focus {_iri(o)} ?other . FILTER(!COALESCE(?value {op} ?other, false)) }}",
                        f"value is not {op} the value of {o}")
                elif c == "minLength":
                    add(c, base + vals + f" FILTER(isBlank(?value) || STRLEN(STR(?value)) < {int(o)}) }}",
                        f"value is shorter than {int(o)}")
                elif c == "or":
                    alts = []
                    for alt in _list(g, o):
                        keys = {str(k) for k, _ in g.predicate_objects(alt)}
                        if keys != {f"{SH}class"}:
                            raise NotImplementedError(f"{shape}: sh:or is compiled for sh:class alternatives only")
                        alts.append(g.value(alt, SHNS["class"]))
                    cond = " && ".join(f"NOT EXISTS {{ ?value a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_iri(a)} }}"
                                       for a in alts)
                    add(c, base + vals + f" FILTER({cond}) }}", "value does not conform to any alternative")
    return tuple(checks)


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    value: str
    component: str
    shape: str
    message: str


def _term(t) -> str:
    return "" if t is None else (t.value if isinstance(t, ox.NamedNode) else str(t))


def store_violations(store: ox.Store, progress: Callable[[int, int], None] | None = None) -> list[Violation]:
    """Every violation of kg's shapes in ``store``'s default graph (the union of its graphs
    when the default graph is empty), sorted."""
    checks = compiled_shapes()
    union = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    out: list[Violation] = []
    for i, c in enumerate(checks, 1):
        for sol in store.query(c.query, use_default_graph_as_union=union):
            out.append(Violation(_term(sol["focus"]), c.path, _term(sol["value"]), c.component, c.shape, c.message))
        if progress is not None:
            progress(i, len(checks))
    return sorted(set(out), key=lambda v: (v.focus, v.path, v.component, v.value))


def report_text(violations: list[Violation]) -> str:
    """A readable report in pySHACL's layout."""
    lines = ["Validation Report", f"Conforms: {not violations}"]
    if violations:
        lines.append(f"Results ({len(violations)}):")
    for v in violations:
        lines += [f"Constraint Violation in {v.component[0].upper()}{v.component[1:]}ConstraintComponent ({SH}{v.component}):",
                  "\tSeverity: sh:Violation", f"\tSource Shape: <{v.shape}>", f"\tFocus Node: <{v.focus}>"]
        if v.value:
            lines.append(f"\tValue Node: {v.value}")
        lines += [f"\tResult Path: <{v.path}>", f"\tMessage: {v.message}"]
    return "\n".join(lines) + "\n"


def validate(graph: Graph, engine: str = "sparql") -> tuple[bool, str]:
    """Check ``graph`` against the shapes: ``(conforms, readable report)``."""
    if engine == "pyshacl":
        from pyshacl import validate as shacl

        conforms, _results, text = shacl(graph, shacl_graph=shapes_graph(), inference="none",
                                         abort_on_first=False, allow_warnings=False, advanced=False)
        return bool(conforms), str(text)
    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return validate_store(store)


def validate_ntriples(text: str) -> tuple[bool, str]:
    """Check one report's N-Triples (what a build worker has) with the SPARQL engine."""
    store = ox.Store()
    store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return validate_store(store)


def validate_store(store: ox.Store, progress: Callable[[int, int], None] | None = None) -> tuple[bool, str]:
    v = store_violations(store, progress)
    return not v, report_text(v)


def validate_files(
    paths: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...],
    engine: str = "sparql",
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[bool, str]:
    """Validate dump files together. ``sparql``: streamed into a temporary on-disk store
    (memory flat in the dump's size), then the compiled shapes; ``pyshacl``: one rdflib
    graph (memory ~1.3 KiB per triple)."""
    if engine == "pyshacl":
        return validate(load_graph(paths), engine="pyshacl")
    from kg.store import fill_store

    with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
        store = ox.Store(tmp)
        fill_store(store, paths, None if progress is None else (lambda d, t: progress("read", d, t)), ontology=False)
        return validate_store(store, None if progress is None else (lambda d, t: progress("validate", d, t)))
