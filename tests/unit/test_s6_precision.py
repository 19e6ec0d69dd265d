"""Session 6 precision rules (issue 9): genre-wide vetoes, trims and narrowings found by
reading bulk reports no key covers. Synthetic sentences in the genre's shape, invented
names (青禾, 云溪, 翠岭…). Each test fails when its rule is removed."""

from __future__ import annotations

import pytest


from spans_of import names_and_nested as _names


@pytest.mark.parametrize("text, bad", [
    ("重大安全问题也正在采取措施。", "采取措施"),
    ("有几项重要产品的产量没有完成计划：钢完成九成。", "产量没有完成计划"),
    ("以重点为抓手，推进三年攻坚行动，做好规划。", "三年攻坚行动"),
    ("公路等项目路基、桥梁主体工程全部完工。", "桥梁主体工程"),
    ("开工建设青禾二十一路北延工程，打通云溪大桥。", "路北延工程"),
])
def test_clauses_kinds_and_stubs_are_no_names(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, glued, name", [
    ("各位代表，壮美云溪河滚滚向前，品质青禾日新月异。", "壮美云溪河", "云溪河"),
    ("入库青禾山招商推介项目16个。", "入库青禾山", "青禾山"),
])
def test_word_glued_in_front_ends_the_name(text, glued, name):
    names = _names(text)
    assert glued not in names
    assert name in names


@pytest.mark.parametrize("text", [
    "将一张张“民生清单”兑现为一件件实事。",
    "把群众的“心愿清单”作为政府的工作重点。",
])
def test_quoted_list_as_a_figure_is_no_policy(text):
    assert not any(n.endswith("清单") for n in _names(text))


def test_quoted_list_as_an_instrument_stays():
    assert _names("落实青禾“三张清单”，推动项目落地。").get("三张清单") == "Policy"


@pytest.mark.parametrize("text, bad", [
    ("营造共建共治共享社会治理格局。坚持发展。", "共治共享社会治理格局"),
    ("健全优化共建共治共享制度体系，夯实基础。", "共治共享制度体系"),
    ("青禾生态修复项目一二标段工程建成。", "标段工程"),
])
def test_cut_slogans_and_section_stubs_are_no_names(text, bad):
    assert bad not in _names(text)


def test_a_strategy_named_by_its_driver_keeps_the_driver():
    names = _names("深入实施创新驱动发展战略，以更大力度办教育。")
    assert names.get("创新驱动发展战略") == "Policy"
    assert "驱动发展战略" not in names


@pytest.mark.parametrize("text, bad", [
    ("坚决不搞“新形象工程”，把资源用在民生上。", "新形象工程"),
    ("杜绝“形象工程”“政绩工程”，力戒形式主义。", "形象工程"),
    ("发表重要讲话，充分肯定纪念活动服务保障工作。", "充分肯定纪念活动"),
])
def test_pejorative_works_and_praise_verbs_are_no_names(text, bad):
    assert not any(bad in n for n in _names(text))


def test_a_place_named_with_duan_is_no_section_stub():
    assert "段溪镇" in _names("青禾镇、段溪镇获评美丽城镇省级示范乡镇。")


@pytest.mark.parametrize("text, bad", [
    ("各级政府要自觉接受同级人民代表大会及其常委会的监督。", "同级人民代表大会"),
    ("争创国家文化产业和旅游产业融合发展示范区。", "国家文化产业"),
    ("加快建设青禾第二过江通道、机场高速二期。", "江通道"),
    ("推动港产城协同联动，发展港口经济。", "港产城"),
    ("坚持以科技创新引领现代化产业体系建设。", "引领现代化产业"),
    ("与58所高校建立合作机制，引进人才。", "合作机制"),
    ("重大项目提前完成年度投资计划。", "年度投资计划"),
    ("推进山水林田湖草沙系统治理，守护生态。", "山水林田湖草沙系统"),
])
def test_stubs_and_bare_kinds_are_no_names(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, bad", [
    ("健全帮扶项目联农带农机制，促进增收。", "联农带农机制"),
    ("出台重点惠企政策措施，兑现奖补资金。", "惠企政策措施"),
    ("变“工作清单”为“成绩单”，抓好落实。", "工作清单"),
])
def test_generic_mechanisms_and_turned_lists_are_no_names(text, bad):
    assert not any(n.endswith(bad) for n in _names(text))


def test_a_clause_opening_with_each_county_is_no_name():
    names = _names("强化考核，各县区每季度观摩制造业项目，比学赶超。")
    assert not any(n.startswith("各县区") for n in names)


def test_national_before_a_sector_leaves_no_name():
    names = _names("实施产业创新工程，开展国家新兴产业发展示范基地创建。")
    assert not any(n.startswith("国家") for n in names)


@pytest.mark.parametrize("text, name", [
    ("发展投贷联动模式，支持科创企业。", "投贷联动模式"),
    ("探索社区嵌入式养老模式，完善服务。", "社区嵌入式养老模式"),
    ("推行工业上楼模式，节约用地。", "工业上楼模式"),
])
def test_a_descriptive_model_is_no_name(text, name):
    assert name not in _names(text)


@pytest.mark.parametrize("text, name", [
    ("推广“青禾”模式，带动增收。", "“青禾”模式"),
    ("推广301快贷模式，服务小微企业。", "301快贷模式"),
])
def test_a_marked_model_stays(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text, name", [
    ("加快引青济云二期工程建设。", "引青济云二期工程"),
    ("推进引溪补禾工程，保障供水。", "引溪补禾工程"),
])
def test_a_water_transfer_keeps_its_yin(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text, bad", [
    ("深化“三看三比”，压茬推进项目建设。", "压茬推进项目"),
    ("加强乡镇寄宿制学校和县城学校建设。", "县城学校"),
    ("全力支持青禾科技学院更名大学，推进建设。", "青禾科技学院更名大学"),
])
def test_verbs_and_school_kinds_are_no_names(text, bad):
    assert bad not in _names(text)


def test_a_county_short_form_that_is_a_word_marks_no_model():
    assert "合作模式" not in _names("能留在当地，创新合作模式和利益联结机制。")


@pytest.mark.parametrize("text, bad", [
    ("类学科建设，建成启用青禾大学云溪校区。", "建成启用青禾大学云溪校区"),
    ("持续叫响冰城夏都品牌。", "叫响冰城"),
    ("21个“保交楼”项目交付。", "“保交楼”项目"),
    ("推行草原森林河流湖泊湿地休养生息。", "草原森林河流湖泊湿地"),
    ("所有乡村学校都有城镇学校对口帮扶。", "城镇学校"),
])
def test_more_glued_verbs_and_kinds_are_no_names(text, bad):
    assert not any(bad in n for n in _names(text))


@pytest.mark.parametrize("text, bad", [
    ("完成企业智能化重点项目120个。", "企业智能化重点项目"),
    ("推进青禾走廊标志性工程建设。", "青禾走廊标志性工程"),
])
def test_key_and_landmark_projects_are_a_class(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, bad", [
    ("将青禾片区纳入计划，加快推进。", "纳入计划"),
    ("完成全口径政府投资计划。", "口径政府投资计划"),
])
def test_clauses_with_naru_and_cut_koujing_are_no_names(text, bad):
    assert bad not in _names(text)
