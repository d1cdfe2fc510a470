package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.canary.RampPlan.Step;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RampPlanTest {
    private static final LocalDate D20 = LocalDate.of(2026, 11, 20);

    @Test
    void stepsAreStoredPerCandidateAndASameDayStepIsReplaced() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            RampPlan.set(c, "canary/*/*", Map.of(D20, 0.01, D20.plusDays(1), 0.2), RampPlan.BY_HAND);
            RampPlan.set(c, "canary/*/*", Map.of(D20.plusDays(1), 0.25), "decision #3");
            RampPlan.set(c, "other/*/*", Map.of(D20, 1.0), RampPlan.BY_HAND);
            assertEquals(
                    List.of(new Step(D20, 0.01, "ramp"), new Step(D20.plusDays(1), 0.25, "decision #3")),
                    RampPlan.steps(c, "canary/*/*"));
            assertTrue(RampPlan.steps(c, "shadow/*/*").isEmpty());
        }
    }

    @Test
    void aStepHoldsUntilTheNext() {
        List<Step> steps = List.of(new Step(D20, 0.01, "ramp"), new Step(D20.plusDays(2), 0.5, "ramp"));
        assertNull(RampPlan.shareOn(steps, D20.minusDays(1)));
        assertEquals(0.01, RampPlan.shareOn(steps, D20));
        assertEquals(0.01, RampPlan.shareOn(steps, D20.plusDays(1)));
        assertEquals(0.5, RampPlan.shareOn(steps, D20.plusDays(9)));
        assertNull(RampPlan.shareOn(steps, null));
    }

    @Test
    void sharesAreFractionsOrPercentagesBetweenZeroAndOne() {
        assertEquals(0.2, RampPlan.parseShare("20%", "x"), 1e-15);
        assertEquals(0.2, RampPlan.parseShare(" 0.2 ", "x"), 1e-15);
        assertEquals(Map.entry(D20, 0.01), RampPlan.parseStep("2026-11-20=1%"));
        assertThrows(BadInputException.class, () -> RampPlan.parseShare("120%", "x"));
        assertThrows(BadInputException.class, () -> RampPlan.parseShare("1.5", "x"));
        assertThrows(BadInputException.class, () -> RampPlan.parseShare("half", "x"));
        assertThrows(BadInputException.class, () -> RampPlan.parseStep("2026-11-20"));
        assertThrows(BadInputException.class, () -> RampPlan.parseStep("20.11.2026=1%"));
    }

    @Test
    void candidateOfAComparisonKey() {
        assertEquals("canary/*/*", RampPlan.candidateOf("live/*/* vs canary/*/*"));
        assertNull(RampPlan.candidateOf("nonsense"));
    }
}
