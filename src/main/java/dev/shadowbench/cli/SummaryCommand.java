package dev.shadowbench.cli;

import static dev.shadowbench.core.format.FigureFormat.count;
import static dev.shadowbench.core.format.FigureFormat.num;
import static dev.shadowbench.core.format.FigureFormat.pct;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.format.FigureFormat;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code summary}: every figure of a comparison, as one JSON object or a short text. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Compare a baseline with a candidate: coverage, divergence, latency, tests, labels, traffic.")
public final class SummaryCommand implements Callable<Integer> {
    private static final String NL = System.lineSeparator();

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @picocli.CommandLine.Mixin
    ComparisonOptions comparisonOptions;

    @Option(
            names = "--latency-budget-ms",
            description = "Latency budget in ms for this run (default: the workspace's budget, set in the window's "
                    + "Dashboard; 250 when never set)")
    Double budget;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Option(
            names = "--rule",
            paramLabel = "RULE.KEY=VALUE",
            description = "Change an outlier rule for this run, e.g. extreme.mad_k=8 or leak.enabled=off (repeatable; "
                    + "starts from the settings saved in the workspace)")
    java.util.List<String> rules = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.openExisting(workspace.file);
                Connection c = ws.connect()) {
            SummaryOptions options =
                    budget != null ? SummaryOptions.DEFAULT.withLatencyBudget(budget) : LatencyBudget.options(c);
            Comparison cmp = comparisonOptions.resolve(c);
            OutlierSettings ruleSettings = OutlierStore.loadSettings(c);
            for (String r : rules) ruleSettings = ruleSettings.with(r);
            ReviewSummary r =
                    ReviewSummary.compute(c, cmp, options, ruleSettings, GateSettingsStore.load(c), ProgressSink.NONE);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? ReviewJson.write(r) : Terminal.safe(text(r)));
            out.flush();
        }
        return 0;
    }

    static String text(ReviewSummary r) {
        Summary s = r.summary();
        StringBuilder sb = new StringBuilder();
        var cnt = s.counts();
        sb.append(s.comparison().baselineLabel())
                .append(" vs ")
                .append(s.comparison().candidateLabel())
                .append(NL);
        sb.append("Rows: baseline ")
                .append(count(cnt.baselineRows()))
                .append(", candidate ")
                .append(count(cnt.candidateRows()))
                .append("; paired ")
                .append(count(cnt.paired()))
                .append(", baseline only ")
                .append(count(cnt.baselineOnly()))
                .append(", candidate only ")
                .append(count(cnt.candidateOnly()))
                .append(", duplicate rows ")
                .append(count(cnt.duplicateRows()))
                .append(", quarantined ")
                .append(count(cnt.quarantinedRows()))
                .append(NL);
        var d = s.divergence();
        if (d != null && d.meanAbs() != null) {
            sb.append("Divergence (")
                    .append(d.kind())
                    .append(", ")
                    .append(d.measure())
                    .append("): mean ")
                    .append(num(d.meanAbs()))
                    .append(", median ")
                    .append(num(d.medianAbs()))
                    .append(", p95 ")
                    .append(num(d.p95Abs()))
                    .append(", max ")
                    .append(num(d.maxAbs()))
                    .append(NL);
        }
        if (d != null && d.disagreementRate() != null) {
            sb.append("Label disagreement: ").append(pct(d.disagreementRate())).append(NL);
        }
        var l = s.latencyMs();
        sb.append("Latency p50/p95/p99: baseline ")
                .append(latency(l.baseline()))
                .append(", candidate ")
                .append(latency(l.candidate()))
                .append(NL);
        var t = s.tests();
        if (t.predictionKs() != null) {
            sb.append("KS on predictions: D = ")
                    .append(num(t.predictionKs().statistic()))
                    .append(", ")
                    .append(FigureFormat.pIs(t.predictionKs().pValue()))
                    .append(" (")
                    .append(t.predictionKs().method())
                    .append("); PSI ")
                    .append(num(t.predictionPsi()))
                    .append(NL);
        }
        if (s.labels().baseline() != null) {
            var lb = s.labels().baseline();
            var lc = s.labels().candidate();
            sb.append("Labels (").append(count(s.labels().labelledPairs())).append(" pairs): ");
            sb.append(
                            lb.mae() != null
                                    ? "MAE " + num(lb.mae()) + " vs " + num(lc.mae()) + ", RMSE " + num(lb.rmse())
                                            + " vs " + num(lc.rmse())
                                    : "accuracy " + pct(lb.accuracy()) + " vs " + pct(lc.accuracy()))
                    .append(NL);
        }
        if (r.outliers() != null) {
            sb.append("Outliers: ")
                    .append(count(r.outliers().flaggedPairs()))
                    .append(" pairs flagged ")
                    .append(r.outliers().countsByRule())
                    .append(NL);
        }
        sb.append("Recommendation: ").append(r.verdict().recommendation().id()).append(NL);
        for (var f : r.findings())
            sb.append(f.severity().toUpperCase(Locale.ROOT))
                    .append(": ")
                    .append(f.detail())
                    .append(NL);
        s.unavailable()
                .forEach((k, v) ->
                        sb.append("n/a ").append(k).append(": ").append(v).append(NL));
        return sb.toString().stripTrailing();
    }

    private static String latency(Summary.Latency l) {
        return l == null
                ? "not recorded"
                : FigureFormat.ms(l.p50()) + " / " + FigureFormat.ms(l.p95()) + " / " + FigureFormat.ms(l.p99());
    }
}
