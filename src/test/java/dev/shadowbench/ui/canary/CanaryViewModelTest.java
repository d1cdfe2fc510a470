package dev.shadowbench.ui.canary;

import static dev.shadowbench.ui.FxWait.onFx;
import static dev.shadowbench.ui.FxWait.runFx;
import static dev.shadowbench.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.canary.CanaryFeedback;
import dev.shadowbench.ui.DecisionsFixture;
import dev.shadowbench.ui.FxWait;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxWait.startFx();
    }

    @Test
    void showsTheDaysTheAdviceAndSetsARampStep() throws Exception {
        Path file = DecisionsFixture.canaryWorkspace(dir);
        DecisionsFixture fx = new DecisionsFixture(dir);
        CanaryViewModel vm = onFx(() -> new CanaryViewModel(fx.main));
        runFx(() -> fx.main.open(file));
        until("two canary days", () -> vm.rows().size() == 2, () -> vm.messageProperty()
                .get());
        CanaryViewModel.Row d1 = vm.rows().get(0);
        assertEquals("2026-11-20", d1.date());
        assertEquals("1%", d1.planned());
        assertEquals("20%", vm.rows().get(1).planned());
        assertTrue(d1.candidateComplaints().matches("[0-9.]+% \\[[0-9.]+%, [0-9.]+%\\]"), d1.candidateComplaints());
        assertTrue(
                vm.rows().get(1).shift().startsWith("KS D "), vm.rows().get(1).shift());
        assertTrue(
                vm.adviceProperty().get().startsWith("Advice: advance to 50% (from 20%)"),
                vm.adviceProperty().get());
        assertEquals("2026-11-22", vm.stepDayProperty().get());
        assertEquals("50%", vm.stepShareProperty().get());
        assertEquals(2, vm.shareChartProperty().get().size());
        assertEquals(2, vm.shareChartProperty().get().get(1).points().size());

        // a new step by hand replaces the plan's step on that day; the screen reloads and shows it
        runFx(() -> {
            vm.stepDayProperty().set("2026-11-22");
            vm.stepShareProperty().set("30%");
            vm.setStep();
        });
        until("the new step in the plan", () -> vm.planProperty().get().contains("30% from 2026-11-22 (ramp)"));
        until("the advice follows the plan", () -> vm.adviceProperty().get().startsWith("Advice: advance to 30%"));

        runFx(() -> {
            vm.stepDayProperty().set("22 Nov");
            vm.setStep();
        });
        assertTrue(
                vm.messageProperty().get().contains("not YYYY-MM-DD"),
                vm.messageProperty().get());
        runFx(fx.main::shutdown);
    }

    @Test
    void complaintsReadAsRateWithItsInterval() {
        assertEquals(
                "2.0% [1.0%, 3.0%]",
                CanaryViewModel.complaints(new CanaryFeedback.ArmDay(100, 100, 2, 0.02, 0.01, 0.03)));
        assertEquals("—", CanaryViewModel.complaints(new CanaryFeedback.ArmDay(0, 0, 0, null, null, null)));
    }
}
