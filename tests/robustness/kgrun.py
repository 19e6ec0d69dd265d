"""Helpers of the robustness suite. The suite runs the real command line (`kg …` in a subprocess), as a user
would, and checks what every bad input or fault must give: the exit code, ONE line on
stderr, no traceback, no hang (every run has a timeout), no half-written output.

Reports here are synthetic (tests/fixtures, written for kg in the genre's shape); the
real Neo4j is the one tests/conftest.py starts for the session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORT_A = FIXTURES / "rdf-qinghe-2023.txt"
REPORT_B = FIXTURES / "rdf-qinghe-2024.txt"
REPORT_C = FIXTURES / "quantities-lost-plan-heading-2041.txt"
TIMEOUT = 300  # seconds: a hang fails the test, it never blocks CI


def kg_command() -> list[str]:
    """The installed `kg` script next to this Python (else `python -m kg`)."""
    script = Path(sys.executable).parent / "kg"
    if script.is_file():
        return [str(script)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def err_lines(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]

    def __str__(self) -> str:  # shown when an assertion fails
        return f"kg {' '.join(self.args)} -> {self.code}\nstdout: {self.stdout[-800:]}\nstderr: {self.stderr[-1500:]}"


def kg(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None,
       env: dict[str, str] | None = None, timeout: float = TIMEOUT, stdin: bytes | None = None,
       preexec_fn=None) -> Run:
    """Run `kg ARGS` and wait (at most ``timeout`` s: a hang is a test failure)."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    full_env.pop("KG_DEBUG", None)
    full_env.update(env or {})
    args = tuple(str(a) for a in args)
    try:
        p = subprocess.run(
            [*kg_command(), *args], cwd=cwd, env=full_env, input=stdin, capture_output=True,
            timeout=timeout, preexec_fn=preexec_fn,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg {' '.join(args)} hung (no answer in {timeout:.0f} s)")
    return Run(args, p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def fails_cleanly(run: Run, *needles: str, code: int = 2) -> None:
    """Exit ``code``, exactly one line on stderr ("kg: error: …" naming each needle), no traceback."""
    assert run.code == code, str(run)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, str(run)
    assert len(run.err_lines) == 1, str(run)
    line = run.err_lines[0]
    assert line.startswith("kg: error: "), str(run)
    for needle in needles:
        assert needle.lower() in line.lower(), f"{needle!r} not in {line!r}"


def succeeds(run: Run) -> None:
    assert run.code == 0, str(run)
    assert "Traceback" not in run.stderr, str(run)


def leftovers(folder: Path) -> list[str]:
    """Temporary files of kg's atomic writes still in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".kg-tmp-" in p.name) if folder.is_dir() else []


def signal_when(args: list[str], ready, sig: int, env: dict[str, str] | None = None,
                poll: float = 0.02) -> tuple[int, str]:
    """Start `kg ARGS`; once ``ready()`` is true, send ``sig``; return (exit code, stderr).
    Fails the test if the command ends before it is ready (nothing was interrupted)."""
    proc = subprocess.Popen([*kg_command(), *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT
        while proc.poll() is None and time.monotonic() < deadline and not ready():
            time.sleep(poll)
        assert proc.poll() is None, "the command ended before it could be interrupted"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, err.decode("utf-8", "replace")
