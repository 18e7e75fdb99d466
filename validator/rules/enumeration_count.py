"""A stated number of items disagrees with the items listed with it.

What it does:
    Counts the items of a list written right before a count ("下放A、B、C及D等4项权责";
    "广东、江苏、山东3省份"; "中央省州县四级") or right after one ("three priorities: A, B and
    C"; "4个方面：A、B、C、D") and compares them with the stated number.  Items are split at
    、 and at the last 及/以及/和/与 (English: commas and the final "and"/"or").  A list that ends
    in 等 / "etc." / "such as" / "including" may leave items out, so fewer items than stated is
    only a warning there; more items than stated is always an error.

Why it matters:
    A heading that promises five measures and lists four is the kind of slip editors catch by
    counting on their fingers; a tool should do the counting.

Example (fails):
    从正面教育引导、党员队伍调研、日常监督管理、加强激励关怀等5个方面明确具体措施要求。

Use instead (passes):
    从正面教育引导、党员队伍调研、日常监督管理、加强激励关怀等4个方面明确具体措施要求。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import Check, Finding, Quantity, Related
from .base import Context, show

ID = "enumeration-count"
SEVERITY = "error"

_ZH_CLAUSE_START = regex.compile(r"[，,。；;：:！？!?（(\n“”\"]")
_ZH_LAST_JOIN = regex.compile(r"以及|及|和|与|或")
# Ex) "中央省州县四级" "乡村两级" — administrative levels written without separators
_LEVELS = regex.compile(r"(?:中央|国家|省|自治区|市|州|县|区|乡|镇|村|组)+$")
_LEVEL_UNIT = regex.compile(r"中央|国家|自治区|省|市|州|县|区|乡|镇|村|组")
_ZH_LEAD = regex.compile(r"^(?:从|对|在|将|把|包括|涵盖|围绕|聚焦|推进|实现|开展|下放|建立|形成|有)")
_EN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10}
# Ex) "three priorities: A, B and C" "four sectors — A, B, C and D" "five areas, namely"
_EN_AFTER = regex.compile(r"^\s*(?::|—|–|-|,?\s+namely|,?\s+i\.e\.,?|\s*\(|,?\s+including|,?\s+such\s+as)\s*")
_EN_ITEM_SPLIT = regex.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")


def check(ctx: Context) -> Iterator[Check | Finding]:
    for q in ctx.quantities:
        if q.kind != "count" or q.qualifier is not None:
            continue
        if q.lang == "zh":
            got = _zh_backward(ctx, q) or _zh_levels(ctx, q)
        else:
            got = _en_forward(ctx, q)
        if got is None:
            continue
        items, open_ended, span = got
        yield from _judge(q, items, open_ended, span)


def _zh_backward(ctx: Context, q: Quantity):
    text = ctx.text
    lo = max(0, q.start - 200)
    window = text[lo:q.start]
    cut = max((m.end() for m in _ZH_CLAUSE_START.finditer(window)), default=0)
    phrase = window[cut:]
    if not phrase:
        return None
    open_ended = phrase.endswith("等")
    if open_ended:
        phrase = phrase[:-1]
    if "、" not in phrase or any(c.isdigit() for c in phrase):
        return None
    # Ex) "下放街道人事考核、…" — a verb before the first item is not an item of its own
    items = phrase.split("、")
    last = items[-1]
    joins = list(_ZH_LAST_JOIN.finditer(last))
    if len(joins) == 1 and 0 < joins[0].start() and joins[0].end() < len(last):
        items[-1:] = [last[:joins[0].start()], last[joins[0].end():]]
    if any(not 1 <= len(it) <= 20 for it in items):
        return None
    # The list must end right at the count (or at 等 before it): "…及行政处罚等4项".
    return items, open_ended, (lo + cut, q.start)


def _zh_levels(ctx: Context, q: Quantity):
    if q.classifier != "级":
        return None
    window = ctx.text[max(0, q.start - 12):q.start]
    m = _LEVELS.search(window)
    if not m:
        return None
    units = _LEVEL_UNIT.findall(m.group())
    if len(units) < 2:
        return None
    return units, False, (q.start - len(m.group()), q.start)


def _en_forward(ctx: Context, q: Quantity):
    word = q.text.strip().lower()
    if word not in _EN_WORDS and not q.text.strip().isdigit():
        return None
    if not q.noun:
        return None
    text = ctx.text
    _, s1 = ctx.sentence_of(q.start)
    m = _EN_AFTER.match(text, q.end, s1)
    if not m:
        return None
    connector = m.group().strip().lower()
    open_ended = "including" in connector or "such as" in connector
    body = text[m.end():s1].rstrip(" .;")
    if connector.endswith("("):
        close = body.find(")")
        if close == -1:
            return None
        body = body[:close]
    if body.endswith(("etc", "etc.")):
        open_ended = True
        body = body.rsplit(",", 1)[0] if "," in body else body
    if " and " not in body and " or " not in body:
        return None
    if body.count(" and ") + body.count(" or ") > 1 and "," not in body:
        return None
    items = [it for it in _EN_ITEM_SPLIT.split(body) if it.strip()]
    if any(len(it.split()) > 8 for it in items):
        return None
    return items, open_ended, (m.end(), m.end() + len(body))


def _judge(q: Quantity, items: list[str], open_ended: bool, span) -> Iterator[Check | Finding]:
    stated = int(q.point)
    k = len(items)
    listed = "、".join(items) if q.lang == "zh" else "; ".join(i.strip() for i in items)
    if k == stated:
        yield Check(ID, q.start, q.end, "passed", show(q), str(k), f"{k} listed: {listed}")
        return
    if open_ended and k < stated:
        severity = "warning"
        msg = (f"{show(q)} stated but {k} items are listed before "
               f"{'等' if q.lang == 'zh' else 'the open end'} ({listed}); the list may leave "
               f"{stated - k} out on purpose, or the count should be {k}")
    else:
        severity = SEVERITY
        msg = (f"{show(q)} stated but {k} items are listed ({listed}); for the sentence to hold the "
               f"count would be {k}, or the list would have {stated} items")
    yield Check(ID, q.start, q.end, "failed", show(q), str(k), msg)
    yield Finding(ID, severity, msg, q.start, q.end, show(q), str(k),
                  (("stated", str(stated)), ("listed", str(k)), ("items", listed),
                   ("open_ended", "yes" if open_ended else "no")),
                  (Related("list", listed[:60], span[0], span[1]),))
