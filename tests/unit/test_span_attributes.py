"""Each span attribute of kg's pipeline carries one thing: ``kb_id_`` a knowledge-base id
(a gazetteer span's GB/T 2260 code), ``id_`` the rule that made the span, and the extension
``Span._.kg_freq`` a word's frequency class."""

from __future__ import annotations

import re

import pytest

from kg.loaders.nlp import doc_words, make_nlp

TEXT = (
    "加快推进青松湖片区和白鹭河公园建设，落实《青松区促进产业发展若干措施》，"
    "举办第三届青松金融论坛，浙江省杭州市支持白鹭河碧道建设。"
)


@pytest.fixture(scope="module")
def doc():
    return make_nlp()(TEXT)


def test_gazetteer_spans_carry_the_division_code_in_kb_id_and_nothing_else(doc):
    spans = list(doc.spans["kg_gazetteer"])
    assert spans
    for s in spans:
        # (spaCy keys span extensions by offsets: a division that is also a jieba word shares
        # that word's kg_freq, which is what the text at those offsets is)
        assert re.fullmatch(r"\d{6}", s.kb_id_) and s.id_ == ""


def test_rule_ids_are_in_id_and_kb_id_stays_empty(doc):
    ruled = [s for g in ("kg_candidates", "kg_patterns", "kg_lexicon", "kg_entities", "kg_nested", "kg_relations")
             for s in doc.spans.get(g, [])]
    assert len(ruled) >= 3
    for s in ruled:
        assert s.id_ and s.kb_id_ == "", (s.text, s.id_, s.kb_id_)


def test_word_frequency_class_is_an_extension_and_matches_the_word_records(doc):
    words = list(doc.spans["kg_words"])
    assert words
    assert {w._.kg_freq for w in words} <= {"rare", "common", ""}
    assert any(w._.kg_freq for w in words)
    assert all(w.kb_id_ == "" and w.id_ == "" for w in words)
    doc.user_data.pop("kg_word_list", None)  # rebuild the records from the spans
    assert [x.kb_id_ for x in doc_words(doc)] == [w._.kg_freq for w in words]
