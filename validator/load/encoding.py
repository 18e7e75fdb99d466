"""Bytes → text: the encodings reports come in, detected among plausible candidates only.

Order of decisions:

1. ``--encoding NAME`` forces one codec (strict; a byte it cannot decode is an input error).
2. A byte-order mark: UTF-8 (``EF BB BF``), UTF-32 and UTF-16 (``FF FE`` / ``FE FF``).
3. NUL bytes or many control characters without a BOM: a binary file, refused.
4. Strict UTF-8 (ASCII included) — except a short GB18030 text that happens to be valid UTF-8
   for Latin/Armenian/Hebrew letters with no ASCII letter beside them ("占66.8%" is the UTF-8 of
   "ռ66.8%"), which is read as the GB18030 it reads as (see ``_short_gb_as_utf8``).
5. Otherwise one of the legacy Chinese encodings, GB18030 (a superset of GBK and GB2312) or
   Big5, chosen by charset-normalizer restricted to exactly those candidates
   (``cp_isolation``).  A stdlib fallback chain is not enough: Big5 bytes decode without
   error as GB18030 nonsense ("臺灣" → "稽悸"), so the choice must look at what the text says.

Whatever is chosen must decode strictly: a file that decodes only with replacement
characters is an input error, and so is text that already contains U+FFFD replacement
characters (an earlier conversion lost characters there, digits among them).
"""

from __future__ import annotations

import codecs
import re

# The legacy encodings we consider; names as Python's codecs spell them.
LEGACY = ("gb18030", "big5")

# Control characters that prose never contains (tab, LF, CR, FF and VT are fine).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}

_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls); save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


class DecodeError(Exception):
    """The one-line reason a file's bytes are not text."""


def canonical(name: str) -> str:
    """The codec name as reported (``files[].encoding``); raises DecodeError for an unknown one.

    Ex) ``canonical("GBK") == "gbk"``, ``canonical("utf8") == "utf-8"``.
    """
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        raise DecodeError(f"unknown encoding {name!r}") from None


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"cannot decode as {codec.upper()} (byte {exc.start}: {exc.reason})") from None


def _bom(data: bytes) -> tuple[str, str] | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _strict(data, "utf-32"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    return None


def looks_binary(data: bytes) -> str | None:
    """Why *data* (without a BOM) is not text, or None.  Looks at the first 64 KiB only."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return f"not a text file: this is {what}"
    head = data[:65536]
    if b"\x00" in head or b"\x00" in data:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls * 100 > len(head):  # more than 1% control bytes
        return f"binary file ({controls} control bytes in the first {len(head):,})"
    return None


def _check_text(text: str) -> None:
    bad = text.count("\ufffd")
    if bad:
        first = text.index("\ufffd")
        raise DecodeError(f"text contains {bad} replacement character(s) U+FFFD (first at character "
                          f"{first}): an earlier conversion lost characters; use the original file")
    if "\x00" in text:
        raise DecodeError("binary file (contains NUL characters)")


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """Text and encoding name of *data*; raises :class:`DecodeError` with a one-line reason.

    Ex) ``decode("占66.8%".encode("gb18030")) == ("占66.8%", "gb18030")``.
    """
    if forced:
        codec = canonical(forced)
        if codec in ("utf-8", "utf-8-sig") and data.startswith(b"\xef\xbb\xbf"):
            data, codec = data[3:], "utf-8-sig"
        text = _strict(data, "utf-8" if codec == "utf-8-sig" else codec)  # utf-16/32 eat their BOM
        _check_text(text)
        return text, codec
    bom = _bom(data)
    if bom is not None:
        _check_text(bom[0])
        return bom
    reason = looks_binary(data)
    if reason:
        raise DecodeError(reason)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"byte {exc.start}: {exc.reason}"
    else:
        _check_text(text)
        if _short_gb_as_utf8(data, text):
            return data.decode("gb18030"), "gb18030"
        return text, "utf-8"
    return _legacy(data, utf8_error)


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


# one character class: provably linear, so the standard re module is enough
_BEYOND_07FF = re.compile("[^\x00-\u07ff]")


def _short_gb_as_utf8(data: bytes, text: str) -> bool:
    """Is valid UTF-8 *text* really GB18030?  Ex) "占66.8%" in GB18030 is the UTF-8 of "ռ66.8%".

    A short GB18030 text whose hanzi all have a lead byte C2–DF and a trail byte A1–BF is valid
    UTF-8 for characters in U+0080–U+07FF (Latin-1 … Armenian, Hebrew, Arabic).  We read it as
    GB18030 only when every non-ASCII character of the UTF-8 reading is in that range, none
    stands next to an ASCII letter (so "Müller" stays UTF-8), and every non-ASCII character of
    the GB18030 reading is a hanzi or CJK/full-width punctuation.
    """
    if text.isascii() or _BEYOND_07FF.search(text):  # one C-speed pass decides almost every text
        return False
    odd = [i for i, ch in enumerate(text) if ch >= "\x80"]
    for i in odd:
        for j in (i - 1, i + 1):
            if 0 <= j < len(text) and text[j].isascii() and text[j].isalpha():
                return False
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return all(_cjk(ch) for ch in gb if ch >= "\x80")


def _legacy(data: bytes, utf8_error: str) -> tuple[str, str]:
    """GB18030 or Big5, whichever decodes strictly and reads as text."""
    decoded: dict[str, str] = {}
    for codec in LEGACY:
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise DecodeError(f"cannot decode as UTF-8 ({utf8_error}), GB18030 or Big5; "
                          f"name the encoding with --encoding")
    if len(decoded) == 1:
        codec, text = next(iter(decoded.items()))
    else:
        codec = _detect(data, tuple(decoded))
        text = decoded[codec]
    _check_text(text)
    return text, codec


def _detect(data: bytes, candidates: tuple[str, ...]) -> str:
    """The candidate charset-normalizer finds most coherent; the first candidate without it."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a core dependency
        return candidates[0]
    best = from_bytes(data, cp_isolation=list(candidates)).best()
    if best is None:
        return candidates[0]
    name = canonical(best.encoding)
    # charset-normalizer may name a superset (cp950 for Big5); map it back to a candidate
    for codec in candidates:
        if canonical(codec) == name:
            return codec
    return candidates[0]
