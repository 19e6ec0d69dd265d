"""kg's learned entity recogniser: a small spaCy ``ner`` over character tokens.

The model is trained by ``scripts/train_entities.py`` (documented and deterministic; see
``docs/LEARNED.md``) on the answer keys plus silver data from the rules pipeline, and
stored in ``kg/loaders/data/model/`` when it ships. This module

* loads it (:func:`load_model`), runs it over a report's text (:func:`predict_spans`),
  and offers it as a spaCy factory ``kg_learned`` writing ``doc.spans["kg_learned"]``;
* turns its spans into :class:`~kg.model.Entity` records (:func:`entities_from_spans`);
* combines them with the rules pipeline's entities (:func:`combine`): the variants the
  leave-one-key-out comparison measures (rules, model, add, add_disjoint, filter,
  add_filter).

Every mention the model adds keeps its span: ``text[start:end] == surface``.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from kg.loaders.learned_data import LABELS, Labelled, chunk_ranges

log = logging.getLogger(__name__)

SPANS_KEY = "kg_learned"
"""``doc.spans`` key the ``kg_learned`` component writes."""

VARIANTS = ("rules", "model", "add", "add_disjoint", "filter", "add_filter")
"""How :func:`combine` joins model and rules entities:

- ``rules``: the rules pipeline alone; ``model``: the model alone;
- ``add``: rules + every model entity whose name the rules did not find;
- ``add_disjoint``: rules + model entities none of whose mentions overlaps a rules mention;
- ``filter``: rules entities with at least one mention overlapping a model span;
- ``add_filter``: ``filter`` then ``add``.
Relations are kept when both ends are entities of the result (for every variant)."""


def model_dir() -> Path:
    """Where the packaged model lives (it may be absent: then no model ships)."""
    from importlib.resources import files

    return Path(str(files("kg.loaders") / "data" / "model"))


@functools.lru_cache(maxsize=4)
def load_model(path: str | None = None):
    """The stored spaCy pipeline (blank ``zh``, character tokens, one ``ner``)."""
    import spacy

    p = Path(path) if path else model_dir()
    if not (p / "config.cfg").is_file():
        from kg.errors import InputError

        raise InputError(f"{p}: no learned entity model there; train one with scripts/train_entities.py")
    return spacy.load(p)


def predict_spans(nlp, text: str, lo: int = 0, hi: int | None = None, batch_size: int = 64) -> list[Labelled]:
    """The model's entity spans over ``text[lo:hi]``, in text offsets, sorted."""
    ranges = chunk_ranges(text, lo, hi)
    out: list[Labelled] = []
    for (s, _), doc in zip(ranges, nlp.pipe((text[a:b] for a, b in ranges), batch_size=batch_size), strict=True):
        for ent in doc.ents:
            if ent.label_ in LABELS and ent.text.strip():
                out.append(Labelled(s + ent.start_char, s + ent.end_char, ent.label_))
    return sorted(out)


# ---------------------------------------------------------------------- the factory


def _register() -> None:
    from spacy.language import Language

    if "kg_learned" in Language.factories:
        return

    @Language.factory("kg_learned", default_config={"model_path": None}, assigns=["doc.spans"])
    def make_learned(nlp: Language, name: str, model_path: str | None) -> LearnedEntities:
        return LearnedEntities(model_path)


class LearnedEntities:
    """spaCy component: the learned recogniser's spans in ``doc.spans["kg_learned"]``
    (labels: entity types), for a Doc over any text with character tokens."""

    def __init__(self, model_path: str | None = None) -> None:
        self.nlp = load_model(model_path)

    def __call__(self, doc):
        spans = []
        for lab in predict_spans(self.nlp, doc.text):
            span = doc.char_span(lab.start, lab.end, label=lab.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


_register()


# ------------------------------------------------------------------ spans → entities

_WRAP = "“”\"'‘’「」『』《》"


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if not ch.isspace() and unicodedata.category(ch)[0] not in "PC")


def entities_from_spans(text: str, spans: Iterable[Labelled]):
    """One :class:`~kg.model.Entity` per distinct name (punctuation, quotes and width
    ignored); its type is its mentions' most frequent label (ties: :data:`LABELS` order),
    its name the most frequent surface without wrapping quotes."""
    from kg.model import Entity, EntityType, Mention

    groups: dict[str, list[Labelled]] = defaultdict(list)
    for s in spans:
        k = _key(text[s.start : s.end])
        if k:
            groups[k].append(s)
    out = []
    for k in sorted(groups):
        ms = sorted(groups[k])
        labels = Counter(m.label for m in ms)
        label = min(labels, key=lambda lab: (-labels[lab], LABELS.index(lab)))
        surfaces = Counter(text[m.start : m.end].strip(_WRAP) or text[m.start : m.end] for m in ms)
        name = min(surfaces, key=lambda x: (-surfaces[x], -len(x), x))
        mentions = tuple(Mention(text[m.start : m.end], m.start, m.end) for m in ms)
        out.append(Entity(name=name, type=EntityType(label), mentions=mentions))
    out.sort(key=lambda e: (e.mentions[0].start, e.name))
    return tuple(out)


def _names(e) -> set[str]:
    return {k for k in (_key(x) for x in (e.name, *e.aliases)) if k}


def _overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(s < f and e > d for s, e in a for d, f in b)


def combine(analysis, spans: Sequence[Labelled], variant: str):
    """``analysis`` with its entities joined with the model's ``spans`` as ``variant``
    (one of :data:`VARIANTS`); relations kept when both ends are entities of the result."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    text = analysis.report.text.text
    rules = list(analysis.entities)
    model = list(entities_from_spans(text, spans))
    model_ranges = [(s.start, s.end) for s in spans]
    if variant == "rules":
        ents = rules
    elif variant == "model":
        ents = model
    else:
        base = rules
        if variant in ("filter", "add_filter"):
            base = [e for e in rules if _overlaps([(m.start, m.end) for m in e.mentions], model_ranges)]
        ents = list(base)
        if variant in ("add", "add_disjoint", "add_filter"):
            known = set().union(*(_names(e) for e in rules)) if rules else set()
            rule_ranges = [(m.start, m.end) for e in rules for m in e.mentions]
            for e in model:
                if _names(e) & known:
                    continue
                if variant == "add_disjoint" and _overlaps([(m.start, m.end) for m in e.mentions], rule_ranges):
                    continue
                ents.append(e)
    names = set().union(*(_names(e) for e in ents)) if ents else set()
    rels = tuple(r for r in analysis.relations if _key(r.subject) in names and _key(r.object) in names)
    return replace(analysis, entities=tuple(ents), relations=rels)
