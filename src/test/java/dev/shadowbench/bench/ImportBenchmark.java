package dev.shadowbench.bench;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the import of one synthetic live.jsonl (default 5,000,000 requests) against a bare DuckDB
 * {@code CREATE TABLE t AS SELECT * FROM read_json(file)} of the same file, alternating the two, in one run.
 * Not a test: run it by hand (commands and figures in src/site/markdown/performance.md, "Import").
 * Arguments: [DIR (default target/bench-import)] [REQUESTS (default 5000000)] [ROUNDS (default 3)] [bad-line]. With
 * {@code bad-line} it also times a copy of the file with one malformed line in its middle (bad.jsonl) and prints both
 * ratios against the bare reference of the clean file.
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-import");
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean badLine = args.length > 3 && args[3].equals("bad-line");
        Path live = dir.resolve("2026-11-20/live.jsonl");
        if (!Files.isRegularFile(live)) {
            System.out.printf("generating %,d requests into %s%n", requests, dir);
            SyntheticLogs.write(dir, SyntheticLogs.Options.of(requests, 7, 1), n -> {});
        }
        Path bad = dir.resolve("bad/live.jsonl");
        if (badLine && !Files.isRegularFile(bad)) writeWithOneBadLine(live, bad);
        System.out.printf("file %s: %,d bytes%n", live, Files.size(live));
        List<Double> ratios = new ArrayList<>(), badRatios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double ref = reference(dir, live);
            double ours = shadowbench(dir, live);
            ratios.add(ours / ref);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: bare read_json %.2f s, shadowbench import %.2f s, ratio %.2f (load %.1f)%n",
                    r,
                    ref,
                    ours,
                    ours / ref,
                    load());
            if (badLine) {
                double withBad = shadowbench(dir, bad);
                badRatios.add(withBad / ref);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: one bad line %.2f s, ratio %.2f to bare read_json, %.2f to the clean import%n",
                        r,
                        withBad,
                        withBad / ref,
                        withBad / ours);
            }
        }
        System.out.printf(Locale.ROOT, "clean import / bare read_json: %s (target <= 1.3)%n", summary(ratios));
        if (badLine) {
            System.out.printf(
                    Locale.ROOT, "one bad line / bare read_json: %s (target <= 1.5 x the clean)%n", summary(badRatios));
        }
    }

    private static String summary(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        return ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList() + ", median "
                + String.format(Locale.ROOT, "%.2f", sorted.get(sorted.size() / 2));
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A copy of {@code src} whose middle line is cut short (malformed JSON), every other line as it was. */
    private static void writeWithOneBadLine(Path src, Path dest) throws Exception {
        Files.createDirectories(dest.getParent());
        long lines;
        try (var s = Files.lines(src)) {
            lines = s.count();
        }
        long middle = lines / 2;
        try (var in = Files.newBufferedReader(src);
                var out = Files.newBufferedWriter(dest)) {
            String line;
            for (long k = 0; (line = in.readLine()) != null; k++) {
                out.write(k == middle ? line.substring(0, line.length() / 2) : line);
                out.write('\n');
            }
        }
        System.out.printf("wrote %s: line %,d of %,d cut short%n", dest, middle + 1, lines);
    }

    private static double reference(Path dir, Path live) throws Exception {
        Path db = fresh(dir.resolve("reference.duckdb"));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM read_json('"
                    + live.toAbsolutePath().toString().replace("'", "''") + "', format='newline_delimited')");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double shadowbench(Path dir, Path live) throws Exception {
        Path db = fresh(dir.resolve("workspace.duckdb"));
        long t0 = System.nanoTime();
        ImportReport rep;
        try (Workspace ws = Workspace.open(db)) {
            rep = new LogImporter(ws).run(ImportRequest.predictions(List.of(live), null), ProgressSink.NONE);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.println("  " + rep.summaryLine());
        return s;
    }

    private static Path fresh(Path db) throws Exception {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        return db;
    }
}
