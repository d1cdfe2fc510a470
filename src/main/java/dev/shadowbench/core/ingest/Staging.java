package dev.shadowbench.core.ingest;

import dev.shadowbench.core.db.Quote;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the SQL that turns one source (a scan exposing line_no, raw_line, parse_problem and the file's columns)
 * into rows of the temp table {@code stage_all}: typed fields plus, for a row that cannot be imported, the
 * field and reason it goes to quarantine with. All conversion happens in DuckDB. {@code merged} marks a line
 * accounted as imported that is folded into another row (a KServe request joined to its response).
 */
final class Staging {
    /** The start of every INSERT into the workspace's predictions table: its columns named, so a migration that adds one keeps it working. */
    static final String INTO_PREDICTIONS =
            "INSERT INTO predictions(import_id, request_id, ts, model, version, variant, prediction, "
                    + "predicted_class, ranking, latency_ms, segment, feedback, source_file, source_line, extra) ";
    /** The SELECT list of stage_all that fills {@link #INTO_PREDICTIONS}, after the import id. */
    static final String PREDICTION_VALUES =
            "request_id, ts, model, version, variant, prediction, predicted_class, ranking, "
                    + "latency_ms, segment, feedback, source_file, line_no, extra";
    /** The start of every INSERT into the workspace's labels table. */
    static final String INTO_LABELS = "INSERT INTO labels(import_id, request_id, label, label_class, ts) ";
    /** The SELECT list of stage_all that fills {@link #INTO_LABELS}, after the import id. */
    static final String LABEL_VALUES = "request_id, label, label_class, ts";

    static final String CREATE = """
            CREATE OR REPLACE TEMP TABLE stage_all(source_file VARCHAR, line_no BIGINT, request_id VARCHAR, ts TIMESTAMP,
              model VARCHAR, version VARCHAR, variant VARCHAR, prediction DOUBLE, predicted_class VARCHAR,
              ranking VARCHAR[], latency_ms DOUBLE, segment VARCHAR, feedback VARCHAR, label DOUBLE, label_class VARCHAR,
              extra VARCHAR, problem_field VARCHAR, problem VARCHAR, raw VARCHAR,
              merged BOOLEAN, instance INTEGER, labels_only BOOLEAN DEFAULT false)""";

    private Staging() {}

    /**
     * @param sourceFile the file every row comes from, or null when the scan has a source_file column
     * @param scan    subquery with columns line_no, raw_line, parse_problem and {@code columns}
     * @param variant fixed variant for every row (from --variant or the path), or null to use the mapped column
     */
    static String insert(
            String sourceFile,
            String scan,
            List<SourceColumn> columns,
            ColumnMapping m,
            ImportRequest.Kind kind,
            String variant,
            boolean textIsClass) {
        return "INSERT INTO stage_all " + select(sourceFile, scan, columns, m, kind, variant, textIsClass, null);
    }

    /**
     * The rows of a source that have no problem, typed as for stage_all. The test is on the problem's number, inside
     * the query: a test on the {@code problem} column outside it made DuckDB inline the problem's CASE (and each typed
     * field it reads, the timestamp cast included) once per reason, which cost more than reading the file.
     */
    static String selectGood(
            String sourceFile,
            String scan,
            List<SourceColumn> columns,
            ColumnMapping m,
            ImportRequest.Kind kind,
            String variant,
            boolean textIsClass) {
        return select(sourceFile, scan, columns, m, kind, variant, textIsClass, "{pr} IS NULL");
    }

    /**
     * Straight into the workspace table, for a file expected to be clean: the first row with a problem fails the
     * statement ({@code error()}), so every row read is imported.
     */
    static String insertClean(
            long importId,
            String sourceFile,
            String scan,
            List<SourceColumn> columns,
            ColumnMapping m,
            ImportRequest.Kind kind,
            String variant) {
        // the fast path reads JSON Lines: a text value there is a JSON string
        String sel = select(
                sourceFile,
                scan,
                columns,
                m,
                kind,
                variant,
                true,
                "CASE WHEN {pr} IS NULL THEN true ELSE error('not clean: problem ' || {pr}) END");
        if (kind == ImportRequest.Kind.LABELS) {
            return INTO_LABELS + "SELECT " + importId + ", " + LABEL_VALUES + " FROM (" + sel + ")";
        }
        return INTO_PREDICTIONS + "SELECT " + importId + ", " + PREDICTION_VALUES + " FROM (" + sel + ")";
    }

    /**
     * The prefix of every name the importer adds beside the file's own columns (line number, raw line, parse
     * problem, the typed fields): {@code sb_}, or {@code sb1_}, {@code sb2_}... when a column of the file already
     * starts with it (in any case), so a user's column can never stand in for one of the importer's own.
     */
    static String prefix(List<SourceColumn> columns) {
        for (int i = 0; ; i++) {
            String p = i == 0 ? "sb_" : "sb" + i + "_";
            if (columns.stream()
                    .noneMatch(c -> c.name().toLowerCase(Locale.ROOT).startsWith(p))) return p;
        }
    }

    /** The scan columns every source exposes beside the file's own: line number, raw line, parse problem. */
    static String scanColumns(String prefix, String lineNo, String rawLine, String parseProblem) {
        return scanColumns(prefix, lineNo, rawLine, parseProblem, "NULL::INTEGER");
    }

    /**
     * The scan columns of a source whose line may answer several instances: {@code instance} is the instance's index
     * (0, 1, ...) on a line that answers more than one, NULL on a line that answers one.
     */
    static String scanColumns(String prefix, String lineNo, String rawLine, String parseProblem, String instance) {
        return lineNo + " AS " + prefix + "line_no, " + rawLine + " AS " + prefix + "raw_line, " + parseProblem + " AS "
                + prefix + "parse_problem, " + instance + " AS " + prefix + "instance";
    }

    /**
     * One outcome per line: a line answering several instances is imported whole or quarantined whole. When one of its
     * instances has a problem, its good instances are dropped and one quarantine row (the first bad instance, holding
     * the whole line) stays, so the line is counted once and nothing of it is lost.
     */
    static void settleInstances(Statement st, String file) throws SQLException {
        st.execute("DELETE FROM stage_all WHERE rowid IN (SELECT rid FROM (SELECT rowid AS rid, "
                + "row_number() OVER (PARTITION BY line_no ORDER BY problem IS NULL, instance) AS k, "
                + "bool_or(problem IS NOT NULL) OVER (PARTITION BY line_no) AS bad FROM stage_all "
                + "WHERE source_file = " + Quote.literal(file) + " AND instance IS NOT NULL) WHERE bad AND k > 1)");
    }

    /**
     * @param textIsClass the source types its values (JSON, Parquet), so a prediction column of text holds classes, even
     *     one spelled "0"; false for CSV and decoded payloads, whose text may spell a number
     */
    private static String select(
            String sourceFile,
            String scan,
            List<SourceColumn> columns,
            ColumnMapping m,
            ImportRequest.Kind kind,
            String variant,
            boolean textIsClass,
            String where) {
        Map<String, SourceColumn> byName = new java.util.HashMap<>();
        for (SourceColumn c : columns) byName.put(c.name(), c);
        String p = prefix(columns);
        List<String> typed = new ArrayList<>();
        typed.add("s.*");
        typed.add(text(m, Field.REQUEST_ID, byName) + " AS " + p + "request_id");
        typed.add(ts(m, byName) + " AS " + p + "ts");
        typed.add(raw(m, Field.TIMESTAMP, byName) + " AS " + p + "r_ts");
        typed.add(text(m, Field.MODEL, byName) + " AS " + p + "model");
        typed.add(text(m, Field.VERSION, byName) + " AS " + p + "version");
        typed.add((variant != null ? Quote.literal(variant) : text(m, Field.VARIANT, byName)) + " AS " + p + "variant");
        SourceColumn pred = col(m, Field.PREDICTION, byName);
        String predRef = pred == null ? null : ref(pred, byName);
        boolean list = pred != null && (pred.isList() || pred.type().equalsIgnoreCase("JSON"));
        if (pred == null) {
            typed.add("NULL::DOUBLE AS " + p + "prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS " + p + "predicted_class");
            typed.add("NULL::VARCHAR[] AS " + p + "ranking");
        } else if (list) {
            typed.add("NULL::DOUBLE AS " + p + "prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS " + p + "predicted_class");
            typed.add("TRY_CAST(" + predRef + " AS VARCHAR[]) AS " + p + "ranking");
        } else if (pred.isNumeric()) {
            typed.add("TRY_CAST(" + predRef + " AS DOUBLE) AS " + p + "prediction");
            typed.add(text(m, Field.PREDICTED_CLASS, byName) + " AS " + p + "predicted_class");
            typed.add("NULL::VARCHAR[] AS " + p + "ranking");
        } else if (textIsClass && pred.type().equalsIgnoreCase("VARCHAR")) {
            typed.add("NULL::DOUBLE AS " + p + "prediction");
            typed.add("coalesce(" + text(m, Field.PREDICTED_CLASS, byName) + ", NULLIF(trim(" + predRef + "), '')) AS "
                    + p + "predicted_class");
            typed.add("NULL::VARCHAR[] AS " + p + "ranking");
        } else {
            String v = "CAST(" + predRef + " AS VARCHAR)";
            typed.add("TRY_CAST(" + v + " AS DOUBLE) AS " + p + "prediction");
            // a prediction that is not a number is a class label (unless a class column says otherwise)
            typed.add("coalesce(" + text(m, Field.PREDICTED_CLASS, byName) + ", CASE WHEN TRY_CAST(" + v
                    + " AS DOUBLE) IS NULL THEN NULLIF(trim(" + v + "), '') END) AS " + p + "predicted_class");
            typed.add("NULL::VARCHAR[] AS " + p + "ranking");
        }
        typed.add(raw(m, Field.PREDICTION, byName) + " AS " + p + "r_pred");
        typed.add(number(m, Field.LATENCY, byName) + " AS " + p + "latency_ms");
        typed.add(raw(m, Field.LATENCY, byName) + " AS " + p + "r_lat");
        typed.add(text(m, Field.SEGMENT, byName) + " AS " + p + "segment");
        typed.add(text(m, Field.FEEDBACK, byName) + " AS " + p + "feedback");
        typed.add(number(m, Field.LABEL, byName) + " AS " + p + "label");
        typed.add("CASE WHEN " + number(m, Field.LABEL, byName) + " IS NULL THEN " + text(m, Field.LABEL, byName)
                + " END AS " + p + "label_class");
        typed.add(raw(m, Field.LABEL, byName) + " AS " + p + "r_label");

        // The problem is chosen by number, and its field and reason are constants of the query: a column name
        // (which may hold any character) is never parsed back out of a string.
        List<String[]> problems = new ArrayList<>();
        problems.add(new String[] {p + "request_id IS NULL", fieldName(m, Field.REQUEST_ID), "missing correlation id"});
        if (kind == ImportRequest.Kind.LABELS) {
            problems.add(new String[] {
                p + "label IS NULL AND " + p + "label_class IS NULL", fieldName(m, Field.LABEL), "missing label"
            });
        } else {
            String predName = fieldName(m, Field.PREDICTION);
            String none = p + "prediction IS NULL AND " + p + "predicted_class IS NULL AND " + p + "ranking IS NULL";
            problems.add(new String[] {none + " AND " + p + "r_pred IS NULL", predName, "missing prediction"});
            problems.add(new String[] {none, predName, "prediction is not a number, class or list"});
            problems.add(
                    new String[] {p + "variant IS NULL", fieldName(m, Field.VARIANT), "missing variant (give --variant)"
                    });
        }
        // NaN and infinity parse as numbers (JSON 1e400, NaN; CSV "inf") but would poison every mean and quantile
        if (kind == ImportRequest.Kind.PREDICTIONS) {
            problems.add(new String[] {
                "NOT isfinite(" + p + "prediction)", fieldName(m, Field.PREDICTION), "prediction is not a finite number"
            });
        }
        problems.add(
                new String[] {"NOT isfinite(" + p + "label)", fieldName(m, Field.LABEL), "label is not a finite number"
                });
        problems.add(new String[] {
            "NOT isfinite(" + p + "latency_ms)", fieldName(m, Field.LATENCY), "latency is not a finite number"
        });
        String tsField = fieldName(m, Field.TIMESTAMP);
        String tsMissing = p + "r_ts IS NOT NULL AND " + p + "ts IS NULL";
        problems.add(new String[] {
            tsMissing + " AND TRY_CAST(" + p + "r_ts AS DOUBLE) IS NOT NULL", tsField, "timestamp out of range"
        });
        problems.add(new String[] {tsMissing, tsField, "not a timestamp"});
        problems.add(new String[] {
            p + "r_lat IS NOT NULL AND " + p + "latency_ms IS NULL",
            fieldName(m, Field.LATENCY),
            "latency is not a number"
        });
        StringBuilder code = new StringBuilder("CASE WHEN " + p + "parse_problem IS NOT NULL THEN 0 ");
        StringBuilder field = new StringBuilder("CASE " + p + "pr ");
        StringBuilder reason = new StringBuilder("CASE " + p + "pr WHEN 0 THEN " + p + "parse_problem ");
        for (int i = 0; i < problems.size(); i++) {
            String[] pr = problems.get(i);
            code.append("WHEN ").append(pr[0]).append(" THEN ").append(i + 1).append(' ');
            field.append("WHEN ")
                    .append(i + 1)
                    .append(" THEN ")
                    .append(Quote.literal(pr[1]))
                    .append(' ');
            reason.append("WHEN ")
                    .append(i + 1)
                    .append(" THEN ")
                    .append(Quote.literal(pr[2]))
                    .append(' ');
        }
        code.append("END");
        field.append("END");
        reason.append("END");

        // extra (unmapped columns) and the raw record are built in the outer query so DuckDB only pays for them
        // on the rows that need them
        return "SELECT " + (sourceFile == null ? "source_file" : Quote.literal(sourceFile)) + " AS source_file, "
                + p + "line_no AS line_no, "
                + p + "request_id AS request_id, " + p + "ts AS ts, " + p + "model AS model, " + p
                + "version AS version, "
                + p + "variant AS variant, " + p + "prediction AS prediction, " + p
                + "predicted_class AS predicted_class, "
                + p + "ranking AS ranking, " + p + "latency_ms AS latency_ms, " + p + "segment AS segment, "
                + p + "feedback AS feedback, " + p + "label AS label, " + p + "label_class AS label_class, "
                + "CASE WHEN " + p + "pr IS NULL THEN "
                + json(columns, c -> !m.columns().containsValue(c.name())) + " END AS extra, "
                + field + " AS problem_field, " + reason + " AS problem, "
                + "CASE WHEN " + p + "pr IS NOT NULL THEN coalesce(" + p + "raw_line, " + json(columns, c -> true)
                + ") END AS raw, "
                + "false AS merged, " + p + "instance AS instance, " + (kind == ImportRequest.Kind.LABELS)
                + " AS labels_only "
                + "FROM (SELECT *, " + code + " AS " + p + "pr FROM (SELECT " + String.join(", ", typed) + " FROM "
                + scan
                + " s) t) s"
                + (where == null ? "" : " WHERE " + where.replace("{pr}", p + "pr"));
    }

    private static SourceColumn col(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        String n = m.column(f);
        if (n == null) return null;
        SourceColumn c = byName.get(n);
        if (c != null) return c;
        SourceColumn base = nestedBase(n, byName);
        // a field inside a nested column (eventMetadata.eventId): read as text, converted like any text column
        return base == null ? null : new SourceColumn(n, "VARCHAR");
    }

    /**
     * The column a dotted name ({@code eventMetadata.eventId}) reaches into: the longest leading part that is a column
     * of the file, or null.
     */
    static SourceColumn nestedBase(String name, Map<String, SourceColumn> byName) {
        for (int i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
            SourceColumn base = byName.get(name.substring(0, i));
            if (base != null) return base;
        }
        return null;
    }

    /**
     * The SQL reference to a column of the scan {@code s}; a dotted name that is no column itself reads the field inside
     * its nested base column (a struct, or JSON text as the line-by-line reader gives it).
     */
    private static String ref(SourceColumn c, Map<String, SourceColumn> byName) {
        if (byName.containsKey(c.name())) return "s." + Quote.ident(c.name());
        SourceColumn base = nestedBase(c.name(), byName);
        String rest = c.name().substring(base.name().length() + 1);
        String path = "'$."
                + String.join(
                        ".",
                        java.util.Arrays.stream(rest.split("\\.", -1))
                                .map(k -> "\"" + k.replace("'", "''").replace("\"", "\\\"") + "\"")
                                .toList())
                + "'";
        String b = "s." + Quote.ident(base.name());
        String json = base.type().toUpperCase(Locale.ROOT).startsWith("STRUCT")
                ? "to_json(" + b + ")"
                : "CASE WHEN json_valid(" + b + ") THEN " + b + " END";
        return "json_extract_string(" + json + ", " + path + ")";
    }

    private static String fieldName(ColumnMapping m, Field f) {
        String n = m.column(f);
        return n == null ? f.key() : n;
    }

    private static String raw(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        return c == null ? "NULL" : ref(c, byName);
    }

    private static String text(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        if (c == null) return "NULL::VARCHAR";
        String ref = ref(c, byName);
        if (c.type().equalsIgnoreCase("JSON")) return "NULLIF(json_extract_string(" + ref + ", '$'), '')";
        // no trim(): it costs more than the whole JSON parse on millions of rows; an empty text is still "missing"
        return c.type().equalsIgnoreCase("VARCHAR")
                ? "NULLIF(" + ref + ", '')"
                : "NULLIF(CAST(" + ref + " AS VARCHAR), '')";
    }

    private static String number(ColumnMapping m, Field f, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, f, byName);
        if (c == null) return "NULL::DOUBLE";
        String ref = ref(c, byName);
        return "TRY_CAST(" + ref + " AS DOUBLE)";
    }

    /** Timestamps: ISO text with or without offset (UTC assumed), native timestamps, or epoch seconds/millis. */
    private static String ts(ColumnMapping m, Map<String, SourceColumn> byName) {
        SourceColumn c = col(m, Field.TIMESTAMP, byName);
        if (c == null) return "NULL::TIMESTAMP";
        String ref = ref(c, byName);
        if (c.isTemporal()) return "try(CAST(" + ref + " AS TIMESTAMP))";
        String num = "TRY_CAST(" + ref + " AS DOUBLE)";
        // try(): an epoch out of range (1e20, -1e15, 1e300) gives NULL, so the line is quarantined, not the import
        // failed
        String epoch = "try(make_timestamp(CAST(CASE WHEN " + num + " > 1e11 THEN " + num + " * 1000 ELSE " + num
                + " * 1000000 END AS BIGINT)))";
        if (c.isNumeric()) return "CASE WHEN " + num + " IS NOT NULL THEN " + epoch + " END";
        return "coalesce(TRY_CAST(TRY_CAST(" + ref + " AS TIMESTAMPTZ) AS TIMESTAMP), CASE WHEN " + num
                + " IS NOT NULL THEN " + epoch + " END)";
    }

    private static String json(List<SourceColumn> cols, java.util.function.Predicate<SourceColumn> keep) {
        List<String> parts = new ArrayList<>();
        for (SourceColumn c : cols) {
            if (keep.test(c)) parts.add(Quote.literal(c.name()) + ", s." + Quote.ident(c.name()));
        }
        return parts.isEmpty() ? "NULL::VARCHAR" : "CAST(json_object(" + String.join(", ", parts) + ") AS VARCHAR)";
    }
}
