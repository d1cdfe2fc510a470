package dev.shadowbench.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs every piece of long work as a {@link Task} on a small bounded pool, never on the FX thread,
 * and keeps the list of running tasks that the status bar shows.
 */
public final class TaskRunner implements AutoCloseable {
    private final ExecutorService pool;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Task<?>> latest = new ReadOnlyObjectWrapper<>();

    public TaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shadowbench-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code task}; must be called on the FX thread. */
    public <T> Task<T> run(Task<T> task) {
        running.add(task);
        latest.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
                if (latest.get() == task) latest.set(running.isEmpty() ? null : running.get(running.size() - 1));
            }
        });
        pool.execute(task);
        return task;
    }

    /** The running tasks, newest last (FX thread only). */
    public ObservableList<Task<?>> running() { return running; }

    /** The task the status bar follows: the newest still running. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() { return latest.getReadOnlyProperty(); }

    public void cancelAll() {
        for (Task<?> t : java.util.List.copyOf(running)) t.cancel();
    }

    @Override
    public void close() {
        if (Platform.isFxApplicationThread()) cancelAll();
        pool.shutdownNow();
    }
}
