package dev.shadowbench.bench;

import static dev.shadowbench.bench.BenchTiming.time;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How the daily loop's cost grows with the workspace: imports one day of generated logs after another into one
 * workspace (the team's morning import) and, whenever the workspace reaches a checkpoint (default 1, 10 and 50M
 * requests), prints for the day just imported: the import's time against a bare {@code CREATE TABLE AS SELECT * FROM
 * read_json} of the same files; the first {@code summary --json} figures after it (the summary, the outlier rules and
 * the verdict, {@link ReviewSummary}) against a bare join + aggregate of the new day and of the whole window; the warm
 * summary; the workspace's size on disk; the peak Java heap and the process's peak RSS. All references are measured in
 * the same run, seconds apart, so a busy machine slows both sides.
 *
 * <p>Each day is generated just before its import and deleted after it (50M requests of JSON Lines would be about
 * 25 GB), with its own seed, so days never share request ids. Not a test: run it by hand (command in
 * src/site/markdown/performance.md). Arguments: [checkpoints in requests, comma-separated (default
 * 1000000,10000000,50000000)] [requests per day (default 1000000)] [folder (default /tmp/growth-bench)].
 */
public final class GrowthBenchmark {
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    public static void main(String[] args) throws Exception {
        long[] checkpoints = Arrays.stream((args.length > 0 ? args[0] : "1000000,10000000,50000000").split(","))
                .mapToLong(s -> Long.parseLong(s.strip()))
                .sorted()
                .toArray();
        long perDay = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/growth-bench");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path file = dir.resolve("ws.duckdb");
        System.out.printf(
                Locale.ROOT,
                "growth: %,d requests a day, checkpoints %s, %d cores, max heap %d MB%n",
                perDay,
                Arrays.toString(checkpoints),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("requests | day's import s (x bare) | first summary s (x bare day, x bare window) | "
                + "warm summary s (x bare window) | workspace MB | peak heap MB | peak RSS MB");
        long total = 0;
        int day = 0;
        for (long checkpoint : checkpoints) {
            Day last = null;
            while (total < checkpoint) {
                long n = Math.min(perDay, checkpoint - total);
                last = importDay(dir, file, day++, n);
                total += n;
            }
            if (last == null) continue;
            try (Workspace ws = Workspace.open(file);
                    Connection c = ws.connect()) {
                Comparison cmp = Comparison.defaultFor(c);
                double bareDay = time(c, bareJoin("CAST(b.ts AS DATE) = DATE '" + last.date + "'"));
                double bareAll = time(c, bareJoin("TRUE"));
                // the first summary after the import: the stored pairing is stale and is built again
                double first = review(c, cmp);
                double warm = review(c, cmp);
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT");
                }
                System.out.printf(
                        Locale.ROOT,
                        "%,d | %.2f (%.2fx) | %.2f (%.1fx, %.2fx) | %.2f (%.2fx) | %d | %d | %d%n",
                        total,
                        last.importSeconds,
                        last.importSeconds / last.bareSeconds,
                        first,
                        first / bareDay,
                        first / bareAll,
                        warm,
                        warm / bareAll,
                        Files.size(file) >> 20,
                        peakHeap() >> 20,
                        peakRss() >> 20);
            }
        }
    }

    private record Day(LocalDate date, double importSeconds, double bareSeconds) {}

    /** Generates day {@code d} ({@code n} requests, seed 1000 + d), times its import and the bare read, deletes it. */
    private static Day importDay(Path dir, Path file, int d, long n) throws Exception {
        LocalDate date = FIRST_DAY.plusDays(d);
        Path logs = dir.resolve("day");
        deleteTree(logs);
        SyntheticLogs.write(logs, new SyntheticLogs.Options(n, 1000 + d, 1, date, false, 0.4, 0.0005), x -> {});
        Path folder = logs.resolve(date.toString());
        List<Path> preds = List.of(folder.resolve("live.jsonl"), folder.resolve("shadow.jsonl"));
        Path ref = dir.resolve("bare.duckdb");
        Files.deleteIfExists(ref);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + ref.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM read_json(['" + sql(preds.get(0)) + "', '" + sql(preds.get(1))
                    + "'], format='newline_delimited')");
        }
        double bare = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(ref);
        t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            LogImporter imp = new LogImporter(ws);
            imp.run(ImportRequest.predictions(preds, null), ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(folder.resolve("labels.csv"))), ProgressSink.NONE);
        }
        double ours = (System.nanoTime() - t0) / 1e9;
        deleteTree(logs);
        return new Day(date, ours, bare);
    }

    /** What {@code summary --json} computes: the summary, the outlier rules and the verdict. */
    private static double review(Connection c, Comparison cmp) throws Exception {
        long t0 = System.nanoTime();
        ReviewSummary.compute(c, cmp, ProgressSink.NONE);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A bare live-shadow join by request id with DuckDB's own aggregates: what the first summary is measured against. */
    private static String bareJoin(String where) {
        return "SELECT count(*), avg(abs(s.prediction - b.prediction)), quantile_cont(abs(s.prediction - b.prediction), 0.95), "
                + "quantile_cont(b.latency_ms, 0.99), quantile_cont(s.latency_ms, 0.99) "
                + "FROM predictions b JOIN predictions s USING (request_id) "
                + "WHERE b.variant = 'live' AND s.variant = 'shadow' AND " + where;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The process's peak resident set (VmHWM), which includes DuckDB's native memory; 0 where /proc is missing. */
    private static long peakRss() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) << 10;
        }
        return 0;
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path x : all) Files.delete(x);
        }
    }
}
