"""The parts of kg.neo4jserver that need no server: pom, cache layout, ports, errors."""

from __future__ import annotations

import os
import socket
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.neo4jserver import (
    DEFAULT_VERSION,
    RunningServer,
    cache_home,
    fetch,
    fetched_lib,
    find_java,
    free_port,
    read_state,
    render_pom,
    start,
    write_state,
)
from kg.neo4jserver import jars, process

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


@pytest.fixture
def empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH with nothing on it (no java, no mvn) and no JAVA_HOME."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    return bin_dir


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "neo4j-home"
    monkeypatch.setenv("KG_NEO4J_HOME", str(home))
    return home


def _fake_complete_lib(home: Path, version: str) -> Path:
    lib = home / "lib"
    lib.mkdir(parents=True)
    (lib / f"neo4j-{version}.jar").write_bytes(b"PK")
    (lib / ".complete").write_text(version + "\n")
    return lib


def test_render_pom_puts_the_version_into_a_harness_dependency():
    pom = ET.fromstring(render_pom("5.26.7").encode())
    assert pom.find("m:properties/m:neo4j.version", POM_NS).text == "5.26.7"
    deps = pom.findall("m:dependencies/m:dependency", POM_NS)
    coords = {(d.find("m:groupId", POM_NS).text, d.find("m:artifactId", POM_NS).text) for d in deps}
    assert ("org.neo4j.test", "neo4j-harness") in coords
    assert "@NEO4J_VERSION@" not in render_pom("5.26.7")


def test_render_pom_pins_the_dependency_plugin():
    pom = ET.fromstring(render_pom(DEFAULT_VERSION).encode())
    plugin = pom.find("m:build/m:pluginManagement/m:plugins/m:plugin", POM_NS)
    assert plugin.find("m:artifactId", POM_NS).text == "maven-dependency-plugin"
    assert plugin.find("m:version", POM_NS).text


@pytest.mark.parametrize("bad", ["2025.01.0", "latest", "5.26", "5.26.x", "4.4.30; rm -rf /"])
def test_versions_other_than_neo4j_5_releases_are_refused(bad: str):
    with pytest.raises(StoreError, match="not a 5.x.y release"):
        render_pom(bad)


def test_cache_home_defaults_under_the_user_cache_and_names_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_home("5.26.3") == tmp_path.resolve() / "kg" / "neo4j-5.26.3"


def test_kg_neo4j_home_overrides_the_cache_directory(own_home: Path):
    assert cache_home() == own_home.resolve()


def test_fetched_lib_is_none_until_the_completion_marker_names_the_version(own_home: Path):
    assert fetched_lib(DEFAULT_VERSION) is None
    lib = own_home / "lib"
    lib.mkdir(parents=True)
    (lib / f"neo4j-{DEFAULT_VERSION}.jar").write_bytes(b"PK")
    assert fetched_lib(DEFAULT_VERSION) is None  # jars without marker: a killed fetch
    (lib / ".complete").write_text("5.26.1\n")
    assert fetched_lib(DEFAULT_VERSION) is None  # another version's jars
    (lib / ".complete").write_text(DEFAULT_VERSION + "\n")
    assert fetched_lib(DEFAULT_VERSION) == lib


def test_fetch_without_mvn_says_to_install_maven(own_home: Path, empty_path: Path):
    with pytest.raises(StoreError, match=r"Maven \(mvn\) is not on PATH"):
        fetch(DEFAULT_VERSION)


def test_fetch_is_a_no_op_when_the_jars_are_already_there(own_home: Path, empty_path: Path):
    lib = _fake_complete_lib(own_home, DEFAULT_VERSION)
    # No mvn on PATH: returning at all proves Maven was not run.
    assert fetch(DEFAULT_VERSION) == lib
    assert fetch(DEFAULT_VERSION) == lib


def test_fetch_reports_mavens_error_in_one_line(own_home: Path, empty_path: Path):
    mvn = empty_path / "mvn"
    mvn.write_text(
        "#!/bin/sh\n"
        "echo '[INFO] Scanning for projects...'\n"
        "echo '[ERROR] Failed to execute goal: Could not find artifact org.neo4j.test:neo4j-harness:jar:5.26.99'\n"
        "exit 1\n"
    )
    mvn.chmod(mvn.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(StoreError) as err:
        fetch("5.26.99")
    message = str(err.value)
    assert "\n" not in message
    assert "Could not find artifact org.neo4j.test:neo4j-harness:jar:5.26.99" in message
    assert fetched_lib("5.26.99") is None  # nothing looks complete after a failed fetch


def test_maven_error_strips_colour_codes():
    out = "\x1b[1;31m[ERROR]\x1b[m Failed to execute goal X\n[ERROR] \n"
    assert jars._maven_error(out) == "Failed to execute goal X"


def test_find_java_without_java_says_how_to_install_it(empty_path: Path):
    with pytest.raises(StoreError, match="Java is not installed or not on PATH"):
        find_java()


def test_find_java_refuses_java_older_than_17(empty_path: Path):
    java = empty_path / "java"
    java.write_text('#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n')
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(StoreError, match="needs Java 17 or newer.*Java 11"):
        find_java()


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("no version here", None),
    ],
)
def test_java_major_reads_old_and_new_version_strings(output: str, major: int | None):
    assert process.java_major(output) == major


def test_start_without_java_fails_before_fetching(own_home: Path, empty_path: Path):
    with pytest.raises(StoreError, match="Java is not installed"):
        start()
    assert not (own_home / "lib").exists()


def test_start_refuses_a_short_password(own_home: Path, empty_path: Path):
    with pytest.raises(StoreError, match="at least 8 characters"):
        start(password="short")


def test_start_on_a_busy_port_says_so():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        with pytest.raises(StoreError, match=f"port {port} on 127.0.0.1 is already in use"):
            start(port=port)


def test_free_port_returns_a_port_nothing_listens_on():
    port = free_port()
    assert 0 < port < 65536
    assert not process.port_in_use("127.0.0.1", port)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", port))  # bindable right away


def test_port_in_use_sees_a_listening_socket():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        assert process.port_in_use("127.0.0.1", s.getsockname()[1])


def test_ready_line_must_name_the_port_asked_for():
    text = "some log\nkg-neo4j: ready bolt://127.0.0.1:7690 auth=off\n"
    assert process._has_ready_line(text, 7690)
    assert not process._has_ready_line(text, 7691)
    assert not process._has_ready_line("kg-neo4j: error: boom\n", 7690)


def _server(tmp_path: Path, **kw) -> RunningServer:
    return RunningServer(
        pid=-1, host="127.0.0.1", port=7690, log_path=tmp_path / "kg-neo4j.log",
        version=DEFAULT_VERSION, **kw,
    )


def test_death_message_reports_the_launchers_error_line(tmp_path: Path):
    server = _server(tmp_path)
    server.log_path.write_text(
        "java.lang.RuntimeException: x\n\tat Foo\nkg-neo4j: error: could not start Neo4j: disk full\n"
    )
    message = process._death_message(server, 1)
    assert "disk full" in message and "exit 1" in message and str(server.log_path) in message


def test_death_message_turns_a_bind_failure_into_a_busy_port_message(tmp_path: Path):
    server = _server(tmp_path)
    server.log_path.write_text(
        "kg-neo4j: error: could not start Neo4j on 127.0.0.1:7690: Address already in use\n"
    )
    assert "port 7690 on 127.0.0.1 is already in use" in process._death_message(server, 1)


def test_death_message_ignores_lines_from_earlier_runs(tmp_path: Path):
    server = _server(tmp_path)
    old = "kg-neo4j: error: an old failure\n"
    server.log_path.write_text(old + "kg-neo4j: error: the new failure\n")
    assert "the new failure" in process._death_message(server, 1, offset=len(old))
    assert "old failure" not in process._death_message(server, 1, offset=len(old))


def test_state_file_round_trips_without_the_password(tmp_path: Path):
    server = _server(tmp_path, data_dir=tmp_path / "data", auth=True, password="secret-password")
    path = write_state(server, tmp_path / "state.json")
    assert "secret-password" not in path.read_text()
    back = read_state(path)
    assert back is not None
    assert (back.uri, back.data_dir, back.auth, back.password) == (
        "bolt://127.0.0.1:7690", tmp_path / "data", True, None,
    )
    assert "secret-password" not in repr(server)


def test_read_state_without_a_file_is_none(tmp_path: Path):
    assert read_state(tmp_path / "missing.json") is None


def test_a_recorded_server_whose_pid_is_gone_is_not_alive(tmp_path: Path):
    server = _server(tmp_path)
    server.pid = 2**22 + 12345  # above the default pid_max: no such process
    assert not server.alive()
    assert not process._is_launcher(os.getpid())  # the test runner is not a Neo4j launcher
