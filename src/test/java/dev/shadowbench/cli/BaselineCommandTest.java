package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.baseline.FirstModelFixtures;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baseline}: builds a first model's baseline that {@code summary} then compares with; bad options exit 2. */
class BaselineCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBaselineFromEarlierDaysIsWhatSummaryComparesWith() throws Exception {
        try (Workspace w = FirstModelFixtures.workspace(dir, "regression")) {
            // closed before the commands open it
        }
        String ws = dir.resolve("regression.duckdb").toString();
        SummaryCommandTest.Run r = SummaryCommandTest.run(
                "baseline",
                "-w",
                ws,
                "--candidate",
                "shadow",
                "--kind",
                "median",
                "--from-days",
                "2026-11-18..2026-11-19");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("median 36.9, from 107 labels of 2026-11-18..19"), r.out());
        assertTrue(r.out().contains("answers 240 requests"), r.out());

        r = SummaryCommandTest.run("summary", "-w", ws, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals("baseline/*/*", s.at("/comparison/baseline").asText());
        assertEquals("median", s.at("/comparison/baseline_recipe/kind").asText());
        assertEquals("days", s.at("/comparison/baseline_recipe/source").asText());
        assertEquals(240, s.at("/counts/paired").asLong());
        assertEquals("mae", s.at("/labels/versus_baseline/metric").asText());
        assertTrue(s.at("/unavailable/latency_ms.baseline").asText().startsWith("not applicable"));

        assertEquals(
                2,
                SummaryCommandTest.run("baseline", "-w", ws, "--candidate", "shadow", "--kind", "majority")
                        .code());
        assertEquals(
                2,
                SummaryCommandTest.run("baseline", "-w", ws, "--candidate", "shadow", "--kind", "mean", "--value", "3")
                        .code());
        SummaryCommandTest.Run both = SummaryCommandTest.run(
                "baseline",
                "-w",
                ws,
                "--candidate",
                "shadow",
                "--kind",
                "mean",
                "--from-labels",
                "--from-days",
                "2026-11-18..2026-11-19");
        assertEquals(2, both.code(), "--from-labels and --from-days exclude each other");
        SummaryCommandTest.Run badDays = SummaryCommandTest.run(
                "baseline", "-w", ws, "--candidate", "shadow", "--kind", "mean", "--from-days", "yesterday");
        assertEquals(2, badDays.code());
        assertTrue(badDays.err().contains("--from-days"), badDays.err());
    }
}
