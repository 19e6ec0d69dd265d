"""`kg serve`: the graph on the web (SPARQL endpoint, dereferenceable IRIs, HTML pages)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, fail
from kg.errors import KgError


@app.command("serve")
def serve_command(
    store: Annotated[Optional[Path], typer.Option("--store", help="A store folder made by kg build --store (opened read-only).")] = None,
    data: Annotated[Optional[list[Path]], typer.Option("--data", help="RDF dump file(s) to serve instead of a store (repeatable; also offered for download).")] = None,
    dump: Annotated[Optional[list[Path]], typer.Option("--dump", help="A dump file to offer for download and name in the VoID (repeatable) [default: the graph.* kg build wrote beside the store folder].")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only; put a reverse proxy in front to publish).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    base_iri: Annotated[Optional[str], typer.Option("--base-iri", envvar="KG_BASE_IRI", help="The base IRI the data was built with; a request for /PATH answers for BASE+PATH [default: https://kg.example.org/].")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may run before it is stopped.")] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Largest answer (rows, or triples) the endpoint returns.")] = 100_000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Query worker processes (queries answered at once).")] = 2,
) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, every IRI as Turtle, JSON-LD or HTML.

    Read-only: updates and SERVICE are refused. Ctrl-C stops it.
    """
    from kg.iri import resolve_base_iri
    from kg.serve import ServeConfig, serve
    from kg.store import load_store, open_store

    if (store is None) == (not data):
        fail("give either a store folder (--store DIR) or dump files (--data FILE...)")
    dumps = tuple(dump or ()) + tuple(data or ())
    if store is not None and not dumps:  # kg build's layout: OUT/graph.<fmt> beside OUT/store
        dumps = tuple(sorted(p for p in store.resolve().parent.glob("graph.*")
                             if p.suffix in (".ttl", ".nt", ".jsonld", ".trig")))
    for d in dumps:
        if not d.is_file():
            fail(f"{d}: no such file")
    tmp = None
    try:
        base = resolve_base_iri(base_iri)
        if store is None:
            tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            print(f"kg: loading {len(data or ())} dump file(s) …", file=sys.stderr)
            load_store(tmp / "store", list(data or ()))
            store = tmp / "store"
        else:
            open_store(store)  # fail early, with one line, on a folder that holds no store
        config = ServeConfig(store=store, base_iri=base, timeout=timeout, max_rows=max_rows, workers=workers,
                             dumps=dumps)
        def announce(bound: int) -> None:
            url = f"http://{host}:{bound}"
            print(f"kg: serving {store} at {url}/ (SPARQL: {url}/sparql; IRIs under {base}); Ctrl-C stops",
                  file=sys.stderr, flush=True)

        serve(config, host=host, port=port, announce=announce)
    except KgError as exc:
        fail(str(exc))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
