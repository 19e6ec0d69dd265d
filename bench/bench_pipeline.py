"""Pipeline throughput per stage, and N-Triples streaming vs an rdflib Graph, side by side.

1. Stages (over ../shared/corpus): read, parse (structure), each extractor the pipeline
   runs (kg.pipeline's list: quantities, entities, glossary terms, …) and RDF triples, in
   characters per second; peak resident memory of read+parse alone vs the full analysis.
2. Serialisation (over ../shared/bulk, or --limit N of it): the same analyses written as
   N-Triples by streaming (``kg.rdf.iter_triples`` + ``kg.export.write_ntriples``, what
   ``kg build --format nt`` does) vs collected in an rdflib Graph (``kg.rdf.build_graph``)
   and serialised (``kg.export.serialize``): time and peak memory, and the ratios. The
   analyses are computed once and cached (pickled, read back one at a time), so both sides
   measure only triples + output; a third child only reads the cache (the baseline).

Each side runs in a fresh process, sides alternated, ``--repeat`` times; results go to
bench/results/pipeline.json.

    .venv/bin/python bench/bench_pipeline.py [--repeat 2] [--limit N] [--skip-stages]
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, SHARED, child, emit, median, ratio, rss_mb, table, versions, write_results  # noqa: E402


# ----------------------------------------------------------------------------- children


def stages_child(mode: str, folder: str) -> None:
    """mode parse: read + parse every report; mode analyse: every stage."""
    from kg import pipeline, rdf
    from kg.model import Analysis

    paths = list(pipeline.report_paths([folder]))
    times: dict[str, float] = {"read": 0.0, "parse": 0.0}
    chars = 0
    # the first call loads what the stage needs (dictionaries, spaCy models): timed apart
    t0 = time.perf_counter()
    pipeline.analyse(paths[0]) if mode == "analyse" else pipeline.parse(paths[0])
    warm = time.perf_counter() - t0
    for p in paths:
        t0 = time.perf_counter()
        text = pipeline.read(p)
        t1 = time.perf_counter()
        report = pipeline.parse(text)
        t2 = time.perf_counter()
        times["read"] += t1 - t0
        times["parse"] += t2 - t1
        chars += len(text.text)
        if mode != "analyse":
            continue
        fields: dict = {}
        names = []
        for name, extract in pipeline._extractors():  # the pipeline's own stage list
            t0 = time.perf_counter()
            fields.update(extract(report, dict(fields)))
            times[name] = times.get(name, 0.0) + time.perf_counter() - t0
            names.append(name)
        analysis = Analysis(report=report, extractors=tuple(names), **fields)
        t0 = time.perf_counter()
        rdf.analysis_triples(analysis)
        times["rdf triples"] = times.get("rdf triples", 0.0) + time.perf_counter() - t0
    _, peak = rss_mb()
    emit({"mode": mode, "reports": len(paths), "chars": chars, "times": times, "warm_s": warm,
          "total_s": sum(times.values()), "peak_rss_mb": peak})


def _cached(path: str):
    with open(path, "rb") as f:
        n = pickle.load(f)
        for _ in range(n):
            yield pickle.load(f)


def serialise_child(mode: str, cache: str, out: str) -> None:
    from kg import export, rdf

    _, start_peak = rss_mb()
    t0 = time.perf_counter()
    if mode == "baseline":
        count = sum(1 for _ in _cached(cache))
    elif mode == "stream":
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            count = export.write_ntriples(rdf.iter_triples(_cached(cache)), f)
    else:
        graph = rdf.build_graph(_cached(cache))
        count = len(graph)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(export.serialize(graph, "nt"))
    seconds = time.perf_counter() - t0
    _, peak = rss_mb()
    size = os.path.getsize(out) if mode != "baseline" else 0
    emit({"mode": mode, "count": count, "seconds": seconds, "peak_rss_mb": peak,
          "start_rss_mb": start_peak, "bytes": size})


# ----------------------------------------------------------------------------- parent


def analyses_cache(folder: Path, limit: int | None) -> tuple[Path, int, int]:
    """Analyses of the bulk reports, pickled one after another (built once)."""
    from kg import pipeline

    paths = list(pipeline.report_paths([folder]))
    if limit:
        paths = paths[:: max(1, len(paths) // limit)][:limit]
    cache = CACHE / f"bulk-analyses-{len(paths)}.pickle"
    if not cache.is_file():
        print(f"analysing {len(paths)} reports from {folder} (once, cached in {cache}) …", file=sys.stderr)
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".part")
        with open(tmp, "wb") as f:
            pickle.dump(len(paths), f)
            for i, p in enumerate(paths, 1):
                pickle.dump(pipeline.analyse(p), f, protocol=pickle.HIGHEST_PROTOCOL)
                if i % 20 == 0:
                    print(f"  {i}/{len(paths)}", file=sys.stderr)
        tmp.rename(cache)
    chars = sum(len(pipeline.read(p).text) for p in paths)
    return cache, len(paths), chars


def bench_stages(corpus: Path, repeat: int) -> dict:
    runs: dict[str, list[dict]] = {"parse": [], "analyse": []}
    for i in range(repeat):
        for mode in ("parse", "analyse") if i % 2 == 0 else ("analyse", "parse"):
            r = child(__file__, "stages", mode, str(corpus))
            runs[mode].append(r)
            print(f"  stages run {i + 1}/{repeat} {mode}: {r['total_s']:.1f}s", file=sys.stderr)
    chars = runs["analyse"][0]["chars"]
    stage_names = list(runs["analyse"][0]["times"])
    rows, per_stage = [], {}
    for name in stage_names:
        s = median([{"v": r["times"][name]} for r in runs["analyse"]], "v")
        per_stage[name] = {"seconds": s, "chars_per_s": round(chars / s) if s else None}
        rows.append([name, s, per_stage[name]["chars_per_s"]])
    rp_parse = median([{"v": r["times"]["read"] + r["times"]["parse"]} for r in runs["parse"]], "v")
    full = median(runs["analyse"], "total_s")
    rows.append(["read+parse alone", rp_parse, round(chars / rp_parse)])
    rows.append(["full analyse + triples", full, round(chars / full)])
    print(f"\nstages over {corpus} ({runs['analyse'][0]['reports']} reports, {chars:,} chars); "
          f"medians of {repeat}; warm-up (first report: loading dictionaries and models) not included: "
          f"read+parse {median(runs['parse'], 'warm_s'):.1f}s, full {median(runs['analyse'], 'warm_s'):.1f}s")
    print(table(rows, ["stage", "seconds", "chars/s"]))
    pk_parse, pk_full = median(runs["parse"], "peak_rss_mb"), median(runs["analyse"], "peak_rss_mb")
    print(table([["peak RSS (MiB)", pk_parse, pk_full, ratio(pk_full, pk_parse)],
                 ["chars/s", round(chars / rp_parse), round(chars / full), ratio(rp_parse, full)]],
                ["", "read+parse", "full analyse", "full / read+parse"]))
    return {
        "corpus": str(corpus), "reports": runs["analyse"][0]["reports"], "chars": chars, "repeat": repeat,
        "warm_up_s": {"read_parse": median(runs["parse"], "warm_s"), "full": median(runs["analyse"], "warm_s")},
        "per_stage": per_stage,
        "read_parse": {"seconds": rp_parse, "chars_per_s": round(chars / rp_parse), "peak_rss_mb": pk_parse},
        "full_analyse": {"seconds": full, "chars_per_s": round(chars / full), "peak_rss_mb": pk_full},
        "ratios": {"time_full_over_read_parse": ratio(full, rp_parse), "peak_rss_full_over_read_parse": ratio(pk_full, pk_parse)},
        "runs": runs,
    }


def bench_serialise(bulk: Path, repeat: int, limit: int | None) -> dict:
    cache, n, chars = analyses_cache(bulk, limit)
    out = CACHE / "bench-out.nt"
    modes = ("baseline", "stream", "graph")
    runs: dict[str, list[dict]] = {m: [] for m in modes}
    for i in range(repeat):
        for mode in modes if i % 2 == 0 else modes[::-1]:
            r = child(__file__, "serialise", mode, str(cache), str(out))
            runs[mode].append(r)
            print(f"  serialise run {i + 1}/{repeat} {mode}: {r['seconds']:.1f}s, peak {r['peak_rss_mb']:.0f} MiB",
                  file=sys.stderr)
    out.unlink(missing_ok=True)
    s, g = runs["stream"][0], runs["graph"][0]
    if s["count"] != g["count"]:
        raise SystemExit(f"stream wrote {s['count']} triples but the graph holds {g['count']}")
    b_t, s_t, g_t = (median(runs[m], "seconds") for m in modes)
    b_m, s_m, g_m = (median(runs[m], "peak_rss_mb") for m in modes)
    print(f"\nN-Triples of {n} bulk reports ({chars:,} chars, {s['count']:,} triples, "
          f"{s['bytes'] / 2**20:.0f} MiB); medians of {repeat}; analyses read back from a cache")
    print(table([
        ["seconds", b_t, s_t, g_t, ratio(g_t, s_t), ratio(g_t - b_t, s_t - b_t)],
        ["peak RSS (MiB)", b_m, s_m, g_m, ratio(g_m, s_m), ratio(g_m - b_m, s_m - b_m)],
    ], ["", "baseline (read cache)", "stream", "rdflib graph", "graph / stream", "same, net of baseline"]))
    return {
        "bulk": str(bulk), "reports": n, "chars": chars, "triples": s["count"], "nt_bytes": s["bytes"], "repeat": repeat,
        "seconds": {"baseline": b_t, "stream": s_t, "graph": g_t},
        "peak_rss_mb": {"baseline": b_m, "stream": s_m, "graph": g_m},
        "ratios": {"time_graph_over_stream": ratio(g_t, s_t), "time_net_graph_over_stream": ratio(g_t - b_t, s_t - b_t),
                   "peak_rss_graph_over_stream": ratio(g_m, s_m), "peak_rss_net_graph_over_stream": ratio(g_m - b_m, s_m - b_m)},
        "runs": runs,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--bulk", type=Path, default=SHARED / "bulk")
    ap.add_argument("--limit", type=int, default=None, help="serialise only N of the bulk reports (spread evenly)")
    ap.add_argument("--skip-stages", action="store_true")
    ap.add_argument("--skip-serialise", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        (stages_child if kind == "stages" else serialise_child)(*rest)
        return
    result: dict = {"versions": versions("kg-gwr", "rdflib", "spacy")}
    if not args.skip_stages:
        result["stages"] = bench_stages(args.corpus, args.repeat)
    if not args.skip_serialise:
        result["serialise"] = bench_serialise(args.bulk, args.repeat, args.limit)
    path = write_results("pipeline", result)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
