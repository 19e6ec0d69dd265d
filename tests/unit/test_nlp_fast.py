"""The entity pipeline's speed-ups give exactly what the plain path gives: jieba's own
Viterbi and cuts, spaCy's own character tokenizer (synthetic text in the genre's shape)."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P, viterbi

import kg.loaders.nlp as nlp

REPORT = (
    "过去一年，青禾市坚持稳中求进，云溪区和望川县经济运行总体平稳。"
    "建成青禾港二期工程，开通地铁3号线，举办第五届青禾国际茶博会。\n"
    "实施“禾苗计划”，出台《青禾市促进民营经济发展若干措施》，推动澜沧数字产业园、"
    "云溪生物医药产业园、望川新材料产业园三大园区建设。 市发展改革委、市科技局牵头推进。"
    "巴塔尔乌苏镇、阿力木江路片区改造加快推进，青禾大学云溪校区投入使用。"
)
HAN = st.text(alphabet="青禾云溪望川澜沧巴塔尔乌苏镇阿力木江路区县市的建设推进产业园大学", min_size=1, max_size=14)


@settings(max_examples=200, deadline=None)
@given(HAN)
def test_viterbi_equals_jiebas(s):
    assert nlp._viterbi(s) == viterbi(s, char_state_tab_P, start_P, trans_P, emit_P)


def test_memoised_cuts_equal_jiebas_twice():
    fast = nlp._cached_pos_tokenizer(jieba.dt)
    want = [(w.word, w.flag) for w in jieba.posseg.dt.cut(REPORT)]
    assert [(w.word, w.flag) for w in fast.cut(REPORT)] == want
    assert [(w.word, w.flag) for w in fast.cut(REPORT)] == want  # from the cache


@pytest.mark.parametrize("text", [REPORT, "青禾市 云溪区\u3000望川县\n\n澜沧", " 开头有空格", "末尾有空格 "])
def test_char_tokenizer_makes_spacys_doc(text):
    plain = nlp.make_nlp().tokenizer._inner
    doc, want = nlp.make_nlp().make_doc(text), plain(text)
    assert [(t.text, t.idx, t.whitespace_) for t in doc] == [(t.text, t.idx, t.whitespace_) for t in want]
    assert nlp.doc_text(doc) == want.text == text


def _spans(pipeline, text):
    doc = pipeline(text)
    groups = ("kg_words", "kg_gazetteer", "kg_candidates", "kg_patterns", "kg_lexicon", "kg_entities", "kg_nested")
    out = {g: [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_, s._.kg_freq) for s in doc.spans[g]] for g in groups}
    out["relations"] = [
        (a.start_char, a.end_char, p, b.start_char, b.end_char) for a, p, b, _ in doc._.kg_relations or ()
    ]
    return out


def test_fast_pipeline_gives_the_plain_pipelines_spans(monkeypatch):
    fast = nlp.make_nlp()
    monkeypatch.setattr(nlp, "PLAIN", True)
    nlp._default_pos.cache_clear()
    try:
        plain = nlp.make_nlp.__wrapped__()
        assert not isinstance(plain.tokenizer, nlp.CharTokenizer)
        want = [_spans(plain, s) for s in REPORT.split("。")]
    finally:
        monkeypatch.setattr(nlp, "PLAIN", False)
        nlp._default_pos.cache_clear()
    got = [_spans(fast, s) for s in REPORT.split("。")]
    assert got == want
    assert any(g["kg_entities"] for g in got)


MIXED = st.text(alphabet="青禾云溪望川澜沧巴塔尔乌苏镇阿力木江路区县市的建设推进产业园大学深圳杭州罗湖AB12.", min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_dictionary_route_equals_jiebas_dag_and_calc(s):
    segmenter = nlp.make_nlp().get_pipe("kg_words")
    tokenizer = segmenter._tokenizer  # jieba's dictionary plus the gazetteer's divisions
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(s, tokenizer.get_DAG(s), route)
    assert segmenter.dictionary.route(s) == [route[i] for i in range(len(s) + 1)]


def test_segmenter_cuts_equal_jiebas_over_the_same_dictionary():
    segmenter = nlp.make_nlp().get_pipe("kg_words")
    plain = jieba.posseg.POSTokenizer(segmenter._tokenizer)
    plain.word_tag_tab = segmenter._pos.word_tag_tab  # with the divisions' tag (ns), read once from the tokenizer
    for text in (REPORT, *REPORT.split("，"), "深圳市罗湖区笋岗街道", "ABC股份12.5亿元"):
        assert [(w.word, w.flag) for w in segmenter._pos.cut(text)] == [(w.word, w.flag) for w in plain.cut(text)]


RARE = st.text(alphabet="的了在是和与及等市区县青禾云溪龘齉爩鱻丨乂亍丶乡镇街道一二三", min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(RARE)
def test_viterbi_equals_jiebas_on_rare_and_function_characters(s):
    assert nlp._viterbi(s) == viterbi(s, char_state_tab_P, start_P, trans_P, emit_P)


@pytest.mark.parametrize("text", [REPORT, "青禾市 云溪区\u3000望川县\n\nGDP增长5.2%，R&D投入2.5亿元", "a1 b2\r\n3.5", "", "  "])
def test_pair_cut_equals_jiebas_cut(text):
    segmenter = nlp.make_nlp().get_pipe("kg_words")
    want = [(w.word, w.flag) for w in jieba.posseg.POSTokenizer(segmenter._tokenizer).cut(text)]
    assert nlp._pair_cut(segmenter._pos)(text) == want
    assert segmenter._cut(text) == want  # han blocks through the automaton's own word cut
    assert segmenter._cut(text) == want  # from the cache


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_second_dictionary_route_equals_jiebas_default_dag_and_calc(s):
    segmenter = nlp.make_nlp().get_pipe("kg_words")
    route: dict[int, tuple[float, int]] = {}
    jieba.dt.calc(s, jieba.dt.get_DAG(s), route)  # jieba's own dictionary, without the divisions
    assert segmenter.dictionary.second().route(s) == [route[i] for i in range(len(s) + 1)]


def _by_sentence(doc, bounds):
    """Each sentence's span groups and relations from the Doc's spans, in sentence offsets."""
    groups = ("kg_gazetteer", "kg_candidates", "kg_patterns", "kg_lexicon", "kg_entities", "kg_nested")
    out = []
    for lo, hi in bounds:
        def inside(s, lo=lo, hi=hi):
            return lo <= s.start_char and s.end_char <= hi

        got = {g: [(s.start_char - lo, s.end_char - lo, s.label_, s.kb_id_, s.id_) for s in doc.spans[g] if inside(s)] for g in groups}
        got["relations"] = [
            (a.start_char - lo, a.end_char - lo, p, b.start_char - lo, b.end_char - lo)
            for a, p, b, _ in doc._.kg_relations or () if inside(a)
        ]
        out.append(got)
    return out


@pytest.mark.parametrize("pieces", [
    REPORT.split("。"),
    # white space inside and at the edges of sentences, a sentence without an end mark
    ["青禾市 云溪区建成青禾港二期工程", " 开通地铁3号线，举办第五届青禾国际茶博会", "实施“禾苗计划” ", "", "云溪区"],
])
def test_one_doc_of_sentences_gives_each_sentences_own_spans(pieces):
    pipeline = nlp.make_nlp()
    bounds, lo = [], 0
    for p in pieces:
        bounds.append((lo, lo + len(p)))
        lo += len(p)
    doc = pipeline.make_doc("".join(pieces))
    doc.user_data["kg_sentences"] = bounds
    doc = pipeline(doc)
    alone = [_by_sentence(pipeline(p), [(0, len(p))])[0] for p in pieces]
    assert _by_sentence(doc, bounds) == alone
    assert any(g["kg_entities"] for g in alone) and any(g["relations"] for g in alone)
    # the sentences' own spans, as extract_entities reads them
    views = nlp.sentences(doc)
    assert [(v.lo, v.hi) for v in views] == bounds
    assert [[(s.start_char, s.end_char, s.label_, s.id_) for s in v.spans["kg_entities"]] for v in views] == [
        [x[:3] + x[4:] for x in g["kg_entities"]] for g in alone
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u3000\u200b青禾a1，", max_size=16))
def test_chars_and_spaces_equal_spacys(text):
    from spacy.util import get_words_and_spaces

    words, spaces = nlp._chars_and_spaces(text)
    assert (words, spaces) == get_words_and_spaces(list(text), text)
    starts, ends = nlp._token_index(words, spaces)
    doc = nlp.make_nlp().make_doc(text)
    assert starts == {t.idx: t.i for t in doc} and ends == {t.idx + len(t): t.i + 1 for t in doc}
