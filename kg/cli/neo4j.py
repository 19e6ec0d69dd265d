"""`kg` commands of this group (registered on the shared app)."""

from __future__ import annotations

from kg.cli.app import app  # noqa: F401
