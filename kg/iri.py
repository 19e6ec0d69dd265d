"""Every IRI kg mints, from normalised keys — the one place identity is decided.

Rules
-----
- Keys are normalised (:func:`normalise_key`): Unicode NFKC (full-width → half-width),
  quotation and title marks removed (“1+5+3+N” ≡ "1+5+3+N" ≡ 1+5+3+N, 《办法》 ≡ 办法),
  whitespace dropped next to Chinese and collapsed to ``_`` between Latin words (case is
  kept: GDP, PM2.5), stray list punctuation trimmed from the ends.
- Key segments are written as IRI characters (RFC 3987): Chinese stays Chinese; ASCII
  outside ``A–Z a–z 0–9 - . _ ~`` and every non-character/control/space/format code point
  is percent-encoded as UTF-8 (``+`` → ``%2B``, ``/`` → ``%2F``, ``%`` → ``%25``), so the
  encoding is injective on normalised keys.
- Nothing depends on the process (no ``hash()``, no random ids, no clock, no file path):
  the same input gives the same IRIs on every run and machine.
- Scopes: a report is ``report/{government}/{year}``; places, organisations, programmes,
  policies, sectors and indicators live under their government (``gov/{government}/…``),
  so the same place of the same government gets ONE IRI across that government's
  reports, and 罗湖区 in Shenzhen's report is not confused with 罗湖区 in Luohu's own
  unless they are the same government. Parts, sections, sentences, spans, observations,
  mentions, glossary terms and relation assertions live under their report.

The base IRI (default :data:`DEFAULT_BASE_IRI`, a reserved example domain) is chosen by
argument, else the ``KG_BASE_IRI`` environment variable; portals publish under their own.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass

from kg.model import EntityType, Report

DEFAULT_BASE_IRI = "https://kg.example.org/"
"""Default namespace for data IRIs (example.org is reserved for examples: it never
collides with a real publisher; set ``--base-iri`` / ``KG_BASE_IRI`` to publish)."""

ENV_BASE_IRI = "KG_BASE_IRI"

_QUOTES = dict.fromkeys(map(ord, "\"'“”‘’「」『』〝〞〟‹›«»《》〈〉＂＇`´"), None)
_TRIM = " \t\r\n,.;:!?、，。；：！？·…—-_"
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


def normalise_key(text: str) -> str:
    """The identity key of a name: NFKC, no quotes or title marks, normalised spaces.

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


def segment(text: str) -> str:
    """Normalise then encode; raises ValueError for a name with nothing left to key on."""
    key = normalise_key(text)
    if not key:
        raise ValueError(f"cannot mint an IRI from an empty name: {text!r}")
    return encode_segment(key)


def digest(*parts: object) -> str:
    """A short stable digest of ``parts`` (12 hex digits of SHA-256), for composite keys."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:12]


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


_TYPE_SEGMENT = {
    EntityType.PLACE: "place",
    EntityType.ORGANIZATION: "organization",
    EntityType.PROGRAMME: "programme",
    EntityType.POLICY: "policy",
    EntityType.SECTOR: "sector",
}


def government_key(report: Report) -> str:
    """Who delivered the report: the government's name, else its place, else its checksum."""
    meta = report.meta
    for name in (meta.government, meta.place):
        if name and normalise_key(name):
            return name
    return f"unknown-{(report.text.sha256 or digest(report.text.text))[:12]}"


def report_year(report: Report) -> str:
    """The report's year: plan year, else review year + 1, else the delivery date's year."""
    meta = report.meta
    if meta.plan_year:
        return str(meta.plan_year)
    if meta.review_year:
        return str(meta.review_year + 1)
    if meta.delivery_date and meta.delivery_date[:4].isdigit():
        return meta.delivery_date[:4]
    return f"undated-{(report.text.sha256 or digest(report.text.text))[:12]}"


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

    def entity(self, government: str, type: EntityType | str, name: str) -> str:
        t = _TYPE_SEGMENT[EntityType(type)]
        return f"{self.government(government)}/{t}/{segment(name)}"

    def place(self, government: str, name: str) -> str:
        return self.entity(government, EntityType.PLACE, name)

    def indicator(self, government: str, name: str) -> str:
        return f"{self.government(government)}/indicator/{segment(name)}"

    # -- scoped by report
    def report(self, government: str, year: str | int) -> str:
        return f"{self.base}report/{segment(government)}/{segment(str(year))}"

    def report_of(self, report: Report) -> str:
        return self.report(government_key(report), report_year(report))

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
        ind = segment(indicator) if indicator and normalise_key(indicator) else "_"
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
