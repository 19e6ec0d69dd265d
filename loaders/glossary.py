"""The glossary block at the end of a report ("有关名词解释", "名词解释", "注释" …).

Layouts seen in the genre:

- a title line ("有关名词解释", "名词解释", "名词注释", "名词说明", "注释", "注解"), then
  numbered entries ``1.term:definition`` / ``1、`` / ``（1）``;
- footnotes: ``［1］term：`` with the definition on the same or the next line;
- unnumbered ``term：explanation`` paragraphs under the title.

Entries may be broken over lines (a PDF or web export): an entry runs to the next entry
marker, whatever line breaks it holds. The glossary is not part of the report body.
"""

from __future__ import annotations

import logging
import re

from kg.loaders.sentences import CIRCLED, SPACE, circled_number, split_paragraphs
from kg.model import Glossary, GlossaryEntry

log = logging.getLogger(__name__)

_TITLE = re.compile(
    rf"^[{SPACE}]*[【\[［〔(（]?[{SPACE}]*"
    # a title may name the report first ("《政府工作报告》名词注释", "政府工作报告有关名词解释")
    r"(?P<title>(?:[《〈]?[^\s。，,；;：:！？、]{0,18}?(?:工作报告|报告)[》〉]?(?:中的?|涉及的?)?)?"
    r"(?:有关|相关|部分|本报告)?(?:名词|术语|词语|用语)(?:解释|注释|说明|释义)(?:及说明)?|注释|注解)"
    rf"[{SPACE}]*[】\]］〕)）]?[{SPACE}]*[：:]?[{SPACE}]*$"
)
_MARKER = re.compile(
    rf"(?:(?<=\n)|^)[{SPACE}]*(?P<m>"
    r"[［\[【〔](?P<n1>[0-9０-９]{1,3})[］\]】〕]"
    r"|(?P<n2>[0-9０-９]{1,3})[.．、](?![0-9０-９])"
    r"|[（(](?P<n3>[0-9０-９]{1,3})[）)]"
    rf"|(?P<n4>[{CIRCLED}])"
    r")"
)
_QUOTED = re.compile(r"[“\"「『‘](.+?)[”\"」』’]")
_QUOTES = "“”\"「」『』‘’"
_FORMULA_CHARS = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ+＋一二三四五六七八九十两双百千万]")
_MEASURE_WORDS = "条项个点类种件款招张篇大"
_COLON = re.compile(r"[：:]")


def _num(s: str) -> int:
    if s in CIRCLED:
        return circled_number(s)
    return int(s.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def strip_quotes(s: str) -> str:
    return "".join(ch for ch in s if ch not in _QUOTES)


def glossary_key(term_as_printed: str) -> str:
    """The bare formula or short name a reader searches for.

    "“1+3+N”产业政策体系" → "1+3+N"; "金融业“一城一街一带”发展规划" → "一城一街一带";
    a quoted bare number takes its measure word ("稳增长“21”条" → "21条"); a quoted
    modifier after a count stays in the whole term ("三张“零关税”清单"); no quotes → the
    whole term.
    """
    bare = strip_quotes(term_as_printed).strip(SPACE)
    for m in _QUOTED.finditer(term_as_printed):
        q = m.group(1).strip(SPACE)
        if not q:
            continue
        if re.fullmatch(r"[0-9０-９]+", q):
            after = term_as_printed[m.end(): m.end() + 1]
            return q + (after if after and after in _MEASURE_WORDS else "")
        outside = term_as_printed[: m.start()]
        if _FORMULA_CHARS.search(q.replace("零", "")) or not _FORMULA_CHARS.search(outside):
            return q
        return bare
    return bare


def find_title(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The last glossary title line in [start, end): (line start, line end, title)."""
    found = None
    for block in split_paragraphs(text, start, end):
        for s, e in block.lines:
            m = _TITLE.match(text[s:e])
            if m:
                found = (s, e, m.group("title"))
    return found


def _entry(text: str, number: int | None, marker_start: int, body_start: int, end: int) -> GlossaryEntry | None:
    """One entry: term up to the first colon (within 60 chars), definition after it."""
    seg_end = end
    while seg_end > body_start and text[seg_end - 1] in SPACE + "\n":
        seg_end -= 1
    b = body_start
    while b < seg_end and text[b] in SPACE:
        b += 1
    if b >= seg_end:
        return None
    m = _COLON.search(text, b, min(seg_end, b + 60))
    if not m:
        return None
    ts, te = b, m.start()
    while te > ts and text[te - 1] in SPACE:
        te -= 1
    if ts >= te or "\n" in text[ts:te] or "。" in text[ts:te]:
        return None
    ds = m.end()
    while ds < seg_end and (text[ds] in SPACE or text[ds] == "\n"):
        ds += 1
    term_printed = text[ts:te]
    raw_def = text[ds:seg_end]
    definition = re.sub(r"[ \t\r\u3000\u2003]*\n[ \t\r\u3000\u2003\n]*", "", raw_def)
    return GlossaryEntry(
        number=number,
        term=strip_quotes(term_printed).strip(SPACE),
        key=glossary_key(term_printed),
        definition=definition,
        start=marker_start,
        end=seg_end,
        term_start=ts,
        term_end=te,
        definition_start=ds,
        definition_end=seg_end if ds < seg_end else ds,
    )


def parse_glossary(text: str, start: int, end: int | None = None) -> Glossary | None:
    """The glossary whose title line lies in [start, end), with its entries; None if absent."""
    end = len(text) if end is None else end
    found = find_title(text, start, end)
    if not found:
        return None
    ts, te, title = found
    entries: list[GlossaryEntry] = []
    markers = [m for m in _MARKER.finditer(text, te, end)]
    if markers:
        for i, m in enumerate(markers):
            n = next(g for g in (m.group("n1"), m.group("n2"), m.group("n3"), m.group("n4")) if g)
            stop = markers[i + 1].start() if i + 1 < len(markers) else end
            e = _entry(text, _num(n), m.start("m"), m.end("m"), stop)
            if e is not None:
                entries.append(e)
    else:
        # unnumbered "term：explanation" paragraphs
        for block in split_paragraphs(text, te, end):
            e = _entry(text, None, block.start, block.start, block.end)
            if e is not None:
                entries.append(e)
    if not entries:
        log.info("glossary title %r at %d has no entries", title, ts)
    gl_end = entries[-1].end if entries else te
    return Glossary(title=title, start=ts, end=gl_end, entries=tuple(entries))
