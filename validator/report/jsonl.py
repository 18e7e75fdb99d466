"""JSON Lines (``--format jsonl``): one JSON object per line, written as each file is done.

For every input, in input order: one ``{"type": "finding", …}`` per finding (the same keys as
a finding of the JSON format), then one ``{"type": "file", "path", "status", "error"?,
"findings": n, "checks": n, "failed_checks": n}``; the stream ends with ``{"type":
"summary", "files", "checked", "errors", "warnings", "infos", "checks"}``.  A consumer can act
on the first report of an archive while the last is still being read.  Keys are in a fixed
order and nothing depends on the clock, so the output is deterministic.
"""

from __future__ import annotations

import json

from ..model import FileResult
from .json_format import document


def file_lines(r: FileResult) -> str:
    """The lines of one input: its findings, then its file record."""
    entry = document([r])["files"][0]
    out = [json.dumps({"type": "finding", **f}, ensure_ascii=False) for f in entry["findings"]]
    record = {"type": "file", "path": r.path, "status": r.status}
    if r.error is not None:
        record["error"] = r.error
    record["findings"] = len(r.findings)
    record["checks"] = len(r.checks)
    record["failed_checks"] = sum(1 for c in r.checks if c.status == "failed")
    out.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(out) + "\n"


def summary_line(summary: dict, checks: int) -> str:
    return json.dumps({"type": "summary", **summary, "checks": checks}, ensure_ascii=False) + "\n"


def render(results: list[FileResult]) -> str:
    from . import summary
    return "".join(file_lines(r) for r in results) + summary_line(
        summary(results), sum(len(r.checks) for r in results))
