"""Coverage-guided fuzz target for the loader and the extractor (atheris / libFuzzer).

The first byte of each input picks the format the rest is read as (text, Markdown, HTML, DOCX,
PDF); the bytes then go through ``validator.load.formats.to_document`` (decoding, HTML/DOCX/PDF
extraction, limits), the extractor and every auto rule.  The only allowed outcome besides a
Document is ``Refused`` (the one-line input error); any other exception is a crash.

Run on demand (not in CI), from the repository root, with the kept seed corpus read-only and
new inputs written to a scratch folder:

    pip install atheris '.[all]'
    python3 fuzz/fuzz_extract.py /tmp/fuzz-work fuzz/corpus -max_total_time=1800 \
        -timeout=30 -rss_limit_mb=3072 -artifact_prefix=/tmp/fuzz-crash-

A crash leaves ``/tmp/fuzz-crash-<hash>``: copy it into ``fuzz/crashes/`` and it becomes a
regression test (tests/inputs/test_fuzz_regressions.py runs every file there).
``python3 fuzz/make_corpus.py`` rebuilds the seed corpus.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["validator"]):
    from validator.load.formats import Refused, to_document
    from validator.load.limits import Limits
    from validator.runner import audit_document, select_rules

# Small limits keep each run fast; the code paths are the same as with the defaults.
LIMITS = Limits(max_bytes=1 << 20, max_chars=200_000, max_line_chars=20_000, max_part_bytes=4 << 20,
                max_stream_bytes=4 << 20, max_pages=50, max_seconds=20)
NAMES = ("input.txt", "input.md", "input.html", "input.docx", "input.pdf")
RULES = select_rules()


def run(data: bytes) -> None:
    """One input through load → extract → rules; raises only on a bug."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        doc = to_document(name, name, data[1:], None, LIMITS)
    except Refused:
        return
    audit_document(doc, RULES)


def main() -> None:
    atheris.Setup(sys.argv, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
