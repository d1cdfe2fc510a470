package dev.shadowbench.ui.common;

import dev.shadowbench.core.baseline.BaselineRequest;
import dev.shadowbench.core.baseline.SyntheticBaselines;
import dev.shadowbench.core.chart.PairFilter;
import dev.shadowbench.core.compare.BaselineRecipe;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.ComparisonChoices;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.decide.SharedReview;
import dev.shadowbench.core.extract.ExtractImport;
import dev.shadowbench.core.ingest.ImportReport;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.ingest.NewLogs;
import dev.shadowbench.core.ingest.SampleWorkspace;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/**
 * State of the main window: the open workspace, its revision (bumped on every change), and the global actions.
 * Every screen takes it, so it lives in ui.common, below the screens; ui.app, which builds the screens, sits above.
 */
public final class MainViewModel {
    private final AppHome home;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Shadowbench");
    private final ReadOnlyStringWrapper reviewer = new ReadOnlyStringWrapper();
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ComparisonChoices> choices = new ReadOnlyObjectWrapper<>();
    /** The pairs of a chart's bin the Sample screen draws within (null: all pairs); a click on a chart sets it. */
    private final ObjectProperty<PairFilter> sampleWithin = new SimpleObjectProperty<>();
    /** Opening replaces the workspace, the choices and the comparison; a newer open wins over an older one. */
    private final TaskRunner.Slot opening = new TaskRunner.Slot();

    private final TaskRunner.Slot readingChoices = new TaskRunner.Slot();

    /** What a workspace offers when it is opened or its content changed, read off the FX thread. */
    private record Contents(Workspace workspace, Comparison defaultComparison, ComparisonChoices choices) {
        static Contents of(Workspace ws) {
            return new Contents(ws, Comparison.defaultFor(ws), ComparisonChoices.of(ws));
        }
    }

    public MainViewModel(AppHome home, TaskRunner tasks, DialogService dialogs) {
        this.home = home;
        this.tasks = tasks;
        this.dialogs = dialogs;
        // A wait for the workspace file ends when the task that waited does.
        tasks.running().addListener((javafx.collections.ListChangeListener<Task<?>>) c -> {
            if (tasks.running().isEmpty()) notice.set("");
        });
        reviewer.set(home.reviewer().orElse(loginName()));
        // A settings save runs on a writer thread; its failure reaches the user, not only the log file.
        home.onSaveFailure(e -> Platform.runLater(() -> dialogs.showError(
                "Settings not saved",
                "Shadowbench could not save its settings in " + home.dir() + ": " + e.getMessage()
                        + ". Your choices are kept until the app closes.",
                e)));
        workspace.addListener(
                (o, old, ws) -> title.set(ws == null ? "Shadowbench" : "Shadowbench — " + ws.displayName()));
        // Screens reload on the revision alone, so a change of comparison is one reload, not two.
        comparison.addListener((o, a, b) -> {
            sampleWithin.set(null); // a bin of another comparison's chart
            if (!switching) refresh();
        });
    }

    private boolean switching;

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace.get();
    }

    /** Bumped whenever the workspace's content changes; screens reload on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * The global comparison (baseline, candidate, window) every screen shows; null until a workspace with
     * two variants is open. Changing it bumps {@link #revisionProperty()}, on which screens reload.
     */
    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    public Comparison comparison() {
        return comparison.get();
    }

    /** The sides and days the open workspace offers for the comparison bar. */
    public ReadOnlyObjectProperty<ComparisonChoices> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    /**
     * Who reviews: the name set once (asked on first start, changed from the status bar), else the login name until
     * one is set. Sample verdicts, outlier dismissals and decisions all record this one name.
     */
    public ReadOnlyStringProperty reviewerProperty() {
        return reviewer.getReadOnlyProperty();
    }

    public String reviewer() {
        return reviewer.get();
    }

    /** Sets and remembers the reviewer's name; a blank name is ignored. */
    public void setReviewer(String name) {
        if (name == null || name.isBlank()) return;
        home.rememberReviewer(name);
        reviewer.set(name.strip());
    }

    /** Asks for the reviewer's name (proposing the current one) and keeps the answer. */
    public void askReviewer() {
        dialogs.askReviewerName(reviewer.get()).ifPresent(this::setReviewer);
    }

    /** On the first start (no name remembered yet), asks who is reviewing. */
    public void askReviewerIfUnknown() {
        if (home.reviewer().isEmpty()) askReviewer();
    }

    private static String loginName() {
        String login = System.getProperty("user.name", "");
        return login.isBlank() ? "reviewer" : login.strip();
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public AppHome home() {
        return home;
    }

    /** Opens the workspace given on the command line, else the last one, else the bundled sample. */
    public Task<?> openAtStartup(String argument) {
        Path requested =
                argument != null ? Path.of(argument) : home.lastWorkspace().orElse(null);
        return open(requested);
    }

    /** Opens {@code file} (creating it if new), or the sample workspace when {@code file} is null. */
    public Task<?> open(Path file) {
        return open(file, false);
    }

    /**
     * File > New workspace: asks where, creates an empty workspace there and opens it. An existing file is never
     * reused or overwritten (the save dialog's "replace?" is not enough for a file holding reviews and decisions).
     */
    public Task<?> newWorkspace() {
        return dialogs.chooseSaveFile("New workspace", "review.duckdb", "duckdb")
                .map(file -> open(file, true))
                .orElse(null);
    }

    private Task<?> open(Path file, boolean mustBeNew) {
        String what = file == null
                ? "Opening the sample workspace"
                : (mustBeNew ? "Creating " : "Opening ") + file.getFileName();
        return tasks.task(what, progress -> {
                    if (mustBeNew && Files.exists(file))
                        throw new dev.shadowbench.core.workspace.WorkspaceException(file
                                + " already exists, so no new workspace was made there. Open it with File > Open "
                                + "workspace, or choose another name.");
                    Workspace ws = openOrCreate(file, progress);
                    try {
                        return Contents.of(ws);
                    } catch (RuntimeException e) {
                        ws.close();
                        throw e;
                    }
                })
                .latestIn(opening)
                .onSuccess(this::switchTo)
                .onDiscarded(dropped -> dropped.workspace().close())
                .onFailure(ex -> dialogs.showError(
                        mustBeNew ? "Workspace not created" : "Cannot open the workspace", ex.getMessage(), ex))
                .start();
    }

    /** The window holds its workspace only while it works, so the command line can write to it meanwhile. */
    private Workspace openOrCreate(Path file, FxProgress progress) throws Exception {
        if (file != null) return Workspace.openShared(file);
        Path sample = home.sampleWorkspace();
        if (!Files.isRegularFile(sample)) {
            progress.message("Creating the sample workspace from the bundled logs");
            SampleWorkspace.create(sample, progress).close();
        }
        return Workspace.openShared(sample);
    }

    private void switchTo(Contents opened) {
        Workspace ws = opened.workspace();
        Workspace old = workspace.get();
        tasks.cancelAll();
        switching = true;
        try {
            choices.set(opened.choices());
            comparison.set(opened.defaultComparison());
            workspace.set(ws);
        } finally {
            switching = false;
        }
        home.rememberWorkspace(ws.file());
        // The command line may import or decide while the window has let go of the file: reload what it shows.
        ws.onChangedElsewhere(() -> Platform.runLater(() -> {
            if (workspace.get() == ws) reloadChoices();
        }));
        ws.onLockWait(message -> Platform.runLater(() -> notice.set(message)));
        refresh();
        if (old != null && old != ws) old.close();
    }

    /** A line for the status bar that is not a task's progress: the window waiting for the workspace file. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Imports a Spark extract folder ({@link ExtractImport}) into the open workspace; when the workspace had no
     * comparison yet, it opens on the extract's.
     */
    public Task<ExtractImport.Outcome> importExtract(Path dir) {
        Workspace ws = workspace.get();
        if (ws == null) return null;
        return tasks.task("Importing extract " + dir.getFileName(), progress -> ExtractImport.run(ws, dir, progress))
                .onSuccess(o -> {
                    dialogs.announce("Extract import finished", o.summaryLine());
                    // show what was imported: the extract's comparison over all its days
                    reloadChoices(
                            new Comparison(o.manifest().baseline(), o.manifest().candidate(), null, null));
                })
                .onFailure(ex -> dialogs.showError("Extract import failed", ex.getMessage(), ex))
                .start();
    }

    /** Imports prediction logs (files or folders) into the open workspace. */
    public Task<ImportReport> importLogs(List<Path> paths, String variant) {
        if (paths.isEmpty()) return null;
        return importLogs(ImportRequest.predictions(paths, variant));
    }

    /** Runs an import (predictions or labels, with format and mapping) into the open workspace. */
    public Task<ImportReport> importLogs(ImportRequest request) {
        return importLogs(request, true);
    }

    /** As {@link #importLogs(ImportRequest)}; {@code reportFailure} false leaves a failure to the caller's form. */
    public Task<ImportReport> importLogs(ImportRequest request, boolean reportFailure) {
        Workspace ws = workspace.get();
        if (ws == null || request.paths().isEmpty()) return null;
        return tasks.task("Importing " + request.paths().size() + " path(s)", progress -> new LogImporter(ws)
                        .run(request, progress))
                .onSuccess(report -> {
                    dialogs.announce("Import finished", report.summaryLine());
                    reloadChoices();
                })
                .onFailure(ex -> {
                    if (reportFailure) dialogs.showError("Import failed", ex.getMessage(), ex);
                })
                .start();
    }

    /**
     * File > Import new logs: reads again every place imported into the open workspace before and imports only the
     * files not seen yet ({@link NewLogs}); says what it found, also when that is nothing.
     */
    public Task<NewLogs.Outcome> importNewLogs() {
        Workspace ws = workspace.get();
        if (ws == null) return null;
        return tasks.task("Looking for new logs", progress -> new NewLogs(ws).run(progress))
                .onSuccess(o -> {
                    dialogs.announce("New logs", o.summaryLine());
                    if (!o.reports().isEmpty()) reloadChoices();
                })
                .onFailure(ex -> dialogs.showError("Import of new logs failed", ex.getMessage(), ex))
                .start();
    }

    /**
     * Builds a synthetic baseline for a first model off the FX thread; when it is built the comparison becomes the
     * baseline vs its candidate.
     */
    public Task<BaselineRecipe> createBaseline(BaselineRequest request) {
        Workspace ws = workspace.get();
        if (ws == null) return null;
        return tasks.task(
                        "Building the " + request.kind() + " baseline '" + request.name() + "'",
                        progress -> SyntheticBaselines.build(ws, request, progress))
                .onSuccess(recipe ->
                        reloadChoices(new Comparison(Side.variant(recipe.name()), request.candidate(), null, null)))
                .onFailure(ex -> dialogs.showError("Baseline not built", ex.getMessage(), ex))
                .start();
    }

    /** The bin (or pair) of a chart the Sample screen draws within; null for all pairs. */
    public ObjectProperty<PairFilter> sampleWithinProperty() {
        return sampleWithin;
    }

    /** Shows the Sample screen drawn within {@code within} (a chart's bin, or one pair). */
    public void openSample(PairFilter within) {
        sampleWithin.set(within);
        requestScreen("Sample");
    }

    public void refresh() {
        reviews.invalidate();
        revision.set(revision.get() + 1);
    }

    /** The screen the window shows; null without a window (tests), when every screen counts as shown. */
    private String shownScreen;

    /** Screens that missed a revision while hidden, with their reload. */
    private final java.util.Map<String, Runnable> missed = new java.util.HashMap<>();

    /**
     * Runs {@code reload} on every revision while {@code screen} is shown; a hidden screen does not recompute, it
     * reloads once when it is shown again ({@link #screenShown}). FX thread.
     */
    public void onRevision(String screen, Runnable reload) {
        revision.addListener((o, a, b) -> {
            if (shownScreen == null || shownScreen.equals(screen)) reload.run();
            else missed.put(screen, reload);
        });
    }

    /** The window shows {@code screen}: a reload it missed while hidden runs now. FX thread. */
    public void screenShown(String screen) {
        shownScreen = screen;
        Runnable r = missed.remove(screen);
        if (r != null) r.run();
    }

    /** The one review per comparison and revision the screens share. */
    private final SharedReview reviews = new SharedReview();

    public SharedReview reviews() {
        return reviews;
    }

    /** A screen another screen asks the window to show: Sample after a click on a chart's bin, Decisions from Canary. */
    private final ReadOnlyStringWrapper screenRequest = new ReadOnlyStringWrapper();

    /** The screen a screen asked to show (the window follows it). */
    public ReadOnlyStringProperty screenRequestProperty() {
        return screenRequest.getReadOnlyProperty();
    }

    public void requestScreen(String name) {
        screenRequest.set(null); // the same request twice still shows the screen again
        screenRequest.set(name);
    }

    /** Re-reads what the workspace offers after its content changed, keeping the chosen comparison if it still fits. */
    private void reloadChoices() {
        reloadChoices(null);
    }

    /** As {@link #reloadChoices()}, then switches to {@code next} when given. */
    private void reloadChoices(Comparison next) {
        Workspace ws = workspace.get();
        tasks.task("Reading what " + ws.displayName() + " holds", progress -> Contents.of(ws))
                .latestIn(readingChoices)
                .onSuccess(read -> {
                    if (read.workspace() != workspace.get()) return; // another workspace was opened meanwhile
                    choices.set(read.choices());
                    switching = true;
                    try {
                        if (next != null) comparison.set(next);
                        else if (comparison.get() == null) comparison.set(read.defaultComparison());
                    } finally {
                        switching = false;
                    }
                    refresh();
                })
                .start();
    }

    public void shutdown() {
        tasks.close();
        Workspace ws = workspace.get();
        if (ws != null) ws.close();
    }
}
