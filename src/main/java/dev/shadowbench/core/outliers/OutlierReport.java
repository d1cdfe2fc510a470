package dev.shadowbench.core.outliers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detector found: the flagged pairs (at most {@code listLimit} per rule, worst first), the banners,
 * the total number of flags per rule (not capped), the number of pairs examined and of distinct pairs flagged.
 */
public record OutlierReport(
        List<Outlier> flagged,
        List<Finding> findings,
        Map<String, Long> countsByRule,
        long pairs,
        long flaggedPairs,
        int listLimit) {
    public OutlierReport {
        flagged = List.copyOf(flagged);
        findings = List.copyOf(findings);
        // In rule order, as the detector made it: Map.copyOf's order changes from one JVM run to the next,
        // which made "summary" print the same counts in a different order each time.
        countsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(countsByRule));
    }

    /** Share of pairs flagged by at least one rule (0 when there are no pairs). */
    public double flaggedShare() {
        return pairs == 0 ? 0 : (double) flaggedPairs / pairs;
    }

    public long totalFlags() {
        return countsByRule.values().stream().mapToLong(Long::longValue).sum();
    }
}
