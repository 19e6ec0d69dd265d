"""The rule data shipped in ``kg/loaders/data`` (STYLE.md: extraction rules as data), read
one way by every loader: a light module (no spaCy, no jieba), so that a loader that needs a
list does not import the NLP stack to read it."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator


def data_text(name: str) -> str:
    """The text of ``kg/loaders/data/<name>``."""
    return (importlib.resources.files("kg.loaders") / "data" / name).read_text(encoding="utf-8")


def data_lines(name: str) -> Iterator[str]:
    """The lines of ``kg/loaders/data/<name>`` with their trailing space cut, but blank lines and
    ``#`` comments."""
    for line in data_text(name).splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            yield line
