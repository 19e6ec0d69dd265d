"""A report that says it sets no target ("没有提出全年经济增速具体目标") is a fact of the graph.

Synthetic report (invented government), built with kg's pipeline: the statement becomes a
kg:TargetAbsence on the government's 生产总值 indicator node, with the plan year and its span,
and the graph conforms to ontology/shapes.ttl (whose TargetAbsence shape a broken node fails).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from kg.indicators import absent_targets
from kg.pipeline import analyse, parse
from kg.rdf import build_graph
from kg.validate import validate
from kg.vocab import KG, SOSA

REPORT = """柳岸市2041年政府工作报告

各位代表：

一、2040年工作回顾

过去一年，全市地区生产总值增长4.1%。

二、2041年工作安排

今年发展主要预期目标是：城镇新增就业3万人左右。需要说明的是，我们没有提出全年经济增速具体目标，主要因为外部环境不确定性很大。
"""


def test_an_explicit_absence_is_a_target_absence_node(tmp_path: Path) -> None:
    path = tmp_path / "city-liuan-2041.txt"
    path.write_text(REPORT, encoding="utf-8")
    [absence] = absent_targets(parse(path))
    assert (absence.indicator_key, absence.year) == ("生产总值", 2041)
    assert REPORT[absence.start : absence.end].startswith("没有提出全年经济增速")
    g = build_graph([analyse(path)])
    [node] = list(g.subjects(RDF.type, KG.TargetAbsence))
    assert (node, KG.refYear, Literal(2041)) in g
    ind = g.value(node, SOSA.observedProperty)
    assert g.value(ind, SKOS.notation) == Literal("生产总值")
    # the same node as the GDP growth actual of the review part
    assert any(g.value(o, SOSA.observedProperty) == ind for o in g.subjects(KG.status, KG.Actual))
    assert validate(g)[0]
    g.remove((node, KG.refYear, None))
    conforms, text = validate(g)
    assert not conforms and "TargetAbsence" in text
