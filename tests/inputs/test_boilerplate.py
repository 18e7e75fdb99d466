"""Scraped noise: repeated page titles and running footers are recorded in Document.boilerplate."""

from __future__ import annotations

from validator.load import load
from validator.load.boilerplate import repeated_lines

TITLE = "全县农业农村工作综述"


def _lines(found, text):
    rows = text.split("\n")
    return sorted(rows[i - 1] for i in found)


def test_repeated_title_is_boilerplate():
    text = f"{TITLE}\n粮食总产量35.6万吨。\n{TITLE}\n油料产量2.1万吨。\n"
    assert repeated_lines(text) == {1, 3}


def test_running_footer_with_page_numbers_is_boilerplate():
    text = "".join(f"第{i}段正文，增长{i}.5%。\n某某县统计局 第 {i} 页 共 12 页\n" for i in range(1, 5))
    found = repeated_lines(text)
    assert _lines(found, text) == sorted(f"某某县统计局 第 {i} 页 共 12 页" for i in range(1, 5))


def test_a_sentence_said_twice_is_not_chrome():
    line = "全年粮食总产量35.6万吨，比上年增长2.1%。"
    assert repeated_lines(f"{line}\n其他内容。\n{line}\n") == frozenset()
    assert repeated_lines(f"{line}\n{line}\n{line}\n") == {1, 2, 3}


def test_table_rows_that_differ_only_in_numbers_are_not_chrome():
    text = "".join(f"{2019 + i}年 | {700 + i} | {60 + i}.5%\n" for i in range(5))
    assert repeated_lines(text) == frozenset()


def test_short_lines_and_blank_lines_are_never_chrome():
    assert repeated_lines("一、\n\n一、\n\n一、\n") == frozenset()


def test_loader_sets_boilerplate_and_offsets_resolve(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(f"{TITLE}\n粮食总产量35.6万吨。\n{TITLE}\n", encoding="utf-8")
    doc = load(str(p))
    assert doc.boilerplate == {1, 3}
    assert doc.is_boilerplate(0) and not doc.is_boilerplate(doc.text.index("35.6"))
