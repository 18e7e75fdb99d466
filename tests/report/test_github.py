"""GitHub workflow commands: escaping, one annotation per finding, the job summary."""

from __future__ import annotations

from validator.report import github

from .conftest import ROOT, SEED, run_cli


def test_escaping():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_seed_commands(seed_results):
    lines = github.render(seed_results).splitlines()
    error = [x for x in lines if x.startswith("::error ")]
    warning = [x for x in lines if x.startswith("::warning ")]
    assert len(error) == 1 and len(warning) == 1
    props, _, message = error[0][len("::error "):].partition("::")
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert fields == {"file": SEED, "line": "37", "col": "176", "endLine": "37", "endColumn": "181",
                      "title": "validator percent-of-total"}
    assert "66.8%25" in message and "\n" not in message
    assert "line=15" in warning[0]
    assert lines[-1].startswith("validator: 1 file(s)")


def test_project_commands(project_results):
    out = github.render(project_results)
    assert "::error file=reports/broken.txt,title=validator load::" in out
    assert "52.4%25" in out and "37.9%25" in out and "27.6%25" not in out
    assert "::warning file=reports/suppressed.md" in out


def test_step_summary_lists_every_finding(project_results):
    md = github.step_summary(project_results)
    n = sum(len(r.findings) for r in project_results) + sum(1 for r in project_results if r.error)
    rows = [x for x in md.splitlines() if x.startswith("| reports/")]
    assert len(rows) == n
    assert "| File | Line | Column | Severity | Rule | Message |" in md


def test_cli_appends_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, out, err = run_cli(["audit", SEED, "--format", "github"], ROOT,
                             env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    assert out.count("::error ") >= 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## validator")
    assert "66.8%" in text and "percent-of-total" in text


def test_control_characters_are_dropped():
    assert github.escape_data("bell\x07 esc\x1b[0m") == "bell esc[0m"
    assert github.escape_property("a\x00b") == "ab"
