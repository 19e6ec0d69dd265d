"""The Typer application object and what every command shares."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import NoReturn

import typer

from kg.errors import redact

app = typer.Typer(
    name="kg",
    help=(
        "Turn Chinese government work reports (政府工作报告) into a knowledge graph.\n\n"
        "Read and structure a report (parse), score it against an answer key (eval), "
        "build RDF dumps (build), query them (sparql, cypher) and load Neo4j (load)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit (2: bad input or environment; 1: a check failed)."""
    print(f"kg: error: {' '.join(redact(message).split())}", file=sys.stderr)
    raise typer.Exit(code)


def warn(message: str) -> None:
    print(f"kg: warning: {redact(message)}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn Chinese government work reports (政府工作报告) into a knowledge graph."""
