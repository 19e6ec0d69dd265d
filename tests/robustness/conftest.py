"""Fixtures of the robustness suite (helpers in kgrun.py; the real Neo4j in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgrun import REPORT_A, kg, succeeds


@pytest.fixture(scope="session")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean N-Triples build of the synthetic report A (graph.nt + void.ttl)."""
    out = tmp_path_factory.mktemp("good-build")
    r = kg("build", REPORT_A, "--out", out, "--format", "nt", "--no-validate",
           env={"SOURCE_DATE_EPOCH": "1700000000"})
    succeeds(r)
    return out
