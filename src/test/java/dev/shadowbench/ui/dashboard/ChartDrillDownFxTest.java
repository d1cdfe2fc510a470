package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.charts.PlotView;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * From a histogram bar to the requests behind it, headless on the sample workspace: clicking the divergence chart's
 * fullest bin shows its range and count in a PopOver, whose "Show these pairs" opens the Sample screen drawn within
 * that bin (every pair's difference in the bin's range), and
 * "Show all pairs" goes back to the whole sample.
 */
class ChartDrillDownFxTest extends SampleDashboardFx {
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
        // the click shows the bin's details (range and count) in a PopOver; its button opens the pairs
        FxWait.until(
                "the bin's details",
                () -> divergence.details().isShowing()
                        && lookup("#bin-details-text").tryQuery().isPresent());
        String details = lookup("#bin-details-text").queryAs(Label.class).getText();
        assertEquals(bar.tip(), details, "the bin's range and count");
        assertTrue(details.contains(String.format(java.util.Locale.ROOT, "%,d pairs", count(bar.tip()))), details);
        assertEquals(bar.filter().label(), divergence.details().getTitle());
        assertEquals(
                "Dashboard",
                lookup("#screen-list").queryListView().getSelectionModel().getSelectedItem(),
                "the click alone does not leave the Dashboard");
        clickOn("#bin-details-show");
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

    @Test
    void clickingAFlaggedPointOpensThatPairsDetail() throws Exception {
        openDashboard();
        PlotView density = lookup("#density-chart").queryAs(PlotView.class);
        interact(() -> {
            DashboardView screen =
                    lookup(".screen").match(n -> n instanceof DashboardView).query();
            // the density chart is below the fold (and above the residual plot): scroll its top to the viewport's top
            double top =
                    screen.getContent().sceneToLocal(density.localToScene(0, 0)).getY();
            double scrollable = screen.getContent().getBoundsInLocal().getHeight()
                    - screen.getViewportBounds().getHeight();
            screen.setVvalue(Math.min(screen.getVmax(), Math.max(0, top / scrollable)));
        });
        FxWait.settle();
        Plot.Dot dot = density.plot().shapes().stream()
                .filter(s -> s instanceof Plot.Dot d && d.requestId() != null)
                .map(s -> (Plot.Dot) s)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the sample has flagged pairs on the density chart"));
        // the dot on top at that place (flagged pairs may overlap)
        String id = ((Plot.Dot) density.plot().hit(dot.x(), dot.y())).requestId();
        clickOn(density.localToScreen(new Point2D(dot.x(), dot.y())));
        FxWait.until(
                "the Sample screen with that pair's detail",
                () -> lookup("#detail-title").tryQuery().isPresent()
                        && text("#detail-title").startsWith("Request " + id)
                        && !lookup("#detail-records")
                                .queryAs(javafx.scene.control.TextArea.class)
                                .getText()
                                .isBlank(),
                () -> lookup("#detail-title")
                        .tryQuery()
                        .map(n -> ((Label) n).getText())
                        .orElse("no Sample yet"));
        TableView<SamplePair> table = lookup("#sample-table").queryTableView();
        assertEquals(
                List.of(id),
                table.getItems().stream().map(SamplePair::requestId).toList(),
                "only that pair");
        assertTrue(text("#sample-status").contains("request " + id), text("#sample-status"));
    }
}
