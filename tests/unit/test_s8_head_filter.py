"""The learned head filter: its feature function, a tiny synthetic model's decision, and the
training script's determinism. Synthetic names only (青禾/云溪 placeholders)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.loaders.entities import _Found, _head_filter, head_features, head_probability

ROOT = Path(__file__).resolve().parents[2]


def test_features_of_a_candidate():
    f = head_features("青禾智慧服务平台", "Programme", "打造", "。加")
    assert "bias" in f and "type=Programme" in f and "label=Programme" in f
    assert any(x.startswith("head=") and x.endswith("平台") for x in f)  # the longest head word
    assert "left2=打造" in f and "right1=。" in f
    assert "left1=cjk" in f  # a letter of a word before the name
    f2 = head_features("“青禾”三年行动", "Programme", "，", "")
    assert "quote" in f2 and "digit" in f2 and "right1=$" in f2 and "left1=，" in f2


def test_no_place_name_as_a_feature():
    # a division's name inside the candidate gives the class feature, never the name itself
    f = head_features("杭州市青禾产业园", "Place/area", "，", "等")
    assert "place_first" in f and "place_inside" in f
    assert not any("杭州" in x for x in f)


def test_tiny_model_drops_only_low_scored_head_mentions():
    text = "打造青禾服务平台，建设云溪大道。"
    found = [
        _Found("青禾服务平台", 2, 8, "Programme", "head", False),
        _Found("云溪大道", 11, 15, "Place/transport", "head", False),
        _Found("青禾服务平台", 2, 8, "Programme", "list", False),  # another rule: untouched
    ]
    head = next(x for x in head_features("青禾服务平台", "Programme", "打造", "，建") if x.startswith("head="))
    weights = {"bias": 1.0, head: -3.0}
    assert head_probability(weights, head_features("青禾服务平台", "Programme", "打造", "，建")) < 0.5
    kept = _head_filter(found, text, (weights, 0.5, True))
    assert [(f.surface, f.rule) for f in kept] == [("云溪大道", "head"), ("青禾服务平台", "list")]
    assert _head_filter(found, text, (weights, 0.5, False)) == found  # disabled: nothing dropped


def test_shipped_model_follows_the_decision_rule():
    data = json.loads((ROOT / "loaders" / "data" / "head_filter.json").read_text(encoding="utf-8"))
    # on only when the leave-one-draw-out gain clears +0.025 within the 7% budget (docs/LEARNED.md;
    # the key floor is checked by hand with scripts/eval_gold.py before switching it on)
    assert data["enabled"] is (data["loo_mean_gain"] >= 0.025 and data["loo_right_dropped"] <= 0.07)
    assert data["seeds"] and data["rows_sha256"] and 0 < data["threshold"] < 1 and data["l2"] > 0


_DOC = """### The sample, seed 11 (commit x)

| # | report | type | name | rule | context | verdict |
|---|---|---|---|---|---|---|
| 1 | r | Programme | 青禾服务平台 | head | 打造青禾服务平台。加 | wrong (kind): generic |
| 2 | r | Place/transport | 云溪大道 | head | 建设云溪大道，推进 | correct |
| 3 | r | Programme | 青禾三年行动 | head | 实施青禾三年行动，推 | correct |
| 4 | r | Programme | 云溪服务平台 | head | 搭建云溪服务平台。完 | wrong: generic |

### The sample, seed 12 (commit y)

| # | report | type | name | rule | context | verdict |
|---|---|---|---|---|---|---|
| 1 | r | Programme | 云溪服务中心 | head | 建设云溪服务中心，完 | lenient: named |
| 2 | r | Programme | 青禾公共平台 | head | 打造青禾公共平台。加 | wrong |
| 3 | r | Sector | 青禾产业 | list | 发展青禾产业， | correct |
"""


def test_training_reads_tables_and_is_deterministic(train_head_filter, tmp_path):
    mod = train_head_filter
    rows = mod.read_rows(_DOC)
    assert [(r[0], r[2], r[6]) for r in rows][:3] == [(11, "青禾服务平台", 0), (11, "云溪大道", 1), (11, "青禾三年行动", 1)]
    assert rows[1][4:6] == ("建设", "，推")
    doc = tmp_path / "doc.md"
    doc.write_text(_DOC, encoding="utf-8")
    outs = []
    for n in (1, 2):
        out = tmp_path / f"m{n}.json"
        assert mod.main(["--doc", str(doc), "--out", str(out)]) == 0
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    data = json.loads(outs[0])
    assert data["seeds"] == [11, 12] and data["rows"] == 6 and data["enabled"] is False
    # the modifier-free features of the three wrong 平台 rows: the 平台 class weighs against
    assert data["weights"]["right1=。"] < 0 < data["weights"]["bias"]


def test_bad_doc_is_a_clear_error(train_head_filter, tmp_path, capsys):
    mod = train_head_filter
    assert mod.main(["--doc", str(tmp_path / "missing.md"), "--out", str(tmp_path / "o.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
