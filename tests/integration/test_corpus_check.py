"""The corpus check over every real report in ../shared/corpus and ../shared/bulk.

The flagged list is asserted exactly; docs/CORPUS_CHECK.md records each report with the
reason, read by hand: every one is a report whose structure (or source) is in fact wrong.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.checks import flagged

pytestmark = pytest.mark.corpus

FLAGGED = {
    "corpus/county-qianjiang-2024.txt": ["unlinked_footnotes"],
    # bulk/city-2024/county-qianjiang-2024.txt is byte-identical to the corpus copy: inputs
    # with the same checksum are read once (skipped with a warning), so it is not listed
    "bulk/city-2024/city-liuzhou-2024.txt": ["missing_part_heading"],
    "bulk/city-2024/city-luzhou-2024.txt": ["single_part"],
    "bulk/city-2024/city-maanshan-2024.txt": ["missing_part_heading"],
    "bulk/national/national-china-1984.txt": ["no_plan_part"],
}


@pytest.fixture(scope="module")
def flags(shared: Path) -> dict[str, list[str]]:
    if not (shared / "bulk").is_dir():
        pytest.fail(f"the bulk reports are missing: {shared}/bulk (set KG_SHARED)", pytrace=False)
    return {str(Path(f.path).relative_to(shared)): [d.kind for d in f.defects]
            for f in flagged([shared / "corpus", shared / "bulk"])}


def test_corpus_check_flags_exactly_the_reports_with_implausible_structure(flags: dict[str, list[str]]) -> None:
    assert flags == FLAGGED


def test_corpus_check_list_is_the_one_docs_record(flags: dict[str, list[str]]) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "CORPUS_CHECK.md").read_text(encoding="utf-8")
    for path, kinds in flags.items():
        row = next((ln for ln in doc.splitlines() if ln.startswith(f"| `{path}`")), None)
        assert row is not None, f"{path} is not recorded in docs/CORPUS_CHECK.md"
        assert all(k in row for k in kinds), row


def test_kg_parse_check_prints_one_line_per_flagged_report(shared: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "kg", "parse", "--check", str(shared / "corpus"), str(shared / "bulk")],
                       capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr[-2000:]
    printed = sorted(str(Path(ln.split("\t")[0]).relative_to(shared)) for ln in r.stdout.splitlines())
    assert printed == sorted(FLAGGED)
    assert f"{len(FLAGGED)} of " in r.stderr
