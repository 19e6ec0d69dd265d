"""Start-up of the analysis, once per process: jieba's default dictionary loaded once, and
the segmenter's automaton (:class:`kg.loaders.nlp.Dictionary`) kept on disk.

jieba's global tokenizer (``jieba.dt``, used by the metadata, structure and glossary
rules) and the segmenter's own tokenizer both load jieba's default dictionary from the
same cache file (``marshal``, ~0.4 CPU-s each). :func:`watch` has the global tokenizer
keep a copy of what it loaded, at the moment it loads it (before anyone can add a word to
it) and of the word-tag table ``jieba.posseg`` read at its import; :func:`take_default`
and :func:`take_tags` hand those copies to the segmenter's tokenizer, which then needs
no load of its own. When the copy is not there (the global tokenizer was loaded before
:func:`watch`, by a custom dictionary, or already handed over) the caller loads as before.

:func:`cached_automaton` keeps a pickled automaton in kg's cache folder
(``$KG_CACHE_DIR/nlp`` or ``~/.cache/kg/nlp``), under a key made of everything it is built
from: the words and weights themselves (``marshal`` version 2 of both frequency tables, so
the key depends on values only), the code that builds it and the versions of Python and
pyahocorasick. Anything else (no cache folder, a file another user owns, a broken file)
builds it as before; nothing here changes what the automaton holds.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_DEFAULT: list[tuple[dict[str, int], int]] = []
"""The copy of jieba's default dictionary (FREQ, total) the global tokenizer loaded."""

_TAGS: list[dict[str, str]] = []
"""A copy of jieba's word → part-of-speech table of the default dictionary file, as
``jieba.posseg`` read it at its import (taken by :func:`take_tags`)."""

_WATCHING: list[bool] = []


def watch() -> None:
    """Have ``jieba.dt`` keep a copy of its default dictionary when it loads it (once per
    process; nothing when it is loaded already)."""
    if _WATCHING:
        return
    import jieba
    import jieba.posseg

    dt = jieba.dt
    _WATCHING.append(True)
    if dt.initialized:
        return
    # nothing was added to the global tokenizer yet (adding a word loads it first), so the
    # global part-of-speech tokenizer's table is still the default file's, as read at import
    pos = jieba.posseg.dt
    if pos.tokenizer is dt and dt.dictionary == jieba.DEFAULT_DICT and not dt.user_word_tag_tab:
        _TAGS.append(dict(pos.word_tag_tab))
    original = dt.initialize

    def initialize(dictionary: Any = None) -> None:
        was = dt.initialized
        original(dictionary)
        if (not was and dt.initialized and not _DEFAULT and dt.dictionary == jieba.DEFAULT_DICT
                and dt.cache_file is None and dt.tmp_dir is None and not dt.user_word_tag_tab):
            _DEFAULT.append((dict(dt.FREQ), dt.total))

    dt.initialize = initialize  # jieba calls self.initialize() from check_initialized


def take_default(tokenizer: Any) -> bool:
    """Give a fresh ``jieba.Tokenizer()`` (jieba's default dictionary, not loaded yet) the
    copy :func:`watch` kept, as if it had loaded it: True when it did (the copy is then
    this tokenizer's own), False when there is none (load it)."""
    import jieba

    if (not _DEFAULT or tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT
            or tokenizer.cache_file is not None or tokenizer.tmp_dir is not None):
        return False
    tokenizer.FREQ, tokenizer.total = _DEFAULT.pop()
    tokenizer.initialized = True
    return True


def take_tags() -> dict[str, str] | None:
    """The word-tag table of jieba's default dictionary file (:data:`_TAGS`), once: what
    ``POSTokenizer.load_word_tag`` would read from that file again."""
    return _TAGS.pop() if _TAGS else None


def cache_folder() -> Path:
    """``$KG_CACHE_DIR/nlp`` or ``$XDG_CACHE_HOME/kg/nlp`` (``~/.cache/kg/nlp``)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"]) / "nlp"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg" / "nlp"


def _key(build: Callable, *parts: Any) -> str:
    import ahocorasick

    h = hashlib.sha256(f"kg-automaton-v1 {sys.version} {getattr(ahocorasick, '__version__', '')}\n".encode())
    code = build.__code__
    h.update(marshal.dumps((code.co_code, code.co_consts, code.co_names), 2))
    for p in parts:
        h.update(marshal.dumps(p, 2))
    return h.hexdigest()[:32]


def cached_automaton(build: Callable, *parts: Any) -> Any:
    """``build(*parts)`` (an ``ahocorasick.Automaton``), from kg's cache folder when an
    automaton built from equal ``parts`` by the same ``build`` is there; built and stored
    otherwise. ``parts`` are plain values (dicts of str → int, ints)."""
    try:
        folder = cache_folder()
        path = folder / f"automaton-{_key(build, *parts)}.pickle"
    except Exception:  # noqa: BLE001 - no home, unmarshallable parts: build
        log.debug("no automaton cache", exc_info=True)
        return build(*parts)
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and not st.st_mode & 0o022:  # only a file of this user's, not writable by others
            with open(path, "rb") as f:
                return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a broken or foreign file: build again
        log.debug("automaton cache %s unreadable", path, exc_info=True)
    auto = build(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".automaton-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(auto, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in folder.glob("automaton-*.pickle"):  # one automaton kept: the last built
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full disk: no cache, same automaton
        log.debug("automaton cache not written", exc_info=True)
    return auto
