package dev.shadowbench.core.compare;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.workspace.WorkspaceSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The workspace's one latency budget (key {@value #KEY} of its settings table): the latency figures' "over budget"
 * share, the p99 gate's absolute limit and the outlier rules' banner all read it, so the Dashboard, the gates, the
 * Outliers screen, the reports and {@code summary} can never name three budgets for one review.
 */
public final class LatencyBudget {
    public static final String KEY = "latency.budget_ms";
    /** The budget of a workspace where none was set (the p99 gate's historical default). */
    public static final double DEFAULT_MS = 250.0;

    private LatencyBudget() {}

    /** The stored budget in milliseconds, or {@link #DEFAULT_MS}; a damaged value counts as unset. */
    public static double load(Connection c) throws SQLException {
        return java.util.Optional.ofNullable(WorkspaceSettings.get(c, KEY))
                .map(LatencyBudget::parseOrNull)
                .filter(ms -> ms > 0)
                .orElse(DEFAULT_MS);
    }

    public static void save(Connection c, double ms) throws SQLException {
        if (!(ms > 0) || Double.isInfinite(ms))
            throw new BadInputException("The latency budget must be a positive number of milliseconds, not " + ms);
        WorkspaceSettings.put(c, KEY, String.format(Locale.ROOT, "%s", ms));
    }

    /** The summary options of this workspace: the defaults with its budget. */
    public static SummaryOptions options(Connection c) throws SQLException {
        return SummaryOptions.DEFAULT.withLatencyBudget(load(c));
    }

    private static Double parseOrNull(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
