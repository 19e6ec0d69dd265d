"""Indicators as tidy tables: one row per quantity, and plan-year targets linked to outcomes.

``indicator_rows(report, quantities)`` turns the quantities of one report into flat rows
(one per quantity) ready for pandas, R or Stata; ``link_targets(rows)`` pairs each target
of a report of year Y with the actual the same government reports for the same indicator
in its next report (whose review year is Y) and judges it met, missed or unclear.

Column meanings are documented in docs/INDICATORS.md.

Indicator identity across reports is :func:`kg.keys.indicator_key`.

Verdict rules (``judge``):

- Values are compared in the normalised unit; target and actual must have the same kind
  (a growth rate is never compared with a level) and the same normalised unit.
- Changes are compared signed (增长 +, 下降 −).
- A target is a *ceiling* when its qualifier is ``le``/``lt`` (以内, 以下, 不超过) or when
  the indicator is one the genre wants low (失业率, 价格/CPI, 能耗, 排放, 浓度, 事故,
  死亡, 赤字) or the target is a reduction (direction down); otherwise it is a *floor*.
- ``approx`` (左右, 约, 近) allows a tolerance of 5 % of the target's magnitude (so
  "增长6%左右" is met by 5.7 % or more; "5.5%左右" as a ceiling by 5.775 % or less).
- ``gt``/``lt`` are strict; ``none``/``ge``/``le`` are inclusive.
- The actual's own qualifier matters: an actual "超过126万亿元" meets a floor at or below
  126万亿元 (it is at least that much) and a "近…" (approx) actual is read at face value.
- No actual found, no comparable actual, or a range target → ``unclear``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal

from kg.model import Kind, Qualifier, Quantity, Report, Status
from kg.outcomes import OutcomeIndex

log = logging.getLogger(__name__)

__all__ = [
    "IndicatorRow",
    "TargetOutcome",
    "Absence",
    "absent_targets",
    "indicator_rows",
    "indicator_table",
    "judge",
    "link_targets",
    "target_table",
    "ROW_COLUMNS",
    "TARGET_COLUMNS",
]

APPROX_TOLERANCE = Decimal("0.05")
"""Relative tolerance for approx (左右) targets."""


_LOWER_IS_BETTER = re.compile(r"失业率|价格|CPI|物价|能耗|排放|浓度|事故|死亡|赤字|负债率|PM2\.?5")


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One quantity of one report, flat (docs/INDICATORS.md describes every column)."""

    report: str
    government: str
    place: str
    level: str
    year: int | None
    section: str
    indicator: str
    indicator_key: str
    value: Decimal
    unit: str
    normalised_value: Decimal | None
    normalised_unit: str
    kind: str
    direction: str
    status: str
    qualifier: str
    value_max: Decimal | None
    surface: str
    sentence: str
    start: int
    end: int
    review_year: int | None
    plan_year: int | None
    period: str = "year"
    """year | multi-year: the figure sits in a five-year review ("过去五年工作回顾") or its
    sentence is about several years (五年来, 年均, 累计, "十四五"时期)."""


ROW_COLUMNS = tuple(f.name for f in fields(IndicatorRow))


@dataclass(frozen=True, slots=True)
class TargetOutcome:
    """A plan-year target and what the next report says happened."""

    government: str
    indicator_key: str
    year: int | None
    target_report: str
    target_indicator: str
    target_value: Decimal | None
    """None on an explicit-absence row (verdict ``no target``)."""
    target_value_max: Decimal | None
    """Upper end of a range target ("6.5%－7%" → 6.5 and 7), else None."""
    target_unit: str
    target_normalised_value: Decimal | None
    target_normalised_unit: str
    target_qualifier: str
    target_kind: str
    target_direction: str
    target_sentence: str
    target_start: int
    actual_report: str
    actual_indicator: str
    actual_value: Decimal | None
    actual_unit: str
    actual_normalised_value: Decimal | None
    actual_qualifier: str
    actual_direction: str
    actual_sentence: str
    actual_start: int | None
    verdict: str
    """met | missed | unclear | no target (the report says it sets none)"""
    rule: str
    """How the verdict was reached (floor, ceiling, approx tolerance, why unclear)."""
    verdict_strict: str
    """The verdict with no tolerance: 左右/约 read as the exact figure, ranges by their lower
    end, an approximate or lower-bound actual never rounds up to met."""
    period: str = "year"
    """The target's period (year | multi-year), as in the indicator rows."""


TARGET_COLUMNS = tuple(f.name for f in fields(TargetOutcome))


# ----------------------------------------------------------------------- rows


def _government_of(report: Report) -> str:
    meta = report.meta
    if meta.government:
        return meta.government
    return meta.place or ""


def indicator_rows(report: Report, quantities: Sequence[Quantity]) -> list[IndicatorRow]:
    """One row per quantity of ``report`` (its sentence and span included)."""
    from kg.keys import indicator_key, report_years

    review_year, plan_year = report_years(report)
    text = report.text.text
    name = report.text.path or (report.meta.title or "")
    gov = _government_of(report)
    rows = []
    for q in quantities:
        sent = report.sentence_at(q.start) if report.sentences else None
        sentence = sent.text if sent is not None else _sentence_around(text, q.start, q.end)
        rows.append(
            IndicatorRow(
                report=str(name),
                government=gov,
                place=report.meta.place or "",
                level=report.meta.level or "",
                year=q.year,
                section=q.section or "",
                indicator=q.indicator,
                indicator_key=indicator_key(q.indicator),
                value=q.value,
                unit=q.unit,
                normalised_value=q.normalised_value,
                normalised_unit=q.normalised_unit or "",
                kind=q.kind.value,
                direction=q.direction or "",
                status=q.status.value,
                qualifier=q.qualifier.value,
                value_max=q.value_max,
                surface=q.surface,
                sentence=" ".join(sentence.split()),
                start=q.start,
                end=q.end,
                review_year=review_year,
                plan_year=plan_year,
                period=q.period,
            )
        )
    return rows


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    his = [i for i in (text.find(c, end) for c in "。！？\n") if i >= 0]
    hi = min(his) + 1 if his else len(text)
    return text[lo:hi]


def _quantities_of(path: str | os.PathLike[str]) -> tuple[Report, tuple[Quantity, ...]]:
    from kg.loaders.quantities import extract_quantities
    from kg.pipeline import parse

    report = parse(path)
    return report, extract_quantities(report)


def indicator_table(inputs: Iterable[str | os.PathLike[str]]) -> list[IndicatorRow]:
    """Rows for every report file under ``inputs`` (files or folders), in path order."""
    from kg.pipeline import report_paths

    rows: list[IndicatorRow] = []
    for path in report_paths(inputs):
        report, quantities = _quantities_of(path)
        rows.extend(indicator_rows(report, quantities))
    return rows


# -------------------------------------------------------------------- targets


def _signed(value: Decimal | None, direction: str) -> Decimal | None:
    if value is None:
        return None
    return -value if direction == "down" else value


def judge(target: IndicatorRow, actual: IndicatorRow, *, strict: bool = False) -> tuple[str, str]:
    """(verdict, rule) for one target and one actual of the same indicator.

    ``strict``: no tolerance for 左右 (the figure itself is the bar) and an approximate
    actual just short of the bar is missed, not unclear.
    """
    if target.kind != actual.kind or target.normalised_unit != actual.normalised_unit:
        return "unclear", f"not comparable: {target.kind} {target.normalised_unit} vs {actual.kind} {actual.normalised_unit}"
    # with no normalised value, the stated values are compared when the stated units agree
    if (target.normalised_value is None or actual.normalised_value is None) and target.unit != actual.unit:
        return "unclear", f"not comparable: {target.unit} vs {actual.unit}"
    tval = target.normalised_value if target.normalised_value is not None else target.value
    aval = actual.normalised_value if actual.normalised_value is not None else actual.value
    if target.value_max is not None:
        lo = _signed(tval, target.direction)
        span = target.value_max / target.value if target.value else None
        hi = _signed(tval * span, target.direction) if span and lo is not None else None
        a = _signed(aval, actual.direction)
        if lo is None or hi is None or a is None:
            return "unclear", "range target without values"
        lo, hi = min(lo, hi), max(lo, hi)
        return ("met", "range: lower end") if a >= lo else ("missed", "range: below the lower end")
    t = _signed(tval, target.direction)
    a = _signed(aval, actual.direction)
    if t is None or a is None:
        return "unclear", "no normalised value"
    tq = Qualifier(target.qualifier)
    if target.direction == "down":
        # a reduction: "下降3%以上" wants at least that fall, i.e. a signed value at or
        # below −3; the qualifier speaks of the size of the fall, so it flips
        tq = {Qualifier.GE: Qualifier.LE, Qualifier.GT: Qualifier.LT,
              Qualifier.LE: Qualifier.GE, Qualifier.LT: Qualifier.GT}.get(tq, tq)
        ceiling = tq not in (Qualifier.GE, Qualifier.GT)
    else:
        ceiling = tq in (Qualifier.LE, Qualifier.LT) or (
            tq not in (Qualifier.GE, Qualifier.GT) and bool(_LOWER_IS_BETTER.search(target.indicator_key))
        )
    tol = abs(t) * APPROX_TOLERANCE if tq == Qualifier.APPROX and not strict else Decimal(0)
    aq = Qualifier(actual.qualifier)
    if ceiling:
        if aq in (Qualifier.GT, Qualifier.GE) and a > t + tol:
            return "missed", "ceiling: actual above it"
        ok = a < t if tq == Qualifier.LT else a <= t + tol
        rule = f"ceiling{' ±5%' if tol else ''}"
        if ok and aq in (Qualifier.GT, Qualifier.GE) and (tq != Qualifier.APPROX or strict):
            return "unclear", rule + ": actual is only a lower bound"
        return ("met" if ok else "missed"), rule
    ok = a > t if tq == Qualifier.GT else a >= t - tol
    rule = f"floor{' ±5%' if tol else ''}"
    if not ok and not strict and aq in (Qualifier.LT, Qualifier.LE, Qualifier.APPROX) and a >= t - tol - abs(t) * APPROX_TOLERANCE:
        return "unclear", rule + ": actual is approximate"
    return ("met" if ok else "missed"), rule


def _first_actuals(rows: Sequence[IndicatorRow]) -> dict[tuple[str, str, int | None, str, str], list[IndicatorRow]]:
    out: dict[tuple[str, str, int | None, str, str], list[IndicatorRow]] = {}
    for r in rows:
        if r.status not in (Status.ACTUAL.value, Status.ESTIMATE.value) or not r.indicator_key:
            continue
        if r.review_year is None or r.year != r.review_year:
            continue
        out.setdefault((r.government, r.indicator_key, r.year, r.kind, r.normalised_unit), []).append(r)
    return out


def link_targets(
    rows: Sequence[IndicatorRow], *, main_only: bool = False, absences: Sequence[Absence] = ()
) -> list[TargetOutcome]:
    """Each plan-year target paired with the next report's actual for it.

    Targets are the rows with status ``target`` whose year is their report's plan year.
    The actual is the first row, in the report whose review year is that year, of the same
    government, indicator key, kind and normalised unit (``actual`` preferred to
    ``estimate``). Targets with no actual are kept (verdict ``unclear``) when they are main
    targets (the plan part's preamble, section ``p.0``); other unmatched targets are left
    out, and so are all unmatched ones with ``main_only``. A target restated in the same
    report (same key, kind, value and qualifier) is listed once. ``absences`` (see
    :func:`absent_targets`) add one ``no target`` row each.
    """
    outcomes: OutcomeIndex[IndicatorRow] = OutcomeIndex()
    for (g, key, year, kind, unit), group in _first_actuals(rows).items():
        for a in group:  # actual before estimate, then report, then position
            outcomes.add(g, key, key, year, kind, unit, a.report, a.period != "year",
                         (a.status != Status.ACTUAL.value, a.report, a.start), a)
    out: list[TargetOutcome] = [_absent(a) for a in absences]
    seen: set[tuple] = set()
    for t in rows:
        if t.status != Status.TARGET.value or t.plan_year is None or t.year != t.plan_year:
            continue
        if not t.indicator_key:
            continue
        # a target restated later in the same report ("经济增长预期目标为5%左右") is one target
        ident = (t.report, t.indicator_key, t.kind, t.normalised_unit, t.normalised_value, t.direction, t.qualifier)
        if ident in seen:
            continue
        seen.add(ident)
        # no government named: nothing to pair with; a multi-year total or average
        # ("五年来…累计", "年均") is not the year's outcome
        a = outcomes.best(t.government, t.indicator_key, t.indicator_key, t.year, t.kind, t.normalised_unit,
                          t.report, one_year=t.period == "year") if t.government else None
        main = t.section.endswith(".0")
        if a is None:
            if main and not main_only:
                out.append(_outcome(t, None, "unclear", "no actual for this indicator in the next report", "unclear"))
            continue
        verdict, rule = judge(t, a)
        out.append(_outcome(t, a, verdict, rule, judge(t, a, strict=True)[0]))
    out.sort(key=lambda o: (o.government, o.year or 0, o.target_report, o.target_start))
    return out


def _outcome(t: IndicatorRow, a: IndicatorRow | None, verdict: str, rule: str, strict: str) -> TargetOutcome:
    return TargetOutcome(
        government=t.government,
        indicator_key=t.indicator_key,
        year=t.year,
        target_report=t.report,
        target_indicator=t.indicator,
        target_value=t.value,
        target_value_max=t.value_max,
        target_unit=t.unit,
        target_normalised_value=t.normalised_value,
        target_normalised_unit=t.normalised_unit,
        target_qualifier=t.qualifier,
        target_kind=t.kind,
        target_direction=t.direction,
        target_sentence=t.sentence,
        target_start=t.start,
        actual_report=a.report if a else "",
        actual_indicator=a.indicator if a else "",
        actual_value=a.value if a else None,
        actual_unit=a.unit if a else "",
        actual_normalised_value=a.normalised_value if a else None,
        actual_qualifier=a.qualifier if a else "",
        actual_direction=a.direction if a else "",
        actual_sentence=a.sentence if a else "",
        actual_start=a.start if a else None,
        verdict=verdict,
        rule=rule,
        verdict_strict=strict,
        period=t.period,
    )


@dataclass(frozen=True, slots=True)
class Absence:
    """A report's explicit statement that it sets no target for an indicator."""

    government: str
    indicator_key: str
    year: int | None
    report: str
    sentence: str
    start: int
    end: int = 0
    """End of the statement (its span is [start, end))."""


_NO_TARGET = re.compile(
    r"(?:不|没有|未)(?:再)?(?:提出|设定|设置|设|规定|确定)(?:今年|全年|年度)?的?(?P<what>经济增速|经济增长|[^，。；]{0,10}增长|[^，。；]{0,10}增速)[^，。；]{0,6}?(?:具体|量化)?(?:的)?(?:预期)?目标"
)
""""不提出全年经济增速具体目标": the report says there is no target (not an extraction gap)."""


def absent_targets(report: Report) -> list[Absence]:
    """Indicators the report explicitly sets no target for, in its plan year."""
    from kg.keys import indicator_key, report_years

    _review, plan_year = report_years(report)
    text = report.text.text
    out = []
    for m in _NO_TARGET.finditer(text, report.body_start, report.body_end or len(text)):
        key = indicator_key(m.group("what"))
        if not key:
            continue
        out.append(Absence(government=_government_of(report), indicator_key=key, year=plan_year,
                           report=report.text.path or (report.meta.title or ""),
                           sentence=" ".join(_sentence_around(text, m.start(), m.end()).split()), start=m.start(),
                           end=m.end()))
    return out


def _absent(a: Absence) -> TargetOutcome:
    return TargetOutcome(
        government=a.government, indicator_key=a.indicator_key, year=a.year, target_report=str(a.report),
        target_indicator=a.indicator_key, target_value=None, target_value_max=None, target_unit="",
        target_normalised_value=None, target_normalised_unit="", target_qualifier="", target_kind="change",
        target_direction="", target_sentence=a.sentence, target_start=a.start, actual_report="", actual_indicator="",
        actual_value=None, actual_unit="", actual_normalised_value=None, actual_qualifier="", actual_direction="",
        actual_sentence="", actual_start=None, verdict="no target", rule="the report says it sets no target",
        verdict_strict="no target",
    )


def target_table(inputs: Iterable[str | os.PathLike[str]], *, main_only: bool = False) -> list[TargetOutcome]:
    """Targets vs outcomes for every report under ``inputs`` (several years of one government)."""
    from kg.pipeline import report_paths

    rows: list[IndicatorRow] = []
    absences: list[Absence] = []
    for path in report_paths(inputs):
        report, quantities = _quantities_of(path)
        rows.extend(indicator_rows(report, quantities))
        absences.extend(absent_targets(report))
    return link_targets(rows, main_only=main_only, absences=absences)


# ----------------------------------------------------------------------- output


def cell(value: object) -> str:
    """A CSV/table cell: Decimals in plain notation, None as empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (Kind, Status, Qualifier)):
        return value.value
    return str(value)
