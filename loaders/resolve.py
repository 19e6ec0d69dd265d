"""One entity per real thing: aliases merged within a report, stable keys across reports.

Within a report two names are one entity when

- one is the other's prefix-form: the short form plus a head word of the same type
  (湖贝 ↔ 湖贝片区, 大健康 ↔ 大健康产业, 罗湖 ↔ 罗湖区) or the same stem under two
  sector heads (旅游业 ↔ 旅游产业);
- the text equates them: "X(以下简称Y)", "X(简称“Y”)", "X(Y)" where Y is a shorter form
  made of X's characters in order;
- a short government name stands for the report's own government (区政府 ↔
  罗湖区人民政府 when the report is a district's).

Across reports, :func:`entity_key` gives the same key to the same thing of the same
government, so kg.iri mints one IRI for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg import keys
from kg.keys import normalise_name as normalise
from kg.model import Entity, EntityType, Mention

# Head words after which a short form still names the same thing (湖贝 → 湖贝片区).
_SAME_THING_HEADS = (
    "片区", "社区", "商圈", "街区", "产业", "业", "区", "市", "省", "县", "枢纽", "项目",
    "街道", "集团", "公司", "地区", "自治区", "特别行政区",
)
_SECTOR_HEADS = ("产业", "业")
_EQUATE = re.compile(
    r"(?P<long>[^\s，,。；;（）()“”]{2,40})[(（](?:以下)?简称[“\"《]?(?P<short>[^”\"》)）]{1,12})[”\"》]?[)）]"
)
# _EQUATE in two: the long form, and what follows it from the bracket (equated_pairs)
_EQUATE_LONG = re.compile(_EQUATE.pattern[: _EQUATE.pattern.index("[(（]")].replace("(?P<long>", "(?:"))
_EQUATE_TAIL = re.compile(_EQUATE.pattern[_EQUATE.pattern.index("[(（]") :])


# a body renamed or upgraded in the text (青禾医学院更名为青禾医科大学): the old name is an alias
_RENAME_VERBS = ("更名为", "正式更名为", "升格为")
_RENAMED = re.compile("|".join(_RENAME_VERBS))


@dataclass(slots=True)
class Group:
    """Mutable bag of names and mentions while resolving."""

    name: str
    type: EntityType
    subtype: str | None
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    parent: str | None = None

    def forms(self) -> set[str]:
        return {self.name, *self.aliases}


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def equated_pairs(text: str) -> list[tuple[str, str]]:
    """(long, short) pairs the text equates with 简称: ``_EQUATE.finditer``'s matches,
    found from each 简称 instead of tried at every character. The long form's characters
    exclude the brackets, so a match starting at p takes the whole run of them from p to
    the bracket before 简称 (2 to 40 characters); the leftmost such p at or after the last
    match's end is finditer's."""
    out = []
    pos = 0
    k = text.find("简称")
    while k >= 0:
        if k >= 1 and text[k - 1] in "(（":
            q = k - 1
        elif k >= 3 and text[k - 2 : k] == "以下" and text[k - 3] in "(（":
            q = k - 3
        else:
            q = -1
        if q - 2 >= pos:
            tail = _EQUATE_TAIL.match(text, q)
            if tail is not None:
                for p in range(max(pos, q - 40), q - 1):
                    if _EQUATE_LONG.fullmatch(text, p, q):
                        out.append((text[p:q], tail.group("short")))
                        pos = tail.end()
                        break
        k = text.find("简称", max(k + 1, pos))
    return out


def _prefix_form(short: str, long: str) -> bool:
    if not long.startswith(short) or len(short) < 2:
        return False
    rest = long[len(short):]
    return rest in _SAME_THING_HEADS


def _same_stem(a: str, b: str) -> bool:
    for ha in _SECTOR_HEADS:
        for hb in _SECTOR_HEADS:
            if ha != hb and a.endswith(ha) and b.endswith(hb) and a[: -len(ha)] == b[: -len(hb)]:
                return len(a) - len(ha) >= 2
    return False


def _partner_names(name: str, sector: bool) -> list[str]:
    """Every name ``h`` with :func:`_prefix_form` (name, h) or, for a sector,
    :func:`_same_stem` (name, h) (a superset: the caller still asks them)."""
    out = [name + head for head in _SAME_THING_HEADS] if len(name) >= 2 else []
    if sector:
        if name.endswith("产业"):
            out.append(name[:-2] + "业")
        if name.endswith("业"):
            out.append(name[:-1] + "产业")
    return out


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of ``word`` in ``text``, overlapping ones too."""
    out = []
    p = text.find(word)
    while p >= 0:
        out.append(p)
        p = text.find(word, p + 1)
    return out


def merge_aliases(
    entities: Iterable[Entity], text: str = "", government: str | None = None
) -> tuple[Entity, ...]:
    """Merge entities of one report that name the same thing; names stay the fullest form."""
    groups = [
        Group(e.name, e.type, e.subtype, set(e.aliases), list(e.mentions), e.parent)
        for e in entities
    ]
    by_form: dict[tuple[str, EntityType], Group] = {}

    def find(form: str, typ: EntityType) -> Group | None:
        return by_form.get((form, typ))

    def absorb(keep: Group, gone: Group) -> None:
        keep.aliases |= gone.forms()
        keep.aliases.discard(keep.name)
        keep.mentions.extend(gone.mentions)
        keep.parent = keep.parent or gone.parent
        keep.subtype = keep.subtype or gone.subtype
        for f in gone.forms():
            by_form[(f, gone.type)] = keep
        gone.mentions = []
        gone.aliases = set()
        gone.name = ""

    for g in groups:
        for f in g.forms():
            by_form.setdefault((f, g.type), g)
    live = lambda: [g for g in groups if g.name]

    # 0. the same name twice
    first: dict[tuple[str, EntityType], Group] = {}
    for g in live():
        k = (normalise(g.name), g.type)
        if k in first:
            absorb(first[k], g)
        else:
            first[k] = g
    # 1. prefix-forms and sector stems, same type. The first later partner of each name
    # in the groups' order, found among the names that could be one (the name plus a
    # head word, the other sector stem) instead of among every group: the same merges
    # as comparing each name with every other, in the same order.
    by_name: dict[tuple[str, EntityType], list[int]] = {}
    for i, g in enumerate(groups):
        if g.name:
            by_name.setdefault((g.name, g.type), []).append(i)
    for g in sorted(live(), key=lambda g: len(g.name)):
        if not g.name:
            continue
        first_h = None
        for partner in _partner_names(g.name, g.type == EntityType.SECTOR):
            for i in by_name.get((partner, g.type), ()):
                if first_h is not None and i >= first_h:
                    break
                h = groups[i]
                if h is g or not h.name:
                    continue
                if g.type == EntityType.PLACE and g.subtype and h.subtype and g.subtype != h.subtype:
                    continue  # 梧桐山 (a mountain) is not 梧桐山片区 (an area)
                if _prefix_form(g.name, h.name) or (
                    g.type == EntityType.SECTOR and _same_stem(g.name, h.name)
                ):
                    first_h = i
                    break
        if first_h is not None:
            h = groups[first_h]
            keep, gone = (h, g) if len(h.name) >= len(g.name) else (g, h)
            absorb(keep, gone)
    # 2. what the text equates
    for long, short in equated_pairs(text):
        short_n = normalise(short)
        alive = live()  # a group absorbed below stays absorbed: the live ones are among these
        for typ in EntityType:
            a = None
            for g in alive:
                if g.type == typ and g.name and any(long.endswith(f) for f in g.forms()):
                    if a is None or len(g.name) > len(a.name):
                        a = g
            b = find(short_n, typ) or find(short, typ)
            if a and b and a is not b and b.name:
                absorb(a, b)
    # 2b. "A更名为B", "A升格为B": a renamed body is one entity under its new name
    if _RENAMED.search(text):
        # x + verb + y occurs in the text exactly where a verb does with x ending just
        # before it and y starting just after it: the places of every verb, once
        verbs_at = [
            (p, p + len(verb))
            for verb in _RENAME_VERBS
            for p in _occurrences(text, verb)
        ]
        orgs = [g for g in live() if g.type == EntityType.ORGANIZATION]
        for a in orgs:
            if not a.name:
                continue
            # a is only absorbed (into some b) in its own loop, and nothing into a: its
            # forms stay as they are while b runs
            after = [q for p, q in verbs_at if any(text.endswith(x, 0, p) for x in a.forms())]
            if not after:
                continue
            for b in orgs:
                if a is b or not a.name or not b.name:
                    continue
                if any(text.startswith(y, q) for q in after for y in b.forms()):
                    absorb(b, a)
    # 3. "区政府" for the report's own government
    if government:
        level = government.replace("人民政府", "")[-1:]
        own = next(
            (g for g in live() if g.type == EntityType.ORGANIZATION and g.name == government),
            None,
        )
        if own is None:
            own = next(
                (g for g in live() if g.type == EntityType.ORGANIZATION
                 and g.name.endswith("人民政府") and g.name.replace("人民政府", "")[-1:] == level
                 and government.endswith(g.name)),
                None,
            )
        for short_name in (f"{level}政府", f"{level}人民政府"):  # 我代表省人民政府…
            short = next(
                (g for g in live() if g.type == EntityType.ORGANIZATION and g.name == short_name),
                None,
            )
            if own and short and own is not short:
                absorb(own, short)

    out = []
    for g in live():
        mentions = tuple(sorted(set(g.mentions), key=lambda m: (m.start, m.end, m.rule or "", m.surface)))
        out.append(
            Entity(
                name=g.name,
                type=g.type,
                subtype=g.subtype,
                aliases=tuple(sorted(g.aliases - {g.name})),
                mentions=mentions,
                parent=g.parent,
            )
        )
    out.sort(key=lambda e: (e.mentions[0].start if e.mentions else 1 << 30, e.name))
    return tuple(out)


def entity_key(entity: Entity, government: str | None) -> str:
    """:func:`kg.keys.entity_key` with kg's gazetteer (GB/T 2260) as the division look-up."""
    from kg.loaders.gazetteer import unique_code

    return keys.entity_key(entity, government, unique_code)
