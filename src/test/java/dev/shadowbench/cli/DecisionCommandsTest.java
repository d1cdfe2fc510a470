package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionCommandsTest {
    @TempDir
    Path dir;

    private Path ws;
    private String out;
    private String err;

    @BeforeEach
    void workspace() throws Exception {
        SyntheticLogs.write(dir.resolve("logs"), SyntheticLogs.Options.of(300, 7, 1), null);
        ws = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            Path day = dir.resolve("logs/2026-11-20");
            new LogImporter(w)
                    .run(
                            ImportRequest.predictions(
                                    List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                            ProgressSink.NONE);
        }
    }

    private int run(String... args) {
        CliRun.Result r = CliRun.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void decideListVerifyAndDetectTampering() throws Exception {
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
                        "--note",
                        "routing ok"),
                err);
        assertTrue(out.startsWith("Recorded decision #1: advance gbr 2.0.0-rc1 by ana"), out);
        assertEquals(
                0,
                run(
                        "decide",
                        "-w",
                        ws.toString(),
                        "--decision",
                        "hold",
                        "--reviewer",
                        "bo",
                        "--note",
                        "wait for labels"),
                err);
        assertEquals(
                0,
                run(
                        "decide",
                        "-w",
                        ws.toString(),
                        "--decision",
                        "retire",
                        "--reviewer",
                        "bo",
                        "--model",
                        "ridge",
                        "--model-version",
                        "0.9"),
                err);

        assertEquals(0, run("decisions", "-w", ws.toString(), "--json"), err);
        JsonNode arr = new ObjectMapper().readTree(out);
        assertEquals(3, arr.size());
        assertEquals(
                "canary 1%", arr.get(1).get("stage").asText(), "the hold was recorded at the stage advance reached");
        assertEquals(0.01, arr.get(1).get("traffic_share").asDouble());
        assertEquals("shadow", arr.get(0).get("stage").asText());
        // 300 requests, the generator's only duplicates are extra live rows
        assertEquals(
                300,
                arr.get(0).at("/evidence/counts/baseline_rows").asLong()
                        - arr.get(0).at("/evidence/counts/duplicate_rows").asLong(),
                "evidence snapshot holds the counts");
        assertEquals(9, arr.get(0).at("/evidence/verdict/gates").size());

        assertEquals(0, run("decisions", "-w", ws.toString(), "--verify"), out);
        assertTrue(out.contains("chain intact"), out);

        try (Workspace w = Workspace.open(ws);
                Connection c = w.connect();
                Statement st = c.createStatement()) {
            st.execute("UPDATE decisions SET note = 'edited later' WHERE seq = 2");
        }
        assertEquals(DecisionsCommand.TAMPERED, run("decisions", "-w", ws.toString(), "--verify"));
        assertTrue(out.contains("seq 2 altered"), out);

        try (Workspace w = Workspace.open(ws);
                Connection c = w.connect();
                Statement st = c.createStatement()) {
            st.execute("UPDATE decisions SET note = 'wait for labels' WHERE seq = 2");
            st.execute("DELETE FROM decisions WHERE seq = 1");
        }
        assertEquals(3, run("decisions", "-w", ws.toString(), "--verify"));
        assertTrue(out.contains("seq 1 removed"), out);
    }

    @Test
    void reportInEveryFormat() throws Exception {
        assertEquals(0, run("decide", "-w", ws.toString(), "--decision", "hold", "--reviewer", "ana"), err);
        for (String f : List.of("html", "md", "json")) {
            Path file = dir.resolve("out/report." + f);
            assertEquals(0, run("report", "-w", ws.toString(), "--format", f, "-o", file.toString()), err);
            assertTrue(Files.size(file) > 500, f);
            // every report prints the log's head, so a later erased or shortened log can be told (issue 19, case 4)
            assertTrue(Files.readString(file).contains("decision log head: seq 1, hash "), f);
            assertTrue(err.contains("Wrote " + f + " report"), err);
        }
        assertTrue(Files.readString(dir.resolve("out/report.html")).contains("gbr 2.0.0-rc1"));
        assertFalse(Files.exists(dir.resolve("out/report.html.partial")));
    }

    @Test
    void reviewerDefaultsToTheNameSetInTheWindow() throws Exception {
        Path home = dir.resolve("home");
        String before = System.getProperty("shadowbench.home");
        System.setProperty("shadowbench.home", home.toString());
        try {
            assertEquals(2, run("decide", "-w", ws.toString(), "--decision", "hold"));
            assertTrue(err.contains("No reviewer: name one with --reviewer NAME"), err);

            AppHome settings = new AppHome(home);
            settings.rememberReviewer("ana");
            settings.flush();
            assertEquals(0, run("decide", "-w", ws.toString(), "--decision", "hold"), err);
            assertTrue(out.contains(" by ana at "), out);
            assertEquals(0, run("decide", "-w", ws.toString(), "--decision", "hold", "--by", "bo"), err);
            assertTrue(out.contains(" by bo at "), out);
        } finally {
            if (before == null) System.clearProperty("shadowbench.home");
            else System.setProperty("shadowbench.home", before);
        }
    }

    @Test
    void badInputExitsTwo() {
        assertEquals(2, run("decide", "-w", ws.toString(), "--decision", "ship-it", "--reviewer", "ana"));
        assertTrue(err.contains("Unknown decision 'ship-it'"), err);
        assertEquals(
                2,
                run(
                        "report",
                        "-w",
                        dir.resolve("missing.duckdb").toString(),
                        "-o",
                        dir.resolve("r.html").toString()));
        assertFalse(Files.exists(dir.resolve("missing.duckdb")), "a missing workspace is never created");
        assertEquals(
                2,
                run(
                        "report",
                        "-w",
                        ws.toString(),
                        "--format",
                        "pdf",
                        "-o",
                        dir.resolve("r.pdf").toString()));
        assertEquals(2, run("decisions", "-w", ws.toString(), "--json", "--verify"));
        assertEquals(
                2,
                run("decide", "-w", ws.toString(), "--decision", "hold", "--reviewer", "ana", "--traffic-share", "2"));
    }
}
