"""Report metadata from the title block, the greeting, the page chrome and the parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.metadata import _level, _units, extract_metadata, parse_chinese_date
from kg.loaders.read import read_bytes, read_file
from kg.model import Part, PartRole


def _meta(s: str, parts: tuple[Part, ...] = ()):  # noqa: ANN202
    return extract_metadata(read_bytes(s.encode("utf-8")), parts)


def test_district_report_with_page_chrome(fixtures: Path) -> None:
    m = extract_metadata(read_file(fixtures / "read_report_chrome.txt"))
    assert m.title == "2031年政府工作报告"
    assert m.government == "示例区人民政府"
    assert m.place == "示例区"
    assert m.parent_places[0] == "示例市"
    assert m.level == "district"
    assert (m.speaker, m.speaker_role) == ("王示例", "区长")
    assert m.delivery_date == "2031-01-15"
    assert m.meeting == "示例市示例区第三届人民代表大会第二次会议"
    assert (m.publish_date, m.publisher) == ("2031-02-03", "示例区政府办公室")
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_single_line_national_report_with_chinese_numeral_date(fixtures: Path) -> None:
    m = extract_metadata(read_file(fixtures / "read_single_line.txt"))
    assert m.title == "政府工作报告"
    assert m.government == "国务院"
    assert m.place == "中华人民共和国"
    assert m.parent_places == ()
    assert m.level == "national"
    assert (m.speaker, m.speaker_role) == ("王示例", "国务院总理")
    assert m.delivery_date == "2031-03-05"
    assert m.meeting == "第九届全国人民代表大会第一次会议"
    assert (m.review_year, m.plan_year) == (2030, 2031)
    assert m.publish_date is None and m.publisher is None


def test_county_html_page(fixtures: Path) -> None:
    m = extract_metadata(read_file(fixtures / "read_page.html"))
    assert m.title == "政府工作报告"
    assert m.place == "示例县"
    assert m.level == "county"
    assert m.government == "示例县人民政府"
    assert (m.speaker, m.speaker_role) == ("张示例", "县长")
    assert m.delivery_date == "2031-01-20"
    assert (m.review_year, m.plan_year) == (2030, 2031)
    assert (m.publish_date, m.publisher) == ("2031-01-25", "示例县融媒体中心")


def test_province_report_with_speaker_after_the_government_name() -> None:
    m = _meta(
        "2031年示例省政府工作报告\n2031年1月20日在示例省第十四届人民代表大会第四次会议上\n"
        "来源：示例日报\n时间：2031-02-01\n示例省人民政府省长 李 示例\n各位代表：\n"
        "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2030年工作回顾和“十五五”发展成就\n"
        "过去一年成绩显著。\n二、“十六五”时期主要目标任务\n三、2031年工作安排\n今年要继续努力。\n"
    )
    assert m.title == "2031年示例省政府工作报告"
    assert m.place == "示例省" and m.level == "province" and m.parent_places == ()
    assert m.government == "示例省人民政府"
    assert (m.speaker, m.speaker_role) == ("李示例", "省长")
    assert m.delivery_date == "2031-01-20"
    assert m.meeting == "示例省第十四届人民代表大会第四次会议"
    assert (m.publish_date, m.publisher) == ("2031-02-01", "示例日报")
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_letter_spaced_title_and_parenthesised_dateline() -> None:
    m = _meta(
        "政 府 工 作 报 告\n\n（2031年2月3日在示例自治州第十五届人民代表大会第四次会议上）\n\n州长　张示例\n\n"
        "各位代表：\n现在，我代表州人民政府向大会报告工作。\n"
    )
    assert m.title == "政府工作报告"
    assert m.place == "示例自治州"
    assert m.level == "city"
    assert m.government == "示例自治州人民政府"
    assert (m.speaker, m.speaker_role) == ("张示例", "州长")
    assert m.delivery_date == "2031-02-03"


def test_years_come_from_the_part_titles_when_parts_are_given() -> None:
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
    parts = (
        Part(1, "“十五五”时期和2030年工作回顾", PartRole.REVIEW, 0, 1, 0, 1),
        Part(2, "2031—2035年发展目标", PartRole.FIVE_YEAR_PLAN, 1, 2, 1, 2),
        Part(3, "2031年重点工作", PartRole.PLAN, 2, 3, 2, 3),
    )
    m = _meta(text, parts)
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_years_fall_back_to_the_delivery_year() -> None:
    m = _meta("政府工作报告\n——2031年1月8日在示例市第九届人民代表大会第一次会议上\n各位代表：\n现在，我代表市人民政府报告工作。\n")
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_a_text_without_a_title_block_gives_empty_fields_not_errors() -> None:
    m = _meta("这不是一份报告，只是一段话。\n")
    assert m.title is None and m.speaker is None and m.delivery_date is None and m.meeting is None


def test_government_printed_as_a_bare_level_word_is_named_after_the_place() -> None:
    m = _meta(
        "政府工作报告\n——2031年1月8日在示例市第九届人民代表大会第一次会议上\n市长　赵示例\n"
        "各位代表：\n现在，我代表市政府向大会报告工作。\n"
    )
    assert m.government == "示例市人民政府"
    assert m.place == "示例市"
    assert m.level == "city"


def test_the_older_national_greeting_names_the_state_council_and_the_meeting() -> None:
    m = _meta("各位代表：\n　　我代表国务院向第三届全国人民代表大会第一次会议作政府工作报告。\n一九六四年的任务已经完成。\n")
    assert m.government == "国务院"
    assert m.level == "national"
    assert m.meeting == "第三届全国人民代表大会第一次会议"


@pytest.mark.parametrize(
    ("s", "iso"),
    [
        ("2023年1月10日", "2023-01-10"),
        ("２０２３年１月１０日", "2023-01-10"),
        ("二〇二四年一月十日", "2024-01-10"),
        ("二〇二六年一月二十七日", "2026-01-27"),
        ("一九五四年九月二十三日", "1954-09-23"),
        ("二○一九年三月四日", "2019-03-04"),
        ("二〇二四年元月十日", "2024-01-10"),
        ("2023年13月10日", None),
        ("去年", None),
    ],
)
def test_parse_chinese_date(s: str, iso: str | None) -> None:
    assert parse_chinese_date(s) == iso


@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("北京市", "province"), ("重庆市", "province"), ("示例省", "province"), ("示例自治区", "province"),
        ("示例市", "city"), ("示例自治州", "city"), ("示例盟", "city"), ("示例地区", "city"),
        ("示例县", "county"), ("示例自治县", "county"), ("示例区", "district"), ("示例旗", "district"),
        ("示例新区", "district"),
    ],
)  # fmt: skip
def test_level_from_the_place_name(place: str, level: str) -> None:
    assert _level(place, "") == level


def test_a_banner_report_with_an_acting_head() -> None:
    m = _meta(
        "政府工作报告\n——2031年1月6日在示例旗第十七届人民代表大会第三次会议上\n示例旗人民政府代旗长　孙示例\n"
        "各位代表：\n现在，我代表旗人民政府向大会报告工作。\n"
    )
    assert m.place == "示例旗" and m.level == "district"
    assert (m.speaker, m.speaker_role) == ("孙示例", "代旗长")
    assert m.government == "示例旗人民政府"


def test_a_county_level_city_is_a_county() -> None:
    assert _level("示例市", "作为省直管县级市，我市……") == "county"
    assert _level("示例市", "全市各县（市、区）……") == "city"


@pytest.mark.parametrize(
    ("name", "units"),
    [
        ("深圳市罗湖区人民政府", ["深圳市", "罗湖区"]),
        ("杭州市", ["杭州市"]),
        ("呼伦贝尔市海拉尔区", ["呼伦贝尔市", "海拉尔区"]),
        ("凉山彝族自治州", ["凉山彝族自治州"]),
        ("内蒙古自治区呼伦贝尔市", ["内蒙古自治区", "呼伦贝尔市"]),
        ("市人民政府", []),
    ],
)
def test_units_split_a_government_name_outermost_first(name: str, units: list[str]) -> None:
    assert _units(name) == units


def test_a_city_that_never_prints_its_name_is_named_from_the_gazetteer() -> None:
    body = "。".join(["建设更好泰安", "来泰安投资的企业增加", "泰安港货物吞吐量增长", "泰安高新区获批", "泰安人民更加幸福"])
    m = _meta(f"各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2030年工作回顾\n{body}。\n二、2031年工作安排\n")
    assert m.place == "泰安市"
    assert m.government == "泰安市人民政府"
    assert m.level == "city"
    assert m.parent_places == ("山东省",)


def test_a_district_finds_its_parent_city_and_province_in_the_text() -> None:
    m = _meta(
        "政府工作报告\n——2031年1月9日在示例区第八届人民代表大会第三次会议上\n区长　周示例\n各位代表：\n"
        "现在，我代表示例区人民政府向大会报告工作。深圳都市圈建设提速，深圳地铁延伸到区，深圳湾口岸通关便利。\n"
    )
    assert m.place == "示例区" and m.level == "district"
    assert m.parent_places == ("深圳市", "广东省")


def test_the_seat_of_an_autonomous_prefecture_is_a_county_level_city() -> None:
    body = "。".join(["恩施硒茶品牌更响"] * 6)
    m = _meta(f"各位代表：\n现在，我代表市人民政府向大会报告工作。{body}。\n")
    assert m.place == "恩施市"
    assert m.level == "county"


def test_a_report_without_greeting_is_placed_by_how_it_speaks_of_itself() -> None:
    body = "。".join(["全州经济稳步增长", "我州脱贫成果巩固", "凉山彝族自治州成立纪念活动举办", "凉山文旅融合发展", "全州上下团结奋斗",
                     "我州生态持续向好", "凉山特色农业壮大", "凉山交通大提速", "凉山清洁能源基地建设", "我州民生改善"])  # fmt: skip
    m = _meta(f"2030年工作回顾\n{body}。\n")
    assert m.place == "凉山彝族自治州"
    assert m.level == "city"
    assert m.parent_places == ("四川省",)


@pytest.mark.parametrize(
    ("meeting", "year"),
    [
        ("第一届全国人民代表大会第二次会议", 1955),
        ("第六届全国人民代表大会第一次会议", 1983),
        ("第十届全国人民代表大会第一次会议", 2003),
        ("第十四届全国人民代表大会第二次会议", 2024),
        ("示例省第十四届人民代表大会第二次会议", None),
    ],
)
def test_npc_session_year(meeting: str, year: int | None) -> None:
    from kg.loaders.metadata import npc_session_year

    assert npc_session_year(meeting) == year


def test_gazetteer_lookup_accepts_short_and_full_names() -> None:
    from kg.loaders.metadata import find_prefecture

    assert find_prefecture("凉山州").name == "凉山彝族自治州"  # type: ignore[union-attr]
    assert find_prefecture("锡林郭勒盟").province == "内蒙古自治区"  # type: ignore[union-attr]
    assert find_prefecture("潜江市").level == "county"  # type: ignore[union-attr]
    assert find_prefecture("示例市") is None


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_GENRE = list("政府工作报告各位代表我代表市省区县州人民政府——年月日在第届大会次会议上区长市长总理一二三四〇十、，。：\n 　0123456789来源发布时间")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_GENRE), min_size=1, max_size=400))
def test_extract_metadata_never_raises_and_gives_well_formed_fields(s: str) -> None:
    from kg.model import Text

    m = extract_metadata(Text(source=s, text=s))
    if m.delivery_date is not None:
        assert parse_chinese_date(f"{m.delivery_date[:4]}年{int(m.delivery_date[5:7])}月{int(m.delivery_date[8:])}日")
    if m.review_year is not None and m.plan_year is not None:
        assert m.plan_year > m.review_year
    assert m.level in (None, "national", "province", "city", "county", "district")
    for field in (m.title, m.government, m.place, m.speaker, m.meeting):
        assert field is None or field.strip() == field and field


# ----------------------------------------------------------------- years (review / plan)


def test_a_review_title_naming_two_years_gives_the_review_and_the_plan_year() -> None:
    parts = (
        Part(1, "２０３０年国内工作的回顾和２０３１年工作的基本方针", PartRole.REVIEW, 0, 1, 0, 1),
        Part(2, "保持国民经济持续健康发展", PartRole.PLAN, 1, 2, 1, 2),
    )
    m = _meta("各位代表：\n现在，我代表国务院向大会作政府工作报告。\n", parts)
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_years_in_chinese_numerals_in_the_part_titles() -> None:
    parts = (
        Part(1, "二〇三〇年经济战线上的胜利", PartRole.REVIEW, 0, 1, 0, 1),
        Part(2, "二〇三一年国民经济各部门发展计划的安排", PartRole.PLAN, 1, 2, 1, 2),
    )
    m = _meta("各位代表：\n我代表国务院向大会提出报告。\n", parts)
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_the_greeting_names_the_plan_year_and_the_session_after_a_comma() -> None:
    body = "（一）一九六四年经济战线上的胜利\n" + "一九六四年各项工作取得胜利。" * 3 + "一九七〇年的远景目标。" * 8
    m = _meta(
        "各位代表：\n\u3000\u3000我代表国务院向第三届全国人民代表大会第二次会议，提出关于一九六五年度国民经济计划"
        f"（草案）的报告，请予审议。\n{body}\n"
    )
    assert m.meeting == "第三届全国人民代表大会第二次会议"
    assert m.level == "national"
    assert (m.review_year, m.plan_year) == (1964, 1965)


def test_the_first_of_two_plan_years_named_in_the_greeting_is_the_plan_year() -> None:
    parts = (
        Part(1, "国民经济在调整中取得了新的进展", PartRole.REVIEW, 0, 1, 0, 1),
        Part(2, "2032年国民经济计划的任务和主要指标", PartRole.PLAN, 1, 2, 1, 2),
    )
    m = _meta("各位代表：\n我受国务院的委托，现在向大会提出关于2031、2032年国民经济计划安排的报告，请予审议。\n", parts)
    assert m.plan_year == 2031 and m.review_year == 2030


def test_a_congress_named_without_its_session_dates_the_report_by_its_first_session() -> None:
    body = "我们要在一九八〇年以前建成独立的工业体系。" * 10
    m = _meta(f"各位代表！\n\u3000\u3000我代表国务院，向第四届全国人民代表大会作政府工作报告。\n\u3000\u3000{body}\n")
    assert m.meeting == "第四届全国人民代表大会"
    assert (m.review_year, m.plan_year) == (1974, 1975)


@pytest.mark.parametrize(
    ("sentence", "plan"),
    [
        ("从去年９月第五届全国人民代表大会第三次会议到现在，已经过去了一年零两个月。", 1981),
        ("关键在于按照去年五届人大四次会议和今年党的代表大会的精神，把工作转到提高效益上来。", 1982),
    ],
)
def test_a_session_held_last_year_dates_an_undated_national_report(sentence: str, plan: int) -> None:
    body = "一九七九年的成绩很大。" * 12
    m = _meta(f"各位代表：\n\u3000\u3000{sentence}\n\u3000\u3000现在，我代表国务院向大会作报告。\n{body}\n")
    assert m.level == "national"
    assert (m.review_year, m.plan_year) == (plan - 1, plan)


def test_a_report_without_dated_headings_takes_its_years_from_the_genre_openers() -> None:
    # the plan year is cited more often than the year under review
    review = "2030年，在省委的坚强领导下，我们稳中求进，全市经济增长。"
    plan = "2031年是规划实施的关键之年。" + "2031年底前完成的项目。" * 4
    m = _meta(f"各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n{review}\n过去一年成绩来之不易。\n{plan}\n今年政府工作的总体要求是……\n")
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_a_term_report_takes_the_plan_year_from_the_first_plan_heading_that_names_one() -> None:
    text = (
        "示例市政府工作报告  示例市市长\u3000王示例  各位代表：  \u2003\u2003现在，我代表示例市人民政府，向大会报告工作。"
        "  \u2003\u2003一、过去五年工作回顾  \u2003\u2003" + "2026年以来成绩显著。" * 10
        + "  \u2003\u2003二、今后五年工作的总体要求  \u2003\u2003要努力。  \u2003\u2003三、2031年主要工作  \u2003\u2003今年要努力。"
    )
    m = _meta(text)
    assert (m.review_year, m.plan_year) == (2030, 2031)


@pytest.mark.parametrize(
    ("meeting", "year"),
    [("第四届全国人民代表大会", 1975), ("第五届全国人民代表大会", 1978), ("第四届全国人民代表大会常务委员会", None)],
)
def test_a_congress_without_a_session_is_its_first_session(meeting: str, year: int | None) -> None:
    from kg.loaders.metadata import npc_session_year

    assert npc_session_year(meeting) == year


# ------------------------------------------------------------ government and place


def test_a_verb_glued_before_the_level_word_is_not_the_place_name() -> None:
    # "文明示范市", "推进示范工程": 示范 is printed before 市 and used more than the city's name
    body = "。".join(["创建全国文明示范市", "建设示范园区", "打造示范项目", "推进示范工程"] * 3
                    + ["全力支持云川市经济增长", "云川发展提速", "建设美丽云川", "云川人民幸福", "来云川投资"])  # fmt: skip
    m = _meta(f"各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2030年工作回顾\n{body}。\n二、2031年工作安排\n")
    assert m.place == "云川市"
    assert m.government == "云川市人民政府"
    assert m.level == "city"


@pytest.mark.parametrize("name", ["推进市人民政府", "示范市人民政府", "加快市"])
def test_a_verb_before_a_level_word_is_no_administrative_unit(name: str) -> None:
    assert _units(name) == []


_PREFECTURE_WITHOUT_GREETING = "。".join(
    ["全州经济稳步增长", "我州生态持续向好", "现代化新阿坝开局起步", "阿坝州文旅融合发展", "全州上下团结奋斗",
     "阿坝州清洁能源基地建设", "我州民生改善", "阿坝特色农业壮大", "阿坝州红色旅游兴起", "我州交通大提速", "全州社会大局稳定"]
)  # fmt: skip


def test_an_autonomous_prefecture_without_greeting_is_found_from_its_short_form(tmp_path: Path) -> None:
    path = tmp_path / "city-aba-2031.txt"
    path.write_text(f"2030年工作回顾\n\n刚刚过去的2030年，{_PREFECTURE_WITHOUT_GREETING}。\n", encoding="utf-8")
    m = extract_metadata(read_file(path))
    assert m.place == "阿坝藏族羌族自治州"
    assert m.government == "阿坝藏族羌族自治州人民政府"
    assert m.level == "city"
    assert m.parent_places == ("四川省",)
    assert (m.review_year, m.plan_year) == (2030, 2031)


def test_metadata_never_comes_from_the_file_name(tmp_path: Path) -> None:
    text = f"2030年工作回顾\n\n{_PREFECTURE_WITHOUT_GREETING}。\n"
    metas = []
    for name in ("city-aba-2031.txt", "report.txt", "county-other-1999.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        metas.append(extract_metadata(read_file(tmp_path / name)))
    assert metas[0] == metas[1] == metas[2]
    (tmp_path / "city-foo-2031.txt").write_text("这是一段没有地名的话。\n", encoding="utf-8")
    m = extract_metadata(read_file(tmp_path / "city-foo-2031.txt"))
    assert m.government is None and m.place is None and m.level is None
    assert m.plan_year is None


def test_a_report_delivered_late_in_the_year_reviews_that_year(tmp_path: Path) -> None:
    """The NPC sessions of Aug 1980, Dec 1981, Dec 1982: 今年 is reviewed, 明年 is planned."""
    from kg.pipeline import parse

    text = (
        "政府工作报告\n\n——1990年11月30日在第七届全国人民代表大会第五次会议上\n\n"
        "各位代表：\n\n我受国务院的委托，现在向大会提出关于国民经济计划的报告。\n\n"
        "一、当前的经济形势\n\n今年工农业总产值预计增长4%。明年还要继续调整。\n\n"
        "二、今后经济建设的方针\n\n明年工农业总产值计划增长4%。明年的财政收支要平衡。\n"
    )
    path = tmp_path / "national-republic-1990.txt"
    path.write_text(text, encoding="utf-8")
    meta = parse(path).meta
    assert (meta.review_year, meta.plan_year) == (1990, 1991)
    early = tmp_path / "national-republic-1992.txt"
    early.write_text(text.replace("明年", "今年").replace("11月30日", "3月20日"), encoding="utf-8")
    assert (parse(early).meta.review_year, parse(early).meta.plan_year) == (1989, 1990)
