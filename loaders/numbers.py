"""Reading numbers as Chinese government reports print them.

A *numeral* is a run of Arabic or full-width digits (``2630.2``, ``１２``, ``1,200``), a run
of Chinese numerals (``二十``, ``两万``, ``三点五``, ``千``), or a mix (``1.3万``). A
*figure* is a numeral with what follows it in the genre: an optional 多/余/几 ("more
than"), an optional magnitude (万, 亿, 万亿 …) and a unit or measure word (亿元, 家,
平方公里, 微克/立方米, %, 百分点, 成 …), optionally as a range ("5%—6%", "5-6个").

Conventions (GUIDELINES §4):

- the *stated* value is the number before the magnitude and the magnitude goes with the
  unit: 2630.2亿元 → 2630.2 "亿元"; 近千亿元 → 1000 "亿元"; 20多万 → 20 "万";
- the *normalised* value multiplies the magnitude out and converts to a base unit:
  2630.2亿元 → 2.6302E+11 "元"; 2.3平方公里 → 2.3E+6 "平方米"; 八成 → 80 "%";
- percentage points (百分点) are not percent: they keep their own unit;
- everything is :class:`decimal.Decimal`, so 2630.2 × 10⁸ is exact.

Chinese numerals are read with cn2an (a maintained converter); this module adds what cn2an
leaves out (bare 千/百/万, 两 before magnitudes, full-width digits, thousands separators).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

import cn2an

from kg.loaders.patterns import opening_class

__all__ = [
    "Figure",
    "UnitInfo",
    "find_figures",
    "parse_number",
    "to_chinese",
    "unit_info",
    "MAGNITUDES",
]

# ------------------------------------------------------------------ numerals

CN_DIGITS = "零〇一二两三四五六七八九"
CN_SMALL_UNITS = "十百千"
CN_NUMERAL_CHARS = CN_DIGITS + CN_SMALL_UNITS + "拾佰仟壹贰叁肆伍陆柒捌玖"

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
}
"""Magnitude words that go with the unit ("亿元", "万人"), largest first."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％·", "0123456789.,%.")


def _ascii_digits(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_FULLWIDTH)


@lru_cache(maxsize=8192)
def parse_number(numeral: str) -> Decimal:
    """The value of one numeral, exactly.

    >>> parse_number("2,630.2"), parse_number("１２"), parse_number("两万"), parse_number("千")
    (Decimal('2630.2'), Decimal('12'), Decimal('20000'), Decimal('1000'))

    Mixed forms multiply out: ``parse_number("1.3万") == Decimal("13000")``.
    Raises ValueError when ``numeral`` is not a number.
    """
    s = _ascii_digits(numeral.strip()).replace("點", "点")  # traditional 點 (older texts)
    if re.fullmatch(r"[0-9][0-9 \u3000]*(?:[.,][0-9 \u3000,]+)?", s) and re.search(r"[0-9]$", s):
        s = re.sub(r"[ \u3000]", "", s)
    if not s:
        raise ValueError("empty numeral")
    # Arabic (with thousands separators), possibly followed by Chinese magnitudes.
    m = re.fullmatch(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)((?:[十百千万亿])*)", s)
    if m:
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the regex guards this
            raise ValueError(f"not a number: {numeral!r}") from exc
        for ch in m.group(2):
            value *= {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[ch]
        return value
    if any(ch not in CN_NUMERAL_CHARS + "万亿点" for ch in s):
        raise ValueError(f"not a number: {numeral!r}")
    # cn2an reads 一千二百, 两万, 三点五 but not a bare 千/百/万 or 十万亿 forms
    # that lead with a unit character; give those their implied 一.
    t = s
    if t[0] in "十百千万亿":
        t = "一" + t
    if "点" in t:
        whole, _, frac = t.partition("点")
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise ValueError(f"not a number: {numeral!r}")
        w = _cn_integer(whole) if whole else Decimal(0)
        f = "".join(str(_digit(ch)) for ch in frac)
        return w + Decimal("0." + f)
    return _cn_integer(t)


def _cn_integer(t: str) -> Decimal:
    # a run of bare digits: four or more is read digit by digit ("二〇二三"); two or three
    # ("两三年", "三五个") is the genre's vague "two or three", not a number
    if all(ch in CN_DIGITS for ch in t) and len(t) > 1:
        if len(t) < 4:
            raise ValueError(f"vague numeral: {t!r}")
        return Decimal("".join(str(_digit(ch)) for ch in t))
    try:
        return Decimal(str(cn2an.cn2an(t, "normal")))
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        # cn2an rejects some legal forms with magnitudes; fold those by hand, but not
        # slogans such as 十四五 (not a number)
        if "万" not in t and "亿" not in t:
            raise ValueError(f"not a number: {t!r}") from exc
        try:
            return _fold(t)
        except ValueError:
            raise ValueError(f"not a number: {t!r}") from exc


_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def _digit(ch: str) -> int:
    return _DIGIT_VALUE[ch]


def _fold(t: str) -> Decimal:
    """Classic left-to-right reading of a Chinese integer (fallback for cn2an)."""
    small = {"十": 10, "百": 100, "千": 1000}
    big = {"万": 10**4, "亿": 10**8}
    total = Decimal(0)
    section = Decimal(0)
    digit: int | None = None
    for ch in t:
        if ch in "零〇":
            digit = 0
        elif ch in "一二两三四五六七八九":
            digit = _digit(ch)
        elif ch in small:
            section += (1 if digit is None else digit) * small[ch]
            digit = None
        elif ch in big:
            section += digit or 0
            digit = None
            if section == 0:
                section = Decimal(1)
            if big[ch] == 10**8:
                total = (total + section) * big[ch]
            else:
                total += section * big[ch]
            section = Decimal(0)
        else:
            raise ValueError(f"not a number: {t!r}")
    return total + section + (digit or 0)


def to_chinese(value: int) -> str:
    """An integer written in Chinese numerals (for tests and messages): 12345 → 一万二千三百四十五."""
    return cn2an.an2cn(str(int(value)), "low")


# ---------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """What a (magnitude-free) unit measures and how to normalise it."""

    family: str
    """money | count | percent | points | area | length | mass | volume | power | energy |
    duration | concentration | multiple | rank"""
    base: str
    """The normalised unit."""
    factor: Decimal
    """Multiply by this to get the value in ``base``."""


def _u(family: str, base: str, factor: str | int = 1) -> UnitInfo:
    return UnitInfo(family, base, Decimal(factor))


# Longest spellings first matter only for the regex (sorted below); keys are the units as
# printed after any magnitude.
UNITS: dict[str, UnitInfo] = {
    # money
    "元": _u("money", "元"), "美元": _u("money", "美元"), "港元": _u("money", "港元"),
    "港币": _u("money", "港元"), "欧元": _u("money", "欧元"), "元人民币": _u("money", "元"),
    # percent and friends
    "%": _u("percent", "%"), "％": _u("percent", "%"), "‰": _u("percent", "%", "0.1"),
    "个百分点": _u("points", "百分点"), "百分点": _u("points", "百分点"),
    "成": _u("percent", "%", 10),
    "倍": _u("multiple", "倍"),
    # area / length / volume / mass / power / energy
    "平方公里": _u("area", "平方米", 10**6), "平方千米": _u("area", "平方米", 10**6),
    "平方米": _u("area", "平方米"), "公顷": _u("area", "平方米", 10**4), "亩": _u("area", "亩"),
    "公里": _u("length", "米", 1000), "千米": _u("length", "米", 1000), "米": _u("length", "米"),
    "延米": _u("length", "米"),
    "立方米": _u("volume", "立方米"), "万方": _u("volume", "立方米", 10**4),
    # freight and passenger work ("货物周转量一百五十三亿吨公里")
    "吨公里": _u("freight", "吨公里"), "人公里": _u("freight", "人公里"), "吨海里": _u("freight", "吨海里"),
    "吨": _u("mass", "吨"), "公斤": _u("mass", "千克"), "千克": _u("mass", "千克"),
    "斤": _u("mass", "斤"), "吨标准煤": _u("mass", "吨标准煤"), "吨标煤": _u("mass", "吨标准煤"),
    "度": _u("energy", "千瓦时"),  # kWh; read only after 万/亿 ("发电量60.9亿度"): see find_figures
    "千瓦时": _u("energy", "千瓦时"), "千瓦小时": _u("energy", "千瓦时"), "万千瓦时": _u("energy", "千瓦时", 10**4),
    "千瓦": _u("power", "瓦", 1000), "兆瓦": _u("power", "瓦", 10**6), "瓦": _u("power", "瓦"),
    # computing power in petaflops ("总算力突破1.3万PF")
    "PF": _u("compute", "PF"), "EFLOPS": _u("compute", "PF", 1000),
    "标准箱": _u("count", "标准箱"), "标箱": _u("count", "标准箱"),
    "微克/立方米": _u("concentration", "微克/立方米"),
    # prices and other per-unit rates ("电价下降5分/千瓦时", "补贴100元/亩")
    "元/千瓦时": _u("rate", "元/千瓦时"), "分/千瓦时": _u("rate", "元/千瓦时", "0.01"),
    "元/吨": _u("rate", "元/吨"), "元/平方米": _u("rate", "元/平方米"), "元/亩": _u("rate", "元/亩"),
    "元/人": _u("rate", "元/人"), "元/年": _u("rate", "元/年"), "元/月": _u("rate", "元/月"),
    "元/天": _u("rate", "元/天"), "元/人·年": _u("rate", "元/人·年"), "元/立方米": _u("rate", "元/立方米"),
    "岁": _u("age", "岁"), "周岁": _u("age", "岁"),
    "毫克/立方米": _u("concentration", "微克/立方米", 1000),
    # durations
    "小时": _u("duration", "小时"), "分钟": _u("duration", "分钟"), "天": _u("duration", "天"),
    "个工作日": _u("duration", "天"), "工作日": _u("duration", "天"), "个月": _u("duration", "月"),
    "个季度": _u("duration", "季度"), "个星期": _u("duration", "周"),
    "周": _u("duration", "周"), "秒": _u("duration", "秒"), "年": _u("duration", "年"),
    # "N大" (十大重点片区) counts things; "N大类" counts classes
    "大": _u("count", "大"), "大类": _u("count", "大类"),
    # labour in person-years ("培训3万人年")
    "人年": _u("count", "人年"),
}
MEASURE_WORDS = (
    "人次 件次 项次 户次 家次 架次 艘次 车次 批次 场次 班次 航次 人 户 家 个 所 套 名 项 场 栋 幢 处 座 台 辆 宗 件 张 条 支 期 类 片 "
    "间 艘 架 只 头 株 棵 册 部 篇 种 起 次 位 例 组 届 批 块 根 盏 颗 匹 份 枚 "
    "床 列 趟 款 门 万 亿"
).split()
for _w in MEASURE_WORDS:
    if _w not in ("万", "亿"):
        UNITS.setdefault(_w, _u("count", _w))


_PER = ("日", "天", "月", "年", "小时", "千人口", "万人口", "千人", "万人", "百人", "人", "户")
"""Denominators of a rate printed after a unit ("万吨/日", "张/千人")."""
_ALT_RE = re.compile(r"[（(]([^（）()]{1,3})[)）]$")


@lru_cache(maxsize=2048)
def unit_info(unit: str) -> UnitInfo | None:
    """Family and normalisation of a stated unit, magnitude included ("亿元", "万人次").

    A parenthesised alternative keeps its parentheses in the base ("万套（间）" → 套（间）);
    a unit with a denominator not listed is a rate of its numerator ("万吨/日" → 吨/日 × 10⁴).
    """
    alt = _ALT_RE.search(unit)
    if alt is not None:
        info = unit_info(unit[: alt.start()])
        if info is None:
            return None
        return UnitInfo(info.family, info.base + unit[alt.start():], info.factor)
    mag, bare = split_magnitude_unit(unit)
    info = UNITS.get(bare)
    if info is None:
        num, slash, den = bare.partition("/")
        if slash and den in _PER and num in UNITS:
            base = UNITS[num]
            return UnitInfo("rate", f"{base.base}/{den}", base.factor * mag)
        return None
    return UnitInfo(info.family, info.base, info.factor * mag)


@lru_cache(maxsize=2048)
def split_magnitude_unit(unit: str) -> tuple[Decimal, str]:
    """("亿元") → (10⁸, "元"); ("万") → (10⁴, "") ; ("家") → (1, "家")."""
    for m, f in MAGNITUDES.items():
        if unit.startswith(m):
            rest = unit[len(m):]
            if rest in UNITS or rest == "" or rest.partition("/")[0] in UNITS or _ALT_RE.search(rest):
                return f, rest
    return Decimal(1), unit


# -------------------------------------------------------------------- figures

_AR = (
    r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3}(?![0-9０-９]))+"  # 1,992 and 1，992 (older texts)
    r"|[0-9０-９]+(?:[ \u3000][0-9０-９]+)*)"
    r"(?:[ \u3000]?[.．·][ \u3000]?[0-9０-９]+(?:[ \u3000][0-9０-９]+)*)?"
)
# (older typeset texts space their digits out: "2 0 9 0 元")
_CN_RUN = r"(?:[零〇一二两三四五六七八九十百]|千(?!瓦|米|克))+"  # 千 of 千瓦/千米/千克 is the unit's
_CN = (
    rf"(?:{_CN_RUN}(?:[万亿](?!千瓦|千米|千克|百分){_CN_RUN})*(?:[点點][零〇一二三四五六七八九]+)?"  # 一万三千, 四点五
    r"|万|亿)"  # 近万家, 过亿元, 近万亿元: the magnitude alone is the number
)
_NUM = rf"(?:{_AR}|{_CN})"
_MAG = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万)"
_MORE = r"(?:多|余|餘|几|幾)"
_UNIT_ALTS = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_RANGE_SEP = r"(?:—|－|-|~|～|至|到|–)"
_MEASURE_ALTS = "|".join(re.escape(u) for u in sorted(MEASURE_WORDS, key=len, reverse=True) if u not in ("万", "亿"))
_PER_ALTS = "|".join(sorted(_PER, key=len, reverse=True))

MILESTONES = ("台阶", "大关", "关口", "新台阶", "新关口")
"""Nouns of a level reached ("迈上千亿台阶"): after a bare magnitude they imply money."""

FIGURE_RE = re.compile(
    rf"(?P<num>{_NUM})(?P<more1>{_MORE})?(?:\n\n?(?={_MAG}|[%％]))?(?P<mag>{_MAG})?(?P<more2>{_MORE})?"
    rf"(?:(?P<unit1>{_UNIT_ALTS})?{_RANGE_SEP}(?P<num2>{_NUM})(?P<more3>{_MORE})?(?P<mag2>{_MAG})?)?"  # "一百多亿斤到二百多亿斤"
    rf"(?:[ \u3000\u00a0]?(?P<unit>{_UNIT_ALTS})"  # city files print "1680万 元"; PDFs break "74.4\n万亿元"
    rf"(?P<alt>[（(](?:{_MEASURE_ALTS})[)）])?"  # 万套（间）: an alternative measure word
    rf"(?P<per>[/／](?:{_PER_ALTS}))?)?"  # 万吨/日, 张/千人
)


PERCENT_WORD_RE = re.compile(
    rf"百分之(?P<num>{_NUM})(?:{_RANGE_SEP}(?:百分之)?(?P<num2>{_NUM})(?![0-9０-９〇○零一二三四五六七八九十百年]))?"
)
"""百分之A到B is a range unless B is a year ("由…的百分之三十九点七到一九五七年上升为…")."""
"""Percent written out in words, as older reports do: 百分之四点五, 百分之十到十五."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeral with its magnitude and unit, as found in a text (no semantics yet)."""

    start: int
    end: int
    numeral: str
    value: Decimal
    """Stated value (before the magnitude): 2630.2 for 2630.2亿元."""
    unit: str
    """Stated unit, magnitude included ("亿元", "万人次", "%", "万"); "" when none."""
    more: bool = False
    """多/余/几 after the numeral ("20多万"): the true value is more than ``value``."""
    value_max: Decimal | None = None
    """Upper end of a range ("5%—6%")."""
    chinese: bool = False
    """The numeral is written in Chinese characters."""

    @property
    def normalised(self) -> tuple[Decimal | None, str | None]:
        info = unit_info(self.unit)
        if info is None:
            mag, bare = split_magnitude_unit(self.unit)
            if bare == "" and mag != 1:
                return self.value * mag, ""
            return None, None
        return _clean(self.value * info.factor), info.base

    @property
    def family(self) -> str | None:
        info = unit_info(self.unit)
        return info.family if info else None


_FIGURE_SLOTS = tuple(Figure.__dict__[name].__set__ for name in (
    "start", "end", "numeral", "value", "unit", "more", "value_max", "chinese"))


def _figure(start: int, end: int, numeral: str, value: Decimal, unit: str, more: bool = False,
            value_max: Decimal | None = None, chinese: bool = False) -> Figure:
    """``Figure(...)`` without the frozen dataclass's ``__init__`` (``object.__setattr__`` by
    name for each of eight fields: 1.6 µs a figure, ~2 % of the quantity stage): the slots are
    set through their descriptors, 0.55 µs. The same object (no ``__post_init__`` to run)."""
    f = object.__new__(Figure)
    s_start, s_end, s_numeral, s_value, s_unit, s_more, s_value_max, s_chinese = _FIGURE_SLOTS
    s_start(f, start)
    s_end(f, end)
    s_numeral(f, numeral)
    s_value(f, value)
    s_unit(f, unit)
    s_more(f, more)
    s_value_max(f, value_max)
    s_chinese(f, chinese)
    return f


def _clean(d: Decimal) -> Decimal:
    """Drop trailing zeros without losing exactness (2.630200E+11 → 2.6302E+11)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


_TRADITIONAL_MAGNITUDES = "億萬噸畝個項臺輛種隻張條處間裏"
_TRADITIONAL = str.maketrans("億萬噸畝個項臺輛種隻張條處間裏", "亿万吨亩个项台辆种只张条处间里")
"""Traditional magnitudes and measure words (national 1954), one character each: offsets hold."""


_DIGIT = re.compile(r"[0-9０-９]")
_WAN_QIAN = re.compile(r"[0-9０-９]万[0-9０-９]千")
_TRADITIONAL_RE = re.compile(f"[{_TRADITIONAL_MAGNITUDES}]")


_FIGURE_OPENS = opening_class(FIGURE_RE)
"""Every character a match of FIGURE_RE can open with (the first of its numeral: a digit, a
Chinese numeral character, or the bare magnitude 万/亿), read off the pattern."""
assert _FIGURE_OPENS is not None


def _figure_matches(text: str, start: int, end: int) -> list[re.Match]:
    """``list(FIGURE_RE.finditer(text, start, end))``, the pattern tried only where a numeral
    can open: ``re`` finds no prefix to skip ahead by in FIGURE_RE (its numeral is an
    alternation of repeats), so ``finditer`` tried the whole pattern at each character of the
    body; a one-character class finds the openings in C. The same matches (a match never is
    empty, and the next is looked for from its end, as ``finditer`` does): 2.4× on the scan,
    which was ~6 % of the quantity stage."""
    out: list[re.Match] = []
    pos = start
    match = FIGURE_RE.match
    for opening in _FIGURE_OPENS.finditer(text, start, end):
        i = opening.start()
        if i >= pos and (m := match(text, i, end)) is not None:
            out.append(m)
            pos = m.end()
    return out


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every numeral in ``text[start:end]`` with its magnitude and unit (unit may be "").

    Numerals that cannot be read are skipped. Offsets are into ``text``.

    The quantity passes ask again and again for the figures of the same clause: the answer
    is cached on (text, start, end) (a new list each call; the figures are frozen).
    """
    end = len(text) if end is None else end
    if _FIGURE_OPENS.search(text, start, end) is None and _TRADITIONAL_RE.search(text, start, end) is None:
        # no character a figure opens with (nor a traditional 萬/億 that becomes one): none, and
        # nothing cached (a third of the calls ask about a clause that holds no numeral)
        return []
    return list(_figures(text, start, end))


@lru_cache(maxsize=4096)
def _figures(text: str, start: int, end: int) -> tuple[Figure, ...]:
    seg = text[start:end]  # sliced once (was once per traditional character)
    if _TRADITIONAL_RE.search(seg):
        # 二億七千八百零九萬 (national 1954 is in traditional characters): same offsets
        text = text.translate(_TRADITIONAL)
        seg = text[start:end]
    if _WAN_QIAN.search(seg):
        # "1万6千多户" is 1.6万: the same length, so the offsets hold
        text = re.sub(r"(?<![0-9０-９.．])([0-9０-９]+)万([0-9０-９])千", lambda m: f"{m.group(1)}.{m.group(2)}万", text)
    out: list[Figure] = []
    worded: set[int] = set()  # the offsets a worded percentage covers
    for m in PERCENT_WORD_RE.finditer(text, start, end):
        try:
            value = parse_number(m.group("num"))
            value_max = parse_number(m.group("num2")) if m.group("num2") else None
        except ValueError:
            continue
        out.append(_figure(start=m.start(), end=m.end(), numeral=m.group("num"), value=value, unit="%",
                          value_max=value_max, chinese=not _DIGIT.match(m.group("num"))))
        worded.update(range(m.start(), m.end()))
    for m in _figure_matches(text, start, end):
        if m.start() in worded:
            continue
        numeral = m.group("num")
        try:
            value = parse_number(numeral)
        except ValueError:
            continue
        mag = m.group("mag") or ""
        unit = m.group("unit") or ""
        value_max = None
        stop = m.end()
        if m.group("num2"):
            u1 = m.group("unit1") or ""
            mag2 = m.group("mag2") or ""
            ranged = bool(unit) and (not u1 or u1 == unit) and (not mag2 or not mag or mag2 == mag)
            if ranged:
                try:
                    value_max = parse_number(m.group("num2"))
                except ValueError:
                    ranged = False
            if ranged:
                mag = mag or mag2  # "1000-2000万元": the magnitude is printed once
            else:
                value_max = None
                unit = u1
                stop = max(m.end(g) for g in ("num", "more1", "mag", "more2", "unit1") if m.group(g))
        # a milestone noun after a magnitude ("跨越千亿台阶", "突破万亿大关") is not a
        # measure word (台, 大): the figure ends at the magnitude
        if unit and not m.group("num2") and mag and text.startswith(MILESTONES, m.start("unit")):
            unit = ""
            stop = max(m.end(g) for g in ("num", "more1", "mag", "more2") if m.group(g))
        if unit and stop == m.end():
            unit += (m.group("alt") or "") + (m.group("per") or "").replace("／", "/")
            if unit == "人年" and text[stop : stop + 1] and text[stop] in "均度底末初中内前后以来":
                unit, stop = "人", stop - 1  # "10万人年均增收": 人, then 年均
        elif m.group("alt") or m.group("per"):
            stop = min(stop, m.start("alt") if m.group("alt") else m.start("per"))
        # a Chinese numeral with 亿 before a 万 magnitude is one number: 四十二亿七千万斤 = 42.7亿斤
        if mag == "万" and value_max is not None and "亿" in numeral and "亿" in (m.group("num2") or "") \
                and not _DIGIT.match(numeral):
            try:  # "四亿六千八百万至四亿七千五百万吨": both ends fold the same way
                value = parse_number(numeral + "万") / MAGNITUDES["亿"]
                value_max = parse_number(m.group("num2") + "万") / MAGNITUDES["亿"]
                mag = "亿"
            except ValueError:
                pass
        if mag == "万" and not m.group("num2") and "亿" in numeral and not _DIGIT.match(numeral):
            try:
                value = parse_number(numeral + "万") / MAGNITUDES["亿"]
                mag = "亿"
            except ValueError:
                pass
        if unit == "度" and not mag:
            unit, stop = "", m.start("unit")  # "360度", "零下5度": 度 is kWh only after 万/亿
        # a magnitude that is itself the measure ("20多万城中村居民"); full-width ％ is %
        full_unit = mag + ("%" if unit == "％" else unit)
        more = bool(m.group("more1") or m.group("more2"))
        out.append(
            _figure(
                start=m.start(),
                end=stop,
                numeral=numeral,
                value=value,
                unit=full_unit,
                more=more,
                value_max=value_max,
                chinese=not _DIGIT.match(numeral),
            )
        )
    out.sort(key=lambda f: f.start)
    # "5千多户": digits before a bare 千/百 are one number (5000), not 5 and 千户
    merged: list[Figure] = []
    for f in out:
        p = merged[-1] if merged else None
        if p is not None and p.end == f.start and not p.unit and not p.chinese and f.chinese \
                and f.numeral in ("千", "百") and "." not in p.numeral and text[p.start - 1 : p.start] not in ("亿", "万"):
            merged[-1] = _figure(start=p.start, end=f.end, numeral=p.numeral + f.numeral, value=p.value * f.value,
                                unit=f.unit, more=f.more, value_max=None, chinese=False)
            continue
        merged.append(f)
    return tuple(merged)
