#!/usr/bin/python3
"""Realistic model pairs for calibrating the outlier rules (issue 16): two different real estimators trained on the
same data, with a few candidate answers multiplied or divided by 4..8.

Run from this folder with Debian's scikit-learn (apt-get install -y python3-sklearn; no downloads: only the data sets
bundled in the package and its generators, fixed seeds):

    /usr/bin/python3 make_pairs.py

Writes one <data set>.csv.gz per data set, columns
    request_id, baseline, candidate, label, injected
where baseline is the simple model (linear / ridge / logistic), candidate the flexible one (boosted trees, random
forest, k nearest neighbours), label the true value, and injected is empty for a clean pair or e.g. "x6" (the
candidate's answer was multiplied by 6) or "/4" (divided by 4); for a classifier's probabilities the marks name the
classifier defects of inject_scores ("flip", "sat", "margin", "x100"). Predictions are kept to 7 significant digits.

Small bundled data sets are stretched with repeated K-fold cross-validation: each repeat shuffles the rows anew, trains
both models on K-1 folds and answers the held-out fold, so every row is answered once per repeat by models that did
not see it (request ids say the repeat and the row). The generators give as many held-out rows as wanted.
"""
import gzip
import sys

import numpy as np
from sklearn import datasets
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import KFold
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

PAIRS = 12_000     # pairs per data set (about)
INJECTED = 200     # candidate answers multiplied (half) or divided (half) by 4..8 per data set
FACTORS = [4, 5, 6, 7, 8]


def repeated_cv(x, y, baseline, candidate, proba, seed, folds=5):
    """Held-out answers of both models over as many shuffled K-fold repeats as PAIRS needs."""
    repeats = max(1, int(np.ceil(PAIRS / len(y))))
    ids, b, c, lab = [], [], [], []
    for r in range(repeats):
        for train, test in KFold(folds, shuffle=True, random_state=seed + r).split(x):
            for model, out in ((baseline, b), (candidate, c)):
                model.fit(x[train], y[train])
                out.extend(model.predict_proba(x[test])[:, 1] if proba else model.predict(x[test]))
            ids.extend(f"r{r:02d}-{i:05d}" for i in test)
            lab.extend(y[test])
    return ids, np.array(b), np.array(c), np.array(lab, dtype=float)


def held_out(x, y, baseline, candidate, proba, train_rows):
    """Both models trained on the first train_rows rows, answering the rest."""
    out = []
    for model in (baseline, candidate):
        model.fit(x[:train_rows], y[:train_rows])
        rest = x[train_rows:]
        out.append(model.predict_proba(rest)[:, 1] if proba else model.predict(rest))
    ids = [f"g-{i:05d}" for i in range(train_rows, len(y))]
    return ids, out[0], out[1], np.asarray(y[train_rows:], dtype=float)


def linear():
    return make_pipeline(StandardScaler(), LinearRegression())


def logistic():
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))


def data_sets():
    gbr = dict(n_estimators=200, max_depth=3, random_state=0)
    # regression on bundled data: diabetes progression (442 rows)
    x, y = datasets.load_diabetes(return_X_y=True)
    yield "diabetes_linear_vs_gbr", repeated_cv(x, y, linear(), GradientBoostingRegressor(**gbr), False, 100)
    yield "diabetes_ridge_vs_knn", repeated_cv(x, y, make_pipeline(StandardScaler(), Ridge(alpha=1.0)),
                                               make_pipeline(StandardScaler(), KNeighborsRegressor(15)), False, 200)
    # regression on the generators (positive targets), held out after 3,000 training rows
    n = PAIRS + 3000
    x, y = datasets.make_friedman1(n_samples=n, noise=1.0, random_state=1)
    yield "friedman1_ridge_vs_forest", held_out(x, y, Ridge(alpha=1.0),
                                                RandomForestRegressor(n_estimators=100, min_samples_leaf=3, random_state=0, n_jobs=2),
                                                False, 3000)
    x, y = datasets.make_friedman2(n_samples=n, noise=30.0, random_state=2)
    yield "friedman2_linear_vs_gbr", held_out(x, y, linear(), GradientBoostingRegressor(**gbr), False, 3000)
    x, y = datasets.make_friedman3(n_samples=n, noise=0.05, random_state=3)
    yield "friedman3_ridge_vs_knn", held_out(x, y, Ridge(alpha=1.0), make_pipeline(StandardScaler(), KNeighborsRegressor(10)),
                                             False, 3000)
    # classification scores: probability of the positive class, logistic vs boosted trees
    gbc = dict(n_estimators=150, max_depth=3, random_state=0)
    x, y = datasets.load_breast_cancer(return_X_y=True)
    yield "breast_cancer_logistic_vs_gbc", repeated_cv(x, y, logistic(), GradientBoostingClassifier(**gbc), True, 300)
    x, y = datasets.load_digits(return_X_y=True)
    y = (y >= 5).astype(int)  # digits 5-9 against 0-4: a harder two-class task than one digit against the rest
    yield "digits_logistic_vs_gbc", repeated_cv(x, y, logistic(), GradientBoostingClassifier(**gbc), True, 400)
    x, y = datasets.make_classification(n_samples=n, n_features=20, n_informative=6, flip_y=0.05, class_sep=0.8,
                                        random_state=4)
    yield "classification_logistic_vs_gbc", held_out(x, y, logistic(), GradientBoostingClassifier(**gbc), True, 3000)


def inject(c, seed):
    """Multiplies INJECTED/2 candidate answers by 4..8 and divides as many by 4..8; returns the new answers and the marks."""
    rng = np.random.default_rng(seed)
    rows = rng.choice(len(c), INJECTED, replace=False)
    c = c.copy()
    marks = [""] * len(c)
    for k, i in enumerate(rows):
        f = FACTORS[k % len(FACTORS)]
        if k < INJECTED // 2:
            c[i] *= f
            marks[i] = f"x{f}"
        else:
            c[i] /= f
            marks[i] = f"/{f}"
    return c, marks


SCORE_DEFECTS = ["flip", "sat", "margin", "x100"]


def inject_scores(b, c, seed):
    """A probability multiplied by 4..8 mostly leaves [0, 1] (and a small one stays a plausible score), and one divided
    by 4..8 is still the same decision (0.02 -> 0.0025): not what breaks a classifier. Instead, INJECTED/4 answers each
    get one of the defects a classifier's serving path produces:
      flip    1 - p of an answer the candidate gives with at least 99% confidence (a swapped class index);
      sat     exactly 1 where the baseline says at most 0.5, exactly 0 where it says more (an overflowed sigmoid, a
              default answer);
      margin  the raw log-odds ln(p / (1 - p)) instead of p, on rows where that leaves [0, 1] (a missing sigmoid; a
              margin inside [0, 1] cannot be told from a score by its value);
      x100    a percentage (100 p), on rows where that leaves [0, 1] (p > 0.01).
    """
    rng = np.random.default_rng(seed)
    c = c.copy()
    marks = np.array([""] * len(c), dtype=object)
    with np.errstate(divide="ignore", invalid="ignore"):
        margin = np.log(c / (1 - c))
    pools = {"flip": (c <= 0.01) | (c >= 0.99), "sat": np.ones(len(c), bool),
             "margin": ~((margin >= 0) & (margin <= 1)), "x100": c > 0.01}
    for kind in SCORE_DEFECTS:
        pool = np.where(pools[kind] & (marks == ""))[0]
        for i in rng.choice(pool, INJECTED // len(SCORE_DEFECTS), replace=False):
            marks[i] = kind
            c[i] = {"flip": 1 - c[i], "sat": 1.0 if b[i] <= 0.5 else 0.0, "margin": np.clip(margin[i], -40, 40),
                    "x100": 100 * c[i]}[kind]
    return c, list(marks)


def main():
    for seed, (name, (ids, b, c, label)) in enumerate(data_sets()):
        scores = b.min() >= 0 and b.max() <= 1  # a classifier's probabilities
        c, marks = inject_scores(b, c, 1000 + seed) if scores else inject(c, 1000 + seed)
        with gzip.GzipFile(f"{name}.csv.gz", "wb", mtime=0) as raw:
            raw.write(b"request_id,baseline,candidate,label,injected\n")
            for row in zip(ids, b, c, label, marks):
                raw.write(("%s,%.7g,%.7g,%.7g,%s\n" % row).encode())
        print(f"{name}: {len(ids)} pairs, baseline min {b.min():.4g}, candidate min {c.min():.4g}", file=sys.stderr)


if __name__ == "__main__":
    main()
