package dev.shadowbench.core.chart;

/**
 * The data of every chart of a review, each computed once in SQL from the stored pairing; the window and the HTML
 * report draw these and compute nothing. A chart without data is null.
 *
 * @param difference candidate - baseline per pair
 * @param relative   (candidate - baseline) / |baseline| per pair (pairs with a baseline of 0 left out)
 * @param latency    both sides' latency on shared log-spaced edges
 * @param density    baseline against candidate per pair, with the flagged pairs
 * @param trend      per-day figures; null when the window holds fewer than two days
 * @param residuals  each side's error against the label; null unless the comparison is a regression with labels
 */
public record ChartSet(
        SignedHistogram difference,
        SignedHistogram relative,
        LogHistogram latency,
        DensityGrid density,
        DayTrend trend,
        Residuals residuals) {}
