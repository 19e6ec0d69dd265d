"""kg.cli.tables: what the CLI prints for rows."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from kg.cli.tables import print_query_list, print_rows
from kg.serve.library import describe


def test_table_prints_markup_and_emoji_codes_literally():
    out = io.StringIO()
    print_rows(["a", "[b]"], [["[/x] :x: [bold]粗[/bold]", ":smile:"]], "table", stream=out)
    text = out.getvalue()
    assert "[/x] :x: [bold]粗[/bold]" in text and ":smile:" in text and "[b]" in text


def test_wide_table_keeps_each_row_on_one_line_uncut():
    iri = "https://kg.example.org/report/青禾区人民政府/2024-01-06/sentence/" + "1" * 90
    rows = [[iri + str(i), "推动青禾科技园二期工程建设。" * 3, i] for i in range(3)]
    out = io.StringIO()
    print_rows(["sentence", "text", "n"], rows, "table", stream=out)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    assert len(lines) == 4  # header + one line per row
    for i, ln in enumerate(lines[1:]):
        assert iri + str(i) in ln and "推动青禾科技园二期工程建设。" * 3 in ln


def test_csv_and_json_keep_values():
    out = io.StringIO()
    print_rows(["v", "d"], [[Decimal("3.50"), None]], "csv", stream=out)
    assert out.getvalue() == "v,d\n3.50,\n"
    out = io.StringIO()
    print_rows(["v", "n"], [[Decimal("3.5"), Decimal("4")]], "json", stream=out)
    assert json.loads(out.getvalue()) == [{"v": 3.5, "n": 4}]


def test_query_list_gives_the_whole_description_on_one_line():
    text = "# One. Two sentences that go on\n# over a second line.\n#\n# Columns: a, b.\nSELECT ?a { VALUES ?p { UNDEF } }\n"
    out = io.StringIO()
    print_query_list([describe("q", text)], stream=out)
    assert out.getvalue() == "q\tOne. Two sentences that go on over a second line. Columns: a, b.  [parameters: p]\n"
