"""The notebooks in notebooks/ run top to bottom on the real reports and show what they say.

Each notebook is executed in a fresh kernel with nbclient (02 and 03 on a few reports, via
KG_NB_LIMIT, to keep this test short); a probe cell appended by the test prints the
notebook's own results as JSON, and the assertions read those.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

pytestmark = pytest.mark.corpus

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
MARK = "KG-PROBE:"


def run(name: str, probe: str, monkeypatch: pytest.MonkeyPatch, shared: Path, limit: int | None = None) -> dict:
    """Execute notebooks/<name> (unsaved) and return what the probe printed."""
    monkeypatch.setenv("KG_SHARED", str(shared))
    if limit is not None:
        monkeypatch.setenv("KG_NB_LIMIT", str(limit))
    else:
        monkeypatch.delenv("KG_NB_LIMIT", raising=False)
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(f"import json\nprint({MARK!r} + json.dumps({probe}, default=str, ensure_ascii=False))"))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
    out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    line = next(ln for ln in out.splitlines() if ln.startswith(MARK))
    return json.loads(line[len(MARK):])


def test_quickstart_shows_structure_quantities_glossary_sparql_and_stats(monkeypatch, shared):
    from kg.indicators import ROW_COLUMNS

    got = run(
        "01-quickstart.ipynb",
        '{"parts": len(report.parts), "sections": len(structure), "columns": list(quantities.columns),'
        ' "rows": len(quantities), "targets": len(targets), "term": term.entry.term,'
        ' "components": [c.symbol for c in term.components], "answer": list(answer.rows),'
        ' "text": report.text.text, "triples": stats["triples"], "written": n, "in_store": len(oxi),'
        ' "places": stats["places"]["by_degree"]}',
        monkeypatch, shared,
    )
    assert got["parts"] >= 2 and got["sections"] >= 5
    assert tuple(got["columns"]) == ROW_COLUMNS
    assert got["rows"] > 50 and 0 < got["targets"] < got["rows"]
    assert len(got["components"]) >= 2 and got["term"]
    # the SPARQL answer carries the sentence of each target, and the sentence is in the report
    assert got["answer"]
    for row in got["answer"]:
        assert "生产总值" in row["indicator"]
        assert row["surface"] in row["sentence"]
        assert row["sentence"].replace(" ", "") in got["text"].replace(" ", "").replace("\n", "")
    # what was streamed is the graph networkx saw; the store holds it (and kg's ontology)
    assert got["triples"] == got["written"] > 1000
    assert got["in_store"] >= got["written"]
    assert got["places"] and got["places"][0]["score"] > 0


def test_city_targets_table_has_one_target_per_city_with_its_sentence(monkeypatch, shared):
    got = run(
        "02-city-growth-targets-2024.ipynb",
        '{"files": [f.name for f in files], "columns": list(table.columns),'
        ' "rows": table.to_dict("records"), "misses": misses}',
        monkeypatch, shared, limit=5,
    )
    assert len(got["files"]) == 5
    assert {"file", "value", "qualifier", "surface", "sentence"} <= set(got["columns"])
    assert len(got["rows"]) + len(got["misses"]) == 5
    assert len(got["rows"]) >= 3
    for row in got["rows"]:
        assert 0 < row["value"] < 20
        assert row["surface"] in row["sentence"]
        assert row["qualifier"] in {"none", "approx", "gt", "ge", "lt", "le"}


def test_national_targets_are_judged_against_the_next_report(monkeypatch, shared):
    got = run(
        "03-national-targets-vs-outcomes.ipynb",
        '{"files": [f.name for f in files], "per_year": per_year[["year", "target", "outcome",'
        ' "verdict", "target_file", "outcome_file"]].to_dict("records")}',
        monkeypatch, shared, limit=3,
    )
    assert len(got["files"]) == 3
    years = {r["year"]: r for r in got["per_year"]}
    assert len(years) >= 2
    judged = [r for r in got["per_year"] if r["verdict"] in ("met", "missed")]
    assert judged, got["per_year"]
    for r in judged:
        # the outcome comes from a later report than the target
        assert r["outcome_file"] > r["target_file"]
    # the last plan year has no later report in the set: no outcome
    last = years[max(years)]
    assert last["verdict"] == "unclear" and last["outcome"] != last["outcome"]  # NaN


def test_neo4j_notebook_answers_a_library_query_like_its_sparql_twin(monkeypatch, shared, neo4j_server):
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password or "")
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_server.database)
    got = run(
        "04-neo4j.ipynb",
        '{"started": server is not None, "created": summary.nodes_created, "nodes": summary.nodes,'
        ' "labels": dict(labels.rows), "cypher": sorted(targets.surface), "sparql": sorted(sparql.surface),'
        ' "sentences": [s for s in targets.sentence if s]}',
        monkeypatch, shared,
    )
    assert not got["started"]  # it used the session's server
    assert got["created"] == got["nodes"] > 1000
    assert got["labels"]["Observation"] > 50 and got["labels"]["Sentence"] > 100
    assert got["cypher"] and got["cypher"] == got["sparql"]
    assert len(got["sentences"]) == len(got["cypher"])
