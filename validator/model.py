"""The plain data every stage passes on: documents, quantities, checks and findings.

This is the only module that every stage imports.  Everything here is immutable; line and
column are derived from character offsets once, when reporting.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from fractions import Fraction

from .interval import Interval


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Document:
    """A report as loaded: its text and where each line starts."""

    path: str
    text: str
    format: str = "text"
    encoding: str = "utf-8"
    line_starts: tuple[int, ...] = ()
    # Where a person finds an offset in the original: ((offset, "page", 3), (offset, "paragraph", 12) …),
    # sorted by offset, each entry valid up to the next (DOCX: paragraphs, PDF: pages; else empty).
    locations: tuple[tuple[int, str, int], ...] = ()
    # 1-based numbers of the lines that are page chrome repeated through the text (a page title or
    # footer printed again on every page), set by the loader (validator/load/boilerplate.py).
    boilerplate: frozenset[int] = frozenset()
    # Markdown structure: ("heading" | "item" | "row" | "code", start, end, level) per block, in
    # order (see validator/load/markdown.py); empty for other formats.
    blocks: tuple[tuple[str, int, int, int], ...] = ()

    @staticmethod
    def from_text(path: str, text: str, format: str = "text", encoding: str = "utf-8",
                  locations: tuple[tuple[int, str, int], ...] = ()) -> "Document":
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return Document(path, text, format, encoding, tuple(starts), tuple(locations))

    def location(self, offset: int) -> tuple[str, int] | None:
        """("page", 3) or ("paragraph", 12) for a character offset, when the format has them."""
        if not self.locations:
            return None
        i = bisect.bisect_right(self.locations, (offset, "\uffff", 1 << 62)) - 1
        if i < 0:
            return None
        return self.locations[i][1], self.locations[i][2]

    def is_boilerplate(self, offset: int) -> bool:
        """Is the character at *offset* on a repeated page-title / footer line?"""
        return bool(self.boilerplate) and self.position(offset)[0] in self.boilerplate

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number stated in the text, as the interval of values it stands for.

    ``value`` is in base units: counts of things, yuan/dollars (magnitudes applied), percent
    as percent (66.8 for "66.8%"), percentage points, multiples, years.
    """

    text: str                 # the surface text, e.g. "3.47万名" or "1,090"
    start: int                # character span of the number with its magnitude and unit
    end: int
    value: Interval           # every value the statement allows
    point: Fraction           # the value as written, magnitudes applied
    kind: str                 # count | amount | percent | pp | multiple | year | duration | measure | number
    unit: str = ""            # % | pp | × | CNY | USD | GBP | EUR | year | month | day | … | ""
    scale: int = 0            # power of ten of the magnitude word (万 → 4, million → 6)
    qualifier: str | None = None      # approx | lower | upper | None
    qualifier_text: str = ""
    classifier: str = ""      # measure word: 个, 名, 项 …
    noun: str = ""            # the thing counted, as written after the number (村, villages)
    noun_before: str = ""     # the noun written just before the number ("的村743个" → 村)
    exact: bool = True        # a plain integer count of things
    lang: str = "zh"
    numeral: str = ""         # the number as written, without unit: "743", "66.8", "3.47万"

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


@dataclass(frozen=True, slots=True)
class Related:
    """Another number involved in a finding, with its role ("part", "total" …)."""

    role: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Check:
    """One relation a rule or claim checked, passed or failed."""

    rule: str
    start: int
    end: int
    status: str               # passed | failed
    stated: str
    expected: str
    message: str = ""


class PackedChecks(Sequence):
    """The checks of a document audited in pieces, kept compressed piece by piece.

    A check held as objects costs about 0.5 KB (mostly its message); a 100 MB report has over a
    million of them.  Packed (the fields as tuples, pickled, zlib level 1) they cost a few dozen
    bytes each, and a reporter that only counts them never unpacks them.  Iterating gives the
    same :class:`Check` objects, in the same order, as the tuple would.  The blobs are made by
    this process or its forked workers only (see runner.audit_document), never read from disk.
    """

    __slots__ = ("_blobs", "_counts")

    def __init__(self, blobs: Iterable[bytes] = (), counts: Iterable[int] = ()) -> None:
        self._blobs = tuple(blobs)
        self._counts = tuple(counts)

    @staticmethod
    def pack(checks: Iterable[Check]) -> bytes:
        import pickle
        import zlib
        rows = [(c.rule, c.start, c.end, c.status, c.stated, c.expected, c.message) for c in checks]
        return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)

    @staticmethod
    def _unpack(blob: bytes) -> list[Check]:
        import pickle
        import zlib
        return [Check(*row) for row in pickle.loads(zlib.decompress(blob))]

    def __len__(self) -> int:
        return sum(self._counts)

    def __iter__(self) -> Iterator[Check]:
        for blob in self._blobs:
            yield from self._unpack(blob)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self)[i]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("check index out of range")
        for blob, count in zip(self._blobs, self._counts):
            if i < count:
                return self._unpack(blob)[i]
            i -= count
        raise IndexError("check index out of range")  # pragma: no cover - counts match blobs

    def __eq__(self, other) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # like a list: compared by content

    def __repr__(self) -> str:
        return f"PackedChecks({len(self)} checks in {len(self._blobs)} pieces)"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    message: str
    start: int
    end: int
    stated: str = ""
    expected: str = ""
    evidence: tuple[tuple[str, str], ...] = ()
    related: tuple[Related, ...] = ()


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one input gave: its findings and checks, or the error that stopped it."""

    path: str
    document: Document | None
    findings: tuple[Finding, ...] = ()
    checks: tuple[Check, ...] | PackedChecks = ()  # packed for a document audited in pieces
    error: str | None = None
    claims: tuple = field(default=())

    @property
    def status(self) -> str:
        return "error" if self.error is not None else "checked"
