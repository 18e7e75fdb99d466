"""Command line: ``validator audit | extract | rules | explain``, ``validator --version``.

Exit codes (SPEC.md): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage
error, unreadable input or internal error.  Messages go to stderr, one line each.  Heavy
modules are imported inside the commands that need them, so ``--version`` and ``rules`` stay
light.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .model import ExitCode


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # a usage error is exit 2 with one line, as argparse does
        self.exit(ExitCode.ERROR, f"validator: error: {message}\n")


def _rule_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="validator", description="Check the numbers in reports against each other.")
    p.add_argument("--version", action="version", version=f"validator {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    a = sub.add_parser("audit", help="check reports and report every inconsistency")
    a.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    a.add_argument("--format", choices=("text", "json"), default="text")
    a.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    a.add_argument("--fail-on", choices=("error", "warning", "never"), default="error")
    a.add_argument("--select", type=_rule_list, default=None, metavar="RULES",
                   help="comma-separated rule ids to run (default: all)")
    a.add_argument("--ignore", type=_rule_list, default=None, metavar="RULES",
                   help="comma-separated rule ids to skip")
    a.add_argument("--quiet", action="store_true", help="no summary line in the text format")

    e = sub.add_parser("extract", help="list the quantities found in a report")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--format", choices=("table", "json"), default="table")

    sub.add_parser("rules", help="list the rules")
    x = sub.add_parser("explain", help="show a rule's documentation")
    x.add_argument("rule")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "audit":
            return _audit(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "rules":
            return _rules()
        if args.command == "explain":
            return _explain(args.rule)
        parser.print_help(sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        print("validator: interrupted", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.OK
    except _Handled as exc:
        print(f"validator: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR


class _Handled(Exception):
    pass


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import os
    import tempfile
    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".validator-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        raise _Handled(f"{output}: cannot write: {exc.strerror or exc}") from None


def _audit(args) -> int:
    from .report import at_or_above
    from .runner import UsageError, audit, select_rules
    try:
        rules = select_rules(args.select, args.ignore)
    except UsageError as exc:
        raise _Handled(str(exc)) from None
    results = list(audit(args.paths, rules))
    for r in results:
        if r.error is not None:
            print(f"validator: error: {r.path}: {r.error}", file=sys.stderr)
    if args.format == "json":
        from .report.json_format import render
        text = render(results)
    else:
        from .report.text_format import render
        text = render(results)
        if args.quiet:
            text = "".join(text.splitlines(keepends=True)[:-1])
    _write(text, args.output)
    if any(r.error is not None for r in results):
        return ExitCode.ERROR
    return ExitCode.FINDINGS if at_or_above(results, args.fail_on) else ExitCode.OK


def _extract(args) -> int:
    import json

    from .extract import extract
    from .interval import fmt
    from .load import LoadError, discover, load
    failed = False
    rows = []
    for path in discover(args.paths):
        doc = load(path)
        if isinstance(doc, LoadError):
            print(f"validator: error: {doc.path}: {doc.message}", file=sys.stderr)
            failed = True
            continue
        for q in extract(doc):
            line, col = doc.position(q.start)
            rows.append({"path": doc.path, "line": line, "column": col, "text": q.text,
                         "kind": q.kind, "unit": q.unit, "low": fmt(q.value.lo), "high": fmt(q.value.hi),
                         "qualifier": q.qualifier or "", "classifier": q.classifier,
                         "noun": q.noun or q.noun_before, "exact": q.exact})
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            sys.stdout.write(f"{r['path']}:{r['line']}:{r['column']}\t{r['text']}\t{r['kind']}\t"
                             f"{r['unit'] or '-'}\t[{r['low']}, {r['high']}]\t{r['qualifier'] or '-'}\t"
                             f"{r['noun'] or '-'}\n")
    return ExitCode.ERROR if failed else ExitCode.OK


def _rules() -> int:
    from .rules import RULES, summary
    for r in RULES:
        print(f"{r.ID:<20} {r.SEVERITY:<8} {summary(r)}")
    return ExitCode.OK


def _explain(name: str) -> int:
    from .rules import BY_ID
    rule = BY_ID.get(name)
    if rule is None:
        raise _Handled(f"unknown rule {name!r} (see `validator rules`)")
    print(f"{rule.ID} ({rule.SEVERITY})\n")
    print((rule.__doc__ or "").strip())
    return ExitCode.OK
