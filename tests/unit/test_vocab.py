"""kg.vocab's closed vocabularies: StrEnums built from the ontology's skos:notation codes."""

from __future__ import annotations

import importlib.resources
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, SKOS

from kg.errors import KgError
from kg.model import Analysis, Entity, EntityType, Kind, PartRole, Qualifier, Relation, Status
from kg.vocab import (
    KG,
    DefectKind,
    EntitySubtype,
    RelationPredicate,
    UnknownCode,
    ontology,
    relation_property,
    subtype_class,
)


def _notations_of(scheme) -> set[str]:
    g = ontology()
    return {str(n) for t in g.subjects(RDF.type, scheme) for n in g.objects(t, SKOS.notation)}


# ------------------------------------------------------------ unknown codes fail


def test_a_mistyped_subtype_is_an_error_naming_the_codes_the_ontology_defines():
    with pytest.raises(UnknownCode, match=r"'prot' is not a EntitySubtype .*\bport\b"):
        EntitySubtype("prot")
    assert issubclass(UnknownCode, KgError) and issubclass(UnknownCode, ValueError)


def test_a_subtype_of_another_type_is_an_error_not_a_bare_place():
    assert subtype_class(EntityType.PLACE, "port") == KG.Port
    assert subtype_class("Organization", "company") == KG.Company
    assert subtype_class(EntityType.PLACE, None) is None
    with pytest.raises(UnknownCode, match="'company' is not defined for Place"):
        subtype_class(EntityType.PLACE, "company")


def test_a_mistyped_relation_predicate_is_an_error():
    assert relation_property("part_of") == KG.partOf
    assert relation_property(RelationPredicate.ORGANISED_BY) == KG.organisedBy
    with pytest.raises(UnknownCode, match="'partof' is not a RelationPredicate"):
        relation_property("partof")


def test_an_unknown_defect_kind_is_an_error():
    assert DefectKind("missing_numeral") is DefectKind.MISSING_NUMERAL
    with pytest.raises(UnknownCode):
        DefectKind("missing-numeral")


def test_the_graph_refuses_an_entity_with_a_mistyped_subtype_or_relation():
    import importlib.util

    from kg.rdf import analysis_to_graph

    spec = importlib.util.spec_from_file_location(
        "rdf_synthetic", Path(__file__).resolve().parent.parent / "fixtures" / "rdf_synthetic.py")
    syn = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(syn)
    a: Analysis = syn.analysis_2023()
    assert len(analysis_to_graph(a)) > 0  # the fixture as it is builds
    bad = replace(a, entities=(*a.entities, Entity(name="青禾码头", type=EntityType.PLACE, subtype="prot")))
    with pytest.raises(UnknownCode, match="prot"):
        analysis_to_graph(bad)
    first = a.entities[0].name
    bad = replace(a, relations=(Relation(subject=first, predicate="partof", object=first, start=0, end=1),))
    with pytest.raises(UnknownCode, match="partof"):
        analysis_to_graph(bad)


# ------------------------------------------------- the codes agree with the ontology


def test_subtypes_are_the_annotation_standards_codes():
    # GUIDELINES §5: the Place and Organization subtypes of the answer-key format
    assert {m.value for m in EntitySubtype} == {
        "admin", "area", "port", "block", "community", "green", "water", "transport", "building",
        "government", "company", "education", "health", "research", "association", "exchange", "other",
    }
    assert {m.value for m in RelationPredicate} == {"part_of", "located_in", "organised_by", "run_by", "defined_in"}


def test_model_enums_carry_the_notations_of_their_ontology_individuals():
    assert {m.value for m in PartRole} == _notations_of(KG.PartRole)
    assert {m.value for m in Status} == _notations_of(KG.Status)
    assert {m.value for m in Kind} == _notations_of(KG.QuantityKind)
    assert {m.value for m in Qualifier} == _notations_of(KG.Qualifier)
    assert {m.value for m in DefectKind} == _notations_of(KG.DefectKind)


def test_every_type_and_subtype_in_the_extractors_data_is_defined():
    data = importlib.resources.files("kg.loaders") / "data"
    labels: list[str] = []
    for line in (data / "entity_suffixes.tsv").read_text("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[1] == "-":
            continue
        labels.append(f"{cols[1]}/{cols[2]}" if cols[2] else cols[1])
    for name in ("categories.tsv", "bodies.tsv"):
        for line in (data / name).read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                labels.append(line.split("\t")[1])
    for f in (data / "patterns").iterdir():
        if f.name.endswith(".jsonl"):
            rows = [x for x in f.read_text("utf-8").splitlines() if x.strip() and not x.startswith("//")]
            labels += [json.loads(x)["label"] for x in rows]
    labels = [x for x in labels if x not in ("-", "<")]
    assert len(labels) > 200
    for label in labels:
        etype, _, sub = label.partition("/")
        EntityType(etype)
        if sub:
            subtype_class(etype, sub)  # raises UnknownCode when the ontology lacks it


def test_every_defect_the_parser_and_checks_report_on_the_synthetic_reports_is_defined():
    import kg.checks
    from kg import pipeline

    fixtures = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.txt"))
    seen: set[str] = set()
    for path in fixtures:
        report = pipeline.parse(path)
        for d in (*report.defects, *kg.checks.check_report(report)):
            assert d.kind in set(DefectKind), (path.name, d.kind)
            seen.add(d.kind)
    assert len(seen) >= 2, seen
    assert set(kg.checks.CHECK_KINDS) <= set(DefectKind)
