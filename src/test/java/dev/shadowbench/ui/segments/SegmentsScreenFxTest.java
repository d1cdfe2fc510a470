package dev.shadowbench.ui.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.QuietDialogs;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;

/** The Segments screen on a two-day workspace: segments worst first with both sides' p99, a day narrows the review. */
class SegmentsScreenFxTest extends ApplicationTest {
    @TempDir
    static Path dir;

    private static Path workspaceFile;
    private MainViewModel main;

    @BeforeAll
    static void logs() throws Exception {
        Path out = dir.resolve("logs");
        SyntheticLogs.write(
                out, new SyntheticLogs.Options(3000, 11, 2, LocalDate.of(2026, 11, 20), false, 0.4, 0.0), null);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> p.getFileName().toString().matches("(live|shadow)\\.jsonl"))
                    .sorted()
                    .forEach(files::add);
        }
        workspaceFile = dir.resolve("ws.duckdb");
        try (Workspace ws = Workspace.open(workspaceFile)) {
            new LogImporter(ws).run(ImportRequest.predictions(files, null), ProgressSink.NONE);
            List<Path> labels = new ArrayList<>();
            try (Stream<Path> s = Files.walk(out)) {
                s.filter(p -> p.getFileName().toString().equals("labels.csv"))
                        .sorted()
                        .forEach(labels::add);
            }
            new LogImporter(ws).run(ImportRequest.labels(labels), ProgressSink.NONE);
        }
    }

    @Override
    public void start(Stage stage) {
        main = new MainViewModel(new AppHome(dir.resolve("home")), new TaskRunner(1), new QuietDialogs());
        SegmentsViewModel vm = new SegmentsViewModel(main);
        stage.setScene(new Scene(new SegmentsView(vm, main.dialogs()), 1200, 800));
        stage.show();
        main.open(workspaceFile);
    }

    @Override
    public void stop() {
        main.shutdown();
    }

    private TableView<Summary.Group> table(String id) {
        return lookup(id).queryTableView();
    }

    private String status() {
        return lookup("#segments-message").queryAs(Label.class).getText() + " · " + main.comparison();
    }

    @Test
    void segmentsWorstFirstAndADayNarrowsTheReview() throws Exception {
        FxWait.until("the segments", () -> !table("#segments-table").getItems().isEmpty(), this::status);
        interact(() -> main.comparisonProperty().set(main.comparison().withWindow(null, null)));
        FxWait.until("both days", () -> table("#segments-days").getItems().size() == 2, this::status);
        List<Summary.Group> shown = List.copyOf(table("#segments-table").getItems());
        assertTrue(shown.size() >= 2, "several segments: " + shown);
        assertEquals(SegmentsViewModel.worstFirst(shown), shown, "worst first");
        assertTrue(shown.get(0).baselineLatencyP99() != null && shown.get(0).candidateLatencyP99() != null);
        // each row carries both sides' label error and the flagged share, shown in their columns
        for (Summary.Group g : shown) {
            assertTrue(g.baselineLabelError() != null && g.candidateLabelError() != null, "label error " + g);
            assertTrue(g.flaggedShare() != null, "flagged share " + g);
        }
        List<String> columns = table("#segments-table").getColumns().stream()
                .map(javafx.scene.control.TableColumn::getText)
                .toList();
        assertTrue(
                columns.containsAll(List.of("Baseline label error", "Candidate label error", "Flagged")),
                columns.toString());
        FxWait.until(
                "rows drawn",
                () -> !lookup("#segments-days .table-row-cell").queryAll().isEmpty());

        FxWait.settle();
        Summary.Group first = table("#segments-days").getItems().get(0);
        // Enter opens a row as a double-click does (TablesFxTest double-clicks; keys do not depend on click timing)
        interact(() -> {
            table("#segments-days").getSelectionModel().select(first);
            table("#segments-days").requestFocus();
        });
        push(javafx.scene.input.KeyCode.ENTER);
        FxWait.until(
                "the review narrowed to " + first.key(),
                () -> table("#segments-days").getItems().size() == 1
                        && first.key()
                                .equals(table("#segments-days")
                                        .getItems()
                                        .get(0)
                                        .key()),
                this::status);
        assertEquals(
                LocalDate.parse(first.key()), main.comparison().from(), "every screen follows the narrowed window");
        assertTrue(lookup("#segments-whole-window").query().isVisible());
        clickOn("#segments-whole-window");
        FxWait.until(
                "the whole window again",
                () -> table("#segments-days").getItems().size() == 2,
                this::status);
        assertFalse(lookup("#segments-whole-window").query().isVisible());
    }
}
