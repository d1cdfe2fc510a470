package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.SmallWorkspace;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.core.outliers.OutlierReview;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One latency budget per workspace (issue 20, item 5): the Dashboard's latency figures, the p99 gate, the Outliers
 * banner, the reports and {@code summary} all read the value stored in the workspace, wherever it was set.
 */
class OneLatencyBudgetTest {
    @TempDir
    Path dir;

    @Test
    void everyConsumerReadsTheWorkspacesBudget() throws Exception {
        Path file = SmallWorkspace.create(dir);
        try (Workspace ws = Workspace.open(file)) {
            Comparison cmp = Comparison.defaultFor(ws);
            assertEquals(LatencyBudget.DEFAULT_MS, ws.read(LatencyBudget::load), "a new workspace's budget");
            ws.read(c -> {
                LatencyBudget.save(c, 120);
                return null;
            });
            assertConsumersSee(ws, cmp, 120);

            // set from the Outliers screen's rule settings, it is the same one budget
            OutlierReview.saveSettings(ws, OutlierSettings.defaults().with("latency.budget_ms=90"));
            assertEquals(90.0, ws.read(LatencyBudget::load));
            assertConsumersSee(ws, cmp, 90);
        }
        // the command line's default is the workspace's budget too
        CliRun.Result r = CliRun.run("summary", "-w", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode latency = new ObjectMapper().readTree(r.out()).path("latency_ms");
        assertEquals(90.0, latency.path("budget_ms").asDouble(), latency.toString());
        Path html = dir.resolve("report.html");
        assertEquals(
                0,
                CliRun.run("report", "-w", file.toString(), "--format", "html", "-o", html.toString())
                        .code());
        assertTrue(Files.readString(html).contains("≤ 90 ms budget"), "the report's p99 gate names the budget");
    }

    private static void assertConsumersSee(Workspace ws, Comparison cmp, double ms) {
        ReviewSummary dashboard = ws.read(c -> ReviewSummary.compute(c, cmp, ProgressSink.NONE));
        assertEquals(ms, dashboard.summary().latencyMs().budgetMs(), "the Dashboard's latency figures");
        ReviewSummary decisions = ws.read(c -> SummarySources.standard().review(c, cmp, GateSettingsStore.load(c)));
        for (ReviewSummary r : new ReviewSummary[] {dashboard, decisions}) {
            GateResult p99 = r.verdict().gates().stream()
                    .filter(g -> g.name().equals("latency_p99"))
                    .findFirst()
                    .orElseThrow();
            String budget = "≤ " + dev.shadowbench.core.format.FigureFormat.ms(ms) + " budget";
            assertTrue(p99.threshold().contains(budget), p99.threshold());
            assertEquals(ms, r.summary().latencyMs().budgetMs());
        }
        assertEquals(ms, ws.read(GateSettingsStore::load).latencyBudgetMs(), "the gates' settings");
        assertEquals(ms, ws.read(OutlierStore::loadSettings).value("latency.budget_ms"), "the outlier rules");
        assertEquals(
                ms,
                OutlierReview.load(ws, cmp, ProgressSink.NONE).settings().value("latency.budget_ms"),
                "the Outliers screen's banner");
    }
}
