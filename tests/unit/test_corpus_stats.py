"""corpus_stats.quoted on synthetic reports in the genre's shape."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "corpus_stats", Path(__file__).resolve().parents[2] / "scripts" / "corpus_stats.py"
)
corpus_stats = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus_stats)


def _reports(sentence: str, n: int) -> list[tuple[str, str]]:
    return [(f"r{i}.txt", sentence) for i in range(n)]


def test_a_term_acted_on_alone_across_many_reports_is_a_programme() -> None:
    reps = _reports("深入推进“青禾经验”，完成“青禾普查”工作。", corpus_stats.MIN_ALONE)
    rows = {r[0]: r[1] for r in corpus_stats.quoted(reps)}
    assert rows == {"青禾经验": "Programme", "青禾普查": "Programme"}


def test_too_few_reports_professed_slogans_and_targets_stay_out() -> None:
    few = _reports("深入推进“青禾经验”。", corpus_stats.MIN_ALONE - 1)
    assert corpus_stats.quoted(few) == []
    professed = _reports("坚决做到“青禾维护”，纠治“青禾四风”，化解“青禾楼盘”问题。", 20)
    assert corpus_stats.quoted(professed) == []


def test_list_mates_share_the_verb_before_the_first() -> None:
    reps = _reports("不搞“青禾工程”、“白石工程”，深入实施“红岭行动”和“绿道行动”。", 10)
    assert {r[0] for r in corpus_stats.quoted(reps)} == {"红岭行动", "绿道行动"}


def test_counted_formulas_are_slogans_even_with_a_head() -> None:
    reps = _reports("推进“四个青禾”战略布局，实施“青禾十条”政策。", 5)
    assert [(r[0], r[1]) for r in corpus_stats.quoted(reps)] == [("青禾十条", "Policy")]


def test_a_term_counted_like_a_kind_is_not_a_name() -> None:
    reps = _reports("强力推进三个“青禾工程”，建成首个“白石工厂”，深入推进“红岭行动”。", 10)
    assert {r[0] for r in corpus_stats.quoted(reps)} == {"红岭行动"}
    assert corpus_stats.quoted(_reports("出台外资“20条”，深入实施“20条”。", 10)) == []
