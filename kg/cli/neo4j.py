"""`kg load`, `kg cypher`, `kg export --from-neo4j`: Neo4j as a view of the triples."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.app import TableFormat, app, fail

_URI = typer.Option("--uri", envvar="NEO4J_URI", show_envvar=True,
                    help="Bolt URI: bolt://host:7687, neo4j://host (routing, clusters), neo4j+s:// (Aura).")
_USER = typer.Option("--user", envvar="NEO4J_USER", show_envvar=True, help="User name.")
_PASSWORD = typer.Option("--password", envvar="NEO4J_PASSWORD", show_envvar=True, show_default=False,
                         help="Password (prefer the environment variable: command lines are visible).")
_DATABASE = typer.Option("--database", envvar="NEO4J_DATABASE", show_envvar=True, help="Database name.")


def _settings(uri: str, user: str, password: str | None, database: str):
    from dataclasses import replace

    from kg.neo4j_store import Neo4jSettings, local_password

    settings = Neo4jSettings(uri=uri, user=user, password=password or None, database=database)
    if settings.password is None:  # a server `kg server start` started here: its password
        settings = replace(settings, password=local_password(settings.uri, settings.user))
    return settings


@app.command("load")
def load_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Reports, folders of reports, or RDF dumps (.ttl .nt .jsonld .trig .nq).",
                       show_default=False),
    ],
    uri: Annotated[str, _URI] = "bolt://localhost:7687",
    user: Annotated[str, _USER] = "neo4j",
    password: Annotated[str | None, _PASSWORD] = None,
    database: Annotated[str, _DATABASE] = "neo4j",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per write transaction.")] = 2000,
    wipe: Annotated[bool, typer.Option("--wipe", help="Delete every Resource node first.")] = False,
    base_iri: Annotated[str | None, typer.Option("--base-iri", envvar="KG_BASE_IRI",
                                                 help="Base IRI for reports built on the way.")] = None,
    ontology: Annotated[bool, typer.Option(
        "--ontology/--no-ontology",
        help="Also load kg's ontology (class hierarchy, notations the query library uses).")] = True,
    skip_unchanged: Annotated[bool, typer.Option(
        "--skip-unchanged/--reload-all",
        help="Skip the reports of dumps whose triples Neo4j already holds (a content key per report, kept "
             "on a KgLoad node): a reload of unchanged data reads the files but writes almost nothing.")] = True,
) -> None:
    """Load triples into Neo4j: one node per IRI, labels from rdf:type, typed properties.

    Idempotent (loading twice creates nothing) and resumable (re-run a load that was cut off).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.neo4j_store import load_inputs

    settings = _settings(uri, user, password, database)
    with Progress(
        TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TextColumn("batches"),
        TimeElapsedColumn(), console=_stderr_console(), transient=True,
    ) as bar:
        task = bar.add_task("load", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = load_inputs(list(inputs), settings, base_iri=base_iri, ontology=ontology, batch_size=batch_size,
                             wipe=wipe, skip_unchanged=skip_unchanged, progress=progress)
    summary = result.load
    print(
        f"kg: loaded {summary.triples} triples into {settings.uri} (database {settings.database}): "
        f"{summary.nodes} nodes ({summary.nodes_created} created), "
        f"{summary.relationships} relationships ({summary.relationships_created} created), "
        f"{summary.properties_set} properties set, {summary.labels_added} labels added, "
        f"{summary.batches} batches in {summary.seconds:.1f} s"
        + (f"; {len(result.skipped)} of {result.reports} report(s) unchanged, skipped" if result.skipped else ""),
        file=sys.stderr,
    )


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _param(text: str) -> tuple[str, Any]:
    if "=" not in text:
        fail(f"--param {text!r}: write it as name=value")
    key, raw = text.split("=", 1)
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw  # a bare string
    return key.strip(), value


@app.command("cypher")
def cypher_command(
    query: Annotated[str, typer.Argument(
        help="Cypher text, a .cypher file, or the name of a library query (see --list).",
        show_default=False)] = "",
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="Query parameter name=value (value read as JSON if it parses).")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
    list_queries: Annotated[bool, typer.Option("--list", help="List the library's queries and exit.")] = False,
    uri: Annotated[str, _URI] = "bolt://localhost:7687",
    user: Annotated[str, _USER] = "neo4j",
    password: Annotated[str | None, _PASSWORD] = None,
    database: Annotated[str, _DATABASE] = "neo4j",
) -> None:
    """Run a Cypher query (read-only routing) and print the rows on stdout."""
    from kg.neo4j_store import read_cypher, run_cypher

    if list_queries:
        from kg.cli.tables import print_query_list
        from kg.serve.library import cypher_library

        print_query_list(cypher_library())
        return
    if not query:
        fail("give a query (text, .cypher file or library name) or --list")
    params = dict(_param(p) for p in (param or []))
    result = run_cypher(read_cypher(query), _settings(uri, user, password, database), params)
    _print_rows(result.columns, result.rows, fmt)


def _print_rows(columns: list[str], rows: list[list[Any]], fmt: TableFormat) -> None:
    from kg.cli.tables import print_rows

    print_rows(columns, rows, fmt)
    print(f"({len(rows)} rows)", file=sys.stderr)


class RdfFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    csv = "csv"
    neo4j_csv = "neo4j-csv"


_RDFLIB = {RdfFormat.ttl: "turtle", RdfFormat.nt: "nt", RdfFormat.jsonld: "json-ld"}


def graph_from(inputs: list[Path] | None, from_neo4j: bool, settings_args: tuple):
    """The rdflib graph a command works on: read back from Neo4j, or built from reports
    and dumps (kg.pipeline.load_graph)."""
    from kg.rdf import bind_prefixes

    if from_neo4j:
        if inputs:
            fail("give either input files or --from-neo4j, not both")
        from kg.neo4j_store import export_graph

        return bind_prefixes(export_graph(_settings(*settings_args)))
    if not inputs:
        fail("nothing to read: name reports or RDF dumps, or use --from-neo4j")
    from kg.pipeline import load_graph

    return load_graph(inputs)


@app.command("export")
def export_command(
    inputs: Annotated[list[Path] | None, typer.Argument(
        help="Reports, folders of reports or RDF dumps (or use --from-neo4j).")] = None,
    from_neo4j: Annotated[bool, typer.Option("--from-neo4j", help="Read the graph back from Neo4j.")] = False,
    fmt: Annotated[RdfFormat, typer.Option("--format", "-f", help="RDF syntax, graphml, or neo4j-csv (CSV files for 'neo4j-admin database import full': the offline first load of a big corpus; --out names a folder).")] = RdfFormat.ttl,
    out: Annotated[str, typer.Option("--out", "-o", help="Output file ('-' = stdout); a folder for neo4j-csv.")] = "-",
    uri: Annotated[str, _URI] = "bolt://localhost:7687",
    user: Annotated[str, _USER] = "neo4j",
    password: Annotated[str | None, _PASSWORD] = None,
    database: Annotated[str, _DATABASE] = "neo4j",
    entities: Annotated[bool, typer.Option("--entities", help="Write the entity network (places, programmes, organisations, policies, sectors; relation and co-mention edges) as -f graphml (the default) or -f csv (edges; NAME.nodes.csv beside).")] = False,
) -> None:
    """Write the graph of reports/dumps, or the Neo4j graph read back (isomorphic to what
    `kg load` loaded), as RDF — or as GraphML for network tools (the networkx view)."""
    graph = graph_from(inputs, from_neo4j, (uri, user, password, database))
    if entities or fmt is RdfFormat.csv:
        from kg.network import entity_network, summary, write_network

        if not entities:
            fail("-f csv is for --entities (the entity network's edge list)")
        if fmt not in (RdfFormat.graphml, RdfFormat.csv):  # an RDF syntax: take the file name's word
            fmt = RdfFormat.csv if out.endswith(".csv") else RdfFormat.graphml
        net = entity_network(graph)
        written = write_network(net, fmt.value, out)
        print(f"kg: {summary(net)}" + (f"; wrote {', '.join(written)}" if written else ""), file=sys.stderr)
        return
    if fmt is RdfFormat.neo4j_csv:
        from kg.neo4j_csv import import_arguments, write_neo4j_csv

        if out == "-":
            fail("-f neo4j-csv writes a folder of CSV files: give --out DIR")
        files = write_neo4j_csv(graph, out)
        print(f"kg: wrote {len(files)} CSV files to {out}; import them into an empty database with:\n"
              f"  neo4j-admin {' '.join(import_arguments(files, database))}", file=sys.stderr)
        return
    if fmt is RdfFormat.graphml:
        import networkx as nx

        from kg.analysis import to_networkx

        nxg = to_networkx(graph)
        if out == "-":
            nx.write_graphml(nxg, sys.stdout.buffer)
        else:
            from kg.atomic import atomic_open

            with atomic_open(out, "wb") as f:
                nx.write_graphml(nxg, f)
            print(f"kg: wrote {nxg.number_of_nodes()} nodes, {nxg.number_of_edges()} edges to {out}",
                  file=sys.stderr)
        return
    text = graph.serialize(format=_RDFLIB[fmt])
    if out == "-":
        sys.stdout.write(text)
    else:
        from kg.atomic import write_text

        write_text(out, text)
        print(f"kg: wrote {len(graph)} triples to {out}", file=sys.stderr)
