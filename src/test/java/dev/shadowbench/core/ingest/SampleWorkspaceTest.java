package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.core.workspace.WorkspaceOverview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
            // src/test/resources/dev/shadowbench/sample/sample_figures.py: 7,888 live + 4,467 shadow + 2,619 canary
            // rows, 4,207 labels; a group per day and variant: 3 shadow days x 2, 3 canary days x 2, the 100% day x 1
            assertEquals(7888 + 4467 + 2619, o.predictionRows());
            assertEquals(4207, o.labelRows());
            assertEquals(13, o.groups().size());
            assertEquals("live", o.groups().get(0).variant());
            assertEquals("ridge", o.groups().get(0).model());
            assertEquals(1504, o.groups().get(0).rows());
            assertEquals("shadow", o.groups().get(1).variant());
            assertEquals("canary", o.groups().get(12).variant());
            assertEquals(LocalDate.of(2026, 11, 26), o.groups().get(12).day());
            // the first start opens on the shadow period: live vs shadow up to the shadow's last day, since the
            // live records after it are the canary's stage
            assertEquals(
                    new Comparison(Side.variant("live"), Side.variant("shadow"), null, LocalDate.of(2026, 11, 22)),
                    Comparison.defaultFor(ws));
            // the ramp plan of data/sample/ramp.csv, kept under the model version the shadow and the canary share
            List<RampPlan.Step> plan =
                    ws.read(c -> RampPlan.steps(c, Side.variant("canary").planKeys(c)));
            assertEquals(
                    List.of(0.01, 0.2, 0.5, 1.0),
                    plan.stream().map(RampPlan.Step::share).toList());
            assertEquals(LocalDate.of(2026, 11, 23), plan.get(0).day());
            assertEquals(
                    plan, ws.read(c -> RampPlan.steps(c, Side.variant("shadow").planKeys(c))));
        }
        assertTrue(Files.isRegularFile(f));
        assertTrue(Files.notExists(dir.resolve("sample.duckdb.partial")), "the partial file is moved into place");
    }
}
