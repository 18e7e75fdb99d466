"""Broken and hostile claims files are refused: exit 2, one line naming file:line and claim, fast."""

from __future__ import annotations

import json
import time

import pytest

from .conftest import claim, run

HOSTILE = [
    # name, claims body, first line of stderr
    ("python-call", claim("__import__('os').system('id') == 0"),
     "validator: error: claims/report.toml:5: claim c1: strings are not allowed"),
    ("attribute", claim("villages.__class__ == 1"),
     "validator: error: claims/report.toml:5: claim c1: attribute access ('.') is not allowed"),
    ("subscript", claim("villages[0] == 1"),
     "validator: error: claims/report.toml:5: claim c1: brackets ('[') are not allowed: no subscripts, "
     "lists or comprehensions"),
    ("lambda", claim("(lambda: 1)() == 1"),
     "validator: error: claims/report.toml:5: claim c1: 'lambda' is Python, not part of the claim language"),
    ("comprehension", claim("sum([x for x in villages]) == 1"),
     "validator: error: claims/report.toml:5: claim c1: brackets ('[') are not allowed: no subscripts, "
     "lists or comprehensions"),
    ("power", claim("9**9**9**9 == villages"),
     "validator: error: claims/report.toml:5: claim c1: there is no power operator"),
    ("nested-parentheses", claim("(" * 10_000 + "villages" + ")" * 10_000 + " == 1"),
     "validator: error: claims/report.toml:5: claim c1: 'assert' is longer than 2000 characters"),
    ("nested-parentheses-short", claim("(" * 500 + "villages" + ")" * 500 + " == 1"),
     "validator: error: claims/report.toml:5: claim c1: the expression nests deeper than 100 levels"),
    ("unknown-function", claim("open(villages) == 1"),
     "validator: error: claims/report.toml:5: claim c1: unknown function 'open' (known: abs, growth, max, "
     "mean, min, ratio, share, sum, years_between)"),
    ("unknown-name", claim("villages == towns"),
     "validator: error: claims/report.toml:5: claim c1: unknown name 'towns' (bound here: villages)"),
    ("unit-mismatch", claim("villages + 3% == 123"),
     "validator: error: claims/report.toml:5: claim c1: cannot add a plain number (120) and a percentage "
     "(2.5–3.5%); for a percentage of a whole write share(part, whole)"),
    ("unknown-fact", claim("villages == f", bind='bind.villages = {quote = "共有行政村120个"}\nbind.f = {fact = "nope"}\n'),
     "validator: error: claims/report.toml:5: claim c1: binding f: unknown fact 'nope' (known: none)"),
    ("duplicate-id", claim("villages == 120") + claim("villages == 120"),
     "validator: error: claims/report.toml:11: claim c1: duplicate id (first used on line 5)"),
    ("invalid-toml", 'x = "unterminated\n',
     "validator: error: claims/report.toml:3: invalid TOML: Illegal character '\\n'"),
    ("deep-toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
     "validator: error: claims/report.toml:1: invalid TOML: nested too deeply"),
    ("unknown-key", claim("villages == 120").replace('text = "a claim"', 'txt = "a claim"'),
     "validator: error: claims/report.toml:5: claim c1: unknown key 'txt' in a claim (allowed: assert, at, "
     "bind, id, severity, text)"),
    ("bad-severity", claim("villages == 120").replace('text = "a claim"', 'text = "x"\nseverity = "fatal"'),
     "validator: error: claims/report.toml:5: claim c1: severity must be \"error\" or \"warning\", not 'fatal'"),
    ("bad-pattern", claim("villages == 120", bind='bind.villages = {pattern = "(unclosed"}\n'),
     "validator: error: claims/report.toml:5: claim c1: binding villages: bad pattern: missing ) at position 9"),
    ("two-kinds", claim("villages == 120", bind='bind.villages = {quote = "a", value = "1"}\n'),
     "validator: error: claims/report.toml:5: claim c1: binding villages: needs exactly one of quote, "
     "pattern, value, fact"),
    ("bad-constant", claim("villages == 120", bind='bind.villages = {value = "1 + 2"}\n'),
     "validator: error: claims/report.toml:5: claim c1: binding villages: a constant must be one number "
     "such as \"3.6亿元\", not '1 + 2'"),
]


@pytest.mark.parametrize("name, body, first_line", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_refused_with_exit_2_and_one_line(project, name, body, first_line):
    project.claims(body)
    t = time.monotonic()
    out = project.audit()
    assert time.monotonic() - t < 10
    assert out.returncode == 2, out.stdout
    lines = out.stderr.splitlines()
    assert lines[0] == first_line
    assert "Traceback" not in out.stderr
    assert len(lines) in (1, 3)  # one line, plus the expression and its caret for expression errors


def test_expression_errors_show_the_expression_and_a_caret(project):
    project.claims(claim("villages + 3% == 123"))
    out = project.audit()
    assert out.stderr.splitlines()[1:] == ["    villages + 3% == 123", "             ^"]


def test_report_outside_the_project_is_refused(project):
    project.claims(claim("villages == 120"), header='report = "../report.txt"\n')
    out = project.audit()
    assert out.returncode == 2
    assert out.stderr.startswith("validator: error: claims/report.toml:1: report '../report.txt' is "
                                 "outside the project (")
    project.claims(claim("villages == 120"), header='report = "/etc/passwd"\n')
    out = project.audit()
    assert out.stderr == ("validator: error: claims/report.toml:1: report '/etc/passwd' must be a path "
                          "relative to the project root\n")


@pytest.mark.parametrize("size", [1_000_001, 100_000_000])
def test_a_huge_file_is_refused_before_it_is_read(project, size):
    path = project.claims("")
    with open(path, "r+b") as fh:
        fh.truncate(size)  # sparse: no 100 MB written to disk
    t = time.monotonic()
    out = project.audit()
    assert time.monotonic() - t < 10
    assert out.returncode == 2
    assert out.stderr == (f"validator: error: claims/report.toml:1: the file is {size:,} bytes; claims "
                          f"files may have at most 1,000,000\n")


def test_too_many_claims(project):
    project.claims("".join(claim("villages == 120", cid=f"c{i}") for i in range(1001)))
    out = project.audit()
    assert out.returncode == 2
    assert out.stderr == "validator: error: claims/report.toml:1: 1001 claims; a file may have at most 1000\n"


def test_missing_claims_folder_given_explicitly(project):
    out = project.audit("--claims", "nowhere")
    assert out.returncode == 2
    assert out.stderr == "validator: error: nowhere: no such claims folder\n"


def test_no_claims_folder_by_default_is_fine(tmp_path):
    (tmp_path / "r.txt").write_text("全县共有行政村120个。\n", encoding="utf-8")
    out = run(["audit", "r.txt", "--format", "json"], tmp_path)
    assert out.returncode == 0
    assert json.loads(out.stdout)["files"][0]["claims"] == []


def test_duplicate_fact_names(project):
    facts = project.path / "claims" / "facts"
    facts.mkdir()
    fact = '[[fact]]\nname = "villages"\nvalue = "120个"\nsource = "county statistics bulletin"\n'
    (facts / "a.toml").write_text(fact, encoding="utf-8")
    (facts / "b.toml").write_text("\n" + fact, encoding="utf-8")
    project.claims(claim("villages == 120"))
    out = project.audit()
    assert out.returncode == 2
    assert out.stderr == ("validator: error: claims/facts/b.toml:3: fact villages: fact 'villages' is already "
                          "defined at claims/facts/a.toml:2\n")
