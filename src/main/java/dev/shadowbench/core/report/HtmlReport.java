package dev.shadowbench.core.report;

import static dev.shadowbench.core.report.Escape.html;
import static dev.shadowbench.core.report.ReportContent.NOT_RECORDED;

import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.decide.GateResult;
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
            .promote{background:#1a7f37}.advance{background:#0969da}.hold{background:#9a6700}.rollback{background:#cf222e}.muted{color:#666}
            """;

    private HtmlReport() {}

    /**
     * The report in the order a reader asks: which models, what the gates say and what the team decided (with why),
     * then the figures, gates and charts, and last the long lists, folded with their counts.
     */
    public static String render(ReportContent r) {
        Summary s = r.review().summary();
        Summary.ComparisonInfo cmp = s.comparison();
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>Shadowbench report: ")
                .append(html(r.title()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n");
        b.append("<h1>")
                .append(html(r.title()))
                .append("</h1>\n<p class=\"muted\">Shadowbench decision report · ")
                .append(html(window(cmp)))
                .append(" · workspace ")
                .append(html(r.workspace()))
                .append(" · generated ")
                .append(html(r.generatedAt()))
                .append("</p>\n");

        decision(b, r);
        canary(b, dev.shadowbench.core.decide.CanaryReview.of(r.review()));

        b.append("<h2>Headline figures</h2>\n<table>");
        for (List<String> row : r.headlineRows()) row(b, row.get(0), row.get(1));
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

        if (!r.review().findings().isEmpty()) b.append(findingsTable(r.review().findings()));
        b.append(r.segmentsTable().html("segment rows"));
        b.append(r.reviewedTable().html("reviewed pairs"));
        b.append(r.flagsTable().html("flagged pairs"));
        b.append(r.dismissalsTable().html("dismissed flags"));
        b.append(r.versionsTable().html("model versions"));
        if (r.lifecycle().rollbackTarget() != null) {
            b.append("<p>Rollback target: ")
                    .append(html(r.lifecycle().rollbackTarget()))
                    .append("</p>");
        }
        b.append(r.decisionsTable().html("decisions"));
        b.append("\n</body></html>\n");
        return b.toString();
    }

    /**
     * The top of the report: the gates' recommendation and the team's decision side by side, the gates that stand
     * against the candidate by name, the sides' models, and whether the decision log verifies.
     */
    private static void decision(StringBuilder b, ReportContent r) {
        Summary.ComparisonInfo cmp = r.review().summary().comparison();
        String rec = r.verdict().recommendation().id();
        b.append("<h2>Decision</h2>\n<table>");
        b.append("<tr><th>Gates recommend</th><td><span class=\"badge ")
                .append(rec)
                .append("\">")
                .append(rec.toUpperCase(java.util.Locale.ROOT))
                .append("</span> ")
                .append(html(
                        r.verdict().score() == null
                                ? "no gate had data"
                                : FigureFormat.pct(r.verdict().score(), NOT_RECORDED) + " of gates with data passed"))
                .append("</td></tr>");
        if (!r.why().isEmpty()) row(b, "Why", r.why());
        String team = r.decision() == null ? null : r.decision().decision().toLowerCase(java.util.Locale.ROOT);
        b.append("<tr><th>Team decided</th><td>");
        if (team != null)
            b.append("<span class=\"badge ")
                    .append(BADGES.contains(team) ? team : "hold")
                    .append("\">")
                    .append(html(team.toUpperCase(java.util.Locale.ROOT)))
                    .append("</span> ");
        b.append(html(r.decision() == null ? r.decisionLine() : r.decisionLine().substring(team.length())));
        if (r.decidedAgainstTheGates()) b.append(" <span class=\"fail\">(against the gates' recommendation)</span>");
        b.append("</td></tr>");
        row(b, "Candidate", r.names().candidate() + "  ·  " + cmp.candidate());
        row(b, "Baseline", r.names().baseline() + "  ·  " + cmp.baseline());
        if (cmp.baselineRecipe() != null)
            row(b, "Synthetic baseline", cmp.baselineRecipe().description());
        Verification ver = r.verification();
        b.append("<tr><th>Integrity</th><td class=\"")
                .append(ver.intact() ? "pass" : "fail")
                .append("\">")
                .append(html(ver.summaryLine()))
                .append("<br><span class=\"muted\">")
                .append(html(ver.headLine()))
                .append("</span>");
        for (Verification.Problem p : ver.problems())
            b.append("<br><span class=\"fail\">").append(html(p.message())).append("</span>");
        b.append("</td></tr></table>\n");
    }

    /** Decisions with a badge colour of their own; others (retire) take hold's. */
    private static final java.util.Set<String> BADGES = java.util.Set.of("promote", "hold", "rollback", "advance");

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
        if (cmp.from() == null && cmp.to() == null) return "all days";
        return (cmp.from() == null ? "first day" : cmp.from().toString()) + " .. "
                + (cmp.to() == null ? "last day" : cmp.to().toString());
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(html(k)).append("</th><td>").append(html(v)).append("</td></tr>");
    }

    /** The findings, figures printed as the rest of the report prints them, never a raw double. */
    static String findingsTable(List<Summary.Finding> findings) {
        return ReportContent.findingsTable(findings).html("findings");
    }
}
