package dev.shadowbench.core.outliers;

import java.util.List;
import java.util.Map;

/**
 * What the detector found: the flagged pairs (at most {@code listLimit} per rule, worst first), the banners,
 * the total number of flags per rule (not capped), the number of pairs examined and of distinct pairs flagged.
 */
public record OutlierReport(List<Outlier> flagged, List<Finding> findings, Map<String, Long> countsByRule,
                           long pairs, long flaggedPairs, int listLimit) {
    public OutlierReport {
        flagged = List.copyOf(flagged);
        findings = List.copyOf(findings);
        countsByRule = Map.copyOf(countsByRule);
    }

    /** Share of pairs flagged by at least one rule (0 when there are no pairs). */
    public double flaggedShare() { return pairs == 0 ? 0 : (double) flaggedPairs / pairs; }

    public long totalFlags() { return countsByRule.values().stream().mapToLong(Long::longValue).sum(); }
}
