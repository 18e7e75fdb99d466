"""``validator init REPORT``: a first claims file for a report, for a person to edit.

The draft holds one binding per quantity the extractor found (in a top-level ``[bind]``
table, each with the shortest quote that finds it once), the relations the auto rules checked
as claims, and further relations worth declaring as commented suggestions: the same count
stated twice, a "since YEAR" next to "N years", percentages that must stay within 100%.
It never overwrites an existing file unless asked (``--force``) and is written atomically.
"""

from __future__ import annotations

import json
import os
import tempfile

from ..model import Document, Quantity
from .files import ClaimsError, load_claims_file

_PREFIX = {"count": "n", "number": "n", "multiple": "n", "percent": "p", "pp": "pp", "amount": "m",
           "year": "y", "duration": "d", "measure": "x"}
_ASCII = str.maketrans({".": "_", "万": "w", "亿": "yi", "千": "k", "百": "h", ",": ""})


def _toml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _name(q: Quantity, line: int, taken: set[str]) -> str:
    raw = (q.numeral or q.text).translate(_ASCII)
    body = "".join(c for c in raw if c.isascii() and (c.isalnum() or c == "_"))
    if not any(c.isdigit() for c in body):
        body = str(int(q.point)) if q.point.denominator == 1 else ""
    name = f"{_PREFIX.get(q.kind, 'n')}{body}_l{line}"
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _unique(text: str, s: str) -> bool:
    first = text.find(s)
    return first != -1 and text.find(s, first + 1) == -1


def _quote(doc: Document, q: Quantity, quantities: list[Quantity]) -> dict:
    """The shortest text around *q* that occurs once and finds it.  Ex) "村743个" → {quote, pick?}."""
    line, _ = doc.position(q.start)
    ls = doc.line_starts[line - 1]
    le = doc.line_starts[line] - 1 if line < len(doc.line_starts) else len(doc.text)
    text = doc.text
    for before in (0, 1, 2, 3, 4, 6, 8, 12):
        for after in (0, 1, 2):
            s, e = max(ls, q.start - before), min(le, q.end + after)
            cand = text[s:e]
            if cand.strip() != cand or not _unique(text, cand):
                continue
            inside = [x for x in quantities if x.start >= s and x.end <= e]
            if q in inside:
                spec = {"quote": cand}
                if inside.index(q):
                    spec["pick"] = inside.index(q) + 1
                return spec
    # the number's own text, and which occurrence of it
    cand = text[q.start:q.end]
    occ, i = 0, text.find(cand)
    while i != -1 and i <= q.start:
        occ += 1
        i = text.find(cand, i + 1)
    spec = {"quote": cand}
    if text.count(cand) > 1:
        spec["occurrence"] = occ
    return spec


def _inline(spec: dict) -> str:
    parts = []
    for k, v in spec.items():
        parts.append(f"{k} = {_toml(v) if isinstance(v, str) else v}")
    return "{" + ", ".join(parts) + "}"


def draft(doc: Document, report: str) -> str:
    """The text of a draft claims file for *doc*, whose path from the project root is *report*."""
    from ..rules import RULES
    from ..rules.base import Context
    from ..runner import audit_document
    quantities = Context.of(doc).quantities
    result = audit_document(doc, RULES)
    names: dict[int, str] = {}
    taken: set[str] = set()
    out = [
        f"# Draft claims for {report}, written by `validator init`: a starting point to edit,",
        "# not a file to trust.  Every number the extractor found has a binding in [bind]; the",
        "# relations the auto rules checked are claims; more relations to consider are commented",
        "# suggestions at the end.  Syntax: see the header of claims/000_ddbcf0d77c88731c.toml.",
        "",
        f"report = {_toml(report)}",
        "# year = 2022   # the report's year (report_year in assertions); set it, no clock is read",
        "",
        "[bind]",
    ]
    for q in quantities:
        line = doc.position(q.start)[0]
        name = _name(q, line, taken)
        names[id(q)] = name
        out.append(f"{name} = {_inline(_quote(doc, q, quantities))}  # line {line}: {q.text} ({q.kind})")
    by_start = {q.start: q for q in quantities}
    claims: list[str] = []
    comments: list[str] = []
    findings = {(f.rule, f.start): f for f in result.findings}
    for n, c in enumerate(result.checks, 1):
        q = by_start.get(c.start)
        line = doc.position(c.start)[0]
        cid = f"{c.rule}-l{line}-{n}"
        text = f"{c.rule} on line {line}: {c.message or c.stated}"[:300]
        assertion = None
        if q is not None and id(q) in names:
            stated = names[id(q)]
            if c.rule == "percent-of-total":
                f = findings.get((c.rule, c.start))
                roles = {r.role: r for r in f.related} if f else {}
                part, whole = (by_start.get(roles[k].start) if k in roles else None for k in ("part", "total"))
                if part is not None and whole is not None:
                    assertion = f"share({names[id(part)]}, {names[id(whole)]}) == {stated}"
            elif c.rule == "enumeration-count" and c.expected.isdigit():
                f = findings.get((c.rule, c.start))
                # a list ending with 等 may leave items out: the rule warns rather than errs
                open_ended = f is not None and (dict(f.evidence).get("open_ended") == "yes"
                                                or f.severity == "warning")
                assertion = f"{stated} {'>=' if open_ended else '=='} {c.expected}"
        block = ["[[claim]]", f"id = {_toml(cid)}", f"text = {_toml(text)}"]
        if assertion is None:
            comments += [f"# {c.rule}, line {line} ({c.status}): {c.message or c.stated}"[:300]]
            continue
        if c.status == "failed" and " >= " not in assertion:
            block.append("# the auto rule found this relation broken: fix the report or the claim")
        claims += block + [f"assert = {_toml(assertion)}", ""]
    out += ["", *claims]
    out += _suggestions(doc, quantities, names)
    if comments:
        out += ["", "# Other relations the auto rules checked (write them as claims if they matter):", *comments]
    return "\n".join(out).rstrip("\n") + "\n"


def _suggestions(doc: Document, quantities: list[Quantity], names: dict[int, str]) -> list[str]:
    out = ["# Suggestions: uncomment and edit the ones that hold for this report."]
    seen: dict[tuple, Quantity] = {}
    n = 0
    for q in quantities:
        if q.kind == "count" and q.exact and (q.noun or q.noun_before):
            key = (q.point, q.classifier, (q.noun or q.noun_before)[:1])
            if key in seen:
                n += 1
                first = seen[key]
                out += ["# [[claim]]", f"# id = \"same-count-{n}\"",
                        f"# text = \"the {first.text} of line {doc.position(first.start)[0]} are the "
                        f"{q.text} of line {doc.position(q.start)[0]}\"",
                        f"# assert = \"{names[id(first)]} == {names[id(q)]}\"", ""]
            else:
                seen[key] = q
    # Ex) "2012年以来" next to "10年来": the span should reach the report's year
    years = [q for q in quantities if q.kind == "year" and doc.text.startswith("以来", q.end)]
    spans = [q for q in quantities if q.kind == "duration"]
    for y in years[:10]:
        for d in spans[:1]:
            n += 1
            out += ["# [[claim]]", f"# id = \"since-{n}\"",
                    f"# text = \"{y.text} plus {d.text} is the report's year (needs year = …)\"",
                    f"# assert = \"years_between({names[id(y)]}, report_year) == {names[id(d)]}\"", ""]
    shares = [names[id(q)] for q in quantities if q.kind == "percent"]
    if shares:
        out += ["# [[claim]]", "# id = \"shares-within-100\"", "# text = \"no share is above 100%\"",
                f"# assert = \"max({', '.join(shares[:40])}) <= 100%\"", ""]
    return out


def init(report: str, claims_dir: str, output: str | None, force: bool) -> int:
    """``validator init``: write the draft; exit 0, or raise :class:`ClaimsError` (exit 2)."""
    from ..load import LoadError, load
    doc = load(report)
    if isinstance(doc, LoadError):
        raise ClaimsError(f"{doc.path}: {doc.message}")
    root = os.path.dirname(os.path.abspath(claims_dir))
    real_root, real = os.path.realpath(root), os.path.realpath(report)
    if os.path.commonpath([real_root, real]) != real_root:
        raise ClaimsError(f"{report}: the report is outside the project ({real_root}), the folder "
                          f"above {claims_dir}")
    rel = os.path.relpath(real, real_root).replace(os.sep, "/")
    dest = output or os.path.join(claims_dir, os.path.splitext(os.path.basename(report))[0] + ".toml")
    if os.path.exists(dest) and not force:
        raise ClaimsError(f"{dest}: already exists; use --force to overwrite it")
    text = draft(doc, rel)
    directory = os.path.dirname(os.path.abspath(dest))
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".validator-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            load_claims_file(tmp, root, _facts(claims_dir))  # the draft must itself be valid
            if force:
                os.replace(tmp, dest)
            else:
                os.link(tmp, dest)  # fails if dest appeared meanwhile: never overwrite
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except FileExistsError:
        raise ClaimsError(f"{dest}: already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ClaimsError(f"{dest}: cannot write: {exc.strerror or exc}") from None
    import sys
    print(f"validator: wrote {dest}", file=sys.stderr)
    return 0


def _facts(claims_dir: str) -> dict:
    from .files import load_facts
    d = os.path.join(claims_dir, "facts")
    if not os.path.isdir(d):
        return {}
    return load_facts(sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".toml")))
