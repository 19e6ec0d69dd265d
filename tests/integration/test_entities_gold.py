"""Entities and relations on real reports, scored against the answer key (luohu 2023).

The project's targets: entities F1 >= 0.80 (typed), Place F1 >= 0.85, relations F1 >= 0.60,
scored by kg.evaluate (one-to-one matching on a normalised name or alias and the type;
low-confidence gold rows optional).
"""

from __future__ import annotations

import pytest
from kg.loaders.entities import extract_entities

from kg.evaluate import load_gold, score
from kg.model import Analysis, EntityType
from kg.pipeline import parse

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def luohu(corpus, gold):
    report = parse(corpus / "district-luohu-2023.txt")
    entities, relations = extract_entities(report)
    analysis = Analysis(report=report, entities=entities, relations=relations, extractors=("entities",))
    scores = score(analysis, load_gold(gold / "luohu_2023.json", report.text))
    return report, entities, relations, scores


def test_luohu_entities_f1_reaches_the_target(luohu):
    *_, scores = luohu
    assert scores["entities"]["f1"] >= 0.80, scores["entities"]


def test_luohu_place_f1_reaches_the_target(luohu):
    *_, scores = luohu
    assert scores["entities"]["by_type"]["Place"]["f1"] >= 0.85, scores["entities"]["by_type"]["Place"]


def test_luohu_relations_f1_reaches_the_target(luohu):
    *_, scores = luohu
    assert scores["relations"]["f1"] >= 0.60, scores["relations"]


def test_luohu_every_mention_and_evidence_is_in_the_text(luohu):
    report, entities, relations, _ = luohu
    text = report.text.text
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.surface
    names = {e.name for e in entities}
    for r in relations:
        assert r.subject in names and r.object in names
        assert 0 <= r.start < r.end <= len(text)


def test_luohu_own_district_is_one_entity_with_its_short_form(luohu):
    _, entities, relations, _ = luohu
    [district] = [e for e in entities if e.name == "罗湖区"]
    assert district.type == EntityType.PLACE and "罗湖" in district.aliases
    assert ("罗湖区", "part_of", "深圳市") in {(r.subject, r.predicate, r.object) for r in relations}


@pytest.mark.parametrize(
    "name, place",
    [
        ("city-hangzhou-2024.txt", "杭州"),
        ("province-sichuan-2026.txt", "四川"),
        ("district-hailaer-2012.txt", "海拉尔"),
        ("national-china-1995.txt", None),
    ],
)
def test_other_levels_and_decades_extract_sane_entities(corpus, name, place):
    report = parse(corpus / name)
    entities, relations = extract_entities(report)
    text = report.text.text
    assert entities, name
    for r in relations:
        assert 0 <= r.start < r.end <= len(text)
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.surface
    if place:
        admin = {f for e in entities if e.type == EntityType.PLACE for f in (e.name, *e.aliases)}
        assert any(f.startswith(place) for f in admin), sorted(admin)[:20]
    # names are names, not clauses: short, and never spanning a sentence end
    for e in entities:
        assert len(e.name) <= 80 and "。" not in e.name, e.name


# Floors on every key with entities in scope: the in-sample F1 measured when the rules as
# data landed, less 0.02, so a change that loses ground on any report fails here. They are
# regression floors, not the project's targets (issue 9 asks >= 0.75 on every key).
FLOORS = {
    "luohu_2023": 0.79,
    "national-china-2024": 0.58,
    "city-hangzhou-2024": 0.52,
    "county-qianjiang-2024": 0.49,
    "province-hainan-2026": 0.52,
}


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_every_key_keeps_its_entities_floor_and_rule_ids(corpus, gold, key):
    import json

    source = json.loads((gold / f"{key}.json").read_text(encoding="utf-8"))["source"]
    report = parse(corpus / source)
    entities, relations = extract_entities(report)
    analysis = Analysis(report=report, entities=entities, relations=relations, extractors=("entities",))
    scores = score(analysis, load_gold(gold / f"{key}.json", report.text))
    assert scores["entities"]["f1"] >= FLOORS[key], scores["entities"]
    # every mention and relation says which rule produced it
    assert all(m.rule for e in entities for m in e.mentions)
    assert all(r.rule for r in relations)
    # no veto pattern lets its kind of generic noun through
    assert not {"上市公司", "平方公里", "闭幕式"} & {e.name for e in entities}
