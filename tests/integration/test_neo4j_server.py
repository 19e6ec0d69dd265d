"""The local Neo4j from Maven Central jars, through the official driver."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from kg.errors import StoreError
from kg.neo4jserver import DEFAULT_VERSION, fetch, fetched_lib, start


def test_server_writes_and_reads_through_the_official_driver(neo4j_clean, neo4j_driver):
    db = neo4j_clean.database
    neo4j_driver.execute_query(
        "UNWIND $rows AS row CREATE (:Probe {name: row.name, value: row.value})",
        rows=[{"name": "甲", "value": 1.5}, {"name": "乙", "value": 2}],
        database_=db,
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Probe) RETURN p.name AS name, p.value AS value ORDER BY name", database_=db
    )
    assert [(r["name"], r["value"]) for r in records] == [("乙", 2), ("甲", 1.5)]


def test_server_is_neo4j_5_26_community(neo4j_server, neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition",
        database_=neo4j_server.database,
    )
    assert records[0]["v"].startswith("5.26.")
    if neo4j_server.server is not None:
        assert records[0]["v"] == neo4j_server.server.version
        assert records[0]["edition"] == "community"


def test_server_refuses_a_wrong_password(neo4j_server):
    if not neo4j_server.password:
        pytest.skip("the server given by KG_TEST_NEO4J_URI has auth off")
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, "not-the-password")) as d:
        with pytest.raises(AuthError):
            d.verify_connectivity()


def test_fetch_again_is_idempotent_and_leaves_the_jars_alone(neo4j_server):
    lib = fetched_lib(DEFAULT_VERSION)
    assert lib is not None
    before = {p.name: p.stat().st_mtime_ns for p in lib.iterdir()}
    assert fetch(DEFAULT_VERSION) == lib
    assert {p.name: p.stat().st_mtime_ns for p in lib.iterdir()} == before
    assert any(name.startswith("neo4j-harness-") for name in before)


def test_start_on_the_sessions_port_says_it_is_busy(neo4j_server):
    if neo4j_server.server is None:
        pytest.skip("no server started by this session")
    with pytest.raises(StoreError, match="already in use"):
        start(port=neo4j_server.server.port)


def test_a_jvm_that_dies_at_start_is_reported_with_its_error(neo4j_server):
    with pytest.raises(StoreError, match="died while starting") as err:
        start(heap="1k", timeout=120)  # the JVM refuses a 1 KiB heap and exits at once
    assert "\n" not in str(err.value)
    assert "heap" in str(err.value).lower()


def test_a_store_directory_that_cannot_be_made_is_a_store_error(tmp_path: Path, neo4j_server):
    not_a_dir = tmp_path / "store"
    not_a_dir.write_text("a file where the store directory should be")
    with pytest.raises(StoreError, match="cannot create the Neo4j store directory"):
        start(data_dir=not_a_dir / "sub")


def test_a_persistent_store_keeps_its_data_and_password_across_restarts(tmp_path: Path, neo4j_server):
    data = tmp_path / "store"
    password = "persist-password"
    with start(password=password, data_dir=data, timeout=240, quick_start=True) as server:
        with GraphDatabase.driver(server.uri, auth=("neo4j", password)) as d:
            d.execute_query("CREATE (:Kept {n: 42})", database_="neo4j")
    assert not server.alive()
    with start(password=password, data_dir=data, timeout=240, quick_start=True) as server:
        with GraphDatabase.driver(server.uri, auth=("neo4j", password)) as d:
            records, _, _ = d.execute_query("MATCH (k:Kept) RETURN k.n AS n", database_="neo4j")
    assert [r["n"] for r in records] == [42]
    assert (data / "kg-neo4j.log").read_text().count("kg-neo4j: ready") == 2


def test_the_server_dies_with_the_process_that_started_it(tmp_path: Path, neo4j_server):
    # A child Python starts a server, prints its pid, and is killed with SIGKILL (no
    # clean-up code runs). The JVM sees its stdin close and exits by itself.
    script = (
        "import sys\n"
        "from kg.neo4jserver import start\n"
        "s = start(timeout=240)\n"
        "print(s.pid, s.work_dir, flush=True)\n"
        "sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        words = child.stdout.readline().split()
        assert len(words) == 2 and words[0].isdigit(), "the child did not start a server"
        pid, work_dir = int(words[0]), Path(words[1])
        assert work_dir.is_dir()
        child.kill()
        child.wait(timeout=30)
        _wait_gone(pid, 60)
        assert not work_dir.exists()  # the JVM removed its throw-away store itself
    finally:
        if child.poll() is None:
            child.kill()


def _wait_gone(pid: int, seconds: float) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        try:  # a zombie whose parent is gone is reaped by init; treat it as gone
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return
        except OSError:
            return
        time.sleep(0.5)
    raise AssertionError(f"the Neo4j JVM (pid {pid}) outlived its parent by {seconds} s")
