"""kg.export's compact set of digests (the build's memory of shared triples)."""

from __future__ import annotations

import random

from kg.export import DigestSet, GraphStats, ReportTriples, merge_reports


def test_digest_set_says_new_once_per_key_across_bulk_merges():
    rng = random.Random(5)
    keys = [rng.getrandbits(64) for _ in range(3000)]
    stream = [rng.choice(keys) for _ in range(20000)]
    ds, seen = DigestSet(buffer=64), set()  # many merges of the recent set into the array
    for i in range(0, len(stream), 37):
        batch = stream[i : i + 37]
        want = []
        for k in batch:
            want.append(k not in seen)
            seen.add(k)
        assert ds.first(batch) == want
    assert len(ds) == len(seen)


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
