"""The web application: SPARQL 1.1 Protocol, IRI dereferencing, HTML pages, VoID/DCAT.

Starlette (ASGI routing, requests/responses, no front-end build) served by uvicorn;
Jinja2 templates render plain HTML on the server. Every query goes through
:class:`kg.serve.engine.QueryEngine` (worker processes, a time limit, a row limit).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.serve import pages
from kg.serve.engine import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT,
    GRAPH_TYPES,
    SOLUTION_TYPES,
    Answer,
    QueryEngine,
    QueryRefused,
    check_query,
)
from kg.serve.links import Base, negotiate

log = logging.getLogger(__name__)

RDF_OFFERS = ["text/turtle", "application/ld+json", "text/html", "application/n-triples"]
FORMAT_PARAM = {"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
                "json-ld": "application/ld+json", "html": "text/html", "nt": "application/n-triples"}
SOLUTION_OFFERS = [SOLUTION_TYPES[k] for k in ("json", "xml", "csv", "tsv")] + ["application/json", "text/html"]
GRAPH_OFFERS = [m for m, _ in GRAPH_TYPES.values()] + ["text/html"]
_SOLUTION_KEY = {v: k for k, v in SOLUTION_TYPES.items()} | {"application/json": "json"}
_GRAPH_KEY = {m: k for k, (m, _) in GRAPH_TYPES.items()}


@dataclass(frozen=True)
class ServeConfig:
    store: Path
    base_iri: str
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    workers: int = 2
    dumps: tuple[Path, ...] = field(default_factory=tuple)
    """Dump files offered for download (``/dumps/NAME``) and named in the VoID."""


def _templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kg.serve", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def _fmt_value(v: Any) -> str:
    from decimal import Decimal

    if isinstance(v, float):
        return f"{v:,.6g}" if abs(v) < 1e15 else f"{v:.6g}"
    if isinstance(v, Decimal):
        return format(v.normalize(), ",f")
    return "" if v is None else str(v)


class Site:
    """What the routes share: config, base, engine, templates."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.base = Base(config.base_iri)
        self.engine = QueryEngine(config.store, workers=config.workers, timeout=config.timeout,
                                  max_rows=config.max_rows)
        self.env = _templates()
        self.env.filters["href"] = self.href
        self.env.filters["short"] = self.short
        self.env.filters["num"] = _fmt_value
        self.env.globals["base"] = self.base
        self.env.globals["local_name"] = pages.local_name
        self.dumps = {p.name: p for p in config.dumps}

    def href(self, iri: Any) -> str:
        s = str(iri)
        return self.base.href(s) or s

    def short(self, iri: Any) -> str:
        from kg.vocab import PREFIXES

        s = str(iri)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if s.startswith(str(ns)):
                return f"{prefix}:{s[len(str(ns)):]}"
        if s.startswith(self.base.iri):
            return s[len(self.base.iri):]
        return s

    def page(self, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**ctx)
        return HTMLResponse(html, status_code=status, headers={"Vary": "Accept"})


def _error(exc: QueryRefused) -> Response:
    return PlainTextResponse(f"{exc}\n", status_code=exc.status)


# --------------------------------------------------------------------------- SPARQL


async def _query_params(request: Request) -> tuple[str | None, str | None]:
    """(query, update) from a GET, a form POST or a direct POST (SPARQL 1.1 Protocol §2.1)."""
    if request.method == "GET":
        qp = request.query_params
        return qp.get("query"), qp.get("update")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        form = await request.form()
        q, u = form.get("query"), form.get("update")
        return (str(q) if q is not None else None), (str(u) if u is not None else None)
    body = (await request.body()).decode("utf-8", "replace")
    if ctype == "application/sparql-query":
        return body, None
    if ctype == "application/sparql-update":
        return None, body
    raise QueryRefused(415, f"unsupported Content-Type {ctype or '(none)'}: POST application/sparql-query "
                            "or an application/x-www-form-urlencoded 'query' field")


async def sparql_endpoint(request: Request) -> Response:
    site: Site = request.app.state.site
    try:
        query, update = await _query_params(request)
        if update is not None:
            raise QueryRefused(403, "SPARQL Update refused: this endpoint is read-only")
        if query is None:
            if negotiate(request.headers.get("accept"), ["text/turtle", "text/html"]) == "text/html":
                return site.page("sparql.html", title="SPARQL", query=_EXAMPLE, result=None)
            return Response(_service_description(site).encode(), media_type="text/turtle")
        check_query(query)
        accept = request.headers.get("accept")
        fmt = request.query_params.get("format")
        if fmt in ("html",) or negotiate(accept, SOLUTION_OFFERS) == "text/html":
            result = await site.engine.run("rows", query)
            return site.page("sparql.html", title="SPARQL", query=query, result=result)
        sol = negotiate(accept, SOLUTION_OFFERS)
        gra = negotiate(accept, GRAPH_OFFERS)
        key = fmt if fmt in SOLUTION_TYPES or fmt in GRAPH_TYPES else (
            _SOLUTION_KEY.get(sol or "") or _GRAPH_KEY.get(gra or "") or "json")
        answer: Answer = await site.engine.run("protocol", query, key)
        return Response(answer.body, media_type=answer.media_type + "; charset=utf-8",
                        headers={"Vary": "Accept", "X-Result-Rows": str(answer.rows)})
    except QueryRefused as exc:
        if negotiate(request.headers.get("accept"), ["text/plain", "text/html"]) == "text/html" and request.method == "GET":
            return site.page("sparql.html", status=exc.status, title="SPARQL",
                             query=request.query_params.get("query") or "", result=None, error=str(exc))
        return _error(exc)


_EXAMPLE = """SELECT ?report ?title ?date WHERE {
  ?report a kg:Report ; dcterms:title ?title .
  OPTIONAL { ?report dcterms:date ?date }
} ORDER BY ?date LIMIT 50"""


def _service_description(site: Site) -> str:
    ep = site.base.url("sparql")
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
<{ep}> a sd:Service ;
  sd:endpoint <{ep}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
    <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
    <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD> ;
  sd:feature sd:UnionDefaultGraph ;
  void:sparqlEndpoint <{ep}> .
"""


# ------------------------------------------------------------------ library queries


async def queries_index(request: Request) -> Response:
    from kg.serve.library import sparql_library

    site: Site = request.app.state.site
    return site.page("queries.html", title="Query library", queries=sparql_library())


async def query_form(request: Request) -> Response:
    from kg.serve.library import sparql_library
    from kg.store import bind_parameters

    site: Site = request.app.state.site
    name = request.path_params["name"]
    info = next((q for q in sparql_library() if q.name == name), None)
    if info is None:
        return site.page("error.html", status=404, title="Not found", message=f"no library query named {name}")
    values = {p: request.query_params.get(p, "") for p in info.parameters}
    result = error = None
    if request.query_params.get("run"):
        try:
            text = bind_parameters(info.text, {k: v for k, v in values.items() if v})
            result = await site.engine.run("rows", text)
        except QueryRefused as exc:
            error = str(exc)
    return site.page("query.html", title=name, info=info, values=values, result=result, error=error)


# --------------------------------------------------------------------- VoID, dumps


async def void_description(request: Request) -> Response:
    site: Site = request.app.state.site
    graph = await dataset_graph(site)
    offers = ["text/turtle", "application/ld+json", "application/n-triples"]
    fmt = FORMAT_PARAM.get(request.query_params.get("format", "")) or negotiate(request.headers.get("accept"), offers)
    if fmt is None:
        return PlainTextResponse("not acceptable: offers text/turtle, application/ld+json\n", 406)
    return _rdf_response(graph, fmt)


async def dataset_graph(site: Site):
    """The served dataset's VoID/DCAT: the store's own description (from kg build) plus the
    SPARQL endpoint and the dump downloads of this server."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

    from kg.rdf import bind_prefixes

    nt = await site.engine.run("ntriples", """CONSTRUCT { ?d ?p ?o . ?x ?xp ?xo } WHERE {
        ?d a void:Dataset . { ?d ?p ?o } UNION {
          ?d void:classPartition|dcat:distribution|void:dataDump ?x . ?x ?xp ?xo } }""")
    g = bind_prefixes(Graph())
    g.parse(data=nt.decode("utf-8"), format="nt")
    datasets = sorted(set(g.subjects(RDF.type, VOID.Dataset)))
    if not datasets:  # dumps without kg build's void.ttl: describe what is served
        ds = URIRef(site.base.url("dataset"))
        g.add((ds, RDF.type, VOID.Dataset))
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, VOID.uriSpace, Literal(site.base.iri)))
        datasets = [ds]
    endpoint = URIRef(site.base.url("sparql"))
    service = URIRef(site.base.url("sparql#service"))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((service, DCAT.endpointDescription, endpoint))
    for ds in datasets:
        g.add((ds, VOID.sparqlEndpoint, endpoint))
        g.add((ds, VOID.rootResource, URIRef(site.base.iri)))
        g.add((service, DCAT.servesDataset, ds))
        named = {str(o): d for d in g.objects(ds, DCAT.distribution) for o in g.objects(d, DCTERMS.title)}
        for name, path in sorted(site.dumps.items()):
            url = URIRef(site.base.url(f"dumps/{name}"))
            dist = named.get(name) or URIRef(f"{ds}/dump/{name}")
            g.add((ds, DCAT.distribution, dist))
            g.add((dist, RDF.type, DCAT.Distribution))
            g.add((dist, DCTERMS.title, Literal(name)))
            g.add((dist, DCAT.downloadURL, url))
            g.add((dist, DCAT.accessURL, url))
            g.add((dist, DCAT.byteSize, Literal(path.stat().st_size)))
            g.add((ds, VOID.dataDump, url))
    return g


async def dump_download(request: Request) -> Response:
    site: Site = request.app.state.site
    name = request.path_params["name"]
    path = site.dumps.get(name)
    if path is None:
        return PlainTextResponse(f"no dump named {name}\n", 404)
    media = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
             ".trig": "application/trig", ".nq": "application/n-quads"}.get(path.suffix, "application/octet-stream")
    return FileResponse(path, media_type=media, filename=name)


# ------------------------------------------------------------------- dereferencing


def _rdf_response(graph, media: str, status: int = 200) -> Response:
    from kg.export import serialize

    fmt = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt"}[media]
    return Response(serialize(graph, fmt).encode("utf-8"), status_code=status,
                    media_type=media + "; charset=utf-8", headers={"Vary": "Accept"})


async def index(request: Request) -> Response:
    site: Site = request.app.state.site
    reports = await pages.rows(site.engine, """SELECT ?report ?title ?date ?gov ?government ?year WHERE {
        ?report a kg:Report . OPTIONAL { ?report dcterms:title ?title } OPTIONAL { ?report dcterms:date ?date }
        OPTIONAL { ?report kg:planYear ?year }
        OPTIONAL { ?report kg:government ?gov . ?gov rdfs:label ?government } } ORDER BY ?government ?date ?report""")
    return site.page("index.html", title="kg", reports=reports, dumps=sorted(site.dumps))


async def dereference(request: Request) -> Response:
    site: Site = request.app.state.site
    raw_bytes = request.scope.get("raw_path") or request.url.path.encode("utf-8")
    # bytes as sent; any raw non-ASCII byte (a client that did not percent-encode) escaped
    raw = "".join(chr(b) if b < 0x80 else f"%{b:02X}" for b in raw_bytes).split("?", 1)[0]
    iri = site.base.path_to_iri(raw)
    if request.url.path in ("", "/"):
        return await index(request)
    fmt = FORMAT_PARAM.get(request.query_params.get("format", "")) or negotiate(request.headers.get("accept"), RDF_OFFERS)
    if fmt is None:
        return PlainTextResponse("not acceptable: offers text/turtle, application/ld+json, text/html\n", 406)
    not_found = f"no resource <{iri}> in this dataset"
    if not pages.check_iri(iri):
        return _not_found(site, fmt, not_found)
    try:
        nt = await pages.description(site.engine, iri)
        if not nt.strip():
            return _not_found(site, fmt, not_found)
        if fmt != "text/html":
            from rdflib import Graph

            from kg.rdf import bind_prefixes

            if fmt == "application/n-triples":
                return Response(nt, media_type=fmt + "; charset=utf-8", headers={"Vary": "Accept"})
            if fmt == "text/turtle":  # pyoxigraph writes the store's literals exactly as stored
                import pyoxigraph as ox

                from kg.store import DEFAULT_PREFIXES

                body = ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                                    prefixes=DEFAULT_PREFIXES)
                return Response(body, media_type=fmt + "; charset=utf-8", headers={"Vary": "Accept"})
            g = bind_prefixes(Graph())
            g.parse(data=nt.decode("utf-8"), format="nt")
            return _rdf_response(g, fmt)
        return await _html(site, iri, request)
    except QueryRefused as exc:
        return _error(exc)


def _not_found(site: Site, fmt: str, message: str) -> Response:
    if fmt == "text/html":
        return site.page("error.html", status=404, title="Not found", message=message)
    return PlainTextResponse(message + "\n", 404)


async def _html(site: Site, iri: str, request: Request) -> Response:
    types = await pages.types_of(site.engine, iri)
    kinds = {pages.local_name(t) for t in types if t.startswith(pages.KG)}
    props = await pages.properties(site.engine, iri)
    ctx: dict[str, Any] = {"iri": iri, "types": types, "props": props,
                           "title": _title(props) or pages.local_name(iri), "alternates": _alternates(site, iri)}
    if "Report" in kinds:
        template = "report.html"
        gov = await pages.labels(site.engine, [iri])
        ctx["title"] = gov.get(iri) or ctx["title"]
        ctx.update(await pages.report_page(site.engine, iri))
        link_iris = [e["e"] for e in ctx["entities"]] + [f.get("ind") for f in ctx["figures"]]
    elif "Indicator" in kinds:
        template = "indicator.html"
        ctx.update(await pages.indicator_page(site.engine, iri))
        link_iris = [o.get("report") for o in ctx["observations"]]
    elif kinds & set(pages.ENTITY_CLASSES):
        template = "entity.html"
        ctx["kind"] = next(k for k in pages.ENTITY_CLASSES if k in kinds)
        ctx.update(await pages.entity_page(site.engine, iri))
        link_iris = ([r["other"] for r in ctx["relations"]] + [r["other"] for r in ctx["comention"]]
                     + [r["report"] for r in ctx["reports"]] + [m.get("section") for m in ctx["mentions"]])
    else:
        template = "resource.html"
        ctx["inbound"] = await pages.inbound(site.engine, iri)
        link_iris = [r["s"] for r in ctx["inbound"]]
    link_iris += [p["o"] for p in props if p.get("iri")]
    ctx["labels"] = await pages.labels(site.engine, [i for i in link_iris if i])
    return site.page(template, **ctx)


def _title(props: list[dict[str, Any]]) -> str | None:
    for pred in ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title",
                 "http://www.w3.org/2000/01/rdf-schema#label"):
        for p in props:
            if p["p"] == pred:
                return str(p["o"])
    return None


def _alternates(site: Site, iri: str) -> list[tuple[str, str]]:
    path = site.href(iri)
    return [("Turtle", f"{path}?format=ttl"), ("JSON-LD", f"{path}?format=jsonld"), ("N-Triples", f"{path}?format=nt")]


# ------------------------------------------------------------------------ the app


class _StripBasePath:
    """Serve under the base IRI's path too: ``/kg/x`` is routed as ``/x`` when the base
    is ``…/kg/`` (for a reverse proxy that forwards the path unchanged)."""

    def __init__(self, app: Any, prefix: str) -> None:
        self.app, self.prefix = app, prefix.rstrip("/")

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if self.prefix and scope["type"] == "http" and (
            scope["path"] == self.prefix or scope["path"].startswith(self.prefix + "/")
        ):
            scope = dict(scope)
            scope["path"] = scope["path"][len(self.prefix):] or "/"
            raw = scope.get("raw_path") or b""
            pre = self.prefix.encode()
            if raw.startswith(pre):
                scope["raw_path"] = raw[len(pre):] or b"/"
        await self.app(scope, receive, send)


def create_app(config: ServeConfig) -> Any:
    """The ASGI application serving ``config.store`` (workers start with the app)."""
    from contextlib import asynccontextmanager

    import anyio

    site = Site(config)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await anyio.to_thread.run_sync(site.engine.start)
        try:
            yield
        finally:
            site.engine.close()

    static = StaticFiles(directory=str(files("kg.serve") / "static"))
    routes = [
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
        Route("/queries", queries_index),
        Route("/queries/{name}", query_form),
        Route("/void", void_description),
        Route("/.well-known/void", void_description),
        Route("/dumps/{name}", dump_download),
        Mount("/static", app=static, name="static"),
        Route("/{path:path}", dereference),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.site = site
    prefix = site.base.path
    return _StripBasePath(app, prefix) if prefix != "/" else app


__all__ = ["ServeConfig", "create_app"]
