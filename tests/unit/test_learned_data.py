"""Training data for the learned recogniser: gold projection, chunks, silver spans.

Synthetic text in the genre's shape; every name is invented.
"""

from __future__ import annotations

from kg.loaders.learned_data import (
    Chunk,
    GoldName,
    Labelled,
    chunk_ranges,
    chunks,
    fingerprint,
    non_overlapping,
    project_gold,
    text_digest,
)

TEXT = (
    "过去一年，青禾区坚持稳中求进。推进青禾区人民医院扩建，启动“青禾十条”政策，"
    "打造晴川创新走廊。青禾区人民医院获评示范医院。\n"
    "今年，深化“青禾十条”，晴川创新走廊新增企业12家，青禾加快建设。"
)


def _surfaces(text, spans):
    return [(text[s.start : s.end], s.label) for s in spans]


def test_projection_marks_every_occurrence_exactly_on_the_name():
    names = [GoldName("晴川创新走廊", "Place")]
    spans, missing = project_gold(TEXT, names)
    assert _surfaces(TEXT, spans) == [("晴川创新走廊", "Place")] * 2
    assert missing == []
    assert [s.start for s in spans] == [TEXT.index("晴川创新走廊"), TEXT.rindex("晴川创新走廊")]


def test_projection_prefers_the_longer_name_and_aliases_count():
    names = [
        GoldName("青禾区", "Place", aliases=("青禾",)),
        GoldName("青禾区人民医院", "Organization"),
    ]
    spans, _ = project_gold(TEXT, names)
    got = _surfaces(TEXT, spans)
    # the hospital twice; 青禾区 on its own once; the alias 青禾 where it stands alone
    assert got.count(("青禾区人民医院", "Organization")) == 2
    assert ("青禾区", "Place") in got
    # 青禾 inside “青禾十条” is taken when no longer gold name covers it
    assert got.count(("青禾", "Place")) == 3
    for s in spans:
        assert TEXT[s.start : s.end] in ("青禾区", "青禾", "青禾区人民医院")
    # no two spans overlap
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


def test_projection_strips_wrapping_quotes_from_gold_forms():
    spans, _ = project_gold(TEXT, [GoldName("“青禾十条”", "Policy")])
    assert _surfaces(TEXT, spans) == [("青禾十条", "Policy")] * 2


def test_optional_entities_become_missing_not_names():
    names = [GoldName("示范医院", "Programme", optional=True), GoldName("晴川创新走廊", "Place")]
    spans, missing = project_gold(TEXT, names)
    assert [TEXT[a:b] for a, b in missing] == ["示范医院"]
    assert all(TEXT[s.start : s.end] != "示范医院" for s in spans)


def test_required_name_inside_longer_optional_one_is_left_missing():
    names = [GoldName("青禾区人民医院", "Organization", optional=True), GoldName("青禾区", "Place")]
    spans, missing = project_gold(TEXT, names)
    assert [TEXT[a:b] for a, b in missing] == ["青禾区人民医院"] * 2
    assert _surfaces(TEXT, spans) == [("青禾区", "Place")]


def test_non_overlapping_keeps_longest_then_leftmost():
    got = non_overlapping([Labelled(0, 3, "Place"), Labelled(2, 6, "Programme"), Labelled(6, 8, "Place"),
                           Labelled(5, 7, "Place")])
    assert got == [Labelled(2, 6, "Programme"), Labelled(6, 8, "Place")]


def test_chunks_keep_spans_relative_and_exact():
    spans, missing = project_gold(TEXT, [GoldName("晴川创新走廊", "Place"), GoldName("青禾十条", "Policy"),
                                         GoldName("示范医院", "Programme", optional=True)])
    cs = chunks(TEXT, spans, missing)
    assert "".join(c.text for c in cs) == TEXT.replace("\n", "")
    seen = [(c.text[s.start : s.end], s.label) for c in cs for s in c.spans]
    assert seen == _surfaces(TEXT, spans)
    assert [c.text[a:b] for c in cs for a, b in c.missing] == ["示范医院"]


def test_chunk_cut_through_a_span_drops_it_and_marks_it_missing(monkeypatch):
    import kg.loaders.learned_data as ld

    monkeypatch.setattr(ld, "MAX_CHUNK", 5)
    text = "甲乙丙丁戊己庚辛。"
    cs = chunks(text, [Labelled(3, 7, "Place")])
    assert all(not c.spans for c in cs)
    assert "".join(c.text[a:b] for c in cs for a, b in c.missing) == "丁戊己庚"


def test_chunk_ranges_split_at_sentence_ends_and_skip_blank_lines():
    text = "第一句。第二句；\n\n第三句"
    assert [text[a:b] for a, b in chunk_ranges(text)] == ["第一句。", "第二句；", "第三句"]


def test_training_data_build_is_deterministic():
    names = [GoldName("青禾区", "Place", aliases=("青禾",)), GoldName("青禾区人民医院", "Organization"),
             GoldName("“青禾十条”", "Policy"), GoldName("示范医院", "Programme", optional=True)]
    a = chunks(TEXT, *project_gold(TEXT, names))
    b = chunks(TEXT, *project_gold(TEXT, list(reversed(names))))
    assert a == b
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint([Chunk(c.text) for c in a])


def test_text_digest_ignores_layout_only():
    assert text_digest("青禾区\n坚持。") == text_digest("青禾区　坚持。 ")
    assert text_digest("青禾区坚持。") != text_digest("晴川区坚持。")
