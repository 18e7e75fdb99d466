"""A change stated in percentage points disagrees with the percentages it is a change between.

What it does:
    Checks every 个百分点 / "percentage points" figure whose two ends are in the text:
    "由5.2%下降到4.9%，下降0.3个百分点"; "比上年（53.7%）提高3.3个百分点"; "rose 1.2
    percentage points to 45.8% from 44.6%"; a gap between two rates ("同比增长8.3%，增速比全国
    （8.1%）快0.2个百分点", "增长28.1%，高出全省外贸整体增速11个百分点" with the province's rate
    stated earlier, "服务出口增幅大于进口27.2个百分点"); a share's change implied by the part's and
    the total's growth rates ("一般贸易进出口18727.3亿元，增长24.3%，占外贸总值的57%，同比提高
    3.3个百分点" with the total's 32878.4亿元 and 17.1%: last year's share was
    (18727.3/1.243)/(32878.4/1.171)); and a contribution ("进口2087.5亿元，增长39.4%，拉动进口
    增长5.4个百分点" = (2087.5 - 2087.5/1.394) / (12568/1.147)).  It also warns when a change
    between two percentages is written in percent where percentage points are meant.

Why it matters:
    Percentage points are differences of rates and shares, computed by hand from two other
    figures; a rounded input, last year's figure or the wrong base gives a different number
    that nobody notices.  Confusing percent with percentage points misstates the change
    itself.

Example (fails):
    全省城镇调查失业率由5.6%下降到5.1%，下降0.3个百分点。

Use instead (passes):
    全省城镇调查失业率由5.6%下降到5.1%，下降0.5个百分点。

A comparison whose other rate is found by name elsewhere in the text ("高于GDP增速") is
reported as a warning, and only when every rate of that name disagrees; a share's change is
checked only when exactly the totals with a stated growth rate fit the part's stated share.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.rates import Rate, rate_of
from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, decimals_of, show, stated_rates

ID = "percentage-points"
SEVERITY = "error"

HUNDRED = Interval.exact(100)
_REAL_TERMS = lazy_compile(r"生产总值|增加值|GDP|可比价|实际增长|扣除价格")
ONE = Interval.exact(1)

_UP = ("提高", "提升", "上升", "增加", "扩大", "回升", "增长", "上涨", "加快", "rose", "up", "increased",
       "higher", "gained", "climbed", "widened", "improved", "grew", "rise", "increase")
_DOWN = ("下降", "回落", "降低", "减少", "缩小", "收窄", "下滑", "放缓", "fell", "down", "decreased", "lower",
         "dropped", "declined", "narrowed", "slipped", "fall", "decline", "decrease", "drop")

# Ex) "由5.6%" "从2020年的53.7%"
_ZH_FROM = lazy_compile(r"(?:从|由)(?:(?:19|20)[0-9]{2}年(?:末|底|度)?的?)?$")
# Ex) "下降到" "提高至2025年的" "降至"
_ZH_TO = lazy_compile(
    r"^[^，。；;\n0-9]{0,6}?(?P<verb>提高|提升|上升|增加|增长|扩大|回升|下降|回落|降低|减少|缩小|升|降|增|减)"
    r"了?(?:到|至|为)(?:(?:19|20)[0-9]{2}年(?:末|底|度)?的?)?$")
# Ex) "，下降0.5个百分点" "，提高了" "，累计提高"
_ZH_AFTER = lazy_compile(r"^[，,、]?(?:比上年|同比|累计|共|合计)?(?P<verb>提高|提升|上升|增加|增长|扩大|回升|下降|回落|降低|减少|缩小|收窄)了?(?:约)?$")
# Ex) "，比上年（53.7%）提高" "，较上年的53.7%提高" — last period's figure stated inline
_ZH_VS_OPEN = lazy_compile(r"^[，,]?(?:比|较)(?:上年|去年|上月|上季度|上年末|上年同期|去年同期|(?:19|20)[0-9]{2}年)(?:同期|末|底)?(?:的|（|\()$")
_ZH_VS_CLOSE = lazy_compile(r"^[）)]?(?P<verb>提高|提升|上升|增加|扩大|回升|下降|回落|降低|减少|缩小|收窄)了?$")
# Ex) "，占外贸总值的57%" "，占服务进出口总额的比重达到45.8%"
_ZH_SHARE = lazy_compile(r"占[^，。；;\n0-9%]{0,14}?(?:的)?(?:比重|比例)?(?:为|达到|达)?$")
_ZH_SHARE_CHANGE = lazy_compile(r"^[，,]?(?:同比|比上年|比上年同期|较上年|比去年同期)?(?P<verb>提高|提升|上升|增加|扩大|下降|回落|降低|减少|缩小)了?$")
# Ex) "拉动进口增长5.4个百分点" "拉动全省进出口增长9.6个百分点"
_ZH_PULL = lazy_compile(r"拉动(?P<name>[^，。；;\n0-9%]{1,12}?)增长$")
# Ex) "增速比全国（8.1%）快" "比全国高" — the comparison before the points
_ZH_CMP_SHORT = lazy_compile(r"(?:比|较)(?P<comp>[^，。；;\n比较]{0,16}?)(?P<cmp>高|低|快|慢|多|少)了?$")
# Ex) "高出全省外贸整体增速" "高于GDP增速" "大于进口"
_ZH_CMP_LONG = lazy_compile(
    r"(?P<cmp>高出|高于|快于|慢于|低于|大于|小于|超出|领先|落后)(?P<comp>[^，。；;\n0-9%比较]{0,16})$")
_ZH_NAME_STRIP = lazy_compile(r"^(?:全省|全市|全国|全区|全县|同期|整体|总体)+|(?:整体|总体|平均)?(?:增速|增幅|增长|水平|速度)+$")
# English: "from 44.6% to 45.8%" "to 45.8% from 44.6%"
_EN_FROM = lazy_compile(r"\bfrom\s+(?:a\s+|the\s+)?$", regex.IGNORECASE)
_EN_TO = lazy_compile(r"\bto\s+(?:a\s+|the\s+)?$", regex.IGNORECASE)
_EN_PP_VERB = lazy_compile(
    r"\b(?P<verb>rose|increased|grew|gained|climbed|widened|improved|up|fell|decreased|declined|dropped|"
    r"slipped|narrowed|down|rise|increase|fall|decline|decrease|drop)(?:\s+by|\s+of)?(?:\s+(?:about|nearly|some))?\s+$",
    regex.IGNORECASE)


def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    rs = stated_rates(ctx)
    seen: set[int] = set()
    for i, q in enumerate(qs):
        if q.kind == "pp":
            for item in _pp(ctx, i, rs):
                seen.add(q.start)
                yield item
    yield from _percent_for_points(ctx, rs, seen)


def _signed_word(word: str) -> int:
    w = word.lower()
    if w in _DOWN:
        return -1
    return 1


def _pp(ctx: Context, i: int, rs: list[Rate]) -> Iterator[Check | Finding]:
    for fn in (_from_to, _vs_inline, _share_change, _pull, _compare):
        out = list(fn(ctx, i, rs))
        if out:
            yield from out
            return


# "由5.6%下降到5.1%，下降0.5个百分点" / "rose 1.2 percentage points to 45.8% from 44.6%" --------------
def _from_to(ctx: Context, i: int, rs) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    s0, s1 = ctx.sentence_of(n.start)
    if n.lang == "zh":
        if i < 2:
            return
        a, b = qs[i - 2], qs[i - 1]
        if a.kind != "percent" or b.kind != "percent" or a.start < s0:
            return
        if not _ZH_FROM.search(text, max(0, a.start - 10), a.start):
            return
        mt = _ZH_TO.match(text[a.end:b.start])
        ma = _ZH_AFTER.match(text[b.end:n.start])
        if not mt or not ma:
            return
        sign = _signed_word(ma.group("verb"))
        yield from _judge_diff(n, sign, a, b, ma.group("verb"), "error")
        return
    # English: both ends in the sentence, one after "from", the other after "to"
    pcts = [q for q in ctx.between(s0, s1) if q.kind == "percent"]
    old = new = None
    for q in pcts:
        before = text[max(s0, q.start - 12):q.start]
        if old is None and _EN_FROM.search(before):
            old = q
        elif new is None and _EN_TO.search(before):
            new = q
    if old is None or new is None:
        return
    mv = _EN_PP_VERB.search(text, max(s0, n.start - 30), n.start)
    if not mv:
        return
    yield from _judge_diff(n, _signed_word(mv.group("verb")), old, new, mv.group("verb"), "error")


def _judge_diff(n: Quantity, sign: int, a: Quantity, b: Quantity, word: str, severity: str,
                how: str = "") -> Iterator[Check | Finding]:
    diff = b.value - a.value
    stated = n.value if sign > 0 else -n.value
    digits = decimals_of(n)
    point = b.point - a.point
    exp = fmt(point, digits)
    how = how or f"{show(b)} - {show(a)}"
    rng = f"{fmt(diff.lo, digits + 1)}–{fmt(diff.hi, digits + 1)}"
    if diff.intersects(stated):
        yield Check(ID, n.start, n.end, "passed", show(n), exp, f"{how} = {rng} points")
        return
    sign_note = ""
    if diff.lo is not None and diff.hi is not None and (diff.hi < 0 < stated.lo or stated.hi < 0 < diff.lo):
        sign_note = f"; the text says {word} but the figure went the other way"
    rel = ""
    if a.point:
        rel_pt = (b.point / a.point - 1) * 100
        if (abs(rel_pt) - n.point).__abs__() < Fraction(1, 2) * 10 ** -digits + Fraction(1, 1000):
            rel = f"; {show(n)} matches the relative change ({fmt(rel_pt, digits + 1)}%), not the difference in points"
    msg = (f"stated {word} {show(n)} but {how} = {fmt(point, digits + 2)} percentage points ({rng} within "
           f"rounding){sign_note}{rel}; for {show(n)}, {show(b)} would be {fmt(a.point + (n.point if sign > 0 else -n.point), digits + 1)}%")
    yield Check(ID, n.start, n.end, "failed", show(n), exp, msg)
    yield Finding(ID, severity, msg, n.start, n.end, show(n), exp,
                  (("from", show(a)), ("to", show(b)), ("computed", exp)),
                  (Related("from", show(a), a.start, a.end), Related("to", show(b), b.start, b.end)))


# "占比57.0%，比上年（53.7%）提高3.3个百分点" ----------------------------------------------------------
def _vs_inline(ctx: Context, i: int, rs) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    if n.lang != "zh" or i < 2:
        return
    b, a = qs[i - 2], qs[i - 1]
    if a.kind != "percent" or b.kind != "percent":
        return
    if not _ZH_VS_OPEN.match(text[b.end:a.start]):
        return
    mc = _ZH_VS_CLOSE.match(text[a.end:n.start])
    if not mc:
        return
    yield from _judge_diff(n, _signed_word(mc.group("verb")), a, b, mc.group("verb"), "error")


_COMMA_OR_NOTHING = lazy_compile(r"^[，,]?$")


# A share's change from the part's and the total's growth rates ---------------------------------------
def _amount_rates(ctx: Context, rs: list[Rate]) -> list[tuple[Quantity, Rate]]:
    """Amounts stated with their growth rate right after them: "进口12568亿元，增长14.7%"."""
    text = ctx.text
    qs = ctx.quantities
    at = {r.q.start: r for r in rs}
    out = []
    for j in range(len(qs) - 1):
        a, p = qs[j], qs[j + 1]
        r = at.get(p.start)
        if a.kind != "amount" or r is None or r.basis not in ("", "yoy"):
            continue
        if _COMMA_OR_NOTHING.match(text[a.end:r.start]) and not _listed(text, a, r.q):
            out.append((a, r))
    return out


def _listed(text: str, a: Quantity, rq: Quantity) -> bool:
    """Part of a paired list: "10293亿元和3544.9亿元，同增1.9%和38.4%" pairs nothing by position."""
    return text[rq.end:rq.end + 1] in ("和", "、", "及", "与") or text[a.start - 1:a.start] in ("和", "、", "及", "与")


def _share_change(ctx: Context, i: int, rs) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    if n.lang != "zh" or i < 1:
        return
    share = qs[i - 1]
    if share.kind != "percent":
        return
    mc = _ZH_SHARE_CHANGE.match(text[share.end:n.start])
    if not mc:
        return
    s0, _ = ctx.sentence_of(n.start)
    ms = _ZH_SHARE.search(text, max(0, share.start - 24), share.start)
    if not ms:
        return
    ars = _amount_rates(ctx, rs)
    part = None
    for a, r in ars:
        if s0 <= a.start and r.q.end <= ms.start() and text.count("。", r.q.end, ms.start()) == 0:
            part = (a, r)
    if part is None:
        return
    p, rp = part
    if _REAL_TERMS.search(text[max(0, p.start - 30):p.start]):
        return  # value added grows at comparable prices: its shares do not follow from the rates
    sign = _signed_word(mc.group("verb"))
    stated = n.value if sign > 0 else -n.value
    cands = []
    for t, rt in ars:
        if t is p or t.unit != p.unit or t.value.lo <= p.value.hi:
            continue
        if (p.value / t.value * HUNDRED).intersects(share.value):
            cands.append((t, rt))
    if len({t.point for t, _ in cands}) != 1:
        return
    t, rt = cands[0]
    fp, ft = ONE + rp.signed / HUNDRED, ONE + rt.signed / HUNDRED
    if not (fp.lo > 0 and ft.lo > 0):
        return
    now = p.value / t.value * HUNDRED
    change = now * (ONE - ft / fp)
    pt_now = p.point / t.point * 100
    pt_then = (p.point / (1 + rp.sign * rp.q.point / 100)) / (t.point / (1 + rt.sign * rt.q.point / 100)) * 100
    point = pt_now - pt_then
    digits = decimals_of(n)
    exp = fmt(point, digits)
    rng = f"{fmt(change.lo, digits + 2)}–{fmt(change.hi, digits + 2)}"
    how = (f"{show(p)}/{show(t)} = {fmt(pt_now, 2)}% now, ({show(p)}/(1{'+' if rp.sign > 0 else '-'}{show(rp.q)}))/"
           f"({show(t)}/(1{'+' if rt.sign > 0 else '-'}{show(rt.q)})) = {fmt(pt_then, 2)}% a year earlier")
    if change.intersects(stated):
        yield Check(ID, n.start, n.end, "passed", show(n), exp, f"{how}: {rng} points")
        return
    msg = (f"stated {mc.group('verb')} {show(n)} but {how}, a change of {fmt(point, digits + 2)} percentage "
           f"points ({rng} within rounding); for {show(n)}, one of the two growth rates or the share "
           f"would be different")
    yield Check(ID, n.start, n.end, "failed", show(n), exp, msg)
    yield Finding(ID, SEVERITY, msg, n.start, n.end, show(n), exp,
                  (("part", show(p)), ("part_growth", show(rp.q)), ("total", show(t)),
                   ("total_growth", show(rt.q)), ("computed", exp), ("computed_range", rng)),
                  (Related("part", show(p), p.start, p.end), Related("total", show(t), t.start, t.end),
                   Related("part_growth", show(rp.q), rp.q.start, rp.q.end),
                   Related("total_growth", show(rt.q), rt.q.start, rt.q.end)))


_ZH_AREA_LEAD = lazy_compile(r"^(?:全省|全市|全国|全区|同期)")


# "进口2087.5亿元，增长39.4%，拉动进口增长5.4个百分点" ---------------------------------------------------
def _pull(ctx: Context, i: int, rs) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    if n.lang != "zh":
        return
    mp = _ZH_PULL.search(text, max(0, n.start - 20), n.start)
    if not mp:
        return
    name = mp.group("name").strip()
    name = _ZH_AREA_LEAD.sub("", name)
    if not name:
        return
    s0, _ = ctx.sentence_of(n.start)
    ars = _amount_rates(ctx, rs)
    part = None
    for a, r in ars:
        if s0 <= a.start and r.q.end <= mp.start():
            part = (a, r)
    if part is None or mp.start() - part[1].q.end > 40:
        return
    p, rp = part
    if _REAL_TERMS.search(text[max(0, p.start - 30):p.start]) or _REAL_TERMS.search(name):
        return
    cands = []
    for t, rt in ars:
        if t.start >= p.start or t.unit != p.unit or t.value.lo <= p.value.hi:
            continue
        before = text[max(0, t.start - len(name) - 4):t.start]
        m = regex.search(regex.escape(name) + r"(?:值|额|总额|总值|总计|合计|共计|为|达)?$", before)
        if not m:
            continue
        if name.startswith("出口") and before[m.start() - 1:m.start()] == "进":
            continue
        cands.append((t, rt))
    if not cands:
        return
    fp = ONE + rp.signed / HUNDRED
    digits = decimals_of(n)
    results = []
    for t, rt in cands:
        ft = ONE + rt.signed / HUNDRED
        if not (fp.lo > 0 and ft.lo > 0):
            return
        contrib = p.value / t.value * ft * (ONE - ONE / fp) * HUNDRED
        point = (p.point - p.point / (1 + rp.sign * rp.q.point / 100)) / (t.point / (1 + rt.sign * rt.q.point / 100)) * 100
        results.append((t, rt, contrib, point))
    for t, rt, contrib, point in results:
        if contrib.intersects(n.value):
            yield Check(ID, n.start, n.end, "passed", show(n), fmt(point, digits),
                        f"({show(p)} - {show(p)}/(1+{show(rp.q)})) / ({show(t)}/(1+{show(rt.q)})) = "
                        f"{fmt(contrib.lo, digits + 2)}–{fmt(contrib.hi, digits + 2)} points")
            return
    t, rt, contrib, point = results[0] if len(results) == 1 else max(results, key=lambda x: x[0].point)
    exp = fmt(point, digits)
    rng = f"{fmt(contrib.lo, digits + 2)}–{fmt(contrib.hi, digits + 2)}"
    msg = (f"stated 拉动 {show(n)} but the part's increase over the total's base, "
           f"({show(p)} - {show(p)}/(1{'+' if rp.sign > 0 else '-'}{show(rp.q)})) / ({show(t)}/(1"
           f"{'+' if rt.sign > 0 else '-'}{show(rt.q)})), is {fmt(point, digits + 2)} points ({rng} within rounding); "
           f"for {show(n)}, the part's amount or one of the two growth rates would be different")
    sev = SEVERITY if len({c[0].point for c in results}) == 1 else "warning"
    yield Check(ID, n.start, n.end, "failed", show(n), exp, msg)
    yield Finding(ID, sev, msg, n.start, n.end, show(n), exp,
                  (("part", show(p)), ("part_growth", show(rp.q)), ("total", show(t)),
                   ("total_growth", show(rt.q)), ("computed", exp)),
                  (Related("part", show(p), p.start, p.end), Related("total", show(t), t.start, t.end)))


_ZH_THAN_END = lazy_compile(r"(?:比|较)$")
_CAPITALS = lazy_compile(r"^[A-Z]+$")


# "增速比全国（8.1%）快0.2个百分点" / "高于GDP增速6.6个百分点" -----------------------------------------------
def _compare(ctx: Context, i: int, rs: list[Rate]) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    if n.lang != "zh":
        return
    s0, _ = ctx.sentence_of(n.start)
    clause_start = max(text.rfind(c, s0, n.start) for c in "，,；;：:") + 1
    clause_start = max(clause_start, s0)
    clause = text[clause_start:n.start]
    m = _ZH_CMP_LONG.search(clause)
    short = False
    if not m:
        m = _ZH_CMP_SHORT.search(clause)
        short = True
    if not m:
        return
    cmp_word = m.group("cmp")
    higher = cmp_word[0] in "高快大超领多"
    comp = m.group("comp")
    subject = clause[:m.start()]
    # the compared rate: inline "（8.1%）" or by name
    inline = [q for q in ctx.between(clause_start + m.start(), n.start) if q.kind == "percent"]
    own_rates = [r for r in rs if s0 <= r.q.start < clause_start + m.start() and r.q.end <= n.start]
    subj_name = _ZH_NAME_STRIP.sub("", _ZH_THAN_END.sub("", subject)).strip()
    a_list: list[Rate] = []
    looked_up = False
    if subj_name and len(subj_name) >= 2:
        a_list = _rates_named(ctx, rs, subj_name, n.start)
        looked_up = True
    if not a_list:
        if not own_rates:
            return
        a_list = [own_rates[-1]]
        looked_up = False
    if inline:
        b_vals = [(inline[0], inline[0].value, False)]
    else:
        name = _ZH_NAME_STRIP.sub("", comp.strip()).strip()
        if not name or len(name) < 2 and not _CAPITALS.match(name):
            return
        found = _rates_named(ctx, rs, name, clause_start, a_list[0].q.start)
        basis = a_list[0].basis
        same = [r for r in found if r.basis == basis] or found
        if not same:
            return
        b_vals = [(r.q, r.signed, True) for r in same]
        looked_up = True
    stated = n.value
    digits = decimals_of(n)
    combos = []
    for ra in a_list:
        for bq, bv, _ in b_vals:
            diff = (ra.signed - bv) if higher else (bv - ra.signed)
            combos.append((ra, bq, bv, diff))
    for ra, bq, bv, diff in combos:
        if diff.intersects(stated):
            yield Check(ID, n.start, n.end, "passed", show(n), show(n),
                        f"{show(ra.q)} vs {show(bq)}: {fmt(diff.lo, digits + 1)}–{fmt(diff.hi, digits + 1)} points")
            return
    if len({(c[0].q.point, c[0].sign, c[1].point) for c in combos}) != 1:
        return
    ra, bq, bv, diff = combos[0]
    pa = ra.sign * ra.q.point
    pb = (bv.lo + bv.hi) / 2
    point = (pa - pb) if higher else (pb - pa)
    exp = fmt(point, digits)
    msg = (f"stated {cmp_word} {show(n)} but the two rates are {'-' if ra.sign < 0 else ''}{show(ra.q)} and "
           f"{fmt(pb, decimals_of(bq))}% ({show(bq)}), {fmt(point, digits + 1)} points apart "
           f"({fmt(diff.lo, digits + 1)}–{fmt(diff.hi, digits + 1)} within rounding); for {show(n)} the other "
           f"rate would be {fmt(pa - n.point if higher else pa + n.point, digits + 1)}%")
    sev = "warning" if looked_up else SEVERITY
    yield Check(ID, n.start, n.end, "failed", show(n), exp, msg)
    yield Finding(ID, sev, msg, n.start, n.end, show(n), exp,
                  (("rate", show(ra.q)), ("compared_rate", show(bq)), ("computed", exp)),
                  (Related("rate", show(ra.q), ra.q.start, ra.q.end), Related("compared_rate", show(bq), bq.start, bq.end)))


def _rates_named(ctx: Context, rs: list[Rate], name: str, before: int,
                 exclude: int | None = None) -> list[Rate]:
    """Growth rates stated right after a mention of *name* earlier in the text.

    Ex) "GDP达到了8646亿元，同比增长12.7%；两年平均增长7.0%" for "GDP": 12.7% and 7.0%.
    """
    text = ctx.text
    last: list[Rate] = []
    pos = 0
    while True:
        k = text.find(name, pos, before)
        if k == -1:
            break
        pos = k + 1
        if name.startswith("出口") and text[k - 1:k] == "进":
            continue
        if text[k - 1:k] in ("占", "比", "于", "较", "超"):
            continue  # Ex) "占GDP的26.7%" — a base, not the subject of a rate
        end = k + len(name)
        stop = min([x for x in (text.find("。", end), text.find("其中", end), text.find("\n", end)) if x != -1]
                   + [end + 32, before])
        found = []
        for r in rs:
            if end <= r.start and r.q.end <= stop and r.q.start < before \
                    and all(r.basis != f.basis and {r.basis, f.basis} != {"", "yoy"} for f in found):
                found.append(r)  # Ex) "同比增长12.7%；两年平均增长7.0%" — one rate per basis
        if exclude is not None and any(r.q.start == exclude for r in found):
            continue  # the compared subject's own clause
        if found:
            last = found  # the nearest mention before the comparison is the one it refers to
    return last


# "由5.2%降至4.9%，下降0.3%" — a change between percentages written in percent ---------------------
def _percent_for_points(ctx: Context, rs: list[Rate], seen: set[int]) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    at = {r.q.start: r for r in rs}
    for i in range(2, len(qs)):
        a, b, c = qs[i - 2], qs[i - 1], qs[i]
        if a.kind != "percent" or b.kind != "percent" or c.kind != "percent" or c.lang != "zh":
            continue
        if not _ZH_FROM.search(text, max(0, a.start - 10), a.start):
            continue
        mt = _ZH_TO.match(text[a.end:b.start])
        r = at.get(c.start)
        if not mt or r is None or r.basis or not _COMMA_OR_NOTHING.match(text[b.end:r.start]):
            continue
        if not a.point:
            continue
        rel = (b.value / a.value - ONE) * HUNDRED
        diff = b.value - a.value
        stated = r.signed
        if rel.intersects(stated):
            yield Check(ID, c.start, c.end, "passed", show(c), show(c), f"relative change {show(a)} → {show(b)}")
            continue
        if diff.intersects(stated):
            msg = (f"stated {r.verb}{show(c)} for a change from {show(a)} to {show(b)}: that is the difference in "
                   f"percentage points ({fmt(b.point - a.point, 2)} points); the relative change is "
                   f"{fmt((b.point / a.point - 1) * 100, 1)}% — write 个百分点 / percentage points")
            yield Check(ID, c.start, c.end, "failed", show(c), f"{fmt(abs(b.point - a.point), decimals_of(c))}个百分点", msg)
            yield Finding(ID, "warning", msg, c.start, c.end, show(c),
                          f"{fmt(abs(b.point - a.point), decimals_of(c))}个百分点",
                          (("from", show(a)), ("to", show(b))),
                          (Related("from", show(a), a.start, a.end), Related("to", show(b), b.start, b.end)))
            continue
        digits = decimals_of(c)
        msg = (f"stated {r.verb}{show(c)} for a change from {show(a)} to {show(b)}, but the relative change is "
               f"{fmt((b.point / a.point - 1) * 100, digits + 1)}% and the difference is "
               f"{fmt(b.point - a.point, digits + 1)} percentage points; neither gives {show(c)}")
        exp = f"{fmt((b.point / a.point - 1) * 100, digits)}%"
        yield Check(ID, c.start, c.end, "failed", show(c), exp, msg)
        yield Finding(ID, SEVERITY, msg, c.start, c.end, show(c), exp, (("from", show(a)), ("to", show(b))),
                      (Related("from", show(a), a.start, a.end), Related("to", show(b), b.start, b.end)))
