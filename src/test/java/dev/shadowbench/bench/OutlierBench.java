package dev.shadowbench.bench;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.outliers.OutlierDetector;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Outlier detection on N generated requests (default 1,000,000): time of OutlierDetector.detect against the
 * pairing it runs after (the reference, same run, same data), plus recall and false-flag rate with defaults, or with
 * the rule settings given as {@code -Dbench.rules=extreme.bands=1,divergence.bands=1} (e.g. to time the rules without
 * bands against the defaults).
 * Run: mvn -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 *        -Dexec.mainClass=dev.shadowbench.bench.OutlierBench -Dexec.args="1000000"
 */
public final class OutlierBench {
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String rules = System.getProperty("bench.rules", "");
        OutlierSettings settings = OutlierSettings.parse(rules.isBlank() ? List.of() : List.of(rules.split(",")));
        Path dir = Files.createTempDirectory("outlier-bench");
        SyntheticLogs.write(
                dir, new SyntheticLogs.Options(n, 5, 1, LocalDate.of(2026, 11, 20), false, 0.4, 0.0005), null);
        Path day = dir.resolve("2026-11-20");
        try (Workspace ws = Workspace.open(dir.resolve("bench.duckdb"))) {
            LogImporter imp = new LogImporter(ws);
            imp.run(
                    ImportRequest.predictions(List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                    ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(day.resolve("labels.csv"))), ProgressSink.NONE);
            try (Connection c = ws.connect();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE anomalies AS SELECT * FROM read_csv('" + dir.resolve("anomalies.csv")
                        + "', header=true)");
                Comparison cmp = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
                long[] pairing = new long[3], detect = new long[3];
                OutlierReport r = null;
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    var pc = PairIndex.open(c, cmp, ProgressSink.NONE);
                    long t1 = System.nanoTime();
                    r = OutlierDetector.detect(c, pc, settings, ProgressSink.NONE);
                    long t2 = System.nanoTime();
                    pairing[i] = t1 - t0;
                    detect[i] = t2 - t1;
                }
                Arrays.sort(pairing);
                Arrays.sort(detect);
                System.out.printf(
                        "pairs %,d; pairing (reference) median %.0f ms; detect median %.0f ms; ratio detect/pairing %.2f%n",
                        r.pairs(), pairing[1] / 1e6, detect[1] / 1e6, detect[1] / (double) pairing[1]);
                try (ResultSet rs = st.executeQuery("""
                        SELECT kind, count(*), count(*) FILTER (WHERE request_id IN (SELECT request_id FROM outlier_flags))
                        FROM anomalies WHERE kind IN ('extreme_high', 'extreme_low', 'label_match', 'fast_latency')
                        GROUP BY kind ORDER BY kind""")) {
                    while (rs.next())
                        System.out.printf("recall %s: %d of %d%n", rs.getString(1), rs.getLong(3), rs.getLong(2));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT request_id) FROM outlier_flags "
                        + "WHERE request_id NOT IN (SELECT request_id FROM anomalies)")) {
                    rs.next();
                    System.out.printf(
                            "flags on not-injected pairs: %d (%.4f%% of pairs); counts %s%n",
                            rs.getLong(1), 100.0 * rs.getLong(1) / r.pairs(), r.countsByRule());
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
