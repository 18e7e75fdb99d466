"""Runner: Documents → FileResults, by running the selected rules over each document's quantities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import ModuleType

from .load import LoadError, discover, load
from .model import Check, Document, FileResult, Finding
from .rules import BY_ID, RULES
from .rules.base import Context


class UsageError(Exception):
    """A mistake in how validator was called (exit code 2)."""


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[ModuleType]:
    chosen = list(RULES)
    for name in list(select or []) + list(ignore or []):
        if name not in BY_ID:
            known = ", ".join(sorted(BY_ID))
            raise UsageError(f"unknown rule {name!r} (known rules: {known})")
    if select:
        chosen = [BY_ID[n] for n in BY_ID if n in set(select)]
    if ignore:
        chosen = [r for r in chosen if r.ID not in set(ignore)]
    return chosen


def audit_document(doc: Document, rules: Iterable[ModuleType], claims=None) -> FileResult:
    """The rules' findings and checks for *doc*, then those of the claims (a ``ClaimSet``) naming it."""
    ctx = Context.of(doc)
    findings: list[Finding] = []
    checks: list[Check] = []
    for rule in rules:
        for item in rule.check(ctx):
            (findings if isinstance(item, Finding) else checks).append(item)
    claim_entries: list[dict] = []
    if claims is not None:
        from .claims.run import run as run_claims
        found, checked, claim_entries = run_claims(doc, ctx.quantities, claims)
        findings += found
        checks += checked
    findings.sort(key=lambda f: (f.start, f.rule, f.end, f.message))
    checks.sort(key=lambda c: (c.start, c.rule, c.end, c.status, c.message))
    return FileResult(doc.path, doc, tuple(findings), tuple(dict.fromkeys(checks)),
                      claims=tuple(claim_entries))


def audit(paths: list[str], rules: list[ModuleType], claims=None) -> Iterator[FileResult]:
    """Every input named by *paths*, in order; unreadable ones as results with an error."""
    for path in discover(paths):
        loaded = load(path)
        if isinstance(loaded, LoadError):
            yield FileResult(loaded.path, None, error=loaded.message)
        else:
            yield audit_document(loaded, rules, claims)
