package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.canary.ComplaintStats.Arm;
import dev.shadowbench.core.canary.ComplaintStats.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Complaint-rate comparison against scipy 1.17.1. The fixtures (complaint_fixtures.csv next to this test's
 * resources) were made by
 * {@code python3 src/test/resources/dev/shadowbench/core/canary/complaint_fixtures.py > src/test/resources/dev/shadowbench/core/canary/complaint_fixtures.csv}:
 * scipy.stats.fisher_exact (two-sided), the pooled z statistic through scipy.stats.norm.sf, and the Newcombe
 * interval composed from scipy.stats.binomtest(...).proportion_ci(method='wilson').
 */
class ComplaintStatsTest {

    private static List<String[]> fixtures() throws IOException {
        try (InputStream in = ComplaintStatsTest.class.getResourceAsStream("complaint_fixtures.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split(","))
                    .toList();
        }
    }

    @Test
    void matchesScipyOnEveryFixtureTable() throws IOException {
        List<String[]> rows = fixtures();
        assertEquals(20, rows.size());
        for (String[] r : rows) {
            Arm b = new Arm(Long.parseLong(r[1]), Long.parseLong(r[0]));
            Arm c = new Arm(Long.parseLong(r[3]), Long.parseLong(r[2]));
            ComplaintStats.Comparison cmp = ComplaintStats.compare(b, c);
            String table = String.join(",", r[0], r[1], r[2], r[3]);
            assertEquals(Double.parseDouble(r[4]), cmp.difference(), 1e-12, table + " difference");
            assertEquals(Double.parseDouble(r[5]), cmp.ciLow(), 1e-9, table + " ci_low");
            assertEquals(Double.parseDouble(r[6]), cmp.ciHigh(), 1e-9, table + " ci_high");
            assertEquals(
                    r[7].equals("fisher") ? ComplaintStats.FISHER : ComplaintStats.Z_TEST,
                    cmp.method(),
                    table + " test");
            double p = Double.parseDouble(r[8]);
            assertEquals(p, cmp.pValue(), Math.max(1e-12, p * 1e-7), table + " p_value");
            assertEquals(ComplaintStats.INTERVAL, cmp.interval());
        }
    }

    @Test
    void noComplaintsOnASmallCanaryDayIsNotEnoughTrafficEvenThoughFisherIsSignificant() {
        // 0 of 239 against 2% (400 of 20000): Fisher p = 0.0165 (scipy), yet only 4.7 complaints were expected.
        ComplaintStats.Comparison cmp = ComplaintStats.compare(new Arm(20000, 400), new Arm(239, 0));
        assertEquals(0.01647859828496149, cmp.pValue(), 1e-12);
        assertEquals(Reading.NOT_ENOUGH_TRAFFIC, cmp.reading());
        assertEquals("not enough traffic to tell", cmp.reading().label());
    }

    @Test
    void readingsOnLargeArms() {
        assertEquals(
                Reading.WORSE,
                ComplaintStats.compare(new Arm(1000, 10), new Arm(1000, 30)).reading());
        assertEquals(
                Reading.BETTER,
                ComplaintStats.compare(new Arm(1000, 30), new Arm(1000, 10)).reading());
        assertEquals(
                Reading.NO_DIFFERENCE,
                ComplaintStats.compare(new Arm(10000, 200), new Arm(10000, 240)).reading());
        // a significant rise is reported even on small counts: holding on it is the safe side
        assertEquals(
                Reading.WORSE,
                ComplaintStats.compare(new Arm(20000, 400), new Arm(100, 12)).reading());
    }

    @Test
    void anArmWithoutRequestsHasNoComparisonAndBadCountsAreRejected() {
        assertNull(ComplaintStats.compare(new Arm(0, 0), new Arm(10, 1)));
        assertNull(new Arm(0, 0).rate());
        assertThrows(IllegalArgumentException.class, () -> new Arm(3, 4));
    }

    @Test
    void wilsonIntervalOfZeroStartsAtZero() {
        double[] w = new Arm(239, 0).wilson();
        assertEquals(0, w[0]);
        // z^2 / (n + z^2)
        assertEquals(3.841458820694124 / (239 + 3.841458820694124), w[1], 1e-12);
    }
}
