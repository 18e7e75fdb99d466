"""Declared claims and reference facts (``claims/``), checked on every audit.

- :mod:`.expr` — the assertion language: tokenizer, parser, printer, interval evaluator;
- :mod:`.units` — units of values, pint for conversions (imported only when one is needed);
- :mod:`.files` — claims files and fact files (TOML) → checked, immutable claims;
- :mod:`.run` — resolving bindings in a report and judging each claim;
- :mod:`.draft` — ``validator init``: a first claims file for a report;
- :mod:`.index` — claims folders already found valid (an audit of reports no claims file names
  does not parse them).

Nothing here uses ``eval`` or ``exec``.  The names below are imported on first use, so that
``validator.claims.index`` can answer without loading the parser.
"""

from __future__ import annotations

__all__ = ["ClaimsError", "ClaimSet", "load_dir", "open_dir"]


def __getattr__(name: str):
    if name in ("ClaimsError", "ClaimSet", "load_dir"):
        from . import files
        return getattr(files, name)
    if name == "open_dir":
        from .index import open_dir
        return open_dir
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
