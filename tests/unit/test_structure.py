"""The structure parser on synthetic reports in the genre's shape (tests/fixtures/struct_*)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.loaders.sentences import split_paragraphs, split_sentences
from kg.loaders.structure import cn_to_int, parse_report
from kg.model import PartRole, Report, Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _parse(name: str) -> Report:
    s = (FIXTURES / name).read_text(encoding="utf-8")
    return parse_report(Text(source=s, text=s, path=name))


def _plain(s: str) -> Report:
    return parse_report(Text(source=s, text=s))


def _titles(report: Report, part: int) -> list[str]:
    return [s.title for s in report.parts[part - 1].sections]


def _check_spans(report: Report) -> None:
    t = report.text.text
    for p in report.parts:
        assert t[p.start:p.end] == p.title
        assert p.heading_start <= p.start <= p.end <= p.body_end
        for s in p.sections:
            assert t[s.start:s.end] == s.title
            assert s.heading_start <= s.start and s.end <= s.body_end
            for u in s.subsections:
                assert t[u.start:u.end] == u.title
    for s in report.sentences:
        assert t[s.start:s.end] == s.text
        assert report.paragraphs[s.paragraph].start <= s.start < s.end <= report.paragraphs[s.paragraph].end
    if report.glossary:
        for e in report.glossary.entries:
            assert t[e.definition_start:e.definition_end].replace("\n", "").replace(" ", "") != "" or not e.definition
            assert e.start <= e.term_start < e.term_end <= e.definition_start <= e.definition_end <= e.end
    for d in report.defects:
        assert 0 <= d.start <= d.end <= len(t)


# ------------------------------------------------------------------------ numerals


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("３", 3), ("12", 12)],
)
def test_cn_to_int_reads_chinese_and_arabic_numerals(numeral: str, value: int) -> None:
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("junk", ["", "?", "囗", "十十", "a"])
def test_cn_to_int_rejects_what_is_not_a_numeral(junk: str) -> None:
    assert cn_to_int(junk) is None


# --------------------------------------------------------------- a district report


def test_structure_finds_body_from_greeting_to_glossary() -> None:
    rep = _parse("struct_district.txt")
    t = rep.text.text
    assert t[rep.body_start:].startswith("各位代表")
    assert rep.glossary is not None
    assert rep.body_end <= rep.glossary.start
    assert "有关名词解释" not in t[rep.body_start:rep.body_end]
    assert all(s.end <= rep.body_end for s in rep.sentences)


def test_structure_reads_numbered_parts_and_their_roles() -> None:
    rep = _parse("struct_district.txt")
    assert [(p.number, p.numeral, p.title, p.role) for p in rep.parts] == [
        (1, "一", "2030年工作回顾", PartRole.REVIEW),
        (2, "二", "2031年工作安排", PartRole.PLAN),
    ]


def test_structure_numbers_sections_within_each_part() -> None:
    rep = _parse("struct_district.txt")
    assert [s.key for s in rep.sections] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert _titles(rep, 2)[0] == "坚持产业强区,加快构建现代化产业体系"


def test_structure_infers_a_missing_numeral_from_position_and_flags_it() -> None:
    rep = _parse("struct_district.txt")
    sec = rep.parts[0].sections[2]
    assert (sec.number, sec.numeral, sec.title) == (3, None, "用心办好民生实事,群众获得感不断增强")
    assert sec.heading_defect and sec.defect == "missing_numeral"
    assert any(d.kind == "missing_numeral" and d.start == sec.heading_start for d in rep.defects)


def test_structure_flags_a_garbled_numeral() -> None:
    text = (
        "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2030年工作回顾\n"
        "（一）稳住经济基本盘，发展质量稳步提升\n全年地区生产总值增长5%，各项工作取得新进展。\n"
        "（囗）推进改革开放，发展活力持续增强\n深化重点领域改革，营商环境持续优化。\n"
        "（三）办好民生实事，群众生活不断改善\n新增城镇就业1.2万人。\n"
    )
    rep = _plain(text)
    sec = rep.parts[0].sections[1]
    assert (sec.number, sec.defect, sec.heading_defect) == (2, "garbled_numeral", True)
    assert [s.number for s in rep.parts[0].sections] == [1, 2, 3]


def test_structure_flags_a_truncated_heading() -> None:
    rep = _parse("struct_district.txt")
    sec = rep.parts[0].sections[1]
    assert sec.title == "深入推进改革创新,发展动能更加"
    assert sec.defect == "truncated" and sec.heading_defect
    assert any(d.kind == "truncated" for d in rep.defects)


def test_structure_reads_lead_phrases_but_not_the_section_intro() -> None:
    rep = _parse("struct_district.txt")
    subs = [u.title for u in rep.parts[0].sections[0].subsections]
    assert subs == ["投资结构持续优化", "消费市场加快回暖"]
    assert [u.title for u in rep.parts[1].sections[1].subsections] == ["完善交通网络", "建设美丽乡村"]


def test_structure_keeps_preamble_highlights_and_closing_address_out_of_subsections() -> None:
    rep = _parse("struct_district.txt")
    titles = [u.title for s in rep.sections for u in s.subsections]
    assert not any(t.startswith("——") or "一年来" in t for t in titles)
    assert not any(t.startswith("各位代表") for t in titles)
    assert rep.section_key(rep.text.text.index("——一年来,经济运行")) == "1.0"


def test_structure_cuts_run_in_lead_phrases_and_flags_them() -> None:
    rep = _parse("struct_district.txt")
    subs = rep.parts[1].sections[0].subsections
    assert [(u.title, u.run_in) for u in subs] == [("壮大先进制造业集群", True), ("培育现代服务业新动能", True)]
    assert all(u.heading_defect for u in subs)
    assert sum(1 for d in rep.defects if d.kind == "run_in") == 2


def test_structure_never_counts_the_closing_address_as_a_section() -> None:
    rep = _parse("struct_district.txt")
    last = rep.parts[-1].sections[-1]
    assert last.body_end == rep.parts[-1].body_end
    closing = rep.text.text.index("各位代表!新征程")
    assert rep.section_key(closing) == last.key


# ------------------------------------------------------------ five-year-plan shape


def test_structure_reads_a_three_part_five_year_plan_report_with_self_building() -> None:
    rep = _parse("struct_five_year.txt")
    assert [p.role for p in rep.parts] == [
        PartRole.REVIEW,
        PartRole.FIVE_YEAR_PLAN,
        PartRole.PLAN,
        PartRole.SELF_BUILDING,
    ]


def test_structure_reads_yi_shi_openers_as_sections_when_they_are_the_only_numbering() -> None:
    rep = _parse("struct_five_year.txt")
    secs = rep.parts[0].sections
    assert [(s.number, s.numeral, s.numbered) for s in secs] == [(1, "一是", True), (2, "二是", True), (3, "三是", True)]
    assert secs[0].title == "着力扩内需稳增长，推动经济持续回升向好"


def test_structure_reads_standalone_heading_lines_as_unnumbered_sections() -> None:
    rep = _parse("struct_five_year.txt")
    assert _titles(rep, 2) == ["聚焦科技创新，建设创新强省", "聚焦绿色发展，建设美丽南屏", "聚焦民生福祉，建设幸福家园"]
    assert not any(s.numbered for s in rep.parts[1].sections)
    assert _titles(rep, 4) == ["旗帜鲜明讲政治", "依法行政强法治"]


def test_structure_ends_a_run_on_heading_at_its_first_full_stop() -> None:
    rep = _parse("struct_five_year.txt")
    assert _titles(rep, 3) == ["突出扩大内需，更大力度促消费扩投资", "突出创新驱动，加快培育发展新动能"]
    assert [u.title for u in rep.parts[2].sections[0].subsections] == ["激发消费潜力", "扩大有效投资"]


# ------------------------------------------------------------------ lost numerals


def test_structure_reads_part_titles_whose_numerals_were_lost() -> None:
    rep = _parse("struct_lost_numerals.txt")
    assert [(p.number, p.numeral, p.title) for p in rep.parts] == [
        (1, None, "2030年工作回顾"),
        (2, None, "2031年重点工作安排建议"),
        (3, None, "全面加强政府自身建设"),
    ]
    assert rep.parts[2].role == PartRole.SELF_BUILDING


def test_structure_reads_yi_dun_headings_as_sections_under_unnumbered_parts() -> None:
    rep = _parse("struct_lost_numerals.txt")
    assert [s.numeral for s in rep.parts[1].sections] == ["一", "二"]
    assert rep.parts[0].sections == ()


def test_structure_reads_paragraph_opening_lead_sentences_as_unnumbered_sections() -> None:
    rep = _parse("struct_lost_numerals.txt")
    assert [(s.title, s.numbered) for s in rep.parts[2].sections] == [("坚定政治信仰", False), ("坚持厉行法治", False)]


def test_structure_numbers_a_part_between_numbered_parts_by_position() -> None:
    text = (
        "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
        "一、2030年工作回顾\n过去一年，全市经济社会发展取得新成效，主要目标任务顺利完成。\n"
        "2031年工作安排\n今年是实施规划的关键之年，做好今年工作意义重大。\n"
        "三、加强政府自身建设\n我们要坚持依法行政，建设人民满意的服务型政府。\n"
    )
    rep = _plain(text)
    assert [(p.number, p.title, p.heading_defect) for p in rep.parts] == [
        (1, "2030年工作回顾", False),
        (2, "2031年工作安排", True),
        (3, "加强政府自身建设", False),
    ]
    assert any(d.kind == "missing_numeral" for d in rep.defects)


# -------------------------------------------------------------------- single line


def test_structure_reads_a_single_line_report() -> None:
    rep = _parse("struct_single_line.txt")
    assert "\n" not in rep.text.text.rstrip("\n")
    assert [p.title for p in rep.parts] == ["2030年工作回顾", "2031年政府工作安排", "全面加强政府自身建设"]
    assert _titles(rep, 1) == ["经济运行稳中向好", "民生福祉持续增进"]  # "——" bullets structure the part
    assert _titles(rep, 2) == ["聚力推动经济平稳增长", "聚力促进产业升级", "聚力推进乡村振兴"]
    assert [u.title for u in rep.parts[1].sections[0].subsections] == ["增加有效投资", "持续扩大消费"]
    assert _titles(rep, 3) == ["坚定正确政治方向", "全面依法履行职责", "恪守清正廉洁本色"]
    assert len(rep.paragraphs) > 15


def test_structure_splits_paragraphs_marked_by_double_spaces() -> None:
    text = "各位代表：  现在，我代表县人民政府报告工作。  一、2030年工作回顾  过去一年成绩显著。  二、2031年工作安排  今年要稳中求进。"
    rep = _plain(text)
    assert [p.title for p in rep.parts] == ["2030年工作回顾", "2031年工作安排"]


# --------------------------------------------------------------------- PDF breaks


def test_structure_joins_lines_broken_by_a_pdf_export() -> None:
    rep = _parse("struct_wrapped.txt")
    assert [p.title for p in rep.parts] == ["2030年工作回顾", "2031年工作安排"]
    sent = next(s for s in rep.sentences if "居民人均可支配收入" in s.text)
    assert sent.text.startswith("地区生产总值增长5.6%") and sent.text.endswith("增长6.2%。")
    assert not any(s.text.startswith("— 1 —") for s in rep.sentences)
    assert [s.title for s in rep.sections] == ["坚持项目为王，经济发展稳中有进", "坚持创新驱动，加快培育新质生产力"]


# ---------------------------------------------------------------------- sentences


def test_sentences_keep_quotes_balanced() -> None:
    text = "他说：“要稳中求进。要以进促稳。”我们坚决落实。"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["他说：“要稳中求进。要以进促稳。”", "我们坚决落实。"]


def test_sentences_split_on_semicolons_and_exclamations() -> None:
    text = "地区生产总值增长5%；城镇新增就业1万人！还有吗？有"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["地区生产总值增长5%；", "城镇新增就业1万人！", "还有吗？", "有"]


def test_paragraphs_keep_soft_breaks_of_a_blank_line_layout_together() -> None:
    text = "各位代表：\n\n\u3000\u3000要认真贯彻《\n行政许可法\n》，依法办事。\n\n\u3000\u3000第二段。\n"
    paras = split_paragraphs(text)
    assert [text[b.start:b.end] for b in paras] == ["各位代表：", "要认真贯彻《\n行政许可法\n》，依法办事。", "第二段。"]


# ------------------------------------------------------------------- odd input


def test_structure_reports_a_text_that_is_not_a_report() -> None:
    rep = _plain("今天天气很好。我们去公园散步吧。\n")
    assert any(d.kind == "not_a_report" for d in rep.defects)
    assert len(rep.sentences) == 2


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u3000\u3000", "一、", "（）", "各位代表：", "注释\n［1］"])
def test_structure_survives_degenerate_text(text: str) -> None:
    rep = _plain(text)
    _check_spans(rep)


def test_structure_spans_hold_on_every_fixture() -> None:
    for path in sorted(FIXTURES.glob("struct_*.txt")):
        _check_spans(_parse(path.name))


_ALPHABET = st.sampled_from(
    list("一二三四五六七八九十是、。，！？；：（）()“”——\n \u3000年工作回顾安排各位代表注释名词解释［］1234567890.:+")
    + ["一、", "（一）", "()", "一是", "——", "各位代表：", "有关名词解释\n", "\n1.", "［2］", "工作回顾\n", "经济运行总体稳健。"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_structure_never_raises_and_spans_hold_on_arbitrary_genre_text(text: str) -> None:
    _check_spans(_plain(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_structure_never_raises_on_arbitrary_unicode(text: str) -> None:
    _check_spans(_plain(text))


def test_structure_counts_the_first_lead_when_a_section_prints_no_intro() -> None:
    text = (
        "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2030年工作回顾\n"
        "（一）坚持创新驱动，现代产业体系加快构建\n"
        "科技创新动力强劲。新建重点实验室12个，技术合同成交额增长15%。\n"
        "先进制造业提档升级。出台制造强市若干政策，新增规上工业企业300家。\n"
        "现代服务业提质增效。金融业增加值增长6%，新增上市企业5家。\n"
    )
    rep = _plain(text)
    assert [u.title for u in rep.sections[0].subsections] == ["科技创新动力强劲", "先进制造业提档升级", "现代服务业提质增效"]


def test_structure_starts_an_implicit_part_where_the_section_series_starts_over() -> None:
    text = (
        "各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
        "（一）抓工业促转型，发展新动能持续积蓄\n全年规上工业增加值增长7%，新增规上企业80家。\n"
        "（二）抓项目优服务，重大项目建设提速\n全年实施重大项目500个，完成投资900亿元。\n"
        "今年经济社会发展主要预期目标是：地区生产总值增长6%左右。\n"
        "（一）以更大力度做强产业，构建现代化产业体系\n深入推进新型工业化，培育壮大新兴产业集群。\n"
        "（二）以更大力度推进项目，扩大有效投资\n全年谋划储备项目1000个，开工建设项目300个。\n"
    )
    rep = _plain(text)
    assert [(p.number, p.title, p.role) for p in rep.parts] == [(1, "", PartRole.REVIEW), (2, "", PartRole.PLAN)]
    assert [s.key for s in rep.sections] == ["1.1", "1.2", "2.1", "2.2"]
    assert any(d.kind == "no_parts" for d in rep.defects)


def test_structure_finds_lead_phrases_that_lost_their_paragraph_break() -> None:
    rep = _parse("struct_single_line.txt")
    sec = rep.parts[1].sections[2]
    assert sec.title == "聚力推进乡村振兴"
    assert [u.title for u in sec.subsections] == ["提升乡村产业发展水平", "提升乡村建设水平"]
    assert sum(1 for d in rep.defects if d.kind == "lost_paragraph_break") == 2


def test_structure_ends_the_body_before_an_annex() -> None:
    text = (
        "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2030年工作回顾\n过去一年成绩显著，各项任务圆满完成。\n"
        "二、2031年工作安排\n今年要稳中求进，扎实办好各项民生实事。\n各位代表！让我们团结奋斗！\n"
        "附件\n2031年民生实事\n1.新增城镇就业2万人以上。\n2.新建改建学校5所。\n"
    )
    rep = _plain(text)
    assert text[:rep.body_end].endswith("让我们团结奋斗！")
    assert all("民生实事\n" not in s.text for s in rep.sentences)


@pytest.mark.parametrize(
    "opening",
    ["位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n", "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。\n"],
)
def test_structure_finds_the_body_when_the_greeting_is_damaged_or_missing(opening: str) -> None:
    text = (
        opening + "一、2030年工作回顾\n过去一年，全市经济社会发展取得新成效，各项任务圆满完成。\n"
        "一年来，各位代表和全市人民团结奋斗。\n二、2031年工作安排\n今年要稳中求进，以进促稳。\n"
    )
    rep = _plain(text)
    assert rep.body_start == 0
    assert [p.title for p in rep.parts] == ["2030年工作回顾", "2031年工作安排"]


def test_structure_reads_parenthesised_numerals_as_the_top_level_in_older_layouts() -> None:
    text = (
        "各位代表：\n我代表国务院向大会作政府工作报告，请予审议。\n"
        "（一）当前的经济形势\n过去的一年，国民经济在调整中继续前进，工农业生产都有增长。\n"
        "（二）今后经济建设的方针\n根据我国的国情，今后经济建设要走一条新的路子。\n"
        "一、依靠政策和科学，加快农业的发展\n农业是国民经济的基础，要继续贯彻各项农村经济政策。\n"
        "二、把消费品工业的发展放到重要地位\n要进一步调整重工业的服务方向，增加消费品生产。\n"
        "（三）我国经济发展的前景\n只要我们坚持正确的方针，经济发展的前景是光明的。\n"
    )
    rep = _plain(text)
    assert [p.title for p in rep.parts] == ["当前的经济形势", "今后经济建设的方针", "我国经济发展的前景"]
    assert [s.title for s in rep.parts[1].sections] == ["依靠政策和科学，加快农业的发展", "把消费品工业的发展放到重要地位"]


def test_structure_reads_leads_of_a_two_paragraph_section_without_an_intro() -> None:
    rep = _plain(
        "各位代表：\n\n  一、2023年工作回顾\n\n  （一）聚焦产业升级，经济发展量质齐升\n\n"
        "  先进制造业加快集聚。新增规模以上工业企业36家。\n\n"
        "  现代服务业提质增效。新增上市企业2家。\n\n"
        "  （二）聚焦民生福祉\n\n  过去一年，我们办成了一批实事。社会保障更加有力。\n"
    )
    first, second = rep.parts[0].sections
    assert [s.title for s in first.subsections] == ["先进制造业加快集聚", "现代服务业提质增效"]
    assert second.subsections == ()
    _check_spans(rep)


# ----------------------------------------------------------- layouts of every decade (issue 10)

_GREET = "各位代表：\n\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n\n"
_PARA = "全年粮食产量增长3.1%，新建道路12公里，完成投资45亿元，城乡居民收入稳步增长。"


def test_structure_reads_a_numbered_list_ending_in_semicolons_as_text_not_parts() -> None:
    s = (_GREET + "一、当前的形势和任务\n\n" + _PARA + "\n\n"
         "二、坚持稳定发展的方针\n\n" + _PARA + "我们要做好以下几项工作：\n\n"
         "一、继续做好第一项工作；\n\n二、认真抓好第二项工作；\n\n三、切实加强第三项工作。\n\n" + _PARA + "\n\n"
         "三、加强团结的政治局面\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["当前的形势和任务", "坚持稳定发展的方针", "加强团结的政治局面"]
    assert [p.role for p in rep.parts][0] == PartRole.REVIEW
    _check_spans(rep)


def test_structure_fills_a_part_gap_with_a_heading_run_on_into_its_paragraph() -> None:
    glued = ("三、深入改革经济体制和扩大开放明湖经济的长期稳定发展，既要靠正确的建设方针，又要靠深入改革和扩大"
             "对外开放，把正确的建设方针同正确的改革部署结合起来，使它们互相适应，互相促进，这是近几年来取得成就的重要经验")
    s = (_GREET + "一、当前的形势和任务\n\n" + _PARA + "\n\n二、坚持稳定发展的方针\n\n" + _PARA + "\n\n"
         + glued + "\n\n" + _PARA + "\n\n四、加强团结的政治局面\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert [p.numeral for p in rep.parts] == ["一", "二", "三", "四"]
    assert rep.parts[2].title == "深入改革经济体制和扩大开放明湖经济的长期稳定发展"
    assert rep.parts[2].heading_defect
    assert [d.kind for d in rep.defects if d.kind == "run_on_heading"] == ["run_on_heading"]
    _check_spans(rep)


def test_structure_reads_unnumbered_title_lines_with_successive_years_as_parts() -> None:
    s = (_GREET + "奋力完成2031年发展的各项任务\n\n2031年，我们重点抓了以下工作：\n\n"
         "（一）突出产业立县，提升发展质效。" + _PARA + "\n\n（二）突出项目建设，夯实发展基础。" + _PARA + "\n\n"
         "全力实现2032年发展的奋斗目标\n\n今年经济社会发展主要预期目标是：地区生产总值增长6%左右。\n\n"
         "一、着力推进产业立县\n\n壮大产业集群。" + _PARA + "\n\n二、着力激发内需活力\n\n狠抓项目建设。" + _PARA + "\n")
    rep = _plain(s)
    assert [(p.title, p.role) for p in rep.parts] == [
        ("奋力完成2031年发展的各项任务", PartRole.REVIEW), ("全力实现2032年发展的奋斗目标", PartRole.PLAN)]
    assert _titles(rep, 2) == ["着力推进产业立县", "着力激发内需活力"]
    assert not any(d.kind == "figures_outside_parts" for d in rep.defects)
    _check_spans(rep)


def test_structure_reads_a_year_title_before_a_numbered_plan_as_the_review_part() -> None:
    paras = "\n\n".join([_PARA] * 4)
    s = (_GREET + "首先报告2031年的工作\n\n" + paras + "\n\n"
         "一、扩大内需，促进经济较快增长\n\n" + paras + "\n\n二、加快农业和农村经济发展\n\n" + paras + "\n")
    rep = _plain(s)
    assert [(p.number, p.title, p.role) for p in rep.parts] == [
        (1, "首先报告2031年的工作", PartRole.REVIEW),
        (2, "扩大内需，促进经济较快增长", PartRole.PLAN),
        (3, "加快农业和农村经济发展", PartRole.PLAN)]
    assert not rep.defects
    _check_spans(rep)


def test_structure_reads_the_older_title_lines_about_and_closing_words_as_parts() -> None:
    s = (_GREET + "关于国内建设\n\n" + _PARA + "\n\n一、认真改革城市经济体制\n\n" + _PARA + "\n\n"
         "二、改革流通体制，疏通流通渠道\n\n" + _PARA + "\n\n关于外交工作\n\n" + _PARA + "\n\n"
         "结束语\n\n各位代表，让我们团结起来，为实现新的目标而奋斗！\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["关于国内建设", "关于外交工作", "结束语"]
    assert _titles(rep, 1) == ["认真改革城市经济体制", "改革流通体制，疏通流通渠道"]
    _check_spans(rep)


def test_structure_reads_two_paren_parts_before_closing_words_as_the_top_level() -> None:
    s = (_GREET + "（一）关于经济形势\n\n" + _PARA + "\n\n（二）关于经济体制改革\n\n" + _PARA + "\n\n"
         "一、合理调整购销价格；\n\n二、适当提高短途运价。\n\n" + _PARA + "\n\n结束语\n\n各位代表，让我们团结奋斗！\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["关于经济形势", "关于经济体制改革", "结束语"]
    _check_spans(rep)


def test_structure_starts_an_implicit_plan_part_at_the_paragraph_opening_the_year() -> None:
    s = (_GREET + "2031年，我们坚持稳中求进。" + _PARA + "\n\n（一）持续抓工业促转型。" + _PARA + "\n\n"
         "（二）持续抓项目优服务。" + _PARA + "\n\n各位代表！回顾过去一年，我们深深体会到团结的力量。\n\n"
         "2032年是实施规划的关键之年。\n\n今年经济社会发展主要预期目标是：地区生产总值增长6%左右。\n\n"
         "（一）以非常力度做强产业。" + _PARA + "\n\n（二）以非常力度推进项目。" + _PARA + "\n")
    rep = _plain(s)
    assert [p.role for p in rep.parts] == [PartRole.REVIEW, PartRole.PLAN]
    assert s[rep.parts[1].heading_start:].startswith("2032年是实施规划的关键之年")
    target = s.index("地区生产总值增长6%")
    assert rep.locate(target)[0] is rep.parts[1]
    _check_spans(rep)


def test_structure_joins_a_part_title_broken_inside_brackets_and_spaced_digits() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n" + _PARA + "\n\n二、关于2 0 3 2 年政府工作的建议\n\n" + _PARA + "\n\n"
         "三、关于《\n明湖县国民经济和社会发展第十六个五年规划纲要（草案）\n》的说明\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == [
        "2031年工作回顾", "关于2 0 3 2 年政府工作的建议",
        "关于《\n明湖县国民经济和社会发展第十六个五年规划纲要（草案）\n》的说明"]
    assert rep.parts[2].role == PartRole.FIVE_YEAR_PLAN
    _check_spans(rep)


def test_structure_does_not_take_a_sentence_fragment_on_its_own_line_for_a_part() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n" + _PARA + "我们印发了《\n\n关于加强基层治理的工作方案\n\n》，成效明显。" + _PARA
         + "\n\n二、2032年工作安排\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["2031年工作回顾", "2032年工作安排"]


def test_structure_gives_a_review_of_the_last_plan_and_goals_of_the_next_the_five_year_role() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n" + _PARA + "\n\n二、“十五五”时期发展成就和“十六五”时期主要目标任务\n\n"
         + _PARA + "\n\n三、2032年重点工作\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert [p.role for p in rep.parts] == [PartRole.REVIEW, PartRole.FIVE_YEAR_PLAN, PartRole.PLAN]


# ------------------------------------------------------------- implausible structure is a defect


def test_structure_flags_a_single_part_and_figures_outside_every_part() -> None:
    s = (_GREET + "\n\n".join([_PARA] * 30) + "\n\n一、2032年工作安排\n\n（一）做强产业\n\n" + "\n\n".join([_PARA] * 20)
         + "\n\n（二）改善民生\n\n" + "\n\n".join([_PARA] * 20) + "\n")
    kinds = {d.kind for d in _plain(s).defects}
    assert {"single_part", "figures_outside_parts"} <= kinds


def test_structure_flags_part_numerals_out_of_order() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n" + _PARA + "\n\n三、2032年工作安排\n\n" + _PARA + "\n\n"
         "四、加强政府自身建设\n\n" + _PARA + "\n")
    defects = [d for d in _plain(s).defects if d.kind == "part_order"]
    assert len(defects) == 1 and "一、三、四" in defects[0].message


def test_structure_flags_a_glossary_heading_without_entries_and_footnote_marks_without_notes() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n深入实施“双招双引”①，构建调度体系②。" + _PARA + "\n\n"
         "二、2032年工作安排\n\n" + _PARA + "\n\n名词解释\n\n（待补充）\n")
    kinds = [d.kind for d in _plain(s).defects]
    assert "empty_glossary" in kinds and "unlinked_footnotes" in kinds


def test_structure_does_not_take_circled_list_numbers_for_footnote_marks() -> None:
    s = (_GREET + "一、2031年工作回顾\n\n十件民生实事全面完成。①新建学校3所；②新增学位1800个。" + _PARA + "\n\n"
         "二、2032年工作安排\n\n" + _PARA + "\n")
    rep = _plain(s)
    assert not [d for d in rep.defects if d.kind in ("unlinked_footnotes", "single_part", "figures_outside_parts")]


# ------------------------------------------------------------------- linear time (issue 11)


def _work(text: str) -> int:
    """Python lines and calls executed while parsing ``text`` (a machine-independent cost:
    a loop inside one function counts, not only the calls it makes)."""
    import sys

    steps = 0

    def local(frame, event, arg):  # noqa: ARG001
        nonlocal steps
        steps += 1
        return local

    def count(frame, event, arg):  # noqa: ARG001
        nonlocal steps
        steps += 1
        return local if frame.f_code.co_filename.endswith(("structure.py", "sentences.py", "glossary.py")) else None

    sys.settrace(count)
    try:
        parse_report(Text(source=text, text=text))
    finally:
        sys.settrace(None)
    return steps


@pytest.mark.parametrize("unit", [
    "一、工作回顾\n",
    "（一）加快发展\n深化改革开放。全年完成任务，增长5%。\n",
    "一、工作回顾\n（）加快发展\n全年完成任务，取得明显成效。\n",
    "2031年工作回顾\n\n全年完成任务。\n\n",
    "一、工作回顾 过去的一年，我们完成任务。",
])
def test_structure_parses_repeated_headings_in_linear_work(unit: str) -> None:
    small, large = _work("各位代表：\n" + unit * 300), _work("各位代表：\n" + unit * 1200)
    assert large <= 4 * small * 1.25, (small, large)


def test_structure_reads_a_text_with_no_heading_at_all_as_one_part_without_flagging_it() -> None:
    s = _GREET + "\n\n".join([_PARA] * 60) + "\n"
    rep = _plain(s)
    assert len(rep.parts) == 1
    kinds = {d.kind for d in rep.defects}
    assert "no_parts" in kinds and "single_part" not in kinds


def test_structure_starts_a_lost_plan_part_in_a_numbering_gap_at_the_plan_opening() -> None:
    paras = "\n\n".join([_PARA] * 3)
    s = (_GREET + "一、2031年工作回顾\n\n" + paras + "\n\n（一）坚持稳中求进\n\n" + paras + "\n\n（二）坚持民生为本\n\n"
         + paras + "\n\n做好今年政府工作的总体要求是：坚持稳中求进。\n\n今年主要预期目标是：地区生产总值增长6%左右。\n\n"
         "（一）坚定不移做强产业\n\n" + paras + "\n\n（二）坚定不移改善民生\n\n" + paras + "\n\n三、加强政府自身建设\n\n" + paras + "\n")
    rep = _plain(s)
    assert [(p.number, p.role, p.title) for p in rep.parts] == [
        (1, PartRole.REVIEW, "2031年工作回顾"), (2, PartRole.PLAN, ""), (3, PartRole.SELF_BUILDING, "加强政府自身建设")]
    assert s[rep.parts[1].heading_start:].startswith("做好今年政府工作的总体要求")
    assert [t for t in _titles(rep, 2)] == ["坚定不移做强产业", "坚定不移改善民生"]
    assert [d.kind for d in rep.defects if d.kind == "missing_part_heading"] == ["missing_part_heading"]


def test_structure_reads_a_later_year_title_line_between_part_title_lines_as_a_part() -> None:
    paras = "\n\n".join([_PARA] * 3)
    s = (_GREET + "2031年工作回顾\n\n" + paras + "\n\n努力做好2032年各项工作\n\n" + paras + "\n\n"
         "全面加强政府自身建设\n\n" + paras + "\n")
    rep = _plain(s)
    assert [(p.title, p.role) for p in rep.parts] == [
        ("2031年工作回顾", PartRole.REVIEW), ("努力做好2032年各项工作", PartRole.PLAN),
        ("全面加强政府自身建设", PartRole.SELF_BUILDING)]


def test_structure_prefers_the_top_level_series_over_one_nested_in_its_last_part() -> None:
    paras = "\n\n".join([_PARA] * 3)
    nested = "".join(f"{n}、充分认识改革的第{n}个方面\n\n{paras}\n\n" for n in "一二三四五六")
    s = (_GREET + "一、“十五五”计划执行情况的回顾\n\n" + paras + "\n\n二、“十六五”时期的基本任务\n\n" + paras + "\n\n"
         + nested)
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["“十五五”计划执行情况的回顾", "“十六五”时期的基本任务"]


def test_structure_resumes_the_part_series_after_a_series_nested_in_a_part() -> None:
    paras = "\n\n".join([_PARA] * 2)
    inner = "".join(f"{n}、确定第{n}项建设方针和主要任务\n\n{paras}\n\n" for n in "一二三四五")
    s = (_GREET + "一、“六五”计划执行情况的回顾\n\n" + paras + "\n\n二、“七五”时期的基本任务\n\n" + paras + "\n\n" + inner
         + "三、“七五”时期的体制改革\n\n" + paras + "\n\n四、坚持独立自主的和平外交政策\n\n" + paras + "\n")
    rep = _plain(s)
    assert [(p.title, p.role) for p in rep.parts] == [
        ("“六五”计划执行情况的回顾", PartRole.REVIEW), ("“七五”时期的基本任务", PartRole.FIVE_YEAR_PLAN),
        ("“七五”时期的体制改革", PartRole.FIVE_YEAR_PLAN), ("坚持独立自主的和平外交政策", PartRole.OTHER)]
    assert len(rep.parts[1].sections) == 5


def test_structure_does_not_take_the_rest_of_a_broken_sentence_for_a_part_heading() -> None:
    paras = "\n\n".join([_PARA] * 2)
    s = (_GREET + "一、2031年工作回顾\n\n" + paras + "\n\n我们坚持农业农村优先发展，深入实施乡村振兴战略，大力推动一\n\n"
         "二、三产业融合发展，建成现代农业产业园6个。\n\n" + paras + "\n\n二、2032年工作安排\n\n" + paras
         + "\n\n三、加强政府自身建设\n\n" + paras + "\n")
    rep = _plain(s)
    assert [p.title for p in rep.parts] == ["2031年工作回顾", "2032年工作安排", "加强政府自身建设"]
    assert [p.numeral for p in rep.parts] == ["一", "二", "三"]


def test_structure_reads_a_heading_after_a_paragraph_missing_its_final_stop() -> None:
    paras = "\n\n".join([_PARA] * 2)
    s = (_GREET + "一、2031年工作回顾\n\n" + paras + "\n\n总之，今后的改革任务十分繁重，我们一定要继续发扬开拓前进的精神\n\n"
         "二、坚持独立自主的和平外交政策\n\n" + paras + "\n")
    assert [p.numeral for p in _plain(s).parts] == ["一", "二"]


def test_structure_finds_the_first_lead_phrase_run_on_after_a_run_in_section_heading() -> None:
    body = "全年新增就业岗位1.2万个，城乡居民收入稳步增长，人民生活持续改善，群众获得感不断增强。"
    s = (_GREET + "一、2031年工作回顾\n\n（一）大力发展社会事业。增加社会事业的投入。" + body + "\n\n推进科技创新。" + body
         + "\n\n优先发展教育事业。" + body + "\n\n（二）积极推进改革开放。" + body + "\n\n二、2032年工作安排\n\n" + body + "\n")
    rep = _plain(s)
    subs = rep.parts[0].sections[0].subsections
    assert [u.title for u in subs] == ["增加社会事业的投入", "推进科技创新", "优先发展教育事业"]
    assert not rep.parts[0].sections[1].subsections  # a section's first sentence alone is not a lead
    _check_spans(rep)


def test_structure_finds_long_two_clause_and_framed_lead_phrases_in_a_series() -> None:
    body = "全年新增就业岗位1.2万个，城乡居民收入稳步增长，人民生活持续改善，群众获得感不断增强。"
    leads = ["以联动畅通为切入点，着力打造区域协同发展格局", "立足资源禀赋和产业基础优势，大力推进新型工业化",
             "坚持强县与富民相结合，推动县域经济高质量发展"]
    s = (_GREET + "一、2031年工作回顾\n\n" + body + "\n\n二、2032年工作安排\n\n（一）推动高质量发展\n\n"
         + "\n\n".join(f"{lead}。{body}" for lead in leads) + "\n\n（二）增进民生福祉\n\n" + body + "\n")
    rep = _plain(s)
    assert [u.title for u in rep.parts[1].sections[0].subsections] == leads
    _check_spans(rep)


def test_structure_does_not_take_a_lone_two_clause_opening_for_a_lead_phrase() -> None:
    body = "全年新增就业岗位1.2万个，城乡居民收入稳步增长，人民生活持续改善，群众获得感不断增强。"
    s = (_GREET + "一、2031年工作回顾\n\n" + body + "\n\n二、2032年工作安排\n\n（一）推动高质量发展\n\n"
         + "坚持强县与富民相结合，推动县域经济高质量发展。" + body + "\n\n" + body + "\n\n" + body + "\n")
    rep = _plain(s)
    assert not rep.parts[1].sections[0].subsections
