"""Quantities scored against the answer keys in ../shared/gold with kg's own scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import load_gold, score
from kg.loaders.quantities import extract_quantities
from kg.model import Analysis
from kg.pipeline import parse

pytestmark = pytest.mark.corpus


def _score(corpus: Path, gold_path: Path, source: str) -> dict:
    report = parse(corpus / source)
    analysis = Analysis(report=report, quantities=extract_quantities(report), extractors=("quantities",))
    return score(analysis, load_gold(gold_path, report.text))["quantities"]


def test_luohu_quantities_meet_the_thresholds(corpus: Path, gold: Path) -> None:
    res = _score(corpus, gold / "luohu_2023.json", "district-luohu-2023.txt")
    assert res["f1"] >= 0.93, res
    f = res["fields"]
    assert f["value"] >= 0.97 and f["unit"] >= 0.97, f
    for name in ("kind", "status", "year", "qualifier"):
        assert f[name] >= 0.93, (name, f)
    assert f["indicator"] >= 0.85, f


def _headline_keys(gold: Path) -> list[Path]:
    out = []
    for p in sorted(gold.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("scope", {}).get("quantities") == "headline":
            out.append(p)
    return out


def test_every_headline_key_has_a_source(corpus: Path, gold: Path) -> None:
    keys = _headline_keys(gold)
    assert keys
    for p in keys:
        assert (corpus / f"{p.stem}.txt").exists(), p


def test_headline_recall_on_every_headline_key(corpus: Path, gold: Path) -> None:
    low = {}
    for p in _headline_keys(gold):
        res = _score(corpus, p, f"{p.stem}.txt")
        if res["r"] < 0.95:
            low[p.stem] = res["r"]
    assert not low, low
