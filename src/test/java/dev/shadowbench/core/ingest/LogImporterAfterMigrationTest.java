package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.exec;
import static dev.shadowbench.core.ingest.IngestFixtures.jsonl;
import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.scalar;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later migration that adds a column to the tables an import writes must not break the import: every INSERT
 * names its columns, so the new column is left NULL instead of the statement failing on a value count.
 */
class LogImporterAfterMigrationTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.inMemory();
        for (String table : List.of("predictions", "labels", "quarantine", "imports", "import_files")) {
            exec(ws, "ALTER TABLE " + table + " ADD COLUMN added_later VARCHAR");
        }
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void predictionsQuarantineAndLabelsStillImport() throws Exception {
        Path live = write(dir.resolve("live.jsonl"), jsonl("live", 3, 0) + "{not json\n");
        ImportReport r = new LogImporter(ws).run(ImportRequest.predictions(List.of(live), null), ProgressSink.NONE);
        assertEquals(3, r.rowsImported());
        assertEquals(1, r.rowsQuarantined());
        Path labels = write(dir.resolve("labels.csv"), "request_id,actual\nr0,10\nr2,12.5\n");
        assertEquals(
                2,
                new LogImporter(ws)
                        .run(ImportRequest.labels(List.of(labels)), ProgressSink.NONE)
                        .rowsImported());
        assertEquals(
                List.of(List.of("r0", "10.0"), List.of("r2", "12.5")),
                rows(ws, "SELECT request_id, label FROM labels ORDER BY 1"));
        assertEquals(
                3, scalar(ws, "SELECT count(*) FROM predictions WHERE added_later IS NULL AND latency_ms IS NOT NULL"));
        assertEquals(1, scalar(ws, "SELECT count(*) FROM quarantine WHERE added_later IS NULL"));
    }
}
