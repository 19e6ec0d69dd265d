"""Passwords: masked in every message, stored safely, taken out of URIs."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from kg.errors import redact, register_env_secrets, register_secret


def test_redact_masks_the_password_in_a_uri() -> None:
    assert redact("cannot reach bolt://neo4j:pa%40ss@db.example.org:7687 now") == \
        "cannot reach bolt://neo4j:***@db.example.org:7687 now"
    assert redact("neo4j+s://u:p@x.databases.neo4j.io") == "neo4j+s://u:***@x.databases.neo4j.io"
    assert redact("http://example.org/a:b@c") == "http://example.org/a:b@c"  # a path, no userinfo


def test_redact_masks_registered_secrets_longest_first() -> None:
    register_secret("abc-secret")
    register_secret("abc-secret-longer")
    assert redact("x abc-secret-longer y abc-secret") == "x *** y ***"


def test_env_passwords_are_registered() -> None:
    register_env_secrets({"NEO4J_PASSWORD": "from-env-pw", "NEO4J_AUTH": "neo4j/auth-pw-1",
                          "NEO4J_URI": "bolt://u:uri-pw-22@h:1"})
    assert redact("from-env-pw auth-pw-1 uri-pw-22") == "*** *** ***"


def test_settings_take_credentials_out_of_the_uri() -> None:
    from kg.neo4j_store import Neo4jSettings

    s = Neo4jSettings(uri="bolt://alice:s%3Acret-pw@db:7687")
    assert (s.uri, s.user, s.password) == ("bolt://db:7687", "alice", "s:cret-pw")
    assert "s:cret-pw" not in repr(s) and redact("s:cret-pw") == "***"
    given = Neo4jSettings(uri="bolt://alice:in-uri-pw@db:7687", password="given-pw")
    assert given.password == "given-pw"


def test_cli_logging_masks_secrets_in_library_records(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import _RedactingFilter

    handler = logging.StreamHandler()
    handler.addFilter(_RedactingFilter())
    log = logging.getLogger("kg.test.secrets")
    log.addHandler(handler)
    try:
        log.warning("connecting to %s", "bolt://neo4j:hunter2-pw@h:7687")
    finally:
        log.removeHandler(handler)
    err = capsys.readouterr().err
    assert "hunter2-pw" not in err and "bolt://neo4j:***@h:7687" in err


def test_generated_password_is_stored_owner_only_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.neo4jserver import password_file, stored_password

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    assert stored_password() is None
    pw = stored_password(create=True)
    assert pw and len(pw) >= 20
    assert stored_password(create=True) == pw == stored_password()
    assert stat.S_IMODE(password_file().stat().st_mode) == 0o600
    assert password_file().parent == tmp_path / "kg"


def test_local_password_is_used_for_this_machine_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.neo4j_store import local_password
    from kg.neo4jserver import stored_password

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    pw = stored_password(create=True)
    assert local_password("bolt://127.0.0.1:7687") == pw
    assert local_password("neo4j://localhost") == pw
    assert local_password("bolt://db.example.org:7687") is None
    assert local_password("bolt://127.0.0.1:7687", user="alice") is None
