package dev.shadowbench.core.decide;

import static dev.shadowbench.core.decide.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gates on the real review of a small generated workspace ({@link SmallWorkspace}); edge cases change one figure
 * of that real summary (typed records, so a renamed figure fails to compile instead of turning a gate into "no data").
 */
class GateEngineTest {
    @TempDir
    static Path dir;

    static ReviewSummary real;
    private final GateSettings defaults = GateSettings.defaults();

    @BeforeAll
    static void review() throws Exception {
        try (Workspace ws = Workspace.open(SmallWorkspace.create(dir))) {
            real = SmallWorkspace.review(ws);
        }
    }

    private static GateResult gate(Verdict v, String name) {
        return v.gates().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static Summary summary() {
        return real.summary();
    }

    /** The real summary with both sides' p99 latency replaced (null: that side recorded no latency). */
    private static Summary p99(Double baseline, Double candidate) {
        Summary.LatencyPair l = summary().latencyMs();
        l = with(l, "baseline", baseline == null ? null : with(l.baseline(), "p99", baseline));
        l = with(l, "candidate", with(l.candidate(), "p99", candidate));
        return with(summary(), "latencyMs", l);
    }

    private static Summary complaints(Summary s, double baseline, double candidate) {
        Summary.Feedback f = s.feedback();
        return with(
                s,
                "feedback",
                new Summary.Feedback(
                        with(f.baseline(), "complaintRate", baseline),
                        with(f.candidate(), "complaintRate", candidate),
                        f.byDay()));
    }

    @Test
    void everyGateReadsTheRealReviewsFigures() {
        Summary s = summary();
        Verdict v = real.verdict();
        assertEquals(
                v,
                GateEngine.evaluate(s, real.outliers(), defaults),
                "a fresh workspace stores the default thresholds; the review's own verdict");
        assertEquals(9, v.gates().size());
        assertEquals(
                0, v.count(GateStatus.NO_DATA), "the workspace records latency, labels and feedback: " + v.gates());
        assertEquals(s.latencyMs().candidate().p99(), gate(v, "latency_p99").value());
        assertEquals(s.latencyMs().candidate().p50(), gate(v, "latency_shift").value());
        assertEquals(s.divergence().p95Abs(), gate(v, "divergence_p95").value());
        assertEquals(
                (double) real.outliers().flaggedPairs() / s.counts().paired(),
                gate(v, "outlier_share").value(),
                1e-15);
        assertEquals(
                s.feedback().candidate().complaintRate(),
                gate(v, "complaint_rate").value());
        assertEquals(s.labels().candidate().mae(), gate(v, "label_error").value());
        assertEquals(
                s.tests().predictionKs().statistic(), gate(v, "prediction_ks").value());
        assertEquals(s.tests().predictionPsi(), gate(v, "prediction_psi").value());
        assertEquals(s.counts().pairedShare(), gate(v, "coverage").value());
        assertTrue(
                gate(v, "coverage")
                        .detail()
                        .startsWith(dev.shadowbench.core.format.FigureFormat.count(
                                        s.counts().paired()) + " paired"),
                gate(v, "coverage").detail());
    }

    /**
     * The real candidate made harmless: baseline latency, complaints and label error, a tiny shift, every id paired;
     * with {@link #NONE_FLAGGED} every gate passes.
     */
    private static Summary harmless() {
        Summary s = complaints(p99(50.0, 50.0), 0.010, 0.0105);
        s = with(s, "divergence", with(s.divergence(), "p95Abs", 0.1));
        s = with(
                s,
                "tests",
                with(
                        with(s.tests(), "predictionPsi", 0.01),
                        "predictionKs",
                        with(s.tests().predictionKs(), "statistic", 0.01)));
        s = with(s, "labels", with(s.labels(), "candidate", s.labels().baseline()));
        return with(s, "counts", with(with(s.counts(), "baselineOnly", 0L), "candidateOnly", 0L));
    }

    private static final OutlierReport NONE_FLAGGED = new OutlierReport(List.of(), List.of(), Map.of(), 100, 0, 0);

    @Test
    void promotesWhenEveryCriticalGateHasDataAndPasses() {
        Summary s = harmless();
        Verdict v = GateEngine.evaluate(s, NONE_FLAGGED, defaults);
        assertEquals(9, v.count(GateStatus.PASS), v.gates().toString());
        assertEquals(
                GateStatus.PASS,
                gate(v, "complaint_rate").status(),
                gate(v, "complaint_rate").detail());
        assertEquals(
                GateStatus.PASS,
                gate(v, "latency_p99").status(),
                gate(v, "latency_p99").detail());
        assertEquals(Recommendation.PROMOTE, v.recommendation(), v.gates().toString());
    }

    @Test
    void latencyGateNeedsBothRelativeAndAbsoluteIncrease() {
        // 5 ms -> 10 ms: +100% but only +5 ms, so harmless
        assertEquals(
                GateStatus.PASS, GateEngine.latencyP99(p99(5.0, 10.0), defaults).status());
        // 100 ms -> 109 ms: +9 ms but only 1.09x, so fine
        assertEquals(
                GateStatus.PASS,
                GateEngine.latencyP99(p99(100.0, 109.0), defaults).status());
        // 100 ms -> 125 ms: 1.25x and +25 ms, fails
        GateResult r = GateEngine.latencyP99(p99(100.0, 125.0), defaults);
        assertEquals(GateStatus.FAIL, r.status());
        assertTrue(r.detail().contains("1.25×"), r.detail());
        // 240 ms -> 260 ms: 1.083x, +20 ms, but over the 250 ms budget
        assertEquals(
                GateStatus.FAIL,
                GateEngine.latencyP99(p99(240.0, 260.0), defaults).status());
    }

    @Test
    void failedCriticalGateMeansRollbackWhateverTheScore() {
        Summary s = complaints(p99(100.0, 200.0), 0.01, 0.01);
        Verdict v = GateEngine.evaluate(s, real.outliers(), defaults);
        assertEquals(GateStatus.FAIL, gate(v, "latency_p99").status());
        assertEquals(Recommendation.ROLLBACK, v.recommendation());
    }

    @Test
    void nonCriticalFailuresLowerTheScoreToHold() {
        Summary s = harmless();
        s = with(s, "divergence", with(s.divergence(), "p95Abs", 1e9));
        s = with(s, "tests", with(s.tests(), "predictionPsi", 50.0));
        Verdict v = GateEngine.evaluate(s, NONE_FLAGGED, defaults);
        assertEquals(GateStatus.FAIL, gate(v, "divergence_p95").status());
        assertEquals(GateStatus.FAIL, gate(v, "prediction_psi").status());
        assertEquals(2, v.count(GateStatus.FAIL));
        assertEquals(7.0 / 9, v.score(), 1e-12);
        assertEquals(Recommendation.HOLD, v.recommendation(), v.gates().toString());
    }

    @Test
    void significantButTinyDistributionShiftPasses() {
        Summary.KsTest ks = summary().tests().predictionKs();
        // p far below alpha but D = 0.04 < 0.1: on many pairs everything is significant
        Summary.KsTest tiny = with(with(ks, "statistic", 0.04), "pValue", 1e-9);
        assertEquals(
                GateStatus.PASS, GateEngine.predictionKs(withKs(tiny), defaults).status());
        assertEquals(
                GateStatus.FAIL,
                GateEngine.predictionKs(withKs(with(tiny, "statistic", 0.3)), defaults)
                        .status());
        assertEquals(
                GateStatus.PASS,
                GateEngine.predictionKs(withKs(with(with(tiny, "statistic", 0.3), "pValue", 0.2)), defaults)
                        .status(),
                "large D but not significant");
    }

    private static Summary withKs(Summary.KsTest ks) {
        return with(summary(), "tests", with(summary().tests(), "predictionKs", ks));
    }

    @Test
    void complaintRateUsesAbsoluteCompanion() {
        assertEquals(
                GateStatus.PASS,
                GateEngine.complaints(complaints(summary(), 0.0001, 0.0004), defaults)
                        .status(),
                "4x but +0.03 pp");
        assertEquals(
                GateStatus.FAIL,
                GateEngine.complaints(complaints(summary(), 0.0001, 0.003), defaults)
                        .status(),
                "30x and +0.29 pp");
    }

    @Test
    void emptyComparisonIsAllNoDataAndHold() {
        Summary s = new Summary(
                summary().comparison(),
                new Summary.Counts(0, 0, 0, 0, 0, 0, 0),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Map.of(),
                null);
        Verdict v = GateEngine.evaluate(s, null, defaults);
        assertEquals(9, v.count(GateStatus.NO_DATA));
        assertNull(v.score());
        assertEquals(Recommendation.HOLD, v.recommendation());
        JsonNode json = Json.mapper().valueToTree(v);
        assertEquals("hold", json.get("recommendation").asText());
        assertTrue(json.get("gates").get(0).get("passed").isNull());
        assertEquals("no data", json.get("gates").get(0).get("status").asText());
        assertTrue(json.get("gates").get(0).has("threshold"));
    }

    @Test
    void outlierShareCountsEveryFlaggedPairNotOnlyTheListedOnes() {
        OutlierReport r = real.outliers();
        OutlierReport capped = new OutlierReport(List.of(), r.findings(), r.countsByRule(), r.pairs(), 7, 0);
        GateResult g = GateEngine.outlierShare(summary(), capped, defaults);
        assertEquals(7.0 / summary().counts().paired(), g.value(), 1e-15);
        assertEquals(
                GateStatus.NO_DATA,
                GateEngine.outlierShare(summary(), null, defaults).status(),
                "the rules did not run");
    }

    /** The dashboard once read "0.5% ≤ 0.50%" for 0.46%: value and threshold at different precision. */
    @Test
    void aShareIsShownAtThePrecisionThatTellsItFromItsThreshold() {
        GateSettings s = with(defaults, "outlierShareMax", 0.005);
        OutlierReport r = real.outliers();
        Summary tenThousand = with(summary(), "counts", with(summary().counts(), "paired", 10_000L));
        GateResult under = GateEngine.outlierShare(
                tenThousand, new OutlierReport(List.of(), r.findings(), r.countsByRule(), r.pairs(), 46, 0), s);
        assertEquals("0.46% ≤ 0.50%", under.shownValue() + " " + under.threshold());
        assertEquals("46 of 10,000 pairs flagged (0.46%)", under.detail());
        assertEquals(GateStatus.PASS, under.status());

        Summary hundredThousand = with(summary(), "counts", with(summary().counts(), "paired", 100_000L));
        GateResult over = GateEngine.outlierShare(
                hundredThousand, new OutlierReport(List.of(), r.findings(), r.countsByRule(), r.pairs(), 501, 0), s);
        assertEquals("0.501% ≤ 0.50%", over.shownValue() + " " + over.threshold(), "0.50% would hide that it is over");
        assertEquals(GateStatus.FAIL, over.status());
    }

    @Test
    void theGateLimitStaysOutOfTheSummaryContract() {
        JsonNode json = Json.mapper().valueToTree(GateEngine.coverage(summary(), defaults));
        assertFalse(json.has("limit"), json.toString());
        assertFalse(json.has("shownValue"), json.toString());
    }

    @Test
    void latencyWithoutBaselineUsesBudgetOnly() {
        GateResult r = GateEngine.latencyP99(p99(null, 50.0), defaults);
        assertEquals(GateStatus.PASS, r.status());
        assertTrue(r.detail().contains("only the budget"));
        assertEquals(
                GateStatus.FAIL,
                GateEngine.latencyP99(p99(null, 300.0), defaults).status());
        assertFalse(GateEngine.latencyP99(p99(null, 300.0), defaults).passed());
    }

    @Test
    void settingsRoundTripThroughJsonAndKeepDefaultsForMissingFields() {
        GateSettings s = GateSettingsStore.parse("{\"divergenceP95Max\": 3.5}", "test");
        assertEquals(3.5, s.divergenceP95Max());
        assertEquals(defaults.latencyP99MaxRatio(), s.latencyP99MaxRatio());
        assertEquals(defaults.latencyBudgetMs(), s.latencyBudgetMs());
    }

    /** A ranking's labels are clicks: the labels gate compares hit rate@k, as accuracy (it had no data before). */
    @Test
    void aRankingsLabelGateComparesHitRates() {
        Summary.LabelFigures b = new Summary.LabelFigures(null, null, null, null, null, null, 0.50);
        Summary.Labels worse = new Summary.Labels(
                400, null, b, new Summary.LabelFigures(null, null, null, null, null, null, 0.40), null);
        GateResult fail = GateEngine.labelError(with(summary(), "labels", worse), defaults);
        assertEquals(GateStatus.FAIL, fail.status());
        assertEquals("hit rate ≥ baseline − 5.0%", fail.threshold());
        Summary.Labels close =
                with(worse, "candidate", new Summary.LabelFigures(null, null, null, null, null, null, 0.48));
        assertEquals(
                GateStatus.PASS,
                GateEngine.labelError(with(summary(), "labels", close), defaults)
                        .status());
    }

    /** Against a synthetic baseline the labels gate reads "beats the baseline by at least X". */
    @Test
    void aSyntheticBaselineMustBeBeatenByTheStoredMargin() {
        dev.shadowbench.core.compare.BaselineRecipe recipe = new dev.shadowbench.core.compare.BaselineRecipe(
                "baseline",
                "shadow/*/*",
                "regression",
                "mean",
                "40.0",
                null,
                null,
                "labels",
                null,
                null,
                100L,
                100,
                "mean 40, from 100 labels",
                "2026-11-20T10:00:00");
        Summary s = with(summary(), "comparison", with(summary().comparison(), "baselineRecipe", recipe));
        Summary.Labels l = new Summary.Labels(
                100,
                null,
                new Summary.LabelFigures(10.0, 12.0, null, null, null, null, null),
                new Summary.LabelFigures(9.5, 11.0, null, null, null, null, null),
                new Summary.VersusBaseline("mae", 10.0, 9.5, 0.05, "MAE 9.5 vs 10"));
        Verdict v = GateEngine.evaluate(with(s, "labels", l), NONE_FLAGGED, defaults);
        GateResult beats = v.gates().stream()
                .filter(g -> g.name().equals("beats_baseline"))
                .findFirst()
                .orElseThrow();
        assertEquals(GateStatus.FAIL, beats.status(), "5% less error is not the 10% asked");
        assertEquals(Recommendation.ROLLBACK, v.recommendation());
        GateSettings lenient = with(defaults, "baselineMinImprovement", 0.04);
        assertEquals(
                GateStatus.PASS,
                GateEngine.evaluate(with(s, "labels", l), NONE_FLAGGED, lenient).gates().stream()
                        .filter(g -> g.name().equals("beats_baseline"))
                        .findFirst()
                        .orElseThrow()
                        .status());
        assertEquals(9, v.gates().size());
        assertTrue(v.gates().stream().noneMatch(g -> g.name().equals("label_error")));
        assertEquals(
                0.04,
                GateSettingsStore.parse("{\"baselineMinImprovement\": 0.04}", "test")
                        .baselineMinImprovement());
    }
}
