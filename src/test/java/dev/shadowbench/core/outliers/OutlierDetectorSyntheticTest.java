package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: generated logs with injected anomalies of every kind are found with the default
 * settings (recall >= 95%), and clean logs are rarely flagged (< 0.2% of pairs). Prints the figures it measured.
 */
@Tag("slow") // 100k generated requests, imported twice; run by failsafe in `mvn verify`
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutlierDetectorSyntheticTest {
    private static final long REQUESTS = 100_000;
    /** Each of the 12 anomaly kinds at 0.2%: about 200 of each kind in 100k requests. */
    private static final double ANOMALY_RATE = 0.002;

    @TempDir
    static Path dir;

    private Workspace dirty;
    private Workspace clean;

    @BeforeAll
    void generate() throws Exception {
        dirty = load(dir.resolve("dirty"), ANOMALY_RATE, 11);
        clean = load(dir.resolve("clean"), 0.0, 12);
    }

    @AfterAll
    void close() {
        if (dirty != null) dirty.close();
        if (clean != null) clean.close();
    }

    private static Workspace load(Path out, double rate, long seed) throws Exception {
        var o = new SyntheticLogs.Options(REQUESTS, seed, 1, LocalDate.of(2026, 11, 20), false, 0.4, rate);
        SyntheticLogs.write(out, o, null);
        Path day = out.resolve("2026-11-20");
        Workspace ws = Workspace.inMemory();
        LogImporter imp = new LogImporter(ws);
        imp.run(
                ImportRequest.predictions(List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                ProgressSink.NONE);
        imp.run(ImportRequest.labels(List.of(day.resolve("labels.csv"))), ProgressSink.NONE);
        try (Connection c = ws.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE anomalies AS SELECT * FROM read_csv('"
                    + out.resolve("anomalies.csv").toAbsolutePath().toString().replace("'", "''") + "', header=true)");
        }
        return ws;
    }

    private static OutlierReport detect(Connection c) throws Exception {
        return OutlierDetector.detect(
                c,
                PairIndex.open(
                        c, new Comparison(Side.variant("live"), Side.variant("shadow"), null, null), ProgressSink.NONE),
                OutlierSettings.defaults(),
                ProgressSink.NONE);
    }

    /** Recall of {@code kind}: the share of its injected requests flagged by one of {@code rules}. */
    private static double recall(Connection c, String kind, String rules) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*), count(*) FILTER (WHERE request_id IN (SELECT request_id FROM outlier_flags WHERE rule IN ("
                                + rules + "))) FROM anomalies WHERE kind = '" + kind + "'")) {
            rs.next();
            assertTrue(rs.getLong(1) > 100, "too few injected " + kind + ": " + rs.getLong(1));
            return rs.getLong(2) / (double) rs.getLong(1);
        }
    }

    @Test
    void injectedAnomaliesOfEveryKindAreFound() throws Exception {
        try (Connection c = dirty.connect()) {
            OutlierReport r = detect(c);
            Map<String, Double> recall = new TreeMap<>();
            recall.put("extreme_high", recall(c, "extreme_high", "'extreme', 'divergence'"));
            recall.put("extreme_low", recall(c, "extreme_low", "'negative', 'extreme', 'divergence'"));
            recall.put("label_match", recall(c, "label_match", "'label_match'"));
            recall.put("fast_latency", recall(c, "fast_latency", "'latency_fast'"));
            long falseFlags;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(DISTINCT request_id) "
                            + "FROM outlier_flags WHERE request_id NOT IN (SELECT request_id FROM anomalies)")) {
                rs.next();
                falseFlags = rs.getLong(1);
            }
            double falseRate = falseFlags / (double) r.pairs();
            System.out.printf(
                    "[outliers] injected: recall %s; flags on not-injected pairs %d of %d (%.4f%%); counts %s%n",
                    recall, falseFlags, r.pairs(), 100 * falseRate, r.countsByRule());
            recall.forEach((kind, v) -> assertTrue(v >= 0.95, kind + " recall " + v));
            assertTrue(falseRate < 0.002, "false flags " + falseRate);
            assertTrue(
                    r.findings().stream()
                            .anyMatch(f -> f.rule().equals("latency_fast")
                                    && f.severity().equals(Finding.WARNING)),
                    "fast answers reported as a share: " + r.findings());
        }
    }

    @Test
    void cleanLogsAreRarelyFlagged() throws Exception {
        try (Connection c = clean.connect()) {
            OutlierReport r = detect(c);
            System.out.printf(
                    "[outliers] clean: %d of %d pairs flagged (%.4f%%); counts %s; findings %s%n",
                    r.flaggedPairs(), r.pairs(), 100 * r.flaggedShare(), r.countsByRule(), r.findings());
            assertEquals(REQUESTS, r.pairs());
            assertTrue(r.flaggedShare() < 0.002, "clean pairs flagged: " + r.flaggedShare());
            assertTrue(
                    r.findings().stream().noneMatch(f -> !f.severity().equals(Finding.INFO)),
                    "no warning banners on clean logs: " + r.findings());
        }
    }
}
