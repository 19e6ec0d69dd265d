"""kg's fast term constructors and N-Triples writer give what rdflib gives."""

from __future__ import annotations

import logging

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.serializers.nt import _nt_row

from kg.export import _nt_rows
from kg.rdf import _iri, _lit, _plain, zh

TEXTS = ["", "abc", "全市地区生产总值增长5%", 'a "quoted"\nline\r\\end', "1", "true", " 两端 ", "\ud7ff\ue000"]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_literals_equal_rdflibs(text):
    for ours, theirs in ((_plain(text), Literal(text)), (_lit(text), Literal(text)),
                         (_plain(text, "zh"), Literal(text, lang="zh"))):
        assert type(ours) is Literal
        assert ours == theirs and hash(ours) == hash(theirs)
        assert (str(ours), ours.value, ours.language, ours.datatype, ours.ill_typed) == (
            str(theirs), theirs.value, theirs.language, theirs.datatype, theirs.ill_typed)
    assert zh(text or "x") == Literal(text or "x", lang="zh")


def test_iri_is_rdflibs_uriref_and_warns_like_it(caplog):
    good = "https://kg.example.org/gov/某市人民政府/place/某区"
    assert type(_iri(good)) is URIRef and _iri(good) == URIRef(good)
    with caplog.at_level(logging.WARNING, logger="rdflib.term"):
        bad = _iri("https://kg.example.org/a b")
    assert type(bad) is URIRef and "does not look like a valid URI" in caplog.text


def test_nt_rows_are_rdflibs_lines():
    s, p = URIRef("https://kg.example.org/report/x"), URIRef("https://kg.example.org/ontology#label")
    objects = [URIRef("https://kg.example.org/o"), Literal(3), Literal(True), Literal("2024-01-01", datatype=XSD.date),
               Literal("1.50", datatype=XSD.decimal), *(Literal(t) for t in TEXTS), *(Literal(t, lang="zh") for t in TEXTS),
               BNode("b1")]
    triples = [(s, p, o) for o in objects] + [(BNode("b2"), p, objects[0]), (s, URIRef("https://kg.example.org/q"), objects[1])]
    assert _nt_rows(triples) == [_nt_row(t) for t in triples]


def test_nt_rows_refuse_a_bad_iri_as_rdflib_does():
    t = (URIRef("https://kg.example.org/a b"), URIRef("https://kg.example.org/p"), Literal("x"))
    with pytest.raises(Exception, match="does not look like a valid URI"):
        _nt_row(t)
    with pytest.raises(Exception, match="does not look like a valid URI"):
        _nt_rows([t])


def test_chunk_writes_its_text_in_pieces_as_utf8():
    import io

    from kg.export import Chunk

    c = Chunk("https://kg.example.org/report/x", "<a> <b> \"共享\" .\n", local="<c> <d> \"本报告的句子\" .\n" * 5)
    out = io.BytesIO()
    c.write_utf8(out, piece=7)
    assert out.getvalue() == c.text.encode("utf-8") == (c.new + c.local).encode("utf-8")
