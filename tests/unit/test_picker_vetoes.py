"""EntityPicker's genre-wide vetoes and trims (issue 9, entity precision): synthetic
sentences in the genre's shape, invented names (青禾, 云溪, 翠岭…). Each test fails when its
rule is removed."""

from __future__ import annotations

import pytest


from spans_of import names_and_nested as _names


@pytest.mark.parametrize("text, kind", [
    ("推进云溪河治理、翠岭片区等内涝治理工程，提升防洪能力。", "内涝治理工程"),
    ("落实青禾湾区、云溪经济带等区域发展战略，深化合作。", "区域发展战略"),
    ("开展青禾庙会、云溪灯会等特色文旅活动，发展夜间经济。", "特色文旅活动"),
])
def test_kind_closing_a_list_is_no_name(text, kind):
    assert kind not in _names(text)


def test_quoted_name_after_the_list_stays():
    assert any("十大工程" in n for n in _names("推进青禾片区、云溪片区等“十大工程”建设。"))


@pytest.mark.parametrize("text, glued, name", [
    ("加强监测预警。全力支持云溪医学科学院翠岭医院建设。", "全力支持云溪医学科学院翠岭医院", "云溪医学科学院翠岭医院"),
    ("做好五篇大文章，做优“青禾”基金矩阵，持续推进改革。", "优“青禾”基金", "“青禾”基金"),
])
def test_verb_glued_in_front_is_trimmed(text, glued, name):
    names = _names(text)
    assert glued not in names
    assert name in names


def test_time_word_glued_in_front_is_no_part_of_the_name():
    assert not any(n.startswith("目前") for n in _names("目前云溪承包责任制已从少数地区扩展到全省。"))


def test_one_ordinary_word_left_after_the_verb_is_no_name():
    names = _names("普遍增强人民体质，努力提高体育运动的技术水平。")
    assert not any("体育运动" in n for n in names)


def test_two_quoted_names_before_one_head_keep_the_second():
    names = _names("人才一体发展。实施“青禾计划”“云溪兴才”行动，引育高端人才。")
    assert "“青禾计划”“云溪兴才”行动" not in names
    assert "“云溪兴才”行动" in names


def test_quoted_pair_without_a_head_of_its_own_stays_whole():
    assert "“青禾”“云溪”融合发展机制" in _names("健全“青禾”“云溪”融合发展机制，推进保护。")


@pytest.mark.parametrize("text, bad, name", [
    ("各民主党派中央、无党派人士长江生态环境保护民主监督取得成效。", "无党派人士长江", "长江"),
    ("生态环境持续改善，成群江豚现身湘江，水质稳步提升。", "成群江豚现身湘江", "湘江"),
])
def test_water_name_starts_at_the_river_word(text, bad, name):
    names = _names(text)
    assert bad not in names
    assert names.get(name) == "Place/water"


def test_water_name_jieba_split_stays_whole():
    assert "布吉河" in _names("推进布吉河综合整治，提升水质。")


@pytest.mark.parametrize("text, bad", [
    ("全面完成155个长江入河排污口整治。", "入河"),
    ("加快青禾大桥、湘雅路过江通道建设。", "湘雅路过江"),
])
def test_verb_and_water_word_is_no_water(text, bad):
    names = _names(text)
    assert bad not in names
    assert not any(n.endswith(bad) and names[n] == "Place/water" for n in names)


@pytest.mark.parametrize("text, kind", [
    ("坚持山水林田湖草沙一体化保护和系统治理。", "山水林田湖"),
    ("建成美丽幸福河湖7条，推进重要河湖污染防治。", "重要河湖"),
    ("义务教育公办、民办学校同步招生全面推行。", "民办学校"),
    ("探索政府产业基金与头部投资机构合作。", "政府产业基金"),
])
def test_kinds_are_no_names(text, kind):
    assert not any(kind in n for n in _names(text))


@pytest.mark.parametrize("text, kind", [
    ("完成40个镇级片区国土空间规划。", "镇级片区"),
    ("加快县级中医院“两专科一中心”建设。", "县级中医院"),
])
def test_level_word_alone_makes_no_name(text, kind):
    assert kind not in _names(text)


def test_title_a_province_received_is_no_place():
    assert not any("先行区" in n for n in _names("我省获建全国首批省域青禾先行区，保护纵深推进。"))


def test_numeral_cut_off_by_the_segmenter_belongs_to_the_name():
    names = _names("以线上方式出席二十国集团领导人峰会。")
    assert "二十国集团领导人峰会" in names
    assert "十国集团领导人峰会" not in names


@pytest.mark.parametrize("text, bad, name", [
    ("举办云溪先生创办青禾学校110周年纪念活动。", "云溪先生创办青禾学校", "青禾学校"),
    ("支持翠岭申建保税物流中心，扩大开放。", "翠岭申建保税物流中心", None),
])
def test_verb_inside_a_name_ends_it(text, bad, name):
    names = _names(text)
    assert bad not in names
    assert name is None or name in names


@pytest.mark.parametrize("text, bad, name", [
    ("实施积极的财政政策，经全国人大常委会批准，增发国债。", "经全国人大常委会", "全国人大常委会"),
    ("营商环境持续优化，对标世界银行新评估体系深化改革。", "标世界银行", "世界银行"),
])
def test_character_glued_to_a_body_is_trimmed(text, bad, name):
    names = _names(text)
    assert bad not in names
    assert name in names



@pytest.mark.parametrize("text, whole, second", [
    ("深入实施“青禾要素×”和“云溪智能+”行动，赋能产业发展。", "“青禾要素×”和“云溪智能+”行动", "“云溪智能+”行动"),
    ("全面完成青禾综合改革试验和云溪改革三年行动，成效明显。", "青禾综合改革试验和云溪改革三年行动", "云溪改革三年行动"),
])
def test_two_programmes_joined_by_and_keep_the_second(text, whole, second):
    names = _names(text)
    assert whole not in names
    assert second in names


def test_letters_in_a_list_of_kinds_are_no_names():
    names = _names("依托临床科教资源，打造P3、GLP、GCP等关键平台。")
    assert not {"P3", "GLP", "GCP"} & set(names)


@pytest.mark.parametrize("text, bad, name", [
    ("主动策应青禾一体化发展战略，深入参与合作。", "主动策应青禾一体化发展战略", "青禾一体化发展战略"),
    ("青禾路一期正式通车；升格市港口管理委员会，完成改革。", "升格市港口管理委员会", "市港口管理委员会"),
])
def test_more_verbs_glued_in_front(text, bad, name):
    names = _names(text)
    assert bad not in names
    assert name in names


def test_places_a_railway_joins_are_no_water():
    names = _names("推进青禾苏湖铁路建设。")
    assert not any(v == "Place/water" for v in names.values())


@pytest.mark.parametrize("text, bad", [
    ("与青禾区缔结友好城区，深化交流。", "青禾区缔结友好城区"),
    ("云溪三公垒瀑布群创成4A级景区。", "云溪三公垒瀑布群创成4A级景区"),
])
def test_verb_of_achieving_ends_a_name(text, bad):
    assert bad not in _names(text)
