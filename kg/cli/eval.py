"""`kg eval`: score what kg extracts from a report against an answer key."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.app import app, fail

_COLUMNS = ("p", "r", "f1", "tp", "fp", "fn")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def format_table(scores: dict[str, Any]) -> str:
    """The scores as a plain-text table: one row per category, field accuracies below."""
    lines = [f"{'category':<24}" + "".join(f"{c:>8}" for c in _COLUMNS)]

    def row(name: str, d: dict) -> None:
        lines.append(f"{name:<24}" + "".join(f"{_fmt(d.get(c)):>8}" for c in _COLUMNS))

    def accs(title: str, d: dict[str, Any]) -> None:
        lines.append(f"  {title}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in d.items()))

    for cat, d in scores.items():
        if cat == "report":
            continue
        row(cat, d)
        if "role_acc" in d:
            accs("accuracy", {"role": d["role_acc"]})
        if "members" in d:
            row("  members", d["members"])
        if "fields" in d:
            accs("field accuracy on matched pairs", d["fields"])
        if "strict" in d:
            row("  strict", d["strict"])
        for t, td in d.get("by_type", {}).items():
            row(f"  {t}", td)
    if "report" in scores:
        lines.append("")
        accs("report metadata", scores["report"]["fields"])
    return "\n".join(lines)


def format_differences(diffs: dict[str, dict[str, list[str]]]) -> str:
    """What the scores counted against the prediction, one line per item."""
    lines = []
    for cat, kinds in diffs.items():
        for kind in ("missed", "extra", "wrong"):
            for item in kinds.get(kind, ()):
                lines.append(f"{cat}\t{kind}\t{item}")
    return "\n".join(lines)


def _lookup(scores: dict[str, Any], path: str) -> Any:
    node: Any = scores
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(path)
        node = node[part]
    return node


def parse_threshold(spec: str) -> tuple[str, float]:
    """'sections.f1=0.95' → ('sections.f1', 0.95); ValueError when malformed."""
    path, sep, value = spec.partition("=")
    if not sep or not path.strip() or "." not in path:
        raise ValueError(spec)
    v = float(value)
    if math.isnan(v):
        raise ValueError(spec)
    return path.strip(), v


def check_thresholds(scores: dict[str, Any], specs: list[str]) -> list[str]:
    """The failed checks as messages ('sections.f1 = 0.9 < 0.95'); raises ValueError or
    KeyError for a malformed spec or a metric the scores do not have."""
    failed = []
    for spec in specs:
        path, minimum = parse_threshold(spec)
        got = _lookup(scores, path)
        if isinstance(got, dict):
            raise KeyError(path)
        if got is None or got < minimum:
            failed.append(f"{path} = {_fmt(got)} < {minimum:g}")
    return failed


@app.command("eval")
def eval_command(
    report: Annotated[
        Path, typer.Argument(metavar="REPORT", help="The report file (plain text or HTML) the key was made for.")
    ],
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD.json", help="The answer key: JSON in the format of docs/EVALUATION.md.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (the evaluation contract) instead of a table.")
    ] = False,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-under",
            metavar="CATEGORY.METRIC=VALUE",
            help="Exit 1 when a score is below VALUE, e.g. sections.f1=0.95 or "
            "quantities.fields.unit=0.9 (repeatable; a null score counts as below).",
        ),
    ] = None,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also list every miss, extra and wrong field (category, kind, item @line:col): "
            "after the table, or on stderr with --json.",
        ),
    ] = False,
) -> None:
    """Score what kg extracts from REPORT against the answer key GOLD.

    Prints precision, recall and F1 per category (parts, sections, subsections, glossary,
    its components and mentions, quantities with field accuracies, entities by type,
    relations) and the accuracy of the report metadata. Exit 0 when it ran, 1 when a
    --fail-under check failed, 2 on bad input.
    """
    from kg import pipeline
    from kg.errors import KgError
    from kg.evaluate import differences, load_gold, score

    for path, what in ((report, "report"), (gold, "answer key")):
        if not path.exists():
            fail(f"{path}: no such {what} file")
        if path.is_dir():
            fail(f"{path}: is a folder; give one {what} file")
    specs = list(fail_under or [])
    for spec in specs:
        try:
            parse_threshold(spec)
        except ValueError:
            fail(f"--fail-under {spec!r}: write CATEGORY.METRIC=VALUE, e.g. sections.f1=0.95")
    try:
        analysis = pipeline.analyse(report)
        key = load_gold(gold, analysis.report.text)
        scores = score(analysis, key)
        diffs = differences(analysis, key) if errors else {}
    except KgError as exc:
        fail(str(exc))
    if as_json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
        if diffs:
            print(format_differences(diffs), file=sys.stderr)
    else:
        print(format_table(scores))
        if diffs:
            print()
            print(format_differences(diffs))
    try:
        failed = check_thresholds(scores, specs)
    except KeyError as exc:
        fail(f"--fail-under: no score {exc.args[0]!r} in this evaluation "
             "(the key's scope may leave that category out)")
    if failed:
        fail("below threshold: " + "; ".join(failed), code=1)
