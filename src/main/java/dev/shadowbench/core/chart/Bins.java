package dev.shadowbench.core.chart;

import java.util.ArrayList;
import java.util.List;

/** How the chart model chooses bins: the arithmetic only, so the SQL and the tests share one definition. */
public final class Bins {
    private Bins() {}

    /** At most this many bins on one axis: beyond it the bars are thinner than a pixel on a dashboard. */
    public static final int MAX_BINS = 200;

    /** Log-axis bins per decade of latency. */
    public static final int PER_DECADE = 16;

    /**
     * How many equal-width bins cover [lo, hi]: the Freedman-Diaconis width 2 IQR / cbrt(n) (numpy's 'fd'), or, when
     * the interquartile range is 0 (most values equal), Sturges' log2(n) + 1 bins (numpy's fallback in 'auto').
     * Between 1 and {@link #MAX_BINS}.
     */
    public static int freedmanDiaconis(double lo, double hi, double iqr, long n) {
        if (!(hi > lo) || n <= 1) return 1;
        double width = 2 * iqr / Math.cbrt(n);
        double bins = width > 0 ? Math.ceil((hi - lo) / width) : Math.ceil(Math.log(n) / Math.log(2)) + 1;
        return (int) Math.max(1, Math.min(MAX_BINS, bins));
    }

    /** {@code bins + 1} equal-width edges from lo to hi (the last is exactly hi, as numpy's linspace). */
    public static List<Double> linear(double lo, double hi, int bins) {
        List<Double> e = new ArrayList<>(bins + 1);
        double w = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) e.add(lo + i * w);
        e.add(hi);
        return e;
    }

    /** How many log-spaced bins cover [lo, hi] (both positive): {@link #PER_DECADE} a decade, 8 to 80. */
    public static int logBins(double lo, double hi) {
        if (!(hi > lo) || !(lo > 0)) return 1;
        return (int) Math.max(8, Math.min(80, Math.ceil(Math.log10(hi / lo) * PER_DECADE)));
    }

    /** {@code bins + 1} log-spaced edges from lo to hi, as numpy's geomspace (the ends exact). */
    public static List<Double> log(double lo, double hi, int bins) {
        List<Double> e = new ArrayList<>(bins + 1);
        double step = Math.log(hi / lo) / bins;
        e.add(lo);
        for (int i = 1; i < bins; i++) e.add(lo * Math.exp(step * i));
        e.add(hi);
        return e;
    }
}
