"""Whole-process time of validator commands next to `python -c pass`, interleaved, median of N.

Run on demand (not part of the test suite):  python benchmarks/startup.py [N]
Prints each command's median wall time and its ratio to the `python -c pass` baseline measured
in the same run, so the figures are comparable across machines.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "validator --version": [sys.executable, "-m", "validator", "--version"],
    "validator rules": [sys.executable, "-m", "validator", "rules"],
    "validator audit seeds/": [sys.executable, "-m", "validator", "audit", "seeds/"],
}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    # Measure what an installed package costs: pip writes bytecode at install time, so do the
    # same here (a checkout run with PYTHONDONTWRITEBYTECODE would recompile every module).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")], check=True)
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for _ in range(n):
        for name, cmd in COMMANDS.items():  # interleaved, so load changes hit every command alike
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<26}{'median ms':>10}{'× python -c pass':>20}   (n={n})")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:<26}{med * 1000:>10.1f}{med / base:>20.2f}")


if __name__ == "__main__":
    main()
