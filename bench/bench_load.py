"""Loading a kg dump into Neo4j: `kg load` vs rdflib-neo4j vs a naive loader (one MERGE
per triple), on the same dump and the same throw-away server; an unchanged reload; the
client's peak memory for a small and a larger dump (session 10: 8 and 50 bulk reports,
``kg build -f nt`` of ``bench/run.py``'s samples). CPU-seconds of the client (the
child process) and of the server (its JVM, from /proc), and wall seconds, side by side in
one run. Writes bench/results/load.json; ``bench/run.py`` calls :func:`run` and puts the
table in docs/BENCHMARKS.md.

    .venv/bin/python bench/bench_load.py SMALL.nt LARGE.nt [--repeat 2] [--naive-limit 20000] [--baseline SRC]

``--baseline SRC`` also loads both dumps with the ``kg`` package of another source tree
(e.g. ``git archive <commit> kg | tar -x -C SRC``), as sides "kg-baseline" and
"kg-baseline-large" in the same run: a change to the loader is measured before and after
on the same server, alternated (CPU on the small dump, client memory on both).

rdflib-neo4j comes from PyPI (``pip install 'kg-gwr[bench]'``); it is configured to keep
full IRIs (``HANDLE_VOCAB_URI_STRATEGY.KEEP``: kg's dumps use many namespaces) and its
default multi-value handling (a later value overwrites an earlier one: less work than
kg's union of values).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, child, emit, machine, ratio, replace_block, rss_mb, versions, write_results  # noqa: E402

PASSWORD = "kg-bench-password"
DOC = ROOT / "docs" / "BENCHMARKS.md"
BEGIN, END = "<!-- bench/bench_load.py: begin -->", "<!-- bench/bench_load.py: end -->"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ----------------------------------------------------------------------------- sides


def _kg(uri: str, dump: str, limit: int) -> dict:
    from kg.neo4j_store import Neo4jSettings, load_inputs

    r = load_inputs([dump], Neo4jSettings(uri=uri, password=PASSWORD), ontology=False)
    return {"triples": r.load.triples, "nodes": r.load.nodes, "relationships": r.load.relationships,
            "skipped_reports": len(r.skipped), "reports": r.reports}


def _rdflib_neo4j(uri: str, dump: str, limit: int) -> dict:
    from rdflib import Graph
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    config = Neo4jStoreConfig(auth_data={"uri": uri, "database": "neo4j", "user": "neo4j", "pwd": PASSWORD},
                              handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.KEEP, batching=True)
    g = Graph(store=Neo4jStore(config=config))
    g.parse(dump, format="nt")
    g.close(True)
    return {}


def _naive(uri: str, dump: str, limit: int) -> dict:
    """One auto-commit MERGE statement per triple (the first ``limit`` triples)."""
    import itertools

    from kg.neo4j_store import plain_quads
    from kg.validate import read_quads
    from neo4j import GraphDatabase

    lit = "MERGE (s:Resource {iri: $s}) SET s += $props"
    rel = "MERGE (s:Resource {iri: $s}) MERGE (o:Resource {iri: $o}) MERGE (s)-[:RELATED {iri: $p}]->(o)"
    n = 0
    with GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as driver, driver.session() as session:
        for s, p, o in itertools.islice(plain_quads(read_quads([dump])), limit or None):
            if isinstance(o, tuple):
                session.run(lit, s=s, props={p: o[0]}).consume()
            else:
                session.run(rel, s=s, p=p, o=o).consume()
            n += 1
    return {"triples": n}


SIDES = {"kg": _kg, "kg-reload": _kg, "kg-baseline": _kg, "rdflib-neo4j": _rdflib_neo4j, "naive": _naive}


def side_child(side: str, uri: str, dump: str, limit: str) -> None:
    import kg.neo4j_store  # noqa: F401 - imports are not the load
    if side == "rdflib-neo4j":
        import rdflib_neo4j  # noqa: F401
    _, base = rss_mb()
    c0, w0 = _cpu(), time.perf_counter()
    out = SIDES[side](uri, dump, int(limit))
    cpu, wall = _cpu() - c0, time.perf_counter() - w0
    _, peak = rss_mb()
    emit({**out, "client_cpu_s": cpu, "wall_s": wall, "peak_rss_mb": peak, "rss_before_load_mb": base,
          "kg_file": str(Path(kg.neo4j_store.__file__).resolve())})


# ----------------------------------------------------------------------------- parent


def _wipe(uri: str) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as d, d.session() as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _count(uri: str) -> tuple[int, int]:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as d:
        n = d.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        r = d.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return n, r


def _baseline_child(src: str, *args: str) -> dict:
    """:func:`_common.child` with the ``kg`` package of the source tree ``src`` first on the path."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"baseline side failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    if not out.get("kg_file", "").startswith(str(Path(src).resolve())):
        raise SystemExit(f"baseline side ran {out.get('kg_file')}, not the kg of {src}")
    return out


def _side(server, side: str, dump: str, limit: int = 0, wipe: bool = True, baseline: str | None = None) -> dict:
    if wipe:
        _wipe(server.uri)
    s0 = _proc_cpu(server.pid)
    if side == "kg-baseline":
        r = _baseline_child(str(baseline), side, server.uri, dump, str(limit))
    else:
        r = child(__file__, side, server.uri, dump, str(limit))
    r["server_cpu_s"] = _proc_cpu(server.pid) - s0
    r["total_cpu_s"] = r["client_cpu_s"] + r["server_cpu_s"]
    r["db_nodes"], r["db_relationships"] = _count(server.uri)
    print(f"  load {side} {Path(dump).name}: client {r['client_cpu_s']:.1f} + server {r['server_cpu_s']:.1f} CPU-s, "
          f"{r['wall_s']:.1f} s wall, client peak {r['peak_rss_mb']:.0f} MiB, "
          f"{r['db_nodes']:,} nodes / {r['db_relationships']:,} rels", file=sys.stderr)
    return r


def _med(runs: list[dict], key: str) -> float:
    import statistics

    return statistics.median(r[key] for r in runs)


def run(small: str, large: str, *, repeat: int = 1, naive_limit: int = 20000, baseline: str | None = None) -> dict:
    """Every side on the same server, alternated, ``repeat`` times; medians and ratios."""
    from kg.neo4jserver import start

    server = start(password=PASSWORD, timeout=900)
    runs: dict[str, list[dict]] = {k: [] for k in ("kg", "kg-reload", "rdflib-neo4j", "naive", "kg-large", "kg-baseline",
                                                   "kg-baseline-large")}
    try:
        # warm-up of every side's queries (the server's JIT, page cache; not counted):
        # the first load of a side pays the compiling of its query shapes
        _side(server, "kg", small)
        if baseline:
            _side(server, "kg-baseline", small, baseline=baseline)
        _side(server, "rdflib-neo4j", small)
        _side(server, "naive", small, naive_limit)
        for _ in range(repeat):
            if baseline:
                runs["kg-baseline"].append(_side(server, "kg-baseline", small, baseline=baseline))
            runs["kg"].append(_side(server, "kg", small))
            runs["kg-reload"].append(_side(server, "kg-reload", small, wipe=False))
            runs["rdflib-neo4j"].append(_side(server, "rdflib-neo4j", small))
            runs["naive"].append(_side(server, "naive", small, naive_limit))
            runs["kg-large"].append(_side(server, "kg", large))
            if baseline:
                runs["kg-baseline-large"].append(_side(server, "kg-baseline", large, baseline=baseline))
    finally:
        server.stop()
    med = {k: {m: _med(v, m) for m in ("client_cpu_s", "server_cpu_s", "total_cpu_s", "wall_s", "peak_rss_mb")}
           for k, v in runs.items() if v}
    kg, naive, base, base_large = med["kg"], med["naive"], med.get("kg-baseline"), med.get("kg-baseline-large")
    kg_triples = runs["kg"][0]["triples"]
    naive_triples = runs["naive"][0]["triples"]
    # the naive loader runs on the first naive_limit triples only: compare per triple
    kg_per_triple = {m: kg[m] / kg_triples for m in ("total_cpu_s", "wall_s")}
    naive_per_triple = {m: naive[m] / naive_triples for m in ("total_cpu_s", "wall_s")}
    return {
        "small": small, "large": large, "repeat": repeat, "naive_limit": naive_limit,
        "versions": versions("kg-gwr", "neo4j", "rdflib", "rdflib-neo4j", "pyoxigraph"),
        "triples": {"small": kg_triples, "large": runs["kg-large"][0]["triples"], "naive": naive_triples},
        "runs": runs, "medians": med,
        "ratios": {
            "rdflib_neo4j_over_kg_total_cpu": ratio(med["rdflib-neo4j"]["total_cpu_s"], kg["total_cpu_s"]),
            "rdflib_neo4j_over_kg_wall": ratio(med["rdflib-neo4j"]["wall_s"], kg["wall_s"]),
            "naive_over_kg_total_cpu_per_triple": ratio(naive_per_triple["total_cpu_s"], kg_per_triple["total_cpu_s"]),
            "naive_over_kg_wall_per_triple": ratio(naive_per_triple["wall_s"], kg_per_triple["wall_s"]),
            "reload_over_load_total_cpu": ratio(med["kg-reload"]["total_cpu_s"], kg["total_cpu_s"]),
            "reload_over_load_wall": ratio(med["kg-reload"]["wall_s"], kg["wall_s"]),
            "large_over_small_triples": ratio(runs["kg-large"][0]["triples"], kg_triples),
            "large_over_small_client_peak_rss": ratio(med["kg-large"]["peak_rss_mb"], kg["peak_rss_mb"]),
            **({"baseline_large_over_small_client_peak_rss": ratio(base_large["peak_rss_mb"], base["peak_rss_mb"])}
               if base and base_large else {}),
            **({"rdflib_neo4j_over_baseline_total_cpu": ratio(med["rdflib-neo4j"]["total_cpu_s"], base["total_cpu_s"]),
                "rdflib_neo4j_over_baseline_wall": ratio(med["rdflib-neo4j"]["wall_s"], base["wall_s"]),
                "baseline_over_kg_total_cpu": ratio(base["total_cpu_s"], kg["total_cpu_s"])} if base else {}),
        },
        "baseline": baseline,
    }


def markdown(res: dict) -> list[str]:
    """The load section of docs/BENCHMARKS.md."""
    med, r, t = res["medians"], res["ratios"], res["triples"]
    lines = [f"### Loading into Neo4j: `kg load` vs rdflib-neo4j vs one MERGE per triple", "",
             f"Same dump ({t['small']:,} triples; the naive loader its first {t['naive']:,}), same throw-away "
             f"Neo4j 5.26 server, emptied before each load; medians of {res['repeat']} run(s), sides alternated. "
             "CPU = client process + server JVM.", "",
             "| side | client CPU-s | server CPU-s | total CPU-s | wall s | client peak RSS (MiB) |",
             "|---|---|---|---|---|---|"]
    names = {"kg": "`kg load`", "rdflib-neo4j": "rdflib-neo4j", "naive": f"naive ({t['naive']:,} triples)",
             "kg-reload": "`kg load` again, unchanged (skipped)", "kg-large": f"`kg load`, larger dump ({t['large']:,} triples)",
             "kg-baseline": "`kg load` before this change (baseline source)",
             "kg-baseline-large": f"`kg load` before this change, larger dump ({t['large']:,} triples)"}
    for k in ("kg", "kg-baseline", "rdflib-neo4j", "naive", "kg-reload", "kg-large", "kg-baseline-large"):
        if k not in med:
            continue
        m = med[k]
        lines.append(f"| {names[k]} | {m['client_cpu_s']:.2f} | {m['server_cpu_s']:.2f} | {m['total_cpu_s']:.2f} | "
                     f"{m['wall_s']:.2f} | {m['peak_rss_mb']:.0f} |")
    lines += ["", f"rdflib-neo4j / kg: **{r['rdflib_neo4j_over_kg_total_cpu']}×** total CPU, "
              f"**{r['rdflib_neo4j_over_kg_wall']}×** wall. Naive / kg per triple: "
              f"**{r['naive_over_kg_total_cpu_per_triple']}×** total CPU, **{r['naive_over_kg_wall_per_triple']}×** wall. "
              f"Unchanged reload / load: **{r['reload_over_load_total_cpu']}×** CPU, {r['reload_over_load_wall']}× wall. "
              f"Client peak RSS, {r['large_over_small_triples']}× the triples: **{r['large_over_small_client_peak_rss']}×**"
              + (f" (before this change: {r['baseline_large_over_small_client_peak_rss']}×)."
                 if "baseline_large_over_small_client_peak_rss" in r else ".")
              + (f" Baseline: rdflib-neo4j / baseline **{r['rdflib_neo4j_over_baseline_total_cpu']}×** total CPU, "
                 f"{r['rdflib_neo4j_over_baseline_wall']}× wall; baseline / kg {r['baseline_over_kg_total_cpu']}× total CPU."
                 if "baseline_over_kg_total_cpu" in r else ""), ""]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("dumps", nargs="*")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--naive-limit", type=int, default=20000)
    ap.add_argument("--baseline", help="a source tree whose kg package is also measured (side kg-baseline)")
    args = ap.parse_args()
    if args.child:
        side_child(*args.child)
        return
    small, large = args.dumps
    res = run(small, large, repeat=args.repeat, naive_limit=args.naive_limit,
              baseline=str(Path(args.baseline).resolve()) if args.baseline else None)
    write_results("load", res)
    lines = markdown(res)
    print("\n".join(lines))
    m = machine()
    block = [BEGIN, "", f"## Measured by `bench/bench_load.py` ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC)", "",
             f"Dumps: `{Path(small).parent.name}/{Path(small).name}` and `{Path(large).parent.name}/{Path(large).name}`; "
             f"{m['cpus']} cores, load average {', '.join(map(str, m['load_average']))} (a shared machine: read the ratios). "
             f"Raw numbers: `bench/results/load.json`." + (" The baseline is the loader before this round's change, "
             "run from its own source tree in the same run." if res.get("baseline") else ""), "",
             *lines[1:], END]
    replace_block(DOC, "\n".join(block), BEGIN, END)
    print(json.dumps(res["ratios"]), file=sys.stderr)


if __name__ == "__main__":
    main()
