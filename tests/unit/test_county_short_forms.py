"""County short forms in a provincial report: a county of the report's own province is
named by its short form even when its name once had a code under another province."""

from __future__ import annotations

from kg.loaders.entities import extract_entities
from kg.model import EntityType

from tests.unit.test_entities import _by_name, _one_sentence_report


def _names(body: str, place: str) -> dict:
    entities, _ = extract_entities(_one_sentence_report(body, place=place, parents=()))
    return _by_name(entities)


def test_counties_of_the_own_province_count_by_their_current_code():
    by = _names("推进澄迈、陵水城乡融合，", "海南省")
    assert by["澄迈"].type == EntityType.PLACE
    assert by["陵水"].type == EntityType.PLACE


def test_a_county_short_form_of_another_province_stays_unnamed():
    by = _names("推进澄迈、陵水城乡融合，", "湖北省")
    assert "澄迈" not in by and "陵水" not in by
