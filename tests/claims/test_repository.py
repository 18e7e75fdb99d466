"""The claims/ folder itself: every file parses, names a report that exists, and every quote in it
still resolves in that report (a quote that vanished is a claim the report changed under)."""

from __future__ import annotations

import os

import pytest

from validator.claims import load_dir
from validator.claims.run import resolve
from validator.extract import extract
from validator.load import load

from .conftest import ROOT

CLAIMS = load_dir(str(ROOT / "claims"))


def test_there_are_claims_files():
    assert CLAIMS.files


@pytest.mark.parametrize("cf", CLAIMS.files, ids=[os.path.basename(f.path) for f in CLAIMS.files])
def test_every_binding_resolves_in_its_report(cf):
    assert os.path.isfile(cf.report_path), f"{cf.path}: report {cf.report} does not exist"
    doc = load(cf.report_path)
    quantities = extract(doc)
    for b in cf.bindings:
        if b.kind in ("quote", "pattern"):
            assert resolve(doc, quantities, b).text, b


def test_the_seed_has_at_least_25_claims_with_sentences():
    (seed,) = [f for f in CLAIMS.files if f.report == "seeds/000_ddbcf0d77c88731c.txt"]
    assert len(seed.claims) >= 25
    assert seed.year == 2022
    assert all(c.text for c in seed.claims)


def test_every_fact_has_a_source_and_a_date():
    assert CLAIMS.facts
    for fact in CLAIMS.facts.values():
        assert fact.source and fact.as_of, fact.name
