package dev.shadowbench.ui.common;

import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.ui.FxWait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stall monitor sees a blocked FX thread and says where it was blocked. */
class FxStallMonitorTest {
    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    private static void blockTheFxThread(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBlockedFxThreadIsReportedWithItsStack() throws Exception {
        List<FxStallMonitor.Stall> seen = new CopyOnWriteArrayList<>();
        try (FxStallMonitor m = FxStallMonitor.start(50, seen::add)) {
            FxWait.settle();
            // On a loaded machine the watcher may be scheduled too late to sample one block: block again until it has
            // (each block is a real 400 ms stall; the assertion is on what is reported, not on how soon).
            until("a stall with the blocking method on its stack", () -> {
                boolean found = seen.stream().anyMatch(s -> s.where(40).contains("blockTheFxThread"));
                if (!found) Platform.runLater(() -> blockTheFxThread(400));
                return found;
            });
            FxWait.settle();
            FxStallMonitor.Stall s = seen.stream()
                    .filter(x -> x.where(40).contains("blockTheFxThread"))
                    .findFirst()
                    .orElseThrow();
            // the thread was blocked for 400 ms; the ping that waited behind it waited most of that
            assertTrue(s.millis() >= 200, s.millis() + " ms");
            assertTrue(m.longestMillis() >= s.millis());
            assertTrue(s.where(40).contains("Thread.sleep"), s.where(40));
        }
    }
}
