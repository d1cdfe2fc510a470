package dev.shadowbench.core.chart;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Baseline against candidate per pair as counts on a square grid (a density plot: a million pairs draw as fast as a
 * thousand). Both axes share {@code edges}, so the y = x line is the diagonal. A cell (x, y) counts the pairs whose
 * baseline falls in x's bin and candidate in y's; values beyond the edges are counted in the outermost cell and in
 * {@code outside}, so the cells add up to {@code pairs}. {@code flagged} are the pairs the outlier rules flagged,
 * drawn on top.
 */
public record DensityGrid(List<Double> edges, List<Cell> cells, long pairs, long outside, List<Point> flagged) {

    /** Cells per axis. */
    public static final int SIZE = 60;

    /** {@code count} pairs in column {@code x} (baseline) and row {@code y} (candidate); 0-based. */
    public record Cell(int x, int y, long count) {}

    /** One flagged pair: its baseline and candidate values and the rule that flagged it. */
    public record Point(String requestId, double baseline, double candidate, String rule) {}

    /**
     * The grid of {@code source}'s rows (columns {@code b} and {@code c}, pairs with a null are left out) on [lo, hi]
     * in {@code size} bins per axis, in one GROUP BY. Null without a pair.
     */
    public static DensityGrid compute(Db q, String source, double lo, double hi, int size) throws SQLException {
        if (!(hi > lo)) {
            lo = lo - 0.5;
            hi = hi + 0.5;
        }
        double w = (hi - lo) / size;
        String bin = "least(greatest(CAST(floor((%s - ?) / ?) AS BIGINT), 0), ?)";
        String bb = String.format(Locale.ROOT, bin, "b"), bc = String.format(Locale.ROOT, bin, "c");
        List<Cell> cells = new ArrayList<>();
        long pairs = 0, outside = 0;
        for (Object[] r : q.rows(
                "SELECT " + bb + " AS i, " + bc + " AS j, count(*), "
                        + "count(*) FILTER (b < ? OR b > ? OR c < ? OR c > ?) FROM (" + source
                        + ") WHERE b IS NOT NULL AND c IS NOT NULL GROUP BY i, j ORDER BY i, j",
                lo,
                w,
                (long) size - 1,
                lo,
                w,
                (long) size - 1,
                lo,
                hi,
                lo,
                hi)) {
            long n = Db.lng(r[2]);
            cells.add(new Cell((int) Db.lng(r[0]), (int) Db.lng(r[1]), n));
            pairs += n;
            outside += Db.lng(r[3]);
        }
        if (pairs == 0) return null;
        return new DensityGrid(Bins.linear(lo, hi, size), List.copyOf(cells), pairs, outside, List.of());
    }

    /** The same grid with these flagged pairs to draw on top. */
    public DensityGrid withFlagged(List<Point> points) {
        return new DensityGrid(edges, cells, pairs, outside, List.copyOf(points));
    }

    /** The largest cell count (for the colour scale); 0 when empty. */
    public long maxCount() {
        long m = 0;
        for (Cell c : cells) m = Math.max(m, c.count());
        return m;
    }
}
