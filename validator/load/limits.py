"""What one input may cost: the limits every loader enforces, with their documented defaults.

A report is refused (a :class:`~validator.load.LoadError`, exit code 2, one line saying which
limit) rather than read without bound.  The defaults fit real reports with a wide margin:

=====================  ==========  ==========================================================
limit                  default     what it bounds
=====================  ==========  ==========================================================
``max_bytes``          64 MiB      the file's size, checked with ``stat`` before reading (a
                                   1 GB sparse file is refused without reading a byte)
``max_chars``          8,000,000   the text once decoded or extracted, in characters
``max_line_chars``     200,000     one line of text (a paragraph of a real report is a few
                                   thousand characters; a single 5 MB line is not prose)
``max_members``        5,000       entries in a DOCX (zip) archive
``max_part_bytes``     32 MiB      one XML part of a DOCX, uncompressed (the document.xml of a
                                   300-page report is 5–15 MiB); checked against the declared
                                   size and counted again while inflating
``max_pages``          5,000       pages of a PDF
``max_stream_bytes``   64 MiB      one decompressed PDF stream (pypdf's own limits are set to it)
``max_seconds``        120         wall time for extracting the text of one DOCX or PDF
=====================  ==========  ==========================================================

Set them on the command line with ``--max-size`` (``max_bytes``, e.g. ``--max-size 200M``; a
size above the default also lets the text run to that many characters, ``max_chars``) or
from Python with ``validator.load.load(path, limits=Limits(max_pages=100))``.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 64 * MIB
    max_chars: int = 8_000_000
    max_line_chars: int = 200_000
    max_members: int = 5_000
    max_part_bytes: int = 32 * MIB
    max_pages: int = 5_000
    max_stream_bytes: int = 64 * MIB
    max_seconds: float = 120.0


DEFAULT = Limits()


class LimitError(Exception):
    """An input over a limit; the message is the one-line reason shown to the user."""


def parse_size(value: str) -> int:
    """Bytes in a size written as ``64M``, ``1G``, ``500k`` or a plain number of bytes.

    Ex) ``parse_size("200M") == 200 * 1024 * 1024``; raises ValueError on ``"lots"``.
    """
    v = value.strip().upper().removesuffix("B").removesuffix("I")
    factor = 1
    if v[-1:] in ("K", "M", "G"):
        factor = {"K": 1024, "M": MIB, "G": 1024 * MIB}[v[-1]]
        v = v[:-1]
    if not v.isdigit() or len(v) > 15:
        raise ValueError(f"not a size: {value!r} (write e.g. 64M, 1G or 500000)")
    n = int(v) * factor
    if n <= 0:
        raise ValueError(f"not a size: {value!r} (must be more than 0)")
    return n


def size_text(n: int) -> str:
    """Ex) ``size_text(64 * MIB) == "64 MiB"``, ``size_text(1500) == "1,500 bytes"``."""
    if n >= MIB and n % MIB == 0:
        return f"{n // MIB:,} MiB"
    if n >= MIB:
        return f"{n / MIB:,.1f} MiB"
    return f"{n:,} bytes"


def check_text(text: str, limits: Limits) -> None:
    """Raise :class:`LimitError` when *text* is longer than allowed, or has a line that is."""
    if len(text) > limits.max_chars:
        raise LimitError(f"text of {len(text):,} characters is over the {limits.max_chars:,}-character "
                         f"limit")
    start = 0
    line = 1
    n = len(text)
    find = text.find
    while start <= n:
        end = find("\n", start)
        if end == -1:
            end = n
        if end - start > limits.max_line_chars:
            raise LimitError(f"line {line} has {end - start:,} characters, over the "
                             f"{limits.max_line_chars:,}-character line limit (not prose)")
        start = end + 1
        line += 1
