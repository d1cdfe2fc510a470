package dev.shadowbench.core.canary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests, feedback and complaints of one arm per day, counted on request ids: an id logged more than once counts
 * once, on the day of its first record, and as a complaint when any of its records is one ({@link ComplaintSql}).
 */
public final class ComplaintCounts {
    private ComplaintCounts() {}

    /** One arm's counts on one day (day null: records without a timestamp). */
    public record Day(LocalDate day, long requests, long withFeedback, long complaints) {
        public ComplaintStats.Arm arm() {
            return new ComplaintStats.Arm(requests, complaints);
        }
    }

    /**
     * The query counting per day, oldest first, the predictions rows aliased {@code p} that match {@code where} (a
     * condition whose {@code ?} placeholders the caller binds); its rows are read by {@link #fromRows}.
     */
    public static String sql(String where) {
        return "WITH scales AS (" + ComplaintSql.ratingScales() + "), ids AS ("
                + "SELECT p.request_id, min(CAST(p.ts AS DATE)) AS day, bool_or(p.feedback IS NOT NULL) AS has_feedback, "
                + "bool_or(" + ComplaintSql.complained("p.feedback", "s.top") + ") AS complained "
                + "FROM predictions p LEFT JOIN scales s ON s.import_id = p.import_id WHERE " + where
                + " GROUP BY p.request_id) "
                + "SELECT CAST(day AS VARCHAR), count(*), count(*) FILTER (WHERE has_feedback), count(*) FILTER (WHERE complained) "
                + "FROM ids GROUP BY day ORDER BY day NULLS LAST";
    }

    /** The rows of {@link #sql} as days. */
    public static List<Day> fromRows(List<Object[]> rows) {
        List<Day> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Day(r[0] == null ? null : LocalDate.parse(r[0].toString()), num(r[1]), num(r[2]), num(r[3])));
        }
        return out;
    }

    /** {@link #sql} run on {@code c} with {@code params} bound in order. */
    public static List<Day> perDay(Connection c, String where, List<Object> params) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql(where))) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    rows.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)});
            }
        }
        return fromRows(rows);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** The days' counts added up. */
    public static Day total(List<Day> days) {
        long n = 0, f = 0, x = 0;
        for (Day d : days) {
            n += d.requests();
            f += d.withFeedback();
            x += d.complaints();
        }
        return new Day(null, n, f, x);
    }
}
