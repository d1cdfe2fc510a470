#!/usr/bin/python3
"""The value rules re-done in numpy over the fixtures make_pairs.py wrote, for choosing the defaults and for the
before/after table of src/site/markdown/outliers.md. Both rule sets score a value by its distance from the median in
robust SDs (1.4826 x MAD) and flag a pair when |score| > k (extreme: the candidate's values; divergence: candidate minus
baseline; defaults 8 and 5.2); negative candidates are flagged where the baseline never goes negative.

  before  (main before issue 16) a log scale when every baseline is positive, else linear.
  after   the scale chosen by the baseline's range: log-odds (scores capped at 1e-5 and 1 - 1e-5) when every baseline
          lies in [0, 1], a log scale when every baseline is positive, else linear; candidates above 1 are flagged
          where the baseline is a score.

Prints, per data set, with 0.2% of the injected answers drawn (24 per data set among the clean pairs, 40 draws,
seed 7): the recall over all injected answers, per kind (x4 and x8 for the regressions), and the share of clean pairs
flagged. With `breakdown SHARE`, it multiplies SHARE of the clean candidate answers by 8 instead and prints the share of
them flagged (the 25% breakdown decision: a quarter of broken answers must still be flagged). Run from this folder:

    /usr/bin/python3 calibrate.py before|after [EXTREME_K DIVERGENCE_K]
    /usr/bin/python3 calibrate.py breakdown SHARE [EXTREME_K DIVERGENCE_K]
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


def flags(rules, b, c, k_extreme, k_divergence):
    if rules == "before":
        kind = "log" if b.min() > 0 else "linear"
    else:
        kind = "logit" if b.min() >= 0 and b.max() <= 1 else "log" if b.min() > 0 else "linear"
    tc, tb = scaled(kind, c), scaled(kind, b)
    out = (np.abs(np.nan_to_num(mad_scores(tc))) > k_extreme) | (
        np.abs(np.nan_to_num(mad_scores(tc - tb))) > k_divergence)
    if b.min() >= 0:
        out |= c < 0
    if rules != "before" and kind == "logit":
        out |= c > 1
    return out


def recall_table(rules, ke, kd):
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        clean, injected = np.where(inj == "")[0], np.where(inj != "")[0]
        rng = np.random.default_rng(7)
        hits, ff = {}, []
        for _ in range(40):
            pick = rng.choice(injected, 24, replace=False)
            idx = np.concatenate([clean, pick])
            g = flags(rules, b[idx], c[idx], ke, kd)
            ff.append(g[:len(clean)].mean())
            for i, h in zip(pick, g[len(clean):]):
                hits.setdefault(inj[i], []).append(h)
        every = np.concatenate(list(hits.values()))
        shown = [k for k in ("x4", "x8", "flip", "sat", "margin", "x100") if k in hits]
        per = " ".join(f"{k} {100 * np.mean(hits[k]):.0f}%" for k in shown)
        print(f"{os.path.basename(path)[:-7]:31s} {rules} {ke:g}/{kd:g}: recall {100 * every.mean():5.1f}% ({per}) "
              f"clean flagged {100 * np.mean(ff):.3f}%")


def breakdown(share, ke, kd):
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        keep = inj == ""
        b, c = b[keep], c[keep]
        if b.min() >= 0 and b.max() <= 1:
            continue  # scores: x8 leaves [0, 1] and above_one flags it whatever the spread
        broken = np.random.default_rng(3).random(len(c)) < share
        c = np.where(broken, 8 * c, c)
        g = flags("after", b, c, ke, kd)
        print(f"{os.path.basename(path)[:-7]:31s} {100 * share:g}% x8: flagged {100 * g[broken].mean():5.1f}% of them, "
              f"{100 * g[~broken].mean():.3f}% of the others")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "after"
    rest = sys.argv[3:] if mode == "breakdown" else sys.argv[2:]
    ke, kd = (float(a) for a in rest[:2]) if len(rest) > 1 else (8, 5.2)
    if mode == "breakdown":
        breakdown(float(sys.argv[2]), ke, kd)
    else:
        recall_table(mode, ke, kd)


if __name__ == "__main__":
    main()
