"""Why a build worker's memory grows: one warm worker (as the pool's, after ``warm_up``)
runs :func:`kg.export.report_triples` over the reports in path order, and after each
report records its resident memory, the peak during that report (``/proc/self/clear_refs``
resets the peak before each report; Linux), its CPU and what the memoised Viterbi steps
of ``kg.loaders.nlp`` hold (``_STEPS``, the arrays' bytes). Run per side: this checkout
and any source trees given (``--src DIR``, laid out like ``bench_entities.source_tree``,
e.g. a patched copy), each in a fresh process.

    .venv/bin/python bench/bench_worker_memory.py [--folder ../shared/bulk] [--limit N] [--src DIR ...]

Results go to bench/results/worker-memory.json (per report and a summary per side).
Benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, emit, side_child, write_results  # noqa: E402


def _status() -> dict[str, float]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(line.split()[1]) / 1024
    return out


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current RSS
        return True
    except OSError:
        return False


def _steps_mb() -> float | None:
    nlp = sys.modules.get("kg.loaders.nlp")
    steps = getattr(nlp, "_STEPS", None)
    if steps is None:
        return None
    return sum(getattr(a, "nbytes", 0) for step in steps.values() for a in step) / 2**20


def trace_child(folder: str, limit: str) -> None:
    import kg
    from kg.export import report_triples
    from kg.pipeline import report_paths, warm_up

    paths = [str(p) for p in report_paths([folder])][: int(limit) or None]
    warm_up()
    warm = _status()["VmRSS"]
    rows = []
    for path in paths:
        resets = _reset_peak()
        before = _status()["VmRSS"]
        c0 = time.process_time()
        r = report_triples(path)
        cpu = time.process_time() - c0
        after = _status()
        rows.append({"report": str(Path(path).relative_to(folder)), "chars": r.chars, "cpu_s": round(cpu, 3),
                     "rss_before_mb": round(before, 1), "rss_after_mb": round(after["VmRSS"], 1),
                     "peak_mb": round(after["VmHWM"], 1) if resets else None,
                     "steps_mb": None if _steps_mb() is None else round(_steps_mb(), 1)})
        del r
    emit({"kg": kg.__file__, "warm_rss_mb": warm, "rows": rows})


def summary(got: dict) -> dict:
    rows = got["rows"]
    step = max(rows, key=lambda r: (r["peak_mb"] or r["rss_after_mb"]) - r["rss_before_mb"])
    at = {n: rows[n - 1]["rss_after_mb"] for n in (10, 25, 50, 100, len(rows)) if n <= len(rows)}
    return {"kg": got["kg"], "reports": len(rows), "chars": sum(r["chars"] for r in rows),
            "cpu_s": round(sum(r["cpu_s"] for r in rows), 1), "warm_rss_mb": round(got["warm_rss_mb"], 1),
            "rss_after_n_reports_mb": at, "peak_mb": max(r["peak_mb"] or r["rss_after_mb"] for r in rows),
            "largest_step": {"report": step["report"], "chars": step["chars"],
                             "mb": round((step["peak_mb"] or step["rss_after_mb"]) - step["rss_before_mb"], 1)},
            "steps_mb_max": max((r["steps_mb"] or 0.0) for r in rows)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=SHARED / "bulk")
    ap.add_argument("--limit", type=int, default=0, help="first N reports in path order (0: all)")
    ap.add_argument("--src", type=Path, nargs="*", default=[], help="also run these source trees")
    ap.add_argument("--name", default="worker-memory")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        trace_child(*args.child)
        return
    res: dict = {"folder": str(args.folder), "sides": {}}
    for src in [None, *args.src]:
        name = "this" if src is None else src.name
        got = side_child(name, None if src is None else src.resolve(), __file__, str(args.folder.resolve()),
                         str(args.limit))
        res["sides"][name] = {"summary": summary(got), "rows": got["rows"]}
        s = res["sides"][name]["summary"]
        print(f"  {name}: warm {s['warm_rss_mb']:.0f} MiB, after n reports {s['rss_after_n_reports_mb']}, peak "
              f"{s['peak_mb']:.0f}, largest step {s['largest_step']}, Viterbi steps up to {s['steps_mb_max']:.0f} MiB, "
              f"{s['cpu_s']} CPU-s", file=sys.stderr)
    print(f"wrote {write_results(args.name, res)}", file=sys.stderr)


if __name__ == "__main__":
    main()
