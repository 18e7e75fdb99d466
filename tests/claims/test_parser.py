"""The assertion parser: trees printed fully parenthesised, errors with their carets, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.claims import expr as E
from validator.claims.expr import ExprError

# assertion as written → the tree printed with every operation in parentheses
PRINTED = [
    ("share(v743, v1090) == 66.8%", "share(v743, v1090) == 66.8%"),
    ("a + b * c == d", "(a + (b * c)) == d"),
    ("a * b + c == d", "((a * b) + c) == d"),
    ("a - b - c == d", "((a - b) - c) == d"),
    ("a / b / c == d", "((a / b) / c) == d"),
    ("a - (b - c) == d", "(a - (b - c)) == d"),
    ("-a * b == c", "((-a) * b) == c"),
    ("- - a == b", "(-(-a)) == b"),
    ("+a == b", "a == b"),
    ("((a)) == b", "a == b"),
    ("a ~= b", "a ≈ b"),
    ("a≈b", "a ≈ b"),
    ("a != 1,090", "a != 1,090"),
    ("a <= 3.6亿元 + 5470万元", "a <= (3.6亿元 + 5470万元)"),
    ("sum(a, b, c) >= max(a, b) - min(c)", "sum(a, b, c) >= (max(a, b) - min(c))"),
    ("growth(a, b) > 2.3个百分点 * 2", "growth(a, b) > (2.3个百分点 * 2)"),
    ("2012年 + 10年 == report_year", "(2012年 + 10年) == report_year"),
    ("years_between(y, report_year) < 10年", "years_between(y, report_year) < 10年"),
    ("abs(a - b) <= 0.5", "abs((a - b)) <= 0.5"),
    ("mean(a, b) == ratio(a, 2)", "mean(a, b) == ratio(a, 2)"),
    ("a*b/c-d+e==f", "((((a * b) / c) - d) + e) == f"),
]


@pytest.mark.parametrize("source, printed", PRINTED, ids=[p[0] for p in PRINTED])
def test_printed_fully_parenthesised(source, printed):
    tree = E.parse(source)
    assert E.to_source(tree) == printed
    assert E.parse(printed) == tree  # and the printed form parses back to the same tree


# assertion → (message, caret line) — exact strings, as the CLI shows them
ERRORS = [
    ("9**9**9**9", "there is no power operator", " ^^"),
    ("a.__class__ == 1", "attribute access ('.') is not allowed", " ^"),
    ("a[0] == 1", "brackets ('[') are not allowed: no subscripts, lists or comprehensions", " ^"),
    ("[x for x in a] == 1", "brackets ('[') are not allowed: no subscripts, lists or comprehensions", "^"),
    ("lambda x: x", "'lambda' is Python, not part of the claim language", "^^^^^^"),
    ("__import__('os').system('id')", "strings are not allowed", "           ^"),
    ("eval(a) == 1", "'eval' is Python, not part of the claim language", "^^^^"),
    ("foo(a) == 1", "unknown function 'foo' (known: abs, growth, max, mean, min, ratio, share, sum, "
                    "years_between)", "^^^"),
    ("share(a) == 1", "share() takes 2 arguments, got 1", "^^^^^^^^"),
    ("abs(a, b) == 1", "abs() takes 1 argument, got 2", "^^^^^^^^^"),
    ("a == 1 == 2", "comparisons cannot be chained; write two claims", "       ^^"),
    ("a + 1", "an assertion needs a comparison (==, !=, <, <=, >, >=, ≈)", "     ^"),
    ("a = 1", "use == to compare", "  ^"),
    ("(a == 1)", "expected ')' but found '=='", "   ^^"),
    ("a == (1", "expected ')' but found the end of the expression", "       ^"),
    ("a == 3.6亿欧", "unknown unit '亿欧' after the number", "        ^^^^"),
    ("a == 3x", "unexpected 'x' after a number", "      ^"),
    ("a == 1 2", "unexpected '2'", "       ^"),
    ("a == ;", "unexpected character ';'", "     ^"),
    ("a == *", "expected a number, a name or '(' but found '*'", "     ^"),
    ("a == " + "1" * 31, "a number may have at most 30 digits", "     " + "^" * 31),
]


@pytest.mark.parametrize("source, message, caret", ERRORS, ids=[e[0][:40] for e in ERRORS])
def test_error_messages(source, message, caret):
    with pytest.raises(ExprError) as info:
        E.parse(source)
    assert info.value.message == message
    assert E.caret(source, info.value.start, info.value.end) == caret


def test_nesting_is_bounded():
    deep = "(" * 10_000 + "a" + ")" * 10_000 + " == 1"
    with pytest.raises(ExprError, match="nests deeper than 100 levels"):
        E.parse(deep[:E.MAX_CHARS])
    with pytest.raises(ExprError, match="longer than 2000 characters"):
        E.parse(deep)
    with pytest.raises(ExprError, match="nests deeper"):
        E.parse("-" * 500 + "a == 1")
    with pytest.raises(ExprError, match="nests deeper"):
        E.parse("abs(" * 150 + "a" + ")" * 150 + " == 1")
    E.parse("(" * 100 + "a" + ")" * 100 + " == 1")  # 100 levels are fine


def test_thousands_separator_and_arguments():
    assert E.to_source(E.parse("max(1,090, 5) == 1090")) == "max(1,090, 5) == 1090"
    assert len(E.parse("max(1, 090) == 90").left.args) == 2
    assert E.parse("1,090 == 1090").left.value == E.parse("1090 == 1").left.value


def test_caret_counts_wide_characters_twice():
    assert E.caret("收入 == x", 6, 7) == "        ^"


# -- round trip: random well-formed expressions -------------------------------------------------

NUMBERS = st.sampled_from(["743", "1,090", "66.8%", "3.6亿元", "36000万元", "10年", "2012年", "2.3pp",
                           "0.5", "7", "103.8万人次", "38.1岁", "5470万元", "2.3个百分点"])
NAMES = st.sampled_from(["a", "b", "v743", "report_year", "x_1"])


def _expressions():
    leaf = st.one_of(NUMBERS.map(lambda t: E.parse_expression(t)),
                     NAMES.map(lambda n: E.Name(n)))

    def extend(children):
        return st.one_of(
            st.tuples(st.sampled_from("+-*/"), children, children).map(lambda t: E.Binary(*t)),
            children.map(lambda c: E.Unary("-", c)),
            st.tuples(st.sampled_from(sorted(E.FUNCTIONS)), st.lists(children, min_size=1, max_size=3))
            .filter(lambda t: E.FUNCTIONS[t[0]][0] <= len(t[1]) <= (E.FUNCTIONS[t[0]][1] or 99))
            .map(lambda t: E.Call(t[0], tuple(t[1]))),
        )
    return st.recursive(leaf, extend, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_expressions(), st.sampled_from(E.COMPARISONS), _expressions())
def test_print_then_parse_gives_the_same_tree(left, op, right):
    tree = E.Compare(op, left, right)
    source = E.to_source(tree)
    assert E.parse(source) == tree
    assert E.to_source(E.parse(source)) == source
