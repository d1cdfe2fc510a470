package dev.shadowbench.bench;

import static dev.shadowbench.bench.BenchTiming.median;
import static dev.shadowbench.bench.BenchTiming.time;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the full summary on a large workspace against two references measured in the same run: a bare
 * scan ({@code count(*), avg(prediction)}) and a bare join of the two sides by request id. Each run times a cold
 * summary (the comparison's {@link PairIndex} dropped first, so it pairs from scratch), then a summary that reuses
 * the stored pairing, then the whole {@code summary --json} (plus outliers and verdict).
 * The logs and the workspace are built once under {@code -Dbench.dir} (default /tmp/compare-bench) and reused.
 * Args: [requests (default 10000000)] [days (default 2)] [runs (default 3)].
 */
public final class SummaryBenchmark {
    public static void main(String[] args) throws Exception {
        long requests = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of(System.getProperty("bench.dir", "/tmp/compare-bench"));
        Path logs = dir.resolve("logs-" + requests), file = dir.resolve("ws-" + requests + ".duckdb");
        if (!Files.exists(file)) {
            if (!Files.exists(logs.resolve("anomalies.csv"))) {
                System.out.printf("Generating %d requests over %d days into %s%n", requests, days, logs);
                SyntheticLogs.write(
                        logs,
                        new SyntheticLogs.Options(
                                requests, 7, days, java.time.LocalDate.of(2026, 11, 20), false, 0.4, 0.0005),
                        n -> {});
            }
            long t0 = System.nanoTime();
            Path partial = dir.resolve(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (Workspace ws = Workspace.open(partial)) {
                List<Path> preds = new ArrayList<>(), labels = new ArrayList<>();
                try (var s = Files.list(logs)) {
                    for (Path day : s.filter(Files::isDirectory).sorted().toList()) {
                        preds.add(day.resolve("live.jsonl"));
                        preds.add(day.resolve("shadow.jsonl"));
                        labels.add(day.resolve("labels.csv"));
                    }
                }
                LogImporter imp = new LogImporter(ws);
                imp.run(ImportRequest.predictions(preds, null), ProgressSink.NONE);
                imp.run(ImportRequest.labels(labels), ProgressSink.NONE);
            }
            Files.move(partial, file);
            System.out.printf("Imported into %s in %.1f s%n", file, (System.nanoTime() - t0) / 1e9);
        }
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            Comparison cmp = Comparison.defaultFor(c);
            long rows;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM predictions")) {
                rs.next();
                rows = rs.getLong(1);
            }
            System.out.printf(
                    "Workspace %s: %,d prediction rows; %s; %d cores%n",
                    file, rows, cmp.key(), Runtime.getRuntime().availableProcessors());
            double[] scan = new double[runs],
                    join = new double[runs],
                    cold = new double[runs],
                    warm = new double[runs],
                    review = new double[runs];
            Summary last = null;
            for (int i = 0; i < runs; i++) {
                scan[i] = time(c, "SELECT count(*), avg(prediction) FROM predictions");
                join[i] = time(
                        c,
                        "SELECT count(*), avg(b.prediction - s.prediction) FROM predictions b JOIN predictions s "
                                + "USING (request_id) WHERE b.variant = 'live' AND s.variant = 'shadow'");
                // cold: the first summary after an import, which builds the comparison's stored pairing
                PairIndex.clear(c);
                String before = usedSpace(c);
                long t0 = System.nanoTime();
                SummaryService.compute(c, cmp, SummaryOptions.DEFAULT, steps());
                cold[i] = (System.nanoTime() - t0) / 1e9;
                if (i == 0)
                    System.out.println("workspace space in use: " + before + " without the pair index, " + usedSpace(c)
                            + " with it");
                // warm: every later summary of that comparison (any screen, report, decide, the CLI in a later session)
                t0 = System.nanoTime();
                last = SummaryService.compute(c, cmp, SummaryOptions.DEFAULT, steps());
                warm[i] = (System.nanoTime() - t0) / 1e9;
                // what `summary --json` returns: the summary plus the outlier rules and the gates' verdict
                t0 = System.nanoTime();
                ReviewSummary.compute(c, cmp, SummaryOptions.DEFAULT, ProgressSink.NONE);
                review[i] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "run %d: scan %.3f s, join %.3f s, cold summary %.3f s, summary %.3f s, "
                                + "summary + outliers + verdict %.3f s%n",
                        i + 1,
                        scan[i],
                        join[i],
                        cold[i],
                        warm[i],
                        review[i]);
            }
            // The machine is shared: each run's ratio compares timings taken seconds apart, under the same load.
            double[] coldVsJoin = new double[runs], warmVsJoin = new double[runs], reviewVsJoin = new double[runs];
            for (int i = 0; i < runs; i++) {
                coldVsJoin[i] = cold[i] / join[i];
                warmVsJoin[i] = warm[i] / join[i];
                reviewVsJoin[i] = review[i] / join[i];
            }
            System.out.printf(
                    Locale.ROOT,
                    "median: bare scan %.3f s, bare join %.3f s; cold summary %.3f s (%.2fx the join); "
                            + "summary %.3f s (%.2fx the join); summary + outliers + verdict %.3f s (%.2fx the join)%n",
                    median(scan),
                    median(join),
                    median(cold),
                    median(coldVsJoin),
                    median(warm),
                    median(warmVsJoin),
                    median(review),
                    median(reviewVsJoin));
            System.out.printf(
                    "paired %,d, duplicate rows %,d, divergence p95 %.4f%n",
                    last.counts().paired(),
                    last.counts().duplicateRows(),
                    last.divergence().p95Abs());
        }
    }

    /** Prints how long each step of the summary took (every run: the first one pays for cold caches). */
    private static ProgressSink steps() {
        return new ProgressSink() {
            long last = System.nanoTime();
            String step = "start";

            @Override
            public void progress(long done, long total, String message) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %-40s %.3f s%n", step, (now - last) / 1e9);
                last = now;
                step = message;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Blocks in use x block size (after a checkpoint, so the index's tables are counted). */
    private static String usedSpace(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
            try (ResultSet rs = st.executeQuery("SELECT used_blocks * block_size / 1e6 FROM pragma_database_size()")) {
                rs.next();
                return String.format(Locale.ROOT, "%.0f MB", rs.getDouble(1));
            }
        }
    }
}
