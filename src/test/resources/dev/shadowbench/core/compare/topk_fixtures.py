# Top-k item shares of a ranking canary (ArmFiguresTest.topKItemSharesMatchNumpy), numpy 2.4.6:
#   cd src/test/resources/dev/shadowbench/core/compare && python3 topk_fixtures.py > topk_expected.txt
# writes topk_rankings.csv (arm,request_id,ranking: items joined by '|', empty = no ranking) and prints, for k = 3,
# each arm's n (requests with a ranking), the 10 items most often in a top-3 (both arms pooled; ties by item name)
# with the share of each arm's requests whose top 3 holds the item, and the largest share difference over all items.
import numpy as np

rng = np.random.default_rng(20261120)
items = np.array([f"i{j:02d}" for j in range(1, 16)])
p_base = np.linspace(15, 1, 15); p_base /= p_base.sum()          # live favours the low item numbers
p_cand = np.roll(p_base, 3)                                      # the canary moves three items up
K = 3
rows = []
for arm, n, p in (("live", 120, p_base), ("canary", 45, p_cand)):
    for i in range(n):
        if arm == "live" and i % 40 == 39:
            rows.append((arm, f"{arm}-{i}", None))                 # a request logged without a ranking
            continue
        rows.append((arm, f"{arm}-{i}", list(rng.choice(items, size=5, replace=True, p=p))))  # repeats happen

with open("topk_rankings.csv", "w") as f:
    f.write("arm,request_id,ranking\n")
    for arm, rid, r in rows:
        f.write(f"{arm},{rid},{'' if r is None else '|'.join(r)}\n")

def topk_sets(arm):
    return [set(r[:K]) for a, _, r in rows if a == arm and r is not None]   # distinct items of the first K

sb, sc = topk_sets("live"), topk_sets("canary")
nb, nc = len(sb), len(sc)
cb = {it: sum(it in s for s in sb) for it in items}
cc = {it: sum(it in s for s in sc) for it in items}
seen = [it for it in items if cb[it] + cc[it] > 0]
top = sorted(seen, key=lambda it: (-(cb[it] + cc[it]), it))[:10]
print("n", nb, nc)
for it in top:
    print(it, repr(cb[it] / nb), repr(cc[it] / nc))
print("max_share_difference", repr(max(abs(cb[it] / nb - cc[it] / nc) for it in seen)))
