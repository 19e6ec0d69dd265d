"""Every IRI kg mints, from normalised keys — the one place identity is decided.

Rules
-----
- Keys are normalised (:func:`kg.keys.normalise_key`): Unicode NFKC (full-width → half-width),
  quotation and title marks removed (“1+5+3+N” ≡ "1+5+3+N" ≡ 1+5+3+N, 《办法》 ≡ 办法),
  whitespace dropped next to Chinese and collapsed to ``_`` between Latin words (case is
  kept: GDP, PM2.5), stray list punctuation trimmed from the ends.
- Key segments are written as IRI characters (RFC 3987): Chinese stays Chinese; ASCII
  outside ``A–Z a–z 0–9 - . _ ~`` and every non-character/control/space/format code point
  is percent-encoded as UTF-8 (``+`` → ``%2B``, ``/`` → ``%2F``, ``%`` → ``%25``), so the
  encoding is injective on normalised keys.
- Nothing depends on the process (no ``hash()``, no random ids, no clock, no file path):
  the same input gives the same IRIs on every run and machine.
- Scopes: a report is ``report/{government}/{delivery date}`` (else
  ``report/{government}/{year}-{checksum}``, see :func:`kg.keys.report_key`). Administrative
  divisions whose name the GB/T 2260 gazetteer knows unambiguously are keyed by their code
  (``division/{code}-{name}``, :func:`kg.keys.entity_key`), so 深圳 and 深圳市
  in any report are ONE node; other places, organisations, programmes, policies and
  sectors live under their government (``gov/{government}/{type}/{name}``), so the same
  thing of the same government gets ONE IRI across that government's reports.
  Indicators are keyed by :func:`kg.keys.indicator_key` under their
  government (``gov/{government}/indicator/{key}``): 地区生产总值 and 全市地区生产总值增长
  are one node. Parts, sections, sentences, spans, observations, mentions, glossary terms
  and relation assertions live under their report.

The keys themselves (names, entities, indicators, reports, years) are decided in the pure
module :mod:`kg.keys`, which the extractors import too; this module turns them into IRIs.
Its one look-up outside kg's graph layer is the GB/T 2260 gazetteer (reference data read
from ``kg.loaders/data``), for division codes and names.

The base IRI (default :data:`DEFAULT_BASE_IRI`, a reserved example domain) is chosen by
argument, else the ``KG_BASE_IRI`` environment variable; portals publish under their own.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kg.errors import EmptyName
from kg.keys import (  # noqa: F401  (government_key, report_key, report_year: re-exported)
    digest,
    entity_key,
    government_key,
    indicator_key,
    normalise_key,
    report_key,
    report_year,
)
from kg.model import Entity, EntityType, Report

DEFAULT_BASE_IRI = "https://kg.example.org/"
"""Default namespace for data IRIs (example.org is reserved for examples: it never
collides with a real publisher; set ``--base-iri`` / ``KG_BASE_IRI`` to publish)."""

ENV_BASE_IRI = "KG_BASE_IRI"

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FORBIDDEN_IN_BASE = re.compile(r"[\s<>\"{}|\\^`#]")


def _is_ucschar(cp: int) -> bool:
    """RFC 3987 ``ucschar``: the non-ASCII code points allowed unescaped in an IRI path."""
    if 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF:
        return True
    if 0x10000 <= cp <= 0xEFFFD:
        return (cp & 0xFFFF) <= 0xFFFD
    return False


def encode_segment(key: str) -> str:
    """``key`` as one IRI path segment: unsafe characters percent-encoded, Chinese kept."""
    out = []
    for ch in key:
        cp = ord(ch)
        if ch in _UNRESERVED or (
            cp > 0x7F and _is_ucschar(cp) and unicodedata.category(ch) not in _BAD_CATEGORIES
        ):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    seg = "".join(out)
    if seg in (".", ".."):
        seg = seg.replace(".", "%2E")
    return seg


@functools.lru_cache(maxsize=1 << 13)
def segment(text: str) -> str:
    """Normalise then encode; raises :class:`~kg.errors.EmptyName` (a KgError and a
    ValueError) for a name with nothing left to key on.
    (Memoised: governments, places and indicators recur in every report.)"""
    key = normalise_key(text)
    if not key:
        raise EmptyName(f"cannot mint an IRI from an empty name: {text!r}")
    return encode_segment(key)


@functools.lru_cache(maxsize=1 << 13)
def _has_key(text: str) -> bool:
    """Whether ``text`` leaves a key once normalised (memoised, as :func:`segment`)."""
    return bool(normalise_key(text))


def resolve_base_iri(base_iri: str | None = None) -> str:
    """The base IRI to use: the argument, else ``$KG_BASE_IRI``, else the default.

    It must be absolute (``scheme:…``), with no spaces, ``<>"{}|\\^` `` or fragment; a
    missing trailing ``/`` is added.
    """
    base = base_iri or os.environ.get(ENV_BASE_IRI) or DEFAULT_BASE_IRI
    if not _SCHEME.match(base) or _FORBIDDEN_IN_BASE.search(base):
        from kg.errors import InputError

        raise InputError(
            f"base IRI {base!r} is not an absolute IRI without spaces or '#' "
            f"(give e.g. --base-iri https://data.example.gov.cn/kg/)"
        )
    return base if base.endswith("/") else base + "/"


@functools.lru_cache(maxsize=1 << 13)
def indicator_label(name: str) -> str:
    """The indicator's key (:func:`kg.keys.indicator_key`), the label of its node; the
    phrase itself when the key leaves nothing (e.g. an indicator made only of framing
    words). Memoised: the builder asks it twice per observation (its node and its IRI)."""
    key = indicator_key(name)
    return key if normalise_key(key) else name


_TYPE_SEGMENT = {
    EntityType.PLACE: "place",
    EntityType.ORGANIZATION: "organization",
    EntityType.PROGRAMME: "programme",
    EntityType.POLICY: "policy",
    EntityType.SECTOR: "sector",
}


def division_code(name: str, aliases: Iterable[str] = ()) -> str | None:
    """The GB/T 2260 code of an administrative division named ``name`` (or one of its
    ``aliases``), when the name stands for exactly one division; else None (鼓楼区 is a
    district of several cities: it stays under the government naming it)."""
    from kg.loaders.gazetteer import unique_code  # reference data, not an extractor

    key = entity_key(Entity(name=name, type=EntityType.PLACE, subtype="admin", aliases=tuple(aliases)), None, unique_code)
    return key.removeprefix("division/") if key.startswith("division/") else None


@dataclass(frozen=True, slots=True)
class Minter:
    """Mints kg's IRIs (as strings) under one base IRI."""

    base: str = DEFAULT_BASE_IRI

    @classmethod
    def create(cls, base_iri: str | None = None) -> Minter:
        return cls(resolve_base_iri(base_iri))

    # -- scoped by government
    def government(self, government: str) -> str:
        return f"{self.base}gov/{segment(government)}"

    def entity(
        self,
        government: str,
        type: EntityType | str,
        name: str,
        subtype: str | None = None,
        aliases: Iterable[str] = (),
    ) -> str:
        """One IRI per thing (:func:`kg.keys.entity_key`): an administrative
        division (``subtype="admin"``) the gazetteer names unambiguously is
        ``division/{code}-{name}`` in every government's reports; anything else is
        ``gov/{government}/{type}/{name}``."""
        etype = EntityType(type)
        if etype is EntityType.PLACE and subtype == "admin":
            code = division_code(name, aliases)
            if code is not None:
                return self.division(code)
        return f"{self.government(government)}/{_TYPE_SEGMENT[etype]}/{segment(name)}"

    def division(self, code: str) -> str:
        """The administrative division with GB/T 2260 ``code`` (its gazetteer name kept
        in the IRI for readers)."""
        from kg.loaders.gazetteer import latest_names

        name = latest_names().get(code)
        return f"{self.base}division/{segment(code)}" + (f"-{segment(name)}" if name and normalise_key(name) else "")

    def division_name(self, iri: str) -> str | None:
        """The gazetteer name of a division IRI (its one label); None for any other IRI."""
        prefix = f"{self.base}division/"
        if not iri.startswith(prefix):
            return None
        from kg.loaders.gazetteer import latest_names

        return latest_names().get(iri[len(prefix):].split("-", 1)[0])

    def place(self, government: str, name: str, subtype: str | None = None) -> str:
        return self.entity(government, EntityType.PLACE, name, subtype)

    def indicator(self, government: str, name: str) -> str:
        """The indicator ``name`` of ``government``, keyed by
        :func:`kg.keys.indicator_key` (地区生产总值增长 ≡ 全市地区生产总值)."""
        return f"{self.government(government)}/indicator/{segment(indicator_label(name))}"

    # -- scoped by report
    def report(self, government: str, key: str | int) -> str:
        """The report of ``government`` with ``key`` (see :func:`kg.keys.report_key`)."""
        return f"{self.base}report/{segment(government)}/{segment(str(key))}"

    def report_of(self, report: Report) -> str:
        return self.report(government_key(report), report_key(report))

    @staticmethod
    def part(report_iri: str, number: int) -> str:
        return f"{report_iri}/part/{number}"

    @staticmethod
    def section(report_iri: str, part: int, number: int) -> str:
        return f"{report_iri}/section/{part}.{number}"

    @staticmethod
    def subsection(section_iri: str, index: int) -> str:
        return f"{section_iri}/sub/{index}"

    @staticmethod
    def sentence(report_iri: str, start: int, end: int) -> str:
        return f"{report_iri}/sentence/{start}-{end}"

    @staticmethod
    def span(report_iri: str, start: int, end: int) -> str:
        return f"{report_iri}/span/{start}-{end}"

    @staticmethod
    def position_selector(span_iri: str) -> str:
        return f"{span_iri}/position"

    @staticmethod
    def quote_selector(span_iri: str) -> str:
        return f"{span_iri}/quote"

    @staticmethod
    def observation(report_iri: str, indicator: str, start: int, end: int) -> str:
        ind = segment(indicator) if indicator and _has_key(indicator) else "_"
        return f"{report_iri}/observation/{start}-{end}/{ind}"

    @staticmethod
    def mention(report_iri: str, start: int, end: int, target: str) -> str:
        """A mention of ``target`` (an entity or term IRI) at [start, end)."""
        return f"{report_iri}/mention/{start}-{end}/{digest(target)}"

    @staticmethod
    def glossary(report_iri: str) -> str:
        return f"{report_iri}/glossary"

    @staticmethod
    def glossary_term(report_iri: str, key: str) -> str:
        return f"{report_iri}/glossary/{segment(key)}"

    @staticmethod
    def component(term_iri: str, position: int) -> str:
        return f"{term_iri}/component/{position}"

    @staticmethod
    def member(component_iri: str, position: int) -> str:
        return f"{component_iri}/member/{position}"

    @staticmethod
    def relation(report_iri: str, subject: str, predicate: str, object: str, start: int, end: int) -> str:
        return f"{report_iri}/relation/{start}-{end}/{digest(subject, predicate, object)}"

    # -- dataset description
    def dataset(self, report_iris: list[str] | tuple[str, ...]) -> str:
        return f"{self.base}dataset/{digest(*sorted(report_iris))}"
