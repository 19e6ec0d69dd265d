"""Shared test fixtures: where the real reports live.

Unit tests use synthetic fixtures (tests/fixtures); integration tests read the real
reports in ../shared. In CI (CI=true) a missing ../shared is an error, never a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def _need_shared() -> Path:
    if (SHARED / "corpus").is_dir():
        return SHARED
    msg = f"the real reports are missing: {SHARED}/corpus (set KG_SHARED)"
    if os.environ.get("CI"):
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (corpus/, bulk/, gold/); fails in CI when missing, skips elsewhere."""
    return _need_shared()


@pytest.fixture(scope="session")
def corpus(shared: Path) -> Path:
    return shared / "corpus"


@pytest.fixture(scope="session")
def gold(shared: Path) -> Path:
    return shared / "gold"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def _script(name: str):
    """A module of scripts/ (they are not in the package), imported by file path."""
    import importlib.util
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def train_entities():
    """scripts/train_entities.py as a module."""
    return _script("train_entities")


@pytest.fixture(scope="session")
def eval_gold_script():
    """scripts/eval_gold.py as a module."""
    return _script("eval_gold")
