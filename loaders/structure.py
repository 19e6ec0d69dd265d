"""Text → Report: body, parts, sections, lead phrases, paragraphs, sentences, glossary.

The shape of a 政府工作报告 (any level, any decade) as this parser reads it:

- a title block (title, dateline, speaker), then the greeting "各位代表：" which opens the
  body; the body runs to the glossary ("有关名词解释", "注释" …) or the end;
- top-level parts, numbered "一、" ("一、2022年工作回顾") or printed as bare title lines
  whose numerals were lost ("2023年工作回顾"), sometimes run on in single-line files;
- numbered sections in a part: "（一）", "(一)", "一、" when the parts are unnumbered,
  or paragraph-opening "一是…二是…" when that is the part's only numbering. A missing or
  garbled numeral ("()坚持高位推动…") is numbered by position and flagged;
- parts without numbered headings may be structured by "——" bullets, by heading lines
  standing on their own, or by paragraph-opening lead sentences (``numbered=False``);
- lead phrases opening the paragraphs of a section ("经济运行总体稳健。"), sometimes run
  into the sentence without punctuation ("提升文化发展质量加快…", ``run_in=True``).

Every rule here comes from the genre's conventions; nothing lists any report's headings.
The parser never raises on odd text: what it cannot find it reports as a ``Defect``.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from kg.loaders.glossary import parse_glossary
from kg.loaders.sentences import (
    CIRCLED,
    CLOSERS,
    LINE_FINAL,
    OPENERS,
    SPACE,
    TERMINALS,
    Block,
    circled_number,
    first_sentence,
    split_paragraphs,
    split_sentences,
)
from kg.model import (
    Defect,
    Glossary,
    Paragraph,
    Part,
    PartRole,
    Report,
    ReportMeta,
    Section,
    Sentence,
    Subsection,
    Text,
)

log = logging.getLogger(__name__)

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_to_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, "3" → 3; None when it is not a numeral."""
    s = s.strip().translate(_FW_DIGITS)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(ch not in CN_DIGITS and ch != "十" for ch in s):
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        if "十" in b:
            return None
        tens = CN_DIGITS.get(a, None) if a else 1
        ones = CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGITS[s]
    return None


# ----------------------------------------------------------------------------- patterns

_ANNEX = re.compile(rf"(?:^|\n)[{SPACE}]*(?P<line>附(?:件|表|录)?[0-9０-９一二三]?[{SPACE}]*[：:]?)[{SPACE}]*(?=\n|$)")
_GREETING = re.compile(r"(?:各位|(?<![\u4e00-\u9fff])位)(?:代表|委员|主任|人大代表|同志)[^\n。]{0,16}?[：:！!，,]")
# The first part heading ("一、…" at a line start or run on after a sentence).
_FIRST_PART = re.compile(rf"(?:^|\n|(?<=[。！？]))[{SPACE}]*[一][、．.][^\n。]{{2,40}}(?:\n|[{SPACE}])")
_PART_NUMBERED = re.compile(rf"^(?P<num>[{_CN}]{{1,3}})[、．.]\s*(?P<title>.*)$", re.S)
_PART_BARE_NUMERAL = re.compile(rf"^(?P<num>[{_CN}]{{1,3}})$")
_PAREN = re.compile(rf"^[（(]\s*(?P<num>[^）)\s]{{0,3}})\s*[）)]\s*(?P<title>.*)$", re.S)
_SHI = re.compile(rf"^(?P<num>[{_CN}]{{1,3}})是[，,：:]?(?P<title>.*)$", re.S)
_DI = re.compile(rf"^第(?P<num>[{_CN}]{{1,3}})[，,、：:]\s*(?P<title>.*)$", re.S)
_DASH = re.compile(r"^——\s*(?P<title>.*)$", re.S)
# Words that make a bare title line a part title (the genre's part names).
_PART_WORDS = re.compile(
    r"(工作回顾|回顾$|工作安排|工作任务|重点工作|主要工作|目标任务|主要目标|总体要求|自身建设|"
    r"工作(?:的)?建议|主要考虑|发展成就|主要成绩|工作部署|总体部署|政策取向|重点任务|主要任务)"
)
# Part title lines of the older national reports: "关于外交工作", "结束语", "…的基本总结".
_PART_LINE = re.compile(r"^(?:关于[^，,。；;：:《》“”]{2,20}|[^，,。；;：:]{4,30}基本总结|"
                        r"(?:今后|过去)[一二三四五六七八九十两几]年[^，,。；;：:]{2,28})$")
_PLAN_OPEN = re.compile(r"(?:做好)?(?:今年|(?P<y>[12１２][0-9０-９]{3})年)(?:是|，是|[^。\n]{0,16}?(?:总体要求|主要预期目标)是)")
# The paragraph that opens a year's plan, wherever it sits ("今年经济社会发展主要预期目标是").
_PLAN_OPEN_STRICT = re.compile(r"(?:^|\n)[ \u3000]*(?:做好)?今年[^。\n]{0,16}?(?:总体要求|主要预期目标)是")
_CLOSING_LINE = re.compile(r"^结束语$")
_YEAR_LINE = re.compile(r"^[^，,。；;：:、（(]{0,12}(?:19|20|１９|２０)[0-9０-９]{2}年[^，,。；;：:]{2,24}$")
_ROLE_SELF = re.compile(r"(政府|自身|行政能力|政风|作风|行署|效能)建设|政府治理|政府效能|依法行政|政府职能转变")
_ROLE_REVIEW = re.compile(r"回顾|过去|成就|成绩|总结|以来|做了|当前[^，,]{0,6}形势")
_ROLE_FIVE = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?|[“\"](?:[六七八九]|十)五[”\"]|五年|规划|今后一个时期|中长期")
_ROLE_GOALS = re.compile(r"目标|任务|考虑|建议|部署|展望")
_ROLE_PLAN = re.compile(r"今年|本年|明年|工作安排|任务|建议|部署|要求|目标|重点工作|主要工作|计划|政策取向|安排")
_ROLE_OTHER = re.compile(r"外交|国际|统一|国防|港澳|台湾|侨务|民族团结|结束语")
_YEAR = re.compile(r"(?<![0-9０-９])([12０-９][0-9０-９]{3})年")
# Narrative paragraph openings that are not lead phrases.
_NARRATIVE = re.compile(r"^(?:各位代表|此外|同时|另外|总之|一年来|过去|今年|明年|五年来|我们|面对|根据|按照|为此|为了|在此|当前)")
# Trailing words that leave a heading unfinished ("…平安稳定基础更加").
_TRUNCATED_TAIL = re.compile(r"(?:更加|更为|越来越|进一步|日益|的|和|与|同|把|向|对|将|被)$")
# Words that open the predicate of a run-in lead phrase ("提升文化发展质量|加快…").
_PREDICATE_VERBS = (
    "加快 推动 推进 坚持 健全 完善 搭建 深化 实施 加强 强化 落实 建立 深入 积极 大力 着力 "
    "扎实 统筹 优化 提升 提高 打造 构建 开展 做好 抓好 促进 支持 鼓励 引导 聚焦 围绕 突出 全力 "
    "持续 不断 继续 切实 严格 认真 依法 加大 扩大 培育 落地 组织 启动 开工 完成 出台 制定 "
    "编制 探索 创新 用好 发挥 巩固 保障 规范 整治 开通 举办 召开 谋划 布局 招引 引进 引育 力争 "
    "确保 增强 筑牢 守牢 压实 夯实 拓展 提速 提质 激发 释放"
).split()


# How a run-in lead phrase opens (a verb or an adverb of effort) and what cannot end it.
_LEAD_OPENERS = tuple(_PREDICATE_VERBS) + tuple(
    "严密 协调 协同 全面 稳步 高质量 高水平 高标准 更好 更大 不断 努力 进一步 大幅 精准 系统 主动 "
    "有序 有效 坚决 全方位 多渠道 加速 纵深 密切 精心 用心 着眼 紧扣 紧盯 "
    "壮大 做强 做大 做优 做实 擦亮 守护 织密 增进 改善 繁荣 弘扬 涵养 办好 推行 深耕 厚植".split()
)
_NOT_FINAL = "并和与及的等或要将在对把向从为以之了着过地得所被且而"


# A figure a report states (a number with a unit or a rate), for the "figures outside
# every part" check; bare years (2023年) are not figures.
_FIGURE = re.compile(
    r"(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u3000]?"
    r"(?:%|％|个百分点|亿|万|元|吨|公里|千米|平方|公顷|亩|倍|户|家|项|个)"
)
# A numbered heading opening a line or a sentence: a sign that the text has structure.
_HEADING_SIGN = re.compile(
    rf"(?:^|\n|[。！？])[{SPACE}]*(?:[{_CN}]{{1,2}}[、．]|[（(][{_CN}]{{1,2}}[）)]|第[{_CN}]{{1,2}}[、，])")
# A footnote mark after a word in the body ("“一城三基地”①示范"); a circled number that
# opens a list item (after 。；： or a line start) or marks a missing glyph (＠①) is not one.
_FOOTNOTE_MARK = re.compile(rf"(?<=[^\s{SPACE}。；;：:！？＠@\n{CIRCLED}])(?P<n>[{CIRCLED}])")


@dataclass
class _Heading:
    kind: str  # "paren" | "cn" | "shi" | "dash" | "line" | "lead" | "bare"
    block: int
    heading_start: int
    title_start: int
    title_end: int
    numeral: str | None
    number: int | None
    defect: str | None = None
    rest_start: int | None = None  # text after the title inside the same block
    extra: dict = field(default_factory=dict)


# ------------------------------------------------------------------------------- helpers


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in SPACE or text[s] == "\n"):
        s += 1
    while e > s and (text[e - 1] in SPACE or text[e - 1] == "\n"):
        e -= 1
    return s, e


def _title_span(text: str, s: int, block: Block) -> tuple[int, int, int | None]:
    """Heading title from ``s``: to the end of its line, or to the first 。 when run on.

    Returns (title_start, title_end, rest_start) where rest_start is where the
    paragraph text after the heading starts (None when the heading fills the block).
    """
    k = next((i for i, (ls, le) in enumerate(block.lines) if ls <= s < le), len(block.lines) - 1)
    line_end = block.lines[k][1]
    # a title broken inside brackets or quotes runs on to the line that closes them
    while k + 1 < len(block.lines) and (text[line_end - 1] in OPENERS or text[block.lines[k + 1][0]] in CLOSERS):
        k += 1
        line_end = block.lines[k][1]
    fs = first_sentence(text, s, line_end)
    if fs is not None:
        ts, te = _trim(text, s, fs[1])
        rest = fs[1] + 1
        rs, re_ = _trim(text, rest, block.end)
        return ts, te, rs if rs < re_ else None
    ts, te = _trim(text, s, line_end)
    while te > ts and text[te - 1] in "；;，,：:":
        te -= 1
    rs, re_ = _trim(text, line_end, block.end)
    return ts, te, rs if rs < re_ else None


def _is_standalone(text: str, block: Block) -> bool:
    """A block that is one short line (a heading printed on its own line)."""
    return len(block.lines) == 1 and block.end - block.start <= 60


def _lead_phrase(text: str, block: Block, allow_comma: bool = False) -> tuple[int, int, int] | None:
    """A lead phrase opening ``block``: (start, end, numeral_skip) or None.

    A lead phrase is a short first sentence (≤ 26 characters, no comma) that ends in 。
    (or stands alone on its line) and is followed by more text; "一是…" openers are skipped.
    """
    s = block.start
    skip = 0
    m = re.match(rf"[{_CN}]{{1,2}}是[，,]?", text[s: s + 4])
    if m:
        skip = m.end()
        allow_comma = True
    fs = first_sentence(text, s + skip, block.end)
    line_end = block.lines[0][1]
    if fs is None:
        if len(block.lines) > 1 and text[line_end - 1] not in TERMINALS + "，,、：:":
            fs = (s + skip, line_end)
        else:
            return None
    ls, le = _trim(text, fs[0], fs[1])
    phrase = text[ls:le]
    n = len(phrase.strip("“”\"‘’"))
    if not (3 <= n <= (28 if allow_comma else 22)):
        return None
    if any(ch in phrase for ch in "；;：:") or (not allow_comma and (any(ch in phrase for ch in "，,") or phrase.count("、") > 1)):
        return None
    if _NARRATIVE.match(phrase) or re.search(r"[0-9０-９%％]", phrase) or not re.match(r"[\u4e00-\u9fff“‘「]", phrase):
        return None
    if _trim(text, fs[1] + 1, block.end)[0] >= block.end and len(block.lines) == 1:
        # the whole paragraph is the phrase: only a lead when it stands on its own line
        return ls, le, skip
    return ls, le, skip


def _any_lead(text: str, block: Block) -> tuple[int, int, int] | None:
    """A strict lead phrase opening ``block``, else a loose one (see :func:`_loose_lead`)."""
    lp = _lead_phrase(text, block)
    if lp is None:
        lp = _lead_phrase(text, block, allow_comma=True)
        if lp is not None and not _loose_lead(text[lp[0]:lp[1]]):
            return None
    return lp


def _loose_lead(phrase: str) -> bool:
    """A lead phrase too long or too punctuated for the strict rule, in the genre's shapes:
    two short clauses ("坚持创新驱动，加快产业升级"), "以甲为乙，…", "立足于…", or one long
    clause opening with a verb of effort."""
    clauses = re.split(r"[，,]", phrase)
    if len(clauses) > 2 or any(len(c) < 3 or len(c) > 16 for c in clauses):
        return False
    return (phrase.startswith(_LEAD_OPENERS) or bool(re.match(r"以[^，,]{1,12}为", phrase))
            or phrase.startswith(("立足", "围绕", "聚焦", "坚持")))


def _run_in_lead(text: str, block: Block) -> tuple[int, int] | None:
    """A lead phrase run into its sentence without punctuation: "提升文化发展质量加快…"."""
    s = block.start
    m = re.search(r"[，,。；;：:、！？]", text[s: min(block.end, s + 40)])
    clause_end = s + m.start() if m else min(block.end, s + 40)
    clause = text[s:clause_end]
    if _NARRATIVE.match(clause) or not re.match(r"[\u4e00-\u9fff]", clause):
        return None
    if not any(clause.startswith(v) for v in _LEAD_OPENERS):
        return None
    bounds = _word_starts(clause)
    for cut in range(6, min(len(clause) - 2, 22) + 1):
        verb = next((v for v in _PREDICATE_VERBS if clause.startswith(v, cut)), None)
        if verb:
            after = clause[cut + len(verb): cut + len(verb) + 2]
            if (
                clause[cut - 1] in _NOT_FINAL
                or (bounds is not None and cut not in bounds)  # "社会|保障": part of a word
                or len(after) < 2 or after[0] in "的了着过"  # "专项整治，", "召开的": not a predicate
                or re.search(r"[0-9０-９]", clause[:cut])
            ):
                return None
            return s, s + cut
    return None


def _word_starts(clause: str) -> set[int] | None:
    """Offsets where jieba starts a word in ``clause`` (None when jieba is unavailable)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        return None
    from kg.loaders.jieba_dict import watch

    watch()
    jieba.setLogLevel(logging.WARNING)
    starts, pos = set(), 0
    for w in jieba.cut(clause, HMM=False):
        starts.add(pos)
        pos += len(w)
    return starts


# --------------------------------------------------------------------------- the parser


class _Parser:
    def __init__(self, text: Text):
        self.text = text
        self.t = text.text
        self.defects: list[Defect] = []

    def defect(self, kind: str, message: str, start: int, end: int) -> None:
        self.defects.append(Defect(kind=kind, message=message, start=start, end=max(start, end)))

    # ------------------------------------------------------------------- body bounds

    def body_bounds(self) -> tuple[int, int, Glossary | None]:
        t = self.t
        n = len(t)
        glossary = None
        body_end = n
        # The glossary sits after the body: look for its title in the last part of the text.
        first_part = re.search(rf"(?:^|\n|[。！？])[{SPACE}]*一[、．.]", t)
        search_from = max(first_part.start() if first_part else 0, n // 3)
        try:
            glossary = parse_glossary(t, search_from, n)
        except Exception:  # never fail the report for a glossary
            log.exception("glossary parse failed")
            glossary = None
        if glossary is not None:
            body_end = glossary.start
        annex = _ANNEX.search(t, search_from, body_end)
        if annex:
            body_end = annex.start("line")  # an annex (附件) after the closing address is not the body
        body_start = 0
        first_head = _FIRST_PART.search(t, 0, body_end)
        limit = first_head.start() if first_head else min(n, max(4000, n // 5))
        m = _GREETING.search(t, 0, limit)
        if m:
            body_start = m.start()
        else:
            # no greeting (or a damaged one): the body starts at the first real paragraph
            para = re.search(rf"(?:^|\n)[{SPACE}]*(?P<p>[^\n]{{30,}})", t[:limit] if first_head else t)
            if para and not (first_head and para.start("p") > first_head.start()):
                body_start = para.start("p")
                # a part title printed without its numeral may open the body
                for line in re.finditer(r"[^\n]+", t[:body_start]):
                    txt = line.group().strip(SPACE)
                    if txt and len(txt) <= 40 and _PART_WORDS.search(txt) and txt[-1] not in TERMINALS:
                        body_start = line.start()
                        break
            elif first_head:
                body_start = first_head.start()
        while body_start < body_end and (t[body_start] in SPACE or t[body_start] == "\n"):
            body_start += 1
        while body_end > body_start and (t[body_end - 1] in SPACE or t[body_end - 1] == "\n"):
            body_end -= 1
        return body_start, body_end, glossary

    # ------------------------------------------------------------------------ parts

    def part_headings(self, blocks: list[Block]) -> tuple[list[_Heading], bool]:
        """Part headings and whether the "一、" series was used for them."""
        t = self.t
        numbered: list[_Heading] = []
        run_on: list[_Heading] = []  # "三、" headings glued to their first paragraph
        bare: list[_Heading] = []
        year_lines: list[_Heading] = []  # "奋力完成2023年…任务": a part title with a year, no numeral
        old_lines: list[_Heading] = []  # "关于外交工作", "结束语": title lines of the older reports
        last_item: tuple[int, int] | None = None  # (block, number) of the last list item
        for i, b in enumerate(blocks):
            first = t[b.start: b.lines[0][1]]
            m = _PART_NUMBERED.match(first)
            fs = first_sentence(t, b.start, b.lines[0][1]) if m else None
            num = cn_to_int(m.group("num")) if m else None
            if num is not None and (re.match(r"[一二三]、?[一二三]?产业", m.group("title"))
                                    or first[-1] in "。！？" and self._broken_before(blocks, i)):
                continue  # "二、三产业…" on a line of its own, or the rest of a sentence broken before it
            if num is not None and (first[-1] in "；;" or first[-1] in "。." and last_item is not None
                                    and last_item == (i - 1, num - 1) or last_item == (i - 2, num - 1)):
                # items of a list in the text ("一、…；二、…；三、…。") are not part headings
                last_item = (i, num)
                continue
            if m and len(first) > 80 and (fs is None or fs[1] - b.start > 50) and num is not None \
                    and re.match(r"[^，,。；;]{4,40}[，,]", m.group("title")):
                c = b.start + m.start("title") + m.group("title").index(next(ch for ch in m.group("title") if ch in "，,"))
                run_on.append(_Heading("cn", i, b.start, b.start + m.start("title"), c, m.group("num"), num,
                                       "run_on_heading", b.start + m.start("title")))
            if m and (len(first) <= 80 or (fs is not None and fs[1] - b.start <= 50)):
                if num is not None:
                    ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                    numbered.append(_Heading("cn", i, b.start, ts, te, m.group("num"), num, rest_start=rest))
                continue
            if _PART_BARE_NUMERAL.match(first) and len(b.lines) == 1:
                num = cn_to_int(first)
                if num is not None:
                    numbered.append(_Heading("bare", i, b.start, b.end, b.end, first, num))
                continue
            if (
                len(b.lines) == 1
                and b.end - b.start <= 40
                and t[b.end - 1] not in TERMINALS + "：:"
                and not _PAREN.match(first)
                and i + 1 < len(blocks)
                and not self._fragment(blocks, i)
            ):
                ts, te = _trim(t, b.start, b.end)
                line = t[ts:te]
                if _PART_WORDS.search(line):
                    bare.append(_Heading("line", i, b.start, ts, te, None, None))
                elif _PART_LINE.match(line) or _CLOSING_LINE.match(line):
                    old_lines.append(_Heading("line", i, b.start, ts, te, None, None))
                elif _YEAR_LINE.match(line) and blocks[i + 1].end - blocks[i + 1].start > te - ts:
                    year_lines.append(_Heading("line", i, b.start, ts, te, None, None))
        chain = self._chain(numbered, allow_gaps=True)
        for h in run_on:
            # a heading with no line break after it fills the gap its numeral leaves
            k = next((k for k, c in enumerate(chain) if c.block > h.block), len(chain))
            if 0 < k and chain[k - 1].number + 1 == h.number and (k == len(chain) or chain[k].number == h.number + 1):
                chain.insert(k, h)
        if bare:
            # "2023年工作回顾 … 努力做好2024年各项工作 … 加强政府自身建设": a later year's title
            def first_year(h: _Heading) -> int | None:
                found = _YEAR.findall(t[h.title_start:h.title_end])
                return int(found[0].translate(_FW_DIGITS)) if found else None

            for h in year_lines:
                earlier = [first_year(b) for b in bare if b.block < h.block and first_year(b)]
                if earlier and (first_year(h) or 0) > max(earlier):
                    bare = sorted([*bare, h], key=lambda x: x.block)
            year_lines = [h for h in year_lines if h not in bare]
        years = [int(y.translate(_FW_DIGITS)) for h in year_lines for y in _YEAR.findall(t[h.title_start:h.title_end])[:1]]
        before = [h for h in year_lines if not chain or h.block < chain[0].block]
        if not bare and len(year_lines) >= 2 and len(before) >= 1 and years == sorted(years) and years[0] < years[-1]:
            bare = year_lines  # a review year's title, then the plan year's
        elif len(before) == 1 and chain and chain[0].block - before[0].block >= 4 \
                and not _ROLE_REVIEW.search(t[chain[0].title_start:chain[0].title_end]):
            # the review printed under a title line of its own before a numbered plan
            before[0].number = 0
            before[0].extra["role"] = PartRole.REVIEW
            chain = before + chain
        closing = [h for h in old_lines if _CLOSING_LINE.match(t[h.title_start:h.title_end])]
        if not bare and any(h not in closing for h in old_lines) and (not chain or old_lines[0].block < chain[0].block):
            bare = old_lines  # "关于国内建设 … 关于外交工作 … 结束语": "一、" items inside are sections
        paren_chain = self._paren_parts(blocks)
        if chain and len(paren_chain) >= 3 and chain[0].number == 1 and paren_chain[0].block < chain[0].block \
                and not (bare and bare[0].block < paren_chain[0].block):
            # an older layout: the top level is "（一）" and "一、" items sit inside it
            return paren_chain, False
        if bare and (not chain or bare[0].block < chain[0].block):
            # parts printed without numerals; a "一、" series after them is sections
            return bare, False
        if chain:
            # a part whose numeral was lost sits between numbered ones
            merged = sorted(chain + [h for h in bare if h.block > chain[0].block], key=lambda h: h.block)
            for h in merged:
                if h.kind == "line" and "role" not in h.extra:
                    h.defect = "missing_numeral"
            return merged, True
        # older reports number their top level "（一）" on lines of their own
        if len(paren_chain) >= 3 or len(paren_chain) == 2 and closing:
            return sorted(paren_chain + [h for h in closing if h.block > paren_chain[-1].block],
                          key=lambda h: h.block), False
        return [], False

    def _broken_before(self, blocks: list[Block], i: int) -> bool:
        """Block i goes on with a sentence the block before it leaves open: that block is
        a long paragraph (not a heading line) stopping with no punctuation ("…推动一" then
        "二、三产业融合发展。")."""
        if i == 0:
            return False
        t = self.t
        prev = blocks[i - 1]
        last = t[prev.end - 1]
        long_sentence = prev.end - prev.start > 60 or prev.end - prev.start > 24 and "，" in t[prev.start:prev.end]
        return long_sentence and not (last in LINE_FINAL or last in "，,、") and bool(re.match(r"[\u4e00-\u9fff]", last))

    def _fragment(self, blocks: list[Block], i: int) -> bool:
        """Block i is a piece of a sentence broken over lines, not a heading: the block
        before it stops mid-sentence, or the block after it goes on with punctuation."""
        t = self.t
        prev = blocks[i - 1] if i > 0 else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if prev is not None and t[prev.end - 1] in OPENERS + "，,、":
            return True
        return nxt is not None and t[nxt.start] in CLOSERS + "，,、。；;：:"

    def _paren_parts(self, blocks: list[Block]) -> list[_Heading]:
        """A "（一）" series printed as standalone heading lines (a possible top level)."""
        t = self.t
        paren = []
        for i, b in enumerate(blocks):
            m = _PAREN.match(t[b.start: b.lines[0][1]])
            if m and len(b.lines) == 1 and b.end - b.start <= 40 and t[b.end - 1] not in TERMINALS:
                num = cn_to_int(m.group("num")) if m.group("num") else None
                ts, te = _trim(t, b.start + m.start("title"), b.end)
                if num is not None and m.group("num")[0] in _CN and te - ts >= 2:
                    paren.append(_Heading("paren", i, b.start, ts, te, m.group("num"), num))
        return self._chain(paren)

    def _chain(self, cands: list[_Heading], allow_gaps: bool = False) -> list[_Heading]:
        """The run of numbered headings 一、二、三… in order.

        Without gaps: the longest run 1, 2, 3…. With gaps (parts): from the first
        heading numbered 1 (or the lowest number when 一 was lost) while the numbers
        rise; a lost heading leaves a gap, which is reported.
        """
        titled = [h for h in cands if h.title_end - h.title_start >= 2]
        if any(h.number == 1 for h in titled):
            cands = titled  # bare list markers ("一、" alone on a line) are not headings
        if not cands:
            return []
        best: list[_Heading] = []
        starts = [i for i, h in enumerate(cands) if h.number == 1]
        if allow_gaps and not starts:
            lowest = min(h.number for h in cands)
            starts = [next(i for i, h in enumerate(cands) if h.number == lowest)]
        runs = []
        for i in starts:
            h = cands[i]
            run = [h]
            nested = 0  # the count of a series that restarted inside the run's last part
            restarts = 0  # restarts since the run last grew (bounded: the scan stays linear)
            for j in range(i + 1, len(cands)):  # (no slice: a copy per start is quadratic)
                g = cands[j]
                if allow_gaps and g.number == 1:
                    restarts += 1
                    if restarts > 3:
                        break
                    nested = 1
                elif allow_gaps and nested and g.number == nested + 1:
                    nested += 1
                elif g.number == run[-1].number + 1 or allow_gaps and run[-1].number < g.number <= run[-1].number + 3:
                    run.append(g)
                    nested = restarts = 0
                elif g.number == 1:
                    break
            runs.append(run)
        if allow_gaps:
            # a series nested inside one part of another ("一、…二、…" under "二、") is not the top level
            # (the top level starts first: only the earliest runs are tried as the outer one)
            outers = [o for o in runs[:3] if len(o) >= 2]
            runs = [r for r in runs if not any(self._nested(r, o) for o in outers if o is not r)] or runs
        for run in runs:
            if self._weight(run) > self._weight(best):
                best = run
        if allow_gaps and len(best) == 1 and best[0].number != 1:
            return []
        return best

    def _glued_leads(self, blocks: list[Block], sections: list[Section],
                     spans: list[tuple[_Heading, int]]) -> list[Section]:
        """Lead phrases whose paragraph break was lost, in a part where leads are the norm.

        When most sections of a part open their paragraphs with lead phrases, a section
        without any is searched for a series (two or more) of short lead sentences glued
        on to the sentence before them ("…深入推进。提升乡村建设水平。…").
        """
        t = self.t
        with_leads = sum(1 for s in sections if s.subsections)
        if with_leads < 2 or with_leads < 0.5 * len(sections):
            return sections
        out = []
        for sec, (sh, nxt_block) in zip(sections, spans):
            if sec.subsections or sec.numbered is False and sh.kind == "lead":
                out.append(sec)
                continue
            found: list[Subsection] = []
            for i in range(sh.block, nxt_block):
                b = blocks[i]
                if t.startswith("各位", b.start):
                    break
                sents = split_sentences(t, b.start, b.end)
                for j, (ss, se) in enumerate(sents):
                    if j == 0 or j + 1 >= len(sents) or ss < sh.title_end:
                        continue
                    if t[se - 1] not in "。！":
                        continue
                    phrase = t[ss:se - 1]
                    ns, ne = sents[j + 1]
                    before = sents[max(0, j - 3): j]
                    if (
                        ne - ns >= 20  # a lead opens a run of full sentences
                        # ... and does not sit in a list of short sentences
                        and sum(e - s_ for s_, e in before) >= 14 * len(before)
                        and 5 <= len(phrase) <= 14
                        and not re.search(r"[，,、；;：:0-9０-９%％“”]", phrase)
                        and phrase.startswith(_LEAD_OPENERS)
                    ):
                        found.append(Subsection(title=phrase, start=ss, end=se - 1))
            if len(found) >= 2:
                for u in found:
                    self.defect("lost_paragraph_break", f"lead phrase {u.title!r} follows the previous "
                                "sentence without a paragraph break", u.start, u.end)
                sec = Section(**{f: getattr(sec, f) for f in sec.__dataclass_fields__ if f != "subsections"},
                              subsections=tuple(found))
            out.append(sec)
        return out

    def _restarts(self, blocks: list[Block]) -> list[int]:
        """Block indexes where implicit parts start: 0, then each restart of a "（一）" series."""
        t = self.t
        starts = [0]
        last = 0
        last_block = 0
        for i, b in enumerate(blocks):
            m = _PAREN.match(t[b.start: b.lines[0][1]])
            num = cn_to_int(m.group("num")) if m and m.group("num") else None
            if num is None:
                continue
            if num == 1 and last >= 2:
                # the plan opens before its first section, with the year's outlook
                # ("2024年是…", "今年政府工作的总体要求是…")
                opening = self._plan_opening(blocks, last_block + 1, i)
                starts.append(opening if opening is not None else i)
            last = num
            last_block = i
        if len(starts) == 1 and len(blocks) > 2:
            # no numbering at all: the year's outlook ("2024年是…") still opens the plan
            opening = self._plan_opening(blocks, 2, len(blocks))
            if opening is not None:
                starts.append(opening)
        return starts

    def _lost_plan_headings(self, blocks: list[Block], heads: list[_Heading]) -> list[_Heading]:
        """A numbered part whose heading line was lost ("一、…回顾" then "三、…"): when the
        part before the gap holds the paragraph that opens the year's plan ("做好今年政府工作的
        总体要求是…"), the missing part starts there, unheaded and flagged."""
        out: list[_Heading] = []
        for k, h in enumerate(heads):
            out.append(h)
            nxt = heads[k + 1] if k + 1 < len(heads) else None
            if nxt is None or h.kind not in ("cn", "bare") or nxt.kind not in ("cn", "bare") \
                    or not h.number or nxt.number != h.number + 2:
                continue
            i = self._plan_opening(blocks, h.block + 2, nxt.block, years=False)
            if i is not None:
                b = blocks[i]
                out.append(_Heading("lost", i, b.start, b.start, b.start, None, h.number + 1, "missing_part_heading",
                                    b.start, {"role": PartRole.PLAN}))
        return out

    def _plan_opening(self, blocks: list[Block], lo: int, hi: int, years: bool = True) -> int | None:
        """The first block in [lo, hi) that opens a year's plan ("今年是…", "2024年是…" with a
        year after every year opening a paragraph before ``lo``, "今年…总体要求是")."""
        t = self.t
        seen = [int(m.group(1).translate(_FW_DIGITS)) for b in blocks[:lo]
                if (m := re.match(r"([12１２][0-9０-９]{3})年", t[b.start:b.start + 5]))]
        for i in range(lo, hi):
            m = _PLAN_OPEN.match(t, blocks[i].start, blocks[i].end)
            if m and m.group("y") and years and not seen:
                # no paragraph opens with its year: the year the text before speaks of most
                common = Counter(_YEAR.findall(t, blocks[0].start, blocks[i].start)).most_common(1)
                seen = [int(common[0][0].translate(_FW_DIGITS))] if common else []
            if m and (not m.group("y") or years and seen and int(m.group("y").translate(_FW_DIGITS)) > max(seen)):
                return i
        return None

    @staticmethod
    def _nested(inner: list[_Heading], outer: list[_Heading]) -> bool:
        """``inner`` lies within one part of ``outer`` (which runs 一、二、… around it)."""
        if len(outer) < 2 or inner[0].block < outer[0].block:
            return False
        bounds = [h.block for h in outer]
        k = bisect.bisect_left(bounds, inner[0].block)  # outer[k - 1] < inner[0] <= outer[k]
        if k == 0 or k < len(bounds) and bounds[k] == inner[0].block:
            return False
        return k == len(bounds) or inner[-1].block < bounds[k]

    @staticmethod
    def _weight(run: list[_Heading]) -> tuple[int, int]:
        """Runs of headings with titles beat longer runs of bare list markers."""
        return sum(1 for h in run if h.title_end - h.title_start >= 2), len(run)

    @staticmethod
    def role(title: str, plan_year: int | None, seen_review: bool, first: bool = False) -> PartRole:
        years = [int(y.translate(_FW_DIGITS)) for y in _YEAR.findall(title)]
        if _ROLE_SELF.search(title) and not _ROLE_REVIEW.search(title):
            return PartRole.SELF_BUILDING
        rv = _ROLE_REVIEW.search(title)
        if rv:
            # "“十四五”时期发展成就和“十五五”时期主要目标任务": the goals of the next plan
            later = title[rv.end():]
            if _ROLE_FIVE.search(later) and _ROLE_GOALS.search(later) and not _ROLE_REVIEW.search(later):
                return PartRole.FIVE_YEAR_PLAN
            return PartRole.REVIEW
        if plan_year and years and max(years) < plan_year:
            return PartRole.REVIEW
        if _ROLE_FIVE.search(title) and not (plan_year and years and max(years) == plan_year):
            return PartRole.FIVE_YEAR_PLAN
        if _ROLE_OTHER.search(title):
            return PartRole.OTHER
        if _ROLE_PLAN.search(title) or (plan_year and years and plan_year in years):
            return PartRole.PLAN
        if first:
            return PartRole.REVIEW  # a report opens with what was done
        return PartRole.PLAN if seen_review else PartRole.OTHER

    # --------------------------------------------------------------------- sections

    def section_headings(self, blocks: list[Block], lo: int, hi: int, cn_free: bool) -> tuple[list[_Heading], bool]:
        """Section headings among blocks[lo:hi]; returns (headings, numbered)."""
        t = self.t
        paren: list[_Heading] = []
        cn: list[_Heading] = []
        shi: list[_Heading] = []
        dash: list[_Heading] = []
        di: list[_Heading] = []
        for i in range(lo, hi):
            b = blocks[i]
            head = t[b.start: b.lines[0][1] if b.lines[0][1] - b.start > 2 or len(b.lines) == 1 else b.lines[1][1]]
            m = _PAREN.match(head)
            if m:
                raw = m.group("num")
                num = cn_to_int(raw) if raw else None
                defect = None if num is not None else ("missing_numeral" if not raw.strip() else "garbled_numeral")
                if num is None and len(raw) > 2:
                    continue
                ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                if te - ts >= 2:
                    paren.append(_Heading("paren", i, b.start, ts, te, raw or None, num, defect, rest))
                continue
            if cn_free:
                m = _PART_NUMBERED.match(head)
                if m and cn_to_int(m.group("num")) is not None:
                    ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                    cn.append(_Heading("cn", i, b.start, ts, te, m.group("num"), cn_to_int(m.group("num")), None, rest))
                    continue
            m = _SHI.match(head)
            if m and cn_to_int(m.group("num")) is not None:
                ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                if te - ts >= 2:
                    shi.append(_Heading("shi", i, b.start, ts, te, m.group("num") + "是", cn_to_int(m.group("num")), None, rest))
                continue
            m = _DI.match(head)
            if m and cn_to_int(m.group("num")) is not None:
                ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                if te - ts >= 2:
                    di.append(_Heading("shi", i, b.start, ts, te, "第" + m.group("num"), cn_to_int(m.group("num")), None, rest))
                continue
            m = _DASH.match(head)
            if m:
                ts, te, rest = _title_span(t, b.start + m.start("title"), b)
                if te - ts >= 2:
                    dash.append(_Heading("dash", i, b.start, ts, te, None, None, None, rest))
        for series in (paren, cn):
            if series:
                return self._number(series), True
        for series in (shi, di):
            run = self._chain(series)
            if len(run) >= 2:
                return run, True
        if len(dash) >= 2:
            for k, h in enumerate(dash, 1):
                h.number = k
            return dash, False
        lines = self._line_headings(blocks, lo, hi)
        if lines:
            return lines, False
        leads = self._lead_headings(blocks, lo, hi)
        return leads, False

    def _number(self, series: list[_Heading]) -> list[_Heading]:
        """Number a printed series by position; flag bad numerals; stop at a restart."""
        out: list[_Heading] = []
        for h in series:
            expected = len(out) + 1
            if h.number is None:
                h.number = expected
            elif h.number == 1 and out:
                self.defect("numbering_restart", "a second numbered series starts here; it is read as nested",
                            h.heading_start, h.title_end)
                break
            elif h.number != expected:
                if h.number < expected:
                    continue  # a stray repeat
                self.defect("numbering_gap", f"section {expected} expected, {h.number} printed",
                            h.heading_start, h.title_end)
            out.append(h)
        return out

    def _line_headings(self, blocks: list[Block], lo: int, hi: int) -> list[_Heading]:
        """Unnumbered heading lines standing on their own, each followed by its text.

        When the lines come in two levels (a repeated opener such as "这一年，…" above
        short lead lines), the lines sharing an opener are the sections.
        """
        t = self.t
        cands: list[_Heading] = []
        for i in range(lo, hi - 1):
            b = blocks[i]
            if len(b.lines) != 1 or b.end - b.start > 80:
                continue
            txt = t[b.start: b.end]
            if len(re.findall(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?", txt)) > 1 or "%" in txt or "％" in txt:
                continue  # a line of figures is a list item, not a heading
            if txt[-1] in "：:；;，," or _NARRATIVE.match(txt) and not re.match(r"^(一年来|五年来|这一年|过去)", txt):
                continue
            sents = split_sentences(t, b.start, b.end)
            if len(sents) > 2:
                continue
            nxt = blocks[i + 1]
            if nxt.end - nxt.start <= max(20, b.end - b.start):
                continue
            fs = sents[0]
            ts, te = fs
            if t[te - 1] in TERMINALS:
                te -= 1
            h = _Heading("line", i, b.start, ts, te, None, None)
            if len(sents) == 2:
                lead = _lead_phrase(t, Block(sents[1][0], b.end, ((sents[1][0], b.end),)))
                if not lead or nxt.end - nxt.start < 40:
                    continue
                h.extra["lead"] = sents[1]
            cands.append(h)
        if len(cands) < 2:
            return []
        openers = Counter()
        for h in cands:
            m = re.match(r"^([^，,]{2,6})[，,]", t[h.title_start: h.title_end])
            h.extra["opener"] = m.group(1) if m else None
            if m:
                openers[m.group(1)] += 1
        repeated = {o for o, c in openers.items() if c >= 2}
        if repeated and any(h.extra["opener"] not in repeated for h in cands):
            tops = [h for h in cands if h.extra["opener"] in repeated]
        else:
            tops = cands
        if len(tops) < 2:
            return []
        for k, h in enumerate(tops, 1):
            h.number = k
        return tops

    def _lead_headings(self, blocks: list[Block], lo: int, hi: int) -> list[_Heading]:
        """Paragraph-opening lead sentences that structure the whole part."""
        t = self.t
        body = [i for i in range(lo, hi) if not t.startswith("各位", blocks[i].start)]
        leads = []
        for i in body:
            lp = _lead_phrase(t, blocks[i])
            if lp and _trim(t, lp[1] + 1, blocks[i].end)[0] < blocks[i].end:
                leads.append(_Heading("lead", i, blocks[i].start, lp[0], lp[1], None, None))
        if body and (not leads or leads[0].block != body[0]):
            body = body[1:]  # the part's intro paragraph
        if len(leads) >= 2 and len(leads) >= 0.6 * len(body):
            for k, h in enumerate(leads, 1):
                h.number = k
            return leads
        return []

    # ------------------------------------------------------------------ subsections

    def _lead_line(self, blocks: list[Block], i: int, hi: int) -> bool:
        """Block i is a one-line paragraph holding only a short lead sentence, above a longer one."""
        t = self.t
        b = blocks[i]
        if i + 1 >= hi or not _is_standalone(t, b):
            return False
        lp = _lead_phrase(t, b)
        if not lp or lp[1] < b.end - 1:
            return False
        nxt = blocks[i + 1]
        return nxt.end - nxt.start > b.end - b.start and not _is_standalone(t, nxt) or len(nxt.lines) > 1

    def subsections(self, blocks: list[Block], head: _Heading, lo: int, hi: int) -> list[Subsection]:
        """Lead phrases opening the paragraphs of one section (blocks[lo:hi] after the heading)."""
        t = self.t
        out: list[Subsection] = []
        idx = list(range(lo, hi))
        if "lead" in head.extra:
            s, e = head.extra["lead"]
            if t[e - 1] in TERMINALS:
                e -= 1
            out.append(Subsection(title=t[s:e], start=s, end=e))
        lines_layout = "lead" in head.extra or sum(1 for i in idx if self._lead_line(blocks, i, hi)) >= 2
        if "lead" not in head.extra and head.rest_start is None and idx and not lines_layout:
            # the heading stands alone: its first paragraph is the section's intro, unless
            # it opens with a lead phrase like the paragraphs after it (no intro printed)
            first = blocks[idx[0]]
            lp = _lead_phrase(t, first)
            others = [i for i in idx[1:] if _any_lead(t, blocks[i])]
            if lp is None and sum(1 for i in others if not _lead_phrase(t, blocks[i])) >= 2:
                lp = _any_lead(t, first)  # a series of two-clause leads: the first may be one too
            opens_like_rest = (
                lp is not None
                and _trim(t, lp[1] + 1, first.end)[0] < first.end
                and len(others) >= min(2, len(idx) - 1)
                and len(idx) > 1
            )
            if not opens_like_rest:
                idx = idx[1:]
        punct: list[tuple[int, Subsection]] = []
        runin: list[tuple[int, Subsection]] = []
        loose: list[tuple[int, Subsection]] = []  # longer, or two clauses: "以项目为抓手，推动发展。"
        for i in idx:
            b = blocks[i]
            if t.startswith("各位", b.start):
                break  # the closing address: no more lead phrases in this section
            if lines_layout:
                # leads printed on their own lines: paragraph openings are not leads here
                if self._lead_line(blocks, i, hi):
                    lp = _lead_phrase(t, b)
                    punct.append((i, Subsection(title=t[lp[0]:lp[1]], start=lp[0], end=lp[1])))
                continue
            lp = _lead_phrase(t, b)
            if lp:
                punct.append((i, Subsection(title=t[lp[0]:lp[1]], start=lp[0], end=lp[1])))
                continue
            lp = _lead_phrase(t, b, allow_comma=True)
            if lp and _trim(t, lp[1] + 1, b.end)[0] < b.end and _loose_lead(t[lp[0]:lp[1]]):
                loose.append((i, Subsection(title=t[lp[0]:lp[1]], start=lp[0], end=lp[1])))
                continue
            ri = _run_in_lead(t, b)
            if ri:
                runin.append((i, Subsection(title=t[ri[0]:ri[1]], start=ri[0], end=ri[1], run_in=True)))
        if head.rest_start is not None and "lead" not in head.extra and not lines_layout and punct:
            # "（一）坚持创新驱动，加快发展。壮大先进制造业。实施…": the first lead phrase runs on
            # after a run-in heading, inside its paragraph, like the leads opening the others
            b = blocks[head.block]
            rest = Block(head.rest_start, b.end, tuple((max(ls, head.rest_start), le) for ls, le in b.lines
                                                    if le > head.rest_start))
            lp = _lead_phrase(t, rest) if rest.lines else None
            if lp and _trim(t, lp[1] + 1, rest.end)[0] < rest.end:
                punct.insert(0, (head.block, Subsection(title=t[lp[0]:lp[1]], start=lp[0], end=lp[1])))
        # run-in leads count only in a series: beside punctuated leads, or filling
        # at least half of the section's paragraphs
        body_paras = max(1, sum(1 for i in idx if not t.startswith("各位", blocks[i].start)))
        keep_runin = runin if (punct or (len(runin) >= 2 and len(runin) >= 0.5 * body_paras)) else []
        # longer or two-clause leads count in a series that fills the section's paragraphs
        if len(punct) + len(loose) >= 2 and len(punct) + len(loose) >= 0.6 * body_paras:
            punct = sorted(punct + loose, key=lambda x: x[0])
        if len(punct) + len(keep_runin) < 2 and not out:
            return []
        merged = sorted(punct + keep_runin, key=lambda x: x[0])
        for _, sub in merged:
            if sub.run_in:
                self.defect("run_in", f"lead phrase {sub.title!r} runs into its sentence", sub.start, sub.end)
        return out + [s for _, s in merged]

    # ------------------------------------------------------------------------- main

    def parse(self) -> Report:
        t = self.t
        body_start, body_end, glossary = self.body_bounds()
        blocks = split_paragraphs(t, body_start, body_end)
        heads, cn_parts = self.part_headings(blocks)
        parts: list[Part] = []
        if not heads and blocks:
            self.defect("no_parts", "no part headings found; parts are inferred from the section numbering",
                        body_start, body_start)
        plan_year = None
        years = [int(y.translate(_FW_DIGITS)) for h in heads for y in _YEAR.findall(t[h.title_start:h.title_end])]
        if years:
            plan_year = max(years)
        seen_review = False
        part_ranges: list[tuple[_Heading | None, int, int, int]] = []
        if heads:
            heads = self._lost_plan_headings(blocks, heads)
            first_num = heads[0].number if heads[0].kind in ("cn", "bare", "paren") else 1
            if first_num and first_num > 1 and heads[0].block > 1:
                # the first part's heading was lost (the file starts inside it)
                self.defect("missing_part_heading", f"parts start at {heads[0].numeral}; the text before "
                            "it is read as part 1", blocks[0].start, blocks[0].start)
                part_ranges.append((None, 0, heads[0].block, 1))
            number = 0
            for k, h in enumerate(heads):
                hi = heads[k + 1].block if k + 1 < len(heads) else len(blocks)
                number = h.number if h.kind in ("cn", "bare", "paren") and h.number and h.number > number else number + 1
                part_ranges.append((h, h.block + 1 if h.rest_start is None else h.block, hi, number))
        elif blocks:
            # no part headings: a section series that starts over marks a new part
            starts = self._restarts(blocks)
            for k, lo in enumerate(starts):
                hi = starts[k + 1] if k + 1 < len(starts) else len(blocks)
                part_ranges.append((None, lo, hi, k + 1))
        for pos, (h, lo, hi, k) in enumerate(part_ranges, 1):
            if h is not None:
                part_title = t[h.title_start:h.title_end]
                role = h.extra.get("role") or self.role(part_title, plan_year, seen_review, first=pos == 1)
                if h.defect == "missing_part_heading":
                    self.defect(h.defect, f"part {k}'s heading is missing (numerals jump over it); the part "
                                "is started at the paragraph that opens the year's plan", h.heading_start, h.heading_start)
                elif h.defect == "run_on_heading":
                    self.defect(h.defect, f"part heading {t[h.heading_start:h.title_end]!r}… runs on into its "
                                "paragraph; its title is read to the first comma", h.heading_start, h.title_end)
                elif h.defect:
                    self.defect(h.defect, f"part heading {part_title!r} has no numeral; numbered {k} by position",
                                h.heading_start, h.title_end)
            else:
                part_title = ""
                role = PartRole.REVIEW if heads or (pos == 1 and len(part_ranges) > 1) else (
                    PartRole.PLAN if len(part_ranges) > 1 else PartRole.OTHER)
            seen_review = seen_review or role == PartRole.REVIEW
            part_start = h.heading_start if h else blocks[lo].start
            nxt = part_ranges[pos] if pos < len(part_ranges) else None
            part_end = (nxt[0].heading_start if nxt[0] else blocks[nxt[1]].start) if nxt else body_end
            sheads, numbered = self.section_headings(blocks, lo, hi, cn_free=not cn_parts)
            sections: list[Section] = []
            spans: list[tuple[_Heading, int]] = []
            for j, sh in enumerate(sheads):
                nxt_block = sheads[j + 1].block if j + 1 < len(sheads) else hi
                sec_body_end = sheads[j + 1].heading_start if j + 1 < len(sheads) else part_end
                title = t[sh.title_start:sh.title_end]
                defect = sh.defect
                if (defect is None and sh.kind in ("paren", "cn") and _TRUNCATED_TAIL.search(title)
                        and (sh.title_end >= len(t) or t[sh.title_end] not in TERMINALS)):
                    defect = "truncated"
                if defect:
                    msg = {
                        "missing_numeral": f"section heading has no numeral; numbered {k}.{sh.number} by position",
                        "garbled_numeral": f"section numeral {sh.numeral!r} is not a numeral; numbered {k}.{sh.number} by position",
                        "truncated": f"section heading {title!r} looks cut off",
                    }[defect]
                    self.defect(defect, msg, sh.heading_start, sh.title_end)
                subs = self.subsections(blocks, sh, sh.block + 1, nxt_block) if sh.kind != "lead" else []
                spans.append((sh, nxt_block))
                sections.append(
                    Section(
                        part=k,
                        number=sh.number or j + 1,
                        title=title,
                        start=sh.title_start,
                        end=sh.title_end,
                        heading_start=sh.heading_start,
                        body_end=sec_body_end,
                        numeral=sh.numeral if sh.kind in ("paren", "cn", "shi") and sh.numeral else None,
                        numbered=numbered,
                        heading_defect=defect is not None,
                        defect=defect,
                        subsections=tuple(subs),
                    )
                )
            sections = self._glued_leads(blocks, sections, spans)
            parts.append(
                Part(
                    number=k,
                    title=part_title,
                    role=role,
                    start=h.title_start if h else part_start,
                    end=h.title_end if h else part_start,
                    heading_start=part_start,
                    body_end=part_end,
                    numeral=h.numeral if h and h.kind in ("cn", "bare", "paren") else None,
                    heading_defect=bool(h and h.defect),
                    sections=tuple(sections),
                )
            )
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        for b in blocks:
            paragraphs.append(Paragraph(start=b.start, end=b.end))
            for s, e in split_sentences(t, b.start, b.end):
                sentences.append(Sentence(start=s, end=e, text=t[s:e], paragraph=len(paragraphs) - 1))
        self.plausibility(parts, glossary, body_start, body_end if blocks else body_start)
        if not self._looks_like_report(parts, body_start, blocks):
            self.defect("not_a_report", "this text does not look like a government work report "
                        "(no greeting, no part headings)", 0, min(len(t), 1))
        meta = self.metadata(parts)
        return Report(
            text=self.text,
            meta=meta,
            parts=tuple(parts),
            glossary=glossary,
            paragraphs=tuple(paragraphs),
            sentences=tuple(sentences),
            defects=tuple(sorted(self.defects, key=lambda d: (d.start, d.kind))),
            body_start=body_start,
            body_end=body_end if blocks else body_start,
        )

    def plausibility(self, parts: list[Part], glossary: Glossary | None, body_start: int, body_end: int) -> None:
        """Defects for a structure that parsed but cannot be right (no silent failure).

        A report of the genre has a review and a plan part at least, numbered in order;
        its figures sit inside parts; a glossary title has entries under it; footnote
        marks in the body (“…”③) have notes.
        """
        t = self.t
        if len(parts) == 1 and body_end - body_start > 2000 and len(_HEADING_SIGN.findall(t, body_start, body_end)) >= 2:
            # numbered headings in the text, yet one part (a text with none is one part)
            self.defect("single_part", "only one part found in a long report; a part heading was probably "
                        "missed", parts[0].heading_start, parts[0].end)
        numerals = [cn_to_int(p.numeral) for p in parts if p.numeral]
        if numerals and len(numerals) == len(parts) and None not in numerals \
                and (numerals[0] != 1 or any(b != a + 1 for a, b in zip(numerals, numerals[1:]))):
            self.defect("part_order", "part numerals " + "、".join(p.numeral or "?" for p in parts)
                        + " do not run 一、二、三…", parts[0].heading_start, parts[0].end)
        roles = [p.role for p in parts]
        if PartRole.PLAN in roles and PartRole.REVIEW in roles[roles.index(PartRole.PLAN):]:
            later = next(p for p in parts[roles.index(PartRole.PLAN):] if p.role == PartRole.REVIEW)
            self.defect("part_order", f"a review part ({later.title!r}) follows a plan part",
                        later.heading_start, later.end)
        for p in parts:
            if p.role != PartRole.REVIEW:
                continue
            m = _PLAN_OPEN_STRICT.search(t, p.end + 100, p.body_end)
            if m:
                self.defect("plan_in_review", f"the review part {p.title or p.number!r} holds the paragraph that "
                            f"opens the year's plan ({m.group()!r}); its targets would read as results",
                            m.start(), m.end())
                break
        covered = [(p.heading_start, p.body_end) for p in parts]
        outside = [m for m in _FIGURE.finditer(t, body_start, body_end)
                   if not any(a <= m.start() < b for a, b in covered)]
        if len(outside) >= 3:
            self.defect("figures_outside_parts", f"{len(outside)} figures lie outside every part (first: "
                        f"{outside[0].group()!r}); a part heading was probably missed",
                        outside[0].start(), outside[0].end())
        if glossary is not None and not glossary.entries:
            self.defect("empty_glossary", f"glossary heading {glossary.title!r} has no entries under it",
                        glossary.start, glossary.end)
        marks = [m for m in _FOOTNOTE_MARK.finditer(t, body_start, body_end)]
        noted = {e.number for e in glossary.entries} if glossary is not None else set()
        missing = [m for m in marks if circled_number(m.group("n")) not in noted]
        if missing:
            self.defect("unlinked_footnotes", f"{len(missing)} footnote marks in the body (first: "
                        f"{missing[0].group('n')}) have no note", missing[0].start("n"), missing[0].end("n"))

    def _looks_like_report(self, parts: list[Part], body_start: int, blocks: list[Block]) -> bool:
        t = self.t
        if not blocks:
            return False
        greeting = bool(_GREETING.search(t, 0, min(len(t), 4000)))
        genre = bool(re.search(r"政府工作|工作报告|人民代表大会|预期目标|我代表", t))
        has_parts = any(p.title for p in parts)
        return (greeting or has_parts) and genre

    def metadata(self, parts: list[Part]) -> ReportMeta:
        try:
            from kg.loaders.metadata import extract_metadata
        except ImportError:
            return ReportMeta()
        try:
            return extract_metadata(self.text, parts)
        except Exception:  # metadata must never sink the structure
            log.exception("metadata extraction failed for %s", self.text.path)
            return ReportMeta()


def parse_report(text: Text) -> Report:
    """The structure of one report: body, parts, sections, lead phrases, sentences, glossary.

    Never raises on odd text: a text that is not a report gets a ``not_a_report`` defect
    and whatever structure exists.
    """
    return _Parser(text).parse()


def describe_report(report: Report, *, sentences: bool = True) -> dict:
    """A plain JSON-ready outline of a parsed report (what ``kg parse --json`` prints).

    Spans are character offsets into ``Text.text``; ``line``/``col`` on defects are
    1-based positions in the file as given. Sentences carry their text, paragraph index
    and the "part.number" key of the section they are in ("1.0" in a part's preamble).
    """
    import dataclasses

    t = report.text

    def span(obj) -> dict:
        return {"start": obj.start, "end": obj.end}

    def defect(d: Defect) -> dict:
        line, col = t.line_col(d.start)
        return {"kind": d.kind, "message": d.message, "start": d.start, "end": d.end, "line": line, "col": col}

    out: dict = {
        "path": t.path,
        "encoding": t.encoding,
        "media_type": t.media_type,
        "sha256": t.sha256,
        "chars": len(t.text),
        "meta": {k: (list(v) if isinstance(v, tuple) else v) for k, v in dataclasses.asdict(report.meta).items()},
        "body": {"start": report.body_start, "end": report.body_end},
        "parts": [
            {
                "number": p.number,
                "numeral": p.numeral,
                "title": p.title,
                "role": p.role.value,
                **span(p),
                "heading_start": p.heading_start,
                "body_end": p.body_end,
                "heading_defect": p.heading_defect,
                "sections": [
                    {
                        "key": s.key,
                        "number": s.number,
                        "numeral": s.numeral,
                        "numbered": s.numbered,
                        "title": s.title,
                        **span(s),
                        "heading_start": s.heading_start,
                        "body_end": s.body_end,
                        "heading_defect": s.heading_defect,
                        "defect": s.defect,
                        "subsections": [
                            {"title": u.title, **span(u), "run_in": u.run_in} for u in s.subsections
                        ],
                    }
                    for s in p.sections
                ],
            }
            for p in report.parts
        ],
        "glossary": None
        if report.glossary is None
        else {
            "title": report.glossary.title,
            **span(report.glossary),
            "entries": [
                {
                    "number": e.number,
                    "term": e.term,
                    "key": e.key,
                    "definition": e.definition,
                    **span(e),
                    "term_span": [e.term_start, e.term_end],
                    "definition_span": [e.definition_start, e.definition_end],
                }
                for e in report.glossary.entries
            ],
        },
        "defects": [defect(d) for d in report.defects],
        "paragraphs": [[p.start, p.end] for p in report.paragraphs],
    }
    if sentences:
        out["sentences"] = [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph,
             "section": report.section_key(s.start), "text": s.text}
            for s in report.sentences
        ]
    return out
