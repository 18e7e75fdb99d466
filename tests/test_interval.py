"""Interval arithmetic (validator/interval.py): unit tests here, the property tests against exact
Fraction arithmetic in tests/test_properties.py."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction as F

import pytest

from validator.interval import Interval, fmt, frac


def test_rounded_takes_the_last_written_digit():
    assert Interval.rounded("66.8") == Interval(F("66.75"), F("66.85"))
    assert Interval.rounded("60.0") == Interval(F("59.95"), F("60.05"))
    assert Interval.rounded("1090") == Interval(F("1089.5"), F("1090.5"))


def test_exact_and_around():
    assert Interval.exact(743).is_point
    assert Interval.around("3.47", "0.005") == Interval(F("3.465"), F("3.475"))


def test_empty_interval_is_refused():
    with pytest.raises(ValueError):
        Interval(F(2), F(1))


def test_frac_is_exact():
    assert frac("0.1") == F(1, 10)
    assert frac(Decimal("66.8")) == F(334, 5)
    assert frac(7) == F(7)
    assert frac(F(1, 3)) == F(1, 3)


def test_seed_share_is_inconsistent():
    # 743 / 1090 = 68.17%, but 66.8% stands for 66.75–66.85%.
    share = Interval.exact(743) / Interval.exact(1090) * Interval.exact(100)
    stated = Interval.rounded("66.8")
    assert not share.intersects(stated)
    assert stated.gap(share) == share.lo - F("66.85")
    assert Interval.rounded("68.2").intersects(share)


def test_containment_and_within():
    a = Interval(F(1), F(3))
    assert 2 in a and 1 in a and 3 in a and 4 not in a
    assert Interval(F(1), F(2)).within(a)
    assert not Interval(F(0), F(2)).within(a)
    assert a.within(Interval(None, None))


def test_unbounded_sides():
    at_least = Interval(F(700), None)
    assert 10**9 in at_least and 699 not in at_least
    assert (at_least + Interval.exact(1)).lo == 701
    assert (at_least + Interval.exact(1)).hi is None
    assert (-at_least).hi == -700 and (-at_least).lo is None
    assert (at_least * Interval(F(2), F(3))) == Interval(F(1400), None)


def test_division_by_an_interval_holding_zero_is_unbounded():
    assert (Interval.exact(1) / Interval(F(-1), F(1))) == Interval(None, None)


def test_reciprocal_of_positive_interval():
    assert Interval(F(2), F(4)).reciprocal() == Interval(F(1, 4), F(1, 2))
    assert Interval(F(2), None).reciprocal() == Interval(F(0), F(1, 2))


def test_gap_and_hull():
    a, b = Interval(F(1), F(2)), Interval(F(5), F(7))
    assert a.gap(b) == b.gap(a) == 3
    assert a.gap(Interval(F(2), F(3))) == 0
    assert a.hull(b) == Interval(F(1), F(7))


def test_fmt():
    assert fmt(F(1090)) == "1090"
    assert fmt(F(743, 1090) * 100, 1) == "68.2"
    assert fmt(F(1, 3)) == "0.333333"
    assert fmt(None) == "inf"
    assert str(Interval(F(1, 2), None)) == "[0.5, inf]"
