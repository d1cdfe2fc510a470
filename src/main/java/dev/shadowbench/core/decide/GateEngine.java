package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the gates on a summary (the {@code summary --json} contract) and derives the recommendation:
 * any failed critical gate means rollback; otherwise promote when the share of passed gates (among those
 * with data) reaches {@link GateSettings#promoteScore()} and every critical gate had data; else hold.
 */
public final class GateEngine {
    private GateEngine() {}

    public static Verdict evaluate(JsonNode summary, GateSettings s) {
        List<GateResult> gates = new ArrayList<>();
        gates.add(latencyP99(summary, s));
        gates.add(latencyShift(summary, s));
        gates.add(divergence(summary, s));
        gates.add(outlierShare(summary, s));
        gates.add(complaints(summary, s));
        gates.add(labelError(summary, s));
        gates.add(predictionKs(summary, s));
        gates.add(predictionPsi(summary, s));
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

    static GateResult latencyP99(JsonNode sum, GateSettings s) {
        String name = "latency_p99", label = "Candidate p99 latency";
        Double b = num(sum, "latency_ms", "baseline", "p99");
        Double c = num(sum, "latency_ms", "candidate", "p99");
        String budget = s.latencyBudgetMs() == null ? "" : "; ≤ " + f(s.latencyBudgetMs()) + " ms budget";
        String threshold = "≤ " + f(s.latencyP99MaxRatio()) + "× baseline unless ≤ +" + f(s.latencyP99MinIncreaseMs())
                + " ms" + budget;
        if (c == null) return noData(name, label, "ms", threshold, true, "candidate latency not recorded");
        boolean overBudget = s.latencyBudgetMs() != null && c > s.latencyBudgetMs();
        if (b == null) {
            if (s.latencyBudgetMs() == null) {
                return noData(name, label, "ms", threshold, true, "baseline latency not recorded and no budget set");
            }
            return new GateResult(name, label, overBudget ? GateStatus.FAIL : GateStatus.PASS, c, "ms", threshold, true,
                    "candidate p99 " + f(c) + " ms; baseline latency not recorded, so only the budget applies");
        }
        boolean slower = ratioAndAbsoluteExceeded(b, c, s.latencyP99MaxRatio(), s.latencyP99MinIncreaseMs());
        String detail = "candidate p99 " + f(c) + " ms vs baseline " + f(b) + " ms ("
                + (b > 0 ? f(c / b) + "×, " : "") + signed(c - b) + " ms)" + (overBudget ? ", over budget" : "");
        return new GateResult(name, label, slower || overBudget ? GateStatus.FAIL : GateStatus.PASS, c, "ms",
                threshold, true, detail);
    }

    static GateResult latencyShift(JsonNode sum, GateSettings s) {
        String name = "latency_shift", label = "Median latency shift (Mann-Whitney)";
        String threshold = "fails if p < " + f(s.testAlpha()) + " and p50 > " + f(s.latencyP50MaxRatio())
                + "× baseline and > +" + f(s.latencyP50MinIncreaseMs()) + " ms";
        Double p = num(sum, "tests", "latency_mann_whitney", "p_value");
        Double b = num(sum, "latency_ms", "baseline", "p50");
        Double c = num(sum, "latency_ms", "candidate", "p50");
        if (p == null || b == null || c == null) {
            return noData(name, label, "ms", threshold, false, "latency not recorded on both sides");
        }
        boolean fail = p < s.testAlpha() && ratioAndAbsoluteExceeded(b, c, s.latencyP50MaxRatio(), s.latencyP50MinIncreaseMs());
        return new GateResult(name, label, fail ? GateStatus.FAIL : GateStatus.PASS, c, "ms", threshold, false,
                "p50 " + f(b) + " → " + f(c) + " ms (" + signed(c - b) + " ms), Mann-Whitney p = " + f(p));
    }

    static GateResult divergence(JsonNode sum, GateSettings s) {
        String name = "divergence_p95", label = "Divergence p95 |candidate − baseline|";
        String threshold = "≤ " + f(s.divergenceP95Max());
        Double v = num(sum, "divergence", "p95_abs");
        if (v == null) return noData(name, label, "", threshold, false, "no paired predictions to compare");
        return new GateResult(name, label, v <= s.divergenceP95Max() ? GateStatus.PASS : GateStatus.FAIL, v, "",
                threshold, false, "95% of pairs differ by at most " + f(v));
    }

    static GateResult outlierShare(JsonNode sum, GateSettings s) {
        String name = "outlier_share", label = "Flagged outlier share";
        String threshold = "≤ " + pct(s.outlierShareMax());
        Double paired = num(sum, "counts", "paired");
        JsonNode out = sum.path("outliers");
        if (paired == null || paired == 0 || !out.isArray()) {
            return noData(name, label, "%", threshold, false, "no paired predictions or no outlier rules ran");
        }
        // outlier_counts holds the complete count; the outliers array may be capped per rule.
        JsonNode complete = sum.path("outlier_counts").path("flagged_pairs");
        long flagged = complete.isNumber() ? complete.asLong() : out.size();
        double share = flagged / paired;
        return new GateResult(name, label, share <= s.outlierShareMax() ? GateStatus.PASS : GateStatus.FAIL, share, "%",
                threshold, false, flagged + " of " + (long) (double) paired + " pairs flagged (" + pct(share) + ")");
    }

    static GateResult complaints(JsonNode sum, GateSettings s) {
        String name = "complaint_rate", label = "Complaint rate not worse";
        String threshold = "≤ " + f(s.complaintMaxRatio()) + "× baseline unless ≤ +" + pct(s.complaintMinIncrease());
        Double b = num(sum, "feedback", "baseline", "complaint_rate");
        Double c = num(sum, "feedback", "candidate", "complaint_rate");
        if (b == null || c == null) return noData(name, label, "%", threshold, true, "no feedback recorded");
        boolean worse = ratioAndAbsoluteExceeded(b, c, s.complaintMaxRatio(), s.complaintMinIncrease());
        return new GateResult(name, label, worse ? GateStatus.FAIL : GateStatus.PASS, c, "%", threshold, true,
                "candidate " + pct(c) + " vs baseline " + pct(b));
    }

    static GateResult labelError(JsonNode sum, GateSettings s) {
        String name = "label_error", label = "Error against labels not worse";
        Double n = num(sum, "labels", "labelled_pairs");
        Double bm = num(sum, "labels", "baseline", "mae"), cm = num(sum, "labels", "candidate", "mae");
        if (n != null && n > 0 && bm != null && cm != null) {
            String threshold = "MAE ≤ " + f(s.labelErrorMaxRatio()) + "× baseline";
            return new GateResult(name, label, cm <= bm * s.labelErrorMaxRatio() ? GateStatus.PASS : GateStatus.FAIL, cm,
                    "", threshold, true, "MAE " + f(bm) + " → " + f(cm) + " on " + (long) (double) n + " labelled pairs");
        }
        Double ba = num(sum, "labels", "baseline", "accuracy"), ca = num(sum, "labels", "candidate", "accuracy");
        String threshold = "accuracy ≥ baseline − " + pct(s.labelErrorMaxRatio() - 1);
        if (n != null && n > 0 && ba != null && ca != null) {
            return new GateResult(name, label, ca >= ba - (s.labelErrorMaxRatio() - 1) ? GateStatus.PASS : GateStatus.FAIL,
                    ca, "%", threshold, true, "accuracy " + pct(ba) + " → " + pct(ca) + " on " + (long) (double) n + " labelled pairs");
        }
        return noData(name, label, "", "MAE ≤ " + f(s.labelErrorMaxRatio()) + "× baseline", true, "no labels yet");
    }

    static GateResult predictionKs(JsonNode sum, GateSettings s) {
        String name = "prediction_ks", label = "Prediction distribution (KS test)";
        String threshold = "fails if p < " + f(s.testAlpha()) + " and D > " + f(s.ksMinEffect());
        Double d = num(sum, "tests", "prediction_ks", "statistic");
        Double p = num(sum, "tests", "prediction_ks", "p_value");
        if (d == null || p == null) return noData(name, label, "", threshold, false, "test not computed");
        boolean fail = p < s.testAlpha() && d > s.ksMinEffect();
        return new GateResult(name, label, fail ? GateStatus.FAIL : GateStatus.PASS, d, "", threshold, false,
                "D = " + f(d) + ", p = " + f(p));
    }

    static GateResult predictionPsi(JsonNode sum, GateSettings s) {
        String name = "prediction_psi", label = "Population stability index";
        String threshold = "≤ " + f(s.psiMax());
        Double v = num(sum, "tests", "prediction_psi");
        if (v == null) return noData(name, label, "", threshold, false, "not computed");
        return new GateResult(name, label, v <= s.psiMax() ? GateStatus.PASS : GateStatus.FAIL, v, "", threshold, false,
                "PSI " + f(v));
    }

    static GateResult coverage(JsonNode sum, GateSettings s) {
        String name = "coverage", label = "Pairing coverage";
        String threshold = "≥ " + pct(s.coverageMin());
        Double paired = num(sum, "counts", "paired");
        Double bo = num(sum, "counts", "baseline_only"), co = num(sum, "counts", "candidate_only");
        if (paired == null || bo == null || co == null || paired + bo + co == 0) {
            return noData(name, label, "%", threshold, false, "no records in this comparison");
        }
        double share = paired / (paired + bo + co);
        return new GateResult(name, label, share >= s.coverageMin() ? GateStatus.PASS : GateStatus.FAIL, share, "%",
                threshold, false, (long) (double) paired + " paired, " + (long) (double) bo + " baseline only, "
                + (long) (double) co + " candidate only");
    }

    /** Worse only when both the relative and the absolute increase are exceeded. */
    static boolean ratioAndAbsoluteExceeded(double baseline, double candidate, double maxRatio, double minIncrease) {
        boolean relative = baseline > 0 ? candidate / baseline > maxRatio : candidate > baseline;
        return relative && candidate - baseline > minIncrease;
    }

    private static GateResult noData(String name, String label, String unit, String threshold, boolean critical, String why) {
        return new GateResult(name, label, GateStatus.NO_DATA, null, unit, threshold, critical, why);
    }

    /** The number at {@code path}, or null when missing, JSON null or not a number. */
    static Double num(JsonNode root, String... path) {
        JsonNode n = root;
        for (String p : path) {
            if (n == null) return null;
            n = n.get(p);
        }
        if (n == null || !n.isNumber()) return null;
        double d = n.asDouble();
        return Double.isFinite(d) ? d : null;
    }

    static String f(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 0.01) return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String signed(double v) { return (v >= 0 ? "+" : "−") + f(Math.abs(v)); }

    static String pct(double v) { return String.format(Locale.ROOT, "%.2f%%", v * 100); }
}
