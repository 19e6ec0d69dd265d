"""The quantity stage (kg.loaders.quantities.extract_quantities): chars per CPU-second of
this tree ("after") against the code of an earlier commit ("before", default main at the
start of session 11's quantity work), side by side in one run, the output compared.

The "before" side runs the same script on a copy of ``git archive REV`` (laid out as the
installed package by ``bench_entities.source_tree``) first on ``PYTHONPATH``. Each side runs
in a fresh process, sides alternated, ``--repeat`` times; a side parses ``--reports`` bulk
reports drawn with ``random.Random(--seed)`` (default 40, seed 7), runs the stage once on
the first (data files, dictionaries), then times the stage on every report with
``time.process_time`` (CPU seconds of this process; parsing is not timed). Every report's
quantities (each field, in order) are hashed per side; the sides must agree. Prints a
table of medians and the ratio, writes bench/results/quantities.json.

    .venv/bin/python bench/bench_quantities.py [--repeat 3] [--reports 40] [--seed 7] [--before REV]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, emit, side_child as run_child, median, ratio, table, write_results  # noqa: E402
from bench_entities import source_tree  # noqa: E402

BEFORE = "10c3fc0"
"""main when the quantity-stage work of session 11 began."""
SIDES = ("after", "before")


def side_child(listing: str) -> None:
    import kg
    from kg import pipeline
    from kg.loaders.quantities import extract_quantities

    paths = [Path(p) for p in Path(listing).read_text(encoding="utf-8").splitlines()]
    reports = [pipeline.parse(pipeline.read(p)) for p in paths]
    extract_quantities(reports[0])  # loads the data files; timed apart from the rest
    digest = hashlib.md5()
    cpu = 0.0
    count = 0
    for r in reports:
        t0 = time.process_time()
        qs = extract_quantities(r)
        cpu += time.process_time() - t0
        count += len(qs)
        digest.update(repr(qs).encode("utf-8"))
    chars = sum(len(r.text.text) for r in reports)
    emit({"kg": kg.__file__, "cpu_s": round(cpu, 3), "chars": chars, "chars_per_cpu_s": round(chars / cpu),
          "quantities": count, "digest": digest.hexdigest()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", metavar="LISTING")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reports", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--before", default=BEFORE, help="git revision of the old code (default %(default)s)")
    ap.add_argument("--bulk", type=Path, default=SHARED / "bulk")
    args = ap.parse_args()
    if args.child:
        side_child(args.child)
        return
    if not args.bulk.is_dir():
        print(f"error: no bulk corpus at {args.bulk}", file=sys.stderr)
        raise SystemExit(2)
    src = {"after": None, "before": source_tree(args.before)}
    sample = random.Random(args.seed).sample(sorted(args.bulk.rglob("*.txt")), args.reports)
    with tempfile.TemporaryDirectory(prefix="kg-bench-quantities-") as work:
        listing = Path(work) / "reports.txt"
        listing.write_text("\n".join(map(str, sample)), encoding="utf-8")
        runs: dict[str, list[dict]] = {s: [] for s in SIDES}
        for i in range(args.repeat):
            for s in SIDES if i % 2 == 0 else SIDES[::-1]:
                runs[s].append(run_child(s, src[s], __file__, str(listing)))
    same = len({r["digest"] for s in SIDES for r in runs[s]}) == 1
    med = {s: {"cpu_s": median(runs[s], "cpu_s"), "chars_per_cpu_s": median(runs[s], "chars_per_cpu_s")} for s in SIDES}
    speedup = ratio(med["after"]["chars_per_cpu_s"], med["before"]["chars_per_cpu_s"])
    rows = [[s, runs[s][0]["chars"], med[s]["cpu_s"], med[s]["chars_per_cpu_s"]] for s in SIDES]
    print(table(rows, ["side", "chars", "cpu s (median)", "chars / cpu s"]))
    print(f"after / before ({args.before}): {speedup}x; same quantities: {same}")
    path = write_results("quantities", {
        "reports": args.reports, "seed": args.seed, "repeat": args.repeat, "before": args.before,
        "median": med, "after_over_before": speedup, "same_output": same, "runs": runs,
    })
    print(f"wrote {path}")
    if not same:
        raise SystemExit("the two sides disagree: the speed-ups changed the output")


if __name__ == "__main__":
    main()
