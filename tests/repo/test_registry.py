"""Tests about the repository itself: every rule module is registered, ids unique, cases exist."""

from __future__ import annotations

import pathlib
import pkgutil
import tomllib

import validator.rules as rules_pkg
from validator.rules import RULES

ROOT = pathlib.Path(__file__).resolve().parents[2]
HELPERS = {"base"}


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(rules_pkg.__path__)} - HELPERS
    registered = {r.__name__.rsplit(".", 1)[1] for r in RULES}
    assert modules == registered


def test_ids_are_unique_kebab_case_and_named_after_the_module():
    ids = [r.ID for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.ID == r.__name__.rsplit(".", 1)[1].replace("_", "-")


def test_every_rule_has_a_case_file_with_enough_cases():
    for r in RULES:
        path = ROOT / "tests" / "rules" / "cases" / f"{r.ID}.toml"
        assert path.exists(), path
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        names = [c["name"] for k in ("fail", "pass", "todo") for c in data.get(k, [])]
        assert len(names) == len(set(names)), "case names are unique"
        assert len(data.get("fail", [])) >= 15, f"{r.ID}: at least 15 fail cases"
        assert len(data.get("pass", [])) >= 15, f"{r.ID}: at least 15 pass cases"
        assert data.get("todo"), f"{r.ID}: known misses are written down"


def test_seed_is_in_place():
    assert (ROOT / "seeds" / "000_ddbcf0d77c88731c.txt").exists()
