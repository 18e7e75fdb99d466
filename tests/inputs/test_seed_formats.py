"""The seed report saved as GB18030, GBK, UTF-16, UTF-8 with BOM or CRLF, HTML with page chrome, DOCX
and PDF gives the same two findings as the plain text, each located by line, paragraph or page.
"""

from __future__ import annotations

import pytest

from validator.load import LoadError, load
from validator.rules import RULES
from validator.runner import audit_document

from . import builders
from .conftest import SEED_FINDINGS, audit_json

SEVERE = ("error", "warning")


def _findings(path) -> list[tuple[str, str, str, str]]:
    doc = load(str(path))
    assert not isinstance(doc, LoadError), doc
    result = audit_document(doc, RULES)
    return [(f.rule, f.severity, f.stated, f.expected) for f in result.findings if f.severity in SEVERE]


def _save(tmp_path, kind: str, text: str):
    if kind == "gb18030":
        p = tmp_path / "seed.txt"
        p.write_bytes(text.encode("gb18030"))
    elif kind == "gbk":
        p = tmp_path / "seed.txt"
        p.write_bytes(text.encode("gbk"))
    elif kind == "utf-16":
        p = tmp_path / "seed.txt"
        p.write_bytes(text.encode("utf-16"))
    elif kind == "utf-8-sig":
        p = tmp_path / "seed.txt"
        p.write_bytes(text.encode("utf-8-sig"))
    elif kind == "crlf":
        p = tmp_path / "seed.txt"
        p.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    elif kind == "html":
        p = tmp_path / "seed.html"
        p.write_text(builders.html_from_text(text), encoding="utf-8")
    elif kind == "html-gbk":
        p = tmp_path / "seed.htm"
        page = builders.html_from_text(text).replace('charset="utf-8"', 'charset="gb2312"')
        p.write_bytes(page.encode("gbk"))
    elif kind == "docx":
        p = tmp_path / "seed.docx"
        p.write_bytes(builders.docx_from_text(text))
    else:
        p = tmp_path / "seed.pdf"
        p.write_bytes(builders.pdf_from_text(text))
    return p


@pytest.mark.parametrize("kind", ["gb18030", "gbk", "utf-16", "utf-8-sig", "crlf", "html", "html-gbk",
                                  "docx", "pdf"])
def test_seed_in_every_format_gives_the_two_findings(tmp_path, seed_text, kind):
    path = _save(tmp_path, kind, seed_text)
    assert _findings(path) == SEED_FINDINGS


def test_legacy_text_keeps_the_lines_and_reports_the_encoding(tmp_path, seed_text):
    path = _save(tmp_path, "gb18030", seed_text)
    code, out, _ = audit_json(str(path))
    entry = out["files"][0]
    assert entry["encoding"] == "gb18030"
    assert [(f["line"], f["rule"]) for f in entry["findings"]] == [(15, "enumeration-count"),
                                                                   (37, "percent-of-total")]
    assert code == 1


def test_utf16_reports_its_encoding(tmp_path, seed_text):
    _, out, _ = audit_json(str(_save(tmp_path, "utf-16", seed_text)))
    assert out["files"][0]["encoding"] == "utf-16"
    assert [f["line"] for f in out["files"][0]["findings"]] == [15, 37]


def test_docx_findings_carry_the_paragraph(tmp_path, seed_text):
    _, out, _ = audit_json(str(_save(tmp_path, "docx", seed_text)))
    found = out["files"][0]["findings"]
    # one paragraph per non-empty line of the seed: line 15 is paragraph 8, line 37 is 19
    assert [(f["rule"], f["paragraph"]) for f in found] == [("enumeration-count", 8),
                                                            ("percent-of-total", 19)]
    assert out["files"][0]["format"] == "docx"


def test_pdf_findings_carry_the_page(tmp_path, seed_text):
    _, out, _ = audit_json(str(_save(tmp_path, "pdf", seed_text)))
    entry = out["files"][0]
    assert entry["format"] == "pdf" and entry["encoding"] is None
    pages = [(f["rule"], f["page"]) for f in entry["findings"]]
    assert pages == [("enumeration-count", 1), ("percent-of-total", 2)]
    assert "收入5万元以上的村743个、占66.8%" in entry["findings"][1]["excerpt"]


def test_html_findings_are_located_by_line_of_the_article(tmp_path, seed_text):
    _, out, _ = audit_json(str(_save(tmp_path, "html", seed_text)))
    found = out["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["enumeration-count", "percent-of-total"]
    assert all("page" not in f and "paragraph" not in f for f in found)
    assert "743个、占66.8%" in found[1]["excerpt"]


def test_seed_repeated_title_is_boilerplate(seed_text):
    doc = load(str(builders_seed_path()))
    title_lines = [i for i, ln in enumerate(seed_text.split("\n"), 1) if ln.startswith("守正创新筑根基")]
    assert len(title_lines) == 7
    assert set(title_lines) <= doc.boilerplate
    assert 37 not in doc.boilerplate and 15 not in doc.boilerplate


def builders_seed_path():
    from .conftest import SEED
    return SEED
