"""Shared test fixtures: where the real reports live, and the real Neo4j.

Unit tests use synthetic fixtures (tests/fixtures); integration tests read the real
reports in ../shared. In CI (CI=true) a missing ../shared is an error, never a skip.

A real Neo4j for the integration and robustness tests: one server for the whole session.
By default the session fetches the Neo4j jars from Maven Central (once; cached in
~/.cache/kg or $KG_NEO4J_HOME) and starts a throw-away server with kg.neo4jserver, auth on.
If it cannot start, every test that needs it ERRORS (in CI and locally alike): a missing
Neo4j is never a skip.

Point the tests at a server of your own instead (its data in the database used is
DELETED by the tests):

    KG_TEST_NEO4J_URI=bolt://localhost:7687 KG_TEST_NEO4J_USER=neo4j \
    KG_TEST_NEO4J_PASSWORD=... KG_TEST_NEO4J_DATABASE=neo4j pytest tests/integration

KG_TEST_NEO4J_TIMEOUT (seconds, default 240) bounds the start on a busy machine.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis's per-example deadline (200 ms) is a timing assertion: on a loaded 2-core CI
# machine it fails tests whose behaviour is right. Speed is shown by bench/, never by tests.
settings.register_profile("kg", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kg")

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
def corpus_stats_script():
    """scripts/corpus_stats.py as a module."""
    return _script("corpus_stats")


@pytest.fixture(scope="session")
def eval_gold_script():
    """scripts/eval_gold.py as a module."""
    return _script("eval_gold")


# ------------------------------------------------------------------ the real Neo4j

log = logging.getLogger(__name__)

TEST_PASSWORD = "kg-test-password"


@dataclass(frozen=True, slots=True)
class Neo4jTarget:
    """Where the tests' Neo4j answers (a server the session started, or the user's)."""

    uri: str
    user: str
    password: str | None = field(repr=False)
    database: str
    server: Any = field(default=None, repr=False)  # kg.neo4jserver.RunningServer or None

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password) if self.password else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the server `neo4j` (select or deselect with -m)."""
    for item in items:
        if "neo4j_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jTarget]:
    """The session's Neo4j: started here, or taken from KG_TEST_NEO4J_URI."""
    uri = os.environ.get("KG_TEST_NEO4J_URI")
    database = os.environ.get("KG_TEST_NEO4J_DATABASE", "neo4j")
    if uri:
        yield Neo4jTarget(
            uri=uri,
            user=os.environ.get("KG_TEST_NEO4J_USER", "neo4j"),
            password=os.environ.get("KG_TEST_NEO4J_PASSWORD") or None,
            database=database,
        )
        return

    from kg.errors import KgError
    from kg.neo4jserver import fetch, start

    timeout = float(os.environ.get("KG_TEST_NEO4J_TIMEOUT", "240"))
    began = time.monotonic()
    try:
        fetch()
        server = start(password=TEST_PASSWORD, timeout=timeout)
    except KgError as exc:
        pytest.fail(f"the test Neo4j server did not start: {exc}", pytrace=False)
    log.info(
        "test Neo4j at %s ready in %.1f s (start %.1f s, %s MiB resident)",
        server.uri, time.monotonic() - began, server.started_seconds,
        (server.rss_bytes() or 0) // 2**20,
    )
    try:
        yield Neo4jTarget(
            uri=server.uri, user=server.user, password=TEST_PASSWORD, database=database, server=server
        )
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Neo4jTarget) -> Iterator[Any]:
    """The official driver connected to the session's server (verified)."""
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth)
    try:
        driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 - any driver failure means no usable server
        driver.close()
        pytest.fail(f"cannot connect to the test Neo4j at {neo4j_server.uri}: {exc}", pytrace=False)
    yield driver
    driver.close()


def _clean(tx: Any) -> None:
    tx.run("MATCH (n) DETACH DELETE n").consume()


@pytest.fixture
def neo4j_clean(neo4j_server: Neo4jTarget, neo4j_driver: Any) -> Neo4jTarget:
    """An empty database (no nodes, constraints or indexes) for this test."""
    db = neo4j_server.database
    with neo4j_driver.session(database=db) as session:
        session.execute_write(_clean)
        for row in session.run("SHOW CONSTRAINTS YIELD name").data():
            session.run(f"DROP CONSTRAINT `{_quote(row['name'])}` IF EXISTS").consume()
        for row in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").data():
            session.run(f"DROP INDEX `{_quote(row['name'])}` IF EXISTS").consume()
    return neo4j_server


def _quote(name: str) -> str:
    # Names come from the server's own SHOW output (test clean-up only), never from data.
    return name.replace("`", "``")
