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

/** Lays out a {@link DensityGrid}: cells shaded by log count, the y = x line, the flagged pairs on top. */
public final class DensityPlot {
    private DensityPlot() {}

    public static Plot layout(DensityGrid g, double w, double ht) {
        List<Shape> out = new ArrayList<>();
        String caption = "Baseline vs candidate prediction per pair (density of pairs, log shade); y = x dashed, "
                + "flagged pairs in red";
        double side = Math.max(40, Math.min(w - Axes.LEFT - Axes.RIGHT, ht - Axes.TOP - Axes.BOTTOM));
        double left = Axes.LEFT, bottom = Axes.TOP + side;
        List<Double> e = g.edges();
        int n = e.size() - 1;
        Scale x = new Scale(e.get(0), e.get(n), left, left + side, false);
        Scale y = new Scale(e.get(0), e.get(n), bottom, Axes.TOP, false);
        double logMax = Math.log1p(g.maxCount());
        for (DensityGrid.Cell c : g.cells()) {
            double x0 = x.applyAsDouble(e.get(c.x())), x1 = x.applyAsDouble(e.get(c.x() + 1));
            double y0 = y.applyAsDouble(e.get(c.y() + 1)), y1 = y.applyAsDouble(e.get(c.y()));
            double shade = 0.15 + 0.85 * Math.log1p(c.count()) / logMax;
            PairFilter f = new PairFilter(
                    List.of(
                            range(PairFilter.Measure.BASELINE_PREDICTION, e, c.x()),
                            range(PairFilter.Measure.CANDIDATE_PREDICTION, e, c.y())),
                    null,
                    "baseline in [" + Ticks.format(e.get(c.x())) + ", " + Ticks.format(e.get(c.x() + 1))
                            + "), candidate in [" + Ticks.format(e.get(c.y())) + ", " + Ticks.format(e.get(c.y() + 1))
                            + ")");
            out.add(new Rect(
                    x0,
                    y0,
                    x1 - x0,
                    y1 - y0,
                    Role.DENSITY,
                    shade,
                    f.label() + ": " + FigureFormat.count(c.count()) + " pairs",
                    f));
        }
        out.add(new Line(
                x.applyAsDouble(e.get(0)),
                y.applyAsDouble(e.get(0)),
                x.applyAsDouble(e.get(n)),
                y.applyAsDouble(e.get(n)),
                Role.REFERENCE,
                true));
        for (DensityGrid.Point p : g.flagged()) {
            double px = x.applyAsDouble(Math.max(e.get(0), Math.min(e.get(n), p.baseline())));
            double py = y.applyAsDouble(Math.max(e.get(0), Math.min(e.get(n), p.candidate())));
            out.add(new Dot(
                    px,
                    py,
                    3,
                    Role.OUTLIER,
                    p.requestId() + " (" + p.rule() + "): baseline " + FigureFormat.num(p.baseline()) + ", candidate "
                            + FigureFormat.num(p.candidate()),
                    p.requestId()));
        }
        Axes.draw(out, x, y, "baseline prediction", "candidate", ht);
        out.add(new Text(
                left + side + 10, Axes.TOP + 12, "start", Role.TEXT, FigureFormat.count(g.pairs()) + " pairs", true));
        out.add(new Text(
                left + side + 10,
                Axes.TOP + 28,
                "start",
                Role.MUTED,
                FigureFormat.count(g.outside()) + " beyond the range, drawn at its edge",
                false));
        out.add(new Text(
                left + side + 10,
                Axes.TOP + 44,
                "start",
                Role.OUTLIER,
                FigureFormat.count(g.flagged().size()) + " flagged (click one for its detail)",
                false));
        String summary = caption + ". " + FigureFormat.count(g.pairs()) + " pairs on a " + n + " by " + n
                + " grid from "
                + Ticks.format(e.get(0)) + " to " + Ticks.format(e.get(n)) + "; " + FigureFormat.count(g.outside())
                + " beyond it; " + g.flagged().size() + " flagged pairs.";
        return new Plot(w, ht, caption, summary, out);
    }

    private static PairFilter.Range range(PairFilter.Measure m, List<Double> e, int i) {
        int n = e.size() - 1;
        // the outermost cells also hold the pairs beyond the edges
        return new PairFilter.Range(m, i == 0 ? null : e.get(i), i == n - 1 ? null : e.get(i + 1), i == n - 1);
    }
}
