package dev.shadowbench.core.compare;

import dev.shadowbench.core.compare.Summary.Finding;
import dev.shadowbench.core.compare.Summary.Histogram;
import dev.shadowbench.core.compare.Summary.Latency;
import dev.shadowbench.core.compare.Summary.LatencyPair;
import dev.shadowbench.core.compare.Summary.MannWhitney;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latency of each side's records and the findings when the candidate is slower. */
final class LatencyFigures {
    private LatencyFigures() {}

    static LatencyPair compute(Queries q, SummaryOptions o) throws SQLException {
        Object[] range = q.row("SELECT min(v), max(v) FROM (SELECT latency_ms AS v FROM base_side UNION ALL "
                + "SELECT latency_ms FROM cand_side)");
        Double lo = Queries.dbl(range[0]), hi = Queries.dbl(range[1]);
        return new LatencyPair(side(q, "base_side", o, lo, hi), side(q, "cand_side", o, lo, hi), o.latencyBudgetMs());
    }

    private static Latency side(Queries q, String table, SummaryOptions o, Double lo, Double hi) throws SQLException {
        Object[] r = q.row("SELECT count(latency_ms), quantile_cont(latency_ms, [0.5, 0.95, 0.99]), max(latency_ms), "
                + "avg(latency_ms), avg(CAST(latency_ms > ? AS INT)) FROM " + table, o.latencyBudgetMs());
        long n = Queries.lng(r[0]);
        if (n == 0) return null;
        List<Double> p = Queries.dblList(r[1]);
        // Both sides share the same edges so their histograms can be drawn on one axis.
        Histogram h = DivergenceFigures.histogram(q, "SELECT latency_ms AS v FROM " + table, lo, hi, o.histogramBins());
        return new Latency(n, p.get(0), p.get(1), p.get(2), Queries.dbl(r[2]), Queries.dbl(r[3]), Queries.dbl(r[4]), h);
    }

    /** A slower candidate is a finding, not a footnote: one per figure where it is slower than the baseline. */
    static List<Finding> findings(LatencyPair l, MannWhitney mw) {
        List<Finding> out = new ArrayList<>();
        if (l == null || l.baseline() == null || l.candidate() == null) return out;
        Latency b = l.baseline(), c = l.candidate();
        String sev = c.p95() > l.budgetMs() ? "critical" : "warning";
        String test = mw == null ? "" : String.format(Locale.ROOT, " (Mann-Whitney p = %.3g)", mw.pValue());
        if (c.p50() > b.p50()) {
            out.add(new Finding("latency_p50_slower", sev, c.p50(), b.p50(), String.format(Locale.ROOT,
                    "Candidate median latency %.1f ms is slower than the baseline's %.1f ms (%+.0f%%)%s",
                    c.p50(), b.p50(), pct(c.p50(), b.p50()), test)));
        }
        if (c.p95() > b.p95()) {
            out.add(new Finding("latency_p95_slower", sev, c.p95(), b.p95(), String.format(Locale.ROOT,
                    "Candidate p95 latency %.1f ms is slower than the baseline's %.1f ms (%+.0f%%); budget %.0f ms",
                    c.p95(), b.p95(), pct(c.p95(), b.p95()), l.budgetMs())));
        }
        if (c.overBudgetShare() > b.overBudgetShare()) {
            out.add(new Finding("latency_over_budget", sev, c.overBudgetShare(), b.overBudgetShare(), String.format(Locale.ROOT,
                    "%.2f%% of candidate requests exceed the %.0f ms budget, against %.2f%% of the baseline's",
                    100 * c.overBudgetShare(), l.budgetMs(), 100 * b.overBudgetShare())));
        }
        return out;
    }

    private static double pct(double c, double b) { return b == 0 ? 0 : 100 * (c - b) / b; }
}
