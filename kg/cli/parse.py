"""`kg parse`: the structure of one report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, warn


@app.command("parse")
def parse_command(
    report: Annotated[
        Path,
        typer.Argument(help="A report file: plain text or HTML; UTF-8, GB18030/GBK or UTF-16.", metavar="REPORT"),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the structure as one JSON object (spans are character offsets)."),
    ] = False,
    sentences: Annotated[
        bool,
        typer.Option("--sentences/--no-sentences", help="Include every sentence (with its span) in the JSON."),
    ] = True,
) -> None:
    """Read a report and print its structure.

    Shows the metadata, the parts with their roles, the numbered sections, the lead
    phrases opening their paragraphs, the glossary entries and any defects found in the
    source (missing numerals, truncated headings, run-in lead phrases). With --json the
    same as one JSON object, plus paragraph and sentence spans.
    """
    from kg import pipeline
    from kg.loaders.structure import describe_report

    rep = pipeline.parse(report)
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
