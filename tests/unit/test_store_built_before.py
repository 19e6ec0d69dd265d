"""A store built by an older kg lacks statements the build now writes for the library
queries (kg:nameBigram, per-section counts): an empty answer that reads them says so."""

from __future__ import annotations

import logging

import pyoxigraph as ox

from kg.store import run_query
from kg.vocab import PREFIXES

KG = PREFIXES["kg"]
Q = 'SELECT ?p WHERE { ?p kg:nameBigram "新区" }'


def _store(*quads: ox.Quad) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def _place(name: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode("https://example.org/place/1"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                   ox.Literal(name, language="zh"))


def test_an_empty_answer_from_an_old_store_is_named(caplog):
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        assert run_query(_store(_place("滨江新区")), Q).rows == ()
    assert any("kg:nameBigram" in r.getMessage() and "rebuild" in r.getMessage() for r in caplog.records)


def test_an_empty_answer_from_a_current_store_is_just_empty(caplog):
    bigram = ox.Quad(ox.NamedNode("https://example.org/place/1"), ox.NamedNode(f"{KG}nameBigram"), ox.Literal("滨江"))
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        assert run_query(_store(_place("滨江"), bigram), Q).rows == ()
    assert not caplog.records


def test_an_answer_with_rows_is_not_checked(caplog):
    bigram = ox.Quad(ox.NamedNode("https://example.org/place/1"), ox.NamedNode(f"{KG}nameBigram"), ox.Literal("新区"))
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        assert len(run_query(_store(bigram), Q).rows) == 1
    assert not caplog.records
