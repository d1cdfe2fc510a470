package dev.shadowbench.ui.importer;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportPreview;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the import dialog: the files, what they hold (predictions or labels), format and variant, a preview
 * of the first rows and the column mapping the user confirms or changes (remembered per source on import).
 */
public final class ImportViewModel {
    /** Shown in a mapping choice for "this field is not in the file". */
    public static final String NONE = "";

    public static final String AUTO = "auto";
    static final int PREVIEW_ROWS = 20;

    private final java.util.function.Supplier<Workspace> workspace;
    private final dev.shadowbench.ui.common.DialogService dialogs;
    private final java.util.function.Function<ImportRequest, Task<ImportReport>> importer;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<String> format = new SimpleObjectProperty<>(AUTO);
    private final ObjectProperty<String> variant = new SimpleObjectProperty<>(AUTO);
    private final BooleanProperty labels = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper mappingEditable = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<String> columnChoices = FXCollections.observableArrayList(NONE);
    private final Map<Field, ObjectProperty<String>> mapping = new EnumMap<>(Field.class);

    public ImportViewModel(MainViewModel main, List<Path> initialFiles) {
        this(main::workspace, main.dialogs(), main::importLogs, initialFiles);
    }

    /** For tests and other hosts: where the workspace, the dialogs and the import runner come from. */
    public ImportViewModel(
            java.util.function.Supplier<Workspace> workspace,
            dev.shadowbench.ui.common.DialogService dialogs,
            java.util.function.Function<ImportRequest, Task<ImportReport>> importer,
            List<Path> initialFiles) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.importer = importer;
        for (Field f : Field.values()) mapping.put(f, new SimpleObjectProperty<>(NONE));
        files.setAll(initialFiles);
        files.addListener((javafx.collections.ListChangeListener<Path>) c -> refreshPreview());
        format.addListener((o, a, b) -> refreshPreview());
        labels.addListener((o, a, b) -> refreshPreview());
        refreshPreview();
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObjectProperty<String> formatProperty() {
        return format;
    }

    public ObjectProperty<String> variantProperty() {
        return variant;
    }

    public BooleanProperty labelsProperty() {
        return labels;
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mappingEditableProperty() {
        return mappingEditable.getReadOnlyProperty();
    }

    /** The file's columns plus {@link #NONE}, for the mapping choices. */
    public ObservableList<String> columnChoices() {
        return columnChoices;
    }

    public ObjectProperty<String> mappingProperty(Field f) {
        return mapping.get(f);
    }

    /** The fields the mapping grid shows for what is being imported. */
    public List<Field> fields() {
        return labels.get()
                ? List.of(Field.REQUEST_ID, Field.LABEL, Field.TIMESTAMP)
                : List.of(
                        Field.REQUEST_ID,
                        Field.TIMESTAMP,
                        Field.MODEL,
                        Field.VERSION,
                        Field.VARIANT,
                        Field.PREDICTION,
                        Field.PREDICTED_CLASS,
                        Field.LATENCY,
                        Field.SEGMENT,
                        Field.FEEDBACK,
                        Field.LABEL);
    }

    public List<String> formats() {
        return List.of(AUTO, "jsonl", "csv", "parquet", "sagemaker", "kserve");
    }

    public List<String> variants() {
        return List.of(AUTO, "live", "shadow", "canary");
    }

    public void chooseFiles() {
        List<Path> chosen = dialogs.chooseLogsToImport();
        addFiles(chosen);
    }

    public void addFiles(List<Path> more) {
        List<Path> add = new ArrayList<>();
        for (Path p : more) if (!files.contains(p)) add.add(p);
        if (!add.isEmpty()) files.addAll(add);
    }

    /** Reads the first rows of the first file and proposes a mapping; a file that cannot be read says why. */
    public void refreshPreview() {
        Workspace ws = workspace.get();
        if (ws == null || files.isEmpty()) {
            preview.set(null);
            previewError.set(files.isEmpty() ? "Add prediction logs to import." : "Open a workspace first.");
            columnChoices.setAll(NONE);
            return;
        }
        try {
            ImportPreview p = ImportPreview.of(ws, List.copyOf(files), kind(), format.get(), PREVIEW_ROWS);
            List<String> choices = new ArrayList<>();
            choices.add(NONE);
            choices.addAll(p.columns());
            columnChoices.setAll(choices);
            for (Field f : Field.values()) {
                String c = p.mapping().column(f);
                mapping.get(f).set(c == null ? NONE : c);
            }
            mappingEditable.set(p.mappingEditable());
            previewError.set("");
            preview.set(p);
        } catch (RuntimeException e) {
            preview.set(null);
            columnChoices.setAll(NONE);
            previewError.set(e.getMessage());
        }
    }

    private ImportRequest.Kind kind() {
        return labels.get() ? ImportRequest.Kind.LABELS : ImportRequest.Kind.PREDICTIONS;
    }

    /** The mapping as the user left it. */
    public ColumnMapping mapping() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        for (Field f : fields()) {
            String c = mapping.get(f).get();
            if (c != null && !c.equals(NONE)) m.put(f, c);
        }
        return new ColumnMapping(m);
    }

    public boolean canImport() {
        return !files.isEmpty() && workspace.get() != null;
    }

    public ImportRequest request() {
        String v = variant.get() == null
                        || variant.get().isBlank()
                        || variant.get().equals(AUTO)
                ? null
                : variant.get().strip();
        ImportRequest r = labels.get()
                ? ImportRequest.labels(List.copyOf(files))
                : ImportRequest.predictions(List.copyOf(files), v);
        r = r.withFormat(format.get());
        // a mapping only for layouts that have one; SageMaker and KServe are read as they are
        return mappingEditable.get() && preview.get() != null ? r.withMapping(mapping()) : r;
    }

    /** Starts the import on the main window's task runner. */
    public Task<ImportReport> startImport() {
        return importer.apply(request());
    }
}
