package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.generate.CanaryLogs;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary's gates, advice and {@code canary} JSON block on a generated 4-day ramp (1%, 20%, 50%, 100%). */
class CanaryReviewTest {
    static final LocalDate DAY1 = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void importRamp() throws Exception {
        CanaryLogs.write(dir, SyntheticLogs.Options.of(40_000, 11, 4), null);
        ws = Workspace.inMemory();
        List<Path> logs = new ArrayList<>(), labels = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            Path day = dir.resolve(DAY1.plusDays(d).toString());
            if (Files.exists(day.resolve("live.jsonl"))) logs.add(day.resolve("live.jsonl"));
            logs.add(day.resolve("canary.jsonl"));
            labels.add(day.resolve("labels.csv"));
        }
        new LogImporter(ws).run(ImportRequest.predictions(logs, null), ProgressSink.NONE);
        new LogImporter(ws).run(ImportRequest.labels(labels), ProgressSink.NONE);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    ReviewSummary review(LocalDate to, Map<LocalDate, Double> plan) throws Exception {
        return review(to, plan, GateSettings.defaults());
    }

    ReviewSummary review(LocalDate to, Map<LocalDate, Double> plan, GateSettings gates) throws Exception {
        try (Connection c = ws.connect()) {
            Comparison cmp = new Comparison(Side.variant("live"), Side.variant("canary"), null, to);
            if (!plan.isEmpty()) RampPlan.set(c, cmp.candidate().key(), plan, RampPlan.BY_HAND);
            return ReviewSummary.compute(
                    c, cmp, SummaryOptions.DEFAULT, OutlierStore.loadSettings(c), gates, ProgressSink.NONE);
        }
    }

    static Map<LocalDate, Double> ramp() {
        Map<LocalDate, Double> plan = new LinkedHashMap<>();
        for (int d = 0; d < 4; d++) plan.put(DAY1.plusDays(d), CanaryLogs.RAMP.get(d));
        return plan;
    }

    @Test
    void afterTheTwentyPercentDayTheAdviceIsAdvanceToFiftyPercent() throws Exception {
        ReviewSummary r = review(DAY1.plusDays(1), ramp());
        Verdict v = r.verdict();
        assertTrue(r.summary().canary());
        assertTrue(v.gates().stream().noneMatch(g -> g.name().equals("coverage")), "no pairing gate in a canary");
        assertEquals(Recommendation.ADVANCE, v.recommendation(), v.gates().toString());
        assertEquals(0.2, v.advice().currentShare(), 1e-12);
        assertEquals(0.5, v.advice().nextShare(), 1e-12);
        assertEquals("advance to 50% (from 20%)", v.advice().text());

        CanaryReview c = CanaryReview.of(r);
        assertEquals(2, c.byDay().size());
        CanaryReview.Day d1 = c.byDay().get(0);
        assertEquals(0.01, d1.plannedShare(), 1e-12);
        assertEquals(0.01, d1.observedShare(), 0.01);
        assertTrue(d1.candidateRequests() > 0 && d1.baselineRequests() > 0);
        assertNotNull(d1.candidateComplaints().ciHigh());
        assertNotNull(d1.candidateLatencyP95());
        assertNotNull(c.byDay().get(1).predictionKs());
        assertEquals(4, c.plan().size());

        JsonNode j = Json.mapper().valueToTree(ReviewJson.contract(r));
        assertEquals("advance", j.at("/verdict/recommendation").asText());
        assertEquals(0.5, j.at("/canary/advice/next_share").asDouble(), 1e-12);
        assertTrue(j.at("/canary/by_day/0/candidate_complaints/ci_low").isNumber(), j.toString());
        assertTrue(j.at("/canary/by_day/1/prediction_ks/statistic").isNumber());
        assertTrue(j.at("/canary/window/labels/candidate_labelled").asLong() > 0);
    }

    @Test
    void atFullTrafficTheSlowerCanaryIsRolledBackAndWithLooserLatencyLimitsPromoted() throws Exception {
        // the generated canary answers slower (median 23 ms against 20, a wider tail): its p99 over the whole ramp
        // is about 79 ms against 54, beyond 1.1x and +10 ms
        ReviewSummary r = review(null, ramp());
        assertEquals(
                Recommendation.ROLLBACK,
                r.verdict().recommendation(),
                r.verdict().gates().toString());
        assertEquals(
                "roll back: route all traffic to the baseline",
                r.verdict().advice().text());
        GateSettings loose = GateSettings.defaults().with("latencyP99MaxRatio", 2.0);
        r = review(null, Map.of(), loose);
        assertEquals(
                Recommendation.PROMOTE,
                r.verdict().recommendation(),
                r.verdict().gates().toString());
        assertNull(r.verdict().advice().nextShare());
        assertEquals(1.0, r.verdict().advice().currentShare(), 1e-12);
    }

    @Test
    void aComplaintRateAboveTheLimitsButWithinNoiseDoesNotFail() throws Exception {
        // through the 20% day the canary's rate is 2.0% against 1.8%: beyond 1.1x and +0.1 pp, but p > 0.05
        GateResult g = review(DAY1.plusDays(1), ramp()).verdict().gates().stream()
                .filter(x -> x.name().equals("complaint_rate"))
                .findFirst()
                .orElseThrow();
        assertEquals(GateStatus.PASS, g.status(), g.detail());
        assertTrue(g.detail().contains("no difference seen"), g.detail());
    }

    @Test
    void theReportsShowTheCanaryDaysAndTheAdvice() throws Exception {
        review(DAY1.plusDays(1), ramp());
        Comparison cmp = new Comparison(Side.variant("live"), Side.variant("canary"), null, DAY1.plusDays(1));
        try (Connection c = ws.connect()) {
            var content = dev.shadowbench.core.report.ReportBuilder.collect(
                    c,
                    cmp,
                    ReviewSummary.source(SummaryOptions.DEFAULT),
                    GateSettings.defaults(),
                    "mem",
                    java.time.LocalDateTime.of(2026, 11, 22, 8, 0));
            String md = dev.shadowbench.core.report.ReportFormat.MD.render(content);
            assertTrue(md.contains("## Canary\n\nadvance to 50% \\(from 20%\\)"), md);
            assertTrue(md.contains("| 2026-11-21 | 20% |"), md);
            String html = dev.shadowbench.core.report.ReportFormat.HTML.render(content);
            assertTrue(html.contains("<h2>Canary</h2>"), html);
            assertTrue(html.contains("advance to 50% (from 20%)"), html);
        }
    }

    @Test
    void withoutAPlanTheNextStepIsTheUsualRampAboveTheObservedShare() throws Exception {
        ReviewSummary r = review(DAY1, Map.of());
        assertTrue(r.summary().canary(), "the variant is named canary");
        assertEquals(
                Recommendation.ADVANCE,
                r.verdict().recommendation(),
                r.verdict().gates().toString());
        assertEquals(0.2, r.verdict().advice().nextShare(), 1e-12);
        assertEquals(
                GateStatus.NO_DATA,
                r.verdict().gates().stream()
                        .filter(g -> g.name().equals("traffic_share"))
                        .findFirst()
                        .orElseThrow()
                        .status());
    }

    @Test
    void aShadowComparisonHasNoCanaryBlock() throws Exception {
        Path ws2 = SmallWorkspace.create(dir.resolve("small"));
        try (Workspace w = Workspace.open(ws2);
                Connection c = w.connect()) {
            ReviewSummary r =
                    ReviewSummary.compute(c, Comparison.defaultFor(c), SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertFalse(r.summary().canary());
            assertNull(CanaryReview.of(r));
            assertFalse(Json.mapper().valueToTree(ReviewJson.contract(r)).has("canary"));
            assertNull(r.verdict().advice());
        }
    }
}
