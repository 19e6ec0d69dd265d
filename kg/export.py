"""Dumps of the graph: Turtle, N-Triples (streamed), JSON-LD (with ontology/context.jsonld),
TriG (one named graph per report), plus the VoID/DCAT description of what was built.

:func:`build_dump` is what ``kg build`` runs: reports → analyses → triples → files (and,
optionally, a local pyoxigraph store). N-Triples are written report by report and never
held as one graph, so the whole corpus streams in bounded memory.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD
from rdflib.plugins.serializers.nt import _nt_row

from kg.atomic import Staging
from kg.errors import InputError, KgError
from kg.iri import Minter
from kg.model import Analysis
from kg.rdf import Triple, analysis_triples, bind_prefixes, unique_triples
from kg.vocab import KG, ONTOLOGY_IRI, SPDX

log = logging.getLogger(__name__)

DEFAULT_LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
"""License stated for the derived data unless one is given (the reports themselves are
official documents of state organs; say what your portal publishes under)."""


class DumpFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"


SUFFIX = {DumpFormat.ttl: ".ttl", DumpFormat.nt: ".nt", DumpFormat.jsonld: ".jsonld", DumpFormat.trig: ".trig"}
MEDIA_TYPE = {
    DumpFormat.ttl: "text/turtle",
    DumpFormat.nt: "application/n-triples",
    DumpFormat.jsonld: "application/ld+json",
    DumpFormat.trig: "application/trig",
}
RDFLIB_FORMAT = {DumpFormat.ttl: "turtle", DumpFormat.nt: "nt", DumpFormat.jsonld: "json-ld", DumpFormat.trig: "trig"}


def jsonld_context() -> dict:
    """The JSON-LD context (ontology/context.jsonld) as a dict."""
    return json.loads((files("kg.ontology") / "context.jsonld").read_text("utf-8"))


def nt_line(triple: Triple) -> str:
    """One N-Triples line (with newline) for ``triple``."""
    return _nt_row(triple)


def write_ntriples(triples: Iterable[Triple], stream: IO[str]) -> int:
    """Write triples as N-Triples as they come; returns how many were written."""
    n = 0
    for t in triples:
        stream.write(_nt_row(t))
        n += 1
    return n


def serialize(graph: Graph | Dataset, fmt: DumpFormat | str) -> str:
    """The graph as text in ``fmt`` (Turtle with kg's prefixes; JSON-LD with kg's context)."""
    fmt = DumpFormat(fmt)
    if fmt is DumpFormat.jsonld:
        return graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
    return graph.serialize(format=RDFLIB_FORMAT[fmt])


# ------------------------------------------------------------------ dataset description


@dataclass
class GraphStats:
    """What VoID says about a dump: triple count and entities per class."""

    triples: int = 0
    classes: Counter = field(default_factory=Counter)
    subjects: set[str] = field(default_factory=set)

    def count(self, triples: Iterable[Triple]) -> Iterator[Triple]:
        for t in triples:
            self.triples += 1
            self.subjects.add(str(t[0]))
            if t[1] == RDF.type:
                self.classes[str(t[2])] += 1
            yield t

    @classmethod
    def of(cls, graph: Graph) -> GraphStats:
        st = cls()
        for _ in st.count(graph):
            pass
        return st


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    sha256: str
    size: int
    media_type: str
    report: str
    """IRI of the report built from it."""


def created_time(created: datetime | None = None) -> datetime:
    """The creation time to state: the argument, else $SOURCE_DATE_EPOCH, else now (UTC)."""
    if created is not None:
        return created
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def describe_dataset(
    stats: GraphStats,
    sources: Iterable[SourceFile],
    *,
    base_iri: str | None = None,
    license: str = DEFAULT_LICENSE,
    created: datetime | None = None,
    dumps: Iterable[tuple[str, str]] = (),
) -> Graph:
    """A VoID + DCAT description of a built graph: triple count, entities per class, the
    source files with SHA-256 checksums, license, creation time, and the dump files
    (``dumps``: (file name, media type))."""
    minter = Minter.create(base_iri)
    sources = sorted(sources, key=lambda s: (s.report, s.path))
    ds = URIRef(minter.dataset([s.report for s in sources]))
    g = bind_prefixes(Graph())
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    n = len({s.report for s in sources})
    g.add((ds, DCTERMS.title, Literal(f"政府工作报告知识图谱（{n}份报告）", lang="zh")))
    g.add((ds, DCTERMS.title, Literal(f"kg knowledge graph of {n} government work report(s)", lang="en")))
    g.add((ds, DCTERMS.created, Literal(created_time(created).isoformat(), datatype=XSD.dateTime)))
    g.add((ds, DCTERMS.license, URIRef(license)))
    g.add((ds, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    g.add((ds, VOID.vocabulary, URIRef(ONTOLOGY_IRI)))
    g.add((ds, VOID.uriSpace, Literal(minter.base)))
    g.add((ds, VOID.triples, Literal(stats.triples)))
    g.add((ds, VOID.entities, Literal(len(stats.subjects))))
    g.add((ds, VOID.distinctSubjects, Literal(len(stats.subjects))))
    for cls, count in sorted(stats.classes.items()):
        part = URIRef(f"{ds}/class/{_curie(cls)}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(count)))
    for s in sources:
        src = URIRef(f"{ds}/source/{s.sha256 or 'unknown'}")
        chk = URIRef(f"{src}/checksum")
        g.add((ds, PROV.wasDerivedFrom, src))
        g.add((ds, DCTERMS.hasPart, URIRef(s.report)))
        g.add((src, RDF.type, DCAT.Distribution))
        g.add((src, RDF.type, PROV.Entity))
        g.add((src, DCTERMS.title, Literal(Path(s.path).name)))
        g.add((src, RDFS.label, Literal(Path(s.path).name)))
        g.add((src, DCAT.byteSize, Literal(s.size, datatype=XSD.nonNegativeInteger)))
        g.add((src, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{s.media_type}")))
        g.add((src, KG.sha256, Literal(s.sha256)))
        g.add((src, SPDX.checksum, chk))
        g.add((chk, RDF.type, SPDX.Checksum))
        g.add((chk, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((chk, SPDX.checksumValue, Literal(s.sha256, datatype=XSD.hexBinary)))
        g.add((URIRef(s.report), PROV.wasDerivedFrom, src))
    for name, media in dumps:
        d = URIRef(f"{ds}/dump/{name}")
        g.add((ds, DCAT.distribution, d))
        g.add((ds, VOID.dataDump, d))
        g.add((d, RDF.type, DCAT.Distribution))
        g.add((d, DCTERMS.title, Literal(name)))
        g.add((d, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
    return g


def _curie(iri: str) -> str:
    """``kg-Place`` for kg:Place (a path-safe short name for a class IRI)."""
    from kg.iri import encode_segment
    from kg.vocab import PREFIXES

    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)):
            return encode_segment(f"{prefix}-{iri[len(str(ns)):]}")
    return encode_segment(iri)


# ------------------------------------------------------------------------- building


@dataclass
class BuildSummary:
    """What ``kg build`` did."""

    reports: list[tuple[str, str]] = field(default_factory=list)
    """(file, report IRI) for each report built."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(file, message) for each report skipped (``keep_going``)."""
    invalid: list[tuple[str, str]] = field(default_factory=list)
    """(file, SHACL report) for each report whose graph does not conform (``validate``)."""
    collisions: list[tuple[str, list[str]]] = field(default_factory=list)
    """(report IRI, files) where different source files got one report IRI (same government
    and year): their triples merge. Either the same report twice (fine) or a metadata error."""
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    store: str | None = None
    store_triples: int | None = None
    seconds: float = 0.0


Progress = Callable[[str, int, int], None]
"""progress(file, done, total), called after each report."""


def _analyses(paths: list[Path], summary: BuildSummary, keep_going: bool, progress: Progress | None,
              analyse: Callable[[Path], Analysis]) -> Iterator[tuple[Path, Analysis]]:
    for i, p in enumerate(paths, 1):
        try:
            a = analyse(p)
        except KgError as exc:
            if not keep_going:
                raise
            log.info("%s: skipped: %s", p, exc)
            summary.failed.append((str(p), str(exc)))
            a = None
        if progress is not None:
            progress(str(p), i, len(paths))
        if a is not None:
            yield p, a


def _all_or_nothing(build: Callable[..., BuildSummary]) -> Callable[..., BuildSummary]:
    """Run ``build`` with a :class:`~kg.atomic.Staging` its outputs go through (``_stage``):
    committed when it returns, discarded when it raises or is interrupted; a fresh output
    folder it made is removed again when left empty."""

    @functools.wraps(build)
    def run(inputs: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str] = ".", *args: Any,
            **kwargs: Any) -> BuildSummary:
        out_dir = None if str(out) == "-" else Path(out)
        fresh = out_dir is not None and not out_dir.exists()
        try:
            with Staging() as stage:
                return build(inputs, out, *args, _stage=stage, **kwargs)
        except BaseException:
            if fresh and out_dir.is_dir() and not any(out_dir.iterdir()):
                out_dir.rmdir()  # no empty folder left behind by a build that wrote nothing
            raise

    return run


@_all_or_nothing
def build_dump(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str] = ".",
    fmt: DumpFormat | str = DumpFormat.ttl,
    *,
    base_iri: str | None = None,
    store: str | os.PathLike[str] | None = None,
    license: str = DEFAULT_LICENSE,
    keep_going: bool = False,
    progress: Progress | None = None,
    analyse: Callable[[Path], Analysis] | None = None,
    created: datetime | None = None,
    validate: bool = False,
    _stage: Staging | None = None,
) -> BuildSummary:
    """Build one graph from report files/folders and write ``graph.<fmt>`` and ``void.ttl``
    into ``out`` (``out="-"``: the dump to stdout, no description); fill ``store`` if given.

    ``validate``: check each report's graph against the SHACL shapes as it is built
    (non-conforming reports are listed in ``BuildSummary.invalid``; the dump is still
    written). ``keep_going``: skip unreadable reports instead of raising.

    Every output appears whole, together, or not at all (:func:`_all_or_nothing`).
    """
    stage = _stage
    if stage is None:  # pragma: no cover - the decorator always gives one
        raise TypeError("build_dump runs through _all_or_nothing")
    from kg.pipeline import analyse as default_analyse, report_paths

    t0 = time.perf_counter()
    analyse = analyse or default_analyse
    fmt = DumpFormat(fmt)
    minter = Minter.create(base_iri)  # fail early on a bad base IRI
    from kg.store import check_iri

    license = check_iri(license, "license")  # fail early on a bad --license
    paths = list(report_paths(inputs))
    summary = BuildSummary()
    stats = GraphStats()
    sources: list[SourceFile] = []

    def record(p: Path, a: Analysis) -> Analysis:
        iri = minter.report_of(a.report)
        summary.reports.append((str(p), iri))
        t = a.report.text
        size = p.stat().st_size if p.exists() else len(t.source.encode("utf-8"))
        sources.append(SourceFile(str(p), t.sha256, size, t.media_type, iri))
        return a

    to_stdout = str(out) == "-"
    out_dir = None if to_stdout else Path(out)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    dump_name = f"graph{SUFFIX[fmt]}"
    def batches() -> Iterator[tuple[str, list[Triple]]]:
        for p, a in _analyses(paths, summary, keep_going, progress, analyse):
            record(p, a)
            triples = analysis_triples(a, minter=minter)
            if validate:
                from kg.validate import validate as shacl

                g = Graph()
                for t in triples:
                    g.add(t)
                conforms, report = shacl(g)
                if not conforms:
                    summary.invalid.append((str(p), report))
            yield minter.report_of(a.report), triples

    if fmt is DumpFormat.nt:
        stream = sys.stdout if to_stdout else stage.open(out_dir / dump_name, "w", encoding="utf-8", newline="\n")
        try:
            write_ntriples(stats.count(unique_triples(batches())), stream)
        finally:
            if not to_stdout:
                stream.close()
    else:
        if fmt is DumpFormat.trig:
            graph: Graph | Dataset = Dataset()
            bind_prefixes(graph)
            seen: set[Triple] = set()
            for rep, triples in batches():
                ng = graph.graph(URIRef(rep))
                for t in triples:
                    ng.add(t)
                    if t not in seen:
                        seen.add(t)
                        for _ in stats.count([t]):
                            pass
        else:
            graph = bind_prefixes(Graph())
            for _rep, triples in batches():
                for t in triples:
                    graph.add(t)
            for _ in stats.count(graph):
                pass
        text = serialize(graph, fmt)
        if to_stdout:
            sys.stdout.write(text)
        else:
            stage.write_text(out_dir / dump_name, text)
    if not summary.reports:
        raise InputError("no report could be built (see the warnings above)")
    by_iri: dict[str, dict[str, str]] = {}
    for src in sources:
        by_iri.setdefault(src.report, {})[src.sha256] = src.path
    summary.collisions = [(iri, sorted(files.values())) for iri, files in sorted(by_iri.items()) if len(files) > 1]
    summary.triples = stats.triples
    summary.classes = dict(stats.classes)
    if out_dir is not None:
        summary.files.append(str(out_dir / dump_name))
        void = describe_dataset(stats, sources, base_iri=minter.base, license=license, created=created,
                                dumps=[(dump_name, MEDIA_TYPE[fmt])])
        stage.write_text(out_dir / "void.ttl", void.serialize(format="turtle"))
        summary.files.append(str(out_dir / "void.ttl"))
        if store is not None:
            from kg.store import load_store

            summary.store = str(store)
            staged = [stage.staged(out_dir / dump_name), stage.staged(out_dir / "void.ttl")]
            summary.store_triples = load_store(stage.directory(store), staged, replace=True)
    elif store is not None:
        raise InputError("--store needs an output folder (not --out -)")
    summary.seconds = time.perf_counter() - t0
    return summary
