"""`kg parse`: the structure on stdout, one-line errors on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "parse", *args], capture_output=True, text=True, timeout=300)


def test_parse_json_prints_parts_sections_subsections_glossary_and_defects() -> None:
    r = _kg(str(FIXTURES / "struct_district.txt"), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= {"meta", "body", "parts", "glossary", "defects", "paragraphs", "sentences"}
    assert [p["role"] for p in d["parts"]] == ["review", "plan"]
    sec = d["parts"][0]["sections"][2]
    assert (sec["key"], sec["number"], sec["defect"], sec["heading_defect"]) == ("1.3", 3, "missing_numeral", True)
    assert d["parts"][0]["sections"][0]["subsections"][0]["title"] == "投资结构持续优化"
    assert [e["key"] for e in d["glossary"]["entries"]] == ["2+3+N", "一村一品", "12条"]
    assert {x["kind"] for x in d["defects"]} >= {"missing_numeral", "truncated", "run_in"}
    assert all(x["line"] >= 1 and x["col"] >= 1 for x in d["defects"])


def test_parse_json_sentences_carry_text_span_and_section() -> None:
    path = FIXTURES / "struct_district.txt"
    text = path.read_text(encoding="utf-8")
    d = json.loads(_kg(str(path), "--json").stdout)
    assert d["sentences"], "sentences are part of the output"
    for s in d["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
    first_review = next(s for s in d["sentences"] if s["text"].startswith("投资结构持续优化"))
    assert first_review["section"] == "1.1"
    for p in d["parts"]:
        assert text[p["start"]:p["end"]] == p["title"]


def test_parse_json_can_leave_sentences_out() -> None:
    d = json.loads(_kg(str(FIXTURES / "struct_district.txt"), "--json", "--no-sentences").stdout)
    assert "sentences" not in d and d["paragraphs"]


def test_parse_prints_an_outline_without_json() -> None:
    r = _kg(str(FIXTURES / "struct_five_year.txt"))
    assert r.returncode == 0, r.stderr
    assert "2. [five_year_plan] “十六五”时期主要目标任务" in r.stdout
    assert "注释: 2 entries" in r.stdout


def test_parse_warns_on_a_text_that_is_not_a_report(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("今天天气很好。我们去公园散步吧。\n", encoding="utf-8")
    r = _kg(str(f), "--json")
    assert r.returncode == 0
    assert "warning" in r.stderr and "not look like" in r.stderr
    assert any(x["kind"] == "not_a_report" for x in json.loads(r.stdout)["defects"])


@pytest.mark.parametrize("make", ["missing", "directory", "empty"])
def test_parse_bad_input_is_one_line_and_exit_2(tmp_path: Path, make: str) -> None:
    target = tmp_path / "report.txt"
    if make == "directory":
        target.mkdir()
    elif make == "empty":
        target.write_bytes(b"")
    r = _kg(str(target))
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_parse_check_prints_one_line_per_implausible_report_and_exits_0(tmp_path: Path) -> None:
    greet = "各位代表：\n\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n\n"
    para = "全年粮食产量增长3.1%，新建道路12公里，完成投资45亿元，城乡居民收入稳步增长。"
    (tmp_path / "a-fine.txt").write_text((FIXTURES / "struct_district.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b-one-part.txt").write_text(
        greet + "\n\n".join([para] * 30) + "\n\n一、2032年工作安排\n\n（一）做强产业\n\n"
        + "\n\n".join([para] * 20) + "\n\n（二）改善民生\n\n" + "\n\n".join([para] * 20) + "\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c-notes.txt").write_text(
        greet + "一、2031年工作回顾\n\n深入实施“双招双引”①。" + para + "\n\n二、2032年工作安排\n\n" + para + "\n",
        encoding="utf-8")
    r = _kg("--check", str(tmp_path))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == [str(tmp_path / "b-one-part.txt"), str(sub / "c-notes.txt")]
    assert "single_part" in lines[0] and "figures_outside_parts" in lines[0]
    assert "unlinked_footnotes" in lines[1]
    assert "2 of 3 reports flagged" in r.stderr


def test_parse_without_check_takes_one_report() -> None:
    r = _kg(str(FIXTURES / "struct_district.txt"), str(FIXTURES / "struct_wrapped.txt"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "--check" in r.stderr


def test_parse_check_of_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    r = _kg("--check", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1


def test_parse_shows_structure_defects_among_the_defects() -> None:
    greet = "各位代表：\n\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n\n"
    para = "全年粮食产量增长3.1%，新建道路12公里，完成投资45亿元，城乡居民收入稳步增长。"
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "r.txt"
        p.write_text(greet + "\n\n".join([para] * 30) + "\n\n一、2032年工作安排\n\n（一）做强产业\n\n"
        + "\n\n".join([para] * 20) + "\n\n（二）改善民生\n\n" + "\n\n".join([para] * 20) + "\n",
                     encoding="utf-8")
        out = _kg(str(p)).stdout
    assert "defect single_part" in out and "defect figures_outside_parts" in out
