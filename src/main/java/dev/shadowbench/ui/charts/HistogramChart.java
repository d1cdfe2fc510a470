package dev.shadowbench.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A histogram drawn from bin edges and counts (as core computes them), with several series overlaid
 * translucently, an optional marker line (e.g. the latency budget) and a legend. Draws only; computes nothing.
 */
public final class HistogramChart extends Region {
    /** One series: {@code counts[i]} values fall in [edges[i], edges[i+1]). */
    public record Series(String name, double[] edges, long[] counts, Color color) {}

    /** A vertical line at {@code x} with a caption. */
    public record Marker(double x, String label, Color color) {}

    private static final Font FONT = Font.font(11);
    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private Marker marker;
    private String xLabel = "";
    private String empty = "No data";

    public HistogramChart() {
        getChildren().add(canvas);
        setMinSize(200, 140);
        setPrefSize(480, 220);
        getStyleClass().add("histogram-chart");
    }

    public void setData(List<Series> s, Marker m, String xAxisLabel) {
        series.clear();
        if (s != null) series.addAll(s);
        marker = m;
        xLabel = xAxisLabel == null ? "" : xAxisLabel;
        requestLayout();
        draw();
    }

    /** What the chart says when it has no series (e.g. "latency not recorded in these logs"). */
    public void setEmptyText(String text) {
        empty = text;
        draw();
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(FONT);
        if (w < 50 || h < 50) return;
        if (series.isEmpty() || series.stream().allMatch(s -> s.counts().length == 0)) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, w / 2, h / 2);
            return;
        }
        double left = 52, right = 12, top = 22, bottom = 34;
        double pw = w - left - right, ph = h - top - bottom;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymax = 0;
        for (Series s : series) {
            if (s.edges().length < 2) continue;
            xmin = Math.min(xmin, s.edges()[0]);
            xmax = Math.max(xmax, s.edges()[s.edges().length - 1]);
            for (long c : s.counts()) ymax = Math.max(ymax, c);
        }
        if (marker != null && Double.isFinite(marker.x())) {
            xmin = Math.min(xmin, marker.x());
            xmax = Math.max(xmax, marker.x());
        }
        if (!(xmax > xmin)) xmax = xmin + 1;
        if (ymax <= 0) ymax = 1;
        final double x0 = xmin, xs = pw / (xmax - xmin), ys = ph / ymax;

        // axes and ticks
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.strokeLine(left, top, left, top + ph);
        g.setFill(Color.gray(0.3));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : Ticks.nice(xmin, xmax, Math.max(2, (int) (pw / 80)))) {
            double x = left + (t - x0) * xs;
            g.strokeLine(x, top + ph, x, top + ph + 4);
            g.fillText(Ticks.format(t), x, top + ph + 6);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : Ticks.nice(0, ymax, Math.max(2, (int) (ph / 40)))) {
            double y = top + ph - t * ys;
            g.strokeLine(left - 4, y, left, y);
            g.fillText(Ticks.format(t), left - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, left + pw / 2, h - 1);

        // bars, translucent so overlaid series stay readable
        for (Series s : series) {
            double[] e = s.edges();
            long[] c = s.counts();
            g.setFill(s.color().deriveColor(0, 1, 1, series.size() > 1 ? 0.45 : 0.75));
            g.setStroke(s.color());
            for (int i = 0; i < c.length && i + 1 < e.length; i++) {
                double x = left + (e[i] - x0) * xs, bw = Math.max(1, (e[i + 1] - e[i]) * xs - 0.5);
                double bh = c[i] * ys;
                g.fillRect(x, top + ph - bh, bw, bh);
            }
        }
        if (marker != null && Double.isFinite(marker.x())) {
            double x = left + (marker.x() - x0) * xs;
            g.setStroke(marker.color());
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(x, top, x, top + ph);
            g.setLineDashes();
            g.setFill(marker.color());
            g.setTextAlign(x > left + pw * 0.7 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(marker.label(), x + (x > left + pw * 0.7 ? -4 : 4), top);
        }
        // legend
        double lx = left + 8;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Series s : series) {
            g.setFill(s.color());
            g.fillRect(lx, 6, 10, 10);
            g.setFill(Color.gray(0.2));
            g.fillText(s.name(), lx + 14, 11);
            lx += 24 + s.name().length() * 6.5;
        }
    }
}
