"""`kg build` over worker processes: the same bytes as one worker, every dump format from
one stream, VoID counted without holding the graph (synthetic fixture reports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import VOID

from kg.export import GraphStats, build_dump, merge_reports, report_triples

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORTS = [FIXTURES / "rdf-qinghe-2023.txt", FIXTURES / "rdf-qinghe-2024.txt"]
FIXED = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[tuple[str, int], Path]:
    """N-Triples and Turtle on one worker (in this process) and on two worker processes."""
    root = tmp_path_factory.mktemp("parallel")
    os.environ.update(FIXED)
    out = {}
    for fmt in ("nt", "ttl"):
        for workers in (1, 2):
            d = root / f"{fmt}-{workers}"
            s = build_dump(REPORTS, d, fmt, workers=workers)
            assert s.workers == workers
            out[fmt, workers] = d
    return out


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_two_workers_write_the_same_bytes_as_one(builds, fmt):
    for name in (f"graph.{fmt}", "void.ttl"):
        assert (builds[fmt, 1] / name).read_bytes() == (builds[fmt, 2] / name).read_bytes(), name


def test_turtle_written_by_pyoxigraph_holds_the_ntriples(builds):
    nt = {q.triple for q in ox.parse(path=str(builds["nt", 1] / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)}
    ttl = {q.triple for q in ox.parse(path=str(builds["ttl", 1] / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert nt == ttl and len(nt) > 1000
    # each triple once in the stream (shared government/place triples are not repeated)
    lines = (builds["nt", 1] / "graph.nt").read_text("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(nt)


def test_void_counts_match_the_dump_without_a_subject_set(builds):
    g = Graph().parse(builds["nt", 2] / "graph.nt", format="nt")
    expect = GraphStats.of(g)
    void = Graph().parse(builds["nt", 2] / "void.ttl")
    assert [int(o) for o in void.objects(None, VOID.triples)] == [expect.triples]
    assert [int(o) for o in void.objects(None, VOID.distinctSubjects)] == [expect.subjects]


@pytest.mark.parametrize("fmt,rdf_format", [("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)])
def test_named_graph_dumps_hold_each_report_whole(builds, tmp_path, fmt, rdf_format):
    s = build_dump(REPORTS, tmp_path, fmt, workers=1)
    quads = list(ox.parse(path=str(tmp_path / f"graph.{fmt}"), format=rdf_format))
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {iri for _, iri in s.reports}
    nt = {q.triple for q in ox.parse(path=str(builds["nt", 1] / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)}
    assert {q.triple for q in quads} == nt
    # a shared node (the government) is described in the graph of each of its reports
    gov = {q.graph_name.value for q in quads if q.predicate.value.endswith("#type")
           and q.object.value.endswith("#Government")}
    assert gov == graphs


def test_the_per_report_function_is_the_same_in_another_process(tmp_path):
    """Same bytes in, same N-Triples out, whatever the process and its hash seed."""
    here = report_triples(str(REPORTS[0]))
    code = ("import sys, pickle; from kg.export import report_triples; "
            f"sys.stdout.buffer.write(pickle.dumps(report_triples({str(REPORTS[0])!r})))")
    import pickle

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    there = pickle.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, env=env).stdout)
    assert here == there
    assert here.shared and here.local
    stats = GraphStats()
    first, second = merge_reports([here, here], stats)
    assert first.text == "".join(here.shared) + here.local
    assert second.text == here.local  # shared triples are written once per build


def test_workers_analyse_with_the_builds_kg_not_one_in_the_current_directory(builds, tmp_path):
    """Run from a folder that holds another ``kg`` (a checkout, an old tree), the workers
    import the ``kg`` the build runs, not that one (Python 3.11's forkserver looked in the
    current directory first)."""
    fake = tmp_path / "kg"
    fake.mkdir()
    # it imports (as a checkout would), and says so
    (fake / "__init__.py").write_text("from pathlib import Path\nPath(__file__).with_name('IMPORTED').touch()\n",
                                      encoding="utf-8")
    kg_cli = Path(sys.executable).parent / "kg"
    out = tmp_path / "out"
    done = subprocess.run([str(kg_cli), "build", *map(str, REPORTS), "-o", str(out), "-f", "nt", "--no-validate",
                           "-j", "2"], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **FIXED})
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (fake / "IMPORTED").exists()
    assert (out / "graph.nt").read_bytes() == (builds["nt", 1] / "graph.nt").read_bytes()


def test_a_failed_parallel_build_leaves_no_part_files(tmp_path, monkeypatch):
    """Workers write each report's lines into part files beside the output; a build that
    stops on a bad report removes them (and the digests' database) with its other temporaries."""
    from kg.errors import KgError

    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KgError, match="empty"):
        build_dump([*REPORTS, bad], out, "nt", workers=2)
    assert list(out.iterdir()) == []
    assert [p.name for p in (tmp_path / "tmp").iterdir() if p.name.startswith("kg-")] == []  # (jieba caches there)


def test_a_parallel_build_to_stdout_writes_the_same_bytes_and_leaves_no_part_files(builds, tmp_path, monkeypatch,
                                                                                   capfdbinary):
    import tempfile

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    build_dump(REPORTS, "-", "nt", workers=2)
    assert capfdbinary.readouterr().out == (builds["nt", 1] / "graph.nt").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kg-")] == []
