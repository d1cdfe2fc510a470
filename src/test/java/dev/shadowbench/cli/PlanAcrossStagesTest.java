package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ramp plan follows the candidate from shadow to canary: an advance decided on the shadow comparison plans the
 * canary arm of the same model version, whose summary then reads its share against that plan.
 */
class PlanAcrossStagesTest {
    @TempDir
    Path dir;

    @Test
    void anAdvanceOnTheShadowPlansTheCanaryOfTheSameVersion() throws Exception {
        // a shadow day today, then the canary ramp (1%, 20%, 50%, 100%) from tomorrow on
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path logs = dir.resolve("logs");
        SummaryCommandTest.Run g = SummaryCommandTest.run(
                "generate",
                "-o",
                logs.toString(),
                "--requests",
                "5000",
                "--seed",
                "5",
                "--canary",
                "--shadow-days",
                "1",
                "--first-day",
                today.toString());
        assertEquals(0, g.code(), g.err());
        Path ws = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(ws);
                Stream<Path> files = Files.walk(logs)) {
            List<Path> predictions =
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
            new LogImporter(w).run(ImportRequest.predictions(predictions, null), ProgressSink.NONE);
        }
        // the default comparison is live vs shadow: advance to 20% there
        SummaryCommandTest.Run d = SummaryCommandTest.run(
                "decide", "-w", ws.toString(), "--decision", "advance", "--reviewer", "ana", "--traffic-share", "0.2");
        assertEquals(0, d.code(), d.err());

        SummaryCommandTest.Run r =
                SummaryCommandTest.run("ramp", "-w", ws.toString(), "--candidate", "canary", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode steps = new ObjectMapper().readTree(r.out()).path("steps");
        assertEquals(1, steps.size(), "the canary finds the plan set on the shadow: " + r.out());
        assertEquals("decision #1", steps.get(0).path("source").asText());
        LocalDate stepDay = LocalDate.parse(steps.get(0).path("day").asText());

        SummaryCommandTest.Run s =
                SummaryCommandTest.run("summary", "-w", ws.toString(), "--candidate", "canary", "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode j = new ObjectMapper().readTree(s.out());
        JsonNode day = null;
        for (JsonNode n : j.at("/traffic/by_day")) if (n.path("day").asText().equals(stepDay.toString())) day = n;
        assertTrue(day != null, "the canary serves on " + stepDay + ": " + j.at("/traffic/by_day"));
        assertEquals(0.2, day.path("configured_share").asDouble(), 1e-15);
        // the generator routes 1% that first canary day, not the 20% the decision planned: the share finding says so
        boolean flagged = false;
        for (JsonNode f : j.path("findings")) {
            flagged |= f.path("rule").asText().equals("traffic_share")
                    && f.path("detail").asText().contains(stepDay.toString());
        }
        assertTrue(flagged, j.path("findings").toString());
    }

    @Test
    void plansStoredUnderTheSideAreStillRead() throws Exception {
        try (Workspace w = Workspace.inMemory();
                Connection c = w.connect()) {
            try (var st = c.createStatement()) {
                st.execute(
                        "INSERT INTO predictions(import_id, request_id, ts, variant, model, version, prediction) VALUES "
                                + "(1, 'a', TIMESTAMP '2026-11-20 10:00:00', 'canary', 'gbr', '2.0', 1.0)");
            }
            LocalDate d = LocalDate.of(2026, 11, 20);
            RampPlan.set(c, "canary/*/*", Map.of(d, 0.01, d.plusDays(1), 0.2), RampPlan.BY_HAND); // the old key
            Side canary = Side.variant("canary");
            assertEquals(List.of("*/gbr/2.0", "canary/*/*"), canary.planKeys(c));
            RampPlan.set(c, canary.planKeys(c).get(0), Map.of(d.plusDays(1), 0.25), "decision #2");
            List<RampPlan.Step> steps = RampPlan.steps(c, canary.planKeys(c));
            assertEquals(
                    List.of(0.01, 0.25),
                    steps.stream().map(RampPlan.Step::share).toList(),
                    "the new key wins a day");
        }
    }
}
