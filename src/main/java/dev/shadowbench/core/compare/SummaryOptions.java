package dev.shadowbench.core.compare;

/**
 * Settings of a summary that are the user's choice, not the data's.
 *
 * @param latencyBudgetMs  a request slower than this is "over budget" (share reported per side)
 * @param histogramBins    bins of the divergence and latency histograms
 * @param topK             k of the top-k overlap for rankings
 * @param positiveClass    class counted as positive for precision/recall/log loss; null = "1" or "true"
 *                         when the labels use it, else the rarest label class
 */
public record SummaryOptions(double latencyBudgetMs, int histogramBins, int topK, String positiveClass) {
    public static final SummaryOptions DEFAULT = new SummaryOptions(100.0, 20, 10, null);

    public SummaryOptions {
        if (!(latencyBudgetMs > 0))
            throw new IllegalArgumentException("The latency budget must be a positive number of milliseconds");
        if (histogramBins < 1 || histogramBins > 1000)
            throw new IllegalArgumentException("Histogram bins must be between 1 and 1000");
        if (topK < 1) throw new IllegalArgumentException("top-k must be at least 1");
    }

    public SummaryOptions withLatencyBudget(double ms) {
        return new SummaryOptions(ms, histogramBins, topK, positiveClass);
    }
}
