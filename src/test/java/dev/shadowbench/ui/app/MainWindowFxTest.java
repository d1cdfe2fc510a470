package dev.shadowbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.workspace.WorkspaceOverview;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** Opens the real main window headless on a first start (empty settings folder). */
class MainWindowFxTest extends ApplicationTest {
    private static Path home;
    private Stage stage;

    @BeforeAll
    static void emptyHome() throws Exception {
        home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("shadowbench.home");
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        new ShadowbenchApp().start(stage);
    }

    @Test
    void firstStartShowsTheSampleWorkspace() throws Exception {
        TableView<WorkspaceOverview.Group> table = lookup("#overview-table").queryTableView();
        // src/test/resources/dev/shadowbench/sample/sample_figures.py: 13 groups (day x variant), 1,504 live rows on
        // 2026-11-20, 14,974 prediction rows in all
        FxWait.until(
                "the sample's 13 day x variant groups",
                () -> table.getItems().size() == 13,
                () -> lookup("#overview-headline").queryAs(Label.class).getText());
        assertEquals("Shadowbench — sample.duckdb", stage.getTitle());
        assertEquals("live", table.getItems().get(0).variant());
        assertEquals(1504, table.getItems().get(0).rows());
        assertEquals("gbr", table.getItems().get(1).model());
        assertEquals("canary", table.getItems().get(6).variant());
        Label headline = lookup("#overview-headline").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("14,974 prediction rows"), headline.getText());
        Label ws = lookup("#workspace-label").queryAs(Label.class);
        assertEquals("Workspace: sample.duckdb", ws.getText());
        assertTrue(
                Files.isRegularFile(home.resolve("sample.duckdb")),
                "the sample workspace was created in the settings folder");
        FxWait.until(
                "the workspace remembered",
                () -> Files.isRegularFile(home.resolve("settings.properties"))
                        && Files.readString(home.resolve("settings.properties")).contains("sample.duckdb"));
    }
}
