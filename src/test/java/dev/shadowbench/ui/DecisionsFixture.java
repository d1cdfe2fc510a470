package dev.shadowbench.ui;

import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.DialogService;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;

/** A small synthetic workspace, a main view model on it, and FX-thread helpers for view-model tests. */
public final class DecisionsFixture {
    public final List<String> errors = new ArrayList<>();
    public Path saveAs;
    public final MainViewModel main;

    public DecisionsFixture(Path dir) {
        main = new MainViewModel(new AppHome(dir.resolve("home")), new TaskRunner(1), new DialogService() {
            @Override public void showError(String title, String message, Throwable details) { errors.add(title + ": " + message); }
            @Override public void showInfo(String title, String message) { }
            @Override public Optional<Path> chooseWorkspaceToOpen() { return Optional.empty(); }
            @Override public List<Path> chooseLogsToImport() { return List.of(); }
            @Override public Optional<Path> chooseSaveFile(String t, String n, String e) { return Optional.ofNullable(saveAs); }
        });
    }

    /** Writes 300 synthetic requests (live ridge 1.4.0, shadow gbr 2.0.0-rc1) into a new workspace file. */
    public static Path workspace(Path dir) throws Exception {
        SyntheticLogs.write(dir.resolve("logs"), SyntheticLogs.Options.of(300, 11, 1), null);
        Path file = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(file)) {
            Path day = dir.resolve("logs/2026-11-20");
            new LogImporter(w).run(ImportRequest.predictions(List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                    ProgressSink.NONE);
        }
        return file;
    }

    public static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
        Platform.setImplicitExit(false);
    }

    public static <T> T onFx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try { f.complete(s.get()); } catch (Throwable t) { f.completeExceptionally(t); }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    public static void runFx(Runnable r) throws Exception {
        onFx(() -> { r.run(); return null; });
    }

    /** Polls {@code cond} on the FX thread until it holds (30 s at most). */
    public static void waitFor(String what, BooleanSupplier cond) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (onFx(cond::getAsBoolean)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
