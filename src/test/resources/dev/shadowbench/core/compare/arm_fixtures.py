# Reference figures for ArmFiguresTest (the unpaired canary comparison), scipy 1.17 / numpy 2.
# Run: python3 src/test/resources/dev/shadowbench/core/compare/arm_fixtures.py
# The data mirror ArmFiguresTest.insert (same integer formulas and IEEE divisions). Day d (0, 1) has n_b[d] baseline
# requests 'b<d>_<i>' and n_c[d] candidate requests 'c<d>_<i>', i counted from 0 on each day; j = i + 1000 * d.
import numpy as np
from scipy import stats

n_b, n_c = [300, 200], [20, 150]
CLS_B = lambda j: 'a' if (j * 7) % 5 < 2 else ('b' if (j * 7) % 5 == 2 else 'c')
LBL = lambda j: 'a' if (j * 3) % 4 < 2 else ('b' if (j * 3) % 4 == 2 else 'c')
CLS_C = lambda j: 'a' if (j * 11) % 7 < 3 else ('b' if (j * 11) % 7 < 5 else 'c')

def arm(d, n, side):
    js = [i + 1000 * d for i in range(n)]
    if side == 'b':
        pred = [((j * 7919) % 1009) / 100.0 for j in js]
        lat = [((j * 31) % 97) / 2.0 + 5.0 for j in js]
        cls = [CLS_B(j) for j in js]
    else:
        pred = [((j * 104729) % 1013) / 90.0 + 0.5 for j in js]
        lat = [((j * 37) % 101) / 2.0 + 6.0 for j in js]
        cls = [CLS_C(j) for j in js]
    return np.array(pred), np.array(lat), cls

def psi(b, c):
    e = np.unique(np.percentile(b, [10, 20, 30, 40, 50, 60, 70, 80, 90]))
    sb = np.bincount(np.searchsorted(e, b, 'left'), minlength=len(e) + 1) / len(b)
    sc = np.bincount(np.searchsorted(e, c, 'left'), minlength=len(e) + 1) / len(c)
    sb, sc = np.maximum(sb, 1e-4), np.maximum(sc, 1e-4)
    return float(np.sum((sc - sb) * np.log(sc / sb)))

def table(cb, cc):
    keys = sorted(set(cb) | set(cc))
    return np.array([[cb.count(k) for k in keys], [cc.count(k) for k in keys]])

for d in range(2):
    pb, lb, cb = arm(d, n_b[d], 'b')
    pc, lc, cc = arm(d, n_c[d], 'c')
    ks = stats.ks_2samp(pb, pc)
    mw = stats.mannwhitneyu(lb, lc)
    chi = stats.chi2_contingency(table(cb, cc), correction=False)
    print(f"day {d}: ks D={ks.statistic!r} p={ks.pvalue!r}; psi={psi(pb, pc)!r}; mwu U={mw.statistic!r} p={mw.pvalue!r}; "
          f"chi2={chi.statistic!r} dof={chi.dof} p={chi.pvalue!r}; "
          f"lat_b p50/95/99={list(np.percentile(lb, [50, 95, 99]))!r} lat_c={list(np.percentile(lc, [50, 95, 99]))!r}")

# window: both days pooled
cb = [x for d in range(2) for x in arm(d, n_b[d], 'b')[2]]
cc = [x for d in range(2) for x in arm(d, n_c[d], 'c')[2]]
chi = stats.chi2_contingency(table(cb, cc), correction=False)
print(f"window chi2={chi.statistic!r} dof={chi.dof} p={chi.pvalue!r}")
# labels: every 3rd request (i % 3 == 0) of each arm is labelled with class LBL(j)
for side, n_list, f in (('b', n_b, CLS_B), ('c', n_c, CLS_C)):
    hits = tot = 0
    for d in range(2):
        for i in range(0, n_list[d], 3):
            j = i + 1000 * d
            tot += 1
            hits += f(j) == LBL(j)
    print(f"labels {side}: n={tot} accuracy={hits / tot!r}")
# chi2.sf spot checks (ChiSquareTest)
for x, k in [(0.5, 1), (3.84, 1), (10.0, 2), (7.5, 5), (30.0, 10), (150.0, 20), (1e-3, 3), (400.0, 3)]:
    print(f"chi2.sf({x}, {k}) = {stats.chi2.sf(x, k)!r}")
