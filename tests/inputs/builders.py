"""Build test inputs from text: DOCX (its XML parts written with zipfile), PDF (reportlab with
its built-in CID font STSong-Light, so Chinese needs no font download), HTML with page chrome,
and hostile archives.  Used by the tests in this folder and by fuzz/make_corpus.py.
"""

from __future__ import annotations

import html
import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def w_p(text: str) -> str:
    """One plain paragraph."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_bytes(body_xml: str, footnotes_xml: str | None = None, extra: dict | None = None) -> bytes:
    """A minimal DOCX whose body is *body_xml* (WordprocessingML paragraphs and tables)."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}<w:sectPr/></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", doc)
        if footnotes_xml is not None:
            zf.writestr("word/footnotes.xml",
                        f'<?xml version="1.0" encoding="UTF-8"?>\n<w:footnotes xmlns:w="{W_NS}">'
                        f'{footnotes_xml}</w:footnotes>')
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_from_text(text: str) -> bytes:
    """One paragraph per non-empty line of *text*."""
    return docx_bytes("".join(w_p(line) for line in text.split("\n") if line.strip()))


def pdf_from_text(text: str, chars_per_line: int = 38, lines_per_page: int = 40) -> bytes:
    """A PDF of *text*: each paragraph wrapped at *chars_per_line*, in STSong-Light."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    rows: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        rows += [para[i:i + chars_per_line] for i in range(0, len(para), chars_per_line)]
    for start in range(0, len(rows), lines_per_page):
        c.setFont("STSong-Light", 11)
        y = 800
        for row in rows[start:start + lines_per_page]:
            c.drawString(40, y, row)
            y -= 19
        c.showPage()
    c.save()
    return buf.getvalue()


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF with pages but no text layer, as a scanner makes (an image would change nothing)."""
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for _ in range(pages):
        c.rect(50, 50, 400, 600, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


CHROME_TOP = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - 新闻中心</title>
<script>var visits = 1234567; document.write(visits);</script>
<style>.nav {{ width: 960px }}</style></head>
<body>
<div class="top-bar">服务热线：0930-6212345 | 今天是2021年5月6日</div>
<header><a href="/">首页</a><h1>某某日报网</h1></header>
<ul id="nav"><li><a href="/1">时政要闻</a></li><li><a href="/2">本地新闻</a></li><li><a href="/3">2021年专题</a></li></ul>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/local">本地新闻</a> &gt; 正文</div>
<div class="main">
<article>
<h1>{title}</h1>
<div class="info">来源：某某日报 发布时间：2021-05-06 09:30 浏览次数：3421</div>
"""

CHROME_BOTTOM = """<div class="related-news"><h3>相关新闻</h3><ul>
<li><a href="/n1">全州共有1200个村完成换届 占全部村的95.3%</a></li>
<li><a href="/n2">3个方面12项措施：全州加快推进基层治理</a></li>
<li><a href="/n3">投入资金5.8亿元 新建村级活动场所800个</a></li>
</ul></div>
</article>
<aside class="sidebar"><h3>点击排行</h3><ol><li><a href="/h1">全年共接待游客1090万人次，增长66.8%</a></li>
<li><a href="/h2">5大行动4项任务全部完成</a></li><li><a href="/h3">743个项目开工</a></li></ol></aside>
</div>
<div id="footer"><a href="/about">关于我们</a> | <a href="/contact">联系我们</a>
<p>版权所有 某某日报社 陇ICP备12345678号 电话：0930-6212345</p></div>
</body></html>
"""


def html_from_text(text: str, title: str = "年度工作综述") -> str:
    """*text* as the article of a news page, one <p> per non-empty line, with chrome all around."""
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return CHROME_TOP.format(title=html.escape(title)) + paras + "\n" + CHROME_BOTTOM


def zip_bomb_docx(megabytes: int = 200) -> bytes:
    """A DOCX whose document.xml inflates to *megabytes* MiB of spaces (a few hundred KB packed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def lying_zip_bomb_docx(megabytes: int = 200) -> bytes:
    """Like zip_bomb_docx, but the central directory claims document.xml is 1 KB."""
    data = bytearray(zip_bomb_docx(megabytes))
    # patch the uncompressed size in the central directory entry of word/document.xml
    name = b"word/document.xml"
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    if cd != -1 and data[cd + 24:cd + 28] != b"\xff\xff\xff\xff":
        data[cd + 24:cd + 28] = (1024).to_bytes(4, "little")
    return bytes(data)


ENTITY_BOMB = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = f"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


def docx_with_document_xml(xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def pdf_bomb(megabytes: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to *megabytes* MiB (about 200 KB packed)."""
    import zlib
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    head = comp.compress(b"BT /F1 12 Tf 72 700 Td (Growth was 12.5 percent in 2023.) Tj ET\n")
    packed = head + b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode >>\nstream\n" + packed
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
