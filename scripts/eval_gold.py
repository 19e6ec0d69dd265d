#!/usr/bin/env python3
"""Score kg against every answer key in ../shared/gold and print a Markdown table.

usage: .venv/bin/python scripts/eval_gold.py [GOLD_DIR] [--loo-json FILE] [--loo]
  GOLD_DIR     default: ../shared/gold. Each key names its report in "source"; reports are
               looked up in GOLD_DIR/../corpus.
  --loo-json   leave-one-key-out results (default: bench/results/loo.json, written by
               scripts/train_entities.py loo).
  --loo        run the leave-one-key-out folds first (slow: trains one model per key) and
               write them to --loo-json.

The in-sample columns score the pipeline as it runs now (``kg.pipeline.analyse``). The LOO
columns (entities, Programme, Policy, relations F1 "LOO") come from the JSON, for the
variant it says ships; a line under the table gives their provenance (commit, kg source
fingerprint) and says when the JSON was made from a different kg source than the one
running now.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COLUMNS = [
    ("sections", "f1"), ("subsections", "f1"), ("glossary", "f1"),
    ("glossary_components", "f1"), ("glossary_mentions", "f1"),
    ("quantities", "f1"), ("quantities", "r"), ("quantities.strict", "f1"),
    ("entities", "f1"), ("entities.by_type.Place", "f1"),
    ("entities.by_type.Programme", "f1"), ("entities.by_type.Policy", "f1"), ("relations", "f1"),
]
LOO_COLUMNS = [("entities", "entities F1 LOO"), ("Programme", "Programme F1 LOO"),
               ("Policy", "Policy F1 LOO"), ("relations", "relations F1 LOO")]


def _get(d: dict, path: str, metric: str):
    for k in path.split("."):
        d = (d or {}).get(k) or {}
    v = d.get(metric)
    return "–" if v is None else f"{v:.3f}"


def _fmt(v) -> str:
    return "–" if v is None else f"{v:.3f}"


def _loo_cells(loo: dict | None, key: str) -> list[str]:
    row = ((loo or {}).get("keys") or {}).get(key, {}).get((loo or {}).get("shipped", "rules"))
    if not row:
        return ["–"] * len(LOO_COLUMNS)
    out = []
    for name, _ in LOO_COLUMNS:
        v = row.get(name)
        out.append(_fmt(v.get("f1") if isinstance(v, dict) else v))
    return out


def _provenance(loo: dict | None, path: Path) -> str:
    if not loo:
        return f"LOO columns: no results at {path} (run scripts/train_entities.py loo, or this script with --loo)."
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_entities import source_fingerprint

    now = source_fingerprint()
    made = loo.get("kg_source_fingerprint")
    stale = "" if made == now else f" STALE: kg's source is now {now}, re-run with --loo."
    t = loo.get("time") or {}
    shipped = loo.get("shipped", "rules")
    how = ("the rules alone won held out (they are not re-fitted per fold: their LOO figure is their score "
           "on the key)" if shipped == "rules" else "the model in it trained on the other keys + silver")
    return (f"LOO columns: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}, variant "
            f"'{shipped}', {how}; commit "
            f"{(loo.get('git_commit') or '?')[:10]}, kg source {made}; folds took {t.get('wall_s')} s wall, "
            f"{t.get('cpu_s')} s CPU.{stale}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--loo-json", type=Path, default=ROOT / "bench" / "results" / "loo.json")
    ap.add_argument("--loo", action="store_true", help="run the leave-one-key-out folds first (slow)")
    args = ap.parse_args(argv)
    gold_dir: Path = args.gold_dir
    if not gold_dir.is_dir():
        print(f"error: {gold_dir}: no such folder of answer keys", file=sys.stderr)
        sys.exit(2)
    if args.loo:
        sys.path.insert(0, str(ROOT / "scripts"))
        import train_entities

        train_entities.main(["loo", "--shared", str(gold_dir.parent), "--out", str(args.loo_json)])

    from kg import pipeline
    from kg.evaluate import load_gold, score

    loo = json.loads(args.loo_json.read_text(encoding="utf-8")) if args.loo_json.is_file() else None
    corpus = gold_dir.parent / "corpus"
    print("| key | " + " | ".join(f"{p} {m}" for p, m in COLUMNS) + " | metadata | "
          + " | ".join(h for _, h in LOO_COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 2 + len(LOO_COLUMNS)) + "|")
    for gold_path in sorted(gold_dir.glob("*.json")):
        source = json.loads(gold_path.read_text(encoding="utf-8")).get("source")
        report = corpus / source
        analysis = pipeline.analyse(report)
        s = score(analysis, load_gold(gold_path, analysis.report.text))
        fields = s.get("report", {}).get("fields", {})
        meta = f"{sum(1 for v in fields.values() if v == 1.0)}/{len(fields)}" if fields else "–"
        print(f"| {gold_path.stem} | " + " | ".join(_get(s, p, m) for p, m in COLUMNS) + f" | {meta} | "
              + " | ".join(_loo_cells(loo, gold_path.stem)) + " |")
    print()
    print(_provenance(loo, args.loo_json))


if __name__ == "__main__":
    main()
