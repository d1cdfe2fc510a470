package dev.shadowbench.core.decide;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.outliers.OutlierStore;
import dev.shadowbench.core.review.PairVerdict;
import dev.shadowbench.core.review.ReviewLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What people have looked at before deciding: the sampled pairs reviewed (per verdict) and the outlier flags still
 * open (listed flags minus dismissed ones). Shown beside the decision form and stored in the decision's evidence.
 */
public record ReviewEvidence(Map<PairVerdict, Long> verdicts, long flags, long dismissedFlags) {

    public static ReviewEvidence load(Connection c, Comparison cmp, ReviewSummary review) throws SQLException {
        Map<PairVerdict, Long> verdicts = ReviewLog.counts(c, cmp);
        if (review.outliers() == null) return new ReviewEvidence(verdicts, 0, 0);
        Map<String, OutlierStore.Dismissal> dismissed = OutlierStore.dismissals(c, cmp.key());
        long flags = review.outliers().flagged().size();
        long gone = review.outliers().flagged().stream()
                .filter(o -> dismissed.containsKey(OutlierStore.Dismissal.key(o.requestId(), o.rule())))
                .count();
        return new ReviewEvidence(Map.copyOf(verdicts), flags, gone);
    }

    public long reviewed() {
        return verdicts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(PairVerdict v) {
        return verdicts.getOrDefault(v, 0L);
    }

    public long openFlags() {
        return flags - dismissedFlags;
    }
}
