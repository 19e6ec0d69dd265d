"""Analyses → RDF triples under the kg ontology (the canonical form of the graph).

Every node gets an IRI from :mod:`kg.iri` (no blank nodes anywhere, so two builds of the
same input give identical N-Triples). Every fact — observation, mention, glossary term,
relation assertion — points (``kg:span``) to a :class:`kg:TextSpan` with

- ``oa:hasSource`` the report, ``kg:start``/``kg:end`` offsets into the report text kg
  works on (``Text.text``),
- an ``oa:TextPositionSelector`` whose ``oa:start``/``oa:end`` are offsets into the SOURCE
  as published (``Text.source_span``: the decoded file; for HTML, the markup) and an
  ``oa:TextQuoteSelector`` (exact, prefix, suffix),
- ``kg:inSentence`` the sentence (whose ``kg:text`` is the sentence) and ``kg:inSection``.

So any SPARQL answer can return its sentence: ``?fact kg:span/kg:inSentence/kg:text ?s``.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, SOSA, XSD

from kg.iri import Minter, government_key, indicator_label, normalise_key
from kg.model import (
    Analysis,
    Entity,
    EntityType,
    GlossaryEntry,
    GlossaryTerm,
    Kind,
    Mention,
    PartRole,
    Qualifier,
    Quantity,
    Report,
    Status,
)
from kg.vocab import KG, OA, ORG, PREFIXES, QB, RELATION, RELATION_OBJECT_TYPE, SUBTYPE_CLASS, relation_property, subtype_class  # noqa: F401

log = logging.getLogger(__name__)


class _Terms:
    """A namespace whose terms are plain attributes once read: rdflib's ``DefinedNamespace``
    checks every attribute access (``RDF.type``, ``KG.start``…) against its class, a fifth of
    the time spent making a report's triples; the terms themselves are the namespace's."""

    def __init__(self, ns) -> None:
        self.__dict__["_ns"] = ns

    def __getattr__(self, name: str):  # only on the first read of ``name``
        term = getattr(self.__dict__["_ns"], name)
        self.__dict__[name] = term
        return term


KG, OA, ORG, QB = _Terms(KG), _Terms(OA), _Terms(ORG), _Terms(QB)
DCTERMS, PROV, RDF, RDFS, SKOS, SOSA, XSD = (_Terms(n) for n in (DCTERMS, PROV, RDF, RDFS, SKOS, SOSA, XSD))

Triple = tuple[URIRef, URIRef, URIRef | Literal]

ROLE = {
    PartRole.REVIEW: KG.ReviewPart,
    PartRole.FIVE_YEAR_PLAN: KG.FiveYearPlanPart,
    PartRole.PLAN: KG.PlanPart,
    PartRole.SELF_BUILDING: KG.SelfBuildingPart,
    PartRole.OTHER: KG.OtherPart,
}
STATUS = {Status.ACTUAL: KG.Actual, Status.ESTIMATE: KG.Estimate, Status.TARGET: KG.Target}
STATUS_CLASS = {
    Status.ACTUAL: KG.ActualObservation,
    Status.ESTIMATE: KG.EstimateObservation,
    Status.TARGET: KG.TargetObservation,
}
KIND = {Kind.AMOUNT: KG.Amount, Kind.COUNT: KG.Count, Kind.CHANGE: KG.Change, Kind.RATIO: KG.Ratio}
QUALIFIER = {
    Qualifier.NONE: KG.Exact,
    Qualifier.APPROX: KG.Approximately,
    Qualifier.GT: KG.MoreThan,
    Qualifier.GE: KG.AtLeast,
    Qualifier.LT: KG.LessThan,
    Qualifier.LE: KG.AtMost,
}
DIRECTION = {"up": KG.Up, "down": KG.Down}
ENTITY_CLASS = {
    EntityType.PLACE: KG.Place,
    EntityType.ORGANIZATION: KG.Organization,
    EntityType.PROGRAMME: KG.Programme,
    EntityType.POLICY: KG.Policy,
    EntityType.SECTOR: KG.Sector,
}
# SUBTYPE_CLASS, RELATION and RELATION_OBJECT_TYPE come from the ontology's skos:notation codes (kg.vocab)

_CONTEXT_CHARS = 16
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_NUMBER_LITERALS: dict[tuple[type, int], Literal] = {}
_INT_LITERALS: dict[int, Literal] = {}
_IRI_BAD = re.compile(r'[<>" {}|\\^`]').search
"""A character rdflib refuses in an IRI (``rdflib.term._invalid_uri_chars``)."""
_new_str = str.__new__


def _iri(value: str) -> URIRef:
    """``URIRef(value)``: the same object, made without rdflib's per-call checks when
    ``value`` is a plain string rdflib accepts as it is (else rdflib itself, which warns)."""
    if value.__class__ is str and not _IRI_BAD(value):
        return _new_str(URIRef, value)
    return URIRef(value)


def _plain(value: str, lang: str | None = None) -> Literal:
    """``Literal(value, lang=lang)`` of a plain string: the same object (lexical form,
    value, language; no datatype), made without rdflib's casting and checks, which
    leave a plain string as it is. ``lang`` must be a valid tag (kg passes "zh")."""
    lit = _new_str(Literal, value)
    lit._language = lang
    lit._datatype = None
    lit._value = value
    lit._ill_typed = None
    return lit


_XSD_INTEGER = URIRef(str(XSD.integer))


def _integer(value: int) -> Literal:
    """``Literal(value)`` of an int: the same object (lexical form ``str(value)``, value,
    datatype ``xsd:integer``), made without rdflib's casting, which costs ~10 µs a literal
    (a worker meets each offset of its reports' texts once: tens of thousands)."""
    lit = _new_str(Literal, str(value))
    lit._language = None
    lit._datatype = _XSD_INTEGER
    lit._value = value
    lit._ill_typed = None
    return lit


def _lit(value) -> Literal:
    """``Literal(value)``; those of ints and bools (offsets, numbers, flags) made once,
    those of plain strings without rdflib's checks (:func:`_plain`)."""
    if value.__class__ is int:  # by the int alone (no key tuple): bools have their own dict (True == 1)
        got = _INT_LITERALS.get(value)
        if got is None:
            if len(_INT_LITERALS) >= 1 << 20:
                _INT_LITERALS.clear()
            got = _INT_LITERALS[value] = _integer(value)
        return got
    if value.__class__ is bool:
        key = (bool, value)
        got = _NUMBER_LITERALS.get(key)
        if got is None:
            got = _NUMBER_LITERALS[key] = Literal(value)
        return got
    if value.__class__ is str:
        return _plain(value)
    return Literal(value)


_nk = lru_cache(maxsize=1 << 13)(normalise_key)
"""normalise_key, memoised (the builder asks for the keys of the same names many times)."""


def decimal_literal(value: Decimal | int | float) -> Literal:
    """An ``xsd:decimal`` literal in plain notation (never an exponent), always with a point
    so Turtle writes and reads it back as a decimal."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    s = format(d, "f")
    if "." not in s:
        s += ".0"
    return _decimal_of_text(s)


@lru_cache(maxsize=8192)
def _decimal_of_text(s: str) -> Literal:
    """``Literal(s, datatype=XSD.decimal)``, memoised by its text (rdflib's constructor casts
    and validates on every call; a report's figures recur)."""
    return Literal(s, datatype=XSD.decimal)


@lru_cache(maxsize=8192)
def zh(text: str) -> Literal:
    """A Chinese literal; memoised (rdflib's Literal constructor validates and casts on
    every call, and labels, indicator names and units recur within and across reports)."""
    return _plain(text, "zh") if text.__class__ is str else Literal(text, lang="zh")


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


_NT_ESCAPE = re.compile(r'[\\\n"\r]').search
"""A character N-Triples escapes in a literal's text (as rdflib's ``_nt_row`` does)."""


def nt_text(text: str) -> str:
    """``text`` escaped as the lexical form of an N-Triples literal (as rdflib writes it)."""
    if _NT_ESCAPE(text):
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return text


@dataclass(frozen=True, slots=True)
class Block:
    """N-Triples lines the builder wrote whole for a run of its triples (each line once, its
    subjects described in that run only), with what :func:`kg.export.report_lines` counts
    of them: the lines, the classes stated (rdf:type objects), the subjects."""

    text: str
    lines: int
    classes: tuple[str, ...]
    subjects: tuple[str, ...]


def _nt(term: URIRef) -> str:
    return f"<{term}>"


_SPAN_CLASSES = tuple(str(c) for c in (KG.TextSpan, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector))
_INT_DT = f"^^{_nt(XSD.integer)}"
_A, _TEXT_SPAN, _SPECIFIC, _HAS_SOURCE, _IN_REPORT, _START, _END, _HAS_SELECTOR, _IN_SENTENCE, _IN_SECTION = map(_nt, (
    RDF.type, KG.TextSpan, OA.SpecificResource, OA.hasSource, KG.inReport, KG.start, KG.end, OA.hasSelector,
    KG.inSentence, KG.inSection))
_POSITION, _OA_START, _OA_END, _QUOTE, _EXACT, _PREFIX, _SUFFIX = map(_nt, (
    OA.TextPositionSelector, OA.start, OA.end, OA.TextQuoteSelector, OA.exact, OA.prefix, OA.suffix))


def _span_block(iri: URIRef, report: URIRef, start: int, end: int, pos: URIRef, quote: URIRef,
                sentence: URIRef | None, section: URIRef | None, src: tuple[int, int], exact: str, prefix: str,
                suffix: str) -> Block | None:
    """The lines of :meth:`_ReportBuilder.span`'s triples, in their order, written in one
    f-string (what writing them one by one, :func:`kg.export.split_lines`, gives: a unit
    test holds it); None when a term is not one this writes as it is (an IRI rdflib
    refuses, a number that is not an int): then its triples are written one by one."""
    iris = (iri, report, pos, quote, sentence or iri, section or iri)
    if any(map(_IRI_BAD, iris)) or not all(v.__class__ is int for v in (start, end, *src)):
        return None
    s, r, p, q = (f"<{x}> " for x in iris[:4])
    opt = ""
    if sentence is not None:
        opt = f"{s}{_IN_SENTENCE} <{sentence}> .\n"
    if section is not None:
        opt = f"{opt}{s}{_IN_SECTION} <{section}> .\n"
    tail = ""
    if prefix:
        tail = f'{q}{_PREFIX} "{nt_text(prefix)}" .\n'
    if suffix:
        tail = f'{tail}{q}{_SUFFIX} "{nt_text(suffix)}" .\n'
    text = (f"{s}{_A} {_TEXT_SPAN} .\n{s}{_A} {_SPECIFIC} .\n{s}{_HAS_SOURCE} {r}.\n{s}{_IN_REPORT} {r}.\n"
            f'{s}{_START} "{start}"{_INT_DT} .\n{s}{_END} "{end}"{_INT_DT} .\n'
            f"{s}{_HAS_SELECTOR} {p}.\n{s}{_HAS_SELECTOR} {q}.\n{opt}"
            f'{p}{_A} {_POSITION} .\n{p}{_OA_START} "{src[0]}"{_INT_DT} .\n{p}{_OA_END} "{src[1]}"{_INT_DT} .\n'
            f'{q}{_A} {_QUOTE} .\n{q}{_EXACT} "{nt_text(exact)}" .\n{tail}')
    n = 13 + (sentence is not None) + (section is not None) + bool(prefix) + bool(suffix)
    return Block(text, n, _SPAN_CLASSES, (str.__str__(iri), str.__str__(pos), str.__str__(quote)))


_SENTENCE_CLASSES = (str(KG.Sentence),)
_SENTENCE, _TEXT, _IN_PART = map(_nt, (KG.Sentence, KG.text, KG.inPart))


def _sentence_block(n: URIRef, report: URIRef, start: int, end: int, text: str, section: URIRef | None,
                    part: URIRef | None) -> Block | None:
    """The lines of a sentence's triples (:meth:`_ReportBuilder.structure`), as
    :func:`_span_block` writes a span's."""
    if (any(map(_IRI_BAD, (n, report, section or n, part or n))) or start.__class__ is not int
            or end.__class__ is not int or text.__class__ is not str):
        return None
    s = f"<{n}> "
    out = (f'{s}{_A} {_SENTENCE} .\n{s}{_TEXT} "{nt_text(text)}"@zh .\n{s}{_START} "{start}"{_INT_DT} .\n'
           f"{s}{_END} \"{end}\"{_INT_DT} .\n{s}{_IN_REPORT} <{report}> .\n")
    if section is not None:
        out = f"{out}{s}{_IN_SECTION} <{section}> .\n"
    if part is not None:
        out = f"{out}{s}{_IN_PART} <{part}> .\n"
    return Block(out, 5 + (section is not None) + (part is not None), _SENTENCE_CLASSES, (str.__str__(n),))


_MENTION_CLASSES = tuple(str(c) for c in (KG.Mention, OA.Annotation))
_MENTION, _ANNOTATION, _HAS_BODY, _MOTIVATED_BY, _IDENTIFYING, _SPAN_OF, _DERIVED_FROM, _HAS_TARGET, _EXTRACTED_BY = map(
    _nt, (KG.Mention, OA.Annotation, OA.hasBody, OA.motivatedBy, OA.identifying, KG.span, PROV.wasDerivedFrom,
          OA.hasTarget, KG.extractedBy))


def _mention_head(iri: URIRef, target: URIRef) -> Block | None:
    """The lines of a mention's first four triples (:meth:`_ReportBuilder.mention`, up to
    its span), as :func:`_span_block` writes a span's."""
    if type(target) is not URIRef or _IRI_BAD(iri) or _IRI_BAD(target):
        return None
    s = f"<{iri}> "
    return Block(f"{s}{_A} {_MENTION} .\n{s}{_A} {_ANNOTATION} .\n{s}{_HAS_BODY} <{target}> .\n"
                 f"{s}{_MOTIVATED_BY} {_IDENTIFYING} .\n", 4, _MENTION_CLASSES, (str.__str__(iri),))


def _mention_tail(iri: URIRef, span: URIRef, report: URIRef, rule: str | None) -> Block | None:
    """The lines of a mention's triples after its span: its provenance, target and rule."""
    if _IRI_BAD(iri) or _IRI_BAD(span) or _IRI_BAD(report) or (rule and rule.__class__ is not str):
        return None
    s = f"<{iri}> "
    out = (f"{s}{_SPAN_OF} <{span}> .\n{s}{_DERIVED_FROM} <{report}> .\n{s}{_IN_REPORT} <{report}> .\n"
           f"{s}{_HAS_TARGET} <{span}> .\n")
    if rule:
        out = f'{out}{s}{_EXTRACTED_BY} "{nt_text(rule)}" .\n'
    return Block(out, 5 if rule else 4, (), (str.__str__(iri),))


@dataclass
class _ReportBuilder:
    """Collects the triples of one analysis (no state shared between reports)."""

    analysis: Analysis
    minter: Minter
    triples: list[Triple] = field(default_factory=list)
    _spans: set[str] = field(default_factory=set)
    _nodes: set[str] = field(default_factory=set)
    blocks: list[tuple[int, int, Block]] = field(default_factory=list)
    """(start, end, lines) of the runs of :attr:`triples` whose N-Triples lines the builder
    wrote whole, in order (:func:`kg.export.report_lines` takes them as they are)."""
    minted: dict[str, URIRef] = field(default_factory=dict)
    """The IRIs :meth:`iri_of` made, by text: each one object for the report (the N-Triples
    writer then checks each IRI once, :func:`kg.export.split_lines`)."""

    def iri_of(self, value: str) -> URIRef:
        """:func:`_iri`, one object per IRI text in a report (a plain string rdflib accepts:
        kept in :attr:`minted`; any other value: rdflib itself, each time)."""
        if value.__class__ is not str:
            return URIRef(value)
        got = self.minted.get(value)
        if got is None:
            if _IRI_BAD(value):
                return URIRef(value)  # rdflib warns, each time, as _iri
            got = self.minted[value] = _new_str(URIRef, value)
        return got

    def __post_init__(self) -> None:
        report = self.analysis.report
        self.report_obj: Report = report
        self.gov_key = government_key(report)
        self.gov = self.iri_of(self.minter.government(self.gov_key))
        self.iri = self.iri_of(self.minter.report_of(report))
        self.place = (
            self.iri_of(self.minter.place(self.gov_key, report.meta.place, "admin"))
            if report.meta.place and _nk(report.meta.place)
            else None
        )
        self._sentence_starts = [s.start for s in report.sentences]
        self._by_name: dict[str, Entity] = {}
        for e in self.analysis.entities:
            for n in (e.name, *e.aliases):
                if _nk(n):
                    self._by_name.setdefault(_nk(n), e)
        self._entity_iri: dict[int, URIRef] = {}
        self._sections_by_key: dict[str, object] | None = None

    # ------------------------------------------------------------------ helpers
    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples.append((s, p, o))

    def block(self, first: int, block: Block | None) -> None:
        """Keep ``block``, the lines of the triples made since :attr:`triples` held ``first``."""
        if block is not None:
            self.blocks.append((first, len(self.triples), block))

    def once(self, iri: str) -> bool:
        """True the first time a node is seen in this report (its description is emitted)."""
        if iri in self._nodes:
            return False
        self._nodes.add(iri)
        return True

    def sentence_iri(self, offset: int) -> URIRef | None:
        import bisect

        sents = self.report_obj.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and sents[i].start <= offset < sents[i].end:
            return self.iri_of(self.minter.sentence(self.iri, sents[i].start, sents[i].end))
        return None

    def section_iri(self, offset: int) -> URIRef | None:
        part, sec = self.report_obj.locate(offset)
        if sec is not None:
            return self.iri_of(self.minter.section(self.iri, sec.part, sec.number))
        return None

    def span(self, start: int, end: int) -> URIRef:
        """The span [start, end) of the report text (described once per report); its lines
        written whole (:func:`_span_block`)."""
        key = self.minter.span(self.iri, start, end)
        iri = self.iri_of(key)
        if key in self._spans:
            return iri
        self._spans.add(key)
        text = self.report_obj.text
        pos = self.iri_of(self.minter.position_selector(iri))
        quote = self.iri_of(self.minter.quote_selector(iri))
        src = text.source_span(start, end)
        sentence, section = self.sentence_iri(start), self.section_iri(start)
        r, a, triples = self.iri, RDF.type, self.triples  # the triples appended as self.add would, in order
        first = len(triples)
        triples += (
            (iri, a, KG.TextSpan),
            (iri, a, OA.SpecificResource),
            (iri, OA.hasSource, r),
            (iri, KG.inReport, r),
            (iri, KG.start, _lit(start)),
            (iri, KG.end, _lit(end)),
            (iri, OA.hasSelector, pos),
            (iri, OA.hasSelector, quote),
        )
        self.add(iri, KG.inSentence, sentence)
        self.add(iri, KG.inSection, section)
        whole = text.text
        exact = whole[start:end]
        triples += (
            (pos, a, OA.TextPositionSelector),
            (pos, OA.start, _lit(src[0])),
            (pos, OA.end, _lit(src[1])),
            (quote, a, OA.TextQuoteSelector),
            (quote, OA.exact, _lit(exact)),
        )
        prefix = whole[max(0, start - _CONTEXT_CHARS) : start]
        suffix = whole[end : end + _CONTEXT_CHARS]
        if prefix:
            triples.append((quote, OA.prefix, _lit(prefix)))
        if suffix:
            triples.append((quote, OA.suffix, _lit(suffix)))
        self.block(first, _span_block(iri, r, start, end, pos, quote, sentence, section, src, exact, prefix, suffix))
        return iri

    def provenance(self, node: URIRef, start: int, end: int) -> URIRef:
        span = self.span(start, end)
        r = self.iri
        self.triples += ((node, KG.span, span), (node, PROV.wasDerivedFrom, r), (node, KG.inReport, r))
        return span

    # ------------------------------------------------------------------ report
    def build(self) -> list[Triple]:
        self.report_node()
        self.structure()
        self.glossary()
        self.entities()
        self.quantities()
        self.absences()
        self.relations()
        return self.triples

    def report_node(self) -> None:
        r, m, t = self.iri, self.report_obj.meta, self.report_obj.text
        self.add(r, RDF.type, KG.Report)
        if m.title:
            self.add(r, DCTERMS.title, zh(m.title))
            self.add(r, RDFS.label, zh(m.title))
        self.add(r, KG.government, self.gov)
        self.add(r, DCTERMS.creator, self.gov)
        self.add(r, KG.jurisdiction, self.place)
        self.add(r, DCTERMS.spatial, self.place)
        if m.plan_year is not None:
            self.add(r, KG.planYear, _lit(m.plan_year))
        if m.review_year is not None:
            self.add(r, KG.reviewYear, _lit(m.review_year))
        if m.delivery_date:
            self.add(r, DCTERMS.date, _date(m.delivery_date))
        if m.publish_date:
            self.add(r, DCTERMS.issued, _date(m.publish_date))
        if m.publisher:
            self.add(r, DCTERMS.publisher, zh(m.publisher))
        if m.speaker:
            self.add(r, KG.speaker, zh(m.speaker))
        if m.speaker_role:
            self.add(r, KG.speakerRole, zh(m.speaker_role))
        if m.meeting:
            self.add(r, KG.meeting, zh(m.meeting))
        if m.level:
            self.add(r, KG.level, _lit(m.level))
        if t.path:
            self.add(r, KG.sourceFile, _lit(PurePath(t.path).name))
        if t.sha256:
            self.add(r, KG.sha256, _lit(t.sha256))
        self.add(r, DCTERMS.format, _lit(t.media_type))
        self.add(r, KG.encoding, _lit(t.encoding))
        self.add(r, DCTERMS.language, _lit("zh"))
        # the government and its jurisdiction (shared across its reports)
        g = self.gov
        self.add(g, RDF.type, KG.Government)
        self.add(g, RDF.type, KG.Organization)
        self.add(g, RDF.type, ORG.Organization)
        self.add(g, RDFS.label, zh(_label(self.gov_key)))
        self.add(g, KG.government, g)  # a government is in its own scope
        if m.level:
            self.add(g, KG.level, _lit(m.level))
        if self.place is not None:
            self.add(g, KG.jurisdiction, self.place)
            self.place_node(self.place, m.place or "", KG.AdministrativeArea)
            for parent in m.parent_places:
                if parent and _nk(parent):
                    p = self.iri_of(self.minter.place(self.gov_key, parent, "admin"))
                    if p != self.place:
                        self.place_node(p, parent, KG.AdministrativeArea)
                        self.add(self.place, KG.partOf, p)

    def _place_class(self, iri: URIRef) -> URIRef:
        """kg:AdministrativeArea for a division the gazetteer keyed, else kg:Place."""
        return KG.AdministrativeArea if str(iri).startswith(self.minter.base + "division/") else KG.Place

    def name(self, iri: URIRef, name: str) -> str:
        """Label a thing: a division by its one gazetteer name (the name used here, when
        another form, becomes an altLabel: 深圳 → 深圳市); anything else by ``name``."""
        official = self.minter.division_name(str(iri)) or name
        self.add(iri, RDFS.label, zh(official))
        if name != official and _nk(name):
            self.add(iri, SKOS.altLabel, zh(name))
        return official

    def place_node(self, iri: URIRef, name: str, cls: URIRef) -> None:
        if not self.once(str(iri) + "#place"):
            return
        self.add(iri, RDF.type, KG.NamedThing)
        self.add(iri, RDF.type, KG.Place)
        self.add(iri, RDF.type, cls)
        self.name(iri, name)
        self.add(iri, KG.government, self.gov)

    def structure(self) -> None:
        rep, r = self.report_obj, self.iri
        for part in rep.parts:
            p = self.iri_of(self.minter.part(r, part.number))
            self.add(p, RDF.type, KG.Part)
            self.add(p, KG.number, _lit(part.number))
            self.add(p, DCTERMS.title, zh(part.title))
            self.add(p, RDFS.label, zh(part.title))
            self.add(p, KG.role, ROLE.get(part.role, KG.OtherPart))
            self.add(p, KG.start, _lit(part.heading_start))
            self.add(p, KG.end, _lit(max(part.body_end, part.heading_start)))
            if part.numeral:
                self.add(p, KG.numeral, _lit(part.numeral))
            self.add(p, KG.headingDefect, _lit(bool(part.heading_defect)))
            self.add(p, DCTERMS.isPartOf, r)
            self.add(p, KG.inReport, r)
            for sec in part.sections:
                s = self.iri_of(self.minter.section(r, sec.part, sec.number))
                self.add(s, RDF.type, KG.Section)
                self.add(s, KG.number, _lit(sec.number))
                self.add(s, KG.sectionKey, _lit(sec.key))
                self.add(s, DCTERMS.title, zh(sec.title))
                self.add(s, RDFS.label, zh(sec.title))
                self.add(s, KG.start, _lit(sec.heading_start))
                self.add(s, KG.end, _lit(max(sec.body_end, sec.heading_start)))
                if sec.numeral:
                    self.add(s, KG.numeral, _lit(sec.numeral))
                self.add(s, KG.headingDefect, _lit(bool(sec.heading_defect)))
                self.add(s, DCTERMS.isPartOf, p)
                self.add(s, KG.inPart, p)
                self.add(s, KG.inReport, r)
                for i, sub in enumerate(sec.subsections, 1):
                    u = self.iri_of(self.minter.subsection(s, i))
                    self.add(u, RDF.type, KG.Subsection)
                    self.add(u, KG.position, _lit(i))
                    self.add(u, DCTERMS.title, zh(sub.title))
                    self.add(u, RDFS.label, zh(sub.title))
                    self.add(u, KG.start, _lit(sub.start))
                    self.add(u, KG.end, _lit(sub.end))
                    self.add(u, KG.headingDefect, _lit(bool(sub.run_in)))
                    self.add(u, DCTERMS.isPartOf, s)
                    self.add(u, KG.inSection, s)
                    self.add(u, KG.inReport, r)
        for sent in rep.sentences:
            n = self.iri_of(self.minter.sentence(r, sent.start, sent.end))
            first = len(self.triples)
            self.add(n, RDF.type, KG.Sentence)
            self.add(n, KG.text, zh(sent.text))
            self.add(n, KG.start, _lit(sent.start))
            self.add(n, KG.end, _lit(sent.end))
            self.add(n, KG.inReport, r)
            part, sec = rep.locate(sent.start)
            sec_iri = None if sec is None else self.iri_of(self.minter.section(r, sec.part, sec.number))
            part_iri = None if part is None else self.iri_of(self.minter.part(r, part.number))
            self.add(n, KG.inSection, sec_iri)
            self.add(n, KG.inPart, part_iri)
            self.block(first, _sentence_block(n, r, sent.start, sent.end, sent.text, sec_iri, part_iri))

    # ------------------------------------------------------------------ glossary
    def glossary(self) -> None:
        rep, r = self.report_obj, self.iri
        terms: dict[tuple[int, int], GlossaryTerm] = {}
        for t in self.analysis.glossary_terms:
            terms.setdefault((t.entry.start, t.entry.end), t)
        entries: dict[tuple[int, int], GlossaryEntry] = {}
        if rep.glossary is not None:
            for e in rep.glossary.entries:
                entries.setdefault((e.start, e.end), e)
        for key, t in terms.items():
            entries.setdefault(key, t.entry)
        if not entries:
            return
        gl = self.iri_of(self.minter.glossary(r))
        self.add(gl, RDF.type, KG.Glossary)
        self.add(gl, RDF.type, SKOS.ConceptScheme)
        title = rep.glossary.title if rep.glossary is not None else "名词解释"
        self.add(gl, DCTERMS.title, zh(title))
        self.add(gl, RDFS.label, zh(title))
        self.add(gl, DCTERMS.isPartOf, r)
        self.add(gl, KG.inReport, r)
        if rep.glossary is not None:
            self.add(gl, KG.start, _lit(rep.glossary.start))
            self.add(gl, KG.end, _lit(rep.glossary.end))
        used: set[str] = set()
        for key in sorted(entries):
            entry = entries[key]
            name = entry.key or entry.term
            if not _nk(name):
                continue
            iri = self.minter.glossary_term(r, name)
            if iri in used:  # two entries with one key: tell them apart by position
                iri = self.minter.glossary_term(r, f"{name}-{entry.start}")
            used.add(iri)
            self.term(self.iri_of(iri), gl, entry, terms.get(key))

    def term(self, t: URIRef, gl: URIRef, entry: GlossaryEntry, term: GlossaryTerm | None) -> None:
        self.add(t, RDF.type, KG.GlossaryTerm)
        self.add(t, RDF.type, SKOS.Concept)
        self.add(t, SKOS.inScheme, gl)
        self.add(t, SKOS.topConceptOf, gl)
        self.add(t, SKOS.prefLabel, zh(entry.term or entry.key))
        self.add(t, RDFS.label, zh(entry.term or entry.key))
        if entry.key:
            self.add(t, SKOS.notation, _lit(entry.key))
            if entry.key != entry.term:
                self.add(t, SKOS.altLabel, zh(entry.key))
        self.add(t, SKOS.definition, zh(entry.definition))
        if entry.number is not None:
            self.add(t, KG.number, _lit(entry.number))
        self.provenance(t, entry.start, entry.end)
        if entry.term_end > entry.term_start:
            self.add(t, KG.termSpan, self.span(entry.term_start, entry.term_end))
        if term is None:
            return
        for i, comp in enumerate(term.components, 1):
            c = self.iri_of(self.minter.component(t, i))
            self.add(t, KG.hasComponent, c)
            self.add(c, RDF.type, KG.GlossaryComponent)
            self.add(c, RDF.type, SKOS.Concept)
            self.add(c, SKOS.inScheme, gl)
            self.add(c, SKOS.broader, t)
            self.add(c, KG.position, _lit(i))
            if comp.symbol:
                self.add(c, SKOS.notation, _lit(comp.symbol))
            label = comp.meaning or comp.symbol or f"{entry.key} {i}"
            self.add(c, SKOS.prefLabel, zh(label))
            self.add(c, RDFS.label, zh(label))
            if comp.meaning:
                self.add(c, SKOS.definition, zh(comp.meaning))
            self.add(c, KG.inferred, _lit(bool(comp.inferred)))
            for j, member in enumerate(comp.members, 1):
                if not member.strip():
                    continue
                m = self.iri_of(self.minter.member(c, j))
                self.add(c, KG.hasMember, m)
                self.add(m, RDF.type, KG.GlossaryMember)
                self.add(m, RDF.type, SKOS.Concept)
                self.add(m, SKOS.inScheme, gl)
                self.add(m, SKOS.broader, c)
                self.add(m, KG.position, _lit(j))
                self.add(m, SKOS.prefLabel, zh(member))
                self.add(m, RDFS.label, zh(member))
                ent = self._by_name.get(_nk(member))
                if ent is not None:
                    self.add(m, KG.denotes, self.entity_iri(ent))
        for mention in term.mentions:
            self.mention(t, mention)

    # ------------------------------------------------------------------ entities
    def entity_iri(self, e: Entity) -> URIRef:
        cached = self._entity_iri.get(id(e))
        if cached is not None:
            return cached
        if e.type is EntityType.ORGANIZATION and _nk(e.name) == _nk(self.gov_key):
            iri = self.gov
        else:
            iri = self.iri_of(self.minter.entity(self.gov_key, e.type, e.name, e.subtype, e.aliases))
        self._entity_iri[id(e)] = iri
        return iri

    def entities(self) -> None:
        for e in self.analysis.entities:
            if not _nk(e.name):
                log.debug("skipping an entity with an empty name in %s", self.iri)
                continue
            iri = self.entity_iri(e)
            self.add(iri, RDF.type, KG.NamedThing)
            self.add(iri, RDF.type, ENTITY_CLASS[e.type])
            sub = subtype_class(e.type, e.subtype)  # an unknown subtype raises vocab.UnknownCode
            if sub is not None:
                self.add(iri, RDF.type, sub)
            official = self.name(iri, e.name)
            for a in e.aliases:
                if _nk(a) and a != official:
                    self.add(iri, SKOS.altLabel, zh(a))
            if e.subtype:
                self.add(iri, KG.subtype, _lit(e.subtype))
            self.add(iri, KG.government, self.gov)
            if e.mentions:
                self.add(iri, KG.mentionedIn, self.iri)
            if e.parent and _nk(e.parent) and _nk(e.parent) != _nk(e.name):
                self.parent(e, iri)
            for m in e.mentions:
                self.mention(iri, m)

    def parent(self, e: Entity, iri: URIRef) -> None:
        pe = self._by_name.get(_nk(e.parent or ""))
        if pe is not None:
            p_iri, p_type = self.entity_iri(pe), pe.type
        else:
            p_type = EntityType.ORGANIZATION if e.type is EntityType.ORGANIZATION else EntityType.PLACE
            p_iri = self.iri_of(self.minter.entity(self.gov_key, p_type, e.parent or "", "admin"))
            if p_type is EntityType.PLACE:
                self.place_node(p_iri, e.parent or "", self._place_class(p_iri))
            else:
                self.add(p_iri, RDF.type, KG.NamedThing)
                self.add(p_iri, RDF.type, KG.Organization)
                self.name(p_iri, e.parent or "")
                self.add(p_iri, KG.government, self.gov)
        if e.type is EntityType.ORGANIZATION and p_type is EntityType.ORGANIZATION:
            self.add(iri, ORG.subOrganizationOf, p_iri)
        elif e.type is EntityType.PLACE and p_type is EntityType.PLACE:
            self.add(iri, KG.partOf, p_iri)
        elif p_type is EntityType.PLACE:
            self.add(iri, KG.locatedIn, p_iri)
        else:
            self.add(iri, DCTERMS.isPartOf, p_iri)

    def mention(self, target: URIRef, m: Mention) -> None:
        if m.end <= m.start:
            return
        iri = self.iri_of(self.minter.mention(self.iri, m.start, m.end, target))
        if not self.once(str(iri)):
            return
        first = len(self.triples)
        self.triples += ((iri, RDF.type, KG.Mention), (iri, RDF.type, OA.Annotation), (iri, OA.hasBody, target),
                         (iri, OA.motivatedBy, OA.identifying))
        self.block(first, _mention_head(iri, target))
        span = self.provenance(iri, m.start, m.end)
        first = len(self.triples) - 3  # provenance's own three, after the span's
        self.add(iri, OA.hasTarget, span)
        if m.rule:
            self.add(iri, KG.extractedBy, _lit(m.rule))
        self.block(first, _mention_tail(iri, span, self.iri, m.rule))

    # ------------------------------------------------------------------ figures
    def quantities(self) -> None:
        for q in self.analysis.quantities:
            self.observation(q)

    def observation(self, q: Quantity) -> None:
        r = self.iri
        o = self.iri_of(self.minter.observation(r, q.indicator, q.start, q.end))
        if not self.once(str(o)):
            return
        self.add(o, RDF.type, KG.Observation)
        self.add(o, RDF.type, STATUS_CLASS[q.status])
        self.add(o, RDF.type, QB.Observation)
        if q.indicator and _nk(q.indicator):
            # one node per indicator key and government; the phrase stays on the observation
            # (not as altLabels of the shared node: a node's literals must not depend on
            # which reports were loaded, or an incremental Neo4j load would overwrite them)
            self.add(o, SOSA.observedProperty, self.indicator_node(q.indicator))
            self.add(o, KG.statedIndicator, zh(q.indicator))

        self.add(o, RDFS.label, zh(f"{q.indicator} {q.surface}".strip()))
        self.add(o, KG.surface, zh(q.surface))
        self.add(o, KG.statedValue, decimal_literal(q.value))
        if q.value_max is not None:
            self.add(o, KG.statedValueMax, decimal_literal(q.value_max))
        if q.period != "year":
            self.add(o, KG.period, _lit(q.period))
        self.add(o, KG.statedUnit, _lit(q.unit))
        if q.normalised_value is not None:
            self.add(o, KG.normalisedValue, decimal_literal(q.normalised_value))
        if q.normalised_unit:
            self.add(o, KG.normalisedUnit, _lit(q.normalised_unit))
        self.add(o, KG.kind, KIND[q.kind])
        if q.direction in DIRECTION:
            self.add(o, KG.direction, DIRECTION[q.direction])
        self.add(o, KG.status, STATUS[q.status])
        self.add(o, KG.qualifier, QUALIFIER[q.qualifier])
        if q.year is not None:
            self.add(o, KG.refYear, _lit(q.year))
        self.add(o, KG.refArea, self.place)
        self.add(o, KG.government, self.gov)
        if q.section:
            self.add(o, KG.sectionKey, _lit(q.section))
            sec = self._section_by_key(q.section)
            if sec is not None:
                self.add(o, KG.inSection, sec)
        self.provenance(o, q.start, q.end)
        if q.indicator_start is not None and q.indicator_end is not None and q.indicator_end > q.indicator_start:
            self.add(o, KG.indicatorSpan, self.span(q.indicator_start, q.indicator_end))

    def indicator_node(self, name: str) -> URIRef:
        """The government's node for indicator ``name`` (described once)."""
        key = indicator_label(name)
        ind = self.iri_of(self.minter.indicator(self.gov_key, name))
        if self.once(str(ind)):
            self.add(ind, RDF.type, KG.Indicator)
            self.add(ind, RDF.type, SKOS.Concept)
            self.add(ind, SKOS.prefLabel, zh(key))
            self.add(ind, RDFS.label, zh(key))
            self.add(ind, SKOS.notation, _lit(key))
            self.add(ind, KG.government, self.gov)
        return ind

    def absences(self) -> None:
        """"没有提出全年经济增速具体目标": the plan year's explicit absence of a target, so a
        query tells it apart from a target kg failed to extract (kg.indicators.absent_targets)."""
        from kg.indicators import absent_targets

        for a in absent_targets(self.report_obj):
            node = self.iri_of(f"{self.iri}/absence/{a.start}-{a.end}")
            if a.year is None or not self.once(str(node)):
                continue
            self.add(node, RDF.type, KG.TargetAbsence)
            self.add(node, SOSA.observedProperty, self.indicator_node(a.indicator_key))
            self.add(node, KG.refYear, _lit(a.year))
            self.add(node, KG.government, self.gov)
            self.provenance(node, a.start, a.end)

    def _section_by_key(self, key: str) -> URIRef | None:
        if self._sections_by_key is None:  # built once per report (was a scan per observation)
            self._sections_by_key = {}
            for s in self.report_obj.sections:
                self._sections_by_key.setdefault(s.key, s)
        s = self._sections_by_key.get(key)
        return None if s is None else self.iri_of(self.minter.section(self.iri, s.part, s.number))

    # ------------------------------------------------------------------ relations
    def relations(self) -> None:
        for rel in self.analysis.relations:
            pred = relation_property(rel.predicate)  # an unknown predicate raises vocab.UnknownCode
            subj = self._by_name.get(_nk(rel.subject))
            if subj is None or not _nk(rel.object):
                log.debug("skipping relation %s %s %s: unknown subject", rel.subject, rel.predicate, rel.object)
                continue
            s = self.entity_iri(subj)
            obj = self._by_name.get(_nk(rel.object))
            if obj is not None:
                o = self.entity_iri(obj)
            else:
                otype = RELATION_OBJECT_TYPE[rel.predicate]
                o = self.iri_of(self.minter.entity(self.gov_key, otype, rel.object, "admin"))
                self.add(o, RDF.type, KG.NamedThing)
                self.add(o, RDF.type, ENTITY_CLASS[otype])
                if otype is EntityType.PLACE:
                    self.add(o, RDF.type, self._place_class(o))
                self.name(o, rel.object)
                self.add(o, KG.government, self.gov)
            self.add(s, pred, o)
            a = self.iri_of(self.minter.relation(self.iri, str(s), str(pred), str(o), rel.start, rel.end))
            if not self.once(str(a)):
                continue
            self.add(a, RDF.type, KG.RelationAssertion)
            self.add(a, RDF.type, RDF.Statement)
            self.add(a, RDF.subject, s)
            self.add(a, RDF.predicate, pred)
            self.add(a, RDF.object, o)
            self.provenance(a, rel.start, rel.end)
            if rel.rule:
                self.add(a, KG.extractedBy, _lit(rel.rule))


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date) if _ISO_DATE.match(value) else Literal(value)


def _label(key: str) -> str:
    return key


def analysis_triples(analysis: Analysis, base_iri: str | None = None, *, minter: Minter | None = None) -> list[Triple]:
    """The triples of one analysis, in a stable order (may repeat a triple)."""
    return analysis_triples_minted(analysis, minter or Minter.create(base_iri))[0]


def analysis_triples_minted(analysis: Analysis, m: Minter) -> tuple[list[Triple], dict[str, URIRef]]:
    """:func:`analysis_triples` and the IRIs its builder minted from plain strings rdflib
    accepts as they are (:meth:`_ReportBuilder.iri_of`): a writer need not check those
    again (``_IRI_BAD``), and an equal IRI of the triples is one of these objects."""
    triples, minted, _blocks = analysis_triples_blocks(analysis, m)
    return triples, minted


def analysis_triples_blocks(analysis: Analysis, m: Minter
                            ) -> tuple[list[Triple], dict[str, URIRef], list[tuple[int, int, Block]]]:
    """:func:`analysis_triples_minted` and the runs of the triples whose N-Triples lines
    the builder wrote whole (:attr:`_ReportBuilder.blocks`)."""
    # making the triples creates no reference cycles, but tens of thousands of tuples and
    # terms that live on in the list: the cyclic collector, triggered by their number,
    # walked the growing list again and again (a third of this function's time)
    enabled = gc.isenabled()
    gc.disable()
    try:
        b = _ReportBuilder(analysis, m)
        return b.build(), b.minted, b.blocks
    finally:
        if enabled:
            gc.enable()


def report_iri(analysis: Analysis | Report, base_iri: str | None = None) -> URIRef:
    """The IRI the graph gives this report (government + delivery date, else year + checksum)."""
    report = analysis.report if isinstance(analysis, Analysis) else analysis
    return URIRef(Minter.create(base_iri).report_of(report))


def analysis_to_graph(analysis: Analysis, base_iri: str | None = None, *, graph: Graph | None = None) -> Graph:
    """One report's analysis as an rdflib Graph under the kg ontology (prefixes bound)."""
    g = graph if graph is not None else bind_prefixes(Graph())
    for t in analysis_triples(analysis, base_iri):
        g.add(t)
    return g


def build_graph(analyses: Iterable[Analysis], base_iri: str | None = None) -> Graph:
    """One graph from many analyses; shared nodes (governments, places, indicators) merge."""
    from kg.links import with_links  # plan-year targets and their outcomes, across reports

    minter = Minter.create(base_iri)
    g = bind_prefixes(Graph())
    for _rep, triples in with_links((minter.report_of(a.report), analysis_triples(a, minter=minter)) for a in analyses):
        for t in triples:
            g.add(t)
    return g


def iter_triples(analyses: Iterable[Analysis], base_iri: str | None = None) -> Iterator[Triple]:
    """The triples of many analyses, streamed, each triple once (see :func:`unique_triples`)."""
    from kg.links import with_links  # plan-year targets and their outcomes, across reports

    minter = Minter.create(base_iri)
    return unique_triples(with_links((minter.report_of(a.report), analysis_triples(a, minter=minter))
                                     for a in analyses))


def unique_triples(batches: Iterable[tuple[str, list[Triple]]]) -> Iterator[Triple]:
    """Stream (report IRI, triples) batches, dropping repeats.

    Only the triples of nodes shared between reports (governments, places, entities,
    indicators) are remembered across batches; everything under a report's IRI is unique
    to that report, so memory stays proportional to the shared vocabulary, not the corpus.
    """
    shared_seen: set[Triple] = set()
    for rep, triples in batches:
        prefix = rep + "/"
        local_seen: set[Triple] = set()
        for t in triples:
            s = str(t[0])
            seen = local_seen if (s == rep or s.startswith(prefix)) else shared_seen
            if t in seen:
                continue
            seen.add(t)
            yield t


def bcp47_case(tag: str) -> str:
    """A language tag in BCP 47's conventional case (``zh-hant-tw`` → ``zh-Hant-TW``).
    pyoxigraph lowercases tags (they are case-insensitive in RDF); rdflib compares them
    case-sensitively, so kg restores the usual form."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    private = parts[0].lower() == "x"
    for sub in parts[1:]:
        if private or sub.lower() == "x":
            private = True
            out.append(sub.lower())
        elif len(sub) == 4 and sub.isalpha():
            out.append(sub.title())
        elif len(sub) == 2 and sub.isalpha():
            out.append(sub.upper())
        else:
            out.append(sub.lower())
    return "-".join(out)


def from_ox(term):
    """An rdflib term for a pyoxigraph term (what :func:`kg.validate.read_quads` yields)."""
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=bcp47_case(term.language))
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"not an RDF term: {term!r}")
