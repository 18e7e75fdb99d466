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
from .model import SEVERITY_RANK, ExitCode


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # a usage error is exit 2 with one line, as argparse does
        self.exit(ExitCode.ERROR, f"validator: error: {message}\n")


def _rule_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")
STREAMED = ("text", "github", "jsonl")  # line-oriented: written file by file as the audit runs


def _format_spec(value: str) -> tuple[str, str | None]:
    """``sarif`` → ("sarif", None); ``sarif:out.sarif`` → ("sarif", "out.sarif")."""
    name, sep, path = value.partition(":")
    if name not in FORMATS:
        raise argparse.ArgumentTypeError(f"invalid choice: {name!r} (choose from {', '.join(FORMATS)})")
    if sep and not path:
        raise argparse.ArgumentTypeError(f"{value!r}: no file after ':'")
    return name, (path or None)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: must be 0 (all cores) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="validator", description="Check the numbers in reports against each other.")
    p.add_argument("--version", action="version", version=f"validator {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    a = sub.add_parser("audit", help="check reports and report every inconsistency")
    a.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    a.add_argument("--format", action="append", type=_format_spec, default=None, metavar="FORMAT[:FILE]",
                   help="text, json, jsonl, sarif, junit, github or html (default: text, or the config's); "
                        "FORMAT:FILE writes that format to FILE; repeat for several")
    a.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout "
                   "(the text report then still goes to the terminal unless --quiet)")
    a.add_argument("--fail-on", choices=("error", "warning", "never"), default=None,
                   help="exit 1 on findings at or above this severity (default: error)")
    a.add_argument("--config", metavar="FILE", default=None,
                   help="configuration file (default: validator.toml or pyproject.toml "
                        "[tool.validator], found by walking up from the first PATH)")
    a.add_argument("--baseline", metavar="FILE", default=None,
                   help="report only findings not recorded in this baseline file")
    a.add_argument("--write-baseline", metavar="FILE", default=None,
                   help="record today's findings in FILE (atomically) and exit 0")
    a.add_argument("--select", type=_rule_list, default=None, metavar="RULES",
                   help="comma-separated rule ids to run (default: all)")
    a.add_argument("--ignore", type=_rule_list, default=None, metavar="RULES",
                   help="comma-separated rule ids to skip")
    a.add_argument("--quiet", action="store_true",
                   help="no summary lines, no progress bar, no text copy on the terminal")
    a.add_argument("--claims", metavar="DIR", default=None,
                   help="folder of claims files and facts (default: claims, when it exists)")
    _input_options(a)
    a.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="audit N files at a time in separate processes (default: all cores; "
                        "the output is the same for every N)")
    a.add_argument("--skip-unchanged", action="store_true",
                   help="reuse the results of reports that did not change since the last run "
                        "(same content, tool version, rules and claims); see --cache-dir")
    a.add_argument("--cache-dir", metavar="DIR", default=None,
                   help="where --skip-unchanged keeps results (default: .validator-cache)")
    a.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run the audit on a Dask cluster (tcp://host:8786, or 'local'); "
                        "needs the extra validator[dask]; workers must read the same paths")

    e = sub.add_parser("extract", help="list the quantities found in a report")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--format", choices=("table", "json"), default="table")
    _input_options(e)

    i = sub.add_parser("init", help="draft a claims file for a report")
    i.add_argument("report", metavar="REPORT")
    i.add_argument("--claims", metavar="DIR", default="claims", help="claims folder (default: claims)")
    i.add_argument("--output", metavar="FILE", help="write here instead of DIR/<report name>.toml")
    i.add_argument("--force", action="store_true", help="overwrite an existing claims file")

    sub.add_parser("rules", help="list the rules")
    x = sub.add_parser("explain", help="show a rule's documentation")
    x.add_argument("rule")
    return p


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", metavar="NAME", default=None,
                   help="read text files in this encoding (default: detect UTF-8/16, GB18030, Big5)")
    p.add_argument("--max-size", metavar="SIZE", default=None,
                   help="refuse input files larger than SIZE, e.g. 200M (default: 64M); a text of up "
                        "to SIZE characters is then read (default: 8,000,000)")


def _configure_load(args) -> None:
    """--encoding and --max-size → validator.load's options for this run (a usage error is exit 2)."""
    if not hasattr(args, "encoding"):
        return
    from .load import configure
    from .load.encoding import DecodeError, canonical
    from .load.limits import DEFAULT, Limits, parse_size
    try:
        encoding = canonical(args.encoding) if args.encoding else None
        limits = DEFAULT
        if args.max_size is not None:  # a larger file may hold as many characters as it has bytes
            size = parse_size(args.max_size)
            limits = Limits(max_bytes=size, max_chars=max(DEFAULT.max_chars, size))
    except (DecodeError, ValueError) as exc:
        raise _Handled(f"--{'encoding' if isinstance(exc, DecodeError) else 'max-size'}: {exc}") from None
    configure(encoding, limits)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _configure_load(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "init":
            from .claims.draft import init
            return init(args.report, args.claims, args.output, args.force)
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
    except Exception as exc:  # a bad claims file (ClaimsError) is a user error, not a crash
        from .claims.files import ClaimsError
        if not isinstance(exc, ClaimsError):
            raise
        print(f"validator: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR


class _Handled(Exception):
    pass


def _write(text, output: str | None) -> None:
    """Write *text* (a string, or an iterable of string pieces) to *output* or stdout."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    import os
    import tempfile
    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".validator-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)
        os.replace(tmp, output)
    except OSError as exc:
        raise _Handled(f"{output}: cannot write: {exc.strerror or exc}") from None


def _audit(args) -> int:
    import os
    import time

    from . import suppress
    from .config import apply_severity
    from .load import discover
    from .progress import Progress, summary_line
    from .report import at_or_above
    from .runner import UsageError, select_rules
    started = time.monotonic()
    cfg = _configure(args)  # config file values fill what the command line left unset
    meta = suppress.META_IDS
    select = None if args.select is None else [n for n in args.select if n not in meta]
    ignore = [n for n in args.ignore or [] if n not in meta]
    try:
        rules = [] if args.select and not select else select_rules(select, ignore)
    except UsageError as exc:
        raise _Handled(str(exc)) from None
    active = {r.ID for r in rules} | {"claim"} | {
        m for m in meta if m not in (args.ignore or []) and (not args.select or m in args.select)}
    claims = _claims(args.claims)
    paths = list(discover(args.paths))
    if cfg.include or cfg.exclude:
        from .config import filter_paths
        paths = filter_paths(args.paths, paths, cfg)
    progress = Progress(len(paths), enabled=None if not args.quiet else False)
    claims_dir = args.claims if args.claims is not None else ("claims" if os.path.isdir("claims") else None)
    cache = None
    if args.skip_unchanged:
        from .cache import Cache
        cache = Cache(args.cache_dir or ".validator-cache", [r.ID for r in rules], claims_dir,
                      (getattr(args, "encoding", None), getattr(args, "max_size", None)))
    if args.dask:
        from .distributed import audit as dask_audit
        try:
            import dask.distributed  # noqa: F401  (a clear message when the extra is missing)
        except ImportError:
            raise _Handled("--dask needs the optional extra: pip install 'validator[dask]'") from None
        source = dask_audit(paths, [r.ID for r in rules], claims_dir, address=args.dask)
    else:
        from .runner import audit_many, default_jobs
        source = audit_many(paths, rules, claims, args.jobs or default_jobs(), cache)
    from .rules import BY_ID
    known_ids = set(BY_ID) | {"claim"}

    def suppressed(batch):
        # suppress: configured severities, inline markers, then claims waivers (SPEC.md pipeline)
        batch = apply_severity(batch, cfg.severity)
        batch = suppress.apply_markers(batch, known_ids, active)
        if claims is not None:  # quote-anchored waivers of the claims files that name each report
            batch = suppress.apply_waivers(batch, lambda path: [
                w for f in claims.for_document(path) for w in getattr(f, "waivers", ())], active)
        return batch

    streamed = (len(args.format) == 1 and args.format[0][0] in STREAMED and args.format[0][1] is None
                and args.output is None and not args.write_baseline
                and not (args.format[0][0] == "github" and os.environ.get("GITHUB_STEP_SUMMARY")))
    try:
        if streamed:
            tally = _stream(args, progress.track(source), suppressed, progress)
        else:
            results = list(progress.track(source))
            for r in results:
                if r.error is not None:
                    print(f"validator: error: {r.path}: {r.error}", file=sys.stderr)
            results = suppressed(results)
    finally:
        if cache is not None:
            cache.close()
    if cache is not None and not args.quiet:
        print(f"validator: cache {cache.dir}: {cache.hits} unchanged file(s) not read, "
              f"{cache.stored} audited and stored", file=sys.stderr)
    if streamed:
        if not args.quiet and args.format[0][0] != "text":
            print(tally.line(time.monotonic() - started), file=sys.stderr)
        if tally.unreadable:
            return ExitCode.ERROR
        threshold = SEVERITY_RANK.get(args.fail_on)
        failing = threshold is not None and any(n for k, n in tally.counts.items() if SEVERITY_RANK[k] >= threshold)
        return ExitCode.FINDINGS if failing else ExitCode.OK
    try:
        if args.write_baseline:
            n = suppress.write_baseline(args.write_baseline, results)
            print(f"validator: wrote {n} finding(s) to {args.write_baseline}", file=sys.stderr)
        if args.baseline:
            results = suppress.apply_baseline(results, suppress.read_baseline(args.baseline))
    except suppress.BaselineError as exc:
        raise _Handled(str(exc)) from None
    for name, path in args.format:
        target = path or args.output
        _write(_render(name, results, rules, args.quiet and target is None), target)
        if name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            from .report.github import step_summary
            _append(os.environ["GITHUB_STEP_SUMMARY"], step_summary(results))
    on_stdout = [n for n, p in args.format if (p or args.output) is None]
    if not on_stdout and not args.quiet and "text" not in (n for n, _ in args.format):
        # Ex) --format sarif --output x.sarif: the file for the machine, the text for the person
        sys.stdout.write(_render("text", results, rules, True))
        sys.stdout.flush()
    if not args.quiet and "text" not in on_stdout:
        # the text report ends with its own (timeless) summary; otherwise say it on stderr
        print(summary_line(results, time.monotonic() - started), file=sys.stderr)
    if any(r.error is not None for r in results):
        return ExitCode.ERROR
    if args.write_baseline:
        return ExitCode.OK
    return ExitCode.FINDINGS if at_or_above(results, args.fail_on) else ExitCode.OK


def _stream(args, source, suppressed, progress):
    """Write each file's lines as soon as it is done (text, github, jsonl on stdout).

    Only counts are kept for the closing summary and the exit code, so memory stays flat
    however many files the audit reads.  The bytes written are those the same format writes
    at once.
    """
    from . import suppress
    from .progress import Tally
    name = args.format[0][0]
    known = None
    if args.baseline:
        try:
            known = suppress.read_baseline(args.baseline)
        except suppress.BaselineError as exc:
            raise _Handled(str(exc)) from None
    if name == "jsonl":
        from .report.jsonl import file_lines, summary_line as closing
    elif name == "github":
        from .report.github import render as render_github
    else:
        from .report.text_format import render as render_text
    tally = Tally()
    clear = progress.enabled and sys.stdout.isatty()  # the bar and the report share a terminal
    for r in source:
        if r.error is not None:
            if progress.enabled:
                sys.stderr.write("\r\x1b[K")
            print(f"validator: error: {r.path}: {r.error}", file=sys.stderr)
        r = suppressed([r])[0]
        if known is not None:
            r = suppress.apply_baseline([r], known)[0]
        if name == "jsonl":
            text = file_lines(r)
        else:  # one file's lines, without the closing summary line
            text = (render_github if name == "github" else render_text)([r])
            text = text[:text.rstrip("\n").rfind("\n") + 1]
        if text:
            if clear:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            sys.stdout.write(text)
            sys.stdout.flush()
        tally.add(r)
    s = {"files": tally.files, "checked": tally.checked, "errors": tally.counts["error"],
         "warnings": tally.counts["warning"], "infos": tally.counts["info"]}
    relations = tally.relations
    if name == "jsonl":
        sys.stdout.write(closing(s, relations))
    elif name == "github":
        sys.stdout.write(f"validator: {s['files']} file(s), {s['checked']} checked: {s['errors']} error(s), "
                         f"{s['warnings']} warning(s), {s['infos']} info(s)\n")
    elif not args.quiet:
        sys.stdout.write(f"{s['files']} file(s), {s['checked']} checked, {relations} relation(s) checked: "
                         f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info(s)\n")
    sys.stdout.flush()
    return tally


def _configure(args):
    """Read the configuration file and fill every option the command line left unset."""
    from . import config, suppress
    from .rules import BY_ID
    try:
        cfg = config.load(args.paths, args.config, tuple(BY_ID) + tuple(sorted(suppress.META_IDS)))
    except config.ConfigError as exc:
        raise _Handled(str(exc)) from None
    if args.select is None and cfg.select is not None:
        args.select = list(cfg.select)
    if args.ignore is None and cfg.ignore is not None:
        args.ignore = list(cfg.ignore)
    if args.fail_on is None:
        args.fail_on = cfg.fail_on or "error"
    if not args.format:
        args.format = [(cfg.format or "text", None)]
    if getattr(args, "claims", None) is None and cfg.claims is not None:
        args.claims = cfg.claims
    bare = [n for n, p in args.format if p is None]
    if len(bare) > 1:
        raise _Handled(f"--format: only one format can go to {args.output or 'stdout'} "
                       f"(got {', '.join(bare)}); write the others with FORMAT:FILE")
    return cfg


def _render(name: str, results, rules, quiet: bool) -> str:
    if name == "json":
        from .report.json_format import render_pieces
        return render_pieces(results)   # written piece by piece: no second copy of a large report
    if name == "jsonl":
        from .report.jsonl import render
        return render(results)
    if name == "sarif":
        from .report.sarif import render
        return render(results)
    if name == "junit":
        from .report.junit import render
        return render(results, [r.ID for r in rules])
    if name == "github":
        from .report.github import render
        return render(results)
    if name == "html":
        from .report.html import render
        return render(results)
    from .report.text_format import render
    text = render(results)
    if quiet:
        text = "".join(text.splitlines(keepends=True)[:-1])
    return text


def _append(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise _Handled(f"{path}: cannot append the job summary: {exc.strerror or exc}") from None


def _claims(directory: str | None):
    """The claims folder's ClaimSet: ``--claims DIR``, else ``claims`` when it exists, else None."""
    import os
    if directory is None:
        if not os.path.isdir("claims"):
            return None
        directory = "claims"
    from .claims.index import open_dir  # parses the folder only when a report it names is audited
    return open_dir(directory)


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
    from .suppress import META_RULES
    rule = BY_ID.get(name) or next((m for m in META_RULES if m.ID == name), None)
    if rule is None:
        raise _Handled(f"unknown rule {name!r} (see `validator rules`)")
    print(f"{rule.ID} ({rule.SEVERITY})\n")
    print((rule.__doc__ or "").strip())
    return ExitCode.OK
