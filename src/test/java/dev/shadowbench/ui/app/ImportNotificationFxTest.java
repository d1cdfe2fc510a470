package dev.shadowbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * A finished import is announced by a ControlsFX notification in the window (which fades by itself), not by a modal
 * dialog the reviewer has to close; it is painted in the theme's colours.
 */
class ImportNotificationFxTest extends ApplicationTest {
    private static Path home;
    private ShadowbenchApp app;

    @BeforeAll
    static void emptyHome() throws Exception {
        home = Files.createTempDirectory("sb-home");
        System.setProperty("shadowbench.home", home.toString());
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
        app = new ShadowbenchApp();
        app.start(stage);
    }

    @Test
    void aFinishedImportRaisesANotification() throws Exception {
        FxWait.until(
                "the sample workspace",
                () -> lookup("#workspace-label").queryAs(Label.class).getText().contains("sample.duckdb"));
        Path logs = home.resolve("logs");
        SyntheticLogs.write(logs, SyntheticLogs.Options.of(40, 7, 1), null);
        Path live;
        try (var files = Files.walk(logs)) {
            live = files.filter(p -> p.getFileName().toString().equals("live.jsonl"))
                    .findFirst()
                    .orElseThrow();
        }
        interact(() -> app.vm.importLogs(List.of(live), "live"));
        FxWait.until(
                "a notification", () -> lookup(".notification-bar").tryQuery().isPresent());
        Node bar = lookup(".notification-bar").query();
        String text = lookup(n -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().contains("line(s) read"))
                .tryQuery()
                .map(n -> ((Label) n).getText())
                .orElse("");
        assertTrue(bar.isVisible());
        javafx.scene.layout.Region pane = (javafx.scene.layout.Region) bar.lookup(".pane");
        assertTrue(
                pane.getBackground() != null && !pane.getBackground().getFills().isEmpty(),
                "a background in the AtlantaFX theme's colours (ControlsFX's own names Modena's, undefined here)");
        assertTrue(text.startsWith("1 file(s), ") && text.contains(" imported, 0 quarantined"), text);
        assertTrue(
                lookup(n -> n instanceof Label l && "Import finished".equals(l.getText()))
                        .tryQuery()
                        .isPresent(),
                "titled Import finished");
    }
}
