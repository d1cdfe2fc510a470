package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shadowbench.core.task.CancelledException;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Choosing the two sides: parsing, defaults, selection by model and version; and cancel between steps. */
class ComparisonTest {

    @Test
    void pairedShareCountsIdsOfEitherSideAndIsNotAJsonKey() {
        assertEquals(0.75, new Summary.Counts(4, 3, 3, 1, 0, 0, 0).pairedShare());
        assertEquals(0.6, new Summary.Counts(5, 4, 3, 1, 1, 2, 0).pairedShare());
        assertEquals(0.0, new Summary.Counts(0, 0, 0, 0, 0, 0, 0).pairedShare());
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(new Summary.Counts(4, 3, 3, 1, 0, 0, 0))
                .toString();
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
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            assertNull(Comparison.defaultFor(c));
            Fixtures.regression(c, 5, 3);
            Comparison d = Comparison.defaultFor(c);
            assertEquals("live/*/* vs shadow/*/*", d.key());
            Fixtures.exec(c, "UPDATE predictions SET variant = 'canary' WHERE variant = 'shadow'");
            assertEquals("live/*/* vs canary/*/*", Comparison.defaultFor(c).key());
            Fixtures.exec(
                    c,
                    "UPDATE predictions SET variant = 'AllTraffic' WHERE variant = 'live'",
                    "UPDATE predictions SET variant = 'ShadowTraffic' WHERE variant = 'canary'");
            assertEquals(
                    "AllTraffic/*/* vs ShadowTraffic/*/*",
                    Comparison.defaultFor(c).key());
        }
    }

    /** Issue 16 item 3: sides by what the names mean, never by name order, never one variant on both sides. */
    @Test
    void defaultSidesFollowTheMeaningOfTheNames() {
        // variants as defaultFor lists them: most rows first
        assertEquals(
                "default/*/* vs canary/*/*",
                Comparison.defaultAmong(List.of("canary", "default")).key());
        assertEquals(
                "default/*/* vs canary/*/*",
                Comparison.defaultAmong(List.of("default", "canary")).key());
        assertEquals(
                "variant-1/*/* vs Shadow-01/*/*",
                Comparison.defaultAmong(List.of("Shadow-01", "variant-1")).key());
        assertEquals(
                "AllTraffic/*/* vs ShadowTraffic/*/*",
                Comparison.defaultAmong(List.of("ShadowTraffic", "AllTraffic")).key());
        assertEquals(
                "production/*/* vs challenger/*/*",
                Comparison.defaultAmong(List.of("challenger", "production")).key());
        assertEquals(
                "prod/*/* vs shadow_prod/*/*",
                Comparison.defaultAmong(List.of("shadow_prod", "prod")).key());
        assertEquals(
                "primary/*/* vs candidate/*/*",
                Comparison.defaultAmong(List.of("candidate", "primary")).key());
        // a named live side wins over a larger unnamed one; the largest candidate is compared
        assertEquals(
                "live/*/* vs canary/*/*",
                Comparison.defaultAmong(List.of("canary", "blue", "live", "shadow"))
                        .key());
        // nothing named: the two largest, the larger as baseline
        assertEquals(
                "green/*/* vs blue/*/*",
                Comparison.defaultAmong(List.of("green", "blue", "red")).key());
        // only candidates, or only baselines: still two different sides
        assertEquals(
                "Shadow-01/*/* vs Shadow-02/*/*",
                Comparison.defaultAmong(List.of("Shadow-01", "Shadow-02")).key());
        assertEquals(
                "live/*/* vs default/*/*",
                Comparison.defaultAmong(List.of("live", "default")).key());
        assertNull(Comparison.defaultAmong(List.of("live")));
        assertNull(Comparison.defaultAmong(List.of()));
    }

    @Test
    void variantRolesReadTheWordsOfTheName() {
        assertEquals(VariantRole.CANDIDATE, VariantRole.of("Shadow-01"));
        assertEquals(VariantRole.CANDIDATE, VariantRole.of("ShadowTraffic"));
        assertEquals(VariantRole.BASELINE, VariantRole.of("AllTraffic"));
        assertEquals(VariantRole.BASELINE, VariantRole.of("all-traffic"));
        assertEquals(VariantRole.NEUTRAL, VariantRole.of("variant-1"));
        assertEquals(VariantRole.NEUTRAL, VariantRole.of("delivery"), "'live' inside a word is not the word live");
        assertEquals(List.of("shadow", "traffic", "2"), VariantRole.words("ShadowTraffic2"));
    }

    @Test
    void aKserveWorkspaceComparesDefaultWithCanary() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 5, 8);
            Fixtures.exec(
                    c,
                    "UPDATE predictions SET variant = 'default' WHERE variant = 'live'",
                    "UPDATE predictions SET variant = 'canary' WHERE variant = 'shadow'");
            assertEquals("default/*/* vs canary/*/*", Comparison.defaultFor(c).key());
        }
    }

    @Test
    void sidesByModelAndVersion() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 30, 20);
            Summary s = SummaryService.compute(
                    c,
                    new Comparison(new Side(null, "ridge", "1.4.0"), new Side(null, "gbr", null), null, null),
                    SummaryOptions.DEFAULT,
                    ProgressSink.NONE);
            assertEquals(30, s.counts().baselineRows());
            assertEquals(20, s.counts().candidateRows());
            Summary none = SummaryService.compute(
                    c,
                    new Comparison(new Side(null, "ridge", "9.9"), new Side(null, "gbr", null), null, null),
                    SummaryOptions.DEFAULT,
                    ProgressSink.NONE);
            assertEquals(0, none.counts().baselineRows());
        }
    }

    @Test
    void cancelAfterPairingStopsBeforeTheNextQuery() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 30, 20);
            AtomicInteger steps = new AtomicInteger();
            ProgressSink sink = new ProgressSink() {
                @Override
                public void progress(long done, long total, String message) {
                    steps.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return steps.get() >= 2;
                }
            };
            assertThrows(
                    CancelledException.class,
                    () -> SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, sink));
            assertEquals(2, steps.get(), "stopped in the step after pairing");
        }
    }
}
