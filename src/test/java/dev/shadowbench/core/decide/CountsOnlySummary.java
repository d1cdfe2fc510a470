package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.PairIndex;
import dev.shadowbench.core.compare.Pairing;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * STAND-IN until the comparison engine is merged: a {@link SummarySource} that fills only {@code counts}
 * and {@code comparison} (from {@link PairIndex#open}); every other gate then reports "no data".
 */
public final class CountsOnlySummary implements SummarySource {

    @Override
    public ObjectNode summarize(Connection c, Comparison cmp) throws SQLException {
        Pairing.Coverage cov = PairIndex.open(c, cmp, dev.shadowbench.core.task.ProgressSink.NONE);
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        ObjectNode counts = s.putObject("counts");
        counts.put("baseline_rows", cov.baselineRows());
        counts.put("candidate_rows", cov.candidateRows());
        counts.put("paired", cov.paired());
        counts.put("baseline_only", cov.baselineOnly());
        counts.put("candidate_only", cov.candidateOnly());
        counts.put("duplicate_rows", cov.duplicateRows());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM quarantine")) {
            rs.next();
            counts.put("quarantined_rows", rs.getLong(1));
        }
        s.set("comparison", comparisonJson(cmp));
        return s;
    }

    /** The contract's {@code comparison} object. */
    public static ObjectNode comparisonJson(Comparison cmp) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("baseline", cmp.baseline().key());
        o.put("candidate", cmp.candidate().key());
        o.put("from", cmp.from() == null ? null : cmp.from().toString());
        o.put("to", cmp.to() == null ? null : cmp.to().toString());
        return o;
    }
}
