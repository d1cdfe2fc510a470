package dev.shadowbench.cli;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.decide.GateSettingsStore;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.ReviewSummary;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import dev.shadowbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code summary}: every figure of a comparison, as one JSON object or a short text. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Compare a baseline with a candidate: coverage, divergence, latency, tests, labels, traffic.")
public final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = {"-w", "--workspace"}, required = true, description = "Workspace file (.duckdb)") Path workspace;
    @picocli.CommandLine.Mixin ComparisonOptions comparisonOptions;
    @Option(names = "--latency-budget-ms", defaultValue = "100", description = "Latency budget in ms (default ${DEFAULT-VALUE})") double budget;
    @Option(names = "--json", description = "Print one JSON object") boolean json;
    @Option(names = "--rule", paramLabel = "RULE.KEY=VALUE",
            description = "Change an outlier rule for this run, e.g. extreme.mad_k=8 or leak.enabled=off (repeatable; "
                    + "starts from the settings saved in the workspace)") java.util.List<String> rules = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SummaryOptions options = SummaryOptions.DEFAULT.withLatencyBudget(budget);
        try (Workspace ws = Workspace.openExisting(workspace); Connection c = ws.connect()) {
            Comparison cmp = comparisonOptions.resolve(c);
            OutlierSettings ruleSettings = OutlierStore.loadSettings(c);
            for (String r : rules) ruleSettings = ruleSettings.with(r);
            ReviewSummary r = ReviewSummary.compute(c, cmp, options, ruleSettings, GateSettingsStore.load(c), ProgressSink.NONE);
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
        sb.append(String.format(Locale.ROOT, "%s vs %s%n", s.comparison().baselineLabel(), s.comparison().candidateLabel()));
        sb.append(String.format(Locale.ROOT, "Rows: baseline %d, candidate %d; paired %d, baseline only %d, candidate only %d, "
                + "duplicate rows %d, quarantined %d%n", cnt.baselineRows(), cnt.candidateRows(), cnt.paired(),
                cnt.baselineOnly(), cnt.candidateOnly(), cnt.duplicateRows(), cnt.quarantinedRows()));
        var d = s.divergence();
        if (d != null && d.meanAbs() != null) {
            sb.append(String.format(Locale.ROOT, "Divergence (%s, %s): mean %.4g, median %.4g, p95 %.4g, max %.4g%n",
                    d.kind(), d.measure(), d.meanAbs(), d.medianAbs(), d.p95Abs(), d.maxAbs()));
        }
        if (d != null && d.disagreementRate() != null) {
            sb.append(String.format(Locale.ROOT, "Label disagreement: %.2f%%%n", 100 * d.disagreementRate()));
        }
        var l = s.latencyMs();
        sb.append("Latency p50/p95/p99 ms: baseline ").append(latency(l.baseline()))
                .append(", candidate ").append(latency(l.candidate())).append(System.lineSeparator());
        var t = s.tests();
        if (t.predictionKs() != null) {
            sb.append(String.format(Locale.ROOT, "KS on predictions: D = %.4g, p = %.3g (%s); PSI %.4g%n",
                    t.predictionKs().statistic(), t.predictionKs().pValue(), t.predictionKs().method(),
                    t.predictionPsi() == null ? Double.NaN : t.predictionPsi()));
        }
        if (s.labels().baseline() != null) {
            var lb = s.labels().baseline();
            var lc = s.labels().candidate();
            sb.append(lb.mae() != null
                    ? String.format(Locale.ROOT, "Labels (%d pairs): MAE %.4g vs %.4g, RMSE %.4g vs %.4g%n",
                        s.labels().labelledPairs(), lb.mae(), lc.mae(), lb.rmse(), lc.rmse())
                    : String.format(Locale.ROOT, "Labels (%d pairs): accuracy %.4g vs %.4g%n",
                        s.labels().labelledPairs(), lb.accuracy(), lc.accuracy()));
        }
        if (r.outliers() != null) {
            sb.append(String.format(Locale.ROOT, "Outliers: %d pairs flagged %s%n", r.outliers().flaggedPairs(),
                    r.outliers().countsByRule()));
        }
        sb.append("Recommendation: ").append(r.verdict().recommendation().id()).append(System.lineSeparator());
        for (var f : r.findings()) sb.append(f.severity().toUpperCase(Locale.ROOT)).append(": ").append(f.detail()).append(System.lineSeparator());
        s.unavailable().forEach((k, v) -> sb.append("n/a ").append(k).append(": ").append(v).append(System.lineSeparator()));
        return sb.toString().stripTrailing();
    }

    private static String latency(Summary.Latency l) {
        return l == null ? "not recorded" : String.format(Locale.ROOT, "%.1f/%.1f/%.1f", l.p50(), l.p95(), l.p99());
    }
}
