"""Numerals: Chinese numerals (一千零九十, 两万, 三分之一) and English number words (three, twenty-one)."""

from __future__ import annotations

from fractions import Fraction

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS)


def parse_zh_integer(s: str) -> tuple[int, int] | None:
    """Value and the place value of its last written digit, or None if *s* is not a numeral.

    Ex) "一千零九十" → (1090, 10); "两万" → (20000, 10000); "十" → (10, 10); "三" → (3, 1);
    "三千五" → (3500, 100) and "三万五" → (35000, 1000) (a last digit right after a unit takes
    the next unit down); "三万亿" → (3·10^12, 10^12).
    Digit strings without units ("二〇二一") and digit-after-digit ("十四五") are refused:
    the first is a year, the second a plan's name.
    """
    if not s:
        return None
    if s in ("零", "〇"):
        return 0, 1
    total = 0              # completed 亿/万 sections
    section = 0            # the part below the current big unit
    digit = None           # a digit waiting for its unit
    prev = ""              # what came last: digit | zero | small | big
    last_unit = 0          # the unit written last (for "三千五")
    small_floor = 10**5    # small units must descend inside a section: 三千五百, not 三十五百
    section_place = 1      # place of the last digit written in the current section
    place = 1              # place of the last written digit of the whole numeral
    wan_open = True        # 万 not yet used since the last 亿
    prev_before_digit = ""
    yi_seen = False
    for ch in s:
        if ch in "零〇":
            # Ex) "一千零九十": 零 only stands between a unit and a digit
            if prev not in ("small", "big"):
                return None
            prev = "zero"
        elif ch in ZH_DIGITS:
            if prev == "digit":
                return None
            digit = ZH_DIGITS[ch]
            prev_before_digit = prev
            prev = "digit"
        elif ch in ZH_SMALL_UNITS:
            unit = ZH_SMALL_UNITS[ch]
            if prev == "digit":
                d = digit
            elif ch == "十" and prev in ("", "zero", "big"):
                d = 1          # Ex) "十二" "一千零十"
            else:
                return None
            if unit >= small_floor:
                return None
            section += d * unit
            digit = None
            small_floor = unit
            section_place = unit
            last_unit = unit
            prev = "small"
        elif ch in ZH_BIG_UNITS:
            unit = ZH_BIG_UNITS[ch]
            if prev == "digit":
                section += digit
                digit = None
                section_place = 1
            elif prev == "big" and ch == "亿":
                pass               # Ex) "三万亿"
            elif prev != "small":
                return None
            if unit == 10_000:
                if not wan_open:
                    return None
                total += section * unit
                wan_open = False
            else:
                if yi_seen:
                    return None
                if prev == "big":  # 万亿: everything so far is in 万, now times 亿
                    total = total * unit
                else:
                    total = (total + section) * unit
                yi_seen = True
                wan_open = True
            place = section_place * unit if prev != "big" else place * unit
            if prev != "big" and section == 0 and total == 0:
                return None
            section = 0
            section_place = 1
            small_floor = 10**5
            last_unit = unit
            prev = "big"
        else:
            return None
    if prev == "zero":
        return None
    if digit is not None:
        if prev_before_digit in ("small", "big") and last_unit >= 100:
            # Ex) "三千五" → 3500, "三万五" → 35000, "一亿五" → 150000000
            unit = last_unit // 10
        else:
            unit = 1       # Ex) "十五", "一千零五", "三"
        section += digit * unit
        place = unit
    elif prev == "small":
        place = section_place
    value = total + section
    if value == 0:
        return None
    return value, place


_ZH_DECIMAL_DIGITS = {"零": "0", "〇": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4",
                      "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def parse_zh_number(s: str) -> tuple[Fraction, Fraction] | None:
    """A numeral that may have a decimal part after 点: value and the place of its last digit.

    Ex) "三点五" → (7/2, 1/10); "四十" → (40, 10); "零点五" → (1/2, 1/10).
    """
    whole, dot, dec = s.partition("点")
    if not dot:
        parsed = parse_zh_integer(s)
        return None if parsed is None else (Fraction(parsed[0]), Fraction(parsed[1]))
    if not dec or any(c not in _ZH_DECIMAL_DIGITS for c in dec):
        return None
    if whole in ("零", "〇"):
        int_value = 0
    else:
        parsed = parse_zh_integer(whole)
        if parsed is None or (whole[-1] in ZH_DIGITS and parsed[1] != 1):
            return None    # Ex) "三千五点二" is not a way to write a number
        int_value = parsed[0]
    digits = "".join(_ZH_DECIMAL_DIGITS[c] for c in dec)
    return Fraction(int_value) + Fraction(int(digits), 10 ** len(digits)), Fraction(1, 10 ** len(digits))


def parse_zh_fraction_parts(s: str) -> tuple[Fraction, int, Fraction] | None:
    """Numerator, written denominator and the numerator's last place of "N分之M".

    Ex) "三分之一" → (1, 3, 1); "百分之四十" → (40, 100, 1); "百分之三点五" → (7/2, 100, 1/10).
    The numerator of 百分之/千分之 is read like an Arabic number: "百分之四十" is 40%, written
    to the unit, as "40%" is.
    """
    den_s, _, num_s = s.partition("分之")
    if den_s in ("百", "千", "万"):
        den = {"百": 100, "千": 1000, "万": 10000}[den_s]
    else:
        parsed_den = parse_zh_integer(den_s)
        if parsed_den is None or "点" in den_s:
            return None
        den = parsed_den[0]
    num = parse_zh_number(num_s)
    if den == 0 or num is None:
        return None
    value, place = num
    if den >= 100 and place > 1:
        place = Fraction(1)  # Ex) "百分之四十": 40%, as written to the unit
    return value, den, place


def parse_zh_fraction(s: str) -> Fraction | None:
    """Ex) "三分之一" → 1/3; "百分之四十" → 2/5."""
    parts = parse_zh_fraction_parts(s)
    return None if parts is None else parts[0] / parts[1]


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
