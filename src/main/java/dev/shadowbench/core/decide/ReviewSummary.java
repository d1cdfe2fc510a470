package dev.shadowbench.core.decide;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.LatencyBudget;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.PairedComparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryOptions;
import dev.shadowbench.core.compare.SummaryService;
import dev.shadowbench.core.outliers.OutlierDetector;
import dev.shadowbench.core.outliers.OutlierReport;
import dev.shadowbench.core.outliers.OutlierSettings;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole review of a comparison, computed once: the comparison engine's figures, the outlier rules' report
 * (null when there were no pairs to examine) and the gates' verdict. {@code summary --json}, the dashboard,
 * decisions and reports all read this, so they can never disagree; {@link ReviewJson} writes it as the contract.
 */
public record ReviewSummary(Summary summary, OutlierReport outliers, Verdict verdict) {

    /** Computes with explicit settings. */
    public static ReviewSummary compute(
            Connection c, Comparison cmp, SummaryOptions o, OutlierSettings rules, GateSettings gates, ProgressSink p)
            throws SQLException {
        p.progress(0, 0, "Pairing baseline and candidate records");
        PairedComparison pc = PairIndex.open(c, cmp, p);
        Summary s = SummaryService.compute(c, pc, o, p);
        OutlierReport report = null;
        if (s.counts().paired() > 0) {
            p.progress(0, 0, "Looking for too-good-to-be-true predictions");
            // One latency budget per review: the summary's, so its banner and the latency figures agree.
            OutlierSettings withBudget = rules.with("latency.budget_ms=" + o.latencyBudgetMs());
            // Against a synthetic baseline (a constant) "far from the baseline", "better by an implausible margin" and
            // "error far below the baseline's" describe any useful model, not a fault: they do not apply to a first
            // model (label_match still catches a candidate that sees the labels).
            if (s.comparison().baselineRecipe() != null)
                withBudget = withBudget
                        .withEnabled("divergence", false)
                        .withEnabled("margin", false)
                        .withEnabled("leak", false);
            report = OutlierDetector.detect(c, pc, withBudget, p);
            // the flagged share per segment and day, from every flag (the report lists a capped number)
            if (s.breakdowns() != null)
                s = s.withBreakdowns(s.breakdowns()
                        .withFlagged(
                                OutlierDetector.flaggedBy(c, pc, "segment"), OutlierDetector.flaggedBy(c, pc, "day")));
        }
        // ... and the p99 gate's absolute limit is that budget too.
        GateSettings withGateBudget = gates.withLatencyBudgetMs(o.latencyBudgetMs());
        return new ReviewSummary(s, report, GateEngine.evaluate(s, report, withGateBudget));
    }

    /** Computes with the settings stored in the workspace (outlier rules, gate thresholds). */
    public static ReviewSummary compute(Connection c, Comparison cmp, SummaryOptions o, ProgressSink p)
            throws SQLException {
        return compute(c, cmp, o, OutlierStore.loadSettings(c), GateSettingsStore.load(c), p);
    }

    /** Computes with everything the workspace stores: its latency budget, outlier rules and gate thresholds. */
    public static ReviewSummary compute(Connection c, Comparison cmp, ProgressSink p) throws SQLException {
        return compute(c, cmp, LatencyBudget.options(c), p);
    }

    /**
     * A {@link SummarySource} for decisions and reports: the workspace's latency budget and outlier rules, the given
     * gate settings.
     */
    public static SummarySource workspaceSource() {
        return (c, cmp, gates) ->
                compute(c, cmp, LatencyBudget.options(c), OutlierStore.loadSettings(c), gates, ProgressSink.NONE);
    }

    /** A {@link SummarySource} for decisions and reports: the workspace's outlier rules, the given gate settings. */
    public static SummarySource source(SummaryOptions o) {
        return (c, cmp, gates) -> compute(c, cmp, o, OutlierStore.loadSettings(c), gates, ProgressSink.NONE);
    }

    /** The comparison engine's findings, then the outlier rules' banners. */
    public List<Summary.Finding> findings() {
        if (outliers == null) return summary.findings();
        List<Summary.Finding> all = new ArrayList<>(summary.findings());
        outliers.findings()
                .forEach(f ->
                        all.add(new Summary.Finding(f.rule(), f.severity(), f.value(), f.threshold(), f.detail())));
        return List.copyOf(all);
    }
}
