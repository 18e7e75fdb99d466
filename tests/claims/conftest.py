"""Helpers for the claims tests: a throw-away project and ``python -m validator`` in it."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ddbcf0d77c88731c.txt"

# Written for these tests, in the style of a county work report.
REPORT = ("全县共有行政村120个，其中集体经济收入10万元以上的村48个、占40%。\n"
          "全年完成固定资产投资3.6亿元，比上年增长12.5%。\n"
          "2012年以来，累计新建村级活动场所96个。10年来全县社区数从8个增长到15个。\n"
          "全县120个村全部通了硬化路。\n")


def run(args: list[str], cwd, timeout: float = 30) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "validator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


class Project:
    """A folder with report.txt and claims/; ``claims(text)`` writes claims/report.toml."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        (path / "claims").mkdir()
        (path / "report.txt").write_text(REPORT, encoding="utf-8")

    def claims(self, body: str, header: str = 'report = "report.txt"\nyear = 2022\n') -> pathlib.Path:
        p = self.path / "claims" / "report.toml"
        p.write_text(header + body, encoding="utf-8")
        return p

    def audit(self, *extra: str) -> subprocess.CompletedProcess:
        return run(["audit", "report.txt", "--format", "json", *extra], self.path)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def claim(assertion: str, cid: str = "c1", bind: str = 'bind.villages = {quote = "共有行政村120个"}\n') -> str:
    return f'\n[[claim]]\nid = "{cid}"\ntext = "a claim"\n{bind}assert = "{assertion}"\n'
