"""kg.evaluate on a synthetic report, synthetic answer keys and hand-built predictions."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError, ParseError
from kg.evaluate import closeness, differences, load_gold, match, normalise_key, score, similarity
from kg.model import (
    Analysis,
    Entity,
    EntityType,
    Glossary,
    GlossaryComponent,
    GlossaryEntry,
    GlossaryTerm,
    Kind,
    Mention,
    Part,
    PartRole,
    Qualifier,
    Quantity,
    Relation,
    Report,
    ReportMeta,
    Section,
    Status,
    Subsection,
    Text,
)

# A made-up district report in the genre's shape (not a real report).
REPORT = """青溪区2031年政府工作报告
——2031年1月8日在青溪区第五届人民代表大会第二次会议上
区长  林明远
各位代表:
现在,我代表青溪区人民政府,向大会报告政府工作。
一、2030年工作回顾
(一)经济发展稳中有进
经济运行总体平稳。全区生产总值812.5亿元,增长4.2%。新增市场主体近万家。
产业结构持续优化。新引进企业36家,其中上市企业5家。构建“2+3+N”服务体系,企业满意度提升。
(二)民生福祉持续增进
教育资源扩容提质。新增学位2400个,改造校舍18所。
二、2031年工作安排
主要预期目标是:全区生产总值增长5%左右,一般公共预算收入增长3%以上。
(一)全力扩大有效投资
项目建设提速增效。实施重点项目120个,完成投资300亿元以上。
深化“2+3+N”服务体系,推动白鹭湖片区和青溪科技园建设。
三、切实加强政府自身建设
坚持依法行政,建设人民满意政府。
名词解释
1.“2+3+N”服务体系:“2”是两个中心,“3”是政务、商务、法务3个平台,“N”是多个专项服务。
"""

TEXT = Text(source=REPORT, text=REPORT, path="qingxi-2031.txt")


def span(ctx: str, surface: str | None = None) -> tuple[int, int]:
    i = REPORT.index(ctx)
    assert REPORT.count(ctx) == 1, ctx
    if surface is None:
        return i, i + len(ctx)
    k = i + ctx.index(surface)
    return k, k + len(surface)


def q(surface, context, indicator, value, unit, kind, status, year, qualifier="none", **extra):
    row = {
        "surface": surface, "context": context, "indicator": indicator, "value": value,
        "unit": unit, "kind": kind, "status": status, "year": year, "qualifier": qualifier,
    }
    row.update(extra)
    return row


def gold_dict() -> dict:
    return {
        "source": "qingxi-2031.txt",
        "scope": {"sections": "all", "glossary": "all", "quantities": "all", "entities": "all",
                  "relations": "all"},
        "report": {
            "title": "2031年政府工作报告",
            "title_as_printed": "青溪区2031年政府工作报告",
            "government": "青溪区人民政府",
            "place": "青溪区",
            "parent_places": [],
            "speaker": "林明远",
            "speaker_role": "区长",
            "delivery_date": "2031-01-08",
            "meeting": "青溪区第五届人民代表大会第二次会议",
            "publish_date": None,
            "review_year": 2030,
            "plan_year": 2031,
            "evidence": [{"field": "speaker", "context": "区长  林明远"}],
        },
        "parts": [
            {"part": 1, "title": "2030年工作回顾", "role": "review", "context": "一、2030年工作回顾"},
            {"part": 2, "title": "2031年工作安排", "role": "plan", "context": "二、2031年工作安排"},
            {"part": 3, "title": "切实加强政府自身建设", "role": "self_building",
             "context": "三、切实加强政府自身建设"},
        ],
        "sections": [
            {"part": 1, "number": 1, "title": "经济发展稳中有进", "context": "(一)经济发展稳中有进",
             "subsections": [
                 {"title": "经济运行总体平稳", "context": "经济运行总体平稳。"},
                 {"title": "产业结构持续优化", "context": "产业结构持续优化。"},
             ]},
            {"part": 1, "number": 2, "title": "民生福祉持续增进", "context": "(二)民生福祉持续增进",
             "subsections": [{"title": "教育资源扩容提质", "context": "教育资源扩容提质。"}]},
            {"part": 2, "number": 1, "title": "全力扩大有效投资", "context": "(一)全力扩大有效投资",
             "subsections": [{"title": "项目建设提速增效", "context": "项目建设提速增效。"}]},
            {"part": 3, "number": 1, "title": "坚持依法行政", "context": "坚持依法行政,建设",
             "numbered": False, "subsections": []},
        ],
        "glossary": [
            {
                "number": 1, "term": "2+3+N服务体系", "key": "2+3+N",
                "definition": "“2”是两个中心,“3”是政务、商务、法务3个平台,“N”是多个专项服务。",
                "context": "1.“2+3+N”服务体系:",
                "components": [
                    {"symbol": "2", "meaning": "两个中心", "members": []},
                    {"symbol": "3", "meaning": "3个平台", "members": ["政务", "商务", "法务"]},
                    {"symbol": "N", "meaning": "多个专项服务", "members": []},
                ],
                "mentions": [
                    {"surface": "“2+3+N”服务体系", "context": "构建“2+3+N”服务体系"},
                    {"surface": "“2+3+N”服务体系", "context": "深化“2+3+N”服务体系"},
                ],
            }
        ],
        "quantities": [
            q("812.5亿元", "全区生产总值812.5亿元", "全区生产总值", 812.5, "亿元", "amount", "actual", 2030),
            q("4.2%", "812.5亿元,增长4.2%", "全区生产总值", 4.2, "%", "change", "actual", 2030, direction="up"),
            q("近万家", "新增市场主体近万家", "新增市场主体", 10000, "家", "count", "actual", 2030, "approx"),
            q("36家", "新引进企业36家", "新引进企业", 36, "家", "count", "actual", 2030),
            q("5家", "其中上市企业5家", "上市企业", 5, "家", "count", "actual", 2030),
            q("2400个", "新增学位2400个", "新增学位", 2400, "个", "count", "actual", 2030),
            q("18所", "改造校舍18所", "改造校舍", 18, "所", "count", "actual", 2030, borderline=True),
            q("5%", "全区生产总值增长5%左右", "全区生产总值", 5, "%", "change", "target", 2031, "approx",
              direction="up"),
            q("3%", "一般公共预算收入增长3%以上", "一般公共预算收入", 3, "%", "change", "target", 2031, "ge",
              direction="up"),
            q("120个", "实施重点项目120个", "重点项目", 120, "个", "count", "target", 2031),
            q("300亿元", "完成投资300亿元以上", "完成投资", 300, "亿元", "amount", "target", 2031, "ge"),
        ],
        "entities": [
            {"name": "青溪区", "aliases": ["青溪"], "type": "Place", "subtype": "admin",
             "contexts": ["现在,我代表青溪区人民政府"], "parent": None},
            {"name": "白鹭湖片区", "aliases": ["白鹭湖"], "type": "Place", "subtype": "area",
             "contexts": ["推动白鹭湖片区和"], "parent": "青溪区"},
            {"name": "青溪科技园", "aliases": [], "type": "Place", "subtype": "building",
             "contexts": ["片区和青溪科技园建设"], "parent": None},
            {"name": "青溪区人民政府", "aliases": [], "type": "Organization", "subtype": "government",
             "contexts": ["我代表青溪区人民政府,向大会"], "parent": None},
            {"name": "“2+3+N”服务体系", "aliases": [], "type": "Policy", "subtype": None,
             "contexts": ["构建“2+3+N”服务体系"], "parent": None, "confidence": "low"},
        ],
        "relations": [
            {"subject": "白鹭湖片区", "predicate": "part_of", "object": "青溪区", "context": "推动白鹭湖片区和"},
            {"subject": "青溪科技园", "predicate": "located_in", "object": "青溪区", "context": "片区和青溪科技园建设",
             "confidence": "low"},
        ],
    }


def write(tmp_path: Path, data: dict | str, name: str = "gold.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def load(tmp_path: Path, data: dict):
    return load_gold(write(tmp_path, data), TEXT)


# ------------------------------------------------------------ building predictions


def qty(row: dict, **change) -> Quantity:
    s, e = span(row["context"], row["surface"])
    fields = dict(
        surface=REPORT[s:e], start=s, end=e, indicator=row["indicator"], value=Decimal(str(row["value"])),
        unit=row["unit"], kind=Kind(row["kind"]), direction=row.get("direction"), status=Status(row["status"]),
        year=row["year"], qualifier=Qualifier(row["qualifier"]),
    )
    fields.update(change)
    return Quantity(**fields)


def section(row: dict, subs: list[dict] | None = None, **change) -> Section:
    s, e = span(row["context"])
    subs = row.get("subsections", []) if subs is None else subs
    fields = dict(
        part=row["part"], number=row["number"], title=row["title"], start=s, end=e, heading_start=s,
        body_end=e, numbered=row.get("numbered", True),
        subsections=tuple(Subsection(x["title"], *span(x["context"])) for x in subs),
    )
    fields.update(change)
    return Section(**fields)


def glossary_term(row: dict, components=None, mentions=None, key=None) -> GlossaryTerm:
    s, e = span(row["context"])
    entry = GlossaryEntry(
        number=row["number"], term=row["term"], key=key or row["key"], definition=row["definition"],
        start=s, end=e, term_start=s, term_end=e, definition_start=s, definition_end=e,
    )
    comps = components if components is not None else [
        GlossaryComponent(c["symbol"], c["meaning"], tuple(c["members"])) for c in row["components"]
    ]
    ments = mentions if mentions is not None else [
        Mention(m["surface"], *span(m["context"], m["surface"])) for m in row["mentions"]
    ]
    return GlossaryTerm(entry=entry, components=tuple(comps), mentions=tuple(ments))


def entity(row: dict, **change) -> Entity:
    fields = dict(
        name=row["name"], type=EntityType(row["type"]), subtype=row.get("subtype"), aliases=tuple(row["aliases"]),
        mentions=tuple(Mention(c, *span(c)) for c in row["contexts"]),
    )
    fields.update(change)
    return Entity(**fields)


def relation(row: dict, **change) -> Relation:
    s, e = span(row["context"])
    fields = dict(subject=row["subject"], predicate=row["predicate"], object=row["object"], start=s, end=e)
    fields.update(change)
    return Relation(**fields)


def perfect(g: dict, *, sections=None, parts=None, quantities=None, terms=None, entities=None,
            relations=None, entries=None, meta=None) -> Analysis:
    """The prediction that says what ``g`` says, with any category replaced."""
    secs = sections if sections is not None else [section(r) for r in g["sections"]]
    prows = g["parts"]
    part_objs = parts if parts is not None else [
        Part(number=r["part"], title=r["title"], role=PartRole(r["role"]), start=span(r["context"])[0],
             end=span(r["context"])[1], heading_start=span(r["context"])[0], body_end=span(r["context"])[1],
             sections=tuple(s for s in secs if s.part == r["part"]))
        for r in prows
    ]
    if parts is not None:
        part_objs = [
            Part(number=p.number, title=p.title, role=p.role, start=p.start, end=p.end,
                 heading_start=p.heading_start, body_end=p.body_end,
                 sections=tuple(s for s in secs if s.part == p.number))
            for p in parts
        ]
    orphans = [s for s in secs if s.part not in {p.number for p in part_objs}]
    if orphans:
        part_objs.append(Part(number=99, title="x", role=PartRole.OTHER, start=0, end=1, heading_start=0,
                              body_end=1, sections=tuple(orphans)))
    gterms = terms if terms is not None else [glossary_term(r) for r in g["glossary"]]
    gentries = entries if entries is not None else [t.entry for t in gterms]
    rep = g["report"]
    report = Report(
        text=TEXT,
        meta=meta if meta is not None else ReportMeta(
            title=rep["title"], government=rep["government"], place=rep["place"], parent_places=(),
            speaker=rep["speaker"], speaker_role=rep["speaker_role"], delivery_date=rep["delivery_date"],
            meeting=rep["meeting"], review_year=rep["review_year"], plan_year=rep["plan_year"],
        ),
        parts=tuple(part_objs),
        glossary=Glossary("名词解释", 0, 0, tuple(gentries)) if gentries else None,
    )
    return Analysis(
        report=report,
        quantities=tuple(quantities if quantities is not None else [qty(r) for r in g["quantities"]]),
        entities=tuple(entities if entities is not None else [entity(r) for r in g["entities"]]),
        relations=tuple(relations if relations is not None else [relation(r) for r in g["relations"]]),
        glossary_terms=tuple(gterms),
        extractors=("quantities", "entities", "relations", "glossary"),
    )


def leaves(d: dict, prefix: str = ""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from leaves(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


# ------------------------------------------------------------------- load_gold


def test_load_gold_computes_surface_spans_like_check_gold(tmp_path):
    gold = load(tmp_path, gold_dict())
    q0 = gold.quantities[0]
    assert REPORT[q0.start:q0.end] == "812.5亿元"
    assert [s.title for s in gold.sections[0].subsections] == ["经济运行总体平稳", "产业结构持续优化"]
    assert gold.sections[3].optional and not gold.sections[0].optional
    assert gold.quantities[6].optional
    m = gold.glossary[0].mentions[1]
    assert REPORT[m.start:m.end] == "“2+3+N”服务体系" and REPORT[m.start - 2:m.start] == "深化"


def test_load_gold_rejects_bad_json_with_its_line(tmp_path):
    with pytest.raises(ParseError, match=r"line 2 column .*bad JSON"):
        load_gold(write(tmp_path, '{"scope": {}\n "sections": []}'), TEXT)


def test_load_gold_rejects_a_missing_file():
    with pytest.raises(InputError, match="no such answer-key file"):
        load_gold("/nonexistent/gold.json", TEXT)


def test_load_gold_names_the_entry_with_a_missing_key(tmp_path):
    g = gold_dict()
    del g["quantities"][3]["unit"]
    with pytest.raises(ParseError, match=r"quantities\[3\]: missing key 'unit'; add it"):
        load(tmp_path, g)


def test_load_gold_rejects_a_context_that_occurs_twice(tmp_path):
    g = gold_dict()
    g["sections"][0]["subsections"][0]["context"] = "生产总值"
    with pytest.raises(ParseError) as err:
        load(tmp_path, g)
    msg = str(err.value)
    assert "sections[0].subsections[0]" in msg and "occurs 2 times" in msg and "exactly once" in msg
    assert "\n" not in msg


def test_load_gold_rejects_a_context_not_in_the_report(tmp_path):
    g = gold_dict()
    g["parts"][1]["context"] = "二、2032年工作安排"
    with pytest.raises(ParseError, match=r"parts\[1\]: context occurs 0 times"):
        load(tmp_path, g)


def test_load_gold_says_when_the_key_was_made_for_another_report(tmp_path):
    other = Text(source="各位代表:现在我代表区人民政府报告工作。", text="各位代表:现在我代表区人民政府报告工作。",
                 path="/data/another-2031.txt")
    with pytest.raises(ParseError, match=r"occurs 0 times in /data/another-2031.txt.*made for qingxi-2031.txt"):
        load_gold(write(tmp_path, gold_dict()), other)


def test_load_gold_rejects_a_surface_outside_its_context(tmp_path):
    g = gold_dict()
    g["quantities"][0]["surface"] = "812.6亿元"
    with pytest.raises(ParseError, match=r"quantities\[0\]: surface '812.6亿元' is not in its context"):
        load(tmp_path, g)


def test_load_gold_rejects_an_entity_context_without_its_name(tmp_path):
    g = gold_dict()
    g["entities"][2]["contexts"] = ["实施重点项目120个"]
    with pytest.raises(ParseError, match=r"entities\[2\]\.contexts\[0\].*no name or alias"):
        load(tmp_path, g)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("scope", "quantities"), "some", r"scope.quantities: 'quantities' is 'some'; use one of all, headline, none"),
        (("quantities", 0, "kind"), "level", r"quantities\[0\]: 'kind' is 'level'; use one of amount"),
        (("quantities", 0, "value"), "812.5", r"quantities\[0\]: 'value' must be a JSON number"),
        (("entities", 0, "type"), "Person", r"entities\[0\]: 'type' is 'Person'"),
        (("sections", 1, "number"), "2", r"sections\[1\]: 'number' must be an integer"),
    ],
)
def test_load_gold_rejects_bad_values_with_the_allowed_ones(tmp_path, path, value, message):
    g = gold_dict()
    node = g
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    with pytest.raises(ParseError, match=message):
        load(tmp_path, g)


def test_load_gold_rejects_an_unknown_scope_category(tmp_path):
    g = gold_dict()
    g["scope"]["quantity"] = "all"
    with pytest.raises(ParseError, match="unknown category 'quantity'"):
        load(tmp_path, g)


def test_load_gold_finds_chrome_contexts_in_the_source(tmp_path):
    blanked = REPORT.replace("区长  林明远", " " * len("区长  林明远"))
    text = Text(source=REPORT, text=blanked, path="qingxi-2031.txt")
    gold = load_gold(write(tmp_path, gold_dict()), text)
    assert gold.report["speaker"] == "林明远"


# ------------------------------------------------------------------------ score


def test_a_perfect_prediction_scores_one_everywhere(tmp_path):
    g = gold_dict()
    scores = score(perfect(g), load(tmp_path, g))
    assert set(scores) == {"parts", "sections", "subsections", "glossary", "glossary_components",
                           "glossary_mentions", "quantities", "entities", "relations", "report"}
    for metric, value in leaves(scores):
        if metric.endswith((".fp", ".fn")):
            assert value == 0, metric
        elif not metric.endswith(".tp"):
            assert value == 1.0, metric
    assert scores["quantities"]["tp"] == 11
    assert scores["sections"]["tp"] == 4


def test_a_missing_section_lowers_recall_by_one_in_the_required_count(tmp_path):
    g = gold_dict()
    secs = [section(r) for r in g["sections"] if r["title"] != "民生福祉持续增进"]
    s = score(perfect(g, sections=secs), load(tmp_path, g))["sections"]
    # 3 numbered sections are required; the unnumbered one is optional but predicted
    assert s["r"] == round(2 / 3, 4) and s["p"] == 1.0 and s["fn"] == 1 and s["tp"] == 3
    # its subsection is missed too, and nothing else
    assert score(perfect(g, sections=secs), load(tmp_path, g))["subsections"]["fn"] == 1


def test_an_extra_section_lowers_precision(tmp_path):
    g = gold_dict()
    extra = section(g["sections"][2], subs=[], number=2, title="持续优化营商环境")
    secs = [section(r) for r in g["sections"]] + [extra]
    s = score(perfect(g, sections=secs), load(tmp_path, g))["sections"]
    assert s["p"] == 0.8 and s["r"] == 1.0 and s["fp"] == 1
    assert s["f1"] == round(2 * 0.8 / 1.8, 4)


def test_a_section_with_the_right_number_but_another_title_is_wrong(tmp_path):
    g = gold_dict()
    secs = [section(r) for r in g["sections"]]
    secs[0] = section(g["sections"][0], title="全面深化改革开放")
    s = score(perfect(g, sections=secs), load(tmp_path, g))
    assert (s["sections"]["tp"], s["sections"]["fp"], s["sections"]["fn"]) == (3, 1, 1)
    # subsections of an unmatched section pair count whole: 2 missed, 2 spurious
    assert (s["subsections"]["fp"], s["subsections"]["fn"]) == (2, 2)


def test_section_titles_match_despite_punctuation_and_width(tmp_path):
    g = gold_dict()
    secs = [section(r) for r in g["sections"]]
    secs[0] = section(g["sections"][0], title="经济发展稳中有进。")
    secs[1] = section(g["sections"][1], title=" 民生福祉持续增进 ")
    assert score(perfect(g, sections=secs), load(tmp_path, g))["sections"]["f1"] == 1.0


def test_unnumbered_sections_are_optional(tmp_path):
    g = gold_dict()
    secs = [section(r) for r in g["sections"] if r.get("numbered", True)]
    s = score(perfect(g, sections=secs), load(tmp_path, g))["sections"]
    assert (s["p"], s["r"], s["tp"], s["fn"]) == (1.0, 1.0, 3, 0)


def test_non_section_headings_are_optional_and_match_by_span(tmp_path):
    g = gold_dict()
    g["non_section_headings"] = [{"part": 2, "title": "主要预期目标", "context": "主要预期目标是:全区"}]
    heading = section({"part": 2, "number": 1, "title": "主要预期目标是",
                       "context": "主要预期目标是:全区生产总值增长5%左右"}, subs=[])
    secs = [section(r) for r in g["sections"]]
    with_it = score(perfect(g, sections=secs + [heading]), load(tmp_path, g))["sections"]
    without = score(perfect(g, sections=secs), load(tmp_path, g))["sections"]
    assert (with_it["tp"], with_it["fp"], with_it["p"]) == (5, 0, 1.0)
    assert (without["tp"], without["fn"], without["r"]) == (4, 0, 1.0)


def test_subsections_match_by_title_inside_the_matched_section(tmp_path):
    g = gold_dict()
    secs = [section(r) for r in g["sections"]]
    # the right lead phrase under the wrong section is not a match
    secs[1] = section(g["sections"][1], subs=[{"title": "经济运行总体平稳", "context": "经济运行总体平稳。"}])
    s = score(perfect(g, sections=secs), load(tmp_path, g))["subsections"]
    assert (s["tp"], s["fp"], s["fn"]) == (3, 1, 1)


def test_parts_score_role_as_accuracy(tmp_path):
    g = gold_dict()
    base = perfect(g)
    parts = list(base.report.parts)
    from dataclasses import replace
    parts[2] = replace(parts[2], role=PartRole.OTHER)
    s = score(perfect(g, parts=parts), load(tmp_path, g))["parts"]
    assert s["f1"] == 1.0 and s["role_acc"] == round(2 / 3, 4)


def test_headline_scope_gives_recall_only(tmp_path):
    g = gold_dict()
    g["scope"]["quantities"] = "headline"
    g["quantities"] = [r for r in g["quantities"] if r["indicator"] in ("全区生产总值", "一般公共预算收入")]
    gold = load(tmp_path, g)
    full = [qty(r) for r in gold_dict()["quantities"]]  # predicts every figure, not only headline ones
    s = score(perfect(g, quantities=full), gold)["quantities"]
    assert s["p"] is None and s["f1"] is None and s["fp"] is None
    assert s["r"] == 1.0 and s["tp"] == 4
    assert s["strict"] == {"p": None, "r": 1.0, "f1": None}
    missing = score(perfect(g, quantities=full[1:]), gold)["quantities"]
    assert missing["r"] == 0.75 and missing["fn"] == 1


def test_scope_none_leaves_the_category_out(tmp_path):
    g = gold_dict()
    g["scope"].update(entities="none", relations="none", glossary="none")
    s = score(perfect(g), load(tmp_path, g))
    assert "entities" not in s and "relations" not in s
    assert not {"glossary", "glossary_components", "glossary_mentions"} & set(s)


def test_scope_not_stated_is_all_when_the_list_is_given_else_none(tmp_path):
    g = gold_dict()
    del g["scope"]
    del g["relations"]
    gold = load(tmp_path, g)
    assert gold.scope["quantities"] == "all" and gold.scope["relations"] == "none"


def test_a_category_with_no_predictions_scores_zero_recall(tmp_path):
    g = gold_dict()
    s = score(perfect(g, quantities=[], entities=[], relations=[], terms=[]), load(tmp_path, g))
    for cat in ("quantities", "entities", "relations", "glossary_components", "glossary_mentions"):
        assert s[cat]["r"] == 0.0 and s[cat]["f1"] == 0.0 and s[cat]["p"] is None, cat
    assert s["quantities"]["fields"]["value"] is None
    assert s["quantities"]["fn"] == 10  # 11 figures, one of them borderline


def test_nothing_to_find_and_nothing_found_is_perfect(tmp_path):
    g = gold_dict()
    g["glossary"] = []
    s = score(perfect(g, terms=[]), load(tmp_path, g))
    assert s["glossary"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}


def test_predictions_where_the_key_has_none_are_false_positives(tmp_path):
    g = gold_dict()
    terms = [glossary_term(r) for r in g["glossary"]]
    g["glossary"] = []
    s = score(perfect(g, terms=terms), load(tmp_path, g))["glossary"]
    assert (s["p"], s["r"], s["f1"], s["fp"]) == (0.0, 1.0, 0.0, 1)


# ------------------------------------------------------------------ quantities


def test_borderline_quantities_are_optional(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    without = score(perfect(g, quantities=[qty(r) for r in rows if not r.get("borderline")]), load(tmp_path, g))
    assert without["quantities"]["r"] == 1.0 and without["quantities"]["fn"] == 0
    with_it = score(perfect(g), load(tmp_path, g))
    assert with_it["quantities"]["tp"] == 11 and with_it["quantities"]["p"] == 1.0


def test_quantity_field_accuracies_count_matched_pairs_only(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    preds = [qty(rows[0], unit="万元"), qty(rows[1], year=2029), qty(rows[3]), qty(rows[5])]
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    assert s["tp"] == 4 and s["fn"] == 6
    assert s["fields"] == {"value": 1.0, "unit": 0.75, "kind": 1.0, "status": 1.0, "year": 0.75,
                           "qualifier": 1.0, "indicator": 1.0}


def test_quantity_values_compare_numerically(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    preds = [qty(rows[0], value=Decimal("812.50")), qty(rows[3], value=Decimal("36.0000000001")),
             qty(rows[5], value=Decimal("2401"))]
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    assert s["fields"]["value"] == round(2 / 3, 4)


def test_quantity_indicator_counts_when_similar_enough(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    preds = [qty(rows[0], indicator="生产总值"), qty(rows[5], indicator="学位"), qty(rows[3], indicator="上市企业")]
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    # 生产总值 ~ 全区生产总值 (0.8); 学位 ~ 新增学位 (0.67); 上市企业 ≁ 新引进企业 (0.44)
    assert s["fields"]["indicator"] == round(2 / 3, 4)


def test_strict_needs_every_field_including_direction(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    preds = [qty(r) for r in rows]
    preds[1] = qty(rows[1], direction="down")
    preds[8] = qty(rows[8], qualifier=Qualifier.NONE)
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    assert s["f1"] == 1.0
    assert s["strict"]["p"] == round(9 / 11, 4) and s["strict"]["r"] == round(8 / 10, 4)
    assert s["fields"]["qualifier"] == round(10 / 11, 4)


def test_strict_ignores_the_indicator(tmp_path):
    g = gold_dict()
    preds = [qty(r, indicator="某指标") for r in g["quantities"]]
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    assert s["strict"]["f1"] == 1.0 and s["fields"]["indicator"] == 0.0


def test_quantities_match_one_to_one_by_overlap(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    a, b = span(rows[0]["context"], rows[0]["surface"]), span(rows[1]["context"], rows[1]["surface"])
    # one prediction covering both gold figures can match only one of them
    wide = qty(rows[0], surface=REPORT[a[0]:b[1]], start=a[0], end=b[1])
    s = score(perfect(g, quantities=[wide]), load(tmp_path, g))["quantities"]
    assert (s["tp"], s["fp"]) == (1, 0)
    # two predictions on the same gold figure: one is a false positive
    s = score(perfect(g, quantities=[qty(rows[0]), qty(rows[0])]), load(tmp_path, g))["quantities"]
    assert (s["tp"], s["fp"]) == (1, 1)


def test_matching_is_maximum_not_greedy(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    a, b = span(rows[0]["context"], rows[0]["surface"]), span(rows[1]["context"], rows[1]["surface"])
    # `wide` overlaps both figures (most with the first); `first` overlaps only the first.
    # Greedy by overlap pairs wide-first and leaves `first` alone; the maximum pairs both.
    wide = qty(rows[0], surface=REPORT[a[0]:b[1]], start=a[0], end=b[1])
    first = qty(rows[0], surface=REPORT[a[0]:a[0] + 3], start=a[0], end=a[0] + 3)
    s = score(perfect(g, quantities=[wide, first]), load(tmp_path, g))["quantities"]
    assert (s["tp"], s["fp"]) == (2, 0)


def test_match_prefers_closer_pairs_among_maximum_matchings():
    gold = [(0, 10), (20, 30)]
    pred = [(0, 10), (5, 25)]

    def w(i, j):
        (a, b), (c, d) = gold[i], pred[j]
        inter = min(b, d) - max(a, c)
        return inter / (max(b, d) - min(a, c)) if inter > 0 else None

    assert match(2, 2, w) == [(0, 0), (1, 1)]


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=10)), st.integers(min_value=0, max_value=3))
def test_recall_and_precision_follow_the_subset_predicted(tmp_path_factory, keep, extra):
    tmp_path = tmp_path_factory.mktemp("g")
    g = gold_dict()
    rows = g["quantities"]
    preds = [qty(rows[i]) for i in sorted(keep)]
    # extra predictions on text with no gold figure
    free = span("向大会报告政府工作")
    preds += [qty(rows[0], surface=REPORT[free[0] + k:free[0] + k + 1], start=free[0] + k, end=free[0] + k + 1)
              for k in range(extra)]
    s = score(perfect(g, quantities=preds), load(tmp_path, g))["quantities"]
    required = {i for i, r in enumerate(rows) if not r.get("borderline")}
    assert s["tp"] == len(keep) and s["fp"] == extra
    assert s["fn"] == len(required - keep)
    assert s["r"] == round(len(keep & required) / len(required), 4)
    if preds:
        assert s["p"] == round(len(keep) / len(preds), 4)
    else:
        assert s["p"] is None and s["f1"] == 0.0


# -------------------------------------------------------------------- glossary


def test_glossary_keys_match_ignoring_quotes_and_width(tmp_path):
    g = gold_dict()
    term = glossary_term(g["glossary"][0], key="“２＋３＋Ｎ”")
    s = score(perfect(g, terms=[term]), load(tmp_path, g))
    assert s["glossary"]["tp"] == 1 and s["glossary_mentions"]["tp"] == 2
    assert normalise_key("“２＋３＋Ｎ” ") == normalise_key("2+3+N")


def test_glossary_with_a_wrong_key_misses_and_adds(tmp_path):
    g = gold_dict()
    term = glossary_term(g["glossary"][0], key="2+3")
    s = score(perfect(g, terms=[term]), load(tmp_path, g))
    assert (s["glossary"]["tp"], s["glossary"]["fp"], s["glossary"]["fn"]) == (0, 1, 1)
    assert s["glossary_components"]["fn"] == 3 and s["glossary_components"]["fp"] == 3


def test_duplicate_glossary_keys_pair_by_term(tmp_path):
    g = gold_dict()
    second = copy.deepcopy(g["glossary"][0])
    second.update(number=2, term="2+3+N协同机制", context="“N”是多个专项服务。", mentions=[])
    g["glossary"].append(second)
    first = glossary_term(g["glossary"][0])
    other = glossary_term(second)
    s = score(perfect(g, terms=[other, first]), load(tmp_path, g))
    assert s["glossary"]["tp"] == 2 and s["glossary_mentions"]["tp"] == 2


def test_components_match_by_symbol_and_meaning_and_count_members(tmp_path):
    g = gold_dict()
    comps = [
        GlossaryComponent("2", "两个中心"),
        GlossaryComponent("3", "政务、商务、法务3个平台", ("政务", "商务")),  # one member missing
        GlossaryComponent("M", "多个专项服务"),  # wrong symbol
    ]
    term = glossary_term(g["glossary"][0], components=comps)
    s = score(perfect(g, terms=[term]), load(tmp_path, g))["glossary_components"]
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 1)
    assert (s["members"]["tp"], s["members"]["fp"], s["members"]["fn"]) == (2, 0, 1)


def test_inferred_component_symbols_are_not_scored(tmp_path):
    g = gold_dict()
    g["glossary"][0]["components"][2]["inferred"] = True
    comps = [GlossaryComponent("2", "两个中心"), GlossaryComponent("3", "3个平台", ("政务", "商务", "法务")),
             GlossaryComponent(None, "多个专项服务")]
    term = glossary_term(g["glossary"][0], components=comps)
    assert score(perfect(g, terms=[term]), load(tmp_path, g))["glossary_components"]["f1"] == 1.0


def test_glossary_mentions_match_by_overlap_and_term(tmp_path):
    g = gold_dict()
    s0, e0 = span("构建“2+3+N”服务体系", "2+3+N")  # inside the gold surface: overlaps
    stray = span("全力扩大有效投资")
    mentions = [Mention("2+3+N", s0, e0), Mention("全力扩大有效投资", *stray)]
    term = glossary_term(g["glossary"][0], mentions=mentions)
    s = score(perfect(g, terms=[term]), load(tmp_path, g))["glossary_mentions"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)


# ----------------------------------------------------------- entities, relations


def test_entities_match_by_name_or_alias_and_type(tmp_path):
    g = gold_dict()
    ents = [entity(r) for r in g["entities"]]
    ents[1] = entity(g["entities"][1], name="白鹭湖", aliases=())  # alias as the name: right
    ents[2] = entity(g["entities"][2], type=EntityType.ORGANIZATION)  # wrong type
    s = score(perfect(g, entities=ents), load(tmp_path, g))["entities"]
    assert (s["tp"], s["fp"], s["fn"]) == (4, 1, 1)
    assert s["by_type"]["Place"] == {"p": 1.0, "r": round(2 / 3, 4), "f1": 0.8, "tp": 2, "fp": 0, "fn": 1}
    assert s["by_type"]["Organization"]["fp"] == 1 and s["by_type"]["Organization"]["p"] == 0.5


def test_low_confidence_entities_are_optional(tmp_path):
    g = gold_dict()
    ents = [entity(r) for r in g["entities"] if r.get("confidence") != "low"]
    s = score(perfect(g, entities=ents), load(tmp_path, g))["entities"]
    assert (s["r"], s["fn"], s["tp"]) == (1.0, 0, 4)
    # the only Policy is optional: nothing required, nothing predicted
    assert s["by_type"]["Policy"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}


def test_relations_match_through_the_matched_entities(tmp_path):
    g = gold_dict()
    ents = [entity(r) for r in g["entities"]]
    ents[1] = entity(g["entities"][1], name="白鹭湖片区(东区)", aliases=("白鹭湖",))
    rels = [
        relation(g["relations"][0], subject="白鹭湖片区(东区)", object="青溪"),  # the matched names: right
        relation(g["relations"][1], predicate="part_of"),  # wrong predicate
    ]
    s = score(perfect(g, entities=ents, relations=rels), load(tmp_path, g))["relations"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)  # the missed gold relation is low confidence


def test_relations_with_a_wrong_end_do_not_match(tmp_path):
    g = gold_dict()
    rels = [relation(g["relations"][0], object="青溪科技园")]
    s = score(perfect(g, relations=rels), load(tmp_path, g))["relations"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


# ---------------------------------------------------------------------- report


def test_report_fields_are_scored_one_by_one(tmp_path):
    g = gold_dict()
    meta = ReportMeta(title="青溪区2031年政府工作报告", government="青溪区人民政府", place="青溪",
                      speaker="林 明远", speaker_role="区长", delivery_date="2031-01-09",
                      meeting="青溪区第五届人民代表大会第二次会议", review_year=2030, plan_year=2032)
    f = score(perfect(g, meta=meta), load(tmp_path, g))["report"]["fields"]
    assert f == {"title": 1.0, "government": 1.0, "place": 0.0, "parent_places": 1.0, "speaker": 1.0,
                 "speaker_role": 1.0, "delivery_date": 0.0, "meeting": 1.0, "publish_date": 1.0,
                 "review_year": 1.0, "plan_year": 0.0}


# ----------------------------------------------------------------- helpers


def test_closeness_accepts_a_meaning_given_with_its_enumeration():
    assert closeness("3个平台", "政务、商务、法务3个平台") == 0.9
    assert closeness("两个中心", "两个中心") == 1.0
    assert closeness("心", "两个中心") < 0.6


def test_similarity_ignores_punctuation_width_and_case():
    assert similarity("“双招双引”成绩显著。", "双招双引成绩显著") == 1.0
    assert similarity("ＣＩＭ平台", "cim平台") == 1.0
    assert similarity("", "") == 1.0 and similarity("甲", "") == 0.0
    assert 0.0 < similarity("规上工业增加值", "规模以上工业增加值") < 1.0


_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=12
)


def _jaccard(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else None


@settings(max_examples=200, deadline=None)
@given(_spans, _spans)
def test_match_is_one_to_one_and_at_least_as_large_as_greedy(gold, pred):
    pairs = match(len(gold), len(pred), lambda i, j: _jaccard(gold[i], pred[j]))
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(_jaccard(gold[i], pred[j]) is not None for i, j in pairs)
    # greedy by overlap, the obvious alternative, never pairs more
    edges = sorted(((_jaccard(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if _jaccard(g, p) is not None), reverse=True)
    used_g, used_p = set(), set()
    for _, i, j in edges:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    assert len(pairs) >= len(used_g)


# ------------------------------------------------------------------ differences


def test_differences_list_misses_extras_and_wrong_fields_with_their_place(tmp_path):
    g = gold_dict()
    rows = g["quantities"]
    extra = section(g["sections"][2], subs=[], number=2, title="持续优化营商环境")
    secs = [section(r) for r in g["sections"] if r["title"] != "民生福祉持续增进"] + [extra]
    preds = [qty(r) for r in rows[1:]]
    preds[0] = qty(rows[1], unit="个百分点")
    d = differences(perfect(g, sections=secs, quantities=preds), load(tmp_path, g))
    line = REPORT[:REPORT.index("(二)民生福祉")].count("\n") + 1
    assert d["sections"]["missed"] == [f"1.2 民生福祉持续增进 @{line}:1"]
    assert d["sections"]["extra"] == [f"2.2 持续优化营商环境 @{line + 4}:1"]
    assert d["subsections"]["missed"] == [f"1.2 · 教育资源扩容提质 @{line + 1}:1"]
    assert [x.split(" @")[0] for x in d["quantities"]["missed"]] == ["812.5亿元 (全区生产总值)"]
    assert d["quantities"]["wrong"] == [f"4.2% @{line - 2}:26: unit 个百分点, the key says %"]
    assert "entities" not in d and "report" not in d


def test_differences_are_empty_for_a_perfect_prediction(tmp_path):
    g = gold_dict()
    assert differences(perfect(g), load(tmp_path, g)) == {}


def test_differences_leave_out_extras_under_headline_scope(tmp_path):
    g = gold_dict()
    g["scope"]["quantities"] = "headline"
    g["quantities"] = g["quantities"][:2]
    full = [qty(r) for r in gold_dict()["quantities"]]
    assert "quantities" not in differences(perfect(g, quantities=full), load(tmp_path, g))


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, width=32) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


_ALL_PATHS = list(_paths(gold_dict()))[1:]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ALL_PATHS), _json_values), min_size=1, max_size=3))
@example(damage=[(("report", "parent_places"), True)])  # once a TypeError in the relation scorer
@example(damage=[(("report", "parent_places"), "青溪区")])
def test_a_damaged_key_fails_with_a_parse_error_or_loads(tmp_path_factory, damage):
    g = gold_dict()
    for path, value in damage:
        node = g
        try:
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    p = write(tmp_path_factory.mktemp("k"), g)
    try:
        gold = load_gold(p, TEXT)
    except ParseError as exc:
        assert "\n" not in str(exc) and str(p) in str(exc)
        return
    score(perfect(gold_dict()), gold)  # whatever loads can be scored


def test_a_relation_to_the_reports_own_place_from_a_name_holding_it_is_optional(tmp_path):
    # GUIDELINES §6: "a thing named after the report's own place" is optional, even when a
    # key forgot to mark it low
    g = gold_dict()
    del g["relations"][1]["confidence"]  # 青溪科技园 located_in 青溪区: named after the place
    s = score(perfect(g, relations=[relation(g["relations"][0])]), load(tmp_path, g))["relations"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 0)
    g["relations"][0]["subject"] = "青溪科技园"  # a name that does not hold the place stays required
    g["relations"][0]["predicate"] = "part_of"
    g["relations"][1] = {"subject": "白鹭湖片区", "predicate": "located_in", "object": "青溪区", "context": "推动白鹭湖片区和"}
    s = score(perfect(g, relations=[]), load(tmp_path, g))["relations"]
    assert s["fn"] == 1


def test_run_by_and_part_of_to_a_body_are_one_link(tmp_path):
    # GUIDELINES §6: a branch, campus or affiliate of a body is part_of it; a key's run_by
    # between two bodies means the same link, other ends keep their predicate
    g = gold_dict()
    g["entities"][2].update(type="Organization", subtype="education")
    g["relations"][1] = {"subject": "青溪科技园", "predicate": "run_by", "object": "青溪区人民政府",
                         "context": "片区和青溪科技园建设"}
    ents = [entity(r) for r in g["entities"]]
    rels = [relation(g["relations"][0]), relation(g["relations"][1], predicate="part_of")]
    s = score(perfect(g, entities=ents, relations=rels), load(tmp_path, g))["relations"]
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 0)
    rels = [relation(g["relations"][0], predicate="run_by"), relation(g["relations"][1], predicate="located_in")]
    s = score(perfect(g, entities=ents, relations=rels), load(tmp_path, g))["relations"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 2, 2)
