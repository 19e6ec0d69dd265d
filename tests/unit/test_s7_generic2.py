"""Session 7 precision rules (issue 9, helper precd): kinds of works, measures, hubs and plans
read as names, and divisions whose names are common words. Synthetic sentences in the genre's
shape with invented names (青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names_and_nested as _names

from kg.loaders.entities import extract_entities
from tests.unit.test_entities import _one_sentence_report


@pytest.mark.parametrize("text, bad", [
    # under construction (veto.under-construction)
    ("推进青禾电厂三期以及在建抽水蓄能电站等项目。", "在建抽水蓄能电站"),
    # measures named by their kind or a bare count (veto.unnamed-measures)
    ("出台营商环境改革措施，压减审批时限。", "营商环境改革措施"),
    ("逐条制定整改措施22条，按期办结。", "整改措施22条"),
    ("完成10方面26项实事项目，群众满意。", "10方面26项实事项目"),
    # kinds of works, funds, stations, platforms, schools (veto.bare-kind-works)
    ("设立母基金和产业子基金，撬动社会资本。", "产业子基金"),
    ("对主要支流进行防洪排涝工程建设。", "防洪排涝工程"),
    ("建设超大规模开放算力平台等一批新型基础设施。", "算力平台"),
    ("采取广播电视大学、函授大学、夜大学等多种形式。", "函授大学"),
    # a hub as a goal (veto.hub-goal)
    ("依托机场建设国际航空货运枢纽，拓展航线。", "国际航空货运枢纽"),
    # a kind of region (veto.kind-of-region)
    ("支持欠发达地区产业发展，巩固成果。", "欠发达地区产业"),
    # a regular mechanism, a facility plan, a goal town (veto.unnamed-system-plan)
    ("健全街镇居村减负常态化机制，精简台账。", "居村减负常态化机制"),
    ("完善托育服务设施空间规划，扩大供给。", "托育服务设施空间规划"),
    ("加快建设青禾都市圈现代化产业新城。", "现代化产业"),
])
def test_a_kind_of_works_measures_or_goal_is_no_name(text, bad):
    names = _names(text)
    assert not any(bad in n for n in names), names


@pytest.mark.parametrize("text, name", [
    ("出台青禾污染防治36条措施，改善空气。", "青禾污染防治36条措施"),
    ("实施云溪防洪工程，加固堤防。", "云溪防洪工程"),
    ("建成青禾国际航空货运枢纽，开通航线。", "青禾国际航空货运枢纽"),
])
def test_named_works_and_packages_stay(text, name):
    assert any(name in n for n in _names(text)), _names(text)


def _places(body: str, place: str, parents: tuple[str, ...]) -> set[str]:
    entities, _ = extract_entities(_one_sentence_report(body, place, parents))
    return {e.name for e in entities if e.type.value == "Place"}


def test_a_common_word_short_form_needs_the_full_name():
    # 资源 is 资源县's short form; inside its own province a report says it as a word
    body = "管好国有资产、资源、资金，防止流失。"
    assert "资源" not in _places(body, "广西壮族自治区", ())
    assert "资源县" in _places("资源县加快发展。管好国有资产、资源、资金。", "广西壮族自治区", ())


def test_a_common_word_division_counts_only_inside_its_province():
    # 解放区 (the liberated areas) outside 焦作's province is no district
    assert "解放区" not in _places("老解放区人民生活得到改善。", "中华人民共和国", ())


def test_a_common_word_full_name_writes_no_short_form():
    # 解放区 outside its province is the liberated areas: it does not make 解放 a county
    body = "老解放区人民生活得到改善。全国解放之前，经济落后。"
    assert not {"解放", "解放区"} & _places(body, "中华人民共和国", ())


@pytest.mark.parametrize("text, bad", [
    ("支持符合条件的高职高专学校升格为职业本科大学。", "高职高专学校"),
    ("建立了社员代表大会和社务委员会。", "社务委员会"),
    ("打好项目招引建设擂台赛，确保落地。", "擂台赛"),
    ("落地新一批22项新城功能性导入事项。", "导入事项"),
])
def test_a_kind_of_body_contest_or_matter_is_no_name(text, bad):
    names = _names(text)
    assert not any(bad in n for n in names), names


@pytest.mark.parametrize("text, bad", [
    ("举办政金企对接活动17场次，为企业融资。", "政金企对接活动"),
    ("青禾镇入列全国农业产业强镇创建名单。", "入列全国农业产业强镇"),
    ("开展城乡居民、灵活就业人员、新就业形态人员参保。", "城乡居民"),
    ("推动全市乡镇区域型养老服务中心覆盖率达到50%。", "区域型养老服务中心"),
    ("引进一批万卡级算力中心项目，算力规模提升。", "万卡级算力中心"),
    ("新开工项目计划总投资大幅下降。", "项目计划"),
])
def test_a_kind_of_people_fund_or_centre_is_no_name(text, bad):
    names = _names(text)
    assert not any(bad in n for n in names), names


def _typed(body: str) -> dict[str, str]:
    entities, _ = extract_entities(_one_sentence_report(body))
    return {e.name: e.type.value for e in entities}


def test_a_listed_place_keeps_its_own_type():
    # the list of projects types its items Programme; a park or a road section is a place
    typed = _typed("推进青禾储能二期、云溪文化体验园、省道123线青禾过境段等项目建设。")
    assert typed.get("云溪文化体验园") == "Place", typed
    assert typed.get("省道123线青禾过境段") == "Place", typed
    assert typed.get("青禾储能二期") == "Programme", typed


def test_a_service_promise_clause_is_no_place():
    names = _names("全面深化农村居民办事不出村、城镇居民办事不出社区、入园企业办事不出园区“三不出”机制，服务提质。")
    assert not any(n.endswith("不出村") or n.endswith("不出园区") for n in names), names


@pytest.mark.parametrize("text, bad", [
    ("用足用好稳增长一揽子政策措施，经济承压前行。", "一揽子政策措施"),
    ("产业类科创项目和平台建设原则上由企业牵头。", "产业类科创项目"),
    ("平均每个公社有农业中学一点二所。", "农业中学"),
])
def test_a_package_or_class_of_projects_is_no_name(text, bad):
    names = _names(text)
    assert not any(bad in n for n in names), names
