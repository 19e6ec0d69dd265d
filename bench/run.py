"""The one entry command of kg's benchmarks: builds on 1 and all workers, memory at two
corpus sizes, dump writers, the validation engines, the SPARQL library; writes
bench/results/speed-<mode>.json and the "Measured by bench/run.py" section of
docs/BENCHMARKS.md.

    .venv/bin/python bench/run.py --quick     # a few small reports, < 3 min
    .venv/bin/python bench/run.py --full      # the bulk corpus (50 vs 220 reports; ~40 min on 2 busy cores)

Every measurement runs in a fresh child process; times are CPU-seconds of the process
(plus, for a build on worker processes, the CPU the workers report for their reports), so
other load on a shared machine distorts them little; wall seconds are shown beside them.
Sides are run alternately in one run and compared as ratios. Benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, ROOT, SHARED, child, emit, ratio, replace_block, rss_mb, table, versions, write_results  # noqa: E402

DOC = ROOT / "docs" / "BENCHMARKS.md"
MARK = "<!-- bench/run.py --{mode}: {edge} -->"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# ----------------------------------------------------------------------------- children


def build_child(folder: str, out: str, fmt: str, workers: str, validate: str) -> None:
    """A build; the first report's warm-up (loading dictionaries and models, as each worker
    does before its first report) is timed apart."""
    from kg.export import build_dump
    from kg.pipeline import warm_up

    c0 = _cpu()
    if workers == "1":
        warm_up()
    warm = _cpu() - c0
    c0, w0 = _cpu(), time.perf_counter()
    s = build_dump([folder], out, fmt, workers=int(workers), validate=validate == "yes")
    main_cpu, wall = _cpu() - c0, time.perf_counter() - w0
    cpu = main_cpu + (s.worker_cpu_seconds if s.workers > 1 else 0.0)
    _, peak = rss_mb()
    emit({"warm_up_cpu_s": warm, "reports": len(s.reports), "chars": s.chars, "triples": s.triples, "workers": s.workers,
          "cpu_s": cpu, "main_cpu_s": main_cpu, "worker_cpu_s": s.worker_cpu_seconds, "wall_s": wall,
          "main_peak_rss_mb": peak, "worker_peak_rss_mb": s.worker_peak_rss_mb,
          "bytes": os.path.getsize(Path(out) / f"graph.{fmt}"), "invalid": len(s.invalid)})


def stages_child(folder: str) -> None:
    """Where a one-worker build's CPU goes, stage by stage, over every report of
    ``folder`` (after the warm-up): read, structure, quantities, entities, glossary, RDF
    triples, N-Triples lines (each once, split into the report's own and shared ones, as
    :func:`kg.export.report_triples` does), and the pickling a worker's result costs between processes."""
    import pickle

    from kg import pipeline
    from kg.export import split_lines
    from kg.iri import Minter
    from kg.model import Analysis
    from kg.pipeline import report_paths, warm_up
    from kg.rdf import analysis_triples

    warm_up()
    cpu: dict[str, float] = dict.fromkeys(
        ("read", "structure", "quantities", "entities", "glossary", "triples", "ntriples", "pickle"), 0.0)
    chars = 0

    def timed(stage: str, fn, *args):
        c0 = time.process_time()
        out = fn(*args)
        cpu[stage] += time.process_time() - c0
        return out

    for path in report_paths([folder]):
        text = timed("read", pipeline.read, path)
        report = timed("structure", pipeline.parse, text)
        fields: dict = {}
        for name, extract in pipeline._extractors():
            stage = {"glossary_terms": "glossary"}.get(name, name)
            fields.update(timed(stage, extract, report, dict(fields)))
        a = Analysis(report=report, extractors=tuple(n for n, _ in pipeline._extractors()), **fields)
        minter = Minter.create(None)
        triples = timed("triples", lambda: analysis_triples(a, minter=minter))
        _, _, local, shared, _, _ = timed("ntriples", lambda: split_lines(a, minter, triples))
        # what a worker sends: one string of report-local lines, a tuple of shared ones
        sent = timed("ntriples", lambda: ("".join(local), tuple(shared)))
        timed("pickle", lambda: pickle.loads(pickle.dumps(sent)))
        chars += len(text.text)
    total = sum(cpu.values())
    emit({"chars": chars, "cpu_s": cpu, "total_cpu_s": total,
          "share": {k: v / total for k, v in cpu.items()}, "chars_per_cpu_s": {k: chars / v for k, v in cpu.items() if v}})


def load_child(small: str, large: str, naive_limit: str) -> None:
    """The Neo4j load comparison (bench/bench_load.py), in its own process."""
    import bench_load

    emit(bench_load.run(small, large, naive_limit=int(naive_limit)))


def write_child(dump: str, side: str, fmt: str) -> None:
    """Serialise the triples of an N-Triples dump: rdflib Graph → Turtle/N-Triples, or
    pyoxigraph's streaming serialiser."""
    import pyoxigraph as ox

    out = CACHE / f"write-{side}.{fmt}"
    if side == "rdflib":
        from rdflib import Graph

        from kg.rdf import bind_prefixes

        g = bind_prefixes(Graph()).parse(dump, format="nt")
        n = len(g)
        c0 = _cpu()
        g.serialize(out, format={"ttl": "turtle", "nt": "nt"}[fmt], encoding="utf-8")
    else:
        from kg.export import _ox_prefixes

        triples = [q.triple for q in ox.parse(path=dump, format=ox.RdfFormat.N_TRIPLES)]
        n = len(triples)
        c0 = _cpu()
        with open(out, "wb") as f:
            ox.serialize(triples, f, {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}[fmt],
                         prefixes=_ox_prefixes())
    cpu = _cpu() - c0
    out.unlink()
    emit({"triples": n, "cpu_s": cpu, "triples_per_cpu_s": n / cpu if cpu else None})


def validate_child(dump: str, engine: str) -> None:
    from kg.validate import validate_files

    c0 = _cpu()
    conforms, _ = validate_files([dump], engine=engine)
    _, peak = rss_mb()
    emit({"conforms": conforms, "cpu_s": _cpu() - c0, "peak_rss_mb": peak})


def sparql_child(store: str, repeat: str) -> None:
    from kg.queries import library
    from kg.store import open_store, run_query

    st = open_store(store)
    out = {}
    for name, text in sorted(library(".rq").items()):
        times, walls, rows = [], [], 0
        for _ in range(int(repeat)):
            c0, w0 = time.process_time(), time.perf_counter()
            rows = len(run_query(st, text))
            times.append(time.process_time() - c0)
            walls.append(time.perf_counter() - w0)
        out[name] = {"rows": rows, "cpu_seconds": times, "wall_seconds": walls}
    emit({"quads": len(st), "queries": out})


# ----------------------------------------------------------------------------- parent


def pick(folder: Path, n: int) -> Path:
    """``n`` reports of ``folder`` spread evenly over its sorted list, copied into a cache folder."""
    import shutil

    from kg.pipeline import report_paths

    paths = list(report_paths([folder]))
    chosen = paths if n >= len(paths) else paths[:: max(1, len(paths) // n)][:n]
    dest = CACHE / f"reports-{folder.name}-{len(chosen)}"
    if not dest.is_dir():
        tmp = dest.with_name(dest.name + ".part")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for p in chosen:
            shutil.copy2(p, tmp / f"{p.parent.name}-{p.name}")
        tmp.rename(dest)
    return dest


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(mode: str, neo4j: bool = True) -> dict:
    quick = mode == "quick"
    bulk = SHARED / "bulk"
    speed_set = pick(bulk, 3 if quick else 8)
    small_set, large_set = (pick(bulk, 3), pick(bulk, 8)) if quick else (pick(bulk, 50), bulk)
    cores = os.cpu_count() or 1
    res: dict = {"mode": mode, "versions": versions("kg-gwr", "rdflib", "pyoxigraph", "pyshacl", "spacy", "distributed")}
    out = CACHE / "out"

    def build(folder: Path, fmt: str, workers: int, validate: bool = False) -> dict:
        r = child(__file__, "build", str(folder), str(out / f"{folder.name}-{fmt}-{workers}"), fmt, str(workers),
                  "yes" if validate else "no")
        print(f"  build {folder.name} -f {fmt} -j {workers}{' +validate' if validate else ''}: "
              f"{r['chars']:,} chars, {r['cpu_s']:.1f} CPU-s (+ warm-up {r['warm_up_cpu_s']:.1f}), {r['wall_s']:.1f} s wall, "
              f"peak {r['main_peak_rss_mb']:.0f}/{r['worker_peak_rss_mb']:.0f} MiB", file=sys.stderr)
        return r

    # 1. build throughput: 1 worker vs all cores, N-Triples vs Turtle, validation on
    one, many = build(speed_set, "nt", 1), build(speed_set, "nt", cores)
    ttl, val = build(speed_set, "ttl", 1), build(speed_set, "nt", 1, validate=True)
    res["build"] = {
        "reports": one["reports"], "chars": one["chars"], "triples": one["triples"],
        "nt_1_worker": one, f"nt_{cores}_workers": many, "ttl_1_worker": ttl, "nt_1_worker_validate": val,
        "chars_per_cpu_s": {"nt_1": one["chars"] / one["cpu_s"], f"nt_{cores}": many["chars"] / many["cpu_s"],
                            "ttl_1": ttl["chars"] / ttl["cpu_s"], "nt_1_validate": val["chars"] / val["cpu_s"]},
        "ratios": {"wall_1_over_all": ratio(one["wall_s"], many["wall_s"]),
                   "cpu_ttl_over_nt": ratio(ttl["cpu_s"], one["cpu_s"]),
                   "cpu_validate_over_nt": ratio(val["cpu_s"], one["cpu_s"])},
    }
    # 2. memory at two corpus sizes (N-Triples, all cores)
    small, large = build(small_set, "nt", cores), build(large_set, "nt", cores)
    res["memory"] = {"small": small, "large": large,
                     "ratios": {"chars": ratio(large["chars"], small["chars"]),
                                "main_peak": ratio(large["main_peak_rss_mb"], small["main_peak_rss_mb"]),
                                "worker_peak": ratio(large["worker_peak_rss_mb"], small["worker_peak_rss_mb"])}}
    # 2b. where a one-worker build's CPU goes, stage by stage
    res["stages"] = child(__file__, "stages", str(speed_set))
    st = res["stages"]
    print("  stages: " + ", ".join(f"{k} {100 * v:.0f} %" for k, v in st["share"].items()), file=sys.stderr)
    # 2c. Neo4j: kg load vs rdflib-neo4j vs one MERGE per triple; reload; client memory at
    #     two dump sizes (the speed set's dump and one ~4x larger)
    if neo4j:
        load_large = str(out / f"{large_set.name}-nt-{cores}" / "graph.nt") if quick else None
        if load_large is None:
            load_large = str(out / f"{pick(bulk, 32).name}-nt-{cores}" / "graph.nt")
            build(pick(bulk, 32), "nt", cores)
        small_load = str(out / f"{speed_set.name}-nt-1" / "graph.nt")
        res["load"] = child(__file__, "load", small_load, load_large, "2000" if quick else "10000")
    # 3. writers: rdflib vs pyoxigraph on the dump of the speed set (rdflib's Turtle writer
    #    needs ~1.3 KiB per triple and ~6 k triples per CPU-s: not run on the large dump)
    dump = str(out / f"{large_set.name}-nt-{cores}" / "graph.nt")
    speed_dump = str(out / f"{speed_set.name}-nt-1" / "graph.nt")
    res["writers"] = {}
    for fmt in ("ttl", "nt"):
        rl, ox_ = child(__file__, "write", speed_dump, "rdflib", fmt), child(__file__, "write", speed_dump, "ox", fmt)
        res["writers"][fmt] = {"rdflib": rl, "pyoxigraph": ox_, "ratio": ratio(rl["cpu_s"], ox_["cpu_s"])}
        print(f"  write {fmt}: rdflib {rl['cpu_s']:.2f} CPU-s, pyoxigraph {ox_['cpu_s']:.3f} CPU-s", file=sys.stderr)
    # 4. validating the dump once: SPARQL engine vs pySHACL (pySHACL only on the small dump)
    small_dump = speed_dump
    vs, vp = child(__file__, "validate", small_dump, "sparql"), child(__file__, "validate", small_dump, "pyshacl")
    vl = child(__file__, "validate", dump, "sparql")
    res["validate"] = {"small_sparql": vs, "small_pyshacl": vp, "large_sparql": vl,
                       "ratio_pyshacl_over_sparql": ratio(vp["cpu_s"], vs["cpu_s"])}
    print(f"  validate: sparql {vs['cpu_s']:.1f} vs pyshacl {vp['cpu_s']:.1f} CPU-s; large dump sparql "
          f"{vl['cpu_s']:.1f} CPU-s, peak {vl['peak_rss_mb']:.0f} MiB", file=sys.stderr)
    # 5. SPARQL library on the large store
    from kg.store import load_store

    store = CACHE / "store-large"
    load_store(store, [dump], replace=True)
    q = child(__file__, "sparql", str(store), "3" if quick else "5")
    rows = {}
    for name, r in q["queries"].items():
        rows[name] = {"rows": r["rows"], "p50_ms": 1000 * statistics.median(r["cpu_seconds"]),
                      "p95_ms": 1000 * pct(r["cpu_seconds"], 0.95), "wall_p50_ms": 1000 * statistics.median(r["wall_seconds"])}
    res["sparql"] = {"quads": q["quads"], "reports": large["reports"], "queries": rows}
    return res


def markdown(res: dict) -> str:
    b, m, w, v, s = res["build"], res["memory"], res["writers"], res["validate"], res["sparql"]
    cores = next(k for k in b if k.startswith("nt_") and k.endswith("_workers"))
    many = b[cores]
    lines = [MARK.format(mode=res["mode"], edge="begin"), "", f"## Measured by `bench/run.py --{res['mode']}`", "",
             f"Run {res['date']}; {res['machine']['cpus']} cores, load average "
             f"{', '.join(map(str, res['machine']['load_average']))} (a shared machine: read the ratios). "
             f"Raw numbers: `bench/results/speed-{res['mode']}.json`.", "",
             f"### Build ({b['reports']} bulk reports, {b['chars']:,} chars, {b['triples']:,} triples)", "",
             "| build | CPU-s | chars / CPU-s | wall s | peak RSS main / worker (MiB) |", "|---|---|---|---|---|"]
    for label, r in (("`-f nt -j 1`", b["nt_1_worker"]), (f"`-f nt -j {many['workers']}`", many),
                     ("`-f ttl -j 1`", b["ttl_1_worker"]), ("`-f nt -j 1 --validate` (SPARQL shapes)", b["nt_1_worker_validate"])):
        lines.append(f"| {label} | {r['cpu_s']:.1f} | {r['chars'] / r['cpu_s']:,.0f} | {r['wall_s']:.1f} | "
                     f"{r['main_peak_rss_mb']:.0f} / {r['worker_peak_rss_mb']:.0f} |")
    st = res["stages"]
    lines += ["", f"Where one worker's CPU goes ({st['chars']:,} chars, after the warm-up; `stages` child):", "",
              "| stage | CPU-s | share | chars / CPU-s |", "|---|---|---|---|"]
    for k, secs in st["cpu_s"].items():
        lines.append(f"| {k} | {secs:.2f} | {100 * st['share'][k]:.0f} % | {st['chars_per_cpu_s'].get(k, 0):,.0f} |")
    non_entity = st["total_cpu_s"] - st["cpu_s"]["entities"]
    lines.append(f"| **all but entities** | {non_entity:.2f} | {100 * non_entity / st['total_cpu_s']:.0f} % | "
                 f"{st['chars'] / non_entity:,.0f} |")
    lines += ["", f"Wall speed-up with {many['workers']} workers: **{b['ratios']['wall_1_over_all']}×** "
              f"(CPU per char {ratio(many['cpu_s'], b['nt_1_worker']['cpu_s'])}× that of one worker); "
              f"Turtle / N-Triples CPU: **{b['ratios']['cpu_ttl_over_nt']}×**; with validation: "
              f"{b['ratios']['cpu_validate_over_nt']}×.", "",
              "### Memory at two corpus sizes (`-f nt`, all workers)", "",
              "| reports | chars | triples | peak RSS main (MiB) | peak RSS worker (MiB) |", "|---|---|---|---|---|"]
    for r in (m["small"], m["large"]):
        lines.append(f"| {r['reports']} | {r['chars']:,} | {r['triples']:,} | {r['main_peak_rss_mb']:.0f} | {r['worker_peak_rss_mb']:.0f} |")
    lines += ["", f"{m['ratios']['chars']}× the text: main process peak {m['ratios']['main_peak']}×, worker peak "
              f"{m['ratios']['worker_peak']}×.", "", "### Writing dumps: rdflib vs pyoxigraph (same triples)", "",
              "| format | triples | rdflib triples / CPU-s | pyoxigraph triples / CPU-s | ratio |", "|---|---|---|---|---|"]
    for fmt, r in w.items():
        lines.append(f"| {fmt} | {r['rdflib']['triples']:,} | {r['rdflib']['triples_per_cpu_s']:,.0f} | "
                     f"{r['pyoxigraph']['triples_per_cpu_s']:,.0f} | **{r['ratio']}×** |")
    if "load" in res:
        import bench_load

        lines += ["", *bench_load.markdown(res["load"])]
    lines += ["", "### Validation of a dump (`kg validate`)", "",
              f"Small dump: SPARQL shapes {v['small_sparql']['cpu_s']:.1f} CPU-s, pySHACL {v['small_pyshacl']['cpu_s']:.1f} "
              f"CPU-s (**{v['ratio_pyshacl_over_sparql']}×**). Large dump ({m['large']['triples']:,} triples): SPARQL "
              f"shapes {v['large_sparql']['cpu_s']:.1f} CPU-s, peak RSS {v['large_sparql']['peak_rss_mb']:.0f} MiB.", "",
              f"### SPARQL library on the store of {s['reports']} reports ({s['quads']:,} quads)", "",
              "CPU milliseconds per query (the whole answer, as `kg sparql` returns it; wall p50 beside it).", "",
              "| query | rows | p50 CPU ms | p95 CPU ms | p50 wall ms |", "|---|---|---|---|---|"]
    for name, r in s["queries"].items():
        lines.append(f"| {name} | {r['rows']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['wall_p50_ms']:.1f} |")
    worst = max(s["queries"].values(), key=lambda r: r["p95_ms"])["p95_ms"]
    lines += ["", f"Worst p95: {worst:.0f} CPU ms.", "", MARK.format(mode=res["mode"], edge="end")]
    return "\n".join(lines)


def write_doc(res: dict) -> None:
    begin, end = MARK.format(mode=res["mode"], edge="begin"), MARK.format(mode=res["mode"], edge="end")
    replace_block(DOC, markdown(res), begin, end)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_const", dest="mode", const="quick")
    g.add_argument("--full", action="store_const", dest="mode", const="full")
    ap.add_argument("--no-neo4j", action="store_true", help="Skip the Neo4j load comparison (it starts a server).")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        {"build": build_child, "write": write_child, "validate": validate_child, "sparql": sparql_child,
         "stages": stages_child, "load": load_child}[kind](*rest)
        return
    mode = args.mode or "quick"
    t0 = time.perf_counter()
    res = run(mode, neo4j=not args.no_neo4j)
    res["bench_wall_s"] = time.perf_counter() - t0
    path = write_results(f"speed-{mode}", res)
    res = json.loads(path.read_text("utf-8"))
    write_doc(res)
    print(f"wrote {path} and {DOC} in {res['bench_wall_s']:.0f} s", file=sys.stderr)
    # the query library: p50/p95 at two corpus sizes and Cypher on Neo4j (its own section)
    import subprocess

    subprocess.run([sys.executable, str(Path(__file__).with_name("bench_queries.py")),
                    *(["--quick"] if mode == "quick" else [])], check=True)


if __name__ == "__main__":
    main()
