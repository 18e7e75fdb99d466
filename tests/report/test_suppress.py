"""Inline suppression markers: both forms, on or above the line, a reason required, unused
and invalid markers reported; results are new objects, never mutated."""

from __future__ import annotations

from validator import suppress
from validator.model import Document
from validator.rules import BY_ID
from validator.runner import audit_document, select_rules

KNOWN = set(BY_ID) | {"claim"}
BAD = "全市共有规模以上工业企业1250家，其中高新技术企业436家、占37.9%。"


def _run(text: str, path: str = "r.md", active=None):
    doc = Document.from_text(path, text, "markdown" if path.endswith(".md") else "text")
    before = audit_document(doc, select_rules())
    [after] = suppress.apply_markers([before], KNOWN, active)
    return before, after


def _rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def test_unsuppressed_finding_is_reported():
    _, after = _run(BAD + "\n")
    assert _rules(after) == ["percent-of-total"]


def test_html_marker_above_the_line():
    before, after = _run("<!-- validator: ignore percent-of-total -- 原文如此，已向统计局核实 -->\n" + BAD + "\n")
    assert _rules(before) == ["percent-of-total"] and _rules(after) == []
    assert before.findings  # the runner's result is untouched


def test_html_marker_on_the_line_and_blank_lines_between():
    _, after = _run(BAD + " <!-- validator: ignore percent-of-total -- quoted as published -->\n")
    assert _rules(after) == []
    _, after = _run("<!-- validator: ignore percent-of-total -- quoted as published -->\n\n" + BAD + "\n")
    assert _rules(after) == []


def test_plain_text_marker():
    _, after = _run("# validator: ignore percent-of-total -- figures from the 2022 yearbook\n" + BAD + "\n",
                    path="r.txt")
    assert _rules(after) == []


def test_marker_two_lines_above_does_not_reach():
    _, after = _run("<!-- validator: ignore percent-of-total -- reason -->\n前言。\n" + BAD + "\n")
    assert _rules(after) == ["unused-suppression", "percent-of-total"]


def test_marker_without_reason_is_invalid_and_suppresses_nothing():
    _, after = _run("<!-- validator: ignore percent-of-total -->\n" + BAD + "\n")
    assert _rules(after) == ["invalid-suppression", "percent-of-total"]
    assert "reason" in after.findings[0].message


def test_marker_without_rule_or_with_unknown_rule_is_invalid():
    _, after = _run("<!-- validator: ignore -- just because -->\n" + BAD + "\n")
    assert _rules(after)[0] == "invalid-suppression"
    _, after = _run("<!-- validator: ignore percent-of-totals -- typo -->\n" + BAD + "\n")
    assert _rules(after)[0] == "invalid-suppression" and "percent-of-totals" in after.findings[0].message


def test_unused_marker_is_a_warning():
    _, after = _run("<!-- validator: ignore respectively -- no list here -->\n" + BAD + "\n")
    unused = [f for f in after.findings if f.rule == "unused-suppression"]
    assert len(unused) == 1 and unused[0].severity == "warning" and unused[0].stated == "respectively"


def test_marker_for_a_rule_that_did_not_run_is_not_unused():
    _, after = _run("<!-- validator: ignore respectively -- no list here -->\n" + BAD + "\n",
                    active={"percent-of-total", "unused-suppression"})
    assert _rules(after) == ["percent-of-total"]


def test_meta_rules_can_be_turned_off():
    _, after = _run("<!-- validator: ignore respectively -- no list here -->\n" + BAD + "\n",
                    active=set(BY_ID))
    assert _rules(after) == ["percent-of-total"]


def test_one_marker_for_two_rules():
    _, after = _run("<!-- validator: ignore percent-of-total, respectively -- reviewed -->\n" + BAD + "\n")
    assert _rules(after) == ["unused-suppression"]


def test_project_fixture(project_results):
    by_path = {r.path: r for r in project_results}
    sup = by_path["reports/suppressed.md"]
    assert [f.stated for f in sup.findings if f.rule == "percent-of-total"] == ["64.2%"]
    assert [f.rule for f in sup.findings].count("unused-suppression") == 1


def test_meta_rule_docstring_examples():
    from validator.rules import section
    for meta in suppress.META_RULES:
        fails = section(meta, "Example (fails):")
        passes = section(meta, "Use instead (passes):")
        _, after = _run(fails + "\n")
        assert meta.ID in _rules(after), meta.ID
        _, after = _run(passes + "\n")
        assert meta.ID not in _rules(after), meta.ID


def _waive(text: str, *waivers, active=None):
    doc = Document.from_text("r.md", text, "markdown")
    before = audit_document(doc, select_rules())
    [after] = suppress.apply_waivers([before], lambda path: waivers if path == "r.md" else [], active)
    return after


def test_claims_waiver_covers_the_quoted_finding():
    w = suppress.Waiver("percent-of-total", "高新技术企业436家、占37.9%", "按统计局口径", "claims/r.toml:7")
    assert _rules(_waive(BAD + "\n", w)) == []


def test_claims_waiver_for_another_rule_or_place_is_unused():
    w = suppress.Waiver("respectively", "高新技术企业436家、占37.9%", "reviewed", "claims/r.toml:7")
    after = _waive(BAD + "\n", w)
    assert sorted(_rules(after)) == ["percent-of-total", "unused-suppression"]
    [unused] = [f for f in after.findings if f.rule == "unused-suppression"]
    assert "claims/r.toml:7" in unused.message


def test_claims_waiver_whose_quote_vanished_is_reported():
    w = suppress.Waiver("percent-of-total", "占36.9%", "reviewed", "claims/r.toml:9")
    after = _waive(BAD + "\n", w)
    assert _rules(after) == ["unused-suppression", "percent-of-total"]
    assert "no longer in the report" in after.findings[0].message
    assert _rules(_waive(BAD + "\n", w, active={"percent-of-total"})) == ["percent-of-total"]
