package dev.shadowbench.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/** The real dialog, headless: preview table, mapping choices, Import. */
class ImportDialogTest extends ApplicationTest {
    Workspace ws;
    final List<ImportRequest> started = new CopyOnWriteArrayList<>();
    ImportDialog dialog;

    @Override
    public void start(Stage stage) throws Exception {
        ws = Workspace.inMemory();
        Path dir = Files.createTempDirectory("import-dialog");
        Path f = Files.writeString(
                dir.resolve("shadow.jsonl"),
                "{\"corr_id\":\"a\",\"score\":0.5,\"ts\":\"2026-11-20T10:00:00Z\",\"note\":\"<b>hi</b>\"}\n"
                        + "{\"corr_id\":\"b\",\"score\":0.7,\"ts\":\"2026-11-20T10:00:01Z\",\"note\":\"x\"}\n");
        ImportViewModel vm = new ImportViewModel(
                () -> ws,
                ImportViewModelTest.NO_DIALOGS,
                r -> {
                    started.add(r);
                    return null;
                },
                List.of(f));
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        dialog = new ImportDialog(vm, stage);
        dialog.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void showsThePreviewAndImportsWithTheChangedMapping() throws Exception {
        TableView<?> table =
                from(dialog.getDialogPane()).lookup("#import-preview").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals(4, table.getColumns().size());
        @SuppressWarnings("unchecked")
        ComboBox<String> id =
                from(dialog.getDialogPane()).lookup("#map-request_id").queryAs(ComboBox.class);
        assertEquals("corr_id", id.getValue());
        @SuppressWarnings("unchecked")
        ComboBox<String> segment =
                from(dialog.getDialogPane()).lookup("#map-segment").queryAs(ComboBox.class);
        interact(() -> segment.setValue("note"));
        clickOn(dialog.getDialogPane().lookupButton(ImportDialog.IMPORT));
        FxWait.until("the import started", () -> !started.isEmpty());
        assertEquals(1, started.size());
        assertEquals("note", started.get(0).mapping().column(Field.SEGMENT));
        assertEquals("score", started.get(0).mapping().column(Field.PREDICTION));
        assertTrue(dialog.isShowing(), "Import keeps the dialog open until the import succeeded");
    }

    // issue 20, item 12: sized to its content, no "ti..." labels
    @Test
    void noLabelIsCutShort() throws Exception {
        FxWait.settle();
        for (javafx.scene.Node n : from(dialog.getDialogPane()).lookup(".label").queryAll()) {
            if (!(n instanceof javafx.scene.control.Label l) || !l.isVisible() || l.getText() == null) continue;
            if (l.isWrapText()) continue; // wraps instead of cutting
            javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
            if (shown == null) continue;
            assertEquals(l.getText(), shown.getText(), "label cut short: " + l.getText());
        }
    }
}
