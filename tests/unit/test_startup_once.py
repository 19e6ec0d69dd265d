"""Start-up once per process (kg.loaders.jieba_dict): the segmenter's tokenizer gets the copy
of jieba's default dictionary that jieba's global tokenizer loaded (the same words and
total as a load of its own), and the segmenter's automaton comes from kg's cache folder
when one built from equal words by the same code is there (the same automaton)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import ahocorasick

from kg.loaders import jieba_dict
from kg.loaders.nlp import _build_automaton

_FRESH = r"""
import json, jieba
from kg.loaders import jieba_dict
jieba.setLogLevel(60)
jieba_dict.watch()
jieba.dt.check_initialized()
jieba.dt.add_word("青禾云溪湾", freq=2000, tag="ns")   # after the load: not in the copies
import jieba.posseg
list(jieba.posseg.cut("推进青禾云溪湾建设"))             # the global table takes the added word
tags = jieba_dict.take_tags()
fresh = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab
mine = jieba.Tokenizer()
took = jieba_dict.take_default(mine)
again = jieba_dict.take_default(jieba.Tokenizer())        # the copy is handed over once
own = jieba.Tokenizer(); own.initialize()
print(json.dumps({"took": took, "again": again, "same": mine.FREQ == own.FREQ, "total": mine.total == own.total,
                  "items": list(mine.FREQ.items())[:50] == list(own.FREQ.items())[:50],
                  "shared": mine.FREQ is jieba.dt.FREQ, "added": "青禾云溪湾" in mine.FREQ,
                  "initialized": mine.initialized, "tags": tags == fresh and tags is not fresh,
                  "tag_added": "青禾云溪湾" in tags, "global_added": "青禾云溪湾" in jieba.posseg.dt.word_tag_tab,
                  "tags_again": jieba_dict.take_tags()}))
"""


def test_the_segmenters_tokenizer_gets_jiebas_default_dictionary_as_loaded() -> None:
    out = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"took": True, "again": False, "same": True, "total": True, "items": True, "shared": False,
                   "added": False, "initialized": True, "tags": True, "tag_added": False, "global_added": True,
                   "tags_again": None}


def test_no_copy_when_jieba_was_loaded_before_the_watch() -> None:
    code = ("import jieba; jieba.setLogLevel(60); jieba.dt.check_initialized()\n"
            "from kg.loaders import jieba_dict; jieba_dict.watch(); jieba.dt.check_initialized()\n"
            "print(jieba_dict.take_default(jieba.Tokenizer()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


_FREQ = {"青禾": 30, "青禾区": 5, "云溪": 12, "云": 0, "溪湾": 7, "推进": 900, "推": 40}
_FREQ2 = {"青禾": 20, "推进": 800, "建设": 600}


def _pairs(built, text: str) -> list:
    return list(built[0].iter(text[::-1]))


def _same(a, b) -> bool:
    """Two (automaton, one-character weights, second dictionary's) triples hold the same."""
    return sorted(a[0].items()) == sorted(b[0].items()) and a[1:] == b[1:]


def test_the_cached_automaton_is_the_built_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def build(*parts):
        calls.append(1)
        return _build_automaton(*parts)

    text = "推进青禾区云溪湾建设青禾推"
    fresh = _build_automaton(_FREQ, 2000, _FREQ2, 1500)
    first = jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1500)
    files = list((tmp_path / "nlp").glob("automaton-*.pickle"))
    assert len(calls) == 1 and len(files) == 1
    second = jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1500)
    assert len(calls) == 1  # read back, not built
    assert isinstance(second[0], ahocorasick.Automaton)
    assert _pairs(first, text) == _pairs(second, text) == _pairs(fresh, text) != []
    assert _same(second, fresh) and second[1] == {"推": fresh[1]["推"]} and second[2] == {}
    # other words or totals: another key, built again; only the last file kept
    jieba_dict.cached_automaton(build, {**_FREQ, "湾": 3}, 2003, _FREQ2, 1500)
    jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1501)
    assert len(calls) == 3
    assert len(list((tmp_path / "nlp").glob("automaton-*.pickle"))) == 1


def test_a_broken_or_foreign_cache_file_is_built_again(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def build(*parts):
        calls.append(1)
        return _build_automaton(*parts)

    jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1500)
    (path,) = (tmp_path / "nlp").glob("automaton-*.pickle")
    path.write_bytes(b"not a pickle")
    got = jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1500)
    assert len(calls) == 2 and _same(got, _build_automaton(_FREQ, 2000, _FREQ2, 1500))
    os.chmod(path, 0o666)  # writable by others: not trusted
    jieba_dict.cached_automaton(build, _FREQ, 2000, _FREQ2, 1500)
    assert len(calls) == 3


def test_no_cache_folder_still_builds(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker))  # a file, not a folder: nothing can be written
    got = jieba_dict.cached_automaton(_build_automaton, _FREQ, 2000, _FREQ2, 1500)
    assert _same(got, _build_automaton(_FREQ, 2000, _FREQ2, 1500))
