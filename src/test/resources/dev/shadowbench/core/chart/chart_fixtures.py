# Reference chart data for ChartDataTest, on the Fixtures.regression(12000, 11000) logs (numpy 2.4.6):
#   python3 src/test/resources/dev/shadowbench/core/chart/chart_fixtures.py
# Prints the signed histogram (candidate - baseline per pair, clipped at the 0.5th/99.5th percentile and widened to
# include 0, Freedman-Diaconis bins), the latency histograms on shared log-spaced edges, and the density grid.
import math
import numpy as np

n1, n2 = 12000, 11000
i1, i2 = np.arange(n1), np.arange(n2)
b = ((i1 * 7919) % 10007) / 100.0
c = ((i2 * 104729) % 10009).astype(float) / 90.0 + 3.0
bl = ((i1 * 31) % 97) / 2.0 + 5.0
cl = ((i2 * 37) % 101) / 2.0 + 6.0
pairs = min(n1, n2)
bp, cp = b[:pairs], c[:pairs]


def signed(v):
    lo_p, q25, q75, hi_p = np.percentile(v, [0.5, 25, 75, 99.5])
    lo, hi = min(0.0, lo_p), max(0.0, hi_p)
    width = 2 * (q75 - q25) / np.cbrt(len(v))
    bins = int(max(1, min(200, math.ceil((hi - lo) / width))))
    inside = v[(v >= lo) & (v <= hi)]
    counts, edges = np.histogram(inside, bins=bins, range=(lo, hi))
    print("  lo", repr(float(lo)), "hi", repr(float(hi)), "bins", bins)
    print("  counts", counts.tolist())
    print("  below", int((v < lo).sum()), "above", int((v > hi).sum()), "n", len(v))


print("signed difference")
signed(cp - bp)
print("signed relative")
nz = bp != 0
signed((cp[nz] - bp[nz]) / np.abs(bp[nz]))

lat = np.concatenate([bl, cl])
lo, hi = lat[lat > 0].min(), lat.max()
bins = int(max(8, min(80, math.ceil(math.log10(hi / lo) * 16))))
edges = np.geomspace(lo, hi, bins + 1)
print("latency lo", repr(float(lo)), "hi", repr(float(hi)), "bins", bins)
print("  baseline", np.histogram(bl, edges)[0].tolist())
print("  candidate", np.histogram(cl, edges)[0].tolist())

glo, ghi = np.percentile(np.concatenate([b, c]), [0.5, 99.5])
grid, _, _ = np.histogram2d(np.clip(bp, glo, ghi), np.clip(cp, glo, ghi), bins=60, range=[[glo, ghi], [glo, ghi]])
outside = int(((bp < glo) | (bp > ghi) | (cp < glo) | (cp > ghi)).sum())
print("density lo", repr(float(glo)), "hi", repr(float(ghi)), "sum", int(grid.sum()), "outside", outside)
print("  diagonal", [int(grid[k, k]) for k in range(60)])
print("  row0", [int(x) for x in grid[0]])
