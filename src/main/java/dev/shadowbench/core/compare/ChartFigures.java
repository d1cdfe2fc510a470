package dev.shadowbench.core.compare;

import dev.shadowbench.core.chart.ChartSet;
import dev.shadowbench.core.chart.Clip;
import dev.shadowbench.core.chart.DayTrend;
import dev.shadowbench.core.chart.DensityGrid;
import dev.shadowbench.core.chart.LatencyMarks;
import dev.shadowbench.core.chart.Residuals;
import dev.shadowbench.core.chart.SignedHistogram;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The chart data of a review ({@link ChartSet}) from a comparison's stored pairing. What the summary already holds
 * (the signed difference histogram, the latency histogram, the per-day divergence) is taken from it, not computed
 * again; the rest (relative difference, the density grid, per-day latency p99) is computed here, in SQL.
 */
public final class ChartFigures {
    private ChartFigures() {}

    /** What the signed difference is, in words (axis titles). */
    public static final String DIFFERENCE_WORDS = "candidate − baseline",
            RELATIVE_WORDS = "(candidate − baseline) / |baseline|";

    /** The latency chart's marks from a summary's latency figures. */
    public static LatencyMarks latencyMarks(Summary.LatencyPair l) {
        return new LatencyMarks(side(l.baseline()), side(l.candidate()), l.budgetMs());
    }

    private static LatencyMarks.Side side(Summary.Latency l) {
        return l == null ? null : new LatencyMarks.Side(l.p50(), l.p95(), l.p99(), l.overBudgetShare());
    }

    /**
     * Histogram of candidate - baseline (or relative to the baseline) over the pairs, clipped at 0.5..99.5, from the
     * pair index's signed value counts: the percentiles read running counts, the bins one GROUP BY of distinct values.
     */
    static SignedHistogram signed(Db q, PairedComparison pc, boolean relative) throws SQLException {
        String cdf = pc.signedCdf(), n = relative ? "nb" : "na", cum = relative ? "cb" : "ca";
        long total = Db.lng(q.row("SELECT coalesce(sum(" + n + "), 0) FROM " + cdf)[0]);
        Double[] qs = TwoSampleTests.quantiles(
                q, cdf, cum, total, Clip.DEFAULT_LOW / 100, 0.25, 0.75, Clip.DEFAULT_HIGH / 100);
        return SignedHistogram.compute(
                q,
                "SELECT x AS v, " + n + " AS n FROM " + cdf + " WHERE " + n + " > 0",
                total,
                qs,
                Clip.DEFAULT_LOW,
                Clip.DEFAULT_HIGH);
    }

    /** {@link #signed} on a connection (the benchmark times each chart's data on its own). */
    public static SignedHistogram signed(Connection c, PairedComparison pc, boolean relative) throws SQLException {
        return signed(new Db(c, ProgressSink.NONE), pc, relative);
    }

    /** Every chart's data of the review {@code s} of {@code pc}; {@code flagged} are drawn on the density grid. */
    public static ChartSet compute(
            Connection c, PairedComparison pc, Summary s, List<DensityGrid.Point> flagged, ProgressSink sink)
            throws SQLException {
        Db q = new Db(c, sink);
        Summary.Divergence d = s.divergence();
        boolean signed = d != null && d.signedHistogram() != null;
        SignedHistogram relative = signed ? signed(q, pc, true) : null;
        DensityGrid density = null;
        Summary.PredictionHistograms ph = s.predictionHistograms();
        // an extract holds the sample, not every pair: the density and residual charts are not in it
        if (signed && ph != null && ph.baseline() != null && !pc.extract()) {
            // the prediction histograms' edges span the pooled 0.5th..99.5th percentile of both sides: the same range
            List<Double> e = ph.baseline().edges();
            density = DensityGrid.compute(
                    q,
                    "SELECT b_prediction AS b, c_prediction AS c FROM " + pc.pairs(),
                    e.get(0),
                    e.get(e.size() - 1),
                    DensityGrid.SIZE);
            if (density != null) density = density.withFlagged(flagged);
        }
        return new ChartSet(
                signed ? d.signedHistogram() : null,
                relative,
                s.latencyMs() == null ? null : s.latencyMs().histogram(),
                density,
                trend(s),
                regressionWithLabels(s) && !pc.extract() ? residuals(q, pc, DensityGrid.SIZE) : null);
    }

    /** True when the review compares regressions and some pairs have a label (the residual plot's condition). */
    private static boolean regressionWithLabels(Summary s) {
        return s.divergence() != null
                && "regression".equals(s.divergence().kind())
                && s.labels() != null
                && s.labels().labelledPairs() > 0;
    }

    /**
     * Each side's error (prediction - label) against the label of a regression's labelled pairs (a label and a
     * prediction on both sides, as the label figures count them), on shared edges: the label's 0.5th to 99.5th
     * percentile across, the error from -m to m with m the larger side's 99.5th percentile of |error|; values beyond
     * are counted at the edge. Null without a labelled pair.
     */
    public static Residuals residuals(Db q, PairedComparison pc, int size) throws SQLException {
        Object[] r = q.row("SELECT count(*), quantile_cont(label, 0.005), quantile_cont(label, 0.995), "
                + "greatest(quantile_cont(abs(b_prediction - label), 0.995), "
                + "quantile_cont(abs(c_prediction - label), 0.995))" + LabelQuality.regressionLabelled(pc));
        if (Db.lng(r[0]) == 0) return null;
        double m = Db.dbl(r[3]);
        return residuals(q, pc, Db.dbl(r[1]), Db.dbl(r[2]), -m, m, size);
    }

    /** {@link #residuals(Db, PairedComparison, int)} on the given ranges. */
    static Residuals residuals(Db q, PairedComparison pc, double xlo, double xhi, double ylo, double yhi, int size)
            throws SQLException {
        String b = "SELECT label AS b, b_prediction - label AS c" + LabelQuality.regressionLabelled(pc),
                c = "SELECT label AS b, c_prediction - label AS c" + LabelQuality.regressionLabelled(pc);
        return new Residuals(
                DensityGrid.compute(q, b, xlo, xhi, ylo, yhi, size),
                DensityGrid.compute(q, c, xlo, xhi, ylo, yhi, size));
    }

    /**
     * Per-day divergence p95 and each side's latency p99, as the summary's per-day breakdown has them (no query of
     * its own); null under two days. Public for the chart benchmark.
     */
    public static DayTrend trend(Summary s) {
        List<Summary.Group> days =
                s.breakdowns() == null ? List.of() : s.breakdowns().byDay();
        if (days.size() < 2) return null;
        return new DayTrend(days.stream()
                .filter(g -> g.key() != null)
                .map(g -> new DayTrend.Day(
                        g.key(), g.paired(), g.p95Abs(), g.baselineLatencyP99(), g.candidateLatencyP99()))
                .toList());
    }
}
