"""Encodings: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK and Big5 detected among those
candidates only; ``--encoding`` forces one; undecodable or already-damaged text is an input error.
"""

from __future__ import annotations

import pytest

from validator.load import LoadError, load
from validator.load.encoding import DecodeError, decode

from .conftest import assert_one_line_error, audit_json, run_cli

# Written for these tests, in the style of a Taiwanese county statistical bulletin (traditional).
BIG5_TEXT = ("本縣去年全年出口總值達新臺幣一千二百億元，較前年增加百分之八點五；其中電子零組件占百分之四十三，"
             "資訊通信產品占百分之二十一。全縣共有村里一千零九十個，年收入五萬元以上者七百四十三個。\n")
GBK_TEXT = "全年全市实现地区生产总值1234.5亿元，比上年增长6.1%；常住人口城镇化率达到58.3%。\n"


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_big5_is_detected_not_read_as_gb18030(codec):
    data = BIG5_TEXT.encode(codec)
    data.decode("gb18030")  # the trap: these bytes are also "valid" GB18030
    text, name = decode(data)
    assert (text, name) == (BIG5_TEXT, "big5")


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_simplified_chinese_legacy_text_is_gb18030(codec):
    assert decode(GBK_TEXT.encode(codec)) == (GBK_TEXT, "gb18030")


def test_short_gb18030_line():
    assert decode("占66.8%".encode("gb18030")) == ("占66.8%", "gb18030")


@pytest.mark.parametrize("data, name", [
    ("增长6.1%".encode("utf-8"), "utf-8"),
    ("增长6.1%".encode("utf-8-sig"), "utf-8-sig"),
    ("增长6.1%".encode("utf-16"), "utf-16"),
    ("增长6.1%".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ("增长6.1%".encode("utf-32"), "utf-32"),
    (b"plain ascii 12.5%", "utf-8"),
    (b"", "utf-8"),
])
def test_unicode_encodings(data, name):
    text, got = decode(data)
    assert got == name and text == ("" if not data else "增长6.1%" if name != "utf-8" or data[:1] != b"p"
                                    else "plain ascii 12.5%")


def test_forced_encoding_is_used_strictly():
    data = BIG5_TEXT.encode("big5")
    text, name = decode(data, "gb18030")  # forced: the user said so, even if it reads as nonsense
    assert name == "gb18030" and text != BIG5_TEXT
    with pytest.raises(DecodeError, match="cannot decode as UTF-8"):
        decode(data, "utf-8")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(data, "klingon")


def test_bytes_no_candidate_decodes_are_an_error():
    # 0x80 alone and 0xFF are invalid in UTF-8, GB18030 and Big5
    with pytest.raises(DecodeError, match="--encoding"):
        decode(b"\xff\x80\xff\x80 total 12")


def test_replacement_characters_are_an_error():
    with pytest.raises(DecodeError, match="U\\+FFFD"):
        decode("收入\ufffd\ufffd万元".encode("utf-8"))


@pytest.mark.parametrize("data, words", [
    (b"abc\x00def", ["NUL"]),
    (b"%PDF-1.4\n...", ["PDF"]),
    (b"PK\x03\x04\x14\x00", ["ZIP"]),
    (b"\x89PNG\r\n\x1a\n", ["PNG"]),
    (bytes(range(1, 32)) * 10, ["control bytes"]),
])
def test_binary_is_refused(data, words):
    with pytest.raises(DecodeError) as info:
        decode(data)
    for w in words:
        assert w in str(info.value)


def test_cli_reports_encoding_and_accepts_encoding_option(tmp_path):
    p = tmp_path / "bulletin.txt"
    p.write_bytes(BIG5_TEXT.encode("big5"))
    code, out, _ = audit_json(str(p))
    assert out["files"][0]["encoding"] == "big5" and out["files"][0]["status"] == "checked"
    code, out, _ = audit_json(str(p), extra=("--encoding", "big5"))
    assert out["files"][0]["encoding"] == "big5"
    proc = run_cli("audit", str(p), "--encoding", "utf-8")
    assert_one_line_error(proc, "bulletin.txt", "cannot decode as UTF-8")
    proc = run_cli("extract", str(p), "--encoding", "no-such-codec")
    assert_one_line_error(proc, "--encoding", "unknown encoding")


def test_cli_extract_reads_legacy_text(tmp_path):
    p = tmp_path / "gdp.txt"
    p.write_bytes(GBK_TEXT.encode("gbk"))
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0
    assert "1234.5亿元" in proc.stdout.decode("utf-8")


def test_load_never_raises_on_undecodable(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\xff\xfe\xff")  # a UTF-16 BOM and half a code unit
    assert isinstance(load(str(p)), LoadError)
