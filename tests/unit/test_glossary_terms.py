"""Glossary terms as a vocabulary: decomposition of formula and counted terms, body mentions.

Every glossary and body here is synthetic, written in the genre's shape (有关名词解释 with
"n.term:definition" lines, ［n］ footnotes), not copied from any real report.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.loaders.glossary_terms import (
    decompose_entry,
    extract_glossary_terms,
    find_term_mentions,
    key_count,
)
from kg.model import Glossary, GlossaryEntry, Report, ReportMeta, Text


def _entry(number: int, printed: str, definition: str, key: str | None = None) -> GlossaryEntry:
    term = re.sub(r"[“”]", "", printed)
    if key is None:
        m = re.search(r"“([^”]+)”", printed)
        key = m.group(1) if m else term
    return GlossaryEntry(number, term, key, definition, 0, 0, 0, 0, 0, 0)


def _report(body: str, lines: list[tuple[str, str]], keys: dict[int, str] | None = None) -> Report:
    """A report: ``body``, then 有关名词解释 with one "n.term:definition" line per entry."""
    keys = keys or {}
    text = body + "\n\n  有关名词解释\n\n"
    g_start = len(body) + 2
    entries = []
    for n, (printed, definition) in enumerate(lines, 1):
        head = f"  {n}."
        start = len(text) + 2
        ts = len(text) + len(head)
        text += f"{head}{printed}:"
        ds = len(text)
        text += definition + "\n\n"
        e = _entry(n, printed, definition, keys.get(n))
        entries.append(
            GlossaryEntry(e.number, e.term, e.key, definition, start, ds + len(definition),
                          ts, ts + len(printed), ds, ds + len(definition))
        )
    glossary = Glossary("有关名词解释", g_start, len(text), tuple(entries))
    return Report(
        text=Text(source=text, text=text), meta=ReportMeta(), glossary=glossary,
        body_start=0, body_end=len(body),
    )


def _parts(components):
    return [(c.symbol, c.meaning) for c in components]


# ----------------------------------------------------------------- formula terms


def test_plus_formula_with_named_symbols_takes_each_meaning_and_its_listed_members():
    e = _entry(1, "“2+4+N”创新服务体系",
               "“2”是指科技创新基金和人才发展基金2项基金,“4”是指孵化、加速、转化、交易4个平台,"
               "“N”是指产业园区、专业楼宇、众创空间等若干服务载体。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("2", "2项基金"), ("4", "4个平台"), ("N", "若干服务载体")]
    assert comps[0].members == ("科技创新基金", "人才发展基金")  # split at 和 because "2项" says two
    assert comps[1].members == ("孵化", "加速", "转化", "交易")
    assert comps[2].members == ("产业园区", "专业楼宇", "众创空间")
    assert not any(c.inferred for c in comps)


def test_plus_formula_with_count_phrases_reads_parenthesised_members():
    e = _entry(1, "“1+3+N”指挥体系", "1个指挥中心,3个工作组(规划、建设、运营),N个专项小组。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("1", "1个指挥中心"), ("3", "3个工作组"), ("N", "N个专项小组")]
    assert comps[1].members == ("规划", "建设", "运营")
    assert comps[0].members == () and comps[2].members == ()


def test_count_phrase_drops_a_tail_that_repeats_the_term():
    e = _entry(1, "“1+4+N”协同招商机制", "1个牵头部门+4个行业部门+N个协同单位的协同招商机制。")
    assert _parts(decompose_entry(e)) == [
        ("1", "1个牵头部门"), ("4", "4个行业部门"), ("N", "N个协同单位"),
    ]


def test_grouped_members_stand_for_their_parenthesised_items():
    e = _entry(1, "“6+3”产业",
               "6大重点产业包括智能制造(工业软件、工业机器人)、文化旅游(演艺、会展)、现代物流、"
               "绿色建材。3大未来产业包括低空经济、合成材料、量子通信。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("6", "6大重点产业"), ("3", "3大未来产业")]
    assert comps[0].members == ("工业软件", "工业机器人", "演艺", "会展", "现代物流", "绿色建材")
    assert comps[1].members == ("低空经济", "合成材料", "量子通信")


def test_chinese_count_symbols_named_in_the_definition_are_not_inferred():
    e = _entry(1, "两带三区",
               "“两带”由滨江景观带、环湖生态带构成;“三区”包括老城商贸区、新城科创区(含软件园)、临港物流区。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("两带", "两带"), ("三区", "三区")]
    assert comps[0].members == ("滨江景观带", "环湖生态带")
    assert comps[1].members == ("老城商贸区", "新城科创区(含软件园)", "临港物流区")
    assert not any(c.inferred for c in comps)


def test_mixed_chinese_and_n_symbols_are_read_from_shi_zhi_clauses():
    e = _entry(1, "一库一网N场景",
               "“一库”是指全市统一的城市数据库,“一网”是指城市运行管理网(城运网),"
               "“N场景”是指交通疏导、防汛调度、社区服务等N个应用场景。")
    comps = decompose_entry(e)
    assert _parts(comps) == [
        ("一库", "全市统一的城市数据库"), ("一网", "城市运行管理网(城运网)"), ("N场景", "N个应用场景"),
    ]
    assert comps[2].members == ("交通疏导", "防汛调度", "社区服务")


def test_digit_string_key_with_ordinal_named_digits_gives_repeated_symbols():
    e = _entry(1, "“3131”工作格局",
               "第一个“3”是指发展、改革、民生三条主线,“1”是指一个目标,"
               "第二个“3”是指规划、建设、管理三个环节,第二个“1”是指一套考核办法。")
    comps = decompose_entry(e)
    assert [c.symbol for c in comps] == ["3", "1", "3", "1"]
    assert comps[0].meaning == "三条主线" and comps[0].members == ("发展", "改革", "民生")
    assert comps[2].meaning == "三个环节"
    assert comps[3].meaning == "一套考核办法"


def test_digit_string_key_without_named_digits_is_not_a_formula():
    e = _entry(1, "“12345”热线", "市民服务热线,受理咨询、投诉、建议。")
    assert decompose_entry(e) == ()


def test_plain_list_is_mapped_onto_single_symbols_in_order_and_marked_inferred():
    e = _entry(1, "一园一廊一中心", "数字经济产业园、滨河文化长廊和市民服务中心。")
    comps = decompose_entry(e)
    assert _parts(comps) == [
        ("一园", "数字经济产业园"), ("一廊", "滨河文化长廊"), ("一中心", "市民服务中心"),
    ]
    assert all(c.inferred for c in comps)


def test_plain_list_is_grouped_by_the_symbol_counts():
    e = _entry(1, "“4+1”产业集群", "智能装备、新型材料、生物医药、现代物流、数字金融。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("4", "4个产业集群"), ("1", "数字金融")]
    assert comps[0].members == ("智能装备", "新型材料", "生物医药", "现代物流")
    assert all(c.inferred for c in comps)


def test_chinese_symbols_grouped_by_count_keep_the_listed_text_as_meaning():
    e = _entry(1, "两清一治", "清河道、清沟渠、治污水。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("两清", "清河道、清沟渠"), ("一治", "治污水")]
    assert comps[0].members == ("清河道", "清沟渠")


def test_clauses_are_mapped_one_to_one_before_finer_items():
    e = _entry(1, "一核两翼三联动",
               "以街道党工委为核心,社区居委会和业委会为两翼,党建、治理、服务三方面联动。")
    comps = decompose_entry(e)
    assert [c.symbol for c in comps] == ["一核", "两翼", "三联动"]
    assert comps[0].meaning == "以街道党工委为核心"
    assert comps[2].meaning == "党建、治理、服务三方面联动"
    assert all(c.inferred for c in comps)


def test_segments_that_fit_no_mapping_fall_back_to_a_counted_term():
    e = _entry(1, "四位一体", "规划、建设、管理、运营。")
    assert _parts(decompose_entry(e)) == [(None, "规划"), (None, "建设"), (None, "管理"), (None, "运营")]


def test_listed_segment_key_maps_clauses_and_splits_members_by_count():
    e = _entry(1, "两个中心、两个枢纽", "科创中心和面向东部、西部的金融中心,空港枢纽和陆港枢纽。")
    comps = decompose_entry(e)
    assert comps[0].members == ("科创中心", "面向东部、西部的金融中心")


def test_open_list_ending_in_deng_keeps_the_clause_as_meaning():
    e = _entry(1, "“1+N”服务体系", "“1”即区级服务中心;“N”即街道服务站以及社区服务点、楼宇服务点等,负责就近服务。")
    comps = decompose_entry(e)
    assert _parts(comps) == [("1", "区级服务中心"), ("N", "街道服务站以及社区服务点、楼宇服务点等")]
    assert comps[1].members == ("街道服务站", "社区服务点", "楼宇服务点")


def test_quoted_items_side_by_side_are_members():
    e = _entry(1, "“3+2”发展思路", "“3”是指“向新图强”“向绿图强”“向数图强”,“2”是指两个示范区。")
    comps = decompose_entry(e)
    assert comps[0].members == ("向新图强", "向绿图强", "向数图强")
    assert comps[1].meaning == "两个示范区"


# ----------------------------------------------------------------- counted terms


def test_counted_term_lists_its_parts_with_no_symbol():
    e = _entry(1, "三个不", "不推诿、不拖延、不扯皮。")
    assert _parts(decompose_entry(e)) == [(None, "不推诿"), (None, "不拖延"), (None, "不扯皮")]


def test_counted_term_picks_the_level_whose_length_is_the_count():
    e = _entry(1, "“两个坚持”", "坚持规划引领、项目带动,坚持改革创新、开放合作。")
    assert _parts(decompose_entry(e)) == [
        (None, "坚持规划引领、项目带动"), (None, "坚持改革创新、开放合作"),
    ]


def test_counted_term_joined_by_he_shares_the_first_parts_head():
    e = _entry(1, "双降", "降低企业用地成本和用工成本。")
    assert _parts(decompose_entry(e)) == [(None, "降低企业用地成本"), (None, "降低企业用工成本")]


def test_parallel_segments_over_a_list_of_that_many_items_are_one_counted_term():
    e = _entry(1, "三高三新", "高标准规划新城区、高水平建设新产业、高质量打造新生活。")
    comps = decompose_entry(e)
    assert [c.symbol for c in comps] == [None, None, None]
    assert comps[1].meaning == "高水平建设新产业"


def test_counted_term_finds_its_list_inside_a_narrative_definition():
    e = _entry(1, "五大攻坚行动",
               "市委全会提出,要集中力量推进城市更新、乡村振兴、园区提质、交通畅通、生态修复等5项攻坚行动,"
               "确保取得实效。")
    assert [c.meaning for c in decompose_entry(e)] == [
        "城市更新", "乡村振兴", "园区提质", "交通畅通", "生态修复",
    ]


def test_counted_term_without_a_list_of_that_length_has_no_components():
    e = _entry(1, "“四个一批”", "围绕重点产业链开展招商。")
    assert decompose_entry(e) == ()


def test_term_without_a_count_has_no_components():
    e = _entry(1, "“智慧安防小区”", "运用视频感知、门禁识别等技术手段,实现小区安全管理智能化的住宅小区。")
    assert decompose_entry(e) == ()


def test_key_count_reads_digits_chinese_numerals_and_shuang():
    assert key_count("四个最严") == 4
    assert key_count("双降") == 2
    assert key_count("两个坚持") == 2
    assert key_count("十二项举措") == 12
    assert key_count("21条") == 21
    assert key_count("智慧安防") is None


# ----------------------------------------------------------------- mentions


def test_mentions_cover_the_full_term_with_its_quotes_and_suffix():
    body = "  一年来,我们建立“1+3+N”指挥体系,统筹推进重点工作。\n"
    r = _report(body, [("“1+3+N”指挥体系", "1个指挥中心,3个工作组(规划、建设、运营),N个专项小组。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["“1+3+N”指挥体系"]
    m = term.mentions[0]
    assert r.text.text[m.start:m.end] == m.surface


def test_mentions_include_the_bare_quoted_key_and_never_the_glossary():
    body = "  深化“放管服”改革。持续推进“放管服”,优化营商环境。\n"
    r = _report(body, [("“放管服”改革", "简政放权、放管结合、优化服务。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["“放管服”改革", "“放管服”"]
    assert all(m.end <= len(body) for m in term.mentions)


def test_mentions_of_a_key_the_glossary_prints_bare_count_also_unquoted():
    body = "  落实三个不要求,做到“三个不”。\n"
    r = _report(body, [("三个不", "不推诿、不拖延、不扯皮。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["三个不", "“三个不”"]


def test_a_key_the_glossary_quotes_is_not_matched_bare_inside_other_words():
    body = "  推进“一件事”集成改革,高效办成一件事。\n"
    r = _report(body, [("“一件事”集成改革", "企业和群众眼中的一件事,由多个部门联办。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["“一件事”集成改革"]


def test_short_bare_key_counts_when_followed_by_its_footnote_mark():
    body = "  推进两改［1］工作,两改成效明显。\n"
    r = _report(body, [("两改", "老旧小区改造、城中村改造。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["两改"]
    assert term.mentions[0].start == body.index("两改")


def test_two_entries_sharing_a_key_are_told_apart_by_the_following_word():
    body = "  落实“四个一”服务机制,做优企业服务。完善“四个一”招商体系,招大引强。\n"
    r = _report(body, [
        ("“四个一”服务机制", "一名专员、一张清单、一套流程、一个平台。"),
        ("“四个一”招商体系", "一张图谱、一份名录、一支队伍、一套政策。"),
    ])
    first, second = extract_glossary_terms(r)
    assert [m.surface for m in first.mentions] == ["“四个一”服务机制"]
    assert [m.surface for m in second.mentions] == ["“四个一”招商体系"]


def test_formula_key_is_not_found_inside_a_longer_formula():
    body = "  构建“1+5+2+N”体系。推行“1+5”模式。\n"
    r = _report(body, [("“1+5”模式", "1个中心、5个站点。"), ("“1+5+2+N”体系", "略。")])
    short, long_ = extract_glossary_terms(r)
    assert [m.surface for m in short.mentions] == ["“1+5”模式"]
    assert [m.surface for m in long_.mentions] == ["“1+5+2+N”体系"]


def test_quotes_the_body_adds_inside_a_term_are_tolerated():
    body = "  落地两张“白名单”清单,惠及企业。\n"
    r = _report(body, [("两张白名单清单", "融资白名单、用工白名单。")], keys={1: "两张白名单清单"})
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["两张“白名单”清单"]


def test_key_of_listed_segments_matches_them_quoted_one_after_another():
    body = "  建设“两个中心”“两个枢纽”,提升能级。\n"
    r = _report(body, [("两个中心、两个枢纽", "科创中心和金融中心,空港枢纽和陆港枢纽。")])
    (term,) = extract_glossary_terms(r)
    assert [m.surface for m in term.mentions] == ["“两个中心”“两个枢纽”"]
    assert [c.symbol for c in term.components] == ["两个中心", "两个枢纽"]
    assert term.components[1].members == ("空港枢纽", "陆港枢纽")


def test_report_without_glossary_has_no_terms():
    r = Report(text=Text(source="x", text="x"), meta=ReportMeta())
    assert extract_glossary_terms(r) == ()


# ----------------------------------------------------------------- invariants

_CHARS = st.sampled_from(list("推进建设“”、,，。；(（)）+12N一二三两双个大类项和及等是指由构成包括的区园带网"))


@settings(max_examples=150, deadline=None)
@given(st.text(_CHARS, min_size=0, max_size=60), st.text(_CHARS, min_size=1, max_size=8))
def test_decompose_never_crashes_and_gives_nonempty_meanings(definition, key):
    e = GlossaryEntry(1, key + "体系", key, definition, 0, 0, 0, 0, 0, 0)
    for c in decompose_entry(e):
        assert c.meaning


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["推进", "“1+2”机制", "1+2", "“双提”", "双提", "双提［1］", ",", "。", "“"]),
                max_size=25))
def test_mention_spans_always_equal_their_surface(chunks):
    body = "".join(chunks)
    entries = [
        GlossaryEntry(1, "双提", "双提", "提速、提效。", 0, 0, 0, 0, 0, 0),
        GlossaryEntry(2, "1+2机制", "1+2", "1个中心、2个平台。", 0, 0, 0, 0, 0, 0),
    ]
    found = find_term_mentions(body, entries, [(0, len(body))])
    spans = sorted((m.start, m.end) for ms in found for m in ms)
    for ms in found:
        for m in ms:
            assert body[m.start:m.end] == m.surface
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no overlaps


def test_key_whose_characters_abbreviate_its_listed_items_gets_those_items():
    e = _entry(1, "“稳控保”", "稳定物价、控制风险、保障民生。")
    assert _parts(decompose_entry(e)) == [(None, "稳定物价"), (None, "控制风险"), (None, "保障民生")]


def test_letter_symbol_other_than_n_is_an_open_count():
    e = _entry(1, "“1+X”证书制度", "“1”是学历证书,“X”是若干职业技能等级证书。")
    assert _parts(decompose_entry(e)) == [("1", "学历证书"), ("X", "若干职业技能等级证书")]


def test_one_to_one_clauses_drop_a_leading_conjunction_and_take_members_before_a_count():
    e = _entry(1, "三园三带", "东园、西园、南园三个产业园区,以及滨江带、沿山带、环湖带三条景观带。")
    comps = decompose_entry(e)
    assert [c.symbol for c in comps] == ["三园", "三带"]
    assert comps[0].members == ("东园", "西园", "南园")
    assert comps[1].meaning.startswith("滨江带")
    assert comps[1].members == ("滨江带", "沿山带", "环湖带")


# ------------------------------------------------------------- count-named terms (issue 10)


def test_counted_term_of_actions_drops_the_verb_framing_its_list() -> None:
    e = _entry(1, "“五大行动”", "指实施产业提升行动、科技创新行动、城市更新行动、乡村振兴行动、作风建设行动。")
    assert [c.meaning for c in decompose_entry(e)] == [
        "产业提升行动", "科技创新行动", "城市更新行动", "乡村振兴行动", "作风建设行动"]


def test_counted_term_listed_by_ordinals_drops_the_ordinals() -> None:
    e = _entry(1, "“两个确保”", "一是确保甲类补贴按时发放；二是确保乙类群体应保尽保。")
    assert [c.meaning for c in decompose_entry(e)] == ["确保甲类补贴按时发放", "确保乙类群体应保尽保"]


def test_counted_measures_take_the_fields_their_definition_lists() -> None:
    e = _entry(1, "稳增长“16条”", "2031年3月，县政府印发《若干政策措施》，提出加快消费恢复、帮助企业降本、"
               "推进企业成长等3个方面16条措施。", key="16条")
    comps = decompose_entry(e)
    assert [c.meaning for c in comps] == ["加快消费恢复", "帮助企业降本", "推进企业成长"]
    assert all(c.inferred and c.symbol is None for c in comps)


# ------------------------------------------------------------------ footnote marks in the body


def test_footnote_marks_in_the_body_link_to_their_notes() -> None:
    body = "深入实施“双招双引”①，完善调度体系②，推进“一廊两带”建设。"
    text = body + "\n注释\n"
    entries = [_entry(1, "双招双引", "招商引资和招才引智。"), _entry(2, "“1+3+N”调度体系", "1个总指挥部、3个分指挥部、N个专班。"),
               _entry(3, "一廊两带", "一条生态走廊、两条产业带。")]
    found = find_term_mentions(text, entries, [(0, len(body))])
    assert [[m.surface for m in ms] for ms in found] == [["“双招双引”"], ["②"], ["“一廊两带”"]]
    second = found[1][0]
    assert text[second.start:second.end] == "②"


def test_glossary_mentions_are_the_same_under_every_hash_seed() -> None:
    """Which printed form of a term claims a span must not depend on set order (PYTHONHASHSEED)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "struct_glossary_forms.txt"
    code = (
        "import json, sys\nfrom kg import pipeline\na = pipeline.analyse(sys.argv[1])\n"
        "print(json.dumps([[[e.name, [[m.start, m.end, m.surface] for m in e.mentions]] for e in a.entities],"
        " [[t.entry.key, [[m.start, m.end, m.surface] for m in t.mentions]] for t in a.glossary_terms]],"
        " ensure_ascii=False))\n"
    )
    outs = []
    for seed in ("0", "1", "3", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-c", code, str(fixture)], capture_output=True, text=True, env=env,
                           timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
        outs.append(r.stdout)
    assert len(set(outs)) == 1
    entities, terms = json.loads(outs[0])
    assert dict(terms)["双招双引"], "the fixture's term is mentioned in the body"
