"""The entity stage (kg.loaders.entities.extract_entities): chars per CPU-second, the
memoised/pruned path (default) against the plain one (``kg.loaders.nlp.PLAIN``: jieba's
own cuts and Viterbi, spaCy's own tokenizer), side by side in one run.

Each side runs in a fresh process, sides alternated, ``--repeat`` times; a side parses
``--reports`` bulk reports drawn with ``random.Random(--seed)`` (default 10, seed 7), runs
the stage once on the first to build the pipeline, then times every report with
``time.process_time`` (CPU seconds of this process). It also checks that both sides give
the same entities and relations (a digest of names, types, spans and rules). Prints a
table of medians and the ratio, writes bench/results/entities.json.

    .venv/bin/python bench/bench_entities.py [--repeat 3] [--reports 10] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, child, emit, median, ratio, table, versions, write_results  # noqa: E402

SIDES = ("fast", "plain")


def _sample(bulk: Path, n: int, seed: int) -> list[Path]:
    return random.Random(seed).sample(sorted(bulk.rglob("*.txt")), n)


def side_child(side: str, bulk: str, n: int, seed: int) -> None:
    import kg.loaders.nlp as nlp

    nlp.PLAIN = side == "plain"
    from kg.loaders.entities import extract_entities
    from kg.pipeline import parse

    reports = [parse(p) for p in _sample(Path(bulk), n, seed)]
    extract_entities(reports[0])  # the pipeline and jieba's dictionaries, built once
    digest = hashlib.sha256()
    cpu = 0.0
    chars = 0
    for r in reports:
        t = time.process_time()
        entities, relations = extract_entities(r)
        cpu += time.process_time() - t
        chars += len(r.text.text)
        rows = [
            [e.name, e.type.value, e.subtype, sorted((m.start, m.end, m.rule) for m in e.mentions)]
            for e in entities
        ]
        rels = [[x.subject, x.predicate, x.object, x.start, x.end, x.rule] for x in relations]
        digest.update(json.dumps([sorted(rows), sorted(rels)], ensure_ascii=False).encode())
    emit({"cpu_s": round(cpu, 3), "chars": chars, "chars_per_cpu_s": round(chars / cpu), "digest": digest.hexdigest()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs=4, metavar=("SIDE", "BULK", "N", "SEED"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reports", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bulk", type=Path, default=SHARED / "bulk")
    args = ap.parse_args()
    if args.child:
        side, bulk, n, seed = args.child
        side_child(side, bulk, int(n), int(seed))
        return
    if not args.bulk.is_dir():
        print(f"error: no bulk corpus at {args.bulk}", file=sys.stderr)
        raise SystemExit(2)
    runs: dict[str, list[dict]] = {s: [] for s in SIDES}
    for _ in range(args.repeat):
        for s in SIDES:
            runs[s].append(child(__file__, s, str(args.bulk), str(args.reports), str(args.seed)))
    digests = {s: {r["digest"] for r in runs[s]} for s in SIDES}
    same = len(digests["fast"] | digests["plain"]) == 1
    med = {s: {"cpu_s": median(runs[s], "cpu_s"), "chars_per_cpu_s": median(runs[s], "chars_per_cpu_s")} for s in SIDES}
    speedup = ratio(med["fast"]["chars_per_cpu_s"], med["plain"]["chars_per_cpu_s"])
    rows = [[s, runs[s][0]["chars"], med[s]["cpu_s"], med[s]["chars_per_cpu_s"]] for s in SIDES]
    print(table(rows, ["side", "chars", "cpu s (median)", "chars / cpu s"]))
    print(f"fast / plain: {speedup}x; same entities and relations: {same}")
    path = write_results(
        "entities",
        {
            "reports": args.reports, "seed": args.seed, "repeat": args.repeat,
            "median": med, "fast_over_plain": speedup, "same_output": same, "runs": runs,
            "versions": versions("spacy", "jieba"),
        },
    )
    print(f"wrote {path}")
    if not same:
        raise SystemExit("the two sides disagree: the speed-ups changed the output")


if __name__ == "__main__":
    main()
