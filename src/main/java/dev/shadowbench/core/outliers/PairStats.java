package dev.shadowbench.core.outliers;

/**
 * The robust figures of one pairing that the rules compare against: the typical candidate value and difference (median
 * and the reach of the middle 95% on each side), label precision and errors, latency medians. Values are scored on the
 * scale their baseline's range calls for ({@link Scale}).
 */
record PairStats(
        long pairs,
        Double baselineMin,
        long baselineNulls,
        long candidateNulls,
        long candidateNonFinite,
        Scale scale,
        Typical value,
        Typical diff,
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

    /** Scores closer to 0 or 1 than this count as this close: beyond, a logged probability says "certain" and no more. */
    static final double SCORE_CAP = 1e-5;

    /**
     * How values are compared, chosen by the range of the baseline (the model in production): scores that never leave
     * [0, 1] (a classifier's probabilities) in log-odds, so 0.02 against 0.97 is far apart and 0.99990 against 0.99999 is
     * not; positive values as logarithms (ratios), so a clean log-normal tail does not flag; anything else as it is.
     */
    enum Scale {
        LOGIT("in log-odds"),
        LOG("on a log scale"),
        LINEAR("");

        final String words;

        Scale(String words) {
            this.words = words;
        }

        /** The scale for a baseline whose finite values lie in [min, max] (null: no finite baseline value). */
        static Scale of(Double min, Double max) {
            if (min == null) return LINEAR;
            if (min >= 0 && max <= 1) return LOGIT;
            return min > 0 ? LOG : LINEAR;
        }

        /** SQL for the scored value of column {@code x}: NULL where the scale has no value (ln of 0, log-odds of 2). */
        String scored(String x) {
            return "CASE WHEN " + domain(x) + " THEN " + bare(x) + " END";
        }

        /** SQL: where column {@code x} has a scored value. */
        String domain(String x) {
            return switch (this) {
                case LOGIT -> x + " >= 0 AND " + x + " <= 1";
                case LOG -> x + " > 0 AND isfinite(" + x + ")";
                case LINEAR -> "isfinite(" + x + ")";
            };
        }

        /** SQL: the scored value of column {@code x} where it has one. */
        String bare(String x) {
            return switch (this) {
                case LOGIT -> {
                    String p = "least(greatest(" + x + ", " + SCORE_CAP + "), " + (1 - SCORE_CAP) + ")";
                    yield "ln(" + p + " / (1 - " + p + "))";
                }
                case LOG -> "ln(" + x + ")";
                case LINEAR -> x;
            };
        }

        /** A scored value back in the units of the predictions (for the reasons). */
        double unscored(double v) {
            return switch (this) {
                case LOGIT -> 1 / (1 + Math.exp(-v));
                case LOG -> Math.exp(v);
                case LINEAR -> v;
            };
        }
    }

    /**
     * The typical scored value: its median, and how far below and above it the 2.5th and 97.5th percentiles lie (the
     * middle 95% of values spans median - below .. median + above). A side with no reach (over 47.5% of the values tie
     * with the median) takes the other side's; with neither, both are 2.4565 x the mean absolute deviation (for normal
     * data, the reach of the middle 95%, like 1.96 SD). A value's score is its distance from the median in reaches of
     * its own side: skewed differences (one model extrapolating where the other cannot) widen one side only.
     */
    record Typical(double median, double below, double above) {
        /** Mean absolute deviation to the reach of the middle 95% of normal data: 1.96 x sqrt(pi / 2). */
        static final double MEAN_DEV_TO_REACH = 2.4565;

        /** From the 2.5th percentile, the median and the 97.5th percentile; null when there is no value or no spread. */
        static Typical of(Double low, Double median, Double high, Double meanAbsDev) {
            if (median == null) return null;
            double below = median - low, above = high - median;
            if (flat(low, median, high)) {
                if (meanAbsDev == null || !(meanAbsDev > 0)) return null;
                below = above = MEAN_DEV_TO_REACH * meanAbsDev;
            }
            return new Typical(median, below > 0 ? below : above, above > 0 ? above : below);
        }

        /** True when neither side of the median reaches anywhere (the mean absolute deviation must stand in). */
        static boolean flat(Double low, Double median, Double high) {
            return median != null && !(median - low > 0) && !(high - median > 0);
        }

        /** The score of scored value {@code x} as SQL: its distance from the median in reaches of its side, signed. */
        ExactQuantiles.Frag z(String x) {
            return ExactQuantiles.Frag.of(
                    "CASE WHEN " + x + " >= ",
                    median,
                    " THEN (" + x + " - ",
                    median,
                    ") / ",
                    above,
                    " ELSE (" + x + " - ",
                    median,
                    ") / ",
                    below,
                    " END");
        }
    }

    boolean logScale() {
        return scale == Scale.LOG;
    }

    /** SQL for the scored value of column {@code x} on this pairing's scale. */
    String scored(String x) {
        return scale.scored(x);
    }

    /** Half a unit of the label's last logged decimal: closer than this is "equal at the label's precision". */
    double labelHalfUnit() {
        return 0.5 * Math.pow(10, -labelDecimals);
    }
}
