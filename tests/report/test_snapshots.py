"""Every machine format snapshot-tested against one shared, hand-built set of findings.

The findings are built here (not by the rules), so a change to a rule's wording never touches
these files; a change to a format does, and then the diff of the snapshot is the review.
Regenerate after an intended change with ``UPDATE_SNAPSHOTS=1 python3 -m pytest tests/report``.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from validator.model import Check, Document, FileResult, Finding, Related
from validator.report import github, json_format, junit, sarif
from validator.suppress import META_RULES

SNAPSHOTS = pathlib.Path(__file__).parent / "snapshots"

ZH = ("# 2023年全市工业经济运行情况\n\n"
      "全市共有规模以上工业企业1250家，其中高新技术企业436家、占37.9%。\n"
      "全年完成工业投资86.4亿元，比上年增长12.3%。\n")
EN = ("Annual household survey, 2023\n\n"
      "Of the 2,480 households surveyed, 1,156 (52.4%) reported higher incomes.\n"
      "Bell\x07 and escape \x1b[0m characters, a 100% | pipe, and 50%, 30%, 20% shares.\n")


def shared_results() -> list[FileResult]:
    zh = Document.from_text("reports/zh.md", ZH, "markdown")
    s = ZH.index("37.9%")
    part, whole = ZH.index("436家"), ZH.index("1250家")
    zh_findings = (
        Finding("percent-of-total", "error",
                "stated 37.9% but 436 / 1250 = 34.880% (≈34.9%), off by at least 2.97 percentage points",
                s, s + 5, stated="37.9%", expected="34.9%",
                evidence=(("part", "436"), ("total", "1250"), ("computed", "34.9%")),
                related=(Related("part", "436", part, part + 3), Related("total", "1250", whole, whole + 4))),
        Finding("claim", "error", "claim high-tech-share fails: share(hightech, firms) = 34.88%",
                s, s + 5, stated="37.9%", expected="34.88%"),
    )
    g = ZH.index("12.3%")
    zh_checks = (
        Check("percent-of-total", s, s + 5, "failed", "37.9%", "34.9%", "stated 37.9% but 436 / 1250 = 34.880%"),
        Check("growth-rate", g, g + 5, "passed", "12.3%", "12.3%", "no previous value stated; nothing to compare"),
    )
    en = Document.from_text("reports/en survey.txt", EN)
    e = EN.index("52.4%")
    p = EN.index("1,156")
    t = EN.index("2,480")
    en_findings = (
        Finding("percent-of-total", "error",
                "stated 52.4% but 1,156 / 2,480 = 46.613%:\nthe part would be 1,300 of 2,480, or 1,156 would be 52.4% of 2,204–2,208",
                e, e + 5, stated="52.4%", expected="46.6%",
                related=(Related("part", "1,156", p, p + 5), Related("total", "2,480", t, t + 5))),
        Finding("share-sum", "warning", "shares add to 100% | but a bell\x07 is in the text, 100%",
                EN.index("50%"), EN.index("20%") + 3, stated="50%, 30%, 20%", expected="100%"),
    )
    return [
        FileResult("reports/broken.txt", None, error="binary file (contains NUL bytes)"),
        FileResult("reports/en survey.txt", en, en_findings, ()),
        FileResult("reports/zh.md", zh, zh_findings, zh_checks,
                   claims=({"id": "high-tech-share", "status": "failed", "line": 3,
                            "message": "claim high-tech-share fails"},
                           {"id": "high-tech-within", "status": "passed", "line": 3,
                            "message": "claim high-tech-within holds"})),
    ]


RULE_IDS = ["percent-of-total", "share-sum", "growth-rate"]

RENDER = {
    "findings.json": lambda r: json_format.render(r).replace(
        f'"tool_version": "{json_format.__version__}"', '"tool_version": "X"'),
    "findings.sarif": lambda r: sarif.render(r, list(META_RULES)).replace(
        f'"{sarif.__version__}"', '"X"'),
    "findings.xml": lambda r: junit.render(r, RULE_IDS),
    "findings.github": github.render,
    "findings.step-summary.md": github.step_summary,
}


@pytest.mark.parametrize("name", sorted(RENDER))
def test_snapshot(name):
    got = RENDER[name](shared_results())
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            pytest.fail(f"{path} did not exist; written — review it and run again")
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; review the diff, then UPDATE_SNAPSHOTS=1"


def test_shared_sarif_is_valid():
    import json
    jsonschema = pytest.importorskip("jsonschema")
    from .conftest import SCHEMA
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(sarif.render(shared_results())), schema, cls=jsonschema.Draft4Validator)
    uris = [a["location"]["uri"] for a in sarif.document(shared_results())["runs"][0]["artifacts"]]
    assert "reports/en%20survey.txt" in uris


def test_shared_junit_is_well_formed():
    import xml.etree.ElementTree as ET
    root = ET.fromstring(junit.render(shared_results(), RULE_IDS).encode("utf-8"))
    assert [s.get("name") for s in root] == ["reports/broken.txt", "reports/en survey.txt", "reports/zh.md"]
