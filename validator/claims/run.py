"""Checking claims against a report: resolve every binding, evaluate every assertion.

A binding resolves through the extractor's quantities:

- ``quote``: the exact text must occur in the report.  When it occurs more than once,
  ``occurrence = N`` (the N-th, counting from 1) or ``near = "word"`` (the only occurrence
  whose line also holds the word) must say which, or the claim is ``unresolved``.  The value
  is the quantity whose span lies inside the quote (``pick = N`` for the N-th of several;
  default the first).
- ``pattern``: a regular expression (``regex`` module, with a time limit); the same rules,
  and the quantity inside its first group when it has one.
- ``value`` and ``fact``: constants, resolved when the file was read.

A claim with a binding that does not resolve is ``unresolved`` — the report changed under
the claim — and that is an error finding.  A failed claim is a finding of its own severity on
the stated value (the binding named by ``at``, else the last quoted one on the right-hand
side, else the last quoted one).  Rule id for both: ``claim``.
"""

from __future__ import annotations

from ..interval import Interval
from ..model import Check, Document, Finding, Quantity, Related
from . import expr as E
from .files import REPORT_YEAR, Binding, Claim, ClaimsError, ClaimsFile, ClaimSet
from .units import AD

RULE = "claim"
PATTERN_TIMEOUT = 1.0  # seconds for one pattern over one report
MAX_OCCURRENCES = 10_000


class Unresolved(Exception):
    pass


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i != -1 and len(out) < MAX_OCCURRENCES:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _matches(text: str, b: Binding, where: str) -> list[tuple[int, int]]:
    import regex
    try:
        out = []
        for m in regex.finditer(b.text, text, timeout=PATTERN_TIMEOUT):
            out.append(m.span(1) if m.re.groups else m.span())
            if len(out) >= MAX_OCCURRENCES:
                break
        return out
    except TimeoutError:
        raise ClaimsError(f"{where}binding {b.name}: the pattern took longer than {PATTERN_TIMEOUT}s "
                          f"on the report; simplify it") from None


def _line_of(doc: Document, start: int) -> tuple[int, int]:
    line, _ = doc.position(start)
    s = doc.line_starts[line - 1]
    e = doc.line_starts[line] if line < len(doc.line_starts) else len(doc.text)
    return s, e


def resolve(doc: Document, quantities: list[Quantity], b: Binding, where: str = "") -> Quantity:
    """The quantity a quote or pattern binding names, or :class:`Unresolved` saying why."""
    what = f"quote {b.text!r}" if b.kind == "quote" else f"pattern {b.text!r}"
    spans = _occurrences(doc.text, b.text) if b.kind == "quote" else _matches(doc.text, b, where)
    if not spans:
        raise Unresolved(f"{what} is not in the report")
    if b.near is not None:
        spans = [sp for sp in spans if b.near in doc.text[slice(*_line_of(doc, sp[0]))]]
        if not spans:
            raise Unresolved(f"{what} does not occur on a line with {b.near!r}")
    if b.occurrence is not None:
        if b.occurrence > len(spans):
            raise Unresolved(f"{what} occurs {len(spans)} time(s), not {b.occurrence}")
        span = spans[b.occurrence - 1]
    elif len(spans) > 1:
        lines = ", ".join(str(doc.position(s)[0]) for s, _ in spans[:10])
        raise Unresolved(f"{what} occurs {len(spans)} times (lines {lines}); "
                         f"say which with occurrence = N or near = \"word\"")
    else:
        span = spans[0]
    inside = [q for q in quantities if q.start >= span[0] and q.end <= span[1]]
    if not inside:
        raise Unresolved(f"{what} holds no whole number the extractor reads; quote the number "
                         f"with its unit")
    k = b.pick or 1
    if k > len(inside):
        raise Unresolved(f"{what} holds {len(inside)} number(s), not {k} (pick = {k})")
    return inside[k - 1]


def _value(q: Quantity) -> E.Value:
    """A quantity as a claim value.  Ex) "743个" → 743; "3.6亿元" → 3.55–3.65亿 CNY; "2012年" → AD."""
    if q.kind == "percent":
        unit = "%"
    elif q.kind == "pp":
        unit = "pp"
    elif q.kind == "amount":
        unit = q.unit or "CNY"
    elif q.kind == "year":
        unit = "AD"
    elif q.kind == "duration":
        unit = q.unit or "year"
    elif q.kind == "measure":
        unit = {"岁": "year", "公里": "km", "千米": "km", "米": "m", "平方米": "m2", "平方公里": "km2",
                "平方千米": "km2", "公顷": "hectare", "亩": "mu", "公斤": "kg", "千克": "kg", "吨": "t",
                "小时": "hour", "分钟": "minute"}.get(q.unit, q.unit)
    else:  # count, number, multiple: plain numbers
        unit = ""
    return E.Value(q.value, ((unit, 1),) if unit else ())


def check_file(doc: Document, quantities: list[Quantity], cf: ClaimsFile) -> tuple[list[Finding], list[Check], list[dict]]:
    findings: list[Finding] = []
    checks: list[Check] = []
    entries: list[dict] = []
    for claim in cf.claims:
        f, c, entry = check_claim(doc, quantities, cf, claim)
        findings.extend(f)
        checks.extend(c)
        entries.append(entry)
    return findings, checks, entries


def check_claim(doc: Document, quantities: list[Quantity], cf: ClaimsFile, claim: Claim):
    where = f"{claim.path}:{claim.line}: claim {claim.id}: "
    env: dict[str, E.Value] = {}
    located: dict[str, Quantity] = {}
    problems: list[str] = []
    for b in claim.bindings:
        if b.value is not None:
            env[b.name] = b.value
            continue
        try:
            q = resolve(doc, quantities, b, where)
        except Unresolved as exc:
            problems.append(f"{b.name}: {exc}")
            continue
        located[b.name] = q
        env[b.name] = _value(q)
    if cf.year is not None:
        env[REPORT_YEAR] = E.Value(Interval.exact(cf.year), AD)
    anchor = _anchor(claim, located)
    start, end = (anchor.start, anchor.end) if anchor else (0, 0)
    line = doc.position(start)[0] if doc.text else 1
    evidence = tuple((b.name, located[b.name].text if b.name in located else b.text) for b in claim.bindings)
    related = tuple(Related(n, q.text, q.start, q.end) for n, q in located.items() if q is not anchor)
    if problems:
        msg = (f"claim {claim.id} unresolved ({claim.path}:{claim.line}): " + "; ".join(problems)
               + f" — the report changed under the claim \"{claim.text}\"")
        finding = Finding(RULE, "error", msg, start, end, anchor.text if anchor else "", "",
                          evidence + (("claim", claim.id),), related)
        return [finding], [], {"id": claim.id, "status": "unresolved", "line": line, "message": msg}
    try:
        ok, left, right = E.judge(claim.tree, env)
    except E.EvalError as exc:
        shown = claim.source.replace("\n", " ")
        raise ClaimsError(f"{where}{exc.message}\n    {shown}\n    {E.caret(shown, exc.start, exc.end)}") from None
    ltext, rtext = E.to_source(claim.tree.left), E.to_source(claim.tree.right)
    sides = f"{_label(claim.tree.left, located)} = {left.show()} and {_label(claim.tree.right, located)} = {right.show()}"
    status = "passed" if ok else "failed"
    if ok:
        msg = f"claim {claim.id} holds: {claim.text} ({sides})"
    else:
        msg = (f"claim {claim.id} fails: {claim.text} — {sides}; no values within their rounding "
               f"make {ltext} {claim.tree.op} {rtext}")
    stated = anchor.text if anchor else right.show()
    check = Check(RULE, start, end, status, stated, left.show(), msg)
    entry = {"id": claim.id, "status": status, "line": line, "message": msg}
    if ok:
        return [], [check], entry
    finding = Finding(RULE, claim.severity, msg, start, end, stated, left.show(),
                      evidence + (("claim", claim.id), ("left", left.show()), ("right", right.show())),
                      related)
    return [finding], [check], entry


def _label(node: E.Node, located: dict[str, Quantity]) -> str:
    """A side of the comparison as written, with the report's text for a bound name.  Ex) v668 “66.8%”."""
    if isinstance(node, E.Name) and node.id in located:
        return f"{node.id} “{located[node.id].text}”"
    return E.to_source(node)


def _anchor(claim: Claim, located: dict[str, Quantity]) -> Quantity | None:
    if claim.at and claim.at in located:
        return located[claim.at]
    right = [n.id for n in E.names(claim.tree.right) if n.id in located]
    if right:
        return located[right[-1]]
    every = [n.id for n in E.names(claim.tree) if n.id in located]
    return located[every[-1]] if every else None


def run(doc: Document, quantities: list[Quantity], claims: ClaimSet) -> tuple[list[Finding], list[Check], list[dict]]:
    """Every claim of every claims file that names *doc*."""
    findings: list[Finding] = []
    checks: list[Check] = []
    entries: list[dict] = []
    for cf in claims.for_document(doc.path):
        f, c, e = check_file(doc, quantities, cf)
        findings += f
        checks += c
        entries += e
    return findings, checks, entries
