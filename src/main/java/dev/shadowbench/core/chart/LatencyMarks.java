package dev.shadowbench.core.chart;

/**
 * What the latency chart marks besides its bins: each side's p50, p95 and p99 and share over the budget (a side is
 * null when its logs hold no latency), and the budget (ms).
 */
public record LatencyMarks(Side baseline, Side candidate, double budgetMs) {
    /** One side's percentiles (ms) and its share of requests slower than the budget. */
    public record Side(double p50, double p95, double p99, double overBudgetShare) {}
}
