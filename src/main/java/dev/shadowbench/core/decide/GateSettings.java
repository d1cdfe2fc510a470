package dev.shadowbench.core.decide;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The criteria the gates apply. Every relative limit has an absolute companion, because a relative change
 * alone misleads (5 ms -> 10 ms is +100% and harmless): a gate fails only if both are exceeded,
 * or an absolute budget is.
 *
 * @param latencyP99MaxRatio        candidate p99 may be at most this many times the baseline's ...
 * @param latencyP99MinIncreaseMs   ... unless it grew by no more than this many milliseconds
 * @param latencyBudgetMs           candidate p99 must stay within this budget (null = no budget)
 * @param latencyP50MaxRatio        median shift (with the Mann-Whitney test) relative limit
 * @param latencyP50MinIncreaseMs   median shift absolute companion
 * @param divergenceP95Max          p95 of |candidate - baseline| at most this
 * @param outlierShareMax           flagged pairs / paired at most this
 * @param complaintMaxRatio         candidate complaint rate at most this times the baseline's ...
 * @param complaintMinIncrease      ... unless it grew by no more than this (absolute, as a rate)
 * @param testAlpha                 significance level for the KS and Mann-Whitney tests
 * @param ksMinEffect               KS statistic that matters; a tiny significant shift on 1M rows is not a failure
 * @param psiMax                    population stability index at most this
 * @param labelErrorMaxRatio        candidate MAE at most this times the baseline's (accuracy: at most 1 - ratio worse)
 * @param coverageMin               paired / all request ids at least this
 * @param promoteScore              share of gates with data that must pass to recommend promote
 * @param baselineMinImprovement    against a synthetic baseline (a first model): the candidate must make at least this
 *                                  share less error than it (MAE, 1 − accuracy, 1 − hit rate; 0.1 = a tenth less)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GateSettings(
        double latencyP99MaxRatio,
        double latencyP99MinIncreaseMs,
        Double latencyBudgetMs,
        double latencyP50MaxRatio,
        double latencyP50MinIncreaseMs,
        double divergenceP95Max,
        double outlierShareMax,
        double complaintMaxRatio,
        double complaintMinIncrease,
        double testAlpha,
        double ksMinEffect,
        double psiMax,
        double labelErrorMaxRatio,
        double coverageMin,
        double promoteScore,
        double baselineMinImprovement) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** These settings with another absolute p99 budget (the workspace's {@code LatencyBudget}); null: no budget. */
    public GateSettings withLatencyBudgetMs(Double ms) {
        return with("latencyBudgetMs", ms);
    }

    /**
     * These settings with one threshold changed, named as the record's component ({@code "latencyP99MaxRatio"}), so a
     * caller never spells out the sixteen others in order and a new threshold breaks nobody.
     */
    public GateSettings with(String name, Double value) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(this);
        if (!tree.has(name))
            throw new IllegalArgumentException("No gate setting '" + name + "' (see GateSettings for the names)");
        if (value == null) tree.putNull(name);
        else tree.put(name, value);
        try {
            return JSON.treeToValue(tree, GateSettings.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Gate setting '" + name + "' cannot be " + value, e);
        }
    }

    public static GateSettings defaults() {
        return new GateSettings(
                1.1, 10.0, 250.0, 1.1, 5.0, 10.0, 0.005, 1.1, 0.001, 0.01, 0.1, 0.2, 1.05, 0.99, 0.8, 0.1);
    }
}
