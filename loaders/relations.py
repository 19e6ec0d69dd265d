"""Relations whole names state (GUIDELINES §6), from one data table.

A name that starts with another extracted name says how the two relate: 文昌国际航天城
part_of 文昌, 北京大学口腔医院 part_of 北京大学, 洋浦港扩建工程 located_in 洋浦港,
“十四五”规划重大工程项目 defined_in “十四五”规划. What the rest of the name is (a stretch,
a phase, the container's own project, a platform, a region around a city …) decides the
predicate; the rest's classes are regular expressions in ``data/relations_names.tsv`` so
the genre vocabulary is data, not branches. A division inside a name after its container
(学军中学桐庐学校, 中欧（保亭）合作区) says where the thing is. A list closed by its group
("A、B、C等未来产业") makes each item part_of the group.

Rule ids: ``name:<predicate>`` (a name starts with its container), ``name-infix:<predicate>``
(a division inside the name), ``list:part_of`` (an item of a listed group).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from kg.loaders.datafiles import data_lines


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, re.Pattern[str]]:
    """Class name → one regex (the table's rows of that class, alternated)."""
    rows: dict[str, list[str]] = {}
    for line in data_lines("relations_names.tsv"):
        cls, regex, *_ = line.split("\t")
        rows.setdefault(cls, []).append(f"(?:{regex})")
    return {cls: re.compile("|".join(rs)) for cls, rs in rows.items()}


def rest_is(cls: str, rest: str) -> bool:
    """Does the rest of a name (or, for ``meeting``, a rule id) fall in the table's class?"""
    pat = _classes().get(cls)
    return bool(pat and pat.search(rest))


_ADMIN = ("admin", "admin_short")


def name_predicate(
    whole: str, whole_sub: str, part: str, part_sub: str, rest: str, rule: str = "", container: str = ""
) -> str | None:
    """What a name says about the name it starts with ("文昌国际航天城" → 文昌): the
    predicate from the longer name (type ``whole``) to the one it starts with (``part``),
    or None. Containment of places (part_of), a building or programme in a place
    (located_in; a programme in a division only when it is an event held there), a
    branch, campus or affiliate of a body (part_of, GUIDELINES §6), a body's platform
    (run_by) or other programme (organised_by), a body's plant or base (run_by), a
    programme a plan sets up (defined_in; ``container`` is the plan's name, it must be a
    document: 规划, 方案 …), a facility or office in a division (located_in; not an
    institution named after it: X大学)."""
    if rest_is("stretch_end", rest) or rest_is("cut", rest):
        return None  # the container ends inside the name's own words: a shorter one may hold
    if rest_is("phase", rest):
        # a phase of an area is a part of it (湖贝一期 in 湖贝片区); of a building or a work,
        # the thing itself (美兰机场二期 is 美兰机场: the keys make phases its contexts)
        return "part_of" if whole == part == "Place" and part_sub == "area" else None
    if whole_name_blocks(rest, rule):
        return None
    if part == "Place" and (rest_is("feature", rest) or part_sub in _ADMIN and rest_is("named", rest)):
        return None
    if whole == "Place" and part == "Place":
        if rest_is("road_part", rest) and part_sub == "transport":
            return "part_of"
        if rest_is("part", rest) or rest_is("extension", rest) or part_sub in _ADMIN and whole_sub not in ("building", "admin"):
            return "part_of"
        if whole_sub == "area" and part_sub == "area":
            return "part_of"  # 钱江新城二期产业总部核心区 in 钱江新城二期 (an area named after a lake is not in it)
        if whole_sub == "building" and part_sub in ("area", "block", *_ADMIN):
            return "located_in"
        return None
    if whole == "Programme" and part == "Place":
        if part_sub in _ADMIN:
            return "located_in" if rest_is("event", rest) or rule.startswith("pattern:event.") else None
        return "located_in"
    if whole == "Programme" and part == "Policy":
        return "defined_in" if rest_is("document", container) and not rest_is("about", rest) else None
    if whole == "Organization" and part == "Organization":
        return "part_of"
    if whole == "Organization" and part == "Place" and part_sub in _ADMIN:
        return None if rest_is("brand", rest) else "located_in"
    if whole == "Programme" and part == "Organization":
        if rest_is("works", rest) and part_sub != "company":
            return None  # works on a body's own buildings (X医院门诊楼改扩建工程) are not its programme
        return "run_by" if rest_is("service", rest) else "organised_by"
    if whole == "Place" and whole_sub == "building" and part == "Organization":
        return "run_by"
    return None


def infix_predicate(whole: str, whole_sub: str, rest: str) -> str | None:
    """A division inside a name after its container or in brackets (学军中学桐庐学校,
    中欧（保亭）绿色数字创新合作区): an area there is part_of it; a building, body or
    programme is located_in it. ``rest`` is what follows the division. Not a division that
    opens an institution named after it (青岚友谊医院 in 城东青岚友谊医院云溪院区: class ``brand_start``)."""
    if len(rest) < 2 or rest[:1] in "省市区县至段" or any(rest_is(c, rest) for c in ("feature", "around", "brand_start")):
        return None
    if whole == "Place":
        return "part_of" if whole_sub in ("area", "port", "block") else "located_in"
    if whole in ("Organization", "Programme"):
        return "located_in"
    return None


def containers(name: str, forms: Iterable[tuple[str, object]]) -> list[tuple[str, object]]:
    """The extracted names ``name`` starts with, longest first, as (form, owner)."""
    found = [(f, o) for f, o in forms if len(f) >= 2 and len(name) > len(f) and name.startswith(f)]
    return sorted(found, key=lambda fo: -len(fo[0]))


def whole_name_blocks(rest: str, rule: str = "") -> bool:
    """Does the rest say the longer name is no second thing (X项目), a meeting, or a
    region around its centre? Then no shorter container is tried either."""
    return any(rest_is(c, rest) for c in ("own", "around", "joint", "clause", "session")) or rest_is("meeting", rule)


def first_predicate(name: str, cands: Sequence[tuple[str, object]], predicate) -> tuple[str, object, str] | None:
    """The immediate container of ``name`` and the predicate to it: the longest container
    the table gives a predicate for (北京大学口腔医院 for 北京大学口腔医院三亚医院, never
    also 北京大学; a stray nested place such as X大学云湖 in X大学云湖校区 is passed over).
    ``predicate(form, owner, rest)`` returns the predicate or None."""
    for form, owner in cands:
        rest = name[len(form):]
        if whole_name_blocks(rest):
            return None
        pred = predicate(form, owner, rest)
        if pred is not None:
            return form, owner, pred
        if rest_is("phase", rest) or rest_is("works", rest):
            return None  # X二期 of a building is X; works on X's buildings: no shorter container either
    return None


_ITEM_SEP = "、"
LIST_GROUPS = frozenset({"Sector", "Programme", "Place", "Organization", "Policy"})
"""Types a listed group may have (the items share it)."""


def list_members(text: str, spans: Sequence[tuple[int, int, str]], group_types: frozenset[str]) -> list[tuple[int, int, int, int]]:
    """Items of a list closed by its group: "A、B、C等未来产业" (GUIDELINES §6: each part_of
    the group). ``spans`` are (start, end, type) of extracted names in ``text``, sorted;
    a group is a name of a type in ``group_types`` right after 等 (or 等+numeral+大/个),
    and its items are the names of the same type joined by 、 (and 和/及/与 before the last)
    right before it. Returns (item start, item end, group start, group end)."""
    out = []
    by_end = {e: (s, e, t) for s, e, t in spans}
    for s, e, t in spans:
        if t not in group_types:
            continue
        m = re.search(r"等(?:[0-9一二三四五六七八九十]+[大个项类])?$", text[max(0, s - 5) : s])
        if not m:
            continue
        end = s - len(m.group())
        items = []
        while end in by_end:
            item = by_end[end]
            if item[2] != t:
                break
            items.append(item)
            before = text[item[0] - 1 : item[0]] if item[0] > 0 else ""
            if before == _ITEM_SEP:
                end = item[0] - 1
            elif before in ("和", "及", "与") and len(items) == 1:
                end = item[0] - 1
            else:
                break
        if len(items) >= 2:
            out.extend((i[0], i[1], s, e) for i in items)
    return out
