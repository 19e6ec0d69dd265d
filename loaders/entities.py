"""Named entities and the relations between them, from a structured report.

:func:`extract_entities` runs kg's spaCy pipeline (:func:`kg.loaders.nlp.make_nlp`)
once per report, on one Doc of the body sentences and the glossary entries (each a
sentence of the Doc, :class:`kg.loaders.nlp.Sentence`), maps the sentences' character
offsets back to offsets in ``Text.text``, gathers every mention of a name into one
:class:`~kg.model.Entity` and merges aliases (:mod:`kg.loaders.resolve`).
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.loaders.resolve import merge_aliases, normalise

from kg.model import Entity, EntityType, Mention, Relation, Report

log = logging.getLogger(__name__)

_CLAUSE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_RULE_RANK = {"glossary": 4, "title": 5, "body": 4, "head": 3, "gazetteer": 3, "pattern": 3, "lexicon": 2, "enum": 2, "list": 2, "quote": 1}


@dataclass(frozen=True, slots=True)
class _Chunk:
    start: int
    text: str


@dataclass(frozen=True, slots=True)
class _Found:
    surface: str
    start: int
    end: int
    label: str
    rule: str
    nested: bool


def _chunks(report: Report) -> Iterator[_Chunk]:
    text = report.text.text
    if report.sentences:
        for s in report.sentences:
            yield _Chunk(s.start, text[s.start : s.end])
    else:  # an unstructured text: split the body on sentence ends
        lo = report.body_start
        hi = report.body_end or len(text)
        for m in _CLAUSE.finditer(text, lo, hi):
            if m.group().strip():
                yield _Chunk(m.start(), m.group())
    if report.glossary:
        for entry in report.glossary.entries:
            yield _Chunk(entry.term_start, text[entry.term_start : entry.term_end])
            for m in _CLAUSE.finditer(text, entry.definition_start, entry.definition_end):
                if m.group().strip():
                    yield _Chunk(m.start(), m.group())


def _government(report: Report) -> str | None:
    return report.meta.government


def extract_entities(report: Report) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """The named places, organisations, programmes, policies and sectors of ``report``,
    each with all its mentions, and the relations the text states between them."""
    from kg.loaders.nlp import analyse, doc_words, make_nlp

    nlp = make_nlp()
    text = report.text.text
    chunks = list(_chunks(report))
    found: list[_Found] = []
    words_of: dict[tuple[int, int], tuple[tuple[str, str, str], ...]] = {}  # a head-rule name's words
    raw_relations: list[tuple[tuple[int, int], str, tuple[int, int], int, int, str]] = []
    unmarked = [_without_marks(c) for c in chunks]
    # the report's chunks one after another, each a sentence (the components' rules run
    # per sentence, on the sentences themselves: no spaCy Doc); the spans, words and
    # relations are read from the sentences
    bounds, lo = [], 0
    for clean, _at in unmarked:
        bounds.append((lo, lo + len(clean)))
        lo += len(clean)
    for (clean, at), sent in zip(unmarked, analyse(nlp, "".join(u[0] for u in unmarked), bounds), strict=True):
        def span_of(sp, at=at):
            return at[sp.start_char], at[sp.end_char - 1] + 1

        for nested, group in ((False, "kg_entities"), (True, "kg_nested")):
            for span in sent.spans[group]:
                s, e = span_of(span)
                found.append(_Found(text[s:e], s, e, span.label_, span.id_, nested))
                if span.id_ == "head" and not nested and span.label_.startswith(_WORDS_LABELS):
                    words_of[(s, e)] = tuple(
                        (w.text, w.label_, w.kb_id_) for w in doc_words(sent)
                        if span.start_char <= w.start_char and w.end_char <= span.end_char
                    )
        for subj, pred, obj, ev in sent._.kg_relations or ():
            raw_relations.append(
                (span_of(subj), pred, span_of(obj), *span_of(ev), ev.id_ or f"verb:{pred}")
            )
    found.extend(_session_name(report, found))
    glossary_found, glossary_relations = _glossary(report, found)
    found.extend(glossary_found)
    for subj, pred, obj in glossary_relations:
        lo, hi = min(subj.start, obj.start), max(subj.end, obj.end)
        if obj.start < subj.start:  # evidence: the item in its definition
            lo, hi = subj.start, subj.end
        raw_relations.append(((subj.start, subj.end), pred, (obj.start, obj.end), lo, hi, f"glossary:{pred}"))
    found = _drop_common_word_short_forms(found, report)
    found = _keep_county_short_forms(found, report)
    found = _drop_common_word_divisions(found, report)
    found = _drop_counted_quotes(found, text)
    found = _drop_described_places(found, text)
    found = _drop_industry_systems(found, text)
    found = _drop_kind_names(found, words_of)
    found = _head_filter(found, text)
    found = _retype_listed_places(found)
    found = _retype_groups(found)
    found, located = _split_located_features(found, report)
    raw_relations.extend(located)
    entities, by_span = _group(found)
    entities = _full_division_names(entities, report)
    entities = merge_aliases(entities, text, _government(report))
    entities = _slogan_aliases(entities)
    name_of_form: dict[str, str] = {}
    for e in entities:
        for f in (e.name, *e.aliases):
            name_of_form.setdefault(f, e.name)
    relations = []
    seen = set()
    for (ss, se), pred, (os_, oe), es, ee, rule in raw_relations:
        sf, of = by_span.get((ss, se)), by_span.get((os_, oe))
        if sf is None or of is None:
            continue
        sn, on = name_of_form.get(sf), name_of_form.get(of)
        if not sn or not on or sn == on:
            continue
        key = (sn, pred, on)
        if key in seen:
            continue
        seen.add(key)
        relations.append(Relation(sn, pred, on, es, ee, rule))
    relations.extend(_byline_part_of(report, entities, seen))
    relations.extend(_name_relations(entities, seen, report))
    parents = {}
    for r in relations:
        if r.predicate in ("part_of",) and r.subject not in parents:
            parents[r.subject] = r.object
    entities = tuple(
        Entity(e.name, e.type, e.subtype, e.aliases, e.mentions, parents.get(e.name, e.parent))
        for e in entities
    )
    for m in (m for e in entities for m in e.mentions):
        assert text[m.start : m.end] == m.surface
    return entities, tuple(relations)


def _slogan_aliases(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """A programme or policy printed as a quoted slogan and its kind (“青禾助企”行动,
    “云溪一件事”改革) is named by the slogan: the slogan alone becomes an alias, and an
    entity of the same type named by the bare slogan is the same thing (merged)."""
    from kg.loaders.nlp import _LIST_CUES

    kinds = "|".join(sorted(_LIST_CUES.get("slogan_kind", ()), key=len, reverse=True))
    if not kinds:
        return entities
    shape = re.compile(rf"“([^“”]{{2,20}})”(?:{kinds})")
    slogan: dict[int, str] = {}
    for i, e in enumerate(entities):
        if e.type not in (EntityType.PROGRAMME, EntityType.POLICY):
            continue
        m = shape.fullmatch(e.name)
        if m and not re.fullmatch(r"[0-9一二三四五六七八九十百千两]+条?", m.group(1)):
            slogan[i] = m.group(1)
    if not slogan:
        return entities
    # every entity named by one slogan (its bare form, its forms with a kind) is one entity,
    # kept under the name printed first
    owner: dict[tuple[str, EntityType], int] = {}
    for i in sorted(slogan, key=lambda i: entities[i].mentions[0].start if entities[i].mentions else 1 << 30):
        owner.setdefault((normalise(slogan[i]), entities[i].type), i)
    members: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(entities):
        k = (normalise(slogan.get(i, e.name)), e.type)
        if k in owner and owner[k] != i:
            members[owner[k]].append(i)
    gone: set[int] = set()
    out = list(entities)
    for i, x in slogan.items():
        if owner.get((normalise(x), out[i].type)) != i:
            continue
        e = out[i]
        aliases, mentions = set(e.aliases) | {x}, list(e.mentions)
        for j in members.get(i, ()):
            aliases |= {out[j].name, *out[j].aliases}
            mentions.extend(out[j].mentions)
            gone.add(j)
        aliases.discard(e.name)
        out[i] = Entity(e.name, e.type, e.subtype, tuple(sorted(aliases)),
                        tuple(sorted(set(mentions), key=lambda m: (m.start, m.end, m.rule or "", m.surface))),
                        e.parent)
    return tuple(e for k, e in enumerate(out) if k not in gone)


def _name_relations(entities, seen, report: Report | None = None) -> list[Relation]:
    """Relations a name states by itself (rule ``name:<predicate>``, the table in
    :mod:`kg.loaders.relations`): 爱国路高架 part_of 爱国路, 大望桥拆除重建工程 located_in
    大望桥, 某某大学某某校区 part_of 某某大学 — to the longest name it starts with, its
    immediate container; and ``name-infix:<predicate>`` for a division inside the name
    after its container or in brackets (某中学桐庐学校 located_in 桐庐). Evidence: the first
    mention. A division only counts when it is not the report's own place (深圳歌剧院
    located_in 深圳市 is optional, GUIDELINES §6)."""
    from kg.loaders.nlp import STRUCTURES, short_form
    from kg.loaders.relations import containers, first_predicate, infix_predicate, name_predicate

    own = set(_EVERY_REPORTS_PLACES)
    if report is not None:
        for p in (report.meta.place, *report.meta.parent_places):
            if p:
                own |= {p, short_form(p)}
    kinds = (EntityType.PLACE, EntityType.ORGANIZATION, EntityType.POLICY)
    parts = [
        e for e in entities
        if e.type in kinds and not (e.subtype == "admin" and (e.name in own or set(e.aliases) & own))
    ]
    forms = [(f, b) for b in parts for f in (b.name, *b.aliases)]
    # a town's name without 镇/乡 opens the names of things in it (熊口镇: 熊口红军街, 熊口农场)
    taken = {f for f, _ in forms}
    forms += [
        (b.name[:-1], b) for b in parts
        if b.type == EntityType.PLACE and b.subtype == "admin" and b.name.endswith(_TOWN_LEVELS)
        and len(b.name) >= 3 and b.name[:-1] not in taken
    ]
    all_forms = {f for e in entities for f in (e.name, *e.aliases) if len(f) >= 2}
    divisions = [(f, b) for f, b in forms if b.type == EntityType.PLACE and b.subtype == "admin" and len(f) >= 2]
    standalone = [b for _, b in divisions if any(not (m.rule or "").endswith(":nested") for m in b.mentions)]
    structures = [
        (f, b) for f, b in forms
        if b.type == EntityType.PLACE and b.subtype == "transport" and len(f) >= 3 and f.endswith(STRUCTURES)
    ]
    forms_at: dict[str, list] = {}  # the forms by their first two characters, in order
    for f, b in forms:
        forms_at.setdefault(f[:2], []).append((f, b))
    out = []

    def emit(a, pred, b, rule):
        key = (a.name, pred, b.name)
        if key not in seen and a.name != b.name:
            seen.add(key)
            m = a.mentions[0]
            out.append(Relation(a.name, pred, b.name, m.start, m.end, rule))

    for a in entities:
        if not a.mentions:
            continue
        rule = a.mentions[0].rule or ""

        def predicate(form, b, rest, a=a, rule=rule):
            if b.type == EntityType.PLACE and b.subtype == "admin" and rest[:1] in "省市区县镇乡":
                return None  # 杭州 + 市政府: the division's own body, not a thing inside it
            return name_predicate(a.type.value, a.subtype or "", b.type.value, b.subtype or "", rest, rule, form)

        # a container is a form the name starts with: one of the forms opening with its two first characters
        found = first_predicate(a.name, containers(a.name, ((f, b) for f, b in forms_at.get(a.name[:2], ()) if b is not a)), predicate)
        if found is not None and found[2] == "located_in" and a.type == EntityType.PROGRAMME:
            # works on a structure named after its road (原207国道青禾大桥危桥改造): on the structure
            rest = a.name[len(found[0]):]
            on = [
                (f, c) for f, c in structures if c is not a and c is not found[1] and len(rest) > len(f) and rest.startswith(f)
            ]
            if on:
                f, c = max(on, key=lambda fc: len(fc[0]))
                found = (f, c, "located_in")
        if found is not None:
            emit(a, found[2], found[1], f"name:{found[2]}")
        if "至" in a.name or a.type not in (EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PROGRAMME):
            continue  # 乐东至三亚段: the ends of a stretch, not where it is
        for f, d in divisions:
            i = a.name.find(f, 1)
            if i < 1 or d is a:
                continue
            if a.name[i - 1] in "-—－":
                continue  # "浦口—南谯功能区": the joint area spans the division, it is not in it
            opened = a.name[i - 1] in "（(" and a.name[i + len(f) : i + len(f) + 1] in ("）", ")")
            if not opened and a.name.count("（", 0, i) + a.name.count("(", 0, i) > a.name.count("）", 0, i) + a.name.count(")", 0, i):
                continue  # "滨萧（滨江萧山）合作区": partners spelled out in brackets, not where it is
            if not (opened or a.name[:i] in all_forms or i >= 2 and d in standalone):
                continue  # the division is not named on its own, and what comes before it is no name
            if any(len(g) > len(f) and g.startswith(f) and a.name.startswith(g, i) for g, _ in divisions):
                continue  # 防城 in "…防城港校区": the longer division 防城港 is the one named
            rest = a.name[i + len(f) + (1 if opened else 0):]
            pred = infix_predicate(a.type.value, a.subtype or "", rest)
            if pred is not None:
                emit(a, pred, d, f"name-infix:{pred}")
    return out


_TOWN_LEVELS = ("镇", "乡")
"""Level words a town's name drops when it opens another name (熊口镇 → 熊口红军街)."""

_EVERY_REPORTS_PLACES = frozenset({"中国", "中华人民共和国", "我国", "全国"})
"""The country holds every report's place: a name opening with it (中国国际旅游交易会, 健康中国
行动) is named after it, never placed in it (GUIDELINES §6: optional)."""


def _byline_part_of(report: Report, entities, seen) -> list[Relation]:
    """The report's own place in its parent ("深圳市罗湖区" in the byline)."""
    from kg.loaders.nlp import short_form

    place = report.meta.place
    parents = report.meta.parent_places
    if not place or not parents:
        return []
    text = report.text.text
    i = text.find(parents[0] + place)
    if i < 0:
        return []
    names = {f: e.name for e in entities for f in (e.name, *e.aliases) if e.type == EntityType.PLACE}
    sub = names.get(place) or names.get(short_form(place))
    obj = names.get(parents[0]) or names.get(short_form(parents[0]))
    if not sub or not obj or (sub, "part_of", obj) in seen:
        return []
    seen.add((sub, "part_of", obj))
    return [Relation(sub, "part_of", obj, i, i + len(parents[0]) + len(place), "byline:part_of")]


_LIST_SPLIT = re.compile(r"[^、，,:：;；()（）。“”]+")
_ANCHOR = re.compile(r"^.*?(包括|是指|是|指|为|由)")


def _session_name(report: Report, found: list[_Found]) -> list[_Found]:
    """The congress session the dateline names ("（2024年1月29日在青岚市第九届人民代表大会第三次
    会议上）") is a meeting, so a Programme (GUIDELINES §5), found where the title block prints it."""
    meeting = report.meta.meeting
    if not meeting or len(meeting) < 6:
        return []
    text = report.text.text
    s = text.find(meeting, 0, max(report.body_start, 400))
    if s < 0:
        return []
    e = s + len(meeting)
    if any(f.start < e and s < f.end and not f.nested for f in found):
        return []
    return [_Found(meeting, s, e, "Programme", "dateline", False)]


def _glossary_names(report: Report, found: list[_Found]) -> list[_Found]:
    names, _ = _glossary(report, found)
    return names


def _glossary(report: Report, found: list[_Found]):
    """Names the glossary gives: a defined term without a head word (双招双引) is a
    programme, mentioned wherever the body uses it; the items listed in the definition
    of a sector term ("“7+1”产业集群:A、B、C") are sectors."""
    if not report.glossary:
        return [], []
    from kg.loaders.nlp import make_nlp

    finder = make_nlp().get_pipe("kg_candidates")
    text = report.text.text
    taken = [(f.start, f.end) for f in found if not f.nested]
    out: list[_Found] = []
    relations: list[tuple[_Found, str, _Found]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    hi = report.body_end or len(text)
    for entry in report.glossary.entries:
        term_start, term_end = entry.term_start, entry.term_end
        m = re.search(r"(建设|工作|战略)$", text[term_start:term_end])
        if m and term_end - term_start - len(m.group()) >= 2 and "”" in text[term_start:term_end]:
            term_end -= len(m.group())  # "“双区”建设" names 双区
        term = text[term_start:term_end]
        bare = normalise(term)
        head = finder.head_ending_at(bare, len(bare), 0)
        items = _definition_items(text, entry, finder)
        for f in items:
            # a listed item is whole: drop what the sentence pass found inside it
            inner = [g for g in found if f.start <= g.start and g.end <= f.end and (g.start, g.end) != (f.start, f.end)]
            for g in inner:
                found.remove(g)
                if (g.start, g.end) in taken:
                    taken.remove((g.start, g.end))
        term_label = "Programme"
        places = [f for f in items if f.label.startswith("Place")]
        networks = [f for f in places if f.label in _NETWORK_LABELS]
        if len(items) >= 3 and len(networks) * 3 >= len(items) * 2:
            subs = Counter(f.label for f in networks)
            term_label = subs.most_common(1)[0][0]  # a network of roads or rivers is a place
        term_found = None
        if (head is None or head.type == "-") and _vetoed_term(bare):
            pass  # a slogan the glossary explains (“七个有之”, “三个立法权”) names nothing
        elif head is None or head.type == "-":
            # a formula or short name: find it in the body, quoted or bare
            # longest form first (the printed term, then quoted, then bare), in a fixed order:
            # which form claims a span must not depend on set iteration (PYTHONHASHSEED)
            for form in sorted({term, f"“{bare}”", bare}, key=lambda f: (-len(f), f)):
                if len(normalise(form)) < 2:
                    continue
                for m in re.finditer(re.escape(form), text[:hi]):
                    s, e = m.start(), m.end()
                    if s < report.body_start or not free(s, e):
                        continue
                    out.append(_Found(text[s:e], s, e, term_label, "glossary", False))
                    taken.append((s, e))
            # the body may close the formula with a head word ("“一体两翼三融合”小区治理格局")
            for f in found:
                if (
                    f.start >= report.body_start and normalise(f.surface).startswith(bare) and f.label == "Policy"
                    and not f.nested and f.rule in ("head", "pattern:policy.quoted-list", "pattern:policy.quoted-list-counted")
                ):
                    term_label = f.label
                    break
            term_found = _Found(term, term_start, term_end, term_label, "glossary", False)
            if free(term_start, term_end):
                out.append(term_found)
                taken.append((term_start, term_end))
        elif head is not None:
            term_found = _Found(term, term_start, term_end, head.label, "glossary", False)
        # named items a definition lists ("“1”是产业发展专项资金管理办法", "A制度、B制度")
        for f in items:
            if free(f.start, f.end):
                out.append(f)
                taken.append((f.start, f.end))
            if term_found is None:
                continue
            if term_found.label.startswith("Place") and f.label.startswith("Place"):
                relations.append((f, "part_of", term_found))
            elif (
                term_found.label == "Policy"
                and bare.endswith(_DOCUMENT_HEADS)
                and f.label.split("/")[0] in ("Place", "Programme")
            ):
                relations.append((f, "defined_in", term_found))
        if head is not None and head.type == "Sector":
            d0, d1 = entry.definition_start, entry.definition_end
            for m in _LIST_SPLIT.finditer(text, d0, d1):
                s, e = m.start(), m.end()
                piece = text[s:e]
                a = _ANCHOR.match(piece)
                if a:
                    s += a.end()
                    piece = text[s:e]
                if not (2 <= len(piece) <= 12) or re.search(r"[0-9一二三四五六七八九十]+(大|个|项)", piece):
                    continue
                if piece.endswith(("等", "等行业")) or not free(s, e):
                    continue
                out.append(_Found(piece, s, e, "Sector", "glossary", False))
                taken.append((s, e))
    return out, relations


def _vetoed_term(bare: str) -> bool:
    """A glossary term the veto patterns rule out as a name (a numeral, 个 and a word)."""
    from kg.loaders.patterns import load_patterns, user_dirs

    return load_patterns(user_dirs()).vetoed(bare) is not None


_NETWORK_LABELS = frozenset({"Place/transport", "Place/water", "Place/green"})
_DOCUMENT_HEADS = ("规划", "方案", "计划", "纲要", "意见", "办法", "条例")


def _definition_items(text: str, entry, finder) -> list[_Found]:
    """The named things a glossary definition lists, typed by their head words."""
    items = []
    for m in _LIST_SPLIT.finditer(text, entry.definition_start, entry.definition_end):
        s, e = m.start(), m.end()
        piece = text[s:e]
        a = _ANCHOR.match(piece)
        if a:
            s += a.end()
        k = text.rfind("的", s, e)
        if k >= 0:
            s = k + 1
        piece = text[s:e]
        k = piece.find("等")
        if k > 0:
            e = s + k
            piece = text[s:e]
        head = finder.head_ending_at(piece, len(piece), 0)
        if head is None or head.type == "-":
            continue
        level = len(head.suffix) >= 3 and piece[:1] in "省市区县" and len(piece) == len(head.suffix) + 1
        if not ((len(piece) - len(head.suffix) >= 2 or level) and len(piece) <= 24):
            continue  # "区图书馆": the district's own library
        if re.match(r"^[0-9一二三四五六七八九十N]+(个|大|项|张|份|套)", piece) or "等" in piece:
            continue
        if text[s - 1 : s] in "(（" and not _is_whole_name(piece):
            continue  # "罗沙路(复合通道)": a descriptor in brackets
        items.append(_Found(piece, s, e, head.label, "glossary", False))
    return items


def _is_whole_name(piece: str) -> bool:
    from kg.loaders.nlp import make_nlp

    doc = make_nlp()(piece)
    return any(sp.start_char == 0 and sp.end_char == len(piece) for sp in doc.spans["kg_entities"])


def _full_division_names(entities: list[Entity], report: Report) -> list[Entity]:
    """A division named by its short form (罗湖) is named in full (罗湖区) when the report
    uses the full form anywhere, or it is the report's own place or parent."""
    from kg.loaders.nlp import Gazetteer, short_form

    gaz = Gazetteer.shared()
    text = report.text.text
    own = [p for p in (report.meta.place, *report.meta.parent_places) if p]
    out = []
    for e in entities:
        if e.type == EntityType.PLACE and e.subtype == "admin" and e.name in gaz.short:
            fulls = [p for p in own if short_form(p) == e.name]
            if not fulls:
                code = gaz.short.get(e.name)
                fulls = [n for n, c in gaz.full.items() if c == code and n in text]
            if fulls:
                e = Entity(fulls[0], e.type, e.subtype, tuple(sorted({*e.aliases, e.name})), e.mentions, e.parent)
        elif e.type == EntityType.PLACE and e.subtype == "admin" and e.name in gaz.short_county:
            fulls = [p for p in own if short_form(p) == e.name]
            if fulls:
                e = Entity(fulls[0], e.type, e.subtype, tuple(sorted({*e.aliases, e.name})), e.mentions, e.parent)
        out.append(e)
    return out


def _own_code_prefix(report: Report) -> str | None:
    """The code prefix of the divisions inside the report's own place: "3301" for a city
    report of 杭州市, "46" for a provincial report of 海南省; None for a county or national
    report or a place the gazetteer cannot pin down."""
    from kg.loaders.gazetteer import unique_code

    code = unique_code(report.meta.place) if report.meta.place else None
    if not code or len(code) != 6:
        return None
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return None


def _after_its_parent(found: list[_Found]) -> set[tuple[int, int]]:
    """Spans of county short forms printed right after the name of their own province or
    city (甘肃积石山, 湖北潜江): the parent vouches for the short form."""
    from kg.loaders.gazetteer import current_codes_by_short, unique_code

    ends = {f.end: f.surface for f in found if f.label == "Place/admin"}
    out = set()
    for f in found:
        parent = ends.get(f.start) if f.label == "Place/admin_short" else None
        code = unique_code(parent) if parent else None
        if not code or not code.endswith("00"):
            continue
        prefix = code[:2] if code.endswith("0000") else code[:4]
        if any(c.startswith(prefix) for c in current_codes_by_short().get(f.surface, ())):
            out.add((f.start, f.end))
    return out


_COUNT_BEFORE = re.compile(
    r"(?<![第0-9一二三四五六七八九十百千两])(?![一1](?:个|家|所|条|座|批)$)[0-9一二三四五六七八九十百千两]+(?:个|家|所|条|座|批)$"
)  # not 一个“…” (再造一个“青禾”: a goal, not a count)


def _drop_counted_quotes(found: list[_Found], text: str) -> list[_Found]:
    """A quoted term counted right before it and closing its phrase (建设50个“宁静小区”、,
    三个“一号工程”和, 10条“断头路”，) is a kind the count is of, not one named thing (bulk:
    70 such counts, all kinds)."""
    out = []
    for f in found:
        if f.surface.startswith("“") and f.surface.endswith("”"):
            at = f.start
        elif text[f.start - 1 : f.start] == "“" and text[f.end : f.end + 1] == "”":
            at = f.start - 1  # the quote rule's name is inside the quotes
        else:
            at = None
        close = f.end if f.surface.endswith("”") else f.end + 1
        if at is not None and _COUNT_BEFORE.search(text, max(0, at - 6), at) and (
            close >= len(text) or text[close] in "，。；、,;和及等"
        ):
            continue  # not 第六批“…” (an edition), not 10个“…”正式启用 (a clause goes on)
        out.append(f)
    return out


def _drop_described_places(found: list[_Found], text: str) -> list[_Found]:
    """美丽 + a place after 的 closes a description of what the place is to look like
    (人与自然和谐共生的美丽青禾, 天蓝、地绿、水清的美丽青禾), not the 美丽青禾 campaign the
    report runs (推进美丽青禾建设): that mention is dropped, the campaign's own mentions
    stay (bulk: 8 such descriptions, all ending a sentence's goal)."""
    return [
        f for f in found
        if not (f.rule == "head:campaign" and f.surface.startswith("美丽") and text[f.start - 1 : f.start] == "的")
    ]


_SYSTEM_KIND = re.compile(r"现代化|特色|完整|跨界|乡村")


def _drop_industry_systems(found: list[_Found], text: str) -> list[_Found]:
    """Industries named by a kind word right before 体系 (构建青禾特色现代化产业体系,
    现代乡村产业体系, 完整产业体系) describe the system of industries a report plans, not
    one named sector (bulk: 20 such, all kinds; no key's sector stands before 体系). A
    sector in its own words (文化产业体系, 现代服务业体系) or a numbered or quoted system
    (“1650”产业体系) stays."""
    return [
        f for f in found
        if not (
            f.label == "Sector" and text.startswith("体系", f.end) and _SYSTEM_KIND.search(f.surface)
            and not re.search(r"[“”0-9]", f.surface)
        )
    ]


_KIND_LABELS = ("Programme", "Policy", "Sector")
_WORDS_LABELS = (*_KIND_LABELS, "Place")
_LEVEL_WORDS = frozenset({"全国", "国家", "全省", "全市", "全区", "全县", "省", "市", "县", "省级", "市级", "县级", "省定", "市定", "国家级"})
_EVENT_END = re.compile(r"(?:会|会议|节|赛|季|周|日|奖)$")
_QUALITY_TAGS = frozenset({"a", "ad", "an", "v", "vd", "d", "l", "i"})


@functools.lru_cache(maxsize=1)
def _genre_words() -> dict[str, str]:
    """The genre's words by class (kind_words.txt, scripts/kind_words.py): ``u`` ubiquitous
    (in three quarters of the bulk reports), ``g`` a genre word (in a fifth of them)."""
    from kg.loaders.nlp import _data_lines

    out = {}
    for line in _data_lines("kind_words.txt"):
        cols = line.split("\t")
        if len(cols) >= 3:
            out[cols[0].strip()] = cols[2].strip()
    return out


@functools.lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The genre's ubiquitous words and its generic modifiers (generic_modifiers.txt)."""
    from kg.loaders.nlp import load_generic_modifiers

    return frozenset(load_generic_modifiers()) | {w for w, c in _genre_words().items() if c == "u"}


@functools.lru_cache(maxsize=1)
def _heads():
    from kg.loaders.nlp import load_heads

    return load_heads()


_BUILT_KINDS = ("机制", "平台", "模式", "项目")
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng"})  # j: 外商投资, 涉企 are genre words


def _is_kind_name(name: str, label: str, words: tuple[tuple[str, str, str], ...]) -> bool:
    """Is a head-rule name a kind named by kind words alone, with no specific part?

    - a programme or policy of a level: a level word (全国, 国家, 省级…), then one or two
      ubiquitous or generic words, then the head (全国科技计划, 国家发展战略): what every
      level runs, not one named programme. Events (…会议, …大会, …奖) are named so;
    - a mechanism, platform, model or project (机制, 平台, 模式, 项目) named by one to three
      genre words and nothing else (涉企服务平台, 产教融合创新机制, 城市治理模式, 重大文旅项目):
      a kind every report builds (the readers of the precision draws and the keys agree;
      works, actions and pilots named by genre words are keyed as names and stay);
      a quote, a number, a place or a word few reports use (主产区, 港医) makes it a name;
    - an industry named by a quality or a class, one adjective, adverb or verb word or a
      …型 word before its head (重要产业, 资源型产业, 劳动密集型产业)."""
    heads = _heads()
    head = next((name[-k:] for k in range(min(len(name) - 1, 6), 0, -1)
                 if name[-k:] in heads and heads[name[-k:]].type != "-"), None)
    if head is None or not words:
        return False
    mods, covered = [], 0
    for w, tag, freq in words:
        if covered + len(w) > len(name) - len(head):
            break
        mods.append((w, tag, freq))
        covered += len(w)
    if not mods or covered != len(name) - len(head):
        return False
    kinds = _kind_words()
    if label.startswith(("Programme", "Policy")):
        if name.endswith(_BUILT_KINDS) and len(mods) <= 3:
            genre = _genre_words()
            if all(
                len(w) >= 2 and (w in kinds or (w in genre and tag not in _NAME_TAGS))
                for w, tag, _freq in mods
            ):
                return True
        if _EVENT_END.search(name) or mods[0][0] not in _LEVEL_WORDS or not 2 <= len(mods) <= 3:
            return False  # 县级医院综合能力提升行动: a longer topic names one programme
        return all(w in kinds for w, _tag, _freq in mods[1:])
    if label.startswith("Place"):
        return _is_place_kind(name, mods)
    if label == "Sector" and len(mods) == 1:
        w, tag, freq = mods[0]
        return (tag in _QUALITY_TAGS and freq == "common") or (len(w) >= 3 and w.endswith("型"))
    return False


# A count in a head-rule programme or place (23场对接活动, 5件民生实事项目, 青禾区4处地表水厂):
# the things counted are a kind, not one named programme or place (a number with 号, 期, 届,
# an ordinal 第N次 or a year is a designation and stays; a policy's N条 is its name).
_COUNTED_NAME = re.compile(r"(?<![第0-9０-９])[0-9０-９]+[场个项批次件家条所座处]")


_CITY_FACILITY = re.compile(r"(?:中心|馆|院|宫|场)$")


def _is_place_kind(name: str, mods: list[tuple[str, str, str]]) -> bool:
    """A place named by one or two genre words before its head (港口码头, 儿童友好公园,
    冷链物流园, 城市街道): a kind of place every report has, not one place; a place name, a
    proper or rare word, a number or a level (市全民健身中心) makes it a name. A town's
    one facility named by its use (市民体育中心, 城市规划展览馆: the keys name them) stays."""
    kinds, genre = _kind_words(), _genre_words()
    return not _CITY_FACILITY.search(name) and len(mods) <= 2 and all(
        len(w) >= 2 and w not in _LEVEL_WORDS and (w in kinds or (w in genre and tag not in _NAME_TAGS))
        for w, tag, _freq in mods
    )


def _drop_kind_names(found: list[_Found], words_of: dict[tuple[int, int], tuple[tuple[str, str, str], ...]]) -> list[_Found]:
    """Head-rule names that are kinds named by kind words (:func:`_is_kind_name`) and list
    items that are one genre word (:func:`_listed_kind`) are dropped; a name with a
    specific part (a place, a proper or rare word, a quoted or numbered designation, a word
    few reports use) stays."""
    genre = _genre_words()
    return [
        f for f in found
        if not ((f.start, f.end) in words_of and _is_kind_name(f.surface, f.label, words_of[(f.start, f.end)]))
        and not (f.rule == "head" and f.label.startswith(("Programme", "Place")) and _COUNTED_NAME.search(f.surface))
        and not (f.rule in ("list", "enum") and f.surface in genre and _listed_kind(f))
        and not (f.rule == "quote" and f.surface.strip("“”") in genre and _listed_kind(f))
    ]


def _listed_kind(f: _Found) -> bool:
    """An item of a list that is one genre word (风电、光伏等项目; 餐饮、住宿行业; 公办、民办学校):
    a kind the list counts, not a named project, place or body; a quoted genre word
    (“一站式”平台, 数据“资源”变“资产”) is a word stressed, not a name. Sectors (the list's own
    industries), places and regions (长三角、京津冀), associations (科协、工商联) and
    events (亚运会) stay."""
    if f.label == "Sector" or f.label.startswith(("Place", "Organization/association", "Organization/government")):
        return False
    return not _EVENT_END.search(f.surface)


@functools.lru_cache(maxsize=None)
def _common_word_places(kind: str) -> frozenset[str]:
    """The names of one kind (``full`` or ``short``) in common_word_places.tsv."""
    from kg.loaders.nlp import _data_lines

    out = set()
    for line in _data_lines("common_word_places.tsv"):
        k, _, name = line.partition("\t")
        if k == kind and name:
            out.add(name.strip())
    return frozenset(out)


def _drop_common_word_short_forms(found: list[_Found], report: Report) -> list[_Found]:
    """A county's short form that is a common word (common_word_places ``short``: 资源 in
    国有资产、资源、资金, 振兴 in 东北振兴) names the county only where the report writes its
    full name (资源县) or it is the report's own place; being inside the county's province
    is not enough (a province's report says 资源 and 平安 as words)."""
    from kg.loaders.gazetteer import code_index
    from kg.loaders.nlp import short_form

    words = _common_word_places("short")
    common_full = _common_word_places("full")
    inside = _own_code_prefix(report)
    index = code_index()
    full = {  # a common-word full name outside its province (解放区) writes no county's name
        short_form(f.surface) for f in found
        if f.label == "Place/admin" and (
            f.surface not in common_full
            or (inside and any(c.startswith(inside) for c in index.get(f.surface, ())))
        )
    }
    own = {short_form(p) for p in (report.meta.place, *report.meta.parent_places) if p}
    return [
        f for f in found
        if not (f.label == "Place/admin_short" and f.surface in words and f.surface not in full | own)
    ]


@functools.lru_cache(maxsize=1)
def _place_heads() -> tuple[tuple[str, str], ...]:
    """Place heads of two or more characters (产业园, 小镇, 码头) and the endings of
    listed_place_heads.tsv (园, 段), longest first, with the label each gives."""
    from kg.loaders.nlp import _data_lines, load_heads

    heads = [(h, v.label) for h, v in load_heads().items() if len(h) >= 2]
    for line in _data_lines("listed_place_heads.tsv"):
        h, _, lab = line.partition("\t")
        heads.append((h.strip(), lab.strip()))
    return tuple(sorted(heads, key=lambda x: -len(x[0])))


# A group of countries (二十国集团, 七国集团) or a political faction (…反党集团, …领导集团)
# closes with 集团 like a company; it is an intergovernmental forum or a group of people.
_NON_COMPANY_GROUP = re.compile(r"(?:国|反党|反革命|领导)集团$")


def _retype_groups(found: list[_Found]) -> list[_Found]:
    """A …集团 that is a group of countries or a political faction (:data:`_NON_COMPANY_GROUP`)
    is Organization/other, not a company (bulk: 二十国集团 typed company in 8 reports)."""
    return [
        _Found(f.surface, f.start, f.end, "Organization/other", f.rule, f.nested)
        if f.label == "Organization/company" and _NON_COMPANY_GROUP.search(f.surface) else f
        for f in found
    ]


def _retype_listed_places(found: list[_Found]) -> list[_Found]:
    """An item of a list of projects (list rule: 青禾文化体验园、云溪码头等项目) is typed
    Programme by the list; one closed by a place head of its own (…文化园, …小镇, …码头) is
    that place (the park, the town) being built, and takes its head's type. A phase
    (…二期) or works (…工程) stays a project."""
    out = []
    for f in found:
        if f.rule == "list" and f.label == "Programme" and not re.search(r"[期程目]$", f.surface):
            head = next(((h, lab) for h, lab in _place_heads() if f.surface.endswith(h)), None)
            if head is not None and head[1].startswith("Place") and len(f.surface) > len(head[0]) + 1:
                f = _Found(f.surface, f.start, f.end, head[1], f.rule, f.nested)
        out.append(f)
    return out


def _drop_common_word_divisions(found: list[_Found], report: Report) -> list[_Found]:
    """A division whose full name is a common word (common_word_places ``full``:
    老城区, 新城区) is that division only inside the report's own province or city
    (洛阳's report names its 老城区); elsewhere "实施老城区雨污分流改造" is the old town."""
    from kg.loaders.gazetteer import code_index

    words = _common_word_places("full")
    if not words:
        return found
    inside = _own_code_prefix(report)
    index = code_index()
    return [
        f for f in found
        if not (f.label.startswith("Place/admin") and f.surface in words
                and not (inside and any(c.startswith(inside) for c in index.get(f.surface, ()))))
    ]


def _split_located_features(found: list[_Found], report: Report | None = None):
    """A county's name before a feature's own name (青禾云溪水库, 青禾县云溪水库: list_cues
    ``located_feature``) is a locator: the feature is named without it and is part_of the
    county (rule ``name-prefix:part_of``). Only where the county is found as a division
    at the name's start and at least two characters stand between it and the head. The
    report's own place is no container to state (GUIDELINES §6: optional)."""
    from kg.loaders.nlp import _LIST_CUES, short_form

    own = set()
    if report is not None and report.meta.place:
        own = {report.meta.place, short_form(report.meta.place)}

    heads = _LIST_CUES.get("located_feature", ())
    if not heads:
        return found, []
    divisions = {(f.start, f.end) for f in found if f.label in ("Place/admin", "Place/admin_short")}
    by_start: dict[int, list[int]] = defaultdict(list)
    for s, e in divisions:
        by_start[s].append(e)
    out, rels = [], []
    for f in found:
        if f.label.startswith("Place") and f.surface.endswith(heads) and f.start in by_start:
            head = next(h for h in heads if f.surface.endswith(h))
            cut = max((e for e in by_start[f.start] if f.end - len(head) - e >= 2), default=None)
            if cut is not None:
                start = f.start
                f = _Found(f.surface[cut - start :], cut, f.end, f.label, f.rule, f.nested)
                if not own & {d.surface for d in found if (d.start, d.end) == (start, cut)}:
                    rels.append(((cut, f.end), "part_of", (start, cut), start, f.end, "name-prefix:part_of"))
        out.append(f)
    return out, rels


def _keep_county_short_forms(found: list[_Found], report: Report) -> list[_Found]:
    """County-level short forms (罗湖) count only when the report names the county in
    full (罗湖区), it is the report's own place, or it lies inside the report's own
    province or city (a city report names its districts by short form: 萧山, 富阳)."""
    from kg.loaders.gazetteer import current_codes_by_short
    from kg.loaders.nlp import short_form

    full = {f.surface for f in found if f.label == "Place/admin"}
    own = {short_form(p) for p in (report.meta.place, *report.meta.parent_places) if p}
    shorts_ok = {short_form(f) for f in full} | own
    inside = _own_code_prefix(report)
    after_parent = _after_its_parent(found)
    out = []
    for f in found:
        if f.label == "Place/admin_short":
            if f.surface not in shorts_ok and (f.start, f.end) not in after_parent and not (
                inside and any(c.startswith(inside) for c in current_codes_by_short().get(f.surface, ()))
            ):
                continue  # a county's short form counts inside the report's own province or city
            f = _Found(f.surface, f.start, f.end, "Place/admin", f.rule, f.nested)
        out.append(f)
    return out


# A footnote mark printed inside a name ("“情指行”⑩一体化实战化机制", "“两新”［15］政策"): the
# mark is the report's, not the name's, so the name drops it; the quoted part before the
# mark is the short form the text uses, so it becomes an alias.
_INNER_MARK = re.compile(r"(?<=[^\s。；;：:，,、])(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|［\d{1,3}］|\[\d{1,3}\])(?=[^\s。；;，,、])")
_QUOTED_BEFORE_MARK = re.compile(r"^“([^“”]{2,})”(?=(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|［\d{1,3}］|\[\d{1,3}\]))")


def _without_marks(chunk: _Chunk) -> tuple[str, list[int]]:
    """The chunk's text without footnote marks inside words, and each kept character's
    offset in the report: the pipeline then reads "“1+5+N”［8］公共卫生体系" as the name it
    is, and every span still maps back to the characters it covers (mark included)."""
    keep, at, last = [], [], 0
    for m in _INNER_MARK.finditer(chunk.text):
        keep.append(chunk.text[last : m.start()])
        at.extend(range(chunk.start + last, chunk.start + m.start()))
        last = m.end()
    keep.append(chunk.text[last:])
    at.extend(range(chunk.start + last, chunk.start + len(chunk.text)))
    return "".join(keep), at


def _unmarked(surface: str) -> str:
    """``surface`` without the footnote marks inside it."""
    return _INNER_MARK.sub("", surface)


def _mark_aliases(surfaces: Iterable[str]) -> tuple[str, ...]:
    """The quoted short forms a footnote mark splits off a name ("“五地增绿”⑭行动" → 五地增绿)."""
    return tuple(sorted({m.group(1) for s in surfaces if (m := _QUOTED_BEFORE_MARK.match(s))}))


def _fully_quoted(s: str) -> bool:
    return len(s) > 2 and s[0] in "“《" and s[-1] in "”》" and not re.search("[”》].*[“《]", s[1:-1])


def _group(found: list[_Found]) -> tuple[list[Entity], dict[tuple[int, int], str]]:
    """One entity per (normalised name, type); the type a name is most often given."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for f in found:
        labels[normalise(_unmarked(f.surface))][f.label] += _RULE_RANK.get(f.rule.split(":", 1)[0], 1) * (1 if f.nested else 2)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    by_span: dict[tuple[int, int], str] = {}
    for f in found:
        key = normalise(_unmarked(f.surface))
        mentions[key].append(Mention(f.surface, f.start, f.end, f.rule))
        surfaces[key][f.surface] += 1
    entities = []
    for key, counter in labels.items():
        label = counter.most_common(1)[0][0]
        typ, _, sub = label.partition("/")
        ranked = sorted(
            surfaces[key].items(), key=lambda kv: (_fully_quoted(kv[0]), -kv[1])
        )
        name = _unmarked(ranked[0][0])
        if _fully_quoted(name):
            name = name[1:-1]
        ms = mentions[key]
        entities.append(
            Entity(
                name=name,
                type=EntityType(typ),
                subtype=sub or None,
                aliases=tuple(a for a in _mark_aliases(surfaces[key]) if a != name),
                mentions=tuple(ms),
            )
        )
        for m in ms:
            by_span[(m.start, m.end)] = name
    return entities, by_span


# ------------------------------------------------------------------ the head filter (learned)
# A scored keep/drop decision for head-rule names (docs/ENTITIES.md "The learned head filter"):
# a logistic regression over the candidate's own features (head_features), trained on the
# readers' verdicts of the precision draws (scripts/train_head_filter.py), weights as data in
# head_filter.json. The runtime drops a head-rule mention whose probability of being right is
# below the file's threshold, only when the file says ``enabled``.

_DIGIT = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿]")
_QUOTES = "“”\"「」《》"


@functools.lru_cache(maxsize=1)
def _filter_vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """The genre words (kind_words.txt u/g, generic_modifiers.txt), the current divisions' full and
    short forms (the gazetteer), the head words (entity_suffixes.tsv) and the longest genre word."""
    from kg.loaders.gazetteer import current_codes_by_short, divisions, latest_revision

    genre = frozenset(_genre_words()) | _kind_words()
    latest = latest_revision()
    places = frozenset(d.name for d in divisions() if d.last == latest) | frozenset(
        s for s in current_codes_by_short() if len(s) >= 2)
    return genre, places, frozenset(_heads()), max(map(len, genre), default=1)


def _cover(text: str, words: frozenset[str], longest: int) -> tuple[list[str], int]:
    """Greedy longest-match of ``words`` over ``text``: the words found and the characters covered."""
    out, i, covered = [], 0, 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            if text[i : i + n] in words:
                out.append(text[i : i + n])
                covered += n
                i += n
                break
        else:
            i += 1
    return out, covered


def _char_class(c: str, edge: str = "^") -> str:
    """A neighbouring character as a feature: punctuation and function characters as themselves,
    an edge as ^/$, a letter of a word (a cut name's neighbour) as 'cjk', a digit as '0'."""
    if not c:
        return edge
    if c.isdigit() or c in "０１２３４５６７８９":
        return "0"
    if "\u4e00" <= c <= "\u9fff" and c not in "的和与及等在了是为对将把从向、":
        return "cjk"
    return c


def head_features(name: str, label: str, before: str, after: str) -> list[str]:
    """The features of a head-rule candidate ``name`` of type ``label`` (``Programme``,
    ``Place/area``), ``before``/``after`` the (up to) two characters around it in its sentence.
    One function for the training script and the runtime; strings only, no report text kept."""
    genre, places, heads, longest = _filter_vocab()
    head = next((name[i:] for i in range(len(name) - 1) if name[i:] in heads), name[-1:])
    mod = name[: len(name) - len(head)]
    words, covered = _cover(mod, genre, longest)
    plain = mod.strip(_QUOTES)
    f = ["bias", f"type={label.split('/')[0]}", f"label={label}", f"head={head}",
         f"len={min(len(name), 12)}", f"modlen={min(len(mod), 8)}",
         f"left1={_char_class(before[-1:])}", f"left2={before[-2:] or '^'}",
         f"right1={_char_class(after[:1], '$')}", f"right2={after[:2] or '$'}",
         f"headright={head}|{_char_class(after[:1], '$')}"]
    share = covered / len(mod) if mod else 1.0
    f.append(f"genreshare={int(share * 4)}")
    if mod and covered == len(mod):
        f.append("mod_all_genre")
    # genre words only, never a place's name (a weight must not stand for one place)
    f.extend(f"gw={w}" for w in words if w not in places)
    if words and mod.startswith(words[0]) and words[0] not in places:
        f.append(f"firstgw={words[0]}")
    if not mod:
        f.append("bare_head")
    if _DIGIT.search(name):
        f.append("digit")
    if any(c in _QUOTES for c in name):
        f.append("quote")
    if plain and any(plain[i:j] in places for i in range(len(plain)) for j in range(i + 2, min(len(plain), i + 9) + 1)):
        f.append("place_inside")
    if plain[:2] and any(plain[:j] in places for j in range(2, min(len(plain), 9) + 1)):
        f.append("place_first")
    f.extend(_segment_features(mod, places))
    prod = _head_productivity().get(head)
    f.append(f"headprod={'none' if prod is None else min(int(math.log2(prod + 1)), 12)}")
    k = _head_name_reports().get(name.strip(_QUOTES), 0)
    f.append(f"recur={'none' if k < 3 else '3' if k < 10 else '10' if k < 30 else '30'}")
    return f


@functools.lru_cache(maxsize=1)
def _head_name_reports() -> dict[str, int]:
    """head-rule name -> bulk reports it recurs in verbatim, for names in three or more
    (head_name_reports.tsv, scripts/head_name_reports.py)."""
    from kg.loaders.nlp import _data_lines

    out = {}
    try:
        for line in _data_lines("head_name_reports.tsv"):
            cols = line.split("\t")
            if len(cols) >= 2 and cols[1].strip().isdigit():
                out[cols[0]] = int(cols[1])
    except FileNotFoundError:
        return {}
    return out


@functools.lru_cache(maxsize=1)
def _head_productivity() -> dict[str, int]:
    """head word -> distinct names it closes in the bulk reports (head_productivity.tsv,
    scripts/corpus_stats.py)."""
    from kg.loaders.nlp import _data_lines

    out = {}
    for line in _data_lines("head_productivity.tsv"):
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2].strip().isdigit():
            out[cols[0].strip()] = int(cols[2])
    return out


@functools.lru_cache(maxsize=4096)
def _segment_features(mod: str, places: frozenset[str]) -> tuple[str, ...]:
    """The segmenter's view of a modifier: jieba's part-of-speech words of ``mod`` (its default
    dictionary, as kg's second cut; no HMM guessing), each word (never a division's name or a
    number), its tag, the first and last word's tags, the last word, the word count and the
    dictionary frequency of the rarest word (log10 bucket; 0 = outside the dictionary) and the
    count of single characters the dictionary joins to no word (both signs of a proper name)."""
    if not mod:
        return ()
    import jieba

    from kg.loaders.nlp import default_cut_no_hmm

    jieba.setLogLevel(logging.WARNING)
    plain = mod.strip(_QUOTES)
    words = default_cut_no_hmm()(plain) if plain else []
    out = [f"nsw={min(len(words), 5)}"]
    freqs = []
    for w, tag in words:
        out.append(f"pos={tag}")
        if len(w) >= 2 and w not in places and not _DIGIT.search(w):
            out.append(f"sw={w}")
            freqs.append(jieba.dt.FREQ.get(w) or 0)
    if words:
        out.append(f"firstpos={words[0][1]}")
        out.append(f"lastpos={words[-1][1]}")
        w = words[-1][0]
        if len(w) >= 2 and w not in places and not _DIGIT.search(w):
            out.append(f"lastsw={w}")
    singles = sum(1 for w, _t in words if len(w) == 1 and "\u4e00" <= w <= "\u9fff")
    out.append(f"singles={min(singles, 3)}")  # characters the dictionary joins to no word
    if freqs:
        out.append(f"minfreq={0 if min(freqs) == 0 else 1 + min(int(math.log10(min(freqs))), 4)}")
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _head_filter_model() -> tuple[dict[str, float], float, bool]:
    import json
    from importlib.resources import files

    try:
        data = json.loads((files("kg.loaders") / "data" / "head_filter.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, 0.0, False
    return dict(data["weights"]), float(data["threshold"]), bool(data.get("enabled"))


def head_probability(weights: dict[str, float], features: list[str]) -> float:
    import math

    z = sum(weights.get(x, 0.0) for x in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# a quoted numbered formula ("1+5+3+N"大兵团作战机制, "1+3+N"产业政策体系): GUIDELINES §5 names
# these as policies and programmes; the filter never drops one
_FORMULA = re.compile(r"[“\"][^”\"]*[0-9０-９][^”\"]*[”\"]")


def head_filter_exempt(name: str) -> bool:
    """True for a head-rule name the learned filter never drops (a quoted numbered formula)."""
    return bool(_FORMULA.search(name))


def _head_filter(found: list[_Found], text: str, model=None) -> list[_Found]:
    """Drop the head-rule mentions the learned filter scores below its threshold (off unless
    head_filter.json says ``enabled``; ``model`` = (weights, threshold, enabled) for tests)."""
    weights, threshold, enabled = model or _head_filter_model()
    if not enabled:
        return found
    out = []
    for f in found:
        if f.rule == "head" and not f.nested and not head_filter_exempt(f.surface):
            p = head_probability(weights, head_features(f.surface, f.label, text[max(0, f.start - 2) : f.start], text[f.end : f.end + 2]))
            if p < threshold:
                continue
        out.append(f)
    return out
