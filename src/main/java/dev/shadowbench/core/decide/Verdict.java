package dev.shadowbench.core.decide;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The gates' outcome: a recommendation, the score it came from (null when no gate had data), the gates. */
public record Verdict(Recommendation recommendation, Double score, List<GateResult> gates) {

    /** The summary contract's {@code verdict} object, plus score, status, critical and detail per gate. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode v = f.objectNode();
        v.put("recommendation", recommendation.id());
        if (score == null) v.putNull("score"); else v.put("score", score);
        ArrayNode arr = v.putArray("gates");
        for (GateResult g : gates) {
            ObjectNode o = arr.addObject();
            o.put("name", g.name());
            o.put("label", g.label());
            if (g.value() == null) o.putNull("value"); else o.put("value", g.value());
            o.put("unit", g.unit());
            o.put("threshold", g.threshold());
            if (g.passed() == null) o.putNull("passed"); else o.put("passed", g.passed());
            o.put("status", g.status().label());
            o.put("critical", g.critical());
            o.put("detail", g.detail());
        }
        return v;
    }

    public long count(GateStatus s) { return gates.stream().filter(g -> g.status() == s).count(); }
}
