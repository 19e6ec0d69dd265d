"""SHACL validation of kg graphs against ontology/shapes.ttl (pySHACL).

No inference runs and the ontology is not mixed in: kg writes every class a shape targets
or checks explicitly on each node (a port is typed ``kg:Port`` AND ``kg:Place``), which
keeps validation fast (pySHACL: ~1 s per 10k triples here) and means a graph from
elsewhere must be just as explicit to conform.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError, ParseError

log = logging.getLogger(__name__)

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml", ".owl": "xml"}


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


def validate(graph: Graph) -> tuple[bool, str]:
    """Check ``graph`` against the shapes: ``(conforms, readable report)``."""
    from pyshacl import validate as shacl

    conforms, _results, text = shacl(
        graph,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
    )
    return bool(conforms), str(text)


def load_graph(paths: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]) -> Graph:
    """Parse dump files into one rdflib graph (named graphs of TriG/N-Quads are merged)."""
    from rdflib import Dataset

    g = Graph()
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        fmt = rdf_format(path)
        try:
            if fmt in ("trig", "nquads"):
                ds = Dataset()
                ds.parse(path, format=fmt)
                for t in ds.quads((None, None, None, None)):
                    g.add(t[:3])
            else:
                g.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many types for bad syntax
            raise ParseError(f"{path}: not valid {fmt}: {exc}".splitlines()[0]) from exc
    return g


def validate_files(paths: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]) -> tuple[bool, str]:
    """Parse dump files and validate them together."""
    return validate(load_graph(paths))
