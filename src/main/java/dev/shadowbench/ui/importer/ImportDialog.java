package dev.shadowbench.ui.importer;

import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportPreview;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The import dialog: files, what they hold, a preview of the first rows and the column mapping to confirm. */
public final class ImportDialog extends Dialog<ButtonType> {
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportViewModel vm;
    private final TableView<List<String>> table = new TableView<>();
    private final GridPane mappingGrid = new GridPane();

    public ImportDialog(ImportViewModel vm, Window owner) {
        this.vm = vm;
        if (owner != null) initOwner(owner);
        setTitle("Import logs");
        setHeaderText("Import prediction logs or labels");
        setResizable(true);

        ListView<Path> files = new ListView<>(vm.files());
        files.setId("import-files");
        files.setPrefHeight(90);
        Button add = new Button("Add files…");
        add.setId("import-add-files");
        add.setOnAction(e -> vm.chooseFiles());
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(files.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.files().remove(files.getSelectionModel().getSelectedItem()));

        ComboBox<String> format = new ComboBox<>();
        format.setId("import-format");
        format.getItems().setAll(vm.formats());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        ComboBox<String> variant = new ComboBox<>();
        variant.setId("import-variant");
        variant.setEditable(true);
        variant.getItems().setAll(vm.variants());
        variant.valueProperty().bindBidirectional(vm.variantProperty());
        variant.disableProperty().bind(vm.labelsProperty());
        CheckBox labels = new CheckBox("These files hold labels (request id + actual value)");
        labels.setId("import-labels");
        labels.selectedProperty().bindBidirectional(vm.labelsProperty());

        HBox options = new HBox(10, new Label("Format"), format, new Label("Variant"), variant, labels);
        options.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label error = message("import-preview-error", vm.previewErrorProperty(), "danger");
        Label importError = message("import-error", vm.importErrorProperty(), "danger");
        Label notice = message("import-notice", vm.noticeProperty(), "accent");
        Label reading = new Label("Reading…");
        reading.setId("import-preview-reading");
        reading.visibleProperty().bind(vm.previewReadingProperty());
        reading.managedProperty().bind(reading.visibleProperty());

        table.setId("import-preview");
        table.setPrefHeight(220);
        table.setPlaceholder(new Label("No preview"));
        mappingGrid.setId("import-mapping");
        mappingGrid.setHgap(8);
        mappingGrid.setVgap(4);

        vm.previewProperty().addListener((o, a, p) -> showPreview(p));
        vm.labelsProperty().addListener((o, a, b) -> buildMapping());
        showPreview(vm.previewProperty().get());
        buildMapping();

        Label blocker = message("import-blocker", vm.blockerProperty(), "warning");
        VBox content = new VBox(
                8,
                new Label("Files, folders or globs"),
                new HBox(8, files, new VBox(6, add, remove)),
                importError,
                options,
                notice,
                error,
                reading,
                new Label("First rows"),
                table,
                new Label("Column mapping (which column holds each field)"),
                mappingGrid,
                blocker);
        HBox.setHgrow(files, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        content.setPrefWidth(940);
        content.setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setContent(content);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(IMPORT);
        ok.setId("import-ok");
        ok.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> !vm.canImport(), vm.blockerProperty(), vm.importingProperty()));
        // Import starts the import and keeps the dialog open: it closes when the import succeeded; a failure is
        // shown here, beside the field or the files it concerns, with the mapping as the user left it
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.startImport();
        });
        vm.doneProperty().addListener((o, a, finished) -> {
            if (finished) {
                setResult(IMPORT);
                close();
            }
        });
    }

    private static Label message(String id, javafx.beans.value.ObservableValue<String> text, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private void showPreview(ImportPreview p) {
        table.getColumns().clear();
        table.getItems().clear();
        if (p == null) return;
        for (int i = 0; i < p.columns().size(); i++) {
            final int idx = i;
            // plain-text cells: whatever a log holds is shown as text, never interpreted
            TableColumn<List<String>, String> col =
                    new TableColumn<>(p.columns().get(i));
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                    idx < cd.getValue().size() ? cd.getValue().get(idx) : null));
            col.setPrefWidth(120);
            table.getColumns().add(col);
        }
        table.getItems().setAll(p.rows());
    }

    private void buildMapping() {
        mappingGrid.getChildren().clear();
        int r = 0;
        for (Field f : vm.fields()) {
            ComboBox<String> box = new ComboBox<>(vm.columnChoices());
            box.setId("map-" + f.key());
            box.valueProperty().bindBidirectional(vm.mappingProperty(f));
            box.disableProperty().bind(vm.mappingEditableProperty().not());
            box.setPrefWidth(180);
            Label name = new Label(f.key());
            name.setMinWidth(Region.USE_PREF_SIZE); // never "ti…": the grid's column grows instead
            Label why = message("map-error-" + f.key(), vm.fieldErrorProperty(f), "danger");
            why.setMaxWidth(180);
            mappingGrid.add(name, (r % 3) * 2, r / 3);
            mappingGrid.add(new VBox(2, box, why), (r % 3) * 2 + 1, r / 3);
            r++;
        }
    }
}
