package dev.shadowbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.workspace.AppHome;
import dev.shadowbench.ui.QuietDialogs;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hidden screen does not recompute on every revision; it reloads once when shown again (issue 15). */
class HiddenScreensTest {
    @TempDir
    Path dir;

    private final TaskRunner tasks = new TaskRunner(1);

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void aHiddenScreenReloadsOnceWhenShownAndTheShownOneAtEachRevision() {
        MainViewModel vm = new MainViewModel(new AppHome(dir.resolve("home")), tasks, new QuietDialogs());
        AtomicInteger dashboard = new AtomicInteger(), sample = new AtomicInteger();
        vm.onRevision("Dashboard", dashboard::incrementAndGet);
        vm.onRevision("Sample", sample::incrementAndGet);

        vm.refresh(); // no window yet (tests, start-up): every screen counts as shown
        assertEquals(1, dashboard.get());
        assertEquals(1, sample.get());

        vm.screenShown("Dashboard");
        vm.refresh();
        vm.refresh();
        vm.refresh();
        assertEquals(4, dashboard.get(), "the shown screen follows every revision");
        assertEquals(1, sample.get(), "the hidden one computes nothing meanwhile");

        vm.screenShown("Sample");
        assertEquals(2, sample.get(), "shown again: one reload for the revisions it missed");
        vm.screenShown("Dashboard");
        assertEquals(4, dashboard.get(), "nothing missed, nothing reloaded");
    }
}
