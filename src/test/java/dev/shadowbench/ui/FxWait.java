package dev.shadowbench.ui;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The one way UI tests wait: conditions are polled on the FX thread (so a lookup never meets a half-changed scene),
 * and a wait that fails says why: the condition's last exception, the state the test asked to be shown, or the
 * exception an FX-thread handler threw meanwhile (reported at once, not after the timeout).
 */
public final class FxWait {
    /** Long enough for a cold sample workspace on a busy two-core machine; a wait that fails says what it saw. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Queue<Throwable> FX_ERRORS = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean LISTENING = new AtomicBoolean();

    private FxWait() {}

    /** A test body that may throw. */
    @FunctionalInterface
    public interface FxAction {
        void run() throws Exception;
    }

    /** Starts the FX toolkit for view-model tests (no-op when a TestFX test or an earlier test already did). */
    public static void startFx() {
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code c} on the FX thread and returns its value, rethrowing what it threw. */
    public static <T> T onFx(Callable<T> c) throws Exception {
        listenToFxErrors();
        if (Platform.isFxApplicationThread()) return c.call();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not run a step within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Runs {@code r} on the FX thread, rethrowing what it threw. */
    public static void runFx(FxAction r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /**
     * Runs {@code offFx} on this thread while the FX thread is held, then {@code onFx} on the FX thread ahead of
     * everything {@code offFx} queued for it: a worker's finished result still waiting in the FX queue, say.
     */
    public static void aheadOfWhatItQueues(FxAction offFx, FxAction onFx) throws Exception {
        CountDownLatch offFxDone = new CountDownLatch(1);
        CompletableFuture<Void> ran = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (!offFxDone.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    throw new AssertionError("the off-FX step hung");
                onFx.run();
                ran.complete(null);
            } catch (Throwable t) {
                ran.completeExceptionally(t);
            }
        });
        try {
            offFx.run();
        } finally {
            offFxDone.countDown();
        }
        try {
            ran.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }

    /** Lets the FX thread handle everything queued so far, including what those events queue in turn. */
    public static void settle() throws Exception {
        runFx(() -> {});
        runFx(() -> {});
    }

    /** Waits until {@code condition}, polled on the FX thread, holds. */
    public static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, condition, null);
    }

    /**
     * Waits until {@code condition}, polled on the FX thread, holds. An exception from the condition counts as
     * "not yet" (a node not built yet); on timeout the last one is the failure's cause, and {@code state} (read on
     * the FX thread) is put in the message. An exception thrown on the FX thread since the last wait fails the wait at once.
     */
    public static void until(String what, Callable<Boolean> condition, Supplier<?> state) throws Exception {
        listenToFxErrors();
        long end = System.nanoTime() + TIMEOUT.toNanos();
        Throwable last = null;
        while (true) {
            Throwable fxError = FX_ERRORS.poll();
            if (fxError != null)
                throw new AssertionError("While waiting for " + what + " the FX thread threw " + fxError, fxError);
            Poll poll = onFx(() -> poll(condition));
            if (poll.held) {
                settle();
                return;
            }
            if (poll.error != null) last = poll.error;
            if (System.nanoTime() > end) break;
            Thread.sleep(20);
        }
        String seen = state == null ? "" : "; last state: " + onFx(() -> describe(state));
        String cause = last == null ? "" : "; the condition last threw " + last;
        throw new AssertionError(
                "Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + seen + cause, last);
    }

    private static String describe(Supplier<?> state) {
        try {
            return String.valueOf(state.get());
        } catch (RuntimeException e) {
            return "(could not be read: " + e + ")";
        }
    }

    private record Poll(boolean held, Throwable error) {}

    private static Poll poll(Callable<Boolean> condition) {
        try {
            return new Poll(Boolean.TRUE.equals(condition.call()), null);
        } catch (Exception | AssertionError e) {
            return new Poll(false, e);
        }
    }

    /** Keeps what FX-thread handlers throw, then passes it on to the handler that would have had it. */
    private static void listenToFxErrors() {
        if (LISTENING.get() || !LISTENING.compareAndSet(false, true)) return;
        Platform.runLater(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler own =
                    fx.getUncaughtExceptionHandler() == fx.getThreadGroup() ? null : fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((t, e) -> {
                FX_ERRORS.add(e);
                Thread.UncaughtExceptionHandler next = own != null ? own : Thread.getDefaultUncaughtExceptionHandler();
                if (next != null) next.uncaughtException(t, e);
                else fx.getThreadGroup().uncaughtException(t, e);
            });
        });
    }
}
