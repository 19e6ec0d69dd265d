"""Content keys of the reports in a dump (what `kg load` compares to skip unchanged ones)."""

from __future__ import annotations

from kg.pipeline import dump_report_keys, load_graph

R1 = "https://kg.example.org/report/甲区人民政府/2024-01-09"
R2 = "https://kg.example.org/report/乙县人民政府/2024-01-10"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
REPORT = "<https://kg.example.org/ontology#Report>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _dump(tmp_path, name: str, extra: str = "") -> str:
    text = (f"<{R1}> {TYPE} {REPORT} .\n<{R1}/part/1> {LABEL} \"一\" .\n"
            f"<{R2}> {TYPE} {REPORT} .\n<{R2}/part/1> {LABEL} \"一\" .\n"
            f"<https://kg.example.org/government/甲区人民政府> {LABEL} \"甲区人民政府\"@zh .\n" + extra)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_keys_change_only_for_the_report_whose_triples_change(tmp_path):
    a = dump_report_keys([_dump(tmp_path, "a.nt")])
    assert set(a) == {R1, R2}
    reordered = tmp_path / "b.nt"
    reordered.write_text("".join(reversed(_dump(tmp_path, "x.nt").read_text("utf-8").splitlines(True))), encoding="utf-8")
    assert dump_report_keys([reordered]) == a  # order-free
    c = dump_report_keys([_dump(tmp_path, "c.nt", f"<{R2}/part/2> {LABEL} \"二\" .\n")])
    assert c[R1] == a[R1] and c[R2] != a[R2]


def test_skipping_leaves_out_the_reports_and_with_skip_minted_their_namespace(tmp_path):
    d = _dump(tmp_path, "a.nt")
    assert len(load_graph([d], skip_reports={R1})) == 3
    assert len(load_graph([d], skip_reports={R1, R2}, skip_minted=True)) == 0


def test_a_dump_with_blank_nodes_gets_no_keys(tmp_path):
    assert dump_report_keys([_dump(tmp_path, "a.nt", f"<{R1}/part/1> <https://kg.example.org/ontology#span> _:b .\n")]) == {}
