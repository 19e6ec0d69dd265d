"""The learned head filter's session-9 features (the segmenter's words of the modifier, the head's
productivity, the name's recurrence across bulk reports) and the training script's handling of
head-only training draws. Synthetic names only (青禾/云溪 placeholders)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import kg.loaders.entities as E
from kg.loaders.entities import head_features

ROOT = Path(__file__).resolve().parents[2]


def test_segmenter_words_of_the_modifier():
    f = head_features("公共文化数字平台", "Programme", "打造", "。")
    assert "sw=公共" in f and "sw=文化" in f and "sw=数字" in f
    assert "lastsw=数字" in f and "nsw=3" in f and "singles=0" in f
    assert any(x.startswith("pos=") for x in f) and any(x.startswith("firstpos=") for x in f)
    assert not any(x.startswith("sw=") and "平台" in x for x in f)  # the head is not a modifier word
    # the rarest word: common words get a high bucket
    assert next(x for x in f if x.startswith("minfreq=")) in ("minfreq=3", "minfreq=4", "minfreq=5")
    # characters the dictionary joins to no word: a coined name
    g = head_features("禾溪稷数字平台", "Programme", "打造", "。")
    assert "singles=3" in g and "lastsw=数字" in g


def test_no_place_or_number_as_a_segmenter_word():
    f = head_features("杭州市2024智慧平台", "Programme", "，", "。")
    words = [x for x in f if x.startswith(("sw=", "lastsw="))]
    assert not any("杭州" in x or "2024" in x for x in words)


def test_bare_head_has_no_segmenter_features():
    f = head_features("平台", "Programme", "，", "。")
    assert "bare_head" in f and not any(x.startswith(("sw=", "nsw=", "minfreq=")) for x in f)


def test_head_productivity_bucket():
    f = head_features("青禾服务平台", "Programme", "，", "。")
    prod = next(x for x in f if x.startswith("headprod="))
    assert prod != "headprod=none"  # 平台 is in head_productivity.tsv


def test_recurrence_bucket(monkeypatch):
    monkeypatch.setattr(E, "_head_name_reports", lambda: {"青禾服务平台": 12, "云溪服务中心": 4})
    assert "recur=10" in head_features("青禾服务平台", "Programme", "，", "。")
    assert "recur=10" in head_features("“青禾服务平台”", "Programme", "，", "。")  # quotes stripped
    assert "recur=3" in head_features("云溪服务中心", "Programme", "，", "。")
    assert "recur=none" in head_features("云溪青禾中心", "Programme", "，", "。")


_DOC = """### The sample, seed 21 (commit x)

| # | report | type | name | rule | context | verdict |
|---|---|---|---|---|---|---|
| 1 | r | Programme | 青禾服务平台 | head | 打造青禾服务平台。加 | wrong (kind): generic |
| 2 | r | Place/transport | 云溪大道 | head | 建设云溪大道，推进 | correct |
| 3 | r | Sector | 青禾产业 | list | 发展青禾产业， | correct |

### Training sample, seed 22 (commit z; head-rule rows only)

| # | report | type | name | rule | context | verdict |
|---|---|---|---|---|---|---|
| 1 | r | Programme | 云溪服务平台 | head | 搭建云溪服务平台。完 | wrong: generic |
| 2 | r | Programme | 青禾三年行动 | head | 实施青禾三年行动，推 | correct |
"""


def test_training_draws_of_head_rows_only(train_head_filter):
    mod = train_head_filter
    rows = mod.read_rows(_DOC)
    assert sorted({r[0] for r in rows}) == [21, 22]  # the "Training sample, seed N" heading is read
    assert mod.head_only_seeds(_DOC) == {22}
    # the training draw holds a non-head row (a head:campaign name) yet stays head-only
    rows.append((22, "Programme", "平安青禾", "head:campaign", "建设", "，", 1))
    table = mod.loo(rows, mod.featurise(rows), 3.0, mod.head_only_seeds(_DOC))
    full = {seed: f for seed, *_rest, f in table}
    assert full == {21: True, 22: False}
    # a head-only draw's precision is not a draw's precision: only whole draws enter the mean gain
    k = len(mod.THRESHOLDS) - 1
    gain, share = mod.at_threshold(table, k)
    whole = [t for t in table if t[-1]]
    seed, n, right, _h, _hr, per, _f = whole[0]
    dw, dr = per[k]
    assert abs(gain - ((right - dr) / max(n - dw - dr, 1) - right / n)) < 1e-12
    assert 0.0 <= share <= 1.0


def test_recurrence_script_bad_folder_is_a_clear_error(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("head_name_reports", ROOT / "scripts" / "head_name_reports.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main([str(tmp_path / "missing"), "--out", str(tmp_path / "o.tsv")]) == 2
    err = capsys.readouterr().err
    assert "not a directory" in err and err.count("\n") == 1
    assert not (tmp_path / "o.tsv").exists()
