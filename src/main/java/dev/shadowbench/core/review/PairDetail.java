package dev.shadowbench.core.review;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.compare.Side;
import dev.shadowbench.core.workspace.Workspace;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every stored field of one request's records on both sides, and its label, for the detail pane. */
public record PairDetail(
        String requestId,
        List<Map<String, String>> baseline,
        List<Map<String, String>> candidate,
        List<Map<String, String>> labels) {

    public static PairDetail load(Workspace ws, Comparison cmp, String requestId) {
        return ws.read(c -> {
            PairDetail d = new PairDetail(
                    requestId,
                    rows(c, cmp.baseline(), requestId),
                    rows(c, cmp.candidate(), requestId),
                    query(c, "SELECT * FROM labels WHERE request_id = ?", List.of(requestId)));
            return d.baseline().isEmpty() && d.candidate().isEmpty() ? fromExtract(c, cmp, requestId, d) : d;
        });
    }

    /**
     * A pair of an imported Spark extract (its sample, extremes and flagged pairs hold each side's values as the job
     * paired them), or {@code none} when no extract of the sides holds the request: the desk has no record of it.
     */
    private static PairDetail fromExtract(java.sql.Connection c, Comparison cmp, String requestId, PairDetail none)
            throws java.sql.SQLException {
        List<Object> params = List.of(cmp.baseline().key(), cmp.candidate().key(), requestId);
        String from = " FROM extract.pairs p JOIN extract.extracts e USING (extract_id) WHERE e.baseline = ? AND "
                + "e.candidate = ? AND p.request_id = ?";
        String side = "SELECT p.request_id, p.ts, p.segment, p.%1$s_prediction AS prediction, p.%1$s_class AS "
                + "predicted_class, p.%1$s_ranking AS ranking, p.%1$s_latency AS latency_ms, p.%1$s_feedback AS feedback, "
                + "'extract ' || e.extract_id || ' (' || e.source || ')' AS source";
        List<Map<String, String>> b = query(c, String.format(java.util.Locale.ROOT, side, "b") + from, params);
        if (b.isEmpty()) return none;
        return new PairDetail(
                requestId,
                b,
                query(c, String.format(java.util.Locale.ROOT, side, "c") + from, params),
                query(
                        c,
                        "SELECT p.request_id, p.label, p.label_class" + from + " AND (p.label IS NOT NULL OR "
                                + "p.label_class IS NOT NULL)",
                        params));
    }

    private static List<Map<String, String>> rows(java.sql.Connection c, Side side, String id)
            throws java.sql.SQLException {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String sql = "SELECT * FROM predictions p WHERE request_id = ? AND " + side.where("p", params)
                + " ORDER BY ts, import_id, source_line";
        return query(c, sql, params);
    }

    private static List<Map<String, String>> query(java.sql.Connection c, String sql, List<Object> params)
            throws java.sql.SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(md.getColumnName(i), v == null ? null : String.valueOf(v));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
