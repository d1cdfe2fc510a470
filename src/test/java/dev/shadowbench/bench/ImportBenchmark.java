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

/**
 * Times the import of one synthetic live.jsonl (default 5,000,000 requests) against a bare DuckDB
 * {@code CREATE TABLE t AS SELECT * FROM read_json(file)} of the same file, alternating the two, in one run.
 * Not a test: run it by hand (see README "Importing logs").
 * Arguments: [DIR (default target/bench-import)] [REQUESTS (default 5000000)] [ROUNDS (default 2)].
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-import");
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path live = dir.resolve("2026-11-20/live.jsonl");
        if (!Files.isRegularFile(live)) {
            System.out.printf("generating %,d requests into %s%n", requests, dir);
            SyntheticLogs.write(dir, SyntheticLogs.Options.of(requests, 7, 1), n -> {});
        }
        System.out.printf("file %s: %,d bytes%n", live, Files.size(live));
        List<Double> ratios = new ArrayList<>();
        double bestRef = Double.MAX_VALUE, bestOurs = Double.MAX_VALUE;
        for (int r = 1; r <= rounds; r++) {
            double ref = reference(dir, live);
            double ours = shadowbench(dir, live);
            bestRef = Math.min(bestRef, ref);
            bestOurs = Math.min(bestOurs, ours);
            ratios.add(ours / ref);
            System.out.printf(
                    "round %d: bare read_json %.2f s, shadowbench import %.2f s, ratio %.2f%n",
                    r, ref, ours, ours / ref);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(
                "ratios: %s, median %.2f; best import / best reference: %.2f s / %.2f s = %.2f (target <= 1.5)%n",
                ratios.stream().map(x -> String.format("%.2f", x)).toList(),
                sorted.get(sorted.size() / 2),
                bestOurs,
                bestRef,
                bestOurs / bestRef);
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
