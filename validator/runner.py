"""Runner: Documents → FileResults, by running the selected rules over each document's quantities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import ModuleType

from .load import LoadError, discover, load
from .model import Check, Document, FileResult, Finding, PackedChecks
from .rules import BY_ID, RULES
from .rules.base import Context


class UsageError(Exception):
    """A mistake in how validator was called (exit code 2)."""


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[ModuleType]:
    chosen = list(RULES)
    for name in list(select or []) + list(ignore or []):
        if name not in BY_ID:
            known = ", ".join(sorted(BY_ID))
            raise UsageError(f"unknown rule {name!r} (known rules: {known})")
    if select:
        chosen = [BY_ID[n] for n in BY_ID if n in set(select)]
    if ignore:
        chosen = [r for r in chosen if r.ID not in set(ignore)]
    return chosen


# A document longer than this (in characters) is audited piece by piece, each piece about this
# long and cut at a paragraph break, so that memory stays bounded for one very large file (the
# quantities and the rules' indexes of one piece at a time).  Relations between two pieces —
# a figure restated a megabyte later, a whole stated in another piece — are not checked.
# A document that declared claims name is always audited whole.
PIECE_CHARS = 1 << 20


def audit_document(doc: Document, rules: Iterable[ModuleType], claims=None, jobs: int = 1) -> FileResult:
    """The rules' findings and checks for *doc*, then those of the claims (a ``ClaimSet``) naming it.

    A document audited in pieces has its pieces audited by *jobs* forked processes at once when
    *jobs* > 1; the pieces' results are joined in order, so the result is that of ``jobs=1``.
    """
    rules = list(rules)
    findings: list[Finding] = []
    checks: list[Check] = []
    ctx = None
    named = claims is not None and bool(claims.for_document(doc.path))
    packed = None
    if len(doc.text) > 2 * PIECE_CHARS and not named:
        blobs, counts = [], []
        for found, blob, count in _pieces_audited(doc, pieces(doc.text, PIECE_CHARS), rules, jobs):
            findings += found
            blobs.append(blob)
            counts.append(count)
        packed = PackedChecks(blobs, counts)
    else:
        ctx = Context.of(doc)
        _run_rules(ctx, rules, findings, checks)
    claim_entries: list[dict] = []
    if named:
        from .claims.run import run as run_claims
        ctx = ctx or Context.of(doc)
        found, checked, claim_entries = run_claims(doc, ctx.quantities, claims)
        findings = _fold_claims(findings, found)
        checks += checked
    findings.sort(key=_finding_order)
    return FileResult(doc.path, doc, tuple(findings), packed if packed is not None else _in_order(checks),
                      claims=tuple(claim_entries))


def _finding_order(f: Finding) -> tuple:
    return (f.start, f.rule, f.end, f.message)


def _in_order(checks: list[Check]) -> tuple[Check, ...]:
    """Checks by position, each once."""
    checks.sort(key=lambda c: (c.start, c.rule, c.end, c.status, c.message))
    return tuple(dict.fromkeys(checks))


def _run_rules(ctx: Context, rules: list[ModuleType], findings: list, checks: list, shift: int = 0) -> None:
    for rule in rules:
        for item in rule.check(ctx):
            if shift:
                item = _shifted(item, shift)
            (findings if isinstance(item, Finding) else checks).append(item)


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of *text* of about *size* characters, cut after a
    blank line where there is one in the second half of the piece, else after a line break,
    else (one enormous line) at *size*."""
    out, a, n = [], 0, len(text)
    while n - a > size:
        lo, hi = a + size // 2, a + size
        cut = text.rfind("\n\n", lo, hi)
        cut = cut + 2 if cut != -1 else text.rfind("\n", lo, hi) + 1 or hi
        out.append((a, cut))
        a = cut
    out.append((a, n))
    return out


_PIECES: dict = {}


def _piece_work(span: tuple[int, int]) -> tuple[list, bytes, int]:
    """One piece's findings, and its checks packed (in order, each once), at offsets in the
    whole document.  A check lies inside its piece, so the pieces' checks joined in order are
    in order."""
    a, b = span
    found: list[Finding] = []
    checked: list[Check] = []
    _run_rules(Context.of(_piece(_PIECES["doc"], a, b)), _PIECES["rules"], found, checked, shift=a)
    checks = _in_order(checked)
    return found, PackedChecks.pack(checks), len(checks)


def _pieces_audited(doc: Document, spans: list[tuple[int, int]], rules: list[ModuleType],
                    jobs: int) -> Iterator[tuple[list, bytes, int]]:
    _PIECES.update(doc=doc, rules=rules)
    try:
        if jobs <= 1 or len(spans) <= 1:
            yield from map(_piece_work, spans)
            return
        import multiprocessing
        # forked workers inherit the document and the rules; only the spans and results travel
        with multiprocessing.get_context("fork").Pool(min(jobs, len(spans))) as pool:
            yield from pool.imap(_piece_work, spans)
    finally:
        _PIECES.clear()


def _piece(doc: Document, a: int, b: int) -> Document:
    """The part of *doc* from offset *a* to *b* as a document of its own (offsets from *a*)."""
    from dataclasses import replace
    sub = Document.from_text(doc.path, doc.text[a:b], doc.format, doc.encoding)
    first_line = doc.position(a)[0]
    lines = len(sub.line_starts)
    return replace(
        sub,
        boilerplate=frozenset(n - first_line + 1 for n in doc.boilerplate
                              if first_line <= n < first_line + lines),
        blocks=tuple((k, s - a, e - a, lvl) for k, s, e, lvl in doc.blocks if a <= s and e <= b))


def _shifted(item, by: int):
    from dataclasses import replace
    if isinstance(item, Finding):
        return replace(item, start=item.start + by, end=item.end + by,
                       related=tuple(replace(r, start=r.start + by, end=r.end + by) for r in item.related))
    return replace(item, start=item.start + by, end=item.end + by)


def audit(paths: list[str], rules: list[ModuleType], claims=None) -> Iterator[FileResult]:
    """Every input named by *paths*, in order; unreadable ones as results with an error."""
    for path in discover(paths):
        loaded = load(path)
        if isinstance(loaded, LoadError):
            yield FileResult(loaded.path, None, error=loaded.message)
        else:
            yield audit_document(loaded, rules, claims)


def _fold_claims(auto: list[Finding], claimed: list[Finding]) -> list[Finding]:
    """The auto rules' findings plus the claims' — one finding per inconsistency.

    A failed claim that states the very inconsistency an auto rule already reported on the same
    span (the seed's "743 is 66.8% of 1090" and percent-of-total on 66.8%) is folded into that
    finding: its evidence gains the claim id and its message says the declared claim fails too.
    The claim still appears as ``failed`` in the file's ``claims`` list.  Any other failed or
    unresolved claim is a finding of its own (rule ``claim``).
    """
    from dataclasses import replace

    from .model import SEVERITY_RANK
    by_span = {(f.start, f.end): i for i, f in enumerate(auto)}
    out = list(auto)
    for c in claimed:
        i = by_span.get((c.start, c.end))
        claim_id = dict(c.evidence).get("claim")
        if i is None or claim_id is None or SEVERITY_RANK[out[i].severity] < SEVERITY_RANK[c.severity]:
            out.append(c)
            continue
        f = out[i]
        out[i] = replace(f, message=f"{f.message} (declared claim {claim_id} fails too)",
                         evidence=f.evidence + (("claim", claim_id),))
    return out


# -- many files: a process pool, a cache, results in input order -----------------------------
_WORKER: dict = {}


def _init_worker(rules: list[ModuleType], claims, stamp: bool) -> None:
    # Called in each forked worker: the rules and claims are inherited, not pickled.
    _WORKER.update(rules=rules, claims=claims, stamp=stamp)


def audit_path(path: str, rules: list[ModuleType], claims=None, stamp: bool = False, jobs: int = 1):
    """One input's result; with *stamp*, also its cache stamp (size, mtime_ns, sha256) or None.
    *jobs* is for the pieces of one large document (see :func:`audit_document`)."""
    mark = None
    if stamp and path != "-":
        from .cache import stamp_of
        mark = stamp_of(path)
    loaded = load(path)
    if isinstance(loaded, LoadError):
        result = FileResult(loaded.path, None, error=loaded.message)
        mark = None  # an unreadable input is tried again next time
    else:
        result = audit_document(loaded, rules, claims, jobs)
    return (result, mark) if stamp else result


def _work(path: str):
    return audit_path(path, _WORKER["rules"], _WORKER["claims"], _WORKER["stamp"])


def default_jobs() -> int:
    """All the cores this process may use."""
    import os
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def audit_many(paths: list[str], rules: list[ModuleType], claims=None, jobs: int = 1,
               cache=None) -> Iterator[FileResult]:
    """Every input of *paths* (already discovered), in input order, as soon as it is ready.

    *jobs* > 1 audits in a pool of forked processes (the order, and so the output, stays that of
    ``jobs=1``); *cache* (a :class:`validator.cache.Cache`) answers for inputs that did not
    change since the last run without reading them, and keeps what the others gave.  Standard
    input (``-``) is read by this process.
    """
    stamp = cache is not None

    def finish(path: str, item):
        result, mark = item if stamp else (item, None)
        if cache is not None and mark is not None:
            cache.store(path, mark, result)
        return result

    def local(p: str, jobs: int = 1) -> FileResult:
        return finish(p, audit_path(p, rules, claims, stamp, jobs))

    def stored(p: str) -> FileResult:  # read when its turn comes, so hits are not all held at once
        found = cache.load(p)
        return found if found is not None else local(p)

    # Which inputs the cache answers is decided up front from size and mtime alone.
    plan = [(p, cache is not None and p != "-" and cache.fresh(p)) for p in paths]
    todo = [p for p, hit in plan if not hit and p != "-"]
    if jobs <= 1 or len(todo) <= 1:
        # one input to read (or one core): the pool, if any, is for the pieces of a large one
        for p, hit in plan:
            yield stored(p) if hit else local(p, jobs)
        return
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    # small chunks keep the results flowing in order; a few per worker keep the pipes busy
    chunk = max(1, min(16, len(todo) // (jobs * 8)))
    with ctx.Pool(min(jobs, len(todo)), _init_worker, (rules, claims, stamp)) as pool:
        done = pool.imap(_work, todo, chunksize=chunk)
        for p, hit in plan:
            if hit:
                yield stored(p)
            elif p == "-":
                yield local(p)
            else:
                yield finish(p, next(done))
