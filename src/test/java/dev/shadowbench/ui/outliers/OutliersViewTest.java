package dev.shadowbench.ui.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.outliers.OutlierReview;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;

/** Drives the real Outliers screen headless: flags listed, banners shown, a flag dismissed with a note, a rule switched off. */
class OutliersViewTest extends ApplicationTest {
    @TempDir
    static Path dir;

    private static Path workspaceFile;
    private MainViewModel main;
    private OutliersViewModel vm;

    @BeforeAll
    static void logs() throws Exception {
        Path out = dir.resolve("logs");
        SyntheticLogs.write(
                out, new SyntheticLogs.Options(4000, 7, 1, LocalDate.of(2026, 11, 20), false, 0.4, 0.005), null);
        Path day = out.resolve("2026-11-20");
        workspaceFile = dir.resolve("ws.duckdb");
        try (Workspace ws = Workspace.open(workspaceFile)) {
            LogImporter imp = new LogImporter(ws);
            imp.run(
                    ImportRequest.predictions(List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                    ProgressSink.NONE);
            imp.run(ImportRequest.labels(List.of(day.resolve("labels.csv"))), ProgressSink.NONE);
        }
    }

    @Override
    public void start(Stage stage) {
        main = new MainViewModel(new AppHome(dir.resolve("home")), new TaskRunner(1), new DialogService() {
            @Override
            public void showError(String title, String message, Throwable details) {
                throw new AssertionError(title + ": " + message, details);
            }

            @Override
            public void showInfo(String title, String message) {}

            @Override
            public Optional<Path> chooseWorkspaceToOpen() {
                return Optional.empty();
            }

            @Override
            public List<Path> chooseLogsToImport() {
                return List.of();
            }

            @Override
            public Optional<Path> chooseSaveFile(String t, String s, String e) {
                return Optional.empty();
            }
        });
        vm = new OutliersViewModel(main);
        stage.setScene(new Scene(new OutliersView(vm), 1200, 800));
        stage.show();
        main.open(workspaceFile);
    }

    @Override
    public void stop() {
        main.shutdown();
    }

    private TableView<OutliersViewModel.Row> table() {
        return lookup("#outliers-table").queryTableView();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxWait.until(
                what,
                condition,
                () -> vm.headlineProperty().get() + " · " + table().getItems().size() + " rows listed");
    }

    @Test
    void reviewerSeesFlagsDismissesOneAndSwitchesARuleOff() throws Exception {
        waitUntil(
                "the flagged pairs",
                () -> vm.resultProperty().get() != null && !table().getItems().isEmpty());
        int listed = table().getItems().size();
        String headline = lookup("#outliers-headline").queryAs(Label.class).getText();
        assertTrue(headline.matches("[\\d,]+ of 3,[\\d]{3} pairs flagged .*"), headline);
        assertTrue(table().getItems().stream().anyMatch(r -> r.outlier().rule().equals("latency_fast")));
        VBox banners = lookup("#outliers-banners").queryAs(VBox.class);
        assertTrue(banners.getChildren().stream()
                .anyMatch(n -> n.getStyleClass().contains("outlier-banner-warning")
                        && ((Label) n).getText().contains("cached or default answers")));

        interact(() -> table().getSelectionModel().select(0));
        OutliersViewModel.Row first = table().getSelectionModel().getSelectedItem();
        clickOn("#outliers-note").write("checked with the ops team");
        clickOn("#outliers-dismiss");
        waitUntil("the dismissed flag hidden", () -> table().getItems().size() == listed - 1);
        assertFalse(table().getItems().stream().anyMatch(r -> r.outlier().equals(first.outlier())));

        clickOn("#outliers-show-dismissed");
        waitUntil("the dismissed flag shown", () -> table().getItems().size() == listed);
        OutliersViewModel.Row shown = table().getItems().stream()
                .filter(r -> r.outlier().equals(first.outlier()))
                .findFirst()
                .orElseThrow();
        assertTrue(
                shown.status().startsWith("dismissed by ") && shown.status().endsWith(": checked with the ops team"),
                shown.status());
        var stored = OutlierReview.load(main.workspace(), main.comparison(), ProgressSink.NONE)
                .dismissals();
        assertEquals(1, stored.size());

        interact(() -> lookup("#param-extreme-span_k").queryAs(TextField.class).setText("abc"));
        clickOn("#outliers-apply");
        FxWait.settle();
        assertTrue(lookup("#outliers-settings-error")
                .queryAs(Label.class)
                .getText()
                .contains("'abc' is not a number"));
        interact(() -> lookup("#param-extreme-span_k").queryAs(TextField.class).setText("4"));

        interact(() -> lookup("#rule-latency").queryAs(CheckBox.class).setSelected(false));
        clickOn("#outliers-apply");
        waitUntil(
                "the rules re-run without latency",
                () -> !vm.settingsProperty().get().enabled("latency")
                        && vm.resultProperty().get() != null
                        && !vm.resultProperty().get().settings().enabled("latency"));
        assertTrue(table().getItems().stream().noneMatch(r -> r.outlier().rule().equals("latency_fast")));
        assertEquals("", lookup("#outliers-settings-error").queryAs(Label.class).getText());
    }
}
