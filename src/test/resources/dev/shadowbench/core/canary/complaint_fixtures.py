# Reference values for ComplaintStatsTest: run from the repository root with
#   python3 src/test/resources/dev/shadowbench/core/canary/complaint_fixtures.py > src/test/resources/dev/shadowbench/core/canary/complaint_fixtures.csv
# (scipy 1.17.1). Each row: baseline complaints, baseline requests, candidate complaints, candidate requests,
# then the difference (candidate - baseline), the Newcombe hybrid score 95% interval built from scipy's Wilson
# intervals of each arm, the test used (fisher when any expected cell of the 2x2 table is < 5, else z) and its
# two-sided p-value (scipy.stats.fisher_exact, or the pooled z statistic through scipy.stats.norm.sf).
import math
from scipy.stats import binomtest, fisher_exact, norm

TABLES = [
    (0, 10, 0, 10), (0, 239, 0, 239), (400, 20000, 0, 239), (1, 5, 0, 3), (3, 7, 5, 6), (2, 100, 9, 100),
    (10, 1000, 30, 1000), (200, 10000, 200, 10000), (200, 10000, 240, 10000), (2000, 100000, 60, 1000),
    (20000, 1000000, 20500, 1000000), (5, 50, 5, 50), (0, 1000, 4, 1000), (50, 50, 48, 50), (17, 843, 3, 51),
    (1234, 56789, 123, 5678), (1, 2, 1, 2), (0, 1, 1, 1), (99, 4950, 1, 50), (30, 1500, 45, 1500),
]
Z = norm.ppf(0.975)
print("# bx,bn,cx,cn,difference,ci_low,ci_high,test,p_value")
for bx, bn, cx, cn in TABLES:
    pb, pc = bx / bn, cx / cn
    lb, ub = binomtest(bx, bn).proportion_ci(0.95, method="wilson")
    lc, uc = binomtest(cx, cn).proportion_ci(0.95, method="wilson")
    d = pc - pb
    lo = d - math.sqrt((pc - lc) ** 2 + (ub - pb) ** 2)
    hi = d + math.sqrt((uc - pc) ** 2 + (pb - lb) ** 2)
    table = [[bx, bn - bx], [cx, cn - cx]]
    n = bn + cn
    cols = [bx + cx, n - bx - cx]
    expected = min(r * c / n for r in (bn, cn) for c in cols)
    if expected < 5:
        test, p = "fisher", fisher_exact(table, alternative="two-sided").pvalue
    else:
        pool = (bx + cx) / n
        z = d / math.sqrt(pool * (1 - pool) * (1 / bn + 1 / cn))
        test, p = "z", 2 * norm.sf(abs(z))
    print(f"{bx},{bn},{cx},{cn},{d!r},{lo!r},{hi!r},{test},{float(p)!r}")
