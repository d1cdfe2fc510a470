package dev.shadowbench.core.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks (1, 2, 5 x 10^n steps) and their labels. */
public final class Ticks {
    private Ticks() {}

    public static List<Double> nice(double min, double max, int target) {
        List<Double> out = new ArrayList<>();
        if (!(max > min) || target < 1) return out;
        double raw = (max - min) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    public static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (a >= 1e4) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        if (a == Math.rint(a)) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
