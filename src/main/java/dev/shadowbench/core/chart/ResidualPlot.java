package dev.shadowbench.core.chart;

import dev.shadowbench.core.chart.Axes.Scale;
import dev.shadowbench.core.chart.Plot.Line;
import dev.shadowbench.core.chart.Plot.Rect;
import dev.shadowbench.core.chart.Plot.Role;
import dev.shadowbench.core.chart.Plot.Shape;
import dev.shadowbench.core.chart.Plot.Text;
import dev.shadowbench.core.format.FigureFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one side's residual grid (prediction − label against the label, a regression with labels): cells shaded by
 * log count as the density plot shades them, the zero-error line. A model that errs more for large values shows a fan;
 * one biased upwards sits above the line.
 */
public final class ResidualPlot {
    private ResidualPlot() {}

    public static Plot layout(DensityGrid g, String side, double w, double ht) {
        List<Shape> out = new ArrayList<>();
        String caption = "Error of the " + side + " (prediction − label) against the label, per labelled pair "
                + "(density, log shade); 0 = no error, dashed";
        double pw = Math.max(40, w - Axes.LEFT - Axes.RIGHT - 170), ph = Math.max(40, ht - Axes.TOP - Axes.BOTTOM);
        double left = Axes.LEFT, bottom = Axes.TOP + ph;
        List<Double> xe = g.edges(), ye = g.yEdges();
        int nx = xe.size() - 1, ny = ye.size() - 1;
        Scale x = new Scale(xe.get(0), xe.get(nx), left, left + pw, false);
        Scale y = new Scale(ye.get(0), ye.get(ny), bottom, Axes.TOP, false);
        double logMax = Math.log1p(Math.max(1, g.maxCount()));
        for (DensityGrid.Cell c : g.cells()) {
            double x0 = x.applyAsDouble(xe.get(c.x())), x1 = x.applyAsDouble(xe.get(c.x() + 1));
            double y0 = y.applyAsDouble(ye.get(c.y() + 1)), y1 = y.applyAsDouble(ye.get(c.y()));
            String tip = "label in [" + Ticks.format(xe.get(c.x())) + ", " + Ticks.format(xe.get(c.x() + 1))
                    + "), error in [" + Ticks.format(ye.get(c.y())) + ", " + Ticks.format(ye.get(c.y() + 1)) + "): "
                    + FigureFormat.count(c.count()) + " pairs";
            out.add(new Rect(
                    x0, y0, x1 - x0, y1 - y0, Role.DENSITY, 0.15 + 0.85 * Math.log1p(c.count()) / logMax, tip, null));
        }
        if (ye.get(0) < 0 && ye.get(ny) > 0)
            out.add(new Line(
                    x.applyAsDouble(xe.get(0)),
                    y.applyAsDouble(0),
                    x.applyAsDouble(xe.get(nx)),
                    y.applyAsDouble(0),
                    Role.REFERENCE,
                    true));
        Axes.draw(out, x, y, "label", "error", ht);
        out.add(new Text(
                left + pw + 10, Axes.TOP + 12, "start", Role.TEXT, FigureFormat.count(g.pairs()) + " pairs", true));
        out.add(new Text(
                left + pw + 10,
                Axes.TOP + 28,
                "start",
                Role.MUTED,
                FigureFormat.count(g.outside()) + " beyond the range, at its edge",
                false));
        String summary = caption + ". " + FigureFormat.count(g.pairs()) + " labelled pairs on a " + nx + " by " + ny
                + " grid, label " + Ticks.format(xe.get(0)) + " to " + Ticks.format(xe.get(nx)) + ", error "
                + Ticks.format(ye.get(0)) + " to " + Ticks.format(ye.get(ny)) + "; " + FigureFormat.count(g.outside())
                + " beyond it.";
        return new Plot(w, ht, caption, summary, out);
    }
}
