package dev.shadowbench.ui.overview;

import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.core.workspace.WorkspaceOverview;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Loads what the workspace holds whenever the workspace or its content changes. */
public final class OverviewViewModel {
    private final MainViewModel main;
    private final ObservableList<WorkspaceOverview.Group> groups = FXCollections.observableArrayList();
    private final ObservableList<WorkspaceOverview.ImportedFile> files = FXCollections.observableArrayList();
    private final ObservableList<WorkspaceOverview.QuarantinedLine> quarantine = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WorkspaceOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Opening a workspace…");
    private final TaskRunner.Slot loading = new TaskRunner.Slot();

    public OverviewViewModel(MainViewModel main) {
        this.main = main;
        main.onRevision("Overview", this::reload);
    }

    public ObservableList<WorkspaceOverview.Group> groups() {
        return groups;
    }

    public ObservableList<WorkspaceOverview.ImportedFile> files() {
        return files;
    }

    public ObservableList<WorkspaceOverview.QuarantinedLine> quarantine() {
        return quarantine;
    }

    public ReadOnlyObjectProperty<WorkspaceOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public void reload() {
        Workspace ws = main.workspace();
        if (ws == null) return;
        main.tasks()
                .task("Reading " + ws.displayName(), p -> WorkspaceOverview.of(ws))
                .latestIn(loading)
                .onSuccess(this::show)
                .onFailure(ex -> headline.set("Could not read the workspace: " + ex.getMessage()))
                .start();
    }

    private void show(WorkspaceOverview o) {
        overview.set(o);
        groups.setAll(o.groups());
        files.setAll(o.files());
        quarantine.setAll(o.quarantine());
        headline.set(
                o.isEmpty()
                        ? "This workspace is empty. Drop prediction logs here or use File › Import… (Ctrl+I)."
                        : String.format(
                                Locale.ROOT,
                                "%,d prediction rows from %,d import(s) · %,d labels (%,d requests labelled) · %,d quarantined rows",
                                o.predictionRows(),
                                o.importCount(),
                                o.labelRows(),
                                o.labelledRequests(),
                                o.quarantinedRows()));
    }
}
