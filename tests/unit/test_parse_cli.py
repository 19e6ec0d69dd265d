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
