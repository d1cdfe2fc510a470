package dev.shadowbench.bench;

import static dev.shadowbench.bench.BenchTiming.median;
import static dev.shadowbench.bench.BenchTiming.time;

import dev.shadowbench.core.chart.DensityGrid;
import dev.shadowbench.core.chart.LogHistogram;
import dev.shadowbench.core.compare.ChartFigures;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * Times each chart's data from a workspace's stored pairing against a bare DuckDB histogram query over the same pairs
 * (one GROUP BY of floor(candidate - baseline)), measured in the same run. The workspace is one {@code import} of
 * {@code generate --requests 10000000 --days 2} (build it as README's "first look" does, or let SummaryBenchmark).
 * Args: WORKSPACE.duckdb [runs (default 5)].
 */
public final class ChartBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/compare-bench/ws-10000000.duckdb");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            Comparison cmp = Comparison.defaultFor(c);
            PairedComparison pc = PairIndex.open(c, cmp, ProgressSink.NONE); // builds the pairing once if needed
            Summary s = SummaryService.compute(c, pc, SummaryOptions.DEFAULT, ProgressSink.NONE);
            System.out.printf("%s: %,d pairs%n", file, pc.coverage().paired());
            String[] names = {
                "bare histogram", "signed difference", "signed relative", "latency (log)", "density grid", "all charts"
            };
            double[][] t = new double[names.length][runs];
            Db q = new Db(c, ProgressSink.NONE);
            List<Double> e = s.predictionHistograms().baseline().edges();
            for (int i = 0; i < runs; i++) {
                t[0][i] = time(
                        c,
                        "SELECT floor(c_prediction - b_prediction) AS b, count(*) FROM " + pc.pairs()
                                + " WHERE c_prediction IS NOT NULL AND b_prediction IS NOT NULL GROUP BY b");
                long t0 = System.nanoTime();
                ChartFigures.signed(c, pc, false);
                t[1][i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                ChartFigures.signed(c, pc, true);
                t[2][i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                LogHistogram.compute(q, pc.latencyCdf());
                t[3][i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                DensityGrid.compute(
                        q,
                        "SELECT b_prediction AS b, c_prediction AS c FROM " + pc.pairs(),
                        e.get(0),
                        e.get(e.size() - 1),
                        DensityGrid.SIZE);
                t[4][i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                ChartFigures.compute(c, pc, s, List.of(), ProgressSink.NONE);
                t[5][i] = (System.nanoTime() - t0) / 1e9;
            }
            double bare = median(t[0]);
            for (int k = 0; k < names.length; k++) {
                double[] ratio = new double[runs];
                for (int i = 0; i < runs; i++) ratio[i] = t[k][i] / t[0][i];
                System.out.printf(
                        Locale.ROOT,
                        "%-18s median %.3f s  (%.2fx the bare histogram's %.3f s, per-run ratio median)%n",
                        names[k],
                        median(t[k]),
                        median(ratio),
                        bare);
            }
        }
    }
}
