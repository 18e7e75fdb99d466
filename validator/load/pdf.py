"""PDF → the text layer, page by page, with each line's page number.

Read with pypdf (BSD licence; ``pip install 'validator[pdf]'``); no AGPL library is used.
Each page's text follows the previous page's on a new line, and ``Document.locations`` gets
``(offset, "page", n)`` at every page start, so findings carry ``page``.

Lines that a CJK page wraps in the middle of a sentence are joined back: a line as long as the
page's longest that does not end a sentence (。！？；：) continues on the next line, so "占66.8%"
split as "占66." / "8%" stays one number.

Refused with a one-line reason: an encrypted PDF that needs a password, more pages than
``max_pages``, a decompressed stream over ``max_stream_bytes`` (pypdf's own decompression
limits are set to it, so a decompression bomb stops there), a text over ``max_chars``,
reading longer than ``max_seconds``, and a PDF with no text layer at all ("a scanned PDF?
run OCR first") — checking numbers needs the text.
"""

from __future__ import annotations

import io
import time

import regex

from .limits import Limits, LimitError, size_text

# Ex) a page whose text layer is empty, or only page numbers and spaces
_MIN_TEXT_CHARS = 20
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SENTENCE_END = "。！？；：!?;:"


class PdfError(Exception):
    pass


def _set_pypdf_limits(limits: Limits) -> None:
    """Bound pypdf's decompression limits by ours (pypdf ≥ 7: a Configuration; before: constants)."""
    import pypdf
    n = limits.max_stream_bytes
    if hasattr(pypdf, "overwrite_configuration"):
        current = pypdf.get_configuration()
        wanted = {"jbig2dec_binary": None}  # never run an external program on a hostile file
        for name in ("maximum_declared_stream_length", "array_based_stream_maximum_output_length",
                     "jbig2_maximum_output_length", "lzw_maximum_output_length",
                     "run_length_maximum_output_length", "zlib_maximum_output_length",
                     "brotli_maximum_output_length", "image_maximum_buffer_size"):
            if hasattr(current, name):
                wanted[name] = min(getattr(current, name), n)
        pypdf.overwrite_configuration(**{k: v for k, v in wanted.items() if hasattr(current, k)})
        return
    from pypdf import filters  # pragma: no cover - pypdf 5 and 6
    for name in ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH", "RUN_LENGTH_MAX_OUTPUT_LENGTH",
                 "MAX_ARRAY_BASED_STREAM_OUTPUT_LENGTH", "MAX_DECLARED_STREAM_LENGTH",
                 "JBIG2_MAX_OUTPUT_LENGTH"):
        if hasattr(filters, name):
            setattr(filters, name, min(getattr(filters, name), n))


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join lines the page wrapped mid-sentence (CJK text has no space at a wrap).

    Ex) "…收入5万元以上的村743个、占66." + "8%，…" → one line; an English line is never joined.
    """
    longest = max((len(ln.rstrip()) for ln in lines), default=0)
    out: list[str] = []
    carry = ""
    for ln in lines:
        text = carry + ln
        s = ln.rstrip()
        carry = ""
        if longest >= 10 and s and len(s) >= longest * 0.9 and s[-1] not in _SENTENCE_END:
            last = s[-1]
            if last >= "\u2e80" or (last in "0123456789.%," and any(c >= "\u2e80" for c in s)):
                carry = text.rstrip()
                continue
        out.append(text)
    if carry:
        out.append(carry)
    return out


def extract(data: bytes, limits: Limits) -> tuple[str, tuple[tuple[int, str, int], ...]]:
    """The text of a PDF and its page locations; raises PdfError or LimitError."""
    try:
        import pypdf
    except ImportError:
        raise PdfError("reading PDF needs the pdf extra: pip install 'validator[pdf]'") from None
    import logging
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # pypdf logs every odd object to stderr
    _set_pypdf_limits(limits)
    deadline = time.monotonic() + limits.max_seconds
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # a crafted encryption dictionary: reported, not hidden
                raise PdfError(f"encrypted PDF that cannot be opened: {_first_line(exc)}") from None
            if not ok:
                raise PdfError("encrypted PDF: it needs a password; save an unencrypted copy")
        n_pages = len(reader.pages)
    except PdfError:
        raise
    except LimitError:
        raise
    except Exception as exc:  # pypdf on a crafted file raises anything (KeyError, AssertionError …)
        raise PdfError(f"cannot read PDF: {_first_line(exc)}") from None
    if n_pages > limits.max_pages:
        raise LimitError(f"PDF has {n_pages:,} pages, over the {limits.max_pages:,}-page limit")
    pieces: list[str] = []
    locations: list[tuple[int, str, int]] = []
    offset = 0
    visible = 0
    for number in range(1, n_pages + 1):
        try:
            text = reader.pages[number - 1].extract_text() or ""
        except LimitError:
            raise
        except Exception as exc:  # inside pypdf: any exception is the file's fault, not ours
            message = _first_line(exc)
            if "limit" in message.lower() or "exceed" in message.lower():
                raise LimitError(f"page {number}: a stream unpacks to more than "
                                 f"{size_text(limits.max_stream_bytes)} (a decompression bomb?)") from None
            raise PdfError(f"cannot read page {number}: {message}") from None
        text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
        lines = _join_wrapped(text.split("\n"))
        page_text = "\n".join(lines).strip("\n")
        visible += sum(1 for ch in page_text if not ch.isspace() and not ch.isdigit())
        locations.append((offset, "page", number))
        pieces.append(page_text + "\n")
        offset += len(page_text) + 1
        if offset > limits.max_chars:
            raise LimitError(f"text is over the {limits.max_chars:,}-character limit")
        if time.monotonic() > deadline:
            raise LimitError(f"reading took more than {limits.max_seconds:g} seconds "
                             f"(stopped at page {number} of {n_pages})")
    if visible < _MIN_TEXT_CHARS:
        raise PdfError(f"no text layer in {n_pages} page(s): a scanned PDF? run OCR on it first "
                       f"(validator checks the text, not images)")
    return "".join(pieces), tuple(locations)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
