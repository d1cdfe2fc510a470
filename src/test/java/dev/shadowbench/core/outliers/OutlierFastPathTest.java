package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The detector's scans (medians from sample brackets, one flag scan, banners from the same scans) against the
 * straightforward queries they replace ({@link ReferenceOutliers}): the same PairStats, report and flags, bit for bit,
 * on pairs with ties, nulls, NaN and infinities, negative values, a dominant value and a constant candidate, with the
 * brackets listed whole, drawn from a sample, or made to miss. Single-threaded: with several threads DuckDB adds the
 * values of an avg in whatever order its threads finish, so the straightforward query's mean errors and mean deviations
 * differ in the last bits from one run to the next (see {@link #severalThreads} for what is compared then).
 */
@Tag("slow") // minutes: up to 400k generated pairs per case; run by failsafe in `mvn verify`
class OutlierFastPathTest {
    /** The handle to the temp table {@code pairs} this test fills (no comparison: the rules read only the table). */
    static final PairedComparison TEMP_PAIRS = new PairedComparison(null, null, "");

    private Workspace ws;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        ws = Workspace.inMemory();
        c = ws.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = 1");
        }
    }

    @AfterEach
    void close() throws SQLException {
        ExactQuantiles.listAll = 50_000;
        ExactQuantiles.sampleRows = 100_000;
        ExactQuantiles.bracketScale = 1;
        c.close();
        ws.close();
    }

    /** A pseudo-random uniform in [0, 1) for row i and stream k (hash-based: the same on every run). */
    private static String u(int k) {
        return "((hash(i * 31 + " + k + ") % 1000003) / 1000003.0)";
    }

    /** A roughly normal deviate for row i, stream k. */
    private static String z(int k) {
        return "(" + u(k) + " + " + u(k + 100) + " + " + u(k + 200) + " - 1.5) * 2";
    }

    /** One of the fixtures; {@code rows} pairs. */
    private void pairs(String kind, int rows) throws SQLException {
        String b, cand, label, bl, cl;
        switch (kind) {
            case "positive", "messy" -> {
                // rounded to 2 decimals so values tie; a few extreme, negative and label-equal candidates
                b = "round(exp(3.7 + 0.4 * " + z(1) + "), 2)";
                cand = "CASE WHEN " + u(2) + " < 0.002 THEN round(b * 30, 2) WHEN " + u(2)
                        + " < 0.004 THEN -round(b, 1) " + "WHEN " + u(2)
                        + " < 0.006 THEN label ELSE round(b * exp(0.08 * " + z(3) + "), 2) END";
                label = "CASE WHEN " + u(4) + " < 0.4 THEN round(b + 3 * " + z(5) + ", 2) END";
                bl = "round(20 + 3 * " + z(6) + ", 1)";
                cl = "CASE WHEN " + u(7) + " < 0.003 THEN 0.1 ELSE round(23 + 4 * " + z(8) + ", 1) END";
            }
            case "linear" -> {
                b = "round(10 * " + z(1) + ", 3)";
                cand = "CASE WHEN " + u(2) + " < 0.003 THEN b + 200 ELSE round(b + 0.5 * " + z(3) + ", 3) END";
                label = "CASE WHEN " + u(4) + " < 0.5 THEN round(b + " + z(5) + ", 1) END";
                bl = "round(20 + 3 * " + z(6) + ", 2)";
                cl = "round(23 + 4 * " + z(8) + ", 2)";
            }
            case "scores" -> {
                // a classifier's probabilities: many at or near 0 and 1 (ties at the cap), a few flipped, saturated,
                // above 1 (percentages) and negative, binary labels
                b = "round(1 / (1 + exp(-6 * " + z(1) + ")), 6)";
                cand = "CASE WHEN " + u(2) + " < 0.003 THEN round(1 - b, 6) WHEN " + u(2) + " < 0.005 THEN 1.0 WHEN "
                        + u(2) + " < 0.007 THEN round(100 * b, 4) WHEN " + u(2) + " < 0.008 THEN -0.5 "
                        + "ELSE round(1 / (1 + exp(-6 * " + z(1) + " - " + z(3) + ")), 6) END";
                label = "CASE WHEN " + u(4) + " < 0.5 THEN CASE WHEN " + u(5) + " < b THEN 1.0 ELSE 0.0 END END";
                bl = "round(20 + 3 * " + z(6) + ", 1)";
                cl = "round(23 + 4 * " + z(8) + ", 1)";
            }
            case "dominant" -> {
                b = "round(exp(3.7 + 0.4 * " + z(1) + "), 1)";
                cand = "CASE WHEN " + u(2) + " < 0.62 THEN 7.0 WHEN " + u(2) + " < 0.8 THEN 9.5 ELSE round(b, 0) END";
                label = "NULL::DOUBLE";
                bl = "NULL::DOUBLE";
                cl = "round(23 + 4 * " + z(8) + ", 0)";
            }
            case "constant" -> {
                b = "round(exp(3.7 + 0.4 * " + z(1) + "), 1)";
                cand = "7.0";
                label = "round(b, 0)";
                bl = "round(20 + 3 * " + z(6) + ", 1)";
                cl = "round(23 + 4 * " + z(8) + ", 1)";
            }
            default -> throw new IllegalArgumentException(kind);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE pairs AS WITH t1 AS (SELECT i, " + b + " AS b FROM range(" + rows
                    + ") t(i)), "
                    + "t2 AS (SELECT i, b, " + label + " AS label FROM t1), "
                    + "t3 AS (SELECT i, b, label, " + cand + " AS cand, " + bl + " AS bl, " + cl + " AS cl FROM t2) "
                    + "SELECT 'r' || i AS request_id, NULL::TIMESTAMP AS ts, DATE '2026-11-20' + CAST(i % 2 AS INTEGER) AS day, "
                    + "NULL::VARCHAR AS segment, b AS b_prediction, cand AS c_prediction, NULL::VARCHAR AS b_class, "
                    + "NULL::VARCHAR AS c_class, NULL::VARCHAR[] AS b_ranking, NULL::VARCHAR[] AS c_ranking, bl AS b_latency, "
                    + "cl AS c_latency, NULL::VARCHAR AS b_feedback, NULL::VARCHAR AS c_feedback, label, NULL::VARCHAR AS label_class "
                    + "FROM t3");
            if (kind.equals("messy")) {
                // nulls, NaN and infinities in every column the rules read
                st.execute("UPDATE pairs SET c_prediction = CASE WHEN hash(request_id) % 97 = 0 THEN 'NaN'::DOUBLE "
                        + "WHEN hash(request_id) % 97 = 1 THEN 'inf'::DOUBLE WHEN hash(request_id) % 97 = 2 THEN '-inf'::DOUBLE "
                        + "WHEN hash(request_id) % 97 = 3 THEN NULL ELSE c_prediction END, "
                        + "b_prediction = CASE WHEN hash(request_id) % 89 = 0 THEN 'NaN'::DOUBLE WHEN hash(request_id) % 89 = 1 "
                        + "THEN NULL WHEN hash(request_id) % 89 = 2 THEN 'inf'::DOUBLE ELSE b_prediction END, "
                        + "label = CASE WHEN hash(request_id) % 83 = 0 THEN 'inf'::DOUBLE ELSE label END, "
                        + "c_latency = CASE WHEN hash(request_id) % 79 = 0 THEN NULL ELSE c_latency END");
            }
        }
    }

    private static final List<List<String>> VARIANTS = List.of(
            List.of(),
            List.of(
                    "degenerate.mode_share=0.3",
                    "extreme.mad_k=2",
                    "divergence.mad_k=2",
                    "leak.ratio=0.5",
                    "latency.fast_ratio=0.9"),
            List.of(
                    "degenerate.mode_share=0.1",
                    "degenerate.spread_ratio=1",
                    "label_match.enabled=false",
                    "extreme.bands=5",
                    "divergence.bands=3"),
            List.of(
                    "degenerate.mode_share=0.6",
                    "latency.budget_ms=25",
                    "negative.enabled=false",
                    "divergence.bands=1"));

    /** Every variant of settings, with the current knobs: the fast path equals the reference. */
    private void assertSame(String what) throws SQLException {
        for (List<String> v : VARIANTS) {
            OutlierSettings s = OutlierSettings.parse(v);
            PairStats expectedStats = ReferenceOutliers.loadStats(new Db(c, ProgressSink.NONE), s);
            OutlierReport expected = ReferenceOutliers.detect(c, s, ProgressSink.NONE, 50);
            PairStats stats = PairScan.run(new Db(c, ProgressSink.NONE), TEMP_PAIRS.pairs(), s)
                    .stats();
            OutlierReport got = OutlierDetector.detect(c, TEMP_PAIRS, s, ProgressSink.NONE, 50);
            String at = what + " " + v;
            assertEquals(expectedStats, stats, at);
            assertEquals(expected, got, at);
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT (SELECT count(*) FROM ("
                                    + "SELECT * FROM outlier_flags EXCEPT ALL SELECT * FROM reference_flags)), (SELECT count(*) FROM ("
                                    + "SELECT * FROM reference_flags EXCEPT ALL SELECT * FROM outlier_flags)), (SELECT count(*) FROM outlier_flags)")) {
                rs.next();
                assertEquals(0, rs.getLong(1), at + ": flags the reference does not have");
                assertEquals(0, rs.getLong(2), at + ": reference flags missing");
            }
        }
    }

    /** The same fixture with the brackets listed whole, drawn from samples, and made to miss. */
    private void assertSameEveryWay(String kind, int rows) throws SQLException {
        pairs(kind, rows);
        assertSame(kind + " listed whole");
        ExactQuantiles.listAll = 100;
        ExactQuantiles.sampleRows = rows; // the whole table as the sample
        assertSame(kind + " bracketed");
        ExactQuantiles.sampleRows = 2500;
        assertSame(kind + " bracketed from a sample");
        ExactQuantiles.bracketScale = 1e-6;
        assertSame(kind + " brackets missing");
    }

    @Test
    void positivePredictionsOnALogScale() throws SQLException {
        assertSameEveryWay("positive", 6000);
    }

    @Test
    void nullsNaNAndInfinities() throws SQLException {
        assertSameEveryWay("messy", 6000);
    }

    @Test
    void negativeBaselineOnALinearScale() throws SQLException {
        assertSameEveryWay("linear", 6000);
    }

    @Test
    void scoresInLogOdds() throws SQLException {
        assertSameEveryWay("scores", 6000);
        OutlierReport r = OutlierDetector.detect(c, TEMP_PAIRS, OutlierSettings.defaults(), ProgressSink.NONE);
        assertTrue(r.countsByRule().get("above_one") > 0, r.countsByRule().toString());
        assertTrue(r.countsByRule().get("divergence") > 0, r.countsByRule().toString());
    }

    @Test
    void dominantAndConstantCandidates() throws SQLException {
        assertSameEveryWay("dominant", 5000);
        assertTrue(
                OutlierDetector.detect(c, TEMP_PAIRS, OutlierSettings.defaults(), ProgressSink.NONE).findings().stream()
                        .anyMatch(f -> f.rule().equals("mode_share")));
        assertSameEveryWay("constant", 3000);
    }

    /**
     * Several threads and row groups: medians, MADs, counts, flags and the report are still the same; only the mean
     * errors (avg, summed in no fixed order) are compared with a tolerance.
     */
    @Test
    void severalThreads() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("RESET threads");
        }
        pairs("positive", 400_000);
        for (List<String> v : List.of(List.<String>of(), List.of("degenerate.mode_share=0.3", "extreme.mad_k=3"))) {
            OutlierSettings s = OutlierSettings.parse(v);
            PairStats expected = ReferenceOutliers.loadStats(new Db(c, ProgressSink.NONE), s);
            OutlierReport expectedReport = ReferenceOutliers.detect(c, s, ProgressSink.NONE, 50);
            PairStats got = PairScan.run(new Db(c, ProgressSink.NONE), TEMP_PAIRS.pairs(), s)
                    .stats();
            OutlierReport report = OutlierDetector.detect(c, TEMP_PAIRS, s, ProgressSink.NONE, 50);
            assertEquals(expected.candidateMae(), got.candidateMae(), 1e-12 * expected.candidateMae());
            assertEquals(expected.baselineMae(), got.baselineMae(), 1e-12 * expected.baselineMae());
            PairStats sameMeans = new PairStats(
                    got.pairs(),
                    got.baselineMin(),
                    got.baselineNulls(),
                    got.candidateNulls(),
                    got.candidateNonFinite(),
                    got.scale(),
                    got.value(),
                    got.diff(),
                    got.valueBands(),
                    got.diffBands(),
                    got.labelled(),
                    expected.candidateMae(),
                    expected.baselineMae(),
                    got.baselineErrMedian(),
                    got.candidateBetterShare(),
                    got.labelDecimals(),
                    got.candidateLatencies(),
                    got.candidateLatencyMedian(),
                    got.baselineLatencies(),
                    got.baselineLatencyMedian());
            assertEquals(expected, sameMeans, v.toString());
            assertEquals(expectedReport, report, v.toString());
        }
    }

    @Test
    void tinyTables() throws SQLException {
        for (int rows : new int[] {0, 1, 2, 3}) {
            pairs("positive", rows);
            assertSame(rows + " rows");
            pairs("linear", rows);
            assertSame(rows + " rows linear");
        }
    }
}
