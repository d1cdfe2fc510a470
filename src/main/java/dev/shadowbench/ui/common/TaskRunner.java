package dev.shadowbench.ui.common;

import dev.shadowbench.core.task.CancelledException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The one way to run background work in the UI (after JabRef's {@code BackgroundTask} and Cryptomator's
 * {@code Tasks}): {@code tasks.task("Reading…", progress -> work()).latestIn(slot).onSuccess(..).onFailure(..).start()}.
 * The work runs on a small bounded pool, never on the FX thread; its handlers run on the FX thread. A cancelled
 * task's result is dropped, and so is the result of a task that is no longer the latest in its {@link Slot}, even
 * when it arrives after the newer one's. Every task is listed in {@link #running()}, which the status bar shows.
 */
public final class TaskRunner implements AutoCloseable {
    /** The work of a task, run off the FX thread; reports progress and learns of cancellation through {@code progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T call(FxProgress progress) throws Exception;
    }

    private final Executor executor;
    private final ExecutorService ownPool;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Task<?>> latest = new ReadOnlyObjectWrapper<>();

    /** A runner on its own pool of {@code threads} daemon threads. */
    public TaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        ownPool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shadowbench-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor = ownPool;
    }

    /** A runner on {@code executor} (tests pass one they step by hand). */
    public TaskRunner(Executor executor) {
        this.executor = Objects.requireNonNull(executor);
        this.ownPool = null;
    }

    /** Describes a task; nothing runs until {@link Request#start()}. {@code message} is what the status bar shows. */
    public <T> Request<T> task(String message, Work<T> work) {
        return new Request<>(message, work);
    }

    /** A task being described: where it belongs and what happens to its result. */
    public final class Request<T> {
        private final String message;
        private final Work<T> work;
        private Slot slot;
        private Consumer<? super T> onSuccess = v -> {};
        private Consumer<? super Throwable> onFailure = TaskRunner::unhandled;
        private Runnable andFinally = () -> {};
        private Consumer<? super T> onDiscarded = v -> {};

        private Request(String message, Work<T> work) {
            this.message = message;
            this.work = Objects.requireNonNull(work);
        }

        /** Starting this task cancels the one running in {@code slot}; only the latest of the slot may apply its result. */
        public Request<T> latestIn(Slot slot) {
            this.slot = slot;
            return this;
        }

        /** Runs on the FX thread with the result, unless the task was cancelled or superseded in its slot. */
        public Request<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /**
         * Runs on the FX thread with the failure; a {@link CancelledException} is never routed here. Without a handler
         * the failure goes to the thread's uncaught-exception handler (the app shows it with its details).
         */
        public Request<T> onFailure(Consumer<? super Throwable> handler) {
            this.onFailure = Objects.requireNonNull(handler);
            return this;
        }

        /**
         * Runs on the FX thread with a result that was computed but is not applied (the task was cancelled or
         * superseded too late to stop the work), so resources it holds, such as an open workspace, can be closed.
         */
        public Request<T> onDiscarded(Consumer<? super T> handler) {
            this.onDiscarded = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs on the FX thread once the task has ended in any way (succeeded, failed, cancelled or superseded). */
        public Request<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        /** Starts the task; must be called on the FX thread. */
        public Task<T> start() {
            WorkTask<T> task = new WorkTask<>(message, work, onDiscarded);
            Slot owner = slot;
            if (owner != null) owner.replace(task);
            task.setOnSucceeded(e -> {
                try {
                    if (owner == null || owner.release(task)) onSuccess.accept(task.getValue());
                    else onDiscarded.accept(task.getValue());
                } finally {
                    andFinally.run();
                }
            });
            task.setOnFailed(e -> {
                try {
                    boolean latest = owner == null || owner.release(task);
                    if (latest && !(task.getException() instanceof CancelledException))
                        onFailure.accept(task.getException());
                } finally {
                    andFinally.run();
                }
            });
            task.setOnCancelled(e -> {
                if (owner != null) owner.release(task);
                task.discardLateResult();
                andFinally.run();
            });
            return run(task);
        }
    }

    /**
     * One piece of state that background work fills (the sample detail, the dashboard's figures): a newer request
     * in the slot cancels the older one, and the older one's result is dropped even if it arrives last.
     * FX thread only.
     */
    public static final class Slot {
        private Task<?> current;

        /** Cancels the task running in this slot, so nothing it computes is applied. */
        public void cancel() {
            Task<?> t = current;
            current = null;
            if (t != null) t.cancel();
        }

        /** True while a task of this slot has not yet ended. */
        public boolean isBusy() {
            return current != null;
        }

        private void replace(Task<?> task) {
            cancel();
            current = task;
        }

        /** Ends {@code task}'s turn; true when it was still the latest, i.e. may apply its result. */
        private boolean release(Task<?> task) {
            if (current != task) return false;
            current = null;
            return true;
        }
    }

    private static final class WorkTask<T> extends Task<T> {
        private final Work<T> work;
        private final Consumer<? super T> onDiscarded;
        // A result finished just as the task was cancelled is lost to Task; whichever side sees it first discards it.
        private final AtomicReference<T> produced = new AtomicReference<>();
        private final AtomicBoolean discarded = new AtomicBoolean();

        WorkTask(String message, Work<T> work, Consumer<? super T> onDiscarded) {
            this.work = work;
            this.onDiscarded = onDiscarded;
            if (message != null) {
                updateTitle(message); // what the running-tasks list names it by, while the message moves on
                updateMessage(message);
            }
        }

        @Override
        protected T call() throws Exception {
            T value = work.call(new FxProgress(this::updateProgress, this::updateMessage, this::isCancelled));
            produced.set(value);
            if (isCancelled()) {
                if (Platform.isFxApplicationThread()) discardLateResult();
                else Platform.runLater(this::discardLateResult);
            }
            return value;
        }

        void discardLateResult() {
            T value = produced.get();
            if (value != null && discarded.compareAndSet(false, true)) onDiscarded.accept(value);
        }
    }

    private static void unhandled(Throwable failure) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, failure);
    }

    private <T> Task<T> run(Task<T> task) {
        running.add(task);
        latest.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
                if (latest.get() == task) latest.set(running.isEmpty() ? null : running.get(running.size() - 1));
            }
        });
        executor.execute(task);
        return task;
    }

    /** The running tasks, newest last (FX thread only). */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** The task the status bar follows: the newest still running. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() {
        return latest.getReadOnlyProperty();
    }

    public void cancelAll() {
        for (Task<?> t : List.copyOf(running)) t.cancel();
    }

    @Override
    public void close() {
        if (Platform.isFxApplicationThread()) cancelAll();
        if (ownPool != null) ownPool.shutdownNow();
    }
}
