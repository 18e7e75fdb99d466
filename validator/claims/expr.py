"""Claim assertions: our own tokenizer, recursive-descent parser and interval evaluator.

The language (nothing else is accepted; there is no ``eval`` anywhere)::

    assertion  := sum COMPARE sum              COMPARE: == != < <= > >= ≈ ~=
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := ("-" | "+") unary | primary
    primary    := NUMBER | NAME | FUNCTION "(" sum ("," sum)* ")" | "(" sum ")"

- NUMBER is written as in the reports: ``743``, ``1,090`` (a comma followed by exactly three
  digits continues the number, so separate arguments with ", "), ``66.8%``, ``2.3个百分点`` or
  ``2.3pp``, ``3.6亿元``, ``36000万元``, ``10年``, ``2012年`` (a calendar year), ``38.1岁``,
  ``743个``.  It stands for every value written that way, as in the report: a plain integer
  (or a count, a year, a number of years) is exact; a decimal, a number with 万/亿, a
  percentage, an amount of money and a measured value are rounded at their last digit
  ("66.8%" is 66.75–66.85%, "3.6亿元" is 3.55–3.65亿元).
- NAME is a binding of the claim (``[A-Za-z_][A-Za-z0-9_]*``) or ``report_year``.
- FUNCTION is one of :data:`FUNCTIONS`.

Comparisons are judged as the auto rules judge a sentence (the GRIM principle): a relation
holds when *some* values inside the intervals satisfy it.  So ``==``, ``≈`` and ``~=`` all
mean "equal within the stated precision" — the two intervals intersect — and ``!=`` fails only
when both sides are the same exact number.  ``a < b`` holds when the smallest ``a`` is below
the largest ``b``.  Bounds are closed (as in :mod:`validator.interval`): "3.6亿元 == 3.7亿元"
holds, since both may be 3.65亿元.  A divisor whose interval holds zero gives an unbounded
result, which agrees with anything; a divisor that is exactly zero is an error.  Comparisons do
not chain and do not nest; there is no power operator.

Limits keep hostile input cheap: :data:`MAX_CHARS` characters, :data:`MAX_DEPTH` levels of
nesting, :data:`MAX_DIGITS` digits in a number.  Every error is an :class:`ExprError` with the
character offset of the bad token, so the caller can put a caret under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import regex

from ..interval import Interval, fmt
from . import units as U
from .units import Unit, UnitError

MAX_CHARS = 2000
MAX_DEPTH = 100
MAX_DIGITS = 30

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">", "≈")

# name → (fewest, most arguments); None: no upper bound
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "share": (2, 2), "sum": (1, None), "growth": (2, 2), "ratio": (2, 2), "mean": (1, None),
    "min": (1, None), "max": (1, None), "abs": (1, 1), "years_between": (2, 2),
}

_PYTHON_WORDS = {"lambda", "import", "for", "in", "if", "else", "and", "or", "not", "is", "def",
                 "class", "return", "yield", "await", "async", "with", "as", "from", "global",
                 "while", "try", "except", "raise", "del", "pass", "assert", "exec", "eval"}

# Ex) "1,090" "3.47" "743" — then a suffix of Han characters, %, ％ or pp
_NUMBER = regex.compile(r"""
    (?P<digits>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)   # 1,090 or 1090
    (?P<frac>\.[0-9]+)?                                    # .8
    (?P<suffix>[\u4e00-\u9fff]+|%|％|pp(?![A-Za-z0-9_]))?   # 个 万元 个百分点 % pp
    """, regex.VERBOSE)
_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_CLASSIFIERS = ("个 名 项 家 所 座 条 次 人 户 级 类 种 件 位 套 台 辆 期 场 届 支 人次 户次 方面 处 批 "
                "间 栋 份 张 例 起 棵 株 头 只 本 篇 部 门 轮 层 段 道 组 队 团 村 社区 党支部 "
                "单位 贫困户").split()
_SUFFIX_UNITS: dict[str, tuple[str, str]] = {  # suffix → (unit name, kind)
    **{c: ("", "count") for c in _CLASSIFIERS},
    "%": ("%", "percent"), "％": ("%", "percent"),
    "个百分点": ("pp", "pp"), "百分点": ("pp", "pp"), "pp": ("pp", "pp"),
    "元": ("CNY", "money"), "元人民币": ("CNY", "money"), "人民币": ("CNY", "money"),
    "美元": ("USD", "money"), "港元": ("HKD", "money"), "欧元": ("EUR", "money"),
    "英镑": ("GBP", "money"), "日元": ("JPY", "money"),
    "年": ("year", "time"), "周年": ("year", "time"), "个月": ("month", "time"),
    "天": ("day", "time"), "小时": ("hour", "measure"), "分钟": ("minute", "measure"),
    "岁": ("year", "measure"),
    "公里": ("km", "measure"), "千米": ("km", "measure"), "米": ("m", "measure"),
    "平方米": ("m2", "measure"), "平方公里": ("km2", "measure"), "平方千米": ("km2", "measure"),
    "公顷": ("hectare", "measure"), "亩": ("mu", "measure"),
    "公斤": ("kg", "measure"), "千克": ("kg", "measure"), "吨": ("t", "measure"), "斤": ("jin", "measure"),
}
_MAGNITUDES = (("万亿", 12), ("亿", 8), ("万", 4), ("千", 3), ("百", 2))


class ExprError(Exception):
    """A mistake in an expression, at character offsets [start, end)."""

    def __init__(self, message: str, start: int, end: int | None = None):
        super().__init__(message)
        self.message = message
        self.start = start
        self.end = end if end is not None and end > start else start + 1


class EvalError(ExprError):
    """A mistake found while evaluating: a unit mismatch, a division by zero."""


# -- values ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Value:
    """An interval of values with a unit (see :mod:`validator.claims.units`)."""

    iv: Interval
    unit: Unit = U.PLAIN

    def show(self) -> str:
        """Ex) "68.165138%", "66.75–66.85%", "355000000–365000000 CNY", "year 2012"."""
        lo, hi = self.iv.lo, self.iv.hi
        if self.iv.is_point:
            body = fmt(lo)
        elif lo is None and hi is None:
            body = "any value"
        elif lo is None:
            body = f"at most {fmt(hi)}"
        elif hi is None:
            body = f"at least {fmt(lo)}"
        else:
            body = f"{fmt(lo)}–{fmt(hi)}"
        if self.unit == U.AD:
            return f"year {body}"
        return body + U.symbol(self.unit)


# -- syntax tree ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Num:
    text: str
    value: Value
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Name:
    id: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: "Node"
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: "Node"
    right: "Node"
    start: int = field(default=0, compare=False)   # the operator's offset
    end: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Call:
    func: str
    args: tuple["Node", ...]
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Compare:
    op: str
    left: "Node"
    right: "Node"
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


Node = Num | Name | Unary | Binary | Call | Compare


def to_source(node: Node) -> str:
    """The tree printed back, every operation in parentheses; it parses to the same tree.

    Ex) ``share(a, b) == 66.8%`` → ``share(a, b) == 66.8%``; ``1 + 2 * x`` → ``(1 + (2 * x))``
    """
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Name):
        return node.id
    if isinstance(node, Unary):
        return f"({node.op}{to_source(node.operand)})"
    if isinstance(node, Binary):
        return f"({to_source(node.left)} {node.op} {to_source(node.right)})"
    if isinstance(node, Call):
        return f"{node.func}({', '.join(to_source(a) for a in node.args)})"
    return f"{to_source(node.left)} {node.op} {to_source(node.right)}"


def names(node: Node) -> list[Name]:
    """Every name in the tree, left to right."""
    if isinstance(node, Name):
        return [node]
    if isinstance(node, Num):
        return []
    if isinstance(node, Unary):
        return names(node.operand)
    if isinstance(node, Call):
        return [n for a in node.args for n in names(a)]
    return names(node.left) + names(node.right)


# -- tokens ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    kind: str      # num | name | op | end
    text: str
    start: int
    end: int
    value: Value | None = None


def read_number(text: str, start: int = 0) -> tuple[Value, int]:
    """The value of the number written at *start* and where it ends.  Ex) "3.6亿元" → 3.55–3.65亿 CNY."""
    m = _NUMBER.match(text, start)
    if m is None:
        raise ExprError("expected a number", start)
    digits = m["digits"].replace(",", "")
    frac_part = (m["frac"] or "")[1:]
    if len(digits) + len(frac_part) > MAX_DIGITS:
        raise ExprError(f"a number may have at most {MAX_DIGITS} digits", start, m.end())
    suffix = m["suffix"] or ""
    end = m.end()
    scale = 0
    unit_name, kind = "", "plain"
    if suffix:
        if suffix in _SUFFIX_UNITS:
            unit_name, kind = _SUFFIX_UNITS[suffix]
        else:
            for word, power in _MAGNITUDES:
                if suffix.startswith(word):
                    rest = suffix[len(word):]
                    if rest == "" or rest in _SUFFIX_UNITS:
                        scale = power
                        unit_name, kind = _SUFFIX_UNITS[rest] if rest else ("", "plain")
                        break
            else:
                raise ExprError(f"unknown unit {suffix!r} after the number", m.start("suffix"), end)
    written = Fraction(int(digits)) + (Fraction(int(frac_part), 10 ** len(frac_part)) if frac_part else 0)
    if kind == "time" and unit_name == "year" and suffix == "年" and not frac_part and 1000 <= int(digits) <= 2999:
        unit_name, kind = "AD", "calendar"  # Ex) "2012年" is a year, "10年" a number of years
    exact = not frac_part and scale == 0 and kind in ("plain", "count", "calendar", "time")
    step = Fraction(1, 10 ** len(frac_part))
    iv = Interval(written, written) if exact else Interval(written - step / 2, written + step / 2)
    iv = iv.scale(Fraction(10) ** scale)
    return Value(iv, U.make(unit_name)), end


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_CHARS:
        raise ExprError(f"the expression is longer than {MAX_CHARS} characters", MAX_CHARS, len(text))
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if "0" <= c <= "9":
            value, end = read_number(text, i)
            if end < n and (text[end].isalnum() or text[end] in "_."):
                raise ExprError(f"unexpected {text[end]!r} after a number", end)
            tokens.append(Token("num", text[i:end], i, end, value))
            i = end
            continue
        m = _NAME.match(text, i)
        if m:
            word = m.group()
            if word in _PYTHON_WORDS:
                raise ExprError(f"{word!r} is Python, not part of the claim language", i, m.end())
            tokens.append(Token("name", word, i, m.end()))
            i = m.end()
            if i < n and text[i] == ".":
                raise ExprError("attribute access ('.') is not allowed", i)
            continue
        two = text[i:i + 2]
        if two == "**":
            raise ExprError("there is no power operator", i, i + 2)
        if two in ("==", "!=", "<=", ">=", "~="):
            tokens.append(Token("op", "≈" if two == "~=" else two, i, i + 2))
            i += 2
            continue
        if c in "+-*/(),<>≈":
            tokens.append(Token("op", c, i, i + 1))
            i += 1
            continue
        if c == "=":
            raise ExprError("use == to compare", i)
        if c == ".":
            raise ExprError("attribute access ('.') is not allowed", i)
        if c in "[]":
            raise ExprError("brackets ('[') are not allowed: no subscripts, lists or comprehensions", i)
        if c in "'\"":
            raise ExprError("strings are not allowed", i)
        raise ExprError(f"unexpected character {c!r}", i)
    tokens.append(Token("end", "", n, n))
    return tokens


# -- parser ------------------------------------------------------------------------------------

class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def expect(self, text: str) -> Token:
        if self.tok.text != text or self.tok.kind != "op":
            raise ExprError(f"expected {text!r} but found {_what(self.tok)}", self.tok.start, self.tok.end)
        return self.take()

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the expression nests deeper than {MAX_DEPTH} levels", self.tok.start, self.tok.end)

    def assertion(self) -> Compare:
        left = self.sum()
        t = self.tok
        if not (t.kind == "op" and t.text in COMPARISONS):
            if t.kind == "end":
                raise ExprError("an assertion needs a comparison (==, !=, <, <=, >, >=, ≈)", t.start)
            raise ExprError(f"unexpected {_what(t)}", t.start, t.end)
        self.take()
        right = self.sum()
        if self.tok.kind == "op" and self.tok.text in COMPARISONS:
            raise ExprError("comparisons cannot be chained; write two claims", self.tok.start, self.tok.end)
        if self.tok.kind != "end":
            raise ExprError(f"unexpected {_what(self.tok)}", self.tok.start, self.tok.end)
        return Compare(t.text, left, right, t.start, t.end)

    def expression(self) -> Node:
        node = self.sum()
        if self.tok.kind != "end":
            raise ExprError(f"unexpected {_what(self.tok)}", self.tok.start, self.tok.end)
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.tok.kind == "op" and self.tok.text in "+-":
            t = self.take()
            node = Binary(t.text, node, self.product(), t.start, t.end)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in "*/":
            t = self.take()
            node = Binary(t.text, node, self.unary(), t.start, t.end)
        return node

    def unary(self) -> Node:
        t = self.tok
        if t.kind == "op" and t.text in "+-":
            self.take()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return operand if t.text == "+" else Unary("-", operand, t.start, t.end)
        return self.primary()

    def primary(self) -> Node:
        t = self.take()
        if t.kind == "num":
            return Num(t.text, t.value, t.start, t.end)
        if t.kind == "name":
            if self.tok.kind == "op" and self.tok.text == "(":
                return self.call(t)
            return Name(t.text, t.start, t.end)
        if t.kind == "op" and t.text == "(":
            self.enter()
            node = self.sum()
            self.expect(")")
            self.depth -= 1
            return node
        raise ExprError(f"expected a number, a name or '(' but found {_what(t)}", t.start, t.end)

    def call(self, name: Token) -> Call:
        if name.text not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExprError(f"unknown function {name.text!r} (known: {known})", name.start, name.end)
        self.expect("(")
        self.enter()
        args = [self.sum()]
        while self.tok.kind == "op" and self.tok.text == ",":
            self.take()
            args.append(self.sum())
        close = self.expect(")")
        self.depth -= 1
        lo, hi = FUNCTIONS[name.text]
        if len(args) < lo or (hi is not None and len(args) > hi):
            want = f"{lo}" if lo == hi else f"at least {lo}" if hi is None else f"{lo} to {hi}"
            raise ExprError(f"{name.text}() takes {want} argument{'s' if want != '1' else ''}, "
                            f"got {len(args)}", name.start, close.end)
        return Call(name.text, tuple(args), name.start, close.end)


def _what(t: Token) -> str:
    return "the end of the expression" if t.kind == "end" else repr(t.text)


def parse(text: str) -> Compare:
    """An assertion (a comparison) → its tree.  Raises :class:`ExprError`."""
    return _Parser(text).assertion()


def parse_expression(text: str) -> Node:
    """An expression without a comparison (a constant such as "3.6亿元") → its tree."""
    return _Parser(text).expression()


# -- evaluation ----------------------------------------------------------------------------------

def evaluate(node: Node, env: dict[str, Value]) -> Value:
    """The value of an expression tree; names from *env*.  Raises :class:`EvalError`."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Name):
        if node.id not in env:
            raise EvalError(f"unknown name {node.id!r}", node.start, node.end)
        return env[node.id]
    if isinstance(node, Unary):
        v = evaluate(node.operand, env)
        if v.unit == U.AD:
            raise EvalError("a calendar year cannot be negated", node.start, node.end)
        return Value(-v.iv, v.unit)
    if isinstance(node, Binary):
        a, b = evaluate(node.left, env), evaluate(node.right, env)
        try:
            if node.op in "+-":
                return add(a, b, node.op)
            return muldiv(a, b, node.op)
        except UnitError as exc:
            raise EvalError(str(exc), node.start, node.end) from None
        except ZeroDivisionError:
            raise EvalError("division by zero", node.start, node.end) from None
    if isinstance(node, Call):
        args = [evaluate(a, env) for a in node.args]
        try:
            return _FUNCS[node.func](*args)
        except UnitError as exc:
            raise EvalError(f"{node.func}(): {exc}", node.start, node.end) from None
        except ZeroDivisionError:
            raise EvalError(f"{node.func}(): division by zero", node.start, node.end) from None
    raise EvalError("a comparison cannot be used as a value", node.start, node.end)


def judge(node: Compare, env: dict[str, Value]) -> tuple[bool, Value, Value]:
    """Whether the assertion holds for some values inside the intervals, and both sides."""
    left, right = evaluate(node.left, env), evaluate(node.right, env)
    try:
        left, right = same_unit(left, right, "compare")
    except UnitError as exc:
        raise EvalError(str(exc), node.start, node.end) from None
    return holds(node.op, left.iv, right.iv), left, right


def holds(op: str, a: Interval, b: Interval) -> bool:
    """Some a in *a* and b in *b* satisfy ``a op b``."""
    if op in ("==", "≈"):
        return a.intersects(b)
    if op == "!=":
        return not (a.is_point and b.is_point and a.lo == b.lo)
    if op in (">", ">="):
        a, b, op = b, a, "<" if op == ">" else "<="
    if a.lo is None or b.hi is None:
        return True
    return a.lo < b.hi if op == "<" else a.lo <= b.hi


def same_unit(a: Value, b: Value, verb: str) -> tuple[Value, Value]:
    """*a* and *b* in one unit (b converted to a's), or a :class:`UnitError`."""
    if a.unit == b.unit:
        return a, b
    f = U.factor(b.unit, a.unit)
    if f is None:
        raise UnitError(f"cannot {verb} {U.describe(a.unit)} ({a.show()}) and {U.describe(b.unit)} "
                        f"({b.show()}){_hint(a.unit, b.unit)}")
    return a, Value(b.iv.scale(f), a.unit)


def _hint(a: Unit, b: Unit) -> str:
    pair = {a, b}
    if pair == {U.PLAIN, U.PERCENT}:
        return "; for a percentage of a whole write share(part, whole)"
    if pair == {U.PERCENT, U.PP}:
        return "; a difference of two percentages is in percentage points (pp)"
    if pair == {U.AD, U.PLAIN} or pair == {U.AD, U.YEAR}:
        return "; write years as 2012年 and spans as 10年, or use years_between(a, b)"
    return ""


def add(a: Value, b: Value, op: str) -> Value:
    # Ex) 66.8% - 64.5% is 2.3 percentage points; 64.5% + 2.3pp is 66.8%
    if a.unit == U.PERCENT and b.unit == U.PP or a.unit == U.PP and b.unit == U.PERCENT and op == "+":
        unit = U.PERCENT
    elif a.unit == U.PERCENT and b.unit == U.PERCENT:
        unit = U.PP if op == "-" else U.PERCENT
    # Ex) 2012年 + 10年 is 2022年; 2022年 - 2012年 is 10年
    elif a.unit == U.AD and b.unit == U.AD:
        if op == "+":
            raise UnitError("two calendar years cannot be added; subtract them for the years between")
        unit = U.YEAR
    elif a.unit == U.AD or (b.unit == U.AD and op == "+"):
        other = b if a.unit == U.AD else a
        if other.unit != U.YEAR:
            raise UnitError(f"cannot {'add' if op == '+' else 'subtract'} {U.describe(b.unit)} "
                            f"({b.show()}) {'to' if op == '+' else 'from'} {U.describe(a.unit)} "
                            f"({a.show()}){_hint(a.unit, b.unit)}")
        unit = U.AD
    else:
        a, b = same_unit(a, b, "add" if op == "+" else "subtract")
        unit = a.unit
    return Value(a.iv + b.iv if op == "+" else a.iv - b.iv, unit)


def _as_fraction(v: Value) -> Value:
    """Inside * and / a percentage is the fraction it stands for.  Ex) 66.8% → 0.668."""
    if v.unit in (U.PERCENT, U.PP):
        return Value(v.iv.scale(Fraction(1, 100)), U.PLAIN)
    if v.unit == U.AD:
        raise UnitError(f"a calendar year ({v.show()}) cannot be multiplied or divided")
    return v


def muldiv(a: Value, b: Value, op: str) -> Value:
    a, b = _as_fraction(a), _as_fraction(b)
    if op == "*":
        return Value(a.iv * b.iv, U.multiply(a.unit, b.unit))
    return Value(divide(a.iv, b.iv), U.multiply(a.unit, b.unit, -1))


def divide(a: Interval, b: Interval) -> Interval:
    if b.is_point and b.lo == 0:
        raise ZeroDivisionError
    return a / b


def _share(part: Value, whole: Value) -> Value:
    part, whole = _no_year(part), _no_year(whole)
    whole, part = same_unit(whole, part, "take a share of")
    return Value(divide(part.iv, whole.iv).scale(100), U.PERCENT)


def _growth(old: Value, new: Value) -> Value:
    old, new = _no_year(old), _no_year(new)
    old, new = same_unit(old, new, "compare")
    # (new / old - 1) × 100 keeps each input once, so the interval is as narrow as it can be
    return Value((divide(new.iv, old.iv) - Interval.exact(1)).scale(100), U.PERCENT)


def _ratio(a: Value, b: Value) -> Value:
    if a.unit != b.unit and U.factor(b.unit, a.unit) is not None:
        a, b = same_unit(a, b, "divide")
    return muldiv(a, b, "/")


def _sum(*vs: Value) -> Value:
    total = vs[0]
    for v in vs[1:]:
        total = add(total, v, "+")
    return total


def _mean(*vs: Value) -> Value:
    total = _sum(*vs)
    return Value(total.iv.scale(Fraction(1, len(vs))), total.unit)


def _extreme(pick, *vs: Value) -> Value:
    first = vs[0]
    los, his = [], []
    for v in vs:
        _, v = same_unit(first, v, "compare")
        los.append(v.iv.lo)
        his.append(v.iv.hi)
    return Value(Interval(pick(los, -1), pick(his, 1)), first.unit)


def _pick_min(xs, side):
    # a missing lower end (-inf) wins a min; a missing upper end (+inf) loses it
    if side == -1:
        return None if any(x is None for x in xs) else min(xs)
    known = [x for x in xs if x is not None]
    return min(known) if known else None


def _pick_max(xs, side):
    if side == 1:
        return None if any(x is None for x in xs) else max(xs)
    known = [x for x in xs if x is not None]
    return max(known) if known else None


def _abs(v: Value) -> Value:
    iv = v.iv
    if iv.lo is not None and iv.lo >= 0:
        return v
    if iv.hi is not None and iv.hi <= 0:
        return Value(-iv, v.unit)
    ends = [abs(x) for x in (iv.lo, iv.hi) if x is not None]
    hi = None if iv.lo is None or iv.hi is None else max(ends)
    return Value(Interval(Fraction(0), hi), v.unit)


def _years_between(a: Value, b: Value) -> Value:
    for v in (a, b):
        if v.unit not in (U.AD, U.PLAIN):
            raise UnitError(f"expected calendar years such as 2012年, got {U.describe(v.unit)} ({v.show()})")
    return Value(b.iv - a.iv, U.YEAR)


def _no_year(v: Value) -> Value:
    if v.unit == U.AD:
        raise UnitError(f"a calendar year ({v.show()}) is not a quantity")
    return v


_FUNCS = {
    "share": _share, "growth": _growth, "ratio": _ratio, "sum": _sum, "mean": _mean,
    "min": lambda *vs: _extreme(_pick_min, *vs), "max": lambda *vs: _extreme(_pick_max, *vs),
    "abs": _abs, "years_between": _years_between,
}


def caret(text: str, start: int, end: int) -> str:
    """A line with carets under text[start:end], counting wide characters twice."""
    def width(s: str) -> int:
        import unicodedata
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    start = min(start, len(text))
    end = max(start + 1, min(end, len(text)))
    return " " * width(text[:start]) + "^" * max(1, width(text[start:end]))
