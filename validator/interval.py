"""Closed intervals of exact rationals: the arithmetic behind every check.

A stated number stands for every value that would be written the same way ("66.8%" is any
value in [66.75, 66.85]).  A relation is inconsistent only when no choice of values inside the
intervals satisfies it, so every rule computes with these intervals and never with floats.

Endpoints are :class:`fractions.Fraction` (exact); ``None`` stands for an unbounded side.
Bounds are treated as closed: "700多" is [700, 800] rather than [700, 800).  Closing an open
bound can only make a relation *more* satisfiable, so it can hide an edge-case error but never
invent one — the side we want to err on.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Num = Fraction


def frac(value: int | str | Decimal | Fraction) -> Fraction:
    """An exact Fraction from an int, a decimal string, a Decimal or a Fraction."""
    if type(value) is Fraction or isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(value))


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Fraction | None
    hi: Fraction | None

    def __post_init__(self) -> None:
        lo, hi = self.lo, self.hi
        if lo is not None and hi is not None and lo is not hi and lo > hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    # -- construction -------------------------------------------------------------------
    @staticmethod
    def exact(value) -> "Interval":
        v = frac(value)
        return _unchecked(v, v)

    @staticmethod
    def around(value, half_width) -> "Interval":
        v, h = frac(value), frac(half_width)
        # v ± h over the common denominator, in integers (the same exact values as v - h, v + h)
        a, b, d = v.numerator * h.denominator, h.numerator * v.denominator, v.denominator * h.denominator
        if b < 0:
            return Interval(Fraction(a - b, d), Fraction(a + b, d))  # lo > hi: refused as empty
        return _unchecked(Fraction(a - b, d), Fraction(a + b, d))

    @staticmethod
    def rounded(text: str) -> "Interval":
        """The values that round to the decimal string *text* at its last written digit."""
        d = Decimal(text)
        exp = d.as_tuple().exponent
        half = Fraction(1, 2) * Fraction(10) ** exp
        return Interval.around(d, half)

    # -- predicates ----------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def __contains__(self, x) -> bool:
        x = frac(x)
        return (self.lo is None or self.lo <= x) and (self.hi is None or x <= self.hi)

    def intersects(self, other: "Interval") -> bool:
        if self.hi is not None and other.lo is not None and self.hi < other.lo:
            return False
        if other.hi is not None and self.lo is not None and other.hi < self.lo:
            return False
        return True

    def within(self, other: "Interval") -> bool:
        lo_ok = other.lo is None or (self.lo is not None and self.lo >= other.lo)
        hi_ok = other.hi is None or (self.hi is not None and self.hi <= other.hi)
        return lo_ok and hi_ok

    def gap(self, other: "Interval") -> Fraction:
        """Distance between two disjoint intervals (0 when they meet)."""
        if self.hi is not None and other.lo is not None and self.hi < other.lo:
            return other.lo - self.hi
        if other.hi is not None and self.lo is not None and other.hi < self.lo:
            return self.lo - other.hi
        return Fraction(0)

    # -- arithmetic ----------------------------------------------------------------------
    def __add__(self, other: "Interval") -> "Interval":
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi)

    def __neg__(self) -> "Interval":
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo)

    def __sub__(self, other: "Interval") -> "Interval":
        return self + (-other)

    def __mul__(self, other: "Interval") -> "Interval":
        if not (self.bounded and other.bounded):
            return _mul_unbounded(self, other)
        products = [a * b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: "Interval") -> "Interval":
        return self * other.reciprocal()

    def reciprocal(self) -> "Interval":
        if self.lo is not None and self.hi is not None and self.lo <= 0 <= self.hi:
            return Interval(None, None)
        if self.lo is None and self.hi is None:
            return Interval(None, None)
        if self.lo is None:  # (-inf, hi] with hi < 0
            return Interval(1 / self.hi, Fraction(0))
        if self.hi is None:  # [lo, inf) with lo > 0
            return Interval(Fraction(0), 1 / self.lo)
        return Interval(1 / self.hi, 1 / self.lo)

    def scale(self, factor) -> "Interval":
        return self * Interval.exact(factor)

    def hull(self, other: "Interval") -> "Interval":
        lo = None if self.lo is None or other.lo is None else min(self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else max(self.hi, other.hi)
        return Interval(lo, hi)

    def __str__(self) -> str:
        lo = "-inf" if self.lo is None else fmt(self.lo)
        hi = "inf" if self.hi is None else fmt(self.hi)
        return f"[{lo}, {hi}]"


_new_object = object.__new__
_set_field = object.__setattr__


def _unchecked(lo: Fraction, hi: Fraction) -> Interval:
    """``Interval(lo, hi)`` for bounds known to be in order (what ``__init__`` does, without the
    comparison of ``__post_init__``)."""
    iv = _new_object(Interval)
    _set_field(iv, "lo", lo)
    _set_field(iv, "hi", hi)
    return iv


def _mul_unbounded(a: Interval, b: Interval) -> Interval:
    # Only the non-negative case arises from stated quantities (counts, amounts, shares).
    if a.lo is not None and b.lo is not None and a.lo >= 0 and b.lo >= 0:
        hi = None if a.hi is None or b.hi is None else a.hi * b.hi
        return Interval(a.lo * b.lo, hi)
    return Interval(None, None)


def nth_root(x: Fraction, n: int) -> Fraction:
    """A close rational n-th root of x ≥ 0, for messages only (checks compare powers exactly).

    Bisection on exact Fractions, kept to denominators ≤ 10^12 so the numbers stay small.
    """
    lo, hi = Fraction(0), max(Fraction(1), Fraction(x))
    for _ in range(60):
        mid = (lo + hi) / 2
        if mid ** n < x:
            lo = mid
        else:
            hi = mid
        lo, hi = lo.limit_denominator(10**12), hi.limit_denominator(10**12)
    return (lo + hi) / 2


def fmt(x: Fraction | None, digits: int | None = None) -> str:
    """A decimal rendering of an exact value: *digits* places, or up to 6 places with trailing
    zeros dropped.  Rounds half away from zero with exact integer arithmetic, so values of any
    size or precision format without a decimal context (Ex: 2/3 → "0.666667", fmt(2/3, 1) → "0.7").
    """
    if x is None:
        return "inf"
    if digits is None:
        if x.denominator == 1:
            return str(x.numerator)
        return _fixed(x, 6).rstrip("0").rstrip(".") or "0"
    return _fixed(x, digits)


def _fixed(x: Fraction, digits: int) -> str:
    scaled = abs(x) * 10 ** digits
    n = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)  # half away from zero
    sign = "-" if x < 0 and n else ""
    text = str(n).rjust(digits + 1, "0")
    if digits == 0:
        return sign + text
    return f"{sign}{text[:-digits]}.{text[-digits:]}"
