package dev.shadowbench.core.review;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Verdicts reviewers gave sampled pairs, per comparison. Rows are only appended; the latest row for a
 * (comparison, request) is the verdict in force, so earlier judgements stay visible in the table.
 */
public final class ReviewLog {
    private final Workspace ws;

    public ReviewLog(Workspace ws) {
        this.ws = ws;
    }

    public void record(Comparison cmp, String requestId, PairVerdict verdict, String note, String reviewer) {
        ws.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO review_verdicts(comparison_key, request_id, verdict, note, reviewer, recorded_at) VALUES (?, ?, ?, ?, ?, now())")) {
                ps.setString(1, cmp.key());
                ps.setString(2, requestId);
                ps.setString(3, verdict.code());
                ps.setString(4, note == null || note.isBlank() ? null : note.strip());
                ps.setString(5, reviewer);
                return ps.executeUpdate();
            }
        });
    }

    /** How many pairs of this comparison carry each verdict now. */
    public Map<PairVerdict, Long> counts(Comparison cmp) {
        return ws.read(c -> counts(c, cmp));
    }

    /** {@link #counts(Comparison)} on the caller's connection. */
    public static Map<PairVerdict, Long> counts(Connection c, Comparison cmp) throws SQLException {
        Map<PairVerdict, Long> out = new EnumMap<>(PairVerdict.class);
        for (PairVerdict v : PairVerdict.values()) out.put(v, 0L);
        try (PreparedStatement ps = c.prepareStatement("""
                    SELECT verdict, count(*) FROM (
                        SELECT request_id, arg_max(verdict, recorded_at) AS verdict FROM review_verdicts
                        WHERE comparison_key = ? GROUP BY request_id) GROUP BY verdict""")) {
            ps.setString(1, cmp.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(PairVerdict.parse(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }
}
