"""Scoring an :class:`~kg.model.Analysis` against a hand-made answer key (a "gold" file).

The answer-key format is the one in ``docs/EVALUATION.md`` (and the project's annotation
guidelines): every item that points into the report carries a ``context`` — an exact
substring that occurs once in the report — and, for quantities and mentions, a
``surface`` inside it.  :func:`load_gold` turns the JSON into :class:`Gold` records with
character spans into ``Text.text``; :func:`score` matches the analysis against them and
returns one dict per category (precision, recall, F1, counts and field accuracies).

Matching, per category (thresholds are the module constants below):

* parts: same number and similar title (role scored as accuracy on matched pairs);
* sections: same (part, number) and similar title;
* subsections: similar title, inside a matched section pair;
* glossary: same normalised key (quotes, width and spaces ignored);
* glossary components: inside a matched entry, same symbol and similar meaning; their
  members are scored as a nested count (matched by similar text);
* glossary mentions, quantities: overlapping character spans;
* entities: a shared normalised name or alias, and the same type;
* relations: same predicate, and both ends name the gold ends' entities; per GUIDELINES §6,
  run_by and part_of are one link to a body from a body or campus, and a relation to the
  report's own place from a name holding it is optional.

Every match is one-to-one: a maximum matching (most pairs first, then the closest
pairs) over the candidate pairs, so an ambiguous neighbour never steals a match that
would leave another item unpaired.
"""

from __future__ import annotations

import json
import logging
import math
import os
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError, ParseError
from kg.model import Analysis, EntityType, GlossaryTerm, Kind, PartRole, Qualifier, Status, Text

log = logging.getLogger(__name__)

__all__ = [
    "CATEGORIES",
    "Gold",
    "load_gold",
    "score",
    "normalise_key",
    "similarity",
    "closeness",
]

# ------------------------------------------------------------------------ thresholds

TITLE_SIMILARITY = 0.8
"""Part, section and subsection titles match at this normalised similarity or above."""
MEANING_SIMILARITY = 0.6
"""Glossary component meanings match at this :func:`closeness` or above."""
MEMBER_SIMILARITY = 0.8
"""Glossary component members match at this :func:`closeness` or above."""
INDICATOR_SIMILARITY = 0.6
"""A quantity's indicator counts as right at this similarity or above."""
VALUE_REL_TOL = 1e-6
VALUE_ABS_TOL = 1e-9
"""A quantity's value counts as right when ``math.isclose`` with these tolerances."""

SCOPES = ("all", "headline", "none")
SCOPE_KEYS = ("sections", "glossary", "quantities", "entities", "relations")

CATEGORIES: dict[str, str] = {
    "parts": "sections",
    "sections": "sections",
    "subsections": "sections",
    "glossary": "glossary",
    "glossary_components": "glossary",
    "glossary_mentions": "glossary",
    "quantities": "quantities",
    "entities": "entities",
    "relations": "relations",
}
"""Each scored category and the ``scope`` key that governs it (``report`` has none)."""

REPORT_FIELDS = (
    "title",
    "government",
    "place",
    "parent_places",
    "speaker",
    "speaker_role",
    "delivery_date",
    "meeting",
    "publish_date",
    "publisher",
    "review_year",
    "plan_year",
)
"""Metadata fields scored under ``report`` (those the key gives)."""

_REPORT_ALTERNATIVES = {
    "title": ("title_as_printed", "body_title"),
    "government": ("government_full", "government_as_printed"),
    "speaker": ("speaker_as_printed",),
}
"""Other printed forms an answer key may give; a prediction equal to one is right too."""

QUANTITY_FIELDS = ("value", "unit", "kind", "status", "year", "qualifier", "indicator")
_STRICT_FIELDS = ("value", "unit", "kind", "direction", "status", "year", "qualifier")

# --------------------------------------------------------------------- gold records


@dataclass(frozen=True, slots=True)
class GoldSubsection:
    title: str
    start: int
    end: int
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldSection:
    part: int | None
    number: int | None
    title: str
    start: int
    end: int
    numbered: bool = True
    optional: bool = False
    subsections: tuple[GoldSubsection, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldPart:
    number: int
    title: str
    role: str | None
    start: int
    end: int
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldComponent:
    symbol: str | None
    meaning: str
    members: tuple[str, ...] = ()
    inferred: bool = False
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldMention:
    surface: str
    start: int
    end: int
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldGlossaryEntry:
    number: int | None
    term: str
    key: str
    definition: str
    start: int | None = None
    end: int | None = None
    components: tuple[GoldComponent, ...] = ()
    mentions: tuple[GoldMention, ...] = ()
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    surface: str
    start: int
    end: int
    indicator: str
    value: float
    unit: str
    kind: str
    status: str
    year: int | None
    qualifier: str
    direction: str | None = None
    section: str | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    subtype: str | None = None
    aliases: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    parent: str | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    start: int | None = None
    end: int | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Gold:
    """An answer key with spans into one report's ``Text.text``."""

    path: str
    scope: dict[str, str]
    """Scope key (sections, glossary, quantities, entities, relations) → all|headline|none."""
    report: dict[str, Any] | None = None
    """The ``report`` object as given (metadata fields and alternatives), or None."""
    parts: tuple[GoldPart, ...] | None = None
    sections: tuple[GoldSection, ...] = ()
    non_section_headings: tuple[GoldSection, ...] = ()
    glossary: tuple[GoldGlossaryEntry, ...] = ()
    quantities: tuple[GoldQuantity, ...] = ()
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    has_subsections: bool = True
    has_components: bool = True
    has_mentions: bool = True
    source: str | None = None
    """The key's ``source`` (the report file name it was made for), if given."""

    def scope_of(self, category: str) -> str:
        """all | headline | none for a category of :data:`CATEGORIES`."""
        return self.scope.get(CATEGORIES[category], "none")


# -------------------------------------------------------------------- normalising


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


_QUOTES = frozenset("\"'`")


def normalise_key(s: str | None) -> str:
    """A string for equality tests: NFKC width folding, case folded, no spaces, quotes
    or brackets ("“１＋３＋Ｎ”" → "1+3+n")."""
    if not s:
        return ""
    out = []
    for ch in _nfkc(s):
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Pi", "Pf", "Ps", "Pe", "Cc", "Cf") or ch in _QUOTES:
            continue
        out.append(ch)
    return "".join(out)


def _norm_text(s: str | None) -> str:
    """For similarity: NFKC, case folded, all punctuation and spaces removed."""
    if not s:
        return ""
    return "".join(
        ch
        for ch in _nfkc(s)
        if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "C"))
    )


def similarity(a: str | None, b: str | None) -> float:
    """Similarity of two strings in [0, 1]: difflib's ratio after :func:`_norm_text`
    (punctuation, spaces, width and case ignored). Two empty strings are similar (1.0)."""
    x, y = _norm_text(a), _norm_text(b)
    if not x and not y:
        return 1.0
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def closeness(a: str | None, b: str | None) -> float:
    """:func:`similarity`, raised to 0.9 when one text (2 characters or more, normalised)
    lies inside the other: a component meaning given with its enumeration
    ("政务、商务、法务3个平台" for "3个平台") is still that meaning."""
    s = similarity(a, b)
    x, y = _norm_text(a), _norm_text(b)
    short, long_ = sorted((x, y), key=len)
    if s < 0.9 and len(short) >= 2 and short in long_:
        return 0.9
    return s


# --------------------------------------------------------------------- loading gold


def _where(path: str, entry: str) -> str:
    return f"{path}: {entry}"


def _optional(row: dict) -> bool:
    return row.get("confidence") == "low" or row.get("borderline") is True


class _Locator:
    """Finds gold contexts in a report's text, the way check_gold.py does."""

    def __init__(self, text: Text, path: str, source: str | None = None) -> None:
        self.text = text
        self.path = path
        self.source = source
        """The report file name the key says it was made for."""

    def _from_source(self, s: int) -> int:
        if self.text.offsets is None:
            return s
        offs = self.text.offsets
        return min(bisect_left(offs, s), len(self.text.text))

    def context(self, ctx: Any, entry: str) -> tuple[int, int]:
        """Span of ``ctx`` in ``Text.text`` (or, for page chrome blanked there, in the
        source, mapped back)."""
        if not isinstance(ctx, str) or not ctx:
            raise ParseError(
                f"{_where(self.path, entry)}: 'context' must be a non-empty string; "
                "copy an exact substring of the report (8 to 40 characters)"
            )
        body = self.text.text
        n = body.count(ctx)
        if n == 1:
            i = body.index(ctx)
            return i, i + len(ctx)
        if n == 0:
            src = self.text.source
            m = src.count(ctx)
            if m == 1:
                s = src.index(ctx)
                return self._from_source(s), self._from_source(s + len(ctx))
            n = m
        where = self.text.path or "the report"
        hint = ""
        if n == 0 and self.source and Path(where).name != Path(self.source).name:
            hint = f" (the key was made for {self.source}: is this the right report?)"
        raise ParseError(
            f"{_where(self.path, entry)}: context occurs {n} times in {where}: {ctx!r}; "
            "use an exact substring (same punctuation and full-width characters) that "
            f"occurs exactly once{hint}"
        )

    def surface(self, row: dict, entry: str) -> tuple[int, int]:
        """Span of ``row['surface']`` inside its context (the context when no surface)."""
        start, end = self.context(row.get("context"), entry)
        surface = row.get("surface")
        if surface is None:
            return start, end
        if not isinstance(surface, str) or not surface:
            raise ParseError(
                f"{_where(self.path, entry)}: 'surface' must be a non-empty string or absent"
            )
        ctx = row["context"]
        k = ctx.find(surface)
        if k < 0:
            raise ParseError(
                f"{_where(self.path, entry)}: surface {surface!r} is not in its context "
                f"{ctx!r}; make the context contain the surface exactly"
            )
        if self.text.offsets is None or self.text.text[start:end] == ctx:
            return start + k, start + k + len(surface)
        # context found in the source only (chrome): map the surface through the source
        s0 = self.text.text.find(surface, start, max(end, start + len(surface)))
        if s0 >= 0:
            return s0, s0 + len(surface)
        return start, end


def _need(row: Any, keys: Sequence[str], path: str, entry: str) -> dict:
    if not isinstance(row, dict):
        raise ParseError(f"{_where(path, entry)}: expected a JSON object, got {type(row).__name__}")
    for k in keys:
        if k not in row:
            raise ParseError(
                f"{_where(path, entry)}: missing key {k!r}; add it "
                "(see docs/EVALUATION.md for the answer-key format)"
            )
    return row


def _int(v: Any, path: str, entry: str, key: str, *, null: bool = False) -> int | None:
    if v is None and null:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise ParseError(
            f"{_where(path, entry)}: {key!r} must be an integer{' or null' if null else ''}, "
            f"got {v!r}"
        )
    return v


def _str(v: Any, path: str, entry: str, key: str, *, null: bool = False) -> str | None:
    if v is None and null:
        return None
    if not isinstance(v, str):
        raise ParseError(
            f"{_where(path, entry)}: {key!r} must be a string{' or null' if null else ''}, "
            f"got {v!r}"
        )
    return v


def _choice(v: Any, allowed: Iterable[str], path: str, entry: str, key: str) -> str:
    allowed = tuple(allowed)
    if v not in allowed:
        raise ParseError(
            f"{_where(path, entry)}: {key!r} is {v!r}; use one of {', '.join(allowed)}"
        )
    return v


def _list(v: Any, path: str, entry: str) -> list:
    if v is None:
        return []
    if not isinstance(v, list):
        raise ParseError(f"{_where(path, entry)}: expected a JSON list, got {type(v).__name__}")
    return v


def _walk_contexts(node: Any, where: str = "") -> Iterable[tuple[str, dict]]:
    if isinstance(node, dict):
        if "context" in node:
            yield where, node
        for k, v in node.items():
            yield from _walk_contexts(v, f"{where}.{k}" if where else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk_contexts(v, f"{where}[{i}]")


def load_gold(path: str | os.PathLike[str], text: Text) -> Gold:
    """Read an answer key and locate every item in ``text``.

    Raises :class:`~kg.errors.InputError` when the file cannot be read and
    :class:`~kg.errors.ParseError` (one line: which entry, what is wrong, how to fix)
    for bad JSON, missing keys, bad values, a context that does not occur exactly once
    in the report, or a surface that is not inside its context.
    """
    p = Path(path)
    name = str(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such answer-key file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder; give an answer-key .json file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read the answer key ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError(f"{name}: the answer key is not UTF-8; save it as UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"{name}: line {exc.lineno} column {exc.colno}: bad JSON ({exc.msg}); "
            "fix the syntax (a JSON validator shows where)"
        ) from None
    if not isinstance(data, dict):
        raise ParseError(f"{name}: the answer key must be a JSON object with 'scope', 'sections', …")

    source = data.get("source") if isinstance(data.get("source"), str) else None
    loc = _Locator(text, name, source)

    # every context anywhere must occur once (as check_gold.py requires)
    for where, node in _walk_contexts(data):
        if where.startswith("entities"):
            continue  # entities carry `contexts` lists; checked below
        loc.surface(node, where)

    scope = _read_scope(data, name)

    report = data.get("report")
    if report is not None and not isinstance(report, dict):
        raise ParseError(f"{_where(name, 'report')}: expected a JSON object")
    parents = (report or {}).get("parent_places")
    if parents is not None and not (isinstance(parents, list) and all(isinstance(p, str) for p in parents)):
        raise ParseError(f"{_where(name, 'report.parent_places')}: expected a list of place names (strings)")

    parts = None
    if "parts" in data:
        parts = tuple(_read_part(r, loc, f"parts[{i}]") for i, r in enumerate(_list(data["parts"], name, "parts")))

    rows = _list(data.get("sections"), name, "sections")
    sections = tuple(_read_section(r, loc, f"sections[{i}]") for i, r in enumerate(rows))
    has_subsections = not rows or any(isinstance(r, dict) and "subsections" in r for r in rows)
    nsh = tuple(
        _read_heading(r, loc, f"non_section_headings[{i}]")
        for i, r in enumerate(_list(data.get("non_section_headings"), name, "non_section_headings"))
    )

    grows = _list(data.get("glossary"), name, "glossary")
    glossary = tuple(_read_entry(r, loc, f"glossary[{i}]") for i, r in enumerate(grows))
    has_components = not grows or any(isinstance(r, dict) and "components" in r for r in grows)
    has_mentions = not grows or any(isinstance(r, dict) and "mentions" in r for r in grows)

    quantities = tuple(
        _read_quantity(r, loc, f"quantities[{i}]")
        for i, r in enumerate(_list(data.get("quantities"), name, "quantities"))
    )
    entities = tuple(
        _read_entity(r, loc, f"entities[{i}]")
        for i, r in enumerate(_list(data.get("entities"), name, "entities"))
    )
    relations = tuple(
        _read_relation(r, loc, f"relations[{i}]")
        for i, r in enumerate(_list(data.get("relations"), name, "relations"))
    )
    gold = Gold(
        path=name,
        scope=scope,
        report=report,
        parts=parts,
        sections=sections,
        non_section_headings=nsh,
        glossary=glossary,
        quantities=quantities,
        entities=entities,
        relations=relations,
        has_subsections=has_subsections,
        has_components=has_components,
        has_mentions=has_mentions,
        source=source,
    )
    log.debug(
        "%s: %d parts, %d sections, %d glossary entries, %d quantities, %d entities, %d relations",
        name, len(parts or ()), len(sections), len(glossary), len(quantities), len(entities),
        len(relations),
    )
    return gold


def _read_scope(data: dict, name: str) -> dict[str, str]:
    given = data.get("scope", {})
    if not isinstance(given, dict):
        raise ParseError(
            f"{_where(name, 'scope')}: expected an object such as "
            '{"sections": "all", "quantities": "headline", "entities": "none"}'
        )
    for k, v in given.items():
        if k not in SCOPE_KEYS:
            raise ParseError(
                f"{_where(name, 'scope')}: unknown category {k!r}; use {', '.join(SCOPE_KEYS)}"
            )
        _choice(v, SCOPES, name, f"scope.{k}", k)
    scope = {}
    for k in SCOPE_KEYS:
        if k in given:
            scope[k] = given[k]
        else:
            # not stated: annotated in full when the list is there, else not at all
            scope[k] = "all" if k in data else "none"
    return scope


def _read_part(row: Any, loc: _Locator, entry: str) -> GoldPart:
    row = _need(row, ("part", "title", "context"), loc.path, entry)
    role = row.get("role")
    if role is not None:
        _choice(role, [r.value for r in PartRole], loc.path, entry, "role")
    start, end = loc.context(row["context"], entry + ".context")
    return GoldPart(
        number=_int(row["part"], loc.path, entry, "part"),
        title=_str(row["title"], loc.path, entry, "title"),
        role=role,
        start=start,
        end=end,
        optional=_optional(row),
    )


def _read_subsections(row: dict, loc: _Locator, entry: str, optional: bool) -> tuple[GoldSubsection, ...]:
    subs = []
    for j, s in enumerate(_list(row.get("subsections"), loc.path, entry + ".subsections")):
        e = f"{entry}.subsections[{j}]"
        s = _need(s, ("title", "context"), loc.path, e)
        start, end = loc.surface(s, e)
        subs.append(
            GoldSubsection(
                title=_str(s["title"], loc.path, e, "title"),
                start=start,
                end=end,
                optional=optional or _optional(s),
            )
        )
    return tuple(subs)


def _read_section(row: Any, loc: _Locator, entry: str) -> GoldSection:
    row = _need(row, ("part", "number", "title", "context"), loc.path, entry)
    numbered = row.get("numbered", True) is not False
    optional = not numbered or _optional(row)
    start, end = loc.surface(row, entry)
    return GoldSection(
        part=_int(row["part"], loc.path, entry, "part"),
        number=_int(row["number"], loc.path, entry, "number"),
        title=_str(row["title"], loc.path, entry, "title"),
        start=start,
        end=end,
        numbered=numbered,
        optional=optional,
        subsections=_read_subsections(row, loc, entry, optional),
    )


def _read_heading(row: Any, loc: _Locator, entry: str) -> GoldSection:
    row = _need(row, ("title", "context"), loc.path, entry)
    start, end = loc.surface(row, entry)
    return GoldSection(
        part=_int(row.get("part"), loc.path, entry, "part", null=True),
        number=_int(row.get("number"), loc.path, entry, "number", null=True),
        title=_str(row["title"], loc.path, entry, "title"),
        start=start,
        end=end,
        numbered=False,
        optional=True,
        subsections=_read_subsections(row, loc, entry, True),
    )


def _read_entry(row: Any, loc: _Locator, entry: str) -> GoldGlossaryEntry:
    row = _need(row, ("term", "key"), loc.path, entry)
    start = end = None
    if "context" in row:
        start, end = loc.surface(row, entry)
    optional = _optional(row)
    comps = []
    for j, c in enumerate(_list(row.get("components"), loc.path, entry + ".components")):
        e = f"{entry}.components[{j}]"
        c = _need(c, ("meaning",), loc.path, e)
        members = _list(c.get("members"), loc.path, e + ".members")
        for k, m in enumerate(members):
            _str(m, loc.path, f"{e}.members[{k}]", "member")
        symbol = c.get("symbol")
        if symbol is not None and not isinstance(symbol, str):
            symbol = str(symbol)
        comps.append(
            GoldComponent(
                symbol=symbol,
                meaning=_str(c["meaning"], loc.path, e, "meaning"),
                members=tuple(members),
                inferred=c.get("inferred") is True,
                optional=optional or _optional(c),
            )
        )
    mentions = []
    for j, m in enumerate(_list(row.get("mentions"), loc.path, entry + ".mentions")):
        e = f"{entry}.mentions[{j}]"
        m = _need(m, ("context",), loc.path, e)
        s, t = loc.surface(m, e)
        mentions.append(
            GoldMention(surface=loc.text.text[s:t], start=s, end=t, optional=optional or _optional(m))
        )
    number = row.get("number")
    return GoldGlossaryEntry(
        number=_int(number, loc.path, entry, "number", null=True),
        term=_str(row["term"], loc.path, entry, "term"),
        key=_str(row["key"], loc.path, entry, "key"),
        definition=_str(row.get("definition", ""), loc.path, entry, "definition", null=True) or "",
        start=start,
        end=end,
        components=tuple(comps),
        mentions=tuple(mentions),
        optional=optional,
    )


_QUANTITY_KEYS = ("surface", "context", "indicator", "value", "unit", "kind", "status", "year", "qualifier")


def _read_quantity(row: Any, loc: _Locator, entry: str) -> GoldQuantity:
    row = _need(row, _QUANTITY_KEYS, loc.path, entry)
    start, end = loc.surface(row, entry)
    value = row["value"]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParseError(
            f"{_where(loc.path, entry)}: 'value' must be a JSON number in the stated unit "
            f"(2630.2 for 2630.2亿元), got {value!r}"
        )
    direction = row.get("direction")
    if direction is not None:
        _choice(direction, ("up", "down"), loc.path, entry, "direction")
    return GoldQuantity(
        surface=row["surface"],
        start=start,
        end=end,
        indicator=_str(row["indicator"], loc.path, entry, "indicator", null=True) or "",
        value=float(value),
        unit=_str(row["unit"], loc.path, entry, "unit"),
        kind=_choice(row["kind"], [k.value for k in Kind], loc.path, entry, "kind"),
        status=_choice(row["status"], [s.value for s in Status], loc.path, entry, "status"),
        year=_int(row["year"], loc.path, entry, "year", null=True),
        qualifier=_choice(row["qualifier"], [q.value for q in Qualifier], loc.path, entry, "qualifier"),
        direction=direction,
        section=row.get("section") if isinstance(row.get("section"), str) else None,
        optional=_optional(row),
    )


def _read_entity(row: Any, loc: _Locator, entry: str) -> GoldEntity:
    row = _need(row, ("name", "type", "contexts"), loc.path, entry)
    name = _str(row["name"], loc.path, entry, "name")
    etype = _choice(row["type"], [t.value for t in EntityType], loc.path, entry, "type")
    aliases = tuple(
        _str(a, loc.path, f"{entry}.aliases[{k}]", "alias")
        for k, a in enumerate(_list(row.get("aliases"), loc.path, entry + ".aliases"))
    )
    forms = [name, *aliases]
    spans = []
    for k, ctx in enumerate(_list(row["contexts"], loc.path, entry + ".contexts")):
        e = f"{entry}.contexts[{k}]"
        start, end = loc.context(ctx, f"{e} ({name})")
        if not any(f and f in ctx for f in forms):
            raise ParseError(
                f"{_where(loc.path, e)} ({name}): no name or alias inside context {ctx!r}; "
                "make the context contain the name or add the form used there to 'aliases'"
            )
        spans.append((start, end))
    return GoldEntity(
        name=name,
        type=etype,
        subtype=row.get("subtype") if isinstance(row.get("subtype"), str) else None,
        aliases=aliases,
        spans=tuple(spans),
        parent=row.get("parent") if isinstance(row.get("parent"), str) else None,
        optional=_optional(row),
    )


def _read_relation(row: Any, loc: _Locator, entry: str) -> GoldRelation:
    row = _need(row, ("subject", "predicate", "object"), loc.path, entry)
    start = end = None
    if "context" in row:
        start, end = loc.surface(row, entry)
    return GoldRelation(
        subject=_str(row["subject"], loc.path, entry, "subject"),
        predicate=_str(row["predicate"], loc.path, entry, "predicate"),
        object=_str(row["object"], loc.path, entry, "object"),
        start=start,
        end=end,
        optional=_optional(row),
    )


# ------------------------------------------------------------------------ matching


def match(
    n_gold: int,
    n_pred: int,
    weight: Callable[[int, int], float | None],
    candidates: Iterable[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """A one-to-one maximum matching of gold items to predicted items.

    ``weight(i, j)`` is None when gold ``i`` and prediction ``j`` cannot match, else a
    closeness in (0, 1].  The matching has as many pairs as possible and, among those,
    the largest total closeness.  ``candidates`` limits the pairs tried (default: all).
    Returns (gold index, prediction index) pairs sorted by gold index.
    """
    pairs = candidates if candidates is not None else (
        (i, j) for i in range(n_gold) for j in range(n_pred)
    )
    g = nx.Graph()
    for i, j in pairs:
        w = weight(i, j)
        if w is None:
            continue
        # integer weights keep the blossom algorithm exact; +1 keeps every edge positive
        g.add_edge(("g", i), ("p", j), weight=1 + int(round(max(0.0, min(1.0, w)) * 1000)))
    result: list[tuple[int, int]] = []
    for comp in nx.connected_components(g):
        sub = g.subgraph(comp)
        if sub.number_of_edges() == 1:
            (a, b), = sub.edges()
            chosen = [(a, b)]
        else:
            chosen = nx.max_weight_matching(sub, maxcardinality=True, weight="weight")
        for a, b in chosen:
            if a[0] == "p":
                a, b = b, a
            result.append((a[1], b[1]))
    return sorted(result)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float | None:
    """Jaccard overlap of two spans; None when they do not overlap."""
    inter = min(a1, b1) - max(a0, b0)
    if inter <= 0:
        if a0 == a1 == b0 == b1:
            return 1.0
        return None
    return inter / (max(a1, b1) - min(a0, b0))


def _span_candidates(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(i, j) pairs whose spans overlap, found by a sweep over sorted starts."""
    order = sorted(range(len(pred)), key=lambda j: pred[j][0])
    starts = [pred[j][0] for j in order]
    out = []
    longest = max((e - s for s, e in pred), default=0)
    for i, (s, e) in enumerate(gold):
        k = bisect_left(starts, s - longest - 1)
        while k < len(order) and starts[k] <= e:
            j = order[k]
            ps, pe = pred[j]
            if min(e, pe) > max(s, ps) or (s == e == ps == pe):
                out.append((i, j))
            k += 1
    return out


# ------------------------------------------------------------------------- tallies


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    """Predictions that matched a gold item (required or optional)."""
    tp_optional: int = 0
    fp: int = 0
    fn: int = 0
    """Required gold items left unmatched."""

    def add(self, other: _Tally) -> None:
        self.tp += other.tp
        self.tp_optional += other.tp_optional
        self.fp += other.fp
        self.fn += other.fn


def _tally(gold_optional: Sequence[bool], n_pred: int, pairs: Iterable[tuple[int, int]]) -> _Tally:
    matched = {i for i, _ in pairs}
    t = _Tally()
    t.tp = len(matched)
    t.tp_optional = sum(1 for i in matched if gold_optional[i])
    t.fp = n_pred - t.tp
    t.fn = sum(1 for i, opt in enumerate(gold_optional) if not opt and i not in matched)
    return t


def _r4(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _prf(t: _Tally, scope: str) -> dict[str, Any]:
    """p, r, f1, tp, fp, fn for a tally, per the scope.

    r = required gold found / required gold (1.0 when the key requires nothing);
    p = matched predictions / predictions (None when nothing was predicted, unless the
    key requires nothing either: then 1.0); f1 = 0 when either is 0 or p is None.
    headline scope: p, f1 and fp are None (the key lists only some items).
    """
    tp_req = t.tp - t.tp_optional
    n_req = tp_req + t.fn
    n_pred = t.tp + t.fp
    r = tp_req / n_req if n_req else 1.0
    if scope == "headline":
        return {"p": None, "r": _r4(r), "f1": None, "tp": t.tp, "fp": None, "fn": t.fn}
    if n_pred:
        p: float | None = t.tp / n_pred
    else:
        p = None if n_req else 1.0
    if p is None or p + r == 0:
        f1 = 0.0
    else:
        f1 = 2 * p * r / (p + r)
    return {"p": _r4(p), "r": _r4(r), "f1": _r4(f1), "tp": t.tp, "fp": t.fp, "fn": t.fn}


def _acc(right: int, total: int) -> float | None:
    return _r4(right / total) if total else None


class _Diff:
    """Collects what a score counted against the prediction, for people to read."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.items: dict[str, dict[str, list[str]]] = {}

    def at(self, offset: int | None) -> str:
        if offset is None:
            return ""
        line, col = self.text.line_col(min(max(offset, 0), len(self.text.text)))
        return f" @{line}:{col}"

    def add(self, category: str, kind: str, what: str) -> None:
        self.items.setdefault(category, {"missed": [], "extra": [], "wrong": []})[kind].append(what)

    def unmatched(self, category: str, gold: Sequence, pred: Sequence, pairs: Iterable[tuple[int, int]],
                  gold_text: Callable[[Any], str], pred_text: Callable[[Any], str], scope: str) -> None:
        pairs = list(pairs)
        got_g = {i for i, _ in pairs}
        got_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in got_g and not getattr(g, "optional", False):
                self.add(category, "missed", gold_text(g))
        if scope != "headline":
            for j, x in enumerate(pred):
                if j not in got_p:
                    self.add(category, "extra", pred_text(x))


# ------------------------------------------------------------------------- scoring


def score(analysis: Analysis, gold: Gold) -> dict[str, Any]:
    """Score ``analysis`` against ``gold``: one dict per category, in the contract's shape.

    Categories whose scope is "none" are absent; "headline" ones give recall only.
    A category with no predictions (its extractor did not run) scores zero recall.
    """
    return _score_all(analysis, gold, None)


def differences(analysis: Analysis, gold: Gold) -> dict[str, dict[str, list[str]]]:
    """What :func:`score` counted against ``analysis``, per category, for people to read:
    ``missed`` (required gold items not found), ``extra`` (predictions matching nothing;
    not for headline scope) and ``wrong`` (matched quantities whose fields disagree,
    report fields that disagree). Each item is one line, with ``@line:col`` in the file."""
    diff = _Diff(analysis.report.text)
    _score_all(analysis, gold, diff)
    return diff.items


def _score_all(analysis: Analysis, gold: Gold, diff: _Diff | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    report = analysis.report

    def want(category: str) -> str | None:
        sc = gold.scope_of(category)
        return None if sc == "none" else sc

    if (sc := want("parts")) and gold.parts is not None:
        out["parts"] = _score_parts(report.parts, gold.parts, sc, diff)
    if sc := want("sections"):
        sec, sub = _score_sections(report.sections, gold, sc, diff)
        out["sections"] = sec
        if gold.has_subsections:
            out["subsections"] = sub
    if sc := want("glossary"):
        entries = report.glossary.entries if report.glossary else ()
        out["glossary"] = _score_glossary(entries, gold.glossary, sc, diff)
        terms = analysis.glossary_terms
        if gold.has_components:
            out["glossary_components"] = _score_components(terms, gold.glossary, sc, diff)
        if gold.has_mentions:
            out["glossary_mentions"] = _score_mentions(terms, gold.glossary, sc, diff)
    if sc := want("quantities"):
        out["quantities"] = _score_quantities(analysis.quantities, gold.quantities, sc, diff)
    ent_pairs: list[tuple[int, int]] = []
    if sc := want("entities"):
        out["entities"], ent_pairs = _score_entities(analysis.entities, gold.entities, sc, diff)
    if sc := want("relations"):
        if not ent_pairs and gold.entities:
            ent_pairs = _match_entities(analysis.entities, gold.entities)
        out["relations"] = _score_relations(
            analysis.relations, _own_place_optional(gold), gold.entities, analysis.entities, ent_pairs, sc, diff
        )
    if gold.report is not None:
        out["report"] = _score_report(report.meta, gold.report, diff)
    return out


# parts and sections --------------------------------------------------------------


def _score_parts(pred: Sequence, gold: Sequence[GoldPart], scope: str, diff: _Diff | None = None) -> dict:
    def w(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if g.number != p.number:
            return None
        s = similarity(g.title, p.title)
        return s if s >= TITLE_SIMILARITY else None

    pairs = match(len(gold), len(pred), w)
    res = _prf(_tally([g.optional for g in gold], len(pred), pairs), scope)
    roles = [(gold[i].role, _value(pred[j].role)) for i, j in pairs if gold[i].role is not None]
    res["role_acc"] = _acc(sum(1 for a, b in roles if a == b), len(roles))
    if diff:
        diff.unmatched("parts", gold, pred, pairs, lambda g: f"{g.number} {g.title}{diff.at(g.start)}",
                       lambda p: f"{p.number} {p.title}{diff.at(p.start)}", scope)
        for i, j in pairs:
            if gold[i].role is not None and gold[i].role != _value(pred[j].role):
                diff.add("parts", "wrong", f"{gold[i].number} {gold[i].title}: role "
                         f"{_value(pred[j].role)}, the key says {gold[i].role}")
    return res


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def _score_sections(pred: Sequence, gold: Gold, scope: str, diff: _Diff | None = None) -> tuple[dict, dict]:
    rows = list(gold.sections) + list(gold.non_section_headings)
    n_main = len(gold.sections)

    def w(i: int, j: int) -> float | None:
        g, p = rows[i], pred[j]
        s = similarity(g.title, p.title)
        if i < n_main:
            if (g.part, g.number) != (p.part, p.number):
                return None
            return s if s >= TITLE_SIMILARITY else None
        # a non-section heading: same part (when given) and the same heading
        if g.part is not None and g.part != p.part:
            return None
        lo = min(p.heading_start, p.start)
        if _overlap(g.start, g.end, lo, max(p.end, lo + 1)) is not None or s >= TITLE_SIMILARITY:
            return s
        return None

    pairs = match(len(rows), len(pred), w)
    sections = _prf(_tally([g.optional for g in rows], len(pred), pairs), scope)
    if diff:
        diff.unmatched("sections", rows, pred, pairs, lambda g: f"{g.part}.{g.number} {g.title}{diff.at(g.start)}",
                       lambda p: f"{p.part}.{p.number} {p.title}{diff.at(p.start)}", scope)

    def sub_gold(sec: GoldSection) -> Callable[[GoldSubsection], str]:
        return lambda x: f"{sec.part}.{sec.number} · {x.title}{diff.at(x.start) if diff else ''}"

    def sub_pred(sec: Any) -> Callable[[Any], str]:
        return lambda x: f"{sec.part}.{sec.number} · {x.title}{diff.at(x.start) if diff else ''}"

    # subsections: by title inside each matched section pair; unmatched sides count whole
    sub = _Tally()
    paired_pred = set()
    for i, j in pairs:
        paired_pred.add(j)
        gsubs, psubs = rows[i].subsections, pred[j].subsections

        def ws(a: int, b: int, gsubs=gsubs, psubs=psubs) -> float | None:
            s = similarity(gsubs[a].title, psubs[b].title)
            return s if s >= TITLE_SIMILARITY else None

        sp = match(len(gsubs), len(psubs), ws)
        sub.add(_tally([s.optional for s in gsubs], len(psubs), sp))
        if diff:
            diff.unmatched("subsections", gsubs, psubs, sp, sub_gold(rows[i]), sub_pred(pred[j]), scope)
    matched_gold = {i for i, _ in pairs}
    for i, g in enumerate(rows):
        if i not in matched_gold:
            sub.fn += sum(1 for s in g.subsections if not s.optional)
            if diff:
                diff.unmatched("subsections", g.subsections, (), (), sub_gold(g), str, scope)
    for j, p in enumerate(pred):
        if j not in paired_pred:
            sub.fp += len(p.subsections)
            if diff:
                diff.unmatched("subsections", (), p.subsections, (), str, sub_pred(p), scope)
    return sections, _prf(sub, scope)


# glossary ------------------------------------------------------------------------


def _match_entries(pred_keys: Sequence[str], pred_terms: Sequence[str], pred_numbers: Sequence,
                   gold: Sequence[GoldGlossaryEntry]) -> list[tuple[int, int]]:
    index: dict[str, list[int]] = {}
    for j, k in enumerate(pred_keys):
        index.setdefault(normalise_key(k), []).append(j)
    cands = [(i, j) for i, g in enumerate(gold) for j in index.get(normalise_key(g.key), ())]

    def w(i: int, j: int) -> float:
        g = gold[i]
        s = similarity(g.term, pred_terms[j])
        same_number = g.number is not None and g.number == pred_numbers[j]
        return 0.5 * s + (0.5 if same_number else 0.0)

    return match(len(gold), len(pred_keys), w, cands)


def _score_glossary(entries: Sequence, gold: Sequence[GoldGlossaryEntry], scope: str,
                    diff: _Diff | None = None) -> dict:
    pairs = _match_entries(
        [e.key for e in entries], [e.term for e in entries], [e.number for e in entries], gold
    )
    if diff:
        diff.unmatched("glossary", gold, entries, pairs, lambda g: f"{g.number}. [{g.key}] {g.term}{diff.at(g.start)}",
                       lambda e: f"{e.number}. [{e.key}] {e.term}{diff.at(e.start)}", scope)
    return _prf(_tally([g.optional for g in gold], len(entries), pairs), scope)


def _term_pairs(terms: Sequence[GlossaryTerm], gold: Sequence[GoldGlossaryEntry]) -> list[tuple[int, int]]:
    return _match_entries(
        [t.entry.key for t in terms], [t.entry.term for t in terms], [t.entry.number for t in terms], gold
    )


def _symbol_ok(g: GoldComponent, symbol: str | None) -> bool:
    if g.inferred:
        return True  # the key inferred the symbol: only the meaning is scored
    return normalise_key(g.symbol) == normalise_key(symbol)


def _comp_text(key: str, c: Any) -> str:
    members = f" ({'、'.join(c.members)})" if c.members else ""
    return f"[{key}] {c.symbol or '-'} = {c.meaning}{members}"


def _score_components(terms: Sequence[GlossaryTerm], gold: Sequence[GoldGlossaryEntry], scope: str,
                      diff: _Diff | None = None) -> dict:
    pairs = _term_pairs(terms, gold)
    comps = _Tally()
    members = _Tally()
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        gc, pc = gold[i].components, terms[j].components

        def w(a: int, b: int, gc=gc, pc=pc) -> float | None:
            if not _symbol_ok(gc[a], pc[b].symbol):
                return None
            s = closeness(gc[a].meaning, pc[b].meaning)
            return s if s >= MEANING_SIMILARITY else None

        cp = match(len(gc), len(pc), w)
        comps.add(_tally([c.optional for c in gc], len(pc), cp))
        if diff:
            key = gold[i].key
            diff.unmatched("glossary_components", gc, pc, cp, lambda c, key=key: _comp_text(key, c),
                           lambda c, key=key: _comp_text(key, c), scope)
        done_g = {a for a, _ in cp}
        done_p = {b for _, b in cp}
        for a, b in cp:
            gm, pm = gc[a].members, pc[b].members

            def wm(x: int, y: int, gm=gm, pm=pm) -> float | None:
                s = closeness(gm[x], pm[y])
                return s if s >= MEMBER_SIMILARITY else None

            mp = match(len(gm), len(pm), wm)
            members.add(_tally([gc[a].optional] * len(gm), len(pm), mp))
            if diff and not gc[a].optional:
                label = f"[{gold[i].key}] {gc[a].symbol or gc[a].meaning}: "
                diff.unmatched("glossary_components.members", gm, pm, mp,
                               lambda m, label=label: label + m, lambda m, label=label: label + m, scope)
        members.fn += sum(len(c.members) for a, c in enumerate(gc) if a not in done_g and not c.optional)
        members.fp += sum(len(c.members) for b, c in enumerate(pc) if b not in done_p)
    for i, g in enumerate(gold):
        if i not in matched_g:
            comps.fn += sum(1 for c in g.components if not c.optional)
            members.fn += sum(len(c.members) for c in g.components if not c.optional)
            if diff:
                diff.unmatched("glossary_components", g.components, (), (),
                               lambda c, key=g.key: _comp_text(key, c), str, scope)
    for j, t in enumerate(terms):
        if j not in matched_p:
            comps.fp += len(t.components)
            members.fp += sum(len(c.members) for c in t.components)
            if diff:
                diff.unmatched("glossary_components", (), t.components, (), str,
                               lambda c, key=t.entry.key: _comp_text(key, c), scope)
    res = _prf(comps, scope)
    res["members"] = _prf(members, scope)
    return res


def _score_mentions(terms: Sequence[GlossaryTerm], gold: Sequence[GoldGlossaryEntry], scope: str,
                    diff: _Diff | None = None) -> dict:
    gm = [(i, m) for i, g in enumerate(gold) for m in g.mentions]
    pm = [(j, m) for j, t in enumerate(terms) for m in t.mentions]
    gkeys = [normalise_key(gold[i].key) for i, _ in gm]
    pkeys = [normalise_key(terms[j].entry.key) for j, _ in pm]
    cands = _span_candidates([(m.start, m.end) for _, m in gm], [(m.start, m.end) for _, m in pm])

    def w(a: int, b: int) -> float | None:
        if gkeys[a] != pkeys[b]:
            return None
        return _overlap(gm[a][1].start, gm[a][1].end, pm[b][1].start, pm[b][1].end)

    pairs = match(len(gm), len(pm), w, cands)
    if diff:
        diff.unmatched(
            "glossary_mentions", [m for _, m in gm], [m for _, m in pm], pairs,
            lambda m: f"{m.surface}{diff.at(m.start)}", lambda m: f"{m.surface}{diff.at(m.start)}", scope,
        )
    return _prf(_tally([m.optional for _, m in gm], len(pm), pairs), scope)


# quantities ----------------------------------------------------------------------


def _same_value(g: float, p: Any) -> bool:
    try:
        return math.isclose(float(p), g, rel_tol=VALUE_REL_TOL, abs_tol=VALUE_ABS_TOL)
    except (TypeError, ValueError):
        return False


def _quantity_checks(g: GoldQuantity, p: Any) -> dict[str, bool]:
    return {
        "value": p.value is not None and _same_value(g.value, p.value),
        "unit": normalise_key(g.unit) == normalise_key(p.unit),
        "kind": g.kind == _value(p.kind),
        "direction": (g.direction or None) == (p.direction or None),
        "status": g.status == _value(p.status),
        "year": g.year == p.year,
        "qualifier": g.qualifier == _value(p.qualifier),
        "indicator": similarity(g.indicator, p.indicator) >= INDICATOR_SIMILARITY,
    }


def _show(v: Any) -> str:
    if v is None:
        return "null"
    return str(_value(v))


def _score_quantities(pred: Sequence, gold: Sequence[GoldQuantity], scope: str,
                      diff: _Diff | None = None) -> dict:
    gs = [(g.start, g.end) for g in gold]
    ps = [(p.start, p.end) for p in pred]
    pairs = match(len(gold), len(pred), lambda i, j: _overlap(*gs[i], *ps[j]), _span_candidates(gs, ps))
    opt = [g.optional for g in gold]
    res = _prf(_tally(opt, len(pred), pairs), scope)
    checks = [_quantity_checks(gold[i], pred[j]) for i, j in pairs]
    res["fields"] = {f: _acc(sum(c[f] for c in checks), len(checks)) for f in QUANTITY_FIELDS}
    strict_pairs = [(i, j) for (i, j), c in zip(pairs, checks) if all(c[f] for f in _STRICT_FIELDS)]
    st = _prf(_tally(opt, len(pred), strict_pairs), scope)
    res["strict"] = {"p": st["p"], "r": st["r"], "f1": st["f1"]}
    if diff:
        diff.unmatched("quantities", gold, pred, pairs,
                       lambda g: f"{g.surface} ({g.indicator}){diff.at(g.start)}",
                       lambda p: f"{p.surface} ({p.indicator}){diff.at(p.start)}", scope)
        for (i, j), c in zip(pairs, checks):
            bad = [f for f in (*_STRICT_FIELDS, "indicator") if not c[f]]
            if bad:
                g, p = gold[i], pred[j]
                said = "; ".join(f"{f} {_show(getattr(p, f))}, the key says {_show(getattr(g, f))}" for f in bad)
                diff.add("quantities", "wrong", f"{g.surface}{diff.at(g.start)}: {said}")
    return res


# entities and relations ------------------------------------------------------------


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {k for k in (normalise_key(x) for x in (name, *aliases)) if k}


def _match_entities(pred: Sequence, gold: Sequence[GoldEntity]) -> list[tuple[int, int]]:
    gforms = [_forms(g.name, g.aliases) for g in gold]
    pforms = [_forms(p.name, p.aliases) for p in pred]
    index: dict[str, list[int]] = {}
    for j, fs in enumerate(pforms):
        for f in fs:
            index.setdefault(f, []).append(j)
    cands = sorted({(i, j) for i, fs in enumerate(gforms) for f in fs for j in index.get(f, ())})

    def w(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if g.type != _value(p.type):
            return None
        if normalise_key(g.name) == normalise_key(p.name):
            return 1.0
        return 0.5 * len(gforms[i] & pforms[j]) / len(gforms[i] | pforms[j])

    return match(len(gold), len(pred), w, cands)


def _score_entities(pred: Sequence, gold: Sequence[GoldEntity], scope: str,
                    diff: _Diff | None = None) -> tuple[dict, list]:
    pairs = _match_entities(pred, gold)
    if diff:
        diff.unmatched("entities", gold, pred, pairs,
                       lambda g: f"{g.type} {g.name}{diff.at(g.spans[0][0] if g.spans else None)}",
                       lambda p: f"{_value(p.type)} {p.name}{diff.at(p.mentions[0].start if p.mentions else None)}",
                       scope)
    res = _prf(_tally([g.optional for g in gold], len(pred), pairs), scope)
    types = sorted({g.type for g in gold} | {_value(p.type) for p in pred})
    by_type = {}
    for t in types:
        gi = [i for i, g in enumerate(gold) if g.type == t]
        pj = [j for j, p in enumerate(pred) if _value(p.type) == t]
        gpos = {i: k for k, i in enumerate(gi)}
        ppos = {j: k for k, j in enumerate(pj)}
        tp = [(gpos[i], ppos[j]) for i, j in pairs if i in gpos and j in ppos]
        by_type[t] = _prf(_tally([gold[i].optional for i in gi], len(pj), tp), scope)
    res["by_type"] = by_type
    return res, pairs


def _score_relations(pred: Sequence, gold: Sequence[GoldRelation], gold_entities: Sequence[GoldEntity],
                     pred_entities: Sequence, ent_pairs: Sequence[tuple[int, int]], scope: str,
                     diff: _Diff | None = None) -> dict:
    by_form: dict[str, int] = {}
    for i, e in enumerate(gold_entities):
        by_form.setdefault(normalise_key(e.name), i)
    for i, e in enumerate(gold_entities):
        for a in e.aliases:
            by_form.setdefault(normalise_key(a), i)
    partner = dict(ent_pairs)

    def _is_type(end: str, typ: str, subtype: str | None = None) -> bool:
        i = by_form.get(normalise_key(end))
        e = gold_entities[i] if i is not None else None
        return e is not None and e.type == typ and (subtype is None or e.subtype == subtype)

    def accepted(end: str) -> set[str]:
        """Normalised names a prediction may use for the gold end ``end``."""
        k = normalise_key(end)
        i = by_form.get(k)
        if i is None:
            return {k}
        e = gold_entities[i]
        forms = _forms(e.name, e.aliases)
        if i in partner:
            p = pred_entities[partner[i]]
            forms |= _forms(p.name, p.aliases)
        return forms

    ends = [(accepted(r.subject), accepted(r.object)) for r in gold]
    org_ends = [_is_type(r.object, "Organization") and (_is_type(r.subject, "Organization") or _is_type(r.subject, "Place", "building"))
                for r in gold]

    def _same_predicate(i: int, p: str) -> bool:
        g = normalise_key(gold[i].predicate)
        if g == normalise_key(p):
            return True
        # GUIDELINES §6: a branch, campus or affiliate of a body is part_of it; keys that
        # wrote run_by from a body or a campus (a building) to a body mean the same link
        return org_ends[i] and {g, normalise_key(p)} == {"part_of", "run_by"}

    def w(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if not _same_predicate(i, p.predicate):
            return None
        subj, obj = ends[i]
        if normalise_key(p.subject) in subj and normalise_key(p.object) in obj:
            return 1.0
        return None

    pairs = match(len(gold), len(pred), w)
    if diff:
        diff.unmatched("relations", gold, pred, pairs,
                       lambda r: f"{r.subject} {r.predicate} {r.object}{diff.at(r.start)}",
                       lambda r: f"{r.subject} {r.predicate} {r.object}{diff.at(r.start)}", scope)
    return _prf(_tally([g.optional for g in gold], len(pred), pairs), scope)


def _own_place_optional(gold: Gold) -> tuple[GoldRelation, ...]:
    """The key's relations, with those GUIDELINES §6 call optional marked so: "a thing
    named after the report's own place (深圳歌剧院 located_in 深圳市)" — a relation to
    the report's own place (or a parent place) from a name that contains it."""
    meta = gold.report or {}
    own = [p for p in (meta.get("place"), *(meta.get("parent_places") or [])) if isinstance(p, str) and p]
    places = [{normalise_key(f) for f in (p, _short_place(p)) if len(f) >= 2} for p in own]
    out = []
    for r in gold.relations:
        obj, subj = normalise_key(r.object), normalise_key(r.subject)
        named = any(obj in forms and any(f in subj for f in forms) for forms in places)
        if named and not r.optional:
            r = GoldRelation(r.subject, r.predicate, r.object, r.start, r.end, True)
        out.append(r)
    return tuple(out)


def _short_place(name: str) -> str:
    """潜江市 → 潜江, 海南省 → 海南 (the level word dropped; enough for the own-place test)."""
    return name[:-1] if len(name) > 2 and name[-1] in "省市区县" else name


# report metadata -------------------------------------------------------------------


def _meta_equal(field_name: str, gold_value: Any, pred_value: Any) -> bool:
    if field_name == "parent_places":
        g = {normalise_key(x) for x in (gold_value or []) if isinstance(x, str)}
        p = {normalise_key(x) for x in (pred_value or []) if isinstance(x, str)}
        return g == p
    if gold_value is None or pred_value is None:
        return gold_value is None and pred_value is None
    if isinstance(gold_value, int) and not isinstance(gold_value, bool):
        try:
            return int(pred_value) == gold_value
        except (TypeError, ValueError):
            return False
    return _norm_text(str(gold_value)) == _norm_text(str(pred_value))


def _score_report(meta: Any, gold: dict[str, Any], diff: _Diff | None = None) -> dict:
    fields: dict[str, float] = {}
    for f in REPORT_FIELDS:
        if f not in gold:
            continue
        pv = getattr(meta, f, None)
        options = [gold[f]] + [gold[a] for a in _REPORT_ALTERNATIVES.get(f, ()) if gold.get(a)]
        ok = any(_meta_equal(f, g, pv) for g in options)
        fields[f] = 1.0 if ok else 0.0
        if diff and not ok:
            diff.add("report", "wrong", f"{f}: {_show(pv)}, the key says {_show(gold[f])}")
    return {"fields": fields}


__all__ += ["match", "differences", "GoldPart", "GoldSection", "GoldSubsection", "GoldGlossaryEntry",
            "GoldComponent", "GoldMention", "GoldQuantity", "GoldEntity", "GoldRelation"]
