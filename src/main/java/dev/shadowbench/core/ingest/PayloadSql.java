package dev.shadowbench.core.ingest;

/**
 * SQL that decodes captured model payloads and lists the predictions in common response shapes, one per instance the
 * response answers.
 */
final class PayloadSql {
    private PayloadSql() {}

    /** Text of a payload given its data and encoding (CSV, JSON or BASE64); undecodable base64 stays as-is. */
    static String decode(String data, String encoding) {
        return "CASE WHEN upper(" + encoding + ") = 'BASE64' THEN coalesce(" + base64Text(data) + ", " + data
                + ") ELSE " + data + " END";
    }

    /** The UTF-8 text a base64 payload holds, or NULL when it is not base64 or not text (a NumPy array...). */
    static String base64Text(String data) {
        return "try(decode(from_base64(" + data + ")))";
    }

    /** base64 text that may hold JSON; plain JSON text is kept. */
    static String decodeBase64(String data) {
        return "CASE WHEN json_valid(" + data + ") THEN " + data + " ELSE coalesce(" + base64Text(data) + ", " + data
                + ") END";
    }

    /**
     * The predictions in a response body, one per instance answered, as VARCHAR[] (NULL for a NULL body):
     * <ul>
     *   <li>a bare number or a JSON string: one;
     *   <li>a JSON array: one per element (an element that is a list gives its first value, an object its score,
     *       prediction, predicted_label, label or probability);
     *   <li>an object: one per element of {@code predictions} (TF Serving, KServe v1), one per row of
     *       {@code outputs[0]} (KServe v2 / Open Inference: {@code shape[0]} rows of {@code data}), else its own
     *       score, prediction, predicted_label, label or probability;
     *   <li>JSON Lines (application/jsonlines: one record a line): one per line;
     *   <li>text starting like JSON that is neither JSON nor JSON Lines: none (NULL, so the line is quarantined);
     *   <li>anything else is CSV: one per line, its first field.
     * </ul>
     */
    static String predictions(String d) {
        // every JSON function reads jd, NULL unless the body is valid JSON: DuckDB may evaluate CASE branches eagerly
        String jd = "CAST(CASE WHEN json_valid(" + d + ") THEN " + d + " END AS VARCHAR)";
        String lines = "list_filter(string_split(replace(" + d + ", chr(13), ''), chr(10)), lambda l: trim(l) <> '')";
        String v2 = "json_extract(" + jd + ", '$.outputs[0]')";
        String rows = "CAST(coalesce(TRY_CAST(json_extract_string(" + v2 + ", '$.shape[0]') AS BIGINT), "
                + "json_array_length(" + v2 + ", '$.data')) AS BIGINT)";
        String width =
                "greatest(1, CAST(json_array_length(" + v2 + ", '$.data') AS BIGINT) // greatest(1, " + rows + "))";
        return "CASE WHEN " + d + " IS NULL THEN NULL "
                + "WHEN TRY_CAST(trim(" + d + ") AS DOUBLE) IS NOT NULL THEN [trim(" + d + ")] "
                + "WHEN json_type(" + jd + ") = 'ARRAY' THEN list_transform(CAST(json_extract(" + jd
                + ", '$[*]') AS JSON[]), lambda e: " + scalar("e") + ") "
                + "WHEN json_type(" + jd + ", '$.predictions') = 'ARRAY' THEN list_transform(CAST(json_extract("
                + jd + ", '$.predictions[*]') AS JSON[]), lambda e: " + scalar("e") + ") "
                + "WHEN json_type(" + jd + ", '$.predictions') IS NOT NULL THEN ["
                + scalar("json_extract(" + jd + ", '$.predictions')") + "] "
                + "WHEN json_type(" + v2 + ", '$.data') = 'ARRAY' THEN list_transform(range(" + rows
                + "), lambda i: json_extract_string(" + v2 + ", '$.data[' || (i * " + width + ") || ']')) "
                + "WHEN json_valid(" + d + ") THEN [" + scalar(jd) + "] "
                + "WHEN len(list_filter(" + lines + ", lambda l: NOT json_valid(l))) = 0 THEN list_transform(" + lines
                + ", lambda l: " + scalar("CASE WHEN json_valid(l) THEN l END") + ") "
                // broken JSON is not CSV: its first "field" ({"predicted_label":1) must never become a class
                + "WHEN regexp_matches(" + d + ", '^\\s*[\\[{]') THEN [NULL] "
                + "ELSE list_transform(" + lines + ", lambda l: NULLIF(trim(split_part(l, ',', 1)), '')) END";
    }

    /** The scalar a response element stands for: itself, a list's first value, or an object's prediction field. */
    private static String scalar(String e) {
        return "CASE WHEN json_type(" + e + ") = 'ARRAY' THEN json_extract_string(" + e + ", '$[0]') "
                + "WHEN json_type(" + e + ") = 'OBJECT' THEN coalesce(json_extract_string(" + e + ", '$.score'), "
                + "json_extract_string(" + e + ", '$.prediction'), json_extract_string(" + e
                + ", '$.predicted_label'), "
                + "json_extract_string(" + e + ", '$.label'), json_extract_string(" + e + ", '$.probability')) "
                + "ELSE json_extract_string(" + e + ", '$') END";
    }

    /**
     * A SELECT item that unnests a VARCHAR[] of predictions into one row per instance, as a struct {@code alias}
     * with {@code i} (the instance's index, NULL when the list holds one) and {@code p} (its prediction). An empty
     * or NULL list gives one row with a NULL prediction, so the line is still accounted for.
     */
    static String perInstance(String list, String alias) {
        return "unnest(CASE WHEN len(" + list + ") > 1 THEN list_transform(range(len(" + list + ")), lambda i: "
                + "{'i': CAST(i AS INTEGER), 'p': " + list + "[i + 1]}) "
                + "ELSE [{'i': NULL::INTEGER, 'p': " + list + "[1]}] END) AS " + alias;
    }

    /**
     * The correlation id of one instance: the record's id for its first (or only) instance, suffixed {@code #i} for the
     * others. So instance 0 of a record answering several pairs with the single answer of the other side (one variant
     * may answer a request with one instance where the other answers several); the index stays in {@code extra}.
     */
    static String instanceId(String id, String instance) {
        return "CASE WHEN coalesce(" + instance + ", 0) = 0 THEN " + id + " ELSE " + id + " || '#' || " + instance
                + " END";
    }
}
