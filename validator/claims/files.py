"""Claims files and fact files: TOML → checked, immutable :class:`ClaimsFile` / :class:`Fact`.

Layout of a claims folder (``claims/`` by default; its parent is the project root)::

    claims/<anything>.toml     one file per report: ``report = "seeds/x.txt"`` and [[claim]] tables
    claims/facts/<any>.toml    reference facts shared by every report: [[fact]] tables

The syntax is explained in the header of ``claims/000_ddbcf0d77c88731c.toml``.  Every mistake
is a :class:`ClaimsError` whose message is one line ``file:line: claim <id>: what is wrong``,
followed, for an expression, by the expression and a caret under the bad token.  Limits keep a
hostile file cheap: its size is checked before it is read, and the numbers of claims, facts
and bindings and the lengths of strings are bounded.
"""

from __future__ import annotations

import bisect
import datetime
import os
import tomllib
from dataclasses import dataclass

import regex

from ..lazyre import lazy_compile
from . import expr as E
from .expr import ExprError, Value
from .index import claims_files, resolve_report

MAX_FILE_BYTES = 1_000_000
MAX_CLAIMS = 1000
MAX_FACTS = 10_000
MAX_BINDINGS = 50          # in one claim
MAX_SHARED_BINDINGS = 5000  # in the top-level [bind] table
MAX_STRING = 1000
MAX_PATTERN = 300
REPORT_YEAR = "report_year"

_ID = regex.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
_BIND_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}")
_TOML_LINE = regex.compile(r"\(at line (\d+), column \d+\)")


class ClaimsError(Exception):
    """A claims or facts file that cannot be used (exit code 2)."""


@dataclass(frozen=True, slots=True)
class Binding:
    name: str
    kind: str                 # quote | pattern | value | fact
    text: str                 # the quote, the pattern, the constant as written, the fact's name
    occurrence: int | None = None
    near: str | None = None
    pick: int | None = None
    value: Value | None = None  # for value and fact bindings
    line: int = 0             # in the claims file


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    severity: str
    bindings: tuple[Binding, ...]   # the ones its assertion uses, in order of first use
    source: str                     # the assertion as written
    tree: E.Compare
    at: str | None
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class ClaimsFile:
    path: str                 # as shown in messages, e.g. "claims/seed.toml"
    report: str               # the report's path relative to the project root, as written
    report_path: str          # the report's resolved absolute path
    year: int | None
    as_of: str
    claims: tuple[Claim, ...]
    bindings: tuple[Binding, ...]   # every binding declared in the file (for linting)
    waivers: tuple = ()             # validator.suppress.Waiver: accepted findings, quote-anchored


@dataclass(frozen=True, slots=True)
class Fact:
    name: str
    value: Value
    text: str
    unit: str
    source: str
    as_of: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class ClaimSet:
    files: tuple[ClaimsFile, ...]
    facts: dict

    def for_document(self, path: str) -> list[ClaimsFile]:
        """The claims files that name this report (compared by resolved path)."""
        if path == "-":
            return []
        real = os.path.realpath(path)
        return [f for f in self.files if f.report_path == real]


# -- reading -----------------------------------------------------------------------------------

def _read(path: str) -> tuple[str, dict]:
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise ClaimsError(f"{path}:1: the file is {size:,} bytes; claims files may have at most "
                              f"{MAX_FILE_BYTES:,}")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ClaimsError(f"{path}:1: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ClaimsError(f"{path}:1: the file is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ClaimsError(f"{path}:1: not UTF-8 (byte {exc.start})") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_LINE.search(msg)
        line = m.group(1) if m else "1"
        raise ClaimsError(f"{path}:{line}: invalid TOML: {_TOML_LINE.sub('', msg).strip()}") from None
    except RecursionError:
        raise ClaimsError(f"{path}:1: invalid TOML: nested too deeply") from None


# Ex) 'id = "share-743"'  'bind.v743 = {quote = …}'  '  year = 2022'
_KEY_LINE = regex.compile(r"""(?m)^[ \t]*(?:bind\.)?(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"(?P<v1>[^"\n]*)"|'(?P<v2>[^'\n]*)')?""")


class _Lines:
    """Line numbers of keys in the raw text, for messages (tomllib does not keep them).

    One pass over the text indexes every ``key =`` line and every ``key = "value"`` pair."""

    def __init__(self, text: str):
        self.keys: dict[str, list[int]] = {}
        self.pairs: dict[tuple[str, str], list[int]] = {}
        line, last = 1, 0
        for m in _KEY_LINE.finditer(text):
            line += text.count("\n", last, m.start())
            last = m.start()
            self.keys.setdefault(m["key"], []).append(line)
            value = m["v1"] if m["v1"] is not None else m["v2"]
            if value is not None:
                self.pairs.setdefault((m["key"], value), []).append(line)

    @staticmethod
    def _first(lines: list[int] | None, after: int, fallback: bool) -> int | None:
        if not lines:
            return None
        i = bisect.bisect_left(lines, after)
        if i < len(lines):
            return lines[i]
        return lines[0] if fallback else None

    def of(self, key: str, value: str, after: int = 0) -> int:
        """The line of ``key = "value"`` at or after line *after* (else the first anywhere)."""
        found = self._first(self.pairs.get((key, value)), after, True)
        return found or max(after, 1)

    def of_key(self, key: str, after: int) -> int:
        """The line of ``key =`` or ``bind.key =`` at or after line *after*."""
        return self._first(self.keys.get(key), after, False) or max(after, 1)


def _where(path: str, line: int, claim: str | None = None) -> str:
    return f"{path}:{line}: claim {claim}: " if claim else f"{path}:{line}: "


def _expr_error(prefix: str, source: str, exc: ExprError) -> ClaimsError:
    shown = source.replace("\n", " ").replace("\t", " ")
    return ClaimsError(f"{prefix}{exc.message}\n    {shown}\n    {E.caret(shown, exc.start, exc.end)}")


def _check_keys(table: dict, allowed: set[str], prefix: str, what: str) -> None:
    for key in table:
        if key not in allowed:
            raise ClaimsError(f"{prefix}unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")


def _string(table: dict, key: str, prefix: str, required: bool = True, limit: int = MAX_STRING) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise ClaimsError(f"{prefix}missing {key!r}")
        return ""
    if not isinstance(value, str):
        raise ClaimsError(f"{prefix}{key!r} must be a string, not {type(value).__name__}")
    if len(value) > limit:
        raise ClaimsError(f"{prefix}{key!r} is longer than {limit} characters")
    return value


def _constant(text: str, prefix: str) -> Value:
    """A constant written like the reports ("3639个", "3.6亿元", "-2.5%") → its value."""
    try:
        node = E.parse_expression(text)
    except ExprError as exc:
        raise _expr_error(prefix, text, exc) from None
    negate = False
    if isinstance(node, E.Unary):
        negate, node = True, node.operand
    if not isinstance(node, E.Num):
        raise ClaimsError(f"{prefix}a constant must be one number such as \"3.6亿元\", not {text!r}")
    return E.Value(-node.value.iv, node.value.unit) if negate else node.value


def _date(value, prefix: str, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str) and len(value) <= 40:
        return value
    raise ClaimsError(f"{prefix}{key!r} must be a date such as 2022-10-01")


# -- facts ---------------------------------------------------------------------------------------

def load_facts(paths: list[str]) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for path in paths:
        text, data = _read(path)
        lines = _Lines(text)
        _check_keys(data, {"fact"}, _where(path, 1), "a facts file")
        items = data.get("fact", [])
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise ClaimsError(f"{path}:1: 'fact' must be an array of tables ([[fact]])")
        if len(facts) + len(items) > MAX_FACTS:
            raise ClaimsError(f"{path}:1: more than {MAX_FACTS} facts")
        for item in items:
            name = item.get("name")
            line = lines.of("name", name) if isinstance(name, str) else 1
            prefix = _where(path, line) + (f"fact {name}: " if isinstance(name, str) else "")
            _check_keys(item, {"name", "value", "unit", "source", "as_of", "note"}, prefix, "a fact")
            name = _string(item, "name", prefix, limit=80)
            if not _BIND_NAME.fullmatch(name):
                raise ClaimsError(f"{prefix}a fact name is letters, digits and _, starting with a letter")
            if name in facts:
                other = facts[name]
                raise ClaimsError(f"{prefix}fact {name!r} is already defined at {other.path}:{other.line}")
            value_text = _string(item, "value", prefix)
            source = _string(item, "source", prefix)
            facts[name] = Fact(name, _constant(value_text, prefix), value_text,
                               _string(item, "unit", prefix, required=False), source,
                               _date(item.get("as_of"), prefix, "as_of"), path, line)
    return facts


# -- claims --------------------------------------------------------------------------------------

def _binding(name: str, spec, prefix: str, facts: dict[str, Fact], line: int) -> Binding:
    if not _BIND_NAME.fullmatch(name) or name in E.FUNCTIONS or name == REPORT_YEAR:
        raise ClaimsError(f"{prefix}bad binding name {name!r} (letters, digits and _; not a function "
                          f"name or {REPORT_YEAR})")
    p = f"{prefix}binding {name}: "
    if not isinstance(spec, dict):
        raise ClaimsError(f"{p}must be a table such as {{quote = \"村743个\"}}")
    kinds = [k for k in ("quote", "pattern", "value", "fact") if k in spec]
    if len(kinds) != 1:
        raise ClaimsError(f"{p}needs exactly one of quote, pattern, value, fact")
    kind = kinds[0]
    allowed = {"quote": {"quote", "occurrence", "near", "pick"}, "pattern": {"pattern", "occurrence", "pick"},
               "value": {"value"}, "fact": {"fact"}}[kind]
    _check_keys(spec, allowed, p, f"a {kind} binding")
    text = _string(spec, kind, p, limit=MAX_PATTERN if kind == "pattern" else MAX_STRING)
    if not text:
        raise ClaimsError(f"{p}{kind!r} is empty")
    ints = {}
    for key in ("occurrence", "pick"):
        v = spec.get(key)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 10_000):
            raise ClaimsError(f"{p}{key!r} must be a whole number from 1")
        ints[key] = v
    near = _string(spec, "near", p, required=False, limit=200) or None
    value = None
    if kind == "value":
        value = _constant(text, p)
    elif kind == "fact":
        if text not in facts:
            known = ", ".join(sorted(facts)[:20]) or "none"
            raise ClaimsError(f"{p}unknown fact {text!r} (known: {known})")
        value = facts[text].value
    elif kind == "pattern":
        try:
            regex.compile(text)
        except regex.error as exc:
            raise ClaimsError(f"{p}bad pattern: {exc}") from None
    return Binding(name, kind, text, ints["occurrence"], near, ints["pick"], value, line)


def _bindings(table, prefix: str, facts, lines: _Lines, after: int, limit: int = MAX_BINDINGS) -> dict[str, Binding]:
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise ClaimsError(f"{prefix}'bind' must be a table of names")
    if len(table) > limit:
        raise ClaimsError(f"{prefix}more than {limit} bindings")
    return {name: _binding(name, spec, prefix, facts, lines.of_key(name, after)) for name, spec in table.items()}


def _report(data: dict, path: str, root: str) -> tuple[str, str]:
    report = data.get("report")
    prefix = _where(path, 1)
    real, why = resolve_report(report, root)
    if why == "missing":
        raise ClaimsError(f"{prefix}missing 'report' (the report's path relative to {root or '.'})")
    if why == "not relative":
        raise ClaimsError(f"{prefix}report {report!r} must be a path relative to the project root")
    if real is None:
        raise ClaimsError(f"{prefix}report {report!r} is {why}")
    return report, real


def load_claims_file(path: str, root: str, facts: dict[str, Fact]) -> ClaimsFile:
    text, data = _read(path)
    lines = _Lines(text)
    _check_keys(data, {"report", "year", "as_of", "bind", "claim", "waiver"}, _where(path, 1), "a claims file")
    report, report_path = _report(data, path, root)
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 2999):
        raise ClaimsError(f"{_where(path, lines.of_key('year', 1))}'year' must be a year such as 2022")
    as_of = _date(data.get("as_of"), _where(path, 1), "as_of")
    shared = _bindings(data.get("bind"), _where(path, lines.of_key("bind", 1)), facts, lines, 1,
                       MAX_SHARED_BINDINGS)
    items = data.get("claim", [])
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise ClaimsError(f"{path}:1: 'claim' must be an array of tables ([[claim]])")
    if len(items) > MAX_CLAIMS:
        raise ClaimsError(f"{path}:1: {len(items)} claims; a file may have at most {MAX_CLAIMS}")
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    previous = 0
    every = dict(shared)
    for n, item in enumerate(items, 1):
        cid = item.get("id")
        if not isinstance(cid, str):
            raise ClaimsError(f"{_where(path, _nth_claim_line(text, n))}claim #{n} has no string 'id'")
        line = lines.of("id", cid, seen[cid] + 1 if cid in seen else previous)
        previous = line
        prefix = _where(path, line, cid)
        if not _ID.fullmatch(cid):
            raise ClaimsError(f"{prefix}an id is letters, digits, '-', '_' and '.' (at most 80)")
        if cid in seen:
            raise ClaimsError(f"{prefix}duplicate id (first used on line {seen[cid]})")
        seen[cid] = line
        _check_keys(item, {"id", "text", "severity", "bind", "assert", "at"}, prefix, "a claim")
        sentence = _string(item, "text", prefix)
        severity = item.get("severity", "error")
        if severity not in ("error", "warning"):
            raise ClaimsError(f"{prefix}severity must be \"error\" or \"warning\", not {severity!r}")
        own = _bindings(item.get("bind"), prefix, facts, lines, line)
        for name in own:
            if name in shared:
                raise ClaimsError(f"{prefix}binding {name!r} is already defined in the top-level [bind] table")
        every.update({f"{cid}.{k}": v for k, v in own.items()})
        source = _string(item, "assert", prefix, limit=E.MAX_CHARS)
        try:
            tree = E.parse(source)
        except ExprError as exc:
            raise _expr_error(prefix, source, exc) from None
        scope = {**shared, **own}
        used: list[Binding] = []
        for nm in E.names(tree):
            if nm.id == REPORT_YEAR:
                if year is None:
                    raise _expr_error(prefix, source, ExprError(
                        f"{REPORT_YEAR} needs `year = ...` at the top of the file", nm.start, nm.end))
                continue
            if nm.id not in scope:
                known = ", ".join(sorted(scope)[:30]) or "none"
                raise _expr_error(prefix, source, ExprError(
                    f"unknown name {nm.id!r} (bound here: {known})", nm.start, nm.end))
            if scope[nm.id] not in used:
                used.append(scope[nm.id])
        at = item.get("at")
        if at is not None and (not isinstance(at, str) or at not in {b.name for b in used}):
            raise ClaimsError(f"{prefix}'at' must name a binding the assertion uses")
        claims.append(Claim(cid, sentence, severity, tuple(used), source, tree, at, path, line))
    waivers = _waivers(data.get("waiver", []), path, text)
    return ClaimsFile(path, report, report_path, year, as_of, tuple(claims), tuple(every.values()),
                      waivers)


MAX_WAIVERS = 1_000


_WAIVER_HEADER = lazy_compile(r"(?m)^[ \t]*\[\[[ \t]*waiver[ \t]*\]\]")


def _waivers(items, path: str, text: str) -> tuple:
    """``[[waiver]]`` tables: rule, quote and reason, all required.

        [[waiver]]
        rule = "percent-of-total"
        quote = "示范社96家、占27.6%"
        reason = "quoted from the county's communiqué; confirmed by the statistics bureau"
    """
    from ..suppress import Waiver
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise ClaimsError(f"{path}:1: 'waiver' must be an array of tables ([[waiver]])")
    if len(items) > MAX_WAIVERS:
        raise ClaimsError(f"{path}:1: {len(items)} waivers; a file may have at most {MAX_WAIVERS}")
    starts = [text.count("\n", 0, m.start()) + 1
              for m in _WAIVER_HEADER.finditer(text)]
    out = []
    for n, item in enumerate(items, 1):
        line = starts[n - 1] if n <= len(starts) else 1
        prefix = f"{path}:{line}: waiver #{n}: "
        _check_keys(item, {"rule", "quote", "reason"}, prefix, "a waiver")
        values = {}
        for key in ("rule", "quote", "reason"):
            v = item.get(key)
            if not isinstance(v, str) or not v.strip():
                raise ClaimsError(f"{prefix}'{key}' is required (a non-empty string)")
            values[key] = v
        out.append(Waiver(values["rule"], values["quote"], values["reason"].strip(), f"{path}:{line}"))
    return tuple(out)


_CLAIM_HEADER = lazy_compile(r"(?m)^[ \t]*\[\[[ \t]*claim[ \t]*\]\]")


def _nth_claim_line(text: str, n: int) -> int:
    for i, m in enumerate(_CLAIM_HEADER.finditer(text), 1):
        if i == n:
            return text.count("\n", 0, m.start()) + 1
    return 1


def load_dir(directory: str) -> ClaimSet:
    """Every claims file in *directory* and every fact file in *directory*/facts."""
    if not os.path.isdir(directory):
        raise ClaimsError(f"{directory}: no such claims folder")
    root = os.path.dirname(os.path.abspath(directory))
    claim_names, fact_names = claims_files(directory)
    facts = load_facts([os.path.join(directory, n) for n in fact_names])
    files = [load_claims_file(os.path.join(directory, n), root, facts) for n in claim_names]
    return ClaimSet(tuple(files), facts)
