"""Neo4j load time by batch size (kg.neo4j_store.load_graph), against a real server.

Starts a throw-away Neo4j 5 Community server with kg.neo4jserver (as ``kg server start``
does; Java 17 + the jars from ``kg server fetch``), or uses NEO4J_URI/NEO4J_PASSWORD when
set. Loads the same graph (reports from ../shared/corpus, built by kg, plus kg's ontology)
into an emptied database with each batch size, sizes alternated, ``--repeat`` times, and
reports the median seconds, triples per second and the ratio to the default batch size
(1000). The reload of an already loaded graph (idempotent: nothing created) is timed too.
One untimed load first warms the server up (JIT, the uniqueness constraint).

    .venv/bin/python bench/bench_neo4j.py [--batch-sizes 100 1000 5000] [--repeat 2] [REPORT ...]

Not measured: an n10s (neosemantics) Turtle import for comparison — the plugin jar is not
on Maven Central (see docs/BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, median, ratio, table, versions, write_results  # noqa: E402

PASSWORD = "kg-bench-password"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="*", type=Path,
                    default=[SHARED / "corpus" / f for f in
                             ("district-luohu-2023.txt", "city-sanya-2024.txt", "national-china-2024.txt")])
    ap.add_argument("--batch-sizes", nargs="+", type=int, default=[100, 1000, 5000])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    from kg import neo4j_store, neo4jserver, pipeline

    graph = pipeline.load_graph(args.reports) + neo4j_store.ontology_graph()
    t0 = time.perf_counter()
    pg = neo4j_store.graph_to_rows(graph)
    to_rows_s = time.perf_counter() - t0
    server = None
    if os.environ.get("NEO4J_URI"):
        settings = neo4j_store.Neo4jSettings.from_env()
    else:
        print("starting a throw-away Neo4j …", file=sys.stderr)
        server = neo4jserver.start(password=PASSWORD)
        settings = neo4j_store.Neo4jSettings(uri=server.uri, user=server.user, password=PASSWORD)
    runs: dict[int, list[dict]] = {b: [] for b in args.batch_sizes}
    try:
        driver = neo4j_store.connect(settings)
        try:
            # warm-up (untimed): the first load also creates the constraint and warms the JVM
            neo4j_store.load_graph(graph, settings, batch_size=1000, wipe=True, driver=driver)
            for i in range(args.repeat):
                sizes = args.batch_sizes if i % 2 == 0 else args.batch_sizes[::-1]
                for b in sizes:
                    with driver.session(database=settings.database) as s:
                        s.run(neo4j_store.WIPE).consume()
                    t0 = time.perf_counter()
                    summary = neo4j_store.load_graph(graph, settings, batch_size=b, driver=driver)
                    load_s = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    again = neo4j_store.load_graph(graph, settings, batch_size=b, driver=driver)
                    reload_s = time.perf_counter() - t0
                    if again.nodes_created or again.relationships_created:
                        raise SystemExit(f"reload created {again.nodes_created} nodes: not idempotent")
                    runs[b].append({"load_s": load_s, "reload_s": reload_s, "batches": summary.batches,
                                    "nodes_created": summary.nodes_created,
                                    "relationships_created": summary.relationships_created})
                    print(f"  run {i + 1}/{args.repeat} batch {b}: load {load_s:.1f}s, reload {reload_s:.1f}s",
                          file=sys.stderr)
        finally:
            driver.close()
    finally:
        if server is not None:
            neo4jserver.stop(server)
    base = 1000 if 1000 in runs else args.batch_sizes[0]
    base_s = median(runs[base], "load_s")
    rows, summary_out = [], {}
    for b in args.batch_sizes:
        load_s, reload_s = median(runs[b], "load_s"), median(runs[b], "reload_s")
        rows.append([b, runs[b][0]["batches"], load_s, round(len(graph) / load_s), ratio(load_s, base_s), reload_s])
        summary_out[str(b)] = {"load_s": load_s, "triples_per_s": round(len(graph) / load_s),
                               f"time_over_batch_{base}": ratio(load_s, base_s), "reload_s": reload_s,
                               "batches": runs[b][0]["batches"]}
    print(f"{len(graph):,} triples ({len(pg.nodes):,} nodes, {pg.relationship_count():,} relationships) from "
          f"{', '.join(p.name for p in args.reports)} + ontology; rows built in {to_rows_s:.1f}s; "
          f"medians of {args.repeat}")
    print(table(rows, ["batch size", "batches", "load (s)", "triples/s", f"time / batch {base}", "reload (s)"]))
    path = write_results("neo4j", {
        "reports": [str(p) for p in args.reports], "triples": len(graph), "nodes": len(pg.nodes),
        "relationships": pg.relationship_count(), "graph_to_rows_s": to_rows_s, "repeat": args.repeat,
        "server": "kg.neo4jserver (Neo4j 5.26 Community, heap 1g, page cache 256 MiB)" if server else settings.uri,
        "versions": versions("neo4j"), "summary": summary_out, "runs": {str(b): r for b, r in runs.items()},
        "n10s": "not measured: org.neo4j:neosemantics:5.26.0 is not on Maven Central",
    })
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
