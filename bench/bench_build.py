"""`kg build -f nt --no-validate` (or ``--format ttl``) end to end, this tree ("after") against an earlier commit
("before"), side by side in one run: CPU-seconds of the whole process tree (the build's
process, the forkserver and every worker, start-up and model loading included), chars
per CPU-second per worker, wall seconds, peak memory of the main process and of the
largest worker, and the SHA-256 of graph.nt (the two sides must write the same bytes).

    .venv/bin/python bench/bench_build.py [--before REV] [--after-src DIR] [--reports 8] [--workers 1 2] [--repeat 2]
    .venv/bin/python bench/bench_build.py --replicas 1000 --sides after --workers 2 --repeat 1

``--replicas N`` builds a corpus of N reports **made of replicas** of the real ones (the
distinct texts of ../shared/bulk and ../shared/corpus, 225 of them: up to 1,125), for memory at a size
the real reports do not reach (:func:`replicas`): not a corpus of N different reports.
``--sides after`` runs one side only (no before/after comparison).

The "before" side runs the same child on ``git archive REV`` first on ``PYTHONPATH`` (as
bench_entities.py does); ``--after-src DIR`` runs the "after" side on such a tree too (a
patched copy, to measure a change another file owns) instead of this checkout. Each build runs in a fresh process; sides alternate. Worker CPU
is read from /proc (utime + stime of every descendant, sampled every 0.1 s until the pool
is gone), so it counts what the workers spend outside their reports too. Benchmarks are
not tests; results go to bench/results/build.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, ROOT, SHARED, emit, side_child as run_child, ratio, rss_mb, versions, write_results  # noqa: E402

SIDES = ("after", "before")
_TICK = os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children", encoding="ascii") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out


def _proc(pid: int) -> tuple[float, float] | None:
    """(CPU seconds, peak RSS MiB) of process ``pid`` so far."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rpartition(")")[2].split()
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            hwm = next((int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:")), 0.0)
    except (OSError, StopIteration):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK, hwm


def build_child(folder: str, out: str, workers: str, fmt: str = "nt") -> None:
    """One build, in this fresh process; every descendant's CPU sampled from /proc."""
    seen: dict[int, tuple[float, float]] = {}
    stop = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while True:
            for pid in _descendants(me):
                got = _proc(pid)
                if got is not None:  # an exiting process shows no memory any more: keep the largest
                    old = seen.get(pid, (0.0, 0.0))
                    seen[pid] = (max(old[0], got[0]), max(old[1], got[1]))
            if stop.wait(0.1):
                return

    c0, w0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    import kg.export  # imported inside the timing: start-up is part of a build

    phases = _mark_phases(kg.export)
    s = kg.export.build_dump([folder], out, fmt, workers=int(workers), validate=False)
    phases["end"] = rss_mb()[1]
    wall = time.perf_counter() - w0
    stop.set()
    watcher.join()
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    main_cpu = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
    _, main_peak = rss_mb()
    children = sum(cpu for cpu, _ in seen.values())
    import kg

    with open(Path(out, f"graph{kg.export.SUFFIX[kg.export.DumpFormat(fmt)]}"), "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    emit({"kg": kg.__file__, "reports": len(s.reports), "collisions": len(s.collisions), "chars": s.chars, "triples": s.triples, "workers": s.workers,
          "cpu_s": main_cpu + children, "main_cpu_s": main_cpu, "children_cpu_s": children,
          "report_cpu_s": s.worker_cpu_seconds, "wall_s": wall, "main_peak_rss_mb": main_peak,
          "worker_peak_rss_mb": s.worker_peak_rss_mb if s.workers > 1 else main_peak,
          "sampled_peak_rss_mb": max((m for _, m in seen.values()), default=0.0), "sha256": digest,
          "main_peak_rss_mb_by_phase": phases})


def _mark_phases(export) -> dict[str, float]:  # noqa: ANN001 - the kg.export module
    """The main process's peak RSS (MiB) when the link stage starts (the reports' phase),
    when it ends, when the VoID description is made (a Graph in older trees; a lazy stream of
    triples since session 10) and when it is written; filled as the build goes
    (kg.links.link_chunks, kg.export.dataset_triples or describe_dataset, write_void wrapped)."""
    import kg.links

    phases: dict[str, float] = {}
    link_chunks = getattr(kg.links, "link_chunks", None)  # older trees: no link stage of its own
    name = "dataset_triples" if hasattr(export, "dataset_triples") else "describe_dataset"  # older trees: a Graph
    describe, write_void = getattr(export, name), export.write_void

    def links(*a, **k):  # noqa: ANN002, ANN003
        phases["reports"] = rss_mb()[1]
        yield from link_chunks(*a, **k)
        phases["links"] = rss_mb()[1]

    def void(*a, **k):  # noqa: ANN002, ANN003
        g = describe(*a, **k)
        phases["void_graph"] = rss_mb()[1]
        return g

    def written(*a, **k):  # noqa: ANN002, ANN003
        write_void(*a, **k)
        phases["void_written"] = rss_mb()[1]

    if link_chunks is not None:
        kg.links.link_chunks = links
    setattr(export, name, void)
    export.write_void = written
    return phases


def _dateline_day(text: str, copy: int) -> str:
    """``text`` with the day of its dateline (the delivery date the report's IRI is made of,
    ``kg.keys.report_key``) moved by ``5 * copy`` days within days 1-28 of the same month,
    written in Arabic digits; unchanged when the head has no dateline."""
    from kg.loaders.metadata import _DATELINE, _FW, _head_end, _iso  # read only: the same search as extract_metadata

    norm = text.translate(_FW)  # digit for digit: offsets are the text's
    head_end = _head_end(norm)
    window = norm[: max(head_end, 0) + 200] if head_end else norm[:3000]
    m = _DATELINE.search(window)
    if not m:
        return text
    if m.group(1):
        y, mo, d = (int(g) for g in m.group(1, 2, 3))
        start, end = m.start(1), m.end(3) + 1
    else:
        from kg.loaders.metadata import _cn_number

        y, mo, d = (_cn_number(g) for g in m.group(4, 5, 6))
        start, end = m.start(4), m.end(6) + 1
        if None in (y, mo, d):
            return text
    if _iso(y, mo, d) is None:
        return text
    day = (d - 1 + 5 * copy) % 28 + 1  # copies 1-4: four other days
    return text[:start] + f"{y}年{mo}月{day}日" + text[end:]


def replicas(n: int) -> Path:
    """A folder of ``n`` reports made of copies of the real ones (the distinct texts of
    ../shared/bulk and ../shared/corpus, in path order, then copy 1 of each, copy 2, …).
    A copy must be a distinct report, not the same report twice (the build would merge
    their triples under one IRI): a report's IRI is its government and its delivery date
    (``kg.keys.report_key``; without a full date, its year and the file's checksum), so
    copy ``k`` has its dateline's day moved by ``5k`` days (:func:`_dateline_day`) and
    ``k`` newlines appended (a new checksum for the reports without a date). Copies share
    their original's government and years, so a government's plan-year links join more
    reports than a real corpus of that size would. The build's collision list must be
    empty (checked by :func:`build_child`)."""
    import hashlib as _h

    from kg.pipeline import report_paths

    dest = CACHE / f"replicas-{n}"
    if dest.is_dir():
        return dest
    texts: dict[str, Path] = {}
    for p in list(report_paths([SHARED / "bulk"])) + list(report_paths([SHARED / "corpus"])):
        texts.setdefault(_h.sha256(p.read_bytes()).hexdigest(), p)
    originals = list(texts.values())
    if n > 5 * len(originals):
        raise SystemExit(f"error: at most {5 * len(originals)} replicas (five days a dateline)")
    tmp = dest.with_name(dest.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for i in range(n):
        copy, p = divmod(i, len(originals))
        src = originals[p]
        text = src.read_text("utf-8")
        if copy:
            text = _dateline_day(text, copy) + "\n" * copy
        (tmp / f"{src.stem}-r{copy}.txt").write_text(text, "utf-8")
    tmp.rename(dest)
    return dest


def run_side(side: str, src: Path | None, folder: Path, workers: int, fmt: str = "nt") -> dict:
    out = CACHE / "build-out"
    shutil.rmtree(out, ignore_errors=True)
    return run_child(side if src is not None else "this", src, __file__, str(folder), str(out), str(workers), fmt)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", default="4583fbe", help="git revision of the old code (default %(default)s)")
    ap.add_argument("--after-src", type=Path, help="run the after side on this source tree (laid out like "
                    "bench_entities.source_tree) instead of this checkout")
    ap.add_argument("--reports", type=int, default=8, help="bulk reports, spread evenly (default %(default)s)")
    ap.add_argument("--folder", type=Path, help="build this folder instead of a bulk sample")
    ap.add_argument("--format", default="nt", choices=["nt", "ttl"], help="the dump's format (default %(default)s)")
    ap.add_argument("--replicas", type=int, help="build N reports made of replicas of the real ones (see replicas())")
    ap.add_argument("--sides", nargs="+", choices=SIDES, default=list(SIDES), help="the sides to run (default both)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--name", default="build", help="results file bench/results/NAME.json")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        build_child(*args.child)
        return
    from bench_entities import source_tree
    from run import pick

    folder = args.folder or (replicas(args.replicas) if args.replicas else pick(SHARED / "bulk", args.reports))
    sides = tuple(s for s in SIDES if s in args.sides)
    src = {"after": args.after_src.resolve() if args.after_src else None,
           "before": source_tree(args.before) if "before" in sides else None}
    runs: dict = {f"{side}-{w}": [] for w in args.workers for side in sides}
    for i in range(args.repeat):
        for w in args.workers:
            for side in (sides if i % 2 == 0 else sides[::-1]):
                r = run_side(side, src[side], folder, w, args.format)
                if r.get("collisions"):
                    print(f"  warning: {r['collisions']} report IRIs shared by two files", file=sys.stderr)
                r["chars_per_cpu_s_per_worker"] = r["chars"] / r["cpu_s"]
                runs[f"{side}-{w}"].append(r)
                print(f"  {side} -j {w}: {r['cpu_s']:.1f} CPU-s ({r['main_cpu_s']:.1f} main), {r['wall_s']:.1f} s wall, "
                      f"{r['chars_per_cpu_s_per_worker']:,.0f} chars/CPU-s, peak {r['main_peak_rss_mb']:.0f}/"
                      f"{r['worker_peak_rss_mb']:.0f} MiB, {r['sha256'][:12]}", file=sys.stderr)
    med = {k: {m: statistics.median(r[m] for r in v) for m in
               ("cpu_s", "main_cpu_s", "children_cpu_s", "report_cpu_s", "wall_s", "chars_per_cpu_s_per_worker",
                "main_peak_rss_mb", "worker_peak_rss_mb")} for k, v in runs.items()}
    same = len({r["sha256"] for v in runs.values() for r in v}) == 1
    first = runs[f"after-{args.workers[0]}"][0]
    res = {"folder": str(folder), "reports": first["reports"], "chars": first["chars"], "triples": first["triples"],
           "before": args.before, "after_src": str(src["after"] or ROOT), "median": med, "same_output": same, "sha256": first["sha256"],
           "replicas": bool(args.replicas), "format": args.format,
           "after_over_before_cpu": {w: ratio(med[f"before-{w}"]["cpu_s"], med[f"after-{w}"]["cpu_s"])
                                     for w in args.workers if len(sides) == 2},
           "runs": runs, "versions": versions("kg-gwr", "rdflib", "pyoxigraph", "spacy")}
    if len(args.workers) > 1:
        lo, hi = min(args.workers), max(args.workers)
        res["wall_speedup"] = {side: ratio(med[f"{side}-{lo}"]["wall_s"], med[f"{side}-{hi}"]["wall_s"]) for side in sides}
    path = write_results(args.name, res)
    print(json.dumps({k: res[k] for k in ("reports", "chars", "same_output", "after_over_before_cpu")}, indent=1))
    for k, v in med.items():
        print(k, {m: round(x, 2) for m, x in v.items()})
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
