"""The seed report (seeds/000_ddbcf0d77c88731c.txt): the auto rules find exactly its two known
inconsistencies, and record the relations on lines 21, 25, 51 and 67 as verified.

- line 37: "收入5万元以上的村743个、占66.8%" — 743 / 1090 = 68.2%, an error (percent-of-total);
- line 15: "等5个方面" after four listed items — a warning (enumeration-count: the list ends with 等);
- line 21 "中央省州县四级", line 25 "乡村两级", line 51 "4项权责", line 67 "分别提高到89%、85%":
  consistent, and checked.

Through the command line the seed's declared claims (claims/) run too: the one that fails
("743 is 66.8% of 1090") states the same inconsistency as the percent-of-total finding and is
folded into it, so the audit still reports exactly these two findings.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

from validator.load import load
from validator.rules import RULES
from validator.runner import audit_document

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ddbcf0d77c88731c.txt"

EXPECTED_FINDINGS = [
    # (line, rule, severity, stated, expected)
    (15, "enumeration-count", "warning", "5个", "4"),
    (37, "percent-of-total", "error", "66.8%", "68.2%"),
]
PASSED_CHECKS = [
    # (line, rule, stated contains)
    (21, "enumeration-count", "四级"),
    (51, "enumeration-count", "4项"),
    (67, "respectively", "89%"),
]


@pytest.fixture(scope="module")
def result():
    doc = load(str(SEED))
    return doc, audit_document(doc, RULES)


def _findings(doc, findings):
    return sorted((doc.position(f.start)[0], f.rule, f.severity, f.stated, f.expected)
                  for f in findings if f.severity in ("error", "warning"))


def test_exactly_the_two_known_findings(result):
    doc, res = result
    assert _findings(doc, res.findings) == EXPECTED_FINDINGS


def test_the_percent_finding_names_its_inputs(result):
    doc, res = result
    (f,) = [f for f in res.findings if f.rule == "percent-of-total"]
    evidence = dict(f.evidence)
    assert (evidence["part"], evidence["total"]) == ("743", "1090")
    assert doc.text[f.start:f.end] == "66.8%"
    assert "743" in f.message and "1090" in f.message and "66.8%" in f.message


@pytest.mark.parametrize("line,rule,stated", PASSED_CHECKS, ids=[f"line-{c[0]}" for c in PASSED_CHECKS])
def test_passed_checks(result, line, rule, stated):
    doc, res = result
    passed = [c for c in res.checks
              if c.rule == rule and c.status == "passed" and doc.position(c.start)[0] == line]
    assert any(stated in c.stated for c in passed), \
        [(doc.position(c.start)[0], c.rule, c.status, c.stated) for c in res.checks]


def test_line_25_two_levels_if_checked(result):
    doc, res = result
    on_25 = [c for c in res.checks if doc.position(c.start)[0] == 25 and c.rule == "enumeration-count"]
    if not on_25:
        pytest.skip("乡村两级 is not checked (optional)")
    assert all(c.status == "passed" for c in on_25)


def test_through_the_command_line():
    """``python -m validator audit seeds/ --format json`` from the repository root."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([sys.executable, "-m", "validator", "audit", "seeds/", "--format", "json"],
                          cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    doc = json.loads(proc.stdout.decode("utf-8"))
    (entry,) = [f for f in doc["files"] if f["path"].endswith(SEED.name)]
    assert entry["status"] == "checked"
    found = sorted((f["line"], f["rule"], f["severity"], f["stated"], f["expected"])
                   for f in entry["findings"]
                   if f["severity"] in ("error", "warning"))
    assert found == EXPECTED_FINDINGS
    passed = {(c["line"], c["rule"]) for c in entry["checks"] if c["status"] == "passed"}
    for line, rule, _ in PASSED_CHECKS:
        assert (line, rule) in passed
