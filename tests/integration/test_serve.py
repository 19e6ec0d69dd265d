"""`kg serve` used as its users use it: a store built by `kg build --store` from real
reports, the server started as a subprocess on a free 127.0.0.1 port, and every request
made over HTTP.

- every library query through the SPARQL 1.1 Protocol gives the rows `kg sparql` gives;
- results in JSON, XML, CSV and TSV by Accept header;
- an IRI of each class dereferences as Turtle and JSON-LD (isomorphic to the store's
  description of that IRI, read here with pyoxigraph) and as HTML;
- unknown IRI → 404; update → 4xx with a one-line reason; SERVICE refused; a query that
  would run for minutes is stopped at the server's --timeout; a too-large answer refused;
- headless Chromium (Debian's `chromium`) shows the highlighted source sentence on an
  entity page.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.serve.library import json_rows
from kg.store import library_queries

pytestmark = pytest.mark.corpus

REPORTS = ("district-hailaer-2014.txt", "district-luohu-2023.txt")  # luohu has a glossary
TIMEOUT = 4.0
MAX_ROWS = 20_000
KG_BIN = Path(sys.executable).with_name("kg")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> Path:
    """graph.ttl, void.ttl and store/ built by `kg build --store` from two real reports."""
    out = tmp_path_factory.mktemp("serve")
    inputs = [str(corpus / r) for r in REPORTS]
    proc = subprocess.run([str(KG_BIN), "build", *inputs, "--out", str(out), "--store", str(out / "store"),
                           "--no-validate"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def server(built) -> str:
    """`kg serve` on a free port; yields its root URL."""
    port = _free_port()
    proc = subprocess.Popen(
        [str(KG_BIN), "serve", "--store", str(built / "store"), "--dump", str(built / "graph.ttl"),
         "--port", str(port), "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/sparql", timeout=5).read()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"kg serve did not start: {proc.communicate()[1]}") from None
            time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _get(url: str, accept: str | None = None, data: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers={**({"Accept": accept} if accept else {}), **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def _sparql(server: str, query: str, accept: str = "application/sparql-results+json", post: bool = False):
    if post:
        return _get(server + "/sparql", accept, data=urllib.parse.urlencode({"query": query}).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    return _get(server + "/sparql?" + urllib.parse.urlencode({"query": query}), accept)


def _json_value(v):
    """As `kg sparql -f json` writes a value."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
    return v


def _canon(rows: list[dict]) -> Counter:
    return Counter(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


def _store_graph(store: Path) -> ox.Store:
    return ox.Store.read_only(str(store))


# ------------------------------------------------------------------------- protocol


@pytest.mark.parametrize("name", sorted(library_queries()))
def test_serve_answers_each_library_query_with_the_rows_of_kg_sparql(server, built, name):
    text = library_queries()[name]
    status, ctype, body = _sparql(server, text, post=name.startswith("r"))  # GET and POST both exercised
    assert status == 200, body
    assert ctype.startswith("application/sparql-results+json")
    doc = json.loads(body)
    http_rows = [{k: _json_value(v) for k, v in row.items()} for row in json_rows(doc)]
    cli = subprocess.run([str(KG_BIN), "sparql", name, "--store", str(built / "store"), "-f", "json"],
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    cli_rows = json.loads(cli.stdout)
    assert _canon(http_rows) == _canon(cli_rows)
    assert int(doc and len(http_rows)) == len(cli_rows)


def test_serve_negotiates_json_xml_csv_tsv_with_the_same_rows(server):
    q = "SELECT ?s ?label WHERE { ?s a kg:Report ; rdfs:label ?label } ORDER BY ?s"
    _, _, js = _sparql(server, q)
    expect = [(b["s"]["value"], b["label"]["value"]) for b in json.loads(js)["results"]["bindings"]]
    assert expect
    status, ctype, xml = _sparql(server, q, "application/sparql-results+xml")
    assert status == 200 and ctype.startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    got = []
    for res in ET.fromstring(xml).iterfind(".//r:result", ns):
        cells = {b.get("name"): "".join(b.itertext()) for b in res.iterfind("r:binding", ns)}
        got.append((cells["s"], cells["label"]))
    assert got == expect
    status, ctype, text = _sparql(server, q, "text/csv")
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8"))))
    assert rows[0] == ["s", "label"] and [tuple(r) for r in rows[1:]] == expect
    status, ctype, text = _sparql(server, q, "text/tab-separated-values")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    lines = text.decode("utf-8").splitlines()
    assert lines[0] == "?s\t?label"
    assert [tuple(ln.split("\t")) for ln in lines[1:]] == [(f"<{s}>", f'"{l}"@zh') for s, l in expect]


def test_serve_answers_construct_as_turtle(server, built):
    q = "CONSTRUCT { ?r a kg:Report ; dcterms:date ?d } WHERE { ?r a kg:Report ; dcterms:date ?d }"
    status, ctype, body = _sparql(server, q, "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(g) == 2 * len(REPORTS)


def test_serve_refuses_updates_with_a_one_line_reason(server):
    for data, ctype in (
        (urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode(),
         "application/x-www-form-urlencoded"),
        (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update"),
    ):
        status, _, body = _get(server + "/sparql", data=data, headers={"Content-Type": ctype})
        assert 400 <= status < 500
        assert body.decode().strip().count("\n") == 0 and "read-only" in body.decode()
    # an update sent as a query is refused too
    status, _, body = _sparql(server, "PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c }")
    assert 400 <= status < 500 and "read-only" in body.decode()
    # and the data is untouched
    _, _, js = _sparql(server, "ASK { <urn:a> ?p ?o }")
    assert json.loads(js)["boolean"] is False


def test_serve_refuses_service_and_makes_no_request(server):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = _sparql(server, q)
        assert status == 403 and "SERVICE" in body.decode()
        with pytest.raises(socket.timeout):
            listener.accept()


def test_serve_stops_a_long_query_at_the_time_limit_and_keeps_answering(server):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # hours of work
    began = time.monotonic()
    status, _, body = _sparql(server, q)
    took = time.monotonic() - began
    assert status == 503 and f"{TIMEOUT:g} s" in body.decode()
    assert took < TIMEOUT + 60  # stopped, not run out (the bound is loose for a busy machine)
    status, _, body = _sparql(server, "ASK { ?s a kg:Report }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_serve_refuses_an_answer_over_the_row_limit(server):
    q = "SELECT ?a ?b WHERE { ?a a kg:Sentence . ?b a kg:Sentence }"
    status, _, body = _sparql(server, q)
    assert status == 422 and str(MAX_ROWS) in body.decode()


def test_serve_reports_a_syntax_error_in_one_line(server):
    status, _, body = _sparql(server, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and body.decode().startswith("SPARQL syntax error")
    assert body.decode().strip().count("\n") == 0


# --------------------------------------------------------------------- dereferencing

CLASSES = {
    "report": "kg:Report", "section": "kg:Section", "sentence": "kg:Sentence", "place": "kg:Place",
    "programme": "kg:Programme", "indicator": "kg:Indicator", "observation": "kg:Observation",
    "glossary term": "kg:GlossaryTerm",
}


@pytest.fixture(scope="module")
def samples(server) -> dict[str, str]:
    out = {}
    for name, cls in CLASSES.items():
        _, _, js = _sparql(server, f"SELECT ?x WHERE {{ ?x a {cls} }} ORDER BY ?x LIMIT 1")
        b = json.loads(js)["results"]["bindings"]
        assert b, f"the test reports hold no {name}"
        out[name] = b[0]["x"]["value"]
    return out


def _path(iri: str) -> str:
    """The request path for a data IRI (percent-encoded as a browser sends it)."""
    rest = iri.removeprefix("https://kg.example.org/")
    return "/" + urllib.parse.quote(rest, safe="/%-._~")


def _description(store: Path, iri: str) -> Graph:
    st = _store_graph(store)
    g = Graph()
    data = ox.serialize(st.quads_for_pattern(ox.NamedNode(iri), None, None, ox.DefaultGraph()),
                        format=ox.RdfFormat.N_QUADS)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


@pytest.mark.parametrize("name", list(CLASSES))
def test_serve_dereferences_an_iri_of_each_class_in_three_formats(server, built, samples, name):
    iri = samples[name]
    expected = _description(built / "store", iri)
    assert len(expected) > 0
    status, ctype, body = _get(server + _path(iri), "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    assert isomorphic(Graph().parse(data=body.decode("utf-8"), format="turtle"), expected)
    status, ctype, body = _get(server + _path(iri), "application/ld+json")
    assert status == 200 and ctype.startswith("application/ld+json")
    assert isomorphic(Graph().parse(data=body.decode("utf-8"), format="json-ld"), expected)
    status, ctype, body = _get(server + _path(iri), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
    assert status == 200 and ctype.startswith("text/html")
    html = body.decode("utf-8")
    assert iri in html
    page_parts = {"report": ("<h2>Outline</h2>", "<h2>Figures ("), "place": ("Every mention, in its sentence", "<mark"),
                  "programme": ("Reports across years",), "indicator": ("Values over years", "<mark")}
    for part in page_parts.get(name, ()):
        assert part in html, part


def test_serve_answers_404_for_an_unknown_iri(server):
    for accept in ("text/turtle", "application/ld+json", "text/html"):
        status, _, _ = _get(server + "/report/" + urllib.parse.quote("没有这个政府") + "/2099-01-01", accept)
        assert status == 404


def test_serve_mounted_under_a_base_path_answers_for_the_same_iris(built, samples):
    """A portal's base IRI with a path (/kg/): requests under /kg/ (a proxy forwarding the
    path) and without it (a proxy stripping it) answer for the portal's IRIs."""
    port = _free_port()
    base = "https://data.example.gov.cn/kg/"
    store = built / "store-portal"
    proc = subprocess.run([str(KG_BIN), "build", "--sample", "--out", str(built / "portal"),
                           "--store", str(store), "--base-iri", base, "--no-validate"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    srv = subprocess.Popen([str(KG_BIN), "serve", "--store", str(store), "--port", str(port), "--base-iri", base],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/kg/sparql", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert srv.poll() is None, srv.communicate()[1]
                time.sleep(0.3)
        _, _, js = _sparql(url + "/kg", "SELECT ?r WHERE { ?r a kg:Report }")
        iri = json.loads(js)["results"]["bindings"][0]["r"]["value"]
        assert iri.startswith(base)
        rest = urllib.parse.quote(iri.removeprefix(base), safe="/%-._~")
        for path in (f"/kg/{rest}", f"/{rest}"):
            status, _, body = _get(url + path, "text/turtle")
            assert status == 200
            assert URIRef(iri) in set(Graph().parse(data=body.decode(), format="turtle").subjects())
        status, _, body = _get(url + "/kg/void", "text/turtle")
        assert status == 200 and f"<{base}sparql>" in body.decode()
    finally:
        srv.terminate()
        srv.wait(20)


def test_serve_void_points_at_the_endpoint_and_the_dump(server, built):
    status, ctype, body = _get(server + "/void", "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    q = """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#>
    SELECT ?ep ?dl WHERE { ?d a void:Dataset ; void:sparqlEndpoint ?ep ; dcat:distribution ?x .
                          ?x dcat:downloadURL ?dl . ?s a dcat:DataService ; dcat:endpointURL ?ep ; dcat:servesDataset ?d }"""
    rows = [(str(a), str(b)) for a, b in g.query(q)]
    assert rows == [("https://kg.example.org/sparql", "https://kg.example.org/dumps/graph.ttl")]
    status, _, dump = _get(server + "/dumps/graph.ttl")
    assert status == 200 and dump == (built / "graph.ttl").read_bytes()


def test_serve_library_query_form_runs_with_a_parameter(server):
    status, _, body = _get(server + "/queries", "text/html")
    assert status == 200
    html = body.decode()
    for name in library_queries():
        assert f"/queries/{name}" in html
    status, _, body = _get(server + "/queries/report_overview?run=1", "text/html")
    assert status == 200 and "row(s)" in body.decode()


# ------------------------------------------------------------------------- browser


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        msg = "headless Chromium is missing (apt-get install chromium; scripts/test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return exe


def _chromium_run(exe: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", f"--user-data-dir={tmp / 'profile'}", *args],
                          capture_output=True, text=True, timeout=180)


def test_browser_shows_the_highlighted_source_sentence_on_an_entity_page(server, built, tmp_path):
    exe = _chromium()
    _, _, js = _sparql(server, """SELECT ?e ?text ?s ?a ?b WHERE {
        ?e a kg:Place . ?m oa:hasBody ?e ; kg:span ?sp . ?sp kg:start ?a ; kg:end ?b ; kg:inSentence ?sent .
        ?sent kg:text ?text ; kg:start ?s } ORDER BY ?e ?a LIMIT 1""")
    row = json.loads(js)["results"]["bindings"][0]
    iri, text = row["e"]["value"], row["text"]["value"]
    s, a, b = (int(row[k]["value"]) for k in ("s", "a", "b"))
    marked = text[a - s:b - s]
    url = server + _path(iri)
    dom = _chromium_run(exe, tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    from html.parser import HTMLParser

    class Marks(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth, self.marks, self.sentences, self._sent = 0, [], [], None

        def handle_starttag(self, tag, attrs):
            cls = dict(attrs).get("class") or ""
            if tag == "span" and "sentence" in cls:
                self._sent = []
            if tag == "mark":
                self.depth += 1
                self.marks.append("")

        def handle_endtag(self, tag):
            if tag == "mark":
                self.depth -= 1
            if tag == "span" and self._sent is not None:
                self.sentences.append("".join(self._sent))
                self._sent = None

        def handle_data(self, data):
            if self.depth:
                self.marks[-1] += data
            if self._sent is not None:
                self._sent.append(data)

    p = Marks()
    p.feed(dom.stdout)
    assert marked in p.marks
    assert text in p.sentences
    # rendered: the highlight colour is on screen
    shot = tmp_path / "entity.png"
    res = _chromium_run(exe, tmp_path, "--window-size=1280,1400", f"--screenshot={shot}", url)
    assert res.returncode == 0 and shot.is_file(), res.stderr[-2000:]
    from PIL import Image

    img = Image.open(shot).convert("RGB")
    highlight = sum(n for n, (r, g, b) in img.getcolors(1 << 24)
                    if abs(r - 0xFF) < 6 and abs(g - 0xE0) < 8 and abs(b - 0x8A) < 10)  # mark: #ffe08a
    assert highlight > 50, "no highlighted span visible in the rendered page"
