package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.app.ShadowbenchApp;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.framework.junit5.ApplicationTest;

/** The app on the sample workspace in an empty settings folder, with the Dashboard's figures computed. */
abstract class SampleDashboardFx extends ApplicationTest {
    @BeforeAll
    static void emptyHome() throws Exception {
        dev.shadowbench.ui.FirstStartHome.withReviewer("ana");
    }

    @AfterAll
    static void restore() {
        dev.shadowbench.ui.FirstStartHome.clear();
    }

    @Override
    public void start(Stage stage) {
        new ShadowbenchApp().start(stage);
    }

    String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    /** Opens the Dashboard (Ctrl+2) and waits until its figures are in. */
    void openDashboard() throws Exception {
        FxWait.until("the sample workspace", () -> text("#workspace-label").contains("sample.duckdb"));
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        FxWait.until(
                "the coverage card",
                () -> lookup("#card-coverage-headline").tryQuery().isPresent()
                        && !lookup("#dashboard-computing").query().isVisible(),
                () -> text("#status-text"));
    }

    /** The pair count a bar's tip states ("...: 1,234 pairs (...)" or "1,234 pairs below ..."). */
    static long count(String tip) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([0-9,]+) pairs").matcher(tip);
        assertTrue(m.find(), tip);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
