"""`kg glossary`: a report's glossary as a vocabulary — terms, components, body mentions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.app import app, fail, warn


def _width(s: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _term_record(report: Any, term: Any, *, full: bool) -> dict[str, Any]:
    e = term.entry
    rec: dict[str, Any] = {
        "number": e.number,
        "term": e.term,
        "key": e.key,
        "components": len(term.components),
        "mentions": len(term.mentions),
    }
    if not full:
        return rec
    rec["definition"] = e.definition
    rec["span"] = [e.start, e.end]
    rec["components"] = [
        {"symbol": c.symbol, "meaning": c.meaning, "members": list(c.members), "inferred": c.inferred}
        for c in term.components
    ]
    mentions = []
    for m in term.mentions:
        sent = report.sentence_at(m.start)
        mentions.append({
            "surface": m.surface,
            "start": m.start,
            "end": m.end,
            "section": report.section_key(m.start),
            "sentence": sent.text if sent else None,
        })
    rec["mentions"] = mentions
    return rec


def _show(rec: dict[str, Any]) -> str:
    lines = [f"{rec['number'] or '-'}. {rec['term']}    key: {rec['key']}"]
    lines.append(f"   definition: {rec['definition']}")
    comps = rec["components"]
    lines.append(f"   components ({len(comps)}):")
    for c in comps:
        sym = c["symbol"] if c["symbol"] is not None else "·"
        flag = "  (inferred)" if c["inferred"] else ""
        lines.append(f"     {sym:<6} {c['meaning']}{flag}")
        for member in c["members"]:
            lines.append(f"            - {member}")
    ms = rec["mentions"]
    lines.append(f"   mentions in the body ({len(ms)}):")
    for m in ms:
        where = m["section"] or "?"
        lines.append(f"     [{where}] {m['start']}-{m['end']} {m['surface']}")
        if m["sentence"]:
            lines.append(f"            {m['sentence'].strip()}")
    return "\n".join(lines)


@app.command("glossary")
def glossary_command(
    report: Annotated[Path, typer.Argument(metavar="REPORT", help="A report file: plain text or HTML, UTF-8 or GB18030.")],
    term: Annotated[
        str | None,
        typer.Argument(metavar="[TERM]", help="Show one term's expansion: its entry number, key (1+5+3+N) or term."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the report's glossary terms (number, term, key, #components, #mentions), or
    show one TERM: its components with their members, its definition, and every place the
    body uses it, with the sentence."""
    import json

    from kg import pipeline
    from kg.errors import KgError
    from kg.loaders.glossary_terms import extract_glossary_terms, select_glossary_terms

    if not report.exists():
        fail(f"{report}: no such report file")
    if report.is_dir():
        fail(f"{report}: is a folder; give one report file")
    try:
        rep = pipeline.parse(report)
        terms = extract_glossary_terms(rep)
    except KgError as exc:
        fail(str(exc))
    if not terms:
        warn(f"{report}: no glossary (有关名词解释 / 名词解释 / 注释) found")
        if as_json:
            print("[]")
        return
    if term is None:
        recs = [_term_record(rep, t, full=as_json) for t in terms]
        if as_json:
            print(json.dumps(recs, ensure_ascii=False, indent=2))
            return
        tw = max(_width(r["term"]) for r in recs + [{"term": "term"}])
        kw = max(_width(r["key"]) for r in recs + [{"key": "key"}])
        print(f"{'#':>3}  {_pad('term', tw)}  {_pad('key', kw)}  components  mentions")
        for r in recs:
            print(f"{r['number'] or '-':>3}  {_pad(r['term'], tw)}  {_pad(r['key'], kw)}"
                  f"  {r['components']:>10}  {r['mentions']:>8}")
        return
    chosen = select_glossary_terms(terms, term)
    if not chosen:
        keys = ", ".join(t.entry.key for t in terms)
        fail(f"{report}: no glossary term {term!r}; give an entry number or one of: {keys}")
    recs = [_term_record(rep, t, full=True) for t in chosen]
    if as_json:
        print(json.dumps(recs[0] if len(recs) == 1 else recs, ensure_ascii=False, indent=2))
        return
    print("\n\n".join(_show(r) for r in recs))
