package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.generate.CanaryLogs;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ramp --set/--json}, and an advance decision with a traffic share becoming the plan. */
class RampCommandTest {
    @TempDir
    Path dir;

    private Path ws;
    private String out;
    private String err;

    @BeforeEach
    void workspace() throws Exception {
        CanaryLogs.write(dir.resolve("logs"), SyntheticLogs.Options.of(2000, 7, 2), null);
        ws = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            List<Path> files = List.of(
                            "2026-11-20/live.jsonl",
                            "2026-11-20/canary.jsonl",
                            "2026-11-21/live.jsonl",
                            "2026-11-21/canary.jsonl")
                    .stream()
                    .map(f -> dir.resolve("logs").resolve(f))
                    .toList();
            new LogImporter(w).run(ImportRequest.predictions(files, null), ProgressSink.NONE);
        }
    }

    private int run(String... args) {
        SummaryCommandTest.Run r = SummaryCommandTest.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void setThenReadAsJson() throws Exception {
        assertEquals(
                0,
                run(
                        "ramp",
                        "-w",
                        ws.toString(),
                        "--candidate",
                        "canary",
                        "--set",
                        "2026-11-20=1%",
                        "--set",
                        "2026-11-21=0.2"),
                err);
        assertTrue(out.contains("Set 2 step(s)"), out);
        assertEquals(0, run("ramp", "-w", ws.toString(), "--json"), err);
        JsonNode plan = new ObjectMapper().readTree(out);
        assertEquals("canary/*/*", plan.path("candidate").asText());
        assertEquals(2, plan.path("steps").size());
        assertEquals("2026-11-21", plan.path("steps").get(1).path("day").asText());
        assertEquals(0.2, plan.path("steps").get(1).path("share").asDouble(), 1e-15);
        assertEquals("ramp", plan.path("steps").get(1).path("source").asText());
        assertEquals(0, run("ramp", "-w", ws.toString()), err);
        assertTrue(out.contains("from 2026-11-20  1%  (ramp)"), out);
    }

    @Test
    void badStepsAreUsageErrors() {
        assertEquals(2, run("ramp", "-w", ws.toString(), "--set", "2026-11-20=150%"));
        assertTrue(err.contains("between 0 and 1"), err);
        assertEquals(2, run("ramp", "-w", ws.toString(), "--set", "tomorrow=5%"));
        assertTrue(err.contains("YYYY-MM-DD"), err);
    }

    @Test
    void anAdvanceWithATrafficShareIsThePlanFromTheNextDay() throws Exception {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        assertEquals(
                0,
                run(
                        "decide",
                        "-w",
                        ws.toString(),
                        "--decision",
                        "advance",
                        "--reviewer",
                        "ana",
                        "--traffic-share",
                        "0.5"),
                err);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        // a hold does not change the plan
        assertEquals(
                0,
                run("decide", "-w", ws.toString(), "--decision", "hold", "--reviewer", "ana", "--traffic-share", "0.9"),
                err);
        assertEquals(0, run("ramp", "-w", ws.toString(), "--json"), err);
        JsonNode steps = new ObjectMapper().readTree(out).path("steps");
        assertEquals(1, steps.size(), out);
        LocalDate day = LocalDate.parse(steps.get(0).path("day").asText());
        assertTrue(day.equals(before.plusDays(1)) || day.equals(after.plusDays(1)), day.toString());
        assertEquals(0.5, steps.get(0).path("share").asDouble(), 1e-15);
        assertEquals("decision #1", steps.get(0).path("source").asText());
    }

    @Test
    void generateShadowDaysThenTheRampSameSeedSameBytes() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            assertEquals(
                    0,
                    run(
                            "generate",
                            "--canary",
                            "--shadow-days",
                            "2",
                            "-o",
                            out.toString(),
                            "--requests",
                            "600",
                            "--seed",
                            "3"),
                    err);
        }
        assertTrue(java.nio.file.Files.exists(a.resolve("2026-11-21/shadow.jsonl")), "shadow on the first two days");
        assertTrue(java.nio.file.Files.notExists(a.resolve("2026-11-22/shadow.jsonl")));
        assertTrue(java.nio.file.Files.exists(a.resolve("2026-11-22/canary.jsonl")), "then the ramp");
        assertTrue(java.nio.file.Files.notExists(a.resolve("2026-11-25/live.jsonl")), "the 100% day has no live log");
        assertEquals(
                List.of("day,share", "2026-11-22,0.01", "2026-11-23,0.2", "2026-11-24,0.5", "2026-11-25,1.0"),
                java.nio.file.Files.readAllLines(a.resolve("ramp.csv")));
        for (String f : List.of("2026-11-20/live.jsonl", "2026-11-23/canary.jsonl", "2026-11-24/labels.csv")) {
            assertEquals(-1L, java.nio.file.Files.mismatch(a.resolve(f), b.resolve(f)), f + ": same seed, same bytes");
        }
        assertEquals(2, run("generate", "--shadow-days", "2", "-o", a.toString(), "--requests", "60"));
        assertTrue(err.contains("--shadow-days needs --canary"), err);
    }

    @Test
    void generateCanaryWritesFourRampDays() throws Exception {
        Path logs = dir.resolve("canary");
        assertEquals(0, run("generate", "--canary", "-o", logs.toString(), "--requests", "4000", "--seed", "3"), err);
        assertEquals(
                5, java.nio.file.Files.readAllLines(logs.resolve("ramp.csv")).size());
        assertTrue(java.nio.file.Files.exists(logs.resolve("2026-11-23/canary.jsonl")));
    }
}
