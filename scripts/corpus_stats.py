#!/usr/bin/env python3
"""Corpus statistics the entity rules use, computed from the bulk reports and shipped as data.

usage: .venv/bin/python scripts/corpus_stats.py [BULK_DIR] [--exclude DIR]... [--out DIR]
       (defaults: ../shared/bulk, excluding files byte-identical to ../shared/corpus/*.txt,
       writing kg/loaders/data/ = loaders/data/)

What it computes, each as a TSV in ``loaders/data/`` (header comment says how it was made):

``corpus_sectors.tsv``
    Items of enumerations closed by an industry category ("A、B、C等未来产业", "…等产业集群",
    "…等新赛道"): an item listed this way in at least ``MIN_REPORTS`` different reports is
    a sector name. The first item of a list is skipped (a verb often sits glued to it:
    "培育壮大新能源"). Columns: item, reports.
``corpus_quoted.tsv``
    Quoted terms “X” that recur as a unit across reports and are used as names, by two
    roads (see ``quoted``): followed by a programme or policy head word (“X”工程, “X”改革,
    “X”政策…) in at least ``MIN_HEADED`` of ``MIN_REPORTS`` reports; or quoted in at least
    ``MIN_ALONE`` reports, mostly standing alone, acted on as a programme (实施/开展“X”,
    “X”工作) in at least ``MIN_ACTED`` and professed or opposed (做到“X”, 纠治“X”) in under a
    quarter, counted (三个“X”) in under a quarter. Counted formulas (“两个确立”, “20条”) are
    left out. Columns: term, label, reports,
    headed reports.
``head_productivity.tsv``
    For every head word of ``entity_suffixes.tsv``: in how many reports it closes a word
    run of two to eight characters right before a punctuation mark, and how many distinct
    such names it closes: a head that names many things across many reports is a head.

Nothing here reads an answer key. The reports that are also dev reports (byte-identical
to a file of ``--exclude``, ../shared/corpus by default) are left out, so the statistics
do not come from the reports the keys were made for. Output is deterministic (sorted).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_REPORTS = 3
MIN_HEADED = 2
MIN_ALONE = 8
MIN_ACTED = 3

_CATEGORY = r"(?:产业集群|产业链|新兴产业|未来产业|主导产业|支柱产业|特色产业|产业|新赛道|赛道|先进制造业)"
_LIST = re.compile(r"([^，。；：！？\n（）()“”《》]{2,80}?)等[^，。；：！？\n等]{0,10}?" + _CATEGORY + r"(?![\u4e00-\u9fff]{0,2}(?:园|区|基地))")
_SPLIT = re.compile(r"、|和|及|与|以及")
_ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]{2,8}$")
_QUOTED = re.compile(r"“([^“”\n，。；：、！？]{2,12})”([\u4e00-\u9fff]{0,4})")
_PROGRAMME_HEADS = ("工程", "行动", "改革", "试点", "计划", "活动", "品牌", "平台", "服务", "模式", "倡议", "建设", "经验")
_POLICY_HEADS = ("政策", "制度", "机制", "体系", "战略", "规定", "条例", "办法", "方案", "规划", "措施", "清单")
_ALONE = "，。；、：！？）)和与及等"
_FRAMES = ("工作", "任务", "行动", "工程", "专项", "攻坚")
_ACT_VERBS = ("实施", "开展", "推进", "深化", "推广", "推行", "创建", "打造", "完成", "做好", "抓好", "启动", "发展", "建设", "深入", "扎实")
_STANCE_VERBS = ("做到", "拥护", "领悟", "捍卫", "增强", "坚定", "树牢", "树立", "牢记", "胸怀", "心怀", "谱写",
                 "纠治", "纠正", "整治", "反对", "遏制", "防止", "严控", "杜绝", "搞", "严禁", "过", "解决", "化解",
                 "处置", "破解", "履行")
_TARGET_AFTER = ("问题", "顽", "现象")
_COUNTED = re.compile(r"^[一二两三四五六七八九十百千]+个|^[\d一二两三四五六七八九十百千]+条$")
_COUNTED_BEFORE = re.compile(r"(?:[\d一二两三四五六七八九十]+|首|多)[个座家批项]$|一批$")
_COUNTED_AFTER = re.compile(r"[\d.]+[个座家项]")
_VERBISH = re.compile(r"^(?:加快|推动|推进|培育|发展|壮大|聚焦|加强|打造|布局|做强|做大|提升|支持|围绕|引进|培育壮大|大力|积极|重点|深化|优化|建设|实施|开展|抢抓|瞄准|谋划|前瞻|探索)")


def _reports(bulk: Path, exclude: list[Path]) -> list[tuple[str, str]]:
    seen = set()
    for d in exclude:
        for p in sorted(d.glob("*.txt")):
            seen.add(hashlib.sha256(p.read_bytes()).hexdigest())
    out = []
    for p in sorted(bulk.rglob("*.txt")):
        b = p.read_bytes()
        if hashlib.sha256(b).hexdigest() in seen:
            continue
        out.append((str(p.relative_to(bulk)), b.decode("utf-8")))
    return out


def sectors(reports: list[tuple[str, str]]) -> list[tuple[str, int]]:
    df: Counter[str] = Counter()
    for _name, text in reports:
        items = set()
        for m in _LIST.finditer(text):
            body = m.group(1)
            if "、" not in body:
                continue
            for x in _SPLIT.split(body)[1:]:
                x = x.strip()
                if _ITEM.match(x) and not _VERBISH.match(x):
                    items.add(x)
        df.update(items)
    return sorted(((k, v) for k, v in df.items() if v >= MIN_REPORTS), key=lambda kv: (-kv[1], kv[0]))


def _kind(after: str) -> str | None:
    if after.startswith(_PROGRAMME_HEADS):
        return "Programme"
    if after.startswith(_POLICY_HEADS):
        return "Policy"
    return None


def quoted(reports: list[tuple[str, str]]) -> list[tuple[str, str, int, int]]:
    """Quoted terms used as names, by two roads (both genre-wide, counted in reports):

    * headed: quoted in >= MIN_REPORTS reports and followed by a programme/policy head
      word (“X”工程, “X”政策) in >= MIN_HEADED of them;
    * alone: quoted in >= MIN_ALONE reports, standing alone (punctuation, 工作/任务 after)
      in >= half of them, and acted on as a programme in >= MIN_ACTED reports: a programme
      verb right before it (实施/开展/推进“X”) or a programme frame after it (“X”工作/任务/
      行动) or a programme head word of its own (“枫桥经验”). A term that reports mostly
      profess or oppose in a quarter of its reports (做到/拥护/增强“X”, 纠治/遏制/化解“X”,
      “X”问题) is a slogan or a target, not a name; one counted in a quarter (三个“X”,
      首个“X”, “X”3家) is a kind.
    A counted formula (“两个确立”, “四个全面”: GUIDELINES §4 numeric slogans) or a bare
    count of articles (“20条”, named by what stands before it) takes neither
    road: standing alone it is a slogan, and with a head word the longer name is found by
    that head.
    The label is the type most of its heads give; on the alone road, a policy head word of
    its own (…制, …机制) makes it a Policy, else a Programme."""
    df: Counter[str] = Counter()
    headed: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    acted: Counter[str] = Counter()
    professed: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    for _name, text in reports:
        here, here_headed, here_alone, here_acted, here_professed = set(), set(), set(), set(), set()
        last_end, last_stance = -1, None
        here_counted = set()
        for m in _QUOTED.finditer(text):
            term, after = m.group(1), m.group(2)
            here.add(term)
            kind = _kind(after)
            if kind:
                here_headed.add(term)
                kinds.setdefault(term, Counter())[kind] += 1
            nxt = text[m.end(1) + 1 : m.end(1) + 2]
            if nxt in _ALONE or after.startswith(_FRAMES):
                here_alone.add(term)
            before = text[max(0, m.start() - 4) : m.start()]
            if m.start() == last_end or before.endswith(("”、", "”和", "”与")) and m.start() - 2 <= last_end:
                stance = last_stance  # “A”、“B”: list-mates share the verb before the first
            elif before.endswith(_STANCE_VERBS) or after.startswith(_TARGET_AFTER):
                stance = "against"
            elif before.endswith(_ACT_VERBS) or after.startswith(_FRAMES) or term.endswith(_PROGRAMME_HEADS):
                stance = "acted"
            else:
                stance = None
            if stance == "against":
                here_professed.add(term)
            elif stance == "acted":
                here_acted.add(term)
            last_end, last_stance = m.start() + len(term) + 2, stance
            if _COUNTED_BEFORE.search(before) or _COUNTED_AFTER.match(text, m.end(1) + 1):
                here_counted.add(term)
        df.update(here)
        headed.update(here_headed)
        alone.update(here_alone)
        acted.update(here_acted)
        professed.update(here_professed)
        counted.update(here_counted)
    rows = []
    for term, n in df.items():
        if _COUNTED.match(term):
            continue  # “两个确立”, “四个全面”: a numeric slogan (GUIDELINES §4); “四个全面”战略布局 is named by its head
        if n >= MIN_REPORTS and headed[term] >= MIN_HEADED:
            label = sorted(kinds[term].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            rows.append((term, label, n, headed[term]))
        elif (
            n >= MIN_ALONE and 2 * alone[term] >= n and acted[term] >= MIN_ACTED
            and 4 * professed[term] < n and 4 * counted[term] < n
        ):
            label = "Policy" if term.endswith(_POLICY_HEADS + ("制", "条")) else "Programme"
            rows.append((term, label, n, headed[term]))
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def head_productivity(reports: list[tuple[str, str]], heads: list[str]) -> list[tuple[str, int, int]]:
    rows = []
    for h in heads:
        pat = re.compile(r"([\u4e00-\u9fff]{2,8})" + re.escape(h) + r"(?=[，。；、：！？])")
        docs = 0
        names: set[str] = set()
        for _name, text in reports:
            found = {m.group(0) for m in pat.finditer(text)}
            if found:
                docs += 1
                names |= found
        rows.append((h, docs, len(names)))
    return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))


def _heads() -> list[str]:
    out = []
    for line in (ROOT / "loaders" / "data" / "entity_suffixes.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) >= 2 and cols[1] != "-":
                out.append(cols[0])
    return sorted(set(out))


def _write(path: Path, header: str, rows: list[tuple]) -> None:
    lines = [f"# {line}" if line else "#" for line in header.strip().splitlines()]
    lines += ["\t".join(str(c) for c in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bulk", nargs="?", default=str(ROOT.parent / "shared" / "bulk"))
    ap.add_argument("--exclude", action="append", default=None, help="skip reports byte-identical to DIR/*.txt")
    ap.add_argument("--out", default=str(ROOT / "loaders" / "data"))
    args = ap.parse_args(argv)
    bulk = Path(args.bulk)
    if not bulk.is_dir():
        print(f"corpus_stats: {bulk} is not a directory", file=sys.stderr)
        return 2
    exclude = [Path(d) for d in (args.exclude or [str(ROOT.parent / "shared" / "corpus")])]
    reports = _reports(bulk, [d for d in exclude if d.is_dir()])
    out = Path(args.out)
    made = f"made by scripts/corpus_stats.py from {len(reports)} bulk reports (dev reports left out)"
    _write(out / "corpus_sectors.tsv",
           f"Sector names: items of enumerations closed by an industry category, in >= {MIN_REPORTS} reports.\n"
           f"{made}\nitem\treports", sectors(reports))
    _write(out / "corpus_quoted.tsv",
           f"Quoted terms used as names: in >= {MIN_REPORTS} reports, followed by a programme/policy head\n"
           f"in >= {MIN_HEADED}; or in >= {MIN_ALONE} reports, alone in half, acted on as a programme in >= {MIN_ACTED}\n"
           f"and professed/opposed or counted in under a quarter. Counted formulas (两个X, 20条) left out.\n"
           f"{made}\nterm\tlabel\treports\theaded_reports", quoted(reports))
    _write(out / "head_productivity.tsv",
           f"Head words: reports where the head closes a 2-8 character run before punctuation, distinct names.\n"
           f"{made}\nhead\treports\tnames", head_productivity(reports, _heads()))
    print(f"corpus_stats: {len(reports)} reports → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
