package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KServe payload-logger records as storage sinks write them (JSON Lines, CSV or Parquet rows with url, bytes,
 * contentType, reqType, id, inferenceService, namespace, component, endpoint, metadata, annotations). A request
 * and its response share the CloudEvent id; they are joined across all files of one import. The response row
 * becomes the prediction (variant = endpoint: default or canary); the request's decoded payload goes into
 * extra. KServe records no latency.
 */
final class KServeLogs {
    private KServeLogs() {}

    private static final String CREATE = """
            CREATE TEMP TABLE IF NOT EXISTS kserve_raw(source_file VARCHAR, line_no BIGINT, raw_line VARCHAR,
              parse_problem VARCHAR, id VARCHAR, req_type VARCHAR, payload VARCHAR, endpoint VARCHAR, service VARCHAR,
              component VARCHAR, namespace VARCHAR, time VARCHAR, content_type VARCHAR)""";

    static final ColumnMapping MAPPING = new ColumnMapping(Map.of(
            Field.REQUEST_ID,
            "request_id",
            Field.TIMESTAMP,
            "timestamp",
            Field.PREDICTION,
            "prediction",
            Field.VARIANT,
            "variant",
            Field.MODEL,
            "model",
            Field.LATENCY,
            "latency_ms"));

    /** The problem of a request line no response answers: normal (KServe logs a response only on success). */
    static final String NO_RESPONSE = "request without a response";

    /** Whether a file's columns are a KServe payload-logger record's (storage-sink rows or CloudEvents). */
    static boolean looksLikeKServe(List<SourceColumn> cols) {
        boolean id = !col(cols, "id", "ce_id", "ce-id").equals("NULL");
        boolean type = !col(cols, "reqType", "ce_type", "ce-type").equals("NULL")
                || !col(cols, "type").equals("NULL")
                        && !col(cols, "specversion").equals("NULL");
        return id && type;
    }

    /** Reads one file's records into kserve_raw. */
    static void stageRaw(Statement st, SourceProbe.Probe probe) throws SQLException {
        st.execute(CREATE);
        Path file = probe.file();
        List<SourceColumn> cols = probe.columns();
        String scan;
        String p = Staging.prefix(cols);
        LogFormat container = SourceProbe.containerOf(file, null);
        long bad = 0;
        if (container == LogFormat.JSONL) {
            bad = LineCheck.find(st, file);
            scan = TabularSource.lineScan(file, TabularSource.declared(cols));
        } else if (container == LogFormat.CSV) {
            scan = "(SELECT " + Staging.scanColumns(p, "row_number() OVER () + 1", "NULL::VARCHAR", "NULL::VARCHAR")
                    + ", * FROM read_csv(" + FileReaders.file(file) + ", header=true, all_varchar=true))";
        } else {
            scan = "(SELECT " + Staging.scanColumns(p, "file_row_number + 1", "NULL::VARCHAR", "NULL::VARCHAR")
                    + ", * FROM read_parquet(" + FileReaders.file(file) + "))";
        }
        String bytes = col(cols, "bytes", "data_base64", "data", "payload");
        if (bad > 0) LineCheck.quarantine(st, file);
        st.execute("INSERT INTO kserve_raw SELECT " + Quote.literal(file.toString()) + ", " + p + "line_no, " + p
                + "raw_line, "
                + p + "parse_problem, "
                + col(cols, "id", "ce_id", "ce-id") + ", " + col(cols, "reqType", "type", "ce_type", "ce-type") + ", "
                + (bytes.equals("NULL") ? "NULL" : PayloadSql.decodeBase64(bytes)) + ", "
                + col(cols, "endpoint", "ce_endpoint", "ce-endpoint") + ", "
                + col(
                        cols,
                        "inferenceService",
                        "inferenceservicename",
                        "ce_inferenceservicename",
                        "ce-inferenceservicename")
                + ", " + col(cols, "component", "ce_component", "ce-component") + ", "
                + col(cols, "namespace", "ce_namespace", "ce-namespace") + ", "
                // occurrenceTime: when the logger saw the request or response (KServe 0.18 on); else the CloudEvent's
                // time
                + col(
                        cols,
                        "occurrenceTime",
                        "ce_occurrencetime",
                        "ce-occurrencetime",
                        "time",
                        "ce_time",
                        "ce-time",
                        "timestamp")
                + ", "
                + col(
                        cols,
                        "contentType",
                        "datacontenttype",
                        "ce_datacontenttype",
                        "ce-datacontenttype",
                        "content-type")
                + " FROM " + scan + " s");
    }

    private static String col(List<SourceColumn> cols, String... names) {
        for (String n : names) {
            for (SourceColumn c : cols) {
                if (c.name().equalsIgnoreCase(n)) {
                    return c.type().equalsIgnoreCase("JSON")
                            ? "json_extract_string(s." + Quote.ident(c.name()) + ", '$')"
                            : "CAST(s." + Quote.ident(c.name()) + " AS VARCHAR)";
                }
            }
        }
        return "NULL";
    }

    /** Joins requests to responses into stage_all and returns the per-file accounting. */
    static List<LogImporter.FileCount> finish(Statement st, ImportRequest req, List<LogImporter.FileCount> counts)
            throws SQLException {
        if (req.kind() == ImportRequest.Kind.LABELS) {
            throw new BadInputException("KServe payload logs hold predictions, not labels");
        }
        st.execute(
                "CREATE OR REPLACE TEMP TABLE kserve_raw AS SELECT *, parse_problem IS NULL AND lower(req_type) LIKE '%request%' "
                        + "AS is_request FROM kserve_raw");
        // one row per instance the response answers; the latency is the time from the request to its response
        String joined = "SELECT r.*, q.payload AS input, q.time AS request_time, "
                + PayloadSql.predictions("r.payload") + " AS preds "
                + "FROM kserve_raw r LEFT JOIN (SELECT id, any_value(payload) AS payload, min(time) AS time FROM kserve_raw "
                + "WHERE is_request GROUP BY id) q ON q.id = r.id WHERE NOT r.is_request";
        String latency = "CASE WHEN TRY_CAST(time AS TIMESTAMPTZ) >= TRY_CAST(request_time AS TIMESTAMPTZ) THEN "
                + "(epoch_us(TRY_CAST(time AS TIMESTAMPTZ)) - epoch_us(TRY_CAST(request_time AS TIMESTAMPTZ))) / 1000.0 END";
        String responses = "(SELECT source_file, "
                + Staging.scanColumns(
                        "sb_",
                        "line_no",
                        "raw_line",
                        "coalesce(parse_problem, CASE WHEN req_type IS NULL THEN 'no reqType: not a KServe payload record' END)",
                        "x.i")
                + ", " + PayloadSql.instanceId("id", "x.i")
                + " AS request_id, coalesce(request_time, time) AS \"timestamp\", "
                + "x.p AS prediction, endpoint AS variant, service AS model, CAST(" + latency
                + " AS VARCHAR) AS latency_ms, "
                + "x.i AS instance, input, payload AS output, namespace, component "
                + "FROM (SELECT *, " + PayloadSql.perInstance("preds", "x") + " FROM (" + joined + ")))";
        List<SourceColumn> cols = new ArrayList<>();
        for (String n : List.of(
                "request_id",
                "timestamp",
                "prediction",
                "variant",
                "model",
                "latency_ms",
                "instance",
                "input",
                "output",
                "namespace",
                "component")) {
            cols.add(new SourceColumn(n, "VARCHAR"));
        }
        if (!Staging.prefix(cols).equals("sb_")) throw new IllegalStateException("KServe columns collide with sb_");
        st.execute(Staging.insert(null, responses, cols, MAPPING, req.kind(), req.variantOverride(), false));
        st.execute(
                "INSERT INTO stage_all(source_file, line_no, request_id, variant, problem_field, problem, raw, merged) "
                        + "SELECT source_file, line_no, id, endpoint, CASE WHEN NOT matched THEN 'id' END, "
                        + "CASE WHEN NOT matched THEN '" + NO_RESPONSE
                        + "' END, CASE WHEN NOT matched THEN coalesce(raw_line, payload) END, "
                        + "matched FROM (SELECT *, id IN (SELECT id FROM kserve_raw WHERE NOT is_request AND parse_problem IS NULL) AS matched "
                        + "FROM kserve_raw WHERE is_request)");
        List<LogImporter.FileCount> out = new ArrayList<>();
        for (LogImporter.FileCount fc : counts) {
            if (fc.format() != LogFormat.KSERVE) {
                out.add(fc);
                continue;
            }
            long blank = 0, lines;
            long[] r = TabularSource.split(st, fc.file().toString());
            if (SourceProbe.containerOf(fc.file(), null) == LogFormat.JSONL) {
                long[] lc = TabularSource.countLines(st, fc.file());
                lines = lc[0];
                blank = lc[1];
            } else {
                lines = r[0] + r[1];
            }
            out.add(new LogImporter.FileCount(
                    fc.file(),
                    fc.hash(),
                    fc.size(),
                    LogFormat.KSERVE,
                    req.variantOverride(),
                    MAPPING,
                    lines,
                    r[0],
                    r[1],
                    blank));
        }
        return out;
    }

    static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
