"""Entity precision and boundaries (issue 9): synthetic sentences in the genre's shape,
invented names (青禾, 云溪, 翠岭…). Each test fails when its rule is removed."""

from __future__ import annotations

import pytest


from spans_of import names_and_nested as _names


def test_sector_name_ends_before_its_rank_word():
    names = _names("统筹推进石油化工主导产业焕新发展，光电子信息新兴产业不断壮大。")
    assert names.get("石油化工") == "Sector"
    assert names.get("光电子信息") == "Sector"
    assert "石油化工主导产业" not in names


def test_sector_keeps_strategic_emerging_industries_whole():
    assert "战略性新兴产业" in _names("鼓励更多资金投向战略性新兴产业和未来产业。")


@pytest.mark.parametrize("text, bad", [
    ("持续巩固大抓产业、主攻工业的良好态势。", "大抓产业"),
    ("做精做深飞机维修产业，拓展整车制造。", "精做深飞机维修产业"),
])
def test_sector_holds_no_lone_verb(text, bad):
    names = _names(text)
    assert bad not in names
    assert not any(n.startswith(("深", "抓")) for n in names)


def test_sector_after_lone_verb_keeps_the_industry():
    assert _names("做精做深飞机维修产业，拓展整车制造。").get("飞机维修产业") == "Sector"


@pytest.mark.parametrize("text, kind", [
    ("推动8个城市更新项目开工。", "城市更新项目"),
    ("打造一批电商产业园、直播基地。", "电商产业园"),
    ("新建病险水库除险加固工程6座。", "病险水库"),
    ("坚决杜绝污染地块违规开发利用。", "污染地块"),
    ("支持国有大型商业银行补充资本。", "国有大型商业银行"),
])
def test_kinds_of_places_and_projects_are_no_names(text, kind):
    names = _names(text)
    assert kind not in names
    assert not any(n.endswith(kind) for n in names)  # nor with a verb glued in front


def test_campaign_of_ordinary_words_is_still_a_programme():
    assert _names("深入实施城市更新行动。").get("城市更新行动") == "Programme"


def test_project_with_a_proper_word_is_kept():
    assert "青禾智慧交通项目" in _names("推进青禾智慧交通项目建设。")


def test_level_hospital_is_a_kind_not_the_divisions_own():
    names = _names("深化县级医院综合能力提升行动，建成区人民医院新院区。")
    assert "县级医院" not in names
    assert "县级医院综合能力提升行动" in names


def test_route_from_place_to_place_is_one_road():
    assert "云溪至翠岭高速公路" in _names("全面建设云溪至翠岭高速公路、青禾大道。")


def test_second_verb_after_carrying_verb_opens_a_regulation():
    names = _names("实施优化营商环境条例，创新开展服务。")
    assert "优化营商环境条例" in names


@pytest.mark.parametrize("text, bad", [
    ("并请全国政协委员提出意见。", "全国政协委员提出意见"),
    ("办理市人大常委会审议意见和代表建议。", "市人大常委会审议意见"),
])
def test_remarks_are_no_policy(text, bad):
    assert bad not in _names(text)


def test_guiding_opinion_is_a_policy():
    assert _names("出台青禾产业发展指导意见，推动转型。").get("青禾产业发展指导意见") == "Policy"


@pytest.mark.parametrize("term", ["青禾标准", "云溪样板", "翠岭品牌"])
def test_quoted_place_label_is_a_slogan(term):
    assert term not in _names(f"为全国提供了“{term}”，新增项目12个。")


def test_quoted_term_before_a_requirement_is_no_programme():
    assert "一城一策" not in _names("落实“一城一策”要求，优化完善政策。")


def test_glued_verb_is_trimmed_and_bare_kind_dropped():
    names = _names("紧盯青禾经济带、云溪都市圈发展机遇。")
    assert not any(n.startswith("紧盯") for n in names)
    assert "产业" not in _names("新开工百亿元产业项目3个、10亿元以上产业项目119个。")


def test_products_in_a_project_list_are_no_names_but_companies_are():
    names = _names("重点引进起重机、电机、齿轮箱等项目，推动青禾科技、云溪电子等企业发展。")
    assert not {"起重机", "电机"} & set(names)
    assert names.get("青禾科技") == "Organization/company"


def test_two_slogans_side_by_side_are_no_list_item():
    assert "“两重”“两新”" not in _names("“两重”“两新”、基础设施等重大项目深入推进。")


def test_measure_word_is_no_quoted_term():
    # jieba tags 桩 q (a measure word) like kg's quotes: it is no proper word
    assert not any(n.endswith("充电桩项目") for n in _names("优化布局新能源充电桩项目，更好满足需求。"))


def test_generic_genre_word_is_no_proper_word():
    assert "规上工业企业研发活动" not in _names("推动规上工业企业研发活动全覆盖。")


def test_event_joined_by_ji_starts_after_a_stub():
    names = _names("贯彻市委六届八次全会暨市委经济工作会议决策部署。")
    assert "全会暨市委经济工作会议" not in names
    assert "市委经济工作会议" in names


def test_nominal_verb_opening_a_strategy_is_kept():
    assert "就业优先战略" in _names("坚持实施就业优先战略和更加积极的就业政策。")


def test_regulating_verb_after_carrying_verb_opens_a_campaign():
    assert "规范涉企执法专项行动" in _names("开展规范涉企执法专项行动，集中整治乱收费。")


def test_campaign_verb_is_no_part_of_an_airport():
    names = _names("持续攻坚青禾机场，确保早日获批。")
    assert "攻坚青禾机场" not in names
    assert "青禾机场" in names


def test_span_of_years_stays_inside_a_plan():
    assert "青禾城镇化战略五年行动计划" in _names("深入实施青禾城镇化战略五年行动计划，扎实推进。")


def test_lowering_verb_after_carrying_verb_opens_a_campaign():
    assert "降低青禾物流成本专项行动" in _names("实施降低青禾物流成本专项行动。")


def test_proposal_title_is_a_policy():
    assert _names("根据《中共青禾市委关于制定国民经济和社会发展第十五个五年规划的建议》，市政府制定了纲要。").get(
        "中共青禾市委关于制定国民经济和社会发展第十五个五年规划的建议") == "Policy"


def test_rare_genre_word_is_no_proper_word():
    assert "特教学校" not in _names("推进青禾老年大学、特教学校等新校区建设。")


def test_counted_works_are_a_kind():
    names = _names("建成农村公路安防工程1113.5公里，实施青禾康复护理扩容提升工程。")
    assert "农村公路安防工程" not in names
    assert "青禾康复护理扩容提升工程" in names


def test_quoted_kind_is_no_name():
    assert "美丽街区" not in _names("建成103个“美丽街区”，59个机关开放。")


def test_bare_company_names_in_a_project_list_are_companies():
    """"建成甲、乙、丙等重大项目": a bare name in a list of projects names the company the
    project is named by (Organization/company); a phase or a plant kind keeps it a project."""
    names = _names("大力实施华岚、特峦电工、国禾长源、澜禾光伏等项目。")
    assert names.get("华岚") == "Organization/company"
    assert names.get("特峦电工") == "Organization/company"
    assert names.get("国禾长源") == "Organization/company"
    assert names.get("澜禾光伏") == "Programme"
    # outside a list of projects the same names keep the list's own typing
    assert _names("大力实施华岚、特峦电工、国禾长源等工程。").get("华岚") != "Organization/company"


@pytest.mark.parametrize("text, item", [
    ("加快推进光伏组件、制氢电源等项目建设。", "制氢电源"),
    ("深入实施智慧交通、智慧城管等平台项目。", "智慧交通"),
    ("竣工投产年产5万吨浆粕、林木加工等项目。", "浆粕"),
    ("积极推进高精铜带产业园、锂电池隔离膜等项目建设。", "锂电池隔离膜"),
])
def test_products_and_kinds_in_a_project_list_are_not_companies(text, item):
    assert _names(text).get(item) != "Organization/company"


@pytest.mark.parametrize("text", ["深度融入共建“一带一路”大格局。", "与共建“一带一路”国家开展合作。"])
def test_a_quoted_term_the_corpus_vouches_for_keeps_its_corpus_type(text):
    """“一带一路” ends in 路 (a road's head word) but the bulk corpus names it a Programme;
    a quote rule that reads it off its last character would call it a road."""
    assert _names(text).get("一带一路") == "Programme"


@pytest.mark.parametrize("text, name", [
    ("建成青岚国际博览中心，举办各类展会。", "青岚国际博览中心"),
    ("加快云溪新型算力中心建设。", "云溪新型算力中心"),
    ("开业翠岭商业中心、禾澜购物公园。", "翠岭商业中心"),
    ("推进青岚博物院改造提升。", "青岚博物院"),
])
def test_a_centre_that_is_a_facility_is_a_building(text, name):
    """GUIDELINES §5: named buildings and complexes are Place/building; a 中心 whose
    modifier says what is housed there (博览, 商业, 算力) is a building, not a body."""
    assert _names(text).get(name) == "Place/building"


def test_a_research_centre_stays_an_organisation():
    assert _names("组建青岚海洋技术创新中心。").get("青岚海洋技术创新中心") == "Organization/research"


@pytest.mark.parametrize("text, name", [
    ("以青禾科创大走廊为主平台，加快建设。", "青禾科创大走廊"),
    ("推进云溪文化大走廊建设。", "云溪文化大走廊"),
    ("建设翠岭湾科技城。", "翠岭湾科技城"),
])
def test_corridors_and_science_cities_are_areas(text, name):
    """GUIDELINES §5 Place/area: zones that are built and run; a 大走廊 or 科技城 is one."""
    names = _names(text)
    assert names.get(name) == "Place/area"
    assert not any(n.endswith("为主平台") for n in names)


def test_a_verb_before_a_ranking_ends_the_name():
    assert not any("入围" in n for n in _names("青禾大科城入围全国百强科技城。"))


@pytest.mark.parametrize("text, kind", [
    ("建成青禾友好医院3个、标准化公园。", "青禾友好医院"),
    ("谋划12个青禾经济带先导工程和一批重点项目。", "青禾经济带先导工程"),
    ("新增一批村级养老服务中心。", "村级养老服务中心"),
    ("新签约“青禾”产业项目34个、开工26个。", "“青禾”产业项目"),
])
def test_a_counted_kind_is_no_name(text, kind):
    """GUIDELINES §5: "公园5个" is generic; what the report counts is a kind of things."""
    names = _names(text)
    assert kind not in names
    # nor its modifier as a sector or programme of its own ("“青禾”产业")
    assert not any(kind.startswith(n) and n != kind and not lab.startswith("Place") for n, lab in names.items())


def test_a_count_shared_by_listed_items_keeps_the_items():
    names = _names("新引进金桂三期、云溪三期2个百亿级工业项目。")
    assert "云溪三期" in names and "金桂三期" in names


def test_a_count_before_a_longer_phrase_keeps_the_place_it_names():
    assert _names("谋划12个青禾经济带先导工程和一批重点项目。").get("青禾经济带") == "Place/area"


@pytest.mark.parametrize("text, bad", [
    ("打造青禾东北亚区域消费中心城市，扩大入境消费。", "青禾东北亚区域消费中心"),
    ("申建国家产教融合试点城市。", "国家产教融合试点"),
    ("提升改造云溪河中心城区沿岸。", "云溪河中心"),
])
def test_a_head_word_before_a_city_word_modifies_it(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, good, bad", [
    ("支持市青禾医院争创“三甲”医院。", "市青禾医院", "市青禾医院争创“三甲”医院"),
    ("云溪高新区进入全省开发区30强。", "云溪高新区", "云溪高新区进入全省开发区"),
    ("5万人次学生享受营养改善计划。", "营养改善计划", "学生享受营养改善计划"),
])
def test_a_predicate_verb_ends_the_subject_name(text, good, bad):
    names = _names(text)
    assert good in names and bad not in names


def test_a_park_area_is_no_sector():
    assert "园区" not in _names("科学确定园区主导产业、发展方向。")


def test_a_one_character_head_is_shared_by_no_list():
    names = _names("培育壮大稻米、肉牛、白鹅、青禾山特产4个品牌。")
    assert not {"稻米", "肉牛"} & set(names)


def test_a_two_character_head_is_shared_by_its_list():
    assert _names("推进水贝、金岭社区改造。").get("水贝") == "Place/community"


@pytest.mark.parametrize("text, name", [
    ("出台实施促消费“15条”、稳外贸“21条”等政策措施。", "稳外贸“21条”"),
    ("出台实施促消费“15条”、稳外贸“21条”等政策措施。", "促消费“15条”"),
    ("制定实施助力中小微企业“28条”，深化改革。", "助力中小微企业“28条”"),
])
def test_a_measure_package_keeps_the_verb_of_its_topic(text, name):
    assert _names(text).get(name) == "Policy"


@pytest.mark.parametrize("text, bad", [
    ("治理中小河流14条、排污口85个。", "中小河流14条"),
    ("新开优化公交线路12条、夜经济公交直通车。", "公交线路12条"),
])
def test_things_counted_by_tiao_are_no_package(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, title", [
    ("青禾高新区获批国家级循环经济标准化试点，云溪获评全省示范。", "国家级循环经济标准化试点"),
    ("深化省级县城新型城镇化建设试点，支持有条件的县。", "省级县城新型城镇化建设试点"),
    ("争创智慧农业类国家农业现代化示范区。", "智慧农业类国家农业现代化示范区"),
])
def test_a_title_a_place_received_is_no_name(text, title):
    assert title not in _names(text)


def test_a_national_pilot_programme_is_kept():
    assert "国家服务业扩大开放综合试点" in _names("深入实施国家服务业扩大开放综合试点，持续推进。")


@pytest.mark.parametrize("text, goal", [
    ("锚定打造“三地一区”、建设“十个区域中心”。", "三地一区"),
    ("打造“一带一廊四中心”，坚持差异化发展。", "一带一廊四中心"),
])
def test_a_formula_of_counted_places_is_a_goal_not_a_name(text, goal):
    assert goal not in _names(text)


def test_a_formula_service_stays_a_programme():
    assert "“一网通办”" in _names("推进“一网通办”，优化服务。")


def test_a_kindergarten_kind_is_no_name():
    assert "普惠性幼儿园" not in _names("新增托位4000个，普惠性幼儿园覆盖率达到91%。")


def test_a_title_received_takes_its_modifiers_with_it():
    names = _names("青禾镇被认定为国家首批农业产业强镇，产业兴旺。")
    assert not any(n.endswith(("强镇", "农业产业")) for n in names)


def test_a_pilot_city_is_a_title():
    assert "城市医疗集团试点" not in _names("推进城市医疗集团试点市建设，建成医共体。")


def test_a_count_with_duo_before_a_kind():
    assert "农业中学" not in _names("公社还办了三万多所农业中学。")


@pytest.mark.parametrize("text, good", [
    ("建成通车青禾高速、云溪铁路。", "青禾高速"),
    ("学习借鉴“千村示范、万村整治”工程经验。", "“千村示范、万村整治”工程"),
    ("持续开展化解拖欠中小企业账款专项行动，促进发展。", "化解拖欠中小企业账款专项行动"),
])
def test_verbs_before_a_name_are_left_out_or_opened(text, good):
    assert good in _names(text)
