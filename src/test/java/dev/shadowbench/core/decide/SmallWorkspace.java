package dev.shadowbench.core.decide;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A real small workspace for tests of the review's consumers (gates, reports, decisions): synthetic live and shadow
 * logs with labels and injected anomalies, every 20th live and every 10th shadow record carrying a complaint, imported as a user would.
 */
public final class SmallWorkspace {
    private SmallWorkspace() {}

    public static final int REQUESTS = 400;

    /** Writes the logs under {@code dir}/logs and imports them into {@code dir}/ws.duckdb. */
    public static Path create(Path dir) throws IOException {
        // 1% of each anomaly kind, so the outlier rules have pairs to list
        SyntheticLogs.write(
                dir.resolve("logs"),
                new SyntheticLogs.Options(REQUESTS, 11, 1, LocalDate.of(2026, 11, 20), false, 0.4, 0.01),
                null);
        Path day = dir.resolve("logs/2026-11-20");
        withFeedback(day.resolve("live.jsonl"), 20);
        withFeedback(day.resolve("shadow.jsonl"), 10);
        Path file = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(file)) {
            LogImporter imp = new LogImporter(w);
            imp.run(
                    ImportRequest.predictions(List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                    ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(day.resolve("labels.csv"))), ProgressSink.NONE);
        }
        return file;
    }

    /** The review the CLI and the screens compute, with the workspace's stored settings and latency budget. */
    public static ReviewSummary review(Workspace ws) {
        Comparison cmp = Comparison.defaultFor(ws);
        return ws.read(c -> ReviewSummary.compute(c, cmp, ProgressSink.NONE));
    }

    private static void withFeedback(Path jsonl, int every) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(jsonl);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            out.add(
                    i % every == 0 && l.endsWith("}")
                            ? l.substring(0, l.length() - 1) + ",\"feedback\":\"complaint\"}"
                            : l);
        }
        Files.write(jsonl, out);
    }
}
