package dev.shadowbench.core.decide;

import static dev.shadowbench.core.format.FigureFormat.count;
import static dev.shadowbench.core.format.FigureFormat.num;
import static dev.shadowbench.core.format.FigureFormat.pct;
import static dev.shadowbench.core.format.FigureFormat.pctAgainst;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.outliers.OutlierReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates the gates on a comparison's figures and the outlier rules' report, and derives the recommendation:
 * any failed critical gate means rollback; otherwise promote when the share of passed gates (among those
 * with data) reaches {@link GateSettings#promoteScore()} and every critical gate had data; else hold.
 */
public final class GateEngine {
    private GateEngine() {}

    /** {@code outliers} is null when the rules did not run (no pairs). */
    public static Verdict evaluate(Summary summary, OutlierReport outliers, GateSettings s) {
        if (summary.canary()) return CanaryGates.evaluate(summary, s);
        List<GateResult> gates = new ArrayList<>();
        gates.add(latencyP99(summary, s));
        gates.add(FirstModelGates.notApplicable(summary, latencyShift(summary, s)));
        gates.add(FirstModelGates.notApplicable(summary, divergence(summary, s)));
        gates.add(outlierShare(summary, outliers, s));
        gates.add(complaints(summary, s));
        gates.add(
                FirstModelGates.isSynthetic(summary)
                        ? FirstModelGates.beatsBaseline(summary, s)
                        : labelError(summary, s));
        gates.add(FirstModelGates.notApplicable(summary, predictionKs(summary, s)));
        gates.add(FirstModelGates.notApplicable(summary, predictionPsi(summary, s)));
        gates.add(coverage(summary, s));
        return verdict(gates, s);
    }

    static Verdict verdict(List<GateResult> gates, GateSettings s) {
        long passed = gates.stream().filter(g -> g.status() == GateStatus.PASS).count();
        long failed = gates.stream().filter(g -> g.status() == GateStatus.FAIL).count();
        Double score = passed + failed == 0 ? null : (double) passed / (passed + failed);
        boolean criticalFailed = gates.stream().anyMatch(g -> g.critical() && g.status() == GateStatus.FAIL);
        boolean criticalMissing = gates.stream().anyMatch(g -> g.critical() && g.status() == GateStatus.NO_DATA);
        Recommendation r;
        if (criticalFailed) r = Recommendation.ROLLBACK;
        else if (score != null && score >= s.promoteScore() - 1e-12 && !criticalMissing) r = Recommendation.PROMOTE;
        else r = Recommendation.HOLD;
        return new Verdict(r, score, List.copyOf(gates));
    }

    static GateResult latencyP99(Summary sum, GateSettings s) {
        String name = "latency_p99", label = "Candidate p99 latency";
        Double b = latency(sum, Summary.LatencyPair::baseline, Summary.Latency::p99);
        Double c = latency(sum, Summary.LatencyPair::candidate, Summary.Latency::p99);
        String budget = s.latencyBudgetMs() == null ? "" : "; ≤ " + FigureFormat.ms(s.latencyBudgetMs()) + " budget";
        String threshold = "≤ " + num(s.latencyP99MaxRatio()) + "× baseline unless ≤ +"
                + FigureFormat.ms(s.latencyP99MinIncreaseMs()) + budget;
        if (c == null) return noData(name, label, "ms", threshold, true, "candidate latency not recorded");
        boolean overBudget = s.latencyBudgetMs() != null && c > s.latencyBudgetMs();
        if (b == null) {
            if (s.latencyBudgetMs() == null) {
                return noData(name, label, "ms", threshold, true, "baseline latency not recorded and no budget set");
            }
            return new GateResult(
                    name,
                    label,
                    overBudget ? GateStatus.FAIL : GateStatus.PASS,
                    c,
                    "ms",
                    threshold,
                    true,
                    "candidate p99 " + FigureFormat.ms(c)
                            + "; baseline latency not recorded, so only the budget applies");
        }
        boolean slower = ratioAndAbsoluteExceeded(b, c, s.latencyP99MaxRatio(), s.latencyP99MinIncreaseMs());
        String detail = "candidate p99 " + FigureFormat.ms(c) + " vs baseline " + FigureFormat.ms(b) + " ("
                + (b > 0 ? num(c / b) + "×, " : "") + signedMs(c - b) + ")" + (overBudget ? ", over budget" : "");
        return new GateResult(
                name,
                label,
                slower || overBudget ? GateStatus.FAIL : GateStatus.PASS,
                c,
                "ms",
                threshold,
                true,
                detail);
    }

    static GateResult latencyShift(Summary sum, GateSettings s) {
        String name = "latency_shift", label = "Median latency shift (Mann-Whitney)";
        String threshold = "fails if p < " + num(s.testAlpha()) + " and p50 > " + num(s.latencyP50MaxRatio())
                + "× baseline and > +" + FigureFormat.ms(s.latencyP50MinIncreaseMs());
        Double p = sum.tests() == null || sum.tests().latencyMannWhitney() == null
                ? null
                : finite(sum.tests().latencyMannWhitney().pValue());
        Double b = latency(sum, Summary.LatencyPair::baseline, Summary.Latency::p50);
        Double c = latency(sum, Summary.LatencyPair::candidate, Summary.Latency::p50);
        if (p == null || b == null || c == null) {
            return noData(name, label, "ms", threshold, false, "latency not recorded on both sides");
        }
        boolean fail = p < s.testAlpha()
                && ratioAndAbsoluteExceeded(b, c, s.latencyP50MaxRatio(), s.latencyP50MinIncreaseMs());
        return new GateResult(
                name,
                label,
                fail ? GateStatus.FAIL : GateStatus.PASS,
                c,
                "ms",
                threshold,
                false,
                "p50 " + FigureFormat.ms(b) + " → " + FigureFormat.ms(c) + " (" + signedMs(c - b) + "), Mann-Whitney "
                        + FigureFormat.pIs(p));
    }

    static GateResult divergence(Summary sum, GateSettings s) {
        String name = "divergence_p95", label = "Divergence p95 |candidate − baseline|";
        String threshold = "≤ " + num(s.divergenceP95Max());
        Double v = sum.divergence() == null ? null : finite(sum.divergence().p95Abs());
        if (v == null) return noData(name, label, "", threshold, false, "no paired predictions to compare");
        return new GateResult(
                name,
                label,
                v <= s.divergenceP95Max() ? GateStatus.PASS : GateStatus.FAIL,
                v,
                "",
                threshold,
                false,
                "95% of pairs differ by at most " + FigureFormat.numAgainst(v, s.divergenceP95Max()),
                s.divergenceP95Max());
    }

    static GateResult outlierShare(Summary sum, OutlierReport outliers, GateSettings s) {
        String name = "outlier_share", label = "Flagged outlier share";
        String threshold = "≤ " + pct(s.outlierShareMax());
        long paired = sum.counts().paired();
        if (paired == 0 || outliers == null || !outliers.rulesRan()) {
            return noData(name, label, "%", threshold, false, "no paired predictions or no outlier rules ran");
        }
        // The complete count: the report's list of flags is capped per rule.
        long flagged = outliers.flaggedPairs();
        double share = (double) flagged / paired;
        return new GateResult(
                name,
                label,
                share <= s.outlierShareMax() ? GateStatus.PASS : GateStatus.FAIL,
                share,
                "%",
                threshold,
                false,
                count(flagged) + " of " + count(paired) + " pairs flagged (" + pctAgainst(share, s.outlierShareMax())
                        + ")",
                s.outlierShareMax());
    }

    static GateResult complaints(Summary sum, GateSettings s) {
        String name = "complaint_rate", label = "Complaint rate not worse";
        String threshold = "≤ " + num(s.complaintMaxRatio()) + "× baseline unless ≤ +" + pct(s.complaintMinIncrease());
        Summary.Feedback fb = sum.feedback();
        Double b = fb == null || fb.baseline() == null
                ? null
                : finite(fb.baseline().complaintRate());
        Double c = fb == null || fb.candidate() == null
                ? null
                : finite(fb.candidate().complaintRate());
        if (b == null || c == null) return noData(name, label, "%", threshold, true, "no feedback recorded");
        boolean worse = ratioAndAbsoluteExceeded(b, c, s.complaintMaxRatio(), s.complaintMinIncrease());
        return new GateResult(
                name,
                label,
                worse ? GateStatus.FAIL : GateStatus.PASS,
                c,
                "%",
                threshold,
                true,
                "candidate " + pct(c) + " vs baseline " + pct(b));
    }

    static GateResult labelError(Summary sum, GateSettings s) {
        Summary.Labels l = sum.labels();
        return labelError(
                l == null ? 0 : l.labelledPairs(),
                l == null ? null : l.baseline(),
                l == null ? null : l.candidate(),
                "labelled pairs",
                s);
    }

    /** The label gate on {@code n} labelled {@code what} scored per side into {@code bf} and {@code cf}. */
    static GateResult labelError(
            long n, Summary.LabelFigures bf, Summary.LabelFigures cf, String what, GateSettings s) {
        String name = "label_error", label = "Error against labels not worse";
        Double bm = label(bf, Summary.LabelFigures::mae);
        Double cm = label(cf, Summary.LabelFigures::mae);
        if (n > 0 && bm != null && cm != null) {
            String threshold = "MAE ≤ " + num(s.labelErrorMaxRatio()) + "× baseline";
            double limit = bm * s.labelErrorMaxRatio();
            return new GateResult(
                    name,
                    label,
                    cm <= limit ? GateStatus.PASS : GateStatus.FAIL,
                    cm,
                    "",
                    threshold,
                    true,
                    "MAE " + num(bm) + " → " + FigureFormat.numAgainst(cm, limit) + " on " + count(n) + " " + what,
                    limit);
        }
        // a share where higher is better: accuracy for classes, hit rate@k for rankings
        for (var metric : List.<Map.Entry<String, Function<Summary.LabelFigures, Double>>>of(
                Map.entry("accuracy", Summary.LabelFigures::accuracy),
                Map.entry("hit rate", Summary.LabelFigures::hitRate))) {
            Double bv = label(bf, metric.getValue());
            Double cv = label(cf, metric.getValue());
            if (n > 0 && bv != null && cv != null) {
                double limit = bv - (s.labelErrorMaxRatio() - 1);
                return new GateResult(
                        name,
                        label,
                        cv >= limit ? GateStatus.PASS : GateStatus.FAIL,
                        cv,
                        "%",
                        metric.getKey() + " ≥ baseline − " + pct(s.labelErrorMaxRatio() - 1),
                        true,
                        metric.getKey() + " " + pct(bv) + " → " + pctAgainst(cv, limit) + " on " + count(n) + " "
                                + what,
                        limit);
            }
        }
        return noData(name, label, "", "MAE ≤ " + num(s.labelErrorMaxRatio()) + "× baseline", true, "no labels yet");
    }

    static GateResult predictionKs(Summary sum, GateSettings s) {
        String name = "prediction_ks", label = "Prediction distribution (KS test)";
        String threshold = "fails if p < " + num(s.testAlpha()) + " and D > " + num(s.ksMinEffect());
        Summary.KsTest ks = sum.tests() == null ? null : sum.tests().predictionKs();
        Double d = ks == null ? null : finite(ks.statistic());
        Double p = ks == null ? null : finite(ks.pValue());
        if (d == null || p == null) return noData(name, label, "", threshold, false, "test not computed");
        boolean fail = p < s.testAlpha() && d > s.ksMinEffect();
        return new GateResult(
                name,
                label,
                fail ? GateStatus.FAIL : GateStatus.PASS,
                d,
                "",
                threshold,
                false,
                "D = " + num(d) + ", " + FigureFormat.pIs(p));
    }

    static GateResult predictionPsi(Summary sum, GateSettings s) {
        String name = "prediction_psi", label = "Population stability index";
        String threshold = "≤ " + num(s.psiMax());
        Double v = sum.tests() == null ? null : finite(sum.tests().predictionPsi());
        if (v == null) return noData(name, label, "", threshold, false, "not computed");
        return new GateResult(
                name,
                label,
                v <= s.psiMax() ? GateStatus.PASS : GateStatus.FAIL,
                v,
                "",
                threshold,
                false,
                "PSI " + FigureFormat.numAgainst(v, s.psiMax()),
                s.psiMax());
    }

    static GateResult coverage(Summary sum, GateSettings s) {
        String name = "coverage", label = "Pairing coverage";
        String threshold = "≥ " + pct(s.coverageMin());
        Summary.Counts n = sum.counts();
        if (n.paired() + n.baselineOnly() + n.candidateOnly() == 0) {
            return noData(name, label, "%", threshold, false, "no records in this comparison");
        }
        double share = n.pairedShare();
        return new GateResult(
                name,
                label,
                share >= s.coverageMin() ? GateStatus.PASS : GateStatus.FAIL,
                share,
                "%",
                threshold,
                false,
                count(n.paired()) + " paired, " + count(n.baselineOnly()) + " baseline only, "
                        + count(n.candidateOnly()) + " candidate only",
                s.coverageMin());
    }

    /** Worse only when both the relative and the absolute increase are exceeded. */
    static boolean ratioAndAbsoluteExceeded(double baseline, double candidate, double maxRatio, double minIncrease) {
        boolean relative = baseline > 0 ? candidate / baseline > maxRatio : candidate > baseline;
        return relative && candidate - baseline > minIncrease;
    }

    static GateResult noData(String name, String label, String unit, String threshold, boolean critical, String why) {
        return new GateResult(name, label, GateStatus.NO_DATA, null, unit, threshold, critical, why);
    }

    /** {@code v}, or null when it is null, NaN or infinite (a figure that was not recorded). */
    static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static Double latency(
            Summary sum,
            Function<Summary.LatencyPair, Summary.Latency> side,
            Function<Summary.Latency, Double> figure) {
        Summary.Latency l = sum.latencyMs() == null ? null : side.apply(sum.latencyMs());
        return l == null ? null : finite(figure.apply(l));
    }

    private static Double label(Summary.LabelFigures f, Function<Summary.LabelFigures, Double> figure) {
        return f == null ? null : finite(figure.apply(f));
    }

    private static String signedMs(double v) {
        return (v >= 0 ? "+" : "") + FigureFormat.ms(v);
    }
}
