"""Recall rules on synthetic sentences in the genre's shape (invented names): names a
launching verb anchors, events a hosting verb anchors, sector list-mates vouching for each
other. The pattern files' own examples run in test_patterns.py; these check the rules
through the whole pipeline (picker, vetoes, trims), where they compete with other rules."""

from __future__ import annotations

from kg.loaders.entities import extract_entities
from kg.model import EntityType

from tests.unit.test_entities import _by_name, _one_sentence_report


def _names(body: str) -> dict:
    entities, _ = extract_entities(_one_sentence_report(body))
    return _by_name(entities)


def test_a_launching_verb_gives_a_descriptive_programme_its_left_edge():
    by = _names("全面开展青禾乡村道路隐患排查治本攻坚三年行动，加快推进云溪湿地水系连通修复工程。")
    assert by["青禾乡村道路隐患排查治本攻坚三年行动"].type == EntityType.PROGRAMME
    assert {m.rule for m in by["青禾乡村道路隐患排查治本攻坚三年行动"].mentions} == {"pattern:programme.launched"}
    assert by["云溪湿地水系连通修复工程"].type == EntityType.PROGRAMME


def test_a_counted_object_is_no_programme_name():
    by = _names("实施100个社区儿童友好空间改造工程。")
    assert not any(n.startswith("100个") for n in by)


def test_a_plan_or_system_adopted_by_a_verb_is_a_policy():
    by = _names("编制青禾流域综合治理和统筹发展规划，全面推行长期护理保险制度。")
    assert by["青禾流域综合治理和统筹发展规划"].type == EntityType.POLICY
    assert by["长期护理保险制度"].type == EntityType.POLICY


def test_a_supporting_policy_described_is_not_named():
    by = _names("出台支持青禾企业稳岗拓岗政策。")
    assert not any(n.endswith("政策") for n in by)


def test_a_hosted_event_is_a_programme():
    by = _names("成功举办青禾国际茶产业博览会，承办世界青年排球俱乐部锦标赛。")
    assert by["青禾国际茶产业博览会"].type == EntityType.PROGRAMME
    assert by["世界青年排球俱乐部锦标赛"].type == EntityType.PROGRAMME


def test_sector_list_mates_vouch_for_each_other_without_an_industry_word():
    by = _names("出台高端装备、新材料、生物医药等专项政策。")
    assert by["新材料"].type == EntityType.SECTOR
    assert by["生物医药"].type == EntityType.SECTOR


def test_a_list_of_ordinary_words_stays_unnamed():
    by = _names("丰富文化、旅游、体育等消费场景。")
    assert not {"文化", "旅游", "体育"} & set(by)


def test_a_port_named_after_its_place_is_a_place():
    by = _names("推进青禾港三期、云溪国际陆港建设，坚持港人治港，由物流港向贸易港转型。")
    assert by["青禾港"].type == EntityType.PLACE and by["青禾港"].subtype == "port"
    assert by["云溪国际陆港"].type == EntityType.PLACE
    assert not {"港人治港", "物流港", "贸易港", "物流港向贸易港"} & set(by)


def test_a_port_glued_after_a_district_is_no_port():
    by = _names("推动青禾片区港医医疗平台建设。")
    assert not any(n.endswith("港") for n in by)


def test_numbered_schools_are_named_by_place_and_number():
    by = _names("青禾一中、青禾三中、实验小学等学校综合楼建成，青禾六小扩容，加强“一老一小”保障。")
    assert by["青禾一中"].type == EntityType.ORGANIZATION and by["青禾一中"].subtype == "education"
    assert by["青禾三中"].type == EntityType.ORGANIZATION
    assert by["青禾六小"].type == EntityType.ORGANIZATION
    assert "一老一小" not in by


def test_an_industry_the_report_measures_is_a_sector():
    by = _names("金融业增加值增长7.5%，会展业综合收入增长8%，规上工业增加值增长6%，单位工业增加值能耗下降3%，农林牧渔业增加值增长3%。")
    assert by["金融业"].type == EntityType.SECTOR
    assert by["会展业"].type == EntityType.SECTOR
    assert not {"规上工业", "工业", "单位工业", "农林牧渔业"} & set(by)


def test_a_corpus_quoted_term_stands_alone_before_a_footnote_mark_or_a_count():
    by = _names("实现“四好农村路”㉖，“两重”［16］项目加快，完成“个转企”1034户。")
    assert {"四好农村路", "个转企"} <= set(by)
    assert "两重" not in by  # the mark is followed by a noun: “两重”［16］项目 is the longer name's


def test_a_town_standing_as_a_subject_is_a_place_and_kinds_of_towns_are_not():
    by = _names("青禾镇、云溪管理区成为首批国家农业产业强镇，加快中心镇、重点镇建设。")
    assert by["青禾镇"].type == EntityType.PLACE
    assert not {"中心镇", "重点镇"} & set(by)


def test_national_campaigns_are_programmes_in_their_own_words():
    by = _names("推进扫黑除恶常态化，积极推进保交楼工作，坚持和发展新时代“枫桥经验”。")
    assert {"扫黑除恶", "保交楼", "枫桥经验"} <= set(by)
    assert all(by[n].type == EntityType.PROGRAMME for n in ("扫黑除恶", "保交楼", "枫桥经验"))


def test_a_fund_set_up_is_named_by_what_it_funds():
    by = _names("设立青禾文化保护传承基金，组建专项基金。")
    assert by["青禾文化保护传承基金"].type == EntityType.PROGRAMME
    assert "专项基金" not in by


def test_a_metropolitan_area_is_named_by_its_division():
    by = _names("南京都市圈政务服务事项圈内通办，编制南京都市圈发展规划。")
    assert by["南京都市圈"].type == EntityType.PLACE
    assert by["南京都市圈发展规划"].type == EntityType.POLICY  # the longer name keeps its own
