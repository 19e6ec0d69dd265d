"""Relations names and lists state (kg.loaders.relations): the table, the immediate
container, divisions inside names, list membership. Synthetic names only."""

from __future__ import annotations

import pytest

from kg.loaders.relations import (
    containers,
    first_predicate,
    infix_predicate,
    list_members,
    name_predicate,
    rest_is,
)


@pytest.mark.parametrize(
    "whole, whole_sub, part, part_sub, rest, rule, container, want",
    [
        ("Place", "area", "Place", "area", "一期", "", "", "part_of"),  # a phase of an area is in it
        ("Place", "transport", "Place", "transport", "二期", "", "", None),  # a phase of an airport is it
        ("Place", "transport", "Place", "transport", "东西延", "", "", "part_of"),  # a road's extension
        ("Place", "area", "Place", "area", "产业总部核心区", "", "", "part_of"),  # an area in an area
        ("Place", "area", "Place", "admin", "经济圈", "", "", None),  # a region around its city
        ("Place", "area", "Place", "admin", "湾科技城", "", "", None),  # 云浦湾…: the bay, not the division
        ("Place", "transport", "Place", "admin", "路", "", "", None),  # a road named after a city
        ("Place", "area", "Place", "area", "-青禾片区", "", "", None),  # a joint name is not in its first part
        ("Programme", "", "Place", "admin", "大运会", "", "", "located_in"),  # an event held there
        ("Programme", "", "Place", "admin", "振兴行动", "", "", None),  # named after it
        ("Programme", "", "Place", "building", "建设试点", "", "", None),  # the building's own pilot
        ("Programme", "", "Organization", "government", "工作会议", "pattern:event.work-conference", "", None),
        ("Programme", "", "Policy", "", "重大工程项目", "", "“十五五”规划", "defined_in"),
        ("Programme", "", "Policy", "", "行动", "", "新型城镇化战略", None),  # a strategy is no document
        ("Organization", "health", "Organization", "health", "云溪医院", "", "", "part_of"),  # an affiliate
        ("Organization", "education", "Organization", "education", "附属中学", "", "", "part_of"),
        ("Organization", "research", "Place", "admin", "航天超算中心", "", "", "located_in"),  # a facility there
        ("Organization", "education", "Place", "admin", "大学", "", "", None),  # named after it
        ("Organization", "education", "Place", "admin", "中文大学(青禾)", "", "", None),
        ("Place", "building", "Organization", "company", "建材基地", "", "", "run_by"),  # a company's plant
        ("Programme", "", "Organization", "company", "服务平台", "", "", "run_by"),
        ("Programme", "", "Organization", "company", "光伏示范工程", "", "", "organised_by"),
    ],
)
def test_name_predicate_reads_the_rest_of_a_name(whole, whole_sub, part, part_sub, rest, rule, container, want):
    assert name_predicate(whole, whole_sub, part, part_sub, rest, rule, container) == want


def test_the_immediate_container_wins_and_a_stray_nested_place_is_passed_over():
    forms = [("青岚大学", "uni"), ("青岚大学口腔医院", "hospital"), ("青岚大学云湖", "lake")]
    kinds = {"uni": ("Organization", "education"), "hospital": ("Organization", "health"), "lake": ("Place", "water")}

    def pred(name):
        return first_predicate(
            name, containers(name, forms),
            lambda form, owner, rest: name_predicate("Organization", "health", *kinds[owner], rest),
        )

    assert pred("青岚大学口腔医院云溪医院")[1:] == ("hospital", "part_of")  # never also 青岚大学
    assert pred("青岚大学云湖校区")[1:] == ("uni", "part_of")  # 青岚大学云湖 is no container of a campus
    assert pred("青禾医院") is None


def test_a_phase_of_a_building_stops_the_search_for_a_container():
    forms = [("云港", "admin"), ("云港机场", "airport")]
    kinds = {"admin": ("Place", "admin"), "airport": ("Place", "transport")}
    got = first_predicate(
        "云港机场三期", containers("云港机场三期", forms),
        lambda form, owner, rest: name_predicate("Place", "transport", *kinds[owner], rest),
    )
    assert got is None


def test_a_division_inside_a_name_says_where_it_is():
    assert infix_predicate("Organization", "education", "学校") == "located_in"  # 青岚中学<区>学校
    assert infix_predicate("Place", "area", "绿色数字创新合作区") == "part_of"  # 中欧（<区>）合作区
    assert infix_predicate("Place", "building", "商业中心") == "located_in"
    assert infix_predicate("Programme", "", "都市圈创新合作大会") is None  # the region, not the city
    assert infix_predicate("Place", "transport", "至青禾段") is None  # the ends of a stretch
    assert infix_predicate("Sector", "", "生物医药") is None


def test_list_members_are_the_items_of_the_type_closing_their_group():
    text = "培育青光材料、云芯智造和海岚生物等未来新兴产业,推动青禾、云溪两大片区建设。"
    spans = sorted([
        (text.index("青光材料"), text.index("青光材料") + 4, "Sector"),
        (text.index("云芯智造"), text.index("云芯智造") + 4, "Sector"),
        (text.index("海岚生物"), text.index("海岚生物") + 4, "Sector"),
        (text.index("未来新兴产业"), text.index("未来新兴产业") + 6, "Sector"),
        (text.index("两大片区") - 2, text.index("两大片区"), "Place"),
    ])
    got = list_members(text, spans, frozenset({"Sector", "Place"}))
    items = {text[s:e] for s, e, _, _ in got}
    groups = {text[g0:g1] for _, _, g0, g1 in got}
    assert items == {"青光材料", "云芯智造", "海岚生物"} and groups == {"未来新兴产业"}


def test_a_list_of_one_item_or_of_another_type_makes_no_group():
    text = "培育青光材料等未来新兴产业,发展云溪港、海岚生物等未来新兴产业。"
    i = text.index("海岚生物")
    j = text.rindex("未来新兴产业")
    spans = [
        (text.index("青光材料"), text.index("青光材料") + 4, "Sector"),
        (text.index("未来新兴产业"), text.index("未来新兴产业") + 6, "Sector"),
        (text.index("云溪港"), text.index("云溪港") + 3, "Place"),
        (i, i + 4, "Sector"),
        (j, j + 6, "Sector"),
    ]
    assert list_members(text, sorted(spans), frozenset({"Sector"})) == []


def test_the_table_classes_are_data():
    assert rest_is("own", "子项目") and rest_is("own", "建设试点")
    assert rest_is("meeting", "pattern:event.plenum") and not rest_is("meeting", "pattern:event.games")
    assert rest_is("document", "“十五五”规划") and rest_is("document", "青禾行动方案(2030-2032年)")


def test_a_sentence_list_gives_list_part_of_with_its_rule():
    from kg.loaders.nlp import make_nlp

    doc = make_nlp()("布局生物制造、氢能、脑机接口、具身智能等“青禾”未来产业。")  # (the first item: a verb may stick to it)
    got = {(a.text, p, b.text, ev.id_) for a, p, b, ev in doc._.kg_relations}
    assert got == {(x, "part_of", "“青禾”未来产业", "list:part_of") for x in ("氢能", "脑机接口", "具身智能")}


def test_a_container_cut_out_of_the_names_own_words_is_no_container():
    assert name_predicate("Place", "transport", "Place", "transport", "至青禾段", "", "") is None
    assert name_predicate("Place", "transport", "Place", "transport", "云溪至青禾段", "", "") == "part_of"
    assert name_predicate("Place", "building", "Organization", "company", "业园", "", "") is None
    assert name_predicate("Programme", "", "Policy", "", "精神学习教育", "", "青禾八项规定") is None


def _report(body: str):
    import re

    from kg.model import Report, ReportMeta, Sentence, Text

    text = "报告\n各位代表:\n" + body + "\n"
    start = text.index("各位代表")
    sentences = tuple(
        Sentence(m.start(), m.end(), m.group(), 0) for m in re.finditer(r"[^。\n]+。?", text) if m.start() >= start
    )
    meta = ReportMeta(government="青松区人民政府", place="青松区", parent_places=("青岚市",))
    return Report(Text(text, text), meta, sentences=sentences, body_start=start, body_end=len(text))


def test_works_on_a_bodys_own_buildings_are_not_its_programme():
    assert name_predicate("Programme", "", "Organization", "health", "门诊楼和云溪院区拆除重建工程", "", "") is None
    assert name_predicate("Programme", "", "Organization", "education", "二期工程", "", "") is None
    assert name_predicate("Programme", "", "Organization", "company", "扩能工程", "", "") == "organised_by"  # a company's own
    assert name_predicate("Programme", "", "Organization", "government", "改革试点", "", "") == "organised_by"
    forms = [("青岚大学", "uni"), ("青岚大学附属医院", "hospital")]
    got = first_predicate(  # the immediate container's works: never the university's programme either
        "青岚大学附属医院一期工程", containers("青岚大学附属医院一期工程", forms),
        lambda form, owner, rest: name_predicate("Programme", "", "Organization", "health", rest),
    )
    assert got is None


def test_works_on_a_port_or_airport_are_located_in_it():
    kinds = {"port": ("Place", "port"), "town": ("Place", "admin"), "airport": ("Place", "transport")}
    forms = [("青岚港", "port"), ("青岚", "town"), ("云溪机场", "airport")]

    def first(name):
        return first_predicate(
            name, containers(name, forms), lambda form, owner, rest: name_predicate("Programme", "", *kinds[owner], rest)
        )

    assert first("青岚港扩建工程") == ("青岚港", "port", "located_in")
    assert first("云溪机场改扩建工程项目") == ("云溪机场", "airport", "located_in")
    assert first("青岚新建项目") is None  # works named by a division: not in it, no shorter container
    assert first("青岚港项目") is None and first("青岚港建设试点") is None  # the port's own project: no second thing


def test_a_school_building_up_to_a_national_programme_does_not_organise_it():
    from kg.loaders.nlp import make_nlp

    nlp = make_nlp()
    took = {(a.text, p, b.text) for a, p, b, _ in nlp("支持青岚大学“双一流”建设。")._.kg_relations}
    own = {(a.text, p, b.text) for a, p, b, _ in nlp("支持青岚集团“双一流”建设。")._.kg_relations}
    assert not {r for r in took if r[1] == "organised_by"}
    assert ("“双一流”", "organised_by", "青岚集团") in own  # a company's own quoted programme stays its


def test_a_division_opening_an_institution_named_after_it_is_not_where_a_thing_is():
    assert infix_predicate("Organization", "health", "友谊医院云溪院区") is None  # 城东<青岚>友谊医院云溪院区
    assert infix_predicate("Organization", "health", "院区") == "located_in"  # …医院<云溪>院区
    assert infix_predicate("Organization", "research", "研究院") == "located_in"


def test_a_division_inside_a_longer_division_is_not_where_a_thing_is():
    from kg.loaders.entities import _name_relations
    from kg.model import Entity, EntityType, Mention

    def ent(name, typ, sub, at):
        return Entity(name, typ, sub, (), (Mention(name, at, at + len(name), "head"),), None)

    entities = (ent("云城", EntityType.PLACE, "admin", 0), ent("云城港", EntityType.PLACE, "admin", 3),
                ent("青岚师范学院", EntityType.ORGANIZATION, "education", 7),
                ent("青岚师范学院云城港校区", EntityType.ORGANIZATION, "education", 14))
    got = {(r.subject, r.predicate, r.object) for r in _name_relations(entities, set())}
    assert ("青岚师范学院云城港校区", "located_in", "云城港") in got
    assert ("青岚师范学院云城港校区", "located_in", "云城") not in got  # 云城 is only the start of 云城港


def test_a_towns_name_without_its_level_word_opens_things_in_it():
    from kg.loaders.entities import _name_relations
    from kg.model import Entity, EntityType, Mention

    def ent(name, typ, sub, at):
        return Entity(name, typ, sub, (), (Mention(name, at, at + len(name), "head"),), None)

    entities = (ent("云溪镇", EntityType.PLACE, "admin", 0), ent("云溪红星街", EntityType.PLACE, "transport", 4),
                ent("云溪生态小镇", EntityType.PLACE, "area", 10),
                ent("青岚市", EntityType.PLACE, "admin", 30), ent("青岚大道", EntityType.PLACE, "transport", 34))
    got = {(r.subject, r.predicate, r.object) for r in _name_relations(entities, set())}
    assert ("云溪红星街", "part_of", "云溪镇") in got
    assert ("云溪生态小镇", "part_of", "云溪镇") in got
    assert not any(s == "青岚大道" for s, _, _ in got)  # a city's short form is not taken from 市
