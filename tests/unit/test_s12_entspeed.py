"""The entity stage without a spaCy Doc (session 12) finds what the spaCy pipeline finds:
:func:`kg.loaders.nlp.analyse` against the pipeline over a Doc, the lexicon's automaton
against spaCy's ``PhraseMatcher``, the tuple cuts against jieba's own (synthetic text in
the genre's shape)."""

from __future__ import annotations

import functools

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher

import kg.loaders.nlp as nlp

SENTENCES = [
    "过去一年，青禾市坚持稳中求进，云溪区和望川县经济运行总体平稳。",
    "建成青禾港二期工程，开通地铁3号线，举办第五届青禾国际茶博会。",
    "实施“禾苗计划”，出台《青禾市促进民营经济发展若干措施》，推动澜沧数字产业园、云溪生物医药产业园、望川新材料产业园三大园区建设。",
    "市发展改革委、市科技局牵头推进， 市政府与青岚大学共建海洋材料研究院。",
    "各位代表！",
    "布局生物制造、氢能、脑机接口、具身智能等未来产业，发展“低空经济”。",
    "巴塔尔乌苏镇、阿力木江路片区改造加快推进，青禾大学云溪校区投入使用。",
    "  新 材料、高端装备等产业\u3000加快发展\n",
]
HAN = st.text(alphabet="青禾云溪望川澜沧巴塔尔乌苏镇阿力木江路区县市的建设推进产业园大学AB12 ", min_size=1, max_size=14)


def _groups(views) -> list:
    """Every span group, word and relation of the sentences, as plain values."""
    out = []
    for v in views:
        spans = {
            g: [(s.start_char, s.end_char, s.text, s.label_, s.kb_id_, s.id_) for s in group]
            for g, group in sorted(v.spans.items())
        }
        words = [(w.start_char, w.end_char, w.text, w.label_, w.kb_id_) for w in nlp.doc_words(v)]
        rels = [
            tuple((x.start_char, x.end_char, x.id_) if not isinstance(x, str) else x for x in r)
            for r in v._.kg_relations or ()
        ]
        out.append((v.lo, v.hi, spans, words, rels))
    return out


def test_analyse_finds_what_the_pipeline_over_a_doc_finds() -> None:
    pipeline = nlp.make_nlp()
    text = "".join(SENTENCES)
    bounds, lo = [], 0
    for s in SENTENCES:
        bounds.append((lo, lo + len(s)))
        lo += len(s)
    doc = pipeline.make_doc(text)
    doc.user_data["kg_sentences"] = bounds
    doc.user_data["kg_no_word_spans"] = True
    doc = pipeline(doc)
    want = _groups(nlp.sentences(doc))
    got = _groups(nlp.analyse(pipeline, text, bounds))
    assert got == want
    assert any(g[2]["kg_entities"] for g in got)  # the sentences do hold names
    assert any(g[4] for g in got)  # and relations


@pytest.mark.parametrize("text", [*SENTENCES, "".join(SENTENCES), " 新材料", "新材料 ", "新\n\n材料、新  材料"])
def test_the_lexicons_automaton_matches_as_spacys_phrase_matcher(text: str) -> None:
    pipeline = nlp.make_nlp()
    lexicon = pipeline.get_pipe("kg_lexicon")
    matcher = PhraseMatcher(pipeline.vocab)
    matcher.add("sector", [pipeline.make_doc(t) for t in lexicon.sectors])
    matcher.add("quoted", [pipeline.make_doc(f"“{t}”") for t in lexicon.quoted])
    doc = pipeline.make_doc(text)
    kind = {"sector": lexicon._SECTOR, "quoted": lexicon._QUOTED}
    want = [
        (kind[pipeline.vocab.strings[m]], doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
        for m, a, b in matcher(doc)
    ]
    assert lexicon._matches(text) == sorted(want, key=lambda m: (m[1], m[2], m[0]))


def test_the_lexicon_finds_a_listed_sector_across_white_space() -> None:
    lexicon = nlp.make_nlp().get_pipe("kg_lexicon")
    sector = lexicon.sectors[0]
    spaced = " ".join(sector)
    found = lexicon._matches(f"发展{spaced}等产业")
    assert (lexicon._SECTOR, 2, 2 + len(spaced)) in found


@functools.cache
def _jiebas_pos() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(jieba.dt)


@settings(max_examples=150, deadline=None)
@given(HAN)
def test_the_detail_cut_equals_jiebas(s: str) -> None:
    want = [(w.word, w.flag) for w in _jiebas_pos()._POSTokenizer__cut_detail(s)]
    assert nlp._detail_words(s) == want
    assert list(nlp._detail_words_remembered(s)) == want  # kept, then read back


@settings(max_examples=150, deadline=None)
@given(HAN)
def test_the_default_cut_without_hmm_equals_jiebas(s: str) -> None:
    nlp.make_nlp()  # the automaton the cut runs over
    want = [(w.word, w.flag) for w in jieba.posseg.dt.cut(s, HMM=False)]
    assert nlp.default_cut_no_hmm()(s) == want


def test_a_sentence_without_candidates_gets_no_names_and_no_relations() -> None:
    pipeline = nlp.make_nlp()
    text = "各位代表！"
    (view,) = nlp.analyse(pipeline, text, [(0, len(text))])
    assert not any(view.spans.get(g) for g in nlp._PICKED_FROM)
    assert view.spans["kg_entities"] == [] and view.spans["kg_nested"] == []
    assert view._.kg_relations == [] and view.spans["kg_relations"] == []
