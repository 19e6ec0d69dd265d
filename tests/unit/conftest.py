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


@pytest.fixture(scope="module")
def train_head_filter():
    """``scripts/train_head_filter.py`` loaded as a module (the scripts folder is no package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_head_filter.py"
    spec = importlib.util.spec_from_file_location("train_head_filter", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
