"""Report metadata: title, issuing government, place, speaker, dates, meeting, years.

``extract_metadata`` reads what the genre puts around a report:

* the title block before the greeting ("政府工作报告", "——2023年1月10日在…第八届人民代表大会
  第三次会议上", "区长  范德繁"), also inside single-line files and with Chinese-numeral
  dates ("二〇二四年一月十日");
* the greeting paragraph ("现在，我代表XX人民政府，向大会报告工作");
* the page chrome the reader blanked (``Text.chrome``, read from ``Text.source``):
  "来源：… 发布时间：…";
* the part titles ("一、2022年工作回顾", "二、2023年工作安排") when the structure parser
  gives them, else the same headings found in the text.

Names are normalised only where the genre makes it safe: "市人民政府" with the place
known becomes "潍坊市人民政府"; short names of autonomous prefectures become full names
("凉山州" → "凉山彝族自治州"). The place of a report that never prints its own name is
the prefecture (``kg.loaders.gazetteer``: GB/T 2260, a general gazetteer of China's
prefecture-level divisions) it names most, or failing that the proper noun it uses most.
Parents: the units printed before the place ("深圳市罗湖区"), the prefecture a district
or county report names most, and the province from the gazetteer (else the province
the report names most).

A place's own name is never a verb or adjective glued before the level word ("深入推进市…",
"文明示范市"): candidates jieba tags so are dropped unless the gazetteer knows them. Nothing is
ever taken from the file's name.

Years: the part titles first (a review title naming two years gives both), then the plan
year the speaker's opening sentence names ("关于一九五八年度国民经济计划…的报告"), then the
delivery year (the dateline; for national reports the NPC session named in the greeting,
its first session when none is named, or the year after a session "去年" held): plan
year = delivery year, review year = the year before. Only without any of these do the
headings, the genre's openers ("2024年是…", "刚刚过去的2023年") and, last, the year the
report cites most decide.

Weak spots: a province named only as "自治区" is not resolved; a national report that
names neither its session, nor its plan year, nor dated headings still falls back to the
years it cites most.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Sequence

from kg.keys import complete_years, year_of_date
from kg.model import Part, PartRole, ReportMeta, Text
from kg.loaders.gazetteer import Prefecture, divisions, prefectures, short_form

__all__ = [
    "extract_metadata",
    "parse_chinese_date",
    "npc_session_year",
    "find_prefecture",
    "prefectures",
    "Prefecture",
    "PROVINCES",
]

log = logging.getLogger(__name__)

# The provincial-level divisions of China (a general gazetteer): full name by short name.
PROVINCES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
    "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
    "山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
    "海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}  # fmt: skip
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
NATION = "中华人民共和国"

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "元": 1}  # fmt: skip
_SP = r"[\s\u3000\u00a0]*"
_CJK = r"\u4e00-\u9fff"

_DATE_AR = rf"(\d{{4}}){_SP}年{_SP}(\d{{1,2}}){_SP}月{_SP}(\d{{1,2}}){_SP}日"
_CN_NUM = "〇○零Ｏ一二三四五六七八九十"
_DATE_CN = rf"([{_CN_NUM}O]{{4}}){_SP}年{_SP}([{_CN_NUM}元]{{1,3}}){_SP}月{_SP}([{_CN_NUM}]{{1,3}}){_SP}日"
_MEETING = (
    rf"([{_CJK}\s\u3000]{{0,40}}?(?:人民代表大会|人大|人民代表會議|人民代表会议)"
    rf"[{_CJK}\s\u3000]{{0,20}}?(?:会议|會議|会議|大会))"
)
_DATELINE = re.compile(
    rf"(?:{_DATE_AR}|{_DATE_CN}){_SP}在{_SP}{_MEETING}{_SP}上",
)
_GREETING = re.compile(r"各位(?:代表|委员|主任)")
_REPRESENT = re.compile(
    rf"我(?:代表|受)([{_CJK}（）()]{{1,24}}?)(?:的委托)?(?=[，,、。\s]|向|作|提出|报告|郑重)"
)
_GOV_SUFFIX = re.compile(r"(?:人民政府|政府|行政公署|行署|国务院)$")
_ROLE = r"代?(?:国务院总理|总理|省长|市长|区长|县长|州长|盟长|旗长|主席|专员|行政长官)"
_SPEAKER = re.compile(
    rf"(?P<org>[{_CJK}（）()]{{0,24}}?)(?P<role>{_ROLE}){_SP}"
    rf"(?P<name>[{_CJK}]{{1,6}}·[{_CJK}·]{{1,8}}|[{_CJK}](?:[^\S\n]{{0,2}}[{_CJK}]){{1,3}})(?=\s|$|各位)"
)
_YEAR = re.compile(r"(\d{4})\s*年")
_REVIEW_HEAD = re.compile(
    r"(?:^|[\n。：:！!\u3000]|\s{2})[\s\u3000]*(?:[一二三四五六七八九十]+[、．.]\s*)?([^\n。]{0,30}?)"
    r"(?:工作回顾|工作总结|主要工作回顾|工作的回顾|发展成就|主要成绩)"
)
_PLAN_HEAD = re.compile(
    r"(?:^|[\n。：:！!\u3000]|\s{2})[\s\u3000]*(?:[一二三四五六七八九十]+[、．.]\s*)?([^\n。]{0,30}?)"
    r"(?:工作安排|工作任务|政府工作任务|重点工作|主要任务|工作部署|主要工作|总体要求)"
)


def extract_metadata(text: Text, parts: Sequence[Part] = ()) -> ReportMeta:
    """The metadata of the report in ``text`` (fields the text does not show are None)."""
    t = text.text
    norm = t.translate(_FW)
    head_end = _head_end(norm)
    head = norm[:head_end]

    title = _title(head)
    delivery_date, meeting = _dateline(norm[: max(head_end, 0) + 200] if head_end else norm[:3000])
    if meeting is None:
        meeting = _meeting_in_greeting(norm[: head_end + 600])
    speaker, role, speaker_org = _speaker(head, delivery_date is not None)
    gov_printed = _government_printed(norm[: head_end + 1500])

    national = bool(
        gov_printed and "国务院" in gov_printed
        or meeting and "全国人民代表大会" in meeting
        or role and "总理" in role
        or "中央人民政府" in (gov_printed or "")
    )
    place: str | None = None
    parents: Sequence[str] = ()
    level: str | None = None
    if not national:
        place, parents = _place(gov_printed, speaker_org, meeting, title, norm, role)
        level = _level(place, norm)
        # an older national report naming neither its body nor its meeting up front
        national = place is None and (
            bool(re.search(r"国务院|全国人民代表大会|全國人民代表大會", norm[:5000])) or norm.count("我国") >= 10
        )
    if national:
        place, parents, level = NATION, (), "national"
        government: str | None = "国务院"
        if role == "总理":
            role = "国务院总理"
    else:
        government = _government(gov_printed, place, speaker_org)
        if place and level not in ("province", None):
            parents = _with_parents(list(parents), place, level, norm)
        if level == "province":
            parents = ()

    publish_date, publisher = _page_credits(text)
    delivery_year = year_of_date(delivery_date)
    if national and delivery_year is None:
        delivery_year = npc_session_year(meeting) or _session_last_year(norm[:60000])
    review_year, plan_year = _years(parts, norm, delivery_year, head_end)

    return ReportMeta(
        title=title,
        government=government,
        place=place,
        parent_places=tuple(parents),
        level=level,
        speaker=speaker,
        speaker_role=role,
        delivery_date=delivery_date,
        meeting=meeting,
        publish_date=publish_date,
        publisher=publisher,
        review_year=review_year,
        plan_year=plan_year,
    )


# ---------------------------------------------------------------------- title block


def _head_end(t: str) -> int:
    """Offset of the greeting ("各位代表") or the first part heading; the title block ends there."""
    m = _GREETING.search(t, 0, 5000)
    if m:
        return m.start()
    m = re.search(r"(?:^|\n)[\s\u3000]*一[、．.]", t[:5000])
    return m.start() if m else min(len(t), 600)


def _despace(s: str) -> str:
    """'政 府 工 作 报 告' → '政府工作报告' (letter-spaced titles)."""
    return re.sub(rf"(?<=[{_CJK}])[ \u3000\u00a0]+(?=[{_CJK}])", "", s)


def _title(head: str) -> str | None:
    head = re.sub(r"报[ \t\u3000]*\n[ \t\u3000]*告", "报告", head)  # a title split across lines
    for seg in re.split(r"\n|[ \u3000\u00a0]{2,}", head):
        s = _despace(seg.strip(" \u3000\u00a0\t\r"))
        if "报告" not in s or re.search(r"我代表|[，,。]", s):
            continue
        if re.search(r"摄$|记者", s):  # a photo caption naming the report
            continue
        if re.match(rf"^[{_CJK}]{{0,12}}(?:{_ROLE})", s) and "作政府工作报告" in s:
            continue  # "省长赵刚作政府工作报告" (a caption)
        m = re.search(r"工作报告|的报告", s)
        if not m:
            continue
        cut = re.split(r"[(（]\s*在|——|－－|--|―|[(（]\d", s)[0].strip()
        # a collection title glued to the report's own title: keep "…工作报告"
        m = re.search(r"^.*?工作报告", cut)
        title = m.group(0) if m else cut
        title = title.strip("。，,：: ")
        if 2 <= len(title) <= 60:
            return title
    return None


def _cn_number(s: str) -> int | None:
    """'二〇二四' → 2024, '十二' → 12, '二十七' → 27."""
    if not s:
        return None
    if "十" in s:
        left, _, right = s.partition("十")
        tens = _CN_DIGIT.get(left, 1) if left else 1
        ones = _CN_DIGIT.get(right, 0) if right else 0
        return tens * 10 + ones
    digits = [_CN_DIGIT.get(c) for c in s]
    if any(d is None for d in digits):
        return None
    n = 0
    for d in digits:
        n = n * 10 + d  # type: ignore[operator]
    return n


def parse_chinese_date(s: str) -> str | None:
    """ISO date of '2023年1月10日', '２０２３年１月１０日' or '二〇二四年一月十日'."""
    s = s.translate(_FW)
    m = re.fullmatch(rf"{_SP}{_DATE_AR}{_SP}", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(rf"{_SP}{_DATE_CN}{_SP}", s)
        if not m:
            return None
        y, mo, d = (_cn_number(g) for g in m.groups())  # type: ignore[misc]
        if None in (y, mo, d):
            return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200):  # type: ignore[operator]
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _dateline(s: str) -> tuple[str | None, str | None]:
    m = _DATELINE.search(s)
    if not m:
        return None, None
    ar = m.group(1, 2, 3)
    if ar[0]:
        date = _iso(*(int(g) for g in ar))
    else:
        y, mo, d = (_cn_number(g) for g in m.group(4, 5, 6))
        date = _iso(y, mo, d) if None not in (y, mo, d) else None  # type: ignore[arg-type]
    meeting = re.sub(r"[\s\u3000]+", "", m.group(7))
    meeting = re.sub(r"^.*?(?=[^在])在", "", meeting) if meeting.startswith("在") else meeting
    return date, meeting or None


def _iso(y: int, mo: int, d: int) -> str | None:
    if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _meeting_in_greeting(s: str) -> str | None:
    # the speaker's own sentence ("我代表国务院向第一届全国人民代表大会第二次会议提出…"), not a
    # report someone made to another body ("向人大常委会第十四次会议作了报告")
    m = re.search(rf"(?:我|国务院)[^。]{{0,30}}?向{_MEETING}[，,]?(?:作|提出|报告)", s)
    if m and not re.search(r"常务委员会|常委会", m.group(1)):
        return re.sub(r"[\s\u3000]+", "", m.group(1))
    # a congress named without its session ("向第四届全国人民代表大会作政府工作报告")
    m = re.search(r"(?:我|国务院)[^。]{0,30}?向(第[一二三四五六七八九十]+届全国人民代表大会)[，,]?(?:作|提出|报告)", s)
    return m.group(1) if m else None


def _speaker(head: str, after_dateline: bool) -> tuple[str | None, str | None, str | None]:
    """(name, role, issuing body printed before the role) from the title block."""
    for m in _SPEAKER.finditer(head):
        name = re.sub(r"[\s\u3000]+", "", m.group("name"))
        name = name.split("各位")[0]
        if len(name) < 2 or re.search(r"作|代表|在|向|的", name):
            continue
        org = m.group("org") or None
        role = m.group("role")
        if org and org.endswith("国务院") and role == "总理":
            role = "国务院总理"
        return name, role, org
    if after_dateline:
        # a bare name on its own line after the dateline ("周恩来")
        dl = _DATELINE.search(head)
        rest = head[dl.end() :] if dl else head
        for seg in re.split(r"\n", rest):
            s = re.sub(r"[\s\u3000]+", "", seg)
            if re.fullmatch(rf"[{_CJK}·]{{2,4}}", s) and not re.search(r"报告|会议|代表|政府", s):
                return s, None, None
    return None, None, None


def _government_printed(s: str) -> str | None:
    for m in _REPRESENT.finditer(s):
        g = m.group(1)
        g = re.sub(r"^(?:现在|在这里)", "", g)
        if "国务院" in g:
            return "中华人民共和国国务院" if "中华人民共和国" in g else "国务院"
        if "中央人民政府" in g:
            return "中央人民政府"
        mg = re.match(rf"[{_CJK}（）()]*?(?:人民政府|政府|行政公署|行署)", g)
        if mg:
            return mg.group(0)
    m = re.search(r"(中华人民共和国国务院|国务院)(?:向|的委托|的决定)", s)
    if m:
        return m.group(1)
    return None


# ------------------------------------------------------------------------- places


_GENERIC_UNIT = re.compile(
    r"^(?:我|本|全|各|该|市|省|区|县|州|盟|旗|自治|地|城|直辖|县级|地级|副省级|中心|城区|辖|新|特|"
    r"开发|高新|园|示范|试验|片|景|社|街|保税|自贸)"
)


_UNIT_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|林区|地区|省|市|州|盟|县|区|旗)$")


def _units(s: str | None) -> list[str]:
    """Administrative units in a name, outermost first ("深圳市罗湖区" → 深圳市, 罗湖区).

    The split with the most units wins, each unit 2–12 characters, ending in a level
    word and not starting with one ("杭州市" stays whole; "凉山州西昌市" splits).
    """
    if not s:
        return []
    s = re.sub(r"(?:人民政府|政府|行政公署|行署)$", "", s)
    out: list[str] = []
    for full in sorted(PROVINCES.values(), key=len, reverse=True):
        if s.startswith(full):
            out.append(full)
            s = s[len(full) :]
            break
    n = len(s)
    best: list[list[str] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        if s[i] in "省市州盟县区旗":
            continue
        for j in range(i + 2, min(n, i + 12) + 1):
            rest = best[j]
            if rest is None or not _UNIT_SUFFIX.search(s[i:j]):
                continue
            cand = [s[i:j], *rest]
            if best[i] is None or len(cand) > len(best[i]):  # type: ignore[arg-type]
                best[i] = cand
    units = best[0] or []
    if not units and s:
        return [u for u in out]
    return [*out, *(u for u in units if not _GENERIC_UNIT.match(u) and _is_name_word(short_form(u)))]


def _place(
    gov: str | None, org: str | None, meeting: str | None, title: str | None, t: str, role: str | None
) -> tuple[str | None, list[str]]:
    meeting_units = _units(re.split(r"第?[一二三四五六七八九十]+届", meeting)[0]) if meeting else []
    title_units = _units(re.sub(r"^\d{4}年", "", title).split("政府工作报告")[0]) if title else []
    chains = [u for u in (_units(gov), _units(org), meeting_units, title_units) if u]
    if chains:
        place = chains[0][-1]
        known = find_prefecture(place)
        if known is not None and known.name != place and known.name.endswith("自治州") and place.endswith("州"):
            chains = [[known.name if u == place else u for u in c] for c in chains]
            place = known.name
        parents: list[str] = []
        for chain in chains:
            if place in chain:
                above = chain[: chain.index(place)]
                if len(above) > len(parents):
                    parents = above
        return place, parents
    # only "市人民政府" / "区政府" / "行署": the name the report uses most
    level_word = None
    if gov:
        mw = re.match(r"(自治区|自治州|自治县|省|市|区|县|州|盟|旗|行署|行政公署)", gov)
        level_word = mw.group(1) if mw else None
    if level_word is None and role:
        level_word = {"省长": "省", "市长": "市", "区长": "区", "县长": "县", "州长": "州", "盟长": "盟",
                      "旗长": "旗"}.get(role.lstrip("代"))  # fmt: skip
    if level_word in ("行署", "行政公署"):
        level_word = "盟"
    if level_word is None:
        # how the report speaks of its own jurisdiction: "全州", "我市", "本区"
        own: Counter[str] = Counter()
        # not comparisons with the level above: "居全省第一", "在全省推广"
        for m in re.finditer(
            r"(?<![居在占列获为全])(全|我|本)(省|市|州|盟|区|县|旗)(?!场|民|委|政府|级|第|首|前|唯|领先|率先|推广|示范|排名)", t
        ):
            own[m.group(2)] += 1 if m.group(1) == "全" else 3
        if own:
            level_word, n = own.most_common(1)[0]
            if n < 5:
                level_word = None
    if level_word is None:
        return None, []
    name = _most_used_place(t, level_word)
    return name, []


# Words jieba tags as place names that name no jurisdiction.
_GENERIC_PLACES = frozenset(
    "中国 全国 中华 祖国 中华民族 亚洲 世界 国际 国内 海外 城市 城镇 城乡 乡村 农村 新建 东部 西部 中部 "
    "南方 北方 东北 西北 西南 华东 华北 华南 华中 沿海 内地 边疆 江南 长江 黄河 大湾区 一带 一路 "
    "社区 园区 景区 街道 乡镇 力争 海洋 文明城市 大都市".split()
)


# ---------------------------------------------------------------------- gazetteer


def find_prefecture(name: str) -> Prefecture | None:
    """The gazetteer entry for a name as printed ("杭州市", "凉山州", "凉山彝族自治州", "锡林郭勒盟")."""
    for p in prefectures():
        if name in (p.name, p.short):
            return p
        if name.endswith("州") and not p.name.endswith("市") and name[:-1] == p.short:
            return p
    return None


def _prefecture_counts(t: str, kinds: tuple[str, ...] = ("市", "州", "盟", "地区", "林区")) -> Counter[Prefecture]:
    """How often the report names each gazetteer entry (by full or short name)."""
    counts: Counter[Prefecture] = Counter()
    needles = _prefecture_needles(kinds)
    found = _occurrences(t, needles)
    for p, needle in needles:
        n = found.get(needle, 0)
        if n:
            counts[p] = n
    return counts


@functools.lru_cache(maxsize=8)
def _prefecture_needles(kinds: tuple[str, ...]) -> tuple[tuple[Prefecture, str], ...]:
    """The entries of these kinds with the name a report is counted by: the short name, or the
    full one when the short is a province's (吉林市, 海南州: only the full name counts)."""
    return tuple((p, p.name if p.short in PROVINCES else p.short) for p in prefectures()
                 if p.name.endswith(kinds) and len(p.short) >= 2)


@functools.lru_cache(maxsize=8)
def _needle_automaton(needles: tuple[str, ...]):  # -> ahocorasick.Automaton
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in needles:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


def _occurrences(t: str, needles: tuple[tuple[Prefecture, str], ...]) -> dict[str, int]:
    """``t.count(w)`` of every name in ``needles``, by one pass of an automaton over ``t`` (a
    ``count`` per gazetteer entry scanned the report ~330 times). The automaton finds
    overlapping occurrences too; a name that can overlap itself (a prefix that is also its
    suffix) is counted by ``str.count``."""
    words = tuple(dict.fromkeys(w for _p, w in needles))
    found: Counter[str] = Counter(w for _end, w in _needle_automaton(words).iter(t))
    for w in found:
        if any(w[:k] == w[-k:] for k in range(1, len(w))):
            found[w] = t.count(w)
    return found


_NOT_A_NAME = re.compile(r"[县区省市]|^[全各我本该每两三四五六七八九十多个大小新老]")


@functools.cache
def _gazetteer_names() -> frozenset[str]:
    """Every division's name and short form, all levels and revisions (GB/T 2260)."""
    out: set[str] = set()
    for d in divisions():
        out.add(d.name)
        out.add(short_form(d.name))
    return frozenset(out)


_NOT_NAME_FLAGS = ("v", "a", "d", "p", "c", "u", "m", "q", "r", "f")


@functools.lru_cache(maxsize=4096)
def _is_name_word(w: str) -> bool:
    """Whether ``w`` can be a place's own name: a name of the gazetteer, or a word jieba
    does not tag as a verb, adjective, adverb or other function word ("推进", "示范" are
    verbs glued before "市": "深入推进市…", "文明示范市")."""
    if w in _gazetteer_names():
        return True
    try:
        import jieba
        import jieba.posseg as pseg

        from kg.loaders.jieba_dict import watch

        watch()
        jieba.setLogLevel(logging.WARNING)
        cut = pseg.lcut(w)
    except Exception:  # noqa: BLE001 - jieba is an aid, never a reason to fail
        return True
    return not (len(cut) == 1 and cut[0].flag.startswith(_NOT_NAME_FLAGS) and not cut[0].flag.startswith(("nr", "ns")))


def _most_used_place(t: str, level_word: str) -> str | None:
    """The name a report that calls itself only "市人民政府" uses most for its place.

    First the names the report prints with the level word ("毕节市"): of the 2–4
    characters before "市", the string the report uses most. Else the proper noun
    (jieba's tagging, which misses many place names) it uses most.
    """
    suffix = {"自治区": "自治区", "自治州": "州", "自治县": "县"}.get(level_word, level_word)
    if suffix in ("省", "自治区"):
        prov = Counter({full: t.count(short) for short, full in PROVINCES.items() if full.endswith(suffix)})
        top = prov.most_common(1)
        return top[0][0] if top and top[0][1] >= 5 else None
    if suffix in ("市", "州", "盟"):
        kinds = {"市": ("市",), "州": ("州",), "盟": ("盟", "地区")}[suffix]
        if suffix == "市" and _MUNICIPALITIES:
            muni = Counter({full: t.count(short) for short, full in PROVINCES.items() if full in _MUNICIPALITIES})
        else:
            muni = Counter()
        gaz = _prefecture_counts(t, kinds)
        best_g = gaz.most_common(1)[0] if gaz else None
        best_m = muni.most_common(1)[0] if muni else None
        if best_m and best_m[1] >= 5 and (not best_g or best_m[1] > best_g[1]):
            return best_m[0]
        if best_g and best_g[1] >= 5:
            return best_g[0].name
        if suffix == "市":
            # the seat of an autonomous prefecture shares its name ("恩施市" in 恩施州)
            seat = _prefecture_counts(t, ("自治州",)).most_common(1)
            if seat and seat[0][1] >= 5:
                return seat[0][0].short + "市"
    counts: Counter[str] = Counter()
    printed: Counter[str] = Counter()
    # "毕节市委", "毕节市第五届" but not "推进市场", "全体市民"
    for m in re.finditer(rf"(?=([{_CJK}]{{4}}){suffix}(?![场民值井貌容面级县属辖中域内外直]))", t):
        window = m.group(1)
        for k in (2, 3, 4):
            w = window[-k:]
            if _NOT_A_NAME.search(w) or w in _GENERIC_PLACES or not _is_name_word(w):
                continue
            if w in PROVINCES and PROVINCES[w] not in _MUNICIPALITIES:
                continue
            printed[w] += 1
    for w in printed:
        counts[w] = t.count(w)
    if suffix == "州":
        for m in re.finditer(rf"([{_CJK}]{{2,3}}?)[{_CJK}]{{0,8}}?族自治州", t):
            counts[m.group(1)] = t.count(m.group(1))
    name = None
    if counts:
        best, n = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
        # a longer name that is as frequent wins ("攀枝花" over "枝花")
        longer = [w for w in counts if best in w and len(w) > len(best) and counts[w] >= 0.8 * n]
        if longer:
            best = max(longer, key=len)
            n = counts[best]
        if n >= 5:
            name = best
    if name is None:
        tokens = _place_tokens(t)
        tc: Counter[str] = Counter()
        for k, (w, flag) in enumerate(tokens):
            if flag not in ("ns", "nr", "nz", "nrt") or not 2 <= len(w) <= 4 or w in _GENERIC_PLACES:
                continue
            if w in PROVINCES and not (suffix == "市" and PROVINCES[w] in _MUNICIPALITIES):
                continue
            if any(w.startswith(p) and len(w) > len(p) for p in PROVINCES):
                continue
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            if re.match(r"总书记|同志|主席|书记|总理|委员长", nxt):
                continue  # a person
            tc[w] += 1
        if not tc:
            return None
        name, n = tc.most_common(1)[0]
        if n < 5:
            return None
    full = re.search(rf"{re.escape(name)}[{_CJK}]{{0,8}}?自治州", t) if suffix == "州" else None
    if full:
        return full.group(0)
    if name.endswith(suffix) and suffix != "市" or name.endswith("市"):
        return name
    return name + suffix


def _level(place: str | None, t: str) -> str | None:
    if not place:
        return None
    if place in _MUNICIPALITIES or place.endswith(("省", "自治区", "特别行政区")):
        return "province"
    if place.endswith(("区", "旗")) and not place.endswith(("地区", "林区")):
        return "district"
    if place.endswith("县") or place.endswith("林区"):
        return "county"
    known = find_prefecture(place)
    if known is not None and known.name == place or known is not None and not place.endswith("市"):
        return known.level
    if place.endswith("市") and any(
        p.short == place[:-1] and p.name.endswith("自治州") for p in prefectures()
    ):
        return "county"  # the seat of an autonomous prefecture ("恩施市")
    if place.endswith("市"):
        # a county-level city names itself so, or the province governs it directly
        # a prefecture-level city speaks of its counties ("各县市区", "县（市、区）"); a
        # county-level city of its towns and of the county economy
        if re.search(r"县[（(]?市[、，,]?区|县市区|区县|各县|[县市]区[（(]|(?:\d|[一二三四五六七八九十])个县", t):
            return "city"
        if re.search(r"县级市|省直管", t):
            return "county"
        return "city"
    if place.endswith(("州", "盟", "地区")):
        return "city"
    return None


def _government(gov: str | None, place: str | None, org: str | None) -> str | None:
    if gov:
        if gov in ("行署", "行政公署"):
            return f"{place}行政公署" if place else gov
        m = re.match(r"^(?:自治区|自治州|自治县|省|市|区|县|州|盟|旗)(人民政府|政府)$", gov)
        if m and place:
            return f"{place}人民政府"
        if gov.endswith("政府") and not gov.endswith("人民政府"):
            return gov[: -len("政府")] + "人民政府"
        units = _units(gov)
        if len(units) > 1:  # "深圳市罗湖区人民政府" → the issuing body without its parents
            return units[-1] + "人民政府"
        if not units and place and re.search(r"(?:人民政府|政府)$", gov):
            return f"{place}人民政府"  # "推进市人民政府": no place name before the level word
        return gov
    if org and _GOV_SUFFIX.search(org):
        units = _units(org)
        return (units[-1] + "人民政府") if units else org
    if place:
        return f"{place}人民政府"
    return None


@functools.lru_cache(maxsize=4)
def _place_tokens(t: str) -> list[tuple[str, str]]:
    """(word, flag) of jieba's part-of-speech cut, [] when jieba is unavailable."""
    try:
        import jieba
        import jieba.posseg as pseg

        from kg.loaders.jieba_dict import watch

        watch()  # the dictionary jieba loads here is copied for the segmenter (kg.loaders.nlp)
        jieba.setLogLevel(logging.WARNING)
        return [(w.word, w.flag) for w in pseg.cut(t[:30000])]
    except Exception:  # noqa: BLE001 - jieba is an aid, never a reason to fail
        log.debug("jieba failed", exc_info=True)
        return []


def _with_parents(parents: list[str], place: str, level: str | None, t: str) -> list[str]:
    """Add the parent city (district/county reports) and the province the report names most."""
    out = list(parents)
    own = find_prefecture(place)
    if own is not None and level in ("city", "county") and own.name == place:
        return [*out, own.province] if own.province not in out else out
    if level in ("district", "county") and not any(p.endswith(("市", "州", "盟", "地区")) for p in out):
        gaz = _prefecture_counts(t)
        if own is not None:
            gaz.pop(own, None)
        muni = Counter({full: t.count(short) for short, full in PROVINCES.items() if full in _MUNICIPALITIES})
        best_g = gaz.most_common(1)[0] if gaz else None
        best_m = muni.most_common(1)[0] if muni else None
        if best_m and best_m[1] >= 3 and (not best_g or best_m[1] > 2 * best_g[1]):
            return [*out, best_m[0]]
        if best_g and best_g[1] >= 2:
            out.append(best_g[0].name)
    for p in out:
        known = find_prefecture(p)
        if known is not None and known.name == p:
            return [*out, known.province] if known.province not in out else out
        if p in _MUNICIPALITIES:
            return out
    tokens = _place_tokens(t)
    if level in ("district", "county") and not any(p.endswith(("市", "州", "盟", "地区")) for p in out):
        cities: Counter[str] = Counter()
        for k, (w, flag) in enumerate(tokens):
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            if flag == "ns" and w not in _GENERIC_PLACES and w not in PROVINCES and nxt in ("市", "州", "盟"):
                cities[w + nxt] += 1
            elif flag == "ns" and len(w) >= 3 and w.endswith(("市", "州", "盟")) and w[:-1] not in PROVINCES:
                cities[w] += 1
        cities.pop(place, None)
        for c in list(cities):
            if "城市" in c or "都市" in c:
                cities.pop(c)
        for c in list(cities):
            if c in PROVINCES.values() or _GENERIC_UNIT.match(c):
                cities.pop(c)
        if cities:
            out.append(cities.most_common(1)[0][0])
    if any(p in PROVINCES.values() for p in out):
        return out
    # the report calls its province "省" or "自治区" ("省委", "中央、自治区精神"); the
    # special administrative regions and Taiwan are never a mainland place's parent
    region = len(re.findall(r"自治区(?:党委|政府|人民政府|人大|政协|精神|部署|重点|级)", t))
    province = len(re.findall(r"(?:^|[、，,和及在])省(?:委|政府|人民政府|人大|政协|级|重点)|全省", t))
    kinds: tuple[str, ...] = ("自治区",) if region > province else ("省",) if province else ("省", "市", "自治区")
    counts: Counter[str] = Counter()
    for w, _flag in tokens:
        full = PROVINCES.get(w) or (w if w in PROVINCES.values() else None)
        if full is None or not full.endswith(kinds) or place.startswith((w, full)):
            continue
        counts[full] += 1
    if counts:
        out.append(counts.most_common(1)[0][0])
    return out


# --------------------------------------------------------------------- page credits


def _page_credits(text: Text) -> tuple[str | None, str | None]:
    """(publish date, publisher) from the chrome the reader blanked."""
    if not text.chrome:
        return None, None
    pieces = []
    for a, b in text.chrome:
        if text.offsets is None:
            pieces.append(text.source[a:b].strip())
        else:  # HTML: the characters the chrome was made of, without the markup between
            chars = (text.source[text.offsets[i]] for i in range(a, b))
            pieces.append("".join(c if c not in "&<" else " " for c in chars).strip())
    joined = "\n".join(pieces).translate(_FW)
    date = None
    m = re.search(r"(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", joined)
    if not m:
        m = re.search(r"(?:^|\n)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s|$)", joined)
    if m:
        date = _iso(*(int(g) for g in m.groups()))
    publisher = None
    m = re.search(r"(?:信息)?来源\s*[:：][ \t\u3000]*\n?[ \t\u3000]*([^\n]+?)(?=\s+(?:发布|发表|时间|日期)|\s*$|\n)", joined)
    if m:
        publisher = m.group(1).strip() or None
    return date, publisher


# -------------------------------------------------------------------------- years


_NPC_FIRST_SESSION = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978}
_CN_NUMERAL = "一二三四五六七八九十"
_NPC_SESSION = re.compile(
    rf"第?([{_CN_NUMERAL}]+)届全国人民代表大会(?:第([{_CN_NUMERAL}]+)次会议)?"
    rf"|([{_CN_NUMERAL}]+)届全国人大([{_CN_NUMERAL}]+)次会议"
)


def _npc_year(n: int | None, k: int | None) -> int | None:
    if not n or not k:
        return None
    first = _NPC_FIRST_SESSION.get(n) or 1983 + 5 * (n - 6)
    return first + k - 1


def npc_session_year(meeting: str | None) -> int | None:
    """Year of a National People's Congress session ("第十届全国人民代表大会第一次会议" → 2003).

    A congress named without a session ("向第四届全国人民代表大会作政府工作报告") is
    its first session (1975)."""
    if not meeting:
        return None
    m = re.search(
        rf"第?([{_CN_NUMERAL}]+)届全国人民代表大会(?:第([{_CN_NUMERAL}]+)次会议|$)", meeting.strip()
    )
    if not m:
        return None
    return _npc_year(_cn_number(m.group(1)), _cn_number(m.group(2)) if m.group(2) else 1)


def _session_last_year(t: str) -> int | None:
    """The year after a congress session the report says was held last year
    ("从去年９月第五届全国人民代表大会第三次会议到现在", "按照去年五届人大四次会议…的精神")."""
    for m in re.finditer(rf"去年[^。，,；;]{{0,8}}?(?:{_NPC_SESSION.pattern}|([{_CN_NUMERAL}]+)届人大([{_CN_NUMERAL}]+)次会议)", t):
        g = m.groups()
        n, k = (g[0], g[1]) if g[0] else (g[2], g[3]) if g[2] else (g[4], g[5])
        if k is None:
            continue
        y = _npc_year(_cn_number(n), _cn_number(k))
        if y:
            return y + 1
    return None


_CN_YEAR = re.compile(r"(?<![一二三四五六七八九〇○零])([一二三四五六七八九〇○零]{4})\s*年")
_REVIEW_WORD = re.compile(r"回顾|总结|成就|成绩|胜利|形势")


def _years_in(s: str) -> list[tuple[int, int]]:
    """(offset, year) of every year printed in ``s`` ("2023年", "１９９３年", "一九五七年")."""
    s = s.translate(_FW)
    out = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(s)]
    for m in _CN_YEAR.finditer(s):
        y = _cn_number(m.group(1))
        if y and 1900 <= y <= 2199:
            out.append((m.start(), y))
    return sorted(out)


def _greeting_plan_year(t: str) -> int | None:
    """The plan year the speaker's own sentence names ("我代表国务院…提出关于一九五八年度国民
    经济计划（草案）的报告", "关于1980、1981年国民经济计划安排的报告"): the first year."""
    m = re.search(r"我(?:代表|受)[^。]{0,60}?关于([^。]{0,30}?)(?:年度?|年的)[^。]{0,20}?计划", t)
    if not m:
        return None
    span = m.group(1).translate(_FW)
    ys = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", span)]
    ys += [y for y in (_cn_number(c) for c in re.findall(r"[一二三四五六七八九〇○零]{4}", span)) if y and 1900 <= y <= 2199]
    return ys[0] if ys else None


def _cue_years(body: str) -> tuple[int | None, int | None]:
    """(review, plan) from the genre's openers when no heading prints a year: the plan
    year opens a paragraph ("2024年是中华人民共和国成立75周年…"), the review year is
    "刚刚过去的2023年" or opens the first paragraph after the greeting ("2023年，在…领导下")."""
    review = plan = None
    m = re.search(r"(?:^|\n)[\s\u3000]*((?:19|20)\d\d)年是", body)
    if m:
        plan = int(m.group(1))
    m = re.search(r"(?:刚刚过去的|过去的|回顾)((?:19|20)\d\d)年", body)
    if m is None:
        g = _GREETING.search(body)
        m = re.compile(r"(?:^|\n)[\s\u3000]*((?:19|20)\d\d)年[，,]").search(body, g.end() if g else 0)
        if m and g and m.start() - g.end() > 800:
            m = None
    if m:
        review = int(m.group(1))
    if review is not None and plan is not None and plan != review + 1:
        return review, None
    return review, plan


def _years(
    parts: Sequence[Part], t: str, delivery_year: int | None, head_end: int = 0
) -> tuple[int | None, int | None]:
    """(review year, plan year).

    In order: the part titles (a review title naming two years, "1993年国内工作的回顾和
    1994年工作的基本方针", gives both); the plan year the speaker's own opening sentence
    names; the delivery year (the dateline or the congress session: plan = delivery year,
    review = the year before); the numbered headings and the genre's openers in the text;
    failing all, the year the report cites most is the year under review."""
    review = plan = None
    title_plan = None
    for p in parts:
        title = p.title.translate(_FW)
        ys = _years_in(title)
        if not ys:
            continue
        if p.role == PartRole.REVIEW and review is None:
            w = _REVIEW_WORD.search(title)
            before = [y for at, y in ys if w is None or at < w.start()]
            after = [y for at, y in ys if w is not None and at > w.start()]
            review = before[-1] if before else ys[-1][1]
            if after and after[0] == review + 1:
                title_plan = after[0]
        elif p.role == PartRole.PLAN and plan is None:
            plan = ys[-1][1]
    greeting_plan = _greeting_plan_year(t[: head_end + 800])
    if greeting_plan is not None and (review is None or greeting_plan > review):
        plan = greeting_plan
    if plan is None and title_plan is not None:
        plan = title_plan
    body = re.sub(r"(?<=\d) (?=[\d年])", "", t[:60000])  # "1 9 9 7 年" (spaced digits)
    if review is None and plan is None and delivery_year is not None:
        plan = delivery_year
    if review is None and plan is None:
        # the genre's order: part 一 reviews a year, a later part plans the next one
        heads = [
            (m.group(1), [int(y) for y in _YEAR.findall(m.group(2))])
            for m in re.finditer(r"(?:^|\n)[\s\u3000]*([一二三四五])[、．.][ \u3000]*([^\n。]{0,40})", body)
        ]
        first = next((ys[-1] for num, ys in heads if num == "一" and ys), None)
        later = next((ys[-1] for num, ys in heads if num != "一" and ys and first and ys[-1] == first + 1), None)
        if first is not None and later is not None:
            review, plan = first, later
    if review is None and plan is None:
        first_review = _REVIEW_HEAD.search(body)
        if first_review:
            ys = [int(y) for y in _YEAR.findall(first_review.group(1))]
            if ys:
                review = ys[-1]
        # the first plan heading that names a year ("二、今后五年…" names none; "三、2023年…")
        for m in _PLAN_HEAD.finditer(body, first_review.end() if first_review else 0):
            ys = [int(y) for y in _YEAR.findall(m.group(1))]
            if ys:
                plan = ys[-1]
                break
    if review is None and plan is None:
        review, plan = _cue_years(body)
    if review is None and plan is None and delivery_year is None:
        # no heading year, no dateline (older national reports): the year the report
        # cites most is the year under review ("刚刚过去的1984年")
        counts = Counter(int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|2[01]\d\d)年(?!代)", body[:20000]))
        for m in _CN_YEAR.finditer(body[:20000]):
            y = _cn_number(m.group(1))
            if y and 1900 <= y <= 2199 and not body.startswith("代", m.end()):
                counts[y] += 1
        if counts:
            review = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    review, plan = complete_years(review, plan, delivery_year)
    if plan is not None and review is not None and plan <= review:
        plan = review + 1  # a plan heading naming an earlier year is not this year's plan
    if plan is not None and review is not None and plan - review != 1:
        # a heading year that is not the plan year (e.g. "2035年远景目标"): trust the pair's review
        if delivery_year and plan != delivery_year and review == delivery_year - 1:
            plan = delivery_year
    if len(_NEXT_YEAR.findall(t[head_end:])) >= 3:
        # delivered late in the year (the NPC sessions of Aug 1980, Dec 1981, Dec 1982): the
        # report reviews the year it is delivered in ("今年") and plans the next ("明年"),
        # the year its plan part names when no session dates it
        titled = [int(y) for p in parts if p.role == PartRole.PLAN for y in _YEAR.findall(p.title)]
        if delivery_year is not None:
            review, plan = delivery_year, delivery_year + 1
        elif titled:
            review, plan = max(titled) - 1, max(titled)
    return review, plan


_NEXT_YEAR = re.compile(r"明年")
"""A report delivered early in the year never speaks of 明年 more than in passing."""
