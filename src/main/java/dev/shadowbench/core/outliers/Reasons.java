package dev.shadowbench.core.outliers;

import dev.shadowbench.core.format.FigureFormat;

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

    private String extreme(Double z, Double b, Double c) {
        String median = num(st.logScale() ? Math.exp(st.valueMedian()) : st.valueMedian());
        return "candidate " + num(c) + " is " + num(Math.abs(z)) + " robust SDs " + (z > 0 ? "above" : "below")
                + " the candidate median " + median + (st.logScale() ? " on a log scale" : "") + " (baseline " + num(b)
                + ")";
    }

    private String divergence(Double z, Double b, Double c) {
        String side = z > 0 ? "above" : "below";
        if (st.logScale()) {
            return "candidate " + num(c) + " is " + num(ratio(c, b)) + "x the baseline " + num(b)
                    + "; the typical ratio is " + num(Math.exp(st.diffMedian())) + "x, so this is " + num(Math.abs(z))
                    + " robust SDs " + side + " it (log scale)";
        }
        return "candidate " + num(c) + " differs from the baseline " + num(b) + " by " + signed(c - b)
                + "; the typical difference is " + signed(st.diffMedian()) + ", so this is " + num(Math.abs(z))
                + " robust SDs " + side + " it";
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
