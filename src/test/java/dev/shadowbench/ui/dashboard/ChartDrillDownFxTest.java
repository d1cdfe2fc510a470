package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.app.ShadowbenchApp;
import dev.shadowbench.ui.charts.PlotView;
import java.nio.file.Files;
import java.util.Comparator;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * From a histogram bar to the requests behind it, headless on the sample workspace: clicking the divergence chart's
 * fullest bin opens the Sample screen drawn within that bin (every pair's difference in the bin's range), and
 * "Show all pairs" goes back to the whole sample.
 */
class ChartDrillDownFxTest extends ApplicationTest {
    @BeforeAll
    static void emptyHome() throws Exception {
        System.setProperty(
                "shadowbench.home", Files.createTempDirectory("sb-home").toString());
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

    private void openDashboard() throws Exception {
        FxWait.until("the sample workspace", () -> text("#workspace-label").contains("sample.duckdb"));
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        FxWait.until(
                "the coverage card",
                () -> lookup("#card-coverage-headline").tryQuery().isPresent()
                        && !lookup("#dashboard-computing").query().isVisible(),
                () -> text("#status-text"));
    }

    @Test
    void clickingABinOpensTheSampleDrawnWithinIt() throws Exception {
        openDashboard();
        PlotView divergence = lookup("#divergence-chart").queryAs(PlotView.class);
        // the fullest bar: the bin most of the pairs are in
        Plot.Rect bar = divergence.plot().shapes().stream()
                .filter(s -> s instanceof Plot.Rect r && r.filter() != null && r.role() == Plot.Role.BARS)
                .map(s -> (Plot.Rect) s)
                .max(Comparator.comparingLong(r -> count(r.tip())))
                .orElseThrow();
        PairFilter.Range range = bar.filter().ranges().get(0);
        moveTo(divergence.localToScreen(bar.x() + bar.w() / 2, bar.y() + bar.h() / 2));
        FxWait.settle();
        clickOn(divergence.localToScreen(new Point2D(bar.x() + bar.w() / 2, bar.y() + bar.h() / 2)));
        FxWait.until(
                "the Sample screen drawn within the bin",
                () -> lookup("#sample-status").tryQuery().isPresent()
                        && text("#sample-status").contains(bar.filter().label())
                        && !lookup("#sample-table").queryTableView().getItems().isEmpty(),
                () -> lookup("#sample-status")
                        .tryQuery()
                        .map(n -> ((Label) n).getText())
                        .orElse("no sample yet"));
        TableView<SamplePair> table = lookup("#sample-table").queryTableView();
        for (SamplePair s : table.getItems()) {
            double d = s.candidate() - s.baseline();
            assertTrue(d >= range.low() && d < range.high(), s.requestId() + ": " + d + " outside " + range);
        }
        assertTrue(lookup("#sample-within-clear").query().isVisible(), "a way back to all pairs");
        clickOn("#sample-within-clear");
        FxWait.until(
                "the whole sample again",
                () -> !text("#sample-status").contains(bar.filter().label())
                        && text("#sample-status").startsWith("100 pairs"));
        assertFalse(lookup("#sample-within-clear").query().isVisible());
    }

    /** The pair count a bar's tip states ("...: 1,234 pairs (...)" or "1,234 pairs below ..."). */
    private static long count(String tip) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([0-9,]+) pairs").matcher(tip);
        assertTrue(m.find(), tip);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
