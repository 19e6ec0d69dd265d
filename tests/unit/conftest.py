"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from kg.loaders.quantities import extract_quantities
from kg.pipeline import parse


@pytest.fixture(scope="module")
def by(request) -> dict[str, list]:
    """The quantities of the test module's synthetic report (its ``FIXTURE`` path), by
    surface form, in text order."""
    out: dict[str, list] = {}
    for q in extract_quantities(parse(request.module.FIXTURE)):
        out.setdefault(q.surface, []).append(q)
    return out
