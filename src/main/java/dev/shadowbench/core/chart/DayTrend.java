package dev.shadowbench.core.chart;

import java.util.List;

/**
 * Per-day figures of a window that spans several days, oldest first: the 95th percentile of |candidate - baseline|
 * and each side's 99th percentile latency (ms) over that day's pairs (null where a day has no value).
 */
public record DayTrend(List<Day> days) {
    /** One day's figures. */
    public record Day(
            String day, long pairs, Double divergenceP95, Double baselineLatencyP99, Double candidateLatencyP99) {}
}
