package dev.shadowbench.core.decide;

import static dev.shadowbench.core.format.FigureFormat.count;

import dev.shadowbench.core.canary.ComplaintStats;
import dev.shadowbench.core.compare.Arms;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.format.FigureFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates of a canary, where each request reaches one arm: no pairs, so no divergence, outlier or pairing-coverage
 * gate (coverage is not a finding of a canary; a request seen in both arms is, as the {@code routing_leak} finding).
 * Kept: latency (p99 once the arm has enough requests), complaint rate (critical; its limits and a significant
 * test), prediction distribution, error against each arm's own labels, and the share as configured. The recommendation is the shadow's rule (rollback on a failed critical gate, else promote at
 * the score with every critical gate measured, else hold), then: a share off its plan holds (fix the routing before
 * raising it), and "promote" below all traffic becomes "advance" to the next step ({@link CanaryAdvice}).
 */
final class CanaryGates {
    private CanaryGates() {}

    static Verdict evaluate(Summary sum, GateSettings s) {
        List<GateResult> gates = new ArrayList<>();
        gates.add(latencyP99(sum, s));
        gates.add(GateEngine.latencyShift(sum, s));
        gates.add(complaints(sum, s));
        gates.add(labelError(sum, s));
        gates.add(GateEngine.predictionKs(sum, s));
        gates.add(GateEngine.predictionPsi(sum, s));
        GateResult share = share(sum);
        gates.add(share);
        Verdict v = GateEngine.verdict(gates, s);
        Recommendation gatesSay = v.recommendation();
        if (share.status() == GateStatus.FAIL && gatesSay == Recommendation.PROMOTE) gatesSay = Recommendation.HOLD;
        CanaryAdvice.Advised a = CanaryAdvice.of(sum, gatesSay);
        return new Verdict(a.recommendation(), v.score(), v.gates(), a.advice());
    }

    /**
     * The p99 gate once the candidate arm has {@link #P99_MIN_REQUESTS} latencies: on a 1% day of a few hundred
     * requests a p99 is set by its two or three slowest answers, so the gate has no data there and is not critical
     * (the median shift gate still judges latency).
     */
    static GateResult latencyP99(Summary sum, GateSettings s) {
        GateResult g = GateEngine.latencyP99(sum, s);
        Summary.Latency c = sum.latencyMs() == null ? null : sum.latencyMs().candidate();
        if (c == null || c.n() >= P99_MIN_REQUESTS) return g;
        return GateEngine.noData(
                g.name(),
                g.label(),
                g.unit(),
                g.threshold(),
                false,
                "only " + count(c.n()) + " candidate latencies: a p99 needs " + count(P99_MIN_REQUESTS));
    }

    /** Candidate latencies needed before its p99 is judged (ten answers above the p99). */
    static final long P99_MIN_REQUESTS = 1000;

    /**
     * Complaint rate not worse: fails when the candidate's rate exceeds both the relative and the absolute limit (as
     * the shadow's gate) and the two-proportion test says worse (p < 0.05, {@link ComplaintStats}), as the median
     * latency gate pairs its limits with Mann-Whitney: 2.0% against 1.8% on one canary day is noise, not a rollback.
     */
    static GateResult complaints(Summary sum, GateSettings s) {
        GateResult g = GateEngine.complaints(sum, s);
        ComplaintStats.Comparison t = sum.tests() == null ? null : sum.tests().complaintRate();
        if (g.status() == GateStatus.NO_DATA || t == null) return g;
        boolean worse = g.status() == GateStatus.FAIL && t.reading() == ComplaintStats.Reading.WORSE;
        return new GateResult(
                g.name(),
                g.label(),
                worse ? GateStatus.FAIL : GateStatus.PASS,
                g.value(),
                g.unit(),
                g.threshold() + " and p < " + FigureFormat.num(ComplaintStats.ALPHA),
                true,
                g.detail() + " (difference " + FigureFormat.pct(t.difference()) + ", 95% CI ["
                        + FigureFormat.pct(t.ciLow()) + ", " + FigureFormat.pct(t.ciHigh()) + "], "
                        + FigureFormat.pIs(t.pValue()) + ": " + t.reading().label() + ")");
    }

    /** Each arm's error against the labels of its own requests. */
    static GateResult labelError(Summary sum, GateSettings s) {
        Arms.ArmLabels l = sum.arms() == null ? null : sum.arms().labels();
        if (l == null || l.baselineLabelled() == 0 || l.candidateLabelled() == 0)
            return GateEngine.labelError(0, null, null, "labelled requests", s);
        return GateEngine.labelError(
                Math.min(l.baselineLabelled(), l.candidateLabelled()),
                l.baseline(),
                l.candidate(),
                "labelled requests in the smaller arm",
                s);
    }

    /** Observed share within its binomial tolerance of the planned one on every planned day ({@code traffic_share}). */
    static GateResult share(Summary sum) {
        String name = "traffic_share", label = "Share as configured";
        String threshold = "configured share inside the observed share's 99.9% interval (± 0.5 pp or a tenth)";
        long planned = sum.traffic() == null
                ? 0
                : sum.traffic().byDay().stream()
                        .filter(d -> d.configuredShare() != null)
                        .count();
        if (planned == 0) return GateEngine.noData(name, label, "%", threshold, false, "no ramp plan set");
        List<Summary.Finding> off = sum.findings().stream()
                .filter(f -> f.rule().equals("traffic_share"))
                .toList();
        if (off.isEmpty()) {
            return new GateResult(
                    name,
                    label,
                    GateStatus.PASS,
                    0.0,
                    "",
                    threshold,
                    false,
                    "observed share as planned on " + count(planned) + (planned == 1 ? " day" : " days"));
        }
        return new GateResult(
                name,
                label,
                GateStatus.FAIL,
                (double) off.size(),
                "",
                threshold,
                false,
                count(off.size()) + " of " + count(planned) + " planned days off the plan; "
                        + off.get(0).detail());
    }
}
