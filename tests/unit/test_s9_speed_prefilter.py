"""The patterns' prefilter (kg.loaders.patterns.Prefilter): one automaton over the needed
literals must keep every pattern that can match (a safe superset), in the patterns' order."""

from __future__ import annotations

import re

import pytest

from kg.loaders.patterns import Pattern, Prefilter, load_patterns, needed_literals

PATTERNS = load_patterns()
EXAMPLE_TEXTS = sorted({ex.text for p in PATTERNS.patterns for ex in p.examples})


def _pattern(pid: str, regex: str) -> Pattern:
    return Pattern(pid, "Programme", re.compile(regex))


@pytest.mark.parametrize(
    ("regex", "needed"),
    [
        ("中全会", {"中全会"}),
        ("(?:运会|奥会)", {"运会", "奥会"}),
        ("[0-9]{1,2}条(?![件例款规])", {"条"}),
        ("(?:党的)?[一二三]+大|党的[一二三]+大", {"大", "党的"}),
        ("(?<=行动[、和])[一-鿿]{2,4}", {"行动、", "行动和"}),  # a positive lookbehind sees the text too
        ("[一-鿿]{1,5}业(?=增加值|营收)", {"增加值", "营收"}),  # the lookahead is more selective
        ("环(?:境)?保(?:护)?督察", {"环保督察", "环境保督察", "环保护督察", "环境保护督察"}),
        ("(?P<name>[^，。]{2,8})", None),  # no literal: the pattern always runs
        ("(?i)abc", None),  # flags the reading does not model
        ("(?:第)?[一-鿿]{2}", None),  # the only literal is optional
    ],
)
def test_needed_literals(regex: str, needed: set[str] | None) -> None:
    got = needed_literals(re.compile(regex))
    assert (None if got is None else set(got)) == needed


def test_every_match_keeps_its_pattern_on_the_examples() -> None:
    """Every pattern that finds a match in a synthetic sentence (the pattern files'
    examples, a few hundred) is among the prefilter's candidates for it."""
    pf = Prefilter(PATTERNS.finders)
    assert len(EXAMPLE_TEXTS) > 100
    checked = 0
    for text in EXAMPLE_TEXTS:
        kept = pf(text)
        for p in PATTERNS.finders:
            if p.regex.search(text):
                checked += 1
                assert p in kept, (p.id, text)
    assert checked > 100


def test_candidates_keep_the_order_and_skip_what_cannot_match() -> None:
    pats = [_pattern("a", "东盟"), _pattern("b", "(?P<name>[^，]{2})(?=精神)"), _pattern("c", "[一二三]中全会"), _pattern("d", "[^，]{2}会")]
    pf = Prefilter(pats)
    assert [p.id for p in pf("全面贯彻党的二十届三中全会精神。")] == ["b", "c", "d"]
    assert [p.id for p in pf("扩大与东盟合作，办好博览会。")] == ["a", "d"]
    assert [p.id for p in pf("推进城市更新。")] == []
    assert pf.always == frozenset()
    assert [p.id for p in Prefilter([_pattern("x", "[^，]{2}"), *pats])("推进城市更新。")] == ["x"]


def test_no_pattern_without_literals_means_empty_for_plain_text() -> None:
    pf = Prefilter([_pattern("a", "东盟"), _pattern("c", "中全会")])
    assert pf("推进城市更新。") == ()


def test_vetoed_is_the_first_veto_in_order() -> None:
    """``vetoed`` through the prefilter names the same veto as trying every veto in order,
    on the veto examples and on every two- to eight-character piece of the examples."""
    names = {ex.text for p in PATTERNS.vetoes for ex in p.examples}
    names |= {t[i:j] for t in EXAMPLE_TEXTS for i in range(len(t)) for j in range(i + 2, min(len(t), i + 8) + 1)}
    vetoed = 0
    for name in sorted(names):
        every = next((p.id for p in PATTERNS.vetoes if p.regex.fullmatch(name)), None)
        assert PATTERNS.vetoed(name) == every, name
        vetoed += every is not None
    assert vetoed > 20
