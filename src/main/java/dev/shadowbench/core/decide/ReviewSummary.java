package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Summary;
import dev.shadowbench.core.compare.SummaryJson;
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
import java.util.Map;

/**
 * The whole review of a comparison, computed once: the comparison engine's figures, the outlier rules'
 * flags and findings, and the gates' verdict. {@code summary --json}, the dashboard, decisions and reports
 * all read this, so they can never disagree.
 */
public final class ReviewSummary {
    private ReviewSummary() {}

    /** Computes with explicit settings. */
    public static Summary compute(Connection c, Comparison cmp, SummaryOptions o, OutlierSettings rules,
                                  GateSettings gates, ProgressSink p) throws SQLException {
        Summary s = SummaryService.compute(c, cmp, o, p);
        List<Summary.Outlier> flagged = new ArrayList<>();
        List<Summary.Finding> findings = new ArrayList<>(s.findings());
        Summary.OutlierCounts counts = null;
        if (s.counts().paired() > 0) {
            p.progress(0, 0, "Looking for too-good-to-be-true predictions");
            // One latency budget per review: the summary's, so its banner and the latency figures agree.
            OutlierSettings withBudget = rules.with("latency.budget_ms=" + o.latencyBudgetMs());
            OutlierReport r = OutlierDetector.detect(c, withBudget, p);  // reads the `pairs` table the summary left
            r.flagged().forEach(x -> flagged.add(new Summary.Outlier(x.requestId(), x.rule(), x.detail())));
            r.findings().forEach(f -> findings.add(new Summary.Finding(f.rule(), f.severity(), f.value(), f.threshold(), f.detail())));
            counts = new Summary.OutlierCounts(r.flaggedPairs(), r.flagged().size(), r.listLimit(), r.countsByRule());
        }
        Summary withFlags = s.withReview(flagged, counts, findings, null);
        JsonNode tree = SummaryJson.mapper().valueToTree(withFlags);
        ObjectNode verdict = GateEngine.evaluate(tree, gates).toJson();
        return withFlags.withReview(flagged, counts, findings, verdict);
    }

    /** Computes with the settings stored in the workspace (outlier rules, gate thresholds). */
    public static Summary compute(Connection c, Comparison cmp, SummaryOptions o, ProgressSink p) throws SQLException {
        return compute(c, cmp, o, OutlierStore.loadSettings(c), GateSettingsStore.load(c), p);
    }

    /** The contract JSON of {@link #compute(Connection, Comparison, SummaryOptions, ProgressSink)}. */
    public static ObjectNode json(Summary s) {
        return SummaryJson.mapper().valueToTree(s);
    }

    /** A {@link SummarySource} for decisions and reports, with the workspace's stored settings. */
    public static SummarySource source(SummaryOptions o) {
        return (c, cmp) -> json(compute(c, cmp, o, ProgressSink.NONE));
    }
}
