"""A currency conversion whose implied exchange rate is far from any rate of the years the report names.

What it does:
    Finds an amount followed by the same amount converted into other currencies and computes the
    exchange rate the two figures imply, as an interval (both are rounded):

    - English, one or two conversions in a bracket right after the amount, separated by ";" or
      ",": "$630m (£481.5m)", "537m euros ($701m; £371m)", "3.4bn Danish kroner (456m euros)",
      "A$458.4m ($357.6m; £191m)", "£2.1bn ($3.9bn, €3bn)", "$5bn (about £2.7bn)";
    - Chinese, a conversion after 折合 / 约合 / 相当于, bare or in brackets: "96.4亿美元、折合686亿元
      人民币", "12亿美元（折合人民币86亿元）", "3亿欧元（约合人民币23亿元）".

    The implied rate is compared with approximate annual averages of the major pairs
    (US dollar, pound, euro, yuan, yen, Australian dollar, Danish krone, Hong Kong dollar;
    ``validator/reference/fx.py``; cross rates from two US-dollar legs; for a few volatile years
    such as 2008 the range of monthly averages) for the years the document
    itself names (4-digit years 1990–2030 read as years: "in 2004", "2004年", "fiscal 2019").
    The conversion is reported only when its rate lies outside the lowest-to-highest average of
    those years widened by 15% each way.  A document that names no year with data is not
    checked; the clock is never read.

Why it matters:
    A bracketed conversion is usually typed from a rate table; a figure converted at another
    currency's rate (dollars to pounds at the euro rate), a rate applied the wrong way round or a
    lost magnitude gives a number a reader in the other currency takes at face value.

Example (fails):
    The carmaker earned $840m (£641.2m) in the final quarter of 2004, against $1.2bn a year earlier.

Use instead (passes):
    The carmaker earned $840m (£458.5m) in the final quarter of 2004, against $1.2bn a year earlier.

A warning, never an error: the reference rates are outside knowledge, approximate and annual.
Only currencies the extractor names are read; a bare "$" is taken for the US dollar only when
the text never writes "US$" and no letter is glued to it ("S$", "NZ$"); bare "kroner" (Danish or
Norwegian?), "¥" (yen or yuan?) and 元 after another currency's name ("新台币500亿元") are skipped,
and amounts with a bound (more than, 超过) are left alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

import regex

from ..interval import Interval, fmt
from ..lazyre import lazy_compile
from ..model import Check, Finding, Quantity, Related
from ..reference.fx import MONTHLY_RANGE, RATES
from .base import Context, decimals_of, show

ID = "currency-rate"
SEVERITY = "warning"

_BAND = Fraction(15, 100)
_YEAR_LO, _YEAR_HI = 1990, 2030

# Between the amount and its first conversion.  Ex) "$630m (" "537m euros (" "$5bn (about "
_EN_OPEN = lazy_compile(r"^[ \t]*\([ \t]*(?:(?:about|around|approximately|roughly|some|c\.)[ \t]+)?$",
                        regex.IGNORECASE)
# Between two conversions in one bracket.  Ex) "($701m; £371m)" "($3.9bn, €3bn)"
_EN_SEP = lazy_compile(r"^[ \t]*[;,][ \t]*(?:(?:about|around|approximately|roughly|some|c\.)[ \t]+)?$",
                       regex.IGNORECASE)
_EN_CLOSE = lazy_compile(r"^[ \t]*\)")
# Ex) "、折合" "，约合" "折合" "相当于" — a bare Chinese conversion
_ZH_BARE = lazy_compile(r"^[、，,]?(?:折合|约合|相当于)(?:人民币)?约?$")
# Ex) "（折合人民币" "（约合" "（" — a bracketed Chinese conversion, closed right after it
_ZH_OPEN = lazy_compile(r"^[（(](?:折合|约合|相当于|约)?(?:人民币)?约?$")
_ZH_CLOSE = lazy_compile(r"^[）)]")
# Ex) "in 2004" "2004年" — years the extractor may not have read as years
_IN_YEAR = lazy_compile(r"\b(?:in|during|for|of|since|fiscal|FY)\s+(?P<y>(?:19|20)[0-9]{2})\b(?![0-9.,%])")
_ZH_YEAR = lazy_compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})年")
_DIGITS = lazy_compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_US_DOLLAR = lazy_compile(r"US ?\$|USD")
# A currency named before a 元 amount that the extractor reads as yuan.  Ex) "新台币500亿元" "港币12亿元"
_ZH_OTHER_YUAN = lazy_compile(r"(?:台币|港币|澳门币|澳币|新币|韩币|日币|美金|外币)$")

# How a rate between two currencies is quoted in messages: units of the lower-ranked currency
# per one of the higher-ranked one ("1.31 US$ per £", "7.15 yuan per US$", "7.46 kroner per €").
_RANK = ("GBP", "EUR", "AUD", "USD", "HKD", "CNY", "DKK", "JPY")
_SYMBOL = {"USD": "US$", "GBP": "£", "EUR": "€", "CNY": "yuan", "JPY": "yen", "AUD": "A$",
           "DKK": "kroner", "HKD": "HK$"}
_NAME = {"USD": "the US dollar", "GBP": "the pound", "EUR": "the euro", "CNY": "the yuan",
         "JPY": "the yen", "AUD": "the Australian dollar", "DKK": "the Danish krone",
         "HKD": "the Hong Kong dollar"}


def _leg(pair: tuple[str, str], year: int) -> Interval | None:
    """A pair's reference for *year*: its annual average, widened to the monthly range of a
    volatile year (exact Fractions from the decimal strings of the table)."""
    avg = RATES.get(pair, {}).get(year)
    if avg is None:
        return None
    ref = Interval.exact(Fraction(avg))
    span = MONTHLY_RANGE.get(pair, {}).get(year)
    return ref if span is None else ref.hull(Interval(Fraction(span[0]), Fraction(span[1])))


def _usd_per(cur: str, year: int) -> Interval | None:
    """US dollars per one unit of *cur* in *year*, from the reference table (None: no data)."""
    if cur == "USD":
        return Interval.exact(1)
    if cur == "DKK":
        eur, dkk = _usd_per("EUR", year), _leg(("DKK", "EUR"), year)
        return None if eur is None or dkk is None else eur / dkk
    direct = _leg(("USD", cur), year)
    if direct is not None:
        return direct
    inverse = _leg((cur, "USD"), year)
    return None if inverse is None else inverse.reciprocal()


def reference_rate(quote: str, base: str, year: int) -> Interval | None:
    """Units of *quote* per one unit of *base* in *year* (a cross rate from two US-dollar legs)."""
    b, q = _usd_per(base, year), _usd_per(quote, year)
    return None if b is None or q is None else b / q


def _known(q: Quantity, text: str, has_us: bool) -> bool:
    """Is *q* an amount in a currency this rule can name without guessing?"""
    # Ex) "more than $5bn" "近5亿美元" "3万多美元": a bound is no figure to convert; "about" is kept
    if q.kind != "amount" or q.unit not in _SYMBOL or not q.value.bounded or q.qualifier not in (None, "approx"):
        return False
    if q.value.lo is None or q.value.lo <= 0:
        return False
    surface = q.text.lstrip()
    # Ex) "S$1.2bn" "NZ$40m" "NT$12bn": the extractor reads "$1.2bn"; the dollar is not the US one
    if surface.startswith("$") and q.start > 0 and text[q.start - 1].isalpha():
        return False
    # Ex) "HK$1.2bn ($154m)" in a text that also writes "US$": a bare "$" may be a local dollar
    if surface.startswith("$") and has_us:
        return False
    # Ex) "¥1.2tn" — yen in a Tokyo story, yuan in a Beijing one
    if surface.startswith(("¥", "￥")):
        return False
    # Ex) "新台币500亿元（约合16亿美元）" — 元 of another currency
    if q.unit == "CNY" and _ZH_OTHER_YUAN.search(text[max(0, q.start - 4):q.start]):
        return False
    # Ex) "36bn kroner" — Danish or Norwegian?  Only "Danish kroner" is read.
    if q.unit == "DKK" and "danish" not in q.text.lower():
        return False
    return True


def _conversions(ctx: Context) -> list[tuple[Quantity, Quantity]]:
    """(source, converted) pairs, in text order."""
    text = ctx.text
    has_us = bool(_US_DOLLAR.search(text))
    qs = ctx.quantities
    out = []
    for i, a in enumerate(qs):
        if not _known(a, text, has_us) or i + 1 >= len(qs):
            continue
        b = qs[i + 1]
        gap = text[a.end:b.start]
        if _EN_OPEN.match(gap):
            # Ex) "$630m (£481.5m)" "537m euros ($701m; £371m)"
            group = [b]
            if i + 2 < len(qs) and _EN_SEP.match(text[b.end:qs[i + 2].start]):
                group.append(qs[i + 2])
            if not _EN_CLOSE.match(text[group[-1].end:group[-1].end + 8]):
                continue
        elif _ZH_BARE.match(gap.strip()) or (
                _ZH_OPEN.match(gap.strip()) and _ZH_CLOSE.match(text[b.end:b.end + 1])):
            # Ex) "96.4亿美元、折合686亿元人民币" "12亿美元（折合人民币86亿元）"
            group = [b]
        else:
            continue
        units = {a.unit}
        for c in group:
            if c.unit in units:
                break  # Ex) "$5bn ($4.2bn)": the same currency twice is no conversion
            units.add(c.unit)
        else:
            out.extend((a, c) for c in group if _known(c, text, has_us))
    return out


def _years(ctx: Context) -> list[int]:
    """The years the document names: what the extractor reads as years, "in 2004", "2004年"."""
    found = {int(q.point) for q in ctx.quantities if q.kind == "year" and q.point.denominator == 1}
    for pattern in (_IN_YEAR, _ZH_YEAR):
        found.update(int(m.group("y")) for m in pattern.finditer(ctx.text))
    return sorted(y for y in found if _YEAR_LO <= y <= _YEAR_HI)


def _amount_text(q: Quantity, value: Fraction) -> str:
    """*value* (base units) written the way *q* is written.  Ex) 343.6e6 for "£481.5m" → "£343.6m"."""
    m = _DIGITS.search(q.text)
    shown = fmt(value / Fraction(10) ** q.scale, decimals_of(q))
    if m is None:
        return shown
    return (q.text[:m.start()] + shown + q.text[m.end():]).strip()


def _span_text(lo: Fraction, hi: Fraction, digits: int) -> str:
    a, b = fmt(lo, digits), fmt(hi, digits)
    return a if a == b else f"{a}–{b}"


def _outward(band: Interval, digits: int) -> str:
    """The band rounded outward, so a rate just outside it never looks inside.  Ex) 1.3889 → "1.38"."""
    step = Fraction(1, 10 ** digits)
    lo = math.floor(band.lo / step) * step
    hi = math.ceil(band.hi / step) * step
    return f"{fmt(lo, digits)}–{fmt(hi, digits)}"


def _digits(x: Fraction) -> int:
    """Places that show a rate to about four significant figures.  Ex) 1.308 → 3, 108.2 → 1."""
    return 3 if x < 10 else (1 if x < 1000 else 0)


def _years_text(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else (
        f"{years[0]}–{years[-1]}" if years[-1] - years[0] == len(years) - 1 else ", ".join(map(str, years)))


def _magnitude_slip(implied: Interval, band: Interval, quote: str, converted: str) -> str:
    """A power of ten that brings the implied rate into the band: a lost 万 / thousand / digit."""
    for k in (1, -1, 2, -2, 3, -3, 4, -4):
        if implied.scale(Fraction(10) ** k).intersects(band):
            # implied = quote units per base unit: a converted figure too small lowers it when it is
            # the quote side and raises it when it is the base side.
            small = (k > 0) == (converted == quote)
            return (f": the {_SYMBOL[converted]} figure looks {10 ** abs(k):,} times too "
                    f"{'small' if small else 'large'} (a slip of magnitude)")
    return ""


# The slip a lookalike hint names: a figure converted at the rate of another of the three currencies
# news converts between most (dollars to pounds at the dollar-euro rate).
_MAJOR = ("GBP", "EUR", "USD")


def _lookalike(implied: Interval, quote: str, base: str, converted: str, years: list[int]) -> str:
    """Another major pair whose rate the implied one matches (within 10%).
    Ex) 1.31 US$ per £ in 2004 is the US$ per € rate of that year."""
    for q2, b2 in [(quote, o) for o in _MAJOR] + [(o, base) for o in _MAJOR]:
        if q2 == b2 or (q2, b2) == (quote, base) or q2 not in _MAJOR or b2 not in _MAJOR:
            continue
        # Plain annual averages only: a volatile year's wide range would match anything.
        refs = [r for y in years if (r := reference_rate(q2, b2, y)) is not None and r.is_point]
        if not refs:
            continue
        rates = [min(r.lo for r in refs), max(r.hi for r in refs)]
        if implied.intersects(Interval(min(rates) * Fraction(9, 10), max(rates) * Fraction(11, 10))):
            d = max(0, _digits(min(rates)) - 1)
            return (f": the {_SYMBOL[converted]} figure looks converted at another currency's rate "
                    f"({_SYMBOL[q2]} per {_SYMBOL[b2]}: "
                    f"{_span_text(min(rates), max(rates), d)})")
    return ""


def check(ctx: Context) -> Iterator[Check | Finding]:
    convs = _conversions(ctx)
    if not convs:
        return
    years = _years(ctx)
    if not years:
        return
    for a, b in convs:
        # Quote the pair the usual way round: units of the lower-ranked currency per one of the other.
        base, quote = sorted((a.unit, b.unit), key=_RANK.index)
        rates = {y: r for y in years if (r := reference_rate(quote, base, y)) is not None}
        if not rates:
            continue
        implied = a.value / b.value if a.unit == quote else b.value / a.value
        lo, hi = min(r.lo for r in rates.values()), max(r.hi for r in rates.values())
        band = Interval(lo * (1 - _BAND), hi * (1 + _BAND))
        d = _digits(lo)
        rd = max(0, d - 1)  # the reference averages are approximate: one place fewer
        pair = f"{_SYMBOL[quote]} per {_SYMBOL[base]}"
        implied_text = _span_text(implied.lo, implied.hi, d)
        ys = sorted(rates)
        if implied.intersects(band):
            yield Check(ID, b.start, b.end, "passed", show(b), f"{_span_text(lo, hi, rd)} {pair}",
                        f"{show(a)} = {show(b)} implies {implied_text} {pair}, within 15% of the "
                        f"{_years_text(ys)} average{'s' if len(ys) > 1 else ''} ({_span_text(lo, hi, rd)})")
            continue
        # What the converted figure would be at the years' averages.
        if b.unit == quote:
            want = Interval(a.value.lo * lo, a.value.hi * hi)
        else:
            want = Interval(a.value.lo / hi, a.value.hi / lo)
        expected = (_amount_text(b, want.lo) if _amount_text(b, want.lo) == _amount_text(b, want.hi)
                    else f"{_amount_text(b, want.lo)}–{_amount_text(b, want.hi)}")
        hint = _magnitude_slip(implied, band, quote, b.unit) or _lookalike(implied, quote, base, b.unit, ys)
        # A volatile year's reference is its range of monthly averages, not one average.
        verb = "averaged" if all(r.is_point for r in rates.values()) else "had monthly averages of"
        named = "the year this report names" if len(ys) == 1 else "the years this report names"
        msg = (f"{show(a)} = {show(b)} implies {implied_text} {pair}; in {_years_text(ys)} ({named}) "
               f"{_NAME[base]} {verb} {_span_text(lo, hi, rd)} {_SYMBOL[quote]}, so even ±15% "
               f"({_outward(band, rd)}) excludes it; at those rates {show(a)} is about "
               f"{expected}{hint or ': one of the two figures, or the rate used, is wrong'}")
        yield Check(ID, b.start, b.end, "failed", show(b), expected, msg)
        yield Finding(ID, SEVERITY, msg, b.start, b.end, show(b), expected,
                      (("source", show(a)), ("implied rate", f"{implied_text} {pair}"),
                       ("reference", f"{_span_text(lo, hi, rd)} {pair} ({_years_text(ys)})")),
                      (Related("source", show(a), a.start, a.end),
                       Related("converted", show(b), b.start, b.end)))
