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

    /** The rule name of the finding that says the rules did not run (an extract whose Spark job did not run them). */
    public static final String NOT_RUN = "rules_not_run";

    /** Whether the rules ran, so "flagged so many" is a computed figure (false where a {@link #NOT_RUN} finding says not). */
    public boolean rulesRan() {
        return findings.stream().noneMatch(f -> NOT_RUN.equals(f.rule()));
    }

    /** Share of pairs flagged by at least one rule (0 when there are no pairs). */
    public double flaggedShare() {
        return pairs == 0 ? 0 : (double) flaggedPairs / pairs;
    }

    public long totalFlags() {
        return countsByRule.values().stream().mapToLong(Long::longValue).sum();
    }
}
