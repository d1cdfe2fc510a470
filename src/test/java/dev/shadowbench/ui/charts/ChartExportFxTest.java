package dev.shadowbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.Clip;
import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Palette;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.chart.Plots;
import dev.shadowbench.core.chart.SignedHistogram;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart's context menu saves it: Export as SVG… writes a file that parses as SVG and holds the chart's bars (each
 * with its hover text, in the theme's colour), Export as PNG… writes the picture on screen at its size.
 */
class ChartExportFxTest extends ApplicationTest {
    @TempDir
    static Path dir;

    private static final SignedHistogram HIST = new SignedHistogram(
            List.of(-2.0, -1.0, 0.0, 1.0, 2.0), List.of(3L, 5L, 7L, 2L), 1, 2, new Clip(0.5, 99.5, -2, 2), 20);
    private DecisionsFixture fx;
    private PlotView view;

    @Override
    public void start(Stage stage) {
        ChartPalette.darkProperty().set(false);
        fx = new DecisionsFixture(dir.resolve("fixture-" + System.nanoTime()));
        view = new PlotView();
        view.setId("chart");
        view.setLayout(
                (w, h) -> Plots.signed(HIST, PairFilter.Measure.DIFFERENCE, "candidate − baseline", w, h, false));
        ChartExport.install(view, fx.main, "divergence");
        stage.setScene(new Scene(new StackPane(view), 600, 300));
        stage.show();
    }

    @Test
    void svgHoldsTheChartsBars() throws Exception {
        Path out = dir.resolve("chart.svg");
        fx.saveAs = out;
        openContextMenu();
        clickOn("Export as SVG…");
        FxWait.until("the SVG written", () -> Files.isRegularFile(out) && Files.size(out) > 0, () -> fx.errors);
        FxWait.settle();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(view.plot().summary(), text(svg.getDocumentElement(), "desc"));
        List<String> tips = new ArrayList<>(), fills = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getElementsByTagName("title").getLength() == 0) continue;
            tips.add(text(r, "title"));
            fills.add(r.getAttribute("fill"));
        }
        List<Plot.Rect> bars = view.plot().shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.tip() != null)
                .map(s -> (Plot.Rect) s)
                .toList();
        assertEquals(bars.stream().map(Plot.Rect::tip).toList(), tips, "every bar and overflow bar, with its text");
        assertEquals(6, tips.size(), "4 bins + below + above");
        assertTrue(
                tips.stream().anyMatch(t -> t.startsWith("candidate - baseline in [0, 1): 7 pairs")), tips.toString());
        assertEquals(bars.stream().map(b -> Palette.hex(b.role(), false)).toList(), fills, "the light theme's colours");
    }

    @Test
    void pngIsThePictureOnScreen() throws Exception {
        Path out = dir.resolve("chart.png");
        fx.saveAs = out;
        openContextMenu();
        clickOn("Export as PNG…");
        FxWait.until("the PNG written", () -> Files.isRegularFile(out) && Files.size(out) > 0, () -> fx.errors);
        FxWait.settle();
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals((int) view.canvas().getWidth(), img.getWidth());
        assertEquals((int) view.canvas().getHeight(), img.getHeight());
        Plot.Rect tallest = view.plot().shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.role() == Plot.Role.BARS)
                .map(s -> (Plot.Rect) s)
                .max(Comparator.comparingDouble(Plot.Rect::h))
                .orElseThrow();
        int rgb = img.getRGB((int) (tallest.x() + tallest.w() / 2), (int) (tallest.y() + tallest.h() / 2)) & 0xffffff;
        int bars = Integer.parseInt(Palette.hex(Plot.Role.BARS, false).substring(1), 16);
        for (int shift = 0; shift <= 16; shift += 8) { // the bar colour at its opacity over the light page
            int want = (int) Math.round(((bars >> shift) & 0xff) * tallest.opacity() + 255 * (1 - tallest.opacity()));
            assertTrue(Math.abs(((rgb >> shift) & 0xff) - want) <= 2, Integer.toHexString(rgb) + " at shift " + shift);
        }
        assertEquals(0xffffff, img.getRGB(1, 1) & 0xffffff, "the light theme's page behind the chart");
    }

    /**
     * A right click: Monocle's headless robot sends no context-menu request for the secondary button, so the test
     * sends the one a desktop's window system sends, at the chart's middle.
     */
    private void openContextMenu() {
        interact(() -> {
            javafx.scene.canvas.Canvas c = view.canvas();
            javafx.geometry.Point2D s = c.localToScreen(c.getWidth() / 2, c.getHeight() / 2);
            javafx.event.Event.fireEvent(
                    c,
                    new javafx.scene.input.ContextMenuEvent(
                            javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                            c.getWidth() / 2,
                            c.getHeight() / 2,
                            s.getX(),
                            s.getY(),
                            false,
                            null));
        });
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
