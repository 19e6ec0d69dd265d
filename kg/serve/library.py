"""What a library query says about itself: its description (the leading comment block) and
its parameters (``VALUES ?name { UNDEF }`` lines), for ``--list`` and the query forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAM = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")
_CYPHER_PARAM = re.compile(r"\$(\w+)")


@dataclass(frozen=True, slots=True)
class QueryInfo:
    name: str
    title: str
    """The first sentence of the description."""
    description: str
    """The whole leading comment block, lines joined (blank comment lines end paragraphs)."""
    parameters: tuple[str, ...]
    text: str


def describe(name: str, text: str, comment: str = "#") -> QueryInfo:
    """The description and parameters of query ``text`` whose comments start with ``comment``."""
    lines: list[str] = []
    for ln in text.splitlines():
        s = ln.strip()
        if not s:
            if lines:
                break
            continue
        if not s.startswith(comment):
            break
        lines.append(s[len(comment):].strip())
    paragraphs, cur = [], []
    for ln in lines:
        if ln:
            cur.append(ln)
        elif cur:
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    description = "\n".join(paragraphs)
    first = paragraphs[0] if paragraphs else ""
    m = re.search(r"(?<=[.。])\s", first)
    title = first[: m.start()] if m else first
    pattern = _PARAM if comment == "#" else _CYPHER_PARAM
    params = tuple(dict.fromkeys(pattern.findall(_strip_comments(text, comment))))
    return QueryInfo(name, title, description, params, text)


def _strip_comments(text: str, comment: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if not ln.strip().startswith(comment))


def sparql_library() -> list[QueryInfo]:
    from kg.store import library_queries

    return [describe(n, t, "#") for n, t in library_queries().items()]


def cypher_library() -> list[QueryInfo]:
    from kg.neo4j_store import library_queries

    return [describe(n, t, "//") for n, t in library_queries().items()]


def json_rows(doc: dict) -> list[dict]:
    """The rows of a SPARQL 1.1 JSON results document as the Python values
    :func:`kg.store.run_query` gives (``kg.store.python_value`` of each term; unbound:
    None), so an endpoint's answer compares with ``kg sparql``'s row for row."""
    import pyoxigraph as ox

    from kg.store import python_value

    def term(b: dict):
        if b["type"] == "uri":
            return ox.NamedNode(b["value"])
        if b["type"] == "bnode":
            return ox.BlankNode(b["value"])
        if "xml:lang" in b:
            return ox.Literal(b["value"], language=b["xml:lang"])
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]) if "datatype" in b else None)

    names = doc["head"]["vars"]
    return [{v: python_value(term(b[v])) if v in b else None for v in names} for b in doc["results"]["bindings"]]


__all__ = ["QueryInfo", "describe", "json_rows", "sparql_library", "cypher_library"]
