package dev.shadowbench.ui.common;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        // Every error the user sees is also in the log file, with its stack trace, for a bug report.
        LOG.error("{}: {}", title, message, details);
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        Label text = new Label(message == null ? "" : message);
        text.setWrapText(true);
        a.getDialogPane().setContent(text);
        if (details != null) {
            StringWriter sw = new StringWriter();
            details.printStackTrace(new PrintWriter(sw));
            TextArea area = new TextArea(sw.toString());
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(16);
            GridPane.setHgrow(area, Priority.ALWAYS);
            GridPane.setVgrow(area, Priority.ALWAYS);
            GridPane box = new GridPane();
            box.add(new Label("Details (include these when you report the problem):"), 0, 0);
            box.add(area, 0, 1);
            a.getDialogPane().setExpandableContent(box);
        }
        a.show();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.show();
    }

    /**
     * A ControlsFX {@link Notifications} in the window's lower right corner that fades after a few seconds: a finished
     * import or a changed verdict is news, not a question, so it does not block the window as an Alert would.
     */
    @Override
    public void announce(String title, String message) {
        LOG.info("{}: {}", title, message);
        if (owner == null || owner.getScene() == null || !owner.isShowing()) return;
        Notifications.create()
                .owner(owner)
                .title(title)
                .text(message)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(8))
                .showInformation();
    }

    @Override
    public void showDetail(String title, String text) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.initModality(javafx.stage.Modality.NONE);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setResizable(true);
        TextArea area = new TextArea(text);
        area.setId("detail-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(70);
        area.setPrefRowCount(Math.min(24, Math.max(6, (int) text.lines().count() + 2)));
        a.getDialogPane().setContent(area);
        a.show();
    }

    @Override
    public Optional<String> askReviewerName(String suggestion) {
        TextInputDialog d = new TextInputDialog(suggestion == null ? "" : suggestion);
        d.initOwner(owner);
        d.setTitle("Who is reviewing?");
        d.setHeaderText("Your name, as verdicts, dismissals and decisions will record it");
        d.setContentText("Reviewer");
        d.getEditor().setId("reviewer-name");
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        ((Button) a.getDialogPane().lookupButton(ButtonType.NO)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(ButtonType.YES)).setDefaultButton(false);
        return a.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseWorkspaceToOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open or create a workspace");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Shadowbench workspace (*.duckdb)", "*.duckdb"));
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public List<Path> chooseLogsToImport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import prediction logs");
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Prediction logs",
                                "*.jsonl",
                                "*.json",
                                "*.csv",
                                "*.parquet",
                                "*.jsonl.gz",
                                "*.json.gz",
                                "*.csv.gz"),
                        new FileChooser.ExtensionFilter("Spark extract (its manifest.json)", "manifest.json"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = fc.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(suggestedName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, "*." + extension));
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
