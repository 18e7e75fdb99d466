"""Load: paths → Documents.

Plain text and Markdown, folders (recursively, by extension), ``-`` for standard input.
UTF-8 with or without a byte-order mark, and UTF-16 with a byte-order mark.  A file that
cannot be read or decoded is reported as a :class:`LoadError`, never skipped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document

TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoadError:
    path: str
    message: str


def discover(paths: list[str]) -> Iterator[str]:
    """Every input named by *paths*: files as given, folders walked for report files."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith("."):
                    continue
                if os.path.splitext(name)[1].lower() in TEXT_EXTENSIONS:
                    found.append(os.path.join(root, name))
        yield from sorted(found)


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of *data*; raises UnicodeDecodeError / ValueError."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    return data.decode("utf-8"), "utf-8"


def load(path: str) -> Document | LoadError:
    """One input as a Document, or the reason it could not be read (never an exception).

    Ex) ``LoadError("report.txt", "cannot decode as UTF-8 (byte 3: invalid start byte)")``.
    """
    shown = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            if not os.path.exists(path):
                return LoadError(shown, "no such file or directory")
            if not os.path.isfile(path):
                return LoadError(shown, "not a regular file")
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return LoadError(shown, f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:  # Ex) a path with an embedded NUL byte
        return LoadError(shown.replace("\x00", "\\x00"), f"cannot read: {exc}")
    if len(data) > MAX_BYTES:
        return LoadError(shown, f"larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError as exc:
        name = exc.encoding.upper().removesuffix("-LE").removesuffix("-BE")  # Ex) "UTF-16"
        return LoadError(shown, f"cannot decode as {name} (byte {exc.start}: {exc.reason})")
    except ValueError as exc:
        return LoadError(shown, str(exc))
    text = text.replace("\r\n", "\n")
    fmt = TEXT_EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")
    return Document.from_text(shown, text, fmt, encoding)
