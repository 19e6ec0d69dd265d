"""Which figure is a plan-year target's outcome: the one rule behind ``kg targets``
(:func:`kg.indicators.link_targets`, over indicator rows) and the links a build writes
(:mod:`kg.links`, over the graph's index tuples).

A candidate outcome is an actual or estimate of the target's year. The outcome is the first
candidate, in the caller's order, of the same government, indicator, year, kind and
normalised unit from another report, never a multi-year figure (a five-year total or average)
for a one-year target; when there is none, the first such candidate of an indicator of the
government whose key starts with the target's key (4 characters at least: the review often
words the indicator longer, "粮食产量首次跃上…" for "粮食产量").
"""

from __future__ import annotations

from collections.abc import Hashable
from operator import itemgetter
from typing import Generic, TypeVar

__all__ = ["OutcomeIndex"]

T = TypeVar("T")

_ORDER = itemgetter(0)
MIN_HEAD = 4
"""Characters a target's key needs before a longer key starting with it may serve."""


class OutcomeIndex(Generic[T]):
    """Candidate outcomes, each added once with its place in the caller's order (``order``,
    smaller first; ties keep the first added) and what the caller gets back (``item``)."""

    def __init__(self) -> None:
        self._exact: dict[tuple, list[tuple[Hashable, str, bool, T]]] = {}
        self._head: dict[tuple, list[tuple[Hashable, str, Hashable, str, bool, T]]] = {}

    def add(self, government: str, indicator: Hashable, key: str, year: int | None, kind: str, unit: str,
            report: str, multi_year: bool, order: Hashable, item: T) -> None:
        """One candidate: ``indicator`` identifies the indicator (its key, or its node's IRI),
        ``key`` is its key, ``multi_year`` says the figure covers more than its year."""
        self._exact.setdefault((government, indicator, year, kind, unit), []).append(
            (order, report, multi_year, item))
        if len(key) >= MIN_HEAD:
            self._head.setdefault((government, year, kind, unit, key[:MIN_HEAD]), []).append(
                (order, key, indicator, report, multi_year, item))

    def best(self, government: str, indicator: Hashable, key: str, year: int | None, kind: str, unit: str,
             report: str, one_year: bool) -> T | None:
        """The outcome of a target of ``report`` (see the module's rule), or None."""
        found = min(((o, item) for o, rep, multi, item in self._exact.get((government, indicator, year, kind, unit), ())
                     if rep != report and not (one_year and multi)), key=_ORDER, default=None)
        if found is None and len(key) >= MIN_HEAD:
            found = min(((o, item) for o, k, ind, rep, multi, item
                         in self._head.get((government, year, kind, unit, key[:MIN_HEAD]), ())
                         if ind != indicator and k.startswith(key) and rep != report and not (one_year and multi)),
                        key=_ORDER, default=None)
        return None if found is None else found[1]
