"""Quote-anchored waivers in claims files: a finding accepted for a stated reason, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT = "全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占66.8%。\n"


def _project(tmp_path: Path, waivers: str) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "r.toml").write_text('report = "reports/r.txt"\n\n' + waivers, encoding="utf-8")
    return tmp_path


def _audit(project: Path):
    proc = subprocess.run([sys.executable, "-m", "validator", "audit", "reports", "--format", "json",
                           "--claims", "claims"], cwd=project, capture_output=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_a_waiver_accepts_the_finding_inside_its_quote(tmp_path):
    code, out, err = _audit(_project(tmp_path, '[[waiver]]\nrule = "percent-of-total"\n'
                                                'quote = "村743个、占66.8%"\n'
                                                'reason = "the county counts 1112 villages with its new ones"\n'))
    assert code == 0, err
    assert json.loads(out)["files"][0]["findings"] == []


def test_a_waiver_that_covers_nothing_is_reported(tmp_path):
    code, out, _ = _audit(_project(tmp_path, '[[waiver]]\nrule = "respectively"\n'
                                             'quote = "村743个、占66.8%"\nreason = "old waiver"\n'))
    rules = sorted(f["rule"] for f in json.loads(out)["files"][0]["findings"])
    assert rules == ["percent-of-total", "unused-suppression"]
    assert code == 1


def test_a_waiver_needs_a_reason(tmp_path):
    code, out, err = _audit(_project(tmp_path, '[[waiver]]\nrule = "percent-of-total"\n'
                                               'quote = "村743个、占66.8%"\n'))
    assert code == 2
    assert err.strip().splitlines() == [
        "validator: error: claims/r.toml:3: waiver #1: 'reason' is required (a non-empty string)"]
