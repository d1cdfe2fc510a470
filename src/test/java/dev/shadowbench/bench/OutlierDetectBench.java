package dev.shadowbench.bench;

import static dev.shadowbench.bench.BenchTiming.median;
import static dev.shadowbench.bench.BenchTiming.time;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.outliers.Finding;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.outliers.OutlierDetector;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Times {@link OutlierDetector#detect} on an existing workspace (its default comparison, pairing reused from the
 * pair index) against two references measured in the same run: a bare scan of the pairs
 * ({@code count(*), avg(c_prediction)}) and one DuckDB median ({@code median(c_prediction)}, bound by sorting, so less
 * sensitive to the noise of a shared machine than the 20 ms scan). Prints each run and the medians, in seconds and as
 * ratios to each reference.
 * With {@code -Dbench.rules=extreme.bands=1,divergence.bands=1} the rules run with those settings instead of the defaults.
 * With {@code -Dbench.dump=FILE} the last run's full report (every figure at full precision, plus a digest of the
 * whole outlier_flags table) is written to FILE, so two builds can be compared for identical results.
 * Args: WORKSPACE [runs (default 5)].
 * Run: java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.shadowbench.bench.OutlierDetectBench WS
 */
public final class OutlierDetectBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String rules = System.getProperty("bench.rules", "");
        OutlierSettings settings =
                OutlierSettings.parse(rules.isBlank() ? java.util.List.of() : java.util.List.of(rules.split(",")));
        try (Workspace ws = Workspace.openExisting(file);
                Connection c = ws.connect()) {
            Comparison cmp = Comparison.defaultFor(c);
            var pc = PairIndex.open(c, cmp, ProgressSink.NONE);
            System.out.printf(
                    "Workspace %s: %s; %d cores%n",
                    file, cmp.key(), Runtime.getRuntime().availableProcessors());
            double[] scan = new double[runs],
                    median = new double[runs],
                    detect = new double[runs],
                    ratio = new double[runs],
                    ratioMedian = new double[runs];
            OutlierReport r = null;
            for (int i = 0; i < runs; i++) {
                scan[i] = time(c, "SELECT count(*), avg(c_prediction) FROM " + pc.pairs());
                median[i] = time(c, "SELECT median(c_prediction) FROM " + pc.pairs());
                long t0 = System.nanoTime();
                r = OutlierDetector.detect(c, pc, settings, ProgressSink.NONE);
                detect[i] = (System.nanoTime() - t0) / 1e9;
                ratio[i] = detect[i] / scan[i];
                ratioMedian[i] = detect[i] / median[i];
                System.out.printf(
                        Locale.ROOT,
                        "run %d: scan %.3f s, one median %.3f s, detect %.3f s (%.1fx the scan, %.2fx the median)%n",
                        i + 1,
                        scan[i],
                        median[i],
                        detect[i],
                        ratio[i],
                        ratioMedian[i]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "median: scan %.3f s, one median %.3f s, detect %.3f s, detect/scan %.1fx, detect/median %.2fx; "
                            + "pairs %,d, flagged %,d%n",
                    median(scan),
                    median(median),
                    median(detect),
                    median(ratio),
                    median(ratioMedian),
                    r.pairs(),
                    r.flaggedPairs());
            String dump = System.getProperty("bench.dump");
            if (dump != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(dump)))) {
                    dump(c, r, w);
                }
                System.out.println("report written to " + dump);
            }
        }
    }

    /** Every figure of the report at full precision, and per rule a digest of all flags (not only the listed ones). */
    public static void dump(Connection c, OutlierReport r, PrintWriter w) throws Exception {
        w.printf("pairs %d flaggedPairs %d listLimit %d%n", r.pairs(), r.flaggedPairs(), r.listLimit());
        w.println("counts " + new TreeMap<>(r.countsByRule()));
        for (Finding f : r.findings()) {
            w.println("finding " + f.rule() + " | " + f.severity() + " | " + f.value() + " | " + f.threshold() + " | "
                    + f.detail());
        }
        for (Outlier o : r.flagged()) {
            w.println("outlier " + o.requestId() + " | " + o.rule() + " | " + o.score() + " | " + o.baseline() + " | "
                    + o.candidate() + " | " + o.label() + " | " + o.baselineLatencyMs() + " | " + o.candidateLatencyMs()
                    + " | " + o.detail());
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT rule, count(*), "
                        + "bit_xor(hash(request_id, score, z, b_prediction, c_prediction, label, b_latency, c_latency)) "
                        + "FROM outlier_flags GROUP BY rule ORDER BY rule")) {
            while (rs.next()) {
                w.println("flags " + rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3));
            }
        }
    }
}
