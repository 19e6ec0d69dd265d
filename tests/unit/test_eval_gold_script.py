"""scripts/eval_gold.py: the leave-one-key-out columns and their provenance line."""

from __future__ import annotations






LOO = {
    "shipped": "add",
    "git_commit": "0123456789abcdef",
    "kg_source_fingerprint": "not-the-current-one",
    "time": {"wall_s": 12.5, "cpu_s": 10.0},
    "keys": {
        "key-a": {
            "rules": {"entities": {"p": 0.5, "r": 0.5, "f1": 0.5}, "Programme": 0.4, "Policy": 0.3,
                      "relations": {"p": 0.2, "r": 0.2, "f1": 0.2}},
            "add": {"entities": {"p": 0.6, "r": 0.7, "f1": 0.6462}, "Programme": 0.55, "Policy": None,
                    "relations": {"p": 0.2, "r": 0.2, "f1": 0.2}},
        }
    },
}


def test_loo_cells_show_the_shipped_variant_of_the_key(eval_gold_script):
    eg = eval_gold_script
    assert eg._loo_cells(LOO, "key-a") == ["0.646", "0.550", "–", "0.200"]
    assert eg._loo_cells({**LOO, "shipped": "rules"}, "key-a") == ["0.500", "0.400", "0.300", "0.200"]


def test_loo_cells_are_dashes_for_a_key_without_folds_or_without_results(eval_gold_script):
    eg = eval_gold_script
    assert eg._loo_cells(LOO, "key-b") == ["–"] * 4
    assert eg._loo_cells(None, "key-a") == ["–"] * 4


def test_provenance_names_the_file_commit_and_flags_a_stale_source(tmp_path, eval_gold_script, train_entities):
    eg = eval_gold_script
    line = eg._provenance(LOO, tmp_path / "loo.json")
    assert "variant 'add'" in line and "0123456789" in line and "12.5 s wall" in line
    assert "STALE" in line
    te = train_entities
    fresh = {**LOO, "kg_source_fingerprint": te.source_fingerprint()}
    assert "STALE" not in eg._provenance(fresh, tmp_path / "loo.json")
    assert "no results" in eg._provenance(None, tmp_path / "loo.json")
