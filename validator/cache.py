"""The result cache behind ``validator audit --skip-unchanged``: audit only what changed.

A nightly audit of a growing archive reads only the reports that are new or changed.  Each
result is stored under a key made of the report's path and content hash (SHA-256), the tool
version, the rules that ran and the claims folder's content, so a new version, another
``--select`` or an edited claims file never reuses an old answer.  Whether a report changed is
decided, as git does, from its size and modification time recorded with its hash: a report
whose size and mtime are unchanged is not opened at all.  A report modified within the
same second it was audited is not trusted by its mtime (it is hashed again next time).

Layout of the cache folder (default ``.validator-cache/``)::

    index.json              {"version": 1, "files": {abs path: [size, mtime_ns, sha256]}}
    results/ab/abcdef….json.gz   one result, compressed JSON: findings, checks, claims and the
                                 text as loaded (reporters need it for lines and excerpts)

Everything is written atomically (a temporary file, then ``os.replace``), so an interrupted
run leaves the previous cache intact.  Suppressions, severities and the baseline are applied
after the cache, on every run.  Results are plain JSON, never pickles: reading a cache runs no
code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import time

from . import __version__
from .model import Check, Document, FileResult, Finding, Related

FORMAT = 1
RACY_SECONDS = 2.0


def stamp_of(path: str) -> tuple[int, int, str] | None:
    """(size, mtime_ns, sha256 of the bytes) of a file, or None when it cannot be read."""
    try:
        st = os.stat(path)
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except (OSError, ValueError):
        return None
    return st.st_size, st.st_mtime_ns, digest.hexdigest()


def _tree_digest(directory: str | None) -> str:
    """The content of every file under *directory* (the claims folder), as one hash."""
    digest = hashlib.sha256()
    if directory and os.path.isdir(directory):
        for root, dirs, files in os.walk(directory):
            dirs.sort()
            for name in sorted(files):
                p = os.path.join(root, name)
                digest.update(os.path.relpath(p, directory).encode("utf-8", "surrogateescape") + b"\0")
                try:
                    with open(p, "rb") as fh:
                        digest.update(fh.read())
                except OSError:
                    digest.update(b"\1unreadable")
    return digest.hexdigest()


class Cache:
    def __init__(self, directory: str, rule_ids: list[str], claims_dir: str | None = None,
                 options: tuple = ()):
        self.dir = directory
        # *options*: anything else that changes a result, Ex) ("gb18030", "200M") for --encoding/--max-size
        salt = json.dumps([FORMAT, __version__, sorted(rule_ids), _tree_digest(claims_dir), list(options)])
        self.salt = hashlib.sha256(salt.encode()).hexdigest()
        self.index: dict[str, list] = self._read_index()
        self.seen: dict[str, list] = {}
        self.hits = 0      # answered from the cache without opening the report
        self.stored = 0    # audited (read) and stored

    # -- reading ---------------------------------------------------------------------------
    def _read_index(self) -> dict:
        try:
            with open(os.path.join(self.dir, "index.json"), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("version") == FORMAT and isinstance(data.get("files"), dict):
                return data["files"]
        except (OSError, ValueError, AttributeError):
            pass
        return {}

    def _entry_path(self, path: str, sha: str) -> str:
        key = hashlib.sha256(f"{self.salt}\0{path}\0{sha}".encode("utf-8", "surrogateescape")).hexdigest()
        return os.path.join(self.dir, "results", key[:2], key + ".json.gz")

    def fresh(self, path: str) -> bool:
        """Whether *path* has the size and mtime recorded with its hash (so it did not change)."""
        entry = self.index.get(os.path.abspath(path))
        if not entry or entry[1] is None:
            return False
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return False
        return [st.st_size, st.st_mtime_ns] == entry[:2]

    def load(self, path: str) -> FileResult | None:
        """The stored result of a :meth:`fresh` *path* (None when the entry is gone or damaged)."""
        real = os.path.abspath(path)
        entry = self.index.get(real)
        if not entry:
            return None
        try:
            with gzip.open(self._entry_path(path, entry[2]), "rt", encoding="utf-8") as fh:
                result = _decode(json.load(fh))
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return None
        self.seen[real] = entry
        self.hits += 1
        return result

    def lookup(self, path: str) -> FileResult | None:
        return self.load(path) if self.fresh(path) else None

    # -- writing ---------------------------------------------------------------------------
    def store(self, path: str, stamp: tuple[int, int, str], result: FileResult) -> None:
        size, mtime_ns, sha = stamp
        if time.time() - mtime_ns / 1e9 < RACY_SECONDS:
            mtime_ns = None  # Ex) written a moment ago: it may change again within the same tick
        target = self._entry_path(path, sha)
        try:
            if not os.path.exists(target):
                data = json.dumps(_encode(result), ensure_ascii=False).encode("utf-8")
                _atomic_write(target, gzip.compress(data, compresslevel=3, mtime=0))
        except (OSError, TypeError, ValueError):
            return  # a cache that cannot be written is not an error: the audit itself succeeded
        self.seen[os.path.abspath(path)] = [size, mtime_ns, sha]
        self.stored += 1

    def close(self) -> None:
        """Write the index: this run's files plus those of earlier runs not seen this time."""
        files = dict(self.index)
        files.update(self.seen)
        data = json.dumps({"version": FORMAT, "files": dict(sorted(files.items()))},
                          ensure_ascii=False, indent=0)
        try:
            _atomic_write(os.path.join(self.dir, "index.json"), data.encode("utf-8"))
        except OSError:
            pass


def _atomic_write(target: str, data: bytes) -> None:
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# -- results as JSON ------------------------------------------------------------------------------
def _encode(r: FileResult) -> dict:
    doc = r.document
    return {
        "path": r.path, "error": r.error,
        "document": None if doc is None else [doc.path, doc.text, doc.format, doc.encoding],
        "findings": [[f.rule, f.severity, f.message, f.start, f.end, f.stated, f.expected,
                      [list(e) for e in f.evidence],
                      [[x.role, x.text, x.start, x.end] for x in f.related]] for f in r.findings],
        "checks": [[c.rule, c.start, c.end, c.status, c.stated, c.expected, c.message] for c in r.checks],
        "claims": [_plain(c) for c in r.claims],
    }


def _plain(value):
    """A claims entry as JSON keeps it (tuples are stored with a marker so they come back)."""
    if isinstance(value, dict):
        return {"__dict__": [[k, _plain(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"__tuple__": [_plain(v) for v in value]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _unplain(value):
    if isinstance(value, dict):
        if "__dict__" in value:
            return {k: _unplain(v) for k, v in value["__dict__"]}
        return tuple(_unplain(v) for v in value["__tuple__"])
    if isinstance(value, list):
        return [_unplain(v) for v in value]
    return value


def _decode(d: dict) -> FileResult:
    doc = None if d["document"] is None else Document.from_text(*d["document"])
    findings = tuple(Finding(rule, sev, msg, start, end, stated, expected,
                             tuple((k, v) for k, v in evidence),
                             tuple(Related(*x) for x in related))
                     for rule, sev, msg, start, end, stated, expected, evidence, related in d["findings"])
    checks = tuple(Check(*c) for c in d["checks"])
    return FileResult(d["path"], doc, findings, checks, d["error"], tuple(_unplain(c) for c in d["claims"]))
