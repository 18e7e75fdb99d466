"""Markdown: text kept verbatim (exact line and column), structure recorded in Document.blocks."""

from __future__ import annotations

from validator.load import load
from validator.load.markdown import blocks

MD = """# 2023年工作回顾

全年重点做了以下4项工作：

- 新建学校12所
- 改造农村公路38公里
  - 其中县道15公里
1. 新增就业1.2万人
2) 完成投资3.6亿元

| 指标 | 2022年 | 2023年 |
|---|:---:|---|
| 产值(亿元) | 103.8 | 92.3 |

```
- 这不是列表 12
```
-3.5%的降幅不是列表项。
"""


def _kinds(text):
    return [(k, text[s:e], lvl) for k, s, e, lvl in blocks(text)]


def test_blocks():
    got = _kinds(MD)
    assert got == [
        ("heading", "# 2023年工作回顾", 1),
        ("item", "- 新建学校12所", 0),
        ("item", "- 改造农村公路38公里", 0),
        ("item", "  - 其中县道15公里", 1),
        ("item", "1. 新增就业1.2万人", 0),
        ("item", "2) 完成投资3.6亿元", 0),
        ("row", "| 指标 | 2022年 | 2023年 |", 0),
        ("row", "| 产值(亿元) | 103.8 | 92.3 |", 0),
        ("code", "```\n- 这不是列表 12\n```", 0),
    ]


def test_markdown_document_is_verbatim_with_blocks(tmp_path):
    p = tmp_path / "review.md"
    p.write_text(MD, encoding="utf-8")
    doc = load(str(p))
    assert doc.text == MD and doc.format == "markdown"
    line, col = doc.position(doc.text.index("103.8"))
    assert (line, col) == (13, 12)  # the file's own line and column
    assert [b[0] for b in doc.blocks].count("item") == 5


def test_unclosed_fence_and_odd_headings():
    assert _kinds("#标签不是标题\n####### 七级也不是\n```\n未闭合") == [("code", "```\n未闭合", 0)]


def test_text_files_have_no_blocks(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("- 新建学校12所\n", encoding="utf-8")
    assert load(str(p)).blocks == ()
