package dev.shadowbench.core.decide;

import static dev.shadowbench.core.decide.Fixtures.summary;
import static dev.shadowbench.core.decide.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class GateEngineTest {
    private final GateSettings defaults = GateSettings.defaults();

    private static GateResult gate(Verdict v, String name) {
        return v.gates().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void goodCandidatePromotesWithMeasuredValuesAndThresholds() {
        Verdict v = GateEngine.evaluate(summary("summary-good.json"), defaults);
        GateResult lat = gate(v, "latency_p99");
        assertEquals(GateStatus.PASS, lat.status(), lat.detail());
        assertEquals(98.0, lat.value());
        assertTrue(lat.threshold().contains("1.10×") || lat.threshold().contains("1.1×"), lat.threshold());
        assertEquals(GateStatus.PASS, gate(v, "label_error").status());
        assertEquals(3.2, gate(v, "label_error").value());
        assertEquals(GateStatus.NO_DATA, gate(v, "complaint_rate").status(), "null complaint rates are no data");
        assertNull(gate(v, "complaint_rate").passed());
        // outlier share: 2 of 9965
        assertEquals(2 / 9965.0, gate(v, "outlier_share").value(), 1e-12);
        // coverage 9965 / (9965 + 35 + 5) = 0.99600...
        assertEquals(9965 / 10005.0, gate(v, "coverage").value(), 1e-12);
        // the complaint gate is critical and lacks data, so the verdict cannot be promote
        assertEquals(Recommendation.HOLD, v.recommendation());
        assertEquals(1.0, v.score());
    }

    @Test
    void promotesWhenEveryCriticalGateHasDataAndPasses() {
        ObjectNode s = summary("summary-good.json");
        with(s, "feedback.baseline.complaint_rate", 0.010);
        with(s, "feedback.candidate.complaint_rate", 0.0105);
        Verdict v = GateEngine.evaluate(s, defaults);
        assertEquals(GateStatus.PASS, gate(v, "complaint_rate").status(), gate(v, "complaint_rate").detail());
        assertEquals(Recommendation.PROMOTE, v.recommendation());
    }

    @Test
    void latencyGateNeedsBothRelativeAndAbsoluteIncrease() {
        // 5 ms -> 10 ms: +100% but only +5 ms, so harmless
        ObjectNode small = with(with(summary("summary-good.json"), "latency_ms.baseline.p99", 5.0), "latency_ms.candidate.p99", 10.0);
        assertEquals(GateStatus.PASS, GateEngine.latencyP99(small, defaults).status());
        // 100 ms -> 109 ms: +9 ms but only 1.09x, so fine
        ObjectNode within = with(with(summary("summary-good.json"), "latency_ms.baseline.p99", 100.0), "latency_ms.candidate.p99", 109.0);
        assertEquals(GateStatus.PASS, GateEngine.latencyP99(within, defaults).status());
        // 100 ms -> 125 ms: 1.25x and +25 ms, fails
        ObjectNode slower = with(with(summary("summary-good.json"), "latency_ms.baseline.p99", 100.0), "latency_ms.candidate.p99", 125.0);
        GateResult r = GateEngine.latencyP99(slower, defaults);
        assertEquals(GateStatus.FAIL, r.status());
        assertTrue(r.detail().contains("1.25×"), r.detail());
        // 240 ms -> 260 ms: 1.083x, +20 ms, but over the 250 ms budget
        ObjectNode budget = with(with(summary("summary-good.json"), "latency_ms.baseline.p99", 240.0), "latency_ms.candidate.p99", 260.0);
        assertEquals(GateStatus.FAIL, GateEngine.latencyP99(budget, defaults).status());
    }

    @Test
    void failedCriticalGateMeansRollbackWhateverTheScore() {
        ObjectNode s = with(with(summary("summary-good.json"), "latency_ms.baseline.p99", 100.0), "latency_ms.candidate.p99", 200.0);
        with(s, "feedback.baseline.complaint_rate", 0.01);
        with(s, "feedback.candidate.complaint_rate", 0.01);
        Verdict v = GateEngine.evaluate(s, defaults);
        assertEquals(GateStatus.FAIL, gate(v, "latency_p99").status());
        assertTrue(v.score() > 0.8, "8 of 9 gates pass: " + v.score());
        assertEquals(Recommendation.ROLLBACK, v.recommendation());
    }

    @Test
    void nonCriticalFailuresLowerTheScoreToHold() {
        ObjectNode s = summary("summary-good.json");
        with(s, "feedback.baseline.complaint_rate", 0.01);
        with(s, "feedback.candidate.complaint_rate", 0.01);
        with(s, "divergence.p95_abs", 50.0);
        with(s, "tests.prediction_psi", 0.5);
        Verdict v = GateEngine.evaluate(s, defaults);
        assertEquals(GateStatus.FAIL, gate(v, "divergence_p95").status());
        assertEquals(GateStatus.FAIL, gate(v, "prediction_psi").status());
        assertEquals(7.0 / 9, v.score(), 1e-12);
        assertEquals(Recommendation.HOLD, v.recommendation());
    }

    @Test
    void significantButTinyDistributionShiftPasses() {
        ObjectNode s = summary("summary-good.json");
        // p far below alpha but D = 0.04 < 0.1: on 10k pairs everything is significant
        assertEquals(GateStatus.PASS, GateEngine.predictionKs(s, defaults).status());
        with(s, "tests.prediction_ks.statistic", 0.3);
        assertEquals(GateStatus.FAIL, GateEngine.predictionKs(s, defaults).status());
        with(s, "tests.prediction_ks.p_value", 0.2);
        assertEquals(GateStatus.PASS, GateEngine.predictionKs(s, defaults).status(), "large D but not significant");
    }

    @Test
    void complaintRateUsesAbsoluteCompanion() {
        ObjectNode s = summary("summary-good.json");
        with(s, "feedback.baseline.complaint_rate", 0.0001);
        with(s, "feedback.candidate.complaint_rate", 0.0004); // 4x but +0.03 pp
        assertEquals(GateStatus.PASS, GateEngine.complaints(s, defaults).status());
        with(s, "feedback.candidate.complaint_rate", 0.003); // 30x and +0.29 pp
        assertEquals(GateStatus.FAIL, GateEngine.complaints(s, defaults).status());
    }

    @Test
    void emptySummaryIsAllNoDataAndHold() {
        Verdict v = GateEngine.evaluate(JsonNodeFactory.instance.objectNode(), defaults);
        assertEquals(9, v.count(GateStatus.NO_DATA));
        assertNull(v.score());
        assertEquals(Recommendation.HOLD, v.recommendation());
        ObjectNode json = v.toJson();
        assertEquals("hold", json.get("recommendation").asText());
        assertTrue(json.get("gates").get(0).get("passed").isNull());
        assertTrue(json.get("gates").get(0).has("threshold"));
    }

    @Test
    void latencyWithoutBaselineUsesBudgetOnly() {
        ObjectNode s = summary("summary-good.json");
        with(s, "latency_ms.baseline.p99", null);
        GateResult r = GateEngine.latencyP99(s, defaults);
        assertEquals(GateStatus.PASS, r.status());
        assertTrue(r.detail().contains("only the budget"));
        with(s, "latency_ms.candidate.p99", 300.0);
        assertEquals(GateStatus.FAIL, GateEngine.latencyP99(s, defaults).status());
        assertFalse(GateEngine.latencyP99(s, defaults).passed());
    }

    @Test
    void settingsRoundTripThroughJsonAndKeepDefaultsForMissingFields() {
        GateSettings s = GateSettingsStore.parse("{\"divergenceP95Max\": 3.5}", "test");
        assertEquals(3.5, s.divergenceP95Max());
        assertEquals(defaults.latencyP99MaxRatio(), s.latencyP99MaxRatio());
        assertEquals(defaults.latencyBudgetMs(), s.latencyBudgetMs());
    }
}
