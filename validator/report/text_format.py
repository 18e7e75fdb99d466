"""The text format for people: ``path:line:column: severity [rule] message``, the excerpt with
the stated value marked under it, and a closing summary line."""

from __future__ import annotations

import unicodedata

from ..model import FileResult
from . import excerpt, summary


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clean(s: str) -> str:
    """Control characters from a report shown as visible escapes, never sent to the terminal.

    Ex) "\x1b[2J" in a report prints as "\\x1b[2J" instead of clearing the screen.
    """
    return "".join(c if c == "\t" or unicodedata.category(c) not in ("Cc", "Cf") or c == "\u200d"
                   else f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in s)


def render(results: list[FileResult]) -> str:
    out = []
    for r in results:
        if r.error is not None:
            continue  # reported on stderr, one line, by the CLI
        doc = r.document
        for f in r.findings:
            line, col = doc.position(f.start)
            where = doc.location(f.start)  # ("page", 3) for PDF, ("paragraph", 12) for DOCX
            place = f" ({where[0]} {where[1]})" if where else ""
            out.append(f"{r.path}:{line}:{col}:{place} {f.severity} [{f.rule}] {_clean(f.message)}")
            ex, a, b = excerpt(doc.text, f.start, f.end)
            before, mark, after = _clean(ex[:a]), _clean(ex[a:b]), _clean(ex[b:])
            out.append(f"    {before}{mark}{after}")
            out.append("    " + " " * _width(before) + "^" * max(1, _width(mark)))
    s = summary(results)
    checks = sum(len(r.checks) for r in results)
    out.append(f"{s['files']} file(s), {s['checked']} checked, {checks} relation(s) checked: "
               f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info(s)")
    return "\n".join(out) + "\n"
