"""Works on a named road or river (pattern programme.works-on-named-place), a bridge on the
road named right before it, and works on a river's channel located in the river. Synthetic
sentences only."""

from __future__ import annotations

import pytest

from kg.loaders.nlp import make_nlp
from kg.loaders.relations import name_predicate


def _run(text: str):
    doc = make_nlp()(text)
    ents = {(s.text, s.label_) for s in doc.spans["kg_entities"]}
    rels = {(a.text, p, b.text) for a, p, b, _ in doc._.kg_relations}
    return ents, rels


def test_works_on_numbered_road_are_a_programme_in_the_road():
    ents, rels = _run("云溪港区码头即将投运，207国道青禾至云溪段改建、原208国道青禾大桥危桥改造等竣工通车。")
    assert ("207国道青禾至云溪段改建", "Programme") in ents
    assert ("原208国道青禾大桥危桥改造", "Programme") in ents


def test_bridge_named_after_its_road_is_part_of_it():
    _, rels = _run("推动原208国道新青禾大桥、210省道甲镇至乙镇段等开工。")
    assert ("新青禾大桥", "part_of", "原208国道") in rels


def test_bridge_not_after_a_road_is_not_part_of_one():
    _, rels = _run("推动青禾大道、新青禾大桥等开工。")
    assert not any(p == "part_of" and a == "新青禾大桥" for a, p, _ in rels)


@pytest.mark.parametrize(
    "text, name",
    [
        ("积极争取云溪河河道青禾段综合整治，精心谋划水系连通。", "云溪河河道青禾段综合整治"),
        ("推进青禾灌区续建配套与节水改造，加快泵站建设。", "青禾灌区续建配套与节水改造"),
    ],
)
def test_listed_water_works_are_programmes(text, name):
    ents, _ = _run(text)
    assert (name, "Programme") in ents


@pytest.mark.parametrize("text", ["推进农村河道综合整治，改善人居环境。", "，支持入河排污口整治和农村环境综合整治。"])
def test_generic_works_are_no_name(text):
    ents, _ = _run(text)
    assert not any(label == "Programme" and name.endswith("整治") for name, label in ents)


def test_works_on_a_river_channel_are_located_in_the_river():
    # "X河河道…": the channel is the river itself, not a second feature named after it
    assert name_predicate("Programme", "", "Place", "water", "河道青禾段综合整治") == "located_in"
    assert name_predicate("Place", "area", "Place", "water", "湾科技城") is None


def test_stretch_inside_works_is_no_place_of_its_own():
    # the works are on the road: the stretch is not keyed, the road holds the works
    ents, rels = _run("，207国道青禾至云溪段改建、云溪大道东延等竣工通车。")
    assert ("207国道青禾至云溪段", "Place/transport") not in ents
    assert ("207国道青禾至云溪段改建", "located_in", "207国道") in rels


def test_service_area_named_by_its_expressway_is_part_of_it():
    ents, rels = _run("加强青禾红军街、甲乙高速青禾服务区等景区化改造。")
    assert ("甲乙高速青禾服务区", "Place/transport") in ents
    assert ("甲乙高速青禾服务区", "part_of", "甲乙高速") in rels


def test_body_livelihood_list_is_organised_by_the_body():
    ents, rels = _run("省政府十大民生实事44项具体任务全部完成。")
    assert ("省政府十大民生实事", "Programme") in ents
    assert ("省政府十大民生实事", "organised_by", "省政府") in rels


def test_coined_company_names_in_a_project_list_are_companies():
    # a name split into single characters (中|新|芯); one character (a verb) + an unknown word (达|诺维)
    ents, _ = _run("产值稳步增长，云禾五期、中新芯、青瑞、鼎岚、达诺维、菲利岚鉴等一批重点项目全面投产。")
    assert ("中新芯", "Organization/company") in ents
    assert ("达诺维", "Organization/company") in ents
    assert ("云禾五期", "Programme") in ents


def test_verb_led_project_without_company_mates_stays_a_project():
    ents, _ = _run("青禾国际机场T3航站楼、引青济云等一批标志性重大项目建成投运。")
    assert ("引青济云", "Organization/company") not in ents


def test_works_on_a_bridge_named_after_its_road_are_on_the_bridge():
    _, rels = _run("，207国道青禾至云溪段改建、原208国道青禾大桥危桥改造等竣工通车。")
    assert ("原208国道青禾大桥危桥改造", "located_in", "青禾大桥") in rels
    assert ("原208国道青禾大桥危桥改造", "located_in", "原208国道") not in rels
    assert ("青禾大桥", "part_of", "原208国道") in rels


def test_list_item_opening_with_he_after_the_list_mark_is_a_name():
    ents, _ = _run("大力推进云硅科技、甲乙二期、和岚电子等光电子信息，丙丁三期、诺云、阿岚力等新材料项目。")
    assert ("和岚电子", "Organization/company") in ents


@pytest.mark.parametrize(
    "rest, want",
    [("青禾段二通道", "part_of"), ("青禾段航道", "part_of"), ("青禾段综合整治", None)],
)
def test_channel_of_a_named_stretch_is_part_of_the_waterway(rest, want):
    assert name_predicate("Place", "transport", "Place", "water", rest) == want
