"""Compiled pattern programs kept between runs (validator/lazyre.py).

Each test points the store at a file of its own (by patching the module's path function), so
the package's real store is never read or written here.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from validator import lazyre

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(lazyre, "_path", lambda: str(path))
    monkeypatch.setattr(lazyre, "_STORE", None)
    monkeypatch.setattr(lazyre, "_NEW", {})
    monkeypatch.delenv("VALIDATOR_PATTERN_CACHE", raising=False)
    return path


PATTERN = r"(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万|亿)?元"
TEXT = "全年完成投资235.6亿元，其中基础设施投资82万元，民间投资47元。"


def test_program_round_trip_gives_the_same_matches(store):
    first = lazyre.lazy_compile(PATTERN)
    expected = [m.groupdict() for m in first.finditer(TEXT)]
    lazyre.save()
    assert store.exists()
    lazyre._STORE = None                     # a new process: read the file
    again = lazyre.lazy_compile(PATTERN)
    assert lazyre._from_store(PATTERN, 0) is not None     # rebuilt from the file, not compiled
    assert [m.groupdict() for m in again.finditer(TEXT)] == expected
    assert (PATTERN, 0) in lazyre._load()    # it came from the store


def test_changed_pattern_is_compiled_anew(store):
    lazyre.lazy_compile(PATTERN).search(TEXT)
    lazyre.save()
    lazyre._STORE = None
    other = lazyre.lazy_compile(PATTERN.replace("元", "美元"))
    assert other.search("投资12亿美元").group("n") == "12"


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps([1, 2, 3]),
                                     marshal.dumps({(PATTERN, 0): ("another pattern", 0, b"")}),
                                     marshal.dumps({(PATTERN, 0): (PATTERN, 0, b"\x01\x02", {}, {}, {},
                                                                   [], 0, (), 0, 0)})])
def test_a_bad_store_is_ignored(store, content):
    store.write_bytes(content)
    p = lazyre.lazy_compile(PATTERN)
    assert p.search(TEXT).group("n") == "235.6"


def test_switched_off_by_environment(store, monkeypatch):
    monkeypatch.setenv("VALIDATOR_PATTERN_CACHE", "0")
    lazyre.lazy_compile(PATTERN).search(TEXT)
    lazyre.save()
    assert not store.exists()


def test_audit_with_a_warm_store_gives_the_same_report(tmp_path):
    """The seed audited with the store off, then twice with it (writing, then reading)."""
    def run(env_value):
        env = {"VALIDATOR_PATTERN_CACHE": env_value, "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
        return subprocess.run([sys.executable, "-m", "validator", "audit", str(ROOT / "seeds"),
                               "--format", "json", "--quiet"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    off = run("0")
    warm1, warm2 = run("1"), run("1")
    assert off.returncode == warm1.returncode == warm2.returncode == 1
    assert off.stdout == warm1.stdout == warm2.stdout
