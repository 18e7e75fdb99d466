"""DOCX (tracked insertions, tables, footnotes, paragraph numbers) and PDF (pages, no text layer),
and the one-line error naming the extra to install when a format's library is missing.
"""

from __future__ import annotations

import sys

import pytest

from validator.load import LoadError, load
from validator.load.limits import DEFAULT

from . import builders
from .builders import w_p
from .conftest import assert_one_line_error, audit_json, run_cli

INS = ('<w:p><w:r><w:t xml:space="preserve">全年新增城镇就业</w:t></w:r>'
       '<w:ins w:id="1" w:author="编辑" w:date="2024-01-05T10:00:00Z"><w:r><w:t>1.26万人</w:t></w:r></w:ins>'
       '<w:del w:id="2" w:author="编辑"><w:r><w:delText>1.2万人</w:delText></w:r></w:del>'
       '<w:r><w:t>，完成年度目标的105%。</w:t></w:r></w:p>')
TABLE = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2023年</w:t></w:r></w:p></w:tc>'
         '<w:tc><w:p><w:r><w:t>增长</w:t></w:r></w:p></w:tc></w:tr>'
         '<w:tr><w:tc><w:p><w:r><w:t>工业增加值(亿元)</w:t></w:r></w:p></w:tc>'
         '<w:tc><w:p><w:r><w:t>103.8</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>92.3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
NOTE = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>注：城镇就业人数为快报数，增幅按可比口径计算。</w:t></w:r></w:p></w:footnote>')


def _docx(tmp_path, body, notes=None, name="report.docx"):
    p = tmp_path / name
    p.write_bytes(builders.docx_bytes(body, notes))
    return p


def test_docx_reads_insertions_not_deletions(tmp_path):
    doc = load(str(_docx(tmp_path, w_p("一、就业") + INS)))
    assert doc.text.splitlines() == ["一、就业", "全年新增城镇就业1.26万人，完成年度目标的105%。"]
    assert doc.location(doc.text.index("1.26")) == ("paragraph", 2)


def test_docx_tables_rows_and_footnotes(tmp_path):
    doc = load(str(_docx(tmp_path, w_p("主要指标") + TABLE + w_p("以上为初步统计。"), NOTE)))
    lines = doc.text.splitlines()
    assert lines == ["主要指标", "指标 | 2023年 | 增长", "工业增加值(亿元) | 103.8 | 92.3", "以上为初步统计。",
                     "注：城镇就业人数为快报数，增幅按可比口径计算。"]
    assert "103.892.3" not in doc.text
    # paragraphs: 1 heading, 2–4 first row's cells, 5–7 second row's, 8 the closing one, 9 the note
    assert doc.location(doc.text.index("103.8")) == ("paragraph", 5)
    assert doc.location(doc.text.index("以上")) == ("paragraph", 8)
    assert doc.location(doc.text.index("注：")) == ("paragraph", 9)


def test_docx_paragraph_in_json(tmp_path):
    body = (w_p("全县共有行政村200个。") + w_p("其中通硬化路的村150个、占80.0%。"))
    code, out, _ = audit_json(str(_docx(tmp_path, body)))
    f = out["files"][0]["findings"]
    assert [(x["rule"], x["paragraph"], x["stated"], x["expected"]) for x in f] == [
        ("percent-of-total", 2, "80.0%", "75.0%")]
    assert code == 1


def test_docx_textbox_fallback_is_not_read_twice(tmp_path):
    box = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>增长6.1%</w:t></w:r></w:p></w:txbxContent></mc:Choice>'
           '<mc:Fallback><w:txbxContent><w:p><w:r><w:t>增长6.1%</w:t></w:r></w:p></w:txbxContent></mc:Fallback>'
           '</mc:AlternateContent></w:r></w:p>')
    doc = load(str(_docx(tmp_path, box)))
    assert doc.text.count("6.1%") == 1


@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04 not really a zip", ["not a DOCX"]),
    (b"", ["not a DOCX"]),
    (builders.docx_with_document_xml("<w:document><unclosed>"), ["not well-formed"]),
])
def test_broken_docx_is_an_input_error(tmp_path, data, words):
    p = tmp_path / "broken.docx"
    p.write_bytes(data)
    result = load(str(p))
    assert isinstance(result, LoadError)
    for w in words:
        assert w in result.message


def test_docx_without_document_part(tmp_path):
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("content.xml", "<x/>")
    p = tmp_path / "odt-like.docx"
    p.write_bytes(buf.getvalue())
    assert "no word/document.xml" in load(str(p)).message


def test_pdf_pages_and_json(tmp_path):
    text = "第一页的说明文字，没有数字。\n" + "全县共有行政村200个，其中通硬化路的村150个、占80.0%。\n"
    p = tmp_path / "report.pdf"
    p.write_bytes(builders.pdf_from_text(text, lines_per_page=1))
    doc = load(str(p))
    assert [loc[1:] for loc in doc.locations] == [("page", 1), ("page", 2)]
    code, out, _ = audit_json(str(p))
    assert [(f["rule"], f["page"]) for f in out["files"][0]["findings"]] == [("percent-of-total", 2)]


def test_pdf_wrapped_lines_are_joined(tmp_path):
    text = "全县共有行政村200个，其中通硬化路的村150个、占80.0%，比上年提高5.2个百分点。"
    p = tmp_path / "wrapped.pdf"
    p.write_bytes(builders.pdf_from_text(text, chars_per_line=12))
    doc = load(str(p))
    assert text in doc.text.replace("\n", "")
    assert "80.0%" in doc.text


def test_scanned_pdf_is_an_input_error(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(builders.blank_pdf(3))
    proc = run_cli("audit", str(p))
    assert_one_line_error(proc, "scan.pdf", "no text layer", "scanned", "OCR")


def test_broken_pdf_is_an_input_error(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    result = load(str(p))
    assert isinstance(result, LoadError)


def test_pdf_page_limit(tmp_path):
    from dataclasses import replace
    p = tmp_path / "long.pdf"
    p.write_bytes(builders.pdf_from_text("第一页。\n第二页。\n第三页。", lines_per_page=1))
    result = load(str(p), limits=replace(DEFAULT, max_pages=2))
    assert isinstance(result, LoadError) and "3 pages" in result.message


@pytest.mark.parametrize("module, suffix, extra, make", [
    ("lxml", ".html", "html", lambda: b"<p>12%</p>"),
    ("defusedxml", ".docx", "docx", lambda: builders.docx_from_text("增长12%")),
    ("pypdf", ".pdf", "pdf", lambda: builders.pdf_from_text("增长12%")),
])
def test_missing_extra_is_named(tmp_path, monkeypatch, module, suffix, extra, make):
    p = tmp_path / f"report{suffix}"
    p.write_bytes(make())
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import now fails as if not installed
    result = load(str(p))
    assert isinstance(result, LoadError)
    assert f"pip install 'validator[{extra}]'" in result.message
    assert "\n" not in result.message
