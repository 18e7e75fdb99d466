"""A stated total, subtotal or difference disagrees with the parts stated with it.

What it does:
    Finds totals written with their parts and adds the parts up with interval arithmetic:

    - a total and its complete breakdown, the parts following it ("其中", "分产业看",
      "按经营地统计" or the next few clauses): 进出口 = 出口 + 进口; 地区生产总值 = 第一、第二、
      第三产业增加值; 一般公共预算收入 = 税收收入 + 非税收入; 社会消费品零售总额 = 城镇 + 乡村 =
      商品零售 + 餐饮收入; 常住人口 = 城镇 + 乡村 = 男性 + 女性.  A part must be of the
      total's own scope ("服务进出口…其中服务出口", not "对美国出口");
    - a count and its parts: "共有15个…，包括…这10个…以及…这5个" (complete); "共有…186个，其中
      国家级…62个，省级…131个" and "在…26家公司中，有17家…，还有11家…" (parts that cannot overlap
      but may leave some out);
    - a balance: 贸易顺差 / 逆差 after the exports and imports of the same total; "the trade gap /
      deficit / the difference between what was exported and imported was £3.1bn" against the
      exports and imports of the same sentence, the next one, or one about the same year;
    - a difference: "比2020年的73129亿元增加了9966.9亿元"; "相比…110760.94亿元…增加了约1.36万亿元"
      (a milestone such as "迈上11万亿元新台阶" is not the figure compared); "广州GDP超出重庆
      337亿多元" and "与深圳的差距缩小到1223亿元" (each side's figure stated earlier, right after its
      name); "revenue increased $3.5 million, or 76.8%, from $4.5 million … to $8.0 million";
      "was $72.8 million, an increase of $7.2 million … compared to $65.6 million";
    - contributions: a summary "A、B拉动进口增长10.7个百分点" against the parts' own 拉动进口增长;
    - the rows of a flattened table (``label | 2019 | 2018 | change``): subtotals and totals
      (the rows right above or below that add up, with costs written in parentheses or
      subtracted, e.g. gross margin = revenue − cost of goods sold), and a change column
      (2019 − 2018).  A table's structure is learned from its own columns: a row is reported
      only when the same rows add up in the other columns (or, with two columns, when its label
      names a total), so a table that never adds up says nothing.

    Complete breakdowns must add up to the total within rounding; parts that may leave
    something out are reported only when they exceed the total; categories that may overlap
    (女党员, 少数民族党员, 35岁以下党员) are never added.  A stated value stands for every value
    that rounds to it, so 28093.6 = 13373.1 + 14720.6 (28093.7) passes.

Why it matters:
    A total that no longer matches its parts is the classic slip of a revised draft: one figure
    was updated and the other was not.  The message says what the parts add up to and what the
    total, or each part, would have to be.

Example (fails):
    1-8月全省外贸进出口值32878.4亿元，同比增长17.1%。其中，出口20310.4亿元，增长18.6%；进口13568亿元，增长14.7%。

Use instead (passes):
    1-8月全省外贸进出口值32878.4亿元，同比增长17.1%。其中，出口20310.4亿元，增长18.6%；进口12568亿元，增长14.7%。

A single part larger than its whole is left to ``subset-bound``; shares adding up to more than
100% to ``share-sum``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.tables import Cell, Row, Table, is_header, tables
from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, per_document

ID = "sum-of-parts"
SEVERITY = "error"


@dataclass(frozen=True, slots=True)
class Term:
    """One addend: a quantity or a table cell, with its sign and a name for messages."""

    item: Quantity | Cell
    sign: int = 1
    name: str = ""


# ---------------------------------------------------------------------------------------------
# Rendering numbers the way the text writes them
# ---------------------------------------------------------------------------------------------
_NUM_IN = lazy_compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


_QUALIFIER_WORDS = lazy_compile(r"多|余|约|近|超过|以上|以下|左右|(?i:about|around|approximately|nearly|over|more than|almost)\s*")


def _decimals(text: str) -> int:
    m = _NUM_IN.search(text)
    if not m or "." not in m.group():
        return 0
    return len(m.group().split(".")[1])


def _scale_of(item) -> int:
    return getattr(item, "scale", 0)


def render(x: Fraction, like) -> str:
    """*x* written like *like*: same magnitude word, decimals and separators.

    Ex) 32878.5e8 like "32878.4亿元" → "32878.5亿元"; −7376 like "(85,423)" → "(7,376)".
    """
    text = like.text.strip()
    m = _NUM_IN.search(text)
    if not m:
        return fmt(x)
    scale = _scale_of(like)
    v = x / Fraction(10) ** scale
    neg = v < 0
    if isinstance(like, Cell):
        neg = x < 0
        v = abs(v)
    digits = fmt(abs(v), _decimals(text))
    if "," in m.group():
        ip, _, fp = digits.lstrip("-").partition(".")
        digits = ("-" if digits.startswith("-") else "") + f"{int(ip):,}" + ("." + fp if fp else "")
    out = text[:m.start()] + digits + text[m.end():]
    if getattr(like, "qualifier", None):
        # Ex) "337亿多元" → "338亿元": the computed value carries no qualifier
        out = _QUALIFIER_WORDS.sub("", out).strip()
    if isinstance(like, Cell):
        inner = out.replace("(", "").replace(")", "").replace("-", "").replace("−", "").strip()
        out = f"({inner})" if neg else inner
    elif neg:
        out = "−" + out
    return out


def _range(iv: Interval, like) -> str:
    lo, hi = render(iv.lo, like), render(iv.hi, like)
    return lo if lo == hi else f"{lo} to {hi}"


def _show(t: Term) -> str:
    return t.item.text.strip()


def _formula(terms: list[Term]) -> str:
    out = ""
    for k, t in enumerate(terms):
        s = _show(t)
        if k == 0:
            out = ("−" if t.sign < 0 else "") + s
        else:
            out += (" − " if t.sign < 0 else " + ") + s
    return out


def _total_of(terms: list[Term]) -> tuple[Interval, Fraction]:
    iv = Interval.exact(0)
    pt = Fraction(0)
    for t in terms:
        v = t.item.value if t.sign > 0 else -t.item.value
        iv = iv + v
        pt += t.sign * t.item.point
    return iv, pt


def judge(total: Quantity | Cell, terms: list[Term], exhaustive: bool, what: str,
          rule: str = ID, severity: str = SEVERITY, note: str = "") -> Iterator[Check | Finding]:
    """Check total = Σ terms (exhaustive) or total ≥ Σ terms (parts that may leave some out)."""
    iv, pt = _total_of(terms)
    if not iv.bounded or not total.value.bounded and exhaustive:
        return
    formula = _formula(terms)
    expected = render(pt, total)
    if exhaustive:
        ok = iv.intersects(total.value)
    else:
        ok = total.value.hi is None or iv.lo is None or iv.lo <= total.value.hi
    stated = total.text.strip()
    if ok:
        yield Check(rule, total.start, total.end, "passed", stated, expected,
                    f"{what}: {formula} = {_range(iv, total)}")
        return
    gap = iv.gap(total.value)
    gap_txt = render(gap, total) if not isinstance(total, Cell) else render(gap, total).strip("()")
    if exhaustive:
        need = []
        for t in terms:
            others = [u for u in terms if u is not t]
            rest, _ = _total_of(others)
            want = (total.value - rest) if t.sign > 0 else (rest - total.value)
            need.append(f"{_show(t)} would be {_range(want, t.item)}")
        within = "" if _range(iv, total) == expected else f" ({_range(iv, total)} within rounding)"
        msg = (f"{what}: stated {stated}, but {formula} = {expected}{within}, off by at least "
               f"{gap_txt}; for it to hold, {stated} would be {_range(iv, total)}, or " + "; or ".join(need))
    else:
        within = "" if _range(iv, total) == expected else f" ({_range(iv, total)} within rounding)"
        msg = (f"{what}: the parts alone add up to more than the total: stated {stated}, but "
               f"{formula} = {expected}{within}, {gap_txt} more; "
               f"the total would be at least {render(iv.lo, total)}, or the parts smaller")
    if note:
        msg += f" ({note})"
    evidence = (("total", stated), ("parts", formula), ("computed", expected),
                ("computed_range", _range(iv, total)), ("gap", gap_txt),
                ("exhaustive", "yes" if exhaustive else "no"))
    related = tuple(Related("part", _show(t), t.item.start, t.item.end) for t in terms)
    yield Check(rule, total.start, total.end, "failed", stated, expected, msg)
    yield Finding(rule, severity, msg, total.start, total.end, stated, expected, evidence, related)


# ---------------------------------------------------------------------------------------------
# Flattened tables
# ---------------------------------------------------------------------------------------------
# Labels that name a total or a running total.  Ex) "Total net revenue" "Gross profit" "合计"
_TOTAL_LABEL = lazy_compile(
    r"(?i)\b(?:total|subtotal|sub-total|net|gross|profit|income|margin|loss|earnings|ebitda|"
    r"balance|sum|overall)\b|合计|小计|总计|总额|净|利润|毛利|总")
# Column titles of a change column.  Ex) "CHANGE" "2019 vs. 2018" "Increase (decrease)" "增减"
_CHANGE_HEAD = lazy_compile(
    r"(?i)\b(?:change|changes|vs\.?|versus|variance|difference|increase|decrease)\b|增减|变动|差额|增加额|增长额")
_MAX_BLOCK = 8
_MIN_TOTAL = 50


# Columns that do not add up down the rows: rates, shares, prices, averages.
# Ex) "% CHANGE" "比上年增长(%)" "Average revenue per user" "Margin"
_NOT_ADDITIVE_HEAD = lazy_compile(
    r"(?i)%|％|‰|percent|\brate\b|ratio|margin|growth|\bper\b|average|\bavg\b|price|yield|"
    r"增长|增速|比重|占比|同比|环比|均|率|价格|指数")
_PERIOD_HEAD = lazy_compile(r"(?i)(?:19|20)[0-9]{2}|\bFY|\bQ[1-4]\b|current|prior|previous|本期|上期|本年|上年|年")


def _amount_columns(rows: list[Row], width: int, table: Table | None = None) -> list[int]:
    cols = []
    for j in range(width):
        if table is not None and j < len(table.headers) and _NOT_ADDITIVE_HEAD.search(table.headers[j]):
            continue
        cells = [r.cells[j] for r in rows if j < len(r.cells) and r.cells[j] is not None]
        if len(cells) >= 2 and sum(1 for c in cells if not c.percent) * 2 > len(cells):
            cols.append(j)
    return cols


def _cell(row: Row, j: int) -> Cell | None:
    if j >= len(row.cells):
        return None
    c = row.cells[j]
    if c is not None and c.percent:
        return None
    return c


def _dash(row: Row, j: int) -> bool:
    return j < len(row.cells) and row.cells[j] is None and row.raw[j].strip("—–-% ") == "" \
        and row.raw[j].strip() != ""


def _zero_cell(row: Row, j: int) -> Cell:
    return Cell("—", row.label_start, row.label_start, Interval.exact(0), Fraction(0), False)


def _part_cell(row: Row, j: int) -> Cell | None:
    c = _cell(row, j)
    if c is None and _dash(row, j):
        return _zero_cell(row, j)
    return c


def _holds(total: Cell, parts: list[Cell], signs: tuple[int, ...]) -> bool:
    s = Interval.exact(0)
    for c, sg in zip(parts, signs):
        s = s + (c.value if sg > 0 else -c.value)
    return s.intersects(total.value)


def _segments(table: Table) -> list[list[Row]]:
    """Runs of data rows; a header or a row without numbers ("Attributable to:") breaks a run."""
    out, cur = [], []
    for r in table.rows:
        if is_header(r) or not r.numeric:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(r)
    if cur:
        out.append(cur)
    return out


def _signs(k: int) -> list[tuple[int, ...]]:
    # all added; or the first minus the others (revenue − costs written as positives)
    return [tuple([1] * k), tuple([1] + [-1] * (k - 1))]


def _table_checks(ctx: Context) -> Iterator[Check | Finding]:
    for table in tables(ctx.text):
        data = [r for r in table.rows if not is_header(r) and r.numeric]
        if len(data) < 3:
            continue
        cols = _amount_columns(data, table.width(), table)
        if not cols:
            continue
        for seg in _segments(table):
            yield from _vertical(table, seg, cols)
            yield from _rollforward(table, seg)
        yield from _horizontal(table, data, cols)


def _vertical(table: Table, seg: list[Row], cols: list[int]) -> Iterator[Check | Finding]:
    n = len(seg)
    for i, row in enumerate(seg):
        hinted = bool(_TOTAL_LABEL.search(row.label)) or not row.label
        best = None        # (support, -fail, -k, candidate)
        full = []
        for direction in (-1, 1):
            for k in range(2, _MAX_BLOCK + 1):
                idx = list(range(i - k, i)) if direction < 0 else list(range(i + 1, i + k + 1))
                if idx[0] < 0 or idx[-1] >= n:
                    break
                block = [seg[x] for x in idx]
                for signs in _signs(k):
                    if signs[1] < 0 and (direction > 0 or not hinted):
                        continue  # only a named total subtracts ("Gross margin" = revenue − costs)
                    support, fails = [], []
                    for j in cols:
                        tot = _cell(row, j)
                        parts = [_part_cell(b, j) for b in block]
                        if tot is None or any(p is None for p in parts):
                            continue
                        if _holds(tot, parts, signs):
                            # a zero or empty part says nothing about its sign: no evidence
                            if abs(tot.point) >= _MIN_TOTAL and all(p.point for p in parts):
                                support.append(j)
                        else:
                            fails.append(j)
                    if not support:
                        continue
                    cand = (block, signs, support, fails)
                    if not fails:
                        full.append(cand)
                    key = (len(support), -len(fails), -k)
                    if best is None or key > best[0]:
                        best = (key, cand)
        if full:
            block, signs, support, _ = full[0]
            for j in support:
                terms = [Term(_part_cell(b, j), s, b.label) for b, s in zip(block, signs)]
                yield from judge(row.cells[j], terms, True, _what(row, table, j))
            continue
        if best is None:
            continue
        block, signs, support, fails = best[1]
        # Learned from at least two other columns; or, in a table of two period columns
        # ("2019 | 2018"), from the other period when the row is named as a total.
        periods = all(x < len(table.headers) and _PERIOD_HEAD.search(table.headers[x]) for x in support + fails)
        enough = len(support) >= 2 and len(support) > len(fails) or \
            (len(support) >= 1 and len(support) >= len(fails) and periods and
             bool(_TOTAL_LABEL.search(row.label) or not row.label))
        if not enough:
            continue
        for j in fails:
            terms = [Term(_part_cell(b, j), s, b.label) for b, s in zip(block, signs)]
            other = ", ".join(_head(table, x) or f"column {x + 2}" for x in support)
            yield from judge(row.cells[j], terms, True, _what(row, table, j),
                             note=f"the same rows add up in {other}")


_YEAR = lazy_compile(r"(?:19|20)[0-9]{2}")


def _head(table: Table, j: int) -> str:
    """A short column title for messages.  Ex) "Three months ended 31 December 2019 …" → "2019"."""
    head = table.headers[j] if j < len(table.headers) else ""
    years = _YEAR.findall(head)
    if years and not _CHANGE_HEAD.search(head):
        return years[-1]
    return head if len(head) <= 40 else "…" + head[-39:]


# A roll-forward: a closing balance is the opening balance plus the movements between them.
# Ex) "Balance at January 1, 2019 | 1,000" … "Additions | 200" "Reductions | (50)" … "Balance at
#     December 31, 2019 | 1,150"; "期初余额" … "期末余额"
_BALANCE_LABEL = lazy_compile(r"(?i)^(?:balance|beginning\s+balance|ending\s+balance|opening\s+balance|"
                               r"closing\s+balance|balances?\s*,)|期初余额|期末余额|年初余额|年末余额")
_BALANCE_TIME = lazy_compile(r"(?i)beginning|\bend\b|ending|opening|closing|\bstart|january|february|march|april|"
                              r"\bmay\b|june|july|august|september|october|november|december|(?:19|20)[0-9]{2}|"
                              r"期初|期末|年初|年末")
_MAX_MOVES = 6


def _rollforward(table: Table, seg: list[Row]) -> Iterator[Check | Finding]:
    width = table.width()
    opening = None
    for i, row in enumerate(seg):
        if not (_BALANCE_LABEL.search(row.label) and _BALANCE_TIME.search(row.label)):
            continue
        if opening is not None and 2 <= i - opening <= _MAX_MOVES + 1:
            moves = seg[opening + 1:i]
            for j in range(width):
                end, start = _cell(row, j), _cell(seg[opening], j)
                parts = [_part_cell(r, j) for r in moves]
                if end is None or start is None or any(p is None for p in parts):
                    continue
                if j < len(table.headers) and _NOT_ADDITIVE_HEAD.search(table.headers[j]):
                    continue
                fits = _signed_fit(end, start, parts)
                if fits is not None:
                    terms = [Term(start, 1, seg[opening].label)] + \
                        [Term(p, sg, r.label) for p, sg, r in zip(parts, fits, moves)]
                    yield from judge(end, terms, True, _what(row, table, j))
                else:
                    # whichever way each movement is signed, the balance does not roll forward
                    terms = [Term(start, 1, seg[opening].label)] + [Term(p, 1, r.label) for p, r in zip(parts, moves)]
                    yield from judge(end, terms, True, _what(row, table, j),
                                     note="no choice of signs for the movements gives the closing balance")
        opening = i


def _signed_fit(end: Cell, start: Cell, parts: list[Cell]) -> tuple[int, ...] | None:
    """Signs for the movements that take the opening balance to the closing one, if any.

    Parentheses already make a movement negative; a reduction written as a positive number
    ("Payments | 120") is subtracted, so both signs are tried for each movement.
    """
    k = len(parts)
    for mask in range(2 ** k):
        signs = tuple(-1 if mask >> b & 1 else 1 for b in range(k))
        total = start.value
        for p, sg in zip(parts, signs):
            total = total + (p.value if sg > 0 else -p.value)
        if total.intersects(end.value):
            return signs
    return None


def _what(row: Row, table: Table, j: int) -> str:
    head = _head(table, j)
    label = row.label or "the row"
    return f"{label} ({head})" if head else label


def _horizontal(table: Table, data: list[Row], cols: list[int]) -> Iterator[Check | Finding]:
    hinted_cols = [j for j in cols if j < len(table.headers) and _CHANGE_HEAD.search(table.headers[j])]
    for j in cols:
        head = table.headers[j] if j < len(table.headers) else ""
        hinted = j in hinted_cols
        if hinted_cols and not hinted:
            continue  # the change column is named: the other columns are its inputs
        best = None
        for a in cols:
            for b in cols:
                if len({a, b, j}) < 3 or not hinted and j < max(a, b):
                    continue
                ok, bad = [], []
                for r in data:
                    cj, ca, cb = _cell(r, j), _cell(r, a), _cell(r, b)
                    if cj is None or ca is None or cb is None:
                        continue
                    (ok if (ca.value - cb.value).intersects(cj.value) else bad).append(r)
                key = (len(ok), -len(bad))
                if best is None or key > best[0]:
                    best = (key, a, b, ok, bad)
        if best is None:
            continue
        _, a, b, ok, bad = best
        if not (len(ok) >= 2 and hinted or len(ok) >= 4) or len(bad) * 3 > len(ok):
            continue
        ha = _head(table, a) or f"column {a + 2}"
        hb = _head(table, b) or f"column {b + 2}"
        for r in ok + bad:
            terms = [Term(r.cells[a], 1, ha), Term(r.cells[b], -1, hb)]
            note = f"the other rows of this column are {ha} − {hb}" if r in bad else ""
            yield from judge(r.cells[j], terms, True, f"{r.label or 'the row'} ({head or 'change'})",
                             note=note)


# ---------------------------------------------------------------------------------------------
# Prose: helpers
# ---------------------------------------------------------------------------------------------
def _line(ctx: Context, pos: int) -> tuple[int, int]:
    a = ctx.text.rfind("\n", 0, pos) + 1
    b = ctx.text.find("\n", pos)
    return a, (len(ctx.text) if b == -1 else b)


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or a.kind not in ("amount", "count"):
        return False
    if a.kind == "amount":
        return a.unit == b.unit
    return a.classifier == b.classifier and bool(a.classifier)


def _amounts(ctx: Context, a: int, b: int) -> list[Quantity]:
    return [q for q in ctx.between(a, b) if q.kind in ("amount", "count")]


_ZH_STOP = "，。；：！？,;:\n"


# The last clause stop before a position, found by searching backwards.
_ZH_STOP_LAST = lazy_compile(r"[，。；：！？,;:\n]", regex.REVERSE)


def _clause_before(ctx: Context, q: Quantity, limit: int = 30) -> str:
    """The text of q's clause before it.  Ex) "其中，出口20310.4亿元" → "出口"."""
    memo = ctx.memo("sum-of-parts:clause-before")  # three searches ask for every number's clause
    key = (q.start, limit)
    found = memo.get(key)
    if found is None:
        text = ctx.text
        lo = max(0, q.start - limit)
        m = _ZH_STOP_LAST.search(text, lo, q.start)
        found = memo[key] = text[m.end() if m else lo:q.start]
    return found


# Thresholds and milestones, not the figure itself.  Ex) "迈上11万亿元新台阶" "突破4万亿元"
_MILESTONE_AFTER = lazy_compile(r"(?:新台阶|台阶|大关|关口|级|量级)")
_MILESTONE_BEFORE = lazy_compile(r"(?:迈上|迈过|跨上|跨过|站上|突破|超过|首破|破)$")


def _milestone(ctx: Context, q: Quantity) -> bool:
    if q.qualifier in ("lower", "upper"):
        return True
    return bool(_MILESTONE_AFTER.match(ctx.text, q.end) or
                _MILESTONE_BEFORE.search(ctx.text[max(0, q.start - 3):q.start]))


# ---------------------------------------------------------------------------------------------
# Chinese: a total and its breakdown
# ---------------------------------------------------------------------------------------------
_V = r"(?:为|达|达到|完成|实现|约)?$"
# Complete breakdowns a statistical report writes after a total: (what, total, parts).
# The total is recognised by the end of its clause, each part by the end of its own clause.
# Ex) "外贸进出口值32878.4亿元……其中，出口20310.4亿元……进口12568亿元"
_BREAKDOWNS = (
    ("进出口 = 出口 + 进口", lazy_compile(r"进出口(?:总额|总值|值|额)?" + _V),
     (("出口", lazy_compile(r"(?<!进)出口(?:总额|总值|额|值)?" + _V)),
      ("进口", lazy_compile(r"(?<!出)进口(?:总额|总值|额|值)?" + _V)))),
    # Ex) "地区生产总值12650.35亿元……其中，第一产业增加值512.48亿元；第二产业…；第三产业…"
    ("生产总值 = 第一产业 + 第二产业 + 第三产业",
     lazy_compile(r"(?:生产总值|GDP|经济总量)(?:总量)?(?:数据)?" + _V),
     (("第一产业", lazy_compile(r"第一产业(?:增加值)?" + _V)),
      ("第二产业", lazy_compile(r"第二产业(?:增加值)?" + _V)),
      ("第三产业", lazy_compile(r"第三产业(?:增加值)?" + _V)))),
    # Ex) "一般公共预算收入856.3亿元，其中税收收入612.4亿元，非税收入243.9亿元"
    ("一般公共预算收入 = 税收收入 + 非税收入", lazy_compile(r"一般公共预算收入" + _V),
     (("税收收入", lazy_compile(r"(?<!非)税收收入" + _V)), ("非税收入", lazy_compile(r"非税收入" + _V)))),
    # Ex) "社会消费品零售总额4520.3亿元……城镇消费品零售额3890.1亿元……乡村消费品零售额630.2亿元"
    ("社会消费品零售总额 = 城镇 + 乡村", lazy_compile(r"社会消费品零售总额" + _V),
     (("城镇", lazy_compile(r"城镇(?:消费品)?零售额" + _V)),
      ("乡村", lazy_compile(r"(?:乡村|农村)(?:消费品)?零售额" + _V)))),
    ("社会消费品零售总额 = 商品零售 + 餐饮收入", lazy_compile(r"社会消费品零售总额" + _V),
     (("商品零售", lazy_compile(r"商品零售(?:额)?" + _V)), ("餐饮收入", lazy_compile(r"餐饮收入(?:额)?" + _V)))),
    # Ex) "年末全省常住人口6548万人，其中城镇常住人口4126万人，乡村常住人口2422万人"
    ("常住人口 = 城镇 + 乡村", lazy_compile(r"(?:常住|户籍|总)人口" + _V),
     (("城镇", lazy_compile(r"城镇(?:常住|户籍)?人口" + _V)),
      ("乡村", lazy_compile(r"(?:乡村|农村)(?:常住|户籍)?人口" + _V)))),
    ("人口 = 男性 + 女性", lazy_compile(r"(?:常住|户籍|总)人口" + _V),
     (("男性", lazy_compile(r"男性(?:人口)?" + _V)), ("女性", lazy_compile(r"女性(?:人口)?" + _V)))),
)
# Ex) "贸易逆差下降70%至1347.5亿元" "实现贸易顺差5000亿元"
_ZH_BALANCE = lazy_compile(r"(?P<k>顺差|逆差)")
# Ex) "其中，" "分产业看，" "按经营地统计，" "按消费类型分，"
_ZH_BREAKDOWN_MARK = lazy_compile(r"其中|分产业看|分产业|分行业看|按[\p{Han}]{1,6}?(?:分|统计|划分|看)[，,：:]")
_ZH_QIZHONG_LEAD = lazy_compile(r"^(?:其中|同期|全年|当月|[，,])+")
_ZH_BALANCE_GAP = lazy_compile(r"^(?:为|达|达到|是|约)?$|(?:至|到|为)$")


def _zh_breakdowns(ctx: Context) -> Iterator[Check | Finding]:
    for t in ctx.quantities:
        if t.lang != "zh" or t.kind not in ("amount", "count") or t.qualifier in ("lower", "upper"):
            continue
        before = _clause_before(ctx, t)
        if before[-1:] not in _BREAKDOWN_LAST:
            continue  # no total or part of a breakdown ends this way
        if _is_part(before):
            continue  # a part of some breakdown ("乡村常住人口"), not a total
        _, l1 = _line(ctx, t.start)
        for what, total, parts in _BREAKDOWNS:
            if total.search(before):
                yield from _zh_breakdown(ctx, t, l1, what, total, parts)


# The last character of every clause a pattern of _BREAKDOWNS matches: the end of a measure
# (出口, 总额, 增加值, GDP, 总量, 数据, 产业, 收入, 零售, 男性 …) or of the verb after it (_V).
_BREAKDOWN_LAST = frozenset("口额值P量据业入售性为达到成现约")


@functools.lru_cache(maxsize=4096)  # the same words end the clauses before many numbers
def _is_part(clause: str) -> bool:
    if clause[-1:] not in _BREAKDOWN_LAST:
        return False
    return any(p.search(clause) for _, _, parts in _BREAKDOWNS for _, p in parts)


def _next_total(ctx: Context, t: Quantity, end: int, pattern) -> int:
    for q in _amounts(ctx, t.end, end):
        before = _clause_before(ctx, q)
        if _same_measure(q, t) and pattern.search(before) and not _is_part(before):
            return q.start
    return end


def _zh_breakdown(ctx: Context, t: Quantity, line_end: int, what: str, total, parts) -> Iterator[Check | Finding]:
    end = _next_total(ctx, t, line_end, total)
    scope = _clause_before(ctx, t)
    found: dict[str, Quantity] = {}
    for q in _amounts(ctx, t.end, end):
        if not _same_measure(q, t):
            continue
        before = _clause_before(ctx, q)
        for name, pattern in parts:
            mm = pattern.search(before)
            if not mm:
                continue
            # the part is of the total's own scope: "服务进出口…其中服务出口" but not "对美国出口"
            prefix = _ZH_QIZHONG_LEAD.sub("", before[:mm.start()])
            if name not in found and not (prefix and prefix not in scope):
                found[name] = q
            break
    if len(found) != len(parts) or any(q.qualifier is not None for q in found.values()):
        return
    first = min(q.start for q in found.values())
    between = ctx.text[t.end:first]
    # the parts follow the total: after 其中 or 分产业看 / 按经营地统计, or within the next few clauses
    if not _ZH_BREAKDOWN_MARK.search(between) and sum(between.count(c) for c in "，；。") > 3:
        return
    terms = [Term(found[name], 1, name) for name, _ in parts]
    yield from judge(t, terms, True, what)
    if what.startswith("进出口"):
        yield from _zh_balance(ctx, t, found["出口"], found["进口"], end, scope)


_ZH_VERSUS = lazy_compile(r"[对与同]")
_ZH_TO_END = lazy_compile(r"(?:至|到)$")


def _zh_balance(ctx: Context, t: Quantity, exp: Quantity, imp: Quantity, end: int,
                scope: str) -> Iterator[Check | Finding]:
    """A balance stated after exports and imports: 顺差 = 出口 − 进口, 逆差 = 进口 − 出口."""
    last = max(exp.end, imp.end)
    for m in _ZH_BALANCE.finditer(ctx.text, last, end):
        lead = ctx.text[max(last, m.start() - 8):m.start()]
        # Ex) "对美贸易顺差" is bilateral; "服务贸易逆差" after a 货物 total is another scope
        if _ZH_VERSUS.search(lead) or any(w in lead and w not in scope for w in ("服务", "货物", "商品")):
            return
        for q in _amounts(ctx, m.end(), min(end, m.end() + 16)):
            gap = ctx.text[m.end():q.start]
            if q.kind != "amount" or q.unit != t.unit or any(c in gap for c in _ZH_STOP):
                return
            if "%" in gap or "％" in gap:
                if not _ZH_TO_END.search(gap):
                    return
            elif not _ZH_BALANCE_GAP.search(gap):
                return
            if q.qualifier in ("lower", "upper"):
                return
            terms = [Term(exp, 1, "出口"), Term(imp, -1, "进口")] if m.group("k") == "顺差" \
                else [Term(imp, 1, "进口"), Term(exp, -1, "出口")]
            yield from judge(q, terms, True, f"贸易{m.group('k')}")
            return
        return


# Ex) "共有15个副省级城市，包括…这10个省会城市以及…这5个计划单列市"
_ZH_COUNT_TOTAL = lazy_compile(r"共有|共计|总计|合计|总共|^共|全[省市县区州]共")
# Ex) "总投资46.8亿元" "共计6.50亿元" "合计进口1515.8亿元"
_ZH_AMOUNT_TOTAL = lazy_compile(r"总投资|总额|总计|合计|共计|总共")
# A figure that is a change or a knock-on amount, not a part.  Ex) "比上年增加…" "带动社会投资…"
_NOT_A_PART = lazy_compile(r"增加|减少|增长|下降|提高|降低|带动|拉动|撬动|比|较")
_ZH_COUNT_OPEN = lazy_compile(r"包括|其中|分别是|分别为|含")


_ZH_AND_WORD = lazy_compile(r"(?:以及|及|和|与)")


def _zh_counts(ctx: Context) -> Iterator[Check | Finding]:
    qs = ctx.quantities
    for t in qs:
        if t.lang != "zh" or t.kind not in ("count", "amount") or t.qualifier is not None:
            continue
        if t.kind == "count" and not t.classifier:
            continue
        clause = _clause_before(ctx, t)
        if not (_ZH_COUNT_TOTAL.search(clause) or t.kind == "amount" and _ZH_AMOUNT_TOTAL.search(clause)):
            continue
        s0, s1 = ctx.sentence_of(t.start)
        m = _ZH_COUNT_OPEN.search(ctx.text, t.end, min(s1, t.end + 20))
        if not m:
            continue
        parts = [q for q in _amounts(ctx, m.end(), s1) if q.kind == t.kind]
        if len(parts) < 2 or any(not _same_measure(t, q) or q.qualifier is not None for q in parts):
            continue
        if t.kind == "amount" and any(_NOT_A_PART.search(_clause_before(ctx, q)) for q in parts):
            continue
        if any("等" in ctx.text[max(0, q.start - 2):q.start] for q in parts):
            continue
        # The parts are the whole breakdown when they are joined in one clause ("这10个…以及…这5个")
        joined = all(not any(c in ctx.text[a.end:b.start] for c in "，；,;") and
                     _ZH_AND_WORD.search(ctx.text[a.end:b.start])
                     for a, b in zip(parts, parts[1:]))
        these = all(ctx.text[max(0, q.start - 1):q.start] in ("这", "此") for q in parts)
        if joined and these:
            yield from judge(t, [Term(q, 1) for q in parts], True, "共 = 各部分之和")
        elif _disjoint_labels(ctx, m.end(), parts):
            # parts that may leave some out, but cannot overlap: only "more than the total" fails
            yield from judge(t, [Term(q, 1) for q in parts], False, "共 ≥ 各部分之和")


# Ex) "在已发布业绩预告的14只券商股中，无一预增，有8家…，还有6只预计亏损"
_ZH_AMONG = lazy_compile(r"[\p{Han}A-Za-z]{0,12}?中[，,]")
_ZH_MORE = lazy_compile(r"(?:还有|另有|此外还有|其余|其他|剩余|剩下)(?:的)?$")
# Measure words for firms and listed companies that reports mix in one sentence (14只…8家…6只)
_FIRMS = {"家", "只", "个", "户"}


def _zh_among(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for t in ctx.quantities:
        if t.lang != "zh" or t.kind != "count" or not t.classifier or t.qualifier is not None:
            continue
        m = _ZH_AMONG.match(text, t.end)
        if not m or m.end() - t.end > 16:
            continue
        s0, s1 = ctx.sentence_of(t.start)
        parts = []
        for q in _amounts(ctx, m.end(), s1):
            if q.kind != "count" or q.qualifier is not None:
                continue
            if not (q.classifier == t.classifier or {q.classifier, t.classifier} <= _FIRMS):
                continue
            parts.append(q)
        # the parts are disjoint only when the later ones are introduced as the others: "还有6只"
        if len(parts) < 2 or not all(_ZH_MORE.search(text[max(0, q.start - 4):q.start]) for q in parts[1:]):
            continue
        yield from judge(t, [Term(q, 1) for q in parts], False, "N个…中 ≥ 各部分之和")


# Ex) "大宗商品、重要工业中间品拉动进口增长10.7个百分点。……大宗商品进口2087.5亿元，……拉动进口增长
# 5.4个百分点。……合计进口1515.8亿元，……拉动进口增长2.6个百分点。"
_ZH_PULL = lazy_compile(r"拉动(?P<t>[\p{Han}]{1,8}?)(?:增长|下降)?(?:了)?(?:约)?$")


_ZH_AND = lazy_compile(r"[、和及与]")


def _zh_contributions(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for t in ctx.quantities:
        if t.lang != "zh" or t.kind != "pp" or t.qualifier is not None:
            continue
        m = _ZH_PULL.search(text, max(0, t.start - 12), t.start)
        if not m:
            continue
        s0, s1 = ctx.sentence_of(t.start)
        # a summary: its sentence states no figure of its own and names a group ("A、B拉动…")
        if any(q.kind in ("amount", "percent", "count") for q in ctx.between(s0, s1)):
            continue
        if not _ZH_AND.search(text[s0:m.start()]):
            continue
        _, l1 = _line(ctx, t.start)
        parts = []
        for q in ctx.between(s1, l1):
            if q.kind != "pp":
                continue
            pm = _ZH_PULL.search(text, max(0, q.start - 12), q.start)
            if pm and pm.group("t") == m.group("t") and q.qualifier is None:
                parts.append(q)
        if len(parts) >= 2:
            yield from judge(t, [Term(q, 1) for q in parts], False, f"拉动{m.group('t')}增长的各部分")


# Ex) "加工贸易和保税物流进出口10293亿元和3544.9亿元，合计13837.9亿元"
#     "出口20310.4亿元，进口12568亿元，合计32878.4亿元"
_ZH_SUM_AFTER = lazy_compile(r"(?:两者|二者|三者|两项|三项|以上|上述)?(?:合计|共计|总计|加总|相加|之和)(?:为|达|达到|约)?$")
_ZH_LIST_GAP = lazy_compile(r"(?:和|、|及|与|以及)|[，、；,]?[\p{Han}]{1,10}")


_ZH_TOTAL_GAP = lazy_compile(r"[，,]?(?:两者|二者|三者|两项|三项|以上|上述)?(?:合计|共计|总计|加总|相加|之和)(?:为|达|达到|约)?")


def _zh_sums_after(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for t in ctx.quantities:
        if t.lang != "zh" or t.kind not in ("amount", "count") or t.qualifier in ("lower", "upper"):
            continue
        if not _ZH_SUM_AFTER.search(_clause_before(ctx, t)):
            continue
        s0, _ = ctx.sentence_of(t.start)
        before = [q for q in ctx.between(s0, t.start) if q.kind not in ("year", "date")]
        parts: list[Quantity] = []
        nxt = t
        # the figures right before the total, one list or one short clause each
        gap_to_total = text[before[-1].end:t.start] if before else ""
        if not _ZH_TOTAL_GAP.fullmatch(gap_to_total):
            continue
        for q in reversed(before):
            gap = text[q.end:nxt.start] if nxt is not t else ""
            if nxt is not t and not _ZH_LIST_GAP.fullmatch(gap):
                break
            if not _same_measure(q, t) or q.qualifier is not None:
                break
            parts.insert(0, q)
            nxt = q
        if len(parts) >= 2:
            yield from judge(t, [Term(q, 1) for q in parts], True, "合计 = 各项之和")


# Ex) "a loss of $1.2bn, made up of $0.8bn in Europe and $0.4bn in Asia" (complete);
#     "capital spending of £1.2bn, of which £450m … and £300m …" (may leave some out)
_EN_WHOLE_GAP = lazy_compile(
    r"(?i)(?:\s+[A-Za-z-]+){0,3}(?:,\s*|\s*\(\s*|\s*[—–-]\s*|\s+)(?P<k>made\s+up\s+of|comprising|comprised\s+of|"
    r"consisting\s+of|split\s+between|of\s+which|including)\s+(?:a\s+|an\s+)?")
_EN_PART_GAP = lazy_compile(r"(?i)(?:\s+[^,;.$£€]{0,40}?)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:a\s+|an\s+|another\s+)?")


_EN_OF_WHICH = lazy_compile(r"(?i)of\s+which|including")


def _en_breakdowns(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    for i, w in enumerate(qs):
        if w.lang != "en" or w.kind != "amount" or i + 2 >= len(qs):
            continue
        first = qs[i + 1]
        m = _EN_WHOLE_GAP.fullmatch(text[w.end:first.start])
        if not m or first.kind != "amount" or first.unit != w.unit:
            continue
        _, s1 = ctx.sentence_of(w.start)
        parts = [first]
        for q in qs[i + 2:]:
            if q.start >= s1 or q.kind != "amount" or q.unit != w.unit:
                break
            if not _EN_PART_GAP.fullmatch(text[parts[-1].end:q.start]):
                break
            parts.append(q)
        if len(parts) < 2 or any(q.qualifier is not None for q in parts):
            continue
        complete = not _EN_OF_WHICH.match(m.group("k"))
        if not complete and w.qualifier is not None:
            continue
        if complete and w.qualifier is not None:
            continue
        yield from judge(w, [Term(q, 1) for q in parts], complete, f"total {m.group('k')} its parts")


# Labels of parts that cannot overlap: one level, class or size each.
# Ex) "国家级示范村62个、省级示范村131个" "一类…二类…" "大型…中型…小型…" "公办…民办…"
_DISJOINT = (lazy_compile(r"(?:国家|中央|省|市|县|区|乡|镇|村)级"), lazy_compile(r"[1-5１-５一二三四五]\s?[类级等星]|[1-5]A级"),
             lazy_compile(r"大型|中型|小型|微型"), lazy_compile(r"公办|民办"), lazy_compile(r"男|女"),
             lazy_compile(r"城镇|农村|乡村"), lazy_compile(r"新建|续建|改扩建"), lazy_compile(r"本科|专科|高职"))


def _disjoint_labels(ctx: Context, start: int, parts: list[Quantity]) -> bool:
    labels, prev = [], start
    for q in parts:
        labels.append(ctx.text[prev:q.start])
        prev = q.end
    for fam in _DISJOINT:
        found = [fam.findall(lab) for lab in labels]
        if all(len(f) == 1 for f in found) and len({f[0] for f in found}) == len(found):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Chinese: differences
# ---------------------------------------------------------------------------------------------
# Ex) "比2020年的73129亿元增加了9966.9亿元" "比上年同期的…减少…"
_ZH_UP = lazy_compile(r"^(?:增加|增长|多|高出|提高|扩大)(?:了)?(?:约|近)?$")


_ZH_COMPARE = lazy_compile(r"比|相比于?|相较于?|较")
_ZH_CHANGE_VERB_END = lazy_compile(r"(?:增加|增长|多|高出|提高|扩大|减少|下降|少|降低|缩小|回落)(?:了)?(?:约|近)?$")
_ZH_GROWTH_VERB_END = lazy_compile(r"(?:增加|减少|增长|下降)(?:了)?(?:约)?$")


def _zh_differences(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _ZH_COMPARE.finditer(text):
        if m.group() == "比" and (text[m.start() - 1:m.start()] in ("占", "对", "好", "相") or
                                 text[m.end():m.end() + 1] in ("重", "例", "率", "值", "较", "照", "如")):
            continue  # 占比, 比重, 比例, 比较 … are not comparisons with a stated base
        s0, s1 = ctx.sentence_of(m.start())
        after = [q for q in _amounts(ctx, m.end(), s1) if q.kind == "amount"]
        if not after or after[0].start > m.end() + 30:
            continue
        b = after[0]
        if b.qualifier is not None:
            continue
        lead = text[m.end():b.start]
        if any(c in lead for c in _ZH_STOP) or "%" in lead:
            continue
        # the difference: the next amount of the same currency, after 增加/减少
        d = None
        for q in after[1:]:
            if q.unit != b.unit:
                continue
            d = q
            break
        if d is None:
            continue
        verb = text[b.end:d.start]
        if m.group() == "比":
            # Ex) "…的73129亿元增加了9966.9亿元": the verb right after the base
            vm = _ZH_CHANGE_VERB_END.search(verb)
            if not vm or len(verb) > 6:
                continue
        else:
            # Ex) "相比2020年…110760.94亿元的数据，2021年广东省GDP总量增加了约1.36万亿元"
            vm = _ZH_CHANGE_VERB_END.search(verb)
            if not vm or "%" in verb or sum(verb.count(c) for c in "，,") > 1 or "。" in verb:
                continue
        up = bool(_ZH_UP.match(vm.group()))
        # the figure compared: the nearest amount of the same currency before, in this
        # sentence or the one before it, that is not a milestone ("迈上11万亿元新台阶")
        p0, _ = ctx.sentence_of(max(0, s0 - 1)) if m.group() != "比" else (s0, s1)
        l0, _ = _line(ctx, m.start())
        cands = [q for q in _amounts(ctx, max(p0, l0), m.start())
                 if q.kind == "amount" and q.unit == b.unit and not _milestone(ctx, q)
                 and not _ZH_GROWTH_VERB_END.search(_clause_before(ctx, q))]
        if not cands:
            continue
        a = cands[-1]
        if d.qualifier == "upper" or d.qualifier == "lower" and not d.qualifier_text.endswith(("多", "余")):
            continue
        terms = [Term(a, 1), Term(b, -1)] if up else [Term(b, 1), Term(a, -1)]
        yield from judge(d, terms, True, "差额 = 后者 − 前者" if up else "减少额 = 前者 − 后者")


# Ex) "广州GDP超出重庆337亿多元" "与深圳的差距缩小到1223亿元"
_ZH_GAP_PHRASE = lazy_compile(r"与(?P<y>[\p{Han}]{2,4}?)(?:之间)?的差距(?:缩小|扩大|拉大)?(?:到|至|为|达)(?:约)?$")


_ZH_YEAR_NIAN = lazy_compile(r"(?:19|20)[0-9]{2}(?=年)")
_ZH_AMOUNT_GAP = lazy_compile(r"[市省]?(?:(?P<y>[0-9]{4})年)?(?:上半年|全年|前三季度)?(?:的)?(?:GDP|生产总值|经济总量)?(?:总量)?"
                              r"(?:为|以|达|达到|是)?")


def _entity_value(ctx: Context, name: str, before: int, unit: str) -> Quantity | None:
    """The last figure written right after *name* before *before*.  Ex) "深圳以14324.47亿元".

    A figure of another year than the statement's ("重庆2020年GDP为…" against a 2021 gap)
    is not taken, and no earlier one is guessed instead.
    """
    text = ctx.text
    l0, l1 = _line(ctx, before)
    years_here = set(_ZH_YEAR_NIAN.findall(text[l0:l1]))
    pos = text.rfind(name, 0, before)
    while pos != -1:
        for q in _amounts(ctx, pos + len(name), min(before, pos + len(name) + 12)):
            gap = text[pos + len(name):q.start]
            m = _ZH_AMOUNT_GAP.fullmatch(gap)
            if q.kind == "amount" and q.unit == unit and m and q.qualifier is None:
                if m.group("y") and years_here and m.group("y") not in years_here:
                    return None
                return q
            break
        pos = text.rfind(name, 0, pos)
    return None


# Ex) "广州28231.97亿元，重庆27894.02亿元，两者相差337.95亿元"
_ZH_DIFFER = lazy_compile(r"(?:两者|二者|两地|两省|两市|双方)(?:之间)?(?:相差|差距为|差距达|差额为|差了)(?:约)?$|相差(?:约)?$")


_ZH_EXCEEDS_END = lazy_compile(r"(?P<x>[\p{Han}]{2,3}?)(?:GDP|生产总值|经济总量|总量)?(?:超出|高出|多出|领先)(?P<y>[\p{Han}]{2,3}?)(?:约|近)?$")


# The last character of a _ZH_GAP_PHRASE or _ZH_DIFFER match; a _ZH_EXCEEDS_END match ends a
# few characters after its verb (超出 高出 多出 领先).
_ZH_GAP_LAST = frozenset("到至为达约差了")


def _zh_gaps(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for d in ctx.quantities:
        if d.lang != "zh" or d.kind != "amount":
            continue
        pre = text[max(0, d.start - 20):d.start]
        # the three phrases end on a few characters ("$" also matches before a final newline)
        last = pre[-2:-1] if pre[-1:] == "\n" else pre[-1:]
        if last not in _ZH_GAP_LAST and "出" not in pre[-8:] and "先" not in pre[-8:]:
            continue
        gm = _ZH_GAP_PHRASE.search(pre)
        dm = _ZH_DIFFER.search(pre)
        if dm and not gm:
            s0, _ = ctx.sentence_of(d.start)
            # "两者相差" may look back one sentence; a bare "相差" only within its own
            p0 = ctx.sentence_of(max(0, s0 - 1))[0] if not dm.group().startswith("相差") else s0
            l0, _ = _line(ctx, d.start)
            two = [q for q in _amounts(ctx, max(p0, l0), d.start - len(dm.group()))
                   if q.kind == "amount" and q.unit == d.unit and not _milestone(ctx, q)]
            if len(two) < 2 or any(q.qualifier is not None for q in two[-2:]):
                continue
            a, y = two[-2], two[-1]
            if d.qualifier == "upper":
                continue
            terms = [Term(a, 1), Term(y, -1)] if a.point >= y.point else [Term(y, 1), Term(a, -1)]
            yield from judge(d, terms, True, "相差 = 两者之差")
            continue
        if gm:
            y = _entity_value(ctx, gm.group("y"), d.start - len(gm.group()), d.unit)
            s0, _ = ctx.sentence_of(d.start)
            cands = [q for q in _amounts(ctx, s0, d.start - len(gm.group()))
                     if q.kind == "amount" and q.unit == d.unit and q.qualifier is None]
            if y is None or not cands or cands[-1] is y:
                continue
            a = cands[-1]
        else:
            vm = _ZH_EXCEEDS_END.search(pre)
            if not vm:
                continue
            at = d.start - len(vm.group())
            x = _entity_value(ctx, vm.group("x"), at, d.unit)
            y = _entity_value(ctx, vm.group("y"), at, d.unit)
            if x is None or y is None or x is y:
                continue
            a = x
        if d.qualifier == "upper":
            continue
        terms = [Term(a, 1), Term(y, -1)] if a.point >= y.point else [Term(y, 1), Term(a, -1)]
        yield from judge(d, terms, True, "差距 = 两者之差")


# ---------------------------------------------------------------------------------------------
# English: changes, balances, "of which"
# ---------------------------------------------------------------------------------------------
_EN_CHANGE_BEFORE = lazy_compile(
    r"(?i)\b(?P<v>increased|decreased|rose|fell|grew|declined|dropped|climbed|jumped|gained|"
    r"an\s+increase\s+of|a\s+decrease\s+of|a\s+decline\s+of|a\s+rise\s+of|a\s+drop\s+of|a\s+fall\s+of|"
    r"a\s+gain\s+of|up|down)\s+(?:by\s+)?(?:about\s+|approximately\s+|some\s+)?$")
_EN_CHANGE_WORD = lazy_compile(r"(?i)\b(?:increased|decreased|rose|fell|grew|declined|dropped|climbed|jumped|"
                             r"gained|surged|slipped|slumped|widened|narrowed)\b")
_EN_DOWN = lazy_compile(r"(?i)decrease|declin|fell|drop|fall|down")
# Ex) "from $4.5 million" "compared to $203.4 million" "versus $3.1bn"
_EN_FROM = lazy_compile(r"(?i)\b(?:from|compared\s+(?:to|with)|versus|vs\.?)\s+(?:a\s+|the\s+)?$")
_EN_TO = lazy_compile(r"(?i)\bto\s+(?:a\s+|the\s+)?$")
_EN_WAS = lazy_compile(r"(?i)\b(?:was|were|of|totaled|totalled|reached|at)\s+$")


def _en_changes(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for d in ctx.quantities:
        if d.lang != "en" or d.kind != "amount":
            continue
        vm = _EN_CHANGE_BEFORE.search(text, max(0, d.start - 40), d.start)
        if not vm:
            continue
        s0, s1 = ctx.sentence_of(d.start)
        same = [q for q in ctx.between(s0, s1) if q.kind == "amount" and q.unit == d.unit]
        frm = to = None
        for q in same:
            if q.start <= d.start:
                continue
            # Ex) "from $4.5 million … to $8.0 million" or "to $8.0 million from $4.5 million"
            if frm is None and _EN_FROM.search(text, max(0, q.start - 16), q.start):
                frm = q
            elif to is None and _EN_TO.search(text, max(0, q.start - 8), q.start):
                to = q
            if frm is not None and to is not None:
                break
        if frm is None:
            continue
        if to is None:
            # Ex) "SaaS revenue was $72.8 million …, an increase of $7.2 million, … from $65.6 million"
            earlier = [q for q in same if q.end <= vm.start() and
                       _EN_WAS.search(text, max(0, q.start - 12), q.start)]
            if not earlier:
                continue
            to = earlier[-1]
        if any(q.qualifier is not None for q in (d, frm, to)):
            continue
        # one change: no second change verb or clause break between its figures
        # Ex) "Costs fell $2m from $10m; revenue rose to $30m" pairs $2m with $10m only
        lo, hi = min(d.end, frm.end, to.end), max(frm.start, to.start, d.start)
        span = text[lo:hi]
        if ";" in span or _EN_CHANGE_WORD.search(span) or hi - lo > 160:
            continue
        down = bool(_EN_DOWN.search(vm.group("v")))
        terms = [Term(frm, 1), Term(to, -1)] if down else [Term(to, 1), Term(frm, -1)]
        yield from judge(d, terms, True, "change = new − old" if not down else "decrease = old − new")


_EN_BALANCE = lazy_compile(
    r"(?i)\b(?:trade\s+(?:gap|deficit|surplus|balance|shortfall)|deficit|surplus|shortfall|"
    r"(?:gap|difference)\s+between\s+[\w\s'’]{0,30}?(?:exported|exports)\s+and\s+(?:imported|imports))")
# Ex) "was £3.1bn" "hit an all-time high of $671.7bn" "hit a record $598.4bn" "narrowed to"
_EN_BALANCE_LEAD = lazy_compile(
    r"(?i)(?:\bwas|\bwere|\bof|\bat|\bto|\bhit|\breached|\bstood\s+at|\bstands\s+at|\btotalled|\btotaled)\s+"
    r"(?:an?\s+)?(?:new\s+)?(?:record\s+)?$")
# A balance over a longer span than one month's figures.  Ex) "The cumulative deficit for the first
# eleven months" "so far this year"
_EN_CUMULATIVE = lazy_compile(r"(?i)\b(?:cumulative|so\s+far|to\s+date|year-to-date|first\s+[a-z-]+\s+months)\b")
_EN_EXPORT = lazy_compile(r"(?i)\bexport(?:s|ed)?\b")
_EN_IMPORT = lazy_compile(r"(?i)\bimport(?:s|ed)?\b")
_EN_PARTNER = lazy_compile(r"(?i)\b(?:exports?|exported|imports?|imported)\s+(?:goods\s+)?(?:to|from|with)\s+(?:the\s+)?[A-Z]"
                            r"|\b(?:EU|non-EU)\s+(?:exports|imports)")
# The balance is a trade balance: the sentence says so.  Ex) "budget deficit" is not.
_EN_TRADE_WORDS = lazy_compile(r"(?i)\b(?:trade|exports?|exported|imports?|imported|goods|services)\b")
_EN_OTHER_BALANCE = lazy_compile(r"(?i)\b(?:budget|fiscal|current[-\s]account|pension|funding|public|federal|"
                                  r"government|account)\b")
_EN_PERIOD = lazy_compile(r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|"
                           r"november|december|months?|quarter|half|week|weeks)\b")
_EN_YEAR = lazy_compile(r"\b(?:19|20)[0-9]{2}\b")


def _en_trade_pair(ctx: Context, s0: int, s1: int, unit: str):
    """The one export and one import amount of a sentence.  Ex) "exported £16.9bn …, but imported £21.5bn"."""
    text = ctx.text
    exp, imp, prev = [], [], s0
    for q in ctx.between(s0, s1):
        if q.kind != "amount":
            continue
        seg = text[prev:q.start]
        prev = q.end
        if q.unit != unit:
            continue
        e = [m.end() for m in _EN_EXPORT.finditer(seg)]
        i = [m.end() for m in _EN_IMPORT.finditer(seg)]
        if e and (not i or max(e) > max(i)):
            exp.append(q)
        elif i:
            imp.append(q)
        else:
            continue
        # Ex) "exports to the EU" "imports from China": a partner's figures, not the total
        if _EN_PARTNER.search(seg):
            return None
    if len(exp) == 1 and len(imp) == 1:
        return exp[0], imp[0]
    return None


_GOODS_SERVICES = {w: lazy_compile(rf"(?i)\b{w}\b") for w in ("goods", "services")}


def _scope(s: str) -> set[str]:
    return {w for w, p in _GOODS_SERVICES.items() if p.search(s)}


def _periods(s: str) -> set[str]:
    return {m.group().lower() for m in _EN_PERIOD.finditer(s)} | set(_EN_YEAR.findall(s))


_EN_WITH_NAME = lazy_compile(r"\s+with\s+[A-Z]")


@per_document  # both balance checks read the same figures: search the text once
def _en_balance_figures(ctx: Context) -> list:
    """Each trade balance stated as a figure: (keyword match, sentence start, end, figure)."""
    return list(_en_balance_figures_in(ctx))


def _en_balance_figures_in(ctx: Context):
    text = ctx.text
    for m in _EN_BALANCE.finditer(text):
        s0, s1 = ctx.sentence_of(m.start())
        if _EN_WITH_NAME.match(text[m.end():m.end() + 8]):
            continue  # a bilateral balance ("the deficit with China")
        sentence = text[s0:s1]
        if not _EN_TRADE_WORDS.search(sentence) or _EN_OTHER_BALANCE.search(sentence):
            continue
        bal = None
        for q in ctx.between(m.end(), s1):
            if q.kind == "amount":
                if _EN_BALANCE_LEAD.search(text, max(0, q.start - 14), q.start) and \
                        len(text[m.end():q.start]) <= 60:
                    bal = q
                break
        if bal is None or bal.qualifier is not None or _EN_CUMULATIVE.search(text[s0:s1]):
            continue
        yield m, s0, s1, bal


# A regional balance ("its non-EU shortfall", "the deficit with the EU") is not the country's.
_EN_REGIONAL = lazy_compile(r"\bwith\s+(?:the\s+)?[A-Z]|\bnon-[A-Z]|\bEU\b|\bEuro|\bChina\b|\bJapan\b|"
                             r"\bUS\b|\bAsia")


def _en_balance_parts(ctx: Context) -> Iterator[Check | Finding]:
    """The overall trade balance against the goods and the services balances.

    Ex) "the difference between what the UK exported and imported was £3.1bn" … "The deficit for
    goods alone was £4.6bn" … "The surplus on trade-in-services remained steady at £1.5bn":
    −3.1 = −4.6 + 1.5.
    """
    text = ctx.text
    found: dict[str, list[tuple[Quantity, int, str]]] = {"total": [], "goods": [], "services": []}
    for m, s0, s1, bal in _en_balance_figures(ctx):
        own = text[s0:bal.end]
        if _EN_REGIONAL.search(text[s0:s1]):
            continue
        scope = _scope(own)
        key = "total" if not scope else ("goods" if scope == {"goods"} else "services" if scope == {"services"} else "")
        if not key:
            continue
        word = m.group().lower()
        sign = 1 if "surplus" in word else -1
        found[key].append((bal, sign, " ".join(sorted(_periods(own)))))
    if any(len(v) != 1 for v in found.values()):
        return
    (t, ts, tp), (g, gs, gp), (sv, ss, sp) = found["total"][0], found["goods"][0], found["services"][0]
    if len({p for p in (tp, gp, sp) if p}) > 1 or len({t.unit, g.unit, sv.unit}) != 1:
        return
    # total = goods + services with signs (a deficit counts negative)
    terms = [Term(g, gs * ts, "goods"), Term(sv, ss * ts, "services")]
    terms.sort(key=lambda x: -x.sign)
    yield from judge(t, terms, True, "trade balance = goods balance + services balance",
                     note="deficits count as negative")


def _en_balances(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    sents = ctx.sentences
    for m, s0, s1, bal in _en_balance_figures(ctx):
        pair = _en_trade_pair(ctx, s0, s1, bal.unit)
        if pair is None:
            # the next sentence of the same paragraph
            l0, l1 = _line(ctx, m.start())
            if s1 < l1:
                n0, n1 = ctx.sentence_of(s1 + 1 if text[s1:s1 + 1].isspace() else s1)
                pair = _en_trade_pair(ctx, n0, min(n1, l1), bal.unit)
        if pair is None:
            # a sentence elsewhere about the same year (and no shorter period)
            years = set(_EN_YEAR.findall(text[s0:s1]))
            if len(years) == 1 and not _EN_PERIOD.search(text[s0:s1]):
                found = []
                for k in range(len(sents.starts)):
                    a, b = sents.starts[k], sents.ends[k]
                    if a == s0:
                        continue
                    seg = text[a:b]
                    if set(_EN_YEAR.findall(seg)) == years and not _EN_PERIOD.search(seg):
                        p = _en_trade_pair(ctx, a, b, bal.unit)
                        if p:
                            found.append(p)
                if len(found) == 1:
                    pair = found[0]
        if pair is None:
            continue
        exp, imp = pair
        if exp.qualifier is not None or imp.qualifier is not None:
            continue
        ps0, ps1 = ctx.sentence_of(exp.start)
        # the balance's own period is named before its figure; "down from October's £5bn" after
        # it is a comparison.  Ex) "in December" against "During November" → not the same figures
        own = _periods(text[s0:bal.end])
        if ps0 != s0 and own and _periods(text[ps0:ps1]) and not own & _periods(text[ps0:ps1]):
            continue
        # goods alone against goods, the overall balance against overall figures
        if ps0 != s0 and _scope(text[s0:s1]) != _scope(text[ps0:ps1]) and \
                _scope(text[ps0:ps1]) != {"goods", "services"}:
            continue
        word = m.group().lower()
        if "surplus" in word:
            terms = [Term(exp, 1, "exports"), Term(imp, -1, "imports")]
        elif "deficit" in word or "shortfall" in word or imp.point >= exp.point:
            terms = [Term(imp, 1, "imports"), Term(exp, -1, "exports")]
        else:
            terms = [Term(exp, 1, "exports"), Term(imp, -1, "imports")]
        yield from judge(bal, terms, True, "trade balance = imports − exports" if terms[0].sign and
                         terms[0].name == "imports" else "trade balance = exports − imports")


# ---------------------------------------------------------------------------------------------
def check(ctx: Context) -> Iterator[Check | Finding]:
    reported: set[tuple[int, int]] = set()
    for source in (_table_checks, _zh_breakdowns, _zh_counts, _zh_among, _zh_contributions,
                   _zh_sums_after, _zh_differences, _zh_gaps, _en_breakdowns, _en_balance_parts,
                   _en_changes, _en_balances):
        for item in source(ctx):
            if isinstance(item, Finding):
                # one finding per stated number, however many relations it breaks
                if (item.start, item.end) in reported:
                    continue
                reported.add((item.start, item.end))
            yield item
