"""The evaluator: rounding-aware interval semantics, units, functions, and exact arithmetic."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from validator.claims import expr as E
from validator.claims.expr import EvalError
from validator.interval import Interval

ENV = {"report_year": E.Value(Interval.exact(2022), (("AD", 1),))}


def holds(source: str) -> bool:
    return E.judge(E.parse(source), ENV)[0]


# assertion → whether it holds; each row sits at or next to a rounding edge
TABLE = [
    # shares: 743 / 1090 = 68.1651…%
    ("share(743, 1090) == 66.8%", False),
    ("share(743, 1090) == 68.2%", True),
    ("share(743, 1090) == 68.1%", False),     # 68.05–68.15 stops short of 68.165
    ("share(743, 1090) == 68.17%", True),     # 68.165–68.175 holds it
    ("share(743, 1090) == 68.16%", False),    # 68.155–68.165 ends just below 68.16514
    ("share(743, 1090) ≈ 68%", True),
    ("share(1, 3) == 33.3%", True),
    ("share(1, 3) == 33.4%", False),
    ("share(728, 1090) == 66.8%", True),
    ("share(729, 1090) == 66.8%", False),     # 66.88% is past 66.85%
    ("1090 * 66.8% == 743", False),
    ("1090 * 66.8% == 728", True),
    # magnitudes and rounding at the last digit
    ("3.6亿元 == 36000万元", True),
    ("3.6亿元 == 3.65亿元", True),             # 3.55–3.65 meets 3.645–3.655
    ("3.6亿元 == 3.66亿元", False),
    ("3.6亿元 == 3.7亿元", True),              # closed bounds: both allow exactly 3.65亿
    ("3.6亿元 == 3.8亿元", False),
    ("5470万元 ≈ 0.547亿元", True),
    ("5470万元 == 0.546亿元", False),
    ("1,090 == 1090个", True),
    ("1090 == 1091", False),
    ("103.8万人次 == 1038500", True),
    ("103.8万人次 == 1038501", False),
    # percentage points
    ("66.8% - 64.5% == 2.3pp", True),
    ("66.8% - 64.5% == 2.3个百分点", True),
    ("66.8% - 64.5% == 2.5pp", False),
    ("64.5% + 2.3pp == 66.8%", True),
    # years
    ("2012年 + 10年 == report_year", True),
    ("2012年 + 10年 == 2023年", False),
    ("years_between(2012年, report_year) == 10年", True),
    ("years_between(2012, 2022) == 10年", True),
    ("report_year - 2012年 == 10年", True),
    ("10年 == 120个月", True),
    ("10年 == 121个月", False),
    ("1公里 == 1000米", True),
    ("15亩 ≈ 1公顷", True),
    # comparisons on intervals: true when some values agree
    ("5 != 5", False),
    ("5 != 5.0", True),
    ("1 < 1", False),
    ("1 <= 1", True),
    ("66.8% < 66.75%", True),                 # 66.75 < 66.755
    ("66.8% > 66.9%", False),
    ("2 > 1", True),
    ("1 >= 2", False),
    # functions
    ("growth(27, 102) ≈ 277.8%", True),
    ("growth(100, 105) == 5%", True),
    ("growth(100, 105) == 6%", False),
    ("growth(1.6万元, 5万元) > 200%", True),   # 172.7–254.8%
    ("growth(1.6万元, 5万元) > 260%", False),
    ("sum(33, 53, 56) == 142", True),
    ("mean(38.1岁, 35.5岁) == 36.8岁", True),
    ("mean(1, 2) == 3 / 2", True),
    ("min(3, 1, 2) == 1", True),
    ("max(46%, 71%, 96%) <= 100%", True),
    ("max(46%, 101%) <= 100%", True),      # 101% may be 100.5%, as may 100%
    ("max(46%, 102%) <= 100%", False),
    ("abs(3 - 5) == 2", True),
    ("abs(-2) == 2", True),
    ("ratio(1237, 102) >= 12", True),
    ("ratio(3.6亿元, 36000万元) == 1", True),
    ("ratio(1, 0.0) == 42", True),            # 0.0 may be 0: the quotient is unbounded
]


@pytest.mark.parametrize("source, expected", TABLE, ids=[t[0] for t in TABLE])
def test_table(source, expected):
    assert holds(source) is expected


UNIT_ERRORS = [
    ("5 + 3% == 8", "cannot add a plain number (5) and a percentage (2.5–3.5%); for a percentage of a whole "
                    "write share(part, whole)"),
    ("5 == 3%", "cannot compare a plain number (5) and a percentage (2.5–3.5%); for a percentage of a whole "
                "write share(part, whole)"),
    ("3.6亿元 == 3.6亿美元", "cannot compare an amount in CNY (355000000–365000000 CNY) and an amount in USD "
                         "(355000000–365000000 USD)"),
    ("66.8% == 2.3pp", "cannot compare a percentage (66.75–66.85%) and percentage points (2.25–2.35 pp); "
                       "a difference of two percentages is in percentage points (pp)"),
    ("10年 == 3650天", "cannot compare a value in years (10 years) and a value in days (3650 days)"),
    ("2012年 + 2013年 == 1", "two calendar years cannot be added; subtract them for the years between"),
    ("2012年 + 5 == 2017年", "cannot add a plain number (5) to a calendar year (year 2012); write years as "
                            "2012年 and spans as 10年, or use years_between(a, b)"),
    ("2012年 * 2 == 1", "a calendar year (year 2012) cannot be multiplied or divided"),
    ("-2012年 == 1", "a calendar year cannot be negated"),
    ("share(5, 3.6亿元) == 1%", "share(): cannot take a share of an amount in CNY (355000000–365000000 CNY) "
                               "and a plain number (5)"),
    ("years_between(5%, 2022年) == 1年", "years_between(): expected calendar years such as 2012年, got a "
                                       "percentage (4.5–5.5%)"),
    ("1 / 0 == 1", "division by zero"),
    ("unknown == 1", "unknown name 'unknown'"),
]


@pytest.mark.parametrize("source, message", UNIT_ERRORS, ids=[u[0] for u in UNIT_ERRORS])
def test_unit_errors(source, message):
    with pytest.raises(EvalError) as info:
        holds(source)
    assert info.value.message == message


def test_values_of_literals():
    def iv(text):
        v = E.parse_expression(text).value
        return v.iv, v.unit
    assert iv("743") == (Interval.exact(743), ())
    assert iv("743个") == (Interval.exact(743), ())
    assert iv("66.8%") == (Interval(Fraction("66.75"), Fraction("66.85")), (("%", 1),))
    assert iv("46%") == (Interval(Fraction("45.5"), Fraction("46.5")), (("%", 1),))
    assert iv("3.6亿元") == (Interval(Fraction(355_000_000), Fraction(365_000_000)), (("CNY", 1),))
    assert iv("5470万元") == (Interval(Fraction(54_695_000), Fraction(54_705_000)), (("CNY", 1),))
    assert iv("2012年") == (Interval.exact(2012), (("AD", 1),))
    assert iv("10年") == (Interval.exact(10), (("year", 1),))
    assert iv("0.5") == (Interval(Fraction("0.45"), Fraction("0.55")), ())


def test_pint_is_imported_only_for_a_conversion():
    import subprocess
    import sys
    code = ("import sys; from validator.claims import expr as E; "
            "E.judge(E.parse('share(743, 1090) == 66.8%'), {}); a = 'pint' in sys.modules; "
            "E.judge(E.parse('10年 == 120个月'), {}); print(a, 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# -- Hypothesis: evaluation agrees with exact arithmetic ----------------------------------------

def _exact(node):
    """A reference evaluator over Fractions, independent of Interval."""
    if isinstance(node, E.Num):
        return Fraction(Decimal(node.text))
    if isinstance(node, E.Unary):
        return -_exact(node.operand)
    if isinstance(node, E.Binary):
        a, b = _exact(node.left), _exact(node.right)
        if node.op == "/":
            if b == 0:
                raise ZeroDivisionError
            return a / b
        return {"+": a + b, "-": a - b, "*": a * b}[node.op]
    args = [_exact(a) for a in node.args]
    if node.func == "abs":
        return abs(args[0])
    if node.func == "mean":
        return sum(args) / len(args)
    return {"sum": sum, "min": min, "max": max}[node.func](args)


def _numeric(literals):
    leaf = literals.map(E.parse_expression)

    def extend(children):
        return st.one_of(
            st.tuples(st.sampled_from("+-*/"), children, children).map(lambda t: E.Binary(*t)),
            children.map(lambda c: E.Unary("-", c)),
            st.tuples(st.sampled_from(["sum", "min", "max", "mean"]), st.lists(children, min_size=1, max_size=3))
            .map(lambda t: E.Call(t[0], tuple(t[1]))),
            children.map(lambda c: E.Call("abs", (c,))),
        )
    return st.recursive(leaf, extend, max_leaves=10)


INTEGERS = st.integers(min_value=0, max_value=10**6).map(str)
DECIMALS = st.decimals(min_value=0, max_value=10**4, places=2, allow_nan=False, allow_infinity=False).map(
    lambda d: format(d, "f"))


@settings(max_examples=300, deadline=None)
@given(_numeric(INTEGERS))
def test_integer_expressions_evaluate_exactly(tree):
    try:
        want = _exact(tree)
    except ZeroDivisionError:
        assume(False)
    try:
        got = E.evaluate(tree, {})
    except EvalError:  # an interval divisor that is exactly zero
        assume(False)
    if got.iv.is_point:
        assert got.iv.lo == want
    else:  # a divisor interval holding zero (only possible after a subtraction) is unbounded
        assert got.iv.lo is None or got.iv.hi is None
    # and the same value with Decimal arithmetic at ample precision
    with localcontext() as ctx:
        ctx.prec = 200
        if want.denominator == 1 and got.iv.is_point:
            assert Decimal(want.numerator) == Decimal(got.iv.lo.numerator) / Decimal(got.iv.lo.denominator)


@settings(max_examples=300, deadline=None)
@given(_numeric(DECIMALS))
def test_rounded_literals_give_intervals_holding_the_exact_value(tree):
    try:
        want = _exact(tree)
    except ZeroDivisionError:
        assume(False)
    try:
        got = E.evaluate(tree, {})
    except EvalError:
        assume(False)
    assert want in got.iv
