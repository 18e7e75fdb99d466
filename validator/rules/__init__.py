"""The rule catalogue: every rule module, listed explicitly (a test proves none is missing).

Importing this package imports the rule modules but neither pint nor the extractor's callers'
heavy dependencies; ``validator rules`` stays light.
"""

from __future__ import annotations

from types import ModuleType

from . import enumeration_count, percent_of_total, respectively
from . import share_sum, subset_bound, sum_of_parts
from . import growth_rate, percentage_points, average, granularity
from . import repeated_quantity, unit_magnitude, year_span, quantifier_wording
from . import currency_rate

RULES: tuple[ModuleType, ...] = (
    percent_of_total,
    enumeration_count,
    respectively,
    sum_of_parts,
    share_sum,
    subset_bound,
    growth_rate,
    percentage_points,
    average,
    granularity,
    repeated_quantity,
    unit_magnitude,
    year_span,
    quantifier_wording,
    currency_rate,
)

BY_ID: dict[str, ModuleType] = {r.ID: r for r in RULES}


def summary(rule: ModuleType) -> str:
    """The docstring's first line: what ``validator rules`` prints."""
    return (rule.__doc__ or "").strip().splitlines()[0]


def section(rule: ModuleType, title: str) -> str:
    """The indented block under a docstring heading such as "Example (fails):"."""
    lines = (rule.__doc__ or "").splitlines()
    out, inside = [], False
    for line in lines:
        if line.strip() == title:
            inside = True
            continue
        if inside:
            if line.strip() and not line.startswith("    "):
                break
            if not line.strip() and out:
                break
            if line.strip():
                out.append(line.strip())
    return "\n".join(out)
