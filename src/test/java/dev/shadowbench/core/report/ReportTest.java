package dev.shadowbench.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.decide.DecisionDraft;
import dev.shadowbench.core.decide.DecisionLog;
import dev.shadowbench.core.decide.DecisionType;
import dev.shadowbench.core.decide.GateSettings;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.LogImporter;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports on the real review of a workspace whose logs carry markup in model names, segments and request ids; the
 * pair with the hostile request id answers absurdly on the candidate, so the outlier rules list it.
 */
class ReportTest {
    static final String EVIL = "<script>alert(1)</script>";
    static final String EVIL_HTML = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String EVIL_MD = "&lt;script&gt;alert\\(1\\)&lt;/script&gt;";
    static final int HOSTILE = 7;

    @TempDir
    Path dir;

    private Workspace ws;
    private Connection c;
    private Comparison cmp;

    @BeforeEach
    void setUp() throws Exception {
        String evilJson = EVIL.replace("/", "\\/");
        StringBuilder live = new StringBuilder(), shadow = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String ts = "2026-11-20T10:00:" + String.format(Locale.ROOT, "%02d", i) + ".000Z";
            String id = i == HOSTILE ? evilJson : "r" + i;
            double b = 40.0 + i % 5, cand = i == HOSTILE ? 40_000.0 : b + 1 + (i % 3) * 0.5;
            live.append("{\"request_id\":\"")
                    .append(id)
                    .append("\",\"timestamp\":\"")
                    .append(ts)
                    .append("\",\"model\":\"")
                    .append(evilJson)
                    .append("\",\"model_version\":\"1|0`x\",\"variant\":\"live\",\"prediction\":")
                    .append(b)
                    .append(",\"latency_ms\":20.0,\"segment\":\"")
                    .append(evilJson)
                    .append("\"}\n");
            shadow.append("{\"request_id\":\"")
                    .append(id)
                    .append("\",\"timestamp\":\"")
                    .append(ts)
                    .append("\",\"model\":\"gbr\",\"model_version\":\"2.0\",\"variant\":\"shadow\",\"prediction\":")
                    .append(cand)
                    .append(",\"latency_ms\":23.0,\"segment\":\"web\"}\n");
        }
        Files.writeString(dir.resolve("live.jsonl"), live);
        Files.writeString(dir.resolve("shadow.jsonl"), shadow);
        ws = Workspace.open(dir.resolve("ws.duckdb"));
        new LogImporter(ws)
                .run(
                        ImportRequest.predictions(
                                List.of(dir.resolve("live.jsonl"), dir.resolve("shadow.jsonl")), null),
                        ProgressSink.NONE);
        c = ws.connect();
        cmp = new Comparison(Side.variant("live"), Side.variant("shadow"), null, null);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO review_verdicts VALUES (?, ?, 'wrong', ?, 'ana', now())")) {
            ps.setString(1, cmp.key());
            ps.setString(2, "r1");
            ps.setString(3, "looks off | " + EVIL);
            ps.executeUpdate();
        }
        DecisionLog.append(
                c,
                new DecisionDraft(
                        DecisionType.HOLD, "ana", cmp.key(), EVIL, "1|0`x", "shadow", 0.0, "{}", "note " + EVIL),
                LocalDateTime.of(2026, 11, 21, 9, 0));
    }

    @AfterEach
    void tearDown() throws Exception {
        c.close();
        ws.close();
    }

    private ReportContent content() throws Exception {
        return ReportBuilder.collect(
                c,
                cmp,
                ReviewSummary.source(SummaryOptions.DEFAULT),
                GateSettings.defaults(),
                "ws.duckdb",
                LocalDateTime.of(2026, 11, 22, 9, 0));
    }

    @Test
    void htmlShowsLogStringsAsTextAndLoadsNothing() throws Exception {
        ReportContent r = content();
        Path out = dir.resolve("report.html");
        ReportFormat.HTML.write(r, out);
        String html = Files.readString(out);
        assertFalse(html.contains(EVIL), "raw markup from a log must never reach the HTML");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertTrue(html.contains(EVIL_HTML));
        assertTrue(html.contains("looks off | " + EVIL_HTML), "reviewed sample note");
        assertTrue(html.contains(EVIL_HTML + " 1|0`x"), "model name in lifecycle and decision history");
        assertTrue(html.contains("<td>" + EVIL_HTML + "</td><td>live</td><td>20</td>"), "segment row");
        assertFalse(
                html.contains("http://")
                        || html.contains("https://")
                        || html.contains("src=")
                        || html.contains("@import"),
                "nothing is fetched from the network");
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertTrue(html.contains("<figure><svg"));
        assertEquals(20, r.review().summary().counts().paired());
        assertTrue(
                r.flags().stream().anyMatch(f -> f.requestId().equals(EVIL)),
                "the real rules flag the hostile pair: " + r.flags());
        assertTrue(html.contains("<td>" + EVIL_HTML + "</td><td>"), "flagged pair's request id, escaped");
        assertTrue(html.contains("Decision log verified: 1 record(s), chain intact"));
        assertTrue(Files.size(out) < 100_000, "small: " + Files.size(out));
    }

    @Test
    void reportsLeadWithTheModelsTheRecommendationAndTheTeamsDecision() throws Exception {
        // twelve reviewed pairs: more than a folded list holds open
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO review_verdicts VALUES (?, ?, 'fine', NULL, 'ana', now())")) {
            for (int i = 2; i < 13; i++) {
                ps.setString(1, cmp.key());
                ps.setString(2, "r" + i);
                ps.executeUpdate();
            }
        }
        Files.writeString(dir.resolve("labels.csv"), "request_id,actual\nr1,41\nr2,43\nr3,43\n");
        new LogImporter(ws).run(ImportRequest.labels(List.of(dir.resolve("labels.csv"))), ProgressSink.NONE);
        ReportContent r = content();
        String models = "gbr 2.0 (shadow) vs " + EVIL + " 1|0`x (live)";
        assertEquals(models, r.title(), "the models and versions behind each side, candidate first");

        String html = ReportFormat.HTML.render(r);
        assertTrue(html.contains("<title>Shadowbench report: gbr 2.0 (shadow) vs " + EVIL_HTML), html);
        assertTrue(html.contains("<h1>gbr 2.0 (shadow) vs " + EVIL_HTML + " 1|0`x (live)</h1>"));
        int recommend = html.indexOf("Gates recommend"),
                team = html.indexOf("Team decided"),
                figures = html.indexOf("<h2>Headline figures</h2>"),
                gates = html.indexOf("<h2>Gates</h2>"),
                flagged = html.indexOf("<h2>Flagged outliers</h2>"),
                history = html.indexOf("<h2>Decision history</h2>");
        assertTrue(
                0 < recommend
                        && recommend < team
                        && team < figures
                        && figures < gates
                        && gates < flagged
                        && flagged < history,
                "recommendation and decision first, long lists last: " + List.of(recommend, team, figures, gates));
        assertTrue(
                html.contains("HOLD</span>  by ana on 2026-11-21 09:00: note " + EVIL_HTML)
                        || html.contains("HOLD</span> by ana on 2026-11-21 09:00: note " + EVIL_HTML),
                html.substring(team, figures));
        if (!r.why().isEmpty()) assertTrue(html.contains("<th>Why</th><td>" + Escape.html(r.why()) + "</td>"));
        assertTrue(
                html.contains("<details><summary>12 reviewed pairs</summary>"), "a long list is folded with its count");
        assertTrue(html.indexOf("Decision log verified") < figures, "the log's state is said at the top");

        String md = ReportFormat.MD.render(r);
        assertTrue(md.startsWith("# gbr 2.0 \\(shadow\\) vs " + EVIL_MD), md);
        assertTrue(md.indexOf("- Team decided: HOLD by ana") < md.indexOf("## Headline figures"), md);
        assertTrue(md.contains("| baseline MAE / RMSE / accuracy |"), "the Markdown headline keeps MAE and RMSE");
        assertTrue(md.contains("| candidate MAE / RMSE / accuracy |"), md);

        JsonNode j = new ObjectMapper().readTree(ReportFormat.JSON.render(r));
        assertEquals(models, j.at("/report/title").asText());
        assertEquals(1, j.at("/report/decision_seq").asInt());
        assertFalse(j.at("/report/against_the_gates").asBoolean(), "holding never goes against the gates");
    }

    @Test
    void aDecisionAgainstTheGatesIsSaidSoAtTheTop() throws Exception {
        ReportContent before = content();
        assertFalse(before.verdict().recommendation() == dev.shadowbench.core.decide.Recommendation.PROMOTE);
        DecisionLog.append(
                c,
                new DecisionDraft(
                        DecisionType.PROMOTE, "ben", cmp.key(), "gbr", "2.0", "production", 1.0, "{}", "ship it"),
                LocalDateTime.of(2026, 11, 21, 10, 0));
        ReportContent r = content();
        assertEquals(2, r.decision().seq(), "the latest decision on this comparison");
        assertTrue(r.decidedAgainstTheGates());
        String html = ReportFormat.HTML.render(r);
        assertTrue(html.contains("PROMOTE</span>"), html);
        assertTrue(html.contains("(against the gates' recommendation)"));
        assertTrue(ReportFormat.MD.render(r).contains("**(against the gates' recommendation)**"));
    }

    @Test
    void aComparisonWithoutADecisionSaysSo() throws Exception {
        // another comparison (the candidate narrowed to its model) whose model version has no decision either
        cmp = new Comparison(Side.variant("live"), new Side("shadow", "gbr", null), null, null);
        ReportContent r = content();
        assertEquals(null, r.decision());
        assertTrue(ReportFormat.HTML.render(r).contains("No decision recorded for this comparison yet."));
    }

    @Test
    void findingsPrintFiguresNotRawDoubles() throws Exception {
        String html = HtmlReport.render(content());
        assertTrue(html.contains("<td>latency_p50_slower</td><td>warning</td><td>23</td><td>20</td>"), html);
        // figures as a computation leaves them, printed with 3 significant digits, never as Java writes a double
        String table = HtmlReport.findingsTable(List.of(
                new Summary.Finding("latency_slow", "info", 42.377549999999985, 4.546822239309953E-4, "detail")));
        assertTrue(table.contains("<td>42.4</td><td>4.55e-04</td>"), table);
        assertFalse(table.contains("42.3775") || table.contains("E-4"), table);
    }

    @Test
    void markdownEscapesMarkupPipesAndBackticks() throws Exception {
        String md = ReportFormat.MD.render(content());
        assertFalse(md.contains(EVIL));
        assertTrue(md.contains(EVIL_MD), md);
        assertTrue(md.contains("looks off \\| " + EVIL_MD));
        assertTrue(md.contains("1\\|0\\`x"), "pipes and backticks in a version are escaped");
        assertFalse(md.contains("1|0`x"));
    }

    @Test
    void jsonKeepsStringsAsDataAndHoldsEverySection() throws Exception {
        String text = ReportFormat.JSON.render(content());
        JsonNode j = new ObjectMapper().readTree(text);
        assertEquals(EVIL, j.at("/lifecycle/0/model").asText());
        ReportContent r = content();
        assertEquals(
                r.verdict().recommendation().id(),
                j.at("/summary/verdict/recommendation").asText());
        assertEquals(9, j.at("/summary/verdict/gates").size());
        boolean listed = false;
        for (JsonNode o : j.at("/summary/outliers"))
            listed |= EVIL.equals(o.get("request_id").asText());
        assertTrue(listed, "the hostile request id is kept as data: " + j.at("/summary/outliers"));
        assertEquals(1, j.at("/decisions").size());
        assertTrue(j.at("/verification/intact").asBoolean());
        assertEquals("wrong", j.at("/reviewed_sample/0/verdict").asText());
    }

    @Test
    void dismissalsAreListedInEveryFormat() throws Exception {
        assertTrue(ReportFormat.HTML.render(content()).contains("No flag dismissed for this comparison."));
        ReviewJson.Flag hostile = content().flags().stream()
                .filter(f -> f.requestId().equals(EVIL))
                .findFirst()
                .orElseThrow();
        OutlierStore.dismiss(c, cmp.key(), EVIL, hostile.rule(), "replayed traffic " + EVIL, "ana");
        ReportContent r = content();

        String html = ReportFormat.HTML.render(r);
        assertTrue(html.contains("<h2>Dismissed flags</h2>"), html);
        assertTrue(
                html.contains("<td>" + EVIL_HTML + "</td><td>" + hostile.rule() + "</td><td>replayed traffic "
                        + EVIL_HTML + "</td><td>ana</td>"),
                "request, rule, note and who, escaped");
        String md = ReportFormat.MD.render(r);
        assertTrue(md.contains("## Dismissed flags\n\n| Request | Rule | Note | Dismissed by | When \\(UTC\\) |"), md);
        assertTrue(md.contains("| replayed traffic " + EVIL_MD + " | ana |"), md);
        JsonNode j = new ObjectMapper().readTree(ReportFormat.JSON.render(r));
        assertEquals("ana", j.at("/dismissals/0/reviewer").asText());
        assertEquals(hostile.rule(), j.at("/dismissals/0/rule").asText());
        assertEquals(1, j.at("/report/dismissals_total").asInt());
    }

    @Test
    void tamperedLogShowsInTheReport() throws Exception {
        try (var st = c.createStatement()) {
            st.execute("UPDATE decisions SET reviewer = 'mallory' WHERE seq = 1");
        }
        String html = ReportFormat.HTML.render(content());
        assertTrue(html.contains("Decision log TAMPERED"), html);
        assertTrue(html.contains("seq 1 was altered"));
    }

    @Test
    void escapersCoverTheMarkupCharacters() {
        assertEquals("a &amp; b &lt;i&gt; &quot;q&quot; &#39;s&#39;", Escape.html("a & b <i> \"q\" 's'"));
        assertEquals(
                "\\| \\` \\* \\_ \\[x\\]\\(y\\) \\# &lt;b&gt; line two", Escape.md("| ` * _ [x](y) # <b> line\ntwo"));
    }

    @Test
    void reportChartsAreTheDashboardsPlotsOfTheSameData() throws Exception {
        ReportContent r = content();
        Summary s = r.review().summary();
        String html = ReportFormat.HTML.render(r);
        // the same chart model, laid out by the same code, written as SVG: the window paints these shapes
        String divergence = PlotSvg.render(SvgCharts.divergencePlot(s, SvgCharts.W, SvgCharts.H), false);
        String latency = PlotSvg.render(SvgCharts.latencyPlot(s, SvgCharts.W, SvgCharts.H, true), false);
        assertTrue(html.contains(divergence), "the signed divergence histogram");
        assertTrue(html.contains(latency), "the latency histogram (not percentile bars)");
        var h = s.divergence().signedHistogram();
        long bars = divergence.split("<rect").length - 2; // less the background
        assertEquals(h.counts().size() + (h.below() > 0 ? 1 : 0) + (h.above() > 0 ? 1 : 0), bars);
    }
}
