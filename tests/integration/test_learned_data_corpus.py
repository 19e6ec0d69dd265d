"""The learned recogniser's training data, built from the real answer keys and bulk corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.loaders.learned_data import fingerprint, text_digest

pytestmark = pytest.mark.corpus





def test_gold_projection_is_deterministic_and_lands_on_gold_forms(shared: Path, train_entities) -> None:
    te = train_entities
    keys = te.entity_keys(shared / "gold")
    assert len(keys) >= 5
    for key in keys:
        a = te.gold_chunks(key, shared / "corpus")
        b = te.gold_chunks(key, shared / "corpus")
        assert fingerprint(a) == fingerprint(b)
        data = json.loads(key.read_text(encoding="utf-8"))
        forms = {f.strip("“”\"'‘’《》「」『』 \u3000") for e in data["entities"] for f in (e["name"], *e.get("aliases", []))}
        spans = [(c.text[s.start : s.end], s.label) for c in a for s in c.spans]
        assert spans, key.stem
        assert all(surface in forms for surface, _ in spans), key.stem


def test_silver_never_uses_a_report_an_answer_key_is_made_for(shared: Path, train_entities) -> None:
    te = train_entities
    picked = te.silver_reports(shared, 10_000)
    assert picked == sorted(picked) and len(picked) > 50
    key_digests = set()
    for k in (shared / "gold").glob("*.json"):
        src = shared / "corpus" / json.loads(k.read_text(encoding="utf-8"))["source"]
        key_digests.add(text_digest(src.read_text(encoding="utf-8")))
    for p in picked:
        assert text_digest(p.read_text(encoding="utf-8")) not in key_digests, p.name
    assert te.silver_reports(shared, 12) == te.silver_reports(shared, 12)


def test_the_shipped_corpus_statistics_are_what_the_script_computes_from_bulk(
        shared: Path, tmp_path: Path, corpus_stats_script) -> None:
    """loaders/data's corpus statistics are data a documented script makes from ../shared/bulk:
    the files shipped are byte for byte what it computes now (a head added to
    entity_suffixes.tsv without re-running it shows here)."""
    stats = corpus_stats_script
    assert stats.main([str(shared / "bulk"), "--exclude", str(shared / "corpus"), "--out", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.glob("*.tsv"))
    assert made == ["corpus_quoted.tsv", "corpus_sectors.tsv", "head_productivity.tsv"]
    for name in made:
        shipped = (Path(stats.ROOT) / "loaders" / "data" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, f"{name}: re-run scripts/corpus_stats.py"
