"""HTML (saved pages, CMS exports) → the article's text, one block per line.

Precision first: a number in the page chrome (a hotline, a visitor counter, a headline in a
"related news" box) must never be checked, so the extractor keeps the article and drops the
rest.  It needs lxml (``pip install 'validator[html]'``): libxml2's HTML parser is linear,
copes with any tag soup, and never touches the network (``no_network=True``).

1. Drop what is never article text: ``script``/``style``/``form``…, ``nav``, ``aside``,
   ``footer``, a page-level ``header``, anything hidden (``hidden``, ``aria-hidden``,
   ``display:none``), ARIA landmarks of chrome (``role="navigation"`` …), and elements whose
   class or id names chrome (``nav``, ``footer``, ``breadcrumb``, ``related``, ``share``,
   ``sidebar``, ``xgxw`` 相关新闻 …) — unless they hold the article itself.
2. Choose the article: the one ``<article>`` (the longest of several), else ``<main>`` /
   ``role="main"``, else the element whose paragraphs carry the most non-link text (each
   paragraph's text counts for its parent and half for its grandparent, as readability does).
3. Inside it, drop link lists ("related news": mostly link text, three or more links) and the
   heading that introduces them (相关新闻, 相关阅读, Related …), and byline/counter lines
   (来源：…, 浏览次数：…, 责任编辑：…).
4. Write one line per block element.  A table row is one line with its cells separated by
   `` | `` (a naive join turns the cells "103.8" and "92.3" into "103.892.3"); ``<sup>``
   and ``<sub>`` are written ``^x`` / ``_x``; and wherever two elements' texts would join
   digit to digit, a space keeps the numbers apart.  Whitespace runs become one space, and
   none is kept between a CJK character and another or a digit (a line wrap in the source is
   not a space); two digits are never joined.
"""

from __future__ import annotations

import regex

BLOCK = frozenset("""
address article aside blockquote body caption center dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
pre section summary table tbody tfoot thead tr ul
""".split())

DROP_TAGS = frozenset("""
script style noscript template svg math iframe frame frameset object embed canvas form button
select option textarea input nav aside footer head title meta link map area audio video
""".split())

CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu",
                          "menubar", "toolbar", "dialog", "alert"})

# class/id words (split on spaces, "-" and "_") that name page chrome.
# Ex) <div class="related-news">, <ul id="xgxw">, <div class="footer_links">
CHROME_WORDS = frozenset("""
nav navbar navigation menu menubar submenu topnav footer foot breadcrumb breadcrumbs crumb crumbs
sidebar side aside related relate relation xgxw xgwz xgyd xgtj share sharing social comment
comments copyright ad ads advert advertisement banner recommend recommended hot hotnews rank
ranking topbar toolbar login pager pagination paging tags tagcloud subscribe newsletter
cookie cookies popup modal qrcode ewm
""".split())

RELATED_TITLES = frozenset("""
相关新闻 相关阅读 相关链接 相关文章 相关报道 推荐阅读 延伸阅读 热点新闻 热门文章 猜你喜欢 往期回顾
更多新闻 相关稿件 图片新闻 排行榜 点击排行 热点排行 related relatednews relatedarticles
relatedstories readmore morestories recommended
""".split())

_WORD_SPLIT = regex.compile(r"[\s_\-]+")
_SPACES = regex.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")
_CJK = r"\p{Han}，。、；：！？（）《》“”‘’"
# a space with CJK on one side and CJK or a digit on the other: Ex) "投资\n  3.6亿元" → "投资3.6亿元"
_CJK_GAP = regex.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}0-9])|(?<=[0-9%]) (?=[{_CJK}])")
# Ex) "来源：临夏日报", "浏览次数：1234", "责任编辑：马某", "发布时间：2023-01-05 10:20"
_BYLINE = regex.compile(r"^(?:来源|作者|责任编辑|编辑|责编|发布时间|发布日期|时间|日期|浏览|浏览次数|点击|"
                        r"点击数|阅读|阅读数|访问量|字号|打印|关闭|分享到|扫一扫|上一篇|下一篇)\s?[:：]")
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


class HtmlError(Exception):
    pass


def _words(el) -> set[str]:
    words: set[str] = set()
    for name in ("class", "id"):
        value = el.get(name)
        if value:
            words.update(w for w in _WORD_SPLIT.split(value.lower()[:500]) if w)
    return words


def _is_chrome(el) -> bool:
    if el.tag in DROP_TAGS:
        return True
    if el.tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if (el.get("role") or "").lower() in CHROME_ROLES:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style[:1000]):
        return True
    return bool(_words(el) & CHROME_WORDS)


def _holds_article(el) -> bool:
    return el.tag in ("body", "html", "article", "main") or next(
        el.iter("article", "main"), None) is not None


def _text_len(el) -> tuple[int, int]:
    """(all text, link text) lengths of *el*, whitespace ignored; linear in its size."""
    total = sum(len("".join(t.split())) for t in el.itertext())
    links = sum(len("".join(t.split())) for a in el.iter("a") for t in a.itertext())
    return total, min(links, total)


def _drop(el) -> None:
    """Remove *el* but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _choose(root):
    articles = list(root.iter("article"))
    if articles:
        return max(articles, key=lambda a: _text_len(a)[0] - _text_len(a)[1])
    main = next(root.iter("main"), None)
    if main is not None:
        return main
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("role") or "").lower() == "main":
            return el
    scores: dict = {}
    for el in root.iter("p", "div", "td", "pre", "blockquote", "li"):
        if el.tag in ("div", "td", "li"):
            own = len("".join((el.text or "").split())) + sum(
                len("".join((c.tail or "").split())) for c in el)
            if own < 20:
                continue
        else:
            total, links = _text_len(el)
            own = total - links
            if own < 10:
                continue
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + own
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + own / 2
    body = next(root.iter("body"), root)
    if not scores:
        return body
    best = max(scores, key=lambda e: scores[e])
    return best


class _Out:
    """Lines being written; a pending boundary keeps two numbers from gluing together."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.boundary = False

    def add(self, text: str | None) -> None:
        if not text:
            return
        text = _SPACES.sub(" ", text)
        if not text:
            return
        if self.boundary and self.parts and text.strip():
            last = self.parts[-1].rstrip()
            first = text.lstrip()
            if last and first and last[-1] in "0123456789.,%" and first[0].isdigit():
                self.parts.append(" ")
        if text.strip():
            self.boundary = False
        self.parts.append(text)

    def mark(self) -> None:
        self.boundary = True

    def cell(self) -> None:
        if "".join(self.parts).strip():
            self.parts.append(" | ")
        self.boundary = False

    def end_line(self) -> None:
        line = _CJK_GAP.sub("", "".join(self.parts).strip())
        line = _SPACES.sub(" ", line).strip(" |")
        if line:
            self.lines.append(line)
        self.parts = []
        self.boundary = False


def _render(container) -> list[str]:
    from lxml import etree
    out = _Out()
    first_cell: list[bool] = []  # per open <tr>: is the next cell the row's first
    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK or tag == "br":
                out.end_line()
            if tag == "tr":
                first_cell.append(True)
            elif tag in ("td", "th"):
                if first_cell and not first_cell[-1]:
                    out.cell()
                if first_cell:
                    first_cell[-1] = False
            elif tag == "sup":
                out.add("^")
            elif tag == "sub":
                out.add("_")
            out.mark()
            if tag:
                out.add(el.text)
        else:
            if tag == "tr" and first_cell:
                first_cell.pop()
            if tag in BLOCK:
                out.end_line()
            out.mark()
            if el is not container:
                out.add(el.tail)
    out.end_line()
    return out.lines


def _clean(root) -> None:
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
        elif el.tag not in ("html", "body") and _is_chrome(el) and not _holds_article(el):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _drop_link_lists(container) -> None:
    doomed = []
    for el in container.iter("ul", "ol", "div", "section", "table", "dl", "p", "span"):
        if el is container:
            continue
        n_links = sum(1 for _ in el.iter("a"))
        if n_links >= 3:
            total, links = _text_len(el)
            if total and links * 2 > total:
                doomed.append(el)
                heading = el.getprevious()
                if heading is not None and _is_related_title(heading):
                    doomed.append(heading)
                continue
        if len(el) <= 3 and _is_related_title(el):
            doomed.append(el)
    for el in container.iter("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"):
        if _is_related_title(el):
            doomed.append(el)
    seen = set()
    for el in doomed:
        if id(el) not in seen:
            seen.add(id(el))
            _drop(el)


def _is_related_title(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    text = "".join("".join(el.itertext()).split()).lower()
    if len(text) > 20:
        return False
    return text.strip(":：>»›") in RELATED_TITLES


def extract(text: str) -> str:
    """The article text of an HTML page, one block per line (raises HtmlError)."""
    try:
        import lxml.html
        from lxml import etree
    except ImportError:
        raise HtmlError("reading HTML needs the html extra: pip install 'validator[html]'") from None
    # Ex) "增长\x1e12.5%": characters XML cannot hold make lxml raise when text is moved; a space
    text = _NOT_XML.sub(" ", text)
    # Ex) <?xml version="1.0" encoding="gb2312"?> — lxml refuses a declared encoding in a str
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        stripped = stripped[end + 2:] if end != -1 else stripped
    if not stripped.strip():
        raise HtmlError("empty HTML page")
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  recover=True, huge_tree=False, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(stripped, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        raise HtmlError(f"cannot parse HTML: {str(exc).splitlines()[0] if str(exc) else 'empty'}") from None
    _clean(root)
    container = _choose(root)
    _drop_link_lists(container)
    lines = [ln for ln in _render(container) if not (len(ln) <= 80 and _BYLINE.match(ln))]
    return "\n".join(lines) + ("\n" if lines else "")
