"""Property-based fuzzing (hypothesis) of the reader, the structure parser, the quantity
extractor, IRI minting and the dump: only kg's own exceptions, spans always equal the
text, IRIs always valid, dumps always re-parse."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.model import EntityType

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text in the genre's shape: CJK, report punctuation, numerals, headings, line ends, and
# the characters that break naive code (quotes, braces, backslashes, NUL, surrogates' kin).
GENRE = st.sampled_from([
    "一、", "二、", "（一）", "（二）", "1.", "第一章", "各位代表：", "政府工作报告", "2023年", "增长",
    "6.5%", "1200.5亿元", "左右", "以上", "万人", "公顷", "，", "。", "；", "：", "“", "”", "《", "》",
    "\n", "\r\n", "\r", "\n\n", " ", "\u3000", "\t", "有关名词解释", "区长", "人民政府",
    "\"", "'", "{", "}", "\\", "<", ">", "[/x]", ":x:", "\x00", "\ufeff", "\u200b", "𠀀",
])
GENRE_TEXT = st.lists(st.one_of(GENRE, st.text(max_size=4)), max_size=80).map("".join)


@FUZZ
@given(st.binary(max_size=3000))
def test_reader_raises_only_kg_errors_on_any_bytes(data: bytes) -> None:
    from kg.loaders.read import read_bytes

    try:
        t = read_bytes(data, path="fuzz.txt")
    except KgError:
        return
    assert len(t.text) == len(t.source)  # plain text: offsets into the decoded file hold


@FUZZ
@given(GENRE_TEXT)
def test_reader_keeps_offsets_for_any_text(text: str) -> None:
    from kg.loaders.read import read_bytes

    try:
        t = read_bytes(text.encode("utf-8", "surrogatepass"), path="fuzz.txt")
    except KgError:
        return
    assert len(t.text) == len(t.source)
    for i, ch in enumerate(t.text):
        assert ch == t.source[i] or ch in " \n", (i, ch, t.source[i])


def _report(text: str):
    from kg.loaders.read import read_bytes
    from kg.loaders.structure import parse_report

    try:
        t = read_bytes(text.encode("utf-8", "surrogatepass"), path="fuzz.txt")
    except KgError:
        return None
    return parse_report(t)


@FUZZ
@given(GENRE_TEXT)
def test_structure_spans_equal_the_text(text: str) -> None:
    try:
        rep = _report(text)
    except KgError:
        return
    if rep is None:
        return
    body = rep.text.text
    for s in rep.sentences:
        assert 0 <= s.start <= s.end <= len(body)
        assert body[s.start:s.end] == s.text
    for p in rep.paragraphs:
        assert 0 <= p.start <= p.end <= len(body)
    for part in rep.parts:
        assert 0 <= part.start <= part.end <= len(body)


@FUZZ
@given(GENRE_TEXT)
def test_quantity_spans_equal_the_text(text: str) -> None:
    from kg.loaders.quantities import extract_quantities

    try:
        rep = _report(text)
        if rep is None:
            return
        quantities = extract_quantities(rep)
    except KgError:
        return
    for q in quantities:
        assert rep.text.text[q.start:q.end] == q.surface


NAMES = st.text(min_size=1, max_size=30)


@FUZZ
@given(NAMES, NAMES, st.sampled_from([t.value for t in EntityType]))
def test_minted_iris_are_valid_and_stable(government: str, name: str, etype: str) -> None:
    from kg.iri import Minter

    m = Minter.create(None)
    try:
        iris = [m.government(government), m.place(government, name), m.indicator(government, name),
                m.report(government, name), m.entity(government, EntityType(etype), name)]
    except KgError:
        return  # a name with nothing to key on: refused with kg's error, not a ValueError
    for iri in iris:
        ox.NamedNode(iri)  # raises on anything that is not an absolute IRI
        assert not any(c in iri for c in ' <>"{}|^`\\\n')
    again = Minter.create(None)
    assert again.government(government) == iris[0] and again.place(government, name) == iris[1]


@pytest.mark.parametrize("name", ['"', "“”", " 、。", "\u3000"])
def test_a_name_with_nothing_to_key_on_is_refused_with_kgs_error(name: str) -> None:
    """Found by the fuzz test above: a name of marks alone is refused with an error the CLI
    prints as one line (a KgError), which is still a ValueError for callers that test a name."""
    from kg.iri import Minter

    m = Minter.create(None)
    for mint in (lambda: m.government(name), lambda: m.place("某市", name), lambda: m.indicator("某市", name),
                 lambda: m.entity("某市", EntityType.PLACE, name)):
        with pytest.raises(KgError, match="empty name"):
            mint()
        with pytest.raises(ValueError):
            mint()


@pytest.fixture(scope="module")
def analyse():
    from kg.pipeline import analyse

    return analyse


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(GENRE_TEXT)
def test_dumps_of_any_report_reparse(analyse, text: str) -> None:
    from kg.export import nt_line
    from kg.loaders.read import read_bytes
    from kg.rdf import analysis_triples

    prefix = "青禾区2023年政府工作报告\n\n各位代表：\n\n一、2022年工作回顾\n\n"
    try:
        t = read_bytes((prefix + text).encode("utf-8", "surrogatepass"), path="fuzz.txt")
        a = analyse(t)
    except KgError:
        return
    nt = "".join(nt_line(tr) for tr in analysis_triples(a))
    parsed = list(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == nt.count("\n")
