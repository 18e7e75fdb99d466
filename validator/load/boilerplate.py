"""Scraped noise: the lines that are page chrome repeated through a report, not statements.

A saved web page or a PDF repeats its page title, running header or footer between the
paragraphs (the seed report prints its title seven times).  Such a line states nothing new, so
a rule such as ``repeated-quantity`` must not count its numbers again and again; the loader
records the line numbers in ``Document.boilerplate`` and rules ask ``doc.is_boilerplate(offset)``.

A line is boilerplate when, stripped, it is 4–200 characters long and

- appears three or more times, or twice when it reads as a title (no sentence-ending 。!? and
  at most 80 characters) — Ex) "守正创新筑根基 踔厉奋发谋新篇——临夏州基层党建工作综述" ×7; or
- appears three or more times once its digits are masked, is at most 80 characters and ends no
  sentence, has four letters or more and no table cell separator "|" — Ex) running footers
  "第 3 页 共 12 页", "临夏日报 2021年5月6日 第4版" (table rows "2019年 | 743" never are).

A sentence written twice in full (it ends with 。) needs three copies to count as chrome.
"""

from __future__ import annotations

from collections import Counter

import regex

_DIGITS = regex.compile(r"[0-9０-９]+")
_SENTENCE_END = ("。", "！", "？", ".", "!", "?", "；", ";")


def _titleish(line: str) -> bool:
    return len(line) <= 80 and not line.endswith(_SENTENCE_END) and "。" not in line


def repeated_lines(text: str) -> frozenset[int]:
    """1-based numbers of the lines of *text* that are repeated page chrome."""
    lines = [ln.strip() for ln in text.split("\n")]
    exact = Counter(ln for ln in lines if 4 <= len(ln) <= 200)
    masked = Counter(_DIGITS.sub("#", ln) for ln in lines if 4 <= len(ln) <= 80 and _titleish(ln))
    found = set()
    for i, ln in enumerate(lines, 1):
        if not 4 <= len(ln) <= 200:
            continue
        n = exact[ln]
        if n >= 3 or (n >= 2 and _titleish(ln)):
            found.add(i)
        elif _titleish(ln) and "|" not in ln and sum(c.isalpha() for c in ln) >= 4 \
                and masked[_DIGITS.sub("#", ln)] >= 3:
            found.add(i)
    return frozenset(found)
