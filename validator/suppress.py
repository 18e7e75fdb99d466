"""Suppress: inline markers and a baseline, applied to the runner's results before reporting.

A pipeline stage: ``list[FileResult] → list[FileResult]``.  Findings are frozen; this stage
builds new FileResults with fewer findings (and with the findings it adds itself), it never
changes one.

Inline markers (Markdown, HTML comments or plain text), on the line of the finding or on a line
of their own directly above it (blank lines between are allowed)::

    <!-- validator: ignore percent-of-total -- the 66.8% is quoted from the county's table -->
    # validator: ignore enumeration-count, respectively -- the list is abridged on purpose

A marker names one or more rule ids (comma or space separated) and gives a reason after
`` -- ``.  A marker without a rule or a reason, or naming a rule that does not exist, is
itself reported (``invalid-suppression``) and suppresses nothing; a marker for a rule that ran
and matched no finding is reported as ``unused-suppression``.  Both are warnings and can be
turned off with ``--ignore``.

Claims files can also waive a finding by quoting the text it is in (:class:`Waiver`,
:func:`apply_waivers`); a waiver that covers nothing is ``unused-suppression`` too.

Baseline: :func:`write_baseline` records each finding's fingerprint (see :func:`fingerprints`)
in a small JSON file, written atomically; :func:`apply_baseline` then drops every finding whose
fingerprint is recorded, so only new ones are reported.  The file::

    {"version": 1, "tool": "validator",
     "findings": [{"path": "reports/a.md", "rule": "percent-of-total", "stated": "66.8%",
                   "fingerprint": "3f…:0"}]}
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

import regex

from .model import Document, FileResult, Finding


class BaselineError(Exception):
    """A baseline file that cannot be read or written (exit code 2)."""


UNUSED_ID = "unused-suppression"
INVALID_ID = "invalid-suppression"


class _UnusedSuppression:
    """A suppression marker matched no finding of the rule it names.

    What it does:
        Reports an inline ``validator: ignore RULE -- reason`` marker when the rule it names
        ran over the line below it (or its own line) and found nothing there.

    Why it matters:
        A stale marker hides the next real problem on that line; once the number is fixed the
        marker should go.

    Example (fails):
        <!-- validator: ignore percent-of-total -- quoted from the county table -->
        全州1090个村，收入5万元以上的村743个、占68.2%。

    Use instead (passes):
        全州1090个村，收入5万元以上的村743个、占68.2%。
    """

    ID = UNUSED_ID
    SEVERITY = "warning"


class _InvalidSuppression:
    """A suppression marker does not name a known rule or gives no reason.

    What it does:
        Reports an inline ``validator: ignore`` marker that names no rule, names a rule that
        does not exist, or has no reason after `` -- ``.  Such a marker suppresses nothing.

    Why it matters:
        A suppression is a decision someone has to be able to review: which check, and why.

    Example (fails):
        <!-- validator: ignore percent-of-total -->

    Use instead (passes):
        <!-- validator: ignore percent-of-total -- quoted from the county table -->
    """

    ID = INVALID_ID
    SEVERITY = "warning"


#: Rules this stage reports itself, documented like the rule modules (SARIF, JUnit use them).
META_RULES = (_UnusedSuppression, _InvalidSuppression)
for _meta in META_RULES:  # dedented, so they read like a rule module's docstring
    _meta.__doc__ = inspect.cleandoc(_meta.__doc__ or "")
META_IDS = frozenset(r.ID for r in META_RULES)

# Ex) "<!-- validator: ignore percent-of-total -- quoted as published -->"
_HTML_MARKER = regex.compile(r"<!--[ \t]*validator:[ \t]*ignore\b(?P<body>[^\n]*?)-->")
# Ex) "# validator: ignore percent-of-total -- quoted" / "// validator: ignore …" alone on a line
_LINE_MARKER = regex.compile(r"^[ \t]*(?:#|//|%)[ \t]*validator:[ \t]*ignore\b(?P<body>[^\n]*)$",
                             regex.MULTILINE)
# Ex) "percent-of-total, respectively -- reason": the rule ids, then " -- " and the reason
_RULE_ID = regex.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Marker:
    """One ``validator: ignore`` marker: where it is, the lines it covers, what it names."""

    start: int
    end: int
    lines: tuple[int, ...]
    rules: tuple[str, ...]
    reason: str
    problem: str = ""          # why the marker is invalid; empty when it is valid


def _parse_body(body: str, known: frozenset[str]) -> tuple[tuple[str, ...], str, str]:
    head, sep, reason = body.partition("--")
    rules = tuple(_RULE_ID.findall(head))
    reason = reason.strip()
    if not rules:
        return rules, reason, "names no rule (write `validator: ignore RULE -- reason`)"
    unknown = [r for r in rules if r not in known]
    if unknown:
        return rules, reason, f"names unknown rule {unknown[0]!r}"
    if not sep or not reason:
        return rules, reason, "gives no reason (write `-- reason` after the rule)"
    return rules, reason, ""


def markers(doc: Document, known: Iterable[str]) -> list[Marker]:
    """Every suppression marker in *doc*, with the 1-based lines each one covers."""
    known = frozenset(known)
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for m in _HTML_MARKER.finditer(text):
        found.append((m.start(), m.end(), m.group("body")))
    for m in _LINE_MARKER.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), m.group("body")))
    out = []
    for start, end, body in sorted(found):
        line, _ = doc.position(start)
        lines = [line]
        rest = doc.line_text(line)
        alone = bool(_LINE_MARKER.match(rest)) or not _HTML_MARKER.sub("", rest).strip()
        if alone:
            # Ex) a marker on its own line covers the next line with text on it
            nxt = line + 1
            while nxt <= len(doc.line_starts) and not doc.line_text(nxt).strip():
                nxt += 1
            if nxt <= len(doc.line_starts):
                lines.append(nxt)
        rules, reason, problem = _parse_body(body, known)
        out.append(Marker(start, end, tuple(lines), rules, reason, problem))
    return out


def apply_markers(results: list[FileResult], known: Iterable[str],
                  active: Iterable[str] | None = None) -> list[FileResult]:
    """Drop the findings that an inline marker suppresses; report unused and invalid markers.

    *known* are all rule ids a marker may name; *active* the ids that ran, meta ids included (a
    marker for a rule that did not run is not unused; ``unused-suppression`` and
    ``invalid-suppression`` are reported only when *active* holds them).  Default: all known.
    """
    known = frozenset(known) | META_IDS
    active = frozenset(known if active is None else active)
    out = []
    for r in results:
        if r.document is None or "validator:" not in r.document.text:
            out.append(r)
            continue
        doc = r.document
        marks = markers(doc, known)
        if not marks:
            out.append(r)
            continue
        used: set[tuple[int, str]] = set()
        kept: list[Finding] = []
        for f in r.findings:
            line = doc.position(f.start)[0]
            hit = None
            for i, mk in enumerate(marks):
                if not mk.problem and f.rule in mk.rules and line in mk.lines:
                    hit = (i, f.rule)
                    break
            if hit is None:
                kept.append(f)
            else:
                used.add(hit)
        for i, mk in enumerate(marks):
            if mk.problem:
                if INVALID_ID in active:
                    kept.append(Finding(INVALID_ID, "warning",
                                        f"suppression marker {mk.problem}; it suppresses nothing",
                                        mk.start, mk.end, stated=" ".join(mk.rules)))
                continue
            for rule in mk.rules:
                if (i, rule) not in used and rule in active and UNUSED_ID in active:
                    kept.append(Finding(UNUSED_ID, "warning",
                                        f"suppression of {rule} matched no finding on line "
                                        f"{mk.lines[-1]}; remove the marker (reason given: "
                                        f"{mk.reason})", mk.start, mk.end, stated=rule))
        kept.sort(key=lambda f: (f.start, f.rule, f.end, f.message))
        out.append(replace(r, findings=tuple(kept)))
    return out


# ---------------------------------------------------------------------------------------------
# Quote-anchored waivers from claims files


@dataclass(frozen=True, slots=True)
class Waiver:
    """A waiver in a claims file: findings of *rule* inside the text *quote* of its report are
    accepted, for *reason*.  *where* is ``file:line`` of the waiver, for messages.

        [[waiver]]
        rule = "percent-of-total"
        quote = "示范社96家、占27.6%"
        reason = "quoted from the county's communiqué; the statistics bureau confirms it"
    """

    rule: str
    quote: str
    reason: str
    where: str = ""


def apply_waivers(results: list[FileResult], waivers_for, active: Iterable[str] | None = None
                  ) -> list[FileResult]:
    """Drop the findings a claims-file waiver covers; report waivers that cover nothing.

    *waivers_for(path)* gives the :class:`Waiver` objects that apply to a report.  A waiver
    covers a finding of its rule whose stated value lies inside an occurrence of its quote.  A
    waiver whose quote is no longer in the report, or that covers no finding, is reported as
    ``unused-suppression`` (at the quote, or at the start of the report when it is gone).
    """
    active = None if active is None else frozenset(active)
    out = []
    for r in results:
        waivers = list(waivers_for(r.path)) if r.document is not None else []
        if not waivers:
            out.append(r)
            continue
        text = r.document.text
        kept = list(r.findings)
        extra: list[Finding] = []
        for w in waivers:
            spans, i = [], text.find(w.quote) if w.quote else -1
            while i != -1:
                spans.append((i, i + len(w.quote)))
                i = text.find(w.quote, i + 1)
            covered = [f for f in kept if f.rule == w.rule and any(a <= f.start and f.end <= b for a, b in spans)]
            if covered:
                kept = [f for f in kept if f not in covered]
                continue
            if active is not None and (UNUSED_ID not in active or w.rule not in active):
                continue
            where = f" ({w.where})" if w.where else ""
            if not spans:
                extra.append(Finding(UNUSED_ID, "warning",
                                     f"waiver of {w.rule}{where}: its quote “{w.quote}” is no longer "
                                     f"in the report; update or remove the waiver", 0, 0, stated=w.rule))
            else:
                extra.append(Finding(UNUSED_ID, "warning",
                                     f"waiver of {w.rule}{where} matched no finding inside “{w.quote}”; "
                                     f"remove it (reason given: {w.reason})", spans[0][0], spans[0][1],
                                     stated=w.rule))
        if len(kept) == len(r.findings) and not extra:
            out.append(r)
            continue
        findings = sorted(kept + extra, key=lambda f: (f.start, f.rule, f.end, f.message))
        out.append(replace(r, findings=tuple(findings)))
    return out


# ---------------------------------------------------------------------------------------------
# Fingerprints and the baseline


def _norm_path(path: str) -> str:
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    while p.startswith("./"):
        p = p[2:]
    return p


def _context(doc: Document, f: Finding, width: int = 24) -> str:
    """The text around the finding on its own line, without white space: survives edits above
    and re-wrapping, changes when the sentence itself changes."""
    text = doc.text
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    if line_end == -1:
        line_end = len(text)
    snippet = text[max(line_start, f.start - width):min(line_end, f.end + width)]
    return "".join(snippet.split())


def fingerprints(result: FileResult) -> list[str]:
    """A stable fingerprint for each finding of *result*, in order.

    sha256 of rule, path, stated value and the finding's surrounding text with white space
    removed — never the line number, so the fingerprint survives edits above the finding —
    followed by ``:N``, the finding's rank among findings with the same hash in that file.
    """
    if result.document is None:
        return []
    seen: Counter[str] = Counter()
    out = []
    path = _norm_path(result.path)
    for f in result.findings:
        key = "\x1f".join((f.rule, path, f.stated, _context(result.document, f)))
        h = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        out.append(f"{h}:{seen[h]}")
        seen[h] += 1
    return out


def baseline_document(results: list[FileResult]) -> dict:
    entries = []
    for r in results:
        for f, fp in zip(r.findings, fingerprints(r)):
            entries.append({"path": _norm_path(r.path), "rule": f.rule, "stated": f.stated,
                            "fingerprint": fp})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return {"version": 1, "tool": "validator", "findings": entries}


def write_baseline(path: str, results: list[FileResult]) -> int:
    """Write today's findings to *path* atomically (temp file + rename); returns their number."""
    data = baseline_document(results)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    directory = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".validator-baseline-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return len(data["findings"])


def read_baseline(path: str) -> frozenset[str]:
    """The fingerprints recorded in a baseline file (``path`` + fingerprint pairs)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a validator baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a validator baseline (expected version 1 with a findings list)")
    out = set()
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) \
                or not isinstance(e.get("path"), str):
            raise BaselineError(f"{path}: findings[{i}]: expected an object with path and fingerprint")
        out.add(f"{e['path']}\x1f{e['fingerprint']}")
    return frozenset(out)


def apply_baseline(results: list[FileResult], known: frozenset[str]) -> list[FileResult]:
    """Only the findings whose fingerprint is not in the baseline *known* (from read_baseline)."""
    out = []
    for r in results:
        if not r.findings:
            out.append(r)
            continue
        path = _norm_path(r.path)
        kept = tuple(f for f, fp in zip(r.findings, fingerprints(r)) if f"{path}\x1f{fp}" not in known)
        out.append(r if len(kept) == len(r.findings) else replace(r, findings=kept))
    return out
