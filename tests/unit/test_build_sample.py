"""`kg build --sample`: the README's first command works from an installed package."""

from __future__ import annotations

from rdflib import RDF, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.vocab import KG


def test_build_sample_writes_a_turtle_dump_and_its_description(tmp_path):
    result = CliRunner().invoke(app, ["build", "--sample", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(list(graph.subjects(RDF.type, KG.Report))) == 1
    assert (tmp_path / "void.ttl").stat().st_size > 0


def test_build_without_reports_is_a_one_line_error():
    result = CliRunner().invoke(app, ["build"])
    assert result.exit_code == 2
    assert "no reports given" in result.output
