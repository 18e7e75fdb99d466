"""A slice of the accuracy benchmark (benchmarks/accuracy.py) as a regression check.

Eight mutations per relation kind of the development corpus (seeded, so the slice is the same on
every run): the rules must still catch at least 60 of its 70 mutations (65 when this was written),
report every labelled inconsistency, and give no finding on a line whose relations are all
labelled consistent, nor on an unlabelled line.  The whole benchmark is run on demand:
``python benchmarks/accuracy.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

pytestmark = pytest.mark.skipif(not (accuracy.DEFAULT_CORPUS / "annotations.jsonl").exists(),
                                reason="development corpus not present")


@pytest.fixture(scope="module")
def result():
    return accuracy.run(accuracy.DEFAULT_CORPUS, seed=1, per_relation=8)


def test_slice_catches_the_mutations(result):
    caught, total = sum(result["caught"].values()), sum(result["total"].values())
    assert total == 70
    assert caught >= 60, sorted(result["missed"])


def test_slice_reports_every_labelled_inconsistency(result):
    assert result["found"] == result["inconsistent"] == 7


def test_no_finding_on_consistent_or_unlabelled_lines(result):
    noisy = {rule: dict(c) for rule, c in result["per_rule"].items()
             if c["on-consistent-error"] or c["on-consistent-warning"] or c["unlabelled"]}
    assert noisy == {}, result["review"]
