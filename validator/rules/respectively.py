"""分别 / "respectively" pairs lists of different lengths.

What it does:
    For each 分别 (or "respectively"), counts the values that follow it ("分别提高到89%、85%")
    and the names they belong to, listed before it in the same sentence ("非公企业和社会组织";
    "A、B、C"; "exports and imports"), and reports a mismatch.  Names found in the same clause
    and separated by 、 or commas give an error; names found only by 和/and or in an earlier
    clause give a warning, because that reading of the sentence is less certain.

Why it matters:
    When one name or one value goes missing in an edit, every pair after it is shifted and the
    reader attributes the wrong figure to the wrong subject.

Example (fails):
    广东、江苏、山东三省新能源汽车产量分别增长1.2倍、50.4%。

Use instead (passes):
    广东、江苏、山东三省新能源汽车产量分别增长1.2倍、50.4%和32%。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import Check, Finding, Quantity, Related
from .base import Context

ID = "respectively"
SEVERITY = "error"

_ZH_MARK = regex.compile(r"分别")
_EN_MARK = regex.compile(r"\brespectively\b", regex.IGNORECASE)
_ZH_VALUE_SEP = regex.compile(r"^(?:、|和|及|与|以及|，|,)$")
_EN_VALUE_SEP = regex.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$")
_ZH_CLAUSE = regex.compile(r"[，,；;：:]")
_ZH_JOIN = regex.compile(r"和|与|及")
# Ex) "7、8、9月" — a list of months counts as names too
_EN_NAME_SPLIT = regex.compile(r",\s*(?:and\s+)?|\s+and\s+")


def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _ZH_MARK.finditer(text):
        values = _values_after(ctx, m.end(), "zh")
        if len(values) < 2:
            continue
        names = _zh_names(ctx, m.start())
        if names is None:
            continue
        yield from _judge(values, *names)
    for m in _EN_MARK.finditer(text):
        values = _values_before(ctx, m.start())
        if len(values) < 2:
            continue
        names = _en_names(ctx, values[0].start)
        if names is None:
            continue
        yield from _judge(values, *names)


def _values_after(ctx: Context, pos: int, lang: str) -> list[Quantity]:
    _, s1 = ctx.sentence_of(pos)
    qs = ctx.between(pos, s1)
    if not qs or qs[0].start - pos > 8 or _ZH_CLAUSE.search(ctx.text, pos, qs[0].start):
        return []
    out = [qs[0]]
    for q in qs[1:]:
        gap = ctx.text[out[-1].end:q.start]
        if q.kind != out[0].kind and not {q.kind, out[0].kind} <= {"percent", "multiple"}:
            break
        if not _ZH_VALUE_SEP.match(gap):
            break
        if gap in "，," and q.kind != out[0].kind:
            break
        out.append(q)
    return out


def _values_before(ctx: Context, pos: int) -> list[Quantity]:
    s0, _ = ctx.sentence_of(pos)
    qs = ctx.between(s0, pos)
    if not qs or not regex.match(r"^[\s,]*$", ctx.text[qs[-1].end:pos]):
        return []
    out = [qs[-1]]
    for q in reversed(qs[:-1]):
        if not _EN_VALUE_SEP.match(ctx.text[q.end:out[-1].start]):
            break
        out.append(q)
    return out[::-1]


def _zh_names(ctx: Context, mark: int):
    s0, _ = ctx.sentence_of(mark)
    head = ctx.text[s0:mark]
    clauses = _ZH_CLAUSE.split(head)
    for depth, clause in enumerate(reversed(clauses[-2:])):
        if "、" in clause:
            # Ex) "广东、江苏、山东三省…" — the names end where the list ends
            parts = clause.split("、")
            last = parts[-1]
            j = _ZH_JOIN.search(last)
            if j and j.start() > 0:
                parts[-1:] = [last[:j.start()], last[j.end():]]
            confident = depth == 0
            return parts, confident, clause
        if depth == 1 or "和" in clause or "与" in clause or "及" in clause:
            joins = _ZH_JOIN.findall(clause)
            if len(joins) == 1:
                a, b = _ZH_JOIN.split(clause, maxsplit=1)
                if a and b:
                    return [a, b], False, clause
            if depth == 0 and joins:
                return None
    return None


def _en_names(ctx: Context, first_value: int):
    s0, _ = ctx.sentence_of(first_value)
    head = ctx.text[s0:first_value]
    if " and " not in head:
        return None
    # The names end at the verb before the values: "exports and imports rose by".
    segment = head.split(":")[-1]
    before_and, _, after_and = segment.rpartition(" and ")
    tail_words = after_and.split()
    if not tail_words:
        return None
    names = [n for n in _EN_NAME_SPLIT.split(before_and.split(";")[-1]) if n.strip()]
    # Keep only the comma-separated run that ends at "and": the words before it are context.
    run = before_and.split(",")
    count = len(run) + 1 if len(run) > 1 else 2
    confident = len(run) > 1
    items = [r.strip() for r in run] + [after_and.split()[0]]
    del names
    return items[-count:], confident, segment


def _judge(values: list[Quantity], names: list[str], confident: bool, clause: str):
    k, v = len(names), len(values)
    first = values[0]
    shown = "、".join(q.text.strip() for q in values) if first.lang == "zh" else ", ".join(
        q.text.strip() for q in values)
    if k == v:
        yield Check(ID, first.start, values[-1].end, "passed", shown, str(k),
                    f"{k} names, {v} values")
        return
    severity = SEVERITY if confident else "warning"
    msg = (f"{v} values ({shown}) but {k} names before them "
           f"({'、'.join(n.strip() for n in names)}); each name needs one value: "
           f"either {v - k if v > k else k - v} {'value is' if abs(v - k) == 1 else 'values are'} "
           f"{'extra' if v > k else 'missing'} or the list of names is incomplete")
    yield Check(ID, first.start, values[-1].end, "failed", shown, str(k), msg)
    yield Finding(ID, severity, msg, first.start, values[-1].end, shown, str(k),
                  (("values", str(v)), ("names", str(k))),
                  tuple(Related("value", q.text, q.start, q.end) for q in values[1:]))
