package dev.shadowbench.ui.common;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.ManualExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The background-task helper on an executor the test steps by hand: who may apply a result, and where. */
class TaskRunnerTest {
    private final ManualExecutor executor = new ManualExecutor();
    private final TaskRunner runner = new TaskRunner(executor);
    private final TaskRunner.Slot slot = new TaskRunner.Slot();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<String> discarded = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    private Task<String> start(String name, TaskRunner.Work<String> work) {
        return runner.task("Computing " + name, work)
                .latestIn(slot)
                .onSuccess(applied::add)
                .onFailure(failures::add)
                .onDiscarded(discarded::add)
                .andFinally(() -> ended.add(name))
                .start();
    }

    /** Runs every queued task on the FX thread, then lets their results arrive. */
    private void runQueued() throws Exception {
        runFx(executor::runAll);
        FxWait.settle();
    }

    @Test
    void aNewerRequestCancelsTheOlderOneWhichNeverApplies() throws Exception {
        Task<String> a = onFx(() -> start("a", p -> "A"));
        Task<String> b = onFx(() -> start("b", p -> "B"));
        runQueued();
        assertEquals(List.of("B"), applied);
        assertTrue(a.isCancelled());
        assertEquals(Task.State.SUCCEEDED, onFx(b::getState));
        assertEquals(List.of("a", "b"), ended);
        assertTrue(
                onFx(() ->
                        runner.running().isEmpty() && runner.currentProperty().get() == null),
                "the status bar is free");
    }

    @Test
    void anOlderResultThatArrivesAfterTheNewerRequestIsDroppedAndDiscarded() throws Exception {
        onFx(() -> start("a", p -> "A"));
        // A's worker finishes while the FX thread is held, so A's result waits in the FX queue while B is requested:
        // cancelling A comes too late to stop it, and only the slot keeps it from being applied.
        FxWait.aheadOfWhatItQueues(executor.next()::run, () -> start("b", p -> "B"));
        FxWait.settle();
        assertEquals(List.of(), applied, "A arrived after B was requested");
        assertEquals(List.of("A"), discarded);
        runQueued();
        assertEquals(List.of("B"), applied);
    }

    @Test
    void aCancelledTaskAppliesNothingAndHandsBackWhatItMade() throws Exception {
        onFx(() -> start("a", p -> {
            slot.cancel(); // the user cancels while the work runs; it does not look and returns anyway
            Thread.interrupted(); // cancel interrupts the thread running the work: here the FX thread itself
            return "A";
        }));
        runQueued();
        assertEquals(List.of(), applied);
        assertEquals(List.of(), failures);
        assertEquals(List.of("A"), discarded, "a result nobody applies is handed back, e.g. to close a workspace");
        assertEquals(List.of("a"), ended);
    }

    @Test
    void aTaskCancelledBeforeItRunsNeverRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        onFx(() -> start("a", p -> {
            ran.add("a");
            return "A";
        }));
        runFx(slot::cancel);
        runQueued();
        assertEquals(List.of(), ran);
        assertEquals(List.of(), applied);
        assertEquals(List.of("a"), ended);
    }

    @Test
    void aFailureGoesToOnFailureButACancellationDoesNot() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        onFx(() -> start("a", p -> {
            throw boom;
        }));
        runQueued();
        assertEquals(List.of(boom), failures);
        onFx(() -> start("b", p -> {
            throw new CancelledException();
        }));
        runQueued();
        assertEquals(List.of(boom), failures, "a cancelled run is not an error to show");
        assertEquals(List.of(), applied);
    }

    @Test
    void aSupersededFailureIsDropped() throws Exception {
        onFx(() -> start("a", p -> {
            throw new IllegalStateException("stale");
        }));
        FxWait.aheadOfWhatItQueues(executor.next()::run, () -> start("b", p -> "B"));
        runQueued();
        assertEquals(List.of(), failures);
        assertEquals(List.of("B"), applied);
    }

    @Test
    void theWorkRunsOnThePoolAndTheHandlersOnTheFxThreadWithTheMessageShown() throws Exception {
        try (TaskRunner pooled = new TaskRunner(1)) {
            List<Boolean> workOnFx = new CopyOnWriteArrayList<>();
            List<Boolean> handlerOnFx = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            Task<String> task = onFx(() -> pooled.task("Reading", p -> {
                        workOnFx.add(Platform.isFxApplicationThread());
                        p.message("Reading row 5");
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                        return "done";
                    })
                    .onSuccess(v -> handlerOnFx.add(Platform.isFxApplicationThread()))
                    .start());
            assertSame(task, onFx(() -> pooled.currentProperty().get()), "the status bar follows the newest task");
            FxWait.until("the work's own message", () -> task.getMessage().equals("Reading row 5"), task::getMessage);
            release.countDown();
            FxWait.until("the result", () -> !handlerOnFx.isEmpty(), task::getState);
            assertEquals(List.of(false), workOnFx);
            assertEquals(List.of(true), handlerOnFx);
            assertFalse(onFx(() -> pooled.running().contains(task)));
        }
    }
}
