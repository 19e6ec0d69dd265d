"""`kg build --scheduler`: the per-report function mapped on a real Dask cluster
(distributed.LocalCluster) writes the same N-Triples and VoID as a local build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.export import build_dump

distributed = pytest.importorskip("distributed", reason="Dask is in the dev extra: pip install -e '.[dev]'")

NAMES = ["district-hailaer-2012.txt", "district-hailaer-2014.txt", "national-china-2020.txt"]


@pytest.fixture(scope="module")
def reports(corpus: Path) -> list[Path]:
    paths = [corpus / n for n in NAMES]
    missing = [str(p) for p in paths if not p.is_file()]
    assert not missing, f"corpus reports missing: {missing}"
    return paths


def test_a_dask_build_equals_a_local_build(reports, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    local = build_dump(reports, tmp_path / "local", "nt", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = build_dump(reports, tmp_path / "dask", "nt", scheduler=cluster.scheduler_address)
    assert on_dask.workers == 2
    assert on_dask.reports == local.reports
    for name in ("graph.nt", "void.ttl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert local.triples > 10_000


def test_an_unreachable_scheduler_is_one_clear_error(reports, tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="Dask scheduler"):
        build_dump(reports[:1], tmp_path, "nt", scheduler="tcp://127.0.0.1:9")
