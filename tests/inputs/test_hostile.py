"""Hostile input: every case is either audited or refused with exit code 2 and a one-line reason,
within a few seconds and a few hundred MB (limits: validator/load/limits.py).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time

import pytest

from validator.load import LoadError, discover, load
from validator.rules import RULES
from validator.runner import audit_document

from . import builders
from .conftest import ROOT, assert_one_line_error, run_cli

GOOD = "全县共有行政村200个，其中通硬化路的村150个、占80.0%。\n"


def _refused(path, *words) -> str:
    started = time.monotonic()
    result = load(str(path))
    assert time.monotonic() - started < 5
    assert isinstance(result, LoadError), result
    assert "\n" not in result.message
    for w in words:
        assert w in result.message, (w, result.message)
    return result.message


def _audited(path, seconds: float = 5) -> None:
    started = time.monotonic()
    doc = load(str(path))
    assert not isinstance(doc, LoadError), doc
    audit_document(doc, RULES)
    assert time.monotonic() - started < seconds


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 64)
    assert_one_line_error(run_cli("audit", str(p)), "image.txt", "binary")


def test_nul_bytes_are_refused(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(GOOD.encode() + b"\x00\x00" + GOOD.encode())
    _refused(p, "NUL")


def test_one_gigabyte_sparse_file_is_refused_unread(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(1 << 30)  # sparse: takes no disk space, and must not be read
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(p, "1,024 MiB", "64 MiB limit", "--max-size")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # KiB
    assert_one_line_error(run_cli("audit", str(p)), "huge.txt", "larger than")


def test_max_size_option(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(GOOD * 100, encoding="utf-8")
    assert_one_line_error(run_cli("audit", str(p), "--max-size", "1k"), "larger than the 1,024 bytes limit")
    assert_one_line_error(run_cli("audit", str(p), "--max-size", "lots"), "--max-size", "not a size")


def test_max_size_also_raises_the_character_limit(tmp_path):
    """9 million characters (27 MB of UTF-8) pass the 64 MiB size limit but not the 8,000,000-character
    one; --max-size 30M lets the text run to that many characters too."""
    p = tmp_path / "long.txt"
    p.write_text("本年度工作报告正文。\n" * 818_182, encoding="utf-8")
    assert_one_line_error(run_cli("audit", str(p)), "long.txt", "8,000,000-character limit")
    done = run_cli("audit", str(p), "--max-size", "30M")
    assert done.returncode == 0, done.stderr


def test_hundred_thousand_digit_number_is_audited(tmp_path):
    p = tmp_path / "digits.txt"
    p.write_text("全市共有企业" + "7" * 100_000 + "家，其中规模以上企业150家。\n" + GOOD, encoding="utf-8")
    _audited(p)


def test_hundred_thousand_item_list_on_one_line_is_refused(tmp_path):
    p = tmp_path / "list.txt"
    p.write_text("包括" + "、".join(f"项目{i}" for i in range(100_000)) + "等5项。\n", encoding="utf-8")
    _refused(p, "line 1", "200,000-character line limit")


def test_hundred_thousand_item_list_in_lines_is_audited(tmp_path):
    p = tmp_path / "list.md"
    p.write_text("# 卫生机构名录\n" + "- 乡镇卫生院\n" * 100_000, encoding="utf-8")
    _audited(p, seconds=10)


def test_single_five_megabyte_line_is_refused(tmp_path):
    p = tmp_path / "line.txt"
    unit = "全年完成投资3.6亿元，增长12.5%，其中农村743个、占66.8%。"
    p.write_text(unit * (5 * 1024 * 1024 // len(unit.encode())), encoding="utf-8")
    _refused(p, "line 1", "line limit")


def test_folder_with_symlink_loop_unreadable_file_and_fifo(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("loop.txt", root / "loop.txt")          # a link to itself
    os.symlink(".", root / "again")                    # a folder loop: never followed
    os.mkfifo(root / "pipe.txt")                       # opening it would wait for a writer
    started = time.monotonic()
    proc = run_cli("audit", str(root), "--format", "json", "--quiet", timeout=30)
    assert time.monotonic() - started < 20
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    import json
    files = {os.path.basename(f["path"]): f for f in json.loads(proc.stdout)["files"]}
    assert files["good.txt"]["status"] == "checked"
    assert "symbolic links" in files["loop.txt"]["error"]
    assert "FIFO" in files["pipe.txt"]["error"]
    assert sum(1 for f in files if f == "good.txt") == 1


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    """Simulated: the suite runs as root in CI, and root reads a file whatever its mode."""
    import builtins
    real_open = builtins.open
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")

    def deny(file, *a, **k):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *a, **k)
    monkeypatch.setattr(builtins, "open", deny)
    assert load(str(p)).message == "cannot read: Permission denied"


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    closed = tmp_path / "closed"
    closed.mkdir()
    real_scandir = os.scandir

    def deny(path="."):
        if str(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", deny)
    assert load(str(closed)).message == "cannot read folder: Permission denied"


def test_discover_reports_unreadable_subfolder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        if onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(tmp_path / "closed")))
        yield from real_walk(top, onerror=onerror, **kw)
    monkeypatch.setattr(os, "walk", walk)
    assert list(discover([str(tmp_path)])) == [str(tmp_path / "a.txt"), str(tmp_path / "closed")]


def test_fifo_named_directly_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _refused(fifo, "FIFO")


def test_docx_zip_bomb_is_refused(tmp_path):
    p = tmp_path / "bomb.docx"
    p.write_bytes(builders.zip_bomb_docx(100))
    _refused(p, "zip bomb")


def test_docx_zip_bomb_with_lying_sizes_is_refused(tmp_path):
    p = tmp_path / "liar.docx"
    p.write_bytes(builders.lying_zip_bomb_docx(100))
    _refused(p)


def test_docx_zip_bomb_is_cut_off_while_inflating(tmp_path):
    """The declared size is not trusted: the part is counted while it inflates."""
    from dataclasses import replace

    from validator.load.docx import _read_part
    from validator.load.limits import DEFAULT, LimitError
    import io
    import zipfile
    data = builders.zip_bomb_docx(20)
    small = replace(DEFAULT, max_part_bytes=4 * 1024 * 1024)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
        with pytest.raises(LimitError, match="unpacks to 20.0 MiB, over the 4 MiB part limit"):
            _read_part(zf, info, small)
        info.file_size = 1024  # lie about it, as a crafted archive would: zipfile stops there
        with pytest.raises(zipfile.BadZipFile, match="CRC"):
            _read_part(zf, info, small)


@pytest.mark.parametrize("xml", [builders.ENTITY_BOMB, builders.XXE])
def test_docx_xml_entity_bomb_and_external_entity_are_refused(tmp_path, xml):
    p = tmp_path / "entities.docx"
    p.write_bytes(builders.docx_with_document_xml(xml))
    _refused(p, "DTD")


def test_docx_too_many_members(tmp_path):
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(5_001):
            zf.writestr(f"m/{i}", b"")
    p = tmp_path / "many.docx"
    p.write_bytes(buf.getvalue())
    _refused(p, "5,001 entries")


def test_pdf_decompression_bomb_is_refused(tmp_path):
    p = tmp_path / "bomb.pdf"
    p.write_bytes(builders.pdf_bomb(100))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(p, "decompression bomb")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 400 * 1024  # KiB


def test_html_with_huge_single_paragraph_is_refused(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<p>" + "增长12.5%，" * 200_000 + "</p>", encoding="utf-8")
    _refused(p, "line limit")


def test_empty_and_whitespace_files_are_audited(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.md", b"\n\n  \n")):
        p = tmp_path / name
        p.write_bytes(data)
        _audited(p)


def test_nul_in_path_is_an_error():
    assert "cannot read" in load("bad\x00name.txt").message


def test_stdin_binary_is_refused():
    proc = run_cli("audit", "-", stdin=b"\x00\x01\x02binary")
    assert_one_line_error(proc, "<stdin>", "NUL")
