"""The Dask run gives byte-identical JSON to the local run on the dev corpus.

Starts a LocalCluster (two worker processes) inside the test; skipped when the dev corpus or
the optional extra (``validator[dask]``) is missing.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="dev corpus not present")


def _audit(*args: str) -> tuple[int, str]:
    from validator.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["audit", str(CORPUS), "--format", "json", "--quiet", *args])
    return code, out.getvalue()


def test_dask_cluster_matches_local_run(tmp_path, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.chdir(tmp_path)  # no claims/ folder here: the auto rules only, on both sides
    local_code, local = _audit("--jobs", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        code, remote = _audit("--dask", cluster.scheduler_address)
    assert code == local_code
    assert remote == local
    assert '"files"' in local and local.count('"path"') >= len(list(CORPUS.glob("*.txt")))


def test_dask_api_in_process_cluster_small_batches():
    distributed = pytest.importorskip("dask.distributed")
    from validator.distributed import audit
    from validator.load import discover
    from validator.report.json_format import render
    from validator.runner import audit_many, select_rules
    paths = list(discover([str(CORPUS)]))
    rules = select_rules()
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        remote = list(audit(paths, [r.ID for r in rules], client=client, batch=3))
    local = list(audit_many(paths, rules))
    assert render(remote) == render(local)


def test_dask_missing_is_a_usage_error(monkeypatch, tmp_path):
    import builtins
    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith("dask"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    monkeypatch.chdir(tmp_path)
    code, _ = _audit("--dask", "local")
    assert code == 2


def test_dask_workers_get_the_load_options(tmp_path, monkeypatch):
    """--max-size set on the command line applies on the workers too (they are other processes)."""
    distributed = pytest.importorskip("dask.distributed")
    from validator.cli import main
    big = tmp_path / "big.txt"
    big.write_text("全县共有行政村236个，其中通硬化路的村212个、占89.8%。\n" * 40, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from validator.load import configure
    try:
        with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster:
            err = io.StringIO()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                code = main(["audit", str(big), "--max-size", "1K", "--dask", cluster.scheduler_address])
    finally:
        configure()  # the command line set this process's load options: back to the defaults
    assert code == 2 and "larger than" in err.getvalue()
