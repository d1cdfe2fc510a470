package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.generate.CanaryLogs;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated 4-day canary, imported with its ramp plan: the summary's per-day shares and complaint rates. */
class GeneratedCanaryTest {
    @TempDir
    Path dir;

    @Test
    void fourDayRampGivesPlannedSharesAndComplaintRatesPerDay() throws Exception {
        CanaryLogs.write(dir, SyntheticLogs.Options.of(40_000, 11, 4), null);
        try (Workspace ws = Workspace.inMemory()) {
            List<Path> logs = new java.util.ArrayList<>(), labels = new java.util.ArrayList<>();
            for (int d = 0; d < 4; d++) {
                Path day = dir.resolve(LocalDate.of(2026, 11, 20).plusDays(d).toString());
                if (Files.exists(day.resolve("live.jsonl"))) logs.add(day.resolve("live.jsonl"));
                logs.add(day.resolve("canary.jsonl"));
                labels.add(day.resolve("labels.csv"));
            }
            new LogImporter(ws).run(ImportRequest.predictions(logs, null), ProgressSink.NONE);
            new LogImporter(ws).run(ImportRequest.labels(labels), ProgressSink.NONE);
            Summary s;
            try (Connection c = ws.connect()) {
                Map<LocalDate, Double> plan = new LinkedHashMap<>();
                for (String line : Files.readAllLines(dir.resolve("ramp.csv")).subList(1, 5)) {
                    var step = RampPlan.parseStep(line.replace(',', '='));
                    plan.put(step.getKey(), step.getValue());
                }
                Comparison cmp = Comparison.defaultFor(c);
                assertEquals(new Comparison(Side.variant("live"), Side.variant("canary"), null, null), cmp);
                RampPlan.set(c, cmp.candidate().key(), plan, RampPlan.BY_HAND);
                s = SummaryService.compute(c, cmp, SummaryOptions.DEFAULT, ProgressSink.NONE);
            }
            assertEquals(0, s.counts().paired(), "each request is served by one arm");
            assertEquals(
                    CanaryLogs.RAMP,
                    s.traffic().byDay().stream()
                            .map(Summary.TrafficDay::configuredShare)
                            .toList());
            for (int d = 0; d < 4; d++) {
                assertEquals(CanaryLogs.RAMP.get(d), s.traffic().byDay().get(d).candidateShare(), 0.02);
            }
            assertTrue(
                    s.findings().stream().noneMatch(f -> f.rule().equals("traffic_share")),
                    s.findings().toString());
            List<CanaryFeedback.Day> days = s.feedback().byDay();
            assertEquals(4, days.size());
            // day 1: about 100 canary requests, 2 complaints expected: too little to tell
            assertEquals(
                    ComplaintStats.Reading.NOT_ENOUGH_TRAFFIC,
                    days.get(0).comparison().reading());
            assertEquals(0.02, days.get(1).baseline().complaintRate(), 0.006);
            assertNotNull(days.get(2).comparison());
            // day 4 is all canary: no baseline to compare with
            assertEquals(0, days.get(3).baseline().requests());
            assertNull(days.get(3).comparison());
            assertNotNull(s.tests().complaintRate());
        }
    }
}
