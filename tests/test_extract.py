"""The extractor, case by case: tests/extract_cases.toml (format in its header) plus a few
tests of the numeral parsers and of the extractor's guarantees (order, spans, linear time)."""

from __future__ import annotations

import pathlib
import time
import tomllib
from fractions import Fraction

import pytest

from validator.extract import extract
from validator.extract.numerals import (parse_en_words, parse_zh_fraction, parse_zh_integer,
                                        parse_zh_number)
from validator.model import Document

CASES = tomllib.loads((pathlib.Path(__file__).parent / "extract_cases.toml").read_text(encoding="utf-8"))


def _bound(s: str) -> Fraction | None:
    return None if s == "inf" else Fraction(s)


def _at(text: str, quote: str):
    """The quantity whose span holds the first character of *quote*, or None."""
    i = text.find(quote)
    assert i != -1, f"quote {quote!r} not in {text!r}"
    hits = [q for q in extract(text) if q.start <= i < q.end]
    return hits[0] if hits else None


def _overlapping(text: str, quote: str):
    i = text.find(quote)
    assert i != -1, f"quote {quote!r} not in {text!r}"
    return [q for q in extract(text) if q.start < i + len(quote) and q.end > i]


def _show(text: str) -> str:
    return "; ".join(f"{q.text!r} {q.kind} {q.value}" for q in extract(text)) or "nothing"


@pytest.mark.parametrize("case", CASES["quantity"], ids=[c["name"] for c in CASES["quantity"]])
def test_quantity(case):
    text = case["text"]
    q = _at(text, case["quote"])
    assert q is not None, f"no quantity at {case['quote']!r}; found: {_show(text)}"
    assert q.kind == case["kind"], (q.kind, q.text)
    assert (q.value.lo, q.value.hi) == (_bound(case["low"]), _bound(case["high"])), \
        f"{q.text!r}: {q.value}"
    for key in ("unit", "classifier", "noun", "exact"):
        if key in case:
            assert getattr(q, key) == case[key], (key, getattr(q, key), q.text)
    if "qualifier" in case:
        assert (q.qualifier or "") == case["qualifier"], (q.qualifier, q.qualifier_text)
    # a stated value always lies inside its own interval (a lower/upper bound included)
    assert q.point in q.value


@pytest.mark.parametrize("case", CASES["not_count"], ids=[c["name"] for c in CASES["not_count"]])
def test_not_count(case):
    text = case["text"]
    found = _overlapping(text, case["quote"])
    assert all(q.kind != "count" for q in found), _show(text)
    if case.get("absent"):
        assert not found, _show(text)
    if "kind" in case:
        q = _at(text, case["quote"])
        assert q is not None and q.kind == case["kind"], _show(text)


def test_case_names_are_unique():
    names = [c["name"] for kind in ("quantity", "not_count") for c in CASES[kind]]
    assert len(names) == len(set(names))


# -- numerals ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value,place", [
    ("三", 3, 1), ("十", 10, 10), ("十二", 12, 1), ("二十", 20, 10), ("一百零五", 105, 1),
    ("一千零九十", 1090, 10), ("一千零十", 1010, 10), ("两万", 20000, 10000), ("十万", 100000, 100000),
    ("三千五", 3500, 100), ("三万五", 35000, 1000), ("一万零五百", 10500, 100),
    ("一亿三千万", 130_000_000, 10_000_000), ("三万亿", 3 * 10**12, 10**12), ("零", 0, 1),
])
def test_zh_integer(text, value, place):
    assert parse_zh_integer(text) == (value, place)


@pytest.mark.parametrize("text", ["十四五", "二〇二一", "一二", "千", "百", "万", "三十五百", "一千零", "零三"])
def test_zh_integer_refuses_what_is_not_a_numeral(text):
    assert parse_zh_integer(text) is None


def test_zh_decimal_and_fraction():
    assert parse_zh_number("三点五") == (Fraction(7, 2), Fraction(1, 10))
    assert parse_zh_number("零点五") == (Fraction(1, 2), Fraction(1, 10))
    assert parse_zh_fraction("三分之一") == Fraction(1, 3)
    assert parse_zh_fraction("百分之四十") == Fraction(2, 5)
    assert parse_zh_fraction("千分之五") == Fraction(1, 200)


@pytest.mark.parametrize("text,value", [
    ("three", 3), ("twenty-one", 21), ("three hundred", 300), ("three hundred and five", 305),
    ("one hundred", 100), ("dozen", 12), ("a dozen", 12),
])
def test_en_words(text, value):
    assert parse_en_words(text) == value


# -- guarantees ----------------------------------------------------------------------------

def test_quantities_come_in_order_and_do_not_overlap():
    text = ("2012年以来，投入资金3.6亿元，新建村级活动场所857个，1090个村中743个、占66.8%。"
            "Of the 1,090 villages, 743 (66.8%) reported income above 50,000 yuan.")
    qs = extract(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.start
    for q in qs:
        assert text[q.start:q.end] == q.text


def test_document_and_text_give_the_same_quantities():
    text = "全州1090个村，收入5万元以上的村743个、占66.8%。"
    assert extract(Document.from_text("a.txt", text)) == extract(text)


@pytest.mark.parametrize("unit", ["1", "1,", "1.", "一", "万", "%", "多", "a ", "“一"])
def test_long_runs_stay_linear(unit):
    # A pattern with nested repetition would take seconds (or forever) on these.
    text = unit * 20000
    t0 = time.perf_counter()
    extract(text)
    assert time.perf_counter() - t0 < 5
