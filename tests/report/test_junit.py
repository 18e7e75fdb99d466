"""JUnit XML: well formed for a strict parser whatever the text holds; one suite per report,
one case per rule and per declared claim; failures carry the findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.dom import minidom

from validator.model import Document, FileResult, Finding
from validator.report import junit
from validator.rules import RULES


def _parse(text: str) -> ET.Element:
    minidom.parseString(text.encode("utf-8"))  # expat: rejects anything not well formed
    return ET.fromstring(text.encode("utf-8"))


def test_seed(seed_results):
    root = _parse(junit.render(seed_results))
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "seeds/000_ddbcf0d77c88731c.txt"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert {r.ID for r in RULES} <= set(cases)
    failure = cases["percent-of-total"].find("failure")
    assert failure.get("type") == "error"
    assert "66.8%" in failure.get("message") and "37:176" in failure.get("message")
    assert "743" in failure.text and "1090" in failure.text
    assert cases["enumeration-count"].find("failure").get("type") == "warning"
    assert cases["respectively"].find("failure") is None
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in root.findall("testsuite"))


def test_project(project_results):
    root = _parse(junit.render(project_results))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"reports/broken.txt", "reports/en.txt", "reports/suppressed.md", "reports/zh.md"}
    broken = suites["reports/broken.txt"]
    assert broken.get("errors") == "1" and broken.find("testcase/error") is not None
    en = {c.get("name"): c for c in suites["reports/en.txt"].findall("testcase")}
    assert "52.4%" in en["percent-of-total"].find("failure").get("message")
    sup = {c.get("name"): c for c in suites["reports/suppressed.md"].findall("testcase")}
    assert "27.6%" not in ET.tostring(suites["reports/suppressed.md"], encoding="unicode")
    assert sup["unused-suppression"].find("failure").get("type") == "warning"
    zh = {c.get("name"): c for c in suites["reports/zh.md"].findall("testcase")}
    if any(r.claims for r in project_results):  # declared claims: one case each
        assert zh["claim: high-tech-share"].find("failure") is not None
        assert zh["claim: high-tech-within"].find("failure") is None
        assert "claim" not in zh
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_control_characters_never_break_the_xml():
    nasty = "第一段\x00\x01\x07\x1b[31m红色\x1b[0m\x0b\x0c，占12.5%\ufffe\uffff。\n"
    doc = Document.from_text("weird\x07name.txt", nasty)
    f = Finding("percent-of-total", "error", "stated 12.5%\x08 but \x1b[1m13.0%", 20, 25,
                stated="12.5%", expected="13.0%")
    results = [FileResult(doc.path, doc, (f,)), FileResult("gone\x1f.txt", None, error="bad \x00 bytes")]
    text = junit.render(results)
    root = _parse(text)
    assert root.find("testsuite").get("name") == "weirdname.txt"
    assert "\x1b" not in text and "\x00" not in text


def test_deterministic(project_results):
    assert junit.render(project_results) == junit.render(project_results)
    assert "time=" not in junit.render(project_results)
