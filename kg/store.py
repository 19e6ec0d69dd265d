"""A local persistent RDF store (pyoxigraph) and SPARQL over it or over dump files.

Why pyoxigraph: measured on this corpus it loads Turtle ~20× and answers aggregates ~85×
faster than rdflib's in-memory graph, and it persists to a folder with no server. rdflib
stays the Python-facing graph API (kg.rdf builds rdflib graphs); the store only holds and
queries what the dumps say.

Queries see the RDF merge of everything loaded — each triple once, however many graphs
hold it. (pyoxigraph's "default graph as union" is a bag: a triple in two named graphs,
e.g. a government's label in the graph of each of its TriG reports, or an ontology triple
that is both in a dump and in the ontology graph, answered twice.) So loading copies the
triples of named graphs into the default graph (a set), and queries read the default
graph; named graphs stay for ``GRAPH ?g { … }``. A store with an empty default graph
(made by other tools) is queried as the union.

The ontology (ontology/kg.ttl) is always there too, in its own named graph
``<https://kg.example.org/ontology>`` and in the default graph — unless the data already
carries it (a dump built with the ontology added): then it is not added again. Queries may
use its labels, ``skos:notation`` codes (``kg:Target`` → "target") and ``rdfs:subClassOf``
axioms. To run kg's queries on another endpoint, load ontology/kg.ttl next to the dumps.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, ParseError, StoreError
from kg.vocab import ONTOLOGY_IRI, PREFIXES

log = logging.getLogger(__name__)

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "gYear")}
DEFAULT_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
"""Prefixes every query may use without declaring them (kg, rdfs, skos, oa, …)."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a SELECT (``vars`` + ``rows``), or one row ``{"ask": bool}`` for ASK, or
    ``s, p, o`` rows for CONSTRUCT/DESCRIBE."""

    vars: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _format(path: Path) -> ox.RdfFormat:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type (use .ttl, .nt, .nq, .trig, .jsonld)")
    return fmt


_OWL_ONTOLOGY = ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def merge_named_graphs(store: ox.Store) -> None:
    """Copy every named graph's triples into the default graph (a set: each triple once)."""
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def add_ontology(store: ox.Store) -> None:
    """Make ontology/kg.ttl part of ``store``: in its own named graph and in the default
    graph, unless the default graph already holds it (its ``owl:Ontology`` declaration),
    e.g. from a dump built with the ontology added; then nothing is added and a stale
    ontology graph is dropped, so no query sees an ontology triple twice."""
    from importlib.resources import files

    onto = ox.NamedNode(ONTOLOGY_IRI)
    declared = next(iter(store.quads_for_pattern(onto, _RDF_TYPE, _OWL_ONTOLOGY, ox.DefaultGraph())), None)
    if declared is not None and not store.contains_named_graph(onto):
        return  # the data carries the ontology
    if declared is not None:
        # the default graph holds it: from the data or from an earlier add_ontology
        ours = next(iter(store.quads_for_pattern(onto, _RDF_TYPE, _OWL_ONTOLOGY, onto)), None)
        if ours is not None:
            return  # added before (both copies ours)
        store.remove_graph(onto)
        return
    data = (files("kg.ontology") / "kg.ttl").read_bytes()
    store.load(data, format=ox.RdfFormat.TURTLE, to_graph=onto)
    store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ ?s ?p ?o }} }}")


_BLOCK = 32 << 20


def fill_store(store: ox.Store, files: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...],
               progress: Callable[[int, int], None] | None = None, *, ontology: bool = True) -> None:
    """Bulk-load dump files, then merge named graphs into the default graph and add the
    ontology (``ontology``; see the module docstring). Line-based dumps (N-Triples, N-Quads) are loaded
    in blocks of whole lines, so ``progress(bytes done, bytes total)`` can follow."""
    quads = False
    paths = [Path(f) for f in files]
    for fp in paths:
        if not fp.is_file():
            raise InputError(f"{fp}: no such file")
    total = sum(fp.stat().st_size for fp in paths)
    done = 0
    for fp in paths:
        fmt = _format(fp)
        try:
            if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
                with open(fp, "rb") as f:
                    rest = b""
                    while block := f.read(_BLOCK):
                        block = rest + block
                        cut = block.rfind(b"\n") + 1
                        block, rest = block[:cut], block[cut:]
                        if block:
                            store.bulk_load(block, format=fmt)
                        done += len(block)
                        if progress is not None:
                            progress(done, total)
                    if rest:
                        store.bulk_load(rest, format=fmt)
                        done += len(rest)
            else:
                store.bulk_load(path=str(fp), format=fmt)
                done += fp.stat().st_size
        except SyntaxError as exc:
            raise ParseError(f"{fp}: not valid RDF: {exc}") from exc
        if progress is not None:
            progress(done, total)
        quads = quads or fmt.supports_datasets
    if quads:
        merge_named_graphs(store)
    if ontology:
        add_ontology(store)


def compact(store: ox.Store) -> None:
    """Compact a store after a bulk load (pyoxigraph ``optimize``: RocksDB's full
    compaction). A bulk load leaves many overlapping files, and every index seek and every
    decoded term of a query then looks in each of them: measured on the 220-report bulk
    store (5 M triples), reading one property of every observation took 2.9× less CPU after
    compacting, which took 4.6 CPU-s."""
    store.optimize()


def open_store(path: str | os.PathLike[str], *, create: bool = False) -> ox.Store:
    """Open a store folder (``create``: make it when missing; else it must exist)."""
    p = Path(path)
    if not create and (not p.is_dir() or not any(p.iterdir())):
        raise StoreError(f"{p}: no store here (build one with: kg build REPORTS --out DIR --store {p})")
    try:
        if create:
            p.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(p))
        return ox.Store.read_only(str(p))
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{p}: cannot open the RDF store: {exc}") from exc


def load_store(
    path: str | os.PathLike[str],
    files: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...],
    *,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Load dump files into the store at ``path`` (created when missing; ``replace``
    empties it first). Returns the number of quads the store then holds."""
    store = open_store(path, create=True)
    try:
        if replace:
            store.clear()
        fill_store(store, files, progress)
        store.flush()
        compact(store)
        return len(store)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{path}: cannot write the RDF store: {exc}") from exc


def memory_store(files: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]) -> ox.Store:
    """An in-memory store holding the given dump files."""
    store = ox.Store()
    fill_store(store, files)
    return store


CACHE_ENTRIES = 4
"""How many parsed dumps ``kg sparql --data`` keeps (least recently used dropped)."""


def cache_dir() -> Path:
    """Where parsed ``--data`` stores are kept: ``$KG_CACHE_DIR`` or ``~/.cache/kg/sparql``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg" / "sparql"


def _data_key(files: list[Path]) -> str:
    """A key for a set of dump files: their contents' SHA-256 (in order), kg's store
    layout and the pyoxigraph version, so any change to a file or to kg makes a new one."""
    import hashlib

    h = hashlib.sha256(f"kg-store-v1 pyoxigraph {ox.__version__}\n".encode())
    for f in files:
        fh = hashlib.sha256()
        with open(f, "rb") as fp:
            while block := fp.read(1 << 20):
                fh.update(block)
        h.update(f"{f.suffix.lower()} {fh.hexdigest()}\n".encode())
    return h.hexdigest()[:32]


def cached_store(files: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]) -> ox.Store:
    """A read-only store of the dump files, parsed once and kept in :func:`cache_dir`,
    keyed by the files' contents (a later call with the same files opens it in
    milliseconds instead of parsing again). Falls back to memory when the cache folder
    cannot be written."""
    import shutil

    paths = [Path(f) for f in files]
    for fp in paths:
        if not fp.is_file():
            raise InputError(f"{fp}: no such file")
        _format(fp)
    root = cache_dir()
    entry = root / _data_key(paths)
    if not (entry / "complete").is_file():
        tmp = root / f".{entry.name}.{os.getpid()}.tmp"
        try:
            root.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(tmp, ignore_errors=True)
            store = ox.Store(str(tmp))
            fill_store(store, paths)
            store.flush()
            compact(store)
            del store
            (tmp / "complete").write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)
            os.replace(tmp, entry)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            log.warning("cannot cache the parsed dumps in %s (%s); parsing them in memory", root, exc.strerror or exc)
            return memory_store(paths)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        entries = sorted((d for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")),
                         key=lambda d: d.stat().st_mtime, reverse=True)
        for old in entries[CACHE_ENTRIES:]:
            if old != entry:
                shutil.rmtree(old, ignore_errors=True)
    os.utime(entry)
    try:
        return ox.Store.read_only(str(entry))
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{entry}: cannot open the cached store: {exc}") from exc


def _decimal(v: str) -> Decimal:
    return Decimal(v)


def _boolean(v: str) -> bool:
    return v in ("true", "1")


_LITERAL_VALUE: dict[str, Callable[[str], Any]] = {
    **{t: int for t in _INTEGER_TYPES},
    _XSD + "decimal": _decimal,
    _XSD + "double": float,
    _XSD + "float": float,
    _XSD + "boolean": _boolean,
}
"""Datatype IRI → the Python value of a literal's lexical form; any other datatype (strings,
language-tagged strings, dates, …) gives the lexical form itself."""


def python_value(term: Any) -> Any:
    """A plain Python value for a query answer term (IRIs and strings as str, numbers as
    int/Decimal/float, booleans as bool, unbound as None)."""
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.BlankNode:
        return term.value
    if kind is ox.Literal:
        convert = _LITERAL_VALUE.get(term.datatype.value)
        if convert is None:
            return term.value
        v = term.value
        try:
            return convert(v)
        except (ValueError, InvalidOperation):
            return v
    if term is None:
        return None
    return str(term)


def _default_graph(store: ox.Store) -> dict[str, Any]:
    """What a query's default graph is: the store's default graph (kg's loading makes it
    the merge of everything); plus the ontology graph for a store whose default graph lacks
    the ontology (made before kg merged it in); the union of all graphs when the default
    graph is empty (a store filled by another tool)."""
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None:
        return {"use_default_graph_as_union": True}
    onto = ox.NamedNode(ONTOLOGY_IRI)
    if next(iter(store.quads_for_pattern(onto, _RDF_TYPE, _OWL_ONTOLOGY, ox.DefaultGraph())), None) is None and next(
        iter(store.quads_for_pattern(onto, _RDF_TYPE, _OWL_ONTOLOGY, onto)), None
    ) is not None:
        return {"default_graph": [ox.DefaultGraph(), onto]}
    return {}


def run_query(store: ox.Store, query: str) -> QueryResult:
    """Run one SPARQL query (kg's prefixes predeclared) over a store: over its default graph
    (which kg's loading makes the merge of everything), or over the union of its graphs
    when the default graph is empty (a store filled by another tool)."""
    try:
        res = store.query(query, prefixes=DEFAULT_PREFIXES, **_default_graph(store))
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(("ask",), ({"ask": bool(res)},))
        if isinstance(res, ox.QuerySolutions):
            # one pass over the solutions, each read by position (not looked up by name)
            names = tuple(v.value for v in res.variables)
            conv = python_value
            rows = tuple([dict(zip(names, map(conv, sol))) for sol in res])
            if not rows:
                _warn_if_built_before(store, query)
            return QueryResult(names, rows)
        triples = tuple(
            {"s": python_value(t.subject), "p": python_value(t.predicate), "o": python_value(t.object)} for t in res
        )
        return QueryResult(("s", "p", "o"), triples)
    except SyntaxError as exc:
        msg = " ".join(str(exc).split())
        raise ParseError(f"SPARQL syntax error: {msg}") from exc
    except (OSError, RuntimeError) as exc:  # the store, or a SERVICE call, failed
        msg = " ".join(str(exc).split())[:300]
        raise StoreError(f"the query failed: {msg}") from exc


_BUILT = re.compile(r"kg:(nameBigram|namedInTitleMarks|outcome|pairedActual|mentionedInSentence|"
                    r"paired(?:Report|Indicator|Qualifier|Value|Unit|Year|Start)|evidence(?:Report|Start|Text|Sentence)|"
                    r"kept(?:Government|Key|Year|Value|Unit|Qualifier)|"
                    r"(?:part|section|sentence|observation|mention|"
                    r"glossaryTerm|place|organisation|programme|policy|sector)Count)\b")
"""Statements kg's build writes for the library queries to read (kg.links); a store built by an
older kg lacks some of them, and a query reading them answers nothing. (Not the optional copies,
e.g. kg:keptValueMax, which a store without a range target rightly lacks.)"""


def _warn_if_built_before(store: ox.Store, query: str) -> None:
    """An empty answer from a query that reads build-time statements the store holds none of:
    say so (the store was built by an older kg, or by another tool), rather than let an empty
    answer look like an answer."""
    kg = PREFIXES["kg"]
    for name in sorted(set(_BUILT.findall(query))):
        if next(iter(store.quads_for_pattern(None, ox.NamedNode(f"{kg}{name}"), None)), None) is None:
            log.warning("the store holds no kg:%s statements (written by kg build since they were added): "
                        "it was built by an older kg or another tool; rebuild it for this query", name)


def read_query(query_or_file: str) -> str:
    """The SPARQL text: a .rq file, a library query by name, or the query itself."""
    from kg.queries import read

    return read(query_or_file, ".rq")


_SPARQL_TOKEN = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""'''   # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'                 # strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'             # IRIs
    r"|\#[^\n]*"                              # comments
    r"|[A-Za-z_][A-Za-z0-9_\-]*"              # words (keywords, prefixed-name parts)
    r"|\S",
)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def _tokens(query: str) -> list[str]:
    """The tokens of ``query``: strings, IRIs, words, single characters (no comments)."""
    return [t for t in _SPARQL_TOKEN.findall(query) if not t.startswith("#")]


def _is_keyword(tokens: list[str], i: int) -> bool:
    """True if the word at ``i`` is a keyword, not part of a prefixed name (``ex:load``)."""
    return (i == 0 or tokens[i - 1] != ":") and (i + 1 == len(tokens) or tokens[i + 1] != ":")


def _form(tokens: list[str]) -> str | None:
    """The query form or update operation: the first word after the prologue."""
    i = 0
    while i < len(tokens) and tokens[i].upper() in ("PREFIX", "BASE"):
        i += 1
        while i < len(tokens) and not tokens[i].startswith("<"):
            i += 1  # the prefix name (``ex`` ``:``) up to its IRI
        i += 1
    return tokens[i].upper() if i < len(tokens) else None


def check_query(query: str, *, allow_service: bool = False) -> None:
    """Refuse what kg does not run: SPARQL updates (the store changes only through
    ``kg build``) and, unless ``allow_service``, ``SERVICE`` (a federated query makes this
    process send HTTP requests to wherever the query says)."""
    tokens = _tokens(query)
    form = _form(tokens)
    if form in _UPDATE_WORDS:
        raise InputError(
            f"this is a SPARQL update ({form}), and kg runs queries only (SELECT, ASK, CONSTRUCT, "
            "DESCRIBE); a store changes only through kg build"
        )
    if not allow_service and any(
        t.upper() == "SERVICE" and _is_keyword(tokens, i) for i, t in enumerate(tokens)
    ):
        raise InputError(
            "the query calls a remote endpoint (SERVICE), which kg refuses unless asked: "
            "give --allow-service to run federated queries"
        )


def check_iri(value: str, what: str = "IRI") -> str:
    """``value`` if it is an absolute IRI (RFC 3987, as pyoxigraph checks it), else InputError."""
    try:
        node = ox.NamedNode(value)
    except (ValueError, TypeError) as exc:
        raise InputError(f"{what} {value!r} is not a valid absolute IRI ({exc})") from exc
    if ":" not in node.value or any(c in node.value for c in " <>\"{}|^`"):
        raise InputError(f"{what} {value!r} is not a valid absolute IRI")
    return node.value


def sparql_term(value: str) -> str:
    """A parameter value as one SPARQL term, built by pyoxigraph (so it can never change
    the query's structure): ``<…>`` → an IRI, checked against the IRI grammar; anything
    else → a plain string literal, escaped."""
    if value.startswith("<") and value.endswith(">") and len(value) >= 2:
        return str(ox.NamedNode(check_iri(value[1:-1], "--bind value")))
    return str(ox.Literal(value))


def bind_parameters(query: str, params: dict[str, str]) -> str:
    """Fill a query's parameters: each ``VALUES ?name { UNDEF }`` becomes
    ``VALUES ?name { "value" }`` (or ``<iri>`` for a value written ``<…>``); the term is
    built by :func:`sparql_term`, so a value can never change the query's structure.

    kg's library queries declare their parameters this way, so they also run unchanged
    (unfiltered) on any SPARQL endpoint.
    """
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"--bind {name!r}: a parameter name is letters, digits and _")
        pattern = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        if not pattern.search(query):
            raise InputError(f"the query has no parameter ?{name} (a line 'VALUES ?{name} {{ UNDEF }}')")
        term = sparql_term(value)
        query = pattern.sub(lambda m: f"VALUES ?{name} {{ {term} }}", query)
    return query


def sparql(
    query: str,
    *,
    store: str | os.PathLike[str] | None = None,
    data: list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...] = (),
    params: dict[str, str] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Answer a SPARQL query (text, a .rq file, or a library query name) over a store
    folder or over dump files; exactly one of ``store`` / ``data`` must be given.
    ``params`` fill the query's ``VALUES ?name { UNDEF }`` parameters. Updates are refused,
    and ``SERVICE`` unless ``allow_service`` (see :func:`check_query`)."""
    if (store is None) == (not data):
        raise InputError("give either a store folder (--store DIR) or dump files (--data FILE...)")
    text = read_query(query)
    check_query(text, allow_service=allow_service)
    text = bind_parameters(text, params or {})
    st = open_store(store) if store is not None else cached_store(data)
    return run_query(st, text)


def library_queries() -> dict[str, str]:
    """kg's query library: name → SPARQL text (queries/*.rq)."""
    from kg.queries import library

    return library(".rq")
