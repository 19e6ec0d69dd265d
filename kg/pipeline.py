"""The stages wired together: path → Text → Report → Analysis.

Each stage is a plain function over the records in :mod:`kg.model`; this module only
calls them in order, so tests and notebooks can call any stage on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Analysis, Report, Text

REPORT_SUFFIXES = (".txt", ".htm", ".html", ".xhtml", ".text")


def sample_report() -> Path:
    """kg's bundled synthetic sample report (written for kg, in the genre's shape)."""
    from importlib.resources import as_file, files

    with as_file(files("kg") / "data" / "sample-report.txt") as path:
        return Path(path)


def read(path: str | os.PathLike[str]) -> Text:
    from kg.loaders.read import read_file

    return read_file(path)


def parse(source: str | os.PathLike[str] | Text) -> Report:
    from kg.loaders.structure import parse_report

    text = source if isinstance(source, Text) else read(source)
    return parse_report(text)


Extractor = Callable[[Report, dict], dict]
"""(report, fields so far) → new fields of :class:`Analysis` (quantities, entities, …)."""


def _quantities(report: Report, fields: dict) -> dict:
    from kg.loaders.quantities import extract_quantities

    return {"quantities": extract_quantities(report)}


def _entities(report: Report, fields: dict) -> dict:
    from kg.loaders.entities import extract_entities

    entities, relations = extract_entities(report)
    return {"entities": entities, "relations": relations}


def _glossary_terms(report: Report, fields: dict) -> dict:
    from kg.loaders.glossary_terms import extract_glossary_terms

    return {"glossary_terms": extract_glossary_terms(report)}


def _extractors() -> list[tuple[str, Extractor]]:
    """The fact extractors, in order; later ones may read what earlier ones found."""
    return [
        ("quantities", _quantities),
        ("entities", _entities),
        ("glossary_terms", _glossary_terms),
    ]


def analyse(source: str | os.PathLike[str] | Text | Report) -> Analysis:
    """Read, structure and extract one report."""
    report = source if isinstance(source, Report) else parse(source)
    fields: dict = {}
    names = []
    for name, extract in _extractors():
        fields.update(extract(report, dict(fields)))
        names.append(name)
    return Analysis(report=report, extractors=tuple(names), **fields)


def report_paths(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand files and folders into report files (folders: *.txt/*.html, sorted, recursive)."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(
                q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in REPORT_SUFFIXES
            )
            if not found:
                raise InputError(f"{p}: folder holds no report files (*.txt, *.html)")
            yield from found
        elif p.exists():
            yield p
        else:
            raise InputError(f"{p}: no such file or folder")


RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads"}


def load_graph(inputs: Iterable[str | os.PathLike[str]], base_iri: str | None = None):
    """One rdflib Graph from reports, folders of reports and RDF dumps (.ttl/.nt/.jsonld/.trig)."""
    from rdflib import Dataset, Graph

    from kg import rdf

    graph = Graph()
    rdf.bind_prefixes(graph)
    reports: list[Path] = []
    for item in inputs:
        p = Path(item)
        fmt = RDF_SUFFIXES.get(p.suffix.lower())
        if fmt is None:
            reports.extend(report_paths([p]))
            continue
        if not p.is_file():
            raise InputError(f"{p}: no such file")
        try:
            if fmt in ("trig", "nquads"):
                ds = Dataset()
                ds.parse(p, format=fmt)
                for triple in ds.triples((None, None, None)):
                    graph.add(triple)
            else:
                graph.parse(p, format=fmt)
        except Exception as exc:  # rdflib raises many types for bad syntax
            raise InputError(f"{p}: not valid {fmt}: {str(exc).splitlines()[0]}") from exc
    for triple in rdf.iter_triples((analyse(r) for r in reports), base_iri):
        graph.add(triple)
    return graph
