package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.charts.PlotView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Drives the Dashboard headless on the sample workspace: the verdict first, the charts from core's chart model, stale
 * figures greyed while a new summary computes, the latency budget, and a click on a bin opening the Sample screen
 * drawn within that bin.
 */
class DashboardFxTest extends SampleDashboardFx {
    @Test
    void leadsWithTheVerdictAndDrawsTheChartModel() throws Exception {
        openDashboard();
        // live vs shadow over the shadow period (the default window follows the shadow's days, 2026-11-20..22):
        // 4,467 request ids in both (src/test/resources/dev/shadowbench/sample/sample_figures.py)
        assertEquals("4,467 pairs", text("#card-coverage-headline"));
        assertTrue(text("#card-divergence-headline").endsWith("mean |diff|"), text("#card-divergence-headline"));
        assertTrue(text("#card-latency-headline").startsWith("p99 "), text("#card-latency-headline"));

        String rec = text("#verdict-recommendation");
        assertTrue(rec.equals("HOLD") || rec.equals("ROLLBACK") || rec.equals("PROMOTE"), rec);
        assertTrue(text("#verdict-gates").startsWith("Failed: ")
                || text("#verdict-gates").contains("No data"));
        assertTrue(text("#verdict-why").startsWith("Why: "), text("#verdict-why"));
        Node banner = lookup("#verdict-banner").query(),
                chart = lookup("#divergence-chart").query();
        assertTrue(
                banner.localToScene(0, 0).getY() < chart.localToScene(0, 0).getY(),
                "the verdict comes before the charts");
        assertTrue(
                chart.localToScene(0, 0).getY()
                        < lookup("#dashboard-cards").query().localToScene(0, 0).getY(),
                "the charts come before the cards");

        TableView<DashboardView.Check> checks = lookup("#dashboard-checks").queryTableView();
        assertEquals("recommendation", checks.getItems().get(0).name());
        assertTrue(checks.getItems().stream().anyMatch(c -> c.name().equals("latency_p95_slower")));

        PlotView divergence = lookup("#divergence-chart").queryAs(PlotView.class);
        Plot p = divergence.plot();
        assertNotNull(p, "the divergence chart is drawn");
        long inBars = p.shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.filter() != null)
                .mapToLong(s -> count(((Plot.Rect) s).tip()))
                .sum();
        assertEquals(4467, inBars, "bars and overflow bars count every pair");
        assertTrue(divergence.getAccessibleText().contains("4,467 pairs"), divergence.getAccessibleText());
        assertTrue(text("#divergence-chart-caption").contains("candidate − baseline"));
        // the sample is a regression with labels: each model's error against the label is drawn too
        PlotView residual = lookup("#residual-chart").queryAs(PlotView.class);
        assertNotNull(residual.plot(), "the residual plot of a labelled regression is drawn");
        assertTrue(residual.getParent().isVisible() && residual.getParent().isManaged(), "and its panel shown");
        assertTrue(
                residual.plot().caption().startsWith("Error of the candidate"),
                residual.plot().caption());
        PlotView latency = lookup("#latency-chart").queryAs(PlotView.class);
        assertTrue(latency.plot().caption().contains("log"), "the latency axis is logarithmic by default");
        assertTrue(latency.plot().shapes().stream()
                .anyMatch(s -> s instanceof Plot.Text t && t.text().startsWith("budget ")));

        // Stale figures: a new budget greys the figures out and shows progress at once, before any new figure.
        Spinner<Double> budget = lookup("#latency-budget").query();
        boolean[] greyed = new boolean[2];
        interact(() -> {
            budget.getValueFactory().setValue(25.0);
            greyed[0] = lookup("#dashboard-computing").query().isVisible();
            greyed[1] = lookup("#verdict-banner").query().getParent().getOpacity() < 1;
        });
        assertTrue(greyed[0], "progress shows where the figures will be");
        assertTrue(greyed[1], "the previous figures are greyed out");
        FxWait.until(
                "the latency card with the new budget",
                () -> !lookup("#dashboard-computing").query().isVisible()
                        && lookup("#card-latency")
                                        .queryAs(javafx.scene.layout.VBox.class)
                                        .getChildren()
                                        .get(0)
                                instanceof Label l
                        && l.getText().equals("Latency · budget 25 ms"));
        assertEquals(1.0, lookup("#verdict-banner").query().getParent().getOpacity());
    }
}
