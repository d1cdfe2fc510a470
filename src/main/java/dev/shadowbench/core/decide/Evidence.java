package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.json.Json;
import dev.shadowbench.core.review.PairVerdict;

/**
 * The snapshot stored with a decision: the comparison, headline counts and every gate's figures at that moment,
 * as compact JSON with the keys of the summary contract's {@code comparison}, {@code counts} and {@code verdict}.
 */
public final class Evidence {
    private Evidence() {}

    /**
     * The review's snapshot plus what people had looked at (sampled pairs per verdict, flags open and dismissed) and,
     * when the decision goes against the gates, what they recommended and the reviewer's reason. It lives inside the
     * hashed evidence, so the record format, and every older log's verification, stay as they were.
     */
    public static String of(DecisionDesk.Assessment a, DecisionType type, String reason) {
        ObjectNode e = tree(a.review());
        ReviewEvidence seen = a.evidence();
        if (seen != null) {
            ObjectNode reviewed = e.putObject("reviewed_sample");
            for (PairVerdict v : PairVerdict.values()) reviewed.put(v.code(), seen.count(v));
            ObjectNode flags = e.putObject("outlier_flags");
            flags.put("listed", seen.flags());
            flags.put("dismissed", seen.dismissedFlags());
            flags.put("open", seen.openFlags());
        }
        if (a.against(type)) {
            ObjectNode against = e.putObject("against_recommendation");
            against.put("recommended", a.verdict().recommendation().id());
            against.put("decided", type.id());
            against.put("reason", reason);
        }
        return e.toString();
    }

    private static ObjectNode tree(ReviewSummary r) {
        ObjectMapper m = Json.mapper();
        ObjectNode e = m.createObjectNode();
        e.set("comparison", m.valueToTree(r.summary().comparison()));
        e.set("counts", m.valueToTree(r.summary().counts()));
        e.set("verdict", m.valueToTree(r.verdict()));
        return e;
    }
}
