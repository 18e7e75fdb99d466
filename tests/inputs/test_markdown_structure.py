"""Rules that read the loader's structure: Markdown lists (Document.blocks) and page chrome
(Document.is_boilerplate), through real files loaded by validator.load.load.

Sentences written for these tests (figures invented), in the phrasing of government work
reports, annual reports and local news.
"""

from __future__ import annotations

from validator.load import load
from validator.rules import BY_ID
from validator.runner import audit_document


def _audit(tmp_path, name: str, text: str, rule: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    result = audit_document(doc, [BY_ID[rule]])
    findings = [f for f in result.findings if f.rule == rule]
    checks = [c for c in result.checks if c.rule == rule]
    return doc, findings, checks


# -- enumeration-count: a count ending a line with a colon, then a Markdown list ----------------

ZH_LIST = """# 2024年县政府工作报告

今年重点抓好{count}工作：

- 稳住农业生产基本盘
- 深化农村集体产权制度改革
- 持续改善农村人居环境

## 主要预期目标

全年完成固定资产投资152.3亿元。
"""

EN_LIST = """# Annual Report 2023

The board has set {count} priorities:

1. Expand the regional distribution network
2. Reduce unit costs in manufacturing

Revenue rose 6.2% to $1.84 billion.
"""


def test_zh_markdown_list_shorter_than_its_count(tmp_path):
    doc, findings, _ = _audit(tmp_path, "report.md", ZH_LIST.format(count="四项"), "enumeration-count")
    assert doc.format == "markdown"
    assert [(doc.position(f.start)[0], f.severity, f.stated, f.expected) for f in findings] == \
        [(3, "error", "四项", "3")]


def test_zh_markdown_list_equal_to_its_count(tmp_path):
    doc, findings, checks = _audit(tmp_path, "report.md", ZH_LIST.format(count="三项"), "enumeration-count")
    assert findings == []
    assert [(doc.position(c.start)[0], c.status, c.expected) for c in checks] == [(3, "passed", "3")]


def test_en_markdown_list_shorter_than_its_count(tmp_path):
    doc, findings, _ = _audit(tmp_path, "annual.md", EN_LIST.format(count="three"), "enumeration-count")
    assert [(doc.position(f.start)[0], f.severity, f.stated, f.expected) for f in findings] == \
        [(3, "error", "three", "2")]


def test_en_markdown_list_equal_to_its_count(tmp_path):
    doc, findings, checks = _audit(tmp_path, "annual.md", EN_LIST.format(count="two"), "enumeration-count")
    assert findings == []
    assert [(doc.position(c.start)[0], c.status) for c in checks] == [(3, "passed")]


def test_nested_items_belong_to_their_parent(tmp_path):
    text = ("重点推进三项工程：\n\n- 城市更新\n  - 老旧小区改造\n  - 背街小巷整治\n"
            "- 乡村建设\n- 数字政府\n")
    _, findings, checks = _audit(tmp_path, "plan.md", text, "enumeration-count")
    assert findings == [] and [c.status for c in checks] == ["passed"]


def test_items_with_counts_of_their_own_are_parts_not_an_enumeration(tmp_path):
    text = "全县新建学校3所：\n\n- 小学2所\n- 中学1所\n"
    _, findings, _ = _audit(tmp_path, "schools.md", text, "enumeration-count")
    assert findings == []


def test_a_paragraph_between_items_leaves_the_list_unclear(tmp_path):
    text = ("今年重点抓好四项工作：\n\n1. 稳住农业生产基本盘\n2. 深化农村改革\n\n"
            "以上两项由县农业农村局牵头。\n\n3. 改善农村人居环境\n")
    _, findings, _ = _audit(tmp_path, "work.md", text, "enumeration-count")
    assert findings == []


def test_the_same_list_in_plain_text_is_not_read_as_markdown(tmp_path):
    _, findings, _ = _audit(tmp_path, "report.txt", ZH_LIST.format(count="四项"), "enumeration-count")
    assert findings == []


# -- repeated-quantity: a page title repeated as chrome is one statement -----------------------

TITLE = "全省建成村级综合服务站{n}个 实现行政村全覆盖"
PAGE = """{title}
　　据了解，全省建成村级综合服务站{body}个，实现行政村全覆盖，基层治理水平持续提升。
{title}
　　各地统筹推进站点建设，服务事项不断丰富，群众办事更加便捷。
{title}
　　下一步，将继续巩固提升建设成效。
"""


def test_repeated_chrome_title_with_a_consistent_body_is_not_a_finding(tmp_path):
    text = PAGE.format(title=TITLE.format(n=1090), body=1090)
    doc, findings, checks = _audit(tmp_path, "news.txt", text, "repeated-quantity")
    assert doc.boilerplate == {1, 3, 5}
    assert findings == []
    # the body meets the title once; the title's copies are never paired with each other
    assert [(doc.position(c.start)[0], c.status) for c in checks] == [(2, "passed")]


def test_chrome_title_against_a_different_body_figure_is_reported_once(tmp_path):
    text = PAGE.format(title=TITLE.format(n=1090), body=1009)
    doc, findings, _ = _audit(tmp_path, "news.txt", text, "repeated-quantity")
    assert [(doc.position(f.start)[0], f.stated, f.expected) for f in findings] == [(2, "1009个", "1090个")]


def test_chrome_title_with_a_different_figure_than_the_body_is_reported_once(tmp_path):
    text = PAGE.format(title=TITLE.format(n=1009), body=1090)
    doc, findings, _ = _audit(tmp_path, "news.txt", text, "repeated-quantity")
    assert len(findings) == 1
    assert {findings[0].stated, findings[0].expected} == {"1009个", "1090个"}
