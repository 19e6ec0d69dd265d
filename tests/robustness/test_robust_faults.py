"""A build interrupted (SIGINT, SIGTERM) or killed (SIGKILL) half-way leaves the earlier
outputs as they were — dump, void.ttl and store together — and a re-run ends equal to
one clean build."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from kgrun import REPORT_A, REPORT_B, REPORT_C, kg, leftovers, signal_when, succeeds

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
INPUTS = (REPORT_A, REPORT_B, REPORT_C)


def _build_args(out: Path, *inputs: Path) -> list[str]:
    return ["build", *map(str, inputs), "--sample", "--out", str(out), "--format", "nt", "--no-validate",
            "--store", str(out / "store")]


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The earlier outputs: report A built with a store."""
    out = tmp_path_factory.mktemp("before")
    succeeds(kg("build", REPORT_A, "--out", out, "--format", "nt", "--no-validate", "--store", out / "store",
                env=EPOCH))
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clean build of all inputs."""
    out = tmp_path_factory.mktemp("clean")
    succeeds(kg(*_build_args(out, *INPUTS), env=EPOCH))
    return out


def _count(out: Path) -> str:
    r = kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", out / "store", "-f", "csv")
    succeeds(r)
    return r.stdout


def _snapshot(out: Path) -> dict[str, bytes]:
    return {f: (out / f).read_bytes() for f in ("graph.nt", "void.ttl")}


def _start_and_signal(out: Path, sig: int) -> tuple[int, str]:
    """Start the build of INPUTS into ``out``; once its dump is being written (the temporary
    holds data), send ``sig``; return (exit code, stderr)."""
    def writing() -> bool:
        return any(p.stat().st_size > 0 for p in out.glob(".graph.nt.kg-tmp-*"))

    return signal_when(_build_args(out, *INPUTS), writing, sig, env=EPOCH)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_keeps_earlier_outputs_and_leaves_no_temporaries(
        sig: int, tmp_path: Path, before: Path, clean: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(before, out)
    count = _count(before)
    code, err = _start_and_signal(out, sig)
    assert code == 130, err
    assert "Traceback" not in err and "kg: interrupted" in err, err
    assert _snapshot(out) == _snapshot(before)
    assert _count(out) == count
    assert leftovers(out) == []


def test_killed_build_keeps_earlier_outputs_and_a_rerun_equals_a_clean_build(
        tmp_path: Path, before: Path, clean: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(before, out)
    code, _ = _start_and_signal(out, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert _snapshot(out) == _snapshot(before)  # no truncated dump, no void.ttl of another build
    assert _count(out) == _count(before)  # the store holds the earlier build, whole
    succeeds(kg(*_build_args(out, *INPUTS), env=EPOCH))
    assert _snapshot(out) == _snapshot(clean)
    assert _count(out) == _count(clean)
    assert leftovers(out) == []  # the killed run's temporaries are swept
