package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the default extreme/divergence rules on realistic model pairs, two different scikit-learn estimators
 * trained on the same data (fixtures and the script that made them under
 * src/test/resources/dev/shadowbench/outliers/realistic/, make_pairs.py). Each fixture is imported as a live and a
 * shadow log plus labels, the real detector runs with the default settings, and the test prints, per data set, the
 * recall on the candidate answers multiplied or divided by 4..8 and the share of clean pairs the two rules flag.
 * Where the defaults are calibrated it asserts recall >= 97% and false flags <= 0.2%; the data sets in
 * {@link #KNOWN_GAPS} are printed only (see src/site/markdown/outliers.md for why these rules cannot meet the bar there).
 */
class RealisticPairsRecallTest {
    private static final String DIR = "/dev/shadowbench/outliers/realistic/";

    /** Positive regression targets: the log-ratio divergence with the default threshold meets the bar. */
    static Stream<String> calibrated() {
        return Stream.of("diabetes_linear_vs_gbr", "diabetes_ridge_vs_knn", "friedman1_ridge_vs_forest");
    }

    /**
     * Probability scores (bimodal, their log ratio heavy-tailed), a skewed target bunched near its maximum (friedman3:
     * both rules flag its clean long tail) and a baseline that goes negative (friedman2: linear scale, a divided answer
     * stays near the others). Measured and printed, not asserted: the rules' scales, not their thresholds, fail here.
     */
    static final Set<String> KNOWN_GAPS = Set.of(
            "friedman2_linear_vs_gbr",
            "friedman3_ridge_vs_knn",
            "breast_cancer_logistic_vs_gbc",
            "digits_logistic_vs_gbc",
            "classification_logistic_vs_gbc");

    static Stream<String> gaps() {
        return KNOWN_GAPS.stream().sorted();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("calibrated")
    void defaultsFindInjectedExtremesAndRarelyFlagCleanPairs(String name) throws Exception {
        double[] r = measure(name);
        assertTrue(r[0] >= 0.97, name + ": recall on x4..x8 and /4../8 " + r[0]);
        assertTrue(r[3] <= 0.002, name + ": clean pairs flagged by extreme/divergence " + r[3]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void knownGapsAreMeasured(String name) throws Exception {
        double[] r = measure(name);
        assertTrue(r[4] > 0, name + ": the fixture has clean pairs");
    }

    /** Recall (all, multiplied, divided), false-flag rate, clean pairs; printed as one line. */
    private double[] measure(String name) throws Exception {
        Path fixture = Path.of(RealisticPairsRecallTest.class
                .getResource(DIR + name + ".csv.gz")
                .toURI());
        try (Workspace ws = Workspace.inMemory()) {
            Path live = dir.resolve("live.csv"), shadow = dir.resolve("shadow.csv"), labels = dir.resolve("labels.csv");
            try (Connection c = ws.connect();
                    Statement st = c.createStatement()) {
                String src = "read_csv('" + sqlText(fixture) + "', header=true, all_varchar=true)";
                st.execute("COPY (SELECT request_id, baseline AS prediction FROM " + src + ") TO '" + sqlText(live)
                        + "' (HEADER)");
                st.execute("COPY (SELECT request_id, candidate AS prediction FROM " + src + ") TO '" + sqlText(shadow)
                        + "' (HEADER)");
                st.execute("COPY (SELECT request_id, label FROM " + src + ") TO '" + sqlText(labels) + "' (HEADER)");
                st.execute("CREATE TABLE injected AS SELECT request_id, injected FROM " + src);
            }
            LogImporter imp = new LogImporter(ws);
            imp.run(ImportRequest.predictions(List.of(live), "live"), ProgressSink.NONE);
            imp.run(ImportRequest.predictions(List.of(shadow), "shadow"), ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(labels)), ProgressSink.NONE);
            try (Connection c = ws.connect();
                    Statement st = c.createStatement()) {
                PairedComparison pc = PairIndex.open(
                        c, new Comparison(Side.variant("live"), Side.variant("shadow"), null, null), ProgressSink.NONE);
                OutlierReport report = OutlierDetector.detect(c, pc, OutlierSettings.defaults(), ProgressSink.NONE);
                try (ResultSet rs = st.executeQuery("""
                        WITH f AS (SELECT DISTINCT request_id FROM outlier_flags WHERE rule IN ('extreme', 'divergence')),
                        j AS (SELECT i.injected, f.request_id IS NOT NULL AS hit FROM injected i LEFT JOIN f USING (request_id))
                        SELECT count(*) FILTER (WHERE injected IS NOT NULL), count(*) FILTER (WHERE injected IS NOT NULL AND hit),
                               count(*) FILTER (WHERE injected LIKE 'x%'), count(*) FILTER (WHERE injected LIKE 'x%' AND hit),
                               count(*) FILTER (WHERE injected LIKE '/%'), count(*) FILTER (WHERE injected LIKE '/%' AND hit),
                               count(*) FILTER (WHERE injected IS NULL), count(*) FILTER (WHERE injected IS NULL AND hit)
                        FROM j""")) {
                    rs.next();
                    long inj = rs.getLong(1), clean = rs.getLong(7), falseFlags = rs.getLong(8);
                    double recall = rs.getLong(2) / (double) inj, up = rs.getLong(4) / (double) rs.getLong(3);
                    double down = rs.getLong(6) / (double) rs.getLong(5), falseRate = falseFlags / (double) clean;
                    assertTrue(report.pairs() == inj + clean, name + ": every fixture row paired, " + report.pairs());
                    System.out.println(String.format(
                            Locale.ROOT,
                            "[realistic] %-31s recall %5.1f%% (x4..x8 %5.1f%%, /4../8 %5.1f%%, %d injected); "
                                    + "clean flagged %d of %d (%.3f%%)%s",
                            name,
                            100 * recall,
                            100 * up,
                            100 * down,
                            inj,
                            falseFlags,
                            clean,
                            100 * falseRate,
                            KNOWN_GAPS.contains(name) ? "  [known gap]" : ""));
                    return new double[] {recall, up, down, falseRate, clean};
                }
            }
        }
    }

    private static String sqlText(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
