package dev.shadowbench.core.compare;

import dev.shadowbench.core.task.ProgressSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs baseline and candidate records by correlation id into the connection's temp table {@code pairs}.
 * A request id logged more than once on one side counts once (its earliest record: by timestamp, then
 * import, then source line); the extra rows are reported as duplicates. Columns of {@code pairs}:
 * request_id, ts, day, segment, b_prediction, c_prediction, b_class, c_class, b_ranking, c_ranking,
 * b_latency, c_latency, b_feedback, c_feedback, label, label_class.
 * Temp tables {@code base_side} and {@code cand_side} hold each side's deduplicated records (column
 * {@code n} = how many rows the side logged for the id).
 */
public final class Pairing {
    private Pairing() {}

    /** Coverage of a pairing: each figure counts request ids except the two row counts and {@code duplicateRows}. */
    public record Coverage(long baselineRows, long candidateRows, long paired, long baselineOnly,
                           long candidateOnly, long duplicateRows) {}

    public static Coverage materialize(Connection c, Comparison cmp) throws SQLException {
        try (Queries q = new Queries(c, ProgressSink.NONE)) {
            return materialize(q, cmp);
        }
    }

    static Coverage materialize(Queries q, Comparison cmp) throws SQLException {
        side(q, "base_side", cmp.baseline(), cmp);
        side(q, "cand_side", cmp.candidate(), cmp);
        q.exec("""
                CREATE OR REPLACE TEMP TABLE pairs AS
                SELECT b.request_id, coalesce(b.ts, c.ts) AS ts, CAST(coalesce(b.ts, c.ts) AS DATE) AS day,
                       coalesce(b.segment, c.segment) AS segment,
                       b.prediction AS b_prediction, c.prediction AS c_prediction,
                       b.predicted_class AS b_class, c.predicted_class AS c_class,
                       b.ranking AS b_ranking, c.ranking AS c_ranking,
                       b.latency_ms AS b_latency, c.latency_ms AS c_latency,
                       b.feedback AS b_feedback, c.feedback AS c_feedback,
                       l.label, l.label_class
                FROM base_side b JOIN cand_side c USING (request_id)
                LEFT JOIN (SELECT request_id, any_value(label) AS label, any_value(label_class) AS label_class
                           FROM labels GROUP BY request_id) l USING (request_id)""");
        Object[] r = q.row("""
                SELECT (SELECT sum(n) FROM base_side), (SELECT sum(n) FROM cand_side), (SELECT count(*) FROM pairs),
                       (SELECT count(*) FROM base_side), (SELECT count(*) FROM cand_side),
                       (SELECT coalesce(sum(n - 1), 0) FROM base_side) + (SELECT coalesce(sum(n - 1), 0) FROM cand_side)""");
        long paired = Queries.lng(r[2]);
        return new Coverage(Queries.lng(r[0]), Queries.lng(r[1]), paired,
                Queries.lng(r[3]) - paired, Queries.lng(r[4]) - paired, Queries.lng(r[5]));
    }

    private static void side(Queries q, String table, Side side, Comparison cmp) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = side.where("p", params) + " AND " + cmp.windowWhere("p", params);
        // Only the columns the figures need travel through the aggregate: arg_min over whole rows
        // (with the raw payload in `extra`) costs several times more on large logs.
        q.exec("CREATE OR REPLACE TEMP TABLE " + table + " AS "
                + "SELECT request_id, n, r.ts AS ts, r.segment AS segment, r.prediction AS prediction, "
                + "r.predicted_class AS predicted_class, r.ranking AS ranking, r.latency_ms AS latency_ms, "
                + "r.feedback AS feedback, r.model AS model, r.version AS version FROM ("
                + "SELECT request_id, count(*) AS n, "
                + "arg_min({ts: p.ts, segment: p.segment, prediction: p.prediction, predicted_class: p.predicted_class, "
                + "ranking: p.ranking, latency_ms: p.latency_ms, feedback: p.feedback, model: p.model, version: p.version}, "
                + "(coalesce(p.ts, TIMESTAMP '9999-12-31'), p.import_id, coalesce(p.source_line, 0))) AS r "
                + "FROM predictions p WHERE " + where + " GROUP BY request_id)", params.toArray());
    }
}
