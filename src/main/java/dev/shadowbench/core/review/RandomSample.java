package dev.shadowbench.core.review;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reproducible random sample of paired requests. Pairs are ordered by md5(seed:request_id) and the
 * first N taken: the same seed gives the same pairs on every machine, thread count and import order,
 * and a pair stays in the sample when more logs arrive unless a pair with a smaller hash pushes it out.
 * The stratified option adds the most extreme pairs (largest absolute difference) not already drawn.
 */
public final class RandomSample {
    private RandomSample() {}

    /** The sample settings a reviewer sees and can change. */
    public record Spec(int size, long seed, int extremes) {
        public Spec {
            if (size < 1 || size > 100_000)
                throw new IllegalArgumentException("Sample size must be 1..100000, not " + size);
            if (extremes < 0 || extremes > 10_000)
                throw new IllegalArgumentException("Extremes must be 0..10000, not " + extremes);
        }
    }

    /** Draws on the connection (materializing the pairing first) and attaches the comparison's verdicts. */
    public static List<SamplePair> draw(Connection c, Comparison cmp, Spec spec) throws SQLException {
        return draw(c, cmp, spec, ProgressSink.NONE);
    }

    /** {@link #draw(Connection, Comparison, Spec)}, cancellable (and reporting) while the pairing is built. */
    public static List<SamplePair> draw(Connection c, Comparison cmp, Spec spec, ProgressSink p) throws SQLException {
        return draw(c, PairIndex.open(c, cmp, p), spec);
    }

    /** Draws from a comparison already paired, and attaches its verdicts. */
    public static List<SamplePair> draw(Connection c, PairedComparison pc, Spec spec) throws SQLException {
        return draw(c, pc, spec, null);
    }

    /**
     * Draws among the pairs {@code within} keeps (a chart's bin; null: all), by the same seeded order: the sample of a
     * bin is the pairs of the whole sample's order that fall in it.
     */
    public static List<SamplePair> draw(Connection c, PairedComparison pc, Spec spec, PairFilter within)
            throws SQLException {
        if (pc.extract()) inExtract(c, pc, spec, within);
        List<Object> filterParams = new ArrayList<>();
        String where = within == null ? "TRUE" : within.where(filterParams);
        String sql = String.format(Locale.ROOT, """
                WITH drawn AS (
                    SELECT *, false AS extreme FROM %1$s WHERE %2$s ORDER BY md5(? || ':' || request_id) LIMIT ?),
                extremes AS (
                    SELECT *, true AS extreme FROM %1$s
                    WHERE %2$s AND request_id NOT IN (SELECT request_id FROM drawn)
                      AND c_prediction IS NOT NULL AND b_prediction IS NOT NULL
                    ORDER BY abs(c_prediction - b_prediction) DESC, request_id LIMIT ?),
                chosen AS (SELECT * FROM drawn UNION ALL BY NAME SELECT * FROM extremes),
                verdicts AS (
                    SELECT request_id, arg_max(verdict, recorded_at) AS verdict, arg_max(note, recorded_at) AS note
                    FROM review_verdicts WHERE comparison_key = ? GROUP BY request_id)
                SELECT s.request_id, s.ts, s.segment, s.b_prediction, s.c_prediction, s.b_class, s.c_class,
                       s.c_prediction - s.b_prediction AS diff, s.b_latency, s.c_latency, s.label, s.extreme,
                       v.verdict, v.note
                FROM chosen s LEFT JOIN verdicts v USING (request_id)
                ORDER BY s.extreme, md5(? || ':' || s.request_id)""", pc.pairs(), where);
        List<SamplePair> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String seed = Long.toString(spec.seed());
            int i = 1;
            for (Object v : filterParams) ps.setObject(i++, v);
            ps.setString(i++, seed);
            ps.setInt(i++, spec.size());
            for (Object v : filterParams) ps.setObject(i++, v);
            ps.setInt(i++, spec.extremes());
            ps.setString(i++, pc.comparison().key());
            ps.setString(i, seed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp ts = rs.getTimestamp(2);
                    out.add(new SamplePair(
                            rs.getString(1),
                            ts == null ? null : ts.toLocalDateTime(),
                            rs.getString(3),
                            dbl(rs, 4),
                            dbl(rs, 5),
                            rs.getString(6),
                            rs.getString(7),
                            dbl(rs, 8),
                            dbl(rs, 9),
                            dbl(rs, 10),
                            dbl(rs, 11),
                            rs.getBoolean(12),
                            rs.getString(13),
                            rs.getString(14)));
                }
            }
        }
        return out;
    }

    private static Double dbl(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * Refuses a draw an extract cannot answer: it holds, per day, the first pairs of one seed's order and the most
     * extreme ones (src/site/markdown/extract.md), so the same seed gives the same pairs up to those sizes, and any
     * other seed, a larger sample or a chart bin's own sample would need every pair.
     */
    private static void inExtract(Connection c, PairedComparison pc, Spec spec, PairFilter within) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT sample_size, seed, extremes FROM " + pc.extractTable("meta"));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            int size = rs.getInt(1), extremes = rs.getInt(3);
            long seed = rs.getLong(2);
            String holds = "the extract holds the first " + size + " pairs per day of seed " + seed + " and the "
                    + extremes + " most extreme per day";
            if (within != null)
                throw new BadInputException(
                        "Not in the extract: the sample of one chart bin needs every pair; " + holds);
            if (spec.seed() != seed || spec.size() > size || spec.extremes() > extremes)
                throw new BadInputException("Not in the extract: " + holds + "; draw with seed " + seed + ", at most "
                        + size + " pairs and " + extremes + " extremes");
        }
    }
}
