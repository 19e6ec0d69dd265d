"""Dumps of the graph: N-Triples, Turtle, TriG and N-Quads (one named graph per report),
JSON-LD (with ontology/context.jsonld), plus the VoID/DCAT description of what was built.

:func:`build_dump` is what ``kg build`` runs: report files → :func:`report_triples` (one
pure function per report, mapped over worker processes or a Dask cluster) → one stream of
N-Triples, merged in input order → files (and, optionally, a local pyoxigraph store).
N-Triples, Turtle, TriG and N-Quads are written by streaming serialisers (pyoxigraph) as
reports arrive, never held as one graph, so memory stays flat in corpus size; only
JSON-LD (kg's compacted context) is built as one rdflib graph.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import logging
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
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
from kg.rdf import _IRI_BAD, _NT_ESCAPE, Block, Triple, analysis_triples_blocks, bind_prefixes
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
    nq = "nq"


SUFFIX = {DumpFormat.ttl: ".ttl", DumpFormat.nt: ".nt", DumpFormat.jsonld: ".jsonld", DumpFormat.trig: ".trig",
          DumpFormat.nq: ".nq"}
MEDIA_TYPE = {
    DumpFormat.ttl: "text/turtle",
    DumpFormat.nt: "application/n-triples",
    DumpFormat.jsonld: "application/ld+json",
    DumpFormat.trig: "application/trig",
    DumpFormat.nq: "application/n-quads",
}
RDFLIB_FORMAT = {DumpFormat.ttl: "turtle", DumpFormat.nt: "nt", DumpFormat.jsonld: "json-ld", DumpFormat.trig: "trig",
                 DumpFormat.nq: "nquads"}


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
    if fmt is DumpFormat.nq and not graph.context_aware:
        return graph.serialize(format="nt")  # N-Triples are N-Quads in the default graph
    return graph.serialize(format=RDFLIB_FORMAT[fmt])


# ------------------------------------------------------------------ dataset description


@dataclass
class GraphStats:
    """What VoID says about a dump: triple count, distinct subjects, entities per class.

    Counted from the build's stream without a set of every subject: a subject under a
    report's IRI occurs in that report only (counted per report, then forgotten); only the
    shared nodes (governments, places, entities, indicators) are remembered, as 8-byte
    digests (see :class:`SharedSeen`)."""

    triples: int = 0
    classes: Counter = field(default_factory=Counter)
    subjects: int = 0
    """Distinct subjects."""

    @classmethod
    def of(cls, graph: Graph) -> GraphStats:
        st = cls()
        subjects = set()
        for t in graph:
            st.triples += 1
            subjects.add(str(t[0]))
            if t[1] == RDF.type:
                st.classes[str(t[2])] += 1
        st.subjects = len(subjects)
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


def describe_dataset(stats: GraphStats, sources: Iterable[SourceFile], **options: Any) -> Graph:
    """A VoID + DCAT description of a built graph, as an rdflib Graph: the statements of
    :func:`dataset_triples` (same options), which ``kg build`` streams into ``void.ttl``."""
    g = bind_prefixes(Graph())
    for t in dataset_triples(stats, sources, **options):
        g.add(t)
    return g


def dataset_triples(
    stats: GraphStats,
    sources: Iterable[SourceFile],
    *,
    base_iri: str | None = None,
    license: str = DEFAULT_LICENSE,
    created: datetime | None = None,
    dumps: Iterable[tuple[str, str]] = (),
) -> Iterator[Triple]:
    """The VoID + DCAT description of a built graph, triple by triple: triple count,
    entities per class, the source files with SHA-256 checksums, license, creation time, and
    the dump files (``dumps``: (file name, media type)). Made as it is written, so that its
    memory does not grow with the number of source files (an rdflib Graph of it held ~17 KiB
    per source); the dataset's own statements come first, then each source's."""
    minter = Minter.create(base_iri)
    sources = sorted(sources, key=lambda s: (s.report, s.path))
    ds = URIRef(minter.dataset([s.report for s in sources]))
    n = len({s.report for s in sources})
    yield ds, RDF.type, VOID.Dataset
    yield ds, RDF.type, DCAT.Dataset
    yield ds, DCTERMS.title, Literal(f"政府工作报告知识图谱（{n}份报告）", lang="zh")
    yield ds, DCTERMS.title, Literal(f"kg knowledge graph of {n} government work report(s)", lang="en")
    yield ds, DCTERMS.created, Literal(created_time(created).isoformat(), datatype=XSD.dateTime)
    yield ds, DCTERMS.license, URIRef(license)
    yield ds, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)
    yield ds, VOID.vocabulary, URIRef(ONTOLOGY_IRI)
    yield ds, VOID.uriSpace, Literal(minter.base)
    yield ds, VOID.triples, Literal(stats.triples)
    yield ds, VOID.entities, Literal(stats.subjects)
    yield ds, VOID.distinctSubjects, Literal(stats.subjects)
    dumps = list(dumps)
    parts = [(URIRef(f"{ds}/class/{_curie(cls)}"), cls, count) for cls, count in sorted(stats.classes.items())]
    for part, _cls, _count in parts:
        yield ds, VOID.classPartition, part
    shas: set[str] = set()
    for first, s in _once_per_report(sources):  # a report's files are adjacent (sorted)
        if first:
            shas.clear()
            yield ds, DCTERMS.hasPart, URIRef(s.report)
        if s.sha256 not in shas:
            shas.add(s.sha256)
            yield ds, PROV.wasDerivedFrom, URIRef(_source_iri(ds, s))
    for name, _media in dumps:
        d = URIRef(f"{ds}/dump/{name}")
        yield ds, DCAT.distribution, d
        yield ds, VOID.dataDump, d
    for part, cls, count in parts:
        yield part, VOID["class"], URIRef(cls)
        yield part, VOID.entities, Literal(count)
    for name, media in dumps:
        d = URIRef(f"{ds}/dump/{name}")
        yield d, RDF.type, DCAT.Distribution
        yield d, DCTERMS.title, Literal(name)
        yield d, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")
    shas: set[str] = set()
    for first, s in _once_per_report(sources):
        src = URIRef(_source_iri(ds, s))
        name = Literal(Path(s.path).name)
        if first:
            shas.clear()
        yield src, DCTERMS.title, name
        yield src, RDFS.label, name
        if s.sha256 in shas:  # the same file under another name: one distribution
            continue
        shas.add(s.sha256)
        yield URIRef(s.report), PROV.wasDerivedFrom, src
        chk = URIRef(f"{src}/checksum")
        yield src, RDF.type, DCAT.Distribution
        yield src, RDF.type, PROV.Entity
        yield src, DCAT.byteSize, Literal(s.size, datatype=XSD.nonNegativeInteger)
        yield src, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{s.media_type}")
        yield src, KG.sha256, Literal(s.sha256)
        yield src, SPDX.checksum, chk
        yield chk, RDF.type, SPDX.Checksum
        yield chk, SPDX.algorithm, SPDX.checksumAlgorithm_sha256
        yield chk, SPDX.checksumValue, Literal(s.sha256, datatype=XSD.hexBinary)


def _once_per_report(sources: list[SourceFile]) -> Iterator[tuple[bool, SourceFile]]:
    """(first file of its report?, file) for files sorted by report, each (checksum, file
    name) once: what a set of the statements would keep, without a set over the corpus."""
    last = None
    seen: set[tuple[str, str]] = set()
    for s in sources:
        first = s.report != last
        if first:
            last = s.report
            seen.clear()
        key = (s.sha256, Path(s.path).name)  # what the statements name of a file
        if key in seen:
            continue
        seen.add(key)
        yield first, s


def _source_iri(ds: str, s: SourceFile) -> str:
    return f"{ds}/source/{s.sha256 or 'unknown'}"


def _curie(iri: str) -> str:
    """``kg-Place`` for kg:Place (a path-safe short name for a class IRI)."""
    from kg.iri import encode_segment
    from kg.vocab import PREFIXES

    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)):
            return encode_segment(f"{prefix}-{iri[len(str(ns)):]}")
    return encode_segment(iri)


# ------------------------------------------------------------------------- building

_RDF_TYPE_NT = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@dataclass(frozen=True, slots=True)
class ReportTriples:
    """One report's part of a build, as :func:`report_triples` computes it in a worker:
    plain strings and numbers only, so it pickles cheaply between processes and machines."""

    path: str
    report: str = ""
    """The report's IRI ("" when it failed)."""
    sha256: str = ""
    size: int = 0
    media_type: str = ""
    local: str = ""
    """N-Triples of the triples whose subject is the report or under its IRI (each once)."""
    shared: tuple[str, ...] = ()
    """N-Triples lines whose subject is shared with other reports (governments, places,
    entities, indicators), each once; the build keeps the first of each across reports."""
    local_triples: int = 0
    local_subjects: int = 0
    local_classes: tuple[tuple[str, int], ...] = ()
    chars: int = 0
    invalid: str | None = None
    """The SHACL report when the report's graph does not conform (``validate``)."""
    error: str | None = None
    """Why the report could not be built (a :class:`KgError` message)."""
    error_type: str = ""
    links: tuple = ()
    """The report's plan-year targets and candidate outcomes (:func:`kg.links.index_report`),
    linked across reports after the last one (:func:`kg.links.link_chunks`)."""
    part: str = ""
    """A part file holding :attr:`shared` then :attr:`local` as UTF-8 (both then empty here),
    when the build gave the worker a spool folder (:func:`spool_lines`); "" otherwise."""
    local_at: int = 0
    """The byte offset of the local lines in :attr:`part`."""
    cpu_seconds: float = field(default=0.0, compare=False)
    """CPU time the worker spent on this report (for benchmarks; not part of the result)."""
    peak_rss_mb: float = field(default=0.0, compare=False)
    """The worker process's peak resident memory so far, MiB (Linux; 0 elsewhere)."""


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def report_triples(path: str, base_iri: str | None = None, validate: bool = False,
                   shacl_engine: str = "sparql", spool: str | None = None) -> ReportTriples:
    """Read, analyse and turn one report into N-Triples: the per-report function every
    build maps over its inputs (in this process, in worker processes, or on Dask workers).
    With ``spool`` (a folder this process can write), the lines go into a part file there
    (:func:`spool_lines`) and only its name comes back, not the report's text.

    Pure in the sense that matters: the same file bytes and ``base_iri`` give the same
    result in any process (no state shared between reports, no set iteration deciding
    order). A :class:`KgError` is returned, not raised, so a pool can carry on.

    Python's cyclic collector is off while the report is made and collects the young
    generations once at its end (:func:`_collect_after`): a report allocates ~1 M objects
    that live until its end (words, spans, triples, lines), so the collector, triggered
    by their number, ran ~50 times a report and walked them again and again (~14 % of a
    worker's CPU on 40 bulk reports); any cyclic garbage of the report is freed at its end
    (the entity stage breaks spaCy's Doc's cycle itself, so there is next to none)."""
    _collector_off()
    try:
        return _report_triples(path, base_iri, validate, shacl_engine, spool)
    finally:
        _collector_on()


_GC_LOCK = threading.Lock()
_GC_STATE = {"reports": 0, "enabled": False}
"""The reports being made in this process (threads: a Dask ``threads`` scheduler) and
whether the collector was on when the first of them started."""


def _collector_off() -> None:
    with _GC_LOCK:
        if _GC_STATE["reports"] == 0:
            _GC_STATE["enabled"] = gc.isenabled()
            gc.disable()
        _GC_STATE["reports"] += 1


def _collector_on() -> None:
    """After a report, if the collector was on: the collection (:func:`_collect_after`; so
    a report's cyclic garbage is freed even while other threads keep the collector off),
    then, when no other report is being made, the collector on again (after the
    collection: else the first allocation starts a collection of its own)."""
    with _GC_LOCK:
        _GC_STATE["reports"] -= 1
        if _GC_STATE["enabled"]:
            _collect_after()
            if _GC_STATE["reports"] == 0:
                gc.enable()


_REPORTS_SINCE_FULL = [0]
FULL_COLLECTION_EVERY = 64
"""Reports between two full collections (:func:`_collect_after`)."""


def _collect_after() -> None:
    """After a report: the young generations, where all of the report's objects are (it ran
    with the collector off), and every :data:`FULL_COLLECTION_EVERY` reports a full
    collection (a cycle among older objects, e.g. a cache's, can only be freed by one)."""
    _REPORTS_SINCE_FULL[0] += 1
    if _REPORTS_SINCE_FULL[0] >= FULL_COLLECTION_EVERY:
        _REPORTS_SINCE_FULL[0] = 0
        gc.collect()
    else:
        gc.collect(1)


def _report_triples(path: str, base_iri: str | None, validate: bool, shacl_engine: str,
                    spool: str | None) -> ReportTriples:
    from kg.links import index_report
    from kg.pipeline import analyse

    cpu0 = time.process_time()
    try:
        a = analyse(path)
    except KgError as exc:
        return ReportTriples(path=path, error=str(exc), error_type=type(exc).__name__)
    lines = report_lines(a, Minter.create(base_iri))
    rep, triples, local, shared = lines.report, lines.triples, lines.local, lines.shared
    invalid = None
    if validate:
        from kg.validate import validate as shacl, validate_ntriples

        if shacl_engine == "pyshacl":
            g = Graph()
            for t in triples:
                g.add(t)
            conforms, text = shacl(g, engine="pyshacl")
        else:
            conforms, text = validate_ntriples("".join(shared) + "".join(local))
        invalid = None if conforms else text
    t = a.report.text
    p = Path(path)
    size = p.stat().st_size if p.is_file() else len(t.source.encode("utf-8"))
    links = index_report(triples, rep)
    if spool is not None:
        part, local_at = spool_lines(spool, shared, local)
        written: dict = {"part": part, "local_at": local_at}
    else:
        written = {"local": "".join(local), "shared": tuple(shared)}
    return ReportTriples(
        path=path, report=rep, sha256=t.sha256, size=size, media_type=t.media_type, local_triples=lines.local_count,
        local_subjects=len(lines.subjects), local_classes=tuple(sorted(lines.classes.items())),
        chars=len(t.text), invalid=invalid, links=links, cpu_seconds=time.process_time() - cpu0, peak_rss_mb=_peak_rss_mb(),
        **written,
    )


def spool_lines(spool: str, shared: list[str], local: list[str], piece: int = 4096) -> tuple[str, int]:
    """Write a report's shared lines, then its local lines, as UTF-8 into a new part file in
    ``spool``: (its path, the byte offset of the local lines). The bytes are those of
    ``"".join(shared) + "".join(local)`` encoded, written ``piece`` entries at a time (an
    entry of ``local`` may be a block of lines, :class:`ReportLines`)."""
    import tempfile

    fd, name = tempfile.mkstemp(suffix=".nt", dir=spool)
    try:
        with os.fdopen(fd, "wb") as f:
            head = "".join(shared).encode("utf-8")
            f.write(head)
            local_at = len(head)
            del head
            for i in range(0, len(local), piece):
                f.write("".join(local[i : i + piece]).encode("utf-8"))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name, local_at


_RDF_TYPE_IRI = str(RDF.type)


def _nt_rows(triples: list[Triple]) -> list[str]:
    """The N-Triples line of each triple: the same text as rdflib's ``_nt_row``, at a
    fraction of its cost (no method calls per term; a subject and predicate written once
    for the triples that repeat them). Any term that is not a plain URIRef or Literal, or
    an IRI rdflib would refuse to write, goes through rdflib itself (same text, same error)."""
    uri, lit = URIRef, Literal
    bad, escape = _IRI_BAD, _NT_ESCAPE
    heads: dict = {}  # (subject, predicate) text, by predicate, for the current subject
    last_s = None
    out: list[str] = []
    append = out.append
    for t in triples:
        s, p, o = t
        if s is not last_s:
            last_s, heads = s, {}
            s_ok = type(s) is uri and not bad(s)
        head = heads.get(p) if p.__class__ is uri else None
        if head is None:
            if not s_ok or type(p) is not uri or bad(p):
                append(_nt_row(t))
                continue
            head = heads[p] = f"<{s}> <{p}> "
        to = type(o)
        if to is uri:
            if bad(o):
                append(_nt_row(t))
            else:
                append(f"{head}<{o}> .\n")
        elif to is lit:
            text = o.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") \
                if escape(o) else o
            lang = o.language
            if lang:
                if o.datatype:
                    append(_nt_row(t))  # rdflib raises
                else:
                    append(f'{head}"{text}"@{lang} .\n')
            else:
                dt = o.datatype
                append(f'{head}"{text}"^^<{dt}> .\n' if dt else f'{head}"{text}" .\n')
        else:
            append(_nt_row(t))
    return out


def split_lines(a: Analysis, minter: Minter, triples: list[Triple] | None = None
                ) -> tuple[str, list[Triple], list[str], list[str], set[str], Counter]:
    """One analysis as N-Triples lines, each once: (report IRI, the triples, the lines of
    the report's own nodes, the lines of shared nodes, the report's own subjects, the
    classes of its own nodes with their counts). ``triples``: the analysis's triples, if
    already made. (:func:`report_lines`, with the own lines one by one.)"""
    r = report_lines(a, minter, triples)
    return r.report, r.triples, r.local_lines(), r.shared, r.subjects, r.classes


@dataclass(slots=True)
class ReportLines:
    """One analysis as N-Triples, each line once (:func:`report_lines`)."""

    report: str
    """The report's IRI."""
    triples: list[Triple]
    local: list[str]
    """The lines of the report's own nodes, in order; an entry may hold several lines
    (a block the builder wrote whole, :class:`kg.rdf.Block`): join them, or see
    :meth:`local_lines`."""
    local_count: int
    """How many lines :attr:`local` holds."""
    shared: list[str]
    """The lines of shared nodes, one by one."""
    subjects: set[str]
    """The report's own subjects."""
    classes: Counter
    """The classes of its own nodes, with their counts."""
    blocks: frozenset[str] = frozenset()
    """The entries of :attr:`local` that are blocks of lines."""

    def local_lines(self) -> list[str]:
        """:attr:`local` one line an entry."""
        out: list[str] = []
        blocks = self.blocks
        for x in self.local:
            if x in blocks:
                out += [line + "\n" for line in x[:-1].split("\n")]
            else:
                out.append(x)
        return out


def report_lines(a: Analysis, minter: Minter, triples: list[Triple] | None = None) -> ReportLines:
    """:func:`split_lines` as the worker uses it: the runs of triples whose lines the
    builder wrote whole (:class:`kg.rdf.Shape`) are taken as they are, not written again
    line by line (each such run's lines are unique to it: its subjects are nodes the
    builder describes once, in that run only); ``local`` holds those blocks as entries."""
    rep = minter.report_of(a.report)
    good: set = set()  # IRIs known to need no check (``_IRI_BAD``): the builder's, and those checked here
    blocks: list = []
    if triples is None:
        triples, minted, blocks = analysis_triples_blocks(a, minter)
        good = set(minted.values())
    prefix = rep + "/"
    own_lines: list[str] = []
    shared_lines: list[str] = []
    subjects: set[str] = set()
    types: dict[str, object] = {}  # the report's own rdf:type lines, each once → the class
    kept: dict[str, Block] = {}  # the blocks taken, by their text

    def runs() -> Iterator[list[Triple]]:
        """The triples to write line by line, run by run; between two runs, a block the
        builder wrote goes into the own lines (when all its subjects are the report's own;
        else its triples are written line by line too)."""
        pos = 0
        for start, end, block in blocks:
            yield triples[pos:start]
            pos = end
            if not all(s == rep or s.startswith(prefix) for s in block.subjects):
                yield triples[start:end]
            elif block.text not in kept:  # (the same block again: every line of it a repeat)
                kept[block.text] = block
                own_lines.append(block.text)
                subjects.update(block.subjects)
        yield triples[pos:] if pos else triples

    # :func:`_nt_rows` and the split in one pass: a subject's text, whether it is the
    # report's own and which list its lines go to are worked out once per run of triples
    # with that subject (the triples come grouped by subject), a predicate's once;
    # the lines are made each once at the end (``dict.fromkeys``, in C: the same first
    # occurrences in the same order as a ``seen`` set in the loop)
    rdf_type, uri, lit = _RDF_TYPE_IRI, URIRef, Literal
    bad, escape, row = _IRI_BAD, _NT_ESCAPE, _nt_row
    preds: dict = {}  # predicate → "<p> ", each predicate checked once
    last_s = s_nt = type_nt = None
    own = False
    out = shared_lines.append
    str_eq = str.__eq__
    good_add = good.add
    for t in chain.from_iterable(runs()):
        s, p, o = t
        if s is not last_s:
            last_s = s
            s_nt = f"<{s}> " if type(s) is uri and (s in good or not bad(s)) else None
            ss = str.__str__(s)
            own = ss == rep or ss.startswith(prefix)
            if own:
                subjects.add(ss)
                out = own_lines.append
            else:
                out = shared_lines.append
        p_nt = preds.get(p) if p.__class__ is uri else None
        if p_nt is None and type(p) is uri and (p in good or not bad(p)):
            p_nt = preds[p] = f"<{p}> "
            if str_eq(p, rdf_type):  # p == RDF.type, without rdflib's __eq__
                type_nt = p_nt
        line = None
        if s_nt is not None and p_nt is not None:
            to = type(o)
            if to is uri:
                if o in good:
                    line = f"{s_nt}{p_nt}<{o}> .\n"
                elif not bad(o):
                    good_add(o)
                    line = f"{s_nt}{p_nt}<{o}> .\n"
            elif to is lit:
                text = o.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") \
                    if escape(o) else o
                lang = o._language  # the properties' fields (rdflib's own hash reads them so)
                if lang:
                    if not o._datatype:
                        line = f'{s_nt}{p_nt}"{text}"@{lang} .\n'
                else:
                    dt = o._datatype
                    line = f'{s_nt}{p_nt}"{text}"^^<{dt}> .\n' if dt else f'{s_nt}{p_nt}"{text}" .\n'
        if line is None:
            line = row(t)  # what rdflib writes (or raises) for any other term
            if own and p.__class__ is uri and str_eq(p, rdf_type):
                types[line] = o
        elif own and p_nt is type_nt:
            types[line] = o
        out(line)
    local = list(dict.fromkeys(own_lines))
    shared = list(dict.fromkeys(shared_lines))
    classes: Counter = Counter([str(o) for o in types.values()])
    for block in kept.values():
        classes.update(block.classes)
    count = len(local) + sum(b.lines - 1 for b in kept.values())  # a block is one entry, never a repeat of a line
    return ReportLines(rep, triples, local, count, shared, subjects, classes, frozenset(kept))


class DigestSet:
    """A set of 64-bit digests in ~8 bytes each (a Python set of ints costs ~70): a sorted
    numpy array, plus a bounded set of recent digests merged into it in bulk. The build's
    main process keeps one entry per distinct shared triple, so its memory hardly grows
    with the corpus."""

    def __init__(self, buffer: int = 1 << 15) -> None:
        import numpy as np

        self._np = np
        self.sorted = np.empty(0, dtype=np.uint64)
        self.recent: set[int] = set()
        self.buffer = buffer

    def __len__(self) -> int:
        return int(self.sorted.size) + len(self.recent)

    def first(self, keys: list[int]) -> list[bool]:
        """For each key in order, whether it is new (and add it): a repeated key is only
        new the first time."""
        np = self._np
        if self.sorted.size and keys:
            arr = np.fromiter(keys, dtype=np.uint64, count=len(keys))
            idx = np.searchsorted(self.sorted, arr)
            idx[idx == self.sorted.size] = 0
            old = (self.sorted[idx] == arr).tolist()
        else:
            old = [False] * len(keys)
        out: list[bool] = []
        recent = self.recent
        for key, seen in zip(keys, old):
            new = not seen and key not in recent
            if new:
                recent.add(key)
            out.append(new)
        if len(recent) >= self.buffer:
            self._merge()
        return out

    def _merge(self) -> None:
        np = self._np
        add = np.fromiter(self.recent, dtype=np.uint64, count=len(self.recent))
        add.sort()
        self.sorted = np.insert(self.sorted, np.searchsorted(self.sorted, add), add)
        self.recent = set()


def _digest(text: str | bytes) -> int:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _digests(items: Iterable[bytes]) -> list[int]:
    """:func:`_digest` of each of ``items`` (bytes), without a Python call per item (the main
    process asks ~1.5 million of them in a 220-report build)."""
    b2, from_bytes = hashlib.blake2b, int.from_bytes
    return [from_bytes(b2(x, digest_size=8).digest(), "big") for x in items]


class DiskDigestSet:
    """:class:`DigestSet` kept in a SQLite table on disk (a temporary file in ``directory``;
    SQLite's page cache bounded at 1 MiB), so the memory it takes is the same for 50
    reports or 5,000. Asking costs ~2 µs per digest (a build of 220 reports asks ~1.5
    million times: ~2-3 CPU-s of the main process, which the workers' text no longer
    passing through it more than pays for)."""

    CACHE_KIB = 1024
    """SQLite's page cache (KiB)."""
    _IN = 500
    _select = f"SELECT h FROM seen WHERE h IN ({','.join('?' * _IN)})"
    """One prepared statement: an IN list of every length asked was one more statement in
    the sqlite3 module's cache (128 per connection), ~9 MiB over 220 reports."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        from kg.scratch import ScratchDB

        self._scratch = ScratchDB("seen.sqlite", "kg-seen-", "CREATE TABLE seen(h INTEGER PRIMARY KEY) WITHOUT ROWID;",
                                  cache_kib=self.CACHE_KIB, directory=directory)
        self._db = self._scratch.db
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def first(self, keys: list[int]) -> list[bool]:
        """For each key in order, whether it is new (and add it): a repeated key is only
        new the first time."""
        db = self._db
        ask = [k - (1 << 64) if k >= 1 << 63 else k for k in dict.fromkeys(keys)]  # SQLite's integers are signed
        old: set[int] = set()
        for i in range(0, len(ask), self._IN):
            part = ask[i : i + self._IN]
            part += part[:1] * (self._IN - len(part))  # one statement, always the same length
            old.update(h for (h,) in db.execute(self._select, part))
        add = [(h,) for h in ask if h not in old]
        if add:
            db.executemany("INSERT INTO seen VALUES (?)", add)
            self._n += len(add)
        new = {h + (1 << 64) if h < 0 else h for (h,) in add}
        out: list[bool] = []
        for key in keys:
            out.append(key in new)
            new.discard(key)
        return out

    def close(self) -> None:
        self._scratch.close()


class SharedSeen:
    """The shared triples and subjects already written, as 8-byte digests
    (:class:`DigestSet` in memory, or :class:`DiskDigestSet` on disk in ``directory``
    when given: nothing per report-local triple)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, disk: bool = False) -> None:
        if disk:
            self.lines: DigestSet | DiskDigestSet = DiskDigestSet(directory)
            self.subjects: DigestSet | DiskDigestSet = DiskDigestSet(directory)
        else:
            self.lines = DigestSet()
            self.subjects = DigestSet()

    def close(self) -> None:
        for s in (self.lines, self.subjects):
            if isinstance(s, DiskDigestSet):
                s.close()

    def new_lines(self, lines: tuple[str, ...] | list[str]) -> list[bool]:
        return self.lines.first([_digest(line) for line in lines])

    def new_subjects(self, subjects: list[str]) -> list[bool]:
        return self.subjects.first([_digest(s) for s in subjects])


@dataclass(frozen=True, slots=True)
class Chunk:
    """What the writer gets per report: the report IRI, the N-Triples new to the dump,
    and (for TriG/N-Quads, joined only when asked for) all of the report's triples for
    its named graph."""

    report: str
    new: str
    """The shared triples this report is the first to state."""
    shared: tuple[str, ...] = ()
    local: str = ""
    part: str = ""
    """A worker's part file (:func:`spool_lines`) holding the shared lines then the local
    ones (UTF-8), read from disk instead of :attr:`shared` and :attr:`local`; or ""."""
    local_at: int = 0
    """The byte offset of the local lines in :attr:`part`."""

    @property
    def text(self) -> str:
        """The N-Triples new to the dump: ``new`` then ``local`` (joined only when asked for;
        the N-Triples writer writes the two parts as they are)."""
        if self.part:
            with open(self.part, "rb") as f:
                f.seek(self.local_at)
                return self.new + f.read().decode("utf-8")
        return self.new + self.local

    @property
    def graph_text(self) -> str:
        if self.part:
            with open(self.part, "rb") as f:
                return f.read().decode("utf-8")
        return "".join(self.shared) + self.local

    def write_utf8(self, stream: IO[bytes], piece: int = 1 << 20) -> None:
        """Write :attr:`text` to ``stream`` as UTF-8, ``piece`` characters at a time: the
        same bytes as ``text.encode("utf-8")``, without a copy of a large report's text
        and its whole encoding in memory at once (a part file is copied ``piece`` bytes at
        a time)."""
        for part in (self.new, self.local):
            if len(part) <= piece:
                stream.write(part.encode("utf-8"))
                continue
            for i in range(0, len(part), piece):
                stream.write(part[i : i + piece].encode("utf-8"))
        if self.part:
            import shutil

            with open(self.part, "rb") as f:
                f.seek(self.local_at)
                shutil.copyfileobj(f, stream, piece)

    def triples(self, graph: bool = False) -> Iterator[Any]:
        """pyoxigraph's triples of :attr:`text` (``graph``: of :attr:`graph_text`), parsed as
        a stream (from the part file when there is one)."""
        import pyoxigraph as ox

        nt = ox.RdfFormat.N_TRIPLES
        if not self.part:
            text = self.graph_text if graph else self.text
            yield from (q.triple for q in ox.parse(text.encode("utf-8"), format=nt))
            return
        if not graph and self.new:
            yield from (q.triple for q in ox.parse(self.new.encode("utf-8"), format=nt))
        with open(self.part, "rb") as f:
            if not graph:
                f.seek(self.local_at)
            yield from (q.triple for q in ox.parse(f, format=nt))


_RDF_TYPE_NT_B = _RDF_TYPE_NT.encode("ascii")


def _shared_batches(r: ReportTriples, piece: int = 1 << 20) -> Iterator[list[bytes]]:
    """A report's shared lines as UTF-8, a batch (about ``piece`` bytes) at a time: read from
    its part file, or encoded from :attr:`ReportTriples.shared`."""
    if not r.part:
        for i in range(0, len(r.shared), 4096):
            yield [line.encode("utf-8") for line in r.shared[i : i + 4096]]
        return
    left, rest = r.local_at, b""
    with open(r.part, "rb") as f:
        while left > 0:
            data = f.read(min(piece, left))
            if not data:
                raise OSError(f"{r.part}: part file ends early")
            left -= len(data)
            lines = (rest + data).split(b"\n")
            rest = lines.pop()
            if lines:
                yield [line + b"\n" for line in lines]
    if rest:
        yield [rest]


def merge_reports(results: Iterable[ReportTriples], stats: GraphStats, *, disk: bool = False,
                  directory: str | os.PathLike[str] | None = None) -> Iterator[Chunk]:
    """Reports' triples → the dump's stream: every triple once (the first report that
    states a shared triple writes it), counted into ``stats``. Order follows ``results``.
    A report's part file (:attr:`ReportTriples.part`) is removed once its chunk is written.
    ``disk``: the digests of what was written live in SQLite files in ``directory`` (or the
    temporary folder), not in memory (:class:`DiskDigestSet`)."""
    seen = SharedSeen(directory, disk=disk)
    try:
        yield from _merge(results, stats, seen)
    finally:
        seen.close()


def _merge(results: Iterable[ReportTriples], stats: GraphStats, seen: SharedSeen) -> Iterator[Chunk]:
    for r in results:
        try:
            new: list[bytes] = []
            for batch in _shared_batches(r):
                fresh = [line for line, first in zip(batch, seen.lines.first(_digests(batch))) if first]
                parts = [line.split(b" ", 2) for line in fresh]
                stats.subjects += sum(seen.subjects.first(_digests([s for s, _, _ in parts])))
                for _, p, rest in parts:
                    if p == _RDF_TYPE_NT_B and rest.startswith(b"<"):
                        stats.classes[rest[1 : rest.index(b">")].decode("utf-8")] += 1
                new += fresh
            stats.triples += len(new) + r.local_triples
            stats.subjects += r.local_subjects
            for cls, n in r.local_classes:
                stats.classes[cls] += n
            text = b"".join(new).decode("utf-8")
            del new
            yield Chunk(r.report, text, r.shared, r.local, r.part, r.local_at)
        finally:
            if r.part:
                with contextlib.suppress(OSError):
                    os.unlink(r.part)


def _ox_prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES

    return {k: str(v) for k, v in sorted(PREFIXES.items())}


def write_chunks(chunks: Iterable[Chunk], fmt: DumpFormat | str, stream: IO[bytes]) -> None:
    """Write the build's stream as ``fmt``: N-Triples as is, Turtle/TriG/N-Quads through
    pyoxigraph's streaming serialisers (a named graph per report for TriG/N-Quads),
    JSON-LD through rdflib with kg's context (the one format held in memory whole)."""
    import pyoxigraph as ox

    fmt = DumpFormat(fmt)
    if fmt is DumpFormat.nt:
        for c in chunks:
            c.write_utf8(stream)
        return
    if fmt is DumpFormat.jsonld:
        g = bind_prefixes(Graph())
        for c in chunks:
            g.parse(data=c.text, format="nt")
        stream.write(serialize(g, fmt).encode("utf-8"))
        return
    if fmt is DumpFormat.ttl:
        def triples() -> Iterator:
            for c in chunks:
                yield from c.triples()
        ox.serialize(triples(), stream, _ox_format(fmt), prefixes=_ox_prefixes())
        return

    def quads() -> Iterator:
        for c in chunks:
            g = ox.NamedNode(c.report)
            for t in c.triples(graph=True):
                yield ox.Quad(t.subject, t.predicate, t.object, g)
    ox.serialize(quads(), stream, _ox_format(fmt), prefixes=_ox_prefixes() if fmt is DumpFormat.trig else None)


def _ox_format(fmt: DumpFormat):
    import pyoxigraph as ox

    return {DumpFormat.ttl: ox.RdfFormat.TURTLE, DumpFormat.trig: ox.RdfFormat.TRIG,
            DumpFormat.nq: ox.RdfFormat.N_QUADS, DumpFormat.nt: ox.RdfFormat.N_TRIPLES}[fmt]


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
    chars: int = 0
    workers: int = 1
    worker_cpu_seconds: float = 0.0
    """CPU time spent in :func:`report_triples` over all reports, wherever it ran."""
    worker_peak_rss_mb: float = 0.0
    """The largest peak resident memory a worker reported (MiB)."""


Progress = Callable[[str, int, int], None]
"""progress(phase, done, total): ``phase`` is "analyse" (done/total reports), "write"
or "store" (done/total bytes), "validate" (done/total shapes); called as work advances."""


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
    created: datetime | None = None,
    validate: bool = False,
    _stage: Staging | None = None,
    shacl_engine: str = "sparql",
    workers: int | None = 1,
    scheduler: str | None = None,
) -> BuildSummary:
    """Build one graph from report files/folders and write ``graph.<fmt>`` and ``void.ttl``
    into ``out`` (``out="-"``: the dump to stdout, no description); fill ``store`` if given.

    Reports are analysed by :func:`report_triples` in ``workers`` processes (``None``: one
    per core; 1: in this process) or, given a Dask ``scheduler`` address, on that cluster;
    the output is the same byte for byte whichever runs it (results are merged in input
    order). ``validate``: check each report's graph against the SHACL shapes in the
    workers, with ``shacl_engine`` (see :mod:`kg.validate`; non-conforming reports are listed in ``BuildSummary.invalid``; the dump is
    still written). ``keep_going``: skip unreadable reports instead of raising.

    Every output appears whole, together, or not at all (:func:`_all_or_nothing`).
    """
    stage = _stage
    if stage is None:  # pragma: no cover - the decorator always gives one
        raise TypeError("build_dump runs through _all_or_nothing")
    from functools import partial

    from kg.pipeline import report_paths

    t0 = time.perf_counter()
    fmt = DumpFormat(fmt)
    minter = Minter.create(base_iri)  # fail early on a bad base IRI
    from kg.store import check_iri

    license = check_iri(license, "license")  # fail early on a bad --license
    paths = [str(p) for p in report_paths(inputs)]
    summary = BuildSummary()
    stats = GraphStats()
    sources: list[SourceFile] = []
    to_stdout = str(out) == "-"
    out_dir = None if to_stdout else Path(out)
    if store is not None and out_dir is None:
        raise InputError("--store needs an output folder (not --out -)")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    dump_name = f"graph{SUFFIX[fmt]}"
    # workers on this machine write each report's lines into a part file beside the output
    # and send back its name: the main process copies it into the dump and removes it, and
    # never holds a report's text (Dask workers may not see this disk: they send the text)
    spool = None if scheduler else _spool_dir(out_dir)
    fn = partial(report_triples, base_iri=minter.base, validate=validate, shacl_engine=shacl_engine,
                 spool=spool)
    try:
        return _build(stage, fn, paths, fmt, dump_name, out_dir, summary, stats, sources, minter, license,
                      store, keep_going, progress, created, workers, scheduler, t0, spool)
    finally:
        if spool is not None:
            import shutil

            shutil.rmtree(spool, ignore_errors=True)


def _spool_dir(out_dir: Path | None) -> str:
    """A new folder for the workers' part files: beside the output (named like kg's other
    temporaries, so a build killed with SIGKILL leaves it to the next build's sweep), or in
    the temporary folder when the dump goes to stdout."""
    import tempfile

    from kg.atomic import TMP_MARK, sweep

    if out_dir is None:
        return tempfile.mkdtemp(prefix="kg-parts-")
    sweep(out_dir / "kg-parts")
    try:
        return tempfile.mkdtemp(prefix=f".kg-parts{TMP_MARK}{os.getpid()}-", dir=out_dir)
    except OSError as exc:  # name the folder the user gave
        raise type(exc)(exc.errno, exc.strerror, str(out_dir)) from exc


def _build(stage: Staging, fn: Callable[[str], ReportTriples], paths: list[str], fmt: DumpFormat, dump_name: str,
           out_dir: Path | None, summary: BuildSummary, stats: GraphStats, sources: list[SourceFile], minter: Minter,
           license: str, store: str | os.PathLike[str] | None, keep_going: bool, progress: Progress | None,
           created: datetime | None, workers: int | None, scheduler: str | None, t0: float,
           spool: str | None) -> BuildSummary:
    """:func:`build_dump` from the list of report files on (``spool``: the workers' part
    files' folder, where the digests of the shared triples written go too)."""
    from functools import partial

    from kg import errors
    from kg.pipeline import map_reports

    to_stdout = out_dir is None

    def results() -> Iterator[ReportTriples]:
        done = 0
        mapped = map_reports(fn, paths, workers=workers, scheduler=scheduler, info=summary)
        try:
            for r in mapped:
                done += 1
                if progress is not None:
                    progress("analyse", done, len(paths))
                if r.error is not None:
                    if not keep_going:
                        raise getattr(errors, r.error_type, KgError)(r.error)
                    log.info("%s: skipped: %s", r.path, r.error)
                    summary.failed.append((r.path, r.error))
                    continue
                summary.reports.append((r.path, r.report))
                summary.chars += r.chars
                summary.worker_cpu_seconds += r.cpu_seconds
                summary.worker_peak_rss_mb = max(summary.worker_peak_rss_mb, r.peak_rss_mb)
                sources.append(SourceFile(r.path, r.sha256, r.size, r.media_type, r.report))
                if r.invalid is not None:
                    summary.invalid.append((r.path, r.invalid))
                indexes.add(r.links)
                yield r
        finally:
            mapped.close()  # the pool stops here (see map_reports), also on an error

    from kg.links import LinkIndex, link_chunks

    indexes = LinkIndex()  # compact: plan-year targets and candidate outcomes only
    source = results()
    merged = merge_reports(source, stats, disk=True, directory=spool)
    try:
        chunks = chain(merged, link_chunks(indexes, stats))
        if to_stdout:
            write_chunks(chunks, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            if progress is not None:
                progress("write", 0, 1)  # JSON-LD is serialised after the last report: its own bar
            write_dump(stage, out_dir / dump_name, chunks, fmt)
            if progress is not None:
                progress("write", 1, 1)
    finally:
        # on an error or Ctrl-C: stop the workers now (a worker may still be writing a part
        # file), before the caller removes the spool folder
        merged.close()
        source.close()
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
        void = dataset_triples(stats, sources, base_iri=minter.base, license=license, created=created,
                               dumps=[(dump_name, MEDIA_TYPE[fmt])])
        write_void(stage, out_dir / "void.ttl", void)
        summary.files.append(str(out_dir / "void.ttl"))
        if store is not None:
            from kg.store import load_store

            summary.store = str(store)
            staged = [stage.staged(out_dir / dump_name), stage.staged(out_dir / "void.ttl")]
            summary.store_triples = load_store(stage.directory(store), staged, replace=True,
                                               progress=None if progress is None else partial(progress, "store"))
    summary.seconds = time.perf_counter() - t0
    return summary


def write_dump(stage: Staging, path: Path, chunks: Iterable[Chunk], fmt: DumpFormat) -> None:
    """The dump file: the stream written as ``fmt`` under a staged name (renamed into place
    with the other outputs when the build succeeds)."""
    f = stage.open(path, "wb")
    write_chunks(chunks, fmt, f)
    f.flush()


def write_void(stage: Staging, path: Path, void: Iterable[Triple]) -> None:
    """void.ttl: the dataset description (:func:`dataset_triples`, or a Graph), written as
    Turtle through pyoxigraph's streaming serialiser as it is made, staged like the dump."""
    import pyoxigraph as ox

    def term(t):  # noqa: ANN001, ANN202 - an rdflib URIRef or Literal
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))
        return ox.NamedNode(str(t))

    f = stage.open(path, "wb")
    ox.serialize((ox.Triple(term(s), term(p), term(o)) for s, p, o in void), f,
                 ox.RdfFormat.TURTLE, prefixes=_ox_prefixes())
    f.flush()
