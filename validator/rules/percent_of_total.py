"""A part's stated share of a whole disagrees with the part and the whole stated in the text.

What it does:
    Finds a count and its share ("收入5万元以上的村743个、占66.8%"; "743 (66.8%) of the 1,090
    villages") and the whole the share is of: the total named in the same phrase ("of the 1,090
    villages"), or a total of the same things stated elsewhere with 全州/全省/共/total/all.
    The share is checked with interval arithmetic: 66.8% stands for 66.75–66.85%, so the
    sentence fails only when no part and whole that would be written that way give that share.

Why it matters:
    A share that does not match its own count is the most common arithmetic slip in reports,
    and the reader cannot tell which of the three numbers is wrong.  The message says what each
    number would have to be for the sentence to hold.

Example (fails):
    全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占66.8%。

Use instead (passes):
    全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占68.2%。

Only shares of the same kind of thing are checked (the same measure word and noun, or the same
currency); when the base of a share is named as something else (占全省GDP的38%) and that base
is not in the text, nothing is said.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, decimals_of, integers_in, num, range_text, show

ID = "percent-of-total"
SEVERITY = "error"

# Ex) "占66.8%" "占比为46%" "占全州村总数的66.8%" "占总数的"
_ZH_SHARE = regex.compile(
    r"占(?:比|比重|比例)?(?P<gap>(?:全[州省市县区国镇乡部]|[\p{Han}]{0,6}?总数|总量|总额|总体|全部|所有)?)"
    r"(?:的)?(?:比重|比例)?(?:为|达到|达|约为|约)?$")
# Ex) "743个、" "743个，" — what may stand between the part and 占
_ZH_PART_GAP = regex.compile(r"^(?:[、，,]|，共|，其中)?$")
_ZH_WHOLE_MARK = regex.compile(r"(?:全[州省市县区国镇乡]|共有|共计|总计|合计|共|所有|全部|全体|总共)$")

# Ex) "743 (66.8%)" "743, or 66.8%," "743 villages (66.8%" "743 villages, or about"
_EN_PART_GAP = regex.compile(
    r"^(?:\s+[A-Za-z-]+){0,3}\s*(?:\(|,?\s+or\s+|,?\s+representing\s+|,?\s+accounting\s+for\s+|,?\s+i\.e\.\s+|\s*[—–]\s*|,\s+)$")
# Ex) ") of the 1,090" ", of all" " of the"
_EN_OF = regex.compile(r"^\)?,?\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+|its\s+|their\s+)?$")
_EN_OF_START = regex.compile(r"^\W*(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$", regex.IGNORECASE)
_EN_WHOLE_MARK = regex.compile(r"(?:total\s+of|all|in\s+all|altogether|overall|whole)\s+$", regex.IGNORECASE)


def _same_thing(part: Quantity, whole: Quantity) -> bool:
    if part.kind != whole.kind:
        return False
    if part.kind == "amount":
        return part.unit == whole.unit
    if part.kind != "count" or part.classifier != whole.classifier:
        return False
    a = part.noun or part.noun_before
    b = whole.noun or _strip_mark(whole.noun_before)
    if not a or not b:
        return False
    return b.startswith(a) or a.startswith(b) or a.endswith(b)


def _strip_mark(s: str) -> str:
    m = _ZH_WHOLE_MARK.search(s)
    return "" if m else s


def _marked(ctx: Context, q: Quantity) -> bool:
    before = ctx.text[max(0, q.start - 4):q.start]
    if q.lang == "en":
        return bool(_EN_WHOLE_MARK.search(ctx.text[max(0, q.start - 20):q.start]))
    return bool(_ZH_WHOLE_MARK.search(before))


def _en_noun_key(q: Quantity) -> str:
    w = q.noun.split()[-1] if q.noun else ""
    return w[:-1] if w.endswith("s") else w


def check(ctx: Context) -> Iterator[Check | Finding]:
    qs = ctx.quantities
    for i, share in enumerate(qs):
        if share.kind != "percent" or share.qualifier == "approx" and share.value.hi is None:
            continue
        found = _zh_pair(ctx, i) if share.lang == "zh" else _en_pair(ctx, i)
        if found is None:
            continue
        part, wholes, explicit = found
        yield from _judge(ctx, share, part, wholes, explicit)


def _zh_pair(ctx: Context, i: int):
    qs, text = ctx.quantities, ctx.text
    share = qs[i]
    m = _ZH_SHARE.search(text, max(0, share.start - 16), share.start)
    if not m or i == 0:
        return None
    part = qs[i - 1]
    if part.kind not in ("count", "amount") or part.end > m.start():
        return None
    if not _ZH_PART_GAP.match(text[part.end:m.start()]):
        return None
    s0, _ = ctx.sentence_of(share.start)
    wholes = [q for q in qs if q is not part and q.kind == part.kind and _same_thing(part, q)
              and q.value.hi is not None and part.value.lo is not None and q.value.hi >= part.value.lo]
    marked = [q for q in wholes if _marked(ctx, q)]
    # The strongest base: a marked whole in the same sentence, before the part.
    same_sentence = [q for q in marked if s0 <= q.start < part.start]
    return part, wholes, (same_sentence or marked)


def _en_pair(ctx: Context, i: int):
    qs, text = ctx.quantities, ctx.text
    share = qs[i]
    s0, s1 = ctx.sentence_of(share.start)
    part = whole = None
    # Ex) "743 (66.8%) of the 1,090 villages" / "743 villages, or 66.8%, of the 1,090"
    if i >= 1 and qs[i - 1].start >= s0 and qs[i - 1].kind in ("count", "number", "amount") \
            and _EN_PART_GAP.match(text[qs[i - 1].end:share.start]):
        part = qs[i - 1]
        if i + 1 < len(qs) and qs[i + 1].start < s1 and _EN_OF.match(text[share.end:qs[i + 1].start]):
            whole = qs[i + 1]
    # Ex) "743 of the 1,090 villages (66.8%)"
    if part is None and i >= 2 and qs[i - 2].start >= s0 \
            and _EN_OF.match(" " + text[qs[i - 2].end:qs[i - 1].start].lstrip(" ,)")) \
            and regex.match(r"^(?:\s+[A-Za-z-]+){0,3}\s*\($", text[qs[i - 1].end:share.start]):
        part, whole = qs[i - 2], qs[i - 1]
    if part is None:
        return None
    # Ex) "Of the 1,090 villages, 743 (66.8%) …"
    if whole is None:
        for q in ctx.between(s0, part.start):
            if _EN_OF_START.match(text[s0:q.start]):
                whole = q
                break
    if whole is None:
        return None
    if whole.kind not in ("count", "number", "amount") or (part.kind == "amount") != (whole.kind == "amount"):
        return None
    if part.kind == "amount" and part.unit != whole.unit:
        return None
    return part, [whole], [whole]


def _judge(ctx: Context, share: Quantity, part: Quantity, wholes: list[Quantity],
           explicit: list[Quantity]) -> Iterator[Check | Finding]:
    hundred = Interval.exact(100)
    digits = decimals_of(share)
    for w in wholes + [q for q in explicit if q not in wholes]:
        computed = part.value / w.value * hundred
        if computed.intersects(share.value):
            yield Check(ID, share.start, share.end, "passed", show(share),
                        f"{fmt(_mid(computed), digits)}%",
                        f"{num(part)} / {num(w)} = {range_text(computed, digits + 1)}%")
            return
    totals = {w.point for w in explicit}
    if len(totals) != 1:  # no stated whole, or
        return  # several different totals of the same thing: the base is unclear
    whole = explicit[0]
    computed = part.value / whole.value * hundred
    point = part.point / whole.point * 100
    need_part = share.value * whole.value / hundred
    need_whole = part.value / share.value * hundred
    gap = computed.gap(share.value)
    expected = f"{fmt(point, digits)}%"
    part_need = integers_in(need_part) if part.exact else range_text(need_part, 1)
    whole_need = integers_in(need_whole) if whole.exact else range_text(need_whole, 1)
    msg = (f"stated {show(share)} but {num(part)} / {num(whole)} = {fmt(point, digits + 2)}% "
           f"(≈{expected}; {range_text(computed, digits + 1)}% within rounding), off by at least "
           f"{fmt(gap, digits + 1)} percentage points; for {show(share)} to hold, the part would be "
           f"{part_need} of {num(whole)}, or {num(part)} would be {show(share)} of {whole_need}")
    evidence = (("part", num(part)), ("total", num(whole)), ("computed", expected),
                ("computed_range", f"{range_text(computed, digits + 1)}%"),
                ("part_for_stated", part_need), ("total_for_stated", whole_need),
                ("gap_pp", fmt(gap, digits + 1)))
    related = (Related("part", num(part), part.start, part.end),
               Related("total", num(whole), whole.start, whole.end))
    yield Check(ID, share.start, share.end, "failed", show(share), expected, msg)
    yield Finding(ID, SEVERITY, msg, share.start, share.end, show(share), expected, evidence, related)


def _mid(iv: Interval):
    return (iv.lo + iv.hi) / 2
