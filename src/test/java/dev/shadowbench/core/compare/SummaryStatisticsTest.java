package dev.shadowbench.core.compare;

import static dev.shadowbench.core.compare.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Every statistic of the summary on the {@link Fixtures#regression} logs against scipy 1.17.1 / numpy 2.4.6.
 * Reference: python3 with, for (n1, n2) in [(50, 50), (12000, 11000)] and the Fixtures formulas,
 *   stats.ks_2samp(b, c)                      (method 'auto': exact up to 10,000 per side, else asymptotic)
 *   stats.mannwhitneyu(bl, cl)                 ('auto' -> asymptotic: both n > 8 and ties; continuity + tie correction)
 *   d = np.abs(c[:m] - b[:m]); d.mean(), np.percentile(d, [50, 95]), d.max()       (m = min(n1, n2), the pairs)
 *   np.percentile(bl, [50, 95, 99]), bl.mean()  and the same for cl               (numpy 'linear' method)
 *   e = np.unique(np.percentile(b, [10..90 by 10])); shares per bin (e[i-1], e[i]] via np.searchsorted(e, x, 'left'),
 *   floored at 1e-4; psi = sum((sc - sb) * log(sc / sb))
 */
class SummaryStatisticsTest {
    static final double REL = 1e-6;

    private static Summary summary(int n1, int n2) throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, n1, n2);
            return SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
        }
    }

    @Test
    void largeSamplesMatchScipyAsymptotic() throws Exception {
        Summary s = summary(12000, 11000);
        assertEquals(11000, s.counts().paired());
        assertEquals(1000, s.counts().baselineOnly());
        assertEquals(0, s.counts().candidateOnly());

        var ks = s.tests().predictionKs();
        assertEquals("asymptotic", ks.method());
        assertRel(0.12727272727272732, ks.statistic(), REL, "KS D");
        assertRel(1.690098077747943e-81, ks.pValue(), REL, "KS p");

        var mw = s.tests().latencyMannWhitney();
        assertRel(60806599.0, mw.u(), REL, "U");
        assertRel(5.413606417597137e-25, mw.pValue(), REL, "MWU p");

        assertRel(0.11688205606692743, s.tests().predictionPsi(), REL, "PSI");
        assertEquals(9, s.tests().predictionPsiBins().innerEdges().size());

        var d = s.divergence();
        assertEquals("regression", d.kind());
        assertRel(36.05588717171717, d.meanAbs(), REL, "mean");
        assertRel(31.629444444444445, d.medianAbs(), REL, "median");
        assertRel(83.7968333333333, d.p95Abs(), REL, "p95");
        assertRel(112.42666666666666, d.maxAbs(), REL, "max");
        assertEquals(
                11000,
                d.histogram().counts().stream().mapToLong(Long::longValue).sum());
        assertEquals(
                SummaryOptions.DEFAULT.histogramBins() + 1,
                d.histogram().edges().size());

        var lb = s.latencyMs().baseline();
        assertRel(29.0, lb.p50(), REL, "b p50");
        assertRel(51.0, lb.p95(), REL, "b p95");
        assertRel(53.0, lb.p99(), REL, "b p99");
        assertRel(29.002458333333333, lb.mean(), REL, "b mean");
        var lc = s.latencyMs().candidate();
        assertRel(31.0, lc.p50(), REL, "c p50");
        assertRel(53.5, lc.p95(), REL, "c p95");
        assertRel(55.5, lc.p99(), REL, "c p99");
        assertRel(30.999727272727274, lc.mean(), REL, "c mean");
        assertEquals(
                12000,
                lb.histogram().counts().stream().mapToLong(Long::longValue).sum());
        assertEquals(lb.histogram().edges(), lc.histogram().edges(), "both sides share histogram edges");
    }

    /*
     * The prediction histograms and PSI edges are read from one table of distinct values with running counts, not
     * from the raw values: checked against numpy on the 12000/11000 fixture (values repeat, so counts > 1). Reference:
     *   lo, hi = np.percentile(np.concatenate([b, c]), [0.5, 99.5]) -> 0.95995, 113.0333888888889
     *   np.histogram(np.clip(b, lo, hi), bins=20, range=(lo, hi))[0]  (and c; out-of-range values go to the end bins)
     *   np.unique(np.percentile(b, [10, 20, ..., 90]))
     */
    @Test
    void predictionHistogramsAndPsiEdgesMatchNumpy() throws Exception {
        Summary s = summary(12000, 11000);
        var h = s.predictionHistograms();
        assertEquals(20, SummaryOptions.DEFAULT.histogramBins());
        assertRel(0.95995, h.baseline().edges().get(0), REL, "lo");
        assertRel(113.0333888888889, h.baseline().edges().get(20), REL, "hi");
        assertEquals(h.baseline().edges(), h.candidate().edges());
        assertEquals(
                java.util.List.of(
                        788L, 671L, 672L, 671L, 673L, 672L, 671L, 672L, 673L, 671L, 674L, 670L, 672L, 674L, 671L, 670L,
                        675L, 460L, 0L, 0L),
                h.baseline().counts());
        assertEquals(
                java.util.List.of(
                        353L, 555L, 554L, 554L, 555L, 554L, 554L, 555L, 552L, 554L, 555L, 553L, 554L, 555L, 554L, 554L,
                        555L, 555L, 555L, 670L),
                h.candidate().counts());
        double[] edges = {10.0, 20.01, 30.02, 40.026, 50.03, 60.04, 70.04299999999999, 80.05, 90.06};
        var got = s.tests().predictionPsiBins().innerEdges();
        for (int i = 0; i < edges.length; i++) assertRel(edges[i], got.get(i), REL, "PSI edge " + i);
    }

    @Test
    void unequalSamplesUpToTenThousandAreExactLikeScipy() throws Exception {
        // stats.ks_2samp(b, c) with n1 = 300, n2 = 200 -> (0.13166666666666665, 0.029211288018390635), method 'exact'
        var ks = summary(300, 200).tests().predictionKs();
        assertEquals("exact", ks.method());
        assertRel(0.13166666666666665, ks.statistic(), REL, "KS D");
        assertRel(0.029211288018390635, ks.pValue(), REL, "KS p");
    }

    @Test
    void smallEqualSamplesMatchScipyExact() throws Exception {
        Summary s = summary(50, 50);
        var ks = s.tests().predictionKs();
        assertEquals("exact", ks.method());
        assertRel(0.14, ks.statistic(), REL, "KS D");
        assertRel(0.7166468440414822, ks.pValue(), REL, "KS p");
        var mw = s.tests().latencyMannWhitney();
        assertRel(1139.5, mw.u(), REL, "U");
        assertRel(0.44822527951650726, mw.pValue(), REL, "MWU p");
        assertRel(0.11124565824765004, s.tests().predictionPsi(), REL, "PSI");
        var d = s.divergence();
        assertRel(37.541177777777776, d.meanAbs(), REL, "mean");
        assertRel(30.76388888888889, d.medianAbs(), REL, "median");
        assertRel(86.15255555555554, d.p95Abs(), REL, "p95");
        assertRel(103.61, d.maxAbs(), REL, "max");
        var lb = s.latencyMs().baseline();
        assertRel(28.75, lb.p50(), REL, "b p50");
        assertRel(50.324999999999996, lb.p95(), REL, "b p95");
        assertRel(52.265, lb.p99(), REL, "b p99");
        assertRel(28.76, lb.mean(), REL, "b mean");
        var lc = s.latencyMs().candidate();
        assertRel(30.75, lc.p50(), REL, "c p50");
        assertRel(53.55, lc.p95(), REL, "c p95");
        assertRel(55.265, lc.p99(), REL, "c p99");
        // The candidate is slower on every figure: that is a finding, with the baseline's figure as threshold.
        var p95 = s.findings().stream()
                .filter(f -> f.rule().equals("latency_p95_slower"))
                .findFirst()
                .orElseThrow();
        assertEquals(53.55, p95.value(), 1e-9);
        assertEquals(50.324999999999996, p95.threshold(), 1e-9);
        assertEquals("warning", p95.severity());
    }
}
