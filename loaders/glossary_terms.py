"""Glossary entries as a vocabulary: formula terms decomposed, body mentions linked.

A work report's glossary ("有关名词解释", "名词解释", footnotes ［n］) explains the
shorthand the body uses. Two kinds of term occur throughout the genre:

* **formula terms** built from symbols — digits joined by "+" ("1+5+3+N"), digit strings
  whose digits the definition names one by one ("45432": 第一个“4”是指…), or Chinese
  counts glued together ("一环六射", "一图一平台N应用", "两非两资"). Each symbol becomes
  one :class:`~kg.model.GlossaryComponent` in order, with its meaning and, where the
  definition lists them, its members;
* **counted terms** ("双减", "四个最严", "六个一"): a count and a list of that many
  parts; each part becomes a component with ``symbol=None``.

How a definition maps symbols to meanings, most explicit first:

1. the symbols are named ("“1”是…", "“一环”由…构成", "第二个“4”是指…");
2. the symbols open count phrases ("1个总指挥部,5个分指挥部(…)", "20大产业集群包括…");
3. the definition is a plain list whose length fits the symbols one to one or by their
   counts ("7+1": eight items, the first seven and the last one) — ``inferred=True``.

Mentions are the places in the body (never the glossary) where a term is used: the full
term, or its bare key when quoted ("“双招双引”"), long enough to be unambiguous, or
followed by the entry's footnote mark ("［3］"). Two entries sharing a key ("六个一"
工作机制 / 工作体系) are told apart by the words around the mention.

Everything here is a rule of the genre; nothing names a term of any one report.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.loaders.sentences import CIRCLED, circled_number
from kg.model import GlossaryComponent, GlossaryEntry, GlossaryTerm, Mention, Report

log = logging.getLogger(__name__)

__all__ = [
    "extract_glossary_terms",
    "select_glossary_terms",
    "decompose_entry",
    "find_term_mentions",
    "key_count",
]

# ----------------------------------------------------------------- characters

CN_DIGITS = "零〇一二三四五六七八九十百千两"
"""Chinese numerals a count can be written with (双 is handled apart: it is a count
only at the start of a term segment)."""
COUNT_CHARS = CN_DIGITS + "双"
COUNT_CLASSIFIERS = "个大类项张条家名支座批套份篇种件所位"
"""Measure words that follow a count in a count phrase ("5个", "20大", "8类", "7项")."""
OPEN = "(（[［【《“‘「"
CLOSE = ")）]］】》”’」"
PAIRS = dict(zip(OPEN, CLOSE))
QUOTES_L = "“‘「\""
QUOTES_R = "”’」\""
CLAUSE_SEPS = "，,；;。：:"
LIST_SEPS = "、"
AND_WORDS = ("以及", "和", "及", "与")
DEFINING = ("是指", "就是", "是", "指", "即", "为", "包括", "由", "：", ":")
MAX_PART = 40
"""A part of a counted term longer than this is narrative, not a listed part."""
TRIM = " \t\r\n\u3000，,；;。：:、+＋"

_DIGITS = re.compile(r"[0-9０-９]+")


# ----------------------------------------------------------------- numbers


def _to_int(numeral: str) -> int | None:
    """The value of "5", "２０", "六", "两", "双", "十二"; None for N/若干/unknown."""
    if not numeral:
        return None
    if _DIGITS.fullmatch(numeral):
        return int(numeral.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if numeral == "双":
        return 2
    try:
        import cn2an

        value = cn2an.cn2an(numeral, "smart")
    except Exception:  # cn2an raises plain ValueErrors of its own
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def key_count(key: str) -> int | None:
    """The count a counted term opens with ("四个最严" → 4, "双减" → 2, "六个一" → 6)."""
    m = re.match(rf"[“‘\"]?([0-9]+|[{COUNT_CHARS}]+)", key)
    if not m:
        return None
    numeral = m.group(1)
    if numeral.startswith("双"):
        numeral = "双"
    return _to_int(numeral)


# ----------------------------------------------------------------- symbols


@dataclass(frozen=True, slots=True)
class _Symbol:
    text: str
    count: int | None
    """How many things the symbol stands for (None for N or unknown)."""
    numeral: str
    """The count as written ("5", "六", "N")."""


def _plus_symbols(key: str) -> list[_Symbol] | None:
    parts = re.split(r"\s*[+＋]\s*", key)
    if len(parts) < 2:
        return None
    out = []
    for p in parts:
        if not re.fullmatch(rf"[0-9]+|[A-Za-z]|[{CN_DIGITS}]+", p):
            return None  # a letter is an open count: "N", "X" (1+X证书)
        out.append(_Symbol(p, None if p.isalpha() and p.isascii() else _to_int(p), p))
    return out


_SEGMENT = re.compile(rf"(?:[0-9]+|[Nn]|[{COUNT_CHARS}]+)[^{COUNT_CHARS}0-9Nn]*")


def _segment_symbols(key: str) -> list[_Symbol] | None:
    """"一环六射" → 一环, 六射; "一图一平台N应用" → 一图, 一平台, N应用 (None if not so)."""
    if "、" in key:
        parts = [p.strip("“”\"") for p in key.split("、")]
    else:
        if not re.match(rf"[0-9Nn{COUNT_CHARS}]", key):
            return None
        parts = _SEGMENT.findall(key)
        if "".join(parts) != key:
            return None
    out = []
    for p in parts:
        m = re.match(rf"([0-9]+|[Nn]|[{COUNT_CHARS}]+)", p)
        if not m:
            return None
        numeral = m.group(1)
        rest = p[m.end():].lstrip(COUNT_CLASSIFIERS)
        if not rest:  # "六个一": a count with nothing counted is not a segment
            return None
        if len(numeral) > 1 and numeral.startswith("双"):
            return None
        count = None if numeral in "Nn" else _to_int(numeral)
        if count is None and numeral not in "Nn":
            return None
        out.append(_Symbol(p, count, numeral))
    return out if len(out) >= 2 else None


# ----------------------------------------------------------------- splitting


def _split_top(text: str, seps: str | tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``text`` between separators at bracket/quote depth 0."""
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    start = 0
    i = 0
    n = len(text)
    words = seps if isinstance(seps, tuple) else tuple(seps)
    while i < n:
        c = text[i]
        if depth and c == depth[-1]:
            depth.pop()
            i += 1
            continue
        if c in PAIRS and not (c == "“" and depth and depth[-1] == "”"):
            depth.append(PAIRS[c])
            i += 1
            continue
        if not depth:
            hit = next((w for w in words if text.startswith(w, i)), None)
            if hit:
                spans.append((start, i))
                i += len(hit)
                start = i
                continue
        i += 1
    spans.append((start, n))
    return spans


def _pieces(text: str, seps: str | tuple[str, ...]) -> list[str]:
    out = []
    for a, b in _split_top(text, seps):
        s = text[a:b].strip(TRIM)
        if s:
            out.append(s)
    return out


def _strip_end(text: str) -> str:
    return text.strip(TRIM)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in QUOTES_L and text[-1] in QUOTES_R:
        inner = text[1:-1]
        if not any(q in inner for q in QUOTES_L + QUOTES_R):
            return inner
    return text


def _members(listing: str) -> list[str]:
    """Items of an enumeration; a parenthesised sub-list stands for its own items."""
    out: list[str] = []
    listing = _strip_end(listing)
    if re.fullmatch(r"(?:“[^“”]+”)+", listing):  # “甲”“乙”“丙”
        return re.findall(r"“([^“”]+)”", listing)
    if re.fullmatch(r"(?:《[^《》]+》){2,}", listing):  # 《甲》《乙》
        return re.findall(r"《[^《》]+》", listing)
    for item in _pieces(listing, LIST_SEPS):
        m = re.fullmatch(r"(.+?)[(（](.+)[)）]", item)
        if m and "、" in m.group(2):
            out.extend(_pieces(m.group(2), LIST_SEPS))
        else:
            out.append(item)
    return out


_COUNT_TAIL = re.compile(
    rf"(?P<tail>[“‘]?(?:[0-9]+|[Nn]|若干|[{CN_DIGITS}]+)[{COUNT_CLASSIFIERS}][^、，,；;。]*?[”’]?)$"
)


def _split_and(items: list[str], count: int | None) -> list[str]:
    """Split "甲和乙" in the last item when the stated count asks for one more item."""
    if count is None or len(items) != count - 1 or not items:
        return items
    last = items[-1]
    for word in AND_WORDS:
        parts = _pieces(last, (word,))
        if len(parts) == 2:
            return items[:-1] + parts
    return items


def _list_with_tail(clause: str) -> tuple[str, list[str]] | None:
    """"甲、乙和丙3个普惠性政策" → ("3个普惠性政策", [甲, 乙, 丙]);
    "甲、乙等行业专项政策" → ("行业专项政策", [甲, 乙]); None when not that shape."""
    items = _pieces(clause, LIST_SEPS)
    if not items:
        return None
    last = items[-1]
    tail = None
    head_of_last = last
    # "…等N个功能应用", "…等8类常备队伍", "…等“四新”未来产业", "…等行业专项政策"
    k = last.rfind("等")
    if k > 0 and k == len(last) - 1:
        # "甲以及乙、丙、丁等": an open list with no head noun; the clause is the meaning
        items = [p for it in items[:-1] + [last[:k]] for p in _pieces(it, ("以及",))]
        if len(items) < 2:
            return None
        return clause, [m for it in items for m in _members(it)]
    if k > 0:
        head_of_last, tail = last[:k], last[k + 1:]
    else:
        m = _COUNT_TAIL.search(last)
        if m and m.start() > 0:
            head_of_last, tail = last[: m.start()], m.group("tail")
    if not tail or not head_of_last:
        return None
    members = items[:-1] + [head_of_last]
    tail_clean = _unquote(tail)
    count = key_count(tail_clean)
    members = _split_and(members, count)
    if len(members) < 2:
        return None
    return tail_clean, [m for mm in members for m in _members(mm)]


def _describe(body: str, symbol: str, term: str) -> tuple[str, list[str]]:
    """Meaning and members of one symbol from the text that defines it."""
    body = _strip_end(body)
    for verb in DEFINING:
        if body.startswith(verb) and verb not in ("由", "包括"):
            body = body[len(verb):]
            break
    body = _strip_end(body)
    # "由甲、乙、丙构成"
    m = re.match(r"由(.+?)(?:构成|组成|共同组成)(?:[，,；;。]|$)", body)
    if m:
        return symbol, _members(m.group(1))
    if body.startswith("包括"):
        return symbol, _members(_pieces(body[2:], CLAUSE_SEPS)[0] if body[2:] else "")
    clauses = _pieces(body, CLAUSE_SEPS)
    if not clauses:
        return symbol, []
    first = clauses[0]
    # "20大产业集群包括甲、乙…" / "六个横向输水大动脉，包括甲、乙…6个工程"
    spans = _split_top(first, ("包括", "包含"))
    if len(spans) > 1:
        head = _strip_end(first[spans[0][0]:spans[0][1]])
        rest = first[spans[1][0]:]
        lt = _list_with_tail(rest)
        return (head or symbol), (lt[1] if lt else _members(rest))
    if len(clauses) > 1 and re.match(r"(包括|包含|即)", clauses[1]):
        rest = re.sub(r"^(包括|包含|即)", "", clauses[1])
        lt = _list_with_tail(rest)
        return first, (lt[1] if lt else _members(rest))
    lt = _list_with_tail(first)
    if lt:
        return lt
    quoted = re.fullmatch(r"(?:“[^“”]+”){2,}", first)
    if quoted:  # "“甲”“乙”“丙”": quoted items side by side
        return first, _members(first)
    return _drop_term_tail(first, term), []


def _drop_term_tail(text: str, term: str) -> str:
    """"N个协同合力的大招商工作体系" → "N个协同合力" when the tail repeats the term."""
    k = text.rfind("的")
    if k > 0 and len(text) - k > 2 and text[k + 1:] in term:
        return text[:k]
    return text


# ----------------------------------------------------------------- decomposition


def _definition_body(definition: str) -> str:
    d = definition.strip()
    for verb in ("是指", "指的是", "即"):
        if d.startswith(verb):
            return d[len(verb):]
    return d


def _explicit(symbols: list[_Symbol], definition: str, term: str) -> list[GlossaryComponent] | None:
    """Symbols named in the definition: "“1”是…，“3”是…", "“一环”由…构成;“六射”包括…"."""
    marks: list[tuple[int, int]] = []
    pos = 0
    for sym in symbols:
        pat = re.compile(
            rf"(?:第[{CN_DIGITS}]+个)?[“‘\"]{re.escape(sym.text)}[”’\"]\s*"
            r"(?=是指|就是|是|指|即|为|包括|由|：|:)"
        )
        m = pat.search(definition, pos)
        if not m:
            return None
        marks.append((m.start(), m.end()))
        pos = m.end()
    out = []
    for i, sym in enumerate(symbols):
        end = marks[i + 1][0] if i + 1 < len(symbols) else len(definition)
        meaning, members = _describe(definition[marks[i][1]:end], sym.text, term)
        out.append(GlossaryComponent(sym.text, meaning, tuple(members)))
    return out


def _count_pattern(sym: _Symbol) -> str:
    if sym.count is None:
        alts = [re.escape(sym.numeral)]
    else:
        alts = [str(sym.count)]
        if sym.numeral not in alts:
            alts.append(re.escape(sym.numeral))
    digits = "|".join(a for a in alts if a.isascii())
    chinese = "|".join(a for a in alts if not a.isascii())
    out = []
    if digits:
        out.append(rf"(?<![0-9A-Za-z.])(?:{digits})(?=[{COUNT_CLASSIFIERS}])")
    if chinese:
        out.append(rf"(?:(?<=^)|(?<=[，,；;。、+＋]))(?:{chinese})(?=[{COUNT_CLASSIFIERS}])")
    return "|".join(out)


def _count_led(symbols: list[_Symbol], definition: str, term: str) -> list[GlossaryComponent] | None:
    """Symbols opening count phrases: "1个总指挥部,5个分指挥部(甲、乙),N个重大专项"."""
    starts: list[int] = []
    pos = 0
    for sym in symbols:
        m = re.compile(_count_pattern(sym)).search(definition, pos)
        if not m:
            return None
        starts.append(m.start())
        pos = m.end()
    out = []
    for i, sym in enumerate(symbols):
        end = starts[i + 1] if i + 1 < len(symbols) else len(definition)
        seg = _strip_end(definition[starts[i]:end])
        # the count phrase runs to the first bracket, 包括, or clause break
        m = re.match(r"(.+?)(?=[(（]|包括|包含|[，,；;。:：]|$)", seg)
        head = _drop_term_tail(_strip_end(m.group(1)) if m else seg, term)
        rest = seg[m.end():] if m else ""
        members: list[str] = []
        pm = re.match(r"[(（](.+?)[)）]", rest)
        if pm:
            members = _members(pm.group(1))
        else:
            im = re.match(r"[，,]?(?:包括|包含)(.+)", rest)
            if im:
                lt = _list_with_tail(_pieces(im.group(1), "；;。")[0])
                members = lt[1] if lt else _members(_pieces(im.group(1), "；;。")[0])
        out.append(GlossaryComponent(sym.text, head, tuple(members)))
    return out


def _levels(definition: str) -> list[list[tuple[int, int]]]:
    """The definition cut into items at coarser to finer separators (offsets kept)."""
    body = definition.rstrip(TRIM)
    lead = len(definition) - len(definition.lstrip(TRIM))
    out = []
    for seps in (CLAUSE_SEPS, CLAUSE_SEPS + LIST_SEPS):
        out.append(_nonempty(body, _split_top(body, seps), lead))
    finest = []
    for a, b in out[-1]:
        for c, d in _split_top(body[a:b], AND_WORDS):
            finest.append((a + c, a + d))
    out.append(_nonempty(body, finest, lead))
    return out


def _nonempty(body: str, spans: list[tuple[int, int]], lead: int) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        seg = body[a:b]
        a2 = a + len(seg) - len(seg.lstrip(TRIM))
        b2 = b - (len(seg) - len(seg.rstrip(TRIM)))
        if b2 > a2 and a2 >= lead:
            out.append((a2, b2))
        elif b2 > a2:
            out.append((max(a2, lead), b2))
    return out


def _mapped(symbols: list[_Symbol], definition: str, term: str, key: str) -> list[GlossaryComponent] | None:
    """A plain list mapped onto the symbols one to one or by their counts (inferred)."""
    counts = [s.count for s in symbols]
    for level in _levels(definition):
        if len(level) == len(symbols):
            out = []
            for sym, (a, b) in zip(symbols, level):
                text = _strip_connector(definition[a:b])
                m = re.fullmatch(r"(?:坚持)?以(.+)为(.{2,8})", text)
                items = _members(m.group(1)) if m and "以" not in m.group(2) else []
                if len(items) >= 2:  # "以甲、乙为目标定位": the role names the symbol
                    out.append(GlossaryComponent(sym.text, m.group(2), tuple(items), inferred=True))
                    continue
                members = []
                if (sym.count or 0) > 1:
                    # "甲、乙、丙三种空间", "甲和乙", "甲、乙": the split that gives the count
                    lt = _list_with_tail(text)
                    splits = [lt[1]] if lt else []
                    splits += [[_strip_end(m) for m in _pieces(text, AND_WORDS)], _members(text)]
                    for split in splits:
                        if len(split) == sym.count:
                            members = split
                            break
                out.append(GlossaryComponent(sym.text, text, tuple(members), inferred=True))
            return out
        if None not in counts and sum(counts) == len(level) and len(level) > len(symbols):
            out = []
            i = 0
            suffix = term.replace(key, "", 1) if key in term else ""
            for sym in symbols:
                group = level[i:i + sym.count]
                i += sym.count
                items = [definition[a:b] for a, b in group]
                if len(group) == 1:
                    meaning = items[0]
                elif sym.numeral[0].isdigit() and suffix:
                    meaning = f"{sym.numeral}个{suffix}"
                else:
                    meaning = definition[group[0][0]:group[-1][1]]
                out.append(GlossaryComponent(sym.text, meaning, tuple(items), inferred=True))
            return out
    return None


def _strip_connector(text: str) -> str:
    """"以及分别划定的…" → "分别划定的…": a clause's leading conjunction is not its meaning."""
    for word in AND_WORDS + ("并且", "并", "同时"):
        if text.startswith(word) and len(text) > len(word) + 1:
            return text[len(word):]
    return text


def _abbreviated(key: str, definition: str) -> list[GlossaryComponent]:
    """"放管服" → 简政放权, 放管结合, 优化服务: a key whose characters each abbreviate one
    item of a list of that many items, in order (symbol None)."""
    if not 2 <= len(key) <= 6 or re.search(rf"[0-9A-Za-z{COUNT_CHARS}]", key):
        return []
    body = _definition_body(definition)
    for level in _levels(body):
        items = [body[a:b] for a, b in level]
        if len(items) == len(key) and all(c in it for c, it in zip(key, items)):
            if max(len(i) for i in items) <= MAX_PART:
                return [GlossaryComponent(None, it) for it in items]
    return []


def _parallel(symbols: list[_Symbol], definition: str) -> bool:
    """"三力三区", "双招双引": segments of one count over a list of that many items, each
    item carrying what every segment counts ("招商引资" has 招 and 引) — a counted term
    whose parts are the items, not a formula."""
    counts = {s.count for s in symbols}
    if len(counts) != 1 or None in counts:
        return False
    (count,) = counts
    if count < 2:
        return False
    contents = [s.text[len(s.numeral):].lstrip(COUNT_CLASSIFIERS) for s in symbols]
    for level in _levels(definition):
        if len(level) == count:
            items = [definition[a:b] for a, b in level]
            if all(c in it for it in items for c in contents):
                return True
    return False


def _expand_shared_head(items: list[str]) -> list[str]:
    """"减轻甲负担和乙负担" split at 和 → the second item takes the first one's head."""
    if len(items) != 2:
        return items
    first, second = items
    common = 0
    while common < min(len(first), len(second)) and first[-1 - common] == second[-1 - common]:
        common += 1
    if common < 2 or len(second) >= len(first) or common == len(second):
        return items
    stem = first[: len(first) - common]
    words = _cut(stem)
    if len(words) < 3:
        return items
    head = "".join(words[:-1])
    return [first, head + second]


@lru_cache(maxsize=512)
def _cut_cached(text: str) -> tuple[str, ...]:
    import jieba

    from kg.loaders.jieba_dict import watch

    watch()
    jieba.setLogLevel(logging.WARNING)
    return tuple(jieba.cut(text))


def _cut(text: str) -> list[str]:
    return list(_cut_cached(text))


def _counted(count: int | None, definition: str, key: str = "", term: str = "") -> list[GlossaryComponent]:
    """The parts of a counted term ("四个最严" → its four parts), symbol None."""
    if count is None or count < 2:
        return []
    body = _definition_body(definition)
    for idx, level in enumerate(_levels(body)):
        if len(level) == count:
            items = [body[a:b] for a, b in level]
            if max(len(i) for i in items) > MAX_PART or "。" in body.rstrip("。"):
                break  # a narrative definition, not a list of the parts
            if idx == 2:
                items = _expand_shared_head(items)
            return [GlossaryComponent(None, it) for it in _trim_affixes(_list_items(items), term)]
    for clause in _pieces(body, CLAUSE_SEPS):
        # the list may sit inside a longer definition: "…推进甲、乙、丙等3个重大专项，…"
        lt = _list_with_tail(clause)
        if lt and len(lt[1]) == count and key_count(lt[0]) in (None, count):
            items = lt[1]
            items[0] = _after_verb(items[0])
            return [GlossaryComponent(None, it) for it in items]
        # "甲、乙“双某某”的简称": the list runs up to the quoted key
        if key:
            k = clause.find(f"“{key}”")
            if k > 0:
                items = _pieces(clause[:k], LIST_SEPS)
                items = _split_and(items, count)
                if len(items) == count:
                    return [GlossaryComponent(None, it) for it in items]
    # "提出甲、乙、丙等3个方面21条措施": a count of measures over a list of the fields
    # they cover; the fields are the parts (inferred)
    m = re.search(r"([0-9]+|[一二三四五六七八九十百]+)([条项])", key)
    if m:
        for clause in _pieces(body, CLAUSE_SEPS):
            k = clause.find(m.group(0))
            cut = clause.rfind("等", 0, k) if k > 0 else -1
            if cut > 0:
                items = _pieces(clause[:cut], LIST_SEPS)
                if 2 <= len(items) <= 12 and max(len(i) for i in items) <= MAX_PART:
                    return [GlossaryComponent(None, it, inferred=True) for it in _drop_lead_word(items)]
    # "以“甲、乙”为目标": a quoted list of that many items (inferred)
    for quoted in re.findall(r"“([^“”]+)”", body):
        items = _pieces(quoted, LIST_SEPS)
        if len(items) == count:
            return [GlossaryComponent(None, it, inferred=True) for it in items]
    return []


_ORDINAL = re.compile(rf"^(?:[{CN_DIGITS}]+是|第[{CN_DIGITS}]+[，,、]?|[（(][{CN_DIGITS}0-9]+[）)])")
_LIST_LEAD = ("是指", "指的是", "包括", "包含", "指", "即", "为", "是")


def _list_items(items: list[str]) -> list[str]:
    """The parts a counted term's definition lists, without what frames the list:
    "一是…、二是…" ordinals, and a verb before the first item only ("指实施甲行动、乙行动"
    → 甲行动 when the items share their tail)."""
    items = [_ORDINAL.sub("", it) or it for it in items]
    first = items[0]
    for lead in _LIST_LEAD:
        if first.startswith(lead) and len(first) > len(lead) + 1:
            first = first[len(lead):]
            break
    rest = items[1:]
    if len(rest) >= 2 and len({r[-2:] for r in rest}) == 1 and first.endswith(rest[0][-2:]):
        cut = _drop_lead_word([first, *rest])[0]
        if len(cut) >= min(len(r) for r in rest):
            first = cut
    return [first, *rest]


def _drop_lead_word(items: list[str]) -> list[str]:
    """"提出甲、乙、丙" / "针对甲、乙": the verb or preposition opening a list found inside
    a clause is not part of its first item (when no other item opens with it)."""
    import jieba.posseg as posseg

    words = list(posseg.cut(items[0]))
    if len(words) > 1 and words[0].flag in ("v", "p") and not any(r.startswith(words[0].word) for r in items[1:]):
        rest = items[0][len(words[0].word):]
        if len(rest) >= 2:
            return [rest, *items[1:]]
    return items


def _trim_affixes(items: list[str], term: str) -> list[str]:
    """Cut what the list's first and last items carry for the whole list:
    "农村集体的甲、乙、丙" → 甲; "…防治早甲、早乙、早丙、早丁工程" → 早甲 … 早丁."""
    if len(items) < 2:
        return items
    items = list(items)
    rest = items[1:]
    first = items[0]
    k = first.rfind("的")
    if k > 0 and not any("的" in r for r in rest):
        after = first[k + 1:]
        if after and len(after) <= max(len(r) for r in rest) + 1 and len(first) > 2 * len(after):
            items[0] = after
    if len(items) >= 3:
        middle = items[1:-1]
        lead = middle[0][0]
        if all(m[0] == lead for m in middle) and items[0][0] != lead and lead in items[0][1:]:
            items[0] = items[0][items[0].rfind(lead):]
        trail = middle[0][-1]
        if all(m[-1] == trail for m in middle) and items[-1][-1] != trail and trail in items[-1][:-1]:
            items[-1] = items[-1][: items[-1].rfind(trail) + 1]
    last = items[-1]
    common = 0
    while common < min(len(last), len(term)) and last[-1 - common] == term[-1 - common]:
        common += 1
    if common >= 2 and len(last) > common and not any(i.endswith(last[-common:]) for i in items[:-1]):
        items[-1] = last[:-common]
    return items


def _after_verb(item: str) -> str:
    """"全力推进人工智能" → "人工智能": a list found inside a clause starts after the
    clause's last verb (verbal nouns such as 违规/设置 stay in the item)."""
    import jieba.posseg as posseg

    words = [(w.word, w.flag) for w in posseg.cut(item)]
    last = max((i for i, (_, f) in enumerate(words) if f == "v"), default=-1)
    if last < 0 or last == len(words) - 1:
        return item
    rest = "".join(w for w, _ in words[last + 1:])
    return rest if len(rest) >= 2 else item


def decompose_entry(entry: GlossaryEntry) -> tuple[GlossaryComponent, ...]:
    """The ordered components of one glossary entry (empty when it has none)."""
    key = entry.key.strip()
    definition = _definition_body(entry.definition)
    term = entry.term
    plus = _plus_symbols(key)
    if plus:
        found = (
            _explicit(plus, definition, term)
            or _count_led(plus, definition, term)
            or _mapped(plus, definition, term, key)
        )
        return tuple(found or ())
    if re.fullmatch(r"[0-9]{2,}", key):  # "45432": only when the digits are named
        digits = [_Symbol(c, int(c), c) for c in key]
        return tuple(_explicit(digits, definition, term) or ())
    segs = _segment_symbols(key)
    if segs:
        found = _explicit(segs, definition, term)
        if found:
            return tuple(found)
        if _parallel(segs, definition):
            return tuple(_counted(segs[0].count, definition, key, term))
        found = _count_led(segs, definition, term) or _mapped(segs, definition, term, key)
        if found:
            return tuple(found)
        # "五位一体": segments that map onto nothing; read it as a counted term
        return tuple(_counted(key_count(key), definition, key, term))
    count = key_count(key)
    if count is None:
        return tuple(_abbreviated(key, definition))
    return tuple(_counted(count, definition, key, term))


# ----------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    start: int
    end: int
    key_start: int
    key_end: int
    score: int


def _key_pattern(key: str) -> str:
    """The key as a regex, tolerant of quotes the body adds inside it ("三张“零关税”清单"
    for 三张零关税清单); "甲、乙" also matches “甲”“乙” and “甲”、“乙”."""
    parts = [p.strip("“”\"") for p in key.split("、")] if "、" in key else [key]
    inner = r"[“”‘’]?"
    glue = r"[”’\"]?[、，,]?[“‘\"]?"
    return glue.join(inner.join(re.escape(c) for c in p if c not in "“”‘’\"") for p in parts)


def _bounded(text: str, start: int, end: int, key: str) -> bool:
    """A formula key must not run on into a longer number/formula ("1+5" in "1+5+3")."""
    ascii_run = re.compile(r"[0-9A-Za-z+＋.]")
    if re.match(r"[0-9A-Za-z+＋]", key[0]) and start > 0 and ascii_run.match(text[start - 1]):
        return False
    if re.match(r"[0-9A-Za-z+＋]", key[-1]) and end < len(text) and ascii_run.match(text[end]):
        return False
    return True


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _footnote_at(text: str, i: int) -> int | None:
    """The number of the footnote mark right after offset ``i`` ("［3］", "③"), if any."""
    m = re.match(rf"\s*(?:[［\[【〔]\s*([0-9]+)\s*[］\]】〕]|([{CIRCLED}]))", text[i:i + 8])
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else circled_number(m.group(2))


def _candidates(text: str, entries: list[GlossaryEntry], regions: list[tuple[int, int]]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for idx, e in enumerate(entries):
        key = e.key.strip()
        if not key:
            continue
        printed = text[e.term_start:e.term_end]
        key_quoted = bool(re.search(r"[“‘\"]" + _key_pattern(key) + r"[”’\"]", printed))
        kpos = e.term.find(key)
        prefix = e.term[:kpos] if kpos >= 0 else ""
        suffix = e.term[kpos + len(key):] if kpos >= 0 else ""
        pat = re.compile(_key_pattern(key))
        for lo, hi in regions:
            for m in pat.finditer(text, lo, hi):
                ks, ke = m.start(), m.end()
                if not _bounded(text, ks, ke, key):
                    continue
                start, end = ks, ke
                quoted = (
                    ks > lo and ke < hi and text[ks - 1] in QUOTES_L and text[ke] in QUOTES_R
                )
                if quoted:
                    start, end = ks - 1, ke + 1
                score = 0
                pre = prefix and text[max(lo, start - len(prefix)):start] == prefix
                if pre:
                    start -= len(prefix)
                    score += len(prefix)
                follow = text[end:min(hi, end + max(len(suffix), 1) + 4)]
                shared = _common_prefix(follow, suffix) if suffix else 0
                if suffix and shared == len(suffix):
                    end += len(suffix)
                score += shared
                note = _footnote_at(text, end)
                if note is not None and note == e.number:
                    score += 10
                accept = (
                    quoted
                    or pre
                    or (suffix and shared == len(suffix))
                    or (note is not None and note == e.number)
                    or (_long_enough(key) and not key_quoted)
                )
                if accept:
                    out.append(_Candidate(idx, start, end, ks, ke, score))
    return out


def _long_enough(key: str) -> bool:
    """A bare, unquoted key counts when it cannot be an ordinary word: a formula with
    "+", or three characters or more (and only when the glossary itself prints it bare:
    a key the glossary quotes is quoted where the body means the term)."""
    return "+" in key or "＋" in key or len(key) >= 3


def find_term_mentions(
    text: str, entries: list[GlossaryEntry] | tuple[GlossaryEntry, ...], regions: list[tuple[int, int]]
) -> list[tuple[Mention, ...]]:
    """Body mentions of every entry (list parallel to ``entries``) inside ``regions``."""
    entries = list(entries)
    cands = _candidates(text, entries, regions)
    # the same key span claimed by entries sharing a key: keep the best-fitting entry
    by_span: dict[tuple[int, int], _Candidate] = {}
    for c in cands:
        k = (c.key_start, c.key_end)
        best = by_span.get(k)
        if best is None or (c.score, -c.index) > (best.score, -best.index):
            by_span[k] = c
    # overlapping spans of different keys: the longer key wins ("1+5+3+N" over "1+5")
    chosen: list[_Candidate] = []
    for c in sorted(by_span.values(), key=lambda c: (-(c.key_end - c.key_start), -c.score, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    # a footnote mark ("…体系③", "…［3］") whose term was not found before it: the mark
    # itself is the mention of the note it points to
    by_number: dict[int, list[int]] = {}
    for idx, e in enumerate(entries):
        if e.number is not None:
            by_number.setdefault(e.number, []).append(idx)
    ends = {(c.index, c.end) for c in chosen}
    for lo, hi in regions:
        for m in _NOTE_MARK.finditer(text, lo, hi):
            n = int(m.group(1)) if m.group(1) else circled_number(m.group(2))
            hit = by_number.get(n, [])
            if len(hit) != 1 or any((hit[0], m.start() - k) in ends for k in range(0, 3)):
                continue
            if all(m.end() <= o.start or m.start() >= o.end for o in chosen):
                chosen.append(_Candidate(hit[0], m.start(), m.end(), m.start(), m.end(), 0))
    result: list[list[Mention]] = [[] for _ in entries]
    for c in sorted(chosen, key=lambda c: (c.start, c.end, c.index)):
        result[c.index].append(Mention(text[c.start:c.end], c.start, c.end))
    return [tuple(r) for r in result]


_NOTE_MARK = re.compile(rf"(?<=[^\s。；;：:\n{CIRCLED}])(?:[［\[【〔]([0-9]{{1,3}})[］\]】〕]|([{CIRCLED}]))")


def _body_regions(report: Report) -> list[tuple[int, int]]:
    n = len(report.text.text)
    lo = report.body_start
    hi = report.body_end if report.body_end > lo else n
    regions = [(lo, hi)]
    g = report.glossary
    if g is not None:
        cut: list[tuple[int, int]] = []
        for a, b in regions:
            if g.end <= a or g.start >= b:
                cut.append((a, b))
                continue
            if a < g.start:
                cut.append((a, g.start))
            if g.end < b:
                cut.append((g.end, b))
        regions = cut
    return regions


# ----------------------------------------------------------------- entry point


def extract_glossary_terms(report: Report) -> tuple[GlossaryTerm, ...]:
    """Each glossary entry of ``report`` with its components and its body mentions."""
    if report.glossary is None or not report.glossary.entries:
        return ()
    entries = report.glossary.entries
    mentions = find_term_mentions(report.text.text, entries, _body_regions(report))
    out = []
    for entry, ms in zip(entries, mentions):
        components = decompose_entry(entry)
        if not components:
            log.debug("glossary entry %s (%s): no components", entry.number, entry.term)
        out.append(GlossaryTerm(entry=entry, components=components, mentions=ms))
    return tuple(out)


def _normalise(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s“”‘’\"'「」]", "", s).lower()


def select_glossary_terms(terms: tuple[GlossaryTerm, ...], query: str) -> tuple[GlossaryTerm, ...]:
    """The terms ``query`` names: an entry number ("5"), a key ("20+8", also one two
    entries share) or a term ("“20+8”产业"; quotes, width and spaces ignored)."""
    q = _normalise(query)
    if q.isdigit():
        hit = tuple(t for t in terms if t.entry.number == int(q))
        if hit:
            return hit
    for field in ("key", "term"):
        hit = tuple(t for t in terms if _normalise(getattr(t.entry, field)) == q)
        if hit:
            return hit
    return tuple(t for t in terms if q and q in _normalise(t.entry.term))
