"""`kg parse`: the structure of one report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fail, warn


@app.command("parse")
def parse_command(
    reports: Annotated[
        list[Path],
        typer.Argument(help="A report file: plain text or HTML; UTF-8, GB18030/GBK or UTF-16. "
                       "With --check: any number of files and folders.", metavar="REPORT..."),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the structure as one JSON object (spans are character offsets)."),
    ] = False,
    sentences: Annotated[
        bool,
        typer.Option("--sentences/--no-sentences", help="Include every sentence (with its span) in the JSON."),
    ] = True,
    check: Annotated[
        bool,
        typer.Option("--check", help="Corpus check: print one line per report whose structure is implausible "
                     "(path, then each reason), nothing for the others. Exit 0 either way."),
    ] = False,
) -> None:
    """Read a report and print its structure.

    Shows the metadata, the parts with their roles, the numbered sections, the lead
    phrases opening their paragraphs, the glossary entries and any defects found in the
    source (missing numerals, truncated headings, run-in lead phrases) or in the structure
    (a single part, figures outside every part, a plan part with no targets…). With --json
    the same as one JSON object, plus paragraph and sentence spans. With --check, over files
    and folders, one line per flagged report (see docs/CORPUS_CHECK.md).
    """
    if check:
        _check(reports)
        return
    if len(reports) != 1:
        fail("kg parse takes one report (use --check for several files or folders)")
    report = reports[0]
    from kg import pipeline
    from kg.loaders.structure import describe_report

    rep = pipeline.parse(report)
    from kg.checks import check_report

    structural = {d.kind for d in rep.defects}
    extra = tuple(d for d in check_report(rep) if d.kind not in structural)
    if extra:  # plan-level checks that need the quantities (no_plan_part, plan_without_targets)
        from dataclasses import replace

        rep = replace(rep, defects=tuple(sorted(rep.defects + extra, key=lambda d: (d.start, d.kind))))
    for d in rep.defects:
        if d.kind == "not_a_report":
            warn(f"{report}: {d.message}; printing whatever structure exists")
    if as_json:
        print(json.dumps(describe_report(rep, sentences=sentences), ensure_ascii=False, indent=2))
        return
    m = rep.meta
    print(f"{m.title or '(untitled)'} — {m.government or '?'}"
          f" ({m.delivery_date or '?'}; review {m.review_year or '?'}, plan {m.plan_year or '?'})")
    for part in rep.parts:
        flag = "  (!)" if part.heading_defect else ""
        print(f"{part.number}. [{part.role.value}] {part.title or '(untitled)'}{flag}")
        for sec in part.sections:
            flag = f"  (! {sec.defect})" if sec.heading_defect else ""
            print(f"   {sec.key} {sec.title}{flag}")
            for sub in sec.subsections:
                print(f"       · {sub.title}{' (run-in)' if sub.run_in else ''}")
    if rep.glossary:
        print(f"{rep.glossary.title}: {len(rep.glossary.entries)} entries")
        for e in rep.glossary.entries:
            print(f"   {e.number or '-'}. {e.term} [{e.key}]")
    print(f"{len(rep.paragraphs)} paragraphs, {len(rep.sentences)} sentences")
    for d in rep.defects:
        line, col = rep.text.line_col(d.start)
        print(f"defect {d.kind} at {line}:{col}: {d.message}")


def _check(paths: list[Path]) -> None:
    from kg.checks import check_paths

    total = flagged = 0
    for path, defects in check_paths(paths):
        total += 1
        if defects:
            flagged += 1
            print(f"{path}\t" + "; ".join(f"{d.kind}: {d.message}" for d in defects))
    print(f"kg: {flagged} of {total} reports flagged", file=sys.stderr)
