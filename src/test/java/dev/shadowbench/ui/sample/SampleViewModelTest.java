package dev.shadowbench.ui.sample;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.ManualExecutor;
import dev.shadowbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail pane follows the latest selection, whatever order the reads of earlier selections finish in. */
class SampleViewModelTest {
    @TempDir
    Path dir;

    private final ManualExecutor executor = new ManualExecutor();
    private DecisionsFixture fx;
    private SampleViewModel vm;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startFx() {
        FxWait.startFx();
    }

    @BeforeEach
    void sample() throws Exception {
        Path file = DecisionsFixture.workspace(dir);
        fx = new DecisionsFixture(dir, new TaskRunner(executor));
        vm = onFx(() -> new SampleViewModel(fx.main));
        runFx(() -> fx.main.open(file));
        runTasks();
        assertTrue(vm.pairs().size() >= 4, vm.messageProperty().get());
    }

    @AfterEach
    void close() throws Exception {
        runFx(fx.main::shutdown);
        assertEquals(List.of(), fx.errors);
    }

    /** Runs every queued task and what their results queue in turn, on the FX thread. */
    private void runTasks() throws Exception {
        do {
            runFx(executor::runAll);
            FxWait.settle();
        } while (executor.queued() > 0);
    }

    private SamplePair pair(int i) throws Exception {
        return onFx(() -> vm.pairs().get(i));
    }

    /** Selects {@code p} and records every detail shown from now on. */
    private void selectAndWatch(SamplePair p) {
        vm.selectedProperty().set(p);
        shown.clear();
        vm.detailProperty().addListener((o, was, d) -> shown.add(d == null ? null : d.requestId()));
    }

    private String detailId() throws Exception {
        return onFx(() -> vm.detailProperty().get().requestId());
    }

    @Test
    void theOlderSelectionsReadFinishingLastDoesNotReplaceTheNewerOnes() throws Exception {
        SamplePair a = pair(0);
        SamplePair b = pair(1);
        runFx(() -> vm.selectedProperty().set(a));
        runFx(() -> selectAndWatch(b));
        Runnable readB = executor.newest();
        Runnable readA = executor.next();
        runFx(readB::run);
        FxWait.settle();
        runFx(readA::run); // A's read finishes last
        FxWait.settle();
        assertEquals(b.requestId(), detailId());
        assertEquals(List.of(b.requestId()), shown, "A's detail was never shown after B was selected");
    }

    @Test
    void aReadFinishedButNotYetShownWhenTheSelectionMovesIsNeverShown() throws Exception {
        SamplePair a = pair(2);
        SamplePair b = pair(3);
        runFx(() -> vm.selectedProperty().set(a));
        // B is selected while A's finished read waits in the FX queue: too late to cancel it, not too late to drop it.
        FxWait.aheadOfWhatItQueues(executor.next()::run, () -> selectAndWatch(b));
        runTasks();
        assertEquals(b.requestId(), detailId());
        assertEquals(List.of(b.requestId()), shown);
    }

    @Test
    void clearingTheSelectionWhileAReadRunsLeavesThePaneEmpty() throws Exception {
        SamplePair a = pair(0);
        runFx(() -> vm.selectedProperty().set(a));
        runFx(() -> vm.selectedProperty().set(null));
        runTasks();
        assertEquals(null, onFx(() -> vm.detailProperty().get()));
    }
}
