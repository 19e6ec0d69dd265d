#!/usr/bin/env python3
"""How many bulk reports each head-rule name recurs in: a corpus statistic for the learned head
filter (loaders/data/head_name_reports.tsv; docs/ENTITIES.md "The learned head filter").

usage: .venv/bin/python scripts/head_name_reports.py [BULK_DIR] [--exclude DIR]... [--out FILE]
       (defaults: ../shared/bulk, excluding files byte-identical to ../shared/corpus/*.txt,
       writing loaders/data/head_name_reports.tsv)

Runs kg's entity extractor over every bulk report (the learned filter off) and collects the
names the head-word rule proposes (rule ``head``, not nested), then counts, for each distinct
name (wrapping quotes stripped), the bulk reports whose text contains it verbatim. Names in at
least MIN_REPORTS reports are written (name, reports). A name printed the same way across many
reports is a fixed term (粤港澳大湾区-like names, national campaigns); a name found in one report
only is that report's own phrase. Nothing here reads an answer key; the dev reports are left
out like scripts/corpus_stats.py leaves them out. Takes a few CPU-minutes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_REPORTS = 3


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bulk", nargs="?", default=str(ROOT.parent / "shared" / "bulk"))
    ap.add_argument("--exclude", action="append", default=None, help="skip reports byte-identical to DIR/*.txt")
    ap.add_argument("--out", default=str(ROOT / "loaders" / "data" / "head_name_reports.tsv"))
    args = ap.parse_args(argv)
    bulk = Path(args.bulk)
    if not bulk.is_dir():
        print(f"head_name_reports: {bulk} is not a directory", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus_stats import _reports

    import kg.loaders.entities as E
    from kg import pipeline

    exclude = [Path(d) for d in (args.exclude or [str(ROOT.parent / "shared" / "corpus")])]
    reports = _reports(bulk, [d for d in exclude if d.is_dir()])
    names: set[str] = set()
    seen_filter = E._head_filter

    def collect(found, text, model=None):
        names.update(f.surface.strip("“”\"") for f in found if f.rule == "head" and not f.nested)
        return found  # the learned filter off: the statistic must not depend on it

    E._head_filter = collect
    try:
        for rel, _text in reports:
            pipeline.analyse(bulk / rel)
    finally:
        E._head_filter = seen_filter
    texts = [t for _, t in reports]
    rows = []
    for name in sorted(n for n in names if len(n) >= 2):
        k = sum(1 for t in texts if name in t)
        if k >= MIN_REPORTS:
            rows.append((name, k))
    header = (f"Head-rule names and the bulk reports they recur in (>= {MIN_REPORTS}), verbatim.\n"
              f"made by scripts/head_name_reports.py from {len(reports)} bulk reports (dev reports left out)\n"
              "name\treports")
    lines = [f"# {line}" for line in header.splitlines()] + [f"{n}\t{k}" for n, k in rows]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"head_name_reports: {len(names)} head-rule names, {len(rows)} in >= {MIN_REPORTS} reports → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
