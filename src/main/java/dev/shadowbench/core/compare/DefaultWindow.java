package dev.shadowbench.core.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The window a comparison opens on: the candidate's days, where the baseline's other days belong to another stage. A
 * workspace holding a shadow period and then a canary ramp has live records on every day, the shadow's on the first
 * days only; over all days the live-only requests of the canary days would read as a broken shadow pairing. So an end
 * of the window is bounded at the candidate's first (last) day when every baseline day before (after) it was served
 * by another variant too (the next stage). A baseline day no other variant served stays in the window: a shadow that
 * stopped logging is a failed pairing to see, not a day to hide. Unbounded ends follow new imports.
 */
public final class DefaultWindow {
    private DefaultWindow() {}

    /** The days each variant has records on. */
    public static Map<String, NavigableSet<LocalDate>> daysByVariant(Connection c) throws SQLException {
        Map<String, NavigableSet<LocalDate>> out = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT variant, CAST(CAST(ts AS DATE) AS VARCHAR) FROM predictions WHERE ts IS NOT NULL GROUP BY ALL")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(LocalDate.parse(rs.getString(2)));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code cmp} with the window following its candidate's days (sides read by variant), or as it is. */
    public static Comparison follow(Comparison cmp, Map<String, NavigableSet<LocalDate>> days) {
        if (cmp == null || cmp.baseline().variant() == null || cmp.candidate().variant() == null) return cmp;
        NavigableSet<LocalDate> base = days.getOrDefault(cmp.baseline().variant(), Collections.emptyNavigableSet()),
                cand = days.getOrDefault(cmp.candidate().variant(), Collections.emptyNavigableSet());
        if (cand.isEmpty() || base.isEmpty()) return cmp.withWindow(null, null);
        LocalDate first = cand.first(), last = cand.last();
        boolean boundFrom = anotherStage(base.headSet(first, false), cmp, days);
        boolean boundTo = anotherStage(base.tailSet(last, false), cmp, days);
        return cmp.withWindow(boundFrom ? first : null, boundTo ? last : null);
    }

    /** Whether {@code baselineDays} is not empty and another variant than the two sides served on each of them. */
    private static boolean anotherStage(
            NavigableSet<LocalDate> baselineDays, Comparison cmp, Map<String, NavigableSet<LocalDate>> days) {
        if (baselineDays.isEmpty()) return false;
        for (LocalDate d : baselineDays) {
            boolean other = days.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(cmp.baseline().variant())
                            && !e.getKey().equals(cmp.candidate().variant())
                            && e.getValue().contains(d));
            if (!other) return false;
        }
        return true;
    }
}
