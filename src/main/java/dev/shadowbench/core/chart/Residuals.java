package dev.shadowbench.core.chart;

/**
 * A regression's error (prediction - label) against the label, per side, as counts on one grid for both (the
 * {@link DensityGrid} of each side over the same edges: x = label, y = error), on the pairs labelled and predicted on
 * both sides, so each grid's cells add up to the labelled pairs.
 */
public record Residuals(DensityGrid baseline, DensityGrid candidate) {}
