package dev.shadowbench.ui.importer;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportPreview;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.MappingException;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
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
    /** Where the preview is read; null reads it on the calling thread (view-model tests without an FX toolkit). */
    private final TaskRunner previews;

    private final TaskRunner.Slot reading = new TaskRunner.Slot();
    private final ReadOnlyBooleanWrapper previewReading = new ReadOnlyBooleanWrapper();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<String> format = new SimpleObjectProperty<>(AUTO);
    private final ObjectProperty<String> variant = new SimpleObjectProperty<>(AUTO);
    private final BooleanProperty labels = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper mappingEditable = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<String> columnChoices = FXCollections.observableArrayList(NONE);
    private final Map<Field, ObjectProperty<String>> mapping = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper importError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    /** True once the user chose predictions or labels: a labels-looking file no longer switches it. */
    private boolean kindChosen;

    private boolean switchingKind;

    public ImportViewModel(MainViewModel main, List<Path> initialFiles) {
        this(main::workspace, main.dialogs(), r -> main.importLogs(r, false), main.tasks(), initialFiles);
    }

    /** For tests and other hosts: the preview is read on the calling thread. */
    public ImportViewModel(
            java.util.function.Supplier<Workspace> workspace,
            dev.shadowbench.ui.common.DialogService dialogs,
            java.util.function.Function<ImportRequest, Task<ImportReport>> importer,
            List<Path> initialFiles) {
        this(workspace, dialogs, importer, null, initialFiles);
    }

    /**
     * For tests and other hosts: where the workspace, the dialogs, the import runner and the runner of the preview's
     * reads come from (null: read on the calling thread).
     */
    public ImportViewModel(
            java.util.function.Supplier<Workspace> workspace,
            dev.shadowbench.ui.common.DialogService dialogs,
            java.util.function.Function<ImportRequest, Task<ImportReport>> importer,
            TaskRunner previews,
            List<Path> initialFiles) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.importer = importer;
        this.previews = previews;
        for (Field f : Field.values()) {
            mapping.put(f, new SimpleObjectProperty<>(NONE));
            fieldErrors.put(f, new ReadOnlyStringWrapper(""));
            mapping.get(f).addListener((o, a, b) -> validate());
        }
        files.setAll(initialFiles);
        files.addListener((javafx.collections.ListChangeListener<Path>) c -> refreshPreview());
        format.addListener((o, a, b) -> refreshPreview());
        labels.addListener((o, a, b) -> {
            if (!switchingKind) {
                kindChosen = true;
                notice.set("");
            }
            refreshPreview();
        });
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

    /** True while the preview of the current choice is being read (off the FX thread). */
    public ReadOnlyBooleanProperty previewReadingProperty() {
        return previewReading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mappingEditableProperty() {
        return mappingEditable.getReadOnlyProperty();
    }

    /** Why Import is disabled (shown beside the button); blank when the import can start. */
    public ReadOnlyStringProperty blockerProperty() {
        return blocker.getReadOnlyProperty();
    }

    /** What is wrong with a field's mapping (shown beside its choice); blank when nothing is. */
    public ReadOnlyStringProperty fieldErrorProperty(Field f) {
        return fieldErrors.get(f).getReadOnlyProperty();
    }

    /** Why the last import failed, when it concerns the files rather than one field; blank otherwise. */
    public ReadOnlyStringProperty importErrorProperty() {
        return importError.getReadOnlyProperty();
    }

    /** What the dialog recognised on its own ("Labels file: will be imported as labels"); blank otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True while an import started here runs. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** True once an import started here finished: the dialog closes then, not before. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
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

    /**
     * Reads the first rows of the first file and proposes a mapping, off the FX thread; a newer choice cancels the read
     * of an older one, whose result is then dropped. A file that cannot be read says why.
     */
    public void refreshPreview() {
        Workspace ws = workspace.get();
        importError.set("");
        reading.cancel();
        previewReading.set(false);
        if (ws == null || files.isEmpty()) {
            preview.set(null);
            previewError.set(files.isEmpty() ? "Add prediction logs to import." : "Open a workspace first.");
            columnChoices.setAll(NONE);
            validate();
            return;
        }
        List<Path> chosen = List.copyOf(files);
        ImportRequest.Kind kind = kind();
        String fmt = format.get();
        if (previews == null) {
            ImportPreview p;
            try {
                p = ImportPreview.of(ws, chosen, kind, fmt, PREVIEW_ROWS);
            } catch (RuntimeException e) {
                previewFailed(e);
                return;
            }
            showPreview(p);
            return;
        }
        preview.set(null);
        previewError.set("");
        previewReading.set(true);
        validate();
        previews.task(
                        "Reading " + chosen.get(0).getFileName() + "…",
                        progress -> ImportPreview.of(ws, chosen, kind, fmt, PREVIEW_ROWS))
                .latestIn(reading)
                .onSuccess(p -> {
                    previewReading.set(false);
                    showPreview(p);
                })
                .onFailure(e -> {
                    previewReading.set(false);
                    previewFailed(e);
                })
                .start();
    }

    private void showPreview(ImportPreview p) {
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
        if (!kindChosen && !labels.get() && p.looksLikeLabels()) {
            switchingKind = true;
            try {
                labels.set(true); // previews again, as labels
            } finally {
                switchingKind = false;
            }
            notice.set("Labels file: will be imported as labels (request id and actual value). "
                    + "Untick \"These files hold labels\" if it holds predictions.");
            return;
        }
        validate();
    }

    private void previewFailed(Throwable e) {
        preview.set(null);
        columnChoices.setAll(NONE);
        previewError.set(e.getMessage());
        validate();
    }

    /**
     * Says why Import cannot start yet, beside the field concerned: no request id mapped (pairs are matched on it),
     * no prediction (or label, for labels) mapped, a file that cannot be read.
     */
    void validate() {
        for (ReadOnlyStringWrapper w : fieldErrors.values()) w.set("");
        String reason = "";
        if (files.isEmpty()) reason = "Add the files to import.";
        else if (workspace.get() == null) reason = "Open a workspace first.";
        else if (previewReading.get()) reason = "Reading the first file…";
        else if (preview.get() == null) reason = "The first file cannot be read: see above.";
        else if (mappingEditable.get()) {
            if (isNone(Field.REQUEST_ID)) {
                fieldErrors
                        .get(Field.REQUEST_ID)
                        .set("Required: the column with the request id (pairs are matched on it)");
                reason = "Map the request id first.";
            }
            if (labels.get() && isNone(Field.LABEL)) {
                fieldErrors.get(Field.LABEL).set("Required: the column with the actual value");
                if (reason.isEmpty()) reason = "Map the label (the actual value) first.";
            }
            if (!labels.get() && isNone(Field.PREDICTION) && isNone(Field.PREDICTED_CLASS)) {
                fieldErrors.get(Field.PREDICTION).set("Required: the prediction (or the predicted class)");
                if (reason.isEmpty()) reason = "Map the prediction (or the predicted class) first.";
            }
        }
        blocker.set(reason);
    }

    private boolean isNone(Field f) {
        String c = mapping.get(f).get();
        return c == null || c.equals(NONE);
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
        return blocker.get().isEmpty() && !importing.get();
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

    /**
     * Starts the import on the main window's task runner. The dialog stays open until it succeeds; a failure is shown
     * beside the field it concerns (a mapping error) or beside the files, and the mapping is kept for another try.
     */
    public Task<ImportReport> startImport() {
        if (!canImport()) return null;
        importError.set("");
        Task<ImportReport> t = importer.apply(request());
        if (t == null) return null;
        importing.set(true);
        t.stateProperty().addListener((o, a, state) -> {
            switch (state) {
                case SUCCEEDED -> {
                    importing.set(false);
                    done.set(true);
                }
                case FAILED -> failed(t.getException());
                case CANCELLED -> importing.set(false);
                default -> {}
            }
        });
        return t;
    }

    /** Shows why an import failed where it belongs: beside the mapped field, else beside the files. */
    void failed(Throwable e) {
        importing.set(false);
        String msg = e == null || e.getMessage() == null ? "The import failed for an unknown reason." : e.getMessage();
        if (e instanceof MappingException m && m.field() != null && fieldErrors.containsKey(m.field())) {
            fieldErrors.get(m.field()).set(msg);
            blocker.set("Fix the mapping of " + m.field().key() + ", then import again.");
            // the mapping stays: only this field's choice changes, and changing it clears the block
        } else {
            importError.set(msg);
        }
    }
}
