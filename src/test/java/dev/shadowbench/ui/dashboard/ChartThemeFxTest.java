package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.shadowbench.core.chart.Palette;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.charts.PlotView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.application.Application;
import javafx.scene.AccessibleRole;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The charts follow View > Theme: after a switch every chart repaints in that theme's {@link Palette} colours (the
 * controls take the AtlantaFX theme of the same name), and the choice is remembered; every chart has a summary a
 * screen reader reads.
 */
class ChartThemeFxTest extends SampleDashboardFx {
    @Test
    void chartsTakeTheThemesColoursInDarkAndLight() throws Exception {
        openDashboard();
        assertNotEquals(Palette.hex(Plot.Role.BARS, false), Palette.hex(Plot.Role.BARS, true), "a test that can fail");
        PlotView divergence = lookup("#divergence-chart").queryAs(PlotView.class);
        assertBarsIn(divergence, false);

        chooseTheme("Dark");
        FxWait.until(
                "the dark theme",
                () -> new PrimerDark().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        assertBarsIn(divergence, true);
        FxWait.until("the dark theme remembered", () -> settings().contains("theme=dark"));

        chooseTheme("Light");
        FxWait.until(
                "the light theme",
                () -> new PrimerLight().getUserAgentStylesheet().equals(Application.getUserAgentStylesheet()));
        assertBarsIn(divergence, false);
        FxWait.until("the light theme remembered", () -> settings().contains("theme=light"));
    }

    @Test
    void everyChartHasASummaryAScreenReaderReads() throws Exception {
        openDashboard();
        for (String id : List.of("#divergence-chart", "#latency-chart", "#density-chart", "#trend-chart")) {
            PlotView v = lookup(id).queryAs(PlotView.class);
            assertEquals(AccessibleRole.IMAGE_VIEW, v.getAccessibleRole(), id);
            String text = v.getAccessibleText();
            assertFalse(text == null || text.isBlank(), id + " has accessible text");
            // a drawn chart reads its summary (figures in words), an empty one says why it is empty
            if (v.plot() != null) assertEquals(v.plot().summary(), text, id);
        }
        PlotView latency = lookup("#latency-chart").queryAs(PlotView.class);
        assertTrue(
                latency.getAccessibleText().toLowerCase(java.util.Locale.ROOT).contains("p99"),
                latency.getAccessibleText());
    }

    /** View > Theme > name: the menu item the user picks (fired, as menus of a headless window are not clicked). */
    private void chooseTheme(String name) {
        javafx.scene.control.MenuBar bar = lookup("#menu-bar").query();
        javafx.scene.control.Menu view = bar.getMenus().stream()
                .filter(m -> m.getText().equals("View"))
                .findFirst()
                .orElseThrow();
        javafx.scene.control.Menu theme = (javafx.scene.control.Menu) view.getItems().stream()
                .filter(m -> "Theme".equals(m.getText()))
                .findFirst()
                .orElseThrow();
        javafx.scene.control.MenuItem item = theme.getItems().stream()
                .filter(m -> name.equals(m.getText()))
                .findFirst()
                .orElseThrow();
        interact(item::fire);
    }

    private static String settings() throws Exception {
        return Files.readString(Path.of(System.getProperty("shadowbench.home"), "settings.properties"));
    }

    /** The fullest bar's middle pixel is the theme's bar colour at the bar's opacity, over the theme's page colour. */
    private void assertBarsIn(PlotView view, boolean dark) throws Exception {
        Plot.Rect bar = view.plot().shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.role() == Plot.Role.BARS)
                .map(s -> (Plot.Rect) s)
                .max(Comparator.comparingDouble(Plot.Rect::h))
                .orElseThrow();
        Color page = Color.web(Palette.background(dark));
        Color want = page.interpolate(Color.web(Palette.hex(Plot.Role.BARS, dark)), bar.opacity());
        FxWait.until(
                (dark ? "dark" : "light") + " bars",
                () -> close(pixel(view, page, bar), want),
                () -> pixel(view, page, bar) + " instead of " + want);
    }

    private Color pixel(PlotView view, Color page, Plot.Rect bar) {
        WritableImage[] img = new WritableImage[1];
        interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(page);
            img[0] = view.canvas().snapshot(p, null);
        });
        return img[0].getPixelReader().getColor((int) (bar.x() + bar.w() / 2), (int) (bar.y() + bar.h() / 2));
    }

    private static boolean close(Color a, Color b) {
        double tol = 2.5 / 255;
        return Math.abs(a.getRed() - b.getRed()) < tol
                && Math.abs(a.getGreen() - b.getGreen()) < tol
                && Math.abs(a.getBlue() - b.getBlue()) < tol;
    }
}
