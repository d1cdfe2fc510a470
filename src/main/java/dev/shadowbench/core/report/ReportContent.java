package dev.shadowbench.core.report;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.outliers.OutlierStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a decision report shows, gathered once and rendered as HTML, Markdown or JSON.
 * Lists are already capped ({@link ReportBuilder#MAX_ROWS}); totals say how many there were.
 */
public record ReportContent(
        String workspace,
        String generatedAt,
        ReviewSummary review,
        List<ReviewedPair> reviewed,
        long reviewedTotal,
        List<SegmentRows> segments,
        List<OutlierStore.Dismissal> dismissals,
        LifecycleBoard lifecycle,
        List<DecisionRecord> decisions,
        Verification verification) {

    /** What a missing figure reads in a report. */
    static final String NOT_RECORDED = "not recorded";

    /** A reviewer's latest verdict on a sampled pair. */
    public record ReviewedPair(String requestId, String verdict, String note, String reviewer, String recordedAt) {}

    /** Records per segment and variant in the comparison's window. */
    public record SegmentRows(String segment, String variant, long rows) {}

    /** The dismissed flags of this comparison, newest first, as one table for every format. */
    public ReportTable dismissalsTable() {
        List<List<String>> rows = dismissals.stream()
                .limit(ReportBuilder.MAX_ROWS)
                .map(d -> List.of(
                        d.requestId(),
                        d.rule(),
                        d.note() == null ? "" : d.note(),
                        d.reviewer() == null ? "" : d.reviewer(),
                        d.dismissedAt() == null
                                ? ""
                                : d.dismissedAt()
                                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                                        .toString()
                                        .replace('T', ' ')))
                .toList();
        return new ReportTable(
                "Dismissed flags",
                "No flag dismissed for this comparison.",
                List.of("Request", "Rule", "Note", "Dismissed by", "When (UTC)"),
                rows,
                dismissals.size());
    }

    public Verdict verdict() {
        return review.verdict();
    }

    /** The flagged pairs the review lists (capped per rule by the detector, uncapped by the report). */
    public List<ReviewJson.Flag> flags() {
        return ReviewJson.contract(review).outliers();
    }

    public long outliersTotal() {
        return review.outliers() == null ? 0 : review.outliers().flagged().size();
    }

    /** The coverage counts in the contract's order, labelled in words. */
    static Map<String, Long> headlineCounts(Summary.Counts c) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("baseline rows", c.baselineRows());
        m.put("candidate rows", c.candidateRows());
        m.put("paired", c.paired());
        m.put("baseline only", c.baselineOnly());
        m.put("candidate only", c.candidateOnly());
        m.put("duplicate rows", c.duplicateRows());
        m.put("quarantined rows", c.quarantinedRows());
        return m;
    }

    /** A side's ("baseline" or "candidate") latency, null when not recorded. */
    static Summary.Latency latency(Summary s, String side) {
        Summary.LatencyPair l = s.latencyMs();
        return l == null ? null : side.equals("baseline") ? l.baseline() : l.candidate();
    }

    /**
     * A side's latency row, "p50 / p95 / p99" in ms; a synthetic baseline has none to have ("not applicable"), a real
     * side may not have logged it.
     */
    static String latencyText(Summary s, String side) {
        Summary.Latency l = latency(s, side);
        if (l != null)
            return dev.shadowbench.core.format.FigureFormat.num(l.p50(), NOT_RECORDED) + " / "
                    + dev.shadowbench.core.format.FigureFormat.num(l.p95(), NOT_RECORDED) + " / "
                    + dev.shadowbench.core.format.FigureFormat.num(l.p99(), NOT_RECORDED);
        boolean synthetic = side.equals("baseline")
                && s.comparison() != null
                && s.comparison().baselineRecipe() != null;
        return synthetic ? "not applicable: the baseline is synthetic" : "latency not recorded in these logs";
    }

    /** A side's complaint rate, null when no record carries feedback. */
    static Double complaintRate(Summary s, String side) {
        Summary.Feedback f = s.feedback();
        Summary.SideFeedback sf = f == null ? null : side.equals("baseline") ? f.baseline() : f.candidate();
        return sf == null ? null : sf.complaintRate();
    }
}
