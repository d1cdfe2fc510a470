package dev.shadowbench.core.baseline;

import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-model workspaces of {@code baseline_fixtures.py} (one variant "shadow", labels for part of the requests)
 * and the figures numpy computed for them ({@code expected.csv}).
 */
public final class FirstModelFixtures {
    private FirstModelFixtures() {}

    private static final String DIR = "/dev/shadowbench/core/baseline/";

    /** One expected figure: its value as numpy printed it, and how many labels (or clicks) it was computed from. */
    public record Expected(String value, long n) {
        public double number() {
            return Double.parseDouble(value);
        }
    }

    /** A workspace in {@code dir} holding the {@code task} fixture's predictions and labels. */
    public static Workspace workspace(Path dir, String task) throws IOException {
        Path logs = dir.resolve(task);
        Files.createDirectories(logs);
        Path predictions = copy(task + "/predictions.jsonl", logs.resolve("predictions.jsonl"));
        Path labels = copy(task + "/labels.csv", logs.resolve("labels.csv"));
        Workspace ws = Workspace.open(dir.resolve(task + ".duckdb"));
        LogImporter importer = new LogImporter(ws);
        importer.run(ImportRequest.predictions(List.of(predictions), null), ProgressSink.NONE);
        importer.run(ImportRequest.labels(List.of(labels)), ProgressSink.NONE);
        return ws;
    }

    /** expected.csv keyed by "task/figure/period". */
    public static Map<String, Expected> expected() throws IOException {
        Map<String, Expected> out = new HashMap<>();
        try (InputStream in = FirstModelFixtures.class.getResourceAsStream(DIR + "expected.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                out.put(f[0] + "/" + f[1] + "/" + f[2], new Expected(f[3], Long.parseLong(f[4])));
            }
        }
        return out;
    }

    private static Path copy(String resource, Path to) throws IOException {
        try (InputStream in = FirstModelFixtures.class.getResourceAsStream(DIR + resource)) {
            Files.copy(in, to);
        }
        return to;
    }
}
