"""The same quantity of the same scope is stated twice with values that cannot both be true.

What it does:
    Pairs two statements of one quantity only on strong evidence that they are the same thing
    in the same scope, and then compares their values as intervals (a heading's "37%" agrees
    with a body's "26.52%").  The evidence it accepts:

    - parallel sentences: two sentences that read the same up to the number and beyond it
      (a title and the body's first sentence, a paragraph a news page prints twice, a lead
      restated in the body): "1-9月全省进出口总额5213.6亿元，同比增长12.4%" and
      "进出口总额5213.6亿元，同比增长12.4%".  Leading words such as "发言人介绍，",
      "数据显示，" or a time ("前三季度，") may differ; every other word up to the number must
      be the same, and one more stretch of text after it (or another aligned number) too;
    - the same label: "2023年海南GDP达到7551.2亿元" and "占整个海南GDP（7551.2亿元）";
    - a flattened table and the text that restates it ("Other gains, net | 5,216" with
      "(RMB in millions)", and "net other gains of RMB5,216 million for the fourth quarter of
      2020"): the row is found by every word of its label, the column by the year;
    - "the $41.2bn" — a definite reference back to the one amount stated before;
    - a heading's growth rate and the body's, for the same measure and period ("一季度净利大增
      27%" and "净利润7.93亿元，同比增长26.52%"), when every body statement of it agrees.
    - an English news lead and its body (a title line, then the lead paragraph): a rate of
      change stated in the lead ("Revenues at media group Acme slipped 11% during 2004", "helped
      by a 7.5% rise in exports outside the EU") and one in the body with the same subject
      ("revenues", "Non-EU exports"), the same direction (rose/grew/jumped… or fell/slipped/
      dropped…) and the same period (2004, November, the first half — a comparison base "from
      £3.24bn in 2003" is not the period; a paragraph that opens with its period, "November saw
      …", lends it to its sentences).  The subject must read the same word for word, apart from
      the holder the lead names ("at Acme", "Acme's"); the body's paragraph must name no one the
      lead does not, a figure credited to another source ("Halifax said …" against "according
      to Northbank") is another figure, no place or segment may scope either figure ("In Germany, sales rose …",
      "… at constant exchange rates", "underlying revenues"), the body must come before any
      section heading, and "its profits" in the body is not matched.  The reading is a warning:
      it rests on the words, not on a label.

    The scope must agree: the nearest period before each number (前三季度, 1-7月, 2021年,
    上半年 …) and the periods after it in its sentence are the same for both, so "5月份…总额
    1954.3亿元" is never compared with "前5个月…总额9182.4亿元", nor "rose 8.1% in 2019" with
    "rose 5.3% in 2018"; the places named on the two lines must not differ ("宁波：…" /
    "温州：…"), and two paragraphs that open differently do not lend the same subject to the
    same words.  English sentences must read the same to their end (the scope often comes last:
    "… in Europe").  When the same figure is stated three times and one differs, only the odd
    one is reported.  Amounts in different magnitudes (82.31万亿元 / 823131亿元) are left to
    ``unit-magnitude``.

Why it matters:
    A total restated with a different figure in another paragraph (a typo, a figure carried
    over from last year's draft, a digit transposed) leaves the reader unable to know which
    one is right.

Example (fails):
    前三季度，全省城镇新增就业68.2万人，完成年度计划的91.0%。
    前三季度，全省城镇新增就业62.8万人，完成年度计划的91.0%。

Use instead (passes):
    前三季度，全省城镇新增就业68.2万人，完成年度计划的91.0%。
    前三季度，全省城镇新增就业68.2万人，完成年度计划的91.0%。

When unsure it says nothing: different periods, different regions, sub-totals and a
different wording of the label are different quantities as far as this rule knows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, per_document, per_quantity, show

ID = "repeated-quantity"
SEVERITY = "error"

SLOT_KINDS = ("amount", "count", "percent", "pp", "measure", "multiple")

# -- normalising the words around a number ---------------------------------------------------
_TAG = lazy_compile(r"<[^<>\n]{0,300}>")
# Ex) "（GDP）" "（人民币，下同）" "(excluding discontinued operations)" — asides without digits
_ASIDE = lazy_compile(r"[（(][^（）()0-9０-９\n]{0,24}[）)]")
_SPACE = lazy_compile(r"[\s\u3000\u2009\u00a0'\"“”‘’「」『』]+")
_CLAUSE = lazy_compile(r"[，,；;：:、！!？?]+")
# Ex) "title: '…'" / "原标题：…" — how a scraped page repeats its title
_TITLE_PREFIX = lazy_compile(r"^(?:title，|原标题，|标题，)")

# Leading clauses that do not change what is measured.  Ex) "付凌晖介绍" "数据显示" "进一步看"
_INTRO = lazy_compile(
    r"^(?:[\p{Han}A-Za-z0-9]{0,12}(?:介绍|表示|显示|指出|认为|称|说|看|核算|统计|通报|发布|测算|计算))$"
    r"|^(?:同期|其中|此外|另外|与此同时|同时|总的看|总体看|具体看|具体而言|据悉|据了解|初步核算|数据显示)$"
    r"|^截至[^，]{1,12}$")

# A period: the scope of a figure.  Ex) "前三季度" "1-7月" "2021年" "上半年" "三季度末" "9月份"
_PERIOD = lazy_compile(
    r"(?:(?:19|20)[0-9]{2}年(?:度)?)?"
    r"(?:前[一二三四1-4]季度|第?[一二三四1-4]季度末?|[上下]半年|全年(?!目标|任务|计划|预期)|年末|年底|年初|"
    r"[0-9]{1,2}[-—－~～至][0-9]{1,2}月(?:份)?|前[0-9一二三四五六七八九十]{1,2}个?月|"
    r"[0-9]{1,2}月(?:份|末|底)?(?![0-9]{1,2}[日号]))"
    r"|(?:19|20)[0-9]{2}年(?:度)?|今年|(?<![比较])(?:去年|上年)(?!同期)|当年"
    r"|(?:first|second|third|fourth)\s+quarter(?:\s+of\s+(?:19|20)[0-9]{2})?|(?:19|20)[0-9]{2}",
    regex.IGNORECASE)
_PERIOD_ONLY = lazy_compile(
    r"^(?:今年|去年|截至)?(?:" + _PERIOD.pattern + r")(?:以来|前|后)?$", regex.IGNORECASE)
# Words of a period that carry no scope of their own: "同期" points back, "今年" is the default.
_PERIOD_DROP = lazy_compile(r"^(?:今年|截至)")

# Scope words a title may add in front of a label.  Ex) "1-7月我国服务进出口总额"
_GENERIC_SCOPE = lazy_compile(r"^(?:我国|全国|全省|全市|全区|全州|全县|本市|本省|该公司|公司|国内|今年|全年)+$")

# Goals and forecasts are not statements of fact: two targets may differ from an outcome.
_TARGET = lazy_compile(r"预期目标|目标为|目标是|预期|预计|力争|计划|有望|将达|将突破|规划|到20[0-9]{2}年|"
                     r"forecast|expect|target|estimate",
                        regex.IGNORECASE)


def norm(s: str) -> str:
    """The words around a number as compared: no tags, asides, spaces or quotes; one comma."""
    # the same short stretches of words sit between the numbers of many sentences
    return _norm_short(s) if len(s) <= 256 else _norm(s)


def _norm(s: str) -> str:
    if "<" in s:
        s = _TAG.sub("", s)
    if "(" in s or "（" in s:
        s = _ASIDE.sub("", s)
    s = _SPACE.sub("", s).lower()
    s = _CLAUSE.sub("，", s)
    return s


_norm_short = functools.lru_cache(maxsize=16384)(_norm)


@functools.lru_cache(maxsize=8192)  # many sentences open with the same words
def _strip_intro(chunk: str) -> str:
    """The first words of a sentence without leading intros and periods.  Ex) "前三季度，全国…"."""
    chunk = _TITLE_PREFIX.sub("", chunk)
    parts = chunk.split("，")
    while len(parts) > 1 and (not parts[0] or _INTRO.match(parts[0]) or _PERIOD_ONLY.match(parts[0])):
        parts.pop(0)
    out = "，".join(parts).lstrip("，")
    # Ex) "今年上半年东方财富证券…" — a leading period inside the clause is scope, not label
    m = _PERIOD.match(out)
    while m and m.end() > 0 and len(out) - m.end() >= 4:
        out = out[m.end():].lstrip("，")
        m = _PERIOD.match(out)
    return out


@functools.lru_cache(maxsize=4096)  # the same labels are measured for every pair of sentences
def _chars(s: str) -> int:
    """Length that counts: letters and Han characters."""
    return sum(1 for c in s if c.isalnum())


@per_quantity
def period_before(ctx: Context, q: Quantity, limit: int = 400) -> str | None:
    """The nearest period stated before *q* on its line.  Ex) "前三季度", "1-7月", "2021年"."""
    text = ctx.text
    line_start = text.rfind("\n", 0, q.start) + 1
    lo = max(line_start, q.start - limit)
    window = _TAG.sub(lambda m: " " * len(m.group()), text[lo:q.start])
    last = None
    for m in _PERIOD.finditer(window):
        last = m.group()
    if last is None:
        return None
    last = _PERIOD_DROP.sub("", last).replace("份", "").replace("年度", "年").lower()
    return last


# A period after "比" / "than" is a comparison base, not the figure's own scope.
# Ex) "比一季度两年平均增速加快0.2个百分点" "compared with 2018"
_COMPARE_BEFORE = lazy_compile(r"(?:比|较|与|同比|相比|than|from|compared\s+(?:with|to)|versus|vs\.?)\s*(?:the\s+)?$",
                                regex.IGNORECASE)


@per_quantity
def scope(ctx: Context, q: Quantity) -> tuple[str | None, frozenset[str]]:
    """The figure's period: the nearest one before it on its line, and those after it in its sentence.

    Ex) "Revenue rose 8.1% to $4.2bn in 2019" and "… in 2018" differ in scope though the words
    before the numbers are the same.
    """
    text = ctx.text
    _, s1 = ctx.sentence_of(q.start)
    after = set()
    for m in _PERIOD.finditer(text, q.end, s1):
        if _COMPARE_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            continue
        after.add(_PERIOD_DROP.sub("", m.group()).replace("份", "").replace("年度", "年").lower())
    return period_before(ctx, q), frozenset(after)


# -- pairs -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pair:
    """Two statements of one quantity: *a* first in the text, *b* later, and why they match."""

    a: Quantity
    b: Quantity
    basis: str              # parallel | label | anaphora | headline
    blame: int = -1         # on a tie, the start of the statement to report (a headline)


def comparable(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or a.kind not in SLOT_KINDS:
        return False
    if a.kind == "amount":
        return a.unit == b.unit
    if a.kind == "measure":
        return a.unit == b.unit
    if a.kind == "count":
        return a.classifier == b.classifier and a.noun == b.noun
    return True


@dataclass
class _Sent:
    start: int
    end: int
    slots: list[Quantity]
    chunks: list[str]        # normalised text before each slot (first: stripped of intros)
    tail: str                # normalised text after the last slot


def _sentences(ctx: Context) -> list[_Sent]:
    text = ctx.text
    out = []
    starts, ends = ctx.sentences.starts, ctx.sentences.ends
    for s0, s1 in zip(starts, ends):
        qs = [q for q in ctx.between(s0, s1) if q.kind in SLOT_KINDS and q.end <= s1]
        if not qs:
            continue
        chunks, pos = [], s0
        for q in qs:
            chunks.append(norm(text[pos:q.start]))
            pos = q.end
        tail = norm(text[pos:s1])
        chunks[0] = _strip_intro(chunks[0])
        out.append(_Sent(s0, s1, qs, chunks, tail))
    return out


def _first_match(ctx: Context, x: _Sent, y: _Sent) -> bool:
    """The words before the first number agree: one is the other, or ends it after a scope."""
    a, b = x.chunks[0], y.chunks[0]
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not long_.endswith(short):
        return False
    en = short.isascii()
    if _chars(short) < (12 if en else 5):
        return False
    extra = long_[: len(long_) - len(short)].strip("，")
    if not extra:
        return True
    rest = _PERIOD.sub("", extra).strip("，")
    if not rest or _GENERIC_SCOPE.match(rest):
        return True
    # Ex) "东方财富证券净利…" against "净利…": the subject must be named before the shorter one
    shorter = x if len(x.chunks[0]) <= len(y.chunks[0]) else y
    line_start = ctx.text.rfind("\n", 0, shorter.start) + 1
    return rest in norm(ctx.text[line_start:shorter.start])


# Places that fix a figure's scope.  Ex) "广东" "宁波市" — two sentences that read the same but
# sit in paragraphs about different places are about different things.
_PLACES = lazy_compile(
    r"北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|"
    r"海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|杭州|南京|武汉|成都|"
    r"西安|沈阳|大连|长春|哈尔滨|济南|青岛|宁波|厦门|苏州|合肥|郑州|长沙|福州|昆明|"
    r"(?<![\p{Han}])[\p{Han}]{2}(?:省|市|县|州)(?![\p{Han}]?[级长委民场])")


# Ex) "宁波：经济稳步增长。" "（二）温州市：…" — a paragraph that opens with the name it is about
_LEAD_LABEL = lazy_compile(r"^[\s\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,2}[)）])?(?P<n>[\p{Han}]{2,6})[：:]")


@per_quantity
def places_before(ctx: Context, q: Quantity) -> tuple[frozenset[str], frozenset[str]]:
    """Places named before *q* on its line: (in its sentence, in the sentences before it)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, q.start) + 1
    s0, _ = ctx.sentence_of(q.start)
    s0 = max(s0, line_start)
    inside = {m.group() for m in _PLACES.finditer(_TAG.sub("", text[s0:q.start]))}
    context = {m.group() for m in _PLACES.finditer(_TAG.sub("", text[line_start:s0]))}
    lead = _LEAD_LABEL.match(_TAG.sub("", text[line_start:q.start]))
    if lead:
        (context if s0 > line_start else inside).add(lead.group("n"))
    return frozenset(inside), frozenset(context)


def same_places(ctx: Context, a: Quantity, b: Quantity) -> bool:
    """Both figures are about the same place, as far as the places named on their lines tell."""
    ia, ca = places_before(ctx, a)
    ib, cb = places_before(ctx, b)
    pa, pb = ia | ca, ib | cb
    if pa and pb:
        return bool(pa & pb)
    # one names a place only in an earlier sentence: the other's subject is unknown
    return not (ca and not pb) and not (cb and not pa)


def _same_lead(ctx: Context, x: _Sent, y: _Sent) -> bool:
    """Sentences inside two paragraphs that open differently may inherit different subjects.

    Ex) "温州经济持续回升。地区生产总值…" and "嘉兴经济…。地区生产总值…": the words after the
    first full stop are the same, the paragraphs are not about the same place.
    """
    memo = ctx.memo("repeated-quantity:lead")  # a sentence meets many others: read its line once

    def lead(s: _Sent) -> str:
        if s.start not in memo:
            line_start = ctx.text.rfind("\n", 0, s.start) + 1
            memo[s.start] = norm(ctx.text[line_start:s.start])
        return memo[s.start]
    a, b = lead(x), lead(y)
    return not a or not b or a[:6] == b[:6]


# The same words before a number, stated more often than this, are a recurring line of a
# listing ("全年完成投资…亿元" for every county), not one quantity restated: such a group is not
# paired, and the pairing stays linear in the length of the document.
MAX_STATEMENTS = 12


def _candidates(sents: list[_Sent]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, whose first chunks end alike: one is the other or a suffix of it.

    Every sentence looks up its own first chunk and each of its suffixes (of four characters or
    more) among the others' chunks, so the cost is the length of the chunks, not the square of
    the number of sentences.  The pairs come in the order of a walk over the groups of
    sentences sharing the last four characters, by first appearance, then i, then j.
    """
    by_chunk: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        c = s.chunks[0]
        if len(c) >= 4:
            by_chunk.setdefault(c, []).append(i)
    out = set()
    for i, s in enumerate(sents):
        c = s.chunks[0]
        if len(c) < 4:
            continue
        mine = by_chunk[c]
        if len(mine) > MAX_STATEMENTS:
            continue
        for k in range(0, len(c) - 3):
            others = by_chunk.get(c[k:])
            if not others or len(others) > MAX_STATEMENTS:
                continue
            for j in others:
                if j != i:
                    out.add((i, j) if i < j else (j, i))
    first: dict[str, int] = {}
    for i, s in enumerate(sents):
        first.setdefault(s.chunks[0][-4:], i)
    return sorted(out, key=lambda p: (first[sents[p[0]].chunks[0][-4:]], p[0], p[1]))


def _parallel(ctx: Context, sents: list[_Sent]) -> Iterator[Pair]:
    for i, j in _candidates(sents):
        x, y = sents[i], sents[j]
        if not _first_match(ctx, x, y) or not _same_lead(ctx, x, y):
            continue
        n = min(len(x.slots), len(y.slots))
        aligned = 1
        while aligned < n and x.chunks[aligned].replace("，", "") == y.chunks[aligned].replace("，", ""):
            aligned += 1
        # One more stretch of words must agree: the next chunk or the tail.
        if aligned == 1:
            nx = x.chunks[1] if len(x.slots) > 1 else x.tail
            ny = y.chunks[1] if len(y.slots) > 1 else y.tail
            k = min(len(nx), len(ny), 6)
            nx, ny = nx.replace("，", ""), ny.replace("，", "")
            k = min(len(nx), len(ny), 6)
            if k < 2 or nx[:k] != ny[:k]:
                continue
        # English puts the scope after the numbers ("rose 5% to $2bn in Europe"): the
        # whole sentence must read the same.
        if x.chunks[0].isascii() and y.chunks[0].isascii():
            tx, ty = x.tail.replace("，", ""), y.tail.replace("，", "")
            if len(x.slots) != len(y.slots) or aligned != n or tx[:12] != ty[:12]:
                continue
        for k in range(aligned):
            qa, qb = x.slots[k], y.slots[k]
            if not comparable(qa, qb):
                break
            if scope(ctx, qa) != scope(ctx, qb) or not same_places(ctx, qa, qb):
                break
            if _TARGET.search(ctx.text[x.start:qa.end]) or _TARGET.search(ctx.text[y.start:qb.end]):
                break
            yield Pair(qa, qb, "parallel")


# Ex) "2023年海南GDP达到7551.2亿元" "占整个海南GDP（7551.2亿元）" "三亚GDP为1020.7亿元"
_LABEL = lazy_compile(
    r"(?P<label>[\p{Han}A-Za-z]{2,12}?)(?:的)?(?:为|达到|达|是|仅为|仅有|共计|总计|合计|（|\()$")
_METRIC = lazy_compile(r"(?:GDP|生产总值|总产值|增加值|总额|总量|收入|利润|净利润|净利|营收|余额|人口|规模|产量|投资|支出)$")
# A subject that names a category, not a region or an entity: "第二产业增加值" is stated for
# every province of a comparison, so the label alone does not fix the scope.
# Relative subjects ("全省", "该市") name whatever the paragraph is about, so they fix nothing.
_CATEGORY = lazy_compile(r"第|产业|行业|企业|业|品|类|部门|城镇|农村|居民|人均|[一二三]次|^(?:全|该|本|我|其)")
_LABEL_STRIP = lazy_compile(r"^(?:占整个|占全|占|整个|其中|全年|当年|实现|完成|达到)")


# The last character of every window _LABEL matches: the end of the word before the number.
_LABEL_LAST = frozenset("为到达是有计（(>")


@functools.lru_cache(maxsize=256)
def _space_char(c: str) -> bool:
    """*c* is one character _SPACE removes."""
    return bool(_SPACE.fullmatch(c))


def _labels(ctx: Context) -> Iterator[Pair]:
    text = ctx.text
    seen: dict[str, list[Quantity]] = {}
    for q in ctx.quantities:
        if q.kind not in ("amount", "count"):
            continue
        window = text[max(0, q.start - 20):q.start]
        last = len(window)
        while last and _space_char(window[last - 1]):
            last -= 1
        if last == 0 or window[last - 1] not in _LABEL_LAST:
            # the last character the subs below leave (a period turns into "，") ends no label
            continue
        if "<" in window:
            window = _TAG.sub("", window)
        window = _SPACE.sub("", window)
        # a period ends a label: "芜湖2021年GDP为" has no subject of its own next to GDP
        window = _PERIOD.sub("，", window)
        m = _LABEL.search(window)
        if not m:
            continue
        label = _LABEL_STRIP.sub("", m.group("label"))
        mm = _METRIC.search(label)
        # the label names a subject and a measure: "安徽GDP", "全国居民人均可支配收入"
        subject = label[:mm.start()] if mm else ""
        if not mm or not 2 <= _chars(subject) <= 6 or _CATEGORY.search(subject):
            continue
        s0, _ = ctx.sentence_of(q.start)
        if _TARGET.search(text[s0:q.end]):
            continue
        key = label
        earlier = seen.get(key, [])
        if len(earlier) >= MAX_STATEMENTS:
            continue        # a label stated this often is a listing, not a restatement
        for p in earlier:
            if comparable(p, q) and p.scale == q.scale and period_before(ctx, q) is not None \
                    and scope(ctx, p) == scope(ctx, q) and same_places(ctx, p, q):
                yield Pair(p, q, "label")
        seen.setdefault(key, []).append(q)


# Ex) "critics say the $41.2bn - most of it borrowed -" — "the" + an amount + no noun: said before
# (not "up from the $2.1bn", a comparison with something perhaps never stated)
_ANAPHOR_BEFORE = lazy_compile(r"\b(?P<w>[A-Za-z]+)\s+(?:the|this|that)\s+$", regex.IGNORECASE)
_COMPARISON_WORDS = {"from", "than", "to", "versus", "vs", "against", "below", "above", "over", "under",
                     "beyond", "exceeding", "topping"}
_ANAPHOR_AFTER = lazy_compile(r"^\s*(?:[-–—,;:.)]|$)")


def _anaphora(ctx: Context) -> Iterator[Pair]:
    text = ctx.text
    # the amounts before the current one, by unit and scale: the first value, whether any other
    # value came after it, and the last of them
    seen: dict[tuple, list] = {}
    for q in ctx.quantities:
        if q.kind != "amount":
            continue
        before = seen.get((q.unit, q.scale))
        if before is None:
            seen[(q.unit, q.scale)] = [q.point, False, q]
            continue
        single = not before[1]
        if single and q.point != before[0]:
            before[1] = True
        before[2], last = q, before[2]
        if q.lang != "en" or not single:
            continue
        mb = _ANAPHOR_BEFORE.search(text[max(0, q.start - 16):q.start])
        if not mb or mb.group("w").lower() in _COMPARISON_WORDS:
            continue
        if not _ANAPHOR_AFTER.match(text[q.end:q.end + 3]):
            continue
        yield Pair(last, q, "anaphora")


# -- a headline's growth rate against the body's ------------------------------------------------
# Ex) "一季度净利大增27%" against "净利润7.93亿元，同比增长26.52%"
_METRICS = (
    ("净利", lazy_compile(r"净利润|净利")),
    ("营收", lazy_compile(r"营业收入|营业总收入|营收")),
    ("GDP", lazy_compile(r"国内生产总值|地区生产总值|生产总值|GDP|经济总量")),
    ("进出口", lazy_compile(r"进出口|外贸")),
    ("社零", lazy_compile(r"社会消费品零售总额|社零")),
    ("投资", lazy_compile(r"固定资产投资")),
    ("工业增加值", lazy_compile(r"规模以上工业增加值|规上工业增加值|工业增加值")),
)
_UP = lazy_compile(r"(?:同比)?(?:大增|劲增|猛增|暴增|同增|增长|增加|上涨|提高|增)(?:了|达)?$")
_DOWN = lazy_compile(r"(?:同比)?(?:大降|同降|下降|下滑|减少|回落|下跌|降)(?:了|达)?$")
_RATE_LAST = frozenset("增长加涨高降滑少落跌了达")
_HEADLINE_LINE = lazy_compile(r"^(?:title:\s*'?)?[^。；;\n]{4,40}'?$")


def _metric(window: str) -> str | None:
    best, at = None, -1
    for name, pat in _METRICS:
        for m in pat.finditer(window):
            if m.end() > at:
                best, at = name, m.end()
    return best


def _rate_key(ctx: Context, q: Quantity, prev_end: int) -> tuple[str, int] | None:
    """(metric, direction) of a growth rate.  Ex) "净利润7.93亿元，同比增长26.52%" → (净利, +1)."""
    text = ctx.text
    before = text[max(0, q.start - 8):q.start]
    if "<" in before:
        before = _TAG.sub("", before)
    # the last character _UP or _DOWN could end on ("$" also matches before a final newline)
    last = before[-2:-1] if before[-1:] == "\n" else before[-1:]
    if last not in _RATE_LAST:
        return None
    direction = 1 if _UP.search(before) else -1 if _DOWN.search(before) else 0
    if not direction:
        return None
    window = text[max(prev_end, q.start - 24):q.start]
    if "<" in window:
        window = _TAG.sub("", window)
    metric = _metric(window)
    return (metric, direction) if metric else None


def _headlines(ctx: Context) -> Iterator[Pair]:
    text = ctx.text
    heads, body = [], {}
    prev_end, prev_line = 0, -1
    line_starts = ctx.doc.line_starts
    line_lo, line_hi = 0, -1        # the offsets [lo, hi) of the line prev_line
    for q in ctx.quantities:
        if not line_lo <= q.start < line_hi:
            line_no = ctx.doc.position(q.start)[0]
            line_lo = line_starts[line_no - 1]
            line_hi = line_starts[line_no] if line_no < len(line_starts) else 1 << 62
        if line_no != prev_line:
            prev_end = text.rfind("\n", 0, q.start) + 1
            prev_line = line_no
        if q.kind == "percent" and q.qualifier is None:
            key = _rate_key(ctx, q, prev_end)
            if key is not None:
                line = _TAG.sub("", ctx.doc.line_text(line_no)).strip().strip("\u3000 ")
                period = period_before(ctx, q)
                if _HEADLINE_LINE.match(line) and "，" not in line[line.find(q.text):] and period:
                    heads.append((q, key, period))
                else:
                    s0, _ = ctx.sentence_of(q.start)
                    if not _TARGET.search(text[s0:q.end]):
                        body.setdefault((key, period), []).append(q)
        if q.kind == "percent":
            prev_end = q.end
    for h, key, period in heads:
        found = body.get((key, period), [])
        if not found:
            continue
        # the body must say one thing: every statement of it agrees with every other
        if any(not x.value.intersects(y.value) for x in found for y in found):
            continue
        # a heading that names a place speaks of that place only
        hp = places_before(ctx, h)[0] | places_before(ctx, h)[1]
        found = [b for b in found if not hp or hp <= (places_before(ctx, b)[0] | places_before(ctx, b)[1])]
        for b in found:
            yield Pair(b, h, "headline", h.start)


# -- a news lead restated in the body -------------------------------------------------------
# Ex) lead "Revenues at media group Acme slipped 11% during 2004, …" and body "… even as revenues
# slipped 11% from £3.24bn in 2003 to £2.89bn in 2004": the same subject, direction and period.
_EN_UP = (r"rose|rise|rises|risen|increased|grew|jumped|climbed|gained|advanced|surged|soared|"
          r"shot\s+up|(?:was|were)\s+up")
_EN_DOWN = (r"fell|fall|falls|fallen|slipped|slip|slips|dropped|drop|drops|declined|decreased|slid|"
            r"tumbled|plunged|sank|slumped|(?:was|were)\s+down")
# Ex) "revenues slipped 11%" "exports shot up by more than 7.5%" — the verb right before the rate
_EN_VERB_BEFORE = lazy_compile(
    rf"\b(?:(?P<up>{_EN_UP})|(?P<down>{_EN_DOWN}))\s+(?:by\s+)?"
    r"(?:(?:more\s+than|almost|nearly|about|around|some|over|just\s+over|just\s+under)\s+)?$",
    regex.IGNORECASE)
# Ex) "a 7.5% rise in exports" "a 3% fall in profits" — the noun right after the rate
_EN_NOUN_AFTER = lazy_compile(
    r"\s+(?:(?P<up>rise|increase|jump|gain|growth|surge)|(?P<down>fall|drop|decline|decrease|slide|slump))"
    r"\s+in\s+", regex.IGNORECASE)
_EN_ARTICLE_BEFORE = lazy_compile(r"\b(?:a|an)\s+(?:(?:more\s+than|almost|nearly|about)\s+)?$", regex.IGNORECASE)
# Words that end a subject read backwards from its verb.  Ex) "even as revenues slipped"
_NP_STOP = {"as", "while", "but", "and", "that", "after", "when", "said", "says", "say", "with", "even",
            "because", "since", "although", "though", "which", "who", "where", "whose", "if", "saw",
            "see", "sees", "has", "have", "had", "it", "also", "report", "reported", "reports",
            "posted", "posting", "expects", "expected", "showed", "show", "shows", "helped", "by",
            "than", "to", "from", "for", "in", "during", "on", "over", "until", "due", "thanks",
            "compared", "against", "a", "an", "is", "was", "were", "are", "be", "been", "being", "not"}
_NP_DET = {"the", "its", "their", "his", "her", "this", "that", "these", "those", "our"}
_PRONOUN_DET = {"its", "their", "his", "her", "this", "that", "these", "those", "our"}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
# The scope of a figure in English: a place or a segment named with a preposition.
# Ex) "sales in Europe" "In Germany, sales rose" "rose 5% at its Asian unit" (not "in November")
_EN_SCOPE = lazy_compile(
    rf"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Oo]utside|[Ww]ithin|[Ff]or|[Aa]mong)\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?!(?:{_MONTHS})\b)[A-Z]"
    r"|\b(?:at|in|from)\s+(?:its|their|the\s+group's|the\s+firm's|the\s+company's)\s+[a-z]+\s+(?:unit|division|arm|business|operations)"
    r"|\b(?:terms|basis|constant|underlying|like-for-like|excluding|stripping|adjusted|organic|currenc(?:y|ies)|"
    r"sterling|dollars|euros|yen|comparable|same-store|"
    r"volumes?|per\s+share|annuali[sz]ed|seasonally|forecast|expect|will|would|could|may|might|should|"
    r"target|estimate|predict)")
# A period in English: a year, a month, a quarter or a half, the year as a whole.
_EN_PERIOD = lazy_compile(
    rf"\b(?:(?P<y>(?:19|20)[0-9]{{2}})|(?P<m>{_MONTHS})|(?P<q>(?i:first|second|third|fourth|last|final)\s+"
    r"(?i:quarter))|(?P<qq>Q[1-4])|(?P<h>(?i:first|second)\s+(?i:half)|(?i:three|six|nine|twelve)\s+(?i:months))"
    r"|(?P<fy>(?i:full\s+year|fiscal\s+year|the\s+year)))\b")
# Ex) "from £3.24bn in 2003" "than in 2003" "down from October's" — a comparison base, not the period
_EN_BASE_WORD = lazy_compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs|against|since|same\s+period|"
                             r"a\s+year\s+(?:earlier|ago|before))\b", regex.IGNORECASE)
_EN_TO = lazy_compile(r"\bto\b", regex.IGNORECASE)
_QUARTERS = {"q1": "first quarter", "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter"}


def _en_periods(text: str, s0: int, s1: int) -> frozenset[str]:
    """The periods a sentence is about, without its comparison bases.  Ex) {"2004"}."""
    out = set()
    for m in _EN_PERIOD.finditer(text, s0, s1):
        before = text[max(s0, m.start() - 50):m.start()]
        base = None
        for b in _EN_BASE_WORD.finditer(before):
            base = b
        if base is not None and not _EN_TO.search(before, base.end()):
            continue
        tok = " ".join(m.group().lower().split()).replace("final", "last")
        out.add(_QUARTERS.get(tok, tok))
    return frozenset(out)


# Ex) "\nCloud services\n" "\nOutlook\n" — a short line without a full stop between paragraphs
_EN_HEADING = lazy_compile(r"(?m)^[ \t]*[A-Z][^\n.!?|:;]{0,60}[^\n.!?|:;,\s\"”'’][ \t]*$")
_HAN = lazy_compile(r"\p{Han}")


def _lead_span(ctx: Context) -> tuple[int, int] | None:
    """The first paragraph of a news story: the line after a short title line.

    Ex) "Weak dollar hits Acme" / "" / "Revenues at Acme slipped 11% during 2004, …".
    """
    doc, text = ctx.doc, ctx.text
    lines = [(i, doc.line_text(i + 1)) for i in range(len(doc.line_starts))]
    body = [(i, t) for i, t in lines if t.strip()]
    if len(body) < 3:
        return None
    (_, title), (li, lead) = body[0], body[1]
    words = title.split()
    if not 2 <= len(words) <= 14 or _HAN.search(title) or "|" in title \
            or title.rstrip()[-1:] in ".:;,":
        return None
    if _HAN.search(lead) or "|" in lead or len(lead.split()) < 8 or not lead.rstrip().endswith((".", '."', ".'")):
        return None
    start = doc.line_starts[li]
    return start, start + len(lead)


_TOKEN = lazy_compile(r"[^\s]+")
_EN_WORD = lazy_compile(r"[A-Za-z][A-Za-z'’\-]*")


def _np_words_before(text: str, s0: int, end: int) -> tuple[list[str], int] | None:
    """The subject read backwards from a verb.  Ex) "… even as revenues" → ["revenues"]."""
    out: list[str] = []
    pos = end
    for m in reversed(list(_TOKEN.finditer(text[s0:end]))):
        w = m.group()
        core = w.strip(",;:()\"“”")
        if core != w and w.endswith((",", ";", ":", "(", ")", "\"", "”")):
            break
        if not _EN_WORD.fullmatch(core):
            # Ex) "in the six months ending 31 December rose": no subject of its own
            return None
        low = core.lower()
        if low in _NP_STOP and low != "in":
            break
        if low == "in" and out and not out[0][:1].isupper():
            break
        out.insert(0, core)
        pos = s0 + m.start()
        if low in _NP_DET or len(out) >= 7 or core != w:
            break
    return (out, pos) if out else None


def _np_words_after(text: str, start: int, s1: int) -> tuple[list[str], int] | None:
    """The subject after "a 7.5% rise in".  Ex) "exports outside the European Union."."""
    out: list[str] = []
    end = start
    for m in _TOKEN.finditer(text[start:s1]):
        w = m.group()
        core = w.rstrip(",;:.)\"”")
        if not _EN_WORD.fullmatch(core):
            break
        if core.lower() in _NP_STOP:
            break
        out.append(core)
        end = start + m.start() + len(core)
        if core != w or len(out) >= 7:
            break
    return (out, end) if out else None


_EUROPEAN_UNION = lazy_compile(r"\bEuropean\s+Union\b")
_EN_OUTSIDE = lazy_compile(r"^(?P<head>.+?)\s+outside\s+(?:the\s+)?(?P<x>EU|US|UK|eurozone)$")
_EN_AT_OF = lazy_compile(r"^(?P<head>.+?)\s+(?:at|of)\s+(?P<e>.+)$")
_EN_ITS_THEIR = lazy_compile(r"\b(?:its|their)\b")
_EN_PREPOSITION = lazy_compile(r"\s(?:at|in|for|from|of)\s")
_POSSESSIVE_END = lazy_compile(r"['’]s?$")


def _np_key(words: list[str]) -> tuple[str, frozenset[str], bool] | None:
    """(subject key, named holder, refers back) of a subject.

    Ex) "Revenues at media group Acme" → ("revenue", {"acme"}, False); "exports outside the
    European Union" → ("non-eu export", {}, False); "its net profits" → ("net profit", …, True).
    """
    s = " ".join(words)
    s = _EUROPEAN_UNION.sub("EU", s)
    # Ex) "exports outside the EU" = "non-EU exports"
    m = _EN_OUTSIDE.match(s)
    if m:
        s = f"non-{m.group('x')} {m.group('head')}"
    holder: set[str] = set()
    # Ex) "Revenues at media group Acme" "profits of Acme" — the holder, not the measure
    m = _EN_AT_OF.match(s)
    # the holder ends with its name: not "at its European arm", a part of the holder
    if m and m.group("e").split()[-1][:1].isupper() and not _EN_ITS_THEIR.search(m.group("e")):
        holder = {w.lower() for w in m.group("e").split() if w[:1].isupper()}
        s = m.group("head")
    elif _EN_PREPOSITION.search(s):
        return None
    toks = s.split()
    back = False
    key = []
    for w in toks:
        low = w.lower()
        if low in _NP_DET:
            back = back or low in _PRONOUN_DET
            continue
        if low.endswith(("'s", "’s", "'", "’")):
            # Ex) "Acme's revenues" — a holder; "the group's revenues" — the story's subject
            if w[:1].isupper():
                holder.add(_POSSESSIVE_END.sub("", low))
            continue
        key.append(_stem(low))
    if not key:
        return None
    return " ".join(key), frozenset(holder), back


@dataclass(frozen=True)
class _Change:
    q: Quantity
    key: str
    holder: frozenset[str]
    back: bool
    direction: int
    periods: frozenset[str]


_EN_CLAUSE_END = lazy_compile(r"[,;]\s")


def _en_changes(ctx: Context, lo: int, hi: int) -> Iterator[_Change]:
    """Rates of change stated with a subject and a direction in [lo, hi)."""
    text = ctx.text
    for q in ctx.between(lo, hi):
        if q.kind != "percent" or q.lang != "en":
            continue
        s0, s1 = ctx.sentence_of(q.start)
        line_start = text.rfind("\n", 0, q.start) + 1
        s0 = max(s0, line_start)
        mv = _EN_VERB_BEFORE.search(text, max(s0, q.start - 40), q.start)
        found = None
        if mv:
            np = _np_words_before(text, s0, mv.start())
            if np:
                found = (np[0], 1 if mv.group("up") else -1, np[1], q.end)
        else:
            mn = _EN_NOUN_AFTER.match(text, q.end, s1)
            if mn and _EN_ARTICLE_BEFORE.search(text, max(s0, q.start - 20), q.start):
                np = _np_words_after(text, mn.end(), s1)
                if np:
                    found = (np[0], 1 if mn.group("up") else -1, q.start, np[1])
        if found is None:
            continue
        words, direction, np_start, after = found
        # the clause after the figure: up to the next comma or the end of the sentence
        stop = _EN_CLAUSE_END.search(text, after, s1)
        rest = text[after:stop.start() if stop else s1]
        if _EN_SCOPE.search(text[s0:np_start]) or _EN_SCOPE.search(rest):
            continue
        key = _np_key(words)
        if key is None:
            continue
        periods = _en_periods(text, s0, s1)
        if not periods and s0 > line_start:
            # Ex) "November saw an improvement … . Non-EU exports shot up 7.5%, …" — a
            # paragraph that opens with its period lends it to the sentences after
            first = line_start + len(text[line_start:s0]) - len(text[line_start:s0].lstrip())
            opener = _EN_PERIOD.match(text, first)
            if opener:
                periods = _en_periods(text, opener.start(), opener.end())
        if not periods:
            continue
        yield _Change(q, key[0], key[1], key[2], direction, periods)


_CAPITALISED = lazy_compile(r"\b[A-Z][A-Za-z'’\-]*")
# Ex) "the Office for National Statistics (ONS)" — an acronym defined where it is introduced
_ACRONYM_DEFINED = lazy_compile(r"\(\s*$")
_FUNCTION_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an", "in", "at", "it", "its", "this", "that", "but", "and", "however",
                   "meanwhile", "overall", "during", "according", "on", "for", "by", "as", "while",
                   "analysts", "shares", "he", "she", "they", "we", "i", "mr", "ms", "mrs"}


_EN_LOWER_WORD = lazy_compile(r"\b[a-z][a-z'’\-]*")
_NON_PREFIX = lazy_compile(r"^non-")
_MONTHS_LOWER = lazy_compile(_MONTHS.lower())


def _names(ctx: Context, start: int, end: int) -> set[str]:
    """Names in a stretch of text: capitalised words that the document never writes in lower case.

    Ex) "Carlsberg said profits fell" → {"carlsberg"}; "Revenues slipped" → {} (the document
    also writes "revenues").  "European Union" and "non-EU" count as "eu"; months are not names.
    """
    text = ctx.text
    memo = ctx.memo("repeated-quantity:lower-words")
    if not memo:
        memo["words"] = set(_EN_LOWER_WORD.findall(text))
    lower = memo["words"]
    out = set()
    for m in _CAPITALISED.finditer(text, start, end):
        w = m.group()
        if _ACRONYM_DEFINED.search(text, max(start, m.start() - 3), m.start()):
            continue
        w = _POSSESSIVE_END.sub("", w)
        low = w.lower()
        low = _NON_PREFIX.sub("", low)
        if low in ("european", "union"):
            low = "eu"
        if low in _FUNCTION_WORDS or _MONTHS_LOWER.fullmatch(low) or w.lower() in lower:
            continue
        out.add(low)
    return out


# Ex) "according to lender Northbank" "Halifax said" "the ONS reported"
_SOURCE = lazy_compile(
    r"according\s+to\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?P<a>[A-Z][A-Za-z'’\-]*)"
    r"|(?P<b>[A-Z][A-Za-z'’\-]*)\s+(?:said|says|reported|reports|announced|added)\b")


def _sources(sentence: str) -> set[str]:
    """Who a sentence credits for its figures.  Ex) "Halifax said house prices rose" → {"halifax"}."""
    return {(m.group("a") or m.group("b")).lower() for m in _SOURCE.finditer(sentence)}


def _leads(ctx: Context) -> Iterator[Pair]:
    """A rate in a news lead and the same rate in the body: subject, direction and period agree."""
    span = _lead_span(ctx)
    if span is None:
        return
    lead = [c for c in _en_changes(ctx, span[0], span[1])]
    if not lead:
        return
    text = ctx.text
    # A heading after the lead opens a section about a part: "Cloud services" / "Revenue rose
    # 15% in 2023." is not the story's revenue.  Only the text before the first heading counts.
    end = len(text)
    for hm in _EN_HEADING.finditer(text, span[1]):
        end = hm.start()
        break
    body = list(_en_changes(ctx, span[1], end))
    for a in lead:
        for b in body:
            if (a.key, a.direction, a.periods) != (b.key, b.direction, b.periods) or b.back:
                continue
            if a.holder and b.holder and a.holder != b.holder:
                continue
            # The body statement's paragraph must speak of the lead's holder and no one new.
            # Ex) lead "Profits at Acme fell 5% in 2004" — not "Rival Bolt also reported.
            # Profits fell 3% in 2004."
            line_start = text.rfind("\n", 0, b.q.start) + 1
            _, s1 = ctx.sentence_of(b.q.start)
            named = _names(ctx, line_start, s1)
            if a.holder:
                if named - a.holder - b.holder:
                    continue
            else:
                # no one new in the paragraph, and no one in the sentence the lead does not name
                # Ex) not "Rival lender Halifax said house prices rose 0.5% in January."
                b0, _ = ctx.sentence_of(b.q.start)
                a0, a1 = ctx.sentence_of(a.q.start)
                if named - _names(ctx, 0, line_start) or \
                        _names(ctx, max(b0, line_start), s1) - _names(ctx, max(a0, span[0]), a1):
                    continue
                # two sources for two figures: "according to lender Northbank" / "Halifax said"
                sa, sb = _sources(text[a0:a1]), _sources(text[b0:s1])
                if sa and sb and not sa & sb:
                    continue
            yield Pair(a.q, b.q, "lead", a.q.start)


@per_document
def pairs(ctx: Context) -> list[Pair]:
    """Every pair of statements judged to be the same quantity in the same scope."""
    out: dict[tuple[int, int], Pair] = {}
    found = list(_parallel(ctx, _sentences(ctx))) + list(_labels(ctx)) + list(_anaphora(ctx))
    found += list(_headlines(ctx)) + list(_leads(ctx))
    for p in found:
        a, b = (p.a, p.b) if p.a.start <= p.b.start else (p.b, p.a)
        if a.start == b.start:
            continue
        out.setdefault((a.start, b.start), Pair(a, b, p.basis, p.blame))
    return list(out.values())


def odd_ones(found: list[Pair], agree) -> Iterator[tuple[Quantity, Quantity, Pair]]:
    """For each disagreeing pair, the statement to report and the one it contradicts.

    When a figure is stated three times and one differs, the odd one is reported once;
    otherwise the later one of the pair.
    """
    by_q: dict[int, list[tuple[Quantity, bool]]] = {}
    for p in found:
        ok = agree(p.a, p.b)
        by_q.setdefault(p.a.start, []).append((p.b, ok))
        by_q.setdefault(p.b.start, []).append((p.a, ok))
    reported: set[tuple[int, int]] = set()
    for p in found:
        if agree(p.a, p.b):
            continue
        a_support = sum(1 for _, ok in by_q[p.a.start] if ok)
        b_support = sum(1 for _, ok in by_q[p.b.start] if ok)
        if a_support > b_support:
            bad, good = p.b, p.a
        elif b_support > a_support:
            bad, good = p.a, p.b
        elif p.blame == p.a.start:
            bad, good = p.a, p.b
        else:
            bad, good = p.b, p.a
        key = (bad.start, bad.end)
        if key in reported:
            continue
        reported.add(key)
        yield bad, good, p


def _agree(a: Quantity, b: Quantity) -> bool:
    return a.value.intersects(b.value)


def _without_chrome_copies(ctx: Context, found: list[Pair]) -> list[Pair]:
    """The pairs with repeated page chrome read as one statement.

    A page title printed again on every page (validator/load/boilerplate.py) is one statement,
    not a restatement: two copies of it are never a pair, and a body statement meets only the
    first copy, so a conflict between the title and the body is reported once.
    """
    doc = ctx.doc
    if not doc.boilerplate:
        return found
    first: dict[tuple[str, int], Quantity] = {}

    def canon(q: Quantity) -> Quantity:
        if not doc.is_boilerplate(q.start):
            return q
        line, _ = doc.position(q.start)
        raw = doc.line_text(line)
        lead = len(raw) - len(raw.lstrip())
        # Ex) the "1090个" of every copy of "全省建成村级综合服务站1090个 实现行政村全覆盖"
        return first.setdefault((raw.strip(), q.start - doc.line_starts[line - 1] - lead), q)

    for q in sorted({q.start: q for p in found for q in (p.a, p.b)}.values(), key=lambda q: q.start):
        canon(q)
    out: dict[tuple[int, int], Pair] = {}
    for p in found:
        a, b = canon(p.a), canon(p.b)
        if doc.is_boilerplate(a.start) and doc.is_boilerplate(b.start):
            continue
        if a.start > b.start:
            a, b = b, a
        blame = p.blame
        if blame == p.a.start:
            blame = canon(p.a).start
        elif blame == p.b.start:
            blame = canon(p.b).start
        out.setdefault((a.start, b.start), Pair(a, b, p.basis, blame))
    return list(out.values())


def check(ctx: Context) -> Iterator[Check | Finding]:
    found = [p for p in pairs(ctx) if p.a.scale == p.b.scale or p.a.kind != "amount"]
    plain = _without_chrome_copies(ctx, found)
    for p in plain:
        if _agree(p.a, p.b):
            yield Check(ID, p.b.start, p.b.end, "passed", show(p.b), show(p.a),
                        f"{show(p.b)} agrees with {show(p.a)} stated before")
    for bad, good, p in odd_ones(plain, _agree):
        yield from _finding(ctx, bad, good, p.basis)
    for tp in table_verdicts(ctx):
        if tp.same_scale:
            yield from judge_table(ctx, tp, ID, SEVERITY)


def _finding(ctx: Context, bad: Quantity, good: Quantity, basis: str) -> Iterator[Check | Finding]:
    line_good = ctx.doc.position(good.start)[0]
    how = {"parallel": "in a sentence that reads the same", "label": "under the same label",
           "anaphora": "as the amount this refers back to",
           "headline": "for the same measure and period",
           "lead": "for the same subject, direction and period in the story"}[basis]
    msg = (f"stated {show(bad)} but the same quantity is stated as {show(good)} {how} "
           f"(line {line_good}); the two do not overlap even within rounding ({render(bad)} vs "
           f"{render(good)}); for both to hold, {show(bad)} would have to be {render(bad, good.value)}, "
           f"or {show(good)} would be {render(good, bad.value)}")
    evidence = (("other", show(good)), ("other_line", str(line_good)), ("basis", basis))
    yield Check(ID, bad.start, bad.end, "failed", show(bad), show(good), msg)
    # a lead and its body are matched by their words, not by a label: the reading may be wrong
    severity = "warning" if basis == "lead" else SEVERITY
    yield Finding(ID, severity, msg, bad.start, bad.end, show(bad), show(good), evidence,
                  (Related("same-quantity", show(good), good.start, good.end),))


def _range(iv: Interval) -> str:
    lo = "-inf" if iv.lo is None else fmt(iv.lo)
    hi = "inf" if iv.hi is None else fmt(iv.hi)
    return lo if lo == hi else f"{lo}–{hi}"


_DIGITS = lazy_compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")


def render(q: Quantity, iv: Interval | None = None) -> str:
    """An interval written the way *q* is written.  Ex) "5231.55–5231.65亿元", "$95.95–96.05 million"."""
    iv = q.value if iv is None else iv
    m = _DIGITS.search(q.text)
    if not m or iv.lo is None or iv.hi is None:
        return show(q) if iv is q.value else _range(iv)
    # the factor the written number is multiplied by: 亿 → 10^8, million → 10^6, % → 1
    factor = q.point / Fraction(m.group().translate(_FULL).replace(",", "").replace("，", "")) \
        if Fraction(m.group().translate(_FULL).replace(",", "").replace("，", "")) else Fraction(1)
    if factor == 0:
        return _range(iv)
    lo, hi = fmt(iv.lo / factor), fmt(iv.hi / factor)
    num = lo if lo == hi else f"{lo}–{hi}"
    return (q.text[:m.start()] + num + q.text[m.end():]).strip()


_FULL = str.maketrans("０１２３４５６７８９．", "0123456789.")


# -- flattened tables and the text that restates them ------------------------------------------
@dataclass(frozen=True)
class TablePair:
    q: Quantity             # the figure in the text
    cell_text: str
    cell_start: int
    cell_end: int
    cell_value: Interval    # in base units (the table's unit applied)
    label: str
    year: str
    table_scale: int
    same_scale: bool


# Ex) "(RMB in millions)" "(Dollars in thousands)" "(in millions, except per share amounts)"
_TABLE_UNIT = lazy_compile(r"\bin\s+(?P<m>thousands|millions|billions)\b|(?P<k>'000\b|’000\b)", regex.IGNORECASE)
_TABLE_CUR = lazy_compile(r"\b(?P<c>RMB|dollars|US\$|HK\$|euros?|pounds)\b|(?P<s>\$|£|€)", regex.IGNORECASE)
_SCALES = {"thousands": 3, "millions": 6, "billions": 9}
_CUR = {"rmb": "CNY", "dollars": "USD", "us$": "USD", "hk$": "HKD", "euro": "EUR", "euros": "EUR",
        "pounds": "GBP", "$": "USD", "£": "GBP", "€": "EUR"}
# After the figure: the period it is for.  Ex) " for the fourth quarter of 2019"
# " for the year ended December 31, 2019" " in 2018" " for 2019"
_EN_YEAR_AFTER = lazy_compile(
    r"\s*(?:for|in|during|at|as\s+of)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter\s+of\s+|"
    r"(?:fiscal\s+)?(?:year\s+ended\s+)?(?:(?:[A-Z][a-z]+\s+[0-9]{1,2},?\s+)|(?:[0-9]{1,2}\s+[A-Z][a-z]+\s+))?|"
    r"fiscal\s+(?:year\s+)?)?(?P<y>(?:19|20)[0-9]{2})\b")
# Before the figure: it is a level, not a change.  Ex) "to 46%" "of RMB5,216 million" "was"
_EN_LEVEL_BEFORE = lazy_compile(
    r"(?:\b(?:to|from|was|were|is|are|totaled|totalled|totaling|reached|at)|"
    r"(?<!increase|decrease|rise|fall|growth|change|decline|reduction|gain|loss|average|impact)\s+of)"
    r"\s+(?:approximately\s+|about\s+)?$", regex.IGNORECASE)
# Before a change: "increased $13.8 million" "an increase of $9.4 million" "decreased by $1.4 million"
_EN_CHANGE_BEFORE = lazy_compile(
    r"\b(?:increased|decreased|rose|fell|grew|declined|dropped|increase\s+of|decrease\s+of|"
    r"decline\s+of|rise\s+of)(?:\s+by)?\s+(?:approximately\s+|about\s+)?$", regex.IGNORECASE)
# "… increased $13.8 million, or 13.2%" — the percent change after a change amount
_EN_CHANGE_OR = lazy_compile(
    r"\b(?:increased|decreased|rose|fell|grew|declined|increase\s+of|decrease\s+of)(?:\s+by)?\s+"
    r"(?:US\$|RMB|[$£€])\s?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s?(?:million|billion|thousand))?,?\s+or\s+$",
    regex.IGNORECASE)
# Words that may open a sentence before its subject
_LEAD = {"our", "the", "total", "overall", "net", "consolidated", "its", "their"}
_STOP = {"of", "and", "the", "net", "total", "in", "for", "to", "a", "an", "related", "other", "s",
         "from", "on", "by", "with", "as", "at", "attributable", "company"}


_LABEL_SEP = lazy_compile(r"[\s,;]+")
_DASHES = lazy_compile(r"[-–]+")
_SLASH_PARENS = lazy_compile(r"[/()]+")


def _tokens(label: str) -> list[set[str]]:
    """The label's words that must appear, each a set of spellings.  "gains/(losses)" is either."""
    groups = []
    for piece in _LABEL_SEP.split(label.lower()):
        # "software-as-a-service": every part is a word of the label
        for part in _DASHES.split(piece):
            alts = {_stem(w) for w in _SLASH_PARENS.split(part) if w}
            alts = {w for w in alts if w and w not in _STOP and w not in _MINOR and not w.isdigit()}
            if alts:
                groups.append(alts)
    return groups


_MINOR = {"as", "a", "an", "per"}


_LABEL_WORD_SEP = lazy_compile(r"[\s\-–/(),;]+")


def _acronym(label: str) -> str:
    """The initials a text may use for a row.  Ex) "Software-as-a-service related" → "saas",
    "Research and development" → "rd"."""
    words = [w for w in _LABEL_WORD_SEP.split(label.lower()) if w]
    words = [w for w in words if w not in ("and", "of", "the", "related", "net", "total", "&")]
    return "".join(w[0] for w in words if w[0].isalpha()) if len(words) >= 2 else ""


# Ex) "In 2019, operating income was $612 million" "Revenue in fiscal 2019 was …"
_EN_YEAR_BEFORE = lazy_compile(r"\b(?:in|for|during)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<y>(?:19|20)[0-9]{2})\b",
                                regex.IGNORECASE)
_ANY_YEAR = lazy_compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def _year_before(text: str, s0: int, end: int) -> str | None:
    """The one year named before a figure in its sentence.  Ex) "In 2019, revenue was"."""
    years = set(_ANY_YEAR.findall(text, s0, end))
    if len(years) != 1:
        return None
    m = _EN_YEAR_BEFORE.search(text, s0, end)
    return m.group("y") if m else None


_ALT_SEP = lazy_compile(r"[/()\-–]+")


def _heads_line(label: str, line_words: list[str]) -> bool:
    """The paragraph opens with the row's label as its heading.  Ex) "Finance expenses, net. Net …"."""
    raw = [{_stem(a) for a in _ALT_SEP.split(w) if a}
           for w in _LABEL_SEP.split(label.lower()) if w]
    raw = [g for g in raw if g][:2]
    return len(raw) == 2 and len(line_words) >= 2 and all(line_words[i] in raw[i] for i in range(2))


_NOT_LOWER_ALNUM = lazy_compile(r"[^a-z0-9]")


def _stem(w: str) -> str:
    w = _NOT_LOWER_ALNUM.sub("", w)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("es") and len(w) > 4 and w[-3] in "sxz":
        return w[:-2]
    if w.endswith("s") and len(w) > 3 and not w.endswith("ss"):
        return w[:-1]
    return w


_YEAR = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_HEAD_CHANGE_WORDS = lazy_compile(r"vs|change|%|percent|to\s", regex.I)
_HEAD_CHANGE = lazy_compile(r"change", regex.I)
_HEAD_PERCENT = lazy_compile(r"%|percent", regex.I)
_HEAD_PERCENT_CHANGE = lazy_compile(r"%\s*change|percent", regex.I)
_NOT_ALNUM = lazy_compile(r"[^A-Za-z0-9]+")


def table_pairs(ctx: Context) -> list[TablePair]:
    """Figures in the text that restate a cell of a flattened table (same row label, same year)."""
    try:
        from ..extract.tables import tables, is_header
    except ImportError:  # pragma: no cover - the table reader is optional
        return []
    text = ctx.text
    tabs = tables(text)
    if not tabs:
        return []
    lines = text.split("\n")
    table_lines: set[int] = set()
    infos = []
    for t in tabs:
        scale, cur = None, None
        for r in t.rows:
            table_lines.add(r.line)
            raw = lines[r.line]
            mu = _TABLE_UNIT.search(raw)
            if mu and scale is None:
                scale = _SCALES[mu.group("m").lower()] if mu.group("m") else 3
                mc = _TABLE_CUR.search(raw)
                if mc:
                    cur = _CUR.get((mc.group("c") or mc.group("s")).lower())
        # year of each column, from the header rows
        years: dict[int, str] = {}
        for r in t.rows:
            if is_header(r):
                for j, raw in enumerate(r.raw):
                    # Ex) "2019" "FY2019" "Fiscal 2019" "December 31, 2019" — not "2019 vs. 2018"
                    ys = _YEAR.findall(raw)
                    if len(set(ys)) == 1 and not _HEAD_CHANGE_WORDS.search(raw):
                        years[j] = ys[0]
        data = [r for r in t.rows if r.numeric and not is_header(r) and r.label]
        heads = list(t.headers)
        # Ex) "Change 2021 vs. 2020 Amount" / "% CHANGE" "Percentage"
        changes = [j for j, h in enumerate(heads) if _HEAD_CHANGE.search(h)
                   and not _HEAD_PERCENT.search(h)]
        pchanges = [j for j, h in enumerate(heads) if _HEAD_PERCENT_CHANGE.search(h)]
        if (years or changes) and data:
            infos.append((scale, cur, years, changes, pchanges, data))
    if not infos:
        return []
    out = []
    line_of = ctx.doc.position
    for q in ctx.quantities:
        if q.kind not in ("amount", "percent") or q.lang != "en":
            continue
        if line_of(q.start)[0] - 1 in table_lines:
            continue
        before = text[max(0, q.start - 40):q.start]
        my = _EN_YEAR_AFTER.match(text, q.end)
        change = None
        s0, _ = ctx.sentence_of(q.start)
        yb = _year_before(text, s0, q.start) if my is None else None
        if my and _EN_LEVEL_BEFORE.search(before):
            year = my.group("y")
        elif yb and _EN_LEVEL_BEFORE.search(before):
            year = yb
        elif q.kind == "amount" and _EN_CHANGE_BEFORE.search(before):
            year, change = "", "amount"
        elif q.kind == "percent" and _EN_CHANGE_OR.search(before):
            year, change = "", "percent"
        else:
            continue
        words = [_stem(w) for w in _NOT_ALNUM.split(text[s0:q.start].lower()) if w]
        window = set(words)
        first = next((w for w in words if w not in _LEAD), "")
        ls = text.rfind("\n", 0, q.start) + 1
        line_words = [_stem(w) for w in _NOT_ALNUM.split(text[ls:ls + 80].lower()) if w][:3]
        for scale, cur, years, changes, pchanges, data in infos:
            if change == "amount":
                cols = changes
            elif change == "percent":
                cols = pchanges
            else:
                cols = [j for j, y in years.items() if y == year]
            if not cols:
                continue
            best, best_n = [], 0
            for r in data:
                groups = _tokens(r.label)
                acr = _stem(_acronym(r.label))
                if len(acr) >= 2 and first == acr:
                    # "SaaS revenue was …" for the row "Software-as-a-service related"
                    groups = [{acr}]
                elif not groups or not all(g & window for g in groups):
                    continue
                # a one-word label must be the subject: "Licence revenue increased …",
                # not the "revenue" of "Cloud revenue was …"
                if len(groups) == 1 and first not in groups[0] and not _heads_line(r.label, line_words):
                    continue
                if len(groups) > best_n:
                    best, best_n = [r], len(groups)
                elif len(groups) == best_n:
                    best.append(r)
            if len(best) != 1:
                continue
            row = best[0]
            for j in cols:
                if j >= len(row.cells) or row.cells[j] is None:
                    continue
                cell = row.cells[j]
                if cell.percent != (q.kind == "percent") and not (change == "percent" and j in pchanges):
                    continue
                if q.kind == "percent":
                    value, tscale = abs_iv(cell.value), 0
                else:
                    if scale is None or (cur is not None and cur != q.unit):
                        continue
                    value, tscale = abs_iv(cell.value).scale(Fraction(10) ** scale), scale
                out.append(TablePair(q, cell.text, cell.start, cell.end, value, row.label,
                                     year or "change", tscale, q.kind == "percent" or q.scale == tscale))
    return out


def table_verdicts(ctx: Context) -> list[TablePair]:
    """One table cell per restated figure: one it agrees with if there is one, else the first.

    A figure may match cells in two columns of one year (a quarter and the year) or two tables;
    it is wrong only when it agrees with none of them.
    """
    by_q: dict[int, list[TablePair]] = {}
    for tp in table_pairs(ctx):
        by_q.setdefault(tp.q.start, []).append(tp)
    out = []
    for group in by_q.values():
        good = [tp for tp in group if tp.q.value.intersects(tp.cell_value)]
        out.append(good[0] if good else group[0])
    return out


def abs_iv(iv: Interval) -> Interval:
    if iv.lo is not None and iv.lo < 0 and iv.hi is not None and iv.hi <= 0:
        return -iv
    return iv


def judge_table(ctx: Context, tp: TablePair, rule: str, severity: str) -> Iterator[Check | Finding]:
    q = tp.q
    stated = show(q)
    if q.value.intersects(tp.cell_value):
        yield Check(rule, q.start, q.end, "passed", stated, tp.cell_text,
                    f"{stated} agrees with the table's {tp.label!r} {tp.year}: {tp.cell_text}")
        return
    # A restatement differs from its cell by a slip, not by a factor: figures more than twice
    # or less than half the cell are taken to be other quantities named with the same words.
    lo, hi = q.value.lo, q.value.hi
    c = tp.cell_value
    if lo is None or hi is None or c.lo is None or c.hi is None or c.lo <= 0:
        return
    if hi < c.lo / 2 or lo > c.hi * 2:
        return
    line = ctx.doc.position(tp.cell_start)[0]
    unit = {0: "", 3: "thousands", 6: "millions", 9: "billions"}.get(tp.table_scale, "")
    f = Fraction(10) ** tp.table_scale
    period = "the change" if tp.year == "change" else tp.year
    in_table = _range(Interval(c.lo / f, c.hi / f))
    text_in_table = _range(Interval(lo / f, hi / f))
    msg = (f"stated {stated} for {period}, but the table (line {line}) gives {tp.label.strip()} "
           f"for {period} as {tp.cell_text}{' (in ' + unit + ')' if unit else ''}; {stated} is "
           f"{text_in_table}{' ' + unit if unit else ''} and the cell {in_table}: for the text to "
           f"hold the cell would read {text_in_table}, or the text would say {render(q, c)}")
    evidence = (("table_cell", tp.cell_text), ("row", tp.label.strip()), ("year", tp.year),
                ("table_line", str(line)))
    yield Check(rule, q.start, q.end, "failed", stated, tp.cell_text, msg)
    yield Finding(rule, severity, msg, q.start, q.end, stated, tp.cell_text, evidence,
                  (Related("table-cell", tp.cell_text, tp.cell_start, tp.cell_end),))
