"""The patterns' prefilter (kg.loaders.patterns.Prefilter) against every pattern's regex on
real text: every line of every report under the given folders (default the bulk corpus and
../shared/corpus) and every sentence of it (cut after 。；！？). A pattern whose regex finds
a match in a text must be among the prefilter's candidates for that text; the finder
patterns (PatternFinder) and the vetoes (PatternSet.vetoed; searched here, a stricter
test than its fullmatch of a whole name). Prints the
counts and every miss; exit 1 on a miss. Not a benchmark: a check too slow for the unit
tests (about a CPU-minute).

    .venv/bin/python bench/check_prefilter.py [FOLDER ...]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED  # noqa: E402


def texts_of(folders: list[Path]) -> set[str]:
    out: set[str] = set()
    for folder in folders:
        for f in sorted(folder.rglob("*.txt")):
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
                out.add(line)
                out.update(re.split(r"(?<=[。；！？])", line))
    out.discard("")
    return out


def main() -> None:
    from kg.loaders.patterns import Prefilter, load_patterns

    folders = [Path(a) for a in sys.argv[1:]] or [SHARED / "bulk", SHARED / "corpus"]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        raise SystemExit(f"error: no folder {missing[0]}")
    patterns = load_patterns()
    texts = texts_of(folders)
    failed = False
    for name, group in (("finders", patterns.finders), ("vetoes", patterns.vetoes)):
        misses = hits = kept = 0
        pf = Prefilter(group)
        for text in texts:
            cands = {id(p) for p in pf(text)}
            kept += len(cands)
            for p in group:
                if p.regex.search(text):
                    hits += 1
                    if id(p) not in cands:
                        misses += 1
                        print(f"MISS {name} {p.id}: {text[:60]}")
        print(f"{name}: {len(group)} patterns, {len(texts)} texts, {hits} matches, "
              f"{kept / len(texts):.2f} candidates per text, {misses} missed")
        failed = failed or misses > 0
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
