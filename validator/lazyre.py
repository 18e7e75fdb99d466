"""Patterns compiled on first use, and compiled programs kept between runs.

``validator --version``, ``validator rules`` and ``validator explain`` import every rule module
for its id and docstring; compiling the few hundred patterns the rules hold would take longer
than the whole command.  A :class:`LazyPattern` compiles its pattern with the ``regex`` module the
first time a method is looked up, then keeps the bound methods, so later calls cost the same as
on a compiled pattern.

An audit uses them all, and the ``regex`` module parses a pattern in Python: about 150 ms for
the ~400 patterns, more than auditing a 10 KB report.  A compiled ``regex`` pattern carries its
program as plain data (what it pickles to: the pattern, flags, the code as bytes, group tables),
and ``regex._regex.compile`` rebuilds the pattern from that data in microseconds.  So the programs
compiled in one run are written to ``validator/__pycache__/patterns-<versions>.marshal`` (beside
the package's bytecode, and trusted like it), keyed by the versions of validator, regex and
Python; later runs rebuild every pattern from there (about 5 ms for all of them).  A pattern
whose text or flags changed is simply not found and is compiled again.  The file is plain data
read with ``marshal`` (no code is run to read it); any problem with it — missing, unreadable,
not writable, not the expected shape, a program the engine refuses — means compiling as if it
were not there.  ``VALIDATOR_PATTERN_CACHE=0`` turns it off.
"""

from __future__ import annotations

import os
import sys

_STORE: dict | None = None      # (pattern, flags) -> program, as read from the file
_NEW: dict = {}                 # programs compiled by this process and not in the file


def _enabled() -> bool:
    return os.environ.get("VALIDATOR_PATTERN_CACHE", "1") != "0"


def _path() -> str:
    import regex

    from . import __version__
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
    return os.path.join(here, f"patterns-{__version__}-regex{regex.__version__}-"
                              f"py{sys.version_info[0]}{sys.version_info[1]}.marshal")


def _load() -> dict:
    global _STORE
    if _STORE is None:
        _STORE = {}
        if _enabled():
            import marshal
            try:
                with open(_path(), "rb") as fh:
                    data = marshal.loads(fh.read())
            except (OSError, ValueError, EOFError, TypeError):
                data = None
            if isinstance(data, dict):
                _STORE = data
    return _STORE


def _from_store(pattern, flags: int):
    program = _load().get((pattern, flags)) if isinstance(pattern, str) else None
    if not (isinstance(program, tuple) and program and program[0] == pattern):
        return None
    try:
        from regex import _regex
        return _regex.compile(*program)
    except Exception:  # noqa: BLE001 - a refused program is compiled again from the pattern
        return None


def _remember(pattern, flags: int, compiled) -> None:
    if not _enabled() or not isinstance(pattern, str):
        return
    program = getattr(compiled, "_pickled_data", None)
    if not isinstance(program, tuple):
        return
    if not _NEW:
        import atexit
        atexit.register(save)
    _NEW[(pattern, flags)] = program


def save() -> None:
    """Write the programs compiled by this process, with those already stored (atomically)."""
    if not _NEW:
        return
    import marshal
    import tempfile
    merged = dict(_load())
    merged.update(_NEW)
    _NEW.clear()
    path = _path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(merged))
            os.chmod(tmp, 0o644)    # readable by every user of the install, like its bytecode
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass        # a read-only install: compile on every run, as without the file


class LazyPattern:
    def __init__(self, pattern, flags: int = 0, **kwargs) -> None:
        self._args = (pattern, flags)
        self._kwargs = kwargs
        self._compiled = None

    def compiled(self):
        if self._compiled is None:
            pattern, flags = self._args
            if not self._kwargs:
                self._compiled = _from_store(pattern, int(flags))
            if self._compiled is None:
                import regex
                self._compiled = regex.compile(*self._args, **self._kwargs)
                if not self._kwargs:
                    _remember(pattern, int(flags), self._compiled)
        return self._compiled

    def __getattr__(self, name: str):
        # Only reached for names not yet cached on the instance: "search", "match", "pattern" …
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern, flags: int = 0, **kwargs) -> LazyPattern:
    return LazyPattern(pattern, flags, **kwargs)
