"""GitHub Actions workflow commands (``--format github``) and the job summary.

One line per finding, which the runner turns into an annotation on the changed line::

    ::error file=seeds/report.txt,line=37,col=176,endLine=37,endColumn=181,title=validator percent-of-total::stated 66.8% but …
    ::warning file=…::…        (warning)
    ::notice file=…::…         (info)
    ::error file=broken.txt,title=validator load::cannot decode as UTF-8 …   (an unreadable file)

and a closing plain summary line.  Escaping follows the runner's rules: in the message ``%``,
``\\r`` and ``\\n`` become ``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also
become ``%3A`` and ``%2C``; other control characters are dropped.  A job shows only a limited
number of annotations (ten errors and ten warnings per step at the time of writing), so
:func:`step_summary` renders *every* finding as a Markdown table, which the command line
appends to the file named by ``GITHUB_STEP_SUMMARY`` when that variable is set.  Both are pure
functions of the results.
"""

from __future__ import annotations

import regex

from ..model import FileResult
from . import summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


# C0 controls other than tab and line breaks, and DEL: a report's bytes never reach the log raw
# Ex) "\x1b[31m" would colour the job log; "\x07" would ring
_CONTROL = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_data(text: str) -> str:
    text = _CONTROL.sub("", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: dict[str, object], message: str) -> str:
    inner = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{kind} {inner}::{escape_data(message)}"


def render(results: list[FileResult]) -> str:
    out = []
    for r in results:
        if r.error is not None:
            out.append(_command("error", {"file": r.path, "title": "validator load"}, r.error))
            continue
        doc = r.document
        for f in r.findings:
            line, col = doc.position(f.start)
            end_line, end_col = doc.position(f.end)
            props: dict[str, object] = {"file": r.path, "line": line, "col": col,
                                        "endLine": end_line}
            if end_line == line:  # GitHub takes endColumn only for one-line annotations
                props["endColumn"] = end_col
            props["title"] = f"validator {f.rule}"
            out.append(_command(COMMANDS.get(f.severity, "warning"), props, f.message))
    s = summary(results)
    out.append(f"validator: {s['files']} file(s), {s['checked']} checked: {s['errors']} error(s), "
               f"{s['warnings']} warning(s), {s['infos']} info(s)")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, line breaks as spaces, HTML-significant < > &."""
    text = " ".join(_CONTROL.sub("", str(text)).split())
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|"))


def step_summary(results: list[FileResult]) -> str:
    """Every finding as a Markdown table, for ``$GITHUB_STEP_SUMMARY``."""
    s = summary(results)
    relations = sum(len(r.checks) for r in results)
    passed = sum(1 for r in results for c in r.checks if c.status == "passed")
    out = ["## validator", "",
           f"{s['files']} file(s), {s['checked']} checked, {relations} relation(s) checked "
           f"({passed} passed): **{s['errors']} error(s)**, {s['warnings']} warning(s), "
           f"{s['infos']} info(s)", ""]
    rows = []
    for r in results:
        if r.error is not None:
            rows.append(f"| {_cell(r.path)} | | | error | load | {_cell(r.error)} |")
            continue
        for f in r.findings:
            line, col = r.document.position(f.start)
            rows.append(f"| {_cell(r.path)} | {line} | {col} | {f.severity} | {_cell(f.rule)} | "
                        f"{_cell(f.message)} |")
    if rows:
        out += ["| File | Line | Column | Severity | Rule | Message |",
                "| --- | ---: | ---: | --- | --- | --- |", *rows]
    else:
        out.append("No findings.")
    return "\n".join(out) + "\n\n"
