"""Units of claim values: a tiny algebra of named units, and pint for the few conversions.

A unit is a sorted tuple of ``(name, exponent)`` pairs; ``()`` is a plain number (counts of
things are plain numbers: "743个" and "1090" compare directly).  Magnitude words (万, 亿) are
not units: they are applied to the number when it is read, so "3.6亿元" and "36000万元" are
both yuan.  The names with special meaning:

- ``%`` a percentage and ``pp`` percentage points.  In ``+ - == <`` they must match exactly
  ("5 + 3%" is a unit error); ``% - %`` gives ``pp``, ``% ± pp`` gives ``%``.  Inside ``*``
  and ``/`` a percentage is the plain fraction it stands for, so ``1090个 * 66.8%`` is a count.
- ``AD`` a calendar year ("2012年").  ``AD - AD`` is a duration in ``year``; ``AD ± year`` is a
  calendar year; calendar years are never multiplied.
- currencies by ISO code (``CNY``, ``USD``, …): never converted into one another (that needs an
  exchange rate, which is a fact, not a unit).

Conversions between different names of one dimension (``month`` → ``year``, ``mu`` →
``hectare``, ``km`` → ``m``) go through a small pint registry built on first use with exact
:class:`~fractions.Fraction` factors; pint is imported only then.
"""

from __future__ import annotations

from fractions import Fraction

Unit = tuple[tuple[str, int], ...]

PLAIN: Unit = ()
PERCENT: Unit = (("%", 1),)
PP: Unit = (("pp", 1),)
AD: Unit = (("AD", 1),)
YEAR: Unit = (("year", 1),)

CURRENCIES = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY", "AUD", "CAD")

# Our unit name → the pint definition behind it.  Year and month have their own dimension:
# a year is not a whole number of days, so year ↔ day is refused rather than approximated.
_PINT_DEFINITIONS = """
year = [calendar_time]
month = year / 12
minute = [time]
hour = 60 * minute
day = 24 * hour
m = [length]
km = 1000 * m
m2 = m ** 2
km2 = km ** 2
hectare = 10000 * m2
mu = 10000 / 15 * m2
kg = [mass]
t = 1000 * kg
jin = kg / 2
"""

_DISPLAY = {"%": "%", "pp": " pp", "AD": "", "year": " years", "month": " months",
            "day": " days", "hour": " hours", "minute": " minutes"}

_registry = None


class UnitError(Exception):
    """Two values whose units do not fit the operation."""


def make(name: str) -> Unit:
    return ((name, 1),) if name else PLAIN


def describe(u: Unit) -> str:
    """A unit as a reader says it.  Ex) "a percentage", "yuan (CNY)", "a plain number"."""
    if u == PLAIN:
        return "a plain number"
    if u == PERCENT:
        return "a percentage"
    if u == PP:
        return "percentage points"
    if u == AD:
        return "a calendar year"
    if len(u) == 1 and u[0][1] == 1 and u[0][0] in CURRENCIES:
        return f"an amount in {u[0][0]}"
    return f"a value in {symbol(u).strip()}"


def symbol(u: Unit) -> str:
    """The suffix written after a number of this unit.  Ex) "%", " CNY", " years", " CNY/km"."""
    if not u:
        return ""
    if len(u) == 1 and u[0][1] == 1:
        name = u[0][0]
        return _DISPLAY.get(name, f" {name}")
    up = [n if e == 1 else f"{n}^{e}" for n, e in u if e > 0]
    down = [n if e == -1 else f"{n}^{-e}" for n, e in u if e < 0]
    text = "*".join(up) or "1"
    if down:
        text += "/" + "/".join(down)
    return " " + text


def multiply(a: Unit, b: Unit, sign: int = 1) -> Unit:
    """The unit of a product (``sign=1``) or a quotient (``sign=-1``)."""
    exps: dict[str, int] = dict(a)
    for name, e in b:
        exps[name] = exps.get(name, 0) + sign * e
    return tuple(sorted((n, e) for n, e in exps.items() if e != 0))


def factor(src: Unit, dst: Unit) -> Fraction | None:
    """The exact factor that turns a value in *src* into one in *dst*, or None if none does."""
    if src == dst:
        return Fraction(1)
    if not (len(src) == 1 and len(dst) == 1 and src[0][1] == dst[0][1] == 1):
        return None
    a, b = src[0][0], dst[0][0]
    reg = _pint()
    if reg is None or a not in _pint_names() or b not in _pint_names():
        return None
    try:
        return Fraction(reg.Quantity(Fraction(1), a).to(b).magnitude)
    except Exception:  # pint's DimensionalityError: different dimensions
        return None


def _pint_names() -> set[str]:
    return {line.split("=")[0].strip() for line in _PINT_DEFINITIONS.strip().splitlines()}


def _pint():
    global _registry
    if _registry is None:
        try:
            import pint
        except ImportError:  # pragma: no cover - pint is a declared dependency
            return None
        reg = pint.UnitRegistry(None, non_int_type=Fraction)
        for line in _PINT_DEFINITIONS.strip().splitlines():
            reg.define(line)
        _registry = reg
    return _registry
