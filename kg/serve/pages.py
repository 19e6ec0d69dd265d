"""What the HTML pages show, gathered with SPARQL over the served store.

Each function takes the query engine and an IRI and returns plain dicts for a template.
The queries run in the engine's workers (so they share its time limit); IRIs are put in
the query only after :func:`check_iri` (no character that could end an IRI reference).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from kg.serve.engine import QueryEngine

KG = "https://kg.example.org/ontology#"
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')

ENTITY_CLASSES = ("Place", "Programme", "Organization", "Policy", "Sector")


def check_iri(iri: str) -> bool:
    return not _BAD_IRI.search(iri)


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


async def rows(engine: QueryEngine, query: str) -> list[dict[str, Any]]:
    return list((await engine.run("rows", query)).rows)


async def types_of(engine: QueryEngine, iri: str) -> list[str]:
    return sorted(r["t"] for r in await rows(engine, f"SELECT DISTINCT ?t WHERE {{ <{iri}> a ?t }}"))


async def labels(engine: QueryEngine, iris: list[str]) -> dict[str, str]:
    """A label per IRI (Chinese first), for links."""
    iris = sorted({i for i in iris if isinstance(i, str) and check_iri(i) and ":" in i})[:2000]
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    out: dict[str, str] = {}
    for r in await rows(engine, f"""SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }}
            {{ ?x skos:prefLabel ?l }} UNION {{ ?x rdfs:label ?l }} UNION {{ ?x dcterms:title ?l }} }}"""):
        cur = out.get(r["x"])
        if cur is None or len(r["l"]) < len(cur):
            out[r["x"]] = r["l"]
    # reports are told apart by government and year (their titles repeat: 政府工作报告)
    for r in await rows(engine, f"""SELECT ?x ?g ?y WHERE {{ VALUES ?x {{ {values} }}
            ?x a kg:Report ; kg:government/rdfs:label ?g . OPTIONAL {{ ?x kg:planYear ?y }} }}"""):
        out[r["x"]] = report_label(r["g"], r.get("y"))
    return out


def report_label(government: str, year: Any) -> str:
    return f"{government} {year}年政府工作报告" if year else f"{government} 政府工作报告"


def highlight(text: str, sentence_start: int, start: int, end: int) -> tuple[str, str, str]:
    a = max(0, start - sentence_start)
    b = max(a, min(len(text), end - sentence_start))
    return text[:a], text[a:b], text[b:]


# Page queries keep each OPTIONAL to one triple pattern and count in sub-queries before
# joining types: pyoxigraph evaluates a larger OPTIONAL group on its own and joins
# afterwards (seconds on the 28-report store, against milliseconds this way); the
# sentences of spans are looked up in a second query (:func:`with_sentences`).


async def with_sentences(engine: QueryEngine, found: list[dict[str, Any]], span: str = "sp") -> list[dict[str, Any]]:
    """Add ``sentence``, ``stext`` and the highlight (``before``/``mark``/``after``) to each
    row whose ``span`` IRI lies in a sentence (rows also need ``start`` and ``end``)."""
    spans = sorted({r[span] for r in found if isinstance(r.get(span), str) and check_iri(r[span])})
    info: dict[str, dict[str, Any]] = {}
    for i in range(0, len(spans), 500):
        values = " ".join(f"<{x}>" for x in spans[i:i + 500])
        for r in await rows(engine, f"""SELECT ?sp ?sentence ?stext ?sstart WHERE {{ VALUES ?sp {{ {values} }}
                ?sp kg:inSentence ?sentence . ?sentence kg:text ?stext ; kg:start ?sstart }}"""):
            info[r["sp"]] = r
    for r in found:
        got = info.get(r.get(span) or "")
        if got is not None:
            r.update(sentence=got["sentence"], stext=got["stext"])
            if r.get("start") is not None and r.get("end") is not None:
                r["before"], r["mark"], r["after"] = highlight(got["stext"], got["sstart"], r["start"], r["end"])
    return found


async def description(engine: QueryEngine, iri: str) -> bytes:
    """The store's description of ``iri``: every triple with it as subject (N-Triples)."""
    return await engine.run("ntriples", f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}")


async def properties(engine: QueryEngine, iri: str) -> list[dict[str, Any]]:
    """Outgoing (predicate, value) pairs with the value's kind, sorted."""
    return await rows(engine, f"""SELECT ?p ?o (isIRI(?o) AS ?iri) (LANG(?o) AS ?lang) WHERE {{ <{iri}> ?p ?o }}
        ORDER BY ?p STR(?o)""")


async def inbound(engine: QueryEngine, iri: str, limit: int = 200) -> list[dict[str, Any]]:
    """What points at ``iri`` (the first ``limit`` triples the store gives, then sorted)."""
    found = await rows(engine, f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }} LIMIT {limit}")
    return sorted(found, key=lambda r: (r["p"], r["s"]))


async def report_page(engine: QueryEngine, iri: str) -> dict[str, Any]:
    outline = await rows(engine, f"""SELECT ?node ?kind ?title ?start ?parent ?key WHERE {{
        VALUES ?kind {{ kg:Part kg:Section kg:Subsection }}
        ?node kg:inReport <{iri}> ; a ?kind ; kg:start ?start .
        OPTIONAL {{ ?node dcterms:title ?title }} OPTIONAL {{ ?node dcterms:isPartOf ?parent }}
        OPTIONAL {{ ?node kg:sectionKey ?key }} }} ORDER BY ?start ?kind""")
    level = {KG + "Part": 0, KG + "Section": 1, KG + "Subsection": 2}
    for r in outline:
        r["level"] = level.get(r["kind"], 0)
    # (status and qualifier are required by shapes.ttl; the indicator's label comes with the links)
    figures = await rows(engine, f"""SELECT ?o ?ind ?value ?unit ?status ?year ?surface ?sp ?start ?end WHERE {{
        ?o a kg:Observation ; kg:inReport <{iri}> ; kg:span ?sp ; kg:status/skos:notation ?status .
        ?sp kg:start ?start ; kg:end ?end .
        OPTIONAL {{ ?o sosa:observedProperty ?ind }}
        OPTIONAL {{ ?o kg:normalisedValue ?value }} OPTIONAL {{ ?o kg:normalisedUnit ?unit }}
        OPTIONAL {{ ?o kg:refYear ?year }} OPTIONAL {{ ?o kg:surface ?surface }}
        }} ORDER BY ?start ?o""")
    await with_sentences(engine, figures)
    entities = await rows(engine, f"""SELECT ?e ?type ?mentions WHERE {{ {{ SELECT ?e (COUNT(?m) AS ?mentions) WHERE {{
        ?m kg:inReport <{iri}> ; a kg:Mention ; oa:hasBody ?e }} GROUP BY ?e }}
        ?e a ?type . VALUES ?type {{ kg:Place kg:Programme kg:Organization kg:Policy kg:Sector }}
        }} ORDER BY DESC(?mentions) ?e LIMIT 60""")
    return {"outline": outline, "figures": figures, "entities": entities}


async def entity_page(engine: QueryEngine, iri: str) -> dict[str, Any]:
    aliases = [r["a"] for r in await rows(engine, f"SELECT DISTINCT ?a WHERE {{ <{iri}> skos:altLabel ?a }} ORDER BY ?a")]
    mentions = await rows(engine, f"""SELECT ?m ?report ?date ?year ?sp ?start ?end ?section WHERE {{
        ?m oa:hasBody <{iri}> ; kg:span ?sp . ?sp kg:start ?start ; kg:end ?end ; kg:inReport ?report .
        OPTIONAL {{ ?sp kg:inSection ?section }}
        OPTIONAL {{ ?report dcterms:date ?date }} OPTIONAL {{ ?report kg:planYear ?year }}
        }} ORDER BY ?date ?report ?start ?m""")
    await with_sentences(engine, mentions)
    reports = await rows(engine, f"""SELECT ?report ?date ?year (COUNT(?m) AS ?mentions) WHERE {{
        {{ <{iri}> kg:mentionedIn ?report }} UNION {{ ?m oa:hasBody <{iri}> ; kg:inReport ?report }}
        OPTIONAL {{ ?report dcterms:date ?date }} OPTIONAL {{ ?report kg:planYear ?year }}
        }} GROUP BY ?report ?date ?year ORDER BY ?date ?report""")
    relations = await rows(engine, f"""SELECT ?dir ?p ?other (COUNT(DISTINCT ?ra) AS ?n) (MIN(STR(?rsp)) AS ?sp) WHERE {{
        {{ ?ra rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?other . BIND("out" AS ?dir) }}
        UNION {{ ?ra rdf:object <{iri}> ; rdf:predicate ?p ; rdf:subject ?other . BIND("in" AS ?dir) }}
        ?ra a kg:RelationAssertion . OPTIONAL {{ ?ra kg:span ?rsp }}
        }} GROUP BY ?dir ?p ?other ORDER BY ?dir ?p ?other""")
    await with_sentences(engine, relations)
    comention = await rows(engine, f"""SELECT ?other ?type ?n WHERE {{ {{ SELECT ?other (COUNT(DISTINCT ?s) AS ?n) WHERE {{
        {{ SELECT DISTINCT ?s WHERE {{ ?m oa:hasBody <{iri}> ; kg:span ?sp . ?sp kg:inSentence ?s }} }}
        ?sp2 kg:inSentence ?s . ?m2 kg:span ?sp2 ; oa:hasBody ?other . FILTER(?other != <{iri}>)
        }} GROUP BY ?other }}
        ?other a ?type . VALUES ?type {{ kg:Place kg:Programme kg:Organization kg:Policy kg:Sector }}
        }} ORDER BY DESC(?n) ?other LIMIT 30""")
    return {"aliases": aliases, "mentions": mentions, "reports": reports,
            "relations": relations, "comention": comention}


async def indicator_page(engine: QueryEngine, iri: str) -> dict[str, Any]:
    obs = await rows(engine, f"""SELECT ?o ?year ?value ?unit ?status ?qualifier ?report ?date ?stated ?surface ?sp ?start ?end WHERE {{
        ?o sosa:observedProperty <{iri}> ; kg:span ?sp ; kg:inReport ?report ; kg:status/skos:notation ?status ;
           kg:qualifier/skos:notation ?qualifier . ?sp kg:start ?start ; kg:end ?end .
        OPTIONAL {{ ?o kg:refYear ?year }} OPTIONAL {{ ?o kg:normalisedValue ?value }}
        OPTIONAL {{ ?o kg:normalisedUnit ?unit }}
        OPTIONAL {{ ?o kg:statedIndicator ?stated }} OPTIONAL {{ ?o kg:surface ?surface }}
        OPTIONAL {{ ?report dcterms:date ?date }}
        }} ORDER BY ?year ?date ?start ?o""")
    await with_sentences(engine, obs)
    return {"observations": obs, "plot": plot_svg(obs)}


# ----------------------------------------------------------------------------- plot

_COLOURS = {"actual": "#1f6f8b", "estimate": "#c27c0e", "target": "#b23a48"}


def plot_svg(observations: list[dict[str, Any]], width: int = 720, height: int = 300) -> str | None:
    """An SVG line chart of values over years: one series per (status, unit); None
    when fewer than one numeric value with a year."""
    from html import escape

    series: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for o in observations:
        y, v = o.get("year"), o.get("value")
        if isinstance(y, int) and isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
            series[(o.get("status") or "", o.get("unit") or "")].append((y, float(v)))
    if not series:
        return None
    # one axis per unit: plot the unit with most points; list the others below
    by_unit: dict[str, int] = defaultdict(int)
    for (status, unit), pts in series.items():
        by_unit[unit] += len(pts)
    unit = sorted(by_unit, key=lambda u: (-by_unit[u], u))[0]
    shown = {k: sorted(v) for k, v in sorted(series.items()) if k[1] == unit}
    xs = [x for pts in shown.values() for x, _ in pts]
    ys = [y for pts in shown.values() for _, y in pts]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(0.0, min(ys)), max(ys)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    if y0 == y1:
        y1 = y0 + 1
    left, right, top, bottom = 70, 20, 20, 40
    pw, ph = width - left - right, height - top - bottom

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def py(y: float) -> float:
        return top + ph - (y - y0) / (y1 - y0) * ph

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="values over years ({escape(unit)})" class="plot">',
             f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#888"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="#888"/>']
    for i in range(5):
        v = y0 + (y1 - y0) * i / 4
        parts.append(f'<text x="{left - 6}" y="{py(v) + 4:.1f}" text-anchor="end" font-size="11">{v:,.4g}</text>')
        parts.append(f'<line x1="{left}" y1="{py(v):.1f}" x2="{left + pw}" y2="{py(v):.1f}" stroke="#eee"/>')
    last = -1e9
    for yr in sorted(set(xs)):  # a year label where it does not run into the previous one
        if px(yr) - last >= 34:
            parts.append(f'<text x="{px(yr):.1f}" y="{top + ph + 16}" text-anchor="middle" font-size="11">{yr}</text>')
            last = px(yr)
    for i, ((status, _u), pts) in enumerate(shown.items()):
        colour = _COLOURS.get(status, "#555")
        if len(pts) > 1:
            d = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{d}"/>')
        for x, y in pts:
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}"><title>{x}: {y:g} {escape(unit)} ({escape(status)})</title></circle>')
        parts.append(f'<text x="{left + 10 + 110 * i}" y="{height - 6}" font-size="12" fill="{colour}">● {escape(status or "value")} ({escape(unit or "no unit")})</text>')
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["check_iri", "description", "entity_page", "indicator_page", "report_page", "labels",
           "properties", "inbound", "types_of", "plot_svg", "report_label", "highlight", "ENTITY_CLASSES", "local_name"]
