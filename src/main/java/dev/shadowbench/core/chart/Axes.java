package dev.shadowbench.core.chart;

import dev.shadowbench.core.chart.Plot.Line;
import dev.shadowbench.core.chart.Plot.Role;
import dev.shadowbench.core.chart.Plot.Shape;
import dev.shadowbench.core.chart.Plot.Text;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The frame every plot shares: margins, a linear or log scale, and the axes with their ticks. */
final class Axes {
    static final double LEFT = 58, RIGHT = 14, TOP = 30, BOTTOM = 40;

    private Axes() {}

    /** A scale from data to pixels over [lo, hi] onto [p0, p1]; log10 when {@code log} (lo must be positive). */
    record Scale(double lo, double hi, double p0, double p1, boolean log) implements DoubleUnaryOperator {
        @Override
        public double applyAsDouble(double v) {
            double a = log ? Math.log10(lo) : lo, b = log ? Math.log10(hi) : hi;
            double x = log ? Math.log10(Math.max(v, lo * 1e-6)) : v;
            return b > a ? p0 + (x - a) / (b - a) * (p1 - p0) : (p0 + p1) / 2;
        }

        List<Double> ticks(int target) {
            if (!log) return Ticks.nice(lo, hi, target);
            List<Double> out = new java.util.ArrayList<>();
            for (double d = Math.pow(10, Math.floor(Math.log10(lo))); d <= hi * 1.0001; d *= 10) {
                for (double m : new double[] {1, 2, 5})
                    if (d * m >= lo * 0.9999 && d * m <= hi * 1.0001) out.add(d * m);
            }
            return out;
        }
    }

    /** Axis lines, ticks and labels for x along the bottom and y along the left. */
    static void draw(List<Shape> out, Scale x, Scale y, String xLabel, String yLabel, double height) {
        double bottom = y.p0(), top = y.p1();
        out.add(new Line(x.p0(), bottom, x.p1(), bottom, Role.AXIS, false));
        out.add(new Line(x.p0(), top, x.p0(), bottom, Role.AXIS, false));
        int xt = Math.max(2, (int) ((x.p1() - x.p0()) / 70));
        for (double t : x.ticks(xt)) {
            double px = x.applyAsDouble(t);
            out.add(new Line(px, bottom, px, bottom + 4, Role.AXIS, false));
            out.add(new Text(px, bottom + 16, "middle", Role.MUTED, Ticks.format(t), false));
        }
        int yt = Math.max(2, (int) ((bottom - top) / 36));
        for (double t : y.ticks(yt)) {
            if (y.log() && t < 1) continue; // a log count axis starts below 1 so a single pair shows
            double py = y.applyAsDouble(t);
            out.add(new Line(x.p0() - 4, py, x.p0(), py, Role.AXIS, false));
            out.add(new Text(x.p0() - 6, py + 4, "end", Role.MUTED, Ticks.format(t), false));
        }
        out.add(new Text((x.p0() + x.p1()) / 2, height - 4, "middle", Role.TEXT, xLabel, false));
        if (yLabel != null) out.add(new Text(4, top - 10, "start", Role.MUTED, yLabel, false));
    }
}
