"""The graph as CSV files for ``neo4j-admin database import full``: the offline path for
the first load of a big corpus (no transactions; the import tool writes the store files).

The property graph is the one ``kg load`` makes (:func:`kg.neo4j_store.graph_to_rows`:
same labels, property names, native types and relationship types), so a database imported
from these files exports (``kg export --from-neo4j``) to the same RDF as one loaded with
``kg load``. Layout (all UTF-8, header line first):

* ``nodes-NNNN.csv``: ``iri:ID``, ``:LABEL`` and one typed column per property
  (``label_zh:string``, ``plan_year:long``, ``aliases:string[]``…); nodes are grouped
  into files by their set of typed columns, since a CSV file has one header;
* ``rels-<TYPE>.csv``: ``:START_ID``, ``:END_ID`` (and ``iri`` for ``RELATED``).

Arrays use U+001F (unit separator) between elements, fields may span lines;
:func:`import_arguments` gives the matching command line. Neo4j's uniqueness constraint on
``Resource.iri`` is not made by the import: the first ``kg load`` (or ``CREATE CONSTRAINT
resource_iri …``) adds it.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import InputError

ARRAY_DELIMITER = "\x1f"
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (dt.date, "date"), (str, "string"))


def _type(value: Any) -> str:
    for t, name in _TYPES:
        if isinstance(value, t):
            return name
    raise InputError(f"a property value of type {type(value).__name__} has no neo4j-admin CSV type")


def _column(key: str, value: Any) -> str:
    """``name:type`` (the import tool splits a header entry at its last ':', so a name that
    is a full IRI keeps its colons)."""
    if isinstance(value, list):
        kinds = {_type(v) for v in value}
        kind = kinds.pop() if len(kinds) == 1 else "string"
        return f"{key}:{kind}[]"
    return f"{key}:{_type(value)}"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        parts = [_cell(v) for v in value]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise InputError("a list value holds U+001F, the CSV array delimiter")
        return ARRAY_DELIMITER.join(parts)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_neo4j_csv(graph: Graph, out: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as neo4j-admin import CSVs into the folder ``out``; returns the files."""
    from kg.neo4j_store import GENERIC_REL, graph_to_rows

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    pg = graph_to_rows(graph)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    columns_of: dict[str, dict[str, str]] = {}
    for iri in sorted(pg.nodes):
        cols = {k: _column(k, v) for k, v in sorted(pg.nodes[iri].items()) if k != "iri"}
        columns_of[iri] = cols
        groups[tuple(cols.values())].append(iri)
    files: list[Path] = []
    for i, header in enumerate(sorted(groups), 1):
        path = out_dir / f"nodes-{i:04d}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["iri:ID", ":LABEL", *header])
            for iri in groups[header]:
                props = pg.nodes[iri]
                labels = ARRAY_DELIMITER.join(["Resource", *sorted(pg.labels.get(iri, ()))])
                w.writerow([iri, labels, *(_cell(props[k]) for k in columns_of[iri])])
        files.append(path)
    for typ in sorted(pg.rels):
        path = out_dir / f"rels-{typ}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            generic = typ == GENERIC_REL
            w.writerow([":START_ID", ":END_ID", *(["iri"] if generic else [])])
            for r in pg.rels[typ]:
                w.writerow([r["s"], r["o"], *([r["p"]] if generic else [])])
        files.append(path)
    return files


def import_arguments(files: list[Path], database: str = "neo4j") -> list[str]:
    """The arguments after ``neo4j-admin`` that import ``files`` into an empty ``database``."""
    # the database name first: --nodes/--relationships take any number of files after them
    args = ["database", "import", "full", database, "--array-delimiter=U+001F", "--multiline-fields=true",
            "--id-type=string", "--overwrite-destination=true"]
    for f in files:
        if f.name.startswith("nodes-"):
            args.append(f"--nodes={f}")
        else:
            args.append(f"--relationships={f.stem[len('rels-'):]}={f}")
    return args


def admin_import(files: list[Path], home: str | os.PathLike[str], database: str = "neo4j",
                 timeout: float = 1800) -> str:
    """Run ``neo4j-admin database import full`` from the jars kg fetches from Maven Central
    (``neo4j-import-tool``, entry point ``org.neo4j.cli.AdminTool``) into the Neo4j home
    ``home`` (``home/data/databases/<database>``, the layout ``kg server start --data HOME``
    serves). Returns the tool's output; raises StoreError when it fails."""
    import subprocess

    from kg.errors import StoreError
    from kg.neo4jserver import fetch
    from kg.neo4jserver.process import find_java

    lib = fetch()
    h = Path(home).resolve()
    (h / "conf").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEO4J_HOME": str(h), "NEO4J_CONF": str(h / "conf")}
    cmd = [find_java(), "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", *import_arguments(files, database)]
    try:
        proc = subprocess.run(cmd, env=env, cwd=h, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(f"neo4j-admin import did not run: {exc}") from exc
    if proc.returncode != 0 or "IMPORT DONE" not in proc.stdout + proc.stderr:
        lines = [ln for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip() and not ln.startswith("\tat ")]
        raise StoreError(f"neo4j-admin import failed: {lines[0] if lines else proc.returncode}")
    return proc.stdout
