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
 * The caller computes the percentiles (from the pair index's running counts: no sort of the pairs).
 */
public record SignedHistogram(List<Double> edges, List<Long> counts, long below, long above, Clip clip, long n) {

    /**
     * From {@code source}, SQL of rows of distinct values {@code v} with their count {@code n} (as the pair index
     * stores them), {@code total} values in all, and {@code quantiles}: the {@code lowP}th percentile, the quartiles
     * and the {@code highP}th percentile of the values (percent). One GROUP BY over the bin index. Null when there is
     * no value.
     */
    public static SignedHistogram compute(
            Db q, String source, long total, Double[] quantiles, double lowP, double highP) throws SQLException {
        if (total == 0 || quantiles[0] == null || quantiles[3] == null) return null;
        double lo = Math.min(0, quantiles[0]), hi = Math.max(0, quantiles[3]);
        if (!(hi > lo)) {
            // every value is 0: one bin around it
            lo = -0.5;
            hi = 0.5;
        }
        int bins = Bins.freedmanDiaconis(lo, hi, quantiles[2] - quantiles[1], total);
        double w = (hi - lo) / bins;
        Long[] counts = new Long[bins];
        Arrays.fill(counts, 0L);
        long below = 0, above = 0;
        for (Object[] b : q.rows(
                "SELECT CASE WHEN v < ? THEN -1 WHEN v > ? THEN ? "
                        + "ELSE least(CAST(floor((v - ?) / ?) AS BIGINT), ?) END AS b, sum(n) FROM (" + source
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
                Bins.linear(lo, hi, bins), Arrays.asList(counts), below, above, new Clip(lowP, highP, lo, hi), total);
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
