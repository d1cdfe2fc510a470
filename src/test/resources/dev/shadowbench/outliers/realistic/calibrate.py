#!/usr/bin/python3
"""The value rules re-done in numpy over the fixtures make_pairs.py wrote, for choosing the defaults and for the
before/after table of src/site/markdown/outliers.md. Both rule sets score a value by its distance from the median in
robust SDs (1.4826 x MAD) and flag a pair when |score| > k (extreme: the candidate's values; divergence: candidate minus
baseline; defaults 8 and 4); negative candidates are flagged where the baseline never goes negative.

  before  (main before issue 16) a log scale when every baseline is positive, else linear; one median and MAD.
  global  the scale chosen by the baseline's range: log-odds (scores capped at 1e-5 and 1 - 1e-5) when every baseline
          lies in [0, 1], a log scale when every baseline is positive, else linear; candidates above 1 are flagged
          where the baseline is a score; one median and MAD (the first calibration, divergence k 5.2).
  after   as global, but the median and MAD per band of baseline values (Bands.java): BANDS bands (default 12) of
          equal counts of baseline values (quantile_disc bounds), at most one per 500 baselines (fewer pairs: fewer
          bands, one band = global); a band's robust SD never under the whole pairing's; a band with under 250 scored
          values uses the global figures.

Prints, per data set, with 0.2% of the injected answers drawn (24 per data set among the clean pairs, 40 draws,
seed 7): the recall over all injected answers, per kind (x4 and x8 for the regressions), and the share of clean pairs
flagged. With `breakdown SHARE`, it multiplies SHARE of the clean candidate answers by 8 instead and prints the share of
them flagged (the 25% breakdown decision: a quarter of broken answers must still be flagged). Run from this folder:

    /usr/bin/python3 calibrate.py before|global|after [EXTREME_K DIVERGENCE_K [BANDS]]
    /usr/bin/python3 calibrate.py breakdown SHARE [EXTREME_K DIVERGENCE_K [BANDS]]
"""
import csv
import glob
import gzip
import os
import sys

import numpy as np

CAP = 1e-5
MIN_BAND = 500


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


def typical(x):
    """Median and robust SD (1.4826 x MAD; 1.2533 x the mean absolute deviation when the MAD is 0)."""
    m = np.nanmedian(x)
    mad = np.nanmedian(np.abs(x - m))
    return m, 1.4826 * mad if mad > 0 else 1.2533 * np.nanmean(np.abs(x - m))


def banded_scores(b, x, bands):
    """Scores of x against the median and robust SD of its band of baseline values b (raw), as Bands.java does."""
    n = int(max(1, min(bands, np.isfinite(b).sum() // MIN_BAND)))
    gm, gs = typical(x)
    if n <= 1:
        return (x - gm) / gs
    fb = np.sort(b[np.isfinite(b)])
    # DuckDB's quantile_disc(b, q): the value at index floor((count - 1) * q) of the sorted values
    upper = fb[[int(np.floor((len(fb) - 1) * i / n)) for i in range(1, n)]]
    band = np.searchsorted(upper, b, side="left")  # b <= upper[i] is band i
    out = (x - gm) / gs
    for i in range(n):
        sel = band == i
        if np.isfinite(x[sel]).sum() < MIN_BAND / 2:
            continue
        m, s = typical(x[sel])
        out[sel] = (x[sel] - m) / max(s, gs)
    return out


def flags(rules, b, c, k_extreme, k_divergence, bands=12):
    if rules == "before":
        kind = "log" if b.min() > 0 else "linear"
    else:
        kind = "logit" if b.min() >= 0 and b.max() <= 1 else "log" if b.min() > 0 else "linear"
    tc, tb = scaled(kind, c), scaled(kind, b)
    n = bands if rules == "after" else 1
    out = (np.abs(np.nan_to_num(banded_scores(b, tc, n))) > k_extreme) | (
        np.abs(np.nan_to_num(banded_scores(b, tc - tb, n))) > k_divergence)
    if b.min() >= 0:
        out |= c < 0
    if rules != "before" and kind == "logit":
        out |= c > 1
    return out


def recall_table(rules, ke, kd, bands):
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        clean, injected = np.where(inj == "")[0], np.where(inj != "")[0]
        rng = np.random.default_rng(7)
        hits, ff = {}, []
        for _ in range(40):
            pick = rng.choice(injected, 24, replace=False)
            idx = np.concatenate([clean, pick])
            g = flags(rules, b[idx], c[idx], ke, kd, bands)
            ff.append(g[:len(clean)].mean())
            for i, h in zip(pick, g[len(clean):]):
                hits.setdefault(inj[i], []).append(h)
        every = np.concatenate(list(hits.values()))
        shown = [k for k in ("x4", "x8", "flip", "sat", "margin", "x100") if k in hits]
        per = " ".join(f"{k} {100 * np.mean(hits[k]):.0f}%" for k in shown)
        print(f"{os.path.basename(path)[:-7]:31s} {rules} {ke:g}/{kd:g}/{bands}: recall {100 * every.mean():5.1f}% ({per}) "
              f"clean flagged {100 * np.mean(ff):.3f}%")


def breakdown(share, ke, kd, bands):
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        keep = inj == ""
        b, c = b[keep], c[keep]
        if b.min() >= 0 and b.max() <= 1:
            continue  # scores: x8 leaves [0, 1] and above_one flags it whatever the spread
        broken = np.random.default_rng(3).random(len(c)) < share
        c = np.where(broken, 8 * c, c)
        g = flags("after", b, c, ke, kd, bands)
        print(f"{os.path.basename(path)[:-7]:31s} {100 * share:g}% x8: flagged {100 * g[broken].mean():5.1f}% of them, "
              f"{100 * g[~broken].mean():.3f}% of the others")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "after"
    rest = sys.argv[3:] if mode == "breakdown" else sys.argv[2:]
    ke, kd = (float(a) for a in rest[:2]) if len(rest) > 1 else (8, 5.2 if mode in ("before", "global") else 4)
    bands = int(rest[2]) if len(rest) > 2 else 12 if mode in ("after", "breakdown") else 1
    if mode == "breakdown":
        breakdown(float(sys.argv[2]), ke, kd, bands)
    else:
        recall_table(mode, ke, kd, bands)


if __name__ == "__main__":
    main()
