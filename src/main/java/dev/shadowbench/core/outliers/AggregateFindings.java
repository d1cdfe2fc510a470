package dev.shadowbench.core.outliers;

import static dev.shadowbench.core.format.FigureFormat.count;
import static dev.shadowbench.core.outliers.Reasons.num;
import static dev.shadowbench.core.outliers.Reasons.pct;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The banners: an implausible overall margin, degenerate output, latency shares. */
final class AggregateFindings {
    private AggregateFindings() {}

    /** The banners from the figures {@link PairScan} read; only a rare case (a constant candidate) queries again. */
    static List<Finding> compute(Db sql, String pairsTable, OutlierSettings s, PairScan scan, Map<String, Long> counts)
            throws SQLException {
        List<Finding> out = new ArrayList<>();
        PairStats st = scan.stats();
        if (st.pairs() == 0) return out;
        if (s.enabled("margin")) margin(s, st, out);
        if (s.enabled("degenerate")) degenerate(sql, pairsTable, s, st, scan.spread(), out);
        if (s.enabled("latency")) latency(s, st, scan.latency(), counts, out);
        return out;
    }

    private static void margin(OutlierSettings s, PairStats st, List<Finding> out) {
        if (st.labelled() < s.value("margin.min_labels") || st.baselineMae() == null || st.baselineMae() <= 0) return;
        double ratio = st.candidateMae() / st.baselineMae();
        double max = s.value("margin.max_error_ratio");
        if (ratio >= max) return;
        out.add(
                new Finding(
                        "margin",
                        Finding.WARNING,
                        ratio,
                        max,
                        "Too good to be true? The candidate's mean absolute error "
                                + num(st.candidateMae()) + " is " + pct(ratio) + " of the baseline's "
                                + num(st.baselineMae()) + " over "
                                + count(st.labelled()) + " labelled pairs, and it beats the baseline on "
                                + pct(st.candidateBetterShare())
                                + " of them. A gain this large is more often a label leak or a wrong join than a better model."));
    }

    private static void degenerate(
            Db sql, String pairsTable, OutlierSettings s, PairStats st, PairScan.Spread spread, List<Finding> out)
            throws SQLException {
        if (st.candidateNonFinite() > 0) {
            out.add(new Finding(
                    "nonfinite",
                    Finding.ERROR,
                    (double) st.candidateNonFinite(),
                    0.0,
                    "The candidate returned NaN or " + "infinite values for " + count(st.candidateNonFinite()) + " of "
                            + count(st.pairs()) + " paired requests."));
        }
        long finite = spread.finite();
        Double cIqr = spread.candidateIqr(), bIqr = spread.baselineIqr();
        double minSpread = s.value("degenerate.spread_ratio");
        if (finite > 1 && spread.constant()) {
            Double only = sql.one(
                    "SELECT any_value(c_prediction) FROM " + pairsTable + " WHERE isfinite(c_prediction)",
                    rs -> Db.dbl(rs, 1));
            out.add(new Finding(
                    "constant",
                    Finding.ERROR,
                    0.0,
                    minSpread,
                    "The candidate gives the same answer " + num(only) + " to all " + count(finite)
                            + " requests: a constant or default output."));
        } else if (finite > 1 && cIqr != null && bIqr != null && bIqr > 0 && cIqr / bIqr < minSpread) {
            out.add(new Finding(
                    "constant",
                    Finding.ERROR,
                    cIqr / bIqr,
                    minSpread,
                    "The candidate's predictions barely vary: " + "their interquartile range " + num(cIqr) + " is "
                            + pct(cIqr / bIqr) + " of the baseline's " + num(bIqr) + "."));
        }
        if (finite > 1 && !spread.constant() && spread.modeCount() != null) {
            double share = spread.modeCount() / (double) finite;
            if (share > s.value("degenerate.mode_share")) {
                out.add(new Finding(
                        "mode_share",
                        Finding.WARNING,
                        share,
                        s.value("degenerate.mode_share"),
                        "The candidate answers " + num(spread.modeValue()) + " to " + pct(share) + " of requests ("
                                + count(spread.modeCount()) + "): a default value?"));
            }
        }
        nullJump(sql, pairsTable, s, st, out);
    }

    private static void nullJump(Db sql, String pairsTable, OutlierSettings s, PairStats st, List<Finding> out)
            throws SQLException {
        double jump = s.value("degenerate.null_jump");
        double overall = (st.candidateNulls() - st.baselineNulls()) / (double) st.pairs();
        // A day where the nulls jump is diluted in a long window, so the worst day is checked too. Without a missing
        // candidate prediction no day's jump is above 0, so no day can show one (jump >= 0).
        if (overall <= jump && st.candidateNulls() == 0) return;
        Object[] day = sql.one(String.format(Locale.ROOT, """
                SELECT day, avg(CASE WHEN c_prediction IS NULL THEN 1.0 ELSE 0.0 END)
                          - avg(CASE WHEN b_prediction IS NULL THEN 1.0 ELSE 0.0 END) AS j, count(*)
                FROM %s GROUP BY day ORDER BY j DESC, day LIMIT 1""", pairsTable), rs ->
                new Object[] {rs.getString(1), Db.dbl(rs, 2), rs.getLong(3)});
        double dayJump = day == null || day[1] == null ? 0 : (Double) day[1];
        if (overall > jump) {
            out.add(new Finding(
                    "null_jump",
                    Finding.WARNING,
                    overall,
                    jump,
                    "The candidate returned no prediction for "
                            + pct(st.candidateNulls() / (double) st.pairs()) + " of paired requests, the baseline for "
                            + pct(st.baselineNulls() / (double) st.pairs()) + "."));
        } else if (dayJump > jump) {
            out.add(new Finding(
                    "null_jump",
                    Finding.WARNING,
                    dayJump,
                    jump,
                    "On " + day[0] + " the candidate's share of missing " + "predictions jumped " + pct(dayJump)
                            + " above the baseline's (" + count((Long) day[2]) + " paired requests that day)."));
        }
    }

    private static void latency(
            OutlierSettings s, PairStats st, PairScan.Latency slow, Map<String, Long> counts, List<Finding> out) {
        if (st.candidateLatencies() == 0 || st.candidateLatencyMedian() == null) {
            out.add(new Finding(
                    "latency_fast", Finding.INFO, null, null, "Candidate latency not recorded in these logs."));
            return;
        }
        long n = st.candidateLatencies();
        long fast = counts.getOrDefault("latency_fast", 0L);
        double fastShare = fast / (double) n, fastMax = s.value("latency.fast_max_share");
        double fastMs = s.value("latency.fast_ratio") * st.candidateLatencyMedian();
        out.add(new Finding(
                "latency_fast",
                fastShare > fastMax ? Finding.WARNING : Finding.INFO,
                fastShare,
                fastMax,
                fast == 0
                        ? "No candidate answer came implausibly fast (under " + num(fastMs) + " ms, "
                                + pct(s.value("latency.fast_ratio")) + " of its median "
                                + num(st.candidateLatencyMedian()) + " ms)."
                        : pct(fastShare) + " of candidate answers (" + count(fast) + " of " + count(n)
                                + ") came in under "
                                + num(fastMs) + " ms, " + pct(s.value("latency.fast_ratio")) + " of its median "
                                + num(st.candidateLatencyMedian())
                                + " ms: cached or default answers? They are flagged as latency_fast."));
        double budget = s.value("latency.budget_ms");
        double share = slow.slowCandidate() / (double) n, max = s.value("latency.slow_max_share");
        String baseline = st.baselineLatencies() == 0
                ? "baseline latency not recorded"
                : "baseline " + pct(slow.slowBaseline() / (double) st.baselineLatencies());
        out.add(new Finding(
                "latency_slow",
                share > max ? Finding.WARNING : Finding.INFO,
                share,
                max,
                pct(share) + " of candidate answers (" + count(slow.slowCandidate()) + " of " + count(n)
                        + ") took longer than the " + OutlierSettings.fmt(budget) + " ms budget (" + baseline
                        + "); the slowest took " + num(slow.slowestCandidate()) + " ms."));
    }
}
