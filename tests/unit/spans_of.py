"""The names kg's spaCy pipeline finds in a synthetic sentence, by span group (a helper of
the entity unit tests)."""

from __future__ import annotations

from kg.loaders.nlp import make_nlp


def spans_of(text: str, *groups: str) -> dict[str, str]:
    """Every span of ``groups`` in the Doc of ``text``: its text → its label."""
    doc = make_nlp()(text)
    return {s.text: s.label_ for g in groups for s in doc.spans[g]}


def names(text: str) -> dict[str, str]:
    """The entities picked (span group ``kg_entities``)."""
    return spans_of(text, "kg_entities")


def nested(text: str) -> dict[str, str]:
    """The names found inside longer names (``kg_nested``)."""
    return spans_of(text, "kg_nested")


def names_and_nested(text: str) -> dict[str, str]:
    return spans_of(text, "kg_entities", "kg_nested")
