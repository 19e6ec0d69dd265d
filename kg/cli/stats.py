"""`kg stats`: counts, most connected places and programmes, components (networkx)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app
from kg.cli.neo4j import _DATABASE, _PASSWORD, _URI, _USER, graph_from


@app.command("stats")
def stats_command(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Reports, folders of reports, or RDF dumps (.ttl .nt .jsonld .trig)."),
    ] = None,
    from_neo4j: Annotated[bool, typer.Option("--from-neo4j", help="Analyse the graph in Neo4j.")] = False,
    top: Annotated[int, typer.Option(help="How many places and programmes to rank.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed for sampled betweenness on big graphs.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False,
    uri: Annotated[str, _URI] = "bolt://localhost:7687",
    user: Annotated[str, _USER] = "neo4j",
    password: Annotated[str | None, _PASSWORD] = None,
    database: Annotated[str, _DATABASE] = "neo4j",
) -> None:
    """Graph statistics: triples and nodes by class, relationships, the most connected
    places and programmes (degree, betweenness) and connected components."""
    from kg.analysis import graph_stats

    graph = graph_from(inputs, from_neo4j, (uri, user, password, database))
    s = graph_stats(graph, top=top, seed=seed)
    if as_json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return
    print(f"triples {s['triples']}, nodes {s['nodes']}, edges {s['edges']}")
    print("by class:")
    for k, v in s["by_class"].items():
        print(f"  {v:8d}  {k}")
    print("by relationship:")
    for k, v in s["by_relationship"].items():
        print(f"  {v:8d}  {k}")
    net = s["entity_network"]
    print(f"entity network: {net['nodes']} named things, {net['edges']} links "
          "(co-mention in a sentence, stated relations)")
    for group in ("places", "programmes"):
        for measure in ("by_degree", "by_betweenness"):
            rows = s[group][measure]
            print(f"{group} {measure.replace('_', ' ')}:")
            for r in rows:
                print(f"  {r['score']:>10}  {r['label']}")
    c = s["components"]
    print(f"components: {c['count']} (largest {c['largest'][:5]}, isolated {c['isolated']})")
