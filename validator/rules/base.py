"""What every rule gets (a :class:`Context`) and the helpers rules share.

A rule is a plain module with ``ID``, ``SEVERITY``, a docstring (first line: the summary
``validator rules`` prints; then What it does / Why it matters / Example (fails) / Use instead
(passes)) and one generator ``check(ctx)`` that yields :class:`~validator.model.Check` for every
relation it examined and :class:`~validator.model.Finding` for every one that failed.
Rules never read files or print.
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from ..extract import extract
from ..extract.segment import Sentences, sentences
from ..interval import Interval, fmt
from ..lazyre import lazy_compile
from ..model import Document, Quantity


@dataclass
class Context:
    """One document, its quantities, and indexes built once so every rule stays linear.

    A rule that needs "every quantity like this one" asks an index instead of scanning
    ``quantities`` for each number it checks:  Ex) ``ctx.index("kind-unit", lambda q: (q.kind,
    q.unit))[("amount", "CNY")]`` — every amount in yuan, in text order.  ``memo`` keeps a
    rule's per-quantity results (a regex looked up around a number) for the whole document.
    """

    doc: Document
    quantities: list[Quantity] = field(default_factory=list)
    _indexes: dict = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def of(doc: Document) -> "Context":
        return Context(doc, extract(doc))

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def sentences(self) -> Sentences:
        return sentences(self.doc.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [q.start for q in self.quantities]

    def between(self, start: int, end: int) -> list[Quantity]:
        """Quantities that start inside [start, end)."""
        starts = self._starts
        return self.quantities[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    @cached_property
    def _sentence_spans(self) -> dict:
        return {}

    def sentence_of(self, offset: int) -> tuple[int, int]:
        # the span of each offset asked about is kept: many rules ask about the same numbers
        spans = self._sentence_spans
        span = spans.get(offset)
        if span is None:
            span = spans[offset] = self.sentences.span(offset)
        return span

    def index(self, name: str, key) -> dict:
        """The quantities grouped by ``key(q)``, each group in text order; built once per *name*."""
        found = self._indexes.get(name)
        if found is None:
            found = {}
            get = found.get
            for q in self.quantities:
                k = key(q)
                group = get(k)
                if group is None:
                    found[k] = [q]
                else:
                    group.append(q)
            self._indexes[name] = found
        return found

    def memo(self, name: str) -> dict:
        """A dict that lives as long as the document, for a rule's per-quantity results."""
        key = ("memo", name)
        found = self._indexes.get(key)
        if found is None:
            found = self._indexes[key] = {}
        return found


def per_quantity(fn):
    """Remember ``fn(ctx, q)`` for the document's lifetime: a rule that compares each number with
    many others (pairs of statements) then looks around each number once, not once per pair.

    Ex) ``@per_quantity`` above ``def scope(ctx, q)``.  Calls with more arguments are not kept.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def remembered(ctx: "Context", q, *args, **kwargs):
        if args or kwargs:
            return fn(ctx, q, *args, **kwargs)
        memo = ctx.memo(name)
        hit = memo.get(id(q))
        if hit is not None and hit[0] is q:  # the object itself is kept, so its id stays its own
            return hit[1]
        value = fn(ctx, q)
        memo[id(q)] = (q, value)
        return value

    return remembered


def per_document(fn):
    """Remember ``fn(ctx)`` for the document: two rules that share a search (pairs of statements
    of one quantity) run it once.  Callers must treat the answer as read-only."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def remembered(ctx: "Context"):
        memo = ctx.memo(name)
        if "value" not in memo:
            memo["value"] = fn(ctx)
        return memo["value"]

    return remembered


@per_document
def stated_rates(ctx: "Context") -> list:
    """``extract.rates.rates`` of the document, read once for the rules that ask (read-only)."""
    from ..extract.rates import rates
    return rates(ctx.text, ctx.quantities)


def show(q: Quantity) -> str:
    """The quantity as the text states it, trimmed.  Ex) "66.8%", "1,090"."""
    return q.text.strip()


def num(q: Quantity) -> str:
    """The number alone, as written, for messages.  Ex) "743" for "743个", "66.8%" for a share."""
    if q.kind in ("percent", "pp", "multiple", "amount", "year"):
        return q.text.strip()
    return (q.numeral or q.text).strip()


def show_value(x: Fraction, digits: int = 1) -> str:
    return fmt(x, digits)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def decimals_of(q: Quantity) -> int:
    return _decimals(q.text)


@functools.lru_cache(maxsize=4096)
def _decimals(text: str) -> int:
    t = text.translate(_HALF_WIDTH)
    digits = "".join(c for c in t if c.isdigit() or c == ".")
    return len(digits.split(".")[1]) if "." in digits else 0


def integers_in(iv: Interval) -> str:
    """The whole numbers inside an interval, as a reader wants them.  Ex) "728", "1112–1113"."""
    if iv.lo is None or iv.hi is None:
        return str(iv)
    lo, hi = math.ceil(iv.lo), math.floor(iv.hi)
    if lo > hi:
        return f"{fmt(iv.lo, 1)}–{fmt(iv.hi, 1)} (no whole number)"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def range_text(iv: Interval, digits: int) -> str:
    lo, hi = fmt(iv.lo, digits), fmt(iv.hi, digits)
    return lo if lo == hi else f"{lo}–{hi}"


def cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# Quotes and brackets: a 、 or a word inside “…” or （…） belongs to a name, not to the list.
OPEN_MARKS = "“‘「『（(《【〔"
CLOSE_MARKS = "”’」』）)》】〕"
_ANY_MARK = lazy_compile("[" + OPEN_MARKS + CLOSE_MARKS + "]")  # none of them is special in a class


def split_outside_brackets(s: str, sep: str) -> list[str]:
    """Split at *sep* outside quotes and brackets.  Ex) "“不忘初心、牢记使命”主题教育、…"."""
    if len(sep) == 1 and _ANY_MARK.search(s) is None:
        return s.split(sep)  # no quote or bracket: every *sep* is outside
    parts, depth, cur = [], 0, []
    for c in s:
        if c in OPEN_MARKS:
            depth += 1
        elif c in CLOSE_MARKS:
            depth = max(0, depth - 1)
        if c == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return parts


def blank_brackets(s: str) -> str:
    """*s* with quoted and bracketed text (marks included) blanked out, offsets kept."""
    if _ANY_MARK.search(s) is None:
        return s  # nothing to blank
    out, depth = [], 0
    for c in s:
        if c in OPEN_MARKS:
            depth += 1
            out.append(" ")
        elif c in CLOSE_MARKS:
            depth = max(0, depth - 1)
            out.append(" ")
        else:
            out.append(" " if depth else c)
    return "".join(out)
