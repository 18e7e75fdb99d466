"""A stated average disagrees with the figures it averages.

What it does:
    Checks three kinds of average against numbers stated with them:
    a two-year (or three-year) average growth rate against the growth over the whole span,
    which is geometric: "比2019年1-7月增长20.5%，两年平均增长9.8%" needs (1+9.8%)^2 = 1+20.5%
    (sqrt(1.205) - 1 = 9.77%), not half of 20.5%; a combined growth rate against its parts'
    rates, which it must lie between ("进出口下降32.7%，其中出口下降41.6%，进口下降31.6%");
    and a per-head figure against its total and count ("发放补贴3.6亿元，惠及12万户，户均3000元";
    "$4.2 million shared among 350 employees, an average of $12,000 each").

Why it matters:
    Two-year averages are published next to the two-year change and are often computed as
    the arithmetic half, or copied from another line; a per-head figure that does not divide
    out is a sign that the total or the count was revised and the average was not.

Example (fails):
    1-7月，全市固定资产投资比2019年同期增长20.5%，两年平均增长10.3%。

Use instead (passes):
    1-7月，全市固定资产投资比2019年同期增长20.5%，两年平均增长9.8%。

The span's rate must be stated against the base year (比2019年…, 与2019年同期相比); a
same-period rate (同比) next to a two-year average is a different figure and is left alone.
A combined rate is only checked for the export/import split, which is exhaustive.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.rates import Rate
from ..interval import Interval, fmt, nth_root
from ..model import Check, Finding, Quantity, Related
from .base import Context, decimals_of, show, stated_rates

ID = "average"
SEVERITY = "error"

HUNDRED = Interval.exact(100)
ONE = Interval.exact(1)

# Ex) "与2019年同期相比，" "与2019年相比，" "比2019年同期"
_VS_YEAR = lazy_compile(r"(?:与|和|同)(?:19|20)[0-9]{2}年(?:同期|[0-9]{1,2}[-—－~～至][0-9]{1,2}月)?相比|比(?:19|20)[0-9]{2}年同期")
# Ex) "两年平均增长9.8%" "三年平均下降"
_AVG = {"avg2": 2, "avg3": 3}
# Ex) "人均3000元" "户均" "平均每人" "平均每户" "每户平均"
_ZH_PER = lazy_compile(r"(?:人均|户均|平均每人|平均每户|每人平均|每户平均|平均每家|家均|平均每个|平均每村|村均)(?:为|达到|达|约)?$")
_ZH_PER_UNIT = {"人均": "人", "平均每人": "人", "每人平均": "人", "户均": "户", "平均每户": "户",
                "每户平均": "户", "平均每家": "家", "家均": "家", "平均每村": "村", "村均": "村"}
_EN_PER = lazy_compile(r"(?:an\s+average\s+of|averaging|on\s+average)\s+$", regex.IGNORECASE)
_EN_PER_AFTER = lazy_compile(r"^\s*(?:each|per\s+(?P<n>[a-z]+)|a\s+head|apiece)\b", regex.IGNORECASE)


def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    rs = stated_rates(ctx)
    yield from _span_average(ctx, rs)
    yield from _between_parts(ctx, rs)
    yield from _per_head(ctx)


_SEP_OR_NOTHING = lazy_compile(r"^[，,；;]?$")


# Two-year average: (1 + a)^2 = 1 + g -------------------------------------------------------------
def _span_average(ctx: Context, rs: list[Rate]) -> Iterator[Check | Finding]:
    text = ctx.text
    for k, r in enumerate(rs):
        n = _AVG.get(r.basis)
        if n is None or k == 0:
            continue
        g = rs[k - 1]
        if not _SEP_OR_NOTHING.match(text[g.q.end:r.start]):
            continue
        if g.basis in ("yoy", "mom", "avg2", "avg3", "annual"):
            continue
        if not g.basis.startswith("vs"):
            para = max(text.rfind("。", 0, g.q.start), text.rfind("\n", 0, g.q.start)) + 1
            ctx_text = text[para:g.start]
            m = None
            for m in _VS_YEAR.finditer(ctx_text):
                pass
            if m is None or "同比" in ctx_text[m.end():]:
                continue
        fa = ONE + r.signed / HUNDRED
        fg = ONE + g.signed / HUNDRED
        if fa.lo is None or fa.lo <= 0 or fg.lo is None or fg.lo <= 0:
            continue
        pw = fa
        for _ in range(n - 1):
            pw = pw * fa
        digits = decimals_of(r.q)
        gp = 1 + g.sign * g.q.point / 100
        pt = (nth_root(gp, n) - 1) * 100
        exp = f"{fmt(abs(pt), digits)}%"
        lo = (nth_root(fg.lo, n) - 1) * 100
        hi = (nth_root(fg.hi, n) - 1) * 100
        rng = f"{fmt(lo, digits + 1)}–{fmt(hi, digits + 1)}%"
        how = f"(1{'+' if g.sign > 0 else '-'}{show(g.q)})^(1/{n}) - 1"
        if pw.intersects(fg):
            yield Check(ID, r.q.start, r.q.end, "passed", show(r.q), exp, f"{how} = {rng}")
            continue
        half = g.sign * g.q.point / n
        note = ""
        if abs(abs(half) - r.q.point) <= Fraction(1, 2) * Fraction(10) ** -digits:
            note = f" ({show(r.q)} is the arithmetic 1/{n} of {show(g.q)}; the average is geometric)"
        need = (pw - ONE) * HUNDRED
        msg = (f"stated {r.verb}{show(r.q)} a year on average but the {n}-year change {g.verb}{show(g.q)} gives "
               f"{how} = {fmt(pt, digits + 2)}% ({rng} within rounding){note}; for {show(r.q)} a year the "
               f"{n}-year change would be {fmt(need.lo, 1)}–{fmt(need.hi, 1)}%")
        yield Check(ID, r.q.start, r.q.end, "failed", show(r.q), exp, msg)
        yield Finding(ID, SEVERITY, msg, r.q.start, r.q.end, show(r.q), exp,
                      (("span_change", show(g.q)), ("years", str(n)), ("computed", exp), ("computed_range", rng)),
                      (Related("span_change", show(g.q), g.q.start, g.q.end),))


# A combined rate lies between its parts' rates ----------------------------------------------------
def _names(seg: str) -> tuple[bool, bool]:
    s = seg.replace("进出口", "")
    return ("出口" in s, "进口" in s)


def _compatible(a: Rate, b: Rate) -> bool:
    return {a.basis, b.basis} <= {"", "yoy"} or a.basis == b.basis


def _between_parts(ctx: Context, rs: list[Rate]) -> Iterator[Check | Finding]:
    text = ctx.text
    for k, rt in enumerate(rs):
        if rt.q.lang != "zh" or rt.basis in ("avg2", "avg3", "annual", "mom"):
            continue
        head = text[max(0, rt.start - 30):rt.start]
        head = head[max(head.rfind("。"), head.rfind("；"), head.rfind("\n")) + 1:]
        if "进出口" not in head:
            continue
        exp_r = imp_r = None
        prev_end = rt.q.end
        seen_qizhong = False
        for r in rs[k + 1:k + 7]:
            seg = text[prev_end:r.start]
            prev_end = r.q.end
            if "。" in seg or "\n" in seg or r.start - rt.q.end > 160:
                break
            if "其中" in seg:
                seen_qizhong = True
            if not seen_qizhong:
                break
            if not _compatible(rt, r):
                continue
            has_exp, has_imp = _names(seg)
            if has_exp and not has_imp and exp_r is None:
                exp_r = r
            elif has_imp and not has_exp and imp_r is None:
                imp_r = r
            if exp_r and imp_r:
                break
        if exp_r is None or imp_r is None:
            continue
        hull = exp_r.signed.hull(imp_r.signed)
        lo_pt = min(exp_r.sign * exp_r.q.point, imp_r.sign * imp_r.q.point)
        hi_pt = max(exp_r.sign * exp_r.q.point, imp_r.sign * imp_r.q.point)
        exp = f"{fmt(lo_pt, 1)}% to {fmt(hi_pt, 1)}%"
        if hull.intersects(rt.signed):
            yield Check(ID, rt.q.start, rt.q.end, "passed", show(rt.q), exp,
                        f"between exports {show(exp_r.q)} and imports {show(imp_r.q)}")
            continue
        msg = (f"stated {rt.verb}{show(rt.q)} for exports and imports together, but a combined rate must lie "
               f"between its parts' rates: exports {exp_r.verb}{show(exp_r.q)}, imports {imp_r.verb}{show(imp_r.q)} "
               f"({exp}); either the total's rate or one of the parts' rates is wrong")
        yield Check(ID, rt.q.start, rt.q.end, "failed", show(rt.q), exp, msg)
        yield Finding(ID, SEVERITY, msg, rt.q.start, rt.q.end, show(rt.q), exp,
                      (("exports", show(exp_r.q)), ("imports", show(imp_r.q))),
                      (Related("exports", show(exp_r.q), exp_r.q.start, exp_r.q.end),
                       Related("imports", show(imp_r.q), imp_r.q.start, imp_r.q.end)))


_ZH_VERB_END = lazy_compile(r"(?:为|达到|达|约)$")


# Per head: total / count = average ----------------------------------------------------------------
def _per_head(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    for k, x in enumerate(qs):
        if x.kind != "amount":
            continue
        s0, s1 = ctx.sentence_of(x.start)
        if x.lang == "zh":
            m = _ZH_PER.search(text, max(s0, x.start - 8), x.start)
            if not m:
                continue
            word = _ZH_VERB_END.sub("", m.group())
            unit = _ZH_PER_UNIT.get(word)
            before = [q for q in ctx.between(s0, m.start())]
            counts = [q for q in before if q.kind == "count" and (unit is None or q.classifier == unit
                                                                   or q.noun.startswith(unit)
                                                                   or (unit == "人" and q.classifier == "名"))]
        else:
            m = _EN_PER.search(text, max(s0, x.start - 24), x.start)
            ma = _EN_PER_AFTER.match(text[x.end:x.end + 30])
            if not m and not ma:
                continue
            before = [q for q in ctx.between(s0, x.start)]
            counts = [q for q in before if q.kind in ("count", "number") and q.value.is_point
                      and not _in_parens(text, s0, q.start)]
            if ma and ma.group("n"):
                noun = ma.group("n").lower().rstrip("s")
                counts = [q for q in counts if q.noun and q.noun.split()[-1].lower().rstrip("s") == noun]
        totals = [q for q in before if q.kind == "amount" and q.unit == x.unit and q is not x
                  and not _in_parens(text, s0, q.start)]
        if len(totals) != 1 or len(counts) != 1:
            continue
        t, c = totals[0], counts[0]
        if c.value.lo is None or c.value.hi is None or c.value.lo <= 0 or t.value.lo is None or t.value.hi is None:
            continue
        if c.qualifier is not None or t.qualifier not in (None,) or x.qualifier not in (None, "approx"):
            continue
        computed = t.value / c.value
        if x.value.lo is None or x.value.hi is None:
            continue
        pt = t.point / c.point
        exp = _money(pt, x)
        if computed.intersects(x.value):
            yield Check(ID, x.start, x.end, "passed", show(x), exp, f"{show(t)} / {show(c)}")
            continue
        need_t = x.value * c.value
        need_c = t.value / x.value
        msg = (f"stated an average of {show(x)} but {show(t)} / {show(c)} = {exp} "
               f"({_span(_money(computed.lo, x), _money(computed.hi, x))} within rounding); for {show(x)} the total "
               f"would be {_span(_money(need_t.lo, t), _money(need_t.hi, t))} or the count "
               f"{_span(fmt(need_c.lo, 0), fmt(need_c.hi, 0))}")
        yield Check(ID, x.start, x.end, "failed", show(x), exp, msg)
        yield Finding(ID, SEVERITY, msg, x.start, x.end, show(x), exp,
                      (("total", show(t)), ("count", show(c)), ("computed", exp)),
                      (Related("total", show(t), t.start, t.end), Related("count", show(c), c.start, c.end)))


def _span(lo: str, hi: str) -> str:
    return lo if lo == hi else f"{lo}–{hi}"


def _in_parens(text: str, s0: int, at: int) -> bool:
    seg = text[s0:at]
    return seg.count("(") + seg.count("（") > seg.count(")") + seg.count("）")


def _money(v: Fraction, like: Quantity) -> str:
    if like.scale >= 8:
        return f"{fmt(v / 10**8, 2)}亿"
    if like.scale >= 4 and like.lang == "zh":
        return f"{fmt(v / 10**4, 2)}万"
    if like.scale >= 6:
        return f"{fmt(v / 10**6, 2)} million"
    return fmt(v, 0 if abs(v) >= 100 else 2)
