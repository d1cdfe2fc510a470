package dev.shadowbench.core.compare;

import dev.shadowbench.core.chart.LogHistogram;
import dev.shadowbench.core.compare.Summary.Finding;
import dev.shadowbench.core.compare.Summary.Histogram;
import dev.shadowbench.core.compare.Summary.Latency;
import dev.shadowbench.core.compare.Summary.LatencyPair;
import dev.shadowbench.core.compare.Summary.MannWhitney;
import dev.shadowbench.core.db.Db;
import dev.shadowbench.core.format.FigureFormat;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Latency of each side's records and the findings when the candidate is slower. */
final class LatencyFigures {
    private LatencyFigures() {}

    /** Both sides' latency from a {@link TwoSampleTests#cdf} table of {@code latency_ms} (distinct values, counts). */
    static LatencyPair compute(Db q, String cdf, SummaryOptions o) throws SQLException {
        Object[] range = q.row("SELECT min(x), max(x) FROM " + cdf);
        Double lo = Db.dbl(range[0]), hi = Db.dbl(range[1]);
        return new LatencyPair(
                side(q, cdf, "na", "ca", o, lo, hi),
                side(q, cdf, "nb", "cb", o, lo, hi),
                o.latencyBudgetMs(),
                LogHistogram.compute(q, cdf));
    }

    private static Latency side(Db q, String cdf, String count, String cum, SummaryOptions o, Double lo, Double hi)
            throws SQLException {
        Object[] r = q.row(
                "SELECT sum(" + count + "), max(x) FILTER (" + count + " > 0), sum(x * " + count + ") / sum(" + count
                        + "), " + "coalesce(sum(" + count + ") FILTER (x > ?), 0) / sum(" + count + ") FROM " + cdf,
                o.latencyBudgetMs());
        long n = Db.lng(r[0]);
        if (n == 0) return null;
        Double[] p = TwoSampleTests.quantiles(q, cdf, cum, n, 0.5, 0.95, 0.99);
        // Both sides share the same edges so their histograms can be drawn on one axis.
        Histogram h = DivergenceFigures.histogram(
                q, "SELECT x AS v, " + count + " FROM " + cdf, "sum(" + count + ")", lo, hi, o.histogramBins());
        return new Latency(n, p[0], p[1], p[2], Db.dbl(r[1]), Db.dbl(r[2]), Db.dbl(r[3]), h);
    }

    /** A slower candidate is a finding, not a footnote: one per figure where it is slower than the baseline. */
    static List<Finding> findings(LatencyPair l, MannWhitney mw) {
        List<Finding> out = new ArrayList<>();
        if (l == null || l.baseline() == null || l.candidate() == null) return out;
        Latency b = l.baseline(), c = l.candidate();
        String sev = c.p95() > l.budgetMs() ? "critical" : "warning";
        String test = mw == null ? "" : " (Mann-Whitney " + FigureFormat.pIs(mw.pValue()) + ")";
        if (c.p50() > b.p50()) {
            out.add(new Finding(
                    "latency_p50_slower",
                    sev,
                    c.p50(),
                    b.p50(),
                    "Candidate median latency " + FigureFormat.ms(c.p50()) + " is slower than the baseline's "
                            + FigureFormat.ms(b.p50()) + " (" + change(c.p50(), b.p50()) + ")" + test));
        }
        if (c.p95() > b.p95()) {
            out.add(new Finding(
                    "latency_p95_slower",
                    sev,
                    c.p95(),
                    b.p95(),
                    "Candidate p95 latency " + FigureFormat.ms(c.p95())
                            + " is slower than the baseline's " + FigureFormat.ms(b.p95()) + " ("
                            + change(c.p95(), b.p95()) + "); budget "
                            + FigureFormat.ms(l.budgetMs())));
        }
        if (c.overBudgetShare() > b.overBudgetShare()) {
            out.add(new Finding(
                    "latency_over_budget",
                    sev,
                    c.overBudgetShare(),
                    b.overBudgetShare(),
                    FigureFormat.pct(c.overBudgetShare())
                            + " of candidate requests exceed the " + FigureFormat.ms(l.budgetMs()) + " budget, against "
                            + FigureFormat.pct(b.overBudgetShare()) + " of the baseline's"));
        }
        return out;
    }

    /** The relative change from b to c, signed ("+25.0%"). */
    private static String change(double c, double b) {
        return (c >= b ? "+" : "") + FigureFormat.pct(b == 0 ? 0 : (c - b) / b);
    }
}
