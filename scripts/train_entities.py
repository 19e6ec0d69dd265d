#!/usr/bin/env python3
"""Train kg's learned entity recogniser and compare it with the rules, leave-one-key-out.

usage:
  nice .venv/bin/python scripts/train_entities.py loo   [--shared DIR] [--out bench/results/loo.json]
  nice .venv/bin/python scripts/train_entities.py final [--shared DIR] [--model-out loaders/data/model]

What it does (details and the decision in docs/LEARNED.md):

* **Model**: spaCy ``ner`` on ``spacy.blank("zh")`` (character tokens, as kg's own pipeline
  uses, so spans are character offsets), a small hash-embedding + CNN tok2vec trained from
  scratch: no pretrained vectors, no network. Labels are kg's entity types.
* **Gold data**: every answer key in ``SHARED/gold`` whose scope has ``entities: all``.
  Each entity's name and aliases are projected onto all their occurrences in the key's
  report (``kg.loaders.learned_data.project_gold``); optional entities
  (``confidence: low``) are left unannotated (neither name nor non-name).
* **Silver data**: the rules pipeline's output (``kg.pipeline.analyse``) on ``--silver``
  reports of ``SHARED/bulk``, evenly spaced over the sorted file list, never a report any
  key is made for (same file name, or the same text with whitespace ignored). Cached in
  ``--work`` under a fingerprint of kg's source, so a changed pipeline re-runs it.
* ``loo``: for each key, train on the other keys + silver, predict the held-out report and
  score every variant of ``kg.loaders.learned.combine`` (rules, model, add, add_disjoint,
  filter, add_filter) with kg's own scorer (``kg.evaluate.score``). Writes a JSON of
  per-key scores, means, the data fingerprints and the wall/CPU time.
* ``final``: train on all keys + silver and save the model (a few MB).

Deterministic: fixed seeds (random, numpy, thinc), one thread (set below before numpy is
imported), sorted inputs; the same inputs give the same data fingerprints and scores.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("train_entities")

SEED = 0
# the model: small, so a fold trains in a few minutes on one loaded core
WIDTH = 64
DEPTH = 2
WINDOW = 2
ROWS = 6000
HIDDEN = 48
SILVER_EMPTY_EVERY = 4
"""Of the silver chunks where the rules found nothing, keep every 4th (the rest add time,
not much signal; the gold chunks without names all stay)."""
MIN_SILVER_YEAR = 2010
"""Silver reports are from this year on: the genre as the keys show it (2023–2026), not
the planned-economy reports of the 1950s–80s."""


def model_config() -> dict:
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": HIDDEN,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": WIDTH,
                "attrs": ["NORM", "SHAPE"],
                "rows": [ROWS, 100],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": WIDTH,
                "window_size": WINDOW,
                "maxout_pieces": 3,
                "depth": DEPTH,
            },
        },
    }


# ----------------------------------------------------------------------------- data


def entity_keys(gold_dir: Path) -> list[Path]:
    """Answer keys with entities in scope, sorted by file name."""
    out = []
    for p in sorted(gold_dir.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if (data.get("scope") or {}).get("entities") == "all" and data.get("entities"):
            out.append(p)
    return out


def key_report(gold_path: Path, corpus: Path) -> Path:
    return corpus / json.loads(gold_path.read_text(encoding="utf-8"))["source"]


def gold_chunks(gold_path: Path, corpus: Path):
    """Training chunks of one key's report, with the key's names projected."""
    from kg import pipeline
    from kg.evaluate import load_gold
    from kg.loaders.learned_data import GoldName, chunks, project_gold

    text = pipeline.read(key_report(gold_path, corpus))
    gold = load_gold(gold_path, text)
    names = [GoldName(e.name, e.type, tuple(e.aliases), e.optional) for e in gold.entities]
    spans, missing = project_gold(text.text, names)
    return chunks(text.text, spans, missing)


OUTPUT_SIDE = frozenset({"cli", "serve", "neo4jserver", "store.py", "neo4j_store.py", "neo4j_csv.py",
                         "export.py", "network.py", "validate.py", "atomic.py", "jsonio.py",
                         "scratch.py"})
"""Parts of ``kg`` that write, store, serve or load what the extraction made: they cannot
change an extracted fact or its score, so a change there leaves leave-one-key-out figures
current."""


def source_fingerprint() -> str:
    """Digest of the source and rule data that decide what kg extracts and how it is scored
    (kg's modules but the output side, :data:`OUTPUT_SIDE`; not the learned model)."""
    import kg
    import kg.loaders

    h = hashlib.sha256()
    for base in (Path(kg.__file__).parent, Path(kg.loaders.__file__).parent):
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(base).parts
            if not p.is_file() or "model" in rel or p.suffix == ".pyc":
                continue
            if base == Path(kg.__file__).parent and rel[0] in OUTPUT_SIDE:
                continue
            h.update(str(p.relative_to(base)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def silver_reports(shared: Path, n: int) -> list[Path]:
    """``n`` bulk reports since :data:`MIN_SILVER_YEAR`, evenly spaced over the sorted list,
    none a report an answer key is made for (same file name, or same text)."""
    from kg.loaders.learned_data import text_digest

    keys = sorted((shared / "gold").glob("*.json"))
    sources = {json.loads(k.read_text(encoding="utf-8")).get("source") for k in keys}
    digests = set()
    for s in sorted(x for x in sources if x):
        p = shared / "corpus" / s
        if p.is_file():
            digests.add(text_digest(p.read_text(encoding="utf-8", errors="replace")))
    pool = []
    for p in sorted((shared / "bulk").rglob("*.txt")):
        year = re.search(r"(\d{4})\.txt$", p.name)
        if p.name in sources or not year or int(year.group(1)) < MIN_SILVER_YEAR:
            continue
        if text_digest(p.read_text(encoding="utf-8", errors="replace")) in digests:
            continue
        pool.append(p)
    if n >= len(pool):
        return pool
    return [pool[(i * len(pool)) // n] for i in range(n)]


def silver_chunks(paths: list[Path], work: Path, shared: Path):
    """The rules pipeline's mentions on ``paths`` as training chunks (cached in ``work``)."""
    from kg import pipeline
    from kg.loaders.learned_data import Labelled, chunks, silver_spans

    fp = source_fingerprint()
    cache = work / f"silver-{fp}"
    cache.mkdir(parents=True, exist_ok=True)
    out = []
    for p in paths:
        f = cache / (p.relative_to(shared / "bulk").as_posix().replace("/", "__") + ".json")
        if f.is_file():
            data = json.loads(f.read_text(encoding="utf-8"))
        else:
            log.info("silver: analysing %s", p.name)
            a = pipeline.analyse(p)
            data = {"text": a.report.text.text, "spans": [[s.start, s.end, s.label] for s in silver_spans(a)]}
            f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        empty = 0
        for c in chunks(data["text"], [Labelled(*s) for s in data["spans"]]):
            if not c.spans:
                empty += 1
                if empty % SILVER_EMPTY_EVERY:
                    continue
            out.append(c)
    return out, fp


# ---------------------------------------------------------------------------- train


def _fix_seeds() -> None:
    import numpy
    from spacy.util import fix_random_seed

    random.seed(SEED)
    numpy.random.seed(SEED)
    fix_random_seed(SEED)


def train(chunks_, epochs: int, gold_repeat: int = 1, gold_n: int = 0):
    """A blank-``zh`` pipeline with one ``ner`` trained on ``chunks_`` (the first
    ``gold_n`` are gold and are shown ``gold_repeat`` times an epoch)."""
    import spacy
    from spacy.training import Example, offsets_to_biluo_tags
    from spacy.util import minibatch

    _fix_seeds()
    nlp = spacy.blank("zh")  # default segmenter "char": one token per character
    ner = nlp.add_pipe("ner", config={"model": model_config()})
    from kg.loaders.learned_data import LABELS

    for lab in LABELS:
        ner.add_label(lab)
    examples = []
    for c in chunks_:
        doc = nlp.make_doc(c.text)
        tags = offsets_to_biluo_tags(doc, [(s.start, s.end, s.label) for s in c.spans])
        for a, b in c.missing:
            for t in doc:
                if a <= t.idx < b:
                    tags[t.i] = "-"
        examples.append(Example.from_dict(doc, {"entities": tags}))
    gold_ex, silver_ex = examples[:gold_n], examples[gold_n:]
    optimizer = nlp.initialize(lambda: examples[:2000])
    rng = random.Random(SEED)
    for epoch in range(epochs):
        batch_items = gold_ex * gold_repeat + silver_ex
        rng.shuffle(batch_items)
        losses: dict[str, float] = {}
        for batch in minibatch(batch_items, size=16):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        log.info("epoch %d: loss %.1f (%d examples)", epoch + 1, losses.get("ner", 0.0), len(batch_items))
    if hasattr(optimizer, "averages") and optimizer.averages:
        with nlp.use_params(optimizer.averages):
            return _frozen(nlp)
    return nlp


def _frozen(nlp):
    """A copy of ``nlp`` with the averaged parameters in place (what ``use_params`` shows)."""
    import spacy

    data = nlp.to_bytes()
    copy = spacy.blank("zh")
    copy.add_pipe("ner", config={"model": model_config()})
    return copy.from_bytes(data)


# ------------------------------------------------------------------------ loo / final


def _scores(s: dict) -> dict:
    ents = s.get("entities") or {}
    by = ents.get("by_type") or {}
    row = {"entities": {k: ents.get(k) for k in ("p", "r", "f1")}}
    for t in ("Place", "Organization", "Programme", "Policy", "Sector"):
        row[t] = (by.get(t) or {}).get("f1")
    rel = s.get("relations") or {}
    row["relations"] = {k: rel.get(k) for k in ("p", "r", "f1")}
    return row


def _git_commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def build_data(args):
    corpus = args.shared / "corpus"
    keys = entity_keys(args.shared / "gold")
    if not keys:
        print(f"error: {args.shared / 'gold'}: no answer key with entities in scope", file=sys.stderr)
        sys.exit(2)
    gold = {k.stem: gold_chunks(k, corpus) for k in keys}
    silver, fp = silver_chunks(silver_reports(args.shared, args.silver), args.work, args.shared)
    return keys, gold, silver, fp


def cmd_loo(args) -> None:
    from kg import pipeline
    from kg.evaluate import load_gold, score
    from kg.loaders.learned import VARIANTS, combine, predict_spans
    from kg.loaders.learned_data import fingerprint

    t0, c0 = time.time(), time.process_time()
    keys, gold, silver, fp = build_data(args)
    corpus = args.shared / "corpus"
    result: dict = {
        "what": "leave-one-key-out: for each key, model trained on the other keys + silver; "
                "every variant scored on the held-out key with kg.evaluate.score",
        "command": "nice .venv/bin/python scripts/train_entities.py loo",
        "git_commit": _git_commit(),
        "kg_source_fingerprint": fp,
        "config": {"epochs": args.epochs, "silver_reports": args.silver, "gold_repeat": args.gold_repeat,
                   "width": WIDTH, "depth": DEPTH, "window": WINDOW, "rows": ROWS, "hidden": HIDDEN,
                   "seed": SEED, "optional_entities": "missing (not taught)",
                   "silver_empty_every": SILVER_EMPTY_EVERY, "min_silver_year": MIN_SILVER_YEAR},
        "data": {"gold": {k: {"chunks": len(v), "spans": sum(len(c.spans) for c in v),
                              "fingerprint": fingerprint(v)[:16]} for k, v in gold.items()},
                 "silver": {"chunks": len(silver), "spans": sum(len(c.spans) for c in silver),
                            "fingerprint": fingerprint(silver)[:16]}},
        "variants": list(VARIANTS),
        "keys": {},
    }
    for held in keys:
        name = held.stem
        train_gold = [c for k, v in sorted(gold.items()) if k != name for c in v]
        log.info("fold %s: %d gold + %d silver chunks", name, len(train_gold), len(silver))
        nlp = train(train_gold + silver, args.epochs, args.gold_repeat, len(train_gold))
        analysis = pipeline.analyse(key_report(held, corpus))
        text = analysis.report.text.text
        spans = predict_spans(nlp, text)
        g = load_gold(held, analysis.report.text)
        result["keys"][name] = {v: _scores(score(combine(analysis, spans, v), g)) for v in VARIANTS}
        log.info("fold %s: %s", name, {v: result["keys"][name][v]["entities"]["f1"] for v in VARIANTS})
    result["mean"] = _means(result["keys"])
    result["shipped"] = decide(result)
    result["time"] = {"wall_s": round(time.time() - t0, 1), "cpu_s": round(time.process_time() - c0, 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(table(result))


MARGIN = 0.01
"""A combination ships only if its mean held-out entities F1 beats the rules' by this much
and it is worse than the rules on no key's entities F1 by more than this."""


def decide(result: dict) -> str:
    """The variant that ships: the best mean leave-one-key-out entities F1, if it beats
    ``rules`` by :data:`MARGIN` and loses no key by more than :data:`MARGIN`; else ``rules``."""
    mean = result["mean"]
    best = max(sorted(mean), key=lambda v: mean[v]["entities"] or 0.0)
    if best == "rules" or (mean[best]["entities"] or 0.0) < (mean["rules"]["entities"] or 0.0) + MARGIN:
        return "rules"
    for rows in result["keys"].values():
        if rows[best]["entities"]["f1"] < rows["rules"]["entities"]["f1"] - MARGIN:
            return "rules"
    return best


def _means(keys: dict) -> dict:
    out = {}
    names = sorted(keys)
    for v in next(iter(keys.values())):
        def avg(get):
            xs = [get(keys[k][v]) for k in names]
            xs = [x for x in xs if x is not None]
            return round(sum(xs) / len(xs), 4) if xs else None
        out[v] = {"entities": avg(lambda r: r["entities"]["f1"]), "Programme": avg(lambda r: r["Programme"]),
                  "Policy": avg(lambda r: r["Policy"]), "relations": avg(lambda r: r["relations"]["f1"])}
    return out


def table(result: dict) -> str:
    """Markdown: one row per key and variant, then the means."""
    def f(x):
        return "–" if x is None else f"{x:.3f}"
    lines = [f"shipped (decided by the held-out scores): {result.get('shipped', decide(result))}", "",
             "| key | variant | entities F1 | Programme F1 | Policy F1 | relations F1 |", "|---|---|---|---|---|---|"]
    for k in sorted(result["keys"]):
        for v, r in result["keys"][k].items():
            lines.append(f"| {k} | {v} | {f(r['entities']['f1'])} | {f(r['Programme'])} | {f(r['Policy'])} | "
                         f"{f(r['relations']['f1'])} |")
    for v, r in result["mean"].items():
        lines.append(f"| **mean** | {v} | {f(r['entities'])} | {f(r['Programme'])} | {f(r['Policy'])} | "
                     f"{f(r['relations'])} |")
    return "\n".join(lines)


def cmd_final(args) -> None:
    keys, gold, silver, fp = build_data(args)
    train_gold = [c for _, v in sorted(gold.items()) for c in v]
    nlp = train(train_gold + silver, args.epochs, args.gold_repeat, len(train_gold))
    nlp.meta.update({"name": "kg_entities", "version": "0.1.0",
                     "description": "kg's learned entity recogniser (scripts/train_entities.py final); "
                                    f"keys: {', '.join(k.stem for k in keys)}; silver: {args.silver} bulk "
                                    f"reports, rules at kg source {fp}"})
    args.model_out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.model_out)
    print(f"saved {args.model_out}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["loo", "final"])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--work", type=Path, default=Path.home() / ".cache" / "kg" / "learned")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "loo.json")
    ap.add_argument("--model-out", type=Path, default=ROOT / "loaders" / "data" / "model")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--silver", type=int, default=12, help="bulk reports used as silver data")
    ap.add_argument("--gold-repeat", type=int, default=2, help="times each gold chunk is shown per epoch")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    if not (args.shared / "gold").is_dir():
        print(f"error: {args.shared / 'gold'}: no such folder (set --shared or KG_SHARED)", file=sys.stderr)
        sys.exit(2)
    {"loo": cmd_loo, "final": cmd_final}[args.command](args)


if __name__ == "__main__":
    main()
