package dev.shadowbench.core.outliers;

/**
 * The robust figures of one pairing that the rules compare against: medians, robust SDs (1.4826 x MAD,
 * or 1.2533 x mean absolute deviation where the MAD is 0), label precision and errors, latency medians.
 * Positive data are scored on a log scale so a clean heavy (log-normal) tail does not flag.
 */
record PairStats(
        long pairs,
        Double baselineMin,
        long baselineNulls,
        long candidateNulls,
        long candidateNonFinite,
        boolean logScale,
        Double valueMedian,
        Double valueSd,
        Double diffMedian,
        Double diffSd,
        long labelled,
        Double candidateMae,
        Double baselineMae,
        Double baselineErrMedian,
        Double candidateBetterShare,
        int labelDecimals,
        long candidateLatencies,
        Double candidateLatencyMedian,
        long baselineLatencies,
        Double baselineLatencyMedian) {

    /** SQL for the scored value of column {@code x}: ln(x) on a log scale (positive values only), else x. */
    String scored(String x) {
        return logScale
                ? "CASE WHEN " + x + " > 0 AND isfinite(" + x + ") THEN ln(" + x + ") END"
                : "CASE WHEN isfinite(" + x + ") THEN " + x + " END";
    }

    /** Half a unit of the label's last logged decimal: closer than this is "equal at the label's precision". */
    double labelHalfUnit() {
        return 0.5 * Math.pow(10, -labelDecimals);
    }
}
