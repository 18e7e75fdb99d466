"""Shared helpers for the input tests: the seed text, and running the command line."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ddbcf0d77c88731c.txt"

# The seed report's two findings, as the plain text gives them: (rule, severity, stated, expected)
SEED_FINDINGS = [
    ("enumeration-count", "warning", "5个", "4"),
    ("percent-of-total", "error", "66.8%", "68.2%"),
]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_cli(*args: str, cwd: str | os.PathLike | None = None, timeout: float = 60,
            stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "validator", *args], cwd=cwd or ROOT, env=env,
                          input=stdin, capture_output=True, timeout=timeout)


def audit_json(*paths: str, extra: tuple[str, ...] = (), cwd=None) -> tuple[int, dict, str]:
    """Exit code, parsed JSON and stderr of ``validator audit PATHS --format json``."""
    proc = run_cli("audit", *paths, "--format", "json", "--quiet", *extra, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout.decode("utf-8")), proc.stderr.decode("utf-8")


def assert_one_line_error(proc: subprocess.CompletedProcess, *words: str) -> str:
    """Exit 2, no traceback, and a stderr line naming the reason (every word in *words*)."""
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err, err
    line = next((ln for ln in err.splitlines() if ln.startswith("validator: error:")), "")
    for w in words:
        assert w in line, (w, err)
    return line
