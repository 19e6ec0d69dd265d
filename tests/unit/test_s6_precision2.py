"""Session 6 precision rules, second round (issue 9): titles of works, bodies cut from a longer
level word, kinds named only by their kind word. Synthetic sentences in the genre's shape with
invented names (青禾, 云溪); each test fails when its rule is removed."""

from __future__ import annotations

import pytest

from spans_of import names_and_nested as _names


@pytest.mark.parametrize("text, work", [
    ("青禾纪录片《云溪之光》荣获大奖。", "云溪之光"),
    ("京剧《青禾悟道》主演获中国戏剧奖。", "青禾悟道"),
    ("《青禾年鉴》获评全省一等年鉴。", "青禾年鉴"),
    ("《云溪文库》正式出版。", "云溪文库"),
])
def test_a_work_in_a_title_is_no_entity(text, work):
    assert work not in _names(text)


def test_nothing_inside_a_works_title_is_a_campaign():
    assert "健康中国" not in _names("文艺晚会《健康中国》情感浓烈。")


@pytest.mark.parametrize("text, name, label", [
    ("制定《青禾营商环境条例》。", "青禾营商环境条例", "Policy"),
    ("实施《青禾空气质量提升攻坚行动》，加强治理。", "青禾空气质量提升攻坚行动", "Programme"),
    ("启动实施《青禾2035》，推动发展。", "青禾2035", "Policy"),
    ("发布《云溪共识》，共建平台。", "云溪共识", "Policy"),
    ("出台《青禾预算绩效管理规范》，提升绩效。", "青禾预算绩效管理规范", "Policy"),
    ("《世界青禾名册》排名跃居第73位。", "世界青禾名册", "Programme"),
    ("打造《青禾·雅韵》实景演艺项目。", "《青禾·雅韵》实景演艺项目", "Programme"),
])
def test_titles_of_documents_programmes_and_rankings_stay(text, name, label):
    assert _names(text).get(name) == label


@pytest.mark.parametrize("text, bad", [
    ("香港特区政府沉着应对，区县政府债务风险下降。", "区政府"),
    ("香港特区政府沉着应对，区县政府债务风险下降。", "县政府"),
])
def test_a_body_cut_from_a_longer_level_word_is_no_name(text, bad):
    assert bad not in _names(text)


def test_a_body_after_a_clause_edge_stays():
    assert _names("在市委坚强领导下，市政府加强领导。").get("市政府") == "Organization/government"


@pytest.mark.parametrize("text, bad", [
    ("大力发展富民产业，推进乡村建设。", "富民产业"),
    ("五大农业特色产业稳步发展。", "农业特色产业"),
    ("办好卓越工程师学院，深化改革。", "卓越工程师学院"),
    ("加强全市人才计划整合，加快形成梯队。", "人才计划"),
    ("推动500千伏电网工程建设。", "500千伏电网工程"),
    ("25万吨级单点系泊码头完成主体。", "25万吨级单点系泊码头"),
    ("建设100公里山城绿道；建设口袋公园。", "100公里山城绿道"),
    ("推进青禾峡谷创国家4A级旅游景区。", "青禾峡谷创国家4A级旅游景区"),
    ("规范发展企业年金制度。", "金制度"),
])
def test_kinds_goals_and_stubs_are_no_names(text, bad):
    assert bad not in _names(text)


def test_a_works_named_by_its_place_after_the_voltage_stays():
    assert "500千伏云溪输变电工程" in _names("推动500千伏云溪输变电工程建设。")


def test_report_to_the_central_government_is_no_part_of_its_name():
    names = _names("提出行政长官人选，报中央人民政府任命。")
    assert "报中央人民政府" not in names
    assert "中央人民政府" in names


@pytest.mark.parametrize("text, bad", [
    ("青禾镇、云溪镇创成省级百强中心镇。", "省级百强中心镇"),
    ("青禾经开区、云溪高新区获批。", "开区"),
    ("青禾到了滚石上山、爬坡过坎的紧要关头。", "滚石上山"),
    ("成功举办2届青禾博览会、3届云溪商博会。", "2届青禾博览会"),
    ("畅通12345便民服务热线，群众诉求按时办结。", "畅通12345便民服务热线"),
])
def test_titles_received_stubs_idioms_and_counts_are_no_names(text, bad):
    assert bad not in _names(text)


def test_a_works_title_and_the_award_it_won_are_no_one_name():
    names = _names("长篇小说《云溪》荣获第十一届青禾文学奖。")
    assert not any(n.startswith("《云溪》") for n in names)


@pytest.mark.parametrize("text, word", [
    ("践行绿水青山就是金山银山的理念。", "金山"),
    ("大兴调查研究之风，改进作风。", "大兴"),
    ("推动东北振兴发展取得新突破。", "振兴"),
    ("这是开放合作成果丰硕的五年。", "合作"),
    ("抓改革、惠民生各项工作扎实推进。", "惠民"),
])
def test_a_division_name_inside_a_genre_phrase_is_no_place(text, word):
    assert word not in _names(text)


def test_the_same_division_name_elsewhere_stays_a_place():
    assert _names("金山海上风电一期建成。").get("金山", "").startswith("Place/admin")


def test_a_measure_package_keeps_a_distinguishing_word_of_its_topic():
    names = _names("出台支持民营经济发展31条、市场主体培育18条等政策措施。")
    assert "支持民营经济发展31条" in names
    assert "经济发展31条" not in names


@pytest.mark.parametrize("text, glued, name", [
    ("进一步丰富云溪路、青禾广场服务功能。", "丰富云溪路", "云溪路"),
    ("全面推进改革，做优做强青禾城市医疗集团，推进试点。", "做强青禾城市医疗集团", "青禾城市医疗集团"),
])
def test_a_verb_of_strengthening_is_no_part_of_the_name(text, glued, name):
    names = _names(text)
    assert glued not in names
    assert name in names


@pytest.mark.parametrize("text, title", [
    ("青禾茶产业入选全国重点地方特色食品产业集群，云溪获评。", "地方特色食品产业集群"),
    ("青禾入选中央财政支持普惠金融发展示范区。", "普惠金融发展示范区"),
])
def test_a_title_received_after_its_qualifier_is_no_name(text, title):
    assert title not in _names(text)


def test_a_package_after_two_verbs_starts_at_its_topic():
    names = _names("打出促进民营经济高质量发展“10条”、加强招商引资“18条”等组合拳。")
    assert "民营经济高质量发展“10条”" in names
    assert not any(n.startswith("打出") for n in names)


@pytest.mark.parametrize("text, bad", [
    ("人民幸福安康是发展的目的。", "安康"),
    ("推进青禾河长治久清。", "长治"),
    ("青禾景区申创国家5A级景区，新增4A级景区。", "申创国家5A级景区"),
    ("创塑全国一流度假区品牌。", "创塑全国一流度假区"),
    ("国家级示范性老年友好社区增至3个。", "友好社区"),
    ("全链条推进农业产业体系升级。", "农业产业"),
    ("聚焦中央重大战略和重大政策投向。", "中央重大战略"),
    ("强化国际航运中心枢纽地位。", "国际航运中心枢纽"),
])
def test_more_words_goals_and_kinds_are_no_names(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, bad", [
    ("推动青禾消费副中心建设。", "青禾消费副中心"),
    ("适当地建造起许多高楼大厦。", "高楼大厦"),
    ("增强双创平台服务能力。", "双创平台"),
])
def test_goals_and_ordinary_words_are_no_names(text, bad):
    assert bad not in _names(text)


def test_an_industry_before_the_word_of_its_gala_is_no_sector():
    assert "青禾时尚产业" not in _names("成功举办青禾时尚产业盛典、国际电影节。")


def test_an_edition_ends_at_its_event_not_at_carrying_out():
    names = _names("第十五届青禾运动会筹备工作有序开展。")
    assert "第十五届青禾运动会" in names
    assert not any(n.endswith("开展") for n in names)


@pytest.mark.parametrize("text, bad", [
    ("全国灌溉总面积计划完成。", "全国灌溉总面积计划"),
    ("卫生部系统的医务人员下乡。", "卫生部系统"),
    ("积极推动市州级医院建设。", "市州级医院"),
])
def test_planned_figures_systems_and_levels_are_no_names(text, bad):
    assert bad not in _names(text)


def test_a_batch_of_a_title_received_is_no_name():
    assert "省级重点专业镇" not in _names("青禾镇入选第二批省级重点专业镇。")


@pytest.mark.parametrize("text, bad", [
    ("广泛开展群众性文化活动，丰富群众生活。", "群众性文化活动"),
    ("举办政银企对接活动12场。", "政银企对接活动"),
])
def test_activities_named_by_their_kind_are_no_names(text, bad):
    assert bad not in _names(text)


@pytest.mark.parametrize("text, bad", [
    ("开展文化惠民活动6万场以上。", "惠民"),
    ("新增省级百强中心镇3个。", "省级百强中心镇"),
])
def test_new_titles_and_a_benefit_phrase_are_no_names(text, bad):
    assert bad not in _names(text)
