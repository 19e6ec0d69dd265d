"""`kg indicators` and `kg targets`: the figures of reports as tidy tables."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fail
from kg.errors import KgError

_INPUTS_HELP = "Report files or folders of them (*.txt, *.html; folders are searched recursively)."


def _write_csv(columns: tuple[str, ...], rows: list) -> None:
    from kg.indicators import cell

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([cell(getattr(r, c)) for c in columns])


def _write_json(columns: tuple[str, ...], rows: list) -> None:
    from kg.jsonio import to_jsonable

    print(json.dumps([{c: to_jsonable(getattr(r, c)) for c in columns} for r in rows], ensure_ascii=False, indent=1))


def _write_table(columns: tuple[str, ...], rows: list, title: str) -> None:
    from kg.cli.tables import print_rows
    from kg.indicators import cell

    print_rows(columns, ([getattr(r, c) for c in columns] for r in rows), "table", title=title, to_cell=cell)


@app.command("indicators")
def indicators_command(
    inputs: Annotated[list[Path], typer.Argument(help=_INPUTS_HELP, metavar="REPORT_OR_DIR...")],
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV (UTF-8, header row) for pandas, R or Stata.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of row objects.")] = False,
) -> None:
    """Every quantity in the reports, one row each: indicator, value, unit, kind, status, year, span.

    The columns are described in docs/INDICATORS.md.
    """
    from kg.indicators import ROW_COLUMNS, indicator_table

    if as_csv and as_json:
        fail("choose one of --csv and --json")
    try:
        rows = indicator_table(inputs)
    except KgError as exc:
        fail(str(exc))
    print(f"kg: {len(rows)} quantities", file=sys.stderr)
    if as_csv:
        _write_csv(ROW_COLUMNS, rows)
    elif as_json:
        _write_json(ROW_COLUMNS, rows)
    else:
        cols = ("report", "section", "indicator", "surface", "value", "unit", "kind", "direction",
                "status", "year", "qualifier")
        short = [r.__class__(**{**{c: getattr(r, c) for c in ROW_COLUMNS}, "report": Path(r.report).name}) for r in rows]
        _write_table(cols, short, "Quantities")


@app.command("targets")
def targets_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(help=_INPUTS_HELP + " Give several years of one government.", metavar="REPORT_OR_DIR..."),
    ],
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV (UTF-8, header row) for pandas, R or Stata.")] = False,
    main_only: Annotated[bool, typer.Option("--matched", help="Only targets for which an outcome was found.")] = False,
) -> None:
    """Plan-year targets (report of year Y) against the outcome the next report gives: met, missed or unclear.

    The verdict rules (floors, ceilings, 左右 tolerance) are in docs/INDICATORS.md.
    """
    from kg.indicators import TARGET_COLUMNS, target_table

    try:
        rows = target_table(inputs, main_only=main_only)
    except KgError as exc:
        fail(str(exc))
    counts = {v: sum(r.verdict == v for r in rows) for v in ("met", "missed", "unclear", "no target")}
    print(f"kg: {len(rows)} targets: " + ", ".join(f"{n} {v}" for v, n in counts.items()), file=sys.stderr)
    if as_csv:
        _write_csv(TARGET_COLUMNS, rows)
    else:
        cols = ("government", "year", "target_indicator", "target_value", "target_value_max", "target_unit",
                "target_qualifier", "actual_value", "actual_unit", "actual_qualifier", "verdict", "verdict_strict", "rule")
        _write_table(cols, rows, "Targets and outcomes")
