"""The scorer against the real answer keys in ../shared/gold.

Every key must load against its report, and a prediction rebuilt from the key itself
must score 1.0 in every category: that proves the matching, not the extractors.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kg.evaluate import Gold, load_gold, score
from kg.model import (
    Analysis,
    Entity,
    EntityType,
    Glossary,
    GlossaryComponent,
    GlossaryEntry,
    GlossaryTerm,
    Kind,
    Mention,
    Part,
    PartRole,
    Qualifier,
    Quantity,
    Relation,
    Report,
    ReportMeta,
    Section,
    Status,
    Subsection,
    Text,
)

pytestmark = pytest.mark.corpus

GOLD_FILES = [
    "luohu_2023.json",
    "city-weifang-2024.json",
    "district-hailaer-2016.json",
    "national-china-2024.json",
    "province-hainan-2026.json",
    "province-sichuan-2026.json",
]


def _source_of(gold_dir: Path, name: str) -> str:
    return json.loads((gold_dir / name).read_text(encoding="utf-8"))["source"]


def _plain_text(path: Path) -> Text:
    s = path.read_text(encoding="utf-8")
    return Text(source=s, text=s, path=str(path))


def rebuild(gold: Gold, text: Text) -> Analysis:
    """An Analysis that says exactly what the answer key says."""
    t = text.text
    sections_by_part: dict[int, list[Section]] = {}
    for g in (*gold.sections, *gold.non_section_headings):
        sec = Section(
            part=g.part or 0,
            number=g.number or 0,
            title=g.title,
            start=g.start,
            end=g.end,
            heading_start=g.start,
            body_end=g.end,
            numbered=g.numbered,
            subsections=tuple(Subsection(title=s.title, start=s.start, end=s.end) for s in g.subsections),
        )
        sections_by_part.setdefault(sec.part, []).append(sec)
    parts = tuple(
        Part(
            number=p.number,
            title=p.title,
            role=PartRole(p.role or "other"),
            start=p.start,
            end=p.end,
            heading_start=p.start,
            body_end=p.end,
            sections=tuple(sections_by_part.get(p.number, ())),
        )
        for p in gold.parts or ()
    )
    entries = []
    terms = []
    for g in gold.glossary:
        s, e = (g.start, g.end) if g.start is not None else (0, 0)
        entry = GlossaryEntry(
            number=g.number, term=g.term, key=g.key, definition=g.definition, start=s, end=e,
            term_start=s, term_end=e, definition_start=s, definition_end=e,
        )
        entries.append(entry)
        terms.append(
            GlossaryTerm(
                entry=entry,
                components=tuple(
                    GlossaryComponent(symbol=c.symbol, meaning=c.meaning, members=c.members)
                    for c in g.components
                ),
                mentions=tuple(Mention(t[m.start:m.end], m.start, m.end) for m in g.mentions),
            )
        )
    meta_fields = {f: gold.report.get(f) for f in ReportMeta.__dataclass_fields__ if gold.report and f in gold.report}
    if "parent_places" in meta_fields:
        meta_fields["parent_places"] = tuple(meta_fields["parent_places"] or ())
    report = Report(
        text=text,
        meta=ReportMeta(**meta_fields),
        parts=parts,
        glossary=Glossary(title="名词解释", start=0, end=0, entries=tuple(entries)) if entries else None,
    )
    quantities = tuple(
        Quantity(
            surface=t[q.start:q.end], start=q.start, end=q.end, indicator=q.indicator,
            value=Decimal(str(q.value)), unit=q.unit, kind=Kind(q.kind), direction=q.direction,
            status=Status(q.status), year=q.year, qualifier=Qualifier(q.qualifier), section=q.section,
        )
        for q in gold.quantities
    )
    entities = tuple(
        Entity(
            name=e.name, type=EntityType(e.type), subtype=e.subtype, aliases=e.aliases,
            mentions=tuple(Mention(t[s:x], s, x) for s, x in e.spans), parent=e.parent,
        )
        for e in gold.entities
    )
    relations = tuple(
        Relation(subject=r.subject, predicate=r.predicate, object=r.object, start=r.start or 0, end=r.end or 0)
        for r in gold.relations
    )
    return Analysis(
        report=report, quantities=quantities, entities=entities, relations=relations,
        glossary_terms=tuple(terms), extractors=("gold",),
    )


def _metrics(scores: dict, prefix: str = ""):
    for k, v in scores.items():
        if isinstance(v, dict):
            yield from _metrics(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_answer_key_loads_against_its_report(gold: Path, corpus: Path, name: str) -> None:
    text = _plain_text(corpus / _source_of(gold, name))
    key = load_gold(gold / name, text)
    assert key.sections, "every key lists sections"
    for q in key.quantities:
        assert text.text[q.start:q.end] == q.surface
    raw = json.loads((gold / name).read_text(encoding="utf-8"))
    for g, row in zip(key.glossary, raw["glossary"]):
        for m, mrow in zip(g.mentions, row.get("mentions", [])):
            assert text.text[m.start:m.end] == mrow.get("surface", mrow["context"])
    assert len(key.sections) == len(raw["sections"])


@pytest.mark.parametrize("name", GOLD_FILES)
def test_a_prediction_rebuilt_from_the_key_scores_one_everywhere(gold: Path, corpus: Path, name: str) -> None:
    text = _plain_text(corpus / _source_of(gold, name))
    key = load_gold(gold / name, text)
    scores = score(rebuild(key, text), key)
    scope = key.scope
    assert ("quantities" in scores) == (scope["quantities"] != "none")
    assert ("entities" in scores) == (scope["entities"] != "none")
    for metric, value in _metrics(scores):
        last = metric.rsplit(".", 1)[-1]
        if last in ("fp", "fn"):
            assert value in (0, None), metric
        elif last == "tp":
            continue
        elif value is not None:
            assert value == 1.0, f"{metric} = {value}"
    assert scores["sections"]["tp"] == len(key.sections)


def test_luohu_key_scores_every_category_of_the_contract(gold: Path, corpus: Path) -> None:
    text = _plain_text(corpus / "district-luohu-2023.txt")
    key = load_gold(gold / "luohu_2023.json", text)
    scores = score(rebuild(key, text), key)
    assert set(scores) == {
        "parts", "sections", "subsections", "glossary", "glossary_components",
        "glossary_mentions", "quantities", "entities", "relations", "report",
    }
    assert set(scores["quantities"]["fields"]) == {
        "value", "unit", "kind", "status", "year", "qualifier", "indicator",
    }
    assert scores["quantities"]["tp"] == 187
    assert scores["entities"]["tp"] == 466
    assert scores["relations"]["tp"] == 77
    assert set(scores["entities"]["by_type"]) == {"Place", "Organization", "Programme", "Policy", "Sector"}


def test_headline_keys_give_recall_only_for_quantities(gold: Path, corpus: Path) -> None:
    text = _plain_text(corpus / "national-china-2024.txt")
    key = load_gold(gold / "national-china-2024.json", text)
    scores = score(rebuild(key, text), key)
    q = scores["quantities"]
    assert q["p"] is None and q["f1"] is None and q["r"] == 1.0
    assert q["strict"]["p"] is None and q["strict"]["r"] == 1.0


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_answer_key_loads_against_the_text_kgs_reader_gives(gold: Path, corpus: Path, name: str) -> None:
    from kg.pipeline import read

    text = read(corpus / _source_of(gold, name))
    key = load_gold(gold / name, text)
    for q in key.quantities:
        assert text.text[q.start:q.end] == q.surface


def test_kg_eval_runs_the_pipeline_and_prints_the_contract(gold: Path, corpus: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(
        app, ["eval", str(corpus / "district-luohu-2023.txt"), str(gold / "luohu_2023.json"), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores) == {
        "parts", "sections", "subsections", "glossary", "glossary_components",
        "glossary_mentions", "quantities", "entities", "relations", "report",
    }
    for cat in ("parts", "sections", "subsections", "glossary", "quantities", "entities", "relations"):
        assert {"p", "r", "f1", "tp", "fp", "fn"} <= set(scores[cat]), cat
        assert 0.0 <= scores[cat]["r"] <= 1.0
    # every required gold item is either found or missed (176 of the 187 figures are required)
    assert scores["sections"]["tp"] + scores["sections"]["fn"] == 17
    assert 176 <= scores["quantities"]["tp"] + scores["quantities"]["fn"] <= 187
