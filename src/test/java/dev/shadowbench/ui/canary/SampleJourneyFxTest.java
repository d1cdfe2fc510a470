package dev.shadowbench.ui.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.decide.CanaryReview;
import dev.shadowbench.ui.FirstStartHome;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.app.ShadowbenchApp;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The first start's sample holds the whole journey: the comparison opens on the shadow period (live vs shadow), and
 * the Canary screen shows the ramp that followed (live vs canary), planned against observed share per day.
 */
class SampleJourneyFxTest extends ApplicationTest {
    @BeforeAll
    static void emptyHome() throws Exception {
        FirstStartHome.withReviewer("ana");
    }

    @AfterAll
    static void restore() {
        FirstStartHome.clear();
    }

    @Override
    public void start(Stage stage) {
        new ShadowbenchApp().start(stage);
    }

    @Test
    void theCanaryScreenShowsTheRampAfterTheShadow() throws Exception {
        FxWait.until(
                "the sample workspace",
                () -> lookup("#workspace-label").queryAs(Label.class).getText().contains("sample.duckdb"));
        press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<CanaryViewModel.Row> days = lookup("#canary-days").queryTableView();
        FxWait.until("the ramp's four days", () -> days.getItems().size() == 4, () -> lookup("#canary-message")
                .queryAs(Label.class)
                .getText());
        String message = lookup("#canary-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Showing live vs canary from 2026-11-23"), message);
        assertTrue(message.contains("shadow, is a shadow"), message);
        // src/test/resources/dev/shadowbench/sample/sample_figures.py, canary days: (live, canary, complaints of each)
        // 11-23: 1484, 16, 24, 1 · 11-24: 1182, 318, 24, 5 · 11-25: 715, 785, 16, 15 · 11-26: 0, 1500, 0, 27
        long[][] expected = {{1484, 16, 24, 1}, {1182, 318, 24, 5}, {715, 785, 16, 15}, {0, 1500, 0, 27}};
        List<Double> planned = List.of(0.01, 0.2, 0.5, 1.0);
        for (int i = 0; i < 4; i++) {
            CanaryReview.Day d = days.getItems().get(i).day();
            assertEquals(LocalDate.of(2026, 11, 23).plusDays(i), d.day());
            assertEquals(planned.get(i), d.plannedShare());
            assertEquals(expected[i][0], d.baselineRequests(), "live requests " + d.day());
            assertEquals(expected[i][1], d.candidateRequests(), "canary requests " + d.day());
            assertEquals(
                    (double) expected[i][1] / (expected[i][0] + expected[i][1]), d.observedShare(), 1e-12, "observed");
            assertEquals(expected[i][2], d.baselineComplaints().complaints(), "live complaints " + d.day());
            assertEquals(expected[i][3], d.candidateComplaints().complaints(), "canary complaints " + d.day());
        }

        // the comparison bar opens on the shadow's days; picking the canary there moves the window to the ramp's
        DatePicker from = lookup("#window-from").queryAs(DatePicker.class),
                to = lookup("#window-to").queryAs(DatePicker.class);
        assertEquals(null, from.getValue());
        assertEquals(LocalDate.of(2026, 11, 22), to.getValue());
        ComboBox<Side> candidate = lookup("#candidate-choice").queryComboBox();
        interact(() -> candidate.setValue(Side.variant("canary")));
        assertEquals(LocalDate.of(2026, 11, 23), from.getValue());
        assertEquals(null, to.getValue(), "open at the end: the ramp goes on");
    }
}
