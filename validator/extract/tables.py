"""Flattened tables: ``label | value | value`` rows as annual reports and data releases serialise them.

A table is a run of consecutive lines that each hold at least one `` | `` cell separator (a
Markdown row ``| a | b |`` too; ``|---|`` rules are skipped).  Each row has a label (the first
cell) and cells; a cell is numeric when it holds one number, possibly written as

    6,053    $ 72,831    (15,506)    (44.6)%    (71.9%)    −1,234    10.9 %    —    —%

Parentheses and a leading minus make it negative; an em dash or a hyphen alone is an empty cell.
A cell's value is the interval of what it would be written as: "72,831" in a table "in
thousands" stands for 72,830.5–72,831.5, so every table number is rounded at its last digit.
Header rows (no numeric cell but years, or no numeric cell at all) give each column its title
("2019", "CHANGE", "% CHANGE").

All patterns are fixed strings and single character classes (linear matching).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..interval import Interval, frac

# Ex) "$ 72,831" "(15,506)" "(44.6)%" "(71.9%)" "10.9 %" "−1,234" "RMB3,630" "1,733 "
_CELL = lazy_compile(r"""
    ^\s*
    (?P<neg1>[-−–])?\s*
    (?P<cur1>US\$|HK\$|RMB|\$|£|€|¥)?\s*
    (?P<open>\()?\s*
    (?P<neg2>[-−])?\s*
    (?P<cur2>\$|£|€)?\s*
    (?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<dec>\.[0-9]+)?
    \s*(?P<pct1>%)?\s*
    (?P<close>\))?\s*
    (?P<pct2>%)?\s*
    (?P<note>\([0-9a-z]\))?\s*
    $""", regex.VERBOSE)
_EMPTY = lazy_compile(r"^\s*(?:[—–-]+\s*%?|n/?a|N/?A|nm|NM)?\s*$")
_RULE = lazy_compile(r"^[\s|:—–-]+$")
_YEAR = lazy_compile(r"^\s*(?:FY\s?)?(?:19|20)[0-9]{2}\s*$")


@dataclass(frozen=True, slots=True)
class Cell:
    """One numeric cell: its text, its span in the document and its signed value."""

    text: str
    start: int
    end: int
    value: Interval
    point: Fraction
    percent: bool


@dataclass(frozen=True, slots=True)
class Row:
    line: int                    # 0-based index of the line in the document
    label: str
    label_start: int
    cells: tuple[Cell | None, ...]   # one per cell after the label; None when not numeric
    raw: tuple[str, ...]         # the text of each cell after the label

    @property
    def numeric(self) -> bool:
        return any(c is not None for c in self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]        # data rows and header rows, in order
    headers: tuple[str, ...]     # per column (after the label): its header text, joined

    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def parse_cell(raw: str, offset: int) -> Cell | None:
    """The numeric value of one cell's text, or None.  Ex) "(15,506)" → −15,506 ± 0.5."""
    m = _CELL.match(raw)
    if not m:
        return None
    if m.group("open") and not m.group("close"):
        return None
    if m.group("close") and not m.group("open"):
        return None
    digits = m.group("num").replace(",", "") + (m.group("dec") or "")
    value = Interval.rounded(digits)
    point = frac(digits)
    if m.group("open") or m.group("neg1") or m.group("neg2"):
        value, point = -value, -point
    percent = bool(m.group("pct1") or m.group("pct2"))
    # the span: from the first non-blank character to the last
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw.rstrip())
    return Cell(raw.strip(), offset + lead, offset + trail, value, point, percent)


def _split(line: str) -> list[tuple[str, int]] | None:
    """Cells of one line with their offsets in the line, or None when it is not a table row."""
    if "|" not in line or _RULE.match(line):
        return None
    parts, pos = [], 0
    for piece in line.split("|"):
        parts.append((piece, pos))
        pos += len(piece) + 1
    # Ex) "| a | b |" — Markdown's outer pipes
    if line.lstrip().startswith("|") and not parts[0][0].strip():
        if line.rstrip().endswith("|") and not parts[-1][0].strip() and len(parts) > 2:
            parts = parts[:-1]
        # keep an empty label cell: " | 2019 | 2018" has an empty label
    if len(parts) < 2:
        return None
    return parts


def tables(text: str) -> list[Table]:
    """Every flattened table in the text."""
    out: list[Table] = []
    current: list[Row] = []
    offset = 0
    for i, line in enumerate(text.split("\n")):
        parts = _split(line.rstrip("\r"))
        if parts is None:
            if current:
                out.append(_table(current))
                current = []
        else:
            label, lpos = parts[0]
            cells, raw = [], []
            for piece, pos in parts[1:]:
                raw.append(piece.strip())
                if _EMPTY.match(piece):
                    cells.append(None)
                else:
                    cells.append(parse_cell(piece, offset + pos))
            current.append(Row(i, label.strip(), offset + lpos, tuple(cells), tuple(raw)))
        offset += len(line) + 1
    if current:
        out.append(_table(current))
    return [t for t in out if len(t.rows) >= 2]


def is_header(row: Row) -> bool:
    """A row of column titles: no numbers but years (" | 2019 | 2018"), or no numbers at all."""
    cells = [c for c in row.cells if c is not None]
    if not cells:
        return any(r for r in row.raw)
    return all(_YEAR.match(c.text) for c in cells) and not any(c.percent for c in cells)


def _table(rows: list[Row]) -> Table:
    width = max(len(r.cells) for r in rows)
    heads = [""] * width
    for r in rows:
        if is_header(r):
            for j, raw in enumerate(r.raw):
                if raw:
                    heads[j] = (heads[j] + " " + raw).strip()
    return Table(tuple(rows), tuple(heads))
