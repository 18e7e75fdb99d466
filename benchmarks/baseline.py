"""The floor validator is measured against: read, decode and one compiled number pattern pass.

    python benchmarks/baseline.py PATH...

Walks folders like `validator audit` does (by extension), decodes each file as UTF-8 and
counts the matches of one number pattern.  Prints the count so the work cannot be skipped.
"""

from __future__ import annotations

import os
import re
import sys

NUMBER = re.compile(r"[0-9０-９][0-9０-９,.．]*|[零一二两三四五六七八九十百千万亿]+")


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith((".txt", ".md")):
                        yield os.path.join(root, n)
        else:
            yield p


def main() -> None:
    total = 0
    for path in files(sys.argv[1:]):
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8")
        total += sum(1 for _ in NUMBER.finditer(text))
    print(total)


if __name__ == "__main__":
    main()
