"""HTML: the article's text, chrome stripped; tables flattened with visible cell separators."""

from __future__ import annotations

from validator.extract import extract as quantities
from validator.load import LoadError, load
from validator.load.html import extract

from . import builders

ARTICLE = ("今年以来，全县新开工重点项目86个，其中产业项目52个、占60.5%。\n"
           "全年完成固定资产投资128.6亿元，比上年增长9.4%。\n")


def test_chrome_is_stripped_and_article_kept():
    text = extract(builders.html_from_text(ARTICLE, "全县重点项目建设情况"))
    assert "新开工重点项目86个" in text and "128.6亿元" in text
    for chrome in ("服务热线", "0930-6212345", "首页", "时政要闻", "相关新闻", "1200个村", "点击排行",
                   "1090万人次", "版权所有", "ICP", "浏览次数", "visits", "width"):
        assert chrome not in text, chrome


def test_no_chrome_number_becomes_a_quantity(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(builders.html_from_text(ARTICLE), encoding="utf-8")
    doc = load(str(p))
    found = {q.text.strip() for q in quantities(doc)}
    assert "1090万人次" not in found and "5.8亿元" not in found and "743个" not in found
    assert "86个" in found or any("86" in t for t in found)


def test_table_cells_are_separated():
    page = ("<html><body><article><p>主要经济指标如下。</p><table><tr><th>指标</th><th>2022年</th><th>2023年</th></tr>"
            "<tr><td>工业增加值(亿元)</td><td>103.8</td><td>92.3</td></tr></table></article></body></html>")
    text = extract(page)
    assert "103.892.3" not in text
    assert "工业增加值(亿元) | 103.8 | 92.3" in text
    assert text.splitlines() == ["主要经济指标如下。", "指标 | 2022年 | 2023年", "工业增加值(亿元) | 103.8 | 92.3"]


def test_adjacent_inline_numbers_do_not_glue():
    text = extract("<p><span>103.8</span><span>92.3</span> and <b>12</b><i>5</i></p>")
    assert "103.892.3" not in text and "125" not in text
    assert "103.8 92.3" in text


def test_superscript_footnote_marker_stays_apart():
    text = extract("<p>全市共有企业743<sup>1</sup>家。</p>")
    assert "7431" not in text and "743^1" in text


def test_line_wrap_inside_cjk_paragraph_is_not_a_space():
    assert extract("<p>全年完成投资\n  3.6亿元，\n增长12.5%。</p>").strip() == "全年完成投资3.6亿元，增长12.5%。"


def test_page_without_article_uses_the_densest_block():
    page = ("<html><body><div class='menu'><a href='#'>首页</a><a href='#'>新闻</a><a href='#'>2023年</a></div>"
            "<div id='content'><p>全市粮食总产量达到35.6万吨，比上年增长2.1%。</p>"
            "<p>其中夏粮12.3万吨，秋粮23.3万吨。</p></div>"
            "<div class='footer'>电话：0930-1234567</div></body></html>")
    text = extract(page)
    assert text.splitlines() == ["全市粮食总产量达到35.6万吨，比上年增长2.1%。", "其中夏粮12.3万吨，秋粮23.3万吨。"]


def test_hidden_and_script_content_is_dropped():
    text = extract("<article><p>增长6.1%。</p><p style='display: none'>增长99.9%。</p><div hidden>88个</div>"
                   "<script>var x = 77;</script><noscript>66个</noscript></article>")
    assert text.strip() == "增长6.1%。"


def test_declared_charset_and_xml_declaration(tmp_path):
    page = ('<?xml version="1.0" encoding="gbk"?><html><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=GBK"></head><body><p>全年增长6.1%。</p></body></html>')
    p = tmp_path / "page.htm"
    p.write_bytes(page.encode("gbk"))
    doc = load(str(p))
    assert not isinstance(doc, LoadError)
    assert doc.text.strip() == "全年增长6.1%。" and doc.encoding == "gb18030"


def test_empty_and_textless_pages_are_input_errors(tmp_path):
    for name, page in (("empty.html", ""), ("chrome.html", "<nav><a href='/'>首页</a></nav><script>1</script>")):
        p = tmp_path / name
        p.write_text(page, encoding="utf-8")
        result = load(str(p))
        assert isinstance(result, LoadError), name


def test_deeply_nested_tags_are_bounded(tmp_path):
    p = tmp_path / "deep.html"
    p.write_bytes(b"<div>" * 100_000 + "全年增长6.1%。".encode() + b"</div>" * 100_000)
    result = load(str(p))
    assert isinstance(result, LoadError) or "6.1%" in result.text
