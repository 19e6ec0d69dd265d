#!/usr/bin/env python3
"""Train the learned head filter (loaders/data/head_filter.json) on the read precision draws.

usage: .venv/bin/python scripts/train_head_filter.py [--doc docs/entity-precision-sample.md]
       [--out loaders/data/head_filter.json] [--enable] [--report] [--seeds-of JSON]
       (--seeds-of loaders/data/head_filter.json rebuilds the shipped file byte for byte once newer
       draws are in the doc)

Rows: every head-rule row of every "The sample ... seed N" table of the doc (report, type, name,
rule, context, verdict); verdict ``correct``/``lenient`` = right (1), ``wrong`` = wrong (0). The
readers' verdicts, never the answer keys. Features: kg.loaders.entities.head_features on the name,
its type and the two characters before/after it in the row's context. Model: L2 logistic
regression, full-batch gradient descent from zero weights (numpy, deterministic); features seen
in fewer than MIN_COUNT rows are left out. --report prints the leave-one-draw-out table
(fit on the other draws, score the held-out draw's head rows) for each threshold. The threshold
written is the one that maximises the mean held-out precision gain with at most MAX_RIGHT_LOST
of the held-out right head rows dropped. The file is written with ``enabled`` false unless
--enable.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MIN_COUNT, STEPS, RATE = 3, 600, 0.5
L2_GRID = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
MAX_RIGHT_LOST = 0.07
_SEED = re.compile(r"^#+ .*[Ss]ample.*\bseed (\d+)")
_HEAD_ONLY = re.compile(r"[Tt]raining sample|head(?:-rule)? rows only")


def head_only_seeds(doc: str) -> frozenset[int]:
    """The draws whose heading says they hold head-rule rows only ("Training sample, seed N
    (head rows only)"): their rows count for the dropped shares, not for a draw's precision."""
    out = set()
    for line in doc.splitlines():
        m = _SEED.match(line) if line.startswith("#") else None
        if m and _HEAD_ONLY.search(line):
            out.add(int(m.group(1)))
    return frozenset(out)


def read_rows(doc: str) -> list[tuple[int, str, str, str, str, str, int]]:
    """(seed, type, name, rule, before, after, right) for every read row of every sample table."""
    rows, seed = [], None
    for line in doc.splitlines():
        if line.startswith("#"):
            m = _SEED.match(line)
            seed = int(m.group(1)) if m else None
            continue
        if seed is None or not line.startswith("|"):
            continue
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cols) < 7 or not cols[0].isdigit():
            continue
        typ, name, rule, context, verdict = cols[2], cols[3], cols[4], cols[5], cols[6].lower()
        right = 1 if verdict.startswith(("correct", "lenient")) else 0 if verdict.startswith("wrong") else None
        at = context.find(name)
        if right is None or at < 0 or not name:
            continue
        rows.append((seed, typ, name, rule, context[max(0, at - 2) : at], context[at + len(name) : at + len(name) + 2], right))
    return rows


def featurise(rows):
    from kg.loaders.entities import head_features

    return [head_features(name, typ, before, after) for _s, typ, name, _r, before, after, _y in rows]


def fit(feats: list[list[str]], y: list[int], l2: float = 3.0) -> dict[str, float]:
    """L2 logistic regression by full-batch gradient descent from zero (deterministic)."""
    counts: dict[str, int] = {}
    for f in feats:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    vocab = sorted(x for x, c in counts.items() if c >= MIN_COUNT or x == "bias")
    index = {x: i for i, x in enumerate(vocab)}
    X = np.zeros((len(feats), len(vocab)))
    for r, f in enumerate(feats):
        for x in f:
            if x in index:
                X[r, index[x]] = 1.0
    t = np.asarray(y, dtype=float)
    w = np.zeros(len(vocab))
    reg = np.full(len(vocab), l2)
    reg[index["bias"]] = 0.0
    n = len(feats)
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        w -= RATE * ((X.T @ (p - t)) / n + reg * w / n)
    return {x: round(float(v), 6) for x, v in zip(vocab, w, strict=True) if abs(v) >= 1e-6}


def loo(rows, feats, l2: float = 3.0, head_only: frozenset[int] = frozenset()):
    """Per held-out draw: (seed, rows in draw, right in draw, head rows, right head rows,
    [(dropped_wrong, dropped_right) per threshold], full) -- ``full`` when the draw is a whole
    200-row sample (its precision gain counts), not a draw of head rows only (a training draw)."""
    from kg.loaders.entities import head_filter_exempt, head_probability

    out = []
    for seed in sorted({r[0] for r in rows}):
        train = [i for i, r in enumerate(rows) if r[0] != seed and r[3] == "head"]
        w = fit([feats[i] for i in train], [rows[i][6] for i in train], l2)
        held = [i for i, r in enumerate(rows) if r[0] == seed]
        probs = {i: 1.0 if head_filter_exempt(rows[i][2]) else head_probability(w, feats[i])
                 for i in held if rows[i][3] == "head"}
        per = []
        for th in THRESHOLDS:
            dw = sum(1 for i, p in probs.items() if p < th and rows[i][6] == 0)
            dr = sum(1 for i, p in probs.items() if p < th and rows[i][6] == 1)
            per.append((dw, dr))
        right = sum(rows[i][6] for i in held)
        head_right = sum(rows[i][6] for i in probs)
        full = seed not in head_only and any(rows[i][3] != "head" for i in held)
        out.append((seed, len(held), right, len(probs), head_right, per, full))
    return out


def choose(table) -> tuple[float, float, float]:
    """(threshold, mean held-out precision gain over the whole draws, share of right head rows
    dropped over every held-out draw)."""
    best = (1.0, 0.0, 0.0)
    for k, th in enumerate(THRESHOLDS):
        gain, share = at_threshold(table, k)
        if share <= MAX_RIGHT_LOST and gain > best[1]:
            best = (th, gain, share)
    return best


def at_threshold(table, k: int) -> tuple[float, float]:
    gains, lost, head_right = [], 0, 0
    for _seed, n, right, _h, hr, per, full in table:
        dw, dr = per[k]
        if full:
            gains.append((right - dr) / max(n - dw - dr, 1) - right / n)
        lost += dr
        head_right += hr
    return sum(gains) / max(len(gains), 1), lost / max(head_right, 1)


def print_table(table, l2: float) -> None:
    print(f"L2 = {l2}")
    print("| held-out seed | head rows (wrong) | " + " | ".join(f"t={t}" for t in THRESHOLDS) + " |")
    print("|---" * (len(THRESHOLDS) + 2) + "|")
    for seed, n, right, h, hr, per, full in table:
        if full:
            cells = [f"{dw}/{dr}, {right / n:.3f}→{(right - dr) / max(n - dw - dr, 1):.3f}" for dw, dr in per]
        else:
            cells = [f"{dw}/{dr}" for dw, dr in per]
        print(f"| {seed}{'' if full else ' (head only)'} | {h} ({h - hr}) | " + " | ".join(cells) + " |")
    stats = [at_threshold(table, k) for k in range(len(THRESHOLDS))]
    print("| **mean gain (whole draws)** | | " + " | ".join(f"**{g:+.3f}**" for g, _ in stats) + " |")
    hr = sum(r[4] for r in table)
    print(f"| right head rows dropped (of {hr}) | | " + " | ".join(f"{sh:.1%}" for _, sh in stats) + " |")
    wrong = sum(r[3] - r[4] for r in table)
    dropped = [sum(r[5][k][0] for r in table) for k in range(len(THRESHOLDS))]
    print(f"| wrong head rows dropped (of {wrong}) | | " + " | ".join(f"{d / max(wrong, 1):.1%}" for d in dropped) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--doc", default=str(ROOT / "docs" / "entity-precision-sample.md"))
    ap.add_argument("--out", default=str(ROOT / "loaders" / "data" / "head_filter.json"))
    ap.add_argument("--enable", action="store_true")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--seeds-of", metavar="JSON",
                    help="train only on the draws a head_filter.json lists (to rebuild a shipped file after newer draws were added to the doc)")
    args = ap.parse_args(argv)
    try:
        text = Path(args.doc).read_text(encoding="utf-8")
    except OSError as e:
        print(f"train_head_filter: cannot read {args.doc}: {e.strerror}", file=sys.stderr)
        return 2
    rows = read_rows(text)
    if args.seeds_of:
        try:
            keep = set(json.loads(Path(args.seeds_of).read_text(encoding="utf-8"))["seeds"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            print(f"train_head_filter: cannot read the seeds of {args.seeds_of}: {e}", file=sys.stderr)
            return 2
        rows = [r for r in rows if r[0] in keep]
    if not any(r[3] == "head" for r in rows):
        print("train_head_filter: no head-rule rows with verdicts in the doc", file=sys.stderr)
        return 2
    feats = featurise(rows)
    # L2 and threshold chosen together by leave-one-draw-out (never by the answer keys)
    best = None
    for l2 in L2_GRID:
        table = loo(rows, feats, l2, head_only_seeds(text))
        th, gain, share = choose(table)
        if args.report:
            print_table(table, l2)
            print(f"L2 {l2}: best threshold {th}: mean held-out gain {gain:+.3f}, right head rows dropped {share:.3f}\n")
        if best is None or gain > best[2]:
            best = (l2, th, gain, share)
    l2, th, gain, share = best
    if args.threshold is not None:
        th = args.threshold
    if args.report:
        print(f"chosen: L2 {l2}, threshold {th}: mean held-out gain {gain:+.3f}, right head rows dropped {share:.3f}")
    heads = [i for i, r in enumerate(rows) if r[3] == "head"]
    weights = fit([feats[i] for i in heads], [rows[i][6] for i in heads], l2)
    seeds = sorted({rows[i][0] for i in heads})
    digest = hashlib.sha256(json.dumps([rows[i] for i in heads], ensure_ascii=False).encode()).hexdigest()[:16]
    data = {"note": "scripts/train_head_filter.py; docs/ENTITIES.md 'The learned head filter'",
            "seeds": seeds, "rows": len(heads), "rows_sha256": digest, "l2": l2, "threshold": th,
            "loo_mean_gain": round(gain, 4), "loo_right_dropped": round(share, 4), "enabled": bool(args.enable),
            "weights": dict(sorted(weights.items()))}
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
