package dev.shadowbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" on the command line, as canary.md shows it: a generated 4-day canary, imported with its
 * labels and its ramp plan; {@code summary --json} gives per-day shares, complaint rates and advice with the next step.
 */
class GeneratedCanaryCommandTest {
    @TempDir
    Path dir;

    static JsonNode json(SummaryCommandTest.Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void summaryOfAFourDayCanaryGivesSharesComplaintsAndTheNextStep() throws Exception {
        Path logs = dir.resolve("canary");
        String ws = dir.resolve("c.duckdb").toString();
        assertEquals(
                0,
                SummaryCommandTest.run(
                                "generate", "-o", logs.toString(), "--requests", "40000", "--seed", "1", "--canary")
                        .code());
        List<String> predictions = new ArrayList<>(List.of("import", "-w", ws, "-q"));
        List<String> labels = new ArrayList<>(List.of("import", "-w", ws, "-q", "--labels"));
        List<String> ramp = new ArrayList<>(List.of("ramp", "-w", ws));
        for (String line : Files.readAllLines(logs.resolve("ramp.csv")).subList(1, 5)) {
            String day = line.substring(0, 10);
            Path live = logs.resolve(day).resolve("live.jsonl");
            if (Files.exists(live)) predictions.add(live.toString());
            predictions.add(logs.resolve(day).resolve("canary.jsonl").toString());
            labels.add(logs.resolve(day).resolve("labels.csv").toString());
            ramp.addAll(List.of("--set", line.replace(',', '=')));
        }
        for (List<String> cmd : List.of(predictions, labels, ramp)) {
            SummaryCommandTest.Run r = SummaryCommandTest.run(cmd.toArray(String[]::new));
            assertEquals(0, r.code(), cmd + ": " + r.err());
        }

        // after the 20% day: advance to 50%
        JsonNode j = json(SummaryCommandTest.run("summary", "-w", ws, "--json", "--to", "2026-11-21"));
        assertEquals(
                "advance",
                j.at("/verdict/recommendation").asText(),
                j.at("/verdict/gates").toString());
        assertEquals("advance to 50% (from 20%)", j.at("/verdict/advice/text").asText());
        assertEquals(0.5, j.at("/canary/advice/next_share").asDouble(), 1e-12);
        JsonNode days = j.at("/traffic/by_day");
        assertEquals(2, days.size());
        assertEquals(0.01, days.get(0).path("configured_share").asDouble(), 1e-12);
        assertEquals(0.2, days.get(1).path("configured_share").asDouble(), 1e-12);
        assertEquals(0.2, days.get(1).path("candidate_share").asDouble(), 0.02);

        // the whole ramp: a share and complaint rates per day; at 100% the next step is to promote
        j = json(SummaryCommandTest.run("summary", "-w", ws, "--json"));
        assertEquals(4, j.at("/traffic/by_day").size());
        assertEquals(1.0, j.at("/traffic/by_day/3/candidate_share").asDouble(), 1e-12);
        JsonNode feedback = j.at("/feedback/by_day");
        assertEquals(4, feedback.size());
        for (int d = 0; d < 3; d++) {
            double live = feedback.get(d).at("/baseline/complaint_rate").asDouble();
            double canary = feedback.get(d).at("/candidate/complaint_rate").asDouble();
            assertTrue(
                    live > 0.01 && live < 0.03 && canary >= 0 && canary < 0.03,
                    feedback.get(d).toString());
        }
        assertTrue(j.at("/tests/complaint_rate").has("p_value"), j.at("/tests").toString());
        assertEquals(4, j.at("/canary/by_day").size());
        assertTrue(
                j.at("/verdict/advice/text").asText().startsWith("promote"),
                j.at("/verdict").toString());
    }
}
