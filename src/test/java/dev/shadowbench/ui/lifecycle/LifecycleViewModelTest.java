package dev.shadowbench.ui.lifecycle;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.decide.DecisionDraft;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.Stage;
import dev.shadowbench.core.decide.Tamper;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void boardFollowsTheDecisionLogWithRetireReminder() throws Exception {
        Path file = DecisionsFixture.workspace(dir);
        DecisionsFixture fx = new DecisionsFixture(dir);
        LifecycleViewModel vm = onFx(() -> new LifecycleViewModel(fx.main, 7));
        runFx(() -> fx.main.open(file));
        until("versions", () -> vm.versions().size() == 2);
        assertEquals(
                Stage.PRODUCTION,
                vm.versions().stream()
                        .filter(v -> v.model().equals("ridge"))
                        .findFirst()
                        .orElseThrow()
                        .stage());
        assertEquals(
                Stage.SHADOW,
                vm.versions().stream()
                        .filter(v -> v.model().equals("gbr"))
                        .findFirst()
                        .orElseThrow()
                        .stage());
        assertTrue(
                vm.headlineProperty().get().startsWith("2 model version(s) · rollback target: none"),
                vm.headlineProperty().get());

        // a promote recorded ten days ago (through the core log, then read back by the screen)
        Tamper.appendAt(
                fx.main.workspace(),
                new DecisionDraft(
                        DecisionType.PROMOTE, "ana", null, "gbr", "2.0.0-rc1", "canary 100%", 1.0, null, null),
                LocalDateTime.now(ZoneOffset.UTC).minusDays(10));
        runFx(fx.main::refresh);
        until("promoted", () -> vm.versions().stream()
                .anyMatch(v -> v.stage() == Stage.PRODUCTION && v.model().equals("gbr")));
        var ridge = vm.versions().stream()
                .filter(v -> v.model().equals("ridge"))
                .findFirst()
                .orElseThrow();
        assertEquals(Stage.INACTIVE, ridge.stage());
        assertEquals("Inactive for 10 days (more than 7): retire it", ridge.reminder());
        assertTrue(
                vm.headlineProperty().get().contains("rollback target: ridge 1.4.0 · 1 to retire"),
                vm.headlineProperty().get());
        runFx(() -> vm.selectedProperty().set(ridge));
        assertEquals(2, vm.history().size());
        assertTrue(vm.history().get(1).event().startsWith("replaced by gbr 2.0.0-rc1 by ana"));
        runFx(fx.main::shutdown);
    }
}
