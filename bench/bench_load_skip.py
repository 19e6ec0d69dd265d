"""`kg load` of a dump, then the same dump again (unchanged: every report skipped by its
content key), then with --reload-all: CPU-seconds of the client (this process) and of the
Neo4j server (its JVM, from /proc), side by side in one run. Writes
bench/results/load-skip.json.

    .venv/bin/python bench/bench_load_skip.py DUMP.nt
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, replace_block, write_results  # noqa: E402

DOC = ROOT / "docs" / "BENCHMARKS.md"
BEGIN, END = "<!-- bench/bench_load_skip.py: begin -->", "<!-- bench/bench_load_skip.py: end -->"


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    from kg.neo4j_store import Neo4jSettings, load_inputs
    from kg.neo4jserver import start

    dump = Path(sys.argv[1])
    server = start(password="kg-bench-password", timeout=900)
    try:
        settings = Neo4jSettings(uri=server.uri, user="neo4j", password="kg-bench-password", database="neo4j")
        runs = {}
        for name, kw in (("warm-up (wiped after)", {"wipe": True}), ("load", {"wipe": True}),
                         ("reload unchanged", {}), ("reload --reload-all", {"skip_unchanged": False})):
            c0, s0, w0 = _self_cpu(), _proc_cpu(server.pid), time.perf_counter()
            r = load_inputs([dump], settings, **kw)
            runs[name] = {"client_cpu_s": _self_cpu() - c0, "server_cpu_s": _proc_cpu(server.pid) - s0,
                          "wall_s": time.perf_counter() - w0, "triples_written": r.load.triples,
                          "skipped_reports": len(r.skipped), "reports": r.reports}
            print(name, json.dumps(runs[name]), file=sys.stderr)
    finally:
        server.stop()
    load, again = runs["load"], runs["reload unchanged"]
    total = lambda r: r["client_cpu_s"] + r["server_cpu_s"]  # noqa: E731
    res = {"dump": str(dump), "runs": runs,
           "ratio_reload_over_load_cpu": round(total(again) / total(load), 3),
           "ratio_reload_over_load_wall": round(again["wall_s"] / load["wall_s"], 3)}
    print(json.dumps({k: v for k, v in res.items() if k.startswith("ratio")}), file=sys.stderr)
    write_results("load-skip", res)
    m = machine()
    rows = [f"| {name} | {r['client_cpu_s']:.2f} | {r['server_cpu_s']:.2f} | "
            f"{r['client_cpu_s'] + r['server_cpu_s']:.2f} | {r['wall_s']:.2f} | {r['skipped_reports']} of {r['reports']} |"
            for name, r in runs.items()]
    block = [BEGIN, "", f"## Measured by `bench/bench_load_skip.py` ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC)", "",
             f"`kg load` of `{dump.parent.name}/{dump.name}` into a throw-away Neo4j, then again unchanged, then with "
             f"`--reload-all`; {m['cpus']} cores, load average {', '.join(map(str, m['load_average']))}. "
             "CPU = this process + the server JVM. Raw numbers: `bench/results/load-skip.json`.", "",
             "| run | client CPU-s | server CPU-s | total CPU-s | wall s | reports skipped |", "|---|---|---|---|---|---|",
             *rows, "", f"Unchanged reload / load: **{res['ratio_reload_over_load_cpu']}×** CPU, "
             f"{res['ratio_reload_over_load_wall']}× wall.", "", END]
    replace_block(DOC, "\n".join(block), BEGIN, END)


if __name__ == "__main__":
    main()
