"""Training data for kg's learned entity recogniser (``scripts/train_entities.py``).

Two sources, both as character spans of a report's ``Text.text``:

* **gold**: an answer key (``../shared/gold``, format in its GUIDELINES §5) lists each
  entity once with its name and aliases. :func:`project_gold` marks *every* occurrence
  of a name or alias in the text (the key gives contexts only for some), longest form
  first, so a name inside a longer gold name is not marked there (``罗湖`` inside
  ``罗湖区人民医院``); wrapping quotes are never part of a span (the scorer ignores them). Optional entities (``confidence: low``) are neither taught as names
  nor as non-names: their characters are returned as *missing* spans, which the trainer
  leaves unannotated (spaCy's ``-`` tag), because the guidelines make them items an
  annotator could not decide.
* **silver**: what the rules pipeline (:func:`kg.pipeline.analyse`) finds on reports that
  no answer key covers (:func:`silver_spans`).

The recogniser is a spaCy ``ner`` (one label per character, no overlaps), so overlapping
spans are reduced to a non-overlapping set by :func:`non_overlapping` (longest first, then
leftmost). Everything here is deterministic: inputs are sorted, ties broken by offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

LABELS = ("Place", "Organization", "Programme", "Policy", "Sector")

_QUOTES = "“”\"'‘’《》「」『』"


@dataclass(frozen=True, slots=True, order=True)
class Labelled:
    """A labelled character span ``text[start:end]``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of a report's text (a sentence or line) with its spans, offsets relative
    to the chunk. ``missing`` spans are neither entity nor non-entity (not taught)."""

    text: str
    spans: tuple[Labelled, ...] = ()
    missing: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class GoldName:
    """The fields of a gold entity that the projection needs."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    optional: bool = False


# ----------------------------------------------------------------------- projection


def _forms(e: GoldName) -> list[str]:
    """The name and aliases without wrapping quotes (spans never include them)."""
    forms = {f.strip(_QUOTES + " \u3000") for f in (e.name, *e.aliases)}
    return sorted(f for f in forms if f)


def _occurrences(text: str, form: str) -> Iterator[int]:
    i = text.find(form)
    while i >= 0:
        yield i
        i = text.find(form, i + 1)


def non_overlapping(spans: Iterable[Labelled]) -> list[Labelled]:
    """The longest spans first, then the leftmost; a span overlapping a kept one is dropped.
    Returned sorted by offset."""
    kept: list[Labelled] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(set(spans), key=lambda s: (-(s.end - s.start), s.start, s.label)):
        if s.end <= s.start:
            continue
        if any(s.start < e and b < s.end for b, e in taken):
            continue
        kept.append(s)
        taken.append((s.start, s.end))
    return sorted(kept)


def project_gold(text: str, entities: Sequence[GoldName]) -> tuple[list[Labelled], list[tuple[int, int]]]:
    """Every occurrence in ``text`` of every gold name and alias, as non-overlapping
    labelled spans (required entities) and missing ranges (optional entities).

    Optional and required forms compete for the text together (longest first), so an
    optional name inside a longer required one is not marked missing there, and a required
    name inside a longer optional one is left missing (not taught as a name on its own).
    A form that two entities of different types share is taken by the sorted-first one.
    """
    cands: list[tuple[Labelled, bool]] = []
    for e in entities:
        for form in _forms(e):
            for i in _occurrences(text, form):
                cands.append((Labelled(i, i + len(form), e.type), e.optional))
    optional_at = {}
    for lab, opt in cands:
        key = (lab.start, lab.end)
        # a form both required and optional somewhere counts as required
        optional_at[key] = optional_at.get(key, True) and opt
    kept = non_overlapping(lab for lab, _ in cands)
    spans = [s for s in kept if not optional_at[(s.start, s.end)]]
    missing = [(s.start, s.end) for s in kept if optional_at[(s.start, s.end)]]
    return spans, missing


# ---------------------------------------------------------------------------- chunks

_CHUNK_END = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]|[^。！？；!?;\n]+$")
MAX_CHUNK = 400


def chunk_ranges(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentence-like pieces of ``text[lo:hi]`` (ending at 。！？； or a line end), at most
    :data:`MAX_CHUNK` characters (longer ones are cut), blank pieces skipped."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _CHUNK_END.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        while s < e:
            t = min(e, s + MAX_CHUNK)
            if text[s:t].strip():
                out.append((s, t))
            s = t
    return out


def chunks(text: str, spans: Sequence[Labelled], missing: Sequence[tuple[int, int]] = ()) -> list[Chunk]:
    """``text`` cut by :func:`chunk_ranges`, each piece with the spans inside it (a span
    crossing a cut is dropped, and its characters marked missing)."""
    out = []
    spans = sorted(spans)
    for s, e in chunk_ranges(text):
        inside = tuple(Labelled(x.start - s, x.end - s, x.label) for x in spans if s <= x.start and x.end <= e)
        miss = [(max(a, s) - s, min(b, e) - s) for a, b in missing if a < e and s < b]
        miss += [(max(x.start, s) - s, min(x.end, e) - s) for x in spans
                 if x.start < e and s < x.end and not (s <= x.start and x.end <= e)]
        out.append(Chunk(text[s:e], inside, tuple(sorted(miss))))
    return out


# ----------------------------------------------------------------------------- silver


def silver_spans(analysis) -> list[Labelled]:
    """The rules pipeline's entity mentions in an :class:`~kg.model.Analysis`, as
    non-overlapping labelled spans (the entity's type is every mention's label)."""
    found = []
    text = analysis.report.text.text
    for ent in analysis.entities:
        label = str(getattr(ent.type, "value", ent.type))
        for m in ent.mentions:
            if 0 <= m.start < m.end <= len(text):
                found.append(Labelled(m.start, m.end, label))
    return non_overlapping(found)


def text_digest(text: str) -> str:
    """SHA-256 of a text with all whitespace removed (finds the same report in two layouts)."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def fingerprint(chunks_: Iterable[Chunk]) -> str:
    """A digest of training chunks (text, spans, missing) — equal iff the data is equal."""
    h = hashlib.sha256()
    for c in chunks_:
        h.update(c.text.encode("utf-8"))
        h.update(repr((c.spans, c.missing)).encode("utf-8"))
    return h.hexdigest()
