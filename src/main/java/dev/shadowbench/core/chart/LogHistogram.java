package dev.shadowbench.core.chart;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Two sides' values (latency in ms) on shared log-spaced edges: {@code baseline[i]} and {@code candidate[i]} count
 * values in [edges[i], edges[i+1]) (the last bin includes its right edge). The edges run from the smallest positive
 * value to the largest of both sides; a value of 0 or less is counted in the first bin, so each side's counts add
 * up to its values. {@code scale} is "log".
 */
public record LogHistogram(String scale, List<Double> edges, List<Long> baseline, List<Long> candidate) {

    /**
     * From a table of distinct values {@code x} with each side's count ({@code na} baseline, {@code nb} candidate),
     * as the pair index stores latency. Null when neither side has a value.
     */
    public static LogHistogram compute(Db q, String cdf) throws SQLException {
        Object[] r = q.row("SELECT min(x) FILTER (x > 0), max(x), count(*) FROM " + cdf + " WHERE na + nb > 0");
        if (Db.lng(r[2]) == 0) return null;
        Double lo = Db.dbl(r[0]), hi = Db.dbl(r[1]);
        if (lo == null) lo = hi = 1.0; // no positive value: every value falls in the first bin
        if (!(hi > lo)) {
            lo = lo / 2;
            hi = hi * 2;
        }
        int bins = Bins.logBins(lo, hi);
        Long[] b = new Long[bins], c = new Long[bins];
        Arrays.fill(b, 0L);
        Arrays.fill(c, 0L);
        for (Object[] row : q.rows(
                "SELECT CASE WHEN x <= ? THEN 0 ELSE least(greatest(CAST(floor(ln(x / ?) / ?) AS BIGINT), 0), ?) END AS i, "
                        + "sum(na), sum(nb) FROM " + cdf + " GROUP BY i",
                lo,
                lo,
                Math.log(hi / lo) / bins,
                (long) bins - 1)) {
            int i = (int) Db.lng(row[0]);
            b[i] += Db.lng(row[1]);
            c[i] += Db.lng(row[2]);
        }
        return new LogHistogram("log", Bins.log(lo, hi, bins), Arrays.asList(b), Arrays.asList(c));
    }
}
