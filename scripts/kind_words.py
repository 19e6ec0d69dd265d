#!/usr/bin/env python3
"""The genre's ubiquitous words, computed from the bulk reports and shipped as data.

usage: .venv/bin/python scripts/kind_words.py [BULK_DIR] [--exclude DIR]... [--out FILE]
       (defaults: ../shared/bulk, excluding files byte-identical to ../shared/corpus/*.txt,
       writing loaders/data/kind_words.txt)

A word (kg's own segmenter, the one the entity stage uses, over every run of Han characters
of a report) is *ubiquitous* (class ``u``) when at least ``SHARE`` of the bulk reports hold
it: 发展, 科技, 服务 — the words every report uses, which name no one thing; it is a *genre
word* (class ``g``) when at least ``GENRE_SHARE`` hold it: 涉企, 居家, 算力, 融合 — the
vocabulary of the genre's topics, shared by many reports. The entity stage reads the list
(``kg.loaders.entities._drop_kind_names``): a name made of a level word, ubiquitous words and
its head (全国科技计划, 国家发展战略) is a kind of programme every level runs; a mechanism,
platform or model named by one to three genre words alone (涉企服务平台, 产教融合创新机制,
城市治理模式) is a kind every report builds, not one named thing. Nothing here reads an
answer key; output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARE = 0.75
GENRE_SHARE = 0.2
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
    need, genre = SHARE * len(reports), GENRE_SHARE * len(reports)
    keep = sorted((w for w, c in df.items() if c >= genre and len(w) >= 2), key=lambda w: (-df[w], w))
    lines = [
        f"# Genre words: in at least {GENRE_SHARE:.0%} (class g) or {SHARE:.0%} (class u, ubiquitous) of "
        f"{len(reports)} bulk reports",
        "# (scripts/kind_words.py; kg's segmenter, reports byte-identical to dev reports left out).",
        "# Word, reports, class.",
        *(f"{w}\t{df[w]}\t{'u' if df[w] >= need else 'g'}" for w in keep),
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"kind_words: {len(keep)} words from {len(reports)} reports -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
