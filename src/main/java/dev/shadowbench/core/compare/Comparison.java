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
    public String key() {
        return baseline.key() + " vs " + candidate.key();
    }

    public Comparison withWindow(LocalDate f, LocalDate t) {
        return new Comparison(baseline, candidate, f, t);
    }

    /**
     * The default comparison for a workspace, sides chosen by what their names mean ({@link #defaultAmong}), the
     * window following the candidate's days ({@link DefaultWindow}). A workspace of fewer than two variants opens on
     * its latest imported extract's sides ({@link ExtractPairing}); null when it has none either.
     */
    public static Comparison defaultFor(Connection c) throws SQLException {
        List<String> variants = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT variant FROM predictions GROUP BY variant ORDER BY count(*) DESC, variant")) {
            while (rs.next()) variants.add(rs.getString(1));
        }
        Comparison fromRecords = DefaultWindow.follow(defaultAmong(variants), DefaultWindow.daysByVariant(c));
        return fromRecords != null ? fromRecords : ExtractPairing.latest(c);
    }

    /**
     * The default comparison among {@code variants} (most rows first): the baseline is the largest variant whose name
     * says it serves traffic (live, production, default, AllTraffic, primary ...), else the largest that does not say it
     * is under test; the candidate is the largest other variant named as under test (shadow, canary, Shadow-01,
     * challenger ...), else the largest other one. Never the same variant twice; never chosen by name order. Null
     * with fewer than two variants.
     */
    public static Comparison defaultAmong(List<String> variants) {
        List<String> distinct = variants.stream().distinct().toList();
        if (distinct.size() < 2) return null;
        String base = first(distinct, VariantRole.BASELINE, null);
        if (base == null) base = first(distinct, VariantRole.NEUTRAL, null);
        if (base == null) base = distinct.get(0);
        String cand = first(distinct, VariantRole.CANDIDATE, base);
        if (cand == null) cand = first(distinct, VariantRole.NEUTRAL, base);
        if (cand == null) cand = first(distinct, VariantRole.BASELINE, base);
        return new Comparison(Side.variant(base), Side.variant(cand), null, null);
    }

    private static String first(List<String> variants, VariantRole role, String not) {
        return variants.stream()
                .filter(v -> !v.equals(not) && VariantRole.of(v) == role)
                .findFirst()
                .orElse(null);
    }

    /**
     * {@code baseline} against the workspace's canary: the variant with the most rows whose name has the word canary
     * ({@code canary}, {@code Canary-01}), the window following its days ({@link DefaultWindow}). Null without one.
     * The Canary screen shows it while the comparison chosen is a shadow, so a workspace holding the whole journey
     * shows its ramp.
     */
    public static Comparison canaryFor(Connection c, Side baseline) throws SQLException {
        if (baseline == null) return null;
        List<String> variants = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT variant FROM predictions GROUP BY variant ORDER BY count(*) DESC, variant")) {
            while (rs.next()) variants.add(rs.getString(1));
        }
        String canary = variants.stream()
                .filter(v ->
                        !v.equals(baseline.variant()) && VariantRole.words(v).contains("canary"))
                .findFirst()
                .orElse(null);
        return canary == null
                ? null
                : DefaultWindow.follow(
                        new Comparison(baseline, Side.variant(canary), null, null), DefaultWindow.daysByVariant(c));
    }

    /** {@link #defaultFor(Connection)} on a connection of its own. */
    public static Comparison defaultFor(dev.shadowbench.core.workspace.Workspace ws) {
        return ws.read(Comparison::defaultFor);
    }

    /** SQL condition for the window on a predictions row aliased {@code alias}; values are added to {@code params}. */
    public String windowWhere(String alias, List<Object> params) {
        StringBuilder sb = new StringBuilder("TRUE");
        if (from != null) {
            sb.append(" AND CAST(").append(alias).append(".ts AS DATE) >= ?");
            params.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            sb.append(" AND CAST(").append(alias).append(".ts AS DATE) <= ?");
            params.add(java.sql.Date.valueOf(to));
        }
        return sb.toString();
    }
}
