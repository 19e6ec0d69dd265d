"""Model spans → entities, and how they combine with the rules' entities.

Synthetic text; every name is invented. No model is loaded here (the spans are given),
so this tests kg's own logic; tests/integration/test_learned_model.py runs the model.
"""

from __future__ import annotations

import pytest

from kg.loaders.learned import VARIANTS, combine, entities_from_spans
from kg.loaders.learned_data import Labelled
from kg.model import Analysis, Entity, EntityType, Mention, Relation, Report, ReportMeta, Text

TEXT = "推进“晴川十条”落地。青禾区人民医院扩建，晴川十条见效，建设松岭科创走廊。"


def _at(surface: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(surface, i + 1)
    return i, i + len(surface)


def _span(surface: str, label: str, nth: int = 0) -> Labelled:
    return Labelled(*_at(surface, nth), label)


def _entity(surface: str, etype: EntityType, *nths: int) -> Entity:
    return Entity(name=surface, type=etype,
                  mentions=tuple(Mention(surface, *_at(surface, n)) for n in (nths or (0,))))


def _analysis(entities, relations=()) -> Analysis:
    return Analysis(report=Report(text=Text(source=TEXT, text=TEXT), meta=ReportMeta()),
                    entities=tuple(entities), relations=tuple(relations))


def test_entities_from_spans_groups_forms_and_votes_the_type():
    spans = [_span("“晴川十条”", "Policy"), _span("晴川十条", "Policy", 1), _span("松岭科创走廊", "Place"),
             _span("晴川十条", "Programme", 0)]
    ents = entities_from_spans(TEXT, spans)
    assert [(e.name, e.type) for e in ents] == [("晴川十条", EntityType.POLICY), ("松岭科创走廊", EntityType.PLACE)]
    for e in ents:
        for m in e.mentions:
            assert TEXT[m.start : m.end] == m.surface
    assert len(ents[0].mentions) == 3


def test_combine_add_keeps_rules_and_adds_only_new_names():
    rules = [_entity("青禾区人民医院", EntityType.ORGANIZATION), _entity("晴川十条", EntityType.POLICY, 1)]
    spans = [_span("晴川十条", "Programme", 1), _span("松岭科创走廊", "Place")]
    out = combine(_analysis(rules), spans, "add")
    assert [(e.name, e.type) for e in out.entities] == [
        ("青禾区人民医院", EntityType.ORGANIZATION), ("晴川十条", EntityType.POLICY), ("松岭科创走廊", EntityType.PLACE)]


def test_combine_add_disjoint_skips_model_names_overlapping_a_rules_mention():
    rules = [_entity("青禾区", EntityType.PLACE)]
    spans = [_span("青禾区人民医院", "Organization"), _span("松岭科创走廊", "Place")]
    out = combine(_analysis(rules), spans, "add_disjoint")
    assert [e.name for e in out.entities] == ["青禾区", "松岭科创走廊"]
    assert [e.name for e in combine(_analysis(rules), spans, "add").entities] == ["青禾区", "青禾区人民医院", "松岭科创走廊"]


def test_combine_filter_drops_rules_entities_the_model_does_not_see_and_their_relations():
    rules = [_entity("青禾区人民医院", EntityType.ORGANIZATION), _entity("松岭科创走廊", EntityType.PLACE),
             _entity("青禾区", EntityType.PLACE)]
    rels = [Relation("青禾区人民医院", "located_in", "青禾区", 11, 18), Relation("松岭科创走廊", "located_in", "青禾区", 30, 36)]
    spans = [_span("青禾区人民医院", "Organization"), _span("松岭科创走廊", "Place")]
    out = combine(_analysis(rules, rels), spans, "filter")
    # 青禾区 overlaps the model's hospital span, so it stays; nothing is dropped here
    assert [e.name for e in out.entities] == ["青禾区人民医院", "松岭科创走廊", "青禾区"]
    out = combine(_analysis(rules, rels), [_span("青禾区人民医院", "Organization")], "filter")
    assert [e.name for e in out.entities] == ["青禾区人民医院", "青禾区"]
    assert [r.subject for r in out.relations] == ["青禾区人民医院"]


def test_combine_rules_is_the_analysis_unchanged_and_model_is_the_spans_only():
    rules = [_entity("青禾区人民医院", EntityType.ORGANIZATION)]
    a = _analysis(rules, [Relation("青禾区人民医院", "located_in", "青禾区人民医院", 0, 1)])
    spans = [_span("松岭科创走廊", "Place")]
    assert combine(a, spans, "rules") == a
    assert [e.name for e in combine(a, spans, "model").entities] == ["松岭科创走廊"]
    assert combine(a, spans, "model").relations == ()


def test_combine_rejects_an_unknown_variant():
    with pytest.raises(ValueError, match="unknown variant"):
        combine(_analysis([]), [], "union")
    assert "add" in VARIANTS
