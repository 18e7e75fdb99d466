"""Extract: Document → Quantities.

One compiled pattern finds every numeral in one pass over the text (Arabic digits, full-width
digits, thousands separators, decimals, Chinese numerals, fractions such as 三分之一, English
number words).  For each, small anchored patterns read what is written right after it (多/余,
magnitude, unit or measure word, the counted noun, 以上/以下/左右) and right before it (约, 近,
超过, about, more than …), and the numeral becomes a :class:`~validator.model.Quantity` whose
value is the interval of every value the statement allows (see SPEC.md, "Numbers are
intervals").

Not quantities: ordinals (第三, third), numerals inside slogans (“四个意识”, 两学一做, 三严三实),
plan names (十四五), Chinese numerals without a measure word (一道, 千方百计), dates (2021年
becomes a ``year``, 7月 a ``date``; neither is a count).

All patterns here are alternations of fixed strings and single-character classes without
nested repetition, so matching is linear in the text (no catastrophic backtracking).
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

import regex

from ..interval import Interval, frac
from ..model import Document, Quantity
from .numerals import (EN_SCALES, ZH_BIG_UNITS, ZH_DIGITS, ZH_NUMERAL_CHARS, parse_en_words,
                       parse_zh_fraction, parse_zh_integer)

# "约" and "about" widen a value by this share of it on each side (on top of its rounding).
APPROX_RELATIVE = Fraction(1, 10)

_FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_EN_NUM_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                 "seventy|eighty|ninety|dozen")

NUMBER = regex.compile(r"""
    (?P<cur>US\$|HK\$|A\$|C\$|RMB\s?|[$£€¥￥])?
    (?:
        # Ex) "1,090" "3.47" "１０９０" — thousands separators only in groups of three
        (?P<ar>(?<![0-9０-９.．]|[0-9],)(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+)(?:[.．][0-9０-９]+)?)
      | # Ex) "三分之一" "百分之四十" "一千零九十" "两万"
        (?P<zh>[零〇一二两三四五六七八九十百千万亿]+(?:分之[零〇一二两三四五六七八九十百千]+)?)
      | # Ex) "three" "twenty-one"
        (?P<en>(?<![A-Za-z-])(?:""" + _EN_NUM_WORDS + r""")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?![A-Za-z-]))
    )
    """, regex.VERBOSE | regex.IGNORECASE)

# After the numeral.  Ex) "700多个" "1000余名" "3.47万名" "18.3亿元" "3万多"
_APPROX_SUFFIX = regex.compile(r"多|余")
_ZH_MAGNITUDE = regex.compile(r"万亿|亿|万|千|百")
_EN_MAGNITUDE = regex.compile(r"\s?(?:(?P<w>thousand|million|billion|trillion)\b|(?P<a>bn|tn|mn|m|k)(?![A-Za-z]))",
                              regex.IGNORECASE)

_PERCENT = regex.compile(r"\s?(?P<u>%|％|‰)|\s?(?P<w>per\s?cent\b|percent\b)", regex.IGNORECASE)
_PP = regex.compile(r"个百分点|百分点|\s?(?:percentage[-\s]points?\b|pp\b|pts\b)", regex.IGNORECASE)
_MULTIPLE = regex.compile(r"倍|\s?(?:times\b|-fold\b)", regex.IGNORECASE)
_ZH_CURRENCY = regex.compile(r"元人民币|元|美元|港元|港币|欧元|英镑|日元|人民币")
_EN_CURRENCY = regex.compile(r"\s(?:yuan|dollars|euros|pounds|renminbi)\b", regex.IGNORECASE)
_ZH_CURRENCY_CODE = {"元": "CNY", "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD",
                     "港币": "HKD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY"}
_PREFIX_CURRENCY = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY",
                    "HK$": "HKD", "A$": "AUD", "C$": "CAD", "RMB": "CNY"}
_EN_CURRENCY_CODE = {"yuan": "CNY", "renminbi": "CNY", "dollars": "USD", "euros": "EUR",
                     "pounds": "GBP"}

# Measure units: the amount is measured, so it is rounded at its last digit.
_ZH_MEASURE = regex.compile(r"平方公里|平方千米|平方米|立方米|千瓦时|万千瓦|千瓦|公里|千米|公顷|公斤|千克|吨|亩|米|岁|小时|分钟")
_ZH_TIME = regex.compile(r"个月|周年|年|天")
# Measure words for counted things.  Ex) "743个" "136名" "4项" "四级" "857个"
_ZH_CLASSIFIER = regex.compile(
    r"人次|户次|个|名|项|家|所|座|条|次|人|户|级|类|种|件|位|套|台|辆|艘|架|株|头|只|期|场|届|支|本|篇|"
    r"部|处|间|栋|宗|笔|份|张|册|门|起|例|枚|颗|棵|根|片|块|轮|批|方面|层|区|县|村|镇|乡|省|市|国|所|点|"
    r"段|道|座|团|队|组|対|对")
# Single-character measure words that also begin common words: the numeral must be Arabic
# or the next character must not make a word.  Ex) "一道" "一批" "一点" "一体" are not counts.
_WEAK_AFTER_ZH = set("道批点对区国市省县村镇乡段层门片块根部本支队组团起处份张条笔")
# Ex) "9.2万名党员" → 党员
_ZH_NOUN = regex.compile(r"[\p{Han}A-Za-z]{1,8}")
_EN_NOUN = regex.compile(r"\s(?P<n>(?:[a-z][a-z-]*\s){0,2}?[a-z][a-z-]*)\b")
_EN_STOP = {"of", "in", "to", "and", "or", "the", "a", "an", "were", "was", "are", "is", "from",
            "on", "at", "for", "by", "with", "as", "than", "that", "which", "per", "more", "less",
            "up", "down", "over", "under", "year", "years", "months", "respectively", "percent",
            "cent", "times", "higher", "lower", "rise", "fall", "increase", "decrease"}

_ZH_PRE = regex.compile(
    r"(?P<q>大约|约为|约|大概|将近|接近|近|超过|超|逾|多于|高于|不少于|不低于|至少|不到|不足|低于|少于|不超过|突破|仅)$")
_EN_PRE = regex.compile(
    r"(?P<q>about|around|approximately|roughly|nearly|almost|over|more\sthan|at\sleast|less\sthan|"
    r"fewer\sthan|under|up\sto|close\sto|just\sover|just\sunder|some|upwards\sof|in\sexcess\sof|"
    r"below|above|no\smore\sthan|no\sless\sthan|not\smore\sthan|around\sa|about\sa)\s+$",
    regex.IGNORECASE)
_ZH_POST = regex.compile(r"以上|以下|左右|上下|之多|多|余")
_EN_POST = regex.compile(r"\s(?:or\s(?:more|so|less|fewer)|plus)\b|\+", regex.IGNORECASE)

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


def _approx(iv: Interval, point: Fraction) -> Interval:
    w = abs(point) * APPROX_RELATIVE
    return Interval(iv.lo - w, iv.hi + w)


def extract(doc: Document | str) -> list[Quantity]:
    """Every quantity stated in the text, in order of position."""
    text = doc.text if isinstance(doc, Document) else doc
    out: list[Quantity] = []
    for m in NUMBER.finditer(text):
        q = _quantity(text, m)
        if q is not None:
            out.append(q)
    return out


def _quantity(text: str, m) -> Quantity | None:  # noqa: C901 - one branch per way of writing
    start, pos = m.start(), m.end()
    n = len(text)
    cur = (m.group("cur") or "").strip()
    ar, zh, en = m.group("ar"), m.group("zh"), m.group("en")
    prev = text[start - 1] if start > 0 else ""
    lang = "en" if (en or (ar and (cur in ("$", "£", "€", "US$", "A$", "C$", "HK$")
                                   or _ascii_context(text, start, pos)))) else "zh"

    # -- the numeral itself ------------------------------------------------------------
    scale = 0
    decimals = 0
    exact = True
    fraction_share: Fraction | None = None
    if ar is not None:
        digits = _decimal_text(ar)
        if prev in "第" or (prev == "." and start >= 2 and text[start - 2].isdigit()):
            return None
        # Ex) "2.0" a version, "3.1.2" — a second dot right after makes it not a number
        if pos < n and text[pos] in ".．" and pos + 1 < n and text[pos + 1].isdigit():
            return None
        point = frac(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        unit_place = Fraction(1, 10 ** decimals)
        last_digit_unit = _digit_unit(digits)
    elif zh is not None:
        if prev == "第" or prev in "周星礼初" or zh[0] in ZH_BIG_UNITS or zh[0] in "千百" and len(zh) == 1:
            return None
        if _slogan(text, start, pos):
            return None
        if "分之" in zh:
            fraction_share = parse_zh_fraction(zh)
            if fraction_share is None:
                return None
            point = fraction_share * 100
            last_digit_unit = unit_place = Fraction(1)
        else:
            parsed = parse_zh_integer(zh)
            if parsed is None:
                return None
            point = Fraction(parsed[0])
            unit_place = last_digit_unit = Fraction(parsed[1])
            if any(c in zh for c in "万亿"):
                scale = 4 if "万" in zh and "亿" not in zh else 8
        digits = str(point)
    else:
        val = parse_en_words(en)
        if val is None or prev == "-":
            return None
        point = Fraction(val)
        digits = str(val)
        unit_place = last_digit_unit = Fraction(1)

    # -- what follows: 多/余, magnitude, 多/余 ------------------------------------------------
    num_end = pos
    qualifier, qualifier_text = None, ""
    mm = _APPROX_SUFFIX.match(text, pos)
    if mm and ar is not None or (mm and zh is not None and fraction_share is None):
        qualifier, qualifier_text = "lower-digit", mm.group()
        pos = mm.end()
    mag = 1
    if ar is not None:
        mz = _ZH_MAGNITUDE.match(text, pos)
        if mz and not (mz.group() in "千百" and _ZH_CLASSIFIER.match(text, mz.end()) is None
                       and _ZH_CURRENCY.match(text, mz.end()) is None):
            mag = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}[mz.group()]
            pos = num_end = mz.end()
        else:
            me = _EN_MAGNITUDE.match(text, pos)
            if me and (me.group("w") or cur or me.group("a").lower() in ("bn", "tn", "mn")):
                word = (me.group("w") or me.group("a")).lower()
                mag = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
                       "billion": 10**9, "bn": 10**9, "trillion": 10**12, "tn": 10**12}[word]
                pos = me.end()
                num_end = pos
                lang = "en"
    elif en is not None:
        me = _EN_MAGNITUDE.match(text, pos)
        if me and me.group("w"):
            mag = EN_SCALES[me.group("w").lower()]
            pos = me.end()
    if mag != 1:
        scale = len(str(mag)) - 1
        exact = False
        mm = _APPROX_SUFFIX.match(text, pos)
        if mm and qualifier is None:
            qualifier, qualifier_text = "lower-digit", mm.group()
            last_digit_unit = last_digit_unit  # "3万多": the digit's unit, scaled below
            pos = mm.end()
    if zh is not None and scale:
        exact = False

    # -- unit ----------------------------------------------------------------------------
    kind, unit, classifier, noun = "number", "", "", ""
    factor = Fraction(mag)
    if fraction_share is not None:
        kind, unit = "percent", "%"
        exact = False
    elif (mp := _PERCENT.match(text, pos)):
        kind, unit = "percent", "%"
        if mp.group("u") == "‰":
            factor /= 10
        pos = mp.end()
        exact = False
    elif (mp := _PP.match(text, pos)):
        kind, unit, exact = "pp", "pp", False
        pos = mp.end()
    elif (mp := _MULTIPLE.match(text, pos)):
        kind, unit, exact = "multiple", "×", False
        pos = mp.end()
    elif zh is not None and text.startswith("成", pos) and point < 10:
        kind, unit, exact = "percent", "%", False
        factor *= 10
        pos += 1
    elif cur:
        kind, unit, exact = "amount", _PREFIX_CURRENCY.get(cur.replace(" ", ""), "CNY"), False
        mc = _EN_CURRENCY.match(text, pos)
        if mc:
            pos = mc.end()
    elif (mc := _ZH_CURRENCY.match(text, pos)):
        kind, unit, exact = "amount", _ZH_CURRENCY_CODE[mc.group()], False
        pos = mc.end()
    elif (mc := _EN_CURRENCY.match(text, pos)) and lang == "en":
        kind, unit, exact = "amount", _EN_CURRENCY_CODE[mc.group().strip().lower()], False
        pos = mc.end()
    elif (mt := _ZH_MEASURE.match(text, pos)):
        kind, unit, exact = "measure", mt.group(), False
        pos = mt.end()
    elif ar is not None and len(digits) == 4 and "." not in digits and 1800 <= point <= 2100 \
            and scale == 0 and (text.startswith("年", pos) or lang == "en"):
        # Ex) "2012年以来" "in 2021" — a year, not a count.  "2021-2025年" too.
        if text.startswith("年", pos):
            pos += 1
        return Quantity(text[start:pos], start, pos, Interval.exact(point), point, "year", "year",
                        lang=lang)
    elif ar is not None and scale == 0 and "." not in digits and (
            text.startswith(("月", "日", "号"), pos) and 1 <= point <= 31
            or (pos < n and text[pos] in "-—－至~～" and _date_follows(text, pos + 1))):
        # Ex) "7月份" "15日" "1-7月" — a date.
        return Quantity(text[start:pos + 1], start, pos + 1, Interval.exact(point), point, "date",
                        text[pos], lang=lang)
    elif (mt := _ZH_TIME.match(text, pos)):
        kind, unit = "duration", {"年": "year", "周年": "year", "个月": "month", "天": "day"}[mt.group()]
        pos = mt.end()
    elif (mcl := _ZH_CLASSIFIER.match(text, pos)):
        cl = mcl.group()
        nxt = text[mcl.end():mcl.end() + 1]
        if zh is not None and (cl in _WEAK_AFTER_ZH or nxt == cl):
            # Ex) "一道" "一批" "一件件" — words, not counts
            return None
        kind, classifier = "count", cl
        pos = mcl.end()
        mn = _ZH_NOUN.match(text, pos)
        if mn:
            noun = _trim_zh_noun(mn.group())
    elif zh is not None:
        return None  # a Chinese numeral with no measure word: 千方百计, 两学一做, 一是
    elif lang == "en":
        mn = _EN_NOUN.match(text, pos)
        if mn:
            words = mn.group("n").split()
            kept = []
            for w in words:
                if w in _EN_STOP:
                    break
                kept.append(w)
            if kept:
                noun = " ".join(kept)
                kind = "count"
                if noun in ("years", "year") or noun.endswith(" years"):
                    kind, unit = "duration", "year"
        if en is not None and kind == "number":
            kind = "count"
    if en is not None and kind == "number":
        return None

    # -- qualifiers before and after -----------------------------------------------------
    q_start = start
    if zh is not None or (ar is not None and lang == "zh"):
        mq = _ZH_PRE.search(text, max(0, start - 3), start)
        if mq:
            word = mq.group("q")
            if not (word == "近" and text[max(0, mq.start() - 1):mq.start()] in ("最", "附", "临")):
                if word == "超" and text[start - 2:start] == "超过":
                    word = "超过"
                if _PRE_KIND.get(word):
                    qualifier, qualifier_text = _PRE_KIND[word], word + (qualifier_text and "…" + qualifier_text)
                    q_start = start - len(word)
    else:
        mq = _EN_PRE.search(text, max(0, start - 20), start)
        if mq:
            word = _norm_ws(mq.group("q"))
            if _PRE_KIND.get(word) and qualifier is None:
                qualifier, qualifier_text = _PRE_KIND[word], word
    mpost = (_ZH_POST if lang == "zh" else _EN_POST).match(text, pos)
    if mpost:
        word = _norm_ws(mpost.group())
        kind_post = _POST_KIND.get(word)
        if kind_post and (kind_post != "lower-digit" or qualifier is None):
            if qualifier is None or kind_post in ("lower", "upper"):
                qualifier, qualifier_text = kind_post, word
            pos = mpost.end()
    del q_start

    # -- the interval ----------------------------------------------------------------------
    if kind == "count" and scale == 0 and "." not in digits and qualifier is None and not cur:
        exact = True
    if ar is not None and kind == "number" and "." not in digits and scale == 0:
        exact = True
    if ar is not None and kind == "duration" and "." not in digits:
        exact = True
    if zh is not None and kind in ("count", "duration") and scale == 0:
        exact = True
    value_point = point * factor
    if exact:
        iv = Interval.exact(value_point)
    elif fraction_share is not None:
        den = fraction_share.denominator
        # Ex) "三分之一": the nearest fraction with that denominator, ± half a step of 1/(2·den)
        half = Fraction(100, 4 * den * den) if den < 100 else Fraction(1, 2)
        iv = Interval(value_point - half, value_point + half)
    else:
        iv = Interval.around(value_point, unit_place * factor / 2)
    if qualifier == "lower-digit":
        step = last_digit_unit * factor
        iv = Interval(value_point, value_point + step)
        qualifier = "lower"
    elif qualifier == "lower":
        iv = Interval(iv.lo if not exact else value_point, None)
    elif qualifier == "upper":
        lo = Fraction(0) if value_point >= 0 else None
        iv = Interval(lo, iv.hi if not exact else value_point)
    elif qualifier == "approx":
        iv = _approx(iv, value_point)
    noun_before = _noun_before(text, m.start()) if lang == "zh" else ""
    return Quantity(text[m.start():pos], m.start(), pos, iv, value_point, kind, unit, scale,
                    qualifier, qualifier_text, classifier, noun, noun_before, exact and qualifier is None,
                    lang, text[m.start():num_end])


def _date_follows(text: str, i: int) -> bool:
    # Ex) "1-7月" "2021-2025年"
    j = i
    while j < len(text) and j < i + 4 and text[j].isdigit():
        j += 1
    return j > i and text.startswith(("月", "年", "日"), j)


def _ascii_context(text: str, start: int, end: int) -> bool:
    """An Arabic number written in English prose (an ASCII letter nearby, no Han around)."""
    window = text[max(0, start - 12):end + 12]
    han = sum(1 for c in window if "\u4e00" <= c <= "\u9fff")
    latin = sum(1 for c in window if c.isascii() and c.isalpha())
    return han == 0 and latin > 0


_ZH_NOUN_STOPS = "的和与及或在中均都已将为是有了到从由对向把被达共计占比其约近超"


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
