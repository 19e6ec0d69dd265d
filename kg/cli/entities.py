"""`kg entities`: the named places, organisations, programmes, policies and sectors of a report."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.app import app, fail


class EntityTypeChoice(StrEnum):
    Place = "Place"
    Organization = "Organization"
    Programme = "Programme"
    Policy = "Policy"
    Sector = "Sector"


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _record(entity: Any) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type.value,
        "subtype": entity.subtype,
        "aliases": list(entity.aliases),
        "mentions": len(entity.mentions),
        "parent": entity.parent,
        "first": entity.mentions[0].start if entity.mentions else None,
        "rules": sorted({m.rule for m in entity.mentions if m.rule}),
    }


@app.command("entities")
def entities_command(
    report: Annotated[
        Path, typer.Argument(metavar="REPORT", help="A report file: plain text or HTML, UTF-8 or GB18030.")
    ],
    type_: Annotated[
        EntityTypeChoice | None,
        typer.Option("--type", "-t", help="Only entities of this type.", case_sensitive=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (entities and relations).")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV (one entity per row).")] = False,
    relations: Annotated[
        bool, typer.Option("--relations", "-r", help="Also list the relations the text states.")
    ] = False,
) -> None:
    """List the report's named entities with type, subtype, aliases and mention counts
    (most mentioned first)."""
    from kg import pipeline
    from kg.errors import KgError
    from kg.loaders.entities import extract_entities

    if as_json and as_csv:
        fail("--json and --csv exclude each other; give one")
    if not report.exists():
        fail(f"{report}: no such report file")
    if report.is_dir():
        fail(f"{report}: is a folder; give one report file")
    try:
        entities, rels = extract_entities(pipeline.parse(report))
    except KgError as exc:
        fail(str(exc))
    if type_ is not None:
        entities = tuple(e for e in entities if e.type.value == type_.value)
        names = {e.name for e in entities}
        rels = tuple(r for r in rels if r.subject in names or r.object in names)
    recs = sorted((_record(e) for e in entities), key=lambda r: (-r["mentions"], r["first"] or 0))
    print(f"{len(recs)} entities, {len(rels)} relations", file=sys.stderr)
    if as_json:
        out = {
            "entities": recs,
            "relations": [
                {"subject": r.subject, "predicate": r.predicate, "object": r.object,
                 "start": r.start, "end": r.end, "rule": r.rule}
                for r in rels
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(["name", "type", "subtype", "aliases", "mentions", "parent"])
        for r in recs:
            w.writerow([r["name"], r["type"], r["subtype"] or "", "|".join(r["aliases"]),
                        r["mentions"], r["parent"] or ""])
        return
    nw = max([_width(r["name"]) for r in recs] + [4])
    tw = max([_width(f"{r['type']}/{r['subtype'] or ''}") for r in recs] + [4])
    print(f"{_pad('name', nw)}  {_pad('type', tw)}  mentions  aliases")
    for r in recs:
        t = f"{r['type']}/{r['subtype']}" if r["subtype"] else r["type"]
        print(f"{_pad(r['name'], nw)}  {_pad(t, tw)}  {r['mentions']:>8}  {'、'.join(r['aliases'])}")
    if relations:
        print()
        for r in rels:
            print(f"{r.subject}  {r.predicate}  {r.object}")
