"""The learned recogniser end to end on a tiny synthetic set: train with the script's own
``train``, save, load through ``kg_learned`` and check the spans against the text.

Invented names, a few sentences; spaCy trains for real (no mocks). Deterministic seeds.
"""

from __future__ import annotations


import spacy

from kg.loaders.learned import SPANS_KEY, load_model, predict_spans
from kg.loaders.learned_data import LABELS, GoldName, chunks, project_gold


NAMES = [GoldName("松岭科创走廊", "Place"), GoldName("晴川十条", "Policy"), GoldName("青禾区人民医院", "Organization")]
SENTENCES = [
    "加快建设松岭科创走廊。", "落实晴川十条，优化营商环境。", "青禾区人民医院新增床位。",
    "松岭科创走廊新增企业。", "推动晴川十条落地见效。", "支持青禾区人民医院扩建。",
    "今年经济运行总体平稳。", "居民收入持续增长。",
]




def test_a_trained_model_saves_loads_and_gives_spans_on_the_text(tmp_path, train_entities):
    te = train_entities
    text = "".join(SENTENCES * 12)
    data = chunks(text, *project_gold(text, NAMES))
    nlp = te.train(data, epochs=20, gold_repeat=1, gold_n=len(data))
    nlp.to_disk(tmp_path / "model")

    model = load_model(str(tmp_path / "model"))
    doc_text = "会议指出，要加快建设松岭科创走廊，落实晴川十条。"
    spans = predict_spans(model, doc_text)
    assert spans, "the model finds the names it was trained on"
    for s in spans:
        assert s.label in LABELS
        assert doc_text[s.start : s.end].strip()
    found = {doc_text[s.start : s.end] for s in spans}
    assert "松岭科创走廊" in found

    outer = spacy.blank("zh")
    outer.add_pipe("kg_learned", config={"model_path": str(tmp_path / "model")})
    doc = outer(doc_text)
    got = [(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans[SPANS_KEY]]
    assert got == [(s.start, s.end, s.label) for s in spans]
    for sp in doc.spans[SPANS_KEY]:
        assert sp.text == doc_text[sp.start_char : sp.end_char]


def test_training_twice_gives_the_same_model(tmp_path, train_entities):
    te = train_entities
    text = "".join(SENTENCES)
    data = chunks(text, *project_gold(text, NAMES))
    a = te.train(data, epochs=2, gold_repeat=1, gold_n=len(data))
    b = te.train(data, epochs=2, gold_repeat=1, gold_n=len(data))
    assert a.get_pipe("ner").to_bytes() == b.get_pipe("ner").to_bytes()
