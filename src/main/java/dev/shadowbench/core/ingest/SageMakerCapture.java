package dev.shadowbench.core.ingest;

import dev.shadowbench.core.BadInputException;
import dev.shadowbench.core.db.Quote;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * AWS SageMaker Data Capture JSON Lines: one record per line with captureData.endpointInput/endpointOutput
 * ({data, encoding, observedContentType}) and eventMetadata {eventId, inferenceId, inferenceTime}. Files live under
 * {@code <endpoint>/<variant>/yyyy/mm/dd/hh/}, so the variant (e.g. AllTraffic, ShadowTraffic) and the model
 * (the endpoint) come from the path. A response answering several instances gives one row per instance (id
 * suffixed {@code #i}). A record merged with its ground truth (Model Monitor's {@code groundTruthData}) keeps
 * the label. Captures record no latency.
 */
final class SageMakerCapture {
    private SageMakerCapture() {}

    static final List<SourceColumn> COLUMNS = List.of(
            new SourceColumn("request_id", "VARCHAR"),
            new SourceColumn("timestamp", "VARCHAR"),
            new SourceColumn("prediction", "VARCHAR"),
            new SourceColumn("label", "VARCHAR"),
            new SourceColumn("event_id", "VARCHAR"),
            new SourceColumn("inference_id", "VARCHAR"),
            new SourceColumn("instance", "INTEGER"),
            new SourceColumn("input", "VARCHAR"),
            new SourceColumn("output", "VARCHAR"),
            new SourceColumn("input_encoding", "VARCHAR"),
            new SourceColumn("output_encoding", "VARCHAR"),
            new SourceColumn("output_content_type", "VARCHAR"),
            new SourceColumn("model", "VARCHAR"));

    static final ColumnMapping MAPPING = new ColumnMapping(java.util.Map.of(
            Field.REQUEST_ID,
            "request_id",
            Field.TIMESTAMP,
            "timestamp",
            Field.PREDICTION,
            "prediction",
            Field.LABEL,
            "label",
            Field.MODEL,
            "model"));

    static LogImporter.FileCount stage(Statement st, SourceProbe.Probe probe, ImportRequest req, String hash, long size)
            throws SQLException {
        boolean truth = isGroundTruth(probe);
        if (req.kind() == ImportRequest.Kind.LABELS && !truth) {
            throw new BadInputException(probe.file() + ": a SageMaker capture file holds predictions, not labels");
        }
        ImportRequest.Kind kind = truth ? ImportRequest.Kind.LABELS : req.kind();
        Path file = probe.file();
        String[] ev = endpointAndVariant(file);
        String variant =
                truth ? null : req.variantOverride() != null ? req.variantOverride() : ev == null ? null : ev[1];
        if (variant == null && !truth) {
            throw new BadInputException(file + ": cannot tell the SageMaker variant: the file is not under "
                    + "<endpoint>/<variant>/yyyy/mm/dd/hh/. Give --variant.");
        }
        long bad = LineCheck.find(st, file);
        long[] lc = TabularSource.countLines(st, file);
        NpyPayloads.stage(st, file);
        String g = "json_extract_string(doc, ";
        String outData = g + "'$.captureData.endpointOutput.data')";
        String outEnc = g + "'$.captureData.endpointOutput.encoding')";
        String in = PayloadSql.decode(
                g + "'$.captureData.endpointInput.data')", g + "'$.captureData.endpointInput.encoding')");
        String base64 = "upper(output_encoding) = 'BASE64'";
        // the lines, their fields, the output's predictions (an .npy array decoded beside, see NpyPayloads)
        String records = "SELECT line_no, raw_line, CASE WHEN doc IS NULL THEN 'malformed JSON' "
                + "WHEN json_type(doc) <> 'OBJECT' THEN 'not a JSON object' "
                + "WHEN json_extract(doc, '$." + (truth ? "groundTruthData" : "captureData") + "') IS NULL THEN "
                + (truth
                        ? "'not a SageMaker ground-truth record (no groundTruthData)'"
                        : "'not a SageMaker capture record (no captureData)'")
                + " END AS parse_problem, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g + "'$.eventMetadata.eventId') END AS event_id, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN coalesce(" + g + "'$.eventMetadata.inferenceId'), "
                + g + "'$.inferenceId')) END AS inference_id, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN coalesce(" + g + "'$.eventMetadata.inferenceTime'), "
                + g + "'$.inferenceTime')) END AS \"timestamp\", "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + in + " END AS input, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + outData + " END AS output_data, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g
                + "'$.captureData.endpointInput.encoding') END AS input_encoding, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + outEnc + " END AS output_encoding, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + g
                + "'$.captureData.endpointOutput.observedContentType') END AS output_content_type, "
                + "CASE WHEN json_type(doc) = 'OBJECT' THEN " + GroundTruth.labels("doc") + " END AS labels "
                // doc is NULL for a malformed line, so no JSON function ever sees invalid text (DuckDB may evaluate
                // CASE branches eagerly)
                + "FROM (SELECT line_no, line AS raw_line, CASE WHEN json_valid(line) THEN line END AS doc FROM "
                + FileReaders.lines(file)
                + " WHERE NOT " + FileReaders.blank("line") + ")";
        String decoded = "SELECT r.*, CASE WHEN " + base64 + " THEN " + PayloadSql.base64Text("output_data")
                + " ELSE output_data END AS output, n.preds AS npy_preds, n.problem AS npy_problem FROM (" + records
                + ") r LEFT JOIN sb_npy n ON n.source_file = " + Quote.literal(file.toString())
                + " AND n.line_no = r.line_no";
        String listed = "SELECT *, coalesce(from_json(npy_preds, '[\"VARCHAR\"]'), " + PayloadSql.predictions("output")
                + ") AS preds FROM (" + decoded + ")";
        String scan = "(SELECT "
                + Staging.scanColumns(
                        "sb_",
                        "line_no",
                        "raw_line",
                        "coalesce(parse_problem, CASE WHEN " + base64 + " AND output IS NULL AND npy_preds IS NULL "
                                + "THEN 'BASE64 output (' || coalesce(output_content_type, 'no content type') || ') "
                                + "cannot be decoded: ' || coalesce(npy_problem, 'not text') END)",
                        "x.i")
                + ", " + PayloadSql.instanceId("coalesce(inference_id, event_id)", "x.i") + " AS request_id, "
                + "\"timestamp\", " + (truth ? "NULL" : "x.p")
                + " AS prediction, CASE WHEN x.i IS NULL THEN labels[1] ELSE labels[x.i + 1] END AS label, event_id, inference_id, x.i AS instance, input, "
                + "CASE WHEN output IS NULL THEN output_data ELSE output END AS output, input_encoding, output_encoding, "
                + "output_content_type, " + Quote.literal(ev == null ? null : ev[0]) + " AS model FROM (SELECT *, "
                + PayloadSql.perInstance(truth ? "labels" : "preds", "x") + " FROM (" + listed + ")))";
        st.execute(Staging.insert(file.toString(), scan, COLUMNS, MAPPING, kind, variant, false));
        if (bad > 0) LineCheck.quarantine(st, file);
        long[] r = TabularSource.split(st, file.toString());
        return new LogImporter.FileCount(
                file, hash, size, LogFormat.SAGEMAKER, variant, MAPPING, lc[0], r[0], r[1], lc[1]);
    }

    /** A Model Monitor ground-truth file: records with groundTruthData and no captureData. */
    static boolean isGroundTruth(SourceProbe.Probe probe) {
        return probe.hasColumn("groundTruthData") && !probe.hasColumn("captureData");
    }

    /** {endpoint, variant} from {@code <endpoint>/<variant>/yyyy/mm/dd/hh/file}, or null when the path is not laid out so. */
    static String[] endpointAndVariant(Path file) {
        Path p = file.toAbsolutePath().getParent();
        String[] digits = new String[4];
        for (int i = 3; i >= 0; i--) {
            if (p == null || p.getFileName() == null) return null;
            digits[i] = p.getFileName().toString();
            if (!digits[i].matches("\\d{1,4}")) return null;
            p = p.getParent();
        }
        if (p == null
                || p.getFileName() == null
                || p.getParent() == null
                || p.getParent().getFileName() == null) return null;
        return new String[] {
            p.getParent().getFileName().toString(), p.getFileName().toString()
        };
    }
}
