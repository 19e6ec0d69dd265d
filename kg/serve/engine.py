"""Queries for the server, answered in worker processes that can be stopped.

pyoxigraph evaluates a query inside one Rust call that Python cannot interrupt, so a
query that runs for ten minutes cannot be cancelled in the server's own process. Each
query therefore runs in a worker process holding the store open read-only; when a query
outlives the time limit its worker is killed (which stops the query for certain) and a
fresh one takes its place. Results come back as bytes already serialised in the asked
format, or as plain rows for the HTML pages.

Guards, applied before a query reaches the store:

- only queries (SELECT, ASK, CONSTRUCT, DESCRIBE): SPARQL Update is refused with a
  one-line reason (the store is also opened read-only);
- no ``SERVICE`` clause: pyoxigraph would make the HTTP request itself, and a public
  endpoint must not become a proxy to anywhere;
- at most ``max_rows`` result rows (triples for CONSTRUCT): a larger answer is an error
  telling the user to add a LIMIT, never a silently cut result.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.store import DEFAULT_PREFIXES, QueryResult, _default_graph, open_store, python_value

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
MAX_QUERY_CHARS = 200_000


class QueryRefused(Exception):
    """A request the endpoint will not run: ``status`` is the HTTP status, the message one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# ------------------------------------------------------------------------------ guards

_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)
_UPDATE = re.compile(
    r"^\s*(?:(?:BASE\s*\S+|PREFIX\s+\S*:\s*\S+)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_SERVICE = re.compile(r"(?<![\w:.\-?$])SERVICE\s+(?:SILENT\s+)?(?:<|[A-Za-z_][\w.\-]*:|:|[?$])", re.I)


def _skeleton(query: str) -> str:
    """The query with strings, IRIs and comments blanked (keywords stay where they were)."""
    return _LEXEMES.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", query)


def check_query(query: str) -> None:
    """Refuse what this endpoint never runs: updates, SERVICE, empty or huge queries."""
    if not query.strip():
        raise QueryRefused(400, "empty query: give the SPARQL text in the 'query' parameter")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRefused(413, f"query longer than {MAX_QUERY_CHARS} characters")
    skel = _skeleton(query)
    m = _UPDATE.match(skel)
    if m:
        raise QueryRefused(
            403, f"SPARQL Update ({m.group(1).upper()}) refused: this endpoint is read-only"
        )
    if _SERVICE.search(skel):
        raise QueryRefused(
            403, "SERVICE refused: this endpoint makes no outgoing requests (federate on your side)"
        )


# ------------------------------------------------------------------------ serialising

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and t.datatype.value not in (_XSD_STRING, _RDF_LANG):
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                            "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    return {"type": "literal", "value": str(t)}


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{_xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{_xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'<literal xml:lang="{_xml_escape(t.language)}">{_xml_escape(t.value)}</literal>'
        if t.datatype is not None and t.datatype.value not in (_XSD_STRING, _RDF_LANG):
            return f'<literal datatype="{_xml_escape(t.datatype.value)}">{_xml_escape(t.value)}</literal>'
        return f"<literal>{_xml_escape(t.value)}</literal>"
    return f"<literal>{_xml_escape(str(t))}</literal>"


def _csv_field(t: Any) -> str:
    if t is None:
        v = ""
    elif isinstance(t, ox.BlankNode):
        v = f"_:{t.value}"
    elif isinstance(t, (ox.NamedNode, ox.Literal)):
        v = t.value
    else:
        v = str(t)
    if any(c in v for c in ',"\r\n'):
        v = '"' + v.replace('"', '""') + '"'
    return v


def _tsv_field(t: Any) -> str:
    if t is None:
        return ""
    s = str(t)  # N-Triples syntax, which is Turtle
    return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


SOLUTION_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
}


def serialize_solutions(variables: list[str], rows: list[list[Any]], fmt: str) -> bytes:
    """SPARQL 1.1 Query Results in JSON, XML, CSV or TSV."""
    import json

    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        parts += [f'<variable name="{_xml_escape(v)}"/>' for v in variables]
        parts.append("</head>\n<results>")
        for row in rows:
            parts.append("<result>" + "".join(
                f'<binding name="{_xml_escape(v)}">{_xml_term(t)}</binding>'
                for v, t in zip(variables, row) if t is not None) + "</result>")
        parts.append("</results>\n</sparql>\n")
        return "\n".join(parts).encode("utf-8")
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(_csv_field(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)] + ["\t".join(_tsv_field(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(fmt)


def serialize_boolean(value: bool, fmt: str) -> bytes:
    import json

    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised answer: ``body`` in media type ``media_type``; ``rows`` answers counted."""

    body: bytes
    media_type: str
    rows: int


# --------------------------------------------------------------------- in the worker


def _too_many(max_rows: int) -> QueryRefused:
    return QueryRefused(
        422, f"the answer has more than {max_rows} rows (the server's --max-rows): add a LIMIT or narrow the query"
    )


def _execute(store: ox.Store, graph_opts: dict[str, Any], kind: str, query: str, fmt: str, max_rows: int) -> Any:
    try:
        res = store.query(query, prefixes=DEFAULT_PREFIXES, **graph_opts)
    except SyntaxError as exc:
        raise QueryRefused(400, "SPARQL syntax error: " + " ".join(str(exc).split())) from exc
    if kind == "rows":  # plain Python rows for the HTML pages
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(("ask",), ({"ask": bool(res)},))
        if isinstance(res, ox.QuerySolutions):
            names = tuple(v.value for v in res.variables)
            out = []
            for sol in res:
                if len(out) >= max_rows:
                    raise _too_many(max_rows)
                out.append({n: python_value(sol[n]) for n in names})
            return QueryResult(names, tuple(out))
        raise QueryRefused(400, "expected a SELECT or ASK query")
    if kind == "ntriples":  # a graph as N-Triples (CONSTRUCT/DESCRIBE)
        if not isinstance(res, ox.QueryTriples):
            raise QueryRefused(400, "expected a CONSTRUCT or DESCRIBE query")
        triples = _capped(res, max_rows)
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    # the protocol: bytes in the negotiated format
    if isinstance(res, ox.QueryBoolean):
        sfmt = fmt if fmt in SOLUTION_TYPES else "json"
        return Answer(serialize_boolean(bool(res), sfmt), SOLUTION_TYPES[sfmt], 1)
    if isinstance(res, ox.QuerySolutions):
        sfmt = fmt if fmt in SOLUTION_TYPES else "json"
        names = [v.value for v in res.variables]
        rows: list[list[Any]] = []
        for sol in res:
            if len(rows) >= max_rows:
                raise _too_many(max_rows)
            rows.append([sol[n] for n in names])
        return Answer(serialize_solutions(names, rows, sfmt), SOLUTION_TYPES[sfmt], len(rows))
    gfmt = fmt if fmt in GRAPH_TYPES else "turtle"
    media, oxfmt = GRAPH_TYPES[gfmt]
    triples = _capped(res, max_rows)
    prefixes = {k: v for k, v in DEFAULT_PREFIXES.items()} if oxfmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(triples, format=oxfmt, prefixes=prefixes) if prefixes else ox.serialize(triples, format=oxfmt)
    return Answer(body or b"", media, len(triples))


def _capped(triples: Iterable[ox.Triple], max_rows: int) -> list[ox.Triple]:
    out = []
    for t in triples:
        if len(out) >= max_rows:
            raise _too_many(max_rows)
        out.append(t)
    return out


def _worker_main(conn: Connection, store_path: str) -> None:
    """A worker: open the store read-only, answer jobs until told to stop (``None``)."""
    os.environ.pop("http_proxy", None)
    try:
        store = open_store(store_path)
        opts = _default_graph(store)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("fatal", 500, str(exc)))
        return
    conn.send(("ready", 0, ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        kind, query, fmt, max_rows = job
        try:
            conn.send(("ok", 0, _execute(store, opts, kind, query, fmt, max_rows)))
        except QueryRefused as exc:
            conn.send(("error", exc.status, str(exc)))
        except OSError as exc:
            conn.send(("error", 500, "cannot read the store: " + " ".join(str(exc).split())))
        except Exception as exc:  # noqa: BLE001 - a query must never take the worker down silently
            conn.send(("error", 500, f"{type(exc).__name__}: " + " ".join(str(exc).split())))


# ------------------------------------------------------------------------ the pool


class _Worker:
    def __init__(self, ctx: Any, store_path: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path), daemon=True)
        self.proc.start()
        child.close()
        status, code, msg = self.conn.recv()
        if status != "ready":
            self.proc.join(5)
            from kg.errors import StoreError

            raise StoreError(msg)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()


class QueryEngine:
    """A pool of worker processes answering queries on one store, each within ``timeout``
    seconds and ``max_rows`` rows."""

    def __init__(self, store_path: str | os.PathLike[str], *, workers: int = 2,
                 timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        self.store_path = str(Path(store_path))
        self.timeout = timeout
        self.max_rows = max_rows
        self._ctx = mp.get_context("spawn")
        self._size = max(1, workers)
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the workers (blocking; each opens the store)."""
        self._all = [_Worker(self._ctx, self.store_path) for _ in range(self._size)]

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for w in self._all:
                self._idle.put_nowait(w)
        return self._idle

    def close(self) -> None:
        for w in self._all:
            w.stop()
        self._all = []

    async def run(self, kind: str, query: str, fmt: str = "json", max_rows: int | None = None) -> Any:
        """Run one job in a worker; raises :class:`QueryRefused` (408 on timeout)."""
        import anyio

        idle = self._queue()
        worker = await idle.get()
        try:
            worker.conn.send((kind, query, fmt, max_rows or self.max_rows))
            ready = await anyio.to_thread.run_sync(worker.conn.poll, self.timeout)
        except BaseException:
            ready = False
            await self._replace(worker)
            raise
        if not ready:
            log.warning("query stopped after %.0f s", self.timeout)
            await self._replace(worker)
            raise QueryRefused(
                503, f"query stopped after {self.timeout:g} s (the server's --timeout): narrow it or add a LIMIT"
            )
        try:
            status, code, payload = worker.conn.recv()
        except (EOFError, OSError):
            await self._replace(worker)
            raise QueryRefused(500, "the query worker died; the query was not answered") from None
        idle.put_nowait(worker)
        if status != "ok":
            raise QueryRefused(code, payload)
        return payload

    async def _replace(self, worker: _Worker) -> None:
        import anyio

        def swap() -> _Worker:
            worker.kill()
            fresh = _Worker(self._ctx, self.store_path)
            with self._lock:
                self._all = [w for w in self._all if w is not worker] + [fresh]
            return fresh

        fresh = await anyio.to_thread.run_sync(swap)
        self._queue().put_nowait(fresh)


__all__ = ["Answer", "QueryEngine", "QueryRefused", "check_query", "serialize_solutions",
           "SOLUTION_TYPES", "GRAPH_TYPES", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS"]
