package dev.shadowbench.core.chart;

import java.util.List;

/**
 * A chart laid out for a given size as a list of shapes in pixels (origin top left), with no colours: each shape has
 * a {@link Role} that the renderer colours from its theme. The window paints a Plot on a canvas, the HTML report
 * writes it as SVG, so both show the same bins, markers and words. {@code summary} says in sentences what the chart
 * shows (a screen reader reads it); {@code caption} is its one line of what and which units.
 */
public record Plot(double width, double height, String caption, String summary, List<Shape> shapes) {

    /** What a shape stands for; the renderer picks its colour. */
    public enum Role {
        BASELINE,
        CANDIDATE,
        BARS,
        OVERFLOW,
        DENSITY,
        OUTLIER,
        BUDGET,
        REFERENCE,
        AXIS,
        TEXT,
        MUTED
    }

    /** Something drawn. */
    public sealed interface Shape permits Rect, Line, Text, Dot {}

    /** A filled box; {@code tip} is its hover text and {@code filter} the pairs behind it (null: none). */
    public record Rect(double x, double y, double w, double h, Role role, double opacity, String tip, PairFilter filter)
            implements Shape {}

    /** A line, dashed or solid. */
    public record Line(double x1, double y1, double x2, double y2, Role role, boolean dashed) implements Shape {}

    /** A text anchored at its baseline: {@code anchor} is start, middle or end. */
    public record Text(double x, double y, String anchor, Role role, String text, boolean bold) implements Shape {}

    /** A point (a flagged pair or a day's value); {@code requestId} is the pair it stands for (null: none). */
    public record Dot(double x, double y, double r, Role role, String tip, String requestId) implements Shape {}

    /** The topmost shape with a tip at (x, y), or null: dots first (they are drawn on top), then boxes. */
    public Shape hit(double x, double y) {
        for (int i = shapes.size() - 1; i >= 0; i--) {
            if (shapes.get(i) instanceof Dot d && d.tip() != null && Math.hypot(x - d.x(), y - d.y()) <= d.r() + 3)
                return d;
        }
        for (int i = shapes.size() - 1; i >= 0; i--) {
            if (shapes.get(i) instanceof Rect r
                    && r.tip() != null
                    && x >= r.x()
                    && x <= r.x() + Math.max(r.w(), 2)
                    && y >= Math.min(r.y(), r.y() + r.h() - 4)
                    && y <= r.y() + r.h()) return r;
        }
        return null;
    }
}
