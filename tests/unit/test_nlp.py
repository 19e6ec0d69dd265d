"""The spaCy pipeline: a blank Chinese pipeline with kg's factories writing doc.spans."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from kg.loaders.nlp import make_nlp, short_form


def _ents(doc):
    return {(s.text, s.label_) for s in doc.spans["kg_entities"]}


def test_make_nlp_is_a_blank_chinese_pipeline_with_kg_factories():
    nlp = make_nlp()
    assert isinstance(nlp, spacy.Language)
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["kg_words", "kg_gazetteer", "kg_candidates", "kg_patterns", "kg_lexicon", "kg_entities", "kg_relations"]
    assert make_nlp() is nlp  # cached: one constructor, built once


def test_character_tokens_keep_text_offsets():
    doc = make_nlp()("加快推进青松湾片区建设。")
    assert [t.text for t in doc][:4] == ["加", "快", "推", "进"]
    for span in doc.spans["kg_entities"]:
        assert doc.text[span.start_char : span.end_char] == span.text


def test_gazetteer_finds_divisions_in_full_and_short_form():
    doc = make_nlp()("贯彻落实广东省决策部署,服务浙江、四川发展大局。")
    got = {(s.text, s.label_) for s in doc.spans["kg_gazetteer"]}
    assert ("广东省", "admin") in got
    assert ("浙江", "admin") in got and ("四川", "admin") in got


def test_gazetteer_codes_are_gb2260_codes():
    doc = make_nlp()("杭州市")
    [span] = doc.spans["kg_gazetteer"]
    assert span.kb_id_ == "330100"


def test_short_form_strips_the_level_suffix():
    assert short_form("广西壮族自治区") == "广西"
    assert short_form("深圳市") == "深圳"
    assert short_form("香港特别行政区") == "香港"


def test_head_word_closes_a_place_name_and_stops_at_the_verb():
    doc = make_nlp()("加快推进青松湾片区建设,启动白鹭洲公园改造。")
    ents = _ents(doc)
    assert ("青松湾片区", "Place/area") in ents
    assert ("白鹭洲公园", "Place/green") in ents


def test_generic_phrase_is_not_a_name():
    doc = make_nlp()("高标准打造五大特色消费街区,推进重点片区建设。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert "特色消费街区" not in names and "重点片区" not in names


def test_title_marks_give_a_policy():
    doc = make_nlp()("出台《青松区促进数字经济发展实施方案(2024-2026年)》。")
    assert ("青松区促进数字经济发展实施方案(2024-2026年)", "Policy") in _ents(doc)


def test_quoted_formula_with_head_is_one_name():
    doc = make_nlp()("构建“1+4+N”现代产业政策体系,培育“6+2”产业集群。")
    ents = _ents(doc)
    assert ("“1+4+N”现代产业政策体系", "Policy") in ents
    assert ("“6+2”产业集群", "Sector") in ents


def test_list_items_share_the_category_after_deng():
    doc = make_nlp()("提升青石巷、柳荫里等美食街发展能级。")
    ents = _ents(doc)
    assert ("青石巷", "Place/block") in ents and ("柳荫里", "Place/block") in ents


def test_enumerated_items_share_the_head():
    doc = make_nlp()("推进桂园、榕湾两大统筹片区建设。")
    names = {s.text for s in doc.spans["kg_candidates"] if s.label_ == "Place/area"}
    assert "桂园" in names


def test_container_place_is_split_from_the_contained_one():
    doc = make_nlp()("建成青松街道白鹭社区党群服务中心。")
    ents = _ents(doc)
    assert ("青松街道", "Place/admin") in ents
    rels = {(s.text, p, o.text) for s, p, o, _ in doc._.kg_relations}
    assert ("白鹭社区党群服务中心", "part_of", "青松街道") not in rels


def test_relation_from_the_verb_between_names():
    doc = make_nlp()("与青岚大学共建海洋材料研究院。")
    rels = {(s.text, p, o.text) for s, p, o, _ in doc._.kg_relations}
    assert ("海洋材料研究院", "organised_by", "青岚大学") in rels
    assert [s.label_ for s in doc.spans["kg_relations"]] == ["organised_by"]


def test_government_bodies_by_short_name():
    doc = make_nlp()("在省委、省政府的坚强领导下,在国务院支持下。")
    names = {s.text for s in doc.spans["kg_entities"] if s.label_ == "Organization/government"}
    assert {"省委", "省政府", "国务院"} <= names


_GENRE = st.sampled_from(
    ["加快", "推进", "青松湾", "片区", "建设", "、", "“", "”", "《", "》", "公园", "社区", "产业",
     "工程", "行动", "(", ")", "等", "商圈", "深圳市", "和", "。", "1+3+N", "体系", "A4", "地块", "—"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_GENRE, min_size=1, max_size=18).map("".join))
def test_spans_always_match_their_text(sentence):
    doc = make_nlp()(sentence)
    for group in ("kg_words", "kg_gazetteer", "kg_candidates", "kg_entities", "kg_nested", "kg_relations"):
        for span in doc.spans[group]:
            assert doc.text[span.start_char : span.end_char] == span.text


def test_kinds_of_works_and_clinics_are_generic_phrases():
    doc = make_nlp()("推进交通出行等十大惠民工程，建设青禾医疗中心、康复中心。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert "惠民工程" not in names and "康复中心" not in names
    assert "青禾医疗中心" in names


def test_companies_before_enterprise_projects_are_companies():
    doc = make_nlp()("青禾科技、云溪精工、松岭材料等企业项目建成投产。")
    got = _ents(doc)
    assert ("云溪精工", "Organization/company") in got
    assert not any(label == "Programme" and text == "云溪精工" for text, label in got)



def test_a_kind_closed_by_a_head_is_no_list_item():
    doc = make_nlp()("建设青禾医疗中心、康复中心，培养杰出项目、领军项目和团队项目。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert "康复中心" not in names and "领军项目" not in names
    assert "青禾医疗中心" in names


def test_a_set_phrase_right_after_the_verb_opens_the_name():
    doc = make_nlp()("实施基础教育优质资源扩容工程，实施精修细补民生工程。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert "基础教育优质资源扩容工程" in names and "优质资源扩容工程" not in names
    assert "精修细补民生工程" in names and "细补民生工程" not in names


def test_works_named_by_a_generic_purpose_are_no_names():
    doc = make_nlp()("启动实施新一轮民心工程，东环路等一批城建项目加快实施。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert "民心工程" not in names and "城建项目" not in names


def test_kinds_of_platforms_are_no_names():
    doc = make_nlp()("支持概念验证平台、中试平台建设，完善双拥工作机制。")
    names = {s.text for s in doc.spans["kg_entities"]}
    assert not names & {"概念验证平台", "中试平台", "双拥工作机制"}


def test_a_quoted_lexicon_term_broken_by_a_space_is_found_whole_and_never_crashes() -> None:
    from kg.loaders.nlp import load_corpus_quoted, make_nlp

    term, label = next((t, lab) for t, lab in sorted(load_corpus_quoted().items()) if len(t) >= 4)
    text = f"全面推进“{term[:1]} {term[1:]}”，建设新城。"
    doc = make_nlp()(text)
    found = [(s.text, s.label_) for s in doc.spans["kg_lexicon"]]
    assert (f"“{term[:1]} {term[1:]}”", label) in found
