"""A percentage that no whole number of its small stated group can give (the GRIM test for shares).

What it does:
    Finds a share of a counted group whose size is stated ("136名党员中，女党员占33.3%";
    "调查的48户中，有37.5%的农户…"; "Of the 136 members, 33.3% were women"; "25.6% of the 43
    firms") and checks that some whole number k of the group gives it: k/136 must round to
    33.3%, i.e. lie in [33.25%, 33.35%].  No k does (45/136 = 33.09%, 46/136 = 33.82%), so
    the share, the group size or the rounding is wrong.

Why it matters:
    With a small group only a few percentages are possible at all; an impossible one shows
    that the share was computed on another base, typed wrong, or the group size changed after
    the share was written — even when the part itself is not given.

Example (fails):
    全村136名党员中，女党员占33.3%。

Use instead (passes):
    全村136名党员中，女党员占33.1%。

Only exact counts (no 约/多/余/about) and shares written right after 占 / 有…的 / "of the N"
are checked; a share of something else (占全县增加值的…) is left alone.  When the part is
stated too, percent-of-total checks it instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import regex

from ..lazyre import lazy_compile

from ..interval import fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, decimals_of, show

ID = "granularity"
SEVERITY = "error"

# Ex) "136名党员中，女党员占" "48户中，有" "这56人当中，35岁以下的占比为"
_ZH_GROUP = lazy_compile(r"^[^。；;\n，,0-9%]{0,6}?(?:中|当中|之中|里)[，,]?(?P<mid>[^。；;\n0-9%]{0,24}?)"
                          r"(?:占比为|占比达|占比|占|比例为|比重为|比例达到|比例达|有)(?:为|达到|达)?$")
# Ex) "，分别占" "、" "和" — further shares of the same group
_ZH_MORE = lazy_compile(r"^(?:、|和|及|与|，|,)$")
# Ex) "Of the 136 members, " + "33.3%"
_EN_OF = lazy_compile(r"\b(?:of|among)\s+(?:the|these|those|all)\s+$", regex.IGNORECASE)
_EN_SHARE_AFTER = lazy_compile(r"^\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s*,\s*$", regex.IGNORECASE)
# Ex) "25.6% of the 43 firms"
_EN_PCT_OF = lazy_compile(r"^\s+of\s+(?:the|these|those|all)\s+$", regex.IGNORECASE)
# Ex) "女党员" "女性" "少数民族干部" — a subgroup of people named without 的
_ZH_MEMBERS = lazy_compile(r"^(?:其中)?(?:女|男|少数民族|党员|女性|男性|青年|老年)")
# words after 占 that make the share one of something else than the group's members
_ZH_OTHER_BASE = lazy_compile(r"增加值|收入|产值|总量|总额|产量|面积|投资|销售|营收|利润|税|GDP|元")


def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    for i, n in enumerate(qs):
        if not _group(n):
            continue
        shares = _zh_shares(ctx, i) if n.lang == "zh" else _en_shares(ctx, i)
        for s in shares:
            yield from _judge(n, s)


def _group(n: Quantity) -> bool:
    return (n.kind in ("count", "number") and n.exact and n.qualifier is None and n.value.is_point
            and 2 <= n.point <= 100000 and n.point.denominator == 1)


_ZH_APPROX_END = lazy_compile(r"(?:约|大约|近|将近|接近|超过|不到|不足|逾|超)$")
_ZH_ADVERB_END = lazy_compile(r"(?:分别|均|共|合计)$")


def _zh_shares(ctx: Context, i: int) -> list[Quantity]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    if n.kind != "count" or i + 1 >= len(qs):
        return []
    s = qs[i + 1]
    if s.kind != "percent" or s.qualifier is not None:
        return []
    m = _ZH_GROUP.match(text[n.end:s.start])
    if not m or _ZH_OTHER_BASE.search(m.group("mid")):
        return []
    mid = m.group("mid")
    if _ZH_APPROX_END.search(mid):
        return []  # Ex) "女党员约占33.3%" — a rounded share, not a stated one
    core = _ZH_ADVERB_END.sub("", mid)
    noun = (n.noun or "")[:2]
    if core and not (core.endswith("的") or (noun and noun in core) or _ZH_MEMBERS.search(core)):
        return []  # Ex) "12个区县中，城镇人口占58.3%" — a share of people, not of the 12 districts
    if m.group().endswith("有") and not text.startswith("的", s.end):
        return []  # Ex) "有37.5%的农户" — but not "有所增长5%"
    out = [s]
    j = i + 2
    after = text[s.end:s.end + 1]
    while j < len(qs) and qs[j].kind == "percent" and qs[j].qualifier is None \
            and _ZH_MORE.match(text[qs[j - 1].end:qs[j].start]) and after != "的":
        out.append(qs[j])
        j += 1
    return out


_COMMA_ONLY = lazy_compile(r"^\s*,\s*$")


def _en_shares(ctx: Context, i: int) -> list[Quantity]:
    text, qs = ctx.text, ctx.quantities
    n = qs[i]
    out = []
    # Ex) "Of the 136 members, 33.3% were women"
    if _EN_OF.search(text, max(0, n.start - 16), n.start) and i + 1 < len(qs):
        s = qs[i + 1]
        if s.kind == "percent" and s.qualifier is None and _EN_SHARE_AFTER.match(text[n.end:s.start] if n.noun else ""):
            out.append(s)
        elif s.kind == "percent" and s.qualifier is None and _COMMA_ONLY.match(text[n.end:s.start]):
            out.append(s)
    # Ex) "25.6% of the 43 firms"
    if i >= 1:
        s = qs[i - 1]
        if s.kind == "percent" and s.qualifier is None and _EN_PCT_OF.match(text[s.end:n.start]) and n.noun:
            out.append(s)
    return out


def _judge(n: Quantity, s: Quantity) -> Iterator[Check | Finding]:
    size = int(n.point)
    lo, hi = s.value.lo, s.value.hi
    if lo is None or hi is None:
        return
    k_lo = max(0, math.ceil(lo * size / 100))
    k_hi = min(size, math.floor(hi * size / 100))
    digits = decimals_of(s)
    if k_lo <= k_hi:
        k = k_lo
        yield Check(ID, s.start, s.end, "passed", show(s), f"{fmt(k * 100 / __import__('fractions').Fraction(size), digits)}%",
                    f"{k} of {size}")
        return
    below = math.floor(lo * size / 100)
    above = below + 1
    from fractions import Fraction
    p_below = Fraction(below * 100, size)
    p_above = Fraction(above * 100, size)
    msg = (f"stated {show(s)} of a group of {size} ({show(n)}), but no whole number of them gives it: "
           f"{below} of {size} = {fmt(p_below, digits + 2)}% and {above} of {size} = {fmt(p_above, digits + 2)}%; "
           f"{show(s)} needs a group size other than {size}, or the share is "
           f"{fmt(p_below, digits)}% or {fmt(p_above, digits)}%")
    exp = f"{fmt(p_below, digits)}% or {fmt(p_above, digits)}%"
    yield Check(ID, s.start, s.end, "failed", show(s), exp, msg)
    yield Finding(ID, SEVERITY, msg, s.start, s.end, show(s), exp,
                  (("group", show(n)), ("nearest_below", f"{below}/{size}"), ("nearest_above", f"{above}/{size}")),
                  (Related("group", show(n), n.start, n.end),))
