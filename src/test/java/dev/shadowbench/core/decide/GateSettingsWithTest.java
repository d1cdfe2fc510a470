package dev.shadowbench.core.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One threshold changed by name; the other fifteen stay as they were. */
class GateSettingsWithTest {
    @Test
    void oneNamedThresholdChangesAndNothingElse() {
        GateSettings d = GateSettings.defaults();
        GateSettings loose = d.with("latencyP99MaxRatio", 2.0);
        assertEquals(2.0, loose.latencyP99MaxRatio());
        assertEquals(d, loose.with("latencyP99MaxRatio", d.latencyP99MaxRatio()), "only that component changed");
        assertNull(d.withLatencyBudgetMs(null).latencyBudgetMs(), "no budget");
        assertEquals(120.0, d.withLatencyBudgetMs(120.0).latencyBudgetMs());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> d.with("latencyP99MaxRatoi", 2.0));
        assertEquals("No gate setting 'latencyP99MaxRatoi' (see GateSettings for the names)", e.getMessage());
    }
}
