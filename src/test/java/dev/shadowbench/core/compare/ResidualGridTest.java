package dev.shadowbench.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.chart.DensityGrid;
import dev.shadowbench.core.chart.Residuals;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The residual grids (error = prediction - label against the label, per side) on {@link Fixtures#regression} with
 * labels y = (i*13 % 50) + 0.3 for i % 4 != 3, against numpy 2.4.6:
 *
 * <pre>
 * python3 -c "
 * import numpy as np
 * i=np.arange(40); lab=(i%4!=3)
 * b=((i*7919)%10007)/100.0; c=((i*104729)%10009).astype(float)/90.0+3.0; y=((i*13)%50)+0.3
 * x=y[lab]; xe=np.linspace(0,50,5); ye=np.linspace(-60,60,5)
 * for name,p in (('b',b),('c',c)):
 *     e=(p-y)[lab]
 *     H,_,_=np.histogram2d(np.clip(x,0,50),np.clip(e,-60,60),bins=[xe,ye])
 *     out=((e<-60)|(e>60)|(x<0)|(x>50)).sum()
 *     print(name,[(a,bb,int(H[a,bb])) for a in range(4) for bb in range(4) if H[a,bb]>0], 'outside',out)"
 * </pre>
 */
class ResidualGridTest {
    private static List<DensityGrid.Cell> cells(int[][] xyn) {
        return java.util.Arrays.stream(xyn)
                .map(a -> new DensityGrid.Cell(a[0], a[1], a[2]))
                .toList();
    }

    @Test
    void countsMatchNumpyHistogram2dAndAddUpToTheLabelledPairs() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 40, 40);
            Fixtures.exec(
                    c,
                    "INSERT INTO labels(import_id, request_id, label) SELECT 3, 'r' || i, CAST((i * 13) % 50 AS DOUBLE) + 0.3 "
                            + "FROM range(40) t(i) WHERE i % 4 <> 3");
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            Db q = new Db(c, ProgressSink.NONE);
            Residuals r = ChartFigures.residuals(q, pc, 0, 50, -60, 60, 4);
            assertEquals(List.of(0.0, 12.5, 25.0, 37.5, 50.0), r.baseline().edges());
            assertEquals(List.of(-60.0, -30.0, 0.0, 30.0, 60.0), r.baseline().yEdges());
            assertEquals(
                    cells(new int[][] {
                        {0, 1, 1}, {0, 2, 2}, {0, 3, 4}, {1, 1, 1}, {1, 2, 4}, {1, 3, 4}, {2, 1, 4}, {2, 2, 1},
                        {2, 3, 5}, {3, 0, 1}, {3, 2, 1}, {3, 3, 2}
                    }),
                    r.baseline().cells());
            assertEquals(6, r.baseline().outside());
            assertEquals(
                    cells(new int[][] {
                        {0, 2, 3}, {0, 3, 4}, {1, 1, 1}, {1, 2, 2}, {1, 3, 6}, {2, 1, 2}, {2, 2, 4}, {2, 3, 4},
                        {3, 1, 1}, {3, 2, 1}, {3, 3, 2}
                    }),
                    r.candidate().cells());
            assertEquals(10, r.candidate().outside());
            // every labelled pair once per side, as the label figures count them
            Summary s = SummaryService.compute(c, Fixtures.liveVsShadow(), SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(30, s.labels().labelledPairs());
            assertEquals(30, r.baseline().pairs());
            assertEquals(30, r.candidate().pairs());
            // the percentile ranges: still every labelled pair
            Residuals auto = ChartFigures.residuals(q, pc, DensityGrid.SIZE);
            assertEquals(30, auto.baseline().pairs());
            assertEquals(30, auto.candidate().pairs());
            assertEquals(
                    -auto.baseline().yEdges().get(0), auto.baseline().yEdges().get(DensityGrid.SIZE), 1e-12);
        }
    }

    @Test
    void noLabelsNoResiduals() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 10, 10);
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            assertNull(ChartFigures.residuals(new Db(c, ProgressSink.NONE), pc, DensityGrid.SIZE));
        }
    }

    @Test
    void theChartSetHoldsResidualsOnlyForARegressionWithLabelsAndThePlotCountsEachPairOnce() throws Exception {
        try (Workspace ws = Workspace.inMemory();
                Connection c = ws.connect()) {
            Fixtures.regression(c, 40, 40);
            PairedComparison pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            Summary s = SummaryService.compute(c, pc, SummaryOptions.DEFAULT, ProgressSink.NONE);
            assertEquals(
                    null,
                    ChartFigures.compute(c, pc, s, List.of(), ProgressSink.NONE).residuals(),
                    "no labels");

            Fixtures.exec(
                    c,
                    "INSERT INTO labels(import_id, request_id, label) SELECT 3, 'r' || i, CAST((i * 13) % 50 AS DOUBLE) + 0.3 "
                            + "FROM range(40) t(i) WHERE i % 4 <> 3");
            pc = PairIndex.open(c, Fixtures.liveVsShadow(), ProgressSink.NONE);
            s = SummaryService.compute(c, pc, SummaryOptions.DEFAULT, ProgressSink.NONE);
            Residuals r =
                    ChartFigures.compute(c, pc, s, List.of(), ProgressSink.NONE).residuals();
            assertEquals(30, r.candidate().pairs());
            dev.shadowbench.core.chart.Plot plot =
                    dev.shadowbench.core.chart.ResidualPlot.layout(r.candidate(), "candidate", 600, 300);
            long drawn = plot.shapes().stream()
                    .filter(x -> x instanceof dev.shadowbench.core.chart.Plot.Rect)
                    .mapToLong(x -> Long.parseLong(((dev.shadowbench.core.chart.Plot.Rect) x)
                            .tip()
                            .replaceAll(".*: ([0-9,]+) pairs$", "$1")
                            .replace(",", "")))
                    .sum();
            assertEquals(30, drawn, "every labelled pair in one cell");
            assertTrue(plot.summary().contains("30 labelled pairs"), plot.summary());
            assertTrue(
                    plot.shapes().stream()
                            .anyMatch(x -> x instanceof dev.shadowbench.core.chart.Plot.Line l && l.y1() == l.y2()),
                    "the zero-error line");
        }
    }
}
