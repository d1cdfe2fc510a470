package dev.shadowbench.core.ingest;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled sample: logs from data/sample, packed into the jar, imported into a new workspace
 * on first start so the app opens on something real with no set-up. It lives in ingest, not in
 * workspace, because it imports logs: the workspace layer knows nothing of log formats.
 */
public final class SampleWorkspace {
    /** The sample's files inside the jar, relative to {@link #RESOURCE_ROOT}. */
    public static final List<String> FILES =
            List.of("2026-11-20/live.jsonl.gz", "2026-11-20/shadow.jsonl.gz", "2026-11-20/labels.csv");

    static final String RESOURCE_ROOT = "/dev/shadowbench/sample/";

    private SampleWorkspace() {}

    /** Copies the bundled sample logs into {@code dir} and returns their paths. */
    public static List<Path> extractLogs(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new java.util.ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = SampleWorkspace.class.getResourceAsStream(RESOURCE_ROOT + name)) {
                if (in == null) throw new IOException("The sample log " + name + " is missing from this build");
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target);
            }
        }
        return out;
    }

    /** Creates {@code file} as a new workspace holding the bundled sample logs. */
    public static Workspace create(Path file, ProgressSink progress) throws IOException {
        Path tmp = Files.createTempDirectory("shadowbench-sample");
        try {
            List<Path> logs = extractLogs(tmp);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Workspace ws = Workspace.open(partial);
            try {
                var importer = new LogImporter(ws);
                importer.run(ImportRequest.predictions(logs.subList(0, 2), null), progress);
                importer.run(ImportRequest.labels(logs.subList(2, 3)), progress);
            } finally {
                ws.close();
            }
            // Only a complete sample becomes the workspace: a crash half-way leaves no broken file behind.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
            return Workspace.open(file);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(q -> q.toFile().delete());
            }
        }
    }
}
