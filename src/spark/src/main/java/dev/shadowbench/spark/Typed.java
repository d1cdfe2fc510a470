package dev.shadowbench.spark;

import dev.shadowbench.core.ingest.ColumnMapping;
import dev.shadowbench.core.ingest.Field;
import dev.shadowbench.core.ingest.ImportRequest;
import dev.shadowbench.core.ingest.SourceColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns a source's columns into the desk's typed record (core/ingest/Staging): text fields, numbers, a timestamp from
 * ISO text (UTC when no offset), a native timestamp or epoch seconds/millis, and a prediction that is a number, a class
 * or a ranking by its column's type. A row the desk would quarantine (no id, no usable prediction, no variant, a value
 * that is not a finite number, a timestamp or latency that does not parse) is marked {@code bad}: counted, never paired.
 *
 * <p>Columns of the result: request_id, ts, model, version, variant, prediction, predicted_class, ranking, latency_ms,
 * segment, feedback, label, label_class, file, pos, bad.
 */
final class Typed {
    private final ColumnMapping m;
    private final Map<String, SourceColumn> byName = new HashMap<>();
    private final boolean textIsClass;

    private Typed(ColumnMapping m, List<SourceColumn> declared, boolean textIsClass) {
        this.m = m;
        for (SourceColumn c : declared) byName.put(c.name(), c);
        this.textIsClass = textIsClass;
    }

    /** Prediction records of {@code src}; {@code m} must name a request id and a prediction or class column. */
    static Dataset<Row> predictions(LogSource src, ColumnMapping m) {
        List<SourceColumn> declared = SparkTypes.columns(src.declared());
        Typed t = new Typed(m, declared, !src.format().equals("csv"));
        t.validate(ImportRequest.Kind.PREDICTIONS, declared);
        return src.rows().selectExpr(t.predictionColumns(src.format()));
    }

    /** Label records (request_id, label, label_class, bad) of a labels file. */
    static Dataset<Row> labels(LogSource src, ColumnMapping m) {
        List<SourceColumn> declared = SparkTypes.columns(src.declared());
        Typed t = new Typed(m, declared, !src.format().equals("csv"));
        t.validate(ImportRequest.Kind.LABELS, declared);
        String label = t.number(Field.LABEL);
        String labelClass = "CASE WHEN " + label + " IS NULL THEN " + t.text(Field.LABEL) + " END";
        String id = t.text(Field.REQUEST_ID);
        String bad = id + " IS NULL OR (" + label + " IS NULL AND " + labelClass + " IS NULL) OR " + nonFinite(label)
                + " OR " + t.badTimestamp();
        return src.rows()
                .selectExpr(
                        id + " AS request_id",
                        label + " AS label",
                        labelClass + " AS label_class",
                        "coalesce(" + bad + ", false) AS bad");
    }

    private void validate(ImportRequest.Kind kind, List<SourceColumn> declared) {
        String names =
                String.join(", ", declared.stream().map(SourceColumn::name).toList());
        for (var e : m.columns().entrySet()) {
            if (!has(e.getValue())) {
                throw new JobOptions.BadOptionException(
                        "the mapping sends field " + e.getKey().key() + " to column '" + e.getValue()
                                + "', which the logs do not have (columns: " + names + ")");
            }
        }
        if (!m.has(Field.REQUEST_ID))
            throw new JobOptions.BadOptionException("no correlation id column found (looked for "
                    + Field.REQUEST_ID.commonNames() + "; columns: " + names + "). Give --mapping with request_id.");
        if (kind == ImportRequest.Kind.LABELS && !m.has(Field.LABEL))
            throw new JobOptions.BadOptionException(
                    "no label column found in the labels (looked for " + Field.LABEL.commonNames() + ")");
        if (kind == ImportRequest.Kind.PREDICTIONS && !m.has(Field.PREDICTION) && !m.has(Field.PREDICTED_CLASS))
            throw new JobOptions.BadOptionException("no prediction column found (looked for "
                    + Field.PREDICTION.commonNames() + "; columns: " + names + "). Give --mapping with prediction.");
    }

    private String[] predictionColumns(String format) {
        SourceColumn pred = col(Field.PREDICTION);
        String prediction, predictedClass, ranking = "CAST(NULL AS ARRAY<STRING>)";
        String cls = text(Field.PREDICTED_CLASS);
        if (pred == null) {
            prediction = "CAST(NULL AS DOUBLE)";
            predictedClass = cls;
        } else if (pred.isList()) {
            prediction = "CAST(NULL AS DOUBLE)";
            predictedClass = cls;
            ranking = "transform(" + ref(pred) + ", x -> CAST(x AS STRING))";
        } else if (pred.isNumeric()) {
            prediction = "try_cast(" + ref(pred) + " AS DOUBLE)";
            predictedClass = cls;
        } else if (textIsClass && pred.type().equals("VARCHAR")) {
            prediction = "CAST(NULL AS DOUBLE)";
            predictedClass = "coalesce(" + cls + ", NULLIF(trim(" + ref(pred) + "), ''))";
        } else {
            // a prediction that is not a number is a class label (unless a class column says otherwise)
            String v = "CAST(" + ref(pred) + " AS STRING)";
            prediction = "try_cast(" + v + " AS DOUBLE)";
            predictedClass = "coalesce(" + cls + ", CASE WHEN try_cast(" + v + " AS DOUBLE) IS NULL THEN NULLIF(trim("
                    + v + "), '') END)";
        }
        String variant = m.has(Field.VARIANT) ? text(Field.VARIANT) : Variants.fromPath("_metadata.file_path");
        String latency = number(Field.LATENCY), label = number(Field.LABEL);
        String none = "(" + prediction + ") IS NULL AND (" + predictedClass + ") IS NULL AND (" + ranking + ") IS NULL";
        String bad = String.join(
                " OR ",
                text(Field.REQUEST_ID) + " IS NULL",
                none,
                "(" + variant + ") IS NULL",
                nonFinite(prediction),
                nonFinite(label),
                nonFinite(latency),
                badTimestamp(),
                "(" + raw(Field.LATENCY) + " IS NOT NULL AND " + latency + " IS NULL)");
        String pos = format.equals("parquet") ? "_metadata.row_index" : "monotonically_increasing_id()";
        return new String[] {
            text(Field.REQUEST_ID) + " AS request_id",
            ts() + " AS ts",
            text(Field.MODEL) + " AS model",
            text(Field.VERSION) + " AS version",
            variant + " AS variant",
            prediction + " AS prediction",
            predictedClass + " AS predicted_class",
            ranking + " AS ranking",
            latency + " AS latency_ms",
            text(Field.SEGMENT) + " AS segment",
            text(Field.FEEDBACK) + " AS feedback",
            label + " AS label",
            "CASE WHEN " + label + " IS NULL THEN " + text(Field.LABEL) + " END AS label_class",
            "_metadata.file_path AS file",
            pos + " AS pos",
            "coalesce(" + bad + ", false) AS bad"
        };
    }

    /** True for NaN and the infinities; null for null (the desk's {@code NOT isfinite(x)}). */
    static String nonFinite(String x) {
        return "(isnan(" + x + ") OR abs(" + x + ") = double('Infinity'))";
    }

    private String badTimestamp() {
        return "(" + raw(Field.TIMESTAMP) + " IS NOT NULL AND " + ts() + " IS NULL)";
    }

    private boolean has(String name) {
        if (byName.containsKey(name)) return true;
        SourceColumn base = nestedBase(name);
        return base != null && base.type().startsWith("STRUCT");
    }

    private SourceColumn col(Field f) {
        String n = m.column(f);
        if (n == null) return null;
        SourceColumn c = byName.get(n);
        if (c != null) return c;
        // a field inside a struct column (eventMetadata.eventId): read as text, converted like any text column
        return nestedBase(n) == null ? null : new SourceColumn(n, "VARCHAR");
    }

    /** The column a dotted name reaches into: the longest leading part that is a column, or null. */
    private SourceColumn nestedBase(String name) {
        for (int i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
            SourceColumn base = byName.get(name.substring(0, i));
            if (base != null) return base;
        }
        return null;
    }

    private String ref(SourceColumn c) {
        if (byName.containsKey(c.name())) return quote(c.name());
        SourceColumn base = nestedBase(c.name());
        StringBuilder sb = new StringBuilder(quote(base.name()));
        for (String part : c.name().substring(base.name().length() + 1).split("\\.", -1))
            sb.append('.').append(quote(part));
        return sb.toString();
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private String raw(Field f) {
        SourceColumn c = col(f);
        return c == null ? "NULL" : ref(c);
    }

    private String text(Field f) {
        SourceColumn c = col(f);
        if (c == null) return "CAST(NULL AS STRING)";
        return c.type().equals("VARCHAR") ? "NULLIF(" + ref(c) + ", '')" : "NULLIF(CAST(" + ref(c) + " AS STRING), '')";
    }

    private String number(Field f) {
        SourceColumn c = col(f);
        return c == null ? "CAST(NULL AS DOUBLE)" : "try_cast(" + ref(c) + " AS DOUBLE)";
    }

    /** Timestamps: ISO text with or without offset (UTC assumed), native timestamps, or epoch seconds/millis. */
    private String ts() {
        SourceColumn c = col(Field.TIMESTAMP);
        if (c == null) return "CAST(NULL AS TIMESTAMP)";
        String ref = ref(c);
        if (c.isTemporal()) return "try_cast(" + ref + " AS TIMESTAMP)";
        String num = "try_cast(" + ref + " AS DOUBLE)";
        // epoch millis above 1e11, else seconds; out of range gives null, so the row is quarantined
        String epoch = "timestamp_micros(try_cast(round(CASE WHEN " + num + " > 1e11 THEN " + num + " * 1000 ELSE "
                + num + " * 1000000 END) AS BIGINT))";
        if (c.isNumeric()) return "CASE WHEN " + num + " IS NOT NULL THEN " + epoch + " END";
        return "coalesce(try_cast(" + ref + " AS TIMESTAMP), CASE WHEN " + num + " IS NOT NULL THEN " + epoch + " END)";
    }
}
