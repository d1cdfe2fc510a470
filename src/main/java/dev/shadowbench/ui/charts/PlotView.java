package dev.shadowbench.ui.charts;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.chart.Plot.Shape;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

/**
 * Paints a {@link Plot} (laid out by core for this view's size) on a canvas in the theme's colours. Hovering a bin or
 * point shows its tip; clicking a bin shows its details in a PopOver whose button hands its {@link PairFilter} to
 * {@link #setOnBin}; clicking a flagged point hands its request id to {@link #setOnPoint}. The context menu exports PNG or SVG; the plot's summary is the accessible text.
 */
public final class PlotView extends Region {
    private static final Font FONT = Font.font(11), BOLD = Font.font(null, FontWeight.BOLD, 11);
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final PopOver popOver = new PopOver();
    private BiFunction<Double, Double, Plot> layout;
    private Plot plot;
    private String empty = "";
    private Consumer<PairFilter> onBin = f -> {};
    private Consumer<String> onPoint = id -> {};
    private Consumer<Plot> onExportPng = p -> {}, onExportSvg = p -> {};

    public PlotView() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(560, 260);
        getStyleClass().add("plot-view");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        popOver.setDetachable(false);
        popOver.setHeaderAlwaysVisible(true);
        popOver.getStyleClass().add("bin-details-popover");
        tip.setShowDelay(Duration.millis(120));
        tip.setShowDuration(Duration.seconds(30));
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.setOnMouseExited(e -> tip.hide());
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY || plot == null) return;
            Shape s = plot.hit(e.getX(), e.getY());
            if (s instanceof Plot.Rect r && r.filter() != null) details(r, e.getScreenX(), e.getScreenY());
            else if (s instanceof Plot.Dot d && d.requestId() != null) onPoint.accept(d.requestId());
        });
        MenuItem png = new MenuItem("Export as PNG…"), svg = new MenuItem("Export as SVG…");
        png.setOnAction(e -> {
            if (plot != null) onExportPng.accept(plot);
        });
        svg.setOnAction(e -> {
            if (plot != null) onExportSvg.accept(plot);
        });
        ContextMenu menu = new ContextMenu(png, svg);
        canvas.setOnContextMenuRequested(e -> menu.show(canvas, e.getScreenX(), e.getScreenY()));
        ChartPalette.darkProperty().addListener((o, a, b) -> draw());
    }

    /** How to lay the chart out for a width and height (null: nothing to draw, {@link #setEmptyText} shows). */
    public void setLayout(BiFunction<Double, Double, Plot> layout) {
        this.layout = layout;
        relayout();
    }

    /** What the chart says when there is nothing to draw (null or blank: nothing). */
    public void setEmptyText(String text) {
        empty = text == null ? "" : text;
        relayout();
    }

    public void setOnBin(Consumer<PairFilter> c) {
        onBin = c;
    }

    public void setOnPoint(Consumer<String> c) {
        onPoint = c;
    }

    public void setOnExport(Consumer<Plot> png, Consumer<Plot> svg) {
        onExportPng = png;
        onExportSvg = svg;
    }

    /** The plot on screen (null when empty). */
    public Plot plot() {
        return plot;
    }

    /** The canvas, for a snapshot (PNG export). */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        relayout();
    }

    private void relayout() {
        double w = getWidth(), h = getHeight();
        plot = layout == null || w < 50 || h < 50 ? null : layout.apply(w, h);
        setAccessibleText(plot == null ? empty : plot.summary());
        draw();
    }

    /**
     * A clicked bin or cell: a ControlsFX {@link PopOver} pointing at it with its range and counts and a button that
     * opens its pairs in Sample. It stays while the reviewer reads it (a tooltip goes when the mouse moves) and asks
     * before leaving the screen, which a click that jumped straight to Sample did not.
     */
    private void details(Plot.Rect r, double sx, double sy) {
        tip.hide();
        Label text = new Label(r.tip());
        text.setId("bin-details-text");
        text.setWrapText(true);
        text.setMaxWidth(320);
        Button show = new Button("Show these pairs");
        show.setId("bin-details-show");
        show.setDefaultButton(true);
        PairFilter f = r.filter();
        show.setOnAction(e -> {
            popOver.hide(Duration.ZERO);
            onBin.accept(f);
        });
        VBox box = new VBox(8, text, show);
        box.setPadding(new Insets(10));
        box.setId("bin-details");
        popOver.setContentNode(box);
        popOver.setTitle(f.label());
        if (getScene() != null && getScene().getWindow() != null) popOver.show(canvas, sx, sy);
    }

    /** The details of the bin or cell last clicked (a ControlsFX PopOver, shown or not). */
    public PopOver details() {
        return popOver;
    }

    private void hover(double x, double y, double sx, double sy) {
        Shape s = plot == null ? null : plot.hit(x, y);
        String text = s instanceof Plot.Rect r ? r.tip() : s instanceof Plot.Dot d ? d.tip() : null;
        boolean clickable =
                s instanceof Plot.Rect r && r.filter() != null || s instanceof Plot.Dot d && d.requestId() != null;
        canvas.setCursor(clickable ? Cursor.HAND : Cursor.DEFAULT);
        if (text == null) {
            tip.hide();
            return;
        }
        tip.setText(text
                + (s instanceof Plot.Dot && clickable
                        ? "\nClick to open this pair in Sample"
                        : clickable ? "\nClick for details and to open these pairs in Sample" : ""));
        if (getScene() != null && getScene().getWindow() != null) tip.show(canvas, sx + 14, sy + 14);
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (plot == null) {
            g.setFill(ChartPalette.of(Plot.Role.MUTED));
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, w / 2, h / 2);
            return;
        }
        g.setTextBaseline(VPos.BASELINE);
        for (Shape s : plot.shapes()) {
            if (s instanceof Plot.Rect r) {
                g.setGlobalAlpha(r.opacity());
                g.setFill(ChartPalette.of(r.role()));
                g.fillRect(r.x(), r.y(), r.w(), r.h());
                g.setGlobalAlpha(1);
            } else if (s instanceof Plot.Line l) {
                g.setStroke(ChartPalette.of(l.role()));
                g.setLineWidth(l.dashed() ? 1.5 : 1);
                if (l.dashed()) g.setLineDashes(6, 4);
                g.strokeLine(l.x1(), l.y1(), l.x2(), l.y2());
                g.setLineDashes();
            } else if (s instanceof Plot.Text t) {
                g.setFill(ChartPalette.of(t.role()));
                g.setFont(t.bold() ? BOLD : FONT);
                g.setTextAlign(
                        t.anchor().equals("middle")
                                ? TextAlignment.CENTER
                                : t.anchor().equals("end") ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(t.text(), t.x(), t.y());
            } else if (s instanceof Plot.Dot d) {
                g.setFill(ChartPalette.of(d.role()));
                g.fillOval(d.x() - d.r(), d.y() - d.r(), 2 * d.r(), 2 * d.r());
            }
        }
    }
}
