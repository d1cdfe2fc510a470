package dev.shadowbench.core.report;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.chart.Plots;
import dev.shadowbench.core.compare.ChartFigures;
import dev.shadowbench.core.compare.Summary;

/**
 * The report's charts: the same {@link Plot}s the Dashboard paints (core's chart model laid out by {@link Plots}),
 * written as inline SVG by {@link PlotSvg}. No JavaFX, no scripts, nothing loaded from the network.
 */
public final class SvgCharts {
    /** The report's chart size (the page is 1000 px wide). */
    static final double W = 720, H = 260;

    private SvgCharts() {}

    /** The signed divergence histogram's plot; null without one (rankings, no pairs). */
    public static Plot divergencePlot(Summary s, double w, double h) {
        Summary.Divergence d = s.divergence();
        if (d == null || d.signedHistogram() == null) return null;
        return Plots.signed(
                d.signedHistogram(), PairFilter.Measure.DIFFERENCE, ChartFigures.DIFFERENCE_WORDS, w, h, false);
    }

    /** Both sides' latency histogram's plot; null when neither side recorded latency. */
    public static Plot latencyPlot(Summary s, double w, double h, boolean logTime) {
        Summary.LatencyPair l = s.latencyMs();
        if (l == null || l.histogram() == null) return null;
        return Plots.latency(l.histogram(), ChartFigures.latencyMarks(l), w, h, logTime);
    }

    /** The divergence chart as SVG, or null. */
    public static String divergence(Summary s) {
        Plot p = divergencePlot(s, W, H);
        return p == null ? null : PlotSvg.render(p, false);
    }

    /** The latency chart as SVG (log time axis), or null. */
    public static String latency(Summary s) {
        Plot p = latencyPlot(s, W, H, true);
        return p == null ? null : PlotSvg.render(p, false);
    }
}
