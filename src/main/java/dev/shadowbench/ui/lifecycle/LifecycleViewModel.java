package dev.shadowbench.ui.lifecycle;

import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Lifecycle screen's state: every model version with its stage, the selected one's history, reminders. */
public final class LifecycleViewModel {
    private final MainViewModel main;
    private final int retireAfterDays;
    private final ObservableList<LifecycleBoard.VersionState> versions = FXCollections.observableArrayList();
    private final ObservableList<LifecycleBoard.HistoryEntry> history = FXCollections.observableArrayList();
    private final ObjectProperty<LifecycleBoard.VersionState> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final TaskRunner.Slot loading = new TaskRunner.Slot();

    public LifecycleViewModel(MainViewModel main) {
        this(main, LifecycleBoard.DEFAULT_RETIRE_AFTER_DAYS);
    }

    public LifecycleViewModel(MainViewModel main, int retireAfterDays) {
        this.main = main;
        this.retireAfterDays = retireAfterDays;
        main.onRevision("Lifecycle", this::reload);
        selected.addListener((o, a, v) -> {
            if (v == null) history.clear();
            else history.setAll(v.history());
        });
    }

    public ObservableList<LifecycleBoard.VersionState> versions() {
        return versions;
    }

    public ObservableList<LifecycleBoard.HistoryEntry> history() {
        return history;
    }

    public ObjectProperty<LifecycleBoard.VersionState> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public void reload() {
        Workspace ws = main.workspace();
        if (ws == null) return;
        main.tasks()
                .task(
                        "Reading model versions",
                        p -> LifecycleBoard.load(ws, LocalDateTime.now(ZoneOffset.UTC), retireAfterDays))
                .latestIn(loading)
                .onSuccess(this::show)
                .onFailure(ex -> headline.set("Could not read the model versions: " + ex.getMessage()))
                .start();
    }

    private void show(LifecycleBoard b) {
        String key = selected.get() == null ? null : selected.get().key();
        versions.setAll(b.versions());
        selected.set(key == null ? null : b.find(key));
        long reminders = b.versions().stream().filter(v -> v.reminder() != null).count();
        headline.set(
                b.versions().isEmpty()
                        ? "No model versions yet: import prediction logs."
                        : b.versions().size() + " model version(s) · rollback target: "
                                + (b.rollbackTarget() == null
                                        ? "none (" + b.rollbackMeaning() + ")"
                                        : b.rollbackTarget())
                                + (reminders == 0 ? "" : " · " + reminders + " to retire"));
    }
}
