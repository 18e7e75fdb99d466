"""One amount written in two magnitudes, or against a threshold or a conversion, disagrees with itself.

What it does:
    Checks an amount against the same amount written with another magnitude word or unit:

    - the same quantity restated in another magnitude — "国内生产总值59.30万亿元" and, in a
      sentence that reads the same, "国内生产总值593034亿元"; a table "(Dollars in
      thousands)" row "Total revenue | $ 118,346" and the text's "$118.3 million for the
      year ended December 31, 2021" (pairs are found as ``repeated-quantity`` finds them);
    - a threshold next to the amount it describes — "突破6万亿元，达到6.4万亿元",
      "137253.6亿元，迈上13万亿元新台阶", "以30364.7亿元的经济总量，站上“三万亿元”的新台阶":
      突破/超过/跨过/站上/迈上 X means the amount is at least X, and "迈上/站上 X…新台阶" also
      that it has not reached the next step (that one is a warning);
    - currency conversions: a rate stated in the text ("按1美元兑6.45元人民币计算") against
      every conversion between the same currencies, and two conversions of the same pair in
      one text ("A$612.5m ($401.2m)" … "about A$1.1 billion ($720 million)") against each other
      (a warning: two implied rates may be of different days, so 5% either way is allowed).

    Values are intervals: "59.30万亿元" is 59.295–59.305万亿元 and agrees with 593034亿元.

Why it matters:
    A magnitude slip (万 for 亿, million for billion, two digits swapped in 593034亿元) changes a
    figure ten- or ten-thousand-fold, and a threshold that the stated amount does not reach
    is a claim the report itself refutes.

Example (fails):
    全年全省生产总值突破6万亿元，达到5.4万亿元。

Use instead (passes):
    全年全省生产总值突破6万亿元，达到6.4万亿元。

Exchange rates that are not stated in the text (a conversion at "the rate of the day") are
not checked: that needs outside knowledge.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract.numerals import parse_zh_integer
from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from .base import Context, show
from .repeated_quantity import judge_table, odd_ones, pairs, table_verdicts

ID = "unit-magnitude"
SEVERITY = "error"

_MAG = {"万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "万": 4, "千": 3}


# -- the same quantity in two magnitudes --------------------------------------------------------
def _agree(a: Quantity, b: Quantity) -> bool:
    return a.value.intersects(b.value)


def _magnitude_pairs(ctx: Context) -> Iterator[Check | Finding]:
    found = [p for p in pairs(ctx) if p.a.kind == "amount" and p.a.scale != p.b.scale]
    for p in found:
        if _agree(p.a, p.b):
            yield Check(ID, p.b.start, p.b.end, "passed", show(p.b), show(p.a),
                        f"{show(p.b)} = {show(p.a)} within rounding")
    for bad, good, _ in odd_ones(found, _agree):
        line = ctx.doc.position(good.start)[0]
        ratio = (bad.point / good.point) if good.point else None
        factor = ""
        if ratio and ratio > 0:
            r = ratio if ratio >= 1 else 1 / ratio
            if r.denominator == 1 or abs(r - round(r)) < Fraction(1, 100):
                factor = f"; the two differ by a factor of about {fmt(Fraction(round(r)))}"
        want = _in_mag(good.value, bad.scale, bad.unit)
        msg = (f"stated {show(bad)} but the same quantity is stated as {show(good)} (line {line}), "
               f"which is {want} in the magnitude of {show(bad)}; {show(bad)} stands for "
               f"{_in_mag(bad.value, bad.scale, bad.unit)}{factor}; for the two to agree, {show(bad)} "
               f"would have to be {want}")
        yield Check(ID, bad.start, bad.end, "failed", show(bad), want, msg)
        yield Finding(ID, SEVERITY, msg, bad.start, bad.end, show(bad), want,
                      (("other", show(good)), ("other_line", str(line))),
                      (Related("same-quantity", show(good), good.start, good.end),))


_ZH_UNIT = {"CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "HKD": "港元", "JPY": "日元"}
_EN_SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "RMB", "AUD": "A$", "HKD": "HK$"}


def _in_mag(iv: Interval, scale: int, unit: str = "CNY") -> str:
    """An interval written in a magnitude.  Ex) "823050–823150亿元", "$95.96–95.97 million"."""
    if iv.lo is None or iv.hi is None:
        return str(iv)
    f = Fraction(10) ** scale
    lo, hi = iv.lo / f, iv.hi / f
    a, b = fmt(lo), fmt(hi)
    num = a if a == b else f"{a}–{b}"
    if scale in (12, 8, 4):
        word = {12: "万亿", 8: "亿", 4: "万"}[scale]
        return f"{num}{word}{_ZH_UNIT.get(unit, '')}"
    word = {9: " billion", 6: " million", 3: " thousand", 0: ""}.get(scale, f"e{scale}")
    return f"{_EN_SYMBOL.get(unit, '')}{num}{word}"


# -- thresholds ------------------------------------------------------------------------------------
# Ex) "突破8万亿元" "迈上11万亿元新台阶" "站上“四万亿元”的新台阶" "跨过3万亿元大关" "突破7千亿元"
_THRESH = lazy_compile(r"""
    (?P<verb>突破|超过|跨过|跨越|跨上|站上|迈上|迈入|迈进|跃上|登上|晋级|首破|首次突破)了?
    [“"「]?
    (?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3})
    (?P<mag>万亿|千亿|百亿|亿|千万|百万|万)
    (?P<cur>元|美元)?
    [”"」]?
    (?P<tail>(?:的)?(?:新)?台阶|大关|关口|俱乐部)?
    # the threshold ends its clause: not "突破10亿元大关的企业有5家"
    (?=[，,。；;、！？!?\s”"）)]|$)
    """, regex.VERBOSE)
_FLOOR_VERBS = ("站上", "迈上", "跨上", "跃上", "登上", "迈入", "迈进", "晋级")
# What may stand between an amount and the threshold clause after it.
# Ex) "137253.6亿元，迈上" "30364.7亿元的经济总量，站上" "达到6.4万亿元" (before)
_AFTER_AMOUNT = lazy_compile(r"(?:的[\p{Han}]{1,6})?[，,]\s*(?:顺利|成功|首次|正式|一举|已经|已)?$")
_BEFORE_AMOUNT = lazy_compile(r"^[，,]\s*(?:达到|达|为|实现|录得|总量达到|总额达到)$")


@dataclass(frozen=True)
class Threshold:
    start: int
    end: int
    text: str
    value: Fraction          # in yuan
    step: Fraction           # the last written digit's place
    verb: str
    tail: str
    unit: str                # CNY | USD | ""


def _thresholds(text: str) -> list[Threshold]:
    out = []
    for m in _THRESH.finditer(text):
        num = m.group("num")
        if num[0].isdigit():
            val = Fraction(num)
            place = Fraction(1, 10 ** len(num.split(".")[1])) if "." in num else Fraction(1)
        else:
            parsed = parse_zh_integer(num)
            if parsed is None:
                continue
            val, place = Fraction(parsed[0]), Fraction(1)
        f = Fraction(10) ** _MAG[m.group("mag")]
        cur = {"元": "CNY", "美元": "USD"}.get(m.group("cur") or "", "")
        out.append(Threshold(m.start("verb"), m.end(), m.group(), val * f, place * f, m.group("verb"),
                             m.group("tail") or "", cur))
    return out


def _threshold_checks(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    amounts = [q for q in ctx.quantities if q.kind == "amount" and q.lang == "zh"]
    for t in _thresholds(text):
        s0, s1 = ctx.sentence_of(t.start)
        q = None
        # the amount right before, in the clause before: "137253.6亿元，迈上13万亿元新台阶"
        before = [a for a in amounts if s0 <= a.end <= t.start]
        if before and _AFTER_AMOUNT.search(text[before[-1].end:t.start]) \
                and text[before[-1].end:t.start].count("，") + text[before[-1].end:t.start].count(",") == 1:
            q = before[-1]
        # the amount right after: "突破6万亿元，达到6.4万亿元"
        if q is None:
            after = [a for a in amounts if t.end <= a.start < s1]
            if after and _BEFORE_AMOUNT.match(text[t.end:after[0].start]):
                q = after[0]
        if q is None or (t.unit and q.unit != t.unit) or (not t.unit and q.unit != "CNY"):
            continue
        yield from _judge_threshold(ctx, t, q)


def _judge_threshold(ctx: Context, t: Threshold, q: Quantity) -> Iterator[Check | Finding]:
    stated = t.text
    amount = show(q)
    hi, lo = q.value.hi, q.value.lo
    scale = 12 if t.value >= Fraction(10) ** 12 and q.scale >= 8 else q.scale
    unit = q.unit
    if hi is not None and hi < t.value:
        msg = (f"stated {stated} but the amount it describes is {amount} "
               f"({_in_mag(q.value, scale, unit)}), below the threshold {_in_mag(Interval.exact(t.value), scale, unit)}; "
               f"for the sentence to hold the amount would be at least "
               f"{_in_mag(Interval.exact(t.value), q.scale, unit)}, or the threshold at most {_in_mag(q.value, scale, unit)}")
        yield Check(ID, t.start, t.end, "failed", stated, amount, msg)
        yield Finding(ID, SEVERITY, msg, t.start, t.end, stated, amount,
                      (("amount", amount), ("threshold", _in_mag(Interval.exact(t.value), scale, unit))),
                      (Related("amount", amount, q.start, q.end),))
        return
    if t.verb in _FLOOR_VERBS and t.tail and lo is not None and lo >= t.value + t.step:
        nxt = t.value + t.step
        msg = (f"stated {stated} but the amount is {amount} ({_in_mag(q.value, scale, unit)}), already past "
               f"the next step {_in_mag(Interval.exact(nxt), scale, unit)}; a new level of "
               f"{_in_mag(Interval.exact(t.value), scale, unit)} fits amounts from "
               f"{_in_mag(Interval.exact(t.value), scale, unit)} up to {_in_mag(Interval.exact(nxt), scale, unit)}")
        yield Check(ID, t.start, t.end, "failed", stated, amount, msg)
        yield Finding(ID, "warning", msg, t.start, t.end, stated, amount,
                      (("amount", amount), ("threshold", _in_mag(Interval.exact(t.value), scale, unit))),
                      (Related("amount", amount, q.start, q.end),))
        return
    yield Check(ID, t.start, t.end, "passed", stated, amount,
                f"{amount} is at least {_in_mag(Interval.exact(t.value), scale, unit)}")


# -- currency conversions ----------------------------------------------------------------------------
# Ex) "742m euros" "5.2bn Danish kroner" "12bn euros" — amounts the extractor leaves as numbers
_EN_AMOUNT = lazy_compile(
    r"(?<![0-9.,])(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)\s?(?P<mag>m|bn|million|billion|trillion)?\s"
    r"(?P<cur>euros?|(?:Danish\s|Swedish\s|Norwegian\s)?kroner|krona|yen|yuan|renminbi|rupees|francs)\b",
    regex.IGNORECASE)
_EN_CUR = {"euro": "EUR", "euros": "EUR", "kroner": "DKK", "danish kroner": "DKK", "swedish kroner": "SEK",
           "norwegian kroner": "NOK", "krona": "SEK", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
           "rupees": "INR", "francs": "CHF"}
_EN_SCALE = {"m": 6, "million": 6, "bn": 9, "billion": 9, "trillion": 12, None: 0}
# Ex) "A$612.5m ($401.2m; £318m)" — the amounts in brackets convert the one before
_CONV_GAP = lazy_compile(r"^\s*[（(]\s*$|^\s*;\s*$|^\s*[；;]\s*$")
# Ex) "86.3亿美元、折合608亿元人民币" "约合" "相当于"
_ZH_CONV_GAP = lazy_compile(r"^[、，,]?\s*(?:折合|约合|合|相当于|折)(?:人民币)?$")
# Ex) "按1美元兑6.45元人民币" "1美元兑换7.1元人民币" "汇率按1美元=6.9元"
_ZH_RATE = lazy_compile(
    r"1(?P<a>美元|欧元|英镑|港元|日元)(?:兑换|兑|=|＝|折合|合)(?P<r>[0-9]+(?:\.[0-9]+)?)(?P<b>元人民币|元|人民币|美元|港元|日元)")
# Ex) "at a rate of $1.30 to the euro" "an exchange rate of 7.1 yuan per dollar"
_EN_RATE = lazy_compile(
    r"(?:rate\s+of|at)\s+(?P<cur>US\$|\$|£|€)(?P<r>[0-9]+(?:\.[0-9]+)?)\s+(?:to|per)\s+(?:the|one|a|each)\s+"
    r"(?P<b>euro|pound|dollar|yuan)\b", regex.IGNORECASE)
_ZH_CODE = {"美元": "USD", "欧元": "EUR", "英镑": "GBP", "港元": "HKD", "日元": "JPY", "元人民币": "CNY",
            "元": "CNY", "人民币": "CNY"}
_EN_CODE = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "euro": "EUR", "pound": "GBP", "dollar": "USD",
            "yuan": "CNY"}


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    text: str
    value: Interval
    unit: str
    zh: bool = False


def _moneys(ctx: Context) -> list[Money]:
    out = [Money(q.start, q.end, show(q), q.value, q.unit, q.lang == "zh") for q in ctx.quantities
           if q.kind == "amount" and q.value.bounded]
    taken = {(m.start) for m in out}
    for m in _EN_AMOUNT.finditer(ctx.text):
        if m.start() in taken:
            continue
        digits = m.group("num").replace(",", "")
        scale = _EN_SCALE[(m.group("mag") or None) and m.group("mag").lower()]
        iv = Interval.rounded(digits).scale(Fraction(10) ** scale)
        cur = _EN_CUR.get(" ".join(m.group("cur").lower().split()))
        if cur:
            out.append(Money(m.start(), m.end(), m.group().strip(), iv, cur))
    out.sort(key=lambda x: x.start)
    return out


@dataclass(frozen=True)
class Conversion:
    src: Money
    dst: Money

    def rate(self) -> Interval:
        """Units of dst per unit of src."""
        return self.dst.value / self.src.value


def _conversions(ctx: Context, moneys: list[Money]) -> list[Conversion]:
    text = ctx.text
    out = []
    for i, a in enumerate(moneys):
        j = i + 1
        src = a
        # "A$612.5m ($401.2m; £318m)": each bracketed amount converts the first one
        while j < len(moneys):
            b = moneys[j]
            gap = text[moneys[j - 1].end:b.start]
            if b.unit != src.unit and (_CONV_GAP.match(gap) if j == i + 1 or gap.strip() in (";", "；")
                                       else False):
                out.append(Conversion(src, b))
                j += 1
                continue
            if j == i + 1 and b.unit != src.unit and _ZH_CONV_GAP.match(gap.strip()):
                out.append(Conversion(src, b))
            break
    return out


def _stated_rates(text: str) -> list[tuple[str, str, Interval, int, int, str]]:
    out = []
    for m in _ZH_RATE.finditer(text):
        out.append((_ZH_CODE[m.group("a")], _ZH_CODE[m.group("b")], Interval.rounded(m.group("r")),
                    m.start(), m.end(), m.group()))
    for m in _EN_RATE.finditer(text):
        a = _EN_CODE[m.group("b").lower()]
        b = _EN_CODE[m.group("cur").lower()]
        out.append((a, b, Interval.rounded(m.group("r")), m.start(), m.end(), m.group()))
    return out


_TOLERANCE = Fraction(5, 100)


def _conversion_checks(ctx: Context) -> Iterator[Check | Finding]:
    convs = _conversions(ctx, _moneys(ctx))
    rates = _stated_rates(ctx.text)
    for c in convs:
        for a, b, r, rs, re_, rtext in rates:
            if {a, b} != {c.src.unit, c.dst.unit}:
                continue
            implied = c.rate() if (c.src.unit, c.dst.unit) == (a, b) else c.rate().reciprocal()
            if implied.intersects(r):
                yield Check(ID, c.dst.start, c.dst.end, "passed", c.dst.text, rtext,
                            f"{c.src.text} → {c.dst.text} at the stated {rtext}")
                continue
            need = c.src.value * r if (c.src.unit, c.dst.unit) == (a, b) else c.src.value / r
            shown = _in_mag(need, 8, c.dst.unit) if c.dst.zh else _plain(need)
            msg = (f"stated {c.dst.text} for {c.src.text}, but at the rate stated in the text ({rtext}) "
                   f"{c.src.text} is {shown}; the conversion implies {_plain(implied, 4)} "
                   f"instead of {fmt(r.lo, 4)}–{fmt(r.hi, 4)}")
            yield Check(ID, c.dst.start, c.dst.end, "failed", c.dst.text, shown, msg)
            yield Finding(ID, SEVERITY, msg, c.dst.start, c.dst.end, c.dst.text, shown,
                          (("rate", rtext), ("source", c.src.text)),
                          (Related("source", c.src.text, c.src.start, c.src.end),
                           Related("rate", rtext, rs, re_)))
    # conversions of the same pair against each other
    seen: list[Conversion] = []
    for c in convs:
        for d in seen:
            if {d.src.unit, d.dst.unit} != {c.src.unit, c.dst.unit}:
                continue
            rc = c.rate() if (c.src.unit, c.dst.unit) == (d.src.unit, d.dst.unit) else c.rate().reciprocal()
            rd = d.rate()
            widened = Interval(rd.lo * (1 - _TOLERANCE), rd.hi * (1 + _TOLERANCE))
            if rc.intersects(widened):
                yield Check(ID, c.dst.start, c.dst.end, "passed", c.dst.text, d.dst.text,
                            f"{c.src.text} → {c.dst.text} agrees with {d.src.text} → {d.dst.text}")
                continue
            line = ctx.doc.position(d.src.start)[0]
            msg = (f"{c.src.text} converted as {c.dst.text} implies {_plain(rc, 4)} {d.dst.unit} per "
                   f"{d.src.unit}, but {d.src.text} = {d.dst.text} (line {line}) implies {_plain(rd, 4)}; "
                   f"at that rate {c.src.text} would be about {_conv(c, rd, d)} (5% allowed for a "
                   f"change of rate)")
            yield Check(ID, c.dst.start, c.dst.end, "failed", c.dst.text, _conv(c, rd, d), msg)
            yield Finding(ID, "warning", msg, c.dst.start, c.dst.end, c.dst.text, _conv(c, rd, d),
                          (("other_conversion", f"{d.src.text} = {d.dst.text}"),),
                          (Related("other-conversion", d.dst.text, d.dst.start, d.dst.end),))
            break
        seen.append(c)


def _conv(c: Conversion, rd: Interval, d: Conversion) -> str:
    if (c.src.unit, c.dst.unit) == (d.src.unit, d.dst.unit):
        return _plain(c.src.value * rd)
    return _plain(c.src.value / rd)


def _plain(iv: Interval, digits: int | None = None) -> str:
    if iv.lo is None or iv.hi is None:
        return str(iv)
    mid = (iv.lo + iv.hi) / 2
    if digits is not None:
        return fmt(mid, digits)
    for s, w in ((12, "tn"), (9, "bn"), (6, "m")):
        if abs(mid) >= Fraction(10) ** s:
            return fmt(mid / Fraction(10) ** s, 2) + w
    return fmt(mid, 2)


# -- tables in one unit, text in another ----------------------------------------------------------
def _table_checks(ctx: Context) -> Iterator[Check | Finding]:
    for tp in table_verdicts(ctx):
        if not tp.same_scale:
            yield from judge_table(ctx, tp, ID, SEVERITY)


def check(ctx: Context) -> Iterator[Check | Finding]:
    yield from _magnitude_pairs(ctx)
    yield from _threshold_checks(ctx)
    yield from _conversion_checks(ctx)
    yield from _table_checks(ctx)
