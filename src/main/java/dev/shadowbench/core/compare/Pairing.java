package dev.shadowbench.core.compare;

import dev.shadowbench.core.db.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pairs baseline and candidate records by correlation id. A request id logged more than once on one side counts
 * once (its earliest record: by timestamp, then import, then source line); the extra rows are reported as
 * duplicates. The result is kept in the workspace by {@link PairIndex}; {@link PairedComparison} names its tables
 * and their columns.
 */
public final class Pairing {
    private Pairing() {}

    /** Coverage of a pairing: each figure counts request ids except the two row counts and {@code duplicateRows}. */
    public record Coverage(
            long baselineRows,
            long candidateRows,
            long paired,
            long baselineOnly,
            long candidateOnly,
            long duplicateRows) {}

    /**
     * What a build made: the coverage, and the temp tables holding each side's deduplicated records (column
     * {@code n} = how many rows the side logged for the id), for the caller's further tables; the caller drops them.
     */
    record Built(Coverage coverage, String baseSide, String candSide) {}

    /** Builds the tables {@code <prefix>pairs}, {@code <prefix>arms} and {@code <prefix>side_days}, and the temp tables of {@link Built}. */
    static Built build(Db q, Comparison cmp, String prefix) throws SQLException {
        String base = "base_side", cand = "cand_side", pairs = prefix + "pairs";
        side(q, base, cmp.baseline(), cmp);
        side(q, cand, cmp.candidate(), cmp);
        q.execute("CREATE TABLE " + pairs + """
                 AS
                SELECT b.request_id, coalesce(b.ts, c.ts) AS ts, CAST(coalesce(b.ts, c.ts) AS DATE) AS day,
                       coalesce(b.segment, c.segment) AS segment,
                       b.prediction AS b_prediction, c.prediction AS c_prediction,
                       b.predicted_class AS b_class, c.predicted_class AS c_class,
                       b.ranking AS b_ranking, c.ranking AS c_ranking,
                       b.latency_ms AS b_latency, c.latency_ms AS c_latency,
                       b.feedback AS b_feedback, c.feedback AS c_feedback,
                       l.label, l.label_class
                """ + "FROM " + base + " b JOIN " + cand + """
                 c USING (request_id)
                LEFT JOIN (SELECT request_id, any_value(label) AS label, any_value(label_class) AS label_class
                           FROM labels GROUP BY request_id) l USING (request_id)""");
        String arm = "SELECT '%s' AS side, request_id, CAST(ts AS DATE) AS day, prediction, predicted_class, ranking, "
                + "latency_ms FROM %s";
        q.execute("CREATE TABLE " + prefix + "arms AS " + String.format(Locale.ROOT, arm, "b", base) + " UNION ALL "
                + String.format(Locale.ROOT, arm, "c", cand));
        String days =
                "SELECT '%s' AS side, CAST(ts AS DATE) AS day, count(*) AS ids, sum(n) AS rows, count(prediction) AS predictions, "
                        + "count(predicted_class) AS classes, count(ranking) AS rankings, count(latency_ms) AS latencies, "
                        + "count(feedback) AS feedback FROM %s GROUP BY day";
        q.execute("CREATE TABLE " + prefix + "side_days AS " + String.format(Locale.ROOT, days, "b", base)
                + " UNION ALL " + String.format(Locale.ROOT, days, "c", cand));
        Object[] r = q.row(
                "SELECT (SELECT sum(n) FROM " + base + "), (SELECT sum(n) FROM " + cand + "), (SELECT count(*) FROM "
                        + pairs + "), (SELECT count(*) FROM " + base + "), (SELECT count(*) FROM " + cand + "), "
                        + "(SELECT coalesce(sum(n - 1), 0) FROM " + base + ") + (SELECT coalesce(sum(n - 1), 0) FROM "
                        + cand + ")");
        long paired = Db.lng(r[2]);
        return new Built(
                new Coverage(
                        Db.lng(r[0]), Db.lng(r[1]), paired, Db.lng(r[3]) - paired, Db.lng(r[4]) - paired, Db.lng(r[5])),
                base,
                cand);
    }

    private static void side(Db q, String table, Side side, Comparison cmp) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = side.where("p", params) + " AND " + cmp.windowWhere("p", params);
        // NaN or infinite numbers count as "no value": one bad record must not turn every mean into NaN.
        String cols =
                "p.request_id, %s AS n, p.ts, p.segment, CASE WHEN isfinite(p.prediction) THEN p.prediction END AS prediction, "
                        + "p.predicted_class, p.ranking, CASE WHEN isfinite(p.latency_ms) THEN p.latency_ms END AS latency_ms, p.feedback";
        // Ids logged more than once are rare: find them with a plain count (cheap), then apply the earliest-record
        // rule to their few rows only. An arg_min over every id's whole record was 20x slower on 10M rows.
        // The count groups by a 64-bit hash of the id, not the id (2x faster on 10M rows): a hash seen once is an id
        // seen once, and the rare hashes seen more than once (a real duplicate, or two ids that collide) go through
        // the exact per-id path below, so a collision can cost time but never change a figure.
        String dups = "pairing_dups";
        q.execute(
                "CREATE OR REPLACE TEMP TABLE " + dups + " AS SELECT hash(p.request_id) AS h FROM predictions p "
                        + "WHERE " + where + " GROUP BY h HAVING count(*) > 1",
                params.toArray());
        List<Object> twice = new ArrayList<>(params);
        twice.addAll(params);
        q.execute(
                "CREATE OR REPLACE TEMP TABLE " + table + " AS "
                        + "SELECT " + String.format(Locale.ROOT, cols, "1") + " FROM predictions p ANTI JOIN " + dups
                        + " d ON hash(p.request_id) = d.h "
                        + "WHERE " + where + " UNION ALL "
                        + "SELECT " + String.format(Locale.ROOT, cols, "p.n")
                        + " FROM (SELECT p.*, count(*) OVER (PARTITION BY p.request_id) AS n, "
                        + "row_number() OVER (PARTITION BY p.request_id ORDER BY p.ts NULLS LAST, p.import_id, p.source_line NULLS FIRST) AS rn "
                        + "FROM predictions p SEMI JOIN " + dups + " d ON hash(p.request_id) = d.h WHERE " + where
                        + ") p WHERE rn = 1",
                twice.toArray());
        q.execute("DROP TABLE " + dups);
    }
}
