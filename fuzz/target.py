"""The fuzz target's body, without atheris: shared by fuzz/fuzz_extract.py and the regression
test that replays every input in fuzz/crashes/ (tests/inputs/test_fuzz_regressions.py).

The first byte of an input picks the format (its value modulo 5: text, Markdown, HTML, DOCX,
PDF); the rest are the file's bytes.
"""

from __future__ import annotations

from validator.extract import extract
from validator.load.formats import Refused, to_document
from validator.load.limits import Limits

# Small limits keep each run fast; the code paths are the same as with the defaults.
LIMITS = Limits(max_bytes=1 << 20, max_chars=200_000, max_line_chars=20_000, max_part_bytes=4 << 20,
                max_stream_bytes=4 << 20, max_pages=50, max_seconds=20)
NAMES = ("input.txt", "input.md", "input.html", "input.docx", "input.pdf")


def run(data: bytes, rules=()) -> None:
    """One input through load → extract (→ *rules*); raises only on a bug."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        doc = to_document(name, name, data[1:], None, LIMITS)
    except Refused:
        return
    if rules:
        from validator.runner import audit_document
        audit_document(doc, list(rules))
    else:
        extract(doc)
