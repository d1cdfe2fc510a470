package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.app.ShadowbenchApp;
import dev.shadowbench.ui.charts.HistogramChart;
import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** Drives the Dashboard headless on the sample workspace: cards, checks, charts, the latency budget. */
class DashboardFxTest extends ApplicationTest {
    @BeforeAll
    static void emptyHome() throws Exception {
        java.nio.file.Path home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
        // a reviewer already set, so the first-start question does not take the keyboard
        dev.shadowbench.core.workspace.AppHome settings = new dev.shadowbench.core.workspace.AppHome(home);
        settings.rememberReviewer("ana");
        settings.flush();
    }

    @AfterAll
    static void restore() {
        System.clearProperty("shadowbench.home");
    }

    @Override
    public void start(Stage stage) {
        new ShadowbenchApp().start(stage);
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheSampleComparisonAndFollowsTheBudget() throws Exception {
        FxWait.until("the sample workspace", () -> text("#workspace-label").contains("sample.duckdb"));
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        FxWait.until(
                "the coverage card",
                () -> lookup("#card-coverage-headline").tryQuery().isPresent(),
                () -> text("#status-text"));
        // data/README.md: 5000 requests, 37 without a shadow record -> 4963 pairs
        assertEquals("4,963 pairs", text("#card-coverage-headline"));
        assertTrue(text("#card-divergence-headline").endsWith("mean |diff|"), text("#card-divergence-headline"));
        assertTrue(text("#card-latency-headline").startsWith("p99 "), text("#card-latency-headline"));
        assertTrue(text("#card-labels-headline").startsWith("MAE "), text("#card-labels-headline"));

        TableView<DashboardView.Check> checks = lookup("#dashboard-checks").queryTableView();
        assertEquals("recommendation", checks.getItems().get(0).name());
        assertTrue(
                checks.getItems().stream().anyMatch(c -> c.name().equals("latency_p95_slower")),
                "a slower candidate is a finding on the dashboard");
        assertTrue(
                checks.getItems().stream()
                        .anyMatch(c ->
                                c.name().startsWith("gate: ") && !c.threshold().isEmpty()),
                "gates show their threshold beside the value");

        HistogramChart divergence = lookup("#divergence-chart").queryAs(HistogramChart.class);
        assertEquals(
                4963,
                java.util.Arrays.stream(divergence.series().get(0).counts()).sum(),
                "the divergence histogram counts every pair");
        HistogramChart latency = lookup("#latency-chart").queryAs(HistogramChart.class);
        assertEquals(2, latency.series().size(), "both sides' latency overlaid");
        assertEquals(
                2,
                lookup("#prediction-chart")
                        .queryAs(HistogramChart.class)
                        .series()
                        .size());

        // A tighter budget is reflected in the latency card's title after recomputation.
        Spinner<Double> budget = lookup("#latency-budget").query();
        interact(() -> budget.getValueFactory().setValue(25.0));
        FxWait.until(
                "the latency card with the new budget",
                () -> lookup("#card-latency").tryQuery().isPresent()
                        && lookup("#card-latency")
                                        .queryAs(javafx.scene.layout.VBox.class)
                                        .getChildren()
                                        .get(0)
                                instanceof Label l
                        && l.getText().equals("Latency · budget 25 ms"),
                () -> lookup("#card-latency")
                        .queryAs(javafx.scene.layout.VBox.class)
                        .getChildren()
                        .get(0));
    }
}
