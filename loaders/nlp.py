"""The spaCy pipeline that finds named things in report sentences.

One constructor, :func:`make_nlp`, builds it from a blank Chinese pipeline (spaCy's
character segmenter, so every character is a token and spaCy's offsets are the text's
offsets) and adds kg's own components, each registered as a spaCy factory:

``kg_words``
    jieba's part-of-speech segmentation, as spans in ``doc.spans["kg_words"]`` labelled
    with the jieba tag; quoted terms (“…”) and titles (《…》) are kept whole (tags ``q``
    and ``bk``). The later components use these word boundaries.
``kg_gazetteer``
    China's administrative divisions (GB/T 2260 codes, ``data/admin_divisions.tsv``) in
    full and short form, as spans in ``doc.spans["kg_gazetteer"]``; ``kb_id_`` is the code,
    the label says ``admin`` (full or province/prefecture short form) or ``admin_short``
    (a county-level short form, kept only when the report also uses the full form).
``kg_candidates``
    Genre rules: head words that close a name (``data/entity_suffixes.tsv``), titles
    《…》, quoted terms followed by a head word, enumerations sharing one head ("A、B、C
    三大片区"), government bodies by their short names (``data/bodies.tsv``). Spans in
    ``doc.spans["kg_candidates"]`` labelled ``Type/subtype``.
``kg_patterns``
    Patterns kept as data (``data/patterns/*.jsonl`` and folders named by ``KG_PATTERNS``,
    see :mod:`kg.loaders.patterns`): spans in ``doc.spans["kg_patterns"]`` labelled
    ``Type/subtype``, ``id_`` the rule id ``pattern:<id>``.
``kg_lexicon``
    Names the bulk corpus vouches for (``data/corpus_*.tsv``, made by
    ``scripts/corpus_stats.py``), through one ``PhraseMatcher``: sector items of
    enumerations, quoted terms standing alone. ``id_`` is ``lexicon:<file>``.
``kg_entities``
    Picks non-overlapping names (titles first, then the longest), writes them to
    ``doc.spans["kg_entities"]``; names nested inside a longer one that are places or
    organisations of their own go to ``doc.spans["kg_nested"]``.
``kg_relations``
    Relations the sentence states (part_of, located_in, organised_by, run_by,
    defined_in): evidence spans in ``doc.spans["kg_relations"]`` labelled with the
    predicate, and ``(subject, predicate, object, evidence)`` span tuples in
    ``doc._.kg_relations``.

Pattern and gazetteer files are read at initialisation from ``kg.loaders/data``.

The pipeline runs once per Doc. A Doc may hold several sentences
(``doc.user_data["kg_sentences"]``, character ranges: :func:`kg.loaders.entities.extract_entities`
makes one Doc per report, its chunks one after another); the components' rules are
sentence rules (a search back to the sentence's start, the next character or none, the
names of one sentence paired), so each component runs them per :class:`Sentence` (the
sentence's text, words and span groups as plain Python values, offsets from its start)
and then writes its span groups to ``doc.spans`` in the Doc's offsets. A Doc without
``kg_sentences`` is one sentence.

Each span attribute carries one thing: ``kb_id_`` a knowledge-base id (the GB/T 2260 code
of a gazetteer span), ``id_`` the id of the rule that made the span (``pattern:<id>``,
``head:…``, ``lexicon:<file>``, ``verb:<pred>``; spaCy's SpanRuler puts pattern ids
there too), and the extension ``Span._.kg_freq`` a word's frequency class in
``kg_words`` ("rare", "common" or "").
"""

from __future__ import annotations

import bisect
import functools
import gc
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.loaders.datafiles import data_lines, data_text
from kg.loaders.gazetteer import divisions, latest_revision, short_form
from kg.loaders.jieba_dict import take_default, take_tags, watch
from kg.loaders.patterns import Prefilter, find, load_patterns, user_dirs

log = logging.getLogger(__name__)


OPEN_QUOTES = "“「‘\""
CLOSE_QUOTES = "”」’\""
_QUOTED = re.compile(r"“[^“”\n]{1,30}”|「[^「」\n]{1,30}」|‘[^‘’\n]{1,30}’")
_TITLED = re.compile(r"《[^《》\n]{1,80}》")
_PAREN = re.compile(r"[(（][^()（）\n]{1,16}[)）]")
# jieba tags of words that carry a proper name.
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng", "q", "bk"})
# jieba tags that can never be inside a name.
def _coined(words) -> bool:
    """A short coined name the segmenter knows no word of: split into three or four single
    characters (甲巨芯), or one character glued before an out-of-vocabulary word (达|诺尔:
    trusted only beside a company in the same list of projects)."""
    if _coined_chars(words):
        return True
    return len(words) == 2 and len(words[0].text) == 1 and words[1].kb_id_ == "rare" and words[1].label_ in PROPER_TAGS


def _coined_chars(words) -> bool:
    """A coined name split into three or four single characters (甲巨芯): no word of it is
    the dictionary's, so it is one name (a verb read in one character, 引|汉济渭, is not enough)."""
    return 3 <= len(words) <= 4 and all(len(w.text) == 1 and w.label_ not in BREAK_TAGS for w in words)


BREAK_TAGS = frozenset({"x", "w", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "y", "e", "o"})
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
_COUNT = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十两百千万几多]+)(?:大|个|家|项|条|类|所|座|批|种|名|位|支|只|户|套|处|宗|片|块)$")
_LEADING_COUNT = re.compile(
    r"(?:[0-9０-９]+|[一二三四五六七八九十两百千万]+)(?:大|个|家|项|条|类|所|座|批|种|名|位|支|只|户|套|处|宗|片|块|版)"
)
_ARTICLES = re.compile(r"(?<![0-9一二三四五六七八九十第])(?:新)?(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})条(?![件例款])")
_TRAILING_COUNT = re.compile(r"(?:[0-9]+|[一二三四五六七八九十两]+)(?:大|个|家|项|座|条)$")
_PHASE = re.compile(r"^[一二三四五六七八九十0-9]+期$")
_RIVER_HEADS = frozenset({"江", "河", "运河"})
_HUA_NOUNS = ("化工", "化学", "化纤", "化肥", "化妆", "化石")
_RIVER_NEXT = re.compile(r"$|[^一-鿿]|[、，。；：和与及等的一二三四五六七八九十两百千万]|流域|[干支]流|两岸|沿岸|沿线|岸线|水系|航道|大桥|段|治理|综合治理|防洪|生态保护|保护")
_EXTENSION_END = re.compile(r"(?:东西|南北|[东西南北])延(?:长线)?$")
_YEARS = re.compile(r"[一二三四五六七八九十两]年")
"""A span of years inside a name (城镇化战略五年行动计划, 三年倍增行动), not a date."""
_AGE_GROUPS = frozenset({"老年", "青年", "少年", "中年", "幼年", "成年", "童年"})
"""Age groups jieba tags as times (市|老年|福利服务中心, 市|青年|创业中心): people, no date."""
_PUNCT = set("，,。；;：:、！？!?（）()《》“”‘’「」【】[]—-…·\\/ \u3000\t\n")


_data_text, _data_lines = data_text, data_lines  # the names the loaders import from here


@dataclass(frozen=True, slots=True)
class Head:
    """A head word that closes a name, with the type it gives."""

    suffix: str
    type: str
    subtype: str
    proper: bool
    long: bool = False
    short: bool = False
    admin: bool = False

    @property
    def label(self) -> str:
        return f"{self.type}/{self.subtype}" if self.subtype else self.type


def load_heads() -> dict[str, Head]:
    heads: dict[str, Head] = {}
    for line in _data_lines("entity_suffixes.tsv"):
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        suffix, typ, sub, flag = cols[:4]
        heads[suffix] = Head(
            suffix, typ, sub, flag in ("proper", "short", "admin"), flag == "long", flag == "short", flag == "admin"
        )
    return heads


def load_boundary_words() -> frozenset[str]:
    words: set[str] = set()
    for line in _data_lines("boundary_words.txt"):
        words.update(line.split())
    return frozenset(words)


# ----------------------------------------------------------------------------- kg_words


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One word of the segmentation, as plain Python values (a spaCy ``Span`` joins its
    tokens' text at every ``.text``; the genre rules read words thousands of times).
    Compared and hashed by value; not frozen only because a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) cost 3× as much, once per word."""

    start_char: int
    end_char: int
    text: str
    label_: str
    kb_id_: str  # the word's frequency class, Span._.kg_freq ("rare", "common" or "")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from the tokens at every call)."""
    got = doc.user_data.get("kg_text")
    if got is None:
        got = doc.user_data["kg_text"] = doc.text
    return got


class CharTokenizer:
    """spaCy's Chinese ``char`` segmenter (one token per character) that keeps the text on
    the Doc (``user_data["kg_text"]``, read by :func:`doc_text`) instead of joining it again
    from the tokens, and builds the Doc directly when the text has no whitespace."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        if _SPACE.search(text) is None:
            doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
            doc.user_data["kg_chars"] = True  # token i is character i
        else:
            words, spaces = _chars_and_spaces(text)
            doc = Doc(self.vocab, words=words, spaces=spaces)
            doc.user_data["kg_token_bounds"] = _token_index(words, spaces)
        doc.user_data["kg_text"] = text
        return doc

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s+")


def _chars_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """spaCy's ``util.get_words_and_spaces(list(text), text)`` (what its ``char`` segmenter
    builds a Doc from) in one pass: each character a token, one space after it its
    trailing space, any other run of white space a token of its own. spaCy's slices the
    rest of the text at every character (quadratic in a report's length)."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _SPACES.finditer(text):
        a, b = m.span()
        words.extend(text[pos:a])
        spaces.extend([False] * (a - pos))
        if a > pos and text[a] == " ":  # one space after a character: its trailing space
            spaces[-1] = True
            a += 1
        if b > a:
            words.append(text[a:b])
            spaces.append(False)
        pos = b
    words.extend(text[pos:])
    spaces.extend([False] * (len(text) - pos))
    return words, spaces


def _token_index(words: list[str], spaces: list[bool]) -> tuple[dict[int, int], dict[int, int]]:
    """For the tokens ``words``/``spaces`` of a Doc: the token starting at each character
    offset and (its index + 1) the token ending there, for :func:`char_span`."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    pos = 0
    for i, (w, sp) in enumerate(zip(words, spaces)):
        starts[pos] = i
        pos += len(w)
        ends[pos] = i + 1
        pos += sp
    return starts, ends


class SentenceSpan:
    """A span of a :class:`Sentence`, as plain Python values: what the components read of
    a spaCy ``Span`` (offsets from the sentence's start)."""

    __slots__ = ("start_char", "end_char", "text", "label_", "kb_id_", "id_")

    def __init__(self, start_char: int, end_char: int, text: str, label_: str, kb_id_: str, id_: str) -> None:
        self.start_char = start_char
        self.end_char = end_char
        self.text = text
        self.label_ = label_
        self.kb_id_ = kb_id_
        self.id_ = id_

    def __repr__(self) -> str:
        return self.text


class _Underscore:
    __slots__ = ("kg_relations",)

    def __init__(self) -> None:
        self.kg_relations = None


class Sentence:
    """One sentence of a report's Doc as the kg_ components read it: its text, its words,
    its span groups (:class:`SentenceSpan`, offsets from ``lo``), ``_.kg_relations``. The
    pipeline runs once per Doc; each component runs its rules per sentence over these
    (their rules read "the sentence": a search back to its start, the next character or
    none), then writes its span groups to the Doc (:func:`_per_sentence`)."""

    __slots__ = ("lo", "hi", "user_data", "spans", "_", "_bounds")

    def __init__(self, lo: int, hi: int, text: str) -> None:
        self.lo = lo
        self.hi = hi
        self.user_data: dict = {"kg_text": text}
        self.spans: dict[str, list] = {}
        self._ = _Underscore()
        self._bounds = None

    def __len__(self) -> int:
        return len(self.user_data["kg_text"])

    def char_span(self, start: int, end: int, label: str = "", kb_id: str = "", span_id: str = "") -> SentenceSpan | None:
        """spaCy's ``Doc.char_span`` (strict alignment) on the sentence's own Doc: one token
        per character, or spaCy's tokens when the text holds white space."""
        text = self.user_data["kg_text"]
        n = len(text)
        if _SPACE.search(text) is None:
            if not (0 <= start < n and 1 <= end <= n):
                return None
        else:
            if self._bounds is None:
                self._bounds = _token_index(*_chars_and_spaces(text))
            starts, ends = self._bounds
            if start not in starts or end not in ends:
                return None
        if end < start:
            raise ValueError(f"[E035] Error creating span with start {start} and end {end}")
        return SentenceSpan(start, end, text[start:end], label, kb_id, span_id)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc``: ``doc.user_data["kg_sentences"]`` (``(start, end)`` character
    ranges, set by the caller before the pipeline runs), else the whole text as one. A
    caller that reads the sentences' words (:func:`doc_words` of each) rather than
    ``doc.spans["kg_words"]`` sets ``doc.user_data["kg_no_word_spans"]``: the segmenter
    then leaves that group empty (a span per word was a tenth of the entity stage)."""
    got = doc.user_data.get("kg_views")
    if got is None:
        text = doc_text(doc)
        bounds = doc.user_data.get("kg_sentences")
        if bounds is None:
            bounds = ((0, len(text)),)
        got = doc.user_data["kg_views"] = [Sentence(lo, hi, text[lo:hi]) for lo, hi in bounds]
    return got


class _PerSentence:
    """A kg_ component whose rules run one :class:`Sentence` at a time (``_sentence``):
    on a spaCy Doc (``__call__``, the span groups ``GROUPS`` then written to the Doc) or
    straight on the sentences (``run``, :func:`analyse`: no Doc, no spaCy spans)."""

    GROUPS: tuple[str, ...] = ()

    def _sentence(self, doc: Sentence) -> Sentence:
        raise NotImplementedError

    def run(self, views: list[Sentence]) -> None:
        """The rules on every sentence of ``views``, in order."""
        for v in views:
            self._sentence(v)

    def __call__(self, doc: Doc) -> Doc:
        return _per_sentence(doc, self._sentence, self.GROUPS)


def analyse(nlp: Language, text: str, bounds: list[tuple[int, int]]) -> list[Sentence]:
    """What ``nlp`` (:func:`make_nlp`) finds in the sentences ``bounds`` (``(start, end)``
    character ranges) of ``text``, read from the sentences (their words, span groups,
    ``_.kg_relations``) as from :func:`sentences` of the Doc: each component's rules run
    on the sentences directly, without a spaCy Doc of the text (one token per character)
    and without copying their spans to Doc spans, a sixth of the stage once the rules
    read plain sentences."""
    views = [Sentence(lo, hi, text[lo:hi]) for lo, hi in bounds]
    for _name, proc in nlp.pipeline:
        proc.run(views)
    return views


def _per_sentence(doc: Doc, rules, groups: tuple[str, ...]) -> Doc:
    """Run ``rules`` (a component's rules for one :class:`Sentence`) on every sentence of
    ``doc``, then write the span groups ``groups`` they made to ``doc.spans``."""
    views = sentences(doc)
    for v in views:
        rules(v)
    for g in groups:
        out = []
        for v in views:
            lo = v.lo
            for sp in v.spans.get(g, ()):
                span = char_span(doc, lo + sp.start_char, lo + sp.end_char, sp.label_, sp.kb_id_, sp.id_)
                if span is not None:
                    out.append(span)
        doc.spans[g] = out
    return doc


def char_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "", span_id: str = "") -> Span | None:
    """``doc.char_span(start, end, label, kb_id, span_id)``, without the offset search when
    every token is one character."""
    if type(doc) is Sentence:
        return doc.char_span(start, end, label, kb_id, span_id)
    user_data = doc.user_data
    if user_data.get("kg_chars"):
        if 0 <= start < end <= len(doc):
            return Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)
        return doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
    # spaCy's tokens: the token starting at ``start`` and the one ending at ``end``,
    # looked up in two dicts built once per Doc (``Doc.char_span`` searches and makes a
    # Token object per probe)
    bounds = user_data.get("kg_token_bounds")
    if bounds is None:
        bounds = user_data["kg_token_bounds"] = _token_index([t.text for t in doc], [bool(t.whitespace_) for t in doc])
    ts, te = bounds[0].get(start), bounds[1].get(end)
    if ts is not None and te is not None and ts < te:
        return Span(doc, ts, te, label=label, kb_id=kb_id, span_id=span_id)
    return doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)


def doc_words(doc: Doc) -> list[Word]:
    """The words of ``doc.spans["kg_words"]`` as :class:`Word` values, built once per Doc."""
    got = doc.user_data.get("kg_word_list")
    if got is None:
        text = doc_text(doc)
        got = [
            Word(w.start_char, w.end_char, text[w.start_char : w.end_char], w.label_, w._.kg_freq)
            for w in doc.spans.get("kg_words", [])
        ]
        doc.user_data["kg_word_list"] = got
    return got


def _register_extensions() -> None:
    if not Doc.has_extension("kg_relations"):
        Doc.set_extension("kg_relations", default=None)
    if not Span.has_extension("kg_freq"):
        Span.set_extension("kg_freq", default="")


@Language.factory("kg_words")
def make_words(nlp: Language, name: str) -> WordSegmenter:
    return WordSegmenter()


class WordSegmenter:
    """jieba part-of-speech words as spans; quoted terms, titles and ordinals kept whole.

    The administrative divisions of the gazetteer are added to jieba's dictionary (tag
    ``ns``) so that place names are not cut apart.
    """

    def __init__(self) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        if not PLAIN:
            watch()  # jieba's global tokenizer keeps a copy of the default dictionary it loads
            jieba.dt.check_initialized()
        if PLAIN or not take_default(self._tokenizer):  # the copy, or a load of its own
            self._tokenizer.initialize()
        for _code, name in load_divisions():
            if len(short_form(name)) >= 2:
                self._tokenizer.add_word(name, freq=2000, tag="ns")
        if PLAIN:
            self.dictionary = None
        else:  # jieba's default dictionary (CandidateFinder's second cut) rides along
            jieba.dt.initialize()
            self.dictionary = Dictionary(self._tokenizer, jieba.dt)
            DEFAULT_DICTIONARY[:] = [self.dictionary.second()]
        self._pos = _cached_pos_tokenizer(self._tokenizer, self.dictionary)
        self._cut = (
            (lambda t: [(w.word, w.flag) for w in self._pos.cut(t)])
            if PLAIN
            else _pair_cut(self._pos, self._pos.kg_block_words)
        )
        WORD_FREQ_SOURCE.append(self._tokenizer.FREQ)
        self._strings = None
        self._ids: dict[str, int] = {}
        self._marks: dict[tuple[str, str], str] = {}

    def _mark(self, w: str, tag: str) -> str:
        """"rare" (outside jieba's dictionary or a seldom proper noun: likely part of a
        name), "common" (an ordinary word) or "". Depends on the word and its tag only, so
        :meth:`__call__` keeps it per (word, tag)."""
        f = self._tokenizer.FREQ.get(w) or 0
        rare = len(w) >= 2 and tag not in ("q", "bk", "ord", "x", "m") and not w.isascii() and (
            f == 0
            or (tag in ("ns", "nz", "nt", "nr", "nrt", "j") and f < RARE_BELOW)
            or (len(w) == 2 and tag.startswith("n") and f < RARE_NOUN_BELOW)
        )
        return "rare" if rare else ("common" if f >= COMMON_FROM else "")

    def run(self, views: list[Sentence]) -> None:
        """The words of every sentence of ``views`` (:func:`analyse`)."""
        for v in views:
            self._sentence(v)

    def __call__(self, doc: Doc) -> Doc:
        views = sentences(doc)
        self.run(views)
        if doc.user_data.get("kg_no_word_spans"):
            doc.spans["kg_words"] = []
        else:
            self._spans(doc, views)
        return doc

    def _sentence(self, doc: Sentence) -> None:
        """The sentence's words (``user_data["kg_word_list"]``, read by :func:`doc_words`)."""
        text = doc_text(doc)
        whole: list[tuple[int, int, str]] = []
        for m in _TITLED.finditer(text):
            whole.append((m.start(), m.end(), "bk"))
        for m in _QUOTED.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in whole):
                whole.append((m.start(), m.end(), "q"))
        for m in _PAREN.finditer(text):
            if Gazetteer.shared().lookup(m.group()[1:-1]) and not any(
                s < m.end() and m.start() < e for s, e, _ in whole
            ):
                whole.append((m.start(), m.end(), "pp"))  # "(深圳)" inside a name
        for m in _ORDINAL.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in whole):
                whole.append((m.start(), m.end(), "ord"))
        whole.sort()
        plain: list[Word] = []
        append = plain.append
        marks = self._marks

        def remember(w: str, flag: str):
            """A word's mark, computed once and kept in the bounded cache."""
            if len(marks) >= _CUT_CACHE_SIZE:
                marks.clear()
            mark = marks[(w, flag)] = self._mark(w, flag)
            return mark

        n = len(text)
        # one token per character: every word is a span (spaCy's char_span); else the
        # words spaCy's tokens align with
        direct = _SPACE.search(text) is None
        pos = 0
        for s, e, tag in [*whole, (n, n, "")]:
            pieces = []
            if s > pos:
                i = pos
                if direct:  # every word a span: straight to the list, as the loop below would
                    # (the cut's words are the text's characters from i: no slice again; its
                    # (word, tag) pair is the mark's key as it is)
                    for pair in self._cut(text[pos:s]):
                        w, flag = pair
                        j = i + len(w)
                        if i < j or doc.char_span(i, j) is not None:
                            mark = marks.get(pair)
                            append(Word(i, j, w, flag or "x", mark if mark is not None else remember(w, flag)))
                        i = j
                else:
                    for w, flag in self._cut(text[pos:s]):
                        j = i + len(w)
                        pieces.append((i, j, flag))
                        i = j
            if e > s:
                pieces.append((s, e, tag))
            pos = max(pos, e)
            for i, j, flag in pieces:
                if not (direct and i < j) and doc.char_span(i, j) is None:
                    continue
                w = text[i:j]
                mark = marks.get((w, flag))
                append(Word(i, j, w, flag or "x", mark if mark is not None else remember(w, flag)))
        doc.user_data["kg_word_list"] = plain

    def _spans(self, doc: Doc, views: list[Sentence]) -> None:
        """The words of every sentence as ``doc.spans["kg_words"]``, each word's mark in
        ``Span._.kg_freq``."""
        spans = []
        # one token per character: the span built directly, its label a string-store id,
        # its mark written where ``Span._.kg_freq`` reads it (``Underscore`` keys a span's
        # value by its character offsets), without a ``Span._`` object per word
        direct = bool(doc.user_data.get("kg_chars"))
        n = len(doc)
        user_data = doc.user_data
        strings = doc.vocab.strings
        if strings is not self._strings:
            self._strings, self._ids = strings, {}
        ids = self._ids
        for v in views:
            lo = v.lo
            for word in v.user_data["kg_word_list"]:
                s, e, label, mark = lo + word.start_char, lo + word.end_char, word.label_, word.kb_id_
                if direct and 0 <= s < e <= n:
                    lab = ids.get(label)
                    if lab is None:
                        lab = ids[label] = strings.add(label)
                    span = Span(doc, s, e, label=lab)
                    if mark:
                        user_data[("._.", "kg_freq", s, e)] = mark
                else:
                    span = char_span(doc, s, e, label=label)
                    if span is None:
                        continue
                    if mark:
                        span._.kg_freq = mark
                spans.append(span)
        doc.spans["kg_words"] = spans


PLAIN = False
"""True (set before the first :func:`make_nlp`): jieba's own cuts and spaCy's own
tokenizer, the path before the speed-ups, kept for ``tests/unit/test_nlp_fast.py``."""

_CUT_CACHE_SIZE = 1 << 13
"""Han blocks and unknown-word runs remembered per tokenizer (a report repeats its clauses
and its unknown words; a bulk run repeats them across reports). Full: start afresh. Small
enough to fill within the first few dozen reports, so a worker's memory stays flat in the
corpus size (at 1 << 17 the caches grew for ~110 bulk reports: peak RSS 564 MiB after 50,
667 after 220; at 1 << 13, 521 and 535, the same triples, no measurable CPU change)."""


def _remembered(cut, cache: dict[str, tuple]):
    """``cut`` (a pure function of its string) as a tuple, kept in ``cache`` (bounded)."""
    def cached(sentence: str) -> tuple:
        got = cache.get(sentence)
        if got is None:
            got = tuple(cut(sentence))
            if len(cache) >= _CUT_CACHE_SIZE:
                cache.clear()
            cache[sentence] = got
        return got

    return cached


def _memo(cut, cache: dict[str, tuple]):
    """:func:`_remembered` as an iterator (what jieba's callers of ``cut`` expect)."""
    remembered = _remembered(cut, cache)

    def cached(sentence: str):
        return iter(remembered(sentence))

    return cached


_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")


@functools.lru_cache(maxsize=1)
def _hmm_arrays():
    """jieba's part-of-speech HMM as arrays over its states, sorted from the largest state
    down (so numpy's first maximum is the largest state among equal scores, jieba's tie
    break): transitions (``-inf`` where there is none), start scores, which states have a
    transition at all, and per character the states it may take and its emission scores."""
    import numpy as np
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    order = sorted(trans_P, reverse=True)
    index = {y: i for i, y in enumerate(order)}
    trans = np.array([[trans_P[y0].get(y, _MIN_INF) for y in order] for y0 in order])
    start = np.array([start_P[y] for y in order])
    moves = np.array([len(trans_P[y]) > 0 for y in order])
    allowed = np.isfinite(trans)
    every = np.arange(len(order))
    return np, order, index, trans, allowed, start, moves, every, char_state_tab_P, emit_P, {}


def _char_states(ch: str):
    """The states ``ch`` may take (ascending index; every state for a character jieba's
    table lacks), its emission scores in them (jieba's ``emit_p[y].get(ch, MIN_FLOAT)``),
    the scores of a run opening with it (start + emission) and the states as bytes."""
    np, order, index, *_mid, every, char_states, emit_p, cache = _hmm_arrays()
    got = cache.get(ch)
    if got is None:
        states = char_states.get(ch)
        # the states' indices as Python ints (a numpy array's items are numpy scalars, slow
        # to index a list with)
        ids = range(len(order)) if states is None else sorted(index[y] for y in states)
        idx = every if states is None else np.array(ids, dtype=np.intp)
        if states is None and ch not in _emitted():  # no state emits it: MIN_FLOAT in each
            emit = np.full(len(idx), _MIN_FLOAT)
        else:
            emit = np.array([emit_p[order[i]].get(ch, _MIN_FLOAT) for i in ids])
        # with the scores of a run's first step (start + emission) and the states as a key
        got = cache[ch] = (idx, emit, _hmm_arrays()[5][idx] + emit, idx.tobytes())
    return got


@functools.lru_cache(maxsize=1)
def _emitted() -> frozenset[str]:
    """Every character some state of jieba's HMM emits."""
    return frozenset().union(*_hmm_arrays()[-2].values())


def _emit_of(state, ch: str) -> float:
    return _hmm_arrays()[-2][state].get(ch, _MIN_FLOAT)


def _viterbi(obs: str):
    """jieba's ``posseg.viterbi``, the same arithmetic ((score + transition) + emission,
    IEEE doubles alike) and the same choices (the largest ``(score, state)``), with the
    states of one step as numpy vectors: jieba scores every pair of live states in Python,
    which made its Viterbi a fifth of the entity stage on text it has not seen before.
    ``tests/unit/test_nlp_fast.py`` compares it with jieba's on generated strings."""
    np, order, _index, trans, allowed, start_p, moves, every, *_rest = _hmm_arrays()
    alive, emit, v, key = _char_states(obs[0])  # the states of the step, ascending index
    if len(obs) == 1:
        last = int(v.argmax())  # first maximum: the largest state among equal scores
        return float(v[last]), [order[int(alive[last])]]
    steps = []
    for t in range(1, len(obs)):
        # what a step does depends on the live states and the character only: kept
        step = _STEPS.get((key, obs[t]))
        if step is None:
            # where jieba's prev_states are in alive, those states (also as a column) and the
            # states they may lead to: they depend on the live states only, kept per set of
            # them (far fewer than steps)
            leads = _LEADS.get(key)
            if leads is None:
                came_from = np.flatnonzero(moves[alive])
                before = alive[came_from]
                leads = (came_from, before, before[:, None], allowed[before].any(axis=0))
                if len(_LEADS) >= _LEADS_MAX:
                    _LEADS.clear()
                _LEADS[key] = leads
            came_from, before, before_column, expect = leads
            if not len(before):
                raise ValueError("max() arg is an empty sequence")  # what jieba's max raises
            here, emit, _v, _key = _char_states(obs[t])
            keep = expect[here]
            alive_next, emit = here[keep], emit[keep]
            if not len(alive_next):  # jieba: the expected states, or all of them
                alive_next = np.flatnonzero(expect) if expect.any() else every
                emit = np.array([_emit_of(order[i], obs[t]) for i in alive_next])
            step = (came_from, trans[before_column, alive_next], emit[None, :], every[: len(alive_next)],
                    before, alive_next, alive_next.tobytes())
            size = sum(a.nbytes for a in step[:6])
            if len(_STEPS) >= _CUT_CACHE_SIZE or _STEPS_BYTES[0] + size > _STEPS_MAX_BYTES:
                _STEPS.clear()
                _STEPS_BYTES[0] = 0
            _STEPS[(key, obs[t])] = step
            _STEPS_BYTES[0] += size
        came_from, tr, em, columns, _before, alive_next, key = step
        scores = v[came_from][:, None] + tr + em
        best = scores.argmax(axis=0)
        v = scores[best, columns]
        steps.append((alive, came_from, best))
        alive = alive_next
    last = int(v.argmax())  # first maximum: the largest state among equal scores
    prob = float(v[last])
    # back from the last step by positions: the state at position p of a step came from
    # position came_from[best[p]] of the step before
    route = [None] * len(obs)
    pos = last
    for i in range(len(obs) - 1, 0, -1):
        route[i] = order[int(alive[pos])]
        alive, came_from, best = steps[i - 1]
        pos = int(came_from[int(best[pos])])
    route[0] = order[int(alive[pos])]
    return prob, route


_STEPS: dict[tuple[bytes, str], tuple] = {}
""":func:`_viterbi`'s steps by (live states, character): the states kept, the transition
scores between them, the emission scores."""
_STEPS_BYTES = [0]
"""The bytes of the arrays in :data:`_STEPS`."""
_LEADS: dict[bytes, tuple] = {}
""":func:`_viterbi`'s live states (as bytes) → where those with a transition are among
them, those states (and as a column) and the states they may lead to (bool per state)."""
_LEADS_MAX = 2048
"""Full: start afresh (an entry is at most ~6 KiB: every state live)."""
_STEPS_MAX_BYTES = 16 << 20
"""Full (by count or by bytes): start afresh. A step's transition matrix is up to states²
doubles (~200 KiB where a character's states are unknown: every state live), so 8,192
steps alone could hold 1.6 GiB; one old national report added 210 MiB to a worker."""


_ROUTES: dict[str, tuple] = {}
""":func:`_hmm_words`' words by run of characters (:func:`_hmm_words_remembered`)."""


def _hmm_words(sentence: str) -> list[tuple[str, str]]:
    """jieba's ``POSTokenizer.__cut`` over :func:`_viterbi`, as ``(word, tag)`` pairs."""
    _prob, pos_list = _viterbi(sentence)
    out: list[tuple[str, str]] = []
    begin, nexti = 0, 0
    for i, (pos, tag) in enumerate(pos_list):
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((sentence[begin : i + 1], tag))
            nexti = i + 1
        elif pos == "S":
            out.append((sentence[i], tag))
            nexti = i + 1
    if nexti < len(sentence):
        out.append((sentence[nexti:], pos_list[nexti][1]))
    return out


# :func:`_hmm_words`, kept per run: a run of unknown characters recurs across blocks and
# reports (a third of the runs of ten bulk reports)
_hmm_words_remembered = _remembered(_hmm_words, _ROUTES)


def _hmm_cut(sentence: str):
    """jieba's ``POSTokenizer.__cut`` over :func:`_viterbi` (``pair`` objects)."""
    from jieba.posseg import pair

    return (pair(w, t) for w, t in _hmm_words(sentence))


def _hmm_cut_remembered(sentence: str):
    """:func:`_hmm_cut`, its words kept per run (:data:`_ROUTES`)."""
    from jieba.posseg import pair

    return (pair(w, t) for w, t in _hmm_words_remembered(sentence))


def _detail_words(sentence: str) -> list[tuple[str, str]]:
    """jieba's ``POSTokenizer.__cut_detail`` (a run of characters outside the dictionary:
    its han runs to the HMM, :func:`_hmm_words_remembered`) as ``(word, tag)`` pairs, line
    for line, without its generators and a ``pair`` per word."""
    from jieba.posseg import re_eng, re_han_detail, re_num, re_skip_detail

    if re_han_detail.fullmatch(sentence):  # han characters only (most runs): the HMM's words
        return list(_hmm_words_remembered(sentence))
    out: list[tuple[str, str]] = []
    for blk in re_han_detail.split(sentence):
        if re_han_detail.match(blk):
            out.extend(_hmm_words_remembered(blk))
            continue
        for x in re_skip_detail.split(blk):
            if x:
                out.append((x, "m" if re_num.match(x) else "eng" if re_eng.match(x) else "x"))
    return out


# :func:`_detail_words`, kept per run (it depends on the run only, not on the tokenizer:
# both tokenizers' cuts share it)
_detail_words_remembered = _remembered(_detail_words, {})


def _build_automaton(freq: dict[str, int], total: int, freq2: dict[str, int], total2: int | None):
    """:class:`Dictionary`'s automaton and single characters: every word of two or more
    characters of ``freq`` (and of ``freq2``) reversed, its value (length, weight, weight in
    the second dictionary; None: not a word there); and each dictionary's one-character
    words with their weights (a dict each: most positions of a block are such a word, and a
    look-up costs less than a match of the automaton)."""
    import ahocorasick

    logtotal = math.log(total)
    logtotal2 = math.log(total2) if total2 is not None else 0.0
    auto = ahocorasick.Automaton()
    single: dict[str, float] = {}
    single2: dict[str, float] = {}
    for word, f in freq.items():
        if f:
            f2 = freq2.get(word)
            if len(word) == 1:
                single[word] = math.log(f) - logtotal
                if f2:
                    single2[word] = math.log(f2) - logtotal2
                continue
            auto.add_word(word[::-1], (len(word), math.log(f) - logtotal, math.log(f2) - logtotal2 if f2 else None))
    for word, f2 in freq2.items():
        if f2 and not freq.get(word):
            if len(word) == 1:
                single2[word] = math.log(f2) - logtotal2
                continue
            auto.add_word(word[::-1], (len(word), None, math.log(f2) - logtotal2))
    auto.make_automaton()
    return auto, single, single2


class Dictionary:
    """A jieba dictionary as one Aho-Corasick automaton (pyahocorasick): every word of a
    han block in one pass of C, instead of jieba's probe of every prefix at every position
    (``Tokenizer.get_DAG``) and its second pass re-slicing and re-scoring each of them
    (``Tokenizer.calc``).

    The automaton holds the words reversed, so a pass over the reversed block reports the
    words by their start, last start first: exactly the order of jieba's right-to-left
    dynamic programme, which :meth:`route` runs in the same loop. Each word carries jieba's
    own weight ``log(freq) - log(total)``, the same float jieba computes; the best route is
    jieba's ``max`` over the same ``(score, end)`` tuples, so ties break alike. jieba's
    prefix dictionary holds every prefix of every word, so "all words starting at k" is
    what its probe finds. Built once per tokenizer, after its last ``add_word``."""

    def __init__(self, tokenizer, second=None) -> None:
        """``second``: another jieba tokenizer (jieba's default one, without the gazetteer's
        words) whose weights ride along in the same automaton, read by :meth:`second`."""
        from kg.loaders.jieba_dict import cached_automaton

        self.total = tokenizer.total
        logtotal = math.log(tokenizer.total)
        self._miss = math.log(1) - logtotal  # jieba: log(FREQ.get(char) or 1) - logtotal
        freq2 = second.FREQ if second is not None else {}
        total2 = second.total if second is not None else None
        logtotal2 = math.log(total2) if total2 is not None else 0.0
        self._miss2 = math.log(1) - logtotal2
        # built once from these four values, then kept on disk (kg.loaders.jieba_dict)
        self._auto, self._single, self._single2 = cached_automaton(
            _build_automaton, tokenizer.FREQ, tokenizer.total, freq2, total2)

    def second(self) -> _SecondDictionary:
        """The second tokenizer's dictionary, over the same automaton."""
        return _SecondDictionary(self)

    def route(self, block: str) -> list[tuple[float, int]]:
        """jieba's ``route`` for ``block`` (``calc`` over ``get_DAG``): for every start,
        (best score from there to the end, end index of the word taken there)."""
        scores, ends = self.scores_and_ends(block)
        route = list(zip(scores, ends))
        route[-1] = (0, 0)
        return route

    def scores_and_ends(self, block: str, second: bool = False) -> tuple[list[float], list[int]]:
        """:meth:`route` as two lists (best score from each start, end index of the word
        taken there; the last entry, past the end, is ``0, 0``): no tuple per word.
        ``second``: with the second tokenizer's weights.

        The automaton reports the words of two or more characters; a one-character word
        is looked up by its character (jieba's ``get_DAG`` counts it as a word only when
        its frequency is not 0; a start with no word at all takes the character alone at
        ``log(1) - log(total)``). jieba's ``max`` over ``(score, end)`` tuples does not
        depend on the order the candidates come in."""
        n = len(block)
        scores: list[float] = [0.0] * (n + 1)
        ends: list[int] = [0] * (n + 1)
        scores[n] = 0
        miss = self._miss2 if second else self._miss
        one = (self._single2 if second else self._single).get
        k = 2 if second else 1
        cur = n  # the start whose words are being read
        last = n - 1
        best = best_end = None
        for j, value in self._auto.iter(block[::-1]):
            weight = value[k]
            if weight is None:
                continue  # not a word of this dictionary
            start = last - j
            if start != cur:
                if best is not None:
                    scores[cur] = best
                    ends[cur] = best_end
                for g in range(cur - 1, start, -1):  # no longer word starts at g: the character alone
                    scores[g] = one(block[g], miss) + scores[g + 1]
                    ends[g] = g
                cur = start
                end = start + value[0] - 1
                best, best_end = weight + scores[end + 1], end
                w1 = one(block[start])
                if w1 is not None:  # the one-character word too (its end is the smaller one)
                    got = w1 + scores[start + 1]
                    if got > best:
                        best, best_end = got, start
                continue
            end = start + value[0] - 1
            got = weight + scores[end + 1]
            # jieba's max over (score, end) tuples: the larger score, then the larger end
            if got > best or (got == best and end > best_end):
                best, best_end = got, end
        if best is not None:
            scores[cur] = best
            ends[cur] = best_end
        for g in range(cur - 1, -1, -1):
            scores[g] = one(block[g], miss) + scores[g + 1]
            ends[g] = g
        return scores, ends


class _SecondDictionary:
    """:class:`Dictionary`'s second tokenizer (:meth:`Dictionary.second`)."""

    def __init__(self, dictionary: Dictionary) -> None:
        self._dictionary = dictionary

    def route(self, block: str) -> list[tuple[float, int]]:
        scores, ends = self.scores_and_ends(block)
        route = list(zip(scores, ends))
        route[-1] = (0, 0)
        return route

    def scores_and_ends(self, block: str) -> tuple[list[float], list[int]]:
        return self._dictionary.scores_and_ends(block, second=True)


def _dag_cut(words):
    """jieba's ``POSTokenizer.__cut_DAG`` (a han block into words, unknown runs to the
    HMM) over :meth:`Dictionary.route`, yielding jieba's ``pair`` objects: the words of
    ``words`` (:func:`_dag_words`)."""
    from jieba.posseg import pair

    def cut(sentence: str):
        for word, tag in words(sentence):
            yield pair(word, tag)

    return cut


_WORD_TAGS: dict[str | None, dict[str, str]] = {}
"""jieba's word → part-of-speech table as read from a dictionary file (None: jieba's
own), by file: ``POSTokenizer.__init__`` reads the file again for every tokenizer (a
fifth of a CPU-second, at every start of a process)."""


def _pos_tokenizer(tokenizer):
    """``jieba.posseg.POSTokenizer(tokenizer)``, the word-tag table read from the
    tokenizer's dictionary file once per file and copied (the tokenizer's added words
    come in later, by ``makesure_userdict_loaded``, into the copy)."""
    import jieba
    import jieba.posseg

    key = tokenizer.dictionary
    tags = _WORD_TAGS.get(key)
    if tags is None and key == jieba.DEFAULT_DICT:
        tags = _WORD_TAGS[key] = take_tags()  # the table jieba.posseg read at its import, if kept
    if tags is None:
        pos = jieba.posseg.POSTokenizer(tokenizer)
        _WORD_TAGS[key] = dict(pos.word_tag_tab)
        return pos
    pos = object.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(tags)
    return pos


def _cached_pos_tokenizer(tokenizer, dictionary: Dictionary | _SecondDictionary | None = None):
    """jieba's part-of-speech tokenizer over ``tokenizer``, with its two pure inner cuts
    memoised: the dictionary cut of a han block and the HMM (Viterbi) cut of a run of
    unknown characters, which is half of the pipeline's time. jieba's output for a string
    depends on the string and the dictionary only, so the words are the same. With a
    :class:`Dictionary` of ``tokenizer``, the dictionary cut runs over its automaton."""
    import jieba.posseg

    if PLAIN:
        return jieba.posseg.POSTokenizer(tokenizer)
    pos = _pos_tokenizer(tokenizer)
    pos.makesure_userdict_loaded()  # the tags of words added to the tokenizer, before _dag_cut reads them
    # jieba calls these as self.__cut_DAG / self.__cut_detail (name-mangled): instance
    # attributes shadow the methods
    pos._POSTokenizer__cut = _hmm_cut_remembered
    pos._POSTokenizer__cut_detail = _memo(pos._POSTokenizer__cut_detail, {})
    if dictionary is None:
        pos._POSTokenizer__cut_DAG = _memo(pos._POSTokenizer__cut_DAG, {})
    else:  # the block's (word, tag) pairs kept (read by _pair_cut), pair objects for jieba's callers
        pos.kg_block_words = _remembered(_dag_words(pos, dictionary), {})
        pos._POSTokenizer__cut_DAG = _dag_cut(pos.kg_block_words)
    return pos


def _dag_words(pos, dictionary: Dictionary | _SecondDictionary):
    """jieba's ``POSTokenizer.__cut_DAG`` over :meth:`Dictionary.scores_and_ends` as a tuple
    of ``(word, tag)`` pairs (no ``pair`` objects); the rest is jieba's code, line for line."""
    freq = pos.tokenizer.FREQ
    tags = pos.word_tag_tab
    detail = _detail_words_remembered

    def flush(buf: str, out: list) -> None:
        if len(buf) == 1:
            out.append((buf, tags.get(buf, "x")))
        elif not freq.get(buf):
            out.extend(detail(buf))
        else:
            out.extend([(elem, tags.get(elem, "x")) for elem in buf])

    def cut(sentence: str) -> tuple[tuple[str, str], ...]:
        ends = dictionary.scores_and_ends(sentence)[1]
        out: list[tuple[str, str]] = []
        x = 0
        buf = -1  # jieba's buf of single characters: where it starts (-1: empty), sliced once
        n = len(sentence)
        while x < n:
            y = ends[x] + 1
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    flush(sentence[buf:x], out)
                    buf = -1
                l_word = sentence[x:y]
                out.append((l_word, tags.get(l_word, "x")))
            x = y
        if buf >= 0:
            flush(sentence[buf:], out)
        return tuple(out)

    return cut


def _pair_cut(pos, words=None):
    """``[(w.word, w.flag) for w in pos.cut(text)]`` for a tokenizer of
    :func:`_cached_pos_tokenizer`: jieba's ``POSTokenizer.__cut_internal`` (with the HMM)
    line for line, as one list of ``(word, tag)`` pairs instead of three generators and a
    ``pair`` object per word. Han blocks go to ``words`` (block → ``(word, tag)`` pairs,
    e.g. a memoised :func:`_dag_words`), else to the tokenizer's kept pairs
    (``kg_block_words``, :func:`_cached_pos_tokenizer`) or its memoised dictionary cut."""
    from jieba.posseg import re_eng, re_han_internal, re_num, re_skip_internal

    if words is None:
        words = getattr(pos, "kg_block_words", None)
    if words is None:
        dag = pos._POSTokenizer__cut_DAG

        def words(blk: str) -> list[tuple[str, str]]:
            return [(w.word, w.flag) for w in dag(blk)]
    split_han, is_han = re_han_internal.split, re_han_internal.match
    split_skip, is_skip = re_skip_internal.split, re_skip_internal.match
    is_num, is_eng = re_num.match, re_eng.match

    def other(blk: str) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for x in split_skip(blk):
            if is_skip(x):
                out.append((x, "x"))
                continue
            for xx in x:
                if is_num(xx):
                    out.append((xx, "m"))
                elif is_eng(x):  # sic: jieba tests the whole run here, not the character
                    out.append((xx, "eng"))
                else:
                    out.append((xx, "x"))
        return tuple(out)

    others: dict[str, tuple[tuple[str, str], ...]] = {}  # punctuation, numbers, Latin: they recur

    def cut(sentence: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for blk in split_han(sentence):
            if is_han(blk):
                out.extend(words(blk))
                continue
            got = others.get(blk)
            if got is None:
                got = other(blk)
                if len(others) >= _CUT_CACHE_SIZE:
                    others.clear()
                others[blk] = got
            out.extend(got)
        return out

    return cut


@functools.lru_cache(maxsize=1)
def _default_pos():
    """jieba's default part-of-speech tokenizer (its own dictionary, without the
    gazetteer's words), memoised like the segmenter's."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if PLAIN:
        import jieba.posseg

        return jieba.posseg.dt
    return _cached_pos_tokenizer(jieba.dt, DEFAULT_DICTIONARY[0] if DEFAULT_DICTIONARY else None)


_DEFAULT_PAIR_CUT: list = []
"""(:func:`_default_pos`, its :func:`_pair_cut`)."""


def _default_pair_cut():
    """``text → [(w.word, w.flag) for w in _default_pos().cut(text)]``: with a memoised
    tokenizer (:func:`_cached_pos_tokenizer`) its :func:`_pair_cut`, no ``pair`` per word."""
    pos = _default_pos()
    if _DEFAULT_PAIR_CUT and _DEFAULT_PAIR_CUT[0] is pos:
        return _DEFAULT_PAIR_CUT[1]
    if "_POSTokenizer__cut_DAG" in vars(pos):
        cut = _pair_cut(pos)
    else:  # jieba's own (PLAIN)
        def cut(text: str) -> list[tuple[str, str]]:
            return [(w.word, w.flag) for w in pos.cut(text)]
    _DEFAULT_PAIR_CUT[:] = [pos, cut]
    return cut


def _no_hmm_words(pos, dictionary: Dictionary | _SecondDictionary):
    """jieba's ``POSTokenizer.__cut_DAG_NO_HMM`` (a han block into dictionary words, runs
    of single Latin letters or digits joined as one ``eng`` word) over
    :meth:`Dictionary.scores_and_ends`, as a tuple of ``(word, tag)`` pairs; the rest is
    jieba's code, line for line."""
    from jieba.posseg import re_eng1

    tags = pos.word_tag_tab

    def cut(sentence: str) -> tuple[tuple[str, str], ...]:
        ends = dictionary.scores_and_ends(sentence)[1]
        out: list[tuple[str, str]] = []
        x = 0
        buf = ""
        n = len(sentence)
        while x < n:
            y = ends[x] + 1
            l_word = sentence[x:y]
            if re_eng1.match(l_word):
                buf += l_word
            else:
                if buf:
                    out.append((buf, "eng"))
                    buf = ""
                out.append((l_word, tags.get(l_word, "x")))
            x = y
        if buf:
            out.append((buf, "eng"))
        return tuple(out)

    return cut


_DEFAULT_NO_HMM_CUT: list = []
"""(:func:`_default_pos`, its cut without the HMM)."""


def default_cut_no_hmm():
    """``text → [(w.word, w.flag) for w in jieba.posseg.dt.cut(text, HMM=False)]``: jieba's
    default dictionary without HMM guessing, over the segmenter's automaton (no prefix probe
    per position, no ``pair`` per word) once :func:`make_nlp` built it; jieba's own before."""
    pos = _default_pos()
    if _DEFAULT_NO_HMM_CUT and _DEFAULT_NO_HMM_CUT[0] is pos:
        return _DEFAULT_NO_HMM_CUT[1]
    if DEFAULT_DICTIONARY and "kg_block_words" in vars(pos):
        cut = _pair_cut(pos, _no_hmm_words(pos, DEFAULT_DICTIONARY[0]))
        _DEFAULT_NO_HMM_CUT[:] = [pos, cut]
        return cut
    import jieba.posseg

    return lambda text: [(w.word, w.flag) for w in jieba.posseg.dt.cut(text, HMM=False)]


DEFAULT_DICTIONARY: list[_SecondDictionary] = []
"""jieba's default dictionary as the segmenter's automaton holds it (set by the segmenter;
without it :func:`_default_pos` cuts over jieba's own prefix dictionary, to the same words)."""


WORD_FREQ_SOURCE: list[dict[str, int]] = []
"""jieba's word frequencies (the segmenter's own dictionary), for the gazetteer's check
that a division name does not start inside a word ("迎亚运城市" holds no 运城市)."""
GLUED_WORD_FROM = 100
_OPENERS = frozenset("在到赴于和与及、，,的来去对向从自经为是让把将被")


def _starts_inside_word(text: str, s: int) -> bool:
    """Does a name at ``s`` cut a known word that starts one character earlier (亚运|城市)?"""
    if s == 0 or not WORD_FREQ_SOURCE or text[s - 1] in _OPENERS:
        return False
    return WORD_FREQ_SOURCE[0].get(text[s - 1 : s + 1], 0) >= GLUED_WORD_FROM


RARE_BELOW = 50
RARE_NOUN_BELOW = 30
COMMON_FROM = 1000
"""A word jieba's dictionary has seen this often is an ordinary word, not a name."""
"""A word outside jieba's dictionary, or a proper noun it has seen fewer times than this,
is likely part of a name."""

_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百零〇]+[届次版期批轮]|首届|[0-9]+号线")


# ------------------------------------------------------------------------- kg_gazetteer

def load_divisions() -> tuple[tuple[str, str], ...]:
    """(code, name) pairs of China's administrative divisions (GB/T 2260, 1980-2019)."""
    return tuple((d.code, d.name) for d in divisions())


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer.shared()


class Gazetteer(_PerSentence):
    """Administrative divisions found by name, aligned to word boundaries."""

    GROUPS = ("kg_gazetteer",)

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def shared() -> Gazetteer:
        return Gazetteer()

    def __init__(self) -> None:
        self.full: dict[str, str] = {}
        self.short: dict[str, str] = {}
        self.short_county: dict[str, str] = {}
        latest = latest_revision()
        current: set[str] = set()
        for code, name, last in ((d.code, d.name, d.last) for d in divisions()):
            if len(short_form(name)) < 2:
                continue  # 城区, 郊区, 矿区: names that are also common words
            self.full.setdefault(name, code)
            if last == latest:
                current.add(name)
        for name, code in self.full.items():
            s = short_form(name)
            if s == name or len(s) < 2 or name not in current:
                continue  # short forms of current divisions only
            if code.endswith("00"):
                self.short.setdefault(s, code)
            else:
                self.short_county.setdefault(s, code)
        for s in list(self.short_county):
            if s in self.short or s in self.full:
                del self.short_county[s]
        self._words = re.compile("|".join(f"(?:{r})" for r in _data_lines("division_words.txt")))
        names = (*self.full, *self.short, *self.short_county)
        # lengths of the names by their first two characters: a position whose two
        # characters open no name is skipped at once
        by_prefix: dict[str, set[int]] = {}
        for n in names:
            by_prefix.setdefault(n[:2], set()).add(len(n))
        self._lengths_at = {k: tuple(sorted(v, reverse=True)) for k, v in by_prefix.items()}

    def lookup(self, text: str) -> tuple[str, str] | None:
        if text in self.full:
            return self.full[text], "admin"
        if text in self.short:
            return self.short[text], "admin"
        if text in self.short_county:
            return self.short_county[text], "admin_short"
        return None

    def _sentence(self, doc: Sentence) -> Sentence:
        text = doc_text(doc)
        words = doc_words(doc)
        starts = {w.start_char for w in words}
        ends = {w.end_char for w in words}
        found = []
        n = len(text)
        lengths_at = self._lengths_at
        after = 0  # the end of the last name found: the next starts there or later
        # a name starts where a word starts (anywhere when there are no words)
        for i in sorted(starts) if starts else range(n):
            if i < after:
                continue
            lengths = lengths_at.get(text[i : i + 2])
            if not lengths:
                continue
            for L in lengths:
                if i + L > n:
                    continue
                cand = text[i : i + L]
                got = self.lookup(cand)
                if got and (i + L in ends or not ends or cand in self.full) and not _starts_inside_word(text, i):
                    word = self._words.match(text, i)
                    if word is not None and word.end() == i + L:
                        after = i + L
                        break  # 绿水青山就是金山银山, 大兴调查研究之风: a word, no place
                    code, label = got
                    span = char_span(doc, i, i + L, label=label, kb_id=code)
                    if span is not None:
                        found.append(span)
                    after = i + L
                    break
        doc.spans["kg_gazetteer"] = found
        return doc


# ------------------------------------------------------------------------- kg_candidates


# the list and campaign rules' patterns, compiled once (were ``re.*`` calls with pattern
# strings: a look-up in ``re``'s cache per call, ~80 k calls on 40 bulk reports)
_ZHONGGUO = re.compile("中国")
_LIST_CLAUSE = re.compile(r"[^，,。；;：:！？!?()（）\n]+")
_LIST_ITEM = re.compile(r"[^、]+")
_DENG = re.compile(r"等")
_LAST_JOINER = re.compile(r"(?:和|以及|及|与)(?=[^和及与]{2,}$)")
_JOINER = re.compile(r"(和|及|与|以及)")
_COUNTED_ITEM = re.compile(r"^[0-9一二三四五六七八九十两]+[大个项家所]")

@Language.factory("kg_candidates")
def make_candidates(nlp: Language, name: str) -> CandidateFinder:
    return CandidateFinder()


def load_bodies() -> list[tuple[re.Pattern[str], str]]:
    rows = []
    for line in _data_lines("bodies.tsv"):
        pattern, label = line.split("\t")[:2]
        rows.append((re.compile(pattern), label))
    return rows


_POLICY_TITLE = re.compile(
    r"(方案|规划|计划|办法|条例|意见|建议|规定|纲要|措施|决定|通知|制度|体系|标准|细则|指引|政策|法|规则|公约|清单|目录|报告|白皮书|指南|要点|章程|协议|协定|议定书|备忘录)"
    r"(\s*[(（][^()（）]*[)）])?$"
)


_POLICY_TITLE_MORE = re.compile(
    r"(?:准则|导则|规范|条约|声明|宣言|共识|倡议|公报|草案|举措|机制|20[0-9]{2})(\s*[(（][^()（）]*[)）])?$|^告[一-鿿]{2,}书$"
)
"""Document words and plans named by a target year that make a title 《…》 a policy (《青禾共识》,
《青禾2035》), beyond the document words of ``_POLICY_TITLE``."""


class CandidateFinder(_PerSentence):
    """Names found by the genre's rules, labelled Type/subtype."""

    GROUPS = ("kg_candidates", "kg_kinds")

    def __init__(self) -> None:
        self.heads = load_heads()
        self.boundary = load_boundary_words()
        self._boundary2 = tuple(sorted((b for b in self.boundary if len(b) >= 2), key=len, reverse=True))
        self.generic = load_generic_modifiers()
        self.bodies = load_bodies()
        # any body's pattern at all: most sentences name none, and one search says so
        self._any_body = re.compile("|".join(f"(?:{p.pattern})" for p, _label in self.bodies))
        self._head_lengths = sorted({len(h) for h in self.heads}, reverse=True)
        self._gazetteer = Gazetteer.shared()
        self.categories = load_categories()
        self.quoted = load_corpus_quoted()
        self._gaz_spans: list[tuple[int, int, str]] = []
        self._word_ok_cache: dict[tuple[str, str], bool] = {}

    def _titled_programme(self, text: str, words: list, k: int) -> list[tuple[int, int, str, str]]:
        """A work's title and the programme kind right after it: "《青禾·云溪》实景演艺项目" is a
        programme named by the title (only nouns between, at most three words)."""
        found: list[tuple[int, int, str, str]] = []
        for j in range(k + 1, min(k + 4, len(words))):
            if words[j].label_ not in ("n", "vn", "nz") or not re.fullmatch(r"[一-鿿]+", words[j].text):
                break
            head = self.head_ending_at(text, words[j].end_char, words[k].end_char)
            if head is not None and head.type.startswith("Programme"):
                found = [(words[k].start_char, words[j].end_char, "Programme", "title")]
        return found

    def _title_label(self, inner: str) -> str | None:
        """The type of a title 《…》: a policy document (by its document word or a year, 《青禾2035》),
        a programme when it ends in a programme head (《青禾提升攻坚行动》) or is a ranking
        (《世界青禾名册》), else none: films, plays,
        songs, books, yearbooks and periodicals are works, no entity of GUIDELINES §5."""
        if _POLICY_TITLE.search(inner) or _POLICY_TITLE_MORE.search(inner):
            return "Policy"
        if re.search(r"(?:名册|名单|名录|排行榜|榜单|[0-9]+强)$", inner):
            return "Programme"  # a ranking or list a place is entered in (Programme, GUIDELINES §5)
        head = self.head_ending_at(inner, len(inner), 0)
        if head is not None and head.type.startswith(("Programme", "Policy")):
            return head.type.split("/")[0]
        return None

    def _head_lengths_per_last(self) -> dict[str, list[int]]:
        """The head lengths per last character, longest first (kept)."""
        by_last = self.__dict__.get("_head_lengths_by_last")
        if by_last is None:
            by_last = {}
            for h in self.heads:
                by_last.setdefault(h[-1:], set()).add(len(h))
            by_last = self._head_lengths_by_last = {c: sorted(v, reverse=True) for c, v in by_last.items()}
        return by_last

    def head_ending_at(self, text: str, end: int, floor: int) -> Head | None:
        """The longest head word ending at ``end`` and starting at or after ``floor``."""
        if end < 1:
            return None
        by_last = self.__dict__.get("_head_lengths_by_last") or self._head_lengths_per_last()
        room = end - max(floor, 0)
        for L in by_last.get(text[end - 1 : end], ()):
            if L > room:
                continue
            h = self.heads.get(text[end - L : end])
            if h is not None:
                return h
        return None

    def _sentence(self, doc: Sentence) -> Sentence:
        text = doc_text(doc)
        words = self._unglue(doc_words(doc))
        gaz = [(s.start_char, s.end_char) for s in doc.spans.get("kg_gazetteer", [])]
        self._gaz_spans = [
            (s.start_char, s.end_char, s.kb_id_)
            for s in doc.spans.get("kg_gazetteer", [])
            if s.label_ == "admin"
        ]
        cands: list[tuple[int, int, str, str]] = []  # start, end, label, rule
        kinds: list[tuple[int, int, str, str]] = []  # counted kinds the head rule dropped

        # 1. titles 《…》
        for k, w in enumerate(words):
            if w.label_ == "bk":
                inner = text[w.start_char + 1 : w.end_char - 1]
                label = self._title_label(inner)
                if label is not None:
                    cands.append((w.start_char + 1, w.end_char - 1, label, "title"))
                else:  # a work: nothing inside its title is a name either (《美丽青禾》 a gala)
                    kinds.append((w.start_char, w.end_char, "kind", "title"))
                    cands.extend(self._titled_programme(text, words, k))

        # 2. head words closing a name
        head_lasts = self._head_lengths_per_last()
        # only the words whose last character ends some head word (head_ending_at: None for
        # the others), picked in one pass
        closing = [
            k for k, w in enumerate(words)
            if text[w.end_char - 1 : w.end_char] in head_lasts and w.label_ not in ("x", "bk", "q")
        ]
        for k in closing:
            w = words[k]
            floor = words[k - 2].start_char if k >= 2 else 0
            head = self.head_ending_at(text, w.end_char, floor)
            if head is None or head.type == "-":
                continue
            if head.type == "Policy" and text.startswith(("建设", "设计", "布局", "实施", "编制"), w.end_char):
                continue  # "规划建设": a verb, not a plan
            if len(head.suffix) == 1 and text.startswith("化", w.end_char) and not text.startswith(_HUA_NOUNS, w.end_char):
                continue  # "都市圈同城|化": a one-character head glued to 化 ends a verb, not a name
            if text.startswith(_KIND_SUFFIXES, w.end_char) and not text.startswith((*_HUA_NOUNS, "库区"), w.end_char):
                continue  # "…重大工程项目|库", "…平台|型企业": the word goes on
            if head.suffix == "意见" and not text.endswith(("的", "指导", "实施"), 0, w.end_char - 2):
                continue  # "审议意见", "提出意见": remarks; a policy is "关于…的意见", "指导意见"
            if (
                (head.suffix in _MODIFYING_HEADS or head.type == "Sector")
                and k + 1 < len(words)
                and _noun_goes_on(words[k + 1], self.heads)
                and not words[k + 1].text.startswith(_ATTRIBUTES)
            ):
                continue  # "战略通道", "运动高地": the head word modifies a noun after it
            if k + 1 < len(words) and head.subtype != "admin" and (
                words[k + 1].text in _CITY_WORDS or head.suffix.endswith(("试点", "示范")) and words[k + 1].text in "市县区"
            ):
                continue  # "消费中心|城市", "产教融合试点|城市", "苏州河中心|城区": a kind of city
            head_start = w.end_char - len(head.suffix)
            # the word holding the head's first character
            j = k
            while j > 0 and words[j].start_char > head_start:
                j -= 1
            hw = words[j]
            if len(head.suffix) == 1 and j == k and len(w.text) > 1:
                # a one-character head inside a word (罗湖, 专业): only a proper word
                if (
                    w.label_ not in PROPER_TAGS
                    or self._gazetteer.lookup(w.text)
                    or w.text in self.boundary
                    or w.kb_id_ != "rare" and w.label_ not in ("ns", "nt")
                ):
                    continue
            first = min(head_start, hw.start_char)
            if head.type in ("Programme", "Policy") and first == head_start and j > 0:
                prev = words[j - 1]
                if (
                    prev.end_char == head_start and prev.text in self.boundary and len(prev.text) == 2 and prev.label_ in ("v", "vn")
                    and prev.text not in _ACTING_VERBS
                    and not (k + 1 < len(words) and words[k + 1].start_char == w.end_char and words[k + 1].text in _GLUED_TAILS)
                ):  # not "推进|工程|建设", "举行|会议": the verb acts on the works being built or the meeting
                    first = prev.start_char  # "提升行动", "培育行动": a nominalised verb
                    j -= 1
            start = self._extend_left(text, words, j, first)
            start = self._after_joined_event(text, start, head_start)
            start = self._extend_route(text, words, start, head)
            start = self._trim_left(text, words, start, head_start)
            start = self._open_with_second_verb(words, start, head)
            if head.type == "Sector":
                start = self._after_lone_verb(words, start, head_start)
            end = w.end_char
            if start >= head_start:
                # "湖贝、蔡屋围两大统筹片区": a counted list shares the head
                m = _TRAILING_COUNT.search(text, 0, head_start)
                if m:
                    cands.extend(self._counted_list(text, words, m.start(), head))
                continue
            name_words = [x for x in words if start <= x.start_char and x.end_char <= end]
            if (
                name_words
                and name_words[0].label_ == "q"
                and head.suffix in _EVENT_HEADS
                and name_words[0].start_char == start
            ):
                for q in name_words:
                    if q.label_ == "q" and _quoted_name(q.text[1:-1]) and "、" not in q.text:
                        cands.append((q.start_char + 1, q.end_char - 1, "Programme", "quote"))
                continue  # "“港澳学子罗湖游”“深港文化月”系列活动": the quoted names
            if (
                name_words
                and name_words[0].label_ == "q"
                and name_words[0].start_char == start
                and len(name_words) > 1
                and name_words[1].text in _CARRIERS
            ):
                continue  # "“i罗湖”平台": the quoted name is the thing
            if head.subtype == "admin" and ("会" in text[start:head_start] or "论坛" in text[start:head_start]):
                start = self._after_event(text, words, start, head_start)
            if head.type == "Programme" and text.startswith("项目", start) and head_start > start + 2 and self._glued_before(text, words, start):
                continue  # "青禾高速扩容|项目控制性工程": the tail of a longer works name
            if (
                head.type == "Organization" and text.startswith("中心", start) and head_start > start + 2
                and any(x.start_char == start and x.text == "中心" for x in words)
                and self._glued_before(text, words, start, counts=True)
            ):
                continue  # "青禾组织一类|中心云溪研究所": a name opening with a bare head word is a longer one's tail
            if head.type == "Place" and head.subtype != "transport" and text.startswith("段", end) and any(
                (h := self.head_ending_at(text, x.end_char, x.start_char)) is not None and h.subtype == "transport"
                for x in words if start <= x.start_char and x.end_char <= head_start
            ):
                continue  # "青禾路科学城|段": a road's section named by the stretch it runs through, no area
            if head.type == "Place" and _EDITION_OPENING.match(text, start, head_start):
                continue  # "第三届青禾流域|生态保护宣传月活动": an edition opens an event's name, no place's
            if head.type == "Programme" and _YEAR_ALONE.fullmatch(text, start, head_start):
                # "隐患专项排查整治|2023行动": a year alone names no programme; its topic before does
                start = self._extend_left(text, words, next(i for i, x in enumerate(words) if x.start_char == start), start, nominal=True)
                start = self._trim_left(text, words, start, head_start)
                if _YEAR_ALONE.fullmatch(text, start, head_start):
                    continue
                name_words = [x for x in words if start <= x.start_char and x.end_char <= end]
            inside = [(cs, ce) for cs, ce, _l, r in cands if r == "head" and start <= cs and ce <= head_start]
            if not self._is_name(text, start, head_start, end, head, name_words, gaz + inside):
                continue
            start = self._split_chain(text, start, head_start, head)
            if head.type == "Place" and name_words and name_words[0].label_ == "q" and name_words[0].start_char == start:
                rest_words = [x for x in name_words[1:] if x.end_char <= head_start]
                if rest_words and any(x.kb_id_ == "rare" or x.label_ in ("ns", "nz", "nr") for x in rest_words):
                    start = rest_words[0].start_char  # "“零碳排放”翠湖文体公园" → 翠湖文体公园
                else:
                    continue  # "“儿童友好型”低碳示范公园": a slogan and a common noun
            inner = self._container(text, words, start, head_start, head)
            if inner is not None:
                cands.append(inner)
                start = inner[1]
                if text[start] in _ROUTE_MARKS and head_start - start > 2:
                    start += 1  # "青禾高铁|至云溪连接线": the container is the route's first end
            if text.startswith("至", end) and (m := _CODED_ROAD_OPENING.match(text, start, head_start)):
                # "G530青禾桥|至云溪": a numbered road's stretch; the place it starts from is named after the road
                if head_start - m.end() < 2:
                    continue
                start = m.end()
            if head.type == "Programme":
                start = self._road_before_section(text, start, head_start, cands)
            if head.type == "Sector":
                end = self._sector_before_rank(text, words, start, head_start, end)
            elif _counted_kind(text, words, start, self._extend_paren(text, end), head):
                kinds.append((start, end, "kind", "head"))
                continue  # "新建儿童友好医院3个", "谋划12个…先导工程": a counted kind, no one name
            start = self._regain_fragment(text, words, start, place=head.type == "Place")
            start = self._host_and_partner(text, start)
            if _ORDINAL_WORD.match(text, start) and text.startswith("大", start + 2):
                continue  # "第一大产业", "第二大外商投资项目": a rank, no name
            straddled = start >= 1 and text[start - 1 : start + 1] in self.boundary and any(
                w.end_char == start and len(w.text) == 1 for w in words
            )
            if straddled:
                start += 1  # "对|标省“青禾”工程": jieba split the boundary word 对标 at the name's edge
                if head_start - start < 2:
                    continue
            elif text[start - 1 : start] in _NUMERALS and text[start : start + 1] in _NUMERALS and start >= 1:
                start -= 1  # "二|十国集团": jieba split the number that opens the name
            elif self._after_lone_character(text, words, start):
                continue  # "广西左|江山秀船闸扩能工程", "首个全|流域…平台": the name's first characters went to a word before
            if head.type in ("Programme", "Policy") and self._shares_head_with_item_before(words, start):
                continue  # "青禾、云溪…", no: "通用、垂类大模型培育工程": the last item of a list sharing its head
            if (
                len(head.suffix) == 1 and head.type == "Place" and head.subtype in ("water", "green")
                and text.startswith(("大桥", "特大桥", "隧道"), end) and end - start >= 4
            ):
                continue  # "青禾路淮河|大桥": the bridge is the name; road and river make none (岷江|大桥 stays)
            label = self._phase_label(text, start, head_start, head, name_words)
            if (
                (head.type in ("Policy", "Programme") or head.subtype == "area")
                and k + 1 < len(words)
                and words[k + 1].start_char == end
                and words[k + 1].text in _PILOT_TAILS
            ):
                # "青禾生态产品价值实现机制|试点": the pilot of the named thing is the name
                end, label = words[k + 1].end_char, self.heads[words[k + 1].text].label
            cands.append((start, self._extend_paren(text, end), label, "head"))
            cands.extend(self._enumerated(text, words, start, head, mod_len=self._road_modifier(text, start, end)))

        # 2b. measure packages: "二十条", "新十条", "安全生产15条" (none without 条)
        for m in _ARTICLES.finditer(text) if "条" in text else ():
            if m.end() < len(text) and text[m.end()] not in "，,。、;；和及等与”":
                continue
            j = next((i for i, w in enumerate(words) if w.start_char <= m.start() < w.end_char), None)
            start = m.start()
            if j is not None and words[j].start_char == m.start():
                start = self._extend_left(text, words, j, m.start())
                start = self._trim_left(text, words, start, m.start())
                if m.start() - start > 4:
                    start = m.start()
            if start == m.start() and text[m.start()].isdigit():
                continue  # "15条" alone is a count
            if text[m.start()].isdigit() and j is not None and j > 0:
                topic = words[j - 1]
                if topic.end_char == m.start() and topic.label_ == "n" and not (
                    _POLICY_TITLE.search(topic.text) or topic.text.endswith("政")
                ):
                    continue  # "治理中小河流14条", "新开公交线路12条": things counted by 条, no package
            cands.append((start, m.end(), "Policy", "head"))

        # 3. lists: "A、B、C等商圈", "A、B和C路"
        cands.extend(self._lists(text, words, cands))
        cands = [self._company_item(text, words, c) for c in cands]

        # 4. government bodies by short name
        if self._any_body.search(text) is not None:
            for pattern, label in self.bodies:
                for m in pattern.finditer(text):
                    cands.append((m.start(), m.end(), label, "body"))

        # 5. quoted terms that carry a generic noun ("“反向办”改革", "“i罗湖”平台")
        for k, w in enumerate(words):
            if w.label_ != "q":
                continue
            inner = text[w.start_char + 1 : w.end_char - 1]
            if not _quoted_name(inner):
                continue
            nxt = words[k + 1].text if k + 1 < len(words) else ""
            if _QUOTED_SLOGAN.fullmatch(inner):
                continue  # "上海标准", "龙江样板": a place's label
            inner_words = self._pos_words(inner)
            placeish = any(self._gazetteer.lookup(x) for x, tag in inner_words)
            own = self.head_ending_at(inner, len(inner), 2)
            if own is not None and inner[: -len(own.suffix)] in self.generic:
                continue  # "“美丽街区”": a quoted kind (a generic modifier and a head word)
            if own is not None and own.type != "-" and len(own.suffix) >= 2 and not re.search(r"[、，,]", inner):
                # "“领鹰工程”": a quoted name closed by its own head word
                label = "Policy" if _ARTICLES.search(inner) else own.label
                cands.append((w.start_char + 1, w.end_char - 1, self._vouched(inner, label), "quote"))
            elif nxt in _CARRIERS or (placeish and not re.search(r"[、，,]", inner)):
                own = self.head_ending_at(inner, len(inner), 1)
                label = own.label if own is not None and own.type != "-" and len(own.suffix) >= 2 else "Programme"
                if _ARTICLES.search(inner):
                    label = "Policy"
                cands.append((w.start_char + 1, w.end_char - 1, self._vouched(inner, label), "quote"))

        cands.extend(self._campaign_places(text, doc))
        doc.spans["kg_candidates"] = _labelled_spans(doc, cands)
        doc.spans["kg_kinds"] = _labelled_spans(doc, kinds)
        return doc

    def _campaign_places(self, text: str, doc) -> list[tuple[int, int, str, str]]:
        """"平安|青禾", "书香|云溪", "健康|中国": a virtue (data/list_cues.tsv,
        campaign_prefix) right before a division or the country names the campaign for that
        place (GUIDELINES §5: campaigns are Programme); a head word after it (健康中国行动,
        美丽中国先行区) makes a longer name that wins."""
        places = [(g.start_char, g.end_char) for g in doc.spans.get("kg_gazetteer", []) if g.label_ == "admin"]
        places += [(m.start(), m.end()) for m in _ZHONGGUO.finditer(text)]
        out = []
        for s, e in places:
            if s >= 2 and text[s - 2 : s] in _CAMPAIGN_PREFIXES and not text.startswith(_CAMPAIGN_NOT_AFTER, e):
                if s >= 3 and _is_cjk(text[s - 3]) and text[s - 4 : s - 2] not in _CAMPAIGN_LEADS and text[s - 3] not in "、和与及的是为建创设":
                    continue  # 保障|健康|中国 reads as a verb's object only after a clause edge
                out.append((s - 2, e, "Programme", "head:campaign"))
        return out

    def _road_before_section(self, text: str, start: int, head_start: int, cands: list) -> int:
        """"大广高速|吉安段改扩建工程": works on a section of a road begin at the road's name
        (the section alone names no road)."""
        if not _ROAD_SECTION.fullmatch(text, start, head_start):
            return start
        roads = [cs for cs, ce, lab, _r in cands if ce == start and lab == "Place/transport"]
        return min(roads) if roads else start

    def _unglue(self, words: list) -> list:
        """Words that join a Programme head to the stage of work after it (jieba's
        工程建设, 工程进度) cut in two, so the head closes the name before it
        ("青禾北供水|工程|建设"); a proper word that took the last character of a place head
        before it (产业合作|区青禾) gives it back ("产业合作区|青禾")."""
        out = []
        after = 0  # the words before it (shorter ones) are copied as they are
        # every case below needs three characters or more: the shorter words (most) are
        # copied in runs
        for i in [i for i, w in enumerate(words) if len(w.text) >= 3]:
            out.extend(words[after:i])
            after = i + 1
            w = words[i]
            tail = w.text[-2:]
            nxt = words[i + 1].text if i + 1 < len(words) else ""
            if (
                len(w.text) > 2 and tail in _GLUED_TAILS and w.label_ not in ("q", "bk", "x")
                and not nxt.startswith(("领域", "项目", "单位", "企业", "用地"))
            ):  # "工程建设领域", "工程建设项目": the building trade, no works of a name
                head = self.heads.get(w.text[:-2])
                if head is not None and head.type == "Programme":
                    cut = w.end_char - 2
                    out.append(Word(w.start_char, cut, w.text[:-2], "n", "common"))
                    out.append(Word(cut, w.end_char, tail, "vn", "common"))
                    continue
            k = -1 if w.kb_id_ != "rare" or len(w.text) < 3 or w.label_ not in PROPER_TAGS else next((
                x for x in range(2, len(w.text))
                if w.text[x] in "和与及" and w.text[x - 1 : x + 1] not in _JOINING_WORDS and w.text[x : x + 2] not in _JOINING_WORDS
            ), -1)
            if (
                k > 0 and w.label_ in PROPER_TAGS and w.kb_id_ == "rare" and (
                    len(w.text) - k - 1 >= 2
                    or k == len(w.text) - 1 and i + 1 < len(words) and words[i + 1].start_char == w.end_char
                    and (words[i + 1].label_ in PROPER_TAGS or words[i + 1].kb_id_ == "rare")
                )
            ):  # "青禾和|云溪铁路", "宁荆和云沙|铁路": jieba glued the conjunction into two names
                at = w.start_char + k
                out.append(Word(w.start_char, at, w.text[:k], w.label_, w.kb_id_))
                out.append(Word(at, at + 1, w.text[k], "c", "common"))
                if at + 1 < w.end_char:
                    out.append(Word(at + 1, w.end_char, w.text[k + 1 :], w.label_, w.kb_id_))
                continue
            p = out[-1] if out else None
            if (
                p is not None and p.end_char == w.start_char and len(w.text) >= 3
                and w.label_ in PROPER_TAGS and w.label_ not in ("q", "bk")
                and len(p.text) >= 2 and not any(c in _PUNCT for c in p.text)
                and self.heads.get(p.text[-2:] + w.text[0]) is not None
                and self.heads.get(p.text[-2:] + w.text[0]).type == "Place"
            ):  # "产业合作|区青禾|片区": the head's last character went to the name after it
                out[-1] = Word(p.start_char, p.end_char + 1, p.text + w.text[0], "n", "common")
                out.append(Word(w.start_char + 1, w.end_char, w.text[1:], w.label_, w.kb_id_))
                continue
            out.append(w)
        out.extend(words[after:])
        return out

    def _vouched(self, inner: str, label: str) -> str:
        """The type the bulk corpus gives a quoted term (“一带一路” is a Programme in 95
        reports) over the one its last character suggests (路: a road)."""
        return self.quoted.get("".join(inner.split()), label)

    def _open_with_second_verb(self, words: list[Span], start: int, head: Head) -> int:
        """"实施|优化|营商环境条例": after a verb that carries a programme or policy
        (实施, 出台), a second verb opens the name (GUIDELINES §5: the name as printed)."""
        if head.type not in ("Programme", "Policy"):
            return start
        i = next((k for k, w in enumerate(words) if w.start_char == start), None)
        if i is None or i < 2:
            return start
        verb, carrier = words[i - 1], words[i - 2]
        if verb.text in _NAME_OPENING_VERBS and carrier.text in _CARRYING_VERBS and verb.end_char == start:
            return verb.start_char
        return start

    def _glued_before(self, text: str, words: list[Span], start: int, counts: bool = False) -> bool:
        """A word of the sentence's own, no boundary word nor mark, ends right at ``start``
        (``counts``: a count word such as 一类 too)."""
        prev = next((w for w in words if w.end_char == start), None)
        return prev is not None and prev.text not in self.boundary and _is_cjk(prev.text[-1]) and (
            prev.label_ not in BREAK_TAGS or counts and prev.label_ in ("m", "mq") and not prev.text.startswith("第")
        )

    def _host_and_partner(self, text: str, start: int) -> int:
        """"中国（青禾）云溪产业园": a host country and its partner in brackets open the name
        of a joint park or zone: the host is 中国, or both are places of the gazetteer."""
        if start < 4 or text[start - 1] not in "）)":
            return start
        m = _HOST_PARTNER.search(text, max(0, start - 12), start)
        if m is None or m.end() != start:
            return start
        placed = bool(self._gazetteer.lookup(m.group(2)))
        for n in (2, 3, 4):  # the host: the longest place ending right before the bracket
            host = text[m.start(2) - 1 - n : m.start(2) - 1]
            if m.start(2) - 1 - n >= m.start() and (host == "中国" or placed and self._gazetteer.lookup(host)):
                start = m.start(2) - 1 - n
        return start

    def _after_event(self, text: str, words: list[Span], start: int, head_start: int) -> int:
        """"世界青禾大会|云溪镇|峰会": a division's name holds no event; it starts after
        the last event head (大会, 论坛, 博览会) before it."""
        for w in words:
            if start <= w.start_char and w.end_char <= head_start and w.end_char > start:
                h = self.head_ending_at(text, w.end_char, w.start_char)
                if h is not None and h.type == "Programme" and h.suffix.endswith(("会", "论坛")) and len(h.suffix) >= 2:
                    start = w.end_char
        return start

    def _after_joined_event(self, text: str, start: int, head_start: int) -> int:
        """"（市委六届八次）全会暨市委经济工作会议": 暨 joins two events; when what stands
        before it is a bare head word or a stub, the name is the event after it."""
        k = text.rfind("暨", start, head_start)
        if k > start and (text[start:k] in self.heads or k - start <= 2):
            return k + 1
        m = None
        if "第" in text[start:head_start]:
            for m in _JOINED_EDITION.finditer(text, start, head_start):
                pass
        if m is not None:
            return m.start() + 1  # "“七进”及|第26个青禾月系列活动": an edition after 及 opens the event's name
        return start

    def _extend_route(self, text: str, words: list[Span], start: int, head: Head) -> int:
        """"勒沟至海棠高速公路", "青禾经云溪至翠岭高速公路", "甲镇至乙镇公路养护工程": a
        route from a place (via a place) to a place is one name; the boundary words 至 and
        经 stop the left extension, so take the places before them back in. Only a road,
        line or channel, a section (…段) or a works names a route, and only a noun opens it
        (增至, 提高至: a verb, no route)."""
        if not (head.subtype == "transport" or head.type == "Programme" or head.suffix.endswith("段")) or head.suffix.endswith(_POINT_TRANSPORT):
            return start  # an airport, station or port is a point, no route (青禾至云溪机场|段: a road's section)
        for _ in range(3):
            if start < 2 or text[start - 1] not in _ROUTE_MARKS or text.startswith(_NO_ROUTE_AFTER, start - 1):
                break  # 青禾|经|开区: jieba split 经开区, no route passes there
            i = next((k for k, w in enumerate(words) if w.end_char == start - 1), None)
            if i is None:
                break
            w = words[i]
            if w.text in self.boundary or not _is_cjk(w.text[-1]) or not (
                self._proper_word(w) or w.label_ in _ROUTE_END_TAGS
            ):
                break
            start = self._extend_left(text, words, i, w.start_char)
        return start

    def _named_word(self, w: Span) -> bool:
        """A place, person, organisation or quoted word, or one the gazetteer knows (a rare
        common word, 垂类, is none)."""
        return w.label_ in ("ns", "nz", "nt", "nr", "nrt", "ord", "eng") or _is_quote(w) or bool(self._gazetteer.lookup(w.text))

    def _shares_head_with_item_before(self, words: list[Span], start: int) -> bool:
        """Is a programme or policy found by its head word the last item of a list whose items
        share that head (环卫、园林补短板行动; 餐饮、住宿行业提升行动; 市、县国土空间规划)? (An
        industry is one on its own: 文化、体育产业 names 体育产业.) The item before
        the 、 is a short run of common words that ends in no head word of its own and holds no
        proper word nor number, and the name opens with a common word too: the head is the
        list's, the name only its last item's part. A list of names (青禾路、云溪路; 图书馆、市体育中心;
        青禾、云溪产业园; 第一、第三产业) keeps its last item."""
        i = next((k for k, w in enumerate(words) if w.start_char == start), None)
        if i is None or i < 2 or words[i - 1].text != "、":
            return False
        first = words[i]
        if self._named_word(first) or first.label_ in ("m", "mq", "x", "eng", "j") or not _is_cjk(first.text[0]):
            # 川渝|特高压…工程: an abbreviation of places opens a name of its own
            return False
        k, size = i - 2, 0
        while k >= 0 and size <= 6:
            w = words[k]
            if w.label_ in BREAK_TAGS or w.text in self.boundary or any(c in _PUNCT for c in w.text):
                break
            if self._named_word(w) or w.label_ in ("m", "mq", "eng", "t") or not _is_cjk(w.text):
                return False
            size += len(w.text)
            k -= 1
        if size == 0 or size > 6:
            return False
        item = "".join(words[j].text for j in range(k + 1, i - 1))
        return not any(
            item[-n:] in self.heads and self.heads[item[-n:]].type not in ("Place", "Sector")
            for n in range(1, min(len(item), 5) + 1)
        )  # a place or an industry word ends a common item (社区和居家养老…项目)

    def _after_lone_character(self, text: str, words: list[Span], start: int) -> bool:
        """Does a name found by its head word start where jieba cut a word in two: inside a
        word (20个央|陕合作项目), or right after one character glued to the text before it
        that belongs to the word the name should open: a number word that counts nothing
        (广西左|江山秀…, （多|田套合工程）, 一城一|妇女儿童医院), a place or person character
        (S358青|通河…), a pronoun character (吾|悦广场), or an adjective no verb governs (首个全|流域…,
        青禾新|材料公司: 做强|X, 用好|X keep the name). Such a name is cut; none is better
        than a cut one (a character _regain_fragment took back is no longer before it)."""
        i = next((k for k, w in enumerate(words) if w.start_char == start), None)
        if i is None:
            return any(w.start_char < start < w.end_char for w in words)
        if i == 0:
            return False
        c = words[i - 1]
        first = words[i].text
        if (
            len(first) == 1 and _is_cjk(first) and first not in _DIVISION_CHARS and words[i].label_ not in ("v", "p", "c")
            and c.end_char == start and _is_cjk(c.text[-1])
            and (len(c.text) >= 2 and c.label_ in ("m", "ns", "nr", "nrt") or c.text in _EDGE_CHARS)
        ):
            return True  # "九曲|湾景区", "甘泉|堡…净水厂", "沿|黄…产业", "钢之|泰二期": the first character is the word's before
        if len(c.text) != 1 or c.end_char != start or not _is_cjk(c.text):
            return False
        before = words[i - 2] if i >= 2 and words[i - 2].end_char == c.start_char else None
        tag = c.label_
        if tag in ("ns", "nr", "nrt", "nrfg") or tag == "r" and c.text not in _FRAGMENT_STOPS and c.text not in _OWN_PRONOUNS:
            return True
        if tag == "m":
            return c.text not in _COUNT_OPENERS and not (before is not None and before.label_ in ("d", "ad"))
        if tag == "a":  # 落实|好, 首个|全: a boundary verb governs it, a boundary count does not
            return before is not None and _is_cjk(before.text[-1]) and before.label_ not in _GOVERNING_TAGS and not (
                before.text in self.boundary and before.label_ not in ("m", "mq")
            )
        return False

    def _after_lone_verb(self, words: list[Span], start: int, head_start: int) -> int:
        """An industry's name holds no one-character verb: "做精做深|飞机维修产业",
        "大抓|产业", "科技强到|产业" (the sector starts after the last one)."""
        after_verb = False
        for w in words:
            if not (start <= w.start_char and w.end_char <= head_start):
                continue
            if w.label_ == "v" and len(w.text) == 1 or after_verb and w.label_ in ("a", "d") and len(w.text) == 1:
                start, after_verb = w.end_char, True  # 做精做深: the verb and its complement
            else:
                after_verb = False
        return start

    def _sector_before_rank(self, text: str, words: list[Span], start: int, head_start: int, end: int) -> int:
        """"石油化工主导产业", "光电子信息新兴产业": a rank word between an industry and
        产业 says what the industry is to the place; the industry is named before it."""
        for rank in _SECTOR_RANKS:
            cut = head_start - len(rank)
            if cut > start and text.startswith(rank, cut):
                rest = text[start:cut]
                for g in sorted(self.generic, key=len, reverse=True):
                    if rest.endswith(g) and len(rest) - len(g) >= 2:
                        cut -= len(g)  # 农业特色|优势产业: the rank words come in pairs
                        rest = text[start:cut]
                        break
                if len(rest) >= 2 and rest not in self.generic and rest[-1] not in "和与及、的性":
                    return cut
        return end

    def _pos_words(self, text: str) -> list[tuple[str, str]]:
        return _default_pair_cut()(text)

    def _proper_word(self, w: Span) -> bool:
        return w.kb_id_ == "rare" or w.label_ in ("ns", "nz", "nt", "ord", "eng") or _is_quote(w) or bool(
            self._gazetteer.lookup(w.text)
        )

    def _has_boundary(self, t: str) -> bool:
        """A word that opens with a boundary word (建立健全, 推进会): one of two or more
        characters, shorter than the word (one ``str.startswith`` over a tuple kept per
        word length)."""
        n = len(t)
        if n < 3:
            return False
        by_len = self.__dict__.get("_boundary_by_len")
        if by_len is None:
            by_len = self._boundary_by_len = {}
        shorter = by_len.get(n)
        if shorter is None:
            shorter = by_len[n] = tuple(b for b in self._boundary2 if len(b) >= 2 and n - len(b) >= 1)
        return t.startswith(shorter) if shorter else False

    def _word_ok(self, w: Span) -> bool:
        """May word ``w`` be part of a name (left of its head)? It depends on the word's text
        and tag only: kept per (text, tag), a bounded cache (the rules ask again and again)."""
        key = (w.text, w.label_)
        cache = self._word_ok_cache
        got = cache.get(key)
        if got is None:
            if len(cache) >= _CUT_CACHE_SIZE:
                cache.clear()
            got = cache[key] = self._text_ok(*key)
        return got

    def _text_ok(self, t: str, tag: str) -> bool:
        """:meth:`_word_ok` of a word's text and tag."""
        if tag in ("q", "ord", "pp"):
            return True
        if tag == "bk" or t in self.boundary:
            return False
        if tag in ("i", "l") and len(t) >= 4:
            return False  # idioms and set phrases
        if t in ("-", "—", "·", "\\"):
            return True
        if any(c in _PUNCT for c in t):
            return False
        if _COUNT.match(t):
            return False
        if tag in BREAK_TAGS:
            return bool(tag == "x" and _LATIN_OR_DIGIT.fullmatch(t[:1]))
        if tag in ("m", "mq"):
            return bool(re.fullmatch(r"[0-9A-Za-z]+", t) or _PHASE.match(t) or _EDITION_WORD.fullmatch(t) or _ORDINAL_WORD.fullmatch(t))
        if tag == "t":
            return bool(_YEARS.fullmatch(t)) or t in _AGE_GROUPS or not re.search(r"[0-9年月日]", t)
        if tag == "d":
            return bool(_PHASE.match(t))
        return True

    def _extend_left(self, text: str, words: list[Span], j: int, start: int, nominal: bool = False) -> int:
        """Grow the name leftwards from word ``j`` over words that may be inside a name;
        ``nominal``: verbal nouns (治理, 建设) may be inside ("治理能力现代化建设攻坚行动")."""
        i = j - 1
        taken = 0
        while i >= 0:
            w = words[i]
            ok = self._word_ok(w) or (
                nominal and w.label_ == "vn" and w.text in self.boundary and i > 0
                and words[i - 1].text not in self.boundary and words[i - 1].label_ not in BREAK_TAGS
            )
            if not ok and w.text in _NAME_VERBS and start - w.start_char <= 20:
                # "深港融合发展交流中心": a verbal noun between a proper name and the head
                k = i - 1
                while k >= 0 and k >= i - 2 and self._word_ok(words[k]) and not self._proper_word(words[k]):
                    k -= 1
                ok = k >= 0 and k >= i - 2 and self._proper_word(words[k]) and self._word_ok(words[k])
            if (
                not ok and i > 0 and len(w.text) >= 2 and w.label_ in ("i", "l", "d")
                and self._opens_name_after_verb(words, i)
            ):
                ok = True  # "实施专精特新企业倍增行动": a set phrase right after the verb opens the name
            if not ok and w.text == "日" and i > 0 and words[i - 1].label_ in ("n", "ns", "nz", "vn") and words[i - 1].end_char == w.start_char:
                ok = True  # "世界城市|日|中国主场活动": 日 closing a day's name after a noun, no date
            if not ok or start - w.start_char > 24 or taken >= 7:
                break
            if self._closes_programme_before_place(words, i):
                break  # "青禾数字化平台|云溪机场服务中心": a programme's name ends there, a place's begins
            start = w.start_char
            taken += 1
            i -= 1
        return start

    def _closes_programme_before_place(self, words: list[Span], i: int) -> bool:
        """Is word ``i`` a programme's head word (平台, 工程) glued to a place name after it?"""
        w = words[i]
        h = self.heads.get(w.text)
        if h is None or h.type != "Programme" or len(w.text) < 2 or i + 1 >= len(words) or w.text in _SPONSOR_HEADS:
            return False
        nxt = words[i + 1]
        return nxt.start_char == w.end_char and (nxt.label_ in ("ns", "nrt") or bool(self._gazetteer.lookup(nxt.text)))

    def _regain_fragment(self, text: str, words: list[Span], start: int, place: bool = False) -> int:
        """A name that starts with a lone morpheme making a dictionary word with the last
        character before it (补短|板强弱项行动: 短板) starts at the word before (补短板…). A name right after a lone character that
        jieba split off it (力争|驮|英水库,
        加快|亿|特森, 推动|三|茅宫片区) starts at that character: the character is glued to
        the name, no function word (_FRAGMENT_STOPS), and a verb, a clause edge or the
        sentence's start stands before it, so it opens the object. A character that ends a
        boundary word with the text before or after it (做大做|强, 入|驻, 做|大做强) is that word's; 环 before a place
        is "around" (环|千岛湖), before an event its name's first character (环青禾公路自行车赛)."""
        i = next((k for k, w in enumerate(words) if w.start_char == start), None)
        if i is None or i < 1:
            return start
        c, before = words[i - 1], words[i - 2] if i >= 2 else None
        if (
            len(words[i].text) == 1 and len(c.text) >= 2 and c.end_char == start and _is_cjk(c.text)
            and c.text not in self.boundary and c.label_ not in BREAK_TAGS
            and words[i].label_ in _LONE_MORPHEME_TAGS and WORD_FREQ_SOURCE
            and WORD_FREQ_SOURCE[0].get(text[start - 1 : start + 1], 0) > 0
        ):
            return c.start_char  # "补短|板强弱项行动": 短板 is one word, 补短板 opens the name
        if (
            len(c.text) != 1 or c.end_char != start or not _is_cjk(c.text) or c.text in _FRAGMENT_STOPS
            or c.text in self.boundary
            or c.label_ in BREAK_TAGS or c.label_ in ("d", "q", "f") or place and c.text == "环"
            or any(text[max(0, c.end_char - n) : c.end_char] in self.boundary for n in (2, 3, 4))
            or any(text[c.start_char : c.start_char + n] in self.boundary for n in (2, 3, 4))
        ):
            return start
        if before is not None and not (
            before.end_char == c.start_char
            and (before.text in self.boundary and len(before.text) >= 2 or before.label_ == "x" and any(ch in _PUNCT for ch in before.text))
        ):
            return start
        return c.start_char

    def _opens_name_after_verb(self, words: list[Span], i: int) -> bool:
        """Word ``i`` follows a boundary verb (实施, 开展) directly and is no verb of its own."""
        w, prev = words[i], words[i - 1]
        return (
            prev.text in self.boundary and prev.label_ in ("v", "vn")
            and w.text not in self.boundary and not self._has_boundary(w.text)
            and not any(c in _PUNCT for c in w.text)
        )

    def _trim_left(self, text: str, words: list[Span], start: int, head_start: int) -> int:
        """A name starts neither with a count, a verb, an adverb nor a joining mark."""
        m = _LEADING_COUNT.match(text, start)
        if m and m.end() <= head_start:
            start = m.end()
        for w in words:
            if w.start_char < start:
                continue
            if w.start_char >= head_start:
                break
            i = words.index(w)
            if w.start_char == start and (
                w.label_ in ("v", "vd", "d", "p", "c", "ad") and len(w.text) >= 1
                and not (w.label_ in ("v", "d") and len(w.text) >= 2 and i > 0 and self._opens_name_after_verb(words, i))
                and not _WATER_TRANSFER.match(text, w.start_char)
                or w.text in "-—、·"
            ):
                start = w.end_char
                continue
            break
        return start

    def _is_name(self, text, start, head_start, end, head, words, gaz) -> bool:
        name = text[start:end]
        modifier = text[start:head_start]
        if not modifier or len(name) > 32:
            return False
        if head.short and len(modifier) > 4:
            return False
        if (
            head.type in ("Place", "Organization") and head.subtype in _INSTITUTION_SUBTYPES
            and modifier[:1] in "省市区县" and modifier[1:2] not in ("属", "级") and len(head.suffix) >= 2
            and not self.generic.intersection(w.text for w in words if w.end_char <= head_start)
        ):
            return True  # "市工人文化宫", "区图书馆": the division's own institution
        if head.admin:
            # 政府, 委员会: only a division's own body ("杭州市政府", "区政府")
            return bool(self._gazetteer.lookup(modifier)) or modifier in ("省", "市", "区", "县", "镇", "乡")
        if _PHASE.match(head.suffix) and text[head_start - 1 : head_start] == "第":
            return False  # "入选国家第二期“双高计划”": an edition's ordinal, no phase of a thing
        if self._water_word(text, start, end, head, words):
            return True  # 汉江, 大运河: a river jieba knows as one place word
        if len(head.suffix) == 1 and len(modifier) < 2:
            return False  # 滨河, 湖北: a one-character head needs a two-character name
        # only generic modifiers before the head: a generic phrase ("重点片区")
        mods = [w.text for w in words if w.end_char <= head_start]
        if mods and all(m in self.generic for m in mods):
            return False
        if modifier in self.generic:
            return False
        if head.long:
            n_words = sum(1 for w in words if w.start_char < head_start)
            if len(modifier) >= 4 and n_words >= 2 and not _counted(text, start, end):
                return True
        elif not head.proper:
            return len(modifier) >= 2 or modifier in ("省", "市", "区", "县", "镇") or modifier.isdigit()
        if head.suffix in _MARKED_NAME_HEADS:
            return self._marked_name(words, head_start, start, gaz)
        kind_head = head.type in ("Place", "Organization") or head.suffix in _KIND_HEADS
        for w in words:
            if w.start_char >= head_start:
                continue
            if w.label_ in ("bk", "ord", "eng") or _is_quote(w):
                return True
            if w.text in self.generic and w.label_ not in ("ns", "nt", "nr"):
                continue  # "规上", "改扩建": genre words, no proper name
            compound = kind_head and self._common_compound(w.text)
            if w.kb_id_ == "rare" and not compound:
                return True
            if w.label_ == "nz" and compound:
                continue  # "城市更新|项目", "高速铁路": two ordinary words jieba keeps as one
            if w.label_ in ("ns", "nz", "nt", "nr") and w.text not in self.boundary and not self._has_boundary(w.text):
                if w.label_ != "nr" or len(w.text) <= 3:
                    return True
            if len(w.text) == 1 and w.label_ in _LONE_MORPHEME_TAGS:
                return True  # a bound morpheme left alone: jieba could not place a name
            if _LATIN_OR_DIGIT.search(w.text):
                return True
        return any(start <= gs and ge <= head_start for gs, ge in gaz)

    def _marked_name(self, words: list[Span], head_start: int, start: int, gaz) -> bool:
        """A model (…模式) is named only when its name is marked: a quoted term, letters or
        digits, a division the gazetteer knows, or a bound morpheme jieba could not place
        (渔|邨). jieba's own name tags are not enough here: it tags ordinary words in
        descriptive models as names (智慧/nr, 上楼/ns), and 投贷联动模式, 稻菜轮作模式,
        社区嵌入式养老模式 describe a way of working, not one named model."""
        for w in words:
            if w.start_char >= head_start or w.start_char < start:
                continue
            if w.label_ in ("bk", "ord", "eng") or _is_quote(w) or _LATIN_OR_DIGIT.search(w.text):
                return True
            if len(w.text) == 1 and w.label_ in _LONE_MORPHEME_TAGS:
                return True
        # a division (郴州), or a place name found by its own head (青禾县); a county's short
        # form that is also an ordinary word (合作, 通道) marks nothing
        admin = {(gs, ge) for gs, ge, _k in self._gaz_spans}
        return any(start <= gs and ge <= head_start and ((gs, ge) in admin or ge - gs >= 3) for gs, ge in gaz)

    def _place_before_phase(self, text: str, start: int, head_start: int, head: Head) -> Head | None:
        """The place head a phase follows ("X新城|二期", "X城|三期", "X路西延|三期"), if any."""
        if not _PHASE.match(head.suffix):
            return None
        end = head_start
        m = _EXTENSION_END.search(text, start, end)
        if m:
            end = m.start()  # 青禾路西延|三期: the road before its extension
        inner = self.head_ending_at(text, end, start + 1)
        return inner if inner is not None and inner.type == "Place" else None

    def _phase_label(self, text: str, start: int, head_start: int, head: Head, words: list[Span]) -> str:
        """A phase of a named place is that place's kind (X城三期: a building, X新城二期: an
        area); the phase of a road, line or airport (乙路西延三期, 地铁某号线二期) or of common
        nouns (化工管廊二期) is the works of that phase: a project (GUIDELINES §5 Programme)."""
        if not _PHASE.match(head.suffix):
            return head.label
        place = self._place_before_phase(text, start, head_start, head)
        if place is not None:
            return "Programme" if place.subtype == "transport" else place.label
        mods = [w for w in words if start <= w.start_char and w.end_char <= head_start]
        if mods and all(w.label_ in ("n", "vn", "j") for w in mods):
            return "Programme"
        return head.label

    def _water_word(self, text: str, start: int, end: int, head: Head, words) -> bool:
        """Is the name one word jieba tags a place (ns, nz) that a river head closes (汉江,
        淮河, 大运河), no division's name (浙江, 湛江) and no common word (江河, 内河: the
        "-" rows of entity_suffixes.tsv)?"""
        if head.suffix not in _RIVER_HEADS or len(words) != 1:
            return False
        w = words[0]
        if not (
            w.start_char == start and w.end_char == end and w.label_ in ("ns", "nz")
            and 2 <= end - start <= 3 and w.text not in self.boundary
            and self._gazetteer.lookup(w.text) is None
        ):
            return False
        # standing alone, before a count or a river's own word: not the namesake opening a
        # company, lab or zone (长江|汽车, 某江|实验室, 长江|经济带)
        return bool(_RIVER_NEXT.match(text, end))

    def _common_compound(self, t: str) -> bool:
        """Is ``t`` two ordinary words (城市+更新, 高速+铁路) that jieba's dictionary
        happens to hold as one rare word? Then it is no evidence of a proper name."""
        freq = WORD_FREQ_SOURCE[0] if WORD_FREQ_SOURCE else {}
        ordinary = lambda x: freq.get(x, 0) >= COMMON_FROM or x in self.generic  # noqa: E731
        return len(t) >= 4 and any(ordinary(t[:i]) and ordinary(t[i:]) for i in range(2, len(t) - 1))

    def _split_chain(self, text: str, start: int, head_start: int, head: Head) -> int:
        """"A公园-B公园-C公园" lists three parks: the name starts after the last joining
        mark when the part before it closes with the same head."""
        for m in reversed(list(re.finditer(r"[-—]", text[start:head_start]))):
            cut = start + m.start()
            if text.count("“", start, cut) != text.count("”", start, cut):
                continue  # a mark inside a quoted name
            if text[start:cut].endswith(head.suffix):
                return cut + 1
            if head.suffix not in _COMPOUND_HEADS and self.head_ending_at(text, cut, start + 1):
                return cut + 1  # "深圳火车站-罗湖口岸": a station, then a port
        return start

    def _container(self, text, words, start, head_start, head):
        """"笋岗街道湖景社区": a container place before a contained one → two names."""
        place = head.type == "Place" and head.subtype in _CONTAINED
        for w in words:
            if not (start < w.end_char < head_start):
                continue
            inner = self.head_ending_at(text, w.end_char, start)
            if inner and inner.type == "Place" and place and inner.subtype == head.subtype == "water":
                rest = [x for x in words if w.end_char <= x.start_char and x.end_char <= head_start]
                if rest and any(x.kb_id_ == "rare" or x.label_ in ("ns", "nz") for x in rest):
                    return (start, w.end_char, inner.label, "head")  # "沙湾河深圳水库": two waters
            if not inner or inner.type != "Place" or inner.suffix not in _CONTAINERS:
                continue
            if not place and inner.subtype != "admin":
                continue
            if (inner.subtype in ("admin", "area") or inner.suffix in ("号线", "高铁", "国道", "省道")) and w.end_char - start > len(inner.suffix):
                return (start, w.end_char, inner.label, "head")
        if head.type == "Programme":
            # "人民南片区港医医疗平台": a programme in a named area
            for w in words:
                if start < w.end_char < head_start and text[start : w.end_char].endswith(("片区", "街区")):
                    if head_start - w.end_char >= 2:
                        return (start, w.end_char, "Place/area" if text[w.end_char - 2 : w.end_char] == "片区" else "Place/block", "head")
        return None

    def _lists(self, text, words, cands):
        """Items of a list typed by a category after it ("等商圈"), by a shared head, or by
        the typed items beside them."""
        if "、" not in text:
            return []  # no list (most sentences): no clause below holds an enumeration
        out = []
        typed = {(s, e): lab for s, e, lab, rule in cands if rule in ("head", "title")}
        ends_typed = {}
        for (s, e), lab in typed.items():
            ends_typed.setdefault(e, []).append((s, lab))
        for seg in _LIST_CLAUSE.finditer(text):
            body = seg.group()
            if "、" not in body:
                continue
            base = seg.start()
            parts = [(base + m.start(), base + m.end()) for m in _LIST_ITEM.finditer(body)]
            if len(parts) < 2:
                continue
            # the list ends at the first part with 等 ("A、B等未来产业落子布局、加快发展")
            closing = next((k for k in range(1, len(parts) - 1) if "等" in text[parts[k][0] : parts[k][1]]), None)
            if closing is not None:
                parts = parts[: closing + 1]
            # last part: split "X和Y", cut at 等 and read the category after it
            ls, le = parts[-1]
            last = text[ls:le]
            category = None
            parallel = False
            shared_place = ""  # the place word the items share ("甲、乙化工园区": 园区)
            m = _DENG.search(last)
            if m:
                after = last[m.end():]
                category = self._category(after, words, ls + m.end())
                le = ls + m.start()
                if category is None and seg.end() < len(text) and text[seg.end()] in "，,":
                    # "A、B等光电子信息，C、D等新材料，E、F等生物医药项目": parallel lists
                    # share the category of the last
                    category = self._parallel_category(text, words, seg.end() + 1, after)
                    parallel = category is not None
            else:
                # "金融、精密制造领域": the category closes the last item
                for cat in self._closing_categories():
                    k = last.find(cat)
                    if k > 0:
                        category = self.categories[cat]
                        le = ls + k
                        if (
                            category.startswith("Place") and not _COUNT_CLOSER.search(last[:k])
                            and last[:k] not in self.generic and len(last[:k]) >= 2
                        ):
                            # "甲、乙化工园区": a place word glued to the last item is the head
                            # the items share: 乙化工园区 is the name, 甲 alone a cut one
                            le, shared_place = ls + k + len(cat), cat
                        break
                cm = _COUNT_CLOSER.search(last)
                if category is None and cm:
                    # "甲、乙3个千亿级，丙、丁2个百亿级产业集群": counted (parallel) lists
                    category = self._category(last[cm.end() :], words, ls + cm.end())
                    if category is None and seg.end() < len(text) and text[seg.end()] in "，,":
                        category = self._parallel_category(text, words, seg.end() + 1, last[cm.end() :])
                    if category is not None:
                        le, parallel = ls + cm.start(), True
            items = parts[:-1]
            for k in range(len(items) - 1, 0, -1):
                # "推进甲、乙两座电站建设和丙、丁等项目": the list opens after the conjunction
                jm = _LAST_JOINER.search(text[items[k][0] : items[k][1]])
                if jm and jm.start() >= 8:
                    items = [(items[k][0] + jm.end(), items[k][1]), *items[k + 1 :]]
                    break
            tail = text[ls:le]
            parallel = parallel if m else False
            jm = _JOINER.search(tail)
            if jm and jm.start() > 0:
                items.append((ls, ls + jm.start()))
                items.append((ls + jm.end(), le))
            else:
                items.append((ls, le))
            # first item: its trailing name-like run
            fs, fe = items[0]
            run = [w for w in words if fs <= w.start_char and w.end_char <= fe]
            st = fe
            for w in reversed(run):
                if not self._word_ok(w):
                    break
                st = w.start_char
            if category == "Sector" and run and st == fe and not any(c in _PUNCT for c in run[-1].text):
                # "推动生物制造、氢能…等未来产业": an industry may end in a verb (制造)
                st = run[-1].start_char
                for w in reversed(run[:-1]):
                    if not self._word_ok(w):
                        break
                    st = w.start_char
            st = self._trim_left(text, words, st, fe)
            if st < fe:
                st = self._regain_fragment(text, words, st)
            if category and "等" in text[fs:st]:
                st = fe  # "聚焦甲和乙等下游产品、丙、丁等产业": the first part closes a list of its own
            items[0] = (st, fe)
            # last item: its leading name-like run when no category cut it
            if category is None:
                ls2, le2 = items[-1]
                typed_here = [e for e in ends_typed if ls2 < e <= le2 and any(s == ls2 for s, _ in ends_typed[e])]
                if typed_here:
                    items[-1] = (ls2, max(typed_here))
            labels = []
            for s, e in items:
                own = typed.get((s, e))
                labels.append(own)
            head_labels = [lab for lab in labels if lab]
            first_out = len(out)
            for (s, e), own in zip(items, labels):
                if category == "Programme" and _PHASE.match(text[e - 2 : e]) and 4 <= e - s <= 10 and not _COUNT.match(text[s : e - 2]):
                    # "甲乙五期、丙丁等重点项目": a project's phase, whatever head word "五期" reads as
                    inner = [c for c in cands if s <= c[0] and c[1] <= e and c[2].startswith("Place") and c[1] == e]
                    for c in inner:
                        cands.remove(c)
                    out.append((s, e, "Programme", "list"))
                    continue
                if own or not (2 <= e - s <= 14):
                    continue
                if (
                    shared_place and (s, e) != items[-1] and not text[s:e].endswith(shared_place)
                    and self.head_ending_at(text, e, s + 1) is None
                ):
                    continue  # "甲、乙化工园区": 甲 is 甲化工园区 cut before the shared place word
                if any(s <= cs and ce <= e and (cs, ce) != (s, e) for cs, ce in typed):
                    continue  # "笋岗街道湖景社区": already two names
                item_words = [w for w in words if s <= w.start_char and w.end_char <= e]
                if category == "Sector":
                    # an industry may end in a verb of the boundary list (生物制造, 深度加工)
                    st = self._sector_item(text, item_words, s, e, first=(s, e) == items[0])
                    if st is not None:
                        out.append((st, e, category, "list:sector"))
                    continue
                # "甲、和远电子等": after 、 a leading 和/与/及 opens the name, it joins nothing
                joined = item_words[:1] if item_words and s > 0 and text[s - 1] == "、" and item_words[0].text in ("和", "与", "及") else []
                if not item_words or any(not self._word_ok(w) for w in item_words if w not in joined):
                    continue
                if _COUNT.match(text[s:e]) or _COUNTED_ITEM.match(text[s:e]):
                    continue
                h = self.head_ending_at(text, e, s + 1)
                mods = [w.text for w in item_words if not h or w.end_char <= e - len(h.suffix)]
                if h and (text[s : e - len(h.suffix)] in self.generic or mods and all(m in self.generic for m in mods)):
                    continue  # "康复中心", "领军项目": a kind closed by its head word
                core_e = e - len(shared_place) if shared_place and text[s:e].endswith(shared_place) else e
                core = [w for w in item_words if w.end_char <= core_e]  # "未来荟|综合体": the name before the place word
                proper = any(w.label_ in PROPER_TAGS or w.kb_id_ == "rare" for w in core)
                short_name = core_e - s <= 4 and (not any(w.kb_id_ == "common" for w in core) or _coined_chars(core))
                if category and all(w.label_ in ("v", "vn", "vd") for w in item_words):
                    continue  # "抽水蓄能等项目", "投资互促": a deed or a technique, no name
                if category and self._shares_next_head(text, items, labels, (s, e)) and not self.head_ending_at(text, e, s + 1):
                    continue  # "南禾、阆溪高速等项目": 南禾 is 南禾高速 cut before the shared head
                if category and (proper or short_name or self._branded(item_words)):
                    # a coined name before a trade word (新硅科技) is vouched for by that test
                    cand = (s, e, category, "list" if proper or short_name else "list:brand")
                    out.append(self._company_item(text, words, cand, listed=True) if parallel else cand)
                elif head_labels and len(set(head_labels)) == 1:
                    lab = head_labels[0]
                    h = self.head_ending_at(text, e, s)
                    if item_words[-1].label_ in ("v", "vn") or (h and e - s - len(h.suffix) < 2):
                        continue  # "罗投公司破产清算" is an action; "片区" alone is no name
                    proper = any(
                        w.label_ in PROPER_TAGS or w.kb_id_ == "rare" for w in item_words
                    )
                    if (not h or h.type == "-") and self._shares_next_head(text, items, labels, (s, e)):
                        continue  # "宁禾、铜溪高速": 宁禾 is 宁禾高速 cut before the shared head
                    if (h and h.label == lab) or (proper and len(head_labels) * 2 >= len(items)):
                        out.append((s, e, lab, "list"))
            if category == "Programme":
                out[first_out:] = self._companies_by_mates(text, words, out[first_out:], parallel)
        # "甲至乙段、丙至丁铁路": an item cut at 至 or 经 is the end of a route, no name
        return [c for c in out if c[0] < 1 or text[c[0] - 1] not in _ROUTE_MARKS]

    def _shares_next_head(self, text: str, items: list, labels: list, item: tuple[int, int]) -> bool:
        """Does a bare list item share the head of the typed item right after it ("宁禾、铜溪高速",
        "甲、乙水库")? It does when that item is its modifier and a head word of two characters
        or more, the modifier as long as the bare item: the two are parallel names of one kind,
        printed once; the bare item is a cut name, no complete one. A one-character head
        (西湖、良渚、大运河) closes its own item only."""
        k = items.index(item)
        if k + 1 >= len(items) or not labels[k + 1]:
            return False
        mod = self._road_modifier(text, *items[k + 1])
        if mod < 0:
            return False
        if mod == item[1] - item[0]:
            return True
        bare, other = text[item[0] : item[1]], text[items[k + 1][0] : items[k + 1][0] + mod]
        return _coded_pair(bare, other) or bare.endswith(_RING_STUBS)  # "青禾东绕城、云溪高速": a ring road printed without its 高速


    def _road_modifier(self, text: str, s: int, e: int) -> int:
        """The length of the words before the road or water head word (two characters or
        more: 高速, 铁路, 水库; _SHARED_HEAD_SUBTYPES) that closes ``text[s:e]``, also under a
        project word (黄泾高速公路|项目: 2); -1 when no such head closes it."""
        h = self.head_ending_at(text, e, s + 1)
        if h is not None and h.type == "Programme":
            e -= len(h.suffix)
            h = self.head_ending_at(text, e, s + 1)
        if h is None or len(h.suffix) < 2 or h.type != "Place" or h.subtype not in _SHARED_HEAD_SUBTYPES:
            return -1
        return e - len(h.suffix) - s

    def _companies_by_mates(self, text: str, words: list[Span], found: list, listed: bool) -> list:
        """In a list of projects where one bare item is a company (甲能源、乙电工、丙丁等项目),
        the other bare short names are companies too (丙丁): list-mates vouch for each other.
        An item with a phase, a head word, a verb or a place stays the project."""
        conv = [self._company_item(text, words, c, listed=listed) for c in found]
        if not any(c[2] == "Organization/company" for c in conv):
            return found
        out = []
        for c in found:
            s, e, label, rule = c
            item = [w for w in words if s <= w.start_char and w.end_char <= e]
            if (
                label == "Programme" and 2 <= e - s <= 5 and item
                and not _PHASED.search(text[s:e]) and not self.head_ending_at(text, e, s + 1)
                and not any(w.label_ in ("v", "vn", "vd", "m", "q", "x", "eng") for w in item if not _coined(item))
                and not self._gazetteer.lookup(text[s:e]) and text[s:e] not in self.generic
                and not _AMOUNT_BEFORE.search(text, max(0, s - 8), s)
            ):
                c = (s, e, "Organization/company", rule)
            out.append(c)
        return out

    def _parallel_category(self, text: str, words: list[Span], pos: int, after: str):
        """The category of the next list in the sentence when this one ends in a short
        noun (光电子信息) standing where a category would: "…等新材料，…等生物医药项目"."""
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", after) or self.head_ending_at(after, len(after), 0):
            return None  # "等结对模式", "等利益合作机制": a kind of its own
        for _ in range(3):
            m = re.compile(r"[^，,。；;：:！？!?\n]+").match(text, pos)
            closer = [c for c in (m.group().rfind("等"),) if c >= 0] if m else []
            if m and not closer and "、" in m.group() and (cm := _COUNT_CLOSER.search(m.group())):
                closer = [cm.start()]
            if not closer:
                return None
            first = next((w for w in words if w.start_char == pos), None)
            if first is None or first.label_ in _LEADING_VERB_TAGS or first.text in self.boundary:
                return None  # "…，着力引进A、B等企业": a new clause, not the next list
            k = closer[0]
            cm = _COUNT_CLOSER.match(m.group(), k)
            k = cm.end() - 1 if cm else k
            tail = m.group()[k + 1 :]
            category = self._category(tail, words, pos + k + 1)
            if category is not None:
                return category
            if (
                not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", tail) or self.head_ending_at(tail, len(tail), 0)
                or m.end() >= len(text) or text[m.end()] not in "，,"
            ):
                return None
            pos = m.end() + 1
        return None

    def _company_item(
        self, text: str, words: list[Span], cand: tuple[int, int, str, str], listed: bool = False
    ) -> tuple[int, int, str, str]:
        """A bare name in a list of projects ("建成甲微、乙科技等重大项目", "实施丙电、丁能等项目")
        is the company the project is named by (GUIDELINES §5 keys it Organization/company);
        an item with its own head word or phase (丙基地, 丁科技二期) stays the project."""
        s, e, label, rule = cand
        if rule not in ("list", "enum", "list:brand", "enum:brand") or label != "Programme" or not (2 <= e - s <= 6):
            return cand
        tail = None if listed else _PROJECT_LIST_TAIL.match(text, e)
        if not (listed or tail) or _PHASED.search(text[s:e]):
            return cand
        if tail and _WORKS_PROJECT.search(tail.group().rsplit("等", 1)[-1]):
            return cand  # "长四辽通等铁路项目": works are named by their route, not by a company
        if self.head_ending_at(text, e, s + 1) is not None or any(
            self._gazetteer.lookup(text[s : s + k]) for k in (2, 3, e - s)
        ):
            return cand  # "丙港", "青岚邮轮港": a facility named by its place
        item_words = [w for w in words if s <= w.start_char and w.end_char <= e]
        if not item_words or _AMOUNT_BEFORE.search(text, max(0, s - 8), s):
            return cand  # "年产5万吨浆粕": a product by its output
        if _coined_chars(item_words):
            return (s, e, "Organization/company", rule)
        if any(w.label_ in ("v", "vn") for w in item_words):
            return cand  # "新型显示模组", "锂电池隔离膜", "林木加工": what is made or done, not who
        first, last = item_words[0], item_words[-1]
        branded = first.label_ in PROPER_TAGS and first.label_ not in ("q", "bk")
        if not (branded or first.kb_id_ == "rare" and len(item_words) > 1 and last.text in _COMPANY_ENDINGS):
            if self._branded(item_words):
                # a coined name before a trade word (富钛半导体): that test vouches for the name
                return (s, e, "Organization/company", rule.split(":")[0] + ":brand")
            return cand  # "智慧交通、智慧城管等平台项目": common words name a kind of project
        return (s, e, "Organization/company", rule)

    def _categories_by_length(self) -> list[str]:
        """``sorted(self.categories, key=len, reverse=True)``, kept while the categories
        are the same."""
        key = (id(self.categories), len(self.categories))
        got = self.__dict__.get("_categories_sorted")
        if got is None or got[0] != key:
            got = self._categories_sorted = (key, sorted(self.categories, key=len, reverse=True))
        return got[1]

    def _closing_categories(self) -> list[str]:
        """The categories that may close a list's last item ("金融、精密制造领域"): two
        characters or more and no head word, longest first (kept while the categories and
        the heads are the same)."""
        key = (id(self.categories), len(self.categories), id(self.heads), len(self.heads))
        got = self.__dict__.get("_categories_closing")
        if got is None or got[0] != key:
            cats = [c for c in self._categories_by_length() if len(c) >= 2 and self.heads.get(c) is None]
            got = self._categories_closing = (key, cats)
        return got[1]

    def _category(self, after: str, words: list[Span] | None = None, at: int = 0):
        """The category after 等 that types the items before it: right after 等 ("等企业"),
        after a short modifier ("等新兴产业", "等生物医药项目"), after a count or an amount
        ("等一批", "等50亿元以上重大项目"), or after a relative clause ending in 的 for
        projects and companies ("等一批突破…难题的重点项目")."""
        lead = _CATEGORY_LEAD.match(after)
        k = lead.end() if lead else 0
        rest = after[k:]
        cats = self._categories_by_length()
        for cat in cats:
            if rest.startswith(cat):
                return self._category_guard(rest, cat)  # "等企业项目": the companies, before their projects
        for cat in cats:
            if len(rest) > 2 and rest[2:].startswith(cat) and re.match(r"[\u4e00-\u9fff]{2}", rest):
                return self._category_guard(rest[2:], cat)
        # a longer modifier of nouns only ("等战略性新兴产业", "等生物医药项目")
        m = _CATEGORY_MODIFIED.match(rest)
        if m and words is not None:
            cat, a, b = m.group(2), at + k, at + k + m.start(2)
            mod = [w for w in words if a <= w.start_char < b]  # the last may hold the category (新兴产业)
            if mod and mod[0].start_char == a and all(
                w.label_ in _MODIFIER_TAGS for w in mod
            ):
                return self._category_guard(rest[m.start(2):], cat)
        m = _CATEGORY_CLAUSE.match(rest)
        if m:
            return self.categories.get(m.group(1))
        return None

    def _category_guard(self, rest: str, cat: str):
        """A sector word that modifies a noun after it (产业基地, 产业政策) types no list."""
        label = self.categories[cat]
        if label == "Sector" and rest.startswith(_NOT_INDUSTRY_AFTER, len(cat)):
            return None
        return label

    def _sector_item(self, text: str, words: list[Span], s: int, e: int, first: bool = False) -> int | None:
        """Where a list item typed as an industry ("A、B等未来产业") starts, or None: a
        noun phrase of 2–8 characters; the first item without the generic words a verb
        left in front of it ("加快前沿新兴氢能" → 氢能)."""
        item = [w for w in words if s <= w.start_char and w.end_char <= e]
        trimmed = False
        while (
            first and len(item) > 1 and item[0].text in self.generic and len(item[0].text) >= 2
            and (e - item[0].start_char > 4 or trimmed) and e - item[1].start_char >= 2
        ):
            item, trimmed = item[1:], True
        if first:
            # "聚力突破|机器人", "继续加强|交通": the first item starts after the last verb
            # glued in front of it (生物制造 keeps its own last word)
            cut = [
                k for k, w in enumerate(item[:-1])
                if (w.label_ in ("v", "vn", "vd") or w.text in self.boundary or self._has_boundary(w.text)
                    or len(w.text) >= 4 and w.text[-2:] in self.boundary)
                and w.text not in _NOMINAL_VERBS
            ]
            if cut and e - item[cut[-1] + 1].start_char >= 2:
                item = item[cut[-1] + 1 :]
        if not item:
            return None
        s = item[0].start_char
        t = text[s:e]
        if not (2 <= e - s <= 8) or "的" in t or t in self.generic or t in self.heads and self.heads[t].type != "Sector":
            return None
        while len(item) > 1 and item[0].label_ in ("v", "vd", "d", "ad") and e - item[1].start_char >= 2:
            item = item[1:]  # "聚力突破|机器人": a verb glued in front of the first item
        s = item[0].start_char
        t = text[s:e]
        if any(
            w.label_ in ("v", "vd") and w is not item[-1] or w is item[-1] and w.label_ in ("v", "vd", "vn") and w.text not in _INDUSTRY_VERBS
            for w in item
        ):
            return None  # "数实融合", "动能培育": a deed, not an industry (生物制造 is one)
        if "产业" in t or self._gazetteer.lookup(t) or len(t) < 2:
            return None  # "全产业链深加工"; "京津冀": a region
        if item[0].label_ in _LEADING_VERB_TAGS or not self._word_ok(item[0]) or any(
            w.label_ in ("m", "r", "u", "uj", "p", "c", "x", "q", "bk") or any(c in _PUNCT for c in w.text) for w in item
        ):
            return None
        return s

    def _branded(self, words: list[Span]) -> bool:
        """A trade word after a coined name (新硅科技, 富芯半导体): the name is no single
        dictionary word, as in 生物医药 or 新能源汽车."""
        if len(words) < 2 or words[-1].text not in _COMPANY_ENDINGS:
            return False
        rest = words[:-1]
        if sum(len(w.text) for w in rest) < 2 or any(w.label_ in ("v", "vn", "m", "q", "x") for w in rest):
            return False
        return len(rest) > 1 or rest[0].kb_id_ == "rare" or rest[0].label_ in PROPER_TAGS

    def _extend_paren(self, text: str, end: int) -> int:
        """Keep a place in brackets that belongs to the name: 香港中文大学(深圳)."""
        m = _PAREN.match(text, end)
        if m:
            inner = m.group()[1:-1]
            if self._gazetteer.lookup(inner):
                return m.end()
        return end

    def _counted_list(self, text: str, words: list[Span], pos: int, head: Head):
        """"A、B两大片区": B is the run of name words before the count, A before it."""
        run = [w for w in words if w.end_char <= pos]
        s = pos
        for w in reversed(run):
            if not self._word_ok(w) or pos - w.start_char > 8:
                break
            s = w.start_char
        s = self._trim_left(text, words, s, pos)
        if pos - s < 2 or s == 0 or text[s - 1] != "、":
            return []
        return [(s, pos, head.label, "enum"), *self._enumerated(text, words, s, head)]

    def _enumerated(self, text: str, words: list[Span], start: int, head: Head, mod_len: int = -1):
        """Items before a shared head: "水贝、金岭社区" → 水贝; "A、B两大片区" → A. A
        one-character head (山, 河, 园) is shared by no list: "稻米、肉牛、长白山…" are no hills.
        A road or water item as long as the modifier of the name after it (``mod_len``) shares
        its head and is no name alone (宁禾、铜溪高速: _SHARED_HEAD_SUBTYPES)."""
        out = []
        if len(head.suffix) < 2 or _PHASE.match(head.suffix):
            return out  # "甲科技、乙二期": a phase is no head the items share
        if head.type == "Programme" and head.suffix.endswith("工程"):
            return out  # "青禾、云溪输变电工程": 青禾 is the works cut before the head both share
        pos = start
        idx = {w.end_char: i for i, w in enumerate(words)}
        while pos > 1 and text[pos - 1] == "、":
            i = idx.get(pos - 1)
            if i is None or not self._word_ok(words[i]):
                break
            if words[i].label_ == "f" and words[i].text in _LOCATIVE_TAILS:
                break  # "青禾湖周边、云溪铁路周边等片区": the area around a thing, no name
            e = words[i].end_char
            s = words[i].start_char
            k = i - 1
            while k >= 0 and self._word_ok(words[k]) and e - words[k].start_char <= 6:
                s = words[k].start_char
                k -= 1
            s = self._trim_left(text, words, s, e)
            if e - s < 2 or self.head_ending_at(text, e, s + 1):
                break  # an item with its own head word is its own name
            if s >= 1 and text[s - 1] in _ROUTE_MARKS:
                break  # "甲至乙支线、丙至丁铁路": an item cut at 至 is the end of a route, no name
            if e - s == mod_len or mod_len > 0 and _coded_pair(text[s:e], text[start : start + mod_len]):
                break  # "宁禾、铜溪高速": 宁禾 alone is 宁禾高速 cut before the head both share
            out.append((s, e, head.label, "enum"))
            pos = s
        return out


def load_list_cues() -> dict[str, tuple[str, ...]]:
    """Cue words of the list rule by kind (data/list_cues.tsv)."""
    cues: dict[str, list[str]] = {}
    for line in _data_lines("list_cues.tsv"):
        kind, word = line.split("\t")[:2]
        cues.setdefault(kind, []).append(word)
    return {k: tuple(v) for k, v in cues.items()}


_LIST_CUES = load_list_cues()
_CAMPAIGN_PREFIXES = frozenset(_LIST_CUES.get("campaign_prefix", ()))
# what after the division makes it a modifier of another noun, not a campaign's place
_CAMPAIGN_NOT_AFTER = ("省", "市", "区", "县", "州", "特色", "式", "人", "企业")
_CAMPAIGN_LEADS = ("建设", "打造", "推进", "创建", "推动", "深化")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
# What may stand between 等 and the category of a list: a count, a batch, an amount
# ("等一批", "等3个", "等50亿元以上").
_CATEGORY_LEAD = re.compile(
    r"(?:" + "|".join(map(re.escape, _LIST_CUES["batch"])) + r"|[0-9０-９.]+(?:亿元|万元|亿|万)?(?:以上|左右)?"
    r"|[一二三四五六七八九十两百千]+(?:个|项|家|大|批|类))+"
)
# A modifier of 3–8 characters before a category ("战略性新兴|产业", "生物医药|项目").
_CATEGORY_MODIFIED = re.compile(
    r"([\u4e00-\u9fff]{3,8}?)(产业集群|产业链|产业|重点项目|重大项目|项目|企业)"
)
# A count closing a list in place of 等 ("甲、乙3个千亿级…").
_COUNT_CLOSER = re.compile(r"(?<=[\u4e00-\u9fff])(?:[0-9]+|[一二三四五六七八九十两]+)[个大类](?=[\u4e00-\u9fff])")
# Verbs that end the name of an industry (生物制造, 游艇修造, 粮油加工).
_INDUSTRY_VERBS = frozenset(_LIST_CUES["industry_verb"])
_MODIFIER_TAGS = frozenset({"n", "nz", "nt", "b", "a", "j", "an", "ns", "m", "q", "t", "l"})
# A relative clause before a project or company category ("突破…难题的|重点项目").
_CATEGORY_CLAUSE = re.compile(r"[^，,。；;：:、等的]{2,24}的(重点项目|重大项目|项目|企业)")
# A sector word that modifies a noun after it (产业基地, 产业政策): no category of industries.
_NOT_INDUSTRY_AFTER = _LIST_CUES["not_industry_after"]

# The rest of a list of projects after one item: more items, then "等[一批…]项目".
_PROJECT_LIST_TAIL = re.compile(
    r"(?:、[^，,。；;：:、“”]{1,14})*(?:和[^，,。；;：:、“”]{1,14})?等(?:(?!平台|工程|基地|中心)(?:“[^“”，,。]{1,8}”|[^，,。；;：:“”、])){0,20}?项目"
)
# An item that is a project, not the company it is named by: a phase, a bracket, a
# project word, or a company name + the kind of plant it builds ("甲润光伏", "乙能风电").
_AMOUNT_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿]+(?:吨|台|套|件|辆|千瓦|兆瓦|平方米|立方米)$")
# The last word of a company name (甲能重工, 乙变电工): the trade it names itself after.
_COMPANY_ENDINGS = frozenset(
    "科技 电子 电工 电气 重工 集团 股份 实业 化工 药业 医药 制药 新材 材料 能源 物流 智能 生物 纺织 机械 "
    "汽车 钢铁 铜业 铝业 矿业 食品 农业 米业 光电 半导体 微电子".split()
)
_PHASED = re.compile(r"(?:[一二三四五六七八九十0-9]+期|[（(][^）)]*[）)]|项目|工程|基地|中心|光伏|风电|储能|电站|水电|核电|气电|煤电|环线|大道|隧道|枢纽|水库|[园港站场馆城村路桥线])$")
# The kind of works a project list names (铁路项目, 水利项目): items are routes and sites.
_WORKS_PROJECT = re.compile("|".join(map(re.escape, _LIST_CUES["works_project"])))


_COUNT_BEFORE = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十百千两]+)(?:个|项|批|座|处|条|类)$")
_COUNT_AFTER = re.compile(r"(?:[0-9０-９.．]+|[一二三四五六七八九十百千万两]+)(?:个|项|座|处|条|公里|千米|米|万?平方米|亩|所|家)")


def _counted(text: str, start: int, end: int) -> bool:
    """"建成农村公路安防工程1113.5公里", "实施12个城市更新工程": a phrase the report counts
    is a kind of works, not one named programme."""
    return bool(_COUNT_BEFORE.search(text, max(0, start - 6), start) or _COUNT_AFTER.match(text, end))


_KIND_COUNT_BEFORE = re.compile(
    r"(?:[0-9０-９]+|[一二三四五六七八九十百千万两]+)(?:多|余)?(?:个|座|处|所|家|批)(?:新|省级|市级|区级|县级)?$"
)
_KIND_COUNT_AFTER = re.compile(
    r"(?:[（(][^()（）]{1,12}[)）])?(?:[0-9０-９.．]+|[一二三四五六七八九十百千万两]+)(?:个|座|处|所|家)"
)
_WORKS_HEADS = ("项目", "工程")


def _counted_kind(text: str, words: list[Span], start: int, end: int, head: Head) -> bool:
    """"建成儿童友好医院3个", "谋划12个…先导工程", "新增一批村级养老服务中心": what the report
    counts is a kind of things, not one named thing (GUIDELINES §5: "公园5个" is generic).
    Items of a list that share a count ("甲三期、乙三期2个百亿级项目") stay names;
    campaigns and packages counted by 项 ("10项…行动") are named sets, not kinds."""
    if head.type in ("Sector", "-") or head.subtype in ("admin", "admin_short"):
        return False
    before = text[max(0, start - 8) : start]
    m = _KIND_COUNT_BEFORE.search(before)
    if m is None and head.suffix.endswith(_WORKS_HEADS):
        m = re.search(r"(?:[0-9０-９]+|[一二三四五六七八九十百千万两]+)项$", before)
    if m is not None:
        # the count may belong to a longer phrase the name only modifies (12个青禾经济带先导工程)
        nxt = next((w for w in words if w.start_char == end), None)
        return nxt is None or nxt.label_ not in ("n", "nz", "vn", "ng") or nxt.text in ("建设",)
    m = _KIND_COUNT_AFTER.match(text, end)
    if m is None:
        return False
    listed = start > 0 and text[start - 1] == "、"
    shared = m.end() < len(text) and text[m.end()] not in "，,。；;、）)以左"
    return not (listed and shared)


def _is_quote(w: Span) -> bool:
    """A quoted term (“…”), not one of jieba's measure words, which share the tag q (桩, 杯)."""
    return w.label_ == "q" and w.text[:1] in OPEN_QUOTES


def _noun_goes_on(nxt: Span, heads: dict[str, Head]) -> bool:
    """Does the noun phrase go on after a head word (战略 + 通道)? Not when the next word
    is itself a head (工程 + 项目), a suffix-like word or a function word."""
    t = nxt.text
    return (
        len(t) >= 2
        and nxt.label_ in ("n", "nz", "ng", "v", "vn", "b")
        and not any(t.endswith(h) for h in _HEAD_TAILS)
    )


_ATTRIBUTES = ("增加值", "营收", "产值", "总产值", "规模", "收入", "发展", "占比", "比重", "增速", "营业收入", "增长")
"""Measures and attributes said of a named thing (文化产业增加值): the name ends before them."""
_MODIFYING_HEADS = frozenset({"战略", "运动", "引水"})
_CITY_WORDS = frozenset({"城市", "城区"})
"""A head word before 城市 or 城区 modifies it: "国际消费中心城市", "试点城市" (a title a city
holds, GUIDELINES §5 designations), "中心城区" (the central districts)."""
"""Head words that also modify a noun after them (战略通道, 运动高地)."""
_HEAD_TAILS = ("项目", "工程", "平台", "行动", "体系", "机制", "基金", "政策", "制度", "试点", "方案")
_SHARED_HEAD_SUBTYPES = frozenset({"transport", "water"})
"""Kinds of place whose name is no name without its head word: a road, line or reservoir
printed before a head the list shares (宁禾、铜溪高速; 甲、乙水库) is cut before it, no name.
An area, community or block (水贝、金岭社区) and a brand (甲通、乙办平台) are named by the
item alone."""
_SPONSOR_HEADS = frozenset({"基金"})
"""Programme heads that open a longer name as its sponsor (社保基金|长三角…投资基金): the
name goes on past them (CandidateFinder._closes_programme_before_place)."""
_DIVISION_CHARS = frozenset("省市县区州盟旗镇乡村")
"""One-character division words a name opens with on their own (市|第一中学, 县|医院)."""
_EDGE_CHARS = frozenset("沿之对")
"""One-character words that, before a name's lone first character, make a word with it
(沿|黄, 对|俄, 钢之|泰): the name is cut, no name."""
_ROUTE_MARKS = "至经"
_NO_ROUTE_AFTER = ("经开", "经济", "经营", "经贸", "至今")
"""Words that open with a route mark but mark no route (青禾经开区 split 青禾|经|开区)."""
_POINT_TRANSPORT = ("机场", "站", "港", "港区", "口岸", "枢纽", "码头", "桥", "隧道", "互通", "服务区")
"""Transport heads of a point, not a line: no route from a place to a place ends with them."""
"""Marks inside a route's name: 甲至乙, 甲经乙至丙 (CandidateFinder._extend_route)."""
_ROUTE_END_TAGS = frozenset({"n", "ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
"""jieba tags of a word that may be a route's end (a noun, a place): no verb (增至, 提高至)."""
_COUNT_OPENERS = frozenset("个年月日号时第")
"""Number-tagged characters that stand before a name on their own (11个|青禾镇, 2023年|青禾行动, 5月1日|青禾公园)."""
_NUMERALS = frozenset("一二三四五六七八九十百千万两")
"""Chinese numerals: a name opening with one after another is a number jieba split (二|十国集团)."""
_OWN_PRONOUNS = frozenset("本我")
"""Pronoun characters that stand before a name on their own (本|市, 我|省)."""
_GOVERNING_TAGS = frozenset({"v", "vn", "vd", "p", "d", "ad", "x", "w"})
"""Tags of a word that governs an adjective after it (做|强, 用|好, 建设|新…): the name after
the adjective is whole."""
_FRAGMENT_STOPS = frozenset("的在和与及对把将向从为以是有于被让使给按由并或等也都又再更最很均各每该此这那其共已正仍还新老大小多全总首副原前后上下内外中第次个项家所座批条类年月日沿至到往赴距离临近经如要建做走树兴强优美供搞筑")
"""Single characters that stand before a name on their own (在|青禾, 新|青禾路, 首|青禾杯) or
act on it (要|实行, 建|主城区绿道, 做|强…): never a fragment of the name after them
(CandidateFinder._regain_fragment); boundary words (好, 获, 共) neither."""
_KIND_SUFFIXES = ("性", "型", "库")
"""Characters that, glued after a head word, make a new word of it (项目库, 平台型): the head
closes no name there (a river's 库区, its reservoir area, leaves the river named). 化 after a longer head (…片区|化建设) is left: tried, it turned a listed
division into a place and cost province-hainan-2026 a relation (0.678 -> 0.669)."""
_PILOT_TAILS = frozenset({"试点"})
"""Head words that, right after the head of a policy, programme or area, make the pilot of
that thing the name (…价值实现机制|试点, …项目|试点, …示范区|试点): the name ends after them.
A park, river or building before 试点 (…国家湿地公园|试点) stays the name: the pilot is a
designation it received."""


_YEAR_ALONE = re.compile(r"(?:19|20)[0-9]{2}年?")
"""A year alone before 行动 (整治|2023行动) names no programme; a code does (323攻坚行动)."""
_ROAD_CODE = re.compile(r"[GS][0-9]{1,4}")
_CODED_ROAD_OPENING = re.compile(r"原?(?:[GSX][0-9]{1,4}|(?:国道|省道|县道)[0-9]{0,4}线?|[0-9]{2,4}(?:国道|省道|县道))")
"""A numbered road opening a text (G530…, 国道207…, 318国道…): before 至 it names a stretch."""
"""A national or provincial road's number printed before its name (G5, S11)."""
def _coded_pair(bare: str, other: str) -> bool:
    """"G5青禾、G42云溪高速": two coded roads whose codes differ in length but whose names do
    not; the bare one shares the other's head."""
    a, b = _ROAD_CODE.match(bare), _ROAD_CODE.match(other)
    return bool(a and b and len(bare) - a.end() == len(other) - b.end() >= 2)


_EDITION_WORD = re.compile(r"[一二三四五六七八九十]{1,3}届")
"""An edition without 第 (十四届|人大二次会议): part of the meeting's name."""
_ORDINAL_WORD = re.compile(r"第[一二三四五六七八九十]{1,3}")
"""An ordinal jieba keeps as one word (市|第一|医院): part of a numbered institution's name."""
_JOINING_WORDS = frozenset({"共和", "和平", "和谐", "和美", "普及", "及时", "和睦"})
"""Words holding 和/与/及 that join nothing (共和国, 和平, 普及)."""
_HOST_PARTNER = re.compile(r"([一-鿿]{2,4})[（(]([一-鿿]{2,6})[）)]")
"""A host and its partner in brackets before a joint park's name (中国（青禾）…产业园)."""
_LOCATIVE_TAILS = frozenset({"周边", "沿线", "两岸", "两侧", "沿岸", "周围", "附近"})
"""Words placing an area around a thing (湖周边, 铁路沿线): an item they close is no name."""
_RING_STUBS = ("绕城",)
"""A ring road's word that needs the road's head after it (绕城高速): never a whole name."""
_JOINED_EDITION = re.compile(r"[及和与暨](?=第[0-9一二三四五六七八九十百]+[届个次期])")
"""A conjunction before an edition (“青禾”及|第26个…月活动): two names joined, the second starts at 第."""
_EDITION_OPENING = re.compile(r"第[0-9一二三四五六七八九十百]+[届次]")
"""An event's edition (第三届, 第5次): a name it opens is the event's, never a place's."""
_CARRYING_VERBS = frozenset(
    {"实施", "开展", "启动", "出台", "制定", "落实", "执行", "推行", "印发", "贯彻", "深入实施", "深入开展",
     "全面实施", "启动实施", "制定实施", "出台实施", "组织实施", "贯彻落实", "完善", "健全"}
)
"""Verbs whose object is a programme or a policy (实施X行动, 出台X条例)."""
_NAME_OPENING_VERBS = frozenset(
    {"优化", "促进", "支持", "提升", "推动", "保护", "加强", "鼓励", "提振", "扩大", "稳定", "加快", "服务", "振兴",
     "规范", "整治", "清理", "打击", "降低", "化解", "学习", "激励", "扶持"}
)
"""Verbs that open a programme's or a policy's printed name right after a carrying verb
(实施优化营商环境条例, 出台支持民营经济发展若干措施)."""
_QUOTED_SLOGAN = re.compile(
    r"[一-鿿]{2,3}(?:标准|品牌|原创|样板|经验|方案|速度|效率|精品|名片|温度)"
)
"""Quoted terms that label a place's products or practice (“上海标准”, “龙江样板”):
slogans, not programmes (GUIDELINES §5)."""
_KIND_HEADS = frozenset({"项目", "平台", "基金", "中心"})
"""Programme heads that close kinds as often as names (城市更新项目, 电商平台): they need a
proper word, not a compound of ordinary words; campaigns (城市更新行动) do not."""
_SECTOR_RANKS = frozenset({"主导", "新兴", "支柱", "优势", "传统", "首位", "重点"})
"""What an industry is to a place (石油化工主导产业): not part of the industry's name."""
_NAME_VERBS = frozenset({"发展", "融合", "合作", "创新", "协同"})
"""Verbal nouns that sit inside names ("深港融合发展交流中心") though they also act."""
_INSTITUTION_SUBTYPES = frozenset({"building", "education", "health", "research", "other"})
_COMPOUND_HEADS = frozenset(
    {"片区", "重点片区", "生态连廊", "连廊", "天桥", "绿道", "碧道", "地块", "通道", "廊道", "区域"}
)
_WATER_TRANSFER = re.compile(r"引[一-鿿]{1,2}[济补入][一-鿿]")
"""A water transfer works named 引X济Y, 引X补Y, 引X入Y (引江济淮): 引 opens the name."""
_MARKED_NAME_HEADS = frozenset({"模式", "新模式"})
"""Heads whose modifier must be marked as a name (quoted, lettered, a known division):
see CandidateFinder._marked_name."""
_LONE_MORPHEME_TAGS = frozenset({"j", "zg", "ng", "tg", "vg", "ag", "dg", "rg", "ns", "nr", "nz"})
_EVENT_HEADS = frozenset({"活动", "专场", "节", "文化节", "系列活动"})
_ROAD_SECTION = re.compile(r"[^，。、；,;和及与等]{1,8}段[^，。、；,;和及与等段]{0,8}")
"""The section of a road a works name opens with ("吉安段改扩建", "大三亚段扩容")."""
_GLUED_TAILS = frozenset({"建设", "进度"})
_ACTING_VERBS = frozenset({"加快", "推动", "实施", "开展", "启动", "完成", "举行", "召开", "举办", "参加", "出席"})
"""Verbs that act on a works or an event (加快|工程, 举行|会议), never its topic: unlike 提升,
培育, 推进 (提升行动, 教育强国推进工程) they make no nominalised name with the head after
them; no verb does before a works being built (有效推进|工程|建设)."""
"""Stages of work jieba glues to the head before them (工程建设, 工程进度)."""
_CARRIERS = frozenset(
    {"平台", "系统", "品牌", "改革", "试点", "改革试点", "审批", "服务", "效能", "政策", "专场"}
)


_CONTAINERS = frozenset({"街道", "片区", "镇", "乡", "号线", "高铁", "新区", "开发区", "国道", "省道"})
_CONTAINED = frozenset({"community", "area", "transport", "building", "green", "water"})
_CONTAINED_SUBTYPES = _CONTAINED
STRUCTURES = ("桥", "隧道", "互通", "立交", "枢纽", "船闸")
"""Structures on a road or river that works named after the road are done on (…国道某大桥危桥改造)."""
_ROADS = ("国道", "省道", "县道", "高速", "高速公路", "公路")
"""Roads a bridge, tunnel or interchange named right after them carries (原207国道 + 青禾大桥)."""
_ON_ROADS = ("大桥", "特大桥", "隧道", "互通", "立交", "收费站")
"""Structures that are part of the road named right before them."""


def load_categories() -> dict[str, str]:
    rows = {}
    for line in _data_lines("categories.tsv"):
        cat, label = line.split("\t")[:2]
        rows[cat] = label
    return rows


def load_generic_modifiers() -> frozenset[str]:
    words: set[str] = set()
    for line in _data_lines("generic_modifiers.txt"):
        words.update(line.split())
    return frozenset(words)


def _quoted_name(inner: str) -> bool:
    """A quoted term short enough to be a name and not a clause."""
    return 2 <= len(inner) <= 12 and not re.search(r"[，,。；;！？!?]", inner)


# --------------------------------------------------------------------------- kg_patterns


@Language.factory("kg_patterns")
def make_patterns(nlp: Language, name: str) -> PatternFinder:
    return PatternFinder(user_dirs())


def _labelled_spans(doc: Doc, found: Iterable[tuple[int, int, str, str]], prefer: frozenset[str] = frozenset()) -> list[Span]:
    """Spans for (start, end, label, rule id) rows, each (start, end, label) once, with the
    strongest rule that found it (a body's short name over a list item; a rule in ``prefer``
    over another of its family)."""
    best: dict[tuple[int, int, str], str] = {}
    order: list[tuple[int, int, str]] = []
    for s, e, label, rule in found:
        if e <= s:
            continue
        key = (s, e, label)
        if key not in best:
            order.append(key)
            best[key] = rule
        elif RULE_RANK.get(rule_family(rule), 0) > RULE_RANK.get(rule_family(best[key]), 0):
            best[key] = rule
        elif rule in prefer and rule_family(rule) == rule_family(best[key]):
            best[key] = rule
    spans = []
    for s, e, label in order:
        span = doc.char_span(s, e, label=label, span_id=best[(s, e, label)])
        if span is not None:
            spans.append(span)
    return spans


_DIVISION_WORDS = ("省", "市", "区", "县", "州", "旗", "盟")


def _proper_name_word(w: Span) -> bool:
    return (
        len(w.text) >= 2
        and (w.label_ in ("ns", "nr", "nz") or w.kb_id_ == "rare")
        and not w.text.isascii()
        and w.text[0] not in _FUNCTION_CHARS
    )


_FUNCTION_CHARS = frozenset("和与及等的在并对向从把被将、")


_NOMINAL_TAGS = frozenset({"n", "nz", "ns", "nr", "nt", "nrt", "j", "vn", "an", "a", "l", "ng", "q", "b"})
_NOMINAL_MAX = 12
_ARTICLES_TAIL = re.compile(r"“?新?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})条”?$")
"""A measure package's count of articles at the end of its name (…“16条”, …十条)."""
_TOPIC_MAX = 6
"""The longest object a short verb opens a package's topic with (助力|中小微企业“28条”: 5)."""
_VERB_LIKE_TAGS = frozenset({"v", "a", "ad", "d", "vd"})
"""Tags under which a boundary word acts (落实/a, 加强/v): a noun run (_nominal_runs) stops there;
a boundary word tagged a noun (发展/vn, 建设/vn) may stand inside a topic (经济稳健发展“16条”)."""


def _nominal_runs(words: list[Span], boundary: frozenset[str]) -> dict[int, int]:
    """End → start of the run of noun-like words ending there ("经济稳健发展" before “16条”),
    at most ``_NOMINAL_MAX`` characters, never opening with a verb, an adjective or a
    boundary word (出台, 落实)."""
    out: dict[int, int] = {}
    for i in range(len(words)):
        end = words[i].end_char
        j = i
        while (
            j >= 0
            and (words[j].label_ in _NOMINAL_TAGS or words[j].kb_id_ == "rare")
            and end - words[j].start_char <= _NOMINAL_MAX
            and (j == i or words[j].end_char == words[j + 1].start_char)
            and not (j < i and words[j].text in boundary and words[j].label_ in _VERB_LIKE_TAGS)
        ):
            j -= 1  # a boundary verb jieba tagged an adjective (精准|落实/a|民营经济“31条”) ends the run
        k = j + 1
        while k <= i and (words[k].text in boundary or words[k].label_ in ("a", "ad", "q") and k < i):
            k += 1
        if k <= i:
            out[end] = words[k].start_char
    return out


def _names_ending_at(doc: Doc, boundary: frozenset[str] = frozenset()) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """End → start of the division names (gazetteer, or a proper word + 市/区/县…), of
    the proper names and of the noun-like runs of ``doc``'s words."""
    admin = {s.end_char: s.start_char for s in doc.spans.get("kg_gazetteer", []) if s.label_ == "admin"}
    proper: dict[int, int] = {}
    words = doc_words(doc)
    nominal = _nominal_runs(words, boundary)
    for i, w in enumerate(words):
        if _proper_name_word(w):
            proper.setdefault(w.end_char, w.start_char)
            if w.text.endswith(_DIVISION_WORDS) and len(w.text) >= 3:
                admin.setdefault(w.end_char, w.start_char)
        if w.text in _DIVISION_WORDS and i > 0 and words[i - 1].end_char == w.start_char and _proper_name_word(words[i - 1]):
            admin.setdefault(w.end_char, words[i - 1].start_char)
    return admin, proper, nominal


_QUOTED_WORD = re.compile(r"“[^“”]{2,}”")


class PatternFinder(_PerSentence):
    """Names found by the data-driven patterns (:mod:`kg.loaders.patterns`)."""

    GROUPS = ("kg_patterns",)

    def __init__(self, extra_dirs: tuple[str, ...] = ()) -> None:
        self.set = load_patterns(tuple(extra_dirs))
        self.prefilter = Prefilter(self.set.finders)
        self.rank = {p.rule: p.rank for p in self.set.patterns}
        self.fixed = frozenset(p.rule for p in self.set.patterns if p.fixed)
        self.boundary = load_boundary_words()

    def _sentence(self, doc: Sentence) -> Sentence:
        text = doc_text(doc)
        # only the patterns whose needed literals occur (one automaton over the text),
        # in their order: the others cannot match, so find() gives the same list
        finders = self.prefilter(text)
        if not any(p.regex.search(text) for p in finders):
            # no pattern matches anywhere (nine sentences in ten): find() would return
            # nothing, without the word boundaries and name ends it reads
            doc.spans["kg_patterns"] = []
            return doc
        words = doc_words(doc)
        starts = {w.start_char for w in words}
        ends = {w.end_char for w in words}
        # a quoted term is one word (“路长制”); a name may also fill its quotes exactly
        starts |= {w.start_char + 1 for w in words if _QUOTED_WORD.fullmatch(w.text)}
        ends |= {w.end_char - 1 for w in words if _QUOTED_WORD.fullmatch(w.text)}
        admin, proper, nominal = _names_ending_at(doc, self.boundary)
        tags = {w.end_char: w.label_ for w in words}
        found = find(finders, text, starts, ends, admin, proper, nominal, tags)
        doc.spans["kg_patterns"] = _labelled_spans(doc, found, self.fixed)
        return doc


# --------------------------------------------------------------------------- kg_lexicon


@Language.factory("kg_lexicon")
def make_lexicon(nlp: Language, name: str) -> Lexicon:
    return Lexicon()


def load_corpus_sectors() -> tuple[str, ...]:
    """Sector names recurring as list items across the bulk reports (``scripts/corpus_stats.py``)."""
    return tuple(line.split("\t")[0] for line in _data_lines("corpus_sectors.tsv"))


def load_corpus_quoted() -> dict[str, str]:
    """Quoted terms used as names across the bulk reports → their type."""
    return {c[0]: c[1] for c in (line.split("\t") for line in _data_lines("corpus_quoted.tsv"))}


_INDUSTRY_AFTER = re.compile(r"[^。；;]{0,40}?(?:产业|行业|赛道|制造业|服务业|产业链|集群|引擎|新动能|领域)")
_LIST_MARKS = "、，,：:"
_LIST_ENDS = "、等和及与，,。；;"
_QUOTE_ALONE = "，,。、；;和等与及）)的为0123456789"
_FOOTNOTE_AFTER = re.compile(r"(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|［\d{1,3}］|\[\d{1,3}\])")
"""A footnote mark printed after a quoted term (“四好农村路”㉖, “两重”［16］): the term
stands alone when what follows the mark would let it."""
_QUOTE_FRAMES = ("工作", "建设", "高质量发展")
_SECTOR_AFTER_CATEGORY = ("项目", "产业", "企业", "领域")
"""Words after a quoted name that frame it rather than extend it (“双拥”工作, “一带一路”建设)."""


class Lexicon:
    """Names the bulk corpus vouches for, found through one Aho-Corasick automaton over each
    sentence's tokens (what spaCy's ``PhraseMatcher`` over the Doc found: every occurrence,
    overlapping ones too, of a listed term's characters, white space skipped): sector items
    listed in an enumeration (``lexicon:corpus_sectors``) and quoted terms standing alone
    (``lexicon:corpus_quoted``)."""

    GROUPS = ("kg_lexicon",)
    _SECTOR, _QUOTED = 0, 1
    _GAP = "\x00"
    """A white-space token in a sentence's tokens (no listed term holds one: it breaks a match)."""

    def __init__(self) -> None:
        import ahocorasick

        self.sectors = load_corpus_sectors()
        self.quoted = load_corpus_quoted()
        by_term: dict[str, list[tuple[int, int]]] = {}
        for kind, terms in ((self._SECTOR, self.sectors), (self._QUOTED, [f"“{t}”" for t in self.quoted])):
            for t in terms:
                tokens = "".join(w for w in _chars_and_spaces(t)[0] if not w.isspace())
                if tokens and (kind, len(tokens)) not in by_term.setdefault(tokens, []):
                    by_term[tokens].append((kind, len(tokens)))
        self._auto = ahocorasick.Automaton()
        for tokens, kinds in by_term.items():
            self._auto.add_word(tokens, tuple(kinds))
        self._auto.make_automaton()

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(kind, start, end) of every listed term in ``text``, ordered as the
        ``PhraseMatcher`` orders its matches (start, end, kind): the tokens are the
        characters, or spaCy's tokens when the text holds white space (:func:`_chars_and_spaces`)."""
        if _SPACE.search(text) is None:
            at = None
            tokens = text
        else:
            words, spaces = _chars_and_spaces(text)
            at, pos = [], 0
            for w, sp in zip(words, spaces):
                at.append(pos)
                pos += len(w) + sp
            tokens = "".join(self._GAP if w.isspace() else w for w in words)
        found = []
        for last, kinds in self._auto.iter(tokens):
            for kind, n in kinds:
                a = last + 1 - n
                if at is None:
                    found.append((kind, a, last + 1))
                else:
                    found.append((kind, at[a], at[last] + 1))
        found.sort(key=lambda m: (m[1], m[2], m[0]))
        return found

    def run(self, views: list[Sentence]) -> None:
        for v in views:
            self._sentence(v, self._matches(doc_text(v)))

    def __call__(self, doc: Doc) -> Doc:
        self.run(sentences(doc))
        return _per_sentence(doc, lambda v: None, self.GROUPS)

    def _sentence(self, doc: Sentence, found: list[tuple[int, int, int]]) -> Sentence:
        """``found``: the matcher's matches inside the sentence, as character offsets."""
        if not found:  # no listed term in the sentence (most): no name
            doc.spans["kg_lexicon"] = []
            return doc
        text = doc_text(doc)
        spans = []
        matches = sorted(found, key=lambda m: (m[1], m[2]))
        items = self._listed_sectors(text, [(a, b) for m, a, b in matches if m == self._SECTOR])
        for match_id, s, e in matches:
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            if match_id == self._SECTOR:
                if (s, e) not in items:
                    continue
                label, rule = "Sector", "lexicon:corpus_sectors"
            else:
                at = mark.end() if (mark := _FOOTNOTE_AFTER.match(text, e)) is not None else e
                after = text[at] if at < len(text) else ""
                if after and after not in _QUOTE_ALONE and not text.startswith(_QUOTE_FRAMES, at):
                    continue  # “X”工程: the longer name is the name
                # tokens skip white space, so "“工 业X”" matches the entry "工业X"
                label = self.quoted.get("".join(text[s + 1 : e - 1].split()))
                if label is None:
                    continue
                rule = "lexicon:corpus_quoted"
            span = doc.char_span(s, e, label=label, span_id=rule)
            if span is not None:
                spans.append(span)
        doc.spans["kg_lexicon"] = spans
        return doc

    @staticmethod
    def _listed_sectors(text: str, found: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The corpus sectors that stand as a whole item of an enumeration typed as
        industries: closed by an industry word (“A、B等未来产业”), or next to another
        corpus sector in the same list (“高端装备、新材料等专项政策”: list-mates vouch for
        each other), or the category right after 等 (“…三期、…等新材料项目”)."""
        whole = set()
        for s, e in found:
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            if before == "等" and (after in _LIST_ENDS or text.startswith(_SECTOR_AFTER_CATEGORY, e)):
                whole.add((s, e))
            elif (before == "、" or after in "、等") and before in _LIST_MARKS and after in _LIST_ENDS:
                whole.add((s, e))  # the whole item of the list, not a piece of a longer one (智能机器人)
        # a first item may have a verb glued in front (出台高端装备); two-character items
        # (文化、旅游、体育) are too broad to vouch or be vouched for
        ends = {e for s, e in found if e - s >= 3}
        starts = {s for s, e in whole if e - s >= 3}
        out = set()
        for s, e in whole:
            if text[s - 1 : s] == "等" and e - s >= 3 or _INDUSTRY_AFTER.match(text, e):
                out.add((s, e))
            elif e - s >= 3 and (text[s - 1 : s] == "、" and s - 1 in ends or text[e : e + 1] == "、" and e + 1 in starts):
                out.add((s, e))  # "文化、旅游、体育等消费" has no corpus sector next to another
        return out


# --------------------------------------------------------------------------- kg_entities

RULE_RANK = {"title": 4, "body": 3, "head": 2, "enum": 1, "list": 1, "quote": 1, "gazetteer": 2}


_LEADING_VERB_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c"})
def _dictionary_word(w: str) -> bool:
    return bool(WORD_FREQ_SOURCE and WORD_FREQ_SOURCE[0].get(w, 0) > 0)


_WHOLE_TAGS = frozenset({"q", "bk", "pp", "ord"})
"""Words kept whole by ``kg_words`` (quoted terms, titles, a bracketed division, ordinals):
their inside is a word boundary for names."""
_MODIFIER_SUFFIXES = frozenset("式型化性")
"""Suffixes (jieba tag ``k``) that turn the noun before them into a modifier (集群|式培育)."""
_NOMINAL_VERBS = frozenset(
    {"就业", "创业", "养老", "托育", "救助", "扶贫", "消费", "投资", "招商", "监管", "执法", "审批", "生育", "安居",
     "康养", "育儿", "帮扶", "维修", "运输", "物流", "储能"}
)
"""Verbs jieba tags v that open programme names as nouns (就业优先战略, 消费提振行动): not
trimmed as a verb glued in front."""


_TWO_PROGRAMMES = re.compile(r"^(.{2,}(?:行动|工程|试验|试点|计划|战略|活动|项目|”)和)(?=“|.{2,}(?:行动|工程|试验|试点|计划|战略|活动|项目)$)")
"""A name that is two programmes joined by 和, the first closed by its own head word or
quote ("…改革试验和国企改革三年行动", "“数据要素×”和“人工智能+”行动")."""

_CN_NUMERALS = frozenset("一二三四五六七八九十百千万两")


def rule_family(rule: str) -> str:
    """"pattern:event.session" → "pattern"; "head" → "head"."""
    return rule.split(":", 1)[0]


_PICKED_FROM = ("kg_candidates", "kg_patterns", "kg_lexicon", "kg_gazetteer")
"""The span groups :class:`EntityPicker` picks its names from."""


@Language.factory("kg_entities")
def make_entities(nlp: Language, name: str) -> EntityPicker:
    return EntityPicker()


class EntityPicker(_PerSentence):
    """Non-overlapping names from candidates and gazetteer hits; nested ones apart."""

    GROUPS = ("kg_entities", "kg_nested")

    def __init__(self) -> None:
        self.heads = load_heads()
        self.patterns = load_patterns(user_dirs())
        self.rank = {p.rule: p.rank for p in self.patterns.patterns}
        # fixed names (深入贯彻…学习教育, 一个中国原则): nothing is cut off, no veto applies
        self._fixed = frozenset(p.rule for p in self.patterns.patterns if p.fixed)
        self.boundary = load_boundary_words()
        self._long_heads = tuple(h for h, v in self.heads.items() if len(h) >= 2 and v.type != "-")
        self._all_heads = tuple(h for h, v in self.heads.items() if v.type != "-")
        self.generic = load_generic_modifiers()
        by_len = sorted(self.heads.items(), key=lambda kv: -len(kv[0]))
        # bodies that run a branch, campus or site: schools, hospitals, universities, companies
        self._org_heads = tuple(
            h for h, v in by_len if len(h) >= 2 and v.type == "Organization" and v.subtype in ("education", "health", "company")
        )
        # the branch's own name: a school, a campus, a site
        self._own_heads = tuple(
            h for h, v in by_len if len(h) >= 2 and (
                (v.type == "Organization" and v.subtype in ("education", "health"))
                or (v.type == "Place" and v.subtype == "building")
            )
        )

    def _generic_after_trim(self, name: str) -> bool:
        """A trimmed name whose rest before its head word is a generic modifier
        (新一轮|民心工程): a kind, not a name."""
        for L in range(min(len(name) - 1, 6), 0, -1):
            h = self.heads.get(name[-L:])
            if h is not None and h.type != "-":
                return name[:-L] in self.generic
        return False

    def _named_item(self, words: list[Word], s: int, e: int, by_category: bool = False) -> bool:
        """Does a list item hold a proper word (a place, an out-of-vocabulary word, a
        quoted term, letters or digits) or end with a head word of its own?"""
        inner = [w for w in words if s <= w.start_char and w.end_char <= e]
        if (
            by_category and len(inner) == 1 and inner[0].label_ == "n" and inner[0].kb_id_ != "rare"
            and not any(inner[0].text.endswith(h) for h in self._all_heads)
        ):
            return False  # "隔膜、电解液等项目": one dictionary noun is a product, not a name
        if by_category and re.fullmatch(r"[A-Z0-9]{1,4}", "".join(w.text for w in inner)):
            return False  # "P3、GLP、GCP等关键平台": kinds of labs by their standard's letters
        if sum(w.label_ == "q" and w.text[:1] in OPEN_QUOTES for w in inner) >= 2:
            return False  # "“两重”“两新”": two slogans side by side
        if any(w.label_ in PROPER_TAGS or w.kb_id_ == "rare" or _LATIN_OR_DIGIT.search(w.text) for w in inner):
            return True
        if inner and not any(w.kb_id_ == "common" for w in inner):
            return True  # no ordinary word in it (青石巷)
        if by_category and _coined_chars(inner):
            return True  # "甲|巨|芯": a coined name the segmenter split into single characters
        return any(doc_end.endswith(h) for h in self._long_heads for doc_end in (inner[-1].text,)) if inner else False

    def _package_topic(self, text: str, words: list[Word], start: int, end: int) -> int:
        """A measure package is named by its whole topic, a verb and its object
        (稳外贸“21条”, 促消费“15条”, 扩大有效投资18条, 助力中小微企业“28条”): a short verb
        right before the object belongs to the name when a list mark, a clause start or
        a launching verb (出台, 制定实施) stands before it."""
        i = next((k for k, w in enumerate(words) if w.end_char == start), None)
        m = _ARTICLES_TAIL.search(text, start, end)
        long_object = m is not None and m.start() - start > _TOPIC_MAX
        launch = _CARRYING_VERBS | {"出台", "制定", "印发", "推出", "发布", "落实", "实施", "出台实施", "制定实施"}
        k = i
        while k is not None and k >= 0 and (i - k) < 2:
            w = words[k]
            if w.text in launch or len(w.text) > 2 or not (
                w.label_ in ("v", "vn", "a", "ad") or w.text in self.boundary
            ):
                return start
            if k < i and w.label_ == "v" and words[k + 1].label_ == "v":
                return start  # 打出|促进|民营经济…: two verbs, the first is the sentence's own
            before = words[k - 1] if k > 0 else None
            if before is not None and before.text in launch:
                return w.start_char  # 出台|促进|民营经济高质量发展“20条”: the launching verb carries the whole topic
            if before is None or before.label_ in ("x", "w"):
                # 稳|外贸, 扩大有效|投资, 助力|中小微企业; after a clause start a verb before a long
                # object is the sentence's own (修订|政府系统全面从严治党“34条”)
                return start if long_object else w.start_char
            k -= 1
        return start

    def _word_edges(
        self, text: str, words: list[Word], starts: list[int], start: int, end: int, label: str
    ) -> tuple[int, int] | None:
        """A name's edges fall between the segmenter's words (dictionary words only: a word
        jieba's HMM made up, 表党, is no evidence). A left edge strictly inside a word
        (内|陆青禾试验区: the word 内陆) moves to the word's start unless that word is a
        boundary word, a verb or a function word (then the edge stays); a vetoed longer
        form drops the candidate (``None``). A right edge one character before a word's end, or before a suffix
        that makes the name a modifier (…产业集群|式培育), moves to the word's end when the
        longer form still ends with a head word of the same type, else the candidate is
        dropped. A longer rest (工程|建设, 政协|委员, 全会|精神) is jieba joining a name to
        the next word: the edge stays. Quoted terms and titles are words whose inside is a
        boundary too."""
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            w = words[i]
            if (
                w.start_char < start < w.end_char and w.label_ not in _WHOLE_TAGS and w.text not in self.boundary
                and w.label_ not in _LEADING_VERB_TAGS and w.label_ not in BREAK_TAGS and _dictionary_word(w.text)
                and not (i > 0 and words[i - 1].label_ == "v" and text[words[i - 1].start_char : start] in self.boundary)
                and text[w.start_char] not in _OPENERS
            ):  # but 做|优生|活性服务业: the word's first part completes the verb before it (做优); 及第: a conjunction
                if self.patterns.vetoed(text[w.start_char : end]):
                    return None
                start = w.start_char
        j = bisect.bisect_left(starts, end)  # the first word starting at or after the end
        k = j - 1
        if (
            k >= 0 and words[k].start_char < end == words[k].end_char - 1 and words[k].label_ not in _WHOLE_TAGS
            and text[end] not in self.boundary and _dictionary_word(words[k].text)
        ):
            new_end = words[k].end_char
        elif j < len(words) and words[j].start_char == end and words[j].label_ == "k" and words[j].text in _MODIFIER_SUFFIXES:
            new_end = words[j].end_char
        else:
            return start, end
        longer = text[start:new_end]
        kind = label.split("/")[0]
        for n in range(min(len(longer) - 1, 6), 0, -1):
            h = self.heads.get(longer[-n:])
            if h is not None and h.type != "-":
                if h.label.split("/")[0] == kind and not self.patterns.vetoed(longer):
                    return start, new_end
                break
        return None

    def _glued_word(self, before: Word, w: Word) -> bool:
        """A word glued in front of a name that jieba did not tag as a verb: two boundary
        words run together (努力|提高, 全力|支持), a time word (目前), or one character that
        closes a boundary word begun by the word before it (做|优)."""
        t = w.text
        if w.label_ == "t" and t in self.boundary:
            return True
        if len(t) >= 3 and any(t[:k] in self.boundary and t[k:] in self.boundary for k in range(1, len(t))):
            return True
        return len(t) == 1 and before.end_char == w.start_char and (before.text[-1:] + t) in self.boundary and len(before.text) == 1

    def _after_quoted_name(self, text: str, start: int, end: int) -> int:
        """Two quoted terms run together before one head ("“X计划”“Y”行动"): when the first is
        a name by its own head word, the candidate is the second (“Y”行动). Two programmes
        joined by 和 ("…综合改革试验和国企改革三年行动", "“X”和“Y”行动"): the second."""
        name = text[start:end]
        m = _TWO_PROGRAMMES.match(name)
        if m:
            return start + m.end(1)
        cut = name.rfind("”“")
        if cut <= 0 or name[:1] not in OPEN_QUOTES:
            return start
        first = name[1:cut]
        if "”" in first or not any(first.endswith(h) for h in self._long_heads):
            return start
        return start + cut + 1

    def _water_name(self, words: list[Word], start: int, end: int) -> int:
        """A water's name ends with the river or lake word jieba knows as a place (长江, 海河,
        湘江): what stands before it belongs to a clause or a longer name (无党派人士|长江…,
        人机共融|海河实验室, 成群江豚现身|湘江), so the name starts at that word. A verb
        before a one-character head (路过|江) or a verb's water word (入河) leaves no name: -1."""
        inner = [w for w in words if start <= w.start_char and w.end_char <= end]
        if len(inner) < 2 or inner[-1].end_char != end:
            return start
        last, before = inner[-1], inner[-2]
        if len(last.text) == 1 and before.label_ == "v" or re.fullmatch(r"[入过出跨][江河湖海]", last.text):
            return -1
        prefix = inner[:-1]
        if len(last.text) >= 2 and last.label_ == "ns" and last.text[-1] in "江河湖海" and not any(
            len(w.text) == 1 or w.label_ in ("ns", "nr", "nrt", "nrfg", "nz", "j") for w in prefix
        ):
            return last.start_char  # but 唐家山|堰塞湖, 布|吉河, 羌|溪河: a name jieba split
        return start

    def _list_group(self, text: str, start: int, name: str, label: str) -> bool:
        """A programme, policy or place head right after 等 (…、…等生态建设工程, 等区域发展战略)
        is the kind a list closes with; names in quotes (等“十大工程”) stay."""
        kind = label.split("/")[0]
        if kind not in ("Programme", "Policy", "Place") or label.startswith("Place/admin"):
            return False
        if any(q in name for q in OPEN_QUOTES) or _LATIN_OR_DIGIT.search(name[:1]):
            return False
        before = text[max(0, start - 3) : start]
        return before.endswith(("等", "等一批", "等重点", "等一系列"))

    def priority(self, rule: str) -> int:
        """Candidates of a higher priority win over longer ones (titles, strong patterns)."""
        if rule == "title":
            return RULE_RANK["title"]
        r = self.rank.get(rule, 0)
        return r if r > 2 else 0

    def _sentence(self, doc: Sentence) -> Sentence:
        if not any(doc.spans.get(g) for g in _PICKED_FROM):
            # nothing to pick from (most sentences): no names, without the rules' setup
            doc.spans["kg_entities"] = []
            doc.spans["kg_nested"] = []
            return doc
        cands = []
        text = doc_text(doc)
        words = doc_words(doc)
        common_words = {w.text for w in words if w.kb_id_ == "common"}
        boundary = self.boundary
        verb_at = {
            w.start_char: w.end_char
            for w in words
            if w.label_ in _LEADING_VERB_TAGS and len(w.text) >= 2 and (w.kb_id_ == "common" or w.text in boundary)
            and w.text not in _NOMINAL_VERBS
        }
        opened: set[int] = set()
        for a, b in zip(words, words[1:]):
            if a.text in _CARRYING_VERBS and b.text in _NAME_OPENING_VERBS and a.end_char == b.start_char:
                verb_at.pop(b.start_char, None)  # 实施|降低…专项行动: the second verb opens the name
                opened.add(b.start_char)
            if b.text == "驱动" and a.end_char == b.start_char:
                verb_at.pop(a.start_char, None)  # 创新|驱动发展战略: the verb is what drives, part of the name
        for m in _WATER_TRANSFER.finditer(text):
            verb_at.pop(m.start(), None)  # 引|江济淮工程: a water transfer is named by its 引
        verb_only = {w.start_char: verb_at[w.start_char] for w in words if w.start_char in verb_at and w.label_ in ("v", "vd")}
        # (_glued_word is false for a two-character word not tagged as a time word: not asked)
        for a, b in zip(words, words[1:]):
            if (b.label_ == "t" or len(b.text) != 2) and b.start_char not in verb_at and self._glued_word(a, b):
                verb_at[b.start_char] = b.end_char
        starts = [w.start_char for w in words]
        kinds = [(k.start_char, k.end_char) for k in doc.spans.get("kg_kinds", [])]
        division_at = {g.start_char for g in doc.spans.get("kg_gazetteer", [])}
        body_at = {(b.start_char, b.end_char) for b in doc.spans.get("kg_candidates", []) if b.id_ == "body"}
        for group in ("kg_candidates", "kg_patterns"):
            for s in doc.spans.get(group, []):
                start = s.start_char + self.patterns.trimmed(s.text)
                if _designation(text, start, text[start : s.end_char]):
                    kinds.append((start, s.end_char))  # its modifiers are no names either (国家农业产业|强镇)
        for group in ("kg_candidates", "kg_patterns", "kg_lexicon"):
            for s in doc.spans.get(group, []):
                family = rule_family(s.id_)
                # 出台|促进…若干措施: the verb opening the name after its carrier is no trim's
                opens = s.start_char in opened and family in ("head", "pattern") and s.label_ in ("Programme", "Policy")
                start = s.start_char if opens else s.start_char + self.patterns.trimmed(s.text)
                if s.id_ in self._fixed:
                    cands.append((s.start_char, s.end_char, s.label_, s.id_))
                    continue
                if family in ("head", "list", "enum", "pattern"):
                    # a pattern already starts after its launching verb: only a true verb is
                    # glued there, an adverb opens the name (长期护理保险制度)
                    glued = verb_at if family != "pattern" else verb_only
                    while start in glued and s.end_char - glued[start] >= 2:
                        start = glued[start]  # 认真落实, 印发, 用于: a verb glued in front
                if s.id_.startswith("pattern:policy.articles"):
                    start = self._package_topic(text, words, start, s.end_char)
                if family in ("head", "pattern"):
                    start = self._after_quoted_name(text, start, s.end_char)
                    if s.label_ == "Programme" and "第" in s.text:
                        start = max([start, *(m.start() + 1 for m in _JOINED_EDITION.finditer(text, start, s.end_char))])
                while family == "head" and start > 0 and text[start] in _CN_NUMERALS and text[start - 1] in _CN_NUMERALS:
                    start -= 1  # 二|十国集团: jieba cut the numeral off the name
                if family == "head" and s.label_ == "Place/water":
                    if text.startswith(("铁路", "高铁", "城际"), s.end_char):
                        continue  # 沪苏湖|铁路: the places a railway joins, no water
                    start = self._water_name(words, start, s.end_char)
                    if start < 0:
                        continue  # 路过|江: a verb and a one-character head, no water's name
                name = text[start : s.end_char]
                if start > s.start_char and family == "head" and any(
                    w.start_char == start and w.end_char == s.end_char and w.label_ == "n" and w.kb_id_ != "rare" for w in words
                ):
                    continue  # 努力提高|体育运动: one ordinary word left after the verb, a kind
                if family == "head" and (start + 1, s.end_char) in body_at:
                    continue  # 经|全国人大常委会: a character glued to a body's own name
                if family == "head" and self._list_group(text, start, name, s.label_) and start not in division_at:
                    continue  # "…、…等内涝治理工程": the kind a list closes with, no name
                if _PLACE_GOAL.fullmatch(name.strip("“”\"")) and not s.label_.startswith("Place/admin"):
                    continue  # "打造“三地一区”", "“六大产业基地”": what a place is to become
                if _designation(text, start, name) and not (
                    s.label_.startswith("Place/admin") and not name.endswith(("强镇", "强县", "中心镇", "百强镇", "专业镇"))
                ):
                    continue  # "获批国家级…试点", "深化省级…试点": a title a place received
                if self.patterns.vetoed(name) or name in self.heads:
                    continue  # a veto's kind; a head word left alone after a trim (以上|产业)
                if start > s.start_char and rule_family(s.id_) == "head" and self._generic_after_trim(name):
                    continue
                if s.id_ in ("list", "enum") and (
                    name in self.heads or name in common_words
                    or not self._named_item(words, start, s.end_char, s.id_ == "list")
                ):
                    continue  # "机制", "化纤", "关键材料": a list of ordinary words, not of names
                if family == "head" and s.label_.split("/")[0] in ("Sector", "Programme") and any(
                    a <= start and s.end_char < b for a, b in kinds
                ):
                    continue  # "“青禾”产业|项目30个": the counted kind's modifier, no name of its own
                edges = (start, s.end_char) if family == "body" else self._word_edges(
                    text, words, starts, start, s.end_char, s.label_
                )
                if edges is None:
                    continue  # an edge inside a word and the whole word makes no name (集群|式培育)
                start, end = edges
                cands.append((start, end, s.label_, s.id_))
        for s in doc.spans.get("kg_gazetteer", []):
            lab = "Place/admin" if s.label_ == "admin" else "Place/admin_short"
            if lab != "Place/admin" and any(a <= s.start_char and s.end_char <= b for a, b in kinds):
                continue  # "儿童友好医院3个": a short division form inside a counted kind is a word of it
            cands.append((s.start_char, s.end_char, lab, "gazetteer"))
        # quoted candidates overlapped by a longer head candidate lose
        cands.sort(key=lambda c: (-self.priority(c[3]), -(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int, str, str]] = []
        nested: list[tuple[int, int, str, str]] = []
        for c in cands:
            s, e = c[0], c[1]
            clash = [t for t in taken if t[0] < e and s < t[1]]
            if not clash:
                taken.append(c)
            elif all(t[0] <= s and e <= t[1] for t in clash):
                nested.append(c)
        ents, nests = [], []
        for s, e, label, rule in sorted(taken):
            span = doc.char_span(s, e, label=label, span_id=rule)
            if span is not None:
                ents.append(span)
        divisions = [(g.start_char, g.end_char) for g in doc.spans.get("kg_gazetteer", [])]
        def stretch_in_works(s: int, e: int, label: str) -> bool:
            """A stretch inside works on it (207国道甲镇至乙镇段改建): the works are on the road."""
            if not label.startswith("Place") or "至" not in text[s:e]:
                return False
            return any(t[0] <= s and e <= t[1] and t[2].startswith("Programme") for t in taken)

        longest: dict[int, int] = {}
        for s, e, label, rule in nested:
            if label.startswith(("Place", "Organization")) and rule_family(rule) in ("head", "body", "pattern"):
                if not stretch_in_works(s, e, label):
                    longest[s] = max(longest.get(s, e), e)
        for s, e, label, rule in sorted(set(nested)):
            if rule == "gazetteer" and label in ("Place/admin", "Place/admin_short"):
                outer = next(t for t in taken if t[0] <= s and e <= t[1])
                bracketed = outer[0] < s and e < outer[1] and text[s - 1] in "（(" and text[e] in "）)"
                if bracketed or s == outer[0] and e < outer[1] and _names_a_thing_in(outer[2], text[e : outer[1]]):
                    span = doc.char_span(s, e, label=label, span_id="gazetteer:nested")
                    if span is not None:
                        nests.append(span)
                continue
            if not label.startswith(("Place", "Organization")) or rule_family(rule) not in ("head", "body", "pattern"):
                continue  # a division inside a name (上海黄金交易所) is not mentioned on its own
            if longest.get(s) != e:
                continue  # 银湖山 inside 银湖山郊野公园 inside a longer name
            outer = next(t for t in taken if t[0] <= s and e <= t[1])
            if (s, e) == (outer[0], outer[1]):
                continue
            if stretch_in_works(s, e, label):
                continue
            if label.startswith("Place") and outer[2].startswith("Place"):
                rest = text[e : outer[1]]
                compound = bool(re.search(r"[-—]", text[outer[0] : outer[1]]))
                bare_head = rest in self.heads and label != outer[2]  # 港莲路 + 工业区
                # a mountain, lake or river opening the name of a zone or site on it (翠屏山|未来谷);
                # a park or a street named after it (…湖公园, …湖金融街) is not in it
                # (a short name alone: a division or a second name glued in front, 云溪翠屏山, is a
                # boundary the candidate got wrong)
                feature = label in ("Place/green", "Place/water") and outer[2] in ("Place/building", "Place/area") and (
                    text[e - 1] in "山湖江河岛" and e - s <= 4 and not any(a == s and b < e for a, b in divisions)
                )
                if not (s == outer[0] and (_part_name(rest) or bare_head or feature)) and not compound:
                    continue  # 香蜜湖 in 香蜜湖国际金融街 is not a place of its own here
            span = doc.char_span(s, e, label=label, span_id=rule)
            if span is not None:
                nests.append(span)
        for t in taken:
            inner = self._body_at_start(text, t)
            if inner is None:
                continue
            s, e, label = inner
            if any(n.start_char == s and e <= n.end_char and n.label_.startswith("Organization") for n in nests):
                continue  # a longer body there already
            # 云溪医院 is the body, not a "云溪医院东湖" water or park that a shorter head made
            nests = [n for n in nests if not (n.start_char == s and e < n.end_char)]
            span = doc.char_span(s, e, label=label, span_id="head:nested")
            if span is not None:
                nests.append(span)  # 翠岭中学 in 翠岭中学青禾学校, 云溪医院 in 云溪医院东湖院区
        doc.spans["kg_entities"] = ents
        doc.spans["kg_nested"] = sorted(nests, key=lambda n: (n.start_char, n.end_char))
        return doc

    def _body_at_start(self, text: str, outer: tuple[int, int, str, str]) -> tuple[int, int, str] | None:
        """A body that opens the name of its own branch, campus or site (GUIDELINES §5,
        nested names keyed): the name splits into an organisation name (a proper part and an
        organisation head: 翠岭中学, 云溪医院) and a second name with a head of its own
        (青禾学校, 东湖院区). The longest such body is kept."""
        s, e, label, _ = outer
        if not (label.startswith("Organization") or label == "Place/building"):
            return None
        name = text[s:e]
        for cut in range(len(name) - 2, 3, -1):
            body, rest = name[:cut], name[cut:]
            head = next((h for h in self._org_heads if body.endswith(h)), None)
            if head is None or len(body) - len(head) < 2:
                continue
            if not any(rest.endswith(h) and len(rest) - len(h) >= 2 for h in self._own_heads):
                continue
            proper = body[: -len(head)]
            if proper.startswith(("全", "各")) or proper in self.generic or proper in self.heads or not re.fullmatch(r"[\u4e00-\u9fff]+", proper + rest):
                continue
            return s, s + cut, f"Organization/{self.heads[head].subtype}"
        return None


_RECEIVED = re.compile(
    r"(?:获批|获建|获评为?|成为|入选|入列|认定为|评为|争创|创建|创成|申建|申报|晋升为|列为|列入|命名为|授予|新增)(?:为)?"
    r"(?:国家|全国|省)?(?:首批|第[一二三四五六七八九十]+批)?(?:重点|中央财政支持)?$"
)
_LEVEL = re.compile(r"^(?:国家级|省级|市级|区级|县级|自治区级|全国|国家|省|自治区)")
_TITLE_HEADS = re.compile(
    r"(?:示范区|示范县|示范市|示范城市|示范基地|示范园区?|示范点|示范村|试点|先行区|先进县|强镇|强县|"
    r"集聚区|产业集群|特色小镇|城市|名镇|名村|县城|园区|基地|中心镇|百强镇|专业镇|医疗集团)$"
)


_GOAL_PLACES = r"(?:地|区|城|带|圈|极|核|轴|廊|港|中心|基地|高地|枢纽|门户|示范区|先行区|片区)"
_PLACE_GOAL = re.compile(
    rf"(?:(?:[一二三四五六七八九十两双百千万多]|[0-9]+)(?:{_GOAL_PLACES}|大[一-鿿]{{0,2}}{_GOAL_PLACES}))+"
)
"""A formula of counted places ("三地一区", "一城三基地", "六大产业基地"): the kinds of place
a report's place is to become, a goal (GUIDELINES §5 keys such terms optional at most)."""


def _designation(text: str, start: int, name: str) -> bool:
    """A title a place or body received (GUIDELINES §5: designations are optional and not
    counted as names here): a level word or a title head after a verb of receiving
    ("获批国家级循环经济标准化试点", "争创国家新兴产业发展示范…"), or a provincial or city
    pilot or zone title ("深化省级县城新型城镇化建设试点")."""
    if not _TITLE_HEADS.search(name):
        return False
    if _RECEIVED.search(text, max(0, start - 8), start):
        return True
    return (
        bool(re.match(r"^(?:省级|市级|区级|县级)(?!政府|人民)", name)) and name.endswith(("试点", "示范区"))
    )  # 县级政府购买…服务试点: the pilot's subject, not its level


def _names_a_thing_in(outer_label: str, rest: str) -> bool:
    """Does a division opening a longer name ("文昌" + 国际航天城) stand for a place of its
    own (GUIDELINES §5, nested names keyed)? Yes for a zone, building or programme there;
    not for the division's own body (市政府), its own level (市, 区) or a body named after it."""
    if outer_label in ("Place/admin", "Place/admin_short", "Place/transport", "Place/block") or outer_label.startswith(
        "Organization"
    ):
        return False  # 南京西路 is a street named after a city, not in it
    if _transport_phase(rest):
        return False  # 某机场二期: the works of a phase of an airport named after the division
    return len(rest) >= 2 and rest[:1] not in "省市区县州盟旗镇乡" and not rest.startswith(("人民", "政府", "党委"))


# -------------------------------------------------------------------------- kg_relations


@Language.factory("kg_relations")
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder()


def _kind(span: Span) -> str:
    return span.label_.split("/")[0]


def _sub(span: Span) -> str:
    parts = span.label_.split("/")
    return parts[1] if len(parts) > 1 else ""


from kg.loaders.relations import LIST_GROUPS, first_predicate, list_members, name_predicate, rest_is  # noqa: E402  (the table of relations names state)


def _part_name(rest: str) -> bool:
    """Does the rest of a place's name name a part (…段, …地块) or phase (…二期) of the place
    it starts with? Then the place inside is a name of its own."""
    if rest_is("part", rest) or rest_is("phase", rest) or rest_is("road_part", rest):
        return True
    phase = re.search(r"[一二三四五六七八九十0-9]+期$", rest)
    if phase and phase.start() and rest_is("extension", rest[: phase.start()]):
        return True  # 青禾路|西延三期: a phase of the road's extension
    cut = rest.find("段")
    # 云溪河|青禾段二通道: a work on a stretch of the place, named by a head word of its own
    return 0 < cut < len(rest) - 2 and rest_is("part", rest[: cut + 1]) and _ends_in_place_head(rest[cut + 1 :])


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def _transport_heads() -> frozenset[str]:
    return frozenset(h for h, v in load_heads().items() if v.subtype == "transport")


def _transport_phase(rest: str) -> bool:
    """Is ``rest`` a transport head word and a phase (机场二期, 港三期)?"""
    m = re.search(r"[一二三四五六七八九十0-9]+期$", rest)
    return bool(m) and rest[: m.start()] in _transport_heads()


def _place_heads() -> frozenset[str]:
    return frozenset(h for h, v in load_heads().items() if v.type == "Place" and len(h) >= 2)


def _ends_in_place_head(rest: str) -> bool:
    return any(rest[-L:] in _place_heads() for L in range(min(len(rest), 4), 1, -1))


class RelationFinder(_PerSentence):
    """Relations the sentence states, from name structure and the verbs between names."""

    GROUPS = ("kg_relations",)

    ORGANISE = re.compile(r"^(?:联合|与|携手|依托|会同|协同)$")

    def __call__(self, doc: Doc) -> Doc:
        views = sentences(doc)
        _per_sentence(doc, self._sentence, self.GROUPS)
        rels = []
        for v in views:
            lo = v.lo
            for subj, pred, obj, ev in v._.kg_relations or ():
                a, b, e = (char_span(doc, lo + x.start_char, lo + x.end_char, x.label_, x.kb_id_, x.id_) for x in (subj, obj, ev))
                if a is not None and b is not None and e is not None:
                    rels.append((a, pred, b, e))
        doc._.kg_relations = rels
        return doc

    def _sentence(self, doc: Sentence) -> Sentence:
        ents = sorted(
            [*doc.spans.get("kg_entities", []), *doc.spans.get("kg_nested", [])],
            key=lambda s: (s.start_char, -s.end_char),
        )
        if not ents:  # no names (most sentences): no relations
            doc._.kg_relations = []
            doc.spans["kg_relations"] = []
            return doc
        text = doc_text(doc)
        rels: list[tuple[Span, str, Span, Span]] = []

        def add(subj: Span, pred: str, obj: Span, s: int, e: int, kind: str = "verb") -> None:
            """One relation; the evidence span's ``id_`` is the rule id (name:/verb:<pred>)."""
            ev = doc.char_span(
                min(s, subj.start_char, obj.start_char), max(e, subj.end_char, obj.end_char), span_id=f"{kind}:{pred}"
            )
            if ev is not None and subj.text != obj.text:
                rels.append((subj, pred, obj, ev))

        def add_name(subj: Span, pred: str, obj: Span, s: int, e: int) -> None:
            add(subj, pred, obj, s, e, "name")

        inner: dict[tuple[int, int], int] = {}  # a name → the end of its immediate container
        for a in ents:
            opening = [b for b in ents if a.start_char == b.start_char and b.end_char < a.end_char and _sub(b) not in ("admin", "admin_short")]
            found = first_predicate(
                a.text, [(b.text, b) for b in sorted(opening, key=lambda b: -b.end_char)],
                lambda form, b, rest, a=a: name_predicate(_kind(a), _sub(a), _kind(b), _sub(b), rest, a.id_, form),
            )
            if found is not None:
                inner[(a.start_char, a.end_char)] = found[1].end_char
        for a in ents:
            for b in ents:
                if a is b:
                    continue
                ka, kb = _kind(a), _kind(b)
                # b nested at the start of a: the name says where / whose it is
                if (
                    ka == "Place" and kb == "Place" and a.start_char <= b.start_char and b.end_char < a.end_char
                    and _sub(a) == "area"
                    and re.search(r"[-—]", a.text)
                    and (b.start_char == a.start_char or text[b.start_char - 1] in "-—")
                    and _sub(b) not in ("admin", "admin_short")
                ):
                    add_name(b, "part_of", a, a.start_char, a.end_char)  # "A-B片区": A and B are in it
                    continue
                if a.start_char == b.start_char and b.end_char < a.end_char:
                    rest = text[b.end_char : a.end_char]
                    if _sub(b) in ("admin", "admin_short") or inner.get((a.start_char, a.end_char)) != b.end_char:
                        continue  # only the immediate container: 口腔医院 in X大学口腔医院Y医院, not X大学
                    pred = name_predicate(ka, _sub(a), kb, _sub(b), rest, a.id_, b.text)
                    if pred == "located_in" and ka == "Programme":
                        # works on a structure named after its road (原207国道青禾大桥危桥改造): on the structure
                        on = [
                            c for c in ents if c.start_char == b.end_char and c.end_char < a.end_char
                            and _kind(c) == "Place" and _sub(c) == "transport" and c.text.endswith(STRUCTURES)
                        ]
                        if on:
                            b = max(on, key=lambda c: c.end_char)
                    if pred:
                        add_name(a, pred, b, a.start_char, a.end_char)
                    continue
                # adjacent: "笋岗街道湖景社区", "笋岗片区DY03单元", "深圳市罗湖区"
                if b.end_char == a.start_char and ka == "Place" and kb == "Place":
                    if _sub(b) in ("admin", "area") and _sub(a) in _CONTAINED_SUBTYPES and (
                        b.text.endswith(tuple(_CONTAINERS)) or _sub(a) == "area"
                    ) and not (_sub(a) == "area" and a.text.endswith(("区", "城", "带"))):
                        add_name(a, "part_of", b, b.start_char, a.end_char)
                    elif _sub(b) == "transport" and _sub(a) == "transport" and b.text.endswith(_ROADS) and a.text.endswith(_ON_ROADS):
                        add_name(a, "part_of", b, b.start_char, a.end_char)  # "原207国道青禾大桥": the bridge carries the road
                    continue
        # a list closed by its group: "A、B、C等未来产业" (GUIDELINES §6: each part_of the group)
        top = sorted(doc.spans.get("kg_entities", []), key=lambda s: s.start_char)
        at = {(s.start_char, s.end_char): s for s in top}
        for i0, i1, g0, g1 in list_members(text, [(s.start_char, s.end_char, _kind(s)) for s in top], LIST_GROUPS):
            add(at[(i0, i1)], "part_of", at[(g0, g1)], i0, g1, "list")
        # verbs between names: "在X建设Y", "依托X打造Y", "联合X打造Y", "与X共建Y"
        for i, x in enumerate(ents):
            for y in ents[i + 1 :]:
                if y.start_char < x.end_char:
                    continue
                between = text[x.end_char : y.start_char]
                if len(between) > 6 or any(c in "，,。；;" for c in between):
                    continue
                before = text[max(0, x.start_char - 4) : x.start_char]
                # "依托A、B打造Y": A also organises Y
                for z in ents:
                    if z.end_char + 1 == x.start_char and text[z.end_char] == "、" and _kind(z) == _kind(x):
                        zb = text[max(0, z.start_char - 4) : z.start_char]
                        if re.search(r"(联合|携手|与|会同|依托)$", zb) and _kind(z) == "Organization" and re.match(r"^(共建|共同|合作|联合|打造|建设|设立|成立)", between):
                            add(y, "organised_by", z, z.start_char - 2, y.end_char)
                            add(y, "organised_by", x, z.start_char - 2, y.end_char)
                kx, ky = _kind(x), _kind(y)
                if re.search(r"(联合|携手|与|会同)$", before) and kx == "Organization" and re.match(r"^(共建|共同|合作|联合|打造|建设|设立|成立)", between):
                    add(y, "organised_by", x, x.start_char - len(re.search(r"(联合|携手|与|会同)$", before).group()), y.end_char)
                elif re.search(r"依托$", before) and re.match(r"^(打造|建设|设立|成立)", between):
                    if kx == "Organization":
                        add(y, "organised_by", x, x.start_char - 2, y.end_char)
                    elif kx == "Place":
                        add(y, "located_in", x, x.start_char - 2, y.end_char)
                elif re.search(r"在$", before) and kx == "Place" and re.match(r"^(建设|打造|设立|建立|布局|举办)", between) and ky in ("Programme", "Place", "Organization"):
                    add(y, "located_in", x, x.start_char - 1, y.end_char)
                elif kx == "Organization" and re.match(r"^(建立|设立|成立|开设|开办)$", between) and ky in ("Organization", "Programme"):
                    add(y, "run_by", x, x.start_char, y.end_char)  # (创建: "创建三甲医院" strives for a title)
                elif kx == "Place" and ky == "Programme" and between == "" and _sub(x) != "admin":
                    add(y, "located_in", x, x.start_char, y.end_char)
                elif kx == "Organization" and ky == "Programme" and between == "" and not (
                    _sub(x) in ("education", "health", "research") and rest_is("take_part", text[y.end_char :])
                ):
                    add(y, "organised_by", x, x.start_char, y.end_char)
                # a policy followed by what it sets up: "《方案》,…打造Y"
                elif kx == "Policy" and ky in ("Place", "Programme") and re.match(r"^[，,:：]?(高水平|高标准|加快|全面)?(建设|打造|推进)", between):
                    add(y, "defined_in", x, x.start_char, y.end_char)
        doc._.kg_relations = rels
        spans = []
        seen = set()
        for subj, pred, obj, ev in rels:
            key = (ev.start_char, ev.end_char, pred)
            if key in seen:
                continue
            seen.add(key)
            spans.append(doc.char_span(ev.start_char, ev.end_char, label=pred))
        doc.spans["kg_relations"] = [s for s in spans if s is not None]
        return doc


# ---------------------------------------------------------------------------- the nlp


@functools.lru_cache(maxsize=1)
def make_nlp() -> Language:
    """kg's spaCy pipeline: blank Chinese (character tokens) + the kg_ components."""
    _register_extensions()
    nlp = spacy.blank("zh")  # default segmenter "char": offsets stay the text's offsets
    if not PLAIN:
        nlp.tokenizer = CharTokenizer(nlp.tokenizer)
    for name in ("kg_words", "kg_gazetteer", "kg_candidates", "kg_patterns", "kg_lexicon", "kg_entities", "kg_relations"):
        nlp.add_pipe(name)
    # the pipeline (jieba's dictionaries, the automata, the rules) lives as long as the
    # process: out of the cyclic collector's way, whose full passes walked all of it
    gc.freeze()
    return nlp
