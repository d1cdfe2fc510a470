#!/usr/bin/python3
"""The best a rule that sees only the two answers can do at 0.2% false flags, for the "below the bar" notes of
src/site/markdown/outliers.md: re-fits make_pairs.py's models (about 5 minutes) for the clean candidate answers, splits
the pairs into 10 bands of baseline values (equal counts) and finds an injected answer when it lies outside the clean
candidate answers' 0.1% .. 99.9% quantiles in its band (so 0.2% of clean pairs by construction). Run from this folder:

    /usr/bin/python3 oracle.py
"""
import csv
import gzip

import numpy as np

import make_pairs

BANDS = 10

for name, (ids, b, c0, label) in make_pairs.data_sets():
    rows = list(csv.DictReader(gzip.open(f"{name}.csv.gz", "rt")))
    c = np.array([float(r["candidate"]) for r in rows])
    marks = np.array([r["injected"] for r in rows])
    kinds = np.array([m[0] if len(m) == 2 else m for m in marks])
    band = np.argsort(np.argsort(b, kind="stable"), kind="stable") * BANDS // len(b)
    hit = np.zeros(len(b), bool)
    for g in range(BANDS):
        sel = band == g
        lo, hi = np.quantile(c0[sel], [0.001, 0.999])
        hit |= sel & ((c < lo) | (c > hi))
    per = " ".join(f"{k} {100 * hit[kinds == k].mean():.0f}%" for k in sorted(set(kinds[marks != ""])))
    print(f"{name:31s} best possible: {100 * hit[marks != ''].mean():5.1f}% ({per})")
