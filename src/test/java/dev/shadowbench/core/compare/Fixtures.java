package dev.shadowbench.core.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Deterministic prediction logs built in SQL, mirrored exactly by the Python in the tests' comments
 * (same integer formulas, same IEEE divisions), so scipy/numpy reference values apply to them.
 */
final class Fixtures {
    private Fixtures() {}

    /**
     * Baseline (live ridge 1.4.0) request ids r0..r(n1-1), candidate (shadow gbr 2.0.0) r0..r(n2-1), one second apart on
     * 2026-11-20, alternating segments web/ios. Python:
     * b = ((i*7919) % 10007) / 100.0; c = float((i*104729) % 10009) / 90.0 + 3.0;
     * bl = ((i*31) % 97) / 2.0 + 5; cl = ((i*37) % 101) / 2.0 + 6
     */
    static void regression(Connection c, int n1, int n2) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, latency_ms, segment, source_line) "
                            + "SELECT 1, 'r' || i, TIMESTAMP '2026-11-20 00:00:00' + to_seconds(i), 'ridge', '1.4.0', 'live', "
                            + "CAST((i * 7919) % 10007 AS DOUBLE) / 100.0, CAST((i * 31) % 97 AS DOUBLE) / 2.0 + 5.0, "
                            + "CASE WHEN i % 2 = 0 THEN 'web' ELSE 'ios' END, i FROM range(" + n1 + ") t(i)");
            st.execute(
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, latency_ms, segment, source_line) "
                            + "SELECT 2, 'r' || i, TIMESTAMP '2026-11-20 00:00:00' + to_seconds(i), 'gbr', '2.0.0', 'shadow', "
                            + "CAST((i * 104729) % 10009 AS DOUBLE) / 90.0 + 3.0, CAST((i * 37) % 101 AS DOUBLE) / 2.0 + 6.0, "
                            + "CASE WHEN i % 2 = 0 THEN 'web' ELSE 'ios' END, i FROM range(" + n2 + ") t(i)");
        }
    }

    /** An INSERT into predictions of rows (import_id, request_id, ts, variant, prediction, predicted_class, ranking,
     * latency_ms, segment, feedback, source_line), each written out by a test. */
    static final String PREDICTION_ROWS =
            "INSERT INTO predictions(import_id, request_id, ts, variant, prediction, predicted_class, "
                    + "ranking, latency_ms, segment, feedback, source_line) VALUES ";

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    static Comparison liveVsShadow() {
        return new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
    }
}
