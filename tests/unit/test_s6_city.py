"""City and county report shapes (session 6): quoted slogans named with their kind, …
Synthetic sentences and entities only."""

from __future__ import annotations

from kg.loaders.entities import _slogan_aliases, extract_entities

from kg.model import Entity, EntityType, Mention, Report, ReportMeta, Text


def _entities(text: str) -> dict[str, Entity]:
    report = Report(Text(text, text), ReportMeta(), body_start=0, body_end=len(text))
    return {e.name: e for e in extract_entities(report)[0]}


def _e(name: str, typ: EntityType, at: int) -> Entity:
    return Entity(name, typ, None, mentions=(Mention(name, at, at + len(name)),))


def test_quoted_slogan_with_its_kind_has_the_slogan_as_alias():
    ents = _entities("深化“百名干部助企”活动，走访服务企业2万家次。")
    assert "百名干部助企" in ents["“百名干部助企”活动"].aliases


def test_one_slogan_under_two_kinds_is_one_entity():
    merged = _slogan_aliases((
        _e("“青禾提质”行动", EntityType.PROGRAMME, 0),
        _e("“青禾提质”专项行动", EntityType.PROGRAMME, 40),
        _e("青禾提质", EntityType.PROGRAMME, 80),
    ))
    assert [(e.name, e.aliases, len(e.mentions)) for e in merged] == [
        ("“青禾提质”行动", ("“青禾提质”专项行动", "青禾提质"), 3)
    ]


def test_slogan_alias_needs_a_whole_quoted_slogan_and_a_kind():
    kept = (
        _e("云溪“一件事”改革", EntityType.PROGRAMME, 0),  # a prefix: the name is the whole
        _e("“十条”政策", EntityType.POLICY, 20),  # a bare count is no name
        _e("“青禾”大道", EntityType.PLACE, 40),  # places are not slogans
        _e("“云溪提质”行动", EntityType.POLICY, 60),
        _e("云溪提质", EntityType.PROGRAMME, 80),  # another type: not merged
    )
    out = _slogan_aliases(kept)
    assert [e.name for e in out] == [e.name for e in kept]
    assert [e.aliases for e in out] == [(), (), (), ("云溪提质",), ()]


def test_back_to_back_quoted_slogans_before_a_shared_kind_are_programmes():
    ents = _entities("深入实施总部经济“青禾培育”“云溪引强”“青商回归”三大计划，加快建设。")
    assert {n for n, e in ents.items() if e.type == EntityType.PROGRAMME} >= {
        "青禾培育", "云溪引强", "青商回归"
    }


def test_quoted_titles_to_be_won_are_no_run_of_programmes():
    ents = _entities("扎实开展“平安单位”“平安学校”创建活动，严厉打击违法犯罪。")
    assert not {"平安单位", "平安学校"} & set(ents)


def _relations(text: str, place: str | None = None):
    report = Report(Text(text, text), ReportMeta(place=place), body_start=0, body_end=len(text))
    ents, rels = extract_entities(report)
    return {e.name for e in ents}, {(r.subject, r.predicate, r.object) for r in rels}


def test_a_county_before_a_reservoir_is_its_locator():
    names, rels = _relations("开工建设昌平区青禾水库、推进海淀区白石水库建设。")
    assert {"青禾水库", "白石水库"} <= names
    assert not {"昌平区青禾水库", "海淀区白石水库"} & names
    assert ("青禾水库", "part_of", "昌平区") in rels
    assert ("白石水库", "part_of", "海淀区") in rels


def test_one_character_after_the_county_is_no_name_of_its_own():
    # two characters at least between the county and the head (石水库 would be no name)
    names, _ = _relations("推进海淀区星湖水库、海淀区石水库建设。")
    assert "星湖水库" in names and "海淀区石水库" in names and "石水库" not in names


def test_the_reports_own_place_is_no_stated_container_of_a_reservoir():
    _, rels = _relations("开工建设海淀区青禾水库。", place="海淀区")
    assert not any(p == "part_of" and s == "青禾水库" for s, p, _ in rels)


def test_a_quoted_award_alone_is_a_programme():
    ents = _entities("连续3年获省“青禾创新鼎”，荣获首批“云溪安全奖”。")
    assert ents["青禾创新鼎"].type == EntityType.PROGRAMME
    assert ents["云溪安全奖"].type == EntityType.PROGRAMME


def test_a_quoted_award_before_a_head_is_part_of_a_longer_name():
    ents = _entities("建立“青禾实践奖”机制，完善激励。")
    assert "青禾实践奖" not in ents


def test_the_study_campaign_keeps_its_printed_opening_verbs_after_a_carrying_verb():
    ents = _entities("市政府高标准开展学习贯彻习近平新时代中国特色社会主义思想主题教育，深刻领悟。")
    assert "学习贯彻习近平新时代中国特色社会主义思想主题教育" in ents


def test_batches_and_levels_of_projects_are_kinds():
    ents = _entities("全力推动公共服务“青禾”重大项目建设，实施省级科技计划项目20项以上，推进云溪大桥项目。")
    assert not any(n.endswith(("重大项目", "计划项目")) for n in ents)


def test_a_title_a_town_became_is_no_name():
    ents = _entities("青禾镇、云溪管理区成为首批国家农业产业强镇，")
    assert not any(n.endswith("强镇") for n in ents)


def test_a_level_and_a_cluster_is_a_designation():
    ents = _entities("力争新增1个国家级先进制造业产业集群，实施省级科技计划20项以上。")
    assert not any(n.endswith(("集群", "计划")) for n in ents)


def test_national_policies_named_in_the_same_words_are_policies():
    ents = _entities("完善三孩生育政策配套措施，落实“双随机、一公开”监管。")
    assert ents["三孩生育政策"].type == EntityType.POLICY
    assert ents["“双随机、一公开”监管"].type == EntityType.POLICY


def test_an_expressway_is_named_by_its_own_name_not_by_its_kind():
    ents = _entities("青禾快速路全线贯通，加快市域快速路和中心城区快速路建设。")
    assert ents["青禾快速路"].type == EntityType.PLACE
    assert not {"市域快速路", "中心城区快速路"} & set(ents)


def test_debt_resolution_by_its_kind_alone_is_no_policy_name():
    ents = _entities("健全化债长效机制，严格落实化债方案，落实一揽子化债方案。")
    assert not {"化债长效机制", "化债方案"} & set(ents)


def test_a_regions_integration_is_a_programme_not_the_region():
    ents = _entities("主动融入和服务长江经济带、长三角一体化等国家战略，")
    assert ents["长三角一体化"].type == EntityType.PROGRAMME


def test_a_hospital_striving_for_a_grade_is_the_hospital_alone():
    ents = _entities("支持市中医院创三级中医院，加强清廉医院建设。")
    assert "市中医院" in ents and not any("创" in n for n in ents)


def test_a_division_named_by_a_common_word_counts_only_at_home():
    names, _ = _relations("逐步实施老城区雨污分流改造，加快新城区建设。", place="青禾市")
    assert not {"老城区", "新城区"} & names
    names, _ = _relations("逐步实施老城区雨污分流改造。", place="洛阳市")
    assert "老城区" in names


def test_a_counted_quoted_term_is_a_kind():
    ents = _entities("建设50个“青禾小区”、10个“云溪公园”，推进三个“一号工程”，实施“云溪提质”行动。")
    assert not {"青禾小区", "云溪公园", "一号工程"} & set(ents)
    assert "“云溪提质”行动" in ents


def test_one_quoted_goal_and_an_edition_are_not_counts():
    ents = _entities("加快打造一个“青禾通办”。入选第六批“云溪实践案例”。建设5个“云溪通办”。")
    assert {"青禾通办", "云溪实践案例"} <= set(ents) and "云溪通办" not in ents
