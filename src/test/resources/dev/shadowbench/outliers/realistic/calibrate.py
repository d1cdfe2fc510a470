#!/usr/bin/python3
"""The extreme and divergence rules re-done in numpy over the fixtures make_pairs.py wrote, for choosing the defaults:
median and 1.4826 x MAD on a log scale when every baseline is positive (else linearly), a pair flagged when either
|score| exceeds its mad_k. Prints, per data set and divergence.mad_k, recall on the injected answers and the share of
clean pairs flagged, with the fixtures as they are (1.6% injected) and with 0.2% of them drawn (24 per data set, 20
draws, seed 7). Run from this folder:

    /usr/bin/python3 calibrate.py [EXTREME_K] [DIVERGENCE_K ...]     (defaults: 8, then 8 5 5.1 5.2 5.3 5.4)
"""
import csv
import glob
import gzip
import os
import sys

import numpy as np


def load(path):
    rows = list(csv.DictReader(gzip.open(path, "rt")))
    col = lambda k: np.array([float(r[k]) for r in rows])
    return col("baseline"), col("candidate"), np.array([r["injected"] for r in rows])


def robust(x):
    x = x[~np.isnan(x)]
    m = np.median(x)
    return m, 1.4826 * np.median(np.abs(x - m))


def flags(b, c, k_extreme, k_divergence):
    if b.min() > 0:
        tc = np.where(c > 0, np.log(np.where(c > 0, c, 1)), np.nan)
        tb = np.log(b)
    else:
        tc, tb = c, b
    m, s = robust(tc)
    md, sd = robust(tc - tb)
    return (np.abs(np.nan_to_num((tc - m) / s)) > k_extreme) | (np.abs(np.nan_to_num((tc - tb - md) / sd)) > k_divergence)


def main():
    ke = float(sys.argv[1]) if len(sys.argv) > 1 else 8
    kds = [float(a) for a in sys.argv[2:]] or [8, 5, 5.1, 5.2, 5.3, 5.4]
    for path in sorted(glob.glob("*.csv.gz")):
        b, c, inj = load(path)
        clean, injected = np.where(inj == "")[0], np.where(inj != "")[0]
        for kd in kds:
            f = flags(b, c, ke, kd)
            rng = np.random.default_rng(7)
            rec, ff = [], []
            for _ in range(20):
                idx = np.concatenate([clean, rng.choice(injected, 24, replace=False)])
                g = flags(b[idx], c[idx], ke, kd)
                rec.append(g[len(clean):].mean())
                ff.append(g[:len(clean)].mean())
            print(f"{os.path.basename(path)[:-7]:31s} divergence.mad_k={kd:<4} recall {100 * f[injected].mean():5.1f}% "
                  f"clean flagged {100 * f[clean].mean():.3f}% | 0.2% injected: recall {100 * np.mean(rec):5.1f}% "
                  f"clean flagged {100 * np.mean(ff):.3f}%")


if __name__ == "__main__":
    main()
