"""The entity stage (kg.loaders.entities.extract_entities): chars per CPU-second of this
tree ("after") against the code of an earlier commit ("before", default the commit before
the one-automaton work), side by side in one run, with the output compared report by report.

The "before" side runs the same script on a copy of ``git archive REV`` (kept in
``$KG_BENCH_CACHE/src-REV``, laid out as the installed package: ``kg/``, ``kg/loaders``…)
first on ``PYTHONPATH``, so it imports the old ``kg``. Each side runs in a fresh process,
sides alternated, ``--repeat`` times; a side parses ``--reports`` bulk reports drawn with
``random.Random(--seed)`` (default 10, seed 7), runs the stage once on the first to build
the pipeline, then times every report with ``time.process_time`` (CPU seconds of this
process). Every report's entities and relations (names, types, spans, rules) are written
to a file per side and compared; ``--check`` also compares the reports of every answer key
in ``../shared/gold`` and ``--check-sample`` more bulk reports (no timing). Prints a table
of medians and the ratio, writes bench/results/entities.json.

    .venv/bin/python bench/bench_entities.py [--repeat 3] [--reports 10] [--seed 7] [--before REV]
    .venv/bin/python bench/bench_entities.py --check [--check-sample 30]   # equality only
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, ROOT, SHARED, emit, side_child as run_child, median, ratio, table, versions, write_results  # noqa: E402

BEFORE = "5daf52b"
"""The commit before the one-automaton work."""
SIDES = ("after", "before")
PACKAGE_DIRS = ("loaders", "ontology", "queries")
"""Top-level folders installed under ``kg.`` (pyproject's package-dir)."""


def _sample(bulk: Path, n: int, seed: int) -> list[Path]:
    return random.Random(seed).sample(sorted(bulk.rglob("*.txt")), n)


def _gold_reports(shared: Path) -> list[Path]:
    out = []
    for key in sorted((shared / "gold").glob("*.json")):
        source = json.loads(key.read_text(encoding="utf-8")).get("source")
        if source and (shared / "corpus" / source).is_file():
            out.append(shared / "corpus" / source)
    return out


def _rows(entities, relations) -> list:
    """The analysis, canonical: what two runs must agree on."""
    ents = sorted(
        [e.name, e.type.value, e.subtype, sorted(e.aliases), e.parent, sorted((m.start, m.end, m.rule) for m in e.mentions)]
        for e in entities
    )
    rels = sorted([x.subject, x.predicate, x.object, x.start, x.end, x.rule] for x in relations)
    return [ents, rels]


def side_child(listing: str, out: str, timed: bool) -> None:
    import kg
    from kg.loaders.entities import extract_entities
    from kg.pipeline import parse

    paths = [Path(p) for p in Path(listing).read_text(encoding="utf-8").splitlines()]
    reports = [parse(p) for p in paths]
    extract_entities(reports[0])  # the pipeline and jieba's dictionaries, built once
    cpu = 0.0
    chars = 0
    with open(out, "w", encoding="utf-8") as f:
        for p, r in zip(paths, reports, strict=True):
            t = time.process_time()
            entities, relations = extract_entities(r)
            cpu += time.process_time() - t
            chars += len(r.text.text)
            f.write(json.dumps([p.name, _rows(entities, relations)], ensure_ascii=False) + "\n")
    emit({"kg": kg.__file__, "cpu_s": round(cpu, 3), "chars": chars, "chars_per_cpu_s": round(chars / cpu) if timed else None})


def source_tree(rev: str) -> Path:
    """``git archive REV`` laid out as the installed package, for ``PYTHONPATH``."""
    full = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{rev}^{{commit}}"], capture_output=True, text=True, check=False
    )
    if full.returncode != 0:
        raise SystemExit(f"error: no commit {rev!r} in {ROOT}")
    sha = full.stdout.strip()
    dest = CACHE / f"src-{sha[:12]}"
    if (dest / "kg" / "loaders").is_dir():
        return dest
    tmp = Path(tempfile.mkdtemp(dir=CACHE.mkdir(parents=True, exist_ok=True) or CACHE))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    for d in PACKAGE_DIRS:
        if (tmp / d).is_dir():
            shutil.move(str(tmp / d), str(tmp / "kg" / d))
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest


def run_side(side: str, src: Path | None, listing: Path, out: Path, timed: bool) -> dict:
    return run_child(side, src, __file__, str(listing), str(out), "timed" if timed else "check")


def compare(a: Path, b: Path) -> list[str]:
    """Report names whose analyses differ, with the first difference of each."""
    diffs = []
    for la, lb in zip(a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines(), strict=True):
        (name, ra), (_, rb) = json.loads(la), json.loads(lb)
        if ra != rb:
            for what, xa, xb in (("entities", ra[0], rb[0]), ("relations", ra[1], rb[1])):
                only_a = [x for x in xa if x not in xb][:3]
                only_b = [x for x in xb if x not in xa][:3]
                if only_a or only_b:
                    diffs.append(f"{name} {what}: after only {only_a}; before only {only_b}")
    return diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs=3, metavar=("LISTING", "OUT", "MODE"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reports", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--before", default=BEFORE, help="git revision of the old path (default %(default)s)")
    ap.add_argument("--check", action="store_true", help="only compare the analyses (answer-key reports + a bulk sample)")
    ap.add_argument("--check-sample", type=int, default=30, help="bulk reports compared by --check (seed 11)")
    ap.add_argument("--bulk", type=Path, default=SHARED / "bulk")
    args = ap.parse_args()
    if args.child:
        listing, out, mode = args.child
        side_child(listing, out, mode == "timed")
        return
    if not args.bulk.is_dir():
        print(f"error: no bulk corpus at {args.bulk}", file=sys.stderr)
        raise SystemExit(2)
    src = {"after": None, "before": source_tree(args.before)}
    work = Path(tempfile.mkdtemp(prefix="kg-bench-entities-"))
    if args.check:
        paths = [*_gold_reports(SHARED), *_sample(args.bulk, args.check_sample, 11)]
        listing = work / "reports.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
        for s in SIDES:
            run_side(s, src[s], listing, work / f"{s}.jsonl", timed=False)
        diffs = compare(work / "after.jsonl", work / "before.jsonl")
        print(f"{len(paths)} reports ({len(paths) - args.check_sample} answer-key reports, {args.check_sample} bulk): "
              f"{len(paths) - len({d.split()[0] for d in diffs})} identical")
        print("\n".join(diffs) or "same entities and relations before and after")
        shutil.rmtree(work)
        raise SystemExit(1 if diffs else 0)
    listing = work / "reports.txt"
    listing.write_text("\n".join(map(str, _sample(args.bulk, args.reports, args.seed))), encoding="utf-8")
    runs: dict[str, list[dict]] = {s: [] for s in SIDES}
    diffs: list[str] = []
    for i in range(args.repeat):
        for s in SIDES:
            runs[s].append(run_side(s, src[s], listing, work / f"{s}.jsonl", timed=True))
        diffs += compare(work / "after.jsonl", work / "before.jsonl")
    shutil.rmtree(work)
    same = not diffs
    med = {s: {"cpu_s": median(runs[s], "cpu_s"), "chars_per_cpu_s": median(runs[s], "chars_per_cpu_s")} for s in SIDES}
    speedup = ratio(med["after"]["chars_per_cpu_s"], med["before"]["chars_per_cpu_s"])
    rows = [[s, runs[s][0]["chars"], med[s]["cpu_s"], med[s]["chars_per_cpu_s"]] for s in SIDES]
    print(table(rows, ["side", "chars", "cpu s (median)", "chars / cpu s"]))
    print(f"after / before ({args.before}): {speedup}x; same entities and relations: {same}")
    path = write_results(
        "entities",
        {
            "reports": args.reports, "seed": args.seed, "repeat": args.repeat, "before": args.before,
            "median": med, "after_over_before": speedup, "same_output": same, "runs": runs,
            "versions": versions("spacy", "jieba", "pyahocorasick"),
        },
    )
    print(f"wrote {path}")
    if not same:
        print("\n".join(diffs[:20]), file=sys.stderr)
        raise SystemExit("the two sides disagree: the speed-ups changed the output")


if __name__ == "__main__":
    main()
