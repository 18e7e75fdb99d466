"""A word that states a size (过半, 近四成, "the majority", "doubled") disagrees with the numbers it describes.

What it does:
    Finds a size word and the exact figure it describes, when that figure is written right
    next to it, and checks the word against the figure:

    - a share word next to an exact share: "过半（52.3%）", "超过三成，达31.2%",
      "近四成（38.5%）", "约四分之一（24.6%）", "more than half (52.3%)", "nearly half, or
      48.5%,";
    - a share word next to a count, with the whole stated in the same sentence:
      "全州1090个村中，过半（586个）…" (586 / 1090), "743 of the 1,090 villages, more than
      half, …";
    - "doubled" / "tripled" / "quadrupled" / "halved" (and "more than doubled", "nearly
      doubled") next to "from A to B".

    The words are read as: 过半 / 超过一半 / 一半以上 / 大多数 / "more than half" / "the
    majority" — above 50%; 近半 / "nearly half" — at most 50%; 超过N成 / N成以上 — at least
    N×10%; 近N成 — at most N×10%; 约N成 / 约N分之一 / "about half" — near it (±5 points, a
    warning); doubled — about 2× (1.8–2.2×), "more than doubled" — at least 2×.  Figures are
    intervals (52.3% is 52.25–52.35%), so only a figure that cannot fit the word is reported.

Why it matters:
    "超过三成" over a figure of 28.6% is a claim the sentence refutes itself; readers quote
    the word, not the decimal.

Example (fails):
    全省规模以上工业企业中，实现盈利增长的超过三成，达28.6%。

Use instead (passes):
    全省规模以上工业企业中，实现盈利增长的超过三成，达31.2%。

A share word whose figure is not right next to it is left alone: the word may describe
another group than the nearest number ("多数地区", "most analysts").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, show

ID = "quantifier-wording"
SEVERITY = "error"

INF = None
_F = Fraction


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    lo: Fraction | None      # the share (percent) the word allows
    hi: Fraction | None
    strict_lo: bool          # "过半": 50% itself is not enough
    severity: str


# Ex) "过半" "超过一半" "一半以上" "半数以上" "大多数" "近半" "约一半"
_ZH_WORDS = lazy_compile(
    r"(?P<gt>过半数|过半|逾半数|逾半|超过一半|超过半数|超半数|一半以上|半数以上|大多数|绝大多数|大部分|绝大部分)"
    r"|(?P<near>将近一半|接近一半|近一半|近半数|近半)"
    r"|(?P<about>约一半|大约一半|一半左右|约占一半|约半数)"
    r"|(?P<lt>不到一半|不足一半|少于一半|少数)")
_EN_WORDS = lazy_compile(
    r"\b(?P<gt>more\s+than\s+half|over\s+half|well\s+over\s+half|the\s+majority|a\s+majority|the\s+vast\s+majority)"
    r"|\b(?P<near>nearly\s+half|almost\s+half|close\s+to\s+half|just\s+under\s+half)"
    r"|\b(?P<about>about\s+half|around\s+half|roughly\s+half|approximately\s+half)"
    r"|\b(?P<lt>less\s+than\s+half|fewer\s+than\s+half|under\s+half|a\s+minority)\b",
    regex.IGNORECASE)

# Ex) "（52.3%）" "，达31.2%" "，占比为38.5%" "(52.3%)" ", or 48.5%,"
_ZH_NEXT = lazy_compile(r"[（(]|[，,]?(?:占比|比重|比例|占)?(?:为|达到|达|是|约为|约)?")
_EN_NEXT = lazy_compile(r"\s*(?:\(|,\s*or\s+|—\s*|–\s*|-\s+)")
# Ex) "52.3%，过半" "48.5%, nearly half"
_ZH_PREV = lazy_compile(r"[，,、]\s*$|[（(]\s*$")
_EN_PREV = lazy_compile(r"(?:,|\(|—|–)\s*(?:or\s+)?$")

# A whole in the same sentence: "全州1090个村中" "共1090个" "在1090个村中" "of the 1,090"
_ZH_WHOLE_AFTER = lazy_compile(r"^[\p{Han}]{0,6}?(?:中|之中|当中|里)")
_ZH_WHOLE_BEFORE = lazy_compile(r"(?:全[州省市县区国]|共有|共计|总计|合计|共|总数|在)$")
_EN_OF = lazy_compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$",
                       regex.IGNORECASE)

# "doubled from $2.1bn to $4.3bn" "more than doubled to 4,300 from 2,100" "halved"
_EN_MULT = lazy_compile(
    r"\b(?P<q>more\s+than\s+|nearly\s+|almost\s+|roughly\s+|about\s+)?"
    r"(?P<v>doubled|tripled|trebled|quadrupled|halved|doubling|tripling|quadrupling|halving)\b",
    regex.IGNORECASE)
_MULT = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "halv": Fraction(1, 2)}


def _word_interval(kind: str, text: str) -> tuple[Fraction | None, Fraction | None, bool, str]:
    if kind == "gt":
        return _F(50), None, not text.endswith("以上"), "error"
    if kind == "near":
        return _F(0), _F(50), False, "error"
    if kind == "about":
        return _F(40), _F(60), False, "warning"
    return _F(0), _F(50), True, "error"


def _words(ctx: Context) -> list[Word]:
    out = []
    for pat in (_ZH_WORDS, _EN_WORDS):
        for m in pat.finditer(ctx.text):
            kind = m.lastgroup
            lo, hi, strict, sev = _word_interval(kind, m.group())
            out.append(Word(m.start(), m.end(), m.group(), lo, hi, strict, sev))
    # Ex) "超过三成" "近四成" "约四分之一" "三分之二以上" — numeric share words with a qualifier
    for q in ctx.quantities:
        if q.kind != "percent" or q.qualifier is None:
            continue
        t = q.text
        if not ("成" in t or "分之" in t or "半" in t):
            continue
        base = _base_share(q)
        if base is None:
            continue
        start = q.start
        pre = ctx.text[max(0, q.start - 3):q.start]
        for w in ("超过", "将近", "接近", "大约", "约为", "约", "近", "逾", "超", "不到", "不足"):
            if pre.endswith(w):
                start = q.start - len(w)
                break
        if q.qualifier == "lower":
            out.append(Word(start, q.end, ctx.text[start:q.end], base, None, False, "error"))
        elif q.qualifier == "upper":
            out.append(Word(start, q.end, ctx.text[start:q.end], _F(0), base, False, "error"))
        elif q.qualifier == "approx" and q.value.bounded:
            out.append(Word(start, q.end, ctx.text[start:q.end], q.value.lo, q.value.hi, False, "warning"))
    out.sort(key=lambda w: w.start)
    return out


def _base_share(q: Quantity) -> Fraction | None:
    """The share a word names, exactly.  Ex) "三成" → 30, "四分之一" → 25."""
    t = q.numeral or q.text
    if "分之" in t or "成" in q.text:
        return q.point
    return None


def _exact_share(q: Quantity) -> bool:
    return q.kind == "percent" and q.qualifier is None and not any(c in q.text for c in "成分半")


def _adjacent_share(ctx: Context, w: Word) -> Quantity | None:
    text = ctx.text
    s0, s1 = ctx.sentence_of(w.start)
    after = [q for q in ctx.between(w.end, s1) if q.start >= w.end]
    before = [q for q in ctx.between(s0, w.start) if q.end <= w.start]
    zh = not w.text.isascii()
    nxt = _ZH_NEXT if zh else _EN_NEXT
    if after:
        q = after[0]
        gap = text[w.end:q.start]
        m = nxt.fullmatch(gap)
        if m and _exact_share(q) and len(gap) <= 6:
            return q
    if before:
        q = before[-1]
        gap = text[q.end:w.start]
        prev = _ZH_PREV if zh else _EN_PREV
        if _exact_share(q) and prev.search(gap) and len(gap) <= 4:
            return q
    return None


_PAREN_GAP = lazy_compile(r"[（(]|,?\s*\(?")
_SEP_GAP = lazy_compile(r"[\p{Han}]{0,2}[，,、]\s*|,\s*|\s*[—–]\s*")
_EN_OF_THE_END = lazy_compile(r"\b(?:of|out\s+of)\s+(?:the\s+)?$", regex.I)


def _adjacent_count(ctx: Context, w: Word) -> tuple[Quantity, Quantity] | None:
    """A part right next to the word and a whole of the same things earlier in the sentence."""
    text = ctx.text
    s0, s1 = ctx.sentence_of(w.start)
    zh = not w.text.isascii()
    part = None
    after = [q for q in ctx.between(w.end, s1) if q.start >= w.end]
    before = [q for q in ctx.between(s0, w.start) if q.end <= w.start]
    kinds = ("count",) if zh else ("count", "number")
    if after and after[0].kind in kinds and _PAREN_GAP.fullmatch(text[w.end:after[0].start]):
        part = after[0]
    elif before and before[-1].kind in kinds and len(text[before[-1].end:w.start]) <= 4 \
            and _SEP_GAP.fullmatch(text[before[-1].end:w.start]):
        part = before[-1]
    if part is None or not part.exact:
        return None
    for q in ctx.between(s0, s1):
        if q is part or not q.exact or q.start > part.start or q.kind not in ("count", "number"):
            continue
        if (zh and (q.kind != "count" or q.classifier != part.classifier)) or (q.value.lo or 0) <= (part.value.hi or 0):
            continue
        if zh:
            if _ZH_WHOLE_AFTER.match(text[q.end:q.end + 8]) or _ZH_WHOLE_BEFORE.search(text[max(0, q.start - 4):q.start]):
                return part, q
        else:
            if _EN_OF.match(text[part.end:q.start]) or \
                    _EN_OF_THE_END.search(text[max(0, q.start - 12):q.start]):
                return part, q
    return None


def _judge(ctx: Context, w: Word, share: Interval, stated_by: str, related: tuple[Related, ...]):
    lo_ok = w.lo is None or (share.hi is not None and (share.hi > w.lo if w.strict_lo else share.hi >= w.lo))
    hi_ok = w.hi is None or (share.lo is not None and share.lo <= w.hi)
    bounds = _bounds(w)
    if lo_ok and hi_ok:
        yield Check(ID, w.start, w.end, "passed", w.text, stated_by, f"{stated_by} is {bounds}")
        return
    msg = (f"stated {w.text} ({bounds}) but {stated_by}, which is {_pct(share)}; for the wording to "
           f"hold the figure would be {bounds}, or the word would match {_pct(share)}")
    yield Check(ID, w.start, w.end, "failed", w.text, _pct(share), msg)
    yield Finding(ID, w.severity, msg, w.start, w.end, w.text, _pct(share),
                  (("figure", stated_by), ("allowed", bounds)), related)


def _bounds(w: Word) -> str:
    if w.hi is None:
        return f"{'above' if w.strict_lo else 'at least'} {fmt(w.lo)}%"
    if w.lo is None or w.lo == 0:
        return f"{'below' if w.strict_lo else 'at most'} {fmt(w.hi)}%"
    return f"{fmt(w.lo, 1)}–{fmt(w.hi, 1)}%"


def _pct(iv: Interval) -> str:
    if iv.lo is None or iv.hi is None:
        return str(iv)
    a, b = fmt(iv.lo, 2).rstrip("0").rstrip("."), fmt(iv.hi, 2).rstrip("0").rstrip(".")
    return f"{a}%" if a == b else f"{a}–{b}%"


_EN_FROM_GAP = lazy_compile(r"\s+(?:from|since)\s+")
_EN_THEN_TO_GAP = lazy_compile(r",?\s+(?:[a-z]+\s+){0,2}?to\s+")
_EN_TO_GAP = lazy_compile(r"\s+to\s+")
_EN_THEN_FROM_GAP = lazy_compile(r",?\s+(?:[a-z]+\s+){0,2}?from\s+")


def _multiples(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _EN_MULT.finditer(text):
        s0, s1 = ctx.sentence_of(m.start())
        after = [q for q in ctx.between(m.end(), min(s1, m.end() + 60)) if q.kind in ("amount", "count", "number", "measure")]
        pair = None
        if len(after) >= 2:
            a, b = after[0], after[1]
            g1, g2 = text[m.end():a.start], text[a.end:b.start]
            if len(g1) > 12 or len(g2) > 30:
                continue
            # Ex) "doubled from $2.1bn to $4.3bn" "more than doubled to 3,300 units from 2,100"
            if _EN_FROM_GAP.fullmatch(g1) and _EN_THEN_TO_GAP.fullmatch(g2):
                pair = (a, b)
            elif _EN_TO_GAP.fullmatch(g1) and _EN_THEN_FROM_GAP.fullmatch(g2):
                pair = (b, a)
        if pair is None:
            continue
        old, new = pair
        family = {"count": "n", "number": "n"}
        if family.get(old.kind, old.kind) != family.get(new.kind, new.kind) or old.unit != new.unit or not old.value.bounded or not new.value.bounded \
                or old.value.lo <= 0:
            continue
        ratio = new.value / old.value
        stem = next(k for k in _MULT if m.group("v").lower().startswith(k))
        factor = Fraction(_MULT[stem])
        qual = (m.group("q") or "").strip().lower()
        if qual == "more than":
            lo, hi, sev = factor, None, "error"
        elif qual in ("nearly", "almost"):
            lo, hi, sev = factor * Fraction(3, 4), factor, "error"
        else:
            lo, hi, sev = factor * Fraction(9, 10), factor * Fraction(11, 10), "error"
        ok = (ratio.hi >= lo) and (hi is None or ratio.lo <= hi)
        word = m.group().strip()
        span = (m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
        want = f"at least {fmt(lo, 2)}×" if hi is None else f"{fmt(lo, 2)}–{fmt(hi, 2)}×"
        a, b = fmt(ratio.lo, 2), fmt(ratio.hi, 2)
        got = f"{a}×" if a == b else f"{a}–{b}×"
        if ok:
            yield Check(ID, span[0], span[1], "passed", word, got, f"{show(new)} / {show(old)} = {got}")
            continue
        need = old.point * factor / Fraction(10) ** old.scale
        msg = (f"stated {word} ({want}) but {show(old)} to {show(new)} is {got}; for the wording to hold "
               f"the new value would be {'at least ' if hi is None else 'about '}{fmt(factor, 2)}× {show(old)} "
               f"(≈{fmt(need, 2)} in the unit of {show(old)}), or the word would describe {got}")
        yield Check(ID, span[0], span[1], "failed", word, got, msg)
        yield Finding(ID, sev, msg, span[0], span[1], word, got, (("from", show(old)), ("to", show(new))),
                      (Related("from", show(old), old.start, old.end), Related("to", show(new), new.start, new.end)))


def check(ctx: Context) -> Iterator[Check | Finding]:
    hundred = Interval.exact(100)
    for w in _words(ctx):
        q = _adjacent_share(ctx, w)
        if q is not None:
            yield from _judge(ctx, w, q.value, show(q), (Related("figure", show(q), q.start, q.end),))
            continue
        pc = _adjacent_count(ctx, w)
        if pc is not None:
            part, whole = pc
            share = part.value / whole.value * hundred
            yield from _judge(ctx, w, share, f"{show(part)} of {show(whole)}",
                              (Related("part", show(part), part.start, part.end),
                               Related("total", show(whole), whole.start, whole.end)))
    yield from _multiples(ctx)
