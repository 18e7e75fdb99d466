"""SARIF 2.1.0 (``--format sarif``), for code scanning; valid against the official schema.

One run::

    {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
     "runs": [{
       "tool": {"driver": {"name": "validator", "version", "semanticVersion",
                           "rules": [{"id", "name", "shortDescription": {"text"},
                                      "fullDescription": {"text"}, "help": {"text", "markdown"},
                                      "defaultConfiguration": {"level"},
                                      "properties": {"tags"}}]}},
       "columnKind": "unicodeCodePoints",
       "originalUriBaseIds": {"%SRCROOT%": {"description"}},
       "artifacts": [{"location": {"uri", "uriBaseId"}, "encoding"?, "sourceLanguage"?}],
       "invocations": [{"executionSuccessful", "toolExecutionNotifications": [unreadable files]}],
       "results": [{"ruleId", "ruleIndex", "level", "message": {"text"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri", "uriBaseId",
                                   "index"}, "region": {"startLine", "startColumn", "endLine",
                                   "endColumn", "charOffset", "charLength", "snippet": {"text"}}}}],
                    "relatedLocations": [{"id", "message": {"text": "role: text"},
                                          "physicalLocation": {…}}],
                    "partialFingerprints": {"validatorFingerprint/v1": "…"},
                    "properties": {"severity", "stated", "expected", "evidence"}}]}]}

Rule metadata comes from the rule docstrings (first line; "What it does"; the examples).
Levels: error → ``error``, warning → ``warning``, info → ``note``.  Lines and columns are
1-based code points of the text as loaded (``columnKind`` says so); ``endColumn`` is the column
just past the stated value; ``charOffset`` counts code points from the start of the text as
loaded (line ends normalised to ``\\n``).  URIs are the paths as given, relative to
``%SRCROOT%`` (the folder the audit ran in), with ``/`` separators and percent-encoding.
The fingerprint hashes rule, path, stated value and the text around the finding, never the
line, so code scanning keeps tracking a finding when lines are added above it.
Deterministic: files in the order given, results by position, no timestamps.
"""

from __future__ import annotations

import json
import os
from types import ModuleType
from urllib.parse import quote

from .. import __version__
from ..model import Document, FileResult
from ..rules import RULES, section, summary
from ..suppress import META_RULES, fingerprints
from . import excerpt

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "validatorFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_LANG = {"markdown": "markdown", "text": "plaintext", "html": "html"}


def _uri(path: str) -> str:
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    while p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/-_.~")


def _name(rule_id: str) -> str:
    """``percent-of-total`` → ``PercentOfTotal`` (SARIF's rule name is an identifier)."""
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _descriptor(rule) -> dict:
    doc = (rule.__doc__ or "").strip()
    what = " ".join(section(rule, "What it does:").split()) or summary(rule)
    return {
        "id": rule.ID,
        "name": _name(rule.ID),
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": what},
        "help": {"text": _dedent(doc),
                 "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.SEVERITY]},
        "properties": {"tags": ["numbers", "consistency"]},
    }


def _dedent(doc: str) -> str:
    import textwrap
    first, _, rest = doc.partition("\n")
    return (first + "\n" + textwrap.dedent(rest)).strip()


def _help_markdown(rule) -> str:
    parts = [f"**{summary(rule)}**"]
    for title in ("What it does:", "Why it matters:"):
        body = section(rule, title)
        if body:
            parts.append(f"### {title.rstrip(':')}\n\n" + " ".join(body.split()))
    for title in ("Example (fails):", "Use instead (passes):"):
        body = section(rule, title)
        if body:
            parts.append(f"### {title.rstrip(':')}\n\n```text\n{body}\n```")
    return "\n\n".join(parts)


class _Claim:
    """A declared claim about the report does not hold, or its quote is no longer in the report.

    What it does:
        Evaluates the assertions of the claims files that name the report (``claims/``) with
        interval arithmetic, and reports each one that fails or whose bindings do not resolve.

    Why it matters:
        A claim is what the data desk says the report must satisfy; a revised draft that breaks
        it, or drops the sentence it was about, needs a second look.
    """

    ID = "claim"
    SEVERITY = "error"


def rule_catalogue(extra: tuple = ()) -> list:
    """The rule modules (and meta rules) described in ``tool.driver.rules``, in registry order."""
    return list(RULES) + list(META_RULES) + list(extra)


def _region(doc: Document, start: int, end: int, snippet: bool = True) -> dict:
    line, col = doc.position(start)
    end_line, end_col = doc.position(max(start, end))
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
              "charOffset": start, "charLength": max(0, end - start)}
    if snippet:
        region["snippet"] = {"text": excerpt(doc.text, start, end)[0]}
    return region


def document(results: list[FileResult], rules: list[ModuleType] | None = None) -> dict:
    catalogue = rule_catalogue() if rules is None else list(rules)
    index = {r.ID: i for i, r in enumerate(catalogue)}
    # a finding of a rule not in the catalogue still gets a descriptor (and an index)
    for r in results:
        for f in r.findings:
            if f.rule not in index:
                index[f.rule] = len(catalogue)
                catalogue = catalogue + [_Claim if f.rule == "claim" else type(_name(f.rule), (), {
                    "ID": f.rule, "SEVERITY": f.severity, "__doc__": f.rule})]
    artifacts, art_index, notifications, out = [], {}, [], []
    for r in results:
        uri = _uri(r.path)
        if uri not in art_index:
            art_index[uri] = len(artifacts)
            entry: dict = {"location": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
            if r.document is not None:
                entry["encoding"] = r.document.encoding
                entry["sourceLanguage"] = _LANG.get(r.document.format, r.document.format)
            artifacts.append(entry)
        loc = {"uri": uri, "uriBaseId": "%SRCROOT%", "index": art_index[uri]}
        if r.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{r.path}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc)}}],
                "descriptor": {"id": "load"},
            })
            continue
        doc = r.document
        for f, fp in zip(r.findings, fingerprints(r)):
            result = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc),
                                                    "region": _region(doc, f.start, f.end)}}],
            }
            if f.related:
                result["relatedLocations"] = [
                    {"id": i + 1,
                     "message": {"text": f"{x.role}: {x.text}"},
                     "physicalLocation": {"artifactLocation": dict(loc),
                                          "region": _region(doc, x.start, x.end, snippet=False)}}
                    for i, x in enumerate(f.related)]
            result["partialFingerprints"] = {FINGERPRINT_KEY: fp}
            props = {"severity": f.severity}
            if f.stated:
                props["stated"] = f.stated
            if f.expected:
                props["expected"] = f.expected
            if f.evidence:
                props["evidence"] = dict(f.evidence)
            result["properties"] = props
            out.append(result)
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {
            "name": "validator",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_descriptor(r) for r in catalogue],
        }},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {
            "description": {"text": "The folder the audit ran in; paths are as given to validator."}}},
        "artifacts": artifacts,
        "invocations": [invocation],
        "results": out,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult], rules: list[ModuleType] | None = None) -> str:
    return json.dumps(document(results, rules), ensure_ascii=False, indent=2) + "\n"
