"""Paragraphs and sentences of a report body, as spans into ``Text.text``.

Reports reach us in several physical layouts, and a paragraph is found differently in each:

- one paragraph per line (most web pages and CSV exports);
- paragraphs separated by blank lines, with single line breaks inside a paragraph where
  the page had a link or a bold lead phrase (Wikisource: ``《\\n公司法\\n》``);
- hard-wrapped text where a paragraph runs over many short lines (PDF exports), with
  page numbers ("— 1 —") between them;
- a single line where paragraphs are marked only by U+3000/U+2003 runs or spaces, and
  part headings run on after the previous sentence ("…提出意见。一、2023年工作回顾 过去…").

Everything here works on offsets; text is never copied or normalised, so
``text[start:end]`` is always the surface of a span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final punctuation (a sentence ends after it, with any closing quotes/brackets).
TERMINALS = "。！？!?；;"
CLOSERS = "”’」』）)】》\"'"
OPENERS = "“‘「『（(【《"
# A paragraph/line ending in one of these is complete (no wrap continues it).
LINE_FINAL = TERMINALS + "：:…" + CLOSERS
SPACE = " \t\r\u3000\u2003\u00a0\u2002\u2009\u200b\ufeff"
CIRCLED = "".join(chr(c) for c in [*range(0x2460, 0x2474), *range(0x3251, 0x3260), *range(0x32B1, 0x32C0)])
"""Circled numbers ①…⑳, ㉑…㊿: list items or footnote marks."""


def circled_number(ch: str) -> int:
    """① → 1 … ⑳ → 20, ㉑ → 21 … ㊿ → 50."""
    return CIRCLED.index(ch) + 1

_CN_NUM = "一二三四五六七八九十"
_HEADING_START = re.compile(
    rf"[{SPACE}]*(?:[{_CN_NUM}]{{1,3}}[、．.]|[（(]\s*[{_CN_NUM}\d]{{0,3}}\s*[）)]|[{_CN_NUM}]{{1,2}}是|——)"
)
_DIGIT = re.compile(r"[0-9０-９]")
_PAGE_NUMBER = re.compile(rf"^[{SPACE}\-—－–·]*(?:第\s*)?[0-9０-９]{{1,3}}(?:\s*页)?[{SPACE}\-—－–·]*$")
# A part heading run on after the previous sentence in a single-line file.
_RUN_ON_PART = re.compile(rf"(?<=[。！？!?])(?=[{_CN_NUM}]{{1,3}}、[^。！？!?\s]{{2,40}}[{SPACE}])")


def is_space(ch: str) -> bool:
    return ch in SPACE or ch.isspace()


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph under construction: its span and the spans of its physical lines."""

    start: int
    end: int
    lines: tuple[tuple[int, int], ...]

    def first_line_end(self) -> int:
        return self.lines[0][1]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and is_space(text[start]):
        start += 1
    while end > start and is_space(text[end - 1]):
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Non-empty physical lines in [start, end) as (start, end, blank_before)."""
    out: list[tuple[int, int, bool]] = []
    blank = True
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _strip(text, pos, stop)
        if s < e and not _PAGE_NUMBER.match(text[s:e]):
            out.append((s, e, blank))
            blank = False
        elif s >= e:
            blank = True
        pos = stop + 1
    return out


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one physical line at the paragraph marks a single-line file keeps.

    A whitespace run inside a line ends a paragraph when it follows sentence-final
    punctuation, or when the text since the last break is short and unpunctuated (a
    heading or greeting run on: "一、2023年工作回顾 过去的一年"). A part heading glued to
    the end of the previous sentence is split off too.
    """
    pieces = [start] + [m.start() for m in _RUN_ON_PART.finditer(text, start, end)] + [end]
    cuts: list[int] = pieces[1:-1]
    for ps, pe in zip(pieces, pieces[1:]):
        last = ps
        for m in re.finditer(rf"[{SPACE}]+", text[ps:pe]):
            a, b = ps + m.start(), ps + m.end()
            if a == ps or b == pe:
                continue
            prev, nxt = text[a - 1], text[b]
            since = text[last:a]
            cut = False
            if _DIGIT.match(prev) and b - a == 1 and (_DIGIT.match(nxt) or a - 2 >= ps and text[a - 2] == " "):
                continue  # spaced digits ("1 9 9 8 年") are one number, not a break
            if prev in TERMINALS or (prev in CLOSERS and a - 2 >= ps and text[a - 2] in TERMINALS):
                cut = True
            elif "\u3000" in text[a:b] or "\u2003" in text[a:b]:
                cut = True  # an ideographic-space run is a paragraph mark in one-line files
            elif prev in "：:" and (b - a >= 2 or "\u3000" in text[a:b] or _HEADING_START.match(text, b)):
                cut = True
            elif 2 < len(since.strip(SPACE)) - _marker_len(text, last) and len(since) <= 40 and not any(
                c in since for c in TERMINALS + "，,") and (
                _HEADING_START.match(text, last) or (is_cjk(prev) and is_cjk(nxt) and (
                    since.strip(SPACE).startswith("各位") or b - a >= 2 or "\u3000" in text[a:b]))
            ):
                # a heading or greeting run on to its paragraph
                cut = True
            if cut:
                cuts.append(a)
                last = b
    cuts = sorted(set(cuts))
    out = []
    pos = start
    for c in cuts + [end]:
        s, e = _strip(text, pos, c)
        if s < e:
            out.append((s, e))
        pos = c
    return out


def _marker_len(text: str, at: int) -> int:
    m = _HEADING_START.match(text, at)
    return m.end() - at if m else 0


def _heading_like(text: str, s: int, e: int) -> bool:
    """A line that is a heading by its shape: a numbered opener and no sentence end."""
    line = text[s:e]
    return bool(_HEADING_START.match(line)) and len(line) <= 60


def _wrapped(lines: list[tuple[int, int, bool]], text: str) -> bool:
    """True when the file is hard-wrapped: many long lines stop mid-sentence."""
    long_lines = [(s, e) for s, e, _ in lines if e - s >= 12]
    if len(long_lines) < 10:
        return False
    open_ = sum(1 for s, e in long_lines if text[e - 1] not in LINE_FINAL)
    return open_ / len(long_lines) >= 0.3


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """The paragraphs of ``text[start:end]``, whatever the physical layout."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    if not lines:
        return []
    wrapped = _wrapped(lines, text)
    # Blank-line layout with soft breaks inside paragraphs (Wikisource): lines not
    # separated by a blank line belong together, unless a line is a heading.
    blanks = sum(1 for *_, b in lines if b)
    soft = blanks >= 0.3 * len(lines) and sum(1 for *_, b in lines[1:] if not b) >= 3
    blocks: list[list[tuple[int, int]]] = []
    prev_open = False
    for i, (s, e, blank_before) in enumerate(lines):
        for j, (a, b) in enumerate(_segments(text, s, e)):
            join = False
            if j == 0 and blocks:
                last_s, last_e = blocks[-1][-1]
                prev_is_heading = _heading_like(text, *blocks[-1][0]) and len(blocks[-1]) == 1
                if (text[last_e - 1] in OPENERS or text[a] in "》”」』") and not blank_before:
                    join = True  # a line break inside brackets or quotes ("三、关于《\n…\n》的说明")
                elif _heading_like(text, a, b) or prev_is_heading:
                    join = False
                elif soft and not blank_before:
                    join = True
                elif prev_open and (wrapped or last_e - last_s >= 60 or text[a] in CLOSERS + "，、,"):
                    join = True
                elif text[last_e - 1] in OPENERS:
                    join = True
            if join:
                blocks[-1].append((a, b))
            else:
                blocks.append([(a, b)])
            prev_open = text[b - 1] not in LINE_FINAL
    return [Block(bl[0][0], bl[-1][1], tuple(bl)) for bl in blocks]


_SENTENCE_MARKS = re.compile("[“「『”」』…" + re.escape(TERMINALS) + "]")
"""The characters :func:`split_sentences` acts on; it skips from one to the next (a search in C,
where a loop over every character in Python was ~a third of parsing a report)."""


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph: cut after 。！？； (and their closing quotes).

    A terminal inside “…” does not end the sentence while the quote is open (quotes
    stay balanced), unless the quote runs on for very long (an unclosed quote).
    """
    out: list[tuple[int, int]] = []
    depth = 0
    open_at = -1
    pos = start
    i = start
    mark = _SENTENCE_MARKS.search
    while i < end:
        # from mark to mark: a character that is no quote mark, terminal or … only ran the
        # unclosed-quote check below, which holds at the last one skipped if at any
        m = mark(text, i, end)
        if m is None:
            break
        if m.start() > i and depth and m.start() - 1 - open_at > 150:
            depth = 0
        i = m.start()
        ch = text[i]
        if ch in "“「『":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
            if depth == 0 and i > start and text[i - 1] in TERMINALS:
                # a quoted sentence closes: “…。” ends the sentence after the quote
                j = i + 1
                while j < end and text[j] in CLOSERS + TERMINALS:
                    j += 1
                s, e = _strip(text, pos, j)
                if s < e:
                    out.append((s, e))
                pos = i = j
                continue
        if depth and i - open_at > 150:
            depth = 0  # an unclosed quote: stop protecting
        if ch in TERMINALS or ch == "…" and i + 1 < end and text[i + 1] == "…":
            if ch == "…":
                i += 1
            if depth == 0:
                j = i + 1
                while j < end and text[j] in CLOSERS:
                    j += 1
                while j < end and text[j] in TERMINALS:
                    j += 1
                s, e = _strip(text, pos, j)
                if s < e:
                    out.append((s, e))
                pos = j
                i = j
                continue
        i += 1
    s, e = _strip(text, pos, end)
    if s < e:
        out.append((s, e))
    return out


def first_sentence(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first sentence of a paragraph (ending at 。！？ only: ； stays inside)."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
        elif ch in "。！？!?" and (depth == 0 or i - start > 60):
            return start, i
    return None
