"""The pre-commit hook (through ``pre-commit try-repo``) and the GitHub Action's command line
(run as the Action runs it, through the same entry point).

``pre-commit`` comes with the test extra; without it, or without git, the hook test is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, write_project

yaml = pytest.importorskip("yaml")


def test_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "validator" and hook["language"] == "python"
    assert hook["entry"] == "validator audit"
    import re
    assert re.search(hook["files"], "reports/a.md") and not re.search(hook["files"], "a.py")


def _git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_pre_commit_try_repo(tmp_path):
    pytest.importorskip("pre_commit")
    # a copy of this project as the hook repository (committed, as pre-commit needs)
    hook_repo = tmp_path / "hook-repo"
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "build", "corpus", "benchmarks"))
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-q", "-m", "snapshot", cwd=hook_repo)
    # a repository of reports that uses the hook
    work = tmp_path / "work"
    write_project(work)
    (work / "reports" / "broken.txt").unlink()
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    env.pop("GITHUB_STEP_SUMMARY", None)
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "validator", "--files"]
    bad = subprocess.run(cmd + ["reports/en.txt"], cwd=work, env=env, capture_output=True, text=True,
                         timeout=600)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reports/en.txt:3:" in bad.stdout and "percent-of-total" in bad.stdout
    (work / "reports" / "good.md").write_text("全市共有规模以上工业企业1250家，其中高新技术企业436家、占34.9%。\n",
                                              encoding="utf-8")
    _git("add", "-A", cwd=work)
    good = subprocess.run(cmd + ["reports/good.md"], cwd=work, env=env, capture_output=True, text=True,
                          timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr


def _action_step(name: str) -> dict:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return next(s for s in action["runs"]["steps"] if s.get("name") == name)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
def test_action_audit_step(tmp_path):
    step = _action_step("Audit")
    assert step["shell"] == "bash" and "${{" not in step["run"], "inputs only through env"
    work = write_project(tmp_path / "work")
    (work / "reports" / "broken.txt").unlink()
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "python").symlink_to(sys.executable)
    outputs, summary = tmp_path / "outputs", tmp_path / "summary.md"
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=str(ROOT), GITHUB_OUTPUT=str(outputs), GITHUB_STEP_SUMMARY=str(summary),
               VALIDATOR_PATHS="reports/en.txt reports/zh.md", VALIDATOR_FAIL_ON="error",
               VALIDATOR_SARIF="validator.sarif", VALIDATOR_ARGS="--select percent-of-total")
    p = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr  # the step records the code; a later step fails the job
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=1"
    assert "::error file=reports/en.txt,line=3," in p.stdout
    sarif = json.loads((work / "validator.sarif").read_text(encoding="utf-8"))
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "percent-of-total" in rules and rules <= {"percent-of-total", "claim"}
    assert "52.4%" in summary.read_text(encoding="utf-8")
    # a clean report: exit code 0 recorded
    env["VALIDATOR_PATHS"] = "reports/suppressed.md"
    env["VALIDATOR_ARGS"] = "--ignore percent-of-total,unused-suppression"
    outputs.unlink()
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True, timeout=120)
    assert outputs.read_text(encoding="utf-8").strip() == "exit-code=0"
