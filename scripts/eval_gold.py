#!/usr/bin/env python3
"""Score kg against every answer key in ../shared/gold and print a Markdown table.

usage: .venv/bin/python scripts/eval_gold.py [GOLD_DIR]   (default: ../shared/gold)
Each key names its report in "source"; reports are looked up in GOLD_DIR/../corpus.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg import pipeline
from kg.evaluate import load_gold, score

COLUMNS = [
    ("sections", "f1"), ("subsections", "f1"), ("glossary", "f1"),
    ("glossary_components", "f1"), ("glossary_mentions", "f1"),
    ("quantities", "f1"), ("quantities", "r"), ("quantities.strict", "f1"),
    ("entities", "f1"), ("entities.by_type.Place", "f1"), ("relations", "f1"),
]


def _get(d: dict, path: str, metric: str):
    for k in path.split("."):
        d = (d or {}).get(k) or {}
    v = d.get(metric)
    return "–" if v is None else f"{v:.3f}"


def main() -> None:
    gold_dir = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared" / "gold")
    corpus = gold_dir.parent / "corpus"
    print("| key | " + " | ".join(f"{p} {m}" for p, m in COLUMNS) + " | metadata |")
    print("|---" * (len(COLUMNS) + 2) + "|")
    for gold_path in sorted(gold_dir.glob("*.json")):
        source = json.loads(gold_path.read_text(encoding="utf-8")).get("source")
        report = corpus / source
        analysis = pipeline.analyse(report)
        s = score(analysis, load_gold(gold_path, analysis.report.text))
        fields = s.get("report", {}).get("fields", {})
        meta = f"{sum(1 for v in fields.values() if v == 1.0)}/{len(fields)}" if fields else "–"
        print(f"| {gold_path.stem} | " + " | ".join(_get(s, p, m) for p, m in COLUMNS) + f" | {meta} |")


if __name__ == "__main__":
    main()
