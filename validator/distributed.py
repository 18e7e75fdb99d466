"""The same audit on a Dask cluster: ``validator audit --dask ADDRESS PATH...``.

Needs the optional extra ``validator[dask]`` (``dask[distributed]``).  The paths are
discovered here and sent in batches to the workers, which must be able to read them under the
same names (a shared file system, or absolute paths mounted alike); each worker loads the
rules (and the claims folder, by path) itself and returns plain results, which come back in
input order.  Suppression, severities, the baseline and every output format then run here,
exactly as for a local audit, so the output is byte-identical to ``--jobs 1``.

``ADDRESS`` is a scheduler address (``tcp://10.0.0.5:8786``) or ``local`` for a cluster of
local processes started for this run.  See README.md, "Auditing an archive on a cluster".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .model import FileResult

BATCH = 32  # files per task: small enough to spread an archive, large enough to amortise a task


class DaskMissing(Exception):
    pass


@lru_cache(maxsize=4)
def _setup(rule_ids: tuple[str, ...], claims_dir: str | None):
    from .runner import select_rules
    rules = select_rules(list(rule_ids)) if rule_ids else []
    claims = None
    if claims_dir is not None:
        from .claims import load_dir
        claims = load_dir(claims_dir)
    return rules, claims


def audit_batch(paths: list[str], rule_ids: tuple[str, ...], claims_dir: str | None,
                load_options: tuple = (None, None)) -> list[FileResult]:
    """Run on a worker: the results of *paths* with the rules named by *rule_ids*.

    *load_options* are the client's ``--encoding`` and ``--max-size`` (validator.load's options).
    """
    from .load import configure
    from .runner import audit_path
    configure(*load_options)
    rules, claims = _setup(rule_ids, claims_dir)
    return [audit_path(p, rules, claims) for p in paths]


def client_for(address: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("--dask needs the optional extra: pip install 'validator[dask]'") from None
    if address == "local":
        return Client(LocalCluster(processes=True, dashboard_address=None))
    return Client(address)


def audit(paths: list[str], rule_ids: list[str], claims_dir: str | None = None, *,
          client=None, address: str | None = None, batch: int = BATCH) -> Iterator[FileResult]:
    """Every input of *paths*, in input order, audited on the cluster behind *client*/*address*.

    At most a few batches per worker wait for collection at any time, so the memory of this
    process stays flat however many files the archive holds.
    """
    own = client is None
    if own:
        client = client_for(address or "local")
    try:
        batches = [paths[i:i + batch] for i in range(0, len(paths), batch)]
        ids = tuple(rule_ids)
        from .load import _OPTIONS
        options = (_OPTIONS.get("encoding"), _OPTIONS.get("limits"))
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})) or 4)
        pending = []
        submitted = 0
        for _ in range(len(batches)):
            while submitted < len(batches) and len(pending) < window:
                pending.append(client.submit(audit_batch, batches[submitted], ids, claims_dir, options,
                                              pure=False))
                submitted += 1
            future = pending.pop(0)
            results = future.result()
            future.release()
            yield from results
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
