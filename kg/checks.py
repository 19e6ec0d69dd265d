"""The corpus check: reports whose structure parsed but cannot be right.

A report that parses with exit 0 and no defect can still be wrong in a way no score
shows: a missed part heading leaves figures outside every part, a plan part whose
heading was lost turns targets into actuals. :func:`check_report` lists the implausible
structures of one report (as :class:`~kg.model.Defect`); :func:`check_paths` runs it over
files and folders. ``kg parse --check`` prints one line per flagged report.

The checks (each a ``Defect.kind``):

- ``single_part``, ``missing_part_heading``: a text with numbered headings read as one
  part, or a part whose heading was lost, so roles and years rest on guesses. (A text
  with no heading at all, parsed as one part, or whose parts are inferred from its
  section numbering and the plan's opening paragraph, is not flagged: the parser's
  ``no_parts`` defect records it; ``no_plan_part`` catches inferred parts with no plan);
- ``part_order``: part numerals that do not run 一、二、三…, or a review after a plan;
- ``plan_in_review``: a review part holds the paragraph that opens the year's plan
  ("今年…主要预期目标是"), so the targets after it would read as results;
- ``figures_outside_parts``: figures in the body outside every part;
- ``no_plan_part``: no part plans the coming year, so its targets read as actuals;
- ``plan_without_targets``: a plan part with no target in it;
- ``empty_glossary``: a glossary heading with no entries under it;
- ``unlinked_footnotes``: footnote marks in the body with no notes;
- ``not_a_report``: the text is not a government work report.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Defect, PartRole, Quantity, Report, Status
from kg.vocab import DefectKind

log = logging.getLogger(__name__)

STRUCTURE_KINDS = (
    DefectKind.NOT_A_REPORT,
    DefectKind.SINGLE_PART,
    DefectKind.MISSING_PART_HEADING,
    DefectKind.PART_ORDER,
    DefectKind.PLAN_IN_REVIEW,
    DefectKind.FIGURES_OUTSIDE_PARTS,
    DefectKind.EMPTY_GLOSSARY,
    DefectKind.UNLINKED_FOOTNOTES,
)
"""Defects the parser records that make a report's structure implausible."""
CHECK_KINDS = (*STRUCTURE_KINDS, DefectKind.NO_PLAN_PART, DefectKind.PLAN_WITHOUT_TARGETS)
"""Every kind :func:`check_report` can flag, in the order flags are printed (the codes
are the ontology's ``kg:DefectKind`` notations, :class:`kg.vocab.DefectKind`)."""

_PLAN_ROLES = (PartRole.PLAN, PartRole.FIVE_YEAR_PLAN)


@dataclass(frozen=True, slots=True)
class Flag:
    """One flagged report: its path and the implausible structures found in it."""

    path: str
    defects: tuple[Defect, ...]

    @property
    def reason(self) -> str:
        """The flag as one line: kinds, then the first message of each kind."""
        return "; ".join(f"{d.kind}: {d.message}" for d in self.defects)


def check_report(report: Report, quantities: Iterable[Quantity] | None = None) -> tuple[Defect, ...]:
    """The implausible structures of ``report``, ordered by kind (empty when plausible).

    ``quantities`` are the report's extracted quantities (extracted here when None);
    they tell whether a plan part holds any target.
    """
    found: dict[DefectKind, Defect] = {}
    for d in report.defects:
        kind = DefectKind(d.kind)  # a kind the ontology does not define raises vocab.UnknownCode
        if kind in STRUCTURE_KINDS and kind not in found:
            found[kind] = d
    if DefectKind.NOT_A_REPORT not in found and len(report.parts) >= 2:
        plans = [p for p in report.parts if p.role in _PLAN_ROLES]
        if not plans:
            last = report.parts[-1]
            found[DefectKind.NO_PLAN_PART] = Defect(
                DefectKind.NO_PLAN_PART, "no part plans the coming year (roles: "
                + ", ".join(p.role.value for p in report.parts) + ")", last.heading_start, last.end)
        else:
            if quantities is None:
                from kg.loaders.quantities import extract_quantities

                quantities = extract_quantities(report)
            targets = [q for q in quantities if q.status == Status.TARGET]
            in_plans = [p for p in plans if any(p.heading_start <= q.start < p.body_end for q in targets)]
            if not in_plans:
                p = plans[0]
                found[DefectKind.PLAN_WITHOUT_TARGETS] = Defect(
                    DefectKind.PLAN_WITHOUT_TARGETS, f"no target found in the plan part{'s' if len(plans) > 1 else ''} "
                    f"({p.number}. {p.title or '(untitled)'!s})", p.heading_start, p.end)
    return tuple(found[k] for k in CHECK_KINDS if k in found)


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, tuple[Defect, ...]]]:
    """Every report under ``paths`` (files or folders) with its implausible structures."""
    from kg import pipeline

    for path in pipeline.report_paths(paths):
        report = pipeline.parse(path)
        yield path, check_report(report)


def flagged(paths: Iterable[str | os.PathLike[str]]) -> list[Flag]:
    """The reports under ``paths`` whose structure is implausible, in path order."""
    return [Flag(str(p), ds) for p, ds in check_paths(paths) if ds]
