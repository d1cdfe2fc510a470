package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.json.Json;

/**
 * The snapshot stored with a decision: the comparison, headline counts and every gate's figures at that moment,
 * as compact JSON with the keys of the summary contract's {@code comparison}, {@code counts} and {@code verdict}.
 */
public final class Evidence {
    private Evidence() {}

    public static String of(ReviewSummary r) {
        ObjectMapper m = Json.mapper();
        ObjectNode e = m.createObjectNode();
        e.set("comparison", m.valueToTree(r.summary().comparison()));
        e.set("counts", m.valueToTree(r.summary().counts()));
        e.set("verdict", m.valueToTree(r.verdict()));
        return e.toString();
    }
}
