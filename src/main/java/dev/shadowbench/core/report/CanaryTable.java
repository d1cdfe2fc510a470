package dev.shadowbench.core.report;

import dev.shadowbench.core.canary.CanaryFeedback;
import dev.shadowbench.core.decide.CanaryReview;
import dev.shadowbench.core.format.FigureFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary's days as report rows, the same cells in the HTML and the Markdown report: planned and observed share,
 * requests, complaint rate with its interval and latency p95 per arm, and the prediction shift.
 */
final class CanaryTable {
    private CanaryTable() {}

    static final List<String> HEADER = List.of(
            "Day",
            "Planned",
            "Observed",
            "Requests (baseline / candidate)",
            "Complaints baseline [95% CI]",
            "Complaints candidate [95% CI]",
            "Complaints",
            "p95 ms (baseline / candidate)",
            "Prediction shift");

    static List<List<String>> rows(CanaryReview c) {
        List<List<String>> out = new ArrayList<>();
        for (CanaryReview.Day d : c.byDay()) {
            out.add(List.of(
                    d.day() == null ? "no day" : d.day().toString(),
                    d.plannedShare() == null ? "—" : FigureFormat.share(d.plannedShare()),
                    d.observedShare() == null ? "—" : FigureFormat.share(d.observedShare()),
                    FigureFormat.count(d.baselineRequests()) + " / " + FigureFormat.count(d.candidateRequests()),
                    complaints(d.baselineComplaints()),
                    complaints(d.candidateComplaints()),
                    d.complaintTest() == null
                            ? "—"
                            : d.complaintTest().reading().label(),
                    FigureFormat.num(d.baselineLatencyP95(), "—") + " / "
                            + FigureFormat.num(d.candidateLatencyP95(), "—"),
                    d.predictionKs() == null
                            ? "—"
                            : "KS D " + FigureFormat.num(d.predictionKs().statistic()) + ", "
                                    + FigureFormat.pIs(d.predictionKs().pValue())));
        }
        return out;
    }

    /** The advice line: "advance to 50% (from 20%) · a ramp plan is set for canary". */
    static String advice(CanaryReview c) {
        return (c.advice() == null ? c.recommendation().id() : c.advice().text()) + " · a canary because "
                + c.recognisedBy()
                + (c.routingLeak() > 0
                        ? " · routing leak: " + FigureFormat.count(c.routingLeak()) + " requests served by both arms"
                        : "");
    }

    private static String complaints(CanaryFeedback.ArmDay a) {
        if (a == null || a.complaintRate() == null) return "—";
        return FigureFormat.pct(a.complaintRate()) + " [" + FigureFormat.pct(a.ciLow()) + ", "
                + FigureFormat.pct(a.ciHigh()) + "]";
    }
}
