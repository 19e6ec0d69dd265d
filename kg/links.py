"""Links a query would otherwise join the whole corpus for, written at build time.

A plan-year target is judged against the next report of its government: the link crosses
reports, so no single report's worker can write it. Each worker returns a compact index of
its report (:func:`index_report`: one tuple of plain strings and ints per plan-year target
and per candidate outcome), the build's main process links them after all reports are
analysed (:func:`link_lines`) and appends the triples, sorted, to the dump and store: the
same bytes whichever worker, pool or Dask cluster analysed which report.

Triples written (ontology/kg.ttl):

- ``?t a kg:PlanTarget``: an observation with status target whose year is its report's plan
  year, the first statement of it in its report (a target restated with the same indicator
  node, kind, qualifier, normalised value and unit and direction is the same target; the
  first in the text, ties by period then IRI);
- ``?t kg:outcome ?a``: that target's outcome by the rule of :class:`kg.outcomes.OutcomeIndex`
  (the one ``kg targets`` uses), over the actuals and estimates of the target's year in the
  reports of the government whose plan year is the next year (``kg:period`` marks a
  multi-year figure), in the order actual before estimate, report IRI, position, IRI.

- ``?r kg:partCount n`` … ``kg:glossaryTermCount n`` (:data:`COUNTS`): how many parts,
  sections and sentences (``kg:inReport ?r``) and figures, mentions and glossary terms
  (``prov:wasDerivedFrom ?r``) report ``?r`` has, each subject of the class counted once, as
  queries/report_overview.rq counted them at query time over the whole store (one row per
  report needed a pass over every segment and annotation of the corpus). A report built
  from two files with one report IRI keeps the counts of the first.
- ``?p kg:namedInTitleMarks true``: policy ``?p`` is a document: a mention of it stands in
  《…》 (the mark right before the mention) or its text carries the marks, as
  queries/policy_documents.rq found them at query time (following every policy mention of the
  corpus to its text). Written once, in the chunk of the first report that names it so.
- ``?x kg:nameBigram "新区"``: every two consecutive characters of the name (``rdfs:label``) of a
  place or of an area a relation points to (the object of ``kg:partOf``, or of a
  ``kg:locatedIn`` statement): the library's place and area parameters (``place_contains``,
  ``area_contains``) find the nodes whose name contains a string of two characters or more
  by one index seek on its first two, instead of reading every name of the store. Written
  once, in the chunk of the report with the smallest IRI among those that name the node.
- ``?s kg:placeCount n`` … ``kg:sectorCount n`` (:data:`SECTION_COUNTS`): how many distinct
  places, organisations, programmes, policies and sectors the mentions (``kg:Mention``) whose
  target span is in section ``?s`` (``kg:inSection``) name, for every section with at least
  one mention (zeros written), as queries/entity_mentions_by_section.rq counted them at query
  time over every mention of the store. A section of two files with one report IRI keeps the
  counts of the first.
- ``?x kg:mentionedInSentence ?s``: a mention whose target span is in sentence ``?s``
  (``kg:inSentence``) names ``?x``: the thing–sentence pairs queries/programmes_in_area.rq joined
  over every mention, span and sentence of the store. In the chunk of the sentence's report.
- ``?t kg:pairedActual ?a``: observations ``?t``, a target, and ``?a``, an actual (``kg:status``), derived
  from the same report (``prov:wasDerivedFrom``), of the same indicator node
  (``sosa:observedProperty``) and kind (``kg:kind``), as
  queries/actuals_of_targeted_indicators.rq paired them at query time over every target and
  actual of the store. In the chunk of their report.
- ``?o kg:pairedReport ?r``, ``kg:pairedIndicator``, ``kg:pairedQualifier``, ``kg:pairedValue``,
  ``kg:pairedUnit``, ``kg:pairedYear``, ``kg:pairedStart`` (:data:`PAIRED_COPIES`): on each
  observation of a ``kg:pairedActual`` pair, copies of the values
  queries/actuals_of_targeted_indicators.rq gives for it (its report, the target's indicator
  phrase — ``kg:statedIndicator``, else its indicator node's ``skos:prefLabel`` — and its
  qualifier's ``skos:notation``, both sides' ``kg:statedValue``, ``kg:statedUnit``,
  ``kg:refYear`` and the start of the ``kg:span``), so the query reads each in one pass over
  these few triples instead of looking up 16 values per row. In the chunk of their report.
- ``?a kg:evidenceReport ?r``, ``kg:evidenceStart``, ``kg:evidenceText``, ``kg:evidenceSentence``:
  on each ``kg:RelationAssertion``, copies of its report (``prov:wasDerivedFrom``), its span's
  start, its span's text-quote selector's ``oa:exact`` and the ``kg:text`` of the sentence its
  span is in, as queries/relations_with_evidence.rq gives them (one span per assertion, as kg
  writes it). In the chunk of its report. The names of the subject and object are not copied:
  a node's labels come from every report that names it (graphs built apart and merged).

- ``?t kg:keptGovernment ?g``, ``kg:keptKey``, ``kg:keptYear``, ``kg:keptValue``, ``kg:keptUnit``,
  ``kg:keptQualifier``, ``kg:keptValueMax``, ``kg:keptIndicator``, ``kg:keptDirection``,
  ``kg:keptNormalisedValue``, ``kg:keptSentence`` (:data:`KEPT_COPIES`): on each plan-year target
  queries/targets_vs_outcomes.rq lists (one with a ``kg:outcome``, or a main target: its section
  key ends in ".0"), copies of the values it gives for it, so the query reads each in one pass
  over these few thousand triples instead of ~20 index seeks per row. The worker reads them from
  its report's triples (every target's, in :data:`Target`); the main process writes them with
  the target's links, in its report's chunk, exactly when those links make it listed (graphs
  built apart and merged carry a target's copies wherever they carry its ``kg:outcome``).

The target links are the semantics of ``kg targets`` (:func:`kg.indicators.link_targets`) over the
graph's indicator nodes, as queries/targets_vs_outcomes.rq computed them at query time.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.plugins.serializers.nt import _nt_row

from kg.outcomes import MIN_HEAD, OutcomeIndex
from kg.scratch import ScratchDB
from kg.vocab import KG, OA, SOSA

__all__ = ["LinkIndex", "index_report", "link_triples", "link_lines", "link_chunks", "with_links"]

_ACTUAL = str(KG.Actual)
_ESTIMATE = str(KG.Estimate)
_TARGET = str(KG.Target)
_PLAN_YEAR, _GOVERNMENT, _START, _NOTATION = str(KG.planYear), str(KG.government), str(KG.start), str(SKOS.notation)
_RDF_TYPE, _POLICY, _QUOTE_SELECTOR = str(RDF.type), str(KG.Policy), str(OA.TextQuoteSelector)
_LABEL, _PLACE, _PART_OF, _LOCATED_IN = str(RDFS.label), str(KG.Place), str(KG.partOf), str(KG.locatedIn)
_STMT_PREDICATE, _STMT_OBJECT = str(RDF.predicate), str(RDF.object)
_ASSERTION = str(KG.RelationAssertion)
_COPIED = frozenset(str(x) for x in (KG.statedValue, KG.statedUnit, KG.refYear, KG.statedIndicator, KG.qualifier,
                                     KG.span, SOSA.observedProperty, SKOS.prefLabel, KG.text, OA.exact, KG.start,
                                     OA.hasSelector, KG.inSentence, "http://www.w3.org/ns/prov#wasDerivedFrom",
                                     KG.statedValueMax, KG.direction, KG.normalisedValue, KG.government,
                                     SKOS.notation))
"""The predicates whose terms :func:`index_report` keeps for the row copies (:func:`_row_copies`,
:func:`_kept_copies`)."""

_OBS_PROPS = {
    str(KG.status): "status", str(SOSA.observedProperty): "ind", str(KG.refYear): "year",
    str(KG.kind): "kind", str(KG.qualifier): "q", str(KG.normalisedUnit): "nu",
    str(KG.normalisedValue): "nv", str(KG.direction): "dir", str(KG.period): "period",
    str(KG.inReport): "report", str(KG.span): "span", str(KG.sectionKey): "section",
}

Target = tuple[str, str, str, int, str, str, str, str, str, int, str, str, str, str, tuple]
"""(government, indicator, key, year, kind, qualifier, normalised unit, normalised value,
direction, start, period, target IRI, report IRI, section key, row copies): the row copies are
(property, term) pairs of :data:`KEPT_COPIES`, written on the target if it is kept (:func:`_links`)."""

KEPT_COPIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("keptGovernment", (str(KG.government),)),
    ("keptKey", (str(SOSA.observedProperty), str(SKOS.notation))),
    ("keptYear", (str(KG.refYear),)),
    ("keptValue", (str(KG.statedValue),)),
    ("keptUnit", (str(KG.statedUnit),)),
    ("keptQualifier", (str(KG.qualifier),)),
    ("keptValueMax", (str(KG.statedValueMax),)),
    ("keptIndicator", (str(KG.statedIndicator),)),
    ("keptDirection", (str(KG.direction),)),
    ("keptNormalisedValue", (str(KG.normalisedValue),)),
    ("keptSentence", (str(KG.span), str(KG.inSentence), str(KG.text))),
)
"""(property kg:…, path from the target): the copies on a kept target (one with an outcome, or a
main target: its section key ends in ".0"), the terms queries/targets_vs_outcomes.rq gives for it
at the end of each path (its government, indicator key, year, stated value and unit, qualifier,
upper end, indicator phrase, direction, normalised value and sentence text), so the query reads
each in one pass over a few thousand triples instead of ~20 index seeks per row."""

_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
COUNTS: tuple[tuple[str, str, str], ...] = (
    (str(KG.Part), str(KG.inReport), str(KG.partCount)),
    (str(KG.Section), str(KG.inReport), str(KG.sectionCount)),
    (str(KG.Sentence), str(KG.inReport), str(KG.sentenceCount)),
    (str(KG.Observation), _DERIVED, str(KG.observationCount)),
    (str(KG.Mention), _DERIVED, str(KG.mentionCount)),
    (str(KG.GlossaryTerm), _DERIVED, str(KG.glossaryTermCount)),
)
"""(class, link to the report, count property): a report's count of the subjects of the
class that link to it."""
_COUNTED = {c for c, _link, _prop in COUNTS}
SECTION_COUNTS: tuple[tuple[str, str], ...] = (
    (str(KG.Place), str(KG.placeCount)),
    (str(KG.Organization), str(KG.organisationCount)),
    (str(KG.Programme), str(KG.programmeCount)),
    (str(KG.Policy), str(KG.policyCount)),
    (str(KG.Sector), str(KG.sectorCount)),
)
"""(class, count property): a section's count of the distinct things of the class its mentions name."""
_SECTION_CLASSES = {c for c, _prop in SECTION_COUNTS}
_MENTION, _IN_SECTION, _IN_SENTENCE = str(KG.Mention), str(KG.inSection), str(KG.inSentence)
_STATUS, _KIND, _OBSERVED = str(KG.status), str(KG.kind), str(SOSA.observedProperty)
_COUNT_LINKS = {link for _c, link, _prop in COUNTS}

Candidate = tuple[str, str, str, int, str, str, bool, str, str, int, str]
"""(government, indicator, key, year, kind, normalised unit, has a period, "0" for an
actual or "1" for an estimate, report IRI, start, observation IRI)"""


Counts = tuple[str, tuple[tuple[str, int], ...], tuple[str, ...], tuple[tuple[str, str], ...],
               tuple[tuple[str, str, int], ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...],
               tuple[tuple, ...]]
"""(report IRI, ((count property IRI, n), …), (policy IRI, …), ((node IRI, bigram), …),
((section IRI, count property IRI, n), …), ((thing IRI, sentence IRI), …),
((target IRI, actual IRI), …), (triple, …)): one report's :data:`COUNTS`, the policies it names in title marks
(:func:`_title_marked`), the name bigrams of its places and areas (:func:`_name_bigrams`), its
sections' :data:`SECTION_COUNTS` (:func:`_section_counts`), the sentences its mentions name each
thing in (:func:`_mention_sentences`), its targets' paired actuals (:func:`_paired_actuals`) and
the row copies on its pairs and relation assertions (:func:`_row_copies`)."""

_ANNOTATION = {str(OA.hasBody): "body", str(OA.hasTarget): "target", str(OA.hasSelector): "selector",
               str(OA.exact): "exact", str(OA.prefix): "prefix"}
_READ = frozenset((*_COUNT_LINKS, _RDF_TYPE, *_ANNOTATION, _PLAN_YEAR, _GOVERNMENT, *_OBS_PROPS, _START, _NOTATION,
                   _LABEL, _PART_OF, _STMT_PREDICATE, _STMT_OBJECT, _IN_SECTION, _IN_SENTENCE, *_COPIED))
"""Every predicate :func:`index_report` reads a triple of (the others it passes over)."""


def _title_marked(policies: set[str], quotes: set[str], ann: dict[str, dict[str, list[str]]]) -> tuple[str, ...]:
    """The policies a mention names in title marks: a mention whose body is the policy, whose
    target's text-quote selector has an exact text and either a prefix ending in 《 or an
    exact text containing 《 (queries/policy_documents.rq asked this at query time)."""
    out = set()
    for m, d in ann.items():
        bodies = [b for b in d.get("body", ()) if b in policies]
        if not bodies:
            continue
        for span in d.get("target", ()):
            for q in ann.get(span, {}).get("selector", ()):
                sel = ann.get(q, {})
                exact = sel.get("exact", ())
                if q in quotes and exact and (any(x.endswith("《") for x in sel.get("prefix", ()))
                                              or any("《" in x for x in exact)):
                    out.update(bodies)
    return tuple(sorted(out))


def _name_bigrams(labels: dict[str, list[str]], named: set[str]) -> tuple[tuple[str, str], ...]:
    """(node, bigram) of every two consecutive characters of the labels of the ``named`` nodes."""
    return tuple(sorted({(x, text[i:i + 2]) for x in named for text in labels.get(x, ())
                         for i in range(len(text) - 1)}))


def _section_counts(typed: set[tuple[str, str]], ann: dict[str, dict[str, list[str]]],
                    in_section: dict[str, list[str]], kinds: dict[str, set[str]]) -> tuple[tuple[str, str, int], ...]:
    """(section, count property, n) of :data:`SECTION_COUNTS` for every section a mention's target span is in."""
    named: dict[str, set[str]] = {}  # section → the things its mentions name
    for m, d in ann.items():
        if (m, _MENTION) not in typed or not d.get("body"):
            continue
        for span in d.get("target", ()):
            for sec in in_section.get(span, ()):
                named.setdefault(sec, set()).update(d["body"])
    return tuple(sorted((sec, prop, sum(1 for e in things if cls in kinds.get(e, ())))
                        for sec, things in named.items() for cls, prop in SECTION_COUNTS))


def _mention_sentences(ann: dict[str, dict[str, list[str]]], in_sentence: dict[str, list[str]]
                       ) -> tuple[tuple[str, str], ...]:
    """(thing, sentence) of one report's mentions (the subjects of ``oa:hasBody``): the thing a
    mention names and the sentence its target span is in."""
    pairs: set[tuple[str, str]] = set()
    for d in ann.values():
        bodies = d.get("body")
        if not bodies:
            continue
        sentences = [s for span in d.get("target", ()) for s in in_sentence.get(span, ())]
        pairs.update((x, s) for x in bodies for s in sentences)
    return tuple(sorted(pairs))


def _paired_actuals(pairing: dict[str, dict[str, set[str]]], derived: set[str],
                    typed: set[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(target, actual) of the observations (``kg:Observation``) derived from the report
    (``derived``) with status target and actual that share an indicator node and a kind."""
    by_key: dict[tuple[str, str], list[str]] = {}
    targets = []
    obs_class = str(KG.Observation)
    for x, d in pairing.items():
        if x not in derived or (x, obs_class) not in typed:
            continue
        status = d.get("status", ())
        keys = [(i, k) for i in d.get("ind", ()) for k in d.get("kind", ())]
        if _ACTUAL in status:
            for key in keys:
                by_key.setdefault(key, []).append(x)
        if _TARGET in status:
            targets.append((x, keys))
    return tuple(sorted({(t, a) for t, keys in targets for key in keys for a in by_key.get(key, ())}))


PAIRED_COPIES = ("pairedReport", "pairedIndicator", "pairedQualifier", "pairedValue", "pairedUnit",
                 "pairedYear", "pairedStart")
"""The properties (kg:…) of the copies on a pair's observations (the last four on both sides)."""
_NOTATIONS: dict[str, str] | None = None


def _notation_of(term: str) -> str | None:
    """The ``skos:notation`` ontology/kg.ttl gives a kg term (a qualifier's code), or None."""
    global _NOTATIONS
    if _NOTATIONS is None:
        from kg.vocab import _notations, ontology

        _NOTATIONS = {str(k): v for k, v in _notations(ontology()).items()}
    return _NOTATIONS.get(term)


def _row_copies(keep: dict[str, dict[str, list]], pairs: tuple[tuple[str, str], ...],
                assertions: set[str]) -> tuple[tuple, ...]:
    """The copies (triples of rdflib terms) of :data:`PAIRED_COPIES` on the observations of
    ``pairs`` and of the evidence on the ``assertions``, from the terms ``keep`` holds
    (subject → predicate → objects, of the :data:`_COPIED` predicates)."""
    def get(x: str, p: str) -> list:
        return keep.get(x, {}).get(p, [])

    val, unit, year, stated = str(KG.statedValue), str(KG.statedUnit), str(KG.refYear), str(KG.statedIndicator)
    span, start, derived = str(KG.span), str(KG.start), _DERIVED
    out: set[tuple] = set()

    def sides(x: str) -> None:
        s = URIRef(x)
        out.update((s, KG.pairedValue, o) for o in get(x, val))
        out.update((s, KG.pairedUnit, o) for o in get(x, unit))
        out.update((s, KG.pairedYear, o) for o in get(x, year))
        out.update((s, KG.pairedStart, o) for sp in get(x, span) for o in get(str(sp), start))

    for t in {t for t, _a in pairs}:
        s = URIRef(t)
        sides(t)
        out.update((s, KG.pairedReport, o) for o in get(t, derived))
        phrases = get(t, stated) or [o for ind in get(t, str(SOSA.observedProperty))
                                     for o in get(str(ind), str(SKOS.prefLabel))]
        out.update((s, KG.pairedIndicator, o) for o in phrases)
        codes = (_notation_of(str(q)) for q in get(t, str(KG.qualifier)))
        out.update((s, KG.pairedQualifier, Literal(c)) for c in codes if c is not None)
    for a in {a for _t, a in pairs}:
        sides(a)
    for a in assertions:
        s = URIRef(a)
        out.update((s, KG.evidenceReport, o) for o in get(a, derived))
        for sp in get(a, span):
            sp = str(sp)
            out.update((s, KG.evidenceStart, o) for o in get(sp, start))
            out.update((s, KG.evidenceText, o) for sel in get(sp, str(OA.hasSelector)) for o in get(str(sel), str(OA.exact)))
            out.update((s, KG.evidenceSentence, o) for sen in get(sp, str(KG.inSentence)) for o in get(str(sen), str(KG.text)))
    return tuple(sorted(out))


def _kept_copies(keep: dict[str, dict[str, list]], target: str) -> tuple[tuple[str, object], ...]:
    """(property, term) of :data:`KEPT_COPIES` for ``target``: every term at the end of each path."""
    out = []
    for prop, path in KEPT_COPIES:
        nodes = [target]
        for p in path:
            nodes = [o for x in nodes for o in keep.get(str(x), {}).get(p, ())]
        out.extend((prop, o) for o in dict.fromkeys(nodes))
    return tuple(out)


def index_report(triples: Iterable[tuple], report: str) -> tuple[tuple[Target, ...], tuple[Candidate, ...], Counts]:
    """One report's plan-year targets and candidate outcomes (actuals and estimates of the
    year before its plan year) and its counts (:data:`COUNTS`), read from its triples: what
    :func:`link_lines` needs."""
    plan_year = gov = None
    obs: dict[str, dict[str, object]] = {}
    starts: dict[str, int] = {}
    notation: dict[str, str] = {}
    typed: set[tuple[str, str]] = set()  # (subject, class) of the classes counted
    policies: set[str] = set()
    quotes: set[str] = set()  # text-quote selectors
    ann: dict[str, dict[str, list[str]]] = {}  # subject → annotation link → objects
    linked: set[tuple[str, str]] = set()  # (subject, link) of the subjects linking to the report
    labels: dict[str, list[str]] = {}  # subject → its rdfs:label texts
    named: set[str] = set()  # places, and the objects of kg:partOf and of kg:locatedIn statements
    stmt_pred: dict[str, str] = {}  # statement → its rdf:predicate
    stmt_obj: dict[str, list[str]] = {}  # statement → its rdf:object(s)
    in_section: dict[str, list[str]] = {}  # span → its section(s)
    kinds: dict[str, set[str]] = {}  # thing → its classes among SECTION_COUNTS'
    in_sentence: dict[str, list[str]] = {}  # span → its sentence(s)
    pairing: dict[str, dict[str, set[str]]] = {}  # observation → status / ind / kind → every value
    keep: dict[str, dict[str, list]] = {}  # subject → predicate of _COPIED → its objects (terms)
    assertions: set[str] = set()  # kg:RelationAssertion
    # rdflib's ``==`` on terms (same type, same text) as a type test and str's ``==``:
    # this loop reads every triple of the report
    # a subject's text, whether it is the report and its entries in ``obs`` and ``ann``
    # are worked out once per run of triples with that subject (they come grouped)
    uri, str_eq, props, read, annotation, copied = URIRef, str.__eq__, _OBS_PROPS, _READ, _ANNOTATION, _COPIED
    last_s = ss = d_obs = d_ann = None
    is_rep = False
    for s, p, o in triples:
        ps = str(p)
        if ps not in read:  # a predicate none of the tests below looks at
            continue
        if s is not last_s:
            last_s, ss, d_obs, d_ann = s, str(s), None, None
            is_rep = type(s) is uri and str_eq(s, report)
        if ps in copied:
            keep.setdefault(ss, {}).setdefault(ps, []).append(o)
        if ps in _COUNT_LINKS and type(o) is uri and str_eq(o, report):
            linked.add((ss, ps))
        elif ps == _RDF_TYPE and type(o) is uri:
            cls = str(o)
            if cls in _COUNTED:
                typed.add((ss, cls))
            elif cls == _POLICY:
                policies.add(ss)
            elif cls == _QUOTE_SELECTOR:
                quotes.add(ss)
            if cls == _PLACE:
                named.add(ss)
            elif cls == _ASSERTION:
                assertions.add(ss)
            if cls in _SECTION_CLASSES:
                kinds.setdefault(ss, set()).add(cls)
        elif ps == _IN_SECTION and type(o) is uri:
            in_section.setdefault(ss, []).append(str(o))
        elif ps == _IN_SENTENCE and type(o) is uri:
            in_sentence.setdefault(ss, []).append(str(o))
        elif ps == _LABEL:
            labels.setdefault(ss, []).append(str(o))
        elif ps == _PART_OF and type(o) is uri:
            named.add(str(o))
        elif ps == _STMT_PREDICATE:
            stmt_pred[ss] = str(o)
        elif ps == _STMT_OBJECT and type(o) is uri:
            stmt_obj.setdefault(ss, []).append(str(o))
        link = annotation.get(ps)
        if link is not None:
            if d_ann is None:
                d_ann = ann.setdefault(ss, {})
            d_ann.setdefault(link, []).append(str(o))
        if is_rep:
            if type(p) is uri:
                if ps == _PLAN_YEAR:
                    plan_year = int(o)
                elif ps == _GOVERNMENT:
                    gov = str(o)
            continue
        name = props.get(ps)
        if name is not None:
            if name in ("status", "ind", "kind"):
                pairing.setdefault(ss, {}).setdefault(name, set()).add(str(o))
            if d_obs is None:
                d_obs = obs.setdefault(ss, {})
            d_obs.setdefault(name, str(o) if name != "year" else int(o))
        elif type(p) is uri:
            if ps == _START:
                starts[ss] = int(o)
            elif ps == _NOTATION:
                notation[ss] = str(o)
    for stmt, objects in stmt_obj.items():
        if stmt_pred.get(stmt) == _LOCATED_IN:
            named.update(objects)
    counts = (report, tuple((prop, sum(1 for x, c in typed if c == cls and (x, link) in linked))
                            for cls, link, prop in COUNTS), _title_marked(policies, quotes, ann),
              _name_bigrams(labels, named), _section_counts(typed, ann, in_section, kinds),
              _mention_sentences(ann, in_sentence))
    pairs = _paired_actuals(pairing, {x for x, link in linked if link == _DERIVED}, typed)
    counts = (*counts, pairs, _row_copies(keep, pairs, assertions))
    if plan_year is None or gov is None:
        return (), (), counts
    targets: list[Target] = []
    cands: list[Candidate] = []
    for iri, d in obs.items():
        status = d.get("status")
        if status not in (_TARGET, _ACTUAL, _ESTIMATE) or d.get("report") != report:
            continue
        ind, year, kind, span = d.get("ind"), d.get("year"), d.get("kind"), d.get("span")
        if ind is None or year is None or kind is None or span not in starts or ind not in notation:
            continue
        start = starts[span]
        key = notation[ind]
        nu = d.get("nu", "")
        if status == _TARGET:
            if year != plan_year or "q" not in d:
                continue
            targets.append((gov, ind, key, year, kind, d["q"], nu, d.get("nv", ""), d.get("dir", ""), start,
                            d.get("period", ""), iri, report, d.get("section", ""), _kept_copies(keep, iri)))
        elif year == plan_year - 1:
            cands.append((gov, ind, key, year, kind, nu, "period" in d, "0" if status == _ACTUAL else "1",
                          report, start, iri))
    return tuple(sorted(targets)), tuple(sorted(cands)), counts


class LinkIndex:
    """The reports' indexes as a build's main process keeps them until the last report: in a
    temporary SQLite file, not in memory, so the main process's memory does not grow with the
    number of reports. A link never leaves its part: targets and candidates of one government,
    year, kind, normalised unit and first :data:`kg.outcomes.MIN_HEAD` characters of the
    indicator's key (both of the outcome rule's lookups stay inside it), so :meth:`lines`
    streams the parts from SQLite one at a time and has SQLite sort the lines: only one part
    (a few indicators of one year) is ever in memory, however large the government.
    Iterating gives one index per government (for tests)."""

    CACHE_KIB = 1024
    """SQLite's page cache of the index, KiB (its default is 2 MiB)."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        # ca: a candidate's (report, observation); the first added of a pair is the one kept,
        # as in :func:`_links` (the same observation from two files with one report IRI)
        self._scratch = ScratchDB("links.sqlite", "kg-links-",
                                  "CREATE TABLE idx(gov TEXT, part TEXT, target INTEGER, ca TEXT UNIQUE, row BLOB);"
                                  "CREATE TABLE link(rep TEXT, line TEXT);"
                                  "CREATE TABLE cnt(rep TEXT, prop TEXT, line TEXT, UNIQUE(rep, prop));"
                                  "CREATE TABLE doc(line TEXT UNIQUE, rep TEXT);"
                                  "CREATE TABLE gram(line TEXT PRIMARY KEY, rep TEXT) WITHOUT ROWID;"
                                  "CREATE TABLE sec(sec TEXT, prop TEXT, rep TEXT, line TEXT, UNIQUE(sec, prop));"
                                  "CREATE TABLE per(line TEXT UNIQUE, rep TEXT);",
                                  cache_kib=self.CACHE_KIB, directory=directory)
        self._db = self._scratch.db
        self._indexed = False

    def add(self, links: tuple) -> None:
        if not links:
            return
        targets, cands, *counts = links
        if counts:  # the first report of an IRI keeps its counts
            self._db.executemany("INSERT OR IGNORE INTO cnt VALUES (?, ?, ?)",
                                 [(r, prop, _nt_row(t)) for r, t, prop in _count_triples(counts[0])])
            # a policy named in several reports: in the first one's chunk
            self._db.executemany("INSERT OR IGNORE INTO doc VALUES (?, ?)",
                                 [(_nt_row(t), r) for r, t in _document_triples(counts[0])])
            # a node named in several reports: in the chunk of the smallest report IRI
            self._db.executemany("INSERT INTO gram VALUES (?, ?) ON CONFLICT(line) DO UPDATE SET rep = "
                                 "min(rep, excluded.rep)", [(_nt_row(t), r) for r, t in _bigram_triples(counts[0])])
            # a section of two files with one report IRI: the first's counts
            self._db.executemany("INSERT OR IGNORE INTO sec VALUES (?, ?, ?, ?)",
                                 [(str(t[0]), str(t[1]), r, _nt_row(t)) for r, t in _section_triples(counts[0])])
            self._db.executemany("INSERT OR IGNORE INTO per VALUES (?, ?)",
                                 [(_nt_row(t), r) for r, t in _report_triples(counts[0])])
        self._db.executemany("INSERT INTO idx VALUES (?, ?, 1, NULL, ?)",
                             [(t[0], _part(t[0], t[3], t[4], t[6], t[2]), pickle.dumps(t, 5)) for t in targets])
        self._db.executemany("INSERT OR IGNORE INTO idx VALUES (?, ?, 0, ?, ?)",
                             [(c[0], _part(c[0], c[3], c[4], c[5], c[2]), f"{c[8]}\x1f{c[10]}", pickle.dumps(c, 5))
                              for c in cands])

    def _index(self) -> None:
        if not self._indexed:
            self._db.executescript("CREATE INDEX idx_gov ON idx(gov); CREATE INDEX idx_part ON idx(part);")
            self._indexed = True

    def __iter__(self) -> Iterator[tuple[tuple[Target, ...], tuple[Candidate, ...]]]:
        self._index()
        govs = [g for (g,) in self._db.execute("SELECT DISTINCT gov FROM idx ORDER BY gov")]
        for g in govs:
            rows = self._db.execute("SELECT target, row FROM idx WHERE gov = ? ORDER BY rowid", (g,)).fetchall()
            yield (tuple(pickle.loads(r) for is_t, r in rows if is_t),
                   tuple(pickle.loads(r) for is_t, r in rows if not is_t))

    def lines(self) -> Iterator[tuple[str, str]]:
        """(target report IRI, N-Triples line) of every link, sorted as :func:`link_lines`
        sorts them (SQLite's BINARY order of UTF-8 text is Python's order of str)."""
        self._index()
        rows = self._db.execute("SELECT part, target, row FROM idx INDEXED BY idx_part ORDER BY part, rowid")
        for _part_key, group in groupby(rows, key=itemgetter(0)):
            targets, cands = [], []
            for _p, is_t, r in group:
                (targets if is_t else cands).append(pickle.loads(r))
            if targets:
                self._db.executemany("INSERT INTO link VALUES (?, ?)",
                                     [(rep, _nt_row(t)) for rep, t in _links([(targets, cands)])])
        self._db.execute("INSERT INTO link SELECT rep, line FROM cnt")
        self._db.execute("INSERT INTO link SELECT rep, line FROM doc")
        self._db.execute("INSERT INTO link SELECT rep, line FROM gram")
        self._db.execute("INSERT INTO link SELECT rep, line FROM sec")
        self._db.execute("INSERT INTO link SELECT rep, line FROM per")
        yield from self._db.execute("SELECT rep, line FROM link ORDER BY rep, line")

    def close(self) -> None:
        self._scratch.close()


def _count_triples(counts: Counts) -> list[tuple[str, tuple, str]]:
    """(report IRI, triple, count property) of one report's counts."""
    report, values, *_rest = counts
    r = URIRef(report)
    return [(report, (r, URIRef(prop), Literal(n)), prop) for prop, n in values]


def _document_triples(counts: Counts) -> list[tuple[str, tuple]]:
    """(report IRI, ``?p kg:namedInTitleMarks true``) of the policies one report names in
    title marks."""
    report, _values, docs, *_rest = counts
    return [(report, (URIRef(p), KG.namedInTitleMarks, Literal(True))) for p in docs]


def _bigram_triples(counts: Counts) -> list[tuple[str, tuple]]:
    """(report IRI, ``?x kg:nameBigram "…"``) of the name bigrams one report gives."""
    report, _values, _docs, grams, *_rest = counts
    return [(report, (URIRef(x), KG.nameBigram, Literal(g))) for x, g in grams]


def _section_triples(counts: Counts) -> list[tuple[str, tuple]]:
    """(report IRI, ``?s kg:placeCount n``, …) of one report's sections' counts."""
    report, _values, _docs, _grams, sections, *_rest = counts
    return [(report, (URIRef(sec), URIRef(prop), Literal(n))) for sec, prop, n in sections]


def _report_triples(counts: Counts) -> list[tuple[str, tuple]]:
    """(report IRI, ``?x kg:mentionedInSentence ?s`` / ``?t kg:pairedActual ?a`` / a row copy) of one report."""
    if len(counts) <= 5:
        return []
    report, sentences, pairs = counts[0], counts[5], counts[6]
    copies = counts[7] if len(counts) > 7 else ()
    return ([(report, (URIRef(x), KG.mentionedInSentence, URIRef(s))) for x, s in sentences]
            + [(report, (URIRef(t), KG.pairedActual, URIRef(a))) for t, a in pairs]
            + [(report, t) for t in copies])


def _part(gov: str, year: int, kind: str, unit: str, key: str) -> str:
    """The part of :class:`LinkIndex` a target or candidate is linked in."""
    return f"{gov}\x1f{year}\x1f{kind}\x1f{unit}\x1f{key[:MIN_HEAD]}"


def link_triples(indexes: Iterable[tuple[Sequence[Target], Sequence[Candidate]]]) -> list[tuple[str, tuple]]:
    """(target report IRI, triple) of every link, sorted by report and N-Triples line:
    ``kg:PlanTarget`` for each first plan-year target, ``kg:outcome`` for each one with an
    outcome."""
    return [(rep, t) for rep, _line, t in _sorted(_links(indexes))]


def _links(indexes: Iterable[tuple[Sequence[Target], Sequence[Candidate]]]) -> list[tuple[str, tuple]]:
    """(target report IRI, triple) of every link, unsorted (see :func:`link_triples`)."""
    firsts: dict[tuple, tuple] = {}
    outcomes: OutcomeIndex[str] = OutcomeIndex()
    seen_c: set[tuple[str, str]] = set()
    counted: dict[tuple[str, str], tuple] = {}
    documents: dict[tuple, str] = {}
    bigrams: dict[tuple, str] = {}
    sections: dict[tuple[str, str], tuple[str, tuple]] = {}
    per_report: dict[tuple, str] = {}
    for targets, cands, *counts in indexes:
        for r, t, prop in _count_triples(counts[0]) if counts else ():
            counted.setdefault((r, prop), t)  # the first report of an IRI keeps its counts
        for r, t in _document_triples(counts[0]) if counts else ():
            documents.setdefault(t, r)  # a policy named in several reports: the first one's
        for r, t in _bigram_triples(counts[0]) if counts else ():
            bigrams[t] = min(bigrams.get(t, r), r)  # a node named in several reports: the smallest IRI
        for r, t in _section_triples(counts[0]) if counts else ():
            sections.setdefault((str(t[0]), str(t[1])), (r, t))  # two files of one report IRI: the first's
        for r, t in _report_triples(counts[0]) if counts else ():
            per_report.setdefault(t, r)
        for t in targets:
            (g, ind, key, year, kind, q, nu, nv, dr, start, period, iri, tr, section, _copies) = t
            ident = (tr, g, ind, year, kind, q, nu, nv, dr)
            rank = (f"{1000000000 + start}|{period}|{iri}", t[:-1])  # the copies' terms are not ordered
            if ident not in firsts or rank < firsts[ident][0]:
                firsts[ident] = (rank, t)
        for c in cands:
            g, ind, key, year, kind, nu, has_period, rank, rep, start, a = c
            if (rep, a) in seen_c:  # the same observation from two files with one report IRI
                continue
            seen_c.add((rep, a))
            # the order the query compared: actual before estimate, report IRI, start, IRI
            outcomes.add(g, ind, key, year, kind, nu, rep, has_period, f"{rank}{rep}#{1000000000 + start}#{a}", a)
    out: list[tuple[str, tuple]] = [(r, t) for (r, _prop), t in counted.items()]
    out += [(r, t) for t, r in documents.items()]
    out += [(r, t) for t, r in bigrams.items()]
    out += list(sections.values())
    out += [(r, t) for t, r in per_report.items()]
    for _rank, t in firsts.values():
        (g, ind, key, year, kind, q, nu, nv, dr, start, period, iri, tr, section, copies) = t
        out.append((tr, (URIRef(iri), RDF.type, KG.PlanTarget)))
        best = outcomes.best(g, ind, key, year, kind, nu, tr, one_year=not period)
        if best is not None:
            out.append((tr, (URIRef(iri), KG.outcome, URIRef(best))))
        if best is not None or section.endswith(".0"):  # kept: queries/targets_vs_outcomes.rq lists it
            out += [(tr, (URIRef(iri), KG[prop], o)) for prop, o in copies]
    return out


def _sorted(links: list[tuple[str, tuple]]) -> list[tuple[str, str, tuple]]:
    """(report IRI, N-Triples line, triple) of each link, sorted by report and line."""
    return sorted((rep, _nt_row(t), t) for rep, t in links)


def link_lines(indexes: Iterable[tuple[Sequence[Target], Sequence[Candidate]]]) -> list[tuple[str, str]]:
    """(target report IRI, N-Triples line) of every link, sorted (see :func:`link_triples`)."""
    return [(rep, line) for rep, line, _t in _sorted(_links(indexes))]


def with_links(batches: Iterable[tuple[str, list[tuple]]]) -> Iterator[tuple[str, list[tuple]]]:
    """(report IRI, triples) batches as given, then one batch of links per target report
    (for the in-process paths: :func:`kg.rdf.build_graph`, :func:`kg.rdf.iter_triples`)."""
    indexes = []
    for rep, triples in batches:
        indexes.append(index_report(triples, rep))
        yield rep, triples
    by_report: dict[str, list[tuple]] = {}
    for rep, t in link_triples(indexes):
        by_report.setdefault(rep, []).append(t)
    yield from by_report.items()


def link_chunks(indexes: Iterable[tuple[Sequence[Target], Sequence[Candidate]]], stats=None) -> Iterator:
    """The links as :class:`kg.export.Chunk` s, one per target report (sorted), each in that
    report's named graph for TriG/N-Quads; counted into ``stats`` (a GraphStats) if given.
    Lazy: ``indexes`` is read when the first chunk is asked for (after every report)."""
    from kg.export import Chunk

    lines = indexes.lines() if isinstance(indexes, LinkIndex) else iter(link_lines(indexes))
    plan_type = str(KG.PlanTarget)
    try:
        for rep, group in groupby(lines, key=itemgetter(0)):  # sorted: reports in order
            texts = [line for _rep, line in group]
            if stats is not None:
                stats.triples += len(texts)
                n = sum(1 for line in texts if plan_type in line)
                if n:
                    stats.classes[plan_type] += n
            yield Chunk(rep, "", (), "".join(texts))  # local: in the dump and in the report's named graph
    finally:
        if isinstance(indexes, LinkIndex):
            indexes.close()
