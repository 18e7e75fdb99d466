"""A stated growth rate disagrees with the before and after values stated with it.

What it does:
    Reads a rate together with the values it is a rate of and checks it with interval
    arithmetic: "从A增长到B，增长r%" / "由A提高到B" with a rate, a multiple (增长1.9倍) or a
    difference; "B，比上年增加D，增长r%"; "下降r%至B，减少D"; "rose 28% to £198m from £130m";
    "slipped 11% from £3.24bn to £2.89bn"; "totaled 1,767,182, up 5.5% from 1,675,706";
    "increased $6.5 million, or 7.3%, from $89.5 million"; "increased by 17% to RMB6,712 million"
    with last year's figure in the report's own table; table rows "label | 2019 | 2018 | change
    | % change"; average annual growth over a stated span ("由2020年的A增至2025年的B，年均增长
    r%": (B/A)^(1/5) - 1); and a total's rate against its parts' values and rates ("总额T，增长
    g%；其中出口E，增长a%；进口I，下降b%": T/(1+g) must equal E/(1+a) + I/(1-b)).
    A rate that says 增长/rose where the values fell (or the reverse) is a sign error.
    Readings that are less certain give warnings: a text rate matched to a table row by its
    label and years ("Total revenue for 2019 decreased 23% as compared to 2018"), a lead's
    rate matched to the body's "earned $630m, down from $1.2bn", "24.4% above … $496.5bn"
    against the figure the previous sentence states; price × volume ("due to an increase in
    average selling prices of approximately 35% and … sales volumes of approximately 20%") is
    checked as (1.35 × 1.20) - 1.

Why it matters:
    Rates are usually computed once and copied many times; a rate left over from a draft, a
    base taken from the wrong year, or 增长 written for 下降 survives every proof-reading
    because nobody divides.  The message gives the rate the values imply and what each value
    would have to be for the stated rate to hold.

Example (fails):
    全市粮食产量由2020年的120.5万吨增加到2025年的150.3万吨，增长12.4%。

Use instead (passes):
    全市粮食产量由2020年的120.5万吨增加到2025年的150.3万吨，增长24.7%。

Rates at comparable prices (GDP, 增加值, 实际增长, "in real terms") are never compared with
nominal values.  A rate is compared only with values the wording ties to it (从/由…到/至, from…to, "B, up r%
from A", a change column, the parts after 其中 that add up to the total); a rate whose base is
not in the text is left alone.  增长N倍 is accepted both as "N+1 times" and, loosely, as "N
times" the old value.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.rates import Rate, header_years, rate_of, table_rows
from ..interval import Interval, fmt, nth_root
from ..model import Check, Finding, Quantity, Related
from .base import Context, decimals_of, show, stated_rates

ID = "growth-rate"
SEVERITY = "error"

HUNDRED = Interval.exact(100)
ONE = Interval.exact(1)
VALUE_KINDS = ("amount", "number", "count", "measure")
_CLAUSE_TURN = lazy_compile(r";|,\s+(?:while|but|whereas|although|though|and|as|with|compared)\b", regex.IGNORECASE)
# Rates at comparable prices (value added, GDP) are chain-linked: parts' values do not weight them.
_REAL_TERMS = lazy_compile(r"生产总值|增加值|GDP|经济总量|可比价|实际增长|实际|扣除价格")
_EN_REAL = lazy_compile(r"\bGDP\b|gross domestic product|in real terms|inflation-adjusted|real terms", regex.IGNORECASE)
# Ex) "net customer losses improved by 4.3%": better, whichever way the figure moved
_EITHER = ("improved", "worsened", "narrowed", "widened")
_COMPARATIVE = ("above", "higher", "more than", "below", "lower", "less than")

# Ex) "537m euros" "798m euro" (a magnitude the extractor leaves to currency symbols)
_EN_MAG_WORD = lazy_compile(r"^(?P<m>m|bn|k)\s+(?:euros?|dollars|pounds|kroner|yen|yuan)\b")
# Ex) "from £3.24bn" "from the £130m" — the old value in English
_EN_FROM = lazy_compile(r"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:about\s+|around\s+)?$", regex.IGNORECASE)
# Ex) "to £2.89bn" "to a new record of $1.76 trillion" — the new value
_EN_TO = lazy_compile(r"\bto\s+(?:an?\s+)?(?:new\s+|record\s+|all-time\s+|high\s+|average\s+|total\s+|of\s+){0,4}(?:about\s+|around\s+)?$",
                       regex.IGNORECASE)
# Ex) "10bn euros, up 8.1%" "1,767,182, up 5.5%" "2,772,464, representing a 0.2% increase"
_EN_B_BEFORE = lazy_compile(r"^(?:\s+[A-Za-z-]+){0,3}\s*,\s*(?:representing\s+|which\s+is\s+|an?\s+)?(?:an?\s+)?$",
                             regex.IGNORECASE)
# Ex) "由2020年的120.5万吨" "从3.2万户" — the old value in Chinese
_ZH_FROM = lazy_compile(r"(?:从|由)(?:(?P<y>(?:19|20)[0-9]{2})年(?:末|底|度)?的?|(?:去年|上年)(?:同期|末|底)?的?)?$")
# Ex) "增加到2025年的150.3万吨" "提高至" "增至" "下降到"
_ZH_TO = lazy_compile(
    r"^[^，。；;，\n0-9]{0,6}?(?P<verb>增长|增加|提高|提升|上升|扩大|跃升|攀升|增|升|下降|减少|降低|缩小|缩减|回落|降|减)"
    r"了?(?:到|至|为)(?:(?P<y>(?:19|20)[0-9]{2})年(?:末|底|度)?的?)?$")
_ZH_DOWN_VERBS = ("下降", "减少", "降低", "缩小", "缩减", "回落", "降", "减")
# Ex) "，年均增长4.5%" "，增长24.7%" "，增长1.9倍" "，增加29.8万吨"
# (only a few words between: "，农村居民收入增长6.8%" is another subject's rate)
_ZH_AFTER_B = lazy_compile(
    r"^[，,]?(?:累计|共|合计|总共|[0-9]{1,2}年(?:间|来|内)?|[一二三四五六七八九十]{1,2}年(?:间|来|内)?){0,2}"
    r"(?P<basis>年均|年平均|平均每年)?(?P<verb>增长|增加|提高|提升|上升|下降|减少|降低|增|降|翻)了?(?:约)?$")
# Ex) "，比上年增加29.8万吨，增长7.3%" — the difference between the value and its rate
_ZH_DIFF = lazy_compile(r"^[，,]?(?:比上年末|比上年|同比|比去年|较上年|比20[0-9]{2}年)?(?P<verb>增加|增长|多|减少|下降|少|净增)了?$")
_ZH_DIFF_THEN_RATE = lazy_compile(r"^[，,、]?$")
# Ex) "下降70%至1347.5亿元，同比减少3140.2亿元"
_ZH_RATE_TO = lazy_compile(r"^(?:至|到)$")
# Span words.  Ex) "五年来" "过去5年" "“十四五”时期"
_ZH_SPAN = lazy_compile(r"(?P<n>[0-9]+|[一二三四五六七八九十]+)年(?:来|间|中|里)|过去(?P<n2>[0-9]+|[一二三四五六七八九十]+)年|“?十[一二三四五六七八九]五”?(?:时期|期间)")
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# -- value helpers ---------------------------------------------------------------------------------
def _val(ctx: Context, q: Quantity) -> tuple[Interval, str] | None:
    """The value and a unit key for comparing two values.  Ex) "537m euros" → 5.37e8 ± 5e5, EUR."""
    if q.kind not in VALUE_KINDS or q.value.lo is None or q.value.hi is None:
        return None
    if q.kind == "number" and q.lang == "en":
        m = _EN_MAG_WORD.match(ctx.text[q.end:q.end + 16])
        if m:
            mag = {"m": 10**6, "bn": 10**9, "k": 10**3}[m.group("m")]
            half = Fraction(1, 2) * mag * _last_unit(q.numeral or q.text)
            return Interval.around(q.point * mag, half), "EUR?"
    if q.kind == "amount":
        return q.value, q.unit
    if q.kind == "measure":
        return q.value, q.unit
    return q.value, "n"


def _last_unit(digits: str) -> Fraction:
    d = digits.replace(",", "").strip()
    if "." in d:
        return Fraction(1, 10 ** len(d.split(".")[1]))
    return Fraction(1)


def _same_unit(a: str, b: str) -> bool:
    if a == b:
        return True
    return {a, b} <= {"EUR", "EUR?"}


def _paren_open(text: str, s0: int, at: int) -> bool:
    seg = text[s0:at]
    return seg.count("(") + seg.count("（") > seg.count(")") + seg.count("）")


def _positive(iv: Interval) -> bool:
    return iv.lo is not None and iv.lo > 0


# -- the judgement ---------------------------------------------------------------------------------
def _rate_from(old: Interval, new: Interval) -> Interval | None:
    """(new - old) / |old| in percent."""
    if _positive(old):
        return (new / old - ONE) * HUNDRED
    if old.hi is not None and old.hi < 0:
        return (new - old) / (-old) * HUNDRED
    return None


def _judge(ctx: Context, rate_q: Quantity, stated: Interval, computed: Interval, point: Fraction | None,
           inputs: list[tuple[str, Quantity | None, str]], how: str, need: str,
           sign_word: str = "", severity: str = SEVERITY) -> Iterator[Check | Finding]:
    digits = decimals_of(rate_q)
    shown = show(rate_q)
    exp = f"{fmt(point, digits)}%" if point is not None else "?"
    rng = f"{fmt(computed.lo, digits + 1)}–{fmt(computed.hi, digits + 1)}%"
    if computed.intersects(stated):
        yield Check(ID, rate_q.start, rate_q.end, "passed", shown, exp, f"{how} = {rng}")
        return
    sign_note = ""
    if sign_word and stated.hi is not None and stated.lo is not None:
        if (stated.lo >= 0) != (computed.lo is not None and computed.lo >= 0) and \
                (computed.hi is not None and (computed.hi <= 0) == (stated.lo > 0)):
            sign_note = (" — the values " + ("fell" if stated.lo > 0 else "rose") +
                         f" but the text says {sign_word} (增长 vs 下降 / rise vs fall)")
    gap = computed.gap(stated)
    msg = (f"stated {sign_word + ' ' if sign_word else ''}{shown} but {how} = "
           f"{fmt(point, digits + 2) if point is not None else '?'}% ({rng} within rounding), off by at least "
           f"{fmt(gap, digits + 1)} percentage points{sign_note}; {need}")
    evidence = tuple((role, text) for role, _, text in inputs) + (("computed", exp), ("computed_range", rng))
    related = tuple(Related(role, text, q.start, q.end) for role, q, text in inputs if q is not None)
    yield Check(ID, rate_q.start, rate_q.end, "failed", shown, exp, msg)
    yield Finding(ID, severity, msg, rate_q.start, rate_q.end, shown, exp, evidence, related)


def _need_growth(old_q_text: str, new_q_text: str, old: Interval, new: Interval, stated: Interval,
                 power: int = 1) -> str:
    factor = ONE + stated / HUNDRED
    if not _positive(factor):
        return "the values cannot give that rate"
    fac_n = factor
    for _ in range(power - 1):
        fac_n = fac_n * factor
    need_new = old * fac_n
    need_old = new / fac_n
    zh = any("\u4e00" <= c <= "\u9fff" for c in old_q_text + new_q_text)
    return (f"for the rate to hold, {new_q_text} would be {_r(need_new, zh)} or {old_q_text} would be "
            f"{_r(need_old, zh)}")


def _r(iv: Interval, zh: bool = False) -> str:
    if iv.lo is None or iv.hi is None:
        return str(iv)
    mid = (iv.lo + iv.hi) / 2
    big = abs(mid)
    mags = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")) if zh else \
        ((10**12, " trillion"), (10**9, " billion"), (10**6, " million"))
    if iv.lo == iv.hi:
        for mag, word in mags:
            if big >= mag:
                return f"{fmt(iv.lo / mag, 2)}{word}"
        return fmt(iv.lo, 2)
    for mag, word in mags:
        if big >= mag:
            return f"{fmt(iv.lo / mag, 2)}–{fmt(iv.hi / mag, 2)}{word}"
    return f"{fmt(iv.lo, 2)}–{fmt(iv.hi, 2)}"


# -- the rule -------------------------------------------------------------------------------------
def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    rs = stated_rates(ctx)
    done: set[int] = set()
    orphans = []
    for r in rs:
        if r.q.lang == "en" and not _han_near_any(text, r.q.start):
            items = list(_en_rate(ctx, r))
            if items:
                done.add(r.q.start)
                yield from items
            elif _orphan(ctx, r):
                orphans.append(r)
    if orphans:
        yield from _en_lead_pairs(ctx, orphans)
    yield from _price_volume(ctx, rs, done)
    yield from _zh_from_to(ctx, done)
    yield from _zh_diff(ctx, rs, done)
    yield from _zh_last_year(ctx, rs, done)
    yield from _zh_components(ctx, rs, done)
    yield from _table_rows(ctx, done)


# A rate in a news lead and its values in the body ------------------------------------------------
# Ex) "GM saw its net profits fall 37% in the last quarter." … "It earned $630m in the period,
#     down from $1bn a year earlier."  Paired by the thing measured and the direction, as a warning.
_FAMILIES = {
    "profit": ("profit", "profits", "earnings", "earned", "earn", "income"),
    "revenue": ("revenue", "revenues", "sales", "turnover"),
    "deficit": ("deficit", "gap", "shortfall"),
    "surplus": ("surplus",),
    "debt": ("debt", "borrowing", "borrowings"),
    "loss": ("loss", "losses"),
}
_EN_UPDOWN_FROM = lazy_compile(r"\b(?P<d>up|down)\s+from\s+(?:the\s+|a\s+)?(?:about\s+)?$", regex.IGNORECASE)
_EN_B_THEN = lazy_compile(r"^(?:\s*\([^()]{0,40}\))?(?:\s+(?:in|during|for|over|at)\s+[^,.;()]{0,60})?\s*,\s*$")
_EN_VERB_TO = lazy_compile(r"\b(?P<v>fell|dropped|declined|slipped|slid|sank|decreased|rose|climbed|increased|grew|jumped)"
                            r"\s+to\s+$", regex.IGNORECASE)


_EN_FORECAST = lazy_compile(r"\b(?:would|will|could|may|might|to|expects?|expected|projecting|forecasting|"
                             r"predicting|targeting|forecast|sees)\s+(?:an?\s+)?$", regex.IGNORECASE)


_LOWER_WORD = lazy_compile(r"[a-z]+")


def _family(words: str) -> str | None:
    found = {f for f, ws in _FAMILIES.items() for w in _LOWER_WORD.findall(words.lower()) if w in ws}
    return found.pop() if len(found) == 1 else None


def _orphan(ctx: Context, r: Rate) -> bool:
    s0, s1 = ctx.sentence_of(r.q.start)
    if r.verb in _EITHER or r.verb in _COMPARATIVE or r.change:
        return False
    return not any(_val(ctx, q) is not None for q in ctx.between(s0, s1))


def _en_change_pairs(ctx: Context) -> list[tuple[Quantity, Quantity, int, str]]:
    text = ctx.text
    out = []
    for q in ctx.quantities:
        if q.lang != "en" or _val(ctx, q) is None:
            continue
        s0, s1 = ctx.sentence_of(q.start)
        if any(x.kind == "percent" for x in ctx.between(s0, s1)):
            continue
        m = _EN_UPDOWN_FROM.search(text, max(s0, q.start - 24), q.start)
        if m:
            prev = [x for x in ctx.between(s0, m.start()) if _val(ctx, x) is not None
                    and not _paren_open(text, s0, x.start)]
            if prev and _EN_B_THEN.match(text[prev[-1].end:m.start()]):
                fam = _family(text[s0:prev[-1].start])
                if fam:
                    out.append((q, prev[-1], 1 if m.group("d").lower() == "up" else -1, fam))
            continue
        m = _EN_VERB_TO.search(text, max(s0, q.start - 24), q.start)
        if m:
            nxt = [x for x in ctx.between(q.end, s1) if _val(ctx, x) is not None
                   and not _paren_open(text, s0, x.start)]
            if nxt and _EN_FROM.search(text[max(s0, nxt[0].start - 12):nxt[0].start]):
                fam = _family(text[s0:q.start])
                if fam:
                    sign = -1 if m.group("v").lower() in ("fell", "dropped", "declined", "slipped", "slid",
                                                          "sank", "decreased") else 1
                    out.append((nxt[0], q, sign, fam))
    return out


def _en_lead_pairs(ctx: Context, orphans: list[Rate]) -> Iterator[Check | Finding]:
    text = ctx.text
    pairs = _en_change_pairs(ctx)
    used: set[int] = set()
    for r in orphans:
        s0, _ = ctx.sentence_of(r.q.start)
        fam = _family(text[s0:r.start] + " " + text[r.q.end:r.q.end + 30])
        if fam is None or _EN_FORECAST.search(text[max(s0, r.start - 16):r.start]):
            continue  # Ex) "profits would fall 5% this year" — a forecast, not last year's change
        for old, new, sign, pfam in pairs:
            if new.start <= r.q.end or new.start - r.q.end > 1500 or new.start in used:
                continue
            if pfam != fam or sign != r.sign:
                continue
            used.add(new.start)
            a, b = _val(ctx, old), _val(ctx, new)
            if not _same_unit(a[1], b[1]):
                break
            computed = _rate_from(a[0], b[0])
            if computed is None:
                break
            yield from _judge(ctx, r.q, r.signed, computed, _mid(computed),
                              [("old", old, show(old)), ("new", new, show(new))],
                              f"{show(old)} → {show(new)} (stated later)",
                              _need_growth(show(old), show(new), a[0], b[0], r.signed), r.verb, "warning")
            break


# Price times volume ------------------------------------------------------------------------------
# Ex) "Sales of DRAM products increased 64% from 2017 primarily due to an increase in average selling
#     prices of approximately 35% and an increase in sales volumes of approximately 20%": 1.35 × 1.20.
_EN_DUE = lazy_compile(r"\b(?:due\s+to|driven\s+by|reflecting|as\s+a\s+result\s+of|resulting\s+from)\b", regex.IGNORECASE)
_EN_PV = lazy_compile(
    r"\b(?P<dir>increases?|decreases?|declines?|reductions?|growth|rises?|falls?|drops?|higher|lower)\s+in\s+"
    r"(?:the\s+)?(?:our\s+)?(?:average\s+)?(?:selling\s+|sales\s+|unit\s+|shipment\s+)?"
    r"(?P<what>prices?|volumes?|units?\s+sold|shipments?)\s+of\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?$",
    regex.IGNORECASE)


def _price_volume(ctx: Context, rs: list[Rate], done: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    for r in rs:
        if r.q.lang != "en" or r.q.start in done:
            continue
        s0, s1 = ctx.sentence_of(r.q.start)
        m = _EN_DUE.search(text, r.q.end, s1)
        if not m:
            continue
        later = [q for q in ctx.between(m.end(), s1) if q.kind == "percent"]
        found = {}
        for q in later[:3]:
            mp = _EN_PV.search(text, max(m.end(), q.start - 90), q.start)
            if not mp:
                continue
            kind = "price" if mp.group("what").lower().startswith("price") else "volume"
            down = mp.group("dir").lower().rstrip("s") in ("decrease", "decline", "reduction", "fall", "drop", "lower")
            if kind not in found:
                found[kind] = (q, -q.value if down else q.value)
        if len(found) != 2:
            continue
        (pq, pv), (vq, vv) = found["price"], found["volume"]
        fp, fv = ONE + pv / HUNDRED, ONE + vv / HUNDRED
        if not (_positive(fp) and _positive(fv)):
            continue
        computed = (fp * fv - ONE) * HUNDRED
        pp = 1 + (pv.lo + pv.hi) / 200
        vp = 1 + (vv.lo + vv.hi) / 200
        point = (pp * vp - 1) * 100
        done.add(r.q.start)
        yield from _judge(ctx, r.q, r.signed, computed, point,
                          [("price_change", pq, show(pq)), ("volume_change", vq, show(vq))],
                          f"(1 + price {show(pq)}) × (1 + volume {show(vq)}) - 1",
                          "for the rate to hold, the price or the volume change would be different", r.verb)


_HAN = lazy_compile(r"[\u4e00-\u9fff]")


def _han_near_any(text: str, i: int) -> bool:
    return _HAN.search(text, max(0, i - 6), i + 6) is not None


# English: "rose 4.7% to $51.2bn from $48.8bn" and its relatives --------------------------------
def _from_or_to(text: str, s0: int, q: Quantity, old, new):
    """(old, new) with *q* taken as the "from" value or the "to" value when the words before it
    say so and that slot is still empty.  Ex) "from £426m" → old; "to £478m" → new."""
    before = text[max(s0, q.start - 40):q.start]
    if old is None and _EN_FROM.search(before):
        return q, new
    if new is None and _EN_TO.search(before):
        return old, q
    return old, new


_SHORT_PAREN = lazy_compile(r"\([^()]{0,40}\)")
_EN_ARTICLE_GAP = lazy_compile(r"^\s*,?\s*(?:an?\s+)?$")
_EN_OF_END = lazy_compile(r"\bof\s+$")


def _en_rate(ctx: Context, r: Rate) -> Iterator[Check | Finding]:
    text = ctx.text
    s0, s1 = ctx.sentence_of(r.q.start)
    if _EN_REAL.search(text[s0:s1]):
        return  # a real growth rate next to nominal values
    after = [q for q in ctx.between(r.q.end, s1)]
    old = new = None
    # stop at the next rate: what follows it belongs to another clause
    for q in after:
        if q.kind == "percent":
            if rate_of(text, q) is not None:
                break
            continue
        if _CLAUSE_TURN.search(text[r.q.end:q.start]):
            break  # Ex) "Sales rose 5%, while the workforce grew from 1,200 to 1,350"
        if _val(ctx, q) is None or _paren_open(text, s0, q.start):
            continue
        old, new = _from_or_to(text, s0, q, old, new)
    if old is None and new is None:
        # Ex) "rose to £478m from £426m, an increase of 12%" — the values before the rate
        prev_rates = [q for q in ctx.between(s0, r.start) if q.kind == "percent"]
        lo = prev_rates[-1].end if prev_rates else s0
        for q in ctx.between(lo, r.start):
            if _val(ctx, q) is None or _paren_open(text, s0, q.start):
                continue
            old, new = _from_or_to(text, s0, q, old, new)
        if (old is None) != (new is None):
            old = new = None
    if new is None:
        prev = [q for q in ctx.between(s0, r.start) if _val(ctx, q) is not None
                and not _paren_open(text, s0, q.start)]
        if prev:
            q = prev[-1]
            gap = text[q.end:r.start]
            gap = _SHORT_PAREN.sub("", gap)
            if _EN_B_BEFORE.match(gap) or (r.change and _EN_ARTICLE_GAP.match(gap)):
                new = q
    severity = SEVERITY
    if r.verb in _COMPARATIVE and old is None:
        # Ex) "was 24.4% above the previous record - 2003's imbalance of $496.5bn"
        for q in after:
            if q.kind == "percent":
                break
            if _val(ctx, q) is not None and not _paren_open(text, s0, q.start) and \
                    _EN_OF_END.search(text[max(s0, q.start - 6):q.start]):
                old = q
                break
        if old is not None and new is None:
            # the figure compared is the one the previous sentences stated: only when it is the only one
            prev_s0 = s0
            for _ in range(2):
                k = prev_s0 - 1
                while k > 0 and text[k].isspace():
                    k -= 1
                prev_s0 = ctx.sentence_of(max(0, k))[0]
            ua = _val(ctx, old)
            cands = [q for q in ctx.between(prev_s0, s0) if _val(ctx, q) is not None
                     and _val(ctx, q)[1] == ua[1] and q.scale == old.scale and not _paren_open(text, ctx.sentence_of(q.start)[0], q.start)]
            if len(cands) == 1:
                new = cands[0]
                severity = "warning"
    stated = r.signed
    word = r.verb
    if old is not None and new is not None:
        a, b = _val(ctx, old), _val(ctx, new)
        if not _same_unit(a[1], b[1]):
            return
        computed = _rate_from(a[0], b[0])
        if computed is None:
            return
        point = (new.point / old.point - 1) * 100 if old.point else None
        if a[1] == "EUR?":
            point = None
        stated = _either(r, stated, computed)
        yield from _judge(ctx, r.q, stated, computed, _mid(computed) if point is None else point,
                          [("old", old, show(old)), ("new", new, show(new))],
                          f"{show(old)} → {show(new)}", _need_growth(show(old), show(new), a[0], b[0], stated), word,
                          severity)
        return
    if new is None and old is None:
        found = _table_by_label(ctx, r, s0)
        if found is not None:
            label, new_c, old_c = found
            computed = _rate_from(abs_iv(old_c.value), abs_iv(new_c.value))
            if computed is None:
                return
            # the row is found by its label: a reading, so a warning
            computed = _rate_from(old_c.value, new_c.value) or computed
            stated = _either(r, stated, computed)
            yield from _judge(ctx, r.q, stated, computed, _mid(computed),
                              [("old", None, old_c.text), ("new", None, new_c.text)],
                              f"table row “{label}”: {old_c.text} → {new_c.text}",
                              _need_growth(old_c.text, new_c.text, abs_iv(old_c.value), abs_iv(new_c.value), stated),
                              word, "warning")
        return
    if new is not None and old is None:
        found = _table_old(ctx, new)
        if found is not None:
            old_cell, old_iv, new_iv = found
            computed = _rate_from(abs_iv(old_iv), abs_iv(new_iv))
            if computed is None:
                return
            yield from _judge(ctx, r.q, stated, computed, _mid(computed),
                              [("old", None, old_cell), ("new", new, show(new))],
                              f"{old_cell} (table) → {show(new)}",
                              _need_growth(old_cell, show(new), abs_iv(old_iv), abs_iv(new_iv), stated), word)


def _either(r: Rate, stated: Interval, computed: Interval) -> Interval:
    if r.verb in _EITHER and not computed.intersects(stated) and computed.intersects(-stated):
        return -stated
    return stated


def abs_iv(iv: Interval) -> Interval:
    if iv.hi is not None and iv.hi < 0:
        return -iv
    return iv


def _mid(iv: Interval) -> Fraction | None:
    if iv.lo is None or iv.hi is None:
        return None
    return (iv.lo + iv.hi) / 2


_WORD = lazy_compile(r"[A-Za-z][A-Za-z&-]+")
_STOP = {"the", "and", "of", "for", "net", "in", "to", "a", "an", "our", "its"}
_OLD_YEAR = lazy_compile(r"(?:compared\s+(?:to|with)|from|versus|vs\.?|over|against)\s+(?:the\s+)?(?:fiscal\s+)?$",
                          regex.IGNORECASE)
_LAST_YEAR = lazy_compile(r"\b(?:last|prior|previous|preceding)\s+year\b|\ba\s+year\s+(?:earlier|ago)\b",
                           regex.IGNORECASE)


_PAREN = lazy_compile(r"\([^()]*\)")


def _words(s: str, parens: bool = False) -> set[str]:
    if not parens:
        s = _PAREN.sub(" ", s)
    out = set()
    for w in _WORD.findall(s):
        w = w.lower()
        if w in _STOP or len(w) < 2:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return out


def _table_by_label(ctx: Context, r: Rate, s0: int):
    """The table row a sentence restates, by its label and the years it names.

    Ex) "Total revenue for 2019 decreased 23% as compared to 2018" with "Revenue | $23,406 | 100% |
    $30,391 | …" under "For the year ended | 2019 | 2019 | 2018 | 2018": the 2019 and 2018 cells.
    Only when every word of the row's label is in the sentence and no other row fits as well.
    """
    text = ctx.text
    rows = table_rows(text)
    if not rows:
        return None
    prev_rates = [q for q in ctx.between(s0, r.start) if q.kind == "percent"]
    lo = prev_rates[-1].end if prev_rates else s0
    subject = _words(text[lo:r.start])
    if not subject:
        return None
    _, s1 = ctx.sentence_of(r.q.start)
    nxt = [q for q in ctx.between(r.q.end, s1) if q.kind == "percent"]
    years = [q for q in ctx.between(lo, nxt[0].start if nxt else s1) if q.kind == "year"]
    new_y = old_y = None
    for q in years:
        if _OLD_YEAR.search(text[max(s0, q.start - 30):q.start]):
            if old_y is None:
                old_y = int(q.point)
        elif new_y is None:
            new_y = int(q.point)
    if new_y is not None and old_y is None and _LAST_YEAR.search(text[s0:s1]):
        old_y = new_y - 1
    if old_y is not None and new_y is None:
        new_y = old_y + 1  # Ex) "improved by 4.3% compared to 2018": this year against 2018
    if new_y is None or old_y is None or new_y == old_y:
        return None
    header = None
    best, best_score, tie = None, (-1, 0), False
    parent_words: set[str] = set()
    for row in rows:
        ys = header_years(row, text)
        if sum(1 for y in ys if y) >= 2:
            header = ys
            parent_words = set()
            continue
        own = _words(row.label)
        full = _words(row.label, parens=True)
        if len(own) >= 2 or not parent_words:
            parent = set()
            if len(own) >= 2:
                parent_words = full
        else:
            parent = parent_words
        if not own - {"total"} or not own - {"total"} <= subject or header is None:
            continue
        cols_new = [i for i, y in enumerate(header) if y == new_y and i < len(row.cells)
                    and row.cells[i] is not None and not row.cells[i].percent]
        cols_old = [i for i, y in enumerate(header) if y == old_y and i < len(row.cells)
                    and row.cells[i] is not None and not row.cells[i].percent]
        if not cols_new or not cols_old:
            continue
        covered = (full | parent) & subject
        # "total" names a row less than the other words do; unmatched words of its own label count against
        score = (sum(Fraction(1, 2) if w == "total" else 1 for w in covered), -len(own - subject))
        if score > best_score:
            best, best_score, tie = (row, cols_new[0], cols_old[0]), score, False
        elif score == best_score:
            tie = True
    if best is None or tie:
        return None
    row, i, j = best
    return row.label, row.cells[i], row.cells[j]


def _cell_q(c) -> Quantity:
    """A table cell as a Quantity, for messages and spans."""
    digits = c.text.strip("()% ").replace(",", "")
    return Quantity(c.text, c.start, c.end, c.value, c.point, "percent", "%", numeral=digits)


_NOT_DIGIT_OR_POINT = lazy_compile(r"[^0-9.]")


def _table_old(ctx: Context, new: Quantity):
    """Last period's figure for a value the text restates from a table row.

    Ex) "increased by 17% to RMB6,712 million" with "Selling and marketing expenses | (6,712) |
    (5,730)" under the header " | 2019 | 2018": the old value is the 2018 column.
    """
    digits = (new.numeral or new.text)
    digits = _NOT_DIGIT_OR_POINT.sub("", digits)
    if not digits:
        return None
    rows = table_rows(ctx.text)
    if not rows:
        return None
    header = None
    years_by_row = {}
    for row in rows:
        ys = header_years(row, ctx.text)
        if sum(1 for y in ys if y) >= 2:
            header = ys
        years_by_row[row.line_start] = header
    hits = []
    for row in rows:
        cells = row.cells
        for i, c in enumerate(cells):
            if c is None or c.percent:
                continue
            if c.text.strip("()$ ").replace(",", "").replace(" ", "") .lstrip("$").lstrip("RMB") != digits \
                    and _NOT_DIGIT_OR_POINT.sub("", c.text) != digits:
                continue
            ys = years_by_row.get(row.line_start)
            j = None
            if ys and i < len(ys) and ys[i]:
                for k in range(i + 1, len(cells)):
                    if k < len(ys) and ys[k] == ys[i] - 1 and cells[k] is not None and not cells[k].percent:
                        j = k
                        break
            if j is None:
                continue
            hits.append((row, i, j))
    if len({(h[0].line_start) for h in hits}) != 1:
        return None
    row, i, j = hits[0]
    return row.cells[j].text, row.cells[j].value, row.cells[i].value


# Chinese: "由2020年的A增加到2025年的B，年均增长r%" ------------------------------------------------
def _zh_from_to(ctx: Context, done: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = [q for q in ctx.quantities if q.kind != "year"]
    for i, a in enumerate(qs[:-1]):
        if a.lang != "zh":
            continue
        before = text[max(0, a.start - 10):a.start]
        if "从" not in before and "由" not in before:
            continue  # _ZH_FROM starts with one of them
        mf = _ZH_FROM.search(text, max(0, a.start - 10), a.start)
        if not mf:
            continue
        b = qs[i + 1]
        mt = _ZH_TO.match(text[a.end:b.start])
        if not mt or a.kind != b.kind or a.kind == "percent" or a.kind == "pp":
            continue
        va, vb = _val(ctx, a), _val(ctx, b)
        if va is None or vb is None or not _same_unit(va[1], vb[1]):
            continue
        if a.kind == "amount" and a.unit != b.unit:
            continue
        y1, y2 = mf.group("y"), mt.group("y")
        s0, s1 = ctx.sentence_of(b.start)
        if _REAL_TERMS.search(text[max(0, s0 - 2, a.start - 40):a.start]) or _REAL_TERMS.search(text[b.end:s1]):
            continue  # Ex) "经济总量由4.8万亿元增加到6.1万亿元，年均增长5.5%" — a real rate on nominal values
        nxt = next((q for q in qs[i + 2:i + 4] if q.kind != "duration"), None)  # skip "五年" in "五年累计增长"
        if nxt is None or nxt.start >= s1:
            continue
        ma = _ZH_AFTER_B.match(text[b.end:nxt.start])
        if not ma:
            continue
        down = ma.group("verb") in _ZH_DOWN_VERBS
        if nxt.kind == "percent":
            stated = -nxt.value if down else nxt.value
            word = ma.group("verb")
            if ma.group("basis"):
                n = _span_years(ctx, y1, y2, s0, a.start)
                if n is None or n < 2 or n > 30:
                    continue
                yield from _annual(ctx, nxt, stated, a, b, va[0], vb[0], n, word)
            else:
                computed = _rate_from(va[0], vb[0])
                if computed is None:
                    continue
                point = (b.point / a.point - 1) * 100 if a.point else None
                yield from _judge(ctx, nxt, stated, computed, point,
                                  [("old", a, show(a)), ("new", b, show(b))], f"{show(a)} → {show(b)}",
                                  _need_growth(show(a), show(b), va[0], vb[0], stated), word)
            done.add(nxt.start)
        elif nxt.kind == "multiple" and not down and ma.group("verb") in ("增长", "增加", "提高", "翻") \
                and not ma.group("basis"):
            yield from _multiple(ctx, nxt, a, b, va[0], vb[0], ma.group("verb"))
            done.add(nxt.start)
        elif nxt.kind == b.kind and ma.group("verb") in ("增加", "减少", "增长", "下降") and not ma.group("basis"):
            vd = _val(ctx, nxt)
            if vd is None or not _same_unit(vd[1], vb[1]):
                continue
            diff = (vb[0] - va[0]) if not down else (va[0] - vb[0])
            shown = show(nxt)
            if diff.intersects(vd[0]):
                yield Check(ID, nxt.start, nxt.end, "passed", shown, shown, f"{show(b)} - {show(a)}")
            else:
                pt = (b.point - a.point) if not down else (a.point - b.point)
                exp_d = _r(Interval.exact(pt), True)
                msg = (f"stated a change of {shown} but {show(a)} → {show(b)} is a change of {exp_d} "
                       f"({_r(diff, True)} within rounding); either the change or one of the two values is wrong")
                yield Check(ID, nxt.start, nxt.end, "failed", shown, exp_d, msg)
                yield Finding(ID, SEVERITY, msg, nxt.start, nxt.end, shown, exp_d,
                              (("old", show(a)), ("new", show(b))),
                              (Related("old", show(a), a.start, a.end), Related("new", show(b), b.start, b.end)))


def _span_years(ctx: Context, y1: str | None, y2: str | None, s0: int, at: int) -> int | None:
    if y1 and y2:
        return int(y2) - int(y1)
    window = ctx.text[max(0, s0 - 40):at]
    m = None
    for m in _ZH_SPAN.finditer(window):
        pass
    if m is None:
        return None
    if m.group().strip("“”").startswith("十") and "五" in m.group():
        return 5
    n = m.group("n") or m.group("n2")
    if n.isdigit():
        return int(n)
    return _ZH_NUM.get(n) if len(n) == 1 else (10 + _ZH_NUM.get(n[-1], 0) if n.startswith("十") else None)


def _annual(ctx, rq: Quantity, stated: Interval, a: Quantity, b: Quantity, va: Interval, vb: Interval,
            n: int, word: str) -> Iterator[Check | Finding]:
    """(1+r)^n must meet B/A; compared as powers so the arithmetic stays exact."""
    if not _positive(va) or not _positive(vb):
        return
    factor = ONE + stated / HUNDRED
    if not _positive(factor):
        return
    pw = factor
    for _ in range(n - 1):
        pw = pw * factor
    ratio = vb / va
    digits = decimals_of(rq)
    pt = nth_root(b.point / a.point, n)
    exp = f"{fmt((pt - 1) * 100, digits)}%"
    lo_r = (nth_root(ratio.lo, n) - 1) * 100
    hi_r = (nth_root(ratio.hi, n) - 1) * 100
    rng = f"{fmt(lo_r, digits + 1)}–{fmt(hi_r, digits + 1)}%"
    how = f"({show(b)} / {show(a)})^(1/{n}) - 1"
    if pw.intersects(ratio):
        yield Check(ID, rq.start, rq.end, "passed", show(rq), exp, f"{how} = {rng}")
        return
    need_b = va * pw
    msg = (f"stated {word} {show(rq)} a year but {how} = {fmt((pt - 1) * 100, digits + 2)}% a year "
           f"({rng} within rounding) over {n} years; for {show(rq)} a year, {show(b)} would be {_r(need_b, True)} "
           f"or the span would not be {n} years")
    yield Check(ID, rq.start, rq.end, "failed", show(rq), exp, msg)
    yield Finding(ID, SEVERITY, msg, rq.start, rq.end, show(rq), exp,
                  (("old", show(a)), ("new", show(b)), ("years", str(n)), ("computed", exp)),
                  (Related("old", show(a), a.start, a.end), Related("new", show(b), b.start, b.end)))


def _multiple(ctx, mq: Quantity, a: Quantity, b: Quantity, va: Interval, vb: Interval,
              verb: str) -> Iterator[Check | Finding]:
    """增长N倍: B = (N+1)·A strictly, B = N·A loosely; only neither reading fails."""
    if not _positive(va):
        return
    ratio = vb / va
    strict = mq.value + ONE if verb != "翻" else None
    loose = mq.value
    if verb == "翻":  # 翻一番 = ×2, 翻两番 = ×4
        k = int(mq.point) if mq.point.denominator == 1 else None
        if k is None or k > 5:
            return
        loose = Interval.exact(2 ** k) if k > 1 else Interval.exact(2)
        strict = loose
    pt = b.point / a.point
    exp = f"{fmt(pt, 2)}×"
    if ratio.intersects(loose) or (strict is not None and ratio.intersects(strict)):
        yield Check(ID, mq.start, mq.end, "passed", show(mq), exp, f"{show(b)} / {show(a)}")
        return
    msg = (f"stated {verb}{show(mq)} but {show(b)} / {show(a)} = {fmt(pt, 3)} times the old value "
           f"(an increase of {fmt(pt - 1, 3)} times); neither reading of {show(mq)} fits")
    yield Check(ID, mq.start, mq.end, "failed", show(mq), exp, msg)
    yield Finding(ID, SEVERITY, msg, mq.start, mq.end, show(mq), exp,
                  (("old", show(a)), ("new", show(b)), ("ratio", fmt(pt, 3))),
                  (Related("old", show(a), a.start, a.end), Related("new", show(b), b.start, b.end)))


def _rate_indices(ctx: Context, rs: list[Rate], at: dict) -> list[int]:
    """The positions in ``ctx.quantities`` of the quantities that start where a rate of *rs*
    starts (*at*, keyed by start), ascending: the Chinese readings below look only there.
    Found once per list of rates."""
    memo = ctx.memo("growth-rate:rate-indices")
    hit = memo.get("rates")
    if hit is not None and hit[0] is rs:
        return hit[1]
    found = [j for j, q in enumerate(ctx.quantities) if q.start in at]
    memo["rates"] = (rs, found)
    return found


# Chinese: "B，比上年增加D，增长r%" and "下降r%至B，同比减少D" --------------------------------------
def _zh_diff(ctx: Context, rs: list[Rate], done: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    by_start = {r.q.start: r for r in rs}
    at_rates = _rate_indices(ctx, rs, by_start)
    for i in (j - 2 for j in at_rates if j >= 2):  # only where qs[i + 2] is a rate
        b, d, rq = qs[i], qs[i + 1], qs[i + 2]
        if b.lang != "zh" or rq.start in done:
            continue
        r = by_start.get(rq.start)
        if r is None:
            continue  # only a stated rate is checked
        # Ex) "粮食产量620.8万吨，比上年增加29.8万吨，增长5.0%"
        m1 = _ZH_DIFF.match(text[b.end:d.start])
        if m1 and _REAL_TERMS.search(text[max(0, ctx.sentence_of(b.start)[0], b.start - 30):b.start]):
            continue
        if m1 and r is not None and r.start >= d.end and _ZH_DIFF_THEN_RATE.match(text[d.end:r.start]) \
                and r.basis in ("", "yoy"):
            vb, vd = _val(ctx, b), _val(ctx, d)
            if vb is None or vd is None or not _same_unit(vb[1], vd[1]) or b.kind != d.kind:
                continue
            down = m1.group("verb") in ("减少", "下降", "少")
            if down != (r.sign < 0):
                continue
            old = vb[0] + vd[0] if down else vb[0] - vd[0]
            computed = (vd[0] / old * HUNDRED) if _positive(old) else None
            if computed is None:
                continue
            if down:
                computed = -computed
            old_pt = b.point + d.point if down else b.point - d.point
            point = (-d.point if down else d.point) / old_pt * 100 if old_pt else None
            need = f"for the rate to hold with {show(b)}, the change would be {_r(_need_diff(vb[0], r.signed), True)}"
            yield from _judge(ctx, rq, r.signed, computed, point,
                              [("value", b, show(b)), ("change", d, show(d))],
                              f"{show(d)} / ({show(b)} {'+' if down else '-'} {show(d)})", need, r.verb)
            done.add(rq.start)
    # Ex) "贸易逆差下降70%至1347.5亿元，同比减少3140.2亿元"
    for i in (j for j in at_rates if j < len(qs) - 2):  # only where qs[i] is a rate
        rq, b, d = qs[i], qs[i + 1], qs[i + 2]
        r = by_start.get(rq.start)
        if r is None or rq.start in done or rq.lang != "zh":
            continue
        if not _ZH_RATE_TO.match(text[rq.end:b.start]):
            continue
        m1 = _ZH_DIFF.match(text[b.end:d.start])
        if not m1:
            continue
        vb, vd = _val(ctx, b), _val(ctx, d)
        if vb is None or vd is None or not _same_unit(vb[1], vd[1]) or b.kind != d.kind:
            continue
        down = m1.group("verb") in ("减少", "下降", "少")
        if down != (r.sign < 0):
            continue
        old = vb[0] + vd[0] if down else vb[0] - vd[0]
        if not _positive(old):
            continue
        computed = vd[0] / old * HUNDRED
        if down:
            computed = -computed
        old_pt = b.point + d.point if down else b.point - d.point
        point = (-d.point if down else d.point) / old_pt * 100
        yield from _judge(ctx, rq, r.signed, computed, point,
                          [("value", b, show(b)), ("change", d, show(d))],
                          f"{show(d)} / ({show(b)} {'+' if down else '-'} {show(d)})",
                          f"for the rate to hold with {show(b)}, the change would be "
                          f"{_r(_need_diff(vb[0], r.signed), True)}", r.verb)
        done.add(rq.start)


# Ex) "实现营业收入51.2亿元，同比增长4.7%（上年同期为48.8亿元）"
_ZH_LAST = lazy_compile(r"^[（(，,]?(?:上年同期|去年同期|上年|去年|上年末)(?:为|是|的)?$")


_COMMA_OR_NOTHING = lazy_compile(r"^[，,]?$")


def _zh_last_year(ctx: Context, rs: list[Rate], done: set[int]) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    at = {r.q.start: r for r in rs}
    for i in (j for j in _rate_indices(ctx, rs, at) if 1 <= j < len(qs) - 1):  # qs[i] is a rate
        b, rq, a = qs[i - 1], qs[i], qs[i + 1]
        r = at.get(rq.start)
        if r is None or rq.start in done or b.lang != "zh" or r.basis not in ("", "yoy"):
            continue
        if not _COMMA_OR_NOTHING.match(text[b.end:r.start]) or not _ZH_LAST.match(text[rq.end:a.start]):
            continue
        va, vb = _val(ctx, a), _val(ctx, b)
        if va is None or vb is None or not _same_unit(va[1], vb[1]) or a.kind != b.kind:
            continue
        if _REAL_TERMS.search(text[max(0, b.start - 30):b.start]):
            continue
        computed = _rate_from(va[0], vb[0])
        if computed is None:
            continue
        point = (b.point / a.point - 1) * 100 if a.point else None
        done.add(rq.start)
        yield from _judge(ctx, rq, r.signed, computed, point, [("old", a, show(a)), ("new", b, show(b))],
                          f"{show(a)} → {show(b)}", _need_growth(show(a), show(b), va[0], vb[0], r.signed), r.verb)


def _need_diff(new: Interval, signed: Interval) -> Interval:
    # new = old·(1+g) → change = new - old = new·g/(1+g)
    g = signed / HUNDRED
    den = ONE + g
    if not _positive(den):
        return Interval(None, None)
    out = new * g / den
    return abs_iv(out)


# Chinese: a total's rate against its parts ---------------------------------------------------------
# Ex) "服务进出口总额28093.6亿元，同比增长7.3%；其中服务出口13373.1亿元，增长23.2%；进口14720.6亿元，下降4%"
def _zh_components(ctx: Context, rs: list[Rate], done: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    pairs = []  # (amount, rate)
    rate_at = {r.q.start: r for r in rs}
    qs = ctx.quantities
    for i in (j - 1 for j in _rate_indices(ctx, rs, rate_at) if j >= 1):  # qs[i + 1] is a rate
        a, p = qs[i], qs[i + 1]
        r = rate_at.get(p.start)
        if a.kind != "amount" or a.lang != "zh" or r is None or r.basis not in ("", "yoy"):
            continue
        if not _COMMA_OR_NOTHING.match(text[a.end:r.start]):
            continue
        if text[p.end:p.end + 1] in ("和", "、", "及", "与") or text[a.start - 1:a.start] in ("和", "、", "及", "与"):
            continue  # a paired list: "10293亿元和3544.9亿元，同增1.9%和38.4%"
        pairs.append((a, r))
    for k, (t, rt) in enumerate(pairs):
        if rt.q.start in done:
            continue
        line_end = text.find("\n", t.end)
        line_end = len(text) if line_end == -1 else line_end
        later = [(a, r) for a, r in pairs[k + 1:k + 5]
                 if a.start < line_end and a.start - t.end < 400 and a.unit == t.unit]
        if not later or "其中" not in text[rt.q.end:later[0][0].start]:
            continue
        if _REAL_TERMS.search(text[max(0, t.start - 30):t.start]) or \
                _REAL_TERMS.search(text[ctx.sentence_of(t.start)[0]:later[-1][0].start]):
            continue  # Ex) "地区生产总值…增长5.5%；其中第一产业增加值…" — real rates do not add up in value
        for n in (2, 3):
            parts = later[:n]
            if len(parts) < n:
                break
            total = parts[0][0].value
            for a, _ in parts[1:]:
                total = total + a.value
            if not total.intersects(t.value) or not all(a.value.hi < t.value.lo for a, _ in parts):
                continue
            if any({r.basis, rt.basis} - {"", "yoy"} and r.basis != rt.basis for _, r in parts):
                break
            old_parts = None
            ok = True
            for a, r in parts:
                f = ONE + r.signed / HUNDRED
                if not _positive(f):
                    ok = False
                    break
                o = a.value / f
                old_parts = o if old_parts is None else old_parts + o
            if not ok:
                break
            sum_new = parts[0][0].value
            for a, _ in parts[1:]:
                sum_new = sum_new + a.value
            # the total's rate implied by the parts: new total / sum of old parts - 1
            new_total = t.value
            computed = (new_total / old_parts - ONE) * HUNDRED
            pt_old = sum(a.point / (1 + (r.sign * r.q.point) / 100) for a, r in parts)
            point = (t.point / pt_old - 1) * 100
            names = "; ".join(f"{show(a)} {r.verb}{show(r.q)}" for a, r in parts)
            inputs = [("total", t, show(t))] + [(f"part{j + 1}", a, f"{show(a)} {r.verb}{show(r.q)}")
                                                for j, (a, r) in enumerate(parts)]
            yield from _judge(ctx, rt.q, rt.signed, computed, point, inputs,
                              f"{show(t)} against last year's parts ({names})",
                              "for the total's rate to hold, one of the parts' rates would be different", rt.verb)
            done.add(rt.q.start)
            break


# Tables: "label | 2019 | 2018 | change | % change" ------------------------------------------------
# Ex) "% Change" "Variance %" "Y/Y" — not "% of total" (a share column)
_CHANGE_HEAD = lazy_compile(r"change|variance|increase|decrease|growth|y/y|yoy", regex.IGNORECASE)


def _table_rows(ctx: Context, done: set[int]) -> Iterator[Check | Finding]:
    text = ctx.text
    years: list[int | None] = []
    heads: list[str] = []
    for row in table_rows(text):
        ys = header_years(row, text)
        if sum(1 for y in ys if y) >= 2:
            years = ys
            line_end = text.find("\n", row.line_start)
            heads = text[row.line_start:line_end if line_end != -1 else len(text)].split("|")[1:]
            continue
        cells = row.cells
        # Ex) " | 2019 | 2018 | % Change" over "Revenue | 1,200 | 1,000 | 20%": no change column
        for i in range(len(cells) - 2):
            new, old, pct = cells[i:i + 3]
            if None in (new, old, pct) or new.percent or old.percent or not pct.percent:
                continue
            if not (i + 2 < len(years) and years[i] and years[i + 1] == years[i] - 1 and years[i + 2] is None
                    and i + 2 < len(heads) and _CHANGE_HEAD.search(heads[i + 2])):
                continue
            base = abs_iv(old.value)
            if not _positive(base):
                continue
            computed = (new.value - old.value) / base * HUNDRED
            point = (new.point - old.point) / abs(old.point) * 100
            if new.point < 0 and old.point < 0 and (-computed).intersects(pct.value):
                computed, point = -computed, -point  # Ex) costs "(700) | (650) | 7.7%": the change in size
            yield from _judge(ctx, _cell_q(pct), pct.value, computed, point,
                              [("new", None, new.text), ("old", None, old.text)],
                              f"({new.text} - {old.text}) / {old.text.strip('()')}",
                              f"for {pct.text} the {years[i]} figure would be "
                              f"{_r(abs_iv(old.value) * (ONE + pct.value / HUNDRED))}")
            break
        # the change column must equal the first minus the second value: that fixes the order
        for i in range(len(cells) - 3):
            new, old, diff, pct = cells[i:i + 4]
            if None in (new, old, diff, pct) or new.percent or old.percent or diff.percent or not pct.percent:
                continue
            if not (new.value - old.value).intersects(diff.value):
                continue
            base = abs_iv(old.value)
            if not _positive(base):
                continue
            computed = diff.value / base * HUNDRED
            point = diff.point / abs(old.point) * 100 if old.point else None
            if new.point < 0 and old.point < 0 and (-computed).intersects(pct.value):
                computed, point = -computed, -point  # Ex) costs "(700) | (650) | (50) | 7.7%"
            digits = len(pct.text.split(".")[1].rstrip("%) ")) if "." in pct.text else 0
            exp = f"{fmt(point, digits)}%"
            rng = f"{fmt(computed.lo, digits + 1)}–{fmt(computed.hi, digits + 1)}%"
            how = f"{diff.text} / {old.text.strip('()')}"
            if computed.intersects(pct.value):
                yield Check(ID, pct.start, pct.end, "passed", pct.text, exp, f"{how} = {rng}")
                break
            need_diff = pct.value * base / HUNDRED
            msg = (f"stated {pct.text} change but {how} = {fmt(point, digits + 2)}% ({rng} within rounding), "
                   f"off by at least {fmt(computed.gap(pct.value), digits + 1)} percentage points; for "
                   f"{pct.text} the change would be {_r(abs_iv(need_diff))} (row: {new.text} vs {old.text})")
            yield Check(ID, pct.start, pct.end, "failed", pct.text, exp, msg)
            yield Finding(ID, SEVERITY, msg, pct.start, pct.end, pct.text, exp,
                          (("new", new.text), ("old", old.text), ("change", diff.text), ("computed", exp)),
                          (Related("new", new.text, new.start, new.end), Related("old", old.text, old.start, old.end),
                           Related("change", diff.text, diff.start, diff.end)))
            break
