"""Fixtures for SyntheticBaselineTest and FirstModelSummaryTest: three small first-model workspaces (regression,
classification, ranking with clicks) and the figures numpy gives for them.

    python3 baseline_fixtures.py        (numpy 1.x or 2.x; writes the files next to this script)

Each task has predictions.jsonl (one variant, "shadow") and labels.csv (request_id, actual, timestamp) for part of
the requests; expected.csv holds what a baseline must answer:
  mean / median of the numeric labels (one per request), the majority class (ties: the smaller class name),
  the top-N clicked items (clicks = distinct (request, item); ties: the smaller item name),
each over every label and over the labels of 2026-11-18..19 (a label's day is its timestamp's);
and the label figures of the candidate and of the baseline on the labelled requests:
  regression: MAE of candidate and of the mean baseline; classification: accuracy of candidate and of the majority
  baseline; ranking: hit rate@10 (a labelled request is a hit when one of its clicked items is in the first 10).
"""
import csv
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261118)
DAYS = ["2026-11-18", "2026-11-19", "2026-11-20"]
N = 240
expected = []


def ts(i):
    day = DAYS[i % 3]
    return f"{day}T{(i * 7) % 24:02d}:{(i * 13) % 60:02d}:00.000Z", day


def write_predictions(name, records):
    with open(os.path.join(HERE, name, "predictions.jsonl"), "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def write_labels(name, rows):
    with open(os.path.join(HERE, name, "labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["request_id", "actual", "timestamp"])
        w.writerows(rows)


for d in ("regression", "classification", "ranking"):
    os.makedirs(os.path.join(HERE, d), exist_ok=True)

# ---- regression: delivery minutes, labels for about 60% of the requests
recs, labels, truth, cand = [], [], {}, {}
for i in range(N):
    rid = f"r-{i:04d}"
    t, day = ts(i)
    y = round(float(np.exp(np.log(40) + 0.5 * rng.standard_normal())), 2)
    p = round(y * (1 + 0.1 * rng.standard_normal()), 4)
    recs.append({"request_id": rid, "timestamp": t, "model": "gbr", "model_version": "1.0.0", "variant": "shadow",
                 "prediction": p, "latency_ms": round(float(20 + 5 * rng.random()), 3), "segment": "web"})
    cand[rid] = p
    if rng.random() < 0.6:
        labels.append([rid, f"{y:.2f}", t])
        truth[rid] = (y, day)
write_predictions("regression", recs)
write_labels("regression", labels)
ys = np.array([v for v, _ in truth.values()])
early = np.array([v for v, day in truth.values() if day in DAYS[:2]])
expected += [("regression", "mean", "all", repr(float(np.mean(ys))), len(ys)),
             ("regression", "median", "all", repr(float(np.median(ys))), len(ys)),
             ("regression", "mean", "2026-11-18..2026-11-19", repr(float(np.mean(early))), len(early)),
             ("regression", "median", "2026-11-18..2026-11-19", repr(float(np.median(early))), len(early))]
ids = list(truth)
y_l = np.array([truth[r][0] for r in ids])
c_l = np.array([cand[r] for r in ids])
expected += [("regression", "mae_candidate", "all", repr(float(np.mean(np.abs(c_l - y_l)))), len(ids)),
             ("regression", "mae_mean_baseline", "all", repr(float(np.mean(np.abs(np.mean(ys) - y_l)))), len(ids))]

# ---- classification: classes 0/1/2, class 0 most frequent overall
recs, labels, truth, cand = [], [], {}, {}
for i in range(N):
    rid = f"c-{i:04d}"
    t, day = ts(i)
    y = str(rng.choice(["0", "1", "2"], p=[0.5, 0.3, 0.2]))
    c = y if rng.random() < 0.8 else str(rng.choice(["0", "1", "2"]))
    recs.append({"request_id": rid, "timestamp": t, "model": "logit", "model_version": "1.0.0", "variant": "shadow",
                 "predicted_class": c, "prediction": round(float(rng.random()), 4), "segment": "web"})
    cand[rid] = c
    if rng.random() < 0.6:
        labels.append([rid, y, t])
        truth[rid] = (y, day)
write_predictions("classification", recs)
write_labels("classification", labels)


def majority(values):
    classes, counts = np.unique(np.array(values), return_counts=True)  # classes sorted, so ties go to the smaller
    return str(classes[int(np.argmax(counts))])


allc = [v for v, _ in truth.values()]
earlyc = [v for v, day in truth.values() if day in DAYS[:2]]
maj = majority(allc)
expected += [("classification", "majority", "all", maj, len(allc)),
             ("classification", "majority", "2026-11-18..2026-11-19", majority(earlyc), len(earlyc))]
ids = list(truth)
y_l = np.array([truth[r][0] for r in ids])
c_l = np.array([cand[r] for r in ids])
expected += [("classification", "accuracy_candidate", "all", repr(float(np.mean(c_l == y_l))), len(ids)),
             ("classification", "accuracy_majority_baseline", "all", repr(float(np.mean(y_l == maj))), len(ids))]

# ---- ranking: 40 items with Zipf-like popularity; some requests click twice
items = [f"item-{k:02d}" for k in range(40)]
pop = 1.0 / np.arange(1, 41) ** 1.1
pop /= pop.sum()
recs, labels, clicks, ranks = [], [], {}, {}
for i in range(N):
    rid = f"k-{i:04d}"
    t, day = ts(i)
    ranking = [str(x) for x in rng.choice(items, size=10, replace=False, p=pop)]
    recs.append({"request_id": rid, "timestamp": t, "model": "two-tower", "model_version": "1.0.0",
                 "variant": "shadow", "ranking": ranking, "segment": "web"})
    ranks[rid] = ranking
    if rng.random() < 0.6:
        n = 1 if rng.random() < 0.8 else 2
        got = [str(x) for x in rng.choice(items, size=n, replace=False, p=pop)]
        for it in got:
            labels.append([rid, it, t])
        clicks[rid] = (got, day)
write_predictions("ranking", recs)
write_labels("ranking", labels)


def top(pairs, n):
    names, counts = np.unique(np.array([it for _, it in pairs]), return_counts=True)
    order = np.lexsort((names, -counts))  # most clicks first, ties by name
    return [str(names[k]) for k in order[:n]]


allpairs = sorted({(r, it) for r, (got, _) in clicks.items() for it in got})
earlypairs = sorted({(r, it) for r, (got, day) in clicks.items() if day in DAYS[:2] for it in got})
top10 = top(allpairs, 10)
expected += [("ranking", "top-n", "all", "|".join(top10), len(allpairs)),
             ("ranking", "top-5", "all", "|".join(top(allpairs, 5)), len(allpairs)),
             ("ranking", "top-5", "2026-11-18..2026-11-19", "|".join(top(earlypairs, 5)), len(earlypairs))]
ids = list(clicks)
hit_c = np.mean([any(it in ranks[r][:10] for it in clicks[r][0]) for r in ids])
hit_b = np.mean([any(it in top10 for it in clicks[r][0]) for r in ids])
expected += [("ranking", "hit_rate_candidate", "all", repr(float(hit_c)), len(ids)),
             ("ranking", "hit_rate_top10_baseline", "all", repr(float(hit_b)), len(ids))]

with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["task", "figure", "period", "value", "n"])
    w.writerows(expected)
