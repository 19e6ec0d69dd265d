"""IRI minting: normalised keys, one IRI per thing, valid IRIs, deterministic everywhere."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError
from kg.iri import (
    DEFAULT_BASE_IRI,
    Minter,
    encode_segment,
    indicator_label,
    normalise_key,
    report_key,
    resolve_base_iri,
    segment,
)
from kg.model import EntityType, Report, ReportMeta, Text

GOV = "江川市青禾区人民政府"
_NOT_IN_IRI = set(' <>"{}|\\^`\t\r\n')


def _valid_iri(iri: str) -> bool:
    return iri.startswith(("http://", "https://")) and not any(
        ch in _NOT_IN_IRI or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in iri
    )


def test_normalise_key_drops_quotes_title_marks_and_layout_spaces():
    assert normalise_key("“1+5+3+N”大兵团作战机制") == normalise_key('"1+5+3+N" 大兵团作战机制')
    assert normalise_key("《青禾区促进产业发展若干措施》") == "青禾区促进产业发展若干措施"
    assert normalise_key("清水河　片区") == "清水河片区"  # ideographic space


def test_normalise_key_folds_full_width_forms_with_nfkc():
    assert normalise_key("ＰＭ２．５年均浓度") == "PM2.5年均浓度"


def test_normalise_key_keeps_latin_word_boundaries_and_case():
    assert normalise_key("New  York City") == "New_York_City"
    assert normalise_key("GDP") != normalise_key("gdp")


def test_segment_keeps_chinese_and_percent_encodes_unsafe_ascii():
    assert segment("清水河片区") == "清水河片区"
    assert segment("1+5+3+N") == "1%2B5%2B3%2BN"
    assert segment("a/b c") == "a%2Fb_c"
    assert encode_segment("100%") == "100%25"


def test_segment_refuses_an_empty_name():
    with pytest.raises(ValueError):
        segment(" “” ")


def test_same_place_of_same_government_gets_one_iri_across_spellings():
    m = Minter.create()
    assert m.place(GOV, "“白石”片区") == m.place(GOV, "白石 片区") == m.place(GOV, "白石片区")


def test_same_name_under_two_governments_gets_two_iris():
    m = Minter.create()
    assert m.place(GOV, "东湖公园") != m.place("江川市人民政府", "东湖公园")


def test_entity_types_are_kept_apart():
    m = Minter.create()
    assert m.entity(GOV, EntityType.PLACE, "青禾") != m.entity(GOV, EntityType.PROGRAMME, "青禾")


def test_report_iri_comes_from_government_and_year_not_the_file():
    m = Minter.create()
    assert m.report(GOV, 2023) == f"{DEFAULT_BASE_IRI}report/{GOV}/2023"


def test_observation_iri_depends_on_report_indicator_and_span():
    r = Minter.create().report(GOV, 2023)
    a = Minter.observation(r, "地区生产总值", 10, 14)
    assert a == Minter.observation(r, "地区生产总值", 10, 14)
    assert a != Minter.observation(r, "地区生产总值", 10, 15)
    assert a != Minter.observation(r, "一般公共预算收入", 10, 14)
    assert a.startswith(r + "/")


def test_base_iri_from_argument_then_environment_then_default(monkeypatch):
    monkeypatch.delenv("KG_BASE_IRI", raising=False)
    assert resolve_base_iri() == DEFAULT_BASE_IRI
    monkeypatch.setenv("KG_BASE_IRI", "https://data.example.gov.cn/kg")
    assert resolve_base_iri() == "https://data.example.gov.cn/kg/"
    assert resolve_base_iri("http://other.example/x/") == "http://other.example/x/"
    assert Minter.create().place(GOV, "东湖").startswith("https://data.example.gov.cn/kg/gov/")


@pytest.mark.parametrize("bad", ["kg.example.org/", "https://a b/", "https://x.org/#frag", "relative/path"])
def test_bad_base_iri_is_an_input_error(bad):
    with pytest.raises(InputError, match="base IRI"):
        resolve_base_iri(bad)


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda s: normalise_key(s) != "")


@given(names)
@settings(max_examples=300, deadline=None)
def test_minted_iris_are_valid_and_survive_ntriples(name):
    m = Minter.create()
    iri = m.place(GOV, name)
    assert _valid_iri(iri)
    g = Graph()
    g.add((URIRef(iri), URIRef("http://example.org/p"), Literal(name)))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert {str(s) for s in back.subjects()} == {iri}


@given(names, names)
@settings(max_examples=300, deadline=None)
def test_distinct_keys_get_distinct_segments(a, b):
    if normalise_key(a) != normalise_key(b):
        assert segment(a) != segment(b)
    else:
        assert segment(a) == segment(b)


@given(names)
@settings(max_examples=200, deadline=None)
def test_normalising_twice_changes_nothing(name):
    assert normalise_key(normalise_key(name)) == normalise_key(name)


def test_iris_are_the_same_in_another_process_with_another_hash_seed():
    code = (
        "from kg.iri import Minter\n"
        "m = Minter.create('https://kg.example.org/')\n"
        "r = m.report('江川市青禾区人民政府', 2023)\n"
        "print(m.place('江川市青禾区人民政府', '“3+2”产业 计划'), Minter.mention(r, 1, 5, 'x'),"
        " Minter.relation(r, 'a', 'b', 'c', 1, 2), m.dataset([r]))\n"
    )
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        env.pop("KG_BASE_IRI", None)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
    here = Minter.create("https://kg.example.org/")
    r = here.report(GOV, 2023)
    assert outs.pop().split() == [
        here.place(GOV, "“3+2”产业 计划"), Minter.mention(r, 1, 5, "x"), Minter.relation(r, "a", "b", "c", 1, 2), here.dataset([r])
    ]


# ---------------------------------------------------------------- one IRI per thing across reports


def test_an_administrative_division_is_one_iri_in_every_report_whatever_its_form():
    m = Minter.create()
    # the gazetteer (GB/T 2260) keys it: short and full forms, any government's report
    city = m.place(GOV, "深圳", "admin")
    assert city == m.place(GOV, "深圳市", "admin") == m.place("另一市人民政府", "深圳市", "admin")
    assert city == f"{DEFAULT_BASE_IRI}division/440300-深圳市"
    assert m.entity(GOV, EntityType.PLACE, "深圳", subtype="admin") == city
    assert m.place(GOV, "广东", "admin") == m.place(GOV, "广东省", "admin") != city


def test_a_division_name_shared_by_several_cities_stays_under_its_government():
    m = Minter.create()
    # 鼓楼区 is a district of several cities: a code would merge different places
    assert m.place(GOV, "鼓楼区", "admin") == m.place(GOV, "鼓楼区") == m.entity(GOV, EntityType.PLACE, "鼓楼区")
    assert m.place(GOV, "鼓楼区", "admin") != m.place("江川市人民政府", "鼓楼区", "admin")


def test_a_name_the_gazetteer_does_not_know_or_a_non_admin_place_stays_under_its_government():
    m = Minter.create()
    assert m.place(GOV, "青禾区", "admin") == f"{DEFAULT_BASE_IRI}gov/{GOV}/place/青禾区"
    assert m.place(GOV, "深圳湾", "water").startswith(f"{DEFAULT_BASE_IRI}gov/{GOV}/place/")


def test_an_indicator_is_keyed_by_its_indicator_key_under_its_government():
    m = Minter.create()
    gdp = m.indicator(GOV, "地区生产总值")
    assert gdp == m.indicator(GOV, "全市地区生产总值增长") == m.indicator(GOV, "地区生产总值(GDP)")
    assert gdp != m.indicator(GOV, "一般公共预算收入")
    assert gdp != m.indicator("江川市人民政府", "地区生产总值")
    assert indicator_label("全市地区生产总值增长") == "生产总值"
    # a phrase of framing words only keeps itself rather than an empty key
    assert indicator_label("增长") == "增长"


def _report(delivery: str | None, plan_year: int | None, body: str, government: str = GOV) -> Report:
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Report(text=Text(source=body, text=body, sha256=sha),
                  meta=ReportMeta(government=government, delivery_date=delivery, plan_year=plan_year))


def test_report_iri_is_government_and_delivery_date_when_known():
    m = Minter.create()
    a = _report("2024-03-05", 2024, "报告正文")
    assert m.report_of(a) == f"{DEFAULT_BASE_IRI}report/{GOV}/2024-03-05"
    # the same report in another layout (other bytes, same delivery) is the same report
    assert m.report_of(_report("2024-03-05", 2024, "<p>报告正文</p>")) == m.report_of(a)
    assert report_key(a) == "2024-03-05"


def test_two_files_with_the_same_government_and_year_never_share_a_report_iri():
    m = Minter.create()
    # faulty metadata: two different reports read as the same plan year, no delivery date
    one, two = _report(None, 1980, "第一份报告"), _report(None, 1980, "第二份报告")
    assert m.report_of(one) != m.report_of(two)
    assert m.report_of(one).startswith(f"{DEFAULT_BASE_IRI}report/{GOV}/1980-")
    # a partial date is not a delivery date: year + checksum
    assert m.report_of(_report("1980-09", 1980, "第一份报告")) == m.report_of(one)
    # a re-build of the same file gives the same IRI
    assert m.report_of(_report(None, 1980, "第一份报告")) == m.report_of(one)
