"""Session 8 precision rules (issue 9, helper precE): kinds named by their kind words alone
read as names. Synthetic sentences in the genre's shape with invented names (青禾, 云溪);
each test fails when its rule is removed, and each has a twin whose name stays."""

from __future__ import annotations

import pytest

from kg.loaders.entities import _genre_words, _kind_words, extract_entities
from tests.unit.test_entities import _one_sentence_report


def _names(body: str) -> set[str]:
    entities, _ = extract_entities(_one_sentence_report(body))
    return {e.name for e in entities} | {a for e in entities for a in e.aliases}


def test_kind_words_are_the_genres_ubiquitous_words():
    words = _kind_words()
    assert {"发展", "科技", "经济"} <= words  # every report says them
    assert "青禾" not in words and "集成电路" not in words
    genre = _genre_words()
    assert genre.get("涉企") == "g" and genre.get("发展") == "u" and "青禾" not in genre


@pytest.mark.parametrize("body, kind", [
    # a level word, ubiquitous words, a head: what every level runs (_drop_kind_names)
    ("紧扣国家发展战略和民生需求，扩大有效投资。", "国家发展战略"),
    ("积极承担全国科技计划任务，攻克关键技术。", "全国科技计划"),
    # a slogan joined by 是, a trade's sub-centre, a level's companies (generic.jsonl)
    ("践行“绿水青山就是金山银山”理念，厚植生态底色。", "绿水青山就是金山银山"),
    ("打造区域影视产业副中心，吸引剧组入驻。", "影视产业副中心"),
    ("培育市属国有企业优势产业，增强核心功能。", "市属国有企业"),
    ("培育国企产业，增强核心功能。", "国企产业"),
    # a mechanism, platform or model named by genre words alone
    ("强化涉企服务平台协调联动，提升服务效能。", "涉企服务平台"),
    ("健全产教融合创新机制，加强职业教育。", "产教融合创新机制"),
    ("建设算力调度平台，融入全国算力网络。", "算力调度平台"),
    ("完成重大文旅项目投资240亿元。", "重大文旅项目"),
    # a list item that is one genre word: a kind the list counts
    ("新获批建设风电、光伏发电项目装机容量居全省第一。", "风电"),
    ("持续开展餐饮、住宿行业服务质量提升行动。", "餐饮"),
    # a level's area word alone before the head (generic_modifiers.txt: 县域, 市域…)
    ("做大做强县域产业，带动农民就业。", "县域产业"),
    ("培育壮大县域特色产业集群。", "县域特色产业集群"),
    ("加快推进市域铁路建设。", "市域铁路"),
    # a quoted genre word is a word stressed
    ("促进数据“资源”变“资产”，释放要素价值。", "资源"),
    # an industry named by its class or quality
    ("适度发展劳动密集型产业，扩大就业。", "劳动密集型产业"),
    ("加快发展资源型产业精深加工。", "资源型产业"),
    ("把旅游业培育成为重要产业，带动增收。", "重要产业"),
    # clauses and kinds the veto patterns of generic.jsonl name
    ("决不能劳民伤财搞政绩工程。", "劳民伤财搞政绩工程"),
    ("严格控制一般加工工业项目，防止重复建设。", "严格控制一般加工工业项目"),
    ("将各项部署要求付诸行动、见之成效。", "付诸行动"),
    ("加快建设东中部产业向西转移重要承接地。", "东中部产业"),
    ("有序推动民营加油站入统。", "民营加油站"),
    ("旅客吞吐量分别占全国空港口岸的33.6%和21.5%。", "全国空港口岸"),
])
def test_a_kind_named_by_kind_words_is_no_name(body, kind):
    assert not any(kind in n for n in _names(body))


@pytest.mark.parametrize("body, name", [
    # a specific topic or a place keeps the name
    ("深入实施青禾发展战略，推动高质量发展。", "青禾发展战略"),
    ("实施国家文化数字化战略，建设数字文化馆。", "国家文化数字化战略"),
    ("做强云溪集成电路产业，壮大规模。", "云溪集成电路产业"),
    # a mechanism or platform with a quote, a place or a rare word
    ("完善“青禾码”服务平台，方便群众。", "“青禾码”服务平台"),
    ("建成云溪县涉企服务平台，企业办事更便捷。", "云溪县涉企服务平台"),
    ("推进青禾储能电站项目建设。", "青禾储能电站项目"),
])
def test_a_name_with_a_specific_part_stays(body, name):
    assert name in _names(body)


def test_kind_words_script_classes_words_by_their_share_of_reports(tmp_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "kind_words", Path(__file__).resolve().parents[2] / "scripts" / "kind_words.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    (tmp_path / "corpus").mkdir()
    for i in range(5):  # 发展 in every report, 青禾 in one
        extra = "青禾" if i == 0 else ""
        (bulk / f"r{i}.txt").write_text(f"推动经济发展，建设{extra}公园{i}。\n", encoding="utf-8")
    out = tmp_path / "kind_words.txt"
    assert mod.main([str(bulk), "--exclude", str(tmp_path / "corpus"), "--out", str(out)]) == 0
    rows = {r.split("\t")[0]: r.split("\t") for r in out.read_text(encoding="utf-8").splitlines() if not r.startswith("#")}
    assert rows["发展"][1:] == ["5", "u"]
    assert "青禾" not in rows or rows["青禾"][2] == "g"
    assert mod.main([str(tmp_path / "missing")]) == 2
