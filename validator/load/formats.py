"""Bytes of one input → a Document, by format: text/Markdown, HTML, DOCX, PDF.

The format comes from the file name's extension (``FORMATS``); standard input is text.  Each
format module raises an exception whose message is the one-line reason shown to the user; this
module turns it into a :class:`~validator.load.LoadError` (exit code 2), so no input ever
raises out of ``load``.  After extraction every format goes through the same checks: line
endings normalised to ``\\n``, the size limits of :mod:`validator.load.limits`, and the
repeated page chrome recorded in ``Document.boilerplate``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace

import regex

from ..model import Document
from .boilerplate import repeated_lines
from .encoding import DecodeError, canonical, decode, looks_binary
from .limits import DEFAULT, LimitError, Limits, size_text

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}

# Ex) <meta charset="gb2312">, <meta http-equiv="Content-Type" content="text/html; charset=GBK">
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,30})""",
                              regex.IGNORECASE)


class Refused(Exception):
    """The one-line reason an input is refused."""


def format_of(path: str) -> str:
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def check_size(path: str, limits: Limits = DEFAULT) -> None:
    """Refuse, before reading a byte, a path that is not a regular file or is over ``max_bytes``.

    Ex) a 1 GB sparse file, a FIFO (opening it would wait for a writer), a symlink loop.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise Refused(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise Refused(f"cannot read folder: {exc.strerror or exc}") from None
        raise Refused("is a folder")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if (
            stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)) else "a socket" if stat.S_ISSOCK(
            st.st_mode) else "not a regular file"
        raise Refused(f"not a regular file ({kind})" if kind != "not a regular file" else kind)
    if st.st_size > limits.max_bytes:
        raise Refused(f"file of {size_text(st.st_size)} is larger than the {size_text(limits.max_bytes)} "
                      f"limit (--max-size)")


def _html_encoding(data: bytes, forced: str | None) -> str | None:
    """The charset a page declares in its first 4 KiB, when we know the codec."""
    if forced:
        return forced
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "euc-cn"):
        return "gb18030"  # pages that say gb2312 use GBK characters; GB18030 is their superset
    if name in ("big5", "big5-hkscs", "x-x-big5"):
        return "big5"
    try:
        return canonical(name)
    except DecodeError:
        return None


def to_document(shown: str, path: str, data: bytes, encoding: str | None = None,
                limits: Limits = DEFAULT) -> Document:
    """The Document for *data* read from *path* (its extension picks the format); raises Refused."""
    if len(data) > limits.max_bytes:
        raise Refused(f"larger than the {size_text(limits.max_bytes)} limit (--max-size)")
    fmt = format_of(path)
    locations: tuple = ()
    try:
        if fmt == "docx":
            from .docx import DocxError, extract
            try:
                text, locations = extract(data, limits)
            except DocxError as exc:
                raise Refused(str(exc)) from None
            codec = "utf-8"
        elif fmt == "pdf":
            from .pdf import PdfError, extract
            try:
                text, locations = extract(data, limits)
            except PdfError as exc:
                raise Refused(str(exc)) from None
            codec = ""
        elif fmt == "html":
            declared = _html_encoding(data, encoding)
            try:
                page, codec = decode(data, declared)
            except DecodeError:
                if encoding:
                    raise
                page, codec = decode(data)  # the declaration was wrong: detect instead
            from .html import HtmlError, extract
            try:
                text = extract(page)
            except HtmlError as exc:
                raise Refused(str(exc)) from None
            if not text.strip():
                raise Refused("no article text found in the HTML page")
        else:
            text, codec = decode(data, encoding)
    except DecodeError as exc:
        raise Refused(str(exc)) from None
    except LimitError as exc:
        raise Refused(str(exc)) from None
    except RecursionError:
        raise Refused("nested too deeply to read") from None
    if "\r" in text and fmt in ("text", "markdown"):
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac files end lines with CR
    if fmt in ("docx", "pdf", "html") and "\x00" in text:
        text = text.replace("\x00", " ")
    try:
        from .limits import check_text
        check_text(text, limits)
    except LimitError as exc:
        raise Refused(str(exc)) from None
    doc = Document.from_text(shown, text, fmt, codec, locations)
    structure = ()
    if fmt == "markdown":
        from .markdown import blocks
        structure = blocks(text)
    return replace(doc, boilerplate=repeated_lines(text), blocks=structure)


__all__ = ["FORMATS", "Refused", "check_size", "format_of", "looks_binary", "to_document"]
