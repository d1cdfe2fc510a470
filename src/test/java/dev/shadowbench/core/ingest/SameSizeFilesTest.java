package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.scalar;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of the same size are read once each: the import never starts over for them (it used to, once per file). */
class SameSizeFilesTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.inMemory();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void twoHundredFilesOfTheSameSizeImportInOneAttemptWithProgressPerFile() throws Exception {
        int n = 200;
        for (int i = 0; i < n; i++) {
            // r000..r199: every file has the same size and a different content
            write(
                    dir.resolve(String.format(java.util.Locale.ROOT, "live-%03d.jsonl", i)),
                    String.format(java.util.Locale.ROOT, "{\"request_id\":\"r%03d\",\"prediction\":1.5}%n", i));
        }
        List<String> messages = new ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(long done, long total, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        LogImporter importer = new LogImporter(ws);
        ImportReport r = importer.run(ImportRequest.predictions(List.of(dir), null), sink);
        assertEquals(1, importer.attempts());
        assertEquals(
                List.of((long) n, (long) n, 0L, 0L),
                List.of(r.linesRead(), r.rowsImported(), r.rowsQuarantined(), r.linesBlank()));
        assertEquals(n, scalar(ws, "SELECT count(DISTINCT request_id) FROM predictions"));
        assertEquals(n, scalar(ws, "SELECT count(*) FROM import_files"));
        for (int i = 1; i <= n; i++) {
            String expected = "(" + i + " of " + n + ")";
            assertTrue(messages.stream().anyMatch(m -> m != null && m.endsWith(expected)), expected);
        }
        // the same files again: every one is recognised by its hash and skipped, still in one attempt
        ImportReport again = importer.run(ImportRequest.predictions(List.of(dir), null), sink);
        assertEquals(1, importer.attempts());
        assertEquals(n, again.filesSkippedAsDuplicate());
        // a copy under another name within one import is read once
        Files.copy(dir.resolve("live-000.jsonl"), dir.resolve("live-copy.jsonl"));
        again = importer.run(ImportRequest.predictions(List.of(dir), null), sink);
        assertEquals(1, importer.attempts());
        assertEquals(n + 1, again.filesSkippedAsDuplicate());
    }
}
