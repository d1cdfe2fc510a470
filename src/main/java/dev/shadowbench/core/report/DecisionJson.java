package dev.shadowbench.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.json.Json;

/** A decision record as JSON (the {@code decisions --json} and report form); evidence is embedded as an object. */
public final class DecisionJson {
    private static final ObjectMapper JSON = Json.mapper();

    private DecisionJson() {}

    public static ObjectNode of(DecisionRecord d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", d.seq());
        o.put("decided_at", d.decidedAt());
        o.put("decision", d.decision());
        o.put("reviewer", d.reviewer());
        o.put("comparison_key", d.comparisonKey());
        o.put("model", d.model());
        o.put("version", d.version());
        o.put("stage", d.stage());
        if (d.trafficShare() == null) o.putNull("traffic_share");
        else o.put("traffic_share", d.trafficShare());
        o.put("note", d.note());
        o.set("evidence", evidence(d.evidenceJson()));
        o.put("prev_hash", d.prevHash());
        o.put("hash", d.hash());
        return o;
    }

    private static JsonNode evidence(String json) {
        if (json == null) return JSON.nullNode();
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(json); // kept verbatim: an edited record must still be listable
        }
    }
}
