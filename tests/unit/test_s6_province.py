"""Provincial and national report shapes (session 6): fixed national names, agreements,
glossary slogans. Synthetic sentences only (青禾/云溪 placeholders)."""

from __future__ import annotations

import re

from kg.loaders.entities import extract_entities
from kg.loaders.nlp import make_nlp
from kg.loaders.resolve import normalise
from kg.model import EntityType, Glossary, GlossaryEntry, Report, ReportMeta, Sentence, Text


def _entities(text: str) -> dict[str, str]:
    doc = make_nlp()(text)
    return {s.text: s.label_ for s in doc.spans["kg_entities"]}


def test_study_campaign_keeps_its_leading_verbs_after_a_listed_campaign():
    ents = _entities("扎实开展党纪学习教育、深入贯彻中央八项规定精神学习教育，")
    assert ents.get("深入贯彻中央八项规定精神学习教育") == "Programme"
    assert "中央八项规定精神学习教育" not in ents


def test_theme_education_keeps_xuexi_guanche():
    ents = _entities("扎实开展党史学习教育、学习贯彻习近平新时代中国特色社会主义思想主题教育，")
    assert ents.get("学习贯彻习近平新时代中国特色社会主义思想主题教育") == "Programme"


def test_land_contract_pilot_keeps_its_round():
    ents = _entities("稳步推进第二轮土地承包到期后再延长30年整省试点，")
    assert ents.get("第二轮土地承包到期后再延长30年整省试点") == "Programme"


def test_national_principles_are_policies():
    ents = _entities("坚定不移贯彻“一国两制”方针，坚持一个中国原则和“九二共识”。")
    assert ents.get("一个中国原则") == "Policy"
    assert any(normalise(n).strip("“”") == "九二共识" and lab == "Policy" for n, lab in ents.items())


def test_titled_agreement_is_a_policy():
    ents = _entities("推动加入《青禾云溪数字贸易伙伴关系协定》。")
    assert ents.get("青禾云溪数字贸易伙伴关系协定") == "Policy"



def _report(body: str, glossary: str) -> Report:
    text = "青禾省2026年政府工作报告\n" + body + glossary
    body_start = text.index("各位代表")
    body_end = text.index("注释")
    sentences = tuple(
        Sentence(m.start(), m.end(), m.group(), 0)
        for m in re.finditer(r"[^。\n]+。?", text[:body_end])
        if m.start() >= body_start and m.group().strip()
    )
    entries = []
    for n, m in enumerate(re.finditer(r"［(\d+)］([^：\n]+)：([^\n]+)", text), 1):
        entries.append(
            GlossaryEntry(n, normalise(m.group(2)), normalise(m.group(2)), m.group(3),
                          m.start(1), m.end(), m.start(2), m.end(2), m.start(3), m.end(3))
        )
    gl = Glossary("注释", body_end, len(text), tuple(entries))
    meta = ReportMeta(government="青禾省人民政府", place="青禾省", parent_places=())
    return Report(Text(text, text), meta, sentences=sentences, glossary=gl, body_start=body_start, body_end=body_end)


def test_glossary_slogan_of_a_numeral_and_ge_is_no_entity():
    body = "各位代表：\n坚决杜绝“六个有之”，推进“双创双引”。\n"
    glossary = "注释\n［1］六个有之：六种违反纪律的表现。\n［2］双创双引：创新招商、创业引才。\n"
    names = {e.name for e in extract_entities(_report(body, glossary))[0]}
    assert not any("六个有之" in n for n in names)
    assert any("双创双引" in n for n in names)


def test_virtue_before_a_division_names_a_campaign():
    ents = _entities("积极化解矛盾风险，平安海南根基不断夯实。平安中国建设取得新进展。")
    assert ents.get("平安海南") == "Programme"
    assert ents.get("平安中国") == "Programme"


def test_virtue_campaign_yields_to_a_longer_head_name_and_needs_a_clause_edge():
    ents = _entities("推进健康中国行动。保障人民健康中国梦。")
    assert "健康中国" not in ents
    assert ents.get("健康中国行动") == "Programme"


def test_quoted_policy_stands_without_a_verb():
    ents = _entities("“青禾券”政策享惠主体新增1万家。")
    assert ents.get("“青禾券”政策") == "Policy"


def test_system_built_by_a_verb_is_a_policy():
    ents = _entities("建立青禾碳排放预算管理制度，完善相关制度。")
    assert ents.get("青禾碳排放预算管理制度") == "Policy"
    assert "相关制度" not in ents


def test_scope_word_is_trimmed_off_a_pilot():
    ents = _entities("稳步推进全省青禾车路云一体化应用试点，")
    assert "青禾车路云一体化应用试点" in ents
    assert not any(n.startswith("全省") for n in ents)


def test_para_games_after_a_conjunction():
    ents = _entities("青禾亚运会和亚残运会成功举办，")
    assert ents.get("亚残运会") == "Programme"


def test_short_full_government_name_is_an_alias_of_the_report_government():
    body = "各位代表：\n青禾省人民政府依法履职。现在，我代表省人民政府，向大会报告政府工作。\n"
    glossary = "注释\n［1］双创双引：创新招商、创业引才。\n"
    ents = {e.name: e for e in extract_entities(_report(body, glossary))[0]}
    assert "省人民政府" not in ents
    assert "省人民政府" in ents["青禾省人民政府"].aliases


def test_renamed_body_is_one_entity_under_its_new_name():
    body = "各位代表：\n青禾医学院更名为青禾医科大学，青禾医科大学新校区建成。\n"
    glossary = "注释\n［1］双创双引：创新招商、创业引才。\n"
    ents = {e.name: e for e in extract_entities(_report(body, glossary))[0]}
    assert "青禾医学院" not in ents
    assert "青禾医学院" in ents["青禾医科大学"].aliases


def test_river_inside_a_national_programme_is_nested_in_it():
    doc = make_nlp()("持续推进长江十年禁渔。")
    assert {s.text: s.label_ for s in doc.spans["kg_entities"]}.get("长江十年禁渔") == "Programme"
    assert {s.text: s.label_ for s in doc.spans["kg_nested"]}.get("长江") == "Place/water"
