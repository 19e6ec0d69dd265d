"""`kg eval` as a user runs it: exit codes, the table, --json, --fail-under.

The pipeline is replaced by a hand-built Analysis of a synthetic report, so these tests
do not depend on the reader, the structure parser or the extractors.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.pipeline
from kg.cli import app
from kg.model import (
    Analysis,
    Kind,
    Part,
    PartRole,
    Qualifier,
    Quantity,
    Report,
    ReportMeta,
    Section,
    Status,
    Text,
)

REPORT = """松原区2032年政府工作报告
各位代表:
一、2031年工作回顾
(一)经济质效稳步提升
全区生产总值420.6亿元,增长5.1%。
(二)城市功能更加完善
新建公园6个。
二、2032年工作安排
(一)推动产业转型升级
新增规上企业40家以上。
"""


def _span(ctx: str) -> tuple[int, int]:
    i = REPORT.index(ctx)
    return i, i + len(ctx)


def _section(part: int, number: int, title: str) -> Section:
    s, e = _span(title)
    return Section(part=part, number=number, title=title, start=s, end=e, heading_start=s - 3, body_end=e)


def fake_analyse(path) -> Analysis:
    text = Text(source=REPORT, text=REPORT, path=str(path))
    s1 = (_section(1, 1, "经济质效稳步提升"), _section(1, 2, "城市功能更加完善"))
    s2 = (_section(2, 1, "推动产业转型升级"),)
    a, b = _span("一、2031年工作回顾")
    c, d = _span("二、2032年工作安排")
    parts = (
        Part(1, "2031年工作回顾", PartRole.REVIEW, a + 2, b, a, c, sections=s1),
        Part(2, "2032年工作安排", PartRole.PLAN, c + 2, d, c, len(REPORT), sections=s2),
    )
    qs, qe = _span("420.6亿元")
    qty = Quantity(surface="420.6亿元", start=qs, end=qe, indicator="全区生产总值", value=Decimal("420.6"),
                   unit="亿元", kind=Kind.AMOUNT, status=Status.ACTUAL, year=2031, qualifier=Qualifier.NONE)
    return Analysis(report=Report(text=text, meta=ReportMeta(place="松原区", plan_year=2032), parts=parts),
                    quantities=(qty,), extractors=("quantities",))


GOLD = {
    "scope": {"sections": "all", "glossary": "none", "quantities": "all", "entities": "none", "relations": "none"},
    "report": {"place": "松原区", "plan_year": 2032, "review_year": 2031},
    "parts": [
        {"part": 1, "title": "2031年工作回顾", "role": "review", "context": "一、2031年工作回顾"},
        {"part": 2, "title": "2032年工作安排", "role": "plan", "context": "二、2032年工作安排"},
    ],
    "sections": [
        {"part": 1, "number": 1, "title": "经济质效稳步提升", "context": "(一)经济质效稳步提升", "subsections": []},
        {"part": 1, "number": 2, "title": "城市功能更加完善", "context": "(二)城市功能更加完善", "subsections": []},
        {"part": 2, "number": 1, "title": "推动产业转型升级", "context": "(一)推动产业转型升级", "subsections": []},
    ],
    "quantities": [
        {"surface": "420.6亿元", "context": "全区生产总值420.6亿元", "indicator": "全区生产总值", "value": 420.6,
         "unit": "亿元", "kind": "amount", "status": "actual", "year": 2031, "qualifier": "none"},
        {"surface": "5.1%", "context": "420.6亿元,增长5.1%", "indicator": "全区生产总值", "value": 5.1,
         "unit": "%", "kind": "change", "direction": "up", "status": "actual", "year": 2031, "qualifier": "none"},
    ],
}


@pytest.fixture()
def files(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setattr(kg.pipeline, "analyse", fake_analyse)
    report = tmp_path / "songyuan-2032.txt"
    report.write_text(REPORT, encoding="utf-8")
    gold = tmp_path / "songyuan-2032.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return report, gold


runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["eval", *map(str, args)])


def test_eval_json_prints_one_object_in_the_contract_shape(files):
    report, gold = files
    result = run(report, gold, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert list(scores) == ["parts", "sections", "subsections", "quantities", "report"]
    assert scores["sections"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}
    assert scores["parts"]["role_acc"] == 1.0
    q = scores["quantities"]
    assert (q["tp"], q["fn"], q["r"], q["p"]) == (1, 1, 0.5, 1.0)
    assert set(q["fields"]) == {"value", "unit", "kind", "status", "year", "qualifier", "indicator"}
    assert set(q["strict"]) == {"p", "r", "f1"}
    assert scores["report"]["fields"] == {"place": 1.0, "review_year": 0.0, "plan_year": 1.0}


def test_eval_prints_a_readable_table(files):
    report, gold = files
    result = run(report, gold)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["category", "p", "r", "f1", "tp", "fp", "fn"]
    row = next(line for line in lines if line.startswith("quantities"))
    assert row.split() == ["quantities", "1.000", "0.500", "0.667", "1", "0", "1"]
    assert any("field accuracy" in line and "unit 1.000" in line for line in lines)
    assert any("review_year 0.000" in line for line in lines)


def test_eval_fail_under_exits_1_when_a_score_is_below(files):
    report, gold = files
    result = run(report, gold, "--json", "--fail-under", "sections.f1=0.95", "--fail-under", "quantities.r=0.9")
    assert result.exit_code == 1
    assert "quantities.r = 0.500 < 0.9" in result.stderr
    assert "sections.f1" not in result.stderr
    assert json.loads(result.stdout)["quantities"]["r"] == 0.5  # the scores are still printed


def test_eval_fail_under_passes_when_every_score_reaches_it(files):
    report, gold = files
    result = run(report, gold, "--fail-under", "sections.f1=1", "--fail-under", "quantities.fields.value=1.0")
    assert result.exit_code == 0, result.stderr


def test_eval_fail_under_counts_a_null_score_as_below(files, tmp_path):
    report, gold = files
    data = dict(GOLD, scope=dict(GOLD["scope"], quantities="headline"))
    gold.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run(report, gold, "--fail-under", "quantities.p=0.1")
    assert result.exit_code == 1 and "quantities.p = - < 0.1" in result.stderr


@pytest.mark.parametrize("spec", ["sections", "sections.f1", "sections.f1=high", "=0.5"])
def test_eval_rejects_a_malformed_fail_under(files, spec):
    report, gold = files
    result = run(report, gold, "--fail-under", spec)
    assert result.exit_code == 2
    assert "CATEGORY.METRIC=VALUE" in result.stderr


def test_eval_rejects_a_fail_under_on_a_category_the_key_leaves_out(files):
    report, gold = files
    result = run(report, gold, "--fail-under", "entities.f1=0.5")
    assert result.exit_code == 2
    assert "no score 'entities.f1'" in result.stderr


def test_eval_exits_2_on_a_missing_report(files, tmp_path):
    _, gold = files
    result = run(tmp_path / "nope.txt", gold)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("nope.txt: no such report file")
    assert "Traceback" not in result.output


def test_eval_exits_2_on_a_missing_key(files, tmp_path):
    report, _ = files
    result = run(report, tmp_path / "nope.json")
    assert result.exit_code == 2 and "no such answer key file" in result.stderr


def test_eval_exits_2_with_one_line_on_a_bad_key(files):
    report, gold = files
    bad = dict(GOLD, sections=[dict(GOLD["sections"][0], context="年工作")])
    gold.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = run(report, gold, "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "sections[0]: context occurs 2 times" in err[0]


def test_eval_exits_2_on_a_key_that_is_not_json(files):
    report, gold = files
    gold.write_text("{scope: all}", encoding="utf-8")
    result = run(report, gold)
    assert result.exit_code == 2 and "bad JSON" in result.stderr


def test_eval_errors_lists_what_was_counted_against_the_prediction(files):
    report, gold = files
    result = run(report, gold, "--errors")
    assert result.exit_code == 0
    assert "quantities\tmissed\t5.1% (全区生产总值) @5:17" in result.stdout.splitlines()
    result = run(report, gold, "--errors", "--json")
    json.loads(result.stdout)  # the JSON stays one object; the list goes to stderr
    assert "quantities\tmissed\t5.1%" in result.stderr
