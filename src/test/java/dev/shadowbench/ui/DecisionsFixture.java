package dev.shadowbench.ui;

import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.generate.CanaryLogs;
import dev.shadowbench.core.generate.SyntheticLogs;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.core.workspace.Workspace;
import dev.shadowbench.ui.common.MainViewModel;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small synthetic workspace and a main view model on it, for view-model tests (waiting: {@link FxWait}). */
public final class DecisionsFixture {
    public final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What was announced (a notification that does not block, e.g. a finished import). */
    public final List<String> announced = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Path saveAs;
    /** What the reviewer-name question answers (null: the user declines); each question is counted. */
    public String reviewerAnswer;

    public int reviewerAsked;
    /** What a confirmation answers, and the questions asked. */
    public boolean confirmAnswer;

    public final List<String> confirmations = new ArrayList<>();
    public final MainViewModel main;

    public DecisionsFixture(Path dir) {
        this(dir, new TaskRunner(1));
    }

    /** A fixture whose background work runs on {@code tasks} (e.g. one on a {@link ManualExecutor}). */
    public DecisionsFixture(Path dir, TaskRunner tasks) {
        main = new MainViewModel(new AppHome(dir.resolve("home")), tasks, new QuietDialogs() {
            @Override
            public void showError(String title, String message, Throwable details) {
                errors.add(title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message) {
                infos.add(title + ": " + message);
            }

            @Override
            public void announce(String title, String message) {
                announced.add(title + ": " + message);
            }

            @Override
            public Optional<Path> chooseSaveFile(String t, String n, String e) {
                return Optional.ofNullable(saveAs);
            }

            @Override
            public boolean confirm(String title, String message) {
                confirmations.add(title + ": " + message);
                return confirmAnswer;
            }

            @Override
            public Optional<String> askReviewerName(String suggestion) {
                reviewerAsked++;
                return Optional.ofNullable(reviewerAnswer);
            }
        });
    }

    /**
     * A canary half-way up its ramp: the first two days (1%, 20%) of a generated 4-day canary of 40,000 requests
     * (seed 11) imported with their labels, and the ramp plan 1/20/50/100% set for its four days.
     */
    public static Path canaryWorkspace(Path dir) throws Exception {
        CanaryLogs.write(dir.resolve("canary"), SyntheticLogs.Options.of(40_000, 11, 4), null);
        Path file = dir.resolve("canary.duckdb");
        try (Workspace w = Workspace.open(file)) {
            List<Path> logs = new ArrayList<>(), labels = new ArrayList<>();
            Map<LocalDate, Double> plan = new LinkedHashMap<>();
            for (int d = 0; d < 4; d++) {
                LocalDate day = LocalDate.of(2026, 11, 20).plusDays(d);
                plan.put(day, CanaryLogs.RAMP.get(d));
                if (d >= 2) continue;
                Path folder = dir.resolve("canary").resolve(day.toString());
                logs.add(folder.resolve("live.jsonl"));
                logs.add(folder.resolve("canary.jsonl"));
                labels.add(folder.resolve("labels.csv"));
            }
            new LogImporter(w).run(ImportRequest.predictions(logs, null), ProgressSink.NONE);
            new LogImporter(w).run(ImportRequest.labels(labels), ProgressSink.NONE);
            w.read(c -> {
                RampPlan.set(c, "canary/*/*", plan, RampPlan.BY_HAND);
                return null;
            });
        }
        return file;
    }

    /** Writes 300 synthetic requests (live ridge 1.4.0, shadow gbr 2.0.0-rc1) into a new workspace file. */
    public static Path workspace(Path dir) throws Exception {
        return workspace(dir, SyntheticLogs.Options.of(300, 11, 1));
    }

    /** The same with other generator options (one day, starting 2026-11-20): more anomalies, say. */
    public static Path workspace(Path dir, SyntheticLogs.Options options) throws Exception {
        SyntheticLogs.write(dir.resolve("logs"), options, null);
        Path file = dir.resolve("ws.duckdb");
        try (Workspace w = Workspace.open(file)) {
            Path day = dir.resolve("logs/2026-11-20");
            new LogImporter(w)
                    .run(
                            ImportRequest.predictions(
                                    List.of(day.resolve("live.jsonl"), day.resolve("shadow.jsonl")), null),
                            ProgressSink.NONE);
        }
        return file;
    }
}
