"""Declared claims and reference facts (``claims/``), checked on every audit.

- :mod:`.expr` — the assertion language: tokenizer, parser, printer, interval evaluator;
- :mod:`.units` — units of values, pint for conversions (imported only when one is needed);
- :mod:`.files` — claims files and fact files (TOML) → checked, immutable claims;
- :mod:`.run` — resolving bindings in a report and judging each claim;
- :mod:`.draft` — ``validator init``: a first claims file for a report.

Nothing here uses ``eval`` or ``exec``.
"""

from __future__ import annotations

from .files import ClaimsError, ClaimSet, load_dir

__all__ = ["ClaimsError", "ClaimSet", "load_dir"]
