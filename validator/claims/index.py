"""Claims folders already found valid, so that auditing reports no claims file names skips parsing.

Every audit checks the whole claims folder (a bad claims file is exit code 2 whatever is being
audited), but most audits read reports that no claims file names.  Reading, parsing and checking
the claims is a large part of auditing one short report, so the verdict is remembered:

- the key is a SHA-256 of the tool version and every claims and fact file's name and bytes;
- the record (JSON, ``claims-<key>.json``) holds only each claims file's ``report`` string,
  in order, because whether a content is valid is decided by that content alone;
- the checks that depend on where the folder is (a report path must stay inside the project,
  resolved through symbolic links) are made again on every run, from those strings.

When the record exists and those checks pass, :func:`open_dir` returns a :class:`LazyClaimSet`
that parses the folder only when a report it names is audited (or its claims are asked for);
otherwise it parses the folder as :func:`validator.claims.files.load_dir` always did, raising
the same one-line errors, and writes the record after a successful parse.

Records live in ``$XDG_CACHE_HOME/validator`` (default ``~/.cache/validator``), written
atomically; a record that cannot be read or written is ignored (the folder is then parsed, as
without it).  ``VALIDATOR_CLAIMS_INDEX=0`` turns records off.
"""

from __future__ import annotations

import json
import os

RECORD_MAX_BYTES = 1 << 20
READ_CAP = 1 << 24  # above files.MAX_FILE_BYTES: a longer file is invalid, and so never recorded


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "validator")


def _enabled() -> bool:
    return os.environ.get("VALIDATOR_CLAIMS_INDEX", "1") != "0"


def claims_files(directory: str) -> tuple[list[str], list[str]]:
    """The claims files and the fact files (``facts/…``) of *directory*, as names relative to it,
    each list sorted: what :func:`validator.claims.files.load_dir` reads.  Raises OSError."""
    claims = sorted(n for n in os.listdir(directory)
                    if n.endswith(".toml") and os.path.isfile(os.path.join(directory, n)))
    facts_dir = os.path.join(directory, "facts")
    facts = sorted(os.path.join("facts", n) for n in os.listdir(facts_dir)
                   if n.endswith(".toml")) if os.path.isdir(facts_dir) else []
    return claims, facts


def _names(directory: str) -> tuple[list[str], list[str]] | None:
    try:
        return claims_files(directory)
    except OSError:
        return None


def _key(directory: str, claims: list[str], facts: list[str]) -> str | None:
    import hashlib

    from .. import __version__
    h = hashlib.sha256(f"validator {__version__}\0".encode())
    for kind, names in (("claims", claims), ("facts", facts)):
        for name in names:
            try:
                with open(os.path.join(directory, name), "rb") as fh:
                    data = fh.read(READ_CAP)  # more than a valid file may have
            except OSError:
                return None
            h.update(f"{kind}\0{name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


def resolve_report(report, root: str) -> tuple[str | None, str]:
    """The resolved path of a claims file's ``report`` (relative to the project *root*), or None
    and why it is refused: absolute, from ``~``, or leading outside the project (symbolic links
    resolved).  load_dir and the record check reports with this one function."""
    if not isinstance(report, str) or not report:
        return None, "missing"
    if os.path.isabs(report) or report.startswith("~"):
        return None, "not relative"
    real_root = os.path.realpath(root or ".")
    real = os.path.realpath(os.path.join(real_root, report))
    if os.path.commonpath([real_root, real]) != real_root:
        return None, f"outside the project ({real_root})"
    return real, ""


def _reports_inside(directory: str, reports: list[str]) -> list[str] | None:
    """Resolved paths of *reports* when each passes the checks load_dir makes, else None."""
    root = os.path.dirname(os.path.abspath(directory))
    out = []
    for report in reports:
        real, _ = resolve_report(report, root)
        if real is None:
            return None
        out.append(real)
    return out


class LazyClaimSet:
    """A claims folder known to be valid; parsed the first time its claims are needed."""

    def __init__(self, directory: str, reports: list[str]) -> None:
        self.directory = directory
        self._reports = frozenset(reports)
        self._full = None

    def full(self):
        if self._full is None:
            from .files import load_dir
            self._full = load_dir(self.directory)
        return self._full

    def for_document(self, path: str) -> list:
        if path == "-" or os.path.realpath(path) not in self._reports:
            return []
        return self.full().for_document(path)

    @property
    def files(self):
        return self.full().files

    @property
    def facts(self):
        return self.full().facts


def open_dir(directory: str):
    """The claims of *directory*: a :class:`LazyClaimSet` when a record says the same content was
    found valid, else the parsed ``ClaimSet`` (raising ``ClaimsError`` as load_dir does)."""
    if not os.path.isdir(directory):
        from .files import ClaimsError
        raise ClaimsError(f"{directory}: no such claims folder")
    names = _names(directory) if _enabled() else None
    key = _key(directory, *names) if names is not None else None
    record = os.path.join(_cache_dir(), f"claims-{key}.json") if key else None
    if record is not None:
        try:
            with open(record, "rb") as fh:
                reports = json.loads(fh.read(RECORD_MAX_BYTES))["reports"]
        except (OSError, ValueError, KeyError, TypeError):
            reports = None
        if isinstance(reports, list) and len(reports) == len(names[0]):
            inside = _reports_inside(directory, reports)
            if inside is not None:
                return LazyClaimSet(directory, inside)
    from .files import load_dir
    claims = load_dir(directory)
    if record is not None and len(claims.files) == len(names[0]):
        _write(record, [f.report for f in claims.files])
    return claims


def _write(record: str, reports: list[str]) -> None:
    try:
        os.makedirs(os.path.dirname(record), exist_ok=True)
        tmp = f"{record}.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump({"reports": reports}, fh, ensure_ascii=False)
            os.replace(tmp, record)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home: parse on every run, as without records
