"""`kg parse`: the structure of one report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, warn


@app.command("parse")
def parse_command(
    report: Annotated[Path, typer.Argument(help="A report file: plain text or HTML, UTF-8 or GB18030.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the structure as JSON.")] = False,
) -> None:
    """Read a report and print its structure: metadata, parts, sections, lead phrases, glossary."""
    from kg import pipeline
    from kg.jsonio import dumps

    rep = pipeline.parse(report)
    for d in rep.defects:
        if d.kind == "not_a_report":
            warn(f"{report}: {d.message}")
    if as_json:
        print(dumps(rep, skip=frozenset({"source", "text", "offsets"})))
        return
    m = rep.meta
    print(f"{m.title or '(untitled)'} — {m.government or '?'}"
          f" ({m.delivery_date or '?'}; review {m.review_year or '?'}, plan {m.plan_year or '?'})")
    for part in rep.parts:
        print(f"{part.number}. [{part.role.value}] {part.title}")
        for sec in part.sections:
            flag = "  (!)" if sec.heading_defect else ""
            print(f"   {sec.key} {sec.title}{flag}")
            for sub in sec.subsections:
                print(f"       · {sub.title}{' (run-in)' if sub.run_in else ''}")
    if rep.glossary:
        print(f"{rep.glossary.title}: {len(rep.glossary.entries)} entries")
        for e in rep.glossary.entries:
            print(f"   {e.number or '-'}. {e.term} [{e.key}]")
    for d in rep.defects:
        line, col = rep.text.line_col(d.start)
        print(f"defect {d.kind} at {line}:{col}: {d.message}")
