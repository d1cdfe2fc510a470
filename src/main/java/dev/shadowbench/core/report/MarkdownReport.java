package dev.shadowbench.core.report;

import static dev.shadowbench.core.report.Escape.md;
import static dev.shadowbench.core.report.ReportContent.NOT_RECORDED;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.format.FigureFormat;
import java.util.List;

/** The report as Markdown (GitHub flavour tables); every log or reviewer string goes through {@link Escape#md}. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(ReportContent r) {
        Summary s = r.review().summary();
        Summary.ComparisonInfo cmp = s.comparison();
        StringBuilder b = new StringBuilder(16_384);
        b.append("# Shadowbench decision report\n\nWorkspace ")
                .append(md(r.workspace()))
                .append(" · generated ")
                .append(md(r.generatedAt()))
                .append("\n\n## Comparison\n\n");
        b.append("- Baseline: ")
                .append(md(cmp.baseline()))
                .append(
                        cmp.baselineRecipe() == null
                                ? ""
                                : " (synthetic: " + md(cmp.baselineRecipe().description()) + ")")
                .append('\n')
                .append("- Candidate: ")
                .append(md(cmp.candidate()))
                .append('\n')
                .append("- Window: ")
                .append(md(HtmlReport.window(cmp)))
                .append("\n\n");
        b.append("## Recommendation: **")
                .append(r.verdict().recommendation().id().toUpperCase(java.util.Locale.ROOT))
                .append("**\n\n")
                .append(
                        r.verdict().score() == null
                                ? "No gate had data."
                                : md(FigureFormat.pct(r.verdict().score(), NOT_RECORDED))
                                        + " of gates with data passed.")
                .append("\n\n");
        var canary = dev.shadowbench.core.decide.CanaryReview.of(r.review());
        if (canary != null) {
            b.append("## Canary\n\n").append(md(CanaryTable.advice(canary))).append("\n\n| ");
            b.append(String.join(" | ", CanaryTable.HEADER))
                    .append(" |\n|")
                    .append("---|".repeat(CanaryTable.HEADER.size()));
            for (var row : CanaryTable.rows(canary))
                b.append("\n| ")
                        .append(String.join(" | ", row.stream().map(Escape::md).toList()))
                        .append(" |");
            b.append("\n\n");
        }
        b.append("## Headline figures\n\n| Figure | Value |\n|---|---|\n");
        ReportContent.headlineCounts(s.counts()).forEach((k, v) -> row(b, k, FigureFormat.count(v)));
        Summary.Divergence div = s.divergence();
        if (div != null) row(b, "divergence p95 |Δ|", FigureFormat.num(div.p95Abs(), NOT_RECORDED));
        Summary.Labels labels = s.labels();
        if (labels != null && labels.versusBaseline() != null)
            row(b, "versus the baseline", labels.versusBaseline().detail());
        for (String side : List.of("baseline", "candidate")) {
            row(b, side + " latency p50 / p95 / p99 (ms)", ReportContent.latencyText(s, side));
        }
        b.append(
                "\n## Gates\n\n| Gate | Value | Threshold | Result | Critical | Detail |\n|---|---:|---|---|---|---|\n");
        for (GateResult g : r.verdict().gates()) {
            b.append("| ")
                    .append(md(g.label()))
                    .append(" | ")
                    .append(md(g.shownValue()))
                    .append(" | ")
                    .append(md(g.threshold()))
                    .append(" | ")
                    .append(g.status().label())
                    .append(" | ")
                    .append(g.critical() ? "yes" : "")
                    .append(" | ")
                    .append(md(g.detail()))
                    .append(" |\n");
        }
        Summary.Histogram hist = div == null ? null : div.histogram();
        if (hist != null && hist.edges().size() == hist.counts().size() + 1) {
            b.append("\n## Divergence histogram\n\n| From | To | Pairs |\n|---:|---:|---:|\n");
            for (int i = 0; i < hist.counts().size(); i++) {
                b.append("| ")
                        .append(md(FigureFormat.num(hist.edges().get(i), NOT_RECORDED)))
                        .append(" | ")
                        .append(md(FigureFormat.num(hist.edges().get(i + 1), NOT_RECORDED)))
                        .append(" | ")
                        .append(md(FigureFormat.count(hist.counts().get(i))))
                        .append(" |\n");
            }
        }
        b.append("\n## Segments\n\n| Segment | Variant | Records |\n|---|---|---:|\n");
        for (var seg : r.segments()) {
            b.append("| ")
                    .append(seg.segment() == null ? "(none)" : md(seg.segment()))
                    .append(" | ")
                    .append(md(seg.variant()))
                    .append(" | ")
                    .append(md(FigureFormat.count(seg.rows())))
                    .append(" |\n");
        }
        b.append("\n## Reviewed sample\n\n");
        if (r.reviewed().isEmpty()) b.append("No pairs reviewed for this comparison yet.\n");
        else {
            b.append(r.reviewed().size())
                    .append(" of ")
                    .append(r.reviewedTotal())
                    .append(" reviewed pairs shown.\n\n")
                    .append("| Request | Verdict | Note | Reviewer | When |\n|---|---|---|---|---|\n");
            for (var p : r.reviewed()) {
                b.append("| ")
                        .append(md(p.requestId()))
                        .append(" | ")
                        .append(md(p.verdict()))
                        .append(" | ")
                        .append(md(p.note()))
                        .append(" | ")
                        .append(md(p.reviewer()))
                        .append(" | ")
                        .append(md(p.recordedAt()))
                        .append(" |\n");
            }
        }
        b.append("\n## Flagged outliers\n\n");
        List<ReviewJson.Flag> outliers = r.flags();
        if (outliers.isEmpty()) b.append("No pairs flagged.\n");
        else {
            int shown = Math.min(outliers.size(), ReportBuilder.MAX_ROWS);
            b.append(shown)
                    .append(" of ")
                    .append(outliers.size())
                    .append(" flagged pairs shown.\n\n| Request | Rule | Reason |\n|---|---|---|\n");
            for (ReviewJson.Flag o : outliers.subList(0, shown)) {
                b.append("| ")
                        .append(md(o.requestId()))
                        .append(" | ")
                        .append(md(o.rule()))
                        .append(" | ")
                        .append(md(o.detail()))
                        .append(" |\n");
            }
        }
        b.append(r.dismissalsTable().markdown("dismissed flags"));
        b.append("\n## Model versions\n\n| Version | Stage | Since | Reminder |\n|---|---|---|---|\n");
        for (LifecycleBoard.VersionState v : r.lifecycle().versions()) {
            b.append("| ")
                    .append(md(v.key()))
                    .append(" | ")
                    .append(md(v.stageText()))
                    .append(" | ")
                    .append(md(v.since()))
                    .append(" | ")
                    .append(md(v.reminder()))
                    .append(" |\n");
        }
        if (r.lifecycle().rollbackTarget() != null)
            b.append("\nRollback target: ")
                    .append(md(r.lifecycle().rollbackTarget()))
                    .append('\n');
        Verification ver = r.verification();
        b.append("\n## Decision history\n\n").append(md(ver.summaryLine())).append("\n\n");
        b.append(md(ver.headLine())).append("\n\n");
        for (Verification.Problem p : ver.problems())
            b.append("- ").append(md(p.message())).append('\n');
        if (!r.decisions().isEmpty()) {
            b.append(
                    "| # | When (UTC) | Decision | Version | Stage | Share | Reviewer | Note |\n|---:|---|---|---|---|---:|---|---|\n");
            for (DecisionRecord d : r.decisions()) {
                b.append("| ")
                        .append(d.seq())
                        .append(" | ")
                        .append(md(d.decidedAt()))
                        .append(" | ")
                        .append(md(d.decision()))
                        .append(" | ")
                        .append(md(d.versionKey()))
                        .append(" | ")
                        .append(md(d.stage()))
                        .append(" | ")
                        .append(md(FigureFormat.pct(d.trafficShare(), NOT_RECORDED)))
                        .append(" | ")
                        .append(md(d.reviewer()))
                        .append(" | ")
                        .append(md(d.note()))
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(md(k)).append(" | ").append(md(v)).append(" |\n");
    }
}
