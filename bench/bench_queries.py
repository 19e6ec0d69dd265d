"""The query library's speed: p50/p95 of every SPARQL query (queries/*.rq) on pyoxigraph
stores of two bulk corpus sizes (their ratio shows how each query's cost grows with the
corpus), and of every Cypher query (queries/*.cypher) on a real Neo4j holding the 28
reports of ../shared/corpus. Writes bench/results/<name>.json and the "Library queries"
section of docs/BENCHMARKS.md.

    .venv/bin/python bench/bench_queries.py                # 50 vs all 220 bulk reports; Cypher on the corpus
    .venv/bin/python bench/bench_queries.py --quick        # 3 vs 8 bulk reports; no Cypher
    .venv/bin/python bench/bench_queries.py --queries DIR --name queries-before   # another library (e.g. an old one)
    .venv/bin/python bench/bench_queries.py --before DIR   # kg's library and an older one (DIR), alternately in one run

The dumps are built once by kg (``kg.export.build_dump``) and cached, with their stores,
under $KG_BENCH_CACHE/queries (default /tmp/kg-bench/queries); delete a folder there to
rebuild it. SPARQL runs in a fresh child process per store (``kg.store.run_query``: the whole
answer as Python values, as ``kg sparql`` returns it), CPU time of that process. Cypher
runs through ``kg.neo4j_store.run_cypher`` against a Neo4j started by ``kg.neo4jserver``
and filled by ``kg.neo4j_store.load_inputs`` (what ``kg load`` runs), on the Bolt port
$KG_BENCH_NEO4J_PORT (default: a free one); its cost is the CPU
of this process plus the server JVM's (from /proc), wall time beside it. One untimed run of
each query first (plans cached, pages warm). Benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, ROOT, SHARED, child, emit, ratio, replace_block, table, versions, write_results  # noqa: E402

HERE = CACHE / "queries"
DOC = ROOT / "docs" / "BENCHMARKS.md"
BEGIN, END = "<!-- bench/bench_queries.py: begin -->", "<!-- bench/bench_queries.py: end -->"
PASSWORD = "kg-bench-password"


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


ANCHORED = {
    "indicator_over_years": {"indicator_contains": "生产总值"},
    "programmes_in_area": {"area_contains": "新区"},
    "sections_mentioning_place": {"place_contains": "新区"},
    "targets_vs_outcomes": {"government_contains": "上海"},
    "plan_year_targets": {"government_contains": "上海"},
}
"""SPARQL queries also timed with a parameter bound (genre words: an indicator, a kind of
area), as a user asks them (``kg sparql NAME --bind k=v``); each is a row "NAME[k=v]"."""


def _library(folder: Path | None, suffix: str) -> dict[str, str]:
    """name → text of the library queries (kg's own, or the ``*suffix`` files of ``folder``),
    for SPARQL with the ANCHORED cases after them."""
    if folder is None:
        from kg.queries import library

        lib = library(suffix)
    else:
        lib = {p.stem: p.read_text("utf-8") for p in sorted(folder.glob(f"*{suffix}"))}
    if suffix == ".rq":
        from kg.store import bind_parameters

        for name, params in ANCHORED.items():
            if name in lib:
                label = name + "[" + ",".join(f"{k}={v}" for k, v in params.items()) + "]"
                lib[label] = bind_parameters(lib[name], params)
    return lib


# ----------------------------------------------------------------------------- data


def _once(dest: Path, make) -> Path:
    """``dest``, made by ``make(tmp)`` into a temporary sibling and renamed when whole."""
    if not dest.is_dir():
        tmp = dest.with_name(dest.name + ".part")
        shutil.rmtree(tmp, ignore_errors=True)
        make(tmp)
        tmp.rename(dest)
    return dest


def reports(n: int | None) -> Path:
    """A folder of ``n`` bulk reports spread evenly over its sorted list (None: all of them)."""
    bulk = SHARED / "bulk"
    if n is None:
        return bulk
    from kg.pipeline import report_paths

    paths = list(report_paths([bulk]))
    chosen = paths[:: max(1, len(paths) // n)][:n]

    def copy(tmp: Path) -> None:
        tmp.mkdir(parents=True)
        for p in chosen:
            shutil.copy2(p, tmp / f"{p.parent.name}-{p.name}")

    return _once(HERE / f"reports-{n}", copy)


def _count(folder: Path) -> int:
    from kg.pipeline import report_paths

    return len(list(report_paths([folder])))


def dump(name: str, folder: Path) -> Path:
    """The N-Triples dump kg builds of ``folder`` (on all cores), cached as ``name``."""
    from kg.export import build_dump

    def build(tmp: Path) -> None:
        c0 = time.perf_counter()
        s = build_dump([folder], tmp, "nt", workers=None)
        print(f"  built {name}: {len(s.reports)} reports, {s.triples:,} triples, {time.perf_counter() - c0:.0f} s",
              file=sys.stderr)

    return _once(HERE / name, build) / "graph.nt"


def store(name: str, nt: Path) -> Path:
    """A pyoxigraph store of ``nt`` (as ``kg build --store`` fills it), cached beside it."""
    from kg.store import load_store

    return _once(HERE / f"store-{name}", lambda tmp: load_store(tmp, [nt], replace=True))


# ----------------------------------------------------------------------------- SPARQL


FLOOR_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100000"
"""The per-row floor: the first 100,000 triples of the store, three columns, no join."""


def floor(st) -> dict:
    """CPU µs per row of :data:`FLOOR_QUERY`: pyoxigraph alone (solutions iterated, no term
    read), and the whole ``kg sparql`` path (``kg.store.run_query``: Python values); best of 5."""
    from kg.store import DEFAULT_PREFIXES, run_query

    def engine() -> int:
        return sum(1 for _ in st.query(FLOOR_QUERY, prefixes=DEFAULT_PREFIXES))

    def whole() -> int:
        return len(run_query(st, FLOOR_QUERY))

    out = {}
    for name, fn in (("engine", engine), ("kg", whole)):
        fn()
        best = float("inf")
        for _ in range(5):
            c0 = time.process_time()
            n = fn()
            best = min(best, time.process_time() - c0)
        out[name + "_us_per_row"] = 1e6 * best / max(n, 1)
    out["rows"] = n
    return out


def sparql_child(store_dir: str, repeat: str, folder: str, before: str = "") -> None:
    """Every query of the library: one untimed run, then ``repeat`` timed ones (with
    ``before``, the same query of that older library alternately, run for run)."""
    from pyoxigraph import QueryResultsFormat

    from kg.store import DEFAULT_PREFIXES, open_store, run_query

    st = open_store(store_dir)
    libs = {"after": _library(Path(folder) if folder else None, ".rq")}
    if before:
        libs["before"] = _library(Path(before), ".rq")
    out: dict[str, dict] = {side: {} for side in libs}
    for name in libs["after"]:
        sides = [side for side in libs if name in libs[side]]
        runs = {side: {"rows": len(run_query(st, libs[side][name])), "cpu_s": [], "wall_s": []} for side in sides}
        for _ in range(int(repeat)):
            for side in sides:
                c0, w0 = time.process_time(), time.perf_counter()
                run_query(st, libs[side][name])
                runs[side]["cpu_s"].append(time.process_time() - c0)
                runs[side]["wall_s"].append(time.perf_counter() - w0)
        # the same answer serialised by pyoxigraph in Rust (SPARQL CSV: no Python value per term), for the
        # library only: what an output path without kg.store.run_query's Python values could reach
        runs["after"]["csv_s"] = []
        for _ in range(int(repeat)):
            c0 = time.process_time()
            st.query(libs["after"][name], prefixes=DEFAULT_PREFIXES).serialize(format=QueryResultsFormat.CSV)
            runs["after"]["csv_s"].append(time.process_time() - c0)
        for side in sides:
            out[side][name] = runs[side]
        print(f"    {name}: " + ", ".join(f"{side} {1000 * statistics.median(r['cpu_s']):.0f} ms"
                                          for side, r in runs.items()), file=sys.stderr, flush=True)
    emit({"quads": len(st), "queries": out["after"], "before": out.get("before"), "floor": floor(st)})


def _summary(runs: dict) -> dict:
    return {name: {"rows": r["rows"], "p50_ms": 1000 * statistics.median(r["cpu_s"]),
                   "p95_ms": 1000 * pct(r["cpu_s"], 0.95), "wall_p50_ms": 1000 * statistics.median(r["wall_s"]),
                   **({"csv_p50_ms": 1000 * statistics.median(r["csv_s"])} if r.get("csv_s") else {})}
            for name, r in runs.items()}


def bench_sparql(sizes: list[int | None], repeat: int, folder: Path | None, before: Path | None = None) -> dict:
    out = {}
    for n in sizes:
        label = "all" if n is None else str(n)
        nt = dump(f"bulk-{label}", reports(n))
        r = child(__file__, "sparql", str(store(f"bulk-{label}", nt)), str(repeat), str(folder or ""), str(before or ""))
        out[label] = {"reports": _count(reports(n)), "quads": r["quads"], "queries": _summary(r["queries"]),
                      "floor": r.get("floor")}
        if r.get("before"):
            out[label]["before"] = _summary(r["before"])
        print(f"  SPARQL on {label} bulk reports ({r['quads']:,} quads) done", file=sys.stderr)
    small, large = out[list(out)[0]], out[list(out)[-1]]
    growth = {"quads": ratio(large["quads"], small["quads"]),
              "queries": {name: {"p50": ratio(q["p50_ms"], small["queries"][name]["p50_ms"]),
                                 "rows": ratio(q["rows"], small["queries"][name]["rows"])}
                          for name, q in large["queries"].items()}}
    return {"sizes": out, "growth": growth}


# ----------------------------------------------------------------------------- Cypher


def bench_cypher(repeat: int, folder: Path | None, before: Path | None = None, only: list[str] | None = None) -> dict:
    """The Cypher library on Neo4j holding the corpus graph (loaded as `kg load` does)."""
    from kg.neo4j_store import Neo4jSettings, connect, load_inputs, run_cypher
    from kg.neo4jserver import start

    nt = dump("corpus", SHARED / "corpus")
    server = start(int(os.environ.get("KG_BENCH_NEO4J_PORT", "0")), password=PASSWORD, timeout=900, quick_start=False,
                   heap="1g", pagecache_mb=512)  # port 0: a free one
    try:
        settings = Neo4jSettings(uri=server.uri, user="neo4j", password=PASSWORD, database="neo4j")
        loaded = load_inputs([nt], settings, wipe=True)
        driver = connect(settings)
        libs = {"after": _library(folder, ".cypher")}
        if before is not None:
            libs["before"] = _library(before, ".cypher")
        if only:
            libs = {side: {n: q for n, q in lib.items() if n in only} for side, lib in libs.items()}
        out: dict[str, dict] = {side: {} for side in libs}
        try:
            for name in libs["after"]:
                sides = [side for side in libs if name in libs[side]]
                runs = {side: {"rows": len(run_cypher(libs[side][name], settings, driver=driver).rows),
                               "cpu_s": [], "wall_s": []} for side in sides}
                for _ in range(repeat):
                    for side in sides:
                        c0, s0, w0 = _self_cpu(), _proc_cpu(server.pid), time.perf_counter()
                        run_cypher(libs[side][name], settings, driver=driver)
                        runs[side]["wall_s"].append(time.perf_counter() - w0)
                        runs[side]["cpu_s"].append(_self_cpu() - c0 + _proc_cpu(server.pid) - s0)
                for side in sides:
                    out[side][name] = runs[side]
                print(f"  Cypher {name}: {runs['after']['rows']} rows, " + ", ".join(
                    f"{side} p50 {1000 * statistics.median(r['cpu_s']):.0f} CPU ms" for side, r in runs.items()),
                    file=sys.stderr, flush=True)
        finally:
            driver.close()
    finally:
        server.stop()
    res = {"reports": loaded.reports, "triples": loaded.load.triples, "queries": _summary(out["after"])}
    if "before" in out:
        res["before"] = _summary(out["before"])
    return res


# ----------------------------------------------------------------------------- report


def markdown(res: dict) -> str:
    sp = res["sparql"]
    labels = list(sp["sizes"])
    small, large = sp["sizes"][labels[0]], sp["sizes"][labels[-1]]
    lines = [BEGIN, "", "### Measured by `bench/bench_queries.py`", "",
             f"`bench/bench_queries.py`, run {res['date']}; {res['machine']['cpus']} cores, load average "
             f"{', '.join(map(str, res['machine']['load_average']))} (a shared machine). Raw numbers: "
             f"`bench/results/{res['benchmark']}.json`. CPU milliseconds per query, the whole answer as "
             "`kg sparql` / `kg cypher` return it, after one untimed run."
             + (f" \"before\": the library in `{res['before']}` (`--before`), run alternately with this one on the "
                "same store and server, run for run." if res.get("before") else ""), "",
             ]
    bef = bool(large.get("before"))
    fl = large.get("floor")
    csv = any("csv_p50_ms" in q for q in large["queries"].values())
    if len(labels) == 1:  # one store size (--sizes): no growth columns
        lines += [f"#### SPARQL (pyoxigraph): {large['reports']} bulk reports ({large['quads']:,} quads)", "",
                  "| query | rows | p50 | p95 |" + (" rows × floor |" if fl else "") + (" p50 Rust CSV |" if csv else "")
                  + (" p50 before | p95 before | rows before |" if bef else ""),
                  "|---|---|---|---|" + ("---|" if fl else "") + ("---|" if csv else "") + ("---|---|---|" if bef else "")]
        for name, q in large["queries"].items():
            b = (large.get("before") or {}).get(name)
            lines.append(f"| {name} | {q['rows']} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} |"
                         + (f" {q['rows'] * fl['kg_us_per_row'] / 1000:.1f} |" if fl else "")
                         + (f" {q.get('csv_p50_ms', float('nan')):.1f} |" if csv else "")
                         + (f" {b['p50_ms']:.1f} | {b['p95_ms']:.1f} | {b['rows']} |" if b else (" – | – | – |" if bef else "")))
        worst = max(large["queries"].items(), key=lambda kv: kv[1]["p95_ms"])
        lines += ["", f"Worst p95 on {large['reports']} reports: {worst[1]['p95_ms']:.0f} CPU ms ({worst[0]}). "
                  f"Under 100 ms p95: {sum(q['p95_ms'] <= 100 for q in large['queries'].values())} of "
                  f"{len(large['queries'])}" + (f" (before: {sum(b['p95_ms'] <= 100 for b in large['before'].values())} of "
                                                 f"{len(large['before'])})." if bef else ".")]
    else:
        lines += [
             f"#### SPARQL (pyoxigraph): {small['reports']} vs {large['reports']} bulk reports "
             f"({small['quads']:,} vs {large['quads']:,} quads, **{sp['growth']['quads']}×**)", "",
             f"| query | rows {labels[0]} | p50 {labels[0]} | rows {labels[-1]} | p50 {labels[-1]} | p95 {labels[-1]} "
             "| cost ratio | rows ratio |" + (f" p95 {labels[-1]} before | rows before |" if bef else ""),
             "|---|---|---|---|---|---|---|---|" + ("---|---|" if bef else "")]
        for name, q in large["queries"].items():
            s, g = small["queries"][name], sp["growth"]["queries"][name]
            b = (large.get("before") or {}).get(name)
            lines.append(f"| {name} | {s['rows']} | {s['p50_ms']:.1f} | {q['rows']} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} "
                         f"| {g['p50']} | {g['rows']} |" + (f" {b['p95_ms']:.1f} | {b['rows']} |" if b else
                                                             (" – | – |" if bef else "")))
        worst = max(large["queries"].items(), key=lambda kv: kv[1]["p95_ms"])
        lines += ["", f"Worst p95 on {large['reports']} reports: {worst[1]['p95_ms']:.0f} CPU ms ({worst[0]}). "
                  f"Cost ratio: p50 at {large['reports']} reports over p50 at {small['reports']} (linear growth = "
                  f"{sp['growth']['quads']})."]
    fl = large.get("floor")
    if fl:
        lines += ["", f"Per-row floor on {large['reports']} reports: `{FLOOR_QUERY}` ({fl['rows']:,} rows of three "
                  f"columns, no join) costs {fl['engine_us_per_row']:.1f} CPU µs per row in pyoxigraph alone and "
                  f"{fl['kg_us_per_row']:.1f} through `kg sparql`'s runner (`kg.store.run_query`, Python values). "
                  "A library query pays more per row: an index seek for each value it looks up. \"rows × floor\": "
                  "the least any query returning that many rows can cost (three columns, nothing looked up)."
                  + (" \"p50 Rust CSV\": the same answer serialised by pyoxigraph itself (`QuerySolutions.serialize`, "
                     "SPARQL CSV), no Python value per term: what an output path bypassing `kg.store.run_query` "
                     "could reach." if csv else "")]
    cy = res.get("cypher")
    if cy:
        lines += ["", f"#### Cypher (Neo4j {res['versions'].get('neo4j') or ''}): the {cy['reports']} corpus reports "
                  f"({cy['triples']:,} triples loaded)", "",
                  "CPU of the client plus the server JVM; wall p50 beside it.", "",
                  "| query | rows | p50 CPU ms | p95 CPU ms | p50 wall ms |" + (" p95 CPU ms before | rows before |" if cy.get("before") else ""),
                  "|---|---|---|---|---|" + ("---|---|" if cy.get("before") else "")]
        for name, q in cy["queries"].items():
            b = (cy.get("before") or {}).get(name)
            lines.append(f"| {name} | {q['rows']} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} | {q['wall_p50_ms']:.1f} |"
                         + (f" {b['p95_ms']:.1f} | {b['rows']} |" if b else (" – | – |" if cy.get("before") else "")))
        worst = max(cy["queries"].items(), key=lambda kv: kv[1]["p95_ms"])
        lines += ["", f"Worst p95: {worst[1]['p95_ms']:.0f} CPU ms ({worst[0]})."]
    return "\n".join([*lines, "", END])


def write_doc(res: dict) -> None:
    replace_block(DOC, markdown(res), BEGIN, END)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="3 vs 8 bulk reports, no Cypher")
    ap.add_argument("--repeat", type=int, default=None, help="timed runs per query (default 20; --quick 5)")
    ap.add_argument("--no-cypher", action="store_true")
    ap.add_argument("--no-sparql", action="store_true")
    ap.add_argument("--queries", type=Path, default=None, help="a folder of .rq/.cypher files instead of kg's library")
    ap.add_argument("--name", default="queries", help="results file name (bench/results/NAME.json)")
    ap.add_argument("--before", type=Path, default=None,
                    help="a folder of an older library's .rq/.cypher files, run alternately with the library in one run")
    ap.add_argument("--sizes", default=None,
                    help="bulk store sizes, comma-separated, 'all' = every bulk report (default 50,all; --quick 3,8)")
    ap.add_argument("--cypher-queries", default=None, help="only these Cypher queries (comma-separated names)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sparql_child(*args.child[1:])
        return
    repeat = args.repeat or (5 if args.quick else 20)
    sizes = [3, 8] if args.quick else [50, None]
    if args.sizes:
        sizes = [None if x.strip() == "all" else int(x) for x in args.sizes.split(",")]
    HERE.mkdir(parents=True, exist_ok=True)
    res = {"versions": versions("kg-gwr", "pyoxigraph", "neo4j"), "repeat": repeat,
           "queries": str(args.queries or "queries/"), "before": str(args.before) if args.before else None}
    if not args.no_sparql:
        res["sparql"] = bench_sparql(sizes, repeat, args.queries, args.before)
        write_results(args.name, res)  # kept if the Cypher part is cut short
    if not (args.quick or args.no_cypher):
        res["cypher"] = bench_cypher(repeat, args.queries, args.before,
                                     args.cypher_queries.split(",") if args.cypher_queries else None)
    path = write_results(args.name, res)
    import json

    res = json.loads(path.read_text("utf-8"))
    if "sparql" in res:
        large = res["sparql"]["sizes"][list(res["sparql"]["sizes"])[-1]]
        print(table([[n, q["rows"], q["p50_ms"], q["p95_ms"], res["sparql"]["growth"]["queries"][n]["p50"]]
                     for n, q in large["queries"].items()], ["SPARQL", "rows", "p50 ms", "p95 ms", "growth"]))
    if "cypher" in res:
        print(table([[n, q["rows"], q["p50_ms"], q["p95_ms"], q["wall_p50_ms"]] for n, q in res["cypher"]["queries"].items()],
                    ["Cypher", "rows", "p50 CPU ms", "p95 CPU ms", "p50 wall ms"]))
    if args.name == "queries" and args.queries is None and "sparql" in res:
        write_doc(res)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
