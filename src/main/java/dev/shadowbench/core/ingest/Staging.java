package dev.shadowbench.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the SQL that turns one source (a scan exposing line_no, raw_line, parse_problem and the file's columns)
 * into rows of the temp table {@code stage_all}: typed fields plus, for a row that cannot be imported, the
 * field and reason it goes to quarantine with. All conversion happens in DuckDB. {@code merged} marks a line
 * accounted as imported that is folded into another row (a KServe request joined to its response).
 */
final class Staging {
    static final String CREATE = """
            CREATE OR REPLACE TEMP TABLE stage_all(source_file VARCHAR, line_no BIGINT, request_id VARCHAR, ts TIMESTAMP,
              model VARCHAR, version VARCHAR, variant VARCHAR, prediction DOUBLE, predicted_class VARCHAR,
              ranking VARCHAR[], latency_ms DOUBLE, segment VARCHAR, feedback VARCHAR, label DOUBLE, label_class VARCHAR,
              extra VARCHAR, problem_field VARCHAR, problem VARCHAR, raw VARCHAR,
              merged BOOLEAN)""";

    private Staging() {}

    /**
     * @param sourceFile the file every row comes from, or null when the scan has a source_file column
     * @param scan    subquery with columns line_no, raw_line, parse_problem and {@code columns}
     * @param variant fixed variant for every row (from --variant or the path), or null to use the mapped column
     */
    static String insert(String sourceFile, String scan, List<SourceColumn> columns, ColumnMapping m,
                         ImportRequest.Kind kind, String variant) {
        return "INSERT INTO stage_all " + select(sourceFile, scan, columns, m, kind, variant);
    }

    /** A row with a problem fails the statement: the file is then staged line by line instead. */
    static final String FAIL_ON_PROBLEM = "CASE WHEN problem IS NULL THEN true ELSE error('not clean: ' || problem) END";

    /**
     * Straight into the workspace table, for a file expected to be clean: the first row with a problem fails the
     * statement (see {@link #FAIL_ON_PROBLEM}), so every row read is imported.
     */
    static String insertClean(long importId, String sourceFile, String scan, List<SourceColumn> columns, ColumnMapping m,
                              ImportRequest.Kind kind, String variant) {
        String sel = select(sourceFile, scan, columns, m, kind, variant);
        if (kind == ImportRequest.Kind.LABELS) {
            return "INSERT INTO labels SELECT " + importId + ", request_id, label, label_class, ts FROM (" + sel
                    + ") WHERE " + FAIL_ON_PROBLEM;
        }
        return "INSERT INTO predictions SELECT " + importId + ", request_id, ts, model, version, variant, prediction, "
                + "predicted_class, ranking, latency_ms, segment, feedback, source_file, line_no, extra FROM (" + sel
                + ") WHERE " + FAIL_ON_PROBLEM;
    }

    private static String select(String sourceFile, String scan, List<SourceColumn> columns, ColumnMapping m,
                                 ImportRequest.Kind kind, String variant) {
        Map<String, SourceColumn> byName = new java.util.HashMap<>();
        for (SourceColumn c : columns) byName.put(c.name(), c);
        List<String> typed = new ArrayList<>();
        typed.add("s.*");
        typed.add(text(m, Field.REQUEST_ID, byName) + " AS sb_request_id");
        typed.add(ts(m, byName) + " AS sb_ts");
        typed.add(raw(m, Field.TIMESTAMP, byName) + " AS sb_r_ts");
        typed.add(text(m, Field.MODEL, byName) + " AS sb_model");
        typed.add(text(m, Field.VERSION, byName) + " AS sb_version");
        typed.add((variant != null ? Sql.lit(variant) : text(m, Field.VARIANT, byName)) + " AS sb_variant");
        SourceColumn pred = col(m, Field.PREDICTION, byName);
        String predRef = pred == null ? null : "s." + Sql.ident(pred.name());
        boolean list = pred != null && (pred.isList() || pred.type().equalsIgnoreCase("JSON"));
        if (pred == null) {
            typed.add("NULL::DOUBLE AS sb_prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS sb_predicted_class");
            typed.add("NULL::VARCHAR[] AS sb_ranking");
        } else if (list) {
            typed.add("NULL::DOUBLE AS sb_prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS sb_predicted_class");
            typed.add("TRY_CAST(" + predRef + " AS VARCHAR[]) AS sb_ranking");
        } else if (pred.isNumeric()) {
            typed.add("TRY_CAST(" + predRef + " AS DOUBLE) AS sb_prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS sb_predicted_class");
            typed.add("NULL::VARCHAR[] AS sb_ranking");
        } else {
            String v = "CAST(" + predRef + " AS VARCHAR)";
            typed.add("TRY_CAST(" + v + " AS DOUBLE) AS sb_prediction");
            // a prediction that is not a number is a class label (unless a class column says otherwise)
            typed.add("coalesce(" + text(m, Field.PREDICTED_CLASS, byName) + ", CASE WHEN TRY_CAST(" + v
                    + " AS DOUBLE) IS NULL THEN NULLIF(trim(" + v + "), '') END) AS sb_predicted_class");
            typed.add("NULL::VARCHAR[] AS sb_ranking");
        }
        typed.add(raw(m, Field.PREDICTION, byName) + " AS sb_r_pred");
        typed.add(number(m, Field.LATENCY, byName) + " AS sb_latency_ms");
        typed.add(raw(m, Field.LATENCY, byName) + " AS sb_r_lat");
        typed.add(text(m, Field.SEGMENT, byName) + " AS sb_segment");
        typed.add(text(m, Field.FEEDBACK, byName) + " AS sb_feedback");
        typed.add(number(m, Field.LABEL, byName) + " AS sb_label");
        typed.add("CASE WHEN " + number(m, Field.LABEL, byName) + " IS NULL THEN " + text(m, Field.LABEL, byName)
                + " END AS sb_label_class");
        typed.add(raw(m, Field.LABEL, byName) + " AS sb_r_label");
        
        String predName = fieldName(m, Field.PREDICTION);
        StringBuilder problem = new StringBuilder("CASE WHEN parse_problem IS NOT NULL THEN '|' || parse_problem ");
        problem.append("WHEN sb_request_id IS NULL THEN ").append(Sql.lit(fieldName(m, Field.REQUEST_ID) + "|missing correlation id")).append(' ');
        if (kind == ImportRequest.Kind.LABELS) {
            problem.append("WHEN sb_label IS NULL AND sb_label_class IS NULL THEN ")
                    .append(Sql.lit(fieldName(m, Field.LABEL) + "|missing label")).append(' ');
        } else {
            problem.append("WHEN sb_prediction IS NULL AND sb_predicted_class IS NULL AND sb_ranking IS NULL THEN CASE WHEN sb_r_pred IS NULL THEN ")
                    .append(Sql.lit(predName + "|missing prediction")).append(" ELSE ")
                    .append(Sql.lit(predName + "|prediction is not a number, class or list")).append(" END ");
            problem.append("WHEN sb_variant IS NULL THEN ")
                    .append(Sql.lit(fieldName(m, Field.VARIANT) + "|missing variant (give --variant)")).append(' ');
        }
        problem.append("WHEN sb_r_ts IS NOT NULL AND sb_ts IS NULL THEN ").append(Sql.lit(fieldName(m, Field.TIMESTAMP) + "|not a timestamp")).append(' ');
        problem.append("WHEN sb_r_lat IS NOT NULL AND sb_latency_ms IS NULL THEN ").append(Sql.lit(fieldName(m, Field.LATENCY) + "|latency is not a number")).append(' ');
        problem.append("END");

        // extra (unmapped columns) and the raw record are built in the outer query so DuckDB only pays for them
        // on the rows that need them
        return "SELECT " + (sourceFile == null ? "source_file" : Sql.lit(sourceFile)) + " AS source_file, line_no, "
                + "sb_request_id AS request_id, sb_ts AS ts, sb_model AS model, sb_version AS version, sb_variant AS variant, "
                + "sb_prediction AS prediction, sb_predicted_class AS predicted_class, sb_ranking AS ranking, "
                + "sb_latency_ms AS latency_ms, sb_segment AS segment, sb_feedback AS feedback, sb_label AS label, "
                + "sb_label_class AS label_class, "
                + "CASE WHEN sb_pr IS NULL THEN " + json(columns, c -> !m.columns().containsValue(c.name())) + " END AS extra, "
                + "CASE WHEN sb_pr IS NOT NULL THEN NULLIF(split_part(sb_pr, '|', 1), '') END AS problem_field, "
                + "CASE WHEN sb_pr IS NOT NULL THEN substr(sb_pr, strpos(sb_pr, '|') + 1) END AS problem, "
                + "CASE WHEN sb_pr IS NOT NULL THEN coalesce(raw_line, " + json(columns, c -> true) + ") END AS raw, false AS merged "
                + "FROM (SELECT *, " + problem + " AS sb_pr FROM (SELECT " + String.join(", ", typed) + " FROM " + scan + " s) t) s";
    }

    private static SourceColumn col(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        String n = m.column(f);
        return n == null ? null : byName.get(n);
    }

    private static String fieldName(ColumnMapping m, Field f) {
        String n = m.column(f);
        return n == null ? f.key() : n;
    }

    private static String raw(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        return c == null ? "NULL" : "s." + Sql.ident(c.name());
    }

    private static String text(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        if (c == null) return "NULL::VARCHAR";
        String ref = "s." + Sql.ident(c.name());
        if (c.type().equalsIgnoreCase("JSON")) return "NULLIF(json_extract_string(" + ref + ", '$'), '')";
        // no trim(): it costs more than the whole JSON parse on millions of rows; an empty text is still "missing"
        return c.type().equalsIgnoreCase("VARCHAR") ? "NULLIF(" + ref + ", '')" : "NULLIF(CAST(" + ref + " AS VARCHAR), '')";
    }

    private static String number(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        if (c == null) return "NULL::DOUBLE";
        String ref = "s." + Sql.ident(c.name());
        return "TRY_CAST(" + ref + " AS DOUBLE)";
    }

    /** Timestamps: ISO text with or without offset (UTC assumed), native timestamps, or epoch seconds/millis. */
    private static String ts(ColumnMapping m, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, Field.TIMESTAMP, byName);
        if (c == null) return "NULL::TIMESTAMP";
        String ref = "s." + Sql.ident(c.name());
        if (c.isTemporal()) return "TRY_CAST(" + ref + " AS TIMESTAMP)";
        String num = "TRY_CAST(" + ref + " AS DOUBLE)";
        String epoch = "make_timestamp(CAST(CASE WHEN " + num + " > 1e11 THEN " + num + " * 1000 ELSE " + num + " * 1000000 END AS BIGINT))";
        if (c.isNumeric()) return "CASE WHEN " + num + " IS NOT NULL THEN " + epoch + " END";
        return "coalesce(TRY_CAST(TRY_CAST(" + ref + " AS TIMESTAMPTZ) AS TIMESTAMP), CASE WHEN " + num + " IS NOT NULL THEN " + epoch + " END)";
    }

    private static String json(List<SourceColumn> cols, java.util.function.Predicate<SourceColumn> keep) {
        List<String> parts = new ArrayList<>();
        for (SourceColumn c : cols) {
            if (keep.test(c)) parts.add(Sql.lit(c.name()) + ", s." + Sql.ident(c.name()));
        }
        return parts.isEmpty() ? "NULL::VARCHAR" : "CAST(json_object(" + String.join(", ", parts) + ") AS VARCHAR)";
    }
}
