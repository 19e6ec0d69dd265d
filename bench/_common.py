"""What the benchmarks share: paths, child processes, resident memory, ratios, results.

Every measurement runs in a fresh child process (``python bench/x.py --child ...``) so
each side starts from the same empty interpreter and its memory is its own; the parent
runs the sides alternately, ``repeat`` times, in one run, and reports medians and ratios.
Absolute seconds depend on the machine and its load; the ratios are what to compare.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")).resolve()
CACHE = Path(os.environ.get("KG_BENCH_CACHE", Path(os.environ.get("TMPDIR", "/tmp")) / "kg-bench"))
RESULTS = ROOT / "bench" / "results"


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MiB (Linux /proc)."""
    cur = peak = 0.0
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return cur, peak


def child(script: str, *args: str) -> dict:
    """Run ``script --child args…`` in a new interpreter; its last stdout line is JSON."""
    cmd = [sys.executable, script, "--child", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def side_child(side: str, src: Path | None, script: str, *args: str) -> dict:
    """:func:`child` for one side of a before/after comparison: ``src`` (a folder holding
    another version's ``kg`` package, put first on ``PYTHONPATH``) or this checkout
    (``None``); the child's JSON names the ``kg`` it imported, which must be that side's."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    proc = subprocess.run([sys.executable, script, "--child", *args], capture_output=True, text=True,
                          check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{side} side failed:\n{proc.stderr[-3000:]}")
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    if (src is None) == Path(got["kg"]).is_relative_to(CACHE):
        raise SystemExit(f"{side} side imported the wrong kg: {got['kg']}")
    return got


def emit(result: dict) -> None:
    """What a child prints for its parent."""
    print(json.dumps(result))


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "note": "shared machine (other jobs running); compare ratios, not seconds",
    }


def versions(*modules: str) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for m in modules:
        try:
            out[m] = version(m)
        except PackageNotFoundError:
            out[m] = None
    return out


def write_results(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": name, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "machine": machine(), **result}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def table(rows: list[list[object]], header: list[str]) -> str:
    cells = [header, *[[("" if c is None else f"{c:,.2f}" if isinstance(c, float) else str(c)) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def replace_block(doc: Path, block: str, begin: str, end: str, title: str = "# Benchmarks\n") -> None:
    """Put ``block`` (which starts with ``begin`` and ends with ``end``) into the Markdown
    file ``doc`` in place of the block between the same markers, or append it."""
    text = doc.read_text("utf-8") if doc.is_file() else title
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")
