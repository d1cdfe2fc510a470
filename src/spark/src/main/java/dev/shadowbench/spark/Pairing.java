package dev.shadowbench.spark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Pairs baseline and candidate records by request id with the desk's rules (core/compare/Pairing) in one shuffle: the
 * records of both sides and the labels are grouped by request id once, and each group yields the side's earliest
 * record (by ts, nulls last, then input file, then position in it), how many records the side logged for the id, and
 * the id's label. Every table of the extract is then a GROUP BY over this one row per request id.
 *
 * <p>Columns of {@link #requests}: request_id, b_n, c_n (records per side; 0 = not on that side), b_* and c_* (ts, day,
 * segment, prediction, class, ranking, latency, feedback of the earliest record; a value that is not finite is null),
 * b_feedback_any, b_complaint_any (and c_), label, label_class, y (the label as a class) and items (every label class of
 * the id: the clicked items of a ranking).
 */
final class Pairing {
    private Pairing() {}

    /** The fields of a side's earliest record, as the columns {@code b_<name>} / {@code c_<name>}. */
    static final List<String> RECORD = List.of(
            "ts", "day", "segment", "prediction", "class", "ranking", "latency", "feedback", "model", "version");

    /**
     * @param records the typed good records (Typed#predictions without the bad rows), as temp view {@code records}
     * @param labelsInLogs whether the records carry labels (a mapped label column): they count as label rows too
     * @param labels rows request_id, label, label_class of the label files (good rows only), as view {@code label_rows}
     * @param complaint per side (b, c), SQL boolean over a record's {@code feedback}: whether it is a complaint
     */
    static Dataset<Row> requests(
            SparkSession spark,
            JobOptions.Side baseline,
            JobOptions.Side candidate,
            LocalDate from,
            LocalDate to,
            boolean labelsInLogs,
            java.util.function.Function<String, String> complaint) {
        Map<String, Object> args = new HashMap<>();
        String b = side("b", baseline, args), c = side("c", candidate, args);
        String window = "TRUE";
        if (from != null) {
            window += " AND to_date(ts) >= :from_day";
            args.put("from_day", java.sql.Date.valueOf(from));
        }
        if (to != null) {
            window += " AND to_date(ts) <= :to_day";
            args.put("to_day", java.sql.Date.valueOf(to));
        }
        // NaN or infinite numbers count as "no value" (the desk's pairing does the same after its import)
        String rec = "named_struct('ts', ts, 'day', to_date(ts), 'segment', segment, "
                + "'prediction', CASE WHEN NOT " + Typed.nonFinite("prediction") + " THEN prediction END, "
                + "'class', predicted_class, 'ranking', ranking, "
                + "'latency', CASE WHEN NOT " + Typed.nonFinite("latency_ms") + " THEN latency_ms END, "
                + "'feedback', feedback, 'model', model, 'version', version)";
        String order = "named_struct('no_ts', ts IS NULL, 'ts', ts, 'file', file, 'pos', pos)";
        String cols = "request_id, ts, segment, prediction, predicted_class, ranking, latency_ms, feedback, model, "
                + "version, file, pos, label, label_class";
        // One scan of the records: a record of both sides (a side of "*") counts on each, as on the desk; a label
        // logged beside the prediction counts as a label row, whatever the window (the desk's labels are not windowed).
        String labelled = labelsInLogs ? "CASE WHEN label IS NOT NULL OR label_class IS NOT NULL THEN 'l' END" : "NULL";
        String tagged = "SELECT side, " + cols + " FROM (SELECT explode(filter(array(CASE WHEN " + b + " AND " + window
                + " THEN 'b' END, CASE WHEN " + c + " AND " + window + " THEN 'c' END, " + labelled
                + "), x -> x IS NOT NULL)) AS side, * FROM records) UNION ALL SELECT 'l' AS side, request_id, "
                + "NULL, ".repeat(11) + "label, label_class FROM label_rows";
        StringBuilder sql = new StringBuilder("SELECT request_id");
        for (String s : List.of("b", "c")) {
            String only = " FILTER (WHERE side = '" + s + "')";
            sql.append(", count_if(side = '")
                    .append(s)
                    .append("') AS ")
                    .append(s)
                    .append("_n");
            sql.append(", min_by(")
                    .append(rec)
                    .append(", ")
                    .append(order)
                    .append(")")
                    .append(only);
            sql.append(" AS ").append(s).append("_rec");
            sql.append(", coalesce(bool_or(feedback IS NOT NULL)").append(only).append(", false) AS ");
            sql.append(s).append("_feedback_any");
            sql.append(", coalesce(bool_or(")
                    .append(complaint.apply(s))
                    .append(")")
                    .append(only)
                    .append(", false) AS ");
            sql.append(s).append("_complaint_any");
        }
        sql.append(", min(named_struct('label', label, 'label_class', label_class)) FILTER (WHERE side = 'l') AS lab");
        sql.append(", collect_set(").append(labelClass("label", "label_class")).append(")");
        sql.append(" FILTER (WHERE side = 'l') AS items");
        sql.append(" FROM (").append(tagged).append(") GROUP BY request_id");
        Dataset<Row> grouped = spark.sql(sql.toString(), args);
        List<String> flat = new java.util.ArrayList<>(List.of("request_id", "b_n", "c_n"));
        for (String s : List.of("b", "c")) {
            for (String f : RECORD) flat.add(s + "_rec." + f + " AS " + s + "_" + f);
            flat.add(s + "_feedback_any");
            flat.add(s + "_complaint_any");
        }
        flat.add("lab.label AS label");
        flat.add("lab.label_class AS label_class");
        flat.add(labelClass("lab.label", "lab.label_class") + " AS y");
        flat.add("items");
        return grouped.selectExpr(flat.toArray(new String[0]));
    }

    /** The label as a class (LabelQuality.LABEL_CLASS): a whole-number label 1.0 is class "1". */
    static String labelClass(String label, String labelClass) {
        return "coalesce(" + labelClass + ", CASE WHEN " + label + " = floor(" + label + ") THEN CAST(try_cast(" + label
                + " AS BIGINT) AS STRING) ELSE CAST(" + label + " AS STRING) END)";
    }

    /** SQL keeping one side's records: its named fields equal, each value a named parameter. */
    private static String side(String prefix, JobOptions.Side s, Map<String, Object> args) {
        StringBuilder sb = new StringBuilder("TRUE");
        if (s.variant() != null) {
            sb.append(" AND variant = :").append(prefix).append("_variant");
            args.put(prefix + "_variant", s.variant());
        }
        if (s.model() != null) {
            sb.append(" AND model = :").append(prefix).append("_model");
            args.put(prefix + "_model", s.model());
        }
        if (s.version() != null) {
            sb.append(" AND version = :").append(prefix).append("_version");
            args.put(prefix + "_version", s.version());
        }
        return sb.toString();
    }
}
