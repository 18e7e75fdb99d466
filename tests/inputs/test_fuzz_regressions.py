"""Every input the fuzz target ever crashed on (fuzz/crashes/) runs through it again — load,
extract and every auto rule — and must not raise.

Crashes in code outside the loader that are not fixed yet are listed in KNOWN as strict xfails
with the failing function: when the fix lands the test passes, the xfail fails, and the entry
is removed.
"""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

from validator.rules import RULES

ROOT = pathlib.Path(__file__).resolve().parents[2]
CRASHES = sorted((ROOT / "fuzz" / "crashes").iterdir())

_spec = importlib.util.spec_from_file_location("fuzz_target", ROOT / "fuzz" / "target.py")
target = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(target)

# file name → the bug it shows (outside validator/load, reported to its owner)
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("path", CRASHES, ids=[p.name for p in CRASHES])
def test_fuzz_crash_input_no_longer_crashes(path):
    marker = KNOWN.get(path.name)
    if marker:
        try:
            target.run(path.read_bytes(), RULES)
        except Exception:
            pytest.xfail(marker)
        pytest.fail(f"fixed: remove {path.name!r} from KNOWN ({marker})")
    target.run(path.read_bytes(), RULES)


def test_every_crash_file_is_small():
    assert all(p.stat().st_size < 64 * 1024 for p in CRASHES)
