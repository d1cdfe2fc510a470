package dev.shadowbench.core.outliers;

/**
 * One flagged pair: the rule that flagged it, the reason in plain words, and the figures behind it
 * (null where not recorded). {@code score} orders flags of one rule, worst first.
 */
public record Outlier(
        String requestId,
        String rule,
        String detail,
        Double baseline,
        Double candidate,
        Double label,
        Double baselineLatencyMs,
        Double candidateLatencyMs,
        double score) {}
