"""Same input, same graph: two builds in different processes (different PYTHONHASHSEED,
different working directories) write byte-identical N-Triples."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgrun import REPORT_A, REPORT_B, kg, succeeds


def _build(inputs: list[Path], workdir: Path, seed: str) -> bytes:
    workdir.mkdir(parents=True)
    r = kg("build", *inputs, "--out", "out", "--format", "nt", "--no-validate", cwd=workdir,
           env={"PYTHONHASHSEED": seed})
    succeeds(r)
    return (workdir / "out" / "graph.nt").read_bytes()


def _first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.decode().splitlines(), b.decode().splitlines()
    only_a, only_b = sorted(set(la) - set(lb)), sorted(set(lb) - set(la))
    return f"{len(only_a)} lines only in the first, {len(only_b)} only in the second; e.g. {only_a[:2]} / {only_b[:2]}"


def test_two_builds_of_a_report_with_a_glossary_under_different_hash_seeds_are_identical(tmp_path: Path) -> None:
    inputs = [REPORT_A.resolve(), REPORT_B.resolve()]  # A has a glossary (有关名词解释)
    one = _build(inputs, tmp_path / "one", "1")
    two = _build(inputs, tmp_path / "elsewhere" / "two", "4242")
    assert one == two, _first_difference(one, two)


@pytest.mark.corpus
def test_two_builds_of_real_reports_with_glossaries_are_identical(corpus: Path, tmp_path: Path) -> None:
    inputs = [corpus / "district-luohu-2023.txt", corpus / "province-sichuan-2026.txt"]
    for f in inputs:
        assert "名词解释" in f.read_text(encoding="utf-8"), f"{f.name} no longer holds a glossary"
    one = _build(inputs, tmp_path / "one", "0")
    two = _build(inputs, tmp_path / "elsewhere" / "two", "31337")
    assert one == two, _first_difference(one, two)
