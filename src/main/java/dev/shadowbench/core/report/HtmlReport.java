package dev.shadowbench.core.report;

import static dev.shadowbench.core.report.Escape.html;
import static dev.shadowbench.core.report.ReportContent.NOT_RECORDED;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.GateResult;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.format.FigureFormat;
import java.util.List;

/**
 * One self-contained HTML file: inline CSS and inline SVG charts, no scripts, nothing fetched from the
 * network. Every string that can come from a log or a reviewer goes through {@link Escape#html}.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1000px;color:#222}
            h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0;font-size:.9em}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
            th{background:#f4f4f4}td.n{text-align:right}.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}.nodata{color:#777}
            .badge{display:inline-block;padding:4px 12px;border-radius:4px;color:#fff;font-weight:bold}
            .promote{background:#1a7f37}.hold{background:#9a6700}.rollback{background:#cf222e}.muted{color:#666}
            """;

    private HtmlReport() {}

    public static String render(ReportContent r) {
        Summary s = r.review().summary();
        Summary.ComparisonInfo cmp = s.comparison();
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>Shadowbench report: ")
                .append(html(cmp.candidate()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n");
        b.append("<h1>Shadowbench decision report</h1>\n<p class=\"muted\">Workspace ")
                .append(html(r.workspace()))
                .append(" · generated ")
                .append(html(r.generatedAt()))
                .append("</p>\n");

        b.append("<h2>Comparison</h2>\n<table>");
        row(b, "Baseline", cmp.baseline());
        if (cmp.baselineRecipe() != null)
            row(b, "Synthetic baseline", cmp.baselineRecipe().description());
        row(b, "Candidate", cmp.candidate());
        row(b, "Window", window(cmp));
        b.append("</table>\n");

        b.append("<h2>Recommendation</h2>\n<p><span class=\"badge ")
                .append(r.verdict().recommendation().id())
                .append("\">")
                .append(r.verdict().recommendation().id().toUpperCase(java.util.Locale.ROOT))
                .append("</span> score ")
                .append(
                        r.verdict().score() == null
                                ? "n/a (no gate had data)"
                                : FigureFormat.pct(r.verdict().score(), NOT_RECORDED) + " of gates with data passed")
                .append("</p>\n");
        canary(b, dev.shadowbench.core.decide.CanaryReview.of(r.review()));

        b.append("<h2>Headline figures</h2>\n<table>");
        ReportContent.headlineCounts(s.counts()).forEach((k, v) -> row(b, k, FigureFormat.count(v)));
        Summary.Divergence div = s.divergence();
        if (div != null) {
            row(
                    b,
                    "divergence (" + div.kind() + ") mean / median / p95 / max |Δ|",
                    FigureFormat.num(div.meanAbs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.medianAbs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.p95Abs(), NOT_RECORDED) + " / "
                            + FigureFormat.num(div.maxAbs(), NOT_RECORDED));
        }
        for (String side : List.of("baseline", "candidate")) {
            row(b, side + " latency p50 / p95 / p99 (ms)", ReportContent.latencyText(s, side));
        }
        Summary.Labels labels = s.labels();
        row(
                b,
                "labelled pairs",
                FigureFormat.num(labels == null ? null : (double) labels.labelledPairs(), NOT_RECORDED));
        for (String side : List.of("baseline", "candidate")) {
            Summary.LabelFigures l =
                    labels == null ? null : side.equals("baseline") ? labels.baseline() : labels.candidate();
            if (l != null) {
                row(
                        b,
                        side + " MAE / RMSE / accuracy",
                        FigureFormat.num(l.mae(), NOT_RECORDED) + " / " + FigureFormat.num(l.rmse(), NOT_RECORDED)
                                + " / " + FigureFormat.pct(l.accuracy(), NOT_RECORDED));
            }
            row(b, side + " complaint rate", FigureFormat.pct(ReportContent.complaintRate(s, side), NOT_RECORDED));
        }
        if (labels != null && labels.versusBaseline() != null)
            row(b, "versus the baseline", labels.versusBaseline().detail());
        b.append("</table>\n");

        b.append(
                "<h2>Gates</h2>\n<table><tr><th>Gate</th><th>Value</th><th>Threshold</th><th>Result</th><th>Critical</th><th>Detail</th></tr>");
        for (GateResult g : r.verdict().gates()) {
            String cls =
                    switch (g.status()) {
                        case PASS -> "pass";
                        case FAIL -> "fail";
                        case NO_DATA -> "nodata";
                    };
            b.append("<tr><td>")
                    .append(html(g.label()))
                    .append("</td><td class=\"n\">")
                    .append(html(g.shownValue()))
                    .append("</td><td>")
                    .append(html(g.threshold()))
                    .append("</td><td class=\"")
                    .append(cls)
                    .append("\">")
                    .append(g.status().label())
                    .append("</td><td>")
                    .append(g.critical() ? "yes" : "")
                    .append("</td><td>")
                    .append(html(g.detail()))
                    .append("</td></tr>");
        }
        b.append("</table>\n");

        b.append("<h2>Charts</h2>\n");
        String hist = SvgCharts.divergence(s);
        b.append(
                        hist == null
                                ? "<p class=\"muted\">No divergence histogram (no paired predictions with a sign).</p>"
                                : "<figure>" + hist + "</figure>")
                .append('\n');
        String lat = SvgCharts.latency(s);
        b.append(
                        lat == null
                                ? "<p class=\"muted\">Latency not recorded in these logs.</p>"
                                : "<figure>" + lat + "</figure>")
                .append('\n');

        b.append("<h2>Segments</h2>\n");
        if (r.segments().isEmpty()) b.append("<p class=\"muted\">No records.</p>");
        else {
            b.append("<table><tr><th>Segment</th><th>Variant</th><th>Records</th></tr>");
            for (var seg : r.segments()) {
                b.append("<tr><td>")
                        .append(seg.segment() == null ? "<span class=\"muted\">(none)</span>" : html(seg.segment()))
                        .append("</td><td>")
                        .append(html(seg.variant()))
                        .append("</td><td class=\"n\">")
                        .append(FigureFormat.count(seg.rows()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }

        b.append("\n<h2>Reviewed sample</h2>\n");
        if (r.reviewed().isEmpty()) b.append("<p class=\"muted\">No pairs reviewed for this comparison yet.</p>");
        else {
            b.append("<p>")
                    .append(r.reviewed().size())
                    .append(" of ")
                    .append(r.reviewedTotal())
                    .append(" reviewed pairs shown.</p>");
            b.append("<table><tr><th>Request</th><th>Verdict</th><th>Note</th><th>Reviewer</th><th>When</th></tr>");
            for (var p : r.reviewed()) {
                b.append("<tr><td>")
                        .append(html(p.requestId()))
                        .append("</td><td>")
                        .append(html(p.verdict()))
                        .append("</td><td>")
                        .append(html(p.note()))
                        .append("</td><td>")
                        .append(html(p.reviewer()))
                        .append("</td><td>")
                        .append(html(p.recordedAt()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }

        b.append("\n<h2>Flagged outliers</h2>\n");
        List<ReviewJson.Flag> outliers = r.flags();
        if (outliers.isEmpty()) b.append("<p class=\"muted\">No pairs flagged.</p>");
        else {
            int shown = Math.min(outliers.size(), ReportBuilder.MAX_ROWS);
            b.append("<p>").append(shown).append(" of ").append(outliers.size()).append(" flagged pairs shown.</p>");
            b.append("<table><tr><th>Request</th><th>Rule</th><th>Reason</th></tr>");
            for (ReviewJson.Flag o : outliers.subList(0, shown)) {
                b.append("<tr><td>")
                        .append(html(o.requestId()))
                        .append("</td><td>")
                        .append(html(o.rule()))
                        .append("</td><td>")
                        .append(html(o.detail()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append(r.dismissalsTable().html("dismissed flags"));
        b.append(findingsTable(r.review().findings()));

        b.append(
                "\n<h2>Model versions</h2>\n<table><tr><th>Version</th><th>Stage</th><th>Since</th><th>Reminder</th></tr>");
        for (LifecycleBoard.VersionState v : r.lifecycle().versions()) {
            b.append("<tr><td>")
                    .append(html(v.key()))
                    .append("</td><td>")
                    .append(html(v.stageText()))
                    .append("</td><td>")
                    .append(html(v.since()))
                    .append("</td><td>")
                    .append(html(v.reminder()))
                    .append("</td></tr>");
        }
        b.append("</table>");
        if (r.lifecycle().rollbackTarget() != null) {
            b.append("<p>Rollback target: ")
                    .append(html(r.lifecycle().rollbackTarget()))
                    .append("</p>");
        }

        b.append("\n<h2>Decision history</h2>\n");
        Verification ver = r.verification();
        b.append("<p class=\"")
                .append(ver.intact() ? "pass" : "fail")
                .append("\">")
                .append(html(ver.summaryLine()))
                .append("</p>");
        b.append("<p>").append(html(ver.headLine())).append("</p>");
        for (Verification.Problem p : ver.problems())
            b.append("<p class=\"fail\">").append(html(p.message())).append("</p>");
        if (!r.decisions().isEmpty()) {
            b.append(
                            "<table><tr><th>#</th><th>When (UTC)</th><th>Decision</th><th>Version</th><th>Stage</th><th>Share</th>")
                    .append("<th>Reviewer</th><th>Note</th><th>Hash</th></tr>");
            for (DecisionRecord d : r.decisions()) {
                b.append("<tr><td class=\"n\">")
                        .append(d.seq())
                        .append("</td><td>")
                        .append(html(d.decidedAt()))
                        .append("</td><td>")
                        .append(html(d.decision()))
                        .append("</td><td>")
                        .append(html(d.versionKey()))
                        .append("</td><td>")
                        .append(html(d.stage()))
                        .append("</td><td class=\"n\">")
                        .append(FigureFormat.pct(d.trafficShare(), NOT_RECORDED))
                        .append("</td><td>")
                        .append(html(d.reviewer()))
                        .append("</td><td>")
                        .append(html(d.note()))
                        .append("</td><td><code>")
                        .append(html(
                                d.hash() == null
                                        ? ""
                                        : d.hash()
                                                .substring(
                                                        0, Math.min(12, d.hash().length()))))
                        .append("</code></td></tr>");
            }
            b.append("</table>");
        }
        b.append("\n</body></html>\n");
        return b.toString();
    }

    /** The canary's days, when the comparison is a canary. */
    private static void canary(StringBuilder b, dev.shadowbench.core.decide.CanaryReview c) {
        if (c == null) return;
        b.append("<h2>Canary</h2>\n<p>").append(html(CanaryTable.advice(c))).append("</p>\n<table><tr>");
        for (String h : CanaryTable.HEADER) b.append("<th>").append(html(h)).append("</th>");
        b.append("</tr>");
        for (var row : CanaryTable.rows(c)) {
            b.append("<tr>");
            for (String cell : row) b.append("<td>").append(html(cell)).append("</td>");
            b.append("</tr>");
        }
        b.append("</table>\n");
    }

    static String window(Summary.ComparisonInfo cmp) {
        return (cmp.from() == null ? "first day" : cmp.from().toString()) + " .. "
                + (cmp.to() == null ? "last day" : cmp.to().toString());
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(html(k)).append("</th><td>").append(html(v)).append("</td></tr>");
    }

    /** The findings, figures printed as the rest of the report prints them, never a raw double. */
    static String findingsTable(List<Summary.Finding> findings) {
        if (findings.isEmpty()) return "";
        StringBuilder b = new StringBuilder(
                "\n<h2>Findings</h2>\n<table><tr><th>Rule</th><th>Severity</th><th>Value</th><th>Threshold</th><th>Detail</th></tr>");
        for (Summary.Finding f : findings.subList(0, Math.min(findings.size(), ReportBuilder.MAX_ROWS))) {
            b.append("<tr>");
            for (String v : new String[] {
                f.rule(), f.severity(), FigureFormat.num(f.value(), ""), FigureFormat.num(f.threshold(), ""), f.detail()
            }) {
                b.append("<td>").append(html(v == null ? "" : v)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }
}
