package dev.shadowbench.ui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.app.ShadowbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Sample screen headless: change the seed, mark a verdict, reopen the workspace, find the verdict. */
class SampleScreenFxTest extends ApplicationTest {
    private static Path home;

    @BeforeAll
    static void emptyHome() throws Exception {
        home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
    }

    @AfterAll
    static void restore() { System.clearProperty("shadowbench.home"); }

    @Override
    public void start(Stage stage) {
        new ShadowbenchApp().start(stage);
    }

    private TableView<SamplePair> table() { return lookup("#sample-table").queryTableView(); }

    private List<String> ids() { return table().getItems().stream().map(SamplePair::requestId).toList(); }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        // Lookups run on the test thread while the FX thread changes the scene: a half-built scene is "not yet".
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                return c.call();
            } catch (RuntimeException e) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void seedVerdictAndReopen() throws Exception {
        waitUntil(() -> lookup("#workspace-label").queryAs(Label.class).getText().contains("sample.duckdb"));
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);  // Sample is the third screen
        waitUntil(() -> lookup("#sample-table").tryQuery().isPresent() && table().getItems().size() == 100);
        List<String> seed1 = ids();

        doubleClickOn("#sample-seed").eraseText(3).write("4242");
        clickOn("#sample-draw");
        waitUntil(() -> table().getItems().size() == 100 && !ids().equals(seed1));
        List<String> seed4242 = ids();
        assertNotEquals(seed1, seed4242);

        // select the first row, write a note, mark it wrong
        interact(() -> table().getSelectionModel().select(0));
        String id = table().getSelectionModel().getSelectedItem().requestId();
        waitUntil(() -> lookup("#detail-records").queryAs(TextArea.class).getText().contains(id));
        assertTrue(lookup("#detail-records").queryAs(TextArea.class).getText().contains("── Candidate"));
        clickOn("#verdict-note").write("leak? check the feature pipeline");
        clickOn("#verdict-wrong-button");
        waitUntil(() -> "wrong".equals(row(id).verdict()));

        // reopen the workspace: the verdict was saved in it, and the seed was remembered
        clickOn("File").clickOn("Open sample workspace");
        waitUntil(() -> table().getItems().size() == 100 && ids().equals(seed4242) && row(id).verdict() != null);
        assertEquals("wrong", row(id).verdict());
        assertEquals("leak? check the feature pipeline", row(id).note());
        waitUntil(() -> lookup("#sample-status").queryAs(Label.class).getText().endsWith("· 1 reviewed"));
    }

    private SamplePair row(String id) {
        return table().getItems().stream().filter(p -> p.requestId().equals(id)).findFirst().orElseThrow();
    }
}
