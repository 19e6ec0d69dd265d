"""`kg serve` vs `kg sparql` in-process: every library query over HTTP (client → server on
127.0.0.1, SPARQL 1.1 Protocol, JSON results read in full) against the same query run by
kg.store.run_query on the same store already open in this process (what `kg sparql` does
after it has started). Queries alternate between the two sides, ``--repeat`` times each.

Reports per query the median of each side, and over all requests the p50 and p95 of each
side and their ratio (HTTP / in-process); checks that both sides give the same number of
rows. Writes bench/results/serve.json.

    .venv/bin/python bench/bench_serve.py --store DIR [--repeat 7] [--workers 2]

Without --store, the store is built once from ../shared/corpus with kg.export.build_dump
and cached in $KG_BENCH_CACHE (default /tmp/kg-bench/serve-corpus).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, SHARED, ratio, table, versions, write_results  # noqa: E402

from kg.serve.library import json_rows  # noqa: E402


def _store(args: argparse.Namespace) -> Path:
    if args.store:
        return Path(args.store)
    out = CACHE / "serve-corpus"
    if not (out / "store").is_dir():
        from kg.export import build_dump

        build_dump([args.corpus], out, "ttl", store=out / "store")
    return out / "store"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _p(values: list[float], q: float) -> float:
    xs = sorted(values)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def _canon(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True, default=str) for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store")
    ap.add_argument("--corpus", default=str(SHARED / "corpus"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from kg.store import library_queries, open_store, run_query

    store_dir = _store(args)
    port = _free_port()
    kg = Path(sys.executable).with_name("kg")
    server = subprocess.Popen([str(kg), "serve", "--store", str(store_dir), "--port", str(port),
                               "--workers", str(args.workers), "--timeout", "600", "--max-rows", "10000000"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit(server.communicate()[1])
                time.sleep(0.2)
        store = open_store(store_dir)
        queries = library_queries()
        http: dict[str, list[float]] = {n: [] for n in queries}
        local: dict[str, list[float]] = {n: [] for n in queries}
        rows: dict[str, tuple[int, int]] = {}
        same_rows: dict[str, bool] = {}
        for i in range(args.repeat + 1):  # the first round warms both sides and is not counted
            for name, text in queries.items():
                sides = ("http", "local") if i % 2 == 0 else ("local", "http")
                for side in sides:
                    t0 = time.perf_counter()
                    if side == "http":
                        req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": text}).encode(),
                                                     headers={"Accept": "application/sparql-results+json"})
                        with urllib.request.urlopen(req, timeout=600) as resp:
                            doc = json.loads(resp.read())
                        took = time.perf_counter() - t0
                        if i:
                            http[name].append(took)
                    else:
                        result = run_query(store, text)
                        took = time.perf_counter() - t0
                        if i:
                            local[name].append(took)
                if i == 0:  # the same rows, value for value (as multisets)
                    rows[name] = (len(doc["results"]["bindings"]), len(result.rows))
                    same_rows[name] = _canon(json_rows(doc)) == _canon([dict(r) for r in result.rows])
    finally:
        server.terminate()
        server.wait(30)

    all_http = [t for ts in http.values() for t in ts]
    all_local = [t for ts in local.values() for t in ts]
    per_query = []
    for name in queries:
        mh, ml = statistics.median(http[name]), statistics.median(local[name])
        per_query.append([name, rows[name][1], ml * 1000, mh * 1000, ratio(mh, ml)])
    print(table(per_query, ["query", "rows", "in-process ms", "HTTP ms", "HTTP/in-process"]))
    summary = {
        "p50_in_process_ms": round(_p(all_local, 0.5) * 1000, 2), "p50_http_ms": round(_p(all_http, 0.5) * 1000, 2),
        "p95_in_process_ms": round(_p(all_local, 0.95) * 1000, 2), "p95_http_ms": round(_p(all_http, 0.95) * 1000, 2),
    }
    summary["p95_ratio"] = ratio(summary["p95_http_ms"], summary["p95_in_process_ms"])
    summary["p50_ratio"] = ratio(summary["p50_http_ms"], summary["p50_in_process_ms"])
    same = all(same_rows.values()) and all(a == b for a, b in rows.values())
    print(f"\nrequests: {len(all_http)} per side; p50 {summary['p50_in_process_ms']} ms in-process vs "
          f"{summary['p50_http_ms']} ms HTTP; p95 {summary['p95_in_process_ms']} ms vs {summary['p95_http_ms']} ms "
          f"→ p95 ratio {summary['p95_ratio']} (target ≤ 1.5); same rows on both sides: {same}")
    path = write_results("serve", {
        "store": str(store_dir), "repeat": args.repeat, "workers": args.workers, "same_rows": same,
        "summary": summary,
        "queries": [dict(zip(["query", "rows", "in_process_ms", "http_ms", "ratio"], r)) for r in per_query],
        "versions": versions("pyoxigraph", "starlette", "uvicorn"),
    })
    print(f"wrote {path}")
    if not same:
        raise SystemExit("the endpoint and kg sparql gave different rows: "
                         + ", ".join(n for n, ok in same_rows.items() if not ok))


if __name__ == "__main__":
    main()
