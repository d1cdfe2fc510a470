package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Choosing the two sides: parsing, defaults, selection by model and version; and cancel between steps. */
class ComparisonTest {

    @Test
    void pairedShareCountsIdsOfEitherSideAndIsNotAJsonKey() {
        assertEquals(0.75, new Summary.Counts(4, 3, 3, 1, 0, 0, 0).pairedShare());
        assertEquals(0.6, new Summary.Counts(5, 4, 3, 1, 1, 2, 0).pairedShare());
        assertEquals(0.0, new Summary.Counts(0, 0, 0, 0, 0, 0, 0).pairedShare());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(new Summary.Counts(4, 3, 3, 1, 0, 0, 0)).toString();
        assertEquals(false, json.contains("aired_share") || json.contains("airedShare"), json);
    }

    @Test
    void sideParsesVariantModelVersionWithStars() {
        assertEquals(new Side(null, "gbr", "2.0.0-rc1"), Side.parse("*/gbr/2.0.0-rc1"));
        assertEquals(new Side("live", null, null), Side.parse("live/*/"));
        assertEquals("shadow/*/1.2", new Side("shadow", null, "1.2").key());
        assertThrows(IllegalArgumentException.class, () -> Side.parse("live"));
    }

    @Test
    void defaultIsLiveVsShadowElseCanaryElseTheTwoLargest() throws Exception {
        try (Workspace ws = Workspace.inMemory(); Connection c = ws.connect()) {
            assertNull(Comparison.defaultFor(c));
            Fixtures.regression(c, 5, 3);
            Comparison d = Comparison.defaultFor(c);
            assertEquals("live/*/* vs shadow/*/*", d.key());
            Fixtures.exec(c, "UPDATE predictions SET variant = 'canary' WHERE variant = 'shadow'");
            assertEquals("live/*/* vs canary/*/*", Comparison.defaultFor(c).key());
            Fixtures.exec(c, "UPDATE predictions SET variant = 'AllTraffic' WHERE variant = 'live'",
                    "UPDATE predictions SET variant = 'ShadowTraffic' WHERE variant = 'canary'");
            assertEquals("AllTraffic/*/* vs ShadowTraffic/*/*", Comparison.defaultFor(c).key());
        }
    }

    @Test
    void sidesByModelAndVersion() throws Exception {
        try (Workspace ws = Workspace.inMemory(); Connection c = ws.connect()) {
            Fixtures.regression(c, 30, 20);
            Summary s = SummaryService.compute(c, new Comparison(new Side(null, "ridge", "1.4.0"), new Side(null, "gbr", null), null, null),
                    SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(30, s.counts().baselineRows());
            assertEquals(20, s.counts().candidateRows());
            Summary none = SummaryService.compute(c, new Comparison(new Side(null, "ridge", "9.9"), new Side(null, "gbr", null), null, null),
                    SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(0, none.counts().baselineRows());
        }
    }

    @Test
    void cancelAfterPairingStopsBeforeTheNextQuery() throws Exception {
        try (Workspace ws = Workspace.inMemory(); Connection c = ws.connect()) {
            Fixtures.regression(c, 30, 20);
            AtomicInteger steps = new AtomicInteger();
            ProgressSink sink = new ProgressSink() {
                @Override public void progress(long done, long total, String message) { steps.incrementAndGet(); }
                @Override public boolean isCancelled() { return steps.get() >= 2; }
            };
            assertThrows(CancelledException.class, () -> SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, sink));
            assertEquals(2, steps.get(), "stopped in the step after pairing");
        }
    }
}
