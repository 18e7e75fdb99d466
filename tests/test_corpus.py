"""Precision on real reports: the development corpus in ../shared/corpus (read in place).

Every relation in the corpus is hand-checked (annotations.jsonl).  No rule may report an
``error`` on a line that carries no labelled inconsistency: each such finding is a false alarm
that would make a CI gate on real reports cry wolf.  Skipped when the corpus is absent.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from validator.load import load
from validator.rules import RULES
from validator.runner import audit_document

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "annotations.jsonl").exists(),
                                reason="development corpus not present")


def _annotations():
    out = []
    for line in (CORPUS / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line))
    return out


def _files():
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("name", _files())
def test_no_error_on_lines_without_a_labelled_inconsistency(name):
    bad_lines = {a["line"] for a in _annotations() if a["file"] == name and a["verdict"] != "consistent"}
    doc = load(str(CORPUS / name))
    result = audit_document(doc, RULES)
    false_alarms = []
    for f in result.findings:
        line, _ = doc.position(f.start)
        if f.severity == "error" and line not in bad_lines:
            false_alarms.append(f"{name}:{line}: [{f.rule}] {f.message}")
    assert not false_alarms, "false alarms on real reports (fix the rule, not this test):\n" + "\n".join(false_alarms)
