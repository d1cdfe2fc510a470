package dev.shadowbench.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shadowbench.core.decide.DecisionRecord;
import dev.shadowbench.core.decide.LifecycleBoard;
import dev.shadowbench.core.decide.ReviewJson;
import dev.shadowbench.core.decide.Verification;
import dev.shadowbench.core.json.Json;

/** The report as one JSON object: the summary (with the verdict), lifecycle, sample, decisions and verification. */
public final class JsonReport {
    private static final ObjectMapper JSON = Json.mapper();

    private JsonReport() {}

    public static ObjectNode toJson(ReportContent r) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode meta = o.putObject("report");
        meta.put("workspace", r.workspace());
        meta.put("generated_at", r.generatedAt());
        meta.put("title", r.title());
        meta.put("baseline_models", r.names().baseline());
        meta.put("candidate_models", r.names().candidate());
        meta.put("why", r.why());
        meta.put("team_decision", r.decisionLine());
        meta.put("decision_seq", r.decision() == null ? null : r.decision().seq());
        meta.put("against_the_gates", r.decidedAgainstTheGates());
        ObjectNode summary = ReviewJson.tree(r.review());
        JsonNode outliers = summary.get("outliers");
        if (outliers != null && outliers.isArray() && outliers.size() > ReportBuilder.MAX_ROWS) {
            ArrayNode capped = JSON.createArrayNode();
            for (int i = 0; i < ReportBuilder.MAX_ROWS; i++) capped.add(outliers.get(i));
            summary.set("outliers", capped);
            meta.put("outliers_total", outliers.size());
        }
        o.set("summary", summary);
        ArrayNode segs = o.putArray("segments");
        r.segments().forEach(sg -> segs.addObject()
                .put("segment", sg.segment())
                .put("variant", sg.variant())
                .put("rows", sg.rows()));
        ArrayNode reviewed = o.putArray("reviewed_sample");
        r.reviewed().forEach(p -> reviewed.addObject()
                .put("request_id", p.requestId())
                .put("verdict", p.verdict())
                .put("note", p.note())
                .put("reviewer", p.reviewer())
                .put("recorded_at", p.recordedAt()));
        meta.put("reviewed_total", r.reviewedTotal());
        ArrayNode dismissed = o.putArray("dismissals");
        r.dismissals().stream().limit(ReportBuilder.MAX_ROWS).forEach(d -> dismissed
                .addObject()
                .put("request_id", d.requestId())
                .put("rule", d.rule())
                .put("note", d.note())
                .put("reviewer", d.reviewer())
                .put(
                        "dismissed_at",
                        d.dismissedAt() == null ? null : d.dismissedAt().toString()));
        meta.put("dismissals_total", r.dismissals().size());
        ArrayNode versions = o.putArray("lifecycle");
        for (LifecycleBoard.VersionState v : r.lifecycle().versions()) {
            versions.addObject()
                    .put("model", v.model())
                    .put("version", v.version())
                    .put("stage", v.stageText())
                    .put("traffic_share", v.trafficShare())
                    .put("since", v.since())
                    .put("reminder", v.reminder());
        }
        o.put("rollback_target", r.lifecycle().rollbackTarget());
        o.set("decisions", decisionsJson(r));
        Verification ver = r.verification();
        ObjectNode vj = o.putObject("verification");
        vj.put("intact", ver.intact());
        vj.put("records", ver.records());
        vj.put("head", ver.headLine());
        if (ver.head() != null)
            vj.putObject("head_record")
                    .put("seq", ver.head().seq())
                    .put("hash", ver.head().hash());
        ArrayNode probs = vj.putArray("problems");
        ver.problems().forEach(p -> probs.addObject()
                .put("seq", p.seq())
                .put("kind", p.kind())
                .put("message", p.message()));
        return o;
    }

    private static ArrayNode decisionsJson(ReportContent r) {
        ArrayNode arr = JSON.createArrayNode();
        for (DecisionRecord d : r.decisions()) arr.add(DecisionJson.of(d));
        return arr;
    }

    public static String render(ReportContent r) {
        try {
            return JSON.writeValueAsString(toJson(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
