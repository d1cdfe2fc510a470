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
 * Times each chart's data from a workspace's stored pairing against a bare-DuckDB query that computes the same chart
 * the plain way, straight from the stored pairs table (no value-count tables), measured in the same run: quantiles
 * and a GROUP BY of the bin for the two divergence histograms, a GROUP BY of the log bin over both sides' latencies,
 * the same 60 x 60 GROUP BY for the density grid, per-day quantiles for the day trend. The workspace is one
 * {@code import} of {@code generate --requests 10000000 --days 2} ({@code performance.md} gives the commands).
 * Args: WORKSPACE.duckdb [runs (default 5)].
 */
public final class ChartBenchmark {
    private static final String NUMERIC = " WHERE c_prediction IS NOT NULL AND b_prediction IS NOT NULL";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/compare-bench/ws-10000000.duckdb");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Workspace ws = Workspace.open(file);
                Connection c = ws.connect()) {
            Comparison cmp = Comparison.defaultFor(c);
            long t0 = System.nanoTime();
            PairedComparison pc = PairIndex.open(c, cmp, ProgressSink.NONE); // builds the pairing once if needed
            System.out.printf(Locale.ROOT, "pair index ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Summary s = SummaryService.compute(c, pc, SummaryOptions.DEFAULT, ProgressSink.NONE);
            System.out.printf("%s: %,d pairs%n", file, pc.coverage().paired());
            Db q = new Db(c, ProgressSink.NONE);
            List<Double> e = s.predictionHistograms().baseline().edges();
            double lo = e.get(0), hi = e.get(e.size() - 1);
            String pairs = pc.pairs();
            String[] names = {"signed difference", "signed relative", "latency (log)", "density grid", "by day"};
            String[] bare = {
                histogram(pairs, "c_prediction - b_prediction"),
                histogram(
                        pairs,
                        "CASE WHEN b_prediction <> 0 THEN (c_prediction - b_prediction) / abs(b_prediction) END"),
                "SELECT floor(log10(greatest(x, 0.001)) * 16) AS k, count(*) FILTER (s = 'b'), count(*) FILTER (s = 'c')"
                        + " FROM (SELECT 'b' AS s, b_latency AS x FROM " + pairs
                        + " UNION ALL SELECT 'c', c_latency FROM "
                        + pairs + ") WHERE x IS NOT NULL GROUP BY k",
                String.format(
                        Locale.ROOT,
                        "SELECT least(greatest(CAST(floor((b_prediction - %1$s) / %2$s) AS BIGINT), 0), 59) AS i, "
                                + "least(greatest(CAST(floor((c_prediction - %1$s) / %2$s) AS BIGINT), 0), 59) AS j, "
                                + "count(*) FROM %3$s" + NUMERIC + " GROUP BY i, j",
                        lo,
                        (hi - lo) / DensityGrid.SIZE,
                        pairs),
                "SELECT day, quantile_cont(abs(c_prediction - b_prediction), 0.95), quantile_cont(b_latency, 0.99), "
                        + "quantile_cont(c_latency, 0.99) FROM " + pairs + " GROUP BY day"
            };
            double[][] ours = new double[names.length][runs], ref = new double[names.length][runs];
            double[] all = new double[runs];
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < names.length; k++) {
                    ref[k][i] = time(c, bare[k]);
                    long t = System.nanoTime();
                    switch (k) {
                        case 0 -> ChartFigures.signed(c, pc, false);
                        case 1 -> ChartFigures.signed(c, pc, true);
                        case 2 -> LogHistogram.compute(q, pc.latencyCdf());
                        case 3 ->
                            DensityGrid.compute(
                                    q,
                                    "SELECT b_prediction AS b, c_prediction AS c FROM " + pairs,
                                    lo,
                                    hi,
                                    DensityGrid.SIZE);
                        default -> ChartFigures.trend(s);
                    }
                    ours[k][i] = (System.nanoTime() - t) / 1e9;
                }
                long t = System.nanoTime();
                ChartFigures.compute(c, pc, s, List.of(), ProgressSink.NONE);
                all[i] = (System.nanoTime() - t) / 1e9;
            }
            System.out.printf(Locale.ROOT, "%-18s %10s %10s %8s%n", "chart", "ours (s)", "bare (s)", "ratio");
            for (int k = 0; k < names.length; k++) {
                double[] ratio = new double[runs];
                for (int i = 0; i < runs; i++) ratio[i] = ours[k][i] / ref[k][i];
                System.out.printf(
                        Locale.ROOT,
                        "%-18s %10.3f %10.3f %7.2fx%n",
                        names[k],
                        median(ours[k]),
                        median(ref[k]),
                        median(ratio));
            }
            System.out.printf(
                    Locale.ROOT,
                    "ChartFigures.compute (the charts the summary does not hold: relative, density, by day) %.3f s%n",
                    median(all));
            System.out.printf(Locale.ROOT, "medians of %d runs; ratio = per-run ours / bare, median%n", runs);
        }
    }

    /** The plain way: the clip and IQR as quantiles, then a GROUP BY of the Freedman-Diaconis bin over the pairs. */
    private static String histogram(String pairs, String value) {
        return "WITH v AS (SELECT " + value + " AS x FROM " + pairs + NUMERIC + "), "
                + "q AS (SELECT quantile_cont(x, [0.005, 0.25, 0.75, 0.995]) AS p, count(x) AS n FROM v), "
                + "w AS (SELECT p[1] AS lo, p[4] AS hi, greatest(2 * (p[3] - p[2]) / cbrt(n), (p[4] - p[1]) / 200) AS h"
                + " FROM q) SELECT CASE WHEN x < lo THEN -1 WHEN x > hi THEN -2 ELSE floor((x - lo) / h) END AS b, "
                + "count(*) FROM v, w WHERE x IS NOT NULL GROUP BY b";
    }
}
