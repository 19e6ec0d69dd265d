"""`kg build`, `kg validate`, `kg sparql`: RDF dumps, SHACL checks and SPARQL without a server."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import TableFormat, app, fail, warn
from kg.errors import KgError


class RdfFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"
    nq = "nq"


_PHASE = {"analyse": "analyse", "write": "write", "store": "store", "validate": "validate"}


def progress_bars():
    """Rich progress bars on stderr with an ETA, one per phase (reports, bytes, shapes),
    and the callback ``progress(phase, done, total)`` the library functions take."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("eta"), TimeRemainingColumn(), transient=True, console=Console(file=sys.stderr),
                   disable=not sys.stderr.isatty())  # no bar in logs and pipes
    tasks: dict[str, object] = {}

    def progress(phase: str, done: int, total: int) -> None:
        if phase not in tasks:
            tasks[phase] = bar.add_task(_PHASE.get(phase, phase), total=total)
        bar.update(tasks[phase], completed=done, total=total)

    return bar, progress


@app.command("build")
def build_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Report files or folders of them (*.txt, *.html; folders are searched recursively).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", help="Folder for graph.<fmt> and void.ttl; '-' writes the dump to stdout.")] = ".",
    fmt: Annotated[RdfFormat, typer.Option("--format", "-f", help="ttl (Turtle), nt (N-Triples), trig / nq (a named graph per report) — all four streamed by pyoxigraph; jsonld (JSON-LD with kg's context, held in memory).")] = RdfFormat.ttl,
    base_iri: Annotated[Optional[str], typer.Option("--base-iri", envvar="KG_BASE_IRI", help="Namespace of the data IRIs [default: https://kg.example.org/].")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Also load the dump into a local pyoxigraph store in this folder (emptied first).")] = None,
    license: Annotated[str, typer.Option("--license", help="License IRI stated in void.ttl.")] = "https://creativecommons.org/publicdomain/zero/1.0/",
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help="Check each report's graph against ontology/shapes.ttl in the workers (exit 1 if one fails). On by default, so no graph is published unchecked: with the default engine (the shapes compiled to SPARQL, run by pyoxigraph) it costs a few per cent of the build, where pySHACL cost about half.")] = True,
    shacl_engine: Annotated[str, typer.Option("--shacl-engine", help="sparql (default: the shapes as SPARQL queries, pyoxigraph) or pyshacl (the reference implementation, ~5x slower).")] = "sparql",
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip reports that cannot be read (with a warning) instead of stopping.")] = False,
    sample: Annotated[bool, typer.Option("--sample", help="Also build kg's bundled synthetic sample report (a try-out without data of your own).")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=0, help="Worker processes analysing reports; 0 = one per core. The output is byte-identical for any number.")] = 0,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", envvar="KG_DASK_SCHEDULER", help="Run the analysis on a Dask cluster (tcp://host:8786; needs the 'dask' extra, the workers see the files at the same paths). Same output as a local build.")] = None,
) -> None:
    """Build one graph from reports and write it with its VoID/DCAT description."""
    from kg.export import build_dump
    from kg.pipeline import sample_report
    from kg.validate import ENGINES
    from kg.vocab import KG

    if shacl_engine not in ENGINES:
        fail(f"--shacl-engine {shacl_engine!r}: use one of {', '.join(ENGINES)}")

    inputs = list(inputs or [])
    if sample:
        inputs.append(sample_report())
    if not inputs:
        fail("no reports given: name report files or folders (or --sample for the bundled sample)")
    bar, progress = progress_bars()
    try:
        with bar:
            summary = build_dump(inputs, out, fmt.value, base_iri=base_iri, store=store, license=license,
                                 keep_going=keep_going, progress=progress, validate=validate,
                                 shacl_engine=shacl_engine, workers=workers or None, scheduler=scheduler)
    except KgError as exc:
        fail(str(exc))
    for path, msg in summary.failed:
        warn(f"{path}: skipped: {msg}")
    for iri, files in summary.collisions:
        warn(f"{len(files)} different files give one report IRI {iri} (same government and year; check their "
             f"metadata): {', '.join(Path(f).name for f in files)}")
    for path, report in summary.invalid:
        warn(f"{path}: does not conform to shapes.ttl:\n{report}")
    ns = str(KG._NS)
    kg_classes = {k[len(ns):]: v for k, v in summary.classes.items() if k.startswith(ns)}
    top = ", ".join(f"{k} {kg_classes[k]}" for k in ("Report", "Sentence", "Observation", "Place", "Mention", "GlossaryTerm") if k in kg_classes)
    print(
        f"kg: built {len(summary.reports)} report(s), {summary.triples} triples ({top}) in {summary.seconds:.1f}s"
        f" on {summary.workers} worker(s)"
        + (f"; wrote {', '.join(summary.files)}" if summary.files else "")
        + (f"; store {summary.store} holds {summary.store_triples} quads" if summary.store else "")
        + (f"; {len(summary.failed)} skipped" if summary.failed else ""),
        file=sys.stderr,
    )
    if summary.invalid:
        print(f"kg: {len(summary.invalid)} report graph(s) failed SHACL validation", file=sys.stderr)
        raise typer.Exit(1)


@app.command("validate")
def validate_command(
    files: Annotated[list[Path], typer.Argument(help="RDF dumps (.ttl, .nt, .jsonld, .trig, .nq), validated together.")],
    shacl_engine: Annotated[str, typer.Option("--shacl-engine", help="sparql (default: streamed into a temporary on-disk store, the shapes run as SPARQL; memory flat in the dump's size) or pyshacl (one rdflib graph in memory, ~1.3 KiB per triple).")] = "sparql",
) -> None:
    """Check RDF dumps against ontology/shapes.ttl: exit 0 conforms, 1 violations, 2 error."""
    from kg.validate import ENGINES, validate_files

    if shacl_engine not in ENGINES:
        fail(f"--shacl-engine {shacl_engine!r}: use one of {', '.join(ENGINES)}")
    bar, progress = progress_bars()
    try:
        with bar:
            conforms, report = validate_files(files, engine=shacl_engine, progress=progress)
    except KgError as exc:
        fail(str(exc))
    if conforms:
        print(f"kg: {', '.join(map(str, files))}: conforms to shapes.ttl", file=sys.stderr)
        return
    print(report)
    print(f"kg: {', '.join(map(str, files))}: does not conform to shapes.ttl (violations above)", file=sys.stderr)
    raise typer.Exit(1)


@app.command("sparql")
def sparql_command(
    query: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file, or the name of a query in kg's library (see --list).")] = "",
    store: Annotated[Optional[Path], typer.Option("--store", help="A store folder made by kg build --store.")] = None,
    data: Annotated[Optional[list[Path]], typer.Option("--data", help="RDF dump file(s) to query instead of a store (repeatable).")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, csv or json.")] = TableFormat.table,
    bind: Annotated[Optional[list[str]], typer.Option("--bind", "-b", help="NAME=VALUE: fill the query's parameter ?NAME (a 'VALUES ?NAME { UNDEF }' line); repeatable.")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List kg's query library and exit.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Run SERVICE clauses (federated queries: this process then sends HTTP requests where the query says).")] = False,
) -> None:
    """Answer a SPARQL query over a local store or dump files, without a server.

    kg's prefixes (kg, rdf, rdfs, skos, dcterms, prov, oa, sosa, qb, …) are predeclared.
    """
    from kg.store import sparql

    if list_queries:
        from kg.cli.tables import print_query_list
        from kg.serve.library import sparql_library

        print_query_list(sparql_library())
        return
    if not query:
        fail("give a query, a .rq file or a library query name (kg sparql --list)")
    params = {}
    for b in bind or ():
        name, sep, value = b.partition("=")
        if not sep or not name.strip():
            fail(f"--bind {b!r}: write NAME=VALUE")
        params[name.strip().lstrip("?")] = value
    try:
        result = sparql(query, store=store, data=tuple(data or ()), params=params, allow_service=allow_service)
    except KgError as exc:
        fail(str(exc))
    from kg.cli.tables import print_rows

    print_rows(result.vars, ([r.get(v) for v in result.vars] for r in result.rows), fmt)
    print(f"kg: {len(result.rows)} row(s)", file=sys.stderr)
