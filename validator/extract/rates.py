"""Growth rates and flattened table rows: what the growth, percentage-point and average rules read.

A percent is a *rate* when a word that makes it a change stands right before it (增长5.5%,
同比下降4%, 两年平均增长9.8%, "rose 28%", "up 8.1%", "increased by 17%") or right after it
("a 52% rise in profits", "a 0.2% increase").  :func:`rates` returns each with its sign (+1 a
rise, -1 a fall) and its basis (同比, 环比, 两年平均, 年均 …), so a rule can compare a stated
rate with the values it is a rate of, as an interval of signed percent.

:func:`table_rows` reads ``label | value | value | …`` lines (annual-report tables flattened
to text) cell by cell, with parenthesised negatives ("(15,506)", "(71.9%)", "(44.6)%") and em
dashes for empty cells.

All patterns are anchored alternations of fixed words and single character classes, matched
on short windows next to a number: linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lazyre import lazy_compile

from ..interval import Interval
from ..model import Quantity
from .tables import Cell, parse_cell

# -- Chinese: the word right before the rate --------------------------------------------------
# Ex) "增长5.5%" "同比增长7.3%" "同增17.1%" "下降4%" "两年平均下降4.6%" "比2019年1-7月增长20.5%"
#     "年均增长6.1%" "环比下降1.7%" "增速为5%"
_ZH_VERB = lazy_compile(r"""
    (?P<basis>同比|环比|两年平均|三年平均|年均|年平均|平均每年|比上年同期|比上年|比去年同期|比去年|
              较上年|较去年|比上月|比上季度|比上年末|比20[0-9]{2}年(?:同期|[0-9]{1,2}[-—－~～至][0-9]{1,2}月|[0-9]{1,2}月)?)?
    (?P<verb>同增|同降|增长|增加|上升|提高|提升|上涨|回升|增|下降|减少|降低|下滑|回落|下跌|降|
             增速为|增速达|增速|增幅为|增幅达|增幅)
    (?:了|达到|达)?(?:约)?$""", regex.VERBOSE)
_ZH_DOWN = ("同降", "下降", "减少", "降低", "下滑", "回落", "下跌", "降")

# -- English ----------------------------------------------------------------------------------
_EN_UP = ("rose", "rise", "risen", "rising", "increased", "increase", "increases", "grew", "grown",
          "growth", "gained", "gain", "climbed", "jumped", "jump", "surged", "soared", "advanced",
          "up", "higher", "expanded", "above", "more than")
_EN_DOWN = ("fell", "fall", "fallen", "falling", "dropped", "drop", "declined", "decline",
            "decreased", "decrease", "slipped", "slid", "sank", "plunged", "tumbled", "down",
            "lower", "shrank", "contracted", "below", "less than", "slump", "slumped", "cut",
            "reduction", "lost", "worsened", "narrowed", "slide", "slip", "sink", "plunge", "tumble")
# Ex) "rose 28%" "up 8.1%" "increased by 17%" "fell by about 3%"
_EN_BEFORE = lazy_compile(
    r"\b(?P<verb>rose|risen|rising|increased|grew|grown|gained|climbed|jumped|surged|soared|advanced|up|"
    r"expanded|fell|fallen|falling|dropped|declined|decreased|slipped|slid|sank|plunged|tumbled|down|"
    r"shrank|contracted|slumped|lost|improved|worsened|narrowed|widened|"
    r"rise|fall|drop|jump|climb|slide|slip|gain|decline|increase|decrease|grow|sink|plunge|tumble|surge|soar)"
    r"(?:\s+by|\s+of)?(?:\s+(?:about|around|nearly|some|almost|roughly|approximately|a\s+further|another))?\s+$",
    regex.IGNORECASE)
# Ex) "increased $6.5 million, or 7.3%" "an increase of $7.2 million, or 10.9%"
_EN_OR = lazy_compile(
    r"\b(?P<verb>increased|decreased|rose|fell|grew|declined|dropped|increase|decrease|rise|fall|decline)"
    r"(?:\s+by|\s+of)?\s+(?P<d>(?:US\$|RMB|[$£€])?\s?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s?(?:million|billion|thousand|bn|m))?)"
    r",?\s+or\s+(?:about\s+)?$", regex.IGNORECASE)
# Ex) "a 52% rise in profits" "a 0.2% increase since" "24.4% above"
_EN_AFTER = lazy_compile(
    r"^\s+(?P<verb>rise|increase|jump|gain|growth|fall|drop|decline|decrease|slump|reduction|cut|"
    r"above|higher|below|lower|more\s+than|less\s+than)\b", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rate:
    q: Quantity            # the percent as extracted
    sign: int              # +1 a rise, -1 a fall
    basis: str             # "" | yoy | mom | avg2 | avg3 | annual | vs20XX
    verb: str
    start: int             # where the phrase starts (the verb, or the number for "a 52% rise")
    change: str = ""       # "$6.5 million" in "increased $6.5 million, or 7.3%"

    @property
    def signed(self) -> Interval:
        """The stated change in percent, signed: 下降4% → [-4.5, -3.5]."""
        return self.q.value if self.sign > 0 else -self.q.value


def _basis(word: str) -> str:
    if not word:
        return ""
    if word in ("同比", "比上年同期", "比上年", "比去年同期", "比去年", "较上年", "较去年", "比上年末"):
        return "yoy"
    if word in ("环比", "比上月", "比上季度"):
        return "mom"
    if word == "两年平均":
        return "avg2"
    if word == "三年平均":
        return "avg3"
    if word in ("年均", "年平均", "平均每年"):
        return "annual"
    if word.startswith("比20"):
        return "vs" + word[1:5]
    return ""


def rates(text: str, quantities: list[Quantity]) -> list[Rate]:
    """Every percent that states a change, with its sign and basis, in text order.
    (Rules ask through ``rules.base.stated_rates``, which reads a document's rates once.)"""
    out = []
    for q in quantities:
        if q.kind != "percent" or q.value.lo is None or q.value.hi is None:
            continue
        r = _rate_of(text, q)
        if r is not None:
            out.append(r)
    return out


def rate_of(text: str, q: Quantity) -> Rate | None:
    if q.kind != "percent":
        return None
    return _rate_of(text, q)


# The last character a Chinese rate phrase can end with (the verb, 了/达到/达 or 约); ``$`` may
# also match before a final line break.
_ZH_LAST = frozenset("增降长加升高涨少低滑落跌为达速幅了到约\n")


def _rate_of(text: str, q: Quantity) -> Rate | None:
    lo = max(0, q.start - 24)
    if q.lang == "zh" or _han_near(text, q.start):
        if lo >= q.start or text[q.start - 1] not in _ZH_LAST:
            return None
        m = _ZH_VERB.search(text, lo, q.start)
        if m is None:
            return None
        verb = m.group("verb")
        sign = -1 if verb in _ZH_DOWN else 1
        return Rate(q, sign, _basis(m.group("basis") or ""), verb, m.start())
    # Both patterns before the number end in whitespace (or at a final line break): a number
    # right after any other ASCII character, or at the very start, has neither.
    last = text[q.start - 1] if q.start > 0 else "a"
    if last >= "\x80" or last.isspace():
        lo = max(0, q.start - 60)
        # "or" is a fixed word of _EN_OR (any case)
        m = _EN_OR.search(text, lo, q.start) if "or" in text[lo:q.start].lower() else None
        if m:
            verb = m.group("verb").lower()
            return Rate(q, -1 if verb in _EN_DOWN else 1, "", verb, m.start(), m.group("d"))
        m = _EN_BEFORE.search(text, max(0, q.start - 30), q.start)
        if m:
            verb = m.group("verb").lower()
            return Rate(q, -1 if verb in _EN_DOWN else 1, "", verb, m.start())
    m = _EN_AFTER.match(text[q.end:q.end + 20])
    if m:
        verb = " ".join(m.group("verb").lower().split())
        return Rate(q, -1 if verb in _EN_DOWN else 1, "", verb, q.start)
    return None


def _han_near(text: str, i: int) -> bool:
    for c in text[max(0, i - 3):i]:
        if "\u4e00" <= c <= "\u9fff":
            return True
    return False


# -- flattened tables ----------------------------------------------------------------------------
# The cells are read as validator/extract/tables.py reads them ("$ 72,831", "(15,506)",
# "(44.6)%", "RMB 3,630"); the rows here are every line with two or more "|", unlike its tables.


@dataclass(frozen=True, slots=True)
class Row:
    line_start: int
    label: str
    cells: tuple[Cell | None, ...]   # one per column after the label; None when not a number


_ROWS_OF: list = [None, []]  # the last text asked about and its rows: rules ask once per rate


def table_rows(text: str) -> list[Row]:
    """Every line with at least two ``|`` separators, split into a label and parsed cells.

    The answer for the last text is kept, so a rule that asks for every rate of a report reads
    the report's lines once (callers only read the list).
    """
    if _ROWS_OF[0] is text:
        return _ROWS_OF[1]
    rows = _table_rows(text)
    _ROWS_OF[0], _ROWS_OF[1] = text, rows
    return rows


def _table_rows(text: str) -> list[Row]:
    rows = []
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 2:
            parts = line.split("|")
            cells = []
            off = pos + len(parts[0]) + 1
            for raw in parts[1:]:
                cells.append(parse_cell(raw, off))
                off += len(raw) + 1
            rows.append(Row(pos, parts[0].strip(), tuple(cells)))
        pos += len(line) + 1
    return rows


_HEADER_YEAR = lazy_compile(r"\s*(?:FY\s*)?((?:19|20)[0-9]{2})\s*")


def header_years(row: Row, text: str) -> list[int | None]:
    """The year each column of a header row names.  Ex) " | 2019 | 2018 |" → [2019, 2018, None]."""
    line_end = text.find("\n", row.line_start)
    line = text[row.line_start:line_end if line_end != -1 else len(text)]
    out: list[int | None] = []
    for raw in line.split("|")[1:]:
        m = _HEADER_YEAR.fullmatch(raw)
        out.append(int(m.group(1)) if m else None)
    return out
