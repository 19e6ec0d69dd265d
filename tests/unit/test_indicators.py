"""Target verdicts and the tidy rows (kg.indicators), on hand-made rows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kg.indicators import IndicatorRow, judge, link_targets

BASE = IndicatorRow(
    report="a-2030.txt", government="示例市人民政府", place="示例市", level="city", year=2030,
    section="2.0", indicator="地区生产总值", indicator_key="生产总值", value=Decimal(6), unit="%",
    normalised_value=Decimal(6), normalised_unit="%", kind="change", direction="up", status="target",
    qualifier="approx", value_max=None, surface="6%", sentence="地区生产总值增长6%左右。", start=0, end=2,
    review_year=2029, plan_year=2030,
)


def _actual(value: str, **kw) -> IndicatorRow:
    v = Decimal(value)
    fields = dict(report="a-2031.txt", status="actual", qualifier="none", section="1.0", value=v,
                  normalised_value=v, review_year=2030, plan_year=2031)
    fields.update(kw)
    return replace(BASE, **fields)


@pytest.mark.parametrize(("actual", "verdict"), [("6.3", "met"), ("5.7", "met"), ("5.6", "missed")])
def test_approx_growth_target_is_a_floor_with_five_percent_tolerance(actual: str, verdict: str) -> None:
    assert judge(BASE, _actual(actual))[0] == verdict


def test_unemployment_target_is_a_ceiling() -> None:
    t = replace(BASE, indicator="城镇调查失业率", indicator_key="城镇调查失业率", kind="ratio", direction="",
                qualifier="le", value=Decimal("5.5"), normalised_value=Decimal("5.5"))
    assert judge(t, _actual("5.2", indicator_key="城镇调查失业率", kind="ratio", direction=""))[0] == "met"
    assert judge(t, _actual("5.6", indicator_key="城镇调查失业率", kind="ratio", direction=""))[0] == "missed"


def test_reduction_target_compares_signed_changes() -> None:
    t = replace(BASE, indicator_key="单位生产总值能耗", direction="down", value=Decimal("3"), normalised_value=Decimal("3"))
    bigger_cut = _actual("3.5", indicator_key="单位生产总值能耗", direction="down")
    smaller_cut = _actual("1", indicator_key="单位生产总值能耗", direction="down")
    rise = _actual("1", indicator_key="单位生产总值能耗", direction="up")
    assert judge(t, bigger_cut)[0] == "met"
    assert judge(t, smaller_cut)[0] == "missed"
    assert judge(t, rise)[0] == "missed"


def test_growth_is_never_compared_with_a_level() -> None:
    level = _actual("812", kind="amount", direction="", unit="亿元", normalised_unit="元")
    assert judge(BASE, level)[0] == "unclear"


def test_link_targets_pairs_plan_year_targets_with_next_reports_actuals() -> None:
    rows = [BASE, _actual("6.4"), _actual("30", indicator_key="生产总值", period="multi-year", start=5)]
    (o,) = link_targets(rows)
    assert (o.year, o.target_value, o.actual_value, o.verdict) == (2030, 6, Decimal("6.4"), "met")


def test_five_year_totals_are_not_outcomes() -> None:
    rows = [BASE, _actual("30", period="multi-year")]
    (o,) = link_targets(rows)
    assert o.verdict == "unclear" and o.actual_report == ""


def test_other_governments_are_not_linked() -> None:
    rows = [BASE, _actual("6.4", government="另一市人民政府")]
    (o,) = link_targets(rows)
    assert o.actual_report == ""


def test_reports_whose_government_is_unknown_are_never_linked() -> None:
    unknown = replace(BASE, government="")
    (o,) = link_targets([unknown, _actual("6.4", government="")])
    assert o.actual_report == "" and o.verdict == "unclear"


def test_at_least_a_given_fall_is_met_by_a_bigger_fall() -> None:
    t = replace(BASE, indicator_key="单位生产总值能耗", direction="down", qualifier="ge",
                value=Decimal("3.4"), normalised_value=Decimal("3.4"))
    assert judge(t, _actual("5", indicator_key="单位生产总值能耗", direction="down"))[0] == "met"
    assert judge(t, _actual("3", indicator_key="单位生产总值能耗", direction="down"))[0] == "missed"


# ------------------------------------------------------- through the parser and the CLI

import csv  # noqa: E402
import io  # noqa: E402
from pathlib import Path  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from kg.cli import app  # noqa: E402
from kg.indicators import ROW_COLUMNS, TARGET_COLUMNS, target_table  # noqa: E402

SERIES = Path(__file__).resolve().parent.parent / "fixtures" / "county-series"


def test_targets_of_one_report_meet_the_next_reports_outcomes() -> None:
    out = {(o.indicator_key, o.target_kind): o for o in target_table([SERIES]) if o.year == 2031}
    gdp = out[("生产总值", "change")]
    assert (gdp.target_value, gdp.actual_value, gdp.verdict) == (5, Decimal("5.3"), "met")
    revenue = out[("一般公共预算收入", "change")]
    assert (revenue.target_value, revenue.actual_value, revenue.verdict) == (4, Decimal("3.1"), "missed")
    jobless = out[("城镇调查失业率", "ratio")]
    assert jobless.verdict == "met" and jobless.rule.startswith("ceiling")
    grain = out[("粮食产量", "amount")]
    assert grain.verdict == "missed"  # 44.6万吨 under the floor of 45万吨以上
    firms = out[("新增规模以上工业企业", "count")]
    assert (firms.target_value, firms.actual_value, firms.verdict) == (20, 26, "met")


def test_cli_indicators_csv_has_a_header_and_one_row_per_quantity() -> None:
    res = CliRunner().invoke(app, ["indicators", str(SERIES), "--csv"])
    assert res.exit_code == 0, res.output
    text = res.stdout if hasattr(res, "stdout") else res.output
    rows = list(csv.DictReader(io.StringIO(text[text.index("report,"):])))
    assert tuple(rows[0]) == ROW_COLUMNS
    assert any(r["surface"] == "856.1亿元" and r["normalised_value"] == "85610000000" for r in rows)


def test_cli_targets_csv_lists_verdicts() -> None:
    res = CliRunner().invoke(app, ["targets", str(SERIES), "--csv", "--matched"])
    assert res.exit_code == 0, res.output
    text = res.stdout if hasattr(res, "stdout") else res.output
    rows = list(csv.DictReader(io.StringIO(text[text.index("government,"):])))
    assert tuple(rows[0]) == TARGET_COLUMNS
    assert {r["verdict"] for r in rows} <= {"met", "missed", "unclear"}
    assert rows and all(r["actual_report"] for r in rows)


def test_cli_rejects_a_missing_file() -> None:
    res = CliRunner().invoke(app, ["indicators", "/no/such/report.txt"])
    assert res.exit_code == 2
    assert "no such file" in res.stderr


# ------------------------------------------------------- ranges, strict verdicts, absences


def test_approx_target_is_met_tolerantly_but_missed_strictly() -> None:
    assert judge(BASE, _actual("5.8"))[0] == "met"
    assert judge(BASE, _actual("5.8"), strict=True)[0] == "missed"
    assert judge(BASE, _actual("6"), strict=True)[0] == "met"


def test_range_target_keeps_its_upper_end_and_both_verdicts() -> None:
    t = replace(BASE, qualifier="none", value=Decimal("6.5"), normalised_value=Decimal("6.5"), value_max=Decimal("7"))
    (o,) = link_targets([t, _actual("6.7")])
    assert (o.target_value, o.target_value_max, o.verdict, o.verdict_strict) == (Decimal("6.5"), Decimal("7"), "met", "met")
    (low,) = link_targets([t, _actual("6.2")])
    assert low.verdict == low.verdict_strict == "missed"


def test_one_row_per_target_even_when_restated() -> None:
    again = replace(BASE, section="2.3", start=40)
    assert len(link_targets([BASE, again, _actual("6.4")])) == 1


NO_TARGET = """示例市2041年政府工作报告

各位代表：

一、2040年工作回顾

过去一年，全市地区生产总值增长2.1%。

二、2041年工作安排

需要说明的是，我们没有提出全年经济增速具体目标，主要因为外部形势不确定性很大。城镇新增就业9000人以上。
"""

FIVE_YEAR_REVIEW = """示例市2043年政府工作报告

各位代表：

一、过去五年工作回顾

五年来，全市地区生产总值年均增长6.2%，累计新增就业4万人。

刚刚过去的2042年，主要目标任务全面完成。地区生产总值增长5.4%，城镇新增就业8000人。

二、2043年工作安排

今年发展主要预期目标是：地区生产总值增长5%左右。
"""


def test_an_explicit_absence_is_a_no_target_row(tmp_path: Path) -> None:
    path = tmp_path / "city-shili-2041.txt"
    path.write_text(NO_TARGET, encoding="utf-8")
    rows = target_table([path])
    absent = [o for o in rows if o.verdict == "no target"]
    assert [(o.indicator_key, o.year, o.target_value) for o in absent] == [("生产总值", 2041, None)]
    assert "没有提出" in absent[0].target_sentence
    assert any(o.indicator_key == "城镇新增就业" and o.target_value == 9000 for o in rows)


def test_the_last_year_inside_a_five_year_review_is_a_one_year_outcome(tmp_path: Path) -> None:
    from kg.indicators import indicator_table

    path = tmp_path / "city-shili-2043.txt"
    path.write_text(FIVE_YEAR_REVIEW, encoding="utf-8")
    by = {r.surface: r for r in indicator_table([path])}
    assert by["6.2%"].period == "multi-year"
    assert (by["5.4%"].period, by["5.4%"].year, by["5.4%"].status) == ("year", 2042, "actual")
