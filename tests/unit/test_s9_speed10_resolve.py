"""kg.loaders.resolve.merge_aliases (session 9, second round: no comparison of every
name with every other) against the quadratic version it replaces, kept here verbatim as
the reference: the same entities, aliases, mentions and order on generated reports."""

from __future__ import annotations

import random
from collections.abc import Iterable

from kg.loaders.resolve import (
    _RENAME_VERBS,
    _RENAMED,
    Group,
    _prefix_form,
    _same_stem,
    equated_pairs,
    merge_aliases,
    normalise,
)
from kg.model import Entity, EntityType, Mention

STEMS = ("青禾", "云溪", "青禾云", "禾", "溪口", "大健康", "数字", "文旅", "青禾产", "云溪业")
TAILS = ("", "片区", "产业", "业", "区", "市", "社区", "项目", "集团", "公司", "人民政府", "政府", "产产业", "大学", "医学院")
SUBTYPES = (None, None, "admin", "mountain", "area")


def _reference_merge_aliases(
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
    # 1. prefix-forms and sector stems, same type
    for g in sorted(live(), key=lambda g: len(g.name)):
        if not g.name:
            continue
        for h in live():
            if h is g or h.type != g.type or not h.name:
                continue
            if g.type == EntityType.PLACE and g.subtype and h.subtype and g.subtype != h.subtype:
                continue  # 梧桐山 (a mountain) is not 梧桐山片区 (an area)
            if _prefix_form(g.name, h.name) or (
                g.type == EntityType.SECTOR and _same_stem(g.name, h.name)
            ):
                keep, gone = (h, g) if len(h.name) >= len(g.name) else (g, h)
                absorb(keep, gone)
                break
    # 2. what the text equates
    for long, short in equated_pairs(text):
        short_n = normalise(short)
        for typ in EntityType:
            a = None
            for g in live():
                if g.type == typ and any(long.endswith(f) for f in g.forms()):
                    if a is None or len(g.name) > len(a.name):
                        a = g
            b = find(short_n, typ) or find(short, typ)
            if a and b and a is not b and b.name:
                absorb(a, b)
    # 2b. "A更名为B", "A升格为B": a renamed body is one entity under its new name
    if _RENAMED.search(text):
        orgs = [g for g in live() if g.type == EntityType.ORGANIZATION]
        for a in orgs:
            for b in orgs:
                if a is b or not a.name or not b.name:
                    continue
                if any(f"{x}{verb}{y}" in text for x in a.forms() for y in b.forms() for verb in _RENAME_VERBS):
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



def _report(rng: random.Random) -> tuple[list[Entity], str, str | None]:
    entities = []
    for k in range(rng.randint(0, 40)):
        name = rng.choice(STEMS) + rng.choice(TAILS) + rng.choice(("", "", rng.choice(TAILS)))
        typ = rng.choice(list(EntityType))
        aliases = tuple(rng.sample(STEMS, rng.randint(0, 1)))
        mentions = tuple(Mention(name, s, s + len(name), rng.choice(("head", None))) for s in rng.sample(range(500), rng.randint(0, 2)))
        entities.append(Entity(name, typ, rng.choice(SUBTYPES), aliases, mentions, rng.choice((None, "青禾市"))))
    names = [e.name for e in entities] or ["青禾"]
    bits = []
    for _ in range(rng.randint(0, 8)):
        a, b = rng.choice(names), rng.choice(names)
        bits.append(rng.choice((
            f"{a}（以下简称“{b[:2]}”）",
            f"推进{a}(简称{b})建设",
            f"{a}{rng.choice(_RENAME_VERBS)}{b}，",
            f"{a}正式更名为{b}。",
            f"{a}和{b}",
        )))
    government = rng.choice((None, "青禾市人民政府", "云溪区人民政府"))
    return entities, "".join(bits), government


def test_merge_aliases_matches_the_quadratic_reference() -> None:
    rng = random.Random(20261207)
    merged = 0
    for _ in range(1500):
        entities, text, government = _report(rng)
        got = merge_aliases(entities, text, government)
        assert got == _reference_merge_aliases(entities, text, government), (entities, text, government)
        merged += len(entities) - len(got)
    assert merged > 1000  # the generated reports do exercise the merges


def test_prefix_forms_and_stems_merge() -> None:
    ents = [
        Entity("湖贝", EntityType.PLACE, mentions=(Mention("湖贝", 0, 2),)),
        Entity("湖贝片区", EntityType.PLACE, mentions=(Mention("湖贝片区", 5, 9),)),
        Entity("旅游业", EntityType.SECTOR, mentions=(Mention("旅游业", 12, 15),)),
        Entity("旅游产业", EntityType.SECTOR, mentions=(Mention("旅游产业", 20, 24),)),
    ]
    got = merge_aliases(ents)
    assert [(e.name, e.aliases) for e in got] == [("湖贝片区", ("湖贝",)), ("旅游产业", ("旅游业",))]


def test_equated_pairs_are_the_regex_matches() -> None:
    """equated_pairs (searched from each 简称) against _EQUATE.finditer on generated text:
    runs of name characters shorter and longer than 40, brackets, quotes, 以下, spaces."""
    from kg.loaders.resolve import _EQUATE

    rng = random.Random(7)
    pieces = ["青", "禾", "区", "简称", "以下", "（", "）", "(", ")", "“", "”", "\"", "《", "》", " ", "，",
              "青禾云溪" * 5, "（以下简称“", "（简称", "”）"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        want = [(m.group("long"), m.group("short")) for m in _EQUATE.finditer(text)]
        assert equated_pairs(text) == want, text
        found += len(want)
    assert found > 2000
