"""Web-page chrome in report texts: find it, and blank it without moving any offset.

Chinese government websites and newspaper pages wrap a report in the same furniture:
site headers and breadcrumbs, "扫一扫在手机上打开当前页", "【字体：大 中 小】", print/close/
share widgets, "来源：… 发布时间：…" lines, "责任编辑：…", "相关报道", and footers
(版权所有, 主办单位, ICP备, 网站标识码 …). The rules live as data in
``loaders/data/chrome.txt`` (whole-line patterns); this module applies them
conservatively:

* a line is chrome only when the WHOLE line matches a pattern (never a line that
  contains sentence punctuation 。！？；), or when it is a label's value on the next
  line ("来源：" / "四川日报"), part of a multi-line widget ("【字体：" "大" "中" "小" "】")
  or of a breadcrumb ("首页" ">" "政府信息公开" ">" …);
* before the report begins and after it ends, a short line without punctuation that
  touches chrome is chrome too (the site name above "<" "×", a logo caption below the
  footer);
* inside long lines (single-line files) only exact widget phrases are blanked.

Blanking replaces every character of a range by a space and keeps line breaks, so the
text keeps its length and every offset.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterable

__all__ = ["find_chrome", "blank_ranges", "is_chrome_line"]

_SPACE = " \t\r\f\v\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")
_HAS_PUNCT = re.compile(r"[。！？；，、,!?;：:]")
_SYMBOLS = re.compile(r"[<>«»‹›×✕✖|｜/\\·•]+")
_DATE_TIME = re.compile(
    r"[\d０-９]{4}\s*[-/.／－年]\s*[\d０-９]{1,2}\s*[-/.／－月]\s*[\d０-９]{1,2}\s*日?"
    r"(?:\s*[\d０-９]{1,2}\s*[:：时]\s*[\d０-９]{1,2}\s*分?(?:\s*[:：]?\s*[\d０-９]{1,2}\s*秒?)?)?"
)
_ISO_DATE = re.compile(r"[\d０-９]{4}[-/.／－][\d０-９]{1,2}[-/.／－][\d０-９]{1,2}(?:\s.*)?")
_CAPTION = re.compile(r".{0,60}(?:记者|摄影|通讯员)\s*[\u4e00-\u9fff·]{2,8}\s*摄\s*[)）]?")
_LABEL = re.compile(
    r"(?:信息)?来源|(?:发布|发表|更新)?(?:时间|日期)|作者|编辑|责任编辑|阅读量|阅读|浏览次数|分享(?:到)?"
)
_LABEL_ONLY = re.compile(rf"(?:{_LABEL.pattern})\s*[:：]?")
_FONT_OPEN = re.compile(r"[【\[]?\s*(?:字体|字号)\s*[:：]?\s*")
_FONT_ITEM = re.compile(r"[大中小】\]]|默认|标准|超大|特大")
_SPEAKER = re.compile(
    r".*(?:总理|省长|市长|区长|县长|州长|盟长|旗长|主席|主任|专员|书记|代表)\s*[\u4e00-\u9fff·\s]{2,8}"
)
_REPORTISH = re.compile(r"报告|会议|代表|——|－－|--")

# Exact widget phrases that may sit inside a longer line (single-line files).
_INLINE = re.compile(
    "|".join(
        [
            r"扫一扫在?(?:手机|移动端)上?(?:打开|浏览|访问)(?:当前|本)页面?",
            r"[【\[]\s*(?:字体|字号)\s*[:：]?\s*[大中小](?:\s*[大中小]){2}\s*[】\]]",
            r"[【\[]\s*(?:打印本页|关闭窗口)\s*[】\]]",
            r"打印本页|关闭窗口",
            r"分享到\s*[:：]",
            r"责任编辑\s*[:：]\s*[\u4e00-\u9fff]{2,4}",
            r"(?:信息)?来源\s*[:：]\s*\S{1,20}?\s*(?:发布|发表)(?:时间|日期)\s*[:：]\s*"
            r"[\d０-９]{4}[-/.年][\d０-９]{1,2}[-/.月][\d０-９]{1,2}日?"
            r"(?:\s+[\d０-９]{1,2}:[\d０-９]{2}(?::[\d０-９]{2})?)?",
            r"(?:发布|发表)(?:时间|日期)\s*[:：]\s*[\d０-９]{4}-[\d０-９]{1,2}-[\d０-９]{1,2}"
            r"(?:\s+[\d０-９]{1,2}:[\d０-９]{2}(?::[\d０-９]{2})?)?",
            r"[（(]?新华社[\u4e00-\u9fff]{0,8}[\d０-９]{1,2}月[\d０-９]{1,2}日电[）)]?",
        ]
    )
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(everywhere, edge-only) whole-line patterns from loaders/data/chrome.txt."""
    data = importlib.resources.files("kg.loaders") / "data" / "chrome.txt"
    everywhere: list[str] = []
    edge: list[str] = []
    for raw in data.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("edge:"):
            edge.append(line[5:].strip())
        else:
            everywhere.append(line)
    join = lambda ps: re.compile("|".join(f"(?:{p})" for p in ps) or r"(?!)")  # noqa: E731
    return join(everywhere), join(edge)


def _strip(s: str) -> str:
    return s.strip(_SPACE)


def is_chrome_line(line: str, *, edge: bool = False) -> bool:
    """True when the whole ``line`` is page chrome (``edge``: before/after the report)."""
    s = _strip(line)
    if not s:
        return False
    if len(s) <= 80 and _CAPTION.fullmatch(s):
        return True
    if _SENTENCE_PUNCT.search(s) and not _is_footer(s):
        return False
    everywhere, edge_only = _patterns()
    if everywhere.fullmatch(s):
        return True
    if _ISO_DATE.fullmatch(s) and len(s) <= 25:
        return True
    if _DATE_TIME.fullmatch(s) and re.search(r"[:：时]", s):
        return True
    return edge and bool(edge_only.fullmatch(s))


def _is_footer(s: str) -> bool:
    return bool(re.search(r"ICP备|公网安备|网站标识码|版权所有", s)) and len(s) <= 120


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end before the line break."""
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _short_plain(s: str, limit: int = 30) -> bool:
    return 0 < len(s) <= limit and not _HAS_PUNCT.search(s)


def find_chrome(text: str) -> tuple[tuple[int, int], ...]:
    """Ranges of ``text`` that are page chrome, sorted and non-overlapping.

    Whole-line ranges cover the line's visible characters (not its break).
    """
    lines = _lines(text)
    content = [_strip(text[a:b]) for a, b in lines]
    n = len(lines)
    nonblank = [i for i in range(n) if content[i]]
    if not nonblank:
        return ()
    body_first, body_last = _body_bounds(content, nonblank)

    def edge(i: int) -> bool:
        return i < body_first or i > body_last

    chrome = [False] * n
    for i in nonblank:
        if len(content[i]) <= 200 and is_chrome_line(content[i], edge=edge(i)):
            chrome[i] = True

    pos = {line: k for k, line in enumerate(nonblank)}

    def nxt(i: int, step: int = 1) -> int | None:
        k = pos[i] + step
        return nonblank[k] if 0 <= k < len(nonblank) else None

    # label lines whose value sits on the next line: "来源：" / "四川日报"
    for i in nonblank:
        s = content[i]
        if _LABEL_ONLY.fullmatch(s) and chrome[i] or _LABEL_ONLY.fullmatch(s) and edge(i):
            chrome[i] = True
            j = nxt(i)
            if j is not None and not chrome[j]:
                v = content[j]
                if (_short_plain(v) or _DATE_TIME.fullmatch(v) or _ISO_DATE.fullmatch(v)) and not (
                    _REPORTISH.search(v) or _SPEAKER.fullmatch(v)
                ):
                    chrome[j] = True
    # the font-size widget spread over lines: 【字体： / 大 / 中 / 小 / 】
    for i in nonblank:
        if _FONT_OPEN.fullmatch(content[i]):
            chrome[i] = True
            j = nxt(i)
            while j is not None and _FONT_ITEM.fullmatch(content[j]):
                chrome[j] = True
                if content[j] in "】]":
                    break
                j = nxt(j)
    # breadcrumbs spread over lines: 首页 / > / 政府信息公开 / > / 政府工作报告
    for i in nonblank:
        if _SYMBOLS.fullmatch(content[i]) and re.fullmatch(r"[>»›/]+", content[i]):
            for j in (nxt(i, -1), nxt(i)):
                if j is not None and _short_plain(content[j], 20) and not _SPEAKER.fullmatch(content[j]):
                    chrome[j] = True
    # before and after the report: short plain lines touching chrome
    changed = True
    while changed:
        changed = False
        for i in nonblank:
            if chrome[i] or not edge(i):
                continue
            s = content[i]
            if not _short_plain(s, 25) or _REPORTISH.search(s) or _SPEAKER.fullmatch(s):
                continue
            if re.search(r"[\d０-９]{4}年", s):
                continue
            near = [j for j in (nxt(i, -1), nxt(i)) if j is not None and chrome[j]]
            if near and (i > body_last or any(_SYMBOLS.fullmatch(content[j]) for j in near)):
                chrome[i] = True
                changed = True

    ranges: list[tuple[int, int]] = []
    for i in nonblank:
        a, b = lines[i]
        if chrome[i]:
            line = text[a:b]
            lead = len(line) - len(line.lstrip(_SPACE))
            trail = len(line) - len(line.rstrip(_SPACE))
            ranges.append((a + lead, b - trail))
        else:
            for m in _INLINE.finditer(text, a, b):
                if m.end() > m.start():
                    ranges.append((m.start(), m.end()))
    return tuple(_merge(ranges))


def _body_bounds(content: list[str], nonblank: list[int]) -> tuple[int, int]:
    """First and last line index of the report proper (outside them: header, footer)."""
    first = None
    for i in nonblank:
        s = content[i]
        if (
            re.match(r"各位(?:代表|委员|主任)", s)
            or re.search(r"在.{0,40}(?:人民代表大会|人大).{0,20}(?:会议|大会)上", s)
            or len(s) > 60
            and _SENTENCE_PUNCT.search(s)
        ):
            first = i
            break
    if first is None:
        first = nonblank[0]
    last = first
    for i in reversed(nonblank):
        s = content[i]
        if i <= first:
            break
        if len(s) > 40 and re.search(r"[。！？!?；;]", s) and not _is_footer(s):
            last = i
            break
    return first, last


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character in ``ranges`` replaced by a space, line breaks kept."""
    chars = list(text)
    for a, b in ranges:
        for k in range(a, b):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)
