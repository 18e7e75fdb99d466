"""The text format for people: ``path:line:column: severity [rule] message``, the excerpt with
the stated value marked under it, and a closing summary line."""

from __future__ import annotations

import unicodedata

from ..model import FileResult
from . import excerpt, summary


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def render(results: list[FileResult]) -> str:
    out = []
    for r in results:
        if r.error is not None:
            continue  # reported on stderr, one line, by the CLI
        doc = r.document
        for f in r.findings:
            line, col = doc.position(f.start)
            out.append(f"{r.path}:{line}:{col}: {f.severity} [{f.rule}] {f.message}")
            ex, a, b = excerpt(doc.text, f.start, f.end)
            out.append(f"    {ex}")
            out.append("    " + " " * _width(ex[:a]) + "^" * max(1, _width(ex[a:b])))
    s = summary(results)
    checks = sum(len(r.checks) for r in results)
    out.append(f"{s['files']} file(s), {s['checked']} checked, {checks} relation(s) checked: "
               f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info(s)")
    return "\n".join(out) + "\n"
