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
 * drawn on top. A grid of two different quantities (e.g. error against label) has its own {@code yEdges}; for the
 * square grid they are {@code edges}.
 */
public record DensityGrid(
        List<Double> edges, List<Cell> cells, long pairs, long outside, List<Point> flagged, List<Double> yEdges) {

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
        DensityGrid g = compute(q, source, lo, hi, lo, hi, size);
        return g == null ? null : new DensityGrid(g.edges, g.cells, g.pairs, g.outside, g.flagged, g.edges);
    }

    /**
     * The grid of {@code source}'s rows with column {@code b} on the x axis over [xlo, xhi] and {@code c} on the y
     * axis over [ylo, yhi], {@code size} bins each, in one GROUP BY. Null without a pair.
     */
    public static DensityGrid compute(Db q, String source, double xlo, double xhi, double ylo, double yhi, int size)
            throws SQLException {
        if (!(xhi > xlo)) {
            xlo = xlo - 0.5;
            xhi = xhi + 0.5;
        }
        if (!(yhi > ylo)) {
            ylo = ylo - 0.5;
            yhi = yhi + 0.5;
        }
        double w = (xhi - xlo) / size, v = (yhi - ylo) / size;
        String bin = "least(greatest(CAST(floor((%s - ?) / ?) AS BIGINT), 0), ?)";
        String bb = String.format(Locale.ROOT, bin, "b"), bc = String.format(Locale.ROOT, bin, "c");
        List<Cell> cells = new ArrayList<>();
        long pairs = 0, outside = 0;
        for (Object[] r : q.rows(
                "SELECT " + bb + " AS i, " + bc + " AS j, count(*), "
                        + "count(*) FILTER (b < ? OR b > ? OR c < ? OR c > ?) FROM (" + source
                        + ") WHERE b IS NOT NULL AND c IS NOT NULL GROUP BY i, j ORDER BY i, j",
                xlo,
                w,
                (long) size - 1,
                ylo,
                v,
                (long) size - 1,
                xlo,
                xhi,
                ylo,
                yhi)) {
            long n = Db.lng(r[2]);
            cells.add(new Cell((int) Db.lng(r[0]), (int) Db.lng(r[1]), n));
            pairs += n;
            outside += Db.lng(r[3]);
        }
        if (pairs == 0) return null;
        return new DensityGrid(
                Bins.linear(xlo, xhi, size),
                List.copyOf(cells),
                pairs,
                outside,
                List.of(),
                Bins.linear(ylo, yhi, size));
    }

    /** The same grid with these flagged pairs to draw on top. */
    public DensityGrid withFlagged(List<Point> points) {
        return new DensityGrid(edges, cells, pairs, outside, List.copyOf(points), yEdges);
    }

    /** The largest cell count (for the colour scale); 0 when empty. */
    public long maxCount() {
        long m = 0;
        for (Cell c : cells) m = Math.max(m, c.count());
        return m;
    }
}
