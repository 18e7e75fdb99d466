"""The command line through its real entry points: ``python -m validator`` in a subprocess, and
the installed ``validator`` console script when it is on PATH.

Each test runs in its own temporary folder (so no ``claims/`` or configuration file of the
repository applies) with files written there, and checks what a user or a CI job sees: exit
code, stdout, stderr.  Exit codes and the JSON shape are contracts (SPEC.md).
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import validator

ROOT = pathlib.Path(__file__).resolve().parents[1]

# Sentences written for these tests, in the style of a county work report.
BAD_ZH = "全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占66.8%。\n"
GOOD_ZH = "全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占68.2%。\n"
WARN_ZH = "围绕产业发展、人才引进、生态保护、文化传承等5个方面制定具体措施。\n"
BAD_EN = "Of the 1,090 villages, 743 (66.8%) reported collective income above 50,000 yuan.\n"

_ENTRY_POINTS = [pytest.param([sys.executable, "-m", "validator"], id="python-m")]
if shutil.which("validator"):
    _ENTRY_POINTS.append(pytest.param([shutil.which("validator")], id="console-script"))


@pytest.fixture(params=_ENTRY_POINTS)
def cli(request, tmp_path):
    """Run the CLI in *tmp_path*: ``cli("audit", "a.txt", input=...)`` → CompletedProcess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("GITHUB_STEP_SUMMARY", None)
    env["PYTHONIOENCODING"] = "utf-8"

    def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
        proc = subprocess.run([*request.param, *args], cwd=tmp_path, env=env, input=input,
                              capture_output=True, timeout=120)
        proc.out = proc.stdout.decode("utf-8")
        proc.err = proc.stderr.decode("utf-8")
        assert "Traceback" not in proc.err, proc.err
        return proc

    return run


@pytest.fixture
def files(tmp_path):
    """Write files into the working folder: ``files(a="text")``."""
    def write(**contents: str | bytes) -> None:
        for name, content in contents.items():
            path = tmp_path / f"{name}.txt"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return write


def _json(proc) -> dict:
    return json.loads(proc.out)


# -- exit codes ----------------------------------------------------------------------------

def test_consistent_report_exits_0(cli, files):
    files(good=GOOD_ZH)
    proc = cli("audit", "good.txt")
    assert proc.returncode == 0, proc.out + proc.err


def test_inconsistent_report_exits_1(cli, files):
    files(bad=BAD_ZH)
    proc = cli("audit", "bad.txt")
    assert proc.returncode == 1


@pytest.mark.parametrize("fail_on,bad_code,warn_code", [
    (None, 1, 0), ("error", 1, 0), ("warning", 1, 1), ("never", 0, 0),
])
def test_fail_on(cli, files, fail_on, bad_code, warn_code):
    files(bad=BAD_ZH, warn=WARN_ZH)
    extra = [] if fail_on is None else ["--fail-on", fail_on]
    assert cli("audit", "bad.txt", *extra).returncode == bad_code
    assert cli("audit", "warn.txt", *extra).returncode == warn_code


def test_missing_file_exits_2_and_the_others_are_still_reported(cli, files):
    files(good=GOOD_ZH)
    proc = cli("audit", "good.txt", "missing.txt", "--format", "json")
    assert proc.returncode == 2
    naming = [line for line in proc.err.splitlines() if "missing.txt" in line]
    assert len(naming) == 1 and naming[0].startswith("validator: error:"), proc.err
    doc = _json(proc)
    by_path = {f["path"]: f for f in doc["files"]}
    assert by_path["good.txt"]["status"] == "checked"
    assert by_path["missing.txt"]["status"] == "error"
    assert by_path["missing.txt"]["error"]
    assert doc["summary"]["files"] == 2 and doc["summary"]["checked"] == 1


def test_missing_file_quiet_is_one_line(cli):
    proc = cli("audit", "missing.txt", "--quiet")
    assert proc.returncode == 2
    assert proc.err.splitlines() == [proc.err.strip()] and "missing.txt" in proc.err


@pytest.mark.parametrize("content", [
    b"\xe5\x85\xa8\xe5\xb7\x9e\xff1090",     # a stray byte in UTF-8
    "全州1090个村".encode("utf-8")[:-1],       # cut in the middle of a character
], ids=["stray-byte", "truncated"])
def test_invalid_utf8_exits_2_with_one_line(cli, files, content):
    files(broken=content)
    proc = cli("audit", "broken.txt", "--quiet")
    assert proc.returncode == 2
    lines = proc.err.splitlines()
    assert len(lines) == 1 and "broken.txt" in lines[0] and "UTF-8" in lines[0], proc.err


def test_unknown_rule_exits_2(cli, files):
    files(good=GOOD_ZH)
    proc = cli("audit", "good.txt", "--select", "no-such-rule")
    assert proc.returncode == 2
    lines = proc.err.splitlines()
    assert len(lines) == 1 and "no-such-rule" in lines[0]


def test_unknown_option_exits_2(cli):
    proc = cli("audit", "--no-such-option", "x.txt")
    assert proc.returncode == 2


# -- input and output --------------------------------------------------------------------------

def test_stdin(cli):
    proc = cli("audit", "-", "--format", "json", input=BAD_ZH.encode("utf-8"))
    assert proc.returncode == 1
    doc = _json(proc)
    assert [f["path"] for f in doc["files"]] == ["<stdin>"]
    assert [x["rule"] for x in doc["files"][0]["findings"]] == ["percent-of-total"]


def test_json_shape(cli, files):
    files(bad=BAD_ZH)
    proc = cli("audit", "bad.txt", "--format", "json")
    doc = _json(proc)
    assert doc["version"] == 1
    assert doc["tool"] == "validator"
    assert doc["tool_version"] == validator.__version__
    (entry,) = doc["files"]
    assert entry["path"] == "bad.txt" and entry["status"] == "checked"
    assert {"path", "status", "findings", "checks"} <= set(entry)
    (finding,) = entry["findings"]
    assert {"rule", "severity", "message", "path", "line", "column", "end_line", "end_column",
            "excerpt", "stated", "expected", "evidence"} <= set(finding)
    assert finding["rule"] == "percent-of-total" and finding["severity"] == "error"
    assert finding["path"] == "bad.txt"
    assert (finding["stated"], finding["expected"]) == ("66.8%", "68.2%")
    assert finding["evidence"]["part"] == "743" and finding["evidence"]["total"] == "1090"
    line = BAD_ZH.splitlines()[0]
    assert finding["line"] == 1 and finding["column"] == line.index("66.8%") + 1
    assert finding["end_column"] == finding["column"] + len("66.8%")
    assert "66.8%" in finding["excerpt"]
    check = entry["checks"][0]
    assert {"rule", "line", "column", "status", "stated", "expected"} <= set(check)
    assert any(c["status"] == "failed" and c["rule"] == "percent-of-total" for c in entry["checks"])
    summary = doc["summary"]
    assert {"files", "checked", "errors", "warnings", "infos"} <= set(summary)
    assert (summary["files"], summary["checked"], summary["errors"], summary["warnings"]) == (1, 1, 1, 0)


def test_text_format(cli, files):
    files(bad=BAD_ZH)
    proc = cli("audit", "bad.txt")
    lines = proc.out.splitlines()
    col = BAD_ZH.index("66.8%") + 1
    head = [i for i, line in enumerate(lines) if line.startswith(f"bad.txt:1:{col}: ")]
    assert head, proc.out
    i = head[0]
    assert "error" in lines[i] and "[percent-of-total]" in lines[i] and "66.8%" in lines[i]
    excerpt, marks = lines[i + 1], lines[i + 2]
    assert "66.8%" in excerpt
    assert marks.strip() == "^" * len("66.8%")
    assert "1 error" in proc.out.splitlines()[-1]


def test_output_file(cli, files, tmp_path):
    files(bad=BAD_ZH)
    proc = cli("audit", "bad.txt", "--format", "json", "--output", "report.json", "--quiet")
    assert proc.returncode == 1
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert doc["summary"]["errors"] == 1


def test_english_error_is_caught_the_same_way(cli, files):
    files(bad_en=BAD_EN)
    proc = cli("audit", "bad_en.txt", "--format", "json")
    assert proc.returncode == 1
    (finding,) = _json(proc)["files"][0]["findings"]
    assert finding["rule"] == "percent-of-total"
    assert (finding["stated"], finding["expected"]) == ("66.8%", "68.2%")


def test_folder_is_walked(cli, files, tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(BAD_ZH, encoding="utf-8")
    (tmp_path / "reports" / "b.md").write_text(GOOD_ZH, encoding="utf-8")
    (tmp_path / "reports" / "notes.bin").write_bytes(b"\x00\x01")
    doc = _json(cli("audit", "reports", "--format", "json"))
    assert sorted(pathlib.PurePath(f["path"]).name for f in doc["files"]) == ["a.txt", "b.md"]


# -- other commands ------------------------------------------------------------------------------

def test_version(cli):
    proc = cli("--version")
    assert proc.returncode == 0
    assert proc.out.strip() == f"validator {validator.__version__}"


def test_rules(cli):
    proc = cli("rules")
    assert proc.returncode == 0
    ids = [line.split()[0] for line in proc.out.splitlines() if line.strip()]
    assert {"percent-of-total", "enumeration-count", "respectively"} <= set(ids)


def test_explain(cli):
    proc = cli("explain", "percent-of-total")
    assert proc.returncode == 0
    assert proc.out.startswith("percent-of-total (error)")
    assert "Example (fails):" in proc.out and "Use instead (passes):" in proc.out


def test_explain_unknown_rule_exits_2(cli):
    proc = cli("explain", "no-such-rule")
    assert proc.returncode == 2 and "no-such-rule" in proc.err


def test_extract_table(cli, files):
    files(bad=BAD_ZH)
    proc = cli("extract", "bad.txt")
    assert proc.returncode == 0
    rows = [line.split("\t") for line in proc.out.splitlines()]
    by_text = {r[1]: r for r in rows}
    assert by_text["743个"][2] == "count" and by_text["743个"][4] == "[743, 743]"
    assert by_text["66.8%"][2] == "percent" and by_text["66.8%"][4] == "[66.75, 66.85]"
    assert by_text["743个"][0] == f"bad.txt:1:{BAD_ZH.index('743') + 1}"


def test_extract_json(cli, files):
    files(bad=BAD_ZH)
    proc = cli("extract", "bad.txt", "--format", "json")
    rows = _json(proc)
    share = next(r for r in rows if r["text"] == "66.8%")
    assert (share["kind"], share["low"], share["high"]) == ("percent", "66.75", "66.85")
    assert share["line"] == 1 and share["column"] == BAD_ZH.index("66.8%") + 1
    assert {"path", "line", "column", "text", "kind", "unit", "low", "high", "qualifier"} <= set(share)


def test_extract_missing_file_exits_2(cli):
    proc = cli("extract", "missing.txt")
    assert proc.returncode == 2 and "missing.txt" in proc.err


@pytest.mark.parametrize("argv", [["rules"], ["--version"]])
def test_light_commands_do_not_import_pint(argv):
    code = ("import sys, validator.cli as c\n"
            f"try:\n    c.main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print('pint' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "False"
