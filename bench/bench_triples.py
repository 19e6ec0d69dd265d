"""What a worker does after the analysis, this tree ("after") against an earlier commit
("before"), side by side in one run: an analysis → its RDF triples → N-Triples lines, each
once, split into the report's own lines and the shared ones (:func:`kg.export.split_lines`;
in the old tree, the same loop over rdflib's ``_nt_row``). CPU seconds over pickled
analyses (made once by this tree, cached), best of ``--repeat`` passes per side (and of
``--rounds`` runs of the two sides, alternately), with the cyclic collector off as in a
worker; the lines of both sides are hashed and must agree. Since s12 the worker calls
:func:`kg.export.report_lines` (blocks of lines the builder wrote whole): measured so.

    .venv/bin/python bench/bench_triples.py [--before 4583fbe] [--repeat 3] [--rounds 1] [FOLDER ...]

Default input: the 28 reports of ../shared/corpus and 8 bulk reports. Results:
bench/results/triples.json. Benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, SHARED, emit, ratio, versions, write_results  # noqa: E402


def _split_old(a, minter):
    """report_triples' loop as it was before kg.export.split_lines (rdflib's _nt_row)."""
    from rdflib.namespace import RDF
    from rdflib.plugins.serializers.nt import _nt_row

    from kg.rdf import analysis_triples

    rep = minter.report_of(a.report)
    triples = analysis_triples(a, minter=minter)
    prefix = rep + "/"
    local, shared, seen, subjects, classes = [], [], set(), set(), Counter()
    for t in triples:
        line = _nt_row(t)
        if line in seen:
            continue
        seen.add(line)
        s = str(t[0])
        if s == rep or s.startswith(prefix):
            local.append(line)
            subjects.add(s)
            if t[1] == RDF.type:
                classes[str(t[2])] += 1
        else:
            shared.append(line)
    return rep, triples, local, shared, subjects, classes


def child(cache: str, repeat: str) -> None:
    import kg
    from kg import export
    from kg.iri import Minter

    split = getattr(export, "split_lines", None) or _split_old
    if hasattr(export, "report_lines"):  # what the worker calls since s12 (blocks of lines as entries)
        def split(a, m):
            r = export.report_lines(a, m)
            return r.report, r.triples, r.local, r.shared, r.subjects, r.classes
    with open(cache, "rb") as f:
        data = pickle.load(f)
    gc.freeze()
    gc.disable()  # as in a worker, which makes a report with the collector off (kg.export.report_triples)
    h, times = hashlib.sha256(), []
    for i in range(int(repeat)):
        cpu = 0.0
        for _, a in data:
            m = Minter.create(None)
            c0 = time.process_time()
            _, _, local, shared, subjects, classes = split(a, m)
            cpu += time.process_time() - c0
            if i == 0:
                h.update("".join(local).encode() + b"\0" + "".join(shared).encode() + b"\0"
                         + repr((len(subjects), sorted(classes.items()))).encode())
        times.append(cpu)
    chars = sum(len(a.report.text.text) for _, a in data)
    emit({"kg": kg.__file__, "chars": chars, "cpu_s": min(times), "all_cpu_s": times, "sha256": h.hexdigest()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--before", default="4583fbe")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=1, help="runs of both sides, alternately (best of them)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    from bench_entities import source_tree
    from run import pick

    from kg.pipeline import analyse, report_paths

    folders = args.folders or [SHARED / "corpus", pick(SHARED / "bulk", 8)]
    key = hashlib.sha256(repr(sorted(str(f) for f in folders)).encode()).hexdigest()[:12]
    cache = CACHE / f"analyses-{key}.pkl"
    if not cache.is_file():
        data = [(str(p), analyse(p)) for p in report_paths(folders)]
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(data))
    src = {"after": None, "before": source_tree(args.before)}
    got: dict = {}
    for _ in range(args.rounds):  # the sides alternately, each its best over the rounds (a shared machine)
        for side in ("after", "before"):
            env = dict(os.environ)
            if src[side] is not None:
                env["PYTHONPATH"] = os.pathsep.join([str(src[side]), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
            proc = subprocess.run([sys.executable, __file__, "--child", str(cache), str(args.repeat)],
                                  capture_output=True, text=True, check=False, env=env)
            if proc.returncode != 0:
                raise SystemExit(proc.stderr[-3000:])
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            r["rounds_cpu_s"] = got.get(side, {}).get("rounds_cpu_s", []) + [r["cpu_s"]]
            r["cpu_s"] = min(r["rounds_cpu_s"])
            r["chars_per_cpu_s"] = r["chars"] / r["cpu_s"]
            got[side] = r
    res = {"folders": [str(f) for f in folders], "before": args.before, "sides": got,
           "same_output": got["after"]["sha256"] == got["before"]["sha256"],
           "after_over_before": ratio(got["before"]["cpu_s"], got["after"]["cpu_s"]),
           "versions": versions("kg-gwr", "rdflib")}
    path = write_results("triples", res)
    for side, r in got.items():
        print(f"{side}: {r['cpu_s']:.2f} CPU-s, {r['chars_per_cpu_s']:,.0f} chars/CPU-s, {r['sha256'][:12]}")
    print(f"after / before: {res['after_over_before']}x; same lines: {res['same_output']}; wrote {path}")


if __name__ == "__main__":
    main()
