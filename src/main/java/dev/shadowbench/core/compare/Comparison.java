package dev.shadowbench.core.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A baseline vs a candidate over a window of days (inclusive; null = unbounded). */
public record Comparison(Side baseline, Side candidate, LocalDate from, LocalDate to) {

    /** Identifies the pair of sides (not the window): review verdicts and dismissals are stored under it. */
    public String key() { return baseline.key() + " vs " + candidate.key(); }

    public Comparison withWindow(LocalDate f, LocalDate t) { return new Comparison(baseline, candidate, f, t); }

    /**
     * The default comparison for a workspace: live vs shadow (or canary) when both exist, else the two
     * variants with the most rows, the larger as baseline. Null when the workspace has fewer than two variants.
     */
    public static Comparison defaultFor(Connection c) throws SQLException {
        List<String> variants = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT variant FROM predictions GROUP BY variant ORDER BY count(*) DESC, variant")) {
            while (rs.next()) variants.add(rs.getString(1));
        }
        if (variants.size() < 2) return null;
        String base = variants.contains("live") ? "live" : variants.get(0);
        String cand = variants.contains("shadow") ? "shadow" : variants.contains("canary") ? "canary"
                : variants.stream().filter(v -> !v.equals(base)).findFirst().orElseThrow();
        return new Comparison(Side.variant(base), Side.variant(cand), null, null);
    }

    /** {@link #defaultFor(Connection)} on a connection of its own. */
    public static Comparison defaultFor(dev.shadowbench.core.workspace.Workspace ws) {
        return ws.read(Comparison::defaultFor);
    }

    /** SQL condition for the window on a predictions row aliased {@code alias}. */
    String windowWhere(String alias, List<Object> params) {
        StringBuilder sb = new StringBuilder("TRUE");
        if (from != null) { sb.append(" AND CAST(").append(alias).append(".ts AS DATE) >= ?"); params.add(java.sql.Date.valueOf(from)); }
        if (to != null) { sb.append(" AND CAST(").append(alias).append(".ts AS DATE) <= ?"); params.add(java.sql.Date.valueOf(to)); }
        return sb.toString();
    }
}
