"""Progress bar and summary line, on stderr only, so the report on stdout stays deterministic.

The bar is drawn only when stderr is a terminal and ``CI`` is not set (never in CI logs or
when piped), and only for audits of more than one file::

    validator  37/120 [#########...............]  31%  reports/2023/县政府工作报告.md

The summary line closes every audit that is not ``--quiet``; it is the one place a time
appears::

    validator: 120 files, 119 checked, 2 unreadable, 431 relations checked: 3 errors, 5 warnings, 0 infos (2.41 s)
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from .model import FileResult

T = TypeVar("T")


def interactive(stream: TextIO) -> bool:
    """A terminal a person watches: a TTY, and not a CI job (which sets ``CI``)."""
    try:
        return stream.isatty() and not os.environ.get("CI")
    except (AttributeError, ValueError):
        return False


class Progress:
    """``for r in Progress(total).track(results)``: draws a bar while the iterable runs."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = (interactive(self.stream) and total > 1) if enabled is None else enabled
        self.started = time.monotonic()
        self._last = 0.0

    def _draw(self, done: int, label: str) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        frac = done / self.total if self.total else 1.0
        bar_w = 24
        filled = int(bar_w * frac)
        head = f"validator {done:>{len(str(self.total))}}/{self.total} [{'#' * filled}{'.' * (bar_w - filled)}] {frac:4.0%}  "
        room = max(0, width - len(head) - 1)
        if len(label) > room:
            label = "…" + label[-(room - 1):] if room > 1 else ""
        self.stream.write("\r" + head + label + "\x1b[K")
        self.stream.flush()

    def track(self, items: Iterable[T], label=lambda item: getattr(item, "path", "")) -> Iterator[T]:
        done = 0
        try:
            for item in items:
                done += 1
                now = time.monotonic()
                if self.enabled and (now - self._last > 0.05 or done == self.total):
                    self._last = now
                    self._draw(done, str(label(item)))
                yield item
        finally:
            if self.enabled:
                self.stream.write("\r\x1b[K")
                self.stream.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(results: list[FileResult], seconds: float | None = None) -> str:
    """Files, checked, unreadable, relations checked, findings by severity, and the time."""
    tally = Tally()
    for r in results:
        tally.add(r)
    return tally.line(seconds)


class Tally:
    """What a summary needs of an audit, counted file by file (a streamed audit keeps nothing else)."""

    def __init__(self) -> None:
        self.files = self.checked = self.relations = 0
        self.counts = {"error": 0, "warning": 0, "info": 0}

    def add(self, r: FileResult) -> None:
        self.files += 1
        self.checked += r.error is None
        self.relations += len(r.checks)
        for f in r.findings:
            self.counts[f.severity] = self.counts.get(f.severity, 0) + 1

    @property
    def unreadable(self) -> int:
        return self.files - self.checked

    def line(self, seconds: float | None = None) -> str:
        counts, relations = self.counts, self.relations
        parts = [_plural(self.files, "file"), f"{self.checked} checked"]
        if self.unreadable:
            parts.append(f"{self.unreadable} unreadable")
        parts.append(f"{_plural(relations, 'relation')} checked: " + ", ".join(
            _plural(counts[k], k) for k in ("error", "warning", "info")))
        line = "validator: " + ", ".join(parts)
        if seconds is not None:
            line += f" ({seconds:.2f} s)"
        return line
