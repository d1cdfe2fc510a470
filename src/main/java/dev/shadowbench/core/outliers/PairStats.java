package dev.shadowbench.core.outliers;

/**
 * The robust figures of one pairing that the rules compare against: the typical candidate value and difference (median
 * and robust SD from the MAD), overall and per band of baseline values ({@link Bands}; one band: the overall figures), label precision and errors, latency medians. Values are scored on the
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
        Bands valueBands,
        Bands diffBands,
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
     * The typical scored value: its median and its robust SD, 1.4826 x the median absolute deviation (the SD for normal
     * data). The MAD holds while up to half the values are broken, however far: a candidate that breaks a quarter of its
     * answers still has them flagged, never absorbed into the typical range (tail percentiles would absorb them, and the
     * interquartile range breaks down at a quarter). With a MAD of 0 (over half the values tie), 1.2533 x the mean
     * absolute deviation stands in (also the SD for normal data).
     */
    record Typical(double median, double sd) {
        /** MAD to SD for normal data: 1 / 0.6745. */
        static final double MAD_TO_SD = 1.4826;
        /** Mean absolute deviation to SD for normal data: sqrt(pi / 2). */
        static final double MEAN_DEV_TO_SD = 1.2533;

        /** From the median, the MAD and the mean absolute deviation; null when there is no value or no spread. */
        static Typical of(Double median, Double mad, Double meanAbsDev) {
            if (median == null) return null;
            if (mad != null && mad > 0) return new Typical(median, MAD_TO_SD * mad);
            if (meanAbsDev != null && meanAbsDev > 0) return new Typical(median, MEAN_DEV_TO_SD * meanAbsDev);
            return null;
        }

        /** The score of scored value {@code x} as SQL: its distance from the median in robust SDs, signed. */
        ExactQuantiles.Frag z(String x) {
            return ExactQuantiles.Frag.of("(" + x + " - ", median, ") / ", sd);
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
