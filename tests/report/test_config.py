"""Configuration: found by walking up, every key checked, the command line wins."""

from __future__ import annotations

import json

import pytest

from validator import config

from .conftest import run_cli, write_project

RULE_IDS = ("percent-of-total", "enumeration-count", "respectively", "unused-suppression")


@pytest.fixture
def proj(tmp_path):
    write_project(tmp_path)
    (tmp_path / "reports" / "broken.txt").unlink()
    (tmp_path / "reports" / "drafts").mkdir()
    (tmp_path / "reports" / "drafts" / "draft.md").write_text(
        "全市共有规模以上工业企业1250家，其中高新技术企业436家、占31.9%。\n", encoding="utf-8")
    return tmp_path


def _findings(out: str) -> list[tuple[str, str, str]]:
    return [(file["path"], f["rule"], f["severity"]) for file in json.loads(out)["files"]
            for f in file["findings"]]


def test_found_by_walking_up_from_the_audited_path(proj):
    (proj / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.validator]\nformat = "json"\n'
                                         'ignore = ["percent-of-total"]\n', encoding="utf-8")
    code, out, err = run_cli(["audit", "en.txt"], proj / "reports")
    assert code == 0 and json.loads(out)["files"][0]["findings"] == [], err
    code, out, err = run_cli(["audit", str(proj / "reports")], proj.parent)
    assert json.loads(out)["version"] == 1, "format from the config"
    assert all(r != "percent-of-total" for _, r, _ in _findings(out))
    assert config.find(str(proj / "reports" / "zh.md")) == str(proj / "pyproject.toml")


def test_validator_toml_wins_over_pyproject_in_the_same_folder(proj):
    (proj / "pyproject.toml").write_text('[tool.validator]\nformat = "json"\n', encoding="utf-8")
    (proj / "validator.toml").write_text('format = "junit"\n', encoding="utf-8")
    _, out, _ = run_cli(["audit", "reports"], proj)
    assert out.startswith("<?xml")


def test_pyproject_without_a_table_is_passed_over(proj):
    (proj / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert config.find(str(proj / "reports")) is None


def test_command_line_wins(proj):
    (proj / "validator.toml").write_text('format = "json"\nfail-on = "never"\nselect = ["respectively"]\n',
                                         encoding="utf-8")
    code, out, _ = run_cli(["audit", "reports"], proj)
    assert code == 0 and all(r != "percent-of-total" for _, r, _ in _findings(out))
    code, out, _ = run_cli(["audit", "reports", "--format", "json", "--fail-on", "error",
                            "--select", "percent-of-total"], proj)
    assert code == 1 and any(r == "percent-of-total" for _, r, _ in _findings(out))


def test_severity_include_exclude(proj):
    (proj / "validator.toml").write_text(
        'format = "json"\nexclude = ["reports/drafts/**"]\ninclude = ["*.md"]\n\n'
        '[severity]\npercent-of-total = "warning"\n', encoding="utf-8")
    code, out, _ = run_cli(["audit", "reports"], proj)
    paths = {f["path"] for f in json.loads(out)["files"]}
    assert paths == {"reports/suppressed.md", "reports/zh.md"}
    assert any(r == "percent-of-total" for _, r, _ in _findings(out))
    assert all(s == "warning" for p, r, s in _findings(out) if r == "percent-of-total")
    # a file named on the command line is audited whatever the globs say
    _, out, _ = run_cli(["audit", "reports/drafts/draft.md"], proj)
    assert {f["path"] for f in json.loads(out)["files"]} == {"reports/drafts/draft.md"}


def test_tool_validator_table_in_validator_toml(proj):
    (proj / "validator.toml").write_text('[tool.validator]\nformat = "github"\n', encoding="utf-8")
    _, out, _ = run_cli(["audit", "reports"], proj)
    assert out.startswith("::")


@pytest.mark.parametrize("body, key", [
    ('fial-on = "error"\n', "fial-on"),
    ('fail_on = "error"\n', "fail_on"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ('format = "pdf"\n', "format"),
    ('select = ["percent-of-totals"]\n', "select"),
    ('select = "percent-of-total"\nignore = [1]\n', "ignore"),
    ('[severity]\npercent-of-total = "fatal"\n', "severity.percent-of-total"),
    ('[severity]\nno-such-rule = "error"\n', "severity.no-such-rule"),
    ('claims = 3\n', "claims"),
    ('include = [""]\n', "include"),
    ('format = \n', "invalid TOML"),
])
def test_bad_config_is_one_line_naming_the_key(proj, body, key):
    (proj / "validator.toml").write_text(body, encoding="utf-8")
    code, out, err = run_cli(["audit", "reports"], proj)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and key in lines[0] and "validator.toml" in lines[0], err


def test_explicit_config_file(proj):
    (proj / "ci.toml").write_text('format = "sarif"\n', encoding="utf-8")
    _, out, _ = run_cli(["audit", "reports", "--config", "ci.toml"], proj)
    assert json.loads(out)["version"] == "2.1.0"
    code, _, err = run_cli(["audit", "reports", "--config", "nope.toml"], proj)
    assert code == 2 and "nope.toml" in err


def test_globs():
    cfg = config.Config(path="validator.toml", include=("reports/**/*.md",), exclude=("draft*",))
    assert config.wanted("reports/a/b/x.md", cfg)
    assert config.wanted("reports/x.md", cfg)
    assert not config.wanted("reports/x.txt", cfg)
    assert not config.wanted("reports/a/draft-1.md", cfg)
    assert not config.wanted("other/x.md", cfg)
