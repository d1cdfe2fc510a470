package dev.shadowbench.core.ingest;

import static dev.shadowbench.core.ingest.IngestFixtures.exec;
import static dev.shadowbench.core.ingest.IngestFixtures.jsonl;
import static dev.shadowbench.core.ingest.IngestFixtures.rows;
import static dev.shadowbench.core.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V003 (import detail columns) applies to a workspace written before it, which then imports as usual. */
class ImportSchemaMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersionTwoWorkspaceIsUpgraded() throws Exception {
        Path file = dir.resolve("old.duckdb");
        try (Workspace ws = Workspace.open(file)) {
            // make it look like a file written by a build that knew only V001 + V002 (undo V007 .. V003)
            exec(ws, "DROP SCHEMA extract CASCADE");
            for (String col : List.of("imported_at", "mapping_json", "variant", "format")) {
                exec(ws, "ALTER TABLE import_files DROP COLUMN " + col);
            }
            exec(ws, "ALTER TABLE imports DROP COLUMN source");
            exec(ws, "DROP TABLE synthetic_baselines");
            exec(ws, "DROP TABLE ramp_plan");
            exec(ws, "DROP SCHEMA pair_index CASCADE");
            exec(ws, "DELETE FROM schema_version WHERE version >= 3");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(
                    List.of(List.of(String.valueOf(dev.shadowbench.core.workspace.Migrations.latestVersion()))),
                    rows(ws, "SELECT max(version) FROM schema_version"));
            Path log = write(dir.resolve("live.jsonl"), jsonl("live", 2, 0));
            new LogImporter(ws).run(ImportRequest.predictions(List.of(log), null), ProgressSink.NONE);
            assertEquals(List.of(List.of("jsonl", "2")), rows(ws, "SELECT format, rows_imported FROM import_files"));
        }
    }
}
