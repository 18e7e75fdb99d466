"""Accuracy benchmark on the development corpus (../shared/corpus, read in place).

Run on demand:  python benchmarks/accuracy.py [--corpus DIR] [--seed N] [--per-relation K] [--list]

1. Audits every corpus text and classifies each finding by the hand-checked annotations on its
   line: a finding on a line whose relations are all labelled ``consistent`` is a false alarm
   (split by severity); a labelled inconsistency with a finding on its line is found; a finding on
   a line with no annotation is listed for review.
2. Mutates copies of the texts, one change per copy, seeded and reproducible: the stated value of
   a consistent relation moved beyond its rounding (a digit changed, or the value scaled by
   15–45%), or one item dropped from a listed enumeration / 分别 list.  A mutation is caught
   when the audit of the mutated copy reports a new finding (one the original did not have) on
   the mutated line or pointing at it.
3. Prints, per relation kind and language: mutations caught; per rule: findings on relations
   labelled consistent, labelled inconsistencies found, findings on unlabelled lines.

The generator never touches the corpus files; mutated copies live in memory only.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from validator.model import Document  # noqa: E402
from validator.rules import RULES  # noqa: E402
from validator.runner import audit_document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
NUM = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Mutation:
    file: str
    line: int
    relation: str
    lang: str
    how: str
    text: str            # the whole mutated document
    start: int           # span of the change in the mutated text
    end: int


def load_corpus(corpus: Path):
    annotations = [json.loads(l) for l in (corpus / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}
    return texts, annotations


def findings_of(name: str, text: str):
    doc = Document.from_text(name, text)
    result = audit_document(doc, RULES)
    out = []
    for f in result.findings:
        line = doc.position(f.start)[0]
        rel_lines = {doc.position(r.start)[0] for r in f.related}
        out.append((f.rule, f.severity, line, f.stated, f.message, frozenset(rel_lines)))
    return out


def _line_offsets(text: str) -> list[int]:
    offs = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            offs.append(i + 1)
    return offs


# A stated bound stays true when moved away from the value it bounds: "超过6万亿元" for 6.77万亿
# is still true as "超过3万亿元".  Lower bounds are moved up, upper bounds down.
_LOWER_BOUND = re.compile(r"(?:超过|超|突破|跨过|跨越|迈上|站上|以上|多|逾|above|over|more than|at least|exceed)了?\s*$",
                          re.IGNORECASE)
_UPPER_BOUND = re.compile(r"(?:不到|不足|低于|below|under|less than|fewer than)\s*$", re.IGNORECASE)
_UP = [1.2, 1.25, 1.3, 1.4, 1.45]
_DOWN = [0.55, 0.6, 0.7, 0.75, 0.8]


def _shift_number(s: str, rng: random.Random, factors: list[float] = _DOWN + _UP) -> str | None:
    """A different number written with the same precision, beyond its rounding."""
    clean = s.replace(",", "")
    d = Decimal(clean)
    if d == 0:
        return None
    exp = d.as_tuple().exponent
    unit = Decimal(1).scaleb(exp)
    for _ in range(20):
        factor = Decimal(str(rng.choice(factors)))
        new = (d * factor).quantize(unit)
        if abs(new - d) > 2 * unit and new > 0:
            txt = format(new, "f")
            if "," in s:
                intpart, _, frac = txt.partition(".")
                intpart = f"{int(intpart):,}"
                txt = intpart + ("." + frac if frac else "")
            return txt
    return None


def mutations(texts: dict, annotations: list, seed: int, per_relation: int | None):
    rng = random.Random(seed)
    by_rel = collections.defaultdict(list)
    for a in annotations:
        # "external:" relations (currency conversions at an outside rate) cannot be decided from
        # the text, so no change to them is an inconsistency the text can show
        if a["verdict"] == "consistent" and a["file"] in texts and not a["note"].startswith("external:"):
            by_rel[a["relation"]].append(a)
    out = []
    for rel in sorted(by_rel):
        items = by_rel[rel]
        if per_relation is not None and len(items) > per_relation:
            items = rng.sample(items, per_relation)
        for a in items:
            # one generator per relation, so that changing how one kind is mutated leaves the
            # mutations of every other relation as they were
            own = random.Random(f"{seed}|{a['file']}|{a['line']}|{a['relation']}|{a['stated']}")
            m = _mutate(texts[a["file"]], a, own)
            if m is not None:
                out.append(m)
    return out


def _mutate(text: str, a: dict, rng: random.Random) -> Mutation | None:
    offs = _line_offsets(text)
    line_start = offs[a["line"] - 1]
    line_end = offs[a["line"]] - 1 if a["line"] < len(offs) else len(text)
    line = text[line_start:line_end]
    at = line.find(a["stated"])
    if at == -1:
        return None
    s0 = line_start + at
    stated = a["stated"]
    lang = a["file"][:2]
    rel = a["relation"]
    # An open list ("乌东德、白鹤滩等14座", annotated "k named before 等, stated n") stays
    # consistent for any n >= k and without any one of its examples: the only inconsistent
    # change is a count below the names written, n = k - 1 (none exists for k = 1).
    open_list = rel == "count" and re.match(r"(\d+) named before 等, stated (\d+)", a["computed"])
    if open_list:
        k, n = int(open_list.group(1)), int(open_list.group(2))
        hit = re.search(rf"(?<![0-9.]){n}(?![0-9.])", stated)
        if k < 2 or not hit:
            return None
        new_stated = stated[:hit.start()] + str(k - 1) + stated[hit.end():]
        new = text[:s0] + new_stated + text[s0 + len(stated):]
        return Mutation(a["file"], a["line"], rel, lang, "count-below-named", new, s0 + hit.start(),
                        s0 + hit.start() + len(str(k - 1)))
    # A paired list with no 分别 / "respectively" ("国内游客人次、总花费增长5.6％、7.5％") that
    # loses a value reads as one value shared by both names: no inconsistency is left to find.
    sentence = re.split(r"[。；;!?！？]|\.\s", line[:at])[-1] + stated
    if rel == "respectively" and not re.search(r"分别|respectively", sentence):
        return None
    # Drop one listed item (count, respectively) when the items are written in the stated phrase.
    if rel in ("count", "respectively"):
        listed = [x for x in a["inputs"] if x and x in stated]
        if len(listed) >= 3 or (rel == "respectively" and len(listed) >= 2):
            victim = listed[rng.randrange(1, len(listed))]
            i = stated.find(victim)
            end = i + len(victim)
            # remove the item and the separator before it; the first item of a list (nothing
            # to remove before it) takes the separator after it: "增长4.3%、5.5%" → "增长5.5%"
            j = i
            while j > 0 and stated[j - 1] in "、，, ":
                j -= 1
            for sep in ("和", "及", "与", " and "):
                if stated[:i].endswith(sep):
                    j = i - len(sep)
                    break
            if j == i:
                for sep in ("、", "和", "及", "与", ", ", " and "):
                    if stated[end:].startswith(sep):
                        end += len(sep)
                        break
            new_stated = stated[:j] + stated[end:]
            if new_stated != stated:
                new = text[:s0] + new_stated + text[s0 + len(stated):]
                return Mutation(a["file"], a["line"], rel, lang, "drop-item", new, s0, s0 + len(new_stated))
    nums = list(NUM.finditer(stated))
    if not nums:
        return None
    m = nums[0]
    if rel == "count":
        # the count itself ("stated n"), not another number of the phrase ("连续13年实现“双提升”")
        n = re.search(r"stated (\d+)", a["computed"])
        nums = [x for x in nums if n and x.group().replace(",", "") == n.group(1)]
        if not nums:
            return None
        m = nums[0]
    if rel == "count" and "." not in m.group():
        n = int(m.group().replace(",", ""))
        repl = str(n + rng.choice([-1, 1, 2])) if n > 1 else str(n + 1)
    else:
        before = stated[:m.start()]
        factors = _UP if _LOWER_BOUND.search(before) else _DOWN if _UPPER_BOUND.search(before) else _DOWN + _UP
        repl = _shift_number(m.group(), rng, factors)
        if repl is None:
            return None
    new_stated = stated[:m.start()] + repl + stated[m.end():]
    new = text[:s0] + new_stated + text[s0 + len(stated):]
    return Mutation(a["file"], a["line"], rel, lang, "shift-number", new, s0 + m.start(), s0 + m.start() + len(repl))


def run(corpus: Path, seed: int, per_relation: int | None, show_list: bool = False) -> dict:
    texts, annotations = load_corpus(corpus)
    ann_by_line = collections.defaultdict(list)
    for a in annotations:
        ann_by_line[(a["file"], a["line"])].append(a)

    base = {name: findings_of(name, t) for name, t in texts.items()}
    per_rule = collections.defaultdict(lambda: collections.Counter())
    review = []
    for name, fs in base.items():
        for rule, sev, line, stated, msg, _ in fs:
            anns = ann_by_line.get((name, line), [])
            if not anns:
                per_rule[rule]["unlabelled"] += 1
                review.append(f"{name}:{line} [{rule}/{sev}] {msg[:140]}")
            elif all(a["verdict"] == "consistent" for a in anns):
                per_rule[rule][f"on-consistent-{sev}"] += 1
                review.append(f"FALSE? {name}:{line} [{rule}/{sev}] {msg[:140]}")
    inconsistent = [a for a in annotations if a["verdict"] == "inconsistent"]
    found = 0
    for a in inconsistent:
        if any(line == a["line"] for _, _, line, *_ in base.get(a["file"], [])):
            found += 1

    caught = collections.Counter()
    total = collections.Counter()
    missed = []
    for mu in mutations(texts, annotations, seed, per_relation):
        key = (mu.relation, mu.lang)
        total[key] += 1
        before = {(r, l, s) for r, _, l, s, _, _ in base[mu.file]}
        after = findings_of(mu.file, mu.text)
        new = [f for f in after if (f[0], f[2], f[3]) not in before]
        if any(f[2] == mu.line or mu.line in f[5] for f in new):
            caught[key] += 1
            for f in new:
                per_rule[f[0]]["mutations-caught"] += 1
                break
        else:
            missed.append(f"{mu.file}:{mu.line} {mu.relation} {mu.how}")
    return {"total": total, "caught": caught, "per_rule": per_rule, "found": found,
            "inconsistent": len(inconsistent), "review": review, "missed": missed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-relation", type=int, default=None)
    ap.add_argument("--list", action="store_true", help="print findings to review and missed mutations")
    args = ap.parse_args()
    if not (args.corpus / "annotations.jsonl").exists():
        sys.exit(f"no corpus at {args.corpus}")
    r = run(args.corpus, args.seed, args.per_relation, args.list)
    print(f"mutations caught, by relation kind and language (seed {args.seed}):")
    print(f"  {'relation':<20}{'lang':<6}{'caught':>8}{'cases':>8}{'rate':>8}")
    all_c = all_t = 0
    for key in sorted(r["total"]):
        c, t = r["caught"][key], r["total"][key]
        all_c, all_t = all_c + c, all_t + t
        print(f"  {key[0]:<20}{key[1]:<6}{c:>8}{t:>8}{c / t:>8.0%}")
    for lang in ("zh", "en"):
        c = sum(v for k, v in r["caught"].items() if k[1] == lang)
        t = sum(v for k, v in r["total"].items() if k[1] == lang)
        if t:
            print(f"  {'ALL':<20}{lang:<6}{c:>8}{t:>8}{c / t:>8.0%}")
    print(f"  {'ALL':<20}{'*':<6}{all_c:>8}{all_t:>8}{all_c / max(1, all_t):>8.0%}")
    print(f"labelled inconsistencies with a finding on their line: {r['found']} of {r['inconsistent']}")
    print("per rule:")
    print(f"  {'rule':<20}{'err-on-consistent':>18}{'warn-on-consistent':>19}{'unlabelled':>11}{'caught':>8}")
    for rule in sorted({m.ID for m in RULES} | set(r["per_rule"])):
        c = r["per_rule"][rule]
        print(f"  {rule:<20}{c['on-consistent-error']:>18}{c['on-consistent-warning']:>19}"
              f"{c['unlabelled']:>11}{c['mutations-caught']:>8}")
    if args.list:
        print("\nfindings to review:")
        for x in r["review"]:
            print("  " + x)
        print("\nmissed mutations:")
        for x in r["missed"]:
            print("  " + x)


if __name__ == "__main__":
    main()
