package dev.shadowbench.ui.decisions;

import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.SummarySources;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.lifecycle.LifecycleView;
import dev.shadowbench.ui.lifecycle.LifecycleViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** Drives the real Decisions and Lifecycle screens headless: gates shown, a decision recorded by typing, Ctrl+E export. */
class DecisionsViewTest extends ApplicationTest {
    private static Path dir;
    private static Path file;
    private DecisionsFixture fx;

    /** The logs are generated and imported before the stage starts: no I/O on the FX thread while it is set up. */
    @BeforeAll
    static void workspace() throws Exception {
        dir = Files.createTempDirectory("decisions-view");
        file = DecisionsFixture.workspace(dir);
    }

    @Override
    public void start(Stage stage) throws Exception {
        fx = new DecisionsFixture(dir);
        DecisionsViewModel vm = new DecisionsViewModel(fx.main, SummarySources.standard());
        LifecycleViewModel lvm = new LifecycleViewModel(fx.main);
        TabPane tabs =
                new TabPane(new Tab("Decisions", new DecisionsView(vm)), new Tab("Lifecycle", new LifecycleView(lvm)));
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
        fx.main.open(file);
    }

    @AfterEach
    void shutdown() throws Exception {
        interact(fx.main::shutdown);
    }

    @Test
    void recordADecisionAndExport() throws Exception {
        TableView<GateResult> gates = lookup("#decisions-gates").queryTableView();
        until("gates", () -> gates.getItems().size() == 9);
        Button record = lookup("#decision-record").queryButton();
        interact(() -> fx.main.setReviewer("ana"));
        assertEquals("ana", lookup("#decision-reviewer").queryAs(Label.class).getText());
        clickOn("#decision-note").write("shadow looks healthy");
        assertTrue(!record.isDisabled());
        clickOn(record);
        TableView<DecisionRecord> history = lookup("#decisions-history").queryTableView();
        until("history row", () -> history.getItems().size() == 1);
        assertEquals("hold", history.getItems().get(0).decision());
        assertEquals("shadow looks healthy", history.getItems().get(0).note());
        Label badge = lookup("#decisions-verification").queryAs(Label.class);
        until("verified", () -> badge.getText().contains("chain intact"));
        assertTrue(badge.getStyleClass().contains("success"));

        fx.saveAs = dir.resolve("report.html");
        clickOn("#decisions-gates");
        push(KeyCode.CONTROL, KeyCode.E);
        until("report", () -> Files.exists(fx.saveAs));
        assertTrue(Files.readString(fx.saveAs).contains("shadow looks healthy"));

        clickOn("Lifecycle");
        TableView<LifecycleBoard.VersionState> versions =
                lookup("#lifecycle-versions").queryTableView();
        until("versions", () -> versions.getItems().size() == 2);
        assertTrue(fx.errors.isEmpty(), fx.errors.toString());
    }
}
