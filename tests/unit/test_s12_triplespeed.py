"""s12/triplespeed: the builder writes the lines of spans, sentences and mentions whole
(:class:`kg.rdf.Block`); what the worker writes from them must be what writing every
triple line by line writes (:func:`kg.export.split_lines` given the triples), on the
synthetic reports and on edge cases (text with characters N-Triples escapes, spans at the
ends of the text, rules, IRIs rdflib refuses)."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row

from kg.export import report_lines, split_lines
from kg.iri import Minter
from kg.model import Analysis, Mention
from kg.rdf import _integer, _lit, _mention_head, _span_block, analysis_triples, nt_text

_spec = importlib.util.spec_from_file_location(
    "rdf_synthetic", Path(__file__).resolve().parent.parent / "fixtures" / "rdf_synthetic.py"
)
syn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(syn)

M = Minter.create("https://kg.example.org/")


def _same_as_line_by_line(a: Analysis) -> None:
    got = report_lines(a, M)
    rep, triples, local, shared, subjects, classes = split_lines(a, M, list(got.triples))  # no blocks: line by line
    assert got.blocks, "the builder wrote no block"
    assert got.report == rep
    assert got.local_lines() == local
    assert "".join(got.local) == "".join(local)
    assert got.local_count == len(local) == "".join(got.local).count("\n")
    assert (got.shared, got.subjects, got.classes) == (shared, subjects, classes)
    assert split_lines(a, M)[2] == local  # the public function: one line an entry, as before


@pytest.mark.parametrize("make", [syn.analysis_2023, syn.analysis_2024])
def test_blocks_write_what_line_by_line_writing_writes(make) -> None:
    _same_as_line_by_line(make())


def test_blocks_at_the_ends_of_the_text_and_with_escaped_rules() -> None:
    a = syn.analysis_2023()
    n = len(a.report.text.text)
    e = a.entities[0]
    extra = (Mention(a.report.text.text[:2], 0, 2, rule='r"1\\x\nz\r'),  # no prefix; a rule to escape
             Mention(a.report.text.text[n - 2 :], n - 2, n, rule=None),  # no suffix, no rule
             Mention(a.report.text.text[n - 2 :], n - 2, n, rule="again"))  # the same span again
    a = replace(a, entities=(replace(e, mentions=e.mentions + extra), *a.entities[1:]))
    _same_as_line_by_line(a)
    assert any('r\\"1\\\\x\\nz\\r' in x for x in report_lines(a, M).local)


def test_a_quote_with_characters_to_escape_is_written_as_rdflib_writes_it() -> None:
    span = URIRef("https://kg.example.org/report/r/span/0-4")
    rep, pos, quote = (URIRef(f"https://kg.example.org/report/r{x}") for x in ("", "/span/0-4/position", "/span/0-4/quote"))
    exact, prefix, suffix = 'a"b\\', "前\n", "后\r"
    block = _span_block(span, rep, 0, 4, pos, quote, None, None, (3, 9), exact, prefix, suffix)
    quote_lines = [_nt_row((quote, URIRef("http://www.w3.org/ns/oa#" + p), _lit(t)))
                   for p, t in (("exact", exact), ("prefix", prefix), ("suffix", suffix))]
    assert block.text.endswith("".join(quote_lines))
    assert block.lines == block.text.count("\n") == 15
    assert nt_text('x"\\\n\r') == 'x\\"\\\\\\n\\r'


def test_an_iri_rdflib_refuses_is_left_to_the_line_by_line_writer() -> None:
    bad = URIRef("https://kg.example.org/report/r/mention/0-2/a b")
    assert _mention_head(bad, URIRef("https://kg.example.org/gov/x")) is None
    good = URIRef("https://kg.example.org/report/r/mention/0-2/ab")
    assert _mention_head(good, URIRef("https://kg.example.org/gov/x y")) is None
    assert _mention_head(good, URIRef("https://kg.example.org/gov/x")).lines == 4


@pytest.mark.parametrize("value", [0, 7, -3, 1 << 70])
def test_integer_literals_are_rdflibs(value: int) -> None:
    ours, theirs = _integer(value), Literal(value)
    assert type(ours) is Literal and ours == theirs and hash(ours) == hash(theirs)
    assert (str(ours), ours.value, ours.datatype, ours.language, ours.ill_typed) == (
        str(theirs), theirs.value, theirs.datatype, theirs.language, theirs.ill_typed)
    assert _nt_row((URIRef("urn:s"), URIRef("urn:p"), ours)) == _nt_row((URIRef("urn:s"), URIRef("urn:p"), theirs))


def test_analysis_triples_are_unchanged_by_the_blocks() -> None:
    a = syn.analysis_2024()
    assert analysis_triples(a, minter=M) == report_lines(a, M).triples
