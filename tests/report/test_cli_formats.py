"""Every format through the command line, several at once, the text copy on the terminal,
the summary line on stderr and the progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

from validator.progress import Progress, summary_line

from .conftest import ROOT, SEED, run_cli


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_every_format_on_the_seed(fmt):
    code, out, err = run_cli(["audit", SEED, "--format", fmt], ROOT)
    assert code == 1, err
    assert "66.8%" in out
    code2, out2, _ = run_cli(["audit", SEED, "--format", fmt], ROOT)
    assert out2 == out, "deterministic"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_every_format_on_the_project(project, fmt):
    code, out, err = run_cli(["audit", "reports", "--format", fmt], project)
    assert code == 2, "an unreadable file is exit 2"
    assert "reports/broken.txt" in err
    for stated in ("52.4%", "37.9%", "64.2%"):
        assert stated in out
    assert str(project) not in out


def test_sarif_to_a_file_and_text_on_the_terminal(tmp_path):
    target = tmp_path / "out.sarif"
    code, out, err = run_cli(["audit", SEED, "--format", "sarif", "--output", str(target)], ROOT)
    assert code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert f"{SEED}:37:176: error [percent-of-total]" in out
    assert err.strip().splitlines()[-1].startswith("validator: 1 file, 1 checked")
    assert err.strip().endswith(" s)")


def test_several_formats_at_once(tmp_path):
    code, out, err = run_cli(["audit", SEED, "--format", "github",
                              "--format", f"sarif:{tmp_path / 'a.sarif'}",
                              "--format", f"junit:{tmp_path / 'a.xml'}",
                              "--format", f"html:{tmp_path / 'a.html'}"], ROOT)
    assert code == 1
    assert out.startswith("::")
    json.loads((tmp_path / "a.sarif").read_text(encoding="utf-8"))
    ET.parse(tmp_path / "a.xml")
    assert "<!DOCTYPE html>" in (tmp_path / "a.html").read_text(encoding="utf-8")


def test_quiet_writes_only_the_file(tmp_path):
    target = tmp_path / "out.json"
    code, out, err = run_cli(["audit", SEED, "--format", "json", "--output", str(target), "--quiet"], ROOT)
    assert code == 1 and out == "" and err == ""


def test_text_on_stdout_has_no_time_and_no_stderr_line():
    code, out, err = run_cli(["audit", SEED], ROOT)
    assert code == 1 and err == ""
    assert out.splitlines()[-1].startswith("1 file(s), 1 checked")


def test_bad_format_is_a_usage_error():
    code, out, err = run_cli(["audit", SEED, "--format", "pdf"], ROOT)
    assert code == 2 and "pdf" in err and out == ""
    code, out, err = run_cli(["audit", SEED, "--format", "json", "--format", "sarif"], ROOT)
    assert code == 2 and "FORMAT:FILE" in err


def test_summary_line(project_results):
    line = summary_line(project_results, 1.234)
    assert line.startswith("validator: 4 files, 3 checked, 1 unreadable, ")
    assert "error" in line and line.endswith("(1.23 s)")
    assert "(" not in summary_line(project_results)


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    piped = io.StringIO()
    assert list(Progress(3, piped).track([1, 2, 3])) == [1, 2, 3]
    assert piped.getvalue() == ""
    tty = _Tty()
    list(Progress(3, tty).track(["a", "b", "c"], label=str))
    assert "3/3" in tty.getvalue() and tty.getvalue().endswith("\r\x1b[K")
    monkeypatch.setenv("CI", "true")
    ci = _Tty()
    list(Progress(3, ci).track([1, 2, 3]))
    assert ci.getvalue() == ""


def test_no_progress_bar_when_piped(project):
    _, _, err = run_cli(["audit", "reports", "--format", "json"], project)
    assert "\r" not in err and "[#" not in err


def test_the_command_line_and_the_config_know_the_same_formats():
    from validator import cli, config
    assert cli.FORMATS == config.FORMATS
