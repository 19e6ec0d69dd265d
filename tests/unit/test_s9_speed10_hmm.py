"""The HMM for unknown runs (session 9, second round): words remembered per run, and the
emission scores of a character no state emits filled at once. Both give jieba's Viterbi
exactly: on single characters and pairs across the CJK block (in jieba's table or not,
emitted or not) and on the cut of runs, first computed and then remembered."""

from __future__ import annotations

import random

import jieba.posseg
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P, viterbi

import kg.loaders.nlp as nlp

CJK = [chr(c) for c in range(0x4E00, 0x9FA6)]


def test_char_states_of_characters_no_state_emits() -> None:
    emitted = nlp._emitted()
    unknown = [c for c in CJK if c not in char_state_tab_P]
    silent = [c for c in unknown if c not in emitted]
    assert silent and [c for c in unknown if c in emitted]  # both kinds exist
    _np, order, *_rest = nlp._hmm_arrays()
    for ch in random.Random(3).sample(unknown, 400):
        idx, emit, first, key = nlp._char_states(ch)
        assert key == idx.tobytes() and list(first) == [nlp._hmm_arrays()[5][i] + e for i, e in zip(idx, emit)]
        assert list(emit) == [emit_P[order[i]].get(ch, nlp._MIN_FLOAT) for i in idx]


def test_viterbi_equals_jiebas_on_single_characters_and_pairs() -> None:
    rng = random.Random(11)
    for ch in rng.sample(CJK, 1500):
        assert nlp._viterbi(ch) == viterbi(ch, char_state_tab_P, start_P, trans_P, emit_P)
    known = list(char_state_tab_P)
    for _ in range(150):
        s = rng.choice(known) + rng.choice((rng.choice(known), rng.choice(CJK)))
        assert nlp._viterbi(s) == viterbi(s, char_state_tab_P, start_P, trans_P, emit_P)


def test_hmm_cut_equals_jiebas_computed_and_remembered() -> None:
    plain = jieba.posseg.POSTokenizer(jieba.dt)
    rng = random.Random(5)
    known = list(char_state_tab_P)
    runs = ["".join(rng.choice(known) for _ in range(rng.randint(1, 6))) for _ in range(150)]
    for run in runs * 2:  # the second time from nlp._ROUTES
        want = [(w.word, w.flag) for w in plain._POSTokenizer__cut(run)]
        assert [(w.word, w.flag) for w in nlp._hmm_cut_remembered(run)] == want
        assert [(w.word, w.flag) for w in nlp._hmm_cut(run)] == want
    assert all(run in nlp._ROUTES for run in runs[-20:])


def test_default_pair_cut_equals_the_default_tokenizers_cut() -> None:
    """CandidateFinder's second cut (jieba's default dictionary) as pairs, without
    jieba's generators: the same words and tags as ``_default_pos().cut``."""
    rng = random.Random(9)
    pieces = ["青禾", "云溪", "市", "区", "建设", "推进", "产业园", "、", "和", "“", "”", "3号线", "ABC", " ", "，", "龘齉", "的"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        want = [(w.word, w.flag) for w in nlp._default_pos().cut(text)]
        assert nlp._default_pair_cut()(text) == want, text


def test_pair_cut_remembers_non_han_runs_alike() -> None:
    """_pair_cut keeps the pairs of each run between han blocks (punctuation, numbers,
    Latin): computed and remembered, they are jieba's."""
    import jieba

    fast = nlp._pair_cut(nlp._cached_pos_tokenizer(jieba.dt))
    rng = random.Random(13)
    pieces = ["青禾", "市", "，", "。", "、", "2023", "3.5%", "ABC", "5G", "a+b", " ", "\n", "（", "）", "—", "·", "x86_64", "#1", "&"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(200)]
    for text in texts * 2:
        assert fast(text) == [(w.word, w.flag) for w in jieba.posseg.dt.cut(text)], text
