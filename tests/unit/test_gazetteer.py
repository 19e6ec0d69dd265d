"""The GB/T 2260 gazetteer: hierarchy from codes, short forms of autonomous units."""

from __future__ import annotations

import pytest

from kg.loaders.gazetteer import prefectures, province_of, short_form


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("广东省", "广东"),
        ("深圳市", "深圳"),
        ("凉山彝族自治州", "凉山"),
        ("湘西土家族苗族自治州", "湘西"),
        ("博尔塔拉蒙古自治州", "博尔塔拉"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("新疆维吾尔自治区", "新疆"),
    ],
)
def test_short_form_strips_the_unit_and_nationalities(name, short):
    assert short_form(name) == short


def test_prefectures_hold_cities_and_directly_governed_county_cities_with_their_province():
    by_name = {p.name: p for p in prefectures()}
    assert by_name["潜江市"].level == "county" and by_name["潜江市"].province == "湖北省"
    assert by_name["杭州市"].level == "city" and by_name["杭州市"].province == "浙江省"
    assert "市辖区" not in by_name
    assert not any(p.code.endswith("0000") for p in prefectures())
    assert 330 <= sum(p.level == "city" for p in prefectures()) <= 345


def test_province_of_reads_the_code_prefix():
    assert province_of("440303") == "广东省"


def test_unique_code_keys_only_names_that_stand_for_one_division():
    from kg.loaders.gazetteer import unique_code

    assert unique_code("深圳市") == unique_code("深圳") == "440300"
    assert unique_code("鼓楼区") is None  # districts of several cities
    assert unique_code("朝阳") is None  # 朝阳市 (辽宁) and 朝阳区 (北京, 长春)
    assert unique_code("不存在的地方") is None


def test_a_short_form_names_every_current_division_it_shortens_by_its_current_code():
    from kg.loaders.gazetteer import current_codes_by_short

    assert current_codes_by_short()["澄迈"] == {"469023"}  # 442127 was its code under 广东
    assert {c[:2] for c in current_codes_by_short()["昌江"]} == {"36", "46"}  # 景德镇's district, 海南's county
