"""Reporters: FileResults → text for people or machines.  Pure functions of the results."""

from __future__ import annotations

from ..model import SEVERITY_RANK, FileResult


def summary(results: list[FileResult]) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    return {"files": len(results), "checked": sum(1 for r in results if r.error is None),
            "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}


def at_or_above(results: list[FileResult], threshold: str) -> bool:
    if threshold == "never":
        return False
    rank = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[f.severity] >= rank for r in results for f in r.findings)


def excerpt(text: str, start: int, end: int, width: int = 24) -> tuple[str, int, int]:
    """The stated value with a little of its line before it: (excerpt, mark start, mark end)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    lo = max(line_start, start - width)
    hi = min(line_end, end + 6)
    return text[lo:hi], start - lo, end - lo
