"""The shared fixtures every reporter test uses: the seed report, and a small project with
several reports — findings in Chinese and English, a declared claim, a suppressed finding, an
unused suppression and an unreadable file.

The sentences are written for these tests, modelled on statistical communiqués and survey
releases; the figures are made up so that one share in each report is wrong.
"""

from __future__ import annotations

import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = "seeds/000_ddbcf0d77c88731c.txt"
SCHEMA = ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json"

ZH = """# 2023年全市工业经济运行情况

全市共有规模以上工业企业1250家，其中高新技术企业436家、占37.9%。

全年完成工业投资86.4亿元，比上年增长12.3%。
"""

EN = """Annual household survey, 2023

Of the 2,480 households surveyed, 1,156 (52.4%) reported higher incomes than a year earlier.
The remaining households reported no change or a decline.
"""

SUPPRESSED = """# 县域经济发展报告

全县共有行政村215个，其中集体经济收入超过10万元的村148个、占64.2%。

<!-- validator: ignore percent-of-total -- 64.2% 为统计公报原文数据，待统计局核实 -->
全县共有农民专业合作社380家，其中示范社96家、占27.6%。

<!-- validator: ignore respectively -- 此处并无分别 -->
全年接待游客达到520万人次。
"""

# NUL bytes and a byte that is not UTF-8: no loader may take this for text
BROKEN = b"report\x00\x00 \xc3\x28 \xff end\n"

CLAIMS = """report = "reports/zh.md"
year = 2023

[[claim]]
id = "high-tech-share"
text = "436 of 1250 firms are 37.9%"
bind.firms = {quote = "规模以上工业企业1250家"}
bind.hightech = {quote = "高新技术企业436家"}
bind.stated = {quote = "占37.9%"}
assert = "share(hightech, firms) == stated"

[[claim]]
id = "high-tech-within"
text = "the high-tech firms are among all the firms"
bind.firms = {quote = "规模以上工业企业1250家"}
bind.hightech = {quote = "高新技术企业436家"}
assert = "hightech <= firms"
"""


def write_project(root: pathlib.Path) -> pathlib.Path:
    """The multi-report project under *root*: reports/ and claims/."""
    reports = root / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "zh.md").write_text(ZH, encoding="utf-8")
    (reports / "en.txt").write_text(EN, encoding="utf-8")
    (reports / "suppressed.md").write_text(SUPPRESSED, encoding="utf-8")
    (reports / "broken.txt").write_bytes(BROKEN)
    (root / "claims").mkdir(exist_ok=True)
    (root / "claims" / "zh.toml").write_text(CLAIMS, encoding="utf-8")
    return root


def _claims(directory: str):
    try:
        from validator.claims import load_dir
    except ImportError:  # declared claims not built yet: the fixture still has the rest
        return None
    return load_dir(directory)


def pipeline(paths: list[str], claims_dir: str | None = None):
    """What ``validator audit`` does before reporting: run, then apply the inline markers."""
    from validator import suppress
    from validator.rules import BY_ID
    from validator.runner import audit, select_rules
    claims = _claims(claims_dir) if claims_dir else None
    results = list(audit(paths, select_rules(), claims) if claims is not None
                   else audit(paths, select_rules()))
    return suppress.apply_markers(results, set(BY_ID) | {"claim"})


@pytest.fixture(scope="session")
def seed_results():
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline([SEED])
    finally:
        os.chdir(old)


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> pathlib.Path:
    return write_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def project_results(project):
    old = os.getcwd()
    os.chdir(project)
    try:
        return pipeline(["reports"], "claims")
    finally:
        os.chdir(old)


def run_cli(args: list[str], cwd: pathlib.Path | str, env: dict | None = None, stdin: str | None = None):
    """``python -m validator ARGS`` in *cwd*: (exit code, stdout, stderr)."""
    import subprocess
    full_env = dict(os.environ)
    full_env.pop("GITHUB_STEP_SUMMARY", None)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    p = subprocess.run([sys.executable, "-m", "validator", *args], cwd=cwd, env=full_env,
                       capture_output=True, text=True, input=stdin, timeout=120)
    return p.returncode, p.stdout, p.stderr
