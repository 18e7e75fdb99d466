"""Properties of the loader for every input (Hypothesis): decoding is lossless or refused, no
input of any format raises out of the loader, table cells never glue, numerals in any format
survive a round trip through the loader and the extractor without an exception.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.extract import extract
from validator.load.encoding import DecodeError, decode
from validator.load.formats import Refused, to_document
from validator.load.html import extract as html_text
from validator.load.limits import DEFAULT
from validator.model import Document

MODEST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。、；：%％（）“”万亿个项元多余约近 \n") + list(string.digits))
REPORTISH = st.text(st.one_of(CJK, PUNCT, st.sampled_from(list(string.ascii_letters))), max_size=200)

# numerals as reports write them: digits with separators and decimals, full-width digits,
# Chinese numerals, percentages, long digit runs
NUMERAL = st.one_of(
    st.integers(0, 10**30).map(str),
    st.integers(0, 10**12).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.integers(0, 10**9).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.text(st.sampled_from(list("零一二三四五六七八九十百千万亿两")), min_size=1, max_size=12),
    st.text(st.sampled_from(list("0123456789.,")), min_size=1, max_size=40),
)
UNIT = st.sampled_from(["", "%", "个", "万元", "亿元", "个百分点", "倍", "万人次", "年", " million", "％"])


@MODEST
@given(st.binary(max_size=2000))
def test_decode_is_lossless_or_refused(data):
    try:
        text, codec = decode(data)
    except DecodeError as exc:
        assert "\n" not in str(exc)
        return
    assert "\ufffd" not in text
    if codec == "utf-8-sig":
        assert ("\ufeff" + text).encode("utf-8") == data
    elif codec in ("utf-16", "utf-32"):
        assert text == data.decode(codec)
    else:
        assert text.encode(codec) == data


@MODEST
@given(REPORTISH, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_report_text_in_any_supported_encoding_reads_back(text, codec):
    data = text.encode(codec)
    got, name = decode(data)
    if codec in ("utf-8", "utf-8-sig", "utf-16"):
        assert got == text
    else:  # GB18030 bytes that are also valid UTF-8 or Big5 may read differently: never raise
        assert name in ("gb18030", "utf-8", "big5")


@MODEST
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a.pdf"]))
def test_no_bytes_make_the_loader_raise(data, name):
    try:
        doc = to_document(name, name, data, None, DEFAULT)
    except Refused as exc:
        assert "\n" not in str(exc)
        return
    extract(doc)


@MODEST
@given(st.lists(st.tuples(NUMERAL, UNIT), min_size=2, max_size=6))
def test_table_cells_never_glue(cells):
    row = "".join(f"<td>{n}{u}</td>" for n, u in cells)
    text = html_text(f"<table><tr>{row}</tr></table>")
    assert text.strip().split(" | ") == [" ".join(f"{n}{u}".split()) for n, u in cells
                                         if " ".join(f"{n}{u}".split())] or not text.strip()


@MODEST
@given(st.lists(st.tuples(REPORTISH, NUMERAL, UNIT), min_size=1, max_size=8))
def test_numerals_in_text_never_break_the_extractor(parts):
    text = "".join(a + n + u for a, n, u in parts)
    extract(Document.from_text("p.txt", text))
