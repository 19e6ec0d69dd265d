"""Entity patterns as data: JSONL files of regular expressions, each with an id and examples.

A pattern file holds one JSON object per line (blank lines and lines starting with ``//``
are skipped). Fields:

``id``        unique rule id; every mention a pattern finds records ``pattern:<id>``.
``label``     ``Type`` or ``Type/subtype`` of the names found (``Programme``, ``Policy``,
              ``Place/area``, ``Organization/company``, ``Sector``…); ``-`` for a *veto*:
              a candidate whose whole text matches a veto pattern is no name (上市公司);
              ``<`` for a *trim*: what the pattern matches at the start of a candidate is
              cut off it (新一轮, 新开工: words glued in front of a name).
``regex``     a Python regular expression over the report text. Chinese has no spaces, so
              patterns are character-level; spaCy's token patterns do not fit the genre's
              cues (numerals and ordinals inside a name, quotes, counted packages).
``group``     (optional) the named group that is the name; the whole match by default.
``align``     (optional) ``both`` (default): the name starts and ends on a word boundary
              of the segmentation (``doc.spans["kg_words"]``); ``start``/``end``: only that
              side; ``none``: anywhere. Stops "运城市" being read in "迎亚运城市".
``extend_left`` (optional) ``admin``: a division named right before the match belongs to
              the name (杭州市 + 第十四届人民代表大会第四次会议): a gazetteer division, or a
              proper word followed by 省/市/区/县/州/旗/盟; ``proper``: also a bare proper
              name (a place or out-of-vocabulary word: 青禾 + 大运会); ``nominal``: the run of
              noun-like words before the match, verbs and boundary words trimmed
              (经济稳健发展 + “16条”); the match alone must then still be a name.
``after_tags`` (optional) the word right before the match must carry one of these
              segmentation tags (``vn``: 安全生产 + 15条 is a package, 道路 + 15条 a count).
``max_extension`` (optional) at most this many characters added by ``extend_left``
              (茶 + 十条 is a package, 新建道路 + 十条 a count).
``require_extension`` (optional) true: the match is a name only when ``extend_left``
              grew it (“16条” alone is a count).
``rank``      (optional, default 2) candidates of a higher rank win over longer ones of
              a lower rank when names overlap (titles 《…》 have rank 4).
``examples``  a list of ``{"text": …, "names": [...]}``: synthetic sentences in the genre's
              shape and the names this pattern must find in them (an empty list: none).
              For a veto: ``{"text": …, "veto": true|false}``; for a trim:
              ``{"text": …, "trimmed": …}``. The unit tests run them.
``fixed``     (optional) true: the match is a fixed name, taken as it is: it may open with
              a verb or round of its own (深入贯彻中央八项规定精神学习教育, 第二轮…试点) and
              hold a veto's shape (一个中国原则); no trim, glued verb or veto applies.
``note``      (optional) why the pattern is genre-wide.

The package's own files are ``kg/loaders/data/patterns/*.jsonl``. A user adds patterns
without editing code by pointing ``KG_PATTERNS`` (directories, separated by the path
separator) at folders of ``*.jsonl`` files; they are read after the package's files and a
pattern with an existing id replaces it.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ParseError

log = logging.getLogger(__name__)

ENV = "KG_PATTERNS"
LABEL_TYPES = frozenset({"Place", "Organization", "Programme", "Policy", "Sector"})
_ALIGN = frozenset({"both", "start", "end", "none"})


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    names: tuple[str, ...] = ()
    veto: bool | None = None
    trimmed: str | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    label: str
    regex: re.Pattern[str]
    group: str | int = 0
    align: str = "both"
    extend_left: str | None = None
    require_extension: bool = False
    after_tags: frozenset[str] = frozenset()
    max_extension: int = 0
    rank: int = 2
    examples: tuple[Example, ...] = ()
    source: str = ""
    note: str = ""
    fixed: bool = False

    @property
    def veto(self) -> bool:
        return self.label == "-"

    @property
    def trim(self) -> bool:
        return self.label == "<"

    @property
    def rule(self) -> str:
        return f"pattern:{self.id}"


@dataclass(frozen=True, slots=True)
class PatternSet:
    patterns: tuple[Pattern, ...] = ()
    finders: tuple[Pattern, ...] = field(default=())
    vetoes: tuple[Pattern, ...] = field(default=())
    trims: tuple[Pattern, ...] = field(default=())
    veto_filter: Prefilter | None = field(default=None, compare=False, repr=False)
    """The vetoes that can match a name (:class:`Prefilter`); None: try them all."""

    def trimmed(self, name: str) -> int:
        """How many characters the trim patterns cut off the start of ``name``."""
        cut = 0
        changed = True
        while changed:
            changed = False
            for p in self.trims:
                m = p.regex.match(name, cut)
                if m and cut < m.end() < len(name):
                    cut = m.end()
                    changed = True
        return cut

    def vetoed(self, name: str) -> str | None:
        """The id of the veto pattern that says ``name`` is no name, if any."""
        # the vetoes whose needed literals occur in ``name``, in order: a fullmatch is a
        # match, so the others cannot veto it, and the first that does is the same
        for p in self.vetoes if self.veto_filter is None else self.veto_filter(name):
            if p.regex.fullmatch(name):
                return p.id
        return None


def _fail(where: str, why: str) -> ParseError:
    return ParseError(f"{where}: {why}")


def parse_pattern(row: object, where: str) -> Pattern:
    """One pattern from a decoded JSON line; :class:`ParseError` names what is wrong."""
    if not isinstance(row, dict):
        raise _fail(where, "a pattern is a JSON object")
    pid = row.get("id")
    if not isinstance(pid, str) or not re.fullmatch(r"[A-Za-z0-9_.\-]+", pid):
        raise _fail(where, "'id' must be a string of letters, digits, '.', '_' or '-'")
    label = row.get("label")
    if not isinstance(label, str) or not (label in ("-", "<") or label.split("/")[0] in LABEL_TYPES):
        raise _fail(where, f"pattern {pid}: 'label' must be one of {sorted(LABEL_TYPES)} (optionally /subtype), '-' or '<'")
    try:
        regex = re.compile(row.get("regex", ""))
    except (re.error, TypeError) as exc:
        raise _fail(where, f"pattern {pid}: bad 'regex': {exc}") from None
    if not regex.pattern:
        raise _fail(where, f"pattern {pid}: 'regex' is empty")
    group = row.get("group", 0)
    if group and group not in regex.groupindex:
        raise _fail(where, f"pattern {pid}: 'group' {group!r} is not a named group of the regex")
    align = row.get("align", "both")
    if align not in _ALIGN:
        raise _fail(where, f"pattern {pid}: 'align' must be one of {sorted(_ALIGN)}")
    extend = row.get("extend_left")
    if extend not in (None, "admin", "proper", "nominal"):
        raise _fail(where, f"pattern {pid}: 'extend_left' may only be 'admin', 'proper' or 'nominal'")
    rank = row.get("rank", 2)
    if not isinstance(rank, int):
        raise _fail(where, f"pattern {pid}: 'rank' must be an integer")
    examples = []
    raw = row.get("examples")
    if not isinstance(raw, list) or not raw:
        raise _fail(where, f"pattern {pid}: 'examples' must be a non-empty list")
    for ex in raw:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            raise _fail(where, f"pattern {pid}: each example is an object with a 'text'")
        if label == "-":
            if not isinstance(ex.get("veto"), bool):
                raise _fail(where, f"pattern {pid}: a veto's example says 'veto': true or false")
            examples.append(Example(ex["text"], (), ex["veto"]))
        elif label == "<":
            if not isinstance(ex.get("trimmed"), str):
                raise _fail(where, f"pattern {pid}: a trim's example gives the 'trimmed' name")
            examples.append(Example(ex["text"], (), None, ex["trimmed"]))
        else:
            names = ex.get("names")
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise _fail(where, f"pattern {pid}: each example lists the 'names' found (may be empty)")
            examples.append(Example(ex["text"], tuple(names)))
    require = row.get("require_extension", False)
    if not isinstance(require, bool) or (require and not extend):
        raise _fail(where, f"pattern {pid}: 'require_extension' is true or false, and needs 'extend_left'")
    after = row.get("after_tags", [])
    if not isinstance(after, list) or not all(isinstance(t, str) for t in after):
        raise _fail(where, f"pattern {pid}: 'after_tags' is a list of segmentation tags")
    keep = row.get("fixed", False)
    if not isinstance(keep, bool):
        raise _fail(where, f"pattern {pid}: 'fixed' is true or false")
    return Pattern(
        pid, label, regex, group or 0, align, extend, require, frozenset(after), int(row.get("max_extension", 0)),
        rank, tuple(examples),
        where.split(":")[0], str(row.get("note", "")), keep,
    )


def parse_lines(lines: Iterable[str], source: str) -> list[Pattern]:
    out = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(f"{source}:{n}", f"not JSON ({exc.msg})") from None
        out.append(parse_pattern(row, f"{source}:{n}"))
    return out


def _package_files() -> list[tuple[str, str]]:
    root = importlib.resources.files("kg.loaders") / "data" / "patterns"
    files = sorted((p for p in root.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)
    return [(f"patterns/{p.name}", p.read_text(encoding="utf-8")) for p in files]


def _user_files(dirs: Iterable[str]) -> list[tuple[str, str]]:
    out = []
    for d in dirs:
        path = Path(d)
        if not path.is_dir():
            raise ParseError(f"{ENV}: {d} is not a directory of *.jsonl pattern files")
        for p in sorted(path.glob("*.jsonl")):
            try:
                out.append((str(p), p.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise ParseError(f"{p}: cannot read pattern file ({exc})") from None
    return out


def user_dirs() -> tuple[str, ...]:
    raw = os.environ.get(ENV, "")
    return tuple(d for d in raw.split(os.pathsep) if d.strip())


@functools.lru_cache(maxsize=8)
def load_patterns(extra_dirs: tuple[str, ...] = ()) -> PatternSet:
    """The package's patterns, then those in ``extra_dirs`` (a later id replaces an earlier)."""
    by_id: dict[str, Pattern] = {}
    for source, text in [*_package_files(), *_user_files(extra_dirs)]:
        for p in parse_lines(text.splitlines(), source):
            if p.id in by_id and by_id[p.id].source == p.source:
                raise ParseError(f"{source}: pattern id {p.id} is used twice")
            by_id[p.id] = p
    pats = tuple(by_id.values())
    vetoes = tuple(p for p in pats if p.veto)
    return PatternSet(
        pats,
        tuple(p for p in pats if not p.veto and not p.trim),
        vetoes,
        tuple(p for p in pats if p.trim),
        Prefilter(vetoes),
    )


def find(
    patterns: Iterable[Pattern],
    text: str,
    starts: frozenset[int] | set[int],
    ends: frozenset[int] | set[int],
    admin_ending_at: dict[int, int],
    proper_ending_at: dict[int, int] | None = None,
    nominal_ending_at: dict[int, int] | None = None,
    tag_ending_at: dict[int, str] | None = None,
) -> list[tuple[int, int, str, str]]:
    """(start, end, label, rule id) of every name the patterns find in ``text``;
    ``starts``/``ends`` are word boundaries, ``admin_ending_at`` maps the end of a division
    name to its start, ``proper_ending_at`` the end of any proper name to its start."""
    proper_ending_at = proper_ending_at or {}
    nominal_ending_at = nominal_ending_at or {}
    tag_ending_at = tag_ending_at or {}
    out = []
    for p in patterns:
        pos = 0
        while (m := p.regex.search(text, pos)) is not None:
            s, e = m.span(p.group)
            ok = 0 <= s < e and not (
                p.align in ("both", "start") and s not in starts or p.align in ("both", "end") and e not in ends
            )
            if not ok:
                pos = m.start() + 1  # a match off the word boundaries: try again one further
                continue
            pos = max(m.end(), m.start() + 1)
            if p.after_tags and tag_ending_at.get(s) not in p.after_tags:
                continue
            s0 = s
            if p.extend_left and s in admin_ending_at:
                # the division is named inside the longer name: a place of its own
                out.append((admin_ending_at[s], s, "Place/admin", p.rule))
                s = admin_ending_at[s]
            elif p.extend_left == "proper" and s in proper_ending_at:
                s = proper_ending_at[s]
            elif p.extend_left == "nominal" and s in nominal_ending_at:
                s = nominal_ending_at[s]
            if p.require_extension and s == s0:
                continue
            if p.max_extension and s0 - s > p.max_extension:
                continue
            out.append((s, e, p.label, p.rule))
    return out


# --------------------------------------------------------------------------- prefilter
# Which patterns can match a text at all, from the literals each one needs (one automaton
# over the text instead of every pattern's regex: nine sentences in ten match none).

_MAX_SET = 64
"""At most this many strings in a literal set (a class like [0-9] is ten)."""


def _exact(items) -> frozenset[str] | None:
    """The finite set of strings the parsed sequence ``items`` matches, or None."""
    from re import _constants as c

    out = frozenset({""})
    for op, av in items:
        if op is c.LITERAL:
            one = frozenset({chr(av)})
        elif op is c.IN:
            chars: set[str] = set()
            for sop, sav in av:
                if sop is c.LITERAL:
                    chars.add(chr(sav))
                elif sop is c.RANGE and sav[1] - sav[0] < _MAX_SET:
                    chars.update(chr(x) for x in range(sav[0], sav[1] + 1))
                else:  # NEGATE, CATEGORY, a wide range
                    return None
            one = frozenset(chars)
        elif op is c.SUBPATTERN:
            if av[1] or av[2]:
                return None
            one = _exact(av[3])
        elif op is c.BRANCH:
            sets = [_exact(b) for b in av[1]]
            if any(s is None for s in sets):
                return None
            one = frozenset().union(*sets)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 1:
            inner = _exact(av[2])
            if inner is None:
                return None
            one = (inner if av[1] == 1 else frozenset()) | (frozenset({""}) if av[0] == 0 else frozenset())
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            one = frozenset({""})  # consumes nothing
        else:
            return None
        if one is None or len(one) * len(out) > _MAX_SET:
            return None
        out = frozenset(a + b for a in out for b in one)
    return out


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two needed-literal sets (longer shortest string, then fewer)."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _needed(items) -> frozenset[str] | None:
    """A set of strings one of which every match of the parsed sequence ``items`` (with
    what its positive lookarounds see) contains; None when no such set is known."""
    from re import _constants as c

    best: frozenset[str] | None = None
    run: list = []
    for item in [*items, None]:
        if item is not None and item[0] is c.ASSERT:  # a positive lookaround: what it sees is in the text too
            best = _better(best, _needed(item[1][1]))
        if item is not None and _exact([item]) is not None:
            run.append(item)
            continue
        if run:  # a run of exact items matches one of the concatenations, contiguous
            best = _better(best, _exact(run))
            for i in range(len(run)):  # or a shorter part of it, when the whole is too many
                for j in range(i + 1, len(run) + 1):
                    best = _better(best, _exact(run[i:j]))
            run = []
        if item is None:
            break
        op, av = item
        one = None
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            one = _needed(av[3])
        elif op is c.BRANCH:
            sets = [_needed(b) for b in av[1]]
            if all(s is not None and "" not in s for s in sets):
                one = frozenset().union(*sets)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            one = _needed(av[2])
        best = _better(best, one)
    return best


def needed_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every text ``regex`` finds a match in contains at least one (a
    necessary condition, never sufficient); None when the regex names none (it may match
    anywhere) or uses flags this reading does not model."""
    from re import _parser

    if regex.flags & ~re.UNICODE:
        return None
    try:
        parsed = _parser.parse(regex.pattern)
    except Exception:  # noqa: BLE001  (a private module: any surprise means "unknown")
        return None
    return _needed(list(parsed))


_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                   "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _openings(items) -> tuple[list[str], bool] | None:
    """The parts of a character class holding every character a match of the parsed sequence
    ``items`` can open with, and whether it can match the empty string; None when any
    character may open it (a negated class, ``.``) or a construct is not modelled."""
    from re import _constants as c

    parts: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            parts.append(re.escape(chr(av)))
            return parts, False
        if op is c.IN:
            for sop, sav in av:
                if sop is c.LITERAL:
                    parts.append(re.escape(chr(sav)))
                elif sop is c.RANGE:
                    parts.append(f"{re.escape(chr(sav[0]))}-{re.escape(chr(sav[1]))}")
                elif sop is c.CATEGORY and str(sav) in _CATEGORY_CLASS:
                    parts.append(_CATEGORY_CLASS[str(sav)])
                else:  # NEGATE, a category not modelled
                    return None
            return parts, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # consumes nothing: the next item opens the match
        if op is c.SUBPATTERN:
            if av[1] or av[2]:
                return None
            inner = _openings(av[3])
        elif op is c.ATOMIC_GROUP:
            inner = _openings(av)
        elif op is c.BRANCH:
            branches = [_openings(b) for b in av[1]]
            if any(b is None for b in branches):
                return None
            inner = ([p for b in branches for p in b[0]], any(b[1] for b in branches))  # type: ignore[index]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            body = _openings(av[2])
            if body is None:
                return None
            inner = (body[0], body[1] or av[0] == 0)
        else:  # ANY, NOT_LITERAL, a group reference…
            return None
        if inner is None:
            return None
        parts.extend(inner[0])
        if not inner[1]:
            return parts, False
    return parts, True


def opening_class(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character class that every match of ``regex`` opens with (a necessary condition);
    None when ``regex`` can match the empty string, uses flags, or any character may open it.

    ``re`` skips ahead by such a class only when a pattern starts with one; a pattern that
    opens with an alternation of repeats is tried at every position of a ``search``.
    :func:`search_opening` tries it only where the class matches."""
    from re import _parser

    if regex.flags & ~re.UNICODE:
        return None
    try:
        found = _openings(list(_parser.parse(regex.pattern)))
    except Exception:  # noqa: BLE001  (a private module: any surprise means "unknown")
        return None
    if found is None or found[1] or not found[0]:
        return None
    return re.compile("[" + "".join(dict.fromkeys(found[0])) + "]")


def search_opening(regex: re.Pattern[str], opens: re.Pattern[str] | None, text: str) -> re.Match[str] | None:
    """``regex.search(text)``, trying ``regex`` only at the characters ``opens`` (its
    :func:`opening_class`) finds: the same leftmost match (``match`` at a position sees the
    text before it, as ``search`` does, for lookbehinds); ``opens`` None: a plain search."""
    if opens is None:
        return regex.search(text)
    match = regex.match
    for o in opens.finditer(text):
        if (m := match(text, o.start())) is not None:
            return m
    return None


class Prefilter:
    """The patterns of ``patterns`` that can match a text: those whose needed literals
    (:func:`needed_literals`) occur in it, found by one Aho-Corasick automaton, and those
    without any; in their order, so :func:`find` gives the same list as with them all."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        import ahocorasick

        self.patterns = tuple(patterns)
        self.always: frozenset[int] = frozenset()
        by_literal: dict[str, set[int]] = {}
        always = set()
        for i, p in enumerate(self.patterns):
            lits = needed_literals(p.regex)
            if lits is None:
                always.add(i)
            else:
                for lit in lits:
                    by_literal.setdefault(lit, set()).add(i)
        self.always = frozenset(always)
        self.auto = ahocorasick.Automaton()
        for lit, ids in by_literal.items():
            self.auto.add_word(lit, frozenset(ids))
        self.auto.make_automaton()
        self.empty = not by_literal

    def __call__(self, text: str) -> tuple[Pattern, ...]:
        hit = set(self.always)
        if not self.empty:
            for _, ids in self.auto.iter(text):
                hit |= ids
        if not hit:
            return ()
        return tuple(self.patterns[i] for i in sorted(hit))
