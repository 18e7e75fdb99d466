"""One amount written in two magnitudes, or against a threshold or a conversion, disagrees with itself.

What it does:
    Checks an amount against the same amount written with another magnitude word or unit:

    - the same quantity restated in another magnitude — "国内生产总值59.30万亿元" and, in a
      sentence that reads the same, "国内生产总值593034亿元"; a table "(Dollars in
      thousands)" row "Total revenue | $ 118,346" and the text's "$118.3 million for the
      year ended December 31, 2021" (pairs are found as ``repeated-quantity`` finds them);
    - a threshold next to the amount it describes — "突破6万亿元，达到6.4万亿元",
      "137253.6亿元，迈上13万亿元新台阶", "以30364.7亿元的经济总量，站上“三万亿元”的新台阶":
      突破/超过/跨过/站上/迈上 X means the amount is at least X, and "迈上/站上 X…新台阶" also
      that it has not reached the next step (that one is a warning);
    - a threshold on the report's total output against the same output stated exactly elsewhere
      in it: "经济总量跨过两个万亿元大关、超过6万亿元" (a five-year review) against "实现地区生产总值
      67665亿元" (the year's figure).  地区生产总值 / 经济总量 / GDP (not 人均…) count as one
      measure; both statements open with it (after "五年来，" or "全省"), neither names a region,
      zone or city other than the report's own place ("成渝地区双城经济圈…经济总量超9万亿元" is
      not the province's), neither is for part of a year or an earlier date, a year named with
      one is named with the other, and every exact statement of it agrees.  A warning: the two
      are matched by their words;
    - a threshold on a group against each member's own figure: "深圳和广州…上半年GDP都超过了
      1.3万亿元" against "其中，深圳以14324.47亿元位居第一" or "广州上半年GDP为13101.89亿元" (the
      members are named before the measure, 都/均/双双 says each of them, the member's figure is
      for the same period).  A warning;
    - a count against a threshold next to it: "突破2万家，达到2.14万家", "9.4万个，首次突破10万个",
      and a title that names a count, "建成千座公园城市，累计达到1100座" (at least 1000座; a
      warning).  "建成5座污水处理厂" counts what was built and is no floor;
    - currency conversions: a rate stated in the text ("按1美元兑6.45元人民币计算") against
      every conversion between the same currencies, and two conversions of the same pair in
      one text ("A$612.5m ($401.2m)" … "about A$1.1 billion ($720 million)") against each other
      (a warning: two implied rates may be of different days, so 5% either way is allowed).

    Values are intervals: "59.30万亿元" is 59.295–59.305万亿元 and agrees with 593034亿元.

Why it matters:
    A magnitude slip (万 for 亿, million for billion, two digits swapped in 593034亿元) changes a
    figure ten- or ten-thousand-fold, and a threshold that the stated amount does not reach
    is a claim the report itself refutes.

Example (fails):
    全年全省生产总值突破6万亿元，达到5.4万亿元。

Use instead (passes):
    全年全省生产总值突破6万亿元，达到6.4万亿元。

Exchange rates that are not stated in the text (a conversion at "the rate of the day") are
not checked: that needs outside knowledge.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.numerals import parse_zh_integer
from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, show
from .repeated_quantity import _PLACES, _TARGET, judge_table, odd_ones, pairs, table_verdicts

ID = "unit-magnitude"
SEVERITY = "error"

_MAG = {"万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "万": 4, "千": 3}


# -- the same quantity in two magnitudes --------------------------------------------------------
def _agree(a: Quantity, b: Quantity) -> bool:
    return a.value.intersects(b.value)


def _magnitude_pairs(ctx: Context) -> Iterator[Check | Finding]:
    found = [p for p in pairs(ctx) if p.a.kind == "amount" and p.a.scale != p.b.scale]
    for p in found:
        if _agree(p.a, p.b):
            yield Check(ID, p.b.start, p.b.end, "passed", show(p.b), show(p.a),
                        f"{show(p.b)} = {show(p.a)} within rounding")
    for bad, good, _ in odd_ones(found, _agree):
        line = ctx.doc.position(good.start)[0]
        ratio = (bad.point / good.point) if good.point else None
        factor = ""
        if ratio and ratio > 0:
            r = ratio if ratio >= 1 else 1 / ratio
            if r.denominator == 1 or abs(r - round(r)) < Fraction(1, 100):
                factor = f"; the two differ by a factor of about {fmt(Fraction(round(r)))}"
        want = _in_mag(good.value, bad.scale, bad.unit)
        msg = (f"stated {show(bad)} but the same quantity is stated as {show(good)} (line {line}), "
               f"which is {want} in the magnitude of {show(bad)}; {show(bad)} stands for "
               f"{_in_mag(bad.value, bad.scale, bad.unit)}{factor}; for the two to agree, {show(bad)} "
               f"would have to be {want}")
        yield Check(ID, bad.start, bad.end, "failed", show(bad), want, msg)
        yield Finding(ID, SEVERITY, msg, bad.start, bad.end, show(bad), want,
                      (("other", show(good)), ("other_line", str(line))),
                      (Related("same-quantity", show(good), good.start, good.end),))


_ZH_UNIT = {"CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "HKD": "港元", "JPY": "日元"}
_EN_SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "RMB", "AUD": "A$", "HKD": "HK$"}


def _in_mag(iv: Interval, scale: int, unit: str = "CNY") -> str:
    """An interval written in a magnitude.  Ex) "823050–823150亿元", "$95.96–95.97 million"."""
    if iv.lo is None or iv.hi is None:
        return str(iv)
    f = Fraction(10) ** scale
    lo, hi = iv.lo / f, iv.hi / f
    a, b = fmt(lo), fmt(hi)
    num = a if a == b else f"{a}–{b}"
    if scale in (12, 8, 4):
        word = {12: "万亿", 8: "亿", 4: "万"}[scale]
        return f"{num}{word}{_ZH_UNIT.get(unit, '')}"
    word = {9: " billion", 6: " million", 3: " thousand", 0: ""}.get(scale, f"e{scale}")
    return f"{_EN_SYMBOL.get(unit, '')}{num}{word}"


# -- thresholds ------------------------------------------------------------------------------------
# Ex) "突破8万亿元" "迈上11万亿元新台阶" "站上“四万亿元”的新台阶" "跨过3万亿元大关" "突破7千亿元"
_THRESH = lazy_compile(r"""
    (?P<verb>突破|超过|跨过|跨越|跨上|站上|迈上|迈入|迈进|跃上|登上|晋级|首破|首次突破)了?
    [“"「]?
    (?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3})
    (?P<mag>万亿|千亿|百亿|亿|千万|百万|万)
    (?P<cur>元|美元)?
    [”"」]?
    (?P<tail>(?:的)?(?:新)?台阶|大关|关口|俱乐部)?
    # the threshold ends its clause: not "突破10亿元大关的企业有5家"
    (?=[，,。；;、！？!?\s”"）)]|$)
    """, regex.VERBOSE)
_FLOOR_VERBS = ("站上", "迈上", "跨上", "跃上", "登上", "迈入", "迈进", "晋级")
# What may stand between an amount and the threshold clause after it.
# Ex) "137253.6亿元，迈上" "30364.7亿元的经济总量，站上" "达到6.4万亿元" (before)
_AFTER_AMOUNT = lazy_compile(r"(?:的[\p{Han}]{1,6})?[，,]\s*(?:顺利|成功|首次|正式|一举|已经|已)?$")
_BEFORE_AMOUNT = lazy_compile(r"^[，,]\s*(?:达到|达|为|实现|录得|总量达到|总额达到)$")


@dataclass(frozen=True)
class Threshold:
    start: int
    end: int
    text: str
    value: Fraction          # in yuan
    step: Fraction           # the last written digit's place
    verb: str
    tail: str
    unit: str                # CNY | USD | ""


def _thresholds(text: str) -> list[Threshold]:
    out = []
    for m in _THRESH.finditer(text):
        num = m.group("num")
        if num[0].isdigit():
            val = Fraction(num)
            place = Fraction(1, 10 ** len(num.split(".")[1])) if "." in num else Fraction(1)
        else:
            parsed = parse_zh_integer(num)
            if parsed is None:
                continue
            val, place = Fraction(parsed[0]), Fraction(1)
        f = Fraction(10) ** _MAG[m.group("mag")]
        cur = {"元": "CNY", "美元": "USD"}.get(m.group("cur") or "", "")
        out.append(Threshold(m.start("verb"), m.end(), m.group(), val * f, place * f, m.group("verb"),
                             m.group("tail") or "", cur))
    return out


def _threshold_checks(ctx: Context, judged: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    amounts = [q for q in ctx.quantities if q.kind == "amount" and q.lang == "zh"]
    for t in _thresholds(text):
        s0, s1 = ctx.sentence_of(t.start)
        q = None
        # the amount right before, in the clause before: "137253.6亿元，迈上13万亿元新台阶"
        before = [a for a in amounts if s0 <= a.end <= t.start]
        if before and _AFTER_AMOUNT.search(text[before[-1].end:t.start]) \
                and text[before[-1].end:t.start].count("，") + text[before[-1].end:t.start].count(",") == 1:
            q = before[-1]
        # the amount right after: "突破6万亿元，达到6.4万亿元"
        if q is None:
            after = [a for a in amounts if t.end <= a.start < s1]
            if after and _BEFORE_AMOUNT.match(text[t.end:after[0].start]):
                q = after[0]
        if q is None or (t.unit and q.unit != t.unit) or (not t.unit and q.unit != "CNY"):
            continue
        judged.add(t.start)
        yield from _judge_threshold(ctx, t, q)


def _judge_threshold(ctx: Context, t: Threshold, q: Quantity) -> Iterator[Check | Finding]:
    stated = t.text
    amount = show(q)
    hi, lo = q.value.hi, q.value.lo
    scale = 12 if t.value >= Fraction(10) ** 12 and q.scale >= 8 else q.scale
    unit = q.unit
    if hi is not None and hi < t.value:
        msg = (f"stated {stated} but the amount it describes is {amount} "
               f"({_in_mag(q.value, scale, unit)}), below the threshold {_in_mag(Interval.exact(t.value), scale, unit)}; "
               f"for the sentence to hold the amount would be at least "
               f"{_in_mag(Interval.exact(t.value), q.scale, unit)}, or the threshold at most {_in_mag(q.value, scale, unit)}")
        yield Check(ID, t.start, t.end, "failed", stated, amount, msg)
        yield Finding(ID, SEVERITY, msg, t.start, t.end, stated, amount,
                      (("amount", amount), ("threshold", _in_mag(Interval.exact(t.value), scale, unit))),
                      (Related("amount", amount, q.start, q.end),))
        return
    if t.verb in _FLOOR_VERBS and t.tail and lo is not None and lo >= t.value + t.step:
        nxt = t.value + t.step
        msg = (f"stated {stated} but the amount is {amount} ({_in_mag(q.value, scale, unit)}), already past "
               f"the next step {_in_mag(Interval.exact(nxt), scale, unit)}; a new level of "
               f"{_in_mag(Interval.exact(t.value), scale, unit)} fits amounts from "
               f"{_in_mag(Interval.exact(t.value), scale, unit)} up to {_in_mag(Interval.exact(nxt), scale, unit)}")
        yield Check(ID, t.start, t.end, "failed", stated, amount, msg)
        yield Finding(ID, "warning", msg, t.start, t.end, stated, amount,
                      (("amount", amount), ("threshold", _in_mag(Interval.exact(t.value), scale, unit))),
                      (Related("amount", amount, q.start, q.end),))
        return
    yield Check(ID, t.start, t.end, "passed", stated, amount,
                f"{amount} is at least {_in_mag(Interval.exact(t.value), scale, unit)}")


# -- a count against a threshold next to it -----------------------------------------------------
# Ex) "高新技术企业突破2万家，达到2.3万家" "5G基站达到12.6万个，突破10万个"
#     "建成千座公园城市，累计达到1100座" — a title that names a count ("千座公园城市") is a floor
_COUNT_THRESH = lazy_compile(r"""
    (?P<verb>突破|超过|跨过|建成|成为|迈入|跻身)了?
    [“"「]?
    (?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,2})?
    (?P<mag>百万|十万|万|千|百)?
    (?P<cls>座|个|家|所|户|台|辆|处|项|名)
    (?P<noun>[\p{Han}]{0,6}?)
    (?P<city>城市|之城|之都)?
    [”"」]?
    (?=[，,。；;、])
    """, regex.VERBOSE)
_TITLE_VERBS = ("建成", "成为", "迈入", "跻身")
_COUNT_MAG = {"百万": 6, "十万": 5, "万": 4, "千": 3, "百": 2, None: 0}
# Ex) "，达到2.3万家" "，累计达到1100座" "，总数达1.2万个"
_COUNT_AFTER = lazy_compile(r"[，,]\s*(?:累计|总数|总量|数量)?(?:达到|达|为|有)")
# Ex) "达到12.6万个，突破10万个" "9.4万个、首次突破10万个"
_COUNT_BEFORE = lazy_compile(r"[，,、]\s*(?:首次|已经|已|一举)?")


def _count_thresholds(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _COUNT_THRESH.finditer(text):
        num, mag = m.group("num"), m.group("mag")
        title = m.group("verb") in _TITLE_VERBS
        # "建成5座水库" counts what was built; only a named title ("千座公园城市") is a floor
        if title and not (m.group("city") and m.group("noun") and mag and not num):
            continue
        if not title and (m.group("noun") or m.group("city") or not (num or mag)):
            continue
        if num is None:
            base = Fraction(1)
        elif num[0].isdigit():
            base = Fraction(num)
        else:
            parsed = parse_zh_integer(num)
            if parsed is None:
                continue
            base = Fraction(parsed[0])
        value = base * Fraction(10) ** _COUNT_MAG[mag]
        s0, s1 = ctx.sentence_of(m.start())
        q = None
        after = [c for c in ctx.between(m.end(), s1) if c.kind == "count"]
        if after and _COUNT_AFTER.fullmatch(text[m.end():after[0].start]):
            q = after[0]
        elif not title:
            before = [c for c in ctx.between(s0, m.start()) if c.kind == "count" and c.end <= m.start()]
            if before and _COUNT_BEFORE.fullmatch(text[before[-1].end:m.start()]):
                q = before[-1]
        if q is None or q.classifier != m.group("cls") or q.qualifier is not None or q.value.hi is None:
            continue
        stated = m.group().strip("“”\"「」")
        count = show(q)
        start = m.start()
        end = m.start() + len(m.group().rstrip("”\"」"))
        if q.value.hi >= value:
            yield Check(ID, start, end, "passed", stated, count, f"{count} is at least {stated[len(m.group('verb')):]}")
            continue
        wan = _COUNT_MAG[mag] >= 4
        unit = ("万" if wan else "") + m.group("cls")
        div = Fraction(10) ** 4 if wan else Fraction(1)
        what = f"{fmt(value / div)}{unit}"
        msg = (f"stated {stated}, which means at least {what}, but the count it describes is {count}; "
               f"for the sentence to hold the count would be at least {what}, or the threshold at most "
               f"{fmt(q.value.hi / div)}{unit}")
        # a title read as a floor ("千座公园城市") is a reading of words: a warning
        severity = "warning" if title else SEVERITY
        yield Check(ID, start, end, "failed", stated, count, msg)
        yield Finding(ID, severity, msg, start, end, stated, count,
                      (("count", count), ("threshold", what)),
                      (Related("count", count, q.start, q.end),))


# -- a threshold on a measure stated exactly elsewhere ------------------------------------------
# Ex) "地区生产总值" "经济总量" "GDP总量" — not "人均地区生产总值", "单位地区生产总值能耗"
_GDP = r"(?<!人均|单位|人均地区|单位地区)(?:地区生产总值|国内生产总值|生产总值|经济总量|GDP)(?:总量)?"
_HOME = r"(?:全省|全市|全区|全州|全县|全国|我国|我省|我市|本省|本市)?"
# The nation's output is not a province's: "全国GDP突破130万亿元" against "全市地区生产总值…"
_NATION = lazy_compile(r"全国|我国|国内生产总值")
# Ex) "五年来，" "过去一年，" "2025年，" — an opening clause that names no subject
_OPENING = r"(?:(?:五年来|过去五年|一年来|过去一年|全年|[“\"]?十四五[”\"]?时期|(?:19|20)[0-9]{2}年)[，,])?"
# The sentence opens with the measure and the threshold follows, perhaps after one other step.
# Ex) "经济总量跨过两个万亿元大关、超过6万亿元" "地区生产总值突破3万亿元"
_HOME_THRESHOLD = lazy_compile(rf"^{_OPENING}{_HOME}{_GDP}(?:[^，。；,;0-9０-９]{{1,14}}、)?$")
# Ex) "实现地区生产总值67665亿元" "全市生产总值达到5.67万亿元" "完成地区生产总值32765亿元"
_HOME_EXACT = lazy_compile(rf"^(?:实现|完成)?{_HOME}(?:实现|完成)?{_GDP}(?:为|达到|达|是|实现)?$")
# Ex) "“十三五”末" "2020年底" "此前" — the figure of an earlier date
_EARLIER = lazy_compile(r"末|底|年初|此前|以前|曾")
# Ex) "深圳和广州作为一线城市，上半年GDP都超过了1.3万亿元" — every member named is above it
_GROUP_THRESHOLD = lazy_compile(rf"{_GDP}(?:也)?(?:都|均|双双)(?:已经|已|首次)?$")
# Parts of a year, and years: a figure for 上半年 says nothing of the full year.
_PERIOD_WORDS = lazy_compile(
    r"[一二三四1-4]季度|[上下]半年|前[一二三四五六七八九十0-9]{1,2}个?月|[0-9]{1,2}[-—－~～至][0-9]{1,2}月|"
    r"[0-9一二三四五六七八九十]{1,2}月(?:份)?|全年|去年|上年|(?:19|20)[0-9]{2}年")
# Places inside a report: a figure of a region, a zone or a city is not the report's own.
_SUB_PLACE = lazy_compile(r"经济圈|经济区|经济带|都市圈|城市群|片区|县域|园区|开发区|新区|示范区|自贸区|各市|各县|市州|地市")
_CLAUSE_START = lazy_compile(r"[，,；;。：:！？\n]")
_TAGS = lazy_compile(r"<[^<>\n]{0,300}>|[\s\u3000]+")


def _clean(s: str) -> str:
    return _TAGS.sub("", s)


def _periods(s: str) -> frozenset[str]:
    return frozenset(m.group().replace("份", "") for m in _PERIOD_WORDS.finditer(s))


def _part_of_year(s: str) -> frozenset[str]:
    """Periods shorter than a year.  Ex) "上半年", "1-7月", "三季度"."""
    return frozenset(p for p in _periods(s) if p not in ("全年", "去年", "上年") and not p[:2].isdigit())


def _years(s: str) -> frozenset[str]:
    return frozenset(p for p in _periods(s) if p[:2].isdigit())


def _home(ctx: Context) -> str | None:
    """The place a report is about: the first one it names, when no other is named as often.

    Ex) "2026年四川省人民政府工作报告 … 四川 … 成都 … 四川" → "四川".
    """
    memo = ctx.memo("unit-magnitude:home")
    if "home" not in memo:
        names = [m.group() for m in _PLACES.finditer(ctx.text)]
        counts = collections.Counter(names).most_common(2)
        home = None
        if names and counts[0][0] == names[0] and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            home = names[0]
        memo["home"] = home
    return memo["home"]


def _places_in(s: str, home: str | None = None) -> bool:
    """A region, zone or city other than the report's own is named in *s*."""
    return bool(_SUB_PLACE.search(s)) or any(m.group() != home for m in _PLACES.finditer(s))


def _clause_before(text: str, s0: int, end: int) -> str:
    """The words of *end*'s clause before it.  Ex) "，实现地区生产总值" → "实现地区生产总值"."""
    last = s0
    for m in _CLAUSE_START.finditer(text, s0, end):
        last = m.end()
    return _clean(text[last:end])


def _home_exacts(ctx: Context) -> list[Quantity]:
    """The report's own total output stated exactly, with no place, part of a year or goal."""
    text = ctx.text
    out = []
    for q in ctx.quantities:
        if q.kind != "amount" or q.lang != "zh" or q.unit != "CNY" or q.qualifier is not None:
            continue
        s0, _ = ctx.sentence_of(q.start)
        line_start = text.rfind("\n", 0, q.start) + 1
        s0 = max(s0, line_start)
        if not _HOME_EXACT.match(_clause_before(text, s0, q.start)):
            continue
        before = _clean(text[line_start:q.start])
        if _places_in(before, _home(ctx)) or _TARGET.search(text[s0:q.end]) or _part_of_year(text[s0:q.start]) \
                or _EARLIER.search(text[s0:q.start]):
            continue
        out.append(q)
    return out


def _far_threshold_checks(ctx: Context, judged: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    exacts = None
    for t in _thresholds(text):
        if t.start in judged or t.unit not in ("", "CNY"):
            continue
        s0, _ = ctx.sentence_of(t.start)
        line_start = text.rfind("\n", 0, t.start) + 1
        s0 = max(s0, line_start)
        head = _clean(text[s0:t.start])
        if _TARGET.search(text[s0:t.end]):
            continue
        if _HOME_THRESHOLD.match(head):
            # the paragraph so far speaks of no region, zone or city of its own
            if _places_in(_clean(text[line_start:t.start]), _home(ctx)) or _part_of_year(head):
                continue
            if exacts is None:
                exacts = _home_exacts(ctx)
            nation = bool(_NATION.search(head))
            mine = [q for q in exacts
                    if bool(_NATION.search(_clause_before(text, ctx.sentence_of(q.start)[0], q.start))) == nation]
            if not mine or any(not a.value.intersects(b.value) for a in mine for b in mine):
                continue
            # a year named with either must be named with both: "2020年，全省地区生产总值41280亿元"
            # is not the level a five-year review speaks of
            if _years(head) != _years(text[ctx.sentence_of(mine[0].start)[0]:mine[0].start]):
                continue
            yield from _judge_far(ctx, t, [("", mine[0])], "the report's total output")
            continue
        mg = _GROUP_THRESHOLD.search(head)
        if mg:
            members = list(dict.fromkeys(m.group() for m in _PLACES.finditer(head[:mg.start()])))
            if len(members) < 2:
                continue
            found = _member_values(ctx, t, members, _periods(head))
            if found is not None:
                yield from _judge_far(ctx, t, found, "each of " + "、".join(members))


def _member_values(ctx: Context, t: Threshold, members: list[str], period: frozenset[str]):
    """The amount stated for every member, for the same measure and period, or None."""
    text = ctx.text
    values: dict[str, list[Quantity]] = {m: [] for m in members}
    _, s1 = ctx.sentence_of(t.start)
    n0, n1 = ctx.sentence_of(s1) if s1 < len(text) else (s1, s1)
    alts = "|".join(regex.escape(m) for m in members)
    # Ex) "其中，深圳以14324.47亿元位居第一" — the next sentence ranks a member by the same measure
    rank = regex.compile(rf"^其中(?P<m>{alts})以$")
    # Ex) "广州上半年GDP为13101.89亿元" "成都上半年实现GDP9602.72亿元"
    own = regex.compile(rf"^(?:其中)?(?P<m>{alts})(?P<p>[^，,。；;0-9]{{0,8}}?)(?:实现)?{_GDP}(?:为|达到了|达到|达|是)?$")
    for q in ctx.quantities:
        if q.kind != "amount" or q.lang != "zh" or q.unit != "CNY" or q.qualifier is not None:
            continue
        s0, _ = ctx.sentence_of(q.start)
        before = _clause_before(text, s0, q.start)
        if n0 <= q.start < n1:
            m = rank.match(_clean(text[s0:q.start]).replace("，", "").replace(",", ""))
            if m:
                values[m.group("m")].append(q)
                continue
        m = own.match(before)
        if m and _periods(m.group("p")) == period and not _TARGET.search(text[s0:q.end]):
            values[m.group("m")].append(q)
    out = []
    for name, qs in values.items():
        if not qs:
            continue
        if any(not a.value.intersects(b.value) for a in qs for b in qs):
            return None
        out.append((name, qs[0]))
    return out or None


def _judge_far(ctx: Context, t: Threshold, found: list[tuple[str, Quantity]], what: str) -> Iterator[Check | Finding]:
    below = [(name, q) for name, q in found if q.value.hi is not None and q.value.hi < t.value]
    if not below:
        shown = "、".join(f"{name}{show(q)}" for name, q in found)
        yield Check(ID, t.start, t.end, "passed", t.text, shown,
                    f"{shown} is at least {_in_mag(Interval.exact(t.value), 12 if t.value >= 10 ** 12 else 8, 'CNY')}")
        return
    name, q = below[0]
    line = ctx.doc.position(q.start)[0]
    scale = 12 if t.value >= Fraction(10) ** 12 else 8
    threshold = _in_mag(Interval.exact(t.value), scale, "CNY")
    amount = f"{name}{show(q)}"
    msg = (f"stated {t.text} for {what}, but the same measure is stated exactly as {amount} (line {line}), "
           f"which is {_in_mag(q.value, scale, 'CNY')}, below the threshold {threshold}; for both to hold "
           f"the amount would be at least {_in_mag(Interval.exact(t.value), q.scale, 'CNY')}, or the "
           f"threshold at most {_in_mag(q.value, scale, 'CNY')}")
    yield Check(ID, t.start, t.end, "failed", t.text, amount, msg)
    yield Finding(ID, "warning", msg, t.start, t.end, t.text, amount,
                  (("amount", amount), ("amount_line", str(line)), ("threshold", threshold)),
                  (Related("amount", show(q), q.start, q.end),))


# -- currency conversions ----------------------------------------------------------------------------
# Ex) "742m euros" "5.2bn Danish kroner" "12bn euros" — amounts the extractor leaves as numbers
_EN_AMOUNT = lazy_compile(
    r"(?<![0-9.,])(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)\s?(?P<mag>m|bn|million|billion|trillion)?\s"
    r"(?P<cur>euros?|(?:Danish\s|Swedish\s|Norwegian\s)?kroner|krona|yen|yuan|renminbi|rupees|francs)\b",
    regex.IGNORECASE)
_EN_CUR = {"euro": "EUR", "euros": "EUR", "kroner": "DKK", "danish kroner": "DKK", "swedish kroner": "SEK",
           "norwegian kroner": "NOK", "krona": "SEK", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
           "rupees": "INR", "francs": "CHF"}
_EN_SCALE = {"m": 6, "million": 6, "bn": 9, "billion": 9, "trillion": 12, None: 0}
# Ex) "A$612.5m ($401.2m; £318m)" — the amounts in brackets convert the one before
_CONV_GAP = lazy_compile(r"^\s*[（(]\s*$|^\s*;\s*$|^\s*[；;]\s*$")
# Ex) "86.3亿美元、折合608亿元人民币" "约合" "相当于"
_ZH_CONV_GAP = lazy_compile(r"^[、，,]?\s*(?:折合|约合|合|相当于|折)(?:人民币)?$")
# Ex) "按1美元兑6.45元人民币" "1美元兑换7.1元人民币" "汇率按1美元=6.9元"
_ZH_RATE = lazy_compile(
    r"1(?P<a>美元|欧元|英镑|港元|日元)(?:兑换|兑|=|＝|折合|合)(?P<r>[0-9]+(?:\.[0-9]+)?)(?P<b>元人民币|元|人民币|美元|港元|日元)")
# Ex) "at a rate of $1.30 to the euro" "an exchange rate of 7.1 yuan per dollar"
_EN_RATE = lazy_compile(
    r"(?:rate\s+of|at)\s+(?P<cur>US\$|\$|£|€)(?P<r>[0-9]+(?:\.[0-9]+)?)\s+(?:to|per)\s+(?:the|one|a|each)\s+"
    r"(?P<b>euro|pound|dollar|yuan)\b", regex.IGNORECASE)
_ZH_CODE = {"美元": "USD", "欧元": "EUR", "英镑": "GBP", "港元": "HKD", "日元": "JPY", "元人民币": "CNY",
            "元": "CNY", "人民币": "CNY"}
_EN_CODE = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "euro": "EUR", "pound": "GBP", "dollar": "USD",
            "yuan": "CNY"}


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    text: str
    value: Interval
    unit: str
    zh: bool = False


def _moneys(ctx: Context) -> list[Money]:
    out = [Money(q.start, q.end, show(q), q.value, q.unit, q.lang == "zh") for q in ctx.quantities
           if q.kind == "amount" and q.value.bounded]
    taken = {(m.start) for m in out}
    for m in _EN_AMOUNT.finditer(ctx.text):
        if m.start() in taken:
            continue
        digits = m.group("num").replace(",", "")
        scale = _EN_SCALE[(m.group("mag") or None) and m.group("mag").lower()]
        iv = Interval.rounded(digits).scale(Fraction(10) ** scale)
        cur = _EN_CUR.get(" ".join(m.group("cur").lower().split()))
        if cur:
            out.append(Money(m.start(), m.end(), m.group().strip(), iv, cur))
    out.sort(key=lambda x: x.start)
    return out


@dataclass(frozen=True)
class Conversion:
    src: Money
    dst: Money

    def rate(self) -> Interval:
        """Units of dst per unit of src."""
        return self.dst.value / self.src.value


def _conversions(ctx: Context, moneys: list[Money]) -> list[Conversion]:
    text = ctx.text
    out = []
    for i, a in enumerate(moneys):
        j = i + 1
        src = a
        # "A$612.5m ($401.2m; £318m)": each bracketed amount converts the first one
        while j < len(moneys):
            b = moneys[j]
            gap = text[moneys[j - 1].end:b.start]
            if b.unit != src.unit and (_CONV_GAP.match(gap) if j == i + 1 or gap.strip() in (";", "；")
                                       else False):
                out.append(Conversion(src, b))
                j += 1
                continue
            if j == i + 1 and b.unit != src.unit and _ZH_CONV_GAP.match(gap.strip()):
                out.append(Conversion(src, b))
            break
    return out


def _stated_rates(text: str) -> list[tuple[str, str, Interval, int, int, str]]:
    out = []
    for m in _ZH_RATE.finditer(text):
        out.append((_ZH_CODE[m.group("a")], _ZH_CODE[m.group("b")], Interval.rounded(m.group("r")),
                    m.start(), m.end(), m.group()))
    for m in _EN_RATE.finditer(text):
        a = _EN_CODE[m.group("b").lower()]
        b = _EN_CODE[m.group("cur").lower()]
        out.append((a, b, Interval.rounded(m.group("r")), m.start(), m.end(), m.group()))
    return out


_TOLERANCE = Fraction(5, 100)


def _conversion_checks(ctx: Context) -> Iterator[Check | Finding]:
    convs = _conversions(ctx, _moneys(ctx))
    rates = _stated_rates(ctx.text)
    for c in convs:
        for a, b, r, rs, re_, rtext in rates:
            if {a, b} != {c.src.unit, c.dst.unit}:
                continue
            implied = c.rate() if (c.src.unit, c.dst.unit) == (a, b) else c.rate().reciprocal()
            if implied.intersects(r):
                yield Check(ID, c.dst.start, c.dst.end, "passed", c.dst.text, rtext,
                            f"{c.src.text} → {c.dst.text} at the stated {rtext}")
                continue
            need = c.src.value * r if (c.src.unit, c.dst.unit) == (a, b) else c.src.value / r
            shown = _in_mag(need, 8, c.dst.unit) if c.dst.zh else _plain(need)
            msg = (f"stated {c.dst.text} for {c.src.text}, but at the rate stated in the text ({rtext}) "
                   f"{c.src.text} is {shown}; the conversion implies {_plain(implied, 4)} "
                   f"instead of {fmt(r.lo, 4)}–{fmt(r.hi, 4)}")
            yield Check(ID, c.dst.start, c.dst.end, "failed", c.dst.text, shown, msg)
            yield Finding(ID, SEVERITY, msg, c.dst.start, c.dst.end, c.dst.text, shown,
                          (("rate", rtext), ("source", c.src.text)),
                          (Related("source", c.src.text, c.src.start, c.src.end),
                           Related("rate", rtext, rs, re_)))
    # conversions of the same pair against each other
    seen: list[Conversion] = []
    for c in convs:
        for d in seen:
            if {d.src.unit, d.dst.unit} != {c.src.unit, c.dst.unit}:
                continue
            rc = c.rate() if (c.src.unit, c.dst.unit) == (d.src.unit, d.dst.unit) else c.rate().reciprocal()
            rd = d.rate()
            widened = Interval(rd.lo * (1 - _TOLERANCE), rd.hi * (1 + _TOLERANCE))
            if rc.intersects(widened):
                yield Check(ID, c.dst.start, c.dst.end, "passed", c.dst.text, d.dst.text,
                            f"{c.src.text} → {c.dst.text} agrees with {d.src.text} → {d.dst.text}")
                continue
            line = ctx.doc.position(d.src.start)[0]
            msg = (f"{c.src.text} converted as {c.dst.text} implies {_plain(rc, 4)} {d.dst.unit} per "
                   f"{d.src.unit}, but {d.src.text} = {d.dst.text} (line {line}) implies {_plain(rd, 4)}; "
                   f"at that rate {c.src.text} would be about {_conv(c, rd, d)} (5% allowed for a "
                   f"change of rate)")
            yield Check(ID, c.dst.start, c.dst.end, "failed", c.dst.text, _conv(c, rd, d), msg)
            yield Finding(ID, "warning", msg, c.dst.start, c.dst.end, c.dst.text, _conv(c, rd, d),
                          (("other_conversion", f"{d.src.text} = {d.dst.text}"),),
                          (Related("other-conversion", d.dst.text, d.dst.start, d.dst.end),))
            break
        seen.append(c)


def _conv(c: Conversion, rd: Interval, d: Conversion) -> str:
    if (c.src.unit, c.dst.unit) == (d.src.unit, d.dst.unit):
        return _plain(c.src.value * rd)
    return _plain(c.src.value / rd)


def _plain(iv: Interval, digits: int | None = None) -> str:
    if iv.lo is None or iv.hi is None:
        return str(iv)
    mid = (iv.lo + iv.hi) / 2
    if digits is not None:
        return fmt(mid, digits)
    for s, w in ((12, "tn"), (9, "bn"), (6, "m")):
        if abs(mid) >= Fraction(10) ** s:
            return fmt(mid / Fraction(10) ** s, 2) + w
    return fmt(mid, 2)


# -- tables in one unit, text in another ----------------------------------------------------------
def _table_checks(ctx: Context) -> Iterator[Check | Finding]:
    for tp in table_verdicts(ctx):
        if not tp.same_scale:
            yield from judge_table(ctx, tp, ID, SEVERITY)


def check(ctx: Context) -> Iterator[Check | Finding]:
    yield from _magnitude_pairs(ctx)
    judged: set[int] = set()
    yield from _threshold_checks(ctx, judged)
    yield from _far_threshold_checks(ctx, judged)
    yield from _count_thresholds(ctx)
    yield from _conversion_checks(ctx)
    yield from _table_checks(ctx)
