package dev.shadowbench.core.extract;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Raw prediction logs for the extract tests, written in SQL (deterministic integer formulas): a live baseline and a
 * shadow candidate over two days, with duplicates (a later second record of some baseline ids), baseline-only and
 * candidate-only requests, segments web / ios / none, labels for a third of the requests and feedback on the
 * candidate. Scores have 4 decimals and latencies 1 decimal (so 7 significant digits hold them exactly) except where
 * a test asks for full-precision values.
 */
public final class ExtractLogs {
    private ExtractLogs() {}

    /** The kind of output both sides log. */
    public enum Task {
        REGRESSION,
        CLASSIFICATION,
        RANKING
    }

    /** Writes {@code perDay} requests on each of 2026-11-20 and 2026-11-21; {@code exact}: 4-decimal scores. */
    public static void write(Connection c, Task task, int perDay, boolean exact) throws SQLException {
        write(c, task, perDay, exact, false);
    }

    /**
     * As {@link #write(Connection, Task, int, boolean)}; {@code canary}: the candidate is variant canary and serves
     * the odd requests, the baseline the even ones (a split, not a mirror), a few of them reaching both.
     */
    public static void write(Connection c, Task task, int perDay, boolean exact, boolean canary) throws SQLException {
        String bWhere = canary ? "(i % 2 = 0 OR i % 101 = 1)" : "i % 41 <> 0",
                cWhere = canary ? "i % 2 = 1" : "i % 17 <> 0",
                cVariant = canary ? "'canary'" : "'shadow'";
        int n = 2 * perDay;
        String day = "TIMESTAMP '2026-11-20 00:00:00' + to_seconds(CAST(i // " + perDay + " AS BIGINT) * 86400 + i % "
                + perDay + ")";
        String seg = "CASE WHEN i % 3 = 0 THEN 'web' WHEN i % 3 = 1 THEN 'ios' END";
        String b = exact
                ? "CAST((i * 7919) % 10007 AS DOUBLE) / 10007.0"
                : "CAST((i * 7919) % 10007 AS DOUBLE) / 10007.0 + 1.0 / (i + 3.0)";
        String cand = exact
                ? "round(CAST((i * 104729) % 10009 AS DOUBLE) / 10009.0 * 0.3 + " + b + " * 0.7, 4)"
                : "CAST((i * 104729) % 10009 AS DOUBLE) / 10009.0 * 0.3 + (" + b + ") * 0.7 + 1.0 / (i + 7.0)";
        String bScore = exact ? "round(" + b + ", 4)" : b;
        String bl = "CAST((i * 31) % 997 AS DOUBLE) / 10.0 + 5", cl = "CAST((i * 37) % 1013 AS DOUBLE) / 10.0 + 6";
        String bOut, cOut;
        switch (task) {
            case REGRESSION -> {
                bOut = "100 * " + bScore + ", NULL, NULL";
                cOut = "100 * " + cand + ", NULL, NULL";
            }
            case CLASSIFICATION -> {
                bOut = bScore + ", CASE WHEN " + bScore + " >= 0.5 THEN '1' ELSE '0' END, NULL";
                cOut = cand + ", CASE WHEN " + cand + " >= 0.45 THEN '1' ELSE '0' END, NULL";
            }
            default -> {
                bOut = "NULL, NULL, [ 'i' || (i % 13), 'i' || (i % 7), 'i' || (i % 5 + 20), 'i' || (i % 11 + 30) ]";
                cOut = "NULL, NULL, [ 'i' || (i % 7), 'i' || (i % 13), 'i' || (i % 3 + 40), 'i' || (i % 11 + 30) ]";
            }
        }
        try (Statement st = c.createStatement()) {
            String cols =
                    "INSERT INTO predictions(import_id, request_id, ts, variant, prediction, predicted_class, ranking, "
                            + "latency_ms, segment, feedback, source_line) ";
            // baseline: every request but i % 41 = 0 (candidate only); i % 53 = 0 logged twice (the second later)
            st.execute(cols + "SELECT 1, 'r' || i, " + day + ", 'live', " + bOut + ", " + bl + ", " + seg + ", NULL, i "
                    + "FROM range(" + n + ") t(i) WHERE " + bWhere);
            st.execute(cols + "SELECT 1, 'r' || i, " + day + " + INTERVAL 5 SECOND, 'live', " + bOut + ", " + bl
                    + " + 1, " + seg + ", NULL, " + n + " + i FROM range(" + n
                    + ") t(i) WHERE i % 53 = 0 AND " + bWhere);
            // candidate: every request but i % 17 = 0 (baseline only); a NaN latency on i % 97 = 0
            st.execute(cols + "SELECT 2, 'r' || i, " + day + " + INTERVAL 1 SECOND, " + cVariant + ", " + cOut + ", "
                    + "CASE WHEN i % 97 = 0 THEN 'NaN'::DOUBLE ELSE " + cl + " END, " + seg + ", "
                    + "CASE WHEN i % 19 = 0 THEN 'true' WHEN i % 7 = 0 THEN 'false' END, i FROM range(" + n + ") t(i) "
                    + "WHERE " + cWhere);
            String label =
                    switch (task) {
                        case REGRESSION -> "100 * round(CAST((i * 7907) % 10007 AS DOUBLE) / 10007.0, 4), NULL";
                        case CLASSIFICATION -> "NULL, CASE WHEN (i * 7907) % 10007 >= 5003 THEN '1' ELSE '0' END";
                        default -> "NULL, 'i' || (i % 7 + (i % 2) * 13)";
                    };
            st.execute("INSERT INTO labels(import_id, request_id, label, label_class) SELECT 3, 'r' || i, " + label
                    + " FROM range(" + n + ") t(i) WHERE i % 3 = 0");
        }
    }
}
