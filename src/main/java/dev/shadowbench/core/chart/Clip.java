package dev.shadowbench.core.chart;

/**
 * The range a histogram draws: from the {@code lowPercentile}th to the {@code highPercentile}th percentile of the
 * values (quantile_cont), widened to include 0 so the "no change" line is always on the chart. Values outside are
 * counted, not drawn.
 */
public record Clip(double lowPercentile, double highPercentile, double low, double high) {
    /** 0.5th to 99.5th: a handful of absurd pairs cannot flatten the chart of all the others. */
    public static final double DEFAULT_LOW = 0.5, DEFAULT_HIGH = 99.5;
}
