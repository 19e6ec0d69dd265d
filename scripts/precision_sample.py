#!/usr/bin/env python3
"""Draw the entity precision sample: 10 bulk reports no answer key covers, 200 entities.

usage: .venv/bin/python scripts/precision_sample.py [--seed 2026] [--reports 10] [--entities 200]
       [--all TSV] [BULK_DIR] [GOLD_DIR]   (defaults ../shared/bulk, ../shared/gold)

Reports: every bulk report except those byte-identical to a report an answer key names and
those of a place and year a key covers; drawn with ``random.Random(seed)`` by level — 4
city-level, 2 provincial (2026), 1 Shanghai, 3 national from three different decades.
Entities: every entity kg extracts from those reports, in report order, then 200 drawn with
the same generator. Prints a Markdown table (report, type/subtype, name, rule, context)
for a person to give each row a verdict; nothing here judges.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from kg import pipeline

ROOT = Path(__file__).resolve().parents[1]
QUOTA = (("city-2024", 4), ("province-2026", 2), ("shanghai", 1), ("national", 3))


def _covered(gold: Path) -> tuple[set[str], set[str]]:
    digests, stems = set(), set()
    for g in sorted(gold.glob("*.json")):
        source = json.loads(g.read_text(encoding="utf-8")).get("source")
        if source and (gold.parent / "corpus" / source).is_file():
            digests.add(hashlib.sha256((gold.parent / "corpus" / source).read_bytes()).hexdigest())
            stems.add(Path(source).stem)
    return digests, stems


def _stratum(rel: str) -> str:
    name = Path(rel).stem
    if rel.startswith("national/"):
        year = int(name.rsplit("-", 1)[-1])
        return f"national-{year // 10 * 10}s"
    return rel.split("/")[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bulk", nargs="?", default=str(ROOT.parent / "shared" / "bulk"))
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "gold"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--reports", type=int, default=10)
    ap.add_argument("--entities", type=int, default=200)
    ap.add_argument("--all", metavar="TSV", help="also write every entity of the drawn reports (report, type, "
                    "name, rule, context) to TSV, to see which rows of an earlier sample are still extracted")
    args = ap.parse_args(argv)
    bulk, gold = Path(args.bulk), Path(args.gold)
    if not bulk.is_dir() or not gold.is_dir():
        print("precision_sample: BULK_DIR and GOLD_DIR must be directories", file=sys.stderr)
        return 2
    digests, stems = _covered(gold)
    strata: dict[str, list[str]] = {}
    for p in sorted(bulk.rglob("*.txt")):
        rel = str(p.relative_to(bulk))
        if hashlib.sha256(p.read_bytes()).hexdigest() in digests or p.stem in stems:
            continue
        strata.setdefault(_stratum(rel), []).append(rel)
    rng = random.Random(args.seed)
    chosen: list[str] = []
    for level, n in QUOTA:
        if level == "national":
            decades = sorted(s for s in strata if s.startswith("national-"))
            for d in rng.sample(decades, min(n, len(decades))):
                chosen.append(rng.choice(strata[d]))
        else:
            pool = strata.get(level, [])
            chosen.extend(rng.sample(pool, min(n, len(pool))))
    chosen = chosen[: args.reports]
    rows = []
    for rel in chosen:
        analysis = pipeline.analyse(bulk / rel)
        text = analysis.report.text.text
        for e in analysis.entities:
            m = e.mentions[0] if e.mentions else None
            ctx = text[max(0, m.start - 8) : m.end + 8].replace("\n", " ").replace("|", "｜") if m else ""
            typ = f"{e.type.value}/{e.subtype}" if e.subtype else e.type.value
            rows.append((rel, typ, e.name, (m.rule if m else "") or "", ctx))
    if args.all:
        Path(args.all).write_text("".join("\t".join((Path(r[0]).stem, *r[1:])) + "\n" for r in rows), encoding="utf-8")
    sample = rng.sample(rows, min(args.entities, len(rows)))
    print(f"<!-- seed {args.seed}; reports: {', '.join(chosen)}; {len(rows)} entities, {len(sample)} drawn -->")
    print("| # | report | type | name | rule | context | verdict |")
    print("|---|---|---|---|---|---|---|")
    for i, (rel, typ, name, rule, ctx) in enumerate(sample, 1):
        print(f"| {i} | {Path(rel).stem} | {typ} | {name} | {rule} | {ctx} |  |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
