"""JUnit XML (``--format junit``), for the test tab of a CI system.

    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="validator" tests="…" failures="…" errors="…">
      <testsuite name="seeds/report.txt" tests="…" failures="…" errors="0" skipped="0">
        <properties><property name="format" value="text"/>…</properties>
        <testcase classname="seeds/report.txt" name="percent-of-total">
          <failure type="error" message="37:176 stated 66.8% but 743 / 1090 = …">
            seeds/report.txt:37:176: error [percent-of-total] stated 66.8% but …
              excerpt: …
          </failure>
          <system-out>2 relations checked: 1 passed, 1 failed</system-out>
        </testcase>
        <testcase classname="seeds/report.txt" name="claim: villages-share">…</testcase>
      </testsuite>
      <testsuite name="broken.txt" tests="1" failures="0" errors="1" skipped="0">
        <testcase classname="broken.txt" name="load"><error type="load" message="…"/></testcase>
      </testsuite>
    </testsuites>

One test suite per report; one test case per rule (every rule that ran, plus any other rule
with a finding, such as ``unused-suppression``) and one per declared claim; a test case
fails with every finding of its rule, the most severe first decides the failure ``type``
(error, warning or info: the CI's test tab shows them all as failures, the ``--fail-on``
threshold decides the exit code).  An unreadable report is a suite with one ``load`` test case
in error.  Text is stripped of the characters XML 1.0 cannot hold (control characters,
lone surrogates, U+FFFE/U+FFFF), so the document is well formed whatever the report holds.
No time attributes: the output is deterministic.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

import regex

from ..model import SEVERITY_RANK, FileResult
from . import excerpt

_ILLEGAL = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """*text* without the characters XML 1.0 forbids.  Ex) "a\\x07b" → "ab"."""
    return _ILLEGAL.sub("", str(text))


def _claim_cases(r: FileResult) -> list[tuple[str, str | None, str]]:
    """(name, failure kind or None, message) for each declared claim of a result."""
    out = []
    for i, c in enumerate(r.claims):
        d = dict(c) if not isinstance(c, dict) else c
        name = str(d.get("id") or d.get("name") or d.get("quote") or f"#{i + 1}")
        status = str(d.get("status", "passed"))
        message = str(d.get("message") or d.get("expression") or "")
        out.append((name, None if status in ("passed", "ok") else status, message))
    return out


def document(results: list[FileResult], rule_ids: Iterable[str] | None = None) -> ET.Element:
    if rule_ids is None:
        from ..rules import RULES
        rule_ids = [r.ID for r in RULES]
    rule_ids = list(rule_ids)
    root = ET.Element("testsuites", name="validator")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=clean(r.path))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if r.error is not None:
            case = ET.SubElement(suite, "testcase", classname=clean(r.path), name="load")
            ET.SubElement(case, "error", type="load", message=clean(r.error)).text = clean(
                f"{r.path}: {r.error}")
            counts["tests"], counts["errors"] = 1, 1
        else:
            doc = r.document
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", name="format", value=clean(doc.format))
            ET.SubElement(props, "property", name="encoding", value=clean(doc.encoding))
            names = list(dict.fromkeys(rule_ids + [f.rule for f in r.findings]))
            if r.claims:  # each declared claim is a test case of its own, below
                names = [n for n in names if n != "claim"]
            for rule in names:
                case = ET.SubElement(suite, "testcase", classname=clean(r.path), name=rule)
                counts["tests"] += 1
                findings = [f for f in r.findings if f.rule == rule]
                checks = [c for c in r.checks if c.rule == rule]
                if findings:
                    worst = max(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 0))
                    line, col = doc.position(findings[0].start)
                    lines = []
                    for f in findings:
                        fl, fc = doc.position(f.start)
                        lines.append(f"{r.path}:{fl}:{fc}: {f.severity} [{f.rule}] {f.message}")
                        lines.append(f"    {excerpt(doc.text, f.start, f.end)[0]}")
                    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
                    failure = ET.SubElement(case, "failure", type=worst.severity,
                                            message=clean(f"{line}:{col} {findings[0].message}{more}"))
                    failure.text = clean("\n".join(lines))
                    counts["failures"] += 1
                if checks:
                    passed = sum(1 for c in checks if c.status == "passed")
                    ET.SubElement(case, "system-out").text = (
                        f"{len(checks)} relation(s) checked: {passed} passed, {len(checks) - passed} failed")
            for name, failed, message in _claim_cases(r):
                case = ET.SubElement(suite, "testcase", classname=clean(r.path),
                                     name=clean(f"claim: {name}"))
                counts["tests"] += 1
                if failed == "error":
                    ET.SubElement(case, "error", type="claim", message=clean(message))
                    counts["errors"] += 1
                elif failed is not None:
                    ET.SubElement(case, "failure", type="claim", message=clean(message))
                    counts["failures"] += 1
        for k in ("tests", "failures", "errors"):
            suite.set(k, str(counts[k]))
            totals[k] += counts[k]
        suite.set("skipped", "0")
    for k in ("tests", "failures", "errors"):
        root.set(k, str(totals[k]))
    return root


def render(results: list[FileResult], rule_ids: Iterable[str] | None = None) -> str:
    root = document(results, rule_ids)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
