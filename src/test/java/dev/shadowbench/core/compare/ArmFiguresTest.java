package dev.shadowbench.core.compare;

import static dev.shadowbench.core.compare.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.stats.ChiSquare;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The unpaired comparison of the arms ({@link ArmFigures}) on a two-day canary against scipy 1.17.1 / numpy 2: the
 * figures come from {@code src/test/resources/dev/shadowbench/core/compare/arm_fixtures.py}, which builds the same data
 * (ks_2samp, mannwhitneyu, chi2_contingency(correction=False), np.percentile, the PSI of SummaryStatisticsTest,
 * accuracy per arm on its own labelled requests, chi2.sf).
 */
class ArmFiguresTest {
    static final double REL = 1e-9;

    /** The data of arm_fixtures.py: day d has nb[d] baseline ('live') and nc[d] candidate ('canary') requests. */
    static void insert(Connection c, int[] nb, int[] nc) throws Exception {
        for (int d = 0; d < nb.length; d++) {
            String day = "TIMESTAMP '2026-11-2" + d + " 00:00:00'";
            Fixtures.exec(
                    c,
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, "
                            + "predicted_class, latency_ms, source_line) SELECT 1, 'b" + d + "_' || i, " + day
                            + " + to_seconds(i), 'm', '1', 'live', CAST(((i + 1000 * " + d
                            + ") * 7919) % 1009 AS DOUBLE)"
                            + " / 100.0, CASE WHEN ((i + 1000 * " + d + ") * 7) % 5 < 2 THEN 'a' WHEN ((i + 1000 * "
                            + d + ") * 7) % 5 = 2 THEN 'b' ELSE 'c' END, CAST(((i + 1000 * " + d + ") * 31) % 97 AS "
                            + "DOUBLE) / 2.0 + 5.0, i FROM range(" + nb[d] + ") t(i)",
                    "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, "
                            + "predicted_class, latency_ms, source_line) SELECT 2, 'c" + d + "_' || i, " + day
                            + " + to_seconds(i), 'm', '2', 'canary', CAST(((i + 1000 * " + d + ") * 104729) % 1013 AS "
                            + "DOUBLE) / 90.0 + 0.5, CASE WHEN ((i + 1000 * " + d + ") * 11) % 7 < 3 THEN 'a' WHEN "
                            + "((i + 1000 * " + d + ") * 11) % 7 < 5 THEN 'b' ELSE 'c' END, CAST(((i + 1000 * " + d
                            + ") * 37) % 101 AS DOUBLE) / 2.0 + 6.0, i FROM range(" + nc[d] + ") t(i)");
            for (String arm : new String[] {"b", "c"}) {
                Fixtures.exec(
                        c,
                        "INSERT INTO labels(import_id, request_id, label, label_class, ts) SELECT 3, '" + arm + d
                                + "_' || i, NULL, CASE WHEN ((i + 1000 * " + d + ") * 3) % 4 < 2 THEN 'a' WHEN ((i + "
                                + "1000 * " + d + ") * 3) % 4 = 2 THEN 'b' ELSE 'c' END, NULL FROM range(0, "
                                + (arm.equals("b") ? nb[d] : nc[d]) + ", 3) t(i)");
            }
        }
    }

    static Summary summary(int[] nb, int[] nc) throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            insert(c, nb, nc);
            return SummaryService.compute(
                    c,
                    new Comparison(Side.variant("live"), Side.variant("canary"), null, null),
                    SummaryOptions.DEFAULT,
                    ProgressSink.NONE);
        }
    }

    @Test
    void perDayAndWindowFiguresMatchScipy() throws Exception {
        Summary s = summary(new int[] {300, 200}, new int[] {20, 150});
        Arms a = s.arms();
        assertTrue(s.canary(), "no pairs, variant canary");
        assertEquals(0, a.routingLeak());
        assertEquals(2, a.byDay().size());

        Arms.ArmDay d0 = a.byDay().get(0);
        assertEquals(LocalDate.parse("2026-11-20"), d0.day());
        assertEquals(300, d0.baselineRequests());
        assertEquals(20, d0.candidateRequests());
        assertRel(0.16, d0.predictionKs().statistic(), REL, "day 0 KS D");
        assertRel(0.6737463904733304, d0.predictionKs().pValue(), 1e-7, "day 0 KS p");
        assertRel(0.2963463012985206, d0.predictionPsi(), REL, "day 0 PSI");
        assertRel(2854.5, d0.latencyMannWhitney().u(), REL, "day 0 U");
        assertRel(0.7173866984462511, d0.latencyMannWhitney().pValue(), 1e-7, "day 0 MWU p");
        assertRel(0.8232387767271488, d0.classChiSquare().statistic(), REL, "day 0 chi2");
        assertEquals(2, d0.classChiSquare().dof());
        assertRel(0.6625764123586371, d0.classChiSquare().pValue(), 1e-9, "day 0 chi2 p");
        assertRel(29.0, d0.baselineLatency().p50(), REL, "b p50");
        assertRel(51.0, d0.baselineLatency().p95(), REL, "b p95");
        assertRel(52.504999999999995, d0.baselineLatency().p99(), REL, "b p99");
        assertRel(30.25, d0.candidateLatency().p50(), REL, "c p50");
        assertRel(53.075, d0.candidateLatency().p95(), REL, "c p95");
        assertRel(54.214999999999996, d0.candidateLatency().p99(), REL, "c p99");

        Arms.ArmDay d1 = a.byDay().get(1);
        assertRel(0.155, d1.predictionKs().statistic(), REL, "day 1 KS D");
        assertRel(0.029557261789682196, d1.predictionKs().pValue(), 1e-7, "day 1 KS p");
        assertRel(0.16010850172522842, d1.predictionPsi(), REL, "day 1 PSI");
        assertRel(13857.0, d1.latencyMannWhitney().u(), REL, "day 1 U");
        assertRel(0.22257734456849587, d1.latencyMannWhitney().pValue(), 1e-7, "day 1 MWU p");
        assertRel(6.800242865816638, d1.classChiSquare().statistic(), REL, "day 1 chi2");
        assertRel(0.03336921759314504, d1.classChiSquare().pValue(), 1e-9, "day 1 chi2 p");
        assertRel(29.25, d1.baselineLatency().p50(), REL, "day 1 b p50");
        assertRel(50.52499999999999, d1.baselineLatency().p95(), REL, "day 1 b p95");
        assertRel(53.27499999999999, d1.candidateLatency().p95(), REL, "day 1 c p95");
        assertRel(55.754999999999995, d1.candidateLatency().p99(), REL, "day 1 c p99");

        Arms.ClassShift cls = a.classes();
        assertEquals(500, cls.baselineN());
        assertEquals(170, cls.candidateN());
        assertRel(9.454545386692658, cls.chiSquare().statistic(), REL, "window chi2");
        assertRel(0.008850576389320276, cls.chiSquare().pValue(), 1e-9, "window chi2 p");
        assertEquals(3, cls.classes().size());
        double shares = cls.classes().stream()
                .mapToDouble(Arms.ClassShare::candidateShare)
                .sum();
        assertRel(1.0, shares, 1e-12, "class shares add up");

        Arms.ArmLabels l = a.labels();
        assertEquals(167, l.baselineLabelled());
        assertEquals(57, l.candidateLabelled());
        assertRel(0.3652694610778443, l.baseline().accuracy(), REL, "b accuracy");
        assertRel(0.3333333333333333, l.candidate().accuracy(), REL, "c accuracy");
        assertNull(a.topItems(), "not a ranking");
    }

    @Test
    void chiSquareSurvivalMatchesScipy() {
        double[][] cases = {
            {0.5, 1, 0.47950012218695337},
            {3.84, 1, 0.05004352124870519},
            {10.0, 2, 0.006737946999085468},
            {7.5, 5, 0.186029833602867},
            {30.0, 10, 0.000856641210775301},
            {150.0, 20, 6.285681673933351e-22},
            {1e-3, 3, 0.9999915920809419},
            {400.0, 3, 2.2138865931011112e-86}
        };
        for (double[] c : cases)
            assertRel(c[2], ChiSquare.sf(c[0], (int) c[1]), 1e-9, "chi2.sf(" + c[0] + ", " + c[1] + ")");
    }

    @Test
    void aShadowThatDoesNotPairIsNotACanaryButALowPairingCanaryIs() {
        Pairing.Coverage none = new Pairing.Coverage(100, 100, 0, 100, 100, 0);
        Comparison shadow = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
        Comparison neutral = new Comparison(Side.variant("live"), Side.variant("variant-2"), null, null);
        assertNull(ArmFigures.canaryBy(shadow, none, false), "a broken shadow stays a shadow");
        assertNotNull(ArmFigures.canaryBy(shadow, none, true), "a ramp plan over the window makes it a canary");
        assertNotNull(ArmFigures.canaryBy(neutral, none, false), "split traffic reads as a canary");
        Pairing.Coverage mirrored = new Pairing.Coverage(100, 100, 95, 5, 5, 0);
        assertNull(ArmFigures.canaryBy(neutral, mirrored, false), "mirrored traffic is a shadow");
        assertNull(ArmFigures.canaryBy(shadow, mirrored, true), "a planned shadow that still mirrors stays a shadow");
    }

    @Test
    void aRequestServedByBothArmsIsARoutingLeak() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            insert(c, new int[] {300}, new int[] {20});
            Fixtures.exec(
                    c,
                    "INSERT INTO predictions(import_id, request_id, ts, variant, prediction, source_line) "
                            + "VALUES (2, 'b0_1', TIMESTAMP '2026-11-20 00:00:01', 'canary', 1.0, 99)");
            Summary s = SummaryService.compute(
                    c,
                    new Comparison(Side.variant("live"), Side.variant("canary"), null, null),
                    SummaryOptions.DEFAULT,
                    ProgressSink.NONE);
            assertEquals(1, s.arms().routingLeak());
            assertTrue(
                    s.findings().stream().anyMatch(f -> f.rule().equals("routing_leak")),
                    s.findings().toString());
        }
    }
}
