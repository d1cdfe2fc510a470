package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.ingest.SampleWorkspace;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code summary} on a workspace built from data/sample: every key of the summary --json contract is there. */
class SummaryCommandTest {
    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void buildWorkspace() throws Exception {
        SampleWorkspace.extractLogs(dir.resolve("logs"));
        ws = dir.resolve("sample.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            SampleWorkspace.importInto(w, dir.resolve("logs"), ProgressSink.NONE);
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = ShadowbenchCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasEveryContractKey() throws Exception {
        Run r = run("summary", "-w", ws.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        String[][] keys = {
            {
                "counts",
                "baseline_rows",
                "candidate_rows",
                "paired",
                "baseline_only",
                "candidate_only",
                "duplicate_rows",
                "quarantined_rows"
            },
            {"divergence", "kind", "mean_abs", "median_abs", "p95_abs", "max_abs", "histogram"},
            {"latency_ms", "baseline", "candidate"},
            {"tests", "prediction_ks", "latency_mann_whitney", "prediction_psi", "complaint_rate"},
            {"labels", "labelled_pairs", "baseline", "candidate"},
            {"feedback", "baseline", "candidate", "by_day"},
            {"traffic", "by_day"},
            {"comparison", "baseline", "candidate", "from", "to"},
            {"breakdowns", "by_segment", "by_day"}
        };
        for (String[] k : keys) {
            assertTrue(j.has(k[0]), "missing " + k[0]);
            for (int i = 1; i < k.length; i++) assertTrue(j.get(k[0]).has(k[i]), "missing " + k[0] + "." + k[i]);
        }
        for (String side : List.of("baseline", "candidate")) {
            for (String f : List.of("p50", "p95", "p99", "max", "mean")) {
                assertTrue(j.at("/latency_ms/" + side).has(f), side + " latency " + f);
            }
            for (String f : List.of("mae", "rmse", "accuracy"))
                assertTrue(j.at("/labels/" + side).has(f), side + " labels " + f);
            assertTrue(j.at("/feedback").get(side).isNull(), "the sample logs carry no feedback");
        }
        assertTrue(j.at("/tests/prediction_ks").has("statistic")
                && j.at("/tests/prediction_ks").has("p_value"));
        assertTrue(j.at("/tests/latency_mann_whitney").has("u")
                && j.at("/tests/latency_mann_whitney").has("p_value"));
        assertTrue(j.at("/tests/prediction_psi").isNumber());
        // data/sample injects extreme, negative and label-matching candidate forecasts: they are listed
        assertTrue(j.get("outliers").isArray() && !j.get("outliers").isEmpty());
        for (JsonNode o : j.get("outliers")) {
            assertTrue(
                    o.get("request_id").asText().startsWith("req-") && o.hasNonNull("rule") && o.hasNonNull("detail"),
                    o.toString());
        }
        assertTrue(j.at("/outlier_counts/flagged_pairs").asLong()
                >= j.get("outliers").size() / 7);
        assertTrue(j.get("findings").isArray());
        assertTrue(List.of("promote", "hold", "rollback")
                .contains(j.at("/verdict/recommendation").asText()));
        assertTrue(j.at("/verdict/gates").size() > 0);
        for (JsonNode g : j.at("/verdict/gates")) {
            assertTrue(g.has("name") && g.has("value") && g.has("threshold") && g.has("passed"), g.toString());
        }
        JsonNode day = j.at("/traffic/by_day/0");
        for (String f : List.of("day", "requests", "candidate_share", "configured_share"))
            assertTrue(day.has(f), "traffic " + f);
        assertEquals("2026-11-20", day.get("day").asText());

        assertEquals("regression", j.at("/divergence/kind").asText());
        assertEquals("live/*/*", j.at("/comparison/baseline").asText());
        long paired = j.at("/counts/paired").asLong();
        assertTrue(paired > 4000, "the sample pairs most of its 5000 requests");
        long histogram = 0;
        for (JsonNode n : j.at("/divergence/histogram/counts")) histogram += n.asLong();
        assertEquals(j.at("/divergence/pairs_with_value").asLong(), histogram);
        assertEquals(
                paired,
                j.at("/divergence/pairs_with_value").asLong()
                        + j.at("/divergence/pairs_without_value").asLong());
        assertTrue(j.at("/counts/duplicate_rows").asLong() > 0, "the sample injects duplicate_live records");
        assertTrue(j.at("/labels/labelled_pairs").asLong() > 0);
    }

    @Test
    void textModeAndExplicitSides() {
        Run r = run(
                "summary",
                "-w",
                ws.toString(),
                "--baseline",
                "live/ridge/*",
                "--candidate",
                "*/gbr/2.0.0-rc1",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-20",
                "--latency-budget-ms",
                "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ridge live vs gbr 2.0.0-rc1"), r.out());
        assertTrue(r.out().contains("Latency p50/p95/p99"), r.out());
        assertFalse(r.out().trim().startsWith("{"));
    }

    @Test
    void badInputExitsWithTwo() {
        assertEquals(
                2,
                run("summary", "-w", dir.resolve("missing.duckdb").toString(), "--json")
                        .code());
        assertEquals(
                2,
                run("summary", "-w", ws.toString(), "--baseline", "live/ridge").code(),
                "a side is VARIANT or VARIANT/MODEL/VERSION");
        assertEquals(
                2,
                run("summary", "-w", ws.toString(), "--from", "2026-11-21", "--to", "2026-11-20")
                        .code());
        assertEquals(
                2,
                run("summary", "-w", ws.toString(), "--latency-budget-ms", "-1").code());
    }
}
