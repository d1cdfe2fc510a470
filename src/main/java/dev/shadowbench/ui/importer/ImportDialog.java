package dev.shadowbench.ui.importer;

import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportPreview;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
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

        Label error = new Label();
        error.setId("import-preview-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.previewErrorProperty());
        error.getStyleClass().add("danger");

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

        VBox content = new VBox(
                8,
                new Label("Files, folders or globs"),
                new HBox(8, files, new VBox(6, add, remove)),
                options,
                error,
                new Label("First rows"),
                table,
                new Label("Column mapping (which column holds each field)"),
                mappingGrid);
        HBox.setHgrow(files, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        content.setPrefWidth(860);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(IMPORT);
        ok.setId("import-ok");
        ok.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.canImport(), vm.files()));
        setResultConverter(b -> {
            if (b == IMPORT) vm.startImport();
            return b;
        });
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
            mappingGrid.add(new Label(f.key()), (r % 3) * 2, r / 3);
            mappingGrid.add(box, (r % 3) * 2 + 1, r / 3);
            r++;
        }
    }
}
