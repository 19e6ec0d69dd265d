"""kg's RDF vocabulary (ontology/kg.ttl) as an rdflib ``DefinedNamespace``, plus the W3C
namespaces kg reuses.

Only terms defined in ontology/kg.ttl are listed (a test checks the two agree), so a typo
such as ``KG.Plase`` fails at import time instead of minting a term nobody defined.

The closed vocabularies the extractors speak in — entity subtypes (``admin``, ``port``…),
relation predicates (``part_of``…) and defect kinds (``missing_numeral``…) — are
``StrEnum``s built at import from the ``skos:notation`` codes of the ontology's terms, with
the term each code stands for (:data:`SUBTYPE_CLASS`, :data:`RELATION`,
:data:`RELATION_OBJECT_TYPE`, :data:`DEFECT`). A code the ontology does not define is an
:class:`UnknownCode` error (``EntitySubtype("prot")``, :func:`subtype_class`), never a
silent fallback to the bare class. The model's own enums (part roles, statuses, kinds,
qualifiers) carry the same codes; a test holds them equal to the ontology's.
"""

from __future__ import annotations

import functools
import importlib.resources
from enum import StrEnum

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, SOSA, VOID, XSD, DefinedNamespace

from kg.errors import KgError
from kg.model import EntityType

ONTOLOGY_IRI = "https://kg.example.org/ontology"
"""The ontology's own IRI; the vocabulary namespace is this plus ``#``."""

OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
QB = Namespace("http://purl.org/linked-data/cube#")
SPDX = Namespace("http://spdx.org/rdf/terms#")


class KG(DefinedNamespace):
    """Classes (PascalCase), individuals and properties (lowerCamelCase) of kg."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    Actual: URIRef
    ActualObservation: URIRef
    AdministrativeArea: URIRef
    Amount: URIRef
    Approximately: URIRef
    Association: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Block: URIRef
    Building: URIRef
    Change: URIRef
    Community: URIRef
    Company: URIRef
    Count: URIRef
    DefectKind: URIRef
    Direction: URIRef
    Down: URIRef
    EducationalOrganization: URIRef
    EmptyGlossary: URIRef
    Estimate: URIRef
    EstimateObservation: URIRef
    Exact: URIRef
    Exchange: URIRef
    FiguresOutsideParts: URIRef
    FiveYearPlanPart: URIRef
    GarbledNumeral: URIRef
    Glossary: URIRef
    GlossaryComponent: URIRef
    GlossaryMember: URIRef
    GlossaryTerm: URIRef
    Government: URIRef
    GovernmentBody: URIRef
    GreenSpace: URIRef
    HealthOrganization: URIRef
    Indicator: URIRef
    KeyArea: URIRef
    LessThan: URIRef
    LostParagraphBreak: URIRef
    Mention: URIRef
    MissingNumeral: URIRef
    MissingPartHeading: URIRef
    MoreThan: URIRef
    NamedThing: URIRef
    NoParts: URIRef
    NoPlanPart: URIRef
    NotAReport: URIRef
    NumberingGap: URIRef
    NumberingRestart: URIRef
    Observation: URIRef
    Organization: URIRef
    OtherPart: URIRef
    Part: URIRef
    PartOrder: URIRef
    PartRole: URIRef
    Place: URIRef
    PlanInReview: URIRef
    PlanPart: URIRef
    PlanWithoutTargets: URIRef
    Policy: URIRef
    Port: URIRef
    Programme: URIRef
    Qualifier: URIRef
    QuantityKind: URIRef
    Ratio: URIRef
    RelationAssertion: URIRef
    Report: URIRef
    ResearchOrganization: URIRef
    ReviewPart: URIRef
    RunIn: URIRef
    RunOnHeading: URIRef
    Section: URIRef
    Sector: URIRef
    SelfBuildingPart: URIRef
    Sentence: URIRef
    SinglePart: URIRef
    Status: URIRef
    Subsection: URIRef
    PlanTarget: URIRef
    Target: URIRef
    TargetAbsence: URIRef
    TargetObservation: URIRef
    TextSegment: URIRef
    TextSpan: URIRef
    TransportLink: URIRef
    Truncated: URIRef
    UnlinkedFootnotes: URIRef
    Up: URIRef
    WaterBody: URIRef
    definedIn: URIRef
    denotes: URIRef
    direction: URIRef
    encoding: URIRef
    end: URIRef
    evidenceReport: URIRef
    evidenceSentence: URIRef
    evidenceStart: URIRef
    evidenceText: URIRef
    extractedBy: URIRef
    glossaryTermCount: URIRef
    government: URIRef
    hasComponent: URIRef
    hasMember: URIRef
    headingDefect: URIRef
    inPart: URIRef
    inReport: URIRef
    inSection: URIRef
    inSentence: URIRef
    indicatorSpan: URIRef
    inferred: URIRef
    jurisdiction: URIRef
    keptDirection: URIRef
    keptGovernment: URIRef
    keptIndicator: URIRef
    keptKey: URIRef
    keptNormalisedValue: URIRef
    keptQualifier: URIRef
    keptSentence: URIRef
    keptUnit: URIRef
    keptValue: URIRef
    keptValueMax: URIRef
    keptYear: URIRef
    kind: URIRef
    level: URIRef
    locatedIn: URIRef
    meeting: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
    mentionedInSentence: URIRef
    nameBigram: URIRef
    namedInTitleMarks: URIRef
    normalisedUnit: URIRef
    normalisedValue: URIRef
    number: URIRef
    numeral: URIRef
    observationCount: URIRef
    organisationCount: URIRef
    observationStructure: URIRef
    organisedBy: URIRef
    outcome: URIRef
    pairedActual: URIRef
    pairedIndicator: URIRef
    pairedQualifier: URIRef
    pairedReport: URIRef
    pairedStart: URIRef
    pairedUnit: URIRef
    pairedValue: URIRef
    pairedYear: URIRef
    partCount: URIRef
    partOf: URIRef
    period: URIRef
    placeCount: URIRef
    planYear: URIRef
    policyCount: URIRef
    position: URIRef
    programmeCount: URIRef
    qualifier: URIRef
    refArea: URIRef
    refYear: URIRef
    reviewYear: URIRef
    role: URIRef
    runBy: URIRef
    sectionKey: URIRef
    sectionCount: URIRef
    sectorCount: URIRef
    sentenceCount: URIRef
    sha256: URIRef
    sourceFile: URIRef
    span: URIRef
    speaker: URIRef
    speakerRole: URIRef
    start: URIRef
    statedIndicator: URIRef
    statedUnit: URIRef
    statedValue: URIRef
    statedValueMax: URIRef
    status: URIRef
    subtype: URIRef
    surface: URIRef
    termSpan: URIRef
    text: URIRef


PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(ONTOLOGY_IRI + "#"),
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "void": VOID,
    "prov": PROV,
    "oa": OA,
    "org": ORG,
    "schema": SCHEMA,
    "geo": GEO,
    "qb": QB,
    "sosa": SOSA,
    "spdx": SPDX,
}
"""The prefixes kg binds in every graph and dump."""



# ------------------------------------------------------------ closed vocabularies


class UnknownCode(KgError, ValueError):
    """A subtype, predicate or defect code that ontology/kg.ttl does not define."""


class Code(StrEnum):
    """A closed vocabulary of ``skos:notation`` codes; an unknown code raises
    :class:`UnknownCode` naming the codes the ontology defines."""

    @classmethod
    def _missing_(cls, value: object) -> None:
        raise UnknownCode(
            f"{value!r} is not a {cls.__name__} defined in ontology/kg.ttl "
            f"(skos:notation codes: {', '.join(m.value for m in cls)})"
        )


@functools.cache
def ontology() -> Graph:
    """ontology/kg.ttl, parsed once (read through importlib.resources: works from a wheel)."""
    g = Graph()
    with importlib.resources.files("kg.ontology").joinpath("kg.ttl").open("rb") as f:
        g.parse(f, format="turtle")
    return g


def _notations(g: Graph) -> dict[URIRef, str]:
    """Every kg term with a ``skos:notation``, and its code."""
    kg = str(KG)
    return {s: str(o) for s, o in g.subject_objects(SKOS.notation) if str(s).startswith(kg)}


def _entity_type_of(g: Graph, cls: URIRef) -> EntityType | None:
    """The :class:`EntityType` a class is or directly specialises (kg:Port → Place)."""
    types = {str(KG) + t.value: t for t in EntityType}
    for c in (cls, *g.objects(cls, RDFS.subClassOf)):
        if str(c) in types:
            return types[str(c)]
    return None


def _vocabularies(g: Graph) -> tuple[
    dict[tuple[EntityType, str], URIRef], dict[str, URIRef], dict[str, EntityType], dict[str, URIRef]
]:
    """Sort every notation by what its term is: a subclass of an entity class (or the
    class itself: kg:Organization is "other") gives a subtype, an object property a
    relation predicate (its object type from its range), a kg:DefectKind a defect kind."""
    codes = _notations(g)
    subtypes: dict[tuple[EntityType, str], URIRef] = {}
    relations: dict[str, URIRef] = {}
    objects: dict[str, EntityType] = {}
    defects: dict[str, URIRef] = {}
    for term, code in sorted(codes.items()):
        if (term, RDF.type, OWL.Class) in g and (etype := _entity_type_of(g, term)) is not None:
            subtypes[(etype, code)] = term
        elif (term, RDF.type, OWL.ObjectProperty) in g:
            relations[code] = term
            rng = next(g.objects(term, RDFS.range), None) or next(g.objects(term, SCHEMA.rangeIncludes), None)
            etype = _entity_type_of(g, rng) if rng is not None else None
            if etype is None:
                raise ValueError(f"ontology/kg.ttl: relation {term} (skos:notation {code!r}) has no entity class as its range")
            objects[code] = etype
        elif (term, RDF.type, KG.DefectKind) in g:
            defects[code] = term
    return subtypes, relations, objects, defects


SUBTYPE_CLASS, RELATION, RELATION_OBJECT_TYPE, DEFECT = _vocabularies(ontology())
"""(entity type, subtype code) → class; relation code → property; relation code → the
type of its object; defect code → individual. All read from ontology/kg.ttl."""


def _code_enum(name: str, codes: object, doc: str) -> type[Code]:
    enum = Code(name, [(c.upper(), c) for c in sorted(set(codes))], module=__name__)  # type: ignore[call-overload]
    enum.__doc__ = doc
    return enum


EntitySubtype = _code_enum(
    "EntitySubtype", (code for _type, code in SUBTYPE_CLASS),
    "Subtype codes of places and organisations (the skos:notation of kg:Port, kg:Company…).",
)
RelationPredicate = _code_enum(
    "RelationPredicate", RELATION, "Relation predicates (the skos:notation of kg:partOf, kg:locatedIn…).",
)
DefectKind = _code_enum(
    "DefectKind", DEFECT, "Defect kinds (the skos:notation of the individuals of kg:DefectKind).",
)


def subtype_class(type: EntityType | str, subtype: str | None) -> URIRef | None:
    """The class of an entity of ``type`` with ``subtype`` (None when it has no subtype).

    Raises :class:`UnknownCode` for a subtype the ontology does not define for that type:
    a mistyped ``"prot"`` is an error, not a place of no particular kind."""
    if not subtype:
        return None
    etype = EntityType(type)
    cls = SUBTYPE_CLASS.get((etype, EntitySubtype(subtype)))
    if cls is None:
        raise UnknownCode(
            f"subtype {subtype!r} is not defined for {etype.value} in ontology/kg.ttl "
            f"(its codes: {', '.join(sorted(c for t, c in SUBTYPE_CLASS if t is etype)) or 'none'})"
        )
    return cls


def relation_property(predicate: str) -> URIRef:
    """The property of a relation predicate code (``part_of`` → kg:partOf); raises
    :class:`UnknownCode` for a code the ontology does not define."""
    return RELATION[RelationPredicate(predicate)]


__all__ = [
    "KG", "ONTOLOGY_IRI", "OA", "ORG", "SCHEMA", "GEO", "QB", "SPDX", "PREFIXES",
    "UnknownCode", "Code", "EntitySubtype", "RelationPredicate", "DefectKind",
    "SUBTYPE_CLASS", "RELATION", "RELATION_OBJECT_TYPE", "DEFECT", "subtype_class", "relation_property", "ontology",
]
