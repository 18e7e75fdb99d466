"""A part is stated as larger than the whole it belongs to.

What it does:
    Finds a whole and a part of it written as such and reports a part that no value inside
    both intervals can keep below its whole:

    - "其中": "全年固定资产投资1250亿元，其中民间投资680亿元" (the whole is the nearest figure of
      the same kind before 其中 in the sentence, or in the sentence just before when the new one
      opens with 其中; each clause after 其中 contributes its first figure of that kind);
    - "N个X中": "全市37个工业行业大类中，33个行业增加值增长";
    - "of which" / "including" / "of whom": "a total of $5.2bn, of which $3.1bn …";
    - "Of the 1,090 villages, 743 …"; "743 of the 1,090 villages"; "743 out of 1,090".

    Only a whole and a part of the same kind are compared: amounts of the same currency, or
    counts with the same measure word (个 with 个, 名 with 名) or, in English, of the same noun.
    A whole written as a lower bound ("超过1.3万亿元", "more than 2,000") has no ceiling and
    is never exceeded.

Why it matters:
    A part larger than its whole is impossible whatever the rounding; it is usually a digit
    slip or a part copied from another year, and the reader cannot trust either figure.

Example (fails):
    全年完成固定资产投资1250亿元，增长6.2%；其中民间投资1380亿元，增长3.1%。

Use instead (passes):
    全年完成固定资产投资1250亿元，增长6.2%；其中民间投资680亿元，增长3.1%。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lazyre import lazy_compile

from ..model import Check, Finding, Quantity, Related
from .base import Context
from .sum_of_parts import render

ID = "subset-bound"
SEVERITY = "error"

_ZH_STOP = "，。；：！？,;:\n"
# Words that make the figure a change, a comparison or a knock-on amount, not a part.
# Ex) "其中…比上年增加20亿元" "其中…带动社会投资300亿元"
_NOT_PART = lazy_compile(r"增加|减少|增长|下降|提高|降低|带动|拉动|撬动|吸引|比|较|超|高出|多出|少|差距|相当于|达到了?$")
# The figure before 其中 is a change, a floor, or what each of several reached — not a whole.
# Ex) "比上年增加120亿元" "都超过了1.3万亿元" "均突破1000家"
_NOT_WHOLE = lazy_compile(r"(?:增加|减少|增长|下降|提高|降低|扩大|缩小|多|少|高出|超出|超过|超|突破|逾|多于|高于|"
                           r"不少于|不低于|至少)(?:了)?(?:约)?$|[都均各]|带动|拉动|撬动|吸引|节约")


def _same(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "amount":
        return a.unit == b.unit
    if a.kind == "count":
        return bool(a.classifier) and a.classifier == b.classifier
    if a.kind == "measure":
        return a.unit == b.unit
    return False


def _clause_before(ctx: Context, q: Quantity, limit: int = 30) -> str:
    seg = ctx.text[max(0, q.start - limit):q.start]
    cut = max(seg.rfind(c) for c in _ZH_STOP)
    return seg[cut + 1:]


def _judge(whole: Quantity, part: Quantity, how: str) -> Iterator[Check | Finding]:
    if whole.value.hi is None or part.value.lo is None:
        return
    stated = part.text.strip()
    if part.value.lo <= whole.value.hi:
        yield Check(ID, part.start, part.end, "passed", stated, f"at most {whole.text.strip()}",
                    f"{how}: {stated} ≤ {whole.text.strip()}")
        return
    over = part.value.lo - whole.value.hi
    msg = (f"{how}: the part {stated} is larger than its whole {whole.text.strip()} "
           f"(by at least {render(over, part)}); either the part would have to be at most "
           f"{whole.text.strip()} or the whole at least {stated}")
    evidence = (("part", stated), ("whole", whole.text.strip()), ("excess", render(over, part)))
    related = (Related("whole", whole.text.strip(), whole.start, whole.end),)
    yield Check(ID, part.start, part.end, "failed", stated, f"at most {whole.text.strip()}", msg)
    yield Finding(ID, SEVERITY, msg, part.start, part.end, stated, f"at most {whole.text.strip()}",
                  evidence, related)


_ZH_OF_WHICH = lazy_compile(r"其中")


# ---------------------------------------------------------------------------------------------
def _zh_qizhong(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _ZH_OF_WHICH.finditer(text):
        s0, s1 = ctx.sentence_of(m.start())
        w0 = s0
        if not text[s0:m.start()].strip(" \u3000，,"):
            # Ex) "…32878.4亿元，同增17.1%。其中，出口…": the whole is in the sentence before
            w0, _ = ctx.sentence_of(max(0, s0 - 1))
        l0 = text.rfind("\n", 0, m.start()) + 1
        w0 = max(w0, l0)
        # the parts: the first figure of each clause after 其中, up to the sentence's end
        parts: list[Quantity] = []
        last_cut = m.end()
        for q in ctx.between(m.end(), s1):
            if q.kind not in ("amount", "count", "measure"):
                continue
            seg = text[last_cut:q.start]
            if parts and not any(c in seg for c in "，；、,;"):
                continue  # not the first figure of its clause
            clause = _clause_before(ctx, q)
            last_cut = q.end
            if _NOT_PART.search(clause) or "其中" in text[m.end():q.start] and parts and \
                    text.find("其中", m.end(), q.start) != -1:
                continue
            parts.append(q)
        if not parts:
            continue
        for part in parts:
            wholes = [q for q in ctx.between(w0, m.start()) if _same(q, part)
                      and not _NOT_WHOLE.search(_clause_before(ctx, q))]
            if not wholes:
                continue
            whole = wholes[-1]
            if whole.qualifier == "lower":
                continue
            # 其中 usually belongs to the nearest figure; when an earlier one could hold the part,
            # the reading is uncertain and nothing is said.
            # Ex) "完成投资1250亿元，带动社会投资380亿元，其中民间投资680亿元"
            if part.value.lo is not None and any(w.value.hi is None or part.value.lo <= w.value.hi
                                                 for w in wholes[:-1]):
                if part.value.lo > whole.value.hi:
                    continue
            yield from _judge(whole, part, "其中")


# Ex) "全市37个工业行业大类中，33个行业…" "在已发布业绩预告的14只券商股中，有8只…"


_ZH_AMONG_AFTER = lazy_compile(r"[\p{Han}A-Za-z]{0,12}?中[，,]")


def _zh_among(ctx: Context) -> Iterator[Check | Finding]:
    qs = ctx.quantities
    text = ctx.text
    for whole in qs:
        if whole.lang != "zh" or whole.kind != "count" or not whole.classifier:
            continue
        # the whole is followed by its noun and 中: "37个工业行业大类中，"
        m = _ZH_AMONG_AFTER.match(text[whole.end:whole.end + 16])
        if not m:
            continue
        s0, s1 = ctx.sentence_of(whole.start)
        after = whole.end + m.end()
        for q in ctx.between(after, s1):
            if q.kind in ("percent", "pp"):
                continue
            if not _same(q, whole) or q.qualifier == "lower" and q.value.lo is None:
                continue
            clause = _clause_before(ctx, q)
            if _NOT_PART.search(clause):
                continue
            yield from _judge(whole, q, "N个…中")


# ---------------------------------------------------------------------------------------------
# Ex) "$5.2bn, of which " "1,200 staff (including " "4,310 people, of whom "
_EN_SUB = lazy_compile(
    r"(?i)(?:\s+[A-Za-z-]+){0,3}(?:,\s*|\s*\(\s*|\s*[—–-]\s*)(?:of\s+which|of\s+whom|including)\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+)?")
_EN_OF_THE = lazy_compile(r"(?i)^\s*(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$")
_EN_OF_OPEN = lazy_compile(r"(?i)(?:^|[.;]\s+)(?:Of|Out\s+of)\s+(?:the\s+|all\s+|its\s+|their\s+)?$")


def _en_noun(q: Quantity) -> str:
    w = q.noun.split()[-1] if q.noun else ""
    return w[:-1] if w.endswith("s") else w


_EN_WORDS_COMMA = lazy_compile(r"(?:\s+[A-Za-z'’-]+){1,4},\s+")


def _en(ctx: Context) -> Iterator[Check | Finding]:
    qs = ctx.quantities
    text = ctx.text
    for i, q in enumerate(qs):
        if q.lang != "en" or q.kind not in ("amount", "count", "number"):
            continue
        s0, s1 = ctx.sentence_of(q.start)
        # Ex) "$5.2bn, of which $3.1bn" "1,200 staff (including 300 engineers)"
        if i >= 1 and qs[i - 1].start >= s0:
            w = qs[i - 1]
            gap = text[w.end:q.start]
            if _EN_SUB.fullmatch(gap):
                if _comparable(w, q):
                    yield from _judge(w, q, "of which")
                continue
        # Ex) "743 of the 1,090 villages" "3 out of 5"
        if i + 1 < len(qs) and qs[i + 1].start < s1 and _EN_OF_THE.match(text[q.end:qs[i + 1].start]):
            w = qs[i + 1]
            if _comparable(w, q, of_the=True):
                yield from _judge(w, q, "N of the M")
            continue
        # Ex) "Of the 1,090 villages, 743 …"
        m = _EN_OF_OPEN.search(text, max(s0, q.start - 20), q.start)
        if m and q.kind in ("count", "number"):
            nxt = [x for x in qs[i + 1:i + 3] if x.start < s1]
            if nxt and _EN_WORDS_COMMA.fullmatch(text[q.end:nxt[0].start]):
                part = nxt[0]
                if _comparable(q, part, of_the=True):
                    yield from _judge(q, part, "of the")


def _comparable(whole: Quantity, part: Quantity, of_the: bool = False) -> bool:
    if whole.kind == "amount" or part.kind == "amount":
        return whole.kind == part.kind and whole.unit == part.unit
    if whole.kind not in ("count", "number") or part.kind not in ("count", "number"):
        return False
    if whole.kind == "number" and part.kind == "number":
        return of_the
    a, b = _en_noun(whole), _en_noun(part)
    if b in ("out", "of"):
        b = ""  # Ex) "312 out of 280": the part's noun is the whole's
    if of_the:
        return not b or not a or a == b
    return bool(a) and a == b


def check(ctx: Context) -> Iterator[Check | Finding]:
    yield from _zh_qizhong(ctx)
    yield from _zh_among(ctx)
    yield from _en(ctx)
