"""Quantities in a report: every figure in the body with what it measures (GUIDELINES §4).

``extract_quantities(report)`` finds each numeral with a unit or measure word in the body
(the parts; not the glossary, not page chrome), drops what is not a quantity (years and
dates, ordinals, names and codes with digits, numeric slogans and formulas, vague words),
and fills in the indicator, stated and normalised value and unit, kind (amount, count,
change with direction, ratio), status (actual, estimate, target), reference year,
qualifier and section.

Every rule comes from the genre — the syntax of figures in 政府工作报告 (units and measure
words, qualifier words, change verbs, 预计/力争, part roles) — never from a list of one
report's indicators or sentences.

``indicator_key(indicator)`` is the normalised key that makes an indicator comparable
across reports (used to link targets to outcomes), and ``report_years(report)`` the review
and plan year; both live in :mod:`kg.keys` and are re-exported here.
"""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import fields, replace as _dataclass_replace
from functools import lru_cache
from decimal import Decimal

from kg.keys import indicator_key, report_years  # the key and year rules live in kg.keys (re-exported)
from kg.loaders.datafiles import data_lines, data_text
from kg.loaders.numbers import MILESTONES, Figure, find_figures, split_magnitude_unit, unit_info
from kg.loaders.patterns import opening_class, search_opening
from kg.model import Kind, PartRole, Qualifier, Quantity, Report, Status

log = logging.getLogger(__name__)

__all__ = ["extract_quantities", "indicator_key", "report_years"]


_QUANTITY_SLOTS: tuple[tuple[str, Callable], ...] | None = (
    None if hasattr(Quantity, "__post_init__") or any(not f.init for f in fields(Quantity))
    else tuple((f.name, Quantity.__dict__[f.name].__set__) for f in fields(Quantity)))


def replace(obj, /, **changes):  # noqa: ANN001, ANN201 - dataclasses.replace's signature
    """``dataclasses.replace``; a Quantity's copy sets its slots through their descriptors
    (13 µs by ``dataclasses.replace``, which gathers every field into keywords for the frozen
    ``__init__``; ~2.5 µs so: ~1,400 copies in 40 reports). The same object: every field is an
    ``__init__`` field and there is no ``__post_init__`` (else the plain ``replace``)."""
    if type(obj) is not Quantity or _QUANTITY_SLOTS is None:
        return _dataclass_replace(obj, **changes)
    new = object.__new__(Quantity)
    for name, set_slot in _QUANTITY_SLOTS:
        set_slot(new, changes.pop(name) if name in changes else getattr(obj, name))
    if changes:
        raise TypeError(f"Quantity has no field {sorted(changes)[0]!r}")
    return new


class _Compiled(dict):
    """Compiled patterns by their source: a hit is dict's own (C) lookup, a miss compiles.

    The patterns built from a report's years or data rows are bounded; the dict is emptied
    if it ever grows past 4096 anyway, so a long build cannot fill memory."""

    def __missing__(self, pattern: str | re.Pattern) -> re.Pattern:
        if len(self) >= 4096:
            self.clear()
        compiled = self[pattern] = re.compile(pattern)
        return compiled


_COMPILED = _Compiled()
rx: Callable[[str | re.Pattern], re.Pattern] = _COMPILED.__getitem__
"""``re.compile(pattern)``, kept in a dict: the patterns written inline below compile once.

(``re.search(p, s)`` pays two Python calls and a flags check per use before it matches;
``rx(p).search(s)`` is one lookup. ``rx`` is the dict's bound ``__getitem__``, a C call:
a Python function with a try/except around the lookup cost ~0.1 µs more on each of ~18 k
uses per report.)"""


# ------------------------------------------------------------------ vocabulary
# Genre words, not corpus content: how reports qualify and move figures.

_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不少于", Qualifier.GE), ("不低于", Qualifier.GE), ("至少", Qualifier.GE),
    ("不超过", Qualifier.LE), ("不高于", Qualifier.LE), ("最多", Qualifier.LE),
    ("不到", Qualifier.LT), ("不足", Qualifier.LT), ("低于", Qualifier.LT), ("少于", Qualifier.LT),
    ("超过", Qualifier.GT), ("跨越", Qualifier.GT), ("跨过", Qualifier.GT), ("突破", Qualifier.GT), ("高于", Qualifier.GT), ("多于", Qualifier.GT),
    ("不大于", Qualifier.LE), ("不小于", Qualifier.GE), ("大于", Qualifier.GT), ("小于", Qualifier.LT),
    ("超出", Qualifier.GT), ("逾", Qualifier.GT), ("超", Qualifier.GT), ("过", Qualifier.GT),
    ("将近", Qualifier.APPROX), ("接近", Qualifier.APPROX), ("近", Qualifier.APPROX),
    ("大约", Qualifier.APPROX), ("约", Qualifier.APPROX), ("大概", Qualifier.APPROX),
)
_GLUED = "近超逾约"
"""Single-character qualifiers printed glued to the number: part of the surface (§4)."""

_SUFFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("以上", Qualifier.GE), ("及以上", Qualifier.GE), ("左右", Qualifier.APPROX),
    ("上下", Qualifier.APPROX), ("以内", Qualifier.LE), ("之内", Qualifier.LE),
    ("以下", Qualifier.LE), ("内", Qualifier.LE),
)

_UP = "增长|增長|增加|提高|提升|上涨|上升|涨幅|增速|增幅|扩大|多增|拉动|回升|攀升|调增|调高|上调|增产|递增|增|涨"
_DOWN = "下降|降低|减少|回落|下跌|降幅|微降|缩小|缩减|削减|压减|压降|下调|调减|调低|减产|递减|减|降"
_CHANGE_RE = re.compile(rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN}))$")
_FILLER = r"(?:同比|比上年|较上年|比去年|较去年|年均|平均|分别|均|了|完成|达到|达|为|实现|保持|在|超过)*"
_LEVEL_VERBS = re.compile(r"(?:增至|增加到|提高到|提高至|提升到|提升至|上升到|上升至|降至|降到|下降到|下降至|降低到|降低至|减少到|减少至|减至|扩大到|扩大至|缩小到|缩小至|达到|达|到|至|为)$")

_ESTIMATE = re.compile(r"预计|预测|估计|預計|預測|估計")
_RATIO_WORDS = re.compile(r"率|比重|占比|比例|份额|覆盖|达标|满意度|贡献|普及|合格|优良|指数|系数|水平")

# clause and sentence delimiters
_CLAUSE_DELIMS = "，,；;。：:！？!?\n\u3000"
_SENT_DELIMS = "。！？!?\n"

# Leading words that frame a clause but are not part of what is measured.
_LEAD_FILLER = re.compile(
    r"^(?:(?:今年|年初|去年|当年)以来|(?:今年|年|去年|明年)(?:底|末)(?:前)?|(?:加之|由于|受)[\u4e00-\u9fff]{1,6}?(?:导致|影响)|全年|今年|去年|当年|上年|一年来|五年来|年内|其中|同时|此外|并且|并|还|也|已经|已|即|而且|而(?![今后])|但是|但(?!凡)|然而|可是|共(?!同|富|享|建(?!成|设)|治|青团|产党)|总共|为此|因此|对此|"
    r"(?:党中央|中央|国务院)?(?:提出|建议|确定|决定)了?(?=[^，,；;。]{2})|分[一二三四五六七八九十两0-9０-９]+批|到(?:(?:19|20)\d\d|[一二三四五六七八九〇○零]{4})年(?:底|末)?|"
    r"(?:(?:19|20)\d\d|[０-９]{4})年(?:底|末)?(?=进一步|又|再|继续|已)|(?:(?:19|20)\d\d|[０-９]{4})年(?:比|较)(?:上一?年|去年)|"
    r"特别是|尤其是|我们|尽管|虽然|(?:全区|全市|全省|全县|全州|全盟|全旗|全国|全社会)(?!性|重点实验室)|全力|全面|成功|持续|积极|加快|大力|"
    r"扎实|深入|不断|进一步|稳步|力争|力求|使(?!用|命)|努力|确保|争取到(?!位)|争取|计划要求|计划|预计|至少|实现|完成(?!率)|开展|推动|推进|组织|"
    r"累计完成|分别|均|再(?=新增|新建|增加|提高)|和(?![美谐])|与|及(?!时)|迅速|短时间内|率先|首次|高标准|高质量|高水平|有序|顺利|基本(?!建设|养老|医疗|农田|公共|药物|医保|生活|住房)|初步|"
    r"加速(?!器)|着力|(?:按|以)(?:可比价格?|不变价格?|现行价格)计算|把(?!握|关)|重点(?!人群|群体|企业|项目|领域|行业|人员|区域|产业|工程|税源|地区|实验室|[\u4e00-\u9fff]{1,2}类)|全速|全力|过去|的|之|[一二三四五六七八九十]是|[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|[①-⑳]|[一二三四五六七八九十两]+年(?:来|间|中(?![央共])|内)?|用[一二三四五六七八九十两]+年(?:左右)?时间|将|、|\s)+"
)
# Words between the indicator and the figure.
_TRAIL_FILLER = re.compile(
    rf"(?:{_FILLER[3:-2]}|{_UP.replace('|增|', '|(?<![新净])增|')}|{_DOWN}|增至|降至|提高到|提升至|增加到|减少到|控制在|控制到|"
    r"保持在|稳定在|降到|下降到|提高至|历史性|(?:首次)?(?:迈上|迈入|站上|跃上)|达到|达|達到|達|到|至|为|是|有|共|再|力求|累计|总计|合计|共计|分别|均|"
    r"(?:比|较)(?:(?:19|20)\d\d|[０-９]{4}|[一二三四五六七八九〇○零]{4})年|(?<=[\u4e00-\u9fff]{2})各|现(?:在|有)的|现在已经?|现已经?|总共|已经|(?<!不)已|(?<![成造迁])就|(?<![船首一两每])只|也|(?<![偿归])还|(?<![首成京])都|(?<![前])又|(?<![人英天奇帅通全口专秀引])才|一直|首次|仅|仍将?|(?<=[\u4e00-\u9fff]{2})(?:仍然|却|则|(?<![需只主重必想])要)|"
    r"突破|超过|将近|接近|不少于|不低于|不超过|不到|不足|低于|高于|"
    r"在[^，,；;。在]{1,14}?的?基础上|(?<=[\u4e00-\u9fff]{2})在[^，,；;。在的]{1,8}?(?:影响|冲击|条件|情况|背景)下|(?<=[\u4e00-\u9fff]{2})扩增(?:到|至)?|扣除(?:物价|价格)(?:上涨)?因素(?:后)?|(?<=[\u4e00-\u9fff]{3})(?:今年|明年)(?=再|又|还|继续)|(?<=[\u4e00-\u9fff]{2})收到|安排为|[由从]年初的?|(?:比|较)(?:上年|去年)预算(?:执行数)?|(?:比|较)(?:年初|上年末|上年底|去年末|去年底)(?!计划)|(?:比|较)[“\"]?十[一二三四五六七八九]五[”\"]?末的?|却?從|却(?=从|由)|扣除价格因素|大约有?|(?<![签预节制合契公条婚邀特])约有?|同比|(?:比|较)(?:上年|去年)同期|与[^，,；;。与]{1,10}相比|比上一?年|较上一?年|(?:比|较)上一?届|比前一年|(?:比|较)前[两三四五]年(?:累计)?|(?:比|较)“?[六七八九十][一二三四五六七八九]?五”?(?:期间|时期)|比(?:年度|原定)?計劃|(?<=[\u4e00-\u9fff]{2})(?:今年|明年)(?=將|将)|將|比(?:年度|原定)?计划|(?:(?:19|20)\d\d年|[一二三四五六七八九〇○零]{4}年)?这一年|(?<![不])(?:可以|可望|有望|能够)|(?<=[\u4e00-\u9fff]{2})(?:却|则)?以(?:年均|平均每年|每年)|(?:比|较)第[一二三四五六七八九十]+个五年计划(?:期间|时期)?|超过原定计划|年均|预计|预期|实际|增长幅度|增长速度|由上年|从上年|由去年|从去年|由前年|从前年|从|由|的|确保|力争|争取|努力|"
    r"(?:宏观)?(?:调控|预期|计划)?目标(?:设定为|定为|确定为|是)?|设定为|拟定为|定为|确定为|计划|现行|"
    r"(?:按|以)?(?:同口径|可比口径|可比价格?|现行价格|不变价格?)(?:计算)?|"
    r"(?:19|20)\d\d年(?:底|末|初)?|[０-９]{4}年|[一二三四五六七八九〇○零]{4}年(?:底|末|初)?|将|\s)+$"
)
_LEAD_VERB = re.compile(
    r"^(?:投入|开展|推动建设|推动|推进|实施|组织|举办|建立|完成|打造|落实|提出|确定|设定|拟安排|安排|"
    r"培育|办理|为(?!民)|对(?!外|口|台|美|欧|非|接|标|比|象)|向|在(?!校|岗|职|读|建|库|册|线|营|用|途|园|谈)|有(?!效|机|色|关|线|序)|共有|服务(?!贸易|外包)|惠及|吸引|带动|帮助|支持|资助|发放|筹集|累计)(?![业类])"
)
_R_STOP = re.compile(
    r"(?:、|(?<=[\u4e00-\u9fff]{3})(?:(?<!中)和(?!美)|[及与或])|的(?=[^\u4e00-\u9fff]|$)|的基础上|推动|推进|促进|助力|(?<![成作勇认评定列称改更视])为(?!民)|在|进行|实现|完成|开展|参与|落户|入驻|纳入|投资|解决|通过|荣获|获得|获|"
    r"建设(?=$)|排忧解难|签约|上线|加入|入选|开工|竣工|投用|投入使用|(?<!共)建成|改造(?=$)|提供|享受|受益|"
    r"覆盖|参加|走访|培训|成功|脱贫|落地|集聚|聚集|入统|入库|上市(?!公司|企业)|中有|挂牌|认定|达到|超过)"
)
_PEOPLE = re.compile(r"^[^，,；;。]{0,6}?(?:居民|人口|群众|职工|农民|学生|儿童|老人|人才|人员|劳动力|游客|旅客|患者|家庭|市民|村民|员工|青年|毕业生|人)")

_CN_NUM = "零〇一二两三四五六七八九十百千万亿"

_TARGET_TAIL = r"(?:速度|幅度)?的?(?:(?:宏观)?(?:调控|预期|计划)目标|预期|目标|计划)(?:定为|确定为|定|是|为)?$"
"""What follows a change noun when a report states a target: 经济增长(速度的)(调控)目标定为."""

_SHARED_CHANGE_GAP = r"[、和及与]?|[、，,]?(?:力争|争取|确保|努力|最高|甚至)(?:达到|达)?"
"""Between two figures of one change ("增长6.5%、力争7%以上"): the second shares the verb."""

_CARRY_VERB = re.compile(
    r"^(?:签约落地|新谋划|谋划|评定|提档升级|升级改造|提质改造|改造提升|新改扩建|出栏|争创|申创|出让|新开工|开工建设|开工|新建成|新建|新增|建成|新改建|改扩建|扩建|改建|改造|提升|打造|新培育|培育|新引进|引进|"
    r"新招引|招引|完成|实施|修复|治理|整治|新植|种植|造林|发放|新认定|认定|创建|新登记|回收|处置|清理|"
    r"拆除|供应|筹集|新开通|开通|新开|新设|设立|净增|新创建|新入选|新获批|新获评)"
)
"""Verbs a list elides after its first item ("新建绿道12公里、碧道4公里": 新建碧道)."""

_ACTION_NOUN_END = re.compile(r"(?:改造|防护|治理|整治|建设|修复|提升|改建|新建|扩建)$")
"""A list member that names an action of its own ("提质改造97公里、危桥改造17座") takes no verb from the first."""

_MEASURE_VERB = re.compile(r"出栏|存栏|出让|收储|争创|申创")
"""Verbs that are themselves the measure ("收储13000亩、出让10300亩"): a bare one takes no noun from the figure before."""

_OWN_VERB = re.compile(r"(?:完善|提升|升级|扩繁|修缮|保护|恢复|建设|续建|迁建|重建|更新|改善|盘活|消化|清理|整合|培训|救助|帮扶|资助|流转|复垦|收储|配租|配售|营造|增加(?!值))")
"""Verbs that open a later member of a list with its own verb ("新增核心群2处、完善扩繁群20处")."""

_FROM_TO = re.compile(r"(?:从|由)(?:上一?年|去年|前年|上一?年末|去年末|上一?年底|去年底)?的?$")
_FROM_LIST = re.compile(r"(?:从|由)(?:上一?年|去年|前年)?的?(?:[0-9０-９.]+[\u4e00-\u9fff%％]{0,4}、)+$")
_TO_VERB = re.compile(
    rf"^(?:以上|左右)?(?:{_UP}|{_DOWN}|拓展|扩展|发展|延长|缩短|压缩|放宽|调整)?(?:到|至)"
)
_START_LIST_TO = re.compile(r"(?:、[0-9０-９.]+[^\d、，,；;。]{0,4}?)*(?:均|分别|都)?" + _TO_VERB.pattern[1:])
"""A list of start values ("将A、B报销种类分别由16种、29种均扩大到37种"): each member is a start."""
_FIVE_YEAR_PLAN = re.compile(
    r"(?<![一二三四五六七八九十])(十?[一二三四五六七八九])五[”\"」]?(?:时期|期间|期末|末(?!期))"  # not "对接“十四五”规划": a reference
)
"""“十五五”时期, “九五”期间: a five-year plan, named by its ordinal (end year 1955 + 5N)."""

_PLAN_AS_BASE = re.compile(r"[较比与同][“\"「]?$")
"""Before a plan's name, a comparison ("较“十三五”期间增长"): the plan is a base, not a horizon."""

_PLAN_SENTENCE = re.compile(
    r"(?:今年|明年|新的一年)[^。\n]{0,30}?(?:主要)?(?:预期|调控|奋斗)?目标(?:是|为|建议为|确定为|定为)"
)
"""A sentence that states the plan year's targets, wherever the part heading went."""


# ------------------------------------------------------------------ extraction


def extract_quantities(report: Report) -> tuple[Quantity, ...]:
    """Every quantity in the body of ``report`` (parts only; glossary and chrome excluded)."""
    text = report.text.text
    out: list[Quantity] = []
    plan_from = _unmarked_plan_start(report, text)
    for start, end in _body_regions(report):
        figures = find_figures(text, start, end)
        previous: Quantity | None = None
        for fig in figures:
            q = _quantity(report, text, fig, previous, plan_from)
            if q is not None:
                assert text[q.start : q.end] == q.surface
                out.append(q)
                previous = q
    out = _bare_budget(text, _bare_funds(text, _exceeding_plan(text, _shared_awards(text, _level_lists(text, _respectively(text, sorted(out, key=lambda q: q.start)))))))
    out = _of_base_year(text, out)
    out = _scope_carried(text, out)
    out = _bare_measure_subject(text, out)
    out = _time_phrase_label(text, out)
    out = _generic_scope(text, out)
    out = _sub_levels(text, out)
    out = _per_unit_scope(text, out)
    out = _class_counts(text, out)
    out = _clause_scope(text, out)
    out = _label_repairs(text, out)
    review_year, _plan_year = _years(report)
    return tuple(_with_period(q, _period(report, text, q, review_year)) for q in out)


_YEARS: tuple[Report | None, tuple[int | None, int | None]] = (None, (None, None))
"""The last report's (review year, plan year), compared by identity (it holds the report)."""


def _years(report: Report) -> tuple[int | None, int | None]:
    """:func:`kg.keys.report_years` of ``report``, kept for the report being read: the status
    and period rules ask it ~2.4 times per figure (it walks the part titles when the metadata
    lacks a year); a report is frozen, so its years do not change."""
    global _YEARS
    seen, years = _YEARS
    if seen is not report:
        years = report_years(report)
        _YEARS = (report, years)
    return years


def _with_period(q: Quantity, period: str) -> Quantity:
    return q if q.period == period else replace(q, period=period)


def _time_phrase_label(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A label that is only a time phrase ("…工资总额比上年增长19%，其中第四季度增长38%") measures
    what the figure before it in the sentence measures, over that time; a bare plan word ("增长7.6%，
    超过计划增长6%的要求") measures it too."""
    out = list(qs)
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        bare = _cues()["time_label"].fullmatch(q.indicator) or _cues()["plan_word_label"].fullmatch(q.indicator)
        if bare and not _cues()["time_label"].fullmatch(prev.indicator) \
                and len(prev.indicator) >= 2 and prev.unit == q.unit and not rx(r"[。！？!?\n]").search(text[prev.end : q.start]):
            when = "" if q.indicator in ("全年", "当年") or _cues()["plan_word_label"].fullmatch(q.indicator) else q.indicator
            what = rx(r"^[0-9０-９〇○零一二三四五六七八九]{4}年").sub("", prev.indicator)  # (the year is the earlier figure's)
            out[i] = replace(q, indicator=when + what, indicator_start=None, indicator_end=None)
    return out


# ------------------------------------------------------------------ bare and garbled labels (session 11)


@lru_cache(maxsize=None)
def _kind_patterns(name: str) -> dict[str, re.Pattern]:
    """A rule file of ``kind<TAB>regex`` rows (loaders/data/``name``): one alternation per kind."""
    rows: dict[str, list[str]] = {}
    for line in data_lines(name):
        kind, _, pattern = line.partition("\t")
        rows.setdefault(kind, []).append(pattern)
    return {k: rx("(?:" + "|".join(v) + ")") for k, v in rows.items()}


def _bare_label_rows() -> dict[str, re.Pattern]:
    """loaders/data/bare_labels.tsv: bare labels, the topics they take, the verbs of paired members."""
    return _kind_patterns("bare_labels.tsv")


_SENTENCE_BREAK = re.compile(r"[。！？!?\n；;]")
_YEAR_PREFIX = re.compile(r"^(?:[0-9０-９〇○零一二三四五六七八九]{4}年)?的?")


def _label_repairs(text: str, qs: list[Quantity]) -> list[Quantity]:
    """The last label pass: a label that is only the base of a comparison, a bare generic measure,
    verbs with no noun, a parenthetical fragment, a word cut in two, a base year, a verb or quote
    mark alone, a member without the list's shared measure or verb, or a yearly-average phrase is
    mended from its sentence; a label that opens with the year before the row's dates the row
    (loaders/data/bare_labels.tsv; docs/indicator-sample.md, session 11)."""
    out = list(qs)
    for i, q in enumerate(out):
        if not q.indicator:
            continue
        new = _comparison_base_label(text, out, i) or _bare_topic_label(text, out, i) \
            or _verbs_only_label(text, out, i) or _paren_label(text, q) or _cut_label(text, q) \
            or _base_year_tail(q) or _right_side_object(text, q) or _shared_measure(text, q) \
            or _member_verb(text, out, i) or _rate_phrase_label(text, out, i) or _budget_verb_tail(q)
        if new and new != q.indicator:
            q = replace(q, indicator=new, indicator_start=None, indicator_end=None)
        out[i] = _label_year(text, q)
    return out


def _comparison_base_label(text: str, qs: list[Quantity], i: int) -> str:
    """"国防费支出为N元，比上年国防费决算数减少了5.52%": a change whose label is only the base of the
    comparison measures what the level before it in the sentence measures."""
    q = qs[i]
    rows = _bare_label_rows()
    if q.kind != Kind.CHANGE or not rows["comparison"].match(q.indicator):
        return ""
    for p in reversed(qs[:i]):
        if p.end > q.start:
            continue
        if _SENTENCE_BREAK.search(text, p.end, q.start) or q.start - p.end > 60:
            break
        if not p.indicator or rows["comparison"].match(p.indicator) or p.indicator.startswith("占"):
            continue
        if "分别" in text[p.end : q.start]:
            break  # ("A、B分别达到x和y，比五年前分别增加m和n": the members are the list's)
        label = rx(r"(?<=[\u4e00-\u9fff]{2})(?<!所)占[^，,；;。]*$").sub("", _YEAR_PREFIX.sub("", p.indicator))
        return label if len(label) >= 2 else ""
    m = rx(r"(?:比|较|較)[^，,；;。]{0,12}?(?:年|前|时期|期间)的?(?=[\u4e00-\u9fff]{2})").match(q.indicator)
    rest = q.indicator[m.end() :] if m else ""
    return rest if rest and not rx(r"数$|计划|预算|决算|原定|原来").search(rest) else ""


def _bare_topic_label(text: str, qs: list[Quantity], i: int) -> str:
    """"加快发展普惠托育机构，覆盖率提高到60%": a label that is only a generic measure (覆盖率, 解决问题)
    takes the topic of a clause before it in the sentence; "“X”上线…，汇聚服务场所N个": a clause that
    opens with its verb takes the quoted subject of the clause before."""
    q = qs[i]
    rows = _bare_label_rows()
    c = _clause_start(text, q.start)
    floor = _SENT_FLOOR(text, q.start)
    if rows["bare"].fullmatch(q.indicator):
        k = c
        for _ in range(2):
            if k <= floor or text[k - 1] not in "，,；;":
                break
            p, end = _clause_start(text, k - 1), k - 1
            clause = _LEAD_FILLER.sub("", text[p:end])
            k = p
            v = rows["topic_verb"].match(clause)
            body = clause[v.end() :] if v else clause
            if len(body) > 12 and "的" in body:
                body = body[body.rindex("的") + 1 :]
            if any(f.unit for f in find_figures(text, p, end)) or rx(r"[0-9０-９]").search(clause):
                continue
            if 3 <= len(body) <= 20 and rx(rf"(?:{rows['topic_head'].pattern})$").search(body) \
                    and not _TOPIC_VERB.fullmatch(body):
                return body + q.indicator
    if rows["subject_verb"].match(q.indicator) and "“" not in q.indicator:
        own = _LEAD_FILLER.sub("", rx(r"[、]").split(text[c : q.start])[-1])
        before = rx(r"[、]").split(text[c : q.start])
        prev = before[-2] if len(before) > 1 else (text[_clause_start(text, c - 1) : c - 1] if c > floor and text[c - 1] in "，," else "")
        m = rx(r"“[^”]{2,14}”(?=[\u4e00-\u9fff])").match(_LEAD_FILLER.sub("", prev))
        if m and own.startswith(q.indicator[:2]):
            return m.group(0) + q.indicator
    return ""


def _verbs_only_label(text: str, qs: list[Quantity], i: int) -> str:
    """"新建成A3万套、交付2万套", "清理A2300件，废止830件，修订325件": a later member whose label is only
    verbs takes its own verb and the noun of the member before it."""
    q = qs[i]
    verbs = _bare_label_rows()["pair_verb"].pattern
    if not rx(rf"(?:{verbs})+").fullmatch(q.indicator):
        return ""
    own = _LEAD_FILLER.sub("", rx(r"[、，,；;]").split(text[_clause_start(text, q.start) : q.start])[-1])
    own = own if rx(rf"(?:{verbs})+").fullmatch(own) else q.indicator
    for p in reversed(qs[:i]):
        if p.end > q.start:
            continue
        if _SENTENCE_BREAK.search(text, p.end, q.start) or p.unit != q.unit or q.start - p.end > 40:
            break
        m = rx(rf"(?:{verbs})+(?=[\u4e00-\u9fff“]{{2}})").search(p.indicator)
        noun = p.indicator[m.end() :] if m else ""
        if noun and not rx(rf"(?:{verbs})+").fullmatch(noun) and not _bare_label_rows()["topic_verb"].search(noun):
            return own + noun
    return ""


def _label_span(text: str, q: Quantity) -> tuple[int, int] | None:
    if q.indicator_start is not None and q.indicator_end is not None:
        return q.indicator_start, q.indicator_end
    k = text.rfind(q.indicator, max(0, q.start - 80), q.start)
    if k < 0:
        k = text.find(q.indicator, q.end, q.end + 60)
    return (k, k + len(q.indicator)) if k >= 0 else None


def _paren_label(text: str, q: Quantity) -> str:
    """A label cut at a parenthesis: "…投资额（包括A、B方面的基本建设）共为N" is the 投资额 before it;
    "X（A…B）中所占的比重" drops the aside; "（A的产值N不包括在内）" is the A inside it."""
    ind = q.indicator
    if ind.startswith(("（", "(")) and not rx(r"[）)]").search(ind) and not rx(r"[（(](?:不)?包括").match(ind):
        rest = rx(r"(?:不)?包括(?:在内)?$").sub("", ind[1:])
        return rx(r"^其中").sub("", rest)
    if ind.endswith(("（", "(")) and len(ind) > 3:
        return ind[:-1]
    m = rx(r"^[^（(]*([）)])").match(ind)
    span = _label_span(text, q) if m else None
    if not m or span is None:
        return ""
    o = max(text.rfind("（", 0, span[0]), text.rfind("(", 0, span[0]))
    c = _clause_start(text, o) if o >= 0 else -1
    if o < 0 or span[0] - o > 60 or o < q.start < span[0]:
        return ""  # (a figure inside the aside is the aside's)
    head = _LEAD_FILLER.sub("", _YEAR_PREFIX.sub("", _LEAD_FILLER.sub("", text[c:o])))
    tail = ind[m.end() :]
    label = head + (tail if not rx(r"^(?:共|为|達|达)").match(tail) else "")
    if head.startswith("在") and c > 0 and text[c - 1] in "，,":
        p = _clause_start(text, c - 1)
        subject = _LEAD_FILLER.sub("", text[p : c - 1])
        if 2 <= len(subject) <= 24 and not rx(r"[0-9０-９]").search(subject):
            label = subject + label
    return label if 2 <= len(label) <= 40 else ""


@lru_cache(maxsize=4096)
def _word_ends(chunk: str) -> tuple[int, ...]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    ends, n = [], 0
    for w in jieba.cut(chunk, HMM=False):
        n += len(w)
        ends.append(n)
    return tuple(ends)


_OWN_YOU = re.compile(r"(?:拥|共|具|持|享|所|没|占|含|现|已|原|特|固|保|留|还|均|都|没)有$")


def _cut_label(text: str, q: Quantity) -> str:
    """A label never ends inside a word: "…基本养|老金" runs to the word's end; "组织在N个合作社中" ends
    before 中; "…新工艺有上万种" before 有; "一九五八年|初全国…" starts after 初."""
    ind = q.indicator
    tail = rx(r"[\u4e00-\u9fff]{2,16}?中(?=[，,。；;0-9０-９一二三四五六七八九十])").match(text[q.end : q.end + 20])
    if tail and ind.endswith(tail.group(0)) and len(ind) >= 4 and _word_ends(tail.group(0))[-2:-1] == (len(tail.group(0)) - 1,):
        return ind[:-1]  # ("组织在N个合作社中。", "在N种主要产品中，")
    span = _label_span(text, q)
    if span is None:
        # "连续N年提高…基本养|老金": a label joined from words before the figure and a run after it
        k = next((k for k in range(len(ind), 3, -1) if text.startswith(ind[-k:], q.end)), 0)
        span = (q.end, q.end + k) if k else None
        if span is None:
            return ""
    s, e = span
    if s >= q.end and e < len(text) and rx(r"[\u4e00-\u9fff]").match(text[e]):
        ends = _word_ends(text[s : e + 6])
        if e - s not in ends:
            nxt = next((x for x in ends if x > e - s), None)
            if nxt is not None and nxt - (e - s) <= 3 and text[s + nxt - 1] not in "为及和在与以于至到":
                return ind + text[e : s + nxt]
    if ind.endswith("有") and len(ind) >= 4 and not _OWN_YOU.search(ind) and s < q.start:
        return ind[:-1]
    if rx(r"[初底末]").match(ind) and s > 0 and text[s - 1] == "年" and len(ind) >= 4 \
            and _word_ends(text[max(0, s - 1) : s + 4])[0] == 2:
        return ind[1:]
    return ""



def _base_year_tail(q: Quantity) -> str:
    """"电力一百零八亿度，等于一九四九年的二点五倍": the base year after 等于/为/是 is no part of the label."""
    m = rx(r"(?:已经|已經|已)?(?:等於|等于|相当于|相當於|为|爲|是)[0-9０-９〇○零一二三四五六七八九]{4}年$").search(q.indicator)
    label = q.indicator[: m.start()] if m else ""
    return label if len(label) >= 2 and not rx(r"[则則而但]").match(label) else ""


def _right_side_object(text: str, q: Quantity) -> str:
    """"出台14条促进…政策措施", "建成120个“…生活圈”": a label that is only the verb (or only a quote
    mark) before the figure takes the object after it, to the clause end."""
    rows = _bare_label_rows()
    obj = rx(r"(?:“[^”]{2,20}”|[\u4e00-\u9fff“”]{2,24})(?=[，,；;。、]|$)").match(text[q.end : q.end + 30])
    if obj is None:
        return ""
    if rows["object_verb"].fullmatch(q.indicator):
        return q.indicator + obj.group(0)
    if rx(r"[“”\"「」]").fullmatch(q.indicator) and obj.group(0).startswith("“"):
        before = _LEAD_FILLER.sub("", text[_clause_start(text, q.start) : q.start])
        verb = before if rows["object_verb"].fullmatch(before) or _CARRY_VERB.fullmatch(before) else ""
        return verb + obj.group(0)
    return ""



def _shared_measure(text: str, q: Quantity) -> str:
    """"黄金、白银、精炼铜、镍产量分别增长a、b、c、d": the measure after the last member is every member's."""
    span = _label_span(text, q)
    if span is None or span[1] > q.start or rx(r"(?:数|量|额|值|率|次|入|资|模|重|比|价|费|积|收|人|度)$").search(q.indicator):
        return ""
    m = rx(rf"(?:、[\u4e00-\u9fff]{{1,10}}?)+({_bare_label_rows()['shared_measure'].pattern})(?:分别|均)").match(text[span[1] : q.start])
    return q.indicator + m.group(1) if m else ""



def _member_verb(text: str, qs: list[Quantity], i: int) -> str:
    """"新增A学位3000个、B学位15000个", "更新改造A15套、B111公里", "淘汰落后的A产能N吨、B产能M吨": a member
    named right after the 、 that ends the member before keeps that member's verb."""
    q = qs[i]
    ind = q.indicator
    rows = _bare_label_rows()
    if i == 0 or not text.startswith(ind, q.start - len(ind)) or _LEAD_VERB.match(ind) or _OWN_VERB.search(ind) \
            or rx(r"总数|总量|累计|总计|合计|[率比重]$").search(ind) or rows["member_not_noun"].search(ind) \
            or _CARRY_VERB.pattern[1:] and rx(_CARRY_VERB.pattern[1:]).search(ind) or _DONE_VERB.search(ind) \
            or rx(rf"{rows['pair_verb'].pattern}|{rows['member_verb'].pattern}|{_UP}|{_DOWN}").search(ind):
        return ""  # (a member with a verb or a change of its own: "城镇老旧小区改造", "沙化土地治理", "县城新增人口")
    p = qs[i - 1]
    if p.end > q.start or not rx(r"(?:以上|左右)?、").fullmatch(text[p.end : q.start - len(ind)]):
        return ""
    v = rx(rf"(?:{rows['member_scope'].pattern})?((?:{rows['member_verb'].pattern})+)(?=[\u4e00-\u9fff“]{{2}})").match(p.indicator)
    return v.group(1) + ind if v and not _opens_with_verb(ind) else ""


@lru_cache(maxsize=4096)
def _opens_with_verb(label: str) -> bool:
    """jieba's part of speech of the label's first word is a verb ("聚引青年人才")."""
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    first = next(iter(jieba.posseg.cut(label, HMM=False)), None)
    return first is not None and first.flag.startswith("v")



_RATE_PHRASE = re.compile(r"(?:[这近]?[一二三四五六七八九十两]+年(?:间|中|来|内)?|[0-9０-９]+年)?(?:平均)?(?:每年|年均)(?:平均)?")


def _rate_phrase_label(text: str, qs: list[Quantity], i: int) -> str:
    """"…增长9.4%。两年平均每年增长11.9%", "A平均每年增长7.9%，远远超过…二十六年间平均每年增长3.2%": a
    label that is only a yearly-average phrase measures the figure before it, in the same unit, in its
    sentence or, when the phrase opens the sentence, in the sentence before."""
    q = qs[i]
    if i == 0 or not _RATE_PHRASE.fullmatch(q.indicator):
        return ""
    p = qs[i - 1]
    floor = _SENT_FLOOR(text, q.start)
    same = p.end > floor
    opens = rx(rf"[\s\u3000]*{_RATE_PHRASE.pattern}").match(text[floor : q.start]) is not None
    if p.unit != q.unit or not p.indicator or _RATE_PHRASE.fullmatch(p.indicator) or not (same or opens and p.end > _SENT_FLOOR(text, floor - 1)):
        return ""
    label = rx(rf"{_RATE_PHRASE.pattern}$").sub("", _YEAR_PREFIX.sub("", p.indicator))
    return label if len(label) >= 2 else ""



def _budget_verb_tail(q: Quantity) -> str:
    """"赤字率拟按3%安排", "中央预算内投资拟安排7000亿元": the budget verb is no part of the measure."""
    m = rx(r"(?<=[\u4e00-\u9fff”）]{2})拟按?安排(?:、比[^，,；;。]{0,10})?$").search(q.indicator)
    return q.indicator[: m.start()] if m else ""


_FRONT_YEAR = re.compile(r"((?:19|20)\d\d|[０-９]{4})年(?![度以和、至到—－-]|来|起|同期)")


def _label_year(text: str, q: Quantity) -> Quantity:
    """"1979年社会商品零售总额…，增长14.7%" in a review of the year after: a label that opens with the
    year before the row's year dates an actual; "能耗由前三年分别上升A、B、C" dates each member to its
    own year of the three."""
    if q.status != Status.ACTUAL or q.year is None:
        return q
    m = _FRONT_YEAR.match(q.indicator)
    span = _label_span(text, q) if m else None
    if m and int(m.group(1).translate(_FULL_WIDTH_DIGITS)) == q.year - 1 and span is not None \
            and span[1] <= q.start and not _FRONT_YEAR.search(text, span[1], q.start):
        return replace(q, year=q.year - 1)  # (no later year between: "1982年A增长9.8%，1983年增长12.4%")
    f = rx(r"(?:由|从)前([两三四五])年$").search(q.indicator)
    if f:
        n = "两三四五".index(f.group(1)) + 2
        k = text.rfind("分别", max(0, q.start - 40), q.start)
        members = text[k : q.start].count("、") if k >= 0 and not rx(r"[，,；;]").search(text[k : q.start]) else -1
        label = q.indicator[: f.start()]
        if 0 <= members < n:
            return replace(q, indicator=label, year=q.year - n + members, indicator_start=None, indicator_end=None)
        return replace(q, indicator=label, indicator_start=None, indicator_end=None)
    return q


_BASE_YEAR = re.compile(r"(?:是|为|相当于|恢复到|恢复至|达到)((?:19|20)\d\d年|疫情前)(?:同期)?(?:水平)?的(?:[0-9.]+%[、和])*$")


def _bare_measure_subject(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"生产性服务业加速发展，营收增长17.8%": a bare measure takes the subject of the clause before,
    when that clause is a subject with its evaluative predicate and holds no figure."""
    out = []
    for q in qs:
        c = _clause_start(text, q.start)
        if rx(r"(?:营收|营业收入|主营业务收入|产值|总产值|增加值|利润|利润总额|规模)").fullmatch(q.indicator) and c > 0 and text[c - 1] in "，,":
            p = _clause_start(text, c - 1)
            before = text[p : c - 1]
            pred = _PREDICATE.search(before)
            subject = _LEAD_FILLER.sub("", before[: pred.start()]) if pred else ""
            subject = rx(r"^(?:促进|推动|推进|支持|引导|加快|加速|带动)").sub("", subject)  # "促进农产品加工业做大做强"
            if pred and 2 <= len(subject) <= 12 and not any(f.unit for f in find_figures(text, p, c - 1)) \
                    and not _LEAD_VERB.match(subject) and not _CARRY_VERB.match(subject):
                q = replace(q, indicator=subject + q.indicator, indicator_start=None, indicator_end=None)
        out.append(q)
    return out


def _generic_rows() -> list[tuple[str, str, str]]:
    rows = [tuple(line.split("\t")) for line in data_lines("generic_measures.tsv")]
    return [r for r in rows if len(r) == 3]  # type: ignore[misc]


_GENERIC_ROWS = _generic_rows()
_GENERIC_MEASURE = {c: re.compile(p) for c, k, p in _GENERIC_ROWS if k == "measure"}
_TOPIC_HEAD = {c: re.compile(rf"(?:{p})”?") for c, k, p in _GENERIC_ROWS if k == "head"}
_TOPIC_VERB = re.compile("(?:" + "|".join(p for c, k, p in _GENERIC_ROWS if k == "verb") + ")")
_TOPIC_PREDICATE = re.compile("(?:" + "|".join(p for c, k, p in _GENERIC_ROWS if k == "predicate") + ")")
"""loaders/data/generic_measures.tsv: bare measures, the heads of the topics they take, and the
verbs and predicates around a topic."""


def _clause_topic(clause: str, cls: str, verb_ok: bool = True, first: bool = False) -> str:
    """The topic a clause names for a generic measure of class ``cls``: "X深入开展" (X ends in a
    head of the class, a predicate after it) or "举办X" (a topic verb, X up to the clause end)."""
    c = _LEAD_FILLER.sub("", clause.strip())
    v = _TOPIC_VERB.match(c) if verb_ok else None
    body = _LEAD_FILLER.sub("", c[v.end() :]) if v else c
    heads = list(_TOPIC_HEAD[cls].finditer(body))
    for h in reversed(heads):
        if h.end() < len(body) and _TOPIC_PREDICATE.match(body, h.end()):
            x = body[: h.end()]
            break
    else:
        x = body if (v or first and len(body) <= 10) and heads and heads[-1].end() == len(body) and not body.endswith("经济") else ""
        # ("煤炭工业建设，五年投资…": a sentence opening with a bare topic names it)
    if "等" in x and len(x) > 18:
        x = x[x.rindex("等") + 1 :] if len(x) - x.rindex("等") > 4 else ""  # "A、B等特色产业", not "…等集群"
    if not (3 <= len(x) <= 18 or x in ("工业", "农业", "商业")) or rx(r"[0-9０-９，,；;。、]|^(?:的|和|与|及|在|对|为|把|将)").search(rx(r"第[0-9０-９]{1,3}[届次期]").sub("", x)) \
            or _CARRY_VERB.match(x) or _LEAD_VERB.match(x) or _TOPIC_VERB.match(x) \
            or rx(r"(?:重点|骨干|龙头|规上|规模以上|相关|下游|上游)?(?:企业|产业)").fullmatch(x):
        return ""
    return x


def _generic_scope(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"支持A园区发展壮大…，总产值达370亿元", "B大会精彩圆满…，签约项目76个": a label that is only a
    generic measure (loaders/data/generic_measures.tsv) carries the topic of its sentence, the
    nearest clause before it that names one; a sentence that opens with the figure's clause takes a
    short topic sentence before it ("乡村示范建设亮点纷呈。整合投入…、实施项目742个")."""
    out = []
    for q in qs:
        cls = next((c for c, m in _GENERIC_MEASURE.items() if m.fullmatch(q.indicator)), None) if q.indicator else None
        c = _clause_start(text, q.start) if cls is not None else 0
        own = rx(r"、").split(text[c : q.start])[-1] if cls is not None else ""  # the list member's own words
        if cls is not None and not (cls == "projects" and rx(r"全年|全市|全省|全区|全县|全州").search(own)) \
                and sum(1 for o in qs if o.indicator == q.indicator and o.kind == q.kind and _clause_start(text, o.start) == c) == 1 \
                and not _TOPIC_HEAD[cls].search(own.replace(q.indicator, "")):
            # ("全年签约项目…": the year's total, no event's; "新材料产业近三年产值": named in its own
            # clause; "A、B等传统产业…分别实现产值x、y": each member's, not the list's)
            floor = _SENT_FLOOR(text, q.start)
            topic = ""
            while not topic and c > floor and text[c - 1] in "，,；;":
                p = _clause_start(text, c - 1)
                topic = _clause_topic(text[p : c - 1], cls, first=p == floor)
                c = p
            if not topic and floor >= 2 and text[floor - 1] == "。" and c == floor:
                p = _SENT_FLOOR(text, floor - 1)
                if floor - 1 - p <= 16 and not rx(r"[，,；;：:]").search(text[p : floor - 1]):
                    topic = _clause_topic(text[p : floor - 1], cls, verb_ok=False)
                elif cls == "output" and _clause_start(text, q.start) == floor and rx(r"[^，,；;。]*。").match(text[q.end : q.end + 12]):
                    # "石化产业持续…，建设…。产值突破1300亿元。": a one-clause sentence measures the sector the sentence before opens with
                    topic = _clause_topic(text[p : _clause_end(text, p)], cls, verb_ok=False)
            if topic:
                q = replace(q, indicator=topic + rx(r"^全年").sub("", q.indicator), indicator_start=None, indicator_end=None)
        area = rx(r"(新建|新增|新发展|新种植|改造|提升)?面积").fullmatch(q.indicator)
        named = rx(r"“[^”]{2,12}”").search(out[-1].indicator) if area and out and out[-1].unit == q.unit else None
        if named and not any(ch in _SENT_DELIMS for ch in text[out[-1].end : q.start]) and q.start - out[-1].end <= 30:
            # "巩固23万亩“两园一田”建设成果，新建面积12万亩": the area of the named thing just measured
            q = replace(q, indicator=(area.group(1) or "") + named.group(0) + "面积", indicator_start=None, indicator_end=None)
        task = rx(r"(?:完成)?((?:年度|全年)?(?:目标)?任务)").fullmatch(q.indicator)
        if task and q.unit in ("%", "％") and out and out[-1].indicator and out[-1].kind == Kind.COUNT \
                and rx(r"(?:以上|左右)?[，,、]完成" + task.group(1)).fullmatch(text[out[-1].end : q.start]):
            # "参保扩面360万人，完成任务100%": the task is the measure before
            q = replace(q, indicator=out[-1].indicator + task.group(1) + "完成率", indicator_start=None, indicator_end=None)
        out.append(q)
    return out


_MONEY_LEVEL = re.compile(
    r"(?:超过?|过)?(?:[0-9０-９.]+(?:[-—－~～至到][0-9０-９.]+)?|[百千]|[一二三四五六七八九十]+)?(?:亿|万|千万)?(?:美)?元(?:及以上|以上)?")
"""A money level naming a class of projects or firms ("超10亿元", "50-100亿元", "亿元以上")."""


def _sub_levels(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"新备案超10亿元项目80个，其中超50亿元15个、超100亿元8个": a count after 其中 whose words are
    a money level counts the main count's things at that level (新备案超50亿元项目), not at the
    main one's."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.kind != Kind.COUNT:
            continue
        if "其中" not in text[max(0, q.start - 60) : q.start]:
            continue
        c = _clause_start(text, q.start)
        words = rx(r"、").split(text[c : q.start])[-1]
        head = text[c : q.start]
        if not head.startswith("其中"):
            continue
        words = rx(r"^其中").sub("", words)
        level = _MONEY_LEVEL.match(words)
        if not level or level.end() == 0 or not rx(r"[0-9０-９百千亿万]").search(level.group(0)):
            continue
        rest = words[level.end() :]
        main = next((o for o in reversed(out[:i]) if o.kind == Kind.COUNT and o.end < c and rx(r"(?:以上|左右|余)?[，,；;]").fullmatch(text[o.end : c])
                     and (lv := _MONEY_LEVEL.search(o.indicator)) and rx(r"[0-9０-９百千亿万]").search(lv.group(0) or "")), None)
        if main is None:
            continue
        lv = next(m for m in _MONEY_LEVEL.finditer(main.indicator) if rx(r"[0-9０-９百千亿万]").search(m.group(0)))
        tail = main.indicator[lv.end() :]
        if rest and not tail.endswith(rest):
            continue  # "其中50亿元项目2个": the member names the main count's things (or a suffix of them)
        out[i] = replace(q, indicator=main.indicator[: lv.start()] + level.group(0) + tail, indicator_start=None, indicator_end=None)
    return out


_PER_UNIT = re.compile(
    r"(?:[（(][一二三四五六七八九十0-9]+[)）])?((?:各|每个)(?:县（市、区）|县（市）区?|县（区）|县市区|县区|县|区|乡镇（街道）|乡镇|街道|行政村|村|社区|园区|开发区|市（州）|市州|设区市))(?![区市、和及与（])")
"""A distributive subject ("各县（市）…", "每个县（市、区）…"): the figure is a level for each."""


def _per_unit_scope(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"各县（市）结合…，因地制宜发展壮大A、B等1至2个特色产业": a count whose clause (or a clause
    before it in the sentence, no figure between) opens with a distributive subject is a level
    for each of them; its label names them when it has no subject of its own (the noun after the
    figure, or a verb and its object)."""
    out = []
    for q in qs:
        if q.kind == Kind.COUNT and q.indicator and not rx(r"每|各|全").match(q.indicator) and (
                q.indicator_start is not None and q.indicator_start >= q.end or _CARRY_VERB.match(q.indicator)):
            floor = _SENT_FLOOR(text, q.start)
            c = _clause_start(text, q.start)
            scope = None
            while c >= floor:
                m = _PER_UNIT.match(text, c, q.start)
                if m:
                    scope = m.group(1)
                    break
                if c == floor or text[c - 1] not in "，," or rx(r"全市|全省|全州|全县|全区").search(text[c : q.start]):
                    break
                p = _clause_start(text, c - 1)
                if any(f.unit for f in find_figures(text, p, c - 1)):
                    break
                c = p
            if scope:
                q = replace(q, indicator=scope + q.indicator, indicator_start=None, indicator_end=None,
                            kind=Kind.RATIO if scope.startswith("每") else q.kind)
        out.append(q)
    return out


_SIZE_CLASS = re.compile(r"(?:过|超)(?:[0-9０-９.]+|[一二三四五六七八九十两百千]+)?(?:万亿|千亿|百亿|亿|千万|万)元?(?:级)?")
"""A size class after a count ("7个过百亿、12个过50亿项目"): the class, not an amount."""


def _class_counts(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"7个过百亿、12个过50亿项目签约落地": each count is of the things of its size class, named by
    the noun after the last class of the list (过百亿项目, 过50亿项目)."""
    out = []
    for q in qs:
        cls = _SIZE_CLASS.match(text, q.end) if q.kind == Kind.COUNT and len(q.indicator) <= 2 else None
        if cls is not None:
            tail = rx(r"(?:[、和](?:[0-9０-９一二三四五六七八九十两]+个)?" + _SIZE_CLASS.pattern + r")*([\u4e00-\u9fff]{1,8}?)(?=签约|落地|开工|建成|投产|[，,；;。、]|$)").match(
                            text[cls.end() : cls.end() + 60])
            if tail and rx(r"(?:项目|企业|产业|集群|园区|县)$").search(tail.group(1)):
                q = replace(q, indicator=cls.group(0) + tail.group(1), indicator_start=None, indicator_end=None)
        out.append(q)
    return out


# ------------------------------------------------------------------ scope carried by clause




_CS = _kind_patterns("clause_scope.tsv")
_CS_TOTAL = re.compile(r"(.{3,8}?)" + _CS["total"].pattern)
_CS_BARE = re.compile(_CS["bare"].pattern)
_CS_ACTIVITY_OBJECT = re.compile(r"([\u4e00-\u9fff]{2})" + _CS["activity_object"].pattern)
"""loaders/data/clause_scope.tsv: the counted nouns, totals, grades, subject heads, adverbs and
framing subjects of the clause-scope pass."""


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """jieba's dictionary words of two or three characters tagged ``v`` or ``vn`` (a verb lexicon
    read as a file: jieba itself is not started). Empty when jieba is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    return frozenset(w for w, tag in _jieba_words(spec.origin) if tag in ("v", "vn"))


@lru_cache(maxsize=1)
def _jieba_words(origin: str) -> tuple[tuple[str, str], ...]:
    from pathlib import Path

    out = []
    with open(Path(origin).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            w, _, rest = line.partition(" ")
            tag = rest.rstrip("\n").rpartition(" ")[2]
            if 2 <= len(w) <= 3:
                out.append((w, tag))
    return tuple(out)


@lru_cache(maxsize=1)
def _verb_led_nouns() -> frozenset[str]:
    """Three-character words that open with a verb but are none (制造业, 服务业): no verb at their start."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    verbs = _verb_words()
    return frozenset(w for w, tag in _jieba_words(spec.origin) if len(w) == 3 and tag not in ("v", "vn") and w[:2] in verbs)


@lru_cache(maxsize=1)
def _V_ONLY() -> frozenset[str]:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    return frozenset(w for w, tag in _jieba_words(spec.origin) if tag == "v") if spec and spec.origin else frozenset()


def _verb_at(s: str, strict: bool = False) -> bool:
    words = _strict_verbs() if strict else _verb_words()
    if s[:3] in _verb_led_nouns():
        return False
    return s[:2] in words or s[:3] in words or bool(_CS["verb"].match(s))


@lru_cache(maxsize=1)
def _strict_verbs() -> frozenset[str]:
    """The ``v`` words alone (``vn`` words such as 建设, 服务, 行动 are nouns as often as verbs)."""
    v_only = _V_ONLY()
    return frozenset(w for w in _verb_words() if w in v_only)


@lru_cache(maxsize=4096)
def _strict_verb(s: str) -> bool:
    """Whether ``s`` opens with a verb proper, after adverbs only (a subject's predicate)."""
    while (a := _CS["adverb"].match(s)) and a.end() and not _verb_at(s, True):
        s = s[a.end() :]
    return _verb_at(s, True)


@lru_cache(maxsize=4096)
def _starts_with_verb(s: str) -> bool:
    """Whether ``s`` opens with a verb (jieba's ``v`` words), after adverbs and framing."""
    if _verb_at(s):
        return True
    s = _LEAD_FILLER.sub("", s)
    while (a := _CS["adverb"].match(s)) and a.end() and len(s) - a.end() >= 2:
        if _verb_at(s):
            break  # "新增" is a verb, not 新 and 增
        s = s[a.end() :]
    return _verb_at(s)


@lru_cache(maxsize=4096)
def _named_subject(clause: str, agent: bool = False) -> str:
    """The named subject a clause opens with, when a verb follows it: "“A政务地图”上线…",
    "B省实验室累计解决…", "3个C合作园区要建立…" (its head in clause_scope.tsv's subject_head).
    With ``agent``, only a subject that does something the chain goes on with: its clause holds a
    figure, a modal follows it (要, 将), or it is a programme (A行动深入开展)."""
    raw = rx(r"^(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]+[是、]|[—－\-]+)").sub("", clause.strip())
    c = _LEAD_FILLER.sub("", raw)
    framing = raw[: len(raw) - len(c)]
    if _CS["framing"].match(c) or _starts_with_verb(raw) or _starts_with_verb(c) or _LEAD_VERB.match(raw) or _CARRY_VERB.match(raw) \
            or any(_verb_at(framing[k:], True) for k in range(len(framing) - 1)):  # "积极推进A园区创建": an object
        return ""
    for h in rx(_CS["subject_head"].pattern + "”?").finditer(c[:60]):
        rest = c[h.end() :]
        if h.end() < 2 or not rest or (h.end() > 24 and "、" not in c[: h.end()]) or rx(r"[\u4e00-\u9fff]").match(rest) and rest[:1] in "会区园":
            continue
        if _strict_verb(rest):
            s = c[: h.end()]
            if "、" in s:  # a list of subjects is carried only through the count that closes it
                m = rx(r"[0-9０-９一二三四五六七八九十两]+[个家所座条]").search(s)
                s = s[m.start() :] if m and "、" not in s[m.start() :] else ""
            if not s or rx(r"[，,；;：:（(的和及]|^(?:在|对|为|把|将|从|由|以|比|较|同|按|据|其中)|^(?:19|20)\d\d|^[０-９〇○零一二三四五六七八九]{4}年|年计划").search(s) \
                    or any(_verb_at(s[k:], True) for k in range(len(s) // 2)):  # a noun phrase: no verb and object
                return ""
            acts = any(f.unit for f in find_figures(rest)) and not rx(r"(?:已经|已)?(?:达到|达|超过|突破|增长|增加|增至|提高|提升|下降|为|是|有)").match(rest)  # "A园区达到25处": measured, no agent
            if agent and not (acts or rx(r"要|将").match(rest)
                              or _CS["programme"].search(s) and _CS["programme_predicate"].match(rest)):  # "A行动深入开展", not "A工程开工"
                return ""
            return s
    return ""


def _bare_subject(subject: str) -> str:
    """A subject without the count before it ("3个A园区" → A园区)."""
    return rx(r"^[0-9０-９一二三四五六七八九十两]+[个家所座条]").sub("", subject)


def _chain_subject(text: str, q: Quantity) -> str:
    """"“A政务地图”上线高频事项5.6万项，汇聚服务场所近4500个": a label that opens with a verb, in a
    chain of clauses that name no subject of their own, carries the named subject the chain opens
    with (汇聚服务场所 → “A政务地图”汇聚服务场所)."""
    label = q.indicator
    k = q.indicator_start
    if not _strict_verb(label) and not _CS["subject_head"].search(label, 0, 8) \
            and not (k and any(_verb_at(text[j:k], True) for j in range(max(0, k - 5), k - 1))):
        return ""  # (cheap test first: no verb to carry a subject to, no subject's tail, no verb dropped before)
    c = _clause_start(text, q.start)
    own = text[c : q.start]
    segments = own.split("、")
    last = _LEAD_FILLER.sub("", segments[-1]) if 0 < segments[-1].find(label) <= 12 else ""
    if last and not _starts_with_verb(label) and _starts_with_verb(last) and 0 < last.find(label) <= 4:
        label = last[: last.find(label) + len(label)]  # "带动人均年增收": the verb the label code dropped
    if not _strict_verb(label) and not _CS["subject_head"].search(label, 0, 8):
        return ""  # (neither a verb to carry a subject to nor a subject's tail to mend)
    floor = _chain_floor(text, q.start)
    if _CS["framing"].match(own.strip()):
        return ""  # "全市新增…": the place's own figure
    if len(segments) > 1 and _named_subject(segments[0]) and all(_starts_with_verb(s) and not _CS["framing"].match(s) for s in segments[1:]):
        subject = _named_subject(segments[0])  # "A工程吸纳…7780人、带动人均年增收…"
    elif _named_subject(own):
        subject = _named_subject(own)  # the label's own clause names it: only a label cut inside it is mended
        overlap = next((k for k in range(min(len(subject), len(label)) - 1, 1, -1) if label.startswith(subject[-k:])), 0)
        return subject[:-overlap] + label if overlap and subject not in label and _starts_with_verb(label[overlap:]) else ""
    elif not _starts_with_verb(own):
        return ""  # a subject of its own, unnamed
    else:
        subject = ""
        while not subject:
            if c <= floor or text[c - 1] not in "，,；;":
                return ""
            p = _clause_start(text, c - 1)
            clause = text[p : c - 1]
            if _CS["framing"].match(clause.strip()):
                return ""
            subject = _named_subject(clause, agent=True)
            if not subject and (any(f.unit for f in find_figures(clause)) or _named_subject(clause) or not _starts_with_verb(clause)):
                return ""
            c = p
    core = _bare_subject(subject)
    head = _CS["subject_head"].search(core[-4:] if len(core) >= 4 else core)
    if not subject or core in label or (head and head.group(0) in label):
        return ""
    return subject + label if _strict_verb(label) else ""


def _modal_subject(text: str, q: Quantity) -> str:
    """"A经开区要不断壮大…四大主导产业，力争规上工业企业超250家": a sentence that opens with a named
    subject and a modal (要, 将) sets that subject's targets; a measure that opens a later clause of it
    is the subject's (A经开区规上工业企业), as long as every clause between opens with a verb."""
    label = q.indicator
    if not label or len(label) > 16 or _starts_with_verb(label):
        return ""
    c = _clause_start(text, q.start)
    segments = [_LEAD_FILLER.sub("", x) for x in text[c : q.start].split("、")]
    if not segments[-1].startswith(label) or _starts_with_verb(segments[0]):
        return ""  # the measure opens its clause, or a later member of a list of measures
    floor = _chain_floor(text, q.start)
    while c > floor and text[c - 1] in "，,；;":
        p = _clause_start(text, c - 1)
        clause = text[p : c - 1]
        if p <= floor:
            subject = _named_subject(clause)
            rest = _LEAD_FILLER.sub("", clause.strip())[len(subject) :] if subject and _LEAD_FILLER.sub("", clause.strip()).startswith(subject) else ""
            core = _bare_subject(subject)
            if subject and rx(r"要|将").match(rest) and core not in label:
                return subject + label
            return ""
        if _CS["framing"].match(clause.strip()) or not _starts_with_verb(clause) or _named_subject(clause):
            return ""
        c = p
    return ""


@lru_cache(maxsize=4096)
def _chain_floor(text: str, offset: int) -> int:
    """Start of the sentence holding ``offset``, across the line breaks of a wrapped page
    ("…协会，⏎⏎推动…": a break after a comma is inside the sentence). Cached like
    :func:`_clause_start`."""
    i = offset
    while (d := _last_of(text, _SENT_DELIMS, i)) >= 0:  # (from delimiter to delimiter back)
        if text[d] != "\n":
            return d + 1
        if not _soft_break(text, d):
            j = d
            while j > 0 and text[j - 1] in " \t\u3000\n":
                j -= 1
            line = text[text.rfind("\n", 0, j) + 1 : j].strip()
            if j == 0 or text[j - 1] not in "，,、；;" and (len(line) < 24 or text[j - 1] in "。！？!?：:"):
                return d + 1  # a heading or a finished line; a long line cut mid-clause goes on
        i = d
    return 0


def _counted_scope(text: str, qs: list[Quantity], i: int) -> str:
    """"重点推进5亿元以上制造业项目60个，A、B等15个项目开工建设": a count whose label is only a generic
    counted noun and its stage (项目开工建设) counts the things a count before it in the sentence
    names (5亿元以上制造业项目开工建设); with none, the short topic sentence before names them
    ("钒钛新材料迈向中高端。…推动A等15个项目竣工投产")."""
    q = qs[i]
    m = _CS["counted"].match(q.indicator) if q.kind == Kind.COUNT else None
    if not m or not rx(r"等$").search(text[max(0, q.start - 2) : q.start]):
        return ""
    stage = q.indicator[m.end() :]
    if stage and not (_starts_with_verb(stage) or _DONE_VERB.match(stage)):
        return ""
    core = rx(r"^(?:重大|重点)").sub("", m.group(0))
    floor = _chain_floor(text, q.start)
    for o in reversed(qs[:i]):
        if o.end <= floor:
            break
        noun = _noun_of(_LEAD_FILLER.sub("", rx(r"^[—－\-]+").sub("", o.indicator)))
        member = rx(r"[^，,；;。]{0,24}?[、和及与][0-9０-９一二三四五六七八九十]+[个项家所]").match(text[o.end : o.end + 40]) or any(
            p.end < o.start and rx(r"[、和及与][^，,；;。]{0,24}|[^，,；;。]{0,24}[、和及与]").fullmatch(text[p.end : o.start]) for p in qs) \
            or rx(r"[、和及与]").match(text[o.end : o.end + 1])  # "A项目N个、B项目M个": which of them is unsaid
        if o.kind == Kind.COUNT and o.unit == q.unit and noun.endswith(core) and "等" not in noun and not member \
                and o.value >= q.value and not rx(r"[；;]").search(text[o.end : q.start]):  # (a set of 17 holds no 69)
            modifier = noun[: -len(core)]
            if m.group(0) != core and rx(r"(?:重大|重点)$").search(modifier):
                modifier = modifier[:-2]  # "A重点项目" and "等N个重点项目…": one 重点
            modifier = _LEAD_FILLER.sub("", rx(r"^[—－\-\s]+").sub("", modifier) + core)[: -len(core)]
            if len(modifier) >= 2 and not _starts_with_verb(modifier) and not rx(r"[（()），,；;：:]").search(modifier):
                return modifier + q.indicator
    c = _clause_start(text, q.start)
    if c > floor and text[c - 1] in "，,":
        np = _activity_before(text[_clause_start(text, c - 1) : c - 1])
        if np and core not in np:
            return np + q.indicator  # "深入开展A攻坚，抓好…等16个专项整治行动"
    if floor >= 2 and text[floor - 1] == "。":
        p = _chain_floor(text, floor - 1)
        topic = rx(r"\s").sub("", text[p : floor - 1])
        if 4 <= len(topic) <= 14 and rx(r"[\u4e00-\u9fff“”]+").fullmatch(topic) and not _LEAD_FILLER.match(topic) and not _starts_with_verb(topic):
            for k in range(2, min(9, len(topic) - 1)):
                if _strict_verb(topic[k:]):
                    subject = topic[:k]
                    if not _starts_with_verb(subject) and not _CS["framing"].match(subject) and core not in subject \
                            and not _LEAD_FILLER.match(subject):
                        return subject + q.indicator
                    break
    return ""


def _total_scope(text: str, qs: list[Quantity], i: int) -> str:
    """"新增建筑业一级资质企业4家、二级资质企业313家，资质企业总数达859家": a total over the members
    counted before it in the sentence keeps their scope (建筑业资质企业总数), not a member's grade."""
    q = qs[i]
    m = _CS_TOTAL.fullmatch(q.indicator)
    if not m or _starts_with_verb(m.group(1)):
        return ""
    x = m.group(1)
    floor = _SENT_FLOOR(text, q.start)
    for o in reversed(qs[:i]):
        if o.end <= floor:
            break
        noun = _noun_of(_LEAD_FILLER.sub("", o.indicator))
        if noun.endswith(x) and len(noun) > len(x):
            modifier = noun[: -len(x)]
            while g := _CS["grade"].search(modifier):
                modifier = modifier[: g.start()]
            if len(modifier) >= 2 and not _starts_with_verb(modifier) and not rx(r"[（()），,；;：:“”]").search(modifier) \
                    and not _verb_at(modifier[-2:], True):
                return modifier + q.indicator
    return ""


def _subset_scope(text: str, qs: list[Quantity], i: int) -> str:
    """"净增经营主体3.08万户，其中企业1.29万户", "引进项目492个，其中亿元项目115个", "实际利用外资
    88亿美元，其中制造业占比51.5%": a figure after 其中 is part of the set the figure before it counts:
    a short label names the set (经营主体中企业), a noun keeps the set's verb (引进亿元项目)."""
    q = qs[i]
    if "其中" not in text[max(0, q.start - 60) : q.start]:
        return ""
    c = _clause_start(text, q.start)
    if not rx(r"\s*其中(?!有)").match(text[c : q.start]) or _strict_verb(q.indicator) or q.indicator.startswith("其中"):
        return ""
    floor = _chain_floor(text, q.start)
    share = rx(r"[\u4e00-\u9fff]{1,4}(?:占比|比重)").fullmatch(q.indicator)
    main = next((o for o in reversed(qs[:i]) if floor <= o.start and o.end < c and o.indicator
                 and (not share or o.kind == Kind.AMOUNT or o.kind == Kind.COUNT)), None)  # a share: of the amount, past its change
    if main is None or (q.kind == Kind.COUNT) != (main.kind == Kind.COUNT) or rx(r"[。；;]").search(text[main.end : c]):
        return ""
    if main.kind != Kind.COUNT and main.kind != q.kind and not (q.kind == Kind.RATIO and main.kind == Kind.AMOUNT):
        return ""
    verb = _VERB_PREFIX.match(main.indicator)
    noun = _noun_of(main.indicator)
    if len(noun) < 2 or (noun in q.indicator and len(noun) > 2) or q.indicator in noun or rx(r"[、，,（(]").search(noun):
        return ""
    if share and main.kind == Kind.AMOUNT:
        return noun + "中" + q.indicator  # "实际利用外资中制造业占比"
    if verb and main.kind == q.kind and not _VERB_PREFIX.match(q.indicator) and not _starts_with_verb(q.indicator):
        return verb.group(0) + q.indicator  # "引进亿元项目"
    if len(q.indicator) <= 3 and main.kind == q.kind:
        return noun + "中" + q.indicator  # "经营主体中企业"
    return ""


def _object_scope(text: str, q: Quantity) -> str:
    """"加快发展普惠托育机构，覆盖率提高到60%以上": a bare measure alone in its clause (clause_scope.tsv's
    ``bare``) measures what the clause before acts on, its object after the verbs
    (普惠托育机构覆盖率); not when that clause holds a figure of its own."""
    if not _CS_BARE.fullmatch(q.indicator):
        return ""
    c = _clause_start(text, q.start)
    own = _LEAD_FILLER.sub("", text[c : q.start])
    if not own.startswith(q.indicator) or c == 0 or text[c - 1] not in "，,":
        return ""
    p = _clause_start(text, c - 1)
    clause = text[p : c - 1].strip()
    if p < _chain_floor(text, q.start) or any(f.unit for f in find_figures(clause)):
        return ""
    np, verbs = _object_after_verbs(clause, "和与并及")
    if not verbs or not 2 <= len(np) <= 16 or rx(r"[，,；;：:（()）“”]|等|了|的$|^[着过到出起]|(?:力|水平|作用|效能|质效)$").search(np) or _starts_with_verb(np) \
            or any(_verb_at(np[k:], True) for k in range(len(np) // 2)) or _CS["framing"].match(np):
        return ""
    return np + q.indicator


def _activity_scope(text: str, q: Quantity) -> str:
    """"深入开展交通秩序和校园周边环境整治，解决6700多个问题": a verb and a bare object alone in their
    clause (解决问题, 惠及群众) are the result of the activity the clause before opens (its object, ending
    in clause_scope.tsv's ``activity``): 交通秩序和校园周边环境整治解决问题."""
    m = _CS_ACTIVITY_OBJECT.fullmatch(q.indicator)
    if not m or not _verb_at(m.group(1), True):
        return ""
    c = _clause_start(text, q.start)
    own = _LEAD_FILLER.sub("", text[c : q.start])
    if not own.startswith(m.group(1)) or c == 0 or text[c - 1] not in "，,":
        return ""
    p = _clause_start(text, c - 1)
    if p < _chain_floor(text, q.start):
        return ""
    np = _activity_before(text[p : c - 1])
    return np + q.indicator if np else ""


def _activity_before(clause: str) -> str:
    """The activity a clause opens ("深入开展A整治" → A整治): its object after the verbs, ending in
    clause_scope.tsv's ``activity``; none when the clause holds a figure."""
    clause = clause.strip()
    if any(f.unit for f in find_figures(clause)):
        return ""
    np, verbs = _object_after_verbs(clause)
    if not verbs or not 4 <= len(np) <= 24 or not rx(_CS["activity"].pattern + "”?$").search(np) \
            or rx(r"[，,；;：:（()）]|等|了|的$|^以").search(np) or _starts_with_verb(np) or _CS["framing"].match(np):
        return ""
    return np



def _object_after_verbs(clause: str, conjunctions: str = "") -> tuple[str, int]:
    """A clause's object after its leading verbs and fillers (at most five steps), and how many
    verbs were passed; a leading conjunction in ``conjunctions`` is skipped like a verb."""
    np, verbs = clause, 0
    for _ in range(5):
        stripped, np = np, _LEAD_FILLER.sub("", np)
        verbs += any(_verb_at(stripped[k : len(stripped) - len(np)], True) for k in range(len(stripped) - len(np) - 1))
        if _verb_at(np):
            np = np[3:] if np[:3] in _verb_words() else np[2:]
            verbs += 1
        elif conjunctions and np[:1] in conjunctions:
            np = np[1:]
        else:
            break
    return np, verbs

def _result_scope(text: str, qs: list[Quantity], i: int) -> str:
    """"全市完成40个老旧小区改造，惠及居民3.4万户": a result verb and its object alone in their clause
    (clause_scope.tsv's ``result``) say what the figure just before brought about: 老旧小区改造惠及居民."""
    q = qs[i]
    label = q.indicator
    if i == 0 or not label or len(label) > 6 or "惠及" not in text[q.start - 12 : q.start] and not _CS["result"].match(label):
        return ""
    c = _clause_start(text, q.start)
    own = _LEAD_FILLER.sub("", text[c : q.start])
    m = _CS["result"].match(own)
    if m and not _CS["result"].match(label) and own[m.end() :].startswith(label):
        label = m.group(0) + label  # "惠及居民": the verb the label code dropped
    if not m or not label.startswith(m.group(0)) or c == 0 or text[c - 1] not in "，,、" or rx(r"[面率]$").search(label):
        return ""  # (覆盖面, 覆盖率: a rate of the programme, not a result of the figure before)
    o = qs[i - 1]
    gap = text[o.end : c - 1]
    if not o.indicator or o.end < _clause_start(text, c - 1) or not (rx(r"(?:以上|左右|余|多)?").fullmatch(gap) or gap in o.indicator) \
            or rx(r"[、，,]|^每").search(o.indicator) or len(o.indicator) > 16 or _CS["result"].search(o.indicator):
        return ""
    return o.indicator + label


def _clause_scope(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A label that does not say what it counts, or whose, carries the scope its sentence names
    earlier: the things a count before it names (等N个项目), the members a total sums, or the named
    subject a chain of clauses opens with (loaders/data/clause_scope.tsv)."""
    out = list(qs)
    for i, q in enumerate(out):
        if not q.indicator:
            continue
        label = _counted_scope(text, out, i) or _total_scope(text, out, i) or _subset_scope(text, out, i) or _chain_subject(text, q) \
            or _object_scope(text, q) or _activity_scope(text, q) or _result_scope(text, out, i) or _modal_subject(text, q)
        if label and label != q.indicator:
            out[i] = replace(q, indicator=label, indicator_start=None, indicator_end=None)
    return out


_SCOPE_SUBJECT = re.compile(r"(?:产业)?园区|开发区|高新区|经开区|工业园区|县域")
_SCOPE_RATE = re.compile(r"[\u4e00-\u9fff]{2,10}(?:集中度|占比|比重|贡献率|亩均[\u4e00-\u9fff]{1,4})")


def _scope_carried(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"园区新增规上工业企业600户左右，主导产业集中度提升至55%": the rate of the clause after is the
    scope's (the sentence's subject names the parks once)."""
    out = list(qs)
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        scope = _SCOPE_SUBJECT.match(prev.indicator)
        gap = text[prev.end : q.start]
        if scope and _SCOPE_RATE.fullmatch(q.indicator) and not _SCOPE_SUBJECT.match(q.indicator) \
                and len(gap) <= 30 and rx(r"[，,]").search(gap) and not rx(r"[。；;！？!?\n]").search(gap) \
                and _clause_start(text, q.start) > prev.end and q.indicator_start == _clause_start(text, q.start):
            out[i] = replace(q, indicator=scope.group(0) + q.indicator, indicator_start=None, indicator_end=None)
    return out


def _of_base_year(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"接待游客…，分别是2019年的113.7%和118.6%": a share of a past year's level names that year."""
    out = []
    for q in qs:
        if q.kind == Kind.RATIO and q.unit == "%" and q.indicator:
            m = _BASE_YEAR.search(text, _clause_start(text, q.start), q.start)
            if m and m.end() == q.start and m.group(1) not in q.indicator:
                q = replace(q, indicator=rx(r"(?:恢复|达到|分别)+$").sub("", q.indicator) + "相当于" + m.group(1) + "的", indicator_start=None, indicator_end=None)
        out.append(q)
    return out


_MULTI_YEAR = re.compile(r"先后|(?<![0-9０-９第])[两三四五六七八九十]年(?![度底末初])|年均|累计|十[一二三四五六七八九]五(?:期间|时期|以来)")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_MULTI_YEAR_PART = re.compile(r"五年|十[一二三四五六七八九]五")
_ONE_YEAR_PART = re.compile(r"一年|(?:19|20)\d\d年")
"""Sentences and part titles about several years (five-year reviews)."""


def _period(report: Report, text: str, q: Quantity, review_year: int | None) -> str:
    """multi-year when the sentence is about several years (五年来, 年均, 累计, "十四五"时期)
    or the figure sits in a five-year review part, unless its paragraph last named the
    review year itself ("2012年，…", "刚刚过去的2017年", "去年")."""
    sent = report.sentence_at(q.start) if report.sentences else None
    sentence = sent.text if sent is not None else text[_sentence_start(report, text, q.start) : _clause_end(text, q.end)]
    if search_opening(_MULTI_YEAR, _OPENS[_MULTI_YEAR], sentence):
        return "multi-year"
    part, _sec = report.locate(q.start)
    if part is None or not _MULTI_YEAR_PART.search(part.title) or _ONE_YEAR_PART.search(part.title) or rx(r"开好局|起好步|开局之年|今年").search(part.title):
        return "year"
    head = text[_paragraph_start(report, text, q.start) : q.start].translate(_FULL_WIDTH_DIGITS)
    one = [m.end() for m in rx((rf"{review_year}年(?!以来)|" if review_year else "") + r"去年|过去一年|过去的一年|刚刚过去的一年|"
        + _THIS_YEAR.pattern).finditer(head)]
    many = [m.end() for m in rx(r"[两三四五六七八九十]年(?:来|间|中|里)?|年均|累计|五年|十[一二三四五六七八九]五").finditer(head)]
    return "year" if one and one[-1] > (many[-1] if many else -1) else "multi-year"


_LEVEL_CLASS = re.compile(r"[\u4e00-\u9fff（）()]{1,8}?级(?:以上|及以上)?|(?:国家|中央|省|市|州|县|区)定")
"""A level of government naming a class ("国家级", "乡（镇）级", "省级以上")."""


def _level_lists(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"新增2家国家级、20家省级创新平台": counts of levels share the noun after the last level
    and the verb before the first."""
    out = list(qs)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j].kind == Kind.COUNT and out[j + 1].kind == Kind.COUNT \
                and out[j].unit == out[j + 1].unit and _LEVEL_CLASS.fullmatch(text[out[j].end : out[j + 1].start].rstrip("、和")) \
                and text[out[j + 1].start - 1] in "、和" and out[j].indicator.endswith(text[out[j].end : out[j + 1].start - 1]):
            j += 1
        last = _LEVEL_CLASS.match(out[j].indicator) if j > i else None
        noun = out[j].indicator[last.end() :] if last else ""
        if last and len(noun) >= 2 and not noun.startswith(("、", "和", "及")) and not _LEVEL_CLASS.match(noun):
            level0 = text[out[i].end : out[i + 1].start - 1]
            verb = out[i].indicator[: len(out[i].indicator) - len(level0)]
            if len(verb) > 6:
                verb = ""
            for k in range(i, j + 1):
                ind = out[k].indicator
                if k < j:
                    ind = ind + noun
                if k > i and verb and not ind.startswith(verb):
                    ind = verb + ind
                out[k] = replace(out[k], indicator=ind, indicator_start=None, indicator_end=None)
        i = j + 1
    return out


_AWARD = re.compile(r"(?:被评为|被认定为|被命名为|被列为|获评|获批|入选|荣获)[^，,；;。]{2,}")
"""The award or approval a list of counted nouns received ("…被评为省级示范点")."""


def _shared_awards(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"5个镇街、10个基地被评为省级示范点": the bare counted noun of each earlier member
    takes the award the last member's noun received."""
    out = list(qs)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if a.kind != Kind.COUNT or b.kind != Kind.COUNT or text[a.end : b.start] != a.indicator + "、":
            continue
        m = _AWARD.search(b.indicator)
        if m and m.start() >= 1 and 1 <= len(a.indicator) <= 6 and not _AWARD.search(a.indicator) \
                and rx(r"[\u4e00-\u9fff]+").fullmatch(a.indicator):
            out[i - 1] = replace(a, indicator=a.indicator + m.group(0), indicator_start=None, indicator_end=None)
        # "2家企业获评A级、8家企业获评B级环保绩效企业": the grade is of the class the last member names
        grade = rx(r"(?:获评|评为|被评为|评定为)[A-Za-zＡ-Ｚ]{1,3}[+-]?级$").search(a.indicator)
        named = rx(r"(?:获评|评为|被评为|评定为)[A-Za-zＡ-Ｚ]{1,3}[+-]?级(?:[（(][^）)]*[）)])?([\u4e00-\u9fff“”]{2,12})$").search(b.indicator)
        if a.kind == Kind.COUNT and b.kind == Kind.COUNT and grade and named and text[a.end : b.start] in (a.indicator + "、", a.indicator + "和"):
            out[i - 1] = replace(a, indicator=a.indicator + named.group(1), indicator_start=None, indicator_end=None)
    return out


_BARE_FUNDS = ("资金", "资金支持", "支持资金", "补助资金", "奖补资金", "债券资金")


def _bare_funds(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare "资金" names whose funds: the source after 获得/争取 in its clause ("获得国家X试点
    首批5亿元资金支持"), or the projects counted just before ("争取新增国债项目31个，资金2.91亿元")."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.indicator not in _BARE_FUNDS or q.kind != Kind.AMOUNT:
            continue
        cs = _clause_start(text, q.start)
        head = text[cs : q.start]
        if head.endswith(q.indicator):
            head = head[: -len(q.indicator)]
        m = rx(r"(?:获得|争取到|争取|获批|得到)([\u4e00-\u9fff“”]{2,20}?)(?:首批|第[一二三四五六七八九十]批|专项)?$").search(head)
        if m and not rx(r"[、和及与]").search(m.group(1)):
            name = m.group(1)
        elif head == "" and i > 0 and out[i - 1].kind == Kind.COUNT and cs > 0 and text[cs - 1] in "，," \
                and out[i - 1].end == cs - 1 and rx(r"项目$").search(out[i - 1].indicator):
            name = out[i - 1].indicator
        else:
            continue
        out[i] = replace(q, indicator=name + q.indicator, indicator_start=None, indicator_end=None)
    return out


_BARE_BUDGET = re.compile(
    r"(?:中央|国家|各级|省级?|市级?|地方)?(?:和地方)?财政(?:将|要|还将|共|累计|已)?(?:安排|投入|拨付|下达|补助|支出|筹措|落实)(?:资金)?")
"""A budget verb with no purpose ("中央财政将投入60亿元"): the purpose is in the clause after
("，用于支持…") or, failing that, the clause before ("继续实施农村中小学危房改造，")."""


def _bare_budget(text: str, qs: list[Quantity]) -> list[Quantity]:
    out = list(qs)
    for i, q in enumerate(out):
        if q.kind == Kind.CHANGE or not _BARE_BUDGET.fullmatch(q.indicator):
            continue
        sent_end = _first_of(text, "。；;\n", q.end)
        purpose = rx(r"[，,](?:专项|主要|重点)?(用于|支持|帮助|对)([^，,；;。]{2,24})").search(text[q.end : sent_end])
        if purpose is not None and not any(f.unit for f in find_figures(purpose.group(2))):
            verb = "用于" if purpose.group(1) == "用于" else "用于" + purpose.group(1)
            out[i] = replace(q, indicator=q.indicator + verb + purpose.group(2), indicator_start=None, indicator_end=None)
            continue
        cs = _clause_start(text, q.start)
        if cs > 0 and text[cs - 1] in "，,":
            prev = text[_clause_start(text, cs - 1) : cs - 1].strip()
            prev = rx(r"^(?:今年|去年|同时|此外|另外|继续|进一步|加快|大力|积极|全面)+").sub("", prev)
            if 4 <= len(prev) <= 20 and not any(f.unit for f in find_figures(prev)) and rx(r"[\u4e00-\u9fff“”《》]+").fullmatch(prev):
                out[i] = replace(q, indicator=prev + q.indicator, indicator_start=None, indicator_end=None)
    return out


_EXCEEDING_PLAN = re.compile(r"(?:超|超过|超出)(?:年度|年初|全年|序时)?(?:计划|目标任务|目标|任务)(?:进度)?")
"""By how much a measure beat its plan ("完成投资2929亿元、超年度计划28%")."""


def _exceeding_plan(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"N个项目完成投资A、超年度计划28%": the excess is of the measure just before it (member by
    member after a 分别 list: "分别完成投资A、B，超目标任务42个、23个百分点")."""
    out = list(qs)
    i = 0
    while i < len(out):
        cs = _clause_start(text, out[i].start)
        m = rx(rf"(?:^|(?<=[、，,]))({_EXCEEDING_PLAN.pattern})$").search(text[cs : out[i].start])
        head = m.group(1) if m else ""
        sep = cs + m.start(1) - 1 if m else -1
        j = i
        while j + 1 < len(out) and rx(r"[、和及]").fullmatch(text[out[j].end : out[j + 1].start]):
            j += 1
        n = j - i + 1
        if head and i >= n and sep >= 0 and text[sep] in "，,、":
            before = out[i - n : i]
            if all(b.indicator for b in before) and before[-1].end == sep and not any(
                    c in text[before[0].start : out[i].start] for c in "。；;！？"):
                for k in range(n):
                    out[i + k] = replace(out[i + k], indicator=before[k].indicator + head, indicator_start=None, indicator_end=None)
        i = j + 1
    return out


def _respectively(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"A、B分别增长x、y": x measures A and y measures B (also 城乡… → 城镇…, 农村…)."""
    out = list(qs)
    i = 0
    while i < len(out):
        q = out[i]
        head = text[_clause_start(text, q.start) : q.start]
        j = i
        while j + 1 < len(out) and rx(r"(?:以上|左右|以内)?[、和及与]").fullmatch(text[out[j].end : out[j + 1].start]
        ):
            j += 1
        n = j - i + 1
        if "分别" not in head:
            names = _unmarked_respective(text, out, i, n)
            if names:
                for k in range(n):
                    out[i + k] = replace(out[i + k], indicator=names[k], indicator_start=None, indicator_end=None)
            i = j + 1
            continue
        if n >= 2:
            # "分别增长5.2%、6.4%左右": the closing qualifier speaks for every member
            last_q = out[j].qualifier
            if last_q != Qualifier.NONE and all(out[k].qualifier == Qualifier.NONE for k in range(i, j)):
                for k in range(i, j):
                    out[k] = replace(out[k], qualifier=last_q)
            # "分别突破900亿元、3000亿元": a verb before the first member speaks for every member
            first_q = _prefix_qualifier(head.split("分别")[-1])[1]
            if first_q in (Qualifier.GT, Qualifier.GE) and out[i].qualifier == first_q and all(
                out[k].qualifier == Qualifier.NONE for k in range(i + 1, j + 1)
            ):
                for k in range(i + 1, j + 1):
                    out[k] = replace(out[k], qualifier=first_q)
            names = (_clause_subjects(text, q.start, head, n) or _split_subjects(q.indicator, n)
                     or _previous_members(text, out, i, n, head))
            if names:
                for k in range(n):
                    out[i + k] = replace(out[i + k], indicator=names[k], indicator_start=None, indicator_end=None)
        i = j + 1
    return out


def _split_subjects(indicator: str, n: int) -> list[str] | None:
    ind = rx(r"分别$").sub("", indicator)
    ind = rx(r"(、[^、等]{1,8}?)(?<![高中平初同对均])等(?=[^、等“”\"「」]{2,}$)").sub(r"\1", ind)  # "A、B、C等产业增加值": 等 closes the list
    if n == 2 and ind.startswith("城乡") and "、" not in ind:
        rest = ind[2:]
        return ["城镇" + rest, "农村" + rest]
    if n == 3 and rx(r"三次产业(?:增加值)?").fullmatch(ind):  # "三次产业分别增长5%、9%、6%"
        return [f"第{k}产业增加值" for k in "一二三"]
    if n == 3 and (bare3 := rx(r"一二三产(?:业)?(.*)").fullmatch(ind)):  # "一二三产增加值分别增长…"
        return [f"第{k}产业" + bare3.group(1) for k in "一二三"]
    ordinal = rx(r"((?:[一二三]、)+[一二三])产业?(.*)").fullmatch(ind)
    if ordinal and len(ordinal.group(1).split("、")) == n:  # "一、二、三产业增加值分别增长…"
        return ["第" + k + "产业" + ordinal.group(2) for k in ordinal.group(1).split("、")]
    pair = rx(r"收支|进出口|存贷款|客货运").search(ind)
    if n == 2 and pair:  # "一般公共预算收支分别…x、y": x the revenue, y the expenditure
        first, second = {"收支": ("收入", "支出"), "进出口": ("进口", "出口"), "存贷款": ("存款", "贷款"),
                         "客货运": ("客运", "货运")}[pair.group(0)]
        return [ind[: pair.start()] + first + ind[pair.end():], ind[: pair.start()] + second + ind[pair.end():]]
    levels = rx(r"(.{1,3})、(.{1,3})两级(.+)").fullmatch(ind)
    if n == 2 and levels:  # "市、县两级财政科技支出": 市级…, 县级…
        return [levels.group(1) + "级" + levels.group(3), levels.group(2) + "级" + levels.group(3)]
    items = [x for x in rx(r"[、和与]|(?<=[\u4e00-\u9fff]{2})及(?=[\u4e00-\u9fff]{2})").split(ind) if x]
    if len(items) != n:
        items = [x for x in rx(r"[、和]").split(ind) if x]
    if len(items) != n:
        items = [x for x in ind.split("、") if x]  # "金融业、软件和信息服务业增加值": 和 inside a member
        if rx(r"加快|提升|推动|推进|实现|转型|发展|建设").search(items[-1] if items else ""):
            return None  # a clause with its predicate, not a list of names
    if len(items) != n:
        return None
    own_first = _OWN_MEASURE_END.search(items[0]) or rx(r"(?<=[\u4e00-\u9fff]{2})(?:资产|数量)$").search(items[0])
    if own_first is not None and own_first.start() >= 2 and all(_OWN_MEASURE.fullmatch(x) for x in items[1:]):
        # "园区亩均产值和税收分别…": the later measures share the first member's subject
        subject = items[0][: own_first.start()]
        return [items[0]] + [subject + x for x in items[1:]]
    area = rx(r"(?:播种|种植)?面积$").search(items[0])
    if area is not None and area.start() >= 2 and n == 2 and rx(r"(?:总)?产量|单产").fullmatch(items[1]):
        return [items[0], items[0][: area.start()] + items[1]]  # "粮食播种面积与产量稳定在A、B": 粮食产量
    event = rx(r"(?:发生)?起数$").search(items[0])
    if event is not None and event.start() >= 2 and all(rx(r"(?:死亡|受伤|伤亡|失踪)人数|(?:直接)?经济损失").fullmatch(x) for x in items[1:]):
        # "生产安全事故起数和死亡人数分别下降…": the deaths are the accidents' too
        return [items[0]] + [items[0][: event.start()] + x for x in items[1:]]
    last = items[-1]
    head = _HEAD_NOUN.search(last, 2)
    done = []
    for it in items[:-1]:
        if rx(r"(?:人次|人数|数量|总量|吞吐量|接待量|量|额|(?<![指系参倍])数)$").search(it) and len(it) >= 3:
            done.append(it)  # "接待游客人次、旅游综合收入": a member that is a measure of its own
            continue
        # "新能源、…、新一代信息技术产业产值": the earlier items share the last one's head noun
        # (parallel verbs "新开工、新竣工…项目" share everything after the verb)
        sector_only = head is not None and head.group(0) not in _SECTOR_HEADS and bool(_HEAD_NOUN.search(it)) and all(
            h in _SECTOR_HEADS for h in _HEAD_NOUN.findall(it)) and it.endswith(_SECTOR_HEADS)
        if head and (not _HEAD_NOUN.search(it) or sector_only) and not _CARRY_VERB.fullmatch(it) \
                and not rx(r"(?:人次|人数|数量|总量|吞吐量|量|额|数)$").search(it):
            # ("新能源产业、装备制造业增加值": a sector member takes the measure too)
            tail = last[head.start():]
            if tail == "率":  # "中心城区及各县（市）生活污水集中收集率": the rate's whole name
                tail = rx(r"^(?:各?[\u4e00-\u9fff]{1,3}（[^）]*）|各[\u4e00-\u9fff]{1,2}(?:[县市区州]|乡镇))").sub("", last)
            k = max((k for k in range(len(tail), 0, -1) if it.endswith(tail[:k])), default=0)
            done.append(it + tail[k:])  # "互市贸易、…贸易额": 互市贸易额, not 互市贸易贸易额
        # "城镇、农村居民人均可支配收入": equal-length modifiers
        elif len(it) < len(last):
            # "城镇居民、农村居民人均…", "民间投资、…工业投资占比": what follows the word they
            # share in the last member; else equal-length modifiers ("城镇、农村…")
            pad = ""
            per_head = last.find("人均")
            if per_head > 0 and "人均" not in it and rx(r"人均[\u4e00-\u9fff]{0,8}标准").fullmatch(last[per_head:]):
                pad = last[per_head:]  # "居民医保和公共卫生服务经费人均财政补助标准": a per-head standard both have
            for k in range(len(it), 1, -1):
                if pad:
                    break
                pos = last.find(it[-k:])
                if pos >= 0 and pos + k < len(last):
                    pad = last[pos + k :]
                    if rx(r"[与和及]").match(pad):
                        # "A信用贷款、B信用贷款与抵押贷款改革试点": the next member's conjunct is no part
                        end = pad.rfind(it[-2:])
                        pad = pad[end + 2 :] if end > 0 else ""
                    break
            if not pad and it.endswith("级") and "级" in last[:-2]:
                pad = last[last.index("级") + 1 :]  # "国家级、部级创新平台": 国家级创新平台
            if not pad and not _HEAD_NOUN.search(it) and len(last) - len(it) >= 2 and not _COUNTED_MEMBER.search(it) and not rx(r"(?:实现|完成|达到|接待|举办|开展|新增|引进)").match(last) and not rx(r"(?:实现|完成|接待|举办|开展|新增|引进)").match(it):
                # ("接待游客、实现旅游总花费": members with verbs of their own share nothing)
                pad = last[len(it) :]
            if rx(r"[一二三四五六七八九十两]").match(pad):
                pad = ""  # "A、B、C三项增速": the count of the list, not a shared measure
            done.append(it + pad if pad and not it.endswith(pad) else it)
        else:
            done.append(it)
    out = done + [last]
    per = rx(r"(?:每[十百千万]?(?:人口?|名[\u4e00-\u9fff]{1,4}?|户|平方公里)|人均)(?=[\u4e00-\u9fff（]{2})").match(out[0])
    if per is not None and all(not rx(r"每|人均|万人|千人").match(x) for x in items[1:]) and all(len(x) >= 2 for x in items[1:]) \
            and not any(_OWN_MEASURE_END.search(x) for x in items[1:]):
        # "每千人床位数、执业（助理）医师数增至7.83张、3.57个": the later members are per head too
        out = [out[0]] + [per.group(0) + x for x in out[1:]]
    return out


_COUNTED_MEMBER = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:游客|旅客|乘客|客流|人口|人才|学生|主体)$")
"""A list member that is a count of its own ("入州游客、过夜游客、旅游人均花费"): no modifier of the last one's noun."""

_SECTOR_HEADS = ("产业", "行业", "企业")
_HEAD_NOUN = re.compile(
    r"居民|产业|行业|企业|增加值|产值|营业收入|收入|支出|投资|总额|销售额|零售额|交易额|贸易额|成交额|营业额|营收|销量|吞吐量|"
    r"产量|面积|比重|覆盖率|参保率|达标率|普及率|入学率|就业率|利用率|处理率|率|人口|项目|资金|(?<=[\u4e00-\u9fff”])(?<!进)出口额?(?![\u4e00-\u9fff])"
)
"""Head nouns a list's members share ("城镇、农村居民…", "新能源、新材料产业产值")."""

_PREDICATE = re.compile(
    r"(?:增量提质|提质增效|提质扩量|量质齐升|提档升级|发展壮大|做大做强|稳中有升|稳中向好|持续壮大|加快发展|加速发展|"
    r"快速发展|蓬勃发展|稳步增长|持续增长|快速增长|较快增长|不断壮大|持续攀升|势头良好|加速崛起|实现突破|"
    r"屡创(?:历史)?新高|再创(?:历史)?新高|创历史新高|稳定增长|规模化发展|集群化发展|集群发展|"
    r"扭负为正|由负转正|扭亏为盈|止跌回升|由降转升|由降转增|企稳回升|逆势增长)+$"
)
"""A clause's evaluative predicate, not part of its subject ("市场主体增量提质")."""


def _clause_subjects(text: str, fig_start: int, head: str, n: int) -> list[str] | None:
    """Subjects of a 分别 list from the clause text: the indicator may be cut short, or the
    members sit in the clause before ("A、B产业发展壮大，分别完成产值x、y")."""
    own = head.split("分别")[0]
    start_value = rx(r"(?:由|从)[^由从]*$").search(own)
    if start_value and any(f.unit for f in find_figures(own, start_value.start())):
        own = own[: start_value.start()]  # "限额由2300元分别提高到5000元、6000元": the subject before the start value
    own = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", own))
    # what follows 分别 names the measure ("分别完成产值", "分别稳定播种"), unless a verb of change
    noun = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", head.split("分别")[-1]))
    names = _split_subjects(own, n) if own else None
    if names:
        return [m if len(noun) < 2 or m.endswith(noun) else m + noun for m in names]
    start = _clause_start(text, fig_start)
    if start == 0 or text[start - 1] not in "，,":
        return None
    prev = text[_clause_start(text, start - 1) : start - 1]
    prev = rx(r"(?<=[\u4e00-\u9fff]{4})(?:居|位居|位列)?(?:全国|全省|全市|全区)?(?:“[^”]{1,6}”|第[一二三四五六七八九十]+|前列|首位)$").sub("", prev)  # "A、B全省“双第一”": a rank, no member
    subject = _PREDICATE.sub("", _LEAD_FILLER.sub("", prev))
    members = _split_subjects(subject, n)
    if not members or any(find_figures(prev)):
        return None
    if len(noun) < 2 and 2 <= len(own) <= 6 and _HEAD_NOUN.search(own):
        noun = own  # "A、B产业规模化发展，力争产值分别增长x、y": the measure stands before 分别
    return [m if m.endswith(noun) else m + noun for m in members]


def _previous_members(text: str, qs: list[Quantity], i: int, n: int, head: str) -> list[str] | None:
    """"进境航班4.7万架次、进境人员190万人次，分别占全国的33.6%和27.9%": a 分别 clause with
    no subject of its own measures, member by member, the figures just before it."""
    own = head.split("分别")[0]
    own = rx(r"^(?:较|比|同比|与)(?:去年|上年|上年同期|上一年)(?:相比)?").sub("", own)  # "…，较去年分别增加x、y"
    if _LEAD_FILLER.sub("", own) or i < n:
        return None
    before = qs[i - n : i]
    if any(c in text[before[0].start : qs[i].start] for c in _SENT_DELIMS):
        return None
    names = [b.indicator for b in before]
    if len(set(names)) != n or any(len(x) < 2 for x in names):
        return None
    noun = head.split("分别")[-1]
    noun = rx(r"的$").sub("", noun)
    if _TRAIL_FILLER.fullmatch(noun) or rx(rf"(?:{_UP}|{_DOWN})了?").fullmatch(noun):
        noun = ""  # "接待游客…，旅游收入…，分别增长x、y"
    if rx(r"(?:是|为|相当于|恢复到|恢复至|达到)(?:(?:19|20)\d\d年|疫情前)(?:同期)?(?:水平)?").fullmatch(noun):
        noun = ""  # "…，分别恢复到2019年的x、y": the base year is named by _of_base_year
    return [x + noun for x in names]


def _unmarked_respective(text: str, qs: list[Quantity], i: int, n: int) -> list[str] | None:
    """Subjects of a list read respectively without 分别.

    "新开工、新竣工项目750个、450个": the subject lists as many members as the figures
    that follow it; "平均每年增长4.7%和5.7%" (no subject of its own) takes the members of
    the list of figures just before it in the sentence.
    """
    if n < 2:
        return None
    q = qs[i]
    own = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", text[_clause_start(text, q.start) : q.start]))
    if own.count("、") == n - 1 and not any(f.unit for f in find_figures(own)):
        names = _split_subjects(own, n)  # "市场采购、互市贸易、跨境电商贸易额达到A、B和C"
        if names and all(len(x) >= 2 for x in names):
            return names
    if "、" in q.indicator and q.indicator_end is not None and (
            q.indicator_end == q.start or _TRAIL_FILLER.fullmatch(text[q.indicator_end : q.start])):
        names = _split_subjects(q.indicator, n)
        if names and all(len(x) >= 2 for x in names):
            return names
    if n == 2 and rx(r"[\u4e00-\u9fff]{2}[和与][\u4e00-\u9fff]{2}").search(q.indicator) and "、" not in q.indicator \
            and qs[i + 1].indicator == q.indicator and q.indicator_end is not None and (
            q.indicator_end == q.start or _TRAIL_FILLER.fullmatch(text[q.indicator_end : q.start])):
        first, second = rx(r"[和与]").split(q.indicator, maxsplit=1)
        pair = rx(r"城镇|城市|农村|城区|乡村|市区|县域|男性|女性|中央|地方").fullmatch(first) and rx(r"城镇|城市|农村|城区|乡村|市区|县域|男性|女性|中央|地方").match(second)
        names = [first + second[len(first) :], second] if pair else _split_subjects(q.indicator, 2)  # "城镇和农村居民人均可支配收入80392元、48825元": one each
        if names and all(len(x) >= 2 for x in names) and names[0] != names[1]:
            return names
    if n == 2 and q.indicator.startswith("城乡") and "、" not in q.indicator and qs[i + 1].indicator == q.indicator:
        return _split_subjects(q.indicator, 2)  # "城乡居民人均可支配收入…，增长5%和8.2%": 城镇 then 农村
    if not (rx(r"(?:平均每年|每年|年均|平均)?(?:实际)?").fullmatch(q.indicator) or (not own and "、" in q.indicator)) or i < n:
        # ("A、B产值分别达x、y，增长m、n": a bare change clause measures the members just before)
        return None
    before = qs[i - n : i]
    gap = text[before[-1].end : q.start]
    if any(c in gap for c in _SENT_DELIMS) or len(gap) > 30:
        return None
    names = [b.indicator for b in before]
    if len(set(names)) != n or any(not x for x in names):
        return None
    return names


def _body_regions(report: Report) -> list[tuple[int, int]]:
    text = report.text.text
    glossary = (report.glossary.start, report.glossary.end) if report.glossary else None
    # the whole body, not only the detected parts: a missed part heading must not drop
    # the figures before it (a report whose parts were not all found still has them)
    lo, hi = report.body_start, report.body_end or len(text)
    if report.parts:
        lo = min(lo, report.parts[0].heading_start)
        hi = max(hi, report.parts[-1].body_end)
    regions = [(lo, hi)]
    out = []
    for s, e in regions:
        if glossary and s < glossary[1] and glossary[0] < e:
            if s < glossary[0]:
                out.append((s, glossary[0]))
            if glossary[1] < e:
                out.append((glossary[1], e))
        else:
            out.append((s, e))
    return out


# a list member after the first one's figure: "、X", "以上、X", "和重点X" (X the indicator)
def _list_verb_rows() -> dict[str, str]:
    rows: dict[str, list[str]] = {}
    for line in data_lines("list_verbs.tsv"):
        if line.count("\t") == 1:
            cls, pattern = line.split("\t")
            rows.setdefault(cls, []).append(pattern)
    return {cls: "|".join(ps) for cls, ps in rows.items()}


_LIST_VERB_ROWS = _list_verb_rows()
_WORKS_CHAIN = re.compile(rf"(?:(?:[、和及]?)(?:{_LIST_VERB_ROWS['works']}))*")
_LIST_VERB = re.compile(
    rf"(?:{_LIST_VERB_ROWS['frame']}(?=(?:{_LIST_VERB_ROWS['carry']}|{_CARRY_VERB.pattern[1:]})))?"
    rf"(?P<verb>(?:{_LIST_VERB_ROWS['carry']}|{_CARRY_VERB.pattern[1:]})"
    rf"(?:[、和及](?:{_CARRY_VERB.pattern[1:]})|[和及]?(?:{_LIST_VERB_ROWS['works']}))*)"
)
"""loaders/data/list_verbs.tsv: the verb a list's first member opens with and its later members
keep: a chain of works verbs stays whole ("新建改扩建A39所、B232所" → 新建改扩建B), a frame before
the verb is the first member's own ("依托X建设A4家、B12家" → 建设B)."""

_MEMBER_GAP = re.compile(r"(?:以上|左右|以内)?[、和]((?:重点|骨干)?)")


def _quantity(
    report: Report, text: str, fig: Figure, previous: Quantity | None, plan_from: int | None = None
) -> Quantity | None:
    unit = fig.unit
    value = fig.value
    start, end = fig.start, fig.end
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]

    if not unit:
        return None
    mag, bare = split_magnitude_unit(unit)
    shared = _list_unit(text, fig, mag, bare)
    if shared is not None:
        unit = shared  # "分别净减少10.6万、3.8万、3.3万平方公里", "高于…28.6个和21.9个百分点"
        mag, bare = split_magnitude_unit(unit)
    if bare == "":
        # a bare magnitude ("20多万城中村居民", "新增就业1.2万"): people when the noun says so
        if fig.chinese and len(fig.numeral) == 1 and not _prefix_qualifier(before)[0]:
            return None
        if rx(r"[\u4e00-\u9fff]{0,3}?(?:各族)?(?:人民|儿女|父老乡亲|同胞)").match(after):
            return None  # "与530万港城人民一起", "全国六亿人民": an address, not a measure
        if after.startswith(MILESTONES) and mag >= 100000000:
            unit = unit + "元"  # "跨越千亿台阶": a level of money (GDP, output, revenue)
        elif _PEOPLE.match(after) or rx(r"(?:就业|人口|人才|人员|人数|游客|旅客)[^，,；;。]{0,4}$").search(before):
            unit = unit + "人"
        elif not rx(r"[^\u4e00-\u9fff]|$").match(after[:1] or " "):
            return None
    if not _is_quantity(text, fig, before, after):
        return None
    if rx(r"(?:及以上|以上)人口的?(?:县|城市|市|镇|乡镇)").match(after):
        return None  # "20万以上人口县": a size class of places, not a count of people
    if bare == "" and fig.chinese and len(fig.numeral) == 1 and rx(r"[0-9０-９一二三四五六七八九十]+[个家条][\u4e00-\u9fff]{1,6}(?:突破|超过|跨越|迈上)$").search(before) \
            and rx(r"[，,。；;、]|$").match(after):
        return None  # "6个产业链突破百亿": the level each passed, no measure of its own

    if bare == "倍" and text.startswith("半", end):
        value, end = value + Decimal("0.5"), end + 1  # "等於一九五〇年的六倍半"
    # "八成" → 80 %
    if bare == "成":
        value = value * 10
        unit = "%"
    value_max = fig.value_max * 10 if (fig.value_max is not None and bare == "成") else fig.value_max

    # qualifiers before and after
    q_len, qualifier = _prefix_qualifier(before)
    surface_start = start
    if q_len and before[-1] in _GLUED and before[-q_len:] == before[-1]:
        surface_start = start - 1
    elif q_len == 0 and before[-1:] in _GLUED and not rx(r"[签预节制合契公条婚邀特]约$").search(before):
        surface_start = start - 1  # (not 约 of 节约: "为国家节约二十亿元")
    suffix = _suffix_qualifier(after, unit)
    if suffix is not None:
        qualifier = suffix
    if fig.more and qualifier == Qualifier.NONE:
        qualifier = Qualifier.GT
    if qualifier == Qualifier.NONE and before.endswith("上") and fig.chinese and fig.numeral in ("百", "千", "万", "亿"):
        qualifier = Qualifier.GT  # "上千家配套企业": more than a thousand
    clause_start = _clause_start(text, start - q_len)
    left = text[clause_start : start - q_len]
    # "…的宏观调控目标，定为百分之八至九": a clause of a bare verb takes the subject of the
    # clause before it (when that one holds no figure)
    subject_clause: tuple[int, int] | None = None
    if rx(r"\s*(?:去年|今年|全年|当年|上年)?(?:预计)?(?:可以|可望|有望|能够)?(?:拟定为|拟定在|定为|确定为|定在|确定在|为|是|达到|达|突破|超过|增至|增加到)\s*").fullmatch(left) and clause_start > 0 and text[clause_start - 1] in "，," and not (
            left.strip() == "为" and rx(r"[\u4e00-\u9fff“](?<![的和及与等或])").match(rx(r"^(?:左右|以上|以下|以内|上下)").sub("", after))):
        # ("为41.3万户经营主体减免税费": 为 is "for", the counted noun follows)
        prev_start = _clause_start(text, clause_start - 1)
        prev_end = clause_start - 1
        if rx(r"(?:不?包括|含)[^，,；;。]*在内$").match(text[prev_start:prev_end]) and prev_start > 0 and text[prev_start - 1] in "，,":
            prev_end = prev_start - 1  # "工业总产值，包括原有企业和新建企业的在内，预计达到…": the clause before the scope
            prev_start = _clause_start(text, prev_end)
            if "）" in text[prev_start:prev_end] and "（" not in text[prev_start:prev_end] and (o := text.rfind("（", 0, prev_start)) > 0:
                prev_start = _clause_start(text, o)  # "工业总产值（不包括手工业产值，下同）": the comma inside the brackets
        if not any(f.unit and f.unit != "年" for f in find_figures(text, prev_start, prev_end)):
            subject_clause = (prev_start, prev_end)
            left = text[prev_start:prev_end] + left.strip()
    # "控制在5.5%" without 以内/左右 keeps qualifier none (GUIDELINES: "控制到3.9%" → none)

    info = unit_info(unit)
    family = info.family if info else None
    normalised_value: Decimal | None
    normalised_unit: str | None
    if info is not None:
        normalised_value = _exact(value * info.factor)
        normalised_unit = info.base
    else:
        m2, b2 = split_magnitude_unit(unit)
        normalised_value, normalised_unit = _exact(value * m2), (b2 or None)

    # kind and direction
    kind, direction = _kind(family, left, text, start, end)
    # "下降50%、37.5%": later members of an enumeration share the first one's change
    if (
        previous is not None
        and previous.kind == Kind.CHANGE
        and kind != Kind.CHANGE
        and 0 <= start - q_len - previous.end <= 6
        and rx(_SHARED_CHANGE_GAP).fullmatch(text[previous.end : start - q_len].replace("以上", "").replace("左右", ""))
        and (unit_info(previous.unit) or unit_info("%")).family == family  # type: ignore[union-attr]
    ):
        kind, direction = Kind.CHANGE, previous.direction

    # status, year
    part, _section = report.locate(start)
    status, year = _status_year(report, part, text, start, plan_from, end)

    if subject_clause is not None:
        indicator, ind_start, ind_end = _indicator(text, subject_clause[0], subject_clause[1], subject_clause[1], kind, None, unit)
        bare_subject = _PREDICATE.sub("", indicator)  # "市场主体增量提质，达到77.5万户"
        bare_subject = rx(r"(?<=[\u4e00-\u9fff]{2})(?:从|自)[^，,；;。]{1,8}?(?:开始|起)[\u4e00-\u9fff]{0,4}(?:回升|回落|增长|下降|好转)?$").sub("", bare_subject)  # "外贸出口从7月份开始大幅度回升"
        if bare_subject != indicator and len(bare_subject) >= 2:
            indicator, ind_end = bare_subject, (ind_start + len(bare_subject) if ind_start is not None else None)
    else:
        indicator, ind_start, ind_end = _indicator(text, clause_start, start - q_len, end, kind, previous, unit)
    # "提档升级A、B等老码头20个": the verb that opens an enumeration says what is counted
    if indicator and ind_start is not None and ind_start > 0 and text[ind_start - 1] == "等" and kind == Kind.COUNT:
        seg = _LEAD_FILLER.sub("", text[_clause_start(text, ind_start) : ind_start - 1])
        ev = _VERB_PREFIX.match(seg) or rx(r"承办|举办|主办|引进|招引|培育|打造|开展|升级|整治|修缮|拓宽").match(seg)
        if ev and "、" in seg[ev.end() :] and not _VERB_PREFIX.match(indicator) and not _LEAD_VERB.match(indicator) \
                and not _OWN_VERB.match(indicator) and len(indicator) >= 2:
            chain = _WORKS_CHAIN.match(seg, ev.end())  # "新建扩建A、B等中小学校5所": the whole chain of works verbs
            indicator, ind_start, ind_end = seg[: chain.end()] + indicator, None, None
    # "引进A、B项目56个": the count covers every member the shared verb names, not the last one's alone
    if indicator and ind_start is not None and ind_start > 0 and text[ind_start - 1] == "、" and kind == Kind.COUNT \
            and (previous is None or previous.end <= _clause_start(text, ind_start)):
        c0 = _clause_start(text, ind_start)
        seg = _LEAD_FILLER.sub("", text[c0 : ind_start - 1])
        ev = _LIST_VERB.match(seg)
        if ev and ev.start() == 0 and 2 <= len(seg) - ev.end() <= 16 and not any(f.unit for f in find_figures(text, c0, ind_start)) \
                and not rx(r"[和及与]|等|[0-9０-９][个口家所座条项处亩套台户名人间张株头只]").search(seg[ev.end() :]) \
                and not _OWN_VERB.match(indicator) \
                and not _CARRY_VERB.match(indicator) and not _LEAD_VERB.match(indicator):
            indicator, ind_start, ind_end = seg + "、" + indicator, None, None
    # "新建绿道12公里、碧道4公里": the list elides the first item's verb
    if previous is not None and indicator and ind_end == start - q_len:
        gap = text[previous.end : start - q_len]
        # "新建、改扩建管网160公里、污水处理厂20座": the whole list of verbs is elided
        verb = _LIST_VERB.match(previous.indicator)
        # the gap is "、X" / "以上、X" / "和重点X"…: a fixed pattern before the indicator (no regex
        # built from the indicator: a new pattern per call pushed the fixed ones out of re's cache)
        member = _MEMBER_GAP.fullmatch(gap, 0, len(gap) - len(indicator)) if gap.endswith(indicator) else None
        if (verb and len(previous.indicator) - verb.end() >= 2 and member
                and not _CARRY_VERB.match(indicator) and not _LEAD_VERB.match(indicator)
                and not _OWN_VERB.match(indicator)
                and not _DONE_VERB.match(indicator) and not indicator.startswith("净")
                and not indicator.endswith("通过")):  # "新入选…1个、复核通过3个": a verb of its own
            # ("新增…企业7家、重点“小巨人”企业9家": the member keeps its own 重点)
            indicator, ind_start, ind_end = verb.group("verb") + member.group(1) + indicator, None, None
    elif previous is not None and indicator and ind_start is not None and ind_start >= end:
        # "新增2个X、3家Y、4家Z": members named after their figures share the first one's verb
        gap = text[previous.end : start - q_len]
        verb = _LIST_VERB.match(previous.indicator)  # "新增100户X和10户Y": 和 joins the members too
        if (verb and rx(r"[^，,；;。、和]{2,24}[、和]").fullmatch(gap) and previous.indicator.endswith(gap[:-1])
                and previous.indicator == verb.group(0) + gap[:-1]
                and not _CARRY_VERB.match(indicator) and not _LEAD_VERB.match(indicator)
                and not _OWN_VERB.match(indicator) and not _DONE_VERB.match(indicator)
                and not rx(r"总数|总量|累计|达到").search(indicator)):  # a stock member keeps no verb of change
            indicator, ind_start, ind_end = verb.group("verb") + indicator, None, None
    # "从61.2%提高到63.5%": the start value is the level before this year's change
    if (_FROM_TO.search(text[clause_start : start - q_len]) or _cues()["from_per_head"].search(text, clause_start, start - q_len)
            or _FROM_LIST.search(text, clause_start, start - q_len)) \
            and (_TO_VERB.match(text[end : end + 8]) or _START_LIST_TO.match(text, end, end + 48)):
        review_year, _plan_year = _years(report)
        named = rx(r"(?:19|20)\d\d年(?:底|末|初)?的?(?:从|由)?$|(?:从|由)(?:19|20)\d\d年").search(text[clause_start : start - q_len])
        span = rx(r"((?:19|20)\d\d)年(?:到|至|—|－|-)(?:19|20)\d\d年").search(_year_view(text[_sentence_start(report, text, start) : start]))
        if span is not None and not named:
            year = int(span.group(1))  # "2003年到2023年，…由A增加到B": A is the first year's
            if status == Status.TARGET:
                status = Status.ACTUAL
        elif review_year is not None and not named:
            # "由上年的74.3%提高到83.7%", "由前年的…": a start named relative to the year of the clause
            back = 2 if rx(r"(?:从|由)前年").search(text, clause_start, start - q_len) else \
                1 if rx(r"(?:从|由)(?:上一?年|去年)").search(text, clause_start, start - q_len) else 0
            if status == Status.TARGET:
                status, year = Status.ACTUAL, review_year - max(back - 1, 0)
            elif back and year is not None:
                year -= back  # ("1979年…，由上年的A提高到B": A is 1978's, whatever year the report reviews)
            elif year == review_year:
                five = part is not None and rx(r"五年|十[一二三四五六七八九]五").search(part.title)
                span = None
                for span in _cues()["years_span"].finditer(text, _SENT_FLOOR(text, start), start):
                    pass  # "这两年中，钢产量由A增加到B": A is the level before the span
                year = review_year - ("两三四五六七八九十".index(span.group(1)) + 2 if span else 5 if five else 1)
    if kind == Kind.AMOUNT and family is None and not rx(r"值|额|收入|投资|资金|规模|营收|税|费|元|支出|贷款|存款|融资|消费").search(indicator):
        kind = Kind.COUNT  # a bare 万/亿 counts people or users ("参保人数1.17亿")
    if kind in (Kind.RATIO, Kind.AMOUNT, Kind.COUNT):
        if rx(r"每").match(indicator) and family not in ("percent", "points"):
            kind = Kind.RATIO

    section = report.section_key(start)
    surface = text[surface_start:end]
    joined = rx(r"(?<=[\u4e00-\u9fff])[ \u3000\r\n]+(?=[\u4e00-\u9fff])").sub("", indicator)
    joined = rx(r"(?<=[A-Za-z])[ \u3000]+(?=[0-9])").sub("", joined).strip()  # "广义货币M 2": M2
    joined = rx(r"[（(]下同[)）]").sub("", joined)  # "预计（下同）全年实现地区生产总值": an editorial note
    if joined.endswith("上") and not joined.endswith(("跨上", "迈上", "站上", "跃上", "登上")) and len(joined) > 3 and before.endswith("上") and fig.chinese and fig.numeral[:1] in "百千万亿":
        joined = joined[:-1]  # "拉动消费上百亿元": 上 reads "over", no part of the measure
    if "在" in joined[1:] and rx(r"的?(?:情况|背景|形势|条件)下").match(text[end : end + 6]):
        inner = joined[joined.rindex("在") + 1 :]
        joined = inner if len(inner) >= 2 else joined  # "外贸进出口在对美贸易下降超3成的情况下增长12%": the frame's own subject
    joined = rx(r"(?<=[\u4e00-\u9fff”]{2})预计(?:全年)?(?=完成|实现|达到|可达|$)").sub("", joined)  # "324个市重点项目预计完成投资": a cue, no part of the measure
    joined = rx(r"\s*[—－]\s*[0-9０-９]{1,3}\s*[—－]\s*").sub("", joined)  # "建设 — 19 — 非遗工坊": a PDF page number
    joined = rx(r"(?<=[\u4e00-\u9fff]{2})(?:由|从)(?=(?:每人|每户|人均)[\u4e00-\u9fff]{0,4}$)").sub("", joined)  # "补助标准由每人每年120元提高到…"
    if ind_start is not None and ind_start > 0 and joined[:1] in "来來" and text[ind_start - 1] == "年" and len(joined) > 3:
        joined = joined[1:]  # "五年來國家財政用於…": 来 closes the time frame (N年来), no part of the measure
    if joined != indicator:  # "十大工 程", "研发平\n台": a space or line break a PDF put inside a word
        indicator, ind_start, ind_end = joined, None, None
    return Quantity(
        surface=surface,
        start=surface_start,
        end=end,
        indicator=indicator,
        value=_exact(value),
        unit=unit,
        normalised_value=normalised_value,
        normalised_unit=normalised_unit,
        kind=kind,
        direction=direction,
        status=status,
        year=year,
        qualifier=qualifier,
        section=section,
        indicator_start=ind_start,
        indicator_end=ind_end,
        value_max=_exact(value_max) if value_max is not None else None,
    )


def _list_unit(text: str, fig: Figure, mag: Decimal, bare: str) -> str | None:
    """The unit a list prints once, after its last member ("3.8万、3.3万平方公里").

    A member with a bare magnitude (万) or a bare 个 takes the unit of the first later member
    of the same list (joined by 、/和/与/及 with nothing between) that completes it.
    """
    if bare not in ("", "个"):
        return None
    pos = fig.end
    for _ in range(8):
        if text[pos : pos + 1] not in ("、", "和", "与", "及"):
            return None
        nxt = find_figures(text, pos + 1, min(len(text), pos + 40))
        if not nxt or nxt[0].start != pos + 1:
            return None
        f = nxt[0]
        m2, b2 = split_magnitude_unit(f.unit)
        if b2 == bare and (bare == "" or m2 == mag):
            pos = f.end  # another member printed like this one
            continue
        if bare == "" and m2 != 1 and b2 and b2 not in ("%", "％", "倍") and unit_info(b2) is not None:
            return fig.unit + b2
        if bare == "个" and m2 == mag and b2.startswith("个百分点"):
            return b2
        return None
    return None


def _exact(d: Decimal) -> Decimal:
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


# ------------------------------------------------------------------ exclusions


def _is_quantity(text: str, fig: Figure, before: str, after: str) -> bool:
    """False for years, dates, ordinals, codes, formulas, slogans and vague words."""
    numeral = fig.numeral
    _mag, bare = split_magnitude_unit(fig.unit)
    prev = before[-1:] or " "
    nxt = after[:1] or " "
    # codes and names with digits: A4地块, DY03, PM2.5, 5G, U13, 京基100
    if not fig.chinese:
        if rx(r"[A-Za-zＡ-Ｚａ-ｚ]").match(prev) or rx(r"[A-Za-zＡ-Ｚａ-ｚ]").match(nxt):
            return False
        if rx(r"[0-9.]").match(prev):
            return False
    # formulas and slogans: 1+3+N, 20+8, 7×24
    if prev in "+＋×*/／" or nxt in "+＋×*／" or (nxt == "/" and bare not in ("微克/立方米",)):
        return False
    # ordinals: 第九届, 首批, 第一名
    if rx(r"第$|首$|(?<![提超])前$|倒数$|排名$|位列$|位居$").search(before):
        return False
    if bare in ("位", "名", "批", "期", "届", "轮") and rx(r"第[0-9０-９一二三四五六七八九十]+(?:[、和及至到][0-9０-９一二三四五六七八九十]+)*[、和及至到]$").search(before):
        return False  # "分别排全省第1、2位": every member of a list of ordinals
    if bare == "小时" and rx(r"“?[\u4e00-\u9fff“”]{0,10}?(?:大厅|服务区|服务站|书房|图书馆|驿站|便利店|药店|门店|超市|窗口|政策|机制|工程|巡查|监控|值守|热线|自助|在线)").match(after) \
            and not rx(r"(?:至|到|达|为|缩短|延长|减少|压缩|用时|时间|需要|仅需)$").search(before):
        return False  # "24小时智慧政务大厅", "144小时过境免签政策": a duration naming a facility or a policy
    if fig.chinese and rx(r"[两兩二三四五六七八九十]|十[一二三四五六七八九]").fullmatch(numeral) and bare in ("大", "项", "項", "个", "個", "只", "隻") \
            and rx(r"(?:(?!在|單位|单位|进行|進行|部)[“\u4e00-\u9fff”]){0,8}?(?:工程|行动|行動|计划|計劃|战略|戰略|领域|領域|任务|任務|机制|機制|原则|原則|文明|关键|關鍵|环节|環節|目标|目標|问题|問題|方面|手|组成部分|組成部分|公报|公報|攻坚战|理念)(?![\u4e00-\u9fff]{0,3}(?:项目|资金|候选))").match(after):
        return False  # "实施创新发展七大工程", "四个重点问题专项整治", "两只手都要硬": a named set, no count
    if bare in ("户", "人") and rx(r"(?:及以上|以上|以下)的?[\u4e00-\u9fff]{0,10}?(?:自然村|村寨|行政村|村庄|(?<!农)村|安置点|安置区|学校|小区)(?!民|干部|集体)").match(text[fig.end : fig.end + 20]):
        return False  # "30户以上自然村通硬化路", "3000人以上安置点": a size class of places, no count
    if bare in ("亩", "公顷", "平方米") and rx(r"(?:及以上|以上)的?[“”\u4e00-\u9fff]{0,10}?(?:基地|园区|示范区|片区|农场|产业园|种植园|牧场)[0-9０-９一二三四五六七八九十两]+(?:余|多)?[个家处]").match(text[fig.end : fig.end + 24]):
        return False  # "新建1万亩以上“森林粮库”示范基地2个": the size class of the places counted
    if bare == "" and rx(r"[0-9０-９一二三四五六七八九十两]+个(?:过|超)$").search(before):
        return False  # "7个过百亿、12个过50亿项目": the size class of what is counted, no amount
    if bare == "年" and rx(r"延长$").search(before):
        return False  # "土地承包到期后再延长30年试点", "优惠政策再延长三年": a term a policy sets
    if bare in ("年", "个月") and after.startswith("的") and rx(r"(?:近|经过|通过|用|历时|特别是|在|保持)(?:将?近)?$").search(before):
        return False  # "经过近三十年的斗争", "近八年的经验", "历时3年的重整": a time frame
    if fig.chinese and numeral in ("两", "二", "三", "四", "五") and bare in ("项", "个", "类") and rx(r"[\u4e00-\u9fff]{1,8}?(?:覆盖率|完成率|达标率|比例|比重|占比)(?:达到|达|为|稳定在|保持在)?(?:[0-9０-９]|百分之)").match(after):
        return False  # "残疾人两项补贴覆盖率98%": the count names the measure, the rate is the figure
    if fig.chinese and numeral in ("两", "二", "三", "四", "五") and bare in ("项", "类") and rx(r"[\u4e00-\u9fff]{0,4}?(?:补贴|补助|津贴|资金|经费|费用|税|保险)(?:[0-9０-９]|[、和及]|[\u4e00-\u9fff]{0,6}(?:[0-9０-９]|百分之))").match(after):
        return False  # "残疾人两项补贴8亿元", "城乡居民两项保险、…": the count names a set of payments
    if bare in ("项", "条", "点", "个", "方面") and rx(r"(?:^|[除的，,。；;\n])(?:以上|上述|上面|前述)$").search(before):
        return False  # "除以上十项工作以外", "提出的以上十项方针": a reference back, not a measure
    # years and dates
    if bare == "年":
        if rx(r"[0-9０-９]{4}").fullmatch(numeral) or (fig.chinese and all(c in "零〇一二三四五六七八九" for c in numeral) and len(numeral) == 4):
            return False
        if rx(r"[度底末初中前后以来代初级]").match(nxt) or nxt == "来":
            return False
        # a duration needs a cue: 连续七年, 用3年时间, 提前2年, 3年内
        if rx(r"之?内").match(after):
            return False
        if rx(r"(?:^|[，,。；;\n])(?:近|这|最近)$").search(before) and not rx(r"(?:多)?时间").match(after):
            return False  # "近两年，又提出…", "近5年人均预期寿命增量居…": a time frame opening the clause
        if rx(r"近$").search(before) and rx(r"新|计划|拟|待").match(after):
            return False  # "支持近两年新入规企业": a time frame of a class of firms
        if rx(r"(?<![仅只])用$").search(before):
            return False  # "用三年左右的时间，推动…": a plan's horizon, not a measure
        if not (rx(r"(?:连续|用|历时|仅用|提前|缩短|延长|长达|时隔|坚持|每隔|超过|近|超|逾)$").search(before)
                or rx(r"(?:时间|多时间)").match(after)):  # "五年内实现": a time frame, not a measure
            return False
    if rx(r"月|日|号|时(?!间)").match(nxt) and bare in ("", "年"):
        return False
    if bare in ("周",) and nxt == "年":
        return False  # anniversaries: 25周年
    if bare == "届" or rx(r"[零一二三四五六七八九十]+次").match(after):
        return False  # meetings: 八届二次
    # classifiers: 千亿级产业集群, 百万千瓦级核电机组; digit counts: 两位数增长
    if nxt in "级制" or (bare == "位" and nxt == "数"):
        return False
    # age thresholds of a group: 60岁以上老人, 3岁以下婴幼儿
    if bare == "部" and rx(r"[委门]").match(nxt):
        return False  # 四部委, 两部门: ministries, not a count of 部
    if bare in ("岁", "周岁") and rx(r"(?:及以上|以上|以下|至[0-9０-９]+岁)[\u4e00-\u9fff]|[老人儿婴幼青学妇男女群职]").match(after):
        return False
    # meetings: 十二届四次全会
    if prev == "届" or (bare == "次" and rx(r"(?:[、和及][一二三四五六七八九十]+次)*(?:全会|全体会议|会议|党代会|代表大会|常委会)").match(after)):
        return False
    if bare == "个" and rx(r"方面(?:问题|工作|内容|措施|任务)?").match(after):
        return False  # "检视查摆6个方面问题": the report's own enumeration
    # Chinese-numeral slogans and quantities used as names
    if fig.chinese:
        if all(c in "零〇" for c in numeral):
            return False  # 零部件, 零的突破
        if numeral == "一" and not fig.unit[:1] in "万亿":
            return False  # 一批, 一个, 一年更比一年好: the article, not a count
        if numeral in ("百", "千", "万", "亿") and not rx(r"(?:近|超|逾|(?<!签)约|上|数|过|突破|跨越|达)$").search(before):
            return False  # 千家万户, 百舸争流
        if rx(f"[{_CN_NUM}]").match(nxt) or nxt in "“\"「" or prev in "“\"「":
            return False  # 六个一, 四个“零发生”, “五个聚焦…”
        if prev in "”」\"" and rx(r"[^，,。；;]{0,4}?(?:行动|工程|计划|战略|举措|任务|专项|攻坚|机制|体系|品牌|模式|路径|提升|会战|战役)").match(after
        ):
            return False  # “强基”三年行动, “六稳”五项举措: a count in a programme's name
        if bare == "类" and rx(r"(?:[\u4e00-\u9fff]{1,3}?)?(?:案件|犯罪)|不同性质|矛盾").match(after):
            return False  # "命案、五类案件全部告破": a class of crimes, not a count
        if bare in ("项", "条", "个") and prev == "的" and rx(r"[\u4e00-\u9fff]{2,6}(?:[，,；;。]|$)").match(after) \
                and rx(r"(?:作出|提出|部署|交给|赋予)的$").search(before):
            return False  # "对我市作出的六项重要指示，": the set a directive names
        if bare == "元" and numeral in ("二", "两") and rx(r"结构|经济|对立|化").match(after):
            return False  # "城乡二元结构": dual, not two yuan
        if bare in ("批", "次", "期", "步") and before.endswith("分"):
            return False  # "分三批推出": the way it was done
        if bare == "篇" and rx(r"大?文章").match(after):
            return False  # 做好五篇大文章: a slogan
        if bare == "期" or (bare == "次" and numeral in ("二", "三") and rx(r"[\u4e00-\u9fff]").match(nxt)):
            return False  # 三期, 二期: phases; 二次开发: "secondary"
        if bare in ("项", "条", "个") and rx(r"(?:规定|原则|基本|要求|禁令|准则|精神|意识|自信|维护|确立|必须|务必|坚持|统筹|全面|主张|条件|现代化|要义|方针|政治|大局|超级大国|特别行政区)").match(after):
            return False  # 八项规定, 两个确立: doctrines
        if bare in ("个", "种", "项", "大") and rx(rf"[\u4e00-\u9fff]{{1,3}}(?:、?|、[\u4e00-\u9fff]{{0,8}}?)[{_CN_NUM}]+[个种项大]").match(after):
            return False  # 两个市场两种资源: paired numerals make a slogan
        if bare in ("个", "种", "项", "大") and rx(rf"[{_CN_NUM}][个种项大][\u4e00-\u9fff]{{1,3}}、?$").search(before):
            return False
        if bare == "大" and (before.endswith("党的") or rx(r"(?:精神|代表|报告|指引|以来|胜利|召开|及|的)").match(after)):
            return False  # 党的二十大
        if bare == "大" and prev == "的" and rx(r"[\u4e00-\u9fff]{1,4}(?:[，,；;。]|$)").match(after):
            return False  # "过去进行的五大运动", "今年改革的两大任务": the set a clause names
        if bare == "大" and prev in "”」\"":
            return False  # “聚焦”“聚集”两大关键点: a slogan
        if rx(r"(?:以下|如下|下列|这|那|上述|前述)$").search(before) or (bare == "个" and rx(r"方面|字(?![号母])").match(after)):
            return False  # 以下十个方面, 把握四个方面: the report's own enumeration
        if bare == "大" and rx(r"类|门类|行动(?=$|[，。])|需求").match(after):
            return False
    if bare == "类" and rx(r"[\u4e00-\u9fff]{0,3}?(?:老年人|人员|人群|群体|对象|困难群众)").match(after):
        return False  # "为1.6万名城市五类老年人提供…", "9类困难群众救助标准": a category of people, not a count
    if before.endswith("分") and (bare in ("批", "期") or bare == "个" and rx(r"(?:领域|方面|层次|阶段|类别)").match(after)):
        return False  # "分13个领域细化任务", "分6批开工": the way it is done, not a measure
    if bare == "大" and rx(r"(?:^|[，,；;。：:\n])$").search(before) and not rx(r"[\u4e00-\u9fff]{1,6}").fullmatch(text[fig.end : _clause_end(text, fig.end)]):
        return False  # "四大主导产业规模达到…", "三大运营商…加快建设": a named set opening the clause
    if bare == "大" and (before.endswith("等") or fig.chinese and any(
            f.unit and f.unit not in ("大",) for f in find_figures(text, fig.end, _clause_end(text, fig.end)))):
        return False  # "…等六大林业生态工程", "实施…十大行动项目485个": the set names the list or the next count
    if bare == "大类":
        # "九大类民生支出完成165亿元": the classes name what the next figure measures
        rest = text[fig.end : _clause_end(text, fig.end)]
        if any(f.unit for f in find_figures(rest)):
            return False
    if bare == "大":
        if rx(r"(?:入选|评选|评为|获评|荣获|获得|跻身|进入)[^，。]{0,4}$").search(before):
            return False  # award names: 入选全市十大…案例
        if not rx(r"[\u4e00-\u9fff“]").match(nxt):
            return False  # "大" must modify a noun
        if rx(r"[\u4e00-\u9fff]$").search(before) and not rx(rf"(?:[{_CN_NUM}]|等|的|启动|打造|建设|实施|开展|推进|推动|聚焦|围绕|培育|发展|做强|形成|构建|突出|抓好|落实|覆盖|涉及|布局|统筹|推出|建成|新增|壮大|提升|建立|梳理|攻坚|谋划|出台|组建|设立|、)$").search(before):
            return False
    if bare in ("条",) and rx(r"[、”]?(?:新?[{0}]+条)*[、]?[\u4e00-\u9fff]{{0,4}}?(?:措施|政策|意见|举措|规定|新政|条例)".format(_CN_NUM)).match(after):
        return False  # policy packages: 二十条、新十条优化措施
    if bare == "条" and rx(r"[、和][^，,；;。]{0,12}?[0-9０-９一二三四五六七八九十]+条[\u4e00-\u9fff]{0,2}?(?:措施|政策|意见|举措)").match(after):
        return False  # "出台A发展8条、B发展20条措施": a policy package named by its count
    if bare == "条" and fig.chinese and rx(r"[”\"]").match(nxt):
        return False
    if prev == "新" and bare == "条":
        return False
    # inside a short quotation: “安全生产15条”, “最后一公里”
    if _inside_short_quote(text, fig.start, fig.end):
        return False
    # ranks: 排名由托管前的40位提升至13位
    if bare in ("位", "名") and rx(r"排名|排位|位次|名次|位居|位列|居全|居第").search(text[_clause_start(text, fig.start) : fig.start]):
        return False
    # "20年来最强", "近七年最高": a temporal reference, not a measure
    if bare == "年" and rx(r"来|以来|之最|最|新高|新低|同期").match(after):
        return False
    # per-unit denominators: 每万名常住人口, 万元GDP水耗, 每平方公里
    if rx(r"每$").search(before):
        return False
    if fig.unit in ("万元", "元") and rx(r"(?:GDP|生产总值|地区生产总值|国内生产总值|工业增加值|增加值)").match(after):
        return False
    if rx(r"(?:每|单位)$").search(before):
        return False
    if _is_threshold(text, fig, before):
        return False
    if (info := unit_info(fig.unit)) is not None and info.family in ("power", "mass", "volume", "length", "area", "energy") \
            and rx(r"(?:及以上|以上|及以下|以下)的?[\u4e00-\u9fff]{0,6}?(?:机组|锅炉|窑炉|生产线|煤矿|矿井|矿山|电站|船舶|泊位)").match(after):
        return False  # "淘汰30万千瓦以下煤电机组", "10蒸吨以下燃煤锅炉": a size naming the class of units
    if bare in ("个", "家", "项", "座", "条") and rx(r"[\u4e00-\u9fff]{0,6}?(?:工程|专项|行动|计划|清单|名录)的[0-9０-９一二三四五六七八九十百千万]+(?:余|多)?[个家项座所条]").match(after):
        return False  # "纳入国家102项重大工程的285个项目": the count names the list the next count is in
    if fig.chinese and bare in ("项", "条", "类") and rx(r"[\u4e00-\u9fff]{0,8}?(?:工程|行动|产业链|战略|活动|重点任务|便民措施|举措|攻坚)(?:[，,；;。、]|$|(?:深入推进|全面实施|扎实推进|加快推进|全面推进)|[\u4e00-\u9fff]{0,8}[0-9０-９])").match(after):
        return False  # "推进十项民生工程，", "九条重点产业链营业收入137亿元": a named set of programmes
    if bare in ("种", "类", "个") and rx(r"(?:类型|模式|类别|层级|等级|档次)").match(after) and rx(r"(?:按照|按|根据|依据|分为|分成|划分为)").search(text[_clause_start(text, fig.start) : fig.start]):
        return False  # "按照县城、中心乡镇…5种类型分类施策": a method, not a measure
    if fig.unit.endswith("项") and fig.unit != "项" and after.startswith("目"):
        return False  # "投资过百亿项目8个": 项 of 项目 is no measure word (a level naming the class)
    if bare == "类" and rx(r"(?:及以上|以上|以下|及以下)").match(after):
        return False  # "三类及以上水质比例": a class, not a count
    if bare == "米" and rx(r"(?:以上)?宽?(?:的)?(?:硬化)?(?:路|道路|公路)").match(after):
        return False  # "通4.5米硬化路": a road standard
    if (info := unit_info(fig.unit)) is not None and info.family in ("length", "duration") and (circle := _SERVICE_CIRCLE.match(text, fig.end, fig.end + 100)) \
            and not _CIRCLE_VERB.search(circle.group(0)):
        # "农村3公里生活圈", "15分钟医疗服务圈", "城市15分钟、农村30分钟医疗服务圈", "5分钟邻里、15分钟社区…
        # 生活圈": the name of a standard, or a member of a list of such names (not "缩短10分钟")
        return False
    if rx(r"[0-9０-９一二三四五六七八九十百千万]+[个家座所处条]$").search(before) and rx(r"(?:及以上|以上|以下)(?:[\u4e00-\u9fff]|、[0-9０-９一二三四五六七八九十两]+[个家座所处条])").match(after):
        return False  # "230个50户以上村寨", "引进2个50亿元以上、5个10亿元以上项目": a level naming the class
    if fig.family in ("mass", "power", "volume", "energy") and rx(r"[\u4e00-\u9fff]{2}$").search(before) \
            and not rx(rf"(?:年产|产能|规模|新增|达到|达|为|超|约|近|{_UP}|{_DOWN}|[的了])$").search(before) and rx(r"[\u4e00-\u9fff]{1,10}?(?:等[\u4e00-\u9fff]{0,10}?)?(?:项目|工程)(?:[，,；;。、）)]|$|建设|开工|投产|竣工|签约|落地|建成)").match(after) \
            and rx(r"(?:实施|推进|推动|建设|建成|开工|投产|竣工|签约|落地|引进|招引|加快)[\u4e00-\u9fff]{2,8}$").search(before) \
            and not rx(r"(?:建设|开工|实施|推进|建成|投产|新建|新增|签约|引进|落地|开发|完成|装机|并网|竣工)$").search(before):
        return False  # "实施某化工20万吨醋酸乙烯等重点项目": a capacity inside a project's name
    if fig.family in ("mass", "power", "volume", "energy") and (name := rx(r"(?:^|[，,；;。、]|实施|推进|推动|建设|建成|开工|投产|竣工|签约|落地|引进|招引|加快)([\u4e00-\u9fff]{2,6})$").search(text[max(0, fig.start - 14) : fig.start])) \
            and not rx(rf"(?:年产|产能|规模|新增|达到|装机|并网|容量|{_UP}|{_DOWN}|[的了达为超约近])$").search(name.group(1)) \
            and not rx(r"(?:建设|开工|实施|推进|建成|投产|新建|新增|签约|引进|落地|开发|完成|竣工)$").search(name.group(1)) and rx(r"[\u4e00-\u9fffA-Za-z0-9（）()]{1,14}?(?:项目|工程)?(?:、[^，,；;。]{1,40}?)?等[0-9０-９一二三四五六七八九十百]+个[\u4e00-\u9fff]{0,4}?(?:项目|工程)").match(text[fig.end : fig.end + 60]):
        return False  # "推进宏烨200万千瓦渔光互补、华能…等20个项目": a capacity inside a listed project's name
    if fig.unit in ("公里", "千米") and rx(r"(?:时速|设计速度|速度)$").search(before):
        return False  # "时速350公里的高铁", "提速至时速300公里运营": a speed naming the line's class
    if fig.unit in ("元", "万元") and rx(r"收入$").search(before) and rx(r"(?:及以下|以下|以上|及以上)的?(?:家庭|农户|人口|群众|户|情况)").match(after):
        return False  # "年收入1万元以下家庭动态清零": an income level naming a group
    if (rx(r"(?:超过|超|过)$").search(before) or rx(r"(?:及以上|以上)的").match(after)) and rx(r"(?:及以上|以上)?的[\u4e00-\u9fff]{1,12}?[0-9０-９一二三四五六七八九十两]+(?:余|多)?[个家座处所户](?:以上)?(?:[，,；;。、]|$)").match(
            text[fig.end : fig.end + 30]):
        return False  # "年产量200吨以上的示范基地10个", "超1000亩的设施水果基地10个": a size naming the class counted
    if bare == "件" and after.startswith("大事"):
        return False  # "干好四件大事": a named set of tasks, not a count
    if bare == "大" and rx(r"[\u4e00-\u9fff]{1,4}[0-9０-９一二三四五六七八九十]+条[\u4e00-\u9fff]{0,4}?(?:政策|措施|举措|意见)").match(after):
        return False  # "6大行动35条政策": a policy package named by its counts
    if bare == "条" and _in_policy_chain(text, fig):
        return False  # "出台A16条、B16条、C15条和…等措施": policy packages named by their counts
    if rx(r"(?:首次|首|历史性地?|一举)?(?:破|突破|跨越|迈上|站上|跃上|跨上|冲破)").fullmatch(
                    text[(cs := _clause_start(text, fig.start)) : fig.start]) and rx(r"(?:大关|台阶|关口)?(?:[，,；;。]|$)").match(after) \
            and cs > 0 and text[cs - 1] in "，," and any(
                f.unit == fig.unit and f.value >= fig.value for f in find_figures(text, _clause_start(text, cs - 1), cs - 1)):
        return False  # "…总量达4168亿元，首破4000亿元大关": a milestone of the level just given, no measure of its own
    if bare in ("个", "家", "座") and rx(r"[\u4e00-\u9fff][^，,；;。、]{0,8}?第[0-9０-９一二三四五六七八九十]+(?:位|名|(?=[，,；;。、]|$))").match(after):
        return False  # "全国86个同类城市第4位": the field of a ranking
    if rx(r"据[^，,；;。]{0,6}$").search(before) and rx(r"[^，,；;。]{0,10}(?:统计|调查|测算|抽查)").match(after):
        return False  # "据十二个省的不完全统计": the scope of a survey
    if prev == "几" and fig.chinese:
        return False  # "几十亿元的收入": a vague order of magnitude
    if bare in ("个", "大", "种", "项", "家", "座", "条") and _restates_list(text, fig):
        return False  # "守好发展和生态两条底线", "发展A、B、C等3个主导产业"
    if rx(r"单(?:个|体|项)(?:项目)?(?:投资|投资额|规模)?(?:超过|超|过|达|在)?$").search(before) and rx(r"(?:及以上|以上)?的?[\u4e00-\u9fff]{0,6}?(?:项目|企业|工程)").match(after):
        return False  # "招引单个投资超1亿美元外资项目5个": the size of each, naming the class
    if fig.family == "length" and rx(r"(?:半径)?范围(?:内|以内)").match(after):
        return False  # "中心城区10公里范围内": a radius, not a measure
    if bare.endswith("人") and rx(r"口(?:的|规模的|多的)").match(after):
        return False  # "在我国这样一个九亿多人口的大国": the size of the country, an attribute
    if before.endswith("海拔"):
        return False  # "海拔5000米以上乡镇": an altitude naming the places
    if fig.family == "count" and rx(r"在[^，,；;。]{0,4}$").search(before) and rx(r"[^，,；;。]{1,24}?中(?:位列|位居|排名|排在|排|居)第").match(text[fig.end : fig.end + 40]):
        return False  # "在全国80个大城市…考核中位列第10位": the field of a ranking
    if bare == "类" and (before.endswith("劣") or rx(r"水(?:体|质)?").match(after)):
        return False  # "劣五类水体", "三类水质": a class of water, not a count
    if bare.endswith("人") and after.startswith("民") and not after.startswith("民币"):
        return False  # "全国六亿人民": 人 begins 人民, an address, not a measure word
    return True


_THRESHOLD_NOUN = re.compile(
    r"(?:及以上|以上)?的?[\u4e00-\u9fff]{0,6}?(?:项目|企业|工程|产业|集群|园区|龙头|大户|市场|商场|街区|楼宇)"
)


_POLICY_CHAIN = re.compile(
    rf"(?:[\u4e00-\u9fff]{{2,8}}?[0-9０-９{_CN_NUM}]+条[、和]){{1,}}[\u4e00-\u9fff]{{2,8}}?[0-9０-９{_CN_NUM}]+条"
    r"(?:[、和及][^，,；;。]{0,24}?)?等?(?:政策措施|措施|政策|举措|意见|新政)"
)


_SERVICE_CIRCLE = re.compile(r"(?:[\u4e00-\u9fff“”\"0-9０-９.]{0,14}、){0,6}[\u4e00-\u9fff“”\"0-9０-９.]{0,14}?圈")
"""What follows a distance or duration that names a circle: a noun phrase ending in 圈, perhaps
after the other members of a list ("、农村30分钟医疗服务圈", "邻里、15分钟社区、…生活圈")."""

_CIRCLE_VERB = re.compile(r"以内|以上|左右|缩短|减少|降低|提高|增加|到达|达到|实现|形成|建成|打造|构建|覆盖|融入|辐射")
"""A verb or bound between the figure and the 圈: the figure measures something of its own
("车程缩短至40分钟以内、形成1小时经济圈")."""


def _in_policy_chain(text: str, fig: Figure) -> bool:
    """Whether the figure is one of a list of policy packages named by their counts
    ("出台A16条、B16条、C15条和…等措施"): the counts are the packages' names."""
    start, end = _clause_start(text, fig.start), _clause_end(text, fig.end)
    return any(m.start() + start <= fig.start and fig.end <= m.end() + start
               for m in _POLICY_CHAIN.finditer(text[start:end]))


def _is_threshold(text: str, fig: Figure, before: str) -> bool:
    """"24个过亿元项目", "引进亿元以上重大项目": a money level naming a class of things.

    Only the genre's two threshold spellings: 过 before the figure, or a bare magnitude
    ("亿元", "百亿元") with no digits. "引进营收超10亿元企业2家" stays a quantity (the key
    reads it as the firms' revenue).
    """
    info = unit_info(fig.unit)
    if info is None or info.family != "money":
        return False
    clause_head = text[_clause_start(text, fig.start) : fig.start]
    if rx(r"[0-9０-９一二三四五六七八九十两]+个(?:产值|营收|营业收入|规模)?(?:超过|超|过)$").search(clause_head) and rx(r"(?:及以上|以上)?的?[\u4e00-\u9fff]{0,8}?(?:集群|企业|项目|产业|园区|基地|县|城市)").match(text[fig.end :]):
        return True  # "形成6个产值超100亿元、4个超50亿元的特色产业集群": a level naming the class counted
    if rx(r"(?:首家|首个|第[一二三四五六七八九十]家)$").search(before) and rx(r"级?的?(?:企业|项目|集团)").match(text[fig.end :]):
        return True  # "成为全市首家200亿元企业": the size class of one firm, no amount
    if rx(r"(?:新增|净增|新培育|培育|新引进|引进|招引|新招引|新签约|签约|新开工|开工|建成|新落地|落地)(?:超|超过|过)$").search(clause_head) \
            and rx(r"(?:及以上|以上)?的?[\u4e00-\u9fff]{0,8}?(?:企业|项目|工程|园区)[0-9０-９一二三四五六七八九十两百千]+(?:余|多)?[个家项户座]").match(text[fig.end :]):
        return True  # "新增超10亿元企业4家": the size class of the firms counted, no amount of theirs
    if rx(r"(?:超|超过|过)$").search(before) and rx(r"的[\u4e00-\u9fff]{0,6}?(?:村|企业|项目|县域|县|乡镇|城市)(?:占比|比重|比例|数|达|有)").match(text[fig.end :]):
        return True  # "收入超10万元的村占比达100%", "经济总量超千亿元的县域达12个"
    if rx(r"(?:[、和或][0-9０-９.]+(?:亿|万)?元)*(?:及以上|以上)的[\u4e00-\u9fff]{0,10}?(?:村|企业|组织|县域|乡镇)[\u4e00-\u9fff]{0,2}?(?:占比|比重|比例|分别(?:达到|达|占))").match(text[fig.end :]):
        return True  # "经营性收入10万元以上的村级集体经济组织比例达到70%": a level naming the class
    if rx(r"(?:及以上|以上)?(?:的)?(?:企业|项目)?[0-9０-９一二三四五六七八九十]+(?:余|多)?[个家项户座]").match(text[fig.end :]) \
            and rx(r"(?:[0-9０-９]+(?:余|多)?[个家项户座][、，,]|[、，,])$").search(before):
        return True  # "引进100亿元以上项目5个、50亿元以上15个", "…企业1家、10亿元企业10家": a member's class
    if before.endswith("过") or all(c in "十百千万亿" for c in fig.numeral):
        more = rx(r"(?:[、和或](?:过|超)?[0-9０-９.一二三四五六七八九十百千万亿]+(?:亿|万)?元)*").match(text[fig.end :])
        return bool(_THRESHOLD_NOUN.match(text, fig.end + more.end()))  # type: ignore[union-attr]
    # "其中10亿元以上项目60个", "新签约投资2000万元以上设施农业项目123个": a level with 以上 and a
    # count of the things above it later in the clause
    m = rx(r"(?:及以上|以上)的?[\u4e00-\u9fff]{0,8}?(?:项目|企业|工程|园区|村)").match(text[fig.end :])
    if m is None:
        return False
    if rx(r"[0-9０-９一二三四五六七八九十两百千]+个[^，,；;。0-9０-９]{0,12}$").search(text[_clause_start(text, fig.start) : fig.start]):
        return True  # "新增46个农村集体经济收入50万元以上行政村": the class of what is counted
    rest = text[fig.end + m.end() : _clause_end(text, fig.end)]
    if rest == "" or rest.startswith("、"):
        return True
    if rx(r"[\u4e00-\u9fff]").match(rest) and not any(f.unit for f in find_figures(rest)) \
            and not rx(r"[\u4e00-\u9fff]{0,4}(?:经费|资金|投资|补助|补贴|奖励|贷款|债券)").match(rest):
        return True  # "10亿元以上在谈项目由市级领导牵头联系": the class a rule applies to, no amount  # "重点突破50亿元以上先进制造业项目、…": the class of projects sought, no amount
    return bool(rx(r"[0-9０-９一二三四五六七八九十两百千]+[个家项户座]|(?:达到?|共|累计|增至|超过|占比|比重|比例|不少于|不低于|至少)").match(rest))


def _restates_list(text: str, fig: Figure) -> bool:
    """"东岭、西岭两个开发区": the count restates the list just before it, naming no measure."""
    n = int(fig.value)
    if not 2 <= n <= 9:
        return False
    lo = max(0, fig.start - 10 * n)
    head = text[lo : fig.start]
    if not fig.chinese:
        # digits restate a list closed by 等, or of three members or more, whose members the count
        # numbers ("发展光电子、装备制造、食品等3个主导产业"): the members are named, the count adds nothing
        digits_closed = head.endswith("等")
        if digits_closed:
            head = head[:-1]
        if rx(r"新增|新建|新认定|新培育|建成|创建|获批|引进|招引|签约").search(text[_clause_start(text, fig.start) : fig.start]) \
                or rx(r"入选|获|被|评为|列入|纳入|开工|建成|竣工|投产|投用|通过|进入|开诊|位列|跻身|上榜|挂牌|启用|运营|开业|达到").search(
                             text[fig.end : _clause_end(text, fig.end)]):
            return False  # "新增A、B等3个试点", "A、B等3个集群入选…": the count is what is new or selected
    items = rx(r"(?:^|[^\u4e00-\u9fff])?((?:[\u4e00-\u9fff“”]{1,8}[、和与及])+[\u4e00-\u9fff“”]{1,8})$").search(head)
    if items is None:
        return False
    members = rx(r"[、和与及]").split(items.group(1))
    if not fig.chinese and (members[-1].count("“") != members[-1].count("”") or "、" not in items.group(1)
                            or (not digits_closed and len(members) < 3)):
        return False  # ("从创新、协调、绿色…6个维度": three members or more need no 等)
    return len(members) == n and ("、" in items.group(1) or (n == 2 and fig.chinese and len(members[0]) >= 2))


def _inside_short_quote(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 12)
    opening = max(text.rfind("“", lo, start), text.rfind("「", lo, start))
    if opening < 0:
        return False
    closing_before = max(text.rfind("”", opening, start), text.rfind("」", opening, start))
    if closing_before > opening:
        return False
    close = -1
    for q in ("”", "」"):
        c = text.find(q, end, end + 10)
        if c >= 0:
            close = c if close < 0 else min(close, c)
    return close >= 0 and close - opening <= 14


# ------------------------------------------------------------------ qualifiers


_PREFIX_QUALIFIER_ENDS = frozenset(word[-1] for word, _q in _PREFIX_QUALIFIERS)
"""The last characters of the prefix qualifiers: a head ending in none of them has none (one
set lookup instead of ~30 ``endswith`` per figure)."""


def _prefix_qualifier(before: str) -> tuple[int, Qualifier]:
    if before[-1:] not in _PREFIX_QUALIFIER_ENDS:
        return 0, Qualifier.NONE
    for word, q in _PREFIX_QUALIFIERS:
        if before.endswith(word):
            # 超 in 超额, 近 in 最近/附近 are not qualifiers
            if word == "过" and rx(r"[通经不度难越穿跨路走闯错放改胜]过$|了过$").search(before):
                return 0, Qualifier.NONE
            if word == "约" and rx(r"[签预节制合契公条婚邀特]约$").search(before):
                return 0, Qualifier.NONE
            if word == "近" and rx(r"(?:最|附|临|接|将|靠)近$").search(before) and not before.endswith(("接近", "将近")):
                return 0, Qualifier.NONE
            return len(word), q
    return 0, Qualifier.NONE


def _suffix_qualifier(after: str, unit: str) -> Qualifier | None:
    for word, q in _SUFFIX_QUALIFIERS:
        if after.startswith(word):
            if word == "内" and not (unit_info(unit) and unit_info(unit).family == "duration"):  # type: ignore[union-attr]
                continue
            if word in ("以下", "以上") and rx(r"以[上下](?:的|企业|单位|项目|规模|工业|人口|城市)").match(after):
                # 规模以上 is a class name, not a qualifier of this figure
                return q
            return q
    return None


# ------------------------------------------------------------------ kind


def _kind(family: str | None, left: str, text: str, start: int, end: int) -> tuple[Kind, str | None]:
    left = left.rstrip(" \u3000\u00a0\t")  # "增长 5.5%"
    # strip the filler between a change verb and the figure ("同比增长", "增速完成"), and a
    # target word after it ("经济增长预期目标为7%", "经济增长速度的调控目标定为8%")
    core = rx(rf"{_FILLER}$").sub("", left) if left else left
    stated = rx(_TARGET_TAIL).search(left) if left else None
    if stated and _CHANGE_RE.search(left[: stated.start()]):
        core = left[: stated.start()]
    m = _CHANGE_RE.search(core)
    level = bool(_LEVEL_VERBS.search(left)) and not rx(r"(?:增长|下降|增速|涨幅|降幅|增幅)(?:完成|达到|达|为)$").search(left)
    if stated and core is not None and core == left[: stated.start()]:
        level = False
    change = None
    if m and not level:
        change = "up" if m.group("up") else "down"
        # 新增 / 新建 are levels of what was added, not changes
        if rx(r"(?:新增|新减|净增)$").search(core):
            change = None
        # a one-character verb must stand right before the figure ("增3个" is rare;
        # "增" at the end of 新增/倍增 etc. is not a change of this figure)
        elif len(m.group(0)) == 1 and not rx(r"(?:同比|比上年|较上年)[增降减涨]$").search(core):
            change = None
    # a rate-of-change noun with a level verb: "涨幅控制在3%左右", "增速回落到5.2%"
    rate = rx(r"(?P<noun>增速|涨幅|增幅|降幅|增长率|上涨率|下降率|增长幅度|增长速度|上涨幅度)"
        r"(?:[^，,；;。]{0,16}?(?:控制在|控制到|保持在|稳定在|回落到|回落至|回升到|回升至|提高到|提高至|降至|降到|"
        r"下降到|达到|达|为|在|是)|(?:由|从)(?:上年|去年|前年)?的?)$").search(
        left or "",
    )
    if rate and family == "percent":
        return Kind.CHANGE, ("down" if rate.group("noun") in ("降幅", "下降率") else "up")
    if family == "percent" and rx(r"(?:增长速度|增长幅度|上涨幅度|增速|涨幅|增幅)$").search(core or ""):
        return Kind.CHANGE, "up"  # "经济增长速度8%": a rate noun right before the figure
    # "地区生产总值增速高于全省1个百分点、7%左右": a rate noun heads the clause and no
    # share noun follows it
    compared = rx(r"(?P<noun>增速|涨幅|增幅|降幅|增长速度)(?P<rest>[^，,；;。]*)$").search(left or "")
    if compared and family == "percent" and not rx(r"率|比重|占比|比例|份额").search(compared.group("rest")) \
            and rx(r"高于|快于|低于|好于|持平|同步|[、]").search(compared.group("rest")):
        return Kind.CHANGE, ("down" if compared.group("noun") == "降幅" else "up")
    if family in ("percent", "points"):
        if change:
            return Kind.CHANGE, change
        return Kind.RATIO, None
    if family == "multiple":
        if change:
            return Kind.CHANGE, change
        return Kind.RATIO, None
    if family == "rate":
        return (Kind.CHANGE, change) if change else (Kind.RATIO, None)
    if change and family in ("money", "area", "length", "mass", "volume", "power", "energy", "count", "concentration", "age", "compute", "freight"):
        if family == "count" and not rx(r"(?:增长|增加|减少|下降)$").search(core):
            return Kind.COUNT, None
        return Kind.CHANGE, change
    if family == "count":
        return Kind.COUNT, None
    return Kind.AMOUNT, None


# ------------------------------------------------------------------ status and year


_PLAN_ROLES = (PartRole.PLAN, PartRole.FIVE_YEAR_PLAN)


_PLAN_OPENING = (
    r"\s*(?:(?:今年|做好今年)[^。\n]{0,16}?(?:总体要求|主要预期目标|预期目标)"
    r"|(?:YEAR)年是[^。\n]{0,40}(?:关键|重要|开局|收官))"
)


def _unmarked_plan_start(report: Report, text: str) -> int | None:
    """Where the plan begins in a report whose plan part lost its heading.

    Some sources drop the "二、2024年工作安排" line; the plan then runs on inside the review
    part. When no part is a plan, the first paragraph of a review part that opens the plan
    the genre's way ("2024年是…关键一年", "今年政府工作的总体要求是", "主要预期目标是")
    starts it.
    """
    if any(p.role in _PLAN_ROLES for p in report.parts):
        return None
    _review, plan_year = _years(report)
    if plan_year is None:
        return None
    opening = rx(_PLAN_OPENING.replace("YEAR", str(plan_year)))
    for part in report.parts:
        if part.role not in (PartRole.REVIEW, PartRole.OTHER):
            continue
        for para in report.paragraphs:
            if part.heading_start + 100 < para.start < part.body_end and opening.match(text, para.start):
                return para.start
    return None


_FUTURE_CUE = re.compile(r"力争|争取|确保|计划|目标|[将將](?!近)|要|拟|预计|规定|应当|必须|准备|打算|努力|力求|今后|明年")
"""Words that put a figure in the plan, wherever it stands."""

_NOW_CUE = re.compile(r"目前|(?<!实)现在|当前|迄今|至今|已经")
_SINCE = re.compile(r"以来|(?<![0-9０-９])[几近多两三四五六七八九十]年来|(?<![0-9０-９])一年多来|(?<![0-9０-９今])前[两三四五]年(?!内|之内|的?(?:目标|任务))")
"""Since a past point ("解放以来", "近三年来"): what has happened so far."""
"""A state reached by now ("目前…有32000多个", "已经占总农户的60%"): an actual, even in a plan part."""

_RECALLED_TARGET = re.compile(r"(?:曾|已经|已)?(?:提出|确定|规定|要求|部署)[^。；;]{0,12}[，,：:]?\s*(?:要把|要使|要|力争|争取|确保)[^，,；;。]*$")
"""Last year's target recalled in a review ("去年…曾提出，要把…控制在"): a target of the year reviewed."""


def _status_year(
    report: Report, part, text: str, start: int, plan_from: int | None = None, end: int | None = None
) -> tuple[Status, int | None]:
    """The status and year of the figure at ``start``: the part sets them, and cues inside the
    sentence overrule the part (the older national reports mix review and plan inside parts)."""
    status, year = _part_status_year(report, part, text, start, plan_from)
    review_year, plan_year = _years(report)
    if plan_year is None and review_year is None:
        return status, year
    sent0 = _sentence_start(report, text, start)
    head = text[sent0:start]
    if status != Status.TARGET and (planned := _cues()["plan_rules_year"].search(_year_view(text[sent0:start]))) \
            and int(planned.group(1)) >= plan_year and int(planned.group(1)) > review_year and not _ESTIMATE.search(head) \
            and not rx(r"(?:由|从|比|较|同|与)[^，,；;。由从比较]{0,8}$").search(head):  # (not the base: "比1958年的N")
        # "第六个五年计划规定，一九八五年工农业总产值达到…，比一九八○年增加N": the plan's target for that year
        return Status.TARGET, int(planned.group(1))
    if status == Status.ESTIMATE and (named := _cues()["estimate_year"].search(_year_view(text[sent0:start]))) \
            and review_year - 1 <= int(named.group(1)) <= plan_year + 1:
        return status, int(named.group(1))  # "一九五四年預計現代工業的總産值將等於…": the year estimated
    if status != Status.ESTIMATE and (listed := _estimated_list(text, start)) is not None:
        # "一九五四年預計産量…比較一下，…以下的數字：電力…；原煤…": a list an estimate introduces
        return Status.ESTIMATE, listed or year
    if end is not None and _conditional(text, start, end):
        # "只要降低百分之一，就可以每年节约N", "如果…，就需要增加N": what would follow, no plan or outcome
        return Status.ESTIMATE, plan_year or year
    if status == Status.TARGET:
        # a file that holds its review twice (the second copy inside a plan part): the sentence's
        # first copy, in the review, says what it is
        s0 = _sentence_start(report, text, start)
        stop = _first_of(text, "。\n", start)
        sentence = text[s0:stop]
        if len(sentence) < 30:  # a short ；-clause ("限额以上更新改造项目九十二个"): the whole sentence
            s0 = _SENT_FLOOR(text, start)
            sentence = text[s0:stop]
        if len(sentence) >= 30:
            j = text.find(sentence)
            if 0 <= j < s0:
                first, _sec = report.locate(j + start - s0)
                if first is not None and first.role == PartRole.REVIEW:
                    return _status_year(report, first, text, j + start - s0, plan_from,
                                        None if end is None else j + end - s0)
    clause = text[_clause_start(text, start) : start]
    head = text[_sentence_start(report, text, start) : start]
    right = text[end : _clause_end(text, end)] if end is not None else ""
    if status == Status.TARGET and _cues()["done"].search(head) and not _FUTURE_CUE.search(head) \
            and not rx(r"(?:今年|本年|明年|[0-9０-９〇○零一二三四五六七八九]{4}年)").search(head):
        # "各地还办了三万多所…，平均每个公社有…1.2所" in a plan part: what has been done
        return Status.ACTUAL, review_year
    if status == Status.TARGET and _cues()["outcome"].search(head) \
            and not _FUTURE_CUE.search(text, _sentence_start(report, text, start), _sentence_end(text, start)):
        # "…减少到现在的276个，…结果…成本由303元降到243元": what a past measure has brought
        return Status.ACTUAL, review_year
    if status == Status.TARGET and _cues()["now_reached"].search(clause) and not _FUTURE_CUE.search(clause):
        # "我国60岁以上人口已达2.5亿": the state reached by now, which the plan answers
        return Status.ACTUAL, (plan_year if rx(r"今年|本年").search(head) and not _delivered_late(text) else review_year)
    if status == Status.ACTUAL and review_year and _cues()["plan_recalled"].match(clause):
        # "原定一九五七年十月到一九五八年九月底增加灌溉面积N，但是…已经完成M": the plan, recalled
        return Status.TARGET, year
    if status == Status.TARGET and rx(r"[^，,；;。]{0,8}?的基础上").match(right) and not _FUTURE_CUE.search(clause):
        # "在连续两年增长13%的基础上": the base the plan starts from, last year's actual
        return Status.ACTUAL, review_year
    sp = (_cues()["span_opening"].match(text, _SENT_FLOOR(text, start), start) or _cues()["span_clause"].search(text, _SENT_FLOOR(text, start), start)) \
        if status == Status.TARGET and review_year else None
    if sp is not None \
            and not _FUTURE_CUE.search(text, sp.end(), start) and not rx(r"今明|明后").search(text[_SENT_FLOOR(text, start) : start]):
        # "在运输交通方面：两年铁路的货物周转量增长55%", "农民…的收入，两年增长约7%" in a plan part: the years just reviewed
        para = text[_paragraph_start(report, text, start) : start]
        return (Status.ESTIMATE if _ESTIMATE.search(para) else Status.ACTUAL), review_year
    if status == Status.TARGET and ((_NOW_CUE.search(clause) or rx(r"[\u4e00-\u9fff]{0,6}?已经").match(right))
                                    and not _FUTURE_CUE.search(clause.replace("现在要", ""))
                                    or search_opening(_SINCE, _OPENS[_SINCE], head) and not _FUTURE_CUE.search(_cues()["past_effort"].sub("", head))
                                    or _SINCE.match(_cues()["since_opening"].match(text, _SENT_FLOOR(text, start)).group(1) or "x")
                                    and not _FUTURE_CUE.search(text, _SENT_FLOOR(text, start), start)):
        # "目前在全国注册登记的各种经济联合体有32000多个", "12个项目已经部分地投入生产": now, not the plan
        return Status.ACTUAL, (plan_year if rx(r"今年|本年").search(head) and not _delivered_late(text) else review_year)
    if status == Status.ACTUAL and review_year and year == review_year \
            and rx(r"(?:左右|以上|以内)?的?(?:预定|预期|原定|年度|调控|奋斗)目标").match(right):
        return Status.TARGET, review_year  # "增长7.8%，虽然略低于8%的预定目标": last year's target
    if status == Status.ACTUAL and review_year and year == review_year \
            and rx(r"(?:左右|以上|以内)?(?:、[^，,；;。]{0,30})?的目标").match(right) \
            and rx(r"(?:确定|提出|规定|制定)的").search(clause):
        return Status.TARGET, review_year  # "没有实现年初确定的A降低4%左右、B减少2%的目标": the year's targets, recalled
    if status == Status.ACTUAL and review_year and year == review_year and _cues()["plan_requirement"].match(right) \
            and _cues()["plan_named"].search(clause):
        return Status.TARGET, review_year  # "比上年增长7.6%，超过计划增长6%的要求": the plan's figure for that year
    if status == Status.ACTUAL and review_year and year == review_year and search_opening(_RECALLED_TARGET, _OPENS[_RECALLED_TARGET], head) \
            and not rx(r"(?:从|由)$").search(clause):
        return Status.TARGET, review_year  # "去年…曾提出，要把…控制在10%以内"
    if status == Status.ACTUAL and review_year and year is not None and year > review_year \
            and rx(r"[将將](?!近)|计划|要").search(clause) and not rx(r"已|了").search(clause):
        return Status.TARGET, year  # "在一九五四年將由…上升爲42.3%" in a review part: the plan year's target
    if status == Status.ACTUAL and year is not None and year > (plan_year or review_year) \
            and (_FUTURE_CUE.search(head) or rx(r"(?:到|至)[0-9０-９〇○零一二三四五六七八九]{4}年").search(head)):
        return Status.TARGET, year  # "按照规划，到一九八五年，…每年要增长10%": no actual lies ahead of the report
    if status == Status.ACTUAL and review_year and year == review_year:
        # "一九五二年，…批发中的比重达到63%，在社会零售中的比重达到34%": the year opening the
        # sentence dates its later clauses too, when no other year is named after it
        opening = rx(r"[\s\u3000]*(?:在)?([0-9０-９〇○零一二三四五六七八九]{4})年[，,]").match(head)
        if opening is None and _SENT_FLOOR(text, start) < _sentence_start(report, text, start):
            # "1979年油料产量644万吨，比上年增加122万吨；肉类产量1062万吨": the year opening the
            # sentence (before its ；) dates the clauses after it
            head = text[_SENT_FLOOR(text, start) : start]
            opening = _cues()["clause_year"].match(head)
        if opening and _ascii_year(opening.group(1)).isdigit() and 1949 <= int(_ascii_year(opening.group(1))) < review_year \
                and not rx(r"[0-9０-９〇○零一二三四五六七八九]{4}年|今年|本年|同期").search(head[opening.end() :]) and not _FUTURE_CUE.search(head) \
                and not rx(r"(?:由|从)的?$").search(clause):  # (not the start value of 由A减少到B)
            return Status.ACTUAL, int(_ascii_year(opening.group(1)))
    if status == Status.TARGET and _cues()["cohort_size"].search(clause):
        # "今年高校毕业生将达727万人", "今年高校毕业生820多万人，再创历史新高": the size of this year's
        # cohort, an expectation the plan responds to, no target ("帮助N万名高校毕业生就业" is one)
        return Status.ESTIMATE, year
    if rx(r"现行的?$").search(clause) and status == Status.TARGET:
        return Status.ACTUAL, review_year  # "将…现行10%的税率降至9%": the rate now in force
    if status == Status.ESTIMATE and year == plan_year and review_year and _delivered_late(text) \
            and rx(r"(?:今年|本年)[^，,；;。]{0,12}预计[^，,；;。0-9０-９]{0,3}$").search(clause):
        return Status.ESTIMATE, review_year  # a report delivered late in the year: 今年…预计 is the year reviewed
    if status == Status.TARGET and plan_year and year is not None and year < plan_year and not _FUTURE_CUE.search(head):
        m = None
        for m in rx(r"(?:到|至|在|(?<![等当])于)([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末)?").finditer(head):
            pass
        if m is not None and _ascii_year(m.group(1)).isdigit() and int(_ascii_year(m.group(1))) == year:
            return Status.ACTUAL, year  # "由1970年的…增加到1980年的…" in a plan part: a past year's level
    if status in (Status.TARGET, Status.ACTUAL) and plan_year:
        # "１９８６年同１９７８年相比，…；国民收入由３０１０亿元增加到７７９０亿元": a comparison of
        # past years opens the sentence (up to its 。), whatever the ；-clauses after it
        full = text[_last_of(text, "。\n", start) + 1 : start]
        # ("１９８０年同完成经济恢复的１９５２年相比": a few words may name the base year)
        m = rx(r"[\s\u3000]*[^，,；;。]{0,6}?([0-9０-９〇○零一二三四五六七八九]{4})年(?:同|与|和|比)(?:[^，,；;。0-9０-９]{0,10}?的)?([0-9０-９〇○零一二三四五六七八九]{4})年(?:相比|比较)").match(full)
        if m and _ascii_year(m.group(1)).isdigit() and int(_ascii_year(m.group(1))) < plan_year and not _FUTURE_CUE.search(full):
            if rx(r"(?:由|从)的?$").search(clause) and _ascii_year(m.group(2)).isdigit():
                return Status.ACTUAL, int(_ascii_year(m.group(2)))  # "由３０１０亿元增加到…": the base year's level
            return Status.ACTUAL, int(_ascii_year(m.group(1)))
    return status, year


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """The status and year cues of loaders/data/status_year_cues.json, compiled."""
    data = json.loads(data_text("status_year_cues.json"))
    return {k: rx(v) for k, v in data.items() if not k.startswith("_")}


def _estimated_list(text: str, start: int) -> int | None:
    """The year (0 when none is named) of an estimate cue that introduces, before a colon, the list
    the figure stands in ("…的一九五四年預計産量…：電力…；原煤…"), else None."""
    floor = _SENT_FLOOR(text, start)
    colon = max(text.rfind("：", floor, start), text.rfind(":", floor, start))
    if colon < 0:
        return None
    m = None
    for m in _ESTIMATE.finditer(text, floor, colon):
        pass
    if m is None or rx(r"[比较較同](?:[0-9０-９〇○零一二三四五六七八九]{4}年|上年|去年|今年|本年)的?$").search(text[floor : m.start()]):
        return None
    y = rx(r"([0-9０-９〇○零一二三四五六七八九]{4})年的?$").search(text[floor : m.start()])
    return int(_ascii_year(y.group(1))) if y and _ascii_year(y.group(1)).isdigit() else 0


def _conditional(text: str, start: int, end: int) -> bool:
    """The figure stands in a condition and its consequence ("只要…降低1%，一年就可以增加收入20亿元"):
    a cue of the condition earlier in the same sentence (up to 。；), a consequence word (就/便/则)
    after it, and no computing convention ("如果按1952年的不变价格计算，则为…"); a count of a named
    set ("只要恪守三个公报") is left alone."""
    cues = _cues()
    if cues["counted_set_unit"].search(text[start:end]):
        return False
    s0 = _last_of(text, "。；;！？\n", start) + 1
    head = text[s0:start]
    m = None
    for m in cues["conditional"].finditer(head):
        pass
    if m is None:
        return False
    tail = text[end : _first_of(text, "。；;！？\n", end)]
    after = head[m.end() :]
    consequence = cues["conditional_consequence"].search(after)
    condition = after[: consequence.start()] if consequence else after + tail[: (cues["conditional_consequence"].search(tail) or rx("$").search(tail)).start()]
    if cues["conditional_computation"].search(condition):
        return False
    return bool(consequence or cues["conditional_consequence"].search(tail))


def _part_status_year(
    report: Report, part, text: str, start: int, plan_from: int | None = None
) -> tuple[Status, int | None]:
    review_year, plan_year = _years(report)
    role = part.role if part is not None else None
    plan_like = role in _PLAN_ROLES or (plan_from is not None and start >= plan_from)
    if role == PartRole.SELF_BUILDING and part is not None:
        # the self-building part after a plan part looks ahead
        plan_like = any(p.role in _PLAN_ROLES and p.number < part.number for p in report.parts) or (
            plan_from is not None and plan_from < part.heading_start
        )
    sentence_start = _sentence_start(report, text, start)
    head = text[sentence_start:start]
    if not plan_like and role != PartRole.SELF_BUILDING and _PLAN_SENTENCE.search(head):
        plan_like = True  # "今年…主要预期目标是：" in a part whose plan heading was lost
    start_value = rx(r"(?:由|从)([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末)?的?(?:[0-9０-９.]+[^\d，,；;。由从]{0,4}[和、])?$|(?:比|较|同)([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末)?的$").search(text[_clause_start(text, start) : start])
    if start_value and start_value.group(1) is None:
        # "比一九五二年的八百二十七亿元增长…": the base of the comparison is that year's level
        start_value = rx(r"([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末)?的$").search(start_value.group(0))
    if start_value and _ascii_year(start_value.group(1)).isdigit() and (
            1949 <= int(_ascii_year(start_value.group(1))) <= (plan_year or review_year or 2100)):
        return Status.ACTUAL, int(_ascii_year(start_value.group(1)))  # "将由2037年的42%提高到60%": the start
    if _ESTIMATE.search(rx(r"[比较較同](?:[0-9０-９〇○零一二三四五六七八九]{4}年|上年|去年|今年|本年)(?:的)?(?:预计|預計)(?:数|的)?").sub("", head)):
        status = Status.ESTIMATE  # (not the base of a comparison: "比1980年预计增加9万吨")
    elif (search_opening(_YEAR_TO_DATE, _OPENS[_YEAR_TO_DATE], head) or _plan_year_to_date(head, plan_year)) \
            and not rx(r"力争|争取|确保|计划|目标|要|将|拟").search(head):
        # "今年一月至九月，…下降了百分之十五点七", "在一九五五年上半年…已降低到N": this year so far,
        # an actual of the delivery year
        return Status.ACTUAL, (review_year if _delivered_late(text) else plan_year)
    elif plan_like and _TO_DATE.search(text, _clause_start(text, start), start):
        return Status.ACTUAL, review_year  # "先后29次亲临": a count to date, never a plan
    elif plan_like:
        status = Status.TARGET
    else:
        status = Status.ACTUAL
    year = plan_year if plan_like else review_year
    opening_year = part is not None and rx(rf"开好局|起好步|开局之年|{plan_year}年|今年" if plan_year else r"开好局|起好步|开局之年|今年").search(part.title)
    if role == PartRole.FIVE_YEAR_PLAN and plan_year and not opening_year and not _states_this_year(report, text, start) \
            and not rx(rf"今年|本年|{plan_year}年").search(_year_view(text[sentence_start:start])) \
            and not rx(rf"[\s\u3000]*{plan_year}年的?(?:国民经济)?计划").match(_year_view(text[_paragraph_start(report, text, start) : start])):
        # ("在今年进行建设的…项目", a paragraph opening "1959年的国民经济计划，…": this year's)
        year = plan_year + 4  # the horizon of a five-year plan begun this year
        named_plan = _NAMED_PLAN.search(part.title) if part is not None else None
        if named_plan is not None:  # "第一个五年计划概要": 1953–1957, whenever the report is
            year = _plan_end(_NUMERAL_VALUE[named_plan.group(1)])
    m = None
    # ("是1950年到1997年投入总和的1.7倍": a span named as a base dates nothing)
    for m in rx(r"(?:到|至|在|(?<![等当])于|展望)([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末|前)?").finditer(
                         _cues()["base_level_in_head"].sub(lambda b: "　" * len(b.group(0)),
                                                           _cues()["base_span"].sub(lambda b: "　" * len(b.group(0)),
                                                                                    _century_view(head, plan_year or review_year)))):
        pass
    if m is None and rx(r"[\s\u3000]*其中[，,]").match(head) and sentence_start > 0:
        # "到1985年，…。其中，城镇居民…平均每年递增N": 其中 carries on the sentence before, whose
        # first named point in time (not the end of a past span, "1953年至1980年") frames it
        m = rx(r"(?<![年])(?:到|至|在|(?<![等当])于)([0-9０-９〇○零一二三四五六七八九]{4})年(?:底|末|前)?").search(
            text, _sentence_start(report, text, sentence_start - 1), sentence_start)
    if m is None and plan_like and plan_year:
        named_year = None
        for named_year in rx(r"(?:规定|计划|要求|预计)[，,：:]?([0-9０-９〇○零一二三四五六七八九]{4})年的").finditer(head):
            pass
        if named_year is not None and _ascii_year(named_year.group(1)).isdigit() \
                and int(_ascii_year(named_year.group(1))) >= plan_year:
            m = named_year  # "计划规定一九五九年的社会商品零售总额将达到…": that year's target
    if m is None and plan_like and plan_year:
        opening = _cues()["clause_year"].match(text, _clause_start(text, start), start)
        if opening is not None and _ascii_year(opening.group(1)).isdigit() \
                and plan_year < int(_ascii_year(opening.group(1))) <= plan_year + 15:
            m = opening  # "2012年财政性教育经费支出占国内生产总值比重达到4%" in the 2011 plan: that year's target
        else:
            for later in _cues()["year_will"].finditer(head):
                if _ascii_year(later.group(1)).isdigit() and plan_year < int(_ascii_year(later.group(1))) <= plan_year + 15:
                    m = later  # "社会商品零售总额一九八五年将达到…，比一九八○年增长40%"
    fyp = None
    for f5 in _FIVE_YEAR_PLAN.finditer(head):
        if not _PLAN_AS_BASE.search(head, 0, f5.start()) \
                and not rx(r"今年|本年").search(head, f5.end()):  # "较“十三五”期间增长": a base; "…，今年要关停N": this year's
            fyp = f5
    if fyp is None and plan_like and _cues()["plan_span_horizon"].match(head) and not rx(r"今年|本年").search(head):
        # "“十一五”期间，关停A，今年要关停B；五年淘汰C": the five years of the plan the sentence (up to
        # its 。) named before its ；
        floor = _SENT_FLOOR(text, start)
        for f5 in _FIVE_YEAR_PLAN.finditer(text, floor, sentence_start):
            if not _PLAN_AS_BASE.search(text, floor, f5.start()):
                fyp = f5
    if fyp is not None and (m is None or fyp.start() > m.start()):
        n = fyp.group(1)
        n_value = (10 if n.startswith("十") else 0) + "一二三四五六七八九".index(n[-1]) + 1
        end_year = _plan_end(n_value)  # 十五五 → 2030, 九五 → 2000
        if plan_like and plan_year and end_year >= plan_year:
            year = end_year
        elif not plan_like and review_year and end_year <= review_year:
            year = end_year
    elif m is not None and _ascii_year(m.group(1)).isdigit():
        y = int(_ascii_year(m.group(1)))
        if 1949 <= y <= 2100:
            year = y
            if plan_like and plan_year and y < plan_year and status == Status.TARGET and rx(r"(?:去年|上年)").search(text[_clause_start(text, start) : start]) and not rx(r"力争|争取|确保|计划|目标|将|要|拟").search(text[_clause_start(text, start) : start]):
                status = Status.ACTUAL  # "从2003年到2006年…，其中去年超收2573亿元": the year before, reviewed
    elif plan_like and plan_year and (named := _named_plan_paragraph(report, text, start)) is not None and named >= plan_year \
            and not rx(r"今年|明年|本年|[0-9０-９〇○零一二三四五六七八九]{4}年").search(head):
        year = named  # "第六个五年计划期间，…。其中，出口总额将达到…": the plan's last year
    elif plan_like and plan_year and (h := _HORIZON.search(head)) is not None:
        # "今后三年内，新建县级医院N所": a target at the horizon's end, not this year's
        year = plan_year + "两三四五六七八九十".index(h.group(1) or h.group(2)) + 1
        named_plan = _NAMED_PLAN.search(text[:3000]) if (h.group(1) or h.group(2)) == "五" else None
        if named_plan is not None and plan_year - 5 < _plan_end(_NUMERAL_VALUE[named_plan.group(1)]) < year:
            year = _plan_end(_NUMERAL_VALUE[named_plan.group(1)])  # a report on the first five-year plan: 五年内 ends in 1957
    elif plan_like and plan_year and _recalls_last_year(report, text, start):
        # a plan part looking back ("过去一年，…国内生产总值增长10.3%", "去年…回落到2.6%")
        status = Status.ESTIMATE if status == Status.ESTIMATE else Status.ACTUAL
        year = review_year
    elif plan_like and plan_year:
        # a plan part recalling a past year ("1956年…增长了41%") states an actual
        clause = text[_clause_start(text, start) - 0 : start]
        past = [
            int(_ascii_year(y.group(1)))
            for y in rx(r"(?<![比较較与與同])([0-9０-９〇○零一二三四五六七八九]{4})年(?!以来|来|起|开始|以后|以前|之前|前|(?:底|末)?的?[0-9０-９百])").finditer(head)
            if _ascii_year(y.group(1)).isdigit()
        ]
        if past and past[-1] >= plan_year:
            past = []  # "一九五八年只生产N，一九五九年将生产M，增长…": the last year named is the plan's
        past = [y for y in past if 1900 <= y < plan_year]  # (1936, the pre-war peak, in the 1950s reports)
        if past and not rx(r"力争|争取|确保|计划|目标|将|要|拟").search(clause):
            year = past[-1]
            if status == Status.TARGET:
                status = Status.ACTUAL
    elif not plan_like and review_year:
        # a review naming another year in the clause ("1978年为17.4%", "由2010年的162.4亿元");
        # only after the clause's previous figure ("由2010年的A增加到B": B is this year's)
        clause = text[_clause_start(text, start) : start]
        opening = _cues()["clause_year"].match(clause)
        if opening and _ascii_year(opening.group(1)).isdigit() and len(rx(r"[0-9０-９〇○零一二三四五六七八九]{4}年").findall(clause)) == 1 \
                and 1949 <= int(_ascii_year(opening.group(1))) < review_year:
            return status, int(_ascii_year(opening.group(1)))  # "1979年人口自然增长率由上年的1.2%下降到1.17%"
        # (what follows reads the clause after its last figure for a year or 去年: a clause with
        # no 年 has neither, wherever it starts, and its figures are not looked for)
        figs = [f for f in find_figures(clause) if f.unit and f.unit != "年"] if "年" in clause else []
        if figs:
            clause = clause[figs[-1].end :]
        named = [
            int(_ascii_year(y.group(1)))
            for y in rx(r"(?<![比较較与與同自于於是])([0-9０-９〇○零一二三四五六七八九]{4})年(?!以来|来|起|开始|以后|以前|之前|前|度)").finditer(
                _cues()["base_span"].sub("", clause),  # "是1950年到1997年投入总和的1.7倍": a base, no date
            )
            if _ascii_year(y.group(1)).isdigit()
            and not (_cues()["base_level"].search(clause, 0, y.end() + 1) and clause[y.end() :] in ("的", "底的", "末的"))
        ]
        named = [y for y in named if 1900 <= y <= review_year]
        cs = _clause_start(text, start)
        if not named and cs > 0 and text[cs - 1] in "，," and rx(r"(?:比|较)(?:上年|去年)|同比").match(text[cs:start]):
            # "1979年…收购商品总额1992亿元，比上年增长14.5%": the bare comparison keeps that year
            prev = text[_clause_start(text, cs - 1) : cs - 1]
            named = _years_named(rx(r"^([0-9０-９〇○零一二三四五六七八九]{4})年(?!以来|来|起|开始|以后|以前|之前|前|度)"), prev, review_year)
        elif not named and cs > 0 and text[cs - 1] in "，," and rx(r"[由从]").match(text, cs):
            # "基本建设1979年交付使用的A占投资的比重，由上年的B提高到C": the subject clause before, with
            # no figure of its own, dates the change (its start value is the year before)
            prev = text[_clause_start(text, cs - 1) : cs - 1]
            if not any(f.unit and f.unit != "年" for f in find_figures(prev)):
                named = _years_named(_cues()["subject_clause_year"], prev, review_year)
        if named:
            year = named[-1]
        elif _delivered_late(text) and _cues()["last_year"].search(clause):
            year = review_year - 1  # a report delivered late in the year reviews this year: its 去年 is the year before
    if role == PartRole.FIVE_YEAR_PLAN and review_year and m is None and fyp is None:
        # "“十四五”时期，…这五年，…能耗累计下降14%": a paragraph reviewing the plan just ended
        para = text[_paragraph_start(report, text, start) : start]
        past = [f for f in _FIVE_YEAR_PLAN.finditer(para)]
        if past and rx(r"这五年|过去五年|五年来").search(para[past[-1].end() :]):
            n = past[-1].group(1)
            end_year = _plan_end((10 if n.startswith("十") else 0) + "一二三四五六七八九".index(n[-1]) + 1)
            if end_year <= review_year:
                status, year = Status.ACTUAL, end_year
    if plan_like and plan_year and plan_year >= 1966 and year == plan_year and _cues()["outline"].search(head) \
            and rx(r"年均|平均每年").search(text[_clause_start(text, start) : start]):
        year = _plan_end((plan_year - 1966) // 5 + 3)  # "《纲要（草案）》…地区生产总值年均增长5%": the plan's last year
    base = rx(r"[较比][“\"]?(十?[一二三四五六七八九])五[”\"]?末的?$").search(text[_clause_start(text, start) : start])
    if base is not None:  # "较“十三五”末的9323.1亿元": the level at the end of that plan
        n = base.group(1)
        status, year = Status.ACTUAL, _plan_end((10 if n.startswith("十") else 0) + "一二三四五六七八九".index(n[-1]) + 1)
    return status, year


def _years_named(pattern: re.Pattern, clause: str, review_year: int) -> list[int]:
    """The years (group 1 of ``pattern``) a clause names, from 1949 to the year reviewed."""
    years = [int(_ascii_year(y.group(1))) for y in pattern.finditer(clause) if _ascii_year(y.group(1)).isdigit()]
    return [y for y in years if 1949 <= y <= review_year]


def _plan_year_to_date(head: str, plan_year: int | None) -> bool:
    """The head names a part of the plan year gone by, with the year written out ("一九五五年上半年",
    "2024年1-2月"): :data:`_YEAR_TO_DATE` read with the year as 今年."""
    if plan_year is None or "年" not in head:
        return False
    view = _YEAR_NAMED.sub(lambda y: "今年" if _ascii_year(y.group(1)) == str(plan_year) else y.group(0), head)
    return view != head and bool(_YEAR_TO_DATE.search(view))


_YEAR_NAMED = re.compile(r"([0-9０-９〇○零一二三四五六七八九]{4})年")


def _century_view(head: str, report_year: int | None) -> str:
    """``head`` with a point of a century ("本世纪末", "下世纪中叶") written as its year ("到2000年"),
    so the plan's horizon dates the figure ("为实现本世纪末把我国人口控制在十二亿以内"); not when a
    goal or another horizon follows it ("根据到本世纪末…的目标和今后五年…，计划规定")."""
    if report_year is None or "世纪" not in head:
        return head

    def year(m: re.Match) -> str:
        if rx(r"目标|今后|五年|计划").search(head, m.end()):
            return m.group(0)
        century = report_year // 100 + (1 if m.group(1) == "下" else 0)
        return f"到{century * 100 + 50 if m.group(2) == '中叶' else (century + 1) * 100}年"

    return _cues()["century_point"].sub(year, head)


_YEAR_TO_DATE = re.compile(
    r"(?:今年|本年)(?:[一1１]月(?:份)?(?:至|到|—|－|-|~)[一二三四五六七八九十0-9０-９]{1,2}月|前[三3３]季度|上半年|"
    r"前[一二三四五六七八九十0-9０-９]{1,2}个月|头[一二三四五六七八九十0-9０-９]{1,2}个月)|"
    r"(?:今年)?第?一季度[^，,；;。]{0,12}已经?"
)
"""This year so far ("今年一月至九月", "今年前三季度"): what has happened, not a plan."""


@lru_cache(maxsize=64)
def _delivered_late(text: str) -> bool:
    """A report delivered late in the year speaks of 明年 (as loaders.metadata reads it): its 今年
    is the year under review."""
    return len(rx("明年").findall(text)) >= 3


def _named_plan_paragraph(report: Report, text: str, start: int) -> int | None:
    """The last year of the five-year plan a paragraph opens with ("第六个五年计划期间，…"), else None."""
    p0 = _paragraph_start(report, text, start)
    # (also after a topic: "在科学技术方面，第六个五年计划规定，…")
    m = rx(r"[\s\u3000]*(?:在[^，,。；;]{1,12}方面[，,])?(?:在)?" + _NAMED_PLAN.pattern + r"(?:的)?(?:期间|时期|内|中|规定)").match(text[p0:start])
    return _plan_end(_NUMERAL_VALUE[m.group(1)]) if m else None


def _plan_end(n: int) -> int:
    """The last year of the n-th five-year plan (1953–57, 1958–62, then 1966–70 onwards)."""
    return 1957 if n == 1 else 1962 if n == 2 else 1955 + 5 * n


_NAMED_PLAN = re.compile(r"第([一二三四五六七八九十]|十[一二三四五六七八九])[个個]五年[计計][划劃]")
_NUMERAL_VALUE = {n: i + 1 for i, n in enumerate("一二三四五六七八九十")} | {
    "十" + n: 11 + i for i, n in enumerate("一二三四五六七八九")}

_THIS_YEAR = re.compile(r"(?:今年|本年度?)[^，,；;。]{0,12}?(?:预期|主要|调控)?目标")
"""A five-year plan part's sentence about this year's targets ("今年…主要预期目标是")."""

def _states_this_year(report: Report, text: str, start: int) -> bool:
    """The paragraph so far states this year's targets ("今年…主要预期目标是：…；…"), with no
    later cue of the five-year horizon."""
    head = text[_paragraph_start(report, text, start) : start]
    last = None
    for last in _THIS_YEAR.finditer(head):
        pass
    return last is not None and not rx(r"五年|十[一二三四五六七八九]五|到(?:19|20)\d\d年").search(head[last.end() :])


_HORIZON = re.compile(r"(?:今后|未来|用|从今年起|从明年起)的?([两三四五六七八九十])年(?:左右)?(?:内|之内|里|中|间|时间|(?=[，,])|(?=[\u4e00-\u9fff]{2}))|(?<![0-9０-９第一二三四五六七八九十])([两三四五六七八九十])年(?:之)?(?:内|合计|共计|(?<=[，,：:][两三四五]年)(?=投资|新增|淘汰))")
"""A plan's horizon in years ("今后三年内", "五年内"): its targets fall due at the end."""

_TO_DATE = re.compile(r"先后$|(?:到|至)现在的$|(?:先后|历史上|迄今|至今)(?:已经?)?[^，,；;。]{0,6}$")
"""A count of everything so far ("先后29次"), in any part: an actual."""

_PAST = re.compile(r"过去一年|过去的一年|刚刚过去的一年|(?<![比较与同从由])(?:去年|上年)(?!同期|基础|水平|底|结转|结余)|一年来")
_FUTURE = re.compile(r"今年|明年|本年|新的一年|力争|争取|目标|计划|预期|拟|将|确保|(?<!共同)(?<!的)努力")  # not "经过…共同努力"


def _recalls_last_year(report: Report, text: str, offset: int) -> bool:
    """True when the paragraph, up to ``offset``, last spoke of the past year, not of the plan."""
    start = _paragraph_start(report, text, offset)
    head = text[start:offset]
    sentence = _sentence_start(report, text, offset) - start
    # a past cue counts in the figure's own sentence, or when it opens a sentence and so
    # frames what follows ("过去一年，…。国内生产总值增长10.3%")
    review_year, _plan = _years(report)
    cues = [m for m in _PAST.finditer(head)]
    if review_year is not None:
        # the review year named as a sentence's subject ("一九九○年是…的一年", "2023年，…")
        cues += [m for m in rx(rf"(?<!\d){review_year}年(?:是|，|,)").finditer(_year_view(text[start:offset]))]
    past = sorted(
        m.end() for m in cues
        # (a U+3000 run is a paragraph break in single-line files)
        if m.start() >= sentence
        or rx(r"\s*").fullmatch(head[max(0, head.rfind("。", 0, m.start()) + 1, head.rfind("\u3000", 0, m.start()) + 1) : m.start()])
    )
    if not past:
        return False
    future = [m.end() for m in _FUTURE.finditer(head) if not _reviewed_cue(head, m)]
    return past[-1] > (future[-1] if future else -1)


def _reviewed_cue(head: str, m: re.Match) -> bool:
    """A plan word inside a review sentence: 将近 (nearly), a target met ("实现了年初预定的调控目标")."""
    if m.group(0) == "将" and head.startswith("近", m.end()):
        return True
    if m.group(0) in ("目标", "计划", "预期"):
        clause = head[max(head.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1 : m.start()]
        return bool(rx(r"(?:实现|完成|达到|超额完成|超过)了?[^，,；;。]{0,8}$|(?:年初|原定|预定|原)的?$").search(clause))
    return False


def _paragraph_start(report: Report, text: str, offset: int) -> int:
    """Start of the paragraph holding ``offset``, else of its line."""
    paragraphs = report.paragraphs
    starts = _paragraph_starts(paragraphs)
    if starts is not None:  # (a binary search: the loop below walked the paragraphs per call)
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < paragraphs[k].end:
            return starts[k]
    else:
        for p in paragraphs:
            if p.start <= offset < p.end:
                return p.start
    i = text.rfind("\n", 0, offset)
    return i + 1


_PARAGRAPH_STARTS: tuple[tuple, list[int] | None] = ((), [])
"""The last report's paragraphs and their starts (one report at a time: compared by identity)."""


def _paragraph_starts(paragraphs: tuple) -> list[int] | None:
    """The paragraphs' starts when they are in order and do not overlap (then the one holding
    an offset is the last starting at or before it), else None."""
    global _PARAGRAPH_STARTS
    seen, starts = _PARAGRAPH_STARTS
    if seen is not paragraphs:
        ordered = all(a.end <= b.start for a, b in zip(paragraphs, paragraphs[1:])) \
            and all(p.start <= p.end for p in paragraphs)
        starts = [p.start for p in paragraphs] if ordered else None
        _PARAGRAPH_STARTS = (paragraphs, starts)
    return starts


_ASCII_YEAR = str.maketrans("０１２３４５６７８９〇○零一二三四五六七八九", "0123456789000123456789")


def _ascii_year(s: str) -> str:
    """A year's digits in ASCII: "２０２３" and "一九八一" (also with 〇/○) → "2023", "1981"."""
    return s.translate(_ASCII_YEAR)


_YEARISH = re.compile(r"[\d〇○零一二三四五六七八九]{4}年")


def _year_view(s: str) -> str:
    """What the year patterns search a head in: :func:`_ascii_year` of ``s`` when it may name
    a year (four digits of any script before 年), else ``s`` itself. Those patterns need a
    year in ASCII digits (``(?:19|20)\\d\\d年``, ``{review_year}年``) or words the table leaves
    alone (今年), so they find the same in both; most heads name no year, and the translation
    (~60 ns a character: a dict lookup each) was ~2.5 % of the stage."""
    return s.translate(_ASCII_YEAR) if "年" in s and _YEARISH.search(s) else s


def _sentence_start(report: Report, text: str, offset: int) -> int:
    s = report.sentence_at(offset) if report.sentences else None
    if s is not None:
        return s.start
    i = offset
    while i > 0 and text[i - 1] not in _SENT_DELIMS:
        i -= 1
    return i


def _sentence_end(text: str, offset: int) -> int:
    """End of the sentence holding ``offset`` (the next 。！？ or line break)."""
    return _first_of(text, _SENT_DELIMS, offset)


@lru_cache(maxsize=16384)
def _clause_start(text: str, offset: int) -> int:
    """Start of the clause holding ``offset`` (after the last clause delimiter that is no soft
    line break, at most 60 characters back). Asked ~8 times per offset by the passes; cached
    (the key holds the report text, whose hash Python keeps, so a lookup costs no rescan)."""
    i = offset
    lo = max(0, offset - 60)
    while i > lo:
        j = _last_of(text, _CLAUSE_DELIMS, i)  # (the delimiters only, not each character between)
        if j < lo:
            return lo
        if not _soft_break(text, j):
            return j + 1
        i = j
    return i


def _SENT_FLOOR(text: str, offset: int) -> int:
    """Start of the sentence holding ``offset`` (the text after the last 。！？ or line break)."""
    return _last_of(text, _SENT_DELIMS, offset) + 1


@lru_cache(maxsize=64)
def _delimiters(text: str, chars: str) -> list[int]:
    """The offsets of every character of ``chars`` in ``text``, in order: one scan per report
    text and set of delimiters (a handful of sets), cached on both."""
    return list(map(re.Match.start, rx(f"[{re.escape(chars)}]").finditer(text)))


def _last_of(text: str, chars: str, offset: int) -> int:
    """``max(text.rfind(c, 0, offset) for c in chars)`` (-1 when none) by a binary search of
    :func:`_delimiters`: an ``rfind`` of a character the text lacks (！, ?) scanned the whole
    text before ``offset`` on every call."""
    pos = _delimiters(text, chars)
    i = bisect_left(pos, offset)
    return pos[i - 1] if i else -1


def _first_of(text: str, chars: str, offset: int) -> int:
    """The first offset at or after ``offset`` of a character of ``chars``, else ``len(text)``."""
    pos = _delimiters(text, chars)
    i = bisect_left(pos, offset)
    return pos[i] if i < len(pos) else len(text)


def _soft_break(text: str, i: int) -> bool:
    """A line break inside a sentence ("…社会消费品零售总额\n增长9.6%"): the line before it is
    long body text that stops mid-clause, not a heading or a finished sentence."""
    if text[i] != "\n":
        return False
    j = i
    while j > 0 and text[j - 1] in " \t\u3000\n":
        j -= 1
    if j == 0 or not rx(r"[\u4e00-\u9fff0-9０-９A-Za-z%％）)”]").match(text[j - 1]):
        return False
    line_start = text.rfind("\n", 0, j) + 1
    return j - line_start >= 20 and bool(rx(r"[，,；;]").search(text[line_start:j]))


def _clause_end(text: str, offset: int) -> int:
    i = offset
    hi = min(len(text), offset + 60)
    while i < hi and text[i] not in _CLAUSE_DELIMS:
        i += 1
    return i


# ------------------------------------------------------------------ indicator



def _indicator(
    text: str, clause_start: int, left_end: int, fig_end: int, kind: Kind,
    previous: Quantity | None, unit: str,
) -> tuple[str, int | None, int | None]:
    """A short noun phrase from the text naming what the figure measures.

    The genre puts the indicator either before the figure ("新增学位10155个",
    "地区生产总值增长6.5%") or, with a measure word, after it ("建立6个市外引才工作站");
    framing words (全年, 全区, 同比, 增长, 达到 …) are not part of it.
    """
    sentence_floor = clause_start
    # the left side: after any earlier figure of the same clause ("6111套、供应4029套"),
    # unless that figure is a threshold of the noun counted here ("10亿元以上项目9个")
    if previous is not None and clause_start <= previous.end <= left_end and not (
        _THRESHOLD_GAP.fullmatch(rx(r"(?:达到|达|为|超过|突破)$").sub("", text[previous.end : left_end]))
        and not rx(r"[和与、]|及(?!以上)").match(text[previous.end : left_end])  # "瞪羚企业358户和种子独角兽企业1户": a conjunct
    ):
        clause_start = previous.end
        gap = text[previous.end : left_end]
        k = gap.find("、")
        if k >= 2 and previous.indicator.endswith(gap[:k]) and _CARRY_VERB.match(gap[k + 1 :]) and left_end - previous.end - k > 3:
            clause_start = previous.end + k  # "开通200个A停车场、新增注册用户30万人": past the noun counted before
        # the qualifier or conjunction after that figure, as words: 上 of 上市公司 stays
        gap = rx(r"(?:[)）](?=以上|以下)|以上|以下|以内|之内|左右|内(?![河陆蒙部外需资])|[、,，]|[和及与](?!美))*").match(text[clause_start:left_end])
        clause_start += gap.end() if gap else 0
    framing = rx(r"的?(?:情况|背景|形势|条件)下").match(text[clause_start:left_end])
    if framing and previous is not None and clause_start == previous.end:
        # "外贸进出口在对美贸易下降3成的情况下增长12%": the figure before was inside the frame
        at = text.rfind("在", sentence_floor, previous.start)
        if at > sentence_floor:
            subject = _LEAD_FILLER.sub("", text[sentence_floor:at])
            if 2 <= len(subject) <= 16:
                return subject, None, None
    after_start = fig_end
    for word, _q in _SUFFIX_QUALIFIERS:
        if text.startswith(word, fig_end):
            after_start = fig_end + len(word)
            break
    right_end = _clause_end(text, after_start)
    right = text[after_start:right_end]
    if right.startswith(MILESTONES):
        right = ""  # "跨越千亿台阶": the level reached, not what is measured

    part_of = rx(r"[0-9０-９一二三四五六七八九十百千]+(?:余|多)?[个项家所座名条]([\u4e00-\u9fff]{1,10}?)中有?$").search(text[sentence_floor:left_end])
    does = rx(r"[\u4e00-\u9fff“”]{2,14}").match(right)
    if part_of and does and not rx(rf"{_UP}|{_DOWN}|分别|的").match(right):
        return part_of.group(1) + "中" + does.group(0), None, None  # "59项测评点中有22项达到全球最优水平"

    l_start = clause_start
    m = _LEAD_FILLER.match(text[l_start:left_end])
    if m:
        l_start += m.end()
    tm = search_opening(_TRAIL_FILLER, _OPENS[_TRAIL_FILLER], text[l_start:left_end])
    l_end = left_end - (len(tm.group(0)) if tm else 0)
    if text[l_start:l_end] == "经济" and text.startswith("增长", l_end):
        l_end += 2  # "经济增长预期7%左右": the headline measure, not 经济
    elif rx(r"(?:时期|期间|时|年)经济$").search(text[l_start:l_end]) and rx(r"年均增长|增长").match(text[l_end:]):
        l_end += 4 if text.startswith("年均增长", l_end) else 2  # "“十N五”时期经济年均增长保持在6.5%以上"

    l_text = text[l_start:l_end]
    # an enumeration of members before the count ("A、B等13个高风险领域"): after 等
    k = l_text.rfind("等")
    enum_verb = _VERB_PREFIX.match(l_text) if k >= 0 else None  # "续建“A”等39个重点项目": 续建 stays
    if enum_verb and l_text.startswith("等", enum_verb.end()):
        enum_verb = None  # "…董酒扩建等395个项目": the verb ends the last member
    listed = ""  # "新组建A、B等10家以上": the listed kinds, if nothing after the count names it
    if k >= 0 and "、" in l_text[:k]:
        listed = _LEAD_VERB.sub("", l_text[:k]) if len(l_text[:k]) <= 32 else ""
    elif k >= 2 and (vs := list(rx(r"推进|实施|推动|开工|建成|续建|新建|加快|启动|谋划|储备|抓好").finditer(l_text[:k]))):
        one = l_text[vs[-1].end() : k]  # "重点推进A等12个项目建设": the one project named
        listed = one if 2 <= len(one) <= 16 and not rx(r"[0-9０-９，,]").search(one) else ""
    if k >= 0 and k == len(l_text) - 1 and kind in (Kind.AMOUNT, Kind.CHANGE) and "、" not in l_text[:k] and len(l_text[:k]) >= 2:
        l_end = l_start + k  # "新增减税降费等16.7亿元": the measure, 等 closing an open list
    elif k >= 0 and k == len(l_text) - 1:
        l_start += k + 1
    elif k >= 0 and "、" in l_text[:k] and not l_text.startswith("方面", k + 1) and not (
            kind == Kind.COUNT and len(l_text) <= 24 and rx(r"案件|案|问题|事件|隐患|纠纷").fullmatch(l_text[k + 1 :])):
        # "A、B等方面支出": the members say which; "侦破A、B、C等案件150起": a bare head keeps its list
        l_start += k + 1
    l_text = text[l_start:l_end]
    k = l_text.rfind("、")
    milestone = rx(r"(?:突破|跨越|迈上|站上|跨上|跃上)“[^”]{1,8}”$").search(l_text[:k]) if k >= 2 else None
    if milestone and milestone.start() >= 2 and rx(r"(?:达到|达|为|实现)?").fullmatch(l_text[k + 1 :]):
        l_end = l_start + milestone.start()  # "地区生产总值突破“五百亿”、达513亿元": the subject, the quoted milestone before
        l_text = text[l_start:l_end]
    elif k >= 0 and _looks_like_figure_list(text, l_start, l_start + k):
        l_start += k + 1
        l_text = text[l_start:l_end]
    elif k >= 0 and previous is not None and clause_start == previous.end and rx(r"(?:获|居|排|位列|位居|保持|实现|达到|完成|增长|下降|提高)").match(l_text):
        # "连续两年获“好”等次、乡村振兴考核连续四年…": the head is the figure before's predicate
        l_start += l_text.index("、") + 1
        l_text = text[l_start:l_end]
    if rx(r"(?:[和与、或]|(?<![惠涉普波顾])及)$").search(l_text):
        l_start = l_end  # "A和1.2万家B": the left side is another conjunct
        l_text = ""
    lv = _LEAD_VERB.match(l_text)
    if lv and len(l_text) - lv.end() >= 2 and not _BARE_NOUN.fullmatch(l_text[lv.end():]) and not (
            kind == Kind.COUNT and rx(r"培育|打造|建立|举办|组织").fullmatch(lv.group(0)) and len(l_text) <= 16):
        # ("培育高新技术企业108户": a count of things made is measured by the making; kept)
        l_start += lv.end()  # "惠及企业1440家" keeps its verb: 企业 alone says nothing
        if text.startswith("了", l_start) and l_end - l_start >= 3:
            l_start += 1  # "提出了钢产量…"
        l_text = text[l_start:l_end]
    if len(l_text) > 16:
        l_start = _capped_start(text, l_start, l_end)
        l_text = text[l_start:l_end]

    # "信访总量连续3年下降", "连续三年获评…": the run's subject and what it repeats
    info = unit_info(unit)
    if info is not None and info.family == "duration" and rx(r"(?:连续|提前)$").search(l_text):
        l_text = rx(r"^(?:实现|取得|保持)?了").sub("", l_text)  # "实现了连续三年增产"
        if l_text in ("连续", "提前") and previous is not None and previous.indicator and rx(r"[、，,]?").fullmatch(text[previous.end : l_start]):
            l_text = previous.indicator.split("连续")[0] + l_text  # "增加值增长30.4%、连续24个月保持两位数增长"
        elif rx(r"(?:增幅|增速|总量|规模|数量|总数)连续").fullmatch(l_text) and previous is not None and previous.indicator \
                and rx(r"(?:以上|左右)?[、，,]?").fullmatch(text[previous.end : l_start]) and len(_noun_of(previous.indicator)) >= 2:
            l_text = _noun_of(previous.indicator) + l_text  # "新认定高新技术企业1900余家，增幅连续两年居全省首位"
        stop = rx(r"[，,；;。：:、（(]|的基础").search(right)
        what = right[: stop.start() if stop else len(right)][:18]
        if len(what) >= 2:
            return l_text + what, None, None
    # "投资119亿元的化工项目落户": the investment of the project named after 的
    of_project = rx(r"的((?:[0-9０-９]+个)?[^，,；;。0-9０-９]{0,16}?(?:项目|工程|基金))").match(text[after_start:right_end])
    if kind == Kind.AMOUNT and of_project and rx(r"(?:抓好|推进|实施|加快|建设)?(?:计划|合同|年度)?总?投资(?:额)?").fullmatch(l_text):
        l_text = rx(r"^(?:抓好|推进|实施|加快|建设)").sub("", l_text)  # "抓好总投资13.5亿元的13所续建学校"
        return of_project.group(1) + l_text, None, None
    named = rx(r"的([^，,；;。、0-9０-９的]{2,20}?)(?=[、，,；;。]|等)").match(text[after_start:right_end])
    if kind == Kind.AMOUNT and named and rx(r"(?:^|、)[\u4e00-\u9fff]{0,4}?(?:计划|合同)?总投资(?:额)?$").search(l_text):
        return named.group(1) + "总投资", None, None  # "总投资113亿元的A、总投资45亿元的B": each the investment of its own
    if kind == Kind.AMOUNT and of_project and of_project.group(1).endswith("基金") and rx(r"(?:成功)?(?:组建|设立|成立|发起|设立了|组建了)|").fullmatch(l_text):
        return of_project.group(1) + "规模", None, None  # "组建30亿元的绿色低碳产业基金"
    # "现行16%的税率降至13%": the level before a change of the noun after 的
    rate = _RATE_BEFORE_CHANGE.match(right)
    if rate and len(l_text) >= 2:
        return l_text + rate.group(1), None, None
    if previous is not None and clause_start == previous.end and text.startswith("的", previous.end) and 2 <= len(l_text) <= 4 \
            and previous.indicator.endswith(l_text) and len(previous.indicator) > len(l_text) and kind == previous.kind:
        return previous.indicator, None, None  # "将A行业现行16%的税率降至13%": the level after the change is the same A's

    # the right side: the noun the measure word counts, plus the verb phrase it takes
    r_text = ""
    # a threshold before the noun stays with it: "2.1万名60岁以上老人", "585个亿元以上重点项目"
    th = rx(r"(?:投资)?[0-9０-９.]*[万亿]?(?:周岁|岁|元|万元|亿元)(?:及以上|以上|以下)|[0-9０-９.]+万?吨级|"
                  r"[0-9０-９.]+[万亿]?(?:户|人|名|床|张|吨|亩|平方米|千瓦)(?:及以上|以上|以下)|"
                  r"(?:±)?[0-9０-９.]+(?:千伏|kV|KV)(?:及以上|以上)?").match(right)
    lead = th.group(0) if th else ""
    # the noun ends where the next figure begins ("提高到2.5%"), not at digits in a name ("世界500强")
    nxt_fig = next((f for f in find_figures(right, len(lead))
                    if f.unit and not _word_numeral(right, f) and not _is_threshold(right, f, right[: f.start])
                    and not (rx(r"(?:超过|超|过)$").search(right[: f.start]) and rx(r"(?:及以上|以上)?的?[\u4e00-\u9fff]{0,8}?(?:集群|企业|项目|园区|基地|县|城市)").match(right[f.end :]))
                    and not (rx(r"(?:及以上|以上)[\u4e00-\u9fff]").match(right[f.end :])
                             and not (unit_info(f.unit) is not None and unit_info(f.unit).family == "count"  # type: ignore[union-attr]
                                      and rx(r"[、和]$").search(right[: f.start])))), None)
    if nxt_fig is not None:
        right = right[: nxt_fig.start]
        # "3个园区累计引进项目31个": the verb phrase belongs to the next figure; 3 counts 园区
        verb = _NEXT_FIGURE_VERB.search(right, len(lead) + 2)
        if verb is not None and rx(r"了?[、，,]").fullmatch(right[verb.end() :]):
            verb = None  # "推动186个项目开工、113个项目竣工": the verb closes this member
        if verb is not None and rx(r"[\u4e00-\u9fff“]").match(right[len(lead):]) and not right.startswith("的", verb.end()):
            right = right[: verb.start()]
    # a duration "用7天时间完成X": X is what took that long
    if right.startswith("时间") and unit_info(unit) is not None and unit_info(unit).family == "duration":  # type: ignore[union-attr]
        rest = rx(r"^时间(?:就|即|便)?(?:完成|实现|建成)?").sub("", right)
        if len(rest) >= 2:
            return rest, after_start + len(right) - len(rest), after_start + len(right)
    if right and rx(r"[\u4e00-\u9fff“《A-Za-z]|[1-5１-５][AＡ]级").match(right[len(lead):]) and not rx(rf"(?:时间|左右|以上|以下|以内|之内|内|的|和(?![美谐])|及|与|或|为|在|等|是|从|由|比(?!重|例)|较|占|居(?!民)|位(?:居|列)|到(?!达)|至|分别|{_UP}|{_DOWN}|达|(?:拓展|扩展|延长|发展|调整|放宽|压缩|缩短)(?:到|至))").match(right
    ):
        stop = _R_STOP.search(right, len(lead))  # not 投资 of "100个投资10亿元以上项目"
        # "27项市级、区级改革": short items joined by 、 share the head noun
        while stop is not None and stop.group(0) == "、" and stop.start() - (right.rfind("、", 0, stop.start()) + 1) <= 3:
            stop = _R_STOP.search(right, stop.end())
        if stop is None:
            r_text = right
        elif stop.start() == 0 and (stop.group(0) in _RESULT_VERBS or (
                not l_text and kind == Kind.COUNT and stop.group(0) in ("实现", "享受", "参加")
                and len(rx(r"[、（(，,]").split(right)[0]) >= 5) or (
                unit_info(unit) is not None and unit_info(unit).family == "duration"  # type: ignore[union-attr]
                and stop.group(0) in ("完成", "实现"))):
            # "24小时内完成核酸检测": what is done within the time
            # "1人获评全国…推广人", "3项入选…案例": the count is of those the verb phrase names
            r_text = rx(r"[、（(“”]" if stop.group(0) in _RESULT_VERBS else r"[、（(，,]").split(right)[0][:16]
            whole = rx(r"[、（(，,]").split(right)[0]
            if stop.group(0) in _RESULT_VERBS and len(whole) <= 20 and whole.count("“") == whole.count("”"):
                r_text = whole  # "2人荣获“齐鲁大工匠”称号": a short quoted award stays whole
            if stop.start() == 0 and stop.group(0) in _RESULT_VERBS and not l_text and previous is not None and previous.kind == Kind.COUNT \
                    and previous.indicator and rx(r"[^，,；;。]*[，,]").fullmatch(text[previous.end : left_end]) \
                    and len(_noun_of(previous.indicator)) >= 2 and previous.indicator.endswith(text[previous.end : left_end - 1]) \
                    and not rx(r"[人名位]$").search(unit) and not rx(r"当选|入选|获|荣获").match(previous.indicator):
                # "形成173项创新案例，82项获国家层面认可": of those cases (the noun counted right before)
                r_text = _noun_of(previous.indicator) + rx(r"[、，,]").split(right)[0][:20]
        elif stop.start() > 0:
            r_text = right[: stop.start()]
            if (rx(r"[\u4e00-\u9fff]{2}").match(stop.group(0)) or stop.start() <= 2 or stop.group(0) == "获") and not rx(r"[和及与、为在的]|中有").match(stop.group(0)):
                # "263家企业解决融资需求", "6部作品获文华奖": keep the verb phrase that says which ones
                r_text = right if len(right) <= 24 else right[: max(stop.start() + 8, 18)]
                if rx(r"(?:率|比例|比重|占比)$").search(r_text) and stop.start() >= 2:
                    # "215个居民小区生活垃圾分类覆盖率达到95%": the count is of the 小区, not of the rate
                    r_text = r_text[: r_text.rfind("、")] if "、" in r_text[stop.end() :] else right[: stop.start()]
                cut = r_text.find("、", stop.end())
                if cut > 0 and rx(r"(?:实现|位居|位列|居|排名|排|数量|上榜数|入选数|全省|全市|全国|全区)(?!级)").match(right[cut + 1 :]):
                    r_text = r_text[:cut]  # "3所院校入选“双高计划”、实现…": the next predicate is not the noun's
        r_text = rx(r"(?<=[\u4e00-\u9fff”]{2})(?:同比|比上年|较上年|近|分别|(?<![签合节预公条婚邀特契制集])约)$").sub("", r_text)  # "13个保交楼项目近7000套"
        cue = rx(r"(?<=[\u4e00-\u9fff”]{4})(?:继续|持续|仍|再)?(?:超过|超|突破)$").search(r_text)
        if cue and rx(r"[0-9０-９百千万亿两一二三四五六七八九十]").match(text[after_start + len(r_text) :]) \
                and not rx(r"(?:产值|营收|营业收入|收入|规模|总量|利润|税收|产量|销售额|降幅|增幅)$").search(r_text[: cue.start()]):
            r_text = r_text[: cue.start()]  # "49个场馆服务市民超8万小时", "200个重点项目投资继续超千亿元": the next figure's qualifier
        r_text = rx(r"(?<=[\u4e00-\u9fff]{2})(?:荣获|(?<!荣)(?:获评|获批|获得|获))$").sub("", r_text)  # "60项科技成果获2022年度…奖"
        if r_text.endswith("正") and right.startswith("在", len(r_text)):
            r_text = r_text[:-1]  # "24家市属企业正在重组": 正 opens 正在, no part of the noun
        if r_text.count("（") > r_text.count("）") and "）" in right[len(r_text) : len(r_text) + 12]:
            r_text = right[: right.index("）", len(r_text)) + 1]  # "省（自治区、直辖市）"
        if not r_text.endswith(("中和", "总和", "缓和")):  # "碳中和" ends in a word, not a conjunction
            r_text = r_text.rstrip("的等和及与、")
            if rx(r"[\u4e00-\u9fff]{2}(?:全部|均已|(?<![平年人户])均)$").search(r_text):
                r_text = rx(r"(?:全部|均已|(?<![平年人户])均)$").sub("", r_text)  # "189个重建项目全部开工": the projects
    if not l_text or rx(r"(?:(?:(?:19|20)\d\d|[０-９]{4}|[一二三四五六七八九〇○零]{4})年(?:末|底)?)?[比较]|[從从由末计过升降增减净约近超共达占是为年到至]").fullmatch(l_text):
        # a fragment left by the framing words ("比一九八〇年增长", "上升到", "共计"): the topic
        # of the sentence names the measure ("水泥：从A增加到B", "社会商品零售总额，…比…增长")
        raw = text[clause_start:left_end]
        if rx(r"净(?:增加|减少|增|减)").fullmatch(raw) and previous is not None and len(_noun_of(previous.indicator)) >= 2:
            return raw + _noun_of(previous.indicator), None, None  # "新增企业136家、净增102家"
        same_clause = previous is not None and previous.end >= sentence_floor and previous.indicator
        of = rx(r"的([\u4e00-\u9fff]{2,16})(?=[，,；;。、]|$)").match(text[after_start:right_end])
        if kind in (Kind.CHANGE, Kind.RATIO) and not l_text and of:
            return of.group(1), None, None  # "压减20%的一般性支出"
        share_of = rx(r"的([\u4e00-\u9fff]{1,8}?)(达到|实现|完成|具备|享受|开展|参加|建成)([^，,；;。0-9０-９]{2,20})(?=[，,；;。]|$)").match(text[after_start:right_end])
        if kind == Kind.RATIO and not l_text and share_of:
            return share_of.group(1) + share_of.group(2) + share_of.group(3) + "比例", None, None  # "70%的社区达到…标准"
        k2 = raw.rfind("、")
        milestone = kind in (Kind.AMOUNT, Kind.COUNT) and rx(r"(?:达到|达)").fullmatch(raw[k2 + 1 :]) is not None \
            and rx(r"(?:实现倍增|翻番|翻一番|倍增)$").search(raw[:k2]) is not None  # "技术合同成交额实现倍增、达4043万元"
        if (kind == Kind.CHANGE or milestone) and k2 >= 2 and rx(rf"(?:同比)?(?:{_UP}|{_DOWN})?").fullmatch(_TRAIL_FILLER.sub("", raw[k2 + 1 :])):
            subject = rx(r"(?:实现)?(?:倍增|翻番|翻一番)$").sub("", _PREDICATE.sub("", _LEAD_FILLER.sub("", raw[:k2])))
            if 2 <= len(subject) < k2 and not any(f.unit for f in find_figures(raw[:k2])):
                return subject, None, None  # "规上工业增加值扭负为正、增长3.5%": the subject before its predicate
        framed = rx(r"比|较|由|从|年|[有为是]$").search(raw) or text[sentence_floor - 1 : sentence_floor] in "：:"
        if not framed and kind == Kind.CHANGE and not l_text and sentence_floor > 0 and text[sentence_floor - 1] in "，," \
                and (colon := rx(r"[\s\u3000]*([\u4e00-\u9fff、]{1,8})[：:][^，,；;。：:]*$").match(text[_SENT_FLOOR(text, fig_end) : sentence_floor - 1])) \
                and not rx(r"(?:决定|指出|提出|规定|要求|如下|是|为|有)$").search(colon.group(1)) \
                and (previous is None or previous.end < _SENT_FLOOR(text, fig_end) or previous.indicator in ("", colon.group(1))):
            return colon.group(1), None, None  # "钢：从A增加到B，增长二点一倍": the topic grows
        topic = _topic(text, sentence_floor) if framed else ""
        if topic and not r_text and not same_clause:
            return topic, None, None
        if l_text and not r_text and previous is not None and previous.indicator and fig_end - previous.end < 40:
            return previous.indicator, previous.indicator_start, previous.indicator_end
        if listed and not r_text:
            return listed, None, None
    does_share = rx(r"(?:实现|达到|完成|具备|建成(?!区)|开展|享受|接受|参与|获得)[^，,；;。、]{2,12}").match(right)
    if kind == Kind.RATIO and not l_text and not r_text and does_share and not rx(r"[0-9０-９]").search(does_share.group(0)):
        # "…，96%以上实现物业化服务": the share of what the clause before names that does this
        whole = ""
        if previous is not None and previous.indicator and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]):
            whole = _noun_of(previous.indicator)
        elif sentence_floor > 0 and text[sentence_floor - 1] in "，,":
            before_clause = _LEAD_FILLER.sub("", text[_clause_start(text, sentence_floor - 1) : sentence_floor - 1])
            if 2 <= len(before_clause) <= 16 and not any(f.unit for f in find_figures(before_clause)):
                whole = before_clause
        return whole + does_share.group(0) + "比例", None, None
    for_of = rx(r"的([\u4e00-\u9fff]{2,16})(?=[，,；;。、]|$)").match(text[after_start:right_end])
    if kind == Kind.COUNT and for_of and rx(r"用于|惠及|覆盖|帮助|资助|支持|开展|组织").fullmatch(l_text) and not r_text:
        return for_of.group(1), None, None  # "拿出1000亿元，用于1500万人次以上的职工技能提升和转岗转业培训"
    pronoun = rx(r"(?:它|其)(?:虽然|虽|也|还|却|则|就)?(?:比|较)?").fullmatch(l_text)
    if pronoun and previous is not None and previous.indicator and fig_end - previous.end < 40 and not any(
            c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return previous.indicator, None, None  # "投资缩减为111亿元，它虽然比上年减少百分之二十"
    lenient_left = l_text and "、" not in l_text and len(l_text) <= 10
    if enum_verb and not l_text and len(r_text) >= 2 and kind == Kind.COUNT and not r_text.startswith(enum_verb.group(0)):
        return enum_verb.group(0) + r_text, None, None
    if len(r_text) >= 2 and kind == Kind.CHANGE and not l_text and info is not None and info.family == "count":
        return r_text, after_start, after_start + len(r_text)  # "增加了34个开放口岸": the noun counted
    if kind == Kind.COUNT and info is not None and info.family == "count" and (own := _OWN_MEASURE_END.search(r_text) or rx(r"(?:完成)?投资$").search(r_text)) \
            and rx(r"(?:企业|公司|产业|产业链|基地|园区|集群|项目|主体|工厂|乡镇|村|县)$").search(r_text[: own.start()]) \
            and rx(rf"(?:同比|分别|均|年均)?(?:继续|持续|仍)?(?:{_UP}|{_DOWN}|达|突破|超|实现|占)").match(text[after_start + len(r_text) :]):
        r_text = r_text[: own.start()]  # "80家龙头企业产值增长10.6%": the count is of the firms
    if listed and not l_text and rx(r"(?:重点|重大)?(?:项目|工程)(?:建设)?").fullmatch(r_text) and len(listed) <= 24:
        return listed + "等" + r_text, None, None  # "推进A、B等11个项目": the listed projects, not bare 项目
    if len(r_text) >= 2 and kind in (Kind.COUNT, Kind.AMOUNT, Kind.RATIO):
        if "、" in l_text and len(l_text) <= 16 and kind == Kind.AMOUNT \
                and rx(r"年?(?:生产能力|产能|处理能力|加工能力|储备能力|吞吐能力)").fullmatch(r_text):
            return l_text + r_text, None, None  # "形成A、B 14万吨生产能力": a capacity says nothing without its products
        if lenient_left and len(l_text) >= 2:
            return l_text + r_text, None, None
        return r_text, after_start, after_start + len(r_text)
    done = rx(r"(?:完成|达到)(?:了)?([^，,；;。、]{2,8}?)的$").search(text[clause_start:left_end])
    if kind == Kind.RATIO and done:
        # "工业收入…，完成预算数的110.51%": the share of a plan or budget fulfilled
        subject = ""
        if previous is not None and previous.indicator and previous.end >= sentence_floor - 40 and not any(
                c in _SENT_DELIMS for c in text[previous.end : fig_end]):
            subject = rx(r"(?:共收|收到|完成|实现|达到)$").sub("", previous.indicator)
        elif 2 <= done.start() <= 16:
            subject = rx(r"^(?:全年|今年|力争|确保|争取|其中|并)").sub("", text[clause_start : clause_start + done.start()])
            return subject + done.group(0).rstrip("的"), None, None  # "A段完成工程量的70%", "高标准农田达到耕地总面积的64%"
        return subject + "完成" + done.group(1), None, None
    of_base = rx(r"(?:是|相当于|等于|等於|为)[^，,；;。]{1,10}的$").search(text[clause_start:left_end])
    if of_base and of_base.start() <= 2 and previous is not None \
            and previous.indicator and 0 <= fig_end - previous.end < 40:
        subject = rx(r"(?:是|相当于|等于|等於|占).*$").sub("", previous.indicator)
        if len(subject) >= 1:  # "投资8645亿元，是上个五年的1.4倍", "支出…，为预算数的114%"
            return subject + of_base.group(0).rstrip("的"), None, None
    contrib = rx(r"对([^，,；;。]{2,14}?)的?(贡献率|拉动)").match(text[sentence_floor:left_end])
    if contrib:
        # "服务业增加值增长4.1%，…，对GDP增长的贡献率达65.5%": the sentence's subject contributes
        s0 = sentence_floor
        while s0 > 0 and text[s0 - 1] not in _SENT_DELIMS + "；;" and sentence_floor - s0 < 120:
            s0 -= 1
        first = next((f for f in find_figures(text, s0, sentence_floor) if f.unit), None)
        if first is not None:
            subject = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", text[_clause_start(text, first.start) : first.start]))
            if 2 <= len(subject) <= 16:
                return subject + "对" + contrib.group(1) + contrib.group(2), None, None
    if rx(_SCOPE).fullmatch(l_text) and previous is not None and previous.indicator and rx(r"(?:以上|左右)?[、，,]").fullmatch(text[previous.end : l_start]) and (lvl := rx(_SCOPE).search(previous.indicator)) \
            and len(previous.indicator) - lvl.end() >= 2 and lvl.group(0) != l_text:
        verb = previous.indicator[: lvl.start()] if _CARRY_VERB.fullmatch(previous.indicator[: lvl.start()]) or rx(r"承办|举办|主办|争办|引进|获批|获评|入选|承接|创建|新建|建设|认定|培育").fullmatch(previous.indicator[: lvl.start()]) else ""
        return verb + l_text + previous.indicator[lvl.end():], None, None  # "承办国家级赛事3项、省级5项": 承办省级赛事
    if rx(_SCOPE).fullmatch(l_text) and rx(r"其中").match(text[sentence_floor:l_start]) and previous is not None \
            and previous.indicator and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]) \
            and len(_noun_of(previous.indicator)) >= 2:
        return l_text + _noun_of(previous.indicator), None, None  # "保有量达到20万辆，其中农村达到10.5万辆"
    if rx(r"惠及|覆盖|带动|涉及|受益").fullmatch(l_text) and not r_text and sentence_floor > 0 and text[sentence_floor - 1] in "，,":
        # "向困难群众发放一次性生活补助，惠及1100多万人": who the measure of the clause before reached
        before_clause = text[_clause_start(text, sentence_floor - 1) : sentence_floor - 1]
        what = _LEAD_FILLER.sub("", before_clause)
        if 2 <= len(what) <= 20 and not any(f.unit and f.numeral != "一" for f in find_figures(what)):
            return what + l_text, None, None
        if previous is not None and previous.indicator and previous.kind == Kind.RATIO and previous.start > 0:
            # "累计化解问题楼盘175个，化解率92.6%，惠及8.8万户": the measure before the rate reached them
            c1 = _clause_start(text, sentence_floor - 1)
            if c1 > 0 and text[c1 - 1] in "，,":
                c2 = _clause_start(text, c1 - 1)
                first = next((f for f in find_figures(text, c2, c1 - 1) if f.unit), None)
                what = _LEAD_FILLER.sub("", text[c2 : first.start if first else c1 - 1])
                if first is not None and 2 <= len(what) <= 16:
                    return what + l_text, None, None
        if previous is not None and previous.indicator and previous.end >= _clause_start(text, sentence_floor - 1) and not any(
                c in _SENT_DELIMS for c in text[previous.end : fig_end]) and previous.kind != Kind.RATIO:
            return previous.indicator + l_text, None, None  # "发放救助金7.8亿元，惠及232.4万人次"
    if rx(r"(?:惠及|覆盖|带动|服务)(?:企业|群众|人员|家庭|农户|市场主体|经营主体|学生)").fullmatch(l_text) and previous is not None \
            and previous.indicator and not previous.indicator.endswith(l_text) and rx(r"(?:以上|左右)?[、，,]").fullmatch(text[previous.end : l_start]) \
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return previous.indicator + l_text, None, None  # "“越快兑”平台兑付资金52.3亿元、惠及企业超10万家次"
    period = r"(?:第?[一二三四]季度|上半年|下半年|前三季度|全年)(?:累计)?"
    if rx(period).fullmatch(l_text) and previous is not None and previous.indicator and not any(
            c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        base = rx(period + "$").sub("", previous.indicator)
        if 2 <= len(base) < len(previous.indicator):
            return base + l_text, None, None  # "GDP一季度累计增长4.7%、二季度累计增长6.3%"
        if previous.kind == kind and len(previous.indicator) >= 2 and rx(r"(?:以上|左右)?[、，,](?:其中)?").fullmatch(text[previous.end : l_start]):
            return previous.indicator + l_text, None, None  # "新建项目开工率达到35%、上半年达到80%": the same rate by mid-year
    if kind == Kind.AMOUNT and rx(r"其中").match(text[sentence_floor:l_start]) and 2 <= len(l_text) <= 10 \
            and previous is not None and previous.indicator and fig_end - previous.end < 40 and not any(
            c in _SENT_DELIMS for c in text[previous.end : fig_end]) and (own := rx(r"(?:总产值|产值|营业收入|主营业务收入|销售收入|营收|利润总额)$").search(previous.indicator)) \
            and not _OWN_MEASURE_END.search(l_text) and not rx(_SCOPE).fullmatch(l_text):
        return l_text + own.group(0), None, None  # "2户企业产值突破50亿元，其中A公司达到60.3亿元"
    if rx(r"(?:平均)?每(?:天|日)(?:平均)?(?:新增|新设|新登记)?|日均(?:新增)?").fullmatch(l_text) and previous is not None \
            and len(previous.indicator) >= 2 and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]) \
            and fig_end - previous.end < 30:
        return _noun_of(previous.indicator) + l_text, None, None  # "新登记企业增长21.6%，平均每天新增1.2万户"
    if rx(r"(?:平均)?每年(?:平均)?|年均").fullmatch(l_text) and previous is not None and previous.indicator \
            and not rx(r"[和、]").search(previous.indicator) and not any(
            c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return previous.indicator, None, None  # "…，1987年提高到463元，扣除物价上涨因素，平均每年增长8.6%"
    if rx(r"(?:全国|全省|全市)?(?:平均)?每(?:人|户|亩)").fullmatch(l_text) and (topic := _topic(text, sentence_floor)):
        return topic + l_text, None, None  # "农民的纯收入，全国平均每人达到355元"
    if rx(r"(?:高于|低于|快于|慢于)(?:全国|全省|全市|全区)(?:平均)?(?:水平)?|(?:较|比)(?:全国|全省|全市|全区)(?:平均)?(?:水平)?(?:高|低|快|慢)").fullmatch(l_text) and previous is not None \
            and previous.indicator and 0 <= fig_end - previous.end < 30 and not any(
                c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        if previous.indicator.endswith(l_text):
            return previous.indicator, None, None
        if previous.kind == Kind.RATIO:
            return previous.indicator + l_text, None, None  # "毛入学率达到96.9%，高于全国平均水平4.9个百分点": the level
        return previous.indicator + "增速" + l_text, None, None  # "增长6.2%、高于全国平均0.3个百分点"
    if l_text.startswith(("占", "佔")) and not (previous is not None and previous.end >= sentence_floor) and (
            topic := _topic(text, sentence_floor)):
        return topic + l_text, None, None  # "两年完成的投资额，占五年投资总额的32%"
    if l_text.startswith(("占", "佔")) and previous is not None and previous.indicator and previous.end >= sentence_floor - 40:
        return previous.indicator + l_text, None, None  # "债款支出…，占本年预算支出的2.47%"
    if rx(r"拓展|扩展|发展|延长|缩短|压缩|放宽|调整").fullmatch(l_text) and previous is not None and len(
            rx(r"(?:拓展|扩展|发展|延长|缩短|压缩|放宽|调整)(?:到|至)?$").sub("", previous.indicator)) >= 2 \
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return rx(r"(?:拓展|扩展|发展|延长|缩短|压缩|放宽|调整)(?:到|至)?$").sub("", previous.indicator), None, None  # "从39个拓展到91个"
    if _OWN_MEASURE.fullmatch(l_text) and previous is not None and previous.indicator \
            and 0 < sentence_floor - previous.end <= 12 and text[sentence_floor - 1 : sentence_floor] in ("，", ",", "；", ";") \
            and not any(c in _CLAUSE_DELIMS for c in text[previous.end : sentence_floor - 1]):
        # "A产业产值达110亿元，增加值增长15%", "国企资产规模达1070亿元、增长14.8%，营业收入100亿元":
        # a bare measure opening the clause is the same subject's second measure
        subject = _OWN_MEASURE_END.sub("", previous.indicator)
        if 2 <= len(subject) < len(previous.indicator) and not subject.endswith(l_text):
            return subject + l_text, None, None
        if subject == previous.indicator and previous.kind == Kind.COUNT and 2 <= len(subject) <= 16 \
                and not _CARRY_VERB.match(subject) and not _DONE_VERB.match(subject):
            return subject + l_text, None, None  # "专业镇经营主体达504户，实现营业收入59.6亿元": the counted units' revenue
    if _OWN_MEASURE.fullmatch(l_text) and previous is not None and previous.indicator and previous.kind == kind \
            and rx(r"(?:以上|左右)?、").fullmatch(text[previous.end : l_start]):
        subject = rx(r"(?<=[\u4e00-\u9fff]{2})总$").sub("", _OWN_MEASURE_END.sub("", previous.indicator))
        if 2 <= len(subject) < len(previous.indicator) and not subject.endswith(l_text) and not rx(r"[、和及与]").search(subject):
            return subject + l_text, None, None  # "国有企业营业收入达到400亿元、利润总额达到13亿元": the same firms' profit
    if rx(r"[\u4e00-\u9fff]{1,3}率").fullmatch(l_text) and previous is not None and previous.indicator \
            and previous.indicator.endswith(l_text[:-1]) and len(previous.indicator) > len(l_text) - 1 \
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]) and fig_end - previous.end < 30:
        return previous.indicator + "率", None, None  # "“民生保”参保15万户，参保率达73%": the rate of the same scheme
    if rx(r"[\u4e00-\u9fff]{2,3}率|按时办结率|按期办结率").fullmatch(l_text) and not rx(r"失业率|出生率|死亡率|增长率|增速率|通胀率|发生率|城镇化率").fullmatch(l_text) \
            and previous is not None and previous.kind == Kind.COUNT and previous.indicator and not previous.indicator.endswith(l_text) \
            and rx(r"(?:以上|左右|余|多)?、").fullmatch(text[previous.end : l_start]) and len(_noun_of(previous.indicator)) >= 2:
        noun = _noun_of(previous.indicator)
        return (previous.indicator if rx(r"[和及与、]").match(noun) else noun) + l_text, None, None  # "解决涉企问题687件、办结率99.6%": the rate of what was counted
    if rx(r"(?:综合产值|产值|总产值|营收|营业收入|增加值|规模|产业规模)").fullmatch(l_text) and (previous is None or previous.end < _SENT_FLOOR(text, fig_end)) \
            and sentence_floor > 0 and text[sentence_floor - 1] in "，,":
        s0 = _SENT_FLOOR(text, fig_end)
        first = text[s0 : _clause_end(text, s0)]
        first = rx(r"^(?:[（(][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]+[.．、])").sub("", first)
        first = rx(r"^(?:做大做强|做强做优|做优做强|发展壮大|培育壮大|加快发展|大力发展|提升|壮大|推动|推进|促进|支持)").sub("", first)
        cut = rx(r"(?:重点|要|将|以|加快|着力|聚焦|围绕|坚持|突出|依托|发展|推进|实施|打造|瞄准|持续|立足|高质量|注重)").search(first)
        sector = first[: cut.start()] if cut else first
        sector = rx(r"(?:方面|领域)$").sub("", sector)  # "新型建材产业方面，…"
        if 2 <= len(sector) <= 14 and rx(r"(?:产业|产业链|集群|平台|行业|基地|园区|业)$").search(sector):
            if sector.endswith("产业") and l_text.startswith("产业"):
                l_text = l_text[2:]  # "新材料产业…，产业规模达到600亿元": 新材料产业规模
            return sector + l_text, None, None  # "新能源产业重点发展…，实现产值60亿元": the paragraph's sector
    if len(l_text) == 1 and l_text in "煤钢铁电油粮棉糖盐茶肉蛋奶麻纸布" and text[l_start - 1 : l_start] in "，,；;、：:":
        return l_text, l_start, l_end  # "发电增长15%，煤增长17%": a one-character product is its own subject
    if len(l_text) >= 2 and not _CARRY_VERB.fullmatch(l_text) and not (
            _DONE_VERB.fullmatch(l_text) and previous is not None and fig_end - previous.end < 60):
        if (
            len(l_text) <= 3 and previous is not None and previous.indicator
            and previous.end >= sentence_floor - 40 and not previous.indicator.endswith(l_text)
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end])
            and (kind != Kind.CHANGE or l_text in ("规模", "总量", "总额")) and rx(r"(?:总|年|面积|规模|金额|产值|产量|营收|收入|投资|用地|保有)").match(l_text)
            or rx(r"(?:协议|合同|计划)?(?:投资总额|总投资额|总投资|投资规模|投资额)|(?:年度|全年)投资").fullmatch(l_text) and previous is not None and previous.indicator and previous.kind == Kind.COUNT
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]) and fig_end - previous.end < 30
            and "分别" not in text[previous.end : fig_end]  # "34个省重点、300个市重点项目，完成年度投资分别…": each list member's
        ):
            # "粮食播种面积380万亩、总产量98万吨": the subject without the other measure
            harvest = rx(r"([\u4e00-\u9fff]{2,6}?)(?:生产)?(?:喜获|再获|获得|实现)?(?:大)?丰收$").match(
                               text[_clause_start(text, sentence_floor - 1) : sentence_floor - 1]) if sentence_floor > previous.end else None
            if harvest and l_text.endswith("产量"):
                return harvest.group(1) + l_text, None, None  # "建成高标准农田N万亩，粮食生产喜获丰收，产量达M万吨": the crop's
            subject = rx(r"(?:(?:全球|全年)?(?:播种|种植)?(?:面积|产量|产值|规模|金额|营收|收入|投资|销量|销售额|产能|总数|数量|个数|里程)|播面)$").sub("", previous.indicator)
            subject = _noun_of(subject if len(subject) >= 2 and l_text != "规模" else previous.indicator)
            if (done := rx(r"(?:竣工投产|建成投产|竣工|完工|投产)").match(subject)) and len(subject) - done.end() >= 2 \
                    and "开工" in text[_SENT_FLOOR(text, previous.start) : previous.start]:
                subject = subject[done.end() :]  # "新开工重大项目100个、竣工100个，完成投资400亿元": the projects'

            return subject + l_text, None, None  # "新增企业140户、总数达1524户": 企业总数
        if kind == Kind.RATIO and rx(r"[\u4e00-\u9fff]{2}(?:只|仅|约)?占$").search(l_text):
            return rx(r"(?:只|仅|约)?占$").sub("占比", l_text), None, None  # "减少收入的农户只占10%左右"
        return l_text, l_start, l_end
    if (_CARRY_VERB.fullmatch(l_text) or _DONE_VERB.fullmatch(l_text)) and l_text not in ("造林", "植树造林") \
            and not _MEASURE_VERB.fullmatch(l_text) \
            and previous is not None and previous.indicator and fig_end - previous.end < 60 \
            and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        # "在建工业项目16个、其中新开工5个": the bare verb takes the noun of the figure before
        noun = _noun_of(previous.indicator)
        if len(noun) >= 2:
            return l_text + noun, None, None
    if not l_text and previous is not None and rx(r"累计").match(text[clause_start:left_end]) and fig_end - previous.end < 40:
        noun = _noun_of(previous.indicator)  # "新增上市企业8家，累计达96家": a running total
        if len(noun) >= 2:
            return "累计" + noun, None, None
    if previous is not None and kind == Kind.CHANGE and fig_end - previous.end < 40 and not any(
            c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return previous.indicator, previous.indicator_start, previous.indicator_end
    if r_text:
        return r_text, after_start, after_start + len(r_text)
    if l_text:
        return l_text, l_start, l_end
    if not (previous is not None and rx(r"(?:以上|左右|以下|以内)?[、和及与或至到～—-]?").fullmatch(text[previous.end : left_end])) and (
            opening := _opening_count_phrase(text, after_start, right_end, unit)):
        return opening, None, None  # not "46503元和16935元分别…": the second of a pair shares the first's
    if previous is not None and fig_end - previous.end < 40 and not any(c in _SENT_DELIMS for c in text[previous.end : fig_end]):
        return previous.indicator, previous.indicator_start, previous.indicator_end
    return "", None, None


_OPENING_NOT_NOUN = re.compile(rf"[{_CN_NUM}0-9０-９（(]|为(?!民)|在(?!校|岗|职|读|建|库|册|线|营|用|途|园|谈)|是|和|及|与|或|等|比|较|从|由|到|至|以|对|受益|参与|参加|分别|主要|都|也|还|已|均|仍")


def _opening_count_phrase(text: str, after_start: int, right_end: int, unit: str) -> str:
    """The last resort for a figure that opens its clause with nothing naming it before it:
    the phrase after it, to the next figure or clause end ("两次降低职工门诊报销起付线",
    "10.4万名脱贫群众稳定增收", "60%的乡镇完成…规范化建设"). Empty when that phrase is a
    function word, a bare verb of benefit (受益, 参与: the clause before says of what) or
    another number (a class, a threshold), so no fragment is served as an indicator."""
    right = text[after_start:right_end]
    right = rx(r"^的").sub("", right)
    nxt = next((f for f in find_figures(right) if f.unit), None)
    if nxt is not None:
        right = right[: nxt.start]
        if rx(r"(?:实现|前|第|列|居|排名|提供|开展)$").search(right):
            return ""  # "5项位列全省前两位": cut before the figure it needs
    right = rx(r"(?:达到|达|超过|超|突破|不低于|不少于|为)$").sub("", right.rstrip("、和及与"))
    if _CARRY_VERB.fullmatch(right) or _DONE_VERB.fullmatch(right):
        return ""  # "4处开工建设": a bare verb names nothing
    right = rx(r"(?<=[\u4e00-\u9fff]{2}(?:项目|工程|设施))(?:加快)?建设$").sub("", right)  # "185个在建重大项目和重点工程建设"
    if rx(rf"{_UP}|{_DOWN}").match(right) and not unit.endswith("次"):
        return ""  # "三项增减相抵": only a number of times opens with the change it counts
    if _LEVEL_VERBS.search(right) or rx(r"[、和及与或]").search(right[-1:]):
        return ""  # "…分别提高到": the phrase ends where the next figure's level begins
    if len(right) < 4 or len(right) > 24 or _OPENING_NOT_NOUN.match(right) or not rx(r"[\u4e00-\u9fff“]").match(right):
        return ""
    return right


_OWN_MEASURE = re.compile(r"增加值|营业收入|主营业务收入|销售收入|利润总额|利润|净利润|所有者权益|净资产|税费|税收|实缴税金|产值|总产值|营收")
_OWN_MEASURE_END = re.compile(r"(?:全球|全年)?(?:(?:新增)?装机(?:容量|规模)?|资产规模|资产总额|规模|总量|产值|总产值|增加值|营业收入|主营业务收入|销售收入|利润总额|利润|税费|税收|营收|产量|销量|销售额)$")
"""Measures of a subject named once: "产业产值达…，增加值增长…" (the subject of 增加值 is before)."""

_SCOPE = r"(?:国家|省|市|县|区|乡镇)级(?:以上)?|农村|城镇|城市|乡村|城区|县域|境外|境内|海外|线上|线下|民营|国有|外资"
"""The part of a whole that "其中X" names ("其中农村达到10.5万辆")."""

_NEXT_FIGURE_VERB = re.compile(r"新?(?:累计|共计|合计|引进|招引|(?<!倍)增|实现|带动|吸引|拥有|完成|达到|签约|开工|(?<!共)建成)")
"""Verbs that open the next figure's clause after a counted noun ("3个园区累计引进项目31个")."""

_DONE_VERB = re.compile(r"(?:新)?(?:竣工投产|建成投产|建成投用|竣工达产|建成达产|投产达效|竣工|投产|达产|投用|完工|开工|签约|落地|开业|入库|入统)")
"""Verbs of a project's stage; "新开工30个、竣工投产20个" counts the projects at each stage."""

_RESULT_VERBS = ("获评", "获得", "获", "入选", "荣获")


def _topic(text: str, clause_start: int) -> str:
    """The topic clause before ``clause_start`` ("水泥：", "社会商品零售总额，"): no figure of its
    own, short, and a noun phrase (no framing verb). A survey's scope between them ("据N个省的
    统计") is skipped."""
    if clause_start == 0 or text[clause_start - 1] not in "，,：:":
        return ""
    start = _clause_start(text, clause_start - 1)
    topic = text[start : clause_start - 1].strip()
    if rx(r"据[^，,；;。]{0,14}(?:统计|调查|测算)$").match(topic) and start > 0 and text[start - 1] in "，,":
        return _topic(text, start)
    topic = rx(r"（[^（）]*）|\([^()]*\)").sub("", topic)  # "投资额（即工作量）"
    topic = rx(r"^(?:第[一二三四五六七八九十]+是|在)|方面$|中$").sub("", _LEAD_FILLER.sub("", topic))
    while len(topic) > 20 and rx(r"[的、]").search(topic[:-6]):
        topic = rx(r"[的、]").split(topic, maxsplit=1)[1]  # "A、B的工业的产值在…中所占的比重": its head
    if not 2 <= len(topic) <= 20 or any(f.unit and topic[f.start - 1 : f.start] != "每" for f in find_figures(topic)):
        return ""
    if rx(r"[，,。；;“”]|(?:19|20)\d\d|[一二三四五六七八九〇○零]{4}年|年$|^(?:比|较|从|由(?![\u4e00-\u9fff]{1,8}的)|同|与|为|在|据|按|其中|如果|但|而)").search(topic):
        return ""
    if _LEAD_VERB.match(topic) or _CARRY_VERB.match(topic) or rx(rf"(?:{_UP}|{_DOWN})$|了$|是$").search(topic):
        return ""
    return topic


_THRESHOLD_GAP = re.compile(r"[)）]?(?:及以上|以上|以下)?的?[\u4e00-\u9fff]{0,8}?(?:项目|企业|工程|园区|村)")
"""Between a money figure and a count of the things above it: "10亿元以上项目(9个)"."""

_RATE_BEFORE_CHANGE = re.compile(
    r"的([\u4e00-\u9fff]{1,6}?)(?:降至|降到|降低到|降低至|提高到|提高至|下调至|下调到|上调至|上调到|调整为|调整到)"
)

_BARE_NOUN = re.compile(r"消费|就业|企业|项目|作品|群众|人员|人次|家庭|农户|单位|资金|工程|人才|学生|人|市场主体|经营主体|客户")
"""Nouns that say nothing once their verb is stripped (惠及企业, 实施项目, 帮扶群众)."""

_LEVEL = r"(?:国家|中央|国|省|自治区|市|州|县|区|乡镇|乡|镇|村)级?"
_LEVELS = re.compile(rf"{_LEVEL}$|{_LEVEL}")
"""Administrative levels listed as one modifier ("国家、省级", "市、县两级")."""

_ZAI = re.compile(r"在(?!校|岗|职|读|建|库|册|线|营|用|途|园|谈)")
"""在 as a frame ("在…中"), not the 在 of 在校/在建/在线."""
_CAP_BOUNDARY = re.compile(rf"[的、，”」]|将|由|把|对(?!接|外|口|标|比|象|照|话)|向|{_ZAI.pattern}|中")
_YEAR_OPENING = re.compile(r"(?:(?:19|20)\d\d|[０-９]{4})年(?![底末]|中(?![央国共]))")


def _capped_start(text: str, l_start: int, l_end: int) -> int:
    """A long left phrase cut at a word boundary (after 的/将/在…), keeping at most 24 characters.

    A fixed 16-character cut splits words ("政科技支出…" for 财政科技支出). 中 ends a frame only
    after 在 ("在…中"), never the 中 of 中试/中央; a year that opens the phrase is a boundary
    ("2032年中央财政…").
    """
    year = _YEAR_OPENING.match(text, l_start, l_end)
    if year and l_end - year.end() >= 2 and l_end - year.end() <= 24:
        return year.end()
    if l_end - l_start <= 24 and rx(r"在[^，,；;。在]{2,12}中(?:的|所占的?)(?:比重|比例)$").search(text[l_start:l_end]):
        return l_start  # "服务业增加值在国内生产总值中的比重": the share keeps its subject
    if l_end - l_start <= 28 and "、" in text[l_start:l_end] and _VERB_PREFIX.match(text, l_start) and not rx(r"[的，,“”将由把在]").search(text[l_start:l_end]):
        return l_start  # "升级改造A、B和C": a list its verb opens is one label (the verb says what is counted)
    for m in _CAP_BOUNDARY.finditer(text, l_start, l_end - 6):
        if m.group(0) == "中" and not _ZAI.search(text, l_start, m.start()):
            continue
        if m.group(0) in "、”」" and l_end - l_start <= 24:
            continue  # "A、B、C三大先导产业规模", "…“办证难”历史遗留问题": a phrase that fits keeps its list, its name
        if m.group(0) == "、" and rx(rf"(?:^|[、和（(]){_LEVEL}$").search(text[l_start : m.start()]) and _LEVELS.match(text, m.end()):
            continue  # "国家、自治区级品牌", "国、省考核断面": a list of levels is one modifier
        if l_end - m.end() <= 24:
            return m.end()
    return l_start if l_end - l_start <= 24 else l_end - 16  # no boundary: keep a phrase that fits


def _word_numeral(right: str, fig: Figure) -> bool:
    """A numeral inside a name or an ordinal ("第三批", "三年行动计划"): not the next figure."""
    if right[fig.start - 1 : fig.start] == "第":
        return True
    return fig.chinese and len(fig.numeral) == 1 and bool(rx(r"[\u4e00-\u9fff“]").match(right[fig.end : fig.end + 1]))


def _noun_of(indicator: str) -> str:
    """What an indicator counts, without its verb: 新增上市企业 → 上市企业."""
    m = _VERB_PREFIX.match(indicator)
    noun = indicator[m.end():] if m else indicator
    if m and noun.startswith("、"):
        return indicator  # "在建、拟建…项目": a list of stages is the noun's modifier
    noun = rx(r"(?<=[\u4e00-\u9fff”）)]{2})(?:新增|净增)$").sub("", noun)  # "持牌金融机构新增" → 持牌金融机构
    stage = rx(rf"(?:{_DONE_VERB.pattern})$").search(noun)
    return noun[: stage.start()] if stage and stage.start() >= 2 else noun  # "项目新开工" → 项目


_VERB_PREFIX = re.compile(rf"(?:{_CARRY_VERB.pattern[1:]}|在建|续建|新签约|签约|推进|实施|净增|净减)")


def _looks_like_figure_list(text: str, start: int, end: int) -> bool:
    return bool(rx(r"[0-9０-９%]|[百千万]亿").search(text[start:end]))


_OPENS: dict[re.Pattern, re.Pattern | None] = {
    p: opening_class(p) for p in (_TRAIL_FILLER, _MULTI_YEAR, _SINCE, _RECALLED_TARGET, _YEAR_TO_DATE)
}
"""The characters these patterns' matches open with (:func:`kg.loaders.patterns.opening_class`):
they open with alternations ``re`` cannot skip ahead by, and are searched in each figure's
clause or sentence head (``search_opening``: 2–3× on these searches, ~4 % of the stage)."""
