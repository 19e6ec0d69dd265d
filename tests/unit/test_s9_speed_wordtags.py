"""jieba's word-tag table read once per dictionary file (kg.loaders.nlp._pos_tokenizer): each
part-of-speech tokenizer gets the table jieba's own constructor would read, as its own copy."""

from __future__ import annotations

import jieba
import jieba.posseg

from kg.loaders import nlp


def test_the_table_is_jiebas_and_each_tokenizer_owns_its_copy() -> None:
    fresh = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab
    a = nlp._pos_tokenizer(jieba.Tokenizer())
    b = nlp._pos_tokenizer(jieba.Tokenizer())  # from the table kept by file
    assert a.word_tag_tab == fresh and b.word_tag_tab == fresh
    assert None in nlp._WORD_TAGS
    b.word_tag_tab["青禾云溪"] = "ns"
    assert "青禾云溪" not in a.word_tag_tab and "青禾云溪" not in nlp._WORD_TAGS[None]


def test_a_tokenizers_added_words_reach_only_its_own_table() -> None:
    t = jieba.Tokenizer()
    t.add_word("青禾云溪湾", freq=2000, tag="ns")
    pos = nlp._pos_tokenizer(t)
    pos.makesure_userdict_loaded()
    assert pos.word_tag_tab["青禾云溪湾"] == "ns"
    assert "青禾云溪湾" not in nlp._pos_tokenizer(jieba.Tokenizer()).word_tag_tab
    assert [(w.word, w.flag) for w in pos.cut("推进青禾云溪湾建设")][1] == ("青禾云溪湾", "ns")
