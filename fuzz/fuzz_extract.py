"""Coverage-guided fuzz target for the loader and the extractor (atheris / libFuzzer).

The first byte of each input picks the format the rest is read as (text, Markdown, HTML, DOCX,
PDF); the bytes then go through ``validator.load.formats.to_document`` (decoding, HTML/DOCX/PDF
extraction, limits) and the extractor — and, with ``FUZZ_RULES=1`` in the environment, every
auto rule too.  The only allowed outcome besides a Document is ``Refused`` (the one-line input
error); any other exception is a crash.

Run on demand (not in CI), from the repository root, with the kept seed corpus read-only and
new inputs written to a scratch folder:

    pip install atheris '.[all]'
    python3 fuzz/fuzz_extract.py /tmp/fuzz-work fuzz/corpus -max_total_time=1800 \
        -timeout=30 -rss_limit_mb=3072 -artifact_prefix=/tmp/fuzz-crash-

A crash leaves ``/tmp/fuzz-crash-<hash>``: copy it into ``fuzz/crashes/`` and it becomes a
regression test (tests/inputs/test_fuzz_regressions.py runs every file there).
``python3 fuzz/make_corpus.py`` rebuilds the seed corpus.  The body of the target is
``fuzz/target.py`` (no atheris needed there).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["validator"]):
    from validator.runner import select_rules

    from fuzz.target import run as _run

RULES = select_rules() if os.environ.get("FUZZ_RULES") == "1" else []


def run(data: bytes) -> None:
    _run(data, RULES)


def main() -> None:
    atheris.Setup(sys.argv, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
