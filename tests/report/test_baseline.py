"""Baseline: today's findings recorded by fingerprint make tomorrow's audit exit 0; a new
error makes it exit 1 and report only that one; writing is atomic."""

from __future__ import annotations

import json
import os

import pytest

from validator import suppress

from .conftest import run_cli, write_project



@pytest.fixture
def proj(tmp_path):
    write_project(tmp_path)
    (tmp_path / "reports" / "broken.txt").unlink()  # an unreadable file is exit 2 whatever
    return tmp_path


def test_baseline_then_only_new_findings(proj):
    code, _, err = run_cli(["audit", "reports", "--write-baseline", "baseline.json"], proj)
    assert code == 0, err
    data = json.loads((proj / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) >= 3
    assert all(not os.path.isabs(e["path"]) for e in data["findings"])

    code, out, err = run_cli(["audit", "reports", "--baseline", "baseline.json", "--format", "json"], proj)
    assert code == 0, out + err
    assert all(not f["findings"] for f in json.loads(out)["files"])

    # lines added above a known finding do not make it new
    zh = proj / "reports" / "zh.md"
    zh.write_text("<!-- 修订稿 -->\n\n" + zh.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli(["audit", "reports", "--baseline", "baseline.json", "--format", "json"], proj)
    assert code == 0

    # a new error: exit 1, and only that one is reported
    en = proj / "reports" / "en.txt"
    en.write_text(en.read_text(encoding="utf-8") + "\nOf the 640 firms polled, 212 (35.1%) planned to hire.\n",
                  encoding="utf-8")
    code, out, _ = run_cli(["audit", "reports", "--baseline", "baseline.json", "--format", "json"], proj)
    assert code == 1
    findings = [f for file in json.loads(out)["files"] for f in file["findings"]]
    assert [(f["rule"], f["stated"]) for f in findings] == [("percent-of-total", "35.1%")]


def test_write_is_atomic(proj, monkeypatch, project_results):
    target = proj / "baseline.json"
    target.write_text("previous\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        suppress.write_baseline(str(target), project_results)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in proj.iterdir() if p.name.startswith(".validator-")] == []


def test_bad_baseline_is_a_usage_error(proj):
    (proj / "bad.json").write_text("{not json", encoding="utf-8")
    code, out, err = run_cli(["audit", "reports", "--baseline", "bad.json"], proj)
    assert code == 2 and "bad.json" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(["audit", "reports", "--baseline", "missing.json"], proj)
    assert code == 2 and "missing.json" in err
