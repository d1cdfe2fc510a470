package dev.shadowbench.core.compare;

import dev.shadowbench.core.compare.Summary.KsTest;
import dev.shadowbench.core.compare.Summary.MannWhitney;
import dev.shadowbench.core.compare.Summary.PsiBins;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.stats.Distributions;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Kolmogorov–Smirnov, Mann–Whitney U and PSI between the two sides' deduplicated records. The ranks and
 * empirical CDFs are computed in DuckDB (one GROUP BY value + running sum), only the final arithmetic here.
 */
final class TwoSampleTests {
    private TwoSampleTests() {}

    /** scipy's ks_2samp 'auto' is exact up to this many values per side. */
    static final int KS_EXACT_MAX_N = 10_000;

    static final double PSI_FLOOR = 1e-4;

    /** Rows (x, isb) of {@code column} over each side's records of a pairing build (isb: the baseline's). */
    static String stacked(Pairing.Built build, String column) {
        return "SELECT " + column + " AS x, TRUE AS isb FROM " + build.baseSide() + " WHERE " + column + " IS NOT NULL "
                + "UNION ALL SELECT " + column + ", FALSE FROM " + build.candSide() + " WHERE " + column
                + " IS NOT NULL";
    }

    /**
     * Creates {@code target} (e.g. "TABLE pair_index.e1_x") from {@code stackedSql}, a query of rows (x, isb): each
     * distinct non-null x with the counts of rows with isb true ({@code na}) and false ({@code nb}) and running counts
     * up to and including it ({@code ca}, {@code cb}). KS, PSI, quantiles and histograms then read a table of distinct
     * values (1.2M on 10M rows of 4-decimal scores) instead of sorting or scanning the 20M raw values once each.
     */
    static void cdfInto(Db q, String stackedSql, String target) throws SQLException {
        q.execute("CREATE OR REPLACE " + target + " AS SELECT x, na, nb, CAST(sum(na) OVER w AS BIGINT) AS ca, "
                + "CAST(sum(nb) OVER w AS BIGINT) AS cb FROM ("
                + "SELECT x, count(*) FILTER (isb) AS na, count(*) FILTER (NOT isb) AS nb FROM (" + stackedSql
                + ") GROUP BY x) "
                + "WINDOW w AS (ORDER BY x ROWS UNBOUNDED PRECEDING)");
    }

    /**
     * {@link #cdfInto} from rows (x, isb, n) that each stand for {@code n} values (an extract's value counts); the same
     * table as {@link #cdfInto} over the values they count.
     */
    static void countedCdfInto(Db q, String countedSql, String target) throws SQLException {
        q.execute("CREATE OR REPLACE " + target + " AS SELECT x, na, nb, CAST(sum(na) OVER w AS BIGINT) AS ca, "
                + "CAST(sum(nb) OVER w AS BIGINT) AS cb FROM ("
                + "SELECT x, CAST(coalesce(sum(n) FILTER (isb), 0) AS BIGINT) AS na, "
                + "CAST(coalesce(sum(n) FILTER (NOT isb), 0) AS BIGINT) AS nb FROM (" + countedSql + ") GROUP BY x) "
                + "WINDOW w AS (ORDER BY x ROWS UNBOUNDED PRECEDING)");
    }

    /** Two-sample KS from a table made by {@link #cdfInto}; null when a side has no value. */
    static KsTest ksOnCdf(Db q, String cdf) throws SQLException {
        Object[] n = q.row("SELECT sum(na), sum(nb) FROM " + cdf);
        long n1 = Db.lng(n[0]), n2 = Db.lng(n[1]);
        if (n1 == 0 || n2 == 0) return null;
        Object[] r = q.row(
                "SELECT max(ca / ? - cb / ?), max(cb / ? - ca / ?) FROM " + cdf,
                (double) n1,
                (double) n2,
                (double) n2,
                (double) n1);
        double maxS = Db.dbl(r[0]), minS = Math.max(0, Math.min(1, Db.dbl(r[1])));
        return ksFromStatistic(Math.max(maxS, minS), n1, n2);
    }

    /**
     * quantile_cont at each of {@code ps} over the values of a {@link #cdfInto} table weighted by running count
     * {@code cum} (e.g. "ca", or "ca + cb" for both sides pooled) of {@code n} values in all; the same
     * arithmetic as DuckDB's quantile_cont (position (n-1)p, lo * (1 - d) + hi * d with d its fraction). Nulls when n is 0.
     */
    static Double[] quantiles(Db q, String cdf, String cum, long n, double... ps) throws SQLException {
        Double[] out = new Double[ps.length];
        if (n == 0) return out;
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> idx = new ArrayList<>();
        for (int i = 0; i < ps.length; i++) {
            double rn = (n - 1) * ps[i];
            idx.add((long) Math.floor(rn));
            idx.add((long) Math.ceil(rn));
            // the value at 0-based position k is the first x whose running count passes k
            sql.append(i == 0 ? "" : ", ")
                    .append("min(x) FILTER (")
                    .append(cum)
                    .append(" > ?), min(x) FILTER (")
                    .append(cum)
                    .append(" > ?)");
        }
        Object[] r = q.row(sql + " FROM " + cdf, idx.toArray());
        for (int i = 0; i < ps.length; i++) {
            double rn = (n - 1) * ps[i], lo = Db.dbl(r[2 * i]), hi = Db.dbl(r[2 * i + 1]);
            double d = rn - Math.floor(rn);
            out[i] = Math.floor(rn) == Math.ceil(rn)
                    ? lo
                    : lo * (1 - d) + hi * d; // quantile_cont's own form, bit for bit
        }
        return out;
    }

    /** P-value as scipy's ks_2samp(method='auto', two-sided) for a statistic d. */
    static KsTest ksFromStatistic(double d, long n1, long n2) {
        if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
            int a = (int) n1, b = (int) n2, g = Distributions.gcd(a, b);
            long lcm = (long) (a / g) * b;
            int h = (int) Math.rint(d * lcm);
            double dExact = (double) h / lcm;
            double p = h == 0
                    ? 1.0
                    : a == b ? Distributions.ksExactEqualSizes(a, h) : Distributions.ksExactInside(a, b, h);
            return new KsTest(dExact, p, "exact", n1, n2);
        }
        double m = Math.max(n1, n2), k = Math.min(n1, n2);
        long en = (long) Math.rint(m * k / (m + k));
        double p = Distributions.kstwoSf((int) Math.min(en, Integer.MAX_VALUE), d);
        return new KsTest(d, p, "asymptotic", n1, n2);
    }

    /** Two-sided Mann–Whitney U from a {@link #cdfInto} table, normal approximation with tie and continuity correction. */
    static MannWhitney mannWhitneyOnCdf(Db q, String cdf) throws SQLException {
        // 2 * (sum of the baseline's mid-ranks) and sum(t^3 - t) over tie groups, both exact integers; the values
        // before a tie group are the running count minus the group itself.
        Object[] r =
                q.row("SELECT sum(CAST(na AS HUGEINT) * (2 * (CAST(ca AS HUGEINT) + cb - na - nb) + na + nb + 1)), "
                        + "sum(CAST(na + nb AS HUGEINT) * (na + nb) * (na + nb) - (na + nb)), sum(na), sum(nb) FROM "
                        + cdf);
        long n1 = Db.lng(r[2]), n2 = Db.lng(r[3]);
        if (n1 == 0 || n2 == 0) return null;
        return mannWhitney(n1, n2, big(r[0]), big(r[1]));
    }

    static MannWhitney mannWhitney(long n1, long n2, BigInteger twiceRankSum1, BigInteger tieTerm) {
        double r1 = twiceRankSum1.doubleValue() / 2.0;
        double u1 = r1 - (double) n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = Math.max(u1, u2), n = (double) n1 + n2;
        double mu = (double) n1 * n2 / 2.0;
        double s = Math.sqrt((double) n1 * n2 / 12.0 * ((n + 1) - tieTerm.doubleValue() / (n * (n - 1))));
        double p = s == 0 ? 1.0 : Distributions.clip(2 * Distributions.normalSf((u - mu - 0.5) / s));
        return new MannWhitney(u1, p, "asymptotic", n1, n2);
    }

    private static BigInteger big(Object o) {
        if (o == null) return BigInteger.ZERO;
        if (o instanceof BigInteger b) return b;
        return new java.math.BigDecimal(o.toString()).toBigInteger();
    }

    /** PSI result: value and the bins it used. */
    record Psi(double value, PsiBins bins) {}

    /**
     * Population stability index from a {@link #cdfInto} table: 10 bins cut at the baseline's deciles (linear
     * interpolation, repeated cut points merged), bins (e[i-1], e[i]], empty shares floored at 1e-4.
     */
    static Psi psiOnCdf(Db q, String cdf) throws SQLException {
        long n1 = Db.lng(q.row("SELECT sum(na) FROM " + cdf)[0]);
        if (n1 == 0) return null;
        Double[] e = quantiles(q, cdf, "ca", n1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        List<Double> edges = new ArrayList<>(new TreeSet<>(List.of(e)));
        StringBuilder bin = new StringBuilder("0");
        for (int i = 0; i < edges.size(); i++) bin.append(" + CAST(x > ? AS INT)");
        int bins = edges.size() + 1;
        long[] nb = new long[bins], nc = new long[bins];
        for (Object[] r :
                q.rows("SELECT " + bin + " AS bin, sum(na), sum(nb) FROM " + cdf + " GROUP BY bin", edges.toArray())) {
            int i = (int) Db.lng(r[0]);
            nb[i] = Db.lng(r[1]);
            nc[i] = Db.lng(r[2]);
        }
        long tb = 0, tc = 0;
        for (int i = 0; i < bins; i++) {
            tb += nb[i];
            tc += nc[i];
        }
        if (tb == 0 || tc == 0) return null;
        List<Double> sb = new ArrayList<>(), sc = new ArrayList<>();
        double psi = 0;
        for (int i = 0; i < bins; i++) {
            double b = (double) nb[i] / tb, c = (double) nc[i] / tc;
            sb.add(b);
            sc.add(c);
            double bf = Math.max(b, PSI_FLOOR), cf = Math.max(c, PSI_FLOOR);
            psi += (cf - bf) * Math.log(cf / bf);
        }
        return new Psi(
                psi,
                new PsiBins(
                        "baseline deciles (numpy linear), bins (e[i-1], e[i]], empty shares floored at 1e-4",
                        edges,
                        sb,
                        sc));
    }
}
