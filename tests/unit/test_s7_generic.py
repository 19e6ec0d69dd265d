"""Session 7 precision rules (issue 9, helper preca): kinds, clauses and quotas the head rule
reads as names. Synthetic sentences in the genre's shape with invented names (青禾, 云溪); each
test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names_and_nested as _names

from kg.loaders.entities import extract_entities
from tests.unit.test_entities import _by_name, _one_sentence_report


@pytest.mark.parametrize("text, bad", [
    # a subject, 要 and a verb: a clause (veto.clause-must)
    ("青禾区要增强主城区首位度，用好各类平台。", "青禾区要增强主城区"),
    ("地方政府及有关部门要建立健全工作机制，加强资金调度。", "部门要建立健全工作机制"),
    # a plan as a quota or target (veto.plan-quota)
    ("争取超额完成生产计划，提高质量。", "超额完成生产计划"),
    ("增加优质特色普通高中招生计划1.2万个。", "优质特色普通高中招生计划"),
    ("检查各地区、各部门、各基层单位执行计划的情况。", "基层单位执行计划"),
    ("在保证完成国家收购计划的前提下，实行议购。", "国家收购计划"),
    ("按照农轻重的次序安排国民经济计划。", "次序安排国民经济计划"),
    ("举办文化大篷车等惠民群众文化活动，擦亮品牌。", "惠民群众文化活动"),
    # national and provincial levels of a kind (veto.national-provincial-kind)
    ("争取国省项目补助资金6.3亿元。", "国省项目"),
    ("紧跟国省战略规划和政策投向。", "国省战略规划"),
    # works and plans named by their trade (veto.kind-of-works)
    ("抓好房屋市政工程、高层建筑、燃气等领域整治。", "房屋市政工程"),
    ("电气化改造完成，客运服务工程加快推进。", "客运服务工程"),
    ("按社按队编制土地利用规划，按地块建立档案。", "土地利用规划"),
    # an industry of the whole country (veto.nationwide-sector)
    ("承办全国青禾产业发展现场会。", "全国青禾产业"),
    ("提速打造中国云溪产业之都。", "中国云溪产业"),
    # relevant rules, stubs and slogans (veto.unspecified-rules)
    ("要严格执行中央有关规定，继续减轻负担。", "中央有关规定"),
    ("青禾打造三省(区)结合部区域经济中心、文旅康养中心。", "结合部区域经济中心"),
    ("完善中国特色国有企业现代公司治理。", "中国特色国有企业现代公司"),
    ("绘就青山入城、绿园融城的美丽画卷。", "青山入城"),
    ("完善商品房相关基础性制度，满足住房需求。", "商品房相关基础性制度"),
    ("因地制宜发展特色富民产业，强化稳岗。", "特色富民产业"),
    # a rank strived for, kinds of ranked firms, officials at work (veto.rank-clause)
    ("鼓励创新，青禾高新区冲刺百强高新区。", "青禾高新区冲刺百强高新区"),
    ("争取引进更多“四类500强”、独角兽、瞪羚等企业。", "四类500强"),
    ("引进一批世界500强、中国100强、上市公司或行业龙头。", "中国100强"),
    ("县区部门负责同志常态化接听“12345”热线，办理诉求。", "负责同志"),
    # honour titles received (veto.honour-title)
    ("青禾政务热线获评“全国十佳热线”，服务提质。", "全国十佳热线"),
    ("青禾调解工作室荣获“全国模范人民调解委员会”称号。", "全国模范人民调解委员会"),
    ("营商环境活力指数跃升至青禾中心区27城第2位。", "27城"),
    # bringing something to a community or scenic area (veto.into-community-slogan)
    ("12345热线进社区全面铺开，诉求快速办理。", "热线进社区"),
    ("推动演艺、非遗、文创进景区，打造街区。", "文创进景区"),
    ("各位代表！责重如山、行胜于言。我们要勇毅前行。", "责重如山"),
    # a superlative describes, it does not name (veto.superlative)
    ("全国最大港口客滚综合枢纽加快建设。", "全国最大港口客滚综合枢纽"),
    ("亚洲规模最大转运中心建成投用。", "亚洲规模最大转运中心"),
])
def test_a_kind_clause_or_quota_is_no_name(text, bad):
    names = _names(text)
    assert not any(bad in n for n in names), names


@pytest.mark.parametrize("text, name", [
    ("实施国省干道提质升级工程，改善路况。", "国省干道提质升级工程"),
    ("继续实施农村和青禾地区专项招生计划。", "青禾地区专项招生计划"),
    ("深入实施向科技要产能专项行动，提高研发投入。", "科技要产能专项行动"),
    ("编制青禾县土地利用总体规划，保护耕地。", "青禾县土地利用总体规划"),
    ("大力发展青禾产业，壮大集群。", "青禾产业"),
    ("领军人才获省科学技术最高奖。", "省科学技术最高奖"),
    ("青禾作品获全国优秀儿童文学奖。", "全国优秀儿童文学奖"),
    ("打造中央商务区，加快国际金融城、云溪科技创新中心建设。", "国际金融城"),
])
def test_named_programmes_plans_and_works_stay(text, name):
    assert any(name in n for n in _names(text)), _names(text)



def _entities(body: str) -> dict:
    entities, _ = extract_entities(_one_sentence_report(body, place="海南省", parents=()))
    return _by_name(entities)


def test_a_described_beautiful_place_is_no_campaign():
    # 美丽 + a place after 的: a description of the goal, no campaign's name
    assert "美丽中国" not in _entities("坚定走生态优先之路，建设人与自然和谐共生的美丽中国。")


def test_the_beautiful_place_campaign_stays():
    assert "美丽中国" in _entities("深入推进美丽中国建设，改善生态环境。")


def test_a_kind_of_industry_before_its_system_is_no_sector():
    # …特色现代化产业 right before 体系 describes the planned system of industries
    assert "青禾特色现代化产业" not in _entities("加快构建青禾特色现代化产业体系，壮大实体经济。")


def test_a_kind_of_industry_named_alone_stays_a_sector():
    assert "青禾特色现代化产业" in _entities("加快发展青禾特色现代化产业，壮大实体经济。")


def test_a_sector_in_its_own_words_before_its_system_stays():
    assert "现代文化产业" in _entities("健全现代文化产业体系，推动文旅融合。")
