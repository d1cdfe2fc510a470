package dev.shadowbench.ui.app;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.FxWait;
import dev.shadowbench.ui.ManualExecutor;
import dev.shadowbench.ui.common.TaskRunner;
import java.util.List;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status bar's list of running tasks (ControlsFX TaskProgressView): every task, named, each cancellable. */
class RunningTasksTest {
    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void listsEveryRunningTaskByNameAndCancelsOne() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        TaskRunner runner = new TaskRunner(executor);
        RunningTasks link = onFx(() -> new RunningTasks(runner));
        assertFalse(onFx(link::isVisible), "one task or none: the status bar shows it already");
        Task<String> summary =
                onFx(() -> runner.task("Computing the comparison", p -> "s").start());
        Task<String> sample =
                onFx(() -> runner.task("Drawing the sample", p -> "d").start());
        assertTrue(onFx(link::isVisible));
        assertEquals("2 tasks running", onFx(link::getText));
        assertEquals(
                List.of("Computing the comparison", "Drawing the sample"),
                onFx(() -> link.view().getTasks().stream().map(Task::getTitle).toList()));
        runFx(() -> sample.cancel()); // what the list's cancel button does
        FxWait.settle();
        assertEquals(List.of(summary), onFx(() -> List.copyOf(link.view().getTasks())));
        assertFalse(onFx(link::isVisible));
        runFx(executor::runAll);
        FxWait.until("the summary done", () -> onFx(() -> link.view().getTasks().isEmpty()));
    }
}
