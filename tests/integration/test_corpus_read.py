"""Every real report reads; page chrome goes, report text never does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.loaders.read import read_file

pytestmark = pytest.mark.corpus

WIDGETS = re.compile(r"扫一扫在?手机上?打开当前页|【字体|责任编辑[:：]|网站标识码|打印本页|关闭窗口")


def _reports(shared: Path) -> list[Path]:
    files = sorted((shared / "corpus").glob("*.txt")) + sorted((shared / "bulk").glob("*/*.txt"))
    assert len(files) > 200, "the corpus and the bulk reports are expected under ../shared"
    return files


def _contexts(node: object, under_report: bool = False) -> list[str]:
    """Every gold `context` pointing into the report text (not the metadata evidence)."""
    out: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "report":
                continue  # metadata evidence cites the title block and the chrome itself
            if k == "context" and isinstance(v, str):
                out.append(v)
            else:
                out.extend(_contexts(v))
    elif isinstance(node, list):
        for v in node:
            out.extend(_contexts(v))
    return out


def test_every_report_reads_keeping_length_and_only_blanking_chrome(shared: Path) -> None:
    problems = []
    blanked_total = 0
    for path in _reports(shared):
        t = read_file(path)
        assert len(t.text) == len(t.source), path
        for a, b in t.chrome:
            piece = t.source[a:b]
            blanked_total += 1
            # chrome is short and never a sentence of the report
            if len(piece) > 120 or re.search(r"[。！？；]", piece) and not re.search(r"ICP|版权|摄", piece):
                problems.append(f"{path.name}: {piece[:60]!r}")
        kept, prev = [], 0
        for a, b in t.chrome:
            kept.append((prev, a))
            prev = b
        kept.append((prev, len(t.source)))
        assert all(t.text[a:b] == t.source[a:b] for a, b in kept), path
        if WIDGETS.search(t.text):
            problems.append(f"{path.name}: widget left: {WIDGETS.search(t.text).group(0)}")
    assert not problems, "\n".join(problems)
    assert blanked_total > 50  # the provincial pages and the district page carry chrome


def test_known_page_chrome_is_blanked(corpus: Path) -> None:
    t = read_file(corpus / "district-luohu-2023.txt")
    assert "扫一扫在手机上打开当前页" not in t.text
    assert "发布时间" not in t.text
    assert "各位代表" in t.text
    sichuan = read_file(corpus / "province-sichuan-2026.txt")
    assert "【字体" not in sichuan.text and "分享：" not in sichuan.text
    assert "四川省人民政府省长 施小琳" in sichuan.text


def test_gold_contexts_keep_their_file_offsets_in_the_text(gold: Path, corpus: Path) -> None:
    checked = 0
    for key in sorted(gold.glob("*.json")):
        data = json.loads(key.read_text(encoding="utf-8"))
        source = data["source"] if isinstance(data["source"], str) else json.dumps(data["source"])
        name = Path(source).name if (corpus / Path(source).name).exists() else None
        if name is None:
            name = next(p.name for p in corpus.glob("*.txt") if p.name in source)
        t = read_file(corpus / name)
        raw = (corpus / name).read_text(encoding="utf-8")
        for ctx in _contexts(data):
            at = raw.find(ctx)
            assert at >= 0, f"{key.name}: context not in file: {ctx!r}"
            assert t.text.find(ctx) == at, f"{key.name}: context blanked or moved: {ctx!r}"
            checked += 1
    assert checked > 500


# ----------------------------------------------------------------------- metadata

META_FIELDS = ("title", "government", "place", "parent_places", "speaker", "speaker_role", "delivery_date",
               "meeting", "publish_date", "publisher", "review_year", "plan_year")  # fmt: skip


def test_metadata_matches_the_report_block_of_every_gold_key(gold: Path, corpus: Path) -> None:
    from kg.loaders.metadata import extract_metadata

    misses, total = [], 0
    for key in sorted(gold.glob("*.json")):
        data = json.loads(key.read_text(encoding="utf-8"))
        expected = data.get("report") or {}
        name = next(p.name for p in corpus.glob("*.txt") if p.name in json.dumps(data["source"]))
        meta = extract_metadata(read_file(corpus / name))
        for field in META_FIELDS:
            if field not in expected:
                continue
            got = getattr(meta, field)
            want = expected[field]
            got = list(got) if isinstance(got, tuple) else got
            total += 1
            if got != want:
                misses.append(f"{key.name} {field}: {got!r} != {want!r}")
    assert total >= 60
    assert len(misses) <= total * 0.05, "\n".join(misses)


def test_metadata_places_levels_and_years_across_the_bulk_reports(shared: Path) -> None:
    """Every level and decade: place, level and year agree with the bulk MANIFEST."""
    import csv

    from kg.loaders.metadata import extract_metadata

    rows = list(csv.DictReader((shared / "bulk" / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    place_miss, level_miss, year_miss = [], [], []
    for row in rows:
        meta = extract_metadata(read_file(shared / "bulk" / row["file"]))
        place = row["place"].split("（")[0]
        if meta.place != place:
            place_miss.append(f"{row['file']}: {meta.place} != {place}")
        if meta.level != row["level"]:
            level_miss.append(f"{row['file']}: {meta.level} != {row['level']}")
        year = int(meta.delivery_date[:4]) if meta.delivery_date else meta.plan_year
        if year != int(row["year"]):
            year_miss.append(f"{row['file']}: {year} != {row['year']}")
    n = len(rows)
    assert n >= 200
    assert len(place_miss) <= 0.05 * n, "\n".join(place_miss)
    assert len(level_miss) <= 0.05 * n, "\n".join(level_miss)
    assert len(year_miss) <= 0.08 * n, "\n".join(year_miss)


LATE_DELIVERED = frozenset({"national/national-china-1981.txt", "national/national-china-1982.txt"})
"""National reports delivered on 30 November: they review their year and plan the next."""


def test_national_reports_plan_the_year_they_were_delivered_and_never_share_a_plan_year(shared: Path) -> None:
    """Every national report of the bulk: plan year = the MANIFEST's delivery year, with the
    structure's parts (as the pipeline calls it) and from the text alone; review year =
    plan year - 1. The reports delivered late in their year (1980: 30 August, on the plans
    for 1980 and 1981; 1981 and 1982: 30 November) review that year and plan the next, so
    only the next report may share their plan year; no other two reports share one. From
    the text alone (no parts) 1980's plan part, titled with 1981, is not seen: 1979/1980."""
    late = LATE_DELIVERED
    late_by = {"parts": late | {"national/national-china-1980.txt"}, "text": late}
    import csv
    from collections import Counter

    from kg.loaders.metadata import extract_metadata
    from kg.loaders.structure import parse_report

    rows = [
        r for r in csv.DictReader((shared / "bulk" / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t")
        if r["level"] == "national"
    ]  # fmt: skip
    assert len(rows) >= 50
    for how in ("parts", "text"):
        misses, plans = [], Counter()
        for row in rows:
            text = read_file(shared / "bulk" / row["file"])
            meta = parse_report(text).meta if how == "parts" else extract_metadata(text)
            year = int(row["year"]) + (row["file"] in late_by[how])
            if row["file"] not in late_by[how]:
                plans[meta.plan_year] += 1
            if (meta.review_year, meta.plan_year) != (year - 1, year):
                misses.append(f"{row['file']}: {meta.review_year}/{meta.plan_year} != {year - 1}/{year}")
        shared_years = {y: n for y, n in plans.items() if n > 1}
        assert not shared_years, f"{how}: national reports sharing a plan year: {shared_years}"
        assert not misses, f"{how}:\n" + "\n".join(misses)


def test_bulk_reports_name_their_government_after_their_own_place(shared: Path) -> None:
    """The issuing body is the report's place + 人民政府 (or 国务院), never a word glued
    before "市人民政府" nor anything taken from the file name; plan year = MANIFEST year (the
    next year for the reports delivered on 30 November 1981 and 1982)."""
    import csv

    from kg.loaders.metadata import extract_metadata

    rows = list(csv.DictReader((shared / "bulk" / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    problems = []
    for row in rows:
        path = shared / "bulk" / row["file"]
        meta = extract_metadata(read_file(path))
        if row["level"] == "national":
            ok = meta.government == "国务院"
        else:
            place = row["place"].split("（")[0]
            ok = meta.place == place and meta.government in (f"{place}人民政府", f"{place}行政公署")
        if not ok or not re.fullmatch(r"[\u4e00-\u9fff]+", meta.government or "") or meta.level != row["level"]:
            problems.append(f"{row['file']}: {meta.government!r} ({meta.place!r}, {meta.level!r})")
        if meta.plan_year != int(row["year"]) + (row["file"] in LATE_DELIVERED):
            problems.append(f"{row['file']}: plan year {meta.plan_year} != {row['year']}")
    assert not problems, "\n".join(problems)
