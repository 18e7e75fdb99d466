"""Extract: Document → Quantities.

One compiled pattern finds every numeral in one pass over the text (Arabic digits, full-width
digits, thousands separators, decimals, Chinese numerals with 点 decimals, fractions such as
三分之一 / 百分之四十 / 1/4, English number words).  For each, small anchored patterns read what is
written right after it (多/余, magnitude, unit or measure word, the counted noun,
以上/以下/左右) and right before it (约, 近, 超过, about, more than …), and the numeral becomes a
:class:`~validator.model.Quantity` whose value is the interval of every value the statement
allows (see SPEC.md, "Numbers are intervals").  The scan goes on after the end of each
quantity, so quantities never overlap.  One linear pass over the quantities then gives a list
its shared unit ("20.9、36.2、54个百分点" → three percentage-point values).

Not quantities: ordinals (第三, third, 3rd, 十九届五中全会, 二期工程), numerals inside slogans
(“四个意识”, 两学一做, 三严三实, 三个代表), plan names (十四五), Chinese numerals without a
measure word or inside set phrases (一道, 千方百计, 三番五次, 一次性), digits inside names (5G, 3D,
Q1, COVID-19).  Years and dates are kept with their own kinds (2021年 → ``year``, 7月 and
"12 March" → ``date``), never ``count``.

All patterns here are alternations of fixed strings and single-character classes without
nested repetition, so matching is linear in the text (no catastrophic backtracking).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import regex

from ..lazyre import lazy_compile

from ..interval import Interval
from ..model import Document, Quantity
from .numerals import (EN_SCALES, ZH_BIG_UNITS, ZH_NUMERAL_CHARS, parse_en_words,
                       parse_zh_fraction_parts, parse_zh_integer, parse_zh_number)

# "约" and "about" widen a value by this share of it on each side (on top of its rounding).
APPROX_RELATIVE = Fraction(1, 10)

_FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_EN_NUM_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                 "seventy|eighty|ninety|dozen")

_EN_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"

# (_NUMBER_START below lists where a match can begin: keep the two in step.)
NUMBER = lazy_compile(r"""
    (?P<cur>(?:US\$|HK\$|A\$|C\$|RMB|[$£€¥￥])[ \u00a0]?)?     # Ex) "$3.6bn" "RMB16,002" "$ 72,831"
    (?:
        # Ex) "1,090" "3.47" "１０９０" "６６．８" — thousands separators only in groups of three
        (?P<ar>(?<![0-9０-９.．]|[0-9],)(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+)(?:[.．][0-9０-９]+)?)
      | # Ex) "一千零九十" "两万" "三点五" "三分之一" "百分之四十" "百分之三点五"
        (?P<zh>[零〇一二两三四五六七八九十百千万亿]+
               (?:点[零〇一二三四五六七八九]+)?
               (?:分之[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)?)
      | # Ex) "three" "twenty-one" "three hundred and five" "one hundred"
        (?P<en>(?<![A-Za-z-])
               (?:one(?=[\s-]+(?:hundred|thousand|million|billion)\b)|""" + _EN_NUM_WORDS + r""")
               (?:-(?:""" + _EN_UNIT_WORDS + r"""))?
               (?:\s+hundred(?:\s+and\s+(?:""" + _EN_NUM_WORDS + "|" + _EN_UNIT_WORDS + r""")(?:-(?:""" + _EN_UNIT_WORDS + r"""))?)?)?
               (?![A-Za-z-]))
    )
    """, regex.VERBOSE | regex.IGNORECASE)

# After the numeral.  Ex) "700多个" "1000余名" "3.47万名" "18.3亿元" "3万多"
_APPROX_SUFFIX_WORDS = "多|余"
_APPROX_SUFFIX = lazy_compile(_APPROX_SUFFIX_WORDS)
_ZH_MAGNITUDE_WORDS = "万亿|亿|万|千|百"
_ZH_MAGNITUDE = lazy_compile(_ZH_MAGNITUDE_WORDS)
_EN_MAGNITUDE = lazy_compile(r"\s?(?:(?P<w>thousand|million|billion|trillion)\b|(?P<a>bn|tn|mn|m|k)(?![A-Za-z]))",
                              regex.IGNORECASE)

_PERCENT = lazy_compile(r"\s?(?P<u>%|％|‰)|\s?(?P<w>per\s?cent\b|percent\b)", regex.IGNORECASE)
_PP = lazy_compile(r"个百分点|百分点|\s?(?:percentage[-\s]points?\b|pp\b|pts\b)", regex.IGNORECASE)
_MULTIPLE = lazy_compile(r"倍|\s?(?:times\b|-fold\b)", regex.IGNORECASE)
_ZH_CURRENCY_WORDS = "元人民币|元|美元|港元|港币|欧元|英镑|日元|人民币"
_ZH_CURRENCY = lazy_compile(_ZH_CURRENCY_WORDS)
# Ex) "3.6 billion yuan" "537m euros" "36bn kroner" "40 euro cents"
_EN_CURRENCY = lazy_compile(
    r"\s(?P<c>yuan|renminbi|dollars?|euros?\s+cents|euros?|pounds?|pence|cents|kroner|kronor|krona|"
    r"(?:Danish|Swedish|Norwegian)\s+kron(?:er|or|a)|yen|rupees?|francs?|won|roubles?|rubles?|pesos?)(?![A-Za-z])",
    regex.IGNORECASE)
_ZH_CURRENCY_CODE = {"元": "CNY", "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD",
                     "港币": "HKD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY"}
_PREFIX_CURRENCY = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY",
                    "HK$": "HKD", "A$": "AUD", "C$": "CAD", "RMB": "CNY"}


def _en_currency_code(word: str) -> str:
    """Ex) "euros" → EUR, "Danish kroner" → DKK, "euro cents" → EUR-cent."""
    w = " ".join(word.lower().split())
    if w.endswith("cents") and w != "cents":
        return "EUR-cent"
    if w.startswith(("danish", "swedish", "norwegian")):
        return {"danish": "DKK", "swedish": "SEK", "norwegian": "NOK"}[w.split()[0]]
    return {"yuan": "CNY", "renminbi": "CNY", "dollar": "USD", "dollars": "USD", "euro": "EUR",
            "euros": "EUR", "pound": "GBP", "pounds": "GBP", "pence": "GBP-penny", "cents": "cent",
            "kroner": "DKK", "kronor": "SEK", "krona": "SEK", "yen": "JPY", "rupee": "INR",
            "rupees": "INR", "franc": "CHF", "francs": "CHF", "won": "KRW", "rouble": "RUB",
            "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "peso": "MXN", "pesos": "MXN"}.get(w, w)


# Measure units: the amount is measured, so it is rounded at its last digit.
_ZH_MEASURE_WORDS = (
    "平方公里|平方千米|平方米|立方米|千瓦时|万千瓦|千瓦|吉瓦时|吉瓦|兆瓦|千伏|公里|千米|公顷|公斤|千克|吨|亩|"
    "标准箱|海里|英寸|厘米|毫米|微克|毫升|升|斤|方|米|岁|小时|分钟")
_ZH_MEASURE = lazy_compile(_ZH_MEASURE_WORDS)
_ZH_TIME_WORDS = "个月|周年|年|天"
_ZH_TIME = lazy_compile(_ZH_TIME_WORDS)
# Measure words for counted things.  Ex) "743个" "136名" "4项" "四级" "857个"
_ZH_CLASSIFIER_WORDS = (
    "人次|户次|个|名|项|家|所|座|条|次|人|户|级|类|种|件|位|套|台|辆|艘|架|株|头|只|期|场|届|支|本|篇|"
    "部|处|间|栋|宗|笔|份|张|册|门|起|例|枚|颗|棵|根|片|块|轮|批|方面|层|区|县|村|镇|乡|省|市|国|所|点|"
    "段|道|座|团|队|组|对|列|回")
_ZH_CLASSIFIER = lazy_compile(_ZH_CLASSIFIER_WORDS)
# Single-character measure words that also begin common words: the numeral must be Arabic
# or the next character must not make a word.  Ex) "一道" "一批" "一点" "一体" are not counts.
_WEAK_AFTER_ZH = set("道批点对区国市省县村镇乡段层门片块根部本支队组团起处份张条笔")
# Words and set phrases with a numeral and a measure word that count nothing.
# Ex) "三番五次" "一次性" "千家万户" "三个代表" "五位一体" (slogans are often written unquoted).
_IDIOM = lazy_compile(
    r"三番五次|五次三番|三令五申|三天两头|一五一十|接二连三|成千上万|千千万万|万无一失|一年四季|"
    r"四面八方|三年五载|一次性|一揽子|一把手|一条龙|一条心|一门心思|一张蓝图|"
    r"三个代表|四个全面|四个意识|四个自信|两个维护|两个确立|两个务必|三个务必|五位一体|"
    r"两个一百年|两个毫不动摇|三个有利于|四个服从|四项基本原则|八项规定|一个中心|两个基本点|"
    r"两个大局|三个没有变|四个不摘|一岗双责|三重一大|一方面|两方面|两位数|三次产业|一级市场|二级市场")
_ZH_DIGIT_CHARS = "零〇一二两三四五六七八九十"
# English measure units.  Ex) "2.5 million tonnes" "36 square kilometres" "1,200 hectares"
_EN_MEASURE = lazy_compile(
    r"\s?(?P<u>square\s(?:kilometres|kilometers|metres|meters|miles|feet)|sq\.?\s?(?:km|m|ft)|"
    r"cubic\s(?:metres|meters)|km2|km²|kilometres|kilometers|kilometre|kilometer|km|hectares|"
    r"hectare|ha|tonnes|tonne|tons|ton|kilograms|kilogram|kg|metres|metre|meters|meter|miles|"
    r"mile|mu|kWh|kilowatt-hours|kilowatt\shours|megawatts|MW|GW|gigawatts|kilowatts|kW|litres|"
    r"liters|barrels|acres|degrees|°C)(?![A-Za-z])",
    regex.IGNORECASE)
# Ex) "five years" "18 months" "30 days"
_EN_TIME = lazy_compile(r"\s(?P<u>years?|months?|weeks?|days?|hours?|decades?)(?![A-Za-z])",
                         regex.IGNORECASE)
_EN_TIME_UNIT = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
                 "decade": "decade"}
_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
# Ex) "12 March 2021" "1st January" / "March 12, 2021"
_EN_DATE_AFTER = lazy_compile(r"(?:st|nd|rd|th)?\s" + _EN_MONTH + r"(?![A-Za-z])")
_EN_DATE_BEFORE = lazy_compile(r"(?<![A-Za-z])" + _EN_MONTH + r"\.?\s$")
# Ex) "1st" "3rd quarter" "21st century" — ordinals
_EN_ORDINAL = lazy_compile(r"(?:st|nd|rd|th)(?![A-Za-z])", regex.IGNORECASE)
# Ex) "2021-2025年" "2019至2021年" — the other end of a range of years
_YEAR_RANGE_AFTER = lazy_compile(r"[-—–－~～至到](?:[12][0-9]{3}|[１２][０-９]{3})(?![0-9０-９])")
_YEAR_RANGE_BEFORE = lazy_compile(r"(?<![0-9０-９])(?:[12][0-9]{3}|[１２][０-９]{3})[-—–－~～至到]$")
# Ex) "翻一番" "翻了两番": a multiple, 2^n
_ZH_DOUBLING_BEFORE = lazy_compile(r"翻了?$")
# Ex) "50个以上" — words after a count that qualify it rather than name the thing counted
_ZH_NOT_NOUN = ("以上", "以下", "左右", "上下", "之多", "多", "余")
# Ex) "9.2万名党员" → 党员
_ZH_NOUN = lazy_compile(r"[\p{Han}A-Za-z]{1,8}")
_EN_NOUN = lazy_compile(r"\s(?P<n>(?:[a-z][a-z-]*\s){0,2}?[a-z][a-z-]*)\b")
_EN_STOP = {"of", "in", "to", "and", "or", "the", "a", "an", "were", "was", "are", "is", "from",
            "on", "at", "for", "by", "with", "as", "than", "that", "which", "per", "more", "less",
            "up", "down", "over", "under", "year", "years", "months", "respectively", "percent",
            "cent", "times", "higher", "lower", "rise", "fall", "increase", "decrease", "plus"}

_ZH_PRE = lazy_compile(
    r"(?P<q>大约|约为|约|大概|将近|接近|近|超过|超|逾|多于|高于|不少于|不低于|至少|不到|不足|低于|少于|不超过|突破|仅)$")
_EN_PRE = lazy_compile(
    r"(?P<q>about|around|approximately|roughly|nearly|almost|over|more\sthan|at\sleast|less\sthan|"
    r"fewer\sthan|under|up\sto|close\sto|just\sover|just\sunder|some|upwards\sof|in\sexcess\sof|"
    r"below|above|no\smore\sthan|no\sless\sthan|not\smore\sthan|around\sa|about\sa)\s+$",
    regex.IGNORECASE)
_ZH_POST_WORDS = "以上|以下|左右|上下|之多|多|余"
_ZH_POST = lazy_compile(_ZH_POST_WORDS)
# Ex) "500 or more" "65 plus," "500+" — but not "$81.8bn plus interest"
_EN_POST = lazy_compile(r"\s(?:or\s(?:more|so|less|fewer)\b|plus(?=\s*[,.;:)]|\s*$))|\+", regex.IGNORECASE)

_PRE_KIND = {"大约": "approx", "约为": "approx", "约": "approx", "大概": "approx", "将近": "upper",
             "接近": "upper", "近": "upper", "超过": "lower", "超": "lower", "逾": "lower",
             "多于": "lower", "高于": "lower", "不少于": "lower", "不低于": "lower", "至少": "lower",
             "不到": "upper", "不足": "upper", "低于": "upper", "少于": "upper", "不超过": "upper",
             "突破": "lower", "仅": None,
             "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
             "some": "approx", "nearly": "upper", "almost": "upper", "close to": "upper",
             "over": "lower", "more than": "lower", "at least": "lower", "upwards of": "lower",
             "in excess of": "lower", "above": "lower", "just over": "lower", "no less than": "lower",
             "less than": "upper", "fewer than": "upper", "under": "upper", "up to": "upper",
             "just under": "upper", "below": "upper", "no more than": "upper",
             "not more than": "upper", "around a": "approx", "about a": "approx"}
_POST_KIND = {"以上": "lower", "以下": "upper", "左右": "approx", "上下": "approx", "之多": "lower",
              "多": "lower-digit", "余": "lower-digit", "or more": "lower", "or so": "approx",
              "or less": "upper", "or fewer": "upper", "plus": "lower", "+": "lower"}


def _first_chars(words: str) -> frozenset[str]:
    """The characters an alternation of plain words (no metacharacters, no flags) begins with."""
    return frozenset(w[0] for w in words.split("|"))


# What each pattern after a numeral can begin with: where the next character is none of these,
# the pattern cannot match there and is not tried.  The English patterns are case-insensitive
# and may begin with whitespace (str.isspace() holds for every character \s matches); the
# letters are listed in both cases, with the Kelvin sign, which case-folds to k.
_APPROX_SUFFIX_FIRST = _first_chars(_APPROX_SUFFIX_WORDS)
_ZH_MAGNITUDE_FIRST = _first_chars(_ZH_MAGNITUDE_WORDS)
_ZH_CURRENCY_FIRST = _first_chars(_ZH_CURRENCY_WORDS)
_ZH_MEASURE_FIRST = _first_chars(_ZH_MEASURE_WORDS)
_ZH_TIME_FIRST = _first_chars(_ZH_TIME_WORDS)
_ZH_CLASSIFIER_FIRST = _first_chars(_ZH_CLASSIFIER_WORDS)
_ZH_POST_FIRST = _first_chars(_ZH_POST_WORDS)
_EN_MAGNITUDE_FIRST = frozenset("tTmMbBkK\u212a")      # + whitespace
_PERCENT_FIRST = frozenset("%％‰pP")                    # + whitespace
_PP_FIRST = frozenset("个百pP")                          # + whitespace
_MULTIPLE_FIRST = frozenset("倍tT-")                     # + whitespace

_QUOTE_OPEN = "“「『\"‘"
_QUOTE_CLOSE = "”」』\"’"


def _norm_ws(s: str) -> str:
    return " ".join(s.split()).lower()


def _slogan(text: str, start: int, end: int) -> bool:
    """Inside a short quoted phrase without Arabic digits: a slogan, not a count.

    Ex) “四个意识” “两个确立” “三严三实” — but not “3639个” nor a long quoted sentence.
    """
    lo = max(0, start - 10)
    left = text[lo:start]
    opens = max(left.rfind(c) for c in _QUOTE_OPEN)
    if opens == -1:
        return False
    if any(c in left[opens + 1:] for c in _QUOTE_CLOSE + "，。；\n"):
        return False
    right = text[end:end + 10]
    closes = min((i for i in (right.find(c) for c in _QUOTE_CLOSE) if i != -1), default=-1)
    if closes == -1:
        return False
    inner = left[opens + 1:] + text[start:end] + right[:closes]
    return not any(ch.isdigit() for ch in inner) and len(inner) <= 12


def _decimal_text(raw: str) -> str:
    return raw.translate(_FW).replace(",", "")


def _digit_unit(digits: str) -> Fraction:
    """Place value of the last non-zero written digit.  Ex) "700" → 100, "1.5" → 0.1."""
    d = digits.lstrip("-")
    if "." in d:
        intpart, dec = d.split(".")
        stripped = dec.rstrip("0")
        if stripped:
            return Fraction(1, 10 ** len(stripped))
        d = intpart
    stripped = d.rstrip("0")
    return Fraction(10) ** (len(d) - len(stripped)) if stripped else Fraction(1)


def _read_arabic(ar: str) -> tuple[str, Fraction, int, Fraction, Fraction]:
    """An Arabic numeral as written: its plain digits, value, number of decimals, the place of its
    last written digit and that of its last non-zero digit.  Ex) "1,090" → ("1090", 1090, 0, 1, 10)."""
    digits = _decimal_text(ar)
    whole, _, dec = digits.partition(".")
    decimals = len(dec)
    try:
        point = Fraction(int(whole + dec), 10 ** decimals)
    except ValueError:  # more digits than int() reads from a string: as exact through Decimal
        point = Fraction(Decimal(digits))
    return digits, point, decimals, Fraction(1, 10 ** decimals), _digit_unit(digits)


def _cached(read, maxsize: int):
    """*read* with its results kept for numerals of up to 24 characters.

    The numeral readers are pure functions of the numeral's text, and reports repeat numerals;
    longer strings (runs of digits in odd input) are read each time and never kept.
    """
    kept = lru_cache(maxsize=maxsize)(read)

    def cached(s: str):
        return kept(s) if len(s) <= 24 else read(s)
    cached.cache_clear = kept.cache_clear
    return cached


_arabic = _cached(_read_arabic, 8192)
_parse_zh_integer = _cached(parse_zh_integer, 1024)
_parse_zh_number = _cached(parse_zh_number, 4096)
_parse_zh_fraction_parts = _cached(parse_zh_fraction_parts, 1024)
_parse_en_words = _cached(parse_en_words, 1024)

_ZH_MAGNITUDE_VALUE = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}
_EN_MAGNITUDE_VALUE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
                       "billion": 10**9, "bn": 10**9, "trillion": 10**12, "tn": 10**12}
_ZH_TIME_UNIT = {"年": "year", "周年": "year", "个月": "month", "天": "day"}
_DATE_UNIT = {"月": "month", "日": "day", "号": "day"}


def _times(x: Fraction, factor: int | Fraction, divisor: int = 1) -> Fraction:
    """``x * factor / divisor``, in integers when the factor is an int (the same exact value)."""
    if type(factor) is int:
        if factor == 1 and divisor == 1:
            return x
        return Fraction(x.numerator * factor, x.denominator * divisor)
    return x * factor / divisor


def _approx(iv: Interval, point: Fraction) -> Interval:
    w = abs(point) * APPROX_RELATIVE
    return Interval(iv.lo - w, iv.hi + w)


# Where a numeral can begin: a superset of the places where NUMBER matches (a currency sign or
# code, a digit, a Chinese numeral character, an English number word after no letter).  The
# regex engine finds these much faster than NUMBER itself, whose optional currency prefix keeps
# it from skipping ahead; NUMBER is then tried at each of them in turn, which finds exactly the
# match ``NUMBER.search`` would.
_NUMBER_START = lazy_compile(
    r"[$£€¥￥0-9０-９零〇一二两三四五六七八九十百千万亿]|US\$|HK\$|A\$|C\$|RMB|"
    r"(?<![A-Za-z-])(?:one|" + _EN_NUM_WORDS + ")", regex.IGNORECASE)


def extract(doc: Document | str) -> list[Quantity]:
    """Every quantity stated in the text, in order of position."""
    text = doc.text if isinstance(doc, Document) else doc
    out: list[Quantity] = []
    pos = 0
    find = _NUMBER_START.search
    number = NUMBER.match
    while (c := find(text, pos)) is not None:
        m = number(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        q = _quantity(text, m)
        pos = m.end()
        if q is not None and (not out or q.start >= out[-1].end):
            out.append(q)
            # Ex) "1/4", "3.47万名": the quantity reads past the numeral; scan on after it
            pos = max(pos, q.end)
    return _share_units(text, out)


# Kinds whose unit, written once after the last number of a 、-list, applies to every number.
_SHARED_UNIT_KINDS = ("percent", "pp", "multiple", "count", "year")


def _share_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Give the bare numbers of a list the unit written after its last one.

    Ex) "分别提高20.9、36.2、54个百分点" → three percentage-point values; "3、5个" → two counts;
    "2019、2020年" → two years.
    Only Arabic numbers without a unit, qualifier or magnitude of their own, joined by 、 alone.
    """
    for i in range(len(qs) - 1, 0, -1):
        last = qs[i]
        if last.kind not in _SHARED_UNIT_KINDS or last.lang != "zh" or last.scale \
                or last.text.endswith("‰") or "分之" in last.text or last.text.endswith("成"):
            continue
        j = i - 1
        while j >= 0:
            q = qs[j]
            if (q.kind != "number" or q.qualifier or q.scale or q.lang != "zh"
                    or text[q.end:qs[j + 1].start] != "、" or not _ARABIC.fullmatch(q.text)):
                break
            digits = _decimal_text(q.text)
            if last.kind == "year":
                # Ex) "2019、2020、2021年"
                if len(digits) != 4 or not 1800 <= q.point <= 2100:
                    break
                qs[j] = replace(q, kind="year", unit="year")
                j -= 1
                continue
            if last.kind == "count":
                if "." in digits:
                    break
                iv = Interval.exact(q.point)
            else:
                decimals = len(digits.split(".")[1]) if "." in digits else 0
                iv = Interval.around(q.point, Fraction(1, 10 ** decimals) / 2)
            qs[j] = replace(q, value=iv, kind=last.kind, unit=last.unit, classifier=last.classifier,
                            noun=last.noun, exact=last.kind == "count")
            j -= 1
    return qs


# Ex) "1/4" "1/3" — not "2026/02/09" (the number before has no slash, the one after none either)
_SLASH_FRACTION = lazy_compile(r"[/／](?P<den>[0-9]{1,3})(?![0-9/／.])")
_ARABIC = lazy_compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def _quantity(text: str, m) -> Quantity | None:  # noqa: C901 - one branch per way of writing
    start, pos = m.start(), m.end()
    n = len(text)
    cur, ar, zh, en = m.groups()    # the groups of NUMBER, in order
    cur = (cur or "").strip(" \u00a0")
    nstart = m.start(2) if ar is not None else m.start(3) if zh is not None else m.start(4)
    prev = text[nstart - 1] if nstart > 0 else ""
    lang = "en" if (en or (ar and (cur in ("$", "£", "€", "US$", "A$", "C$", "HK$")
                                   or _ascii_context(text, start, pos)))) else "zh"

    # -- the numeral itself ------------------------------------------------------------
    scale = 0
    exact = True
    fraction_den: int | None = None
    if ar is not None:
        # Ex) "第3" "3.1.2" "Q1" "H1" "G20" "COVID-19" "PM2.5" — ordinals, versions and names
        if prev == "第" or (prev in ".．" and nstart >= 2 and text[nstart - 2].isdigit()):
            return None
        if prev and prev.isascii() and prev.isalpha() and not cur:
            return None
        if prev == "-" and nstart >= 2 and text[nstart - 2].isascii() and text[nstart - 2].isalpha():
            return None
        if pos < n and text[pos] in ".．" and pos + 1 < n and text[pos + 1].isdigit():
            return None
        digits, point, decimals, unit_place, last_digit_unit = _arabic(ar)
        mf = _SLASH_FRACTION.match(text, pos) if lang == "zh" and not cur and prev not in "/／" else None
        if mf and decimals == 0 and "," not in ar and 0 < point < int(mf.group("den")) <= 100:
            # Ex) "产量占全国1/4" → 25%, read like 四分之一
            fraction_den = int(mf.group("den"))
            point = point * 100 / fraction_den
            unit_place = last_digit_unit = Fraction(100, fraction_den)
            pos = mf.end()
    elif zh is not None:
        if prev == "第" or (prev and prev in "周星礼初") or zh[0] in ZH_BIG_UNITS \
                or (zh[0] in "千百" and len(zh) == 1):
            return None
        if _slogan(text, nstart, pos) or _idiom(text, nstart, pos):
            return None
        doubling = _ZH_DOUBLING_BEFORE.search(text, max(0, nstart - 2), nstart)
        if doubling and text.startswith("番", pos):
            # Ex) "翻一番" → 2×, "翻了两番" → 4×
            times = _parse_zh_integer(zh)
            if times is None or times[0] > 10:
                return None
            value = Fraction(2) ** times[0]
            return Quantity(text[doubling.start():pos + 1], doubling.start(), pos + 1,
                            Interval.exact(value), value, "multiple", "×", lang="zh", numeral=zh)
        if zh == "一" and text.startswith("半", pos) and not text.startswith("半年", pos):
            # Ex) "一半以上" — half, read like 二分之一
            fraction_den, point = 2, Fraction(50)
            unit_place = last_digit_unit = Fraction(50)
            pos += 1
        elif "分之" in zh:
            parts = _parse_zh_fraction_parts(zh)
            if parts is None:
                return None
            numerator, fraction_den, num_place = parts
            point = numerator * 100 / fraction_den
            unit_place = last_digit_unit = num_place * 100 / fraction_den
        else:
            parsed = _parse_zh_number(zh)
            if parsed is None:
                return None
            point, unit_place = parsed
            last_digit_unit = unit_place
            if "亿" in zh:
                scale = 8
            elif "万" in zh:
                scale = 4
        digits = str(point)
    else:
        val = _parse_en_words(en)
        if val is None or prev == "-":
            return None
        point = Fraction(val)
        digits = str(val)
        unit_place = last_digit_unit = Fraction(1)

    # -- what follows: 多/余, magnitude, 多/余 ------------------------------------------------
    num_end = pos
    qualifier, qualifier_text = None, ""
    mm = _APPROX_SUFFIX.match(text, pos) if text[pos:pos + 1] in _APPROX_SUFFIX_FIRST else None
    if mm and fraction_den is None and (ar is not None or zh is not None):
        # Ex) "700多" "1000余" "两万多"
        qualifier, qualifier_text = "lower-digit", mm.group()
        pos = mm.end()
    mag = 1
    if fraction_den is not None:
        pass
    elif ar is not None or (zh is not None and (qualifier or "点" in zh)):
        mz = _ZH_MAGNITUDE.match(text, pos) if text[pos:pos + 1] in _ZH_MAGNITUDE_FIRST else None
        if mz and zh is not None and mz.group() in "千百":
            mz = None  # Ex) "两千多" — 千 after a Chinese numeral is part of it
        if mz and not (mz.group() in "千百" and _ZH_CLASSIFIER.match(text, mz.end()) is None
                       and _ZH_CURRENCY.match(text, mz.end()) is None):
            # Ex) "3.47万" "200多万" "两千多万" "18.3亿" "3千人"
            mag = _ZH_MAGNITUDE_VALUE[mz.group()]
            pos = num_end = mz.end()
        elif ar is not None and ((c0 := text[pos:pos + 1]) in _EN_MAGNITUDE_FIRST or c0.isspace()):
            me = _EN_MAGNITUDE.match(text, pos)
            if me and (me.group("w") or cur or me.group("a").lower() in ("bn", "tn", "mn")
                       or _EN_CURRENCY.match(text, me.end())):
                # Ex) "3.6 billion" "$12m" "2.5bn"
                word = (me.group("w") or me.group("a")).lower()
                mag = _EN_MAGNITUDE_VALUE[word]
                pos = me.end()
                num_end = pos
                lang = "en"
    elif en is not None:
        me = _EN_MAGNITUDE.match(text, pos)
        if me and me.group("w"):
            # Ex) "three million"
            mag = EN_SCALES[me.group("w").lower()]
            pos = num_end = me.end()
    if mag != 1:
        scale += len(str(mag)) - 1
        exact = False
        mm = _APPROX_SUFFIX.match(text, pos) if text[pos:pos + 1] in _APPROX_SUFFIX_FIRST else None
        if mm and qualifier is None:
            # Ex) "3万多": a step of the last digit, scaled below
            qualifier, qualifier_text = "lower-digit", mm.group()
            pos = mm.end()
    if zh is not None and scale:
        exact = False

    # -- unit ----------------------------------------------------------------------------
    kind, unit, classifier, noun = "number", "", "", ""
    factor = mag    # an int, or a Fraction for ‰
    c0 = text[pos:pos + 1]
    space = c0.isspace()
    if fraction_den is not None:
        kind, unit = "percent", "%"
        exact = False
    elif (space or c0 in _PERCENT_FIRST) and (mp := _PERCENT.match(text, pos)):
        kind, unit = "percent", "%"
        if mp.group("u") == "‰":
            factor = Fraction(mag, 10)
        pos = mp.end()
        exact = False
    elif (space or c0 in _PP_FIRST) and (mp := _PP.match(text, pos)):
        kind, unit, exact = "pp", "pp", False
        pos = mp.end()
    elif (space or c0 in _MULTIPLE_FIRST) and (mp := _MULTIPLE.match(text, pos)):
        kind, unit, exact = "multiple", "×", False
        pos = mp.end()
    elif zh is not None and text.startswith("成", pos) and point < 10 and scale == 0:
        # Ex) "七成" → 70%
        kind, unit, exact = "percent", "%", False
        factor *= 10
        pos += 1
    elif cur:
        kind, unit, exact = "amount", _PREFIX_CURRENCY.get(cur, "CNY"), False
        mc = _EN_CURRENCY.match(text, pos)
        if mc:
            pos = mc.end()
    elif c0 in _ZH_CURRENCY_FIRST and (mc := _ZH_CURRENCY.match(text, pos)):
        kind, unit, exact = "amount", _ZH_CURRENCY_CODE[mc.group()], False
        pos = mc.end()
    elif (mc := _EN_CURRENCY.match(text, pos)) and lang == "en":
        kind, unit, exact = "amount", _en_currency_code(mc.group("c")), False
        pos = mc.end()
    elif c0 in _ZH_MEASURE_FIRST and (mt := _ZH_MEASURE.match(text, pos)):
        kind, unit, exact = "measure", mt.group(), False
        pos = mt.end()
    elif ar is not None and _is_year(text, ar, digits, point, scale, nstart, pos, lang):
        # Ex) "2012年以来" "in 2021" "2021-2025年" — a year, not a count.
        if text.startswith("年", pos):
            pos += 1
        return Quantity(text[start:pos], start, pos, Interval.exact(point), point, "year", "year",
                        lang=lang, numeral=ar)
    elif ar is not None and scale == 0 and "." not in digits and 1 <= point <= 31 and (
            (lang == "zh" and text.startswith(("月", "日", "号"), pos))
            or (lang == "zh" and pos < n and text[pos] in "-—－至~～" and _date_follows(text, pos + 1))
            or (lang == "en" and (_EN_DATE_AFTER.match(text, pos)
                                  or _EN_DATE_BEFORE.search(text, max(0, nstart - 12), nstart)))):
        # Ex) "7月份" "15日" "1-7月" "12 March" "March 12" — a date.
        end = pos + 1 if lang == "zh" and text[pos] in "月日号" else pos
        return Quantity(text[start:end], start, end, Interval.exact(point), point, "date",
                        _DATE_UNIT.get(text[pos], "day") if pos < n else "day",
                        lang=lang, numeral=ar)
    elif ar is not None and lang == "en" and _EN_ORDINAL.match(text, pos):
        return None  # Ex) "1st" "3rd quarter"
    elif c0 in _ZH_TIME_FIRST and (mt := _ZH_TIME.match(text, pos)):
        kind, unit = "duration", _ZH_TIME_UNIT[mt.group()]
        pos = mt.end()
    elif c0 in _ZH_CLASSIFIER_FIRST and (mcl := _ZH_CLASSIFIER.match(text, pos)):
        cl = mcl.group()
        nxt = text[mcl.end():mcl.end() + 1]
        if zh is not None and (cl in _WEAK_AFTER_ZH or nxt == cl):
            # Ex) "一道" "一批" "一件件" — words, not counts
            return None
        if zh is not None and (cl == "期" or (cl == "届" and text[max(0, nstart - 2):nstart] not in ("连续", "历经"))
                               or (cl == "次" and text.startswith(("会议", "全会", "全体会议", "党代会"), mcl.end()))):
            # Ex) "十九届五中全会" "二十届历次全会" "人大三次会议" "二期工程" — ordinals written
            # without 第; "连续三届" still counts
            return None
        kind, classifier = "count", cl
        pos = mcl.end()
        mn = _ZH_NOUN.match(text, pos)
        if mn:
            noun = _trim_zh_noun(mn.group())
            if noun.startswith(_ZH_NOT_NOUN):
                noun = ""
    elif zh is not None:
        return None  # a Chinese numeral with no measure word: 千方百计, 两学一做, 一是
    elif ar is not None and mag == 1 and pos < n and text[pos].isascii() and text[pos].isalpha() \
            and not _EN_MEASURE.match(text, pos):
        return None  # Ex) "3D" "5G基站" "1Xnm" "4K" — part of a name
    elif lang == "en":
        if (mt := _EN_MEASURE.match(text, pos)):
            # Ex) "2.5 million tonnes" "36 square kilometres"
            kind, unit, exact = "measure", _norm_ws(mt.group("u")), False
            pos = mt.end()
        elif (mt := _EN_TIME.match(text, pos)):
            # Ex) "five years" "18 months"
            word = mt.group("u").lower().rstrip("s")
            kind, unit = "duration", _EN_TIME_UNIT[word]
            pos = mt.end()
        elif (mn := _EN_NOUN.match(text, pos)):
            # Ex) "three villages" "1,090 villages" — a number followed by a noun counts it
            word = mn.group("n").split()[0]
            if word not in _EN_STOP:
                noun = word
                kind = "count"

    # -- qualifiers before and after -----------------------------------------------------
    if zh is not None or (ar is not None and lang == "zh"):
        mq = _ZH_PRE.search(text, max(0, start - 3), start)
        if mq:
            word = mq.group("q")
            if not (word == "近" and text[max(0, mq.start() - 1):mq.start()] in ("最", "附", "临")) \
                    and not (word == "约" and text[max(0, mq.start() - 1):mq.start()] in ("节", "签", "合", "制", "预", "公", "条", "违", "履", "缔", "特", "邀")):
                if _PRE_KIND.get(word):
                    qualifier, qualifier_text = _PRE_KIND[word], word + (qualifier_text and "…" + qualifier_text)
    else:
        # _EN_PRE ends with whitespace: nothing to look for unless the character before is one
        mq = _EN_PRE.search(text, max(0, start - 20), start) if start and text[start - 1].isspace() else None
        if mq:
            word = _norm_ws(mq.group("q"))
            if _PRE_KIND.get(word) and qualifier is None:
                qualifier, qualifier_text = _PRE_KIND[word], word
    if lang == "zh":
        mpost = _ZH_POST.match(text, pos) if text[pos:pos + 1] in _ZH_POST_FIRST else None
    else:
        mpost = _EN_POST.match(text, pos)
    if mpost:
        word = _norm_ws(mpost.group())
        kind_post = _POST_KIND.get(word)
        if kind_post and (kind_post != "lower-digit" or qualifier is None):
            if qualifier is None or kind_post in ("lower", "upper"):
                qualifier, qualifier_text = kind_post, word
            pos = mpost.end()

    # -- the interval ----------------------------------------------------------------------
    if kind == "count" and scale == 0 and "." not in digits and not cur:
        exact = True
    if ar is not None and kind == "number" and "." not in digits and scale == 0:
        exact = True
    if kind == "duration":
        exact = "." not in digits and scale == 0  # Ex) "5年" exactly; "7.8天" rounded
    value_point = _times(point, factor)
    if exact:
        iv = Interval.exact(value_point)
    elif fraction_den is not None and fraction_den < 100:
        # Ex) "三分之一": a fraction with a small denominator is itself a rounding; it stands
        # for the values nearer to it than to a fraction with the next denominator:
        # ± 1/(2·d·(d+1)).  "三分之一" → 33.3% ± 4.2 points.
        half = Fraction(100, 2 * fraction_den * (fraction_den + 1))
        iv = Interval(value_point - half, value_point + half)
    else:
        iv = Interval.around(value_point, _times(unit_place, factor, 2))
    if qualifier == "lower-digit":
        # Ex) "700多" → [700, 800]; "3万多" → [30000, 40000]
        step = _times(last_digit_unit, factor)
        iv = Interval(value_point, value_point + step)
        qualifier = "lower"
    elif qualifier == "lower":
        iv = Interval(iv.lo, None)
    elif qualifier == "upper":
        lo = Fraction(0) if value_point >= 0 else None
        iv = Interval(lo, iv.hi)
    elif qualifier == "approx":
        iv = _approx(iv, value_point)
    noun_before = _noun_before(text, start) if lang == "zh" else ""
    return Quantity(text[start:pos], start, pos, iv, value_point, kind, unit, scale,
                    qualifier, qualifier_text, classifier, noun, noun_before, exact and qualifier is None,
                    lang, text[start:num_end])


def _idiom(text: str, start: int, end: int) -> bool:
    """The numeral is part of a set phrase.  Ex) "三番五次" "一次性" "三个代表"."""
    for mi in _IDIOM.finditer(text, max(0, start - 4), min(len(text), end + 6), overlapped=True):
        if mi.start() < end and mi.end() > start:
            return True
    return False


def _is_year(text: str, ar: str, digits: str, point: Fraction, scale: int, start: int, end: int,
             lang: str) -> bool:
    """A four-digit number written as a year.

    Ex) "2012年" "2021-2025年" "2019至2021年" "in 2021" "2020–21" — but not "2,000 people" (a
    year has no thousands separator) and not "2000元" (a unit was read first).
    """
    if "," in ar or "." in digits or scale or len(digits) != 4 or not 1800 <= point <= 2100:
        return False
    if text.startswith("年", end) or lang == "en":
        return True
    # Ex) "2021-2025年" "2021—2025" "2019至2021年"
    return bool(_YEAR_RANGE_AFTER.match(text, end) or _YEAR_RANGE_BEFORE.search(text, max(0, start - 5), start))


def _date_follows(text: str, i: int) -> bool:
    # Ex) "1-7月" "2021-2025年"
    j = i
    while j < len(text) and j < i + 4 and text[j].isdigit():
        j += 1
    return j > i and text.startswith(("月", "年", "日"), j)


def _ascii_context(text: str, start: int, end: int) -> bool:
    """An Arabic number written in English prose (an ASCII letter nearby, no Han around)."""
    window = text[max(0, start - 12):end + 12]
    return _HAN.search(window) is None and _LATIN.search(window) is not None


_HAN = lazy_compile(r"[\u4e00-\u9fff]")
_LATIN = lazy_compile(r"[A-Za-z]")


_ZH_NOUN_STOPS = "的和与及或在中均都已将为是有了到从由对向把被达共计占比其约近超全实累结提参开完获纳覆帮"


def _trim_zh_noun(s: str) -> str:
    for i, ch in enumerate(s):
        if ch in _ZH_NOUN_STOPS and i > 0:
            return s[:i]
    return s


def _noun_before(text: str, start: int) -> str:
    """The noun written just before a number.  Ex) "收入5万元以上的村743个" → 村."""
    i = start
    lo = max(0, start - 10)
    while i > lo and ("\u4e00" <= text[i - 1] <= "\u9fff") and text[i - 1] not in ZH_NUMERAL_CHARS:
        i -= 1
    s = text[i:start]
    if "的" in s:
        s = s[s.rfind("的") + 1:]
    return s


def normalise(text: str) -> str:
    """NFC form (full-width digits are handled by the lexer itself)."""
    return unicodedata.normalize("NFC", text)
