"""Archive audits through the command line: --jobs, streaming, progress, --skip-unchanged.

The reports are written here, modelled on county statistical communiqués; the checks are about
order, flushing and what is read, never about timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.model import Check, PackedChecks

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds"

GOOD = "全县共有行政村236个，其中通硬化路的村212个、占89.8%。\n"
BAD = "全县共有行政村236个，其中通硬化路的村212个、占86.4%。\n"


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("CI", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def _run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "validator", "audit", *args], cwd=cwd, env=_env(),
                          input=stdin, capture_output=True, text=True, timeout=300)


def _archive(tmp_path: Path, n: int = 12) -> Path:
    folder = tmp_path / "reports"
    for i in range(n):
        sub = folder / f"{i // 5:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"r{i:03d}.txt").write_text(f"（{i}）\n" + (BAD if i % 3 == 0 else GOOD), encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl", "github", "sarif"])
def test_jobs_output_identical_to_one_process(tmp_path, fmt):
    folder = _archive(tmp_path)
    one = _run(str(folder), str(SEED), "--format", fmt, "--jobs", "1", cwd=tmp_path)
    many = _run(str(folder), str(SEED), "--format", fmt, "--jobs", "3", cwd=tmp_path)
    default = _run(str(folder), str(SEED), "--format", fmt, cwd=tmp_path)  # all cores
    assert one.returncode == many.returncode == default.returncode == 1
    assert one.stdout == many.stdout == default.stdout
    assert one.stdout


def test_jobs_keeps_input_order(tmp_path):
    folder = _archive(tmp_path)
    out = _run(str(folder), "--format", "jsonl", "--jobs", "4", cwd=tmp_path)
    files = [json.loads(x)["path"] for x in out.stdout.splitlines() if '"type": "file"' in x]
    assert files == sorted(files) and len(files) == 12


def test_jobs_rejects_negative(tmp_path):
    r = _run(str(SEED), "--jobs", "-1", cwd=tmp_path)
    assert r.returncode == 2 and "--jobs" in r.stderr


def test_streamed_formats_equal_the_whole_document(tmp_path):
    """Streaming writes file by file the same bytes the format writes at once (to a file)."""
    folder = _archive(tmp_path)
    for fmt in ("text", "github", "jsonl"):
        streamed = _run(str(folder), "--format", fmt, cwd=tmp_path)
        _run(str(folder), "--format", f"{fmt}:{tmp_path / ('whole.' + fmt)}", "--quiet", cwd=tmp_path)
        assert streamed.stdout == (tmp_path / ("whole." + fmt)).read_text(encoding="utf-8")


def test_jsonl_lines(tmp_path):
    folder = _archive(tmp_path, 3)
    out = _run(str(folder), "--format", "jsonl", cwd=tmp_path)
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["type"] for x in lines] == ["finding", "file", "file", "file", "summary"]
    assert lines[0]["rule"] == "percent-of-total" and lines[0]["stated"] == "86.4%"
    assert lines[-1]["errors"] == 1 and lines[-1]["files"] == 3


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["jsonl", "text", "github"])
def test_first_results_are_written_before_the_last_input_is_read(tmp_path, jobs, fmt):
    """The last input is standard input, kept open: the first file's lines must already be out."""
    first = tmp_path / "first.txt"
    first.write_text(BAD, encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text(GOOD, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "validator", "audit", str(first), str(second), "-",
                          "--format", fmt, "--jobs", jobs], cwd=tmp_path, env=_env(),
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()  # blocks until the first file's first line is flushed
        assert "first.txt" in line and "86.4%" in line
        assert p.poll() is None  # still waiting for the last input
        p.stdin.write(GOOD)
        p.stdin.close()
        rest = p.stdout.read()
        assert p.wait(timeout=120) == 1
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert ("<stdin>" in rest) == (fmt == "jsonl")  # jsonl writes a record for every file
    if fmt == "jsonl":
        assert rest.index("second.txt") < rest.index("<stdin>")


def test_no_progress_bar_when_piped(tmp_path):
    folder = _archive(tmp_path)
    r = _run(str(folder), "--format", "jsonl", cwd=tmp_path)
    assert "\r" not in r.stderr and "[#" not in r.stderr and "\x1b" not in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path):
    import pty
    folder = _archive(tmp_path)
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen([sys.executable, "-m", "validator", "audit", str(folder), "--format", "json",
                              "--output", str(tmp_path / "out.json")], cwd=tmp_path, env=_env(),
                             stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        p.wait(timeout=120)
    finally:
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "validator 12/12 [" in text and "\r" in text


def _set_old_mtime(folder: Path) -> None:
    for p in folder.rglob("*.txt"):
        os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def test_skip_unchanged_reads_only_what_changed(tmp_path):
    folder = _archive(tmp_path)
    _set_old_mtime(folder)
    cache = tmp_path / "cache"
    first = _run(str(folder), "--format", "json", "--skip-unchanged", "--cache-dir", str(cache), cwd=tmp_path)
    assert "0 unchanged file(s) not read, 12 audited and stored" in first.stderr
    assert (cache / "index.json").is_file()
    # An unchanged file is not opened: give one new bytes behind the same size and mtime — the
    # stored result comes back (the cache trusts size and mtime, as git does) …
    sneaky = folder / "00" / "r001.txt"
    text = sneaky.read_text(encoding="utf-8")
    sneaky.write_text(text.replace("89.8%", "89.9%"), encoding="utf-8")
    _set_old_mtime(folder)
    # … and make another really change
    changed = folder / "01" / "r005.txt"
    changed.write_text("（5）\n" + BAD, encoding="utf-8")
    second = _run(str(folder), "--format", "json", "--skip-unchanged", "--cache-dir", str(cache), cwd=tmp_path)
    assert "11 unchanged file(s) not read, 1 audited and stored" in second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert a["files"][1] == b["files"][1]  # the stale copy was not read
    assert b["summary"]["errors"] == a["summary"]["errors"] + 1  # the real change was
    fresh = _run(str(folder), "--format", "json", cwd=tmp_path)
    assert json.loads(fresh.stdout)["files"][5] == b["files"][5]


def test_skip_unchanged_output_identical_and_keyed_by_rules(tmp_path):
    folder = _archive(tmp_path)
    _set_old_mtime(folder)
    cache = tmp_path / "cache"
    plain = _run(str(folder), str(SEED), "--format", "json", cwd=tmp_path)
    once = _run(str(folder), str(SEED), "--format", "json", "--skip-unchanged", "--cache-dir", str(cache),
                cwd=tmp_path)
    twice = _run(str(folder), str(SEED), "--format", "json", "--skip-unchanged", "--cache-dir", str(cache),
                 cwd=tmp_path)
    assert plain.stdout == once.stdout == twice.stdout
    other = _run(str(folder), "--format", "json", "--skip-unchanged", "--cache-dir", str(cache),
                 "--select", "percent-of-total", cwd=tmp_path)
    assert "0 unchanged file(s) not read" in other.stderr  # another rule selection, another key


def test_skip_unchanged_default_cache_dir(tmp_path):
    folder = _archive(tmp_path, 2)
    _set_old_mtime(folder)
    r = _run(str(folder), "--skip-unchanged", cwd=tmp_path)
    assert r.returncode == 1
    assert (tmp_path / ".validator-cache" / "index.json").is_file()


def test_skip_unchanged_keyed_by_load_options(tmp_path):
    folder = _archive(tmp_path, 2)
    _set_old_mtime(folder)
    cache = tmp_path / "cache"
    _run(str(folder), "--skip-unchanged", "--cache-dir", str(cache), cwd=tmp_path)
    again = _run(str(folder), "--skip-unchanged", "--cache-dir", str(cache), "--max-size", "10M", cwd=tmp_path)
    assert "0 unchanged file(s) not read, 2 audited and stored" in again.stderr


# -- one very large file: audited piece by piece ---------------------------------------------------

def _paragraphs(n: int) -> str:
    out = []
    for i in range(n):
        line = BAD if i % 7 == 3 else GOOD
        out.append(f"第{i + 1}部分\n{line}\n")
    return "".join(out)


def test_pieces_cover_the_text_and_cut_at_paragraph_breaks():
    from validator.runner import pieces
    text = _paragraphs(400)
    cuts = pieces(text, 2000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(cuts, cuts[1:]))
    assert all(text[b - 2:b] == "\n\n" for _, b in cuts[:-1])
    assert all(b - a <= 2000 for a, b in cuts[:-1]) and len(cuts) > 5
    # one enormous line is still cut, at the size
    assert pieces("数" * 5000, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]


def test_large_document_in_pieces_gives_the_findings_of_the_whole(monkeypatch):
    """Paragraph-local findings are the same, at the same offsets, whether the document is audited
    whole or in pieces; each wrong share is reported once."""
    from validator import runner
    from validator.model import Document
    from validator.rules import RULES
    text = _paragraphs(300)
    doc = Document.from_text("big.txt", text)
    whole = runner.audit_document(doc, RULES)
    monkeypatch.setattr(runner, "PIECE_CHARS", 1500)
    pieced = runner.audit_document(doc, RULES)
    key = lambda f: (f.rule, f.severity, f.start, f.end, f.stated, f.expected)  # noqa: E731
    assert [key(f) for f in pieced.findings if f.rule == "percent-of-total"] == \
        [key(f) for f in whole.findings if f.rule == "percent-of-total"]
    bad = [f for f in pieced.findings if f.rule == "percent-of-total"]
    assert len(bad) == len([i for i in range(300) if i % 7 == 3])
    assert all(text[f.start:f.end] == "86.4%" for f in bad)
    assert {doc.position(f.start)[0] for f in bad} == {3 * i + 2 for i in range(300) if i % 7 == 3}


def test_pieces_audited_in_parallel_give_the_result_of_one_process(monkeypatch):
    """With jobs > 1 the pieces of one large document go to forked workers; every finding and
    check, in order, is the same as with one process (and the wrong shares are all there)."""
    from validator import runner
    from validator.model import Document
    from validator.rules import RULES
    text = _paragraphs(120)
    doc = Document.from_text("big.txt", text)
    monkeypatch.setattr(runner, "PIECE_CHARS", 1500)
    one = runner.audit_document(doc, RULES, jobs=1)
    two = runner.audit_document(doc, RULES, jobs=2)
    assert len(runner.pieces(text, 1500)) >= 4
    assert two.findings == one.findings and two.checks == one.checks
    assert len([f for f in two.findings if f.rule == "percent-of-total"]) == \
        len([i for i in range(120) if i % 7 == 3])


_checks = st.lists(st.builds(
    Check, rule=st.sampled_from(["percent-of-total", "respectively", "sum-of-parts"]),
    start=st.integers(0, 10**9), end=st.integers(0, 10**9), status=st.sampled_from(["passed", "failed"]),
    stated=st.text(max_size=12), expected=st.text(max_size=12), message=st.text(max_size=40)), max_size=30)


@given(st.lists(_checks, max_size=5))
def test_packed_checks_give_back_the_checks_in_order(groups):
    """Packed piece by piece, the checks come back equal, in order, by iteration, index and slice,
    and survive pickling (results cross process boundaries)."""
    import pickle
    packed = PackedChecks([PackedChecks.pack(g) for g in groups], [len(g) for g in groups])
    flat = tuple(c for g in groups for c in g)
    assert len(packed) == len(flat) and tuple(packed) == flat and packed == flat
    assert all(packed[i] == flat[i] for i in range(-len(flat), len(flat)))
    assert packed[1:4] == flat[1:4]
    assert pickle.loads(pickle.dumps(packed)) == packed
    with pytest.raises(IndexError):
        packed[len(flat)]


def test_a_document_in_pieces_keeps_its_checks_packed(monkeypatch):
    """Only a document audited in pieces gets packed checks; they equal the checks the same
    pieces give unpacked, and a reporter reads them like a tuple."""
    from validator import runner
    from validator.model import Document
    from validator.report.text_format import render
    from validator.rules import RULES
    doc = Document.from_text("big.txt", _paragraphs(120))
    monkeypatch.setattr(runner, "PIECE_CHARS", 1500)
    pieced = runner.audit_document(doc, RULES)
    assert isinstance(pieced.checks, PackedChecks)
    expected = []
    for a, b in runner.pieces(doc.text, 1500):
        found, checked = [], []
        runner._run_rules(runner.Context.of(runner._piece(doc, a, b)), RULES, found, checked, shift=a)
        expected += runner._in_order(checked)
    assert tuple(pieced.checks) == tuple(expected) and len(expected) > 60
    assert f"{len(expected)} relation(s) checked" in render([pieced])
    small = runner.audit_document(Document.from_text("small.txt", GOOD), RULES)
    assert isinstance(small.checks, tuple)
