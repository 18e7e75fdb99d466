"""SARIF: valid against the vendored official 2.1.0 schema, regions in code points, related
locations, fingerprints that survive edits above the finding, deterministic output."""

from __future__ import annotations

import json

import pytest

from validator import suppress
from validator.model import Document
from validator.report import sarif
from validator.rules import BY_ID, RULES
from validator.runner import audit_document, select_rules

from .conftest import SCHEMA, SEED

jsonschema = pytest.importorskip("jsonschema")


def _validate(doc: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_seed_is_valid_sarif(seed_results):
    doc = json.loads(sarif.render(seed_results))
    _validate(doc)
    assert doc["$schema"] == sarif.SCHEMA_URI and doc["version"] == "2.1.0"
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]][:len(RULES)] == [r.ID for r in RULES]


def test_project_is_valid_sarif(project_results):
    doc = json.loads(sarif.render(project_results))
    _validate(doc)
    run = doc["runs"][0]
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    [note] = inv["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/broken.txt"
    rules = {r["ruleId"] for r in run["results"]}
    assert {"percent-of-total", "unused-suppression"} <= rules
    # both languages; the suppressed 27.6% is absent
    stated = {r["properties"].get("stated") for r in run["results"]}
    assert {"52.4%", "64.2%", "37.9%"} <= stated and "27.6%" not in stated
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_region_of_the_seed_share(seed_results):
    run = sarif.document(seed_results)["runs"][0]
    [res] = [r for r in run["results"] if r["ruleId"] == "percent-of-total"]
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == SEED
    region = loc["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (37, 176, 37, 181)
    text = seed_results[0].document.text
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "66.8%"
    related = {r["message"]["text"]: r["physicalLocation"]["region"] for r in res["relatedLocations"]}
    assert related["part: 743"]["startLine"] == 37 and related["total: 1090"]["startLine"] == 37
    assert res["properties"]["stated"] == "66.8%" and res["properties"]["expected"] == "68.2%"
    assert "743" in res["message"]["text"] and "1090" in res["message"]["text"]


def test_rule_metadata_comes_from_the_docstrings():
    run = sarif.document([])["runs"][0]
    by_id = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for rule in RULES:
        d = by_id[rule.ID]
        assert d["shortDescription"]["text"] == (rule.__doc__ or "").strip().splitlines()[0]
        assert d["defaultConfiguration"]["level"] == sarif.LEVELS[rule.SEVERITY]
        assert "Example (fails)" in d["help"]["markdown"]
    assert by_id["unused-suppression"]["defaultConfiguration"]["level"] == "warning"


def _fingerprints(text: str) -> list[str]:
    result = audit_document(Document.from_text("r.md", text, "markdown"), select_rules())
    run = sarif.document([result])["runs"][0]
    return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in run["results"]]


def test_fingerprints_survive_lines_added_above():
    body = "全市共有规模以上工业企业1250家，其中高新技术企业436家、占37.9%。\n"
    before = _fingerprints(body)
    after = _fingerprints("# 新增的标题\n\n前言一段，没有数字。\n\n" + body)
    assert before and before == after
    changed = _fingerprints(body.replace("37.9%", "37.6%"))
    assert changed != before


def test_fingerprints_are_unique_per_file_even_for_repeated_sentences():
    body = "全市共有规模以上工业企业1250家，其中高新技术企业436家、占37.9%。\n"
    fps = _fingerprints(body + "\n" + body)
    assert len(fps) == 2 and len(set(fps)) == 2


def test_deterministic_and_no_absolute_paths(project, project_results):
    a = sarif.render(project_results)
    b = sarif.render(project_results)
    assert a == b
    assert str(project) not in a


def test_a_finding_of_an_unknown_rule_still_has_a_descriptor(seed_results):
    from dataclasses import replace
    from validator.model import Finding
    r = seed_results[0]
    extra = Finding("claim", "error", "claim x fails", 0, 2, stated="x")
    doc = sarif.document([replace(r, findings=r.findings + (extra,))])
    _validate(doc)
    ids = [d["id"] for d in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert "claim" in ids
    assert set(ids) >= set(BY_ID) | suppress.META_IDS


def test_vendored_schema_is_unmodified():
    import hashlib
    digest = hashlib.sha256(SCHEMA.read_bytes()).hexdigest()
    assert digest == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e", \
        "tests/vendor/sarif-schema-2.1.0.json is vendored: replace it whole, never edit it"
