"""Speed and memory benchmark: validator against the read+decode+one-pattern baseline.

    python benchmarks/speed.py [--runs N] [--sizes 10k,1m,10m,100m] [--archive 10000] [--jobs N]
                               [--validator-args "--ignore repeated-quantity"] [--work DIR]

Generates deterministic Chinese and English report text (seeded; nothing is downloaded) into
--work (default: benchmarks/.work, ignored by git), then measures, interleaved and as the median
of --runs runs: `python -c pass`, the baseline (benchmarks/baseline.py) and `validator audit`
on each input, with each process's peak memory (from wait4's rusage).  Before timing, the
package's bytecode is compiled and one untimed audit of the seed writes the compiled-pattern
store and the claims record, as an installed tool has them after its first run.  Prints every figure as a
ratio to the baseline measured in the same run, plus the seed report and the dev corpus; then
the issue's targets: scaling per 10x of size, the archive on one process and with --jobs N
(parallel efficiency = time on one process / (N x time on N)), and peak memory.

Run on demand only: it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

ZH_PLACES = ["全省", "全市", "全州", "全县", "全区"]
ZH_THINGS = [("村", "个"), ("社区", "个"), ("企业", "家"), ("党支部", "个"), ("学校", "所"), ("医院", "家")]
EN_THINGS = ["villages", "schools", "firms", "branches", "hospitals", "projects"]


def zh_paragraph(rng: random.Random) -> str:
    place = rng.choice(ZH_PLACES)
    thing, cl = rng.choice(ZH_THINGS)
    total = rng.randint(200, 5000)
    part = rng.randint(1, total)
    share = f"{part * 100 / total:.1f}"
    a, b = rng.randint(10, 99), rng.randint(10, 99)
    money_tenths = rng.randint(1000, 99999)
    money = f"{money_tenths / 10:.1f}"
    growth = f"{rng.uniform(-5, 25):.1f}"
    return (f"{rng.randint(2012, 2024)}年以来，{place}{total}{cl}{thing}中，达标的{thing}{part}{cl}、占{share}%。"
            f"全年完成投资{money}亿元，比上年增长{growth}%，其中基础设施投资{rng.randint(1, money_tenths // 20)}亿元。"
            f"从组织建设、队伍建设、制度建设等3个方面推进工作，"
            f"城乡居民人均可支配收入分别增长{a / 10:.1f}%、{b / 10:.1f}%。"
            f"新建或改扩建服务中心{rng.randint(5, 300)}个，累计投入{rng.randint(100, 9999)}万元，"
            f"覆盖率提高{rng.randint(1, 9)}.{rng.randint(0, 9)}个百分点。\n\n")


def en_paragraph(rng: random.Random) -> str:
    thing = rng.choice(EN_THINGS)
    total = rng.randint(200, 5000)
    part = rng.randint(1, total)
    share = f"{part * 100 / total:.1f}"
    rev = rng.randint(1000, 99999)
    return (f"Of the {total:,} {thing} surveyed in {rng.randint(2012, 2024)}, {part:,} ({share}%) met the "
            f"standard. Revenue rose {rng.uniform(0, 30):.1f}% to ${rev / 10:.1f}m, while operating costs "
            f"fell {rng.uniform(0, 10):.1f}% to ${rng.randint(100, rev) / 10:.1f}m. The board named three "
            f"priorities: growth, margins and cash. Exports and imports rose {rng.uniform(0, 9):.1f}% and "
            f"{rng.uniform(0, 9):.1f}% respectively, about {rng.randint(2, 9)} percentage points above "
            f"forecasts.\n\n")


def make_text(rng: random.Random, size: int, lang: str) -> str:
    out, n = [], 0
    while n < size:
        p = zh_paragraph(rng) if lang == "zh" or (lang == "mix" and rng.random() < 0.5) else en_paragraph(rng)
        out.append(p)
        n += len(p.encode("utf-8"))
    return "".join(out)


SIZES = {"10k": 10_000, "1m": 1_000_000, "10m": 10_000_000, "100m": 100_000_000}


def generate(work: Path, sizes: list[str], archive: int) -> dict[str, Path]:
    work.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in sizes:
        path = work / f"report_{name}.txt"
        if not path.exists():
            rng = random.Random(f"speed-{name}")
            chunk = make_text(rng, min(SIZES[name], 1_000_000), "mix")
            with open(path, "w", encoding="utf-8") as fh:
                written = 0
                while written < SIZES[name]:
                    piece = chunk if SIZES[name] - written >= len(chunk.encode()) else \
                        make_text(rng, SIZES[name] - written, "mix")
                    fh.write(piece)
                    written += len(piece.encode("utf-8"))
        out[name] = path
    if archive:
        folder = work / f"archive_{archive}"
        if not folder.exists():
            tmp = work / f".archive_{archive}.tmp"
            tmp.mkdir(parents=True, exist_ok=True)
            rng = random.Random("speed-archive")
            for i in range(archive):
                sub = tmp / f"{i // 1000:02d}"
                sub.mkdir(exist_ok=True)
                lang = "zh" if i % 2 == 0 else "en"
                (sub / f"r{i:05d}.txt").write_text(make_text(rng, 10_000, lang), encoding="utf-8")
            tmp.rename(folder)
        out[f"archive{archive}"] = folder
    return out


def measure(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10k,1m,10m")
    ap.add_argument("--archive", type=int, default=0, help="number of 10 KB reports in the archive (e.g. 10000)")
    ap.add_argument("--jobs", default=str(len(os.sched_getaffinity(0))),
                    help="also time `--jobs N` on the archive (default: all cores)")
    ap.add_argument("--validator-args", default="", help="extra options for every validator run")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work")
    args = ap.parse_args()
    inputs = generate(args.work, [s for s in args.sizes.split(",") if s], args.archive)
    inputs["seed"] = ROOT / "seeds"
    if CORPUS.is_dir():
        inputs["corpus"] = CORPUS
    py = sys.executable
    # As after `pip install`: bytecode compiled (PYTHONDONTWRITEBYTECODE would otherwise leave it
    # stale), the compiled-pattern store and the claims record written, by one untimed run.
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "validator")], check=True)
    subprocess.run([py, "-m", "validator", "audit", "--fail-on", "never", str(ROOT / "seeds")],
                   cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    cmds: dict[str, list[str]] = {"python -c pass": [py, "-c", "pass"],
                                  "validator --version": [py, "-m", "validator", "--version"]}
    for name, path in inputs.items():
        cmds[f"baseline {name}"] = [py, str(ROOT / "benchmarks" / "baseline.py"), str(path)]
        big = ["--max-size", "200M"] if name == "100m" else []
        cmds[f"validator {name}"] = [py, "-m", "validator", "audit", "--fail-on", "never", "--jobs", "1",
                                     *big, *args.validator_args.split(), str(path)]
        if args.jobs and (name.startswith("archive") or name in ("10m", "100m")):
            # an archive's files, or one large file's pieces, on --jobs N processes
            cmds[f"validator {name} --jobs {args.jobs}"] = cmds[f"validator {name}"][:-1] + [
                "--jobs", args.jobs, str(path)]
    times = {k: [] for k in cmds}
    mem = {k: 0 for k in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            t, rss = measure(cmd)
            times[name].append(t)
            mem[name] = max(mem[name], rss)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"runs={args.runs} (median, interleaved); memory is peak RSS")
    print(f"{'command':<34}{'median s':>10}{'peak MiB':>10}{'× baseline':>12}{'× pass':>9}{'MB/s':>9}")
    for name in cmds:
        kind, _, what = name.partition(" ")
        what = what.split(" --jobs")[0]
        base = med.get(f"baseline {what}")
        ratio = f"{med[name] / base:.2f}" if base and kind == "validator" and what in inputs else ""
        size = _size(inputs.get(what))
        mbs = f"{size / 1e6 / med[name]:.2f}" if size else ""
        print(f"{name:<34}{med[name]:>10.3f}{mem[name] / 1024:>10.1f}{ratio:>12}"
              f"{med[name] / med['python -c pass']:>9.2f}{mbs:>9}")


    targets(med, mem, inputs, args)


def targets(med: dict, mem: dict, inputs: dict, args) -> None:
    """The issue's targets, each with its measured figure."""
    def ok(flag: bool) -> str:
        return "met" if flag else "NOT MET"

    print("\ntargets (2-core machine):")
    start = med["validator --version"] / med["python -c pass"]
    print(f"  cold start (--version) {start:.2f}x python -c pass   (<= 3x)   {ok(start <= 3)}")
    if "validator 10k" in med:
        r = med["validator 10k"] / med["baseline 10k"]
        print(f"  10 KB report           {r:.2f}x baseline         (<= 2x)   {ok(r <= 2)}")
    for big in ("10m", "1m"):
        if f"validator {big}" in med:
            size = _size(inputs[big]) / 1e6
            v, b = size / med[f"validator {big}"], size / med[f"baseline {big}"]
            print(f"  MB/s on {big:<4}          {v:.2f} vs {b:.2f} = {v / b:.1%} of baseline  (>= 40%)   {ok(v / b >= 0.4)}")
            key = f"validator {big} --jobs {args.jobs}"
            if key in med:
                v = size / med[key]
                print(f"  MB/s on {big} --jobs {args.jobs}  {v:.2f} vs {b:.2f} = {v / b:.1%} of baseline  "
                      f"(pieces on {args.jobs} processes)")
            break
    sizes = [s for s in ("1m", "10m", "100m") if f"validator {s}" in med]
    for a, b in zip(sizes, sizes[1:]):
        g = med[f"validator {b}"] / med[f"validator {a}"]
        print(f"  scaling {a} -> {b:<5}     {g:.1f}x time per 10x size  (<= 11x)  {ok(g <= 11)}")
    for big in ("10m", "100m"):
        if f"validator {big}" in mem:
            print(f"  {big} peak memory {mem[f'validator {big}'] / 1024:.0f} MiB "
                  f"({mem[f'validator {big}'] * 1024 / _size(inputs[big]):.1f} bytes per byte of input)")
    for name in inputs:
        if not name.startswith("archive"):
            continue
        one = med[f"validator {name}"]
        r = one / med[f"baseline {name}"]
        print(f"  {name} one process {r:.2f}x baseline ({one:.1f} s)  (<= 4x)  {ok(r <= 4)}")
        key = f"validator {name} --jobs {args.jobs}"
        if key in med:
            n = int(args.jobs)
            eff = one / (n * med[key])
            print(f"  {name} --jobs {n}      {med[key]:.1f} s, parallel efficiency {eff:.0%}  (>= 85%)  {ok(eff >= 0.85)}")
        peak = max(mem[f"validator {name}"], mem.get(key, 0)) / 1024
        print(f"  {name} peak memory {peak:.1f} MiB per process  (<= 64 MiB)  {ok(peak <= 64)}")


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


if __name__ == "__main__":
    main()
