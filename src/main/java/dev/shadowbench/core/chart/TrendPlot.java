package dev.shadowbench.core.chart;

import dev.shadowbench.core.chart.Axes.Scale;
import dev.shadowbench.core.chart.Plot.Dot;
import dev.shadowbench.core.chart.Plot.Line;
import dev.shadowbench.core.chart.Plot.Role;
import dev.shadowbench.core.chart.Plot.Shape;
import dev.shadowbench.core.chart.Plot.Text;
import dev.shadowbench.core.format.FigureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lays out a {@link DayTrend}: two panels, divergence p95 on the left and each side's latency p99 on the right. */
public final class TrendPlot {
    private TrendPlot() {}

    public static Plot layout(DayTrend t, double w, double ht) {
        List<Shape> out = new ArrayList<>();
        String caption = "Per day: divergence p95 (|candidate − baseline|) and latency p99 per side (ms)";
        List<DayTrend.Day> days = t.days();
        double half = w / 2;
        panel(
                out,
                days,
                half,
                0,
                ht,
                "divergence p95",
                List.of(new Series(DayTrend.Day::divergenceP95, Role.BARS, "divergence p95", "")));
        panel(
                out,
                days,
                half,
                half,
                ht,
                "latency p99 (ms)",
                List.of(
                        new Series(DayTrend.Day::baselineLatencyP99, Role.BASELINE, "baseline p99", " ms"),
                        new Series(DayTrend.Day::candidateLatencyP99, Role.CANDIDATE, "candidate p99", " ms")));
        StringBuilder summary = new StringBuilder(caption).append('.');
        for (DayTrend.Day d : days)
            summary.append(' ')
                    .append(d.day())
                    .append(": divergence p95 ")
                    .append(FigureFormat.num(d.divergenceP95()))
                    .append(", latency p99 ")
                    .append(FigureFormat.ms(d.baselineLatencyP99()))
                    .append(" / ")
                    .append(FigureFormat.ms(d.candidateLatencyP99()))
                    .append('.');
        return new Plot(w, ht, caption, summary.toString(), out);
    }

    private record Series(Function<DayTrend.Day, Double> value, Role role, String name, String unit) {}

    private static void panel(
            List<Shape> out,
            List<DayTrend.Day> days,
            double w,
            double x0,
            double ht,
            String title,
            List<Series> series) {
        double max = 0;
        for (Series s : series)
            for (DayTrend.Day d : days)
                if (s.value().apply(d) != null) max = Math.max(max, s.value().apply(d));
        if (max <= 0) max = 1;
        double bottom = ht - Axes.BOTTOM, left = x0 + Axes.LEFT, right = x0 + w - Axes.RIGHT;
        Scale y = new Scale(0, max * 1.1, bottom, Axes.TOP, false);
        int n = days.size();
        double step = n > 1 ? (right - left) / (n - 1) : 0;
        Scale xs = new Scale(0, Math.max(1, n - 1), left, right, false);
        out.add(new Line(left, bottom, right, bottom, Role.AXIS, false));
        out.add(new Line(left, Axes.TOP, left, bottom, Role.AXIS, false));
        for (double tk : y.ticks(Math.max(2, (int) ((bottom - Axes.TOP) / 36)))) {
            double py = y.applyAsDouble(tk);
            out.add(new Line(left - 4, py, left, py, Role.AXIS, false));
            out.add(new Text(left - 6, py + 4, "end", Role.MUTED, Ticks.format(tk), false));
        }
        int every = Math.max(1, (int) Math.ceil(n / Math.max(1.0, (right - left) / 70)));
        for (int i = 0; i < n; i += every)
            out.add(new Text(
                    left + i * step,
                    bottom + 16,
                    "middle",
                    Role.MUTED,
                    days.get(i).day(),
                    false));
        out.add(new Text(left, Axes.TOP - 10, "start", Role.TEXT, title, true));
        double lx = right;
        for (int j = series.size() - 1; j >= 0; j--) {
            Series s = series.get(j);
            out.add(new Text(lx, Axes.TOP - 10, "end", s.role(), "■ " + s.name(), false));
            lx -= 8 + s.name().length() * 7;
        }
        for (Series s : series) {
            Double prev = null;
            double px = 0;
            for (int i = 0; i < n; i++) {
                Double v = s.value().apply(days.get(i));
                double x = xs.applyAsDouble(i);
                if (v != null) {
                    double py = y.applyAsDouble(v);
                    if (prev != null) out.add(new Line(px, y.applyAsDouble(prev), x, py, s.role(), false));
                    out.add(new Dot(
                            x,
                            py,
                            3,
                            s.role(),
                            days.get(i).day() + " " + s.name() + ": " + FigureFormat.num(v) + s.unit(),
                            null));
                }
                prev = v;
                px = x;
            }
        }
    }
}
