"""kg.keys: the one pure module where names, entities, indicators, reports and years are keyed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg import keys
from kg.keys import (
    complete_years,
    entity_key,
    government_key,
    indicator_key,
    normalise_name,
    report_key,
    report_year,
    report_years,
    year_of_date,
)
from kg.model import Entity, EntityType, Part, PartRole, Report, ReportMeta, Text


def _report(meta: ReportMeta, parts: tuple[Part, ...] = (), sha: str = "ab" * 32) -> Report:
    return Report(text=Text(source="x", text="x", sha256=sha), meta=meta, parts=parts)


def _part(number: int, title: str, role: PartRole) -> Part:
    return Part(number=number, title=title, role=role, start=0, end=1, heading_start=0, body_end=1)


# ------------------------------------------------------------------ the boundary


def test_keys_import_nothing_from_the_extractors_or_an_rdf_library():
    code = (
        "import sys, kg.keys; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'pyoxigraph', 'spacy', 'jieba')"
        " or m.startswith('kg.loaders')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_extractors_and_iri_share_the_same_key_functions():
    import kg.indicators
    import kg.iri
    import kg.loaders.quantities
    import kg.loaders.resolve

    assert kg.loaders.quantities.indicator_key is keys.indicator_key
    assert kg.loaders.quantities.report_years is keys.report_years
    assert kg.loaders.resolve.normalise is keys.normalise_name
    assert kg.iri.normalise_key is keys.normalise_key
    assert kg.iri.report_key is keys.report_key and kg.iri.government_key is keys.government_key


# -------------------------------------------------------------------- entities


def test_entity_key_is_scoped_by_government_type_and_normalised_name():
    a = Entity(name="“青松”湖 公园", type=EntityType.PLACE, subtype="green")
    b = Entity(name="青松湖公园", type=EntityType.PLACE, subtype="green")
    assert entity_key(a, "甲区人民政府") == entity_key(b, "甲区人民政府") == "甲区人民政府/Place/青松湖公园"
    assert entity_key(b, "乙区人民政府") != entity_key(b, "甲区人民政府")
    assert entity_key(Entity(name="青松湖公园", type=EntityType.PROGRAMME), "甲区人民政府") != entity_key(b, "甲区人民政府")
    assert entity_key(b, None) == "_/Place/青松湖公园"


def test_entity_key_of_a_division_is_its_code_when_the_lookup_knows_one():
    codes = {"甲市": "990100"}.get  # a gazetteer of one division
    short = Entity(name="甲", type=EntityType.PLACE, subtype="admin", aliases=("甲市",))
    assert entity_key(short, "乙区人民政府", codes) == "division/990100"
    assert entity_key(short, "乙区人民政府") == "乙区人民政府/Place/甲"  # no lookup: no division
    not_admin = Entity(name="甲市", type=EntityType.PLACE, subtype="area")
    assert entity_key(not_admin, None, codes) == "_/Place/甲市"


def test_normalise_name_drops_quotes_title_marks_and_every_space():
    assert normalise_name("《青松区 促进办法》") == normalise_name("青松区促进办法") == "青松区促进办法"
    assert normalise_name("ＧＤＰ　增长") == "GDP增长"


# ------------------------------------------------------------------ indicators


@pytest.mark.parametrize(
    "phrase", ["地区生产总值增长", "全市地区生产总值", "国内生产总值", "GDP", "2024年地区生产总值(GDP)"]
)
def test_indicator_key_unifies_the_headline_output_measure(phrase):
    assert indicator_key(phrase) == "生产总值"


def test_indicator_key_drops_framing_words_and_keeps_the_rest():
    assert indicator_key("全年城镇居民人均可支配收入增长") == "城镇居民人均可支配收入"
    assert indicator_key("") == ""


# ----------------------------------------------------------------------- years


def test_year_of_date_reads_an_iso_date_and_nothing_else():
    assert year_of_date("2024-03-05") == 2024
    assert year_of_date(None) is None and year_of_date("") is None and year_of_date("三月五日") is None


@pytest.mark.parametrize(
    "review, plan, delivered, expected",
    [
        (2023, None, None, (2023, 2024)),
        (None, 2024, None, (2023, 2024)),
        (None, None, 2025, (2024, 2025)),
        (2023, None, 2030, (2023, 2024)),  # a printed year beats the delivery date
        (2019, 2021, None, (2019, 2021)),  # both printed: kept as printed
        (None, None, None, (None, None)),
    ],
)
def test_complete_years_fills_in_the_year_the_text_left_out(review, plan, delivered, expected):
    assert complete_years(review, plan, delivered) == expected


def test_report_years_fall_back_to_part_titles_then_the_delivery_date():
    parts = (_part(1, "2022年工作回顾", PartRole.REVIEW), _part(2, "今年工作安排", PartRole.PLAN))
    assert report_years(_report(ReportMeta(), parts)) == (2022, 2023)
    assert report_years(_report(ReportMeta(review_year=2010, plan_year=2011), parts)) == (2010, 2011)
    assert report_years(_report(ReportMeta(delivery_date="2024-01-09"))) == (2023, 2024)
    assert report_years(_report(ReportMeta())) == (None, None)


def test_report_year_is_the_plan_year_else_review_plus_one_else_delivery_else_undated():
    assert report_year(_report(ReportMeta(plan_year=2024, review_year=2023))) == "2024"
    assert report_year(_report(ReportMeta(review_year=2023))) == "2024"
    assert report_year(_report(ReportMeta(delivery_date="2025-02-01"))) == "2025"
    assert report_year(_report(ReportMeta(), sha="0123456789abcdef" * 4)) == "undated-0123456789ab"


# --------------------------------------------------------------------- reports


def test_report_key_is_the_delivery_date_else_year_and_checksum():
    sha = "3f9a02c1" + "0" * 56
    assert report_key(_report(ReportMeta(delivery_date="2024-01-09", plan_year=2024), sha=sha)) == "2024-01-09"
    assert report_key(_report(ReportMeta(plan_year=2024), sha=sha)) == "2024-3f9a02c1"
    assert report_key(_report(ReportMeta(), sha=sha)) == "undated-3f9a02c10000"


def test_government_key_is_the_government_else_the_place_else_the_checksum():
    sha = "c0ffee" + "1" * 58
    assert government_key(_report(ReportMeta(government="甲区人民政府", place="甲区"))) == "甲区人民政府"
    assert government_key(_report(ReportMeta(place="甲区"))) == "甲区"
    assert government_key(_report(ReportMeta(government="“ ”"), sha=sha)) == "unknown-c0ffee111111"
