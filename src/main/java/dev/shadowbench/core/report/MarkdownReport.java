package dev.shadowbench.core.report;

import static dev.shadowbench.core.report.Escape.md;
import static dev.shadowbench.core.report.ReportContent.NOT_RECORDED;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.format.FigureFormat;
import java.util.List;

/** The report as Markdown (GitHub flavour tables); every log or reviewer string goes through {@link Escape#md}. */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** The same order as the HTML report: decision first, long lists last. */
    public static String render(ReportContent r) {
        Summary s = r.review().summary();
        Summary.ComparisonInfo cmp = s.comparison();
        StringBuilder b = new StringBuilder(16_384);
        b.append("# ")
                .append(md(r.title()))
                .append("\n\nShadowbench decision report · ")
                .append(md(HtmlReport.window(cmp)))
                .append(" · workspace ")
                .append(md(r.workspace()))
                .append(" · generated ")
                .append(md(r.generatedAt()))
                .append("\n\n## Decision\n\n");
        b.append("- Gates recommend: **")
                .append(r.verdict().recommendation().id().toUpperCase(java.util.Locale.ROOT))
                .append("** (")
                .append(
                        r.verdict().score() == null
                                ? "no gate had data"
                                : md(FigureFormat.pct(r.verdict().score(), NOT_RECORDED))
                                        + " of gates with data passed")
                .append(")\n");
        if (!r.why().isEmpty()) b.append("- Why: ").append(md(r.why())).append('\n');
        b.append("- Team decided: ").append(md(r.decisionLine()));
        if (r.decidedAgainstTheGates()) b.append(" **(against the gates' recommendation)**");
        b.append('\n');
        b.append("- Candidate: ")
                .append(md(r.names().candidate()))
                .append(" · ")
                .append(md(cmp.candidate()))
                .append('\n');
        b.append("- Baseline: ")
                .append(md(r.names().baseline()))
                .append(" · ")
                .append(md(cmp.baseline()))
                .append(
                        cmp.baselineRecipe() == null
                                ? ""
                                : " (synthetic: " + md(cmp.baselineRecipe().description()) + ")")
                .append('\n');
        Verification ver = r.verification();
        b.append("- Integrity: ")
                .append(md(ver.summaryLine()))
                .append("; ")
                .append(md(ver.headLine()))
                .append('\n');
        for (Verification.Problem p : ver.problems())
            b.append("  - ").append(md(p.message())).append('\n');
        b.append('\n');
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
        for (List<String> row : r.headlineRows()) row(b, row.get(0), row.get(1));
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
        Summary.Divergence div = s.divergence();
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
        if (!r.review().findings().isEmpty())
            b.append(ReportContent.findingsTable(r.review().findings()).markdown("findings"));
        b.append(r.segmentsTable().markdown("segment rows"));
        b.append(r.reviewedTable().markdown("reviewed pairs"));
        b.append(r.flagsTable().markdown("flagged pairs"));
        b.append(r.dismissalsTable().markdown("dismissed flags"));
        b.append(r.versionsTable().markdown("model versions"));
        if (r.lifecycle().rollbackTarget() != null)
            b.append("\nRollback target: ")
                    .append(md(r.lifecycle().rollbackTarget()))
                    .append('\n');
        b.append(r.decisionsTable().markdown("decisions"));
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(md(k)).append(" | ").append(md(v)).append(" |\n");
    }
}
