package dev.shadowbench.core.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shadowbench.core.format.FigureFormat;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The share tolerance. Interval ends from scipy 1.17.1:
 * {@code python3 -c "from scipy.stats import binomtest; ci = binomtest(k, n).proportion_ci(0.999, method='wilson'); print(ci.low, ci.high)"}.
 */
class ShareCheckTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @Test
    void wilson999MatchesScipy() {
        double[] ci = ComplaintStats.wilson(94, 1000, ShareCheck.Z999);
        assertEquals(0.06783408029729815, ci[0], 1e-12);
        assertEquals(0.1288637273454882, ci[1], 1e-12);
        ci = ComplaintStats.wilson(20, 1000, ShareCheck.Z999);
        assertEquals(0.00976681784415884, ci[0], 1e-12);
        assertEquals(0.040516304492140276, ci[1], 1e-12);
    }

    @Test
    void flaggedOnlyOutsideTheIntervalAndBeyondTheGap() {
        ShareCheck.Deviation d = ShareCheck.check(DAY, 0.01, 94, 1000);
        assertNotNull(d);
        assertEquals(
                "2026-11-21: configured 1%, observed 9.4% (94 of 1,000 requests): routing misconfigured?", d.detail());
        // 2% observed against 1% on 1,000 requests: 1% is inside [0.98%, 4.05%], chance can do that
        assertNull(ShareCheck.check(DAY, 0.01, 20, 1000));
        // 3% is not: [1.67%, 5.34%] (scipy: 0.016675..., 0.053393...)
        assertNotNull(ShareCheck.check(DAY, 0.01, 30, 1000));
        // 2 of 239 (0.84%) against 1%: fine
        assertNull(ShareCheck.check(DAY, 0.01, 2, 239));
        // a million requests make 20.5% significant against 20% ([20.37%, 20.63%]) but a 0.5 point gap is routing noise
        assertNull(ShareCheck.check(DAY, 0.2, 205_000, 1_000_000));
        assertNull(ShareCheck.check(DAY, 0.2, 20_300, 100_000));
        // no plan, no requests: nothing to check
        assertNull(ShareCheck.check(DAY, null, 94, 1000));
        assertNull(ShareCheck.check(DAY, 0.01, 0, 0));
    }

    @Test
    void percentages() {
        assertEquals("1%", FigureFormat.share(0.01));
        assertEquals("9.4%", FigureFormat.share(0.094));
        assertEquals("100%", FigureFormat.share(1.0));
        assertEquals("0.25%", FigureFormat.share(0.0025));
        assertEquals("33.3%", FigureFormat.share(1.0 / 3));
    }
}
