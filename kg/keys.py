"""The keys identity is decided from — names, entities, indicators, reports and years.

One pure module (no I/O, no rdflib, nothing from ``kg.loaders``) that both the extractors
and :mod:`kg.iri` import, so the rule that says "these two names are one thing" is written
once and the graph layer never reaches into the extractors for it:

- :func:`normalise_key` — the identity form of a name in an IRI (quotes and title marks
  dropped, NFKC, layout spaces removed); :func:`normalise_name` — the looser form the
  resolver compares names in (every space dropped);
- :func:`entity_key` — one key per thing: an administrative division the gazetteer
  names unambiguously by its GB/T 2260 code, anything else by government, type and name;
- :func:`indicator_key` — one key per indicator across reports (地区生产总值增长 ≡
  全市地区生产总值 ≡ GDP → 生产总值);
- :func:`government_key`, :func:`report_key` — who delivered a report, and which one;
- the year rules: :func:`year_of_date`, :func:`complete_years` (one year of the pair
  gives the other), :func:`report_years` (review and plan year of a parsed report) and
  :func:`report_year` (the year a report is filed under).

The gazetteer is data read from a file, so :func:`entity_key` takes the lookup as an
argument (:func:`kg.loaders.gazetteer.unique_code` in kg itself).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable

from kg.model import Entity, EntityType, PartRole, Report

__all__ = [
    "normalise_key",
    "normalise_name",
    "digest",
    "entity_key",
    "indicator_key",
    "government_key",
    "report_key",
    "year_of_date",
    "complete_years",
    "report_years",
    "report_year",
]

# ------------------------------------------------------------------------- names

_QUOTES = dict.fromkeys(map(ord, "\"'“”‘’「」『』〝〞〟‹›«»《》〈〉＂＇`´"), None)
_TRIM = " \t\r\n,.;:!?、，。；：！？·…—-_"
_NAME_QUOTES = "“”‘’\"'「」《》"


def normalise_key(text: str) -> str:
    """The identity key of a name: NFKC, no quotes or title marks, normalised spaces.

    Whitespace next to Chinese is dropped, whitespace between Latin words becomes ``_``
    (case is kept: GDP, PM2.5) and stray list punctuation is trimmed from the ends.

    >>> normalise_key("“1+5+3+N”大兵团作战机制") == normalise_key('"1+5+3+N" 大兵团作战机制')
    True
    """
    s = text
    for _ in range(4):  # removing quotes can make new compositions: repeat to a fixed point
        before = s
        s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
        s = " ".join(s.replace("_", " ").split())
        # a space next to a non-ASCII letter is layout, not part of the name
        s = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", s)
        s = s.replace(" ", "_").strip(_TRIM)
        if s == before:
            break
    return s


@functools.lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """The form the resolver compares names in: NFKC, no quotes or title marks, no spaces.
    (Memoised: the resolver compares every name with every other.)"""
    s = unicodedata.normalize("NFKC", name)
    return "".join(c for c in s if c not in _NAME_QUOTES and not c.isspace())


def digest(*parts: object) -> str:
    """A short stable digest of ``parts`` (12 hex digits of SHA-256), for composite keys.

    Never ``hash()``: the same parts give the same digest in every process."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:12]


# ---------------------------------------------------------------------- entities

DivisionLookup = Callable[[str], "str | None"]
"""A name → the GB/T 2260 code of the one division it names (None when it names none or
several)."""


def entity_key(entity: Entity, government: str | None, unique_code: DivisionLookup | None = None) -> str:
    """A stable key for ``entity``: the same thing of the same government → the same key.

    Administrative divisions are keyed by their GB/T 2260 code (``division/{code}``), so
    深圳 and 深圳市 in any report are one thing — when ``unique_code`` says the name stands
    for one division only (鼓楼区 names districts of several cities: it stays under the
    government naming it); everything else by type and normalised name under the
    government that names it (区人民医院 of two districts are two hospitals). Without a
    lookup no name is keyed as a division.
    """
    if unique_code is not None and entity.type == EntityType.PLACE and entity.subtype == "admin":
        for form in (entity.name, *entity.aliases):
            code = unique_code(normalise_name(form))
            if code:
                return f"division/{code}"
    gov = normalise_name(government or "") or "_"
    return f"{gov}/{entity.type.value}/{normalise_name(entity.name)}"


# -------------------------------------------------------------------- indicators

_KEY_DROP = re.compile(
    r"(?:高于|快于|好于|低于|略高于)(?:全国|全省|全区|全市|全州|省平|省|市|区|州)?(?:平均)?(?:水平|增速)?$|"
    r"确保|力争|争取|计划(?!生育)|定为|确定为|^(?:19|20)\d\d年|^[１２][０-９]{3}年|"
    r"增长|增速|增幅|涨幅|降幅|同比|比上年|较上年|上涨|下降|降低|提高|提升|增加(?!值)|减少|"
    r"的|全年|全市|全区|全省|全县|全国|本级|区本级|市本级|县本级|完成|实现|达到|控制在|保持|"
    r"年末|年底|年初|年度|今年|明年|本年|实际|预计|预期|目标|拟按|拟|安排|左右|速度|幅度|宏观调控|调控|"
    r"[“”\"'（）()《》\s、]"
)
_KEY_SYNONYMS = (
    # 国民生产总值 (GNP) is the headline output measure of reports before 1994
    (re.compile(r"^(?:地区生产总值|国内生产总值|国民生产总值|生产总值|GDP|GNP|经济|国民经济)(?:\(GDP\)|（GDP）)?$"), "生产总值"),
    (re.compile(r"^(?:地方)?(?:一般公共预算收入|公共财政预算收入|地方财政收入|财政收入|一般预算收入|地方一般公共预算收入|公共预算收入)$"), "一般公共预算收入"),
    (re.compile(r"^(?:全社会)?固定资产投资(?:总额)?$"), "固定资产投资"),
    (re.compile(r"^社会消费品零售(?:总)?额$|^社零(?:额)?$"), "社会消费品零售总额"),
    (re.compile(r"^(?:规模以上|规上)工业增加值$"), "规模以上工业增加值"),
    (re.compile(r"^(?:居民消费价格(?:指数)?|CPI|物价(?:总水平)?)$"), "居民消费价格"),
    (re.compile(r"^城镇(?:新增就业|新增就业人数|新增就业人员)$|^新增城镇就业(?:人数)?$"), "城镇新增就业"),
)


def indicator_key(indicator: str) -> str:
    """A normalised key under which the same indicator matches across reports.

    Rules (from the genre, not from any one report):
    - drop change and framing words (增长/增速/涨幅/年均/同比/全年/全市…/的) and
      punctuation, so "地区生产总值增长" and "全市地区生产总值" both key "地区生产总值";
    - unify the usual synonyms of the headline indicators: 地区生产总值 / 国内生产总值 /
      GDP → 生产总值; 公共财政预算收入 / 地方一般公共预算收入 → 一般公共预算收入;
      规上 / 规模以上工业增加值; 社零; CPI / 居民消费价格; 新增城镇就业 / 城镇新增就业;
    - everything else keeps its remaining characters.
    """
    k = _KEY_DROP.sub("", indicator or "")
    k = k.replace("ＧＤＰ", "GDP")
    for pattern, key in _KEY_SYNONYMS:
        if pattern.search(k):
            return key
    # "地区生产总值(GDP)" forms left after stripping brackets
    k2 = k.replace("GDP", "") if k not in ("GDP",) else k
    for pattern, key in _KEY_SYNONYMS:
        if k2 and pattern.search(k2):
            return key
    return k


# ------------------------------------------------------------------------- years

_DATE_YEAR = re.compile(r"[0-9]{4}")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年")


def year_of_date(date: str | None) -> int | None:
    """The year of an ISO date (``2024-03-05`` → 2024); None without one."""
    m = _DATE_YEAR.match(date or "")
    return int(m.group()) if m else None


def complete_years(
    review: int | None, plan: int | None, delivery_year: int | None = None
) -> tuple[int | None, int | None]:
    """(review year, plan year) with the one the text left out filled in.

    A work report reviews one year and plans the next: the plan year is the review year
    + 1 and vice versa; when neither is known, the report plans the year it is delivered
    in (a session meets early in the year it plans).
    """
    if plan is None and review is not None:
        plan = review + 1
    if plan is None:
        plan = delivery_year
    if review is None and plan is not None:
        review = plan - 1
    return review, plan


def report_years(report: Report) -> tuple[int | None, int | None]:
    """(review year, plan year): from the metadata, else from the part titles
    ("2022年工作回顾", "2023年工作安排"), one derived from the other when only one is printed."""
    review, plan = report.meta.review_year, report.meta.plan_year
    if review is None or plan is None:
        for p in report.parts:
            m = _TITLE_YEAR.search(p.title)
            if not m:
                continue
            y = int(m.group(1))
            if p.role == PartRole.REVIEW and review is None:
                review = y
            elif p.role == PartRole.PLAN and plan is None:
                plan = y
    return complete_years(review, plan, year_of_date(report.meta.delivery_date))


def _checksum(report: Report) -> str:
    return report.text.sha256 or digest(report.text.text)


def report_year(report: Report) -> str:
    """The year a report is filed under: its plan year (else review year + 1, else the
    delivery date's year, by :func:`complete_years`); ``undated-{checksum}`` without any."""
    meta = report.meta
    _review, plan = complete_years(meta.review_year, meta.plan_year, year_of_date(meta.delivery_date))
    return str(plan) if plan is not None else f"undated-{_checksum(report)[:12]}"


# ----------------------------------------------------------------------- reports

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def government_key(report: Report) -> str:
    """Who delivered the report: the government's name, else its place, else its checksum."""
    meta = report.meta
    for name in (meta.government, meta.place):
        if name and normalise_key(name):
            return name
    return f"unknown-{_checksum(report)[:12]}"


def report_key(report: Report) -> str:
    """The report's key under its government.

    - its delivery date when the metadata gives a full one (``2024-03-05``): a government
      delivers one work report per session, so two different reports never share it, and
      the same report in two layouts (HTML page, plain text) is one report;
    - else its year (:func:`report_year`) and the first 8 hex digits of the source file's
      SHA-256 (``2024-3f9a02c1``): never shared by two different files, the same on every
      re-build of the file (two layouts of such a report stay two reports).
    """
    date = (report.meta.delivery_date or "").strip()
    if _ISO_DATE.match(date):
        return date
    checksum = report.text.sha256 or hashlib.sha256(report.text.text.encode("utf-8")).hexdigest()
    year = report_year(report)
    if year.startswith("undated-"):
        return year
    return f"{year}-{checksum[:8]}"
