"""The researchers' query library: one question per .rq (SPARQL) / .cypher (Cypher) file.

The files are data; these two functions are the one place that reads them, for the
SPARQL store (`kg.store`) and the Neo4j store (`kg.neo4j_store`) alike.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from kg.errors import InputError

LANGUAGES = {".rq": "SPARQL", ".cypher": "Cypher"}


def library(suffix: str) -> dict[str, str]:
    """name → query text of every library query with ``suffix`` (".rq" or ".cypher")."""
    out = {}
    for entry in sorted(files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(suffix):
            out[entry.name[: -len(suffix)]] = entry.read_text(encoding="utf-8")
    return out


def read(query_or_file: str, suffix: str) -> str:
    """The query text: a file's content when ``query_or_file`` names an existing file, a
    library query by name (``plan_year_targets`` or ``plan_year_targets.rq``), else the
    string itself (a query written out)."""
    if len(query_or_file) < 4096 and "\n" not in query_or_file:
        path = Path(query_or_file)
        if path.is_file():
            return path.read_text(encoding="utf-8")
        name = query_or_file if query_or_file.endswith(suffix) else query_or_file + suffix
        entry = files(__name__) / name
        if "/" not in name and entry.is_file():
            return entry.read_text(encoding="utf-8")
        if query_or_file.endswith(suffix):
            raise InputError(f"{query_or_file}: no such {LANGUAGES[suffix]} file or library query")
    return query_or_file
