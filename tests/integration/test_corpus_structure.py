"""The structure parser over every real report in ../shared/corpus, and against the gold keys."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.evaluate import load_gold, score
from kg.loaders.read import read_file
from kg.loaders.structure import parse_report
from kg.model import Analysis, Report

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def reports(corpus: Path) -> dict[str, Report]:
    """Every corpus report, read and parsed once."""
    return {p.name: parse_report(read_file(p)) for p in sorted(corpus.glob("*.txt"))}


@pytest.fixture(scope="module")
def manifest(corpus: Path) -> dict[str, dict[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def test_every_corpus_report_is_parsed(reports: dict[str, Report], manifest: dict) -> None:
    assert set(reports) == set(manifest), "MANIFEST.tsv and the corpus folder disagree"


def test_every_corpus_report_has_parts_with_titles(reports: dict[str, Report]) -> None:
    bad = {name: [p.title for p in r.parts] for name, r in reports.items() if len(r.parts) < 2 or not all(p.title for p in r.parts)}
    assert not bad, f"reports without a full set of titled parts: {bad}"


def test_every_corpus_report_opens_with_a_review_part(reports: dict[str, Report]) -> None:
    bad = {name: r.parts[0].role.value for name, r in reports.items() if r.parts[0].role.value != "review"}
    assert not bad


def test_sections_are_numbered_1_to_n_without_gaps_in_every_part(reports: dict[str, Report]) -> None:
    bad = {}
    for name, r in reports.items():
        for p in r.parts:
            numbers = [s.number for s in p.sections]
            if numbers != list(range(1, len(numbers) + 1)) or any(s.part != p.number for s in p.sections):
                bad[f"{name} part {p.number}"] = numbers
    assert not bad, bad


def test_every_corpus_report_has_sections(reports: dict[str, Report]) -> None:
    bad = [name for name, r in reports.items() if len(r.sections) < 3]
    assert not bad


def test_reports_of_this_century_have_numbered_sections(reports: dict[str, Report]) -> None:
    # since the 2000s the genre numbers its sections "（一）" or "一是"; one-line files
    # that lost their numerals keep the headings as unnumbered sections
    bad = [
        name
        for name, r in reports.items()
        if int(name.rsplit("-", 1)[1][:4]) >= 2000
        and "\n" in r.text.text.strip()
        and sum(1 for s in r.sections if s.numbered) < 3
    ]
    assert not bad


def test_glossary_found_exactly_where_the_manifest_says(reports: dict[str, Report], manifest: dict) -> None:
    wrong = {
        name: (manifest[name]["has_glossary"], len(r.glossary.entries) if r.glossary else 0)
        for name, r in reports.items()
        if (manifest[name]["has_glossary"] == "yes") != bool(r.glossary and r.glossary.entries)
    }
    assert not wrong, wrong


def test_glossary_is_outside_the_body(reports: dict[str, Report]) -> None:
    for name, r in reports.items():
        if r.glossary:
            assert r.body_end <= r.glossary.start, name
            assert all(s.end <= r.glossary.start for s in r.sentences), name


def test_every_span_holds_on_the_real_reports(reports: dict[str, Report]) -> None:
    for name, r in reports.items():
        t = r.text.text
        assert t[r.body_start:].startswith(("各位", "一、")) or r.body_start == 0, name
        for p in r.parts:
            assert t[p.start:p.end] == p.title, name
            for s in p.sections:
                assert t[s.start:s.end] == s.title, (name, s.key)
                for u in s.subsections:
                    assert t[u.start:u.end] == u.title, (name, s.key)
        for s in r.sentences:
            assert t[s.start:s.end] == s.text, name
        if r.glossary:
            for e in r.glossary.entries:
                assert e.term and e.key and e.definition, (name, e.number)


def test_no_corpus_report_is_called_not_a_report(reports: dict[str, Report]) -> None:
    assert not [n for n, r in reports.items() if any(d.kind == "not_a_report" for d in r.defects)]


GOLD = {
    "luohu_2023.json": "district-luohu-2023.txt",
    "city-weifang-2024.json": "city-weifang-2024.txt",
    "district-hailaer-2016.json": "district-hailaer-2016.txt",
    "national-china-2024.json": "national-china-2024.txt",
    "province-hainan-2026.json": "province-hainan-2026.txt",
    "province-sichuan-2026.json": "province-sichuan-2026.txt",
}


def _scores(gold_dir: Path, reports: dict[str, Report], key: str) -> dict:
    rep = reports[GOLD[key]]
    return score(Analysis(report=rep), load_gold(gold_dir / key, rep.text))


def test_luohu_structure_matches_its_answer_key(gold: Path, reports: dict[str, Report]) -> None:
    s = _scores(gold, reports, "luohu_2023.json")
    assert s["sections"]["f1"] == 1.0
    assert s["subsections"]["f1"] >= 0.95
    assert s["glossary"]["f1"] == 1.0
    assert s["parts"]["f1"] == 1.0 and s["parts"]["role_acc"] == 1.0


@pytest.mark.parametrize("key", [k for k in GOLD if k != "luohu_2023.json"])
def test_sections_recall_on_every_other_answer_key(gold: Path, reports: dict[str, Report], key: str) -> None:
    s = _scores(gold, reports, key)
    assert s["sections"]["r"] >= 0.95
    assert s["parts"]["r"] == 1.0 and s["parts"]["role_acc"] == 1.0
    if s["glossary"].get("tp", 0) or s["glossary"].get("fn", 0):
        assert s["glossary"]["f1"] == 1.0
