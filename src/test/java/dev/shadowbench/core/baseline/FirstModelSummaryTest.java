package dev.shadowbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shadowbench.core.baseline.FirstModelFixtures.Expected;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateSettings;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.report.HtmlReport;
import dev.shadowbench.core.report.JsonReport;
import dev.shadowbench.core.report.MarkdownReport;
import dev.shadowbench.core.report.ReportBuilder;
import dev.shadowbench.core.report.ReportContent;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-variant workspace with a synthetic baseline is a full review: pairing, divergence, label figures against
 * numpy (baseline_fixtures.py), outliers and a verdict; latency is "not applicable" for the baseline, never a finding
 * or a failed gate; and the recipe reaches the summary contract and the reports.
 */
class FirstModelSummaryTest {
    private static Map<String, Expected> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        expected = FirstModelFixtures.expected();
    }

    private record Review(ReviewSummary review, ReportContent report) {}

    private Review review(String task, BaselineKind kind) throws Exception {
        try (Workspace ws = FirstModelFixtures.workspace(dir, task);
                Connection c = ws.connect()) {
            SyntheticBaselines.build(
                    c,
                    new BaselineRequest(null, Side.variant("shadow"), kind, null, null, null, null),
                    ProgressSink.NONE);
            Comparison cmp = Comparison.defaultFor(c);
            assertEquals(Side.variant("baseline"), cmp.baseline(), "the baseline is chosen as the baseline side");
            assertEquals(Side.variant("shadow"), cmp.candidate());
            ReviewSummary r = ReviewSummary.compute(c, cmp, SummaryOptions.DEFAULT, ProgressSink.NONE);
            ReportContent content = ReportBuilder.collect(
                    c,
                    cmp,
                    ReviewSummary.source(SummaryOptions.DEFAULT),
                    GateSettings.defaults(),
                    ws.displayName(),
                    LocalDateTime.of(2026, 11, 21, 9, 0));
            return new Review(r, content);
        }
    }

    private static GateResult gate(ReviewSummary r, String name) {
        return r.verdict().gates().stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(name + " in " + r.verdict().gates()));
    }

    /** What every first-model review shares: full pairing, latency not applicable, the recipe everywhere. */
    private static void aFullReview(Review rv, String recipe) {
        ReviewSummary r = rv.review();
        Summary s = r.summary();
        assertEquals(240, s.counts().paired());
        assertEquals(0, s.counts().baselineOnly());
        assertEquals(0, s.counts().candidateOnly());
        assertNotNull(s.divergence(), "divergence");
        assertNotNull(r.outliers(), "the outlier rules ran");
        assertNotNull(r.verdict().recommendation());
        assertEquals(recipe, s.comparison().baselineRecipe().description());
        assertNull(s.latencyMs().baseline());
        assertTrue(
                s.unavailable().get("latency_ms.baseline").startsWith("not applicable"),
                s.unavailable().toString());
        // the candidate's own latency is still examined (info); nothing compares it with the baseline's
        assertTrue(
                r.findings().stream()
                        .noneMatch(f ->
                                f.rule().startsWith("latency") && !f.severity().equals("info")),
                r.findings().toString());
        r.verdict().gates().stream()
                .filter(g -> g.name().startsWith("latency"))
                .forEach(g -> assertFalse(g.status() == GateStatus.FAIL, g.toString()));
        assertEquals(GateStatus.NO_DATA, gate(r, "divergence_p95").status());
        assertTrue(gate(r, "divergence_p95").detail().startsWith("not applicable"));

        JsonNode json = Json.mapper().valueToTree(ReviewJson.contract(r));
        assertEquals(recipe, json.at("/comparison/baseline_recipe/description").asText());
        assertTrue(json.at("/latency_ms/baseline").isNull());
        assertTrue(json.at("/verdict/gates").toString().contains("beats_baseline"));
        assertEquals(
                recipe,
                JsonReport.toJson(rv.report())
                        .at("/summary/comparison/baseline_recipe/description")
                        .asText());
        assertTrue(HtmlReport.render(rv.report()).contains(recipe), "HTML report names the recipe");
        // Markdown escapes brackets and parentheses; the words before them are the recipe's
        String words = recipe.split("[()\\[\\]]")[0];
        assertTrue(MarkdownReport.render(rv.report()).contains(words), "Markdown report names the recipe");
        // a synthetic baseline has no latency to record: the reports say so, not "not recorded"
        assertTrue(HtmlReport.render(rv.report()).contains("not applicable: the baseline is synthetic"));
        assertTrue(MarkdownReport.render(rv.report()).contains("not applicable: the baseline is synthetic"));
    }

    @Test
    void regressionAgainstTheMeanOfTheLabels() throws Exception {
        Review rv = review("regression", BaselineKind.MEAN);
        aFullReview(rv, "mean 45, from 147 labels");
        Summary.Labels l = rv.review().summary().labels();
        Expected c = expected.get("regression/mae_candidate/all"), b = expected.get("regression/mae_mean_baseline/all");
        assertEquals(c.n(), l.labelledPairs());
        assertEquals(c.number(), l.candidate().mae(), 1e-9);
        assertEquals(b.number(), l.baseline().mae(), 1e-9);
        assertEquals("mae", l.versusBaseline().metric());
        assertEquals((b.number() - c.number()) / b.number(), l.versusBaseline().errorReduction(), 1e-9);
        assertEquals(
                "MAE 3.91 vs 19 for the baseline (mean 45, from 147 labels): 79.4% less error",
                l.versusBaseline().detail());
        GateResult beats = gate(rv.review(), "beats_baseline");
        assertEquals(GateStatus.PASS, beats.status());
        assertEquals("Beats the baseline by at least 10.0%", beats.label());
        assertTrue(MarkdownReport.render(rv.report()).contains("79.4% less error"));
        // no feedback yet: the critical complaint gate has no data, so a shadow review holds, as with a real baseline
        assertEquals(Recommendation.HOLD, rv.review().verdict().recommendation());
        assertEquals(GateStatus.NO_DATA, gate(rv.review(), "complaint_rate").status());
        assertEquals(0, rv.review().verdict().count(GateStatus.FAIL));
    }

    @Test
    void classificationAgainstTheMajorityClass() throws Exception {
        Review rv = review("classification", BaselineKind.MAJORITY);
        aFullReview(rv, "majority class 0, from 137 labels");
        Summary.Labels l = rv.review().summary().labels();
        Expected c = expected.get("classification/accuracy_candidate/all"),
                b = expected.get("classification/accuracy_majority_baseline/all");
        assertEquals(c.n(), l.labelledPairs());
        assertEquals(c.number(), l.candidate().accuracy(), 1e-12);
        assertEquals(b.number(), l.baseline().accuracy(), 1e-12);
        assertEquals(
                (c.number() - b.number()) / (1 - b.number()), l.versusBaseline().errorReduction(), 1e-9);
        assertEquals(GateStatus.PASS, gate(rv.review(), "beats_baseline").status());
    }

    @Test
    void rankingAgainstTheTopTenClickedItems() throws Exception {
        Review rv = review("ranking", BaselineKind.TOP_N);
        Summary.Labels l = rv.review().summary().labels();
        aFullReview(rv, rv.review().summary().comparison().baselineRecipe().description());
        assertTrue(rv.review()
                .summary()
                .comparison()
                .baselineRecipe()
                .description()
                .startsWith("top-10 most clicked items (item-00, item-01"));
        Expected c = expected.get("ranking/hit_rate_candidate/all"),
                b = expected.get("ranking/hit_rate_top10_baseline/all");
        assertEquals(c.n(), l.labelledPairs());
        assertEquals(c.number(), l.candidate().hitRate(), 1e-12);
        assertEquals(b.number(), l.baseline().hitRate(), 1e-12);
        assertEquals("hit_rate", l.versusBaseline().metric());
        // the popular items find more clicks than this candidate: it does not beat its baseline
        GateResult beats = gate(rv.review(), "beats_baseline");
        assertEquals(GateStatus.FAIL, beats.status());
        assertTrue(beats.detail().contains("more error"), beats.detail());
        assertEquals(Recommendation.ROLLBACK, rv.review().verdict().recommendation());
    }
}
