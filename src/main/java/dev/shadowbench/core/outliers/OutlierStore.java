package dev.shadowbench.core.outliers;

import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.workspace.WorkspaceSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What reviewers keep about outliers in the workspace: dismissed flags (per comparison) and the rule settings. */
public final class OutlierStore {
    /** Key of the rule settings in the workspace's settings table. */
    public static final String SETTINGS_KEY = "outliers.settings";

    private static final String BUDGET_PARAM = "latency.budget_ms";

    /** A dismissed flag: who dismissed it, when and why. */
    public record Dismissal(String requestId, String rule, String note, String reviewer, LocalDateTime dismissedAt) {
        public String key() {
            return key(requestId, rule);
        }

        public static String key(String requestId, String rule) {
            return requestId + "\u0000" + rule;
        }
    }

    private OutlierStore() {}

    public static void dismiss(
            Connection c, String comparisonKey, String requestId, String rule, String note, String reviewer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlier_dismissals"
                        + "(comparison_key, request_id, rule, note, reviewer, dismissed_at) VALUES (?,?,?,?,?, now()::TIMESTAMP)")) {
            ps.setString(1, comparisonKey);
            ps.setString(2, requestId);
            ps.setString(3, rule);
            ps.setString(4, note);
            ps.setString(5, reviewer);
            ps.executeUpdate();
        }
    }

    /** Takes a dismissal back: the flag shows as open again. */
    public static void restore(Connection c, String comparisonKey, String requestId, String rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outlier_dismissals WHERE comparison_key = ? AND request_id = ? AND rule = ?")) {
            ps.setString(1, comparisonKey);
            ps.setString(2, requestId);
            ps.setString(3, rule);
            ps.executeUpdate();
        }
    }

    /** The dismissals of a comparison by {@link Dismissal#key()}; the latest one counts when a flag was dismissed twice. */
    public static Map<String, Dismissal> dismissals(Connection c, String comparisonKey) throws SQLException {
        Map<String, Dismissal> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, rule, note, reviewer, dismissed_at "
                + "FROM outlier_dismissals WHERE comparison_key = ? ORDER BY dismissed_at, request_id")) {
            ps.setString(1, comparisonKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var ts = rs.getTimestamp(5);
                    Dismissal d = new Dismissal(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            ts == null ? null : ts.toLocalDateTime());
                    out.put(d.key(), d);
                }
            }
        }
        return out;
    }

    public static OutlierSettings loadSettings(Connection c) throws SQLException {
        String json = WorkspaceSettings.get(c, SETTINGS_KEY);
        OutlierSettings s = json != null ? OutlierSettings.fromJson(json) : OutlierSettings.defaults();
        // the banner's budget is the workspace's one latency budget, whatever these settings once held
        return s.with(BUDGET_PARAM + "=" + LatencyBudget.load(c));
    }

    public static void saveSettings(Connection c, OutlierSettings s) throws SQLException {
        WorkspaceSettings.put(c, SETTINGS_KEY, s.toJson());
        LatencyBudget.save(c, s.value(BUDGET_PARAM));
    }
}
