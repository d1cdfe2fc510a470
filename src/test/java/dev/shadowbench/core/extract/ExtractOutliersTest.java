package dev.shadowbench.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.db.Quote;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.outliers.Outlier;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outlier report of an extract is the job's flags with their reasons, and says what it cannot hold. */
class ExtractOutliersTest {
    @TempDir
    Path dir;

    static final Comparison CMP = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);

    @Test
    void theJobsFlagsAreListedWithTheirReasons() throws Exception {
        Path x = dir.resolve("x");
        ExtractFixture.fromLogs(ExtractLogs.Task.REGRESSION, 200, true, CMP, ExtractFixture.Settings.DEFAULT, x);
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect();
                Statement st = c.createStatement()) {
            Path pairs = x.resolve("pairs").resolve("part-00000.parquet"),
                    flagged = Files.createDirectories(x.resolve("flagged")).resolve("part-00000.parquet");
            // two sampled pairs flagged by the job: one by two rules
            st.execute(
                    "COPY (SELECT day, request_id, rule, reason, score FROM (SELECT day, request_id FROM read_parquet("
                            + Quote.literal(pairs.toString()) + ") ORDER BY request_id LIMIT 2) p, (VALUES "
                            + "('extreme', 'far from the candidate''s median', 9.5), ('divergence', 'far from the baseline', 6.0)) "
                            + "r(rule, reason, score) WHERE rule = 'extreme' OR request_id = (SELECT min(request_id) FROM "
                            + "read_parquet(" + Quote.literal(pairs.toString()) + "))) TO "
                            + Quote.literal(flagged.toString())
                            + " (FORMAT parquet)");
            ObjectMapper om = new ObjectMapper();
            ObjectNode m = (ObjectNode) om.readTree(x.resolve("manifest.json").toFile());
            m.putObject("outliers").put("computed_by", "job");
            ((ObjectNode) m.get("tables")).putObject("flagged").put("rows", 3);
            Files.writeString(x.resolve("manifest.json"), om.writeValueAsString(m));

            ExtractImport.run(c, x, ProgressSink.NONE);
            ReviewSummary r = ReviewSummary.compute(c, CMP, SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(2, r.outliers().flaggedPairs());
            assertEquals(2L, r.outliers().countsByRule().get("extreme"));
            assertEquals(1L, r.outliers().countsByRule().get("divergence"));
            Outlier first = r.outliers().flagged().stream()
                    .filter(o -> o.rule().equals("divergence"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("far from the baseline", first.detail());
            assertTrue(first.candidate() != null, "the flagged pair's values come from the extract's pairs");
            assertTrue(
                    r.findings().stream()
                            .anyMatch(f -> f.detail().startsWith("Outliers were flagged by the Spark job")),
                    r.findings().toString());
        }
    }

    @Test
    void anExtractWithoutTheJobsFlagsLeavesTheOutlierGateWithoutData() throws Exception {
        Path x = dir.resolve("none");
        ExtractFixture.fromLogs(ExtractLogs.Task.REGRESSION, 200, true, CMP, ExtractFixture.Settings.DEFAULT, x);
        ObjectMapper om = new ObjectMapper();
        ObjectNode m = (ObjectNode) om.readTree(x.resolve("manifest.json").toFile());
        m.putObject("outliers").put("computed_by", "none");
        Files.writeString(x.resolve("manifest.json"), om.writeValueAsString(m));
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            ExtractImport.run(c, x, ProgressSink.NONE);
            ReviewSummary r = ReviewSummary.compute(c, CMP, SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertTrue(!r.outliers().rulesRan(), "the job ran no rule");
            var gate = r.verdict().gates().stream()
                    .filter(g -> g.name().equals("outlier_share"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(dev.shadowbench.core.decide.GateStatus.NO_DATA, gate.status(), gate.toString());
            assertTrue(r.findings().stream().anyMatch(f -> f.detail().startsWith("The outlier rules' flags are not")));
        }
    }
}
