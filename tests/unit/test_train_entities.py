"""scripts/train_entities.py: which variant the held-out scores let ship."""

from __future__ import annotations






def _row(f1: float) -> dict:
    return {"entities": {"p": f1, "r": f1, "f1": f1}, "Programme": f1, "Policy": f1,
            "relations": {"p": 0.1, "r": 0.1, "f1": 0.1}}


def _result(te, per_key: dict[str, dict[str, float]]) -> dict:
    keys = {k: {v: _row(f) for v, f in rows.items()} for k, rows in per_key.items()}
    return {"keys": keys, "mean": te._means(keys)}


def test_a_combination_ships_only_when_it_wins_held_out_on_the_mean_and_every_key(train_entities):
    te = train_entities
    assert te.decide(_result(te, {"a": {"rules": 0.5, "add": 0.6}, "b": {"rules": 0.4, "add": 0.45}})) == "add"
    # wins the mean by less than the margin
    assert te.decide(_result(te, {"a": {"rules": 0.5, "add": 0.505}, "b": {"rules": 0.4, "add": 0.405}})) == "rules"
    # wins the mean but loses one key clearly
    assert te.decide(_result(te, {"a": {"rules": 0.5, "add": 0.8}, "b": {"rules": 0.4, "add": 0.3}})) == "rules"
    assert te.decide(_result(te, {"a": {"rules": 0.8, "model": 0.3}})) == "rules"


def test_the_table_lists_every_key_and_variant_and_the_means(train_entities):
    te = train_entities
    r = _result(te, {"a": {"rules": 0.5, "add": 0.6}, "b": {"rules": 0.4, "add": 0.45}})
    lines = te.table(r).splitlines()
    assert lines[0].endswith("add")
    assert sum(1 for x in lines if x.startswith("| a |")) == 2
    assert "| **mean** | add | 0.525 |" in te.table(r)
