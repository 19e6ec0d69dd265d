"""Session 9 boundary checks (issue 9, helper precI): a name's edges fall between the
segmenter's words (`EntityPicker._word_edges`), and genre adverbs and verbs glued in front
of a name stop it (`data/boundary_words.txt`). Synthetic sentences in the genre's shape
with invented names (青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from kg.loaders.entities import extract_entities
from tests.unit.test_entities import _one_sentence_report


def _names(body: str) -> set[str]:
    entities, _ = extract_entities(_one_sentence_report(body))
    return {e.name for e in entities} | {a for e in entities for a in e.aliases}


@pytest.mark.parametrize("body, name, cut", [
    # the left edge inside a dictionary word (内陆, 党委): the name starts at the word
    ("全面建成以内陆青禾开放型经济试验区为重点的发展格局。", "内陆青禾开放型经济试验区", "陆青禾开放型经济试验区"),
    ("按照云溪党委三届五次全会精神，加快发展。", "党委三届五次全会", "委三届五次全会"),
])
def test_a_left_edge_inside_a_word_moves_to_the_word_start(body, name, cut):
    names = _names(body)
    assert name in names
    assert cut not in names


def test_a_name_before_a_modifier_suffix_is_dropped():
    # 集群|式培育: the right edge inside a word; 青禾新材料产业集群式 ends with no head
    assert not any(n.startswith("青禾新材料产业") for n in _names("加快青禾新材料产业集群式培育，打造产业高地。"))


def test_a_name_jieba_joins_to_a_longer_next_word_keeps_its_edge():
    # 工程|建设 is one dictionary word: a rest of two characters is the next word, not the name's
    assert "青禾城防工程" in _names("加快青禾城防工程建设，强化防灾能力。")


@pytest.mark.parametrize("body, name, glued", [
    ("有力处置青禾江流域洪灾，保障群众安全。", "青禾江流域", "有力处置青禾江流域"),
    ("隆重举行云溪太极大会，得到广泛好评。", "云溪太极大会", "隆重举行云溪太极大会"),
])
def test_a_genre_adverb_or_verb_glued_in_front_is_cut_off(body, name, glued):
    names = _names(body)
    assert name in names
    assert glued not in names


def test_a_clause_verb_glued_on_a_sector_is_cut_off():
    names = _names("依靠社会力量兴办第三产业，扩大就业。")
    assert not any(n.endswith("兴办第三产业") for n in names)


def test_a_word_whose_first_part_closes_a_boundary_word_leaves_the_left_edge():
    # 做|优生|活性…: jieba's 优生 straddles the edge, but 优 completes the verb before it (做优)
    names = _names("推动做优生活性服务业，扩大消费。")
    assert "优生活性服务业" not in names
    assert "生活性服务业" in names
