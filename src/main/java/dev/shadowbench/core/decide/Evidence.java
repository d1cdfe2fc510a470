package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The snapshot stored with a decision: the comparison, headline counts and every gate's figures at that moment. */
public final class Evidence {
    private Evidence() {}

    public static ObjectNode of(ObjectNode summary, Verdict verdict) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        if (summary.has("comparison")) e.set("comparison", summary.get("comparison"));
        if (summary.has("counts")) e.set("counts", summary.get("counts"));
        e.set("verdict", verdict.toJson());
        return e;
    }
}
