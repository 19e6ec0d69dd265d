"""Session 11 (s11/speed13): the build's per-report path, output unchanged.

- ``kg.export.report_triples`` runs each report with the cyclic collector off and collects
  once at its end; the collector is on again afterwards, also when reports overlap in
  threads, and off stays off.
- ``kg.rdf._ReportBuilder.iri_of`` mints one object per IRI text; a text rdflib would
  refuse goes to rdflib each time, as ``_iri`` does.
- ``kg.export.split_lines`` with IRIs rdflib refuses raises as rdflib does.
- ``kg.loaders.read._CONTROL`` is the set of characters ``_checked`` counted with
  ``unicodedata`` (category Cc, less tab, the line ends and escape).
"""

from __future__ import annotations

import gc
import sys
import threading
import unicodedata

import pytest
from rdflib import Literal, URIRef

from kg import export
from kg.export import split_lines

REP = "https://kg.example.org/report/r1"


def test_collector_back_on_after_reports_in_threads(monkeypatch) -> None:
    seen_off = []
    gate = threading.Barrier(3)

    def fake(*_a, **_k):
        seen_off.append(not gc.isenabled())
        gate.wait(timeout=10)  # three reports at once
        return "done"

    monkeypatch.setattr(export, "_report_triples", fake)
    assert gc.isenabled()
    threads = [threading.Thread(target=export.report_triples, args=("x",)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen_off == [True, True, True]
    assert gc.isenabled()
    assert export._GC_STATE["reports"] == 0


def test_collector_left_off_when_it_was_off(monkeypatch) -> None:
    monkeypatch.setattr(export, "_report_triples", lambda *_a, **_k: "done")
    gc.disable()
    try:
        assert export.report_triples("x") == "done"
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_on_after_a_failing_report(monkeypatch) -> None:
    def boom(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(export, "_report_triples", boom)
    with pytest.raises(RuntimeError):
        export.report_triples("x")
    assert gc.isenabled()


def test_report_cycles_freed_at_its_end(monkeypatch) -> None:
    import weakref

    class Node:
        pass

    refs = []

    def cyclic(*_a, **_k):
        a, b = Node(), Node()
        a.other, b.other = b, a
        refs.append(weakref.ref(a))
        return "done"

    monkeypatch.setattr(export, "_report_triples", cyclic)
    export.report_triples("x")
    assert refs[0]() is None


def _builder():
    from kg.rdf import _ReportBuilder

    b = object.__new__(_ReportBuilder)
    b.minted = {}
    return b


def test_iri_of_one_object_per_text() -> None:
    b = _builder()
    one = b.iri_of(REP + "/span/1-3")
    two = b.iri_of("".join([REP, "/span/1-3"]))  # an equal text, another str object
    assert one is two and type(one) is URIRef and str(one) == REP + "/span/1-3"
    assert b.iri_of(REP + "/span/4-5") is not one


def test_iri_of_refused_text_goes_to_rdflib_each_time() -> None:
    b = _builder()
    bad = REP + "/a b"
    one, two = b.iri_of(bad), b.iri_of(bad)
    assert one == URIRef(bad) and one is not two and bad not in b.minted


def test_split_lines_refuses_a_bad_iri_as_rdflib_does() -> None:
    from rdflib.plugins.serializers.nt import _nt_row

    class _Minter:
        def report_of(self, _report):
            return REP

    class _Analysis:
        report = None

    for t in [(URIRef(REP), URIRef("https://kg.example.org/p"), URIRef(REP + "/x y")),
              (URIRef(REP + "/x y"), URIRef("https://kg.example.org/p"), Literal("a"))]:
        with pytest.raises(Exception) as want:
            _nt_row(t)
        with pytest.raises(type(want.value)):
            split_lines(_Analysis(), _Minter(), [t])


def test_control_characters_are_unicodedatas() -> None:
    from kg.loaders.read import _CONTROL

    want = {chr(c) for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\t\n\r\f\v\x1b"}
    got = {chr(c) for c in range(0x100) if _CONTROL.fullmatch(chr(c))}
    assert got == want
    assert not _CONTROL.search("".join(chr(c) for c in range(0x100, 0x3000)))


def test_has_boundary_as_the_generator_it_replaces() -> None:
    import random

    from kg.loaders.nlp import CandidateFinder

    cf = CandidateFinder()

    def old(t: str) -> bool:
        return len(t) >= 3 and any(t.startswith(b) for b in cf._boundary2 if len(b) >= 2 and len(t) - len(b) >= 1)

    rng = random.Random(13)
    bounds = list(cf._boundary2)
    tails = ["会", "工作", "机制", "", "体系建设", "a"]
    words = [b + t for b in bounds for t in tails] + [b[:-1] for b in bounds] + ["推进", "建立健全", "青禾"]
    words += ["".join(rng.choice(bounds)[: rng.randint(1, 4)] for _ in range(2)) for _ in range(2000)]
    assert any(old(w) for w in words) and not all(old(w) for w in words)
    for w in words:
        assert cf._has_boundary(w) == old(w), w


def test_entity_stage_leaves_no_cyclic_garbage() -> None:
    """extract_entities breaks its Doc's reference cycle: its words, sentence views and spans
    are freed by reference counting, not left to the collector (thousands of objects before)."""
    from kg.loaders.entities import extract_entities
    from kg.pipeline import parse, sample_report

    report = parse(sample_report())
    extract_entities(report)  # the pipeline loaded
    gc.collect()
    gc.disable()
    try:
        entities, _ = extract_entities(report)
        left = gc.collect()
    finally:
        gc.enable()
    assert entities
    assert left < 100
