"""Session 8 precision rules, second kinds round (issue 9, helper precG): places named by
genre words alone and counted kinds read as names. Synthetic sentences in the genre's
shape with invented names (青禾, 云溪); each test fails when its rule is removed, and each
has a twin whose name stays."""

from __future__ import annotations

import pytest

from kg.loaders.entities import extract_entities
from tests.unit.test_entities import _one_sentence_report


def _names(body: str) -> set[str]:
    entities, _ = extract_entities(_one_sentence_report(body))
    return {e.name for e in entities} | {a for e in entities for a in e.aliases}


@pytest.mark.parametrize("body, kind", [
    # a place named by one or two genre words before its head (_is_place_kind)
    ("加大船舶和港口码头污染防治力度，改善水质。", "港口码头"),
    ("建设城市街道和儿童友好公园，方便市民休闲。", "儿童友好公园"),
    ("建成冷链物流园，降低物流成本。", "冷链物流园"),
    # a count before a head-rule name: the things counted are a kind (_COUNTED_NAME)
    ("组织23场产业链专题对接活动，推动企业合作。", "23场产业链专题对接活动"),
    ("开展6次集中开工活动，扩大有效投资。", "6次集中开工活动"),
    ("建成云溪区4处地表水厂，保障群众饮水。", "云溪区4处地表水厂"),
    # an adverb and a verb of support opening a name (generic.jsonl veto.adverb-verb-opening)
    ("政府工作必须主动接受人民代表大会及其常委会的监督。", "主动接受人民代表大会"),
    ("层层落实领导责任制，确保安全。", "层层落实领导责任制"),
])
def test_a_kind_named_by_genre_words_or_counted_is_no_name(body, kind):
    assert kind not in _names(body)


@pytest.mark.parametrize("body, name", [
    # a place name, a level or a rare word keeps the place
    ("加快青禾港口码头改造，提升吞吐能力。", "青禾港口码头"),
    ("启动市全民健身中心建设，完善体育设施。", "市全民健身中心"),
    # a number with 号 or a year is a designation, not a count
    ("推进地铁5号线建设，方便市民出行。", "地铁5号线"),
    ("办好2025青禾国际马拉松赛，扩大城市影响。", "2025青禾国际马拉松赛"),
    ("召开青禾城市经济协调会第22次会议，共商合作。", "青禾城市经济协调会第22次会议"),
])
def test_a_place_or_programme_with_a_specific_part_stays(body, name):
    assert name in _names(body)


@pytest.mark.parametrize("body, name, subtype", [
    # a group of countries closes with 集团 like a company; it is no company (_retype_groups)
    ("积极参与二十国集团等多边机制，维护多边贸易体制。", "二十国集团", "other"),
    ("组建青禾文旅集团，整合国有资源。", "青禾文旅集团", "company"),
])
def test_a_group_of_countries_is_no_company(body, name, subtype):
    entities, _ = extract_entities(_one_sentence_report(body))
    assert {(e.name, e.subtype) for e in entities if e.name == name} == {(name, subtype)}
