#!/usr/bin/env python3
"""The genre's ubiquitous words, computed from the bulk reports and shipped as data.

usage: .venv/bin/python scripts/kind_words.py [BULK_DIR] [--exclude DIR]... [--out FILE]
       (defaults: ../shared/bulk, excluding files byte-identical to ../shared/corpus/*.txt,
       writing loaders/data/kind_words.txt)

A word (kg's own segmenter, the one the entity stage uses, over every run of Han characters
of a report) is *ubiquitous* when at least ``SHARE`` of the bulk reports hold it: 发展, 科技,
民生, 实事, 服务 — the words every report uses, which name no one thing. The entity stage
reads the list (``kg.loaders.entities._drop_kind_names``): a name made of a level word, one
ubiquitous word and its head (全国科技计划, 国家发展战略, 省级民生项目) is a kind of programme
a level runs, not one named programme. Nothing here reads an answer key; output is sorted
and deterministic.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARE = 0.75
sys.path.insert(0, str(ROOT / "scripts"))


def main(argv: list[str] | None = None) -> int:
    from corpus_stats import _reports

    from kg.loaders.nlp import WordSegmenter

    ap = argparse.ArgumentParser()
    ap.add_argument("bulk", nargs="?", default=str(ROOT.parent / "shared" / "bulk"))
    ap.add_argument("--exclude", action="append", default=None)
    ap.add_argument("--out", default=str(ROOT / "loaders" / "data" / "kind_words.txt"))
    args = ap.parse_args(argv)
    bulk = Path(args.bulk)
    exclude = [Path(p) for p in (args.exclude or [str(ROOT.parent / "shared" / "corpus")])]
    if not bulk.is_dir():
        print("kind_words: BULK_DIR must be a directory", file=sys.stderr)
        return 2
    reports = _reports(bulk, exclude)
    if not reports:
        print(f"kind_words: no reports under {bulk}", file=sys.stderr)
        return 2
    seg = WordSegmenter()
    df: Counter[str] = Counter()
    for _rel, text in reports:
        words = set()
        for run in re.findall(r"[\u4e00-\u9fff]+", text):
            words.update(w for w, _tag in seg._cut(run))
        df.update(words)
    need = SHARE * len(reports)
    keep = sorted((w for w, c in df.items() if c >= need and len(w) >= 2), key=lambda w: (-df[w], w))
    lines = [
        f"# Ubiquitous words: in at least {SHARE:.0%} of {len(reports)} bulk reports (scripts/kind_words.py;",
        "# kg's segmenter, reports byte-identical to dev reports left out). Word, reports.",
        *(f"{w}\t{df[w]}" for w in keep),
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"kind_words: {len(keep)} words from {len(reports)} reports -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
