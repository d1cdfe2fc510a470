package dev.shadowbench.bench;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.decide.DecisionDraft;
import dev.shadowbench.core.decide.DecisionLog;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateSettings;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.SummarySource;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.report.ReportBuilder;
import dev.shadowbench.core.report.ReportContent;
import dev.shadowbench.core.report.ReportFormat;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Report size and time on a 200k-request workspace (SyntheticLogs + LogImporter). Run:
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.shadowbench.bench.ReportSizeBench [REQUESTS]}
 * The reference measured in the same run is the import of the same logs; sizes are compared with the raw logs.
 */
public final class ReportSizeBench {
    public static void main(String[] args) throws Exception {
        long requests = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("report-bench");
        SyntheticLogs.write(dir.resolve("logs"), SyntheticLogs.Options.of(requests, 42, 2), null);
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("logs"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .forEach(logs::add);
        }
        long rawBytes = 0;
        for (Path p : logs) rawBytes += Files.size(p);
        try (Workspace ws = Workspace.open(dir.resolve("ws.duckdb"))) {
            long t0 = System.nanoTime();
            new LogImporter(ws).run(ImportRequest.predictions(logs, null), ProgressSink.NONE);
            double importS = (System.nanoTime() - t0) / 1e9;
            try (Connection c = ws.connect()) {
                Comparison cmp = Comparison.defaultFor(c);
                // a reviewed sample of 500 pairs (more than a report shows) and a few decisions
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_verdicts SELECT ?, request_id, "
                        + "CASE WHEN hash(request_id) % 10 = 0 THEN 'suspicious' ELSE 'ok' END, 'looked fine', 'ana', now() "
                        + "FROM (SELECT DISTINCT request_id FROM predictions ORDER BY request_id LIMIT 500)")) {
                    ps.setString(1, cmp.key());
                    ps.executeUpdate();
                }
                for (DecisionType t : List.of(DecisionType.HOLD, DecisionType.ADVANCE, DecisionType.ADVANCE)) {
                    DecisionLog.append(
                            c,
                            new DecisionDraft(
                                    t,
                                    "ana",
                                    cmp.key(),
                                    SyntheticLogs.CANDIDATE_MODEL,
                                    SyntheticLogs.CANDIDATE_VERSION,
                                    null,
                                    null,
                                    "{}",
                                    "bench"));
                }
                report(
                        "full review summary",
                        c,
                        cmp,
                        dev.shadowbench.core.decide.SummarySources.standard(),
                        dir,
                        rawBytes,
                        importS);
                // the comparison engine's full shape: histogram, latency, tests, and 5,000 flagged outliers
                SummarySource full = (conn, cm, gates) -> {
                    ReviewSummary r = dev.shadowbench.core.decide.SummarySources.standard()
                            .review(conn, cm, gates);
                    List<Outlier> out = new java.util.ArrayList<>();
                    for (int i = 0; i < 5000; i++) {
                        out.add(new Outlier(
                                "req-" + i,
                                "extreme_high",
                                "candidate 812.4 is 20.3x the baseline 40.0",
                                40.0,
                                812.4,
                                null,
                                null,
                                null,
                                20.3));
                    }
                    OutlierReport o = new OutlierReport(
                            out, List.of(), java.util.Map.of("extreme_high", 5000L), 5000, 5000, 5000);
                    return new ReviewSummary(r.summary(), o, r.verdict());
                };
                report("full-shape summary (5,000 outliers)", c, cmp, full, dir, rawBytes, importS);
            }
        }
    }

    private static void report(
            String label, Connection c, Comparison cmp, SummarySource source, Path dir, long rawBytes, double importS)
            throws Exception {
        long t0 = System.nanoTime();
        ReportContent r =
                ReportBuilder.collect(c, cmp, source, GateSettings.defaults(), "bench.duckdb", LocalDateTime.now());
        double collectS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%s: collect %.2f s (%.2fx the import's %.2f s)%n", label, collectS, collectS / importS, importS);
        for (ReportFormat f : ReportFormat.values()) {
            Path out = dir.resolve("report-" + label.hashCode() + "." + f.extension());
            long t1 = System.nanoTime();
            f.write(r, out);
            double renderMs = (System.nanoTime() - t1) / 1e6;
            long size = Files.size(out);
            System.out.printf(
                    "  %-4s %,9d bytes = %.5f of the raw logs (%,d bytes); render %.1f ms%n",
                    f.extension(), size, (double) size / rawBytes, rawBytes, renderMs);
        }
    }
}
