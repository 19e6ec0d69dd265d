"""kg's command line: a thin shell over the library (each command calls one function)."""

from __future__ import annotations

import logging
import sys

from kg.cli.app import app
from kg.errors import KgError, ValidationFailed

# Each module registers its commands on `app`, in the order of a user's work.
from kg.cli import (  # noqa: F401,E402  (import order = order in `kg --help`)
    parse,
    eval,
    rdf,
    indicators,
    entities,
    glossary,
    stats,
    neo4j,
    server,
    serve,
)

__all__ = ["app", "main"]


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="kg: %(levelname)s: %(message)s")
    try:
        app()
    except ValidationFailed as exc:
        print(f"kg: {exc}", file=sys.stderr)
        sys.exit(1)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        sys.exit(130)
