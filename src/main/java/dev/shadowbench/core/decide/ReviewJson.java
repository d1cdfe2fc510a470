package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.outliers.OutlierReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code summary --json} contract of a {@link ReviewSummary}: the one place its shape is declared. Keys are the
 * snake_case names of {@link Contract}'s components, in their order; the JSON report embeds the same object.
 */
public final class ReviewJson {
    private ReviewJson() {}

    /** The contract object: the summary's blocks with the outlier flags, all findings and the verdict in place. */
    public record Contract(
            Summary.ComparisonInfo comparison,
            Summary.Counts counts,
            Summary.Divergence divergence,
            Summary.LatencyPair latencyMs,
            Summary.Tests tests,
            Summary.Labels labels,
            List<Flag> outliers,
            OutlierCounts outlierCounts,
            List<Summary.Finding> findings,
            Summary.Traffic traffic,
            Summary.Feedback feedback,
            Verdict verdict,
            Summary.Breakdowns breakdowns,
            Summary.PredictionHistograms predictionHistograms,
            Map<String, String> unavailable,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            CanaryReview canary) {}

    /** A pair flagged by a prediction rule. */
    public record Flag(String requestId, String rule, String detail) {}

    /**
     * How many pairs the outlier rules flagged: {@code outliers} lists at most {@code listLimit} per rule
     * (worst first), these counts are complete.
     */
    public record OutlierCounts(long flaggedPairs, long listed, int listLimit, Map<String, Long> byRule) {}

    public static Contract contract(ReviewSummary r) {
        Summary s = r.summary();
        OutlierReport o = r.outliers();
        List<Flag> flags = o == null
                ? List.of()
                : o.flagged().stream()
                        .map(x -> new Flag(x.requestId(), x.rule(), x.detail()))
                        .toList();
        OutlierCounts counts = o == null
                ? null
                : new OutlierCounts(
                        o.flaggedPairs(),
                        o.flagged().size(),
                        o.listLimit(),
                        new TreeMap<>(o.countsByRule())); // sorted: the report's map has no stable order
        return new Contract(
                s.comparison(),
                s.counts(),
                s.divergence(),
                s.latencyMs(),
                s.tests(),
                s.labels(),
                flags,
                counts,
                r.findings(),
                s.traffic(),
                s.feedback(),
                r.verdict(),
                s.breakdowns(),
                s.predictionHistograms(),
                s.unavailable(),
                CanaryReview.of(r));
    }

    /** The contract as a tree, for documents that embed it (the JSON report). */
    public static ObjectNode tree(ReviewSummary r) {
        return Json.mapper().valueToTree(contract(r));
    }

    /** The contract as indented text ({@code summary --json}). */
    public static String write(ReviewSummary r) {
        return Json.write(contract(r));
    }
}
