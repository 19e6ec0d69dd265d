"""kg.export.split_lines in one pass (s9/speed11) against the two-pass version it
replaces (kept here verbatim): the same lines, in the same order, the same subjects
and class counts, on synthetic triples with repeats, interleaved subjects and terms
rdflib writes itself."""

from __future__ import annotations

import random
from collections import Counter

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.export import _nt_rows, split_lines

REP = "https://kg.example.org/report/r1"


class _Minter:
    def report_of(self, _report):
        return REP


class _Analysis:
    report = None


def _two_pass(triples):
    prefix = REP + "/"
    local, shared, seen, subjects, classes = [], [], set(), set(), Counter()
    for t, line in zip(triples, _nt_rows(triples)):
        if line in seen:
            continue
        seen.add(line)
        s = str.__str__(t[0])
        if s == REP or s.startswith(prefix):
            local.append(line)
            subjects.add(s)
            if t[1].__class__ is URIRef and str.__eq__(t[1], str(RDF.type)):
                classes[str(t[2])] += 1
        else:
            shared.append(line)
    return local, shared, subjects, classes


def _triples(rng: random.Random, n: int):
    subjects = [URIRef(REP), URIRef(REP + "/span/1-3"), URIRef(REP + "/sentence/0-9"),
                URIRef("https://kg.example.org/gov/某市人民政府"), URIRef(REP + "x"), BNode("b1")]
    preds = [RDF.type, URIRef("https://kg.example.org/ontology#start"),
             URIRef("http://www.w3.org/ns/oa#exact")]
    objects = [URIRef("https://kg.example.org/ontology#Report"), URIRef(REP),
               Literal(3), Literal("全年增长5%左右"), Literal("某市", lang="zh"),
               Literal('引号"与\\斜杠\n换行\r'), Literal("2024", datatype=XSD.gYear), BNode("b2")]
    out = []
    while len(out) < n:
        # runs of one subject object, as the builder makes them; sometimes an equal copy
        s = rng.choice(subjects)
        if rng.random() < 0.2 and isinstance(s, URIRef):
            s = URIRef(str(s))
        for _ in range(rng.randint(1, 6)):
            p = rng.choice(preds)
            if rng.random() < 0.2:
                p = URIRef(str(p))
            out.append((s, p, rng.choice(objects)))
    return out


def test_one_pass_matches_two_passes() -> None:
    rng = random.Random(11)
    for _ in range(200):
        triples = _triples(rng, rng.randint(1, 60))
        rep, got_triples, local, shared, subjects, classes = split_lines(_Analysis(), _Minter(), triples)
        assert rep == REP and got_triples is triples
        assert (local, shared, subjects, classes) == _two_pass(triples)
