"""pyoxigraph (kg.store) vs rdflib in memory, on the graph kg builds from ../shared/corpus.

Measures, side by side in one run (each side in a fresh process, sides alternated,
``--repeat`` times): the time to load the dump (N-Triples and Turtle), the resident memory
the loaded graph takes (RSS after minus before loading), and the time of SPARQL queries
(an aggregate and a provenance join). Prints a table of medians and rdflib/oxigraph
ratios and writes bench/results/store.json.

    .venv/bin/python bench/bench_store.py [--repeat 3] [--corpus DIR]

The dump is built once with ``kg.export.build_dump`` and cached in $KG_BENCH_CACHE
(default /tmp/kg-bench/corpus).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, SHARED, child, emit, median, ratio, rss_mb, table, versions, write_results  # noqa: E402

PREFIXES = """PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sosa: <http://www.w3.org/ns/sosa/>
"""
QUERIES = {
    # aggregate: observations and distinct indicators per government
    "aggregate": PREFIXES + """SELECT ?gov (COUNT(?o) AS ?observations) (COUNT(DISTINCT ?ind) AS ?indicators)
WHERE { ?o a kg:Observation ; kg:government ?gov ; sosa:observedProperty ?ind . }
GROUP BY ?gov ORDER BY DESC(?observations)""",
    # provenance join: every target with the sentence it comes from (observation → span → sentence)
    "provenance": PREFIXES + """SELECT ?o ?label ?sentence
WHERE { ?o a kg:TargetObservation ; rdfs:label ?label ; kg:span/kg:inSentence/kg:text ?sentence . }""",
    # class counts over the whole graph
    "classes": PREFIXES + """SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class""",
}
ENGINES = ("oxigraph", "rdflib")


def dumps(corpus: Path) -> dict[str, Path]:
    """graph.nt built by kg from the corpus, and the same graph as Turtle (cached)."""
    out = CACHE / "corpus"
    nt, ttl = out / "graph.nt", out / "graph.ttl"
    if not nt.is_file():
        from kg.export import build_dump

        print(f"building the corpus graph from {corpus} (once) …", file=sys.stderr)
        build_dump([corpus], out, "nt")
    if not ttl.is_file():
        import pyoxigraph as ox

        from kg.store import DEFAULT_PREFIXES

        ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), str(ttl),
                     ox.RdfFormat.TURTLE, prefixes=DEFAULT_PREFIXES)
    return {"nt": nt, "ttl": ttl}


def run_child(engine: str, path: str) -> None:
    import gc

    if engine == "oxigraph":
        from kg import store as kgstore
    else:
        from kg.pipeline import load_graph
    gc.collect()
    before, _ = rss_mb()
    t0 = time.perf_counter()
    if engine == "oxigraph":
        st = kgstore.memory_store([path])
        size = len(st)
    else:
        g = load_graph([path])
        size = len(g)
    load_s = time.perf_counter() - t0
    gc.collect()
    after, _ = rss_mb()
    res = {"engine": engine, "triples": size, "load_s": load_s, "rss_mb": after - before}
    for name, q in QUERIES.items():
        t0 = time.perf_counter()
        if engine == "oxigraph":
            n = len(kgstore.run_query(st, q))
        else:
            n = len(list(g.query(q)))
        res[f"{name}_s"] = time.perf_counter() - t0
        res[f"{name}_rows"] = n
    _, peak = rss_mb()
    res["peak_rss_mb"] = peak
    emit(res)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--formats", nargs="+", default=["nt", "ttl"])
    ap.add_argument("--child", nargs=2, metavar=("ENGINE", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(*args.child)
        return
    files = dumps(args.corpus)
    runs: dict[tuple[str, str], list[dict]] = {}
    for i in range(args.repeat):
        for fmt in args.formats:
            order = ENGINES if i % 2 == 0 else ENGINES[::-1]
            for engine in order:
                r = child(__file__, engine, str(files[fmt]))
                runs.setdefault((fmt, engine), []).append(r)
                print(f"  run {i + 1}/{args.repeat} {fmt} {engine}: load {r['load_s']:.2f}s", file=sys.stderr)
    # both engines must give the same answers (kg.store also loads kg's ontology, so the
    # oxigraph side holds a few hundred triples more and more classes)
    for fmt in args.formats:
        a, b = runs[(fmt, "oxigraph")][0], runs[(fmt, "rdflib")][0]
        for k in ("aggregate_rows", "provenance_rows"):
            if a[k] != b[k]:
                raise SystemExit(f"engines disagree on {k} ({fmt}): oxigraph {a[k]}, rdflib {b[k]}")
    rows, summary = [], {}
    metrics = [("load_s", "load (s)"), ("rss_mb", "graph RSS (MiB)"), *((f"{q}_s", f"query {q} (s)") for q in QUERIES),
               ("peak_rss_mb", "peak RSS (MiB)")]
    for fmt in args.formats:
        for key, label in metrics:
            ox_v, rl_v = median(runs[(fmt, "oxigraph")], key), median(runs[(fmt, "rdflib")], key)
            rows.append([f"{fmt}: {label}", ox_v, rl_v, ratio(rl_v, ox_v)])
            summary[f"{fmt}.{key}"] = {"oxigraph": ox_v, "rdflib": rl_v, "rdflib_over_oxigraph": ratio(rl_v, ox_v)}
    first = runs[(args.formats[0], "rdflib")][0]
    extra = runs[(args.formats[0], "oxigraph")][0]["triples"] - first["triples"]
    print(f"corpus graph: {first['triples']:,} triples from {args.corpus} (+{extra} ontology triples in"
          f" kg.store); medians of {args.repeat} runs")
    print(table(rows, ["measure", "oxigraph", "rdflib", "rdflib / oxigraph"]))
    path = write_results("store", {
        "corpus": str(args.corpus), "triples": first["triples"], "ontology_triples_in_store": extra,
        "repeat": args.repeat,
        "dump_bytes": {f: files[f].stat().st_size for f in args.formats},
        "query_rows": {q: first[f"{q}_rows"] for q in QUERIES},
        "queries": QUERIES, "versions": versions("pyoxigraph", "rdflib"),
        "summary": summary, "runs": {f"{f}.{e}": r for (f, e), r in runs.items()},
    })
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
