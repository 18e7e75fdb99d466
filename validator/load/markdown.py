"""Markdown: the text is kept exactly as written (so line and column are the file's own), and its
structure is recorded in ``Document.blocks`` for rules that want it:

- ``("heading", start, end, level)`` — an ATX heading line (``## 二、主要指标``), level 1–6;
- ``("item", start, end, depth)`` — a list item (``- …``, ``* …``, ``+ …``, ``1. …``, ``1) …``);
  depth counts its indentation (0 for a top-level item). Consecutive items of one list are
  the enumeration a sentence such as "包括以下4项：" introduces;
- ``("row", start, end, 0)`` — a table row (``| 指标 | 2022年 | 2023年 |``); the delimiter row
  (``|---|---|``) is not a row;
- ``("code", start, end, 0)`` — a fenced code block (never prose).

Offsets are character offsets into the text, ``start`` at the first character of the line and
``end`` at its end (before the newline).  One pass over the lines, no regular expression that
can backtrack.
"""

from __future__ import annotations

Block = tuple[str, int, int, int]


def _item_marker(stripped: str) -> bool:
    """Ex) "- 新建学校12所", "1. 新建学校", "3) 改造道路" (not "-3.5%" and not "2023.")."""
    if stripped[:2] in ("- ", "* ", "+ ") or stripped in ("-", "*", "+"):
        return True
    i = 0
    while i < len(stripped) and i < 9 and stripped[i].isdigit():
        i += 1
    return 0 < i and stripped[i:i + 2] in (". ", ") ")


def _delimiter_row(stripped: str) -> bool:
    """Ex) "|---|:---:|" or "--- | ---"."""
    body = stripped.strip("|").replace(" ", "")
    return bool(body) and "-" in body and all(c in "-:|" for c in body)


def blocks(text: str) -> tuple[Block, ...]:
    out: list[Block] = []
    offset = 0
    fence = ""
    fence_start = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                out.append(("code", fence_start, end, 0))
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence, fence_start = stripped[:3], start
            continue
        if not stripped:
            continue
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            if level <= 6 and (len(stripped) == level or stripped[level] == " "):
                out.append(("heading", start, end, level))
                continue
        if _item_marker(stripped):
            indent = len(line) - len(line.lstrip(" \t"))
            out.append(("item", start, end, indent // 2))
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if not _delimiter_row(stripped):
                out.append(("row", start, end, 0))
    if fence:  # an unclosed fence runs to the end of the text
        out.append(("code", fence_start, len(text), 0))
    return tuple(out)
