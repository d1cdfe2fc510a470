package dev.shadowbench.core.chart;

import dev.shadowbench.core.chart.Axes.Scale;
import dev.shadowbench.core.chart.Plot.Dot;
import dev.shadowbench.core.chart.Plot.Line;
import dev.shadowbench.core.chart.Plot.Rect;
import dev.shadowbench.core.chart.Plot.Role;
import dev.shadowbench.core.chart.Plot.Shape;
import dev.shadowbench.core.chart.Plot.Text;
import dev.shadowbench.core.format.FigureFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the histograms of the chart model as {@link Plot}s: the signed divergence and the latency of both sides.
 * Pure arithmetic on the data core computed; the window and the report only paint the result.
 */
public final class Plots {
    private Plots() {}

    /** Width of an overflow bar, beside the clipped range. */
    static final double OVERFLOW = 30;

    /**
     * The signed histogram: bars on the clipped range, the overflow as labelled bars at both ends, zero marked.
     * {@code measure} names the value (e.g. "candidate − baseline"); {@code logCounts} puts the counts on a log axis.
     */
    public static Plot signed(
            SignedHistogram h,
            PairFilter.Measure measure,
            String measureWords,
            double w,
            double ht,
            boolean logCounts) {
        List<Shape> out = new ArrayList<>();
        String caption = "Divergence: pairs per bin of " + measureWords + " (clipped to the "
                + Ticks.format(h.clip().lowPercentile()) + "th–"
                + Ticks.format(h.clip().highPercentile())
                + "th percentile; overflow at the ends)";
        double left = Axes.LEFT + (h.below() > 0 ? OVERFLOW + 6 : 0),
                right = w - Axes.RIGHT - (h.above() > 0 ? OVERFLOW + 6 : 0);
        long max = 1;
        for (long c : h.counts()) max = Math.max(max, c);
        max = Math.max(max, Math.max(h.below(), h.above()));
        double bottom = ht - Axes.BOTTOM, top = Axes.TOP;
        Scale x = new Scale(h.clip().low(), h.clip().high(), left, right, false);
        Scale y = logCounts ? new Scale(0.5, max, bottom, top, true) : new Scale(0, max, bottom, top, false);
        List<Double> e = h.edges();
        int k = h.counts().size();
        for (int i = 0; i < k; i++) {
            long c = h.counts().get(i);
            double x0 = x.applyAsDouble(e.get(i)), x1 = x.applyAsDouble(e.get(i + 1));
            double y0 = c == 0 ? bottom : y.applyAsDouble(c);
            PairFilter f = PairFilter.bin(measure, e.get(i), e.get(i + 1), i == k - 1);
            out.add(new Rect(
                    x0 + 0.5,
                    y0,
                    Math.max(x1 - x0 - 1, 1),
                    bottom - y0,
                    Role.BARS,
                    0.85,
                    f.label() + ": " + FigureFormat.count(c) + " pairs (" + share(c, h.n()) + ")",
                    f));
        }
        // left of the y axis's tick labels, not under them
        if (h.below() > 0) overflow(out, h.below(), h.n(), measure, h.clip().low(), true, 4, y, bottom);
        if (h.above() > 0)
            overflow(out, h.above(), h.n(), measure, h.clip().high(), false, w - Axes.RIGHT - OVERFLOW, y, bottom);
        Axes.draw(out, x, y, measureWords, logCounts ? "pairs (log)" : "pairs", ht);
        if (h.clip().low() <= 0 && h.clip().high() >= 0) {
            double z = x.applyAsDouble(0);
            out.add(new Line(z, top - 4, z, bottom, Role.REFERENCE, true));
            out.add(new Text(z + 4, top + 6, "start", Role.REFERENCE, "0 = no change", false));
        }
        long inside = h.n() - h.below() - h.above();
        String summary = caption + ". " + FigureFormat.count(h.n()) + " pairs: " + FigureFormat.count(inside)
                + " between " + Ticks.format(h.clip().low()) + " and "
                + Ticks.format(h.clip().high()) + " in " + k
                + " bins, " + FigureFormat.count(h.below()) + " below, " + FigureFormat.count(h.above()) + " above"
                + (k > 0 ? "; the fullest bin is " + fullest(h) : "") + ".";
        return new Plot(w, ht, caption, summary, out);
    }

    private static void overflow(
            List<Shape> out,
            long c,
            long n,
            PairFilter.Measure m,
            double bound,
            boolean below,
            double x,
            Scale y,
            double bottom) {
        double y0 = y.applyAsDouble(c);
        PairFilter f = PairFilter.overflow(m, bound, below);
        out.add(new Rect(
                x,
                y0,
                OVERFLOW,
                bottom - y0,
                Role.OVERFLOW,
                0.9,
                FigureFormat.count(c) + " pairs " + (below ? "below " : "above ") + Ticks.format(bound) + " ("
                        + share(c, n) + ")",
                f));
        out.add(new Text(
                x + OVERFLOW / 2, Math.max(y0 - 4, Axes.TOP + 10), "middle", Role.TEXT, FigureFormat.count(c), true));
        out.add(new Text(
                x + OVERFLOW / 2,
                bottom + 28,
                "middle",
                Role.MUTED,
                (below ? "< " : "> ") + Ticks.format(bound),
                false));
    }

    private static String fullest(SignedHistogram h) {
        int best = 0;
        for (int i = 1; i < h.counts().size(); i++)
            if (h.counts().get(i) > h.counts().get(best)) best = i;
        return "[" + Ticks.format(h.edges().get(best)) + ", "
                + Ticks.format(h.edges().get(best + 1)) + ") with "
                + FigureFormat.count(h.counts().get(best)) + " pairs";
    }

    /**
     * Both sides' latency on the shared edges (log time axis unless {@code logTime} is false), each side's p50, p95
     * and p99 as ticks along the top, the budget as a dashed line and the share over it written on the chart.
     */
    public static Plot latency(LogHistogram h, LatencyMarks m, double w, double ht, boolean logTime) {
        List<Shape> out = new ArrayList<>();
        String caption = "Latency: requests per bin of time (ms, " + (logTime ? "log" : "linear")
                + " axis), both sides; p50/p95/p99 and the budget marked";
        List<Double> e = h.edges();
        int k = h.baseline().size();
        long max = 1, nb = 0, nc = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.max(h.baseline().get(i), h.candidate().get(i)));
            nb += h.baseline().get(i);
            nc += h.candidate().get(i);
        }
        double lo = e.get(0), hi = Math.max(e.get(k), m.budgetMs() * 1.05);
        double bottom = ht - Axes.BOTTOM, top = Axes.TOP + 14;
        Scale x = new Scale(logTime ? lo : Math.min(0, lo), hi, Axes.LEFT, w - Axes.RIGHT, logTime);
        Scale y = new Scale(0, max, bottom, top, false);
        for (int i = 0; i < k; i++) {
            double x0 = x.applyAsDouble(e.get(i)), x1 = x.applyAsDouble(e.get(i + 1));
            long b = h.baseline().get(i), c = h.candidate().get(i);
            PairFilter f = PairFilter.bin(PairFilter.Measure.CANDIDATE_LATENCY, e.get(i), e.get(i + 1), i == k - 1);
            String tip = "[" + Ticks.format(e.get(i)) + ", " + Ticks.format(e.get(i + 1)) + ") ms: baseline "
                    + FigureFormat.count(b) + " (" + share(b, nb) + "), candidate " + FigureFormat.count(c) + " ("
                    + share(c, nc) + ")";
            double yb = y.applyAsDouble(b), yc = y.applyAsDouble(c);
            double bw = Math.max(x1 - x0 - 1, 1);
            out.add(new Rect(x0 + 0.5, yb, bw, bottom - yb, Role.BASELINE, 0.45, tip, f));
            out.add(new Rect(x0 + 0.5, yc, bw, bottom - yc, Role.CANDIDATE, 0.45, tip, f));
        }
        Axes.draw(out, x, y, "latency (ms" + (logTime ? ", log scale)" : ")"), "requests", ht);
        double budget = x.applyAsDouble(m.budgetMs());
        out.add(new Line(budget, top - 6, budget, bottom, Role.BUDGET, true));
        out.add(new Text(budget - 4, top + 22, "end", Role.BUDGET, "budget " + FigureFormat.ms(m.budgetMs()), true));
        StringBuilder tail = new StringBuilder("over budget:");
        marks(out, m.baseline(), Role.BASELINE, "baseline", x, Axes.TOP - 2, tail);
        marks(out, m.candidate(), Role.CANDIDATE, "candidate", x, Axes.TOP + 10, tail);
        out.add(new Text(w - Axes.RIGHT, 12, "end", Role.TEXT, tail.toString(), true));
        out.add(new Text(Axes.LEFT, 12, "start", Role.BASELINE, "■ baseline", true));
        out.add(new Text(Axes.LEFT + 80, 12, "start", Role.CANDIDATE, "■ candidate", true));
        String summary = caption + ". " + side("Baseline", m.baseline()) + " " + side("Candidate", m.candidate())
                + " Budget " + FigureFormat.ms(m.budgetMs()) + ".";
        return new Plot(w, ht, caption, summary, out);
    }

    private static void marks(
            List<Shape> out, LatencyMarks.Side s, Role role, String name, Scale x, double y, StringBuilder tail) {
        if (s == null) return;
        String[] names = {"p50", "p95", "p99"};
        double[] v = {s.p50(), s.p95(), s.p99()};
        double free = Double.NEGATIVE_INFINITY; // where the last label ended: close percentiles keep only their dot
        for (int i = 0; i < 3; i++) {
            double px = x.applyAsDouble(v[i]);
            out.add(new Dot(px, y, 3.5, role, name + " " + names[i] + " " + FigureFormat.ms(v[i]), null));
            if (px + 5 >= free) {
                out.add(new Text(px + 5, y + 4, "start", role, names[i], false));
                free = px + 30;
            }
        }
        tail.append(' ').append(name).append(' ').append(FigureFormat.pct(s.overBudgetShare()));
    }

    private static String side(String name, LatencyMarks.Side s) {
        if (s == null) return name + ": latency not recorded.";
        return name + " p50 " + FigureFormat.ms(s.p50()) + ", p95 " + FigureFormat.ms(s.p95()) + ", p99 "
                + FigureFormat.ms(s.p99()) + ", " + FigureFormat.pct(s.overBudgetShare()) + " over budget.";
    }

    static String share(long c, long n) {
        return n == 0 ? "0%" : FigureFormat.pct((double) c / n);
    }
}
