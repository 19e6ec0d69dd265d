"""How the CLI prints rows (`kg sparql`, `kg cypher`, `kg indicators`, `kg targets`).

- ``table`` (the default): a boxed table when every row fits the terminal on one line;
  otherwise (IRIs are long) a borderless table with one line per row and no cell wrapped
  or cut — lines run past the terminal's edge rather than folding an IRI over eight lines
  (``less -S`` scrolls them). Cells are ``rich.text.Text``, never console markup, so data
  such as ``[/x]`` or ``:x:`` prints as written.
- ``csv``: RFC 4180 with a header row; ``json``: a list of objects.

The library query listings (``--list``) print each query's whole description.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from kg.cli.app import TableFormat


def cell(value: Any) -> str:
    """A value as table/CSV text: "" for None, true/false, decimals in plain notation,
    lists and maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def json_value(value: Any) -> Any:
    """A value for JSON output (decimals as numbers)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    return value


def print_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: TableFormat | str = TableFormat.table, *,
               title: str | None = None, stream: IO[str] | None = None,
               to_cell: Callable[[Any], str] = cell, to_json: Callable[[Any], Any] = json_value) -> int:
    """Print ``rows`` (sequences in ``columns`` order) as a table, CSV or JSON; returns the count."""
    out = stream or sys.stdout
    fmt = TableFormat(fmt)
    rows = [list(r) for r in rows]
    if fmt is TableFormat.json:
        out.write(json.dumps([{c: to_json(v) for c, v in zip(columns, r)} for r in rows],
                             ensure_ascii=False, indent=1, default=str) + "\n")
    elif fmt is TableFormat.csv:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([to_cell(v) for v in r])
    else:
        _print_table(list(columns), [[to_cell(v) for v in r] for r in rows], title, out)
    return len(rows)


def _print_table(columns: list[str], cells: list[list[str]], title: str | None, out: IO[str]) -> None:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    widths = [cell_len(c) for c in columns]
    for r in cells:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], max((cell_len(ln) for ln in v.splitlines()), default=0))
    boxed = sum(widths) + 3 * len(widths) + 1
    term = Console(file=out).width if out.isatty() else 120
    wide = boxed > term
    table = Table(title=Text(title) if title else None, title_justify="left", box=None if wide else box.SQUARE,
                  show_edge=not wide, pad_edge=not wide, header_style="bold", padding=(0, 1))
    for c in columns:
        table.add_column(Text(c), no_wrap=True, overflow="ignore")
    for r in cells:
        table.add_row(*[Text(v) for v in r])
    width = sum(widths) + 2 * len(widths) + 2 if wide else term
    Console(file=out, width=max(width, 20), emoji=False, markup=False, highlight=False,
            soft_wrap=False).print(table)


def print_query_list(infos: Iterable[Any], stream: IO[str] | None = None) -> None:
    """One line per library query: its name, a tab, its whole description (and parameters)."""
    out = stream or sys.stdout
    for q in infos:
        text = " ".join(q.description.split("\n"))
        if q.parameters:
            text += "  [parameters: " + ", ".join(q.parameters) + "]"
        out.write(f"{q.name}\t{text}\n")


__all__ = ["cell", "json_value", "print_rows", "print_query_list"]
