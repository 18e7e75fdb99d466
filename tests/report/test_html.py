"""The annotated HTML page: self-contained, every quantity marked, and — in a real headless
Chromium when one is installed — the 66.8% of the seed shown as failed with its arithmetic.

Chromium comes from Debian: ``apt-get install -y chromium``; without it the browser test is
skipped.  To look at the seed's page::

    python3 -m validator audit seeds/ --format html --output /tmp/seed.html
    chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/seed.png \\
        --window-size=1400,2400 file:///tmp/seed.html
"""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import subprocess

import pytest

from validator.report import html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _marks(page: str) -> list[tuple[str, str, str]]:
    """(status, text, detail) of every ``mark.q`` in a page."""
    out = []
    for m in re.finditer(r'<mark class="q (\w+)(?: active)?"([^>]*)>([^<]*)</mark>', page):
        detail = re.search(r'data-detail="([^"]*)"', m.group(2))
        out.append((m.group(1), html_lib.unescape(m.group(3)),
                    html_lib.unescape(detail.group(1)) if detail else ""))
    return out


def test_seed_page_marks_the_share(seed_results):
    page = html.render(seed_results)
    marks = _marks(page)
    failed = [m for m in marks if m[0] == "failed"]
    assert any(text == "66.8%" and "743" in detail and "1090" in detail for _, text, detail in failed)
    assert any(status == "passed" and text == "四级" for status, text, _ in marks)
    assert any(status == "related" and text.startswith("743") for status, text, _ in marks)
    assert any(status == "unchecked" for status, _, _ in marks)
    assert 'id="summary"' in page and "quantities in the text were checked" in page
    # the findings table links to the mark
    assert re.search(r'<a href="#m0-\d+">37:176</a>', page)


def test_self_contained(seed_results, project_results):
    for page in (html.render(seed_results), html.render(project_results)):
        assert not re.search(r'\b(?:src|href)="(?!#)', page), "no external resources"
        assert "<link" not in page and "@import" not in page and "url(" not in page
        assert "http://" not in page and "https://" not in page
        assert "default-src 'none'" in page


def test_project_page(project, project_results):
    page = html.render(project_results)
    assert page == html.render(project_results)
    assert str(project) not in page
    assert 'data-path="reports/broken.txt" data-status="error"' in page
    marks = _marks(page)
    failed = {t for s, t, _ in marks if s == "failed"}
    assert {"52.4%", "37.9%", "64.2%"} <= failed
    # the suppressed finding is not a finding any more, but its check still failed
    assert "27.6%" in failed
    assert page.count('<tr class="sev-') == sum(len(r.findings) for r in project_results)


def test_report_text_is_escaped():
    from validator.model import Document, FileResult
    doc = Document.from_text("x.md", '<script>alert(1)</script> 占12.5% "quoted" & more\n')
    page = html.render([FileResult("x.md", doc)])
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page


def _dump_dom(path: str, profile: str) -> str:
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", "--dump-dom", "file://" + path],
        capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
def test_seed_page_in_headless_chromium(seed_results, tmp_path):
    path = tmp_path / "seed.html"
    path.write_text(html.render(seed_results), encoding="utf-8")
    dom = _dump_dom(str(path), str(tmp_path / "profile"))
    assert 'data-ready="1"' in dom, "the page's script ran"
    counts = re.search(r'id="dom-counts">marked: (\d+) failed, (\d+) passed', dom)
    assert counts and int(counts.group(1)) >= 2 and int(counts.group(2)) >= 4
    # the side panel shows the first failed mark's arithmetic after the script ran
    panel = re.search(r'<div id="panel-body">(.*?)</div>\s*</aside>', dom, re.S).group(1)
    panel = html_lib.unescape(panel)
    assert "66.8%" in panel and "743 / 1090" in panel, "opens on the first error"
    failed = [m for m in _marks(dom) if m[0] == "failed"]
    share = [m for m in failed if m[1] == "66.8%"]
    assert share and "743 / 1090" in share[0][2]
    # the 66.8% is marked in the document, in line 37
    line37 = re.search(r'<span class="line" id="f0-L37">(.*?)</span>\n', dom, re.S).group(1)
    assert re.search(r'<mark class="q failed[^"]*"[^>]*>66\.8%</mark>', line37)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
def test_findings_link_opens_the_panel(seed_results, tmp_path):
    path = tmp_path / "seed.html"
    page = html.render(seed_results)
    path.write_text(page, encoding="utf-8")
    target = re.search(r'<a href="#(m0-\d+)">37:176</a>', page).group(1)
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"file://{path}#{target}"],
        capture_output=True, text=True, timeout=120)
    active = re.search(r'<mark class="q failed active"[^>]*>([^<]*)</mark>', p.stdout)
    assert active and active.group(1) == "66.8%"
    assert os.path.exists(path)


def test_a_mark_across_lines_keeps_the_markup_balanced():
    from html.parser import HTMLParser

    from validator.model import Document, FileResult, Finding, Related
    text = "第一行有12个项目，\n第二行占45%。\n第三行。"
    doc = Document.from_text("x.txt", text)
    f = Finding("respectively", "error", "spans two lines", 3, 15, stated="12个",
                related=(Related("list", "第二行", 11, 14),))
    page = html.render([FileResult("x.txt", doc, (f,))])

    class Balance(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "!doctype"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
            self.stack.pop()

    b = Balance()
    b.feed(page)
    assert b.stack == []
    assert page.count('id="m0-3"') == 1  # one anchor, on the first piece
    assert len(re.findall(r'<span class="line" id="f0-L\d+">', page)) == 3


def test_quantity_status_is_the_strongest_overlapping_mark():
    """The page's counts of quantities by status (failed / passed / related / unchecked) equal a
    direct reading: for each quantity, the strongest mark of a finding, check or related span
    that overlaps it — on the seed and on every corpus report."""
    from collections import Counter
    from pathlib import Path

    from validator.extract import extract
    from validator.load import load
    from validator.rules import RULES
    from validator.runner import audit_document
    root = Path(__file__).resolve().parents[2]
    paths = [root / "seeds" / "000_ddbcf0d77c88731c.txt"]
    corpus = root.parent / "shared" / "corpus"
    paths += sorted(corpus.glob("*.txt"))[:12] if corpus.is_dir() else []
    for path in paths:
        r = audit_document(load(str(path)), RULES)
        spans = [(f.start, max(f.end, f.start + 1), "failed") for f in r.findings]
        spans += [(x.start, max(x.end, x.start + 1), "related") for f in r.findings for x in f.related]
        spans += [(c.start, max(c.end, c.start + 1), "failed" if c.status == "failed" else "passed")
                  for c in r.checks]
        quantities = extract(r.document)
        expected = Counter(max((s for a, b, s in spans if a < q.end and b > q.start),
                               key=html.PRIORITY.__getitem__, default="unchecked") for q in quantities)
        _, counts = html._marks(r, quantities)
        assert counts == expected, path.name
        assert expected["failed"] + expected["passed"] > 0 or not r.checks
