"""Names typed by their heads, and short names of places (issue 9, GUIDELINES §5–§6):
synthetic sentences in the genre's shape, invented names (青禾, 云溪, 翠岭…) where a
name is invented, real division and river names where the rule is about them."""

from __future__ import annotations


import pytest


from spans_of import names as _names, nested as _nested


@pytest.mark.parametrize("text, name, label", [
    ("青禾医院翠屏河院区投入运营。", "青禾医院翠屏河院区", "Organization/health"),   # a hospital's campus
    ("省人民医院南院投入使用。", "省人民医院南院", "Organization/health"),         # its south branch
    ("落地青禾碳排放权交易中心。", "青禾碳排放权交易中心", "Organization/exchange"),  # a rights exchange
    ("加快翠岭高教园区建设。", "翠岭高教园区", "Place/area"),                     # a university zone
])
def test_head_gives_the_type(text, name, label):
    assert _names(text).get(name) == label


@pytest.mark.parametrize("text, name, label", [
    ("建成青禾西路西延三期。", "青禾西路西延三期", "Programme"),      # the works of a road's phase
    ("推进化工管廊二期建设。", "化工管廊二期", "Programme"),          # a phase of common nouns
    ("加快青禾新城二期建设。", "青禾新城二期", "Place/area"),          # a phase of a named area
])
def test_phase_is_a_project_unless_it_is_a_phase_of_a_named_place(text, name, label):
    assert _names(text).get(name) == label


@pytest.mark.parametrize("text, river", [
    ("推进汉江、青禾河综合治理。", "汉江"),
    ("有效应对海河等流域洪涝灾害。", "海河"),
    ("深挖西湖、大运河两大文化遗产内涵。", "大运河"),
])
def test_river_named_by_one_place_word(text, river):
    assert _names(text).get(river) == "Place/water"


@pytest.mark.parametrize("text, word", [
    ("主动融入长江经济带建设。", "长江"),       # the namesake opening a zone's name
    ("组建长江汽车供应链公司。", "长江"),       # ... or a company's
    ("加强江河、内河治理。", "江河"),           # common words
    ("加强江河、内河治理。", "内河"),
])
def test_river_word_inside_a_longer_name_or_common_is_no_river(text, word):
    assert word not in _names(text)
    assert word not in _nested(text)


@pytest.mark.parametrize("text, name", [
    ("推动黄河流域生态保护。", "黄河流域"),
    ("建设江汉平原农业强区。", "江汉平原"),
])
def test_basin_and_plain_heads(text, name):
    assert _names(text).get(name, "").startswith("Place")


def test_cardinal_region_alone_is_a_place_but_not_inside_a_policy_name():
    assert _names("打造华中地区重要能源基地。").get("华中地区") == "Place/area"
    assert "西部地区" not in _names("健全西部地区公共服务补短提升机制。")


def test_county_short_form_opening_a_longer_name_is_nested():
    # 琼中 (琼中黎族苗族自治县): a county named without its ethnic part
    assert _nested("建成琼中绿橙产业园。").get("琼中") == "Place/admin_short"


def test_division_naming_an_airport_phase_is_not_nested():
    assert "美兰" not in _nested("建成美兰机场二期。")


def _report_names(body: str, place: str) -> dict:
    from kg.loaders.entities import extract_entities

    from tests.unit.test_entities import _by_name, _one_sentence_report

    entities, _ = extract_entities(_one_sentence_report(body, place=place, parents=()))
    return _by_name(entities)


def test_county_short_form_after_its_own_province_counts_in_any_report():
    # 积石山 (积石山保安族东乡族撒拉族自治县) right after 甘肃, in a report of another place
    assert "积石山" in _report_names("做好甘肃积石山地震抢险救援，", "湖北省")


def test_county_short_form_after_another_province_stays_unnamed():
    assert "积石山" not in _report_names("做好湖南积石山地震抢险救援，", "湖北省")


@pytest.mark.parametrize("text, name, label", [
    ("高水平建设青禾综保区。", "青禾综保区", "Place/area"),
    ("加强云溪国家级自然保护区管护。", "云溪国家级自然保护区", "Place/green"),
    ("海南电网完成投资。", "海南电网", "Organization/company"),      # a grid company named by its division
    ("周矶管理区成为首批示范。", "周矶管理区", "Place/admin"),
    ("海南热带雨林国家公园管理局组建运行。", "海南热带雨林国家公园管理局", "Organization/government"),
    ("青禾国际商事法庭挂牌成立。", "青禾国际商事法庭", "Organization/government"),
])
def test_more_heads(text, name, label):
    assert _names(text).get(name) == label


def test_grid_head_needs_a_division():
    assert not any(n.endswith("电网") for n in _names("建设青禾科技城高可靠性配电网。"))


def test_development_commission_short_form_is_a_body():
    assert _names("规划获国家发改委批复实施。").get("国家发改委") == "Organization/government"


def test_numbered_road_before_a_bridge_is_a_name_of_its_own():
    # the works are one Programme (GUIDELINES §5); the road and the bridge are names inside it
    text = "实施原207国道青禾河大桥危桥改造。"
    names = {**_nested(text), **_names(text)}
    assert names.get("原207国道") == "Place/transport"
    assert names.get("青禾河大桥") == "Place/transport"


def test_a_river_after_a_road_is_not_glued_to_it():
    assert not any(n.startswith("原207国道") and n != "原207国道" for n in _names("建成原207国道青禾河大桥。"))


@pytest.mark.parametrize("text, name, label", [
    ("打造云溪文化旅游区，", "云溪文化旅游区", "Place/green"),
    ("建成青禾河游园，", "青禾河游园", "Place/green"),
])
def test_tourist_zone_and_garden_heads(text, name, label):
    assert _names(text).get(name) == label


def test_one_character_head_glued_to_hua_closes_no_name():
    # the metro-area pattern needs a division before 都市圈 (its own example: 南京都市圈)
    names = _names("加快推进南京都市圈同城化发展。")
    assert not any(n.endswith("同城") for n in names)
    assert names.get("南京都市圈") == "Place/area"


def test_ordinal_edition_is_no_phase():
    assert not any(n.endswith("二期") for n in _names("12个专业群入选国家第二期“双高计划”。"))
