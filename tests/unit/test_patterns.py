"""The pattern files' own examples (synthetic text), the pattern-file format, and user folders."""

from __future__ import annotations

import json

import pytest

from kg.errors import ParseError
from kg.loaders.nlp import make_nlp
from kg.loaders.patterns import load_patterns, parse_lines

PATTERNS = load_patterns()


def _found(pattern, text: str) -> set[str]:
    doc = make_nlp()(text)
    return {s.text for s in doc.spans["kg_patterns"] if s.id_ == pattern.rule and s.label_ == pattern.label}


CASES = [(p, i, ex) for p in PATTERNS.finders for i, ex in enumerate(p.examples)]


@pytest.mark.parametrize(("pattern", "i", "example"), CASES, ids=[f"{p.id}-{i}" for p, i, _ in CASES])
def test_pattern_example(pattern, i, example):
    found = _found(pattern, example.text)
    assert found == set(example.names), f"{pattern.id}: {example.text!r} gave {sorted(found)}"


VETOES = [(p, i, ex) for p in PATTERNS.vetoes for i, ex in enumerate(p.examples)]


@pytest.mark.parametrize(("pattern", "i", "example"), VETOES, ids=[f"{p.id}-{i}" for p, i, _ in VETOES])
def test_veto_example(pattern, i, example):
    assert bool(pattern.regex.fullmatch(example.text)) is example.veto


TRIMS = [(p, i, ex) for p in PATTERNS.trims for i, ex in enumerate(p.examples)]


@pytest.mark.parametrize(("pattern", "i", "example"), TRIMS, ids=[f"{p.id}-{i}" for p, i, _ in TRIMS])
def test_trim_example(pattern, i, example):
    m = pattern.regex.match(example.text)
    cut = m.end() if m and m.end() < len(example.text) else 0
    assert example.text[cut:] == example.trimmed


def test_every_pattern_has_a_positive_and_a_negative_example():
    for p in PATTERNS.patterns:
        if p.trim:
            kinds = {ex.trimmed != ex.text for ex in p.examples}
        elif p.veto:
            kinds = {ex.veto for ex in p.examples}
        else:
            kinds = {bool(ex.names) for ex in p.examples}
        assert kinds == {True, False}, p.id


def test_ids_are_unique_and_rules_are_recorded():
    ids = [p.id for p in PATTERNS.patterns]
    assert len(ids) == len(set(ids))
    doc = make_nlp()("全面贯彻党的二十一大精神")
    assert [s.id_ for s in doc.spans["kg_entities"] if s.text == "党的二十一大"] == ["pattern:event.party-congress"]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('{"id": "x", "label": "Thing", "regex": "a", "examples": [{"text": "a", "names": []}]}', "label"),
        ('{"id": "x", "label": "Programme", "regex": "(", "examples": [{"text": "a", "names": []}]}', "regex"),
        ('{"id": "x", "label": "Programme", "regex": "a"}', "examples"),
        ('{"id": "x y", "label": "Programme", "regex": "a", "examples": [{"text": "a", "names": []}]}', "id"),
        ("{not json", "JSON"),
    ],
)
def test_bad_pattern_lines_name_the_problem(line, why):
    with pytest.raises(ParseError, match=why):
        parse_lines([line], "mine.jsonl")


def test_a_user_folder_adds_patterns(tmp_path):
    row = {
        "id": "user.bridge-festival", "label": "Programme", "regex": "鹭桥灯会",
        "examples": [{"text": "举办鹭桥灯会", "names": ["鹭桥灯会"]}, {"text": "灯会", "names": []}],
    }
    (tmp_path / "mine.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    got = load_patterns((str(tmp_path),))
    assert "user.bridge-festival" in {p.id for p in got.patterns}
    assert len(got.patterns) == len(PATTERNS.patterns) + 1


def test_a_missing_user_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ParseError, match="not a directory"):
        load_patterns((str(tmp_path / "nowhere"),))


def _kg_entities(tmp_path, patterns_dir):
    import os
    import subprocess
    import sys

    report = tmp_path / "report.txt"
    report.write_text("青禾区2024年政府工作报告\n\n各位代表：\n\n一、2023年工作回顾\n\n成功举办鹭桥灯会。\n", encoding="utf-8")
    env = {**os.environ, "KG_PATTERNS": str(patterns_dir)}
    return subprocess.run(
        [sys.executable, "-m", "kg", "entities", "--json", str(report)], capture_output=True, text=True, env=env
    )


def test_kg_patterns_folder_reaches_the_cli_and_the_rule_is_reported(tmp_path):
    folder = tmp_path / "patterns"
    folder.mkdir()
    row = {
        "id": "user.lantern-fair", "label": "Programme", "regex": "鹭桥灯会",
        "examples": [{"text": "举办鹭桥灯会", "names": ["鹭桥灯会"]}, {"text": "灯会", "names": []}],
    }
    (folder / "mine.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    done = _kg_entities(tmp_path, folder)
    assert done.returncode == 0, done.stderr
    got = {e["name"]: e["rules"] for e in json.loads(done.stdout)["entities"]}
    assert got["鹭桥灯会"] == ["pattern:user.lantern-fair"]


def test_a_bad_user_pattern_file_is_one_line_and_exit_2(tmp_path):
    folder = tmp_path / "patterns"
    folder.mkdir()
    (folder / "bad.jsonl").write_text('{"id": "x", "label": "Thing"}\n', encoding="utf-8")
    done = _kg_entities(tmp_path, folder)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "bad.jsonl:1" in done.stderr
    assert "Traceback" not in done.stderr
