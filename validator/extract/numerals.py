"""Numerals: Chinese numerals (一千零九十, 两万, 三分之一) and English number words (three, twenty-one)."""

from __future__ import annotations

from fractions import Fraction

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS)


def parse_zh_integer(s: str) -> tuple[int, int] | None:
    """Value and the place value of its last written unit, or None if *s* is not a numeral.

    Ex) "一千零九十" → (1090, 10); "两万" → (20000, 10000); "十" → (10, 10); "三" → (3, 1).
    Digit strings without units ("二〇二一") and digit-after-digit ("十四五") are refused:
    the first is a year, the second a plan's name.
    """
    if not s:
        return None
    total = 0          # completed 亿/万 sections
    section = 0        # the part below the current big unit
    digit = None       # a digit waiting for its unit
    last_place = 1
    prev_was_digit = False
    big_seen = 10 ** 20
    for ch in s:
        if ch in ZH_DIGITS:
            if prev_was_digit:
                return None
            digit = ZH_DIGITS[ch]
            prev_was_digit = True
            last_place = 1
        elif ch in ZH_SMALL_UNITS:
            unit = ZH_SMALL_UNITS[ch]
            if digit is None:
                if ch != "十" or section % 100 >= 10:
                    return None
                digit = 1
            section += digit * unit
            digit = None
            prev_was_digit = False
            last_place = unit
        elif ch in ZH_BIG_UNITS:
            unit = ZH_BIG_UNITS[ch]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                return None
            if unit >= big_seen and unit != 10_000:
                return None
            if unit == 100_000_000:
                total = (total + section) * unit
            else:
                total += section * unit
            big_seen = min(big_seen, unit)
            last_place = last_place * unit if last_place < unit else unit
            section = 0
            prev_was_digit = False
        else:
            return None
    if digit is not None:
        # "一千零九十" ends on a unit; "三千五" is 3500 (the digit takes the next unit down).
        if s[-1] in ZH_DIGITS and len(s) >= 2 and s[-2] in ZH_SMALL_UNITS and s[-2:-1] != "零":
            unit = ZH_SMALL_UNITS[s[-2]] // 10
            section += digit * unit
            last_place = unit
        else:
            section += digit
            last_place = 1 if last_place >= 1 else last_place
    value = total + section
    if value == 0 and s not in ("零", "〇"):
        return None
    return value, last_place


def parse_zh_fraction(s: str) -> Fraction | None:
    """Ex) "三分之一" → 1/3; "百分之四十" → 2/5."""
    den_s, _, num_s = s.partition("分之")
    if den_s == "百":
        den = (100, 1)
    elif den_s == "千":
        den = (1000, 1)
    else:
        den = parse_zh_integer(den_s)
    num = parse_zh_integer(num_s)
    if den is None or num is None or den[0] == 0:
        return None
    return Fraction(num[0], den[0])


EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
             "trillion": 10**12}


def parse_en_words(s: str) -> int | None:
    """Ex) "twenty-one" → 21; "three hundred" → 300; "a dozen" → 12."""
    words = s.lower().replace("-", " ").replace(" and ", " ").split()
    if words == ["dozen"] or words == ["a", "dozen"]:
        return 12
    total, current, seen = 0, 0, False
    for w in words:
        if w in EN_UNITS:
            current += EN_UNITS[w]
        elif w in EN_TENS:
            current += EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in EN_SCALES:
            total += (current or 1) * EN_SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def render_zh(n: int) -> str:
    """A Chinese numeral for 0 ≤ n < 10^12, as reports write it (used by tests and `init`)."""
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def below_10k(x: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // unit % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += digits[d] + name
        return out

    parts = []
    for unit, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // unit % 10**4 if unit < 10**8 else n // unit
        if chunk:
            s = below_10k(chunk)
            if parts and chunk < 1000:
                s = "零" + s
            parts.append(s + name)
    s = "".join(parts)
    if s.startswith("一十"):
        s = s[1:]
    return s


def render_en(n: int) -> str:
    """English words for 0 ≤ n < 10^6 ("twenty-one", "three hundred and five")."""
    if n < 20:
        return [k for k, v in EN_UNITS.items() if v == n][0]
    if n < 100:
        tens = [k for k, v in EN_TENS.items() if v == n // 10 * 10][0]
        return tens + ("-" + render_en(n % 10) if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return render_en(n // 100) + " hundred" + (" and " + render_en(rest) if rest else "")
    rest = n % 1000
    return render_en(n // 1000) + " thousand" + (" " + render_en(rest) if rest else "")
