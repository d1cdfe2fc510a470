package dev.shadowbench.core.report;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.format.FigureFormat;
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
        Verification verification,
        Names names,
        DecisionRecord decision) {

    /**
     * The models behind each side in words, e.g. "gbr 2.0.0-rc1 (shadow)": the model names and versions the side's
     * records carry in the window, most records first.
     */
    public record Names(String baseline, String candidate) {}

    /** "candidate vs baseline" with the models' names and versions: the report's title. */
    public String title() {
        return names.candidate() + " vs " + names.baseline();
    }

    /** The gates that stand against the candidate, by name: "failed: a, b · no data: c" (empty when none). */
    public String why() {
        List<String> failed = new java.util.ArrayList<>(), missing = new java.util.ArrayList<>();
        for (var g : verdict().gates()) {
            if (g.status() == dev.shadowbench.core.decide.GateStatus.FAIL) failed.add(g.label());
            else if (g.status() == dev.shadowbench.core.decide.GateStatus.NO_DATA) missing.add(g.label());
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!failed.isEmpty()) parts.add("failed: " + String.join(", ", failed));
        if (!missing.isEmpty()) parts.add("no data: " + String.join(", ", missing));
        return String.join(" · ", parts);
    }

    /**
     * The team's latest decision on this comparison in one line ("HOLD by ana on 2026-11-21 09:00: note"), or what
     * says there is none yet.
     */
    public String decisionLine() {
        if (decision == null) return "No decision recorded for this comparison yet.";
        String when = decision.decidedAt() == null
                ? ""
                : " on " + decision.decidedAt().replace('T', ' ');
        if (when.length() > 20) when = when.substring(0, 20); // " on yyyy-MM-dd HH:mm"
        String line = decision.decision().toUpperCase(java.util.Locale.ROOT) + " by " + decision.reviewer() + when;
        if (decision.trafficShare() != null && decision.trafficShare() > 0)
            line += " at " + FigureFormat.pct(decision.trafficShare(), "") + " of traffic";
        return decision.note() == null || decision.note().isBlank() ? line : line + ": " + decision.note();
    }

    /** True when the team's decision goes against the gates' recommendation ({@link DecisionType#against}). */
    public boolean decidedAgainstTheGates() {
        if (decision == null) return false;
        try {
            return dev.shadowbench.core.decide.DecisionType.parse(decision.decision())
                    .against(verdict().recommendation());
        } catch (dev.shadowbench.core.BadInputException unknown) {
            return false; // a decision type of a later build: say nothing rather than guess
        }
    }

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
            return FigureFormat.num(l.p50(), NOT_RECORDED) + " / "
                    + FigureFormat.num(l.p95(), NOT_RECORDED) + " / "
                    + FigureFormat.num(l.p99(), NOT_RECORDED);
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

    /** The headline figures, label and value, in the same order in every format. */
    public List<List<String>> headlineRows() {
        Summary s = review.summary();
        List<List<String>> rows = new java.util.ArrayList<>();
        headlineCounts(s.counts()).forEach((k, v) -> rows.add(List.of(k, FigureFormat.count(v))));
        Summary.Divergence div = s.divergence();
        if (div != null)
            rows.add(List.of(
                    "divergence (" + div.kind() + ") mean / median / p95 / max |Δ|",
                    FigureFormat.num(div.meanAbs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.medianAbs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.p95Abs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.maxAbs(), NOT_RECORDED)));
        for (String side : List.of("baseline", "candidate"))
            rows.add(List.of(side + " latency p50 / p95 / p99 (ms)", latencyText(s, side)));
        Summary.Labels labels = s.labels();
        rows.add(List.of(
                "labelled pairs",
                FigureFormat.num(labels == null ? null : (double) labels.labelledPairs(), NOT_RECORDED)));
        for (String side : List.of("baseline", "candidate")) {
            Summary.LabelFigures l =
                    labels == null ? null : side.equals("baseline") ? labels.baseline() : labels.candidate();
            if (l != null)
                rows.add(List.of(
                        side + " MAE / RMSE / accuracy",
                        FigureFormat.num(l.mae(), NOT_RECORDED) + " / " + FigureFormat.num(l.rmse(), NOT_RECORDED)
                                + " / " + FigureFormat.pct(l.accuracy(), NOT_RECORDED)));
            rows.add(List.of(side + " complaint rate", FigureFormat.pct(complaintRate(s, side), NOT_RECORDED)));
        }
        if (labels != null && labels.versusBaseline() != null)
            rows.add(List.of("versus the baseline", labels.versusBaseline().detail()));
        return rows;
    }

    /** Records per segment and variant in the window. */
    public ReportTable segmentsTable() {
        return new ReportTable(
                "Segments",
                "No records.",
                List.of("Segment", "Variant", "Records"),
                segments.stream()
                        .map(g -> List.of(
                                g.segment() == null ? "(none)" : g.segment(),
                                String.valueOf(g.variant()),
                                FigureFormat.count(g.rows())))
                        .toList(),
                segments.size());
    }

    /** The reviewers' latest verdicts on sampled pairs, wrong and suspicious first. */
    public ReportTable reviewedTable() {
        return new ReportTable(
                "Reviewed sample",
                "No pairs reviewed for this comparison yet.",
                List.of("Request", "Verdict", "Note", "Reviewer", "When"),
                reviewed.stream()
                        .map(p ->
                                List.of(p.requestId(), p.verdict(), nz(p.note()), nz(p.reviewer()), nz(p.recordedAt())))
                        .toList(),
                reviewedTotal);
    }

    /** The flagged pairs with the rule and the reason in words. */
    public ReportTable flagsTable() {
        List<ReviewJson.Flag> all = flags();
        return new ReportTable(
                "Flagged outliers",
                "No pairs flagged.",
                List.of("Request", "Rule", "Reason"),
                all.stream()
                        .limit(ReportBuilder.MAX_ROWS)
                        .map(f -> List.of(f.requestId(), f.rule(), nz(f.detail())))
                        .toList(),
                all.size());
    }

    /** The summary's findings, figures printed with the one formatter, never a raw double. */
    public static ReportTable findingsTable(List<Summary.Finding> findings) {
        return new ReportTable(
                "Findings",
                "No findings: nothing in these figures crossed a threshold.",
                List.of("Rule", "Severity", "Value", "Threshold", "Detail"),
                findings.stream()
                        .limit(ReportBuilder.MAX_ROWS)
                        .map(f -> List.of(
                                nz(f.rule()),
                                nz(f.severity()),
                                FigureFormat.num(f.value(), ""),
                                FigureFormat.num(f.threshold(), ""),
                                nz(f.detail())))
                        .toList(),
                findings.size());
    }

    /** Every model version's stage in the lifecycle. */
    public ReportTable versionsTable() {
        return new ReportTable(
                "Model versions",
                "No model version has a decision yet.",
                List.of("Version", "Stage", "Since", "Reminder"),
                lifecycle.versions().stream()
                        .map(v -> List.of(nz(v.key()), v.stageText(), nz(v.since()), nz(v.reminder())))
                        .toList(),
                lifecycle.versions().size());
    }

    /** The whole decision log, oldest first, with each record's hash (its first 12 characters). */
    public ReportTable decisionsTable() {
        return new ReportTable(
                "Decision history",
                "No decision recorded in this workspace yet.",
                List.of("#", "When (UTC)", "Decision", "Version", "Stage", "Share", "Reviewer", "Note", "Hash"),
                decisions.stream()
                        .map(d -> List.of(
                                String.valueOf(d.seq()),
                                nz(d.decidedAt()),
                                nz(d.decision()),
                                nz(d.versionKey()),
                                nz(d.stage()),
                                FigureFormat.pct(d.trafficShare(), NOT_RECORDED),
                                nz(d.reviewer()),
                                nz(d.note()),
                                d.hash() == null
                                        ? ""
                                        : d.hash()
                                                .substring(
                                                        0, Math.min(12, d.hash().length()))))
                        .toList(),
                decisions.size());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
