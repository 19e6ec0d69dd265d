"""kg.atomic: outputs appear whole, together, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.atomic import Staging, atomic_open, sweep, write_text


def test_atomic_open_replaces_the_target_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "graph.nt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as f:
            f.write("half of the new")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]
    with atomic_open(target) as f:
        f.write("new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_staging_commits_files_and_folders_together_or_not_at_all(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "old").write_text("old store")
    (tmp_path / "void.ttl").write_text("old void")
    with pytest.raises(KeyboardInterrupt):
        with Staging() as stage:
            stage.write_text(tmp_path / "graph.nt", "new dump")
            (stage.directory(tmp_path / "store") / "new").write_text("new store")
            raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "void.ttl"]
    assert (tmp_path / "store" / "old").is_file()
    with Staging() as stage:
        stage.write_text(tmp_path / "graph.nt", "new dump")
        stage.write_text(tmp_path / "void.ttl", "new void")
        staged = stage.directory(tmp_path / "store")
        (staged / "new").write_text("new store")
        assert stage.staged(tmp_path / "store") == staged
        assert not (tmp_path / "graph.nt").exists()  # nothing in place before the commit
    assert (tmp_path / "graph.nt").read_text() == "new dump"
    assert (tmp_path / "void.ttl").read_text() == "new void"
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "store", "void.ttl"]


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    write_text(tmp_path / "a.ttl", "x")
    assert (tmp_path / "a.ttl").stat().st_mode & 0o777 == 0o666 & ~mask


def test_sweep_removes_temporaries_of_dead_processes_only(tmp_path: Path) -> None:
    target = tmp_path / "graph.nt"
    dead = tmp_path / ".graph.nt.kg-tmp-999999999-abc.nt"
    alive = tmp_path / f".graph.nt.kg-tmp-{os.getpid()}-abc.nt"
    dead.write_text("x")
    alive.write_text("x")
    sweep(target)
    assert not dead.exists() and alive.exists()


def test_a_device_target_is_written_directly(tmp_path: Path) -> None:
    with atomic_open("/dev/null") as f:
        f.write("discarded")
    assert list(tmp_path.iterdir()) == []
