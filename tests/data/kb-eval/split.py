#!/usr/bin/env python3
"""Splits the blind knowledge-base questions into a tune half and a test half.

Every article (and the off-topic lines) is split on its own, per language, after a shuffle with a fixed seed, so both
halves cover every article equally. `calibrate` tunes on tune.jsonl only; `eval` reports test.jsonl.
Usage: python3 split.py written-en.jsonl written-pl.jsonl  (writes tune.jsonl and test.jsonl beside this script)
"""
import json, random, sys, os
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
groups = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            groups[(row["lang"], row["expected"] or "")].append(row)

tune, test = [], []
rng = random.Random(14)
for key in sorted(groups):
    rows = groups[key]
    rng.shuffle(rows)
    for i, row in enumerate(rows):
        (tune if i % 2 == 0 else test).append(row)

for name, rows in (("tune.jsonl", tune), ("test.jsonl", test)):
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({"text": row["text"], "lang": row["lang"], "expected": row["expected"]}, ensure_ascii=False) + "\n")
print(f"tune {len(tune)}, test {len(test)}")
