package dev.shadowbench.ui.canary;

import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.app.MainWindow;
import dev.shadowbench.ui.decisions.DecisionsView;
import dev.shadowbench.ui.decisions.DecisionsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** Drives the real Canary screen headless in the main window: days, charts, advice, then Decisions pre-filled. */
class CanaryScreenFxTest extends ApplicationTest {
    private static Path dir;
    private static Path file;
    private DecisionsFixture fx;

    @BeforeAll
    static void workspace() throws Exception {
        dir = Files.createTempDirectory("canary-view");
        file = DecisionsFixture.canaryWorkspace(dir);
    }

    @Override
    public void start(Stage stage) {
        fx = new DecisionsFixture(dir);
        Map<String, Supplier<Node>> screens = new LinkedHashMap<>();
        screens.put("Canary", () -> {
            CanaryViewModel m = new CanaryViewModel(fx.main);
            m.reload();
            return new CanaryView(m);
        });
        screens.put("Decisions", () -> {
            DecisionsViewModel m = new DecisionsViewModel(fx.main, SummarySources.standard());
            m.reload();
            return new DecisionsView(m);
        });
        stage.setScene(new Scene(new MainWindow(fx.main, screens), 1200, 800));
        stage.show();
        fx.main.open(file);
    }

    @AfterEach
    void shutdown() throws Exception {
        interact(fx.main::shutdown);
    }

    @Test
    void showsTheRampAndTakesTheAdviceToDecisions() throws Exception {
        TableView<CanaryViewModel.Row> days = lookup("#canary-days").queryTableView();
        until("the canary's days", () -> days.getItems().size() == 2, () -> lookup("#canary-message")
                .queryAs(Label.class)
                .getText());
        assertEquals("20%", days.getItems().get(1).planned());
        Label advice = lookup("#canary-advice").queryAs(Label.class);
        assertTrue(advice.getText().startsWith("Advice: advance to 50% (from 20%)"), advice.getText());
        LineChart<?, ?> share = lookup("#canary-share-chart").queryAs(LineChart.class);
        assertEquals(2, share.getData().size(), "planned and observed");
        LineChart<?, ?> complaints = lookup("#canary-complaint-chart").queryAs(LineChart.class);
        assertEquals(2, complaints.getData().get(1).getData().size(), "the candidate's rate on both days");
        assertEquals(
                "50%", lookup("#canary-step-share").queryAs(TextField.class).getText());

        clickOn("#canary-decide");
        until(
                "Decisions pre-filled from the advice",
                () -> lookup("#decision-type").tryQuery().isPresent()
                        && lookup("#decision-type").queryAs(ComboBox.class).getValue() == DecisionType.ADVANCE);
        assertEquals(
                "50", lookup("#decision-share").queryAs(TextInputControl.class).getText());
        assertTrue(lookup("#decision-note")
                .queryAs(TextInputControl.class)
                .getText()
                .contains("advance to 50%"));
    }
}
