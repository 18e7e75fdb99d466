"""A stated span of years disagrees with the years the text itself states.

What it does:
    Reads spans of years and checks them against the years written in the text (never
    against the clock: the report's own latest year stands for "now"):

    - "从2020年的4.1万元增加到2025年的5.2万元" — a from-year after its to-year (error);
    - "2012年至2021年…十年", "2016—2020年…五年间" — a span next to both of its years: N must be
      the difference of the years, or one more when both ends are counted (error);
    - "“十四五”的五年", "“十三五”时期（2016—2020年）" — a five-year plan is five years, and its
      years are fixed (十四五 = 2021–2025) (error);
    - "1949年…2019年…70周年" — an anniversary between the two years of its sentence (error);
    - "2012年以来…10年来", "自1993年起连续29年", "since 2015 … in the past five years" — a span
      counted from a year to the report's latest stated year: N is that difference or one
      more (a warning: the report's "now" is inferred);
    - "1998年，…。25年后，…" and "…2023年…。这在25年前…。1998年，…" — a span between a year
      stated in the sentence before and the year the text is about (the year it states most
      often) or a year stated in the sentences around it (a warning).

Why it matters:
    "十年来" in a report that counts from 2012 and is dated 2021 is either a wrong span or a
    wrong year; a reader who does the subtraction stops trusting the rest.

Example (fails):
    全省居民人均可支配收入从2025年的4.1万元增加到2020年的5.2万元。

Use instead (passes):
    全省居民人均可支配收入从2020年的4.1万元增加到2025年的5.2万元。

Spans in forecasts ("到2035年…十年后") and spans whose start year is not stated are not checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from ..lazyre import lazy_compile

from ..extract.numerals import parse_zh_integer
from ..model import Check, Finding, Related
from .base import Context

ID = "year-span"
SEVERITY = "error"

_YEAR = lazy_compile(r"(?<![0-9０-９])(?P<y>(?:19|20)[0-9]{2})(?:年|\b)(?![0-9])")
_EN_YEAR = lazy_compile(
    r"(?:\b(?:in|since|of|during|for|by|from|to|until|fiscal|year|FY)\s+|\b[A-Z][a-z]{2,8}\.?\s+(?:[0-9]{1,2},?\s+)?)"
    r"(?P<y>(?:19|20)[0-9]{2})(?![0-9年%]|[.,][0-9])")
_ZH_YEAR = lazy_compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})年(?!代)")
_N = r"(?<![0-9０-９.])(?P<n>[0-9]{1,3}|[一二两三四五六七八九十百]{1,4})"

# Ex) "从2020年的4.1万元增加到2025年的5.2万元" "从2012年到2021年" "由2015年的…增至2020年的…"
_FROM_TO = lazy_compile(
    r"(?:从|由|自)(?P<a>[12][0-9]{3})年[^。；;！？\n]{0,40}?(?:提高到|提高至|增长到|增长至|增加到|增加至|"
    r"上升到|上升至|下降到|下降至|减少到|减少至|扩大到|扩大至|缩小到|缩小至|提升到|提升至|增至|降至|升至|到|至)"
    r"(?P<b>[12][0-9]{3})年")
# Ex) "2012年至2021年" "2016—2020年" "2012-2021年"
_RANGE = lazy_compile(r"(?P<a>(?:19|20)[0-9]{2})(?:年)?(?:至|到|—|–|-|－|~|～)(?P<b>(?:19|20)[0-9]{2})年")
# Ex) "十年" "10年来" "五年间" "这五年" "过去五年" "五年来" — a span of N years
_SPAN = lazy_compile(r"(?<!近|约|逾|超|多于|将近|接近)" + _N + r"(?P<unit>年来|年间|年里|年中|年以来|年时间|年)(?!代|级|期|度|前|后|底|初|末)")
# Ex) "2012年以来" "自1993年起" "自2015年以来"
_SINCE = lazy_compile(r"(?P<y>(?:19|20)[0-9]{2})年(?:以来|来|起)")
_CONTINUOUS = lazy_compile(r"连续" + _N + r"年")
_EN_SINCE = lazy_compile(r"\bsince\s+(?P<y>(?:19|20)[0-9]{2})\b", regex.IGNORECASE)
_EN_SPAN = lazy_compile(
    r"\b(?:in|over|during|for)\s+the\s+(?:past|last)\s+(?P<n>[0-9]{1,3}|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty)\s+years\b", regex.IGNORECASE)
_EN_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
# Ex) "“十四五”的五年" "“十四五”这五年" "“十三五”时期（2016—2020年）"
_PLAN = lazy_compile(r"[“\"「]?(?P<plan>十[一二三四五六七八九]五|十五)[”\"」]?(?:的|这|时期的|期间的|期间|时期)?"
                      r"(?:(?P<n>[一二两三四五六七八九十0-9]{1,2})年|[（(](?P<a>(?:19|20)[0-9]{2})[—–\-－至到~～](?P<b>(?:19|20)[0-9]{2})年?[）)])")
_PLAN_START = {"十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026,
               "十六五": 2031}
# Ex) "70周年" "100周年"
_ANNIV = lazy_compile(r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十百]{1,4})周年")
# Ex) "25年后" "二十年后" "这在25年前"
_AFTER = lazy_compile(_N + r"年(?:之)?后")
_BEFORE = lazy_compile(_N + r"年(?:之)?前")
_FUTURE = lazy_compile(r"将|预计|力争|目标|规划|计划|展望|到(?:19|20)[0-9]{2}年|有望|争取")


_EN_FUTURE = lazy_compile(r"\b(?:will|expects?|expected|forecasts?|projected|plans?|target|by\s+(?:19|20)[0-9]{2})\b",
                           regex.IGNORECASE)


def _in_future(ctx: Context, offset: int) -> bool:
    s0, s1 = ctx.sentence_of(offset)
    return bool(_FUTURE.search(ctx.text, s0, s1) or _EN_FUTURE.search(ctx.text, s0, s1))


def _num(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s in _EN_NUM:
        return _EN_NUM[s]
    p = parse_zh_integer(s)
    return None if p is None else int(p[0])


def _years_in(text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    return [(int(m.group("y")), m.start(), m.end()) for m in _ZH_YEAR.finditer(text, lo, hi)]


def _sent(ctx: Context, offset: int) -> tuple[int, int]:
    return ctx.sentence_of(offset)


def _finding(span: tuple[int, int], stated: str, expected: str, msg: str, severity: str,
             related: tuple[Related, ...] = ()) -> Iterator[Check | Finding]:
    yield Check(ID, span[0], span[1], "failed", stated, expected, msg)
    yield Finding(ID, severity, msg, span[0], span[1], stated, expected, (("expected", expected),), related)


def _passed(span: tuple[int, int], stated: str, expected: str, msg: str) -> Check:
    return Check(ID, span[0], span[1], "passed", stated, expected, msg)


def check(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    # Years in goals and forecasts ("到2035年", "预计2026年…") are not the report's "now".
    all_years = [int(m.group("y")) for m in _ZH_YEAR.finditer(text) if not _in_future(ctx, m.start())]
    # Ex) "in 2019" "since 2015" "December 31, 2019" "17 Jul 2022" — years in English prose
    all_years += [int(m.group("y")) for m in _EN_YEAR.finditer(text) if not _in_future(ctx, m.start("y"))]
    latest = max(all_years) if all_years else None
    common = Counter(all_years).most_common()
    focus = common[0][0] if common and (len(common) == 1 or common[0][1] > common[1][1]) else None

    # -- from-year after to-year -------------------------------------------------------------
    for m in _FROM_TO.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        span = (m.start("a"), m.end("a") + 1)
        if a < b:
            yield _passed(span, f"{a}年", f"before {b}年", f"from {a} to {b}")
        else:
            msg = (f"the span runs from {a}年 to {b}年: the start year is not before the end year; "
                   f"for the sentence to hold the start would be before {b} (or the end after {a})")
            yield from _finding(span, f"{a}年", f"before {b}年", msg, "error",
                                (Related("end-year", f"{b}年", m.start("b"), m.end("b") + 1),))

    # -- N years next to both of its years -----------------------------------------------------
    for m in _RANGE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a >= b:
            continue
        s0, s1 = _sent(ctx, m.start())
        for sp in _SPAN.finditer(text, m.end(), s1):
            n = _num(sp.group("n"))
            unit = sp.group("unit")
            # "五年间" "十年来" "这五年" "过去五年" — not "用3年时间" nor "3年行动"
            if n is None or n < 2 or unit not in ("年来", "年间", "年里", "年") \
                    or unit == "年" and not _span_word(text, sp) or _ASIDE.search(text, m.end(), sp.start()):
                continue
            yield from _judge_n(ctx, sp, n, {b - a, b - a + 1}, f"{a}–{b}", "error")
            break

    # -- five-year plans -------------------------------------------------------------------------
    for m in _PLAN.finditer(text):
        plan = m.group("plan")
        start = _PLAN_START.get(plan)
        if start is None:
            continue
        if m.group("n"):
            n = _num(m.group("n"))
            span = (m.start("n"), m.end("n") + 1)
            if n == 5:
                yield _passed(span, m.group("n") + "年", "五年", f"“{plan}” is five years")
            elif n is not None:
                msg = f"stated “{plan}”的{m.group('n')}年, but a five-year plan is five years ({start}–{start + 4})"
                yield from _finding(span, m.group("n") + "年", "五年", msg, "error")
        else:
            a, b = int(m.group("a")), int(m.group("b"))
            span = (m.start("a"), m.end("b"))
            if (a, b) == (start, start + 4):
                yield _passed(span, f"{a}—{b}", f"{start}—{start + 4}", f"“{plan}” is {start}–{start + 4}")
            else:
                msg = f"stated “{plan}” as {a}—{b}, but the “{plan}” plan covers {start}—{start + 4}"
                yield from _finding(span, f"{a}—{b}", f"{start}—{start + 4}", msg, "error")

    # -- anniversaries between the two years of a sentence ------------------------------------
    for m in _ANNIV.finditer(text):
        n = _num(m.group("n"))
        s0, s1 = _sent(ctx, m.start())
        ys = sorted({y for y, _, _ in _years_in(text, s0, s1)})
        if n is None or len(ys) != 2:
            continue
        d = ys[1] - ys[0]
        span = (m.start(), m.end())
        if d == n:
            yield _passed(span, m.group(), f"{d}周年", f"{ys[0]}–{ys[1]}")
        else:
            msg = (f"stated {m.group()} but the sentence's years {ys[0]} and {ys[1]} are {d} years apart; "
                   f"for the sentence to hold it would be {d}周年, or the years {n} apart")
            yield from _finding(span, m.group(), f"{d}周年", msg, "error")

    # -- counted from a year to the report's latest year --------------------------------------
    if latest is not None:
        for m in list(_SINCE.finditer(text)) + list(_EN_SINCE.finditer(text)):
            y = int(m.group("y"))
            if y >= latest:
                continue
            s0, s1 = _sent(ctx, m.start())
            if _FUTURE.search(text, s0, s1) or _RANGE.search(text, s0, s1):
                continue
            spans = [sp for sp in _SPAN.finditer(text, m.end(), s1) if sp.group("unit") in ("年来", "年间", "年里", "年以来")]
            spans += list(_CONTINUOUS.finditer(text, m.end(), s1)) + list(_EN_SPAN.finditer(text, s0, s1))
            # the span must belong to the since-phrase: close after it, not in an aside about a
            # part ("2012年以来，…，其中工业连续3年…")
            spans = [sp for sp in spans if sp.start() < m.start() or
                     (sp.start() - m.end() <= 40 and not _ASIDE.search(text, m.end(), sp.start()))]
            spans.sort(key=lambda sp: sp.start())
            for sp in spans[:1]:
                n = _num(sp.group("n").lower())
                if n is None:
                    continue
                yield from _judge_n(ctx, sp, n, {latest - y, latest - y + 1}, f"{y}–{latest} (the latest year stated)",
                                    "warning")

    # -- N years after / before a year stated next to it ---------------------------------------
    yield from _after_before(ctx, focus)


_TAG = lazy_compile(r"<[^<>\n]{0,300}>")
# Ex) "　　1998年，全省启动国有企业改革" — a sentence that opens with its year
_OPENING_YEAR = lazy_compile(r"[\s\u3000]*(?P<y>(?:19|20)[0-9]{2})年")
_MEASURE = lazy_compile(r"[\p{Han}A-Za-z]{0,4}(?:GDP|生产总值|经济总量|总产值|增加值|总额|总量|收入|利润|人口|产量|规模|余额)")


def _same_measure(a: str, b: str) -> bool:
    """Both passages name the same measure.  Ex) "全省GDP仅有…" and "全省GDP超过…"."""
    ma = {m.group() for m in _MEASURE.finditer(a)}
    mb = {m.group() for m in _MEASURE.finditer(b)}
    return any(x.endswith(y) or y.endswith(x) for x in ma for y in mb if min(len(x), len(y)) >= 3)


# Words that start an aside about a part of the whole.  Ex) "其中" "另外" "；"
_ASIDE = lazy_compile(r"其中|其他|另外|此外|；|;")


def _span_word(text: str, sp) -> bool:
    """A bare "N年" is a span when it reads as one: "十年", "这五年", "五年来" — not "3年行动"."""
    nxt = text[sp.end():sp.end() + 1]
    prev = text[max(0, sp.start() - 1):sp.start()]
    return nxt in "，。,；、来间里中" or prev in "这近过去"


def _judge_n(ctx: Context, sp, n: int, allowed: set[int], between: str, severity: str):
    span = (sp.start(), sp.end())
    stated = sp.group()
    if n in allowed:
        yield _passed(span, stated, f"{min(allowed)}", f"{between}: {sorted(allowed)} years")
        return
    exp = " or ".join(str(x) for x in sorted(allowed))
    msg = (f"stated {stated} but {between} is {exp} years (counting one or both ends); "
           f"for the sentence to hold the span would be {exp} years, or the start year "
           f"would be different")
    yield from _finding(span, stated, exp, msg, severity)


def _after_before(ctx: Context, focus: int | None) -> Iterator[Check | Finding]:
    text = ctx.text
    sents = ctx.sentences
    for pat, sign in ((_AFTER, 1), (_BEFORE, -1)):
        for m in pat.finditer(text):
            n = _num(m.group("n"))
            if n is None or n < 2:
                continue
            i = sents.index(m.start())
            s0, s1 = sents.starts[i], sents.ends[i]
            if _FUTURE.search(text, s0, s1) or _years_in(text, s0, m.start()):
                continue
            # the year it counts from: the last year stated in the one or two sentences before
            lo = sents.starts[max(0, i - 2)]
            if m.start() - lo > 300:
                lo = m.start() - 300
            before = _years_in(text, lo, s0)
            if not before:
                continue
            base, bs, be = before[-1]
            # years stated around it: the rest of the sentence and the two sentences after
            hi = sents.ends[min(len(sents.ends) - 1, i + 2)]
            around = {y for y, _, _ in _years_in(text, m.end(), min(hi, m.end() + 300))}
            target = base + sign * n
            if sign > 0:
                # "这一年，全省GDP仅有1826.4亿元。25年后，全省GDP超过2万亿元": the same measure
                # N years on, so the year it lands on is the year the text is about
                if not _same_measure(text[before[-1][1]:s0], text[s0:s1]):
                    continue
                candidates = around | ({focus} if focus else set())
            else:
                # "…2023年…。这在25年前…。1998年，…": counted back to the year that opens the
                # next sentence
                following = _TAG.sub("", text[s1:s1 + 400])
                nxt = _OPENING_YEAR.match(following)
                candidates = {int(nxt.group("y"))} if nxt else set()
            if not candidates:
                continue
            span = (m.start(), m.end())
            if target in candidates:
                yield _passed(span, m.group(), f"{target}", f"{base} {'+' if sign > 0 else '−'} {n} = {target}")
                continue
            if sign > 0:
                want = sorted(c - base for c in candidates if c > base)
            else:
                want = sorted(base - c for c in candidates if c < base)
            if not want:
                continue
            exp = " or ".join(f"{w}年{'后' if sign > 0 else '前'}" for w in want)
            ref = " or ".join(str(c) for c in sorted(candidates))
            msg = (f"stated {m.group()} counting from {base}, which gives {target}, but the year it "
                   f"refers to is {ref} (the years stated around it and the year the text is about); "
                   f"for the sentence to hold it would be {exp}")
            yield from _finding(span, m.group(), exp, msg, "warning",
                                (Related("from-year", f"{base}年", bs, be),))
