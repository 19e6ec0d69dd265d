"""kg's RDF vocabulary (ontology/kg.ttl) as an rdflib ``DefinedNamespace``, plus the W3C
namespaces kg reuses.

Only terms defined in ontology/kg.ttl are listed (a test checks the two agree), so a typo
such as ``KG.Plase`` fails at import time instead of minting a term nobody defined.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, SOSA, VOID, XSD, DefinedNamespace

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
    Direction: URIRef
    Down: URIRef
    EducationalOrganization: URIRef
    Estimate: URIRef
    EstimateObservation: URIRef
    Exact: URIRef
    Exchange: URIRef
    FiveYearPlanPart: URIRef
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
    Mention: URIRef
    MoreThan: URIRef
    NamedThing: URIRef
    Observation: URIRef
    Organization: URIRef
    OtherPart: URIRef
    Part: URIRef
    PartRole: URIRef
    Place: URIRef
    PlanPart: URIRef
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
    Section: URIRef
    Sector: URIRef
    SelfBuildingPart: URIRef
    Sentence: URIRef
    Status: URIRef
    Subsection: URIRef
    Target: URIRef
    TargetAbsence: URIRef
    TargetObservation: URIRef
    TextSegment: URIRef
    TextSpan: URIRef
    TransportLink: URIRef
    Up: URIRef
    WaterBody: URIRef
    definedIn: URIRef
    denotes: URIRef
    direction: URIRef
    encoding: URIRef
    end: URIRef
    extractedBy: URIRef
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
    kind: URIRef
    level: URIRef
    locatedIn: URIRef
    meeting: URIRef
    mentionedIn: URIRef
    normalisedUnit: URIRef
    normalisedValue: URIRef
    number: URIRef
    numeral: URIRef
    observationStructure: URIRef
    organisedBy: URIRef
    partOf: URIRef
    period: URIRef
    planYear: URIRef
    position: URIRef
    qualifier: URIRef
    refArea: URIRef
    refYear: URIRef
    reviewYear: URIRef
    role: URIRef
    runBy: URIRef
    sectionKey: URIRef
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

__all__ = ["KG", "ONTOLOGY_IRI", "OA", "ORG", "SCHEMA", "GEO", "QB", "SPDX", "PREFIXES"]
