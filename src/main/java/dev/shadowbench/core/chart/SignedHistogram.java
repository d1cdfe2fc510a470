package dev.shadowbench.core.chart;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A histogram of a signed per-pair value (candidate - baseline, or that relative to the baseline) on a clipped range:
 * {@code counts[i]} counts values in [edges[i], edges[i+1]) (the last bin includes its right edge), {@code below}
 * and {@code above} the values outside the {@link Clip}; counts, below and above add up to {@code n}, the values.
 * Bin width: Freedman-Diaconis ({@link Bins#freedmanDiaconis}) over the range, from the quartiles of all values.
 */
public record SignedHistogram(List<Double> edges, List<Long> counts, long below, long above, Clip clip, long n) {

    /**
     * From {@code source}, SQL of rows with a column {@code v} (nulls are left out), in two queries: the percentiles,
     * then one GROUP BY over the bin index. Null when there is no value. {@code lowP}, {@code highP} in percent.
     */
    public static SignedHistogram compute(Db q, String source, double lowP, double highP) throws SQLException {
        Object[] r = q.row(
                "SELECT count(v), quantile_cont(v, [?, 0.25, 0.75, ?]) FROM (" + source + ") WHERE v IS NOT NULL",
                lowP / 100,
                highP / 100);
        long n = Db.lng(r[0]);
        if (n == 0) return null;
        List<Double> qs = Db.dblList(r[1]);
        double lo = Math.min(0, qs.get(0)), hi = Math.max(0, qs.get(3));
        if (!(hi > lo)) {
            // every value is 0: one bin around it
            lo = -0.5;
            hi = 0.5;
        }
        int bins = Bins.freedmanDiaconis(lo, hi, qs.get(2) - qs.get(1), n);
        double w = (hi - lo) / bins;
        Long[] counts = new Long[bins];
        Arrays.fill(counts, 0L);
        long below = 0, above = 0;
        for (Object[] b : q.rows(
                "SELECT CASE WHEN v < ? THEN -1 WHEN v > ? THEN ? "
                        + "ELSE least(CAST(floor((v - ?) / ?) AS BIGINT), ?) END AS b, count(*) FROM (" + source
                        + ") WHERE v IS NOT NULL GROUP BY b",
                lo,
                hi,
                (long) bins,
                lo,
                w,
                (long) bins - 1)) {
            long i = Db.lng(b[0]), c = Db.lng(b[1]);
            if (i < 0) below += c;
            else if (i >= bins) above += c;
            else counts[(int) i] += c;
        }
        return new SignedHistogram(
                Bins.linear(lo, hi, bins), Arrays.asList(counts), below, above, new Clip(lowP, highP, lo, hi), n);
    }

    /** Index of the bin holding {@code x}, -1 below the range, {@code counts().size()} above it. */
    public int binOf(double x) {
        int k = counts.size();
        if (x < edges.get(0)) return -1;
        if (x > edges.get(k)) return k;
        for (int i = 0; i < k; i++) if (x < edges.get(i + 1)) return i;
        return k - 1;
    }
}
