package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.core.workspace.WorkspaceOverview;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void sampleWorkspaceHoldsTheBundledLogs() throws Exception {
        Path f = dir.resolve("sample.duckdb");
        try (Workspace ws = SampleWorkspace.create(f, ProgressSink.NONE)) {
            WorkspaceOverview o = WorkspaceOverview.of(ws);
            // data/README.md: 5000 requests; 5009 live rows (9 duplicates), 4963 shadow rows (37 missing), 2033 labels
            assertEquals(5009 + 4963, o.predictionRows());
            assertEquals(2033, o.labelRows());
            assertEquals(2, o.groups().size());
            assertEquals("live", o.groups().get(0).variant());
            assertEquals("ridge", o.groups().get(0).model());
            assertEquals("shadow", o.groups().get(1).variant());
        }
        assertTrue(Files.isRegularFile(f));
        assertTrue(Files.notExists(dir.resolve("sample.duckdb.partial")), "the partial file is moved into place");
    }
}
