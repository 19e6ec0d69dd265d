"""The reader: decoding, errors, HTML with offsets, page chrome blanked in place."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.loaders.chrome import find_chrome, is_chrome_line
from kg.loaders.read import read_bytes, read_file

REPORT = (
    "政府工作报告\n——2031年1月15日在示例市第三届人民代表大会第二次会议上\n\n各位代表：\n"
    "　　现在，我代表市人民政府向大会报告工作。全市生产总值增长5.2%，达到1234.5亿元。\n"
)


# ------------------------------------------------------------------------ decoding


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", None),  # with a BOM
        ("utf-16-le", "utf-16-le"),  # no BOM
        ("utf-16-be", "utf-16-be"),  # no BOM
    ],
)
def test_read_bytes_decodes_common_encodings_of_chinese_reports(encoding: str, expected: str | None) -> None:
    data = REPORT.encode(encoding)
    t = read_bytes(data)
    assert t.source == REPORT
    assert t.text == REPORT
    if expected:
        assert t.encoding == expected
    else:
        assert t.encoding.startswith("utf-16")
    assert t.sha256 == hashlib.sha256(data).hexdigest()


def test_read_bytes_reads_gb18030_only_characters() -> None:
    text = REPORT + "生僻字：\U00020000，欧元符号€。\n"
    t = read_bytes(text.encode("gb18030"))
    assert t.text == text
    assert t.encoding == "gb18030"


def test_read_file_reads_a_file_and_records_its_path(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(REPORT.encode("gbk"))
    t = read_file(p)
    assert t.path == str(p)
    assert t.text == REPORT
    assert t.media_type == "text/plain"
    assert t.offsets is None


# -------------------------------------------------------------------------- errors


def test_read_file_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_read_file_rejects_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_file(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode()])
def test_read_bytes_rejects_empty_or_whitespace_only_data(data: bytes) -> None:
    with pytest.raises(InputError, match="empty|whitespace"):
        read_bytes(data, path="x.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"PK\x03\x04" + b"\x00" * 40,
        b"%PDF-1.7\n" + bytes(range(200)),
        b"abc\x00def\x00\x01\x02\x03ghi",
        bytes(range(32)) * 20,
    ],
)
def test_read_bytes_rejects_binary_data(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        read_bytes(data, path="x.bin")


def test_read_bytes_rejects_undecodable_bytes() -> None:
    data = bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0xC0, 0xFF]) * 30
    with pytest.raises(InputError, match="undecodable|binary"):
        read_bytes(data, path="x.txt")


def test_input_errors_name_the_file_on_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_file(tmp_path / "missing.txt")
    assert "missing.txt" in str(err.value)
    assert "\n" not in str(err.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_read_bytes_raises_only_input_errors_on_arbitrary_bytes(data: bytes) -> None:
    try:
        t = read_bytes(data)
    except InputError:
        return
    assert t.source.strip()
    assert t.offsets is not None or len(t.text) == len(t.source)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_read_bytes_as_html_raises_only_input_errors_on_arbitrary_bytes(data: bytes) -> None:
    try:
        read_bytes(b"<html><body><p>" + data, media_type="text/html")
    except InputError:
        pass


# ------------------------------------------------------------------- chrome, plain


def test_plain_text_keeps_length_and_blanks_page_chrome(fixtures: Path) -> None:
    t = read_file(fixtures / "read_report_chrome.txt")
    src = t.source
    assert len(t.text) == len(src)
    blanked = [src[a:b] for a, b in t.chrome]
    for chrome in ("示例市示例区人民政府", "<", "×", "扫一扫在手机上打开当前页", "责任编辑:李编辑",
                   "来源:示例区政府办公室 发布时间:2031-02-03", "相关信息和服务", "点击标签名称查看更多信息"):  # fmt: skip
        assert chrome in blanked
        assert chrome not in t.text
    # report text is untouched, also where it shares words with chrome
    for kept in ("来源于制造业的税收增长8%", "打印机产业园建成投产", "区长  王示例", "各位代表:",
                 "2031年政府工作报告(在示例市示例区第三届人民代表大会第二次会议上)"):  # fmt: skip
        assert src.index(kept) == t.text.index(kept)
    # every character outside chrome is identical; chrome is spaces, line breaks kept
    inside = {i for a, b in t.chrome for i in range(a, b)}
    for i, (c, s) in enumerate(zip(t.text, src, strict=True)):
        assert c == s if i not in inside else c in (" ", "\n", "\r") and (c == s or s not in "\r\n")


def test_single_line_text_blanks_widget_phrases_inside_the_line(fixtures: Path) -> None:
    t = read_file(fixtures / "read_single_line.txt")
    assert "\n" not in t.source
    assert len(t.text) == len(t.source)
    assert "【字体：大 中 小】" not in t.text
    assert "扫一扫在手机打开当前页" not in t.text
    assert "新华社示例3月5日电" not in t.text
    assert "过去一年，经济增长5%。" in t.text
    assert t.text.index("各位代表") == t.source.index("各位代表")


@pytest.mark.parametrize(
    "line",
    ["扫一扫在手机上打开当前页", "【字体：大 中 小】", "打印本页", "关闭窗口", "【打印本页】【关闭窗口】",
     "分享到：", "责任编辑：张三", "来源：某某日报", "时间：2031-02-03", "2031-02-03 09:12:30",
     "2031年02月10日 07时41分", "相关报道", "版权所有：某某市人民政府", "网站标识码：1234567890",
     "某ICP备01234567号", "主办单位：某某市人民政府办公室", "<", "×", "首页 > 政务公开 > 政府工作报告"],
)  # fmt: skip
def test_chrome_lines_are_recognised(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    ["各位代表：", "一、2030年工作回顾", "政府工作报告", "区长  王示例", "（一）坚持稳中求进，推动经济发展",
     "来源于群众的意见建议全部办结。", "分享发展成果，推进共同富裕。", "打印机产业园建成投产。",
     "时间紧、任务重，我们攻坚克难。", "——2031年1月15日在示例县第五届人民代表大会第三次会议上",
     "相关部门要加强协同，形成工作合力。", "主办承办重大活动", "相关信息共享机制", "承办国际赛事",
     "当前位置优势明显", "编辑出版地方志", "分享发展红利", "时间就是效率"],
)  # fmt: skip
def test_report_lines_are_never_chrome(line: str) -> None:
    assert not is_chrome_line(line)
    assert not is_chrome_line(line, edge=True)


def test_multi_line_widgets_and_label_values_are_chrome() -> None:
    text = "2031年某省政府工作报告\n来源:\n某省日报\n【字体：\n大\n中\n小\n】\n分享：\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n"
    ranges = find_chrome(text)
    got = [text[a:b] for a, b in ranges]
    assert got == ["来源:", "某省日报", "【字体：", "大", "中", "小", "】", "分享："]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政府工作报告各位代表来源：:扫一扫责任编辑 \n\u3000。，<>×1234567890年月日-大中小【】")), max_size=300))
def test_plain_reading_keeps_every_non_chrome_character(s: str) -> None:
    try:
        t = read_bytes(s.encode("utf-8"))
    except InputError:
        assert not s.strip(" \n\u3000")
        return
    assert len(t.text) == len(t.source) == len(s)
    inside = {i for a, b in t.chrome for i in range(a, b)}
    for i, (c, o) in enumerate(zip(t.text, s, strict=True)):
        if i in inside:
            assert c == " " or c == o == "\n"
        else:
            assert c == o


# ---------------------------------------------------------------------------- HTML


def _html_invariants(t) -> None:  # noqa: ANN001
    """What holds for HTML text (see kg.loaders.read): each text character maps back."""
    assert t.offsets is not None and len(t.offsets) == len(t.text) + 1
    assert list(t.offsets) == sorted(t.offsets)
    inside = {i for a, b in t.chrome for i in range(a, b)}
    for i, ch in enumerate(t.text):
        src = t.source[t.offsets[i]]
        if i in inside:
            continue
        if src == "&":
            end = t.source.find(";", t.offsets[i])
            ref = t.source[t.offsets[i] : end + 1 if 0 <= end - t.offsets[i] < 12 else t.offsets[i] + 12]
            assert ch in html.unescape(ref) or ch == " "
        elif ch in " \n":
            assert src.isspace() or src == "<"
        else:
            assert ch == src


def test_html_page_is_reduced_to_text_with_offsets(fixtures: Path) -> None:
    t = read_file(fixtures / "read_page.html")
    assert t.media_type == "text/html"
    assert t.encoding == "utf-8" or t.encoding == "gb18030"
    assert "不是正文" not in t.text  # script
    assert "color" not in t.text  # style
    assert "政务公开" not in t.text  # nav
    assert "门户网站" not in t.text  # header
    assert "版权所有" not in t.text  # footer
    assert "扫一扫在手机上打开当前页" not in t.text  # chrome blanked
    assert "融媒体中心" not in t.text and "2031-01-25" not in t.text
    assert "各位代表：" in t.text
    assert "全县生产总值增长6%&财政收入增长3%，引进R&D项目12个。\n新建学校2所。" in t.text
    assert "县长\xa0\xa0张示例" in t.text
    _html_invariants(t)
    # a span of report text maps back to the same characters in the markup
    i = t.text.index("各位代表")
    a, b = t.source_span(i, i + 4)
    assert t.source[a:b] == "各位代表"


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>各位代表：现在我代表市人民政府报告工作。</p></body></html>'
    t = read_bytes(page.encode("gb2312"), path="r.htm")
    assert t.encoding == "gb18030"
    assert "各位代表：现在我代表市人民政府报告工作。" in t.text


def test_html_is_sniffed_without_a_suffix() -> None:
    page = "<!DOCTYPE html><html><body><p>各位代表：</p><p>现在我代表县人民政府报告工作。</p></body></html>"
    t = read_bytes(page.encode("utf-8"))
    assert t.media_type == "text/html"
    assert t.text == "各位代表：\n\n现在我代表县人民政府报告工作。"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.sampled_from(list("各位代表报告工作。，  \n")), max_size=12),
            st.sampled_from(["<p>", "</p>", "<br>", "<div>", "</div>", "&amp;", "&lt;", "&#20013;", "&#x4e2d;",
                             "&nbsp;", "<b>", "</b>", "<script>x<y</script>", "&bogus;", "&", "<!-- c -->"]),
        ),
        max_size=30,
    )
)  # fmt: skip
def test_html_text_maps_every_character_back_to_the_markup(pieces: list[str]) -> None:
    page = "<html><body>" + "".join(pieces) + "</body></html>"
    try:
        t = read_bytes(page.encode("utf-8"), media_type="text/html")
    except InputError:
        return
    _html_invariants(t)
