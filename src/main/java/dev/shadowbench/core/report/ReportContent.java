package dev.shadowbench.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.Verdict;
import dev.shadowbench.core.decide.Verification;
import java.util.List;

/**
 * Everything a decision report shows, gathered once and rendered as HTML, Markdown or JSON.
 * Lists are already capped ({@link ReportBuilder#MAX_ROWS}); totals say how many there were.
 */
public record ReportContent(String workspace, String generatedAt, ObjectNode summary, Verdict verdict,
                            List<ReviewedPair> reviewed, long reviewedTotal, List<SegmentRows> segments,
                            LifecycleBoard lifecycle, List<DecisionRecord> decisions, Verification verification) {

    /** A reviewer's latest verdict on a sampled pair. */
    public record ReviewedPair(String requestId, String verdict, String note, String reviewer, String recordedAt) {}

    /** Records per segment and variant in the comparison's window. */
    public record SegmentRows(String segment, String variant, long rows) {}

    public long outliersTotal() {
        var o = summary.get("outliers");
        return o == null || !o.isArray() ? 0 : o.size();
    }
}
