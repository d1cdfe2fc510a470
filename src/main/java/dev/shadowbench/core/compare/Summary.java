package dev.shadowbench.core.compare;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one shadow/canary comparison, computed once by {@link SummaryService}; with the outlier rules'
 * report and the gates' verdict it makes the review ({@code core.decide.ReviewSummary}) that screens, reports and
 * {@code summary --json} read. A block that cannot be computed is null and {@link #unavailable}
 * says why, keyed by the block's JSON path (e.g. {@code latency_ms.candidate}). {@link #arms} compares the two
 * arms as populations, unpaired (the canary's figures).
 */
public record Summary(
        ComparisonInfo comparison,
        Counts counts,
        Divergence divergence,
        LatencyPair latencyMs,
        Tests tests,
        Labels labels,
        List<Finding> findings,
        Traffic traffic,
        Feedback feedback,
        Breakdowns breakdowns,
        PredictionHistograms predictionHistograms,
        Map<String, String> unavailable,
        Arms arms) {

    /** True when the comparison reads as a canary ({@link Arms#canaryBy()}). Not a JSON key. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean canary() {
        return arms != null && arms.canary();
    }

    /**
     * Both sides' numeric predictions on shared equal-width edges spanning the pooled 0.5th to 99.5th
     * percentile; values beyond are counted in the end bins, so each side's counts add up to its predictions.
     */
    public record PredictionHistograms(Histogram baseline, Histogram candidate) {}

    /**
     * Which comparison the figures describe; sides in their {@code VARIANT/MODEL/VERSION} form. {@code baselineRecipe}
     * is set when the baseline is a synthetic one (how it was made, in words in its {@code description}), else null.
     */
    public record ComparisonInfo(
            String baseline,
            String candidate,
            LocalDate from,
            LocalDate to,
            String baselineLabel,
            String candidateLabel,
            double latencyBudgetMs,
            BaselineRecipe baselineRecipe) {}

    /** Coverage of the pairing; rows are log records, the others count request ids. */
    public record Counts(
            long baselineRows,
            long candidateRows,
            long paired,
            long baselineOnly,
            long candidateOnly,
            long duplicateRows,
            long quarantinedRows) {
        /** Share of the request ids seen on either side that are paired (0 when none is). Not a JSON key. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public double pairedShare() {
            long ids = paired + baselineOnly + candidateOnly;
            return ids == 0 ? 0 : (double) paired / ids;
        }
    }

    /** Equal-width bins: {@code counts[i]} counts values in [edges[i], edges[i+1]) and the last bin includes its right edge. */
    public record Histogram(List<Double> edges, List<Long> counts) {}

    /**
     * How far the candidate's answers are from the baseline's, per paired request. {@code measure} names the
     * per-pair value the *_abs figures describe; pairs where it is null (a side without a value) are counted
     * in {@code pairsWithoutValue} and left out of the figures and the histogram. {@code signedHistogram} is
     * candidate - baseline per pair on a clipped range (null for rankings, whose value has no sign).
     */
    public record Divergence(
            String kind,
            String measure,
            long pairsWithValue,
            long pairsWithoutValue,
            Double meanAbs,
            Double medianAbs,
            Double p95Abs,
            Double maxAbs,
            Double meanRelative,
            Double medianRelative,
            Double p95Relative,
            Histogram histogram,
            dev.shadowbench.core.chart.SignedHistogram signedHistogram,
            Double disagreementRate,
            List<CrossCell> crossTable,
            Integer topK,
            Double meanTopKOverlap) {}

    /** One cell of the baseline-label x candidate-label table. */
    public record CrossCell(String baseline, String candidate, long count) {}

    /** Latency of one side's records (deduplicated, whole window, not only paired). */
    public record Latency(
            long n,
            double p50,
            double p95,
            double p99,
            double max,
            double mean,
            double overBudgetShare,
            Histogram histogram) {}

    /**
     * Both sides' latency on shared histogram edges; a side is null when its logs hold no latency. {@code histogram}
     * counts both sides on shared log-spaced edges (null when neither side has latency).
     */
    public record LatencyPair(
            Latency baseline, Latency candidate, double budgetMs, dev.shadowbench.core.chart.LogHistogram histogram) {}

    /** Two-sample Kolmogorov–Smirnov test; {@code method} is exact or asymptotic as in scipy's ks_2samp. */
    public record KsTest(double statistic, double pValue, String method, long n1, long n2) {}

    /** Mann–Whitney U test, two-sided; {@code u} is the baseline sample's U as scipy returns it. */
    public record MannWhitney(double u, double pValue, String method, long n1, long n2) {}

    /** The bins the PSI was computed on and each side's share in them. */
    public record PsiBins(
            String rule, List<Double> innerEdges, List<Double> baselineShare, List<Double> candidateShare) {}

    /**
     * The two-sample tests; each null when a side has no values for it. {@code complaintRate} compares the sides'
     * complaint rates (difference, 95% interval, p-value: {@link dev.shadowbench.core.canary.ComplaintStats}).
     */
    public record Tests(
            KsTest predictionKs,
            MannWhitney latencyMannWhitney,
            Double predictionPsi,
            PsiBins predictionPsiBins,
            dev.shadowbench.core.canary.ComplaintStats.Comparison complaintRate) {}

    /**
     * Quality against ground truth of one side, on the labelled pairs both sides answered. {@code hitRate} (rankings):
     * the share of labelled requests with a clicked item among the first k ({@code divergence.top_k}) ranked.
     */
    public record LabelFigures(
            Double mae,
            Double rmse,
            Double accuracy,
            Double precision,
            Double recall,
            Double logLoss,
            Double hitRate) {}

    /**
     * Ground-truth figures; {@code positiveClass} is set for classification only; {@code versusBaseline} says how
     * much better than the baseline the candidate is (null without figures on both sides).
     */
    public record Labels(
            long labelledPairs,
            String positiveClass,
            LabelFigures baseline,
            LabelFigures candidate,
            VersusBaseline versusBaseline) {}

    /**
     * The candidate's headline label figure beside the baseline's: {@code metric} is mae (regression), accuracy
     * (classification) or hit_rate (rankings). Each is read as an error (MAE, 1 − accuracy, 1 − hit rate) and
     * {@code errorReduction} is how much less error the candidate makes, relative to the baseline's (0.25 = a quarter
     * less; negative = worse; null when the baseline makes none). {@code detail} says it in a sentence that names the
     * baseline ("MAE 3.91 vs 19 for the baseline (mean 45, from 147 labels): 79.4% less error").
     */
    public record VersusBaseline(
            String metric, double baseline, double candidate, Double errorReduction, String detail) {}

    /** An aggregate finding (e.g. the candidate is slower); {@code severity} is info, warning or critical. */
    public record Finding(String rule, String severity, Double value, Double threshold, String detail) {}

    /** Rows each side logged on one day, the candidate's share of them and the share the ramp plan configured (null: no plan). */
    public record TrafficDay(
            LocalDate day,
            long requests,
            long baselineRows,
            long candidateRows,
            Double candidateShare,
            Double configuredShare) {}

    /** Traffic per day, oldest first, and the candidate's ramp plan (empty: none). */
    public record Traffic(List<TrafficDay> byDay, List<dev.shadowbench.core.canary.RampPlan.Step> plan) {}

    /**
     * One side's requests (distinct ids), how many carry feedback and how many of those are complaints (feedback read
     * as complained yes/no by {@link dev.shadowbench.core.canary.ComplaintSql}); the rate is complaints per request.
     */
    public record SideFeedback(long rows, long withFeedback, long complaints, double complaintRate) {}

    /** Complaint rate per side and per day; sides null and no days when no record carries feedback. */
    public record Feedback(
            SideFeedback baseline,
            SideFeedback candidate,
            List<dev.shadowbench.core.canary.CanaryFeedback.Day> byDay) {}

    /**
     * Divergence and latency (p95 and p99 per side) of the pairs in one segment or on one day; each side's label error
     * on the group's labelled pairs (MAE for a regression, 1 - accuracy for a classification, else null); and the pairs
     * the outlier rules flagged (at least one rule) with their share of the group's pairs, null until the rules ran
     * ({@link Breakdowns#withFlagged}).
     */
    public record Group(
            String key,
            long paired,
            Double meanAbs,
            Double p95Abs,
            Double disagreementRate,
            Double baselineLatencyP95,
            Double candidateLatencyP95,
            Double baselineLatencyP99,
            Double candidateLatencyP99,
            Double baselineLabelError,
            Double candidateLabelError,
            Long flaggedPairs,
            Double flaggedShare) {

        /** A group with no label error and no flag counts. */
        public Group(
                String key,
                long paired,
                Double meanAbs,
                Double p95Abs,
                Double disagreementRate,
                Double baselineLatencyP95,
                Double candidateLatencyP95,
                Double baselineLatencyP99,
                Double candidateLatencyP99) {
            this(
                    key,
                    paired,
                    meanAbs,
                    p95Abs,
                    disagreementRate,
                    baselineLatencyP95,
                    candidateLatencyP95,
                    baselineLatencyP99,
                    candidateLatencyP99,
                    null,
                    null,
                    null,
                    null);
        }

        Group withLabelError(Double baseline, Double candidate) {
            return with(baseline, candidate, flaggedPairs, flaggedShare);
        }

        /** This group with {@code flagged} of its pairs flagged; the share is null when it has no pair. */
        public Group withFlagged(long flagged) {
            return with(
                    baselineLabelError, candidateLabelError, flagged, paired > 0 ? (double) flagged / paired : null);
        }

        private Group with(Double baselineError, Double candidateError, Long flagged, Double share) {
            return new Group(
                    key,
                    paired,
                    meanAbs,
                    p95Abs,
                    disagreementRate,
                    baselineLatencyP95,
                    candidateLatencyP95,
                    baselineLatencyP99,
                    candidateLatencyP99,
                    baselineError,
                    candidateError,
                    flagged,
                    share);
        }
    }

    /** The pairs' figures per segment and per day (pairing day). */
    public record Breakdowns(List<Group> bySegment, List<Group> byDay) {
        /**
         * These breakdowns with the flagged pairs of each group ({@code bySegment}, {@code byDay}: flagged pairs per
         * group key, a null key for pairs with no segment); a group absent from a map has none flagged.
         */
        public Breakdowns withFlagged(Map<String, Long> flaggedBySegment, Map<String, Long> flaggedByDay) {
            return new Breakdowns(flag(bySegment, flaggedBySegment), flag(byDay, flaggedByDay));
        }

        private static List<Group> flag(List<Group> groups, Map<String, Long> flagged) {
            return groups.stream()
                    .map(g -> g.withFlagged(flagged.getOrDefault(g.key(), 0L)))
                    .toList();
        }
    }

    /** This summary with other breakdowns (the review adds the flagged pairs per group). */
    public Summary withBreakdowns(Breakdowns b) {
        return new Summary(
                comparison,
                counts,
                divergence,
                latencyMs,
                tests,
                labels,
                findings,
                traffic,
                feedback,
                b,
                predictionHistograms,
                unavailable,
                arms);
    }
}
