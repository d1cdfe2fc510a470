package dev.shadowbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.GateStatus;
import dev.shadowbench.core.decide.Recommendation;
import dev.shadowbench.core.decide.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Dashboard announces when the verdict of the comparison on screen changes (and that it stays quiet else). */
class VerdictChangeTest {
    private static Verdict verdict(Recommendation r, GateStatus latency) {
        return new Verdict(
                r,
                0.5,
                List.of(new GateResult(
                        "latency_p95", "p95 latency", latency, 12.0, "ms", "<= 10", true, "12 ms over the budget")));
    }

    @Test
    void aChangedRecommendationIsAnnouncedWithItsGates() {
        assertEquals(
                "PROMOTE → ROLLBACK. Failed: p95 latency (critical)",
                DashboardViewModel.verdictChange(
                        verdict(Recommendation.PROMOTE, GateStatus.PASS),
                        verdict(Recommendation.ROLLBACK, GateStatus.FAIL)));
    }

    @Test
    void theSameRecommendationOrNothingBeforeIsNoNews() {
        assertNull(DashboardViewModel.verdictChange(
                verdict(Recommendation.HOLD, GateStatus.PASS), verdict(Recommendation.HOLD, GateStatus.FAIL)));
        assertNull(DashboardViewModel.verdictChange(null, verdict(Recommendation.HOLD, GateStatus.FAIL)));
    }
}
