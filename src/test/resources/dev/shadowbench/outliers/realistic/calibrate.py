#!/usr/bin/python3
"""The value rules re-done in numpy over the fixtures make_pairs.py wrote, for choosing the defaults and for the
before/after table of src/site/markdown/outliers.md. Two rule sets:

  mad    (before) extreme/divergence as median and 1.4826 x MAD, on a log scale when every baseline is positive, else
         linearly; a pair flagged when |score| > mad_k (defaults 8 and 5.2); negative candidates flagged where the
         baseline never goes negative.
  reach  (after) the scale chosen by the baseline's range: log-odds (scores capped at 1e-5 and 1 - 1e-5) when every
         baseline lies in [0, 1], a log scale when every baseline is positive, else linear; the score is the distance
         from the median in reaches of the middle 95% on that side (median to the 2.5th or 97.5th percentile); flagged
         when it exceeds span_k (defaults 4 and 2); negative candidates as before; candidates above 1 where the baseline
         is a score.

Prints, per data set, the recall on the injected answers (per kind of defect) and the share of clean pairs flagged,
with the fixtures as they are and with 0.2% of the injected answers drawn (24 per data set, 20 draws, seed 7). Run from
this folder:

    /usr/bin/python3 calibrate.py mad [EXTREME_K DIVERGENCE_K]
    /usr/bin/python3 calibrate.py reach [EXTREME_K DIVERGENCE_K]
"""
import csv
import glob
import gzip
import os
import sys

import numpy as np

CAP = 1e-5


def load(path):
    rows = list(csv.DictReader(gzip.open(path, "rt")))
    col = lambda k: np.array([float(r[k]) for r in rows])
    return col("baseline"), col("candidate"), np.array([r["injected"] for r in rows])


def scaled(kind, x):
    with np.errstate(all="ignore"):
        if kind == "logit":
            p = np.clip(x, CAP, 1 - CAP)
            return np.where((x >= 0) & (x <= 1), np.log(p / (1 - p)), np.nan)
        if kind == "log":
            return np.where(x > 0, np.log(np.where(x > 0, x, 1)), np.nan)
        return x


def mad_scores(x):
    m = np.nanmedian(x)
    return (x - m) / (1.4826 * np.nanmedian(np.abs(x - m)))


def reach_scores(x):
    lo, m, hi = np.nanquantile(x, [0.025, 0.5, 0.975])
    with np.errstate(all="ignore"):
        return np.where(x >= m, (x - m) / (hi - m), (x - m) / (m - lo))


def flags(rules, b, c, k_extreme, k_divergence):
    if rules == "mad":
        kind = "log" if b.min() > 0 else "linear"
        score = mad_scores
    else:
        kind = "logit" if b.min() >= 0 and b.max() <= 1 else "log" if b.min() > 0 else "linear"
        score = reach_scores
    tc, tb = scaled(kind, c), scaled(kind, b)
    out = (np.abs(np.nan_to_num(score(tc))) > k_extreme) | (np.abs(np.nan_to_num(score(tc - tb))) > k_divergence)
    if b.min() >= 0:
        out |= c < 0
    if rules == "reach" and kind == "logit":
        out |= c > 1
    return out


def main():
    rules = sys.argv[1] if len(sys.argv) > 1 else "reach"
    ke, kd = (float(a) for a in sys.argv[2:4]) if len(sys.argv) > 3 else ((8, 5.2) if rules == "mad" else (4, 2))
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        clean, injected = np.where(inj == "")[0], np.where(inj != "")[0]
        f = flags(rules, b, c, ke, kd)
        kinds = np.array([k[0] if len(k) == 2 and k[0] in "x/" else k for k in inj])
        per = " ".join(f"{k} {100 * f[kinds == k].mean():.0f}%" for k in sorted(set(kinds[injected])))
        rng = np.random.default_rng(7)
        rec, ff = [], []
        for _ in range(20):
            idx = np.concatenate([clean, rng.choice(injected, 24, replace=False)])
            g = flags(rules, b[idx], c[idx], ke, kd)
            rec.append(g[len(clean):].mean())
            ff.append(g[:len(clean)].mean())
        print(f"{os.path.basename(path)[:-7]:31s} {rules} {ke:g}/{kd:g}: recall {100 * f[injected].mean():5.1f}% ({per}) "
              f"clean flagged {100 * f[clean].mean():.3f}% | 0.2% injected: recall {100 * np.mean(rec):5.1f}% "
              f"clean flagged {100 * np.mean(ff):.3f}%")


if __name__ == "__main__":
    main()
