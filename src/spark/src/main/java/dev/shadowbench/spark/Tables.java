package dev.shadowbench.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The extract's count tables (EXTRACT.md, "Tables"), each one GROUP BY over the view {@code requests} (one row per
 * request id, {@link Pairing}): per side and record day, per pair day and segment. Counts and sums only, so the tables
 * of a window are the union of its days' tables.
 */
final class Tables {
    private Tables() {}

    /** A paired request: on both sides. */
    static final String PAIRED = "b_n > 0 AND c_n > 0";
    /** The day of a pair: its baseline record's, else its candidate's. */
    static final String PAIR_DAY = "to_date(coalesce(b_ts, c_ts))";

    static final String PAIR_SEGMENT = "coalesce(b_segment, c_segment)";

    /** Every table but {@code pairs} and {@code flagged}, by name, in the manifest's order. */
    static Map<String, Dataset<Row>> all(SparkSession spark, int digits, int topK) {
        Map<String, Dataset<Row>> t = new LinkedHashMap<>();
        t.put("side_days", spark.sql(sideDays()));
        t.put("coverage", spark.sql(coverage()));
        t.put("pair_groups", spark.sql(pairGroups()));
        t.put("value_counts", spark.sql(valueCounts(digits, topK)));
        t.put("label_sums", spark.sql(labelSums()));
        t.put("class_pairs", spark.sql(classPairs()));
        t.put("class_arms", spark.sql(classArms()));
        t.put("ranking_hits", spark.sql(rankingHits(topK)));
        t.put("ranking_items", spark.sql(rankingItems(topK)));
        return t;
    }

    /** Both sides' earliest records as rows with a {@code side} column ('baseline', 'candidate'). */
    static String arms(String... extra) {
        List<String> parts = new ArrayList<>();
        for (String s : List.of("b", "c")) {
            StringBuilder sb = new StringBuilder("SELECT '" + (s.equals("b") ? "baseline" : "candidate") + "' AS side");
            sb.append(", request_id, ").append(s).append("_n AS n");
            for (String f : Pairing.RECORD)
                sb.append(", ").append(s).append('_').append(f).append(" AS ").append(f);
            sb.append(", ").append(s).append("_feedback_any AS feedback_any, ");
            sb.append(s).append("_complaint_any AS complaint_any, label, label_class, y, items");
            for (String e : extra) sb.append(", ").append(e.replace("{s}", s));
            sb.append(" FROM requests WHERE ").append(s).append("_n > 0");
            parts.add(sb.toString());
        }
        return "(" + String.join(" UNION ALL ", parts) + ")";
    }

    static String sideDays() {
        return "SELECT day, side, sum(n) AS rows, count(*) AS ids, count(prediction) AS predictions, "
                + "count(class) AS classes, count(ranking) AS rankings, count(latency) AS latencies, "
                + "count(feedback) AS feedback, count_if(feedback_any) AS feedback_ids, "
                + "count_if(complaint_any) AS complaint_ids FROM " + arms() + " GROUP BY day, side";
    }

    static String coverage() {
        return "SELECT day, sum(paired) AS paired, sum(baseline_only) AS baseline_only, "
                + "sum(candidate_only) AS candidate_only FROM ("
                + "SELECT CASE WHEN " + PAIRED + " THEN " + PAIR_DAY
                + " WHEN b_n > 0 THEN b_day ELSE c_day END AS day, "
                + "CAST(" + PAIRED + " AS INT) AS paired, CAST(b_n > 0 AND c_n = 0 AS INT) AS baseline_only, "
                + "CAST(c_n > 0 AND b_n = 0 AS INT) AS candidate_only FROM requests WHERE b_n > 0 OR c_n > 0"
                + ") GROUP BY day";
    }

    /** The paired requests, with the pair's day and segment. */
    static String pairs() {
        return "(SELECT *, " + PAIR_DAY + " AS day, " + PAIR_SEGMENT + " AS segment FROM requests WHERE " + PAIRED
                + ")";
    }

    static String pairGroups() {
        return "SELECT day, segment, count(*) AS pairs, count_if(b_class IS NOT NULL AND c_class IS NOT NULL) AS classed, "
                + "count_if(b_class IS NOT NULL AND c_class IS NOT NULL AND b_class <> c_class) AS differ FROM "
                + pairs() + " GROUP BY day, segment";
    }

    /** R_P(x): x rounded to {@code p} significant digits, exactly as EXTRACT.md defines it. */
    static String rounded(String x, int p) {
        StringBuilder pow = new StringBuilder("array(");
        for (int k = 0; k <= 22; k++)
            pow.append(k == 0 ? "" : ", ").append("CAST('1e").append(k).append("' AS DOUBLE)");
        pow.append(')');
        String s = "(" + (p - 1) + " - CAST(floor(log10(abs(" + x + "))) AS INT))";
        return "CASE WHEN " + x + " = 0 THEN 0D "
                + "WHEN " + s + " BETWEEN 0 AND 22 THEN round(" + x + " * element_at(" + pow + ", " + s + " + 1)) / "
                + "element_at(" + pow + ", " + s + " + 1) "
                + "WHEN " + s + " BETWEEN -22 AND -1 THEN round(" + x + " / element_at(" + pow + ", 1 - " + s + ")) * "
                + "element_at(" + pow + ", 1 - " + s + ") "
                + "ELSE " + x + " END";
    }

    static String valueCounts(int digits, int topK) {
        String d = "(c_prediction - b_prediction)";
        String k = String.valueOf(topK);
        String rankDiv =
                "CASE WHEN b_ranking IS NOT NULL AND c_ranking IS NOT NULL THEN 1 - size(array_intersect(slice(b_ranking, 1, "
                        + k + "), slice(c_ranking, 1, " + k + "))) / CAST(greatest(least(" + k
                        + ", greatest(size(b_ranking), size(c_ranking))), 1) AS DOUBLE) END";
        String rel = "CASE WHEN b_prediction <> 0 THEN ";
        String pairMeasures = "inline(array("
                + m("abs_difference", "pair", "abs" + d) + ", "
                + m("rel_difference", "pair", rel + "abs" + d + " / abs(b_prediction) END") + ", "
                + m("signed_difference", "pair", d) + ", "
                + m("signed_rel_difference", "pair", rel + d + " / abs(b_prediction) END") + ", "
                + m("pair_latency", "baseline", "b_latency") + ", "
                + m("pair_latency", "candidate", "c_latency") + ", "
                + m("ranking_divergence", "pair", rankDiv) + "))";
        String armMeasures = "inline(array(" + m("prediction", "{side}", "prediction") + ", "
                + m("latency", "{side}", "latency") + "))";
        String values = "SELECT day, segment, measure, side, v FROM (SELECT day, segment, " + pairMeasures + " FROM "
                + pairs() + ") UNION ALL SELECT day, segment, measure, side, v FROM (SELECT day, segment, "
                + armMeasures.replace("'{side}'", "side") + " FROM " + arms() + ")";
        return "SELECT day, segment, measure, side, x, count(*) AS n FROM (SELECT day, segment, measure, side, "
                + rounded("v", digits) + " AS x FROM (" + values + ") WHERE v IS NOT NULL) "
                + "GROUP BY day, segment, measure, side, x";
    }

    private static String m(String measure, String side, String value) {
        return "named_struct('measure', '" + measure + "', 'side', '" + side + "', 'v', CAST(" + value + " AS DOUBLE))";
    }

    static String labelSums() {
        String pair = "SELECT day, segment, 'pair' AS scope, side, count(*) AS n, sum(abs(p - label)) AS abs_err, "
                + "sum((p - label) * (p - label)) AS sq_err FROM (SELECT day, segment, label, "
                + "inline(array(named_struct('side', 'baseline', 'p', b_prediction), "
                + "named_struct('side', 'candidate', 'p', c_prediction))) FROM " + pairs()
                + " WHERE label IS NOT NULL AND b_prediction IS NOT NULL AND c_prediction IS NOT NULL) "
                + "GROUP BY day, segment, side";
        String arm = "SELECT day, segment, 'arm' AS scope, side, count(*) AS n, "
                + "sum(abs(prediction - label)) AS abs_err, sum((prediction - label) * (prediction - label)) AS sq_err "
                + "FROM " + arms() + " WHERE label IS NOT NULL AND prediction IS NOT NULL GROUP BY day, segment, side";
        return pair + " UNION ALL " + arm;
    }

    private static String clamp(String score) {
        return "least(greatest(" + score + ", 1e-15D), 1D - 1e-15D)";
    }

    private static String scoreSums(String prefix, String score) {
        return "count(" + score + ") AS " + prefix + "scored, sum(ln(" + clamp(score) + ")) AS " + prefix
                + "ln_p, sum(ln(1D - " + clamp(score) + ")) AS " + prefix + "ln_q";
    }

    static String classPairs() {
        return "SELECT day, segment, b_class, c_class, y, count(*) AS n, " + scoreSums("b_", "b_prediction") + ", "
                + scoreSums("c_", "c_prediction") + " FROM " + pairs()
                + " WHERE b_class IS NOT NULL AND c_class IS NOT NULL GROUP BY day, segment, b_class, c_class, y";
    }

    static String classArms() {
        return "SELECT day, segment, side, class, y, count(*) AS n, " + scoreSums("", "prediction") + " FROM " + arms()
                + " WHERE class IS NOT NULL GROUP BY day, segment, side, class, y";
    }

    static String rankingHits(int topK) {
        String hit = "exists(slice(%s, 1, " + topK + "), x -> array_contains(items, x))";
        return "SELECT day, segment, count(*) AS n, count_if(" + String.format(java.util.Locale.ROOT, hit, "b_ranking")
                + ") AS b_hits, count_if(" + String.format(java.util.Locale.ROOT, hit, "c_ranking")
                + ") AS c_hits FROM "
                + pairs() + " WHERE b_ranking IS NOT NULL AND c_ranking IS NOT NULL AND size(items) > 0 "
                + "GROUP BY day, segment";
    }

    static String rankingItems(int topK) {
        return "SELECT day, side, item, count(*) AS n FROM (SELECT day, side, "
                + "explode(array_distinct(slice(ranking, 1, " + topK + "))) AS item FROM " + arms()
                + " WHERE ranking IS NOT NULL) GROUP BY day, side, item";
    }
}
