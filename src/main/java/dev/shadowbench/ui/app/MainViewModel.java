package dev.shadowbench.ui.app;

import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.SampleWorkspace;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.FxProgress;
import dev.shadowbench.ui.common.TaskRunner;
import dev.shadowbench.core.compare.Comparison;
import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** State of the main window: the open workspace, its revision (bumped on every change), and the global actions. */
public final class MainViewModel {
    private final AppHome home;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Shadowbench");
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>();

    public MainViewModel(AppHome home, TaskRunner tasks, DialogService dialogs) {
        this.home = home;
        this.tasks = tasks;
        this.dialogs = dialogs;
        workspace.addListener((o, old, ws) -> title.set(ws == null ? "Shadowbench" : "Shadowbench — " + ws.displayName()));
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() { return workspace.getReadOnlyProperty(); }

    public Workspace workspace() { return workspace.get(); }

    /** Bumped whenever the workspace's content changes; screens reload on it. */
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /**
     * The global comparison (baseline, candidate, window) every screen shows; null until a workspace with
     * two variants is open. Screens reload when it or {@link #revisionProperty()} changes.
     */
    public ObjectProperty<Comparison> comparisonProperty() { return comparison; }

    public Comparison comparison() { return comparison.get(); }

    public TaskRunner tasks() { return tasks; }

    public DialogService dialogs() { return dialogs; }

    public AppHome home() { return home; }

    /** Opens the workspace given on the command line, else the last one, else the bundled sample. */
    public Task<Workspace> openAtStartup(String argument) {
        Path requested = argument != null ? Path.of(argument) : home.lastWorkspace().orElse(null);
        return open(requested);
    }

    /** Opens {@code file} (creating it if new), or the sample workspace when {@code file} is null. */
    public Task<Workspace> open(Path file) {
        Task<Workspace> task = new Task<>() {
            @Override
            protected Workspace call() throws Exception {
                Workspace ws = openOrCreate();
                try (Connection c = ws.connect()) {
                    defaultComparison = Comparison.defaultFor(c);
                }
                return ws;
            }

            private Workspace openOrCreate() throws Exception {
                if (file != null) {
                    updateMessage("Opening " + file.getFileName());
                    return Workspace.open(file);
                }
                Path sample = home.sampleWorkspace();
                if (Files.isRegularFile(sample)) {
                    updateMessage("Opening the sample workspace");
                    return Workspace.open(sample);
                }
                updateMessage("Creating the sample workspace from the bundled logs");
                return SampleWorkspace.create(sample, new FxProgress(this::updateProgress, this::updateMessage, this::isCancelled));
            }
        };
        task.setOnSucceeded(e -> switchTo(task.getValue(), defaultComparison));
        task.setOnFailed(e -> dialogs.showError("Cannot open the workspace", task.getException().getMessage(),
                task.getException()));
        return tasks.run(task);
    }

    private void switchTo(Workspace ws, Comparison defaultComparison) {
        Workspace old = workspace.get();
        tasks.cancelAll();
        comparison.set(defaultComparison);
        workspace.set(ws);
        home.rememberWorkspace(ws.file());
        revision.set(revision.get() + 1);
        if (old != null && old != ws) old.close();
    }

    /** Imports prediction logs (files or folders) into the open workspace. */
    public Task<ImportReport> importLogs(List<Path> paths, String variant) {
        if (paths.isEmpty()) return null;
        return importLogs(ImportRequest.predictions(paths, variant));
    }

    /** Runs an import (predictions or labels, with format and mapping) into the open workspace. */
    public Task<ImportReport> importLogs(ImportRequest request) {
        Workspace ws = workspace.get();
        if (ws == null || request.paths().isEmpty()) return null;
        Task<ImportReport> task = new Task<>() {
            @Override
            protected ImportReport call() {
                updateMessage("Importing " + request.paths().size() + " path(s)");
                return new LogImporter(ws).run(request,
                        new FxProgress(this::updateProgress, this::updateMessage, this::isCancelled));
            }
        };
        task.setOnSucceeded(e -> {
            revision.set(revision.get() + 1);
            dialogs.showInfo("Import finished", task.getValue().summaryLine());
        });
        task.setOnFailed(e -> {
            Throwable ex = task.getException();
            if (ex instanceof CancelledException) return;
            dialogs.showError("Import failed", ex.getMessage(), ex);
        });
        return tasks.run(task);
    }

    private volatile Comparison defaultComparison;

    public void refresh() { revision.set(revision.get() + 1); }

    public void shutdown() {
        tasks.close();
        Workspace ws = workspace.get();
        if (ws != null) ws.close();
    }
}
