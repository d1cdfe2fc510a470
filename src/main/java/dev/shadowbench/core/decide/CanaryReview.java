package dev.shadowbench.core.decide;

import dev.shadowbench.core.canary.CanaryFeedback;
import dev.shadowbench.core.canary.ComplaintStats;
import dev.shadowbench.core.canary.RampPlan;
import dev.shadowbench.core.compare.Arms;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.stats.ChiSquare;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canary's daily "raise the share?" review in one object: per day the planned and observed share, requests,
 * complaint rate with its interval and latency p95 per arm, and the distribution shift; the same over the window; the
 * advice with the next step. Read from a {@link ReviewSummary} (nothing is computed twice): the {@code canary} block
 * of {@code summary --json}, the Canary screen and the reports show it. Null for a comparison that is not a canary.
 */
public record CanaryReview(
        String recognisedBy,
        long routingLeak,
        List<RampPlan.Step> plan,
        List<Day> byDay,
        Window window,
        Recommendation recommendation,
        CanaryAdvice advice) {

    /**
     * One day. Shares: planned from the ramp plan (null: none), observed = candidate rows / both arms' rows. Requests
     * are distinct ids per arm; complaints per arm with the 95% Wilson interval and the arms' comparison; latency p95
     * per arm; the shift of the prediction distribution (KS, PSI; chi-square on predicted classes).
     */
    public record Day(
            LocalDate day,
            Double plannedShare,
            Double observedShare,
            long baselineRequests,
            long candidateRequests,
            CanaryFeedback.ArmDay baselineComplaints,
            CanaryFeedback.ArmDay candidateComplaints,
            ComplaintStats.Comparison complaintTest,
            Double baselineLatencyP95,
            Double candidateLatencyP95,
            Summary.MannWhitney latencyMannWhitney,
            Summary.KsTest predictionKs,
            Double predictionPsi,
            ChiSquare.Result classChiSquare) {}

    /** The whole window: the summary's unpaired figures gathered with the arms' class, item and label figures. */
    public record Window(
            long baselineRequests,
            long candidateRequests,
            Summary.SideFeedback baselineComplaints,
            Summary.SideFeedback candidateComplaints,
            ComplaintStats.Comparison complaintTest,
            Double baselineLatencyP95,
            Double candidateLatencyP95,
            Summary.MannWhitney latencyMannWhitney,
            Summary.KsTest predictionKs,
            Double predictionPsi,
            Arms.ClassShift classes,
            Arms.ItemShift topItems,
            Arms.ArmLabels labels) {}

    /** The canary review of {@code r}; null when its comparison is not a canary. */
    public static CanaryReview of(ReviewSummary r) {
        Summary s = r.summary();
        if (!s.canary()) return null;
        Arms a = s.arms();
        Map<LocalDate, Object[]> days = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        if (s.traffic() != null) for (Summary.TrafficDay d : s.traffic().byDay()) slot(days, d.day())[0] = d;
        if (s.feedback() != null) for (CanaryFeedback.Day d : s.feedback().byDay()) slot(days, d.day())[1] = d;
        for (Arms.ArmDay d : a.byDay()) slot(days, d.day())[2] = d;
        List<Day> out = new ArrayList<>();
        long bReq = 0, cReq = 0;
        for (var e : days.entrySet()) {
            Summary.TrafficDay t = (Summary.TrafficDay) e.getValue()[0];
            CanaryFeedback.Day f = (CanaryFeedback.Day) e.getValue()[1];
            Arms.ArmDay d = (Arms.ArmDay) e.getValue()[2];
            long b = d == null ? 0 : d.baselineRequests(), c = d == null ? 0 : d.candidateRequests();
            bReq += b;
            cReq += c;
            out.add(new Day(
                    e.getKey(),
                    t == null ? null : t.configuredShare(),
                    t == null ? null : t.candidateShare(),
                    b,
                    c,
                    f == null ? null : f.baseline(),
                    f == null ? null : f.candidate(),
                    f == null ? null : f.comparison(),
                    d == null || d.baselineLatency() == null
                            ? null
                            : d.baselineLatency().p95(),
                    d == null || d.candidateLatency() == null
                            ? null
                            : d.candidateLatency().p95(),
                    d == null ? null : d.latencyMannWhitney(),
                    d == null ? null : d.predictionKs(),
                    d == null ? null : d.predictionPsi(),
                    d == null ? null : d.classChiSquare()));
        }
        Summary.LatencyPair l = s.latencyMs();
        Summary.Tests t = s.tests();
        Window w = new Window(
                bReq,
                cReq,
                s.feedback() == null ? null : s.feedback().baseline(),
                s.feedback() == null ? null : s.feedback().candidate(),
                t == null ? null : t.complaintRate(),
                l == null || l.baseline() == null ? null : l.baseline().p95(),
                l == null || l.candidate() == null ? null : l.candidate().p95(),
                t == null ? null : t.latencyMannWhitney(),
                t == null ? null : t.predictionKs(),
                t == null ? null : t.predictionPsi(),
                a.classes(),
                a.topItems(),
                a.labels());
        return new CanaryReview(
                a.canaryBy(),
                a.routingLeak(),
                s.traffic() == null ? List.of() : s.traffic().plan(),
                out,
                w,
                r.verdict().recommendation(),
                r.verdict().advice());
    }

    private static Object[] slot(Map<LocalDate, Object[]> days, LocalDate day) {
        return days.computeIfAbsent(day, k -> new Object[3]);
    }
}
