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

    /** E.g. "candidate 2,000 is 9.1 robust SDs above the candidate median 45.3, on a log scale (baseline 41)". */
    private String extreme(Double z, Double b, Double c) {
        Typical t = st.valueBands().at(b);
        return "candidate " + num(c) + " is " + num(Math.abs(z)) + " robust SDs " + (z > 0 ? "above" : "below")
                + " the candidate median " + num(st.scale().unscored(t.median())) + band(st.valueBands(), b)
                + (st.scale().words.isEmpty() ? "" : ", " + st.scale().words) + " (baseline " + num(b) + ")";
    }

    /**
     * E.g. "candidate 2,000 is 48.8x the baseline 41; the typical ratio is 0.988x, so this is 182.7 robust SDs above it
     * (log scale)"; with bands, the typical ratio of pairs whose baseline lies in the same band. A robust SD is
     * 1.4826 x the MAD ({@link Typical}).
     */
    private String divergence(Double z, Double b, Double c) {
        Typical t = st.diffBands().at(b);
        String far = band(st.diffBands(), b) + ", so this is " + num(Math.abs(z)) + " robust SDs "
                + (z > 0 ? "above" : "below") + " it";
        return switch (st.scale()) {
            case LOG ->
                "candidate " + num(c) + " is " + num(ratio(c, b)) + "x the baseline " + num(b)
                        + "; the typical ratio is " + num(Math.exp(t.median())) + "x" + far + " (log scale)";
            case LOGIT ->
                "candidate " + num(c) + " and baseline " + num(b) + " differ by " + signed(logit(c) - logit(b))
                        + " in log-odds; the typical difference is " + signed(t.median()) + far;
            case LINEAR ->
                "candidate " + num(c) + " differs from the baseline " + num(b) + " by " + signed(c - b)
                        + "; the typical difference is " + signed(t.median()) + far;
        };
    }

    /** Where the pairs scored per band are: e.g. " where the baseline is 41 to 58" (empty for a single band). */
    private static String band(Bands bands, Double b) {
        int i = bands.of(b);
        double[] up = bands.upper();
        if (up.length == 0 || i < 0) return "";
        if (i == 0) return " where the baseline is up to " + num(up[0]);
        if (i == up.length) return " where the baseline is above " + num(up[i - 1]);
        return " where the baseline is " + num(up[i - 1]) + " to " + num(up[i]);
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
