package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.Bins;
import dev.shadowbench.core.chart.ChartSet;
import dev.shadowbench.core.chart.DensityGrid;
import dev.shadowbench.core.chart.LogHistogram;
import dev.shadowbench.core.chart.SignedHistogram;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart model against numpy 2.4.6 on the {@link Fixtures#regression} logs (12000 baseline, 11000 candidate
 * records, 11000 pairs). Reference: src/test/resources/dev/shadowbench/core/chart/chart_fixtures.py, run as
 * {@code python3 src/test/resources/dev/shadowbench/core/chart/chart_fixtures.py}; its output is copied below.
 */
class ChartFiguresTest {
    private static Summary summary;
    private static ChartSet charts;

    @BeforeAll
    static void compute() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 12000, 11000);
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            summary = SummaryService.compute(c, pc, SummaryOptions.DEFAULT, ProgressSink.NONE);
            charts = ChartFigures.compute(
                    c, pc, summary, List.of(new DensityGrid.Point("r7", 1.0, 2.0, "rule")), ProgressSink.NONE);
        }
    }

    @Test
    void signedDifferenceIsClippedAtRobustPercentilesWithFreedmanDiaconisBins() {
        SignedHistogram h = charts.difference();
        assertEquals(summary.divergence().signedHistogram(), h, "the chart draws the summary's histogram");
        assertEquals(-86.47024444444445, h.clip().low(), 1e-9);
        assertEquals(104.00445, h.clip().high(), 1e-9);
        assertEquals(0.5, h.clip().lowPercentile());
        assertEquals(99.5, h.clip().highPercentile());
        assertEquals(36, h.edges().size());
        assertEquals(
                List.of(
                        74L, 102L, 131L, 161L, 190L, 218L, 250L, 276L, 302L, 337L, 365L, 391L, 427L, 450L, 477L, 511L,
                        533L, 535L, 542L, 503L, 477L, 451L, 416L, 391L, 366L, 328L, 309L, 273L, 240L, 220L, 188L, 154L,
                        135L, 97L, 70L),
                h.counts());
        assertEquals(55, h.below());
        assertEquals(55, h.above());
        assertEquals(11000, h.n());
        assertEquals(11000, sum(h.counts()) + h.below() + h.above(), "counts and overflow add up to the pairs");
    }

    @Test
    void relativeDifferenceLeavesOutZeroBaselinesAndCapsTheBins() {
        SignedHistogram h = charts.relative();
        assertEquals(-0.9452899141973783, h.clip().low(), 1e-12);
        assertEquals(120.88046247305502, h.clip().high(), 1e-9);
        assertEquals(Bins.MAX_BINS, h.counts().size());
        assertEquals(List.of(2945L, 2939L, 1636L, 839L, 488L), h.counts().subList(0, 5));
        assertEquals(55, h.below());
        assertEquals(55, h.above());
        assertEquals(10998, sum(h.counts()) + h.below() + h.above());
    }

    @Test
    void latencyOfBothSidesSharesLogSpacedEdges() {
        LogHistogram h = charts.latency();
        assertEquals("log", h.scale());
        assertEquals(18, h.edges().size());
        assertEquals(5.0, h.edges().get(0));
        assertEquals(56.0, h.edges().get(17));
        double ratio = h.edges().get(1) / h.edges().get(0);
        for (int i = 1; i < 17; i++)
            assertEquals(ratio, h.edges().get(i + 1) / h.edges().get(i), 1e-9);
        assertEquals(
                List.of(
                        247L, 248L, 246L, 248L, 371L, 371L, 495L, 495L, 495L, 743L, 741L, 990L, 990L, 1237L, 1360L,
                        1609L, 1114L),
                h.baseline());
        assertEquals(
                List.of(
                        0L, 218L, 218L, 218L, 326L, 327L, 436L, 435L, 436L, 653L, 654L, 872L, 871L, 1089L, 1197L, 1416L,
                        1634L),
                h.candidate());
        assertEquals(12000, sum(h.baseline()));
        assertEquals(11000, sum(h.candidate()));
    }

    @Test
    void densityGridCountsEveryPairOnceWithTheFlaggedOnTop() {
        DensityGrid g = charts.density();
        assertEquals(0.95995, g.edges().get(0), 1e-12);
        assertEquals(113.0333888888889, g.edges().get(DensityGrid.SIZE), 1e-9);
        assertEquals(11000, g.pairs());
        assertEquals(
                11000, g.cells().stream().mapToLong(DensityGrid.Cell::count).sum(), "cells add up to the pairs");
        assertEquals(220, g.outside());
        int[] diagonal = {
            0, 3, 3, 3, 4, 2, 5, 4, 2, 2, 6, 3, 2, 3, 4, 5, 4, 2, 3, 5, 2, 3, 3, 5, 3, 6, 3, 3, 3, 4, 3, 4, 4, 4, 5, 3,
            1, 3, 6, 3, 2, 4, 4, 4, 3, 2, 3, 4, 3, 3, 3, 3, 4, 0, 0, 0, 0, 0, 0, 0
        };
        for (int k = 0; k < DensityGrid.SIZE; k++) assertEquals(diagonal[k], cell(g, k, k), "cell " + k + "," + k);
        assertEquals(10, cell(g, 0, 59));
        assertEquals(5, cell(g, 0, 1));
        assertEquals(1, g.flagged().size());
    }

    @Test
    void oneDayHasNoTrend() {
        assertNull(charts.trend());
        assertNotNull(charts.density());
        assertTrue(summary.latencyMs().histogram().edges().size() > 2);
    }

    private static long cell(DensityGrid g, int x, int y) {
        return g.cells().stream()
                .filter(c -> c.x() == x && c.y() == y)
                .mapToLong(DensityGrid.Cell::count)
                .sum();
    }

    private static long sum(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).sum();
    }
}
