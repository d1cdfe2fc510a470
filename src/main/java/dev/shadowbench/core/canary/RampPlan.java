package dev.shadowbench.core.canary;

import dev.shadowbench.core.BadInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canary's planned share of traffic per day, kept in the workspace (table {@code ramp_plan}) per candidate: under
 * its model version when its records hold one ({@code Side.planKeys}), so a plan set on the shadow holds for the canary
 * of the same version; else under the candidate side.
 * The plan is a list of steps: a step's share holds from its day until the next step's day, so "1% on the 20th,
 * 20% on the 21st" plans 20% for every day after the 21st as well, until another step.
 */
public final class RampPlan {
    private RampPlan() {}

    /** Source of steps set by hand ({@code ramp --set}, the UI). */
    public static final String BY_HAND = "ramp";

    /** From {@code day} on the candidate is planned to serve {@code share} (0..1); {@code source} says who set it. */
    public record Step(LocalDate day, double share, String source) {}

    /** Sets (or replaces) the steps on their days for {@code candidate}; other days' steps are kept. */
    public static void set(Connection c, String candidate, Map<LocalDate, Double> shares, String source)
            throws SQLException {
        if (candidate == null || candidate.isBlank()) throw new BadInputException("A ramp plan needs a candidate");
        for (var e : shares.entrySet()) checkShare(e.getValue(), e.getKey().toString());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT OR REPLACE INTO ramp_plan(candidate, day, share, source, set_at) "
                        + "VALUES (?, ?, ?, ?, now())")) {
            for (var e : shares.entrySet()) {
                ps.setString(1, candidate);
                ps.setObject(2, e.getKey());
                ps.setDouble(3, e.getValue());
                ps.setString(4, source);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * The candidate's steps stored under any of {@code keys} (best first: the model version's key, then the side's own
     * key under which plans were stored before), oldest day first; on a day two keys plan, the earlier key wins.
     */
    public static List<Step> steps(Connection c, List<String> keys) throws SQLException {
        java.util.TreeMap<LocalDate, Step> byDay = new java.util.TreeMap<>();
        for (String key : keys) for (Step s : steps(c, key)) byDay.putIfAbsent(s.day(), s);
        return List.copyOf(byDay.values());
    }

    /** The steps stored under exactly {@code candidate}, oldest day first (empty: no plan). */
    public static List<Step> steps(Connection c, String candidate) throws SQLException {
        List<Step> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CAST(day AS VARCHAR), share, source FROM ramp_plan WHERE candidate = ? ORDER BY day")) {
            ps.setString(1, candidate);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Step(LocalDate.parse(rs.getString(1)), rs.getDouble(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** The share planned for {@code day}: the latest step on or before it; null before the first step or without a day. */
    public static Double shareOn(List<Step> steps, LocalDate day) {
        if (day == null) return null;
        Double share = null;
        for (Step s : steps) {
            if (s.day().isAfter(day)) break;
            share = s.share();
        }
        return share;
    }

    /** The usual ramp: 1% proves the routing, then 20%, 50% and all traffic. */
    public static final List<Double> STANDARD_STEPS = List.of(0.01, 0.2, 0.5, 1.0);

    /** A share at least this close to 1 is all traffic. */
    static final double FULL = 0.995;

    /**
     * The share to advance to from {@code current} after {@code day}: the plan's first step after that day with a
     * larger share, else the first of {@link #STANDARD_STEPS} clearly above it (more than 1.25 times, so an observed
     * 0.94% on a 1% day advances to 20%, not to 1%); null when the candidate already serves all traffic.
     */
    public static Double nextShare(List<Step> steps, LocalDate day, double current) {
        if (current >= FULL) return null;
        for (Step s : steps) if ((day == null || s.day().isAfter(day)) && s.share() > current + 1e-9) return s.share();
        for (double s : STANDARD_STEPS) if (s > current * 1.25) return s;
        return 1.0;
    }

    /** Reads a share written as a fraction ({@code 0.2}) or a percentage ({@code 20%}); {@code where} names it in errors. */
    public static double parseShare(String text, String where) {
        String t = text.strip();
        boolean pct = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(pct ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            throw new BadInputException(where + ": '" + text + "' is not a share (write 0.2 or 20%)");
        }
        if (pct) v /= 100;
        checkShare(v, where);
        return v;
    }

    /** Reads {@code DAY=SHARE} (e.g. {@code 2026-11-21=20%}). */
    public static Map.Entry<LocalDate, Double> parseStep(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw new BadInputException("'" + text + "' is not DAY=SHARE (e.g. 2026-11-21=20%)");
        LocalDate day;
        try {
            day = LocalDate.parse(text.substring(0, eq).strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("'" + text + "': the day is not YYYY-MM-DD");
        }
        return Map.entry(day, parseShare(text.substring(eq + 1), "'" + text + "'"));
    }

    /** The candidate side of a comparison key ({@code BASELINE vs CANDIDATE}); null when the key has no " vs ". */
    public static String candidateOf(String comparisonKey) {
        if (comparisonKey == null) return null;
        int i = comparisonKey.indexOf(" vs ");
        return i < 0 ? null : comparisonKey.substring(i + 4).strip();
    }

    private static void checkShare(Double v, String where) {
        if (v == null || v.isNaN() || v < 0 || v > 1) {
            throw new BadInputException(where + ": a share is between 0 and 1 (0% and 100%), not "
                    + (v == null ? "nothing" : String.format(Locale.ROOT, "%s", v)));
        }
    }
}
