"""Load: paths → Documents.

Plain text, Markdown, HTML, DOCX and PDF (validator/load/formats.py picks by extension),
folders (recursively, by extension), ``-`` for standard input.  Encodings: UTF-8 with or
without a byte-order mark, UTF-16/32 with one, GB18030/GBK and Big5 (validator/load/encoding.py).
Every input is read under the limits of validator/load/limits.py.  A file that cannot be read,
decoded or is over a limit is reported as a :class:`LoadError` with a one-line reason, never
skipped and never an exception.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document
from .formats import FORMATS, Refused, check_size, to_document
from .limits import DEFAULT as DEFAULT_LIMITS
from .limits import Limits

TEXT_EXTENSIONS = FORMATS  # every extension a folder is searched for (text, Markdown, HTML, DOCX, PDF)
MAX_BYTES = DEFAULT_LIMITS.max_bytes
# What `validator audit/extract --encoding/--max-size` set for this run (see configure()).
_OPTIONS: dict = {"encoding": None, "limits": DEFAULT_LIMITS}


def configure(encoding: str | None = None, limits: Limits | None = None) -> None:
    """Set the encoding to force and the limits for every later ``load`` without arguments."""
    _OPTIONS["encoding"] = encoding
    _OPTIONS["limits"] = limits or DEFAULT_LIMITS


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
        # an unreadable sub-folder is an input of its own, so its error is reported, never skipped
        for root, dirs, files in os.walk(p, onerror=lambda e: found.append(e.filename)):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith("."):
                    continue
                if os.path.splitext(name)[1].lower() in TEXT_EXTENSIONS:
                    found.append(os.path.join(root, name))
        yield from sorted(found)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and encoding name of *data* (see validator/load/encoding.py); raises DecodeError."""
    from .encoding import decode as _decode
    return _decode(data, encoding)


def load(path: str, encoding: str | None = None, limits: Limits | None = None) -> Document | LoadError:
    """One input as a Document, or the reason it could not be read (never an exception).

    Ex) ``LoadError("report.txt", "cannot decode as UTF-8 (byte 3: invalid start byte)")``.
    """
    shown = "<stdin>" if path == "-" else path
    encoding = encoding or _OPTIONS["encoding"]
    limits = limits or _OPTIONS["limits"]
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
        else:
            check_size(path, limits)  # Ex) a FIFO, a symlink loop, a 1 GB file: refused unread
            with open(path, "rb") as fh:
                data = fh.read(limits.max_bytes + 1)
        return to_document(shown, path, data, encoding, limits)
    except Refused as exc:
        return LoadError(shown, str(exc))
    except OSError as exc:
        return LoadError(shown, f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:  # Ex) a path with an embedded NUL byte
        return LoadError(shown.replace("\x00", "\\x00"), f"cannot read: {exc}")
