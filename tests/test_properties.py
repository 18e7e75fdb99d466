"""Property tests (Hypothesis): what must hold for every input, not just the cases we thought of.

- round trip: a number rendered the way reports write it extracts back to an interval that holds it;
- robustness: no text makes extract() or a rule raise;
- metamorphic: a consistent share passes percent-of-total; moving it past its rounding fails it;
- interval arithmetic agrees with exact Fraction arithmetic.

Settings are modest (200 examples, no deadline) so the whole suite stays fast.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from validator.extract import extract
from validator.extract.numerals import parse_zh_integer, render_en, render_zh
from validator.interval import Interval
from validator.model import Document
from validator.rules import BY_ID, RULES
from validator.runner import audit_document

MODEST = settings(max_examples=200, deadline=None)

_FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def _value_at(text: str, offset: int):
    """The quantity starting at *offset* (the numeral's first character, or its currency sign)."""
    found = [q for q in extract(text) if q.start == offset]
    assert found, f"nothing extracted at {offset} in {text!r}: {[q.text for q in extract(text)]}"
    return found[0]


# -- round trips ---------------------------------------------------------------------------

@MODEST
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numeral_round_trip(n):
    numeral = render_zh(n)
    assert parse_zh_integer(numeral)[0] == n
    text = f"全省共有{numeral}个行政村。"
    q = _value_at(text, len("全省共有"))
    assert n in q.value, (numeral, q.text, q.value)
    assert q.kind == "count"


@MODEST
@given(st.one_of(st.integers(min_value=2, max_value=999),
                 st.integers(min_value=1, max_value=999).map(lambda k: k * 1000)))
def test_english_words_round_trip(n):
    words = render_en(n)
    text = f"The county has {words} villages."
    q = _value_at(text, len("The county has "))
    assert n in q.value, (words, q.text, q.value)
    assert q.kind == "count" and q.noun == "villages"


@MODEST
@given(st.integers(min_value=0, max_value=10**9), st.booleans(), st.booleans())
def test_arabic_round_trip(n, separators, full_width):
    digits = f"{n:,}" if separators else str(n)
    if full_width:
        digits = digits.replace(",", "").translate(_FULL_WIDTH)
    text = f"全州{digits}个村集体经济收入均达到2万元以上。"
    q = _value_at(text, 2)
    assert q.value == Interval.exact(n), (digits, q.text, q.value)
    assert q.kind == "count" and q.exact


@MODEST
@given(st.integers(min_value=1, max_value=10**9))
def test_english_arabic_round_trip(n):
    # English reports separate thousands; "2000 villages" alone reads like a year.
    text = f"Of the {n:,} villages in the province, most are in the hills."
    q = _value_at(text, len("Of the "))
    assert q.value == Interval.exact(n) and q.kind == "count"


@MODEST
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2),
       st.sampled_from([("万人", 10**4), ("亿元", 10**8), ("万元", 10**4), ("万亩", 10**4)]),
       st.booleans())
def test_magnitude_decimals_round_trip(d, unit, full_width):
    word, scale = unit
    written = str(d.normalize()) if d == d.to_integral() else str(d)
    if "E" in written:
        written = str(int(d))
    shown = written.translate(_FULL_WIDTH) if full_width else written
    text = f"全年完成{shown}{word}。"
    q = _value_at(text, len("全年完成"))
    value = Fraction(d) * scale
    assert value in q.value, (shown + word, q.value)
    # rounded at the last written digit, and no wider
    assert q.value.hi - q.value.lo == Interval.rounded(written).hi * scale - Interval.rounded(written).lo * scale


@MODEST
@given(st.decimals(min_value=Decimal("0.0"), max_value=Decimal("100.0"), places=1),
       st.sampled_from(["%", "％", " percent", " per cent"]))
def test_percent_round_trip(p, sign):
    text = f"占{p}{sign}。" if sign in ("%", "％") else f"It rose {p}{sign} last year."
    q = _value_at(text, 1 if sign in ("%", "％") else len("It rose "))
    assert q.kind == "percent"
    assert q.value == Interval.rounded(str(p))


# -- robustness ------------------------------------------------------------------------------

_PIECES = (list("0123456789０１２３.,，．%％‰万亿千百十零〇一二两三四五六七八九点个名人次年月日多余约近第“”「」"
                "翻番倍成元、。；：（）()-—$£€ \n")
           + ["分之", "百分点", "以上", "以下", "左右", "超过", "不少于", "不到", "等", "占", "共有", "全州",
              "分别", "村", "thousand", "million", "bn", "percent", "per cent", "times", "about ", "over ",
              "more than ", "three", "twenty-one", "hundred", " and ", " of the ", " villages",
              "respectively", "Of the ", "etc.", "“四个意识”", "两学一做"])
report_like = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@MODEST
@given(st.one_of(st.text(max_size=300), report_like))
def test_arbitrary_text_never_raises(text):
    qs = extract(text)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.point in q.value
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.start, (a.text, b.text)
    result = audit_document(Document.from_text("fuzz.txt", text), RULES)
    assert result.error is None


# -- metamorphic: percent-of-total -----------------------------------------------------------

def _share(part: int, total: int) -> Decimal:
    # Reports round half up (6.25% → 6.3%), as the rule's messages do.
    return (Decimal(part) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _shift(p: Decimal, delta: Decimal) -> Decimal:
    return p + delta if p + delta <= 100 else p - delta


def _percent_findings(text: str):
    result = audit_document(Document.from_text("case.txt", text), [BY_ID["percent-of-total"]])
    return [f for f in result.findings if f.rule == "percent-of-total"]


_ZH_SENTENCE = "全县{total}个行政村中，集体经济年收入超过10万元的村{part}个，占{p}%。"
_EN_SENTENCE = "Of the {total:,} villages, {part:,} ({p}%) reported collective income above 100,000 yuan."
totals = st.integers(min_value=2, max_value=20000)


@MODEST
@given(totals, st.data(), st.sampled_from([_ZH_SENTENCE, _EN_SENTENCE]))
def test_consistent_share_passes(total, data, sentence):
    part = data.draw(st.integers(min_value=1, max_value=total - 1))
    text = sentence.format(total=total, part=part, p=_share(part, total))
    assert not _percent_findings(text), text


@MODEST
@given(totals, st.data(), st.sampled_from([_ZH_SENTENCE, _EN_SENTENCE]),
       st.decimals(min_value=Decimal("0.2"), max_value=Decimal("30"), places=1))
def test_share_moved_past_its_rounding_fails(total, data, sentence, delta):
    part = data.draw(st.integers(min_value=1, max_value=total - 1))
    p = _share(part, total)
    wrong = _shift(p, delta)
    assume(Decimal(0) <= wrong <= Decimal(100))
    text = sentence.format(total=total, part=part, p=wrong)
    found = _percent_findings(text)
    assert len(found) == 1, text
    assert found[0].stated == f"{wrong}%" and found[0].expected == f"{p}%", (text, found[0].message)


# -- interval arithmetic agrees with Fractions ----------------------------------------------

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)
unit = st.fractions(min_value=0, max_value=1, max_denominator=100)


@st.composite
def intervals_with_a_point(draw):
    a, b = sorted((draw(fractions), draw(fractions)))
    t = draw(unit)
    return Interval(a, b), a + (b - a) * t


@MODEST
@given(intervals_with_a_point(), intervals_with_a_point())
def test_interval_arithmetic_holds_every_exact_result(xa, yb):
    (a, x), (b, y) = xa, yb
    assert x in a and y in b
    assert x + y in a + b
    assert x - y in a - b
    assert x * y in a * b
    if not (b.lo <= 0 <= b.hi):
        assert x / y in a / b


@MODEST
@given(intervals_with_a_point(), intervals_with_a_point())
def test_interval_arithmetic_is_tight_at_the_corners(xa, yb):
    # The bounds are attained by endpoint combinations: no float-style slack.
    (a, _), (b, _) = xa, yb
    s = a + b
    assert (s.lo, s.hi) == (a.lo + b.lo, a.hi + b.hi)
    p = a * b
    corners = [u * v for u in (a.lo, a.hi) for v in (b.lo, b.hi)]
    assert (p.lo, p.hi) == (min(corners), max(corners))


@MODEST
@given(st.fractions(min_value=0, max_value=1000, max_denominator=1000), intervals_with_a_point())
def test_unbounded_lower_bound_holds_everything_above(lo, xa):
    at_least = Interval(lo, None)
    assert lo in at_least and lo + 10**6 in at_least
    (a, x) = xa
    if a.lo >= 0:
        assert lo * x in at_least * a
