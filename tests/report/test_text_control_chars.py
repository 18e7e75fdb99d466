"""The text format never sends a report's control characters to the terminal, and names the
page or paragraph when the input format has them."""

from __future__ import annotations

from dataclasses import replace

from validator.model import Document
from validator.report.text_format import render
from validator.rules import RULES
from validator.runner import audit_document


def _result(text: str, **doc_fields):
    doc = replace(Document.from_text("r.txt", text), **doc_fields)
    return audit_document(doc, RULES)


def test_escape_sequences_in_the_excerpt_are_shown_escaped():
    text = "全州1090个村中，收入5万元以上的村743个、占66.8%\x1b[2J\x07，成效明显。\n"
    out = render([_result(text)])
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x07" in out
    lines = out.splitlines()
    assert lines[0].startswith("r.txt:1:") and "[percent-of-total]" in lines[0]
    # the caret still sits under the stated value
    assert lines[2].strip() == "^^^^^"


def test_page_or_paragraph_is_named_when_the_format_has_it():
    text = "全州1090个村中，收入5万元以上的村743个、占66.8%。\n"
    out = render([_result(text, locations=((0, "page", 3),))])
    assert out.splitlines()[0].startswith("r.txt:1:") and ": (page 3) error [percent-of-total]" in out
