"""The typed records that flow between kg's stages.

read → structure → extract → resolve → triples. Each stage is a plain function taking
and returning these frozen records; nothing here knows of spaCy, RDF, Neo4j or the CLI.

Offsets: every ``start``/``end`` is a character offset into ``Text.text`` (the cleaned
text), half-open, so ``text.text[start:end] == surface`` always holds.  For plain-text
sources the cleaned text has the same length as the source (page chrome is blanked with
spaces, never cut), so offsets are also offsets into the file as decoded; for HTML,
``Text.source_span`` maps them back into the page's source.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter

_START = attrgetter("start")
"""A sentence's start offset: the key :meth:`Report.sentence_at` searches by."""


# --------------------------------------------------------------------------- text


@dataclass(frozen=True, slots=True)
class Text:
    """A decoded report with its page chrome removed, and a map back to the source."""

    source: str
    """The file as given, decoded (for HTML: the markup)."""
    text: str
    """The report text kg works on. Same length and offsets as ``source`` for plain text."""
    path: str | None = None
    encoding: str = "utf-8"
    media_type: str = "text/plain"
    sha256: str = ""
    """Checksum of the bytes as given (before decoding)."""
    offsets: tuple[int, ...] | None = None
    """None when offsets are the identity; else ``len(text) + 1`` source offsets."""
    chrome: tuple[tuple[int, int], ...] = ()
    """Ranges of ``text`` (blanked) that were page chrome, for the record."""

    def to_source(self, i: int) -> int:
        """The source offset of text offset ``i`` (0 <= i <= len(text))."""
        if self.offsets is None:
            return i
        return self.offsets[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_source(start), self.to_source(end)

    def line_col(self, i: int) -> tuple[int, int]:
        """1-based line and column of text offset ``i`` in the source, for messages."""
        s = self.to_source(i)
        line = self.source.count("\n", 0, s) + 1
        col = s - (self.source.rfind("\n", 0, s) + 1) + 1
        return line, col


# ---------------------------------------------------------------------- structure


class PartRole(StrEnum):
    REVIEW = "review"
    FIVE_YEAR_PLAN = "five_year_plan"
    PLAN = "plan"
    SELF_BUILDING = "self_building"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Defect:
    """Something wrong in the source that the parser worked around."""

    kind: str
    """A defect code (missing_numeral, garbled_numeral, truncated, run_in, numbering_gap,
    not_a_report…): the ``skos:notation`` of a ``kg:DefectKind``, :class:`kg.vocab.DefectKind`."""
    message: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    """Index into ``Report.paragraphs``."""


@dataclass(frozen=True, slots=True)
class Subsection:
    """A lead phrase opening a paragraph inside a section ("经济运行总体稳健。")."""

    title: str
    start: int
    end: int
    """Span of the title (without the closing punctuation)."""
    run_in: bool = False
    """True when the lead phrase runs into its paragraph with no punctuation."""

    @property
    def heading_defect(self) -> bool:
        return self.run_in


@dataclass(frozen=True, slots=True)
class Section:
    part: int
    number: int
    """1-based position within the part (inferred from position when the numeral is bad)."""
    title: str
    start: int
    end: int
    """Span of the title as printed, without the numeral."""
    heading_start: int
    """Start of the whole heading, numeral included."""
    body_end: int
    """End of the section's text (start of the next section/part or the end of the body)."""
    numeral: str | None = None
    """The numeral as printed ("一", "1"), None when missing."""
    numbered: bool = True
    heading_defect: bool = False
    defect: str | None = None
    subsections: tuple[Subsection, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.part}.{self.number}"


@dataclass(frozen=True, slots=True)
class Part:
    number: int
    title: str
    role: PartRole
    start: int
    end: int
    """Span of the title as printed, without the numeral."""
    heading_start: int
    body_end: int
    numeral: str | None = None
    heading_defect: bool = False
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    number: int | None
    term: str
    """The defined term, quotes removed ("1+3+N产业政策体系")."""
    key: str
    """The bare formula or short name a reader searches for ("1+3+N")."""
    definition: str
    start: int
    end: int
    """Span of the whole entry."""
    term_start: int
    term_end: int
    """Span of the term as printed (quotes included)."""
    definition_start: int
    definition_end: int


@dataclass(frozen=True, slots=True)
class Glossary:
    title: str
    start: int
    end: int
    entries: tuple[GlossaryEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportMeta:
    title: str | None = None
    government: str | None = None
    place: str | None = None
    parent_places: tuple[str, ...] = ()
    level: str | None = None
    """national | province | city | county | district, when it can be told."""
    speaker: str | None = None
    speaker_role: str | None = None
    delivery_date: str | None = None
    """ISO date."""
    meeting: str | None = None
    publish_date: str | None = None
    publisher: str | None = None
    review_year: int | None = None
    plan_year: int | None = None



@dataclass(frozen=True, slots=True)
class Report:
    text: Text
    meta: ReportMeta
    parts: tuple[Part, ...] = ()
    glossary: Glossary | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    defects: tuple[Defect, ...] = ()
    body_start: int = 0
    body_end: int = 0
    """The report body: from the greeting/first part to the glossary or the end."""

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for p in self.parts for s in p.sections)

    def locate(self, offset: int) -> tuple[Part | None, Section | None]:
        """The part and section that contain ``offset`` (section None in a preamble)."""
        part = None
        for p in self.parts:
            if p.heading_start <= offset < p.body_end:
                part = p
                break
        if part is None:
            return None, None
        for s in part.sections:
            if s.heading_start <= offset < s.body_end:
                return part, s
        return part, None

    def section_key(self, offset: int) -> str | None:
        """"part.number" of the section containing ``offset``; "p.0" in a preamble."""
        part, sec = self.locate(offset)
        if part is None:
            return None
        return sec.key if sec else f"{part.number}.0"

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, or None (a binary search over the sentences' starts)."""
        sentences = self.sentences
        i = bisect.bisect_right(sentences, offset, key=_START) - 1
        if i >= 0 and sentences[i].start <= offset < sentences[i].end:
            return sentences[i]
        return None


# -------------------------------------------------------------------------- facts


class Kind(StrEnum):
    AMOUNT = "amount"
    COUNT = "count"
    CHANGE = "change"
    RATIO = "ratio"


class Status(StrEnum):
    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"


class Qualifier(StrEnum):
    NONE = "none"
    APPROX = "approx"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure in the body, per GUIDELINES §4."""

    surface: str
    start: int
    end: int
    indicator: str
    value: Decimal
    """The number in the stated unit (2630.2 for 2630.2亿元)."""
    unit: str
    normalised_value: Decimal | None = None
    """The value in the base unit (2.6302E+11 for 2630.2亿元), when there is one."""
    normalised_unit: str | None = None
    kind: Kind = Kind.AMOUNT
    direction: str | None = None
    """up | down for changes."""
    status: Status = Status.ACTUAL
    year: int | None = None
    qualifier: Qualifier = Qualifier.NONE
    section: str | None = None
    """"part.number" ("1.2"; "1.0" for a part's preamble)."""
    indicator_start: int | None = None
    indicator_end: int | None = None
    """Span of the indicator phrase when it is a substring of the text."""
    value_max: Decimal | None = None
    """Upper end for ranges ("5%—6%")."""
    period: str = "year"
    """year | multi-year: the figure is about several years (a five-year review, 五年来,
    年均, 累计, "十四五"时期), so it is never one year's outcome."""


class EntityType(StrEnum):
    PLACE = "Place"
    ORGANIZATION = "Organization"
    PROGRAMME = "Programme"
    POLICY = "Policy"
    SECTOR = "Sector"


@dataclass(frozen=True, slots=True)
class Mention:
    surface: str
    start: int
    end: int
    rule: str | None = None
    """Id of the rule or model that found this mention (``kg.loaders`` pattern ids)."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One named thing in a report, with every place it is mentioned."""

    name: str
    """Fullest form in the text."""
    type: EntityType
    subtype: str | None = None
    """A subtype code (admin, port, company…): the ``skos:notation`` of a subclass of the
    type's class, :class:`kg.vocab.EntitySubtype` (an unknown one is an error in the graph)."""
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    parent: str | None = None
    """Name of the containing place/organisation when the text states it."""


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    """Entity name (``Entity.name``)."""
    predicate: str
    """part_of | located_in | organised_by | run_by | defined_in: the ``skos:notation`` of a
    kg property, :class:`kg.vocab.RelationPredicate` (an unknown one is an error in the graph)."""
    object: str
    start: int
    end: int
    """Span of the evidence in the text."""
    rule: str | None = None
    """Id of the rule that stated the relation."""


@dataclass(frozen=True, slots=True)
class GlossaryComponent:
    symbol: str | None
    """"5" in "1+5+3+N"; None for the parts of a non-formula term."""
    meaning: str
    members: tuple[str, ...] = ()
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A glossary entry as a vocabulary concept: its components and its body mentions."""

    entry: GlossaryEntry
    components: tuple[GlossaryComponent, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything kg extracted from one report."""

    report: Report
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    glossary_terms: tuple[GlossaryTerm, ...] = ()
    extractors: tuple[str, ...] = field(default=())
    """Names of the extractors that ran (a category with no extractor scores zero)."""
