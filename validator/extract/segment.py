"""Sentences and clauses: the spans rules look inside, computed once per document.

A sentence ends at 。！？; ! ? at a line break, or at ". " before an upper-case letter or a
digit (an English full stop; "No. 5", "U.S. " and decimals are not ends).  Clauses are split at
，；： , ; : inside a sentence.  All patterns are single character classes or fixed strings, so
each pass is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Ex) "…占66.8%，村级组织…。" / "…villages. The …" / a line break.
_SENT_END = re.compile(r"[。！？!?；]+[”’」』\"']?|\n|\.(?=\s+[A-Z0-9“\"(])|\.$")
_ABBREV = ("Mr", "Mrs", "Ms", "Dr", "No", "St", "U.S", "U.K", "Inc", "Co", "Ltd", "vs", "e.g", "i.e")


@dataclass(frozen=True, slots=True)
class Sentences:
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
        return self.starts[i], self.ends[i]


def sentences(text: str) -> Sentences:
    starts, ends = [0], []
    for m in _SENT_END.finditer(text):
        if m.group() == ".":
            before = text[max(0, m.start() - 4):m.start()]
            if before.endswith(_ABBREV) or (m.start() >= 1 and text[m.start() - 1].isupper()
                                            and (m.start() < 2 or not text[m.start() - 2].isalpha())):
                continue
        ends.append(m.end())
        starts.append(m.end())
    ends.append(len(text))
    return Sentences(tuple(starts), tuple(ends))


CLAUSE_BREAK = set("，,；;：:。！？!?\n")
