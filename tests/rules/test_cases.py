"""Runs every rule case file in tests/rules/cases/<rule-id>.toml.

A case file holds ``[[fail]]``, ``[[pass]]`` and ``[[todo]]`` tables, each with a ``name`` (the
one variation it shows, e.g. ``zh-list-ends-with-deng``) and a ``text``:

- fail: ``findings = [{quote = "66.8%", severity = "error", expected = "68.2%"}]`` — exactly
  these findings of the rule, each located by a quote of the text (the finding's span lies
  inside the quote's first occurrence, or the ``occurrence``-th when given);
- pass: no finding of the rule; with ``checked = true`` the rule must also record a passed check
  (so a pass case cannot pass just because the rule never looked);
- todo: a known miss, written as the fail case it should become.  It must still be missed: a
  todo that starts passing fails the suite, so it gets promoted to a fail case.
"""

from __future__ import annotations

import pathlib
import tomllib

import pytest

from validator.model import Document
from validator.rules import BY_ID
from validator.runner import audit_document

CASES = pathlib.Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES.glob("*.toml")):
        rule = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("fail", "pass", "todo"):
            for case in data.get(kind, []):
                marks = [pytest.mark.xfail(strict=True, reason="known miss")] if kind == "todo" else []
                yield pytest.param(rule, kind, case, id=f"{rule}:{kind}:{case['name']}", marks=marks)


def _span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        assert start != -1, f"quote {quote!r} (occurrence {occurrence}) not in the case text"
    return start, start + len(quote)


def _run(rule: str, text: str):
    assert rule in BY_ID, f"case file for unknown rule {rule!r}"
    result = audit_document(Document.from_text("case.txt", text), [BY_ID[rule]])
    return result


def expect_findings(rule: str, case: dict) -> None:
    text = case["text"]
    result = _run(rule, text)
    got = [f for f in result.findings if f.rule == rule]
    want = case["findings"]
    assert len(got) == len(want), [(f.stated, f.severity, f.message) for f in got]
    for f, w in zip(got, sorted(want, key=lambda w: _span(text, w["quote"], w.get("occurrence", 1)))):
        lo, hi = _span(text, w["quote"], w.get("occurrence", 1))
        assert lo <= f.start and f.end <= hi, (f.stated, text[f.start:f.end], w["quote"])
        assert f.severity == w.get("severity", "error"), f.message
        if "expected" in w:
            assert f.expected == w["expected"], f.message
        for word in w.get("message_has", []):
            assert word in f.message, f.message


@pytest.mark.parametrize("rule,kind,case", list(_load()))
def test_case(rule, kind, case):
    if kind in ("fail", "todo"):
        expect_findings(rule, case)
    else:
        result = _run(rule, case["text"])
        got = [f for f in result.findings if f.rule == rule]
        assert not got, [(f.stated, f.message) for f in got]
        if case.get("checked"):
            assert any(c.rule == rule and c.status == "passed" for c in result.checks), \
                "the rule never checked this text"
