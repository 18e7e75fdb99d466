"""Every rule's documented examples are run: the failing one fails, the passing one passes."""

from __future__ import annotations

import pytest

from validator.model import Document
from validator.rules import RULES, section, summary
from validator.runner import audit_document


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_docstring_examples(rule):
    bad, good = section(rule, "Example (fails):"), section(rule, "Use instead (passes):")
    assert bad and good, "the docstring needs both examples"
    fails = audit_document(Document.from_text("bad.txt", bad), [rule])
    passes = audit_document(Document.from_text("good.txt", good), [rule])
    assert [f.rule for f in fails.findings] == [rule.ID]
    assert not passes.findings
    assert any(c.status == "passed" for c in passes.checks)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_docstring_template(rule):
    doc = rule.__doc__ or ""
    for heading in ("What it does:", "Why it matters:", "Example (fails):", "Use instead (passes):"):
        assert heading in doc, heading
    assert summary(rule).endswith("."), "the first line is one sentence"
    assert rule.SEVERITY in ("error", "warning", "info")
