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


def _folder_reports(folder: Path) -> list[Path]:
    """Report files under ``folder`` (recursive, sorted). A sub-folder that cannot be read
    is an error, never skipped silently; a FIFO, socket or device named like a report is
    skipped with a warning (reading it could block)."""
    import logging
    import stat

    found: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs.sort()
        for name in names:
            q = Path(root) / name
            if q.suffix.lower() not in REPORT_SUFFIXES:
                continue
            try:
                mode = q.stat().st_mode
            except OSError as exc:  # a dangling link, or no permission to look
                errors.append(exc)
                continue
            if stat.S_ISREG(mode):
                found.append(q)
            else:
                logging.getLogger(__name__).warning("%s: not a regular file (a FIFO, socket or device?); skipped", q)
    if errors:
        exc = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"{exc.filename or folder}: cannot be read ({exc.strerror or exc}){more}; "
                         "fix its permissions or leave it out")
    return sorted(found)


def _sha256(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read now (the reader reports that)."""
    import hashlib

    from kg.loaders.read import check_regular

    try:
        check_regular(path)
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except (OSError, InputError):
        return None


def report_paths(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand files and folders into report files (folders: *.txt/*.html, sorted, recursive).

    A file whose bytes equal an earlier one's (same SHA-256: a copy) is skipped with a
    warning, so a report given twice is built once.
    """
    import logging

    seen: dict[str, Path] = {}
    for p in _expand(inputs):
        digest = _sha256(p)
        if digest is not None and digest in seen:
            logging.getLogger(__name__).warning("%s: same bytes as %s (a copy); skipped", p, seen[digest])
            continue
        if digest is not None:
            seen[digest] = p
        yield p


def _expand(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = _folder_reports(p)
            if not found:
                raise InputError(f"{p}: folder holds no report files (*.txt, *.html)")
            yield from found
        elif p.exists() or p.is_symlink():
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
