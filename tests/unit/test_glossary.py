"""The glossary block: every layout the genre uses, split into entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.glossary import glossary_key, parse_glossary, strip_quotes
from kg.loaders.structure import parse_report
from kg.model import Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

BODY = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2030年工作回顾\n过去一年，全县经济稳中向好。\n二、2031年工作安排\n今年要实施“两新”政策。\n"


def _report(text: str):
    return parse_report(Text(source=text, text=text))


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("“1+3+N”产业政策体系", "1+3+N"),
        ("金融业“一城一街一带”发展规划", "一城一街一带"),
        ("“双区”建设", "双区"),
        ("双招双引", "双招双引"),
        ("稳增长“21”条", "21条"),
        ("“45432”发展架构", "45432"),
        ("三张“零关税”清单", "三张零关税清单"),
        ("ESI", "ESI"),
        ("两个基地、两个枢纽、两个网络", "两个基地、两个枢纽、两个网络"),
        ("“网链共享计划”", "网链共享计划"),
    ],
)
def test_glossary_key_is_the_bare_formula_or_short_name(printed: str, key: str) -> None:
    assert glossary_key(printed) == key


def test_glossary_term_drops_quotes() -> None:
    assert strip_quotes("“1+3+N”产业政策体系") == "1+3+N产业政策体系"


def test_glossary_reads_numbered_entries_after_a_title_line() -> None:
    s = (FIXTURES / "struct_district.txt").read_text(encoding="utf-8")
    rep = parse_report(Text(source=s, text=s))
    g = rep.glossary
    assert g is not None and g.title == "有关名词解释"
    assert [(e.number, e.term, e.key) for e in g.entries] == [
        (1, "2+3+N产业体系", "2+3+N"),
        (2, "一村一品行动", "一村一品"),
        (3, "稳增长12条", "12条"),
    ]
    e = g.entries[1]
    assert e.definition == "每个村培育一个特色产品或产业。"
    assert s[e.term_start:e.term_end] == "“一村一品”行动"
    assert s[e.definition_start:e.definition_end] == e.definition


def test_glossary_reads_footnotes_with_definitions_on_the_next_line() -> None:
    s = (FIXTURES / "struct_five_year.txt").read_text(encoding="utf-8")
    rep = parse_report(Text(source=s, text=s))
    g = rep.glossary
    assert g is not None and g.title == "注释"
    assert [(e.number, e.term, e.key, e.definition) for e in g.entries] == [
        (1, "两新", "两新", "大规模设备更新和消费品以旧换新。"),
        (2, "四链", "四链", "创新链、产业链、资金链、人才链。"),
    ]
    # the footnote markers in the body stay in the body; the glossary is not part of it
    assert rep.body_end <= g.start
    assert "［1］" in s[rep.body_start:rep.body_end]


@pytest.mark.parametrize("title", ["名词解释", "名词注释", "有关名词解释", "【名词解释】", "注释："])
def test_glossary_title_variants_are_recognised(title: str) -> None:
    text = BODY + f"{title}\n1.“两新”：大规模设备更新和消费品以旧换新。\n2.双减：减轻学生作业负担和校外培训负担。\n"
    rep = _report(text)
    assert rep.glossary is not None
    assert [e.key for e in rep.glossary.entries] == ["两新", "双减"]
    assert rep.body_end <= rep.glossary.start


def test_glossary_reads_unnumbered_term_colon_paragraphs() -> None:
    text = BODY + "名词解释\n“两新”：大规模设备更新和消费品以旧换新。\n四个一批：谋划一批、开工一批、建设一批、竣工一批。\n"
    g = _report(text).glossary
    assert g is not None
    assert [(e.number, e.key, e.definition) for e in g.entries] == [
        (None, "两新", "大规模设备更新和消费品以旧换新。"),
        (None, "四个一批", "谋划一批、开工一批、建设一批、竣工一批。"),
    ]


def test_glossary_definition_broken_over_lines_is_joined() -> None:
    text = BODY + "名词解释\n1.“双向揭榜挂帅”：企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称。\n2.两重：国家重大战略实施。\n"
    g = _report(text).glossary
    assert g is not None
    e = g.entries[0]
    assert e.definition == "企业找技术、成果找市场“双向揭榜挂帅”的简称。"
    assert "\n" in text[e.definition_start:e.definition_end]
    assert [x.key for x in g.entries] == ["双向揭榜挂帅", "两重"]


def test_glossary_is_absent_when_the_report_has_none() -> None:
    assert _report(BODY).glossary is None


def test_glossary_word_inside_a_sentence_is_not_a_title() -> None:
    text = BODY + "我们将在附件中对有关名词解释作出说明。\n"
    assert _report(text).glossary is None


def test_parse_glossary_returns_none_without_a_title() -> None:
    assert parse_glossary("1.两新：设备更新。\n", 0) is None


def test_glossary_is_found_after_parts_printed_without_numerals() -> None:
    text = (
        "各位代表：\n现在，我代表市人民政府向大会报告工作。\n2030年工作回顾\n过去一年，我们推动“两新”政策落地见效。\n"
        "2031年工作安排\n今年要持续实施“两新”政策，扩大有效投资。\n名词解释\n1.“两新”：大规模设备更新和消费品以旧换新。\n"
    )
    rep = _report(text)
    assert rep.glossary is not None and [e.key for e in rep.glossary.entries] == ["两新"]
    assert [p.title for p in rep.parts] == ["2030年工作回顾", "2031年工作安排"]


def test_glossary_title_on_the_line_after_an_annex_line_is_found_and_ends_the_body() -> None:
    text = BODY + "各位代表，让我们团结奋斗！\n\n附件\n《政府工作报告》名词注释\n1.两新：大规模设备更新和消费品以旧换新。\n2.“三个一”：一张图、一张表、一套机制。\n"
    rep = _report(text)
    assert rep.glossary is not None
    assert rep.glossary.title == "《政府工作报告》名词注释"
    assert [e.key for e in rep.glossary.entries] == ["两新", "三个一"]
    assert rep.body_end <= text.index("附件")
    assert not [d for d in rep.defects if d.kind == "empty_glossary"]


@pytest.mark.parametrize("title", ["2031年政府工作报告有关名词解释", "报告中的名词解释", "〈政府工作报告〉名词注释"])
def test_glossary_title_may_name_the_report_first(title: str) -> None:
    text = BODY + f"\n{title}\n1.两新：大规模设备更新和消费品以旧换新。\n"
    g = parse_glossary(text, len(BODY))
    assert g is not None and g.title == title and [e.key for e in g.entries] == ["两新"]


def test_glossary_prose_mentioning_a_glossary_word_is_not_a_title() -> None:
    text = BODY + "\n我们对报告中的有关术语作了名词解释，供代表参阅，欢迎提出意见。\n"
    assert parse_glossary(text, len(BODY)) is None


def test_glossary_notes_numbered_with_circled_numbers_past_twenty() -> None:
    notes = "".join(f"{chr(0x2460 + i) if i < 20 else chr(0x3251 + i - 20)}术语{i + 1}：第{i + 1}项解释。\n" for i in range(23))
    g = parse_glossary(BODY + "\n注释\n" + notes, len(BODY))
    assert g is not None and [e.number for e in g.entries] == list(range(1, 24))
