"""The JSON document (``--format json``), a stable contract (see SPEC.md).

    {"version": 1, "tool": "validator", "tool_version": "x.y.z",
     "files": [{"path", "status": "checked"|"error", "error"?: str, "format", "encoding",
                "findings": [{"rule", "severity", "message", "path", "line", "column",
                              "end_line", "end_column", "excerpt", "stated", "expected",
                              "evidence": {name: text}, "related": [{"role", "text", "line",
                              "column"}], "page"?: int, "paragraph"?: int}],
                "checks": [{"rule", "line", "column", "status": "passed"|"failed",
                            "stated", "expected", "message"}],
                "claims": [...]}],
     "summary": {"files", "checked", "errors", "warnings", "infos"}}

Lines and columns are 1-based; columns count code points of the text as loaded (for HTML, DOCX
and PDF: the extracted text).  A finding in a PDF also has ``page``, in a DOCX ``paragraph``
(1-based; see validator/load/docx.py for how paragraphs are counted).  ``encoding`` is the
codec the file was decoded with (``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``, ``big5`` …),
``null`` for PDF.  Output is deterministic: files
in the order given, findings and checks by position, keys in a fixed order.
"""

from __future__ import annotations

import json

from .. import __version__
from ..model import FileResult
from . import excerpt, summary


def document(results: list[FileResult]) -> dict:
    files = []
    for r in results:
        entry: dict = {"path": r.path, "status": r.status}
        if r.error is not None:
            entry["error"] = r.error
            entry["findings"], entry["checks"], entry["claims"] = [], [], []
            files.append(entry)
            continue
        doc = r.document
        entry["format"] = doc.format
        entry["encoding"] = doc.encoding or None  # None for PDF (no text encoding)
        findings = []
        for f in r.findings:
            line, col = doc.position(f.start)
            end_line, end_col = doc.position(f.end)
            findings.append({
                "rule": f.rule, "severity": f.severity, "message": f.message, "path": r.path,
                "line": line, "column": col, "end_line": end_line, "end_column": end_col,
                "excerpt": excerpt(doc.text, f.start, f.end)[0],
                "stated": f.stated, "expected": f.expected,
                "evidence": dict(f.evidence),
                "related": [dict(zip(("role", "text", "line", "column"),
                                     (x.role, x.text, *doc.position(x.start)))) for x in f.related],
            })
            where = doc.location(f.start)  # Ex) ("page", 3) for a PDF, ("paragraph", 12) for a DOCX
            if where is not None:
                findings[-1][where[0]] = where[1]
        checks = []
        for c in r.checks:
            line, col = doc.position(c.start)
            checks.append({"rule": c.rule, "line": line, "column": col, "status": c.status,
                           "stated": c.stated, "expected": c.expected, "message": c.message})
        entry["findings"], entry["checks"] = findings, checks
        entry["claims"] = [dict(c) for c in r.claims]
        files.append(entry)
    return {"version": 1, "tool": "validator", "tool_version": __version__, "files": files,
            "summary": summary(results)}


def render(results: list[FileResult]) -> str:
    return json.dumps(document(results), ensure_ascii=False, indent=2) + "\n"


def render_pieces(results: list[FileResult]):
    """The same text as :func:`render`, as an iterator of pieces to write one after another."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document(results))
    yield "\n"
