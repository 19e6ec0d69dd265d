"""Items of a list typed by the category after 等 (GUIDELINES §5/§6): industries, companies,
projects; synthetic sentences in the genre's shape."""

from __future__ import annotations

import pytest
from kg.loaders.nlp import make_nlp


def _ents(text: str) -> dict[str, tuple[str, str]]:
    doc = make_nlp()(text)
    return {s.text: (s.label_, s.id_) for s in doc.spans["kg_entities"]}


def test_items_of_an_industry_list_are_sectors():
    ents = _ents("推动生物制造、深海养殖、电子竞技等未来产业落子布局、加快发展。")
    for item in ("生物制造", "深海养殖", "电子竞技"):
        assert ents[item][0] == "Sector", item


@pytest.mark.parametrize("closing", ["等产业链循环延伸", "等新兴赛道", "等优势产业", "等战略性新兴产业"])
def test_an_industry_category_after_a_modifier_types_the_list(closing):
    ents = _ents(f"带动氯碱化工、动漫游戏、现代演艺{closing}。")
    assert ents.get("动漫游戏", ("",))[0] == "Sector"
    assert ents.get("现代演艺", ("",))[0] == "Sector"


def test_a_deed_or_a_region_in_an_industry_list_is_no_sector():
    ents = _ents("以数实融合、动能培育推动合成革等传统产业转型，主动承接京津冀、长三角等地区产业转移。")
    for item in ("数实融合", "动能培育", "京津冀"):
        assert ents.get(item, ("",))[0] != "Sector", item


def test_an_industry_word_before_a_noun_types_no_list():
    ents = _ents("建设生物医药、海洋装备等产业技术创新平台。")
    assert ents.get("海洋装备", ("",))[0] != "Sector"


def test_a_category_after_a_count_and_a_clause_types_the_list():
    ents = _ents("青禾五期、苍岚芯、翠屿、云坞等一批突破“卡脖子”技术难题的重点项目全面投产。")
    assert ents["青禾五期"][0] == "Programme"  # a phase: the project
    assert ents["苍岚芯"][0] == "Organization/company"  # a bare name: the company


def test_parallel_lists_share_the_category_of_the_last():
    ents = _ents("大力推进青硅科技、翠禾二期等光电子信息，苍林三期、岚屿科技等新材料，云岫医药等生物医药项目加快建设。")
    assert ents["翠禾二期"][0] == "Programme"
    assert ents["苍林三期"][0] == "Programme"
    assert ents["青硅科技"][0] == "Organization/company"
    assert ents["岚屿科技"][0] == "Organization/company"


def test_a_new_clause_after_a_comma_lends_no_category():
    ents = _ents("支持合作共建、飞地园区等结对模式，建立统计分算、考核共担等利益合作机制，实施青岚港、云溪港等重大项目。")
    for item in ("统计分算", "考核共担", "飞地园区"):
        assert ents.get(item, ("",))[0] != "Programme", item


def test_a_coined_name_before_a_trade_word_in_a_company_list_is_a_company():
    ents = _ents("重点挖掘新钛科技、岚芯半导体等企业出口潜力。")
    assert ents["新钛科技"] == ("Organization/company", "list:brand")
    assert ents["岚芯半导体"][0] == "Organization/company"


def test_a_dictionary_trade_phrase_is_no_company():
    ents = _ents("支持生物医药、新能源汽车等企业技改升级。")
    assert "生物医药" not in ents or ents["生物医药"][0] != "Organization/company"
    assert "新能源汽车" not in ents or ents["新能源汽车"][0] != "Organization/company"


def test_a_clause_before_a_conjunction_opens_no_list():
    ents = _ents("加快推进云溪、翠屏两大抽水蓄能电站建设和苍梧大堤、城北排涝等重大能源水利项目。")
    assert ents.get("云溪", ("",))[0] != "Programme"
    assert ents["苍梧大堤"][0] == "Programme"


def test_counted_parallel_lists_are_industries_of_the_last_category():
    ents = _ents("成功创建石化新材料、现代金融3个千亿级，食品工业、现代种业2个百亿级产业集群。")
    for item in ("石化新材料", "现代金融", "食品工业", "现代种业"):
        assert ents.get(item, ("",))[0] == "Sector", item


def test_new_growth_engines_are_industries():
    ents = _ents("积极打造商业航天、低空经济等新增长引擎。")
    assert ents["商业航天"][0] == "Sector" and ents["低空经济"][0] == "Sector"


def test_only_the_first_industry_loses_a_generic_word_in_front():
    ents = _ents("加快前沿新兴氢能、特色健康食品等产业发展。")
    assert "氢能" in ents and "前沿新兴氢能" not in ents
    assert "健康食品" not in ents


def test_routes_in_a_works_project_list_are_no_companies():
    ents = _ents("启动青岚云通、翠屿集扩等铁路项目建设。")
    assert all(label != "Organization/company" for label, _ in ents.values())


def test_a_technique_in_a_project_list_is_no_name():
    ents = _ents("推进青禾综合能源基地、抽水蓄能等项目前期工作。")
    assert "抽水蓄能" not in ents


def test_a_road_in_a_project_list_is_no_company():
    ents = _ents("推进青禾高速、巴城东环线等项目加快建设。")
    assert ents.get("巴城东环线", ("",))[0] != "Organization/company"


def test_the_first_industry_starts_after_the_verbs_glued_in_front():
    ents = _ents("实施数字核心产业倍增行动，聚力突破机器人、汽车电子等产业。")
    assert "机器人" in ents and "聚力突破机器人" not in ents
    ents = _ents("推动生物制造、深海养殖等未来产业。")
    assert "生物制造" in ents


def test_list_mates_of_a_company_in_a_project_list_are_companies():
    ents = _ents("大力实施青润、翠变电工、金能长源、新岚宏等项目，形成新能源布局。")
    assert ents["翠变电工"][0] == "Organization/company"
    assert ents["金能长源"][0] == "Organization/company"
    assert ents["新岚宏"][0] == "Organization/company"


def test_without_a_company_mate_a_bare_project_item_stays_a_project():
    ents = _ents("加快黄河文化博物馆群、九龙湾文旅融合园、星锐影视基地等重点文旅项目建设。")
    assert ents["星锐影视基地"][0] == "Programme"


def test_a_coined_name_before_a_trade_word_sharing_a_project_head_is_a_company():
    ents = _ents("建成青兰微、富钛半导体、长川科技、科百特等重大项目。")
    assert ents["富钛半导体"] == ("Organization/company", "enum:brand")


def test_a_trade_done_in_a_project_list_is_no_company():
    ents = _ents("竣工投产年产5万吨浆粕、林木加工等项目。")
    assert ents.get("林木加工", ("",))[0] != "Organization/company"
    assert ents.get("浆粕", ("",))[0] != "Organization/company"
