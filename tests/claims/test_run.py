"""Claims checked on audit: the seed's claims, unresolved quotes, bindings, and the JSON contract."""

from __future__ import annotations

import json
import shutil

import pytest

from validator.claims import load_dir
from validator.claims.files import Binding
from validator.claims.run import Unresolved, resolve
from validator.extract import extract
from validator.model import Document

from .conftest import REPORT, ROOT, SEED, claim, run


@pytest.fixture(scope="module")
def seed_audit():
    out = run(["audit", "seeds/", "--format", "json"], ROOT)
    return out.returncode, json.loads(out.stdout)["files"][0]


def test_seed_claims_statuses(seed_audit):
    code, f = seed_audit
    assert code == 1
    statuses = {c["id"]: (c["status"], c["line"]) for c in f["claims"]}
    assert len(statuses) >= 25
    assert statuses["share-743-of-1090"] == ("failed", 37)
    assert statuses["branches-on-platform"] == ("passed", 35)
    assert {k for k, (s, _) in statuses.items() if s != "passed"} == {"share-743-of-1090"}
    for c in f["claims"]:
        assert list(c) == ["id", "status", "line", "message"]


def test_seed_claim_failure_is_folded_into_the_auto_rule_finding(seed_audit, tmp_path):
    # The declared claim states the very inconsistency percent-of-total reports on the same
    # span: one finding, naming the claim, and the claim itself listed as failed.
    _, f = seed_audit
    assert [x for x in f["findings"] if x["rule"] == "claim"] == []
    on_37 = [x for x in f["findings"] if x["line"] == 37]
    assert [(x["rule"], x["severity"], x["stated"]) for x in on_37] == [("percent-of-total", "error", "66.8%")]
    assert on_37[0]["evidence"]["claim"] == "share-743-of-1090"
    assert on_37[0]["message"].endswith("(declared claim share-743-of-1090 fails too)")
    claim_checks = [c for c in f["checks"] if c["rule"] == "claim" and c["status"] == "failed"]
    assert [c["line"] for c in claim_checks] == [37]
    message = claim_checks[0]["message"]
    assert message.startswith("claim share-743-of-1090 fails: 743 is 66.8% of 1090 — ")
    assert "share(v743, v1090) = 68.165138%" in message and "66.75–66.85%" in message
    out = run(["audit", "seeds/", "--format", "json", "--claims", str(tmp_path)], ROOT)
    without = json.loads(out.stdout)["files"][0]
    assert [(x["rule"], x["line"]) for x in without["findings"]] == [(x["rule"], x["line"]) for x in f["findings"]]
    assert "claim" not in without["findings"][-1]["evidence"]
    assert without["claims"] == []


def test_claim_checks_are_listed(seed_audit):
    _, f = seed_audit
    claim_checks = [c for c in f["checks"] if c["rule"] == "claim"]
    assert len(claim_checks) == len(f["claims"])
    assert sum(c["status"] == "failed" for c in claim_checks) == 1


def test_removing_a_quoted_sentence_makes_its_claims_unresolved(tmp_path):
    (tmp_path / "seeds").mkdir()
    text = SEED.read_text(encoding="utf-8")
    sentence = "全州102个社区划分网格1237个,"
    assert sentence in text
    (tmp_path / "seeds" / SEED.name).write_text(text.replace(sentence, ""), encoding="utf-8")
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    out = run(["audit", "seeds/", "--format", "json"], tmp_path)
    assert out.returncode == 1
    f = json.loads(out.stdout)["files"][0]
    unresolved = {c["id"] for c in f["claims"] if c["status"] == "unresolved"}
    assert unresolved == {"communities-line47-line53", "pilot-communities-within", "grids-per-community"}
    findings = [x for x in f["findings"] if x["rule"] == "claim" and "unresolved" in x["message"]]
    assert len(findings) == 3 and all(x["severity"] == "error" for x in findings)
    assert "quote '全州102个社区划分网格' is not in the report" in findings[0]["message"]


def test_claims_apply_only_to_the_report_they_name(project):
    project.claims(claim("villages == 121"))
    (project.path / "other.txt").write_text(REPORT, encoding="utf-8")
    out = run(["audit", "other.txt", "--format", "json"], project.path)
    assert out.returncode == 0
    assert json.loads(out.stdout)["files"][0]["claims"] == []
    out = run(["audit", "./report.txt", "--format", "json"], project.path)
    assert out.returncode == 1
    assert json.loads(out.stdout)["files"][0]["claims"][0]["status"] == "failed"


def test_warning_claims_do_not_fail_the_audit_by_default(project):
    project.claims(claim("villages == 121").replace('text = "a claim"', 'text = "x"\nseverity = "warning"'))
    out = project.audit()
    assert out.returncode == 0
    assert json.loads(out.stdout)["files"][0]["findings"][0]["severity"] == "warning"
    assert project.audit("--fail-on", "warning").returncode == 1


def test_facts_and_constants(project):
    facts = project.path / "claims" / "facts"
    facts.mkdir()
    (facts / "county.toml").write_text(
        '[[fact]]\nname = "villages"\nvalue = "120个"\nunit = "administrative villages"\n'
        'source = "county statistical bulletin"\nas_of = 2021-12-31\n', encoding="utf-8")
    project.claims(claim("villages == reference",
                         bind='bind.villages = {quote = "共有行政村120个"}\nbind.reference = {fact = "villages"}\n')
                   + claim("invest == limit", cid="c2",
                           bind='bind.invest = {quote = "投资3.6亿元"}\nbind.limit = {value = "36000万元"}\n'))
    out = project.audit()
    assert out.returncode == 0, out.stderr
    assert [c["status"] for c in json.loads(out.stdout)["files"][0]["claims"]] == ["passed", "passed"]


def test_text_format_shows_the_claim_finding(project):
    project.claims(claim("share(part, villages) == 41%",
                         bind='bind.villages = {quote = "共有行政村120个"}\nbind.part = {quote = "村48个"}\n'))
    out = run(["audit", "report.txt"], project.path)
    assert out.returncode == 1
    assert "report.txt:1:" in out.stdout and "[claim] claim c1 fails: a claim — share(part, villages) = 40%" in out.stdout


# -- resolving bindings -------------------------------------------------------------------------

DOC = Document.from_text("r.txt", REPORT)
QS = extract(DOC)


def _resolve(**spec):
    kind = "quote" if "quote" in spec else "pattern"
    text = spec.pop(kind)
    return resolve(DOC, QS, Binding("x", kind, text, **spec))


def test_a_quote_resolves_to_the_quantity_inside_it():
    assert _resolve(quote="村48个").text == "48个"
    assert _resolve(quote="村48个、占40%", pick=2).text == "40%"
    assert _resolve(quote="村48个、占40%").text == "48个"


def test_a_repeated_quote_needs_occurrence_or_near():
    with pytest.raises(Unresolved, match=r"occurs 2 times \(lines 1, 4\); say which"):
        _resolve(quote="120个")
    assert DOC.position(_resolve(quote="120个", occurrence=2).start)[0] == 4
    assert DOC.position(_resolve(quote="120个", near="硬化路").start)[0] == 4
    with pytest.raises(Unresolved, match="occurs 2 time"):
        _resolve(quote="120个", occurrence=3)
    with pytest.raises(Unresolved, match="does not occur on a line with '桥梁'"):
        _resolve(quote="120个", near="桥梁")


def test_unresolved_reasons():
    with pytest.raises(Unresolved, match="is not in the report"):
        _resolve(quote="村49个")
    with pytest.raises(Unresolved, match="holds no whole number"):
        _resolve(quote="全县共有")
    with pytest.raises(Unresolved, match=r"holds 1 number\(s\), not 2"):
        _resolve(quote="村48个", pick=2)


def test_pattern_bindings():
    assert _resolve(pattern="从[0-9]+个增长").text == "8个"
    assert _resolve(pattern="增长到([0-9]+个)").text == "15个"
    with pytest.raises(Unresolved):
        _resolve(pattern="增长到[0-9]+座")


def test_the_seed_claims_load():
    claims = load_dir(str(ROOT / "claims"))
    assert [f.report for f in claims.files] == ["seeds/000_ddbcf0d77c88731c.txt"]
    assert claims.for_document(str(SEED))
    assert "party_branches" in claims.facts
