"""Configuration: ``[tool.validator]`` in ``pyproject.toml``, or a ``validator.toml``.

Found by walking up from the first audited path (the current folder for ``-``): in each folder
``validator.toml`` is read first (its keys at the top level, or under ``[tool.validator]``),
then ``pyproject.toml`` if it has a ``[tool.validator]`` table; the first one found is used.
``--config FILE`` names the file instead.  The command line wins over every key.

    [tool.validator]
    select = ["percent-of-total", "enumeration-count"]   # rules to run (default: all)
    ignore = ["respectively"]                            # rules to skip
    include = ["reports/**/*.md"]                        # globs, relative to this file
    exclude = ["reports/drafts/**"]
    claims = "claims"                                    # the declared-claims folder
    format = "text"                                      # text | json | sarif | junit | github | html
    fail-on = "error"                                    # error | warning | never

    [tool.validator.severity]                            # per-rule severity
    enumeration-count = "error"                          # error | warning | info

Globs: ``*`` and ``?`` stay inside one folder, ``**`` spans folders; a pattern without ``/``
matches a file name anywhere.  They filter the files found by walking a folder; a file named
on the command line is always audited.  An unknown key or a bad value is a one-line error that
names the file and the key (exit code 2).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace

import regex

from .model import SEVERITIES, FileResult

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")
FAIL_ON = ("error", "warning", "never")
KEYS = ("select", "ignore", "include", "exclude", "claims", "format", "fail-on", "severity")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    path: str | None = None                  # the file the settings came from
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    claims: str | None = None
    format: str | None = None
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> str:
        return os.path.dirname(self.path) if self.path else "."


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _section(path: str, data: dict, top_level: bool) -> dict | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and "validator" in tool:
        section = tool["validator"]
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.validator] must be a table")
        return section
    if top_level:
        return {k: v for k, v in data.items() if k != "tool"}
    return None


def find(start: str) -> str | None:
    """The configuration file that applies to *start* (a path being audited), or None."""
    here = os.path.abspath(os.getcwd() if start == "-" else start)
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        candidate = os.path.join(here, "validator.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate):
            data = _read_toml(candidate)
            if isinstance(data.get("tool"), dict) and "validator" in data["tool"]:
                return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _strings(path: str, key: str, value, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key}: expected a list of strings, got {value!r}")
    if allowed is not None:
        for v in value:
            if v not in allowed:
                raise ConfigError(f"{path}: {key}: unknown rule {v!r} (known: {', '.join(allowed)})")
    return tuple(value)


def _choice(path: str, key: str, value, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ConfigError(f"{path}: {key}: expected one of {', '.join(allowed)}, got {value!r}")
    return value


def parse(path: str, section: dict, rule_ids: tuple[str, ...]) -> Config:
    """Check every key and value of a ``[tool.validator]`` table; *rule_ids* are the known rules."""
    for key in section:
        if key not in KEYS:
            hint = f" (did you mean {key.replace('_', '-')!r}?)" if key.replace("_", "-") in KEYS else ""
            raise ConfigError(f"{path}: unknown key {key!r} in [tool.validator]{hint} "
                              f"(known: {', '.join(KEYS)})")
    kw: dict = {"path": os.path.relpath(path) if os.path.isabs(path) else path}
    if "select" in section:
        kw["select"] = _strings(path, "select", section["select"], rule_ids)
    if "ignore" in section:
        kw["ignore"] = _strings(path, "ignore", section["ignore"], rule_ids)
    for key in ("include", "exclude"):
        if key in section:
            globs = _strings(path, key, section[key])
            for g in globs:
                if not g.strip():
                    raise ConfigError(f"{path}: {key}: empty pattern {g!r}")
            kw[key] = globs
    if "claims" in section:
        claims = section["claims"]
        if not isinstance(claims, str) or not claims.strip():
            raise ConfigError(f"{path}: claims: expected a folder name, got {claims!r}")
        kw["claims"] = os.path.normpath(os.path.join(os.path.dirname(kw["path"]), claims))
    if "format" in section:
        kw["format"] = _choice(path, "format", section["format"], FORMATS)
    if "fail-on" in section:
        kw["fail_on"] = _choice(path, "fail-on", section["fail-on"], FAIL_ON)
    if "severity" in section:
        table = section["severity"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: severity: expected a table of rule = \"error|warning|info\"")
        sev = {}
        for rule, level in table.items():
            if rule not in rule_ids:
                raise ConfigError(f"{path}: severity.{rule}: unknown rule {rule!r} "
                                  f"(known: {', '.join(rule_ids)})")
            sev[rule] = _choice(path, f"severity.{rule}", level, SEVERITIES)
        kw["severity"] = sev
    return Config(**kw)


def load(paths: list[str], explicit: str | None, rule_ids: tuple[str, ...]) -> Config:
    """The configuration for an audit of *paths*: from *explicit* (``--config``) or found."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(f"{explicit}: no such configuration file")
        path = explicit
        top_level = os.path.basename(explicit) != "pyproject.toml"
    else:
        found = find(paths[0] if paths else ".")
        if found is None:
            return Config()
        path, top_level = found, os.path.basename(found) == "validator.toml"
    section = _section(path, _read_toml(path), top_level)
    if section is None:
        raise ConfigError(f"{path}: no [tool.validator] table")
    return parse(path, section, rule_ids)


# ---------------------------------------------------------------------------------------------
# Globs

def _glob_regex(pattern: str) -> regex.Pattern:
    """``**`` spans folders, ``*`` and ``?`` do not; a pattern without ``/`` matches a name."""
    pat = pattern.strip().lstrip("/")
    if pat.startswith("./"):
        pat = pat[2:]
    if "/" not in pat:
        pat = "**/" + pat
    out, i = [], 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif pat[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pat[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(regex.escape(pat[i]))
            i += 1
    return regex.compile("".join(out) + r"(?:/.*)?\Z")


def wanted(path: str, cfg: Config) -> bool:
    """Whether a file found by walking a folder passes the include and exclude globs."""
    if not cfg.include and not cfg.exclude:
        return True
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(cfg.root)).replace(os.sep, "/")
    if cfg.include and not any(_glob_regex(g).match(rel) for g in cfg.include):
        return False
    return not any(_glob_regex(g).match(rel) for g in cfg.exclude)


def filter_paths(paths: list[str], discovered: list[str], cfg: Config) -> list[str]:
    """The *discovered* files to audit: those named in *paths* always, the others if wanted."""
    named = set(paths)
    return [p for p in discovered if p in named or wanted(p, cfg)]


def apply_severity(results: list[FileResult], severity: dict[str, str]) -> list[FileResult]:
    """New results whose findings carry the configured severity of their rule."""
    if not severity:
        return results
    out = []
    for r in results:
        if any(f.rule in severity and f.severity != severity[f.rule] for f in r.findings):
            r = replace(r, findings=tuple(replace(f, severity=severity.get(f.rule, f.severity))
                                          for f in r.findings))
        out.append(r)
    return out
