package dev.shadowbench.core.outliers;

import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.outliers.PairStats.Typical;

/** Turns a flag's figures into a reason a reviewer can read, e.g. "candidate 812.4 is 14.2 robust SDs above ...". */
final class Reasons {
    private final PairStats st;

    Reasons(PairStats st) {
        this.st = st;
    }

    String detail(String rule, Double z, Double b, Double c, Double label, Double bLat, Double cLat) {
        return switch (rule) {
            case "extreme" -> extreme(z, b, c);
            case "divergence" -> divergence(z, b, c);
            case "negative" ->
                "candidate " + num(c) + " is negative, but the baseline never goes below 0 here (its minimum is "
                        + num(st.baselineMin()) + "; baseline on this request " + num(b) + ")";
            case "above_one" ->
                "candidate " + num(c) + " is above 1, but the baseline is a score that never leaves [0, 1] here"
                        + " (baseline on this request " + num(b) + "): a percentage, a raw margin or another unit?";
            case "nonfinite" ->
                "candidate is " + (c != null && c.isNaN() ? "NaN" : "infinite") + " (baseline " + num(b) + ")";
            case "label_match" ->
                "candidate " + label(c) + " equals the label " + label(label) + " to its " + st.labelDecimals()
                        + " logged decimals while the baseline " + num(b) + " is " + num(abs(b, label))
                        + " off: a label leak, not a miracle";
            case "leak" ->
                "candidate error " + num(abs(c, label)) + " is " + pct(ratio(abs(c, label), abs(b, label)))
                        + " of the baseline's error " + num(abs(b, label)) + " (label " + label(label) + ", candidate "
                        + num(c)
                        + ", baseline " + num(b) + "): a leak, not a miracle?";
            case "latency_fast" ->
                "candidate answered in " + ms(cLat) + ", " + num(ratio(st.candidateLatencyMedian(), cLat))
                        + "x faster than its median " + ms(st.candidateLatencyMedian()) + " (baseline " + ms(bLat)
                        + " on this request): a cached or default answer?";
            default -> rule;
        };
    }

    /**
     * E.g. "candidate 2,000 lies 27.5 times as far above the candidate median 45.3 as its 97.5th percentile 52 does, on a
     * log scale (baseline 41)": the distance from the median in reaches of the middle 95% on that side.
     */
    private String extreme(Double z, Double b, Double c) {
        Typical t = st.value();
        boolean up = z > 0;
        double edge = up ? t.median() + t.above() : t.median() - t.below();
        return "candidate " + num(c) + " lies " + num(Math.abs(z)) + " times as far " + (up ? "above" : "below")
                + " the candidate median " + num(st.scale().unscored(t.median())) + " as its " + percentile(up) + " "
                + num(st.scale().unscored(edge)) + " does" + (st.scale().words.isEmpty() ? "" : ", " + st.scale().words)
                + " (baseline " + num(b) + ")";
    }

    /**
     * E.g. "candidate 2,000 is 48.8x the baseline 41; the typical ratio is 1x and its 97.5th percentile 1.04x: this one
     * lies 99.1 times as far above the typical ratio as that percentile (log scale)".
     */
    private String divergence(Double z, Double b, Double c) {
        Typical t = st.diff();
        boolean up = z > 0;
        double edge = up ? t.median() + t.above() : t.median() - t.below();
        String far =
                ": this one lies " + num(Math.abs(z)) + " times as far " + (up ? "above" : "below") + " the typical ";
        return switch (st.scale()) {
            case LOG ->
                "candidate " + num(c) + " is " + num(ratio(c, b)) + "x the baseline " + num(b)
                        + "; the typical ratio is " + num(Math.exp(t.median())) + "x and its " + percentile(up) + " "
                        + num(Math.exp(edge)) + "x" + far + "ratio as that percentile (log scale)";
            case LOGIT ->
                "candidate " + num(c) + " and baseline " + num(b) + " differ by "
                        + signed(logit(c) - logit(b)) + " in log-odds; the typical difference is " + signed(t.median())
                        + " and its " + percentile(up) + " " + signed(edge) + far + "difference as that percentile";
            case LINEAR ->
                "candidate " + num(c) + " differs from the baseline " + num(b) + " by " + signed(c - b)
                        + "; the typical difference is " + signed(t.median()) + " and its " + percentile(up) + " "
                        + signed(edge) + far + "difference as that percentile";
        };
    }

    private static String percentile(boolean up) {
        return up ? "97.5th percentile" : "2.5th percentile";
    }

    /** The log-odds the rules score a probability by (capped as {@link PairStats.Scale#LOGIT} caps it). */
    private static double logit(double p) {
        double q = Math.min(Math.max(p, PairStats.SCORE_CAP), 1 - PairStats.SCORE_CAP);
        return Math.log(q / (1 - q));
    }

    private String label(Double v) {
        return v == null ? "n/a" : FigureFormat.fixed(v, st.labelDecimals());
    }

    private static Double abs(Double a, Double b) {
        return a == null || b == null ? null : Math.abs(a - b);
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    // The reasons' own word for a missing figure ("n/a"); the digits are FigureFormat' rules.
    static String pct(Double share) {
        return FigureFormat.pct(share, "n/a");
    }

    static String ms(Double v) {
        return FigureFormat.ms(v, "n/a");
    }

    static String signed(Double v) {
        return FigureFormat.signed(v, "n/a");
    }

    /** A figure rounded for reading (812.4, 39.8, 0.0812, 12,345); a NaN reads "NaN", not "n/a". */
    static String num(Double v) {
        return v != null && v.isNaN() ? "NaN" : FigureFormat.num(v, "n/a");
    }
}
