"""kg.export's compact set of digests (the build's memory of shared triples)."""

from __future__ import annotations

import random

from kg.export import DigestSet, GraphStats, ReportTriples, merge_reports


def _says_new_once_per_key(ds, seed: int) -> None:
    """``ds.first`` on a random stream of 64-bit keys in batches of 37: True exactly for a
    key's first occurrence; ``len(ds)`` the number of distinct keys."""
    rng = random.Random(seed)
    keys = [rng.getrandbits(64) for _ in range(3000)]  # half of them >= 2**63 (SQLite: signed)
    stream = [rng.choice(keys) for _ in range(20000)]
    seen: set[int] = set()
    for i in range(0, len(stream), 37):
        batch = stream[i : i + 37]
        want = []
        for k in batch:
            want.append(k not in seen)
            seen.add(k)
        assert ds.first(batch) == want
    assert len(ds) == len(seen)


def test_digest_set_says_new_once_per_key_across_bulk_merges():
    _says_new_once_per_key(DigestSet(buffer=64), 5)  # many merges of the recent set into the array


def test_merge_writes_each_shared_line_once_and_counts_subjects():
    shared_a = ("<http://x/g> <http://x/p> \"1\" .\n", "<http://x/h> <http://x/p> \"2\" .\n")
    shared_b = ("<http://x/h> <http://x/p> \"2\" .\n", "<http://x/g> <http://x/q> \"3\" .\n")
    reports = [ReportTriples(path=f"{n}.txt", report=f"http://x/r/{n}", shared=sh, local="", local_triples=0)
               for n, sh in (("a", shared_a), ("b", shared_b))]
    stats = GraphStats()
    chunks = list(merge_reports(reports, stats))
    assert chunks[0].text == "".join(shared_a)
    assert chunks[1].text == shared_b[1]  # the line report a wrote is not written again
    assert chunks[1].graph_text == "".join(shared_b)  # its named graph keeps all it states
    assert stats.triples == 3 and stats.subjects == 2


def test_disk_digest_set_says_new_once_per_key(tmp_path):
    from kg.export import DiskDigestSet

    ds = DiskDigestSet(tmp_path)
    _says_new_once_per_key(ds, 7)
    ds.close()
    assert list(tmp_path.iterdir()) == []  # its SQLite file is gone


def test_merge_on_disk_equals_merge_in_memory_and_reads_part_files(tmp_path):
    from kg.export import spool_lines

    shared_a = ["<http://x/g> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/C> .\n",
                "<http://x/h> <http://x/p> \"二\" .\n"]
    shared_b = ["<http://x/h> <http://x/p> \"二\" .\n", "<http://x/g> <http://x/q> \"三\" .\n"]
    local = ["<http://x/r/a/1> <http://x/p> \"本报告\" .\n"] * 3
    mem = [ReportTriples(path=f"{n}.txt", report=f"http://x/r/{n}", shared=tuple(sh), local="".join(local),
                         local_triples=3) for n, sh in (("a", shared_a), ("b", shared_b))]
    parts = []
    for r in mem:
        part, at = spool_lines(str(tmp_path), list(r.shared), local, piece=2)
        parts.append(ReportTriples(path=r.path, report=r.report, part=part, local_at=at, local_triples=3))
    s1, s2 = GraphStats(), GraphStats()
    a = [(c.text, c.graph_text) for c in merge_reports(mem, s1)]
    b = [(c.text, c.graph_text) for c in merge_reports(parts, s2, disk=True, directory=tmp_path)]
    assert a == b and a[1][0] == shared_b[1] + "".join(local)
    assert (s1.triples, s1.subjects, s1.classes) == (s2.triples, s2.subjects, s2.classes) and s1.triples == 9
    assert list(tmp_path.iterdir()) == []  # each part file removed once its chunk is written
