package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's canary figures on small imported canary logs (each request served by one arm). */
class CanarySummaryTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.inMemory();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** {@code n} requests of one arm on {@code day}, ids prefix+i, every {@code every}-th one complaining. */
    static String arm(String prefix, String day, int n, int every) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"request_id\":\"")
                    .append(prefix)
                    .append(i)
                    .append("\",\"timestamp\":\"")
                    .append(day)
                    .append("T10:00:00\",\"prediction\":0.5,\"user_complaint\":")
                    .append(every > 0 && i % every == 0)
                    .append("}\n");
        }
        return sb.toString();
    }

    void importArm(String variant, String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        new LogImporter(ws).run(ImportRequest.predictions(List.of(p), variant), ProgressSink.NONE);
    }

    Summary summary() throws Exception {
        try (Connection c = ws.connect()) {
            return SummaryService.compute(
                    c,
                    new Comparison(Side.variant("live"), Side.variant("canary"), null, null),
                    SummaryOptions.DEFAULT,
                    ProgressSink.NONE);
        }
    }

    @Test
    void complaintRateCountsTrueNotEveryRecordWithFeedback() throws Exception {
        importArm("live", "live.jsonl", arm("l", "2026-11-20", 100, 10));
        importArm("canary", "canary.jsonl", arm("c", "2026-11-20", 20, 5));
        Summary s = summary();
        // every record carries user_complaint (true or false): the old rule gave a rate of 1.0 on both sides
        assertEquals(new Summary.SideFeedback(100, 100, 10, 0.1), s.feedback().baseline());
        assertEquals(new Summary.SideFeedback(20, 20, 4, 0.2), s.feedback().candidate());
    }

    @Test
    void plannedAndObservedSharesFeedbackPerDayAndTheComplaintTest() throws Exception {
        importArm("live", "live1.jsonl", arm("l1-", "2026-11-20", 990, 50)); // 20 complaints (2.0%)
        importArm("canary", "canary1.jsonl", arm("c1-", "2026-11-20", 10, 0)); // 1% of the traffic, no complaint
        importArm("live", "live2.jsonl", arm("l2-", "2026-11-21", 906, 50)); // 19 complaints
        importArm(
                "canary",
                "canary2.jsonl",
                arm("c2-", "2026-11-21", 94, 10)); // 9.4% though 1% is planned; 10 complaints
        importArm("live", "live3.jsonl", arm("l3-", "2026-11-22", 800, 50)); // 16 complaints
        importArm("canary", "canary3.jsonl", arm("c3-", "2026-11-22", 200, 50)); // 20% as planned; 4 complaints
        try (Connection c = ws.connect()) {
            RampPlan.set(
                    c,
                    "canary/*/*",
                    java.util.Map.of(
                            java.time.LocalDate.of(2026, 11, 20), 0.01, java.time.LocalDate.of(2026, 11, 22), 0.2),
                    RampPlan.BY_HAND);
        }
        Summary s = summary();

        assertEquals(
                List.of(0.01, 0.01, 0.2),
                s.traffic().byDay().stream()
                        .map(Summary.TrafficDay::configuredShare)
                        .toList());
        List<Summary.Finding> share = s.findings().stream()
                .filter(f -> f.rule().equals("traffic_share"))
                .toList();
        assertEquals(1, share.size(), s.findings().toString());
        assertEquals(
                "2026-11-21: configured 1%, observed 9.4% (94 of 1,000 requests): routing misconfigured?",
                share.get(0).detail());
        assertEquals(0.094, share.get(0).value(), 1e-12);
        assertEquals(0.01, share.get(0).threshold(), 1e-12);

        List<CanaryFeedback.Day> days = s.feedback().byDay();
        assertEquals(3, days.size());
        assertEquals(
                new CanaryFeedback.ArmDay(
                        10, 10, 0, 0.0, 0.0, days.get(0).candidate().ciHigh()),
                days.get(0).candidate());
        assertEquals(
                ComplaintStats.Reading.NOT_ENOUGH_TRAFFIC,
                days.get(0).comparison().reading());
        assertEquals(ComplaintStats.Reading.WORSE, days.get(1).comparison().reading());
        assertEquals(
                ComplaintStats.compare(new ComplaintStats.Arm(906, 19), new ComplaintStats.Arm(94, 10)),
                days.get(1).comparison());

        // over the window: 55 of 2696 vs 14 of 304
        assertEquals(
                ComplaintStats.compare(new ComplaintStats.Arm(2696, 55), new ComplaintStats.Arm(304, 14)),
                s.tests().complaintRate());

        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(dev.shadowbench.core.json.Json.write(s));
        com.fasterxml.jackson.databind.JsonNode t = json.path("tests").path("complaint_rate");
        for (String key : List.of("difference", "ci_low", "ci_high", "p_value", "method")) assertTrue(t.has(key), key);
        assertEquals(
                "not_enough_traffic",
                json.path("feedback")
                        .path("by_day")
                        .get(0)
                        .path("comparison")
                        .path("reading")
                        .asText());
        assertEquals(
                0.01,
                json.path("traffic")
                        .path("by_day")
                        .get(0)
                        .path("configured_share")
                        .asDouble(),
                1e-15);
        assertEquals(
                0.1,
                json.path("feedback")
                        .path("by_day")
                        .get(1)
                        .path("baseline")
                        .path("complaint_rate")
                        .asDouble(),
                0.1);
    }

    @Test
    void withoutFeedbackTheComplaintTestIsUnavailable() throws Exception {
        Files.writeString(dir.resolve("l.jsonl"), "{\"request_id\":\"a\",\"prediction\":1}\n");
        Files.writeString(dir.resolve("c.jsonl"), "{\"request_id\":\"b\",\"prediction\":1}\n");
        new LogImporter(ws).run(ImportRequest.predictions(List.of(dir.resolve("l.jsonl")), "live"), ProgressSink.NONE);
        new LogImporter(ws)
                .run(ImportRequest.predictions(List.of(dir.resolve("c.jsonl")), "canary"), ProgressSink.NONE);
        Summary s = summary();
        assertNull(s.tests().complaintRate());
        assertTrue(s.feedback().byDay().isEmpty());
        assertTrue(s.unavailable().containsKey("tests.complaint_rate"));
    }
}
