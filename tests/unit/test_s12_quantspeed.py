"""Session 12's speed-ups of the quantity stage give what the code they replace gave.

Each fast path is checked against the plain formulation it stands for (a per-character loop,
``rfind`` over each delimiter, ``finditer``, ``search``, a translation of the whole head) on
synthetic text in the genre's shape, at every offset or over many random strings.
"""

from __future__ import annotations

import random
import re

import pytest

from kg.loaders import numbers, quantities as q
from kg.loaders.patterns import opening_class, search_opening

GENRE = (
    "过去一年，全市地区生产总值增长6.5%左右，一般公共预算收入达到120亿元；\n"
    "新建绿道12公里、碧道4公里，引进A、B项目56个。二〇二三年预计完成投资1,992万元！\n"
    "今年主要预期目标是：地区生产总值增长5%以上，城镇新增就业1.2万人以上？\n"
    "到2025年，规上工业企业超过250家，\n\n  新增高新技术企业三十家　居民人均可支配收入增长百分之七。\n"
    "比上年增长十二点五%，总量达到两千三百亿元，其中第四季度增长38%；二十大精神深入人心\n"
)
ALPHABET = "，,；;。！？!?：:\n\u3000 、0123456789０１２３年万亿元个百分之一二三四五六七八九十零〇增长达到比上年以上左右新建计划目标预计"


def _texts(n: int = 200, seed: int = 12) -> list[str]:
    rnd = random.Random(seed)
    out = [GENRE, GENRE * 3]
    for _ in range(n):
        out.append("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 160))))
    return out


# ------------------------------------------------------------------ delimiter searches


def test_last_and_first_of_match_rfind_and_find_at_every_offset() -> None:
    for text in _texts(60):
        for chars in (q._SENT_DELIMS, "。\n", "。；;！？\n", q._CLAUSE_DELIMS):
            for offset in range(len(text) + 2):
                assert q._last_of(text, chars, offset) == max(text.rfind(c, 0, offset) for c in chars)
                found = [j for j in (text.find(c, offset) for c in chars) if j >= 0]
                assert q._first_of(text, chars, offset) == (min(found) if found else len(text))


def _clause_start_loop(text: str, offset: int) -> int:
    i, lo = offset, max(0, offset - 60)
    while i > lo and (text[i - 1] not in q._CLAUSE_DELIMS or q._soft_break(text, i - 1)):
        i -= 1
    return i


def _chain_floor_loop(text: str, offset: int) -> int:
    i = offset
    while i > 0:
        ch = text[i - 1]
        if ch in "。！？!?":
            break
        if ch == "\n" and not q._soft_break(text, i - 1):
            j = i - 1
            while j > 0 and text[j - 1] in " \t\u3000\n":
                j -= 1
            line = text[text.rfind("\n", 0, j) + 1 : j].strip()
            if j == 0 or text[j - 1] not in "，,、；;" and (len(line) < 24 or text[j - 1] in "。！？!?：:"):
                break
        i -= 1
    return i


def test_clause_start_sentence_floor_and_chain_floor_match_the_character_loops() -> None:
    # long lines cut mid-clause (soft breaks) and headings, so every branch is taken
    wrapped = "各地加快推进新型城镇化建设，常住人口城镇化率提高到百分之六十五，社会消费品零售总额\n增长9.6%；\n二、主要工作\n" \
              "全年新增城镇就业一万二千人，带动农村劳动力转移就业，⏎\n\n\u3000推动外贸进出口总额增长百分之八点五，达到六百亿元。"
    for text in [wrapped, *_texts(80)]:
        q._clause_start.cache_clear()
        q._chain_floor.cache_clear()
        for offset in range(len(text) + 1):
            assert q._clause_start(text, offset) == _clause_start_loop(text, offset), (text, offset)
            assert q._SENT_FLOOR(text, offset) == max(text.rfind(c, 0, offset) for c in q._SENT_DELIMS) + 1
            assert q._chain_floor(text, offset) == _chain_floor_loop(text, offset), (text, offset)


# ------------------------------------------------------------------ paragraphs


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


class _Report:
    def __init__(self, paragraphs: tuple) -> None:
        self.paragraphs = paragraphs


def _paragraph_loop(report: _Report, text: str, offset: int) -> int:
    for p in report.paragraphs:
        if p.start <= offset < p.end:
            return p.start
    return text.rfind("\n", 0, offset) + 1


@pytest.mark.parametrize("spans", [
    [(0, 10), (12, 30), (30, 30), (30, 45), (50, 80)],  # gaps, an empty paragraph sharing a start
    [(0, 20), (10, 40), (35, 60)],  # overlapping: the walk over the paragraphs stays
    [(40, 60), (0, 20)],  # out of order
    [],
])
def test_paragraph_start_matches_the_walk(spans: list[tuple[int, int]]) -> None:
    text = (GENRE * 2)[:90]
    report = _Report(tuple(_Span(a, b) for a, b in spans))
    for offset in range(len(text) + 1):
        assert q._paragraph_start(report, text, offset) == _paragraph_loop(report, text, offset)


# ------------------------------------------------------------------ years


def test_year_view_finds_what_the_translated_head_finds() -> None:
    patterns = [q._cues()["plan_rules_year"], q._cues()["estimate_year"],
                re.compile(r"((?:19|20)\d\d)年(?:到|至|—|－|-)(?:19|20)\d\d年"), re.compile(r"今年|本年|2024年"),
                re.compile(r"[\s\u3000]*2024年的?(?:国民经济)?计划"), re.compile(r"(?<!\d)2023年(?:是|，|,)")]
    heads = ["计划要求，到二〇二五年粮食产量达到", "一九五四年预计产量", "2003年到2023年，由", "今年预计", "２０２４年的国民经济计划",
             "十二〇二三年，", "二〇二三年是极不平凡的一年", "三年来新增", "预计全年实现", *_texts(150)]
    for head in heads:
        view = q._year_view(head)
        full = q._ascii_year(head)
        for p in patterns:
            a, b = p.search(view), p.search(full)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
            assert [m.span() for m in p.finditer(view)] == [m.span() for m in p.finditer(full)]
            a, b = p.match(view), p.match(full)
            assert (a and a.span()) == (b and b.span())


# ------------------------------------------------------------------ patterns


def test_opening_class_of_figure_pattern_is_the_numeral_openers() -> None:
    opens = opening_class(numbers.FIGURE_RE)
    assert opens is not None
    for c in "0９零〇一二两三四五六七八九十百千万亿":
        assert opens.match(c)
    for c in "元年个%增的，":
        assert not opens.match(c)


def test_opening_class_refuses_what_may_open_anywhere_or_match_nothing() -> None:
    assert opening_class(re.compile(r"(?:增长)*$")) is None  # may match the empty string
    assert opening_class(re.compile(r"[^，,]{2}年")) is None  # a negated class opens it
    assert opening_class(re.compile(r".年")) is None
    assert opening_class(re.compile(r"年", re.IGNORECASE)) is None
    lookbehind = opening_class(re.compile(r"(?<=[\u4e00-\u9fff]{2})各|(?<![新净])增|\s+"))
    assert lookbehind is not None and lookbehind.match("各") and lookbehind.match("增") and lookbehind.match(" ")


def test_search_opening_equals_search() -> None:
    patterns = [q._TRAIL_FILLER, q._MULTI_YEAR, q._SINCE, q._RECALLED_TARGET, q._YEAR_TO_DATE,
                re.compile(r"(?<=比)上年|(?:\d|[一二三])+年来")]
    heads = ["全市地区生产总值比上年增长", "预计全年达到", "五年来累计完成", "今年一月至九月，", "去年曾提出，要把", *_texts(300)]
    for p in patterns:
        opens = q._OPENS.get(p) if p in q._OPENS else opening_class(p)
        assert opens is not None
        for head in heads:
            a, b = search_opening(p, opens, head), p.search(head)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (p.pattern[:40], head)
    assert search_opening(re.compile("年"), None, "今年").span() == (1, 2)  # no class: a plain search


def test_figure_matches_equal_finditer() -> None:
    for text in _texts(200, seed=3):
        for start, end in ((0, len(text)), (3, max(3, len(text) - 5))):
            got = [(m.span(), m.groupdict()) for m in numbers._figure_matches(text, start, end)]
            want = [(m.span(), m.groupdict()) for m in numbers.FIGURE_RE.finditer(text, start, end)]
            assert got == want


def test_rx_compiles_once_and_stays_bounded() -> None:
    p = q.rx(r"增长(?=\d)")
    assert p is q.rx(r"增长(?=\d)") and p.search("增长6%")
    q._COMPILED.clear()
    for i in range(4100):
        q.rx(f"x{i}y")
    assert len(q._COMPILED) <= 4096
    assert q.rx("x4099y").fullmatch("x4099y")


def test_figure_fast_constructor_builds_the_same_figure() -> None:
    from decimal import Decimal

    args = dict(start=3, end=9, numeral="二十", value=Decimal(20), unit="万人", more=True, value_max=Decimal(30), chinese=True)
    fast, slow = numbers._figure(**args), numbers.Figure(**args)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert numbers._figure(1, 2, "5", Decimal(5), "%") == numbers.Figure(1, 2, "5", Decimal(5), "%")


# ------------------------------------------------------------------ parsing


def _split_sentences_loop(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """split_sentences as it was: one step per character."""
    from kg.loaders.sentences import CLOSERS, TERMINALS, _strip

    out, depth, open_at, pos, i = [], 0, -1, start, start
    while i < end:
        ch = text[i]
        if ch in "“「『":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
            if depth == 0 and i > start and text[i - 1] in TERMINALS:
                j = i + 1
                while j < end and text[j] in CLOSERS + TERMINALS:
                    j += 1
                s, e = _strip(text, pos, j)
                if s < e:
                    out.append((s, e))
                pos = i = j
                continue
        if depth and i - open_at > 150:
            depth = 0
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
                pos = i = j
                continue
        i += 1
    s, e = _strip(text, pos, end)
    if s < e:
        out.append((s, e))
    return out


def test_split_sentences_from_mark_to_mark_equals_the_character_loop() -> None:
    from kg.loaders.sentences import split_sentences

    rnd = random.Random(5)
    marks = "“「『”」』…。！？!?；;’）)】》\"'，,\n "
    # a quote left open for more than 150 characters, closed late, and a terminal inside it
    long_quote = "他说“" + "推进高质量发展" * 30 + "。继续" + "文" * 40 + "”。下一句。"
    for text in [GENRE, long_quote, "“好。”“再好！”……完", *(
            "".join(rnd.choice(marks) if rnd.random() < 0.4 else "文" for _ in range(rnd.randint(0, 400)))
            for _ in range(3000))]:
        s0 = rnd.randint(0, len(text))
        for start, end in ((0, len(text)), (s0, rnd.randint(s0, len(text)))):
            assert split_sentences(text, start, end) == _split_sentences_loop(text, start, end), (text, start, end)


def test_prefecture_counts_equal_str_count() -> None:
    from collections import Counter

    from kg.loaders import metadata
    from kg.loaders.gazetteer import prefectures

    def by_count(t: str, kinds: tuple[str, ...]) -> Counter:
        return Counter({p: n for p in prefectures() if p.name.endswith(kinds) and len(p.short) >= 2
                        and (n := t.count(p.name if p.short in metadata.PROVINCES else p.short))})

    names = [w for _p, w in metadata._prefecture_needles(("市", "州", "盟", "地区", "林区"))]
    rnd = random.Random(8)
    for kinds in (("市", "州", "盟", "地区", "林区"), ("自治州",), ("盟", "地区")):
        for _ in range(40):
            t = "".join(rnd.choice([*names, "，", "市", "州", "人民政府工作报告"]) for _ in range(150))
            assert metadata._prefecture_counts(t, kinds) == by_count(t, kinds)
    assert metadata._occurrences("阿阿阿", ((None, "阿阿"),)) == {"阿阿": 1}  # a name overlapping itself: str.count's 1


def test_quantity_replace_equals_dataclasses_replace() -> None:
    import dataclasses
    from decimal import Decimal

    from kg.model import Kind, Qualifier, Quantity, Status

    base = Quantity(surface="6.5%", start=10, end=14, indicator="地区生产总值", value=Decimal("6.5"), unit="%",
                    normalised_value=Decimal("6.5"), normalised_unit="%", kind=Kind.CHANGE, direction="up",
                    status=Status.ESTIMATE, year=2023, qualifier=Qualifier.APPROX, section="1.0",
                    indicator_start=2, indicator_end=8)
    for changes in ({}, {"period": "multi-year"}, {"indicator": "生产总值", "indicator_start": None, "indicator_end": None},
                    {"status": Status.TARGET, "year": 2024, "value_max": Decimal(7)}):
        fast, slow = q.replace(base, **changes), dataclasses.replace(base, **changes)
        assert fast == slow and repr(fast) == repr(slow) and fast is not base
    with pytest.raises(TypeError):
        q.replace(base, colour="red")


def test_find_figures_without_an_opening_character_is_what_the_scan_finds() -> None:
    rnd = random.Random(21)
    chars = "萬億個项人元，。年的增长达到百分之五5一十万亿abc"
    for _ in range(2000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 30)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        assert numbers.find_figures(text, start, end) == list(numbers._figures(text, start, end)), (text, start, end)
    assert [(f.numeral, f.unit) for f in numbers.find_figures("新增萬人")] == [("万", "人")]  # a traditional magnitude opens one
