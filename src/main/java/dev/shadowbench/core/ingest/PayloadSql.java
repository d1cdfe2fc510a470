package dev.shadowbench.core.ingest;

/** SQL that decodes captured model payloads and picks the prediction out of common response shapes. */
final class PayloadSql {
    private PayloadSql() {}

    /** Text of a payload given its data and encoding (CSV, JSON or BASE64); undecodable base64 stays as-is. */
    static String decode(String data, String encoding) {
        return "CASE WHEN upper(" + encoding + ") = 'BASE64' THEN coalesce(try(decode(from_base64(" + data + "))), "
                + data + ") ELSE " + data + " END";
    }

    /** base64 text that may hold JSON; plain JSON text is kept. */
    static String decodeBase64(String data) {
        return "CASE WHEN json_valid(" + data + ") THEN " + data + " ELSE coalesce(try(decode(from_base64(" + data
                + "))), " + data + ") END";
    }

    /**
     * The prediction in a response body: a bare number or class, the first CSV field, the first element of a JSON
     * array, or predictions[0] / prediction / score / outputs[0].data[0] of a JSON object (TF Serving, KServe v1/v2).
     */
    static String prediction(String d) {
        String j = "json_valid(" + d + ")";
        return "CASE WHEN " + d + " IS NULL THEN NULL "
                + "WHEN TRY_CAST(trim(" + d + ") AS DOUBLE) IS NOT NULL THEN trim(" + d + ") "
                + "WHEN " + j + " AND json_type(" + d + ") = 'ARRAY' THEN " + first(d, "$[0]") + " "
                + "WHEN " + j + " AND json_type(" + d + ") = 'OBJECT' THEN coalesce(" + first(d, "$.predictions[0]")
                + ", "
                + "json_extract_string(" + d + ", '$.prediction'), json_extract_string(" + d + ", '$.score'), "
                + first(d, "$.outputs[0].data[0]") + ") "
                + "WHEN " + j + " AND json_type(" + d + ") = 'VARCHAR' THEN json_extract_string(" + d + ", '$') "
                + "ELSE NULLIF(trim(split_part(" + d + ", ',', 1)), '') END";
    }

    /** An element that may itself be a list or an object with a score: the scalar inside it. */
    private static String first(String d, String path) {
        String e = "json_extract(" + d + ", '" + path + "')";
        return "CASE WHEN json_type(" + e + ") = 'ARRAY' THEN json_extract_string(" + e + ", '$[0]') "
                + "WHEN json_type(" + e + ") = 'OBJECT' THEN coalesce(json_extract_string(" + e + ", '$.score'), "
                + "json_extract_string(" + e + ", '$.prediction'), json_extract_string(" + e + ", '$.label')) "
                + "ELSE json_extract_string(" + e + ", '$') END";
    }
}
