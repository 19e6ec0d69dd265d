"""The stages wired together: path → Text → Report → Analysis.

Each stage is a plain function over the records in :mod:`kg.model`; this module only
calls them in order, so tests and notebooks can call any stage on its own.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from pathlib import Path

from kg.errors import InputError
from kg.model import Analysis, Report, Text

log = logging.getLogger(__name__)

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


_KG_REPORT = "https://kg.example.org/ontology#Report"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _report_of(subject: str, reports: set[str] | dict) -> str | None:
    """The report IRI ``subject`` is (or lies under: ``<report>/…``), if any of ``reports``."""
    s = subject
    while True:
        if s in reports:
            return s
        cut = s.rfind("/")
        if cut <= 8:  # past "https://"
            return None
        s = s[:cut]


def dump_report_keys(dumps: Iterable[str | os.PathLike[str]]) -> dict[str, str]:
    """For every report in the dump files (a subject typed kg:Report), a content key: the
    SHA-256 of the set of its own triples (subject the report or under its IRI), order-free.
    Two streaming passes with pyoxigraph, nothing held but the keys. Dumps holding blank
    nodes get no keys (they are always loaded whole)."""
    return dump_scan(dumps)[0]


def dump_scan(dumps: Iterable[str | os.PathLike[str]]) -> tuple[dict[str, str], bool]:
    """:func:`dump_report_keys` and whether the dumps hold a blank node (then no keys)."""
    import hashlib

    from kg.validate import read_quads

    import pyoxigraph as ox

    dumps = list(dumps)
    reports: set[str] = set()
    blank, named = ox.BlankNode, ox.NamedNode
    for q in read_quads(dumps):
        if type(q.subject) is blank or type(q.object) is blank:
            # blank nodes get skolem IRIs from the whole graph's canonical labelling, so a
            # part of the graph cannot be skipped without renaming them: no keys, full load
            return {}, True
        if q.predicate.value == _RDF_TYPE and type(q.object) is named and q.object.value == _KG_REPORT:
            reports.add(q.subject.value)
    if not reports:
        return {}, False
    sums: dict[str, int] = dict.fromkeys(reports, 0)
    counts: dict[str, int] = dict.fromkeys(reports, 0)
    seen: set[bytes] = set()  # a triple in two named graphs counts once
    for q in read_quads(dumps):
        rep = _report_of(getattr(q.subject, "value", ""), reports)
        if rep is None:
            continue
        line = f"{q.subject} {q.predicate} {q.object}".encode("utf-8")
        h = hashlib.blake2b(line, digest_size=16).digest()
        if h in seen:
            continue
        seen.add(h)
        sums[rep] = (sums[rep] + int.from_bytes(h, "big")) % (1 << 128)
        counts[rep] += 1
    return {r: f"{counts[r]}-{sums[r]:032x}" for r in sorted(reports)}, False


def dump_quads(dumps: Iterable[str | os.PathLike[str]], *,
               skip_reports: set[str] | frozenset[str] = frozenset(), skip_minted: bool = False) -> Iterator[Any]:
    """The dumps' quads from kg's one streaming reader (:func:`kg.validate.read_quads`),
    without the triples of the reports in ``skip_reports`` (subject the report or under
    it) and, with ``skip_minted``, without every triple whose subject lies in those
    reports' IRI namespace (governments, places, indicators … they state)."""
    from kg.validate import read_quads

    bases = tuple(sorted({r[: r.index("/report/") + 1] for r in skip_reports if "/report/" in r})) if skip_minted else ()
    for q in read_quads(dumps):
        if skip_reports:
            subject = getattr(q.subject, "value", "")
            if _report_of(subject, skip_reports) is not None or (bases and subject.startswith(bases)):
                continue
        yield q


def load_graph(inputs: Iterable[str | os.PathLike[str]], base_iri: str | None = None, *,
               skip_reports: set[str] | frozenset[str] = frozenset(), skip_minted: bool = False):
    """One rdflib Graph from reports, folders of reports and RDF dumps (.ttl/.nt/.jsonld/.trig/.nq).

    Dumps are read by kg's one streaming reader (:func:`dump_quads`, pyoxigraph: the same
    errors for a bad file in any format); named graphs are merged; ``skip_reports`` and
    ``skip_minted`` leave out triples as :func:`dump_quads` says."""
    from rdflib import Graph

    from kg import rdf

    graph = Graph()
    rdf.bind_prefixes(graph)
    reports: list[Path] = []
    dumps: list[Path] = []
    for item in inputs:
        p = Path(item)
        if RDF_SUFFIXES.get(p.suffix.lower()) is None:
            reports.extend(report_paths([p]))
        else:
            dumps.append(p)
    add = graph.add
    for q in dump_quads(dumps, skip_reports=skip_reports, skip_minted=skip_minted):
        add((rdf.from_ox(q.subject), rdf.from_ox(q.predicate), rdf.from_ox(q.object)))
    for triple in rdf.iter_triples((analyse(r) for r in reports), base_iri):
        add(triple)
    return graph


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


_PRELOAD = ["kg.export", "kg.loaders.structure", "kg.loaders.quantities", "kg.loaders.entities",
            "kg.loaders.glossary_terms", "kg._forkserver_warm"]
"""What the pool's forkserver imports before forking workers; the last one warms it up
(models loaded once, not once per worker: each worker's start-up was 4-5 CPU-s)."""


def map_reports(
    fn: Callable[[str], Any],
    paths: list[str],
    *,
    workers: int | None = 1,
    scheduler: str | None = None,
    info: Any = None,
) -> Iterator[Any]:
    """``fn(path)`` for every path, results in the order of ``paths`` whoever computes them:
    this process (``workers=1``), a pool of ``workers`` processes (``None``: one per core),
    or the Dask cluster at ``scheduler`` (``tcp://host:8786``; workers must see the files
    at the same paths and have kg installed). At most a few results per worker wait in
    memory, so the caller streams them to disk in bounded memory. ``info.workers`` (if
    given) is set to how many workers ran."""
    if scheduler:
        yield from _map_dask(fn, paths, scheduler, info)
        return
    n = default_workers() if workers is None or workers <= 0 else workers
    n = min(n, max(1, len(paths)))
    if info is not None:
        info.workers = n
    if n == 1:
        yield from map(fn, paths)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    _start_forkserver()
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=warm_up, initargs=(os.getpid(),),
                             max_tasks_per_child=TASKS_PER_WORKER) as pool:
        try:
            yield from _ordered_window(pool.submit, fn, paths, window=2 * n)
        finally:
            # closed early (an error, Ctrl-C): reports not started are dropped, and this
            # returns once the workers are gone, so nothing they write outlives the build
            pool.shutdown(wait=True, cancel_futures=True)


def _start_forkserver() -> None:
    """Start the pool's forkserver (if it is not running) seeing the modules this process
    sees. Python 3.11's forkserver imports its preload before it takes this process's
    ``sys.path``: started as ``python -c``, it looked first in the current directory, so run
    from a folder holding another ``kg`` (a checkout, a benchmark's old tree on
    ``PYTHONPATH``) the workers analysed with that ``kg``, not this one. It now starts with
    this process's path as ``PYTHONPATH`` and without the current directory
    (``PYTHONSAFEPATH``)."""
    from multiprocessing import forkserver

    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(str(p) if p else os.getcwd() for p in sys.path)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a killed process not yet reaped, a zombie, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False
    except (OSError, IndexError):  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def _watch_parent(pid: int) -> None:
    """End this worker when the kg process ``pid`` that started the pool is gone, also after
    a SIGKILL: the forkserver and the pool's queues are kept open by the workers
    themselves, so nothing else would ever stop them (they would analyse on, orphaned,
    holding kg's stderr open)."""
    import threading

    def watch() -> None:
        while _alive(pid):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-watch-parent", daemon=True).start()


TASKS_PER_WORKER = 25
"""Reports a pool worker analyses before a fresh one (forked warm from the forkserver, a
fraction of a CPU-second) takes its place: what the analysis memoises grows with every
report a process sees (a worker's peak went 592 → 825 MiB from 50 to 220 reports), so a
build's memory stays that of a few dozen reports however large the corpus."""

_WARM = False
"""Whether this process has analysed the sample report (its models are loaded)."""


def warm_up(parent: int | None = None) -> None:
    """Load what the analysis needs (dictionaries, spaCy models) by analysing kg's bundled
    sample report: run once in each worker process before its first report; with
    ``parent`` (the kg process's id) the worker ends when kg does."""
    global _WARM
    if parent is not None:
        _watch_parent(parent)
    if not _WARM:  # a worker forked from a warmed-up forkserver (kg._forkserver_warm) is warm already
        try:
            analyse(sample_report())
            _WARM = True
        except Exception:  # noqa: BLE001 - warming up is best effort; the real report will say what fails
            log.debug("warm-up failed", exc_info=True)
    # what is loaded now (jieba's dictionaries, the automata, spaCy's pipeline) lives as
    # long as the process: out of the cyclic collector's way, whose full passes walked it
    gc.freeze()


def _ordered_window(submit: Callable, fn: Callable, items: list, window: int) -> Iterator[Any]:
    """Submit ``fn(item)`` keeping at most ``window`` futures in flight; yield in order."""
    from collections import deque

    pending: deque = deque()
    it = iter(items)
    for item in it:
        pending.append(submit(fn, item))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        result = fut.result()
        for item in it:
            pending.append(submit(fn, item))
            break
        yield result


def _map_dask(fn: Callable, paths: list[str], scheduler: str, info: Any) -> Iterator[Any]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise InputError("--scheduler needs Dask: pip install 'kg-gwr[dask]'") from exc
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
        if info is not None:
            info.workers = n
        yield from _ordered_window(lambda f, item: client.submit(f, item, pure=False), fn, paths, window=2 * n)
    finally:
        client.close()
